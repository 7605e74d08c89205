"""Issue 14 leftovers: ``check --fix`` keeps every other ZIP member byte for byte, folder walks
and documents, ``check --diff`` for documents, and O003 across files located in a document."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest
from test_documents_fixtures import SEED, docx_bytes, hwpx_bytes
from typer.testing import CliRunner

from tfagenda.cli import app

BUILDERS = {"hwpx": hwpx_bytes, "docx": docx_bytes}
PARTS = {"hwpx": "Contents/section0.xml", "docx": "word/document.xml"}


def _run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


class _Stream(io.RawIOBase):
    """A write-only stream without seek: zipfile then writes data descriptors after each member."""

    def __init__(self) -> None:
        self.buffer = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.buffer += bytes(data)
        return len(data)


def _repacked(raw: bytes, level: int, streamed: bool) -> bytes:
    """The same members written again as other tools write them: another deflate level (with the
    level's flag bits, as Hancom Office sets them), Hancom's "made by" version, an extra field,
    and, streamed, data descriptors after the data."""
    out: Any = _Stream() if streamed else io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w", compresslevel=level) as target:
        for info in source.infolist():
            copy = zipfile.ZipInfo(info.filename, info.date_time)
            copy.compress_type = info.compress_type
            copy.create_version = 23
            copy.extra = struct.pack("<HH4s", 0xCAFE, 4, b"tfag")
            target.writestr(copy, source.read(info))
    data = bytes(out.buffer) if streamed else out.getvalue()
    return _with_level_flags(data, level)


def _with_level_flags(raw: bytes, level: int) -> bytes:
    """Set flag bits 1–2 (the deflate level) of every deflated member, in both headers."""
    bits = {9: 2, 1: 4}.get(level, 0)
    data = bytearray(raw)
    for signature, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        at = data.find(signature)
        while at >= 0:
            if struct.unpack_from("<H", data, at + method_at)[0] == zipfile.ZIP_DEFLATED:
                flags = struct.unpack_from("<H", data, at + flag_at)[0]
                struct.pack_into("<H", data, at + flag_at, flags | bits)
            at = data.find(signature, at + 4)
    return bytes(data)


def _records(raw: bytes) -> dict[str, tuple[bytes, bytes]]:
    """Each member's raw local record (header, name, extra, compressed bytes, descriptor) and its
    central-directory entry without the local-header offset."""
    found = {}
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        infos = archive.infolist()
        starts = sorted(i.header_offset for i in infos) + [archive.start_dir]
        central_at = archive.start_dir
        for info in infos:
            end = starts[starts.index(info.header_offset) + 1]
            name_length, extra_length, comment_length = struct.unpack_from("<HHH", raw, central_at + 28)
            entry_end = central_at + 46 + name_length + extra_length + comment_length
            entry = raw[central_at : central_at + 42] + raw[central_at + 46 : entry_end]
            found[info.filename] = (raw[info.header_offset : end], entry)
            central_at = entry_end
    return found


@pytest.mark.parametrize("suffix", sorted(BUILDERS))
@pytest.mark.parametrize(("level", "streamed"), [(9, False), (1, True)])
def test_fix_copies_every_other_member_byte_for_byte(
    tmp_path: Path, suffix: str, level: int, streamed: bool
) -> None:
    before = _repacked(BUILDERS[suffix](SEED), level, streamed)
    path = tmp_path / f"보도자료.{suffix}"
    path.write_bytes(before)
    result = _run("check", "--fix", str(path))
    assert result.exit_code == 0, result.output
    after = path.read_bytes()
    old, new = _records(before), _records(after)
    assert list(old) == list(new)  # the same members in the same order
    part = PARTS[suffix]
    for name in old:
        if name != part:
            assert old[name] == new[name], name
    with zipfile.ZipFile(io.BytesIO(after)) as archive:
        assert archive.testzip() is None
        info = archive.getinfo(part)
        text = archive.read(part)
    assert b"16:30 ~ 16:35" in text and b"16:05" not in text
    was = zipfile.ZipFile(io.BytesIO(before)).getinfo(part)
    # the changed part keeps its header's fields: method, level flags, times, versions, extra
    assert (info.compress_type, info.flag_bits & 0x6, info.date_time, info.create_version, info.extra) == (
        was.compress_type,
        was.flag_bits & 0x6,
        was.date_time,
        was.create_version,
        was.extra,
    )
    assert _run("check", str(path)).exit_code == 0


# --- folder walks ---------------------------------------------------------------------------------


def _folder(tmp_path: Path) -> Path:
    from test_documents_fixtures import pdf_bytes, pdf_without_text

    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "보도자료.HWPX").write_bytes(hwpx_bytes(SEED))  # an agenda, upper-case extension
    (folder / "clean.docx").write_bytes(docx_bytes(CLEAN))
    (folder / "memo.docx").write_bytes(docx_bytes([("p", "회의 결과를 알려드립니다.")]))
    (folder / "notice.pdf").write_bytes(pdf_bytes([("p", "임대주택 입주자 모집 공고")]))
    (folder / "scan.pdf").write_bytes(pdf_without_text())
    (folder / "notes.txt").write_text("not walked\n", encoding="utf-8")
    return folder


CLEAN = [
    ("p", "<붙임> 제5차 회의 개요"),
    ("p", "- (일시) 2026. 2. 26.(목) 16:30~17:00"),
    (
        "table",
        [
            ["시 간", "내 용", "비고"],
            ["16:30 ~ 16:40 ('10)", "개회", "차관"],
            ["16:40 ~ 17:00 ('20)", "토론", "전원"],
        ],
    ),
]


def test_a_walk_checks_the_documents_that_hold_an_agenda_and_notes_the_others(tmp_path: Path) -> None:
    from tfagenda.discover import agenda_files

    folder = _folder(tmp_path)
    result = _run("check", str(folder))
    assert result.exit_code == 1
    codes = [
        line.split(" [")[0].rsplit(" ", 1)[-1] for line in result.stdout.splitlines() if " [error] " in line
    ]
    assert codes == ["T001"], result.output
    assert "E005" not in result.stdout
    notes = [line for line in result.stderr.splitlines() if line.startswith("tfagenda: note: ")]
    assert len(notes) == 3
    said = "\n".join(notes)
    assert "memo.docx not checked: no agenda found in it (it has no tables)" in said
    assert "notice.pdf not checked: no agenda found in it" in said
    assert "scan.pdf not checked: the PDF document has no readable text" in said
    assert all(note.endswith("name the file itself to check it") for note in notes)
    assert [p.name for p in agenda_files([folder])] == ["clean.docx", "보도자료.HWPX"]


def test_a_document_named_directly_is_still_e005(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = _run("check", str(folder / "memo.docx"), str(folder / "scan.pdf"))
    assert result.exit_code == 1
    assert result.stdout.count("E005 [error]") == 2


def test_excluded_documents_are_not_walked(tmp_path: Path) -> None:
    from tfagenda.config import Settings
    from tfagenda.discover import agenda_files

    folder = _folder(tmp_path)
    settings = Settings.defaults()
    import dataclasses

    settings = dataclasses.replace(settings, exclude=("*.docx",), root=tmp_path)
    assert [p.name for p in agenda_files([folder], settings)] == ["보도자료.HWPX"]


# --- check --diff ---------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", sorted(BUILDERS))
def test_diff_shows_the_cell_that_fix_would_change_and_writes_nothing(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"보도자료.{suffix}"
    before = BUILDERS[suffix](SEED)
    path.write_bytes(before)
    result = _run("check", "--diff", str(path))
    assert result.exit_code == 1
    assert result.stdout == (
        f"--- {path}\n+++ {path}\n@@ table 2, row 2, column 1 @@\n-16:30 ~ 16:05 ('05)\n+16:30 ~ 16:35 ('05)\n"
    )
    assert "Would fix 1 finding in 1 file." in result.stderr
    korean = _run("check", "--diff", "--lang", "ko", str(path))
    assert "@@ 표 2, 2행 1열 @@\n" in korean.stdout
    assert path.read_bytes() == before
    assert _run("check", "--fix", str(path)).exit_code == 0
    again = _run("check", "--diff", str(path))
    assert again.exit_code == 0 and again.stdout == ""


def test_diff_has_a_hunk_per_cell_in_document_order(tmp_path: Path) -> None:
    rows = [
        ["시 간", "내 용", "비고"],
        ["16:30 ~ 16:05 ('05)", "인사말", "차관"],
        ["16:35 ~ 16:45 ('10)", "보고", "국장"],
        ["16:45 ~ 16:15 ('15)", "토론", "전원"],
    ]
    path = tmp_path / "two-mistakes.docx"
    path.write_bytes(
        docx_bytes(
            [("p", "<붙임> 회의 개요"), ("p", "- (일시) 2026. 2. 26.(목) 16:30~17:00"), ("table", rows)]
        )
    )
    result = _run("check", "--diff", str(path))
    assert result.stdout.split("\n")[2:] == [
        "@@ table 1, row 2, column 1 @@",
        "-16:30 ~ 16:05 ('05)",
        "+16:30 ~ 16:35 ('05)",
        "@@ table 1, row 4, column 1 @@",
        "-16:45 ~ 16:15 ('15)",
        "+16:45 ~ 17:00 ('15)",
        "",
    ]
    assert "Would fix 2 findings in 1 file." in result.stderr


# --- O003 across a document and an agenda file -----------------------------------------------------


def test_a_double_booking_across_files_names_the_documents_cell(tmp_path: Path) -> None:
    from tfagenda.linter import check_paths

    # A person's name: a bare role label (차관) is a different person in every file (docs/people.md).
    named = [
        (kind, [[cell.replace("차관", "김민수") for cell in row] for row in body])
        if kind == "table"
        else (kind, body)
        for kind, body in CLEAN
    ]
    document = tmp_path / "회의.docx"
    document.write_bytes(docx_bytes(named))
    agenda = tmp_path / "board.yaml"
    agenda.write_text(
        'title: Board\ndate: 2026-02-26\nslot: "16:00-17:00"\nsegments:\n'
        '  - {title: Opening, start: "16:00", duration: 35, owner: 김민수}\n'
        '  - {title: Review, duration: 25, owner: "-"}\n',
        encoding="utf-8",
    )
    result = check_paths([str(agenda), str(document)])
    said = {Path(f.path).name: f.message for f in result.findings if f.code == "O003"}
    assert set(said) == {"board.yaml", "회의.docx"}
    assert said["board.yaml"].say("en") == (
        f"김민수 is also in '개회' ({document}: table 1, row 2, column 3, 2026-02-26, 16:30–16:40)"
        " at the same time as 'Opening' (2026-02-26, 16:00–16:35)"
    )
    assert f"({document}의 표 1, 2행 3열, " in said["board.yaml"].say("ko")
    assert f"({agenda}:5, " in said["회의.docx"].say("en")  # a YAML file is named by its line


def test_no_agenda_counts_one_table_and_one_paragraph_in_the_singular(tmp_path: Path) -> None:
    path = tmp_path / "contacts.hwpx"
    path.write_bytes(
        hwpx_bytes([("p", "담당자 연락처"), ("table", [["부서", "담당자"], ["복지정책과", "홍길동"]])])
    )
    result = _run("check", str(path))
    assert result.exit_code == 1
    assert "the document has 1 table and 2 paragraphs, none of them a schedule" in result.stdout
