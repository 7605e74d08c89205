"""Issue 12: every layout of conference schedule read, every event placed right, every person told
apart — on small schedules made for these tests (``fixtures/frab/``), with exact findings."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import pytest
from conftest import FIXTURES

from tfagenda.config import Settings
from tfagenda.importers import import_document
from tfagenda.linter import check_paths, check_text
from tfagenda.policy import Policy

FRAB = FIXTURES / "frab"


def _found(path: Path, settings: Settings | None = None) -> list[tuple[int, str, str]]:
    return [(f.line, f.code, f.message.say("en")) for f in check_paths([str(path)], settings).findings]


def _placed(path: Path) -> int:
    fmt = "frab-json" if path.suffix == ".json" else "frab-xml"
    data = import_document(path.read_text(encoding="utf-8"), str(path), fmt).data
    return sum(len(track["segments"]) for day in data["days"] for track in day["tracks"])


def test_old_pentabarf_layout_rooms_from_the_events() -> None:
    path = FRAB / "old-pentabarf.xml"
    assert _placed(path) == 3
    data = import_document(path.read_text(encoding="utf-8"), str(path), "frab-xml").data
    assert [t["name"] for t in data["days"][0]["tracks"]] == ["A", "B"]
    # the exams overlap in room B; the events without persons have nobody (no O001); no S003
    assert [(line, code) for line, code, _ in _found(path)] == [(25, "S001")]


def test_merged_schedule_people_by_id_and_name() -> None:
    found = _found(FRAB / "merged-people.xml")
    assert [(line, code) for line, code, _ in found] == [(18, "O004"), (60, "O003"), (77, "O003")]
    assert found[0][2].startswith("person id '0' is used for 2 different names")
    # Alice and Bob (both id 0) overlap but are different people: no O003 for them
    assert not any("Alice" in message or "Bob" in message for _, _, message in found)
    # Carol in three parallel sessions (and listed twice on one) is one finding naming all three
    carol = found[2][2]
    assert carol.startswith("Carol (7) is in 3 segments at overlapping times")
    assert "Carol's keynote" in carol and "Carol's workshop" in carol and "Carol's Q&A" in carol


def test_hosts_policy_lets_an_account_host_parallel_sessions() -> None:
    settings = dataclasses.replace(Settings.defaults(), policy=Policy(hosts=["Dan"]))
    found = _found(FRAB / "merged-people.xml", settings)
    assert [code for _, code, _ in found] == ["O004", "O003"] and "Carol" in found[1][2]
    settings = dataclasses.replace(Settings.defaults(), policy=Policy(hosts=["9"]))  # by id too
    assert [code for _, code, _ in _found(FRAB / "merged-people.xml", settings)] == ["O004", "O003"]


def test_hosts_policy_in_an_agenda_file() -> None:
    text = """\
title: Hosts
policy: {hosts: [org]}
days:
  - date: 2026-03-10
    tracks:
      - name: A
        segments: [{title: One, start: "09:00", duration: 60, owner: org}]
      - name: B
        segments: [{title: Two, start: "09:00", duration: 60, owner: org}]
"""
    assert check_text(text) == []
    assert [f.code for f in check_text(text.replace("{hosts: [org]}", "{hosts: []}"))] == ["O003"]


def test_24_hour_days_and_after_midnight_events_stay_on_their_day() -> None:
    path = FRAB / "night-days.xml"
    data = import_document(path.read_text(encoding="utf-8"), str(path), "frab-xml").data
    assert data["days"][0]["slot"] == "09:00-08:59"
    # no F001/F002 for the event at 01:00 on the next date; one D002 for the event whose <date> disagrees
    found = _found(path)
    assert [(line, code) for line, code, _ in found] == [(13, "D002")]
    assert found[0][2] == (
        "event 1: its <date> 2026-12-27T10:30:00-05:00 says 16:30, its <start> says 10:30; the <start> is used"
    )


def test_a_wrong_offset_on_every_event_is_one_finding_for_the_file() -> None:
    found = _found(FRAB / "wrong-offset.xml")
    assert [(line, code) for line, code, _ in found] == [(12, "D002")]
    assert found[0][2].startswith("every event's <date> is -4:00 from its <start>")


def test_schedule2_json_events_rooms_and_persons_by_guid() -> None:
    path = FRAB / "schedule2.json"
    assert _placed(path) == 4
    data = import_document(path.read_text(encoding="utf-8"), str(path), "frab-json").data
    day = data["days"][0]
    assert day["date"] == "2026-12-27" and day["slot"] == "10:00-04:00"
    tracks = {
        t["name"]: [(s["title"], s["start"], s["duration"]) for s in t["segments"]] for t in day["tracks"]
    }
    assert tracks == {
        "Saal 1": [("Opening", "11:00", 30), ("Night talk", "01:00", 60)],
        "Saal 2": [("Workshop", "11:15", 60), ("Coffee", "15:00", 30)],
    }
    found = _found(path)
    assert [(line, code) for line, code, _ in found] == [(36, "O003")]
    assert found[0][2].startswith("Hana (pppppppp-0000-4000-8000-000000000001) is also in 'Opening'")


def test_a_layout_with_no_placeable_events_never_checks_clean() -> None:
    found = _found(FRAB / "unknown-layout.xml")
    assert found == [
        (
            4,
            "E005",
            "none of the 2 events in the source could be placed: this layout of the schedule is not one tfagenda reads",
        )
    ]


def test_an_empty_schedule_is_not_clean(tmp_path: Path) -> None:
    path = tmp_path / "empty.xml"
    path.write_text("<schedule><conference><title>x</title></conference></schedule>\n", encoding="utf-8")
    assert "E005" in [code for _, code, _ in _found(path)]


def test_events_outside_any_day_are_counted(tmp_path: Path) -> None:
    text = (FRAB / "old-pentabarf.xml").read_text(encoding="utf-8")
    text = text.replace("</schedule>", "<extra><event id='9'><start>10:00</start></event></extra></schedule>")
    path = tmp_path / "extra.xml"
    path.write_text(text, encoding="utf-8")
    found = _found(path)
    assert ("E005" in [code for _, code, _ in found]) and any(
        message.startswith("3 of the 4 events in the source are placed; 1 are left out")
        for _, _, message in found
    )


def test_invalid_json_says_what_and_where(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"schedule": {"conference": {"title": "a\nb"}}}\n', encoding="utf-8")
    ((line, code, message),) = _found(path)
    assert (line, code) == (1, "E005")
    assert message == "the file is not valid JSON: a raw line break inside a string (write it as \\n) at 1:41"
    assert not message.rstrip().endswith(" at")


def test_invalid_xml_says_where(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<schedule>\n  <day>\n</schedule>\n", encoding="utf-8")
    ((line, code, message),) = _found(path)
    assert (line, code) == (3, "E005") and message.startswith(
        "the file is not valid XML: mismatched tag at 3:"
    )


def test_the_same_person_twice_on_one_event_is_one_owner() -> None:
    path = FRAB / "merged-people.xml"
    data = import_document(path.read_text(encoding="utf-8"), str(path), "frab-xml").data
    keynote = data["days"][0]["tracks"][0]["segments"][1]
    assert keynote["owner"] == ["7"]
    assert data["people"]["0#1"] == {"name": "Alice"} and data["people"]["0#2"] == {"name": "Bob"}


def test_import_says_how_many_events_rooms_and_days(tmp_path: Path) -> None:
    from tfagenda.commands.importing import import_file

    out, err = io.StringIO(), io.StringIO()
    code = import_file(str(FRAB / "merged-people.xml"), out=out, err=err)
    assert code == 0
    assert "8 events in 3 rooms over 1 day" in err.getvalue()
    assert "O004" in err.getvalue()  # warnings are shown, and do not stop the import


@pytest.mark.parametrize(
    "name", ["old-pentabarf.xml", "merged-people.xml", "night-days.xml", "schedule2.json"]
)
def test_events_in_the_fixture_equal_events_placed(name: str) -> None:
    path = FRAB / name
    if path.suffix == ".json":
        count = len(json.loads(path.read_text(encoding="utf-8"))["schedule"]["events"])
    else:
        import xml.etree.ElementTree as ET

        count = len(ET.parse(path).getroot().findall(".//event"))
    assert _placed(path) == count


def test_the_text_report_says_how_many_findings_it_does_not_list(monkeypatch: pytest.MonkeyPatch) -> None:
    import tfagenda.report.text as text_report
    from tfagenda.report import ReportOptions, write_report

    monkeypatch.setattr(text_report, "MAX_FINDINGS_PER_RULE", 1)
    result = check_paths([str(FRAB / "merged-people.xml")])
    assert [f.code for f in result.findings] == ["O004", "O003", "O003"]  # all kept (json lists them all)
    out = io.StringIO()
    write_report("full", result, out, ReportOptions(color=False, lang="en"))
    said = out.getvalue()
    assert said.count("O003 [error]") == 1
    assert (
        "1 more findings are not listed (tfagenda lists at most 1 per rule and file; --format json lists them all)"
        in said
    )


def test_an_event_goes_to_the_day_of_its_own_date() -> None:
    path = FRAB / "misdated-days.xml"
    data = import_document(path.read_text(encoding="utf-8"), str(path), "frab-xml").data
    titles = [[s["title"] for t in day["tracks"] for s in t["segments"]] for day in data["days"]]
    assert titles == [["First morning"], ["Also second morning", "Second morning"]]
    found = _found(path)
    assert [code for _, code, _ in found] == ["S001"] and "Second morning" in found[0][2]
