"""An unlisted About section whose first sentence names a fuller, different organisation ("About Zorb / Zorb DAO is
a community-governed DAO ...") vetoes a by-name match to the SEC list's "Zorb Inc.": a wrong ticker is worse than
none (issue 17's audit-T2). Small releases written inline; made-up companies."""

from __future__ import annotations

import pytest

from indexer.issuers import Evidence, Issuer, Registry, resolve
from indexer.issuers.about_subjects import about_subject, another_organisation
from indexer.issuers.doubtful_matches import unlisted_about

ZORB = Issuer("cik21", "Zorb Inc.", listings=["NASDAQ:ZORB"], cik="21")
FENWICK = Issuer("cik22", "Fenwick Bioscience, Inc.", listings=["NASDAQ:FNWK"], cik="22")


def registry(*issuers: Issuer) -> Registry:
    made = Registry()
    for issuer in issuers:
        made.add(issuer)
    return made


def resolved(name: str, about: str, issuer: Issuer) -> str | None:
    """The issuer id a release of that name and About resolves to, its evidence made as Evidence.of makes it."""
    text = (
        f"{name} today froze $2 million linked to a laundering ring.\n\n{about}\n\nMedia contact: press@example.org\n"
    )
    unlisted = unlisted_about(name, text)
    evidence = Evidence(name, [], unlisted=unlisted)
    evidence.about = about_subject(name, text) if unlisted else None
    return resolve(evidence, registry(issuer)).issuer_id


@pytest.mark.parametrize(
    ("name", "about", "issuer", "found"),
    [
        ("ZORB", "About ZORB\n\nZORB DAO is a community-governed DAO building a blockchain.", ZORB, None),
        ("Zorb", "About Zorb\n\nZorb Network, a Swiss non-profit, funds open payments.", ZORB, None),
        ("Zorb", "About Zorb\n\nZorb Inc. is a maker of payment terminals.", ZORB, "cik21"),  # the SEC's name
        ("Zorb", "About Zorb\n\nZorb is a maker of payment terminals.", ZORB, "cik21"),  # no fuller name
        ("Zorb", "About Zorb\n\nZorb DAO (NASDAQ: ZORB) is a DAO.", ZORB, "cik21"),  # a listed About: not vetoed
        (
            "Fenwick Bioscience",
            "About Fenwick Bioscience\n\nFenwick Bioscience, Inc. is a clinical company.",
            FENWICK,
            "cik22",
        ),
    ],
)
def test_an_unlisted_about_naming_another_organisation_vetoes_a_name_match(name, about, issuer, found):
    assert resolved(name, about, issuer) == found


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("About Zorb\n\nZorb DAO is a community-governed DAO.", "Zorb DAO"),
        ("About Zorb\nZorb Foundation, a Swiss non-profit, funds networks.", "Zorb Foundation"),
        ("About Zorb\nThe Zorb Network provides payments.", "Zorb Network"),
        ("About Zorb\nZorb revolutionized payments in 2001.", None),  # no subject before a verb it knows
        ("About Zorb\nFounded in 2017, the Zorb chain grew.", None),  # not opening with the name
        ("Zorb DAO is a community-governed DAO.", None),  # no About heading
    ],
)
def test_the_subject_an_about_section_opens_with(text, subject):
    assert about_subject("Zorb", text) == subject


@pytest.mark.parametrize(
    ("subject", "name", "issuer", "other"),
    [
        ("ZORB DAO", "ZORB", ZORB, True),
        ("Zorb Inc.", "Zorb", ZORB, False),  # a legal form is no other word
        ("Zorb", "Zorb", ZORB, False),
        ("FivePoint", "FivePoint", Issuer("cik24", "Five Point Holdings, LLC", listings=["NYSE:FPH"]), False),
        ("Fenwick Bioscience, Inc.", "Fenwick", FENWICK, False),
        ("Zorb DAO", "Zorb", Issuer("u1", "Zorb Inc.", source="user"), False),  # a user's own file is believed
        (None, "Zorb", ZORB, False),
    ],
)
def test_a_subject_with_words_the_issuer_lacks_is_another_organisation(subject, name, issuer, other):
    assert another_organisation(subject, name, issuer) is other
