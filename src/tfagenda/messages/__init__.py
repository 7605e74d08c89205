"""What tfagenda says, in English and in Korean: deferred messages, said in the language chosen at output.

The code writes each sentence in English where it is made, gettext-style, and names its
placeholders::

    T("end {end} is before start {start}", end="16:05", start="16:30")

``T`` makes a ``Message``: the English template and its parameters, not yet said in any language.
Rules, the loader, the timeline and the importers return such messages (in ``Problem``s, fixes and
``Finding``s, which keep them); the reporters say them once, in the language the user chose
(``ReportOptions.lang``: ``--lang``, else the locale) with ``message.say(lang)``. A finding
is the same whatever the language it will be shown in, so one check serves ``check --lang ko``,
``render`` and ``--fix``.

The Korean catalog (``tfagenda.messages.korean``) maps each English template to its Korean one;
when one English sentence is said two ways in Korean, the call passes ``context=`` (as ``pgettext``
does) and the catalog key is ``(context, English)``. No .po files: two languages, one module.
tests/test_messages.py checks that every ``T("…")`` in src/ has a Korean entry with the same
placeholders, and that no entry is orphaned. A parameter that is itself a ``Message`` is said in the
same language; a tuple is said as a list joined by "and" (``과/와`` in Korean), an ``Either`` by
"or", ``Commas`` by ", "; ``minutes(n)`` and ``plural(n, one, many)`` are messages too.

A ``Message`` is not a ``str``: putting it into an f-string or ``str.format`` raises ``TypeError``
(say it first: ``f"{message.say(lang)}"``), so that no sentence silently turns English. ``str()``
gives the English text for debugging and tracebacks only; no output path relies on it.
Rule codes, names, severities and JSON keys are not translated; rule docs stay English.

Korean: formal but concise, the register of a government checklist (…습니다/…십시오, no final
period, sentences joined by ". "). Terms: 시작, 종료, 소요 시간, 순서 (segment), 세부 순서
(part), 회의 시간 (slot), 담당 (owner), 요일 (weekday), 무시 주석 (suppression), 일정표 (agenda).
Titles are quoted ‘like this’. A particle after a value that varies (a title, a number, a time)
is avoided: such values are followed by an invariant particle (의, 에, 보다, 까지, 입니다), or put
in parentheses after a fixed word (``종료(16:05)가``), where the particle follows that word.
``josa`` picks 이/가, 은/는, 을/를, 과/와, 으로/로 for the few places that need it.
"""

from __future__ import annotations

import os
import string
from collections.abc import Iterable, Mapping
from typing import Any

LANGUAGES = ("en", "ko")

_FORMATTER = string.Formatter()


def placeholders(template: str) -> set[str]:
    """The names a template fills in (``{title!r}`` → ``title``)."""
    return {name for _, name, _, _ in _FORMATTER.parse(template) if name is not None}


class Message:
    """A sentence said later: its English template, the parameters it fills in, and a context.

    ``say(lang)`` fills the template of ``lang`` in (English when the catalog has no entry for
    it). It cannot be formatted into text without a language: ``f"{message}"`` raises.
    """

    __slots__ = ("template", "context", "params")

    def __init__(self, template: str, /, *, context: str | None = None, **params: Any) -> None:
        self.template = template
        self.context = context
        self.params = params

    def say(self, lang: str) -> str:
        """The sentence in ``lang`` (``"en"`` or ``"ko"``)."""
        template = self.template
        if lang == "ko":
            from tfagenda.messages.korean import KOREAN

            template = KOREAN.get((self.context, template) if self.context else template, template)
        return template.format(**{name: _said(value, lang) for name, value in self.params.items()})

    def __format__(self, spec: str) -> str:
        raise TypeError(
            f"a Message has no language yet: call .say(lang) before formatting it ({self.template!r})"
        )

    def __str__(self) -> str:
        return self.say("en")  # for debugging and tracebacks only: output says it with .say(lang)

    def __repr__(self) -> str:
        params = "".join(f", {name}={value!r}" for name, value in self.params.items())
        context = f", context={self.context!r}" if self.context else ""
        return f"T({self.template!r}{context}{params})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.template, self.context, self.params) == (other.template, other.context, other.params)

    def __hash__(self) -> int:
        return hash((self.template, self.context))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.template, self.context, self.params))


def _rebuild(template: str, context: str | None, params: dict[str, Any]) -> Message:
    return Message(template, context=context, **params)


T = Message  # the call sites' name for it: ``T("English sentence {with} placeholders", with=...)``


class Either(tuple):
    """A parameter said as alternatives: ``end 10:20 or start 09:40`` / ``종료 10:20 또는 시작 09:40``."""


class Commas(tuple):
    """A parameter said as its items joined by ", " in every language (a list of names or codes)."""


def _said(value: Any, lang: str) -> Any:
    if isinstance(value, Message):
        return value.say(lang)
    if isinstance(value, Commas):
        return ", ".join(str(_said(item, lang)) for item in value)
    if isinstance(value, Either):
        return join_or([_said(item, lang) for item in value], lang)
    if isinstance(value, tuple):
        return join_and([_said(item, lang) for item in value], lang)
    return value


def verbatim(text: str) -> Message:
    """``text`` as a message said the same in every language (a name, a path, another tool's words)."""
    return Message("{text}", text=text)


# -- pieces that vary by language -----------------------------------------------------------


def minutes(n: int) -> Message:
    """``5 minutes`` / ``5분`` (``1 minute``)."""
    return T("{n} minute", n=n) if n == 1 else T("{n} minutes", n=n)


def plural(n: int, one: Message, many: Message) -> Message:
    """``one`` for 1, else ``many``: ``plural(n, T("{n} file", n=n), T("{n} files", n=n))``."""
    return one if n == 1 else many


def join_and(items: Iterable[str], lang: str) -> str:
    """``A and B`` / ``A와 B`` (과 after a final consonant; ``및`` after a number or Latin text)."""
    items = [str(item) for item in items]
    if lang != "ko":
        return " and ".join(items)
    if len(items) < 2:
        return "".join(items)
    head = ", ".join(items[:-1])
    last_before = items[-2]
    if _final_hangul(last_before) is None:
        return f"{head} 및 {items[-1]}"
    return f"{head}{josa(last_before, '과/와')} {items[-1]}"


def join_or(items: Iterable[str], lang: str) -> str:
    """``A or B`` / ``A 또는 B``."""
    return (" 또는 " if lang == "ko" else " or ").join(str(item) for item in items)


# -- Korean particles -----------------------------------------------------------------------

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_RIEUL = 8  # ㄹ as a final consonant: (code - 0xAC00) % 28 == 8
# How the last digit of a number is read: (has a final consonant, that consonant is ㄹ).
_DIGIT_ENDINGS = {
    "0": (True, False),  # 영 (and 십 백 천 만 after other digits: all closed; see _number_ending)
    "1": (True, True),  # 일
    "2": (False, False),  # 이
    "3": (True, False),  # 삼
    "4": (False, False),  # 사
    "5": (False, False),  # 오
    "6": (True, False),  # 육
    "7": (True, True),  # 칠
    "8": (True, True),  # 팔
    "9": (False, False),  # 구
}


def _final_hangul(word: str) -> str | None:
    """The last Hangul syllable of ``word``, ignoring a trailing parenthesis and quotes; None if it ends otherwise."""
    text = word.rstrip()
    while text.endswith(")") and "(" in text:
        text = text[: text.rindex("(")].rstrip()
    text = text.rstrip("’'\"」』 ")
    if text and _HANGUL_FIRST <= ord(text[-1]) <= _HANGUL_LAST:
        return text[-1]
    return None


def _ending(word: str) -> tuple[bool, bool] | None:
    """Whether ``word`` as read ends in a consonant, and whether that is ㄹ; None when unknown."""
    syllable = _final_hangul(word)
    if syllable is not None:
        final = (ord(syllable) - _HANGUL_FIRST) % 28
        return final != 0, final == _RIEUL
    text = word.rstrip().rstrip("’'\"")
    if text and text[-1].isdigit():
        digits = text[len(text.rstrip("0123456789")) :].lstrip("0") or "0"
        if len(digits) > 1 and digits.endswith("0"):
            return True, False  # 십, 백, 천, 만: all end in a consonant that is not ㄹ
        return _DIGIT_ENDINGS[digits[-1]]
    return None


def josa(word: str, pair: str) -> str:
    """The particle of ``pair`` (``"이/가"``, ``"은/는"``, ``"을/를"``, ``"과/와"``, ``"으로/로"``) that follows ``word``.

    The first form follows a final consonant ((code − 0xAC00) % 28 ≠ 0), the second a vowel;
    ``으로/로`` takes 로 after ㄹ too. Numbers are read as Sino-Korean numerals (5 → 오, 10 → 십).
    When the ending cannot be known (Latin letters), both forms are given: ``이(가)``.
    """
    closed, vowel = pair.split("/")
    ending = _ending(word)
    if ending is None:
        return f"{closed}({vowel})"
    consonant, rieul = ending
    if closed == "으로":
        return closed if consonant and not rieul else vowel
    return closed if consonant else vowel


# -- choosing the language ------------------------------------------------------------------


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    """``ko`` when the locale is Korean, else ``en``: the first non-empty of LC_ALL, LC_MESSAGES and
    LANG (as gettext reads them) decides; a value starting with ``ko`` (``ko_KR.UTF-8``) is Korean."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"
