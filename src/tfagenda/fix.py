"""Fixing agenda files in place without losing a byte.

Findings carry their fixes as text edits: a span (1-based line and column, as the YAML parser
counts them) and the text to put there. This module turns those spans into offsets, splices the
new text in, and writes the file back. Nothing is re-dumped: the bytes outside the edited spans
are the bytes that were read, so comments, quotes, flow style, blank lines, CRLF line endings, a
byte-order mark and a missing final newline all survive, and applying no edit gives the input.

``fix_text`` runs check → apply until no applicable fix is left (a round applies the edits that do
not overlap; the others are found again next round). ``write_atomic`` writes through a temporary
file in the same folder, keeps the file's permissions, and refuses when the file changed on disk
since it was read. ``unified_diff`` shows what ``--fix`` would change.
"""

from __future__ import annotations

import difflib
import os
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, NamedTuple

from tfagenda.atomic import NotRegularFile, Snapshot, read_for_rewrite, read_with_snapshot, write_atomic
from tfagenda.findings import Edit, Finding, applicable
from tfagenda.messages import Message, T, verbatim
from tfagenda.positions import LineIndex
from tfagenda.yamldoc import sniff_encoding
from tfagenda.yamldoc.patch import Reparser, TextEdit

if TYPE_CHECKING:
    from tfagenda.config import Settings
    from tfagenda.documents.fix import CellChange
    from tfagenda.linter import Checked, FileReport
    from tfagenda.load import Loaded
    from tfagenda.yamldoc import Document

MAX_ROUNDS = 10


# ---------------------------------------------------------------------------------------------
# Source bytes ↔ text


@dataclass(frozen=True)
class Source:
    """A file's bytes and the text the parser reads from them, with what it takes to write them back."""

    path: str
    raw: bytes
    text: str  # the text positions refer to: no byte-order mark
    bom: bytes = b""
    encoding: str = "utf-8"
    lead: str = ""  # a second "\ufeff" after the BOM, which the parser skips and writing keeps
    snapshot: Snapshot | None = None  # what the file was when read (``read``): writing checks it is still so

    @classmethod
    def from_bytes(cls, raw: bytes, path: str = "<string>") -> Source:
        """Decode ``raw``; raises ``UnicodeDecodeError`` when it is not text in its encoding."""
        bom, encoding = sniff_encoding(raw)
        decoded = raw[len(bom) :].decode(encoding)
        text = decoded.removeprefix("\ufeff")
        return cls(path, raw, text, bom, encoding, decoded[: len(decoded) - len(text)])

    @classmethod
    def read(cls, path: str | Path) -> Source:
        raw, snapshot = read_with_snapshot(path)  # TooLarge past load.MAX_FILE_BYTES
        return replace(cls.from_bytes(raw, str(path)), snapshot=snapshot)

    def encode(self, text: str) -> bytes:
        """``text`` as this file's bytes: the same byte-order mark and encoding (``encode(self.text) == raw``)."""
        return self.bom + (self.lead + text).encode(self.encoding)


# ---------------------------------------------------------------------------------------------
# Spans → offsets, and applying edits


def _positions(text: str) -> LineIndex:
    """Spans (1-based, as the parser counts: U+FEFF takes no column) → offsets into ``text``."""
    return LineIndex(text, skip_bom=True)


def _clash(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two edits overlap, or insert at the same place (their order would be a guess)."""
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0]


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply edits that do not overlap (raises ``ValueError`` if they do, or a span is not in the text)."""
    positions = _positions(text)
    ranges = sorted(((*positions.offsets_of(e.span), e.text) for e in edits), key=lambda r: (r[0], r[1]))
    for before, after in zip(ranges, ranges[1:]):
        if _clash(before[:2], after[:2]):
            raise ValueError("the edits overlap")
    return _splice(text, ranges)


def _splice(text: str, ranges: Sequence[tuple[int, int, str]] | Sequence[TextEdit]) -> str:
    pieces, at = [], 0
    for begin, end, new in sorted(((r[-3], r[-2], r[-1]) for r in ranges), key=lambda r: (r[0], r[1])):
        pieces += [text[at:begin], new]
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def apply_fixes(text: str, findings: Iterable[Finding], unsafe: bool = False) -> tuple[str, list[Finding]]:
    """Apply the applicable fixes of ``findings`` (in order) whose edits do not overlap an earlier one's.

    Returns the new text and the findings whose fixes were applied; the skipped ones are found
    again when the text is checked the next round. Linear in the text and the findings (up to
    a logarithm): the edits taken are kept sorted, and an edit is compared with its neighbours only.
    """
    new_text, applied, _ = _apply_fixes(text, findings, unsafe)
    return new_text, applied


def _apply_fixes(
    text: str, findings: Iterable[Finding], unsafe: bool = False
) -> tuple[str, list[Finding], list[TextEdit]]:
    """``apply_fixes``, and the edits it made (for ``yamldoc.patch``)."""
    positions: LineIndex | None = None
    taken = _Taken()
    applied: list[Finding] = []
    for finding in findings:
        if not applicable(finding.fix, unsafe):
            continue
        assert finding.fix is not None
        positions = positions or _positions(text)
        try:
            ranges = [
                TextEdit(edit.span, *positions.offsets_of(edit.span), edit.text) for edit in finding.fix.edits
            ]
        except ValueError:
            continue
        if any(taken.clashes(r.begin, r.end) for r in ranges) or any(
            _clash(a[1:3], b[1:3]) for i, a in enumerate(ranges) for b in ranges[i + 1 :]
        ):
            continue
        for r in ranges:
            taken.add(r)
        applied.append(finding)
    if not applied:
        return text, applied, []
    return _splice(text, taken.ranges), applied, taken.ranges


class _Taken:
    """Edits that do not overlap, sorted by where they begin (no two begin at the same place)."""

    def __init__(self) -> None:
        self.begins: list[int] = []
        self.ranges: list[TextEdit] = []

    def clashes(self, begin: int, end: int) -> bool:
        at = bisect_left(self.begins, begin)
        if at < len(self.ranges) and _clash((begin, end), self.ranges[at][1:3]):
            return True
        return at > 0 and _clash((begin, end), self.ranges[at - 1][1:3])

    def add(self, edit: TextEdit) -> None:
        at = bisect_left(self.begins, edit.begin)
        self.begins.insert(at, edit.begin)  # findings come in text order: nearly always at the end
        self.ranges.insert(at, edit)


# ---------------------------------------------------------------------------------------------
# Check → apply, round after round


@dataclass
class FixOutcome:
    """What fixing one file did (or would do): the new text and how many findings of each rule were fixed."""

    path: str
    source: Source | None  # None: the file could not be read or decoded (the check reports it)
    text: str
    fixed: Counter[str] = field(default_factory=Counter)
    written: bool = False
    findings: list[Finding] | None = None  # the fixed text's findings (uncapped), when it was checked
    checked: Checked | None = None  # the fixed text's check, loaded as the file's bytes would be
    cells: list[CellChange] = field(default_factory=list)  # a document's: the cells the fixes rewrite

    @property
    def changed(self) -> bool:
        return bool(self.cells) or self.source is not None and self.text != self.source.text

    @property
    def new_bytes(self) -> bytes:
        assert self.source is not None
        return self.source.encode(self.text)

    def diff(self, name: str | None = None, lang: str = "en") -> str:
        if self.cells:  # a document: the cells, by their place (in ``lang``)
            from tfagenda.documents.fix import diff_cells

            return diff_cells(name or self.path, self.cells, lang)
        if self.source is None:
            return ""
        return unified_diff(self.source.text, self.text, name or self.path)


class FixRefused(Exception):
    """The fixed text is one tfagenda itself would refuse to read: it is not written. ``message`` says
    why (deferred, said in the command's language; ``str(error)`` is English)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def fix_text(
    text: str,
    path: str = "<string>",
    settings: Settings | None = None,
    unsafe: bool = False,
    max_rounds: int = MAX_ROUNDS,
) -> tuple[str, Counter[str]]:
    """Check and apply fixes until none applies (at most ``max_rounds`` rounds); the new text and the fixed counts."""
    rounds = fix_rounds(text, path, settings, unsafe, max_rounds)
    return rounds.text, rounds.fixed


class Rounds(NamedTuple):
    """What ``fix_rounds`` did: the new text, the fixed counts, the new text's findings (uncapped),
    and its check whole (``linter.Checked``)."""

    text: str
    fixed: Counter[str]
    findings: list[Finding]
    checked: Checked


def fix_rounds(
    text: str,
    path: str = "<string>",
    settings: Settings | None = None,
    unsafe: bool = False,
    max_rounds: int = MAX_ROUNDS,
    load: Callable[[str, Callable[[str, str], Document]], Loaded] | None = None,
) -> Rounds:
    """``fix_text``, and the findings of the text it returns (every one: no per-rule cap), from its
    check (the last round's: the text is never checked twice). ``load`` loads a text for a round
    with the YAML parser it is given (default ``load_text(text, path, parser=parser)``; a file's
    fixing loads the bytes it would write).

    Raises ``FixRefused`` when the fixes would make a text that does not parse where the input did.
    """
    from tfagenda.config import Settings
    from tfagenda.linter import active_rules, check_for_fixing, complete_check, rules_that_fix
    from tfagenda.load import load_text

    settings = settings or Settings.defaults()
    load = load or (lambda text, parser: load_text(text, path, parser=parser))
    # Each round's text is the last one with a few values rewritten: its document is patched from
    # the last one's where ``yamldoc.patch`` can show it reads so, instead of parsed again.
    parser = Reparser()
    # A round runs the rules that fix first: when they find a fix, the text changes and the other
    # rules' findings would only be thrown away; when they find none, the others run too (on the
    # same load), and that whole check is the last round's, the file's report.
    fixing = rules_that_fix(unsafe)
    active = active_rules(settings, path)  # the same every round

    fixed: Counter[str] = Counter()
    seen = {text}
    checked = check_for_fixing(load(text, parser), settings, fixing, active)
    unreadable_before = sum(finding.code == "E001" for finding in checked.findings)
    for _ in range(max_rounds):
        new_text, applied, edits = _apply_fixes(text, checked.findings, unsafe)
        if (not applied or new_text in seen) and not checked.complete:
            checked = complete_check(
                checked, settings
            )  # the other rules; should one of them fix, it is applied
            new_text, applied, edits = _apply_fixes(text, checked.findings, unsafe)
        if not applied or new_text in seen:  # nothing to do, or fixes that undo each other
            break
        fixed.update(finding.code for finding in applied)
        seen.add(new_text)
        text = new_text
        parser.edited(text, edits)
        checked = check_for_fixing(load(text, parser), settings, fixing, active)  # the next round's
    checked = complete_check(checked, settings)  # the result: the fixed text's whole check
    if sum(finding.code == "E001" for finding in checked.findings) > unreadable_before:
        raise FixRefused(
            T("{path}: not fixed: the fixes would make a file that tfagenda cannot read", path=path)
        )
    return Rounds(text, fixed, checked.findings, checked)


def not_fixed_message(path: str | Path, error: BaseException) -> Message:
    """Why ``check --fix`` did not fix a file (said after ``tfagenda:``): refused, changed on disk,
    not writable, or a bug."""
    from tfagenda.atomic import FileChanged

    if isinstance(error, FixRefused):
        return error.message
    if isinstance(error, FileChanged):
        return verbatim(str(error))
    if isinstance(error, OSError):
        return T(
            "{path}: cannot write the fixes: {error}", path=str(path), error=str(error.strerror or error)
        )
    return verbatim(f"{path}: not fixed: internal error ({type(error).__name__}: {error}); please report it")


def is_yaml(path: str, text: str) -> bool:
    """Only YAML agendas are fixed: an imported format's findings point at a source tfagenda does not write."""
    try:
        from tfagenda.importers import detect_format
    except ImportError:  # pragma: no cover - importers are optional
        return True
    return detect_format(path, text) == "yaml"


def fix_file(
    path: str | Path,
    settings: Settings | None = None,
    unsafe: bool = False,
    write: bool = True,
    write_now: bool = True,
) -> FixOutcome:
    """Fix one file; with ``write``, write it back when something changed (``FileChanged`` if it changed
    meanwhile). ``write_now`` False: read the file as for writing (a regular file, its snapshot) but
    leave the writing to the caller (``outcome.new_bytes``; ``atomic.write_all``), as ``check --fix``
    does. An office document is written at once either way."""
    from tfagenda.load import MAX_FILE_BYTES

    name = str(path)
    # An office document (.hwpx and .docx: the wrong cell's text; .hwp and .pdf: advice only), by its
    # name or its first bytes (``documents.fix.is_document``); to write, from the bytes read for it.
    # The document readers are imported only for one: a YAML agenda's fixing does not pay for them.
    if PurePath(name).suffix.lower() in _DOCUMENT_SUFFIXES or (not write and _is_document(path)):
        return _fix_document(path, settings, unsafe, write)
    snapshot = None
    try:
        # At most one byte past the limit (a huge file is refused, as the check refuses it: E001). To
        # write, a pipe or a device is refused before it is read (NotRegularFile): reading consumes it.
        if write:
            raw, snapshot = read_for_rewrite(path, MAX_FILE_BYTES)
            if raw.startswith(_DOCUMENT_MAGIC):
                return _fix_document(path, settings, unsafe, write)
        else:
            with open(path, "rb") as stream:
                raw = stream.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            return FixOutcome(name, None, "")
        source = replace(Source.from_bytes(raw, name), snapshot=snapshot)
    except NotRegularFile:
        raise
    except (OSError, UnicodeDecodeError):
        return FixOutcome(name, None, "")
    if not is_yaml(name, source.text):
        return FixOutcome(name, source, source.text)
    rounds = fix_rounds(source.text, name, settings, unsafe, load=_as_written(source))
    outcome = FixOutcome(
        name, source, rounds.text, rounds.fixed, findings=rounds.findings, checked=rounds.checked
    )
    if outcome.changed and len(outcome.new_bytes) > MAX_FILE_BYTES:
        raise FixRefused(
            T(
                "{name}: not fixed: the fixed file would be {size} bytes, more than the {limit} tfagenda reads",
                name=name,
                size=f"{len(outcome.new_bytes):,}",
                limit=f"{MAX_FILE_BYTES:,}",
            )
        )
    if write and write_now and outcome.changed:
        write_atomic(path, outcome.new_bytes, expected=source.raw, snapshot=snapshot)
        outcome.written = True
    return outcome


# What ``documents.fix.is_document`` looks for: the names (``documents.detect.SUFFIXES``), and the
# first bytes of ZIP, OLE2 and PDF.
_DOCUMENT_SUFFIXES = frozenset((".hwpx", ".hwp", ".docx", ".pdf"))
_DOCUMENT_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF-")


def _is_document(path: str | Path) -> bool:
    from tfagenda.documents.fix import is_document

    return is_document(path)


def _fix_document(path: str | Path, settings: Settings | None, unsafe: bool, write: bool) -> FixOutcome:
    from tfagenda.documents.fix import fix_document_cells

    fixed, written, cells = fix_document_cells(path, settings, unsafe, write)
    return FixOutcome(str(path), None, "", fixed, written=written, cells=cells)


def _as_written(source: Source) -> Callable[[str, Callable[[str, str], Document]], Loaded]:
    """Load a round's text as ``check`` will load the file once it is written: from its bytes in the
    file's encoding (its byte-order mark, CP949's E006), so that the last round's check is the
    file's report. A text past the size limit is loaded as text: the size refuses it after."""
    from tfagenda.load import MAX_FILE_BYTES, load_bytes, load_text

    def load(text: str, parser: Callable[[str, str], Document]) -> Loaded:
        raw = source.encode(text)
        if len(raw) > MAX_FILE_BYTES:
            return load_text(text, source.path, parser=parser)
        return load_bytes(raw, source.path, parser=parser)

    return load


@dataclass(frozen=True)
class FileFixer:
    """``check --fix`` in ``linter.check_paths`` (its ``Fixer``): each file fixed by the process
    that checks it, the last round's check its report, the fixed files written together after."""

    unsafe: bool = False

    def fix_and_check_file(
        self, job: tuple[str, bool], settings: Settings, compare: bool = True
    ) -> FileReport:
        """``check_file`` for ``check --fix``: fix the file (its rounds of check → apply), and report
        what the last round found, which is what a check of the fixed file finds. The fixed bytes are
        not written here: the report carries them (``rewrite``) for ``write_fixes``, with the other
        files'. A file that cannot be fixed says why (``not_fixed``) and is checked as it is."""
        from tfagenda.atomic import Rewrite
        from tfagenda.linter import check_file, report_of
        from tfagenda.yamldoc import gc_paused

        path, reported = job
        if not reported:  # only compared with the others: never fixed
            return check_file(job, settings, compare)
        with gc_paused():  # as check_file does
            try:
                outcome = fix_file(path, settings, self.unsafe, write=True, write_now=False)
            except Exception as error:  # noqa: BLE001 - said as the file's not_fixed; its check goes on
                report = check_file(job, settings, compare)
                report.not_fixed = not_fixed_message(path, error)
                return report
            made: FileReport | None = None
            if outcome.checked is not None:
                try:
                    made = report_of(outcome.checked, settings, compare)
                except Exception:  # noqa: BLE001 - checked again below, where a crash is the file's E000
                    made = None
            # The text of a YAML file changed: its bytes are written after (an office document's
            # cells are written at once, by ``fix_file``).
            source = outcome.source if outcome.changed else None
            if made is None:  # not a YAML agenda fixed here (an office document, unreadable, imported)
                made = check_file(
                    job, settings, compare, raw=outcome.new_bytes if source is not None else None
                )
            made.fixed = outcome.fixed
            if source is not None:
                made.rewrite = Rewrite(path, outcome.new_bytes, source.raw, source.snapshot)
            return made

    def write_fixes(
        self, reports: list[FileReport], jobs: list[tuple[str, bool]], settings: Settings, compare: bool
    ) -> None:
        """Write the fixed files of a run at once (``atomic.write_all``); a file that could not be
        written is checked again as it is on disk, and its report says why it was not fixed."""
        from tfagenda.atomic import write_all
        from tfagenda.linter import check_file

        pending = [n for n, report in enumerate(reports) if report.rewrite is not None]
        rewrites = [rewrite for n in pending if (rewrite := reports[n].rewrite) is not None]
        for n in pending:
            reports[n].rewrite = None  # the bytes are not needed past the write
        for n, failure in zip(pending, write_all(rewrites)):
            if failure is not None:
                report = check_file(jobs[n], settings, compare)
                report.not_fixed = not_fixed_message(reports[n].path, failure)
                reports[n] = report


# ---------------------------------------------------------------------------------------------
# Writing and showing


def _diff_lines(text: str) -> list[str]:
    """Lines with their own line breaks ("\\r\\n", "\\n", a lone "\\r"); the last may have none."""
    starts = LineIndex(text).starts
    lines = [text[start:following] for start, following in zip(starts, starts[1:])]
    if starts[-1] < len(text):
        lines.append(text[starts[-1] :])
    return lines


def unified_diff(before: str, after: str, path: str) -> str:
    """A unified diff with ``a/`` and ``b/`` paths, as ``git diff`` and ``patch -p1`` read it ("" if no change)."""
    if before == after:
        return ""
    name = path.replace(os.sep, "/").lstrip("/")
    out = []
    old, new = _diff_name(f"a/{name}"), _diff_name(f"b/{name}")
    for line in difflib.unified_diff(_diff_lines(before), _diff_lines(after), old, new):
        if line.endswith("\n"):
            out.append(line)
        elif line.endswith("\r"):
            out.append(line + "\n")
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


_GIT_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\v": "\\v",
    "\f": "\\f",
    "\r": "\\r",
    '"': '\\"',
    "\\": "\\\\",
}


def _diff_name(name: str) -> str:
    """A file name for a ``---``/``+++`` line as git writes it: a tab after a name with a space
    (where ``patch`` looks for its end), and C-quoted when it must be
    (``"a/x\\ny.yaml"``): a name with a line break, a control character, ``"`` or ``\\`` could
    otherwise end the header, forge one, or act on the terminal. Bytes that are not UTF-8 and
    characters that could act on a terminal or reorder the line (C1 and bidi controls) are
    written as octal escapes of their bytes (``\\377``); other text (Hangul) stays as it is, as
    with git's ``core.quotePath=false``. ``git apply`` and ``patch`` read the quoted form."""
    from tfagenda.textwidth import needs_escape

    tab = "\t" if " " in name else ""
    if not any(char in _GIT_ESCAPES or needs_escape(char) for char in name):
        return name + tab
    quoted = []
    for char in name:
        if char in _GIT_ESCAPES:
            quoted.append(_GIT_ESCAPES[char])
        elif needs_escape(char):
            quoted.extend(f"\\{byte:03o}" for byte in char.encode("utf-8", "surrogateescape"))
        else:
            quoted.append(char)
    return '"' + "".join(quoted) + '"' + tab


def fixes_listing(fixed: dict[str, Counter[str]]) -> str:
    """``--show-fixes``: what was fixed, per file and rule (as ruff lists them)."""
    from tfagenda.rules import RULES

    total = sum(sum(counts.values()) for counts in fixed.values())
    if not total:
        return "No fixes applied.\n"
    lines = [f"Fixed {total} finding{'s' if total != 1 else ''}:"]
    for path, counts in fixed.items():
        if not counts:
            continue
        lines.append(f"- {path}:")
        for code, count in sorted(counts.items()):
            name = RULES[code].name if code in RULES else ""
            lines.append(f"    {count} × {code} ({name})" if name else f"    {count} × {code}")
    return "\n".join(lines) + "\n"
