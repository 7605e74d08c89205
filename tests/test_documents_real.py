"""The document readers on real Hancom files in ../shared/reference/documents/ (never copied into the
repository; these tests skip when the folder is absent).

Table counts were verified independently of the readers: for .hwpx, by counting ``<hp:tbl ``
in the section XML (lh_rental_notice: 64, of which 15 nested, as the folder's README says); each
.hwp must give the same tables and paragraphs as the .hwpx of the same document. The PDF count
is what the ruling-line detector finds on the Hancom-printed notice (the README warns that its
tables are split across pages), with its first tables checked by eye against the PDF.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

from tfagenda.documents import DocumentError, ExtractedDocument, detect, read
from tfagenda.documents.to_text import render
from tfagenda.importers import ministry
from tfagenda.linter import check_loaded
from tfagenda.load import load_document

DOCUMENTS = REPO.parent / "shared" / "reference" / "documents"
# file → (format, tables, nested tables)
EXPECTED = {
    "fsc_press_release_household_loans.hwpx": ("hwpx", 11, 0),
    "fsc_press_release_household_loans.hwp": ("hwp", 11, 0),
    "lh_rental_notice.hwpx": ("hwpx", 64, 15),
    "lh_rental_notice.hwp": ("hwp", 64, 15),
    "lh_rental_notice-hancom2024.pdf": ("pdf", 58, 0),
    "ministry_style_table.hwpx": ("hwpx", 1, 0),
    "ministry_style_table.hwp": ("hwp", 1, 0),
    "seoul_fire_maintenance_schedule.hwpx": ("hwpx", 5, 2),
}
NO_TEXT = "fsc_press_release_household_loans-cairo-no-korean-text.pdf"
# Seconds of CPU time (not wall time: the test machine's two cores are shared, and a busy
# neighbour must not fail the test) to read one file.
BUDGET = 2.0


def real(name: str) -> Path:
    path = DOCUMENTS / name
    if not path.is_file():
        pytest.skip(
            f"the real documents are not here ({DOCUMENTS}); they live in ../shared/reference/documents/"
        )
    return path


def timed_read(path: Path) -> tuple[ExtractedDocument | DocumentError, float]:
    raw = path.read_bytes()
    start = time.process_time()
    try:
        result: ExtractedDocument | DocumentError = read(raw, str(path))
    except DocumentError as error:
        result = error
    return result, time.process_time() - start


@pytest.mark.parametrize("name", sorted([*EXPECTED, NO_TEXT]))
def test_every_real_document_reads_in_time_without_escaping_exceptions(name: str) -> None:
    path = real(name)
    result, seconds = timed_read(path)
    assert seconds < BUDGET, f"{name} took {seconds:.2f} s of CPU"
    if name == NO_TEXT:
        assert isinstance(result, DocumentError) and result.reason == "no_text"
        assert "no readable text" in str(result)
        return
    assert isinstance(result, ExtractedDocument)
    fmt, tables, nested = EXPECTED[name]
    assert detect(path.read_bytes()) == fmt == result.format
    found = list(result.tables())
    assert len(found) == tables
    assert sum(t.parent is not None for t in found) == nested
    assert [t.number for t in found] == list(range(1, tables + 1))
    # None is an agenda: the ministry reader, on the rendered text, says so (E005), no crash
    imported = ministry.read(render(result).text, str(path))
    assert [p.code for p in imported.problems][:1] == ["E005"]
    assert check_loaded(load_document(imported)) is not None


@pytest.mark.parametrize(
    "base", ["fsc_press_release_household_loans", "lh_rental_notice", "ministry_style_table"]
)
def test_hwp_and_hwpx_of_one_document_read_the_same(base: str) -> None:
    binary, _ = timed_read(real(f"{base}.hwp"))
    xml, _ = timed_read(real(f"{base}.hwpx"))
    assert isinstance(binary, ExtractedDocument) and isinstance(xml, ExtractedDocument)
    assert [p.text for p in binary.paragraphs] == [p.text for p in xml.paragraphs]
    for a, b in zip(binary.tables(), xml.tables(), strict=True):
        assert (a.number, a.rows, a.columns, a.parent) == (b.number, b.rows, b.columns, b.parent)
        assert [(c.row, c.column, c.row_span, c.column_span, c.text) for c in a.cells] == [
            (c.row, c.column, c.row_span, c.column_span, c.text) for c in b.cells
        ]


def test_hwpx_table_count_matches_the_xml() -> None:
    for name in (
        "lh_rental_notice.hwpx",
        "seoul_fire_maintenance_schedule.hwpx",
        "fsc_press_release_household_loans.hwpx",
    ):
        raw = real(name).read_bytes()
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            count = sum(
                len(re.findall(rb"<hp:tbl ", archive.read(n)))
                for n in archive.namelist()
                if re.fullmatch(r"Contents/section\d+\.xml", n)
            )
        assert count == EXPECTED[name][1]


def test_meeting_time_split_across_two_runs_reads_joined_and_maps_to_both() -> None:
    path = real("fsc_press_release_household_loans.hwpx")
    raw = path.read_bytes()
    document = read(raw, str(path))
    (cell,) = [c for t in document.tables() for c in t.cells if "(일시/장소)" in c.text]
    assert cell.text.startswith("▪ (일시/장소) ‘25.8.13.(수) 14:30, 정부서울청사")
    start = cell.text.index("14:30")
    assert cell.source is not None
    first, second = cell.source.ranges(start, start + 5)
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        xml = archive.read(first.part)
    assert first.part == "Contents/section0.xml"
    assert (xml[first.start : first.end], xml[second.start : second.end]) == (b"14:3", b"0")
    hwp = read(real("fsc_press_release_household_loans.hwp").read_bytes(), "x.hwp")
    assert any("‘25.8.13.(수) 14:30, 정부서울청사" in c.text for t in hwp.tables() for c in t.cells)


def test_schedule_like_tables_read_with_their_headers() -> None:
    fire = read(real("seoul_fire_maintenance_schedule.hwpx").read_bytes(), "fire.hwpx")
    schedule = fire.table(2)
    assert [schedule.cell_at(1, c).text for c in range(1, 5)] == ["연번", "일자", "시간", "관할서"]  # type: ignore[union-attr]
    ministry_table = read(real("ministry_style_table.hwp").read_bytes(), "m.hwp").table(1)
    assert (ministry_table.rows, ministry_table.columns) == (7, 4)
    assert [c.text for c in ministry_table.cells[:4]] == ["구분", "세부내용", "담당부서", "일정"]


def test_hancom_pdf_has_pages_and_korean_text() -> None:
    document = read(real("lh_rental_notice-hancom2024.pdf").read_bytes(), "notice.pdf")
    assert document.pages == 29
    first = document.table(1)
    assert first.page == 1
    assert first.cells[0].text.startswith("부도임대[경주금장로얄] 국민임대주택")
    assert {p.page for p in document.paragraphs} <= set(range(1, 30))
    assert any("LH콜센터(1600-1004)" in p.text for p in document.paragraphs)
