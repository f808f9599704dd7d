"""The supported languages: one data file each under ``lang/data/languages/``, and the one
policy for any other language.

A language is supported when ``lang/data/languages/<code>.yaml`` exists (its month, weekday
and number words); adding a language is adding that file and the readers' own data
(``taxonomy/lexicons/<code>.yaml``, the readouts' phrase files, gazetteer rows).

Policy for a language that is not supported, the same in both readers (``trucewatch extract``
and ``trucewatch readouts``): the text is read as nothing, and the result says why
(:func:`unsupported`): the extractor gives no reports and ``trucewatch extract`` writes the
reason as the document's ``skipped``; the statement reader gives empty terms with the reason
as ``skipped``. Nothing is read as a language it is not in. Lower-level functions that need a
language's data (:func:`table`) raise :class:`~trucewatch.errors.UsageError` instead.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

from trucewatch.errors import UsageError

__all__ = ["LANGUAGES", "language_name", "languages_in", "require", "table", "unsupported"]

_FOLDER = resources.files(__package__).joinpath("data", "languages")


def languages_in(folder: Traversable) -> tuple[str, ...]:
    """The codes of the ``<code>.yaml`` files in ``folder``, ordered by their ``order`` key
    (files without one last, alphabetically)."""
    files = {entry.name.removesuffix(".yaml"): entry for entry in folder.iterdir()
             if entry.name.endswith(".yaml")}
    order = {code: yaml.safe_load(entry.read_text(encoding="utf-8")).get("order", len(files))
             for code, entry in files.items()}
    return tuple(sorted(files, key=lambda code: (order[code], code)))


#: ISO 639-1 codes of the supported languages, one per data file, in the order the files give.
LANGUAGES: tuple[str, ...] = languages_in(_FOLDER)


def _listing() -> str:
    return ", ".join(f"{language_name(code)} ({code})" for code in LANGUAGES)


def unsupported(language: str | None) -> str | None:
    """Why a text in ``language`` is not read, or None when the language is supported. None
    as ``language`` means it could not be detected."""
    if language in LANGUAGES:
        return None
    if not language:
        return f"the language could not be detected; trucewatch reads {_listing()}"
    return f"language {language!r} is not supported; trucewatch reads {_listing()}"


def require(language: str) -> str:
    """``language`` itself when supported, else :class:`UsageError` naming the supported ones."""
    if language not in LANGUAGES:
        raise UsageError(f"language {language!r} is not supported",
                         hint=f"use one of {', '.join(LANGUAGES)}")
    return language


@cache
def table(language: str) -> dict[str, Any]:
    """The parsed data file of a supported ``language``."""
    path = _FOLDER.joinpath(f"{require(language)}.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def language_name(code: str) -> str:
    """The English name of a supported language ("Ukrainian" for ``uk``)."""
    return str(table(code)["name"])
