-- Analysts' reviews of incidents (dashboard "review"): confirm, dispute or annotate.
-- Each review is also written to audit_log; confirm and dispute change the incident's verdicts.
CREATE SEQUENCE reviews_seq;
CREATE TABLE reviews (
    id           BIGINT PRIMARY KEY DEFAULT nextval('reviews_seq'),
    incident_id  VARCHAR NOT NULL,
    action       VARCHAR NOT NULL CHECK (action IN ('confirm', 'dispute', 'annotate')),
    perpetrator  VARCHAR,
    note         VARCHAR NOT NULL,
    reviewer     VARCHAR NOT NULL,
    reviewed_at  TIMESTAMPTZ NOT NULL
);
