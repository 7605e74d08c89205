"""Agenda model → a resolved timeline: every segment with its start, end and duration.

Any two of start, end and duration determine a segment; a missing start is the previous segment's
end (the slot's start for the first, the parent's start for the first part), and a segment with only
a start ends where the next one starts (the last one at the slot's end, the last part at its
parent's end): agendas are mostly written as start times alone. When a segment's own
values disagree, we look for the one repair that agrees best with its neighbours (the previous end,
the next start, the slot) and place the segment by that repair, so that one typo is one finding:
the neighbour and slot checks then see the repaired times and stay quiet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from tfagenda.clock import Slot, format_time
from tfagenda.findings import DocPath
from tfagenda.messages import Either, Message, T, minutes
from tfagenda.model import Agenda, Day, Segment


@dataclass(frozen=True)
class Repair:
    """Set one field of a segment so that start + duration = end again."""

    field: str  # "start", "end" or "duration"
    value: int  # minutes (a placed time for start/end)
    start: int
    end: int
    score: int = 0  # how many neighbours agree with the repaired segment
    evidence: tuple[Message, ...] = ()  # what says so, for the message ("the next segment's start")

    def spoken(self) -> Message | str:
        return minutes(self.value) if self.field == "duration" else format_time(self.value)


@dataclass(frozen=True)
class Conflict:
    """A segment whose own start, end and duration disagree (T001 when the end is before the start, else T002)."""

    code: str
    message: Message  # said in the language chosen at output
    repair: Repair | None  # the best repair, None when no repair is clearly best
    candidates: tuple[Repair, ...]
    safe: bool  # the repair agrees with every neighbour there is


@dataclass
class Placed:
    segment: Segment
    track: TrackLine
    parent: Placed | None = None
    start: int | None = None
    end: int | None = None
    parts: list[Placed] = field(default_factory=list)
    conflict: Conflict | None = None
    underspecified: Message | None = None  # why the start or end cannot be determined (T003)
    inferred_end: bool = False  # the end is the next segment's start (or the slot's end), not written
    awaits_next: bool = (
        False  # only a start, and the next start is before it: unless that one is repaired, T003
    )
    uncertain: bool = False  # times are only one of several candidates: neighbour checks keep quiet
    damaged: bool = False  # a value was unreadable (E002/E004 already said so)

    @property
    def path(self) -> DocPath:
        return self.segment.path

    @property
    def known(self) -> bool:
        return self.start is not None and self.end is not None

    @property
    def duration(self) -> int | None:
        return self.end - self.start if self.known else None  # type: ignore[operator]

    @property
    def title(self) -> str:
        return self.segment.title

    def time_anchor(self, *fields: str) -> DocPath:
        """The first of ``fields`` the file gives for this segment, else the segment itself."""
        for name in fields:
            if self.segment.given(name):
                return self.path + (name,)
        return self.path

    def walk(self) -> Iterator[Placed]:
        yield self
        for part in self.parts:
            yield from part.walk()


@dataclass
class TrackLine:
    name: str | None
    path: DocPath
    day: DayLine
    segments: list[Placed] = field(default_factory=list)


@dataclass
class DayLine:
    index: int
    day: Day
    tracks: list[TrackLine] = field(default_factory=list)

    @property
    def slot(self) -> Slot | None:
        return self.day.slot

    @property
    def date(self) -> dt.date | None:
        return self.day.date

    @property
    def path(self) -> DocPath:
        return self.day.path


@dataclass
class Timeline:
    agenda: Agenda
    days: list[DayLine]

    def tracks(self) -> Iterator[TrackLine]:
        for day in self.days:
            yield from day.tracks

    # ``segments()``, listed when first asked for: a dozen rules walk them (a 20,000-event schedule:
    # 220,000 steps through nested generators otherwise). The timeline is complete once resolved.
    _every: list[Placed] | None = field(default=None, init=False, repr=False, compare=False)

    def segments(self) -> Iterator[Placed]:
        """Every placed segment and part, depth first."""
        every = self._every
        if every is None:
            every = self._every = [
                placed for track in self.tracks() for top in track.segments for placed in top.walk()
            ]
        return iter(every)

    def sequences(self) -> Iterator[tuple[list[Placed], Placed | None]]:
        """Each run of sibling segments: a track's segments (parent None) and each segment's parts."""
        for track in self.tracks():
            yield track.segments, None
            for top in track.segments:
                for placed in top.walk():
                    if placed.parts:
                        yield placed.parts, placed


def resolve(agenda: Agenda, is_damaged: Callable[[DocPath], bool] = lambda at: False) -> Timeline:
    days = []
    for index, day in enumerate(agenda.meeting_days()):
        line = DayLine(index, day)
        sequences: list[tuple[str | None, DocPath, list[Segment]]]
        if day.tracks is not None:
            sequences = [(t.name, t.path, t.segments) for t in day.tracks]
        else:
            sequences = [(None, day.path, day.segments or [])]
        for name, path, segments in sequences:
            track = TrackLine(name, path, line)
            slot = day.slot
            origin = slot.start if slot else None
            closing = slot.end if slot else None
            track.segments = _place_run(segments, track, None, origin, closing, slot, is_damaged)
            line.tracks.append(track)
        days.append(line)
    return Timeline(agenda, days)


def _place_run(
    segments: list[Segment],
    track: TrackLine,
    parent: Placed | None,
    origin: int | None,
    closing: int | None,
    slot: Slot | None,
    is_damaged: Callable[[DocPath], bool],
) -> list[Placed]:
    """Place a run of siblings. ``origin`` starts the first; ``closing`` is where the last should end."""
    placed: list[Placed] = []
    previous_end = origin
    place = slot.place if slot else (lambda minute: minute)
    for index, segment in enumerate(segments):
        item = Placed(segment, track, parent)
        path = segment.path
        item.damaged = (
            is_damaged(path)
            or is_damaged(path + ("start",))
            or is_damaged(path + ("end",))
            or is_damaged(path + ("duration",))
        )
        following = segments[index + 1] if index + 1 < len(segments) else None
        if following is None:
            next_start = closing
            next_label = T("the slot's end") if parent is None else T("the parent segment's end")
            missing_closing: Message | None = (
                T(
                    "its end cannot be determined: it is the last segment and the agenda gives no slot to end it; give it an end or a duration, or give the agenda a slot"
                )
                if parent is None
                else T(
                    "its end cannot be determined: it is the last part and its parent has no end; give it an end or a duration"
                )
            )
        else:
            if following.start is not None:
                next_start = place(following.start)
            elif following.end is not None and following.duration is not None:
                # Its own end and duration fix its start, whatever this segment says.
                next_start = place(following.end) - following.duration
            else:
                next_start = None
            next_label = _NEXT_START
            missing_closing = None
            if is_damaged(following.path + ("start",)):
                missing_closing = _SAID_ALREADY  # E004 said why the next start is unknown
        if index == 0:
            previous_label = T("the slot's start") if parent is None else T("the parent segment's start")
        else:
            previous_label = _PREVIOUS_END
        if not item.damaged and (
            index == 0
            or previous_end is not None
            or segment.start is not None
            or segment.end is not None
            and segment.duration is not None
        ):
            # A segment after an unplaceable one is not reported again: the first is the mistake.
            before = placed[-1] if placed else None
            # A previous end inferred from this segment's own start is not a neighbour's word on it.
            testifies = before is None or not before.inferred_end
            _place_one(
                item,
                place,
                previous_end,
                previous_label,
                next_start,
                next_label,
                missing_closing,
                testifies,
                before.start if before is not None else None,
            )
            if (
                before is not None
                and item.conflict is not None
                and (before.inferred_end or before.awaits_next)
            ):
                # It ends where this one starts, once repaired: the mistake is this one's, said once.
                if item.conflict.repair is not None and item.start is not None and item.start >= before.start:  # type: ignore[operator]
                    before.end, before.inferred_end = item.start, True
                    before.underspecified, before.awaits_next = None, False
                elif before.awaits_next:
                    before.underspecified, before.uncertain = None, True
            chained_from = placed[-1] if placed else parent
            if (
                chained_from is not None
                and chained_from.uncertain
                and segment.start is None
                and (segment.end is None or segment.duration is None)
            ):
                item.uncertain = True  # its start is a guess too: the previous segment's guessed end
        if item.start is not None:
            parts_end = item.end
            if parts_end is None and next_start is not None and next_start >= item.start:
                parts_end = next_start  # a start-only parent ends where the next segment starts
            item.parts = _place_run(segment.parts, track, item, item.start, parts_end, slot, is_damaged)
            if item.end is None and item.parts and all(p.known for p in item.parts) and not item.damaged:
                item.end = max(p.end for p in item.parts)  # type: ignore[type-var]
                item.underspecified = None
        else:
            item.parts = _place_run(segment.parts, track, item, None, None, slot, is_damaged)
        placed.append(item)
        previous_end = item.end
    return placed


_SAID_ALREADY = T("the next segment's start")  # a marker: the next start was unreadable (E004)
# The labels of nearly every segment's neighbours, made once (not ``_SAID_ALREADY``: that one is a marker).
_NEXT_START = T("the next segment's start")
_PREVIOUS_END = T("the previous segment's end")


def _place_one(
    item: Placed,
    place: Callable[[int], int],
    previous_end: int | None,
    previous_label: Message,
    next_start: int | None,
    next_label: Message,
    missing_closing: Message | None = None,
    previous_testifies: bool = True,
    previous_start: int | None = None,
) -> None:
    seg = item.segment
    start = place(seg.start) if seg.start is not None else None
    end = place(seg.end) if seg.end is not None else None
    duration = seg.duration
    given_start = start is not None
    if start is None and end is not None and duration is not None:
        start = end - duration
    if start is None:
        start = previous_end
    if start is None:
        item.underspecified = T(
            "its start cannot be determined: give it a start (the first segment has no previous end), or give the agenda a slot"
        )
        return
    item.start = start
    if end is None and duration is not None:
        end = start + duration
    if end is None:
        if seg.parts:
            return  # its parts decide its length (they may end where the next segment starts)
        if next_start is not None and next_start >= start:
            # Only a start: it ends where the next one starts (the last at the slot's end).
            item.end = next_start
            item.inferred_end = True
            return
        if next_start is not None:
            item.awaits_next = True
            item.underspecified = T(
                "its end cannot be inferred: {neighbour} ({next}) is before its start {start}; give it an end or a duration",
                neighbour=next_label,
                next=format_time(next_start),
                start=format_time(start),
            )
        elif missing_closing is _SAID_ALREADY:
            item.uncertain = True
        elif missing_closing is not None:
            item.underspecified = missing_closing
        else:
            item.underspecified = T(
                "its end cannot be determined: the next segment has no start of its own; give this one an end or a duration, or the next one a start"
            )
        return
    if duration is not None and given_start and end - start != duration or end < start:
        # The segment's own parts are witnesses too: the first part's written start, the last's end.
        first_part, last_part = (seg.parts[0], seg.parts[-1]) if seg.parts else (None, None)
        item.conflict = _conflict(
            seg,
            start,
            end,
            duration,
            given_start,
            previous_end if previous_testifies else None,
            previous_label,
            next_start,
            next_label,
            previous_start,
            parts_start=place(first_part.start) if first_part and first_part.start is not None else None,
            parts_end=place(last_part.end) if last_part and last_part.end is not None else None,
        )
        if item.conflict.repair is not None:
            start, end = item.conflict.repair.start, item.conflict.repair.end
        elif item.conflict.candidates:
            first = item.conflict.candidates[0]
            start, end = first.start, first.end
            item.uncertain = True
        else:
            item.uncertain = True
    item.start, item.end = start, end


def _conflict(
    seg: Segment,
    start: int,
    end: int,
    duration: int | None,
    given_start: bool,
    previous_end: int | None,
    previous_label: Message,
    next_start: int | None,
    next_label: Message,
    previous_start: int | None = None,
    parts_start: int | None = None,
    parts_end: int | None = None,
) -> Conflict:
    candidates: list[tuple[str, int, int, int]] = []  # (field, value, start, end)
    if duration is not None:
        candidates.append(("end", start + duration, start, start + duration))
        if end >= start:
            candidates.append(("duration", end - start, start, end))
        if given_start:
            candidates.append(("start", end - duration, end - duration, end))
    else:
        # Only start and end (or an implied start): move the end to the next start, or the start back.
        if next_start is not None and next_start >= start:
            candidates.append(("end", next_start, start, next_start))
        if given_start and previous_end is not None and previous_end <= end:
            candidates.append(("start", previous_end, previous_end, end))

    if previous_start is not None and any(c[2] >= previous_start for c in candidates):
        # A repair that starts the segment before the previous one starts is no repair.
        candidates = [c for c in candidates if c[2] >= previous_start]
    repairs = []
    for name, value, new_start, new_end in candidates:
        evidence = []
        if name == "end" and duration is not None:
            evidence.append(T("the {n}-minute duration", n=duration))
        if name == "start" and duration is not None:
            evidence.append(T("the {n}-minute duration", n=duration))
        if previous_end is not None and new_start == previous_end and name != "end":
            evidence.append(previous_label)
        if next_start is not None and new_end == next_start and name != "start":
            evidence.append(next_label)
        if parts_start is not None and new_start == parts_start and name != "end":
            evidence.append(T("its first part's start"))
        if parts_end is not None and new_end == parts_end and name != "start":
            evidence.append(T("its last part's end"))
        score = (
            int(previous_end is not None and new_start == previous_end)
            + int(next_start is not None and new_end == next_start)
            + int(parts_start is not None and new_start == parts_start)
            + int(parts_end is not None and new_end == parts_end)
        )
        repairs.append(Repair(name, value, new_start, new_end, score, tuple(evidence)))

    neighbours = (
        int(previous_end is not None)
        + int(next_start is not None)
        + int(parts_start is not None)
        + int(parts_end is not None)
    )
    code = "T001" if end < start else "T002"
    best = max((r.score for r in repairs), default=0)
    leaders = [r for r in repairs if r.score == best]
    if len(leaders) > 1 and any(r.end > r.start for r in leaders):
        # Between equally supported repairs, one that leaves the segment 0 minutes long (T004) is
        # the less likely: a typo in one value rarely makes a segment vanish.
        leaders = [r for r in leaders if r.end > r.start]
    what = _what_disagrees(seg, start, end, duration, given_start)
    if len(leaders) == 1 and (best > 0 or len(repairs) == 1):
        repair = leaders[0]
        safe = best == neighbours and neighbours > 0
        return Conflict(code, _because(what, repair), repair, tuple(repairs), safe)
    if not repairs:
        return Conflict(
            code, T("{what}, and neither neighbour says what it should be", what=what), None, (), False
        )
    options = Either(_OPTION[r.field](r.spoken()) for r in leaders)
    return Conflict(
        code,
        T("{what}, and no repair is clearly best: {options}", what=what, options=options),
        None,
        tuple(leaders),
        False,
    )


def _what_disagrees(seg: Segment, start: int, end: int, duration: int | None, given_start: bool) -> Message:
    if end < start:
        if given_start:
            return T("end {end} is before start {start}", end=format_time(end), start=format_time(start))
        return T("end {end} is before its start {start}", end=format_time(end), start=format_time(start))
    return T(
        "start {start}, end {end} and duration {duration} disagree ({start}–{end} is {length})",
        start=format_time(start),
        end=format_time(end),
        duration=duration,
        length=minutes(end - start),
    )


def _because(what: Message, repair: Repair) -> Message:
    """What disagrees, then the repair and what says so."""
    said = repair.spoken()
    if not repair.evidence:
        return _SET_BECAUSE[repair.field](what, said)
    if len(repair.evidence) == 1:
        if repair.field == "duration":
            return T(
                "{what}; {evidence} says duration {value}", what=what, evidence=repair.evidence[0], value=said
            )
        return T(
            "{what}; {evidence} says {value}",
            context=repair.field,
            what=what,
            evidence=repair.evidence[0],
            value=said,
        )
    joined = tuple(repair.evidence)  # said as "A and B" / "A와 B"
    if repair.field == "duration":
        return T(
            "{what}; {evidence} agree with {start}–{end}: duration {value}",
            what=what,
            evidence=joined,
            start=format_time(repair.start),
            end=format_time(repair.end),
            value=said,
        )
    if len(repair.evidence) == 2:
        return T(
            "{what}; {evidence} both say {value}",
            context=repair.field,
            what=what,
            evidence=joined,
            value=said,
        )
    return T(
        "{what}; {evidence} all say {value}", context=repair.field, what=what, evidence=joined, value=said
    )


_OPTION = {
    "start": lambda value: T("start {value}", value=value),
    "end": lambda value: T("end {value}", value=value),
    "duration": lambda value: T("duration {value}", value=value),
}
_SET_BECAUSE = {
    "start": lambda what, value: T("{what}; set start to {value}", what=what, value=value),
    "end": lambda what, value: T("{what}; set end to {value}", what=what, value=value),
    "duration": lambda what, value: T("{what}; set duration to {value}", what=what, value=value),
}
