"""Rules about the fit of the segments to the meeting's slot (F001–F003)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from tfagenda.clock import format_time
from tfagenda.findings import Applicability, Fix, Problem, Severity
from tfagenda.messages import T, plural
from tfagenda.rules.base import Context, rule
from tfagenda.timeline import Placed, TrackLine


def _slotted(ctx: Context) -> Iterator[tuple[TrackLine, Placed]]:
    for track in ctx.resolved.tracks():
        if track.day.slot is None:
            continue
        for placed in track.segments:
            if placed.known and not placed.uncertain:
                yield track, placed


@rule("F001", "before-slot", Severity.ERROR)
def before_slot(ctx: Context) -> Iterable[Problem]:
    """A segment starts before the meeting's slot starts.

    ## Example
    ```yaml
    slot: "16:30-18:00"
    segments:
      - {title: Welcome, start: "16:20", duration: 10}
    ```

    ## Fix
    Start the segment at the slot's start, or move the slot.
    """
    for track, placed in _slotted(ctx):
        slot = track.day.slot
        if placed.start < slot.start:  # type: ignore[operator, union-attr]
            early = slot.start - placed.start  # type: ignore[operator, union-attr]
            yield Problem(
                "F001",
                placed.time_anchor("start", "end", "duration"),
                T(
                    "{title!r} starts at {start}, {early} before the slot {slot} starts",
                    title=placed.title,
                    start=format_time(placed.start),  # type: ignore[arg-type]
                    early=ctx.minutes(early),
                    slot=slot,
                ),
            )


@rule("F002", "after-slot", Severity.ERROR)
def after_slot(ctx: Context) -> Iterable[Problem]:
    """A segment ends after the meeting's slot ends.

    ## Example
    ```yaml
    slot: "16:30-18:00"
    segments:
      - {title: Discussion, start: "17:40", duration: 30}
    ```

    ## Fix
    Shorten the segment (or those before it), or extend the slot. The finding carries advice
    (display-only): `tfagenda retime FILE --fit` shows the overrun of each track, and
    `tfagenda retime FILE --pack` lays the segments out again once the durations are shortened.
    """
    advice = Fix(
        T("see the overrun per track: tfagenda retime {file} --fit", file=ctx.loaded.path),
        Applicability.DISPLAY_ONLY,
    )
    for track, placed in _slotted(ctx):
        slot = track.day.slot
        if placed.end > slot.end:  # type: ignore[operator, union-attr]
            late = placed.end - slot.end  # type: ignore[operator, union-attr]
            yield Problem(
                "F002",
                placed.time_anchor("end", "duration", "start"),
                T(
                    "{title!r} ends at {end}, {late} after the slot {slot} ends",
                    title=placed.title,
                    end=format_time(placed.end),  # type: ignore[arg-type]
                    late=ctx.minutes(late),
                    slot=slot,
                ),
                fix=advice,
            )


@rule("F003", "slot-total", Severity.WARNING)
def slot_total(ctx: Context) -> Iterable[Problem]:
    """The top-level segments' durations do not add up to the slot's length.

    Checked for a meeting (or a day) without tracks, when no gap, overlap or out-of-slot finding
    already explains the difference: what remains is unplanned time at the start or end of the
    slot. Rooms of a multi-track event may fall quiet before the day ends, so tracks are not
    checked. The policy `slot-tolerance` (minutes) allows a small difference.

    ## Example
    ```yaml
    slot: "16:30-18:00"
    segments:
      - {title: Opening, duration: 5}
      - {title: Reports, duration: 60}
    ```
    `the segments add up to 65 minutes, the slot 16:30–18:00 is 90 minutes: 17:35–18:00 is not planned`

    ## Fix
    Plan the remaining time (e.g. a discussion) or shorten the slot.
    """
    for track in ctx.resolved.tracks():
        slot = track.day.slot
        run = track.segments
        if (
            slot is None
            or track.name is not None
            or not run
            or not all(p.known and not p.uncertain for p in run)
        ):
            continue
        run = sorted(run, key=lambda p: p.start or 0)  # listed out of order is S003's
        total = sum(p.duration for p in run)  # type: ignore[misc]
        if abs(total - slot.length) <= ctx.policy.slot_tolerance or _explained(run, slot.start, slot.end):
            continue
        unplanned = []
        if run[0].start > slot.start:  # type: ignore[operator]
            unplanned.append(f"{format_time(slot.start)}–{format_time(run[0].start)}")  # type: ignore[arg-type]
        if run[-1].end < slot.end:  # type: ignore[operator]
            unplanned.append(f"{format_time(run[-1].end)}–{format_time(slot.end)}")  # type: ignore[arg-type]
        where = tuple(unplanned)  # said as "A and B" / "A 및 B"
        tail = (
            plural(
                len(unplanned),
                T(": {where} is not planned", where=where),
                T(": {where} are not planned", where=where),
            )
            if unplanned
            else ""
        )
        yield Problem(
            "F003",
            track.day.path + ("slot",) if track.day.slot else track.path,
            T(
                "the segments add up to {total}, the slot {slot} is {length}{tail}",
                total=ctx.minutes(total),
                slot=slot,
                length=ctx.minutes(slot.length),
                tail=tail,
            ),
        )


def _explained(run: list[Placed], start: int, end: int) -> bool:
    """Whether a gap, overlap or out-of-slot segment already accounts for the difference."""
    if run[0].start < start or run[-1].end > end:  # type: ignore[operator]
        return True
    return any(a.end != b.start for a, b in zip(run, run[1:]))
