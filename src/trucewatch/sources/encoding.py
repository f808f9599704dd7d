"""Which text encoding a file is in: a byte-order mark, else strict UTF-8, else
charset-normalizer's best guess from the file's non-ASCII lines, else an error that names the
``--encoding`` option.

>>> detect_encoding(Path("export.csv"))  # doctest: +SKIP
'cp1251'
"""

from __future__ import annotations

import codecs
from functools import lru_cache
from pathlib import Path

from charset_normalizer import from_bytes

from trucewatch.errors import InputError, UsageError

__all__ = ["check_encoding", "detect_encoding"]

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_CHUNK = 1 << 20
_SAMPLE = 256 * 1024  # bytes of non-ASCII lines given to charset-normalizer
_PREFERRED = ("cp1252", "cp1251")
_HINT = "pass --encoding, e.g. --encoding cp1251 or --encoding cp1252"


def check_encoding(name: str) -> str:
    """``name`` if Python knows the codec; UsageError otherwise."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise UsageError(f"--encoding {name!r} is not an encoding Python knows",
                         hint="e.g. utf-8, cp1251, cp1252, utf-16, latin-1") from None


def detect_encoding(path: Path) -> str:
    """The encoding of the text file at ``path``; InputError when it cannot be told."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from exc
    return _detect(path, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=64)
def _detect(path: Path, size: int, mtime: int) -> str:
    try:
        with path.open("rb") as stream:
            head = stream.read(4)
            for bom, name in _BOMS:
                if head.startswith(bom):
                    return name
            stream.seek(0)
            utf8, sample, zeros = _scan(stream)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from exc
    if utf8:
        return "utf-8"
    if zeros:
        name = _utf16_without_bom(path)
        if name:
            return name
        raise InputError("the file holds NUL bytes: not a text file in an encoding trucewatch "
                         "can tell", path=path, hint=_HINT)
    return _guess(sample, path)


def _guess(sample: bytes, path: Path) -> str:
    """charset-normalizer's best guess; among guesses that read the sample equally cleanly, the
    common Windows code pages first (cp1250 and cp1252 read most Western text alike)."""
    matches = list(from_bytes(sample))
    if not matches:
        raise InputError("cannot tell the file's text encoding", path=path, hint=_HINT)
    best = min(match.chaos for match in matches)
    clean = [match for match in matches if match.chaos <= best + 0.01]
    for preferred in _PREFERRED:
        for match in clean:
            if preferred in match.could_be_from_charset:
                return preferred
    return codecs.lookup(clean[0].encoding).name


def _scan(stream: object) -> tuple[bool, bytes, bool]:
    """Whether the bytes are valid UTF-8; a sample of the lines with non-ASCII bytes;
    whether any byte is NUL."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, zeros = True, False
    sample = bytearray()
    while chunk := stream.read(_CHUNK):  # type: ignore[attr-defined]
        zeros = zeros or b"\x00" in chunk
        if utf8:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                utf8 = False
        if len(sample) < _SAMPLE and not chunk.isascii():
            sample += b"\n".join(line for line in chunk.split(b"\n") if not line.isascii())
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    return utf8 and not zeros, bytes(sample[:_SAMPLE]), zeros


def _utf16_without_bom(path: Path) -> str | None:
    """utf-16-le or -be when NUL bytes sit in every other position of an ASCII-looking text."""
    with path.open("rb") as stream:
        head = stream.read(4096)
    even, odd = head[0::2], head[1::2]
    for zeros, name in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros and zeros.count(0) > 0.9 * len(zeros):
            try:
                head[: len(head) // 2 * 2].decode(name)
            except UnicodeDecodeError:
                return None
            return name
    return None
