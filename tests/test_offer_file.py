"""Offer files (TOML): every value is read as the type its key takes, never coerced (issue #19, item 4)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import to_toml, toml_values

from decline.cli import main

BASE: dict[str, object] = {
    "company": "Acme Ltd",
    "position": "Analyst",
    "contact": "Mette Hansen",
    "candidate": "Jonas Berg",
}

#: Each key, and whether a value is of the type it takes.
EXPECTED = {
    "company": lambda v: isinstance(v, str),
    "position": lambda v: isinstance(v, str),
    "country": lambda v: isinstance(v, str),
    "reason": lambda v: isinstance(v, str),
    "locale": lambda v: isinstance(v, str),
    "tone": lambda v: isinstance(v, str),
    "received_on": lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime),
    "respond_by": lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime),
    "referral_requested": lambda v: isinstance(v, bool),
    "interviewers": lambda v: isinstance(v, list),
    "contact": lambda v: isinstance(v, (str, dict)),
    "candidate": lambda v: isinstance(v, (str, dict)),
    "referral": lambda v: isinstance(v, (str, dict)),
}


def write(
    tmp_path: Path, document: dict[str, object], *extra: str
) -> tuple[int, str, str]:
    path = tmp_path / "offer.toml"
    path.write_text(to_toml(document), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["write", "--offer", str(path), *extra], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


class TestTypes:
    @pytest.mark.parametrize(
        ("key", "value", "expected"),
        [
            ("interviewers", "Bob", "an array of names or tables"),
            ("interviewers", ["Bob", 5], "a name (a string) or a table"),
            ("interviewers", [{"name": 5}], "a string"),
            ("reason", True, "a string"),
            ("reason", {}, "a string"),
            ("reason", float("inf"), "a string"),
            ("referral_requested", "false", "a boolean"),
            ("referral_requested", 0, "a boolean"),
            ("received_on", "2026-11-20", "a date"),
            ("respond_by", dt.datetime(2026, 11, 27, 12, 0), "a date"),  # noqa: DTZ001 - TOML's local date-time
            ("received_on", dt.time(12, 0), "a date"),
            ("company", 42, "a string"),
            ("position", ["Analyst"], "a string"),
            ("country", 45, "a string"),
            ("locale", 5, "a string"),
            ("tone", False, "a string"),
            ("contact", 5, "a name (a string) or a table"),
            ("candidate", ["Jonas Berg"], "a name (a string) or a table"),
            ("referral", 1.5, "a name (a string) or a table"),
        ],
    )
    def test_wrong_type_is_named(
        self, tmp_path: Path, key: str, value: object, expected: str
    ) -> None:
        """A value of the wrong type is refused, naming the key and the type it takes."""
        code, out, err = write(tmp_path, {**BASE, key: value})
        assert code == 1 and out == ""
        assert err.startswith(f"decline: error: {key}"), err
        assert f"expected {expected}" in err and err.count("\n") == 1

    @pytest.mark.parametrize(
        ("table", "field", "expected"),
        [
            ({"name": "Jonas Berg", "email": 5}, "candidate.email", "a string"),
            (
                {"name": "Jonas Berg", "links": "https://x.org"},
                "candidate.links",
                "an array",
            ),
            ({"name": "Jonas Berg", "links": [5]}, "candidate.links[0]", "a string"),
            ({"name": ["Jonas", "Berg"]}, "candidate.name", "a string"),
        ],
    )
    def test_person_tables(
        self, tmp_path: Path, table: dict[str, object], field: str, expected: str
    ) -> None:
        """Each value of a person's table is checked too, named by its path."""
        code, _, err = write(tmp_path, {**BASE, "candidate": table})
        assert code == 1 and err.startswith(
            f"decline: error: {field}: expected {expected}"
        )

    def test_team_flag_must_be_a_boolean(self, tmp_path: Path) -> None:
        """``team = "yes"`` is not ``team = true``."""
        code, _, err = write(tmp_path, {**BASE, "contact": {"team": "yes"}})
        assert code == 1 and "contact.team: expected a boolean" in err

    def test_hints_say_how_to_write_it(self, tmp_path: Path) -> None:
        """The common slips get a hint: quoted dates and booleans, a lone name."""
        _, _, err = write(tmp_path, {**BASE, "received_on": "2026-11-20"})
        assert "without quotes, such as received_on = 2026-11-20" in err
        _, _, err = write(tmp_path, {**BASE, "referral_requested": "false"})
        assert "write true or false without quotes" in err
        _, _, err = write(tmp_path, {**BASE, "interviewers": "Bob"})
        assert 'interviewers = ["Lars Holm", "Sofie Dahl"]' in err

    def test_right_types_write_the_letter(self, tmp_path: Path) -> None:
        """Every key with the type it takes writes the letter, a referral table included."""
        code, out, err = write(
            tmp_path,
            {
                **BASE,
                "contact": {"name": "Mette Hansen", "email": "m@acme.example"},
                "candidate": {"name": "Jonas Berg", "links": ["https://jonasberg.dk"]},
                "interviewers": ["Lars Holm", {"name": "Sofie Dahl", "title": "Dr."}],
                "received_on": dt.date(2026, 11, 20),
                "respond_by": dt.date(2026, 11, 27),
                "referral_requested": True,
                "referral": {"name": "Ann Lee"},
                "reason": "other-offer",
                "country": "DK",
                "locale": "en",
                "tone": "formal",
            },
        )
        assert code == 0, err
        assert "Ann Lee" in out and "Lars Holm" in out and "Sofie Dahl" in out

    def test_referral_requested_false_is_false(self, tmp_path: Path) -> None:
        """``referral_requested = false`` offers no referral (it was never coerced, but keep it so)."""
        code, out, _ = write(
            tmp_path, {**BASE, "referral_requested": False}, "--kind", "confirmation"
        )
        assert code == 0 and "refer" not in out.lower()

    @pytest.mark.parametrize(
        "text",
        [
            "a = " + "[" * 5000 + "]" * 5000,
            "a = " + "{b = " * 3000 + "1" + "}" * 3000,
        ],
    )
    def test_deep_nesting_is_refused(self, tmp_path: Path, text: str) -> None:
        """A file nested thousands deep is refused with a message, not a RecursionError."""
        path = tmp_path / "deep.toml"
        path.write_text(text, encoding="utf-8")
        err = io.StringIO()
        code = main(["write", "--offer", str(path)], stdout=io.StringIO(), stderr=err)
        assert code == 1
        assert "nests arrays or tables too deeply" in err.getvalue() or (
            "not valid TOML" in err.getvalue()
        )
        assert err.getvalue().count("\n") == 1


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(key=st.sampled_from(sorted(EXPECTED)), value=toml_values)
def test_any_toml_value_is_accepted_or_named(
    tmp_path: Path, key: str, value: object
) -> None:
    """Any TOML value under any key writes a letter or is refused naming that key; a wrong type always is."""
    code, out, err = write(tmp_path, {**BASE, key: value})
    assert code in (0, 1), err
    if code == 0:
        assert EXPECTED[key](value) and out
        return
    assert err.startswith("decline: error: ") and err.count("\n") == 1, err
    if not EXPECTED[key](value):
        assert err.startswith(f"decline: error: {key}"), (value, err)
        assert "expected" in err
