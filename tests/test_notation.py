"""Time and date notations (``tfagenda.notation``): each notation read, and format → read round trips."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tfagenda.notation import (
    ClockTime,
    canonical_date,
    canonical_time,
    find_date,
    find_range,
    read_range,
    read_time,
    resolve_twelve_hour,
)
from tfagenda.weekdays import WEEKDAYS_EN, WEEKDAYS_KO, weekday_index


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("16:30", "16:30"),
        ("9:05", "09:05"),
        ("09.30", "09:30"),
        ("14시 10분", "14:10"),
        ("14시", "14:00"),
        ("2시 반", "02:30"),
        ("오전 9시", "09:00"),
        ("오후 2시 10분", "14:10"),
        ("오후 12시", "12:00"),
        ("2:10 pm", "14:10"),
        ("2:10 PM", "14:10"),
        ("12:30 am", "00:30"),
        ("3 pm", "15:00"),
        ("11 a.m.", "11:00"),
        ("noon", "12:00"),
        ("정오", "12:00"),
        ("24:00", "24:00"),
    ],
)
def test_each_time_notation(text: str, canonical: str) -> None:
    assert canonical_time(text) == canonical


@pytest.mark.parametrize("text", ["9:5", "25:00", "16:60", "13:00 pm", "오후 13시", "abc", "", "1630"])
def test_not_a_time(text: str) -> None:
    assert read_time(text) is None


def test_twelve_hour_flag() -> None:
    assert read_time("1:00") == ClockTime(60, twelve_hour=True)
    assert read_time("13:00") == ClockTime(780)
    assert read_time("1:00 pm") == ClockTime(780, explicit_meridiem=True)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("12:30 - 1:00", "12:30", "01:00"),
        ("09:00 – 09:05", "09:00", "09:05"),
        ("16:30~16:35", "16:30", "16:35"),
        ("16:30 ∼ 16:35", "16:30", "16:35"),
        ("10:00 — 11:00", "10:00", "11:00"),
        ("10:00 to 11:00", "10:00", "11:00"),
        ("14시부터 15시까지", "14:00", "15:00"),
        ("오후 2시~3시", "14:00", "15:00"),
        ("2:00 - 3:30 pm", "14:00", "15:30"),
        ("11:00 am - 1:00", "11:00", "13:00"),
        ("10:00", "10:00", None),
    ],
)
def test_each_range_notation(text: str, start: str, end: str | None) -> None:
    found = read_range(text)
    assert found is not None
    assert found.start.canonical == start
    assert (found.end.canonical if found.end else None) == end


def test_a_range_inside_a_date_line() -> None:
    text = "2025/07/24 목요일 13:00~17:00"
    found = find_range(text)
    assert found is not None
    assert text[found.span[0] : found.span[1]] == "13:00~17:00"


@pytest.mark.parametrize(
    ("text", "iso", "weekday"),
    [
        ("2026-04-09", "2026-04-09", None),
        ("2026. 4. 9.", "2026-04-09", None),
        ("2026. 4. 9.(목)", "2026-04-09", "목"),
        ("2026년 4월 9일 (목요일)", "2026-04-09", "목요일"),
        ("2025/07/24 목요일", "2025-07-24", "목요일"),
        ("'25.8.13.", "2025-08-13", None),
        ("'25. 8. 13.(수)", "2025-08-13", "수"),
        ("Monday 6th of May 2024", "2024-05-06", "Monday"),
        ("May 6, 2024", "2024-05-06", None),
        ("Mon, May 6, 2024", "2024-05-06", "Mon"),
        ("6 May 2024 (Mon)", "2024-05-06", "Mon"),
        ("11/18/2024", "2024-11-18", None),
        ("18/11/2024", "2024-11-18", None),
        ("Thursday, 2026-04-09", "2026-04-09", "Thursday"),
    ],
)
def test_each_date_notation(text: str, iso: str, weekday: str | None) -> None:
    found = find_date(text)
    assert found is not None
    assert found.iso() == iso
    assert found.weekday == weekday
    assert not found.ambiguous
    assert found.weekday is None or weekday_index(found.weekday) == found.date().weekday()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "month", "day", "weekday"), [("4. 9.(목)", 4, 9, "목"), ("9.19 (토)", 9, 19, "토")]
)
def test_dates_without_a_year(text: str, month: int, day: int, weekday: str) -> None:
    found = find_date(text)
    assert found is not None
    assert (found.year, found.month, found.day, found.weekday) == (None, month, day, weekday)
    assert found.iso() is None
    assert found.iso(2026) == f"2026-{month:02d}-{day:02d}"


def test_day_and_month_order() -> None:
    assert find_date("11/12/2024").ambiguous  # type: ignore[union-attr]
    us = find_date("11/12/2024", language="en")
    assert us is not None and not us.ambiguous and us.iso() == "2024-11-12"
    assert find_date("13/12/2024").iso() == "2024-12-13"  # type: ignore[union-attr]
    assert canonical_date("11/12/2024") is None  # never guessed
    assert canonical_date("2026. 4. 9.") == "2026-04-09"
    assert canonical_date("2026. 2. 30.") is None


def test_a_date_span_excludes_the_label() -> None:
    text = "Date: Monday 6th of May 2024."
    found = find_date(text)
    assert found is not None
    assert text[found.span[0] : found.span[1]] == "Monday 6th of May 2024"


@pytest.mark.parametrize(
    ("label", "index"),
    [
        ("목", 3),
        ("목요일", 3),
        ("(목)", 3),
        ("Thu", 3),
        ("Thu.", 3),
        ("Thurs", 3),
        ("Thursday", 3),
        ("sun", 6),
    ],
)
def test_weekday_labels(label: str, index: int) -> None:
    assert weekday_index(label) == index


def test_resolve_twelve_hour() -> None:
    times = [read_time(t) for t in ("9:00", "11:30", "12:30", "1:00", "2:15")]
    minutes, moved = resolve_twelve_hour([t for t in times if t])
    assert moved
    assert minutes == [540, 690, 750, 780, 855]
    # A table with a 24-hour time is not on a 12-hour clock: nothing moves.
    times = [read_time(t) for t in ("13:00", "1:00")]
    assert resolve_twelve_hour([t for t in times if t]) == ([780, 60], False)
    # In order already: nothing to decide, nothing moves.
    times = [read_time(t) for t in ("1:00", "2:00")]
    assert resolve_twelve_hour([t for t in times if t]) == ([60, 120], False)


minutes_of_day = st.integers(min_value=0, max_value=24 * 60 - 1)


@given(minutes_of_day)
def test_round_trip_24_hour_forms(minutes: int) -> None:
    hours, mins = divmod(minutes, 60)
    for text in (
        f"{hours:02d}:{mins:02d}",
        f"{hours}:{mins:02d}",
        f"{hours:02d}.{mins:02d}",
        f"{hours}시 {mins}분",
    ):
        reading = read_time(text)
        assert reading is not None, text
        assert reading.minutes == minutes, text


@given(minutes_of_day)
def test_round_trip_12_hour_forms(minutes: int) -> None:
    hours, mins = divmod(minutes, 60)
    twelve = hours % 12 or 12
    english = f"{twelve}:{mins:02d} {'pm' if hours >= 12 else 'am'}"
    korean = f"{'오후' if hours >= 12 else '오전'} {twelve}시 {mins}분"
    for text in (english, korean):
        reading = read_time(text)
        assert reading is not None, text
        assert reading.minutes == minutes, text


@given(
    minutes_of_day,
    st.integers(min_value=1, max_value=300),
    st.sampled_from(["~", " - ", " – ", " — ", " to "]),
)
def test_round_trip_ranges(start: int, length: int, separator: str) -> None:
    end = min(start + length, 24 * 60)
    text = f"{start // 60:02d}:{start % 60:02d}{separator}{end // 60:02d}:{end % 60:02d}"
    found = read_range(text)
    assert found is not None and found.end is not None
    assert (found.start.minutes, found.end.minutes) == (start, end)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2089, 12, 31)), st.booleans())
def test_round_trip_dates(date: dt.date, with_weekday: bool) -> None:
    ko = WEEKDAYS_KO[date.weekday()]
    en = WEEKDAYS_EN[date.weekday()].capitalize()
    month = dt.date(2000, date.month, 1).strftime("%B")
    forms = [
        date.isoformat(),
        f"{date.year}. {date.month}. {date.day}." + (f"({ko})" if with_weekday else ""),
        f"{date.year}년 {date.month}월 {date.day}일" + (f" {ko}요일" if with_weekday else ""),
        f"{date.year}/{date.month:02d}/{date.day:02d}",
        f"'{date.year % 100:02d}.{date.month}.{date.day}." if date.year >= 2000 else date.isoformat(),
        (f"{en} " if with_weekday else "") + f"{date.day} {month} {date.year}",
        f"{month} {date.day}, {date.year}",
    ]
    for text in forms:
        found = find_date(text, language="en")
        assert found is not None, text
        assert found.date() == date, text
        if found.weekday is not None:
            assert weekday_index(found.weekday) == date.weekday(), text


# -- E004/E002 in YAML: the concrete value and a safe fix where the notation is unambiguous ------

YAML_NOTATIONS = """title: 회의
date: 2026. 4. 9.
slot: "14:00-15:00"
segments:
  - {start: 오후 2시 10분, end: "14:30", title: A, owner: "-"}
  - {start: "09.30", end: "14:40", title: B, owner: "-"}
  - {start: "9:5", end: "14:50", title: C, owner: "-"}
"""


def test_yaml_notations_get_the_concrete_value_and_a_safe_fix() -> None:
    from tfagenda.findings import Applicability
    from tfagenda.linter import check_text

    findings = check_text(YAML_NOTATIONS, "m.yaml")
    assert [(f.code, f.line, f.column) for f in findings] == [
        ("E002", 2, 7),
        ("E004", 5, 13),
        ("E004", 6, 13),
        ("E004", 7, 13),
    ]
    fixes = [(f.fix.value, f.fix.applicability) if f.fix else None for f in findings]
    assert fixes == [
        ("2026-04-09", Applicability.SAFE),
        ("14:10", Applicability.SAFE),
        ("09:30", Applicability.SAFE),
        None,  # 9:5 is 09:05 or 09:50: said, not guessed
    ]
    assert "write it as 2026-04-09" in findings[0].message.say("en")
    assert 'write it as "14:10"' in findings[1].message.say("en")
    assert '"09:05" or "09:50"' in findings[3].message.say("en")
