"""Settings: discovery of pyproject.toml / tfagenda.toml / .tfagenda.toml (nearest wins), rule
selection, per-file ignores, severities, include/exclude, the agenda folder, policies, bad
configs (exit 2 with the file and key), --config and --isolated."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import check, run, write

from tfagenda.config import ConfigError, Settings, expand_selector, find_config, load_settings
from tfagenda.linter import check_paths
from tfagenda.rules import ALL_RULES

ALL_CODES = frozenset(rule.code for rule in ALL_RULES)
DEFAULT_CODES = frozenset(rule.code for rule in ALL_RULES if not rule.opt_in)

# A gap (S002, warning), a missing owner (O001, warning) and an unknown owner (O002, error).
MIXED = """\
title: Mixed
date: 2026-05-04
slot: "10:00-11:00"
people:
  ann: {}
segments:
  - {title: Intro, start: "10:00", duration: 20, owner: ann}
  - {title: Review, start: "10:30", duration: 20}
  - {title: Wrap-up, duration: 10, owner: anne}
"""

# Warnings only: a 10-minute gap (S002) and a missing owner (O001).
WARNINGS = """\
title: Warnings
slot: "10:00-11:00"
segments:
  - {title: Intro, start: "10:00", duration: 20, owner: ann}
  - {title: Review, start: "10:30", duration: 30}
"""

# Consecutive segments that end 5 minutes early: F003 only.
SHORT = """\
title: Short
slot: "10:00-11:00"
segments:
  - {title: A, start: "10:00", duration: 25, owner: ann}
  - {title: B, duration: 30, owner: bob}
"""

CLEAN = """\
title: Clean
slot: "10:00-10:30"
segments:
  - {title: Intro, start: "10:00", duration: 30, owner: ann}
"""


def codes(*args: str) -> list[str]:
    result = check(*args, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return [f["code"] for f in json.loads(result.stdout)]


def paths(*args: str) -> list[str]:
    result = check(*args, "--format", "json-lines", "--select", "E")
    assert result.exit_code in (0, 1), result.output
    return sorted({json.loads(line)["path"] for line in result.stdout.splitlines()})


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder, the current folder for the test."""
    root = tmp_path / "project"
    root.mkdir()
    monkeypatch.chdir(root)
    return root


# --------------------------------------------------------------------------------------------
# Discovery


def test_no_config_gives_the_defaults(project: Path) -> None:
    assert find_config(project) is None
    settings = load_settings()
    assert settings.source is None
    assert settings.selected == DEFAULT_CODES
    assert settings.agenda_dir == project / "agendas"


@pytest.mark.parametrize(
    ("present", "winner"),
    [
        ((".tfagenda.toml", "tfagenda.toml", "pyproject.toml"), ".tfagenda.toml"),
        (("tfagenda.toml", "pyproject.toml"), "tfagenda.toml"),
        ((".tfagenda.toml", "pyproject.toml"), ".tfagenda.toml"),
        (("pyproject.toml",), "pyproject.toml"),
    ],
)
def test_order_within_one_folder(project: Path, present: tuple[str, ...], winner: str) -> None:
    for name in present:
        body = '[tool.tfagenda]\nignore = ["O001"]\n' if name == "pyproject.toml" else 'ignore = ["O001"]\n'
        write(project / name, body)
    assert find_config(project) == project / winner
    assert load_settings().source == project / winner


def test_nearest_config_wins(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / "pyproject.toml", '[tool.tfagenda]\nignore = ["O001"]\n')
    write(project / "team" / "tfagenda.toml", 'ignore = ["S002"]\n')
    deep = project / "team" / "meetings" / "2026"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    settings = load_settings()
    assert settings.source == project / "team" / "tfagenda.toml"
    assert settings.root == project / "team"
    assert "S002" not in settings.selected and "O001" in settings.selected  # not merged with the outer one
    monkeypatch.chdir(project)
    assert load_settings().source == project / "pyproject.toml"
    write(deep / "agenda.yaml", WARNINGS)
    monkeypatch.chdir(deep)
    assert codes("agenda.yaml") == ["O001"]


def test_pyproject_without_a_tfagenda_table_is_skipped(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(project / "tfagenda.toml", 'ignore = ["O001"]\n')
    inner = project / "tool"
    write(inner / "pyproject.toml", '[project]\nname = "x"\n\n[tool.black]\nline-length = 100\n')
    monkeypatch.chdir(inner)
    assert find_config(inner) == project / "tfagenda.toml"
    write(inner / "agenda.yaml", WARNINGS)
    assert codes("agenda.yaml") == ["S002"]


def test_an_unparsable_pyproject_is_skipped_unless_it_mentions_our_table(project: Path) -> None:
    """A broken pyproject.toml of another tool is not ours; a broken [tool.tfagenda] is (and an
    error), not silently replaced by the defaults or an outer config."""
    write(project / "tfagenda.toml", 'ignore = ["O001"]\n')
    inner = project / "inner"
    write(inner / "pyproject.toml", "[project\n")
    assert find_config(inner) == project / "tfagenda.toml"
    write(inner / "pyproject.toml", "[tool.tfagenda]\nselect = [\n")
    assert find_config(inner) == inner / "pyproject.toml"
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(cwd=inner)


def test_pyproject_tool_table(project: Path) -> None:
    write(project / "pyproject.toml", '[project]\nname = "x"\n\n[tool.tfagenda]\nselect = ["S"]\n')
    write(project / "a.yaml", MIXED)
    assert codes("a.yaml") == ["S002"]


# --------------------------------------------------------------------------------------------
# Selection


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("T001", ["T001"]),
        ("t001", ["T001"]),
        ("end-before-start", ["T001"]),
        ("gap", ["S002"]),
        # (selection leaves out the opt-in T005: test_implicit_end)
        ("T", ["T001", "T002", "T003", "T004", "T005"]),
        ("S00", ["S001", "S002", "S003", "S004"]),
        ("O", ["O001", "O002", "O003", "O004", "O005", "O006"]),
        ("ALL", [rule.code for rule in ALL_RULES]),
    ],
)
def test_selectors(selector: str, expected: list[str]) -> None:
    assert expand_selector(selector) == expected


@pytest.mark.parametrize("selector", ["X999", "Q", "gapp", "T-0", "", "T001,S002"])
def test_unknown_selectors_are_errors(selector: str) -> None:
    with pytest.raises(ValueError, match="unknown rule"):
        expand_selector(selector)


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ('select = ["S002"]', ["S002"]),
        ('select = ["gap", "missing-owner"]', ["O001", "S002"]),
        ('select = ["O"]', ["O001", "O002"]),
        ('ignore = ["O"]', ["S002"]),
        ('ignore = ["missing-owner", "S002"]', ["O002"]),
        ('select = ["S"]\nextend-select = ["unknown-owner"]', ["O002", "S002"]),
        ('extend-select = ["O001"]\nignore = ["O001"]', ["O002", "S002"]),  # ignore wins
        ("select = []", []),
    ],
)
def test_config_selection(project: Path, config: str, expected: list[str]) -> None:
    write(project / "tfagenda.toml", config + "\n")
    write(project / "a.yaml", MIXED)
    assert sorted(codes("a.yaml")) == expected


def test_command_line_selection_on_top_of_the_config(project: Path) -> None:
    write(project / "tfagenda.toml", 'select = ["S", "O001"]\n')
    write(project / "a.yaml", MIXED)
    assert sorted(codes("a.yaml")) == ["O001", "S002"]
    assert sorted(codes("a.yaml", "--select", "O")) == ["O001", "O002"]  # --select replaces the config's
    assert sorted(codes("a.yaml", "--extend-select", "unknown-owner")) == ["O001", "O002", "S002"]
    assert sorted(codes("a.yaml", "--ignore", "S002")) == ["O001"]
    assert sorted(codes("a.yaml", "--select", "O", "--ignore", "missing-owner")) == ["O002"]


def test_unknown_rule_on_the_command_line_exits_2(project: Path) -> None:
    write(project / "a.yaml", MIXED)
    result = check("a.yaml", "--select", "X999")
    assert result.exit_code == 2
    assert "X999" in result.stderr and result.stdout == ""


# --------------------------------------------------------------------------------------------
# per-file-ignores


def test_per_file_ignores(project: Path) -> None:
    write(
        project / "tfagenda.toml",
        '[per-file-ignores]\n"drafts/*.yaml" = ["O"]\n"legacy.yaml" = ["gap", "missing-owner"]\n',
    )
    # different dates, so that the copies are not double-booked with each other (O003)
    write(project / "agendas" / "drafts" / "d.yaml", MIXED)
    write(project / "agendas" / "legacy.yaml", MIXED.replace("05-04", "05-05"))
    write(project / "agendas" / "current.yaml", MIXED.replace("05-04", "05-06"))
    write(project / "agendas" / "drafts" / "legacy-no.yml", MIXED.replace("05-04", "05-07"))
    result = check("--format", "json")
    found: dict[str, list[str]] = {}
    for f in json.loads(result.stdout):
        found.setdefault(f["path"], []).append(f["code"])
    assert {path: sorted(found_codes) for path, found_codes in found.items()} == {
        "agendas/current.yaml": ["O001", "O002", "S002"],
        "agendas/drafts/d.yaml": ["S002"],
        "agendas/drafts/legacy-no.yml": ["O001", "O002", "S002"],  # *.yaml does not match .yml
        "agendas/legacy.yaml": ["O002"],
    }


def test_per_file_ignores_are_relative_to_the_config_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(project / "tfagenda.toml", '[per-file-ignores]\n"agendas/old/*" = ["ALL"]\n')
    write(project / "agendas" / "old" / "o.yaml", MIXED)
    monkeypatch.chdir(project / "agendas")
    assert codes("old/o.yaml") == []
    settings = load_settings()
    assert settings.ignored_for(str(project / "agendas" / "old" / "o.yaml")) == ALL_CODES
    assert settings.ignored_for(str(project / "agendas" / "o.yaml")) == frozenset()


# --------------------------------------------------------------------------------------------
# Severity


def test_severity_override_makes_a_warning_fail(project: Path) -> None:
    write(project / "a.yaml", WARNINGS)
    assert check("a.yaml").exit_code == 0
    write(project / "tfagenda.toml", '[severity]\ngap = "error"\n')
    result = check("a.yaml", "--format", "json")
    assert result.exit_code == 1
    assert {f["code"]: f["severity"] for f in json.loads(result.stdout)} == {
        "S002": "error",
        "O001": "warning",
    }


def test_severity_override_makes_an_error_pass(project: Path) -> None:
    write(project / "a.yaml", MIXED)
    assert check("a.yaml").exit_code == 1
    write(project / "tfagenda.toml", '[severity]\nO002 = "warning"\n')
    result = check("a.yaml")
    assert result.exit_code == 0, result.output
    assert "O002 [warning]" in result.stdout
    assert check("a.yaml", "--strict").exit_code == 1


def test_severity_override_by_prefix_shows_in_every_format(project: Path) -> None:
    write(project / "a.yaml", WARNINGS)
    write(project / "tfagenda.toml", '[severity]\nS = "error"\n')
    assert load_settings().severity == {"S001": "error", "S002": "error", "S003": "error", "S004": "error"}
    assert check("a.yaml", "--format", "github").stdout.startswith("::warning")  # O001 first, still a warning
    assert "::error file=a.yaml,line=5" in check("a.yaml", "--format", "github").stdout


# --------------------------------------------------------------------------------------------
# include / exclude and hidden folders


def _tree(project: Path) -> None:
    for i, rel in enumerate(
        [
            "agendas/a.yaml",
            "agendas/b.yml",
            "agendas/drafts/d.yaml",
            "agendas/sub/s.yaml",
            "agendas/sub/notes.agenda",
            "agendas/.hidden/h.yaml",
            "agendas/.github/workflow.yaml",
            "agendas/.dotfile.yaml",
            "agendas/readme.txt",
        ]
    ):
        write(project / rel, "title: [broken\n" if i % 2 else "title: ok\n")  # E findings in every file


def test_folders_skip_hidden_folders_and_files_by_default(project: Path) -> None:
    _tree(project)
    assert paths("agendas") == [
        "agendas/a.yaml",
        "agendas/b.yml",
        "agendas/drafts/d.yaml",
        "agendas/sub/s.yaml",
    ]


def test_hidden_paths_named_directly_are_checked(project: Path) -> None:
    _tree(project)
    assert paths("agendas/.hidden") == ["agendas/.hidden/h.yaml"]
    assert paths("agendas/.dotfile.yaml") == ["agendas/.dotfile.yaml"]


def test_include_and_exclude(project: Path) -> None:
    _tree(project)
    write(project / "tfagenda.toml", 'include = ["*.yaml", "*.agenda"]\nexclude = ["drafts/", "s.yaml"]\n')
    assert paths("agendas") == ["agendas/a.yaml", "agendas/sub/notes.agenda"]


def test_exclude_with_a_path_glob_and_a_named_file(project: Path) -> None:
    _tree(project)
    write(project / "tfagenda.toml", 'exclude = ["agendas/sub/*"]\n')
    assert paths("agendas") == ["agendas/a.yaml", "agendas/b.yml", "agendas/drafts/d.yaml"]
    assert paths("agendas/sub/s.yaml") == ["agendas/sub/s.yaml"]  # a file named directly is always checked


def test_exclude_does_not_unhide_hidden_folders(project: Path) -> None:
    _tree(project)
    write(project / "tfagenda.toml", 'include = ["*"]\n')
    assert ".github" not in " ".join(paths("agendas"))


# --------------------------------------------------------------------------------------------
# The agenda folder


def test_agenda_dir_is_used_when_no_path_is_given(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / "tfagenda.toml", 'agenda-dir = "meetings/schedules"\n')
    write(project / "meetings" / "schedules" / "a.yaml", WARNINGS)
    write(project / "agendas" / "ignored.yaml", MIXED)
    result = check("--format", "concise")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("meetings/schedules/a.yaml:")
    assert "ignored" not in result.stdout
    # from a subfolder, the folder is still the config's (relative to the config file)
    monkeypatch.chdir(project / "meetings")
    result = check("--format", "concise")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("schedules/a.yaml:")


def test_agenda_dir_above_the_current_folder_is_shown_normalised(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(project / "team" / "tfagenda.toml", 'agenda-dir = "../agendas"\n')
    write(project / "agendas" / "a.yaml", WARNINGS)
    monkeypatch.chdir(project / "team")
    result = check("--format", "concise")
    assert result.stdout.startswith(f"{project / 'agendas' / 'a.yaml'}:"), result.stdout


def test_missing_agenda_dir_is_a_usage_error(project: Path) -> None:
    write(project / "tfagenda.toml", 'agenda-dir = "nowhere"\n')
    result = check()
    assert result.exit_code == 2
    assert "nowhere" in result.stderr


# --------------------------------------------------------------------------------------------
# Policies


def test_gap_tolerance_in_config(project: Path) -> None:
    write(project / "a.yaml", WARNINGS)
    assert sorted(codes("a.yaml")) == ["O001", "S002"]
    write(project / "tfagenda.toml", 'ignore = ["O001"]\n[policy]\ngap-tolerance = 10\n')
    assert codes("a.yaml") == []
    write(project / "tfagenda.toml", 'ignore = ["O001"]\n[policy]\ngap-tolerance = 9\n')
    assert codes("a.yaml") == ["S002"]


def test_policy_in_pyproject(project: Path) -> None:
    write(
        project / "pyproject.toml",
        '[tool.tfagenda]\nselect = ["S002"]\n\n[tool.tfagenda.policy]\ngap-tolerance = 10\n',
    )
    write(project / "a.yaml", WARNINGS)
    assert codes("a.yaml") == []
    assert load_settings().policy.gap_tolerance == 10


def test_gap_tolerance_in_the_agenda_file_wins(project: Path) -> None:
    write(project / "tfagenda.toml", 'ignore = ["O001"]\n[policy]\ngap-tolerance = 30\n')
    write(project / "strict.yaml", WARNINGS + "policy: {gap-tolerance: 5}\n")
    write(project / "loose.yaml", WARNINGS)
    assert codes("strict.yaml") == ["S002"]
    assert codes("loose.yaml") == []
    (project / "tfagenda.toml").unlink()
    write(project / "conference.yaml", WARNINGS + "policy: {gap-tolerance: null}\n")  # any gap is fine
    assert codes("conference.yaml") == ["O001"]


def test_file_policy_overrides_only_the_fields_it_sets(project: Path) -> None:
    write(project / "tfagenda.toml", "[policy]\nslot-tolerance = 5\ngap-tolerance = 10\n")
    write(project / "short.yaml", SHORT + "policy: {gap-tolerance: 0}\n")
    assert codes("short.yaml") == []  # slot-tolerance 5 from the config still applies


def test_slot_tolerance(project: Path) -> None:
    write(project / "short.yaml", SHORT)
    assert codes("short.yaml") == ["F003"]
    write(project / "tfagenda.toml", "[policy]\nslot-tolerance = 5\n")
    assert codes("short.yaml") == []
    write(project / "tfagenda.toml", "[policy]\nslot-tolerance = 4\n")
    assert codes("short.yaml") == ["F003"]
    write(project / "tfagenda.toml", "[policy]\nslot-tolerance = 5\n")
    write(project / "short.yaml", SHORT + "policy:\n  slot-tolerance: 0\n")
    assert codes("short.yaml") == ["F003"]


def test_a_bad_policy_in_the_agenda_file_is_a_finding(project: Path) -> None:
    write(project / "a.yaml", CLEAN + "policy: {gap-tolerence: 5}\n")
    result = check("a.yaml", "--format", "json")
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)
    assert finding["code"] == "E002" and "gap-tolerance" in finding["message"]


# --------------------------------------------------------------------------------------------
# Bad configs


@pytest.mark.parametrize(
    ("name", "body", "key", "words"),
    [
        ("tfagenda.toml", 'selct = ["T"]\n', "selct", ["did you mean 'select'"]),
        (
            "tfagenda.toml",
            "[policy]\ngap-tolerence = 3\n",
            "policy.gap-tolerence",
            ["did you mean 'gap-tolerance'"],
        ),
        (
            "pyproject.toml",
            '[tool.tfagenda]\nignor = ["T"]\n',
            "tool.tfagenda.ignor",
            ["did you mean 'ignore'"],
        ),
        (
            "pyproject.toml",
            "[tool.tfagenda.policy]\ngap-tolerence = 3\n",
            "tool.tfagenda.policy.gap-tolerence",
            ["did you mean 'gap-tolerance'"],
        ),
        ("tfagenda.toml", 'select = "T"\n', "select", ["list"]),
        ("tfagenda.toml", "agenda-dir = 3\n", "agenda-dir", ["string"]),
        (
            "tfagenda.toml",
            "[policy]\nslot-tolerance = -1\n",
            "policy.slot-tolerance",
            ["greater than or equal to 0"],
        ),
        ("tfagenda.toml", '[policy]\ngap-tolerance = "ten"\n', "policy.gap-tolerance", ["integer"]),
        ("tfagenda.toml", '[severity]\nS002 = "fatal"\n', "severity.S002", ["'error', 'warning' or 'info'"]),
        ("tfagenda.toml", 'select = ["X999"]\n', "select", ["unknown rule 'X999'"]),
        ("tfagenda.toml", 'ignore = ["T001", "nope"]\n', "ignore", ["unknown rule 'nope'"]),
        ("tfagenda.toml", '[per-file-ignores]\n"x.yaml" = ["Q"]\n', "per-file-ignores", ["unknown rule 'Q'"]),
        ("tfagenda.toml", '[severity]\nX999 = "error"\n', "severity", ["unknown rule 'X999'"]),
    ],
)
def test_bad_config_is_a_clear_error(project: Path, name: str, body: str, key: str, words: list[str]) -> None:
    config = write(project / name, body)
    write(project / "a.yaml", CLEAN)
    result = check("a.yaml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"tfagenda: config: {config}: {key}: "), result.stderr
    for word in words:
        assert word in result.stderr
    with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
        load_settings()


@pytest.mark.parametrize("name", ["tfagenda.toml", "pyproject.toml"])
def test_invalid_toml_is_a_clear_error(project: Path, name: str) -> None:
    config = write(
        project / name, '[tool.tfagenda]\nselect = ["T"\n' if name == "pyproject.toml" else 'select = ["T"\n'
    )
    write(project / "a.yaml", CLEAN)
    result = check("a.yaml")
    assert result.exit_code == 2
    assert check("a.yaml", "--config", str(config)).stderr == result.stderr
    assert f"{config}: not valid TOML" in result.stderr
    assert "line 2" in result.stderr or "end of document" in result.stderr


def test_unknown_key_lists_known_keys_when_nothing_is_close(project: Path) -> None:
    write(project / "tfagenda.toml", "zzzzzz = 1\n")
    write(project / "a.yaml", CLEAN)
    result = check("a.yaml")
    assert result.exit_code == 2
    assert "zzzzzz: unknown key; known keys:" in result.stderr and "per-file-ignores" in result.stderr


def test_bad_config_also_fails_render(project: Path) -> None:
    write(project / "tfagenda.toml", "selct = 1\n")
    write(project / "a.yaml", CLEAN)
    result = run("render", "a.yaml")
    assert result.exit_code == 2
    assert "selct" in result.stderr


# --------------------------------------------------------------------------------------------
# --config and --isolated


def test_config_option_uses_that_file(project: Path, tmp_path: Path) -> None:
    write(project / "tfagenda.toml", 'select = ["O"]\n')
    other = write(tmp_path / "elsewhere" / "ci.toml", 'select = ["S"]\n')
    write(project / "a.yaml", MIXED)
    assert sorted(codes("a.yaml")) == ["O001", "O002"]
    assert codes("a.yaml", "--config", str(other)) == ["S002"]
    assert load_settings(other).root == other.parent


def test_config_option_with_a_pyproject(project: Path, tmp_path: Path) -> None:
    other = write(tmp_path / "elsewhere" / "pyproject.toml", '[tool.tfagenda]\nselect = ["gap"]\n')
    write(project / "a.yaml", MIXED)
    assert codes("a.yaml", "--config", str(other)) == ["S002"]


def test_config_option_with_a_missing_file_exits_2(project: Path) -> None:
    write(project / "a.yaml", MIXED)
    result = check("a.yaml", "--config", "missing.toml")
    assert result.exit_code == 2
    assert "missing.toml" in result.stderr


def test_isolated_ignores_every_config(project: Path) -> None:
    write(project / "tfagenda.toml", 'select = ["S"]\n')
    write(project / "a.yaml", MIXED)
    assert codes("a.yaml") == ["S002"]
    assert sorted(codes("a.yaml", "--isolated")) == ["O001", "O002", "S002"]
    write(project / "tfagenda.toml", "not toml = = =\n")
    assert check("a.yaml", "--isolated").exit_code == 1  # the broken config is not read at all
    assert load_settings(isolated=True).source is None


def test_isolated_still_takes_command_line_selection(project: Path) -> None:
    write(project / "tfagenda.toml", 'select = ["S"]\n')
    write(project / "a.yaml", MIXED)
    assert codes("a.yaml", "--isolated", "--select", "O002") == ["O002"]


# --------------------------------------------------------------------------------------------
# The library API


def test_check_paths_with_loaded_settings(project: Path) -> None:
    write(project / "tfagenda.toml", 'ignore = ["O"]\n[severity]\nS002 = "error"\n')
    write(project / "a.yaml", MIXED)
    result = check_paths(["a.yaml"], load_settings())
    assert [(f.code, str(f.severity)) for f in result.findings] == [("S002", "error")]
    assert result.exit_code() == 1
    assert [f.code for f in check_paths(["a.yaml"], Settings.defaults()).findings] == ["O001", "S002", "O002"]


@pytest.mark.parametrize(
    "path, root",
    [
        ("agendas/a.yaml", "/work"),
        ("/work/agendas/a.yaml", "/work"),
        ("/work", "/work"),
        ("/", "/"),
        ("/work/a.yaml", "/"),
        ("/elsewhere/a.yaml", "/work"),
        ("/workshop/a.yaml", "/work"),
        ("../a.yaml", "/work/sub"),
        ("./x/../a.yaml", "/work"),
        ("//net/a.yaml", "/"),
        ("/work//agendas/./a.yaml", "/work"),
    ],
)
def test_relative_path_is_what_pathlib_says(path: str, root: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``_relative`` works on strings for speed; it must say what ``Path.relative_to`` says."""
    from tfagenda.config import _relative

    monkeypatch.chdir("/")
    monkeypatch.setattr(
        "tfagenda.config._resolved", lambda root: root
    )  # no file system: /work need not exist
    absolute = Path(os.path.abspath(path))
    try:
        expected = absolute.relative_to(Path(root)).as_posix()
    except ValueError:
        expected = Path(path).as_posix()
    assert _relative(path, Path(root)) == expected
