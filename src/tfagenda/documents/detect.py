"""Which document format a file is, from its bytes (the extension alone is not trusted)."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from tfagenda.documents._safety import MAX_MEMBERS, declared_members
from tfagenda.documents.hwp import OLE_MAGIC, SIGNATURE

FORMATS = ("hwpx", "hwp", "docx", "pdf")
SUFFIXES = {".hwpx": "hwpx", ".hwp": "hwp", ".docx": "docx", ".pdf": "pdf"}


def detect(raw: bytes) -> str | None:
    """``hwpx``, ``hwp``, ``docx`` or ``pdf`` from the file's first bytes and container; None for anything else.

    - a ZIP (``PK``) with ``Contents/section0.xml`` or a ``mimetype`` of ``application/hwp+zip``: HWPX;
      with ``word/document.xml``: DOCX;
    - an OLE2 compound file (``D0 CF 11 E0``) whose ``FileHeader`` stream starts ``HWP Document File``: HWP;
    - ``%PDF-`` in the first kilobyte (as PDF readers accept it): PDF.
    """
    if raw.startswith(b"PK"):
        return _zip_format(raw)
    if raw.startswith(OLE_MAGIC):
        return "hwp" if _ole_is_hwp(raw) else None
    if b"%PDF-" in raw[:1024]:
        return "pdf"
    return None


def suffix_format(path: str) -> str | None:
    """The format a file's extension claims (used only to word an error when the bytes disagree)."""
    return SUFFIXES.get(PurePath(path).suffix.lower())


def _zip_format(raw: bytes) -> str | None:
    declared = declared_members(raw)
    if declared is not None and declared > MAX_MEMBERS:
        return None  # not opened here; the extension's reader refuses it with the limit
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        names = set(archive.namelist())
        mimetype = b""
        if "mimetype" in names and archive.getinfo("mimetype").file_size < 100:
            mimetype = archive.read("mimetype").strip()
    except Exception:  # a damaged ZIP: the reader of the extension's format words the error
        return None
    if "Contents/section0.xml" in names or mimetype == b"application/hwp+zip":
        return "hwpx"
    if "word/document.xml" in names:
        return "docx"
    return None


def _ole_is_hwp(raw: bytes) -> bool:
    import olefile  # type: ignore[import-untyped]

    try:
        with olefile.OleFileIO(io.BytesIO(raw)) as ole:
            if not ole.exists("FileHeader"):
                return False
            with ole.openstream("FileHeader") as stream:
                return bytes(stream.read(len(SIGNATURE))) == SIGNATURE
    except Exception:  # damaged: the HWP reader words it when the extension says .hwp
        return False
