"""decline check --fix / --unsafe-fixes / --diff, and the fix module under them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.commandline import decline as cli
from tests.commandline import run

from decline import Offer, check
from decline._fixes import apply_fixes, is_safe, unified_diff

RUDE = (
    "Dear Mette,\n\nI have decided to decline the offer. Frankly, the interviews "
    "were chaotic and the team was rude.\n\nKind regards,\nJonas\n"
)
NO_THANKS = (
    "Dear Mette,\n\nI have decided to decline the offer.\n\n"
    "  - an indented   line the fixes must not touch\n\nKind regards,\nJonas\n"
)
OFFER_TOML = (
    'company = "Nordlys A/S"\nposition = "Data Engineer"\ncontact = "Mette Hansen"\n'
    'candidate = "Jonas Berg"\n'
)


@pytest.fixture
def offer_file(tmp_path: Path) -> Path:
    path = tmp_path / "offer.toml"
    path.write_text(OFFER_TOML, encoding="utf-8")
    return path


class TestSafety:
    def test_cutting_the_writers_words_is_unsafe(self) -> None:
        """A fix that deletes a negative sentence is unsafe."""
        report = check(RUDE, locale="en", kind="confirmation")
        cuts = [d for d in report if d.rule == "letter.negative-remark"]
        assert cuts and all(d.suggestion == "" for d in cuts)
        assert not any(is_safe(d) for d in cuts)

    def test_inserting_is_safe(self, offer: Offer) -> None:
        """A fix that only adds the missing thanks is safe."""
        report = check(NO_THANKS, locale="en", kind="confirmation", offer=offer)
        thanks = next(d for d in report if d.rule == "letter.no-thanks")
        assert is_safe(thanks)

    def test_filling_a_placeholder_is_safe(self, offer: Offer) -> None:
        """Writing the offer's value over a placeholder keeps the writer's words."""
        text = (
            "Dear Mette,\n\nThank you for the offer. I have decided to decline the "
            "[position] role.\n\nI wish you all the best.\n\nKind regards,\nJonas\n"
        )
        report = check(text, locale="en", kind="confirmation", offer=offer)
        fill = next(d for d in report if d.rule == "letter.placeholder")
        assert fill.suggestion == offer.position and is_safe(fill)

    def test_a_finding_without_a_fix_is_not_safe(self) -> None:
        """No suggestion, no fix to apply."""
        report = check(NO_THANKS, locale="en", kind="confirmation")
        thanks = next(d for d in report if d.rule == "letter.no-thanks")
        assert thanks.suggestion is None and not is_safe(thanks)


class TestApplyFixes:
    def test_safe_only_leaves_the_rude_sentence(self) -> None:
        """Without unsafe fixes nothing is cut, and the skipped fixes are named."""
        result = apply_fixes(check(RUDE, locale="en", kind="confirmation"))
        assert not result.changed and result.text == RUDE
        assert {d.rule for d in result.skipped_unsafe} == {"letter.negative-remark"}

    def test_unsafe_cuts_it(self) -> None:
        """With unsafe fixes the sentence goes, and the space before it too."""
        result = apply_fixes(check(RUDE, locale="en", kind="confirmation"), unsafe=True)
        assert "rude" not in result.text
        assert "I have decided to decline the offer.\n\nKind regards" in result.text

    def test_untouched_lines_stay_byte_for_byte(self, offer: Offer) -> None:
        """Only the lines an edit touched are tidied (Report.fixed() tidies all)."""
        report = check(NO_THANKS, locale="en", kind="confirmation", offer=offer)
        fixed = apply_fixes(report).text
        assert "  - an indented   line the fixes must not touch\n" in fixed
        assert fixed.startswith("Dear Mette,\n\nThank you for offering me")
        assert "  - an indented   line" not in report.fixed()

    def test_same_result_as_report_fixed_on_a_tidy_text(self, offer: Offer) -> None:
        """On a text with no stray spaces, every fix gives what Report.fixed() gives."""
        report = check(RUDE, locale="en", kind="confirmation", offer=offer)
        assert apply_fixes(report, unsafe=True).text == report.fixed()

    def test_a_reason(self) -> None:
        """A reason's unsafe fix replaces it with the canned sentence."""
        report = check("The salary was insulting.", locale="en", kind="reason")
        assert apply_fixes(report, unsafe=True).text == report.fixed()

    def test_diff_names_the_file(self) -> None:
        """The diff is a unified diff, both sides named after the file."""
        diff = unified_diff("a\nb\n", "a\nc", "x.txt")
        assert diff.splitlines()[:2] == ["--- x.txt", "+++ x.txt (fixed)"]
        assert "-b\n+c\n\\ No newline at end of file\n" in diff


class TestFixCommand:
    def test_fix_writes_the_file_and_reports_what_is_left(
        self, tmp_path: Path, offer_file: Path
    ) -> None:
        """--fix adds the thanks; the wishes stay reported, nothing else changes."""
        draft = tmp_path / "draft.txt"
        draft.write_text(NO_THANKS, encoding="utf-8")
        done = cli(
            "check",
            "draft.txt",
            "--locale",
            "en",
            "--offer",
            "offer.toml",
            "--fix",
            cwd=tmp_path,
        )
        fixed = draft.read_text(encoding="utf-8")
        assert "Thank you for offering me" in fixed
        assert "I wish you" in fixed
        assert "  - an indented   line" in fixed
        assert "applied 2 fixes" in done.stderr
        assert "letter.no-thanks" not in done.stdout
        assert done.returncode == 0, done.stderr
        assert not list(tmp_path.glob(".draft.txt.*"))  # no temporary file left

    def test_fix_leaves_unsafe_fixes_unless_asked(self, tmp_path: Path) -> None:
        """Without --unsafe-fixes the rude sentence stays, and the note says how."""
        draft = tmp_path / "draft.txt"
        draft.write_text(RUDE, encoding="utf-8")
        done = cli("check", "draft.txt", "--locale", "en", "--fix", cwd=tmp_path)
        assert draft.read_text(encoding="utf-8") == RUDE
        assert "--unsafe-fixes" in done.stderr
        assert done.returncode == 1 and "letter.negative-remark" in done.stdout
        done = cli(
            "check",
            "draft.txt",
            "--locale",
            "en",
            "--fix",
            "--unsafe-fixes",
            cwd=tmp_path,
        )
        assert "rude" not in draft.read_text(encoding="utf-8")
        assert "letter.negative-remark" not in done.stdout

    def test_fix_keeps_crlf_line_ends(self, tmp_path: Path) -> None:
        """A file written with CRLF line ends keeps them."""
        draft = tmp_path / "draft.txt"
        draft.write_bytes(RUDE.replace("\n", "\r\n").encode())
        run("check", str(draft), "--locale", "en", "--fix", "--unsafe-fixes")
        data = draft.read_bytes()
        assert b"rude" not in data and data.count(b"\r\n") == data.count(b"\n")

    def test_diff_prints_and_does_not_write(self, tmp_path: Path) -> None:
        """--diff prints the change, leaves the file alone and exits 1."""
        draft = tmp_path / "draft.txt"
        draft.write_text(RUDE, encoding="utf-8")
        done = cli(
            "check",
            "draft.txt",
            "--locale",
            "en",
            "--diff",
            "--unsafe-fixes",
            cwd=tmp_path,
        )
        assert done.returncode == 1
        assert done.stdout.startswith("--- draft.txt\n+++ draft.txt (fixed)\n")
        assert "-I have decided to decline the offer. Frankly" in done.stdout
        assert draft.read_text(encoding="utf-8") == RUDE

    def test_fix_and_diff_take_a_folder_of_drafts(self, tmp_path: Path) -> None:
        """Every draft a folder holds is fixed (or diffed) and checked again."""
        drafts = tmp_path / "drafts"
        (drafts / "sub").mkdir(parents=True)
        first, second = drafts / "a.txt", drafts / "sub" / "b.txt"
        first.write_text(RUDE, encoding="utf-8")
        second.write_text(RUDE.replace("Mette", "Anna"), encoding="utf-8")
        done = cli(
            "check",
            "drafts",
            "--locale",
            "en",
            "--diff",
            "--unsafe-fixes",
            cwd=tmp_path,
        )
        assert done.returncode == 1, done.stderr
        assert done.stdout.count("+++ ") == 2
        assert first.read_text(encoding="utf-8") == RUDE
        done = cli(
            "check", "drafts", "--locale", "en", "--fix", "--unsafe-fixes", cwd=tmp_path
        )
        assert done.stderr.count("applied") == 2
        assert "letter.negative-remark" not in done.stdout  # what is left is reported
        assert "rude" not in first.read_text(encoding="utf-8")
        assert "rude" not in second.read_text(encoding="utf-8")
        assert "Anna" in second.read_text(encoding="utf-8")

    def test_diff_names_a_draft_it_cannot_read_and_exits_2(
        self, tmp_path: Path
    ) -> None:
        """A missing draft beside a good one: its diff is printed, the missing one named."""
        (tmp_path / "draft.txt").write_text(RUDE, encoding="utf-8")
        done = cli(
            "check",
            "draft.txt",
            "gone.txt",
            "--locale",
            "en",
            "--diff",
            "--unsafe-fixes",
            cwd=tmp_path,
        )
        assert done.returncode == 2
        assert "+++ draft.txt (fixed)" in done.stdout
        assert "gone.txt" in done.stderr

    def test_diff_with_nothing_to_fix_is_empty(self) -> None:
        """Only unsafe fixes, not asked for: no diff, exit 0, a note."""
        code, out, err = run("check", "-", "--locale", "en", "--diff", stdin=RUDE)
        assert (code, out) == (0, "")
        assert "--unsafe-fixes" in err

    def test_fix_refuses_standard_input(self) -> None:
        """A fix cannot be written back to standard input: exit 2, with what to do."""
        code, out, err = run("check", "-", "--locale", "en", "--fix", stdin=RUDE)
        assert code == 2 and out == ""
        assert "--fix" in err and "--diff" in err and "Traceback" not in err

    def test_fix_refuses_an_email(self, tmp_path: Path) -> None:
        """An e-mail's body may be encoded, so it is never rewritten."""
        mail = tmp_path / "draft.eml"
        body = RUDE.replace("\n", "\r\n")
        mail.write_text(
            f"Subject: Offer\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}",
            encoding="utf-8",
        )
        before = mail.read_bytes()
        code, _, err = run("check", str(mail), "--locale", "en", "--fix")
        assert code == 2 and "e-mail" in err
        assert mail.read_bytes() == before

    def test_fix_of_a_read_only_folder_names_the_file(self, tmp_path: Path) -> None:
        """A file that cannot be replaced is exit 2 with its name, file unchanged."""
        if os.geteuid() == 0:
            pytest.skip("root can write anywhere")
        draft = tmp_path / "draft.txt"
        draft.write_text(RUDE, encoding="utf-8")
        tmp_path.chmod(0o500)
        try:
            code, _, err = run(
                "check", str(draft), "--locale", "en", "--fix", "--unsafe-fixes"
            )
        finally:
            tmp_path.chmod(0o700)
        assert code == 2 and "draft.txt" in err
        assert draft.read_text(encoding="utf-8") == RUDE

    def test_a_failed_write_names_the_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file that cannot be replaced (as anyone, root too) is exit 2 with its name."""
        import decline.cli

        def refuse(*args: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(decline.cli, "_replace_atomically", refuse)
        draft = tmp_path / "draft.txt"
        draft.write_text(RUDE, encoding="utf-8")
        code, _, err = run(
            "check", str(draft), "--locale", "en", "--fix", "--unsafe-fixes"
        )
        assert code == 2
        assert "--fix: cannot write" in err and "draft.txt" in err
        assert "Permission denied" in err
        assert draft.read_text(encoding="utf-8") == RUDE

    def test_markdown_keeps_its_markup(self, tmp_path: Path) -> None:
        """In a Markdown draft the cut sentence goes and the markup stays as it was."""
        draft = tmp_path / "draft.md"
        text = (
            "# Re: the offer\n\nDear Mette,\n\nThank you for the offer. I have "
            "decided to decline the offer. Frankly, the team was rude.\n\n"
            "I wish you *every* success.\n\nKind regards,  \nJonas\n"
        )
        draft.write_text(text, encoding="utf-8")
        code, _, err = run(
            "check", str(draft), "--locale", "en", "--fix", "--unsafe-fixes"
        )
        fixed = draft.read_text(encoding="utf-8")
        assert code == 0, err
        assert "rude" not in fixed
        assert "I have decided to decline the offer.\n" in fixed
        assert "I wish you *every* success." in fixed
        assert "Kind regards,  \nJonas\n" in fixed  # a Markdown line break kept
