"""What a rule is: a code, a kebab-case name, a default severity, and a check function.

The check function's docstring is the rule's documentation (``tfagenda rule CODE`` and
docs/rules.md): what it finds, why it matters, an example and the fix, as ruff documents rules.
Rules only yield ``Problem``s; the linter applies severity, selection and positions.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from tfagenda.findings import Applicability, DocPath, Problem, Severity, Suppression
from tfagenda.load import Loaded
from tfagenda.messages import Message, minutes
from tfagenda.model import Agenda
from tfagenda.policy import Policy
from tfagenda.registry import Registry
from tfagenda.timeline import Timeline


@dataclass
class Context:
    """What a rule can look at for one file."""

    loaded: Loaded
    timeline: Timeline | None
    policy: Policy = field(default_factory=Policy)
    registry: Registry | None = None  # the shared people registry the file uses (docs/people.md)
    # What several rules of this file compute alike, computed once (owners.people_and_names)
    shared: dict[str, Any] = field(default_factory=dict)

    def minutes(self, n: int) -> Message:
        """``5 minutes`` / ``5분``."""
        return minutes(n)

    @property
    def agenda(self) -> Agenda | None:
        return self.loaded.agenda

    @property
    def resolved(self) -> Timeline:
        """The resolved timeline: the linter runs a rule that ``needs_timeline`` only when there is one."""
        assert self.timeline is not None, "a rule that needs the timeline ran without one"
        return self.timeline

    def raw(self, at: DocPath) -> Any:
        """The value as the file wrote it (before it was read as a time or duration)."""
        value: Any = self.loaded.document.data
        for step in at:
            try:
                value = value[step]
            except (KeyError, IndexError, TypeError):
                return None
        return value


@dataclass
class SuppressionsContext:
    """What a rule that runs after the suppressions (I001) looks at: the file's suppression comments,
    each knowing which codes it silenced, counting the findings across files (O003). Not the file
    itself: by then a file checked on another process is only its findings. Its problems carry spans."""

    suppressions: list[Suppression]


# A check function takes a ``Context``, or a ``SuppressionsContext`` when the rule runs after the suppressions.
CheckFunction = Callable[[Any], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    check: CheckFunction
    fix: Applicability | None = None  # the best fix the rule can offer; None: it offers no edit
    needs_timeline: bool = True
    after_suppressions: bool = (
        False  # runs last, on the suppressions the other findings used (SuppressionsContext)
    )
    # An opt-in rule (ruff's word) runs only when a config or --select/--extend-select names it by
    # code or name: a prefix or ALL does not select it.
    opt_in: bool = False

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0]

    @property
    def fixable(self) -> str:
        if self.fix is None:
            return "no"
        return "sometimes" if self.fix is Applicability.UNSAFE else "yes"


def rule(
    code: str,
    name: str,
    severity: Severity,
    *,
    fix: Applicability | None = None,
    needs_timeline: bool = True,
    after_suppressions: bool = False,
    opt_in: bool = False,
) -> Callable[[CheckFunction], Rule]:
    def wrap(check: CheckFunction) -> Rule:
        return Rule(code, name, severity, check, fix, needs_timeline, after_suppressions, opt_in)

    return wrap


def problems_from_loader(ctx: Context, code: str) -> list[Problem]:
    """File-level rules report what the loader found while reading the file."""
    return [problem for problem in ctx.loaded.problems if problem.code == code]
