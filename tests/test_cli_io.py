"""The command line's I/O paths: safe terminal output, no tracebacks, atomic files (issue #12, items 3-5).

Most tests run ``python -m decline`` in a real subprocess, because closed streams,
broken pipes and the interpreter's exit-time flush only exist there.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decline import FieldError
from decline.cli import main
from decline.tones import FORMAL, register, unregister

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file descriptors")

WRITE = [
    "write",
    "--company=Acme",
    "--position=Engineer",
    "--contact=Mette Hansen",
    "--contact-email=m@n.example",
    "--candidate=Jonas Berg",
    "--candidate-email=j@e.example",
]
CHECK = ["check", "--locale=en", "--kind=confirmation"]
# What a received draft might carry: CSI, OSC (retitle), C1 CSI, bidi override, RLM.
HOSTILE = "Dear [Company\x1b[2J Name],\n\x1b]0;pwned\x07\u202egnp.exe\u200f \x9b31m\n"
RAW_ESCAPES = (b"\x1b", b"\xc2\x9b", b"\xe2\x80\xae", b"\xe2\x80\x8f", b"\x07")


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1"}


def decline(
    *argv: str, stdin: bytes | None = b"", **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "decline", *argv],
        input=stdin,
        capture_output=True,
        check=False,
        env=env(),
        timeout=60,
        **kwargs,
    )


def shell(script: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run *script* with ``$D`` set to ``python -m decline`` (for <&- and >&-)."""
    return subprocess.run(
        ["/bin/sh", "-c", f'D="$0 -m decline"; {script}', sys.executable, *args],
        capture_output=True,
        check=False,
        env=env(),
        timeout=60,
    )


def one_error_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8")
    assert "Traceback" not in text and "Exception ignored" not in text, text
    lines = text.splitlines()
    assert len(lines) == 1, text
    assert lines[0].startswith("decline: error: "), text
    return lines[0]


# --- item 3: terminal escapes ------------------------------------------------------


class TestTerminalOutput:
    def test_issue_reproducer(self, tmp_path: Path) -> None:
        """`decline check esc.txt | cat -v` shows \\x1b instead of sending an escape sequence."""
        draft = tmp_path / "esc.txt"
        draft.write_bytes(b"Dear [Company\x1b[2J Name],\n")
        done = decline(*CHECK, str(draft))
        assert done.returncode == 1
        assert b"\x1b" not in done.stdout
        assert b"letter.placeholder" in done.stdout

    def test_messages_suggestions_and_file_name(self, tmp_path: Path) -> None:
        """No escape, C1 or bidi control reaches stdout from the draft or its file name."""
        draft = tmp_path / "re\x1b[31mport\u202etxt.exe"
        draft.write_text(
            "I have decided to decline. I can recommend a friend\x1b]0;x\x07 "
            "for the job, \u202ea colleague. Thank you for the offer.",
            encoding="utf-8",
        )
        done = decline(*CHECK, str(draft))
        for raw in RAW_ESCAPES:
            assert raw not in done.stdout
        out = done.stdout.decode("utf-8")
        assert "re\\x1b[31mport<U+202E>txt.exe:" in out
        assert "suggestion: delete" in out and "\\x1b]0;x\\x07" in out
        assert out.endswith("in 1 file\n")

    def test_undecodable_file_name(self, tmp_path: Path) -> None:
        """A file name that is not UTF-8 prints its odd byte as \\xNN."""
        if sys.platform == "darwin":  # pragma: no cover - APFS refuses such names
            pytest.skip("the file system needs UTF-8 names")
        name = os.fsencode(tmp_path) + b"/bad\xff.txt"
        Path(os.fsdecode(name)).write_text("Dear Mette,\n", encoding="utf-8")
        done = decline(*CHECK, os.fsdecode(name))
        assert b"bad\\xff.txt:" in done.stdout and b"\xff" not in done.stdout

    def test_json_keeps_the_exact_text(self, tmp_path: Path) -> None:
        """--format json carries the exact text, with unsafe characters as \\u escapes."""
        draft = tmp_path / "esc.txt"
        draft.write_text(HOSTILE, encoding="utf-8")
        done = decline(*CHECK, "--format=json", str(draft))
        for raw in RAW_ESCAPES:
            assert raw not in done.stdout
        report = json.loads(done.stdout)["files"][0]
        texts = [d["text"] for d in report["diagnostics"]]
        assert any("\x1b" in t for t in texts)
        assert b"\\u001b" in done.stdout

    def test_tones_descriptions(self) -> None:
        """`decline tones` shows control characters in a description, should one get past the tone's own check."""
        with pytest.raises(FieldError, match=r"tone\.description"):
            FORMAL.derive(name="escapee", description="Nice\x1b[2J \u202etone")
        tone = FORMAL.derive(name="escapee", description="Nice")
        # A tone refuses such a description when it is made; the command line does
        # not count on it.
        object.__setattr__(tone, "description", "Nice\x1b[2J \u202etone")
        register(tone, validate=False)
        try:
            out, err = io.StringIO(), io.StringIO()
            assert main(["tones"], stdout=out, stderr=err) == 0
            assert "Nice\\x1b[2J <U+202E>tone" in out.getvalue()
            assert "\x1b" not in out.getvalue()
            out = io.StringIO()
            assert main(["tones", "--format", "json"], stdout=out) == 0
            assert "\x1b" not in out.getvalue() and "\u202e" not in out.getvalue()
            descriptions = [t["description"] for t in json.loads(out.getvalue())]
            assert "Nice\x1b[2J \u202etone" in descriptions
        finally:
            unregister("escapee")

    @pytest.mark.parametrize(
        "argv",
        [
            ["locales", "\x1b[2J"],
            ["check", "-", "--locale=en", "--kind=\x1b]0;x\x07"],
            ["check", "-", "--locale=\x1b[2J\u202e", "--kind=reason"],
            ["write", *WRITE[1:], "--contact-email=a\x1b@b.example"],
            ["write", "--offer=\x1b[2J\u202e.toml"],
        ],
    )
    def test_error_messages(self, argv: list[str]) -> None:
        """Error messages that quote a value show its control characters."""
        done = decline(*argv)
        assert done.returncode in (1, 2)
        assert b"\x1b" not in done.stderr and b"\xe2\x80\xae" not in done.stderr
        assert b"error:" in done.stderr and b"Traceback" not in done.stderr

    @given(text=st.text(st.characters(blacklist_categories=[]), max_size=200))
    def test_any_draft_on_stdin(self, text: str) -> None:
        """Whatever the draft holds, the text report holds no unsafe character."""
        out, err = io.StringIO(), io.StringIO()
        code = main(
            ["check", "-", "--locale=en", "--kind=confirmation"],
            stdout=out,
            stderr=err,
            stdin=io.StringIO(text),
        )
        assert code in (0, 1)
        for ch in out.getvalue() + err.getvalue():
            assert ch in "\n\t" or ch.isprintable() or ch in "\u200c\u200d", repr(ch)


# --- item 4: I/O errors end with one line and exit 2 -------------------------------


class TestOutputErrors:
    def test_missing_folder(self) -> None:
        """-o into a folder that does not exist names the folder."""
        done = decline(*WRITE, "-o", "/nonexistent/x.txt")
        assert done.returncode == 2
        line = one_error_line(done.stderr)
        assert "-o" in line and "'/nonexistent' does not exist" in line

    def test_a_folder(self, tmp_path: Path) -> None:
        """-o naming a folder says so."""
        done = decline(*WRITE, "-o", str(tmp_path))
        assert done.returncode == 2
        assert "is a folder" in one_error_line(done.stderr)

    def test_parent_is_a_file(self, tmp_path: Path) -> None:
        """-o under something that is a file, not a folder, says so."""
        plain = tmp_path / "plain.txt"
        plain.write_text("x", encoding="utf-8")
        done = decline(*WRITE, "-o", str(plain / "x.txt"))
        assert done.returncode == 2
        assert "is not a folder" in one_error_line(done.stderr)

    @POSIX
    @pytest.mark.parametrize(
        "argv",
        [WRITE, ["tones"], ["locales"], [*WRITE, "--format=eml"], ["--help"]],
        ids=["write", "tones", "locales", "eml", "help"],
    )
    def test_broken_pipe(self, argv: list[str]) -> None:
        """`decline … | true`: the reader is gone; one line, exit 2, nothing at exit."""
        read_end, write_end = os.pipe()
        os.close(read_end)  # the reader has gone before decline writes a byte
        try:
            done = subprocess.run(
                [sys.executable, "-m", "decline", *argv],
                stdout=write_end,
                stderr=subprocess.PIPE,
                check=False,
                env=env(),
                timeout=60,
            )
        finally:
            os.close(write_end)
        if argv == ["--help"]:  # argparse prints help itself; exit 0, and quietly
            assert done.returncode == 0, done.stderr
            assert b"Traceback" not in done.stderr
            assert b"Exception ignored" not in done.stderr
            return
        assert done.returncode == 2
        assert "closed the pipe" in one_error_line(done.stderr)

    @POSIX
    def test_shell_pipe_to_true(self) -> None:
        """The issue's own form, through a shell: `decline tones | true`."""
        done = shell(
            '$D tones | true; $D write --company A --position B --contact "C D" --candidate "E F" | true'
        )
        assert b"Traceback" not in done.stderr
        assert b"Exception ignored" not in done.stderr

    @POSIX
    def test_closed_stdout(self) -> None:
        """`decline tones >&-`: a closed stdout is one line, exit 2."""
        done = shell("$D tones >&-")
        assert done.returncode == 2
        assert "standard output: is closed" in one_error_line(done.stderr)

    @POSIX
    def test_closed_stdout_and_stderr(self) -> None:
        """With both streams closed, decline still exits 2 without a crash."""
        done = shell("$D tones >&- 2>&-; echo $?")
        assert done.stdout.strip() == b"2"

    @POSIX
    def test_full_disk(self) -> None:
        """Writing to /dev/full reports the device's error, exit 2."""
        if not Path("/dev/full").exists():
            pytest.skip("no /dev/full")
        done = shell("$D tones > /dev/full")
        assert done.returncode == 2
        assert "No space left" in one_error_line(done.stderr)

    def test_encoding_that_cannot_show_the_text(self) -> None:
        """An ASCII-only stdout is named with what to do, not a UnicodeEncodeError."""
        done = subprocess.run(
            [sys.executable, "-m", "decline", *WRITE, "--company=Ærø A/S"],
            capture_output=True,
            check=False,
            env={**env(), "PYTHONIOENCODING": "ascii"},
            timeout=60,
        )
        assert done.returncode == 2
        assert "PYTHONIOENCODING=utf-8" in one_error_line(done.stderr)


class TestInputErrors:
    @POSIX
    def test_closed_stdin(self) -> None:
        """`decline check - <&-`: a closed stdin is one line, exit 2."""
        done = shell("$D check - --locale en --kind reason <&-")
        assert done.returncode == 2
        assert "<stdin>" in one_error_line(done.stderr)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A draft that does not exist is one line, exit 2."""
        done = decline(*CHECK, str(tmp_path / "none.txt"))
        assert done.returncode == 2
        assert "No such file" in one_error_line(done.stderr)

    def test_folder_without_drafts(self, tmp_path: Path) -> None:
        """A folder with no drafts in it is one line naming it, exit 2."""
        (tmp_path / "notes.docx").write_bytes(b"PK")
        done = decline(*CHECK, str(tmp_path))
        assert done.returncode == 2
        assert "found no drafts" in one_error_line(done.stderr)

    def test_offer_file_not_utf8(self, tmp_path: Path) -> None:
        """An offer file that is not UTF-8 is one line, exit 2, like a draft."""
        path = tmp_path / "offer.toml"
        path.write_bytes(b'company = "\xff"\n')
        done = decline("write", "--offer", str(path))
        assert done.returncode == 2
        assert "not UTF-8" in one_error_line(done.stderr)


class _Endless(io.RawIOBase):
    """A stream that never ends, counting what is read from it."""

    def __init__(self) -> None:
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self.served > 50_000_000:  # a reader without a bound fails, not hangs
            raise AssertionError("read 50 MB of an endless stream")
        size = len(buffer)
        buffer[:size] = b"a" * size
        self.served += size
        return size


class TestUnboundedInput:
    """Files and streams without end are refused after the limit, never read whole (issue #19, item 5)."""

    LIMIT = 4 * 100_000  # bytes: MAX_TEXT_CHARS characters of up to four bytes

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
    @pytest.mark.parametrize(
        "argv",
        [
            ["check", "/dev/zero", "--locale=en"],
            ["write", "--offer", "/dev/zero"],
            ["check", "-", "--locale=en", "--offer", "/dev/zero"],
        ],
    )
    def test_dev_zero(self, argv: list[str]) -> None:
        """/dev/zero as a draft or an offer file is one error line naming the limit.

        ``check`` exits 2 for input it cannot use; ``write`` exits 1 for a refused offer.
        """
        done = decline(*argv)
        assert done.returncode == (2 if argv[0] == "check" else 1)
        assert "is over" in one_error_line(done.stderr)

    def test_300_mb_file_in_bounded_memory(self, tmp_path: Path) -> None:
        """A 300 MB draft is refused after reading the limit: memory stays near it."""
        import tracemalloc

        big = tmp_path / "big.txt"
        with big.open("wb") as fh:  # sparse: takes no disk space
            fh.truncate(300 * 1024 * 1024)
        err = io.StringIO()
        tracemalloc.start()
        try:
            code = main(
                ["check", str(big), "--locale=en"], stdout=io.StringIO(), stderr=err
            )
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert code == 2 and f"is over {self.LIMIT} bytes" in err.getvalue()
        assert peak < 10 * self.LIMIT, peak

    def test_endless_stdin(self) -> None:
        """An endless standard input is read only up to the limit, then refused."""
        endless = _Endless()
        stream = io.BufferedReader(endless)
        err = io.StringIO()
        code = main(
            ["check", "-", "--locale=en"],
            stdout=io.StringIO(),
            stderr=err,
            stdin=stream,
        )
        assert code == 2 and "<stdin> is over" in err.getvalue()
        assert endless.served <= self.LIMIT + 1 + io.DEFAULT_BUFFER_SIZE

    @POSIX
    def test_endless_pipe(self) -> None:
        """`yes | decline check -` ends with the error, not when memory runs out."""
        done = shell("yes 'a line of a draft' | $D check - --locale en")
        assert done.returncode == 2
        assert "<stdin> is over" in one_error_line(done.stderr)


# --- item 5: stdin is decoded strictly, like a file --------------------------------


class TestStdinEncoding:
    BAD = b"Dear Mette,\n\xff\xfe I decline.\n"

    def test_invalid_utf8_on_stdin(self) -> None:
        """Invalid UTF-8 on stdin is refused naming <stdin>, exit 2; nothing is written."""
        done = decline(*CHECK, "--format=json", "-", stdin=self.BAD)
        assert done.returncode == 2
        line = one_error_line(done.stderr)
        assert "<stdin>" in line and "not UTF-8" in line and "0xff" in line
        assert done.stdout == b""

    def test_same_bytes_in_a_file(self, tmp_path: Path) -> None:
        """The same bytes in a file get the same refusal, naming the file."""
        path = tmp_path / "draft.txt"
        path.write_bytes(self.BAD)
        done = decline(*CHECK, str(path))
        assert done.returncode == 2
        line = one_error_line(done.stderr)
        assert "draft.txt" in line and "not UTF-8" in line and "0xff" in line

    def test_valid_utf8_and_crlf_on_stdin(self, tmp_path: Path) -> None:
        """Valid UTF-8 on stdin, with CRLF line ends, reads exactly as the same file does."""
        data = "Kære Mette,\r\n\r\nTak for tilbuddet.\r\n".encode()
        path = tmp_path / "draft.txt"
        path.write_bytes(data)
        argv = ["check", "--locale=da", "--kind=confirmation", "--format=json"]
        from_stdin = decline(*argv, "-", stdin=data)
        from_file = decline(*argv, str(path))
        assert from_stdin.returncode == from_file.returncode == 1
        from_stdin_report = json.loads(from_stdin.stdout)["files"][0]
        from_file_report = json.loads(from_file.stdout)["files"][0]
        assert from_stdin_report.pop("path") == "<stdin>"
        assert from_file_report.pop("path") == str(path)
        assert from_stdin_report == from_file_report
        from_stdin.stdout.decode("utf-8")  # valid UTF-8 out

    def test_binary_stdin_in_process(self) -> None:
        """main() reads a binary stream the same way, refusing bad bytes with exit 2."""
        err = io.StringIO()
        code = main(
            [*CHECK, "-"], stdout=io.StringIO(), stderr=err, stdin=io.BytesIO(self.BAD)
        )
        assert code == 2 and "<stdin>" in err.getvalue()

    def test_oversized_stdin(self) -> None:
        """More than check() reads is refused without reading it all, naming the limit."""
        err = io.StringIO()
        code = main(
            ["check", "-", "--locale=en", "--kind=reason"],
            stdout=io.StringIO(),
            stderr=err,
            stdin=io.BytesIO(b"a" * 500_000),
        )
        assert code == 2 and "100000" in err.getvalue()


# --- -o writes atomically ----------------------------------------------------------


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "letter.txt"
    path.write_text("the old letter\n", encoding="utf-8")
    path.chmod(0o640)
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "letter.txt")


class TestAtomicOutput:
    def test_writes_and_keeps_permissions(self, target: Path) -> None:
        """-o replaces the file whole, keeps its permissions and leaves no temporary file."""
        out, err = io.StringIO(), io.StringIO()
        assert main([*WRITE, "-o", str(target)], stdout=out, stderr=err) == 0, err
        assert "Dear Mette Hansen" in target.read_text(encoding="utf-8")
        if os.name == "posix":
            assert target.stat().st_mode & 0o777 == 0o640
        assert leftovers(target.parent) == []

    def test_eml_to_a_file(self, target: Path) -> None:
        """--format eml -o writes the verified bytes."""
        assert main([*WRITE, "--format=eml", "-o", str(target)]) == 0
        assert target.read_bytes().startswith(b"From: Jonas Berg <j@e.example>\r\n")

    def test_failed_rename_leaves_the_old_file(
        self, target: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """If the final rename fails, the old file is intact and the temporary file is gone."""

        def refuse(self: Path, other: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, "replace", refuse)
        err = io.StringIO()
        assert main([*WRITE, "-o", str(target)], stderr=err) == 2
        assert err.getvalue().startswith("decline: error: -o: cannot write")
        assert target.read_text(encoding="utf-8") == "the old letter\n"
        assert leftovers(target.parent) == []

    @POSIX
    def test_write_cut_short_leaves_no_partial_file(self, target: Path) -> None:
        """A write that fails half way (file size limit) leaves the old file and no partial one."""
        import resource

        def small_files() -> None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))

        new = target.parent / "new.txt"
        for path in (target, new):
            done = subprocess.run(
                [sys.executable, "-m", "decline", *WRITE, "-o", str(path)],
                capture_output=True,
                check=False,
                env=env(),
                timeout=60,
                preexec_fn=small_files,
            )
            assert done.returncode == 2
            assert "File too large" in one_error_line(done.stderr)
        assert target.read_text(encoding="utf-8") == "the old letter\n"
        assert not new.exists()
        assert leftovers(target.parent) == []

    @POSIX
    def test_device_is_written_in_place(self, tmp_path: Path) -> None:
        """-o /dev/null writes to the device instead of replacing it with a file."""
        done = decline(*WRITE, "-o", os.devnull)
        assert done.returncode == 0, done.stderr
        assert not Path(os.devnull).is_file()

    @POSIX
    def test_through_a_symlink(self, target: Path) -> None:
        """-o through a symbolic link replaces the file it points to and keeps the link."""
        link = target.parent / "link.txt"
        link.symlink_to(target)
        assert main([*WRITE, "-o", str(link)]) == 0
        assert link.is_symlink()
        assert "Dear Mette Hansen" in target.read_text(encoding="utf-8")
