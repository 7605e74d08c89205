"""``check --fix`` for documents: .hwpx and .docx are fixed in place, .hwp and .pdf only advised.

A fix rewrites only the text of the wrong cell (``edit.part_edits``): every other ZIP member is
written back with the same bytes, name, order and compression (the ``mimetype`` first and
stored, as HWPX requires), and the changed XML part differs only in that text (and, for .hwpx,
that paragraph's cached line layout). The file is written by the same atomic writer as YAML.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from tfagenda.documents.detect import suffix_format
from tfagenda.documents.edit import ByteEdit, apply, part_edits
from tfagenda.documents.load import FIXABLE, MAX_DOCUMENT_BYTES, DocumentSource

if TYPE_CHECKING:
    from tfagenda.config import Settings

_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF-")
_ROUNDS = 10


def is_document(path: str | Path) -> bool:
    """A document (by its first bytes, or its extension) rather than a text agenda."""
    if suffix_format(str(path)) is not None:
        return True
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # a pipe or a device: reading its first bytes would consume them
        with open(path, "rb") as stream:
            head = stream.read(8)
    except OSError:
        return False
    return head.startswith(_MAGIC)


def fix_document(
    path: str | Path, settings: Settings | None = None, unsafe: bool = False, write: bool = True
) -> tuple[Counter[str], bool]:
    """Fix a .hwpx or .docx in place: the fixes applied (per rule) and whether the file was written."""
    from tfagenda.atomic import read_for_rewrite, write_atomic

    name = str(path)
    if write:
        raw, snapshot = read_for_rewrite(path, MAX_DOCUMENT_BYTES)
    else:
        raw, snapshot = Path(path).read_bytes()[: MAX_DOCUMENT_BYTES + 1], None
    fixed: Counter[str] = Counter()
    if len(raw) > MAX_DOCUMENT_BYTES:
        return fixed, False
    data = raw
    for _ in range(_ROUNDS):
        edited, applied = _fix_round(data, name, settings, unsafe)
        if not applied:
            break
        fixed.update(applied)
        data = edited
    if write and data != raw:
        write_atomic(path, data, expected=raw, snapshot=snapshot)
        return fixed, True
    return fixed, False


def _fix_round(raw: bytes, name: str, settings: Settings | None, unsafe: bool) -> tuple[bytes, list[str]]:
    """One check of the document and the fixes that apply without overlapping; the new bytes and their codes."""
    from tfagenda.config import Settings
    from tfagenda.findings import applicable
    from tfagenda.linter import check_loaded
    from tfagenda.load import load_bytes

    loaded = load_bytes(raw, name)
    source = loaded.document
    if not isinstance(source, DocumentSource) or source.extracted is None:
        return raw, []
    if source.extracted.format not in FIXABLE:
        return raw, []
    findings = check_loaded(loaded, settings or Settings.defaults())
    edits: dict[str, list[ByteEdit]] = {}
    applied: list[str] = []
    for finding in findings:
        fix = finding.fix
        if fix is None or fix.value is None or not applicable(fix, unsafe):
            continue
        location = source.locate(finding.span)
        if location is None:
            continue
        wanted = part_edits(location, str(fix.value))
        if wanted is None or _overlaps(wanted, edits):
            continue
        for part, part_list in wanted.items():
            edits.setdefault(part, []).extend(part_list)
        applied.append(finding.code)
    if not edits:
        return raw, []
    return _rewrite_zip(raw, edits), applied


def _overlaps(wanted: dict[str, list[ByteEdit]], taken: dict[str, list[ByteEdit]]) -> bool:
    for part, new in wanted.items():
        for a in new:
            for b in taken.get(part, []):
                if a.start < b.end and b.start < a.end or (a.start == b.start and a.end == b.end):
                    return True
    return False


def _rewrite_zip(raw: bytes, edits: dict[str, list[ByteEdit]]) -> bytes:
    """The package with the edited parts; every other member's content, name, order and compression kept."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename in edits:
                content = apply(content, edits[info.filename])
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type = info.compress_type
            copy.external_attr = info.external_attr
            copy.create_system = info.create_system
            copy.extra = info.extra
            copy.comment = info.comment
            target.writestr(copy, content)
        target.comment = source.comment
    return out.getvalue()
