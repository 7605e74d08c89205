"""Rules about the order of sibling segments (S001–S003)."""

from __future__ import annotations

from typing import Iterable, Iterator

from tfagenda.clock import format_time, minutes_phrase
from tfagenda.findings import Problem, Severity
from tfagenda.rules.base import Context, rule
from tfagenda.timeline import Placed


def _pairs(ctx: Context, top_level_only: bool = False) -> Iterator[tuple[Placed, Placed]]:
    """Consecutive siblings whose times are both known and not a guess."""
    for run, parent in ctx.timeline.sequences():
        if top_level_only and parent is not None:
            continue
        for before, after in zip(run, run[1:]):
            if before.known and after.known and not (before.uncertain or after.uncertain):
                yield before, after


@rule("S001", "overlap", Severity.ERROR)
def overlap(ctx: Context) -> Iterable[Problem]:
    """A segment starts before the previous one (in the same track) ends.

    Segments in different tracks (rooms) may run at the same time; within a track, one thing
    happens at a time. Parts of a segment are checked the same way.

    ## Example
    ```yaml
    - {title: Keynote, start: "09:00", end: "10:00"}
    - {title: Coffee, start: "09:50", end: "10:10"}
    ```

    ## Fix
    Start the second segment at the first one's end (10:00), or shorten the first.
    """
    for before, after in _pairs(ctx):
        if before.start <= after.start < before.end:  # type: ignore[operator]
            overlap = before.end - after.start  # type: ignore[operator]
            yield Problem(
                "S001",
                after.time_anchor("start", "end", "duration"),
                f"{after.title!r} starts at {format_time(after.start)}, {minutes_phrase(overlap)} before "  # type: ignore[arg-type]
                f"{before.title!r} ends at {format_time(before.end)}; start it at {format_time(before.end)} "  # type: ignore[arg-type]
                f"or end {before.title!r} at {format_time(after.start)}",  # type: ignore[arg-type]
            )


@rule("S002", "gap", Severity.WARNING)
def gap(ctx: Context) -> Iterable[Problem]:
    """Time between two segments that no segment covers.

    Only top-level segments are checked; uncovered time inside a segment's parts is P001. A
    planned pause is best written as a segment with `kind: break`.

    ## Example
    ```yaml
    - {title: Review, start: "10:00", end: "10:30"}
    - {title: Planning, start: "10:45", end: "11:30"}
    ```

    ## Fix
    ```yaml
    - {title: Review, start: "10:00", end: "10:30"}
    - {title: Break, start: "10:30", end: "10:45", kind: break}
    - {title: Planning, start: "10:45", end: "11:30"}
    ```
    """
    for before, after in _pairs(ctx, top_level_only=True):
        if after.start > before.end:  # type: ignore[operator]
            length = after.start - before.end  # type: ignore[operator]
            yield Problem(
                "S002",
                after.time_anchor("start", "end", "duration"),
                f"{format_time(before.end)}–{format_time(after.start)} ({minutes_phrase(length)}) between "  # type: ignore[arg-type]
                f"{before.title!r} and {after.title!r} is not covered by any segment; "
                f"start {after.title!r} at {format_time(before.end)} or add a break",  # type: ignore[arg-type]
            )


@rule("S003", "out-of-order", Severity.WARNING)
def out_of_order(ctx: Context) -> Iterable[Problem]:
    """Segments are not listed in time order.

    ## Why
    People read an agenda top to bottom; a row listed after a later one is easy to miss.

    ## Example
    ```yaml
    - {title: Lunch, start: "12:00", end: "13:00"}
    - {title: Keynote, start: "09:00", end: "10:00"}
    ```

    ## Fix
    List the segments in the order they happen.
    """
    for before, after in _pairs(ctx):
        if after.start < before.start:  # type: ignore[operator]
            yield Problem(
                "S003",
                after.time_anchor("start", "end", "duration"),
                f"{after.title!r} at {format_time(after.start)} is listed after {before.title!r} at "  # type: ignore[arg-type]
                f"{format_time(before.start)}; list segments in time order",  # type: ignore[arg-type]
            )
