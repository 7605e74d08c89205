"""Documents as officials write and publish them: .hwpx, .hwp, .docx and .pdf → one extracted model.

``read(raw, path)`` detects the format from the bytes and returns an ``ExtractedDocument``
(``model.py``): paragraphs and tables in document order, each text with its location (table,
row, column, paragraph; page for PDF) and, for .hwpx and .docx, a map from its characters back
to the XML bytes that hold them. ``to_text.render()`` writes the model as the text the ministry
reader (``importers.ministry``) reads, with a map from that text back to the document, so one
reader and every rule serve text copies and documents alike. See docs/documents.md.

A document that cannot be read raises ``DocumentError`` with the reason in words: encrypted,
distribution-locked, DRM, no readable text (a scanned PDF), damaged, too large.
"""

from __future__ import annotations

import importlib
import struct

from tfagenda.documents.detect import FORMATS, detect, suffix_format
from tfagenda.documents.model import (
    Cell,
    DocumentError,
    ExtractedDocument,
    Paragraph,
    SourceRange,
    Table,
    TextMap,
)

__all__ = [
    "FORMATS",
    "Cell",
    "DocumentError",
    "ExtractedDocument",
    "Paragraph",
    "SourceRange",
    "Table",
    "TextMap",
    "detect",
    "read",
]

_NAMES = {"hwpx": "HWPX", "hwp": "HWP", "docx": "DOCX", "pdf": "PDF"}


def read(raw: bytes, path: str, format: str | None = None) -> ExtractedDocument:
    """Read a document from its bytes. The format comes from the bytes, ``format`` only forces one.

    Raises ``DocumentError`` for a file that is none of the formats (naming what its extension
    claims), or that its reader cannot read.
    """
    chosen = format or detect(raw)
    if chosen is None:
        claimed = suffix_format(path)
        if claimed is None:
            raise DocumentError("unsupported", "the file is not an HWPX, HWP, DOCX or PDF document")
        if not raw:
            raise DocumentError("corrupt", f"the {_NAMES[claimed]} file is empty")
        chosen = claimed  # its reader says what is wrong with it (damaged, truncated, not that format)
    if chosen not in FORMATS:
        raise ValueError(f"unknown document format {chosen!r}; one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"tfagenda.documents.{chosen}")
    try:
        document: ExtractedDocument = module.read(raw, path)
    except DocumentError:
        raise
    except (
        ValueError,
        LookupError,
        AttributeError,
        TypeError,
        ArithmeticError,
        UnicodeError,
        struct.error,
        RecursionError,
    ) as error:
        # A damaged file that a library trips over in a way its reader did not foresee: still a
        # clear "damaged" rather than a traceback (the readers' own checks word the known cases).
        raise DocumentError(
            "corrupt", f"the {_NAMES[chosen]} file is damaged or malformed ({type(error).__name__}: {error})"
        ) from error
    return document
