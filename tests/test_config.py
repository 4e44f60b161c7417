"""Settings files: [tool.decline] in pyproject.toml or .decline.toml, found walking up."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.commandline import decline

from decline import Config, FieldError, check

RUDE = "The team was rude.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project whose pyproject.toml sets English reasons, with Danish ones in da/."""
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.decline]\nlocale = "en"\nkind = "reason"\n'
        'fail-on = "warning"\nexclude = ["archive"]\n\n'
        '[tool.decline.per-file."da/*"]\nlocale = "da"\n',
        encoding="utf-8",
    )
    (tmp_path / "rude.txt").write_text(RUDE, encoding="utf-8")
    (tmp_path / "da").mkdir()
    (tmp_path / "da" / "ok.txt").write_text(
        "Jeg har valgt at blive i mit nuværende job.\n", encoding="utf-8"
    )
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.txt").write_text(RUDE, encoding="utf-8")
    return tmp_path


class TestDiscovery:
    def test_walks_up_from_the_file(self, project: Path) -> None:
        """A draft two folders down gets the project's settings and its per-file override."""
        deep = project / "da" / "ok.txt"
        config = Config.discover(deep)
        assert (config.locale, config.kind, config.fail_on) == (
            "da",
            "reason",
            "warning",
        )
        assert config.path == project / "pyproject.toml"
        assert Config.discover(project / "rude.txt").locale == "en"

    def test_nearest_file_wins_and_decline_toml_first(self, project: Path) -> None:
        """A .decline.toml nearer the draft wins over the pyproject.toml above it."""
        (project / "da" / ".decline.toml").write_text(
            'kind = "letter"\n', encoding="utf-8"
        )
        config = Config.discover(project / "da" / "ok.txt")
        assert (config.kind, config.locale) == ("letter", None)

    def test_pyproject_without_table_is_skipped(self, tmp_path: Path) -> None:
        """A pyproject.toml without [tool.decline] is passed over; none at all is the defaults."""
        (tmp_path / "pyproject.toml").write_text(
            '[project]\nname = "x"\n', encoding="utf-8"
        )
        assert Config.discover(tmp_path / "draft.txt") == Config()

    def test_config_passed_to_check(self, project: Path) -> None:
        """check(config=Config.discover(path)) uses the file's locale and kind."""
        path = project / "rude.txt"
        report = check(path.read_text(encoding="utf-8"), config=Config.discover(path))
        assert (report.locale, report.kind) == ("en", "reason")
        assert report.errors[0].rule == "reason.negative-remark"

    def test_arguments_win_over_the_config(self) -> None:
        """An argument given to check() wins; ignore adds to the config's."""
        config = Config(locale="da", kind="reason", ignore=("reason.negative-remark",))
        report = check(RUDE, locale="en", config=config, ignore="reason.one-sentence")
        assert report.locale == "en" and report.ok

    def test_config_must_be_a_config(self) -> None:
        """check(config=...) refuses what is not a Config, naming the argument."""
        with pytest.raises(TypeError, match="config"):
            check(RUDE, config={"locale": "en"})  # type: ignore[arg-type]


class TestBadSettings:
    @pytest.mark.parametrize(
        ("toml", "needle"),
        [
            ('locale = "xx"\n', "locale: 'xx' is not a locale; use auto, da"),
            ('kind = "memo"\n', "kind: 'memo' is not a kind; use reason"),
            ('fail-on = "fatal"\n', "fail-on: 'fatal' is not allowed; use error"),
            ('colour = "red"\n', "colour: is not a setting; use locale"),
            ("select = 3\n", "select: must be an array of strings"),
            ('tone = "grumpy"\n', "tone:"),
            ('per-file = "x"\n', "per-file: must be a table of globs"),
            ('[per-file."*.md"]\nfail-on = "info"\n', "cannot be set per file"),
            ("locale = \n", "is not valid TOML"),
        ],
    )
    def test_refused_naming_file_and_key(
        self, tmp_path: Path, toml: str, needle: str
    ) -> None:
        """A bad key or value is a FieldError that names the file, the key and what is allowed."""
        path = tmp_path / ".decline.toml"
        path.write_text(toml, encoding="utf-8")
        with pytest.raises(FieldError) as caught:
            Config.load(path)
        assert str(path) in str(caught.value) and needle in str(caught.value)

    def test_cli_exit_2_names_the_file(self, tmp_path: Path) -> None:
        """decline check with a bad settings file exits 2 with one line naming it."""
        (tmp_path / ".decline.toml").write_text('locale = "xx"\n', encoding="utf-8")
        (tmp_path / "a.txt").write_text(RUDE, encoding="utf-8")
        done = decline("check", "a.txt", cwd=tmp_path)
        assert done.returncode == 2
        assert ".decline.toml: locale: 'xx' is not a locale" in done.stderr
        assert len(done.stderr.splitlines()) == 1

    def test_cli_unknown_rule_in_config(self, tmp_path: Path) -> None:
        """A select naming no rule is refused, naming the settings file."""
        (tmp_path / ".decline.toml").write_text('select = ["nope"]\n', encoding="utf-8")
        (tmp_path / "a.txt").write_text(RUDE, encoding="utf-8")
        done = decline("check", "a.txt", "--locale", "en", cwd=tmp_path)
        assert done.returncode == 2 and ".decline.toml: select: 'nope'" in done.stderr


class TestCommandLine:
    def test_discovered_settings_apply(self, project: Path) -> None:
        """Locale, kind, per-file overrides and exclude come from pyproject.toml."""
        done = decline("check", ".", cwd=project)
        assert done.returncode == 1, done.stderr
        assert "rude.txt:1:14: reason.negative-remark" in done.stdout
        assert "archive" not in done.stdout
        assert "da/ok.txt" not in done.stdout  # Danish, as the override says: clean

    def test_fail_on_from_the_config(self, tmp_path: Path) -> None:
        """fail-on = "warning" in the settings makes a warning fail; the flag wins."""
        (tmp_path / ".decline.toml").write_text(
            'fail-on = "warning"\nlocale = "da"\nkind = "confirmation"\n',
            encoding="utf-8",
        )
        (tmp_path / "a.txt").write_text(
            "Kære Mette\n\nTak for tilbuddet om stillingen. Jeg har valgt at takke "
            "nej.\n\nMed venlig hilsen\nJonas Berg\n",
            encoding="utf-8",
        )
        assert decline("check", "a.txt", cwd=tmp_path).returncode == 1
        assert (
            decline("check", "a.txt", "--fail-on", "error", cwd=tmp_path).returncode
            == 0
        )

    def test_isolated_reads_no_settings(self, project: Path) -> None:
        """--isolated ignores pyproject.toml: the archive is searched again."""
        done = decline("check", ".", "--isolated", "--locale", "en", cwd=project)
        assert "archive/old.txt" in done.stdout

    def test_config_option(
        self, project: Path, tmp_path_factory: pytest.TempPathFactory
    ) -> None:
        """--config FILE is read instead of the discovered settings."""
        other = tmp_path_factory.mktemp("cfg") / "strict.toml"
        other.write_text(
            '[tool.decline]\nlocale = "en"\nkind = "letter"\n', encoding="utf-8"
        )
        done = decline("check", "rude.txt", "--config", str(other), cwd=project)
        assert "letter.negative-remark" in done.stdout and "reason." not in done.stdout

    def test_missing_config_option_is_2(self, project: Path) -> None:
        """--config naming no file exits 2 and names it."""
        done = decline("check", "rude.txt", "--config", "nope.toml", cwd=project)
        assert done.returncode == 2 and "nope.toml: cannot read it" in done.stderr
