"""How every render format writes what it shows: the words, times, durations, owners, finding lines
and table columns, decided once so that the formats cannot drift apart.

- A time is the wall clock: a start at or after midnight of an overnight slot is ``00:00``,
  ``00:30`` (never ``24:00``); an end exactly at midnight is ``24:00`` (the end of that day, as in
  ``23:00–24:00``), and any other end after midnight wraps (``01:00``).
- A duration is ``5분`` in Korean and ``5 min`` in English.
- An owner is shown by name when ``people`` gives one, else as written (the id); ``-`` for nobody.
  The ministry text alone keeps the owner as written, because ``tfagenda import`` reads it back.
- A finding line is ``8행: T001 [error] …`` (``line 8: …``); formats put their own marker in front.
- Text from the file (titles, owners, notes, rooms, file names) never acts on a terminal or breaks
  a format: ``one_line`` (a cell, a heading, a calendar summary) makes line breaks and tabs one
  space; ``lines_text`` (a description, an HTML tooltip) keeps line breaks as ``\n``; both show
  every other control character, bidi control and undecodable byte as ``textwidth.visible`` does
  (``\x1b``, ``\u202e``, ``\xff``), the convention of ``check``'s reporters.

Every word a renderer prints comes from the message catalog: the labels are ``LABELS``, said by
``words(lang)``; durations and finding places are ``T(...)`` where they are made.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from tfagenda.clock import MINUTES_PER_DAY, Slot
from tfagenda.findings import Finding
from tfagenda.messages import Message, T
from tfagenda.model import WEEKDAYS_EN, WEEKDAYS_KO, weekday_index
from tfagenda.render.rows import DayRows, Row
from tfagenda.textwidth import visible

# Every label a renderer prints, as a deferred message of the catalog (tfagenda.messages.korean);
# ``words(lang)`` says them in one language. Where Korean says one English label two ways, the
# context tells which: the ministry press release has its own headings (``render --format text``).
LABELS: dict[str, Message] = {
    "time": T("Time", context="column"),
    "item": T("Item", context="column"),
    "owner": T("Owner"),
    "note": T("Note"),
    "track": T("Room"),
    "check": T("Check"),
    "date": T("When"),
    "venue": T("Where"),
    "findings": T("Findings"),
    "timeline": T("Timeline"),
    "slot": T("Slot"),
    "text_time": T("Time", context="ministry heading"),
    "text_item": T("Item", context="ministry heading"),
}
NEXT_DAY = "(+1)"  # after a time of the next day, in every language

BREAK_KINDS = ("break", "휴식")


def is_break(row: Row) -> bool:
    return row.kind.strip().lower() in BREAK_KINDS


@cache
def words(lang: str) -> dict[str, str]:
    """The labels said in a language (``ko``/``en``; anything else gets English)."""
    return {key: label.say(lang) for key, label in LABELS.items()}


# --- text from the file --------------------------------------------------------------------------

_BREAKS_AND_TABS = re.compile(r"[ ]*[\r\n\t][\r\n\t ]*")
_LINE_BREAK = re.compile(r"\r\n?")
_KEPT = re.compile(r"([\n\t])")


def one_line(text: str) -> str:
    """File text for one line of output: line breaks and tabs (with the spaces around them) are one
    space, the ends are stripped, and every other control character is shown as ``visible`` shows it."""
    return visible(_BREAKS_AND_TABS.sub(" ", text).strip())


def lines_text(text: str) -> str:
    """File text that may keep its line breaks: CRLF and a lone CR become ``\\n``, tabs stay, and every
    other control character is shown as ``visible`` shows it."""
    pieces = _KEPT.split(_LINE_BREAK.sub("\n", text))
    return "".join(piece if piece in ("\n", "\t") else visible(piece) for piece in pieces)


# --- times and durations ------------------------------------------------------------------------


def clock(minute: int, *, end: bool = False) -> str:
    """A minute of the day (1440 and later: the next day) as the wall clock shows it.

    ``1440`` is ``00:00`` as a start and ``24:00`` as an end; ``1470`` is ``00:30`` either way.
    """
    if end and minute > 0 and minute % MINUTES_PER_DAY == 0:
        return "24:00"
    hours, mins = divmod(minute % MINUTES_PER_DAY, 60)
    return f"{hours:02d}:{mins:02d}"


def duration_text(minutes: int, lang: str) -> str:
    """``5분`` / ``5 min``."""
    return T("{minutes} min", minutes=minutes).say(lang)


def span_text(start: int, end: int, separator: str = "–") -> str:
    """``16:30–18:00``; a slot or segment that ends at midnight ends at ``24:00``."""
    return f"{clock(start)}{separator}{clock(end, end=True)}"


def slot_text(slot: Slot, separator: str = "–") -> str:
    return span_text(slot.start, slot.end, separator)


def time_text(row: Row, lang: str) -> str:
    """A row's time: ``16:30–16:35 (5분)``; ``16:30–?`` without an end; ``?`` when not placed."""
    if row.start is None:
        return "?"
    if row.end is None:
        return f"{clock(row.start)}–?"
    return f"{span_text(row.start, row.end)} ({duration_text(row.end - row.start, lang)})"


def weekday_label(date: dt.date, lang: str) -> str:
    return WEEKDAYS_KO[date.weekday()] if lang == "ko" else WEEKDAYS_EN[date.weekday()][:3].capitalize()


def shown_weekday(day: DayRows, lang: str) -> str:
    """The weekday to show with the day's date: as the file writes it when it agrees with the date,
    else the one computed from the date (a wrong weekday is a D001 finding, listed; a heading
    must not repeat it). ``""`` without a date."""
    if day.date is None:
        return ""
    if day.weekday and weekday_index(day.weekday) == day.date.weekday():
        return day.weekday
    return weekday_label(day.date, lang)


def day_when(day: DayRows, lang: str) -> list[str]:
    """The day's date with its weekday, and its slot: ``["2026-02-26 (목)", "16:30–18:00"]``."""
    bits = []
    if day.date:
        bits.append(f"{day.date.isoformat()} ({shown_weekday(day, lang)})")
    if day.slot:
        bits.append(slot_text(day.slot))
    return bits


# --- owners -------------------------------------------------------------------------------------


def owner_names(row: Row) -> str:
    """The owners by name (a person's name when ``people`` gives one, else as written); ``""`` for nobody."""
    return ", ".join(row.people)


def owner_text(row: Row, *, as_written: bool = False) -> str:
    """The owner cell: the names, ``-`` for deliberately nobody, ``""`` when the file gives no owner.

    ``as_written`` is for the ministry text, which ``tfagenda import`` reads back: there the owner
    stays as the file writes it (the press release's "제1차관", not the person's name), so that
    the round trip keeps the owners.
    """
    return row.owner if as_written else owner_names(row) or row.owner


# --- findings -----------------------------------------------------------------------------------


def finding_at(finding: Finding, lang: str, column: bool = False) -> str:
    """Where a finding is: ``8행`` / ``line 8`` (with ``column``: ``8행 27열`` / ``line 8:27``)."""
    if column:
        return T("line {line}:{column}", line=finding.line, column=finding.column).say(lang)
    return T("line {line}", line=finding.line).say(lang)


def finding_text(finding: Finding, lang: str, messages_lang: str) -> str:
    """A finding as the listed line says it: ``8행: T001 [error] end 16:05 is before …`` (the place in
    ``lang``, the labels' language; the message in ``messages_lang``)."""
    message = finding.message.say(messages_lang)
    return f"{finding_at(finding, lang)}: {finding.code} [{finding.severity}] {message}"


# --- table columns ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str  # time, track, item, owner, note, bar, check
    label: str


def columns(
    day: DayRows, lang: str, *, bar: bool = False, text_style: bool = False, skip_empty: bool = False
) -> list[Column]:
    """The columns of a day's table, in order.

    Time, the room (only on a day with tracks), item, owner, note, the slot bar (``bar=True``,
    only with a slot) and the check marks (only when a row has a finding). ``text_style`` is the
    ministry press release: its own headings, the note after the title, and no check column (the
    findings are listed under the table). ``skip_empty`` leaves out a room, owner or note column
    that no row of the day fills (the terminal table and the page, where width is short).
    """
    said = words(lang)
    keys = ["time"] + (["track"] if day.has_tracks else []) + ["item", "owner"]
    if not text_style:
        keys.append("note")
    if bar and day.slot:
        keys.append("bar")
    if not text_style and any(row.findings for row in day.rows):
        keys.append("check")
    if skip_empty:
        filled = {
            "track": any(row.track for row in day.rows),
            "owner": any(owner_text(row) for row in day.rows),
            "note": any(row.note.strip() for row in day.rows),
        }
        keys = [key for key in keys if filled.get(key, True)]
    labels = {**said, "bar": ""}
    if text_style:
        labels.update(time=said["text_time"], item=said["text_item"])
    return [Column(key, labels[key]) for key in keys]
