"""Sphinx extension: write ``reference/rules.md`` from the rule registry, so it cannot drift."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _fence(text: str) -> str:
    return "```text\n" + text.strip("\n") + "\n```"


def write_rules_page(app: Any) -> None:
    """Render every rule: id, severity, guidance, kinds, summary and examples."""
    from decline.guidance import RULES

    lines = [
        "# Rules",
        "",
        "Generated from `decline.guidance.RULES` when the docs are built.",
        'Silence a rule with `check(..., ignore=["rule.id"])` or `decline check --ignore rule.id`;',
        "a prefix such as `letter` selects or ignores a whole family.",
        "",
        "| rule | severity | guidance | reads |",
        "|---|---|---|---|",
    ]
    for rule in RULES.values():
        kinds = ", ".join(sorted(rule.kinds))
        guidance = ", ".join(rule.guidance) or "—"
        lines.append(
            f"| [`{rule.id}`](#{rule.id.replace('.', '')}) | {rule.severity.value} | {guidance} | {kinds} |"
        )
    for rule in RULES.values():
        lines += ["", f"## `{rule.id}`", "", rule.summary, ""]
        lines.append(
            f"Severity **{rule.severity.value}**; guidance {', '.join(rule.guidance)}."
            if rule.guidance
            else f"Severity **{rule.severity.value}**; it enforces no item of the "
            "guidance, but keeps the others from reading a text in the wrong language."
        )
        for fails, title in ((True, "Must be flagged"), (False, "Must pass")):
            examples = [e for e in rule.examples if e.fails is fails]
            lines += ["", f"### {title}", ""]
            for example in examples:
                extra = []
                if example.kind != "reason":
                    extra.append(example.kind)
                if example.referral_requested:
                    extra.append("referral requested")
                if example.received_days_ago is not None:
                    extra.append(f"offer received {example.received_days_ago} days ago")
                if example.respond_in_days is not None:
                    extra.append(f"deadline in {example.respond_in_days} days")
                label = f"*{example.locale}*" + (
                    f" ({', '.join(extra)})" if extra else ""
                )
                lines += [label, "", _fence(example.text), ""]
    target = Path(app.srcdir) / "reference" / "rules.md"
    text = "\n".join(lines) + "\n"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def write_cli_help(app: Any) -> None:
    """Write the help of every subcommand to ``reference/cli-help.txt``."""
    from decline.cli import _parser

    parser = _parser()
    parts = [parser.format_help()]
    for action in parser._subparsers._group_actions:
        for name, sub in action.choices.items():
            parts.append(f"\n$ decline {name} --help\n" + sub.format_help())
    target = Path(app.srcdir) / "reference" / "cli-help.txt"
    text = "\n".join(parts)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    """Hook the page writer into the build."""
    app.connect("builder-inited", write_rules_page)
    app.connect("builder-inited", write_cli_help)
    return {"parallel_read_safe": True, "version": "1"}
