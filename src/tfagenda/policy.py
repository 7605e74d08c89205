"""Agenda policies a team tunes: in ``[tool.tfagenda.policy]``, or as ``policy:`` in an agenda file
(which wins for that file; an imported conference schedule says there that gaps are by design)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from tfagenda.clock import parse_duration
from tfagenda.messages import Message, T, verbatim

# A room pair of ``changeover``: "Hall A -> Hall B" (moving from A to B) or "Hall A <-> Hall B"
# (both ways). Room names cannot contain ">", so the arrow is never ambiguous. The schemas use the
# same pattern (ECMAScript and Python read it alike).
ROOM_PAIR_PATTERN = r"^\s*([^\s>][^>]*?)\s*(<?->)\s*([^\s>][^>]*?)\s*$"
_ROOM_PAIR = re.compile(ROOM_PAIR_PATTERN)


def room_key(name: str) -> str:
    """How rooms are compared: case and runs of spaces do not matter ("Hall  a" is "Hall A")."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True, slots=True)
class Changeover:
    """The time a person needs between segments in different rooms (O005), in minutes.

    ``default`` applies to every pair of different rooms; ``pairs`` (from room, to room) → minutes,
    by ``room_key``, override it for the pairs written out. Zero everywhere: not checked.
    """

    default: int = 0
    pairs: tuple[tuple[str, str, int], ...] = ()

    @property
    def checked(self) -> bool:
        return self.default > 0 or any(minutes > 0 for *_, minutes in self.pairs)

    def between(self, before: str, after: str) -> int:
        """Minutes needed to go from room ``before`` to room ``after`` (0 for the same room)."""
        start, end = room_key(before), room_key(after)
        if start == end:
            return 0
        for source, target, minutes in self.pairs:
            if source == start and target == end:
                return minutes
        return self.default


def _bad_changeover(message: Message) -> PydanticCustomError:
    # As model._bad: the message travels in the context, said in the check's language.
    return PydanticCustomError("bad_changeover", "{message}", {"message": message})


# The longest changeover: a week, as for a segment's duration (model.MAX_DURATION). Longer is a
# typo or a crafted value, and named a start time that wrapped round the clock ("start 'Panel' at
# 20:39 or later" for 99,999,999,999 minutes).
MAX_CHANGEOVER = 7 * 24 * 60


def _changeover_minutes(value: Any, key: str | None = None) -> int:
    try:
        minutes = parse_duration(value)
        if minutes > MAX_CHANGEOVER:
            raise ValueError(
                T(
                    "duration {value} is more than a week; a changeover is at most {limit} minutes (7 days)",
                    value=value,
                    limit=f"{MAX_CHANGEOVER:,}",
                )
            )
        return minutes
    except ValueError as error:
        reason = error.args[0] if error.args and isinstance(error.args[0], Message) else verbatim(str(error))
        raise _bad_changeover(
            reason if key is None else T("the changeover for {key!r}: {reason}", key=key, reason=reason)
        ) from None


def _read_changeover(value: Any) -> Changeover:
    """``10``, ``"10m"`` (any duration), null (not checked), or a mapping of ``default`` and room
    pairs to durations: ``{default: 10, "Hall A -> Hall B": 15, "Hall A <-> Annex": 20}``."""
    if isinstance(value, Changeover):
        return value
    if value is None:
        return Changeover()
    if not isinstance(value, dict):
        return Changeover(_changeover_minutes(value))
    default = 0
    pairs: dict[tuple[str, str], int] = {}
    for key, minutes in value.items():
        if key == "default":
            default = _changeover_minutes(minutes, "default")
            continue
        match = _ROOM_PAIR.match(key) if isinstance(key, str) else None
        if match is None:
            raise _bad_changeover(
                T(
                    '{key!r} is neither default nor a room pair such as "Hall A -> Hall B" or "Hall A <-> Hall B"',
                    key=key,
                )
            )
        source, arrow, target = match.groups()
        if room_key(source) == room_key(target):
            raise _bad_changeover(
                T("{key!r} names the same room twice; no changeover is needed within a room", key=key)
            )
        needed = _changeover_minutes(minutes, key)
        directions = [(source, target)] + ([(target, source)] if arrow == "<->" else [])
        for start, end in directions:
            pair = (room_key(start), room_key(end))
            if pair in pairs:
                raise _bad_changeover(
                    T(
                        "{key!r} gives the way from {start} to {end} a second time",
                        key=key,
                        start=start,
                        end=end,
                    )
                )
            pairs[pair] = needed
    return Changeover(default, tuple((source, target, n) for (source, target), n in pairs.items()))


_DURATION_JSON: dict[str, Any] = {
    "type": ["integer", "string"],
    "minimum": 0,
    "description": 'Minutes (10), or a duration as segments write it ("10m", "10분", "1h").',
}
CHANGEOVER_JSON_SCHEMA: dict[str, Any] = {
    "type": ["integer", "string", "object", "null"],
    "minimum": 0,
    "properties": {"default": _DURATION_JSON},
    "patternProperties": {ROOM_PAIR_PATTERN: _DURATION_JSON},
    "additionalProperties": False,
}
"""The JSON Schema of ``changeover`` in the config. Durations are any text there; the agenda schema
(tfagenda.schema, which imports this module) adds the pattern of their spellings."""

ChangeoverField = Annotated[
    Changeover, BeforeValidator(_read_changeover), WithJsonSchema(CHANGEOVER_JSON_SCHEMA)
]


class Policy(BaseModel):
    # Strict, by the written (kebab-case) names only: `gap-tolerance: true` is a mistake, not 1.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    gap_tolerance: int | None = Field(
        0,
        alias="gap-tolerance",
        ge=0,
        description="S002: gaps up to this many minutes are fine; null: any gap is fine (a conference schedule)",
    )
    slot_tolerance: int = Field(
        0,
        alias="slot-tolerance",
        ge=0,
        description="F003: a total within this many minutes of the slot's length is fine",
    )

    time_order: bool = Field(
        True,
        alias="time-order",
        description="S003: segments are listed in time order; false: the order means nothing (an imported conference schedule)",
    )
    hosts: list[str] = Field(
        default_factory=list,
        alias="hosts",
        description="O003: people (ids or names) who may be in parallel sessions, such as an organiser account hosting sub-rooms",
    )

    changeover: ChangeoverField = Field(
        default_factory=Changeover,
        alias="changeover",
        description="O005: the time a person needs between segments in different rooms (tracks): minutes or a "
        'duration ("10m"), or {default: 10, "Hall A -> Hall B": 15, "Hall A <-> Annex": 20} (one way, both ways); '
        "null or 0: not checked",
    )

    def may_host_in_parallel(self, *names: str | None) -> bool:
        return any(name in self.hosts for name in names if name)

    def allows_gap(self, minutes: int) -> bool:
        return self.gap_tolerance is None or minutes <= self.gap_tolerance

    def overridden_by(self, other: Policy | None) -> Policy:
        """This policy with the fields ``other`` sets explicitly."""
        if other is None:
            return self
        return self.model_copy(update={name: getattr(other, name) for name in other.model_fields_set})
