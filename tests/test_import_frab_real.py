"""Issue 12: every real schedule in ``../shared/reference/real/`` is read whole and placed right.

Each test counts the events of the source itself (``xml.etree``/``json``), checks that tfagenda
placed as many, that the real inconsistencies the folder's README lists (verified here by
independent counts) are found, and that nothing else is reported at error level. The files are
never copied into the project; the tests skip when the folder is absent.
"""

from __future__ import annotations

import bisect
import collections
import datetime as dt
import itertools
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from tfagenda.findings import Severity
from tfagenda.importers import import_document
from tfagenda.linter import check_paths

REAL = REPO.parent / "shared" / "reference" / "real"


def _path(name: str) -> Path:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"the real schedule {name} is not at {path} (../shared/reference/real/ is absent)")
    return path


def _source_events(path: Path) -> int:
    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        return sum(
            len(events) for day in data["schedule"]["conference"]["days"] for events in day["rooms"].values()
        )
    return len(ET.parse(path).getroot().findall(".//event"))


def _placed(path: Path) -> int:
    fmt = "frab-json" if path.suffix == ".json" else "frab-xml"
    document = import_document(path.read_text(encoding="utf-8"), str(path), fmt)
    return sum(len(track["segments"]) for day in document.data["days"] for track in day["tracks"])


def _findings(path: Path) -> list[Any]:
    result = check_paths([str(path)])
    return result.findings


def _errors(findings: list[Any], code: str | None = None) -> list[Any]:
    return [f for f in findings if f.severity is Severity.ERROR and (code is None or f.code == code)]


def _person_name(person: ET.Element) -> str:
    for tag in ("public_name", "name"):
        found = person.find(tag)
        if found is not None:
            return " ".join((found.text or "").split())
    return " ".join((person.text or "").split())


def _double_bookings(path: Path) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    """Pairs of events in different rooms that share a person (id and name) and overlap, from each
    event's <date> (its own date and time) and <duration>: counted here, not by tfagenda."""
    root = ET.parse(path).getroot()
    bookings = collections.defaultdict(list)
    for day in root.findall("day"):
        for event in day.iter("event"):
            when = (event.findtext("date") or "").strip()
            start = dt.datetime.fromisoformat(when).replace(tzinfo=None) if "T" in when else None
            if start is None:
                start = dt.datetime.fromisoformat(day.get("date") + "T" + event.findtext("start").strip())
            hours, minutes = event.findtext("duration").strip().split(":")[:2]
            end = start + dt.timedelta(hours=int(hours), minutes=int(minutes))
            for person in {(p.get("id"), _person_name(p)) for p in event.iter("person")}:
                bookings[person].append((start, end, event.findtext("room"), event.get("id")))
    pairs = set()
    for person, items in bookings.items():
        for a, b in itertools.combinations(items, 2):
            if a[2] != b[2] and a[0] < b[1] and b[0] < a[1] and a[0] < a[1] and b[0] < b[1]:
                pairs.add((person, tuple(sorted((a[3], b[3])))))
    return pairs  # type: ignore[return-value]


def _groups(pairs: set) -> int:
    """Groups of overlapping events per person (what one O003 reports)."""
    groups = 0
    by_person = collections.defaultdict(list)
    for person, pair in pairs:
        by_person[person].append(pair)
    for edges in by_person.values():
        parent: dict[str, str] = {}
        for a, b in edges:
            parent[_root(parent, a)] = _root(parent, b)
        groups += len({_root(parent, x) for x in parent})
    return groups


def _root(parent: dict[str, str], x: str) -> str:
    while parent.setdefault(x, x) != x:
        x = parent[x]
    return x


ALL = [
    "fosdem-2011-schedule.xml",
    "fosdem-2020-schedule.xml",
    "fosdem-2025-schedule.xml",
    "denog16-pretalx-schedule.xml",
    "gpn17-schedule.xml",
    "35c3-everything-schedule.xml",
    "jev22-everything-schedule.xml",
    "35c3-fahrplan-schedule.json",
    "debconf17-wafer-schedule.xml",
]


@pytest.mark.parametrize("name", ALL)
def test_every_event_of_the_source_is_placed(name: str) -> None:
    path = _path(name)
    assert _placed(path) == _source_events(path)


def test_fosdem_2011_old_layout_one_same_room_overlap() -> None:
    findings = _findings(_path("fosdem-2011-schedule.xml"))
    errors = _errors(findings)
    assert [f.code for f in errors] == ["S001"], errors
    assert "Exam Session" in errors[0].message.say("en")


@pytest.mark.parametrize(
    ("name", "people"), [("fosdem-2020-schedule.xml", 3), ("fosdem-2025-schedule.xml", 1)]
)
def test_fosdem_double_bookings_and_nothing_else(name: str, people: int) -> None:
    path = _path(name)
    pairs = _double_bookings(path)
    assert len(pairs) == people
    errors = _errors(_findings(path))
    assert [f.code for f in errors] == ["O003"] * _groups(pairs), errors


def test_fosdem_2020_names_people_by_name_and_id() -> None:
    messages = [f.message.say("en") for f in _errors(_findings(_path("fosdem-2020-schedule.xml")))]
    assert sum("(1641)" in m for m in messages) == 2 and sum("(4953)" in m for m in messages) == 1


def test_denog16_pretalx_checks_clean() -> None:
    assert _findings(_path("denog16-pretalx-schedule.xml")) == []


def test_gpn17_ends_after_the_day_and_one_double_booking() -> None:
    path = _path("gpn17-schedule.xml")
    errors = _errors(_findings(path))
    f002 = [f for f in errors if f.code == "F002"]
    assert len(f002) == 3
    assert sorted(f.message.say("en").split(" ends at ")[1][:5] for f in f002) == ["02:15", "02:30", "02:45"]
    o003 = [f for f in errors if f.code == "O003"]
    assert len(o003) == 1 and "(6503)" in o003[0].message.say("en")
    assert len(errors) == 4
    assert _double_bookings(path) and _groups(_double_bookings(path)) == 1


def _readme_double_bookings(path: Path) -> set[tuple[str, str]]:
    """The README's count: event pairs in different rooms sharing a person keyed by id and the
    <person> element's own text. Persons whose name is in a child element (<name>, <public_name>:
    the Chaos West and pretalx sources of 35C3) have no text, so they are matched by id alone."""
    root = ET.parse(path).getroot()
    bookings = collections.defaultdict(list)
    for event in root.iter("event"):
        start = dt.datetime.fromisoformat(event.findtext("date").strip())
        hours, minutes = event.findtext("duration").strip().split(":")[:2]
        end = start + dt.timedelta(hours=int(hours), minutes=int(minutes))
        for person in {(p.get("id"), (p.text or "").strip()) for p in event.iter("person")}:
            bookings[person].append((start, end, event.findtext("room"), event.get("id")))
    pairs = set()
    for items in bookings.values():
        for a, b in itertools.combinations(items, 2):
            if a[2] != b[2] and a[0] < b[1] and b[0] < a[1]:
                pairs.add(tuple(sorted((a[3], b[3]))))
    return pairs  # type: ignore[return-value]


def test_35c3_everything_people_told_apart() -> None:
    path = _path("35c3-everything-schedule.xml")
    findings = _findings(path)
    pairs = _double_bookings(path)
    # By id alone: over a thousand. By id and name (the name from <public_name>/<name> when the
    # person has one): eight (person, event pair)s, each its own group of overlapping events.
    assert len(pairs) == 8 and _groups(pairs) == 8
    o003 = _errors(findings, "O003")
    assert len(o003) == 8
    named = sorted(m.split(" is also in ")[0] for m in (f.message.say("en") for f in o003))
    assert named == [
        "Hibas123 (38#2)",
        "Iblech (0#5)",
        "Jos Poortvliet (59#1)",
        "Lucas (6#2)",
        "Lucas (6#2)",
        "Niccokunzmann (0#4)",
        "adnidor (92#2)",
        "margau (12#2)",
    ]
    o004 = [f for f in findings if f.code == "O004"]
    assert len(o004) == 1 and "'0' (108 names)" in o004[0].message.say("en")
    # the rest of the errors: same-room overlaps (wiki rooms) and events outside their day
    assert {f.code for f in _errors(findings)} == {"O003", "S001", "F001", "F002"}
    assert not [f for f in findings if f.code in ("S003", "O001", "E005")]


def test_35c3_everything_the_readmes_14_pairs_read_names_from_the_text_only() -> None:
    """The README's "by id and name there are 14" is 14 event pairs with the name taken from the
    <person> element's text: 8 of them pair two different people who share an id and have their
    names in <name>/<public_name> (id 5 is "bodems" on one stage and "Daniel" in a wiki room).
    With the names read, 6 event pairs remain, which are the 8 findings (229/245 has three people)."""
    path = _path("35c3-everything-schedule.xml")
    readme = _readme_double_bookings(path)
    assert len(readme) == 14
    real = {pair for _, pair in _double_bookings(path)}
    assert len(real) == 6 and real <= readme
    assert ("103", "534") in readme - real


def _event_lines(path: Path) -> tuple[list[int], list[str]]:
    """The line of each <event id=...> tag and its id, in order: a finding's line → its event."""
    lines, ids = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        found = re.search(r'<event\b[^>]*\bid="([^"]+)"', line)
        if found:
            lines.append(number)
            ids.append(found[1])
    return lines, ids


def _outside_windows(path: Path) -> tuple[set[str], set[str], set[str]]:
    """Events that start before (F001) and end after (F002) the window of their conference day,
    counted here: each event's day is the one whose start → end window holds its <date>, or the
    nearer window when it falls between two (the listed day on a tie). The third set: events
    after the end of a day that does not reach midnight, on the next calendar date."""
    root = ET.parse(path).getroot()
    days = root.findall("day")
    windows = [
        (dt.datetime.fromisoformat(d.get("start")), dt.datetime.fromisoformat(d.get("end"))) for d in days
    ]
    before, after, next_date = set(), set(), set()
    for listed, day in enumerate(days):
        for event in day.iter("event"):
            start = dt.datetime.fromisoformat(event.findtext("date").strip())
            hours, minutes = event.findtext("duration").strip().split(":")[:2]
            end = start + dt.timedelta(hours=int(hours), minutes=int(minutes))

            def distance(
                i: int, start: dt.datetime = start, listed: int = listed
            ) -> tuple[dt.timedelta, bool]:
                first, last = windows[i]
                if first <= start < last:
                    return dt.timedelta(-1), i != listed
                return (first - start if start < first else start - last), i != listed

            first, last = windows[min(range(len(days)), key=distance)]
            if start < first:
                before.add(event.get("id"))
            if end > last:
                after.add(event.get("id"))
                if start.date() > first.date() == last.date():
                    next_date.add(event.get("id"))
    return before, after, next_date


def test_35c3_everything_events_outside_their_day() -> None:
    """The README counts 29 starting before and 32 ending after the day each event is *listed*
    under. The Chaos West stage lists its after-midnight sets under their calendar date (00:00 on
    the 28th under the 28th, whose window starts at 11:00): they belong to the night before, so
    tfagenda places them there (docs/import.md), and counts against that day's window."""
    path = _path("35c3-everything-schedule.xml")
    findings = _findings(path)
    before, after, next_date = _outside_windows(path)
    assert (len(before), len(after)) == (23, 36)
    # Discodrama's sets on 2018-12-31 01:00–06:00 follow the last day (12-30, 11:00–19:00), a
    # slot that does not reach midnight: the agenda format has no next-day times there, so they
    # read as 01:00 on that day and are reported as starting before it (docs/import.md).
    assert next_date == {"10065", "10043", "10040"}
    lines, ids = _event_lines(path)

    def events(code: str) -> set[str]:
        found = [ids[bisect.bisect_right(lines, f.line) - 1] for f in _errors(findings, code)]
        assert len(found) == len(set(found))
        return set(found)

    assert events("F001") == before | next_date
    assert events("F002") == after - next_date
    # the Chaos West sets listed under the next calendar date are on the night before
    assert not {"157", "116"} & (events("F001") | events("F002"))
    assert {"141", "163", "115", "146"} <= events("F002")


def test_jev22_everything() -> None:
    path = _path("jev22-everything-schedule.xml")
    findings = _findings(path)
    pairs = _double_bookings(path)
    assert len(pairs) == 32
    assert len(_errors(findings, "O003")) == _groups(pairs)
    assert len(_errors(findings, "S001")) == 5
    d002 = [f for f in findings if f.code == "D002"]
    assert len(d002) == 1 and "event 6713" in d002[0].message.say("en")
    o004 = [f for f in findings if f.code == "O004"]
    assert len(o004) == 1 and o004[0].message.say("en").startswith("22 person ids")
    assert {f.code for f in _errors(findings)} == {"O003", "S001"}


def test_jev22_24_hour_days_are_not_errors() -> None:
    findings = _findings(_path("jev22-everything-schedule.xml"))
    assert not [f for f in findings if f.code in ("E005", "F001", "F002")]


def test_35c3_fahrplan_json_checks_clean() -> None:
    assert _findings(_path("35c3-fahrplan-schedule.json")) == []


def test_debconf17_wafer_meals_have_nobody_and_check_clean() -> None:
    path = _path("debconf17-wafer-schedule.xml")
    root = ET.parse(path).getroot()
    assert sum(1 for e in root.iter("event") if e.find("persons") is None) == 29
    assert _findings(path) == []


def test_the_schedule2_schema_is_not_a_schedule() -> None:
    errors = _errors(_findings(_path("c3voc-schedule2-schema.json")))
    assert [f.code for f in errors] == ["E005"]


@pytest.mark.parametrize("name", ["fosdem-2011-schedule.xml", "fosdem-2020-schedule.xml"])
def test_fosdem_days_without_bounds_run_from_day_change(name: str) -> None:
    """Only <day_change>09:00:00</day_change>: each day is 09:00 → 09:00 the next day, so F001/F002
    check it (and find nothing: the exact findings above still hold)."""
    path = _path(name)
    assert ET.parse(path).getroot().findtext("conference/day_change") == "09:00:00"
    document = import_document(path.read_text(encoding="utf-8"), str(path), "frab-xml")
    assert [day["slot"] for day in document.data["days"]] == ["09:00-08:59", "09:00-08:59"]
