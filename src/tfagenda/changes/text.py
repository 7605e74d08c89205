"""``diff --format text``: per file, the two versions, a summary, then the changes per person.

::

    --- main:agendas/forum.yaml
    +++ agendas/forum.yaml
    Care tech forum: 2 changes (1 moved, 1 added), 1 person affected

    Kim Minsu (kim)
      ~ 'Opening' (2026-03-10, Hall, 09:30–10:00): moved to 09:45–10:15 (15 minutes later)
      + 'Demo' (2026-03-10, Room A, 13:00–14:30): added

Text from the files is shown as ``check`` shows it: control characters, bidi controls and bytes
that are not UTF-8 as ``\\x1b``, ``\\u202e``, ``\\xff``; line breaks and tabs as spaces.
"""

from __future__ import annotations

from tfagenda.changes.compare import AgendaChanges
from tfagenda.changes.describe import absent, mark, nobody_heading, sentence, summary
from tfagenda.render.view import one_line


def render(results: list[AgendaChanges], lang: str) -> str:
    return "\n".join(_file(result, lang) for result in results)


def _file(result: AgendaChanges, lang: str) -> str:
    old = one_line(result.old_name)
    new = one_line(result.new_name)
    out = [
        f"--- {old if result.old_title is not None else absent(old).say(lang)}",
        f"+++ {new if result.new_title is not None else absent(new).say(lang)}",
        f"{one_line(result.title)}: {summary(result, lang)}",
    ]
    for person, changes in result.by_person():
        out.append("")
        out.append(one_line(person.label) if person is not None else nobody_heading().say(lang))
        out += [f"  {mark(change)} {sentence(change, lang, one_line)}" for change in changes]
    return "\n".join(out) + "\n"
