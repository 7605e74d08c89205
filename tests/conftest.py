"""Shared test helpers: where the repository and its fixtures are, and a CLI runner."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import os

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

from tfagenda.cli import app

# Property tests explore new inputs on a developer's machine (and keep what fails in .hypothesis/);
# in CI (`CI` set, as .ci/run and GitHub Actions do) they replay a fixed sequence, so that a
# submission is judged by its own changes, not by which random inputs a run happened to draw.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SEED = FIXTURES / "seed-as-printed.yaml"
AGENDAS_DIR = REPO / "agendas"
AGENDAS = sorted(AGENDAS_DIR.glob("*.y*ml"))

# Colour and width must not depend on the environment the tests run in.
_NEUTRAL_ENV: dict[str, str | None] = {"NO_COLOR": None, "FORCE_COLOR": None, "COLUMNS": None}


def run(*args: str, input: str | bytes | None = None, env: Mapping[str, str | None] | None = None) -> Result:
    """Invoke the ``tfagenda`` app in-process; stdout and stderr are kept apart."""
    merged = dict(_NEUTRAL_ENV)
    merged.update(env or {})
    return CliRunner().invoke(app, list(args), input=input, env=merged)


def check(*args: str, env: Mapping[str, str | None] | None = None) -> Result:
    """``tfagenda check`` in-process, with GITHUB_ACTIONS cleared unless the test sets it (under
    GitHub Actions it would make ``github`` the default format)."""
    return run("check", *args, env={"GITHUB_ACTIONS": None, **(env or {})})


def write(path: Path, text: str) -> Path:
    """Write a UTF-8 file, making its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages must not depend on the locale the tests run in: a Korean one (LANG=ko_KR.UTF-8)
    makes Korean the default language of ``check`` and ``render``. Tests that want it set it."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, so that relative paths (and the default agendas/) are the repo's."""
    monkeypatch.chdir(REPO)
    return REPO


def rule_fixture_findings(path: Path):  # type: ignore[no-untyped-def]
    """The findings of one per-rule fixture (tests/fixtures/rules/CODE/…): an opt-in rule's fixtures
    are checked with that rule named (tfagenda.rules.base.Rule.opt_in), the others by default."""
    from tfagenda.config import Settings
    from tfagenda.linter import check_paths
    from tfagenda.rules import RULES

    rule = RULES.get(path.parent.name)
    settings = Settings.defaults().with_selection(extend_select=[rule.code]) if rule and rule.opt_in else None
    result = check_paths([path], settings)
    assert result.files == [str(path)]
    return result.findings
