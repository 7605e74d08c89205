"""The rule registry: every rule, by code, in the order they are documented.

Adding a rule: write its check function (with a docstring in the same form as the others) in the
family module, decorate it with ``@rule``, and list it here.
"""

from __future__ import annotations

from tfagenda.rules import (
    availability,
    changeover,
    clash,
    dates,
    imported,
    meta,
    owners,
    parts,
    sequence,
    slot,
    syntax,
    timing,
)
from tfagenda.rules.base import Context, Rule

ALL_RULES: tuple[Rule, ...] = (
    syntax.io_error,
    syntax.yaml_syntax,
    syntax.schema,
    syntax.duplicate_key,
    syntax.bad_time,
    syntax.import_error,
    syntax.legacy_encoding,
    syntax.yaml_implicit_number,
    timing.end_before_start,
    timing.duration_mismatch,
    timing.underspecified,
    timing.zero_length,
    timing.implicit_end,
    sequence.overlap,
    sequence.gap,
    sequence.out_of_order,
    clash.clash_group_overlap,
    slot.before_slot,
    slot.after_slot,
    slot.slot_total,
    availability.room_closed,
    parts.parts_total,
    parts.part_outside,
    owners.missing_owner,
    owners.unknown_owner,
    owners.double_booked,
    imported.reused_person_id,
    changeover.changeover_too_short,
    availability.owner_unavailable,
    dates.weekday_mismatch,
    imported.date_start_mismatch,
    imported.unreadable_date,
    imported.twelve_hour_clock,
    imported.year_from_weekday,
    meta.unused_suppression,
)

RULES: dict[str, Rule] = {r.code: r for r in ALL_RULES}
_BY_NAME: dict[str, Rule] = {r.name: r for r in ALL_RULES}


def find_rule(code_or_name: str) -> Rule | None:
    """A rule by its code (``T001``, any case) or its name (``end-before-start``)."""
    return RULES.get(code_or_name.upper()) or _BY_NAME.get(code_or_name.lower())


__all__ = ["ALL_RULES", "RULES", "Context", "Rule", "find_rule"]
