"""``decline check`` as a linter: many files, worker processes, and the output formats.

The command line's ``check`` subcommand is a thin layer over this package:

- :mod:`._settings` finds the settings file of each draft (``--config``,
  ``--isolated``);
- :mod:`._files` finds the drafts under the paths given (``--include``,
  ``--exclude``);
- :mod:`._run` reads and checks each one, in worker processes with ``--jobs``, and
  keeps what could not be checked apart from what was found;
- :mod:`._output` writes the results as text, JSON or GitHub Actions annotations,
  and :mod:`._sarif` as SARIF 2.1.0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from decline._lint._files import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, collect

if TYPE_CHECKING:
    from decline._lint._output import (
        FAIL_LEVELS,
        exit_code,
        github,
        json_document,
        statistics,
        summary,
        text,
    )
    from decline._lint._run import Draft, FileResult, Settings, check_drafts
    from decline._lint._sarif import sarif
    from decline._lint._settings import Configs

#: Where each name that needs the guidance engine is defined; loaded on first use,
#: so the command line builds its parser without loading the engine.
_LAZY = {
    "Configs": "decline._lint._settings",
    "FAIL_LEVELS": "decline._lint._output",
    "exit_code": "decline._lint._output",
    "github": "decline._lint._output",
    "json_document": "decline._lint._output",
    "statistics": "decline._lint._output",
    "summary": "decline._lint._output",
    "text": "decline._lint._output",
    "Draft": "decline._lint._run",
    "FileResult": "decline._lint._run",
    "Settings": "decline._lint._run",
    "check_drafts": "decline._lint._run",
    "sarif": "decline._lint._sarif",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib  # noqa: PLC0415

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'decline._lint' has no attribute {name!r}")


__all__ = [
    "DEFAULT_EXCLUDE",
    "DEFAULT_INCLUDE",
    "FAIL_LEVELS",
    "Configs",
    "Draft",
    "FileResult",
    "Settings",
    "check_drafts",
    "collect",
    "exit_code",
    "github",
    "json_document",
    "sarif",
    "statistics",
    "summary",
    "text",
]
