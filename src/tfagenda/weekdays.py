"""Weekday labels as agendas print them: 목, 목요일, (목), Thu, Thu., Tues, Thurs, Thursday.

One reader for the model (``weekday:`` values), D001 and the importers. It is small and has no
imports, because the model is on the check start-up path (``tfagenda.notation``'s tables are not).
The JSON Schema's ``WEEKDAY_PATTERN`` (``tfagenda.schema``) accepts the same labels; a test holds
the two together.
"""

from __future__ import annotations

WEEKDAYS_KO = "월화수목금토일"
WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The one common English abbreviation longer than four letters.
_LONGER_ABBREVIATIONS = {"thurs": 3}


def weekday_index(label: str) -> int | None:
    """0 for Monday … 6 for Sunday, from 목, 목요일, (목), Thu, thu., Tues, Thurs, Thursday (an English
    name or a prefix of it of 2 to 4 letters, or ``Thurs``); None if not a weekday."""
    text = label.strip().strip("()（）").rstrip(".").strip()
    if len(text) == 1 and text in WEEKDAYS_KO:
        return WEEKDAYS_KO.index(text)
    if len(text) == 3 and text.endswith("요일") and text[0] in WEEKDAYS_KO:
        return WEEKDAYS_KO.index(text[0])
    lowered = text.lower()
    if lowered in _LONGER_ABBREVIATIONS:
        return _LONGER_ABBREVIATIONS[lowered]
    for index, name in enumerate(WEEKDAYS_EN):
        if lowered == name or (2 <= len(lowered) <= 4 and name.startswith(lowered)):
            return index
    return None
