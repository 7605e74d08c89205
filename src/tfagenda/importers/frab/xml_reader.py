"""frab/c3voc schedule.xml → ``Schedule``, with the place of every element, attribute and text.

Two readers, one result (``tests/test_import_frab_xml_readers.py`` compares them):

- The tree reader, for schedules as exporters write them: xml.etree's C parser (expat, without a
  Python call for each element and text) builds the tree, and an element's place is found from its
  start tag's offset: one scan of the text lists the start tags, and the n-th is the n-th element
  in document order. Places are worked out when first asked for (``Place``s: ``tfagenda import``
  asks only for those of what it reports). It takes a text whose markup is elements, comments and
  an XML declaration, without a default namespace; a place that offsets cannot give as expat would
  (a comment inside a text, text beside child elements) is asked of the expat reader, run once.
- The expat reader, for everything else and every error: expat calls back for every element and
  text and reports where it is. Entity declarations (XML bombs, external files) are refused, and
  the file's message and place are expat's. The tree reader never sees a DOCTYPE, nor more start
  tags than the limit of values.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
import xml.parsers.expat
from bisect import bisect_right
from collections.abc import Iterator
from functools import partial
from typing import Any, Protocol

from tfagenda.importers.frab.schedule import (
    EVENT_FIELDS,
    PERSON_ID_KEYS,
    Day,
    Event,
    Field,
    Person,
    Place,
    Room,
    Schedule,
    ScheduleError,
    event_label,
    too_many,
)
from tfagenda.messages import T
from tfagenda.positions import LineIndex
from tfagenda.yamldoc import MAX_EXPANDED_VALUES, Node
from tfagenda.yamldoc.document import Where


class _Element:
    """An element as the expat reader records it: what xml.etree's elements offer the walk
    (``tag``, ``get``, children by iteration), with its place."""

    __slots__ = ("tag", "attrib", "start", "children", "text", "text_start", "text_end")

    def __init__(self, tag: str, attrib: dict[str, str], start: int) -> None:
        self.tag = tag
        self.attrib = attrib
        self.start = start  # offset of "<"
        self.children: list[_Element] = []
        self.text = ""  # every text directly inside, child elements left out
        self.text_start = -1
        self.text_end = -1  # offset of the closing tag's "<"

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrib.get(name, default)

    def find(self, tag: str) -> _Element | None:
        """The first child named ``tag``."""
        for child in self.children:
            if child.tag == tag:
                return child
        return None

    def __iter__(self) -> Iterator[_Element]:
        return iter(self.children)

    def __len__(self) -> int:
        return len(self.children)


class _AnyElement(Protocol):
    """An ``_Element`` or an xml.etree element, as the walk uses them."""

    tag: str

    def get(self, name: str, default: str | None = None) -> str | None: ...
    def find(self, tag: str) -> Any: ...
    def __iter__(self) -> Iterator[Any]: ...
    def __len__(self) -> int: ...


class _Places:
    """Spans from offsets, and the places of elements and attributes (``start_of`` and ``text_place``
    are the reader's)."""

    def __init__(self, text: str, lines: LineIndex) -> None:
        self.text = text
        self.lines = lines
        self.plain_lines = "\r" not in text and not lines.skip_bom
        self.events = 0  # <event> elements anywhere in the file

    def start_of(self, element: Any) -> int:
        """The offset of the element's "<"."""
        raise NotImplementedError

    def text_of(self, element: Any) -> str:
        """Every text directly inside the element (between its child elements too)."""
        raise NotImplementedError

    def text_place(self, element: Any, tag_end: int) -> tuple[int, int]:
        """Where the element's text runs: from its first character to the closing tag's "<"."""
        raise NotImplementedError

    def _where(self, start: int, end: int) -> Where:
        """The span from offset ``start`` to ``end``, as the tuple ``Node`` makes a ``Span`` of when
        it is read (most never are: a 20,000-event schedule has 300,000)."""
        if self.plain_lines:  # no "\r" (no place inside a "\r\n"), columns count every character
            starts = self.lines.starts
            line = bisect_right(starts, start)
            if line == len(starts) or end < starts[line]:  # on one line (most are): one search
                first = starts[line - 1] - 1
                return (line, start - first, line, end - first)
            end_line = bisect_right(starts, end)
            return (line, start - starts[line - 1] + 1, end_line, end - starts[end_line - 1] + 1)
        lines = self.lines
        return (*lines.line1_column1(start), *lines.line1_column1(end))

    def place(self, element: Any, key: bool = False) -> Place:
        """``node``, worked out when it is first needed."""
        return partial(self.node, element, key)

    def field(self, element: Any) -> Field:
        """The element's text, stripped, and its place."""
        return Field(self.text_of(element).strip(), partial(self.node, element, False))

    def attr_place(self, element: Any, name: str) -> Place:
        """``attr_node``, worked out when it is first needed."""
        return partial(self.attr_node, element, name)

    def node(self, element: Any, key: bool = False) -> Node:
        """The element's span: from its tag to its end; ``inner`` is its text, stripped."""
        start = self.start_of(element)
        tag_end = self.text.find(">", start)
        tag_span = self._where(start, tag_end + 1 if tag_end >= 0 else start + 1)
        if self.text_of(element).strip():
            text_start, text_end = self.text_place(element, tag_end)
            raw = self.text[text_start:text_end]
            lead = len(raw) - len(raw.lstrip())
            trail = len(raw) - len(raw.rstrip())
            inner = self._where(text_start + lead, text_end - trail)
            return Node(inner, inner, False, tag_span)
        return Node(tag_span, tag_span, False, tag_span if key else None)

    def attr_node(self, element: Any, name: str) -> Node:
        """The span of an attribute's value inside the start tag (the tag, if it cannot be found)."""
        start = self.start_of(element)
        # The tag's attributes one after another: another attribute's value may hold a ">" or text
        # that reads like ``name="..."``, which a search of the tag's text would take.
        whole = _WHOLE_START_TAG.match(self.text, start)
        tag = self.text[start : whole.end() if whole is not None else start]
        match = next((m for m in _ATTRIBUTE.finditer(tag) if m["name"] == name), None)
        if not match:
            return self.node(element)
        key_span = self._where(start + match.start() + 1, start + match.start() + 1 + len(name))
        value_span = self._where(start + match.start("quote"), start + match.end())  # quotes and all
        inner = self._where(start + match.start("value"), start + match.end("value"))
        return Node(value_span, inner, False, key_span)


class _ExpatReader(_Places):
    def __init__(self, text: str, lines: LineIndex) -> None:
        super().__init__(text, lines)
        self.in_order: list[_Element] = []  # every element, in document order

    def start_of(self, element: _Element) -> int:
        return element.start

    def text_of(self, element: _Element) -> str:
        return element.text

    def text_place(self, element: _Element, tag_end: int) -> tuple[int, int]:
        return element.text_start, element.text_end

    def read(self) -> _Element:
        parser = xml.parsers.expat.ParserCreate()
        stack: list[_Element] = []
        root: list[_Element] = []
        in_order = self.in_order

        # ``LineIndex.offset_of_line1_column0``, inline: it runs twice for every element.
        starts = self.lines.starts
        line_count = len(starts)

        def here() -> int:
            line = parser.CurrentLineNumber
            return starts[(line if line < line_count else line_count) - 1] + parser.CurrentColumnNumber

        elements = [0]

        def start(tag: str, attrs: dict[str, str]) -> None:
            elements[0] += 1
            if tag == "event":
                self.events += 1
            if elements[0] > MAX_EXPANDED_VALUES:
                raise too_many(self.lines, here())
            element = _Element(tag, attrs, here())
            in_order.append(element)
            if stack:
                stack[-1].children.append(element)
            else:
                root.append(element)
            stack.append(element)

        def end(tag: str) -> None:
            element = stack.pop()
            element.text_end = here()

        def data(chunk: str) -> None:
            if stack:
                element = stack[-1]
                if element.text_start < 0:
                    element.text_start = here()
                element.text += chunk

        def refuse_entities(*_: Any) -> None:
            # Entity declarations are how XML bombs and external-file reads work; a schedule has none.
            raise ScheduleError(
                T(
                    "the XML declares entities, which a schedule does not need; remove the DOCTYPE's entity"
                    " declarations"
                ),
                self.lines.span(here(), here() + 1),
            )

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = data
        parser.EntityDeclHandler = refuse_entities
        try:
            parser.Parse(self.text, True)
        except xml.parsers.expat.ExpatError as error:
            at = self.lines.offset_of_line1_column0(error.lineno, error.offset)
            message = xml.parsers.expat.ErrorString(error.code)
            span = self.lines.span(at, at + 1)
            raise ScheduleError(
                T(
                    "the file is not valid XML: {what} at {line}:{column}",
                    what=message,
                    line=span.line,
                    column=span.column,
                ),
                span,
            ) from None
        return root[0]


class _Unsuited(Exception):
    """The tree reader cannot place this text's elements as expat does: the expat reader reads it."""


# A start tag's "<" (not "</", "<?" or "<!"); with comments in the text, comments too (left out after).
_START_TAG = re.compile(r"<(?![/?!])")
_START_TAG_OR_COMMENT = re.compile(r"<!--.*?-->|<(?![/?!])", re.DOTALL)
_DEFAULT_NAMESPACE = re.compile(r"\sxmlns\s*=")
# Characters XML 1.0 does not allow: xml.etree's parser, fed bytes, may read past a NUL and build a
# tree with fewer elements than the text has start tags (a UTF-16 file read as UTF-8).
_NOT_XML_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A whole start tag, to find its real end when an attribute value may hold a ">".
_WHOLE_START_TAG = re.compile(r"""<[^\s/>]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*/?>""")
# One attribute of a whole start tag.
_ATTRIBUTE = re.compile(r"""\s(?P<name>[^\s=/>]+)\s*=\s*(?P<quote>["'])(?P<value>.*?)(?P=quote)""", re.DOTALL)


def _declares_default_namespace(text: str) -> bool:
    at = text.find("xmlns")
    while at >= 0:  # at each of the few "xmlns" (a search by the pattern tries every character)
        if at and _DEFAULT_NAMESPACE.match(text, at - 1):
            return True
        at = text.find("xmlns", at + 5)
    return False


class _TreeReader(_Places):
    def __init__(self, text: str, lines: LineIndex) -> None:
        super().__init__(text, lines)
        self.root: ElementTree.Element | None = None
        # Made when the first place is worked out (``tfagenda import`` of a clean file never does):
        self._starts: list[int] | None = None  # each element's "<", in document order
        self._ordinals: dict[int, int] | None = None  # id(element) → its place in document order
        self._expat: _ExpatReader | None = None  # for the elements whose places only expat knows

    def ordinal_of(self, element: ElementTree.Element) -> int:
        if self._ordinals is None:
            assert self.root is not None
            text = self.text
            if "<!--" in text:
                starts = [
                    m.start() for m in _START_TAG_OR_COMMENT.finditer(text) if text[m.start() + 1] != "!"
                ]
            else:
                starts = [m.start() for m in _START_TAG.finditer(text)]
            ordinals = {id(element): at for at, element in enumerate(self.root.iter())}
            if len(ordinals) != len(starts):  # cannot be (the text's markup was checked): never a wrong place
                raise AssertionError(f"{len(starts)} start tags for {len(ordinals)} elements")
            self._starts, self._ordinals = starts, ordinals
        return self._ordinals[id(element)]

    def start_of(self, element: ElementTree.Element) -> int:
        ordinal = self.ordinal_of(element)
        return self._starts[ordinal]  # type: ignore[index]

    def text_of(self, element: ElementTree.Element) -> str:
        if not len(element):
            return element.text or ""
        return (element.text or "") + "".join(child.tail or "" for child in element)

    def field(self, element: ElementTree.Element) -> Field:
        # ``_Places.field`` with ``text_of`` inline: it runs for most elements read
        text = (element.text or "") if not len(element) else self.text_of(element)
        return Field(text.strip(), partial(self.node, element, False))

    def text_place(self, element: ElementTree.Element, tag_end: int) -> tuple[int, int]:
        text = self.text
        if len(element):
            raise _Unsuited  # text beside child elements: expat says where each piece is
        start = self.start_of(element)
        if text.find('"', start, tag_end) >= 0 or text.find("'", start, tag_end) >= 0:
            # an attribute value may hold a ">": the tag ends where its last attribute does
            whole = _WHOLE_START_TAG.match(text, start)
            if whole is None:
                raise _Unsuited
            tag_end = whole.end() - 1
        close = text.find("<", tag_end + 1)
        if not text.startswith("</", close):
            raise _Unsuited  # a comment in the text
        return tag_end + 1, close

    def node(self, element: ElementTree.Element, key: bool = False) -> Node:
        try:
            return self._node(element, key)
        except _Unsuited:
            pass
        if self._expat is None:
            self._expat = _ExpatReader(self.text, self.lines)
            self._expat.read()
        return self._expat.node(self._expat.in_order[self.ordinal_of(element)], key)

    def _node(self, element: ElementTree.Element, key: bool) -> Node:
        # ``_Places.node``, with the common cases inline: a leaf whose text is on the line of its
        # tags, and an element with children and no text, its start tag on one line.
        text = self.text
        start = self.start_of(element)
        tag_end = text.find(">", start)
        line_starts = self.lines.starts
        line = bisect_right(line_starts, start)
        on_one_line = (
            self.plain_lines and tag_end >= 0 and (line == len(line_starts) or tag_end < line_starts[line])
        )
        if len(element):
            for child in element:
                if child.tail and not child.tail.isspace():
                    raise _Unsuited  # text beside child elements: expat says where each piece is
            if (element.text and not element.text.isspace()) or not on_one_line:
                return super().node(element, key)
            first = line_starts[line - 1] - 1
            tag_span = (line, start - first, line, tag_end + 1 - first)
            return Node(tag_span, tag_span, False, tag_span if key else None)
        content = element.text
        if (
            not on_one_line
            or text.find('"', start, tag_end) >= 0  # an attribute value may hold a ">"
            or text.find("'", start, tag_end) >= 0
        ):
            return super().node(element, key)
        first = line_starts[line - 1] - 1
        tag_span = (line, start - first, line, tag_end + 1 - first)
        if not content or content.isspace():
            return Node(tag_span, tag_span, False, tag_span if key else None)
        close = text.find("<", tag_end + 1)
        if not text.startswith("</", close):
            raise _Unsuited  # a comment in the text
        text_start = tag_end + 1
        if (
            (line != len(line_starts) and close >= line_starts[line])
            or text[text_start].isspace()
            or text[close - 1].isspace()
        ):
            return super().node(element, key)
        inner = (line, text_start - first, line, close - first)
        return Node(inner, inner, False, tag_span)

    def read(self) -> ElementTree.Element:
        text = self.text
        if (
            text.startswith("\ufeff")
            or text.find("<?", 1) >= 0  # processing instructions other than the XML declaration
            or text.count("<!") != text.count("<!--")  # DOCTYPE (entities), CDATA
            or _declares_default_namespace(text)
            or _NOT_XML_CHARACTERS.search(text)  # expat refuses them in a str, but not always in bytes
        ):
            raise _Unsuited
        # Start tags at most: "<" less end tags, comments and the XML declaration. Over the limit,
        # the expat reader stops where the limit is passed (nothing is built past it).
        if (
            text.count("<") - text.count("</") - text.count("<!--") - text.startswith("<?")
            > MAX_EXPANDED_VALUES
        ):
            raise _Unsuited
        # UTF-8 whatever the declaration says, as expat reads a str (the text is decoded already);
        # bytes, because xml.etree's parser reads them faster than a str
        parser = ElementTree.XMLParser(encoding="utf-8")
        try:
            parser.feed(text.encode("utf-8"))
            root = parser.close()
        except (ElementTree.ParseError, UnicodeEncodeError):
            raise _Unsuited from None  # the expat reader's message and place
        if root.tag.startswith("{"):
            raise _Unsuited  # a prefixed root: its name as written
        self.root = root
        self.events = sum(1 for _ in root.iter("event"))
        return root


def read_xml(text: str, lines: LineIndex) -> Schedule:
    try:
        tree_reader = _TreeReader(text, lines)
        return _schedule(tree_reader, tree_reader.read())
    except _Unsuited:
        pass
    expat_reader = _ExpatReader(text, lines)
    return _schedule(expat_reader, expat_reader.read())


def _first_children(element: _AnyElement) -> dict[str, Any]:
    """The element's first child of each name."""
    first: dict[str, Any] = {}
    for child in element:
        if child.tag not in first:
            first[child.tag] = child
    return first


def _schedule(reader: _Places, root: Any) -> Schedule:
    if root.tag != "schedule":
        raise ScheduleError(
            T(
                "this XML is not a frab/pretalx schedule: its root element is <{tag}>, not <schedule>",
                tag=root.tag,
            ),
            reader.node(root).key or reader.node(root).span,
        )
    conference = _first_children(root).get("conference")
    result = Schedule(reader.place(root), reader.place(conference if conference is not None else root))
    result.source_events = reader.events

    def element_field(found: Any) -> Field | None:
        return reader.field(found) if found is not None else None

    def attr_field(element: Any, name: str) -> Field | None:
        value = element.get(name)
        if value is None:
            return None
        return Field(value.strip(), reader.attr_place(element, name))

    if conference is not None:
        about = _first_children(conference)
        result.title = element_field(about.get("title"))
        result.acronym = element_field(about.get("acronym"))
        result.timezone = element_field(about.get("time_zone_name"))
        result.day_change = element_field(about.get("day_change"))
    days = [c for c in root if c.tag == "day"]
    if days:
        result.days_place = reader.place(days[0])
    for element in days:
        day = Day(reader.place(element, key=True))
        day.date = attr_field(element, "date")
        day.start = attr_field(element, "start")
        day.end = attr_field(element, "end")
        for room_element in (c for c in element if c.tag == "room"):
            name = room_element.get("name", "")
            name_node = reader.attr_place(room_element, "name")
            room = Room(name, reader.place(room_element, key=True), name_node)
            day.rooms.append(room)
            for event_element in (c for c in room_element if c.tag == "event"):
                room.events.append(_xml_event(event_element, reader))
        # The old pentabarf layout (FOSDEM until 2012): events are children of the day, listed by
        # time across rooms, and the room is only the event's <room>. Rooms in order of first use.
        by_room: dict[str, Room] = {}
        for event_element in (c for c in element if c.tag == "event"):
            where = event_element.find("room")
            room_name = reader.text_of(where).strip() if where is not None else ""
            found = by_room.get(room_name)
            if found is None:
                name_node = reader.place(where) if where is not None else reader.place(event_element)
                found = by_room[room_name] = Room(room_name, reader.place(event_element, key=True), name_node)
                day.rooms.append(found)
            found.events.append(_xml_event(event_element, reader))
        result.days.append(day)
    return result


def _xml_event(element: Any, reader: _Places) -> Event:
    ident = element.get("id", element.get("code", element.get("guid")))
    event = Event(reader.place(element, key=True), event_label(ident))
    fields = event.fields
    field = reader.field
    find = element.find  # the first child of the name (xml.etree's, in C)
    for name in EVENT_FIELDS:
        found = find(name)
        if found is not None:
            fields[name] = field(found)
    persons = find("persons")
    if persons is not None:
        event.persons_place = reader.place(persons, key=True)
        event.persons = []
        for person in (c for c in persons if c.tag == "person"):
            id_key = next((k for k in PERSON_ID_KEYS if (person.get(k) or "").strip()), None)
            node = reader.attr_place(person, id_key) if id_key else reader.place(person)
            # <person id="38">Name</person>, or the name in a child (<name>, <public_name>)
            name_element = None
            if len(person):
                name_element = next(
                    (
                        named
                        for named in map(person.find, ("public_name", "name", "full_public_name"))
                        if named is not None
                    ),
                    None,
                )
            person_name = (
                " ".join(reader.text_of(name_element if name_element is not None else person).split()) or None
            )
            event.persons.append(Person(person.get(id_key).strip() if id_key else None, person_name, node))
    return event
