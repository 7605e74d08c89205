"""``render --format md``: a GitHub-flavoured Markdown table per agenda (per day for events).

Cells are padded by terminal cell width, so the Markdown source lines up in a monospace editor
even with Hangul; ``|`` in text is escaped. Rows with findings get a mark and a note below.
"""

from __future__ import annotations

from tfagenda.clock import format_time
from tfagenda.render.rows import LABELS, AgendaRows, DayRows
from tfagenda.textwidth import pad

_INDENT = "\u00a0\u00a0"  # non-breaking: Markdown would strip ordinary leading spaces


def render(agendas: list[AgendaRows], color: bool = False, **options: object) -> str:
    level = "#" if len(agendas) == 1 else "##"
    return "\n".join(_agenda(agenda, level) for agenda in agendas)


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip()


def _agenda(agenda: AgendaRows, level: str) -> str:
    words = LABELS[agenda.lang]
    out = [f"{level} {_cell(agenda.title)}", ""]
    many_days = len(agenda.days) > 1
    if not many_days:
        out += _overview(agenda.days[0], agenda, words)
    for day in agenda.days:
        if many_days:
            heading = " ".join(day.when(agenda.lang)) or day.title or ""
            out += [f"{level}# {heading}".rstrip(), ""]
            if day.venue:
                out += [f"- {words['venue']}: {_cell(day.venue)}", ""]
        out += _table(day, agenda, words)
    notes = [f for day in agenda.days for row in day.rows for f in row.findings]
    unplaced = [f for f in agenda.findings if not any(f is n for n in notes)]
    if agenda.findings:
        out.append(f"**{words['findings']}**")
        out.append("")
        for finding in notes + unplaced:
            out.append(
                f"- ⚠ line {finding.line}: {finding.code} [{finding.severity}] {_cell(finding.message)}"
            )
        out.append("")
    return "\n".join(out)


def _overview(day: DayRows, agenda: AgendaRows, words: dict[str, str]) -> list[str]:
    lines = []
    when = " ".join(day.when(agenda.lang))
    if when:
        lines.append(f"- {words['date']}: {when}")
    venue = day.venue or agenda.venue
    if venue:
        lines.append(f"- {words['venue']}: {_cell(venue)}")
    return lines + [""] if lines else []


def _table(day: DayRows, agenda: AgendaRows, words: dict[str, str]) -> list[str]:
    marked = any(row.findings for row in day.rows)
    header = (
        [words["time"]]
        + ([words["track"]] if day.has_tracks else [])
        + [words["item"], words["owner"], words["note"]]
    )
    if marked:
        header.append(words["check"])
    body = []
    for row in day.rows:
        indent = _INDENT * row.depth + ("↳ " if row.depth else "")
        cells = [row.time_text()]
        if day.has_tracks:
            cells.append(_cell(row.track or ""))
        cells += [indent + _cell(row.title), _cell(row.owner), _cell(row.note)]
        if marked:
            cells.append(" ".join(f"⚠ {f.code}" for f in row.findings))
        body.append(cells)
    widths = [max(_width(r[i]) for r in [header] + body) for i in range(len(header))]
    lines = ["| " + " | ".join(pad(c, w) for c, w in zip(header, widths)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    lines += ["| " + " | ".join(pad(c, w) for c, w in zip(cells, widths)) + " |" for cells in body]
    return lines + [""]


def _width(text: str) -> int:
    from tfagenda.textwidth import cell_width

    return max(3, cell_width(text))


__all__ = ["render", "format_time"]
