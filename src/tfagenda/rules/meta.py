"""Rules about tfagenda's own annotations in agenda files (I001)."""

from __future__ import annotations

from collections.abc import Iterable

from tfagenda.findings import EVERY_RULE, Applicability, Edit, Fix, Problem, Severity
from tfagenda.messages import Commas, T
from tfagenda.rules.base import SuppressionsContext, rule


@rule(
    "I001",
    "unused-suppression",
    Severity.WARNING,
    fix=Applicability.SAFE,
    needs_timeline=False,
    after_suppressions=True,
)
def unused_suppression(ctx: SuppressionsContext) -> Iterable[Problem]:
    """A `# tfagenda: ignore[...]` or `file-ignore[...]` comment that suppresses nothing.

    Also reported when a suppression names a rule that does not exist. Checked after every
    other rule, so a suppression counts as used when it silenced any finding.

    ## Why
    A suppression that outlives the problem it was written for would hide the next one.

    ## Example
    ```yaml
    - {title: Review, start: "10:00", end: "10:30", owner: kim}  # tfagenda: ignore[S002]
    ```

    ## Fix
    Remove the comment (or the codes in it that suppress nothing).
    """
    for suppression in ctx.suppressions:
        for name in suppression.unknown:
            yield Problem(
                "I001",
                (),
                T(
                    "the suppression names {name!r}, which is not a rule; `tfagenda rules` lists them",
                    name=name,
                ),
                span=suppression.span,
            )
        unused = [
            (code, written) for code, written in suppression.codes.items() if code not in suppression.used
        ]
        if not unused:
            continue
        everything = len(unused) == len(suppression.codes) and not suppression.unknown
        what = Commas(T("every rule") if code == EVERY_RULE else written for code, written in unused)
        removable = everything and suppression.removal is not None
        fix = (
            Fix(
                T("remove the suppression"),
                Applicability.SAFE,
                None,
                edits=(Edit(suppression.removal, ""),),
            )
            if removable
            else None
        )  # type: ignore[arg-type]
        yield Problem(
            "I001",
            (),
            T("the suppression of {what} suppresses nothing here; remove it", what=what),
            fix=fix,
            span=suppression.span,
        )
