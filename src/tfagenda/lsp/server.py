"""``tfagenda lsp``: the Language Server Protocol over standard input and output, on pygls.

Diagnostics on open, on change (after a pause of ``DEBOUNCE`` seconds) and on save; quick fixes,
"ignore on this line" and ``source.fixAll.tfagenda``; hover for findings and segments. Open
agendas are compared with the workspace's agenda folder (and each other) for double bookings
(O003), and re-checked when another agenda's bookings change. Settings come from the command
line's config files and are read again when one changes.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from tfagenda import __version__
from tfagenda.findings import Finding, Severity
from tfagenda.fix import applicable
from tfagenda.lsp.engine import (
    Action,
    Checked,
    Workspace,
    check_buffer,
    client_language,
    compare_with,
    contains,
    finding_hover,
    finding_text,
    fix_actions,
    fix_all,
    ignore_action,
    plainly_not_an_agenda,
    segment_at,
    segment_hover,
)
from tfagenda.lsp.positions import PositionMap

DEBOUNCE = 0.2  # seconds of quiet after a change before the check runs
FIX_ALL = "source.fixAll.tfagenda"
log = logging.getLogger(__name__)

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_FORMATS = {
    "yaml": "yaml",
    "xml": "frab-xml",
    "json": "frab-json",
    "markdown": "ministry",
    "plaintext": "ministry",
    "icalendar": "ics",  # Neovim's file type for .ics, and VS Code's iCalendar extensions'
    "ics": "ics",
}


class TfagendaServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("tfagenda", __version__)
        self.lang = "en"
        self.chosen_lang: str | None = None  # `tfagenda lsp --lang`
        self.workspaces: dict[str, Workspace] = {}
        self.checked: dict[str, Checked] = {}  # by document URI
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.shut_down = False

    # -- places -----------------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16)

    def workspace_for(self, path: str) -> Workspace:
        """The workspace folder holding ``path`` (the deepest), else one rooted at the file's folder."""
        absolute = os.path.abspath(path)
        roots = [r for r in self.workspaces if absolute.startswith(r.rstrip(os.sep) + os.sep)]
        if roots:
            return self.workspaces[max(roots, key=len)]
        folder = str(Path(absolute).parent)
        if folder not in self.workspaces:
            self.add_workspace(folder)
        return self.workspaces[folder]

    def add_workspace(self, root: str) -> None:
        workspace = Workspace(Path(root))
        self.workspaces[root] = workspace
        self.report_config(workspace.reload_settings())

    def report_config(self, error: str | None) -> None:
        if error:
            self.window_show_message(
                types.ShowMessageParams(
                    types.MessageType.Error,
                    f"tfagenda: {error} (using the default settings until it is fixed)",
                )
            )

    def path_of(self, uri: str) -> str:
        return to_fs_path(uri) or uri

    # -- checking ---------------------------------------------------------------------------

    def check(self, uri: str) -> Checked | None:
        """Check the open document ``uri`` now and publish its diagnostics; other open agendas whose
        double bookings may have changed with it are checked again too."""
        self.pending.pop(uri, None)
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return None
        before = self.checked.get(uri)
        checked = self.check_document(uri, document.source, document.language_id)
        self.publish(uri, checked, document.version)
        if before is None or before.bookings != checked.bookings:
            self.refresh_others(uri)
        return checked

    def check_document(self, uri: str, text: str, language_id: str | None = None) -> Checked:
        path = self.path_of(uri)
        workspace = self.workspace_for(path)
        others = compare_with(workspace, path, (c for u, c in self.checked.items() if u != uri))
        source_format = None if Path(path).suffix else _FORMATS.get(language_id or "")
        checked = check_buffer(text, path, workspace.settings, others, source_format)
        self.checked[uri] = checked
        return checked

    def publish(self, uri: str, checked: Checked, version: int | None = None) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri, self.diagnostics(checked), version)
        )

    def shown_findings(self, checked: Checked) -> list[Finding]:
        """The findings the editor shows: none for an excluded file, a config file, or a file outside
        the agenda folder that is plainly not an agenda (a workflow, a compose file, a package.json)."""
        workspace = self.workspace_for(checked.path)
        if workspace.settings.is_excluded(checked.path) or workspace.is_config_file(checked.path):
            return []
        if plainly_not_an_agenda(checked) and not workspace.in_agenda_folder(checked.path):
            return []
        return checked.findings

    def diagnostics(self, checked: Checked) -> list[types.Diagnostic]:
        positions = PositionMap(checked.text, self.encoding)
        out = []
        for finding in self.shown_findings(checked):
            related = [
                types.DiagnosticRelatedInformation(
                    types.Location(self.uri_of(r.path), self.point_in(r.path, r.line, r.column)),
                    finding_text(r.message, self.lang),
                )
                for r in finding.related
            ]
            out.append(
                types.Diagnostic(
                    range=self.range(positions, finding),
                    message=finding_text(finding.message, self.lang),
                    severity=_SEVERITY.get(finding.severity, types.DiagnosticSeverity.Error),
                    code=finding.code,
                    source="tfagenda",
                    related_information=related or None,
                    tags=[types.DiagnosticTag.Unnecessary] if finding.code == "I001" else None,
                    data={"name": finding.name},
                )
            )
        return out

    def range(self, positions: PositionMap, finding: Finding) -> types.Range:
        (line, character), (end_line, end_character) = positions.lsp_range(finding.span)
        return types.Range(types.Position(line, character), types.Position(end_line, end_character))

    def uri_of(self, path: str) -> str:
        for uri, checked in self.checked.items():
            if checked.path == path:
                return uri
        return from_fs_path(os.path.abspath(path)) or path

    def point_in(self, path: str, line: int, column: int) -> types.Range:
        """A position in another file, in the client's encoding when its text is known."""
        text = next((c.text for c in self.checked.values() if c.path == path), None)
        if text is None:
            try:
                text = Path(path).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                text = None
        if text is None:
            point = types.Position(max(line - 1, 0), max(column - 1, 0))
        else:
            positions = PositionMap(text, self.encoding)
            point = types.Position(*positions.lsp_position(positions.offset_of(line, column)))
        return types.Range(point, point)

    def refresh_others(self, uri: str) -> None:
        """Check the other open documents again (their O003 findings compare with this one)."""
        for other in list(self.checked):
            document = self.workspace.text_documents.get(other)
            if other != uri and document is not None and self.checked[other].context is not None:
                checked = self.check_document(other, document.source, document.language_id)
                self.publish(other, checked, document.version)

    def schedule(self, uri: str) -> None:
        """Check ``uri`` once the typing has paused for ``DEBOUNCE`` seconds."""
        if (handle := self.pending.pop(uri, None)) is not None:
            handle.cancel()
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(DEBOUNCE, self.check, uri)

    def current(self, uri: str) -> Checked | None:
        """The document as it is now: checked again if it changed since its last check."""
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return None
        checked = self.checked.get(uri)
        if checked is None or checked.text != document.source:
            if (handle := self.pending.pop(uri, None)) is not None:
                handle.cancel()
            checked = self.check(uri)
        return checked

    def settings_changed(self, workspace: Workspace) -> None:
        self.report_config(workspace.reload_settings())
        for uri in list(self.checked):
            if self.workspace_for(self.checked[uri].path) is workspace:
                self.check(uri)

    # -- edits ------------------------------------------------------------------------------

    def workspace_edit(self, uri: str, positions: PositionMap, edits: Any) -> types.WorkspaceEdit:
        text_edits = []
        for edit in edits:
            (line, character), (end_line, end_character) = positions.lsp_range(edit.span)
            text_edits.append(
                types.TextEdit(
                    types.Range(types.Position(line, character), types.Position(end_line, end_character)),
                    edit.text,
                )
            )
        return types.WorkspaceEdit(changes={uri: text_edits})


server = TfagendaServer()


@server.feature(types.INITIALIZE)
def initialize(ls: TfagendaServer, params: types.InitializeParams) -> None:
    # The client's setting (initializationOptions.lang), else `tfagenda lsp --lang`, else the
    # client's locale, else the environment's (as the command line's --lang defaults).
    options = params.initialization_options
    if isinstance(options, dict) and options.get("lang") in ("en", "ko"):
        ls.lang = options["lang"]
    elif ls.chosen_lang is not None:
        ls.lang = ls.chosen_lang
    elif params.locale:
        ls.lang = client_language(params.locale)
    else:
        from tfagenda.messages import language_from_env

        ls.lang = language_from_env()
    folders = [to_fs_path(f.uri) for f in params.workspace_folders or []]
    if not folders and params.root_uri:
        folders = [to_fs_path(params.root_uri)]
    elif not folders and params.root_path:
        folders = [params.root_path]
    for folder in folders:
        if folder:
            ls.add_workspace(folder)


@server.feature(types.INITIALIZED)
async def initialized(ls: TfagendaServer, params: types.InitializedParams) -> None:
    """Ask the client to tell us about agenda and config files changing on disk, when it can."""
    capabilities = ls.client_capabilities.workspace
    watched = capabilities.did_change_watched_files if capabilities else None
    if not (watched and watched.dynamic_registration):
        return
    globs = ["**/*.yaml", "**/*.yml", "**/.tfagenda.toml", "**/tfagenda.toml", "**/pyproject.toml"]
    registration = types.Registration(
        id="tfagenda-watched-files",
        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in globs]
        ),
    )
    try:
        await ls.client_register_capability_async(types.RegistrationParams([registration]))
    except Exception as error:  # noqa: BLE001 - the client declined: saves still refresh
        log.info("file watching not registered: %s", error)


@server.feature(types.SHUTDOWN)
def shutdown(ls: TfagendaServer, params: None) -> None:
    ls.shut_down = True
    for handle in ls.pending.values():
        handle.cancel()
    ls.pending.clear()


@server.feature(types.EXIT)
def exit_now(ls: TfagendaServer, params: None) -> None:
    """End the process at once: everything is sent (each message is flushed as it is written), and
    tearing down the interpreter's objects would only keep the editor waiting (up to a second or two)."""
    sys.stdout.flush()
    os._exit(0 if ls.shut_down else 1)  # the protocol's exit codes: 1 without a shutdown request first


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: TfagendaServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.check(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: TfagendaServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: TfagendaServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    path = ls.path_of(uri)
    workspace = ls.workspace_for(path)
    if workspace.is_config_file(path):
        ls.settings_changed(workspace)
        return
    workspace.stale = True  # a saved agenda may be new in the agenda folder
    if uri in ls.checked:
        if (handle := ls.pending.pop(uri, None)) is not None:
            handle.cancel()
        ls.check(uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: TfagendaServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    if (handle := ls.pending.pop(uri, None)) is not None:
        handle.cancel()
    closed = ls.checked.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))
    if closed is not None and closed.bookings is not None:
        ls.refresh_others(uri)  # its unsaved bookings are gone; the file on disk counts again


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: TfagendaServer, params: types.DidChangeWatchedFilesParams) -> None:
    touched: set[int] = set()
    for change in params.changes:
        path = ls.path_of(change.uri)
        workspace = ls.workspace_for(path)
        if workspace.is_config_file(path):
            ls.settings_changed(workspace)
            continue
        workspace.stale = True
        touched.add(id(workspace))
    if touched:
        for uri in list(ls.checked):
            if id(ls.workspace_for(ls.checked[uri].path)) in touched:
                ls.check(uri)


@server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
def did_change_folders(ls: TfagendaServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
    for folder in params.event.removed:
        ls.workspaces.pop(to_fs_path(folder.uri) or "", None)
    for folder in params.event.added:
        if path := to_fs_path(folder.uri):
            ls.add_workspace(path)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL],
        resolve_provider=False,
    ),
)
def code_action(ls: TfagendaServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    checked = ls.current(uri)
    if checked is None or not checked.is_yaml:
        return []  # imported formats are read, never rewritten
    positions = PositionMap(checked.text, ls.encoding)
    only = params.context.only
    wanted = (
        (lambda kind: True)
        if not only
        else (lambda kind: any(kind == o or kind.startswith(o + ".") for o in only))
    )
    start = positions.tfagenda_position(params.range.start.line, params.range.start.character)
    end = positions.tfagenda_position(params.range.end.line, params.range.end.character)
    actions: list[Action] = []
    if wanted("quickfix"):
        lines = checked.loaded.document.lines
        for finding in ls.shown_findings(checked):
            span = finding.span
            if (span.end_line, span.end_column) < start or (span.line, span.column) > end:
                continue
            actions += fix_actions(finding, ls.lang)
            ignore = ignore_action(finding, lines, ls.lang)
            if ignore is not None:
                actions.append(ignore)
    out = []
    for action in actions:
        diagnostic = _diagnostic_for(params.context.diagnostics, action.finding, positions, ls)
        out.append(
            types.CodeAction(
                title=action.title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic] if diagnostic else None,
                is_preferred=action.preferred or None,
                edit=ls.workspace_edit(uri, positions, action.edits),
            )
        )
    # Only when a safe fix is there: editors ask for code actions at every move of the cursor.
    if wanted(FIX_ALL) and any(applicable(f.fix) for f in ls.shown_findings(checked)):
        workspace = ls.workspace_for(checked.path)
        change = fix_all(checked.text, checked.path, workspace.settings)
        if change is not None:
            begin, end_offset, new_text = change
            edit = types.TextEdit(
                types.Range(
                    types.Position(*positions.lsp_position(begin)),
                    types.Position(*positions.lsp_position(end_offset)),
                ),
                new_text,
            )
            title = "tfagenda: fix all safe fixes" if ls.lang == "en" else "tfagenda: 안전한 수정 모두 적용"
            out.append(
                types.CodeAction(
                    title=title,
                    kind=FIX_ALL,
                    edit=types.WorkspaceEdit(changes={uri: [edit]}),
                )
            )
    return out


def _diagnostic_for(
    diagnostics: Sequence[types.Diagnostic],
    finding: Finding | None,
    positions: PositionMap,
    ls: TfagendaServer,
) -> types.Diagnostic | None:
    """The client's diagnostic for ``finding`` (same code and range), so that the editor links the fix to it."""
    if finding is None:
        return None
    where = ls.range(positions, finding)
    for diagnostic in diagnostics:
        if diagnostic.code == finding.code and diagnostic.source == "tfagenda" and diagnostic.range == where:
            return diagnostic
    return None


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: TfagendaServer, params: types.HoverParams) -> types.Hover | None:
    checked = ls.current(params.text_document.uri)
    if checked is None:
        return None
    positions = PositionMap(checked.text, ls.encoding)
    line, column = positions.tfagenda_position(params.position.line, params.position.character)
    parts = [
        finding_hover(finding, ls.lang)
        for finding in ls.shown_findings(checked)
        if contains(finding.span, line, column)
    ]
    placed = segment_at(checked, line, column)
    if placed is not None:
        parts.append(segment_hover(placed, ls.lang))
    if not parts:
        return None
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts))
    )


def serve(lang: str | None = None) -> None:
    """Serve on standard input and output; ``lang``: the messages' language unless the client sets one."""
    server.chosen_lang = lang
    server.start_io()
