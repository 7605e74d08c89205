"""What a check finds: one ``Finding`` type carries every problem, from YAML syntax to double bookings.

Rules do not know about lines and columns: they yield a ``Problem`` that points at a place in the
document by its path (``("segments", 0, "end")``). The linter resolves the path to a ``Span`` in the
file, applies severity and selection, and makes the ``Finding`` that reporters print.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tfagenda.messages import Commas, Message

DocPath = tuple[str | int, ...]

# One rule lists at most this many findings in one file, then says that there are more (README,
# Robustness): it bounds the time and memory of a hostile file, such as one where every pair of
# 10,000 segments is a double booking. A real agenda is nowhere near it.
MAX_FINDINGS_PER_RULE = 1_000


class Severity(str, enum.Enum):
    """How much a finding matters: an error fails the check; a warning fails it only with
    ``--strict``; information (``info``: how the file was read, e.g. a 12-hour clock) never does."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


class Applicability(str, enum.Enum):
    """How far a fix can be trusted, as ruff classifies them."""

    SAFE = "safe"  # applied by --fix: it keeps the author's evident intent
    UNSAFE = "unsafe"  # the likely repair, but a person should look (--unsafe-fixes)
    DISPLAY_ONLY = "display-only"  # advice; no automatic edit

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Span:
    """A place in a file: 1-based line and column of the first character, and of the character after the last."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Edit:
    """Replace the text of ``span`` with ``text``; the span is a value's text (inside its quotes, if it has any)."""

    span: Span
    text: str


@dataclass(frozen=True)
class Fix:
    """A suggested repair. ``value`` is the new value as a person reads it (``"16:35"``), or None for advice."""

    description: Message  # said in the language chosen at output
    applicability: Applicability = Applicability.DISPLAY_ONLY
    value: Any = None
    target: DocPath | None = None  # the value the fix sets; the linter turns it into an Edit
    edits: tuple[Edit, ...] = ()

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        return {
            "description": self.description.say(lang),
            "value": self.value,
            "applicability": str(self.applicability),
            "edits": [
                {
                    "line": e.span.line,
                    "column": e.span.column,
                    "end_line": e.span.end_line,
                    "end_column": e.span.end_column,
                    "text": e.text,
                }
                for e in self.edits
            ],
        }


@dataclass(frozen=True)
class Problem:
    """What a rule (or the loader) yields: a code, where in the document, what is wrong, and how to fix it."""

    code: str
    at: DocPath
    message: Message
    fix: Fix | None = None
    key: bool = False  # point at the key (`end:`) rather than its value
    span: Span | None = None  # a place the document path cannot name (syntax errors)
    related: tuple[Related, ...] = ()


@dataclass(frozen=True)
class Related:
    """Another place a finding names, possibly in another file (O003 across agendas)."""

    path: str
    line: int
    column: int
    message: str


@dataclass(frozen=True, slots=True)
class DocLocation:
    """Where a finding is in a document (.hwpx, .hwp, .docx, .pdf), as a person finds it in Hancom or Word.

    Numbers are 1-based: the table in document order, its row and column (the header included),
    the paragraph (in the cell, or in the body outside tables) and the page (PDF only). ``text`` is
    the whole text of the cell or paragraph, ``start``/``end`` the finding's characters in it.
    """

    table: int | None = None
    row: int | None = None
    column: int | None = None
    paragraph: int | None = None
    page: int | None = None
    text: str = ""
    start: int = 0
    end: int = 0

    def describe(self, lang: str = "en") -> str:
        """Where, as a person looks for it: ``table 2, row 2, column 1`` / ``표 2, 2행 1열`` (and the page of a PDF)."""
        return ", ".join(part.say(lang) for part in self.said() or ())

    def said(self) -> Commas | None:
        """``describe`` as a deferred message (for a sentence about this place); None when it names nothing."""
        from tfagenda.messages import Commas, T

        parts = []
        if self.page is not None:
            parts.append(T("page {page}", page=self.page))
        if self.table is not None and self.row is not None and self.column is not None:
            parts.append(
                T(
                    "table {table}, row {row}, column {column}",
                    table=self.table,
                    row=self.row,
                    column=self.column,
                )
            )
        elif self.paragraph is not None:
            parts.append(T("paragraph {paragraph}", paragraph=self.paragraph))
        return Commas(parts) if parts else None

    def to_json(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "paragraph": self.paragraph,
            "page": self.page,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Finding:
    path: str
    span: Span
    code: str
    name: str
    severity: Severity
    message: Message  # said in the language chosen at output (``ReportOptions.lang``)
    fix: Fix | None = None
    related: tuple[Related, ...] = field(default=())
    location: DocLocation | None = None  # in a document (.hwpx, .docx…): the table, row and column

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.line, self.span.column, self.code)

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """The finding as JSON, its message and fix description said in ``lang``."""
        return {
            "path": self.path,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message.say(lang),
            "fix": self.fix.to_json(lang) if self.fix else None,
            "related": [
                {"path": r.path, "line": r.line, "column": r.column, "message": r.message}
                for r in self.related
            ],
            **({"location": self.location.to_json()} if self.location is not None else {}),
        }


# The code a bare ``# tfagenda: ignore`` (no list of rules) suppresses: every rule.
EVERY_RULE = "*"


@dataclass
class Suppression:
    """A ``# tfagenda: ignore[...]`` or ``file-ignore[...]`` comment (``tfagenda.suppress`` reads them).

    It lives here, beside the findings it silences, because the I001 rule reads it and the
    comment reader needs the rule registry: below the rules and above them, respectively.
    """

    span: Span
    file_wide: bool
    lines: frozenset[int]
    codes: dict[str, str]  # rule code (or EVERY_RULE) → as written
    unknown: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)
    removal: Span | None = None  # the text to delete to remove it (I001's fix); None when that is not clear

    def covers(self, finding: Finding) -> bool:
        """Whether this comment silences ``finding``; a code it silences is marked used."""
        if not (self.file_wide or finding.line in self.lines):
            return False
        for code in (finding.code, EVERY_RULE):
            if code in self.codes:
                self.used.add(code)
                return True
        return False


def applicable(fix: Fix | None, unsafe: bool = False) -> bool:
    """Whether ``--fix`` applies this fix (safe ones; unsafe ones too with ``--unsafe-fixes``)."""
    if fix is None or not fix.edits:
        return False
    return fix.applicability is Applicability.SAFE or (unsafe and fix.applicability is Applicability.UNSAFE)


def more_not_listed(code: str, limit: int = MAX_FINDINGS_PER_RULE) -> Problem:
    """The note that ends a rule's findings in one file past ``limit`` (placed at the file's start)."""
    from tfagenda.messages import T

    more = T(
        "more {code} findings in this file are not listed: tfagenda lists at most {limit} per rule and file",
        code=code,
        limit=f"{limit:,}",
    )
    return Problem(code, (), more, span=Span(1, 1, 1, 1))
