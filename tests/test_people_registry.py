"""The shared people registry (issue 13 item 7, docs/people.md) and availability (issue 16 item 1).

A ``people.yaml`` beside the agendas (or above them, up to the project root, or the file the
config names) lists people once for every agenda: owners may name them (O002), they join across
files by their registry entry (O003), and their availability is checked (O006). A bare role
label (과장, 사회자, Chair) is each file's own.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import check, run, write

from tfagenda.config import ConfigError, Settings, load_settings
from tfagenda.linter import check_paths, check_text
from tfagenda.load import load_text
from tfagenda.lsp.engine import check_buffer
from tfagenda.rules.owners import is_role_label
from tfagenda.windows import Window, covered, nearest_fit, parse_window, subtract


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def meeting(title: str, owners: tuple[str, str], people: str = "", date: str = "2026-05-04") -> str:
    text = f'title: {title}\ndate: {date}\nslot: "10:00~11:00"\n'
    if people:
        text += "people:\n" + "".join(f"  {line}\n" for line in people.strip().splitlines())
    return text + (
        "segments:\n"
        f'  - {{title: 개회, start: "10:00", duration: 30, owner: "{owners[0]}"}}\n'
        f'  - {{title: 안건, start: "10:30", duration: 30, owner: "{owners[1]}"}}\n'
    )


REGISTRY = """people:
  kim: {name: 김민지, aliases: [민지]}
  park: {role: 사무관}
"""


def codes(result) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return sorted((Path(f.path).name, f.code) for f in result.findings)


# --- who joins across files ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "label", ["사회자", "좌장", "과장", "Chair", "Secretary", "제1차관", "co-chair", "사회자님"]
)
def test_a_bare_role_label_is_each_files_own(folder: Path, label: str) -> None:
    """Issue 13: two unrelated meetings at the same hour whose owners are 사회자/좌장/과장/Chair, with
    no people at all, were double-booked people (O003 in both)."""
    write(folder / "a.yaml", meeting("보건복지부 회의", (label, "-")))
    write(folder / "b.yaml", meeting("고용노동부 회의", (label, "-")))
    assert codes(check_paths(["a.yaml", "b.yaml"])) == []


def test_a_role_label_still_counts_within_its_file(folder: Path) -> None:
    text = meeting("회의", ("사회자", "-")).replace('start: "10:30"', 'start: "10:00"')
    text = text.replace("segments:\n", "days: null\nsegments:\n")
    tracks = (
        'title: 포럼\ndays:\n  - date: 2026-05-04\n    slot: "10:00-11:00"\n    tracks:\n'
        '      - {name: A, segments: [{title: 개회, start: "10:00", duration: 30, owner: 사회자}]}\n'
        '      - {name: B, segments: [{title: 분과, start: "10:00", duration: 30, owner: 사회자}]}\n'
    )
    assert [f.code for f in check_text(tracks)] == ["O003"]


def test_plain_names_still_join_across_files(folder: Path) -> None:
    write(folder / "a.yaml", meeting("A", ("김민지", "-")))
    write(folder / "b.yaml", meeting("B", ("김민지", "-")))
    assert codes(check_paths(["a.yaml", "b.yaml"])) == [("a.yaml", "O003"), ("b.yaml", "O003")]


@pytest.mark.parametrize(
    ("owner_a", "owner_b", "joined"),
    [
        ("kim", "민지", True),  # a registry id and a registry alias: one person
        ("park", "park", True),  # a registry entry without a name still joins: its id is shared
        ("kim", "김민지", True),  # the registry's name
        ("사회자", "사회자", False),  # a role label stays in its file with a registry too
    ],
)
def test_registry_entries_join_across_files(folder: Path, owner_a: str, owner_b: str, joined: bool) -> None:
    write(folder / "people.yaml", REGISTRY)
    write(folder / "agendas" / "a.yaml", meeting("A", (owner_a, "-")))
    write(folder / "agendas" / "b.yaml", meeting("B", (owner_b, "-")))
    found = codes(check_paths(["agendas"]))
    assert found == ([("a.yaml", "O003"), ("b.yaml", "O003")] if joined else [])


def test_without_the_registry_an_id_without_a_name_is_the_files_own(folder: Path) -> None:
    write(folder / "a.yaml", meeting("A", ("park", "-"), people="park: {role: 사무관}"))
    write(folder / "b.yaml", meeting("B", ("park", "-"), people="park: {role: 사무관}"))
    assert codes(check_paths(["a.yaml", "b.yaml"])) == []


def test_two_shared_people_are_two_findings_each_naming_its_person(folder: Path) -> None:
    write(folder / "a.yaml", meeting("A", ("-", "-")).replace('owner: "-"}', "owner: [kim, lee]}", 1))
    write(folder / "b.yaml", meeting("B", ("-", "-")).replace('owner: "-"}', "owner: [kim, lee]}", 1))
    messages = sorted(
        f.message.say("en").split(" ")[0] for f in check_paths(["a.yaml"], compare_with=["b.yaml"]).findings
    )
    assert messages == ["kim", "lee"]  # was "kim" twice


# --- O002 and the registry --------------------------------------------------------------------


def test_o002_accepts_registry_ids_aliases_and_names(folder: Path) -> None:
    write(folder / "people.yaml", REGISTRY)
    for owner in ("kim", "민지", "김민지", "park"):
        write(folder / "a.yaml", meeting("A", (owner, "local"), people="local: {}"))
        assert codes(check_paths(["a.yaml"])) == [], owner


def test_o002_suggests_registry_names(folder: Path) -> None:
    write(folder / "people.yaml", REGISTRY)
    write(folder / "a.yaml", meeting("A", ("김민 지", "local"), people="local: {}"))
    (finding,) = check_paths(["a.yaml"]).findings
    assert finding.code == "O002" and "'김민지'" in finding.message.say("en")


def test_a_files_entry_adds_to_the_registrys(folder: Path) -> None:
    """The file gives kim a role here; the registry's name still joins kim across files."""
    write(folder / "people.yaml", REGISTRY)
    write(folder / "a.yaml", meeting("A", ("kim", "-"), people="kim: {role: 좌장}"))
    write(folder / "b.yaml", meeting("B", ("김민지", "-")))
    assert codes(check_paths(["a.yaml", "b.yaml"])) == [("a.yaml", "O003"), ("b.yaml", "O003")]


# --- finding the registry ---------------------------------------------------------------------


def test_registry_in_a_parent_folder_up_to_the_config(folder: Path) -> None:
    write(folder / "tfagenda.toml", "")
    write(folder / "people.yaml", "people:\n  kim: {unavailable: '10:00-10:30'}\n")
    write(folder / "agendas" / "2026" / "a.yaml", meeting("A", ("kim", "-")))
    assert codes(check_paths(["agendas"], load_settings())) == [("a.yaml", "O006")]


def test_no_registry_above_the_project_root(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(folder / "people.yaml", "people:\n  kim: {unavailable: '10:00-10:30'}\n")
    project = folder / "project"
    write(project / "tfagenda.toml", "")
    write(project / "agendas" / "a.yaml", meeting("A", ("kim", "-")))
    monkeypatch.chdir(project)
    assert codes(check_paths(["agendas"], load_settings())) == []


def test_the_config_names_the_registry(folder: Path) -> None:
    write(folder / "tfagenda.toml", 'people = "team/staff.yaml"\n')
    write(folder / "team" / "staff.yaml", "people:\n  kim: {unavailable: '10:00-10:30'}\n")
    write(folder / "people.yaml", "people:\n  kim: {}\n")  # not used: the config names another
    write(folder / "agendas" / "a.yaml", meeting("A", ("kim", "-")))
    assert codes(check_paths(["agendas"], load_settings())) == [("a.yaml", "O006")]


def test_a_configured_registry_that_does_not_exist_is_a_config_error(folder: Path) -> None:
    write(folder / "tfagenda.toml", 'people = "team/staff.yaml"\n')
    with pytest.raises(ConfigError, match=r"people: no such people registry"):
        load_settings()


def test_stdin_finds_the_registry_by_its_stdin_filename(folder: Path) -> None:
    write(folder / "agendas" / "people.yaml", "people:\n  kim: {unavailable: '10:00-10:30'}\n")
    text = meeting("A", ("kim", "-"))
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "tfagenda",
            "check",
            "-",
            "--stdin-filename",
            "agendas/a.yaml",
            "--format",
            "json",
        ],
        input=text,
        capture_output=True,
        text=True,
        cwd=folder,
        check=False,
    )
    assert [f["code"] for f in json.loads(process.stdout)] == ["O006"], process.stderr


def test_the_language_server_finds_the_registry(folder: Path) -> None:
    write(folder / "agendas" / "people.yaml", "people:\n  kim: {unavailable: '10:00-10:30'}\n")
    checked = check_buffer(
        meeting("A", ("kim", "-")), str(folder / "agendas" / "a.yaml"), Settings.defaults()
    )
    assert [f.code for f in checked.findings] == ["O006"]
    related = checked.findings[0].related
    assert [(Path(r.path).name, r.line) for r in related] == [("people.yaml", 2)]


def test_a_people_yaml_that_is_an_agenda_is_no_registry(folder: Path) -> None:
    write(folder / "people.yaml", meeting("People day", ("kim", "-")))
    write(folder / "a.yaml", meeting("A", ("lee", "-"), date="2026-05-05"))
    assert codes(check_paths(["."])) == []


# --- mistakes in the registry -----------------------------------------------------------------


def test_registry_problems_are_reported_at_its_lines_once(folder: Path) -> None:
    write(
        folder / "people.yaml",
        "people:\n  kim: {name: 김민지, availble: '09:00-10:00'}\n  lee: {unavailable: ['25:00-26:00', '10:00-10:30']}\n",
    )
    write(folder / "agendas" / "a.yaml", meeting("A", ("lee", "-")))
    write(folder / "agendas" / "b.yaml", meeting("B", ("kim", "-"), date="2026-05-05"))
    result = check_paths(["agendas"])
    found = [(f.path, f.line, f.code) for f in result.findings]
    assert found == [
        ("agendas/a.yaml", 5, "O006"),  # lee's other window still counts
        ("people.yaml", 2, "E002"),
        ("people.yaml", 3, "E004"),
    ]
    e002, e004 = result.findings[1:]
    assert "did you mean 'available'?" in e002.message.say("en")
    assert e004.message.say("en") == "unavailable[0]: '25:00' is not a time: times run from 00:00 to 24:00"
    assert result.exit_code() == 1


@pytest.mark.parametrize(("people", "what"), [("5", "a number"), ("null", "null"), ("[kim, lee]", "a list")])
def test_a_registry_whose_people_is_no_mapping_is_one_problem(folder: Path, people: str, what: str) -> None:
    # ``people`` was set aside and then read as missing, round after round: 100 problems listed.
    write(folder / "people.yaml", f"people: {people}\n")
    write(folder / "agendas" / "a.yaml", meeting("A", ("kim", "-")))
    result = check_paths(["agendas"])
    registry = [f for f in result.findings if f.path == "people.yaml"]
    assert [(f.line, f.code) for f in registry] == [(1, "E002")]
    assert registry[0].message.say("en") == f"people must be a mapping (key: value), not {what}"
    assert result.exit_code() == 1


def test_checking_the_registry_itself(folder: Path) -> None:
    write(folder / "people.yaml", REGISTRY)
    result = check("people.yaml")
    assert result.exit_code == 0, result.stdout
    write(folder / "people.yaml", "people:\n  kim: {available: soon}\n")
    result = check("people.yaml", "--format", "concise")
    assert result.exit_code == 1
    assert result.stdout.startswith(
        "people.yaml:2:20: E004 [error] available[0]: 'soon' is not a time window; write it as"
    )


def test_a_registry_is_read_again_when_it_changes(folder: Path) -> None:
    write(folder / "a.yaml", meeting("A", ("kim", "-")))
    write(folder / "people.yaml", "people:\n  kim: {}\n")
    assert codes(check_paths(["a.yaml"])) == []
    write(folder / "people.yaml", "people:\n  kim: {unavailable: '10:00-10:30'}\n")
    assert codes(check_paths(["a.yaml"])) == [("a.yaml", "O006")]


# --- windows ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("13:00-18:00", Window(None, 780, 1080)),
        ("9:00 ~ 12:00", Window(None, 540, 720)),
        ("2026-03-12 09:00-12:00", Window(dt.date(2026, 3, 12), 540, 720)),
        ("2026-03-12", Window(dt.date(2026, 3, 12), 0, 1440)),
        ("22:00-02:00", Window(None, 1320, 1560)),
    ],
)
def test_windows_are_read(text: str, window: Window) -> None:
    assert parse_window(text) == window


@pytest.mark.parametrize("text", ["soon", "2026-02-30 09:00-10:00", "09:00-09:00", "09:00", "25:00-26:00"])
def test_bad_windows_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_window(text)


def test_window_arithmetic() -> None:
    day = dt.date(2026, 3, 12)
    windows = [
        parse_window("2026-03-12 09:00-12:00"),
        parse_window("11:00-18:00"),
        parse_window("2026-03-13 09:00-10:00"),
    ]
    assert covered(windows, day) == [(540, 1080), (1980, 2040), (2100, 2520)]  # and the next day's
    assert covered(windows, None) is not None  # the window without a date applies
    assert covered([parse_window("2026-03-12")], None) is None  # which day? unknown
    assert subtract([(540, 1080)], [(720, 780)]) == [(540, 720), (780, 1080)]
    assert nearest_fit(700, 60, [(540, 720), (780, 1080)], (0, 1440)) == (660, 720)
    assert nearest_fit(750, 60, [(540, 720), (780, 1080)], (0, 1440)) == (780, 840)
    assert nearest_fit(750, 600, [(540, 720), (780, 1080)], (0, 1440)) is None


AVAILABILITY = """title: 포럼
date: 2026-03-12
slot: "{slot}"
people:
  kim: {{name: 김민지, {field}: {windows}}}
segments:
  - {{title: 발표, start: "{start}", duration: {duration}, owner: kim}}
"""


@pytest.mark.parametrize(
    ("field", "windows", "slot", "start", "duration", "expected"),
    [
        ("available", '["09:00-12:00"]', "09:00-13:00", "11:30", 60, "O006"),
        ("available", '["09:00-12:00", "12:00-13:00"]', "09:00-13:00", "11:30", 60, None),  # touching
        ("available", '"2026-03-13"', "09:00-13:00", "11:30", 60, "O006"),  # another day only
        ("unavailable", '"2026-03-12"', "09:00-13:00", "11:30", 60, "O006"),  # the whole day
        (
            "unavailable",
            '"2026-03-11 22:00-10:00"',
            "09:00-13:00",
            "09:00",
            30,
            "O006",
        ),  # from the night before
        ("unavailable", '"2026-03-13 00:00-01:00"', "22:00-02:00", "23:30", 60, "O006"),  # past midnight
        ("unavailable", '"2026-03-13 01:00-02:00"', "22:00-02:00", "23:30", 60, None),
        ("available", "null", "09:00-13:00", "11:30", 60, None),  # none given: always
    ],
)
def test_availability_cases(
    field: str, windows: str, slot: str, start: str, duration: int, expected: str | None
) -> None:
    text = AVAILABILITY.format(field=field, windows=windows, slot=slot, start=start, duration=duration)
    found = [f.code for f in check_text(text) if f.code.startswith("O")]
    assert found == ([expected] if expected else [])


def test_a_day_without_a_date_is_checked_by_the_windows_without_one() -> None:
    text = AVAILABILITY.format(
        field="unavailable",
        windows='["2026-03-12 11:00-12:00", "12:00-12:30"]',
        slot="09:00-13:00",
        start="11:30",
        duration=60,
    ).replace("date: 2026-03-12\n", "")
    (finding,) = [f for f in check_text(text) if f.code == "O006"]
    assert finding.message.say("en") == (
        "김민지 (kim) is unavailable 12:00–12:30, during '발표' (11:30–12:30); "
        "the nearest time they are free for its 60 minutes is 11:00–12:00"
    )


def test_an_every_day_window_across_midnight_is_named_once() -> None:
    # After midnight the day before's 22:00-02:00 and the day's own touch the segment's calendar
    # day; the message once said "available only 22:00–02:00, 22:00–02:00".
    text = AVAILABILITY.format(
        field="available", windows='"22:00-02:00"', slot="22:00-03:00", start="01:30", duration=60
    )
    (finding,) = [f for f in check_text(text) if f.code == "O006"]
    assert finding.message.say("en") == (
        "김민지 (kim) is available only 22:00–02:00 that day, not during '발표' (2026-03-12, 01:30–02:30); "
        "the nearest time they are free for its 60 minutes is 01:00–02:00"
    )


def test_a_persons_free_time_is_worked_out_once_per_day(monkeypatch: pytest.MonkeyPatch) -> None:
    # It was worked out again for every segment: a person with 720 windows and 600 segments took
    # 13 s of CPU time.
    from tfagenda.rules import availability

    calls: list[object] = []
    original = availability._free

    def counted(*args: object) -> object:
        calls.append(args)
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(availability, "_free", counted)
    segments = "".join(
        f'  - {{title: S{i}, start: "{9 + i // 60:02d}:{i % 60:02d}", duration: 1, owner: kim}}\n'
        for i in range(120)
    )
    text = (
        'title: T\ndate: 2026-03-12\nslot: "09:00-11:00"\n'
        'people:\n  kim: {name: K, available: "09:00-10:00"}\n'
        f"segments:\n{segments}"
    )
    found = [f for f in check_text(text) if f.code == "O006"]
    assert len(found) == 60  # the second hour
    assert len(calls) == 1


def test_a_start_at_midnight_of_an_overnight_slot_is_00_00() -> None:
    # format_time writes 1440 as 24:00 (an end); the start of a window or a segment was said so too:
    # "unavailable 24:00–00:30, during 'P' (2026-03-10, 24:00–01:00)".
    text = """title: T
date: 2026-03-10
slot: "22:00-02:00"
people: {kim: {name: Kim, unavailable: "2026-03-11 00:00-00:30"}}
segments:
  - {title: K, start: "22:00", end: "24:00", owner: "-"}
  - {title: P, start: "00:00", end: "01:00", owner: kim}
  - {title: Q, start: "01:00", end: "02:00", owner: "-"}
"""
    (finding,) = [f for f in check_text(text) if f.code == "O006"]
    assert finding.message.say("en") == (
        "Kim (kim) is unavailable 00:00–00:30, during 'P' (2026-03-10, 00:00–01:00); "
        "the nearest time they are free for its 60 minutes is 00:30–01:30"
    )


def test_o006_message_in_korean_and_the_suggestion_avoids_other_segments() -> None:
    text = """title: 포럼
date: 2026-03-12
slot: "09:00-13:00"
people:
  kim: {name: 김민지, available: "09:00-12:00"}
segments:
  - {title: 개회, start: "09:00", duration: 130, owner: kim}
  - {title: 발표, start: "11:30", duration: 60, owner: kim}
  - {title: 정리, duration: 30, owner: "-"}
"""
    found = [f for f in check_text(text) if f.code == "O006"]
    assert [f.line for f in found] == [8]
    assert found[0].message.say("ko") == (
        "담당 김민지 (kim)은(는) 그날 09:00–12:00에만 참석할 수 있어 ‘발표’(2026-03-12, 11:30–12:30) 시간에는 "
        "참석할 수 없습니다. 그날에는 60분이 들어갈 시간이 없습니다"
    )


def test_a_bad_window_is_set_aside_and_the_others_still_count() -> None:
    text = AVAILABILITY.format(
        field="unavailable",
        windows='["12:00-13:00", "soon", "11:00-11:45"]',
        slot="09:00-13:00",
        start="11:30",
        duration=30,
    )
    found = [f.code for f in check_text(text) if f.code != "F003"]
    assert found == ["E004", "O006"]
    loaded = load_text(text)
    assert loaded.agenda is not None and loaded.agenda.people is not None
    kim = loaded.agenda.people["kim"]
    assert kim is not None and [str(w) for w in kim.unavailable] == ["12:00–13:00", "11:00–11:45"]


def test_f004_room_hours_and_breaks() -> None:
    text = """title: Forum
policy: {gap-tolerance: null}
days:
  - date: 2026-03-10
    slot: "09:00-19:00"
    tracks:
      - name: Hall
        open: ["09:00-12:00", "13:00-18:00"]
        segments:
          - {title: Lunch, start: "12:00", duration: 60, kind: break}
          - {title: Late talk, start: "17:45", duration: 30, owner: kim}
"""
    (finding,) = check_text(text)
    assert finding.code == "F004"
    assert finding.message.say("en") == (
        "'Late talk' (2026-03-10, 17:45–18:15) is in Hall outside its opening hours (09:00–12:00, 13:00–18:00); "
        "the nearest time the room is open for its 30 minutes is 17:30–18:00"
    )


@pytest.mark.parametrize(
    "label",
    [
        "사회자",
        "좌장",
        "과장",
        "Chair",
        "Secretary",
        "제1차관",
        "Vice-Chair",
        "TBD",
        "담당자님",
        "Speaker 2",
        "발표자1",
    ],
)
def test_role_labels(label: str) -> None:
    assert is_role_label(label)


@pytest.mark.parametrize(
    "name", ["김민지", "Kim Minji", "복지정책과장", "kim", "Chairman Mao", "제주도지사", "2026"]
)
def test_names_are_not_role_labels(name: str) -> None:
    assert not is_role_label(name)


def test_render_of_a_folder_leaves_the_registry_out(folder: Path) -> None:
    write(folder / "agendas" / "people.yaml", REGISTRY)
    write(folder / "agendas" / "a.yaml", meeting("A", ("kim", "-")))
    result = run("render", "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert "people.yaml" not in result.stdout and "개회" in result.stdout
