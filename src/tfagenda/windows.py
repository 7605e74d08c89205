"""Time windows: when a person is available (or not) and when a room is open (or closed).

A window is written as text: ``"13:00-18:00"`` (every day), ``"2026-03-12 09:00-12:00"`` (that
date only) or ``"2026-03-12"`` (that whole date). The separator is any a slot takes (``-``, ``~``,
dashes); an end before the start crosses midnight, as in a slot (``"22:00-02:00"``). Pure: text in,
minutes out; errors are ``ValueError`` with a sentence, which the model turns into E004.

The rules ask one question of a list of windows: which stretches of a day they cover. A day is an
axis of minutes from that date's midnight; the next day's windows are placed 1,440 minutes on, so
that a segment of an overnight slot (its times past 1,440) is judged by the next day's windows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tfagenda.clock import MINUTES_PER_DAY, SLOT_SEPARATORS, format_time, make_slot, parse_time
from tfagenda.messages import T

_WINDOW = re.compile(
    r"\s*(?:(?P<date>\d{4}-\d{2}-\d{2})(?=\s|$)\s*)?"
    r"(?:(?P<a>\d{1,2}:\d{2})\s*[" + SLOT_SEPARATORS + r"]\s*(?P<b>\d{1,2}:\d{2}))?\s*"
)
WINDOW_EXAMPLES = '"13:00-18:00", "2026-03-12 09:00-12:00" or "2026-03-12"'


@dataclass(frozen=True, slots=True)
class Window:
    """A stretch of time: on ``date`` (None: every day), from ``start`` to ``end`` (minutes since
    that day's midnight; ``end`` past 1,440 for a window that crosses midnight)."""

    date: dt.date | None
    start: int
    end: int

    def __str__(self) -> str:
        times = f"{format_time(self.start)}–{format_time(self.end)}"
        if self.date is None:
            return times
        if self.start == 0 and self.end == MINUTES_PER_DAY:
            return self.date.isoformat()
        return f"{self.date.isoformat()} {times}"


def parse_window(text: str) -> Window:
    """``"2026-03-12 09:00-12:00"`` → Window(2026-03-12, 540, 720); ValueError with a sentence if not a window."""
    match = _WINDOW.fullmatch(text)
    if match is None or not (match["date"] or match["a"]):
        raise ValueError(
            T("{value!r} is not a time window; write it as {examples}", value=text, examples=WINDOW_EXAMPLES)
        )
    date = None
    if match["date"]:
        try:
            date = dt.date.fromisoformat(match["date"])
        except ValueError as error:
            raise ValueError(
                T("{value!r} is not a date: {error}", value=match["date"], error=str(error))
            ) from None
    if not match["a"]:
        return Window(date, 0, MINUTES_PER_DAY)
    slot = make_slot(parse_time(match["a"]), parse_time(match["b"]))
    return Window(date, slot.start, slot.end)


Interval = tuple[int, int]


def merged(intervals: Iterable[Interval]) -> list[Interval]:
    """The union of intervals, as sorted, disjoint intervals (touching ones joined)."""
    out: list[Interval] = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def covered(windows: Sequence[Window], date: dt.date | None) -> list[Interval] | None:
    """The stretches of the day ``date`` (and of the next day, past 1,440) that ``windows`` cover,
    merged. Windows without a date apply every day; dated ones on their date. None when the day has
    no date and every window has one: which of them apply cannot be known."""
    if date is None and windows and all(window.date is not None for window in windows):
        return None
    days = (date, date + dt.timedelta(days=1)) if date is not None and date < dt.date.max else (date,)
    spans: list[Interval] = []
    for offset, day in enumerate(days):
        for window in windows:
            if window.date is None or window.date == day:
                spans.append((window.start + offset * MINUTES_PER_DAY, window.end + offset * MINUTES_PER_DAY))
    # A dated window of the day before that runs past midnight reaches into this day.
    if date is not None and date > dt.date.min:
        before = date - dt.timedelta(days=1)
        for window in windows:
            if window.end > MINUTES_PER_DAY and (window.date is None or window.date == before):
                spans.append((window.start - MINUTES_PER_DAY, window.end - MINUTES_PER_DAY))
    return merged(spans)


def subtract(spans: Sequence[Interval], holes: Sequence[Interval]) -> list[Interval]:
    """``spans`` without ``holes`` (both sorted and disjoint)."""
    out: list[Interval] = []
    for start, end in spans:
        cursor = start
        for hole_start, hole_end in holes:
            if hole_end <= cursor or hole_start >= end:
                continue
            if hole_start > cursor:
                out.append((cursor, hole_start))
            cursor = max(cursor, hole_end)
        if cursor < end:
            out.append((cursor, end))
    return out


def inside(start: int, end: int, spans: Sequence[Interval]) -> bool:
    """Whether [start, end) lies within one of ``spans`` (merged)."""
    return any(low <= start and end <= high for low, high in spans)


def overlapping(start: int, end: int, spans: Sequence[Interval]) -> list[Interval]:
    return [(low, high) for low, high in spans if low < end and start < high]


def nearest_fit(start: int, length: int, free: Sequence[Interval], day: Interval) -> Interval | None:
    """The placement of ``length`` minutes inside one of the ``free`` stretches, within ``day``, whose
    start is nearest to ``start`` (the earlier one on a tie); None when none fits."""
    best: Interval | None = None
    for low, high in free:
        low, high = max(low, day[0]), min(high, day[1])
        if high - low < length:
            continue
        placed = min(max(start, low), high - length)
        if best is None or abs(placed - start) < abs(best[0] - start):
            best = (placed, placed + length)
    return best


def spoken(spans: Sequence[Interval]) -> str:
    """``[(540, 720), (780, 1080)]`` → ``"09:00–12:00, 13:00–18:00"``. A window that crosses
    midnight reads the same on both days it touches (``22:00–02:00``): said once."""
    # a start at midnight is 00:00 (format_time writes 1440 as 24:00, the end of a day)
    return ", ".join(
        dict.fromkeys(f"{format_time(low % MINUTES_PER_DAY)}–{format_time(high)}" for low, high in spans)
    )
