"""Retiming an agenda, as event tools reschedule (Indico's rescheduler, Ontime's linked starts).

* **shift**: move one segment and every segment after it (in its track) by some minutes;
* **pack**: lay segments one after another from the slot's start, keeping their durations, with
  an optional gap between them;
* **fit**: report how the segments fit the slot (the overrun, or the spare minutes); nothing changes.

Times come from the resolved timeline (a missing start is the previous end), and the new times are
written the way the file writes them: a value the file gives is replaced inside its quotes, and a
segment whose implied start would no longer be right gets a ``start:`` key (inserted in the
mapping's own style, flow or block). Parts move with their segment. Times after midnight in an
overnight slot are written as clock times (``00:15``). The text is spliced, never re-dumped (see
``tfagenda.fix``), and the result is read back to check that every segment lands where planned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tfagenda.clock import Slot, format_time, parse_duration, parse_time
from tfagenda.findings import DocPath, Edit, Span
from tfagenda.fix import apply_edits
from tfagenda.load import Loaded, load_text
from tfagenda.messages import Message, T, minutes
from tfagenda.positions import LINE_BREAK
from tfagenda.timeline import Placed, Timeline, TrackLine, resolve
from tfagenda.yamldoc import Document


class RetimeError(Exception):
    """Retiming cannot be done as asked; ``message`` says why and what to do.

    ``str(error)`` says it in ``lang``: the language of the call that raised it (``retime_text``,
    ``fits``); ``error.message.say(lang)`` says it in another.
    """

    def __init__(self, message: Message, lang: str = "en") -> None:
        super().__init__(message)
        self.message = message
        self.lang = lang

    def __str__(self) -> str:
        return self.message.say(self.lang)


def parse_shift(text: str, lang: str = "en") -> int:
    """``+10m`` → 10, ``-5`` → -5, ``+1h30m`` → 90 (any duration spelling, with a sign); the
    ``ValueError`` for anything else says why in ``lang``."""
    raw = text.strip()
    sign = -1 if raw[:1] in ("-", "−") else 1
    body = raw[1:] if raw[:1] in ("+", "-", "−") else raw
    try:
        return sign * parse_duration(body.strip())
    except ValueError:
        message = T("{text!r} is not a shift; write minutes with a sign, e.g. +10m, -5m, +1h", text=text)
        raise ValueError(message.say(lang)) from None


def parse_gap(text: str, lang: str = "en") -> int:
    """``5m`` → 5; the ``ValueError`` for anything else says why in ``lang``."""
    try:
        return parse_duration(text.strip())
    except ValueError:
        raise ValueError(
            T("{text!r} is not a gap; write minutes, e.g. 5m or 5", text=text).say(lang)
        ) from None


# ---------------------------------------------------------------------------------------------
# Choosing segments


def top_level(timeline: Timeline) -> list[Placed]:
    """The top-level segments of every day and track, in file order (numbered from 1 by ``--from``)."""
    return [placed for track in timeline.tracks() for placed in track.segments]


def find_segment(timeline: Timeline, spec: str) -> Placed:
    """A top-level segment by number (1-based, in file order) or by title (exact, else a unique part of it)."""
    items = top_level(timeline)
    text = spec.strip()
    if text.isdigit():
        number = int(text)
        if not 1 <= number <= len(items):
            raise RetimeError(
                T(
                    "there is no segment {number}; the file has {count} (numbered from 1 in file order)",
                    number=number,
                    count=len(items),
                )
            )
        return items[number - 1]
    exact = [p for p in items if p.title == text]
    matches = exact or [p for p in items if text.casefold() in p.title.casefold()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise RetimeError(
            T(
                "no segment is titled {spec!r}; name it by its title or its number (1 to {count})",
                spec=spec,
                count=len(items),
            )
        )
    listed = ", ".join(
        f"{items.index(p) + 1}: {p.title}" + (f" ({p.track.name})" if p.track.name else "") for p in matches
    )
    raise RetimeError(
        T(
            "{count} segments match {spec!r} ({listed}); give the number instead",
            count=len(matches),
            spec=spec,
            listed=listed,
        )
    )


# ---------------------------------------------------------------------------------------------
# Planning new times


@dataclass
class _Writer:
    """Collects the edits that write new times into the document."""

    loaded: Loaded

    def __post_init__(self) -> None:
        self.edits: list[Edit] = []
        self.document: Document = self.loaded.document
        self.lines = self.document.lines
        self.quote = _time_quote(self.document)
        breaks = LINE_BREAK.search(self.document.text)
        self.eol = breaks.group() if breaks else "\n"

    def _text_at(self, span: Span) -> str:
        if span.line != span.end_line:
            return ""
        return self.lines[span.line - 1][span.column - 1 : span.end_column - 1]

    def replace(self, placed: Placed, at: DocPath, minutes: int, slot: Slot | None, is_start: bool) -> None:
        node = self.document.nodes[at]
        self._inside(placed, node.span, at[-1])
        old = self._text_at(node.inner)
        new = _clock(minutes, slot, is_start, placed, like=old)
        if new != old:
            self.edits.append(Edit(node.inner, new))

    def insert_start(self, placed: Placed, minutes: int, slot: Slot | None) -> None:
        """Give a segment a ``start:`` key (the file had none, and the implied start is no longer right)."""
        value = f"{self.quote}{_clock(minutes, slot, True, placed)}{self.quote}"
        cannot = T(
            "{title!r} needs a start, and retime cannot see where to write it; add start: yourself",
            title=placed.title,
        )
        self.insert_key(placed.path, f"start: {value}", cannot)

    def insert_key(self, path: DocPath, entry: str, cannot: Message) -> None:
        """Write ``entry`` (``key: value``) as the first key of the mapping at ``path``, in its style."""
        mapping = self.document.nodes.get(path)
        keys = [
            node.key
            for at, node in self.document.nodes.items()
            if len(at) == len(path) + 1 and at[:-1] == path and node.key is not None
        ]
        keys = [k for k in keys if mapping is not None and _within(k, mapping.span)]
        if mapping is None or not keys:
            raise RetimeError(cannot)
        first = min(keys, key=lambda k: (k.line, k.column))
        at = Span(first.line, first.column, first.line, first.column)
        flow = (
            self._text_at(
                Span(mapping.span.line, mapping.span.column, mapping.span.line, mapping.span.column + 1)
            )
            == "{"
        )
        if flow:
            self.edits.append(Edit(at, f"{entry}, "))
        else:
            prefix = self.lines[first.line - 1][: first.column - 1]
            indent = re.sub(
                r"[^\t]", " ", prefix
            )  # the first key's column, keeping any tab YAML allows there
            self.edits.append(Edit(at, f"{entry}{self.eol}{indent}"))

    def allow_gap(self, gap: int) -> None:
        """Declare in the file's ``policy:`` that gaps of ``gap`` minutes are planned (S002 then
        accepts them): the gaps retime adds on purpose are not findings afterwards."""
        agenda = self.loaded.agenda
        policy = agenda.policy if agenda is not None else None
        if policy is not None and "gap_tolerance" in policy.model_fields_set and policy.allows_gap(gap):
            return
        cannot = T(
            "retime cannot see where to write policy: {{gap-tolerance: {gap}}}; add it yourself",
            gap=gap,
        )
        tolerance = self.document.nodes.get(("policy", "gap-tolerance"))
        if tolerance is not None and tolerance.span.line == tolerance.span.end_line:
            self.edits.append(Edit(tolerance.inner, str(gap)))
        elif ("policy",) in self.document.nodes:
            self.insert_key(("policy",), f"gap-tolerance: {gap}", cannot)
        else:
            self.insert_key((), f"policy: {{gap-tolerance: {gap}}}", cannot)

    def _inside(self, placed: Placed, span: Span, name: object) -> None:
        mapping = self.document.nodes.get(placed.path)
        if mapping is None or not _within(span, mapping.span):
            raise RetimeError(
                T(
                    "{title!r} takes its {name} from an anchor or merge key (line {line}); "
                    "retime does not edit values other segments share",
                    title=placed.title,
                    name=name,
                    line=span.line,
                )
            )


def _within(inner: Span, outer: Span) -> bool:
    return (outer.line, outer.column) <= (inner.line, inner.column) and (
        inner.end_line,
        inner.end_column,
    ) <= (
        outer.end_line,
        outer.end_column,
    )


def _time_quote(document: Document) -> str:
    """The quote character the file uses for its times (``"`` when it has none to copy)."""
    for at, node in document.nodes.items():
        if (
            at
            and at[-1] in ("start", "end", "slot")
            and not node.plain
            and node.span.line == node.span.end_line
        ):
            char = document.lines[node.span.line - 1][node.span.column - 1 : node.span.column]
            if char in ("'", '"'):
                return char
    return '"'


def _clock(minutes: int, slot: Slot | None, is_start: bool, placed: Placed, like: str = "") -> str:
    """``minutes`` (placed on the slot's day) as a clock time that reads back as the same minute."""
    candidates = [format_time(minutes)]
    if is_start and minutes % 1440 == 0 and minutes > 0:
        candidates.insert(
            0, "00:00"
        )  # a start at midnight reads better as 00:00 (next day, in an overnight slot)
    for text in candidates:
        if 0 <= minutes <= 2 * 1440 and _reads_as(text, slot) == minutes:
            if re.fullmatch(r"\d:\d\d", like.strip()) and text.startswith("0"):
                text = text[1:]  # the file writes 9:05, not 09:05
            return text
    side = T("before midnight") if minutes < 0 else T("past midnight")
    crossing = "" if slot is not None and slot.crosses_midnight else T("; the slot does not cross midnight")
    params: dict[str, Any] = {
        "title": placed.title,
        "time": format_time(minutes),
        "side": side,
        "crossing": crossing,
    }
    if is_start:
        raise RetimeError(T("{title!r} would start at {time} ({side}){crossing}: nothing written", **params))
    raise RetimeError(T("{title!r} would end at {time} ({side}){crossing}: nothing written", **params))


def _reads_as(text: str, slot: Slot | None) -> int:
    minute = parse_time(text)
    return slot.place(minute) if slot is not None else minute


def _check_placeable(run: list[Placed], packing: bool) -> None:
    for placed in run:
        if placed.conflict is not None or placed.uncertain or not placed.known or placed.damaged:
            code = placed.conflict.code if placed.conflict else ("T003" if not placed.known else "")
            reason = f" ({code})" if code else ""
            if packing:
                raise RetimeError(
                    T(
                        "{title!r}: its start, end and duration do not add up{reason}, so it cannot be packed; "
                        "fix that first (tfagenda check --fix, or by hand)",
                        title=placed.title,
                        reason=reason,
                    )
                )
            raise RetimeError(
                T(
                    "{title!r}: its start, end and duration do not add up{reason}, so it cannot be shifted; "
                    "fix that first (tfagenda check --fix, or by hand)",
                    title=placed.title,
                    reason=reason,
                )
            )


def _descendants(placed: Placed) -> Iterator[Placed]:
    for part in placed.parts:
        yield part
        yield from _descendants(part)


def _move(writer: _Writer, track: TrackLine, first: int, starts: list[int]) -> dict[DocPath, tuple[int, int]]:
    """Move ``track.segments[first:]`` to ``starts``; the planned (start, end) of every top-level segment moved."""
    segments = track.segments
    slot = track.day.slot
    planned: dict[DocPath, tuple[int, int]] = {}
    previous_end = segments[first - 1].end if first > 0 else None
    for index in range(first, len(segments)):
        placed = segments[index]
        seg = placed.segment
        start = starts[index - first]
        end = start + placed.duration  # type: ignore[operator]
        delta = start - placed.start  # type: ignore[operator]
        if seg.given("start"):
            writer.replace(placed, placed.path + ("start",), start, slot, True)
        else:
            if seg.given("end") and seg.given("duration"):
                implied: int | None = start  # end − duration: follows the end written below
            elif index == 0:
                implied = slot.start if slot is not None else None
            else:
                implied = previous_end
            if implied != start:
                writer.insert_start(placed, start, slot)
        if seg.given("end"):
            writer.replace(placed, placed.path + ("end",), end, slot, False)
        for part in _descendants(placed):
            for name, value in (("start", part.start), ("end", part.end)):
                if part.segment.given(name) and value is not None:
                    writer.replace(part, part.path + (name,), value + delta, slot, name == "start")
        planned[placed.path] = (start, end)
        previous_end = end
    return planned


def _runs(timeline: Timeline, chosen: Placed | None) -> Iterator[tuple[TrackLine, int]]:
    """(track, first index) to work on: the chosen segment's track from it on, or every track from its start."""
    if chosen is not None:
        yield chosen.track, chosen.track.segments.index(chosen)
        return
    for track in timeline.tracks():
        if track.segments:
            yield track, 0


def _resolved(loaded: Loaded) -> Timeline:
    if loaded.agenda is None:
        raise RetimeError(T("the file is not a readable agenda; `tfagenda check` says why"))
    return resolve(loaded.agenda, loaded.is_damaged)


def retime_text(
    text: str,
    path: str = "<string>",
    *,
    shift: int | None = None,
    pack: bool = False,
    gap: int = 0,
    start_from: str | None = None,
    shrink_gaps: bool = False,
    lang: str = "en",
) -> str:
    """The agenda text with new times: ``shift`` minutes from ``start_from`` on, or packed with ``gap``.

    A pack whose gaps would carry a track past its slot's end is refused, or with ``shrink_gaps``
    packed with the largest gap (whole minutes, the same everywhere) that fits. Gaps it adds are
    declared in the file's ``policy: {gap-tolerance: N}``, so that S002 does not report them.
    A ``RetimeError`` says why it cannot be done, in ``lang`` (``"en"`` or ``"ko"``)."""
    if (shift is None) == (not pack):
        raise ValueError("give either shift or pack")
    try:
        return _retimed(text, path, shift, pack, gap, start_from, shrink_gaps)
    except RetimeError as error:
        error.lang = lang
        raise


def _pack_begin(track: TrackLine, first: int) -> int:
    """Where a pack of ``track.segments[first:]`` starts, before any gap."""
    if first > 0:
        return track.segments[first - 1].end  # type: ignore[return-value]
    if track.day.slot is not None:
        return track.day.slot.start
    return track.segments[0].start  # type: ignore[return-value]


def _fitting_gap(timeline: Timeline, chosen: Placed | None, gap: int, shrink: bool) -> int:
    """The gap to pack with: ``gap`` if every slotted track still ends in its slot, else (with
    ``shrink``) the largest gap that fits them all; a ``RetimeError`` otherwise."""
    largest = gap
    worst: tuple[int, TrackLine] | None = None
    for track, first in _runs(timeline, chosen):
        run = track.segments[first:]
        slot = track.day.slot
        if slot is None or not run or not all(p.known for p in run):
            continue
        begin = _pack_begin(track, first)
        gaps = len(run) - 1 + (1 if first > 0 else 0)
        end = begin + sum(p.duration for p in run)  # type: ignore[misc]
        spare = slot.end - end
        if gaps == 0 or end + gaps * gap <= slot.end:
            continue
        overrun = end + gaps * gap - slot.end
        if worst is None or overrun > worst[0]:
            worst = (overrun, track)
        largest = min(largest, max(0, spare) // gaps)
    if worst is None:
        return gap
    if shrink:
        return largest
    overrun, track = worst
    fitting = (
        T("a gap of at most {minutes} fits", minutes=minutes(largest))
        if largest > 0
        else T("only --pack without --gap fits")
    )
    raise RetimeError(
        T(
            "with --gap {gap} the segments run {overrun} past the slot's end ({ends}); nothing written. "
            "Give a smaller gap ({fitting}), or add --fit to shrink the gaps to fit",
            gap=minutes(gap),
            overrun=minutes(overrun),
            ends=format_time(track.day.slot.end),  # type: ignore[union-attr]
            fitting=fitting,
        )
    )


def _retimed(
    text: str,
    path: str,
    shift: int | None,
    pack: bool,
    gap: int,
    start_from: str | None,
    shrink_gaps: bool = False,
) -> str:
    loaded = load_text(text, path)
    timeline = _resolved(loaded)
    chosen = find_segment(timeline, start_from) if start_from is not None else None
    writer = _Writer(loaded)
    if pack and gap > 0:
        gap = _fitting_gap(timeline, chosen, gap, shrink_gaps)
        if gap > 0:
            writer.allow_gap(gap)
    planned: dict[DocPath, tuple[int, int]] = {}
    for track, first in _runs(timeline, chosen):
        run = track.segments[first:]
        if shift is not None:
            _check_placeable(run, packing=False)
            starts = [p.start + shift for p in run]  # type: ignore[operator]
            planned.update(_move(writer, track, first, starts))
            continue
        _check_placeable(run + ([track.segments[first - 1]] if first > 0 else []), packing=True)
        at = _pack_begin(track, first) + (gap if first > 0 else 0)
        starts = []
        for placed in run:
            starts.append(at)
            at += placed.duration + gap  # type: ignore[operator]
        planned.update(_move(writer, track, first, starts))
    if not writer.edits:
        return text
    new_text = apply_edits(text, writer.edits)
    _verify(new_text, path, timeline, planned)
    return new_text


def _verify(text: str, path: str, before: Timeline, planned: dict[DocPath, tuple[int, int]]) -> None:
    """Read the new text back: every top-level segment must be where it was, or where it was moved to."""
    after = _resolved(load_text(text, path))
    now = {p.path: (p.start, p.end) for p in top_level(after)}
    for placed in top_level(before):
        expected = planned.get(placed.path, (placed.start, placed.end))
        if now.get(placed.path) != expected:
            got = now.get(placed.path, (None, None))
            shown = "–".join(format_time(t) if t is not None else "?" for t in got)
            raise RetimeError(
                T(
                    "{title!r} would read back as {shown}, not {expected}; nothing written",
                    title=placed.title,
                    shown=shown,
                    expected=f"{format_time(expected[0])}–{format_time(expected[1])}",  # type: ignore[arg-type]
                )
            )


# ---------------------------------------------------------------------------------------------
# Fit


@dataclass(frozen=True)
class Fit:
    """How one track's top-level segments fit its slot."""

    label: Message | str  # the day and track, or the agenda's title
    start: int
    end: int
    slot: Slot | None

    @property
    def overrun(self) -> int:
        return max(0, self.end - self.slot.end) if self.slot else 0

    @property
    def spare(self) -> int:
        return max(0, self.slot.end - self.end) if self.slot else 0

    def sentence(self, lang: str = "en") -> str:
        """How the track fits its slot, in ``lang``."""
        return self.message().say(lang)

    def message(self) -> Message:
        span = f"{format_time(self.start)}–{format_time(self.end)}"
        if self.slot is None:
            return T("{label}: {span}; no slot to fit", label=self.label, span=span)
        ends = format_time(self.slot.end)
        early = self.slot.start - self.start
        before = T(", starting {minutes} before the slot", minutes=minutes(early)) if early > 0 else ""
        common: dict[str, Any] = {"label": self.label, "span": span, "ends": ends, "before": before}
        if self.overrun:
            return T(
                "{label}: {span} runs {minutes} past the slot's end ({ends}){before}",
                minutes=minutes(self.overrun),
                **common,
            )
        if self.spare:
            return T(
                "{label}: {span} leaves {minutes} spare before the slot's end ({ends}){before}",
                minutes=minutes(self.spare),
                **common,
            )
        return T("{label}: {span} fills the slot to its end ({ends}){before}", **common)


def fits(loaded: Loaded, lang: str = "en") -> list[Fit]:
    """The fit of every track whose top-level segments all have known times (``Fit.sentence(lang)``
    says it); a ``RetimeError`` says in ``lang`` why there is none."""
    try:
        timeline = _resolved(loaded)
    except RetimeError as error:
        error.lang = lang
        raise
    result = []
    many_days = len(timeline.days) > 1
    for day in timeline.days:
        for track in day.tracks:
            known = [p for p in track.segments if p.known]
            if not known:
                continue
            label: Message | str = timeline.agenda.title
            if many_days and not day.date:
                n = day.index + 1
                label = T("day {n} · {track}", n=n, track=track.name) if track.name else T("day {n}", n=n)
            elif many_days:
                label = f"{day.date.isoformat()} · {track.name}" if track.name else day.date.isoformat()  # type: ignore[union-attr]
            elif track.name:
                label = track.name
            start = min(p.start for p in known)  # type: ignore[type-var]
            end = max(p.end for p in known)  # type: ignore[type-var]
            result.append(Fit(label, start, end, day.slot))  # type: ignore[arg-type]
    return result
