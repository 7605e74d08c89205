"""Issue 12 leftovers: day windows from ``day_change``, events placed by the window that holds
them, and events named in the user's language."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES

from tfagenda.importers import import_document
from tfagenda.linter import check_paths
from tfagenda.load import load_file
from tfagenda.timeline import resolve

FRAB = FIXTURES / "frab"


def _found(path: Path) -> list[tuple[int, str, str]]:
    return [(f.line, f.code, f.message.say("en")) for f in check_paths([str(path)]).findings]


def _placed(path: Path) -> dict[str, tuple[str, int, int]]:
    """Each placed event by title: its day's date, start and end (minutes past that day's midnight)."""
    loaded = load_file(path)
    timeline = resolve(loaded.agenda, loaded.is_damaged)
    return {p.title: (p.track.day.date.isoformat(), p.start, p.end) for p in timeline.segments()}


def test_a_day_without_start_and_end_runs_from_day_change_to_day_change() -> None:
    path = FRAB / "day-change.xml"
    data = import_document(path.read_text(encoding="utf-8"), str(path), "frab-xml").data
    assert [day["slot"] for day in data["days"]] == ["09:00-08:59", "09:00-08:59"]
    placed = _placed(path)
    assert placed["Night owls"] == ("2011-02-05", 24 * 60 + 30, 25 * 60)  # after the 23:00 talk
    found = _found(path)
    assert [(line, code) for line, code, _ in found] == [(27, "F002")]
    assert found[0][2] == "'Breakfast club' ends at 09:30, 31 minutes after the slot 09:00–08:59 ends"


def test_day_change_at_midnight_is_a_calendar_day(tmp_path: Path) -> None:
    text = (
        (FRAB / "day-change.xml")
        .read_text(encoding="utf-8")
        .replace("09:00:00</day_change>", "00:00</day_change>")
    )
    path = tmp_path / "midnight.xml"
    path.write_text(text, encoding="utf-8")
    data = import_document(text, str(path), "frab-xml").data
    assert [day["slot"] for day in data["days"]] == ["00:00-24:00", "00:00-24:00"]
    # 00:30 and 08:30 on day 1 are now before 23:00 on the same calendar day: the source's order
    # means nothing, and 23:00–24:00 ends exactly at the day's end
    assert _found(path) == []


def test_an_unreadable_day_change_is_e005_and_the_days_get_no_slot(tmp_path: Path) -> None:
    text = (
        (FRAB / "day-change.xml")
        .read_text(encoding="utf-8")
        .replace("09:00:00</day_change>", "9 Uhr</day_change>")
    )
    path = tmp_path / "bad.xml"
    path.write_text(text, encoding="utf-8")
    found = _found(path)
    assert [(line, code) for line, code, _ in found] == [(8, "E005")]
    assert found[0][2].startswith("the conference's day_change cannot be read: '9 Uhr'")
    data = import_document(text, str(path), "frab-xml").data
    assert all("slot" not in day for day in data["days"])


def test_an_event_listed_under_its_calendar_date_goes_to_the_day_whose_window_holds_it() -> None:
    path = FRAB / "listed-by-calendar-date.xml"
    placed = _placed(path)
    assert placed["Midnight set"] == ("2018-12-27", 24 * 60, 26 * 60)
    assert placed["Early set"] == ("2018-12-27", 26 * 60, 28 * 60)
    assert placed["Night set"] == ("2018-12-28", 24 * 60 + 30, 25 * 60 + 30)
    found = _found(path)
    assert [(line, code) for line, code, _ in found] == [(32, "F002")]
    assert found[0][2] == "'Early set' ends at 04:00, 60 minutes after the slot 11:00–03:00 ends"


def test_events_are_named_in_the_chosen_language(tmp_path: Path) -> None:
    text = (
        (FRAB / "day-change.xml")
        .read_text(encoding="utf-8")
        .replace("<start>09:30</start>", "<start>9h30</start>")
    )
    path = tmp_path / "bad-start.xml"
    path.write_text(text, encoding="utf-8")
    e005 = [f for f in check_paths([str(path)]).findings if f.code == "E005"]
    assert len(e005) == 1
    assert e005[0].message.say("en").startswith("event 4 ('Second morning'): the start cannot be read")
    korean = e005[0].message.say("ko")
    assert (
        korean.startswith("행사 4(제목 'Second morning'): start 값을 읽을 수 없어") and "event" not in korean
    )
