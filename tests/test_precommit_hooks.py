"""The pre-commit hooks default to agenda files (issue 15 item 5)."""

from __future__ import annotations

import re

import pytest
from conftest import REPO
from ruamel.yaml import YAML

HOOKS = YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("hook", HOOKS, ids=[h["id"] for h in HOOKS])
def test_hook_matches_agenda_files_only(hook: dict[str, str]) -> None:
    files = re.compile(hook["files"])  # pre-commit uses re.search
    for path in ("agendas/x.yaml", "agendas/2026/x.yml", "team/agendas/x.yaml", "agendas/X.YAML"):
        assert files.search(path), path
    for path in (".github/workflows/ci.yml", "docker-compose.yml", "agendas-old.yaml", "agendas/notes.txt"):
        assert not files.search(path), path
    assert "types" not in hook
    assert hook["entry"].startswith("tfagenda check")
