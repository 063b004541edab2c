"""Tickers a release does not vouch for (issue 17's ticker audit): a name the SEC list matches only past a holding
word while the release's own About names no listing, a symbol misprinted with its letters swapped, and the second
subject of a joint headline ("A And B ...") whose About prints a listing. Small releases written inline."""

from __future__ import annotations

import pytest

from indexer.issuers import Evidence, Issuer, Registry, resolve
from indexer.issuers.doubtful_matches import misprints, qualifier_only, unlisted_about
from indexer.parse import parse_bytes
from indexer.parse.joint_headlines import first_joint_subject


def registry(*issuers: Issuer) -> Registry:
    made = Registry()
    for issuer in issuers:
        made.add(issuer)
    return made


LARKSPUR = Issuer("cik11", "Larkspur Holdings Ltd.", listings=["NASDAQ:LKSH"], cik="11")
QUILL = Issuer("cik12", "Quillfeather Group", listings=["OTC:QFGP"], cik="12")
ORBIT = Issuer("cik13", "Orbit Foods Inc.", listings=["NYSE:ORBF"], cik="13")
ZENITH = Issuer("cik14", "Zenith Robotics Holding Corp.", listings=["NASDAQ:ZNTH"], cik="14")
NOVA = Issuer("cik15", "Novarel Corp", listings=["OTC:NVRL"], cik="15")

UNLISTED_ABOUT = "About Larkspur\nLarkspur runs a freight identity platform for carriers and brokers in 40 states."
LISTED_ABOUT = "About Larkspur\nLarkspur Holdings Ltd. (NASDAQ: LKSH) runs a freight identity platform."
STOCK_ABOUT = "About Larkspur\nLarkspur's common stock trades on the Nasdaq Capital Market."


@pytest.mark.parametrize(
    ("name", "about", "issuer", "found"),
    [
        ("Larkspur", UNLISTED_ABOUT, LARKSPUR, None),  # "Larkspur" is not the SEC's "Larkspur Holdings Ltd."
        ("Quillfeather", "About Quillfeather\nQuillfeather builds fibre networks on Cape Cod.", QUILL, None),
        ("Larkspur", LISTED_ABOUT, LARKSPUR, "cik11"),  # its About prints the listing
        ("Larkspur", STOCK_ABOUT, LARKSPUR, "cik11"),  # or says its stock trades
        ("Larkspur", "Larkspur runs a freight platform.", LARKSPUR, "cik11"),  # no About: the name decides
        ("Orbit Foods", "About Orbit Foods\nOrbit Foods makes snacks in Ohio.", ORBIT, "cik13"),  # the whole name
        ("Zenith Robotics Holding", "About Zenith Robotics\nZenith builds arms.", ZENITH, "cik14"),  # printed so
    ],
)
def test_a_name_matched_only_past_a_holding_word_needs_an_about_naming_a_listing(name, about, issuer, found):
    text = f"{name} today launched a new product.\n\n{about}\n"
    evidence = Evidence(name, [], unlisted=unlisted_about(name, text))
    assert resolve(evidence, registry(issuer)).issuer_id == found


@pytest.mark.parametrize(
    ("text", "unlisted"),
    [
        (UNLISTED_ABOUT, True),
        (LISTED_ABOUT, False),
        (STOCK_ABOUT, False),
        ("About Larkspur\nLarkspur is publicly traded.", False),
        ("About Larkspurville\nA town.", False),  # another name
        (UNLISTED_ABOUT + "\n\nAbout Triumph\nTriumph (NYSE: TFIN) is a bank.", True),  # a partner's About apart
        ("Larkspur runs a platform.", False),
    ],
)
def test_an_about_section_naming_no_listing(text, unlisted):
    assert unlisted_about("Larkspur", text) is unlisted


@pytest.mark.parametrize(
    ("name", "issuer", "only"),
    [
        ("Larkspur", LARKSPUR, True),
        ("Quillfeather", QUILL, True),
        ("Larkspur Holdings", LARKSPUR, False),
        ("Orbit Foods", ORBIT, False),
        ("Larkspur", Issuer("u1", "Larkspur Holdings", source="user"), False),  # a user's own file is believed
    ],
)
def test_a_name_agrees_only_past_a_holding_word(name, issuer, only):
    assert qualifier_only(name, issuer) is only


def test_evidence_keeps_an_unlisted_about_through_json():
    evidence = Evidence("Larkspur", [], unlisted=True)
    assert Evidence.from_json(evidence.to_json()) == evidence
    plain = Evidence("Larkspur", [])
    assert Evidence.from_json(plain.to_json()) == plain and len(plain.to_json()) == 8  # the form as before


@pytest.mark.parametrize(
    ("printed", "dropped"),
    [
        (["OTC:NVLR"], {"OTC:NVLR"}),  # letters swapped: a misprint of OTC:NVRL
        (["OTC:NVRL"], set()),  # its own
        (["NASDAQ:NVLR"], set()),  # another market: not its symbol misspelt
        (["OTC:NVRX"], set()),  # other letters: perhaps a symbol the list lacks
        (["OTC:LKSH"], set()),  # letters of no own symbol
    ],
)
def test_a_printed_symbol_swapping_the_letters_of_the_issuers_own_is_a_misprint(printed, dropped):
    assert misprints(printed, NOVA, registry(NOVA, LARKSPUR)) == dropped


def test_a_misprinted_symbol_gives_way_to_the_issuers_own():
    resolution = resolve(Evidence("Novarel Corp", ["OTC:NVLR"]), registry(NOVA))
    assert resolution.tickers == ("OTC:NVRL",)


def wire(headline: str, lede: str, tail: str) -> object:
    (parsed,) = parse_bytes("release.md", f"# {headline}\n\n{lede}\n\n{tail}\n".encode())
    return parsed


# Each About heading run into its text, as the wire prints them; the partner's web address spells its name.
PARTNER_ABOUT = (
    " About Larkspur Institute (LI) Larkspur Institute is Florida's largest provider of apprenticeship programs.\n\n"
    " About Quillfeather Labs (OTC: QFLB) Quillfeather Labs is an AI-first immersive learning company. Learn more at "
    "https://www.quillfeatherlabs.com/"
)


@pytest.mark.parametrize(
    ("headline", "lede", "company", "tickers"),
    [
        (
            "Larkspur Institute And Quillfeather Labs Partner to Develop VR Training Tool",
            "Larkspur Institute (LI), the largest apprenticeship provider in Florida, has signed a memorandum with "
            "[Quillfeather Labs](https://quillfeatherlabs.com/), an immersive learning company, to develop a platform.",
            "Larkspur Institute",
            [],
        ),
        (
            "Larkspur Institute And Quillfeather Labs Sign Memorandum on VR Training",
            "Larkspur Institute (LI), the largest apprenticeship provider in Florida, has signed a memorandum with "
            "[Quillfeather Labs](https://quillfeatherlabs.com/), an immersive learning company, to develop a platform.",
            "Larkspur Institute",
            [],
        ),
    ],
)
def test_a_title_case_joint_headline_is_the_first_subjects_when_the_lede_opens_with_it(
    headline, lede, company, tickers
):
    parsed = wire(headline, lede, PARTNER_ABOUT)
    assert (parsed.company, parsed.tickers) == (company, tickers)


@pytest.mark.parametrize(
    ("company", "headline", "lede", "source", "first"),
    [
        ("Quillfeather Labs", "Larkspur Institute And Quillfeather Labs Partner on Training", "Larkspur "
         "Institute, a trainer, has signed with Quillfeather Labs.", None, "Larkspur Institute"),
        # the SOURCE line names the pick: the partner's own copy
        ("Quillfeather Labs", "Larkspur Institute And Quillfeather Labs Partner on Training", "Larkspur "
         "Institute, a trainer, has signed with Quillfeather Labs.", "Quillfeather Labs", None),
        # the lede opens with the pick
        ("Quillfeather Labs", "Larkspur Institute And Quillfeather Labs Partner on Training", "Quillfeather "
         "Labs, a learning company, has signed with Larkspur Institute.", None, None),
        # the pick is the first subject already
        ("Larkspur Institute", "Larkspur Institute And Quillfeather Labs Partner on Training", "Larkspur "
         "Institute, a trainer, has signed with Quillfeather Labs.", None, None),
        # a joint lede: whose copy it is, joint_releases.py reads (the forward-looking statements cite the partner)
        ("Quillfeather Labs", "Larkspur Institute And Quillfeather Labs Partner on Training", "Larkspur "
         "Institute (NASDAQ: LKSP) and Quillfeather Labs (NASDAQ: QFLB) today announced a pact.", None, None),
        # one subject: "and" inside no joint headline
        ("Quillfeather Labs", "Larkspur Institute Opens Arts And Crafts Wing", "Larkspur Institute, a trainer, "
         "has opened a wing.", None, None),
    ],
)  # fmt: skip
def test_first_joint_subject(company, headline, lede, source, first):
    assert first_joint_subject(company, headline, lede, source) == first
