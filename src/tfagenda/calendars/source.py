"""An iCalendar file's lines, unfolded, with the place of every property in the real file.

RFC 5545 folds a long line by inserting CRLF and one space or tab; exporters fold by octets, so a
fold can fall inside a UTF-8 character (JRES's export splits ``’`` over two lines). The text is
therefore unfolded as bytes and each logical line decoded afterwards; every property keeps the
physical line and column (code points of the line as it is shown, as ``positions.LineIndex``
counts them) where its value starts and ends, so that findings point at the file's own lines.

Blank lines (some exporters write ``\\r\\r\\n``) are skipped, and a folded line that follows one
continues the property before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tfagenda.findings import Span
from tfagenda.messages import Message, T

_BREAK = re.compile(rb"\r\n|\r|\n")
# Reading takes about a millisecond per event (icalendar's parser, the recurrence library): this many
# events bound a calendar at about 20 seconds, as for the largest agendas (README, Robustness).
MAX_EVENTS = 20_000
_NAME = re.compile(r"[A-Za-z0-9-]+")
# Long texts nothing here reads through icalendar (ATTENDEE is read from the lines themselves):
# left out of what icalendar parses, which takes most of the time of reading a calendar.
_NOT_PARSED = frozenset(
    {"DESCRIPTION", "X-ALT-DESC", "ATTACH", "COMMENT", "ATTENDEE", "CONTACT", "ORGANIZER"}
)


@dataclass
class Property:
    """One property (``DTSTART;TZID=Europe/Paris:20220517T110000``) as written."""

    name: str  # upper case
    params: str  # the text between the name and the colon, ";TZID=…"
    value: str
    span: Span  # the value, from after the colon to the end of its last folded line
    line: int  # where the property's name is


@dataclass
class Component:
    """A ``BEGIN:…``/``END:…`` block: its properties in order and the components inside it."""

    name: str
    span: Span  # from BEGIN to the end of END (or of the file, when END is missing)
    properties: list[Property] = field(default_factory=list)
    children: list[Component] = field(default_factory=list)

    def first(self, name: str) -> Property | None:
        return next((prop for prop in self.properties if prop.name == name), None)

    def all(self, name: str) -> list[Property]:
        return [prop for prop in self.properties if prop.name == name]


@dataclass
class Source:
    """The file's components (normally one VCALENDAR), its unfolded text for the parser, and what is wrong."""

    components: list[Component]
    unfolded: str  # the logical lines joined by CRLF: what icalendar parses
    errors: list[tuple[Span, Message]]  # (where, what) for lines that are not properties or unbalanced blocks


def _column(line: bytes, byte_offset: int) -> int:
    """1-based column (code points, as the decoded line shows it) of a byte offset in a physical line."""
    return len(line[:byte_offset].decode("utf-8", errors="replace")) + 1


def _value_start(logical: str) -> int | None:
    """Where the value starts in a logical line: after the first colon outside double quotes."""
    quoted = False
    for at, char in enumerate(logical):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return at + 1
    return None


def scan(raw: bytes) -> Source:
    """Split ``raw`` (without a byte-order mark) into components and properties with their places."""
    physical = _BREAK.split(raw)
    # logical lines: (first physical line number, [(line number, byte start in that line), …], bytes)
    logical: list[tuple[int, list[tuple[int, int]], bytearray]] = []
    for number, line in enumerate(physical, start=1):
        if not line.strip():
            continue
        if line[:1] in (b" ", b"\t") and logical:
            logical[-1][1].append((number, 1))
            logical[-1][2].extend(line[1:])
        else:
            logical.append((number, [(number, 0)], bytearray(line)))
    root = Component("", Span(1, 1, 1, 1))
    events = skipped = 0
    skipping = False  # inside a VEVENT past MAX_EVENTS
    first_skipped = 0
    stack = [root]
    errors: list[tuple[Span, Message]] = []
    lines_out: list[str] = []
    for first, pieces, data in logical:
        text = data.decode("utf-8", errors="replace")
        line_bytes = physical[first - 1]
        colon = _value_start(text)
        name_match = _NAME.match(text)
        last_number, last_start = pieces[-1]
        last_line = physical[last_number - 1]
        end = Span(last_number, _column(last_line, len(last_line)), 0, 0)
        if colon is None or name_match is None:
            errors.append(
                (
                    Span(first, 1, first, _column(line_bytes, len(line_bytes))),
                    T("this line is not a property (NAME:value) of an iCalendar file"),
                )
            )
            continue
        name = name_match.group().upper()
        value = text[colon:]
        if skipping:
            skipping = not (name == "END" and value.strip().upper() == "VEVENT")
            continue
        if name == "BEGIN" and value.strip().upper() == "VEVENT" and len(stack) <= 2:
            events += 1
            if events > MAX_EVENTS:
                skipping, skipped = True, skipped + 1
                first_skipped = first_skipped or first
                continue
        if name == "BEGIN":
            lines_out.append(text)
            stack.append(Component(value.strip().upper(), Span(first, 1, end.line, end.column)))
            continue
        if name == "END":
            wanted = value.strip().upper()
            while len(stack) > 2 and stack[-1].name != wanted and any(c.name == wanted for c in stack[1:]):
                # END:VCALENDAR with a VEVENT still open: that VEVENT has no END
                _unclosed(stack, errors, lines_out)
            if len(stack) > 1 and stack[-1].name == wanted:
                lines_out.append(text)
                done = stack.pop()
                done.span = Span(done.span.line, 1, end.line, end.column)
                stack[-1].children.append(done)
            else:
                errors.append(
                    (
                        Span(first, 1, end.line, end.column),
                        T("END:{name} closes no open BEGIN:{name}", name=value.strip())
                        if len(stack) == 1
                        else T(
                            "END:{name} closes no open BEGIN:{name} (BEGIN:{open} is open)",
                            name=value.strip(),
                            open=stack[-1].name,
                        ),
                    )
                )
            continue
        if name not in _NOT_PARSED:
            lines_out.append(text)
        start = _byte_place(pieces, physical, data, text, colon)
        prop = Property(
            name, text[len(name_match.group()) : colon - 1], value, Span(*start, end.line, end.column), first
        )
        stack[-1].properties.append(prop)
    while len(stack) > 1:  # a block the file never closes
        _unclosed(stack, errors, lines_out)
    if skipped:
        errors.append(
            (
                Span(first_skipped, 1, first_skipped, 13),
                T(
                    "the calendar has {count} events; tfagenda reads the first {limit} (about 20 seconds), and the {skipped} from this one on are not read",
                    count=f"{events:,}",
                    limit=f"{MAX_EVENTS:,}",
                    skipped=f"{skipped:,}",
                ),
            )
        )
    return Source(root.children, "\r\n".join(lines_out) + "\r\n", errors)


def _unclosed(stack: list[Component], errors: list[tuple[Span, Message]], lines_out: list[str]) -> None:
    """Close the innermost open block, which the file never closes, and say so at its BEGIN."""
    open_block = stack.pop()
    errors.append(
        (
            Span(open_block.span.line, 1, open_block.span.line, len(open_block.name) + 7),
            T("BEGIN:{name} has no END:{name}", name=open_block.name),
        )
    )
    lines_out.append(f"END:{open_block.name}")
    stack[-1].children.append(open_block)


def _byte_place(
    pieces: list[tuple[int, int]], physical: list[bytes], data: bytearray, text: str, colon: int
) -> tuple[int, int]:
    """The physical line and column of the logical line's ``colon``-th character."""
    offset = len(text[:colon].encode("utf-8", errors="replace"))  # bytes before the value
    # the replacement character is 3 bytes where the undecodable byte was 1: fall back to the
    # start of the property's line then, which is close enough for a broken file
    if offset > len(data):
        offset = 0
    walked = 0
    for index, (number, skip) in enumerate(pieces):
        line = physical[number - 1]
        length = len(line) - skip
        if offset < walked + length or index == len(pieces) - 1:
            return number, _column(line, skip + max(0, offset - walked))
        walked += length
    return pieces[0][0], 1
