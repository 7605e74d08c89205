"""Bytes → text: the byte-order mark a file starts with, and the encoding it names.

Without a mark a file is UTF-8, unless its bytes are not UTF-8 and are CP949 (EUC-KR and its
Windows extension, what Korean Windows saves text in): then it is CP949, read and written back
as such (``LEGACY_ENCODINGS``; the loader warns, E006).
"""

from __future__ import annotations

import codecs
import re

# Encodings read without a byte-order mark besides UTF-8, with the name a message gives them.
LEGACY_ENCODINGS = {"cp949": "CP949 (EUC-KR)"}
_HANGUL = re.compile("[\uac00-\ud7a3]")


def sniff_encoding(raw: bytes) -> tuple[bytes, str]:
    """The byte-order mark ``raw`` starts with (or ``b""``) and the encoding it names (UTF-8 without one,
    or CP949 when the bytes are not UTF-8 but are CP949 with Hangul in it)."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            return bom, encoding
    if _is_cp949(raw):
        return b"", "cp949"
    return b"", "utf-8"


def _is_cp949(raw: bytes) -> bool:
    """Only when UTF-8 fails and CP949 reads every byte, with Hangul, and writes the same bytes back."""
    if raw.isascii():
        return False
    try:
        raw.decode("utf-8")
        return False
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp949")
    except UnicodeDecodeError:
        return False
    if "\x00" in text or not _HANGUL.search(text):
        return False
    try:
        return text.encode("cp949") == raw  # so that --fix keeps every byte it does not edit
    except UnicodeEncodeError:
        return False


def decode(raw: bytes) -> str:
    """Bytes → text, honouring a UTF-8 or UTF-16/32 byte-order mark (or CP949, as ``sniff_encoding``
    says); invalid UTF-8 raises ``UnicodeDecodeError``."""
    bom, encoding = sniff_encoding(raw)
    return raw[len(bom) :].decode(encoding)
