"""``yamldoc.patch``: a document patched after a fix must be exactly what parsing the fixed text
gives (its data with their types, every node with its spans, problems, shared values, everything
the loader reads), over every fixture, the typo corpus of ``bench/run``, generated agendas with
slips, and edits of every one-line value into texts of every kind; where that cannot be shown, the
text is parsed (``patch`` returns None)."""

from __future__ import annotations

import importlib.machinery
import importlib.util
from pathlib import Path
from typing import Any

import pytest
from conftest import AGENDAS_DIR, FIXTURES, REPO, SEED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tfagenda.fix as fix
from tfagenda.findings import Span
from tfagenda.fix import fix_rounds
from tfagenda.positions import LineIndex
from tfagenda.yamldoc import Document, parse
from tfagenda.yamldoc.patch import Reparser, TextEdit, keep, patch


def _typed(value: Any) -> Any:
    """``value`` with every scalar's type beside it (``1``, ``1.0`` and ``True`` are equal in Python)."""
    if isinstance(value, dict):
        return ("dict", [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    return (type(value).__name__, repr(value))


def state(document: Document) -> dict[str, Any]:
    """Everything of a parsed document that the loader and the rules read."""
    return {
        "path": document.path,
        "text": document.text,
        "data": _typed(document.data),
        "nodes": {at: repr(node) for at, node in document.nodes.items()},
        "order": list(document.nodes),
        "problems": repr(document.problems),
        "damaged": document.damaged,
        "shared": document.shared,
        "spelled": document.spelled,
        "unbuilt": document.unbuilt_strings,
        "encoding": document.encoding,
        "bom": document.bom,
        "written_as": document.written_as,
        "lines": document.lines,
    }


class Checking(Reparser):
    """``Reparser`` that compares every patched document with a parse of its text."""

    compared = 0

    def __call__(self, text: str, path: str) -> Document:
        before = self.patched
        document = super().__call__(text, path)
        if self.patched > before:
            assert state(document) == state(parse(text, path)), path
            Checking.compared += 1
        return document


@pytest.fixture
def checking(monkeypatch: pytest.MonkeyPatch) -> type[Checking]:
    monkeypatch.setattr(fix, "Reparser", Checking)
    Checking.compared = 0
    return Checking


def _texts() -> list[Path]:
    found = sorted({*FIXTURES.rglob("*.yaml"), *FIXTURES.rglob("*.yml"), *AGENDAS_DIR.rglob("*.yaml"), SEED})
    return [path for path in found if path.is_file()]


def test_fixing_every_fixture_patches_what_a_parse_would_read(checking: type[Checking]) -> None:
    for path in _texts():
        try:
            text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            continue
        for unsafe in (False, True):
            patched = fix_rounds(text, str(path), unsafe=unsafe)
            parsed = fix_rounds(text, str(path), unsafe=unsafe, load=_parsing_only(str(path)))
            assert patched.text == parsed.text and patched.fixed == parsed.fixed
            assert patched.findings == parsed.findings, path
    assert checking.compared >= 20  # the fixtures' fixes: T001, T002, D001, Y001, E002, E004, I001…


def _parsing_only(path: str) -> Any:
    from tfagenda.load import load_text

    return lambda text, parser: load_text(text, path)


def _bench_run() -> Any:
    loader = importlib.machinery.SourceFileLoader("bench_run", str(REPO / "bench" / "run"))
    spec = importlib.util.spec_from_loader("bench_run", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_the_typo_corpus_is_patched_and_reads_as_parsed(checking: type[Checking]) -> None:
    """Issue 17 target 1's corpus (D001, T001, Y001 slips): every second round is a patch."""
    texts = _bench_run().typo_texts(150)
    for name, text in texts.items():
        rounds = fix_rounds(text, name)
        assert rounds.fixed
    assert checking.compared == len(texts)


# --- edits of every one-line value, into texts of every kind ------------------------------------

REPLACEMENTS = [
    "16:35",
    '"16:35"',
    "'16:35'",
    "목",
    "Thu",
    "수요일",
    "2026-02-27",
    "12",
    "1.5",
    "true",
    "null",
    "~",
    "x y",
    "x: y",
    "x #y",
    "a,b",
    "[1]",
    "{a: 1}",
    "-",
    "- x",
    "&a x",
    "*a",
    "!t x",
    "|",
    '"a\\"b"',
    '"a\\nb"',
    "'it''s'",
    '"',
    '""',
    "",
    " x",
    "x ",
    "16:30~16:35",
    '"16:30~16:35"',
    '"한 # 둘"',
    "'a: b'",
    "%x",
    "...",
    "?",
]


def _one_line_values(document: Document) -> list[tuple[Span, str]]:
    """The spans of a document's values written on one line, and the text each is written as."""
    lines = document.lines
    found = []
    for node in document.nodes.values():
        for span in {node.span, node.inner}:
            if span.line == span.end_line and span.line <= len(lines) and span.column < span.end_column:
                found.append((span, lines[span.line - 1][span.column - 1 : span.end_column - 1]))
    return found


def _edit(text: str, span: Span, new: str) -> tuple[str, TextEdit]:
    begin, end = LineIndex(text, skip_bom=True).offsets_of(span)
    return text[:begin] + new + text[end:], TextEdit(span, begin, end, new)


def _assert_patch_is_a_parse(document: Document, edits: list[TextEdit], new_text: str) -> bool:
    """Patch ``document`` (a parse, left as it is) with ``edits``; when it patches, the patch must be a parse."""
    kept = keep(document)
    if kept is None:
        return False
    patched = patch(kept, new_text, edits)
    if patched is None:
        return False
    assert state(patched) == state(parse(new_text, document.path)), (document.path, edits)
    return True


@pytest.mark.parametrize("path", _texts(), ids=lambda p: str(p.relative_to(REPO)))
def test_every_value_edited_into_every_kind_of_text_patches_as_parsed_or_not_at_all(path: Path) -> None:
    try:
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        pytest.skip("not UTF-8: fixed from its bytes, as the other tests show")
    document = parse(text, str(path))
    values = _one_line_values(document)[:12]
    patched = 0
    for n, (span, _) in enumerate(values):
        for new in REPLACEMENTS[n % 3 :: 3]:  # a third of the kinds for each value: all over the file
            new_text, edit = _edit(text, span, new)
            patched += _assert_patch_is_a_parse(document, [edit], new_text)
    assert patched or not values or keep(document) is None


def test_patches_that_are_refused() -> None:
    text = 'a: 1\nb: "x"\nc: |\n  block\nd: &x 5\n# 16:30\ne: {f: 16:30, g: "16:35"}\n'

    def patched(line: int, column: int, end_column: int, new: str) -> Document | None:
        new_text, edit = _edit(text, Span(line, column, line, end_column), new)
        kept = keep(parse(text))
        assert kept is not None
        return patch(kept, new_text, [edit])

    assert patched(1, 4, 5, "2") is not None
    assert patched(1, 4, 4, "2") is None  # an insertion
    assert patched(1, 1, 2, "z") is None  # a key
    assert patched(1, 3, 5, " 2") is None  # beyond the value
    assert patched(2, 5, 6, 'y"') is None  # a quote in quotes
    assert patched(2, 5, 6, "y\\n") is None  # an escape
    assert patched(4, 3, 8, "other") is None  # a block scalar
    assert patched(5, 7, 8, "6") is None  # after an anchor
    assert patched(6, 3, 8, "16:35") is None  # a comment
    assert patched(7, 8, 13, '"16:30"') is not None  # quoted: the values after it on the line move
    assert patched(7, 8, 13, "16:30, h: 1") is None  # a new key
    assert keep(parse("\ufeffa: 1\n")) is None or "\ufeff" not in parse("\ufeffa: 1\n").text
    assert keep(parse("a: 1\na: 2\n")) is None  # a problem (E003)
    assert keep(parse("a: &x 1\nb: *x\n")) is None  # shared values
    assert keep(parse("a: 1\r\nb: 2\u2028\n")) is None  # a line break only ruamel.yaml sees


def test_quoting_times_moves_what_follows_them_on_their_line() -> None:
    text = "segments:\n  - {start: 16:30, end: 16:35, title: Talk}  # c\n"
    line = text.splitlines()[1]
    spans = [Span(2, line.index(t) + 1, 2, line.index(t) + 6) for t in ("16:30", "16:35")]
    begins = [len("segments:\n") + span.column - 1 for span in spans]
    edits = [
        TextEdit(span, begin, begin + 5, f'"{text[begin : begin + 5]}"') for span, begin in zip(spans, begins)
    ]
    new_text = text.replace("16:30", '"16:30"').replace("16:35", '"16:35"')
    kept = keep(parse(text))
    assert kept is not None
    patched = patch(kept, new_text, edits)
    assert patched is not None
    assert state(patched) == state(parse(new_text))
    assert patched.nodes[("segments", 0, "title")].span == Span(2, 43, 2, 47)  # was 39-43


# --- generated agendas with slips -------------------------------------------------------------

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_KOREAN = "월화수목금토일"


@st.composite
def agendas_with_slips(draw: Any) -> str:
    """An agenda in block or flow style, its times quoted or not, with slips that ``--fix`` repairs
    (a wrong weekday label, an end before its start, unquoted times) and some it does not."""
    korean = draw(st.booleans())
    day = draw(st.integers(0, 6))
    label = (_KOREAN if korean else _WEEKDAYS)[(day + draw(st.sampled_from([0, 0, 1, 3]))) % 7]
    date = f"2026-03-{2 + day:02d}"  # 2026-03-02 is a Monday
    lines = [f"title: {'회의' if korean else 'Meeting'}", f"date: {date}", f"weekday: {label}"]
    if draw(st.booleans()):
        lines.append('slot: "09:00~12:00"')
    lines.append("segments:")
    clock = 9 * 60
    for n in range(draw(st.integers(1, 6))):
        length = draw(st.sampled_from([5, 10, 15, 30]))
        start, end = clock, clock + length
        if draw(st.integers(0, 5)) == 0:
            end = start - 5  # T001
        quote = draw(st.sampled_from(['"', "", "'"]))
        times = {"start": f"{quote}{start // 60:02d}:{start % 60:02d}{quote}"}
        if draw(st.booleans()):
            times["end"] = f"{quote}{end // 60:02d}:{end % 60:02d}{quote}"
        else:
            times["duration"] = str(length)
        owner = draw(st.sampled_from(['"-"', "kim", "lee"]))
        if draw(st.booleans()):
            pairs = ", ".join(f"{k}: {v}" for k, v in times.items())
            lines.append(f"  - {{{pairs}, title: T{n}, owner: {owner}}}")
        else:
            lines.append(f"  - title: T{n}")
            lines += [f"    {k}: {v}" for k, v in times.items()]
            lines.append(f"    owner: {owner}")
        clock = start + length
    text = "\n".join(lines)
    return text + draw(st.sampled_from(["\n", "", "\n# end\n"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=agendas_with_slips())
def test_generated_agendas_with_slips_patch_as_parsed(text: str, checking: type[Checking]) -> None:
    patched = fix_rounds(text, "generated.yaml", unsafe=True)
    parsed = fix_rounds(text, "generated.yaml", unsafe=True, load=_parsing_only("generated.yaml"))
    assert (patched.text, patched.fixed, patched.findings) == (parsed.text, parsed.fixed, parsed.findings)
