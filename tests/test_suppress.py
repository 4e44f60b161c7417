"""Inline suppression: decline: ignore[...] and off/on comments in plain text, Markdown, HTML."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from decline import check

HEAD = "Dear Mette,\n\nThank you for the offer. I have decided to decline it.\n"
TAIL = "\nI wish you all the best.\n\nKind regards,\nJonas\n"


def letter(middle: str) -> str:
    return HEAD + middle + TAIL


def decline(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "decline", *argv],
        capture_output=True,
        text=True,
        check=False,
    )


class TestPlainText:
    @pytest.mark.parametrize(
        "comment",
        [
            "decline: ignore[letter.negative-remark]",
            "# decline: ignore[letter.negative-remark]",
            "// decline: ignore[letter]",
            "<!-- decline: ignore[letter.negative-remark] -->",
            "  #decline:ignore[letter.negative-remark]",
        ],
    )
    def test_own_line_comment_suppresses_the_next_line(self, comment: str) -> None:
        """A directive line suppresses the rule on the next line with text."""
        report = check(letter(f"{comment}\nThe office was chaotic.\n"), locale="en")
        assert "letter.negative-remark" not in report.rules
        assert [d.rule for d in report.suppressed] == ["letter.negative-remark"]
        assert report.ok

    def test_only_the_named_rule_and_only_the_next_line(self) -> None:
        """Another rule, or the line after next, is not suppressed."""
        text = letter("# decline: ignore[letter.bargaining]\nThe office was chaotic.\n")
        report = check(text, locale="en")
        assert "letter.negative-remark" in report.rules
        assert "suppression.unused" in report.rules  # it suppressed nothing
        text = letter(
            "# decline: ignore[letter.negative-remark]\nFine.\nThe team was rude.\n"
        )
        assert "letter.negative-remark" in check(text, locale="en").rules

    def test_comment_is_not_letter_text(self) -> None:
        """The directive line is read as a blank line: no rule sees its words.

        Read as text, ``[letter.wavering]`` would be an unfilled placeholder.
        """
        bare = check(letter("ignore[letter.wavering]\n"), locale="en")
        assert "letter.placeholder" in bare.rules  # what reading it would give
        commented = check(
            letter("# decline: ignore[letter.wavering]\n"),
            locale="en",
            ignore="suppression",
        )
        assert commented.ok and not commented.diagnostics
        # The report's text is the source, comment included; fixes keep it.
        assert "# decline: ignore" in commented.text
        assert "# decline: ignore" in commented.fixed()

    def test_off_on_block(self) -> None:
        """decline: off … decline: on suppresses every line between them, and no more."""
        text = letter(
            "decline: off[letter.negative-remark]\nThe team was rude.\n"
            "The office was chaotic.\ndecline: on\nThe pay was insulting.\n"
        )
        report = check(text, locale="en", select="letter.negative-remark")
        assert [d.text for d in report.suppressed] == ["rude", "chaotic"]
        assert [d.text for d in report.errors] == ["insulting"]

    def test_unclosed_off_runs_to_the_end(self) -> None:
        """An off without an on covers the rest of the draft."""
        report = check(letter("decline: off\nThe team was rude.\n"), locale="en")
        assert report.ok and report.suppressed

    def test_unused_suppression_is_a_warning_with_a_fix(self) -> None:
        """A directive that suppresses nothing is suppression.unused; its fix deletes the line."""
        text = letter("# decline: ignore[letter.wavering]\n")
        report = check(text, locale="en")
        unused = [d for d in report if d.rule == "suppression.unused"]
        assert len(unused) == 1 and unused[0].severity.value == "warning"
        assert unused[0].line == 4 and "letter.wavering" in unused[0].message
        assert "decline:" not in report.fixed()

    def test_unused_in_the_drafts_language(self) -> None:
        """The unused-suppression message is in the draft's language."""
        text = (
            "Kære Mette\n\nTak for tilbuddet. Jeg har valgt at takke nej.\n"
            "# decline: ignore[letter.wavering]\n\nJeg ønsker jer alt godt.\n\n"
            "Med venlig hilsen\nJonas\n"
        )
        unused = [d for d in check(text, locale="da") if d.rule == "suppression.unused"]
        assert unused[0].message.startswith("Kommentaren undertrykker letter.wavering")

    def test_unused_can_be_ignored(self) -> None:
        """ignore='suppression' leaves the unused-suppression finding out."""
        text = letter("# decline: ignore[letter.wavering]\n")
        assert (
            "suppression.unused"
            not in check(text, locale="en", ignore="suppression").rules
        )

    def test_ordinary_lines_are_not_directives(self) -> None:
        """'decline: the offer' and unknown verbs are letter text, not comments."""
        text = letter("# decline: maybe[letter]\nThe office was chaotic.\n")
        report = check(text, locale="en")
        assert "letter.negative-remark" in report.rules and not report.suppressed


class TestMarkup:
    def test_markdown_same_line_and_next_line(self) -> None:
        """In Markdown a comment after text covers its line; on its own line, the next."""
        text = (
            "Dear Mette,\n\nThank you for the offer; I decline it. The office was "
            "chaotic. <!-- decline: ignore[letter.negative-remark] -->\n\n"
            "<!-- decline: ignore[letter.negative-remark] -->\nThe team was rude.\n"
            + TAIL
        )
        report = check(text, locale="en", format="markdown")
        assert "letter.negative-remark" not in report.rules
        assert sorted(d.text for d in report.suppressed) == ["chaotic", "rude"]

    def test_html_block(self) -> None:
        """An HTML off/on pair suppresses the paragraphs between."""
        html = (
            "<p>Dear Mette,</p><p>Thank you for the offer. I decline it.</p>\n"
            "<!-- decline: off[letter.negative-remark] -->\n<p>The team was rude.</p>\n"
            "<!-- decline: on -->\n<p>I wish you well.</p><p>Kind regards,<br>Jonas</p>"
        )
        report = check(html, locale="en", format="html")
        assert "letter.negative-remark" not in report.rules
        assert [d.text for d in report.suppressed] == ["rude"]


class TestCommandLine:
    @pytest.fixture
    def draft(self, tmp_path: Path) -> Path:
        path = tmp_path / "d.md"
        path.write_text(
            letter(
                "\n<!-- decline: ignore[letter.negative-remark] -->\n"
                "The office was chaotic.\n"
            ),
            encoding="utf-8",
        )
        return path

    def test_counted_in_summary_and_exit_0(self, draft: Path) -> None:
        """Suppressed findings do not fail the run and are counted in the summary."""
        done = decline("check", str(draft), "--locale", "en")
        assert done.returncode == 0, done.stdout + done.stderr
        assert "chaotic" not in done.stdout
        assert done.stdout.splitlines()[-1].endswith("(1 suppressed)")

    def test_show_suppressed(self, draft: Path) -> None:
        """--show-suppressed prints them, marked."""
        done = decline("check", str(draft), "--locale", "en", "--show-suppressed")
        assert "letter.negative-remark error (suppressed)" in done.stdout

    def test_json_and_sarif_carry_them(self, draft: Path) -> None:
        """JSON lists them under suppressed; SARIF marks them as in-source suppressions."""
        doc = json.loads(
            decline("check", str(draft), "--locale=en", "--format=json").stdout
        )
        assert doc["counts"]["suppressed"] == 1
        assert doc["files"][0]["suppressed"][0]["rule"] == "letter.negative-remark"
        log = json.loads(
            decline("check", str(draft), "--locale=en", "--format=sarif").stdout
        )
        results = log["runs"][0]["results"]
        assert results[0]["suppressions"] == [{"kind": "inSource"}]

    def test_ignore_suppression_on_the_command_line(self, tmp_path: Path) -> None:
        """--ignore suppression.unused is accepted and leaves the finding out."""
        path = tmp_path / "d.txt"
        path.write_text(
            letter("# decline: ignore[letter.wavering]\n"), encoding="utf-8"
        )
        plain = decline("check", str(path), "--locale", "en")
        assert "suppression.unused" in plain.stdout
        quiet = decline(
            "check", str(path), "--locale", "en", "--ignore", "suppression.unused"
        )
        assert quiet.returncode == 0 and "suppression.unused" not in quiet.stdout
