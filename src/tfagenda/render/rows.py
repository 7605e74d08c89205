"""The agenda as rows for people: what every output format shows, worked out once.

Times are the resolved ones (a missing start is the previous end); a row with findings carries
their codes and messages, so that an agenda with errors still renders and shows where they are.
Rows come flat (``DayRows.rows``, parts right after their parent, in time order) for tables, and
as a tree per track (``DayRows.tracks`` → ``TrackRows.rows`` → ``Row.parts``) for the formats that
keep the structure (json, html, ics, frab).
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from tfagenda.clock import MINUTES_PER_DAY, Slot
from tfagenda.findings import DocPath, Finding, Span
from tfagenda.load import Loaded
from tfagenda.messages import Message, T
from tfagenda.model import Agenda
from tfagenda.textwidth import visible
from tfagenda.timeline import Placed, resolve

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


def language_of(text: str) -> str:
    """``ko`` when the text has Hangul, else ``en``."""
    return "ko" if _HANGUL.search(text) else "en"


class RenderError(ValueError):
    """The agenda cannot be shown in this format: ``message`` says why, and what to add (deferred, said
    in the command's language; ``str(error)`` is English)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


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
    owners: tuple[str, ...] = ()  # as written; () for "-"/null and for no owner key
    owner_given: bool = False  # the file has an owner key (``owners == ()`` then means nobody)
    people: tuple[str, ...] = ()  # the owners' display names (the person's name when ``people`` gives one)
    person_ids: tuple[
        str, ...
    ] = ()  # the owners' ids in ``people`` (an alias or name resolved; else as written)
    venue: str | None = None  # the track's venue
    key: str = ""  # where the segment sits in the file ("segments/1/parts/0"): stable ids
    parts: list[Row] = field(default_factory=list)  # the same Row objects as in the flat list

    @property
    def duration(self) -> int | None:
        return self.end - self.start if self.start is not None and self.end is not None else None

    def walk(self) -> Iterator[Row]:
        """This row, then its parts and theirs, depth first (the order of the flat list)."""
        yield self
        for part in self.parts:
            yield from part.walk()


@dataclass
class TrackRows:
    name: str | None  # None for a meeting or day without tracks
    venue: str | None
    rows: list[Row]  # top-level segments, in file order; parts are in each row's ``parts``


@dataclass
class DayRows:
    date: dt.date | None
    weekday: str | None
    slot: Slot | None
    venue: str | None
    title: str | None
    has_tracks: bool
    rows: list[Row]
    tracks: list[TrackRows] = field(default_factory=list)
    index: int = 0
    path: str = ""  # the agenda file, for messages

    def moment(self, minute: int, tz: dt.tzinfo | None = None) -> dt.datetime | None:
        """The date and time of a minute of this day (1440 and later: the next day); None without a date."""
        if self.date is None:
            return None
        days, rest = divmod(minute, MINUTES_PER_DAY)
        try:
            day = self.date + dt.timedelta(days=days)
        except OverflowError:
            raise RenderError(
                T(
                    "{path}: the meeting on {date} reaches {minutes} minutes after its midnight, past"
                    " 9999-12-31, the last date that ISO 8601 and iCalendar can write; the table, md, text"
                    " and html formats show it",
                    path=visible(self.path),
                    date=self.date.isoformat(),
                    minutes=f"{minute:,}",
                )
            ) from None
        return dt.datetime(day.year, day.month, day.day, rest // 60, rest % 60, tzinfo=tz)

    @property
    def span(self) -> tuple[int, int] | None:
        """The minutes this day covers: the slot, widened to every placed segment; None if nothing is placed."""
        points = [m for row in self.rows for m in (row.start, row.end) if m is not None]
        if self.slot:
            points += [self.slot.start, self.slot.end]
        return (min(points), max(points)) if points else None


@dataclass
class AgendaRows:
    path: str
    title: str
    lang: str
    venue: str | None
    days: list[DayRows]
    findings: list[Finding]
    timezone: str | None = None
    people: dict[str, str] = field(default_factory=dict)  # person id -> display name (name, else id)
    source_lang: str = ""  # the language of the agenda's own text (``lang`` may be overridden)
    messages_lang: str = "en"  # the findings' messages are said in it (render --lang, else the locale's)

    @property
    def tzinfo(self) -> dt.tzinfo | None:
        return zoneinfo.ZoneInfo(self.timezone) if self.timezone else None

    @property
    def dates(self) -> list[dt.date]:
        return sorted({d.date for d in self.days if d.date})

    @property
    def first_date(self) -> dt.date | None:
        dates = [d.date for d in self.days if d.date]
        return min(dates) if dates else None


def build_rows(loaded: Loaded, findings: list[Finding]) -> AgendaRows:
    agenda = loaded.agenda
    assert agenda is not None, "render needs a loaded agenda"
    timeline = resolve(agenda, loaded.is_damaged)
    lang = language_of(agenda.title)
    spans = loaded.document
    names = _display_names(agenda)
    days = []
    assigned: set[int] = set()
    for day_line in timeline.days:
        groups: list[list[Row]] = []  # a top-level segment with its parts, kept together
        tracks: list[TrackRows] = []
        model_tracks = day_line.day.tracks or []
        for t_index, track in enumerate(day_line.tracks):
            venue = model_tracks[t_index].venue if t_index < len(model_tracks) else None
            tops: list[Row] = []
            for top in track.segments:
                group: list[Row] = []
                _add_rows(top, 0, group, spans, findings, assigned, names, venue)
                groups.append(group)
                tops.append(group[0])
            tracks.append(TrackRows(track.name, venue, tops))
        if day_line.day.tracks is not None:
            groups.sort(key=lambda g: g[0].start if g[0].start is not None else 10**6)
        rows = [row for group in groups for row in group]
        day = day_line.day
        days.append(
            DayRows(
                day.date,
                day.weekday,
                day.slot,
                day.venue,
                day.title,
                day.tracks is not None,
                rows,
                tracks,
                day_line.index,
                loaded.path,
            )
        )
    people = {
        pid: (person.name if person is not None and person.name else pid)
        for pid, person in (agenda.people or {}).items()
    }
    return AgendaRows(
        loaded.path, agenda.title, lang, agenda.venue, days, findings, agenda.timezone, people, lang
    )


def _display_names(agenda: Agenda) -> dict[str, tuple[str, str]]:
    """Every way to name a person in ``people`` (id, alias, name) → (their id, the name to show: the name, else the id)."""
    shown: dict[str, tuple[str, str]] = {}
    for person_id, person in (agenda.people or {}).items():
        name = person.name if person is not None and person.name else person_id
        shown[person_id] = (person_id, name)
        if person is not None:
            for alias in person.aliases:
                shown.setdefault(alias, (person_id, name))
            shown.setdefault(name, (person_id, name))
    return shown


class _Spans(Protocol):
    def span_of(self, at: DocPath, key: bool = False) -> Span: ...


def _add_rows(
    placed: Placed,
    depth: int,
    rows: list[Row],
    document: _Spans,
    findings: list[Finding],
    assigned: set[int],
    names: dict[str, tuple[str, str]],
    venue: str | None,
) -> Row:
    seg = placed.segment
    owner = ", ".join(seg.owner) if seg.owner else ("-" if seg.given("owner") else "")
    row = Row(
        depth, placed.start, placed.end, seg.title, owner, seg.note or "", seg.kind or "", placed.track.name
    )
    row.owners = tuple(seg.owner)
    row.owner_given = seg.given("owner")
    who = dict.fromkeys(names.get(o, (o, o)) for o in seg.owner)
    row.person_ids = tuple(pid for pid, _ in who)
    row.people = tuple(name for _, name in who)
    row.venue = venue
    row.key = "/".join(str(p) for p in placed.path)
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
        row.parts.append(_add_rows(part, depth + 1, rows, document, findings, assigned, names, venue))
    return row


def _inside(point: Span, area: Span) -> bool:
    return (area.line, area.column) <= (point.line, point.column) < (area.end_line, area.end_column)
