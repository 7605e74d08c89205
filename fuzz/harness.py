"""The oracle for mutated agendas, shared by ``tests/test_robustness.py`` and ``fuzz/run``.

``check_one(raw, name)`` runs the bytes through the library as the CLI does (``load_bytes`` then
``check_loaded``, then ``fix_text`` for YAML) and asserts what must hold for any input:

- nothing raises (a crash is a bug, whatever the input);
- every finding is a known rule's, and every position is inside the file (``position_ok``);
- every message, and every fix's text, can be written out as UTF-8 (no lone surrogates);
- ``--fix``'s rounds finish, and give text that can be written back;
- what ``--fix`` writes (safe fixes, and with ``--unsafe-fixes``) still parses where the input
  did, keeps every key path and the number of segments and parts, and (safe fixes) checks to no
  more errors than the input (``check_fix_output``).
- every agenda that loads renders in every format (``check_render``, the render oracle): no
  exception but a ``RenderError`` (a usage error: an .ics without dates, frab without a time zone,
  a date past 9999-12-31), whose message shows no control character; json and frab-json parse
  with ``json``, frab-xml with ``xml.etree``, ics with ``icalendar``, html with ``html.parser``
  and holds no ``<script``; no output holds a raw control character other than its own line
  breaks and tabs (``textwidth.needs_escape``); and every output is bounded in size
  (``RENDER_BASE + RENDER_PER_BYTE`` × the input's size: a huge duration cannot blow it up).

**The position invariant.** The file's lines are counted as the parser counts them: the text is
decoded as tfagenda decodes it (byte-order mark, UTF-8 or UTF-16/32; undecodable bytes as U+FFFD)
and split at "\\r\\n", "\\n" and a lone "\\r". A text that ends with a line break has one more,
empty, line after it: that is where end-of-file marks point. Then every finding, and every fix
edit, has ``1 <= line <= len(lines)`` and ``1 <= column <= len(lines[line - 1]) + 1`` (columns
count code points; the ``+ 1`` is the place just after the line's last character), for its start
and for its end, and the end is not before the start.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from html.parser import HTMLParser
from typing import Any

from tfagenda.findings import MAX_FINDINGS_PER_RULE, Finding, Severity, Span
from tfagenda.fix import Source, fix_rounds, fix_text, is_yaml
from tfagenda.linter import check_loaded
from tfagenda.load import Loaded, load_bytes
from tfagenda.positions import LINE_BREAK
from tfagenda.report import json_text
from tfagenda.rules import RULES
from tfagenda.textwidth import needs_escape
from tfagenda.yamldoc import parse, sniff_encoding


def lines_of(raw: bytes) -> list[str]:
    """The file's lines as findings count them (see the module docstring)."""
    bom, encoding = sniff_encoding(raw)
    text = raw[len(bom) :].decode(encoding, errors="replace").removeprefix("\ufeff")
    return LINE_BREAK.split(text)


def position_ok(line: int, column: int, lines: Sequence[str]) -> bool:
    return 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1


def span_problem(span: Span, lines: Sequence[str]) -> str | None:
    """Why a span is not inside the file, or None."""
    if not position_ok(span.line, span.column, lines):
        return f"start {span.line}:{span.column} is outside the file ({len(lines)} lines)"
    if not position_ok(span.end_line, span.end_column, lines):
        return f"end {span.end_line}:{span.end_column} is outside the file ({len(lines)} lines)"
    if (span.end_line, span.end_column) < (span.line, span.column):
        return f"span {span} ends before it starts"
    return None


def check_findings(findings: Sequence[Finding], lines: Sequence[str]) -> None:
    for finding in findings:
        assert finding.code in RULES, f"unknown code {finding.code}"
        problem = span_problem(finding.span, lines)
        assert problem is None, f"{finding.code} {finding.message!r}: {problem}"
        for lang in ("en", "ko"):  # encode raises on a lone surrogate: no output could write it
            finding.message.say(lang).encode("utf-8")
            # as the reporters write it (a file name's bytes too)
            json_text(finding.to_json(lang)).encode("utf-8")
        if finding.fix is not None:
            for edit in finding.fix.edits:
                problem = span_problem(edit.span, lines)
                assert problem is None, f"{finding.code} fix edit: {problem}"
        for related in finding.related:
            assert related.line >= 1 and related.column >= 1, f"{finding.code} related {related}"


def check_json_findings(items: Sequence[dict[str, Any]], lines: Sequence[str]) -> None:
    """The same invariant on ``check --format json`` output."""
    for item in items:
        span = Span(item["line"], item["column"], item["end_line"], item["end_column"])
        problem = span_problem(span, lines)
        assert problem is None, f"{item['code']} {item['message']!r}: {problem}"
        assert item["code"] in RULES and item["severity"] in ("error", "warning", "info")


# The render oracle's size bound: the page's own weight (the HTML's CSS is 9 KB) plus this much per
# byte of input (a title is shown about six times in HTML: block, tooltip, flag, table, findings).
RENDER_BASE = 64 * 1024
RENDER_PER_BYTE = 40
# The characters each format writes itself: its line breaks, tab separators, the ics CRLF.
_OWN_CONTROLS = {
    "table": "\n",
    "md": "\n",
    "text": "\n\t",
    "html": "\n\t",
    "ics": "\r\n\t",  # RFC 5545 allows a tab in TEXT
    "json": "\n",
    "frab-json": "\n",
    "frab-xml": "\n\t",
}


# How many inputs were rendered, and how many outputs checked (``fuzz/run`` reports them).
RENDER_COUNTS: Counter[str] = Counter()


def check_rendered(fmt: str, text: str, input_size: int) -> None:
    """What must hold for one render output (see the module docstring)."""
    text.encode("utf-8")  # strict: no lone surrogate
    limit = RENDER_BASE + RENDER_PER_BYTE * input_size
    assert len(text) <= limit, f"render {fmt}: {len(text):,} characters from {input_size:,} bytes"
    raw = sorted({char for char in text if needs_escape(char) and char not in _OWN_CONTROLS[fmt]})
    assert not raw, f"render {fmt}: raw control characters {raw!r}"
    if fmt in ("json", "frab-json"):
        json.loads(text)
    elif fmt == "frab-xml":
        ET.fromstring(text.encode("utf-8"))
    elif fmt == "ics":
        from icalendar import Calendar

        Calendar.from_ical(text)
    elif fmt == "html":
        parser = HTMLParser()
        parser.feed(text)
        parser.close()
        assert "<script" not in text.lower(), "render html: a <script> element"
    elif fmt == "md":
        assert "<script" not in text.lower() and "<img" not in text.lower(), "render md: raw HTML"


def check_render(loaded: Loaded, findings: list[Finding] | None = None) -> int:
    """Render ``loaded`` in every format (ics also with ``--segments``) and check each output; the
    number of outputs checked. A file without an agenda is not rendered (the CLI refuses it)."""
    import importlib

    from tfagenda.render import RENDERERS, RenderError
    from tfagenda.render.rows import build_rows

    if loaded.agenda is None:
        return 0
    rows = build_rows(loaded, check_loaded(loaded) if findings is None else findings)
    size = len(loaded.document.text.encode("utf-8", "surrogatepass"))
    checked = 0
    for fmt, module_name in RENDERERS.items():
        module = importlib.import_module(module_name)
        for segments in (False, True) if fmt == "ics" else (False,):
            try:
                text = module.render([rows], color=False, format=fmt, lang=None, segments=segments)
            except RenderError as error:
                message = str(error)
                assert not any(needs_escape(char) for char in message), f"render {fmt}: {message!r}"
                continue
            check_rendered(fmt, text, size)
            checked += 1
    RENDER_COUNTS["inputs"] += 1
    RENDER_COUNTS["outputs"] += checked
    return checked


def check_one(raw: bytes, name: str, fix: bool = True, render: bool = False) -> list[Finding]:
    """Load, check (and fix) one input; AssertionError or any exception is a bug."""
    loaded = load_bytes(raw, name)
    findings = check_loaded(loaded)
    lines = loaded.document.lines
    assert lines == lines_of(raw) or not loaded.document.text, "the document's lines are not the file's"
    check_findings(findings, lines)
    if render:
        check_render(loaded, findings)
    if fix:
        try:
            source = Source.from_bytes(raw, name)
        except UnicodeDecodeError:
            return findings
        if is_yaml(name, source.text) and loaded.document.text:
            text, _, findings_after = fix_rounds(source.text, name)
            source.encode(text)  # the bytes --fix would write
            check_fix_output(source.text, text, name, findings, findings_after)
    return findings


# ---------------------------------------------------------------------------------------------
# The --fix oracle (issue 11): what a fix writes still parses, keeps every key and segment, and
# checks to no more errors.


def shape(text: str, name: str) -> tuple[bool, set[tuple[object, ...]], int]:
    """Whether ``text`` parses, the paths of its mapping keys, and how many segments and parts it has."""
    document = parse(text, name)
    if document.data is None or any(problem.code == "E001" for problem in document.problems):
        return False, set(), 0
    keys = {at for at, node in document.nodes.items() if node.key is not None}
    segments = sum(
        1
        for at in document.nodes
        if len(at) >= 2 and at[-2] in ("segments", "parts") and isinstance(at[-1], int)
    )
    return True, keys, segments


def check_fix_output(
    before: str, after: str, name: str, findings_before: Sequence[Finding], findings_after: Sequence[Finding]
) -> None:
    """``--fix``'s output parses where the input did, keeps every key and segment, and checks to no
    more errors than the input (``findings_after`` are ``fix_rounds``'s, uncapped: counted as listed);
    with ``--unsafe-fixes`` too, for the first two."""
    if after == before:
        return
    parsed, keys, segments = shape(before, name)
    if not parsed:
        return
    for fixed in (after, fix_text(before, name, unsafe=True)[0]):
        parsed_after, keys_after, segments_after = shape(fixed, name)
        assert parsed_after, "--fix made a file that does not parse"
        lost = keys - keys_after
        assert not lost, f"--fix lost keys: {sorted(map(str, lost))[:5]}"
        assert segments_after == segments, f"--fix changed the segment count: {segments} → {segments_after}"
    errors = _errors(findings_before)
    errors_after = _errors(findings_after)
    assert errors_after <= errors, f"--fix made more errors: {errors} → {errors_after}"


def _errors(findings: Sequence[Finding]) -> int:
    """Errors as listed: at most MAX_FINDINGS_PER_RULE per rule, and the note that more were not."""
    per_rule = Counter(f.code for f in findings if f.severity is Severity.ERROR)
    return sum(min(count, MAX_FINDINGS_PER_RULE + 1) for count in per_rule.values())
