"""decline check as a linter: many paths, exit codes 0/1/2, fail level, summary, formats."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from tests.commandline import decline, run

from decline import _lint

DATA = Path(__file__).parent / "data"

RUDE = "The team was rude.\n"
CLEAN_DA = "Jeg har valgt at blive i mit nuværende job.\n"
#: A Danish confirmation with one warning (no wishes) and nothing else.
WARNING_DA = (
    "Kære Mette\n\nTak for tilbuddet om stillingen som dataingeniør. "
    "Jeg har valgt at takke nej.\n\nMed venlig hilsen\nJonas Berg\n"
)


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    """A folder of drafts: one with an error, one clean, one with a warning only."""
    (tmp_path / "b-rude.txt").write_text(RUDE, encoding="utf-8")
    (tmp_path / "a-clean.txt").write_text(CLEAN_DA, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "warn.md").write_text(WARNING_DA, encoding="utf-8")
    (sub / "notes.docx").write_bytes(b"PK\x03\x04")  # not a draft: never read
    hidden = tmp_path / ".git"
    hidden.mkdir()
    (hidden / "HEAD.txt").write_text(RUDE, encoding="utf-8")
    return tmp_path


class TestExitCodes:
    def test_clean_is_0_and_silent(self, tmp_path: Path) -> None:
        """A clean draft exits 0 and prints nothing: no summary unless asked."""
        path = tmp_path / "ok.txt"
        path.write_text(CLEAN_DA, encoding="utf-8")
        done = decline("check", str(path), "--kind", "reason")
        assert (done.returncode, done.stdout, done.stderr) == (0, "", "")

    def test_errors_are_1(self, tmp_path: Path) -> None:
        """An error at the default fail level exits 1."""
        path = tmp_path / "rude.txt"
        path.write_text(RUDE, encoding="utf-8")
        done = decline("check", str(path), "--kind", "reason", "--locale", "en")
        assert done.returncode == 1 and "reason.negative-remark error" in done.stdout

    def test_warnings_fail_only_with_fail_on_warning(self, tmp_path: Path) -> None:
        """A draft with only warnings passes by default and fails with --fail-on warning."""
        path = tmp_path / "warn.txt"
        path.write_text(WARNING_DA, encoding="utf-8")
        base = ("check", str(path), "--locale", "da", "--kind", "confirmation")
        assert decline(*base).returncode == 0
        assert decline(*base, "--fail-on", "warning").returncode == 1
        assert decline(*base, "--fail-on", "info").returncode == 1

    @pytest.mark.parametrize(
        ("argv", "needle"),
        [
            (["check", "missing.txt"], "missing.txt: cannot read it"),
            (["check", "-", "--locale", "xx"], "xx"),
            (["check", "-", "--select", "no.such-rule"], "--select: 'no.such-rule'"),
            (["check", "-", "--ignore", "reason,nope"], "--ignore: 'nope'"),
            (["check", "-", "--kind", "reason"], "too short"),
            (["check"], "give a draft"),
            (["check", "-", "--jobs", "0"], "--jobs"),
            (["check", "-", "--fail-on", "fatal"], "--fail-on"),
        ],
    )
    def test_could_not_run_is_2(self, argv: list[str], needle: str) -> None:
        """Usage, I/O and data errors all exit 2 with one line naming the cause."""
        done = subprocess.run(
            [sys.executable, "-m", "decline", *argv],
            input="OK.",
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 2, done
        assert needle in done.stderr and "Traceback" not in done.stderr

    def test_bad_file_among_good_ones_is_2_and_the_rest_are_checked(
        self, drafts: Path
    ) -> None:
        """A missing file is named on stderr; the other drafts are still checked."""
        done = decline("check", str(drafts), str(drafts / "gone.txt"), "--locale", "en")
        assert done.returncode == 2
        assert "gone.txt: cannot read it" in done.stderr
        assert "b-rude.txt:1:" in done.stdout and "in 3 files" in done.stdout

    def test_exit_code_api(self) -> None:
        """exit_code() says 2 for an error, else 1 at the fail level, else 0."""
        report = _lint.check_drafts(
            [
                _lint.Draft(
                    "x",
                    _lint.Settings(locale="da", kind="confirmation"),
                    text=WARNING_DA,
                )
            ]
        )
        assert _lint.exit_code(report) == 0
        assert _lint.exit_code(report, "warning") == 1
        assert _lint.exit_code([_lint.FileResult("y", error="broken")]) == 2


class TestPaths:
    def test_folder_is_searched_recursively_by_include(self, drafts: Path) -> None:
        """A folder gives its .txt and .md drafts, sorted; hidden folders and .docx are left out."""
        files, problems = _lint.collect([str(drafts)])
        assert problems == []
        assert [Path(f).relative_to(drafts).as_posix() for f in files] == [
            "a-clean.txt",
            "b-rude.txt",
            "sub/warn.md",
        ]

    def test_include_and_exclude(self, drafts: Path) -> None:
        """--include replaces the globs searched for; --exclude leaves paths out."""
        only_md, _ = _lint.collect([str(drafts)], include=("*.md",))
        assert [Path(f).name for f in only_md] == ["warn.md"]
        no_sub, _ = _lint.collect([str(drafts)], exclude=("sub",))
        assert [Path(f).name for f in no_sub] == ["a-clean.txt", "b-rude.txt"]

    def test_named_file_is_checked_whatever_its_name(self, tmp_path: Path) -> None:
        """A file named on the command line is read even if no glob matches it."""
        path = tmp_path / "reply.draft"
        path.write_text(RUDE, encoding="utf-8")
        assert _lint.collect([str(path), str(path)]) == ([str(path)], [])

    def test_many_paths_sorted_output_and_summary(self, drafts: Path) -> None:
        """Paths, folders and - together: output by file, line and column, one summary."""
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "decline",
                "check",
                str(drafts),
                "-",
                "--locale",
                "en",
                "--include",
                "*.txt",
                "--kind",
                "reason",
            ],
            input="The office was chaotic. The pay was insulting.",
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 1, done.stderr
        lines = done.stdout.splitlines()
        findings = [line for line in lines if not line.startswith(" ")][:-1]
        names = [line.split(":", 1)[0] for line in findings]
        assert names == sorted(names)
        stdin_columns = [
            int(x.split(":")[2]) for x in findings if x.startswith("<stdin>")
        ]
        assert stdin_columns == sorted(stdin_columns) and len(stdin_columns) >= 2
        assert lines[-1].endswith("in 3 files")

    def test_select_is_split_on_commas(self) -> None:
        """--select a,b selects both rules."""
        code, out, _ = run(
            "check",
            "-",
            "--locale=en",
            "--kind=reason",
            "--select",
            "reason.one-sentence,reason.negative-remark",
            stdin="The team was rude. And the pay was low.",
        )
        assert code == 1
        assert "reason.one-sentence" in out and "reason.negative-remark" in out

    def test_jobs_give_the_same_output_as_one(self, drafts: Path) -> None:
        """--jobs 2 prints exactly what --jobs 1 prints."""
        argv = ("check", str(drafts), "--locale", "en", "--fail-on", "info")
        one, two = decline(*argv, "--jobs", "1"), decline(*argv, "--jobs", "2")
        assert one.returncode == two.returncode == 1
        assert one.stdout == two.stdout and one.stdout

    def test_check_drafts_keeps_order_in_worker_processes(self, drafts: Path) -> None:
        """check_drafts() returns results in the order of the drafts, with 2 workers."""
        english = _lint.Settings(locale="en", kind="reason")
        danish = _lint.Settings(locale="da", kind="reason")
        paths = [str(drafts / "b-rude.txt"), str(drafts / "a-clean.txt")] * 3
        results = _lint.check_drafts(
            [_lint.Draft(p, english if "rude" in p else danish, path=p) for p in paths],
            jobs=2,
        )
        assert [r.name for r in results] == paths
        assert [bool(r.diagnostics) for r in results] == [True, False] * 3

    def test_worker_processes_keep_unreadable_drafts_in_place(
        self, drafts: Path
    ) -> None:
        """A draft that cannot be read comes back as an error in its own place."""
        settings = _lint.Settings(kind="reason")
        paths = [
            str(drafts / "b-rude.txt"),
            str(drafts / "gone.txt"),
            str(drafts / "a-clean.txt"),
        ]
        results = _lint.check_drafts(
            [_lint.Draft(p, settings, path=p) for p in paths], jobs=2
        )
        assert [r.name for r in results] == paths
        assert [r.error is not None for r in results] == [False, True, False]
        assert results[2].report is not None and results[2].report.locale == "da"


class TestSummary:
    def test_plural_forms(self) -> None:
        """'1 warning', '2 warnings' — never '1 warnings'."""
        english = _lint.Settings(locale="en", kind="reason")
        one = _lint.check_drafts([_lint.Draft("x", english, text="It was rude.")])
        two = _lint.check_drafts([_lint.Draft("x", english, text="Rude. Chaotic.")])
        assert _lint.summary(one) == "1 error in 1 file\n"
        assert _lint.summary(one + one) == "2 errors in 2 files\n"
        assert _lint.summary(two).startswith("3 errors")
        danish = _lint.Settings(locale="da", kind="confirmation")
        warned = _lint.check_drafts([_lint.Draft("x", danish, text=WARNING_DA)])
        assert _lint.summary(warned) == "1 advarsel i 1 fil\n"
        assert _lint.summary(warned * 2) == "2 advarsler i 2 filer\n"

    def test_french_plural_form_of_zero_and_one(self) -> None:
        """French counts 0 and 1 as singular (Plural-Forms: n > 1), as its catalog says."""
        from decline._i18n import catalog

        french = catalog("fr")
        assert french.counted("check.count.warning", 0) == "0 avertissement"
        assert french.counted("check.count.warning", 1) == "1 avertissement"
        assert french.counted("check.count.warning", 2) == "2 avertissements"
        assert catalog("en").counted("check.count.warning", 0) == "0 warnings"

    def test_summary_in_the_drafts_language(self, tmp_path: Path) -> None:
        """Danish drafts get a Danish summary and suggestion label."""
        path = tmp_path / "a.txt"
        path.write_text("Lønnen var en joke. Teamet var kaotisk.", encoding="utf-8")
        done = decline("check", str(path), "--kind", "reason", "--locale", "da")
        assert done.returncode == 1
        assert "    forslag: " in done.stdout
        assert done.stdout.splitlines()[-1] == "3 fejl i 1 fil"

    def test_delete_suggestion_quotes_as_the_language_does(self) -> None:
        """A suggestion to delete quotes the text as the draft's language quotes."""
        letter = (
            "Kære Mette\n\nTak for tilbuddet. Jeg har valgt at takke nej. "
            "Kontoret virkede kaotisk.\n\nJeg ønsker jer alt godt.\n\n"
            "Med venlig hilsen\nJonas\n"
        )
        code, out, _ = run("check", "-", "--locale", "da", stdin=letter)
        assert code == 1
        assert "forslag: slet »Kontoret virkede kaotisk.«" in out

    def test_quiet_has_no_summary_statistics_count_rules(self, tmp_path: Path) -> None:
        """--quiet prints the findings only; --statistics counts each rule."""
        path = tmp_path / "r.txt"
        path.write_text("Rude. Chaotic.", encoding="utf-8")
        argv = ("check", str(path), "--locale", "en", "--kind", "reason")
        _, full, _ = run(*argv)
        _, quiet, _ = run(*argv, "--quiet")
        assert quiet and full.startswith(quiet) and full != quiet
        code, stats, _ = run(*argv, "--statistics")
        assert code == 1
        assert "    2  reason.negative-remark  error" in stats
        assert "suggestion" not in stats


def _document(*argv: str, stdin: str = "") -> tuple[int, dict[str, object]]:
    code, out, err = run(*argv, stdin=stdin)
    assert not err or code == 2, err
    return code, json.loads(out)


class TestFormats:
    def test_json_is_one_versioned_document(self, drafts: Path) -> None:
        """--format json: one document with schema, counts and every file by name."""
        code, doc = _document(
            "check", str(drafts), "--locale", "en", "--format", "json"
        )
        assert code == 1
        assert doc["schema"] == 1 and doc["tool"]["name"] == "decline"  # type: ignore[index]
        files = doc["files"]
        assert isinstance(files, list)
        assert [Path(f["path"]).name for f in files] == [
            "a-clean.txt",
            "b-rude.txt",
            "warn.md",
        ]
        assert doc["counts"]["files"] == 3 and doc["counts"]["error"] >= 1  # type: ignore[index]
        assert doc["errors"] == [] and doc["exit_code"] == 1

    def test_json_lists_unreadable_files(self, tmp_path: Path) -> None:
        """A draft that cannot be read is in the document's errors, and exits 2."""
        bad = tmp_path / "bad.txt"
        bad.write_bytes(b"\xff\xfe")
        code, doc = _document("check", str(bad), "--locale", "en", "--format", "json")
        assert code == 2
        assert doc["files"] == []
        assert doc["errors"][0]["path"] == str(bad)  # type: ignore[index]
        assert "not UTF-8" in doc["errors"][0]["message"]  # type: ignore[index]

    def test_github_annotations(self, tmp_path: Path) -> None:
        """--format github prints ::error/::warning workflow commands with positions."""
        path = tmp_path / "r.txt"
        path.write_text("Hello.\nThe team was rude,\nreally.\n", encoding="utf-8")
        done = decline(
            "check", str(path), "--locale=en", "--kind=reason", "--format=github"
        )
        assert done.returncode == 1
        line = next(x for x in done.stdout.splitlines() if "negative-remark" in x)
        assert line.startswith(
            f"::error file={path},line=2,col=14,endLine=2,endColumn=17,"
        )
        assert "title=reason.negative-remark::" in line

    def test_github_escapes_newlines_and_percent(self) -> None:
        """Messages and names cannot end an annotation early or start a new command."""
        found = _lint.github([_lint.FileResult("a,b:c.txt", error="50% bad\n::x")])
        assert found == "::error file=a%2Cb%3Ac.txt::50%25 bad%0A::x\n"

    @pytest.fixture(scope="class")
    @classmethod
    def schema(cls) -> dict[str, object]:
        return json.loads(
            (DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
        )

    def test_sarif_is_valid_against_the_official_schema(
        self, drafts: Path, schema: dict[str, object]
    ) -> None:
        """--format sarif writes a log the official SARIF 2.1.0 schema accepts."""
        code, log = _document(
            "check",
            str(drafts),
            "--locale",
            "en",
            "--format",
            "sarif",
            "--fail-on",
            "info",
        )
        assert code == 1
        jsonschema.validate(log, schema)
        run_ = log["runs"][0]  # type: ignore[index]
        rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
        assert "G5" in rules["letter.negative-remark"]["help"]["text"]
        results = run_["results"]
        result = next(r for r in results if r["ruleId"] == "letter.negative-remark")
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (1, 14)
        assert region["endColumn"] == 18 and region["charLength"] == 4
        assert result["fixes"][0]["artifactChanges"][0]["replacements"]

    def test_sarif_uri_of_a_name_with_spaces(self, tmp_path: Path) -> None:
        """A relative file name is a percent-encoded relative URI; an absolute one a file: URI."""
        (tmp_path / "my drafts").mkdir()
        (tmp_path / "my drafts" / "r.txt").write_text(RUDE, encoding="utf-8")
        done = decline(
            "check", "my drafts", "--locale=en", "--format=sarif", cwd=tmp_path
        )
        result = json.loads(done.stdout)["runs"][0]["results"][0]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == "my%20drafts/r.txt"
        absolute = _lint.sarif(
            [_lint.FileResult(str(tmp_path / "gone.txt"), error="cannot read it")]
        )
        assert f'"uri": "{(tmp_path / "gone.txt").as_uri()}"' in absolute

    def test_sarif_with_an_unreadable_file_is_valid_too(
        self, tmp_path: Path, schema: dict[str, object]
    ) -> None:
        """A draft that cannot be read is a tool notification, and the log stays valid."""
        code, log = _document("check", str(tmp_path / "gone.txt"), "--format", "sarif")
        assert code == 2
        jsonschema.validate(log, schema)
        invocation = log["runs"][0]["invocations"][0]  # type: ignore[index]
        assert invocation["executionSuccessful"] is False

    def test_sarif_schema_refuses_a_broken_log(self, schema: dict[str, object]) -> None:
        """The shipped schema really validates: a log without runs is refused."""
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({"version": "2.1.0"}, schema)

    def test_output_file(self, tmp_path: Path) -> None:
        """-o FILE writes the output there and nothing to stdout."""
        target = tmp_path / "decline.sarif"
        draft = tmp_path / "r.txt"
        draft.write_text(RUDE, encoding="utf-8")
        done = decline(
            "check", str(draft), "--locale=en", "--format=sarif", "-o", str(target)
        )
        assert done.returncode == 1 and done.stdout == ""
        assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"

    def test_output_to_a_folder_is_2(self, tmp_path: Path) -> None:
        """-o naming a folder exits 2 and says so."""
        code, _, err = run("check", "-", "--locale=en", "-o", str(tmp_path), stdin=RUDE)
        assert code == 2 and "it is a folder" in err


def test_building_the_parser_loads_no_engine() -> None:
    """The check options are declared without loading the guidance engine."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            (
                "import sys; from decline.cli import _parser; _parser(); "
                "print('decline.guidance' in sys.modules)"
            ),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "False"
