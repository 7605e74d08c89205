"""Agenda data → YAML text in the house style: the model's key order, times and slots in double
quotes (so YAML 1.1 tools read them as text too, Y001), one flow mapping per segment when it has
no parts, Korean written as is."""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from tfagenda.model import FIELDS

_QUOTED = ("start", "end", "slot")
_ORDER = {
    "agenda": FIELDS["agenda"],
    "segment": ("start", "end", "duration", "title", "owner", "kind", "note", "parts"),
    "day": FIELDS["day"],
    "track": FIELDS["track"],
}


def _ordered(mapping: dict[str, Any], kind: str) -> CommentedMap:
    order = _ORDER.get(kind, ())
    keys = [k for k in order if k in mapping] + [k for k in mapping if k not in order]
    result = CommentedMap()
    for key in keys:
        result[key] = _value(key, mapping[key], kind)
    return result


def _value(key: str, value: Any, parent: str) -> Any:
    if key in ("segments", "parts") and isinstance(value, list):
        return _segments(value)
    if key == "days" and isinstance(value, list):
        return CommentedSeq([_day(day) for day in value])
    if key == "tracks" and isinstance(value, list):
        return CommentedSeq([_ordered({**t, "segments": t.get("segments", [])}, "track") for t in value])
    if key in _QUOTED and isinstance(value, str):
        return DoubleQuotedScalarString(value)
    if key == "slot" and isinstance(value, dict):
        slot = CommentedMap(
            (k, DoubleQuotedScalarString(v) if isinstance(v, str) else v) for k, v in value.items()
        )
        slot.fa.set_flow_style()
        return slot
    if key == "duration" and isinstance(value, str):
        return DoubleQuotedScalarString(value)
    if key == "owner" and value == "-":
        return DoubleQuotedScalarString(value)  # as the README writes "nobody"
    if key == "people" and isinstance(value, dict):
        people = CommentedMap()
        for person_id, person in value.items():
            if isinstance(person, dict):
                entry = CommentedMap(person)
                entry.fa.set_flow_style()
                people[person_id] = entry
            else:
                people[person_id] = person
        return people
    if isinstance(value, dict):
        return _ordered(value, key)
    return value


def _segments(items: list[Any]) -> CommentedSeq:
    sequence = CommentedSeq()
    for item in items:
        if not isinstance(item, dict):
            sequence.append(item)
            continue
        segment = _ordered(item, "segment")
        if not item.get("parts"):
            segment.fa.set_flow_style()
        sequence.append(segment)
    return sequence


def _day(day: dict[str, Any]) -> CommentedMap:
    return _ordered(day, "day")


def to_yaml(data: dict[str, Any], comment: str | None = None) -> str:
    """YAML text for agenda data; ``comment`` becomes a header comment (one ``#`` line per line)."""
    yaml = YAML(typ="rt")
    yaml.width = 4096  # never fold a long title
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    buffer = io.StringIO()
    yaml.dump(_ordered(data, "agenda"), buffer)
    header = "".join(f"# {line}\n" if line else "#\n" for line in (comment or "").splitlines())
    return header + buffer.getvalue()
