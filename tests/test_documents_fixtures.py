"""Test documents built by the tests: .hwpx (OWPML written with zipfile), .docx (python-docx) and
.pdf (reportlab with the CID Korean font HYSMyeongJo-Medium), from the seed agenda and from
agendas of our own. Nothing here is a copy of a real file; every build is reproducible (fixed
ZIP dates, reportlab's invariant mode).

A document is a list of blocks: ``("p", text)`` or ``("table", rows)``. A text is a string, or a
list of strings that become separate text runs (``["14:3", "0"]``). A row is a list of cells: a
text, ``None`` for a position covered by a merged cell, or a ``C(...)`` with spans, several
paragraphs or nested tables.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

import pytest

Text = str | list[str]


@dataclass
class C:
    """A cell: paragraphs (each a text), spans, tables nested after its paragraphs."""

    paragraphs: list[Text]
    row_span: int = 1
    column_span: int = 1
    tables: list[list[list[Any]]] = field(default_factory=list)


def cell_of(value: Any) -> C | None:
    if value is None or isinstance(value, C):
        return value
    return C([value])


def runs(text: Text) -> list[str]:
    return [text] if isinstance(text, str) else list(text)


def plain(text: Text) -> str:
    return "".join(runs(text))


# ---------------------------------------------------------------------------------------------
# Agendas

SEED_CONTACTS: list[list[Any]] = [
    [
        C(["담당 부서 <총괄>"], row_span=2),
        C(["사회복지정책실 복지정책과"], row_span=2),
        "책임자",
        "과 장",
        "이현주 (044-202-3020)",
    ],
    [None, None, "담당자", "사무관", "문달해 (044-202-3008)"],
    [
        C(["담당 부서 <돌봄>"], row_span=2),
        C(["인구사회서비스정책실 돌봄기술혁신팀"], row_span=2),
        "책임자",
        "과 장",
        "서민수 (044-202-3270)",
    ],
    [None, None, "담당자", "서기관", "김재민 (044-202-3241)"],
]
SEED_AGENDA: list[list[Any]] = [
    ["시 간(안)", "내 용", "비고"],
    ["16:30 ~ 16:05 ('05)", "참석자 소개 및 인사말", "제1차관"],
    ["16:35 ~ 17:35 ('60)", "복지·돌봄 AI 혁신계획 추진과제 발표 - 반별 20분씩", "반별 발표"],
    ["17:35 ~ 17:40 ('05)", "향후 일정 공유", "복지정책과장"],
    ["17:40 ~ 17:55 ('15)", "자유토론", "-"],
    ["17:55 ~ 18:00 ('05)", "정리 및 마무리", "-"],
]
# The seed press release's 붙임 as a document: a contact table, then the overview and the agenda.
SEED: list[tuple[str, Any]] = [
    ("p", "AI로 여는 복지·돌봄의 새로운 미래 논의"),
    (
        "p",
        "보건복지부(장관 정은경)는 2월 26일(목) 오후 4시 30분 「AI 복지·돌봄 혁신 추진단(TF)」 제4차 회의를 개최했다.",
    ),
    ("p", "<붙임> AI 복지·돌봄 혁신 추진단(TF) 제4차 회의 개요"),
    ("table", SEED_CONTACTS),
    ("p", ""),
    ("p", "□ 회의 개요"),
    ("p", "- (일시) 2026. 2. 26.(목) 16:30~18:00"),
    ("p", "- (장소) 서울스퀘어 - 세종 영상연결"),
    ("p", "□ 세부 계획"),
    ("table", SEED_AGENDA),
]

# An agenda of our own: a leading number column, a time split across runs, merged 비고 cells,
# and a cell of two paragraphs.
NUMBERED: list[tuple[str, Any]] = [
    ("p", "<붙임> 지역 돌봄 협의체 제2차 회의 개요"),
    ("p", ["- (일시) 2026. 3. 12.(목) 14:3", "0~16:00"]),
    ("p", "- (장소) 정부세종청사 6동"),
    (
        "table",
        [
            ["연번", "시 간", "내 용", "비고"],
            ["1", ["14:3", "0 ~ 14:40 ('10)"], "개회 및 인사말", C(["국장"], row_span=2)],
            ["2", "14:40 ~ 15:20 ('40)", C(["안건 보고", "- 지역별 추진 현황"]), None],
            ["3", "15:20 ~ 15:50 ('30)", "토론", "참석자 전원"],
            ["4", "15:50 ~ 16:00 ('10)", "마무리", "-"],
        ],
    ),
]

NO_AGENDA: list[tuple[str, Any]] = [
    ("p", "보도자료"),
    ("table", [["보도시점", "2026. 3. 2.(월) 12:00", "배포", "2026. 3. 1.(일)"]]),
    ("p", "정부는 돌봄 인력 확충 방안을 발표했다."),
]

# A box (a one-column table around the overview), with the agenda nested inside it.
BOXED: list[tuple[str, Any]] = [
    ("p", "<붙임> 디지털 포용 점검회의 개요"),
    (
        "table",
        [
            [
                C(
                    ["□ 회의 개요", "- (일시) 2026. 4. 2.(목) 10:00~11:00", "□ 세부 계획"],
                    tables=[
                        [
                            ["시 간", "내 용", "비고"],
                            ["10:00 ~ 10:40 ('40)", "현황 보고", "과장"],
                            ["10:40 ~ 11:00 ('20)", "토론", "-"],
                        ]
                    ],
                )
            ]
        ],
    ),
]


# ---------------------------------------------------------------------------------------------
# .hwpx

_HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
_HS = "http://www.hancom.co.kr/hwpml/2011/section"
_STAMP = (2026, 2, 26, 0, 0, 0)


_CARRIAGE_RETURN = {"\r": "&#13;"}  # a literal CR would be read as a line feed (XML normalises it)


def _hwpx_paragraph(text: Text, extra: str = "") -> str:
    body = "".join(
        f'<hp:run charPrIDRef="0"><hp:t>{escape(run, _CARRIAGE_RETURN)}</hp:t></hp:run>' for run in runs(text)
    )
    layout = (
        '<hp:linesegarray><hp:lineseg textpos="0" vertpos="0" vertsize="1000" textheight="1000" '
        'baseline="850" spacing="600" horzpos="0" horzsize="42520" flags="393216"/></hp:linesegarray>'
    )
    return (
        '<hp:p id="0" paraPrIDRef="0" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0">'
        f"{body}{extra}{layout}</hp:p>"
    )


def _hwpx_table(rows: list[list[Any]]) -> str:
    columns = max(
        sum((c.column_span if isinstance(c, C) else 1) for c in row if c is not None) for row in rows
    )
    columns = max(columns, max(len(row) for row in rows))
    out = [
        f'<hp:tbl id="1" zOrder="0" numberingType="TABLE" textWrap="TOP_AND_BOTTOM" pageBreak="CELL" '
        f'repeatHeader="1" rowCnt="{len(rows)}" colCnt="{columns}" cellSpacing="0" borderFillIDRef="2">'
        '<hp:sz width="42520" widthRelTo="ABSOLUTE" height="2000" heightRelTo="ABSOLUTE" protect="0"/>'
        '<hp:pos treatAsChar="1" vertRelTo="PARA" horzRelTo="COLUMN"/>'
    ]
    for r, row in enumerate(rows):
        out.append("<hp:tr>")
        for c, value in enumerate(row):
            cell = cell_of(value)
            if cell is None:
                continue
            inner = "".join(_hwpx_paragraph(p) for p in cell.paragraphs)
            for nested in cell.tables:
                inner += _hwpx_paragraph("", f'<hp:run charPrIDRef="0">{_hwpx_table(nested)}</hp:run>')
            out.append(
                f'<hp:tc name="" header="{int(r == 0)}" hasMargin="0" protect="0" editable="0" dirty="0" borderFillIDRef="2">'
                f'<hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="CENTER">{inner}</hp:subList>'
                f'<hp:cellAddr colAddr="{c}" rowAddr="{r}"/><hp:cellSpan colSpan="{cell.column_span}" rowSpan="{cell.row_span}"/>'
                '<hp:cellSz width="10000" height="1000"/></hp:tc>'
            )
        out.append("</hp:tr>")
    out.append("</hp:tbl>")
    return "".join(out)


def hwpx_section(blocks: list[tuple[str, Any]]) -> bytes:
    body = []
    for kind, value in blocks:
        if kind == "p":
            body.append(_hwpx_paragraph(value))
        else:
            body.append(_hwpx_paragraph("", f'<hp:run charPrIDRef="0">{_hwpx_table(value)}<hp:t/></hp:run>'))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
        f'<hs:sec xmlns:hp="{_HP}" xmlns:hs="{_HS}">{"".join(body)}</hs:sec>'
    ).encode()


def zip_bytes(members: list[tuple[str, bytes]], stored: tuple[str, ...] = ("mimetype",)) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, _STAMP)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def hwpx_bytes(blocks: list[tuple[str, Any]]) -> bytes:
    """A minimal HWPX package: mimetype first and stored, the manifest, a header and one section."""
    content = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
        '<opf:package xmlns:opf="http://www.idpf.org/2007/opf/" version="" unique-identifier="" id="">'
        "<opf:metadata><opf:language>ko</opf:language></opf:metadata><opf:manifest>"
        '<opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>'
        '<opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/>'
        '</opf:manifest><opf:spine><opf:itemref idref="header"/><opf:itemref idref="section0" linear="yes"/></opf:spine></opf:package>'
    )
    header = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
        '<hh:head xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head" version="1.4" secCnt="1"/>'
    )
    container = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
        '<ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container"><ocf:rootfiles>'
        '<ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/>'
        "</ocf:rootfiles></ocf:container>"
    )
    return zip_bytes(
        [
            ("mimetype", b"application/hwp+zip"),
            (
                "version.xml",
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes" ?><hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" major="5" minor="1"/>',
            ),
            ("META-INF/container.xml", container.encode()),
            ("Contents/content.hpf", content.encode()),
            ("Contents/header.xml", header.encode()),
            ("Contents/section0.xml", hwpx_section(blocks)),
        ]
    )


# ---------------------------------------------------------------------------------------------
# .docx


def docx_bytes(blocks: list[tuple[str, Any]]) -> bytes:
    import docx

    document = docx.Document()
    for kind, value in blocks:
        if kind == "p":
            paragraph = document.add_paragraph()
            for run in runs(value):
                paragraph.add_run(run)
        else:
            _docx_table(document, value)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_dates(buffer.getvalue())


def _docx_table(container: Any, rows: list[list[Any]]) -> Any:
    columns = max(len(row) for row in rows)
    table = container.add_table(rows=len(rows), cols=columns)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = cell_of(value)
            if cell is None:
                continue
            target = table.cell(r, c)
            if cell.row_span > 1 or cell.column_span > 1:
                target = target.merge(table.cell(r + cell.row_span - 1, c + cell.column_span - 1))
            first = target.paragraphs[0]
            for index, text in enumerate(cell.paragraphs):
                paragraph = first if index == 0 else target.add_paragraph()
                for run in runs(text):
                    paragraph.add_run(run)
            for nested in cell.tables:
                _docx_table(target, nested)
    return table


def _fixed_dates(raw: bytes) -> bytes:
    """The same package with fixed member dates, so a build is byte-for-byte reproducible."""
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    return zip_bytes(members, stored=())


# ---------------------------------------------------------------------------------------------
# .pdf

KOREAN_FONT = "HYSMyeongJo-Medium"


def pdf_bytes(blocks: list[tuple[str, Any]], page_break_before_table: int | None = None) -> bytes:
    """A PDF of the blocks; with ``page_break_before_table=N``, table N starts a new page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, SimpleDocTemplate, TableStyle
    from reportlab.platypus import Paragraph as PdfParagraph
    from reportlab.platypus import Table as PdfTable

    pdfmetrics.registerFont(UnicodeCIDFont(KOREAN_FONT))
    style = ParagraphStyle("ko", fontName=KOREAN_FONT, fontSize=10, leading=14)
    flow: list[Any] = []
    tables = 0
    for kind, value in blocks:
        if kind == "p":
            flow.append(PdfParagraph(escape(plain(value)) or "&nbsp;", style))
            continue
        tables += 1
        if tables == page_break_before_table:
            flow.append(PageBreak())
        data = [
            [("\n".join(plain(p) for p in c.paragraphs) if (c := cell_of(v)) else "") for v in row]
            for row in value
        ]
        commands: list[Any] = [
            ("FONT", (0, 0), (-1, -1), KOREAN_FONT, 10),
            ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ]
        for r, row in enumerate(value):
            for c, v in enumerate(row):
                if isinstance(v, C) and (v.row_span > 1 or v.column_span > 1):
                    commands.append(("SPAN", (c, r), (c + v.column_span - 1, r + v.row_span - 1)))
        table = PdfTable(data)
        table.setStyle(TableStyle(commands))
        flow.append(table)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(flow)
    return buffer.getvalue()


def pdf_without_text() -> bytes:
    """A page of ruled lines and boxes with no text layer at all (as a scan or shapes-only print)."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=1)
    for row in range(6):
        page.line(50, 700 - 20 * row, 500, 700 - 20 * row)
    page.rect(60, 400, 200, 100, fill=1)
    page.showPage()
    page.save()
    return buffer.getvalue()


def pdf_digits_only() -> bytes:
    """Text layer with times and numbers but no words: what a printer leaves when fonts lack a Unicode map."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=1)
    for row, text in enumerate(
        ["2026. 2. 26.( ) 16:30~18:00", "16:30 ~ 16:05 ('05)", "16:35 ~ 17:35 ('60)", "- 1 -"]
    ):
        page.drawString(60, 700 - 20 * row, text)
    page.showPage()
    page.save()
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# The builders themselves


def test_hwpx_package_has_mimetype_first_and_stored() -> None:
    with zipfile.ZipFile(io.BytesIO(hwpx_bytes(SEED))) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert archive.read("mimetype") == b"application/hwp+zip"


@pytest.mark.parametrize("build", [hwpx_bytes, docx_bytes, pdf_bytes])
def test_builds_are_reproducible(build: Any) -> None:
    assert build(SEED) == build(SEED)
