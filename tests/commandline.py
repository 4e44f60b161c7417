"""Run the command line in tests: in this process (fast) or as a user does (a subprocess)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from decline.cli import main

#: ``decline write`` with an offer every test can build on.
WRITE = (
    "write",
    "--company",
    "Nordlys A/S",
    "--position",
    "Data Engineer",
    "--contact",
    "Mette Hansen",
    "--contact-email",
    "mette@nordlys.example",
    "--candidate",
    "Jonas Berg",
    "--candidate-email",
    "jonas@example.org",
)


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    """``decline ARGV`` in this process: exit status, standard output and error."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err, stdin=io.StringIO(stdin))
    return code, out.getvalue(), err.getvalue()


def decline(
    *argv: str, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m decline ARGV`` in a new process, its output read as UTF-8."""
    return subprocess.run(
        [sys.executable, "-m", "decline", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=cwd,
        input=stdin,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
