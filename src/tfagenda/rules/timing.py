"""Rules about one segment's own times (T001–T004)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from tfagenda.clock import format_time, respell_duration
from tfagenda.findings import Applicability, Edit, Fix, Problem, Severity, Span
from tfagenda.messages import Message, T, plural
from tfagenda.rules.base import Context, rule
from tfagenda.timeline import Conflict, Placed
from tfagenda.yamldoc.document import Document

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
    for placed in ctx.resolved.segments():
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
    for placed in ctx.resolved.segments():
        if placed.conflict and placed.conflict.code == "T002":
            yield _conflict_problem(ctx, placed, placed.conflict)


@rule("T003", "underspecified", Severity.ERROR)
def underspecified(ctx: Context) -> Iterable[Problem]:
    """A segment's start or end cannot be determined.

    Any two of start, end and duration determine a segment; a missing start is the previous
    segment's end (the slot's start for the first). A segment with only a start ends where the
    next one starts (the last one at the slot's end, the last part at its parent's end), so an
    agenda of start times alone is complete when it has a slot. A segment with parts and no
    duration lasts as long as its parts. Segments after an undetermined one that have no start of
    their own cannot be placed either; they are not reported again. The message says what is
    missing: the slot (for the last segment), the next segment's start, or an end that is after
    the start.

    ## Example
    ```yaml
    - {title: Opening, start: "09:00"}
    - {title: Keynote, duration: 45}
    ```
    `'Opening': its end cannot be determined: the next segment has no start of its own; give this
    one an end or a duration, or the next one a start`

    ## Fix
    ```yaml
    - {title: Opening, start: "09:00", duration: 10}
    - {title: Keynote, duration: 45}
    ```
    or give "Keynote" a start (`start: "09:10"`): "Opening" then ends at 09:10.
    """
    for placed in ctx.resolved.segments():
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
    for placed in ctx.resolved.segments():
        if placed.known and placed.duration == 0 and placed.conflict is None:
            at = placed.time_anchor("duration", "end", "start")
            yield Problem(
                "T004",
                at,
                T(
                    "{title!r} lasts 0 minutes ({time}); give it its real length",
                    title=placed.title,
                    time=format_time(placed.start),  # type: ignore[arg-type]
                ),
            )


@rule("T005", "implicit-end", Severity.WARNING, fix=Applicability.UNSAFE, opt_in=True)
def implicit_end(ctx: Context) -> Iterable[Problem]:
    """A segment gives only its start; its end is the next segment's start (opt-in).

    An agenda of start times alone is complete (T003 says when it is not), so tfagenda reports
    nothing about it by default. A team that wants every end written selects this rule by its
    code or name (`--extend-select T005`, or `extend-select = ["T005"]` in the config; a prefix or
    `ALL` does not select it): each start-only segment is reported with the end tfagenda infers,
    and `--fix --unsafe-fixes` writes that end into the YAML file, after the start, in the
    mapping's own style. The fix is unsafe because it turns an inference into a fact: moving the
    next segment later no longer moves this one's end. Imported files (text, Markdown, schedules,
    office documents) get the finding without an edit.

    ## Example
    ```yaml
    slot: "10:00-11:30"
    segments:
      - {start: "10:00", title: 개회}
      - {start: "10:10", title: 안건 심의}
    ```
    `'개회' gives no end: it ends at 10:10, where the next segment starts`

    ## Fix (unsafe)
    ```yaml
      - {start: "10:00", end: "10:10", title: 개회}
    ```
    """
    for placed in ctx.resolved.segments():
        segment = placed.segment
        only_start = segment.given("start") and not segment.given("end") and not segment.given("duration")
        if not only_start or placed.end is None or placed.conflict is not None or placed.uncertain:
            continue
        end = format_time(placed.end)
        siblings = placed.parent.parts if placed.parent else placed.track.segments
        if placed.parts and not placed.parts[-1].inferred_end:
            where = T("where its last part ends")
        elif placed is not siblings[-1]:
            where = T("where the next segment starts")
        elif placed.parent is not None:
            where = T("where its parent segment ends")
        else:
            where = T("where the slot ends")
        message = T(
            "{title!r} gives no end: it ends at {end}, {where}", title=placed.title, end=end, where=where
        )
        edit = _end_insertion(ctx.loaded.document, placed, end)
        fix = (
            Fix(T("write end: {value}", value=end), Applicability.UNSAFE, end, edits=(edit,))
            if edit is not None
            else None
        )
        at = placed.time_anchor("start")
        yield Problem("T005", at, message, fix)


# What may come before a flow mapping's '{': an anchor, a tag, spaces, line breaks and comments.
_FLOW_MAPPING = re.compile(r"(?:\s+|&[^\s{}\[\],]+|![^\s{}\[\],]*|#[^\n]*)*\{")


def _text_between(lines: list[str], first: Span, last: Span) -> str:
    """The document's text from ``first``'s start to ``last``'s start."""
    if first.line == last.line:
        return lines[first.line - 1][first.column - 1 : last.column - 1]
    middle = lines[first.line : last.line - 1]
    return "\n".join(
        [lines[first.line - 1][first.column - 1 :], *middle, lines[last.line - 1][: last.column - 1]]
    )


def _end_insertion(document: Document, placed: Placed, end: str) -> Edit | None:
    """The edit that writes ``end: "HH:MM"`` after the segment's start, in the mapping's style: after
    the start's line (and any comment on it) in a block mapping, after the start's value in a flow
    mapping. None when the document is not a YAML file written by hand."""
    if document.from_office_document or document.written_as != "yaml":
        return None
    start = document.nodes.get(placed.path + ("start",))
    mapping = document.nodes.get(placed.path)
    if start is None or start.key is None or mapping is None:
        return None
    lines = document.lines
    value = start.span
    if _FLOW_MAPPING.match(_text_between(lines, mapping.span, start.key)):
        at = Span(value.end_line, value.end_column, value.end_line, value.end_column)
        return Edit(at, f', end: "{end}"')
    line = lines[value.end_line - 1]
    at = Span(value.end_line, len(line) + 1, value.end_line, len(line) + 1)
    newline = "\r\n" if "\r\n" in document.text else "\n"
    return Edit(at, f'{newline}{" " * (start.key.column - 1)}end: "{end}"')
