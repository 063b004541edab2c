"""Issuer rules of issue 17's sixth round, read from blind-3's and test4's misses: where the headline and the lede agree
on a subject, what the opening names when it names no one, and which signals outvote a byline or an About section.
Small releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.names import expand_acronym
from indexer.parse.subject import company_site, cut_at_verb, headline_longer, headline_opens, no_name


def release(body: str, headline: str):
    (parsed,) = parse_bytes("release.md", f"# {headline}\n\n{body}\n".encode())
    return parsed


@pytest.mark.parametrize(
    ("name", "place", "expected"),
    [
        (None, None, True),
        ("Inc.", None, True),
        ("Florida", None, True),
        ("Fort Worth", "FORT WORTH, TX", True),
        ("Fort Worth Ballet", "FORT WORTH, TX", False),
        ("Orbit Pay", None, False),
    ],
)
def test_a_name_that_names_no_one(name, place, expected):
    assert no_name(name, place) is expected


@pytest.mark.parametrize("park", ["Orbit Trampoline Park", "Kestrel Climbing Gym"])
def test_a_publication_opening_the_lede_gives_way_to_the_headlines_subject(park):
    parsed = release(
        f"Inc., the leading media brand for entrepreneurs, today announced that {park} is No. 412 on the annual "
        f"list of the fastest-growing private companies.\n\n\u201cWe are honoured,\u201d said Jane Roe, CEO of {park}."
        "\n\nAbout Inc.\n\nInc. is the leading media brand for entrepreneurs.",
        headline=f"{park} Ranks No. 412 on the List of Fastest-Growing Private Companies",
    )
    assert parsed.company == park


def test_the_datelines_own_place_opening_the_lede_is_not_the_company():
    parsed = release(
        "WACO, TX, March 3, 2025 /24-7PressRelease/ -- Waco's newest museum, the Brazos Clock Museum with more than "
        "400 clocks, is pleased to welcome the Clock Collectors Guild for its convention.\n\nThe museum opens daily.",
        headline="Brazos Clock Museum Welcomes Clock Collectors Guild for its Annual Convention",
    )
    assert parsed.company == "Brazos Clock Museum"


@pytest.mark.parametrize(
    ("headline", "lede", "about", "expected"),
    [
        (
            "Zentrix Announces Strategic Collaboration with Lumen DAO",
            "Zentrix, a leading global cryptocurrency exchange and trading company, today announced a collaboration "
            "with Lumen DAO.",
            "Lumen DAO\n\nLumen DAO is a community-governed DAO.",
            "Zentrix",
        ),
        (
            "GLOW\u00ae Candles Surpass 10 Million Views",
            "GLOW\u00ae Candles continues to prove its appeal with 10 million views in April.",
            "Harlow International\n\nHarlow International makes candles, including the GLOW\u00ae brand.",
            "GLOW Candles",
        ),
    ],
)
def test_the_subject_the_headline_opens_with_stands_over_anothers_about_section(headline, lede, about, expected):
    parsed = release(f"{lede}\n\nMore follows in May.\n\nAbout {about}", headline=headline)
    assert parsed.company == expected


def test_a_publishers_about_section_keeps_its_story_about_a_company():
    parsed = release(
        "Tech giant Quillon is funding a wave of solar projects across Europe.\n\nThe projects add 600 MW.\n\n"
        "About GreenWatch\n\nGreenWatch is a specialized communications platform with a focus on green companies.",
        headline="Quillon Ramps Up its Solar Projects in Europe",
    )
    assert parsed.company == "GreenWatch"


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("RAW\u00ae Rolling Papers Surpasses 300 Million Views", True),
        ("\u201cRAW Rolling Papers\u201d Surpasses 300 Million Views", True),
        ("RAWLINGS Rolling Papers Surpasses 300 Million Views", False),
        ("Fans of RAW Rolling Papers Set a Record", False),
    ],
)
def test_a_headline_opening_with_a_name(headline, expected):
    assert headline_opens(headline, "RAW Rolling Papers") is expected


def test_an_organisation_by_its_apposition_is_no_person_whatever_pronouns_follow():
    parsed = release(
        "Strengthening its leasing team, Harlow Retail, a division of Harlow & Co., has hired Jane Roe, a leader "
        "with a long record; she joins from a national firm and her clients follow.\n\nRoe starts in May.\n\n"
        "About Harlow & Co.\n\nHarlow & Co. is a privately held real estate firm.",
        headline="Jane Roe Joins Harlow Retail as Senior Vice President",
    )
    assert parsed.company == "Harlow Retail"


@pytest.mark.parametrize(
    ("acronym", "written"),
    [
        ("TDMM", "TradeDog Market Management"),
        ("BWDS", "BlueWave Data Systems"),
        ("CCHR", "Citizens Commission on Human Rights"),
    ],
)
def test_inner_capitals_count_as_initials(acronym, written):
    assert expand_acronym(acronym, f"Delhi - {written} ({acronym}), a global leader, said ...") == written


@pytest.mark.parametrize(
    ("name", "cut"),
    [
        ("Stonegate Capital Partners Updates Coverage", "Stonegate Capital Partners"),
        ("Acme Robotics Announces Results", "Acme Robotics"),
        ("Harbor Capital Partners", "Harbor Capital Partners"),
        ("Consumer Reports", "Consumer Reports"),
        ("Marks and Spencer Group", "Marks and Spencer Group"),
    ],
)
def test_a_title_case_verb_ends_a_name(name, cut):
    assert cut_at_verb(name) == cut


def test_a_lede_in_headline_style_ends_the_analysts_name_at_its_verb():
    parsed = release(
        "Orbit Pay (NASDAQ: ORBP): Harbor Capital Partners Updates Coverage on Orbit Pay (NASDAQ: ORBP). Orbit Pay "
        "reported revenue above guidance.\n\nAbout Harbor\n\nHarbor is a capital markets advisory firm.\n\n"
        "Source: Harbor Capital Partners",
        headline="Harbor Capital Partners Updates Coverage on Orbit Pay (NASDAQ: ORBP)",
    )
    assert parsed.company == "Harbor Capital Partners" and parsed.tickers == []


@pytest.mark.parametrize(
    ("site", "expected"),
    [("https://zentrixpharma.com/", "Zentrix Pharma"), ("http://www.dailyledger.com", "Daily Ledger")],
)
def test_the_contact_blocks_company_website_decides_between_byline_and_headline(site, expected):
    parsed = release(
        "--News Direct--\n\nBy Jane Roe, Daily Ledger\n\nAs of 2023, millions of people lived with the disease. Existing therapies "
        "carry warnings.\n\nZentrix Pharma's trial enrolled 100 patients.\n\nThis post contains sponsored content.\n\n"
        f"Contact Details\n\nJohn Doe\n\njdoe@irfirm.com\n\nCompany Website\n\n{site}",
        headline="Zentrix Pharma Releases Positive Interim Analysis Of Its Phase 2 Trial",
    )
    assert parsed.company == expected


def test_company_site_reads_the_contact_blocks_website():
    assert company_site("Contact Details\nJohn Doe\nCompany Websitehttps://www.igc-pharma.com/") == {"igcpharma"}
    assert company_site("Contact Details\nJohn Doe\nhttps://www.example.com") == set()


@pytest.mark.parametrize(("name", "kind"), [("TAPPIN", "software company"), ("Kelvo Labs", "research firm")])
def test_a_closing_sentence_calling_the_name_an_organisation_presents_the_issuer(name, kind):
    parsed = release(
        "With digital threats growing, the need for simple security has never been clearer. Introducing a new app "
        "that unlocks accounts with a fingerprint.\n\nIt works with every browser.\n\n"
        f"{name} is a {kind} committed to password-free sign-in for everyone.",
        headline=f"One Fingerprint with {name} Safeguards Your Accounts",
    )
    assert parsed.company == name


def test_a_closing_sentence_that_does_not_call_the_name_an_organisation_presents_no_one():
    parsed = release(
        "With digital threats growing, the need for simple security has never been clearer.\n\n"
        "It works with every browser.\n\nPasswords are a thing of the past for many users of the new apps.",
        headline="Why Fingerprints Are Replacing Passwords",
    )
    assert parsed.company is None


@pytest.mark.parametrize("verb", ["introduces", "launches", "today announced"])
def test_a_name_acting_in_a_later_lede_sentence_issues_a_release_whose_first_sentence_names_no_one(verb):
    parsed = release(
        "As temperatures rise, many people struggle to sleep through hot nights. To meet that need, Dormio "
        f"{verb} the Dormio CoolWeave Bamboo Collection, a cooling bedding line.\n\nIt ships in May.",
        headline="Dormio CoolWeave\u2122 Bamboo Collection Redefines Cooling Comfort for Better Summer Sleep",
    )
    assert parsed.company == "Dormio"


def test_the_lede_persons_business_the_headline_opens_with_stands_over_the_venues_about():
    parsed = release(
        "WEATHERFORD, TX, April 10, 2025 /24-7PressRelease/ -- Licensed Esthetician Maria Lopez is familiar with "
        "skin issues. After breakouts as a teen, Lopez took steps to learn skin care.\n\n\u201cIt began early,\u201d "
        "Lopez said. Lopez recently opened Glow Lab Esthetics in the Salon Suites Plaza.\n\nGlow Lab Esthetics "
        "accepts new clients by appointment.\n\nAbout Salon Suites Plaza Salon Suites Plaza offers suites for "
        "independent beauty professionals.",
        headline="Glow Lab Esthetics Now Accepting Appointments at the Salon Suites Plaza",
    )
    assert parsed.company == "Glow Lab Esthetics"


def test_an_organisations_name_is_not_taken_for_a_person_described_before_it():
    parsed = release(
        "American Public University System has named Dr. Jane Roe the Dean of its School of Arts. Dr. Roe brings "
        "academic leadership; his predecessor retires.\n\nAbout American Public University System\n\n"
        "American Public University System (APUS) is an online university.",
        headline="APUS Appoints Dr. Jane Roe as Dean",
    )
    assert parsed.company == "American Public University System"


@pytest.mark.parametrize(
    ("about", "expected"),
    [("Kelvo DAO\n\nKelvo DAO is a community-governed DAO.", "Kelvo DAO"), ("the partners", "Kelvo DAO and TRAX")],
)
def test_the_first_of_two_organisations_the_about_section_vouches_for_alone(about, expected):
    parsed = release(
        "Today, Kelvo DAO and TRAX, in collaboration with six partners, hosted an afterparty after the summit.\n\n"
        f"TRAX founder Jane Roe spoke.\n\nAbout {about}",
        headline="Kelvo DAO x TRAX Summit Afterparty: Leading the Next Decade",
    )
    assert parsed.company == expected


@pytest.mark.parametrize(
    ("company", "headline", "expected"),
    [
        (
            "Suniasol Clinic",
            "Suniasol Integrative Mental Health & Ketamine Clinic Empowers Women",
            "Suniasol Integrative Mental Health & Ketamine Clinic",
        ),
        ("Acme Clinic", "Acme Opens New Clinic in Dallas", "Acme Clinic"),
        ("Acme Clinic", "Acme Clinic Opens in Dallas", "Acme Clinic"),
        ("Acme Clinic", "Patients of Acme Dental Clinic Smile", "Acme Clinic"),
    ],
)
def test_the_headlines_longer_spelling_of_a_name(company, headline, expected):
    assert headline_longer(company, headline) == expected


@pytest.mark.parametrize(
    ("contacts", "expected"),
    [
        ("Contact Details\n\nCutwell\n\nsupport@cutwell.com", "Cutwell"),
        ("Contact Details\n\nJane Roe\n\njane@irfirm.com", "Solara"),
    ],
)
def test_an_about_section_the_contact_block_names_is_the_sponsors(contacts, expected):
    parsed = release(
        "Solara, a leading token, and Bonkers, another, face turbulence as markets shake confidence. Solara dropped "
        "15% in three days.\n\nNew tokens gain traction.\n\nAbout Cutwell\n\nCutwell is a meme token presale.\n\n"
        + contacts,
        headline="Solara Declines Amid Market Volatility; New Tokens Gain Traction",
    )
    assert parsed.company == expected


def test_a_person_the_headline_opens_with_does_not_outvote_the_honouring_organisations_about():
    parsed = release(
        "Joseph Roe was featured on Builders' Journey to discuss his framework for doctors who invest. Dr. Roe, "
        "an otolaryngologist, invests in property.\n\nAbout Marquis Who's Who\n\nSince 1899, Marquis Who's Who has "
        "chronicled the lives of the most accomplished individuals.",
        headline="Joseph Roe Featured on Builders' Journey to Discuss His Framework",
    )
    assert parsed.company == "Marquis Who's Who"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("TRUMP WARNS MOORE ON KEY BRIDGE COSTS", "TRUMP WARNS MOORE ON KEY BRIDGE COSTS"), ("Acme Warns Buyers", "Acme")],
)
def test_only_a_title_case_verb_ends_a_name(name, expected):
    assert cut_at_verb(name) == expected


@pytest.mark.parametrize(
    ("company", "headline"),
    [
        ("Guild Architects", "Guild Architects: Leading Residential Architects in Melbourne"),
        ("Mainly Mozart", "Mainly Mainly Mozart All-Star Orchestra Reveals 2025 Roster"),
        ("Finn & Form", "Finn and Form Home Stores Redefine Luxury"),
    ],
)
def test_the_headline_keeps_a_name_it_does_not_spell_longer(company, headline):
    assert headline_longer(company, headline) == company


def test_an_officer_described_after_the_organisation_leaves_it_the_subject():
    parsed = release(
        "Hive Mining Technologies Executive Chairman Frank Holmes joined Steve Darling from Proactive to share news "
        "of a new plant. Holmes said it doubles capacity.\n\nThe plant opens in May.",
        headline="Hive Mining Technologies to Establish Major Mining Operation in Paraguay",
    )
    assert parsed.company == "Hive Mining Technologies"
