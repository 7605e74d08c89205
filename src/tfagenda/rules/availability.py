"""Rules about when people and rooms can be used (O006, F004): ``available``/``unavailable`` on a
person (in the agenda's ``people`` or the shared registry), ``open``/``closed`` on a track.

Windows are written as ``"13:00-18:00"`` (every day), ``"2026-03-12 09:00-12:00"`` or
``"2026-03-12"`` (windows.py). Both rules name the window that is in the way and suggest the
nearest time that fits the segment's length: inside the day's slot if it can, else that day.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence

from tfagenda.clock import MINUTES_PER_DAY
from tfagenda.findings import DocPath, Problem, Related, Severity
from tfagenda.messages import Message, T, minutes
from tfagenda.model import Person, Track
from tfagenda.rules.base import Context, rule
from tfagenda.rules.owners import _describe, day_key, describe_booking, people_and_names
from tfagenda.timeline import Placed
from tfagenda.windows import (
    Interval,
    Window,
    covered,
    inside,
    merged,
    nearest_fit,
    overlapping,
    spoken,
    subtract,
)

# Before the first and after the last minute any segment of a day (or an overnight slot) can use.
_ALWAYS: list[Interval] = [(-MINUTES_PER_DAY, 3 * MINUTES_PER_DAY)]


def _windows(windows: Sequence[Window | None]) -> list[Window]:
    return [window for window in windows if window is not None]


def _free(
    allowed: Sequence[Window | None], blocked: Sequence[Window | None], date: dt.date | None
) -> tuple[list[Interval], list[Interval], list[Interval]] | None:
    """(free, allowed, blocked) stretches of the day: the allowed windows (all day when none are
    given) without the blocked ones. None when the day has no date and the windows all do."""
    allowed_windows, blocked_windows = _windows(allowed), _windows(blocked)
    allowed_spans = covered(allowed_windows, date) if allowed_windows else _ALWAYS
    blocked_spans = covered(blocked_windows, date) if blocked_windows else []
    if allowed_spans is None or blocked_spans is None:
        return None
    return subtract(allowed_spans, blocked_spans), allowed_spans, blocked_spans


def _why(
    placed: Placed, allowed_given: bool, allowed: list[Interval], blocked: list[Interval]
) -> tuple[str, str]:
    """What is in the way: ``("blocked", windows)`` (the blocked windows the segment overlaps),
    ``("outside", windows)`` (the allowed windows of the segment's calendar day) or ``("none", "")``."""
    start, end = placed.start, placed.end
    assert start is not None and end is not None
    in_the_way = overlapping(start, end, blocked)
    if in_the_way:
        return "blocked", spoken(in_the_way)
    midnight = (start // MINUTES_PER_DAY) * MINUTES_PER_DAY
    day = overlapping(midnight, midnight + MINUTES_PER_DAY, allowed) if allowed_given else []
    if day:
        return "outside", spoken(day)
    return "none", ""


def _advice(placed: Placed, free: list[Interval], person: bool) -> Message:
    """The nearest placement of the segment's length in ``free``: inside the slot if it can, else that day."""
    start, end = placed.start, placed.end
    assert start is not None and end is not None
    length = end - start
    slot = placed.track.day.slot
    bounds = [(slot.start, slot.end)] if slot is not None else []
    bounds.append((0, max(MINUTES_PER_DAY, slot.end if slot is not None else 0)))
    for low, high in bounds:
        fit = nearest_fit(start, length, free, (low, high))
        if fit is not None:
            window = spoken([fit])
            if person:
                return T(
                    "the nearest time they are free for its {minutes} is {window}",
                    minutes=minutes(length),
                    window=window,
                )
            return T(
                "the nearest time the room is open for its {minutes} is {window}",
                minutes=minutes(length),
                window=window,
            )
    return T("no time that day fits its {minutes}", minutes=minutes(length))


def _usable(placed: Placed) -> bool:
    return placed.known and not placed.uncertain and bool(placed.duration)


@rule("O006", "owner-unavailable", Severity.ERROR)
def owner_unavailable(ctx: Context) -> Iterable[Problem]:
    """A segment's owner is not available then.

    A person in `people` (or in the shared registry, docs/people.md) may say when they can be
    booked: `available:` (only then) and `unavailable:` (never then), each a window or a list of
    windows: `"13:00-18:00"` (every day), `"2026-03-12 09:00-12:00"` (that date) or
    `"2026-03-12"` (that whole date). A segment they own must lie inside their available time and
    outside their unavailable time. The finding names the window in the way and suggests the
    nearest time they are free for the segment's length: available, and in none of their other
    segments of the file (inside the slot when it can). A day without a date is checked against
    the windows without one.

    ## Example
    ```yaml
    people:
      kim: {name: 김민지, available: ["2026-03-12 09:00-12:00", "13:00-18:00"]}
    date: 2026-03-12
    segments:
      - {title: 기조 발표, start: "12:00", duration: 30, owner: kim}
    ```

    ## Fix
    Move the segment into a window when they are free (here 11:30–12:00), give it
    another owner, or correct the availability.
    """
    agenda = ctx.agenda
    if agenda is None:
        return
    people, names = people_and_names(ctx)
    if not any(person is not None and person.has_availability for person in people.values()):
        return
    segments = [placed for placed in ctx.resolved.segments() if placed.segment.owner and _usable(placed)]
    # Each person's segments per day, so that the suggested time is one they are not booked in either
    booked: dict[tuple[str, Hashable], list[Placed]] = defaultdict(list)
    for placed in segments:
        for owner in placed.segment.owner:
            booked[(names.get(owner, owner), day_key(placed))].append(placed)
    frees: dict[
        tuple[str | None, dt.date | None], tuple[list[Interval], list[Interval], list[Interval]] | None
    ] = {}
    for placed in segments:
        owners = placed.segment.owner
        for index, owner in enumerate(owners):
            person_id = names.get(owner)
            person = people.get(person_id) if person_id is not None else None
            if person is None or not person.has_availability:
                continue
            date = placed.track.day.date
            if (person_id, date) not in frees:  # a person's day is worked out once, not per segment
                frees[(person_id, date)] = _free(person.available, person.unavailable, date)
            found = frees[(person_id, date)]
            if found is None:
                continue
            free, allowed, blocked = found
            if inside(placed.start, placed.end, free):  # type: ignore[arg-type]
                continue
            assert person_id is not None
            others = [
                (other.start, other.end)
                for other in booked[(person_id, day_key(placed))]
                if not _related(other, placed)
            ]
            unbooked = subtract(free, merged(others))  # type: ignore[arg-type]
            written = ctx.raw(placed.path + ("owner",))
            at = placed.path + ("owner",) + ((index,) if isinstance(written, list) else ())
            yield _unavailable(ctx, placed, person_id, person, unbooked, allowed, blocked, at)


def _related(one: Placed, other: Placed) -> bool:
    """Whether one segment is the other, or a part (at any depth) of it, or the other way round."""
    return any(item is other for item in one.walk()) or any(item is one for item in other.walk())


def _unavailable(
    ctx: Context,
    placed: Placed,
    person_id: str,
    person: Person,
    free: list[Interval],
    allowed: list[Interval],
    blocked: list[Interval],
    at: DocPath,
) -> Problem:
    who = f"{person.name} ({person_id})" if person.name and person.name != person_id else person_id
    how, windows = _why(placed, bool(_windows(person.available)), allowed, blocked)
    booking = describe_booking(placed)
    advice = _advice(placed, free, person=True)
    if how == "blocked":
        message = T(
            "{person} is unavailable {windows}, during {title!r} ({booking}); {advice}",
            person=who,
            windows=windows,
            title=placed.title,
            booking=booking,
            advice=advice,
        )
    elif how == "outside":
        message = T(
            "{person} is available only {windows} that day, not during {title!r} ({booking}); {advice}",
            person=who,
            windows=windows,
            title=placed.title,
            booking=booking,
            advice=advice,
        )
    else:
        message = T(
            "{person} is not available on the day of {title!r} ({booking}); {advice}",
            person=who,
            title=placed.title,
            booking=booking,
            advice=advice,
        )
    return Problem("O006", at, message, related=_where_defined(ctx, person_id))


def _where_defined(ctx: Context, person_id: str) -> tuple[Related, ...]:
    """Where the person's availability is written: the file's own entry, else the registry's."""
    agenda = ctx.agenda
    own = (agenda.people or {}).get(person_id) if agenda is not None else None
    fields = ("available", "unavailable")
    if own is not None and any(name in own.model_fields_set for name in fields):
        name = next(name for name in fields if name in own.model_fields_set)
        span = ctx.loaded.document.span_of(("people", person_id, name))
        return (Related(ctx.loaded.path, span.line, span.column, f"{person_id}: {name}"),)
    registry = ctx.registry
    if registry is not None and person_id in registry.lines:
        line, column = registry.lines[person_id]
        return (Related(registry.path, line, column, person_id),)
    return ()


@rule("F004", "room-closed", Severity.ERROR)
def room_closed(ctx: Context) -> Iterable[Problem]:
    """A segment is in a room (track) while the room is closed.

    A track may say when its room can be used: `open:` (only then) and `closed:` (never then),
    each a window or a list of windows, written as for people's availability: `"09:00-18:00"`
    (every day), `"2026-03-10 13:00-18:00"` (that date) or `"2026-03-10"` (that whole date). Every
    segment of the track must lie inside the open time and outside the closed time; breaks
    (`kind: break`) are not checked. The finding names the window in the way and suggests the
    nearest time the room is open for the segment's length (inside the slot when it can).

    ## Example
    ```yaml
    days:
      - date: 2026-03-10
        slot: "09:00-19:00"
        tracks:
          - name: Room A
            open: "09:00-18:00"
            segments:
              - {title: Evening workshop, start: "17:30", duration: 60, owner: park}
    ```

    ## Fix
    Move the segment into the open hours (here 17:00–18:00), to another room, or correct the
    room's hours.
    """
    for day in ctx.resolved.days:
        tracks = day.day.tracks
        if not tracks:
            continue
        for line in day.tracks:
            track = tracks[line.path[-1]] if isinstance(line.path[-1], int) else None
            if not isinstance(track, Track) or not (track.open or track.closed):
                continue
            found = _free(track.open, track.closed, day.date)
            if found is None:
                continue
            free, allowed, blocked = found
            for placed in line.segments:
                if placed.segment.is_break or not _usable(placed):
                    continue
                if inside(placed.start, placed.end, free):  # type: ignore[arg-type]
                    continue
                yield _closed(placed, track, free, allowed, blocked)


def _closed(
    placed: Placed, track: Track, free: list[Interval], allowed: list[Interval], blocked: list[Interval]
) -> Problem:
    how, windows = _why(placed, bool(_windows(track.open)), allowed, blocked)
    booking = _describe(placed.track.day.date, None, placed.start, placed.end)  # type: ignore[arg-type]
    advice = _advice(placed, free, person=False)
    if how == "blocked":
        message = T(
            "{title!r} ({booking}) is in {room} while it is closed ({windows}); {advice}",
            title=placed.title,
            booking=booking,
            room=track.name,
            windows=windows,
            advice=advice,
        )
    elif how == "outside":
        message = T(
            "{title!r} ({booking}) is in {room} outside its opening hours ({windows}); {advice}",
            title=placed.title,
            booking=booking,
            room=track.name,
            windows=windows,
            advice=advice,
        )
    else:
        message = T(
            "{title!r} ({booking}) is in {room}, which is not open that day; {advice}",
            title=placed.title,
            booking=booking,
            room=track.name,
            advice=advice,
        )
    return Problem("F004", placed.time_anchor("start", "end", "duration"), message)
