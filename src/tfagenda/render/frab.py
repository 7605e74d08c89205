"""``render --format frab-xml`` and ``frab-json``: the c3voc/frab conference schedule formats.

The ``schedule.xml`` of pentabarf/frab/pretalx (valid against c3voc's ``schedule.xml.xsd``) and its
JSON twin (the shape of frab's ``schedule.json``), which conference apps, signage and the video
team's tools read. One agenda is one conference: each meeting day a ``day``, each track a room
(a meeting without tracks is one room, named after its venue), each top-level segment an event
(a segment's parts go in its description: as events of their own they would overlap their parent
in the same room).

Both need dates and a ``timezone`` (every time in them carries a UTC offset), and one agenda at a
time; otherwise ``RenderError``. Everything is deterministic: event ``guid``s are uuid5 of the
conference acronym, the date and where the segment sits in the file; ids count from 1; the
schedule ``version`` is a hash of the content, so it changes exactly when the schedule does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
import unicodedata
import uuid
import xml.etree.ElementTree as ET
from typing import Any

from tfagenda.messages import T
from tfagenda.render import RenderError
from tfagenda.render.rows import AgendaRows, DayRows, Row
from tfagenda.render.view import clock, finding_text, is_break, lines_text, one_line, owner_names
from tfagenda.report import json_text
from tfagenda.textwidth import visible

# The "$schema" frab-json declares (a name, not fetched).
JSON_SCHEMA = "https://c3voc.de/schedule/schema.json"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "tfagenda:frab")


def render(agendas: list[AgendaRows], color: bool = False, **options: Any) -> str:
    if len(agendas) != 1:
        raise RenderError(
            T(
                "a frab schedule is one conference: render one agenda file at a time, not {count}",
                count=len(agendas),
            )
        )
    schedule = schedule_data(agendas[0])
    if options.get("format") == "frab-xml":
        return to_xml(schedule)
    return json_text({"$schema": JSON_SCHEMA, "schedule": schedule}, indent=2) + "\n"


def slugify(text: str) -> str:
    """ASCII lowercase letters, digits and ``_``: ``"Q1 priorities"`` → ``"q1_priorities"``; Hangul drops out."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text).strip("_")


def _keeps_most(text: str, slug: str) -> bool:
    """Whether the slug keeps at least half of the text's letters and digits (not so for Hangul)."""
    return len(slug.replace("_", "")) * 2 >= sum(ch.isalnum() for ch in text)


def acronym_of(agenda: AgendaRows) -> str:
    """A conference acronym from the title, else the file name (``[a-z0-9_]{4,}``, as both schemas want).

    The title is used when its slug keeps most of it (a Hangul title's slug keeps only its digits).
    """
    stem = agenda.path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    title_slug = slugify(agenda.title)
    candidates = (
        [title_slug, slugify(stem)] if _keeps_most(agenda.title, title_slug) else [slugify(stem), title_slug]
    )
    for candidate in candidates:
        if len(candidate) >= 4:
            return candidate[:60].strip("_")
    return "agenda_" + hashlib.sha256(agenda.title.encode()).hexdigest()[:8]


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _room_name(agenda: AgendaRows, day: DayRows, name: str | None) -> str:
    return one_line(name or day.venue or agenda.venue or agenda.title)


def schedule_data(agenda: AgendaRows) -> dict[str, Any]:
    """The schedule as frab's JSON has it (``schedule`` without the ``$schema`` wrapper)."""
    if any(day.date is None for day in agenda.days):
        raise RenderError(
            T(
                "{path}: a frab schedule needs a date for every day; add `date:` (YYYY-MM-DD)",
                path=visible(agenda.path),
            )
        )
    tz = agenda.tzinfo
    if tz is None:
        raise RenderError(
            T(
                "{path}: a frab schedule needs the agenda's `timezone:` (an IANA name such as Asia/Seoul)",
                path=visible(agenda.path),
            )
        )
    acronym = acronym_of(agenda)
    person_ids = {pid: index for index, pid in enumerate(agenda.people, 1)}
    next_id = 1
    rooms: dict[str, str] = {}  # name -> guid, in order of appearance
    steps: list[int] = []
    days: list[dict[str, Any]] = []
    for number, day in enumerate(agenda.days, 1):
        assert day.date is not None
        span = day.span or (0, 0)
        day_rooms: dict[str, list[dict[str, Any]]] = {}
        for track in day.tracks:
            room = _room_name(agenda, day, track.name)
            rooms.setdefault(room, str(uuid.uuid5(_NAMESPACE, f"{acronym}/room/{room}")))
            events = day_rooms.setdefault(room, [])
            for row in track.rows:
                if row.start is None or row.end is None:
                    continue  # not placed: no time to give it (the findings say why)
                event = _event(agenda, day, row, room, next_id, acronym, person_ids)
                events.append(event)
                steps += [row.start, row.duration or 0]
                next_id += 1
        start, end = day.moment(span[0], tz), day.moment(span[1], tz)
        assert start is not None and end is not None
        days.append(
            {
                "index": number,
                "date": day.date.isoformat(),
                "day_start": start.isoformat(),
                "day_end": end.isoformat(),
                "rooms": day_rooms,
            }
        )
    last_end = dt.date.fromisoformat(days[-1]["day_end"][:10]) if days else None
    slot_step = math.gcd(*steps) if steps else 0
    conference = {
        "acronym": acronym,
        "title": one_line(agenda.title),
        "start": agenda.days[0].date.isoformat() if agenda.days and agenda.days[0].date else None,
        "end": last_end.isoformat() if last_end else None,
        "daysCount": len(days),
        "timeslot_duration": _hhmm(slot_step if 0 < slot_step <= 60 else 5),
        "time_zone_name": agenda.timezone,
        "rooms": [{"name": name, "guid": guid} for name, guid in rooms.items()],
        "days": days,
    }
    version = hashlib.sha256(json.dumps(conference, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[
        :12
    ]
    return {"version": version, "conference": conference}


def _event(
    agenda: AgendaRows,
    day: DayRows,
    row: Row,
    room: str,
    number: int,
    acronym: str,
    person_ids: dict[str, int],
) -> dict[str, Any]:
    assert row.start is not None and row.duration is not None and day.date is not None
    moment = day.moment(row.start, agenda.tzinfo)
    assert moment is not None
    persons = []
    for owner, name in zip(row.person_ids, row.people):
        if owner not in person_ids:
            person_ids[owner] = len(person_ids) + 1
        persons.append({"id": person_ids[owner], "public_name": one_line(name)})
    description = []
    for part in list(row.walk())[1:]:
        indent = "  " * (part.depth - row.depth - 1)
        owner = f" ({one_line(owner_names(part))})" if owner_names(part) else ""
        description.append(
            f"{indent}- {clock(part.start) if part.start is not None else '?'} {one_line(part.title)}{owner}"
        )
    found = [f for r in row.walk() for f in r.findings]
    if found:
        description += [""] if description else []
        description += [f"⚠ {one_line(finding_text(f, agenda.lang, agenda.messages_lang))}" for f in found]
    title_slug = slugify(row.title)
    if len(title_slug) < 3 or not _keeps_most(row.title, title_slug):
        kind_slug = slugify(row.kind)
        title_slug = kind_slug if len(kind_slug) >= 3 else "segment"
    kind = one_line(row.kind)
    return {
        "url": None,
        "id": number,
        "guid": str(uuid.uuid5(_NAMESPACE, f"{acronym}/{day.date.isoformat()}/{day.index}/{row.key}")),
        "logo": None,
        "date": moment.isoformat(),
        "start": clock(row.start),
        "duration": _hhmm(row.duration),
        "room": room,
        "slug": f"{acronym}-{number}-{title_slug}",
        "title": one_line(row.title),
        "subtitle": "",
        "track": kind or "",
        "type": "break" if is_break(row) else (kind or "meeting"),
        "language": agenda.lang,
        "abstract": lines_text(row.note),
        "description": "\n".join(description),
        "recording_license": "",
        "do_not_record": False,
        "persons": persons,
        "links": [],
        "attachments": [],
    }


def to_xml(schedule: dict[str, Any]) -> str:
    """The same schedule as ``schedule.xml`` (element order as the XSD has it)."""
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name="tfagenda")
    ET.SubElement(root, "version").text = schedule["version"]
    conf = schedule["conference"]
    conference = ET.SubElement(root, "conference")
    for key, tag in (
        ("acronym", "acronym"),
        ("title", "title"),
        ("start", "start"),
        ("end", "end"),
        ("daysCount", "days"),
        ("timeslot_duration", "timeslot_duration"),
        ("time_zone_name", "time_zone_name"),
    ):
        if conf.get(key) is not None:
            ET.SubElement(conference, tag).text = str(conf[key])
    guids = {room["name"]: room["guid"] for room in conf["rooms"]}
    for day in conf["days"]:
        day_element = ET.SubElement(
            root, "day", index=str(day["index"]), date=day["date"], start=day["day_start"], end=day["day_end"]
        )
        for room, events in day["rooms"].items():
            room_element = ET.SubElement(day_element, "room", name=room, guid=guids[room])
            for event in events:
                element = ET.SubElement(room_element, "event", guid=event["guid"], id=str(event["id"]))
                for key in (
                    "date",
                    "start",
                    "duration",
                    "room",
                    "slug",
                    "title",
                    "subtitle",
                    "track",
                    "type",
                    "language",
                    "abstract",
                    "description",
                ):
                    ET.SubElement(element, key).text = event[key] or ""
                persons = ET.SubElement(element, "persons")
                for person in event["persons"]:
                    ET.SubElement(persons, "person", id=str(person["id"])).text = person["public_name"]
                ET.SubElement(element, "links")
                ET.SubElement(element, "attachments")
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
