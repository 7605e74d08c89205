"""Rules about one segment's own times (T001–T004)."""

from __future__ import annotations

from collections.abc import Iterable

from tfagenda.clock import format_time, respell_duration
from tfagenda.findings import Applicability, Fix, Problem, Severity
from tfagenda.messages import Message, T, plural
from tfagenda.rules.base import Context, rule
from tfagenda.timeline import Conflict, Placed

_SET = {
    "start": lambda value: T("set start to {value}", value=value),
    "end": lambda value: T("set end to {value}", value=value),
    "duration": lambda value: T("set duration to {value}", value=value),
}


def _conflict_problem(ctx: Context, placed: Placed, conflict: Conflict) -> Problem:
    repair = conflict.repair
    if repair is None:
        at = placed.time_anchor("end", "duration", "start")
        return Problem(conflict.code, at, conflict.message)
    at = placed.path + (repair.field,)
    if repair.field == "duration":
        value = respell_duration(ctx.raw(at), repair.value)
    else:
        value = format_time(repair.value)
    applicability = Applicability.SAFE if conflict.safe else Applicability.UNSAFE
    fix = Fix(_SET[repair.field](value), applicability, value, target=at)
    message = conflict.message
    return Problem(conflict.code, at if placed.segment.given(repair.field) else placed.path, message, fix)


@rule("T001", "end-before-start", Severity.ERROR, fix=Applicability.SAFE)
def end_before_start(ctx: Context) -> Iterable[Problem]:
    """A segment ends before it starts.

    tfagenda looks for the one repair that agrees with the segment's neighbours (the previous
    segment's end, the next segment's start, the slot): setting the end from start + duration,
    the duration from end − start, or the start from end − duration. The finding names that
    repair, and the other checks use the repaired times, so one typo gives one finding. The fix is
    safe when the repair agrees with every neighbour, unsafe when it is only the best of several.

    ## Example
    The agenda printed in the Ministry of Health and Welfare's press release of 2026-02-26:
    ```yaml
    slot: "16:30-18:00"
    segments:
      - {start: "16:30", end: "16:05", duration: 5, title: 참석자 소개 및 인사말}
      - {start: "16:35", end: "17:35", duration: 60, title: 추진과제 발표}
    ```
    `end 16:05 is before start 16:30; the 5-minute duration and the next segment's start both say 16:35`

    ## Fix (safe)
    ```yaml
      - {start: "16:30", end: "16:35", duration: 5, title: 참석자 소개 및 인사말}
    ```
    """
    for placed in ctx.timeline.segments():
        if placed.conflict and placed.conflict.code == "T001":
            yield _conflict_problem(ctx, placed, placed.conflict)


@rule("T002", "duration-mismatch", Severity.ERROR, fix=Applicability.SAFE)
def duration_mismatch(ctx: Context) -> Iterable[Problem]:
    """A segment's start, end and duration disagree.

    As for T001, the finding names the repair that agrees with the neighbours and the slot, and
    lists the candidates when none is clearly best.

    ## Example
    ```yaml
    - {start: "10:00", end: "10:30", duration: 20, title: Review}
    - {start: "10:30", duration: 15, title: Planning}
    ```
    `start 10:00, end 10:30 and duration 20 disagree (10:00–10:30 is 30 minutes); the previous
    segment's end and the next segment's start agree with 10:00–10:30: duration 30 minutes`

    ## Fix (safe)
    ```yaml
    - {start: "10:00", end: "10:30", duration: 30, title: Review}
    ```
    """
    for placed in ctx.timeline.segments():
        if placed.conflict and placed.conflict.code == "T002":
            yield _conflict_problem(ctx, placed, placed.conflict)


@rule("T003", "underspecified", Severity.ERROR)
def underspecified(ctx: Context) -> Iterable[Problem]:
    """A segment's start or end cannot be determined.

    Any two of start, end and duration determine a segment; a missing start is the previous
    segment's end (the slot's start for the first). A segment with parts and no duration lasts
    as long as its parts. Segments after an undetermined one that have no start of their own
    cannot be placed either; they are not reported again.

    ## Example
    ```yaml
    - {title: Opening, start: "09:00"}
    - {title: Keynote, duration: 45}
    ```

    ## Fix
    ```yaml
    - {title: Opening, start: "09:00", duration: 10}
    - {title: Keynote, duration: 45}
    ```
    """
    for placed in ctx.timeline.segments():
        if placed.underspecified and not placed.damaged and not _slot_set_aside(ctx, placed):
            following = _unplaced_after(placed)
            tail = following or ""
            message = T(
                "{title!r}: {reason}{tail}", title=placed.title, reason=placed.underspecified, tail=tail
            )
            yield Problem("T003", placed.path, message)


def _slot_set_aside(ctx: Context, placed: Placed) -> bool:
    """Whether the segment starts at its day's slot, which could not be read (E004 already said so)."""
    return (
        placed.parent is None
        and placed.start is None
        and ctx.loaded.is_damaged(placed.track.day.path + ("slot",))
    )


def _unplaced_after(placed: Placed) -> Message | None:
    """How many siblings after ``placed`` cannot be placed either, said as the tail of T003's message."""
    siblings = placed.parent.parts if placed.parent else placed.track.segments
    after = siblings[siblings.index(placed) + 1 :]
    count = 0
    for item in after:
        if item.known:
            break
        count += 1
    if not count:
        return None
    if placed.parent:
        return plural(
            count,
            T("; 1 part after it cannot be placed either"),
            T("; {n} parts after it cannot be placed either", n=count),
        )
    return plural(
        count,
        T("; 1 segment after it cannot be placed either"),
        T("; {n} segments after it cannot be placed either", n=count),
    )


@rule("T004", "zero-length", Severity.WARNING)
def zero_length(ctx: Context) -> Iterable[Problem]:
    """A segment lasts 0 minutes.

    ## Why
    A zero-length row is usually a copied time that was never changed, or a milestone that
    belongs in a note.

    ## Example
    ```yaml
    - {title: Photo, start: "12:00", end: "12:00"}
    ```

    ## Fix
    Give it its real length, or fold it into a neighbouring segment's note.
    """
    for placed in ctx.timeline.segments():
        if placed.known and placed.duration == 0 and placed.conflict is None:
            at = placed.time_anchor("duration", "end", "start")
            yield Problem(
                "T004",
                at,
                T(
                    "{title!r} lasts 0 minutes ({time}); give it its real length",
                    title=placed.title,
                    time=format_time(placed.start),
                ),
            )  # type: ignore[arg-type]
