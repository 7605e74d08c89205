"""``tfagenda rules`` and ``tfagenda rule``: their options; the work is in ``tfagenda.commands.rules``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from tfagenda.cli._options import LOCALE_DEFAULT, Lang, language, run

app = typer.Typer()

_LANG_HELP = "Messages in Korean (ko) or English (en); rule documentation is in English. " + LOCALE_DEFAULT


def _print(text: str) -> int:
    sys.stdout.write(text)
    return 0


@app.command("rules", epilog="Examples:\n\n  tfagenda rules\n\n  tfagenda rules --lang ko")
def list_rules(
    lang: Annotated[Lang | None, typer.Option("--lang", help=_LANG_HELP, show_default=False)] = None,
) -> None:
    """List every rule: code, name, default severity, whether it can fix what it finds."""
    from tfagenda.commands.rules import rules_table

    said_in = language(lang)
    run(lambda: _print(rules_table(said_in)), said_in)


@app.command("rule", epilog="Examples:\n\n  tfagenda rule T001\n\n  tfagenda rule end-before-start")
def show_rule(
    code: Annotated[str, typer.Argument(help="A rule code (T001) or name (end-before-start).")],
    lang: Annotated[Lang | None, typer.Option("--lang", help=_LANG_HELP, show_default=False)] = None,
) -> None:
    """Explain one rule, with an example and its fix."""
    from tfagenda.commands.rules import rule_text

    said_in = language(lang)
    run(lambda: _print(rule_text(code, said_in)), said_in)
