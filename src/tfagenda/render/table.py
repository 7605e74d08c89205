"""``render --format table``: a rich table in the terminal, one per agenda (per day for events).

Text from the agenda goes in as ``rich.text.Text``, never as markup, so ``[...]`` in a title is
shown as written, and through ``view.one_line``, so that a control character in it is shown
(``\\x1b``), never sent to the terminal, and a line break in it is a space. Every width below is
measured on that shown text.

The table fits the width it is given (``width``; else ``COLUMNS``, else the terminal's width,
else 100 on a pipe: ``textwidth.terminal_width``), whether or not there is colour: colour and width
are independent. Empty columns are left out. The columns are sized here, not by rich, so that a
title is never cut (it wraps at spaces, with a readable width), a finding's ``⚠`` stays with its
code and a part's ``└`` with its title. When the width is short, the layout gives up, in this
order: the slot bar, the note as its own column (it goes under the title), the duration on the
time's line (it goes under the time), and the owner as its own column (under the title too).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tfagenda.findings import Severity
from tfagenda.render.rows import AgendaRows, DayRows, Row
from tfagenda.render.view import (
    clock,
    columns,
    day_when,
    duration_text,
    finding_at,
    one_line,
    owner_text,
    span_text,
    time_text,
    words,
)
from tfagenda.textwidth import MIN_WIDTH, cell_width, terminal_width

BAR_MIN = 10  # a bar narrower than this shows little: drop it instead
BAR_WIDE = 24  # the bar gets this much before a wide note gets more than its minimum
BAR_MAX = 40
ITEM_MIN = 20  # cells: a title column narrower than this is hard to read
ITEM_MIN_WITH_BAR = 28  # the bar is shown only when the titles still get this much
OTHER_MIN = {"owner": 10, "note": 10, "track": 8}
NOTE_MIN_APART = 20  # a note column narrower than this stacks a note word by word: put it under the title
WORD_MAX = 16  # a column is at least as wide as its longest word, up to this many cells


def render(
    agendas: list[AgendaRows], color: bool = False, width: int | None = None, **options: object
) -> str:
    """The tables, ``width`` columns wide at most (None: ``COLUMNS``, the terminal, or 100)."""
    width = max(MIN_WIDTH, width) if width else terminal_width(sys.stdout)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        color_system="auto" if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    for agenda in agendas:
        for day in agenda.days:
            console.print(_day_table(agenda, day, width))
        for finding in agenda.findings:
            style = _STYLE[finding.severity]
            where = f"⚠ {finding_at(finding, agenda.lang)}: "
            indent = cell_width(where)
            said = one_line(
                f"{finding.code} [{finding.severity}] {finding.message.say(agenda.messages_lang)}"
            )
            lines = wrap(said, max(width - indent, ITEM_MIN))
            listed = Text(where, style=style)
            listed.append(lines[0])
            for line in lines[1:]:
                listed.append("\n" + " " * indent + line)
            console.print(listed, no_wrap=True, crop=False)
    output = buffer.getvalue()
    if not color:
        output = "\n".join(line.rstrip() for line in output.split("\n"))
    return output


# --- wrapping by display cells -----------------------------------------------------------------


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells (Hangul is two), broken at spaces only, as
    Korean is (``keep-all``); a word longer than a line is split by cells. At least one line."""
    width = max(1, width)
    lines: list[str] = []
    line = ""
    for word in text.split():
        joined = f"{line} {word}" if line else word
        if cell_width(joined) <= width:
            line = joined
            continue
        if line:
            lines.append(line)
        line = ""
        while cell_width(word) > width:
            head = _cells_prefix(word, width)
            lines.append(head)
            word = word[len(head) :]
        line = word
    lines.append(line)
    return lines


def _cells_prefix(word: str, width: int) -> str:
    taken, used = 0, 0
    for char in word:
        size = cell_width(char)
        if used + size > width and taken:
            break
        taken, used = taken + 1, used + size
    return word[:taken]


# --- choosing and sizing the columns ------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    bar: bool  # the slot bar has a column
    note_apart: bool  # the note has its own column (else it goes under the title)
    duration_inline: bool  # ``16:30–16:35 (5분)`` on one line (else the duration under the time)
    owner_apart: bool  # the owner has its own column (else under the title)


LAYOUTS = (
    Layout(True, True, True, True),
    Layout(True, False, True, True),
    Layout(False, False, True, True),
    Layout(False, False, False, True),
    Layout(False, False, False, False),
)


@dataclass
class Sized:
    layout: Layout
    keys: list[str]
    widths: dict[str, int]


def _title(row: Row) -> str:
    return one_line(row.title)


def _track(row: Row) -> str:
    return one_line(row.track or "")


def _owner(row: Row) -> str:
    return one_line(owner_text(row))


def _note(row: Row) -> str:
    return one_line(row.note)


_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _prefix(row: Row) -> str:
    return "  " * row.depth + "└ " if row.depth else ""


def _marks(row: Row) -> list[tuple[str, str]]:
    return [
        (f"⚠ {finding.code}", "bold red" if finding.severity is Severity.ERROR else _STYLE[finding.severity])
        for finding in row.findings
    ]


def _time_lines(row: Row, lang: str, inline: bool) -> list[str]:
    if inline or row.start is None or row.end is None:
        return [time_text(row, lang)]
    return [span_text(row.start, row.end), f"({duration_text(row.end - row.start, lang)})"]


def _natural(key: str, day: DayRows, lang: str, layout: Layout, label: str) -> int:
    """The width a column's longest cell (or its label) takes on one line."""
    rows = day.rows
    if key == "time":
        cells = [line for row in rows for line in _time_lines(row, lang, layout.duration_inline)]
    elif key == "track":
        cells = [_track(row) for row in rows]
    elif key == "item":
        cells = [_prefix(row) + _title(row) for row in rows]
        if not layout.note_apart:
            cells += [_prefix(row) + _note_under(row, lang) for row in rows if _note(row)]
        if not layout.owner_apart:
            cells += [_prefix(row) + _owner_under(row) for row in rows if _owner_under(row)]
    elif key == "owner":
        cells = [_owner(row) for row in rows]
    elif key == "note":
        cells = [_note(row) for row in rows]
    elif key == "check":
        cells = [mark for row in rows for mark, _ in _marks(row)]
    else:
        raise ValueError(f"table has no column {key!r}")
    return max([cell_width(label)] + [cell_width(cell) for cell in cells])


def _longest_word(key: str, day: DayRows) -> int:
    """The widest word of a wrapping column, so that a Korean word is not split at a narrow width."""
    texts = {
        "item": [_title(row) for row in day.rows],
        "owner": [_owner(row) for row in day.rows],
        "note": [_note(row) for row in day.rows],
        "track": [_track(row) for row in day.rows],
    }[key]
    return min(WORD_MAX, max((cell_width(word) for text in texts for word in text.split()), default=0))


def _owner_under(row: Row) -> str:
    """The owner on a line under the title (nothing for nobody)."""
    owner = _owner(row)
    return f"— {owner}" if owner and owner != "-" else ""


def _note_under(row: Row, lang: str) -> str:
    return f"{words(lang)['note']}: {_note(row)}"


def size_columns(day: DayRows, lang: str, width: int) -> Sized:
    """The first layout whose columns fit ``width`` at their minimum widths, with the room left
    given to the title, the owner, the room, the bar and the note, in that order."""
    shown = columns(day, lang, bar=True, skip_empty=True)
    labels = {column.key: column.label for column in shown}
    for layout in LAYOUTS:
        keys = [
            key
            for key in labels
            if (key != "bar" or layout.bar)
            and (key != "note" or layout.note_apart)
            and (key != "owner" or layout.owner_apart)
        ]
        natural = {key: _natural(key, day, lang, layout, labels[key]) for key in keys if key != "bar"}
        least = {
            key: natural[key]
            if key in ("time", "check")
            else min(natural[key], max(OTHER_MIN.get(key, ITEM_MIN), _longest_word(key, day)))
            for key in natural
        }
        if "note" in least:
            least["note"] = max(least["note"], min(natural["note"], NOTE_MIN_APART))
        if layout.bar:
            least["item"] = max(least["item"], min(natural["item"], ITEM_MIN_WITH_BAR))
        if "bar" in keys:
            natural["bar"], least["bar"] = BAR_MAX, BAR_MIN
        room = width - (3 * len(keys) + 1)  # rich's borders and one cell of padding each side
        if sum(least.values()) <= room or layout is LAYOUTS[-1]:
            break
    widths = dict(least)
    spare = room - sum(widths.values())
    if spare < 0:  # narrower than the narrowest layout: only the title gives way
        widths["item"] = max(8, widths["item"] + spare)
        spare = 0
    titles = max(cell_width(_prefix(row) + _title(row)) for row in day.rows) if day.rows else 0
    order: tuple[tuple[str, int | None], ...] = (
        ("item", titles),
        ("owner", None),
        ("track", None),
        ("bar", BAR_WIDE),
        ("item", None),
        ("note", None),
        ("bar", None),
    )
    for key, upto in order:
        if key in widths and spare > 0:
            target = natural[key] if upto is None else min(upto, natural[key])
            grow = max(0, min(spare, target - widths[key]))
            widths[key] += grow
            spare -= grow
    return Sized(layout, keys, widths)


# --- the table ----------------------------------------------------------------------------------


def _caption(agenda: AgendaRows, day: DayRows) -> str:
    bits = [agenda.title] if len(agenda.days) == 1 or not day.title else [agenda.title, day.title]
    bits += day_when(day, agenda.lang)
    venue = day.venue or agenda.venue
    if venue:
        bits.append(venue)
    return one_line(" · ".join(bits))


def _day_table(agenda: AgendaRows, day: DayRows, width: int) -> Table:
    sized = size_columns(day, agenda.lang, width)
    table = Table(title=Text(_caption(agenda, day)), title_justify="left", show_lines=False)
    labels = {column.key: column.label for column in columns(day, agenda.lang, bar=True)}
    for key in sized.keys:
        label = _bar_label(day, sized.widths[key]) if key == "bar" else labels[key]
        table.add_column(label, width=sized.widths[key], no_wrap=True, overflow="crop")
    cells: dict[str, Callable[[Row, int], Text]] = {
        "time": lambda row, w: Text("\n".join(_time_lines(row, agenda.lang, sized.layout.duration_inline))),
        "track": lambda row, w: Text("\n".join(wrap(_track(row), w))),
        "item": lambda row, w: _item(row, w, sized.layout, agenda.lang),
        "owner": lambda row, w: Text("\n".join(wrap(_owner(row), w))),
        "note": lambda row, w: Text("\n".join(wrap(_note(row), w)), style="dim") if _note(row) else Text(),
        "bar": lambda row, w: Text(_bar(row, day, w), style="cyan"),
        "check": lambda row, w: _check(row, w),
    }
    for row in day.rows:
        table.add_row(*(cells[key](row, sized.widths[key]) for key in sized.keys))
    return table


def _item(row: Row, width: int, layout: Layout, lang: str) -> Text:
    """The title, wrapped under itself (a part's ``└`` on its first line); in a narrow layout the
    note and the owner follow on their own lines, dimmed."""
    prefix = _prefix(row)
    indent = " " * cell_width(prefix)
    room = max(1, width - cell_width(prefix))
    text = Text()
    for number, line in enumerate(wrap(_title(row), room)):
        text.append(("\n" + indent if number else prefix) + line)
    extras = []
    if not layout.note_apart and _note(row):
        extras.append(_note_under(row, lang))
    if not layout.owner_apart and _owner_under(row):
        extras.append(_owner_under(row))
    for extra in extras:
        for line in wrap(extra, room):
            text.append("\n" + indent + line, style="dim")
    return text


def _check(row: Row, width: int) -> Text:
    """``⚠ T001`` for each finding: side by side while they fit, never split inside one."""
    text = Text()
    used = 0
    for mark, style in _marks(row):
        size = cell_width(mark)
        if used:
            if used + 1 + size <= width:
                text.append(" ")
                used += 1
            else:
                text.append("\n")
                used = 0
        text.append(mark, style=style)
        used += size
    return text


def _bar_label(day: DayRows, width: int) -> str:
    """The slot's start and end at the bar's two ends, when the bar is wide enough for both."""
    if day.slot is None or width < 12:
        return ""
    start, end = clock(day.slot.start), clock(day.slot.end, end=True)
    return start + " " * (width - len(start) - len(end)) + end


def _bar(row: Row, day: DayRows, width: int) -> str:
    """The segment's place in the slot, proportionally, as a bar of ``width`` cells."""
    slot = day.slot
    if slot is None or row.start is None or row.end is None or slot.length <= 0:
        return ""
    scale = width / slot.length
    first = max(0, min(width - 1, round((row.start - slot.start) * scale)))
    last = max(first + 1, min(width, round((row.end - slot.start) * scale)))
    return "·" * first + "█" * (last - first) + "·" * (width - last)
