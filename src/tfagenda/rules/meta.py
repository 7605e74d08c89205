"""Rules about tfagenda's own annotations in agenda files (I001)."""

from __future__ import annotations

from typing import Iterable

from tfagenda.findings import Applicability, Edit, Fix, Problem, Severity
from tfagenda.rules.base import Context, rule
from tfagenda.suppress import EVERY_RULE


@rule("I001", "unused-suppression", Severity.WARNING, fix=Applicability.SAFE, needs_timeline=False, after_suppressions=True)
def unused_suppression(ctx: Context) -> Iterable[Problem]:
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
            yield Problem("I001", (), f"the suppression names {name!r}, which is not a rule; `tfagenda rules` lists them", span=suppression.span)
        unused = [written for code, written in suppression.codes.items() if code not in suppression.used]
        if not unused:
            continue
        everything = len(unused) == len(suppression.codes) and not suppression.unknown
        what = ", ".join(u if u != "every rule" or EVERY_RULE not in suppression.codes else "every rule" for u in unused)
        removable = everything and suppression.removal is not None
        fix = Fix("remove the suppression", Applicability.SAFE, None, edits=(Edit(suppression.removal, ""),)) if removable else None  # type: ignore[arg-type]
        yield Problem("I001", (), f"the suppression of {what} suppresses nothing here; remove it", fix=fix, span=suppression.span)
