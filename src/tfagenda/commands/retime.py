"""``tfagenda retime``: shift segments, pack them, or see how they fit the slot."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from tfagenda.commands import UsageError, use_color


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
    written and the exit code is 1 if there was something to change. ``lang``: the language of the
    findings in the table."""
    from tfagenda.atomic import FileChanged, write_atomic
    from tfagenda.fix import Source, unified_diff
    from tfagenda.load import load_text
    from tfagenda.render import render_many
    from tfagenda.retime import RetimeError, fits, parse_gap, parse_shift, retime_text

    out = out or sys.stdout
    err = err or sys.stderr
    if not (shift or pack or fit):
        raise UsageError("say what to do: --shift MINUTES, --pack or --fit")
    if shift and pack:
        raise UsageError("--shift and --pack do not go together; run one, then the other")
    if gap is not None and not pack:
        raise UsageError("--gap goes with --pack")
    try:
        minutes = parse_shift(shift) if shift else None
        spacing = parse_gap(gap) if gap is not None else 0
    except ValueError as error:
        raise UsageError(str(error)) from None
    try:
        source = Source.read(file)
    except FileNotFoundError:
        raise UsageError(f"{file}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{file}: cannot read it: {getattr(error, 'strerror', None) or error}", 1) from None
    try:
        text = (
            retime_text(source.text, file, shift=minutes, pack=pack, gap=spacing, start_from=start_from)
            if (shift or pack)
            else source.text
        )
        after = load_text(text, file)
        fitted = fits(after) if fit else []
    except RetimeError as error:
        raise UsageError(str(error), 1) from None
    if not (shift or pack):
        for item in fitted:
            out.write(item.sentence() + "\n")
        return 1 if any(item.overrun for item in fitted) else 0
    out.write(render_many([after], "table", color=use_color(out), messages_lang=lang))
    for item in fitted:
        out.write(item.sentence() + "\n")
    patch = unified_diff(source.text, text, file)
    if not patch:
        out.write("Nothing to change: the times are already so.\n")
        return 0
    out.write("\n")
    out.write(patch)
    if not yes:
        if confirm is None:
            err.write(
                f"tfagenda: {file} not written (standard input is not a terminal); run with --yes to write it\n"
            )
            return 1
        out.flush()
        if not confirm(f"Write these changes to {file}?"):
            out.write(f"{file} not written.\n")
            return 1
    try:
        write_atomic(file, source.encode(text), expected=source.raw, snapshot=source.snapshot)
    except FileChanged as changed:
        raise UsageError(str(changed), 1) from None
    except OSError as error:
        raise UsageError(f"{file}: cannot write it: {error.strerror or error}", 1) from None
    out.write(f"Wrote {file}.\n")
    return 0
