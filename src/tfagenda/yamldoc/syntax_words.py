"""ruamel.yaml's English words for a syntax error, as deferred messages said in the chosen language.

ruamel.yaml words its errors itself ("mapping values are not allowed here"). The phrases that
common mistakes produce are listed here as templates whose placeholders match the varying part (a
character, a token); ``syntax_words`` turns one into a message that says it in English exactly as
ruamel.yaml did, and in Korean from the catalog. A phrase not listed is kept verbatim (the E001
sentence around it still has its Korean lead-in).
"""

from __future__ import annotations

import re
import string

from tfagenda.messages import Message, T, verbatim

# Problems first, then the contexts ("while parsing …") that say where the problem began. The
# templates are matched whole; a placeholder matches any text (a quoted character or token).
_PHRASES: tuple[Message, ...] = (
    T("mapping values are not allowed here"),
    T("sequence entries are not allowed here"),
    T("mapping keys are not allowed here"),
    T("could not find expected ':'"),
    T("found character {char} that cannot start any token"),
    T("found undefined alias {alias}"),
    T("found unexpected end of stream"),
    T("found unknown escape character {char}"),
    T("expected <block end>, but found {found}"),
    T("expected ',' or ']', but got {found}"),
    T("expected ',' or '}}', but got {found}"),
    T("expected the node content, but found {found}"),
    T("expected alphabetic or numeric character, but found {found}"),
    T("expected a comment or a line break, but found {found}"),
    T("but found another document"),
    T("more than {depth} levels of nesting (an agenda needs fewer than 20)"),
    T("while parsing a block mapping"),
    T("while parsing a block collection"),
    T("while parsing a flow sequence"),
    T("while parsing a flow mapping"),
    T("while parsing a block node"),
    T("while parsing a flow node"),
    T("while scanning a simple key"),
    T("while scanning a quoted scalar"),
    T("while scanning a double-quoted scalar"),
    T("while scanning a plain scalar"),
    T("while scanning a block scalar"),
    T("while scanning an anchor"),
    T("while scanning an alias"),
    T("expected a single document in the stream"),
)


def _pattern(template: str) -> re.Pattern[str]:
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(f"(?P<{name}>.+?)")
    return re.compile("".join(parts))


_PATTERNS = tuple((_pattern(phrase.template), phrase.template) for phrase in _PHRASES)


def syntax_words(phrase: str | None) -> Message:
    """ruamel.yaml's ``phrase`` (a problem or a context) as a message: from the catalog when it is a
    known one, else verbatim; ``invalid YAML`` when ruamel.yaml said nothing."""
    if not phrase:
        return T("invalid YAML")
    for pattern, template in _PATTERNS:
        match = pattern.fullmatch(phrase)
        if match:
            return Message(template, **match.groupdict())
    return verbatim(phrase)
