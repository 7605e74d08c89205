"""Rules about who owns each segment (O001–O003)."""

from __future__ import annotations

import datetime as dt
import difflib
import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from tfagenda.clock import MINUTES_PER_DAY, format_time
from tfagenda.findings import (
    MAX_FINDINGS_PER_RULE,
    Applicability,
    DocPath,
    Fix,
    Problem,
    Related,
    Severity,
    Span,
    more_not_listed,
)
from tfagenda.messages import T
from tfagenda.model import Agenda, Person
from tfagenda.registry import Registry
from tfagenda.rules.base import Context, rule
from tfagenda.timeline import Placed


def people_of(agenda: Agenda, registry: Registry | None = None) -> dict[str, Person | None]:
    """The people a file's owners may name: its own ``people`` and the shared registry's
    (docs/people.md). An entry of the file wins over the registry's entry of the same id, field by
    field: the file may add a role to a registry person, and keeps the registry's name and
    availability where it gives none."""
    own = agenda.people or {}
    if registry is None or not registry.people:
        return own
    people = dict(registry.people)
    for person_id, person in own.items():
        shared = people.get(person_id)
        if person is not None and shared is not None:
            person = shared.model_copy(
                update={name: getattr(person, name) for name in person.model_fields_set}
            )
        elif person is None:
            person = shared
        people[person_id] = person
    return people


def known_names(agenda: Agenda, registry: Registry | None = None) -> dict[str, str]:
    """Every way to name a person in ``people`` (id, alias, name) → the person's id; the file's own
    entries before the registry's."""
    return _names(people_of(agenda, registry), first=agenda.people or {})


def _names(people: dict[str, Person | None], first: dict[str, Person | None]) -> dict[str, str]:
    names: dict[str, str] = {}
    for person_id in [*first, *(person_id for person_id in people if person_id not in first)]:
        person = people[person_id]
        names[person_id] = person_id
        if person is not None:
            for alias in person.aliases:
                names.setdefault(alias, person_id)
            if person.name:
                names.setdefault(person.name, person_id)
    return names


def people_and_names(ctx: Context) -> tuple[dict[str, Person | None], dict[str, str]]:
    """``people_of`` and ``known_names`` of the file's agenda and registry, computed once per file."""
    found = ctx.shared.get("people")
    if found is None:
        assert ctx.agenda is not None
        found = ctx.shared["people"] = (
            people_of(ctx.agenda, ctx.registry),
            known_names(ctx.agenda, ctx.registry),
        )
    return found


# Words that name a role, not a person: an owner written as one of these (and in no ``people``) is
# this file's own, never the same person as another file's (issue 13: two ministries' 과장, two
# boards' Chair). Compared without spaces, hyphens or case, without an ordinal (제1차관) or a number
# after it (Speaker 2), and without 님.
ROLE_LABELS = frozenset(
    """
    사회 사회자 공동사회 좌장 공동좌장 진행 진행자 발표 발표자 토론 토론자 패널 지정토론자 연사 강사 축사 격려사
    위원장 부위원장 공동위원장 위원 간사 의장 부의장 단장 부단장 공동단장 팀장 과장 국장 실장 차관 차관보 장관
    청장 처장 원장 회장 부회장 이사 이사장 소장 센터장 본부장 부장 대표 사무국 사무국장 사무총장 담당 담당자
    담당관 주무관 사무관 서기관 지원관 정책관 기획관 심의관 대변인 비서관 관계자 참석자 참석자전원 전원 미정
    주최 주관 운영진 운영위원 운영위원장 기관장 부서장 반장 조장
    chair chairs chairperson chairman chairwoman cochair vicechair secretary secretarygeneral moderator
    host hosts cohost speaker speakers presenter presenters facilitator organizer organizers organiser
    organisers panel panelists panellists tbd tba tbc na all everyone everybody staff team notetaker scribe
    lead president vicepresident director manager coordinator mc emcee keynote guest guests committee board
    """.split()
)


def is_role_label(owner: str) -> bool:
    """Whether ``owner`` is a bare role label (``과장``, ``사회자``, ``Chair``, ``제1차관``, ``Speaker 2``)."""
    text = (
        "".join(owner.split()).casefold().replace("-", "").replace("_", "").replace(".", "").replace("/", "")
    )
    text = text.removesuffix("님")
    text = text.lstrip("제0123456789") if text[:1] in "제0123456789" and text.lstrip("제0123456789") else text
    text = text.rstrip("0123456789") or text  # "Speaker 2", "발표자1"
    return text in ROLE_LABELS


def _has_owner_above(placed: Placed) -> bool:
    parent = placed.parent
    while parent is not None:
        if parent.segment.given("owner"):
            return True
        parent = parent.parent
    return False


@rule("O001", "missing-owner", Severity.WARNING)
def missing_owner(ctx: Context) -> Iterable[Problem]:
    """A segment has no `owner:` key.

    Write `owner: "-"` (or `owner: null`) for a segment that deliberately has nobody; breaks
    (`kind: break`) need no owner. A part inherits its parent's owner, and a segment with parts
    is covered when its parts have owners.

    ## Example
    ```yaml
    - {title: Free discussion, duration: 15}
    ```

    ## Fix
    ```yaml
    - {title: Free discussion, duration: 15, owner: "-"}
    ```
    """
    for placed in ctx.resolved.segments():
        seg = placed.segment
        if seg.given("owner") or seg.is_break or seg.parts or _has_owner_above(placed):
            continue
        if ctx.loaded.is_damaged(placed.path + ("owner",)):  # an unreadable owner is E002's
            continue
        yield Problem(
            "O001", placed.path, T('{title!r} has no owner; add owner: ("-" for nobody)', title=seg.title)
        )


@rule("O002", "unknown-owner", Severity.ERROR, fix=Applicability.UNSAFE)
def unknown_owner(ctx: Context) -> Iterable[Problem]:
    """An owner is neither an id, an alias nor a name in `people`.

    Checked only when the agenda lists `people`; the people of the shared registry
    (`people.yaml`, docs/people.md) count as listed too. Not checked while an entry of `people` has an
    unknown or unreadable key (E002), which may be where the owner is named. The message names
    the closest match. When exactly one person's id, alias or name differs from the owner only by
    spaces, case or one character (`제1 차관` for `제1차관`), the finding carries an unsafe fix
    that writes that name; when several do, the message lists them and there is no fix.

    ## Example
    ```yaml
    people:
      복지정책과장: {aliases: [정책과장]}
    segments:
      - {title: 향후 일정 공유, duration: 5, owner: 복지정책과 과장}
    ```

    ## Fix
    ```yaml
      - {title: 향후 일정 공유, duration: 5, owner: 복지정책과장}
    ```
    """
    agenda = ctx.agenda
    if agenda is None or agenda.people is None:
        return
    if any(at[:1] == ("people",) for at in ctx.loaded.damaged):
        return  # an entry of people was set aside (E002): the owner may be named in it
    _, names = people_and_names(ctx)
    for placed in ctx.resolved.segments():
        owners = placed.segment.owner
        for index, owner in enumerate(owners):
            if owner in names:
                continue
            at = (
                placed.path
                + ("owner",)
                + ((index,) if isinstance(ctx.raw(placed.path + ("owner",)), list) else ())
            )
            close = _close_names(owner, names)
            fix = None
            if len(close) == 1:
                hint = T("; did you mean {guess!r}?", guess=close[0])
                fix = Fix(
                    T("set owner to {value}", value=close[0]), Applicability.UNSAFE, close[0], target=at
                )
            elif close:
                hint = T("; did you mean one of {names}?", names=", ".join(repr(n) for n in close))
            else:
                guess = difflib.get_close_matches(owner, list(names), n=1, cutoff=0.5)
                hint = T("; did you mean {guess!r}?", guess=guess[0]) if guess else T("; add them to people")
            yield Problem(
                "O002", at, T("owner {owner!r} is not in people{hint}", owner=owner, hint=hint), fix=fix
            )


def _squeezed(name: str) -> str:
    return "".join(name.split()).casefold()


def _close_names(owner: str, names: dict[str, str]) -> list[str]:
    """The names of ``people`` that differ from ``owner`` only by spaces, case or one edit,
    one per person (O002's fix when there is exactly one)."""
    written = _squeezed(owner)
    found: dict[str, str] = {}
    for name, person in names.items():
        other = _squeezed(name)
        if other == written or (min(len(other), len(written)) >= 3 and _one_edit(other, written)):
            found.setdefault(person, name)
    return list(found.values())


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one inserted, deleted or replaced character."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


@rule("O003", "double-booked", Severity.ERROR)
def double_booked(ctx: Context) -> Iterable[Problem]:
    """One owner is in two segments at the same time.

    Owners are matched by id, alias or name in `people`. Segments of one track that overlap are
    S001, and a person may own a segment and one of its parts, so neither is reported here. Days
    are compared by date. When several agendas are checked together, they are also checked
    against each other, and the finding appears in both files. With `--calendar kim=kim.ics`, kim's
    segments are also checked against the busy events of kim's own calendar (docs/calendars.md),
    and the finding names the calendar event, its time and line.

    Within a file, a person in several overlapping segments is one finding that lists them all
    (five parallel sessions: one finding naming the five), never the same pair twice; the person
    is named by name and id. People listed in the policy's `hosts` (names or ids: organiser
    accounts that host parallel sessions in their own sub-rooms) are not checked.

    ## Example
    ```yaml
    days:
      - date: 2026-03-10
        slot: "09:00-12:00"
        tracks:
          - name: Room A
            segments: [{title: Keynote, start: "09:00", duration: 60, owner: kim}]
          - name: Room B
            segments: [{title: Workshop, start: "09:30", duration: 60, owner: kim}]
    ```

    ## Fix
    Move one of the segments, or give it another owner.
    """
    agenda = ctx.agenda
    if agenda is None:
        return
    policy = ctx.policy
    people, _ = people_and_names(ctx)
    # One finding per person per group of overlapping segments: the pairs joined into groups
    groups: dict[str, dict[int, list[Placed]]] = defaultdict(dict)  # person → group id → segments
    group_of: dict[tuple[str, int], int] = {}
    for first, second, person in overlapping_bookings(agenda, list(ctx.resolved.segments()), ctx):
        entry = people.get(person)
        if policy.hosts and policy.may_host_in_parallel(person, entry.name if entry else None):
            continue
        mine = groups[person]
        a, b = group_of.get((person, id(first))), group_of.get((person, id(second)))
        if a is None and b is None:
            a = len(group_of) + 1
            mine[a] = [first, second]
        elif a is None or b is None:
            known = a if a is not None else b
            mine[known].append(second if a is not None else first)  # type: ignore[index]
            a = known
        elif a != b:
            for placed in mine.pop(b):
                group_of[(person, id(placed))] = a
                mine[a].append(placed)
        group_of[(person, id(first))] = group_of[(person, id(second))] = a  # type: ignore[assignment]
    for person, found in groups.items():
        entry = people.get(person)
        who = (
            f"{entry.name} ({person})"
            if entry is not None and entry.name and entry.name != person
            else person
        )
        for segments in found.values():
            yield _double_booking(ctx, who, sorted(segments, key=lambda p: (p.start, p.path)))


def _double_booking(ctx: Context, person: str, segments: list[Placed]) -> Problem:
    """One O003 at the last of a person's overlapping segments, naming the others."""
    *others, last = segments
    spans = [ctx.loaded.document.span_of(placed.path + ("owner",)) for placed in others]
    related = tuple(
        Related(ctx.loaded.path, span.line, span.column, f"{placed.title!r}")
        for placed, span in zip(others, spans)
    )
    if len(others) == 1:
        (first,), (span,) = others, spans
        message = T(
            "{person} is also in {first!r} ({first_booking}, line {line}) at the same time as {second!r} ({second_booking})",
            person=person,
            first=first.title,
            first_booking=describe_booking(first),
            line=span.line,
            second=last.title,
            second_booking=describe_booking(last),
        )
    else:
        listed = "; ".join(
            f"{placed.title!r} ({describe_booking(placed)}, line {span.line})"
            for placed, span in zip(others, spans)
        )
        message = T(
            "{person} is in {count} segments at overlapping times: {listed}; and {last!r} ({last_booking})",
            person=person,
            count=len(segments),
            listed=listed,
            last=last.title,
            last_booking=describe_booking(last),
        )
    return Problem("O003", last.path + ("owner",), message, related=related)


def room_of(placed: Placed, agenda: Agenda) -> str | None:
    """Where a segment happens, for O005: its track (room), else its day's or the agenda's venue."""
    track = placed.track
    return track.name if track.name is not None else (track.day.day.venue or agenda.venue)


def describe_booking(placed: Placed) -> str:
    return _describe(placed.track.day.date, placed.track.name, placed.start, placed.end)  # type: ignore[arg-type]


def _describe(date: dt.date | None, track: str | None, start: int, end: int) -> str:
    where = []
    if date:
        where.append(date.isoformat())
    if track:
        where.append(track)
    # a start at midnight after the day's slot began is 00:00; 24:00 is an end
    where.append(f"{format_time(start % MINUTES_PER_DAY)}–{format_time(end)}")
    return ", ".join(where)


def day_key(placed: Placed) -> Hashable:
    day = placed.track.day
    return day.date if day.date is not None else ("day", day.index)


def overlapping_bookings(
    agenda: Agenda, segments: list[Placed], ctx: Context | None = None
) -> Iterable[tuple[Placed, Placed, str]]:
    """Pairs of segments that share an owner and overlap in time, sorted per person (no all-pairs scan)."""
    bookings: dict[tuple[str, Hashable], list[Placed]] = defaultdict(list)
    names = (
        people_and_names(ctx)[1] if ctx is not None else known_names(agenda)
    )  # once: per segment it would cost people × segments
    for placed in segments:
        start, end = placed.start, placed.end
        # placed.known and placed.duration, without the properties: this runs for every segment
        if start is not None and end is not None and end != start and not placed.uncertain:
            owners = placed.segment.owner
            if owners:
                day = day_key(placed)
                for owner in owners:
                    bookings[(names.get(owner, owner), day)].append(placed)
    for (person, _), items in bookings.items():
        if len(items) < 2:  # one booking that day overlaps nothing (most people of a big schedule)
            continue
        items.sort(key=lambda p: (p.start, p.end))
        for other, item in _overlaps(items, lambda placed: id(placed.track)):
            yield other, item, person


def _overlaps(
    items: list, group: Callable[[Any], int], placed: Callable[[Any], Placed] = lambda item: item
) -> Iterator[tuple[Any, Any]]:
    """Pairs (earlier, later) of ``items`` (sorted by start) that overlap in time and are in different
    groups (tracks, files), in the order the items come, each later one with the earlier in order.

    The items still running are kept per group in a heap by end, so that a crowded group costs
    nothing when it is not paired (a plain list of the running items, scanned for every item,
    made 50,000 rows at one time take minutes).
    """
    running: dict[int, list[tuple[int, int, Any]]] = {}
    for order, item in enumerate(items):
        start = placed(item).start
        earlier: list[tuple[int, int, Any]] = []
        mine = group(item)
        for key in list(running):
            heap = running[key]
            while heap and heap[0][0] <= start:  # type: ignore[operator]
                heapq.heappop(heap)
            if not heap:
                del running[key]
            elif key != mine:
                earlier.extend(heap)
        for _, _, other in sorted(earlier, key=lambda entry: entry[1]):
            yield other, item
        heapq.heappush(running.setdefault(mine, []), (placed(item).end, order, item))  # type: ignore[misc]


# -- double bookings across files ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Booking:
    """One segment of a file with owners, a certain non-zero time and a date: what O003 compares
    across files. Plain values only, so that a file checked on another process sends it back."""

    owners: tuple[str, ...]  # as the file writes them
    # The same owners as other files may know them: the ``name`` of the person's entry (the file's
    # ``people`` or the shared registry's), a registry entry without a name by its registry id, or
    # the owner as written when it is no entry's id, alias or name; None for a file's own entry
    # without a name and for a bare role label ("Chair", "과장": a different person in every file).
    people: tuple[str | None, ...]
    date: dt.date
    track: str | None
    start: int
    end: int
    title: str
    path: DocPath  # the segment's
    owner_span: Span  # where its ``owner:`` is written
    place: Any = None  # in a document: its table, row and column (``documents.load.place_of``), not a line
    room: str | None = None  # its room (track) or venue, for O005 across files (``room_of``)


@dataclass(frozen=True, slots=True)
class Bookings:
    """A file's bookings, and how its ``people`` name each person (id → aliases and name: the file's
    own business; across files a person is known by name only)."""

    path: str
    names: tuple[tuple[str, tuple[str, ...]], ...]
    bookings: tuple[Booking, ...]
    timezone: str | None = None  # the agenda's, for comparing with calendars (--calendar)


def bookings_of(ctx: Context) -> Bookings | None:
    """The file's ``Bookings`` (None when it has no agenda), built once per file wherever it is checked."""
    agenda = ctx.agenda
    if agenda is None or ctx.timeline is None:
        return None
    registry = ctx.registry
    everyone, local = people_and_names(ctx)
    names = tuple(
        (person_id, (*person.aliases, *([person.name] if person.name else [])) if person else ())
        for person_id, person in (agenda.people or {}).items()
    )
    shared = registry.people if registry is not None else {}

    def across(owner: str) -> str | None:
        """How other files know this owner (docs/people.md): identified by a ``people`` entry with a
        name, or by a registry entry; else by the name as written, unless it is a bare role label."""
        person_id = local.get(owner)
        if person_id is None:
            return None if is_role_label(owner) else owner
        person = everyone.get(person_id)
        if person is not None and person.name:
            return person.name
        if registry is not None and person_id in shared:
            return registry.key(person_id)
        return None

    document = ctx.loaded.document
    bookings = []
    for placed in ctx.resolved.segments():
        owners, start, end = placed.segment.owner, placed.start, placed.end
        if not owners or start is None or end is None or start == end or placed.uncertain:
            continue
        date = placed.track.day.date
        if date is None:
            continue
        at = placed.path
        people = tuple(across(owner) for owner in owners)
        span = document.span_of(at + ("owner",))
        place = None
        if getattr(document, "from_office_document", False):  # the readers only for a document
            from tfagenda.documents.load import place_of

            place = place_of(document, span)
        bookings.append(
            Booking(
                tuple(owners),
                people,
                date,
                placed.track.name,
                start,
                end,
                placed.title,
                at,
                span,
                place,
                room_of(placed, agenda),
            )
        )
    return Bookings(ctx.loaded.path, names, tuple(bookings), agenda.timezone)


def cross_file_double_bookings(files: list[Bookings]) -> Iterator[tuple[int, Problem]]:
    """O003 between files: the same person at overlapping times on the same date.

    Across files a person is known by name (``Booking.people``): a ``people`` entry's ``name``, a
    shared registry's entry, or an owner written as a name. A file's own ids, aliases and bare role
    labels are its own: two ministries' ``과장`` or two boards' ``Chair`` are different people.

    Yields (index in ``files``, problem): reported in both files, each naming the other's file and
    line, and pointing at its own ``owner:`` by span. Only dated days are compared; bookings are
    sorted by time per person and date, so a large agenda tree stays fast.
    """
    bookings: dict[tuple[str, dt.date], list[tuple[int, Booking]]] = defaultdict(list)
    for index, file in enumerate(files):
        for booking in file.bookings:
            for person in dict.fromkeys(booking.people):
                if person is not None:
                    bookings[(person, booking.date)].append((index, booking))
    listed: Counter[int] = Counter()  # findings per file: at most MAX_FINDINGS_PER_RULE, then a note
    pairs = 0
    for (shared, _), items in bookings.items():
        items.sort(key=lambda item: (item[1].start, item[1].end))
        for (other_file, other), (file, booking) in _overlaps(
            items, lambda item: item[0], lambda item: item[1]
        ):
            pairs += 1
            if pairs > 1000 * MAX_FINDINGS_PER_RULE:  # a bound on the time a hostile tree of files can take
                return
            for mine, at, theirs, them in (
                (file, booking, other_file, other),
                (other_file, other, file, booking),
            ):
                listed[mine] += 1
                if listed[mine] <= MAX_FINDINGS_PER_RULE:
                    # each file's finding names the owner as that file writes it
                    person = _owner_known_as(at, shared)
                    yield mine, _cross_problem(at, files[theirs].path, them, person)
                elif listed[mine] == MAX_FINDINGS_PER_RULE + 1:
                    yield mine, more_not_listed("O003")


def _owner_known_as(booking: Booking, person: str) -> str:
    """The owner as this booking's file writes the person other files know as ``person`` (two people
    shared by the same pair of segments are two findings, each naming its own person)."""
    for owner, known in zip(booking.owners, booking.people):
        if known == person:
            return owner
    return booking.owners[0]


def _cross_problem(booking: Booking, other_path: str, other: Booking, person: str) -> Problem:
    span = other.owner_span
    return Problem(
        "O003",
        booking.path + ("owner",),
        T(
            "{person} is also in {other!r} ({where}, {other_booking}) at the same time as {mine!r} ({my_booking})",
            person=person,
            other=other.title,
            where=f"{other_path}:{span.line}"
            if other.place is None
            else T("{path}: {place}", path=other_path, place=other.place),
            other_booking=_describe(other.date, other.track, other.start, other.end),
            mine=booking.title,
            my_booking=_describe(booking.date, booking.track, booking.start, booking.end),
        ),
        span=booking.owner_span,
        related=(Related(other_path, span.line, span.column, f"{other.title!r}"),),
    )
