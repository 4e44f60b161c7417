"""The command line: write, check, locales, tones; exit codes 0, 1 and 2."""

from __future__ import annotations

import email
import json
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest
from tests.commandline import WRITE, run

from decline.cli import main

BASE = list(WRITE)


class TestWrite:
    def test_danish_confirmation(self) -> None:
        """The README's command writes a Danish confirmation."""
        code, out, _ = run(
            *BASE, "--locale", "da", "--tone", "warm", "--reason", "other-offer"
        )
        assert code == 0
        assert "Kære Mette" in out and "takke nej" in out

    @pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json", "eml"])
    @pytest.mark.parametrize("kind", ["call", "confirmation", "thank-you"])
    def test_every_format_and_kind(self, fmt: str, kind: str) -> None:
        """Every kind renders in every format."""
        code, out, err = run(*BASE, "--kind", kind, "--format", fmt)
        assert code == 0, err
        assert out.strip()
        if fmt == "json":
            assert json.loads(out)["schema"] == 1
        if fmt == "eml":
            assert email.message_from_string(out, policy=policy.default)["To"]

    def test_plan(self) -> None:
        """--kind plan writes the three dated steps."""
        code, out, _ = run(*BASE, "--kind", "plan", "--today", "2026-11-23")
        assert (
            code == 0
            and out.count("\n1. ")
            + out.count("\n2. ")
            + out.count("\n3. ")
            + out.startswith("1. ")
            == 3
        )

    def test_offer_file(self, tmp_path: Path) -> None:
        """A TOML offer file works, and flags override it."""
        path = tmp_path / "offer.toml"
        path.write_text(
            'company = "Havn ApS"\nposition = "Udvikler"\nlocale = "da"\nreason = "staying"\n'
            "received_on = 2026-11-20\n"
            '[contact]\nname = "Søren Ærø"\nemail = "s@havn.example"\n'
            '[candidate]\nname = "Jonas Berg"\nlinks = ["https://jonasberg.dk"]\n'
            '[[interviewers]]\nname = "Lars Holm"\n',
            encoding="utf-8",
        )
        code, out, err = run(
            "write", "--offer", str(path), "--tone", "brief", "--kind", "thank-you"
        )
        assert code == 0, err
        assert "Hej Søren" in out and "https://jonasberg.dk" in out

    def test_free_text_reason(self) -> None:
        """A free-text reason is checked and used."""
        code, out, _ = run(
            *BASE, "--reason", "I have decided to stay in my current role."
        )
        assert code == 0 and "stay in my current role." in out

    def test_refused_reason_exits_1_naming_the_problem(self) -> None:
        """A negative reason is refused with exit 1."""
        code, _, err = run(*BASE, "--reason", "The team was rude. The pay was a joke.")
        assert code == 1 and "reason" in err

    @pytest.mark.parametrize(
        ("extra", "needle"),
        [
            (["--contact-email", "nope"], "email"),
            (["--locale", "xx"], "locale"),
            (["--tone", "snarky"], "tone"),
            (["--link", "ftp://x.org"], "links"),
        ],
    )
    def test_refused_input_exits_1(self, extra: list[str], needle: str) -> None:
        """Refused values exit 1 with the field named on stderr."""
        code, _, err = run(*BASE, *extra)
        assert code == 1 and needle in err and "Traceback" not in err

    def test_missing_field(self) -> None:
        """A missing company is named, with the flag to pass."""
        code, _, err = run(
            "write", "--position", "X", "--contact", "A", "--candidate", "B"
        )
        assert code == 1 and "--company" in err

    def test_bad_toml(self, tmp_path: Path) -> None:
        """A broken offer file is refused, not a crash."""
        path = tmp_path / "bad.toml"
        path.write_text("company = ", encoding="utf-8")
        code, _, err = run("write", "--offer", str(path))
        assert code == 1 and "TOML" in err

    @pytest.mark.parametrize(
        "flag", ["--company=--", "--contact=--", "--reason=--", "--link=--"]
    )
    def test_lone_separator_as_a_value_is_named(self, flag: str) -> None:
        """argparse turns a value of '--' into an empty list; the option is named."""
        base = {
            "--company": "Acme",
            "--position": "Analyst",
            "--contact": "Mette Hansen",
            "--candidate": "Jonas Berg",
        }
        option = flag.split("=", maxsplit=1)[0]
        argv = [f"{k}={v}" for k, v in base.items() if k != option]
        code, _, err = run("write", *argv, flag)
        assert code == 1
        assert err.startswith(f"decline: error: {option}: got a lone '--'")

    def test_missing_offer_file(self, tmp_path: Path) -> None:
        """A missing offer file is named, with the I/O exit status 2."""
        code, _, err = run("write", "--offer", str(tmp_path / "none.toml"))
        assert code == 2 and "cannot read" in err and "none.toml" in err

    @pytest.mark.parametrize(
        "argv",
        [[], ["write", "--kind", "memo"], ["write", "--today", "soon"], ["nope"]],
    )
    def test_bad_usage_exits_2(
        self, argv: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Bad usage prints a helpful message and exits 2."""
        assert main(argv) == 2
        assert "usage:" in capsys.readouterr().err


class TestCheck:
    def test_findings_and_exit_1(self) -> None:
        """Errors print FILE:LINE:COL: RULE SEVERITY MESSAGE and exit 1."""
        code, out, _ = run(
            "check",
            "-",
            "--locale",
            "en",
            "--kind",
            "reason",
            stdin="The team was rude.",
        )
        assert code == 1
        assert "<stdin>:1:14: reason.negative-remark error" in out
        assert "suggestion:" in out

    def test_clean_exits_0(self, tmp_path: Path) -> None:
        """A clean draft exits 0."""
        path = tmp_path / "reason.txt"
        path.write_text("Jeg har valgt at blive i mit nuværende job.", encoding="utf-8")
        code, out, _ = run("check", str(path), "--locale", "da", "--kind", "reason")
        assert code == 0 and out == ""  # no summary line for a clean run

    def test_json(self) -> None:
        """--format json prints the report's JSON."""
        code, out, _ = run(
            "check",
            "-",
            "--locale",
            "en",
            "--kind",
            "reason",
            "--format",
            "json",
            stdin="Rude.",
        )
        document = json.loads(out)
        assert code == 1 and document["schema"] == 1
        assert document["files"][0]["path"] == "<stdin>"

    def test_select_and_ignore(self) -> None:
        """--ignore silences a rule."""
        code, _, _ = run(
            "check",
            "-",
            "--locale",
            "en",
            "--kind",
            "reason",
            "--ignore",
            "reason",
            stdin="Rude.",
        )
        assert code == 0

    def test_unreadable_file(self, tmp_path: Path) -> None:
        """A file that is not UTF-8 is refused with the I/O exit status 2."""
        path = tmp_path / "bin"
        path.write_bytes(b"\xff\xfe\x00")
        code, _, err = run("check", str(path), "--locale", "en", "--kind", "reason")
        assert code == 2 and "cannot read" in err and "not UTF-8" in err


class TestCheckFormats:
    """decline check reads Markdown, HTML and e-mail, and needs neither locale nor kind."""

    @staticmethod
    def letter(tmp_path: Path, fmt: str, kind: str = "confirmation") -> Path:
        name = {"markdown": "letter.md", "html": "letter.html", "eml": "letter.eml"}[
            fmt
        ]
        path = tmp_path / name
        code, _, err = run(
            *BASE, "--locale", "da", "--kind", kind, "--format", fmt, "-o", str(path)
        )
        assert code == 0, err
        return path

    @pytest.mark.parametrize("fmt", ["markdown", "html", "eml"])
    def test_own_output_checks_clean_by_its_extension(
        self, tmp_path: Path, fmt: str
    ) -> None:
        """decline write's Markdown, HTML and .eml files check clean, locale and kind told."""
        path = self.letter(tmp_path, fmt)
        code, out, err = run("check", str(path), "--format", "json")
        assert code == 0, out + err
        report = json.loads(out)["files"][0]
        assert (report["locale"], report["kind"]) == ("da", "confirmation")
        assert report["counts"]["error"] == report["counts"]["warning"] == 0

    def test_html_on_stdin_needs_input_format(self) -> None:
        """From standard input HTML is plain unless --input-format says otherwise."""
        html = "<p>Dear Mette,</p><p>I have decided to decline the offer. The team was chaotic.</p>"
        _, plain, _ = run("check", "-", "--locale", "en", stdin=html)
        assert "letter.placeholder" in plain  # every tag looks like a placeholder
        code, out, _ = run(
            "check", "-", "--locale", "en", "--input-format", "html", stdin=html
        )
        assert "letter.placeholder" not in out
        assert "letter.negative-remark" in out and code == 1

    def test_line_numbers_point_into_the_file(self, tmp_path: Path) -> None:
        """FILE:LINE:COL counts the source file's lines, markup included."""
        path = tmp_path / "draft.md"
        path.write_text(
            "## Subject\n\nDear Mette,\n\nI decline. The office felt *chaotic*.\n",
            encoding="utf-8",
        )
        _, out, _ = run("check", str(path), "--locale", "en")
        assert f"{path}:5:29: letter.negative-remark" in out

    def test_input_format_overrides_the_extension(self, tmp_path: Path) -> None:
        """--input-format plain reads a .md file as it is."""
        path = tmp_path / "draft.md"
        path.write_text("Tak for tilbuddet, men jeg takker nej.", encoding="utf-8")
        _, out, _ = run(
            "check",
            str(path),
            "--input-format",
            "plain",
            "--kind",
            "reason",
            "--format",
            "json",
        )
        assert json.loads(out)["files"][0]["locale"] == "da"

    def test_too_short_to_tell_asks_for_the_locale(self) -> None:
        """Without --locale, a text too short to tell exits 2 and asks for it."""
        code, _, err = run("check", "-", "--kind", "reason", stdin="OK.")
        assert code == 2 and "locale" in err and "too short" in err

    def test_wrong_locale_is_one_finding(self) -> None:
        """--locale en on a Danish draft prints one locale.mismatch finding."""
        code, out, _ = run(
            "check",
            "-",
            "--locale",
            "en",
            stdin="Kære Mette\n\nTak for tilbuddet. Jeg har valgt at takke nej.\n\nMed venlig hilsen\nJonas",
        )
        assert code == 1
        assert out.count(": locale.mismatch error") == 1
        assert "letter." not in out

    def test_unknown_input_format_is_bad_usage(self) -> None:
        """An --input-format outside the choices exits 2."""
        assert run("check", "-", "--input-format", "docx")[0] == 2

    def test_unreadable_eml(self, tmp_path: Path) -> None:
        """A missing .eml file is refused with exit 2 (it cannot be read), naming it."""
        code, _, err = run("check", str(tmp_path / "missing.eml"), "--locale", "en")
        assert code == 2 and "missing.eml: cannot read it" in err


def test_locales_and_tones() -> None:
    """locales lists en and da; tones lists the built-in tones with their source."""
    code, out, _ = run("locales")
    assert code == 0 and "da\tDanish\tdansk" in out
    code, out, _ = run("tones")
    assert code == 0 and "warm (from formal) [built in" in out
    code, out, _ = run("tones", "--format", "json")
    assert {t["name"] for t in json.loads(out)} >= {"formal", "warm", "brief"}


def test_python_dash_m() -> None:
    """python -m decline runs the same command line."""
    done = subprocess.run(
        [sys.executable, "-m", "decline", "locales"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "en" in done.stdout


class TestCommand:
    """The console script's entry point: main(), then a fast exit."""

    LETTER = (
        "Dear Ms Hansen,\n\nThank you for the offer. I have decided to decline it, "
        "as I have accepted another position.\n\nI wish you all the best.\n\n"
        "Kind regards,\nJonas\n"
    )

    def test_python_m_decline_says_what_main_says(self, tmp_path: Path) -> None:
        draft = tmp_path / "draft.txt"
        draft.write_text(self.LETTER + "Your team was a bunch of clowns.\n")
        args = ["check", str(draft), "--locale", "en"]
        done = subprocess.run(
            [sys.executable, "-m", "decline", *args],
            capture_output=True,
            text=True,
            check=False,
        )
        code, out, _ = run(*args)
        assert (done.returncode, done.stdout) == (code, out)
        assert code == 1 and "clowns" in out

    def test_command_freezes_the_collector_only_once_main_is_done(
        self, tmp_path: Path
    ) -> None:
        draft = tmp_path / "draft.txt"
        draft.write_text(self.LETTER)
        script = (
            "import gc, sys\n"
            "from decline import cli\n"
            "seen = []\n"
            "real = cli.main\n"
            "cli.main = lambda: seen.append(gc.get_freeze_count()) or real()\n"
            f"sys.argv = ['decline', 'check', {str(draft)!r}, '--locale', 'en']\n"
            "code = cli.command()\n"
            "print(seen[0], gc.get_freeze_count() > 0, code)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=False
        )
        assert done.stdout.split()[-3:] == ["0", "True", "0"], done.stderr

    def test_main_leaves_the_collector_alone(self, tmp_path: Path) -> None:
        """Programs, notebooks and tests call main(): it must not freeze their objects."""
        import gc

        draft = tmp_path / "draft.txt"
        draft.write_text(self.LETTER)
        before = gc.get_freeze_count()
        assert main(["check", str(draft), "--locale", "en"]) == 0
        assert gc.get_freeze_count() == before
        assert gc.isenabled()
