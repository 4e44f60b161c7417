"""decline rules, decline check --explain RULE, decline locales --format json."""

from __future__ import annotations

import json

import pytest
from tests.commandline import decline as cli
from tests.commandline import run

from decline import check
from decline._rulebook import ADVICE, explain, rule_rows, unknown_rule
from decline.guidance import RULES


class TestRules:
    def test_every_rule_once_in_order(self) -> None:
        """The rows are the rule table: every id once, in the order they run."""
        assert [row["id"] for row in rule_rows()] == list(RULES)

    def test_each_example_is_flagged_by_its_rule(self) -> None:
        """The example shown for a rule is a text that rule reports."""
        for row in rule_rows():
            example = row["example"]
            if row["id"] in {"timing.prompt", "letter.unrequested-referral"}:
                continue  # their examples need an offer's dates or flags
            report = check(
                example["text"], locale=example["locale"], kind=example["kind"]
            )
            assert row["id"] in report.rules, row["id"]

    def test_advice_for_every_guidance_item(self) -> None:
        """Every rule's guidance item has its advice, and only G1-G9 exist."""
        assert set(ADVICE) == {f"G{n}" for n in range(1, 10)}
        for row in rule_rows():
            assert len(row["advice"]) == len(row["guidance"])

    def test_json_through_the_real_cli(self) -> None:
        """decline rules --format json is a list of the rule rows."""
        done = cli("rules", "--format", "json")
        assert done.returncode == 0, done.stderr
        rows = json.loads(done.stdout)
        assert rows == rule_rows()
        negative = next(r for r in rows if r["id"] == "reason.negative-remark")
        assert negative["severity"] == "error" and negative["guidance"] == ["G5"]

    def test_text_lists_id_severity_guidance_and_example(self) -> None:
        """Each rule is one line of id, severity, guidance, summary, then an example."""
        code, out, _ = run("rules")
        assert code == 0
        assert (
            "reason.one-sentence\terror\tG4\tA reason is at most one sentence.\n" in out
        )
        assert out.count("    e.g. (") == len(RULES)

    def test_bad_format_is_usage_error(self) -> None:
        """An unknown --format is exit 2 naming the choices."""
        done = cli("rules", "--format", "yaml")
        assert done.returncode == 2 and "text" in done.stderr and "json" in done.stderr


class TestExplain:
    def test_explain_prints_the_rules_page(self) -> None:
        """--explain needs no draft; it prints severity, guidance, docs, examples."""
        done = cli("check", "--explain", "letter.long-reason")
        assert done.returncode == 0, done.stderr
        first, *rest = done.stdout.splitlines()
        assert first == "letter.long-reason: warning, guidance G4"
        page = "\n".join(rest)
        assert "cuts the others" in page  # the docstring beyond its first line
        assert "Flagged (en, confirmation):" in page and "Passes (" in page
        assert "--ignore letter.long-reason" in page

    @pytest.mark.parametrize("rule_id", list(RULES))
    def test_every_rule_explains(self, rule_id: str) -> None:
        """Every rule has a page that starts with its id."""
        assert explain(rule_id).startswith(f"{rule_id}: ")

    def test_unknown_rule_is_exit_2_with_the_ids(self) -> None:
        """An unknown rule is a usage error naming the near miss and every id."""
        done = cli("check", "--explain", "letter.no-thank")
        assert done.returncode == 2 and done.stdout == ""
        assert "did you mean 'letter.no-thanks'" in done.stderr
        assert all(rule_id in done.stderr for rule_id in RULES)
        assert "Traceback" not in done.stderr

    def test_a_prefix_is_not_a_rule(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A family prefix is not one rule's page (argparse writes to sys.stderr)."""
        assert unknown_rule("letter") is not None
        assert run("check", "--explain", "letter")[0] == 2
        assert "'letter' is not a rule" in capsys.readouterr().err

    def test_control_characters_are_shown(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A hostile id is printed as visible tokens."""
        assert run("check", "--explain", "x\x1b[2J")[0] == 2
        err = capsys.readouterr().err
        assert "is not a rule" in err and "\x1b" not in err


class TestLocalesJson:
    def test_json_like_tones(self) -> None:
        """decline locales --format json lists code, English and native names."""
        done = cli("locales", "--format", "json")
        assert done.returncode == 0, done.stderr
        rows = json.loads(done.stdout)
        codes = [row["code"] for row in rows]
        assert codes == sorted(codes) and {"en", "da", "nb", "fr"} <= set(codes)
        danish = next(row for row in rows if row["code"] == "da")
        assert danish == {"code": "da", "english": "Danish", "native": "dansk"}

    def test_text_is_unchanged(self) -> None:
        """The text form is still code, English name and native name per line."""
        code, out, _ = run("locales")
        assert code == 0 and "da\tDanish\tdansk\n" in out

    def test_bad_format(self) -> None:
        """An unknown format is exit 2."""
        assert run("locales", "--format", "xml")[0] == 2
