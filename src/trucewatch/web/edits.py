"""What editors and admins do in the dashboard: add agreement specs, manage accounts.

* ``POST /api/agreements`` (an editor): the spec's YAML as the body; ``POST /agreements`` is
  the page's upload form. The spec is checked like ``trucewatch agreement add`` checks it, and
  stored on the server's writer.
* ``/users`` (an admin): the accounts, a form to add one and a button to disable one; their
  JSON twins ``GET/POST /api/users`` and ``POST /api/users/{name}/disable``.

Every write carries the CSRF token and is recorded in the name of the account that sends it.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Header, Request, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from trucewatch.accounts import add_user, disable_user, list_users
from trucewatch.accounts.passwords import MAX_LENGTH
from trucewatch.agreements import add_agreement, parse_spec
from trucewatch.errors import UsageError

from .access import Account, Admin, Editor
from .context import render
from .csrf import FIELD, HEADER, check_csrf
from .writes import after_write, write

__all__ = ["router"]

router = APIRouter()

#: The largest spec accepted, in bytes (the flagship case's is about 12 kB).
MAX_SPEC_BYTES = 1_000_000


def _add_spec(request: Request, account: Account, text: str, name: str) -> dict[str, Any]:
    agreement = parse_spec(text, path=name)  # errors name the uploaded file and line
    result = write(request, account, f"agreement add {name}",
                   lambda store: add_agreement(store, agreement, source_path=name))
    return {"agreement_id": result.agreement_id, "version": result.version,
            "outcome": result.outcome.value}


def _decode(data: bytes, name: str) -> str:
    if len(data) > MAX_SPEC_BYTES:
        raise UsageError(f"the spec is {len(data):,} bytes; the limit is {MAX_SPEC_BYTES:,}",
                         path=name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError("the spec is not UTF-8 text", path=name) from None


@router.post("/api/agreements", tags=["agreements"], status_code=201,
             summary="Add an agreement spec (YAML body; an editor; needs X-CSRF-Token)")
async def add_agreement_api(request: Request, account: Editor,
                            token: Annotated[str | None, Header(alias=HEADER)] = None
                            ) -> Response:
    check_csrf(request, account, token)
    declared = int(request.headers.get("content-length") or 0)
    if declared > MAX_SPEC_BYTES:
        raise UsageError(f"the spec is {declared:,} bytes; the limit is {MAX_SPEC_BYTES:,}")
    text = _decode(await request.body(), "spec")
    added = await run_in_threadpool(_add_spec, request, account, text, "spec")
    return JSONResponse(added, status_code=201)


@router.post("/agreements", include_in_schema=False)
def add_agreement_form(request: Request, account: Editor, spec: UploadFile,
                       csrf_token_field: Annotated[str, Form(alias=FIELD)] = "") -> Response:
    check_csrf(request, account, csrf_token_field)
    name = spec.filename or "spec"
    added = _add_spec(request, account, _decode(spec.file.read(MAX_SPEC_BYTES + 1), name), name)
    return RedirectResponse(f"/agreements/{added['agreement_id']}", status_code=303)


# -- accounts ---------------------------------------------------------------------------------


class NewUser(BaseModel):
    """An account to add."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(max_length=64)
    role: str = Field(description="viewer, analyst, editor or admin")
    password: str = Field(max_length=MAX_LENGTH)


def _users(request: Request) -> list[dict[str, Any]]:
    with request.app.state.reads.store() as store:
        return [user.as_dict() for user in list_users(store)]


def _add_user(request: Request, account: Account, new: NewUser) -> dict[str, Any]:
    user = write(request, account, f"users add {new.name}",
                 lambda store: add_user(store, new.name, new.role, new.password))
    after_write(request.app.state, "users.add", {"name": new.name})
    return user.as_dict()


def _disable(request: Request, account: Account, name: str) -> dict[str, Any]:
    user = write(request, account, f"users disable {name}",
                 lambda store: disable_user(store, name))
    after_write(request.app.state, "users.disable", {"name": name})
    return user.as_dict()


@router.get("/users", include_in_schema=False)
def users_page(request: Request, account: Admin) -> Response:
    return render(request, "users.html", {"users": _users(request)})


@router.post("/users", include_in_schema=False)
def add_user_form(request: Request, account: Admin, name: Annotated[str, Form()],
                  role: Annotated[str, Form()], password: Annotated[str, Form()],
                  csrf_token_field: Annotated[str, Form(alias=FIELD)] = "") -> Response:
    check_csrf(request, account, csrf_token_field)
    _add_user(request, account, NewUser(name=name, role=role, password=password))
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{name}/disable", include_in_schema=False)
def disable_user_form(request: Request, account: Admin, name: str,
                      csrf_token_field: Annotated[str, Form(alias=FIELD)] = "") -> Response:
    check_csrf(request, account, csrf_token_field)
    _disable(request, account, name)
    return RedirectResponse("/users", status_code=303)


@router.get("/api/users", tags=["accounts"], summary="Every account (an admin)")
def users_api(request: Request, account: Admin) -> Response:
    return JSONResponse(jsonable_encoder({"users": _users(request)}))


@router.post("/api/users", tags=["accounts"], status_code=201,
             summary="Add an account (an admin; needs X-CSRF-Token)")
def add_user_api(request: Request, account: Admin, new: NewUser,
                 token: Annotated[str | None, Header(alias=HEADER)] = None) -> Response:
    check_csrf(request, account, token)
    return JSONResponse(_add_user(request, account, new), status_code=201)


@router.post("/api/users/{name}/disable", tags=["accounts"],
             summary="Disable an account and end its sessions (an admin; needs X-CSRF-Token)")
def disable_user_api(request: Request, account: Admin, name: str,
                     token: Annotated[str | None, Header(alias=HEADER)] = None) -> Response:
    check_csrf(request, account, token)
    return JSONResponse(_disable(request, account, name))
