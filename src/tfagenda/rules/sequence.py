"""Rules about the order of sibling segments (S001–S003)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from tfagenda.clock import format_time
from tfagenda.findings import Problem, Severity
from tfagenda.messages import T
from tfagenda.rules.base import Context, rule
from tfagenda.timeline import Placed


def _runs(ctx: Context, top_level_only: bool = False, in_time_order: bool = False) -> Iterator[list[Placed]]:
    """Runs of consecutive siblings whose times are known and not a guess (one that is not ends a run).

    ``in_time_order`` sorts each run by start: a segment listed out of order is S003's, and must not
    also open a gap (S002) or hide an overlap (S001) between the rows it was listed between.
    """
    for run, parent in ctx.timeline.sequences():
        if top_level_only and parent is not None:
            continue
        chunk: list[Placed] = []
        for placed in [*run, None]:
            if placed is not None and placed.known and not placed.uncertain:
                chunk.append(placed)
                continue
            if len(chunk) > 1:
                yield sorted(chunk, key=lambda p: p.start) if in_time_order else chunk  # type: ignore[arg-type, return-value]
            chunk = []


def _pairs(
    ctx: Context, top_level_only: bool = False, in_time_order: bool = False
) -> Iterator[tuple[Placed, Placed]]:
    """Consecutive siblings whose times are both known and not a guess."""
    for run in _runs(ctx, top_level_only, in_time_order):
        yield from zip(run, run[1:])


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
    for before, after in _pairs(ctx, in_time_order=True):
        if before.start <= after.start < before.end:  # type: ignore[operator]
            overlap = before.end - after.start  # type: ignore[operator]
            yield Problem(
                "S001",
                after.time_anchor("start", "end", "duration"),
                T(
                    "{after!r} starts at {after_start}, {overlap} before {before!r} ends at {before_end}; start it at {before_end} or end {before!r} at {after_start}",
                    after=after.title,
                    after_start=format_time(after.start),  # type: ignore[arg-type]
                    overlap=ctx.minutes(overlap),
                    before=before.title,
                    before_end=format_time(before.end),  # type: ignore[arg-type]
                ),
            )


@rule("S002", "gap", Severity.WARNING)
def gap(ctx: Context) -> Iterable[Problem]:
    """Time between two segments that no segment covers.

    Only top-level segments are checked; uncovered time inside a segment's parts is P001. A
    planned pause is best written as a segment with `kind: break`. The policy `gap-tolerance`
    (minutes, in the config or in the agenda's `policy:`) allows short gaps; `null` allows any
    gap, as a conference schedule with changeover time between talks needs.

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
    for run in _runs(ctx, top_level_only=True, in_time_order=True):
        before = run[0]  # of the segments so far, the one that ends last
        for after in run[1:]:
            length = after.start - before.end  # type: ignore[operator]
            if length <= 0:
                if after.end > before.end:  # type: ignore[operator]
                    before = after
                continue
            if ctx.policy.allows_gap(length):
                before = after
                continue
            yield Problem(
                "S002",
                after.time_anchor("start", "end", "duration"),
                T(
                    "{gap_start}–{gap_end} ({length}) between {before!r} and {after!r} is not covered by any segment; start {after!r} at {gap_start} or add a break",
                    gap_start=format_time(before.end),  # type: ignore[arg-type]
                    gap_end=format_time(after.start),  # type: ignore[arg-type]
                    length=ctx.minutes(length),
                    before=before.title,
                    after=after.title,
                ),
            )
            before = after


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
                T(
                    "{after!r} at {after_start} is listed after {before!r} at {before_start}; list segments in time order",
                    after=after.title,
                    after_start=format_time(after.start),  # type: ignore[arg-type]
                    before=before.title,
                    before_start=format_time(before.start),  # type: ignore[arg-type]
                ),
            )
