"""``render --format md``: a GitHub-flavoured Markdown table per agenda (per day for events).

Cells are padded by terminal cell width, so the Markdown source lines up in a monospace editor
even with Hangul. Text from the file cannot become HTML or code: ``<``, ``>`` and ``&`` are
entities (``<script>`` is ``&lt;script&gt;``), a backtick, ``|`` and ``\\`` are backslash-escaped,
line breaks are spaces and control characters are shown (``\\x1b``). Rows with findings get a mark and a note below.
"""

from __future__ import annotations

from tfagenda.render.rows import AgendaRows, DayRows, Row
from tfagenda.render.view import columns, day_when, finding_text, one_line, owner_text, time_text, words
from tfagenda.textwidth import cell_width, pad

_INDENT = "\u00a0\u00a0"  # non-breaking: Markdown would strip ordinary leading spaces


def render(agendas: list[AgendaRows], color: bool = False, **options: object) -> str:
    level = "#" if len(agendas) == 1 else "##"
    return "\n".join(_agenda(agenda, level) for agenda in agendas)


# Characters that would make GitHub read text as HTML, code or a new cell: backslash-escaped
# (CommonMark escapes any ASCII punctuation) or, for HTML's three, written as entities. Emphasis and
# brackets stay as written: ``[database failover]`` is how people write it.
_MARKDOWN = {char: "\\" + char for char in "\\`|"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_MARKDOWN_TABLE = str.maketrans(_MARKDOWN)


def _cell(text: str) -> str:
    """File text for a table cell, a heading or a list item: one line (``view.one_line``: control
    characters shown as ``\\x1b``), with Markdown and HTML escaped, and ``|`` too (it would end the cell)."""
    return one_line(text).translate(_MARKDOWN_TABLE)


def _agenda(agenda: AgendaRows, level: str) -> str:
    said = words(agenda.lang)
    out = [f"{level} {_cell(agenda.title)}", ""]
    many_days = len(agenda.days) > 1
    if len(agenda.days) == 1:  # (no days: a calendar of holidays only, `days: []`)
        out += _overview(agenda.days[0], agenda, said)
    for day in agenda.days:
        if many_days:
            heading = " ".join(day_when(day, agenda.lang)) or _cell(day.title or "")
            out += [f"{level}# {heading}".rstrip(), ""]
            if day.venue:
                out += [f"- {said['venue']}: {_cell(day.venue)}", ""]
        out += _table(day, agenda.lang)
    notes = [f for day in agenda.days for row in day.rows for f in row.findings]
    unplaced = [f for f in agenda.findings if not any(f is n for n in notes)]
    if agenda.findings:
        out.append(f"**{said['findings']}**")
        out.append("")
        for finding in notes + unplaced:
            out.append(f"- ⚠ {_cell(finding_text(finding, agenda.lang, agenda.messages_lang))}")
        out.append("")
    return "\n".join(out)


def _overview(day: DayRows, agenda: AgendaRows, said: dict[str, str]) -> list[str]:
    lines = []
    when = " ".join(day_when(day, agenda.lang))
    if when:
        lines.append(f"- {said['date']}: {when}")
    venue = day.venue or agenda.venue
    if venue:
        lines.append(f"- {said['venue']}: {_cell(venue)}")
    return lines + [""] if lines else []


def _table(day: DayRows, lang: str) -> list[str]:
    shown = columns(day, lang)
    header = [column.label for column in shown]
    body = [[_value(column.key, row, lang) for column in shown] for row in day.rows]
    widths = [max(_width(r[i]) for r in [header] + body) for i in range(len(header))]
    lines = ["| " + " | ".join(pad(c, w) for c, w in zip(header, widths)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    lines += ["| " + " | ".join(pad(c, w) for c, w in zip(cells, widths)) + " |" for cells in body]
    return lines + [""]


def _value(key: str, row: Row, lang: str) -> str:
    if key == "time":
        return time_text(row, lang)
    if key == "track":
        return _cell(row.track or "")
    if key == "item":
        return _INDENT * row.depth + ("↳ " if row.depth else "") + _cell(row.title)
    if key == "owner":
        return _cell(owner_text(row))
    if key == "note":
        return _cell(row.note)
    if key == "check":
        return " ".join(f"⚠ {f.code}" for f in row.findings)
    raise ValueError(f"markdown has no column {key!r}")


def _width(text: str) -> int:
    return max(3, cell_width(text))
