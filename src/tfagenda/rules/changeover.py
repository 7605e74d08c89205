"""Time to change rooms (O005): a person's consecutive segments in different rooms need the
policy's ``changeover`` between them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable

from tfagenda.clock import format_time
from tfagenda.findings import Problem, Related, Severity
from tfagenda.messages import T
from tfagenda.model import Agenda
from tfagenda.rules.base import Context, rule
from tfagenda.rules.owners import day_key, describe_booking, known_names
from tfagenda.timeline import Placed


def person_label(agenda: Agenda, person: str) -> str:
    """A person as O003 names them: ``name (id)`` when ``people`` gives a different name, else the id."""
    entry = (agenda.people or {}).get(person)
    return f"{entry.name} ({person})" if entry is not None and entry.name and entry.name != person else person


@rule("O005", "changeover-too-short", Severity.WARNING)
def changeover_too_short(ctx: Context) -> Iterable[Problem]:
    """A person's next segment is in another room (track) and starts sooner than the changeover allows.

    Checked only when the policy sets `changeover` (in `[tool.tfagenda.policy]` or the file's
    `policy:`): the minutes a person needs to leave one room and be ready in another — to walk
    over, to unplug a laptop and set it up again. It is a duration (`10`, `"10m"`, `"10분"`), or
    a mapping of a `default` and room pairs: `"Hall A -> Hall B": 15` one way, `"Hall A <->
    Annex": 20` both ways (room names in any case). Each person's segments are taken in time
    order per day; a segment in a different track from the one before it, with less time between
    them than the changeover, is a finding that names both segments and the shortfall.

    People are matched as O003 matches them (id, alias or name in `people`); segments that
    overlap are O003's, and segments in the same room need no changeover. People listed in the
    policy's `hosts` are not checked. Only the tracks of one file are compared: a person's
    segments in two different files are not.

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
    for placed in ctx.resolved.segments():
        if placed.track.name is None or not placed.known or placed.uncertain or not placed.duration:
            continue
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
                needed = changeover.between(before.track.name, placed.track.name)  # type: ignore[arg-type]
                if gap < needed:
                    yield _too_short(ctx, person_label(agenda, person), before, placed, gap, needed)
            if before is None or placed.end > before.end:  # type: ignore[operator]
                before = placed


def _too_short(ctx: Context, person: str, before: Placed, after: Placed, gap: int, needed: int) -> Problem:
    span = ctx.loaded.document.span_of(before.path + ("owner",))
    message = T(
        "{person} has {gap} to get from {before!r} ({before_booking}, line {line}) to {after!r} "
        "({after_booking}), {short} less than the changeover of {needed} from {source} to {target}; "
        "start {after!r} at {earliest} or later",
        person=person,
        gap=ctx.minutes(gap),
        before=before.title,
        before_booking=describe_booking(before),
        line=span.line,
        after=after.title,
        after_booking=describe_booking(after),
        short=ctx.minutes(needed - gap),
        needed=ctx.minutes(needed),
        source=before.track.name,
        target=after.track.name,
        earliest=format_time(before.end + needed),  # type: ignore[operator]
    )
    related = (Related(ctx.loaded.path, span.line, span.column, f"{before.title!r}"),)
    return Problem("O005", after.path + ("owner",), message, related=related)
