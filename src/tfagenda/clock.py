"""Reading and writing clock times, durations and slots.

Everything here is pure: strings in, minutes out (and back). A time of day is
an ``int`` of minutes since the day's midnight; values of 1440 and more are on
the next day (a slot that crosses midnight). Errors are ``ValueError`` with a
sentence a person can act on; the loader turns them into E004 findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tfagenda.messages import T

MINUTES_PER_DAY = 24 * 60

_TIME = re.compile(r"(?P<h>\d{1,2}):(?P<m>\d{2})")
# Durations people type: 5, 5m, 5min, 5 mins, 5분, '05, 05', 5', 1h, 1h30m, 1시간 30분, 1:30, PT1H30M.
_DURATION_UNITS = re.compile(
    r"(?:(?P<h>\d+)\s*(?:h|hr|hrs|hour|hours|시간)\s*)?"
    r"(?:(?P<m>\d+)\s*(?:m|min|mins|minute|minutes|분)?)?",
    re.IGNORECASE,
)
_DURATION_PRIME = re.compile(r"['’′](?P<a>\d+)|(?P<b>\d+)['’′]")
_DURATION_HM = re.compile(r"(?P<h>\d+):(?P<m>[0-5]\d)")
_DURATION_ISO = re.compile(r"PT(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?", re.IGNORECASE)
DURATION_EXAMPLES = '"5m", "5분", "\'05", "1h30m", "1:30", "PT1H30M"'
# "16:30-18:00", "16:30~18:00", "16:30 ~ 18:00", and the dashes/tildes typed in Korean documents.
SLOT_SEPARATORS = "-–—~∼～"
_SLOT = re.compile(r"\s*(?P<a>\d{1,2}:\d{2})\s*[" + SLOT_SEPARATORS + r"]\s*(?P<b>\d{1,2}:\d{2})\s*")


def parse_time(text: str) -> int:
    """``"16:30"`` → 990. Accepts H:MM and HH:MM from 00:00 to 24:00."""
    match = _TIME.fullmatch(text.strip())
    if not match:
        raise ValueError(T('{text!r} is not a time; write it as HH:MM, e.g. "16:30"', text=text))
    hours, minutes = int(match["h"]), int(match["m"])
    if minutes > 59:
        raise ValueError(T("{text!r} is not a time: minute {minute} is past 59", text=text, minute=minutes))
    if hours > 24 or (hours == 24 and minutes):
        raise ValueError(T("{text!r} is not a time: times run from 00:00 to 24:00", text=text))
    return hours * 60 + minutes


def parse_duration(value: object) -> int:
    """Minutes from an int or one of the spellings in the agenda format."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(
            T(
                '{value!r} is not a duration; give minutes (5) or text such as "5m", "1h30m", "1:30"',
                value=value,
            )
        )
    if isinstance(value, int):
        if value < 0:
            raise ValueError(T("duration {value} is negative", value=value))
        return value
    text = value.strip()
    for pattern in (_DURATION_PRIME, _DURATION_HM, _DURATION_ISO):
        match = pattern.fullmatch(text)
        if match:
            groups = match.groupdict()
            if pattern is _DURATION_PRIME:
                return int(groups["a"] or groups["b"])
            if pattern is _DURATION_ISO and not (groups["h"] or groups["m"]):
                break
            return int(groups["h"] or 0) * 60 + int(groups["m"] or 0)
    match = _DURATION_UNITS.fullmatch(text)
    if text and match and (match["h"] or match["m"]) and not text.isdigit():
        return int(match["h"] or 0) * 60 + int(match["m"] or 0)
    if text.isdigit():
        return int(text)
    raise ValueError(
        T(
            "{value!r} is not a duration; give minutes (5) or text such as {examples}",
            value=value,
            examples=DURATION_EXAMPLES,
        )
    )


@dataclass(frozen=True)
class Slot:
    """The meeting's time. ``end`` is after ``start``; a slot that crosses midnight has ``end`` > 1440."""

    start: int
    end: int

    @property
    def crosses_midnight(self) -> bool:
        return self.end > MINUTES_PER_DAY

    @property
    def length(self) -> int:
        return self.end - self.start

    def place(self, minute_of_day: int) -> int:
        """Put a clock time on this slot's day: after-midnight times of an overnight slot move to the next day.

        A time outside an overnight slot goes on the day that puts it nearer the slot: in a slot
        22:00–01:00, 01:15 is a quarter of an hour after the end (next day), 21:30 half an hour
        before the start (same day).
        """
        next_day = minute_of_day + MINUTES_PER_DAY
        # A slot that ends at midnight ("22:00-00:00") counts too: its "00:00" is the end of the day.
        reaches_midnight = self.end >= MINUTES_PER_DAY
        if (
            reaches_midnight
            and minute_of_day < self.start
            and next_day - self.end < self.start - minute_of_day
        ):
            return next_day
        return minute_of_day

    def __str__(self) -> str:
        return f"{format_time(self.start)}–{format_time(self.end)}"


def make_slot(start: int, end: int) -> Slot:
    """A slot from two clock times; an end before the start means the slot crosses midnight."""
    if end == start:
        raise ValueError(T("the slot {start}–{end} is empty", start=format_time(start), end=format_time(end)))
    return Slot(start, end if end > start else end + MINUTES_PER_DAY)


def parse_slot_text(text: str) -> Slot:
    match = _SLOT.fullmatch(text)
    if not match:
        raise ValueError(T('{text!r} is not a slot; write it as "16:30-18:00" (or with ~)', text=text))
    return make_slot(parse_time(match["a"]), parse_time(match["b"]))


def format_time(minutes: int) -> str:
    """990 → ``"16:30"``; next-day minutes wrap (1470 → ``"00:30"``), except 1440 itself, which is ``"24:00"``."""
    if minutes == MINUTES_PER_DAY:
        return "24:00"
    hours, mins = divmod(minutes % MINUTES_PER_DAY, 60)
    return f"{hours:02d}:{mins:02d}"


def format_duration(minutes: int) -> str:
    """Short English form used in messages: ``"5-minute"`` style is built by callers; this gives ``"1h30m"``/``"45m"``."""
    hours, mins = divmod(minutes, 60)
    if hours and mins:
        return f"{hours}h{mins:02d}m"
    if hours:
        return f"{hours}h"
    return f"{mins}m"


def minutes_phrase(minutes: int) -> str:
    """``5`` → ``"5 minutes"``; ``1`` → ``"1 minute"``."""
    return f"{minutes} minute" if minutes == 1 else f"{minutes} minutes"


def respell_duration(original: object, minutes: int) -> object:
    """``minutes`` written the way ``original`` was (``"'05"`` → ``"'10"``, ``"5분"`` → ``"10분"``, 5 → 10).

    A fix keeps the author's notation, so that it changes one number and nothing else.
    """
    if not isinstance(original, str):
        return minutes
    text = original.strip()
    prime = _DURATION_PRIME.fullmatch(text)
    if prime:
        digits = prime["a"] or prime["b"]
        number = f"{minutes:0{len(digits)}d}"
        return text.replace(digits, number, 1)
    if _DURATION_HM.fullmatch(text):
        return f"{minutes // 60}:{minutes % 60:02d}"
    if _DURATION_ISO.fullmatch(text) and text.upper().startswith("PT"):
        hours, mins = divmod(minutes, 60)
        return "PT" + (f"{hours}H" if hours else "") + (f"{mins}M" if mins or not hours else "")
    if text.isdigit():
        return str(minutes)
    units = re.fullmatch(r"(\d+)\s*([^\d\s]+)", text)
    if units and units[2].lower() in ("m", "min", "mins", "minute", "minutes", "분"):
        return f"{minutes}{text[len(units[1]) :]}"
    return format_duration(minutes)
