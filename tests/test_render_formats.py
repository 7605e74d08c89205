"""``tfagenda render`` output formats: html, ics, json, frab-xml, frab-json; ``--lang``, ``--segments``, ``-o``.

Each format has a snapshot per agenda in ``agendas/`` (update with ``pytest --snapshot-update`` and
review the diff), and a check that a reader of the format would accept it: the .ics parses back
with icalendar with the right TZID times, the JSON has the computed times, frab-xml validates
against c3voc's XSD (``../shared/reference/``; skipped when absent), frab-json has the shape of a
real frab schedule, and the HTML page has no URL and is screenshotted in headless Chromium
(skipped, with the reason, when Chromium is not installed).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import AGENDAS, REPO, SEED, run, write

REFERENCE = REPO.parent / "shared" / "reference"
XSD = REFERENCE / "schedule.xml.xsd"
CAMP = REFERENCE / "frab-camp2019-schedule.json"

WELFARE = "agendas/2026-02-26-ai-welfare-tf-4.yaml"
FORUM = "agendas/2026-03-10-care-tech-forum.yaml"
WEEKLY = "agendas/2026-11-30-platform-team-weekly.yaml"
SEED_REL = SEED.relative_to(REPO).as_posix()
FILES = [p.relative_to(REPO).as_posix() for p in AGENDAS]
# Snapshots must not depend on the environment: SOURCE_DATE_EPOCH would change the .ics DTSTAMP.
ENV = {"SOURCE_DATE_EPOCH": None}

CASES = [
    ("html", []),
    ("ics", []),
    ("ics", ["--segments"]),
    ("json", []),
    ("frab-xml", []),
    ("frab-json", []),
]


def _id(path: str) -> str:
    return path.rsplit("/", 1)[-1].removesuffix(".yaml")


def render(*args: str) -> str:
    result = run("render", *args, env=ENV)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


# --- snapshots ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt, extra", CASES, ids=[f + "".join(e) for f, e in CASES])
@pytest.mark.parametrize("path", FILES, ids=[_id(p) for p in FILES])
def test_snapshot(path: str, fmt: str, extra: list[str], snapshot, in_repo) -> None:  # type: ignore[no-untyped-def]
    result = run("render", path, "--format", fmt, *extra, env=ENV)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    output = result.stdout_bytes.decode("utf-8")
    if fmt == "ics":
        output = output.replace(
            "\r\n", "\n"
        )  # the CRLF line ends are checked below; the snapshot is readable text
    assert output == snapshot


@pytest.mark.parametrize("fmt", ["html", "json", "ics"])
def test_snapshot_of_the_seed_with_its_finding(fmt: str, snapshot, in_repo) -> None:  # type: ignore[no-untyped-def]
    output = run("render", SEED_REL, "--format", fmt, env=ENV).stdout_bytes.decode("utf-8")
    assert output.replace("\r\n", "\n") == snapshot


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_snapshot_in_english(fmt: str, snapshot, in_repo) -> None:  # type: ignore[no-untyped-def]
    assert render(WELFARE, "--format", fmt, "--lang", "en") == snapshot


def test_renders_are_deterministic(in_repo) -> None:  # type: ignore[no-untyped-def]
    for fmt, extra in CASES:
        assert render(FORUM, "-f", fmt, *extra) == render(FORUM, "-f", fmt, *extra)


# --- --lang -------------------------------------------------------------------------------------


def test_lang_follows_the_agenda_text_and_can_be_chosen(in_repo) -> None:  # type: ignore[no-untyped-def]
    korean = render(WELFARE, "-f", "md")
    assert "| 시간 " in korean and "| 내용 " in korean and "| 비고 " in korean
    english = render(WELFARE, "-f", "md", "--lang", "en")
    assert "| Time " in english and "| Item " in english and "| Owner " in english
    assert "| 시간 " in render(WEEKLY, "-f", "md", "--lang", "ko")
    table = render(WELFARE, "-f", "table", "--lang", "en")
    assert "┃ Time " in table and "┃ Item " in table and "시간" not in table
    assert "16:30–16:35 (5분)" in render(WELFARE, "-f", "html")
    assert "16:30–16:35 (5 min)" in render(WELFARE, "-f", "html", "--lang", "en")
    assert '"lang": "en"' in render(WELFARE, "-f", "json", "--lang", "en")


def test_unknown_lang_exits_2(in_repo) -> None:  # type: ignore[no-untyped-def]
    assert run("render", WELFARE, "--lang", "de").exit_code == 2


# --- ics ----------------------------------------------------------------------------------------


def _calendar(*args: str):  # type: ignore[no-untyped-def]
    icalendar = pytest.importorskip("icalendar")
    result = run("render", *args, "--format", "ics", env=ENV)
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # every line ends in CRLF (RFC 5545 3.1)
    return icalendar.Calendar.from_ical(raw)


def test_ics_has_the_meeting_in_its_timezone(in_repo) -> None:  # type: ignore[no-untyped-def]
    calendar = _calendar(WELFARE)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "AI 복지·돌봄 혁신 추진단(TF) 제4차 회의"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.tzinfo is not None and str(start.tzinfo) == "Asia/Seoul"
    assert event["DTSTART"].params["TZID"] == "Asia/Seoul"
    assert start.utcoffset() == dt.timedelta(hours=9)
    assert (start.replace(tzinfo=None), end.replace(tzinfo=None)) == (
        dt.datetime(2026, 2, 26, 16, 30),
        dt.datetime(2026, 2, 26, 18, 0),
    )
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Seoul"]
    assert "16:35–17:35 (60분) 복지·돌봄 AI 혁신계획 추진과제 발표" in str(event["DESCRIPTION"])


def test_ics_segments_are_one_event_each(in_repo) -> None:  # type: ignore[no-untyped-def]
    events = _calendar(WEEKLY, "--segments").walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [
        "Check-in and last week's actions",
        "Incident review",
        "Roadmap",
        "Break",
        "Open questions",
        "Actions and wrap-up",
    ]
    incident = events[1]
    assert incident["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert (
        incident.decoded("DTSTART").isoformat() == "2026-11-30T10:05:00+01:00"
    )  # computed from the durations
    assert incident.decoded("DTEND").isoformat() == "2026-11-30T10:20:00+01:00"
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert "Q1 priorities" in str(events[2]["DESCRIPTION"])  # parts are in their parent's description


def test_ics_tracks_and_days(in_repo) -> None:  # type: ignore[no-untyped-def]
    days = _calendar(FORUM).walk("VEVENT")
    assert [e.decoded("DTSTART").isoformat() for e in days] == [
        "2026-03-10T09:30:00+09:00",
        "2026-03-11T10:00:00+09:00",
    ]
    segments = _calendar(FORUM, "--segments").walk("VEVENT")
    demo = [e for e in segments if str(e["SUMMARY"]) == "돌봄로봇 시연"]
    assert len(demo) == 1 and str(demo[0]["LOCATION"]).startswith("세미나실 A")


def test_ics_without_timezone_is_floating(in_repo) -> None:  # type: ignore[no-untyped-def]
    (event,) = _calendar(SEED_REL).walk("VEVENT")
    assert event.decoded("DTSTART") == dt.datetime(2026, 2, 26, 16, 30)  # naive: floating time
    assert "TZID" not in event["DTSTART"].params
    assert "T001" in str(event["DESCRIPTION"])


def test_ics_overnight_slot_ends_the_next_day(tmp_path: Path) -> None:
    path = tmp_path / "night.yaml"
    path.write_text(
        'title: Night shift\ndate: 2026-12-31\nslot: "22:00-01:00"\ntimezone: Europe/Berlin\nsegments:\n'
        '  - {title: Handover, start: "22:00", duration: 90, owner: a}\n  - {title: After midnight, start: "23:30", end: "01:00", owner: b}\n',
        encoding="utf-8",
    )
    day = _calendar(str(path)).walk("VEVENT")[0]
    assert day.decoded("DTEND").isoformat() == "2027-01-01T01:00:00+01:00"
    late = _calendar(str(path), "--segments").walk("VEVENT")[1]
    assert late.decoded("DTSTART").isoformat() == "2026-12-31T23:30:00+01:00"
    assert late.decoded("DTEND").isoformat() == "2027-01-01T01:00:00+01:00"


def test_ics_dtstamp_and_uid_are_deterministic(in_repo) -> None:  # type: ignore[no-untyped-def]
    events = _calendar(WEEKLY, "--segments").walk("VEVENT")
    assert {e.decoded("DTSTAMP") for e in events} == {dt.datetime(2026, 11, 30, tzinfo=dt.UTC)}
    stamped = run("render", WEEKLY, "-f", "ics", env={"SOURCE_DATE_EPOCH": "1767225600"}).stdout
    assert "DTSTAMP:20260101T000000Z" in stamped


def test_ics_without_dates_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "undated.yaml"
    path.write_text(
        'title: Someday\nslot: "10:00-11:00"\nsegments:\n  - {title: Talk, duration: 60, owner: "-"}\n',
        encoding="utf-8",
    )
    result = run("render", str(path), "-f", "ics")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "needs a date" in result.stderr and "date:" in result.stderr


def test_segments_is_only_for_ics(in_repo) -> None:  # type: ignore[no-untyped-def]
    result = run("render", WEEKLY, "-f", "md", "--segments")
    assert result.exit_code == 2
    assert "--segments is for --format ics" in result.stderr


# --- json ---------------------------------------------------------------------------------------


def test_json_has_the_computed_times(in_repo) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(render(WEEKLY, "-f", "json"))
    assert data["title"] == "Platform team weekly" and data["timezone"] == "Europe/Berlin"
    (day,) = data["days"]
    assert day["slot"]["start_datetime"] == "2026-11-30T10:00:00+01:00"
    (track,) = day["tracks"]
    segments = track["segments"]
    assert [(s["start"], s["end"], s["duration"]) for s in segments] == [
        ("10:00", "10:05", 5),
        ("10:05", "10:20", 15),
        ("10:20", "10:45", 25),
        ("10:45", "10:50", 5),
        ("10:50", "10:57", 7),
        ("10:57", "11:00", 3),
    ]
    assert segments[1]["start_datetime"] == "2026-11-30T10:05:00+01:00"
    assert segments[0]["owner"] == ["lead"] and segments[0]["people"] == ["Maria Keller"]
    assert segments[4]["owner"] == []  # "-": deliberately nobody
    assert segments[3]["owner"] is None and segments[3]["kind"] == "break"
    assert [(p["title"], p["start"], p["end"]) for p in segments[2]["parts"]] == [
        ("Q1 priorities", "10:20", "10:35"),
        ("Hiring plan", "10:35", "10:45"),
    ]


def test_json_marks_findings_on_their_segment(in_repo) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(render(SEED_REL, "-f", "json"))
    first = data["days"][0]["tracks"][0]["segments"][0]
    assert first["findings"] == ["T001"]
    assert (first["start"], first["end"]) == ("16:30", "16:35")  # the repaired time
    assert first["start_datetime"] == "2026-02-26T16:30:00"  # no timezone: floating
    assert [f["code"] for f in data["findings"]] == ["T001"] and data["findings"][0]["line"] == 8


def test_json_of_several_agendas_is_an_array(in_repo) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(render("-f", "json"))
    assert [a["path"] for a in data] == FILES  # date order, which is also the file names' order
    forum = data[1]
    assert [t["name"] for t in forum["days"][0]["tracks"]] == ["대회의실", "세미나실 A"]


# --- frab ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=[_id(p) for p in FILES])
def test_frab_xml_is_valid_against_the_xsd(path: str, in_repo) -> None:  # type: ignore[no-untyped-def]
    if not XSD.is_file():
        pytest.skip(f"the schedule.xml XSD is not at {XSD} (../shared/reference/ is absent)")
    xmlschema = pytest.importorskip(
        "xmlschema", reason="xmlschema is in the test extra: pip install -e '.[test]'"
    )
    schema = xmlschema.XMLSchema(str(XSD))
    schema.validate(render(path, "-f", "frab-xml"))


def test_frab_xml_has_the_rooms_and_times(in_repo) -> None:  # type: ignore[no-untyped-def]
    import xml.etree.ElementTree as ET

    root = ET.fromstring(render(FORUM, "-f", "frab-xml"))
    assert root.findtext("conference/time_zone_name") == "Asia/Seoul"
    days = root.findall("day")
    assert [d.get("date") for d in days] == ["2026-03-10", "2026-03-11"]
    assert days[0].get("start") == "2026-03-10T09:30:00+09:00"
    assert [r.get("name") for r in days[0].findall("room")] == ["대회의실", "세미나실 A"]
    talk = days[0].find("room/event[title='기조발표: 돌봄 AI의 현재']")
    assert talk is not None
    assert (talk.findtext("start"), talk.findtext("duration"), talk.findtext("date")) == (
        "10:00",
        "01:00",
        "2026-03-10T10:00:00+09:00",
    )
    assert [p.text for p in talk.findall("persons/person")] == ["서민수"]


def test_frab_json_has_the_shape_of_a_real_frab_schedule(in_repo) -> None:  # type: ignore[no-untyped-def]
    if not CAMP.is_file():
        pytest.skip(f"the real frab schedule is not at {CAMP} (../shared/reference/ is absent)")
    camp = json.loads(CAMP.read_text(encoding="utf-8"))
    ours = json.loads(render(FORUM, "-f", "frab-json"))
    assert set(ours) == set(camp)
    # base_url: tfagenda has no web pages to point at; rooms: the list newer frab/pretalx exports carry.
    assert set(ours["schedule"]) == set(camp["schedule"]) - {"base_url"}
    assert set(ours["schedule"]["conference"]) == set(camp["schedule"]["conference"]) | {"rooms"}
    camp_day, our_day = camp["schedule"]["conference"]["days"][0], ours["schedule"]["conference"]["days"][0]
    assert set(our_day) == set(camp_day)
    camp_event = next(iter(camp_day["rooms"].values()))[0]
    our_event = our_day["rooms"]["대회의실"][0]
    assert set(our_event) == set(camp_event)
    assert set(our_event["persons"][0]) == set(camp_event["persons"][0])
    for key, value in camp_event.items():
        if value is not None and our_event[key] is not None:
            assert type(our_event[key]) is type(value), key
    assert (
        our_event["start"] == "09:30"
        and our_event["duration"] == "00:30"
        and our_event["date"] == "2026-03-10T09:30:00+09:00"
    )
    conference = ours["schedule"]["conference"]
    assert (conference["daysCount"], conference["start"], conference["end"]) == (
        2,
        "2026-03-10",
        "2026-03-11",
    )


def test_frab_ids_are_unique_and_stable(in_repo) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(render(FORUM, "-f", "frab-json"))
    events = [
        e for day in data["schedule"]["conference"]["days"] for room in day["rooms"].values() for e in room
    ]
    assert len(events) == 14  # 6 + 2 on the first day, 3 + 3 on the second
    for key in ("id", "guid", "slug"):
        assert len({e[key] for e in events}) == len(events), key
    assert json.loads(render(FORUM, "-f", "frab-json")) == data


def test_frab_round_trips_through_the_importer(tmp_path: Path, in_repo) -> None:  # type: ignore[no-untyped-def]
    for fmt, suffix in (("frab-xml", ".xml"), ("frab-json", ".json")):
        path = tmp_path / f"forum{suffix}"
        path.write_text(render(FORUM, "-f", fmt), encoding="utf-8")
        result = run("check", str(path))
        assert result.exit_code == 0, result.output


def test_frab_needs_one_agenda_with_a_timezone(in_repo) -> None:  # type: ignore[no-untyped-def]
    several = run("render", "-f", "frab-xml")
    assert several.exit_code == 2 and "one agenda file at a time" in several.stderr
    no_zone = run("render", SEED_REL, "-f", "frab-json")
    assert no_zone.exit_code == 2 and "timezone" in no_zone.stderr


# --- html ---------------------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str, str]] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            if name in ("src", "href", "action", "poster", "srcset", "data", "xlink:href") and value:
                self.urls.append((tag, name, value))


@pytest.mark.parametrize("path", FILES + [SEED_REL], ids=[_id(p) for p in FILES + [SEED_REL]])
def test_html_is_standalone(path: str, in_repo) -> None:  # type: ignore[no-untyped-def]
    page = render(path, "-f", "html")
    parser = _Links()
    parser.feed(page)
    assert parser.urls == []
    assert "http://" not in page and "https://" not in page
    assert "url(" not in page and "@import" not in page
    assert not parser.tags & {"script", "link", "img", "iframe", "object", "embed"}
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page


def test_html_escapes_agenda_text(tmp_path: Path) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(
        'title: "<script>alert(1)</script> & co"\ndate: 2026-05-04\nslot: "10:00-11:00"\nsegments:\n'
        '  - {title: "<img src=https://example.invalid/x.png>", duration: 60, owner: "\\"><b>", note: "a < b"}\n',
        encoding="utf-8",
    )
    page = run("render", str(path), "-f", "html").stdout
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    assert "&lt;img src=https://example.invalid/x.png&gt;" in page and "a &lt; b" in page


def test_html_timeline_is_proportional_and_marks_findings(in_repo) -> None:  # type: ignore[no-untyped-def]
    page = render(SEED_REL, "-f", "html")
    # The 90-minute slot 16:30–18:00: the 60-minute presentation starts 5 minutes in and spans two thirds.
    assert (
        'style="--at:5.556%;--span:66.667%" title="16:35–17:35 (60분) 복지·돌봄 AI 혁신계획 추진과제 발표'
        in page
    )
    assert '<div class="lane flagged">' in page
    assert '<div class="block slim short flagged" style="--at:0%;--span:5.556%"' in page
    assert "8행 27열" in page and "T001" in page
    lanes = render(FORUM, "-f", "html").count('<div class="lane">')
    assert lanes == 4  # two rooms on each of two days


def test_html_overnight_slot(tmp_path: Path) -> None:
    path = tmp_path / "night.yaml"
    path.write_text(
        'title: Night shift\ndate: 2026-12-31\nslot: "22:00-01:00"\nsegments:\n'
        '  - {title: Handover, start: "22:00", duration: 120, owner: a}\n  - {title: After midnight, start: "00:00", end: "01:00", owner: b}\n',
        encoding="utf-8",
    )
    page = run("render", str(path), "-f", "html").stdout
    assert 'style="--at:66.667%;--span:33.333%" title="00:00–01:00 (60 min) After midnight' in page
    assert "00:00 (+1)" in page


# --- one view for every format (issue 10: the formats had drifted apart) -----------------------

NIGHT = (
    'title: Night shift\ndate: 2026-12-31\ntimezone: Europe/Berlin\nslot: "22:00-01:00"\n'
    "people:\n  a: {name: Ada Lovelace}\nsegments:\n"
    '  - {title: Handover, start: "22:00", duration: 120, owner: a}\n'
    '  - {title: After midnight, start: "00:00", end: "01:00", owner: b}\n'
)
TEXT_FORMATS = ["table", "md", "text", "html", "ics"]


def _unfolded(output: str) -> str:
    """The output with the .ics line folding undone (the runner's stdout has LF line ends)."""
    return output.replace("\n ", "")


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_a_time_after_midnight_is_00_00_and_an_end_at_midnight_24_00(fmt: str, tmp_path: Path) -> None:
    """Before: md, table and text said ``24:00–01:00`` for a segment starting at midnight (html ``00:00``)."""
    path = write(tmp_path / "night.yaml", NIGHT)
    output = _unfolded(render(str(path), "-f", fmt))
    assert "24:00–01:00" not in output and "24:00 ~ 01:00" not in output
    if fmt == "text":
        assert "22:00 ~ 24:00 ('120)" in output and "00:00 ~ 01:00 ('60)" in output
    else:
        assert "22:00–24:00 (120 min)" in output and "00:00–01:00 (60 min)" in output


def test_json_and_frab_start_after_midnight_at_00_00(tmp_path: Path) -> None:
    """Before: json and frab gave the after-midnight start as ``"24:00"``."""
    path = write(tmp_path / "night.yaml", NIGHT)
    handover, after = json.loads(render(str(path), "-f", "json"))["days"][0]["tracks"][0]["segments"]
    assert (handover["start"], handover["end"], handover["next_day"]) == ("22:00", "24:00", False)
    assert (after["start"], after["end"], after["next_day"]) == ("00:00", "01:00", True)
    assert after["start_datetime"] == "2027-01-01T00:00:00+01:00"
    schedule = json.loads(render(str(path), "-f", "frab-json"))["schedule"]
    events = [e for room in schedule["conference"]["days"][0]["rooms"].values() for e in room]
    assert [(e["start"], e["date"]) for e in events] == [
        ("22:00", "2026-12-31T22:00:00+01:00"),
        ("00:00", "2027-01-01T00:00:00+01:00"),
    ]


@pytest.mark.parametrize("fmt", ["table", "md", "html", "ics"])
def test_durations_are_in_the_chosen_language(fmt: str, in_repo) -> None:  # type: ignore[no-untyped-def]
    """Before: table and md printed ``(5′)`` in both languages, where html and ics said 분/min."""
    korean = _unfolded(render(WELFARE, "-f", fmt))
    english = _unfolded(render(WELFARE, "-f", fmt, "--lang", "en"))
    assert "16:30–16:35 (5분)" in korean and "′" not in korean
    assert "16:30–16:35 (5 min)" in english and "′" not in english


@pytest.mark.parametrize("fmt", ["table", "md", "html", "ics", "text"])
def test_findings_are_located_in_the_chosen_language(fmt: str, in_repo) -> None:  # type: ignore[no-untyped-def]
    """Before: Korean md and table listed ``⚠ line 8`` under Korean headings (text said ``8행``,
    html and ics ``줄 8``): one way per language now."""
    korean = _unfolded(render(SEED_REL, "-f", fmt))
    english = _unfolded(render(SEED_REL, "-f", fmt, "--lang", "en"))
    assert "line 8" not in korean and "줄 8" not in korean
    assert ("8행 27열" if fmt == "html" else "8행: T001 [error]") in korean
    assert ("line 8:27" if fmt == "html" else "line 8: T001 [error]") in english


@pytest.mark.parametrize("fmt", ["table", "md", "html"])
def test_owners_are_shown_by_name_in_every_table(fmt: str, in_repo) -> None:  # type: ignore[no-untyped-def]
    """Before: html showed the person's name, table and md the id (``lee``)."""
    output = render(FORUM, "-f", fmt)
    assert "이현주" in output and "김승일, 박지은" in output
    assert not re.search(r"[|│>] ?(lee|kim, park) ?[|│<]", output)


def test_owners_are_shown_by_name_in_ics_and_frab(tmp_path: Path) -> None:
    path = write(tmp_path / "night.yaml", NIGHT)
    calendar = _unfolded(render(str(path), "-f", "ics", "--segments"))
    assert "Owner: Ada Lovelace" in calendar and "Owner: b" in calendar
    schedule = json.loads(render(str(path), "-f", "frab-json"))["schedule"]
    events = [e for room in schedule["conference"]["days"][0]["rooms"].values() for e in room]
    assert [[p["public_name"] for p in e["persons"]] for e in events] == [["Ada Lovelace"], ["b"]]


def test_the_ministry_text_keeps_the_owner_as_written(in_repo) -> None:  # type: ignore[no-untyped-def]
    """The one exception: ``tfagenda import`` reads the text back, so its owner stays the file's own."""
    text = render(WELFARE, "-f", "text")
    assert "참석자 소개 및 인사말\t제1차관" in text and "이스란" not in text


def test_the_ministry_text_of_an_overnight_slot_imports_back(tmp_path: Path) -> None:
    from tfagenda.linter import check_loaded
    from tfagenda.load import load_text

    path = write(tmp_path / "night.yaml", NIGHT)
    imported = load_text(render(str(path), "-f", "text"), "night.txt")
    assert imported.problems == [] and imported.agenda is not None
    segments = imported.agenda.segments or []
    assert [(s.start, s.end) for s in segments] == [(22 * 60, 24 * 60), (0, 60)]
    assert check_loaded(imported) == []


def test_view_clock_and_columns() -> None:
    from tfagenda.render.rows import DayRows
    from tfagenda.render.view import clock, columns, duration_text

    assert [clock(m) for m in (0, 990, 1440, 1470)] == ["00:00", "16:30", "00:00", "00:30"]
    assert [clock(m, end=True) for m in (990, 1440, 1500, 2880)] == ["16:30", "24:00", "01:00", "24:00"]
    assert (duration_text(5, "ko"), duration_text(5, "en")) == ("5분", "5 min")
    day = DayRows(None, None, None, None, None, True, [])
    assert [c.label for c in columns(day, "ko")] == ["시간", "장소", "내용", "비고", "메모"]
    assert [c.key for c in columns(day, "en", text_style=True)] == ["time", "track", "item", "owner"]
    assert [c.label for c in columns(day, "ko", text_style=True)] == ["시 간(안)", "장소", "내 용", "비고"]


# --- -o/--output --------------------------------------------------------------------------------


def test_output_file_is_written_atomically(tmp_path: Path, in_repo) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "agenda.ics"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    result = run("render", WELFARE, "-f", "ics", "-o", str(target), env=ENV)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert target.read_bytes() == run("render", WELFARE, "-f", "ics", env=ENV).stdout_bytes
    assert target.read_bytes().count(b"\r\n") > 10
    assert (target.stat().st_mode & 0o777) == 0o640  # the old file's permissions are kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.ics"]  # no temporary file left


def test_output_new_file_gets_ordinary_permissions(tmp_path: Path, in_repo) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "agenda.html"
    assert run("render", WELFARE, "-f", "html", "-o", str(target)).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert (target.stat().st_mode & 0o777) == 0o666 & ~umask
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_output_failure_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_repo) -> None:  # type: ignore[no-untyped-def]
    import tfagenda.atomic as output

    target = tmp_path / "agenda.json"
    target.write_text("old", encoding="utf-8")

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", broken)
    result = run("render", WELFARE, "-f", "json", "-o", str(target))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr and "No space left" in result.stderr
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.json"]


def test_output_into_a_missing_folder_exits_2(tmp_path: Path, in_repo) -> None:  # type: ignore[no-untyped-def]
    result = run("render", WELFARE, "-f", "md", "-o", str(tmp_path / "nope" / "a.md"))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr


# --- the page in a real browser -----------------------------------------------------------------


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _png_pixels(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and the decompressed (still filtered) image data of a PNG, with the stdlib only."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    offset, width, height, idat = 8, 0, 0, b""
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        body = data[offset + 8 : offset + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    return width, height, zlib.decompress(idat)


@pytest.mark.parametrize("path", [SEED_REL, FORUM], ids=["seed", "care-tech-forum"])
def test_html_screenshot_in_headless_chromium(path: str, tmp_path: Path, in_repo) -> None:  # type: ignore[no-untyped-def]
    browser = _chromium()
    if browser is None:
        pytest.skip(
            "Chromium is not installed (Debian: apt-get install chromium); the page was not screenshotted"
        )
    page = tmp_path / "agenda.html"
    assert run("render", path, "-f", "html", "-o", str(page)).exit_code == 0
    shot = tmp_path / "agenda.png"
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--screenshot={shot}",
        "--window-size=1280,900",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert shot.is_file(), f"no screenshot (exit {done.returncode}): {done.stderr[-2000:]}"
    data = shot.read_bytes()
    width, height, pixels = _png_pixels(data)
    assert (width, height) == (1280, 900)
    assert len(data) > 20_000  # a blank 1280×900 page compresses to a few kilobytes
    assert len(set(pixels)) > 64  # many colours and shades: text, blocks, marks; not one flat colour


# --- topics and clash groups (session 3 leftovers) ----------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "md", "text", "html", "json", "ics", "frab-xml", "frab-json"])
def test_topics_and_clash_groups_are_not_rendered(fmt: str, tmp_path: Path) -> None:
    # A decision (README, Decisions; docs/import.md): S004's groups are scheduling constraints, not
    # part of the programme; and the text format would import a topic column back as the title.
    # Rendering the programme with and without them gives the same output.
    grouped = (REPO / "tests" / "fixtures" / "rules" / "S004" / "good.yaml").read_text(encoding="utf-8")
    plain = re.sub(r", (?:topics: (?:\[[^\]]*\]|\w+)|clash-group: \w+)", "", grouped)
    assert "topics" not in plain and "clash-group" not in plain
    outputs = []
    for text in (grouped, plain):  # one path: the file's name is in some formats' ids
        path = write(tmp_path / "programme.yaml", text.replace("\ntitle:", "\ntimezone: Asia/Seoul\ntitle:"))
        outputs.append(render(str(path), "--format", fmt))
    assert outputs[0] == outputs[1]
    assert "security" not in outputs[0]  # the clash group's name (no title has it)
