"""What the commands share: the --lang choice, and running a library function as a command."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import Enum
from typing import Annotated, NoReturn

import typer

from tfagenda.commands import UsageError


class Lang(str, Enum):
    ko = "ko"
    en = "en"


# Every command's --lang says what it puts in its own words; the default is the locale's language.
LOCALE_DEFAULT = "Default: ko when the locale (LC_ALL, LC_MESSAGES or LANG) is Korean, else en."

# ``--lang`` of a command that only prints messages (import, retime); check, render, rules and lsp
# say more in their help.
MessagesLang = Annotated[
    Lang | None,
    typer.Option(
        "--lang", help="Messages in Korean (ko) or English (en). " + LOCALE_DEFAULT, show_default=False
    ),
]


def language(lang: Lang | None) -> str:
    """The language a command speaks: --lang, else the locale's (``messages.language_from_env``)."""
    if lang is not None:
        return lang.value
    from tfagenda.messages import language_from_env

    return language_from_env()


def fail(message: str, code: int = 2) -> NoReturn:
    sys.stderr.write(f"tfagenda: {message}\n")
    raise typer.Exit(code)


def run(call: Callable[[], int], lang: str = "en") -> NoReturn:
    """Run a command's library function and exit with its code; a UsageError is one line on
    standard error, said in ``lang`` (the command's --lang, else the locale's), and its exit code."""
    try:
        code = call()
    except UsageError as error:
        fail(error.message.say(lang), error.exit_code)
    raise typer.Exit(code)
