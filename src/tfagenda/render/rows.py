"""The agenda as rows for people: what every output format shows, worked out once.

Times are the resolved ones (a missing start is the previous end); a row with findings carries
their codes and messages, so that an agenda with errors still renders and shows where they are.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from tfagenda.clock import Slot, format_time
from tfagenda.findings import Finding, Span
from tfagenda.load import Loaded
from tfagenda.model import WEEKDAYS_EN, WEEKDAYS_KO
from tfagenda.timeline import Placed, resolve

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")

LABELS = {
    "ko": {"time": "시간", "item": "내용", "owner": "비고", "note": "메모", "track": "장소", "check": "점검",
           "date": "일시", "venue": "장소", "minutes": "분", "nobody": "-", "findings": "점검 결과"},
    "en": {"time": "Time", "item": "Item", "owner": "Owner", "note": "Note", "track": "Room", "check": "Check",
           "date": "When", "venue": "Where", "minutes": "min", "nobody": "-", "findings": "Findings"},
}


def language_of(text: str) -> str:
    """``ko`` when the text has Hangul, else ``en``."""
    return "ko" if _HANGUL.search(text) else "en"


@dataclass
class Row:
    depth: int
    start: int | None
    end: int | None
    title: str
    owner: str
    note: str
    kind: str
    track: str | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def duration(self) -> int | None:
        return self.end - self.start if self.start is not None and self.end is not None else None

    def time_text(self, prime: str = "′") -> str:
        if self.start is None:
            return "?"
        if self.end is None:
            return f"{format_time(self.start)}–?"
        return f"{format_time(self.start)}–{format_time(self.end)} ({self.duration}{prime})"


@dataclass
class DayRows:
    date: dt.date | None
    weekday: str | None
    slot: Slot | None
    venue: str | None
    title: str | None
    has_tracks: bool
    rows: list[Row]


@dataclass
class AgendaRows:
    path: str
    title: str
    lang: str
    venue: str | None
    days: list[DayRows]
    findings: list[Finding]

    @property
    def first_date(self) -> dt.date | None:
        dates = [d.date for d in self.days if d.date]
        return min(dates) if dates else None


def weekday_label(date: dt.date, lang: str) -> str:
    return WEEKDAYS_KO[date.weekday()] if lang == "ko" else WEEKDAYS_EN[date.weekday()][:3].capitalize()


def build_rows(loaded: Loaded, findings: list[Finding]) -> AgendaRows:
    agenda = loaded.agenda
    assert agenda is not None, "render needs a loaded agenda"
    timeline = resolve(agenda, loaded.is_damaged)
    lang = language_of(agenda.title)
    spans = loaded.document
    days = []
    assigned: set[int] = set()
    for day_line in timeline.days:
        groups: list[list[Row]] = []  # a top-level segment with its parts, kept together
        for track in day_line.tracks:
            for top in track.segments:
                group: list[Row] = []
                _add_rows(top, 0, group, spans, findings, assigned)
                groups.append(group)
        if day_line.day.tracks is not None:
            groups.sort(key=lambda g: (g[0].start if g[0].start is not None else 10**6))
        rows = [row for group in groups for row in group]
        day = day_line.day
        days.append(DayRows(day.date, day.weekday, day.slot, day.venue, day.title, day.tracks is not None, rows))
    return AgendaRows(loaded.path, agenda.title, lang, agenda.venue, days, findings)


def _add_rows(placed: Placed, depth: int, rows: list[Row], document, findings, assigned) -> None:  # type: ignore[no-untyped-def]
    seg = placed.segment
    owner = ", ".join(seg.owner) if seg.owner else ("-" if seg.given("owner") else "")
    row = Row(depth, placed.start, placed.end, seg.title, owner, seg.note or "", seg.kind or "", placed.track.name)
    span = document.span_of(placed.path)
    part_spans = [document.span_of(part.path) for part in placed.parts]
    for finding in findings:
        if id(finding) in assigned:
            continue
        if _inside(finding.span, span) and not any(_inside(finding.span, s) for s in part_spans):
            row.findings.append(finding)
            assigned.add(id(finding))
    rows.append(row)
    for part in placed.parts:
        _add_rows(part, depth + 1, rows, document, findings, assigned)


def _inside(point: Span, area: Span) -> bool:
    return (area.line, area.column) <= (point.line, point.column) < (area.end_line, area.end_column)
