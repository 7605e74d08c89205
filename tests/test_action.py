"""The GitHub Action (action.yml): its script steps run locally with bash in a temporary git
repository, the inputs and ``github.*`` substituted as the runner would (issue 15 item 4)."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO
from ruamel.yaml import YAML

BASH = shutil.which("bash")
pytestmark = pytest.mark.skipif(BASH is None, reason="the action's steps are bash")

BROKEN = 'title: x\nsegments:\n  - start: "09:00"\n    end: "08:00"\n    title: a\n    owner: "-"\n'
CLEAN = 'title: x\nsegments:\n  - start: "09:00"\n    end: "10:00"\n    title: a\n    owner: "-"\n'


def action() -> dict[str, Any]:
    return YAML(typ="safe").load((REPO / "action.yml").read_text(encoding="utf-8"))


def expression(text: str, inputs: dict[str, str], action_path: str) -> str:
    """The ``${{ … }}`` expressions the action's env uses: inputs.* and github.action_path."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        if name == "github.action_path":
            return action_path
        if name.startswith("inputs."):
            return inputs[name.removeprefix("inputs.")]
        raise AssertionError(f"unexpected expression {name}")

    return re.sub(r"\$\{\{(.*?)\}\}", value, text)


def run_step(
    step: dict[str, Any], inputs: dict[str, str], repo: Path, runner: Path, extra: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(extra)
    env.update(
        {
            "GITHUB_PATH": str(runner / "path"),
            "GITHUB_ENV": str(runner / "env"),
            "GITHUB_OUTPUT": str(runner / "output"),
            "RUNNER_TEMP": str(runner),
        }
    )
    for line in (runner / "env").read_text().splitlines():  # what earlier steps exported
        key, _, val = line.partition("=")
        env[key] = val
    for key, val in (step.get("env") or {}).items():
        env[key] = expression(str(val), inputs, str(REPO))
    assert "${{" not in step["run"], "inputs reach the scripts through env only (no injection)"
    return subprocess.run(
        [BASH, "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True, check=False
    )


def defaults(**given: str) -> dict[str, str]:
    inputs = {name: str(spec.get("default", "")) for name, spec in action()["inputs"].items()}
    inputs.update(given)
    return inputs


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "agendas").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


@pytest.fixture
def runner(tmp_path: Path) -> Path:
    folder = tmp_path / "runner"
    folder.mkdir()
    for name in ("path", "env", "output"):
        (folder / name).write_text("")
    return folder


def tfagenda_here(runner: Path) -> dict[str, str]:
    """The tfagenda under test, as the install step would have put on the path."""
    script = runner / "tfagenda"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m tfagenda "$@"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return {"TFAGENDA": str(script), "PYTHONPATH": str(REPO / "src")}


def steps() -> dict[str, dict[str, Any]]:
    return {step["name"]: step for step in action()["runs"]["steps"]}


def test_the_action_is_composite_with_the_documented_inputs() -> None:
    spec = action()
    assert spec["runs"]["using"] == "composite"
    assert set(spec["inputs"]) >= {"paths", "version", "args", "sarif"}
    upload = steps()["Upload SARIF to code scanning"]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert "inputs.sarif == 'true'" in upload["if"]


def test_check_step_annotates_and_fails(repo: Path, runner: Path) -> None:
    (repo / "agendas" / "x.yaml").write_text(BROKEN)
    done = run_step(steps()["Check agendas"], defaults(), repo, runner, tfagenda_here(runner))
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("::error file=agendas/x.yaml,line=4,col=10,")
    assert (runner / "output").read_text() == "exit-code=1\n"
    assert not (repo / "tfagenda.sarif").exists()


def test_check_step_passes_on_clean_agendas_with_paths_and_args(repo: Path, runner: Path) -> None:
    (repo / "agendas" / "x.yaml").write_text(CLEAN)
    (repo / "other").mkdir()
    (repo / "other" / "y.yaml").write_text(BROKEN)
    inputs = defaults(paths="agendas", args="--strict --select T")
    done = run_step(steps()["Check agendas"], inputs, repo, runner, tfagenda_here(runner))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "::error" not in done.stdout
    assert (runner / "output").read_text() == "exit-code=0\n"


def test_check_step_writes_sarif(repo: Path, runner: Path) -> None:
    (repo / "agendas" / "x.yaml").write_text(BROKEN)
    done = run_step(steps()["Check agendas"], defaults(sarif="true"), repo, runner, tfagenda_here(runner))
    assert done.returncode == 1
    import json

    sarif = json.loads((repo / "tfagenda.sarif").read_text())
    assert sarif["runs"][0]["results"][0]["ruleId"] == "T001"


@pytest.mark.parametrize(
    ("version", "requirement"),
    [
        ("", str(REPO)),
        ("0.1.0", "tfagenda==0.1.0"),
        ("git+https://example.org/tfagenda@v1", "git+https://example.org/tfagenda@v1"),
    ],
)
def test_install_step_installs_what_the_version_says(
    repo: Path, runner: Path, version: str, requirement: str
) -> None:
    # A stand-in python: `-m venv DIR` makes DIR/bin/python, which records the pip command.
    fake = runner / "fake-python"
    fake.write_text(
        "#!/bin/sh\n"
        'if [ "$1 $2" = "-m venv" ]; then mkdir -p "$3/bin"; cp "$0" "$3/bin/python"; exit 0; fi\n'
        f'echo "$@" > "{runner}/pip-args"\n'
    )
    fake.chmod(0o755)
    inputs = defaults(version=version, python=str(fake))
    done = run_step(steps()["Install tfagenda"], inputs, repo, runner, {})
    assert done.returncode == 0, done.stderr
    assert (runner / "pip-args").read_text().split()[-1] == requirement
    venv_bin = runner / "tfagenda-venv" / "bin"
    assert (runner / "path").read_text() == f"{venv_bin}\n"
    assert (runner / "env").read_text() == f"TFAGENDA={venv_bin}/tfagenda\n"
