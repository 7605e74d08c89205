"""``render --format text``: the agenda as Korean ministry press releases and meeting plans print it.

::

    AI 복지·돌봄 혁신 추진단(TF) 제4차 회의

    - (일시) 2026. 2. 26.(목) 16:30~18:00
    - (장소) 서울스퀘어 - 세종 영상연결

    시 간(안)	내 용	비고
    16:30 ~ 16:35 ('05)	참석자 소개 및 인사말	제1차관

Cells are separated by tabs, so the table pastes into a word processor's table (HWP, Word) cell by
cell. Durations are written ``('NN)``, two digits at least. A segment's note follows its title
after `` - `` (as the press release prints "발표 - 반별 20분씩"). Parts are rows of their own, with
their times, and the title after ``- `` (two more spaces per level deeper), so
``tfagenda import`` reads them back as parts. Findings, if any, are listed after the table under
``※``, so that a draft with a mistake does not go out looking clean. This is the format
``tfagenda import`` reads (``importers/ministry.py``): what it renders imports back to the same
times, titles and owners.
"""

from __future__ import annotations

from typing import Any

from tfagenda.render.rows import AgendaRows, DayRows, Row, language_of
from tfagenda.render.view import (
    clock,
    columns,
    finding_text,
    one_line,
    owner_text,
    slot_text,
    weekday_label,
    words,
)


def render(agendas: list[AgendaRows], color: bool = False, **options: Any) -> str:
    """The agendas in ministry style, each in its ``lang`` (``render_many`` has applied ``--lang``)."""
    return "\n\n".join(_agenda(agenda, agenda.lang) for agenda in agendas)


def _agenda(agenda: AgendaRows, lang: str) -> str:
    said = words(lang)
    out = [_one_line(agenda.title), ""]
    for number, day in enumerate(agenda.days):
        if day.title:
            out += [f"□ {_one_line(day.title)}", ""]
        elif number:
            out.append("")
        overview = _overview(day, agenda, lang, said)
        if overview:
            out += overview + [""]
        out += _table(day, lang) + [""]
    if agenda.findings:
        out.append(f"※ {said['findings']}")
        for finding in agenda.findings:
            out.append(f"- {_one_line(finding_text(finding, lang, agenda.messages_lang))}")
        out.append("")
    return "\n".join(out)


def _one_line(text: str) -> str:
    """Cell text: no tabs or line breaks, which would break the table's columns, and control
    characters shown (``\\x1b``), never sent to the terminal."""
    return " ".join(one_line(text).split())


def _date_text(day: DayRows, lang: str) -> str:
    if day.date is None:
        return ""
    text = f"{day.date.year}. {day.date.month}. {day.date.day}."
    label = day.weekday if day.weekday and language_of(day.weekday) == lang else weekday_label(day.date, lang)
    return f"{text}({label})"


def _overview(day: DayRows, agenda: AgendaRows, lang: str, said: dict[str, str]) -> list[str]:
    when = " ".join(
        part for part in (_date_text(day, lang), slot_text(day.slot, "~") if day.slot else "") if part
    )
    lines = []
    if when:
        lines.append(f"- ({said['date']}) {when}")
    venue = day.venue or agenda.venue
    if venue:
        lines.append(f"- ({said['venue']}) {_one_line(venue)}")
    return lines


def _table(day: DayRows, lang: str) -> list[str]:
    shown = columns(day, lang, text_style=True)
    lines = ["\t".join(column.label for column in shown)]
    for row in day.rows:
        lines.append("\t".join(_value(column.key, row) for column in shown).rstrip("\t"))
    return lines


def _value(key: str, row: Row) -> str:
    if key == "time":
        return _time(row)
    if key == "track":
        return _one_line(row.track or "")
    if key == "item":
        return _title(row)
    if key == "owner":
        return _one_line(owner_text(row, as_written=True))
    raise ValueError(f"the ministry text has no column {key!r}")


def _time(row: Row) -> str:
    """``16:30 ~ 16:35 ('05)``: the press release's own duration notation, which the importer reads back."""
    if row.start is None:
        return ""
    if row.end is None:
        return clock(row.start)
    return f"{clock(row.start)} ~ {clock(row.end, end=True)} ('{row.end - row.start:02d})"


def _title(row: Row) -> str:
    title = _one_line(row.title)
    if row.note:
        title += f" - {_one_line(row.note)}"
    if row.depth:
        title = "  " * (row.depth - 1) + "- " + title
    return title
