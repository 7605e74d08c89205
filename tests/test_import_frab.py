"""Importing frab / pretalx / c3voc conference schedules (schedule JSON and schedule.xml).

The real schedule (Chaos Communication Camp 2019) and the schedule.xml XSD are read from
``../shared/reference/``; those tests skip when it is absent. ``fixtures/frab/tinycamp-2026.xml``
is a small schedule made for these tests: two days, two rooms, day 1 running past midnight, a
pretalx-style ``D:HH:MM`` duration, and one planted double booking (Bob, on day 2).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, REPO, run

from tfagenda.importers import detect_format, import_document
from tfagenda.importers.yamlout import to_yaml
from tfagenda.linter import check_paths
from tfagenda.load import load_file, load_text
from tfagenda.timeline import resolve

REFERENCE = REPO.parent / "shared" / "reference"
CAMP = REFERENCE / "frab-camp2019-schedule.json"
XSD = REFERENCE / "schedule.xml.xsd"
TINY = FIXTURES / "frab" / "tinycamp-2026.xml"


def _camp_text() -> str:
    if not CAMP.exists():
        pytest.skip(f"the real frab schedule is not at {CAMP} (../shared/reference/ is absent)")
    return CAMP.read_text(encoding="utf-8")


def _line_of(text: str, needle: str, after: str = "") -> int:
    """The 1-based line of the first ``needle`` after the first ``after``."""
    offset = text.index(needle, text.index(after) if after else 0)
    return text.count("\n", 0, offset) + 1


def _codes(findings: Any) -> list[str]:
    return [f.code for f in findings]


def _describe(findings: Any) -> str:
    return "\n".join(f"{f.line}:{f.column} {f.code} {f.message.say('en')}" for f in findings) or "(none)"


# --- a small schedule JSON, built in the tests --------------------------------------------------


def _event(
    ident: int, start: Any, duration: Any, title: str, persons: list[tuple[int, str]], **extra: Any
) -> dict:
    event = {
        "id": ident,
        "guid": f"00000000-0000-4000-8000-{ident:012d}",
        "date": "2026-07-01T00:00:00+02:00",
        "start": start,
        "duration": duration,
        "room": extra.pop("room", "Hall"),
        "title": title,
        "subtitle": "",
        "track": "Talks",
        "type": "lecture",
        "persons": [{"id": pid, "public_name": name} for pid, name in persons],
    }
    event.update(extra)
    return event


def _schedule(
    rooms: dict[str, list[dict]], day_start: str = "10:00", day_end: str = "2026-07-01T20:00:00+02:00"
) -> dict:
    return {
        "schedule": {
            "version": "1",
            "conference": {
                "acronym": "tiny",
                "title": "Tiny conference",
                "time_zone_name": "Europe/Berlin",
                "days": [
                    {
                        "index": 1,
                        "date": "2026-07-01",
                        "day_start": f"2026-07-01T{day_start}:00+02:00",
                        "day_end": day_end,
                        "rooms": rooms,
                    }
                ],
            },
        }
    }


def _write(tmp_path: Path, data: dict, name: str = "schedule.json") -> tuple[Path, str]:
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, text


def _segments(loaded: Any) -> dict[str, Any]:
    """Placed segments by title, from the checker's own timeline."""
    timeline = resolve(loaded.agenda, loaded.is_damaged)
    return {placed.title: placed for placed in timeline.segments()}


# --- the real schedule --------------------------------------------------------------------------


def test_camp2019_imports_with_days_rooms_people_and_the_gap_policy() -> None:
    text = _camp_text()
    assert detect_format(str(CAMP), text) == "frab-json"
    document = import_document(text, str(CAMP), "frab-json")
    assert document.problems == []
    data = document.data
    assert data["title"] == "Chaos Communication Camp 2019"
    assert data["timezone"] == "Europe/Berlin"
    assert data["policy"] == {"gap-tolerance": None}
    assert [day["date"] for day in data["days"]] == [f"2019-08-{d}" for d in range(21, 26)]
    assert {day["slot"] for day in data["days"]} == {"09:00-04:00"}  # 09:00 to 04:00 the next morning
    assert [[t["name"] for t in day["tracks"]] for day in data["days"]] == [["Curie", "Meitner"]] * 5
    segments = [s for day in data["days"] for t in day["tracks"] for s in t["segments"]]
    assert len(segments) == 79
    opening = data["days"][0]["tracks"][0]["segments"][0]
    assert opening == {
        "start": "11:00",
        "duration": "00:30",
        "title": "Opening Ceremony",
        "owner": ["7797", "4827"],
        "kind": "lecture",
        "note": "CCC",
    }
    assert data["people"]["7797"] == {"name": "jinxx"}
    # Owners are people's ids; the one event with an empty persons list is deliberately nobody's.
    assert all(all(o in data["people"] for o in s["owner"]) for s in segments if s["owner"] != "-")
    assert [s["title"] for s in segments if s["owner"] == "-"] == ["Infrastructure Review"]
    # Every value written has its place in the source: the opening's start is on its own line there.
    start = document.nodes[("days", 0, "tracks", 0, "segments", 0, "start")]
    assert (
        start.span.line == _line_of(text, '"start": "11:00"') < _line_of(text, '"title": "Opening Ceremony"')
    )
    line = text.splitlines()[start.span.line - 1]
    assert line[start.inner.column - 1 : start.inner.end_column - 1] == "11:00"
    assert line[start.key.column - 1 : start.key.end_column - 1] == '"start"'


def test_camp2019_checks_clean_in_memory() -> None:
    _camp_text()
    result = check_paths([CAMP])
    assert result.findings == [], _describe(result.findings)
    assert result.exit_code() == 0


def test_camp2019_checks_clean_once_written_as_yaml(tmp_path: Path) -> None:
    text = _camp_text()
    document = import_document(text, str(CAMP), "frab-json")
    target = tmp_path / "camp2019.yaml"
    target.write_text(to_yaml(document.data, "imported from frab-camp2019-schedule.json"), encoding="utf-8")
    result = check_paths([target])
    assert result.findings == [], _describe(result.findings)
    # The YAML reads back to the same agenda as the import.
    assert load_file(target).agenda == load_text(text, str(CAMP)).agenda


def test_camp2019_imported_data_is_valid_per_the_agenda_schema() -> None:
    from jsonschema import Draft202012Validator

    from tfagenda.schema import agenda_json_schema

    document = import_document(_camp_text(), str(CAMP), "frab-json")
    errors = [e.message for e in Draft202012Validator(agenda_json_schema()).iter_errors(document.data)]
    assert errors == []


def test_a_speaker_double_booked_across_rooms_is_o003_naming_both_events(tmp_path: Path) -> None:
    text = _camp_text()
    # schneider (5339) gives "card10 Badge" in Curie at 12:00; plant them in "Knoten 101", Meitner, 12:00 too.
    needle = '{ "id": 8875, "public_name": "Lukas \\"cube\\" Hannen" }'
    assert text.count(needle) == 1
    planted = text.replace(needle, needle + ', { "id": 5339, "public_name": "schneider" }')
    path = tmp_path / "camp2019-double.json"
    path.write_text(planted, encoding="utf-8")
    result = check_paths([path])
    assert _codes(result.findings) == ["O003"], _describe(result.findings)
    finding = result.findings[0]
    assert finding.path == str(path)
    assert "'card10 Badge'" in finding.message.say("en") and "'Knoten 101'" in finding.message.say("en")
    assert "Curie" in finding.message.say("en") and "Meitner" in finding.message.say("en")
    # Both events are pointed at in the source: the finding at Knoten 101's persons, the related place
    # at card10 Badge's persons.
    assert finding.line == _line_of(planted, '"persons"', after='"title": "Knoten 101"')
    assert [r.line for r in finding.related] == [
        _line_of(planted, '"persons"', after='"title": "card10 Badge"')
    ]
    assert f"line {finding.related[0].line}" in finding.message.say("en")
    assert result.exit_code() == 1


# --- durations and days past midnight ------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "as_agenda", "minutes"),
    [
        ("00:45", "00:45", 45),  # frab: HH:MM, written as the source has it
        ("01:30", "01:30", 90),
        ("0:01:30", "01:30", 90),  # pretalx: D:HH:MM, the same duration in hours:minutes
        ("1:01:30", "25:30", 24 * 60 + 90),  # a day and 90 minutes
    ],
)
def test_durations_hh_mm_and_pretalx_d_hh_mm(
    tmp_path: Path, written: str, as_agenda: str, minutes: int
) -> None:
    data = _schedule(
        {"Hall": [_event(1, "10:00", written, "Talk", [(1, "Ann")])]}, day_end="2026-07-03T20:00:00+02:00"
    )
    path, text = _write(tmp_path, data)
    document = import_document(text, str(path), "frab-json")
    segment = document.data["days"][0]["tracks"][0]["segments"][0]
    assert segment["duration"] == as_agenda
    loaded = load_text(text, str(path))
    assert loaded.problems == []
    assert _segments(loaded)["Talk"].duration == minutes


def test_events_after_midnight_stay_on_their_day(tmp_path: Path) -> None:
    rooms = {
        "Hall": [
            _event(1, "22:00", "01:00", "Late talk", [(1, "Ann")]),
            _event(2, "00:30", "00:45", "After midnight", [(2, "Ben")]),
            _event(3, "02:00", "01:00", "Small hours", [(1, "Ann")]),
        ],
    }
    data = _schedule(rooms, day_start="11:00", day_end="2026-07-02T04:00:00+02:00")
    path, text = _write(tmp_path, data)
    loaded = load_file(path)
    assert loaded.document.data["days"][0]["slot"] == "11:00-04:00"
    placed = _segments(loaded)
    # On day 1, after its 22:00 talk: minutes past day 1's midnight, not the small hours of day 1.
    assert placed["After midnight"].start == 24 * 60 + 30
    assert placed["Small hours"].start == 26 * 60
    assert {p.track.day.date.isoformat() for p in placed.values()} == {"2026-07-01"}
    result = check_paths([path])
    assert result.findings == [], _describe(result.findings)


def test_an_event_past_the_days_end_is_reported_not_moved(tmp_path: Path) -> None:
    rooms = {
        "Hall": [
            _event(1, "11:00", "00:45", "Talk", [(1, "Ann")]),
            _event(2, "05:00", "00:45", "Too late", [(2, "Ben")]),
        ]
    }
    path, text = _write(tmp_path, _schedule(rooms, day_start="11:00", day_end="2026-07-02T04:00:00+02:00"))
    result = check_paths([path])
    assert _codes(result.findings) == ["F002"], _describe(result.findings)
    # The end is start + duration: the finding is on the event's duration.
    assert result.findings[0].line == _line_of(text, '"duration"', after='"start": "05:00"')


# --- the source's mistakes are found, not corrected ----------------------------------------------


def test_overlapping_events_in_one_room_are_s001(tmp_path: Path) -> None:
    rooms = {
        "Hall": [
            _event(1, "10:00", "01:00", "First", [(1, "Ann")]),
            _event(2, "10:30", "00:45", "Second", [(2, "Ben")]),
        ]
    }
    path, text = _write(tmp_path, _schedule(rooms))
    result = check_paths([path])
    assert _codes(result.findings) == ["S001"], _describe(result.findings)
    assert result.findings[0].line == _line_of(text, '"start": "10:30"')
    assert (
        import_document(text, str(path), "frab-json").data["days"][0]["tracks"][0]["segments"][1]["start"]
        == "10:30"
    )


def test_an_event_with_no_persons_is_deliberately_nobodys(tmp_path: Path) -> None:
    rooms = {"Hall": [_event(1, "10:00", "00:30", "Music", [])]}
    path, text = _write(tmp_path, _schedule(rooms))
    document = import_document(text, str(path), "frab-json")
    assert document.data["days"][0]["tracks"][0]["segments"][0]["owner"] == "-"
    assert "people" not in document.data
    assert check_paths([path]).findings == []


def test_a_person_without_an_id_is_owner_by_name(tmp_path: Path) -> None:
    event = _event(1, "10:00", "00:30", "Talk", [])
    event["persons"] = [{"public_name": "Ann"}, {"code": "XK3L9Q", "name": "Ben"}]
    path, text = _write(tmp_path, _schedule({"Hall": [event]}))
    data = import_document(text, str(path), "frab-json").data
    assert data["days"][0]["tracks"][0]["segments"][0]["owner"] == ["Ann", "XK3L9Q"]
    assert data["people"] == {"Ann": {"name": "Ann"}, "XK3L9Q": {"name": "Ben"}}


# --- what cannot be read is reported at its line, never dropped silently -----------------------


def test_an_unreadable_start_is_e005_at_its_line_and_the_rest_is_checked(tmp_path: Path) -> None:
    rooms = {
        "Hall": [
            _event(1, "10:00", "00:45", "Fine", [(1, "Ann")]),
            _event(2, "25:10", "00:45", "Broken start", [(2, "Ben")]),
            _event(3, "12:00", "soon", "Broken duration", [(3, "Cy")]),
            _event(4, "13:00", "00:45", "Also fine", [(1, "Ann")]),
        ]
    }
    path, text = _write(tmp_path, _schedule(rooms))
    result = check_paths([path])
    assert _codes(result.findings) == ["E005", "E005"], _describe(result.findings)
    start, duration = result.findings
    assert start.line == _line_of(text, '"start": "25:10"')
    assert (
        "event 2" in start.message.say("en")
        and "Broken start" in start.message.say("en")
        and "25:10" in start.message.say("en")
    )
    assert duration.line == _line_of(text, '"duration": "soon"')
    assert result.exit_code() == 1
    titles = [s["title"] for s in load_file(path).document.data["days"][0]["tracks"][0]["segments"]]
    assert titles == ["Fine", "Also fine"]


def test_an_event_without_a_start_is_e005_at_the_event(tmp_path: Path) -> None:
    event = _event(7, "10:00", "00:45", "No start", [(1, "Ann")])
    del event["start"]
    path, text = _write(tmp_path, _schedule({"Hall": [event]}))
    result = check_paths([path])
    assert "E005" in _codes(result.findings)
    e005 = next(f for f in result.findings if f.code == "E005")
    assert e005.line == _line_of(text, '"id": 7') - 1  # the event object's opening brace
    assert "no start" in e005.message.say("en")


def test_a_start_with_seconds_is_read_to_the_minute(tmp_path: Path) -> None:
    rooms = {
        "Hall": [
            _event(1, "10:00:00", "00:45", "Talk", [(1, "Ann")]),
            _event(2, "11:00:30", "00:45", "Odd", [(2, "Ben")]),
        ]
    }
    path, text = _write(tmp_path, _schedule(rooms))
    result = check_paths([path])
    assert _codes(result.findings) == ["E005"]
    assert result.findings[0].line == _line_of(text, '"start": "11:00:30"')
    assert load_file(path).document.data["days"][0]["tracks"][0]["segments"][0]["start"] == "10:00"


def test_json_that_is_not_json_is_e005_where_it_breaks(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "schedule": {\n    "conference": {,\n  }\n}\n', encoding="utf-8")
    result = check_paths([path])
    assert [(f.code, f.line) for f in result.findings] == [("E005", 3)]
    assert "not valid JSON" in result.findings[0].message.say("en")


def test_json_that_is_not_a_schedule_is_e005(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"title": "not a schedule"}\n', encoding="utf-8")
    result = check_paths([path])
    assert _codes(result.findings) == ["E005"]
    assert "schedule.conference" in result.findings[0].message.say("en")


def test_a_duplicate_key_in_the_json_is_e003_with_its_line(tmp_path: Path) -> None:
    data = _schedule({"Hall": [_event(1, "10:00", "00:45", "Talk", [(1, "Ann")])]})
    _, text = _write(tmp_path, data)
    text = text.replace('"start": "10:00",', '"start": "10:00",\n            "start": "10:15",', 1)
    path = tmp_path / "dup.json"
    path.write_text(text, encoding="utf-8")
    result = check_paths([path])
    assert [(f.code, f.line) for f in result.findings] == [("E003", _line_of(text, '"start": "10:15"'))]
    assert (
        load_file(path).document.data["days"][0]["tracks"][0]["segments"][0]["start"] == "10:00"
    )  # the first wins


def test_a_broken_xml_event_is_e005_at_its_line(tmp_path: Path) -> None:
    text = TINY.read_text(encoding="utf-8").replace("<start>11:00</start>", "<start>eleven</start>", 1)
    path = tmp_path / "broken.xml"
    path.write_text(text, encoding="utf-8")
    result = check_paths([path])
    assert sorted(_codes(result.findings)) == ["E005", "O003"], _describe(result.findings)
    e005 = next(f for f in result.findings if f.code == "E005")
    assert e005.line == _line_of(text, "<start>eleven</start>")
    assert e005.column == text.splitlines()[e005.line - 1].index("eleven") + 1
    assert "event 102" in e005.message.say("en")


def test_xml_that_is_not_xml_is_e005_where_it_breaks(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text('<?xml version="1.0"?>\n<schedule>\n  <conference>\n</schedule>\n', encoding="utf-8")
    result = check_paths([path])
    assert [(f.code, f.line) for f in result.findings] == [("E005", 4)]


def test_xml_entity_declarations_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE schedule [\n <!ENTITY a "aaaaaaaaaa">\n]>\n<schedule>&a;</schedule>\n',
        encoding="utf-8",
    )
    result = check_paths([path])
    assert _codes(result.findings) == ["E005"]
    assert "entities" in result.findings[0].message.say("en")


# --- the schedule.xml fixture --------------------------------------------------------------------


def test_the_xml_fixture_is_valid_per_the_schedule_xsd() -> None:
    if not XSD.exists():
        pytest.skip(f"the schedule.xml XSD is not at {XSD} (../shared/reference/ is absent)")
    xmlschema = pytest.importorskip(
        "xmlschema", reason="xmlschema is in the test extra: pip install -e '.[test]'"
    )
    xmlschema.XMLSchema(str(XSD)).validate(str(TINY))


def test_the_xml_fixture_imports() -> None:
    text = TINY.read_text(encoding="utf-8")
    assert detect_format(str(TINY), text) == "frab-xml"
    document = import_document(text, str(TINY), "frab-xml")
    assert document.problems == []
    data = document.data
    assert data["title"] == "Tiny Camp 2026"
    assert data["timezone"] == "Europe/Berlin"
    assert data["policy"] == {"gap-tolerance": None}
    assert [(d["date"], d["slot"]) for d in data["days"]] == [
        ("2026-07-01", "10:00-03:00"),
        ("2026-07-02", "10:00-22:00"),
    ]
    assert [[t["name"] for t in d["tracks"]] for d in data["days"]] == [["Hall A", "Hall B"]] * 2
    hall_b = data["days"][0]["tracks"][1]["segments"]
    assert hall_b[0] == {
        "start": "10:30",
        "duration": "01:30",  # 0:01:30 in the source (pretalx's D:HH:MM)
        "title": "Mesh networks hands-on",
        "owner": ["6"],
        "kind": "workshop",
        "note": "Networks",
    }
    assert hall_b[2]["owner"] == "-"  # <persons/>: nobody, deliberately
    assert data["people"]["2"] == {"name": "Bob"}
    start = document.nodes[("days", 0, "tracks", 0, "segments", 3, "start")]
    assert start.span.line == _line_of(text, "<start>01:00</start>")
    assert (
        text.splitlines()[start.span.line - 1][start.inner.column - 1 : start.inner.end_column - 1] == "01:00"
    )


def test_the_xml_fixture_checks_clean_except_the_planted_double_booking() -> None:
    text = TINY.read_text(encoding="utf-8")
    result = check_paths([TINY])
    assert _codes(result.findings) == ["O003"], _describe(result.findings)
    finding = result.findings[0]
    assert "'Antenna design'" in finding.message.say("en") and "'Double-booked talk'" in finding.message.say(
        "en"
    )
    assert finding.line == _line_of(text, "<persons>", after="<title>Double-booked talk")
    assert [r.line for r in finding.related] == [_line_of(text, "<persons>", after="<title>Antenna design")]
    # The event after midnight stays on day 1.
    placed = _segments(load_file(TINY))
    assert placed["Radio astronomy after midnight"].start == 24 * 60 + 60
    assert placed["Radio astronomy after midnight"].track.day.date.isoformat() == "2026-07-01"


def test_the_xml_fixture_written_as_yaml_finds_the_same(tmp_path: Path) -> None:
    document = import_document(TINY.read_text(encoding="utf-8"), str(TINY), "frab-xml")
    target = tmp_path / "tinycamp.yaml"
    target.write_text(to_yaml(copy.deepcopy(document.data)), encoding="utf-8")
    assert _codes(check_paths([target]).findings) == ["O003"]


def test_check_on_the_command_line_reads_the_xml_directly() -> None:
    result = run("check", str(TINY), "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert [(f["code"], f["path"]) for f in findings] == [("O003", str(TINY))]


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_lines_are_counted_as_the_report_counts_them(tmp_path: Path, newline: str) -> None:
    rooms = {
        "Hall": [
            _event(1, "10:00", "01:00", "First", [(1, "Ann")]),
            _event(2, "10:30", "00:45", "Second", [(2, "Ben")]),
        ]
    }
    _, text = _write(tmp_path, _schedule(rooms))
    path = tmp_path / "schedule-newlines.json"
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    result = check_paths([path])
    assert [(f.code, f.line) for f in result.findings] == [("S001", _line_of(text, '"start": "10:30"'))]


def test_tfagenda_import_writes_yaml_that_finds_the_same(tmp_path: Path) -> None:
    target = tmp_path / "tinycamp.yaml"
    result = run("import", str(TINY), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert "policy:" in target.read_text(encoding="utf-8")
    assert _codes(check_paths([target]).findings) == ["O003"]
