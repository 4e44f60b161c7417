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

from decline._lint._files import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, collect
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
