"""A release whose text first names its issuer in full with words the SEC list's name lacks ("Zorb Utilities, Inc."
for "Zorb") is not the SEC's shorter "Zorb Corp.", its owner, unless the release prints that listing or calls the
issuer part of it beside it: a wrong ticker is worse than none (issue 17's audit-T2). Made-up companies."""

from __future__ import annotations

import pytest

from indexer.issuers import Evidence, Issuer, Registry, resolve
from indexer.issuers.fuller_names import fuller_name

ZORB = Issuer("cik31", "Zorb Corp.", listings=["NYSE:ZRB"], cik="31")
KESTREL = Issuer("cik32", "Kestrel Gas & Power, Inc.", aliases=["Kestrel"], listings=["NASDAQ:KGP"], cik="32")


def registry(*issuers: Issuer) -> Registry:
    made = Registry()
    for issuer in issuers:
        made.add(issuer)
    return made


def resolved(name: str, text: str, issuer: Issuer, printed: list[str] = (), parent: list[str] = ()) -> tuple:
    """The issuer id and tickers a release of that name and text resolves to (its evidence as Evidence.of makes it)."""
    evidence = Evidence(name, list(printed), parent=list(parent))
    evidence.fuller = fuller_name(name, text)
    resolution = resolve(evidence, registry(issuer))
    return resolution.issuer_id, resolution.tickers


@pytest.mark.parametrize(
    ("name", "text", "issuer", "found"),
    [
        ("Zorb", "Today Zorb Utilities, Inc. reminds customers to call before digging.", ZORB, None),
        ("Zorb", "Zorb Water Services LLC opened a plant. Zorb serves 9,000 homes.", ZORB, None),
        ("Zorb", "Today Zorb Corporation reminds customers to call before digging.", ZORB, "cik31"),  # the SEC's name
        ("Zorb", "Zorb reminds customers to call before digging.", ZORB, "cik31"),  # no fuller name printed
        ("Zorb", "Zorb Corp. and Zorb Utilities, Inc. remind customers.", ZORB, "cik31"),  # the SEC's name first
        ("Kestrel", "Kestrel Gas & Power, Inc. opened a plant.", KESTREL, "cik32"),  # words the SEC name has
        ("Zorb", "Zorb Utilities, Inc. opened a plant.", Issuer("u1", "Zorb Corp.", source="user"), "u1"),  # a user's
    ],
)
def test_a_fuller_name_with_words_the_sec_name_lacks_vetoes_a_name_match(name, text, issuer, found):
    assert resolved(name, text, issuer)[0] == found


def test_a_printed_listing_still_decides():
    text = "Zorb Utilities, Inc. (NYSE: ZRB) opened a plant."
    assert resolved("Zorb Utilities", text, ZORB, printed=["NYSE:ZRB"])[0] == "cik31"


def test_an_owner_listing_printed_beside_a_part_of_sentence_is_still_read():
    text = "Zorb Utilities, Inc., a subsidiary of Zorb Corp. (NYSE: ZRB), opened a plant."
    assert resolved("Zorb", text, ZORB, parent=["NYSE:ZRB"]) == ("cik31", ("NYSE:ZRB",))


@pytest.mark.parametrize(
    ("text", "fuller"),
    [
        ("Today Zorb Utilities, Inc. reminds customers.", "Zorb Utilities, Inc."),
        ("Zorb Gas & Power LLC serves homes.", "Zorb Gas & Power LLC"),
        ("Zorb Corporation serves homes.", None),  # the name with its legal form only
        ("Zorb serves homes. Zorb Utilities, Inc. helps.", "Zorb Utilities, Inc."),  # the first legal name counts
        ("Zorb Launches Beta Corp. today.", None),  # a verb: a sentence, not a name
        ("Zorb CEO Jane Roe Corp joined the show.", None),  # a person's title: a garbled sentence
        ("Zorb International PLC (\u201cZorb\u201d) announced ...", None),  # a word of reach: the same company
        ("Zorb Global Corp. serves homes.", None),
        ("Zorb Gas\nCorp. serves homes.", None),  # not across a line
        ("AcmeZorb Utilities, Inc. serves homes.", None),  # another word that ends in the name
        ("Zorb serves homes.", None),
    ],
)
def test_the_fuller_legal_name_a_text_gives_the_name(text, fuller):
    assert fuller_name("Zorb", text) == fuller


@pytest.mark.parametrize("fuller", [None, "Zorb Utilities, Inc."])
@pytest.mark.parametrize("unlisted", [False, True])
def test_the_fuller_name_survives_the_issuer_file(fuller, unlisted):
    evidence = Evidence("Zorb", [], unlisted=unlisted, fuller=fuller)
    assert Evidence.from_json(evidence.to_json()) == evidence
