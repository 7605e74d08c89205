"""The language server's work, without the protocol: checking buffers, the workspace's agendas for
O003, fixes as edits, and hover text. ``server.py`` turns these into LSP messages.

Everything is computed in-process by the library: text → ``Loaded`` → rules → findings. Positions
here are tfagenda's (1-based line, code-point column) or offsets; ``positions.PositionMap``
converts them to the client's encoding.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tfagenda.config import ConfigError, Settings, load_settings
from tfagenda.findings import Applicability, Edit, Finding, Span
from tfagenda.load import MAX_FILE_BYTES, Loaded, load_bytes, load_text
from tfagenda.rules import Context
from tfagenda.rules.changeover import cross_file_changeovers
from tfagenda.rules.owners import Bookings, bookings_of, cross_file_double_bookings
from tfagenda.timeline import Placed
from tfagenda.yamldoc import gc_paused

# Messages for a YAML file that is plainly something else (a workflow, a compose file): outside the
# agenda folder such a file is left alone, as a folder walk leaves it, rather than marked red.
# (load.py's E002 messages, by the start of their English template)
_NOT_AN_AGENDA = ("not an agenda: its keys are", "the file is {what}; an agenda is a mapping")


def finding_text(message: Any, lang: str) -> str:
    """A finding's message (or a fix's description) in ``lang``: a deferred message is said in it,
    text is already in its language."""
    return message.say(lang) if hasattr(message, "say") else str(message)


def client_language(locale: str | None) -> str:
    """The messages' language for the client's ``locale``: Korean for ``ko``, ``ko-KR``, ``ko_KR``, else English."""
    language = (locale or "").lower().replace("_", "-").split("-")[0]
    return "ko" if language == "ko" else "en"


# ---------------------------------------------------------------------------------------------
# Checking one buffer, with the workspace's other agendas for double bookings


@dataclass
class Checked:
    """One buffer as last checked: its text, what the library made of it, and its findings."""

    path: str
    text: str
    loaded: Loaded
    context: Context | None  # None: the check failed (an E000 says so)
    findings: list[Finding]
    is_yaml: bool
    # What other files' O003 depends on (the people and who is where when): compared for a refresh.
    bookings: Bookings | None = None


@gc_paused()  # a check builds many objects that live until it ends: collecting meanwhile only costs time
def check_buffer(
    text: str,
    path: str,
    settings: Settings,
    others: Sequence[Bookings] = (),
    source_format: str | None = None,
) -> Checked:
    """Check a buffer as ``tfagenda check`` checks a file, and against ``others`` for O003.

    The same steps as ``linter.check_file`` and ``linter.check_paths``, by the same functions, for
    text that is not on disk: run the rules, settle the file's own findings into a ``FileReport``
    with its ``Bookings``, compare those with the other agendas' (``cross_file_double_bookings``,
    keeping this buffer's), and ``finish`` the report (cross-file O003, I001, severities).
    """
    from tfagenda.linter import FileReport, _settle, finish, internal_error, run_rules

    loaded: Loaded | None = None
    context: Context | None = None
    bookings: Bookings | None = None
    try:
        if len(text) > MAX_FILE_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
            # refused as a file of that size would be (E001)
            loaded = load_bytes(text.encode("utf-8", "surrogatepass"), path)
        else:
            loaded = load_text(text, path, source_format)
        context, found = run_rules(loaded, settings)
        # A calendar's meetings are also in its attendees' other calendars: as `tfagenda check`, it is
        # not compared with the agendas (nor they with it); `--calendar` is the comparison.
        calendar = getattr(loaded.document, "from_calendar", False)
        bookings = bookings_of(context) if "O003" in settings.selected and not calendar else None
        own, suppressions = _settle(loaded, found, settings)
        report = FileReport(loaded.path, text, own, suppressions, bookings)
        cross = (
            [problem for index, problem in cross_file_double_bookings([bookings, *others]) if index == 0]
            if bookings is not None and bookings.bookings and others
            else []
        )
        if bookings is not None and bookings.bookings and others:  # O005 across files, as check does
            changeovers = cross_file_changeovers([bookings, *others], settings.policy)
            cross += [problem for index, problem in changeovers if index == 0]
        findings = finish(report, settings, cross)
    except Exception as error:  # noqa: BLE001 - a crash is this buffer's E000, never the server's end
        from tfagenda.yamldoc import Document

        loaded = loaded or Loaded(Document(path=path, text=text), None)
        findings, context, bookings = [internal_error(path, error)], None, None
    return Checked(
        path, text, loaded, context, findings, _is_yaml(loaded, path, text, source_format), bookings
    )


def _is_yaml(loaded: Loaded, path: str, text: str, source_format: str | None) -> bool:
    from tfagenda.fix import is_yaml

    return source_format == "yaml" if source_format else is_yaml(path, text)


def plainly_not_an_agenda(checked: Checked) -> bool:
    """A YAML file with none of an agenda's keys (tfagenda's E002 "not an agenda"), or a file of
    another format in which no agenda could be read at all (a package.json, a README.md)."""
    if not checked.is_yaml and checked.loaded.agenda is None:
        return True
    return any(
        p.code == "E002" and getattr(p.message, "template", "").startswith(_NOT_AN_AGENDA)
        for p in checked.loaded.problems
    )


# ---------------------------------------------------------------------------------------------
# The workspace: settings and the agendas on disk


@dataclass
class _OnDisk:
    listed_as: str  # the path as the folder walk gives it (``tfagenda check`` names the file so)
    stamp: tuple[int, int]  # mtime_ns, size
    bookings: Bookings | None


@dataclass
class Workspace:
    """A workspace folder: its settings (the command line's config files) and its agenda folder.

    The agendas on disk are loaded once and again only when their modification time or size
    changes; the folder is listed again when ``stale`` (a file was created, deleted or saved).
    """

    root: Path
    settings: Settings = field(default_factory=Settings.defaults)
    config_error: str | None = None
    stale: bool = True
    _disk: dict[str, _OnDisk] = field(default_factory=dict)

    def reload_settings(self) -> str | None:
        """Read the config again (as ``tfagenda check`` run in the root would); the error, if any."""
        try:
            self.settings = load_settings(cwd=self.root)
            self.config_error = None
        except ConfigError as error:
            self.settings = load_settings(isolated=True, cwd=self.root)
            self.config_error = str(error)
        self._disk.clear()
        self.stale = True
        return self.config_error

    def config_files(self) -> list[Path]:
        """The files a config may come from, from the root upwards (a change to any may change the settings)."""
        from tfagenda.config import CONFIG_NAMES

        return [folder / name for folder in (self.root, *self.root.parents) for name in CONFIG_NAMES]

    def is_config_file(self, path: str) -> bool:
        from tfagenda.config import CONFIG_NAMES

        candidate = Path(path)
        return candidate.name in CONFIG_NAMES and (
            candidate.parent == self.root or candidate.parent in self.root.parents
        )

    def in_agenda_folder(self, path: str) -> bool:
        folder = os.path.abspath(self.settings.agenda_dir)
        return os.path.abspath(path).startswith(folder.rstrip(os.sep) + os.sep)

    def agendas_on_disk(self) -> dict[str, Bookings]:
        """The bookings of the agenda folder's files (as ``tfagenda check`` finds and checks them:
        ``linter.check_file``); by real path. A file is checked again when its mtime or size changes."""
        folder = Path(self.settings.agenda_dir)
        if self.stale:
            from tfagenda.discover import agenda_files, is_calendar_name

            try:
                found = [str(p) for p in agenda_files([folder], self.settings)] if folder.is_dir() else []
                found = [path for path in found if not is_calendar_name(path)]  # never compared (above)
            except Exception:  # noqa: BLE001 - an unreadable folder: nothing to compare with
                found = []
            listed = {os.path.realpath(path): path for path in found}
            self._disk = {
                real: self._disk[real]
                if real in self._disk and self._disk[real].listed_as == path
                # never read yet: a stamp no file has
                else _OnDisk(path, (-1, -1), None)
                for real, path in listed.items()
            }
            self.stale = False
        for entry in self._disk.values():
            try:
                info = os.stat(entry.listed_as)
                stamp = (info.st_mtime_ns, info.st_size)
            except OSError:
                stamp = (-2, -2)
            if stamp != entry.stamp:
                entry.stamp, entry.bookings = stamp, bookings_on_disk(entry.listed_as, self.settings)
        return {real: entry.bookings for real, entry in self._disk.items() if entry.bookings is not None}


def bookings_on_disk(path: str, settings: Settings) -> Bookings | None:
    """A file's bookings as ``tfagenda check`` compares them: by its ``check_file``, not reported on."""
    from tfagenda.linter import check_file

    try:
        return check_file((path, False), settings, compare=True).bookings
    except Exception:  # noqa: BLE001 - check_file reports its crashes; this guards the server's loop
        return None


def compare_with(
    workspace: Workspace, path: str, buffers: Iterable[Checked], include_disk: bool = True
) -> list[Bookings]:
    """The other agendas' bookings a buffer is compared with for O003: the agenda folder's files,
    each replaced by its open buffer when it has one (unsaved text wins), and the other open buffers."""
    if "O003" not in workspace.settings.selected:
        return []
    me = os.path.realpath(path)
    chosen: dict[str, Bookings] = dict(workspace.agendas_on_disk()) if include_disk else {}
    for checked in buffers:
        if checked.bookings is not None:
            chosen[os.path.realpath(checked.path)] = checked.bookings
    chosen.pop(me, None)
    return list(chosen.values())


# ---------------------------------------------------------------------------------------------
# Fixes and suppressions as edits (tfagenda spans; the server converts them)


@dataclass(frozen=True)
class Action:
    title: str
    kind: str  # "quickfix" or "source.fixAll.tfagenda"
    edits: tuple[Edit, ...]
    finding: Finding | None = None
    preferred: bool = False


def fix_actions(finding: Finding, lang: str) -> list[Action]:
    """The finding's own fix, if it is an edit: safe ones preferred, unsafe ones said to be unsafe."""
    fix = finding.fix
    if fix is None or not fix.edits or fix.applicability is Applicability.DISPLAY_ONLY:
        return []
    description = finding_text(fix.description, lang)
    if fix.applicability is Applicability.SAFE:
        title = f"{finding.code}: {description}" if lang == "en" else f"{finding.code}: {description}"
        return [Action(title, "quickfix", fix.edits, finding, preferred=True)]
    label = "unsafe fix" if lang == "en" else "안전하지 않은 수정"
    return [Action(f"{finding.code} ({label}): {description}", "quickfix", fix.edits, finding)]


def ignore_action(finding: Finding, lines: Sequence[str], lang: str) -> Action | None:
    """Silence the finding's rule on its line with ``# tfagenda: ignore[CODE]``, added to a
    suppression comment already there, else at the end of the line."""
    from tfagenda.suppress import find_suppressions

    if finding.code in ("E000", "E001") or not 1 <= finding.line <= len(lines):
        return None  # an unreadable file has no line to comment; a crash is not to be silenced
    title = f"Ignore {finding.code} on this line" if lang == "en" else f"이 줄에서 {finding.code} 무시"
    line = lines[finding.line - 1]
    for suppression in find_suppressions([line]):
        if suppression.file_wide or suppression.span.line != 1:
            continue
        text = line[suppression.span.column - 1 : suppression.span.end_column - 1]
        if text.endswith("]"):  # "# tfagenda: ignore[S002]" → "# tfagenda: ignore[S002, T001]"
            at = Span(
                finding.line, suppression.span.end_column - 1, finding.line, suppression.span.end_column - 1
            )
            return Action(title, "quickfix", (Edit(at, f", {finding.code}"),), finding)
        return None  # a bare "# tfagenda: ignore" already silences every rule
    content = line.rstrip(" \t")
    at = Span(finding.line, len(content) + 1, finding.line, len(line) + 1)
    return Action(title, "quickfix", (Edit(at, f"  # tfagenda: ignore[{finding.code}]"),), finding)


def fix_all(text: str, path: str, settings: Settings) -> tuple[int, int, str] | None:
    """Every safe fix, by the library's check → apply rounds (``check --fix``), as one edit: the
    smallest range of ``text`` (offsets) that changed and its new text; None if nothing changes."""
    from tfagenda.fix import fix_text

    fixed, counts = fix_text(text, path, settings)
    if fixed == text or not counts:
        return None
    begin = 0
    limit = min(len(text), len(fixed))
    while begin < limit and text[begin] == fixed[begin]:
        begin += 1
    end_old, end_new = len(text), len(fixed)
    while end_old > begin and end_new > begin and text[end_old - 1] == fixed[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return begin, end_old, fixed[begin:end_new]


# ---------------------------------------------------------------------------------------------
# Hover


def contains(span: Span, line: int, column: int) -> bool:
    """Whether the position (1-based, code points) is in the span (its end included: the cursor after a value)."""
    return (span.line, span.column) <= (line, column) <= (span.end_line, span.end_column)


def finding_hover(finding: Finding, lang: str) -> str:
    """The finding and its rule's documentation (``tfagenda rule CODE``), as Markdown."""
    from tfagenda.rules import RULES

    rule = RULES.get(finding.code)
    head = f"**{finding.code} {finding.name}** ({finding.severity}): {finding_text(finding.message, lang)}"
    if rule is None:
        return head
    return f"{head}\n\n---\n\n### {rule.code} {rule.name}\n\n{rule.doc}"


def segment_at(checked: Checked, line: int, column: int) -> Placed | None:
    """The innermost placed segment whose mapping contains the position."""
    context = checked.context
    if context is None or context.timeline is None:
        return None
    best: tuple[tuple[int, int], Placed] | None = None
    nodes = checked.loaded.document.nodes
    for placed in context.timeline.segments():
        node = nodes.get(placed.path)
        if node is None or not contains(node.span, line, column):
            continue
        size = (node.span.end_line - node.span.line, node.span.end_column - node.span.column)
        if best is None or size <= best[0]:
            best = (size, placed)
    return best[1] if best else None


def segment_hover(placed: Placed, lang: str) -> str:
    """A segment's resolved start, end and duration, saying which the file does not write."""
    from tfagenda.clock import format_time

    korean = lang == "ko"
    labels = (
        ("시작", "종료", "소요 시간", "분", "추정", "알 수 없음", "수정안")
        if korean
        else ("start", "end", "duration", "min", "inferred", "unknown", "repaired")
    )
    segment = placed.segment
    repaired = placed.conflict.repair.field if placed.conflict and placed.conflict.repair else None

    def shown(name: str, value: str | None) -> str:
        if value is None:
            return labels[5]
        if name == repaired:
            return f"{value} ({labels[6]})"
        return value if segment.given(name) else f"{value} ({labels[4]})"

    start = format_time(placed.start) if placed.start is not None else None
    end = format_time(placed.end) if placed.end is not None else None
    duration = f"{placed.duration} {labels[3]}" if placed.duration is not None else None
    rows = [
        f"**{segment.title}**",
        "",
        f"| {labels[0]} | {labels[1]} | {labels[2]} |",
        "|---|---|---|",
        f"| {shown('start', start)} | {shown('end', end)} | {shown('duration', duration)} |",
    ]
    day = placed.track.day
    where = [str(day.date)] if day.date else []
    if placed.track.name:
        where.append(placed.track.name)
    if where:
        rows += ["", " · ".join(where)]
    if placed.conflict is not None:
        rows += ["", finding_text(placed.conflict.message, lang)]
    return "\n".join(rows)
