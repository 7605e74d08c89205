"""The limits that bound the time and memory one YAML file can take (README, Robustness).

Alias bombs and runaway nesting are refused before anything expands them: ``too_big`` counts the
values a composed document expands to (memoised per node, so a bomb costs nothing to count).
"""

from __future__ import annotations

from typing import Any

from tfagenda.messages import Message, T

# More values than this (keys, values, lists and mappings, counting what aliases expand to) is not
# read: a 20,000-event schedule has about 180,000 (README, Robustness: this bounds time and memory).
MAX_EXPANDED_VALUES = 500_000
# Aliases that add more values than this to the document are an alias bomb too: building 100,000
# values takes about a second and 200 MB (README, Robustness); merge keys in an agenda add hundreds.
MAX_ALIAS_VALUES = 100_000
MAX_DEPTH = 200


class TooDeep(Exception):
    """Nesting deeper than the builder's limit, at ``node``."""

    def __init__(self, node: Any) -> None:
        self.node = node


class TooManyValues(Exception):
    """More value tokens than the scanner reads, at ``mark``."""

    def __init__(self, mark: Any) -> None:
        self.mark = mark


def too_big(root: Any) -> Message | None:
    """Why the document is not read, if it is too big: more than ``MAX_EXPANDED_VALUES`` values, or
    aliases that add more than ``MAX_ALIAS_VALUES`` (an alias bomb)."""
    expanded, distinct = _expanded_size(root)
    if distinct > MAX_EXPANDED_VALUES:
        return too_many_values()
    if expanded > MAX_EXPANDED_VALUES or expanded - distinct > MAX_ALIAS_VALUES:
        return T(
            "the YAML expands its aliases to more than {limit} values (an alias bomb); write the values out instead",
            limit=f"{MAX_ALIAS_VALUES:,}",
        )
    return None


def too_many_values() -> Message:
    """Why a file with more than ``MAX_EXPANDED_VALUES`` values is not read."""
    return T(
        "the file has more than {limit} values, the most tfagenda reads"
        " (a 20,000-event schedule has about 180,000); not checked",
        limit=f"{MAX_EXPANDED_VALUES:,}",
    )


def value_bound(text: str) -> int:
    """An upper bound on the number of values in the YAML ``text``, from characters that every value
    but the first needs one of; cheap (``str.count``), and loose (a 20,000-event schedule: 3 times)."""
    return (
        2 * (text.count(":") + text.count("-") + text.count("?"))
        + text.count(",")
        + text.count("[")
        + text.count("{")
        + text.count("\n")
        + text.count("\r")
        + 1
    )


def _expanded_size(root: Any) -> tuple[int, int]:
    """How many values the document has once every alias is expanded, and how many distinct nodes it has
    (memoised, so a bomb costs nothing).

    An alias inside the node it names (``a: &a [*a]``) expands forever: the size is then past the limit.
    """
    sizes: dict[int, int] = {}
    opened: set[int] = set()  # nodes whose children are being counted: meeting one again is a cycle
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if done:
            sizes[id(node)] = min(MAX_EXPANDED_VALUES + 1, 1 + sum(sizes[id(c)] for c in children))
            continue
        if id(node) in opened:  # reached from its own descendant: a recursive alias
            return MAX_EXPANDED_VALUES + 1, len(sizes)
        opened.add(id(node))
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)
    return sizes[id(root)], len(sizes)


def _children(node: Any) -> list[Any]:
    if node.id == "sequence":
        return list(node.value)
    if node.id == "mapping":
        return [n for pair in node.value for n in pair]
    return []
