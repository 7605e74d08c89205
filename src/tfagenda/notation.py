"""Times and dates as people write them in agendas, read into canonical values.

Pure functions: text in, numbers out. A time of day is minutes since midnight (0–1440), as in
``tfagenda.clock``; a date is a ``datetime.date``. The readers here accept the notations of
Korean and English agendas (``docs/import.md`` lists them with examples):

* times: ``16:30``, ``9:05``, ``09.30``, ``14시 10분``, ``14시``, ``오후 2시 10분``, ``2:10 pm``,
  ``noon``/``정오``; ranges joined by ``~ - – — to`` or ``부터 … 까지``;
* dates: ``2026-04-09``, ``2026. 4. 9.``, ``2026년 4월 9일``, ``2025/07/24``, ``'25.8.13.``,
  ``4. 9.(목)``, ``9.19 (토)``, ``Monday 6th of May 2024``, ``May 6, 2024``, ``11/18/2024``;
  a weekday label after or before the date (``목``, ``목요일``, ``Thu``, ``Thursday``) is returned
  as printed, so that D001 can check it.

Nothing is guessed: a time without am/pm whose hour is 1–12 says so (``twelve_hour``), so that a
table can decide from its sequence; ``11/12/2024`` without a language is ``ambiguous``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tfagenda.weekdays import weekday_index as weekday_index  # read with the dates here

MINUTES_PER_DAY = 24 * 60

# -- times ------------------------------------------------------------------------------------

_AM = r"(?:a\.?\s?m\.?)"
_PM = r"(?:p\.?\s?m\.?)"
_TIME_PATTERN = (
    r"(?:"
    r"(?P<noon>noon|정오|midday)"
    r"|(?P<kmer>오전|오후|낮|저녁|밤|새벽|아침)?\s*(?P<kh>\d{1,2})\s*시(?:\s*(?P<half>반)|\s*(?P<km>\d{1,2})\s*분)?"
    r"|(?P<h>\d{1,2})(?P<sep>[:：.])(?P<m>\d{2})(?!\d)(?:\s*(?P<mer>" + _AM + "|" + _PM + r")(?![A-Za-z]))?"
    r"|(?P<bh>\d{1,2})\s*(?P<bmer>" + _AM + "|" + _PM + r")(?![A-Za-z])"
    r")"
)
_TIME = re.compile(_TIME_PATTERN, re.IGNORECASE)
_RANGE_SEP = r"\s*(?:[~∼～\-–—]|to|until|부터)\s*"
_RANGE = re.compile(
    r"(?P<a>" + _TIME_PATTERN.replace("(?P<", "(?P<a_") + r")"
    r"(?:" + _RANGE_SEP + r"(?P<b>" + _TIME_PATTERN.replace("(?P<", "(?P<b_") + r")(?:\s*까지)?)?",
    re.IGNORECASE,
)
_PM_WORDS = ("오후", "저녁", "밤", "낮")


@dataclass(frozen=True)
class ClockTime:
    """One time of day as read: ``minutes`` since midnight, and how sure the reading is.

    ``twelve_hour`` is true when the text gives an hour of 1–12 with no am/pm (``1:00``): it may be
    13:00 in a table written on a 12-hour clock. ``canonical`` is the ``"HH:MM"`` form.
    """

    minutes: int
    twelve_hour: bool = False
    explicit_meridiem: bool = False

    @property
    def canonical(self) -> str:
        return format_time(self.minutes)


def respell_time(value: str, style: str) -> str:
    """``"13:00"`` as a source of ``style`` writes it: ``"12h"`` (a 12-hour table without am/pm)
    gives ``"1:00"``, ``"h:mm"`` (hours without a leading zero) ``"9:05"`` for ``"09:05"``; a value
    that is not a time, or an unknown style, is returned as it is."""
    reading = read_time(value)
    if style not in ("12h", "h:mm") or reading is None or reading.minutes >= MINUTES_PER_DAY:
        return value
    hours, minutes = divmod(reading.minutes, 60)
    return f"{hours % 12 or 12 if style == '12h' else hours}:{minutes:02d}"


def format_time(minutes: int) -> str:
    if minutes == MINUTES_PER_DAY:
        return "24:00"
    hours, mins = divmod(minutes % MINUTES_PER_DAY, 60)
    return f"{hours:02d}:{mins:02d}"


def _clock_from(groups: dict[str, str | None], prefix: str = "") -> ClockTime | None:
    def get(name: str) -> str | None:
        return groups.get(prefix + name)

    if get("noon"):
        return ClockTime(12 * 60, explicit_meridiem=True)
    meridiem: str | None = None
    if get("kh") is not None:
        hour = int(get("kh") or 0)
        minute = 30 if get("half") else int(get("km") or 0)
        word = get("kmer")
        if word:
            meridiem = "pm" if word in _PM_WORDS else "am"
            if word == "낮" and hour < 12 and hour >= 6:  # 낮 12시 is noon; 낮 2시 is 14:00
                meridiem = "am" if hour >= 11 else "pm"
    elif get("h") is not None:
        hour, minute = int(get("h") or 0), int(get("m") or 0)
        if get("sep") == "." and get("mer") is None and hour > 24:
            return None
        mer = get("mer")
        if mer:
            meridiem = "pm" if mer.lower().startswith("p") else "am"
    elif get("bh") is not None:
        hour, minute = int(get("bh") or 0), 0
        meridiem = "pm" if (get("bmer") or "").lower().startswith("p") else "am"
    else:
        return None
    if minute > 59:
        return None
    if meridiem is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
        return ClockTime(hour * 60 + minute, explicit_meridiem=True)
    if hour > 24 or (hour == 24 and minute):
        return None
    return ClockTime(hour * 60 + minute, twelve_hour=1 <= hour <= 12)


def read_time(text: str) -> ClockTime | None:
    """The time ``text`` is, in any accepted notation; None when it is not one (or impossible)."""
    match = _TIME.fullmatch(text.strip())
    return _clock_from(match.groupdict()) if match else None


@dataclass(frozen=True)
class TimeRange:
    """A start (and maybe an end) found in text, with their character offsets."""

    start: ClockTime
    end: ClockTime | None
    start_span: tuple[int, int]
    end_span: tuple[int, int] | None
    span: tuple[int, int]


def match_range(text: str, pos: int = 0) -> TimeRange | None:
    """The time or time range that begins exactly at ``pos`` in ``text``; None if none does.

    ``2:00 – 3:30 pm`` gives both ends the afternoon: an am/pm after the end applies to a start
    without one when that keeps the start before the end.
    """
    match = _RANGE.match(text, pos)
    if not match:
        return None
    groups = match.groupdict()
    start = _clock_from(groups, "a_")
    if start is None:
        return None
    end = None
    end_span = None
    if match["b"] is not None:
        end = _clock_from(groups, "b_")
        if end is None:
            return None
        end_span = match.span("b")
        if end.explicit_meridiem and start.twelve_hour:
            shifted = start.minutes % 720 + (end.minutes // 720) * 720
            if shifted <= end.minutes:
                start = ClockTime(shifted, explicit_meridiem=True)
        elif start.explicit_meridiem and end.twelve_hour and end.minutes < start.minutes:
            if end.minutes + 720 > start.minutes and end.minutes + 720 <= MINUTES_PER_DAY:
                end = ClockTime(end.minutes + 720, explicit_meridiem=True)
    return TimeRange(start, end, match.span("a"), end_span, match.span())


def read_range(text: str) -> TimeRange | None:
    """A whole text that is one time or one time range (``"12:30 - 1:00"``, ``"오후 2시~3시"``)."""
    stripped = text.strip()
    found = match_range(stripped)
    return found if found is not None and found.span[1] == len(stripped) else None


def find_range(text: str, pos: int = 0) -> TimeRange | None:
    """The first time or time range in ``text`` at or after ``pos`` (not inside a number or a date)."""
    for candidate in re.finditer(
        r"(?<![\d.:/\-])(?:\d|noon|정오|midday|오전|오후|낮|저녁|밤|새벽|아침)", text[pos:], re.I
    ):
        found = match_range(text, pos + candidate.start())
        if found is not None and not _date_continues(text, found.span[1]):
            return found
    return None


def _date_continues(text: str, end: int) -> bool:
    """Whether a dotted "time" is really a date (``4.9.``, ``2026. 4. 9.``)."""
    return (
        end < len(text) and text[end] in "./-" and end + 1 < len(text) and text[end + 1 : end + 2].isdigit()
    )


def canonical_time(text: str) -> str | None:
    """``"오후 2시 10분"`` → ``"14:10"``; ``"09.30"`` → ``"09:30"``; None when not one time."""
    reading = read_time(text)
    return reading.canonical if reading else None


# A time read as afternoon is at most this far from the one before it (a long lunch; or a step
# back, as in an overlap: ``1:01`` then ``1:00`` is 13:01 then 13:00): ``11:30`` then ``11:00`` is
# out of order, not 23:00.
_AFTERNOON_STEP = 3 * 60
# A 12-hour table that starts before this hour without am/pm may be morning or afternoon.
_EARLIEST_UNSTATED_HOUR = 7


@dataclass(frozen=True)
class TwelveHourReading:
    """How a table's times read on a 12-hour clock: their minutes, the index of the first time the
    sequence moved to the afternoon (None: none moved), and the index of a time whose half of the
    day nothing decides (None: no such time)."""

    minutes: list[int]
    moved: int | None = None
    ambiguous: int | None = None


def read_twelve_hour(times: list[ClockTime]) -> TwelveHourReading:
    """The minutes of a table's times read on a 12-hour clock where the sequence decides.

    A table is on a 12-hour clock when no time in it has an hour of 13 or more (or 0). Then a time
    without am/pm that is earlier than the one before it is taken as afternoon when that puts it
    within three hours of it (``12:30 - 1:00``: 1:00 is 13:00). Times already in order, and
    tables with any 24-hour time, are left as they are (no guess); a 12-hour table whose first time
    is before 7:00 without am/pm is ``ambiguous`` (1:00 may be 13:00) and left as it is.
    """
    minutes = [t.minutes for t in times]
    if any(not t.twelve_hour and not t.explicit_meridiem and t.minutes // 60 != 12 for t in times):
        return TwelveHourReading(minutes)
    moved: int | None = None
    previous: int | None = None
    for index, reading in enumerate(times):
        value = reading.minutes
        if (
            previous is not None
            and reading.twelve_hour
            and value < previous
            and abs(value + 720 - previous) <= _AFTERNOON_STEP
            and value + 720 < MINUTES_PER_DAY
        ):
            value += 720
            moved = index if moved is None else moved
        minutes[index] = value
        previous = value
    first = times[0] if times else None
    ambiguous = (
        0
        if first is not None and first.twelve_hour and first.minutes < _EARLIEST_UNSTATED_HOUR * 60
        else None
    )
    return TwelveHourReading(minutes, moved, ambiguous)


def resolve_twelve_hour(times: list[ClockTime]) -> tuple[list[int], bool]:
    """``read_twelve_hour``'s minutes, and whether any time moved to the afternoon."""
    reading = read_twelve_hour(times)
    return reading.minutes, reading.moved is not None


# -- dates ------------------------------------------------------------------------------------

MONTHS_EN = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_WEEKDAY_WORD = (
    r"(?:[월화수목금토일](?:요일)?(?![가-힣])"
    r"|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?(?![A-Za-z]))"
)
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY_AFTER = re.compile(
    r"\s*[(（]\s*(?P<w>" + _WEEKDAY_WORD + r")\s*[)）]|\s*,?\s*(?P<w2>" + _WEEKDAY_WORD + ")",
    re.IGNORECASE,
)
_WEEKDAY_BEFORE = re.compile(r"(?P<w>" + _WEEKDAY_WORD + r")\s*,?\s*[(（]?\s*", re.IGNORECASE)
_DATE_PATTERNS = [
    # 2026-04-09, 2026. 4. 9., 2026년 4월 9일, 2025/07/24, '25.8.13.
    (
        "ymd",
        re.compile(
            r"(?P<y>\d{4}|['’‘]\d{2})\s*(?P<s>[.년/\-])\s*(?P<m>\d{1,2})\s*(?:[.월/\-]|(?<=년)\s)\s*(?P<d>\d{1,2})(?!\d)(?:\s*일|\.)?"
        ),
    ),
    # 11/18/2024, 18/11/2024, 18.11.2024
    ("xxy", re.compile(r"(?P<a>\d{1,2})\s*(?P<s>[/.])\s*(?P<b>\d{1,2})\s*(?P=s)\s*(?P<y>\d{4})(?!\d)")),
    # Monday 6th of May 2024, 6 May 2024
    (
        "dmy_en",
        re.compile(
            r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>"
            + _MONTH_WORD
            + r")(?:,?\s+(?P<y>\d{4}))?(?!\d)",
            re.IGNORECASE,
        ),
    ),
    # May 6, 2024; May 6th 2024
    (
        "mdy_en",
        re.compile(
            r"(?P<mon>" + _MONTH_WORD + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?(?!\d)",
            re.IGNORECASE,
        ),
    ),
    # 4월 9일, 4. 9.(목), 9.19 (토) — month and day without a year
    ("md_ko", re.compile(r"(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일")),
    ("md", re.compile(r"(?P<m>\d{1,2})\s*\.\s*(?P<d>\d{1,2})\s*\.?(?=\s*[(（]|\s*$|\s+[월화수목금토일])")),
]


@dataclass(frozen=True)
class DateReading:
    """A date found in text: its parts, the weekday label as printed, and how sure the reading is.

    ``year`` is None when the text gives none (``4. 9.(목)``). ``ambiguous`` is true for
    ``11/12/2024`` read without a language: ``month`` and ``day`` are then the US order.
    ``valid`` is false for a date that does not exist (2. 30.).
    """

    year: int | None
    month: int
    day: int
    weekday: str | None
    span: tuple[int, int]
    date_span: tuple[int, int]
    weekday_span: tuple[int, int] | None = None
    ambiguous: bool = False

    @property
    def valid(self) -> bool:
        try:
            dt.date(self.year or 2000, self.month, self.day)
        except ValueError:
            return False
        return True

    def date(self, default_year: int | None = None) -> dt.date | None:
        year = self.year if self.year is not None else default_year
        if year is None or not self.valid:
            return None
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None

    def iso(self, default_year: int | None = None) -> str | None:
        """``"2026-04-09"``; an impossible date is still written out (E002 says it does not exist)."""
        year = self.year if self.year is not None else default_year
        if year is None:
            return None
        return f"{year:04d}-{self.month:02d}-{self.day:02d}"


def _month_number(word: str) -> int | None:
    lowered = word.lower().rstrip(".")
    for index, name in enumerate(MONTHS_EN, start=1):
        if len(lowered) >= 3 and name.startswith(lowered[:3]) and name.startswith(lowered[: len(name)]):
            return index
    return None


def find_date(text: str, language: str | None = None, pos: int = 0) -> DateReading | None:
    """The first date in ``text`` at or after ``pos``, with a weekday label next to it.

    ``language`` (``"ko"`` or ``"en"``) decides the order of ``11/12/2024``: day first in Korean
    and British documents is not assumed — ``"en"`` means month first (US), ``"ko"`` never uses
    that notation, so both leave it ``ambiguous`` unless a value over 12 decides.
    """
    best: tuple[int, DateReading] | None = None
    for kind, pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text, pos):
            reading = _date_from(kind, match, language)
            if reading is None:
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), reading)
            break
    if best is None:
        return None
    return _with_weekday(text, best[1])


def read_date(text: str, language: str | None = None) -> DateReading | None:
    """``text`` when it is exactly one date (with its weekday label): None otherwise."""
    stripped = text.strip().rstrip(".").strip() if not text.strip().endswith(".") else text.strip()
    reading = find_date(stripped, language)
    if reading is None:
        return None
    leftover = (stripped[: reading.span[0]] + stripped[reading.span[1] :]).strip(" ,.")
    return reading if not leftover else None


def _date_from(kind: str, match: re.Match[str], language: str | None) -> DateReading | None:
    span = match.span()
    year: int | None
    ambiguous = False
    if kind == "ymd":
        raw = match["y"].lstrip("'’‘")
        year = int(raw) if len(raw) == 4 else 2000 + int(raw)
        month, day = int(match["m"]), int(match["d"])
    elif kind == "xxy":
        first, second, year = int(match["a"]), int(match["b"]), int(match["y"])
        if first > 12 and second <= 12:
            day, month = first, second
        elif second > 12 and first <= 12:
            month, day = first, second
        elif first == second:
            month, day = first, second
        elif match["s"] == ".":  # 18.11.2024: dotted day-first (European)
            day, month = first, second
        elif language == "en":
            month, day = first, second
        else:
            month, day = first, second
            ambiguous = True
    elif kind in ("dmy_en", "mdy_en"):
        month_number = _month_number(match["mon"])
        if month_number is None:
            return None
        month, day = month_number, int(match["d"])
        year = int(match["y"]) if match["y"] else None
    else:
        year = None
        month, day = int(match["m"]), int(match["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return DateReading(year, month, day, None, span, span, None, ambiguous)


def _with_weekday(text: str, reading: DateReading) -> DateReading:
    start, end = reading.span
    after = _WEEKDAY_AFTER.match(text, end)
    if after:
        group = "w" if after["w"] else "w2"
        return DateReading(
            reading.year,
            reading.month,
            reading.day,
            after[group],
            (start, after.end()),
            reading.date_span,
            after.span(group),
            reading.ambiguous,
        )
    before = text[:start]
    for match in _WEEKDAY_BEFORE.finditer(before):
        if match.end() == len(before) or before[match.end() :].strip() == "":
            return DateReading(
                reading.year,
                reading.month,
                reading.day,
                match["w"],
                (match.start(), end),
                reading.date_span,
                match.span("w"),
                reading.ambiguous,
            )
    return reading


def canonical_date(text: str, language: str | None = None) -> str | None:
    """``"2026. 4. 9."`` → ``"2026-04-09"``; None when ``text`` is not one whole date with a year,
    is ambiguous, or does not exist."""
    reading = read_date(text, language)
    if reading is None or reading.year is None or reading.ambiguous or not reading.valid:
        return None
    return reading.iso()
