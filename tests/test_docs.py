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


def test_readme_python_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's Python example runs as written."""
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    block = (
        readme.split("## In Python", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    )
    exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - our own README
    assert "Kære Mette" in capsys.readouterr().out


def test_readme_check_example_is_true(tmp_path: Path) -> None:
    """The check output shown in the README is what decline prints for that draft."""
    from decline.cli import main

    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    shown = readme.split(
        "$ decline check draft.txt --locale en --kind confirmation\n", 1
    )[1].split("$ echo", 1)[0]
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Dear Mette,\n\nThank you for the offer from [Company Name]. I have decided to decline it.\n"
        "Honestly, the interviews felt chaotic and your team was hard to reach.\n"
        "I know someone who would be perfect for the role.\n\nKind regards,\nJonas\n",
        encoding="utf-8",
    )
    import io
    import os

    out = io.StringIO()
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        code = main(
            ["check", "draft.txt", "--locale", "en", "--kind", "confirmation"],
            stdout=out,
        )
    finally:
        os.chdir(cwd)
    assert code == 1
    assert out.getvalue() == shown


def test_every_public_name_has_a_runnable_example() -> None:
    """Each public class and function documents itself with a doctest example."""
    import inspect

    import decline
    from decline import tones

    names = [getattr(decline, n) for n in decline.__all__ if n != "__version__"]
    names += [tones.register, tones.unregister, tones.all_tones, tones.validate_tone]
    missing = [
        getattr(o, "__name__", repr(o))
        for o in names
        if ">>>" not in (inspect.getdoc(o) or "")
    ]
    assert missing == []
