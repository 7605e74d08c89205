"""The command line as a package (issue 10 items 3 and 8): the Python API the README shows, lazy
command loading, --lang on every command, the console script's exit, and two defects of issue 11
(an option passed as a git revision; render/import writing over their own input)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import AGENDAS_DIR, REPO, SEED, check, run, write

SMALL = AGENDAS_DIR / "2026-02-26-ai-welfare-tf-4.yaml"


# --- from tfagenda import check, load, render -----------------------------------------------------


def test_readme_python_example_runs(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Using it from Python") :]
    [example] = re.findall(r"```python\n(.*?)```", section, flags=re.S)[:1]
    exec(compile(example, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "| 시간" in out and "참석자 소개" in out  # the rendered Markdown table


def test_check_load_render_are_the_functions_even_after_their_modules_are_imported() -> None:
    code = (
        "import tfagenda.load, tfagenda.render, tfagenda.linter\n"
        "from tfagenda import check, load, render\n"
        "assert callable(check) and callable(load) and callable(render), (check, load, render)\n"
        "import tfagenda\n"
        "assert tfagenda.load is load and tfagenda.render is render\n"
        "from tfagenda.load import load_file\n"
        "from tfagenda.render import render_many\n"
        "from tfagenda import check_paths, check_text, load_file as lf, render_many as rm\n"
        "assert lf is load_file and rm is render_many\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_check_takes_one_path_or_several() -> None:
    from tfagenda import check as check_api

    one = check_api(SEED)
    assert [f.code for f in one.findings] == ["T001"] and one.exit_code() == 1
    both = check_api([str(SEED), SMALL])
    assert len(both.files) == 2
    assert check_api(SEED).findings[0].message.say("ko").startswith("종료(16:05)")


def test_render_takes_a_path_and_refuses_an_unreadable_agenda(tmp_path: Path) -> None:
    from tfagenda import render
    from tfagenda.render import RenderError

    assert render(SMALL, "json", lang="en").lstrip().startswith("{")
    broken = write(tmp_path / "broken.yaml", "title: [unclosed\n")
    with pytest.raises(RenderError, match="broken.yaml is not a readable agenda"):
        render(broken)


# --- only the command being run is imported -------------------------------------------------------


def test_check_imports_only_the_check_command() -> None:
    code = (
        "import sys\n"
        f"sys.argv = ['tfagenda', 'check', {str(SMALL)!r}]\n"
        "from tfagenda.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith(('tfagenda', 'rich', 'icalendar')))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    loaded = done.stdout.split()
    assert "tfagenda.cli.check" in loaded and "tfagenda.commands.check" in loaded
    for other in (
        "tfagenda.cli.render",
        "tfagenda.cli.retime",
        "tfagenda.cli.importing",
        "tfagenda.calendars",  # only with --calendar or a calendar file
        "tfagenda.documents.hwpx",  # only for an office document
        "tfagenda.changes",
        "rich",
        "icalendar",
    ):
        assert other not in loaded


def test_help_lists_every_command_in_order() -> None:
    result = run("--help")
    assert result.exit_code == 0
    listed = re.findall(r"^  (\w+)  ", result.stdout, flags=re.M)
    assert listed == ["check", "render", "rules", "rule", "schema", "retime", "import", "diff", "lsp"]


def test_an_unknown_command_suggests_a_close_one() -> None:
    result = run("chek")
    assert result.exit_code == 2 and "No such command 'chek'. Did you mean 'check'" in result.stderr


# --- the console script ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code"), [(["check", str(SEED)], 1), (["rules"], 0), (["check", "nope"], 2)]
)
def test_python_m_tfagenda_exits_with_the_command_s_code_and_all_its_output(
    args: list[str], code: int
) -> None:
    done = subprocess.run([sys.executable, "-m", "tfagenda", *args], capture_output=True, text=True)
    assert done.returncode == code, done.stderr
    assert done.stdout == run(*args).stdout  # flushed in full before the fast exit


def test_main_returns_to_its_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    from tfagenda.cli import main

    monkeypatch.setattr(sys, "argv", ["tfagenda", "rules"])
    with pytest.raises(SystemExit) as exited:  # not os._exit: the test goes on
        main()
    assert exited.value.code == 0


# --- --lang on every command ----------------------------------------------------------------------


def _record(monkeypatch: pytest.MonkeyPatch, module: str, name: str, seen: dict[str, Any]) -> None:
    import importlib

    def fake(*args: Any, **kwargs: Any) -> Any:
        seen["lang"] = kwargs.get("lang") or kwargs.get("messages_lang") or args[-1]
        if name == "render_paths":
            seen["lang"] = kwargs["messages_lang"]
        return "" if name in ("rules_table", "rule_text") else 0

    monkeypatch.setattr(importlib.import_module(module), name, fake)


COMMANDS: list[tuple[list[str], str, str]] = [
    (["check", str(SEED)], "tfagenda.commands.check", "run_check"),
    (["render", str(SMALL)], "tfagenda.commands.render", "render_paths"),
    (["retime", str(SMALL), "--fit"], "tfagenda.commands.retime", "retime_file"),
    (["import", "x.txt"], "tfagenda.commands.importing", "import_file"),
    (["diff", str(SEED), str(SEED)], "tfagenda.commands.changes", "run_diff"),
    (["rules"], "tfagenda.commands.rules", "rules_table"),
    (["rule", "T001"], "tfagenda.commands.rules", "rule_text"),
]


@pytest.mark.parametrize(("args", "module", "function"), COMMANDS)
@pytest.mark.parametrize(
    ("option", "env", "expected"),
    [
        ([], {"LANG": "ko_KR.UTF-8"}, "ko"),
        ([], {"LANG": "C.UTF-8"}, "en"),
        ([], {"LC_ALL": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, "ko"),
        (["--lang", "en"], {"LANG": "ko_KR.UTF-8"}, "en"),
        (["--lang", "ko"], {"LANG": "C.UTF-8"}, "ko"),
    ],
)
def test_every_command_takes_lang_and_follows_the_locale(
    args: list[str],
    module: str,
    function: str,
    option: list[str],
    env: dict[str, str],
    expected: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: dict[str, Any] = {}
    _record(monkeypatch, module, function, seen)
    result = run(*args, *option, env=env)
    assert result.exit_code == 0, result.output
    assert seen["lang"] == expected


def test_retime_lists_its_findings_in_the_locale_s_language(tmp_path: Path) -> None:
    agenda = write(
        tmp_path / "a.yaml",
        'title: T\nslot: "10:00-10:30"\nsegments:\n'
        '  - {title: A, start: "10:00", duration: 10, owner: ann}\n'
        "  - {title: B, duration: 10}\n",  # no owner: O001
    )
    concise = check("--lang", "ko", "--format", "concise", str(agenda)).stdout.splitlines()
    [korean] = [line for line in concise if " O001 " in line]
    message = korean.split("[warning] ", 1)[1]
    result = run("retime", str(agenda), "--shift", "+5m", env={"LANG": "ko_KR.UTF-8"})
    assert message in result.stdout
    assert message not in run("retime", str(agenda), "--shift", "+5m", "--lang", "en").stdout


# --- issue 11 defect 7: --changed-since must not pass an option to git -----------------------------


def test_changed_since_refuses_an_option_for_a_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.chdir(tmp_path)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", "init", "-q"], check=True, env=env)
    shutil.copy(SMALL, write(tmp_path / "agendas" / "a.yaml", ""))
    subprocess.run(["git", "add", "-A"], check=True, env=env)
    subprocess.run(["git", "commit", "-qm", "x"], check=True, env=env)
    victim = write(tmp_path / "precious.txt", "keep me\n")
    for value in (f"--output={victim}", f"--output={victim}^{{commit}}"):
        result = check(f"--changed-since={value}")
        assert result.exit_code == 2, result.output
        assert f"--changed-since {value}: not a git revision" in result.stderr
        assert victim.read_text() == "keep me\n"
    assert check("--changed-since", "HEAD").exit_code == 0  # a real revision still works


# --- issue 11 defect 4: render -o / import -o onto their own input ---------------------------------

MINISTRY = "시간 | 내용 | 비고\n14:00~14:10 | 개회 | 사회자\n14:10~14:30 | 보고 | 과장\n"


def _same_file_as(source: Path, how: str) -> Path:
    if how == "same":
        return source
    if how == "dotted":
        return source.parent / "." / source.name
    target = source.parent / f"{how}-{source.name}"
    if how == "hardlink":
        os.link(source, target)
    else:
        target.symlink_to(source.name)
    return target


@pytest.mark.parametrize("how", ["same", "dotted", "hardlink", "symlink"])
@pytest.mark.parametrize(
    ("command", "name", "text"),
    [
        (
            lambda s, o: ["render", str(s), "-f", "md", "-o", str(o)],
            "a.yaml",
            SMALL.read_text(encoding="utf-8"),
        ),
        (lambda s, o: ["import", str(s), "-o", str(o)], "press.txt", MINISTRY),
    ],
    ids=["render", "import"],
)
def test_output_onto_the_input_is_refused(
    tmp_path: Path, how: str, command: Callable[[Path, Path], list[str]], name: str, text: str
) -> None:
    source = write(tmp_path / name, text)
    target = _same_file_as(source, how)
    result = run(*command(source, target))
    assert result.exit_code == 2, result.output
    assert f"-o {target} is the input file {source}; name another file to write" in result.stderr
    assert source.read_text(encoding="utf-8") == text
    elsewhere = tmp_path / "out.txt"  # another file is written as before
    assert run(*command(source, elsewhere)).exit_code == 0 and elsewhere.stat().st_size > 0


def test_render_of_the_agenda_folder_refuses_an_output_inside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    agenda = write(tmp_path / "agendas" / "a.yaml", SMALL.read_text(encoding="utf-8"))
    result = run("render", "-f", "md", "-o", str(agenda))
    assert result.exit_code == 2 and "is the input file" in result.stderr
    assert agenda.read_text(encoding="utf-8") == SMALL.read_text(encoding="utf-8")
