"""``render --format table``: a rich table in the terminal, one per agenda (per day for events).

Text from the agenda goes in as ``rich.text.Text``, never as markup, so ``[...]`` in a title is
shown as written, and through ``view.one_line``, so that a control character in it is shown
(``\\x1b``), never sent to the terminal. Off a terminal the console gets a wide width, so rich
does not hard-wrap at 80 columns, and no colour.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tfagenda.findings import Severity
from tfagenda.render.rows import AgendaRows, DayRows, Row
from tfagenda.render.view import columns, day_when, finding_at, one_line, owner_text, time_text

BAR_WIDTH = 24


def render(agendas: list[AgendaRows], color: bool = False, **options: object) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=None if color else 1000,
        force_terminal=color,
        color_system="auto" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for agenda in agendas:
        for day in agenda.days:
            console.print(_day_table(agenda, day), soft_wrap=not color)
        for finding in agenda.findings:
            style = "red" if finding.severity is Severity.ERROR else "yellow"
            line = Text(f"⚠ {finding_at(finding, agenda.lang)}: ", style=style)
            line.append(
                one_line(f"{finding.code} [{finding.severity}] {finding.message.say(agenda.messages_lang)}")
            )
            console.print(line, soft_wrap=not color)
    text = buffer.getvalue()
    if not color:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text


def _caption(agenda: AgendaRows, day: DayRows) -> str:
    bits = [agenda.title] if len(agenda.days) == 1 or not day.title else [agenda.title, day.title]
    bits += day_when(day, agenda.lang)
    venue = day.venue or agenda.venue
    if venue:
        bits.append(venue)
    return one_line(" · ".join(bits))


def _day_table(agenda: AgendaRows, day: DayRows) -> Table:
    table = Table(title=Text(_caption(agenda, day)), title_justify="left", show_lines=False)
    shown = columns(day, agenda.lang, bar=True)
    for column in shown:
        table.add_column(column.label, no_wrap=column.key in ("time", "bar"))
    for row in day.rows:
        table.add_row(*(_cell(column.key, row, day, agenda.lang) for column in shown))
    return table


def _cell(key: str, row: Row, day: DayRows, lang: str) -> Text:
    if key == "time":
        return Text(time_text(row, lang))
    if key == "track":
        return Text(one_line(row.track or ""))
    if key == "item":
        return Text("  " * row.depth + ("└ " if row.depth else "") + one_line(row.title))
    if key == "owner":
        return Text(one_line(owner_text(row)))
    if key == "note":
        return Text(one_line(row.note), style="dim")
    if key == "bar":
        return Text(_bar(row, day), style="cyan")
    if key == "check":
        return _marks(row)
    raise ValueError(f"table has no column {key!r}")


def _bar(row: Row, day: DayRows) -> str:
    """The segment's place in the slot, proportionally, as a bar of BAR_WIDTH cells."""
    slot = day.slot
    if slot is None or row.start is None or row.end is None or slot.length <= 0:
        return ""
    scale = BAR_WIDTH / slot.length
    first = max(0, min(BAR_WIDTH, round((row.start - slot.start) * scale)))
    last = max(first + 1, min(BAR_WIDTH, round((row.end - slot.start) * scale)))
    return "·" * first + "█" * (last - first) + "·" * (BAR_WIDTH - last)


def _marks(row: Row) -> Text:
    text = Text()
    for finding in row.findings:
        style = "bold red" if finding.severity is Severity.ERROR else "yellow"
        text.append(f"{' ' if text else ''}⚠ {finding.code}", style=style)
    return text
