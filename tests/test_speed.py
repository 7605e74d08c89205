"""The fast paths of issue 6 give exactly what the plain paths give.

libyaml (PyYAML's C extension) parses when it reads a text as ruamel.yaml does, and ruamel.yaml
parses the rest: here every fixture, hand-picked corners and generated YAML are parsed both ways
and compared value for value and position for position. And many files are checked on several
processes: the findings (cross-file double bookings and suppressions included) are those of one
process, in the same order. bench/ measures the speed itself.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from tfagenda import yamldoc
from tfagenda.config import Settings
from tfagenda.linter import check_paths
from tfagenda.parallel import MIN_FILES, workers_for

needs_libyaml = pytest.mark.skipif(
    yamldoc.libyaml.composer_class() is None, reason="PyYAML without its C extension"
)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return bool(a == b)


def _ruamel(text: str, monkeypatch: pytest.MonkeyPatch) -> yamldoc.Document:
    with monkeypatch.context() as m:
        m.setattr(yamldoc.libyaml, "parse", lambda text, path: None)
        return yamldoc.parse(text, "x.yaml")


def _problems(doc: yamldoc.Document) -> list[tuple[Any, ...]]:
    return [(p.code, p.at, str(p.message), p.span) for p in doc.problems]


def _assert_read_alike(text: str, monkeypatch: pytest.MonkeyPatch) -> bool:
    """parse(text) is what ruamel.yaml alone makes of it; True if libyaml parsed it."""
    fast = yamldoc.libyaml.parse(text.removeprefix("\ufeff"), "x.yaml")
    used = fast is not None
    if used:
        _assert_events_build_as_composer(text.removeprefix("\ufeff"), fast)
    fast = fast or yamldoc.parse(text, "x.yaml")
    slow = _ruamel(text, monkeypatch)
    assert _same(fast.data, slow.data), text
    assert fast.nodes == slow.nodes, text
    assert list(fast.nodes) == list(slow.nodes), text  # in the same order
    assert _problems(fast) == _problems(slow), text
    assert sorted(map(repr, fast.unbuilt_strings)) == sorted(map(repr, slow.unbuilt_strings)), text
    return used


def _composed(text: str) -> yamldoc.Document | None:
    """What libyaml's composer path (node graph, then ``Builder``) makes of ``text``."""
    doc = yamldoc.Document(path="x.yaml", text=text)
    try:
        return yamldoc.libyaml._compose_and_build(yamldoc.libyaml.composer_class(), text, doc)
    except Exception:  # noqa: BLE001 - ruamel.yaml's to read
        return None


def _assert_events_build_as_composer(text: str, fast: yamldoc.Document) -> None:
    """The document built from libyaml's events is the composer path's, to the order of its
    problems, nodes and unbuilt strings; and where the event path hands a text over, the
    composer path reads it."""
    composed = _composed(text)
    assert composed is not None, text
    doc = yamldoc.Document(path="x.yaml", text=text)
    try:
        yamldoc.events.build(text, doc, yamldoc.libyaml._MAX_DEPTH)
    except (yamldoc.events.Unsure, yamldoc.events.UseComposer):
        return
    assert _same(doc.data, composed.data), text
    assert list(doc.nodes.items()) == list(composed.nodes.items()), text
    assert _problems(doc) == _problems(composed), text
    assert doc.unbuilt_strings == composed.unbuilt_strings, text
    assert _same(fast.data, composed.data) and fast.nodes == composed.nodes, text


YAML_FILES = sorted(p for p in [*REPO.glob("agendas/*.y*ml"), *REPO.glob("tests/fixtures/**/*.y*ml")])


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_fixture_reads_alike(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_read_alike(path.read_bytes().decode("utf-8", errors="replace"), monkeypatch)


@needs_libyaml
def test_libyaml_parses_the_agendas_and_imported_schedules(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast path is taken where it matters: the agendas, and imports (whose policy has an empty
    ``gap-tolerance:``; cut there, the text ends in an empty value, a corner of the end-of-text mark)."""
    from tfagenda.importers import import_document
    from tfagenda.importers.yamlout import to_yaml

    for path in REPO.glob("agendas/*.yaml"):
        assert _assert_read_alike(path.read_text(encoding="utf-8"), monkeypatch), path
    source = REPO / "tests" / "fixtures" / "frab" / "tinycamp-2026.xml"
    document = import_document(source.read_text(encoding="utf-8"), str(source), "frab-xml")
    imported = to_yaml(document.data, "imported")
    assert "\n  gap-tolerance:\n" in imported
    assert _assert_read_alike(imported, monkeypatch)
    assert _assert_read_alike(imported.rstrip("\n"), monkeypatch)  # no final line break
    ends_empty = imported[: imported.index("\n  gap-tolerance:\n") + len("\n  gap-tolerance:")]
    assert _assert_read_alike(ends_empty, monkeypatch)


CORNERS = [
    "",
    "a: 1",
    "a: 1\n",
    "a:\n",
    "a:",
    "a:  \n",
    "a:\nb: 2\n",
    "a:\nb:\n",
    "a:\n  b:\n  c:\nd:",
    "a:  # why\nb: 1\n",
    "a:\n# why\nb: 1\n",
    "a: {b: , c: 1}\n",
    "a: {b}\n",
    "- \n- a\n-",
    "a:\n- 1\n-\nb: 2",
    "a:\r\n  b: 1\r\n  c:\r\n",
    "a: 1\n \n",
    "a: 1 ",
    "a: 1\n# end",
    "a: 'x\n  y'\nb: \"p\\\n  q\"",
    "---\na: 1\n",
    "---\n",
    "a: b: c",
    "a: [1, 2\n",
    "a: &x 1\nb: *x\n",
    "base: &b {start: '09:00'}\nseg: {<<: *b, title: x}\n",
    "a: |\n  x\n  y\nb: >\n  p\n  q\n",
    "%YAML 1.1\n---\na: 1\n",
    "a: 1\n...\n",
    "a:\tb\n",
    "? [x]\n: y\n",
    "a: !!str 1\n",
    "a: 1\u2028b: 2\n",
    'title: 가나다\nsegments:\n  - {title: 다라, start: "16:30", end:}\n',
    "a: [b, [c, {d: e}]]\nf:\n  g:\n    - h\n    -\n",
    "a: 0x1F\nb: .inf\nc: ~\nd: null\ne: 1e3\nf: 12:30\n",
    "a: 1\na: 2\n",
    "[a, b]: 1\n",
    '"\\ud83d\\ude00": x\n',
]


@pytest.mark.parametrize("text", CORNERS, ids=range(len(CORNERS)))
def test_corners_read_alike(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_read_alike(text, monkeypatch)


# Generated YAML: block and flow collections, empty values, comments, multi-line scalars, CRLF,
# with and without a final line break (the places where the two parsers' positions could part).
_WORDS = st.sampled_from(
    ["a", "title", "가나", "x y", "12:30", "'q'", '"d q"', "1", "null", "~", "'it''s'", "a#b", '"a\\nb"']
)
_COMMENT = st.sampled_from(["", "", "  # c", "\n# full", "\n    # deeper"])


@st.composite
def _flow(draw: Any, depth: int = 0) -> str:
    if depth > 2 or draw(st.booleans()):
        return draw(st.sampled_from(["1", "a", '"q"', "'s'", "가", ""]))
    if draw(st.booleans()):
        return "[" + ", ".join(draw(st.lists(_flow(depth + 1), max_size=3))) + "]"
    items = draw(st.lists(_flow(depth + 1), max_size=3))
    return "{" + ", ".join(f"k{i}: {v}" for i, v in enumerate(items)) + "}"


@st.composite
def _block(draw: Any, depth: int = 0, indent: int = 0) -> str:
    pad = " " * indent
    lines = []
    if draw(st.booleans()):
        for i in range(draw(st.integers(1, 4))):
            key = draw(st.sampled_from(["k", "title", "가", "'q k'", "x y"])) + str(i)
            kind = draw(st.integers(0, 5))
            if kind == 0 and depth < 3:
                lines.append(f"{pad}{key}:{draw(_COMMENT)}\n" + draw(_block(depth + 1, indent + 2)))
            elif kind == 1:
                lines.append(f"{pad}{key}: {draw(_flow())}{draw(_COMMENT)}\n")
            elif kind == 2:
                lines.append(f"{pad}{key}:{draw(_COMMENT)}\n")
            else:
                value = draw(_WORDS)
                if draw(st.integers(0, 5)) == 0:
                    value += "\n" + " " * (indent + 2) + "more"
                lines.append(f"{pad}{key}: {value}{draw(_COMMENT)}\n")
    else:
        for _ in range(draw(st.integers(1, 4))):
            kind = draw(st.integers(0, 3))
            if kind == 0 and depth < 3:
                lines.append(f"{pad}- " + draw(_block(depth + 1, indent + 2)).lstrip(" "))
            elif kind == 1:
                lines.append(f"{pad}- {draw(_flow())}{draw(_COMMENT)}\n")
            elif kind == 2:
                lines.append(f"{pad}-{draw(_COMMENT)}\n")
            else:
                lines.append(f"{pad}- {draw(_WORDS)}\n")
    return "".join(lines)


@st.composite
def _documents(draw: Any) -> str:
    text = draw(st.sampled_from(["", "---\n", "# head\n"])) + draw(_block())
    ending = draw(st.sampled_from(["\n", "", " ", "\n\n", "\n  ", "\n# end", "  # x"]))
    text = text.rstrip("\n") + ending
    return text.replace("\n", "\r\n") if draw(st.booleans()) else text


@hsettings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=_documents())
def test_generated_yaml_reads_alike(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_read_alike(text, monkeypatch)


@needs_libyaml
def test_too_deep_and_alias_bombs_are_ruamel_yamls_to_report(monkeypatch: pytest.MonkeyPatch) -> None:
    deep = "a:\n" + "".join(" " * (2 * i + 2) + f"k{i}:\n" for i in range(150)) + " " * 302 + "x: 1\n"
    _assert_read_alike(deep, monkeypatch)
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    _assert_read_alike(bomb, monkeypatch)


# -- many files on several processes -----------------------------------------------------------


def _agenda(n: int, date: str, start: str, owner: str, extra: str = "") -> str:
    return (
        f'{extra}title: Meeting {n}\ndate: {date}\nslot: "{start}-23:00"\npeople:\n  {owner}: {{name: {owner.title()} Kim}}\n'
        f'segments:\n  - {{title: Opening {n}, start: "{start}", duration: 45, owner: {owner}}}\n'
        f'  - {{title: Talk {n}, duration: 30, owner: "-"}}\n'
    )


def _tree(root: Path) -> Path:
    """70 agendas: double bookings across files, a suppressed one, an unused suppression, broken files."""
    folder = root / "agendas"
    folder.mkdir()
    for n in range(70):
        hour = 9 + n % 5
        text = _agenda(n, f"2026-05-{1 + n % 3:02d}", f"{hour:02d}:{15 * (n % 4):02d}", f"p{n % 6}")
        if n == 7:
            text = text.replace("owner: p1}", "owner: p1}  # tfagenda: ignore[O003]")
        if n == 11:
            text = "# tfagenda: file-ignore[S002]\n" + text
        if n == 13:
            text = text.replace("duration: 30", 'duration: 30, start: "06:00"')
        if n == 20:
            text = "title: [unclosed\n"
        if n == 21:
            text = "- just a list\n"  # E002 (a mapping of other keys is skipped by the walk: issue 15)
        (folder / f"agenda-{n:02d}.yaml").write_text(text, encoding="utf-8")
    (root / "other.yaml").write_text(_agenda(99, "2026-05-01", "09:00", "p0"), encoding="utf-8")
    return folder


def _result(
    paths: list[Path],
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    jobs: str,
    lang: str = "en",
    **kwargs: Any,
) -> Any:
    monkeypatch.setenv("TFAGENDA_JOBS", jobs)
    result = check_paths(paths, settings, **kwargs)
    return result.files, [f.to_json(lang) for f in result.findings], result.sources


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_several_processes_find_what_one_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    folder = _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    settings = Settings.defaults()
    one = _result([folder], settings, monkeypatch, "1", compare_with=[tmp_path / "other.yaml"], lang=lang)
    two = _result([folder], settings, monkeypatch, "2", compare_with=[tmp_path / "other.yaml"], lang=lang)
    assert one == two
    codes = {f["code"] for f in one[1]}
    assert {"O003", "I001", "E001", "E002"} <= codes, codes
    assert any(f["code"] == "O003" and "other.yaml" in f["message"] for f in one[1])


def test_several_processes_apply_the_settings_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tfagenda.findings import Severity

    folder = _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    base = Settings.defaults()
    settings = base.with_selection(None, ["O001"], None)
    settings.per_file_ignores = {"agenda-0*.yaml": frozenset({"O003"})}
    settings.severity = {"O003": Severity.WARNING}
    assert _result([folder], settings, monkeypatch, "1") == _result([folder], settings, monkeypatch, "2")
    only = base.with_selection(["O003"], None, None)
    assert _result([folder], only, monkeypatch, "1") == _result([folder], only, monkeypatch, "2")


def test_workers_are_started_only_for_many_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TFAGENDA_JOBS", raising=False)
    assert workers_for(MIN_FILES - 1) == 1
    monkeypatch.setenv("TFAGENDA_JOBS", "1")
    assert workers_for(10_000) == 1
    monkeypatch.setenv("TFAGENDA_JOBS", "3")
    assert workers_for(10_000) == 3


# -- the event path (yamldoc.events) against the composer path ----------------------------------

EVENT_CORNERS = [
    "a:\nb:\n",  # empty values, placed at the next key
    "a:\n  b:\n  c:\nd:",  # … and where the mapping ends, at the end of a text without a line break
    "a:\r\n  b: 1\r\n  c:\r\n",  # CRLF
    "x:\n  - a\n  -\n  - {b: 1, c: [d, 'e']}\n",  # an empty item in a block list stays where libyaml says
    "a: {b: 1, c: [x, y, {d: ''}]}\nf: [[], {}, [[1]]]",  # flow collections, no final line break
    "a: 1\na: 2\n",  # a key given twice (E003), on two lines
    "a: {b: 1, b: 2}\n",  # … on one line
    "a: 1\na:\n  x: 'q'\n  y: [\"r\", s, {t: 'u'}]\n  z: |\n    v\n",  # a duplicate's quoted texts are unbuilt
    "a: 1\na:\n",  # a duplicate with an empty value
    "a: 1\na:\n  b:\n  c: 2\n",  # … whose mapping has an empty value
    "[a, 'b']: 1\n{c: \"d\"}: ['e', f]\ng: 2\n",  # keys that are lists or mappings (E002)
    "a:\n  [x, 'y']:\n  b: 1\n",  # … with an empty value
    "'1': a\n1: b\n\"1\": c\n",  # the same key, quoted and not
    't: \'it\'\'s\'\nu: "tab\\there \\u00e9 \\"q\\" \\\\ \\x41"\nv: "\\ud83d\\ude00 \\ud83d"\n',  # escapes
    "title: 회의 안건\nsegments:\n  - {title: '개회사', start: \"09:00\", owner: 김민준}\n  - title: 점심\n",  # Korean
    "a: this is\n  a multi-line\n  plain text\nb: 'and a\n  quoted one'\nc: \"and\n  another\"\n",
    "a: R&D and Q&A\nb: 'x & y'\n",  # "&" that is no anchor
    "a: x*y\nb: 'a*b'\n",  # "*" that is no alias
    "a: {<<: {b: 1}, c: 2}\n",  # a merge key without an anchor: the composer path
    "<<: {b: 1}\nc: 2\n",
    "a: '<<'\n'<<': 1\n",  # a quoted "<<" is a key like any other
    "a:\n"
    + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(99))
    + "  " * 100
    + "x: 1\n",  # deep, within the limit
    "a:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(120)) + "  " * 121 + "x: 1\n",  # past it
    "a: 1\na:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(120)) + "  " * 121 + "x: 'deep'\n",
    "- [" * 60 + "1" + "]" * 60 + "\n",
    "a: 1\n---\nb: 2\n",  # two documents
    "---\na: 1\n",
    "# only a comment\n",
    "plain text\n",
    "'quoted root'",
    "[1, 2, 3]",
    "a: [1, 2\n",  # a syntax error: ruamel.yaml words it
    "a: 1\n b: 2\n",
    "a:  # c\nb: 1\n",  # a comment after an empty value: ruamel.yaml reads it
    "a:\n# c\nb: 1\n",
    "a: {b: , c: 1}\n",
    "a: [1, , 2]\n",
    "a: 0x1F\nb: .inf\nc: ~\nd: null\ne: 1e3\nf: 12:30\ng: -.5\nh: +12\ni: 0o17\nj: TRUE\n",
    "a: 1 \nb: 2  \n  \n",
    "a: \ufeffx\n",
    "a: 'x\n\n  y'\nb: \"p\\\n  q\"\n",
    "a: [b, c]\n\n\n",
    "a:\n  - b\n  - c",
    "a:\n  b: {c: d}",
]


@needs_libyaml
@pytest.mark.parametrize("text", EVENT_CORNERS, ids=range(len(EVENT_CORNERS)))
def test_event_path_builds_as_the_composer_path(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_read_alike(text, monkeypatch)
    composed = _composed(text)
    if composed is not None:
        _assert_events_build_as_composer(text, composed)


def _by_events(text: str) -> bool:
    doc = yamldoc.Document(path="x.yaml", text=text)
    try:
        yamldoc.events.build(text, doc, yamldoc.libyaml._MAX_DEPTH)
    except Exception:  # noqa: BLE001 - handed over, or not YAML
        return False
    return True


def _read_by_libyaml(text: str) -> bool:
    return not yamldoc.libyaml.unsure(text) and _composed(text) is not None


@needs_libyaml
def test_event_path_reads_what_it_can_and_hands_over_the_rest() -> None:
    """The common texts are read from events; anchors, merge keys, tags and the limits are left
    to the composer path, and what libyaml might read otherwise to ruamel.yaml."""
    read = [text for text in EVENT_CORNERS[:21] if "<<: " not in text and _read_by_libyaml(text)]
    assert len(read) >= 15
    for text in read:
        assert _by_events(text), text
    for path in REPO.glob("agendas/*.yaml"):
        assert _by_events(path.read_text(encoding="utf-8")), path
    assert not _by_events("a: {<<: {b: 1}, c: 2}\n")  # a merge key
    assert not _by_events("a: &x 1\nb: *x\n")  # an anchor and an alias
    assert not _by_events("a: !!str 1\n")  # a tag
    assert not _by_events(EVENT_CORNERS[22])  # deeper than the limit: TooDeep is the composer path's
    assert not _by_events("a:  # c\nb: 1\n")  # ruamel.yaml places this empty value
    assert not _by_events("a: {b: , c: 1}\n")
    assert not _by_events("a: 1\n---\nb: 2\n")


@needs_libyaml
def test_event_path_leaves_too_many_values_to_the_composer_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamldoc.events, "MAX_EXPANDED_VALUES", 50)
    monkeypatch.setattr(yamldoc.libyaml, "MAX_EXPANDED_VALUES", 50)
    text = "".join(f"k{i}: [{i}, x]\n" for i in range(20))
    assert not _by_events(text)
    doc = yamldoc.libyaml.parse(text, "x.yaml")
    assert doc is not None and doc.data is None
    assert [p.code for p in doc.problems] == ["E001"]
    assert _by_events("".join(f"k{i}: [{i}, x]\n" for i in range(10)))


_KEYS = st.sampled_from(["a", "b", "'a'", '"b"', "1", "가", "[x]", "{y: 'z'}", "'<<'"])
_LEAVES = st.sampled_from(["", "1", "x", "'q'", '"d\\tq"', "가나", "R&D", "12:30", "null", "x\n    y"])


@st.composite
def _nested(draw: Any, depth: int = 0, indent: int = 0) -> str:
    """Block mappings and lists with keys that repeat, keys that are lists or mappings, flow
    collections and empty values (what the event path must place as the composer path does)."""
    pad = " " * indent
    lines = []
    mapping = draw(st.booleans())
    for _ in range(draw(st.integers(1, 4))):
        head = f"{pad}{draw(_KEYS)}:" if mapping else f"{pad}-"
        kind = draw(st.integers(0, 3))
        if kind == 0 and depth < 3:
            lines.append(head + "\n" + draw(_nested(depth + 1, indent + 2)))
        elif kind == 1:
            lines.append(f"{head} {draw(_flow())}\n")
        else:
            leaf = draw(_LEAVES).replace("\n", "\n" + pad)
            lines.append(f"{head} {leaf}".rstrip(" ") + "\n")
    return "".join(lines)


@hsettings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=_nested(), ending=st.sampled_from(["", "\n", "\n\n"]), crlf=st.booleans())
def test_generated_yaml_builds_alike_from_events(
    text: str, ending: str, crlf: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = text.rstrip("\n") + ending
    if crlf:
        text = text.replace("\n", "\r\n")
    _assert_read_alike(text, monkeypatch)
    composed = _composed(text)
    if composed is not None:
        _assert_events_build_as_composer(text, composed)


def test_the_timeline_lists_its_segments_once_depth_first() -> None:
    from tfagenda.load import load_text
    from tfagenda.timeline import resolve

    text = (
        'title: T\nslot: "09:00-12:00"\nsegments:\n'
        "  - {title: A, duration: 30, parts: [{title: A1, duration: 10}, {title: A2, duration: 20}]}\n"
        "  - {title: B, duration: 30}\n"
    )
    timeline = resolve(load_text(text, "t.yaml").agenda)
    walked = [p for track in timeline.tracks() for top in track.segments for p in top.walk()]
    assert [p.title for p in walked] == ["A", "A1", "A2", "B"]
    first, second = list(timeline.segments()), list(timeline.segments())
    assert first == walked and all(a is b for a, b in zip(first, second))
