"""``render --format md``: a GitHub-flavoured Markdown table per agenda (per day for events).

Cells are padded by terminal cell width, so the Markdown source lines up in a monospace editor
even with Hangul; ``|`` in text is escaped. Rows with findings get a mark and a note below.
"""

from __future__ import annotations

from tfagenda.render.rows import AgendaRows, DayRows, Row
from tfagenda.render.view import columns, day_when, finding_text, owner_text, time_text, words
from tfagenda.textwidth import cell_width, pad

_INDENT = "\u00a0\u00a0"  # non-breaking: Markdown would strip ordinary leading spaces


def render(agendas: list[AgendaRows], color: bool = False, **options: object) -> str:
    level = "#" if len(agendas) == 1 else "##"
    return "\n".join(_agenda(agenda, level) for agenda in agendas)


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip()


def _agenda(agenda: AgendaRows, level: str) -> str:
    said = words(agenda.lang)
    out = [f"{level} {_cell(agenda.title)}", ""]
    many_days = len(agenda.days) > 1
    if not many_days:
        out += _overview(agenda.days[0], agenda, said)
    for day in agenda.days:
        if many_days:
            heading = " ".join(day_when(day, agenda.lang)) or day.title or ""
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
