"""Issue 17: the frab XML's two readers give the same schedule, to the place of every value.

The tree reader (xml.etree's C parser, places from start-tag offsets, worked out when needed) is
compared with the expat reader (expat's own line and column for every element and text), which
the reader used alone before: on the real schedules, the fixtures and texts made to reach each
case where offsets alone cannot say what expat says (a comment or CDATA in a text, text beside
child elements, a ">" in an attribute value, line breaks inside tags and texts, "\\r\\n").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from tfagenda.importers import import_document
from tfagenda.importers.frab import xml_reader
from tfagenda.importers.frab.schedule import Field, Schedule, ScheduleError
from tfagenda.positions import LineIndex

REAL = REPO.parent / "shared" / "reference" / "real"
FIXTURES = REPO / "tests" / "fixtures" / "frab"


def _field(found: Field | None) -> Any:
    return None if found is None else (found.value, found.node)


def _places(schedule: Schedule) -> list[Any]:
    """Every value of the schedule with its place (each place worked out)."""
    out: list[Any] = [
        ("schedule", schedule.node, schedule.conference, schedule.days_node, schedule.source_events),
        [_field(f) for f in (schedule.title, schedule.acronym, schedule.timezone, schedule.day_change)],
    ]
    for day in schedule.days:
        out.append(("day", day.node, _field(day.date), _field(day.start), _field(day.end), day.rooms_node))
        for room in day.rooms:
            out.append(("room", room.name, room.node, room.name_node))
            for event in room.events:
                fields = sorted((name, _field(found)) for name, found in event.fields.items())
                out.append(("event", event.node, event.label.say("en"), event.persons_node, fields))
                out.extend(("person", p.id, p.name, p.node) for p in event.persons or ())
    return out


def _by_tree(text: str) -> tuple[list[Any], xml_reader._TreeReader]:
    reader = xml_reader._TreeReader(text, LineIndex(text))
    return _places(xml_reader._schedule(reader, reader.read())), reader


def _by_expat(text: str) -> list[Any]:
    reader = xml_reader._ExpatReader(text, LineIndex(text))
    return _places(xml_reader._schedule(reader, reader.read()))


def _xml_files() -> list[Path]:
    return sorted(FIXTURES.glob("*.xml")) + (sorted(REAL.glob("*.xml")) if REAL.is_dir() else [])


@pytest.mark.parametrize("path", _xml_files(), ids=lambda path: path.name)
def test_the_tree_reader_places_every_value_of_a_real_schedule_as_expat_does(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    tree, reader = _by_tree(text)
    assert tree == _by_expat(text)
    # and on its own: no place of these files needed expat (the fast path is the one taken)
    assert reader._expat is None


@pytest.mark.parametrize("path", _xml_files(), ids=lambda path: path.name)
def test_an_import_without_places_gives_the_same_data_and_problems(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    with_places = import_document(text, str(path), "frab-xml")
    without = import_document(text, str(path), "frab-xml", places=False)
    assert without.data == with_places.data
    assert without.nodes == {}
    said = [(p.code, p.span, p.message.say("en")) for p in without.problems]
    assert said == [(p.code, p.span, p.message.say("en")) for p in with_places.problems]


def _schedule_text(event: str, *, head: str = '<?xml version="1.0"?>\n<schedule>', room: str = "") -> str:
    return (
        f"{head}\n"
        "  <conference><title>Camp</title><time_zone_name>Europe/Berlin</time_zone_name></conference>\n"
        '  <day index="1" date="2026-07-01" start="2026-07-01T09:00:00+02:00" end="2026-07-01T18:00:00+02:00">\n'
        f'    <room name="Hall{room}">\n'
        f"{event}\n"
        '      <event id="2"><start>11:00</start><duration>00:30</duration><title>Second</title>'
        '<persons><person id="7">Kim</person></persons></event>\n'
        "    </room>\n"
        "  </day>\n"
        "</schedule>\n"
    )


_EVENT = (
    '      <event id="1" guid="g-1">\n'
    "        <date>2026-07-01T10:00:00+02:00</date>\n"
    "        <start>10:00</start>\n"
    "        <duration>00:45</duration>\n"
    "        <room>Hall</room>\n"
    "        <title>{title}</title>\n"
    "        <type>talk</type>\n"
    "        <track>Main</track>\n"
    "        <persons>\n"
    '          <person id="38">{person}</person>\n'
    "        </persons>\n"
    "      </event>"
)


def _event(title: str = "Opening", person: str = "Ana Lee") -> str:
    return _EVENT.format(title=title, person=person)


# (name, text, whether the tree reader reads it, whether a place of it needs expat)
CASES = [
    ("plain", _schedule_text(_event()), True, False),
    ("crlf", _schedule_text(_event()).replace("\n", "\r\n"), True, False),
    ("lone-cr", _schedule_text(_event()).replace("\n", "\r"), True, False),
    ("no-declaration", _schedule_text(_event(), head="<schedule>"), True, False),
    ("entities-in-text", _schedule_text(_event("R&amp;D &lt;3 &#x1F600; &#10;end")), True, False),
    ("korean-and-astral", _schedule_text(_event("개회 🎉 𝄞 talk", "김 😀")), True, False),
    ("spaces-around-text", _schedule_text(_event("  padded \t ", "\n   Ana\n  Lee  ")), True, False),
    ("text-over-lines", _schedule_text(_event("first line\n  second line")), True, False),
    ("whitespace-only-title", _schedule_text(_event("   ")), True, False),
    ("empty-title", _schedule_text(_event("").replace("<title></title>", "<title/>")), True, False),
    ("gt-in-text", _schedule_text(_event("a > b >> c")), True, False),
    (
        "gt-in-attribute",
        _schedule_text(_event().replace('<person id="38">', "<person id=\"3>8\" note='x > y'>")),
        True,
        False,
    ),
    (
        "quote-in-attribute",
        _schedule_text(_event().replace('<person id="38">', "<person id='3\"8'>")),
        True,
        False,
    ),
    (
        "gt-in-attribute-of-a-field",
        _schedule_text(_event().replace("<title>", '<title lang="a>b">')),
        True,
        False,
    ),
    (
        "tag-over-lines",
        _schedule_text(_event().replace('<event id="1" guid="g-1">', '<event\n   id="1"\n   guid="g-1"\n>')),
        True,
        False,
    ),
    (
        "field-tag-over-lines",
        _schedule_text(_event().replace("<title>", '<title\n  lang="en">')),
        True,
        False,
    ),
    ("room-name-attribute-spacing", _schedule_text(_event(), room='" other = "x'), True, False),
    ("comment-between-elements", _schedule_text("      <!-- <event id='x'> -->\n" + _event()), True, False),
    ("comment-in-title", _schedule_text(_event("Open<!-- note -->ing")), True, True),
    ("comment-before-title-text", _schedule_text(_event("<!-- note -->Opening")), True, True),
    ("mixed-content-person", _schedule_text(_event("Opening", "Ana <b>the</b> Lee")), True, False),
    (
        "mixed-content-person-without-id",
        _schedule_text(_event("Opening", "Ana <b>the</b> Lee").replace('<person id="38">', "<person>")),
        True,
        True,
    ),
    (
        "mixed-content-event",
        _schedule_text(_event().replace("<start>", "stray text <start>")),
        True,
        True,
    ),
    (
        "text-before-the-first-child",
        _schedule_text(_event().replace('guid="g-1">', 'guid="g-1">stray')),
        True,
        True,
    ),
    (
        "name-in-child",
        _schedule_text(_event("Opening", "<public_name>Ana Lee</public_name>")),
        True,
        False,
    ),
    (
        "xsi-namespace",
        _schedule_text(
            _event(),
            head='<?xml version="1.0"?>\n<schedule xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
            ' xsi:noNamespaceSchemaLocation="https://c3voc.de/schedule/schema.xsd">',
        ),
        True,
        False,
    ),
    (
        "prefixed-child",
        _schedule_text(_event().replace("<type>talk</type>", '<x:type xmlns:x="urn:x">talk</x:type>')),
        True,
        False,
    ),
    (
        "another-declared-encoding",
        _schedule_text(_event("Eröffnung ü"), head='<?xml version="1.0" encoding="ISO-8859-1"?>\n<schedule>'),
        True,
        False,
    ),
    ("xmlns-in-a-title", _schedule_text(_event("set xmlns = urn:x")), False, False),
    ("cdata", _schedule_text(_event("<![CDATA[a <b> c]]>")), False, False),
    ("default-namespace", _schedule_text(_event(), head='<schedule xmlns="urn:frab">'), False, False),
    ("processing-instruction", _schedule_text("<?tfagenda x?>\n" + _event()), False, False),
    (
        "doctype-without-entities",
        _schedule_text(_event(), head='<?xml version="1.0"?>\n<!DOCTYPE schedule>\n<schedule>'),
        False,
        False,
    ),
    (
        "unbound-prefix",
        _schedule_text(_event().replace("<type>talk</type>", "<x:type>talk</x:type>")),
        False,
        False,
    ),
]


@pytest.mark.parametrize(
    ("text", "tree_reads", "needs_expat"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_the_tree_reader_places_what_expat_places(text: str, tree_reads: bool, needs_expat: bool) -> None:
    if not tree_reads:
        with pytest.raises(xml_reader._Unsuited):
            xml_reader._TreeReader(text, LineIndex(text)).read()
        return
    tree, reader = _by_tree(text)
    assert tree == _by_expat(text)
    assert (reader._expat is not None) == needs_expat


@pytest.mark.parametrize(
    "text",
    [
        '<?xml version="1.0"?>\n<schedule>\n  <conference>\n</schedule>\n',  # not well-formed
        '<?xml version="1.0"?>\n<!DOCTYPE s [\n <!ENTITY a "aaaa">\n]>\n<schedule>&a;</schedule>\n',
        "<schedule>&undefined;</schedule>",
        "<agenda><title>x</title></agenda>",  # not a schedule
        "<x:schedule xmlns:x='urn:x'/>",
    ],
)
def test_what_the_tree_reader_refuses_is_said_as_expat_says_it(text: str) -> None:
    lines = LineIndex(text)
    with pytest.raises(ScheduleError) as by_read_xml:
        xml_reader.read_xml(text, lines)
    reader = xml_reader._ExpatReader(text, lines)
    with pytest.raises(ScheduleError) as by_expat:
        xml_reader._schedule(reader, reader.read())
    assert by_read_xml.value.message.say("en") == by_expat.value.message.say("en")
    assert by_read_xml.value.span == by_expat.value.span


def test_more_elements_than_the_limit_are_refused_where_the_limit_is_passed() -> None:
    from tfagenda.yamldoc import MAX_EXPANDED_VALUES

    text = "<schedule>\n" + "<a/>" * MAX_EXPANDED_VALUES + "\n</schedule>\n"
    with pytest.raises(ScheduleError) as refused:
        xml_reader.read_xml(text, LineIndex(text))
    assert "500,000 values" in refused.value.message.say("en")
    assert (refused.value.span.line, refused.value.span.column) == (2, 4 * (MAX_EXPANDED_VALUES - 1) + 1)


@pytest.mark.parametrize("reader_class", [xml_reader._TreeReader, xml_reader._ExpatReader])
def test_an_attribute_is_placed_at_its_own_value_not_at_text_inside_another_value(reader_class: Any) -> None:
    """Another attribute's value may hold a ">" or text like ``name="..."``: the attribute a value
    comes from is found among the start tag's attributes, not by a search of the tag's text. The
    value's span is the quoted value, quotes and all (it was the opening quote and one character:
    O004 underlined ``"0`` of ``id="0"``)."""
    text = (
        _schedule_text(_event())
        .replace('<day index="1" ', '<day note=\' date="2026-01-01" &gt; x\' index="1" ')
        .replace('<room name="Hall">', '<room note="A > B" name="Hall">')
    )
    lines = LineIndex(text)
    reader = reader_class(text, lines)
    schedule = xml_reader._schedule(reader, reader.read())

    def written(span: Any) -> str:
        begin, end = lines.offsets_of(span)
        return text[begin:end]

    [day] = schedule.days
    [room] = day.rooms
    assert day.date is not None and written(day.date.node.inner) == "2026-07-01"
    assert written(day.date.node.key) == "date"
    assert written(room.name_node.inner) == "Hall"
    assert written(room.name_node.span) == '"Hall"'
    [person] = room.events[0].persons or []
    assert written(person.node.span) == '"38"' and written(person.node.inner) == "38"


def test_a_text_with_characters_xml_does_not_allow_is_read_as_expat_reads_it() -> None:
    """A UTF-16 schedule without a byte-order mark, decoded as UTF-8, has a NUL after every
    character; fed as bytes, xml.etree's parser built a tree with fewer elements than the text's
    start tags, and working out a place failed ("54 start tags for 25 elements", found by the
    fuzzer). Such a text goes to the expat reader, which reads it as it always did."""
    source = (REPO / "tests" / "fixtures" / "frab" / "misdated-days.xml").read_text(encoding="utf-8")
    text = source.encode("utf-16-le").decode("utf-8")
    assert "\x00" in text
    with pytest.raises(xml_reader._Unsuited):
        xml_reader._TreeReader(text, LineIndex(text)).read()
    assert _places(xml_reader.read_xml(text, LineIndex(text))) == _by_expat(text)
