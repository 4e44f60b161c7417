"""The documentation builds with warnings as errors, and its examples run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("sphinx", reason="the docs need Python 3.11+ (Sphinx 9.0)")

DOCS = Path(__file__).parent.parent / "docs"


@pytest.mark.slow
@pytest.mark.parametrize("builder", ["html", "doctest"])
def test_docs_build_clean(builder: str, tmp_path: Path) -> None:
    """`sphinx-build -W --keep-going -n` succeeds for the HTML and the doctests."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-n",
            "-q",
            "-b",
            builder,
            "-d",
            str(tmp_path / "doctrees"),
            str(DOCS),
            str(tmp_path / builder),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_public_name_is_in_the_reference() -> None:
    """Each name in decline.__all__ appears in the API reference."""
    import decline

    reference = (DOCS / "reference" / "api.md").read_text(encoding="utf-8")
    missing = [
        n
        for n in decline.__all__
        if n != "__version__" and f"decline.{n}" not in reference
    ]
    assert missing == []
