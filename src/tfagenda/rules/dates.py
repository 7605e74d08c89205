"""Rules about dates (D001)."""

from __future__ import annotations

from collections.abc import Iterable

from tfagenda.findings import Applicability, Fix, Problem, Severity
from tfagenda.messages import T
from tfagenda.model import WEEKDAYS_EN, WEEKDAYS_KO, weekday_index
from tfagenda.rules.base import Context, rule

_WEEKDAYS = (
    T("Monday"),
    T("Tuesday"),
    T("Wednesday"),
    T("Thursday"),
    T("Friday"),
    T("Saturday"),
    T("Sunday"),
)


def weekday_label_like(label: str, index: int) -> str:
    """The weekday ``index`` written in the same language and form as ``label`` (목 → 금, Thursday → Friday)."""
    text = label.strip()
    opened, closed = ("(", ")") if text.startswith("(") else ("", "")
    core = text.strip("()")
    if core[:1] in WEEKDAYS_KO:
        word = WEEKDAYS_KO[index] + ("요일" if core.endswith("요일") else "")
    else:
        english = WEEKDAYS_EN[index]
        letters = core.rstrip(".")
        word = english if len(letters) > 4 else english[: len(letters)]
        if letters.isupper():
            word = word.upper()
        elif letters[:1].isupper():
            word = word.capitalize()
        word += "." if core.endswith(".") else ""
    return f"{opened}{word}{closed}"


@rule("D001", "weekday-mismatch", Severity.ERROR, fix=Applicability.SAFE)
def weekday_mismatch(ctx: Context) -> Iterable[Problem]:
    """The weekday label does not match the date.

    Labels are read in Korean (월 … 일, 목요일) and English (Mon, Thu., Thursday); the fix writes
    the right day in the label's own language and form.

    ## Example
    ```yaml
    date: 2026-02-26
    weekday: 수
    ```

    ## Fix (safe)
    ```yaml
    date: 2026-02-26
    weekday: 목
    ```
    """
    agenda = ctx.agenda
    if agenda is None:
        return
    for day in agenda.meeting_days():
        if day.date is None or day.weekday is None:
            continue
        written = weekday_index(day.weekday)
        actual = day.date.weekday()
        if written is None or written == actual:
            continue
        right = weekday_label_like(day.weekday, actual)
        at = day.path + ("weekday",)
        yield Problem(
            "D001",
            at,
            T(
                "weekday {written} does not match {date}, a {actual}; write {right}",
                written=day.weekday,
                date=day.date.isoformat(),
                actual=_WEEKDAYS[actual],
                right=right,
            ),
            Fix(T("set weekday to {value}", value=right), Applicability.SAFE, right, target=at),
        )
