-- The identity of an ingest is the file's bytes, its format and the reader's options (a
-- column mapping, an encoding, a date format): the same bytes read another way are a new
-- ingest, which supersedes the reports of the earlier reading of those bytes. ingested_files
-- is keyed by the ingest (ingest_id) instead of the bytes (content_hash), and records the
-- options, how many rows were skipped (not attacks) or were duplicates, the encoding and date
-- format read, when its documents were written, and which later ingest superseded it.
CREATE TABLE ingested_files_v7 (
    ingest_id      VARCHAR PRIMARY KEY,
    content_hash   VARCHAR NOT NULL,
    path           VARCHAR NOT NULL,
    source_format  VARCHAR NOT NULL,
    options        JSON NOT NULL,
    rows_read      BIGINT NOT NULL,
    documents      BIGINT NOT NULL,
    reports        BIGINT NOT NULL,
    rejected       BIGINT NOT NULL,
    skipped        BIGINT NOT NULL DEFAULT 0,
    duplicates     BIGINT NOT NULL DEFAULT 0,
    encoding       VARCHAR,
    date_format    VARCHAR,
    ingested_at    TIMESTAMPTZ NOT NULL,
    documents_at   TIMESTAMPTZ,
    superseded_by  VARCHAR
);
INSERT INTO ingested_files_v7 (ingest_id, content_hash, path, source_format, options, rows_read,
                               documents, reports, rejected, ingested_at)
SELECT content_hash, content_hash, path, source_format, '{}', rows_read, documents, reports,
       rejected, ingested_at
FROM ingested_files;
DROP TABLE ingested_files;
ALTER TABLE ingested_files_v7 RENAME TO ingested_files;
