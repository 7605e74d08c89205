"""The direct YAML writer of ``tfagenda import`` (issue 17, target 3) writes what ruamel.yaml's
round-trip dumper wrote, byte for byte, and every text loads back as itself."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from tfagenda.importers import detect_format, import_document, yamlout
from tfagenda.importers.yamlout import ruamel_yaml, to_yaml
from tfagenda.load import load_text
from tfagenda.yamldoc import parse

REPO = Path(__file__).resolve().parent.parent
REAL = REPO.parent / "shared" / "reference" / "real"
# Real schedules of every frab layout, small enough for ruamel.yaml's writer to take a few seconds.
REAL_SOURCES = [
    "gpn17-schedule.xml",
    "denog16-pretalx-schedule.xml",
    "debconf17-wafer-schedule.xml",
    "fosdem-2011-schedule.xml",
    "35c3-fahrplan-schedule.json",
    "ko-dotnet-bicycle-workshop.md",
    "en-iros2025-workshop-programme.md",
]
SOURCES = sorted((REPO / "tests" / "fixtures" / "frab").iterdir()) + sorted(
    (REPO / "tests" / "fixtures" / "ministry").iterdir()
)


def _direct(data: dict[str, Any]) -> str:
    """The direct writer's text, failing the test where it would hand the data to ruamel.yaml."""
    return yamlout._Writer().document(data)


def _imported(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    document = import_document(text, str(path), detect_format(str(path), text))
    assert document.data is not None, path
    return document.data


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_imports_are_written_as_ruamel_yaml_wrote_them(path: Path) -> None:
    data = _imported(path)
    assert _direct(data) == ruamel_yaml(data)
    assert to_yaml(data, "imported\n\nby a test") == ruamel_yaml(data, "imported\n\nby a test")


@pytest.mark.parametrize("name", REAL_SOURCES)
def test_real_schedules_are_written_as_ruamel_yaml_wrote_them(name: str) -> None:
    if not (REAL / name).exists():
        pytest.skip(f"{REAL / name} is absent")
    data = _imported(REAL / name)
    written = to_yaml(data, "imported")
    assert _direct(data) + "" == written.removeprefix("# imported\n")
    assert written == ruamel_yaml(data, "imported")


def test_the_loaded_agenda_is_the_one_ruamel_yaml_wrote() -> None:
    """The model tfagenda loads from the direct writer's text is the one it loaded from ruamel.yaml's."""
    data = _imported(REPO / "tests" / "fixtures" / "frab" / "tinycamp-2026.xml")
    ours, reference = load_text(to_yaml(data), "a.yaml"), load_text(ruamel_yaml(data), "a.yaml")
    assert ours.agenda is not None
    assert ours.agenda == reference.agenda
    assert ours.document.data == reference.document.data


def test_data_the_direct_writer_leaves_to_ruamel_yaml() -> None:
    """Floats, a list reached twice (ruamel.yaml anchors it), a list in a block list, a long key, a
    line longer than ruamel.yaml leaves unfolded are written by ruamel.yaml, as before."""
    shared = ["ana", "bo"]
    cases: list[dict[str, Any]] = [
        {"title": "t", "policy": {"gap-tolerance": 0.5}},
        {"title": "t", "segments": [{"title": "a", "owner": shared}, {"title": "b", "owner": shared}]},
        {"title": "t", "extra": [["a", "b"]]},
        {"title": "t", "people": {"x" * 130: {"name": "n"}}},
        {"title": "t " * 2100},
    ]
    for data in cases:
        with pytest.raises(yamlout._Unwritable):
            _direct(data)
        assert to_yaml(data) == ruamel_yaml(data)
    assert "&id001" in to_yaml(cases[1])


def test_shapes_written_alike() -> None:
    """Empty values, lists and mappings in block and flow places, and the house style's quoting."""
    data = {
        "title": "",
        "venue": None,
        "people": {"a": {"name": "", "role": None}, "b": "x", "c": {}},
        "policy": {},
        "segments": [
            {"title": "", "owner": [], "note": None, "kind": [None, "", {}]},
            {"title": "x", "parts": [{"title": "y", "owner": ["a", "b"]}], "owner": ["a", None, "", 3, True]},
            [],
            {},
            "z",
            None,
            "",
        ],
        "days": [],
        "x": [{"a": [1]}, {"b": {"c": {"d": None}}}],
        "slot": {"start": "09:00", "end": 5},
        "n": 12,
        "b": False,
        "duration": "1h",
        "owner": "-",
    }
    assert _direct(copy.deepcopy(data)) == ruamel_yaml(data)


# Pieces of text that change how YAML reads a scalar, or how a writer must quote it.
PIECES = [
    "",
    " ",
    "  ",
    ":",
    ": ",
    "#",
    " #",
    "-",
    "- ",
    "'",
    '"',
    "yes",
    "no",
    "on",
    "off",
    "true",
    "False",
    "null",
    "~",
    "16:30",
    "1_000",
    "1e3",
    "0x1F",
    "0o7",
    ".inf",
    "2026-02-26",
    "2026-2-6 1:02:03",
    "회의",
    "발표 #1",
    "\t",
    "\n",
    "\r",
    "\x00",
    "\x07",
    "\x7f",
    "\x9f",
    "\xa0",
    "\ufeff",
    "\ud7ff",
    "\U0001f600",
    "[",
    "]",
    "{",
    "}",
    ",",
    "?",
    "!",
    "&",
    "*",
    "|",
    ">",
    "%",
    "@",
    "`",
    "...",
    "---",
    "\\",
    "a",
    "1",
    ".",
    "=",
    "<<",
    "+",
    "O'Brien",
]
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=6).map("".join),
    st.text(max_size=20),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
)


def _agenda(title: str, name: str, person_id: str, note: str, other: str) -> dict[str, Any]:
    return {
        "title": title,
        "venue": other,
        "people": {person_id: {"name": name, other or "role": note}},
        "segments": [
            {"start": other, "title": title, "owner": [person_id, name], "note": note},
            {"title": note, "owner": person_id, "kind": other, "parts": [{"title": name, "duration": other}]},
        ],
        other or "extra": [title, {name or "k": note}],
    }


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, texts, texts, texts, texts)
@example("16:30", "yes", "1", "- item", "'quoted")
@example("a: b", "#", "2026-02-26", "\x00\t\n", "회의 # 1")
@example("", " lead", "trail ", "on", "---")
@example("", "", "", "", "2026-2-6 1:02:03")  # found by hypothesis: a timestamp is no text when plain
@example("", ": -", "\n", "", "")  # found by hypothesis: ruamel.yaml's "? " key and a plain ": -"
def test_any_text_round_trips(title: str, name: str, person_id: str, note: str, other: str) -> None:
    """Any text, written in any place (a key or a value, in a block or a flow collection), is
    written as ruamel.yaml wrote it, and loads back as itself."""
    # ``other`` is also a key: a key of the agenda's own would overwrite that value in the data.
    assume(other not in ("title", "venue", "people", "segments") and (other or "role") != "name")
    data = _agenda(title, name, person_id, note, other)
    written = to_yaml(data)
    reference = ruamel_yaml(data)
    if written != reference:  # only for the texts ruamel.yaml's writer gets wrong in some places
        assert (
            "\n" in person_id + other + name  # a key (these three are keys too) with a line break
            or any(  # a key with a line break: one line in double quotes
                (text[:1] in ("?", ":") and len(text) > 1) or any(c in text for c in "\x85\u2028\u2029")
                for text in (title, name, person_id, note, other)
            )
        )
    loaded = parse(written).data
    assert loaded["title"] == title
    assert loaded["venue"] == other
    segment, with_parts = loaded["segments"]
    assert segment["title"] == title and segment["note"] == note and segment["start"] == other
    assert segment["owner"] == [person_id, name]
    assert with_parts["title"] == note and with_parts["owner"] == person_id and with_parts["kind"] == other
    assert with_parts["parts"] == [{"title": name, "duration": other}]
    assert loaded["people"] == {person_id: {"name": name, other or "role": note}}
    assert loaded[other or "extra"] == [title, {name or "k": note}]


@pytest.mark.parametrize("text", [":x", "?x", ":#", "?-", ":a b"])
def test_text_starting_with_colon_or_question_mark_round_trips_in_flow(text: str) -> None:
    """ruamel.yaml's writer wrote ``{title: :x}``, which YAML readers do not read as the text ":x"
    (a frab title ":x" came back changed or unreadable): quoted in flow collections now."""
    data = {
        "title": "t",
        "people": {"p": {"name": text, text: "x"}},
        "segments": [{"title": text, "owner": [text]}],
    }
    written = to_yaml(data)
    assert f"{{title: '{text}', owner: ['{text}']}}" in written
    loaded = parse(written)
    assert not loaded.problems
    assert loaded.data == {**data, "segments": [{"title": text, "owner": [text]}]}
    assert f"title: {text}" in ruamel_yaml(data)  # what the reference writer still does
    assert parse(ruamel_yaml(data)).data != data


@pytest.mark.parametrize("text", ["a\x85b", "line\u2028separator", "\u2029", "O'\x85"])
def test_unicode_line_breaks_round_trip(text: str) -> None:
    """ruamel.yaml's writer put NEL in single quotes as a line break, which reads back as a space:
    NEL, LS and PS are written in double quotes, escaped (\\N, \\L, \\P)."""
    data = {"title": text, "people": {text: {"name": text}}, "segments": [{"title": text}]}
    written = to_yaml(data)
    assert parse(written).data == data
    assert "\x85" not in written and "\u2028" not in written and "\u2029" not in written
    nel = {"title": "a\x85b"}
    assert parse(ruamel_yaml(nel)).data == {"title": "a b"}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_analysis_of_one_line_texts_is_ruamel_yamls(text: str) -> None:
    """The substring tests for one-line texts agree with the character loop ported from ruamel.yaml
    (both quote a text starting with "?" or ":" in flow collections, where ruamel.yaml does not)."""
    if not text or not yamlout._ONE_LINE.fullmatch(text):
        return
    assert yamlout._analyze(text) == yamlout._analyze_any(text)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("e\x1bvil\x7f.xml", "e\\x1bvil\\x7f.xml"),
        ("z\udcff\ufeff.xml", "z\\udcff\\ufeff.xml"),
        ("n\x00.json", "n\\x00.json"),
    ],
)
def test_header_comment_with_characters_yaml_refuses_stays_readable(name: str, shown: str) -> None:
    # The header names the source file; a control character, a byte that is not UTF-8 (a
    # surrogate) or a byte order mark in that name made the written file unreadable (E001).
    data = {"title": "T", "segments": [{"start": "10:00", "end": "10:30", "title": "A"}]}
    for write in (to_yaml, ruamel_yaml):
        text = write(data, f"Imported from {name} by `tfagenda import`.")
        assert text.splitlines()[0] == f"# Imported from {shown} by `tfagenda import`."
        assert text.encode("utf-8")  # no lone surrogate left
        assert not parse(text).problems
        assert load_text(text, "out.yaml").problems == []
