"""Rules about who owns each segment (O001–O003)."""

from __future__ import annotations

import difflib
from collections import defaultdict
from typing import Hashable, Iterable

from tfagenda.clock import format_time
from tfagenda.findings import Problem, Related, Severity
from tfagenda.model import Agenda
from tfagenda.rules.base import Context, rule
from tfagenda.timeline import Placed


def known_names(agenda: Agenda) -> dict[str, str]:
    """Every way to name a person in ``people`` (id, alias, name) → the person's id."""
    names: dict[str, str] = {}
    for person_id, person in (agenda.people or {}).items():
        names[person_id] = person_id
        if person is not None:
            for alias in person.aliases:
                names.setdefault(alias, person_id)
            if person.name:
                names.setdefault(person.name, person_id)
    return names


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
    for placed in ctx.timeline.segments():
        seg = placed.segment
        if seg.given("owner") or seg.is_break or seg.parts or _has_owner_above(placed):
            continue
        yield Problem("O001", placed.path, f"{seg.title!r} has no owner; add owner: (\"-\" for nobody)")


@rule("O002", "unknown-owner", Severity.ERROR)
def unknown_owner(ctx: Context) -> Iterable[Problem]:
    """An owner is neither an id, an alias nor a name in `people`.

    Checked only when the agenda lists `people`. The message names the closest match.

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
    names = known_names(agenda)
    for placed in ctx.timeline.segments():
        owners = placed.segment.owner
        for index, owner in enumerate(owners):
            if owner in names:
                continue
            at = placed.path + ("owner",) + ((index,) if isinstance(ctx.raw(placed.path + ("owner",)), list) else ())
            guess = difflib.get_close_matches(owner, list(names), n=1, cutoff=0.5)
            hint = f"; did you mean {guess[0]!r}?" if guess else "; add them to people"
            yield Problem("O002", at, f"owner {owner!r} is not in people{hint}")


def owner_ids(agenda: Agenda, placed: Placed) -> list[str]:
    names = known_names(agenda)
    return [names.get(owner, owner) for owner in placed.segment.owner]


@rule("O003", "double-booked", Severity.ERROR)
def double_booked(ctx: Context) -> Iterable[Problem]:
    """One owner is in two segments at the same time.

    Owners are matched by id, alias or name in `people`. Segments of one track that overlap are
    S001, and a person may own a segment and one of its parts, so neither is reported here. Days
    are compared by date. When several agendas are checked together, they are also checked
    against each other, and the finding appears in both files.

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
    for first, second, person in overlapping_bookings(agenda, list(ctx.timeline.segments())):
        span = ctx.loaded.document.span_of(first.path + ("owner",))
        yield Problem(
            "O003",
            second.path + ("owner",),
            f"{person} is also in {first.title!r} ({describe_booking(first)}, line {span.line}) at the same time "
            f"as {second.title!r} ({describe_booking(second)})",
            related=(Related(ctx.loaded.path, span.line, span.column, f"{first.title!r}"),),
        )


def describe_booking(placed: Placed) -> str:
    where = []
    if placed.track.day.date:
        where.append(placed.track.day.date.isoformat())
    if placed.track.name:
        where.append(placed.track.name)
    where.append(f"{format_time(placed.start)}–{format_time(placed.end)}")  # type: ignore[arg-type]
    return ", ".join(where)


def day_key(placed: Placed) -> Hashable:
    day = placed.track.day
    return day.date if day.date is not None else ("day", day.index)


def overlapping_bookings(agenda: Agenda, segments: list[Placed]) -> Iterable[tuple[Placed, Placed, str]]:
    """Pairs of segments that share an owner and overlap in time, sorted per person (no all-pairs scan)."""
    bookings: dict[tuple[str, Hashable], list[Placed]] = defaultdict(list)
    for placed in segments:
        if placed.known and not placed.uncertain and placed.duration:
            for person in owner_ids(agenda, placed):
                bookings[(person, day_key(placed))].append(placed)
    for (person, _), items in bookings.items():
        items.sort(key=lambda p: (p.start, p.end))
        active: list[Placed] = []
        for item in items:
            active = [a for a in active if a.end > item.start]  # type: ignore[operator]
            for other in active:
                if other.track is not item.track:
                    yield other, item, person
            active.append(item)

