"""tfagenda: check and render meeting agendas kept as YAML.

The library is usable without the command line::

    from tfagenda import check_paths, load_file, render
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Imported on first use, so that `import tfagenda` (and the CLI's start-up) stays cheap.
_EXPORTS = {
    "load_file": "tfagenda.load",
    "load_text": "tfagenda.load",
    "Loaded": "tfagenda.load",
    "check_paths": "tfagenda.linter",
    "check_text": "tfagenda.linter",
    "check_loaded": "tfagenda.linter",
    "CheckResult": "tfagenda.linter",
    "Finding": "tfagenda.findings",
    "render": "tfagenda.render",
    "render_many": "tfagenda.render",
}

if TYPE_CHECKING:
    from tfagenda.findings import Finding
    from tfagenda.linter import CheckResult, check_loaded, check_paths, check_text
    from tfagenda.load import Loaded, load_file, load_text
    from tfagenda.render import render, render_many


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'tfagenda' has no attribute {name!r}")


__all__ = [
    "load_file",
    "load_text",
    "Loaded",
    "check_paths",
    "check_text",
    "check_loaded",
    "CheckResult",
    "Finding",
    "render",
    "render_many",
]
