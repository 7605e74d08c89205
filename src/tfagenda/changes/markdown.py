"""``diff --format md``: GitHub-flavoured Markdown for a pull-request comment or a notice to speakers.

One section per file: a heading with the agenda's title, the two versions and the summary, then a
bold line per person and a list of their changes. Text from the files is escaped as ``render
--format md`` escapes it (``<`` ``>`` ``&`` as entities; `` ` ``, ``|`` and ``\\`` backslash-escaped;
control characters shown as ``\\x1b``; ``](`` as ``]\\(``), so a title cannot become HTML, code,
a link or an image.
"""

from __future__ import annotations

from tfagenda.changes.compare import AgendaChanges
from tfagenda.changes.describe import absent, mark, nobody_heading, sentence, summary
from tfagenda.render.markdown import _cell  # the escaping of render --format md


def escape(text: str) -> str:
    """File text as ``render --format md`` escapes it, and ``](`` as ``]\\(``: a pull-request
    comment must not carry a link or an image a title wrote (``[Slides](https://…)``), while
    ``[database failover]`` stays as written."""
    return _cell(text).replace("](", "]\\(")


def render(results: list[AgendaChanges], lang: str) -> str:
    return "\n".join(_file(result, lang) for result in results)


def _version(name: str, exists: bool, lang: str) -> str:
    return escape(name) if exists else escape(absent(name).say(lang))


def _file(result: AgendaChanges, lang: str) -> str:
    old = _version(result.old_name, result.old_title is not None, lang)
    new = _version(result.new_name, result.new_title is not None, lang)
    out = [
        f"### {escape(result.title)}",
        "",
        f"{old} → {new}: {summary(result, lang)}",
        "",
    ]
    for person, changes in result.by_person():
        label = escape(person.label) if person is not None else nobody_heading().say(lang)
        out += [f"**{label}**", ""]
        out += [f"- {_MARKS[mark(change)]} {sentence(change, lang, escape)}" for change in changes]
        out.append("")
    return "\n".join(out)


# ``+``/``-`` at the start of a list item would make a nested list; these read as the text's marks.
_MARKS = {"+": "➕", "-": "➖", "~": "✏️"}
