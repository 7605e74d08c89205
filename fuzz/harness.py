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
from collections import Counter
from collections.abc import Sequence
from typing import Any

from tfagenda.findings import MAX_FINDINGS_PER_RULE, Finding, Severity, Span
from tfagenda.fix import Source, fix_rounds, fix_text, is_yaml
from tfagenda.linter import check_loaded
from tfagenda.load import load_bytes
from tfagenda.positions import LINE_BREAK
from tfagenda.rules import RULES
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
        finding.message.encode("utf-8")  # raises on a lone surrogate: no output could write it
        json.dumps(finding.to_json(), ensure_ascii=False).encode("utf-8")
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
        assert item["code"] in RULES and item["severity"] in ("error", "warning")


def check_one(raw: bytes, name: str, fix: bool = True) -> list[Finding]:
    """Load, check (and fix) one input; AssertionError or any exception is a bug."""
    loaded = load_bytes(raw, name)
    findings = check_loaded(loaded)
    lines = loaded.document.lines
    assert lines == lines_of(raw) or not loaded.document.text, "the document's lines are not the file's"
    check_findings(findings, lines)
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
        1 for at in document.nodes if len(at) >= 2 and at[-2] in ("segments", "parts") and isinstance(at[-1], int)
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
