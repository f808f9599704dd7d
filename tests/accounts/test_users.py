"""Accounts in the store and ``trucewatch users``: roles, argon2 hashes, disabling, passwords,
and the audit log naming who changed what."""

from __future__ import annotations

import json

import pytest

from trucewatch.accounts import (
    Permission,
    Role,
    add_user,
    allowed_roles,
    authenticate,
    disable_user,
    has_accounts,
    list_users,
    require,
    set_password,
)
from trucewatch.cli import app
from trucewatch.errors import AccessError, UsageError
from trucewatch.store import SCHEMA_VERSION, open_store

PASSWORD = "correct horse battery"


@pytest.fixture
def store(db_path):
    with open_store(db_path) as opened:
        yield opened


def test_passwords_are_stored_as_argon2id_hashes(store):
    add_user(store, "ana", "analyst", PASSWORD)
    stored = store.conn.execute("SELECT password_hash FROM users").fetchone()[0]
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert authenticate(store, "ana", PASSWORD).role is Role.ANALYST
    assert authenticate(store, "ana", "wrong password") is None
    assert authenticate(store, "nobody", PASSWORD) is None


def test_a_disabled_account_cannot_log_in_and_keeps_its_name(store):
    add_user(store, "ada", "admin", PASSWORD)
    add_user(store, "ana", "analyst", PASSWORD)
    assert disable_user(store, "ana").disabled
    assert authenticate(store, "ana", PASSWORD) is None
    assert [u.name for u in list_users(store)] == ["ada", "ana"]
    with pytest.raises(UsageError, match="the account 'ana' exists already \\(disabled\\)"):
        add_user(store, "ana", "viewer", PASSWORD)


def test_the_last_admin_cannot_be_disabled(store):
    add_user(store, "ada", "admin", PASSWORD)
    with pytest.raises(UsageError, match="'ada' is the last enabled admin"):
        disable_user(store, "ada")
    assert has_accounts(store)


def test_a_new_password_replaces_the_old(store):
    add_user(store, "ed", "editor", PASSWORD)
    set_password(store, "ed", "another long one")
    assert authenticate(store, "ed", PASSWORD) is None
    assert authenticate(store, "ed", "another long one").name == "ed"


@pytest.mark.parametrize(("name", "role", "password", "message"), [
    ("a b", "viewer", PASSWORD, "'a b' is not an account name"),
    ("ana", "owner", PASSWORD, "'owner' is not a role; use one of viewer, analyst, editor, admin"),
    ("ana", "viewer", "short", "the password has 5 characters; at least 8 are needed"),
])
def test_bad_accounts_are_refused_with_a_reason(store, name, role, password, message):
    with pytest.raises(UsageError, match=message):
        add_user(store, name, role, password)
    assert not has_accounts(store)


def test_every_change_is_in_the_audit_log_with_who_made_it(db_path):
    with open_store(db_path) as store:
        store.actor = "ada"
        add_user(store, "ana", "analyst", PASSWORD)
        set_password(store, "ana", "another long one")
        rows = store.conn.execute("SELECT actor, action, entity_id, detail FROM audit_log "
                                  "ORDER BY id").fetchall()
    assert [(a, b, c) for a, b, c, _ in rows] == [("ada", "user.add", "ana"),
                                                  ("ada", "user.passwd", "ana")]
    assert PASSWORD not in json.dumps(rows, default=str)


def test_roles_allow_what_the_roles_before_them_do():
    assert allowed_roles(Permission.REVIEW) == [Role.ANALYST, Role.EDITOR, Role.ADMIN]
    require("editor", Permission.REVIEW)
    with pytest.raises(AccessError) as refused:
        require("viewer", Permission.REVIEW, who="the account 'vera'")
    assert str(refused.value) == ("the account 'vera' is a viewer and may not review or "
                                  "annotate incidents; that needs the role analyst or editor "
                                  "or admin; an admin can change it")
    assert refused.value.exit_code == 7


def test_an_older_database_gains_the_accounts_table(db_path):
    with open_store(db_path, schema_version=5) as store:
        store.audit("add", "note", "n1")
    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert not has_accounts(store)
        add_user(store, "ada", "admin", PASSWORD)
        assert store.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 2


def test_users_commands(runner, db_path):
    runner.invoke(app, ["--db", str(db_path), "init"])
    added = runner.invoke(app, ["--db", str(db_path), "users", "add", "ana", "--role",
                                "analyst", "--password-stdin"], input=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    assert added.output.strip() == "added ana (analyst)"
    runner.invoke(app, ["--db", str(db_path), "users", "add", "ada", "--role", "admin",
                        "--password-stdin"], input=PASSWORD + "\n")
    listed = runner.invoke(app, ["--db", str(db_path), "users", "list", "--json"])
    assert [(u["name"], u["role"], u["disabled"]) for u in json.loads(listed.output)] == [
        ("ada", "admin", False), ("ana", "analyst", False)]
    changed = runner.invoke(app, ["--db", str(db_path), "users", "passwd", "ana",
                                  "--password-stdin"], input="a new long password\n")
    assert changed.output.strip() == "changed the password of ana"
    disabled = runner.invoke(app, ["--db", str(db_path), "users", "disable", "ana"])
    assert disabled.output.strip() == "disabled ana"
    short = runner.invoke(app, ["--db", str(db_path), "users", "add", "vera", "--role",
                                "viewer", "--password-stdin"], input="short\n")
    assert short.exit_code == 2
    assert short.output.strip() == ("error: password: the password has 5 characters; at least "
                                    "8 are needed")
    with open_store(db_path) as store:
        assert authenticate(store, "ana", "a new long password") is None  # disabled
        assert authenticate(store, "ada", PASSWORD).role is Role.ADMIN


def test_users_add_without_a_terminal_asks_for_stdin(runner, db_path):
    runner.invoke(app, ["--db", str(db_path), "init"])
    result = runner.invoke(app, ["--db", str(db_path), "users", "add", "ana", "--role",
                                 "analyst"], input="")
    assert result.exit_code == 2
    assert result.output.strip() == ("error: no terminal to type the password in; pass "
                                     "--password-stdin and send it on standard input")
