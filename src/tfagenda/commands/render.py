"""``tfagenda render``: show agendas as a terminal table, Markdown, text, HTML, iCalendar, JSON or frab."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from tfagenda.commands import (
    UsageError,
    default_paths,
    not_found,
    refuse_overwriting_input,
    same_file,
    settings_for,
    shown,
    use_color,
)
from tfagenda.messages import T


def render_paths(
    file: str | None,
    format: str = "table",
    *,
    lang: str | None = None,
    messages_lang: str = "en",
    segments: bool = False,
    owner: str | None = None,
    room: str | None = None,
    output: str | Path | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Render one agenda file (``-``: standard input), or with ``file`` None every agenda in the agenda
    folder, to ``output`` (written atomically) or ``out``. The exit code: 1 when a file is not a
    readable agenda (its findings go to ``err``), else 0.

    ``lang`` chooses the labels (None: each agenda's own language); the findings listed are in
    ``lang``, else in ``messages_lang`` (the locale's language, as for ``check``)."""
    from tfagenda.discover import PathNotFound, agenda_files
    from tfagenda.load import MAX_FILE_BYTES, load_bytes, load_file
    from tfagenda.render import RenderError, render_many

    out = out or sys.stdout
    err = err or sys.stderr
    if segments and format != "ics":
        raise UsageError(T("--segments is for --format ics (one calendar event per segment)"))
    if (owner is not None or room is not None) and format != "ics":
        raise UsageError(T("--owner and --room are for --format ics (a personal or a room's calendar)"))
    if owner is not None and room is not None:
        raise UsageError(T("--owner and --room cannot be used together; render one calendar at a time"))
    to_stdout = output is None or str(output) == "-"
    if file is not None:
        refuse_overwriting_input(file, output)
    settings = settings_for()
    if file == "-":
        loaded = [load_bytes(sys.stdin.buffer.read(MAX_FILE_BYTES + 1), "<stdin>")]
    else:
        try:
            files = agenda_files([file] if file else default_paths(settings), settings)
        except PathNotFound as missing:
            raise UsageError(not_found(missing)) from None
        for path in files if not to_stdout else ():
            if same_file(path, output):  # type: ignore[arg-type]
                raise UsageError(
                    T(
                        "{option} {output} is the input file {source}; name another file to write",
                        option="-o",
                        output=str(output),
                        source=str(path),
                    )
                )
        loaded = [load_file(path) for path in files]
        if not file or os.path.isdir(file):  # a people registry found in a folder is no agenda to show
            loaded = [item for item in loaded if item.registry is None]
    if not loaded:
        raise UsageError(T("no agenda files in {where}", where=file or shown(settings.agenda_dir)))
    findings_lang = lang or messages_lang
    unreadable = [item for item in loaded if item.agenda is None]
    marks = ""
    if unreadable:
        from tfagenda.linter import CheckResult, check_loaded
        from tfagenda.report import ReportOptions, write_report

        result = CheckResult()
        for item in unreadable:
            found = check_loaded(item, settings)
            result.add(item, found)
            marks += _unreadable_mark(item.path, found, format, findings_lang)
        heading = (
            T("cannot render; these files are not readable agendas:")
            if len(unreadable) == len(loaded)
            else T("these files are not readable agendas; the others are rendered:")
        )
        err.write(f"tfagenda: {heading.say(findings_lang)}\n\n")
        write_report("full", result, err, ReportOptions(color=use_color(err), lang=findings_lang))
        if len(unreadable) == len(loaded):
            return 1
        loaded = [item for item in loaded if item.agenda is not None]
    color = to_stdout and format == "table" and use_color(out)
    try:
        text = render_many(
            loaded,
            format,
            color=color,
            settings=settings,
            messages_lang=findings_lang,
            lang=lang,
            segments=segments,
            **({"owner": owner} if owner is not None else {}),
            **({"room": room} if room is not None else {}),
        )
    except RenderError as error:
        raise UsageError(error.message) from None
    text += marks
    if not to_stdout:
        from tfagenda.atomic import write_atomic

        try:
            write_atomic(output, text.encode("utf-8"))  # type: ignore[arg-type]
        except OSError as error:
            raise UsageError(
                T("cannot write {output}: {error}", output=str(output), error=str(error.strerror or error))
            ) from None
    elif format == "ics" and hasattr(out, "buffer"):
        # RFC 5545 wants CRLF line ends: write the bytes as rendered, with no newline translation.
        out.flush()
        out.buffer.write(text.encode("utf-8"))
        out.buffer.flush()
    else:
        out.write(text)
    return 1 if unreadable else 0


def _unreadable_mark(path: str, found: list, format: str, lang: str) -> str:
    """A section for a file that could not be read, in the formats meant for reading (md, table,
    text); other formats (ics, json, frab, html) keep their syntax and leave it to standard error."""
    if format not in ("md", "table", "text"):
        return ""
    first = found[0] if found else None
    said = f"{first.code} {first.message.say(lang)} (line {first.line})" if first is not None else ""
    heading = T("{path}: could not be read", path=path).say(lang)
    if format == "md":
        return f"\n## {heading}\n\n{said}\n"
    return f"\n{heading}\n  {said}\n"
