"""``tfagenda rules`` and ``tfagenda rule``: the rules and their documentation."""

from __future__ import annotations

from tfagenda.commands import UsageError
from tfagenda.messages import T


def rules_table(lang: str = "en") -> str:
    """Every rule, one a line: code, name, default severity, fix, summary.

    Rule documentation is in English (README: Korean messages); ``lang`` is taken so that the
    command passes its language like every other."""
    from tfagenda.rules import ALL_RULES
    from tfagenda.textwidth import pad

    lines = [f"{pad('code', 6)}{pad('name', 22)}{pad('severity', 10)}{pad('fix', 10)}summary"]
    for rule in ALL_RULES:
        lines.append(
            f"{pad(rule.code, 6)}{pad(rule.name, 22)}{pad(str(rule.severity), 10)}{pad(rule.fixable, 10)}{rule.summary}"
        )
    opt_in = [rule.code for rule in ALL_RULES if rule.opt_in]
    if opt_in:
        lines.append(
            f"\nOpt-in (run only when selected by code or name, e.g. --extend-select {opt_in[0]}): {', '.join(opt_in)}"
        )
    return "\n".join(lines) + "\n"


def rule_text(code: str, lang: str = "en") -> str:
    """One rule's documentation (by code or name), with an example and its fix; UsageError if none."""
    from tfagenda.rules import find_rule

    found = find_rule(code)
    if found is None:
        raise UsageError(T("no rule {code!r}; `tfagenda rules` lists them", code=code))
    opt_in = ", opt-in" if found.opt_in else ""
    return f"# {found.code} {found.name} ({found.severity}, fix: {found.fixable}{opt_in})\n\n{found.doc}\n"
