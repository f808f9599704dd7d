-- Continuous monitoring (trucewatch.watch) and alerts (trucewatch.alerts).

-- One row per watched source: what to send on the next conditional request, and its health.
CREATE TABLE watch_sources (
    id               VARCHAR PRIMARY KEY,   -- kind:location, e.g. rss:https://example.org/feed
    kind             VARCHAR NOT NULL,      -- rss, page or folder
    location         VARCHAR NOT NULL,      -- the URL, or the folder's absolute path
    etag             VARCHAR,
    last_modified    VARCHAR,
    last_polled_at   TIMESTAMPTZ,
    last_success_at  TIMESTAMPTZ,
    last_error_at    TIMESTAMPTZ,
    last_error       VARCHAR,
    failing_since    TIMESTAMPTZ,           -- first failure of the current run of failures
    failures         INTEGER NOT NULL DEFAULT 0,
    polls            BIGINT NOT NULL DEFAULT 0,
    items_read       BIGINT NOT NULL DEFAULT 0,   -- entries, documents or rows, all polls
    new_items        BIGINT NOT NULL DEFAULT 0,   -- ... of them new to the store
    last_items       BIGINT NOT NULL DEFAULT 0    -- read by the last poll that read anything
);

-- Files seen in watched folders, so that an unchanged file is not hashed again every round.
CREATE TABLE watch_files (
    source_id  VARCHAR NOT NULL,
    path       VARCHAR NOT NULL,
    size       BIGINT NOT NULL,
    mtime_ns   BIGINT NOT NULL,
    state      VARCHAR NOT NULL CHECK (state IN ('ingested', 'error')),
    error      VARCHAR,
    rows_read  BIGINT NOT NULL DEFAULT 0,
    seen_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source_id, path)
);

-- Every alert a rule raised, once per stable key. ``baseline`` alerts were found by the first
-- evaluation of their agreement and rule: summed up in one summary alert, not sent one by one.
CREATE SEQUENCE alerts_seq;
CREATE TABLE alerts (
    key            VARCHAR PRIMARY KEY,
    seq            BIGINT NOT NULL DEFAULT nextval('alerts_seq'),
    kind           VARCHAR NOT NULL,
    rule           VARCHAR NOT NULL,
    agreement_id   VARCHAR,
    commitment_id  VARCHAR,
    reading        VARCHAR,
    party          VARCHAR,
    incidents      VARCHAR[] NOT NULL,
    text           VARCHAR NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    baseline       BOOLEAN NOT NULL,
    detail         JSON
);

-- Delivery of each alert to each sink (stdout, jsonl:PATH, webhook:URL, email:TO@HOST).
CREATE TABLE alert_deliveries (
    alert_key        VARCHAR NOT NULL,
    sink             VARCHAR NOT NULL,
    state            VARCHAR NOT NULL CHECK (state IN ('pending', 'delivered')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_attempt_at  TIMESTAMPTZ,
    next_attempt_at  TIMESTAMPTZ,
    delivered_at     TIMESTAMPTZ,
    last_error       VARCHAR,
    PRIMARY KEY (alert_key, sink)
);

-- Which rule has been evaluated over which agreement's history (agreement '' for rules about
-- sources): only alerts found after that are sent one by one.
CREATE TABLE alert_baselines (
    agreement_id  VARCHAR NOT NULL,
    rule          VARCHAR NOT NULL,
    baselined_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (agreement_id, rule)
);
