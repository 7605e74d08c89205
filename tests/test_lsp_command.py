"""``tfagenda lsp``: the command runs the language server on standard input and output (the
console script and ``python -m tfagenda``), with nothing else on standard output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import run

SCRIPT = Path(sys.executable).parent / "tfagenda"


def test_help_says_what_it_is_with_an_example() -> None:
    result = run("lsp", "--help")
    assert result.exit_code == 0
    assert "language server" in result.stdout and "Examples:" in result.stdout
    assert "tfagenda lsp" in result.stdout and "docs/editors.md" in result.stdout
    assert "lsp" in run("--help").stdout


def test_an_unknown_option_is_a_usage_error() -> None:
    result = run("lsp", "--no-such-option")
    assert result.exit_code == 2 and "No such option" in result.stderr


def _frame(message: dict[str, Any]) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _messages(stdout: bytes) -> list[dict[str, Any]]:
    """The JSON-RPC messages on the server's standard output; anything else there fails the test."""
    found = []
    while stdout:
        head, separator, rest = stdout.partition(b"\r\n\r\n")
        assert separator and head.startswith(b"Content-Length: "), stdout[:200]
        length = int(head.split(b"\r\n")[0].removeprefix(b"Content-Length: "))
        found.append(json.loads(rest[:length]))
        stdout = rest[length:]
    return found


def _session(command: list[str], tmp_path: Path, *, lang_option: str | None = None) -> list[dict[str, Any]]:
    """Initialize the server, open an agenda, shut it down and exit; the messages it sent."""
    agenda = tmp_path / "agendas" / "a.yaml"
    agenda.parent.mkdir()
    agenda.write_text(
        'title: T\ndate: 2026-03-06\nslot: "16:30-17:00"\nsegments:\n'
        '  - {title: A, start: "16:30", end: "16:05", duration: 5, owner: kim}\n',
        encoding="utf-8",
    )
    requests = [
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}},
        },
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {
            "jsonrpc": "2.0",
            "method": "textDocument/didOpen",
            "params": {
                "textDocument": {
                    "uri": agenda.as_uri(),
                    "languageId": "yaml",
                    "version": 1,
                    "text": agenda.read_text(encoding="utf-8"),
                }
            },
        },
        {"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None},
        {"jsonrpc": "2.0", "method": "exit", "params": None},
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))} | {"LANG": "C.UTF-8"}
    done = subprocess.run(
        command + ([] if lang_option is None else ["--lang", lang_option]),
        input=b"".join(_frame(r) for r in requests),
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode()
    return _messages(done.stdout)


@pytest.mark.parametrize(
    "command",
    [[str(SCRIPT), "lsp"], [sys.executable, "-m", "tfagenda", "lsp"], [sys.executable, "-m", "tfagenda.lsp"]],
    ids=["console-script", "python-m", "python-m-lsp"],
)
def test_tfagenda_lsp_answers_initialize_and_checks_an_open_agenda(
    command: list[str], tmp_path: Path
) -> None:
    messages = _served(command, tmp_path)
    [initialized] = [m for m in messages if m.get("id") == 1]
    assert initialized["result"]["serverInfo"]["name"] == "tfagenda"
    assert "codeActionProvider" in initialized["result"]["capabilities"]
    [diagnostics] = [m for m in messages if m.get("method") == "textDocument/publishDiagnostics"]
    [t001] = [d for d in diagnostics["params"]["diagnostics"] if d["code"] == "T001"]
    assert t001["message"].startswith("end 16:05 is before start 16:30")
    assert [m for m in messages if m.get("id") == 2] == [{"jsonrpc": "2.0", "id": 2, "result": None}]


def test_lang_option_sets_the_messages_language_when_the_editor_does_not(tmp_path: Path) -> None:
    messages = _served([sys.executable, "-m", "tfagenda", "lsp"], tmp_path, lang_option="ko")
    [diagnostics] = [m for m in messages if m.get("method") == "textDocument/publishDiagnostics"]
    [t001] = [d for d in diagnostics["params"]["diagnostics"] if d["code"] == "T001"]
    assert t001["message"].startswith("종료(16:05)")


def _served(command: list[str], tmp_path: Path, lang_option: str | None = None) -> list[dict[str, Any]]:
    if not Path(command[0]).exists():
        pytest.fail(f"{command[0]} is not installed: pip install -e . makes the console script")
    return _session(command, tmp_path, lang_option=lang_option)


LSP_COMMANDS = pytest.mark.parametrize(
    ("command", "prog"),
    [
        ([str(SCRIPT), "lsp"], "tfagenda lsp"),
        ([sys.executable, "-m", "tfagenda.lsp"], "python -m tfagenda.lsp"),
    ],
    ids=["console-script", "python-m-lsp"],
)


@LSP_COMMANDS
@pytest.mark.parametrize("option", ["--help", "-h"])
def test_help_of_every_way_to_start_the_server_prints_usage_and_exits_0(
    command: list[str], prog: str, option: str
) -> None:
    # `python -m tfagenda.lsp --help` printed nothing: it started the server, which waited on
    # standard input for a client.
    done = subprocess.run(
        [*command, option], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Usage: {prog} [OPTIONS]")
    assert "--lang" in done.stdout and "docs/editors.md" in done.stdout


@LSP_COMMANDS
@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--no-such-option"], "No such option: --no-such-option"),
        (["--lang", "xx"], "Invalid value for '--lang'"),
        (["stray"], "unexpected extra argument"),
    ],
)
def test_a_usage_error_of_every_way_to_start_the_server_exits_2_on_standard_error(
    command: list[str], prog: str, args: list[str], said: str
) -> None:
    done = subprocess.run(
        [*command, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60
    )
    assert done.returncode == 2
    assert done.stdout == ""  # standard output is the protocol's
    assert said in done.stderr and f"Try '{prog} -h' for help." in done.stderr
