"""Development sessions: `nox -s tests lint typing docs`; maintenance sessions are not default."""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "lint", "typing", "docs"]
nox.options.reuse_existing_virtualenvs = True

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the test suite against an installed (non-editable) wheel."""
    session.install(".[tests]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check formatting and lint with ruff, and the layers contract with import-linter."""
    session.install("-e", ".", "ruff", "import-linter")
    session.run("ruff", "format", "--check", ".")
    session.run("ruff", "check", ".")
    session.run("lint-imports")


@nox.session
def typing(session: nox.Session) -> None:
    """Type-check the package with mypy --strict."""
    session.install("-e", ".", "mypy")
    session.run("mypy", "--strict")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the docs with warnings as errors, and run their doctests."""
    session.install(".[docs]")
    session.run(
        "sphinx-build",
        "-W",
        "--keep-going",
        "-n",
        "-b",
        "html",
        "docs",
        "docs/_build/html",
    )
    session.run(
        "sphinx-build",
        "-W",
        "--keep-going",
        "-n",
        "-b",
        "doctest",
        "docs",
        "docs/_build/doctest",
    )


@nox.session(default=False)
def i18n(session: nox.Session) -> None:
    """The translator's cycle: `nox -s i18n -- extract|update|init LL|compile|check`."""
    session.install("-e", ".")
    session.run("python", "tools/i18n.py", *(session.posargs or ["check"]))


@nox.session(default=False)
def train(session: nox.Session) -> None:
    """Train the tone models from the judgement corpora (`nox -s train -- da de`)."""
    session.install("-e", ".[train]")
    session.run("python", "tools/train_tone.py", *session.posargs)


@nox.session(default=False)
def accuracy(session: nox.Session) -> None:
    """Score check() on the judgement corpora, per locale and class."""
    session.install("-e", ".")
    session.run("python", "benchmarks/accuracy.py", *session.posargs)


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Run the benchmarks against Jinja2, str.format and proselint."""
    session.install(".[bench]")
    session.run("python", "benchmarks/run.py")
    session.run("python", "benchmarks/check.py")


@nox.session(default=False)
def fuzz(session: nox.Session) -> None:
    """Fuzz check() and Letter.from_dict() with atheris (not part of CI)."""
    session.install(".[fuzz]")
    session.run(
        "python", "fuzz/fuzz_decline.py", *(session.posargs or ["-max_total_time=300"])
    )
