"""The ruamel.yaml versions the scanner guards were written for (pyproject.toml pins them).

``tfagenda.yamldoc.ruamel`` overrides private methods of ruamel.yaml's scanner and reads its
state. A ruamel.yaml release may rename or re-sign them without notice; then the guards (depth,
value count, stale-key shortcut, comment skipping) would silently stop working, or break parsing.
"""

from __future__ import annotations

import inspect
import tomllib

import pytest
from conftest import REPO
from packaging.requirements import Requirement

from tfagenda.yamldoc import MAX_DEPTH, ruamel

# The ruamel.yaml scanner methods GuardedScanner replaces.
OVERRIDDEN = {
    "scan_to_next_token",
    "stale_possible_simple_keys",
    "add_indent",
    "fetch_flow_collection_start",
    "fetch_block_entry",
    "fetch_value",
    "fetch_flow_scalar",
    "fetch_block_scalar",
    "fetch_plain",
    "fetch_alias",
}


def _pinned() -> Requirement:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return next(r for r in map(Requirement, project["dependencies"]) if r.name == "ruamel.yaml")


def test_the_pin_has_both_bounds() -> None:
    operators = {spec.operator for spec in _pinned().specifier}
    assert ">=" in operators and "<" in operators, (
        f"pyproject.toml must pin ruamel.yaml to the versions the scanner overrides were checked with "
        f"(a lower and an upper bound), not {_pinned()}"
    )


def test_the_installed_ruamel_yaml_is_in_the_pinned_range() -> None:
    import ruamel.yaml

    pinned = _pinned()
    assert pinned.specifier.contains(ruamel.yaml.__version__, prereleases=True), (
        f"ruamel.yaml {ruamel.yaml.__version__} is installed, but tfagenda.yamldoc.ruamel overrides "
        f"private scanner methods that were checked only for {pinned.specifier}: compare "
        f"ruamel/yaml/scanner.py with the overrides, run the tests, then change the pin in pyproject.toml"
    )


def test_every_override_replaces_a_ruamel_method_with_the_same_parameters() -> None:
    from ruamel.yaml.scanner import RoundTripScanner

    guarded = ruamel._guarded_scanner()
    ours = {name for name, value in vars(guarded).items() if callable(value) and not name.startswith("_")}
    assert ours == OVERRIDDEN, "update OVERRIDDEN in this test (and the comment in pyproject.toml)"
    for name in sorted(OVERRIDDEN):
        theirs = getattr(RoundTripScanner, name, None)
        assert theirs is not None, (
            f"ruamel.yaml's RoundTripScanner has no method {name!r} any more: GuardedScanner's override "
            "is never called; adapt tfagenda.yamldoc.ruamel to this ruamel.yaml version"
        )
        expected = list(inspect.signature(theirs).parameters)
        got = list(inspect.signature(getattr(guarded, name)).parameters)
        assert got == expected, (
            f"ruamel.yaml's RoundTripScanner.{name} takes {expected}, GuardedScanner's override {got}: "
            "adapt tfagenda.yamldoc.ruamel to this ruamel.yaml version"
        )


def test_the_guards_still_take_effect(monkeypatch: pytest.MonkeyPatch) -> None:
    """The overrides are called and read the scanner's state: each guard refuses what it should."""
    deep = ruamel.parse("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n", "deep.yaml")
    assert [p.code for p in deep.problems] == ["E001"]
    assert f"more than {MAX_DEPTH} levels of nesting" in str(deep.problems[0].message)

    monkeypatch.setattr(ruamel, "MAX_EXPANDED_VALUES", 5)  # the value-token count (fetch_* overrides)
    many = ruamel.parse("a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]\n", "many.yaml")
    assert [p.code for p in many.problems] == ["E001"]
    assert many.data is None
    monkeypatch.undo()

    # Comments are skipped by the plain scanner's scan_to_next_token; values and their places are kept.
    text = "# a comment\na: 1  # another\nb: [2, {c: 3}]\n"
    doc = ruamel.parse(text, "ok.yaml")
    assert doc.problems == [] and doc.data == {"a": 1, "b": [2, {"c": 3}]}
    assert doc.nodes[("b", 1, "c")].span.line == 3
