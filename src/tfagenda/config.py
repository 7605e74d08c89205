"""Settings from ``[tool.tfagenda]`` in pyproject.toml, or tfagenda.toml / .tfagenda.toml.

Discovery is ruff's: from the current folder upwards, the first folder with a config wins; in one
folder ``.tfagenda.toml`` beats ``tfagenda.toml`` beats ``pyproject.toml`` (which counts only if it
has a ``[tool.tfagenda]`` table). Paths and globs in a config are relative to its folder.
A bad config raises ``ConfigError`` naming the file and the key (the CLI exits 2).
"""

from __future__ import annotations

import fnmatch
import functools
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from tfagenda.findings import Severity
from tfagenda.policy import Policy

CONFIG_NAMES = (".tfagenda.toml", "tfagenda.toml", "pyproject.toml")


class ConfigError(Exception):
    pass


class _FileSettings(BaseModel):
    # Keys are read by their written, kebab-case names only, as in ruff's config.
    model_config = ConfigDict(extra="forbid")

    agenda_dir: str = Field("agendas", alias="agenda-dir")
    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    extend_select: list[str] = Field(default_factory=list, alias="extend-select")
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    severity: dict[str, Severity] = Field(default_factory=dict)
    include: list[str] = Field(default_factory=lambda: ["*.yaml", "*.yml"])
    exclude: list[str] = Field(default_factory=list)
    policy: Policy = Field(default_factory=Policy)
    people: str | None = Field(
        None,
        description="The shared people registry (docs/people.md), relative to the config's folder; "
        "default: the nearest people.yaml from the agenda's folder up to the project root",
    )

    @field_validator("select", "ignore", "extend_select")
    @classmethod
    def _known_selectors(cls, value: list[str] | None) -> list[str] | None:
        _expand(value)
        return value

    @field_validator("per_file_ignores")
    @classmethod
    def _known_ignores(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for selectors in value.values():
            _expand(selectors)
        return value

    @field_validator("severity")
    @classmethod
    def _known_codes(cls, value: dict[str, Severity]) -> dict[str, Severity]:
        return {code: level for selector, level in value.items() for code in _expand([selector])}


def expand_selector(selector: str) -> list[str]:
    """``T001``, ``end-before-start``, a prefix (``T``, ``S00``) or ``ALL`` → rule codes; ValueError if none."""
    from tfagenda.rules import ALL_RULES, find_rule

    if selector.upper() == "ALL":
        return [r.code for r in ALL_RULES]
    found = find_rule(selector)
    if found:
        return [found.code]
    matches = [r.code for r in ALL_RULES if r.code.startswith(selector.upper())] if selector.isalnum() else []
    if not matches:
        raise ValueError(
            f"unknown rule {selector!r} (give a code such as T001, a prefix such as T, or a name)"
        )
    return matches


@dataclass
class Settings:
    """Resolved settings: which rules run, at which severity, on which files, with which policy."""

    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None  # the config file, if any
    agenda_dir: Path = Path("agendas")
    selected: frozenset[str] = frozenset()
    per_file_ignores: dict[str, frozenset[str]] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    include: tuple[str, ...] = ("*.yaml", "*.yml")
    exclude: tuple[str, ...] = ()
    policy: Policy = field(default_factory=Policy)
    people: Path | None = None  # the configured people registry, if any

    @classmethod
    def defaults(cls) -> Settings:
        return _resolve(_FileSettings(), Path.cwd(), None)

    def with_selection(
        self,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        extend_select: list[str] | None = None,
    ) -> Settings:
        """These settings with command-line selectors applied (``select`` replaces, as in ruff)."""
        from dataclasses import replace

        selected = set(_expand_selection(select)) if select else set(self.selected)
        selected |= set(_expand_selection(extend_select))
        selected -= set(_expand(ignore))
        return replace(self, selected=frozenset(selected))

    def ignored_for(self, path: str) -> frozenset[str]:
        relative = _relative(path, self.root)
        ignored: set[str] = set()
        for pattern, codes in self.per_file_ignores.items():
            if _matches(relative, pattern):
                ignored |= codes
        return frozenset(ignored)

    def is_excluded(self, path: str | Path) -> bool:
        relative = _relative(str(path), self.root)
        return any(_matches(relative, pattern) for pattern in self.exclude)

    def is_included(self, path: str | Path) -> bool:
        return any(_matches(_relative(str(path), self.root), pattern) for pattern in self.include)


def _relative(path: str, root: Path) -> str:
    """``path`` relative to ``root`` in "/" form, or ``path`` itself when it is outside ``root``."""
    absolute = os.path.abspath(path)
    base = _resolved(root) if root.is_absolute() else root.resolve()
    # A check asks for every file it finds, several times: by string where POSIX paths allow it
    # (pathlib took 5 % of a check of 1,000 small agendas); "//" is a root of its own in POSIX.
    if os.sep == "/" and not absolute.startswith("//"):
        if absolute == str(base):
            return "."
        prefix = str(base).rstrip("/") + "/"
        if absolute.startswith(prefix):
            return absolute[len(prefix) :]
        return _as_posix(path)  # outside the root (what ``relative_to`` refuses)
    try:
        return Path(absolute).relative_to(base).as_posix()
    except ValueError:
        return _as_posix(path)


@functools.lru_cache(maxsize=4096)
def _as_posix(path: str) -> str:
    return Path(path).as_posix()


@functools.lru_cache(maxsize=8)
def _resolved(root: Path) -> Path:
    """``root.resolve()``, once: it asks the file system about every folder of the path, and
    ``_relative`` runs for every file a check finds (several times)."""
    return root.resolve()


def _matches(relative: str, pattern: str) -> bool:
    """fnmatch against the relative path, any trailing part of it, or a folder prefix (``drafts/``)."""
    pattern = pattern.rstrip("/") if pattern.endswith("/") else pattern
    parts = relative.split("/")
    candidates = ["/".join(parts[i:]) for i in range(len(parts))] + [
        "/".join(parts[:i]) for i in range(1, len(parts))
    ]
    return any(fnmatch.fnmatchcase(candidate, pattern) for candidate in candidates)


def find_config(start: Path) -> Path | None:
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
                return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        tool = tomllib.loads(text).get("tool")
    except tomllib.TOMLDecodeError:
        # Broken TOML that mentions our table is ours: load_settings reports it (exit 2) rather
        # than the settings being silently dropped; other broken pyproject.toml files are skipped.
        return "tool.tfagenda" in text
    # `tool = 5` is valid TOML but not a table: not ours, so not a config (another tool's business).
    return isinstance(tool, dict) and "tfagenda" in tool


def load_settings(config: Path | None = None, isolated: bool = False, cwd: Path | None = None) -> Settings:
    """Settings from ``config``, or the nearest config file, or the defaults (``isolated``)."""
    cwd = cwd or Path.cwd()
    path = None if isolated else (config or find_config(cwd))
    if path is None:
        return _resolve(_FileSettings(), cwd, None)
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    table: Any = document
    prefix = ""
    if path.name == "pyproject.toml":
        tool = document.get("tool", {})
        table = tool.get("tfagenda", {}) if isinstance(tool, dict) else {}
        prefix = "tool.tfagenda."
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: tool.tfagenda: must be a table ([tool.tfagenda]), not {table!r}")
    try:
        raw = _FileSettings.model_validate(table)
    except ValidationError as errors:
        first = errors.errors()[0]
        key = prefix + ".".join(str(part) for part in first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            import difflib

            known = [f.alias or name for name, f in _FileSettings.model_fields.items()]
            if len(first["loc"]) > 1 and first["loc"][0] == "policy":
                known = [f.alias or name for name, f in Policy.model_fields.items()]
            guess = difflib.get_close_matches(str(first["loc"][-1]), known, n=1)
            message = (
                f"unknown key; did you mean {guess[0]!r}?"
                if guess
                else f"unknown key; known keys: {', '.join(known)}"
            )
        raise ConfigError(f"{path}: {key}: {message}") from None
    settings = _resolve(raw, path.parent, path)
    if settings.people is not None and not settings.people.is_file():
        raise ConfigError(f"{path}: {prefix}people: no such people registry: {settings.people}")
    return settings


def _resolve(raw: _FileSettings, root: Path, source: Path | None) -> Settings:
    selected = set(_expand_selection(raw.select if raw.select is not None else ["ALL"]))
    selected |= set(_expand_selection(raw.extend_select))
    selected -= set(_expand(raw.ignore))
    return Settings(
        root=root,
        source=source,
        agenda_dir=Path(os.path.normpath(root / raw.agenda_dir)),
        selected=frozenset(selected),
        per_file_ignores={
            pattern: frozenset(_expand(codes)) for pattern, codes in raw.per_file_ignores.items()
        },
        severity=dict(raw.severity),
        include=tuple(raw.include),
        exclude=tuple(raw.exclude),
        policy=raw.policy,
        people=Path(os.path.normpath(root / raw.people)) if raw.people else None,
    )


def _expand_selection(selectors: list[str] | None) -> list[str]:
    """Rule codes that selectors turn on: as ``_expand``, but an opt-in rule (T005) only when a
    selector names it by code or name, never through a prefix or ``ALL`` (ignores and severities
    take every rule a selector matches)."""
    from tfagenda.rules import RULES, find_rule

    named = {
        found.code
        for selector in selectors or []
        for part in selector.split(",")
        if (found := find_rule(part.strip())) is not None
    }
    return [code for code in _expand(selectors) if not RULES[code].opt_in or code in named]


def _expand(selectors: list[str] | None) -> list[str]:
    """Rule codes for selectors; a selector may be a comma-separated list (``--select T001,S002``)."""
    return [
        code
        for selector in selectors or []
        for part in selector.split(",")
        if part.strip()
        for code in expand_selector(part.strip())
    ]


CONFIG_SCHEMA_ID = "https://tfagenda.invalid/schema/config.schema.json"


def config_json_schema() -> dict[str, Any]:
    """A JSON Schema (2020-12) of the configuration: ``tfagenda.toml``/``.tfagenda.toml``, or the
    ``[tool.tfagenda]`` table of pyproject.toml. Generated from the model that reads it (its keys
    as written, kebab-case), so it cannot drift; ``schema/config.schema.json`` is the committed copy
    (``tfagenda schema --config``), and tests/test_config_schema.py keeps it current."""
    schema = _FileSettings.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": CONFIG_SCHEMA_ID,
        **schema,
        "title": "tfagenda configuration",
        "description": (
            "tfagenda.toml or .tfagenda.toml, or the [tool.tfagenda] table of pyproject.toml. "
            "Rule selectors are codes (T001), prefixes (T) or names (end-before-start)."
        ),
    }


def config_schema_text() -> str:
    import json

    return json.dumps(config_json_schema(), indent=2, ensure_ascii=False) + "\n"
