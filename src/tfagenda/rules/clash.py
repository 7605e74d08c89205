"""Segments that must not clash (S004): the same topic or clash group in two rooms at once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable

from tfagenda.findings import MAX_FINDINGS_PER_RULE, Problem, Related, Severity
from tfagenda.messages import Commas, Message, T
from tfagenda.rules.base import Context, rule
from tfagenda.rules.owners import _overlaps, day_key, describe_booking
from tfagenda.timeline import Placed

# A group a segment belongs to: ("topic", name) or ("clash-group", name).
Group = tuple[str, str]
MAX_PAIRS = 1000 * MAX_FINDINGS_PER_RULE  # as O003 across files
MAX_LISTED = 10  # segments named in one finding; the rest are counted


def groups_of(placed: Placed) -> list[Group]:
    segment = placed.segment
    groups = [("topic", topic) for topic in segment.topics]
    if segment.clash_group is not None:
        groups.append(("clash-group", segment.clash_group))
    return groups


def _said(group: Group) -> Message:
    kind, name = group
    return T("topic {name!r}", name=name) if kind == "topic" else T("clash group {name!r}", name=name)


@rule("S004", "clash-group-overlap", Severity.WARNING)
def clash_group_overlap(ctx: Context) -> Iterable[Problem]:
    """Two segments of one topic or clash group run at the same time in different rooms (tracks).

    Segments may carry `topics: [..]` (a name or a list) or a `clash-group:` name: talks an
    audience wants to see both of, a speaker's two sessions that the same people follow, the
    beginners' track. Two segments that share a topic, or have the same clash group, should not
    overlap in time; in the same track they cannot anyway (S001). Days are compared by date.

    Segments that overlap one another are one finding, at the one that starts last, naming the
    others and the groups they share (four parallel security talks: one finding naming the four),
    never the same pair twice. A part has only the topics it gives itself, not its parent's. Names
    are compared without regard to case and spacing (`Rust` and `rust` are one topic).

    ## Example
    ```yaml
    days:
      - date: 2026-03-10
        tracks:
          - name: Hall A
            segments: [{title: Rust in the kernel, start: "10:00", end: "10:45", topics: [rust]}]
          - name: Hall B
            segments: [{title: Async Rust, start: "10:30", end: "11:15", topics: [rust, web]}]
    ```

    ## Fix
    Move one of the segments to a time when the other is not running.
    """
    members: dict[tuple[Group, Hashable], list[Placed]] = defaultdict(list)
    # A group is one whatever its case and spacing ("Rust", "rust", "machine  learning"), said as
    # first written.
    spelled: dict[Group, Group] = {}
    for placed in ctx.resolved.segments():
        if not placed.known or placed.uncertain or not placed.duration:
            continue
        for kind, name in groups_of(placed):
            group = (kind, " ".join(name.split()).casefold())
            spelled.setdefault(group, (kind, name))
            members[(group, day_key(placed))].append(placed)
    # The clashing pairs joined into sets of segments that overlap one another (union-find over
    # the segments), each set with the groups its pairs share: no pair is kept, so a pair that
    # shares two groups is still one finding, and a crowded group costs no list of pairs.
    parent: dict[int, int] = {}
    shared: dict[int, dict[Group, None]] = {}  # a set's root → the groups its pairs share
    by_id: dict[int, Placed] = {}

    def root(key: int) -> int:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    pairs = 0
    for (group, _), items in members.items():
        if len(items) < 2:
            continue
        items.sort(key=lambda p: (p.start, p.end))
        for earlier, later in _overlaps(items, lambda placed: id(placed.track)):
            pairs += 1
            if pairs > MAX_PAIRS:  # a bound on what a hostile file costs; the sets so far are reported
                break
            by_id[id(earlier)], by_id[id(later)] = earlier, later
            a, b = root(id(earlier)), root(id(later))
            if a != b:
                small, large = (a, b) if len(shared.get(a, ())) < len(shared.get(b, ())) else (b, a)
                parent[small] = large
                shared.setdefault(large, {}).update(shared.pop(small, {}))
                b = large
            shared.setdefault(b, {})[group] = None
    clusters: dict[int, list[Placed]] = defaultdict(list)
    for key, placed in by_id.items():
        clusters[root(key)].append(placed)
    for key, segments in clusters.items():
        segments.sort(key=lambda p: (p.start, p.path))
        yield _clash(ctx, segments, [spelled[group] for group in sorted(shared[key])])


def _clash(ctx: Context, segments: list[Placed], groups: list[Group]) -> Problem:
    *others, last = segments
    spans = [ctx.loaded.document.span_of(placed.path) for placed in others[:MAX_LISTED]]
    related = tuple(
        Related(ctx.loaded.path, span.line, span.column, f"{placed.title!r}")
        for placed, span in zip(others, spans)
    )
    said: tuple[Message | Commas, ...] = tuple(_said(group) for group in groups)
    if len(said) > 2:  # "A, B and C", not "A and B and C"
        said = (Commas(said[:-1]), said[-1])
    if len(others) == 1:
        (first,), (span,) = others, spans
        message = T(
            "{last!r} ({last_booking}) runs at the same time as {first!r} ({first_booking}, line {line}), "
            "and both are in {groups}; move one so that people can see both",
            last=last.title,
            last_booking=describe_booking(last),
            first=first.title,
            first_booking=describe_booking(first),
            line=span.line,
            groups=said,
        )
    else:
        named = Commas(
            T(
                "{title!r} ({booking}, line {line})",
                title=placed.title,
                booking=describe_booking(placed),
                line=span.line,
            )
            for placed, span in zip(others[:MAX_LISTED], spans)
        )
        listed: Message | Commas = named
        if len(others) > MAX_LISTED:
            listed = T("{listed}, {more} more", listed=listed, more=f"{len(others) - MAX_LISTED:,}")
        message = T(
            "{count} segments of {groups} run at overlapping times in different rooms: {listed} and "
            "{last!r} ({last_booking}); move them apart so that people can see them all",
            count=len(segments),
            groups=said,
            listed=listed,
            last=last.title,
            last_booking=describe_booking(last),
        )
    return Problem("S004", last.time_anchor("start", "end", "duration"), message, related=related)
