"""SARIF 2.1.0, the format code-scanning services read (GitHub, Azure DevOps…).

One run of one tool, ``decline``: its rules (id, summary, help text, the guidance
item each enforces, default level), and a result for every finding, with the
region it covers (lines and columns in Unicode code points, and character
offsets) and, where the finding has a suggestion, the fix as a replacement.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from decline._diagnostic import Diagnostic
from decline._lint._output import end_position
from decline._lint._run import FileResult
from decline._terminal import json_safe
from decline._version import __version__
from decline.guidance import RULES, Rule

__all__ = ["SARIF_SCHEMA", "sarif"]

#: The schema a SARIF log names.
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

#: The guidance items, as the rules' help text names them.
GUIDANCE = {
    "G1": "Tell them as soon as possible.",
    "G2": "Call first, then write.",
    "G3": "Confirm in writing: short, polite and respectful.",
    "G4": "A reason is optional; if you give one, keep it to one neutral sentence.",
    "G5": "Say nothing negative about the people, the workplace or the company.",
    "G6": "Offer a referral only if they ask for one.",
    "G7": "Keep it short and sweet.",
    "G8": "Send a thank-you note and ask to stay in touch.",
    "G9": "Thank them, state the decision clearly and wish them well.",
}

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}

#: The rule of an inline suppression that suppressed nothing.
_UNUSED = "suppression.unused"


def _rule(rule: Rule) -> dict[str, Any]:
    items = "; ".join(f"{g}: {GUIDANCE.get(g, g)}" for g in rule.guidance)
    return {
        "id": rule.id,
        "name": rule.id.replace(".", "-"),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.summary} (guidance {items})"},
        "help": {"text": f"{rule.summary}\n\nGuidance {items}"},
        "defaultConfiguration": {"level": _LEVEL[rule.severity.value]},
        "properties": {"guidance": list(rule.guidance), "tags": [rule.family]},
    }


def _unused_rule() -> dict[str, Any]:
    summary = "An inline suppression comment suppresses nothing."
    return {
        "id": _UNUSED,
        "name": "suppression-unused",
        "shortDescription": {"text": summary},
        "fullDescription": {"text": summary},
        "help": {"text": f"{summary}\n\nDelete the comment."},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"guidance": [], "tags": ["suppression"]},
    }


def _uri(name: str) -> str:
    if name == "<stdin>":
        return "stdin"
    path = PurePath(name)
    if path.is_absolute():
        return Path(name).as_uri()
    return quote(path.as_posix())


def _region(text: str, start: int, end: int) -> dict[str, Any]:
    line, column = end_position(text, start)
    end_line, end_column = end_position(text, end)
    return {
        "startLine": line,
        "startColumn": column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": start,
        "charLength": end - start,
    }


def _result(
    d: Diagnostic, text: str, uri: str, index: dict[str, int], *, suppressed: bool
) -> dict[str, Any]:
    location = {"artifactLocation": {"uri": uri}}
    out: dict[str, Any] = {
        "ruleId": d.rule,
        "level": _LEVEL[d.severity.value],
        "message": {"text": d.message},
        "locations": [
            {"physicalLocation": {**location, "region": _region(text, *d.span)}}
        ],
    }
    if d.rule in index:
        out["ruleIndex"] = index[d.rule]
    if d.suggestion is not None:
        start, end = d.replaces or d.span
        out["fixes"] = [
            {
                "description": {"text": d.suggestion or "Delete the text."},
                "artifactChanges": [
                    {
                        **location,
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "charOffset": start,
                                    "charLength": end - start,
                                },
                                "insertedContent": {"text": d.suggestion},
                            }
                        ],
                    }
                ],
            }
        ]
    if suppressed:
        out["suppressions"] = [{"kind": "inSource"}]
    return out


def sarif(results: Sequence[FileResult]) -> str:
    """A SARIF 2.1.0 log of every finding (suppressed ones marked so).

    A draft that could not be checked is a tool notification of level error.
    """
    rules = [_rule(r) for r in RULES.values()] + [_unused_rule()]
    index = {r["id"]: i for i, r in enumerate(rules)}
    found: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for result in results:
        uri = _uri(result.name)
        if result.report is None:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": result.error or ""},
                    "locations": [
                        {"physicalLocation": {"artifactLocation": {"uri": uri}}}
                    ],
                }
            )
            continue
        text = result.report.text
        found += [
            _result(d, text, uri, index, suppressed=False) for d in result.diagnostics
        ]
        found += [
            _result(d, text, uri, index, suppressed=True) for d in result.suppressed
        ]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "decline",
                        "version": __version__,
                        "informationUri": "https://example.org/decline/",
                        "rules": rules,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not notifications,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": found,
            }
        ],
    }
    return json_safe(json.dumps(log, ensure_ascii=False, indent=2)) + "\n"
