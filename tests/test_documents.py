"""Document readers (src/tfagenda/documents/): .hwpx, .docx and .pdf built by the tests → one model,
its locations, the map from a cell's characters back to XML bytes, and the rendering that the
ministry reader reads unchanged."""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
from typing import Any

import pytest
from test_documents_fixtures import (
    BOXED,
    NO_AGENDA,
    NUMBERED,
    SEED,
    SEED_AGENDA,
    docx_bytes,
    hwpx_bytes,
    pdf_bytes,
    pdf_digits_only,
    pdf_without_text,
    zip_bytes,
)

from tfagenda.documents import DocumentError, ExtractedDocument, Table, _safety, detect, read
from tfagenda.documents.edit import apply, part_edits
from tfagenda.documents.hwp import paragraph_text
from tfagenda.documents.to_text import RenderedText, render
from tfagenda.importers import ministry
from tfagenda.linter import check_loaded
from tfagenda.load import load_document
from tfagenda.yamldoc import LINE_BREAK

BUILDERS = {"hwpx": hwpx_bytes, "docx": docx_bytes, "pdf": pdf_bytes}


def built(fmt: str, blocks: list[tuple[str, Any]], **options: Any) -> ExtractedDocument:
    raw = BUILDERS[fmt](blocks, **options)
    assert detect(raw) == fmt
    return read(raw, f"agenda.{fmt}")


def rows_of(table: Table) -> list[list[str]]:
    return [[cell.text if cell is not None else "" for cell in row] for row in table.grid()]


def check_rendered(document: ExtractedDocument) -> tuple[RenderedText, list[Any]]:
    """Render, read with the ministry reader unchanged, and check through the library."""
    rendered = render(document)
    imported = ministry.read(rendered.text, document.path)
    return rendered, check_loaded(load_document(imported))


# ---------------------------------------------------------------------------------------------
# The model


@pytest.mark.parametrize("fmt", ["hwpx", "docx", "pdf"])
def test_seed_document_reads_into_blocks_in_order(fmt: str) -> None:
    document = built(fmt, SEED)
    tables = list(document.tables())
    assert [t.number for t in tables] == [1, 2]
    contacts, agenda = tables
    assert rows_of(agenda) == SEED_AGENDA
    assert (agenda.rows, agenda.columns) == (6, 3)
    assert (contacts.rows, contacts.columns) == (4, 5)
    # merged cells: "담당 부서 <총괄>" spans two rows
    merged = contacts.cell_at(2, 1)
    assert merged is not None and (merged.row, merged.column, merged.row_span) == (1, 1, 2)
    assert merged.text == "담당 부서 <총괄>"
    assert contacts.cell_at(2, 3).text == "담당자"  # type: ignore[union-attr]
    texts = [p.text for p in document.paragraphs]
    assert "- (일시) 2026. 2. 26.(목) 16:30~18:00" in texts
    kinds = [
        "T" if isinstance(b, Table) else b.text
        for b in document.blocks
        if not (hasattr(b, "text") and not b.text)
    ]
    assert kinds.index("T") > kinds.index("<붙임> AI 복지·돌봄 혁신 추진단(TF) 제4차 회의 개요")
    assert kinds[-1] == "T" and kinds[-2] == "□ 세부 계획"


def test_pdf_pages_of_blocks_and_cells() -> None:
    document = built("pdf", SEED, page_break_before_table=2)
    assert document.pages == 2
    contacts, agenda = document.tables()
    assert (contacts.page, agenda.page) == (1, 2)
    assert {cell.page for cell in agenda.cells} == {2}
    boxes = [cell.box for cell in agenda.cells]
    assert all(box is not None and box[0] < box[2] and box[1] < box[3] for box in boxes)
    header = [box for cell, box in zip(agenda.cells, boxes) if cell.row == 1]
    assert len({round(box[1]) for box in header if box}) == 1  # one row: one top
    overview = next(p for p in document.paragraphs if p.text.startswith("- (일시)"))
    assert overview.page == 1


@pytest.mark.parametrize("fmt", ["hwpx", "docx"])
def test_time_split_across_runs_reads_joined(fmt: str) -> None:
    document = built(fmt, NUMBERED)
    (table,) = document.tables()
    assert table.cell_at(2, 2).text == "14:30 ~ 14:40 ('10)"  # type: ignore[union-attr]
    assert "- (일시) 2026. 3. 12.(목) 14:30~16:00" in [p.text for p in document.paragraphs]
    two = table.cell_at(3, 3)
    assert two is not None and two.text == "안건 보고\n- 지역별 추진 현황"
    assert [p.number for p in two.paragraphs] == [1, 2]


@pytest.mark.parametrize("fmt", ["hwpx", "docx"])
def test_nested_table_is_numbered_after_its_holder(fmt: str) -> None:
    document = built(fmt, BOXED)
    box, inner = document.tables()
    assert (box.number, inner.number) == (1, 2)
    assert inner.parent == (1, 1, 1)
    assert box.cells[0].tables == [inner]
    assert rows_of(inner)[1] == ["10:00 ~ 10:40 ('40)", "현황 보고", "과장"]
    assert "시 간" not in box.cells[0].text  # a cell's text leaves its nested tables out


# ---------------------------------------------------------------------------------------------
# Text offsets → XML bytes


def _part(raw: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return archive.read(name)


@pytest.mark.parametrize(("fmt", "part"), [("hwpx", "Contents/section0.xml"), ("docx", "word/document.xml")])
def test_cell_offsets_map_to_the_xml_bytes(fmt: str, part: str) -> None:
    raw = BUILDERS[fmt](SEED)
    document = read(raw, f"seed.{fmt}")
    xml = _part(raw, part)
    cell = document.table(2).cell_at(2, 1)
    assert cell is not None and cell.source is not None
    start = cell.text.index("16:05")
    (where,) = cell.source.ranges(start, start + 5)
    assert where.part == part
    assert xml[where.start : where.end] == b"16:05"
    # one character, and the whole cell
    (colon,) = cell.source.ranges(start + 2, start + 3)
    assert xml[colon.start : colon.end] == b":"
    (whole,) = cell.source.ranges(0, len(cell.text))
    assert (
        xml[whole.start : whole.end].decode() == "16:30 ~ 16:05 (&apos;05)"
        or xml[whole.start : whole.end].decode() == "16:30 ~ 16:05 ('05)"
    )


@pytest.mark.parametrize(("fmt", "part"), [("hwpx", "Contents/section0.xml"), ("docx", "word/document.xml")])
def test_a_time_split_across_runs_maps_to_both_runs(fmt: str, part: str) -> None:
    raw = BUILDERS[fmt](NUMBERED)
    xml = _part(raw, part)
    cell = read(raw, f"numbered.{fmt}").table(1).cell_at(2, 2)
    assert cell is not None and cell.source is not None
    first, second = cell.source.ranges(0, 5)  # "14:30"
    assert (xml[first.start : first.end], xml[second.start : second.end]) == (b"14:3", b"0")
    assert second.element == first.element + 1
    assert cell.source.covers(0, len(cell.text))


def test_escaped_characters_map_to_their_references() -> None:
    raw = hwpx_bytes([("table", [["시 간", "내 용"], ["09:00 ~ 09:10", "R&D <보고>"]])])
    xml = _part(raw, "Contents/section0.xml")
    cell = read(raw, "escaped.hwpx").table(1).cell_at(2, 2)
    assert cell is not None and cell.text == "R&D <보고>" and cell.source is not None
    (amp,) = cell.source.ranges(1, 2)
    assert xml[amp.start : amp.end] == b"&amp;"
    (word,) = cell.source.ranges(5, 7)
    assert xml[word.start : word.end] == "보고".encode()


def test_cell_paragraph_break_has_no_source_bytes() -> None:
    raw = hwpx_bytes(NUMBERED)
    cell = read(raw, "numbered.hwpx").table(1).cell_at(3, 3)
    assert cell is not None and cell.source is not None
    newline = cell.text.index("\n")
    assert cell.source.ranges(newline, newline + 1) == []
    assert not cell.source.covers(0, len(cell.text))
    assert cell.source.covers(0, newline)


# ---------------------------------------------------------------------------------------------
# Rendering for the ministry reader, and locations of its findings


@pytest.mark.parametrize("fmt", ["hwpx", "docx", "pdf"])
def test_seed_document_gives_the_one_t001_at_its_cell(fmt: str) -> None:
    options = {"page_break_before_table": 2} if fmt == "pdf" else {}
    document = built(fmt, SEED, **options)
    rendered, findings = check_rendered(document)
    assert [f.code for f in findings] == ["T001"]
    (finding,) = findings
    assert finding.fix is not None and finding.fix.value == "16:35"
    span = finding.span
    where = rendered.locate_span(span.line, span.column, span.end_line, span.end_column)
    assert where is not None
    assert (where.table, where.row, where.column, where.paragraph) == (2, 2, 1, 1)
    assert where.value == "16:05"
    assert where.text == "16:30 ~ 16:05 ('05)"
    assert where.page == (2 if fmt == "pdf" else None)
    if fmt == "pdf":
        assert where.source_ranges() == []
    else:
        (source,) = where.source_ranges()
        raw = BUILDERS[fmt](SEED)
        part = "Contents/section0.xml" if fmt == "hwpx" else "word/document.xml"
        assert _part(raw, part)[source.start : source.end] == b"16:05"


@pytest.mark.parametrize("fmt", ["hwpx", "docx", "pdf"])
def test_seed_document_imports_like_the_text_copy(fmt: str) -> None:
    document = built(fmt, SEED)
    data = ministry.read(render(document).text, "x").data
    assert {k: data[k] for k in ("title", "date", "weekday", "slot", "venue")} == {
        "title": "AI 복지·돌봄 혁신 추진단(TF) 제4차 회의",
        "date": "2026-02-26",
        "weekday": "목",
        "slot": "16:30~18:00",
        "venue": "서울스퀘어 - 세종 영상연결",
    }
    assert [(s["start"], s["end"], s["title"], s["owner"]) for s in data["segments"]][:2] == [
        ("16:30", "16:05", "참석자 소개 및 인사말", "제1차관"),
        ("16:35", "17:35", "복지·돌봄 AI 혁신계획 추진과제 발표 - 반별 20분씩", "반별 발표"),
    ]


def test_overview_line_locates_to_its_paragraph() -> None:
    document = built("hwpx", SEED)
    rendered = render(document)
    imported = ministry.read(rendered.text, "seed.hwpx")
    span = imported.nodes[("date",)].span
    where = rendered.locate_span(span.line, span.column, span.end_line, span.end_column)
    assert where is not None and where.table is None
    assert where.value == "2026. 2. 26."
    paragraph = next(p for p in document.paragraphs if p.text.startswith("- (일시)"))
    assert where.paragraph == paragraph.number
    (source,) = where.source_ranges()
    assert _part(hwpx_bytes(SEED), "Contents/section0.xml")[source.start : source.end] == b"2026. 2. 26."


@pytest.mark.parametrize("fmt", ["hwpx", "docx", "pdf"])
def test_leading_number_column_and_merged_cells(fmt: str) -> None:
    document = built(fmt, NUMBERED)
    rendered, findings = check_rendered(document)
    assert findings == []  # a clean agenda
    imported = ministry.read(rendered.text, "numbered")
    segments = imported.data["segments"]
    assert [(s["start"], s["end"], s.get("owner")) for s in segments] == [
        ("14:30", "14:40", "국장"),
        ("14:40", "15:20", "국장"),  # the 비고 merged over two rows is both rows' owner
        ("15:20", "15:50", "참석자 전원"),
        ("15:50", "16:00", "-"),
    ]
    span = imported.nodes[("segments", 1, "start")].span
    where = rendered.locate_span(span.line, span.column, span.end_line, span.end_column)
    assert where is not None and (where.table, where.row, where.column) == (
        1,
        3,
        2,
    )  # true column: after 연번
    span = imported.nodes[("segments", 1, "owner")].span
    where = rendered.locate_span(span.line, span.column, span.end_line, span.end_column)
    assert where is not None and (where.table, where.row, where.column, where.value) == (1, 2, 4, "국장")


def test_agenda_nested_in_a_box_is_read() -> None:
    rendered, findings = check_rendered(built("hwpx", BOXED))
    assert findings == []
    imported = ministry.read(rendered.text, "boxed")
    assert imported.data["slot"] == "10:00~11:00"
    span = imported.nodes[("segments", 1, "end")].span
    where = rendered.locate_span(span.line, span.column, span.end_line, span.end_column)
    assert where is not None and (where.table, where.row, where.column, where.value) == (2, 3, 1, "11:00")


@pytest.mark.parametrize("fmt", ["hwpx", "docx", "pdf"])
def test_document_without_agenda_is_an_e005_from_the_reader(fmt: str) -> None:
    rendered = render(built(fmt, NO_AGENDA))
    imported = ministry.read(rendered.text, "no-agenda")
    assert imported.data is None
    assert [p.code for p in imported.problems] == ["E005"]


def test_separator_positions_locate_to_nothing() -> None:
    rendered = render(built("hwpx", SEED))
    line = rendered.text.split("\n").index("시 간(안)\t내 용\t비고") + 1
    assert rendered.locate(line, len("시 간(안)") + 1) is None  # the tab between cells
    assert rendered.locate(line, 1) is not None
    assert rendered.locate(10_000, 1) is None


# ---------------------------------------------------------------------------------------------
# Detection and hostile input


def test_detection_is_by_bytes_not_extension(tmp_path: Any) -> None:
    raw = docx_bytes(SEED)
    assert detect(raw) == "docx"
    document = read(raw, "misnamed.hwpx")  # the bytes win
    assert document.format == "docx"
    assert detect(b"%PDF-1.4\n") == "pdf"
    assert detect(b"plain text") is None
    assert detect(zip_bytes([("a.txt", b"x")])) is None


def test_pdf_without_text_layer_is_no_readable_text() -> None:
    with pytest.raises(DocumentError) as caught:
        read(pdf_without_text(), "scan.pdf")
    assert caught.value.reason == "no_text"
    with pytest.raises(DocumentError) as caught:
        read(pdf_digits_only(), "printed.pdf")
    assert caught.value.reason == "no_text"
    assert "no readable text" in str(caught.value)


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", b"application/hwp+zip")
        archive.writestr("Contents/section0.xml", b"\0" * (300 * 2**20))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("bomb.hwpx", _bomb, "too_large"),
        ("truncated.hwpx", lambda: hwpx_bytes(SEED)[:-200], "corrupt"),
        ("truncated.docx", lambda: docx_bytes(SEED)[:5000], "corrupt"),
        ("truncated.pdf", lambda: pdf_bytes(SEED)[:400], "corrupt"),
        ("random.hwp", lambda: os.urandom(4096), "corrupt"),
        ("random-ole.hwp", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4088), "corrupt"),
        ("empty.hwpx", lambda: b"", "corrupt"),
        (
            "not-xml.hwpx",
            lambda: zip_bytes(
                [("mimetype", b"application/hwp+zip"), ("Contents/section0.xml", b"<hs:sec><hp:p>")]
            ),
            "corrupt",
        ),
        (
            "entities.hwpx",
            lambda: zip_bytes(
                [
                    ("mimetype", b"application/hwp+zip"),
                    (
                        "Contents/section0.xml",
                        b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaa">]><s>&a;</s>',
                    ),
                ]
            ),
            "corrupt",
        ),
        ("text.docx", lambda: b"hello", "corrupt"),
        (
            "bodyless.docx",
            lambda: _with_member(
                docx_bytes(SEED),
                "word/document.xml",
                b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
            ),
            "corrupt",
        ),
    ],
)
def test_hostile_input_gives_a_clear_error(name: str, make: Any, reason: str) -> None:
    with pytest.raises(DocumentError) as caught:
        read(make(), name)
    assert caught.value.reason == reason
    assert str(caught.value)


def _with_member(raw: bytes, name: str, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        members = [(i.filename, data if i.filename == name else archive.read(i)) for i in archive.infolist()]
    return zip_bytes(members)


@pytest.mark.parametrize("fmt", ["hwpx", "docx", "pdf"])
def test_damaged_documents_never_raise_anything_but_document_error(fmt: str) -> None:
    """Seeded random damage (flipped bytes, truncation, broken XML inside the ZIP): a clear error or a read."""
    rng = random.Random(14)
    raw = BUILDERS[fmt](SEED)
    part = {"hwpx": "Contents/section0.xml", "docx": "word/document.xml"}.get(fmt)
    for _ in range(60):
        data = bytearray(raw)
        choice = rng.random()
        if part is not None and choice < 0.4:
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                xml = bytearray(archive.read(part))
            for _ in range(rng.randint(1, 4)):
                xml[rng.randrange(len(xml))] = rng.choice(b'<>&";/x0\xff')
            damaged = _with_member(raw, part, bytes(xml))
        elif choice < 0.7:
            for _ in range(rng.randint(1, 16)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            damaged = bytes(data)
        else:
            damaged = bytes(data[: rng.randrange(len(data))])
        try:
            render(read(damaged, f"damaged.{fmt}"))
        except DocumentError as error:
            assert str(error)


def test_too_many_members_is_refused() -> None:
    members = [("mimetype", b"application/hwp+zip")] + [
        (f"x/{i}", b"") for i in range(_safety.MAX_MEMBERS + 1)
    ]
    with pytest.raises(DocumentError, match="parts"):
        read(zip_bytes(members), "many.hwpx")


def test_unknown_file_is_unsupported() -> None:
    with pytest.raises(DocumentError) as caught:
        read(b"just text", "notes.txt")
    assert caught.value.reason == "unsupported"


# ---------------------------------------------------------------------------------------------
# HWP records (the real files are in test_documents_real.py)


def test_hwp_paragraph_text_controls() -> None:
    def units(*items: int | str) -> bytes:
        out = b""
        for item in items:
            out += item.encode("utf-16-le") if isinstance(item, str) else struct.pack("<H", item)
        return out

    table_anchor = units(11, *([0] * 6), 11)  # an extended control: eight units, no text
    tab = units(9, *([0] * 6), 9)
    data = units("16:3") + table_anchor + units("0", 10, "A") + tab + units("B", 30, "C", 13)
    assert paragraph_text(data) == "16:30\nA\tB C"


def _ole_with_header(flags: int) -> bytes:
    """A minimal OLE2 file with an HWP FileHeader stream (padded to 4096 bytes, so that it lives
    in regular sectors rather than the mini stream, which this small writer does not write)."""
    header = b"HWP Document File".ljust(32, b"\0") + struct.pack("<II", 0x05010100, flags)
    return _ole([("FileHeader", header.ljust(4096, b"\0"))])


def _ole(streams: list[tuple[str, bytes]]) -> bytes:
    """A version-3 compound file (512-byte sectors) with the streams in the root storage, each
    stored in regular sectors (padded to 4096 bytes, the mini-stream cutoff)."""
    sector = 512
    end_of_chain, fat_sector, free = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    payloads = [data.ljust(4096, b"\0") for _, data in streams]
    data_sectors = sum(len(p) // sector for p in payloads)
    # sector 0: FAT, sector 1: directory, then the streams
    fat = [fat_sector, end_of_chain]
    starts = []
    next_sector = 2
    for payload in payloads:
        count = len(payload) // sector
        starts.append(next_sector)
        fat += [next_sector + i + 1 for i in range(count - 1)] + [end_of_chain]
        next_sector += count
    assert len(fat) <= 128 and data_sectors
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat).ljust(sector, b"\xff")

    def entry(name: str, kind: int, start: int, size: int, child: int = free, right: int = free) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", free, right, child)
            + b"\0" * 16
            + b"\0" * 4
            + b"\0" * 16
            + struct.pack("<IQ", start, size)
        )

    entries = [entry("Root Entry", 5, end_of_chain, 0, child=1)]
    for index, ((name, data), start) in enumerate(zip(streams, starts), start=1):
        right = index + 1 if index < len(streams) else free
        entries.append(entry(name, 2, start, len(data), right=right))
    directory = b"".join(entries).ljust(sector, b"\0")
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end_of_chain, 0, end_of_chain, 0)
        + struct.pack("<I", 0)
        + b"\xff" * (4 * 108)
    )
    return header + fat_bytes + directory + b"".join(payloads)


@pytest.mark.parametrize(
    ("flags", "reason", "words"),
    [
        (1 << 1, "encrypted", "password"),
        (1 << 2, "distribution", "distribution document"),
        (1 << 4, "drm", "DRM"),
        (1 << 8, "encrypted", "certificate"),
    ],
)
def test_locked_hwp_files_say_so(flags: int, reason: str, words: str) -> None:
    raw = _ole_with_header(flags | 1)
    assert detect(raw) == "hwp"
    with pytest.raises(DocumentError) as caught:
        read(raw, "locked.hwp")
    assert caught.value.reason == reason
    assert words in str(caught.value)


def test_hwp_without_body_is_damaged() -> None:
    with pytest.raises(DocumentError, match="no body"):
        read(_ole_with_header(1), "headless.hwp")


# ---------------------------------------------------------------------------------------------
# Rewriting a located value (the byte-level half of the later --fix)


def _replace_member(raw: bytes, name: str, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        members = [(i.filename, data if i.filename == name else archive.read(i)) for i in archive.infolist()]
    return zip_bytes(members, stored=("mimetype",))


@pytest.mark.parametrize(("fmt", "part"), [("hwpx", "Contents/section0.xml"), ("docx", "word/document.xml")])
def test_rewriting_the_t001_cell_changes_only_that_text(fmt: str, part: str) -> None:
    raw = BUILDERS[fmt](SEED)
    rendered, (finding,) = check_rendered(read(raw, f"seed.{fmt}"))
    span = finding.span
    where = rendered.locate_span(span.line, span.column, span.end_line, span.end_column)
    assert where is not None
    edits = part_edits(where, finding.fix.value)
    assert edits is not None and list(edits) == [part]
    before = _part(raw, part)
    after = apply(before, edits[part])
    text_edit, *layout = sorted(edits[part])
    assert before[text_edit.start : text_edit.end] == b"16:05" and text_edit.data == b"16:35"
    if fmt == "hwpx":  # the paragraph's cached line layout goes, and nothing else
        (dropped,) = layout
        assert before[dropped.start : dropped.end].startswith(b"<hp:linesegarray>")
        assert before[dropped.start : dropped.end].endswith(b"</hp:linesegarray>")
        assert (
            after
            == before[: text_edit.start]
            + b"16:35"
            + before[text_edit.end : dropped.start]
            + before[dropped.end :]
        )
    else:
        assert layout == []
        assert after == before.replace(b"16:05", b"16:35", 1)
    fixed = read(_replace_member(raw, part, after), f"fixed.{fmt}")
    assert fixed.table(2).cell_at(2, 1).text == "16:30 ~ 16:35 ('05)"  # type: ignore[union-attr]
    assert check_rendered(fixed)[1] == []


@pytest.mark.parametrize(("fmt", "part"), [("hwpx", "Contents/section0.xml"), ("docx", "word/document.xml")])
def test_rewriting_a_time_split_across_runs(fmt: str, part: str) -> None:
    raw = BUILDERS[fmt](NUMBERED)
    document = read(raw, f"numbered.{fmt}")
    rendered = render(document)
    imported = ministry.read(rendered.text, "numbered")
    span = imported.nodes[("segments", 0, "start")].span
    where = rendered.locate_span(span.line, span.column, span.end_line, span.end_column)
    assert where is not None and where.value == "14:30"
    edits = part_edits(where, "14:35")
    assert edits is not None
    after = apply(_part(raw, part), edits[part])
    fixed = read(_replace_member(raw, part, after), f"fixed.{fmt}")
    assert fixed.table(1).cell_at(2, 2).text == "14:35 ~ 14:40 ('10)"  # type: ignore[union-attr]


def test_text_without_source_bytes_cannot_be_rewritten() -> None:
    document = built("hwpx", NUMBERED)
    cell = document.table(1).cell_at(3, 3)
    assert cell is not None
    newline = cell.text.index("\n")
    from tfagenda.documents.to_text import Location

    assert part_edits(Location(newline - 1, newline + 1, table=1, row=3, column=3, cell=cell), "x") is None
    assert part_edits(Location(0, 2, table=1, row=3, column=3, cell=cell), "의제") is not None
    pdf_cell = built("pdf", SEED).table(2).cell_at(2, 1)
    assert part_edits(Location(8, 13, table=2, row=2, column=1, cell=pdf_cell), "16:35") is None


def test_new_text_is_escaped() -> None:
    raw = hwpx_bytes(SEED)
    cell = read(raw, "seed.hwpx").table(2).cell_at(2, 2)
    from tfagenda.documents.to_text import Location

    edits = part_edits(Location(0, 3, table=2, row=2, column=2, cell=cell), "R&D")
    assert edits is not None
    after = apply(_part(raw, "Contents/section0.xml"), edits["Contents/section0.xml"])
    assert b"R&amp;D" in after
    assert (
        read(_replace_member(raw, "Contents/section0.xml", after), "x.hwpx")
        .table(2)
        .cell_at(2, 2)
        .text.startswith("R&D")
    )  # type: ignore[union-attr]


def test_stray_cell_outside_a_table_is_ignored() -> None:
    section = (
        '<hs:sec xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section">'
        "<hp:p><hp:run><hp:t>본문</hp:t></hp:run></hp:p><hp:tc><hp:subList><hp:p/></hp:subList></hp:tc></hs:sec>"
    ).encode()
    raw = zip_bytes([("mimetype", b"application/hwp+zip"), ("Contents/section0.xml", section)])
    document = read(raw, "stray.hwpx")
    assert [p.text for p in document.paragraphs] == ["본문", ""]
    assert list(document.tables()) == []


def test_carriage_returns_in_text_do_not_shift_lines() -> None:
    raw = hwpx_bytes(
        [
            ("p", "- (일시) 2026. 2. 26.(목) 16:30~18:00"),
            ("p", "보도\r자료"),
            (
                "table",
                [
                    ["시 간", "내 용", "비고"],
                    ["16:30 ~ 17:00 ('30)", "보고\r안건", "과장"],
                    ["17:00 ~ 16:05", "마무리", "-"],
                ],
            ),
        ]
    )
    document = read(raw, "cr.hwpx")
    assert document.table(1).cell_at(2, 2).text == "보고\r안건"  # type: ignore[union-attr]
    rendered = render(document)
    assert len(LINE_BREAK.split(rendered.text)) == len(rendered.lines)  # as the reader counts lines
    imported = ministry.read(rendered.text, "cr.hwpx")
    span = imported.nodes[("segments", 1, "end")].span
    where = rendered.locate_span(span.line, span.column, span.end_line, span.end_column)
    assert where is not None and (where.table, where.row, where.column, where.value) == (1, 3, 1, "16:05")
