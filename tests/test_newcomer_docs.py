"""What a newcomer following the README and docs/ found to disagree with the program."""

from __future__ import annotations

from tfagenda.importers.ministry import read
from tfagenda.rules import find_rule


def test_a_linked_title_with_stated_minutes_is_the_links_text() -> None:
    # docs/import.md: a title that is a Markdown link is its text, and a trailing `(15 mins)` is
    # the duration; both at once kept the raw `[Next](./x.md)` as the title.
    text = (
        "## Conf\n\n| Time | Session | Speaker |\n|---|---|---|\n"
        "| 10:00 - 10:25 | [Blazor](./sessions/1.md) | Ann |\n"
        "| 10:25 - 10:40 | [Next](./x.md) (15 mins) | Bob |\n"
    )
    doc = read(text, "conf.md")
    first, second = doc.data["segments"]
    assert first["title"] == "Blazor"
    assert (second["title"], second["duration"]) == ("Next", "15 mins")
    title = doc.nodes[("segments", 1, "title")].inner  # findings about the title point at its text
    assert text.split("\n")[title.line - 1][title.column - 1 : title.end_column - 1] == "Next"


def test_rules_that_carry_fixes_say_so() -> None:
    # `tfagenda rules` and docs/rules.md said "fix: no" for rules whose findings carry fixes:
    # O002's unsafe fix to the one close person, E002/E004's safe fixes of dates and times in
    # another notation (README: the fix table).
    assert find_rule("O002").fixable == "sometimes"  # type: ignore[union-attr]
    assert find_rule("E002").fixable == "yes"  # type: ignore[union-attr]
    assert find_rule("E004").fixable == "yes"  # type: ignore[union-attr]
