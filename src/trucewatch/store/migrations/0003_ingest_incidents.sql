-- Ingest bookkeeping, ACLED edit history, incident extras and verdict rules.
CREATE TABLE ingested_files (
    content_hash   VARCHAR PRIMARY KEY,
    path           VARCHAR NOT NULL,
    source_format  VARCHAR NOT NULL,
    rows_read      BIGINT NOT NULL,
    documents      BIGINT NOT NULL,
    reports        BIGINT NOT NULL,
    rejected       BIGINT NOT NULL,
    ingested_at    TIMESTAMPTZ NOT NULL
);

-- A source row's own key (ACLED event_id_cnty, UCDP id, GDELT GlobalEventID) and version
-- (ACLED timestamp): a newer version supersedes the older one, which is kept as history.
ALTER TABLE documents ADD COLUMN source_key VARCHAR;
ALTER TABLE documents ADD COLUMN source_version BIGINT;
ALTER TABLE reports ADD COLUMN source_key VARCHAR;
ALTER TABLE reports ADD COLUMN source_version BIGINT;
ALTER TABLE reports ADD COLUMN geo_precision VARCHAR;
ALTER TABLE reports ADD COLUMN superseded BOOLEAN DEFAULT false;

-- Incidents: the last day the merged reports cover, the place key they were merged on,
-- the outlets and the parties that deny the attack.
ALTER TABLE incidents ADD COLUMN date_last DATE;
ALTER TABLE incidents ADD COLUMN place_key VARCHAR;
ALTER TABLE incidents ADD COLUMN outlets VARCHAR[];
ALTER TABLE incidents ADD COLUMN status VARCHAR;

-- The rule that decided a verdict (see trucewatch.assess.rules).
ALTER TABLE verdicts ADD COLUMN rule VARCHAR;
