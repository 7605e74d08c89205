"""Issue 16 items 4 and 6: calendars in (``check team.ics``, ``--calendar kim=kim.ics``, ``import``)
and personal calendars out (``render --format ics --owner/--room``)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import REPO, check, run

from tfagenda.calendars import read_bytes
from tfagenda.calendars.events import read_calendar
from tfagenda.linter import check_paths
from tfagenda.load import load_file

REAL = REPO.parent / "shared" / "reference" / "real"


def ics(*events: str, head: str = "") -> bytes:
    """A calendar with these VEVENT bodies, CRLF as RFC 5545 writes it."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", *head.splitlines()]
    for body in events:
        lines += ["BEGIN:VEVENT", *body.strip().splitlines(), "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def event(uid: str, start: str, end: str, summary: str, *extra: str) -> str:
    return "\n".join([f"UID:{uid}", f"DTSTART:{start}", f"DTEND:{end}", f"SUMMARY:{summary}", *extra])


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def findings(path: Path, *calendars: str) -> list[dict]:
    result = check(str(path), "--format", "json", *[a for c in calendars for a in ("--calendar", c)])
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def line_of(data: bytes, text: str) -> int:
    return data.decode("utf-8").replace("\r\n", "\n").split("\n").index(text) + 1


# -- reading a calendar -----------------------------------------------------------------------


def test_an_overlap_in_one_calendar_is_s001_at_the_events_own_line(tmp_path: Path) -> None:
    data = ics(
        event("a", "20260310T090000", "20260310T100000", "Budget review"),
        event("b", "20260310T093000", "20260310T103000", "Dentist"),
        event("c", "20260310T110000", "20260310T120000", "Lunch"),
    )
    path = write_bytes(tmp_path / "kim.ics", data)
    found = findings(path)
    assert [f["code"] for f in found] == ["S001"]
    assert found[0]["line"] == line_of(data, "DTSTART:20260310T093000")
    assert "Dentist" in found[0]["message"] or "Budget review" in found[0]["message"]


def test_no_findings_for_a_calendar_whose_events_do_not_overlap(tmp_path: Path) -> None:
    data = ics(
        event("a", "20260310T090000", "20260310T100000", "Budget review"),
        event("b", "20260310T100000", "20260310T103000", "Standup"),
        event("c", "20260311T140000", "20260311T150000", "1:1"),
    )
    assert findings(write_bytes(tmp_path / "kim.ics", data)) == []


def test_a_holiday_calendar_of_overlapping_all_day_events_is_not_a_problem(tmp_path: Path) -> None:
    data = ics(
        "UID:h1\nDTSTART;VALUE=DATE:20260301\nDTEND;VALUE=DATE:20260302\nSUMMARY:삼일절",
        "UID:h2\nDTSTART;VALUE=DATE:20260301\nDTEND;VALUE=DATE:20260302\nSUMMARY:Independence Movement Day",
        "UID:h3\nDTSTART;VALUE=DATE:20260301\nDTEND;VALUE=DATE:20260303\nSUMMARY:Long weekend",
        head="X-WR-CALNAME:Holidays in South Korea",
    )
    result = check(str(write_bytes(tmp_path / "holidays.ics", data)))
    assert result.exit_code == 0, result.stdout
    assert "All checks passed" in result.stdout


def test_free_and_cancelled_events_are_not_busy(tmp_path: Path) -> None:
    data = ics(
        event("a", "20260310T090000", "20260310T100000", "Budget review"),
        event("b", "20260310T090000", "20260310T100000", "Focus time", "TRANSP:TRANSPARENT"),
        event("c", "20260310T090000", "20260310T100000", "Old slot", "STATUS:CANCELLED"),
        event("d", "20260310T090000", "20260310T100000", "Tentative hold", "X-MICROSOFT-CDO-BUSYSTATUS:FREE"),
    )
    assert findings(write_bytes(tmp_path / "kim.ics", data)) == []


def test_rooms_are_tracks_and_a_person_in_two_rooms_at_once_is_o003(tmp_path: Path) -> None:
    data = ics(
        event(
            "a",
            "20200918T110000Z",
            "20200918T120000Z",
            "Xen",
            "LOCATION:Ravensberg",
            'ATTENDEE;CN="Jakob Semere";CUTYPE=INDIVIDUAL:invalid:nomail',
        ),
        event(
            "b",
            "20200918T113000Z",
            "20200918T123000Z",
            "Workshop",
            "LOCATION:Düsternbrook",
            'ATTENDEE;CN="Jakob Semere";ROLE=REQ-PARTICIPANT:invalid:nomail',
        ),
        event("c", "20200918T110000Z", "20200918T120000Z", "Parallel talk", "LOCATION:Laboe"),
    )
    found = findings(write_bytes(tmp_path / "kielux.ics", data))
    assert [f["code"] for f in found] == ["O003"]
    assert "Jakob Semere" in found[0]["message"]
    assert found[0]["line"] in (
        line_of(data, 'ATTENDEE;CN="Jakob Semere";ROLE=REQ-PARTICIPANT:invalid:nomail'),
    )


def test_rooms_resources_and_declined_attendees_are_not_owners(tmp_path: Path) -> None:
    data = ics(
        event(
            "a",
            "20260310T090000",
            "20260310T100000",
            "Board",
            "LOCATION:A",
            "ATTENDEE;CUTYPE=ROOM;CN=Room 5:mailto:room5@example.com",
            "ATTENDEE;PARTSTAT=DECLINED;CN=Lee:mailto:lee@example.com",
        ),
        event(
            "b",
            "20260310T090000",
            "20260310T100000",
            "Budget",
            "LOCATION:B",
            "ATTENDEE;CUTYPE=ROOM;CN=Room 5:mailto:room5@example.com",
            "ATTENDEE;CN=Lee:mailto:lee@example.com",
        ),
    )
    assert findings(write_bytes(tmp_path / "team.ics", data)) == []


def test_recurring_events_are_expanded_and_exdate_and_overrides_are_kept(tmp_path: Path) -> None:
    weekly = event(
        "w",
        "20260303T100000",
        "20260303T110000",
        "Weekly sync",
        "RRULE:FREQ=WEEKLY;COUNT=4",
    )
    clash = event("x", "20260317T103000", "20260317T113000", "Vendor call")
    data = ics(weekly, clash)
    found = findings(write_bytes(tmp_path / "kim.ics", data))
    assert [f["code"] for f in found] == ["S001"]
    assert "2026-03-17" in found[0]["message"] or found[0]["line"] == line_of(data, "DTSTART:20260317T103000")
    # the same occurrence taken out (EXDATE): no clash
    excluded = ics(weekly + "\nEXDATE:20260317T100000", clash)
    assert findings(write_bytes(tmp_path / "kim2.ics", excluded)) == []
    # the occurrence moved by a RECURRENCE-ID override: no clash at 10:00, one at its new time
    moved = event(
        "w", "20260317T150000", "20260317T160000", "Weekly sync (moved)", "RECURRENCE-ID:20260317T100000"
    )
    late = event("y", "20260317T153000", "20260317T163000", "Late call")
    found = findings(write_bytes(tmp_path / "kim3.ics", ics(weekly, clash, moved, late)))
    assert [f["code"] for f in found] == ["S001"]
    assert "Late call" in found[0]["message"] or "moved" in found[0]["message"]


def test_a_hostile_rule_is_refused_at_its_rrule_line_in_bounded_time(tmp_path: Path) -> None:
    data = ics(
        event("s", "20260101T000000", "20260101T000001", "Every second", "RRULE:FREQ=SECONDLY"),
        event("t", "00010101T000000", "00010101T010000", "Daily since year 1", "RRULE:FREQ=DAILY"),
        event("a", "20260310T090000", "20260310T100000", "Real meeting"),
    )
    began = time.process_time()
    calendar = read_calendar(data, "hostile.ics")
    assert time.process_time() - began < 10
    refused = sorted(p.span.line for p in calendar.problems if p.code == "E005")
    assert refused == [line_of(data, "RRULE:FREQ=SECONDLY"), line_of(data, "RRULE:FREQ=DAILY")]
    assert [e.summary for e in calendar.events] == ["Real meeting"]
    assert "more than the 100,000" in calendar.problems[0].message.say("en")


def test_google_export_utc_times_with_x_wr_timezone_are_local(tmp_path: Path) -> None:
    data = ics(
        event("g", "20260310T003000Z", "20260310T013000Z", "Dentist"),
        head="X-WR-CALNAME:kim@example.com\nX-WR-TIMEZONE:Asia/Seoul",
    )
    loaded = load_file(write_bytes(tmp_path / "kim.ics", data))
    assert loaded.agenda is not None
    assert loaded.agenda.timezone == "Asia/Seoul"
    assert loaded.agenda.title == "kim@example.com"
    day = loaded.agenda.days[0]
    assert str(day.date) == "2026-03-10"
    assert day.segments[0].start == 9 * 60 + 30


def test_outlook_windows_time_zone_names_and_folded_lines(tmp_path: Path) -> None:
    head = "\n".join(
        [
            "X-WR-CALNAME:Calendar",
            "BEGIN:VTIMEZONE",
            "TZID:Korea Standard Time",
            "BEGIN:STANDARD",
            "DTSTART:16010101T000000",
            "TZOFFSETFROM:+0900",
            "TZOFFSETTO:+0900",
            "END:STANDARD",
            "END:VTIMEZONE",
        ]
    )
    long_title = "Quarterly planning with the welfare policy division and the care technology team"
    folded = "SUMMARY;LANGUAGE=en-US:" + long_title[:50] + "\n " + long_title[50:]
    body = "\n".join(
        [
            "UID:o1",
            "DTSTART;TZID=Korea Standard Time:20260310T140000",
            "DTEND;TZID=Korea Standard Time:20260310T150000",
            folded,
            "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
        ]
    )
    other = event("o2", "20260310T053000Z", "20260310T063000Z", "UTC call")
    data = ics(body, other, head=head)
    path = write_bytes(tmp_path / "outlook.ics", data)
    loaded = load_file(path)
    assert loaded.agenda is not None
    assert loaded.agenda.timezone == "Asia/Seoul"
    segments = loaded.agenda.days[0].segments
    assert [(s.start, s.title) for s in segments] == [(14 * 60, long_title), (14 * 60 + 30, "UTC call")]
    found = findings(path)
    assert [f["code"] for f in found] == ["S001"]


def test_a_fold_inside_a_utf8_character_is_unfolded_as_bytes(tmp_path: Path) -> None:
    # JRES's exporter folds by octets: the three bytes of ’ are split over two lines
    raw = ics(event("j", "20220517T110000", "20220517T123000", "PLACEHOLDER"))
    title = "Gestion d’exploitation"
    encoded = title.encode("utf-8")
    cut = encoded.index("’".encode()) + 1
    raw = raw.replace(b"PLACEHOLDER", encoded[:cut] + b"\r\n " + encoded[cut:])
    loaded = load_file(write_bytes(tmp_path / "jres.ics", raw))
    assert loaded.agenda is not None
    assert loaded.agenda.days[0].segments[0].title == title


def test_non_standard_parameters_are_read(tmp_path: Path) -> None:
    data = ics(
        "UID:p\nDTSTART;TZID=Europe/Paris:20220517T110000\nDTEND;TZID=Europe/Paris:20220517T123000\n"
        "LOCATION;CHARSET=UTF-8;ENCODING=8BIT:Salle Endoume\nSUMMARY;CHARSET=UTF-8;ENCODING=8BIT:Accueil",
        head="X-WR-CALNAME;CHARSET=UTF-8;ENCODING=8BIT:JRES 2021/22",
    )
    loaded = load_file(write_bytes(tmp_path / "jres.ics", data))
    assert loaded.agenda is not None and not loaded.problems
    assert loaded.agenda.title == "JRES 2021/22"
    assert loaded.agenda.timezone == "Europe/Paris"
    track = loaded.agenda.days[0].tracks[0]
    assert (track.name, track.segments[0].title, track.segments[0].start) == (
        "Salle Endoume",
        "Accueil",
        11 * 60,
    )


def test_a_calendar_is_recognised_by_its_bytes_whatever_its_name(tmp_path: Path) -> None:
    data = ics(event("a", "20260310T090000", "20260310T100000", "Budget review"))
    for name in ("export", "calendar.txt", "kim.data"):
        loaded = load_file(write_bytes(tmp_path / name, data))
        assert loaded.agenda is not None, name
        assert loaded.agenda.days[0].segments[0].title == "Budget review"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260310T090000\r\nSUMMARY:x\r\nEND:VCALENDAR\r\n",
            2,
            "no END:VEVENT",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260310T090000\r\nthis is not a property\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            4,
            "not a property",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:soon\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            3,
            "DTSTART",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            2,
            "no DTSTART",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260310T100000\r\nDTEND:20260310T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            4,
            "before DTSTART",
        ),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", 1, "no events"),
        (b"hello\r\nworld\r\n", 1, "not an iCalendar file"),
    ],
)
def test_a_broken_calendar_is_e005_at_its_line_never_a_traceback(
    tmp_path: Path, text: bytes, line: int, words: str
) -> None:
    result = check(str(write_bytes(tmp_path / "broken.ics", text)), "--format", "json")
    assert result.exit_code == 1, result.stdout + result.stderr
    found = [f for f in json.loads(result.stdout) if f["code"] == "E005"]
    assert found and found[0]["line"] == line
    assert words in " ".join(f["message"] for f in found)


# -- check agenda.yaml --calendar kim=kim.ics ---------------------------------------------------

AGENDA = """\
title: Care tech forum
timezone: Asia/Seoul
people:
  kim: {name: Kim Min-ji, aliases: [단장]}
  lee: {name: Lee}
days:
  - date: 2026-03-10
    slot: "09:00-12:00"
    tracks:
      - name: Hall
        segments:
          - {title: Keynote, start: "09:00", duration: 60, owner: Kim Min-ji}
          - {title: Panel, start: "10:00", duration: 60, owner: 단장}
          - {title: Closing, start: "11:00", duration: 60, owner: lee}
"""

KIM = ics(
    event("d", "20260310T003000Z", "20260310T013000Z", "Dentist"),  # 09:30-10:30 in Seoul
    event(
        "f", "20260310T020000Z", "20260310T030000Z", "Lunch with Lee"
    ),  # 11:00-12:00: kim is not in Closing
    head="X-WR-TIMEZONE:Asia/Seoul",
)


def test_a_segment_of_kims_that_clashes_with_kims_calendar_is_o003_naming_the_event(tmp_path: Path) -> None:
    agenda = tmp_path / "forum.yaml"
    agenda.write_text(AGENDA, encoding="utf-8")
    calendar = write_bytes(tmp_path / "kim.ics", KIM)
    found = findings(agenda, f"kim={calendar}")
    assert [(f["code"], f["line"]) for f in found] == [("O003", 12), ("O003", 13)]
    dentist_line = line_of(KIM, "BEGIN:VEVENT")
    for finding in found:
        assert "'Dentist'" in finding["message"]
        assert "2026-03-10 09:30–10:30 KST" in finding["message"]
        assert f"{calendar}:{dentist_line}" in finding["message"]
        assert finding["related"][0]["path"] == str(calendar)
    # the alias 단장 is kim: the same person (the identity rules of O003 within a file)
    assert "'Panel'" in found[1]["message"]


def test_the_calendar_name_may_be_the_id_the_name_or_an_alias(tmp_path: Path) -> None:
    agenda = tmp_path / "forum.yaml"
    agenda.write_text(AGENDA, encoding="utf-8")
    calendar = write_bytes(tmp_path / "kim.ics", KIM)
    for name in ("kim", "Kim Min-ji", "단장"):
        assert len(findings(agenda, f"{name}={calendar}")) == 2, name
    assert findings(agenda, f"park={calendar}") == []


def test_several_calendars_and_an_agenda_without_a_timezone(tmp_path: Path) -> None:
    agenda = tmp_path / "forum.yaml"
    agenda.write_text(AGENDA.replace("timezone: Asia/Seoul\n", ""), encoding="utf-8")
    kim = write_bytes(tmp_path / "kim.ics", KIM)
    lee = write_bytes(
        tmp_path / "lee.ics",
        ics(event("b", "20260310T113000", "20260310T114500", "School pickup")),  # floating: wall clock
    )
    found = findings(agenda, f"kim={kim}", f"lee={lee}")
    assert sorted((f["line"], "School pickup" in f["message"]) for f in found) == [
        (11, False),
        (12, False),
        (13, True),
    ]  # (one line up: the agenda has no timezone line)


def test_busy_all_day_events_clash_and_holidays_do_not(tmp_path: Path) -> None:
    agenda = tmp_path / "forum.yaml"
    agenda.write_text(AGENDA, encoding="utf-8")
    holiday = (
        "UID:h\nDTSTART;VALUE=DATE:20260310\nDTEND;VALUE=DATE:20260311\nSUMMARY:Holiday\nTRANSP:TRANSPARENT"
    )
    away = "UID:o\nDTSTART;VALUE=DATE:20260310\nDTEND;VALUE=DATE:20260311\nSUMMARY:Out of office\nX-MICROSOFT-CDO-BUSYSTATUS:OOF"
    assert findings(agenda, f"kim={write_bytes(tmp_path / 'a.ics', ics(holiday))}") == []
    found = findings(agenda, f"kim={write_bytes(tmp_path / 'b.ics', ics(away))}")
    assert [f["line"] for f in found] == [12, 13]
    assert "Out of office" in found[0]["message"]


def test_recurring_events_are_expanded_only_over_the_agendas_dates(tmp_path: Path) -> None:
    agenda = tmp_path / "forum.yaml"
    agenda.write_text(AGENDA, encoding="utf-8")
    # a weekly meeting since 2001, forever, on Tuesdays (2026-03-10 is one) at 10:30 Seoul time
    weekly = (
        event(
            "w",
            "20010102T103000",
            "20010102T110000",
            "Weekly sync",
            "RRULE:FREQ=WEEKLY",
        )
        .replace("DTSTART:", "DTSTART;TZID=Asia/Seoul:")
        .replace("DTEND:", "DTEND;TZID=Asia/Seoul:")
    )
    found = findings(agenda, f"kim={write_bytes(tmp_path / 'kim.ics', ics(weekly))}")
    assert [f["line"] for f in found] == [13]
    assert "2026-03-10 10:30–11:00 KST" in found[0]["message"]


def test_a_broken_calendar_is_reported_at_its_own_lines(tmp_path: Path) -> None:
    agenda = tmp_path / "forum.yaml"
    agenda.write_text(AGENDA, encoding="utf-8")
    broken = write_bytes(
        tmp_path / "kim.ics", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:soon\r\nEND:VEVENT\r\n"
    )
    found = findings(agenda, f"kim={broken}")
    assert {(f["path"], f["code"]) for f in found} == {(str(broken), "E005")}


@pytest.mark.parametrize(
    ("value", "words"),
    [("kim", "NAME=FILE"), ("kim=", "NAME=FILE"), ("kim=missing.ics", "no such file")],
)
def test_a_bad_calendar_option_is_a_usage_error(tmp_path: Path, value: str, words: str) -> None:
    agenda = tmp_path / "forum.yaml"
    agenda.write_text(AGENDA, encoding="utf-8")
    result = check(str(agenda), "--calendar", value)
    assert result.exit_code == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_check_paths_takes_calendars_from_python(tmp_path: Path) -> None:
    from tfagenda.calendars.clash import CalendarOption

    agenda = tmp_path / "forum.yaml"
    agenda.write_text(AGENDA, encoding="utf-8")
    calendar = write_bytes(tmp_path / "kim.ics", KIM)
    result = check_paths([agenda], calendars=[CalendarOption("kim", str(calendar))])
    assert [f.code for f in result.findings] == ["O003", "O003"]
    assert check_paths([agenda]).findings == [] or all(
        f.code != "O003" for f in check_paths([agenda]).findings
    )


# -- render --format ics --owner / --room ------------------------------------------------------

FORUM = """\
title: Care tech forum
timezone: Asia/Seoul
people:
  kim: {name: Kim Min-ji, aliases: [단장]}
  lee: {name: Lee}
days:
  - date: 2026-03-10
    slot: "09:00-12:00"
    tracks:
      - name: Hall
        segments:
          - {title: Keynote, start: "09:00", duration: 60, owner: kim}
          - title: Reports
            start: "10:00"
            duration: 60
            owner: lee
            parts:
              - {title: Care report, duration: 30, owner: 단장}
              - {title: Tech report, duration: 30, owner: lee}
      - name: Room A
        segments:
          - {title: Demo, start: "09:00", duration: 90, owner: lee}
"""


def summaries(text: str) -> list[str]:
    return [line[len("SUMMARY:") :] for line in text.splitlines() if line.startswith("SUMMARY:")]


def test_render_owner_writes_only_that_persons_segments(tmp_path: Path) -> None:
    path = tmp_path / "forum.yaml"
    path.write_text(FORUM, encoding="utf-8")
    for name in ("kim", "Kim Min-ji", "단장"):
        result = run("render", str(path), "--format", "ics", "--owner", name)
        assert result.exit_code == 0, result.stderr
        assert summaries(result.stdout) == ["Keynote", "Care report"], name
        assert "DTSTART;TZID=Asia/Seoul:20260310T100000" in result.stdout  # the part, at its own time
    lee = run("render", str(path), "--format", "ics", "--owner", "lee")
    assert summaries(lee.stdout) == ["Reports", "Demo"]


def test_render_room_writes_only_that_rooms_segments(tmp_path: Path) -> None:
    path = tmp_path / "forum.yaml"
    path.write_text(FORUM, encoding="utf-8")
    result = run("render", str(path), "--format", "ics", "--room", "Room A")
    assert result.exit_code == 0, result.stderr
    assert summaries(result.stdout) == ["Demo"]


def test_render_an_unknown_owner_or_room_is_a_usage_error_listing_the_known(tmp_path: Path) -> None:
    path = tmp_path / "forum.yaml"
    path.write_text(FORUM, encoding="utf-8")
    result = run("render", str(path), "--format", "ics", "--owner", "park")
    assert result.exit_code == 2
    assert "no owner 'park' in the agenda; it has: kim (Kim Min-ji), lee (Lee)" in result.stderr
    result = run("render", str(path), "--format", "ics", "--room", "Room B")
    assert result.exit_code == 2
    assert "no room 'Room B' in the agenda; it has: Hall, Room A" in result.stderr
    result = run("render", str(path), "--format", "md", "--owner", "kim")
    assert result.exit_code == 2 and "--format ics" in result.stderr


def test_a_personal_calendar_reads_back_as_that_persons_calendar(tmp_path: Path) -> None:
    path = tmp_path / "forum.yaml"
    path.write_text(FORUM, encoding="utf-8")
    written = run("render", str(path), "--format", "ics", "--owner", "kim").stdout.encode("utf-8")
    calendar = read_calendar(written, "kim.ics")
    assert not calendar.problems
    assert [(e.summary, f"{e.start:%H:%M}", f"{e.end:%H:%M}") for e in calendar.events] == [
        ("Keynote", "09:00", "10:00"),
        ("Care report", "10:00", "10:30"),
    ]


# -- import -------------------------------------------------------------------------------------


def test_import_a_calendar_writes_an_agenda_that_checks_the_same(tmp_path: Path) -> None:
    data = ics(
        event("a", "20260310T090000", "20260310T100000", "Budget review", "LOCATION:Room 5"),
        event("b", "20260310T093000", "20260310T103000", "Dentist", "LOCATION:Room 5"),
        head="X-WR-CALNAME:Kim",
    )
    source = write_bytes(tmp_path / "kim.ics", data)
    out = tmp_path / "kim.yaml"
    result = run("import", str(source), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "title: Kim" in text and "name: Room 5" in text
    assert [f["code"] for f in findings(out)] == [f["code"] for f in findings(source)] == ["S001"]


# -- the real calendars in ../shared/reference/real/ --------------------------------------------


@pytest.mark.parametrize(
    ("name", "events", "timezone", "first", "codes"),
    [
        ("lca2020.ics", 262, "Australia/Brisbane", ("2020-01-12", "15:00"), []),
        # all UTC and no X-WR-TIMEZONE: read in UTC (the README: local time is two hours later)
        ("kielux2020.ics", 24, "UTC", ("2020-09-18", "09:00"), []),
        # "12 - Portail invités EDUSPOT" has DTEND = DTSTART: a real slip of the export (T004)
        ("jres2022.ics", 120, "Europe/Paris", ("2022-05-17", "11:00"), ["T004"]),
    ],
)
def test_the_real_calendars_are_read_without_error(
    name: str, events: int, timezone: str, first: tuple[str, str], codes: list[str]
) -> None:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"the real calendar {name} is not at {path} (../shared/reference/real/ is absent)")
    document = read_bytes(path.read_bytes(), str(path))
    assert document.problems == []
    loaded = load_file(path)
    assert loaded.problems == [] and loaded.agenda is not None
    assert loaded.agenda.timezone == timezone
    placed = [
        (str(day.date), f"{segment.start // 60:02d}:{segment.start % 60:02d}")
        for day in loaded.agenda.days
        for track in (day.tracks or [])
        for segment in track.segments
    ]
    assert len(placed) == events
    assert min(placed) == first
    result = check_paths([path])
    assert [f.code for f in result.findings] == codes


# -- found by fuzzing the calendar reader: each once an internal error ---------------------------


@pytest.mark.parametrize(
    "body",
    [
        # an override (RECURRENCE-ID) whose series is not in the file
        [event("o", "20260317T150000", "20260317T160000", "Moved", "RECURRENCE-ID:20260317T100000")],
        # a VEVENT inside a VEVENT, without a DTSTART
        [
            event("a", "20260310T090000", "20260310T100000", "Outer")
            + "\nBEGIN:VEVENT\nSUMMARY:inner\nEND:VEVENT"
        ],
        # a date DTSTART and a UTC DTEND
        ["UID:d\nDTSTART;VALUE=DATE:20260310\nDTEND:20260310T100000Z\nSUMMARY:Mixed"],
        # a series whose rule cannot be read, beside one that can
        [
            event("b", "20260310T090000", "20260310T100000", "Broken rule", "RRULE:FREQ=WEEKLY;BYDAY=XX"),
            event("c", "20260311T090000", "20260311T100000", "Fine"),
        ],
    ],
)
def test_odd_calendars_are_findings_never_internal_errors(tmp_path: Path, body: list[str]) -> None:
    path = write_bytes(tmp_path / "odd.ics", ics(*body))
    result = check(str(path), "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    assert all(f["code"] != "E000" for f in json.loads(result.stdout)), result.stdout
    for format in ("md", "ics", "html", "json", "table", "text"):
        rendered = run("render", str(path), "--format", format)
        assert "internal error" not in rendered.stderr, (format, rendered.stderr)


def test_a_calendar_of_holidays_only_renders_in_every_format(tmp_path: Path) -> None:
    holidays = ics("UID:h\nDTSTART;VALUE=DATE:20260301\nDTEND;VALUE=DATE:20260302\nSUMMARY:삼일절")
    path = write_bytes(tmp_path / "holidays.ics", holidays)
    for format in ("md", "ics", "html", "json", "table", "text"):
        result = run("render", str(path), "--format", format)
        assert result.exit_code == 0, (format, result.stderr)
    # the same for a YAML agenda with `days: []` (render md once raised IndexError)
    agenda = tmp_path / "empty.yaml"
    agenda.write_text("title: x\ndays: []\n", encoding="utf-8")
    result = run("render", str(agenda), "--format", "md")
    assert "internal error" not in result.stderr


def test_a_meeting_in_two_attendees_calendars_is_not_a_double_booking_with_itself(tmp_path: Path) -> None:
    meeting = event(
        "m@example.com",
        "20260310T090000",
        "20260310T100000",
        "Budget review",
        "LOCATION:Room 5",
        "ATTENDEE;CN=Kim:mailto:kim@example.com",
        "ATTENDEE;CN=Lee:mailto:lee@example.com",
    )
    kim = write_bytes(tmp_path / "kim.ics", ics(meeting))
    lee = write_bytes(
        tmp_path / "lee.ics", ics(meeting, event("d", "20260310T120000", "20260310T130000", "Lunch"))
    )
    result = check(str(kim), str(lee))
    assert result.exit_code == 0, result.stdout


def test_calendar_findings_follow_the_rule_selection(tmp_path: Path) -> None:
    agenda = tmp_path / "forum.yaml"
    agenda.write_text(AGENDA, encoding="utf-8")
    broken = write_bytes(
        tmp_path / "kim.ics", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:soon\r\nEND:VEVENT\r\n"
    )
    result = check(str(agenda), "--calendar", f"kim={broken}", "--ignore", "E005", "--format", "json")
    assert json.loads(result.stdout) == []
    result = check(
        str(agenda), "--calendar", f"kim={write_bytes(tmp_path / 'k.ics', KIM)}", "--ignore", "O003"
    )
    assert result.exit_code == 0, result.stdout


# -- calendars in folder walks (session 3 leftovers) ---------------------------------------------

WALKED_CLASH = ics(
    event("1", "20260310T090000", "20260310T100000", "Standup", "LOCATION:Room A"),
    event("2", "20260310T093000", "20260310T103000", "Review", "LOCATION:Room A"),
)
WALKED_AGENDA = (
    'title: t\ndate: 2026-03-10\nsegments:\n  - {title: a, start: "09:00", end: "10:00", owner: kim}\n'
)


def test_a_folder_walk_leaves_calendars_out_unless_the_config_includes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In an agenda folder a calendar is mostly --calendar's input or render --format ics's output:
    # checking it with the agendas would report its meetings twice. Named, it is checked.
    folder = tmp_path / "agendas"
    folder.mkdir()
    write_bytes(folder / "team.ics", WALKED_CLASH)
    (folder / "forum.yaml").write_text(WALKED_AGENDA, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    walked = check("--format", "json", "agendas")
    assert walked.exit_code == 0 and json.loads(walked.stdout) == []
    named = check("--format", "json", "agendas", "agendas/team.ics")
    assert [(f["path"], f["code"]) for f in json.loads(named.stdout)] == [("agendas/team.ics", "S001")]
    # The config's include takes them in a walk too, checked as when named.
    (tmp_path / "tfagenda.toml").write_text('include = ["*.yaml", "*.yml", "*.ics"]\n', encoding="utf-8")
    included = check("--format", "json", "agendas")
    assert [(f["path"], f["code"]) for f in json.loads(included.stdout)] == [("agendas/team.ics", "S001")]
    assert included.exit_code == 1


def test_a_folder_of_calendars_says_how_to_check_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cals").mkdir()
    for name in ("a.ics", "b.ics", "c.ICS", "d.ics"):
        write_bytes(tmp_path / "cals" / name, WALKED_CLASH)
    monkeypatch.chdir(tmp_path)
    result = check("cals")
    assert result.exit_code == 2
    assert result.stderr == (
        "tfagenda: no agenda files (*.yaml, *.yml, or a .hwpx, .hwp, .docx or .pdf holding an agenda) in "
        "cals; a folder's calendars (cals/a.ics, cals/b.ics, cals/c.ICS, …) are checked when named "
        '(tfagenda check cals/a.ics), or with "*.ics" in the config\'s include\n'
    )
    assert "설정의 include에" in check("--lang", "ko", "cals").stderr
