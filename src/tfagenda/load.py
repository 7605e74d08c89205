"""Agenda text → a validated ``Agenda`` model, with the problems found on the way.

The loader reports what is wrong with the *file* (E000–E004, Y001). One bad value does not hide
the rest: an unknown key is dropped, an unreadable value is set aside, and validation runs again,
so that every file-level problem is found in one run. The places that were set aside are
``damaged``; the timeline does not guess times for them, so they cause no follow-on findings.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from tfagenda.clock import minutes_phrase, parse_duration, parse_time
from tfagenda.findings import Applicability, DocPath, Edit, Fix, Problem, Span
from tfagenda.model import FIELDS, Agenda
from tfagenda.yamldoc import SEXAGESIMAL, Document, decode, parse, sniff_encoding

_TIME_FIELDS = ("start", "end", "duration")
_PLACEHOLDERS = {"title": "(untitled)", "name": "(unnamed)"}
# Fields that do not place a segment in time: an unreadable one leaves the rest of its mapping usable.
_UNTIMED = {"title", "name", "owner", "kind", "note", "venue", "role", "aliases", "weekday", "date", "timezone"}
_MAX_ROUNDS = 100


@dataclass
class Loaded:
    """One agenda file, loaded: the document (text and positions), the model if there is one, and problems."""

    document: Document
    agenda: Agenda | None
    problems: list[Problem] = field(default_factory=list)
    damaged: set[DocPath] = field(default_factory=set)

    @property
    def path(self) -> str:
        return self.document.path

    def is_damaged(self, at: DocPath) -> bool:
        return at in self.damaged


def load_file(path: str | Path) -> Loaded:
    """Read and load one agenda file; a file that cannot be read or decoded gives one problem."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        doc = Document(path=name, text="")
        reason = error.strerror or str(error)
        return Loaded(doc, None, [Problem("E000", (), f"cannot read the file: {reason}", span=Span(1, 1, 1, 1))])
    return load_bytes(raw, name)


def load_bytes(raw: bytes, path: str = "<string>") -> Loaded:
    try:
        text = decode(raw)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        doc = Document(path=path, text=raw.decode("utf-8", errors="replace"))
        message = f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start}); save it as UTF-8"
        return Loaded(doc, None, [Problem("E001", (), message, span=Span(line, column, line, column + 1))])
    loaded = load_text(text, path)
    loaded.document.bom, loaded.document.encoding = sniff_encoding(raw)  # so that a fix writes the same bytes back
    return loaded


def load_text(text: str, path: str = "<string>", source_format: str | None = None) -> Loaded:
    """Load an agenda from text: YAML, or a format an importer reads (detected from the path and text).

    ``path`` names the file in findings. Imported formats load in memory, and their findings
    point at lines of the source file.
    """
    from tfagenda.importers import detect_format, import_document

    chosen = source_format or detect_format(path, text)
    document = parse(text, path) if chosen == "yaml" else import_document(text, path, chosen)
    return load_document(document)


def load_document(document: Document) -> Loaded:
    """Validate a parsed document (YAML, or an importer's) into the model."""
    loaded = Loaded(document, None, list(document.problems), set(document.damaged))
    if document.problems and document.data is None:
        return loaded
    data = document.data
    if not isinstance(data, dict):
        what = "empty" if data is None else f"a {type(data).__name__}, not a mapping"
        loaded.problems.append(
            Problem("E002", (), f"the file is {what}; an agenda is a mapping with at least title and segments")
        )
        return loaded
    loaded.problems.extend(_implicit_numbers(document))
    loaded.agenda = _validate(data, loaded)
    if loaded.agenda is not None:
        loaded.agenda.assign_paths()
        if not loaded.agenda.segments and not loaded.agenda.days and not loaded.damaged:
            where = "segments" if loaded.agenda.segments is not None else "days" if loaded.agenda.days is not None else ()
            at = (where,) if where else ()
            loaded.problems.append(Problem("E002", at, "the agenda has no segments; add at least one under segments:"))
    return loaded


def _validate(data: dict[str, Any], loaded: Loaded) -> Agenda | None:
    for _ in range(_MAX_ROUNDS):
        try:
            return Agenda.model_validate(data)
        except ValidationError as errors:
            progressed = False
            for error in errors.errors():
                at = tuple(error["loc"])
                loaded.problems.append(_problem_for(error, at, loaded.document))
                progressed |= _set_aside(data, at, error["type"], loaded.damaged)
            if not progressed:
                return None
    return None


def _set_aside(data: Any, at: DocPath, kind: str, damaged: set[DocPath]) -> bool:
    """Remove or patch the value at ``at`` so validation can go on; False if nothing could be done."""
    if kind == "conflict":
        node = _get(data, at)
        richer = "days" if "days" in node else "tracks"
        dropped = [name for name in ("segments", "date", "weekday", "slot") if name in node and richer in node]
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
        parent[last] = {"title": "(invalid)"}
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


def _describe(at: DocPath) -> str:
    kind = _kind_of(at)
    if kind == "segment":
        return f"segment {at[-1] + 1}" if at[-2] == "segments" else f"part {at[-1] + 1}"
    if kind in ("track", "day"):
        return f"{kind} {at[-1] + 1}"
    return "the agenda" if kind == "agenda" else kind


def _problem_for(error: dict[str, Any], at: DocPath, document: Document) -> Problem:
    kind = error["type"]
    message = error["msg"]
    if kind == "bad_time":
        return Problem("E004", at, f"{at[-1] if at else 'value'}: {message}")
    if kind == "extra_forbidden":
        owner = at[:-1]
        known = FIELDS.get(_kind_of(owner), ())
        guess = difflib.get_close_matches(str(at[-1]), known, n=1, cutoff=0.6)
        hint = f"did you mean {guess[0]!r}?" if guess else f"known keys: {', '.join(known)}"
        return Problem(
            "E002",
            at,
            f"unknown key {at[-1]!r} in {_describe(owner)}; {hint}",
            key=True,
            fix=Fix(f"rename to {guess[0]!r}", Applicability.DISPLAY_ONLY, guess[0]) if guess else None,
        )
    if kind == "missing":
        return Problem("E002", at[:-1], f"{_describe(at[:-1])} has no {at[-1]}; add {at[-1]}:", key=False)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return Problem("E002", at, f"{_field_name(at)} must be a mapping (key: value), not {_type_name(error)}")
    if kind == "list_type":
        return Problem("E002", at, f"{_field_name(at)} must be a list (- item), not {_type_name(error)}")
    return Problem("E002", at, f"{_field_name(at)}: {message}")


def _field_name(at: DocPath) -> str:
    if not at:
        return "the agenda"
    if isinstance(at[-1], int):
        return _describe(at)
    return str(at[-1])


def _type_name(error: dict[str, Any]) -> str:
    value = error.get("input")
    return {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list", dict: "a mapping"}.get(
        type(value), "null" if value is None else type(value).__name__
    )


def _implicit_numbers(document: Document) -> list[Problem]:
    """Y001: unquoted times that YAML 1.1 tools would read as base-60 numbers."""
    problems = []
    for at, node in document.nodes.items():
        if not (node.plain and at and at[-1] in _TIME_FIELDS + ("slot",)):
            continue
        value = _get(document.data, at)
        if not (isinstance(value, str) and SEXAGESIMAL.fullmatch(value)):
            continue
        try:
            minutes = parse_duration(value) if at[-1] == "duration" else parse_time(value)
        except ValueError:
            continue  # not a time at all: E004 says so
        as_number = _sexagesimal_value(value)
        name = f"slot {at[-1]}" if len(at) >= 2 and at[-2] == "slot" else str(at[-1])
        meaning = f"the duration {value} ({minutes_phrase(minutes)})" if at[-1] == "duration" else f"the time {value}"
        problems.append(
            Problem(
                "Y001",
                at,
                f"{name} {value} is unquoted; YAML 1.1 tools (PyYAML, many editors) read it as the number "
                f"{as_number}. Read here as {meaning}; quote it: \"{value}\"",
                fix=Fix(
                    f'quote it: "{value}"',
                    Applicability.SAFE,
                    value,
                    edits=(Edit(node.span, f'"{value}"'),),
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
