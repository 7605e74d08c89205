"""Time to change rooms (O005): a person's consecutive segments in different rooms need the
policy's ``changeover`` between them."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Iterator
from typing import Any

from tfagenda.clock import MINUTES_PER_DAY, format_time
from tfagenda.findings import MAX_FINDINGS_PER_RULE, Problem, Related, Severity, more_not_listed
from tfagenda.messages import Message, T, minutes
from tfagenda.model import Agenda
from tfagenda.policy import Policy
from tfagenda.rules.base import Context, rule
from tfagenda.rules.owners import (
    Booking,
    Bookings,
    _describe,
    day_key,
    describe_booking,
    known_names,
    room_of,
)
from tfagenda.timeline import Placed


def person_label(agenda: Agenda, person: str) -> str:
    """A person as O003 names them: ``name (id)`` when ``people`` gives a different name, else the id."""
    entry = (agenda.people or {}).get(person)
    return f"{entry.name} ({person})" if entry is not None and entry.name and entry.name != person else person


@rule("O005", "changeover-too-short", Severity.WARNING)
def changeover_too_short(ctx: Context) -> Iterable[Problem]:
    """A person's next segment is in another room and starts sooner than the changeover allows.

    Checked only when the policy sets `changeover` (in `[tool.tfagenda.policy]` or the file's
    `policy:`): the minutes a person needs to leave one room and be ready in another — to walk
    over, to unplug a laptop and set it up again. It is a duration (`10`, `"10m"`, `"10분"`), or
    a mapping of a `default` and room pairs: `"Hall A -> Hall B": 15` one way, `"Hall A <->
    Annex": 20` both ways (room names in any case). Each person's segments are taken in time
    order per day; a segment in a different room from the one before it, with less time between
    them than the changeover, is a finding that names both segments and the shortfall.

    A segment's room is its track; on a day without tracks, the day's `venue` (else the agenda's):
    a person going from a morning meeting at one venue to an afternoon one at another needs the
    changeover too. Segments without either are not checked.

    People are matched as O003 matches them (id, alias or name in `people`); segments that
    overlap are O003's, and segments in the same room need no changeover. People listed in the
    policy's `hosts` are not checked. When several agendas are checked together, a person's
    segments in different files are compared too (people by name, as O003 does across files,
    with the config's `changeover`), and the finding appears in both files.

    ## Example
    ```yaml
    policy: {changeover: 10m}
    days:
      - date: 2026-03-10
        tracks:
          - name: Hall A
            segments: [{title: Keynote, start: "09:00", end: "10:00", owner: kim}]
          - name: Hall B
            segments: [{title: Panel, start: "10:05", end: "11:00", owner: kim}]
    ```

    The finding suggests the earliest start that leaves the changeover, never a time that reads as
    earlier than the segment before: when that start is past the end of the day's `slot`, it names
    no time (end the earlier segment sooner, or hold both in one room); on a day without a slot,
    past midnight, it names the day (`at 06:00 the next day (2026-03-11)`).

    ## Fix
    Start the later segment at 10:10 or later (or end the earlier one sooner), or hold both in the
    same room.
    """
    agenda = ctx.agenda
    changeover = ctx.policy.changeover
    if agenda is None or not changeover.checked:
        return
    policy = ctx.policy
    names = known_names(agenda)
    people = agenda.people or {}
    bookings: dict[tuple[str, Hashable], list[Placed]] = defaultdict(list)
    places: dict[int, str] = {}
    for placed in ctx.resolved.segments():
        place = room_of(placed, agenda)
        if place is None or not placed.known or placed.uncertain or not placed.duration:
            continue
        places[id(placed)] = place
        for person in dict.fromkeys(names.get(owner, owner) for owner in placed.segment.owner):
            bookings[(person, day_key(placed))].append(placed)
    for (person, _), items in bookings.items():
        entry = people.get(person)
        if policy.hosts and policy.may_host_in_parallel(person, entry.name if entry else None):
            continue
        items.sort(key=lambda p: (p.start, p.end, p.path))
        before: Placed | None = None  # of the segments so far, the one that ends last
        for placed in items:
            if before is not None and before.end <= placed.start:  # type: ignore[operator]
                gap = placed.start - before.end  # type: ignore[operator]
                source, target = places[id(before)], places[id(placed)]
                needed = changeover.between(source, target)
                if gap < needed:
                    label = person_label(agenda, person)
                    yield _too_short(ctx, label, before, placed, gap, needed, source, target)
            if before is None or placed.end > before.end:  # type: ignore[operator]
                before = placed


def _too_short(
    ctx: Context, person: str, before: Placed, after: Placed, gap: int, needed: int, source: str, target: str
) -> Problem:
    span = ctx.loaded.document.span_of(before.path + ("owner",))
    earliest = before.end + needed  # type: ignore[operator]
    day = after.track.day
    shared: dict[str, Any] = {
        "person": person,
        "gap": ctx.minutes(gap),
        "before": before.title,
        "before_booking": describe_booking(before),
        "line": span.line,
        "after": after.title,
        "after_booking": describe_booking(after),
        "short": ctx.minutes(needed - gap),
        "needed": ctx.minutes(needed),
        "source": source,
        "target": target,
    }
    if day.slot is not None and earliest >= day.slot.end:
        # A start at or past the slot's end is no start in the meeting: name no time.
        message = T(
            "{person} has {gap} to get from {before!r} ({before_booking}, line {line}) to {after!r} "
            "({after_booking}), {short} less than the changeover of {needed} from {source} to {target}; "
            "no start in the day's slot ({slot}) leaves that much time after {before!r}: end it sooner, "
            "or hold both in one room",
            slot=str(day.slot),
            **shared,
        )
    elif day.slot is None and earliest >= max(MINUTES_PER_DAY, after.end or 0):
        message = T(
            "{person} has {gap} to get from {before!r} ({before_booking}, line {line}) to {after!r} "
            "({after_booking}), {short} less than the changeover of {needed} from {source} to {target}; "
            "the changeover runs past the end of the day: {after!r} could start {when} at the earliest",
            when=later_day(day.date, earliest),
            **shared,
        )
    else:
        message = T(
            "{person} has {gap} to get from {before!r} ({before_booking}, line {line}) to {after!r} "
            "({after_booking}), {short} less than the changeover of {needed} from {source} to {target}; "
            "start {after!r} at {earliest} or later",
            earliest=format_time(earliest),
            **shared,
        )
    related = (Related(ctx.loaded.path, span.line, span.column, f"{before.title!r}"),)
    return Problem("O005", after.path + ("owner",), message, related=related)


def later_day(date: dt.date | None, minute: int) -> Message:
    """When ``minute`` (of ``date``'s day; 1440 and more are the days after) falls, said from that day:
    ``at 06:00 the next day (2026-03-11)``, ``at 06:00, 2 days later``.

    A time past the day's end said as a bare clock time would read as earlier the same day.
    """
    days, of_day = divmod(minute, MINUTES_PER_DAY)
    time = format_time(of_day)
    if date is not None:
        on = (date + dt.timedelta(days=days)).isoformat()
        if days == 1:
            return T("at {time} the next day ({date})", time=time, date=on)
        return T("at {time}, {days} days later ({date})", time=time, days=days, date=on)
    if days == 1:
        return T("at {time} the next day", time=time)
    return T("at {time}, {days} days later", time=time, days=days)


# -- changeovers between files -------------------------------------------------------------------


def cross_file_changeovers(files: list[Bookings], policy: Policy) -> Iterator[tuple[int, Problem]]:
    """O005 between files: a person's segment in one file, and their next one in another file on
    the same date in another room or venue, with less time between them than the changeover.

    People are joined as O003 joins them across files (by name: ``Booking.people``); the policy is
    the config's (each file's own ``policy:`` speaks for that file only), and its ``hosts`` are left
    out. Yields (index in ``files``, problem), reported in both files, each naming the other's file
    and line. A booking without a room or venue (``Booking.room``) is not compared.
    """
    changeover = policy.changeover
    if not changeover.checked:
        return
    bookings: dict[tuple[str, dt.date], list[tuple[int, Booking]]] = defaultdict(list)
    for index, file in enumerate(files):
        for booking in file.bookings:
            if booking.room is None:
                continue
            for person in dict.fromkeys(booking.people):
                if person is not None and not (policy.hosts and policy.may_host_in_parallel(person)):
                    bookings[(person, booking.date)].append((index, booking))
    listed: Counter[int] = Counter()  # findings per file: at most MAX_FINDINGS_PER_RULE, then a note
    for (person, _), items in bookings.items():
        if len({index for index, _ in items}) < 2:
            continue
        items.sort(key=lambda item: (item[1].start, item[1].end))
        before: tuple[int, Booking] | None = None  # of the bookings so far, the one that ends last
        for item in items:
            if before is not None and before[0] != item[0] and before[1].end <= item[1].start:
                (earlier_file, earlier), (later_file, later) = before, item
                gap = later.start - earlier.end
                needed = changeover.between(earlier.room, later.room)  # type: ignore[arg-type]
                if gap < needed:
                    for mine, problem in (
                        (later_file, _cross_problem(files, person, item, before, gap, needed, later=True)),
                        (earlier_file, _cross_problem(files, person, before, item, gap, needed, later=False)),
                    ):
                        listed[mine] += 1
                        if listed[mine] <= MAX_FINDINGS_PER_RULE:
                            yield mine, problem
                        elif listed[mine] == MAX_FINDINGS_PER_RULE + 1:
                            yield mine, more_not_listed("O005")
            if before is None or item[1].end > before[1].end:
                before = item


def _cross_problem(
    files: list[Bookings],
    person: str,
    mine: tuple[int, Booking],
    theirs: tuple[int, Booking],
    gap: int,
    needed: int,
    later: bool,
) -> Problem:
    """The finding in ``mine``'s file, at its ``owner:``, naming the other file's segment."""
    booking, other = mine[1], theirs[1]
    where = f"{files[theirs[0]].path}:{other.owner_span.line}"
    owner = next((o for o, p in zip(booking.owners, booking.people) if p == person), booking.owners[0])
    shared: dict[str, Any] = {
        "person": owner,
        "gap": minutes(gap),
        "mine": booking.title,
        "my_booking": _describe(booking.date, booking.room, booking.start, booking.end),
        "other": other.title,
        "where": where,
        "other_booking": _describe(other.date, other.room, other.start, other.end),
        "short": minutes(needed - gap),
        "needed": minutes(needed),
    }
    earliest = (other if later else booking).end + needed
    # The files' slots are not compared here: the day ends at midnight, or later when one of the two
    # segments runs past it (an overnight slot).
    past_the_day = earliest >= max(MINUTES_PER_DAY, booking.end, other.end)
    if later and past_the_day:
        message = T(
            "{person} has {gap} to get from {other!r} ({where}, {other_booking}) to {mine!r} ({my_booking}), "
            "{short} less than the changeover of {needed}; the changeover runs past the end of the day: "
            "{mine!r} could start {when} at the earliest",
            when=later_day(booking.date, earliest),
            **shared,
        )
    elif later:
        message = T(
            "{person} has {gap} to get from {other!r} ({where}, {other_booking}) to {mine!r} ({my_booking}), "
            "{short} less than the changeover of {needed}; start {mine!r} at {earliest} or later",
            earliest=format_time(earliest),
            **shared,
        )
    elif past_the_day:
        message = T(
            "{person} has {gap} to get from {mine!r} ({my_booking}) to {other!r} ({where}, {other_booking}), "
            "{short} less than the changeover of {needed}; the changeover runs past the end of the day: "
            "{other!r} could start {when} at the earliest",
            when=later_day(booking.date, earliest),
            **shared,
        )
    else:
        message = T(
            "{person} has {gap} to get from {mine!r} ({my_booking}) to {other!r} ({where}, {other_booking}), "
            "{short} less than the changeover of {needed}; {other!r} would have to start at {earliest} or later",
            earliest=format_time(earliest),
            **shared,
        )
    span = other.owner_span
    return Problem(
        "O005",
        booking.path + ("owner",),
        message,
        span=booking.owner_span,
        related=(Related(files[theirs[0]].path, span.line, span.column, f"{other.title!r}"),),
    )
