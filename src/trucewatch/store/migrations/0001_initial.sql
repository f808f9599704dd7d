-- The concepts of docs/design.md. Dates are DATE with a precision column; times are UTC.
CREATE TABLE agreements (
    id            VARCHAR NOT NULL,
    version       INTEGER NOT NULL,
    title         VARCHAR NOT NULL,
    parties       VARCHAR[] NOT NULL,
    mediators     VARCHAR[] NOT NULL,
    spec          JSON NOT NULL,
    content_hash  VARCHAR NOT NULL,
    source_path   VARCHAR,
    added_at      TIMESTAMPTZ NOT NULL,
    added_by      VARCHAR NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE commitments (
    agreement_id  VARCHAR NOT NULL,
    version       INTEGER NOT NULL,
    id            VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    title         VARCHAR NOT NULL,
    bound         VARCHAR[] NOT NULL,
    status        VARCHAR,
    status_since  DATE,
    due           DATE,
    numbers       JSON,
    PRIMARY KEY (agreement_id, version, id)
);

CREATE TABLE readings (
    agreement_id   VARCHAR NOT NULL,
    version        INTEGER NOT NULL,
    commitment_id  VARCHAR NOT NULL,
    party          VARCHAR NOT NULL,
    scope          VARCHAR[] NOT NULL,
    classes        VARCHAR[] NOT NULL,
    start_date     DATE,
    last_day       DATE,
    duration_days  INTEGER,
    area           VARCHAR[] NOT NULL,
    bound          VARCHAR[] NOT NULL,
    conditions     JSON NOT NULL,
    escape_clause  BOOLEAN NOT NULL,
    quote          VARCHAR NOT NULL,
    source_url     VARCHAR,
    PRIMARY KEY (agreement_id, version, commitment_id, party)
);

CREATE TABLE documents (
    id             VARCHAR PRIMARY KEY,
    content_hash   VARCHAR NOT NULL,
    source_format  VARCHAR NOT NULL,
    source_path    VARCHAR,
    source_line    INTEGER,
    url            VARCHAR,
    outlet         VARCHAR,
    published      DATE,
    language       VARCHAR,
    text           VARCHAR,
    ingested_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE reports (
    id              VARCHAR NOT NULL,
    document_id     VARCHAR NOT NULL,
    event_date      DATE,
    date_precision  VARCHAR,
    country         VARCHAR,
    admin1          VARCHAR,
    place           VARCHAR,
    lat             DOUBLE,
    lon             DOUBLE,
    target_class    VARCHAR NOT NULL,
    target_text     VARCHAR,
    weapon          VARCHAR,
    perpetrator     VARCHAR,
    claimed_by      VARCHAR,
    negated         BOOLEAN NOT NULL,
    evidence        VARCHAR,
    confidence      DOUBLE NOT NULL,
    reasons         JSON
);

CREATE TABLE incidents (
    id              VARCHAR NOT NULL,
    event_date      DATE,
    date_precision  VARCHAR,
    country         VARCHAR,
    admin1          VARCHAR,
    place           VARCHAR,
    lat             DOUBLE,
    lon             DOUBLE,
    target_class    VARCHAR NOT NULL,
    target_group    VARCHAR NOT NULL,
    perpetrator     VARCHAR,
    claimants       VARCHAR[] NOT NULL,
    corroborated    BOOLEAN NOT NULL,
    negated         BOOLEAN NOT NULL,
    report_count    INTEGER NOT NULL,
    source_count    INTEGER NOT NULL,
    confidence      DOUBLE NOT NULL
);

CREATE TABLE incident_reports (
    incident_id  VARCHAR NOT NULL,
    report_id    VARCHAR NOT NULL
);

CREATE TABLE verdicts (
    incident_id        VARCHAR NOT NULL,
    agreement_id       VARCHAR NOT NULL,
    agreement_version  INTEGER NOT NULL,
    commitment_id      VARCHAR NOT NULL,
    party              VARCHAR NOT NULL,
    verdict            VARCHAR NOT NULL,
    reasons            VARCHAR[] NOT NULL,
    confidence         DOUBLE NOT NULL
);

CREATE SEQUENCE audit_log_seq;
CREATE TABLE audit_log (
    id         BIGINT PRIMARY KEY DEFAULT nextval('audit_log_seq'),
    changed_at TIMESTAMPTZ NOT NULL,
    actor      VARCHAR NOT NULL,
    action     VARCHAR NOT NULL,
    entity     VARCHAR NOT NULL,
    entity_id  VARCHAR,
    detail     JSON
);
