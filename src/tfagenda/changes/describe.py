"""How every ``diff`` format says a change, in English or Korean: decided once, so that the text,
Markdown and JSON messages cannot drift apart.

Text from the file (titles, rooms, names) goes through the format's ``escape`` (``view.one_line``
for a terminal, the Markdown cell escaping for Markdown, nothing for JSON), and is never part of a
template.
"""

from __future__ import annotations

from collections.abc import Callable

from tfagenda.changes.compare import (
    ADDED,
    CANCELLED,
    GREW,
    KINDS,
    MOVED,
    OWNER,
    RENAMED,
    ROOM,
    SHRANK,
    AgendaChanges,
    Change,
    Person,
    Segment,
)
from tfagenda.clock import MINUTES_PER_DAY
from tfagenda.messages import Message, T, minutes
from tfagenda.render.view import NEXT_DAY, clock

Escape = Callable[[str], str]

# Each kind counted in a summary: ``2 moved`` / ``시간 변경 2건``.
_COUNTED: dict[str, Callable[[int], Message]] = {
    ADDED: lambda n: T("{n} added", n=n),
    CANCELLED: lambda n: T("{n} cancelled", n=n),
    MOVED: lambda n: T("{n} moved", n=n),
    GREW: lambda n: T("{n} longer", n=n),
    SHRANK: lambda n: T("{n} shorter", n=n),
    ROOM: lambda n: T("{n} in another room", n=n),
    OWNER: lambda n: T("{n} with other owners", n=n),
    RENAMED: lambda n: T("{n} renamed", n=n),
}

# The mark before a change in the text format, as diff(1) marks lines.
MARKS = {ADDED: "+", CANCELLED: "-"}


def mark(change: Change) -> str:
    return MARKS.get(change.kinds[0], "~")


def span(segment: Segment) -> str:
    """``10:00–11:00``; ``00:30–01:00 (+1)`` past midnight of an overnight slot; ``?`` where unknown."""
    if segment.start is None:
        return "?"
    after_midnight = f" {NEXT_DAY}" if segment.start >= MINUTES_PER_DAY else ""
    end = clock(segment.end, end=True) if segment.end is not None else "?"
    return f"{clock(segment.start)}–{end}{after_midnight}"


def day_text(segment: Segment, lang: str) -> str:
    """The date, else ``day 2`` on an agenda of several days; ``""`` for an undated meeting."""
    if segment.day.date is not None:
        return segment.day.date.isoformat()
    return T("day {number}", number=segment.day.number).say(lang) if segment.with_days else ""


def where(segment: Segment, lang: str, escape: Escape) -> str:
    """``2026-03-10, Hall, 10:00–11:00``: the day, the room and the time of one version."""
    bits = [day_text(segment, lang), escape(segment.track) if segment.track else "", span(segment)]
    return ", ".join(bit for bit in bits if bit)


def _when(change: Change, lang: str) -> str:
    """The new time, with the new day when the day changed."""
    old, new = change.old, change.new
    assert old is not None and new is not None
    if old.day.key == new.day.key:
        return span(new)
    return ", ".join(bit for bit in (day_text(new, lang), span(new)) if bit)


def _people(people: tuple[Person, ...], escape: Escape) -> str:
    return ", ".join(escape(person.label) for person in people) or "-"


def length_text(total: int, lang: str) -> str:
    """``45 minutes``; from an hour on, ``4 hours 40 minutes`` / ``4시간 40분``."""
    hours, rest = divmod(total, 60)
    if not hours:
        return minutes(total).say(lang)
    said = (T("{n} hour", n=hours) if hours == 1 else T("{n} hours", n=hours)).say(lang)
    return f"{said} {minutes(rest).say(lang)}" if rest else said


def _shift(change: Change, lang: str) -> Message | None:
    """``15 minutes later`` / ``15분 늦게``, when the start moved on the same day."""
    shift = change.shift
    if not shift or change.old is None or change.new is None or change.old.day.key != change.new.day.key:
        return None
    if shift > 0:
        return T("{minutes} later", minutes=length_text(shift, lang))
    return T("{minutes} earlier", minutes=length_text(-shift, lang))


def facets(change: Change, lang: str, escape: Escape) -> list[str]:
    """What changed, one phrase per kind: ``moved to 10:30–11:30 (30 minutes later)``, ``room Hall → A``."""
    said: list[str] = []
    old, new = change.old, change.new
    for kind in change.kinds:
        if kind == ADDED:
            message = T("added")
        elif kind == CANCELLED:
            message = T("cancelled")
        elif kind == MOVED and new is not None and new.start is None:
            message = T("its time cannot be worked out now")
        elif kind == MOVED:
            shift = _shift(change, lang)
            message = (
                T("moved to {when} ({shift})", when=_when(change, lang), shift=shift)
                if shift is not None
                else T("moved to {when}", when=_when(change, lang))
            )
        elif kind in (GREW, SHRANK):
            length = change.length_change or 0
            message = (
                T("now {when}, {minutes} longer", when=_when(change, lang), minutes=length_text(length, lang))
                if kind == GREW
                else T(
                    "now {when}, {minutes} shorter",
                    when=_when(change, lang),
                    minutes=length_text(-length, lang),
                )
            )
        elif kind == ROOM:
            assert old is not None and new is not None
            message = T(
                "room {old} → {new}",
                old=escape(old.track) if old.track else "-",
                new=escape(new.track) if new.track else "-",
            )
        elif kind == OWNER:
            assert old is not None and new is not None
            message = T(
                "owner {old} → {new}", old=_people(old.people, escape), new=_people(new.people, escape)
            )
        elif kind == RENAMED:
            assert new is not None
            message = T("renamed to '{title}'", title=escape(new.title))
        else:
            raise ValueError(f"unknown kind of change {kind!r}")
        said.append(message.say(lang))
    return said


def headline(change: Change, lang: str, escape: Escape) -> str:
    """The segment as its people knew it (the old version; an added one: the new) and where it was."""
    segment = change.old or change.new
    assert segment is not None
    return f"{quoted(escape(segment.title), lang)}{_gap(lang)}({where(segment, lang, escape)})"


def sentence(change: Change, lang: str, escape: Escape) -> str:
    """``'Opening' (2026-03-10, Hall, 09:30–10:00): moved to 09:45–10:15 (15 minutes later)``."""
    return f"{headline(change, lang, escape)}: {'; '.join(facets(change, lang, escape))}"


def summary(result: AgendaChanges, lang: str) -> str:
    """``3 changes (1 moved, 1 added, 1 cancelled), 2 people affected``; ``no changes``."""
    total = len(result.changes)
    if not total:
        return T("no changes").say(lang)
    counted = ", ".join(_COUNTED[kind](result.count(kind)).say(lang) for kind in KINDS if result.count(kind))
    people = len(result.people)
    changes = T("{n} change", n=total) if total == 1 else T("{n} changes", n=total)
    affected = T("{n} person affected", n=people) if people == 1 else T("{n} people affected", n=people)
    return f"{changes.say(lang)}{_gap(lang)}({counted}), {affected.say(lang)}"


def _gap(lang: str) -> str:
    """The space before an opening parenthesis: none in Korean (``변경 3건(…)``), as the catalog writes it."""
    return "" if lang == "ko" else " "


def quoted(text: str, lang: str) -> str:
    """A title in quotes: ``'Opening'`` / ``‘개회’``."""
    return f"‘{text}’" if lang == "ko" else f"'{text}'"


def nobody_heading() -> Message:
    return T("Without an owner (everyone)")


def absent(name: str) -> Message:
    """A version that does not exist: a file added or deleted since the revision."""
    return T("{name} (does not exist)", name=name)
