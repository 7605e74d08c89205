"""Write docs/rules.md from the rule registry: ``python -m tfagenda.ruledocs > docs/rules.md``.

The rules' docstrings are the single source of their documentation; a test checks that the
committed file is current.
"""

from __future__ import annotations

from tfagenda.rules import ALL_RULES


def rules_markdown() -> str:
    out = [
        "# Rules",
        "",
        "Generated from the rule registry by `python -m tfagenda.ruledocs > docs/rules.md`; "
        "`tfagenda rule CODE` prints the same text.",
        "",
        "| code | name | default | fix | finds |",
        "|---|---|---|---|---|",
    ]
    for rule in ALL_RULES:
        out.append(
            f"| [{rule.code}](#{rule.code.lower()}-{rule.name}) | {rule.name} | {rule.severity} | {rule.fixable} | {rule.summary} |"
        )
    for rule in ALL_RULES:
        body = rule.doc.replace("\n## ", "\n#### ")
        out += [
            "",
            f"## {rule.code} {rule.name}",
            "",
            f"Default severity: {rule.severity}. Fix: {rule.fixable}."
            + (
                " Opt-in: runs only when selected by its code or name (a prefix or `ALL` does not select it)."
                if rule.opt_in
                else ""
            ),
            "",
            body,
        ]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(rules_markdown(), end="")
