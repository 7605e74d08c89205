"""The shape of the code (issue 10): no import cycles anywhere in ``src/tfagenda``.

Every import counts: at module level, inside functions and under ``if TYPE_CHECKING:``, relative
or absolute. ``from X import Y`` imports ``X.Y`` when ``Y`` is a submodule, else ``X``. A cycle
means two modules each need the other: move the code to where it belongs instead of hiding an
import inside a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

SOURCE = REPO / "src"
PACKAGE = "tfagenda"


def modules(root: Path) -> dict[str, tuple[Path, bool]]:
    """Dotted module name → (file, whether it is a package's ``__init__``), for every module under ``root``."""
    found = {}
    for file in sorted((root / PACKAGE).rglob("*.py")):
        parts = list(file.relative_to(root).with_suffix("").parts)
        package = parts[-1] == "__init__"
        if package:
            parts.pop()
        found[".".join(parts)] = (file, package)
    return found


def imports(name: str, file: Path, package: bool, known: set[str]) -> set[str]:
    """The modules of ``known`` that module ``name`` imports anywhere in its source."""
    here = name if package else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"), str(file))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                source = f"{base}.{node.module}" if node.module else base
            else:
                source = node.module or ""
            for alias in node.names:
                if f"{source}.{alias.name}" in known:
                    found.add(f"{source}.{alias.name}")
                elif source in known:
                    found.add(source)
    found.discard(name)
    return found


def import_graph(root: Path) -> dict[str, set[str]]:
    found = modules(root)
    return {name: imports(name, file, package, set(found)) for name, (file, package) in found.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (as a path that returns to its start) per group of modules that import each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(start: str) -> None:  # Tarjan's strongly connected components, without recursion
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return [_cycle_through(graph, set(group), group[0]) for group in groups]


def _cycle_through(graph: dict[str, set[str]], group: set[str], start: str) -> list[str]:
    """A shortest import path from ``start`` back to itself inside ``group``."""
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for successor in sorted(graph[node] & group):
                if successor == start:
                    return paths[node] + [start]
                if successor not in paths:
                    paths[successor] = paths[node] + [successor]
                    following.append(successor)
        frontier = following
    raise AssertionError(f"no cycle through {start}")


def test_no_import_cycles_in_tfagenda() -> None:
    graph = import_graph(SOURCE)
    assert len(graph) > 20 and "tfagenda.linter" in graph  # the walk found the package
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n".join(" → ".join(cycle) for cycle in found)


# -- the walk itself -------------------------------------------------------------------------------


def _package(tmp_path: Path, files: dict[str, str]) -> dict[str, set[str]]:
    for name, text in files.items():
        path = tmp_path / PACKAGE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return import_graph(tmp_path)


def test_every_kind_of_import_is_an_edge(tmp_path: Path) -> None:
    graph = _package(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "import tfagenda.b\n",
            "b.py": "def f():\n    from . import c\n",  # inside a function, relative, a submodule
            "c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from tfagenda.sub import thing\n",
            "sub/__init__.py": "thing = 1\nfrom .deep import x\n",
            "sub/deep.py": "from ..a import nothing\nimport json\n",  # two levels up
        },
    )
    assert graph["tfagenda.a"] == {"tfagenda.b"}
    assert graph["tfagenda.b"] == {"tfagenda.c"}
    assert graph["tfagenda.c"] == {"tfagenda.sub"}  # a name from the package, not a submodule
    assert graph["tfagenda.sub"] == {"tfagenda.sub.deep"}
    assert graph["tfagenda.sub.deep"] == {"tfagenda.a"}
    assert cycles(graph) == [
        ["tfagenda.a", "tfagenda.b", "tfagenda.c", "tfagenda.sub", "tfagenda.sub.deep", "tfagenda.a"]
    ]


def test_a_tree_without_cycles_passes(tmp_path: Path) -> None:
    graph = _package(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "from tfagenda import b, c\n",
            "b.py": "from tfagenda.c import x\n",
            "c.py": "x = 1\n",
        },
    )
    assert graph["tfagenda.a"] == {"tfagenda.b", "tfagenda.c"}
    assert cycles(graph) == []


def test_the_two_cycles_issue_10_names_would_be_found(tmp_path: Path) -> None:
    graph = _package(
        tmp_path,
        {
            "__init__.py": "",
            "linter.py": "def check():\n    from tfagenda.parallel import check_files\n",
            "parallel.py": "def work():\n    from tfagenda.linter import settle\n",
            "suppress.py": "def find():\n    from tfagenda.rules import find_rule\n",
            "rules/__init__.py": "from tfagenda.rules import base\n",
            "rules/base.py": "from tfagenda.suppress import Suppression\n",
        },
    )
    assert sorted(cycles(graph)) == [
        ["tfagenda.linter", "tfagenda.parallel", "tfagenda.linter"],
        ["tfagenda.rules", "tfagenda.rules.base", "tfagenda.suppress", "tfagenda.rules"],
    ]
