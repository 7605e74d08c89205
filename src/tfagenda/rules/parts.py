"""Rules about a segment's nested parts (P001–P002)."""

from __future__ import annotations

from collections.abc import Iterable

from tfagenda.clock import format_time
from tfagenda.findings import Problem, Severity
from tfagenda.messages import T
from tfagenda.rules.base import Context, rule
from tfagenda.timeline import Placed


@rule("P001", "parts-total", Severity.ERROR)
def parts_total(ctx: Context) -> Iterable[Problem]:
    """A segment's parts do not add up to its duration.

    Checked when the segment's own length is given (by its duration, or its start and end);
    a segment with parts and no length of its own lasts as long as its parts. Not reported when
    parts that overlap (S001) or run outside their parent (P002) already explain the difference.

    ## Example
    ```yaml
    - title: Reports
      duration: 60
      parts:
        - {title: Welfare, duration: 20}
        - {title: Care, duration: 20}
    ```
    `the parts of 'Reports' add up to 40 minutes, but it lasts 60 minutes (20 minutes unplanned)`

    ## Fix
    Add the missing part, or correct the durations.
    """
    for placed in ctx.timeline.segments():
        seg = placed.segment
        own_length = seg.given("duration") or (seg.given("end") and placed.known)
        if not placed.parts or not own_length or not placed.known or placed.uncertain:
            continue
        if not all(p.known and not p.uncertain for p in placed.parts):
            continue
        total = sum(p.duration for p in placed.parts)  # type: ignore[misc]
        if total == placed.duration or _explained(placed):
            continue
        difference = placed.duration - total  # type: ignore[operator]
        if difference > 0:
            remark = T("{minutes} unplanned", minutes=ctx.minutes(difference))
        else:
            remark = T("{minutes} too many", minutes=ctx.minutes(-difference))
        yield Problem(
            "P001",
            placed.time_anchor("duration", "end"),
            T(
                "the parts of {title!r} add up to {total}, but it lasts {duration} ({remark})",
                title=placed.title,
                total=ctx.minutes(total),
                duration=ctx.minutes(placed.duration),
                remark=remark,
            ),  # type: ignore[arg-type]
        )


def _explained(placed: Placed) -> bool:
    """Whether an overlap of parts (S001) or a part outside its parent (P002) already accounts for the difference."""
    parts = sorted(placed.parts, key=lambda p: p.start)  # type: ignore[arg-type, return-value]
    if parts[0].start < placed.start or max(p.end for p in parts) > placed.end:  # type: ignore[operator, type-var]
        return True
    return any(b.start < a.end for a, b in zip(parts, parts[1:]))  # type: ignore[operator]


@rule("P002", "part-outside", Severity.ERROR)
def part_outside(ctx: Context) -> Iterable[Problem]:
    """A part starts before its parent segment starts or ends after it ends.

    ## Example
    ```yaml
    - title: Reports
      start: "16:35"
      duration: 60
      parts:
        - {title: Welfare, start: "16:30", duration: 20}
    ```

    ## Fix
    Move the part inside its parent's time (16:35–17:35 here).
    """
    for placed in ctx.timeline.segments():
        parent = placed.parent
        if parent is None or not (placed.known and parent.known) or placed.uncertain or parent.uncertain:
            continue
        span = f"{format_time(parent.start)}–{format_time(parent.end)}"  # type: ignore[arg-type]
        if placed.start < parent.start:  # type: ignore[operator]
            yield Problem(
                "P002",
                placed.time_anchor("start", "end", "duration"),
                T(
                    "part {title!r} starts at {start}, before {parent!r} ({span}) starts",
                    title=placed.title,
                    start=format_time(placed.start),
                    parent=parent.title,
                    span=span,
                ),  # type: ignore[arg-type]
            )
        elif placed.end > parent.end:  # type: ignore[operator]
            yield Problem(
                "P002",
                placed.time_anchor("end", "duration", "start"),
                T(
                    "part {title!r} ends at {end}, after {parent!r} ({span}) ends",
                    title=placed.title,
                    end=format_time(placed.end),
                    parent=parent.title,
                    span=span,
                ),  # type: ignore[arg-type]
            )
