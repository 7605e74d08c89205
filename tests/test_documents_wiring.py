"""Documents in the product: ``tfagenda check 보도자료.hwpx`` (and .docx, .pdf, .hwp) finds the agenda and says where."""

from __future__ import annotations

import json
import resource
import time
from pathlib import Path
from typing import Any

import pytest
from test_documents_fixtures import SEED, docx_bytes, hwpx_bytes, pdf_bytes, pdf_without_text
from typer.testing import CliRunner

from tfagenda.cli import app
from tfagenda.linter import check_paths
from tfagenda.load import load_bytes

REAL = Path(__file__).resolve().parents[2] / "shared" / "reference" / "documents"
BUILDERS = {"hwpx": hwpx_bytes, "docx": docx_bytes, "pdf": pdf_bytes}


def _run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("seeds")
    made = {}
    for suffix, build in BUILDERS.items():
        made[suffix] = folder / f"보도자료.{suffix}"
        made[suffix].write_bytes(build(SEED))
    return made


@pytest.mark.parametrize("suffix", sorted(BUILDERS))
def test_seed_document_gives_the_one_t001_with_the_1635_fix(seeds: dict[str, Path], suffix: str) -> None:
    findings = check_paths([str(seeds[suffix])]).findings
    assert [(f.code, f.fix.value if f.fix else None) for f in findings] == [("T001", "16:35")]
    location = findings[0].location
    assert location is not None
    assert (location.table, location.row, location.column) == (2, 2, 1)
    assert location.text[location.start : location.end] == "16:05"
    assert location.page == (1 if suffix == "pdf" else None)


@pytest.mark.parametrize("suffix", sorted(BUILDERS))
def test_the_format_comes_from_the_bytes_not_the_extension(seeds: dict[str, Path], suffix: str) -> None:
    loaded = load_bytes(seeds[suffix].read_bytes(), "renamed.txt")
    assert loaded.agenda is not None
    assert not loaded.problems


def test_a_pdf_without_text_is_e005_no_readable_text_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_without_text())
    english = _run("check", str(path))
    korean = _run("check", "--lang", "ko", str(path))
    assert english.exit_code == korean.exit_code == 1
    assert "E005" in english.output and "no readable text" in english.output
    assert "읽을 수 있는 글자가 없어" in korean.output
    assert "All checks passed" not in english.output


def test_a_document_without_an_agenda_says_what_was_looked_for(tmp_path: Path) -> None:
    path = tmp_path / "memo.hwpx"
    path.write_bytes(hwpx_bytes([("paragraph", "회의 결과를 알려드립니다.")]))
    result = _run("check", str(path))
    assert result.exit_code == 1
    assert "E005" in result.output and "no agenda found in the document" in result.output
    assert "시 간 | 내 용 | 비고" in result.output


def test_a_damaged_document_is_e005_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "broken.hwpx"
    path.write_bytes(hwpx_bytes(SEED)[:300])
    result = _run("check", str(path))
    assert result.exit_code == 1
    assert "E005" in result.output and "damaged" in result.output
    assert "Traceback" not in result.output


def test_render_and_import_read_documents(seeds: dict[str, Path]) -> None:
    imported = _run("import", str(seeds["hwpx"]))
    assert imported.exit_code == 0, imported.output
    assert "16:30" in imported.output
    rendered = _run("render", "--format", "json", str(seeds["docx"]))
    assert rendered.exit_code in (0, 1), rendered.output
    assert "참석자 소개" in rendered.output


def _real_files() -> list[Path]:
    return sorted(p for p in REAL.glob("*") if p.suffix in (".hwpx", ".hwp", ".pdf", ".docx"))


@pytest.mark.skipif(not _real_files(), reason="../shared/reference/documents is absent")
@pytest.mark.parametrize("path", _real_files(), ids=lambda p: p.name)
def test_real_documents_give_a_clear_answer_quickly(path: Path) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.process_time()
    result = _run("check", "--format", "json", str(path))
    spent = time.process_time() - started
    assert result.exit_code == 1, result.output
    findings = json.loads(result.output)
    assert findings, "a real file must not pass silently"
    for finding in findings:
        assert finding["code"] != "E000", finding["message"]
        if finding["code"] == "E005":
            assert (
                "no agenda found" in finding["message"]
                or "no readable text" in finding["message"]
                or "cannot be read" in finding["message"]
            )
    assert spent < 2.0, f"{path.name}: {spent:.2f} s CPU"
    del before


def test_text_format_names_the_table_row_and_column_in_both_languages(seeds: dict[str, Path]) -> None:
    english = _run("check", str(seeds["hwpx"]))
    korean = _run("check", "--lang", "ko", str(seeds["hwpx"]))
    assert f"{seeds['hwpx']}: table 2, row 2, column 1: T001" in english.output
    assert f"{seeds['hwpx']}: 표 2, 2행 1열: T001" in korean.output
    assert " | 16:30 ~ 16:05 ('05)\n |         ^^^^^\n" in english.output
    pdf = _run("check", "--lang", "ko", str(seeds["pdf"]))
    assert "1쪽, 표 2, 2행 1열: T001" in pdf.output


def test_json_carries_a_location_object(seeds: dict[str, Path]) -> None:
    [finding] = json.loads(_run("check", "--format", "json", str(seeds["pdf"])).output)
    assert finding["location"] == {
        "table": 2,
        "row": 2,
        "column": 1,
        "paragraph": 1,
        "page": 1,
        "text": "16:30 ~ 16:05 ('05)",
        "start": 8,
        "end": 13,
    }


def test_sarif_gives_a_logical_location_and_the_cell_as_snippet(seeds: dict[str, Path]) -> None:
    log = json.loads(_run("check", "--format", "sarif", str(seeds["docx"])).output)
    [result] = log["runs"][0]["results"]
    [where] = result["locations"]
    assert where["logicalLocations"] == [{"name": "table 2, row 2, column 1", "kind": "element"}]
    assert where["properties"]["snippet"] == "16:30 ~ 16:05 ('05)"
    assert "region" not in where["physicalLocation"]  # the rendered text's lines are not the file's
    assert "fixes" not in result


def test_github_annotation_says_the_place_in_the_message(seeds: dict[str, Path]) -> None:
    output = _run("check", "--format", "github", str(seeds["hwpx"])).output
    assert "::table 2, row 2, column 1: T001 end-before-start" in output
    assert ",line=" not in output


def test_a_whole_document_problem_names_no_cell(tmp_path: Path) -> None:
    path = tmp_path / "memo.docx"
    path.write_bytes(docx_bytes([("paragraph", "회의 결과를 알려드립니다.")]))
    output = _run("check", str(path)).output
    assert output.startswith(f"{path}: E005 [error] no agenda found")
    assert " | " not in output.splitlines()[1]


def _members(raw: bytes) -> list[tuple[str, int, bytes]]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return [(i.filename, i.compress_type, archive.read(i)) for i in archive.infolist()]


@pytest.mark.parametrize(
    ("suffix", "part"), [("hwpx", "Contents/section0.xml"), ("docx", "word/document.xml")]
)
def test_fix_rewrites_only_the_wrong_cell(tmp_path: Path, suffix: str, part: str) -> None:
    import re

    path = tmp_path / f"보도자료.{suffix}"
    before = BUILDERS[suffix](SEED)
    path.write_bytes(before)
    result = _run("check", "--fix", str(path))
    assert result.exit_code == 0, result.output
    after = path.read_bytes()
    old, new = _members(before), _members(after)
    assert [(name, kind) for name, kind, _ in old] == [(name, kind) for name, kind, _ in new]
    if suffix == "hwpx":
        assert new[0][:2] == ("mimetype", 0)  # first and stored
    for (name, _, was), (_, _, now) in zip(old, new, strict=True):
        if name != part:
            assert was == now, name
            continue
        assert was.count(b"16:30 ~ 16:05") == 1 and now.count(b"16:30 ~ 16:35") == 1
        expected = was.replace(b"16:30 ~ 16:05", b"16:30 ~ 16:35")
        if suffix == "hwpx":  # and that paragraph's cached layout is gone, nothing else
            at = expected.index(b"16:30 ~ 16:35")
            layout = re.compile(rb"<hp:linesegarray>.*?</hp:linesegarray>", re.DOTALL)
            match = layout.search(expected, at)
            assert match is not None
            expected = expected[: match.start()] + expected[match.end() :]
        assert now == expected
    again = _run("check", str(path))
    assert again.exit_code == 0 and "All checks passed" in again.output


@pytest.mark.parametrize("suffix", ["pdf"])
def test_read_only_formats_show_the_fix_as_advice_and_are_not_written(
    seeds: dict[str, Path], suffix: str
) -> None:
    before = seeds[suffix].read_bytes()
    result = _run("check", "--fix", str(seeds[suffix]))
    assert result.exit_code == 1
    assert "set end to 16:35 (a .pdf file cannot be fixed in place" in result.output
    assert seeds[suffix].read_bytes() == before
