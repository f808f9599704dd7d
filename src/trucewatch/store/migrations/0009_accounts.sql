-- Accounts of the team that shares a dashboard (`trucewatch users ...`): a role each and an
-- argon2 hash of the password. An account is disabled, never deleted, so that the names in
-- reviews and the audit log keep meaning someone.
CREATE TABLE users (
    name           VARCHAR PRIMARY KEY,
    role           VARCHAR NOT NULL CHECK (role IN ('viewer', 'analyst', 'editor', 'admin')),
    password_hash  VARCHAR NOT NULL,
    disabled       BOOLEAN NOT NULL DEFAULT false,
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     VARCHAR NOT NULL,
    changed_at     TIMESTAMPTZ NOT NULL
);
