"""The README's console examples are what trucewatch prints.

Every ``console`` block of README.md is a transcript: ``$ command`` lines and the output that
follows each. They run in order, in a folder holding a copy of ``examples/`` and the workspace
``make demo`` makes, with ``TRUCEWATCH_DB`` set there: ``trucewatch`` commands in this
process, ``trucewatch serve`` as its own process (on a free port, written 8000 in the README),
``curl`` against it. The output must match, with runs of spaces and line breaks counted as
one space, and ``...`` standing for anything (a line of its own: any lines).
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from trucewatch.cli import app

from .conftest import REPO

README = REPO / "README.md"
TRUCEWATCH = [str(Path(sys.executable).with_name("trucewatch"))]
_BLOCK = re.compile(r"^```console\n(.*?)^```", re.S | re.M)


@dataclass
class Step:
    command: str
    expected: str


def _steps() -> list[Step]:
    steps = []
    for block in _BLOCK.findall(README.read_text(encoding="utf-8")):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, expected = chunk.partition("\n")
            steps.append(Step(command.strip(), expected))
    return steps


def _pattern(expected: str) -> re.Pattern[str]:
    words = " ".join(expected.split())
    return re.compile(".*?".join(re.escape(part.strip()) for part in words.split("...")), re.S)


def _matches(expected: str, output: str) -> bool:
    return _pattern(expected).fullmatch(" ".join(output.split())) is not None


class Server:
    """``trucewatch serve --port 0`` started by a README step, and what it printed."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        self.process = subprocess.Popen([*TRUCEWATCH, *args, "--port", "0"], cwd=cwd,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True)
        lines = [self.process.stdout.readline(), self.process.stdout.readline()]
        self.port = re.search(r"http://127\.0\.0\.1:(\d+)/", lines[0])[1]
        self.output = "".join(lines).replace(f":{self.port}/", ":8000/")

    def url(self, url: str) -> str:
        return url.replace("127.0.0.1:8000", f"127.0.0.1:{self.port}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)
        self.process.stdout.close()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner) -> Iterator[Path]:
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TRUCEWATCH_DB", str(tmp_path / "trucewatch.duckdb"))
    made = runner.invoke(app, ["demo", "--workspace", "workspace"])  # as `make demo` does
    assert made.exit_code == 0, made.output
    yield tmp_path


def _run(step: Step, folder: Path, runner, servers: list[Server]) -> str:
    words = shlex.split(step.command)
    if words[0] == "curl":
        return httpx.get(servers[-1].url(words[1]), timeout=60).text
    assert words[0] == "trucewatch", f"the README runs {words[0]!r}: test it here too"
    target = None
    if ">" in words:
        words, target = words[:words.index(">")], words[words.index(">") + 1]
    if "serve" in words:
        servers.append(Server(words[1:], folder))
        return servers[-1].output
    result = runner.invoke(app, words[1:])
    if target:
        (folder / target).write_text(result.stdout, encoding="utf-8")
        return result.stderr
    return result.output


def test_readme_console_examples_are_the_real_output(folder, runner):
    steps = _steps()
    assert len(steps) >= 12
    servers: list[Server] = []
    wrong = []
    try:
        for step in steps:
            output = _run(step, folder, runner, servers)
            if not _matches(step.expected, output):
                wrong.append(f"$ {step.command}\n--- README\n{step.expected}--- real\n{output}")
    finally:
        for server in servers:
            server.stop()
    assert wrong == [], "\n\n".join(wrong)


@pytest.mark.parametrize(("expected", "output", "same"), [
    ("a b\n...\nz\n", "a   b\nc\nd\nz", True),
    ("wrote x (... bytes)\n", "wrote x (1,234 bytes)", True),
    ("a b\n", "a b c", False),
    ("", "something printed", False),
])
def test_the_comparison(expected, output, same):
    assert _matches(expected, output) is same
