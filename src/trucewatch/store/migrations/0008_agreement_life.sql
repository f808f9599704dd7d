-- The agreement's whole life (issue 11) and windows with a time of day (issue 15, item 4).
-- Additive only: new nullable columns and new tables.

-- The hour of an attack when a source gives it: the instant in UTC and the source's own UTC
-- offset (e.g. '+05:30'), so the local time can be shown as the source gave it. An
-- incident's is its earliest report's.
ALTER TABLE reports ADD COLUMN event_at TIMESTAMP;
ALTER TABLE reports ADD COLUMN event_offset VARCHAR;
ALTER TABLE incidents ADD COLUMN event_at TIMESTAMP;
ALTER TABLE incidents ADD COLUMN event_offset VARCHAR;

-- Events that commitments other than strike halts are judged by: exchanges (items handed
-- over per side) and meetings (talks held, scheduled or cancelled), read from documents by
-- the commitment kinds' readers (trucewatch.commitments) or imported from a table.
CREATE TABLE commitment_events (
    id            VARCHAR NOT NULL,
    document_id   VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    event_date    DATE,
    detail        JSON NOT NULL,
    evidence      VARCHAR,
    language      VARCHAR,
    url           VARCHAR,
    outlet        VARCHAR,
    published     DATE,
    reader        VARCHAR NOT NULL
);
-- Which documents each reader has read, so a document is read once per reader version.
CREATE TABLE event_scans (
    document_id  VARCHAR NOT NULL,
    reader       VARCHAR NOT NULL,
    events       INTEGER NOT NULL
);
