"""Issue 16 items 2 and 3: the time to change rooms (O005, ``policy.changeover``) and segments that
must not clash (S004, ``topics`` and ``clash-group``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, REPO, check, write
from test_schema import schema_errors, tfagenda_reads

from tfagenda.config import ConfigError, Settings, load_settings
from tfagenda.linter import check_paths, check_text
from tfagenda.policy import Changeover, Policy

REAL = REPO.parent / "shared" / "reference" / "real"


def _findings(text: str, code: str, settings: Settings | None = None) -> list[Any]:
    return [f for f in check_text(text, "agenda.yaml", settings) if f.code == code]


def _codes(text: str, settings: Settings | None = None) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_text(text, "agenda.yaml", settings)]


def _forum(policy: str, hall: str, room: str, people: str = "") -> str:
    """A one-day event with two tracks, Hall and Room B, and the given segments."""
    return (
        f"title: Forum\n{policy}{people}days:\n  - date: 2026-03-10\n    tracks:\n"
        f"      - name: Hall\n        segments:\n{hall}"
        f"      - name: Room B\n        segments:\n{room}"
    )


KEYNOTE = '          - {title: Keynote, start: "09:00", end: "10:00", owner: kim}\n'
PANEL = '          - {title: Panel, start: "10:05", end: "11:00", owner: kim}\n'


# -- the policy ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written,default",
    [(10, 10), ("10m", 10), ("10분", 10), ("1h", 60), ("PT15M", 15), (0, 0), (None, 0), ({}, 0)],
)
def test_changeover_is_a_duration(written: Any, default: int) -> None:
    changeover = Policy.model_validate({"changeover": written}).changeover
    assert changeover == Changeover(default)
    assert changeover.checked == (default > 0)


def test_changeover_is_off_by_default() -> None:
    assert not Policy().changeover.checked
    assert _findings(_forum("", KEYNOTE, PANEL), "O005") == []


def test_room_pairs_one_way_and_both_ways_in_any_case() -> None:
    changeover = Policy.model_validate(
        {"changeover": {"default": "5m", "Hall -> Annex": 15, "hall  b <-> Roof": "20분"}}
    ).changeover
    assert changeover.between("Hall", "Annex") == 15
    assert changeover.between("Annex", "Hall") == 5  # one way only: the default back
    assert changeover.between("Hall B", "roof") == changeover.between("Roof", "HALL B") == 20
    assert changeover.between("Hall", "Roof") == 5
    assert changeover.between("Hall", "hall") == 0  # the same room
    assert Policy.model_validate({"changeover": {"A -> B": 15}}).changeover.between("B", "C") == 0


@pytest.mark.parametrize(
    "written,message",
    [
        (-5, "duration -5 is negative"),
        (True, "True is not a duration"),
        (5.5, "5.5 is not a duration"),
        ("soon", "'soon' is not a duration"),
        ({"Hall": 5}, "'Hall' is neither default nor a room pair"),
        ({"Hall -> hall": 5}, "'Hall -> hall' names the same room twice"),
        ({"A <-> B": 5, "B -> A": 10}, "'B -> A' gives the way from B to A a second time"),
        ({"A -> B": "soon"}, "the changeover for 'A -> B': 'soon' is not a duration"),
        ({"A -> B -> C": 5}, "is neither default nor a room pair"),
        # more than a week (as a segment's duration): its suggested start wrapped round the clock
        (
            99999999999,
            "duration 99999999999 is more than a week; a changeover is at most 10,080 minutes (7 days)",
        ),
        ({"A -> B": "169h"}, "the changeover for 'A -> B': duration 169h is more than a week"),
    ],
)
def test_bad_changeover_in_a_file_is_e002_at_the_value(written: Any, message: str) -> None:
    import json

    text = f"title: t\npolicy: {{changeover: {json.dumps(written)}}}\nsegments:\n  - {{title: s, duration: 5, owner: a}}\n"
    (finding,) = [f for f in check_text(text, "agenda.yaml") if f.code.startswith("E")]
    assert (finding.code, finding.line) == ("E002", 2)
    assert message in finding.message.say("en")
    assert "changeover" in finding.message.say("en")
    assert "changeover" in finding.message.say("ko")


def test_config_sets_the_changeover_and_a_bad_one_names_the_key(tmp_path: Path) -> None:
    good = write(tmp_path / "good" / "tfagenda.toml", '[policy]\nchangeover = "10m"\n')
    settings = load_settings(good)
    assert settings.policy.changeover == Changeover(10)
    table = write(
        tmp_path / "table" / "tfagenda.toml", '[policy.changeover]\ndefault = 5\n"Hall -> Annex" = "15m"\n'
    )
    assert load_settings(table).policy.changeover.between("hall", "annex") == 15
    bad = write(tmp_path / "bad" / "pyproject.toml", '[tool.tfagenda.policy.changeover]\n"Hall" = 5\n')
    with pytest.raises(ConfigError) as raised:
        load_settings(bad)
    assert "tool.tfagenda.policy.changeover: 'Hall' is neither default nor a room pair" in str(raised.value)


def test_config_changeover_is_checked_and_a_file_may_turn_it_off(tmp_path: Path) -> None:
    config = write(tmp_path / "tfagenda.toml", "[policy]\nchangeover = 10\n")
    settings = load_settings(config)
    assert [f.line for f in _findings(_forum("", KEYNOTE, PANEL), "O005", settings)] == [10]
    for off in ("0", "null", "{}"):
        assert _findings(_forum(f"policy: {{changeover: {off}}}\n", KEYNOTE, PANEL), "O005", settings) == []


# -- O005 ---------------------------------------------------------------------------------------

TEN = "policy: {changeover: 10}\n"


def test_o005_names_both_segments_and_the_shortfall() -> None:
    (finding,) = _findings(_forum(TEN, KEYNOTE, PANEL), "O005")
    assert finding.severity == "warning"
    assert (finding.line, finding.column) == (11, 65)  # the later segment's owner
    assert finding.message.say("en") == (
        "kim has 5 minutes to get from 'Keynote' (2026-03-10, Hall, 09:00–10:00, line 8) to 'Panel' "
        "(2026-03-10, Room B, 10:05–11:00), 5 minutes less than the changeover of 10 minutes from Hall to "
        "Room B; start 'Panel' at 10:10 or later"
    )
    assert [(r.line, r.message) for r in finding.related] == [(8, "'Keynote'")]
    korean = finding.message.say("ko")
    assert "이동 시간" in korean and "‘Panel’의 시작을 10:10 이후로" in korean


def test_o005_exactly_the_changeover_is_enough() -> None:
    panel = '          - {title: Panel, start: "10:10", end: "11:00", owner: kim}\n'
    assert _findings(_forum(TEN, KEYNOTE, panel), "O005") == []


def test_o005_same_room_needs_no_changeover() -> None:
    hall = KEYNOTE + '          - {title: Closing, start: "10:00", end: "10:30", owner: kim}\n'
    assert _findings(_forum(TEN, hall, ""), "O005") == []


def test_o005_overlap_is_o003_not_o005() -> None:
    panel = '          - {title: Panel, start: "09:30", end: "11:00", owner: kim}\n'
    assert _codes(_forum(TEN, KEYNOTE, panel)) == [(11, "O003")]


def test_o005_compares_with_the_segment_that_ends_last() -> None:
    # kim's long session in Room B ends at 10:55; the short one in the hall at 10:00. The next
    # segment in the hall at 11:00 is 5 minutes after the Room B one: that is the changeover.
    hall = KEYNOTE + '          - {title: Closing, start: "11:00", end: "11:30", owner: kim}\n'
    room = '          - {title: Lab, start: "10:15", end: "10:55", owner: kim}\n'
    (finding,) = _findings(_forum(TEN, hall, room), "O005")
    assert "from 'Lab'" in finding.message.say("en") and "to 'Closing'" in finding.message.say("en")


def test_o005_one_person_by_id_alias_and_name() -> None:
    people = "people:\n  kim: {name: Kim Seung-il, aliases: [chair]}\n"
    hall = '          - {title: Keynote, start: "09:00", end: "10:00", owner: chair}\n'
    room = '          - {title: Panel, start: "10:05", end: "11:00", owner: [Kim Seung-il, kim]}\n'
    (finding,) = _findings(_forum(TEN, hall, room, people), "O005")
    assert finding.message.say("en").startswith("Kim Seung-il (kim) has 5 minutes")


def test_o005_leaves_hosts_out() -> None:
    policy = "policy: {changeover: 10, hosts: [Kim Seung-il]}\n"
    people = "people:\n  kim: {name: Kim Seung-il}\n"
    assert _findings(_forum(policy, KEYNOTE, PANEL, people), "O005") == []


def test_o005_one_way_pair() -> None:
    policy = 'policy: {changeover: {"Hall -> Room B": 10}}\n'
    assert len(_findings(_forum(policy, KEYNOTE, PANEL), "O005")) == 1
    # The keynote in Room B, then the panel in the hall: no pair that way, and no default.
    reverse = _forum(policy, PANEL, KEYNOTE)
    assert _findings(reverse, "O005") == []


def test_o005_other_days_are_not_consecutive() -> None:
    text = (
        f"title: Forum\n{TEN}days:\n"
        "  - date: 2026-03-10\n    tracks:\n      - name: Hall\n        segments:\n"
        '          - {title: Late talk, start: "17:00", end: "18:00", owner: kim}\n'
        "  - date: 2026-03-11\n    tracks:\n      - name: Room B\n        segments:\n"
        '          - {title: Early talk, start: "00:00", end: "01:00", owner: kim}\n'
    )
    assert _findings(text, "O005") == []


def test_o005_a_meeting_without_tracks_is_one_room() -> None:
    text = (
        f"title: t\n{TEN}segments:\n"
        '  - {title: a, start: "09:00", end: "10:00", owner: kim}\n'
        '  - {title: b, start: "10:00", end: "11:00", owner: kim}\n'
    )
    assert _findings(text, "O005") == []


# -- S004 ---------------------------------------------------------------------------------------


def _programme(hall: str, room: str) -> str:
    return _forum("", hall, room)


def test_s004_pair_sharing_two_groups_is_one_finding_naming_both() -> None:
    hall = '          - {title: A, start: "10:00", end: "11:00", owner: x, topics: [rust, web], clash-group: 1}\n'
    room = '          - {title: B, start: "10:30", end: "11:30", owner: y, topics: [web, rust], clash-group: 1}\n'
    (finding,) = _findings(_programme(hall, room), "S004")
    assert finding.severity == "warning"
    assert finding.line == 10
    assert finding.message.say("en") == (
        "'B' (2026-03-10, Room B, 10:30–11:30) runs at the same time as 'A' (2026-03-10, Hall, 10:00–11:00, "
        "line 7), and both are in clash group '1', topic 'rust' and topic 'web'; move one so that people can "
        "see both"
    )
    assert "주제 ‘rust’" in finding.message.say("ko") and "중복 금지 그룹 ‘1’" in finding.message.say("ko")


def test_s004_a_topic_and_a_clash_group_of_one_name_are_different_groups() -> None:
    hall = '          - {title: A, start: "10:00", end: "11:00", owner: x, topics: security}\n'
    room = '          - {title: B, start: "10:30", end: "11:30", owner: y, clash-group: security}\n'
    assert _findings(_programme(hall, room), "S004") == []


def test_s004_same_track_is_s001_not_s004() -> None:
    hall = (
        '          - {title: A, start: "10:00", end: "11:00", owner: x, topics: [rust]}\n'
        '          - {title: B, start: "10:30", end: "11:30", owner: y, topics: [rust]}\n'
    )
    room = '          - {title: C, start: "10:00", end: "10:30", owner: z}\n'
    assert [code for _, code in _codes(_programme(hall, room))] == ["S001"]


def test_s004_parts_have_their_own_topics() -> None:
    hall = (
        '          - {title: A, start: "10:00", end: "11:00", owner: x, topics: [rust], parts: [\n'
        "              {title: A1, duration: 30, owner: x}, {title: A2, duration: 30, owner: x, topics: [go]}]}\n"
    )
    clash = '          - {title: B, start: "10:30", end: "11:30", owner: y, topics: [go]}\n'
    (finding,) = _findings(_programme(hall, clash), "S004")
    assert "'A2'" in finding.message.say("en") and "topic 'go'" in finding.message.say("en")
    only_parent = clash.replace("[go]", "[python]")
    assert _findings(_programme(hall, only_parent), "S004") == []


def test_s004_never_reports_a_pair_twice_and_joins_what_overlaps() -> None:
    text = (FIXTURES / "rules" / "S004" / "bad.yaml").read_text(encoding="utf-8")
    findings = _findings(text, "S004")
    assert [f.line for f in findings] == [17, 18]
    assert [len(f.related) for f in findings] == [1, 2]
    assert findings[1].message.say("en").startswith("3 segments of clash group 'security' run at overlapping")


def test_s004_many_parallel_sessions_are_one_finding() -> None:
    tracks = "".join(
        f"      - name: Room {n}\n        segments:\n"
        f'          - {{title: Talk {n}, start: "10:00", end: "11:00", owner: p{n}, topics: [ai]}}\n'
        for n in range(30)
    )
    text = f"title: t\ndays:\n  - date: 2026-03-10\n    tracks:\n{tracks}"
    (finding,) = _findings(text, "S004")
    said = finding.message.say("en")
    assert said.startswith("30 segments of topic 'ai' run at overlapping times")
    assert "'Talk 9' (2026-03-10, Room 9, 10:00–11:00, line 34), 19 more and 'Talk 29'" in said
    assert len(finding.related) == 10  # the ones named
    assert "외 19개" in finding.message.say("ko")


def test_s004_a_crowded_group_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two rooms of sessions all at the same time: every pair clashes. The pairs are not kept, and
    # past MAX_PAIRS (a million; 5,000 here) the search stops: a hostile file, not a programme.
    from tfagenda.rules import clash

    monkeypatch.setattr(clash, "MAX_PAIRS", 5_000)
    tracks = "".join(
        f"      - name: Room {room}\n        segments:\n"
        + "".join(
            f'          - {{title: T{room}-{n}, start: "10:00", end: "11:00", owner: "-", topics: [x]}}\n'
            for n in range(100)
        )
        for room in "AB"
    )
    text = f"title: t\ndays:\n  - date: 2026-03-10\n    tracks:\n{tracks}"
    (finding,) = _findings(text, "S004")
    said = finding.message.say("en")
    assert not said.startswith("200 segments")  # it stopped before it saw every pair
    assert " more and " in said and len(finding.related) == 10


@pytest.mark.parametrize(
    "value,reads",
    [
        ("rust", True),
        (["rust", "web"], True),
        ([], True),
        (None, True),
        ("", False),
        ([""], False),
        ([1], False),
        (5, False),
        ({"a": 1}, False),
    ],
)
def test_topics_values(value: Any, reads: bool) -> None:
    doc = {"title": "t", "segments": [{"title": "s", "duration": 5, "owner": "a", "topics": value}]}
    assert tfagenda_reads(doc) == reads
    assert (not schema_errors(doc)) == reads


@pytest.mark.parametrize(
    "value,reads",
    [("beginners", True), (3, True), (None, True), ("", False), ("  ", False), (["a"], False), (True, False)],
)
def test_clash_group_values(value: Any, reads: bool) -> None:
    doc = {"title": "t", "segments": [{"title": "s", "duration": 5, "owner": "a", "clash-group": value}]}
    assert tfagenda_reads(doc) == reads
    assert (not schema_errors(doc)) == reads


@pytest.mark.parametrize(
    "value,reads",
    [
        ("10m", True),
        ({"default": "10분", "Hall A -> Hall B": 15, "Hall A <-> Annex": "PT20M"}, True),
        ({"Hall": 5}, False),
        ({"Hall -> ": 5}, False),
        ({" -> Hall": 5}, False),
        ({"A -> B -> C": 5}, False),
        ({"A -> B": None}, False),
        ({"A -> B": "soon"}, False),
        ({"default": -1}, False),
        ([10], False),
    ],
)
def test_changeover_values_agree_with_the_schema(value: Any, reads: bool) -> None:
    doc = {"title": "t", "policy": {"changeover": value}, "segments": [{"title": "s", "duration": 5}]}
    assert tfagenda_reads(doc) == reads
    assert (not schema_errors(doc)) == reads


def test_clash_group_is_spelled_with_a_hyphen() -> None:
    text = "title: t\nsegments:\n  - {title: s, duration: 5, owner: a, clash_group: x}\n"
    (finding,) = check_text(text, "agenda.yaml")
    assert finding.code == "E002" and "did you mean 'clash-group'?" in finding.message.say("en")


def test_rule_docs() -> None:
    for code, name in (("O005", "changeover-too-short"), ("S004", "clash-group-overlap")):
        result = check("--select", code, str(FIXTURES / "rules" / code / "bad.yaml"))
        assert result.exit_code == 0  # warnings
        assert f"{code} [warning]" in result.stdout
        docs = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
        assert name in docs


# -- real schedules -----------------------------------------------------------------------------


def _real(name: str) -> Path:
    path = REAL / name
    if not path.is_file():
        pytest.skip(f"{path} is not here (the shared reference data)")
    return path


def test_real_schedules_have_no_o005_or_s004_by_default() -> None:
    paths = [_real("fosdem-2025-schedule.xml"), _real("jev22-everything-schedule.xml")]
    result = check_paths(paths)
    assert [f for f in result.findings if f.code in ("O005", "S004")] == []


def test_a_ten_minute_changeover_on_fosdem_2025_finds_the_one_tight_change(tmp_path: Path) -> None:
    path = _real("fosdem-2025-schedule.xml")
    settings = load_settings(write(tmp_path / "tfagenda.toml", "[policy]\nchangeover = 10\n"))
    found = [f for f in check_paths([path], settings).findings if f.code == "O005"]
    assert [f.message.say("en").split(" has ")[0] for f in found] == ["Mathieu Desnoyers (4757)"]
    assert "UB5.132 to UD2.208 (Decroly)" in found[0].message.say("en")


# -- O005 by venue, and across files ------------------------------------------------------------


def _meeting(title: str, venue: str, start: str, end: str, owner: str = "Kim Seung-il") -> str:
    return (
        f"title: {title}\ndate: 2026-03-10\nvenue: {venue}\npeople:\n  kim: {{name: {owner}}}\n"
        f'segments:\n  - {{title: {title} talk, start: "{start}", end: "{end}", owner: kim}}\n'
    )


def test_o005_days_without_tracks_are_at_their_venue() -> None:
    text = (
        f"title: Forum\n{TEN}venue: Seoul Square\ndays:\n"
        "  - {date: 2026-03-10, segments: [{title: Morning, start: '09:00', end: '10:00', owner: kim}]}\n"
        "  - {date: 2026-03-10, venue: Sejong, segments: [{title: Noon, start: '10:05', end: '11:00', owner: kim}]}\n"
    )
    (finding,) = _findings(text, "O005")
    assert "from Seoul Square to Sejong" in finding.message.say("en")


def test_o005_across_files_is_reported_in_both(tmp_path: Path) -> None:
    first = write(tmp_path / "a.yaml", _meeting("Board", "Seoul Square", "09:00", "10:00"))
    second = write(tmp_path / "b.yaml", _meeting("Council", "Sejong", "10:05", "11:00"))
    config = write(tmp_path / "tfagenda.toml", '[policy]\nchangeover = "10m"\n')
    result = check_paths([first, second], load_settings(config))
    found = {Path(f.path).name: f for f in result.findings if f.code == "O005"}
    assert set(found) == {"a.yaml", "b.yaml"}
    assert [f.code for f in result.findings] == ["O005", "O005"]
    assert found["b.yaml"].message.say("en") == (
        f"kim has 5 minutes to get from 'Board talk' ({first}:7, 2026-03-10, Seoul Square, 09:00–10:00) to "
        "'Council talk' (2026-03-10, Sejong, 10:05–11:00), 5 minutes less than the changeover of 10 minutes; "
        "start 'Council talk' at 10:10 or later"
    )
    assert found["a.yaml"].message.say("en").endswith("'Council talk' would have to start at 10:10 or later")
    assert (found["a.yaml"].line, found["b.yaml"].line) == (7, 7)
    assert found["b.yaml"].related[0].path == str(first)
    assert "이동 시간" in found["a.yaml"].message.say("ko")
    # Without a changeover in the config, or at the same venue, or for a host: nothing.
    assert [f for f in check_paths([first, second]).findings if f.code == "O005"] == []
    write(second, _meeting("Council", "seoul  square", "10:05", "11:00"))
    assert [f for f in check_paths([first, second], load_settings(config)).findings if f.code == "O005"] == []
    write(second, _meeting("Council", "Sejong", "10:05", "11:00"))
    write(config, '[policy]\nchangeover = "10m"\nhosts = ["Kim Seung-il"]\n')
    assert [f for f in check_paths([first, second], load_settings(config)).findings if f.code == "O005"] == []


def test_o005_across_files_joins_people_by_name_only(tmp_path: Path) -> None:
    first = write(tmp_path / "a.yaml", _meeting("Board", "Seoul Square", "09:00", "10:00", owner="Kim"))
    second = write(tmp_path / "b.yaml", _meeting("Council", "Sejong", "10:05", "11:00", owner="Park"))
    config = write(tmp_path / "tfagenda.toml", "[policy]\nchangeover = 10\n")
    # Both files call their person "kim", but the names differ: two people.
    assert [f for f in check_paths([first, second], load_settings(config)).findings if f.code == "O005"] == []


def test_o005_across_files_in_the_language_server(tmp_path: Path) -> None:
    from tfagenda.lsp.engine import bookings_on_disk, check_buffer

    first = write(tmp_path / "a.yaml", _meeting("Board", "Seoul Square", "09:00", "10:00"))
    settings = load_settings(write(tmp_path / "tfagenda.toml", "[policy]\nchangeover = 10\n"))
    others = [bookings_on_disk(str(first), settings)]
    checked = check_buffer(
        _meeting("Council", "Sejong", "10:05", "11:00"), str(tmp_path / "b.yaml"), settings, others
    )  # type: ignore[arg-type]
    assert [f.code for f in checked.findings] == ["O005"]


@pytest.mark.parametrize(
    "value,valid",
    [
        (10, True),
        ("10m", True),
        ({"default": "10분", "Hall A -> Annex": 15, "Hall A <-> Hall B": "5m"}, True),
        (-1, False),
        ({"Hall": 5}, False),
        ({"A -> B": None}, False),
        # The config schema takes any text for a duration (its pattern is built in tfagenda.schema,
        # which the policy cannot import without a cycle); the config itself refuses these.
        ("soon", "schema only"),
        ({"default": "ten"}, "schema only"),
    ],
)
def test_config_schema_and_config_agree_on_the_changeover(value: Any, valid: bool | str) -> None:
    from jsonschema import Draft202012Validator

    from tfagenda.config import config_json_schema

    config = {"policy": {"changeover": value}}
    assert (not list(Draft202012Validator(config_json_schema()).iter_errors(config))) == bool(valid)
    try:
        Policy.model_validate(config["policy"])
    except ValueError:
        assert valid is not True
    else:
        assert valid is True


def test_s004_topics_differing_only_in_case_and_spacing_are_one_group(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        'title: Conf\ndays:\n  - date: 2026-03-10\n    slot: "10:00-12:00"\n    tracks:\n'
        '      - name: A\n        segments: [{title: Kernel, start: "10:00", end: "10:45", owner: a, topics: [Rust]}]\n'
        '      - name: B\n        segments: [{title: Async, start: "10:30", end: "11:15", owner: b, topics: [" rust "]}]\n',
        encoding="utf-8",
    )
    findings = [f for f in check_paths([path]).findings if f.code == "S004"]
    assert len(findings) == 1
    said = findings[0].message.say("en")
    assert "topic 'Rust'" in said and "' rust '" not in said


# -- O005's suggested start stays on the day (session 3 leftovers) ------------------------------


def test_o005_a_changeover_past_midnight_names_the_next_day_not_an_earlier_time() -> None:
    # 10:00 + 20 hours is 06:00 of the next day: "start 'Panel' at 06:00 or later" read as a time
    # before the keynote.
    (finding,) = _findings(_forum("policy: {changeover: 20h}\n", KEYNOTE, PANEL), "O005")
    english = finding.message.say("en")
    assert "06:00 or later" not in english
    assert english.endswith(
        "the changeover runs past the end of the day: 'Panel' could start at 06:00 the next day (2026-03-11) at the earliest"
    )
    assert finding.message.say("ko").endswith("‘Panel’의 시작은 빨라도 다음 날(2026-03-11) 06:00입니다")


def test_o005_without_a_date_says_the_next_day_or_days_later() -> None:
    def undated(changeover: str) -> str:
        text = _forum(f"policy: {{changeover: {changeover}}}\n", KEYNOTE, PANEL).replace(
            "  - date: 2026-03-10\n", "  - name: Day 1\n"
        )
        (finding,) = _findings(text, "O005")
        return finding.message.say("en") + "\n" + finding.message.say("ko")

    assert "'Panel' could start at 06:00 the next day at the earliest" in undated("20h")
    assert "다음 날 06:00입니다" in undated("20h")
    assert "'Panel' could start at 12:00, 2 days later at the earliest" in undated("50h")
    assert "2일 뒤 12:00입니다" in undated("50h")


def test_o005_a_start_past_the_slot_is_not_suggested() -> None:
    text = _forum("policy: {changeover: 3h}\n", KEYNOTE, PANEL).replace(
        "  - date: 2026-03-10\n", '  - date: 2026-03-10\n    slot: "09:00-12:00"\n'
    )
    (finding,) = _findings(text, "O005")
    english = finding.message.say("en")
    assert "13:00" not in english
    assert english.endswith(
        "no start in the day's slot (09:00–12:00) leaves that much time after 'Keynote': end it sooner, "
        "or hold both in one room"
    )
    assert "회의 시간(09:00–12:00) 안에서는" in finding.message.say("ko")


def test_o005_an_overnight_slot_keeps_its_after_midnight_start() -> None:
    text = (
        "title: Night\npolicy: {changeover: 30m}\ndays:\n  - date: 2026-03-10\n"
        '    slot: "22:00-01:00"\n    tracks:\n'
        "      - name: Hall\n        segments:\n"
        '          - {title: Keynote, start: "22:00", end: "23:50", owner: kim}\n'
        "      - name: Room B\n        segments:\n"
        '          - {title: Panel, start: "23:55", end: "00:30", owner: kim}\n'
    )
    (finding,) = _findings(text, "O005")
    assert finding.message.say("en").endswith("start 'Panel' at 00:20 or later")  # in the slot
    late = text.replace("{changeover: 30m}", "{changeover: 90m}")
    (finding,) = _findings(late, "O005")
    assert finding.message.say("en").endswith(
        "no start in the day's slot (22:00–01:00) leaves that much time "
        "after 'Keynote': end it sooner, or hold both in one room"
    )


def test_o005_between_files_past_midnight_names_the_next_day(tmp_path: Path) -> None:
    config = write(tmp_path / "tfagenda.toml", '[policy]\nchangeover = "20h"\n')
    day = 'title: {t}\nvenue: {v}\ndays:\n  - date: 2026-03-10\n    segments:\n      - {{title: {t}, start: "{s}", end: "{e}", owner: Kim}}\n'
    write(tmp_path / "a.yaml", day.format(t="Keynote", v="Hall", s="09:00", e="10:00"))
    write(tmp_path / "b.yaml", day.format(t="Panel", v="Annex", s="10:05", e="11:00"))
    result = check("--config", str(config), str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"))
    lines = [line for line in result.stdout.splitlines() if ": O005 " in line]
    assert len(lines) == 2, result.stdout
    assert all("06:00 or later" not in line for line in lines)
    assert any(
        line.endswith("'Panel' could start at 06:00 the next day (2026-03-11) at the earliest")
        for line in lines
    )
    assert (
        sum("could start at 06:00 the next day (2026-03-11) at the earliest" in line for line in lines) == 2
    )
