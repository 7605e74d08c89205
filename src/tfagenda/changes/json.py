"""``diff --format json``: the changes for programs.

One object: ``changed`` (whether any file changed) and ``files``, one per pair of versions, each
with ``old`` and ``new`` (the versions' names; ``old_exists``/``new_exists`` false for a file added
or deleted since the revision), ``title``, ``counts`` (per kind), ``changes`` and ``people``.

A change has ``kinds`` (``added``, ``cancelled``, ``moved``, ``grew``, ``shrank``, ``room``,
``owner``, ``renamed``), ``old`` and ``new`` (the segment in each version, null where it does not
exist), ``shift`` (minutes the start moved, later positive), ``length_change`` (minutes),
``people`` (``{name, id}``) and ``message`` (the change said in ``--lang``). A segment has
``title``, ``date`` (ISO, or null), ``day`` (1-based), ``track``, ``start``/``end`` (``"HH:MM"`` on
the wall clock, ``next_day`` past midnight), ``duration``, ``depth`` and ``parent`` (the title of
the segment a part belongs to), ``owners`` (labels) and ``path`` (where it is in its file). Each
person of ``people`` lists the indexes of their changes; ``unowned`` are the changes that name
nobody. Text is the files' own, exactly (``json_text``: terminal-active characters as ``\\u``
escapes).
"""

from __future__ import annotations

from typing import Any

from tfagenda.changes.compare import KINDS, AgendaChanges, Change, Person, Segment
from tfagenda.changes.describe import sentence
from tfagenda.clock import MINUTES_PER_DAY
from tfagenda.render.view import clock
from tfagenda.report import json_text
from tfagenda.textwidth import visible


def render(results: list[AgendaChanges], lang: str) -> str:
    data = {
        "changed": any(result.changes for result in results),
        "files": [_file(result, lang) for result in results],
    }
    return json_text(data, indent=2) + "\n"


def _file(result: AgendaChanges, lang: str) -> dict[str, Any]:
    index = {id(change): number for number, change in enumerate(result.changes)}
    people = []
    unowned: list[int] = []
    for person, changes in result.by_person():
        numbers = [index[id(change)] for change in changes]
        if person is None:
            unowned = numbers
        else:
            people.append({**_person(person), "changes": numbers})
    return {
        "old": visible(result.old_name),
        "new": visible(result.new_name),
        "old_exists": result.old_title is not None,
        "new_exists": result.new_title is not None,
        "title": result.title,
        "counts": {kind: result.count(kind) for kind in KINDS},
        "changes": [_change(change, lang) for change in result.changes],
        "people": people,
        "unowned": unowned,
    }


def _person(person: Person) -> dict[str, Any]:
    return {"name": person.name, "id": person.id}


def _change(change: Change, lang: str) -> dict[str, Any]:
    return {
        "kinds": list(change.kinds),
        "title": change.segment.title,
        "old": _segment(change.old),
        "new": _segment(change.new),
        "shift": change.shift,
        "length_change": change.length_change,
        "people": [_person(person) for person in change.people],
        "message": sentence(change, lang, lambda text: text),
    }


def _segment(segment: Segment | None) -> dict[str, Any] | None:
    if segment is None:
        return None
    return {
        "title": segment.title,
        "date": segment.day.date.isoformat() if segment.day.date else None,
        "day": segment.day.number,
        "track": segment.track,
        "start": clock(segment.start) if segment.start is not None else None,
        "end": clock(segment.end, end=True) if segment.end is not None else None,
        "next_day": segment.start is not None and segment.start >= MINUTES_PER_DAY,
        "duration": segment.duration,
        "depth": segment.depth,
        "parent": segment.parent.title if segment.parent is not None else None,
        "owners": [person.label for person in segment.people],
        "path": segment.key,
    }
