"""Agenda policies a team tunes: in ``[tool.tfagenda.policy]``, or as ``policy:`` in an agenda file
(which wins for that file; an imported conference schedule says there that gaps are by design)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


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

    def may_host_in_parallel(self, *names: str | None) -> bool:
        return any(name in self.hosts for name in names if name)

    def allows_gap(self, minutes: int) -> bool:
        return self.gap_tolerance is None or minutes <= self.gap_tolerance

    def overridden_by(self, other: Policy | None) -> Policy:
        """This policy with the fields ``other`` sets explicitly."""
        if other is None:
            return self
        return self.model_copy(update={name: getattr(other, name) for name in other.model_fields_set})
