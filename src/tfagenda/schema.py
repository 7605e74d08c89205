"""A JSON Schema (2020-12) of the agenda format, for editors and for check-jsonschema.

The schema describes the agenda as *written* — times and durations as text — not the models'
parsed values (minutes), which is what pydantic's own schema would describe. It is written out
here rather than generated from the models, so that it is stable across pydantic versions and
says exactly what tfagenda accepts; ``tests/test_schema.py`` keeps the two in step (every model
field is in the schema, and the schema and the loader agree on a grid of values for every field).

The patterns are built from the same constants ``clock.py`` and ``model.py`` use. They are
ECMAScript regexes, as JSON Schema requires, written in the subset that Python's ``re`` reads the
same way (``[0-9]`` rather than ``\\d``, case spelled out with ``[hH]`` rather than a flag).

Only keywords that draft-07 validators treat the same way are used (``type``, ``properties``,
``additionalProperties``, ``required``, ``pattern``, ``items``, ``minItems``, ``anyOf``,
``oneOf``, ``not``, local ``$ref``s into ``$defs`` with nothing beside them), because the VS Code
YAML extension validates instances with a draft-07 engine whatever ``$schema`` says.

``python -m tfagenda.schema > schema/agenda.schema.json`` regenerates the committed copy.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tfagenda.clock import SLOT_SEPARATORS
from tfagenda.model import NOBODY, WEEKDAYS_EN, WEEKDAYS_KO
from tfagenda.policy import CHANGEOVER_JSON_SCHEMA, ROOM_PAIR_PATTERN, Policy

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# A name, not an address: `.invalid` never resolves, so no tool fetches it. Editors find the
# schema by path (the modeline or yaml.schemas), and every $ref in it is local.
SCHEMA_ID = "https://tfagenda.invalid/schema/agenda.schema.json"


def _anycase(word: str) -> str:
    """``"min"`` → ``"[mM][iI][nN]"``: case-insensitive without a regex flag (JSON Schema has none)."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isascii() and c.isalpha() else re.escape(c) for c in word)


def _either(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"


def _whole(core: str) -> str:
    """Anchor a pattern; surrounding whitespace is allowed because tfagenda strips it."""
    return rf"^\s*{core}\s*$"


# clock.parse_time: H:MM or HH:MM, 00:00 to 24:00.
_CLOCK = _either("(?:[01]?[0-9]|2[0-3]):[0-5][0-9]", "24:00")
TIME_PATTERN = _whole(_CLOCK)

# clock.parse_duration, spelling by spelling (the order of its checks does not matter here):
_PRIMES = "['’′]"
_DURATION_PRIME = _either(f"{_PRIMES}[0-9]+", f"[0-9]+{_PRIMES}")  # '05, 05', 05′
_DURATION_HM = "[0-9]+:[0-5][0-9]"  # 1:30 (hours:minutes)
_DURATION_ISO = _either("[pP][tT][0-9]+[hH](?:[0-9]+[mM])?", "[pP][tT][0-9]+[mM]")  # PT1H30M, PT1H, PT90M
_HOUR_UNITS = _either(*map(_anycase, ("hours", "hour", "hrs", "hr", "h")), "시간")
_MINUTE_UNITS = _either(*map(_anycase, ("minutes", "minute", "mins", "min", "m")), "분")
_HOURS = rf"[0-9]+\s*{_HOUR_UNITS}\s*"  # 1h, 1 hour, 1시간
_MINUTES = rf"[0-9]+\s*{_MINUTE_UNITS}?"  # 5, 5m, 5 mins, 5분; after hours also 1h30
_DURATION_UNITS = _either(f"{_HOURS}(?:{_MINUTES})?", _MINUTES)
DURATION_PATTERN = _whole(_either(_DURATION_PRIME, _DURATION_HM, _DURATION_ISO, _DURATION_UNITS))

# clock.parse_slot_text: two times and one separator ("-" first, so that it is literal in the class).
_SEPARATOR = "[" + ("-" if "-" in SLOT_SEPARATORS else "") + SLOT_SEPARATORS.replace("-", "") + "]"
SLOT_PATTERN = _whole(rf"{_CLOCK}\s*{_SEPARATOR}\s*{_CLOCK}")


# tfagenda.weekdays.weekday_index: 목, 목요일, Thu, thu., Thursday, (목); English prefixes of 2 to 4 letters; Thurs.
def _english_weekday(name: str) -> str:
    """``"monday"`` → mo, mon, mond or monday, in any case: ``[mM][oO](?:[nN](?:[dD](?:[aA][yY])?)?)?``."""
    return (
        _anycase(name[:2])
        + "".join(f"(?:{_anycase(piece)}" for piece in (name[2], name[3], name[4:]))
        + ")?" * 3
    )


_WEEKDAY_CORE = _either(f"[{WEEKDAYS_KO}](?:요일)?", *map(_english_weekday, WEEKDAYS_EN), _anycase("thurs"))
_PARENS = "[()（）]*"
WEEKDAY_PATTERN = _whole(rf"{_PARENS}\s*{_WEEKDAY_CORE}\s*\.*{_PARENS}")

DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# windows.parse_window: "13:00-18:00" (every day), "2026-03-12 09:00-12:00", or "2026-03-12" alone.
_WINDOW_RANGE = rf"{_CLOCK}\s*{_SEPARATOR}\s*{_CLOCK}"
WINDOW_PATTERN = _whole(rf"(?:[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\s+)?{_WINDOW_RANGE}")
# The characters of IANA zone names (Asia/Seoul, Etc/GMT+9, America/Port-au-Prince); whether the
# zone exists is for tfagenda to say (the list changes with tzdata).
TIMEZONE_PATTERN = "^[A-Za-z][A-Za-z0-9_+/-]*$"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """The value, or null (for tfagenda a key given as null is a key not set, where the model allows it).

    Value types take null into their ``type`` list, so that a bad value is reported by its pattern
    rather than as "not valid under any of the given schemas"; references take an ``anyOf``.
    """
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    return {**schema, "type": [*types, "null"]}


def _text(description: str) -> dict[str, Any]:
    # model.Text: any scalar but true/false and null; numbers are read as their text.
    return {"description": description, "type": ["string", "number"]}


def _time(description: str) -> dict[str, Any]:
    return {
        "description": f'{description} "HH:MM" or "H:MM", 00:00 to 24:00, quoted (YAML 1.1 tools read 14:10 as 850).',
        "type": "string",
        "pattern": TIME_PATTERN,
        "patternErrorMessage": 'a time is "HH:MM" from "00:00" to "24:00", e.g. "16:30"',
        "examples": ["09:30", "16:30"],
    }


def _duration(description: str) -> dict[str, Any]:
    return {
        "description": f'{description} Whole minutes (5), or "5m", "5min", "5 mins", "5분", "\'05", "05\'", "1h", '
        '"1h30m", "1시간 30분", "1:30" (hours:minutes), ISO 8601 "PT1H30M".',
        "type": ["integer", "string"],
        "minimum": 0,
        "pattern": DURATION_PATTERN,
        "patternErrorMessage": 'a duration is minutes (5) or text such as "5m", "5분", "\'05", "1h30m", "1:30", "PT1H30M"',
        "examples": [5, "5m", "5분", "'05", "1h30m", "1:30", "PT1H30M"],
    }


def _slot(description: str) -> dict[str, Any]:
    # A string or a mapping: pattern applies to the string, the object keywords to the mapping.
    return {
        "description": f'{description} "16:30-18:00", "16:30~18:00", "16:30 ~ 18:00", or {{start: "16:30", '
        'end: "18:00"}; an end before the start crosses midnight ("22:00-01:00").',
        "type": ["string", "object"],
        "pattern": SLOT_PATTERN,
        "patternErrorMessage": 'a slot is two times with - or ~ between them, e.g. "16:30-18:00"',
        "properties": {"start": _time("When the slot starts:"), "end": _time("When the slot ends:")},
        "required": ["start", "end"],
        "additionalProperties": False,
        "examples": ["16:30-18:00", "09:30 ~ 12:00"],
    }


def _date(description: str) -> dict[str, Any]:
    return {
        "description": f"{description} An ISO date, YYYY-MM-DD.",
        "type": "string",
        "format": "date",
        "pattern": DATE_PATTERN,
        "patternErrorMessage": "a date is YYYY-MM-DD, e.g. 2026-02-26",
        "examples": ["2026-02-26"],
    }


def _weekday(description: str) -> dict[str, Any]:
    return {
        "description": f"{description} As printed (월…일, 목요일, Mon, Thu., Thursday); checked against the date (D001).",
        "type": "string",
        "pattern": WEEKDAY_PATTERN,
        "patternErrorMessage": "a weekday is 월…일, 목요일, Thu or Thursday",
        "examples": ["목", "목요일", "Thu", "Thursday"],
    }


def _windows(description: str) -> dict[str, Any]:
    # A whole date is checked as a date (format), a window with times by its pattern.
    one = {
        "anyOf": [
            {"type": "string", "format": "date", "pattern": DATE_PATTERN},
            {
                "type": "string",
                "pattern": WINDOW_PATTERN,
                "patternErrorMessage": 'a window is "13:00-18:00", "2026-03-12 09:00-12:00" or "2026-03-12"',
            },
        ]
    }
    return {
        "description": f'{description} A window or a list of windows: "13:00-18:00" (every day), '
        '"2026-03-12 09:00-12:00" (that date) or "2026-03-12" (that whole date); an end before the '
        "start crosses midnight. None given: any time.",
        "anyOf": [*one["anyOf"], {"type": "array", "items": one}, {"type": "null"}],
        "examples": ["09:00-18:00", ["2026-03-12 09:00-12:00", "13:00-18:00"]],
    }


def _minutes(description: str) -> dict[str, Any]:
    return {"description": description, "type": "integer", "minimum": 0}


def _policy_doc(key: str) -> str:
    """A policy field's description, from the model (``gap-tolerance`` is the field ``gap_tolerance``)."""
    return next(info.description or "" for info in Policy.model_fields.values() if info.alias == key)


def _changeover() -> dict[str, Any]:
    """policy.changeover: the config's schema of it, with durations spelled as segments spell them.
    Not expressed: that a pair names two different rooms, and each way once."""
    duration = _duration("Minutes needed.")
    return {
        **CHANGEOVER_JSON_SCHEMA,
        "description": _policy_doc("changeover"),
        "pattern": DURATION_PATTERN,
        "patternErrorMessage": duration["patternErrorMessage"],
        "properties": {"default": duration},
        "patternProperties": {ROOM_PAIR_PATTERN: duration},
        "examples": ["10m", {"default": 10, "Hall A -> Hall B": 15, "Hall A <-> Annex": 20}],
    }


def _segments(description: str) -> dict[str, Any]:
    return {"description": description, "type": "array", "items": _ref("segment")}


def _defs() -> dict[str, Any]:
    return {
        "segment": {
            "description": "One item of the agenda. Any two of start, end and duration determine it.",
            "type": "object",
            "properties": {
                "title": _text("What happens (required)."),
                "start": _nullable(
                    _time(
                        "When it starts. Default: the previous segment's end (the slot's start for the first "
                        "segment, the parent's start for the first part)."
                    )
                ),
                "end": _nullable(
                    _time(
                        "When it ends. Default: start + duration; with only a start, the next segment's start "
                        "(the slot's end for the last segment, the parent's end for the last part)."
                    )
                ),
                "time": {
                    "description": "Start and end in one value, a shorthand for start and end (not with them): "
                    '"16:30~16:35", "16:30-16:35", "16:30 ~ 16:35".',
                    "type": "string",
                    "pattern": SLOT_PATTERN,
                    "patternErrorMessage": 'time is start~end, two times with - or ~ between them, e.g. "16:30~16:35"',
                    "examples": ["16:30~16:35", "09:00-09:10"],
                },
                "duration": _nullable(_duration("How long it lasts. Default: end − start.")),
                "owner": {
                    "description": 'Who leads it: a name, a list of names, or "-" or null for deliberately nobody. '
                    "Matched against people by id, alias or name (when people is given). A part inherits its "
                    'parent\'s owner. An empty owner ("") is a missing owner, reported by tfagenda check as O001.',
                    "type": ["string", "array", "null"],
                    "minItems": 1,
                    "items": {"type": "string", "pattern": r"\S"},
                    "examples": [NOBODY],
                },
                "kind": _nullable(_text('Free text; "break" or "휴식" needs no owner.')),
                "note": _nullable(_text("A remark, shown in the rendered agenda.")),
                "parts": _segments(
                    "Nested segments with the same fields; they chain from the parent's start. A segment with "
                    "parts and no length of its own lasts as long as its parts."
                ),
                "topics": {
                    "description": "What it is about: a name or a list of names. Segments that share a topic should "
                    "not run at the same time in different tracks (S004). A part does not inherit its parent's.",
                    "type": ["string", "array", "null"],
                    "pattern": r"\S",
                    "items": {"type": "string", "pattern": r"\S"},
                    "examples": [["rust", "security"]],
                },
                "clash-group": {
                    "description": "A group of segments an audience wants to see all of: segments of one clash group "
                    "should not run at the same time in different tracks (S004).",
                    "type": ["string", "number", "null"],
                    "pattern": r"\S",
                    "examples": ["beginners"],
                },
            },
            "required": ["title"],
            "not": {"anyOf": [{"required": ["time", "start"]}, {"required": ["time", "end"]}]},
            "additionalProperties": False,
        },
        "track": {
            "description": "A room or stream of a day; segments in different tracks may run at the same time.",
            "type": "object",
            "properties": {
                "name": _text("The track's name, e.g. the room (required)."),
                "venue": _nullable(_text("Where this track is.")),
                "open": _windows("When the room can be used (F004 reports a segment outside)."),
                "closed": _windows("When the room cannot be used (F004 reports a segment inside)."),
                "segments": _segments("This track's segments, in order."),
            },
            "required": ["name"],
            "additionalProperties": False,
        },
        "day": {
            "description": "One day of a multi-day event: segments, or parallel tracks (not both).",
            "type": "object",
            "properties": {
                "date": _nullable(_date("The day's date.")),
                "weekday": _nullable(_weekday("The day's weekday.")),
                "title": _nullable(_text("The day's title.")),
                "slot": _nullable(_slot("The day's time:")),
                "venue": _nullable(_text("Where the day takes place.")),
                "segments": _nullable(_segments("The day's segments, in order (or tracks).")),
                "tracks": _nullable(
                    {
                        "description": "Parallel tracks (rooms), each {name, venue, segments} (or segments).",
                        "type": "array",
                        "items": _ref("track"),
                    }
                ),
            },
            "additionalProperties": False,
            "not": {
                "required": ["segments", "tracks"],
                "properties": {"segments": {"type": "array"}, "tracks": {"type": "array"}},
            },
        },
        "person": {
            "description": "Someone who may own segments.",
            "type": "object",
            "properties": {
                "name": _nullable(_text("Their name; owners may use it.")),
                "role": _nullable(_text("Their role, e.g. 단장.")),
                "aliases": {
                    "description": "Other names owners may use.",
                    "type": "array",
                    "items": {"type": ["string", "number"]},
                },
                "available": _windows("When they can own segments (O006 reports a segment outside)."),
                "unavailable": _windows("When they cannot own segments (O006 reports a segment inside)."),
            },
            "additionalProperties": False,
        },
        "policy": {
            "description": "This file's policy; it wins over [tool.tfagenda.policy] in pyproject.toml.",
            "type": "object",
            "properties": {
                "gap-tolerance": _nullable(_minutes(_policy_doc("gap-tolerance"))),
                "slot-tolerance": _minutes(_policy_doc("slot-tolerance")),
                "time-order": {"type": "boolean", "description": _policy_doc("time-order")},
                "hosts": {
                    "type": "array",
                    "items": {"type": "string"},
                    "description": _policy_doc("hosts"),
                },
                "changeover": _changeover(),
            },
            "additionalProperties": False,
        },
    }


def agenda_json_schema() -> dict[str, Any]:
    """The JSON Schema of an agenda file, as a dict ready for ``json.dumps``."""
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": "tfagenda agenda",
        "description": "A meeting agenda or event schedule checked by tfagenda: one meeting (segments) or an event "
        "over several days (days). The schema checks the shape and the spelling of times; `tfagenda check` "
        "checks the arithmetic.",
        "type": "object",
        "properties": {
            "title": _text("The meeting's or event's title (required)."),
            "date": _nullable(_date("The meeting's date (with days: on each day instead).")),
            "weekday": _nullable(_weekday("The meeting's weekday (with days: on each day instead).")),
            "slot": _nullable(_slot("The meeting's time (with days: on each day instead):")),
            "timezone": {
                "description": "An IANA time zone name, e.g. Asia/Seoul.",
                "type": ["string", "null"],
                "pattern": TIMEZONE_PATTERN,
                "examples": ["Asia/Seoul", "Europe/Berlin"],
            },
            "venue": _nullable(_text("Where it takes place.")),
            "people": {
                "description": "Who may own segments: id → {name, role, aliases, available, unavailable} (all "
                "optional) or null. A people.yaml beside the agendas adds shared entries (docs/people.md).",
                "type": ["object", "null"],
                "additionalProperties": _nullable(_ref("person")),
            },
            "policy": {
                "description": "Policies for this file (gap-tolerance, slot-tolerance, time-order, hosts, changeover); they win over the config's.",
                **_nullable(_ref("policy")),
            },
            "segments": {
                **_nullable(_segments("The meeting's segments, in order; at least one. Not with days.")),
                "minItems": 1,
            },
            "days": {
                "description": "Several days or parallel rooms, instead of date, weekday, slot and segments.",
                "type": ["array", "null"],
                "items": _ref("day"),
                "minItems": 1,
            },
        },
        "required": ["title"],
        "additionalProperties": False,
        # One meeting (segments) or an event (days): exactly one of them, as a list. `segments: null`
        # beside days is not a conflict for tfagenda, so the branches test the type, not the key.
        "oneOf": [
            {"required": ["segments"], "properties": {"segments": {"type": "array"}}},
            {
                "required": ["days"],
                "properties": {"days": {"type": "array"}},
                "not": {"anyOf": [{"required": ["date"]}, {"required": ["weekday"]}, {"required": ["slot"]}]},
            },
        ],
        "$defs": _defs(),
    }


def schema_text() -> str:
    """The schema as the committed ``schema/agenda.schema.json``: indented JSON, UTF-8, final newline."""
    return json.dumps(agenda_json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    sys.stdout.write(schema_text())
