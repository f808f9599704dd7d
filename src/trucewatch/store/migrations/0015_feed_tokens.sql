-- Feed tokens (`trucewatch users feed-token NAME`): one per account, for feed readers that
-- cannot log in. Only a SHA-256 hash of the token is kept; the token is shown once. It opens
-- the alerts feed (/alerts.atom?token=...) with the account's rights and nothing else.
CREATE TABLE feed_tokens (
    name        VARCHAR PRIMARY KEY,   -- the account (users.name)
    token_hash  VARCHAR NOT NULL,      -- hex SHA-256 of the token
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  VARCHAR NOT NULL
);
