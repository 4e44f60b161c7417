"""The shipped pre-commit hook, run by pre-commit itself in a temporary git repository.

The hook ships with ``language: python``: pre-commit then installs decline in an
environment of its own, which needs the package index. The tests run offline, so
they run the shipped hook's own definition (its id, entry, file patterns and
types) with one change, ``language: system``, against the decline installed here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GOOD = (
    "Dear Mette,\n\nThank you for offering me the position. I have decided to "
    "decline the offer.\n\nI wish you and the team every success.\n\n"
    "Kind regards,\nJonas\n"
)
RUDE = GOOD.replace(
    "decline the offer.", "decline the offer. Frankly, the team was rude."
)

GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="needs git")


def shipped_hook() -> dict[str, object]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert isinstance(hooks, list) and len(hooks) == 1
    hook = hooks[0]
    assert isinstance(hook, dict)
    return hook


def git(repo: Path, *argv: str) -> None:
    assert GIT is not None
    subprocess.run([GIT, *argv], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose config runs the shipped hook, offline."""
    repo = tmp_path / "letters"
    repo.mkdir()
    git(repo, "init", "-q")
    hook = {**shipped_hook(), "language": "system", "args": ["--locale", "en"]}
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), "utf-8")
    return repo


def pre_commit(repo: Path, *files: str) -> subprocess.CompletedProcess[str]:
    git(repo, "add", "--all")
    scripts = Path(sys.executable).parent  # where the `decline` script is
    env = {
        **os.environ,
        "PATH": f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"),
        "PRE_COMMIT_COLOR": "never",
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--files", *files],
        cwd=repo,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )


class TestShippedHook:
    def test_the_shipped_hook_installs_decline_itself(self) -> None:
        """Users get `language: python`: pre-commit installs decline for them."""
        hook = shipped_hook()
        assert hook["id"] == "decline"
        assert hook["language"] == "python"
        assert hook["entry"] == "decline check"

    def test_a_good_draft_passes(self, repo: Path) -> None:
        """pre-commit runs decline on a kind draft and the hook passes."""
        (repo / "letter.txt").write_text(GOOD, "utf-8")
        done = pre_commit(repo, "letter.txt")
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Passed" in done.stdout

    def test_a_rude_draft_fails_with_the_rule(self, repo: Path) -> None:
        """A draft with a negative remark fails the hook and the output names the rule."""
        (repo / "letter.md").write_text(RUDE, "utf-8")
        done = pre_commit(repo, "letter.md")
        assert done.returncode == 1
        assert "Failed" in done.stdout
        assert "letter.negative-remark" in done.stdout

    def test_other_files_are_left_alone(self, repo: Path) -> None:
        """A file the hook's patterns do not match is never checked."""
        (repo / "notes.py").write_text("# The team was rude.\n", "utf-8")
        done = pre_commit(repo, "notes.py")
        assert done.returncode == 0, done.stdout + done.stderr
        assert "no files to check" in done.stdout.lower()
