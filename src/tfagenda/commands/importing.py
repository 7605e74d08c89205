"""``tfagenda import``: a ministry table or a frab/pretalx schedule as agenda YAML."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO, TextIO

from tfagenda.commands import UsageError, cannot_read, cannot_write, refuse_overwriting_input, use_color
from tfagenda.messages import T

# `import` reads larger sources than `check` (a 20,000-event schedule.xml is 12 MB); its readers stop
# at 500,000 values. A source larger than this is refused (and /dev/zero is not read forever).
MAX_IMPORT_BYTES = 64 * 2**20


def import_formats() -> list[str]:
    """The formats ``import --from`` takes: every importer's (not yaml, which needs no import)."""
    from tfagenda.importers import FORMATS

    return [name for name in FORMATS if name != "yaml"]


def read_limited(stream: BinaryIO, limit: int = 0) -> bytes:
    """At most one byte more than ``limit`` (default: what ``check`` reads, ``load.MAX_FILE_BYTES``)."""
    from tfagenda.load import MAX_FILE_BYTES

    return stream.read((limit or MAX_FILE_BYTES) + 1)


def import_file(
    file: str,
    output: str | None = None,
    *,
    source_format: str | None = None,
    partial: bool = False,
    lang: str = "en",
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Convert ``file`` (``-``: standard input) to agenda YAML, written to ``output`` (atomically) or
    to ``out``. The exit code: 1 when some of the source cannot be read (reported on ``err``, in
    ``lang``; nothing is written unless ``partial``), else 0."""
    from tfagenda.yamldoc import gc_paused

    # A 20,000-event schedule is a million objects that all live until the YAML is written: the
    # collector would only scan them again and again. They are freed (by their reference counts)
    # when ``_import_file`` returns, before it runs again, so that it finds little left to scan.
    with gc_paused():
        return _import_file(
            file, output, source_format=source_format, partial=partial, lang=lang, out=out, err=err
        )


def _import_file(
    file: str,
    output: str | None,
    *,
    source_format: str | None,
    partial: bool,
    lang: str,
    out: TextIO | None,
    err: TextIO | None,
) -> int:
    from tfagenda.importers import detect_format, import_document
    from tfagenda.importers.yamlout import to_yaml
    from tfagenda.yamldoc import decode

    out = out or sys.stdout
    err = err or sys.stderr
    if file == "-":
        raw, name = read_limited(sys.stdin.buffer, MAX_IMPORT_BYTES), "<stdin>"
    else:
        source = Path(file)
        if source.is_dir():
            raise UsageError(T("{file} is a folder; name one file to import", file=file))
        if not source.exists():
            raise UsageError(T("{file}: no such file", file=file))
        refuse_overwriting_input(file, output)
        try:
            with source.open("rb") as stream:
                raw = read_limited(stream, MAX_IMPORT_BYTES)
        except OSError as error:
            raise UsageError(cannot_read(file, error), 1) from None
        name = file
    if len(raw) > MAX_IMPORT_BYTES:
        raise UsageError(
            T(
                "{name}: larger than {limit} MiB, the most tfagenda imports; not imported",
                name=name,
                limit=MAX_IMPORT_BYTES // 2**20,
            ),
            1,
        )
    if output not in (None, "-"):
        folder = Path(output).parent
        if not folder.is_dir():
            raise UsageError(T("-o {output}: there is no folder {folder}", output=output, folder=str(folder)))
        if Path(output).is_dir():
            raise UsageError(T("-o {output} is a folder; name the YAML file to write", output=output))
    from tfagenda.documents.load import document_format, read_document_source
    from tfagenda.yamldoc import Document

    document: Document | None = None
    chosen = ""
    if source_format is None and document_format(raw, name) is not None:  # .hwpx, .hwp, .docx, .pdf
        document, chosen = read_document_source(raw, name), "ministry"
    elif source_format in (None, "ics"):
        from tfagenda.calendars import looks_like_calendar, read_bytes

        if source_format == "ics" or looks_like_calendar(raw, name):  # unfolded as bytes, as check reads it
            document, chosen = read_bytes(raw, name), "ics"
    try:
        text = decode(raw) if document is None else document.text
    except UnicodeDecodeError as error:
        raise UsageError(
            T(
                "{name}: not UTF-8 text (byte 0x{byte} at offset {offset}); save it as UTF-8",
                name=name,
                byte=f"{raw[error.start]:02x}",
                offset=error.start,
            ),
            1,
        ) from None
    chosen = chosen or (source_format if source_format is not None else detect_format(name, text))
    if chosen == "yaml":
        raise UsageError(
            T(
                "{name} looks like a YAML agenda, which needs no import (tfagenda check reads it); "
                "if it is not, name its format with --from ({formats})",
                name=name,
                formats=", ".join(import_formats()),
            )
        )
    from tfagenda.atomic import write_atomic

    document = document or import_document(text, name, chosen, places=False)
    from tfagenda.findings import Severity
    from tfagenda.rules import RULES

    # warnings about the source (D002, O004) are shown; only what cannot be read stops the import
    unreadable = [p for p in document.problems if RULES[p.code].severity is Severity.ERROR]
    if document.problems:
        from tfagenda.linter import CheckResult, to_finding
        from tfagenda.load import Loaded
        from tfagenda.report import ReportOptions, write_report

        loaded = Loaded(document, None, list(document.problems))
        result = CheckResult()
        result.add(
            loaded,
            sorted(
                (to_finding(loaded, RULES[p.code], p) for p in document.problems),
                key=lambda f: f.sort_key,
            ),
        )
        write_report("full", result, err, ReportOptions(color=use_color(err), lang=lang))
        if unreadable and (document.data is None or not partial):
            not_imported = T(
                "{name} not imported: some of it cannot be read (see above); --partial writes the rest",
                name=name,
            )
            err.write(f"tfagenda: {not_imported.say(lang)}\n")
            return 1
    header = [
        f"Imported from {name} ({chosen}) by `tfagenda import`.",
        "Values are as the source has them; `tfagenda check` this file to find the source's mistakes.",
    ]
    for problem in unreadable:
        line = problem.span.line if problem.span else "?"
        header.append(f"UNREADABLE, line {line} of the source: {problem.message.say('en')}")
    yaml_text = to_yaml(document.data, "\n".join(header))
    if output in (None, "-"):
        out.write(yaml_text)
    else:
        try:
            write_atomic(Path(output), yaml_text.encode("utf-8"))
        except OSError as error:
            raise UsageError(cannot_write(output, error), 1) from None
        err.write(T("Wrote {file}.", file=output).say(lang) + "\n")
    if chosen.startswith("frab"):
        _say_counts(document.data, err, lang)
    return 1 if unreadable else 0


def _say_counts(data: object, err: TextIO, lang: str | None) -> None:
    """ "872 events in 35 rooms over 2 days" on stderr, for a schedule with days and rooms."""
    if not isinstance(data, dict) or not isinstance(data.get("days"), list):
        return
    from tfagenda.messages import T, plural

    days = [day for day in data["days"] if isinstance(day, dict)]
    tracks = [t for day in days for t in day.get("tracks") or [] if isinstance(t, dict)]
    placed = sum(len(t.get("segments") or []) for t in tracks)
    rooms = len({t.get("name") for t in tracks if t.get("segments")})
    used = sum(
        1 for day in days if any(t.get("segments") for t in day.get("tracks") or [] if isinstance(t, dict))
    )
    message = T(
        "{events} in {rooms} over {days}",
        events=plural(placed, T("{n} event", n=placed), T("{n} events", n=placed)),
        rooms=plural(rooms, T("{n} room", n=rooms), T("{n} rooms", n=rooms)),
        days=plural(used, T("{n} day", n=used), T("{n} days", n=used)),
    )
    err.write(message.say(lang or "en") + "\n")
