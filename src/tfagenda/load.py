"""Agenda text → a validated ``Agenda`` model, with the problems found on the way.

The loader reports what is wrong with the *file* (E000–E004, Y001). One bad value does not hide
the rest: an unknown key is dropped, an unreadable value is set aside, and validation runs again,
so that every file-level problem is found in one run. The places that were set aside are
``damaged``; the timeline does not guess times for them, so they cause no follow-on findings.
"""

from __future__ import annotations

import difflib
import errno
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from tfagenda.clock import SLOT_SEPARATORS, parse_duration, parse_time
from tfagenda.findings import Applicability, DocPath, Edit, Fix, Problem, Span
from tfagenda.messages import Message, T
from tfagenda.messages import minutes as minutes_message
from tfagenda.model import FIELDS, SET_ASIDE_WINDOW, Agenda, PeopleRegistry
from tfagenda.positions import LineIndex
from tfagenda.yamldoc import SEXAGESIMAL, Document, Node, decode, parse, sniff_encoding
from tfagenda.yamldoc.decode import LEGACY_ENCODINGS
from tfagenda.yamldoc.values import paused_until_exit

_TIME_FIELDS = ("start", "end", "duration")
_TIME_OR_SLOT_FIELDS = frozenset((*_TIME_FIELDS, "slot"))
_PLACEHOLDERS = {"title": "(untitled)", "name": "(unnamed)"}
# Fields that do not place a segment in time: an unreadable one leaves the rest of its mapping usable.
_UNTIMED = {
    "title",
    "name",
    "owner",
    "kind",
    "note",
    "venue",
    "role",
    "aliases",
    "weekday",
    "date",
    "timezone",
    "available",
    "unavailable",
    "open",
    "closed",
}
_WINDOW_KEYS = ("available", "unavailable", "open", "closed")
_MAX_ROUNDS = 100
# A file larger than this is refused unread (E001): it bounds the time and memory one file can take
# (README, Robustness). The largest real agendas are a few hundred KiB; a 20,000-event conference
# schedule (issue 6, bench/) is 2.7 MiB and takes about 3 s and 310 MiB, so 8 MiB bounds one file at
# about 10 s and 1 GiB.
MAX_FILE_BYTES = 8 * 2**20


@dataclass
class Loaded:
    """One agenda file, loaded: the document (text and positions), the model if there is one, and problems."""

    document: Document
    agenda: Agenda | None
    problems: list[Problem] = field(default_factory=list)
    damaged: set[DocPath] = field(default_factory=set)
    # A people registry file (``people.yaml``: only ``people:`` at the top) instead of an agenda.
    registry: PeopleRegistry | None = None

    @property
    def path(self) -> str:
        return self.document.path

    def is_damaged(self, at: DocPath) -> bool:
        return at in self.damaged


# What documents.detect looks for (ZIP: .hwpx/.docx; OLE2: .hwp; %PDF- in the first kilobyte) or
# the names it knows: a cheap first look (a superset of detect's), so that checking a YAML agenda
# does not import the document readers (start-up time).
_OFFICE_MAGIC = (b"PK", b"\xd0\xcf\x11\xe0")
_OFFICE_SUFFIXES = (".hwpx", ".hwp", ".docx", ".pdf")


def _maybe_office_document(raw: bytes, path: str) -> bool:
    return raw.startswith(_OFFICE_MAGIC) or b"%PDF-" in raw[:1024] or path.lower().endswith(_OFFICE_SUFFIXES)


def _maybe_calendar(raw: bytes, path: str) -> bool:
    # A cheap first look (a superset of calendars.events.looks_like_calendar's), so that checking a
    # YAML agenda does not import the calendar reader (start-up time).
    return b"VCALENDAR" in raw[:80].upper() or path.lower().endswith((".ics", ".ical", ".ifb", ".icalendar"))


# The file loaded last, kept when the process ends as soon as its check does (``yamldoc.values.
# pause_collector_until_exit``): freeing a 20,000-event schedule's document one object at a time
# takes 0.1 s, which the operating system does at once. Only the last: the one before is let go
# when the next file is loaded, so at most one file is kept beyond its check.
_kept_until_exit: list[Loaded] = []


def load_file(path: str | Path) -> Loaded:
    """Read and load one agenda file; a file that cannot be read or decoded gives one problem."""
    _kept_until_exit.clear()
    loaded = _load_file(path)
    if paused_until_exit():
        _kept_until_exit.append(loaded)
    return loaded


def _load_file(path: str | Path) -> Loaded:
    name = str(path)
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)  # no more: a huge file, or /dev/zero, is refused unread
            if len(raw) > MAX_FILE_BYTES and _maybe_office_document(raw[:1024], name):
                from tfagenda.documents.load import MAX_DOCUMENT_BYTES, document_format

                if document_format(raw[:1024], name) is not None:
                    raw += stream.read(MAX_DOCUMENT_BYTES - len(raw) + 1)  # a document may be larger
    except OSError as error:
        doc = Document(path=name, text="")
        return Loaded(doc, None, [Problem("E000", (), _unreadable(path, error), span=Span(1, 1, 1, 1))])
    return load_bytes(raw, name)


def _unreadable(path: str | Path, error: OSError) -> Message:
    """Why a file cannot be read, in words: a folder that cannot be listed, a broken or looping symlink."""
    reason = error.strerror or str(error)
    if isinstance(error, IsADirectoryError) or os.path.isdir(
        path
    ):  # opening a folder without permission: EACCES
        try:
            os.listdir(path)
        except OSError as listing:
            return T(
                "cannot read the folder: {reason}; the files in it were not checked",
                reason=listing.strerror or str(listing),
            )
        return T("it is a folder, not a file")
    if os.path.islink(path):
        target = os.readlink(path)
        if error.errno == errno.ELOOP:
            return T(
                "cannot read the file: it is a symbolic link to {target} that loops back on itself",
                target=target,
            )
        if isinstance(error, FileNotFoundError):
            return T(
                "cannot read the file: it is a broken symbolic link (to {target}, which does not exist)",
                target=target,
            )
    return T("cannot read the file: {reason}", reason=reason)


def load_bytes(
    raw: bytes, path: str = "<string>", parser: Callable[[str, str], Document] | None = None
) -> Loaded:
    """Load a file's bytes. ``parser``: parses YAML instead of ``yamldoc.parse`` (``check --fix``'s
    rounds patch the last round's document: ``yamldoc.patch``)."""
    if _maybe_office_document(raw, path):
        from tfagenda.documents.load import document_format, read_document_source

        if document_format(raw, path) is not None:  # .hwpx, .hwp, .docx, .pdf: by their bytes
            source = read_document_source(raw, path)
            if source.extracted is None:  # not readable as a document: its problem says why
                return Loaded(source, None, list(source.problems))
            return load_document(source)
    if len(raw) > MAX_FILE_BYTES:
        doc = Document(path=path, text="")
        message = T(
            "the file is larger than {mib} MiB, the most tfagenda reads (an agenda of a thousand segments is about 100 KiB); not checked",
            mib=MAX_FILE_BYTES // 2**20,
        )
        return Loaded(doc, None, [Problem("E001", (), message, span=Span(1, 1, 1, 1))])
    if _maybe_calendar(raw, path):
        from tfagenda.calendars.events import looks_like_calendar

        if looks_like_calendar(raw, path):  # .ics: unfolded as bytes (a fold may split a character)
            from tfagenda.calendars import read_bytes

            return load_document(read_bytes(raw, path))
    try:
        text = decode(raw)
    except UnicodeDecodeError as error:
        bom, encoding = sniff_encoding(raw)
        body = raw[len(bom) :]
        good = body[: error.start].decode(
            encoding
        )  # the text before the first bad byte: positions count in it
        line, column = LineIndex(good).line1_column1(len(good))
        doc = Document(path=path, text=body.decode(encoding, errors="replace"))
        name = "UTF-8" if encoding == "utf-8" else encoding.upper()
        message = T(
            "the file is not {encoding} text (byte 0x{byte} at offset {offset}): {reason}; save it as UTF-8",
            encoding=name,
            byte=f"{body[error.start]:02x}",
            offset=len(bom) + error.start,
            reason=error.reason,
        )
        if not bom and raw.count(b"\x00") * 4 > len(raw):  # NUL in every other byte: UTF-16 without its mark
            return Loaded(
                doc,
                None,
                [
                    Problem(
                        "E001",
                        (),
                        T("the file looks like UTF-16 without a byte-order mark; save it as UTF-8"),
                        span=Span(1, 1, 1, 1),
                    )
                ],
            )
        return Loaded(doc, None, [Problem("E001", (), message, span=Span(line, column, line, column + 1))])
    loaded = load_text(text, path, parser=parser)
    loaded.document.bom, loaded.document.encoding = sniff_encoding(
        raw
    )  # so that a fix writes the same bytes back
    legacy = LEGACY_ENCODINGS.get(loaded.document.encoding)
    if legacy is not None:
        first = next((at for at, char in enumerate(text) if not char.isascii()), 0)
        line, column = LineIndex(text).line1_column1(first)
        message = T(
            "the file is saved as {encoding}, not UTF-8; it was read as {encoding} (--fix keeps it so); save it as UTF-8 for other tools",
            encoding=legacy,
        )
        loaded.problems.insert(0, Problem("E006", (), message, span=Span(line, column, line, column + 1)))
    return loaded


def load_text(
    text: str,
    path: str = "<string>",
    source_format: str | None = None,
    parser: Callable[[str, str], Document] | None = None,
) -> Loaded:
    """Load an agenda from text: YAML, or a format an importer reads (detected from the path and text).

    ``path`` names the file in findings. Imported formats load in memory, and their findings
    point at lines of the source file.
    """
    from tfagenda.importers import detect_format, import_document

    chosen = source_format or detect_format(path, text)
    document = (parser or parse)(text, path) if chosen == "yaml" else import_document(text, path, chosen)
    document.written_as = chosen
    return load_document(document)


def load_document(document: Document) -> Loaded:
    """Validate a parsed document (YAML, or an importer's) into the model."""
    loaded = Loaded(document, None, list(document.problems), set(document.damaged))
    if document.problems and document.data is None:
        return loaded
    data = document.data
    if not isinstance(data, dict):
        what = T("empty") if data is None else T("a {type}, not a mapping", type=type(data).__name__)
        loaded.problems.append(
            Problem(
                "E002",
                (),
                T("the file is {what}; an agenda is a mapping with at least title and segments", what=what),
            )
        )
        return loaded
    if data and not any(_agenda_like(key) for key in data):
        keys = ", ".join(list(map(str, data))[:5]) + (", …" if len(data) > 5 else "")
        loaded.problems.append(
            Problem(
                "E002",
                (),
                T(
                    "not an agenda: its keys are {keys}, and an agenda has title and segments (or days); if the file is not meant to be one, exclude it (exclude in the config) or name the agenda files",
                    keys=keys,
                ),
            )
        )
        return loaded
    loaded.problems.extend(_implicit_numbers(document))
    if is_registry_data(data):
        registry = _validate(data, loaded, PeopleRegistry)
        if isinstance(registry, PeopleRegistry):
            registry.assign_paths()
            loaded.registry = registry
        return loaded
    _read_conveniences(document, loaded)
    loaded.agenda = _validate(data, loaded)
    if loaded.agenda is not None:
        loaded.agenda.assign_paths()
        if not loaded.agenda.segments and not loaded.agenda.days and not loaded.damaged:
            where = (
                "segments"
                if loaded.agenda.segments is not None
                else "days"
                if loaded.agenda.days is not None
                else ()
            )
            at = (where,) if where else ()
            loaded.problems.append(
                Problem("E002", at, T("the agenda has no segments; add at least one under segments:"))
            )
    return loaded


# ``time: "16:30~16:35"``: a segment's start and end in one value (README, The agenda format).
_TIME_RANGE = re.compile(r"\s*(?P<a>\d{1,2}:\d{2})\s*[" + SLOT_SEPARATORS + r"]\s*(?P<b>\d{1,2}:\d{2})\s*")


def _read_conveniences(document: Document, loaded: Loaded) -> None:
    """Shorthands people write, as the model's fields: ``time: "16:30~16:35"`` is start and end (each
    placed at its own part of the value, so that a fix edits just that time), and ``owner: ""`` is a
    missing owner (O001), not a wrongly typed one."""
    for at in [at for at in document.nodes if at and at[-1] in ("time", "owner")]:
        if len(at) < 3 or not isinstance(at[-2], int) or at[-3] not in ("segments", "parts"):
            continue
        try:
            segment = _get(document.data, at[:-1])
        except (KeyError, IndexError, TypeError):
            continue
        if not isinstance(segment, dict) or at[-1] not in segment:
            continue
        if at[-1] == "owner":
            if isinstance(segment["owner"], str) and not segment["owner"].strip():
                del segment["owner"]  # an empty owner is no owner: O001 says so
            continue
        _expand_time(document, loaded, at, segment)


def _expand_time(document: Document, loaded: Loaded, at: DocPath, segment: dict[str, Any]) -> None:
    value = segment.pop("time")
    node = document.nodes[at]
    both = [name for name in ("start", "end") if name in segment]
    if both:
        loaded.problems.append(
            Problem(
                "E002",
                at,
                T(
                    'time is a shorthand for start and end ("16:30~16:35"); give time or {names}, not both',
                    names=" and ".join(both),
                ),
                key=True,
            )
        )
        loaded.damaged.update({at, at[:-1]})
        return
    match = _TIME_RANGE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        loaded.problems.append(
            Problem(
                "E004",
                at,
                T('time: {value!r} is not a time range; write start~end, e.g. "16:30~16:35"', value=value),
            )
        )
        loaded.damaged.update({at, at[:-1]})
        return
    segment["start"], segment["end"] = match["a"], match["b"]
    inner = node.inner
    lines = document.lines
    written = (
        lines[inner.line - 1][inner.column - 1 : inner.end_column - 1]
        if inner.line == inner.end_line and inner.line <= len(lines)
        else None
    )
    for name, group in (("start", "a"), ("end", "b")):
        place = inner
        if written == value:  # the value as written, without escapes: each time has its own columns
            place = Span(
                inner.line, inner.column + match.start(group), inner.line, inner.column + match.end(group)
            )
        document.nodes[at[:-1] + (name,)] = Node(place, place, False, node.key)


def _agenda_like(key: Any) -> bool:
    """An agenda's key, or a misspelling of one (a mapping with none of them is some other YAML file)."""
    known = FIELDS["agenda"]
    return key in known or bool(difflib.get_close_matches(str(key), known, n=1, cutoff=0.75))


# The loader lists at most this many problems with a file's values (E002, E004), then says how many
# more there are: a file of 100,000 wrong values is read in seconds, not minutes.
MAX_LISTED_PROBLEMS = 900


def is_registry_data(data: dict[Any, Any]) -> bool:
    """A people registry (docs/people.md) is a mapping with ``people`` as its only key."""
    return len(data) == 1 and "people" in data


def _validate(
    data: dict[str, Any], loaded: Loaded, model: type[Agenda] | type[PeopleRegistry] = Agenda
) -> Any:
    unlisted = [0]
    try:
        return _validate_rounds(data, loaded, unlisted, model)
    finally:
        if unlisted[0]:
            more = T(
                "{count} more problems with the file's values are not listed (tfagenda lists the first {limit}); fix these first",
                count=f"{unlisted[0]:,}",
                limit=f"{MAX_LISTED_PROBLEMS:,}",
            )
            loaded.problems.append(Problem("E002", (), more))


def _validate_rounds(
    data: dict[str, Any], loaded: Loaded, unlisted: list[int], model: type[Agenda] | type[PeopleRegistry]
) -> Any:
    listed = 0
    for _ in range(_MAX_ROUNDS):
        try:
            return model.model_validate(data)
        except ValidationError as errors:
            progressed = False
            for error in errors.errors(include_url=False):
                at = tuple(error["loc"])
                if listed < MAX_LISTED_PROBLEMS:
                    loaded.problems.append(_problem_for(error, at, loaded.document))
                    listed += 1
                else:
                    unlisted[0] += 1
                progressed |= _set_aside(data, at, error["type"], loaded.damaged)
            if not progressed or unlisted[0]:  # past the cap, the file is too broken to check its times
                return None
    return None


def _set_aside(data: Any, at: DocPath, kind: str, damaged: set[DocPath]) -> bool:
    """Remove or patch the value at ``at`` so validation can go on; False if nothing could be done."""
    if kind == "conflict":
        node = _get(data, at)
        richer = "days" if "days" in node else "tracks"
        dropped = [
            name for name in ("segments", "date", "weekday", "slot") if name in node and richer in node
        ]
        for name in dropped:
            del node[name]
        return bool(dropped)
    if not at:
        return False
    parent = data
    for step in at[:-1]:
        try:
            parent = parent[step]
        except (KeyError, IndexError, TypeError):
            return False
    last = at[-1]
    if kind == "missing":
        if not isinstance(parent, dict):
            return False
        parent[last] = _PLACEHOLDERS.get(str(last), None if last != "segments" else [])
        if last == "title" or last == "name":
            return True
        damaged.add(at[:-1])
        return True
    if isinstance(parent, dict) and last in parent:
        del parent[last]
        damaged.add(at)
        if kind == "extra_forbidden" or last not in _UNTIMED:  # a misspelt key may have been a time
            damaged.add(at[:-1])
        return True
    if isinstance(parent, list) and isinstance(last, int) and last < len(parent):
        # A window list (availability, opening hours) keeps its other windows; a list of segments
        # keeps the segment's place.
        parent[last] = SET_ASIDE_WINDOW if len(at) >= 2 and at[-2] in _WINDOW_KEYS else {"title": "(invalid)"}
        damaged.add(at)
        return True
    return False


def _get(data: Any, at: DocPath) -> Any:
    for step in at:
        data = data[step]
    return data


def _kind_of(at: DocPath) -> str:
    """What sort of mapping lives at a document path (for messages and "did you mean")."""
    if not at:
        return "agenda"
    if at[-1] in ("slot", "policy"):
        return str(at[-1])
    if len(at) >= 2 and isinstance(at[-1], int) and at[-2] in ("segments", "parts"):
        return "segment"
    if len(at) >= 2 and isinstance(at[-1], int) and at[-2] == "tracks":
        return "track"
    if len(at) == 2 and at[0] == "days":
        return "day"
    if len(at) == 2 and at[0] == "people":
        return "person"
    return "value"


def _describe(at: DocPath) -> Message:
    kind = _kind_of(at)
    if kind == "segment":
        n = at[-1] + 1  # type: ignore[operator]
        return T("segment {n}", n=n) if at[-2] == "segments" else T("part {n}", n=n)
    if kind == "track":
        return T("track {n}", n=at[-1] + 1)  # type: ignore[operator]
    if kind == "day":
        return T("day {n}", n=at[-1] + 1)  # type: ignore[operator]
    return _PLACES[kind]


_PLACES = {
    "agenda": T("the agenda"),
    "slot": T("slot"),
    "policy": T("policy"),
    "person": T("person"),
    "value": T("value"),
}


def _problem_for(error: Mapping[str, Any], at: DocPath, document: Document) -> Problem:
    kind = error["type"]
    # tfagenda's own errors carry a ``Message`` (said in the check's language); pydantic's, English text.
    message = (error.get("ctx") or {}).get("message") or T("{detail}", detail=error["msg"])
    suggestion = (error.get("ctx") or {}).get("suggestion")
    fix = (
        Fix(
            T("set {field} to {value}", field=at[-1], value=suggestion),
            Applicability.SAFE,
            suggestion,
            target=at,
        )
        if suggestion is not None and at
        else None
    )
    if kind == "bad_time":
        # a window of a list is named by the list and its place in it: available[0]
        field = (
            f"{at[-2]}[{at[-1]}]" if len(at) >= 2 and isinstance(at[-1], int) else at[-1] if at else "value"
        )
        return Problem("E004", at, T("{field}: {message}", field=field, message=message), fix=fix)
    if kind == "bad_date" and at:
        return Problem("E002", at, T("{field}: {message}", field=_field_name(at), message=message), fix=fix)
    if kind == "extra_forbidden":
        owner = at[:-1]
        known = FIELDS.get(_kind_of(owner), ())
        guess = difflib.get_close_matches(str(at[-1]), known, n=1, cutoff=0.6)
        hint = (
            T("did you mean {guess!r}?", guess=guess[0])
            if guess
            else T("known keys: {keys}", keys=", ".join(known))
        )
        return Problem(
            "E002",
            at,
            T("unknown key {key!r} in {where}; {hint}", key=at[-1], where=_describe(owner), hint=hint),
            key=True,
            fix=Fix(T("rename to {guess!r}", guess=guess[0]), Applicability.DISPLAY_ONLY, guess[0])
            if guess
            else None,
        )
    if kind == "missing":
        return Problem(
            "E002",
            at[:-1],
            T("{where} has no {field}; add {field}:", where=_describe(at[:-1]), field=at[-1]),
            key=False,
        )
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return Problem(
            "E002",
            at,
            T(
                "{field} must be a mapping (key: value), not {type}",
                field=_field_name(at),
                type=_type_name(error),
            ),
        )
    if kind == "list_type":
        return Problem(
            "E002",
            at,
            T("{field} must be a list (- item), not {type}", field=_field_name(at), type=_type_name(error)),
        )
    if not at:
        return Problem("E002", at, T("the agenda: {message}", message=message))
    return Problem("E002", at, T("{field}: {message}", field=_field_name(at), message=message))


def _field_name(at: DocPath) -> Message | str:
    if not at:
        return T("the agenda")
    if isinstance(at[-1], int):
        return _describe(at)
    return str(at[-1])


_TYPE_NAMES = {
    str: T("text"),
    int: T("a number"),
    float: T("a number"),
    bool: T("true/false"),
    list: T("a list"),
    dict: T("a mapping"),
}


def _type_name(error: Mapping[str, Any]) -> Message | str:
    value = error.get("input")
    if value is None:
        return T("null")
    return _TYPE_NAMES.get(type(value)) or type(value).__name__


def _implicit_numbers(document: Document) -> list[Problem]:
    """Y001: unquoted times that YAML 1.1 tools would read as base-60 numbers."""
    problems = []
    for at, node in document.nodes.items():
        if not (node.plain and at and at[-1] in _TIME_OR_SLOT_FIELDS):
            continue
        value = _get(document.data, at)
        if not (isinstance(value, str) and SEXAGESIMAL.fullmatch(value)):
            continue
        try:
            minutes = parse_duration(value) if at[-1] == "duration" else parse_time(value)
        except ValueError:
            continue  # not a time at all: E004 says so
        as_number = _sexagesimal_value(value)
        name = T("slot {field}", field=at[-1]) if len(at) >= 2 and at[-2] == "slot" else str(at[-1])
        if at[-1] == "duration":
            meaning = T("the duration {value} ({minutes})", value=value, minutes=minutes_message(minutes))
        else:
            meaning = T("the time {value}", value=value)
        problems.append(
            Problem(
                "Y001",
                at,
                T(
                    '{name} {value} is unquoted; YAML 1.1 tools (PyYAML, many editors) read it as the number {number}. Read here as {meaning}; quote it: "{value}"',
                    name=name,
                    value=value,
                    number=as_number,
                    meaning=meaning,
                ),
                fix=Fix(
                    T('quote it: "{value}"', value=value),
                    Applicability.SAFE,
                    value,
                    edits=(Edit(node.inner, f'"{value}"'),),
                ),
            )
        )
    return problems


def _sexagesimal_value(text: str) -> int | float:
    sign = -1 if text.startswith("-") else 1
    total: float = 0
    for part in text.lstrip("+-").replace("_", "").split(":"):
        total = total * 60 + float(part)
    return sign * (int(total) if total == int(total) else total)
