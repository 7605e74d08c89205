"""The JSON Schema of the agenda format (``schema/agenda.schema.json``).

It must be current (the committed file is what ``tfagenda.schema`` generates), a valid 2020-12
schema, complete (every field of every model), and agree with tfagenda: every agenda tfagenda
reads is valid, and a value tfagenda cannot read is not. Most checks validate in-process with
the engine check-jsonschema runs on (jsonschema, with ECMAScript patterns through regress); a few
run check-jsonschema itself.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zoneinfo
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import regress
from conftest import AGENDAS, FIXTURES, REPO, SEED
from hypothesis import example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft7Validator, Draft202012Validator, ValidationError, validators
from ruamel.yaml import YAML, SafeConstructor

from tfagenda.clock import SLOT_SEPARATORS, parse_duration, parse_slot_text, parse_time
from tfagenda.load import load_text
from tfagenda.model import FIELDS, SHORTHANDS, Agenda, Day, Person, Segment, Track, weekday_index
from tfagenda.policy import Policy
from tfagenda.schema import (
    DURATION_PATTERN,
    SLOT_PATTERN,
    TIME_PATTERN,
    WEEKDAY_PATTERN,
    agenda_json_schema,
    schema_text,
)

SCHEMA_FILE = REPO / "schema" / "agenda.schema.json"
SCHEMA = agenda_json_schema()
GOOD_FILES = [*AGENDAS, SEED, *sorted((FIXTURES / "rules").glob("*/good*.yaml"))]


# --- the engines: jsonschema with ECMAScript patterns (as check-jsonschema) or Python's re -----


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not regress.Regex(pattern, flags="u").find(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _engine(base: type[Any], ecma: bool = True) -> Any:
    cls = validators.extend(base, {"pattern": _ecma_pattern}) if ecma else base
    return cls(SCHEMA, format_checker=base.FORMAT_CHECKER)


ENGINES = {
    "ecma": _engine(Draft202012Validator),  # as check-jsonschema
    "python-re": _engine(Draft202012Validator, ecma=False),  # as a Python tool with jsonschema's defaults
    # As the VS Code YAML extension, which validates with draft-07 semantics whatever $schema says.
    "draft-07": _engine(Draft7Validator),
}


def schema_errors(data: Any, engine: str = "ecma") -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in ENGINES[engine].iter_errors(data)]


class _TextTimestamps(SafeConstructor):
    pass


_TextTimestamps.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)


def read_yaml(source: Path | str) -> Any:
    """Load YAML as check-jsonschema does: ruamel.yaml (YAML 1.2), timestamps kept as text."""
    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = _TextTimestamps
    return yaml.load(source.read_bytes() if isinstance(source, Path) else source)


def tfagenda_reads(data: Any) -> bool:
    """Whether tfagenda reads the document without a file-level error (E001–E004)."""
    # JSON is YAML 1.2 without implicit typing; the .yaml name makes the loader read it as YAML.
    loaded = load_text(json.dumps(data, ensure_ascii=False), "probe.yaml")
    return loaded.agenda is not None and not any(
        p.code in ("E001", "E002", "E003", "E004") for p in loaded.problems
    )


# --- the committed file ---------------------------------------------------------------------


def test_committed_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "schema/agenda.schema.json is out of date; regenerate it with "
        "`python -m tfagenda.schema > schema/agenda.schema.json`"
    )


def test_schema_is_a_valid_2020_12_schema() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA)
    Draft7Validator.check_schema(SCHEMA)  # only keywords draft-07 tools read the same way
    for engine in ENGINES.values():  # every pattern compiles in both regex dialects
        engine.validate({"title": "t", "segments": [{"title": "s"}]})


def test_documented_modeline_path_resolves_from_agendas() -> None:
    docs = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    modeline = "# yaml-language-server: $schema=../schema/agenda.schema.json"
    assert modeline in docs
    assert (REPO / "agendas" / "../schema/agenda.schema.json").resolve() == SCHEMA_FILE


# --- complete: the schema cannot fall behind the models ---------------------------------------

OBJECTS = {
    "agenda": Agenda,
    "segment": Segment,
    "day": Day,
    "track": Track,
    "person": Person,
    "policy": Policy,
}


def _object_schema(name: str) -> dict[str, Any]:
    return SCHEMA if name == "agenda" else SCHEMA["$defs"][name]


@pytest.mark.parametrize("name", OBJECTS)
def test_every_model_field_is_in_the_schema(name: str) -> None:
    model, schema = OBJECTS[name], _object_schema(name)
    keys = {
        info.alias or field: info for field, info in model.model_fields.items()
    }  # policy's keys are aliases
    written = set(keys) | set(SHORTHANDS.get(name, ()))  # shorthands the loader reads as fields
    assert set(schema["properties"]) == written == set(FIELDS[name])
    assert set(schema.get("required", ())) == {key for key, info in keys.items() if info.is_required()}
    assert all(prop.get("description") for prop in schema["properties"].values() if "$ref" not in prop)


def test_slot_mapping_keys_are_the_models() -> None:
    slots = [s for s in _subschemas(SCHEMA) if s.get("pattern") == SLOT_PATTERN and "properties" in s]
    assert len(slots) == 2  # the meeting's and a day's (a segment's time shorthand is a string only)
    for slot in slots:
        assert tuple(slot["properties"]) == FIELDS["slot"] == tuple(slot["required"])


def _subschemas(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _subschemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from _subschemas(value)


def test_every_object_forbids_unknown_keys() -> None:
    objects = [
        s for s in _subschemas(SCHEMA) if s.get("type") == "object" or "object" in (s.get("type") or ())
    ]
    assert len(objects) == 10  # agenda, people, 2 slots, segment, track, day, person, policy, changeover
    for schema in objects:
        assert "additionalProperties" in schema, schema.get("description")
        if "properties" in schema:
            assert schema["additionalProperties"] is False, schema.get("description")


# --- the patterns say what clock.py and model.py accept ----------------------------------------


def _accepts(parse: Callable[[str], object], text: str) -> bool:
    try:
        parse(text)
    except ValueError as error:
        return "is empty" in str(error)  # an empty slot ("16:30-16:30") is arithmetic, not spelling
    return True


def _matches(pattern: str, text: str) -> tuple[bool, bool]:
    return bool(regress.Regex(pattern, flags="u").find(text)), bool(re.search(pattern, text))


DURATIONS_OK = [
    "5", "05", "5m", "5M", "5min", "5 mins", "5 minutes", "5분", "5 분", "'05", "05'", "’05", "5′", "1h", "1 hour",
    "2 Hours", "1hr", "1h30m", "1h30", "1h 30m", "1시간", "1시간 30분", "1:30", "10:05", "PT1H30M", "pt90m", "PT1H",
    " 5m ",
]  # fmt: skip
DURATIONS_BAD = [
    "",
    "m",
    "h",
    "5s",
    "1.5h",
    "-5",
    "PT",
    "PT1H30",
    "1:60",
    "1h1h",
    "1 30",
    "''05",
    "soon",
    "5 5m",
]


@pytest.mark.parametrize("text", DURATIONS_OK + DURATIONS_BAD)
def test_duration_pattern_matches_parse_duration(text: str) -> None:
    accepted = _accepts(parse_duration, text)
    assert accepted == (text in DURATIONS_OK)
    assert _matches(DURATION_PATTERN, text) == (accepted, accepted)


_SETTINGS = settings(max_examples=300, deadline=None)


@_SETTINGS
@given(st.text(alphabet="0123456789 :'’′hHmMrsPTtoinuefc분시간", max_size=9))
def test_duration_pattern_agrees_on_any_spelling(text: str) -> None:
    accepted = _accepts(parse_duration, text)
    assert _matches(DURATION_PATTERN, text) == (accepted, accepted)


@_SETTINGS
@given(st.text(alphabet="0123456789: \t", max_size=7))
@example("24:00")
@example("24:01")
@example("7:05")
@example("007:05")
def test_time_pattern_agrees_with_parse_time(text: str) -> None:
    accepted = _accepts(parse_time, text)
    assert _matches(TIME_PATTERN, text) == (accepted, accepted)


@_SETTINGS
@given(st.text(alphabet="0123456789: " + SLOT_SEPARATORS, max_size=14))
@example("16:30-18:00")
@example("16:30 ~ 18:00")
@example("22:00∼01:00")
@example("16:30--18:00")
def test_slot_pattern_agrees_with_parse_slot_text(text: str) -> None:
    accepted = _accepts(parse_slot_text, text)
    assert _matches(SLOT_PATTERN, text) == (accepted, accepted)


def _weekday(text: str) -> None:
    if weekday_index(text) is None:
        raise ValueError(text)


@_SETTINGS
@given(st.text(alphabet="월목요일 .()（）MonTuesWdhrFiSatyUNDH", max_size=9))
@example("Thurs")
@example("(목)")
@example("thu.")
@example("목 .)")
@example("목) .")
def test_weekday_pattern_agrees_with_weekday_index(text: str) -> None:
    accepted = _accepts(_weekday, text)
    assert _matches(WEEKDAY_PATTERN, text) == (accepted, accepted)


# --- the schema and the loader agree on every field ---------------------------------------------

SEGMENT = {"title": "s", "duration": 5}
MEETING = {"title": "t", "segments": [SEGMENT]}
EVENT = {"title": "t", "days": [{"segments": [SEGMENT]}]}
SLOT_MAP = {"start": "09:00", "end": "10:00"}
# Each kind of mapping (a key of model.FIELDS) in a small valid document, and the way to it.
PLACES: dict[str, tuple[str, dict[str, Any], tuple[Any, ...]]] = {
    "meeting": ("agenda", MEETING, ()),
    "event": ("agenda", EVENT, ()),
    "segment": ("segment", MEETING, ("segments", 0)),
    "part": (
        "segment",
        {"title": "t", "segments": [{"title": "s", "parts": [SEGMENT]}]},
        ("segments", 0, "parts", 0),
    ),
    "day": ("day", EVENT, ("days", 0)),
    "track": (
        "track",
        {"title": "t", "days": [{"tracks": [{"name": "r", "segments": [SEGMENT]}]}]},
        ("days", 0, "tracks", 0),
    ),
    "person": ("person", {**MEETING, "people": {"p": {}}}, ("people", "p")),
    "slot": ("slot", {**MEETING, "slot": SLOT_MAP}, ("slot",)),
    "policy": ("policy", {**MEETING, "policy": {}}, ("policy",)),
}
MISSING = object()
VALUES: list[Any] = [
    MISSING, None, True, 0, 5, -5, 5.5, "", " ", "x", "-", " - ",
    "16:30", "7:05", "24:00", "24:01", "25:10", "16:70", "1630",
    "5m", "1h30m", "'05", "PT1H30M", "PT", "soon",
    "16:30-18:00", "16:30 ~ 18:00", "16:30-16:30", "16:30-25:00",
    "2026-02-26", "2026-02-30", "26-02-2026",
    "목", "목요일", "Thu.", "Thurs", "Asia/Seoul", "Asia/Sejong",
    [], ["a"], ["a", "-"], ["-"], [""], [1], [None],
    {}, SLOT_MAP, {"start": "09:00"}, {"a": None}, {"a": {"name": "x"}}, {"a": {"bogus": 1}},
    [SEGMENT], [{}], [{"segments": [SEGMENT]}], [{"name": "r"}],
]  # fmt: skip
# Where the schema knowingly differs from the loader. It is looser about time zones (it cannot
# list the IANA names: that list changes with tzdata) and empty slots and time windows
# (arithmetic, which `tfagenda check` does); stricter about the policy's integers, which pydantic reads in lax mode
# (true is 1, "5" is 5).


def schema_may_be_looser(key: str, value: Any) -> bool:
    empty = key in ("slot", "available", "unavailable", "open", "closed") and value == "16:30-16:30"
    return (key == "timezone" and isinstance(value, str)) or empty


def schema_may_be_stricter(key: str, value: Any) -> bool:
    return False  # the policy is strict (aliases only, no coercion), as the schema is


KNOWN_DIFFERENCES = [("timezone", "Asia/Sejong"), ("slot", "16:30-16:30")]


def _probes() -> Iterator[tuple[str, Any, Any, dict[str, Any]]]:
    for place, (kind, base, at) in PLACES.items():
        for key in (*FIELDS[kind], "duraton"):
            for value in VALUES:
                doc = json.loads(json.dumps(base))
                node = doc
                for step in at:
                    node = node[step]
                if value is MISSING:
                    if key not in node:
                        continue
                    del node[key]
                else:
                    node[key] = value
                shown = "(missing)" if value is MISSING else json.dumps(value, ensure_ascii=False)
                yield f"{place}.{key}={shown}", key, value, doc


def test_schema_and_loader_agree_on_every_field() -> None:
    disagreements, probes = [], 0
    for label, key, value, doc in _probes():
        probes += 1
        reads = tfagenda_reads(doc)
        for engine in ENGINES:
            valid = not schema_errors(doc, engine)
            if (
                valid == reads
                or (valid and schema_may_be_looser(key, value))
                or (reads and schema_may_be_stricter(key, value))
            ):
                continue
            verdict = schema_errors(doc, engine) or "valid"
            disagreements.append(
                f"{label} [{engine}]: tfagenda {'reads' if reads else 'refuses'} it; schema: {verdict}"
            )
    assert not disagreements, "\n".join(disagreements)
    assert probes > 3000


@pytest.mark.parametrize("key,value", KNOWN_DIFFERENCES)
def test_known_differences_are_real(key: str, value: Any) -> None:
    doc = {**MEETING, "policy": {key: value}} if key in FIELDS["policy"] else {**MEETING, key: value}
    assert tfagenda_reads(doc) == schema_may_be_stricter(key, value)
    assert (not schema_errors(doc)) == schema_may_be_looser(key, value)


def test_timezone_pattern_allows_every_iana_name() -> None:
    names = zoneinfo.available_timezones()
    assert names and all(re.search(SCHEMA["properties"]["timezone"]["pattern"], name) for name in names)


# --- files -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", GOOD_FILES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_good_files_are_valid(path: Path) -> None:
    data = read_yaml(path)
    for engine in ENGINES:
        assert schema_errors(data, engine) == [], engine


def test_unquoted_yaml_values_are_text() -> None:
    """YAML 1.2 (check-jsonschema, the VS Code extension) reads unquoted 14:10 and 2026-02-26 as text."""
    ok = "title: t\ndate: 2026-02-26\nsegments:\n  - {title: s, start: 14:10, end: 24:00, duration: 1h30m}\n"
    bad = "title: t\nsegments:\n  - {title: s, start: 25:10}\n"
    assert schema_errors(YAML(typ="safe", pure=True).load(ok)) != []  # a plain loader makes a date object…
    assert schema_errors(read_yaml(ok)) == []  # …check-jsonschema's keeps it as text
    assert [error.split(":")[0] for error in schema_errors(read_yaml(bad))] == ["segments/0/start"]


# --- check-jsonschema itself (a few runs: it takes a second to start) ---------------------------

BAD_FILES = {
    "unknown-key.yaml": 'title: t\nsegments:\n  - {title: s, start: "16:30", duraton: 5}\n',
    "bad-time.yaml": 'title: t\nslot: "16:00-17:00"\nsegments:\n  - {title: s, start: 25:10, duration: 5}\n',
}


def check_jsonschema(*files: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA_FILE), *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=REPO)


def test_check_jsonschema_accepts_the_agendas() -> None:
    result = check_jsonschema(*AGENDAS, SEED)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", BAD_FILES)
def test_check_jsonschema_rejects(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(BAD_FILES[name], encoding="utf-8")
    result = check_jsonschema(path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert ("duraton" if name == "unknown-key.yaml" else "'25:10'") in result.stdout
