"""Bytes → text: the byte-order mark a file starts with, and the encoding it names."""

from __future__ import annotations

import codecs


def sniff_encoding(raw: bytes) -> tuple[bytes, str]:
    """The byte-order mark ``raw`` starts with (or ``b""``) and the encoding it names (UTF-8 without one)."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            return bom, encoding
    return b"", "utf-8"


def decode(raw: bytes) -> str:
    """Bytes → text, honouring a UTF-8 or UTF-16/32 byte-order mark; invalid UTF-8 raises ``UnicodeDecodeError``."""
    bom, encoding = sniff_encoding(raw)
    return raw[len(bom) :].decode(encoding)
