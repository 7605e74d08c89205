"""Two versions of an agenda → what changed for whom (``tfagenda diff``).

The versions are compared as tfagenda resolves them (``render.rows``: a missing start is the
previous end, a repaired typo is repaired), never as text: reordering the YAML, writing ``time:``
instead of ``start:``/``end:``, or importing the same schedule from frab XML instead of JSON
changes nothing. Every segment and part is compared.

**Matching** (docs/diff.md). A segment of the old version is the same as one of the new version
when, in this order, with what is still unmatched:

1. their titles are equal (ignoring case and spacing) on the same day, in the same room (track),
   at the same depth (segment or part);
2. their titles are equal on the same day, in any room (a change of room);
3. their titles are equal on any day (a move to another day);
4. they start at the same time on the same day, in the same room, at the same depth: the
   segment was renamed.

Where several segments share a title (``Break``, ``Q&A``), each is paired with the one whose start
is nearest. What is left of the old version was cancelled; what is left of the new one was added.

**What a change is.** A pair differs when its start moved with the same length (``moved``), its
length grew or shrank (``grew``, ``shrank``; the start may have moved too), its room changed
(``room``), its owners changed (``owner``) or its title changed other than in spacing
(``renamed``; a change of case is one). Notes and kinds are not compared.
A part that moved, was added or was cancelled with its segment (by the same minutes, into the same
room) and has no owner of its own is not listed again: its segment's change says it.

**People.** A change affects the owners of both versions. A person is known by the ``name`` of
their ``people`` entry, else by their id (or the owner as written when it is no entry): the two
versions of a file may give one person different ids, or list an owner by alias in one and by id
in the other, and they are still one person; an owner a version writes plainly, with no ``people``
entry, is the person the other version lists under that id or name. A person whose ``name``
changed is two people: the owner changed, as the published name did. They are shown as O003
shows them: ``name (id)``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

from tfagenda.clock import MINUTES_PER_DAY
from tfagenda.render.rows import AgendaRows, Row

# Kinds of change, in the order they are listed for one segment.
ADDED = "added"
CANCELLED = "cancelled"
MOVED = "moved"
GREW = "grew"
SHRANK = "shrank"
ROOM = "room"
OWNER = "owner"
RENAMED = "renamed"
KINDS = (ADDED, CANCELLED, MOVED, GREW, SHRANK, ROOM, OWNER, RENAMED)

# Above this many segments of one title on each side, they are paired in time order instead of
# nearest first (which compares every pair): a file of 20,000 "TBD"s stays linear.
_NEAREST_LIMIT = 50


@dataclass(frozen=True)
class Person:
    """Someone a change affects: ``key`` joins the two versions (the name, else the id)."""

    key: str
    name: str  # as shown: the people entry's name, else the id or the owner as written
    id: str | None = None  # the people id, when it is not the name itself

    @property
    def label(self) -> str:
        """``name (id)`` as O003 names a person; the name alone when there is no other id."""
        return f"{self.name} ({self.id})" if self.id and self.id != self.name else self.name


@dataclass(frozen=True)
class Day:
    """The day a segment is on: its date, and its place among the agenda's days (1-based)."""

    date: dt.date | None
    number: int

    @property
    def key(self) -> Hashable:
        return self.date if self.date is not None else ("day", self.number)


@dataclass(frozen=True, eq=False)
class Segment:
    """One segment (or part) of one version, as resolved."""

    title: str
    day: Day
    track: str | None
    start: int | None  # minutes from the day's midnight (1440 and later: the next day)
    end: int | None
    depth: int  # 0 for a segment, 1 for its parts, ...
    parent: Segment | None  # the segment a part belongs to
    people: tuple[Person, ...]  # its owners; a part without an owner: its parent's
    key: str  # where it sits in its file ("days/0/tracks/1/segments/3")
    with_days: bool = False  # the agenda has several days (shown with each segment)

    @property
    def duration(self) -> int | None:
        return self.end - self.start if self.start is not None and self.end is not None else None

    @property
    def moment(self) -> int | None:
        """The start in minutes from a fixed origin, so that a start on another day compares."""
        if self.start is None:
            return None
        if self.day.date is None:
            return self.day.number * MINUTES_PER_DAY + self.start
        return self.day.date.toordinal() * MINUTES_PER_DAY + self.start


@dataclass(frozen=True)
class Change:
    """One segment that differs between the versions: ``old`` is None when it was added, ``new``
    when it was cancelled. ``kinds`` are among ``KINDS``."""

    kinds: tuple[str, ...]
    old: Segment | None
    new: Segment | None

    @property
    def people(self) -> tuple[Person, ...]:
        """Who it affects: the owners of both versions, each once (the new version's label first)."""
        seen: dict[str, Person] = {}
        for side in (self.new, self.old):
            for person in side.people if side is not None else ():
                seen.setdefault(person.key, person)
        return tuple(seen.values())

    @property
    def shift(self) -> int | None:
        """Minutes the start moved (later: positive), when both starts are known."""
        if self.old is None or self.new is None or self.old.moment is None or self.new.moment is None:
            return None
        return self.new.moment - self.old.moment

    @property
    def length_change(self) -> int | None:
        """Minutes the segment grew (shrank: negative), when both lengths are known."""
        if self.old is None or self.new is None:
            return None
        if self.old.duration is None or self.new.duration is None:
            return None
        return self.new.duration - self.old.duration

    @property
    def segment(self) -> Segment:
        """The version to name it by: the new one, else the old one."""
        return self.new or self.old  # type: ignore[return-value]


@dataclass
class AgendaChanges:
    """What changed between two versions of one agenda. ``old``/``new`` name the versions as the
    user gave them (``main:agendas/forum.yaml``, ``agendas/forum.yaml``); a version that does not
    exist (a file added or deleted since a revision) has ``old_title``/``new_title`` None."""

    old_name: str
    new_name: str
    old_title: str | None
    new_title: str | None
    changes: list[Change] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.new_title if self.new_title is not None else self.old_title or ""

    def count(self, kind: str) -> int:
        return sum(kind in change.kinds for change in self.changes)

    def by_person(self) -> list[tuple[Person | None, list[Change]]]:
        """The changes per person affected, people in name order; then (None, changes) for the
        changes that name nobody (a break that moved affects everyone)."""
        found: dict[str, tuple[Person, list[Change]]] = {}
        nobody: list[Change] = []
        for change in self.changes:
            people = change.people
            if not people:
                nobody.append(change)
            for person in people:
                found.setdefault(person.key, (person, []))[1].append(change)
        ordered: list[tuple[Person | None, list[Change]]] = [
            found[key] for key in sorted(found, key=lambda key: (found[key][0].label.casefold(), key))
        ]
        if nobody:
            ordered.append((None, nobody))
        return ordered

    @property
    def people(self) -> list[Person]:
        return [person for person, _ in self.by_person() if person is not None]


# -- the segments of a version -----------------------------------------------------------------


def segments_of(agenda: AgendaRows | None, other: AgendaRows | None = None) -> list[Segment]:
    """Every segment and part of a version, in day, track and file order (none for a missing version)."""
    if agenda is None:
        return []
    with_days = len(agenda.days) > 1
    people_ids = agenda.people  # person id -> display name
    # An owner this version does not list in ``people`` is the person the other version lists under
    # that id or name (``제1차관`` written as is, and ``제1차관: {name: 이스란}`` in the other version).
    elsewhere = {} if other is None else {**{n: n for n in other.people.values()}, **other.people}
    found: list[Segment] = []
    for number, day in enumerate(agenda.days, 1):
        when = Day(day.date, number)
        for track in day.tracks:
            for row in track.rows:
                _collect(row, None, when, track.name, (people_ids, elsewhere), with_days, found)
    return found


def _collect(
    row: Row,
    parent: Segment | None,
    day: Day,
    track: str | None,
    known: tuple[dict[str, str], dict[str, str]],
    with_days: bool,
    found: list[Segment],
) -> None:
    people = tuple(_person(person_id, name, *known) for person_id, name in zip(row.person_ids, row.people))
    if parent is not None and not row.owner_given and not row.owners:
        people = parent.people  # a part inherits its parent's owner (as O001 reads it)
    segment = Segment(
        row.title, day, track, row.start, row.end, row.depth, parent, people, row.key, with_days
    )
    found.append(segment)
    for part in row.parts:
        _collect(part, segment, day, track, known, with_days, found)


def _person(person_id: str, name: str, people_ids: dict[str, str], elsewhere: dict[str, str]) -> Person:
    name = name.strip()
    if person_id in people_ids:
        return Person(key=name, name=name, id=person_id.strip())
    return Person(key=elsewhere.get(name, name).strip(), name=name)


# -- matching ----------------------------------------------------------------------------------


def _norm(title: str) -> str:
    return " ".join(title.split()).casefold()


Pairs = list[tuple[Segment, Segment]]


def match(old: list[Segment], new: list[Segment]) -> tuple[Pairs, list[Segment], list[Segment]]:
    """Pair the segments of two versions (the rule in the module's docstring): (pairs, cancelled, added)."""
    left = dict.fromkeys(range(len(old)))  # unmatched indexes, in order
    right = dict.fromkeys(range(len(new)))
    pairs: list[tuple[int, int]] = []
    keys: list[Callable[[Segment], Hashable | None]] = [
        lambda s: (s.day.key, s.track, s.depth, _norm(s.title)),
        lambda s: (s.day.key, s.depth, _norm(s.title)),
        lambda s: (s.depth, _norm(s.title)),
        lambda s: (s.day.key, s.track, s.depth, s.start) if s.start is not None else None,
    ]
    for key in keys:
        pairs += _pair_by(key, old, new, left, right)
    pairs.sort()
    return (
        [(old[a], new[b]) for a, b in pairs],
        [old[a] for a in left],
        [new[b] for b in right],
    )


def _pair_by(
    key: Callable[[Segment], Hashable | None],
    old: list[Segment],
    new: list[Segment],
    left: dict[int, None],
    right: dict[int, None],
) -> list[tuple[int, int]]:
    groups: dict[Hashable, tuple[list[int], list[int]]] = {}
    for index in left:
        at = key(old[index])
        if at is not None:
            groups.setdefault(at, ([], []))[0].append(index)
    for index in right:
        at = key(new[index])
        if at is not None and at in groups:
            groups[at][1].append(index)
    paired: list[tuple[int, int]] = []
    for olds, news in groups.values():
        if not news:
            continue
        for a, b in _nearest(olds, news, old, new):
            paired.append((a, b))
            del left[a], right[b]
    return paired


def _nearest(
    olds: list[int], news: list[int], old: list[Segment], new: list[Segment]
) -> Iterable[tuple[int, int]]:
    """Pairs of one group: one each is a pair; else each with the nearest start (ties: file order)."""
    if len(olds) == 1 and len(news) == 1:
        return [(olds[0], news[0])]

    def at(segment: Segment) -> int:
        return segment.moment if segment.moment is not None else 0

    if len(olds) > _NEAREST_LIMIT or len(news) > _NEAREST_LIMIT:
        by_time = sorted(olds, key=lambda i: (at(old[i]), i)), sorted(news, key=lambda i: (at(new[i]), i))
        return list(zip(*by_time))
    candidates = sorted((abs(at(old[a]) - at(new[b])), a, b) for a in olds for b in news)
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    chosen = []
    for _, a, b in candidates:
        if a not in taken_old and b not in taken_new:
            taken_old.add(a)
            taken_new.add(b)
            chosen.append((a, b))
    return chosen


# -- comparing ---------------------------------------------------------------------------------


def differences(old: Segment, new: Segment) -> tuple[str, ...]:
    """The kinds of change between two matched segments (none: the same)."""
    kinds = []
    if old.duration is not None and new.duration is not None and old.duration != new.duration:
        kinds.append(GREW if new.duration > old.duration else SHRANK)
    elif old.moment != new.moment or old.duration != new.duration:
        kinds.append(MOVED)
    if old.track != new.track:
        kinds.append(ROOM)
    if {person.key for person in old.people} != {person.key for person in new.people}:
        kinds.append(OWNER)
    if " ".join(old.title.split()) != " ".join(new.title.split()):  # spacing alone is no new title
        kinds.append(RENAMED)
    return tuple(kinds)


def compare(
    old: AgendaRows | None, new: AgendaRows | None, old_name: str = "old", new_name: str = "new"
) -> AgendaChanges:
    """What changed from ``old`` to ``new`` (None: the version does not exist, so every segment of
    the other was added or cancelled). Changes come in the new version's order, then the cancelled
    ones in the old version's. A part that only moved, was added or was cancelled with its
    segment, and has no owner of its own to tell, is not listed: its segment's change says it."""
    before, after = segments_of(old, new), segments_of(new, old)
    pairs, cancelled, added = match(before, after)
    position = {id(segment): index for index, segment in enumerate(after)}
    changed: list[tuple[int, Change]] = []
    for a, b in pairs:
        kinds = differences(a, b)
        if kinds:
            changed.append((position[id(b)], Change(kinds, a, b)))
    changed += [(position[id(b)], Change((ADDED,), None, b)) for b in added]
    changed.sort(key=lambda item: item[0])
    changes = [change for _, change in changed] + [Change((CANCELLED,), a, None) for a in cancelled]
    of_segment = {
        id(side): change for change in changes for side in (change.old, change.new) if side is not None
    }
    return AgendaChanges(
        old_name,
        new_name,
        old.title if old is not None else None,
        new.title if new is not None else None,
        [change for change in changes if not _with_its_parent(change, of_segment)],
    )


def _with_its_parent(change: Change, of_segment: dict[int, Change]) -> bool:
    """Whether a part's change is its segment's: added or cancelled with it, or moved (and to
    another room) with it by the same minutes; and its owners are among the segment's."""
    segment = change.segment
    if segment.parent is None:
        return False
    parent = of_segment.get(id(segment.parent))
    if parent is None or not {p.key for p in change.people} <= {p.key for p in parent.people}:
        return False
    if change.kinds in ((ADDED,), (CANCELLED,)):
        return parent.kinds == change.kinds
    if change.old is None or change.new is None or parent.old is None or parent.new is None:
        return False
    if change.old.parent is not parent.old or change.new.parent is not parent.new:
        return False  # the part moved to another segment
    if not set(change.kinds) <= {MOVED, ROOM} or (ROOM in change.kinds) != (ROOM in parent.kinds):
        return False
    return MOVED not in change.kinds or change.shift == parent.shift
