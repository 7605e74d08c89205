"""``tfagenda --version``/``-V``, shell completion, and an example in every command's --help (issue 15 item 3)."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import pytest
from conftest import run

from tfagenda.cli import COMMANDS


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag: str) -> None:
    result = run(flag)
    assert result.exit_code == 0
    assert result.stdout == f"tfagenda {version('tfagenda')}\n"


def test_version_from_the_console_script() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tfagenda", "-V"], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0
    assert done.stdout.startswith("tfagenda ")


def test_completion_options_are_offered() -> None:
    result = run("--help")
    assert "--install-completion" in result.stdout
    assert "--show-completion" in result.stdout


def test_show_completion_prints_a_script(monkeypatch: pytest.MonkeyPatch) -> None:
    # typer finds the shell among the parent processes (shellingham): none under nohup or setsid.
    monkeypatch.setattr("typer.completion._get_shell_name", lambda: "bash")
    result = run("--show-completion", env={"SHELL": "/bin/bash"})
    assert result.exit_code == 0, result.output
    assert "_TFAGENDA_COMPLETE" in result.stdout or "complete" in result.stdout


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_help_has_an_example(command: str | None) -> None:
    result = run(*([command] if command else []), "--help")
    assert result.exit_code == 0, result.output
    assert "Examples:" in result.stdout
    assert "  tfagenda " in result.stdout.split("Examples:")[1]
