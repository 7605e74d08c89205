"""The agenda format as pydantic models.

Values are already read: times are minutes since midnight, durations are minutes, the slot is a
``Slot``. Each segment, day and track knows its ``path`` in the document, which the linter turns
into file, line and column. Errors of type ``bad_time`` become E004 findings, everything else E002.

Two shapes share these models: a single meeting (``segments`` at the top) and an event over
``days``, each day with ``segments`` or with parallel ``tracks`` (rooms).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    model_validator,
)
from pydantic_core import PydanticCustomError

from tfagenda.clock import Slot, make_slot, parse_duration, parse_slot_text, parse_time
from tfagenda.findings import DocPath
from tfagenda.messages import Message, T, verbatim
from tfagenda.policy import Policy

# Re-exported: the renderers, the schema and D001 import them from here.
from tfagenda.weekdays import WEEKDAYS_EN as WEEKDAYS_EN
from tfagenda.weekdays import WEEKDAYS_KO as WEEKDAYS_KO
from tfagenda.weekdays import weekday_index
from tfagenda.windows import WINDOW_EXAMPLES, Window, parse_window

NOBODY = "-"


def _bad(kind: str, message: Message, suggestion: str | None = None) -> PydanticCustomError:
    # The message travels in the error's context (``ctx["message"]``): a ``Message``, which the
    # reporter says in the language chosen at output. pydantic fills ``{message}`` in without reading braces in it.
    # ``suggestion``: the value the text unambiguously means, written canonically (a safe fix).
    context: dict[str, Any] = {"message": message}
    if suggestion is not None:
        context["suggestion"] = suggestion
    return PydanticCustomError(kind, "{message}", context)


def _time_notation(value: str) -> PydanticCustomError | None:
    """A time in another notation (``오후 2시 10분``, ``09.30``, ``2:10 pm``): the ``HH:MM`` it means."""
    from tfagenda.notation import canonical_time  # only for values that are not HH:MM: start-up

    canonical = canonical_time(value)
    if canonical is not None:
        return _bad(
            "bad_time",
            T('{text!r} is not a time; write it as "{value}"', text=value, value=canonical),
            canonical,
        )
    short = re.fullmatch(r"\s*(\d{1,2}):(\d)\s*", value)
    if short and int(short[1]) <= 23:  # "9:5": 09:05 or 09:50? Not guessed.
        hour, digit = int(short[1]), short[2]
        return _bad(
            "bad_time",
            T(
                '{text!r} is not a time: the minutes need two digits; write "{a}" or "{b}"',
                text=value,
                a=f"{hour:02d}:0{digit}",
                b=f"{hour:02d}:{digit}0",
            ),
        )
    return None


def _reason(error: ValueError) -> Message:
    """The sentence a parser's ``ValueError`` carries (a ``Message`` from ``tfagenda.clock``)."""
    if error.args and isinstance(error.args[0], Message):
        return error.args[0]
    return verbatim(str(error))


def _read_time(value: Any) -> int:
    if isinstance(value, str):
        try:
            return parse_time(value)
        except ValueError as error:
            raise (_time_notation(value) or _bad("bad_time", _reason(error))) from None
    if isinstance(value, int) and not isinstance(value, bool):
        hint = (
            f'"{value // 100:02d}:{value % 100:02d}"'
            if 0 <= value <= 2400 and value % 100 < 60
            else '"HH:MM"'
        )
        raise _bad(
            "bad_time", T("{value} is a number, not a time; write it as {hint}", value=value, hint=hint)
        )
    raise _bad("bad_time", T('{text!r} is not a time; write it as HH:MM, e.g. "16:30"', text=value))


# The longest duration a segment can mean: a week. Longer is a typo or a crafted value (issue 11,
# defect 13: 3,000,000,000 minutes is 5,700 years), refused here so that no output has to draw it.
MAX_DURATION = 7 * 24 * 60


def _read_duration(value: Any) -> int:
    try:
        minutes = parse_duration(value)
    except ValueError as error:
        raise _bad("bad_time", _reason(error)) from None
    if minutes > MAX_DURATION:
        raise _bad(
            "bad_time",
            T(
                "duration {value} is more than a week; a segment lasts at most {limit} minutes (7 days)",
                value=value,
                limit=f"{MAX_DURATION:,}",
            ),
        )
    return minutes


def _read_slot(value: Any) -> Slot:
    if isinstance(value, Slot):
        return value
    try:
        if isinstance(value, str):
            return parse_slot_text(value)
        if isinstance(value, dict) and set(value) == {"start", "end"}:
            return make_slot(_read_time(value["start"]), _read_time(value["end"]))
    except ValueError as error:
        raise _bad("bad_time", _reason(error)) from None
    if isinstance(value, dict):
        raise _bad(
            "slot_keys",
            T(
                "a slot mapping has exactly the keys start and end, not {keys}",
                keys=", ".join(map(str, value)),
            ),
        )
    raise _bad(
        "bad_time",
        T(
            '{value!r} is not a slot; write it as "16:30-18:00" or {{start: "16:30", end: "18:00"}}',
            value=value,
        ),
    )


def _read_date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as error:
            raise _bad(
                "bad_date", T("{value!r} is not a date: {error}", value=value, error=str(error))
            ) from None
    if isinstance(value, str):
        from tfagenda.notation import canonical_date  # only for dates not written YYYY-MM-DD: start-up

        iso = canonical_date(value)
        if iso is not None:  # "2026. 4. 9." means 2026-04-09
            raise _bad("bad_date", T("{value!r} is not a date; write it as {iso}", value=value, iso=iso), iso)
    raise _bad("bad_date", T("{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-02-26", value=value))


def _read_weekday(value: Any) -> str:
    if isinstance(value, str) and weekday_index(value) is not None:
        return value
    raise _bad(
        "bad_weekday",
        T("{value!r} is not a weekday; write {korean}, Thu or Thursday", value=value, korean="월…일, 목요일"),
    )


def _read_owner(value: Any) -> tuple[str, ...]:
    """An owner: a name, a list of names, or "-"/null for deliberately nobody (the empty tuple)."""
    if value is None or value == NOBODY:
        return ()
    if isinstance(value, str) and value.strip():
        return (value.strip(),)
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value if v.strip() != NOBODY)
    raise _bad(
        "bad_owner",
        T('{value!r} is not an owner; give a name, a list of names, or "-" for nobody', value=value),
    )


def _read_topics(value: Any) -> tuple[str, ...]:
    """Topics: a name or a list of names; null or [] for none. Segments that share one are S004's."""
    if value is None:
        return ()
    if isinstance(value, str) and value.strip():
        return (value.strip(),)
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(dict.fromkeys(v.strip() for v in value))
    raise _bad("bad_topics", T("{value!r} is not a topic; give a name or a list of names", value=value))


def _read_group(value: Any) -> str:
    """A clash group's name: text that is not blank (a number is read as its text, as titles are)."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise _bad("bad_group", T("{value!r} is not a clash group; give it a name", value=value))


def _read_timezone(value: Any) -> str:
    import zoneinfo

    if isinstance(value, str):
        try:
            zoneinfo.ZoneInfo(value)
            return value
        except (
            zoneinfo.ZoneInfoNotFoundError,
            ValueError,
            OSError,
        ):  # OSError: a name too long for a file name
            pass
    raise _bad(
        "bad_timezone",
        T("{value!r} is not an IANA time zone name such as Asia/Seoul or Europe/Berlin", value=value),
    )


def _read_text(value: Any) -> str:
    if type(value) is str:  # nearly always: no more to look at
        return value
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        raise _bad("bad_text", T("{value!r} is not text", value=value))
    return str(value)


# Where the loader puts a window it set aside (E004 said why), so that the list validates again.
SET_ASIDE_WINDOW = "\x00set aside"


def _read_window(value: Any) -> Window | None:
    if value == SET_ASIDE_WINDOW:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = value.isoformat()  # a date the reader made of an unquoted 2026-03-12
    if isinstance(value, str):
        try:
            return parse_window(value)
        except ValueError as error:
            raise _bad("bad_time", _reason(error)) from None
    raise _bad(
        "bad_time",
        T("{value!r} is not a time window; write it as {examples}", value=value, examples=WINDOW_EXAMPLES),
    )


def _read_windows(value: Any) -> Any:
    """One window or a list of them; null is none."""
    if value is None:
        return ()
    if isinstance(value, (str, dt.date)):
        return (value,)
    if not isinstance(value, (list, tuple)):
        raise _bad(
            "bad_time",
            T(
                "{value!r} is not a list of time windows; write them as {examples}",
                value=value,
                examples=WINDOW_EXAMPLES,
            ),
        )
    return value


def _drop_set_aside(windows: tuple[Window | None, ...]) -> tuple[Window | None, ...]:
    return tuple(window for window in windows if window is not None)


Clock = Annotated[int, BeforeValidator(_read_time)]
Minutes = Annotated[int, BeforeValidator(_read_duration)]
SlotField = Annotated[Slot, BeforeValidator(_read_slot)]
Date = Annotated[dt.date, BeforeValidator(_read_date)]
Weekday = Annotated[str, BeforeValidator(_read_weekday)]
Owner = Annotated[tuple[str, ...], BeforeValidator(_read_owner)]
TimeZone = Annotated[str, BeforeValidator(_read_timezone)]
Text = Annotated[str, BeforeValidator(_read_text)]
Windows = Annotated[
    tuple[Annotated[Window | None, BeforeValidator(_read_window)], ...],
    BeforeValidator(_read_windows),
    AfterValidator(_drop_set_aside),
]
Topics = Annotated[tuple[str, ...], BeforeValidator(_read_topics)]
GroupName = Annotated[str, BeforeValidator(_read_group)]


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True, frozen=False)
    _path: DocPath = PrivateAttr(default=())

    @property
    def path(self) -> DocPath:
        # What self._path reads, without BaseModel.__getattr__ (rules read paths often: 5 times faster).
        return self.__pydantic_private__["_path"]  # type: ignore[index]

    def given(self, name: str) -> bool:
        """Whether the file set this field (``owner: null`` is given; a missing key is not)."""
        return name in self.model_fields_set


class Segment(_Node):
    title: Text
    start: Clock | None = None
    end: Clock | None = None
    duration: Minutes | None = None
    owner: Owner = ()
    kind: Text | None = None
    note: Text | None = None
    parts: list[Segment] = Field(default_factory=list)
    # Talks an audience wants to see both of (S004): segments sharing a topic or a clash group
    # should not run at the same time in different rooms.
    topics: Topics = ()
    clash_group: GroupName | None = Field(None, alias="clash-group")

    @property
    def is_break(self) -> bool:
        return (self.kind or "").strip().lower() in ("break", "휴식")


class Track(_Node):
    name: Text
    venue: Text | None = None
    # When the room can be used (F004): windows such as "09:00-18:00"; none given: always.
    open: Windows = ()
    closed: Windows = ()
    segments: list[Segment] = Field(default_factory=list)


class Day(_Node):
    date: Date | None = None
    weekday: Weekday | None = None
    title: Text | None = None
    slot: SlotField | None = None
    venue: Text | None = None
    segments: list[Segment] | None = None
    tracks: list[Track] | None = None

    @model_validator(mode="after")
    def _one_of_segments_or_tracks(self) -> Day:
        if self.segments is not None and self.tracks is not None:
            raise _bad("conflict", T("a day has either segments or tracks, not both"))
        return self


class Person(_Node):
    name: Text | None = None
    role: Text | None = None
    aliases: list[Text] = Field(default_factory=list)
    # When they can own segments (O006): windows such as "2026-03-12 09:00-12:00"; none given: always.
    available: Windows = ()
    unavailable: Windows = ()

    @property
    def has_availability(self) -> bool:
        return bool(self.available or self.unavailable)


class PeopleRegistry(_Node):
    """A shared people registry (``people.yaml``): the ``people`` of every agenda that finds it."""

    # A default, so that a ``people:`` that is not a mapping is set aside once, not read as missing
    # round after round (the problem listed 100 times).
    people: dict[str, Person | None] = Field(default_factory=dict)

    def assign_paths(self) -> None:
        self._path = ()
        for name, person in self.people.items():
            if person is not None:
                person._path = ("people", name)


class Agenda(_Node):
    title: Text
    date: Date | None = None
    weekday: Weekday | None = None
    slot: SlotField | None = None
    timezone: TimeZone | None = None
    venue: Text | None = None
    people: dict[str, Person | None] | None = None
    segments: list[Segment] | None = None
    days: list[Day] | None = None
    policy: Policy | None = None  # overrides the config's policy for this file

    @model_validator(mode="after")
    def _one_shape(self) -> Agenda:
        if self.segments is not None and self.days is not None:
            raise _bad("conflict", T("an agenda has either segments (one meeting) or days, not both"))
        if self.days is not None:
            misplaced = [name for name in ("date", "weekday", "slot") if self.given(name)]
            if misplaced:
                raise _bad(
                    "conflict",
                    T("with days, put {names} on each day, not at the top", names=", ".join(misplaced)),
                )
        return self

    def meeting_days(self) -> list[Day]:
        """The agenda as days; a single meeting is one day with one unnamed track."""
        if self.days is not None:
            return self.days
        day = Day(
            date=self.date,
            weekday=self.weekday,
            slot=self.slot,
            venue=self.venue,
            segments=self.segments or [],
        )
        day._path = ()
        return [day]

    def assign_paths(self) -> None:
        """Record where each node sits in the document (called once, by the loader).

        Written straight into each node's private values (what ``node._path = ...`` does through
        ``BaseModel.__setattr__``, a Python function per node: 25,000 on a 20,000-event schedule)."""
        self._path = ()
        for name, person in (self.people or {}).items():
            if person is not None:
                person.__pydantic_private__["_path"] = ("people", name)  # type: ignore[index]
        for index, segment in enumerate(self.segments or []):
            _assign(segment, ("segments", index))
        for d_index, day in enumerate(self.days or []):
            day.__pydantic_private__["_path"] = ("days", d_index)  # type: ignore[index]
            for index, segment in enumerate(day.segments or []):
                _assign(segment, ("days", d_index, "segments", index))
            for t_index, track in enumerate(day.tracks or []):
                path = ("days", d_index, "tracks", t_index)
                track.__pydantic_private__["_path"] = path  # type: ignore[index]
                for index, segment in enumerate(track.segments):
                    _assign(segment, (*path, "segments", index))


def _assign(segment: Segment, path: DocPath) -> None:
    segment.__pydantic_private__["_path"] = path  # type: ignore[index]
    for index, part in enumerate(segment.parts):
        _assign(part, (*path, "parts", index))


# Keys a file may write that the loader reads as model fields (load._read_conveniences):
# ``time: "16:30~16:35"`` is a segment's start and end.
SHORTHANDS: dict[str, tuple[str, ...]] = {"segment": ("time",)}

FIELDS: dict[str, tuple[str, ...]] = {
    "agenda": tuple(Agenda.model_fields),
    "segment": tuple(info.alias or name for name, info in Segment.model_fields.items())
    + SHORTHANDS["segment"],
    "day": tuple(Day.model_fields),
    "track": tuple(Track.model_fields),
    "person": tuple(Person.model_fields),
    "registry": tuple(PeopleRegistry.model_fields),
    "slot": ("start", "end"),
    "policy": ("gap-tolerance", "slot-tolerance", "time-order", "hosts", "changeover"),
}
