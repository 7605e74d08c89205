"""A document (.hwpx, .hwp, .docx, .pdf) loaded as an agenda: extracted, rendered, read by the ministry reader.

``load_document_bytes(raw, path)`` reads the document (``documents.read``), renders it as text
(``to_text.render``) and gives that text to the same reader that reads a text copy of a ministry
agenda (``importers.ministry``), so every rule applies unchanged. The loaded file's document is a
``DocumentSource``: the rendered text (what findings' spans point into) plus the extracted model
and the map back to it, so a finding can say which table, row and column it is in
(``locate``), and ``check --fix`` can rewrite that cell (``documents.fix``).

A document that cannot be read, or that has no agenda in it, is one E005 that says why; never an
empty check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from tfagenda.documents.detect import detect, suffix_format
from tfagenda.documents.model import DocumentError, ExtractedDocument
from tfagenda.findings import Applicability, DocLocation, Fix, Problem, Span
from tfagenda.messages import Commas, Message, T, plural
from tfagenda.yamldoc import Document

if TYPE_CHECKING:
    from tfagenda.documents.to_text import Location, RenderedText

# A document is read whole (a ZIP's directory is at its end); press releases with images run to
# tens of MiB. The readers bound what they decompress and parse (``_safety``).
MAX_DOCUMENT_BYTES = 64 * 2**20
_WHOLE = Span(1, 1, 1, 1)
_NAMES = {"hwpx": "HWPX", "hwp": "HWP", "docx": "DOCX", "pdf": "PDF"}


@dataclass
class DocumentSource(Document):
    """The rendered text of a document, as the ministry reader read it, with the document behind it."""

    from_office_document: ClassVar[bool] = True

    extracted: ExtractedDocument | None = None
    rendered: RenderedText | None = field(default=None, repr=False)
    raw: bytes = field(default=b"", repr=False)

    def locate(self, span: Span) -> Location | None:
        if self.rendered is None:
            return None
        return self.rendered.locate_span(span.line, span.column, span.end_line, span.end_column)


def document_format(raw: bytes, path: str) -> str | None:
    """The document format of a file from its bytes (or, for a damaged one, its extension); None for text."""
    return detect(raw) or suffix_format(path)


def read_document_source(raw: bytes, path: str) -> DocumentSource:
    """The document's agenda table read as the ministry reader reads text, with the document behind it;
    a document that cannot be read has ``extracted`` None and one problem saying why (``load.load_bytes``
    turns this into a ``Loaded``)."""
    from tfagenda.documents import read
    from tfagenda.documents.to_text import render
    from tfagenda.importers.ministry import read as read_ministry

    claimed = document_format(raw, path) or "document"
    if len(raw) > MAX_DOCUMENT_BYTES:
        return _refused(
            path,
            T(
                "the document is larger than {mib} MiB, the most tfagenda reads; not checked",
                mib=MAX_DOCUMENT_BYTES // 2**20,
            ),
            "E001",
        )
    try:
        extracted = read(raw, path)
    except DocumentError as error:
        return _refused(path, _why(error, _NAMES.get(claimed, claimed)))
    rendered = render(extracted)
    parsed = read_ministry(rendered.text, path)
    source = DocumentSource(
        path=path,
        text=parsed.text,
        data=parsed.data,
        nodes=parsed.nodes,
        problems=parsed.problems,
        damaged=parsed.damaged,
        extracted=extracted,
        rendered=rendered,
        raw=raw,
    )
    if parsed.data is None:
        source.problems = [_no_agenda(extracted, source.problems)]
    return source


def why_no_agenda(path: str | Path) -> str | None:
    """Why a document found in a folder walk is not checked (in English, for the walk's note), or
    None when an agenda is found in it."""
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_DOCUMENT_BYTES + 1)
    except OSError:
        return None  # reading it in the check reports why
    if document_format(raw, str(path)) is None:
        return "it is not a document tfagenda reads (HWPX, HWP, DOCX, PDF)"
    source = read_document_source(raw, str(path))
    if source.extracted is None:  # encrypted, damaged, no text layer …: the problem says which
        return source.problems[0].message.say("en") if source.problems else "it cannot be read"
    if source.data is not None or any(p.span is not None and p.span.line > 1 for p in source.problems):
        return None  # an agenda, or a schedule table the reader found but could not read: checked
    tables = sum(1 for _ in source.extracted.tables())
    if tables == 0:
        return "no agenda found in it (it has no tables)"
    plural = "" if tables == 1 else "s"
    return f"no agenda found in it (it has {tables} table{plural}, none of them a schedule)"


def _refused(path: str, message: Message, code: str = "E005") -> DocumentSource:
    return DocumentSource(path=path, text="", problems=[Problem(code, (), message, span=_WHOLE)])


def _no_agenda(extracted: ExtractedDocument, problems: list[Problem]) -> Problem:
    """The E005 of a document without a schedule table: what was looked for, and what the document has."""
    tables = sum(1 for _ in extracted.tables())
    kept = [p for p in problems if p.code == "E005" and p.span is not None and p.span.line > 1]
    if kept:  # the reader found the table but could not read it: its own words say why
        return kept[0]
    return Problem(
        "E005",
        (),
        T(
            "no agenda found in the document: looked for a schedule table (a header such as {header}, rows such as {row}) and the {when} line of {overview}; the document has {tables} and {paragraphs}, none of them a schedule",
            header="시 간 | 내 용 | 비고",
            row="16:30 ~ 16:35",
            when="(일시)",
            overview="□ 회의 개요",
            tables=plural(tables, T("{n} table", n=tables), T("{n} tables", n=tables)),
            paragraphs=plural(
                len(extracted.paragraphs),
                T("{n} paragraph", n=len(extracted.paragraphs)),
                T("{n} paragraphs", n=len(extracted.paragraphs)),
            ),
        ),
        span=Span(1, 1, 1, 1),
    )


def _why(error: DocumentError, format: str) -> Message:
    """Why a document cannot be read, in the check's language (the reader's English detail kept where it names a part)."""
    if error.reason == "encrypted":
        return T(
            "the {format} document is encrypted or protected by a password; save an unprotected copy and check that",
            format=format,
        )
    if error.reason == "distribution":
        return T(
            "the {format} document is a distribution document ({korean_name}), whose text is encrypted; check the original",
            format=format,
            korean_name="배포용 문서",
        )
    if error.reason == "drm":
        return T(
            "the {format} document is DRM-protected, so its text cannot be read; check an unprotected copy",
            format=format,
        )
    if error.reason == "no_text":
        return T(
            "the {format} document has no readable text, so there is nothing to check; check the .hwpx, .hwp or .docx it was made from ({detail})",
            format=format,
            detail=error.message,
        )
    if error.reason == "too_large":
        return T(
            "the {format} document is too large to read ({detail}); not checked",
            format=format,
            detail=error.message,
        )
    if error.reason == "unsupported":
        return T(
            "the file is not a document tfagenda reads (HWPX, HWP, DOCX, PDF): {detail}", detail=error.message
        )
    return T(
        "the {format} document cannot be read: it is damaged or malformed ({detail})",
        format=format,
        detail=error.message,
    )


def document_location(document: Document | None, span: Span) -> DocLocation | None:
    """A finding's place in its document (table, row, column, paragraph, page); None for text files."""
    if not isinstance(document, DocumentSource):
        return None
    if span == _WHOLE:  # about the whole document (no agenda in it, unreadable): no cell to name
        return DocLocation()
    found = document.locate(span)
    if found is None:
        return None
    return DocLocation(
        table=found.table,
        row=found.row,
        column=found.column,
        paragraph=found.paragraph,
        page=found.page,
        text=found.text,
        start=found.start,
        end=found.end,
    )


def place_of(document: Document, span: Span) -> Commas | None:
    """Where a span of a document is, as findings name it (``table 2, row 3, column 3``, with the
    page of a PDF), for a message about another file; None when it is in no cell or paragraph."""
    location = document_location(document, span)
    return location.said() if location is not None else None


# .hwpx and .docx are fixed in place (documents/fix.py); .hwp and .pdf get the fix as advice.
FIXABLE = ("hwpx", "docx")


def document_fix(document: Document | None, fix: Fix | None) -> Fix | None:
    """A finding's fix in a document: as is for .hwpx and .docx (``fix_document`` applies it to the cell), advice for .hwp and .pdf."""
    if fix is None or not isinstance(document, DocumentSource) or document.extracted is None:
        return fix
    format = document.extracted.format
    if format in FIXABLE:
        return fix
    return Fix(
        T(
            "{fix} (a .{format} file cannot be fixed in place: change it in Hancom Office, or fix the .hwpx or .docx it came from)",
            fix=fix.description,
            format=format,
        ),
        Applicability.DISPLAY_ONLY,
        fix.value,
        fix.target,
    )
