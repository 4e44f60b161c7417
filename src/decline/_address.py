"""E-mail addresses: the one plain form ``decline`` accepts, and its ASCII form.

An address is ``local@domain``. The local part is a *dot-atom* in ASCII (RFC 5322
§3.2.3): letters, digits and ``!#$%&'*+/=?^_`{|}~-``, with single dots between
them. Quoted local parts (``"a b"@example.org``) and comments
(``a(work)@example.org``) are refused, because mail programs do not agree on what
they mean and may deliver to another mailbox than the one that was written.

The domain is a host name of two or more labels. A label may be written in Unicode
(``bücher.example``); it is converted to its ASCII form (``xn--bcher-kva.example``,
IDNA) for the e-mail headers. A label whose two IDNA conversions (the 2003 rules in
Python's codec and the 2008 rules) would differ, such as ``straße``, is refused: the
ASCII form is given instead.

Everything here works on ``str`` and raises :class:`AddressError` with the problem;
the caller names the field.
"""

from __future__ import annotations

import re

__all__ = ["AddressError", "ascii_domain", "split"]

#: The local part may be at most this long (RFC 5321 §4.5.3.1.1).
MAX_LOCAL = 64
#: The domain, in its ASCII form, may be at most this long.
MAX_DOMAIN = 253

_ATEXT = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


class AddressError(ValueError):
    """An address is refused.

    Attributes:
        problem: What is wrong, as a phrase after "it" ("has no @").
        hint: What to do instead.
    """

    def __init__(
        self, problem: str, hint: str = "write it as name@example.org"
    ) -> None:
        self.problem = problem
        self.hint = hint
        super().__init__(f"{problem}; {hint}")


def split(address: str) -> tuple[str, str]:
    """Split a plain address into its local part and its domain, or refuse it.

    Args:
        address: The address, already trimmed.

    Returns:
        The local part and the domain, as written.

    Raises:
        AddressError: The address is not of the plain ``name@example.org`` form.

    Examples:
        >>> split("jonas.berg@example.org")
        ('jonas.berg', 'example.org')
        >>> split('"jonas"@example.org')
        Traceback (most recent call last):
        ...
        decline._address.AddressError: has a quoted part ("…"), which mail programs read in different ways; write it as name@example.org
    """
    if '"' in address:
        raise AddressError(
            'has a quoted part ("…"), which mail programs read in different ways'
        )
    if "(" in address or ")" in address:
        raise AddressError(
            "has a comment in parentheses, which mail programs drop, so the mail "
            "could go to another mailbox"
        )
    if any(ch.isspace() for ch in address):
        raise AddressError("contains a space")
    count = address.count("@")
    if count == 0:
        raise AddressError("has no @")
    if count > 1:
        raise AddressError("has more than one @")
    local, _, domain = address.partition("@")
    _check_local(local)
    ascii_domain(domain)
    return local, domain


def _check_local(local: str) -> None:
    if not local:
        raise AddressError("has nothing before the @")
    if not local.isascii():
        raise AddressError(
            "has characters outside ASCII before the @",
            "decline cannot send to such a mailbox; give an address in ASCII, "
            "like name@example.org",
        )
    if len(local) > MAX_LOCAL:
        raise AddressError(f"has more than {MAX_LOCAL} characters before the @")
    for atom in local.split("."):
        if not atom:
            raise AddressError(
                "has a dot at the start or end of the part before the @, "
                "or two dots in a row"
            )
        match = _ATEXT.match(atom)
        if match is None or match.end() != len(atom):
            bad = atom[match.end() if match else 0]
            raise AddressError(f"has a character that needs quoting ({bad!r})")


def ascii_domain(domain: str) -> str:
    """The domain as e-mail headers carry it: every label in ASCII (IDNA).

    Args:
        domain: The part after the @.

    Returns:
        The domain with each non-ASCII label in its ``xn--`` form.

    Raises:
        AddressError: The domain is not a host name of two or more labels.

    Examples:
        >>> ascii_domain("Bücher.example")
        'xn--bcher-kva.example'
    """
    if not domain:
        raise AddressError("has nothing after the @")
    if domain.startswith("["):
        raise AddressError(
            "has an address in brackets after the @",
            "write a domain name instead, as in name@example.org",
        )
    labels = domain.split(".")
    if len(labels) < 2:
        raise AddressError(
            "has no dot after the @", "write the whole domain, as in name@example.org"
        )
    if not all(labels):
        raise AddressError(
            "has a dot at the start or end of the domain, or two dots in a row"
        )
    converted = [_ascii_label(label) for label in labels]
    if converted[-1].isdigit():
        raise AddressError(
            "ends in a number after the @",
            "write a domain name, not an IP address, as in name@example.org",
        )
    result = ".".join(converted)
    if len(result) > MAX_DOMAIN:
        raise AddressError(f"has a domain longer than {MAX_DOMAIN} characters")
    return result


def _ascii_label(label: str) -> str:
    if label.isascii():
        if _LABEL.fullmatch(label) is None:
            raise AddressError(
                f"has a domain part {label!r} that is not a host name: use letters, "
                "digits and hyphens (not at either end), at most 63 of them"
            )
        return label
    import encodings.idna  # noqa: PLC0415 - only for domains written in Unicode

    try:
        encoded = encodings.idna.ToASCII(label).decode("ascii")
        back = encodings.idna.ToUnicode(encoded)
    except UnicodeError as exc:
        raise AddressError(
            f"has a domain part {label!r} that cannot be written in ASCII ({exc})"
        ) from None
    if back != label.lower() or _LABEL.fullmatch(encoded) is None:
        raise AddressError(
            f"has a domain part {label!r} that mail programs convert to ASCII in "
            "different ways",
            "write the domain in its ASCII form (xn--…), as your mail provider shows it",
        )
    return encoded
