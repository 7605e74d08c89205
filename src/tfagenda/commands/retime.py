"""``tfagenda retime``: shift segments, pack them, or see how they fit the slot."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from tfagenda.commands import UsageError, cannot_read, cannot_write, use_color
from tfagenda.messages import T, plural, verbatim

if TYPE_CHECKING:
    from tfagenda.load import Loaded


def retime_file(
    file: str,
    *,
    start_from: str | None = None,
    shift: str | None = None,
    pack: bool = False,
    gap: str | None = None,
    fit: bool = False,
    yes: bool = False,
    confirm: Callable[[str], bool] | None = None,
    lang: str = "en",
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Retime ``file`` as ``tfagenda retime`` does; the exit code.

    The new table and the diff go to ``out`` first. The file is written with ``yes``, or when
    ``confirm(question)`` says so; with neither (``confirm`` None: nobody to ask), nothing is
    written and the exit code is 1 if there was something to change. ``lang``: the language it
    speaks in (the fit sentences, the findings in the table, its questions and errors)."""
    from tfagenda.atomic import FileChanged, write_atomic
    from tfagenda.fix import Source, unified_diff
    from tfagenda.load import load_text
    from tfagenda.render import render_many
    from tfagenda.retime import RetimeError, fits, parse_gap, parse_shift, retime_text

    out = out or sys.stdout
    err = err or sys.stderr
    if not (shift or pack or fit):
        raise UsageError(T("say what to do: --shift MINUTES, --pack or --fit"))
    if shift and pack:
        raise UsageError(T("--shift and --pack do not go together; run one, then the other"))
    if gap is not None and not pack:
        raise UsageError(T("--gap goes with --pack"))
    try:
        minutes = parse_shift(shift, lang) if shift else None
        spacing = parse_gap(gap, lang) if gap is not None else 0
    except ValueError as error:  # already said in ``lang``
        raise UsageError(verbatim(str(error))) from None
    try:
        source = Source.read(file)
    except FileNotFoundError:
        raise UsageError(T("{file}: no such file", file=file)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(cannot_read(file, error), 1) from None
    try:
        text = (
            retime_text(
                source.text,
                file,
                shift=minutes,
                pack=pack,
                gap=spacing,
                start_from=start_from,
                shrink_gaps=fit and gap is not None,
                lang=lang,
            )
            if (shift or pack)
            else source.text
        )
        after = load_text(text, file)
        fitted = fits(after, lang) if fit else []
    except RetimeError as error:
        raise UsageError(error.message, 1) from None
    if not (shift or pack):
        for item in fitted:
            out.write(item.sentence(lang) + "\n")
        return 1 if any(item.overrun for item in fitted) else 0
    out.write(render_many([after], "table", color=use_color(out), messages_lang=lang))
    for item in fitted:
        out.write(item.sentence(lang) + "\n")
    patch = unified_diff(source.text, text, file)
    errors = _errors(after)
    verdict = 1 if errors else 0
    if errors:
        count, codes = len(errors), ", ".join(sorted(set(errors)))
        said = plural(
            count,
            T(
                "the result has {count} error ({codes}); tfagenda check {file} shows it",
                count=count,
                codes=codes,
                file=file,
            ),
            T(
                "the result has {count} errors ({codes}); tfagenda check {file} lists them",
                count=count,
                codes=codes,
                file=file,
            ),
        )
        err.write(f"tfagenda: {said.say(lang)}\n")
    if not patch:
        out.write(T("Nothing to change: the times are already so.").say(lang) + "\n")
        return verdict
    out.write("\n")
    out.write(patch)
    if not yes:
        if confirm is None:
            not_written = T(
                "{file} not written (standard input is not a terminal); run with --yes to write it", file=file
            )
            err.write(f"tfagenda: {not_written.say(lang)}\n")
            return 1
        out.flush()
        if not confirm(T("Write these changes to {file}?", file=file).say(lang)):
            out.write(T("{file} not written.", file=file).say(lang) + "\n")
            return 1
    try:
        write_atomic(file, source.encode(text), expected=source.raw, snapshot=source.snapshot)
    except FileChanged as changed:
        raise UsageError(verbatim(str(changed)), 1) from None
    except OSError as error:
        raise UsageError(cannot_write(file, error), 1) from None
    out.write(T("Wrote {file}.", file=file).say(lang) + "\n")
    return verdict


def _errors(loaded: Loaded) -> list[str]:
    """The codes of the errors ``tfagenda check`` would report in ``loaded`` (with the config's settings)."""
    from tfagenda.commands import settings_for
    from tfagenda.findings import Severity
    from tfagenda.linter import check_loaded

    return [f.code for f in check_loaded(loaded, settings_for()) if f.severity == Severity.ERROR]
