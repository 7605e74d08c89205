"""tfagenda: check and render meeting agendas kept as YAML.

The library is usable without the command line::

    from tfagenda import check, load, render

    result = check(["agendas/"])            # a CheckResult: files, findings, exit_code()
    print(render(load("agendas/meeting.yaml"), "md"))

``check_paths``, ``check_text``, ``check_loaded``, ``load_file``, ``load_text`` and ``render_many``
are here too, and what each command does is in ``tfagenda.commands``.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from tfagenda.config import Settings
    from tfagenda.findings import Finding
    from tfagenda.linter import CheckResult, check_loaded, check_paths, check_text
    from tfagenda.load import Loaded, load_file, load_text
    from tfagenda.render import render_many


def check(paths: str | Path | Iterable[str | Path], settings: Settings | None = None) -> CheckResult:
    """Check agenda files, or folders searched for ``*.yaml``/``*.yml``, as ``tfagenda check`` does.

    ``paths`` is one path or several; ``settings`` default to every rule at its default severity
    (``tfagenda.config.load_settings()`` reads a project's config file). The findings' messages are
    deferred: ``finding.message.say("ko")`` (or ``"en"``) says one."""
    from tfagenda.linter import check_paths

    named = [paths] if isinstance(paths, str | Path) else list(paths)
    return check_paths(named, settings)


def load(path: str | Path) -> Loaded:
    """Read one agenda file: its model (``.agenda``, None when it cannot be read), the position of
    every value (``.document``) and the problems found while reading (``.problems``)."""
    from tfagenda.load import load_file

    return load_file(path)


def render(agenda: Loaded | str | Path, format: str = "md", **options: Any) -> str:
    """One agenda (loaded, or the path of its file) in a ``tfagenda render`` format: ``table``,
    ``md``, ``text``, ``html``, ``ics``, ``json``, ``frab-xml`` or ``frab-json``.

    Options as ``render``'s: ``lang`` (labels: ``"ko"``/``"en"``), ``segments`` (ics), ``color``
    (table). A file that is not a readable agenda, or a format that cannot show it, raises
    ``tfagenda.render.RenderError`` (a ValueError)."""
    from tfagenda.load import Loaded
    from tfagenda.render import RenderError, render_many

    loaded = agenda if isinstance(agenda, Loaded) else load(agenda)
    if loaded.agenda is None:
        from tfagenda.messages import T

        first = loaded.problems[0].message if loaded.problems else T("no agenda in it")
        raise RenderError(T("{path} is not a readable agenda: {first}", path=loaded.path, first=first))
    return render_many([loaded], format, **options)


# Imported on first use, so that `import tfagenda` (and the command line's start-up) stays cheap.
_EXPORTS = {
    "load_file": "tfagenda.load",
    "load_text": "tfagenda.load",
    "Loaded": "tfagenda.load",
    "check_paths": "tfagenda.linter",
    "check_text": "tfagenda.linter",
    "check_loaded": "tfagenda.linter",
    "CheckResult": "tfagenda.linter",
    "Finding": "tfagenda.findings",
    "render_many": "tfagenda.render",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'tfagenda' has no attribute {name!r}")


class _Package(types.ModuleType):
    """Importing a submodule sets it as an attribute of its package: importing ``tfagenda.load`` or
    ``tfagenda.render`` (which any check does) would replace the functions ``load`` and ``render``
    above with those modules. The functions stay; the modules are in ``sys.modules`` (``from
    tfagenda.load import load_file`` works as usual, ``tfagenda.load.load_file`` does not)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("load", "render") and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = [
    "check",
    "load",
    "render",
    "load_file",
    "load_text",
    "Loaded",
    "check_paths",
    "check_text",
    "check_loaded",
    "CheckResult",
    "Finding",
    "render_many",
]
