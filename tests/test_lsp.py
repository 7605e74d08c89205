"""The language server end to end: ``python -m tfagenda.lsp`` driven over stdio by pytest-lsp.

One server per client set-up (module-scoped, so the suite stays fast): UTF-16 (the default), and
UTF-8 with a Korean locale (UTF-32, and the conversions in every encoding, are in
test_lsp_positions.py). Ranges are checked against positions computed here,
independently of the server's conversion, on a line with Hangul, an emoji (a surrogate pair in
UTF-16) and a combining character before the value.
"""

from __future__ import annotations

import asyncio
import sys
import textwrap
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from tfagenda.fix import fix_text

pytestmark = pytest.mark.asyncio(loop_scope="module")

SERVER = [sys.executable, "-m", "tfagenda.lsp"]
# The value "16:05" (T001: the end is before the start; the fix sets it to 16:35) comes after a
# title with Hangul, an emoji outside the BMP and an "e" with a combining acute accent.
AGENDA = textwrap.dedent(
    """\
    title: 점검 회의
    date: 2026-03-06
    slot: "16:30-17:00"
    people:
      kim: {}
      lee: {name: Lee Jiwon}
    segments:
      - {title: "인사 😀 cafe\u0301", start: "16:30", end: "16:05", duration: 5, owner: kim}
      - {title: 보고, duration: 25, owner: lee}
    """
)
VALUE_LINE = 7  # 0-based line of "16:05"

# Another agenda in the workspace's agenda folder (on disk): Lee Jiwon (the name of AGENDA's lee:
# across files a person is known by name) is booked at 16:40 the same day.
OTHER = textwrap.dedent(
    """\
    title: Other meeting
    date: 2026-03-06
    slot: "16:40-17:10"
    segments:
      - {title: Review, duration: 30, owner: Lee Jiwon}
    """
)


def units(text: str, encoding: str) -> int:
    """Code units of ``text`` counted without the server's code."""
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    if encoding == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    return len(text)


def offset(text: str, position: types.Position, encoding: str) -> int:
    lines = text.splitlines(keepends=True)
    start = sum(len(line) for line in lines[: position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    for index in range(len(line) + 1):
        if units(line[:index], encoding) >= position.character:
            return start + index
    return start + len(line)


def apply(text: str, edits: list[types.TextEdit], encoding: str) -> str:
    spans = sorted(
        (
            (offset(text, e.range.start, encoding), offset(text, e.range.end, encoding), e.new_text)
            for e in edits
        ),
        reverse=True,
    )
    for begin, end, new in spans:
        text = text[:begin] + new + text[end:]
    return text


def expected_range(text: str, line: int, value: str, encoding: str) -> types.Range:
    source = text.splitlines()[line]
    begin = source.index(value)
    return types.Range(
        types.Position(line, units(source[:begin], encoding)),
        types.Position(line, units(source[: begin + len(value)], encoding)),
    )


def workspace(request: pytest.FixtureRequest, name: str) -> Path:
    root = request.getfixturevalue("tmp_path_factory").mktemp(name)
    (root / "agendas").mkdir()
    (root / "agendas" / "other.yaml").write_text(OTHER, encoding="utf-8")
    (root / "tfagenda.toml").write_text('ignore = ["S002"]\n', encoding="utf-8")
    return root


async def start(
    client: LanguageClient, root: Path, encodings: list[str] | None, locale: str | None = None
) -> None:
    registered: list[types.Registration] = []

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:  # the server asks to hear about files on disk
        registered.extend(params.registrations)

    client.registered = registered  # type: ignore[attr-defined]
    capabilities = types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None,
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
        ),
    )
    result = await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities,
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(root.as_uri(), root.name)],
            locale=locale,
        )
    )
    client.root = root  # type: ignore[attr-defined]
    client.encoding = str(result.capabilities.position_encoding)  # type: ignore[attr-defined]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), scope="module")
async def utf16(lsp_client: LanguageClient, request: pytest.FixtureRequest):
    await start(lsp_client, workspace(request, "utf16"), None)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), scope="module")
async def korean8(lsp_client: LanguageClient, request: pytest.FixtureRequest):
    await start(lsp_client, workspace(request, "ko8"), ["utf-8", "utf-16"], locale="ko-KR")
    yield
    await lsp_client.shutdown_session()


async def diagnostics_after(client: LanguageClient, uri: str, send) -> list[types.Diagnostic]:  # noqa: ANN001
    """Send something and wait for the diagnostics of ``uri`` it brings."""
    client.diagnostics.pop(uri, None)
    send()
    for _ in range(100):
        if uri in client.diagnostics:
            return list(client.diagnostics[uri])
        await asyncio.sleep(0.05)
    raise AssertionError(f"no diagnostics for {uri}")


async def open_document(client: LanguageClient, name: str, text: str, language: str = "yaml") -> str:
    path = client.root / name  # type: ignore[attr-defined]
    path.parent.mkdir(parents=True, exist_ok=True)
    uri = path.as_uri()
    await diagnostics_after(
        client,
        uri,
        lambda: client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language, 1, text))
        ),
    )
    return uri


def by_code(diagnostics: list[types.Diagnostic], code: str) -> list[types.Diagnostic]:
    return [d for d in diagnostics if d.code == code]


async def code_actions(
    client: LanguageClient, uri: str, range_: types.Range, only: list[str] | None = None
) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            range_,
            types.CodeActionContext(diagnostics=list(client.diagnostics.get(uri, [])), only=only),
        )
    )
    return [a for a in result or [] if isinstance(a, types.CodeAction)]


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None and action.edit.changes is not None
    return list(action.edit.changes[uri])


async def hover_text(client: LanguageClient, uri: str, position: types.Position) -> str:
    result = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), position)
    )
    assert result is not None and isinstance(result.contents, types.MarkupContent)
    return result.contents.value


async def check_encoding(client: LanguageClient, name: str, encoding: str) -> None:
    assert client.encoding == encoding  # type: ignore[attr-defined]
    uri = await open_document(client, name, AGENDA)
    [t001] = by_code(list(client.diagnostics[uri]), "T001")
    assert t001.range == expected_range(AGENDA, VALUE_LINE, '"16:05"', encoding)
    assert t001.source == "tfagenda"
    assert t001.severity == types.DiagnosticSeverity.Error
    # The quick fix, applied where the server says, gives exactly what `check --fix` gives.
    actions = await code_actions(client, uri, t001.range, ["quickfix"])
    [fix] = [a for a in actions if a.is_preferred]
    assert list(fix.diagnostics or []) == [t001]  # linked to the diagnostic it fixes
    assert fix.title == "T001: set end to 16:35" or "16:35" in fix.title
    assert apply(AGENDA, edits_of(fix, uri), encoding) == fix_text(AGENDA, name)[0]


async def test_utf16_is_the_default_and_places_the_range_exactly(utf16: LanguageClient) -> None:
    await check_encoding(utf16, "agendas/utf16.yaml", "utf-16")


async def test_utf8_when_the_client_prefers_it_and_korean_messages(korean8: LanguageClient) -> None:
    await check_encoding(korean8, "agendas/ko.yaml", "utf-8")
    uri = (korean8.root / "agendas/ko.yaml").as_uri()  # type: ignore[attr-defined]
    [t001] = by_code(list(korean8.diagnostics[uri]), "T001")
    assert "종료(16:05)가 시작(16:30)보다 이릅니다" in t001.message


async def test_diagnostics_follow_changes_after_a_pause(utf16: LanguageClient) -> None:
    uri = await open_document(utf16, "agendas/change.yaml", AGENDA)
    assert by_code(list(utf16.diagnostics[uri]), "T001")
    value = expected_range(AGENDA, VALUE_LINE, "16:05", "utf-16")
    change = types.TextDocumentContentChangePartial(range=value, text="16:35")

    def send() -> None:
        utf16.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=2, uri=uri), [change]
            )
        )

    diagnostics = await diagnostics_after(utf16, uri, send)
    assert not by_code(diagnostics, "T001")


async def test_fix_all_is_one_edit_giving_the_fixed_text(utf16: LanguageClient) -> None:
    broken = AGENDA.replace('slot: "16:30-17:00"', "slot: 16:30-17:00").replace(
        'start: "16:30"', "start: 16:30"
    )
    uri = await open_document(utf16, "agendas/fixall.yaml", broken)
    assert {d.code for d in utf16.diagnostics[uri]} >= {"T001", "Y001"}
    whole = types.Range(types.Position(0, 0), types.Position(len(broken.splitlines()), 0))
    [action] = await code_actions(utf16, uri, whole, ["source.fixAll"])
    assert action.kind == "source.fixAll.tfagenda"
    [edit] = edits_of(action, uri)
    assert apply(broken, [edit], "utf-16") == fix_text(broken, "fixall.yaml")[0]
    assert 'end: "16:35"' in apply(broken, [edit], "utf-16")


async def test_ignore_on_this_line_silences_the_rule(utf16: LanguageClient) -> None:
    uri = await open_document(utf16, "agendas/ignore.yaml", AGENDA)
    [t001] = by_code(list(utf16.diagnostics[uri]), "T001")
    actions = await code_actions(utf16, uri, t001.range, ["quickfix"])
    [ignore] = [a for a in actions if a.title == "Ignore T001 on this line"]
    text = apply(AGENDA, edits_of(ignore, uri), "utf-16")
    assert text.splitlines()[VALUE_LINE].endswith("owner: kim}  # tfagenda: ignore[T001]")

    def send() -> None:
        utf16.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=2, uri=uri),
                [types.TextDocumentContentChangeWholeDocument(text)],
            )
        )

    diagnostics = await diagnostics_after(utf16, uri, send)
    assert not by_code(diagnostics, "T001") and not by_code(diagnostics, "I001")


async def test_hover_shows_the_rule_and_the_resolved_segment(utf16: LanguageClient) -> None:
    uri = await open_document(utf16, "agendas/hover.yaml", AGENDA)
    [t001] = by_code(list(utf16.diagnostics[uri]), "T001")
    on_finding = await hover_text(utf16, uri, t001.range.start)
    assert "T001 end-before-start" in on_finding and "## Example" in on_finding or "Example" in on_finding
    # The second segment writes only a duration: its start and end are inferred.
    second = await hover_text(utf16, uri, types.Position(VALUE_LINE + 1, 8))
    assert "**보고**" in second
    assert "16:35 (inferred)" in second and "17:00 (inferred)" in second and "| 25 min |" in second


async def test_double_bookings_with_the_agenda_folder_and_unsaved_buffers(utf16: LanguageClient) -> None:
    uri = await open_document(utf16, "agendas/booked.yaml", AGENDA)
    # (the other agendas open in this session book the same people too: those are O003 as well)
    [o003] = [d for d in by_code(list(utf16.diagnostics[uri]), "O003") if "other.yaml" in d.message]
    assert o003.related_information and o003.related_information[0].location.uri.endswith(
        "agendas/other.yaml"
    )
    # The other agenda is opened and, unsaved, moved to the evening: this one is checked again.
    other_uri = (utf16.root / "agendas" / "other.yaml").as_uri()  # type: ignore[attr-defined]
    await open_document(utf16, "agendas/other.yaml", OTHER)
    moved = OTHER.replace("16:40-17:10", "19:00-19:30")

    def send() -> None:
        utf16.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=2, uri=other_uri),
                [types.TextDocumentContentChangeWholeDocument(moved)],
            )
        )

    send()
    for _ in range(
        100
    ):  # the refresh after opening the other file may come first: wait for the one after the change
        await asyncio.sleep(0.05)
        diagnostics = list(utf16.diagnostics[uri])
        if not [d for d in by_code(diagnostics, "O003") if "other.yaml" in d.message]:
            break
    else:
        raise AssertionError("the double booking with the changed buffer was not withdrawn")
    assert by_code(diagnostics, "O003")  # the other open agendas still book the same people
    utf16.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(other_uri)))


async def test_config_is_read_again_when_it_changes(utf16: LanguageClient) -> None:
    gap = AGENDA.replace("duration: 25", 'start: "16:40", duration: 20')  # S002: 16:35-16:40 uncovered
    uri = await open_document(utf16, "agendas/config.yaml", gap)
    assert not by_code(list(utf16.diagnostics[uri]), "S002")  # tfagenda.toml ignores it
    config = utf16.root / "tfagenda.toml"  # type: ignore[attr-defined]
    config.write_text('ignore = ["T001"]\n', encoding="utf-8")

    def send() -> None:
        utf16.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]
            )
        )

    diagnostics = await diagnostics_after(utf16, uri, send)
    assert by_code(diagnostics, "S002") and not by_code(diagnostics, "T001")
    config.write_text('ignore = ["S002"]\n', encoding="utf-8")
    await diagnostics_after(utf16, uri, send)


async def test_imported_formats_get_diagnostics_and_no_edits(utf16: LanguageClient) -> None:
    ministry = textwrap.dedent(
        """\
        - (일시) 2026. 2. 26.(목) 16:30~18:00
        16:30 ~ 16:05 ('05)\t참석자 소개 및 인사말\t제1차관
        16:35 ~ 18:00 ('85)\t발표\t과장
        """
    )
    uri = await open_document(utf16, "press.txt", ministry, "plaintext")
    [t001] = by_code(list(utf16.diagnostics[uri]), "T001")
    assert t001.range == expected_range(ministry, 1, "16:05", "utf-16")
    assert await code_actions(utf16, uri, t001.range) == []


async def test_a_file_that_is_not_an_agenda_outside_the_folder_is_left_alone(utf16: LanguageClient) -> None:
    uri = await open_document(utf16, ".github/workflows/ci.yaml", "name: CI\non: [push]\njobs: {}\n")
    assert list(utf16.diagnostics[uri]) == []
    uri = await open_document(utf16, "package.json", '{"name": "x", "version": "1.0.0"}\n', "json")
    assert list(utf16.diagnostics[uri]) == []
    # In the agenda folder, it is an agenda that cannot be read: said so.
    uri = await open_document(utf16, "agendas/draft.yaml", "name: CI\n")
    assert [d.code for d in utf16.diagnostics[uri]] == ["E002"]


async def test_an_unsafe_fix_says_so_and_is_not_in_fix_all(utf16: LanguageClient) -> None:
    # The next segment starts at 16:40: ending the first at 16:35 is only the best repair (unsafe).
    text = AGENDA.replace("{title: 보고, duration: 25", '{title: 보고, start: "16:40", duration: 20')
    uri = await open_document(utf16, "agendas/unsafe.yaml", text)
    [t001] = by_code(list(utf16.diagnostics[uri]), "T001")
    actions = await code_actions(utf16, uri, t001.range)
    [fix] = [a for a in actions if "16:35" in a.title]
    assert fix.title == "T001 (unsafe fix): set end to 16:35" and not fix.is_preferred
    assert apply(text, edits_of(fix, uri), "utf-16").count('end: "16:35"') == 1
    assert not [a for a in actions if a.kind == "source.fixAll.tfagenda"]  # no safe fix to apply


async def test_diagnostics_on_save(utf16: LanguageClient) -> None:
    uri = await open_document(utf16, "agendas/save.yaml", AGENDA)
    (utf16.root / "agendas" / "save.yaml").write_text(AGENDA, encoding="utf-8")  # type: ignore[attr-defined]
    diagnostics = await diagnostics_after(
        utf16,
        uri,
        lambda: utf16.text_document_did_save(
            types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
        ),
    )
    assert by_code(diagnostics, "T001")


async def test_a_config_with_a_mistake_is_named_and_the_defaults_are_used(korean8: LanguageClient) -> None:
    uri = await open_document(korean8, "agendas/badconfig.yaml", AGENDA)
    config = korean8.root / "tfagenda.toml"  # type: ignore[attr-defined]
    config.write_text('ignore = ["NOPE"]\n', encoding="utf-8")

    def send() -> None:
        korean8.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]
            )
        )

    try:
        korean8.messages.clear()
        await diagnostics_after(korean8, uri, send)
        [message] = korean8.messages
        assert message.type == types.MessageType.Error
        assert "tfagenda.toml: ignore: unknown rule 'NOPE'" in message.message
    finally:
        config.write_text('ignore = ["S002"]\n', encoding="utf-8")
        await diagnostics_after(korean8, uri, send)


async def test_an_agenda_written_on_disk_refreshes_the_open_ones(korean8: LanguageClient) -> None:
    uri = await open_document(korean8, "agendas/disk.yaml", AGENDA)
    new = korean8.root / "agendas" / "new.yaml"  # type: ignore[attr-defined]

    def event(kind: types.FileChangeType):  # noqa: ANN202
        return lambda: korean8.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams([types.FileEvent(new.as_uri(), kind)])
        )

    def naming_new(diagnostics: list[types.Diagnostic]) -> list[types.Diagnostic]:
        return [d for d in by_code(diagnostics, "O003") if "new.yaml" in d.message]

    assert not naming_new(list(korean8.diagnostics[uri]))
    new.write_text(OTHER.replace("Other meeting", "New meeting"), encoding="utf-8")
    assert naming_new(await diagnostics_after(korean8, uri, event(types.FileChangeType.Created)))
    new.unlink()
    assert not naming_new(await diagnostics_after(korean8, uri, event(types.FileChangeType.Deleted)))


async def test_typing_is_checked_once_it_pauses(utf16: LanguageClient) -> None:
    uri = await open_document(utf16, "agendas/typing.yaml", AGENDA)
    value = expected_range(AGENDA, VALUE_LINE, "16:05", "utf-16")
    await asyncio.sleep(0.3)  # the other open agendas' refreshes after this one's opening
    for version, digit in enumerate("12345", start=2):  # five keystrokes, well inside the pause
        end = types.Position(value.start.line, value.start.character + 5)
        change = types.TextDocumentContentChangePartial(
            range=types.Range(value.start, end), text=f"16:1{digit}"
        )
        utf16.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=uri), [change]
            )
        )
    published = await asyncio.wait_for(
        utf16.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 5
    )
    while published.uri != uri:  # another open agenda's refresh, late on a loaded machine
        published = await asyncio.wait_for(
            utf16.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 5
        )
    assert published.version == 6  # one check, of the last text: no earlier version was published
    [t001] = by_code(list(published.diagnostics), "T001")
    assert "end 16:15 is before start 16:30" in t001.message


# Lee Jiwon's calendar: 'Review' at the time of other.yaml's Review (Lee Jiwon, on disk) and of
# AGENDA's 보고 (lee), and 'Call' in another room at the same time. A parameter with an emoji (a
# surrogate pair in UTF-16) comes before each ATTENDEE's value.
CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\nX-WR-CALNAME:Lee\r\n"
    "BEGIN:VEVENT\r\nUID:1\r\nDTSTART:20260306T164000\r\nDTEND:20260306T171000\r\nSUMMARY:Review\r\n"
    "LOCATION:Room A\r\nATTENDEE;X-NOTE=😀;CN=Lee Jiwon:mailto:lee@example.com\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:2\r\nDTSTART:20260306T164500\r\nDTEND:20260306T170000\r\nSUMMARY:Call\r\n"
    "LOCATION:Room B\r\nATTENDEE;X-NOTE=😀;CN=Lee Jiwon:mailto:lee@example.com\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


async def test_a_calendar_gets_diagnostics_and_is_compared_with_no_agenda(utf16: LanguageClient) -> None:
    uri = await open_document(utf16, "agendas/lee.ics", CALENDAR, "icalendar")
    diagnostics = list(utf16.diagnostics[uri])
    # Its own double booking, at the later event's ATTENDEE value (UTF-16 units past the emoji) ...
    [o003] = by_code(diagnostics, "O003")
    assert "'Review'" in o003.message and "'Call'" in o003.message
    assert o003.range == expected_range(CALENDAR, 18, "mailto:lee@example.com", "utf-16")
    # ... and no double booking with the agendas, as `tfagenda check` compares none: its meetings
    # are in each attendee's calendar (it was compared with agendas/other.yaml).
    assert not [d for d in diagnostics if "other.yaml" in d.message or "booked.yaml" in d.message]
    agenda = await open_document(utf16, "agendas/with-calendar.yaml", AGENDA)
    assert not [d for d in utf16.diagnostics[agenda] if "lee.ics" in d.message]
    for opened in (uri, agenda):
        utf16.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(opened)))
