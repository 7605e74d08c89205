"""frab / pretalx / c3voc conference schedules (schedule JSON and schedule.xml) → agenda data.

The mapping: the conference's title and ``time_zone_name`` become ``title`` and ``timezone``; each
day becomes one of ``days`` (its ``date``, and a ``slot`` from the day's start and end clock times,
``"09:00-04:00"`` when the day runs past midnight); each room of a day becomes a track, in the
schedule's order; each event becomes a segment with ``start`` and ``duration`` as the source writes
them, ``title``, ``owner`` (the persons' ids), ``kind`` (the event type) and ``note`` (its track).
Persons' names go to ``people``. Conference schedules leave changeover gaps between talks by
design, so the data carries ``policy: {gap-tolerance: null}``.

Layouts (docs/import.md): pentabarf old (``day/event``, the room in the event) and modern
(``day/room/event``), frab/pretalx XML and JSON, merged "everything" schedules, and the c3voc
"schedule2" JSON (``schedule.events[]``). Every reader counts the source's events apart from where
it found them; fewer placed is E005. People are id *and* name (O004 for a reused id); an event's
``<date>`` that disagrees with its ``<start>`` is D002. The data carries ``time-order: false``.

Nothing is corrected: overlapping talks in one room stay overlapping (S001), one speaker in two
rooms at once stays double-booked (O003). An event whose start or duration cannot be read is
reported (E005, at its line in the source) and left out, never dropped silently.

Positions: the JSON is read by a small reader (``json_reader``: ``json`` itself keeps no positions)
that records the offset of every key and value; the XML is read by xml.etree's C parser, each
element placed by the offset of its start tag, or by expat, which reports the line and column of
every element and text (``xml_reader``: the two give the same places). Both readers make the same
``Schedule`` (``schedule``), which ``agenda`` turns into agenda data. Every path written into the
data gets a ``Node`` with its span in the source, so findings point at the source file's lines
(``tfagenda import``, which checks nothing, asks for the places of what it reports only).

Two respellings, each the same value in the agenda format's notation: pretalx's ``D:HH:MM``
durations (``1:01:30``, one day and 90 minutes) become hours:minutes (``"25:30"``), and times with
seconds (``"11:00:00"``) lose the ``:00``. A start with seconds other than 00 is reported (E005).
"""

from __future__ import annotations

from tfagenda.findings import Problem
from tfagenda.importers.frab.agenda import build
from tfagenda.importers.frab.json_reader import read_json
from tfagenda.importers.frab.schedule import ScheduleError
from tfagenda.importers.frab.xml_reader import read_xml
from tfagenda.positions import LineIndex
from tfagenda.yamldoc import Document, gc_paused

FORMATS = ("frab-json", "frab-xml")


def read(text: str, path: str, format: str, *, places: bool = True) -> Document:
    """A frab/pretalx/c3voc schedule (``format`` "frab-json" or "frab-xml") → a Document in the agenda
    format; without ``places``, its ``nodes`` are left empty (the places of its problems are kept)."""
    if format not in FORMATS:
        raise ValueError(f"frab reads {' and '.join(FORMATS)}, not {format!r}")
    document = Document(path=path, text=text)
    lines = LineIndex(text)
    # A 20,000-event schedule is hundreds of thousands of objects that all stay: collecting only costs time.
    with gc_paused():
        try:
            schedule = read_json(text, lines) if format == "frab-json" else read_xml(text, lines)
        except ScheduleError as error:
            document.problems.append(Problem("E005", (), error.message, span=error.span))
            return document
        build(schedule, document, places)
    return document
