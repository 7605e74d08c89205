"""Property tests of the time arithmetic (hypothesis).

(a) a consistent agenda, written with any sufficient subset of start/end/duration, checks clean;
(b) one corrupted value in a fully written segment is exactly one finding (T001/T002) on that
    segment's line, whose safe fix restores the value;
(c) clock round-trips: times, the documented duration spellings, and respelling durations.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from tfagenda.clock import (
    MINUTES_PER_DAY,
    format_time,
    parse_duration,
    parse_slot_text,
    parse_time,
    respell_duration,
)
from tfagenda.findings import Applicability, Finding
from tfagenda.linter import check_loaded, check_text
from tfagenda.load import load_text

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Which fields a segment is written with. Each is sufficient: the start, when missing, is the
# previous segment's end (the slot's start for the first).
SUBSETS = (
    ("start", "end", "duration"),
    ("start", "duration"),
    ("start", "end"),
    ("end", "duration"),
    ("duration",),
    ("end",),
)
# The subsets that fix a segment's start without its previous segment.
TESTIFYING = tuple(s for s in SUBSETS if "start" in s) + (("end", "duration"),)


def q(text: str) -> str:
    """A double-quoted YAML scalar (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


# Ways to write a duration of m minutes: the value as written in the file.
DURATION_SPELLINGS = {
    "int": lambda m: m,
    "m": lambda m: f"{m}m",
    "min": lambda m: f"{m}min",
    "분": lambda m: f"{m}분",
    "prime-lead": lambda m: f"'{m:02d}",
    "prime-trail": lambda m: f"{m:02d}'",
    "hm": lambda m: f"{m // 60}:{m % 60:02d}",
    "hours-minutes": lambda m: (
        (f"{m // 60}h" if m >= 60 else "") + (f"{m % 60}m" if m % 60 or m < 60 else "")
    ),
    "iso": lambda m: "PT" + (f"{m // 60}H" if m >= 60 else "") + (f"{m % 60}M" if m % 60 or m < 60 else ""),
}


def yaml_value(value: object, title: str = "") -> str:
    if isinstance(value, list):  # parts, in flow style; they inherit the parent's owner
        return "[" + ", ".join(part.flow(f"{title}.{i + 1}") for i, part in enumerate(value)) + "]"
    return str(value) if isinstance(value, int) else q(str(value))


@dataclass
class Seg:
    start: int  # placed minutes (may be >= 1440 in an overnight slot)
    end: int
    fields: tuple[str, ...]
    spelling: str = "int"
    midnight_as_zero: bool = False  # write a time of exactly 1440 as "00:00" (overnight only)
    parts: list[Seg] = field(default_factory=list)

    @property
    def duration(self) -> int:
        return self.end - self.start

    def time_text(self, minutes: int) -> str:
        if minutes == MINUTES_PER_DAY and self.midnight_as_zero:
            return "00:00"
        return format_time(minutes)

    def written(self) -> dict[str, object]:
        out: dict[str, object] = {}
        if "start" in self.fields:
            out["start"] = self.time_text(self.start)
        if "end" in self.fields:
            out["end"] = self.time_text(self.end)
        if "duration" in self.fields:
            out["duration"] = DURATION_SPELLINGS[self.spelling](self.duration)
        if self.parts:
            out["parts"] = self.parts
        return out

    def flow(self, title: str, owner: str | None = None) -> str:
        values: dict[str, object] = {"title": title, **self.written()}
        if owner is not None:
            values["owner"] = owner
        return "{" + ", ".join(f"{k}: {yaml_value(v, title)}" for k, v in values.items()) + "}"


@dataclass
class Agenda:
    slot_start: int
    segments: list[Seg]
    block_style: bool = False

    @property
    def slot_end(self) -> int:
        return self.segments[-1].end

    def yaml(self, overrides: dict[int, dict[str, object]] | None = None) -> str:
        """The agenda as YAML text; ``overrides`` replaces written values of some segments."""
        overrides = overrides or {}
        lines = [
            "title: Generated agenda",
            f"slot: {q(format_time(self.slot_start) + '-' + format_time(self.slot_end))}",
            "segments:",
        ]
        for index, seg in enumerate(self.segments):
            values = {"title": f"Item {index + 1}", **seg.written(), **overrides.get(index, {})}
            values["owner"] = f"person{index + 1}"
            rendered = [(key, yaml_value(value, f"Item {index + 1}")) for key, value in values.items()]
            if self.block_style:
                first, *rest = rendered
                lines.append(f"  - {first[0]}: {first[1]}")
                lines += [f"    {k}: {v}" for k, v in rest]
            else:
                lines.append("  - {" + ", ".join(f"{k}: {v}" for k, v in rendered) + "}")
        return "\n".join(lines) + "\n"

    def segment_line(self, index: int) -> int:
        """1-based line of a segment in flow style (3 header lines)."""
        assert not self.block_style
        return 4 + index


@st.composite
def part_lists(draw, start: int, minutes: int, overnight: bool) -> list[Seg]:
    """Split ``minutes`` from ``start`` into 1–4 contiguous parts, each written sufficiently."""
    cuts = sorted(draw(st.sets(st.integers(1, minutes - 1), max_size=min(3, minutes - 1))))
    bounds = [start, *(start + c for c in cuts), start + minutes]
    return [
        Seg(
            a,
            b,
            draw(st.sampled_from(SUBSETS)),
            draw(st.sampled_from(sorted(DURATION_SPELLINGS))),
            overnight and draw(st.booleans()),
        )
        for a, b in zip(bounds, bounds[1:])
    ]


START_ONLY = ("start",)


def settle_start_only(segments: list[Seg]) -> None:
    """A start-only segment ends where the next one starts: the next one must have a start of its own
    (written, or its end − duration); the last one ends at the slot's end, which is its end here."""
    for seg, follower in zip(segments, segments[1:]):
        if seg.fields == START_ONLY and not seg.parts and follower.fields not in TESTIFYING:
            follower.fields = ("start", "duration")


@st.composite
def agendas(draw, overnight: bool = False, all_three: bool = False, start_only: bool = False) -> Agenda:
    durations = draw(st.lists(st.integers(1, 120), min_size=1, max_size=12))
    total = sum(durations)
    if overnight:
        # Start in the evening (22:00 often) and cross midnight; the slot is shorter than a day.
        lowest = max(18 * 60, MINUTES_PER_DAY - total + 1)
        assume(lowest < MINUTES_PER_DAY and total < MINUTES_PER_DAY)
        start = draw(
            st.just(22 * 60).filter(lambda s: s >= lowest) | st.integers(lowest, MINUTES_PER_DAY - 1)
        )
    else:
        start = draw(st.integers(0, MINUTES_PER_DAY - total))
    segments = []
    at = start
    everyone_start_only = start_only and draw(st.booleans())
    for minutes in durations:
        spelling = draw(st.sampled_from(sorted(DURATION_SPELLINGS)))
        zero = overnight and draw(st.booleans())
        parts = (
            draw(part_lists(at, minutes, overnight)) if minutes >= 2 and draw(st.integers(0, 3)) == 0 else []
        )
        # A segment with parts and no length of its own lasts as long as its parts.
        choices = SUBSETS + ((("start",), ()) if parts else ())
        fields = ("start", "end", "duration") if all_three else draw(st.sampled_from(choices))
        if start_only and (everyone_start_only or draw(st.booleans())):
            fields = START_ONLY  # as agendas are mostly written: start times alone
        segments.append(Seg(at, at + minutes, fields, spelling, zero, parts))
        at += minutes
    settle_start_only(segments)
    return Agenda(start, segments, block_style=draw(st.booleans()))


def describe(findings: list[Finding]) -> str:
    return "\n".join(f"{f.line}:{f.column} {f.code} {f.message.say('en')}" for f in findings)


# --- (a) consistent agendas check clean -------------------------------------------------------


@SETTINGS
@given(agendas())
def test_consistent_agenda_checks_clean(agenda: Agenda) -> None:
    text = agenda.yaml()
    findings = check_text(text)
    assert findings == [], text + "\n" + describe(findings)


@SETTINGS
@given(agendas(overnight=True))
def test_consistent_overnight_agenda_checks_clean(agenda: Agenda) -> None:
    assert agenda.slot_start + sum(s.duration for s in agenda.segments) > MINUTES_PER_DAY
    text = agenda.yaml()
    findings = check_text(text)
    assert findings == [], text + "\n" + describe(findings)


def test_known_overnight_agenda_checks_clean() -> None:
    text = """\
title: Night shift handover
slot: "22:00-01:00"
segments:
  - {title: Handover, start: "22:00", duration: 90, owner: a}
  - {title: Rounds, start: "23:30", end: "00:30", owner: b}
  - {title: Wrap-up, end: "01:00", owner: c}
"""
    assert check_text(text) == []


# --- (b) one corrupted value: one finding, a safe fix that restores it -------------------------


@st.composite
def corrupted(draw, overnight: bool = False, start_only: bool = False):
    agenda = draw(agendas(overnight=overnight, start_only=start_only))
    agenda.block_style = False
    index = draw(st.integers(0, len(agenda.segments) - 1))
    seg = agenda.segments[index]
    seg.fields = ("start", "end", "duration")
    seg.midnight_as_zero = False
    if index + 1 < len(agenda.segments):
        # The next start must be known without this segment for it to testify: written, or its own
        # end − duration (a start implied from this segment's end says nothing).
        follower = agenda.segments[index + 1]
        if follower.fields not in TESTIFYING:
            follower.fields = draw(st.sampled_from(TESTIFYING))
    field = draw(st.sampled_from(["start", "end", "duration"]))
    if field in ("start", "duration") and index > 0 and agenda.segments[index - 1].fields == START_ONLY:
        # A start-only row ends where this one starts: it cannot say which start is right, and a
        # start between it and the end is as good a repair as the written duration (a wrong
        # duration then has two repairs the neighbours support alike, and T002 says both).
        agenda.segments[index - 1].fields = draw(st.sampled_from(SUBSETS))
    settle_start_only(agenda.segments)
    if field == "duration":
        new = draw(st.integers(0, 600).filter(lambda m: m != seg.duration))
        bad: object = DURATION_SPELLINGS[seg.spelling](new)
    else:
        original = seg.start if field == "start" else seg.end
        new = draw(
            st.integers(0, MINUTES_PER_DAY).filter(
                lambda m: m % MINUTES_PER_DAY != original % MINUTES_PER_DAY
            )
        )
        bad = format_time(new)
    return agenda, index, field, bad


def _check_corruption(agenda: Agenda, index: int, field: str, bad: object) -> None:
    seg = agenda.segments[index]
    original_written = seg.written()[field]
    text = agenda.yaml({index: {field: bad}})
    findings = check_text(text)
    context = text + "\n" + describe(findings)
    assert len(findings) == 1, context
    (finding,) = findings
    assert finding.code in ("T001", "T002"), context
    assert finding.line == agenda.segment_line(index), context
    fix = finding.fix
    assert fix is not None, context
    assert str(fix.applicability) == "safe", context
    assert fix.applicability is Applicability.SAFE
    assert fix.target is not None and fix.target[-1] == field, context
    if field == "duration":
        assert parse_duration(fix.value) == seg.duration, context
        if isinstance(original_written, int):
            assert fix.value == seg.duration, context
        else:
            assert isinstance(fix.value, str), context
            # Same notation as written: respelling the corrupted text gives the fix.
            assert fix.value == respell_duration(bad, seg.duration), context
    else:
        assert fix.value == original_written, context
    # Applying the fix's edits gives back a clean agenda.
    assert fix.edits, context
    lines = text.split("\n")
    for edit in fix.edits:
        span = edit.span
        assert span.line == span.end_line == finding.line
        line = lines[span.line - 1]
        assert line[span.column - 1 : span.end_column - 1] == str(bad)
        lines[span.line - 1] = line[: span.column - 1] + edit.text + line[span.end_column - 1 :]
    repaired = "\n".join(lines)
    assert check_text(repaired) == [], repaired + "\n" + describe(check_text(repaired))


@SETTINGS
@given(corrupted())
def test_one_corrupted_value_is_one_finding_with_a_safe_fix(case) -> None:
    _check_corruption(*case)


@SETTINGS
@given(corrupted(overnight=True))
def test_one_corrupted_value_overnight(case) -> None:
    _check_corruption(*case)


@SETTINGS
@given(agendas(start_only=True))
def test_consistent_start_only_agenda_checks_clean(agenda: Agenda) -> None:
    text = agenda.yaml()
    findings = check_text(text)
    assert findings == [], text + "\n" + describe(findings)


@SETTINGS
@given(agendas(overnight=True, start_only=True))
def test_consistent_start_only_overnight_agenda_checks_clean(agenda: Agenda) -> None:
    text = agenda.yaml()
    findings = check_text(text)
    assert findings == [], text + "\n" + describe(findings)


@SETTINGS
@given(corrupted(start_only=True))
def test_one_corrupted_value_among_start_only_rows(case) -> None:
    _check_corruption(*case)


def test_start_only_rows_around_a_corrupted_start() -> None:
    # The row before ends where this one starts: its end is not a neighbour's word on the corrupted start.
    segments = [
        Seg(600, 610, START_ONLY),
        Seg(610, 620, ("start", "end", "duration")),
        Seg(620, 660, START_ONLY),
    ]
    _check_corruption(Agenda(600, segments), 1, "start", "10:30")


# --- (c) tables on a 12-hour clock without am/pm (issue 13) --------------------------------------

# How a row of a Markdown table gives its times: a range with the minutes, a range, a start with the
# minutes, or the start alone (it ends where the next row starts).
ROW_FORMS = ("range+minutes", "range", "start+minutes", "start")


def twelve(minutes: int) -> str:
    """A time as a 12-hour table without am/pm prints it: 13:05 is 1:05."""
    hours, mins = divmod(minutes, 60)
    return f"{hours % 12 or 12}:{mins:02d}"


@dataclass
class TableRow:
    start: int
    end: int
    form: str

    def cells(self, start: str | None = None, end: str | None = None) -> tuple[str, str]:
        begin, finish = start or twelve(self.start), end or twelve(self.end)
        time = f"{begin} - {finish}" if self.form.startswith("range") else begin
        return time, f"{self.end - self.start} min" if self.form.endswith("minutes") else ""


@dataclass
class TwelveHourTable:
    rows: list[TableRow]

    def markdown(self, changed: dict[int, dict[str, str]] | None = None) -> str:
        lines = ["# Workshop day", "", "| Time | Session | Speaker | Duration |", "|---|---|---|---|"]
        for index, row in enumerate(self.rows):
            time, minutes = row.cells(**(changed or {}).get(index, {}))
            lines.append(f"| {time} | Session {index + 1} | Person {index + 1} | {minutes} |")
        return "\n".join(lines) + "\n"

    def crosses_one_oclock(self) -> bool:
        """Whether a time is printed 1:00 or later in the afternoon (the sequence must decide it)."""
        printed = [r.start for r in self.rows] + [r.end for r in self.rows if r.form.startswith("range")]
        return max(printed) >= 13 * 60


@st.composite
def twelve_hour_tables(draw, start_only: bool = False) -> TwelveHourTable:
    # From 8:00 (a table starting before 7:00 without am/pm is ambiguous: N001 says so instead)
    # across noon; each row under an hour, so no step is mistaken for going back.
    durations = draw(st.lists(st.integers(5, 60), min_size=2, max_size=8))
    at = draw(st.integers(8 * 60, 12 * 60 + 30))
    forms = ROW_FORMS if start_only else ROW_FORMS[:3]
    rows = []
    for minutes in durations:
        rows.append(TableRow(at, at + minutes, draw(st.sampled_from(forms))))
        at += minutes
    if rows[-1].form == "start":  # no slot: the last row says when the day ends
        rows[-1].form = draw(st.sampled_from(ROW_FORMS[:3]))
    return TwelveHourTable(rows)


def _check_table(text: str) -> list[Finding]:
    return check_loaded(load_text(text, "workshop.md"))


def _notes_only(table: TwelveHourTable, findings: list[Finding], text: str) -> None:
    context = text + "\n" + describe(findings)
    assert all(f.code == "N001" for f in findings), context
    assert len(findings) == (1 if table.crosses_one_oclock() else 0), context


@SETTINGS
@given(twelve_hour_tables())
def test_consistent_twelve_hour_table_checks_clean(table: TwelveHourTable) -> None:
    text = table.markdown()
    _notes_only(table, _check_table(text), text)


@SETTINGS
@given(twelve_hour_tables(start_only=True))
def test_consistent_start_only_twelve_hour_table_checks_clean(table: TwelveHourTable) -> None:
    text = table.markdown()
    _notes_only(table, _check_table(text), text)


@st.composite
def corrupted_tables(draw, start_only: bool = False):
    table = draw(twelve_hour_tables(start_only=start_only))
    # A time with a neighbour to testify (there is no slot): a start after a row, an end before one.
    index = draw(st.integers(0, len(table.rows) - 1))
    field = (
        "end"
        if index == 0
        else "start"
        if index == len(table.rows) - 1
        else draw(st.sampled_from(["start", "end"]))
    )
    row = table.rows[index]
    row.form = "range+minutes"  # and the row's own other time and minutes
    if field == "start" and index > 0 and table.rows[index - 1].form == "start":
        table.rows[index - 1].form = "range"  # a start-only row before would move with it
    original = row.start if field == "start" else row.end
    # A nearby wrong time, after the time before it in the table (the 12-hour reading holds) and,
    # for a start, before its own end.
    low = (table.rows[index - 1].end if index else 8 * 60) if field == "start" else row.start
    high = row.end - 1 if field == "start" else row.end + 30
    new = draw(
        st.integers(max(low + 1, original - 30), min(high, original + 30)).filter(lambda m: m != original)
    )
    return table, index, field, twelve(new)


@SETTINGS
@given(corrupted_tables(start_only=True))
def test_one_corrupted_time_in_a_twelve_hour_table_is_found_and_repaired(case) -> None:
    table, index, field, bad = case
    text = table.markdown({index: {field: bad}})
    findings = [f for f in _check_table(text) if f.code != "N001"]
    context = text + "\n" + describe(findings)
    assert len(findings) == 1, context
    (finding,) = findings
    assert finding.code in ("T001", "T002"), context
    fix = finding.fix
    assert fix is not None and fix.applicability is Applicability.SAFE and fix.edits, context
    lines = text.split("\n")
    for edit in fix.edits:
        span = edit.span
        line = lines[span.line - 1]
        assert line[span.column - 1 : span.end_column - 1] == bad, context
        lines[span.line - 1] = line[: span.column - 1] + edit.text + line[span.end_column - 1 :]
    repaired = "\n".join(lines)
    assert repaired == table.markdown(), context  # written as the table writes it: 1:05, not 13:05
    _notes_only(table, _check_table(repaired), repaired)


@pytest.mark.parametrize(
    "field, bad",
    [
        ("end", "16:05"),
        ("end", "00:00"),
        ("end", "24:00"),
        ("start", "16:05"),
        ("start", "17:35"),
        ("duration", 0),
        ("duration", 55),
    ],
)
def test_corruptions_of_the_seed_shape(field: str, bad: object) -> None:
    segments = [
        Seg(990, 995, ("start", "end", "duration")),
        Seg(995, 1055, ("start", "end", "duration")),
        Seg(1055, 1080, ("start", "duration")),
    ]
    _check_corruption(Agenda(990, segments), 0, field, bad)


def test_next_start_from_its_own_end_and_duration_testifies() -> None:
    """The next segment's start is its end − duration when it gives no start: a neighbour like any other."""
    text = """\
title: t
slot: "10:00-11:00"
segments:
  - {title: a, start: "10:00", end: "10:20", duration: 30, owner: x}
  - {title: b, end: "11:00", duration: 30, owner: y}
"""
    (finding,) = check_text(text)
    assert finding.code == "T002"
    assert finding.message.say("en").endswith(
        "the 30-minute duration and the next segment's start both say 10:30"
    )
    assert finding.fix is not None and finding.fix.value == "10:30"
    assert finding.fix.applicability is Applicability.SAFE


def test_a_tie_names_both_repairs_and_has_no_fix() -> None:
    """The previous end agrees with both repairs and the next start with neither: no fix."""
    text = """\
title: t
slot: "10:00-11:00"
segments:
  - {title: a, start: "10:00", end: "10:20", duration: 30, owner: x}
  - {title: b, start: "10:40", duration: 20, owner: y}
"""
    finding = check_text(text)[0]
    assert finding.code == "T002"
    assert "no repair is clearly best: end 10:30 or duration 20 minutes" in finding.message.say("en")
    assert finding.fix is None


# --- (c) the clock ------------------------------------------------------------------------------


def test_time_round_trip_every_minute() -> None:
    for minutes in range(MINUTES_PER_DAY + 1):
        assert parse_time(format_time(minutes)) == minutes


@given(st.integers(0, 23), st.integers(0, 59))
@settings(max_examples=100, deadline=None)
def test_time_without_leading_zero(hours: int, minutes: int) -> None:
    assert parse_time(f"{hours}:{minutes:02d}") == hours * 60 + minutes
    assert parse_time(f" {hours:02d}:{minutes:02d} ") == hours * 60 + minutes


@pytest.mark.parametrize("text", ["24:01", "25:00", "16:60", "16:5", "1630", "soon", "", "-1:00", "16:30:00"])
def test_bad_times_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_time(text)


@pytest.mark.parametrize(
    "text, minutes",
    [
        (5, 5),
        ("5", 5),
        ("5m", 5),
        ("5min", 5),
        ("5 mins", 5),
        ("5분", 5),
        ("'05", 5),
        ("05'", 5),
        ("’05", 5),
        ("1h", 60),
        ("1h30m", 90),
        ("1:30", 90),
        ("PT1H30M", 90),
        ("PT45M", 45),
        ("PT2H", 120),
        ("1시간 30분", 90),
        (0, 0),
    ],
)
def test_documented_duration_spellings(text: object, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("value", ["", "soon", "PT", "1:75", "-5", True, 1.5, None, -5, "5x"])
def test_bad_durations_are_refused(value: object) -> None:
    with pytest.raises(ValueError):
        parse_duration(value)


def notation(value: object) -> str:
    """The notation class of a written duration."""
    if isinstance(value, int):
        return "int"
    text = str(value)
    for name, pattern in [
        ("digits", r"\d+"),
        ("prime-lead", r"'\d+"),
        ("prime-trail", r"\d+'"),
        ("hm", r"\d+:[0-5]\d"),
        ("iso", r"PT(\d+H)?(\d+M)?"),
        ("분", r"\d+분"),
        ("min", r"\d+min"),
        ("h-m", r"(\d+h)?(\d+m)?"),
    ]:
        if re.fullmatch(pattern, text):
            return name
    return "other"


@SETTINGS
@given(st.sampled_from(sorted(DURATION_SPELLINGS)), st.integers(0, 600), st.integers(0, 600))
@example("prime-lead", 5, 35)
@example("hm", 90, 5)
@example("iso", 90, 60)
@example("hours-minutes", 60, 5)
def test_respell_duration_keeps_the_notation(spelling: str, original: int, minutes: int) -> None:
    written = DURATION_SPELLINGS[spelling](original)
    assert parse_duration(written) == original
    respelled = respell_duration(written, minutes)
    assert parse_duration(respelled) == minutes
    assert notation(respelled) == notation(written), (written, respelled)


def test_respell_examples() -> None:
    assert respell_duration("'05", 10) == "'10"
    assert respell_duration("05'", 10) == "10'"
    assert respell_duration("5분", 10) == "10분"
    assert respell_duration("5min", 10) == "10min"
    assert respell_duration(5, 10) == 10
    assert respell_duration("5", 10) == "10"
    assert respell_duration("1:30", 45) == "0:45"
    assert respell_duration("PT1H30M", 45) == "PT45M"
    assert respell_duration("1h30m", 120) == "2h"


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("16:30-18:00", 990, 1080),
        ("16:30~18:00", 990, 1080),
        ("16:30 ~ 18:00", 990, 1080),
        ("22:00-01:00", 1320, 1500),
        ("08:00-24:00", 480, 1440),
    ],
)
def test_slot_spellings(text: str, start: int, end: int) -> None:
    slot = parse_slot_text(text)
    assert (slot.start, slot.end) == (start, end)
    assert slot.crosses_midnight == (end > MINUTES_PER_DAY)


def test_a_segments_own_parts_testify_to_its_repair() -> None:
    """Found by hypothesis: the previous row is start-only (no witness) and the slot's end agrees with
    both "duration 2" and "start 00:07"; the first part's start 00:05 breaks the tie."""
    segments = [
        Seg(0, 1, START_ONLY, "hm"),
        Seg(1, 2, ("start", "duration"), "hm"),
        Seg(2, 3, START_ONLY, "hm"),
        Seg(3, 4, ("start", "duration"), "hm"),
        Seg(4, 5, START_ONLY, "hm"),
        Seg(5, 7, ("start", "end", "duration"), "hm", parts=[Seg(5, 7, ("start", "end", "duration"), "hm")]),
    ]
    _check_corruption(Agenda(0, segments), 5, "duration", "0:00")


def test_a_repair_that_leaves_zero_minutes_loses_a_tie() -> None:
    """Found by hypothesis: start 00:02, end 00:04, duration 0 after a start-only row. The next start
    (00:04) agrees with "duration 2" and with "start 00:04"; the latter would make the row vanish."""
    segments = [
        Seg(0, 2, START_ONLY, "hm"),
        Seg(2, 4, ("start", "end", "duration"), "hm"),
        Seg(4, 6, ("start", "end", "duration"), "hm"),
    ]
    _check_corruption(Agenda(0, segments), 1, "duration", "0:00")


def test_a_wrong_duration_after_a_start_only_row_has_two_repairs() -> None:
    """Found by hypothesis: nothing says whether the start or the duration is wrong; T002 says both."""
    text = """\
title: t
slot: "00:00-00:06"
segments:
  - {title: A, start: "00:00"}
  - {title: B, start: "00:02", end: "00:04", duration: "0:01"}
  - {title: C, start: "00:04", end: "00:06", duration: "0:02"}
"""
    (finding,) = [f for f in check_text(text) if f.code != "O001"]
    assert finding.code == "T002" and finding.fix is None
    assert "duration 2 minutes or start 00:03" in finding.message.say("en")
