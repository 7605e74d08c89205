"""``render --format html``: one standalone page with the agenda table and a timeline picture.

Standalone means no network at all: the CSS is inline, there is no script, no image, no web font
and no URL (Hangul comes from a system font stack). Every piece of agenda text goes through
``html.escape``. Per day, the timeline draws each segment as a block whose left edge and width are
proportional to its place on the slot's axis, one lane per track (a meeting without tracks is one
lane); parts sit in a lower strip under their parent; blocks and lanes with findings are marked
red, and the findings are listed with their line numbers below. Overnight slots work: the axis
runs on past midnight (minutes ≥ 1440), and times outside the slot widen the axis and are shaded.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from tfagenda.clock import MINUTES_PER_DAY
from tfagenda.findings import Finding, Severity
from tfagenda.render.rows import AgendaRows, DayRows, Row, TrackRows
from tfagenda.render.view import (
    NEXT_DAY,
    clock,
    columns,
    day_when,
    finding_at,
    is_break,
    lines_text,
    owner_names,
    owner_text,
    shown_weekday,
    slot_text,
    time_text,
    words,
)

_TICK_STEPS = (5, 10, 15, 30, 60, 120, 180, 240, 360)
_MAX_TICKS = 13
# On a phone the axis runs down: this many pixels a minute, within these bounds, so that a
# five-minute block still has a line for its title and the tick labels stay apart.
NARROW_PX_PER_MINUTE = 5
NARROW_TALL = (360, 1600)
SLIM_PERCENT = 8  # a block narrower than this much of the axis gets a smaller title and no time
SHORT_PX = 36  # on a phone, a block lower than this has one line: the title

_CSS = """
:root {
  --ink: #1f2430; --muted: #5f6b7a; --line: #d9dee7; --paper: #ffffff; --wash: #f5f7fa;
  --block: #dbe7fb; --block-edge: #3b6fd4; --part: #e6f4ef; --part-edge: #2f8f6b;
  --break: #eef0f3; --break-edge: #9aa3af; --bad: #c62828; --bad-wash: #fdecea; --warn: #b26a00; --warn-wash: #fff4e0;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--wash); color: var(--ink);
  font-family: system-ui, -apple-system, "Segoe UI", "Apple SD Gothic Neo", "Malgun Gothic", "맑은 고딕",
    "Noto Sans KR", "Noto Sans CJK KR", "NanumGothic", "Nanum Gothic", "Nanum Barun Gothic", "Roboto",
    "Helvetica Neue", Arial, sans-serif;
  font-size: 15px; line-height: 1.5;
  /* Korean breaks between words, as it is written; a word longer than its box may still break,
     but never shrinks a table column to one syllable (break-word, not anywhere). */
  word-break: keep-all; overflow-wrap: break-word;
}
main { max-width: 1180px; margin: 0 auto; padding: 28px 24px 40px; }
article.agenda { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 24px 28px; margin-bottom: 28px; }
h1 { font-size: 1.55rem; margin: 0 0 .35rem; line-height: 1.3; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .6rem; }
h3 { font-size: .95rem; margin: 1.1rem 0 .5rem; color: var(--muted); font-weight: 600; }
dl.meta { display: flex; flex-wrap: wrap; gap: .25rem 1.6rem; margin: 0 0 .4rem; color: var(--muted); }
dl.meta div { display: flex; gap: .45rem; }
dl.meta dt { font-weight: 600; color: var(--ink); white-space: nowrap; flex: none; }
dl.meta dd { margin: 0; }
.badge { display: inline-block; padding: 0 .45em; border-radius: 4px; font-size: .78rem; font-weight: 700; line-height: 1.55;
  background: var(--bad); color: #fff; white-space: nowrap; }
.badge.warning { background: var(--warn); }
.summary-ok { color: #2e7d32; font-weight: 600; }

/* The timeline: positions come as --at (where a thing starts on the axis) and --span (how long
   it is), in percent of the axis, so that the same page lays the axis across (wide screens,
   paper) or down (phones). */
figure.timeline { margin: .4rem 0 1.2rem; padding: 10px 12px 12px; border: 1px solid var(--line); border-radius: 8px; background: #fbfcfd; }
figure.timeline figcaption { font-size: .8rem; color: var(--muted); margin-bottom: 6px; }
.lane { display: grid; grid-template-columns: 9.5rem 1fr; align-items: stretch; }
.lane + .lane { margin-top: 6px; }
.lane-name { font-size: .85rem; font-weight: 600; padding: 4px 10px 0 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.lane.flagged .lane-name { color: var(--bad); }
.track { position: relative; height: 70px; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }
.lane.flagged .track { border-color: var(--bad); box-shadow: inset 3px 0 0 var(--bad); }
.axis .track { height: 22px; border: 0; background: transparent; overflow: visible; }
.tick { position: absolute; top: 0; left: var(--at); transform: translateX(-50%); font-size: .72rem; line-height: 1.5; color: var(--muted); white-space: nowrap; font-variant-numeric: tabular-nums; }
.tick.first { transform: none; }
.tick.last { transform: translateX(-100%); }
.tick.midnight { color: var(--ink); font-weight: 700; }
.grid { position: absolute; top: 0; bottom: 0; left: var(--at); width: 0; border-left: 1px dashed #e3e7ee; }
.grid.midnight { border-left: 2px solid #9aa3af; }
.outside { position: absolute; top: 0; bottom: 0; left: var(--at); width: var(--span);
  background: repeating-linear-gradient(135deg, #f1f3f6 0 6px, #e7eaef 6px 12px); }
.block { position: absolute; top: 4px; height: 60px; left: var(--at); width: var(--span); padding: 3px 6px; border-radius: 5px; overflow: hidden;
  background: var(--block); border: 1px solid var(--block-edge); border-left-width: 4px; font-size: .8rem; line-height: 1.3; }
.block.has-parts { height: 29px; }
.block.part { top: 36px; height: 28px; background: var(--part); border-color: var(--part-edge); }
.block.depth2 { top: 50px; height: 14px; padding-top: 0; font-size: .68rem; }
.block.break { background: repeating-linear-gradient(135deg, var(--break) 0 6px, #e4e7eb 6px 12px); border-color: var(--break-edge); color: var(--muted); }
.block.flagged { background: var(--bad-wash); border-color: var(--bad); color: var(--bad); z-index: 2; }
.block.flagged.warning-only { background: var(--warn-wash); border-color: var(--warn); color: var(--warn); }
/* A short block shows as much of its title as fits, wrapped between words, not "참…". */
.block .b-title { display: block; font-weight: 600; overflow-wrap: anywhere; }
.block .b-time { display: block; font-size: .72rem; opacity: .8; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-variant-numeric: tabular-nums; }
.block.has-parts .b-time, .block.part .b-time, .block.slim .b-time { display: none; }
.block.slim { padding: 2px 3px; border-left-width: 3px; font-size: .7rem; line-height: 1.25; }
.block.slim .b-title { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden; overflow-wrap: normal; }
.block.slim.has-parts .b-title, .block.slim.part .b-title { -webkit-line-clamp: 1; }
.lane.flagged .track { height: 92px; }
.flag { position: absolute; top: 68px; font-size: .7rem; z-index: 3; }

table.rows { width: 100%; border-collapse: collapse; margin: .2rem 0 .6rem; font-size: .92rem; }
table.rows th, table.rows td { border-bottom: 1px solid var(--line); padding: 7px 10px; text-align: left; vertical-align: top; }
table.rows th { background: #eef2f7; font-weight: 700; font-size: .85rem; white-space: nowrap; }
table.rows td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
table.rows td.note { color: var(--muted); }
table.rows tr.part td.item { padding-left: 30px; }
table.rows tr.part td.item::before { content: "↳ "; color: var(--muted); }
table.rows tr.depth2 td.item { padding-left: 52px; }
table.rows tr.break td { color: var(--muted); }
table.rows tr.flagged td { background: var(--bad-wash); }
table.rows tr.flagged.warning-only td { background: var(--warn-wash); }
table.rows td.check { white-space: nowrap; }

section.findings { margin-top: 1.2rem; border-left: 4px solid var(--bad); background: #fff8f7; padding: 10px 16px; border-radius: 0 8px 8px 0; }
section.findings.warnings-only { border-left-color: var(--warn); background: #fffaf0; }
section.findings h2 { margin: .2rem 0 .4rem; font-size: 1rem; }
section.findings ol { margin: 0; padding-left: 1.2rem; }
section.findings li { margin: .3rem 0; }
section.findings .where { font-variant-numeric: tabular-nums; color: var(--muted); margin: 0 .4rem; white-space: nowrap; }
section.findings .fix { display: block; color: var(--muted); font-size: .85rem; }
footer { margin-top: 1.2rem; font-size: .78rem; color: var(--muted); overflow-wrap: anywhere; }

/* Medium widths and paper: every other tick label, so that the labels never touch. */
@media (max-width: 1100px) {
  .tick.minor { display: none; }
  .lane { grid-template-columns: 6.5rem 1fr; }  /* more of the width for the blocks */
  .lane-name { white-space: normal; }  /* the name, and the finding badge under it */
}

/* Phones: the timeline turns, the axis running down, one column per room; the table becomes
   one card per segment. */
@media screen and (max-width: 720px) {
  body { font-size: 15px; }
  main { padding: 12px 8px 24px; }
  article.agenda { padding: 16px 14px; border-radius: 8px; }
  h1 { font-size: 1.3rem; }
  .tick.minor { display: inline; }
  figure.timeline { padding: 8px 8px 10px; }
  .lanes { display: flex; gap: 6px; align-items: stretch; }
  .lane { display: flex; flex-direction: column; flex: 1 1 0; min-width: 0; }
  .lane + .lane { margin-top: 0; }
  .lane.axis { flex: 0 0 3.1rem; }
  .lane-name { height: 2.8em; padding: 0 0 4px; white-space: normal; line-height: 1.3; }
  .track, .lane.flagged .track { height: var(--tall); }
  .lane.flagged .track { box-shadow: inset 0 3px 0 var(--bad); }
  .axis .track { height: var(--tall); }
  .tick { top: var(--at); left: 0; transform: translateY(-50%); }
  .tick.first { transform: none; }
  .tick.last { transform: translateY(-100%); }
  .grid { left: 0; right: 0; width: auto; top: var(--at); bottom: auto; height: 0; border-left: 0; border-top: 1px dashed #e3e7ee; }
  .grid.midnight { border-left: 0; border-top: 2px solid #9aa3af; }
  .outside { left: 0; right: 0; width: auto; top: var(--at); bottom: auto; height: var(--span); }
  .block, .block.has-parts, .block.part, .block.depth2 { left: 3px; right: 3px; width: auto; top: var(--at); height: var(--span);
    min-height: 3px; padding: 1px 5px; border-left-width: 1px; border-top-width: 3px; font-size: .78rem; }
  .block.has-parts { right: 52%; }
  .block.part { left: 50%; }
  .block.depth2 { left: 70%; }
  .block.slim { font-size: .78rem; padding: 1px 5px; line-height: 1.3; }
  .block.slim .b-title { -webkit-line-clamp: unset; display: block; }
  .block.short .b-title { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .block.short .b-time { display: none; }
  .block.slim:not(.short):not(.has-parts):not(.part) .b-time { display: block; }
  .flag { display: none; }
  table.rows thead { display: none; }
  table.rows, table.rows tbody { display: block; }
  table.rows tr { display: grid; grid-template-columns: 1fr auto; column-gap: 8px; padding: 8px 8px; border-bottom: 1px solid var(--line); }
  table.rows td { display: block; border: 0; padding: 0; background: transparent !important; }
  table.rows tr.flagged { background: var(--bad-wash); }
  table.rows tr.flagged.warning-only { background: var(--warn-wash); }
  table.rows td.time { grid-column: 1; grid-row: 1; color: var(--muted); font-size: .85rem; }
  table.rows td.check { grid-column: 2; grid-row: 1 / span 2; text-align: right; white-space: normal; }
  table.rows td.item { grid-column: 1; font-weight: 600; order: 1; }
  table.rows td.owner, table.rows td.note, table.rows td.track-name { order: 2; }
  table.rows td.owner, table.rows td.note, table.rows td.track-name { grid-column: 1 / -1; font-size: .85rem; color: var(--muted); }
  table.rows td.owner:empty, table.rows td.note:empty, table.rows td.track-name:empty { display: none; }
  table.rows td[data-label]::before { content: attr(data-label) " · "; font-weight: 600; }
  table.rows tr.part td.item { padding-left: 18px; }
  table.rows tr.depth2 td.item { padding-left: 34px; }
  section.findings { padding: 8px 10px; }
}

@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { background: #fff; font-size: 11pt; }
  main { padding: 0; max-width: none; }
  article.agenda { border: 0; padding: 0; }
  .lane { grid-template-columns: 7rem 1fr; }
  figure.timeline, table.rows tr, section.findings li { break-inside: avoid; }
  h2 { break-after: avoid; }
  figure.timeline, .block, .badge, section.findings, table.rows tr.flagged td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def esc(text: object) -> str:
    """Text for HTML: escaped, and control characters shown as ``\\x1b`` (line breaks and tabs stay)."""
    return html.escape(lines_text(str(text)), quote=True)


def render(agendas: list[AgendaRows], color: bool = False, **options: Any) -> str:
    lang = agendas[0].lang if agendas else "en"
    title = agendas[0].title if len(agendas) == 1 else " · ".join(a.title for a in agendas)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="tfagenda">',
        f"<title>{esc(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
    ]
    for agenda in agendas:
        out += _agenda(agenda, many=len(agendas) > 1)
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def _badge_class(finding: Finding) -> str:
    """A note (``info``) is drawn as a warning is, and says what it is in its class."""
    return {Severity.ERROR: "", Severity.INFO: " warning info"}.get(finding.severity, " warning")


def _severity_class(findings: list[Finding]) -> str:
    if not findings:
        return ""
    return " flagged" + ("" if any(f.severity is Severity.ERROR for f in findings) else " warning-only")


def _agenda(agenda: AgendaRows, many: bool) -> list[str]:
    said = words(agenda.lang)
    out = [f'<article class="agenda" lang="{esc(agenda.lang)}">', "<header>", f"<h1>{esc(agenda.title)}</h1>"]
    meta = []
    if len(agenda.days) == 1:
        when = " ".join(day_when(agenda.days[0], agenda.lang))
        if when:
            meta.append((said["date"], when + (f" ({agenda.timezone})" if agenda.timezone else "")))
        venue = agenda.days[0].venue or agenda.venue
    else:
        dates = agenda.dates
        if dates:
            meta.append(
                (
                    said["date"],
                    f"{dates[0].isoformat()} – {dates[-1].isoformat()}"
                    + (f" ({agenda.timezone})" if agenda.timezone else ""),
                )
            )
        venue = agenda.venue
    if venue:
        meta.append((said["venue"], venue))
    if meta:
        out.append(
            '<dl class="meta">'
            + "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in meta)
            + "</dl>"
        )
    out.append("</header>")
    for day in agenda.days:
        out.append('<section class="day">')
        if len(agenda.days) > 1:
            heading = " · ".join(
                b for b in (" ".join(day_when(day, agenda.lang)), day.title or "", day.venue or "") if b
            )
            out.append(f"<h2>{esc(heading)}</h2>")
        out += _timeline(day, agenda)
        out += _table(day, agenda.lang, agenda.messages_lang)
        out.append("</section>")
    out += _findings(agenda)
    out.append(f"<footer>{esc(agenda.path)} · tfagenda</footer>")
    out.append("</article>")
    return out


# --- the timeline -------------------------------------------------------------------------------


def _pct(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return f"{text}%"


def _ticks(first: int, last: int) -> list[int]:
    length = max(1, last - first)
    # Past the steps (an axis of days): whole days, at most _MAX_TICKS of them, however long the axis.
    days = -(-length // ((_MAX_TICKS - 1) * MINUTES_PER_DAY))
    step = next((s for s in _TICK_STEPS if length / s <= _MAX_TICKS - 1), days * MINUTES_PER_DAY)
    start = -(-first // step) * step
    return list(range(start, last + 1, step))


def narrow_tall(length: int) -> int:
    """The height in pixels of the timeline on a phone, where the axis runs down: ``length`` minutes."""
    low, high = NARROW_TALL
    return max(low, min(high, length * NARROW_PX_PER_MINUTE))


def _timeline(day: DayRows, agenda: AgendaRows) -> list[str]:
    span = day.span
    if span is None or span[1] <= span[0]:
        return []
    first, last = span
    length = last - first

    def x(minute: int) -> float:
        return (minute - first) * 100 / length

    said = words(agenda.lang)
    label = said["timeline"] + (f" · {said['slot']} {slot_text(day.slot)}" if day.slot else "")
    out = [
        f'<figure class="timeline" aria-label="{esc(said["timeline"])}">',
        f"<figcaption>{esc(label)}</figcaption>",
    ]
    ticks = _ticks(first, last)
    tick_html = []
    for number, minute in enumerate(ticks):
        classes = ["tick"]
        if number % 2:
            classes.append("minor")
        if minute == first:
            classes.append("first")
        elif minute == last:
            classes.append("last")
        text = clock(minute)
        if minute == MINUTES_PER_DAY:
            classes.append("midnight")
            text = f"{clock(minute)} {NEXT_DAY}"
        tick_html.append(
            f'<span class="{" ".join(classes)}" style="--at:{_pct(x(minute))}">{esc(text)}</span>'
        )
    out.append(
        f'<div class="lanes" style="--tall:{narrow_tall(length)}px">'
        '<div class="lane axis" aria-hidden="true"><div class="lane-name"></div><div class="track">'
        + "".join(tick_html)
        + "</div></div>"
    )
    background = []
    for minute in ticks:
        if first < minute < last:
            cls = "grid midnight" if minute == MINUTES_PER_DAY else "grid"
            background.append(f'<span class="{cls}" style="--at:{_pct(x(minute))}"></span>')
    if MINUTES_PER_DAY not in ticks and first < MINUTES_PER_DAY < last:
        background.append(f'<span class="grid midnight" style="--at:{_pct(x(MINUTES_PER_DAY))}"></span>')
    if day.slot:
        if day.slot.start > first:
            background.append(
                f'<span class="outside" style="--at:0%;--span:{_pct(x(day.slot.start))}"></span>'
            )
        if day.slot.end < last:
            background.append(
                f'<span class="outside" style="--at:{_pct(x(day.slot.end))};--span:{_pct(100 - x(day.slot.end))}"></span>'
            )
    fallback = f"{day.date.month}/{day.date.day} ({shown_weekday(day, agenda.lang)})" if day.date else ""
    for track in day.tracks:
        out += _lane(track, fallback, agenda.lang, agenda.messages_lang, x, background, narrow_tall(length))
    out += ["</div>", "</figure>"]
    return out


def _lane(
    track: TrackRows,
    fallback: str,
    lang: str,
    messages_lang: str,
    x: Callable[[int], float],
    background: list[str],
    tall: int,
) -> list[str]:
    rows = [row for top in track.rows for row in top.walk()]
    found = [f for row in rows for f in row.findings]
    name = track.name or fallback
    marker = (
        f' <span class="badge{"" if any(f.severity is Severity.ERROR for f in found) else " warning"}">⚠ {len(found)}</span>'
        if found
        else ""
    )
    blocks, flags = [], []
    for row in rows:
        if row.start is None or row.end is None:
            continue
        classes = ["block"]
        if row.depth:
            classes.append("part")
        if row.depth >= 2:
            classes.append("depth2")
        if row.parts and not row.depth:
            classes.append("has-parts")
        if is_break(row):
            classes.append("break")
        left, width = x(row.start), max(x(row.end) - x(row.start), 0.35)
        if width < SLIM_PERCENT:
            classes.append("slim")  # across: a narrow block, with a smaller title and no time
        if width * tall / 100 < SHORT_PX:
            classes.append("short")  # down (a phone): room for one line, the title
        classes.append(_severity_class(row.findings).strip())
        tip = f"{time_text(row, lang)} {row.title}"
        if owner_names(row):
            tip += f" · {owner_names(row)}"
        for finding in row.findings:
            tip += f"\n⚠ {finding.code} {finding.message.say(messages_lang)}"
        blocks.append(
            f'<div class="{" ".join(c for c in classes if c)}" style="--at:{_pct(left)};--span:{_pct(width)}" title="{esc(tip)}">'
            f'<span class="b-title">{esc(row.title)}</span><span class="b-time">{esc(time_text(row, lang))}</span></div>'
        )
        if row.findings:
            # The flag sits under the block, outside it, so that a five-minute block still shows its codes.
            severity = "" if any(f.severity is Severity.ERROR for f in row.findings) else " warning"
            anchor = f"left:{_pct(left)}" if left < 60 else f"right:{_pct(100 - left - width)}"
            codes = " ".join(f.code for f in row.findings)
            flags.append(
                f'<span class="flag badge{severity}" style="{anchor}" title="{esc(tip)}">⚠ {esc(codes)}</span>'
            )
    lane_class = "lane flagged" if found else "lane"
    return [
        f'<div class="{lane_class}"><div class="lane-name" title="{esc(name)}">{esc(name)}{marker}</div>'
        f'<div class="track">{"".join(background)}{"".join(blocks)}{"".join(flags)}</div></div>'
    ]


# --- the table ----------------------------------------------------------------------------------


def _table(day: DayRows, lang: str, messages_lang: str) -> list[str]:
    shown = columns(day, lang, skip_empty=True)
    labels = {column.key: column.label for column in shown}
    out = [
        '<table class="rows">',
        "<thead><tr>"
        + "".join(f'<th scope="col">{esc(column.label)}</th>' for column in shown)
        + "</tr></thead>",
        "<tbody>",
    ]
    for row in day.rows:
        classes = []
        if row.depth:
            classes.append("part")
        if row.depth >= 2:
            classes.append("depth2")
        if is_break(row):
            classes.append("break")
        classes.append(_severity_class(row.findings).strip())
        cls = " ".join(c for c in classes if c)
        cells = "".join(_cell(column.key, row, lang, messages_lang, labels[column.key]) for column in shown)
        out.append(f"<tr{f' class={chr(34)}{cls}{chr(34)}' if cls else ''}>" + cells + "</tr>")
    out += ["</tbody>", "</table>"]
    return out


def _cell(key: str, row: Row, lang: str, messages_lang: str, label: str) -> str:
    # data-label: on a phone the table is one card per segment, and these cells say what they are.
    labelled = f' data-label="{esc(label)}"'
    if key == "time":
        return f'<td class="time">{esc(time_text(row, lang))}</td>'
    if key == "track":
        return f'<td class="track-name"{labelled}>{esc(row.track or "")}</td>'
    if key == "item":
        return f'<td class="item">{esc(row.title)}</td>'
    if key == "owner":
        shown = owner_text(row)
        written = f' title="{esc(row.owner)}"' if row.owner != shown else ""
        return f'<td class="owner"{labelled}{written}>{esc(shown)}</td>'
    if key == "note":
        return f'<td class="note"{labelled}>{esc(row.note)}</td>'
    if key == "check":
        badges = " ".join(
            f'<span class="badge{_badge_class(f)}" title="{esc(f.message.say(messages_lang))}">⚠ {esc(f.code)}</span>'
            for f in row.findings
        )
        return f'<td class="check">{badges}</td>'
    raise ValueError(f"html has no column {key!r}")


def _findings(agenda: AgendaRows) -> list[str]:
    if not agenda.findings:
        return []
    ordered = sorted(agenda.findings, key=lambda f: f.sort_key)
    warnings_only = not any(f.severity is Severity.ERROR for f in ordered)
    out = [
        f'<section class="findings{" warnings-only" if warnings_only else ""}">',
        f"<h2>⚠ {esc(words(agenda.lang)['findings'])} ({len(ordered)})</h2>",
        "<ol>",
    ]
    for finding in ordered:
        severity = str(finding.severity)
        where = finding_at(finding, agenda.lang, column=True)
        fix = (
            f'<span class="fix">→ {esc(finding.fix.description.say(agenda.messages_lang))}</span>'
            if finding.fix
            else ""
        )
        out.append(
            f'<li class="{esc(severity)}"><span class="badge{_badge_class(finding)}">{esc(finding.code)}</span>'
            f'<span class="where">{esc(where)}</span>[{esc(severity)}] {esc(finding.message.say(agenda.messages_lang))}{fix}</li>'
        )
    out += ["</ol>", "</section>"]
    return out
