"""Issuer rules of issue 17's sixteenth round, read from blind-10 and audit17's A half (name extents, the class that
recurs most): a contact heading glued to the name, an About heading run into a titled person's sentence, the issuer
line's spelling of the lede's subject, and a short name written whole as the text's first mention prints it. Small
releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest
from wire_release import wire

from indexer.parse import parse_bytes
from indexer.parse.name_extents import (
    connected_name,
    contact_heading_cut,
    first_mention_whole,
    issuer_line_spelling,
    lede_case,
    titled_person_cut,
)
from indexer.parse.places import demonym


@pytest.mark.parametrize(
    "name, cut",
    [
        ("Contact DetailsHarbor Light Media, Inc.", "Harbor Light Media, Inc."),
        ("Media ContactQuill River Partners", "Quill River Partners"),
        ("Contact Information:Ember Lane Studio", "Ember Lane Studio"),
        # One word glued to another is a name's own spelling; a heading with a space before the name is no glue.
        ("ContactMonkey", "ContactMonkey"),
        ("Contact Details Harbor Light Media", "Contact Details Harbor Light Media"),
        (None, None),
    ],
)
def test_a_contact_heading_glued_to_a_name_is_cut(name: str | None, cut: str | None) -> None:
    assert contact_heading_cut(name) == cut


@pytest.mark.parametrize(
    "name, text, cut",
    [
        (
            "Rowe Law Firm Attorney Dana",
            "Rowe Law Firm handles estate cases. About Rowe Law Firm Attorney Dana Rowe holds ...",
            "Rowe Law Firm",
        ),
        (
            "Quill Dental Dr. Mara",
            "At Quill Dental, patients ... About Quill Dental Dr. Mara Lee leads ...",
            "Quill Dental",
        ),
        # The part before the title printed nowhere as a name of its own: kept.
        (
            "Rowe Law Firm Attorney Dana",
            "About Rowe Law Firm Attorney Dana Rowe holds ...",
            "Rowe Law Firm Attorney Dana",
        ),
        # A title ending the name, no person after it: a name ("Harbor Realtor Group" has none either).
        ("Lakeside Founder Circle", "Lakeside Founder Circle meets. Lakeside hosts ...", "Lakeside Founder Circle"),
    ],
)
def test_an_about_name_run_into_a_titled_person_is_cut(name: str, text: str, cut: str) -> None:
    assert titled_person_cut(name, text) == cut


@pytest.mark.parametrize(
    "known, subject, text, same",
    [
        # The issuer line spells the lede's subject longer, and the contacts print it.
        (
            "Bright Signs Graphic Works",
            "Bright Signs",
            "Bright Signs makes signs. Contact: Bright Signs Graphic Works",
            True,
        ),
        # The lede runs a product word on; the issuer line and the About section print the name without it.
        ("Coastal Skin Institute", "Coastal Skin Institute MedSpa", "About Coastal Skin Institute Coastal ...", True),
        # Not printed in the text; another name; the same spelling: nothing to choose.
        ("Bright Signs Graphic Works", "Bright Signs", "Bright Signs makes signs.", False),
        ("Bright Signs Graphic Works", "Harbor Wraps", "Bright Signs Graphic Works and Harbor Wraps ...", False),
        ("Bright Signs", "Bright Signs", "Bright Signs makes signs.", False),
        # A legal form alone, or the same name with its legal form: the lede's spelling stays.
        ("Holdings", "Holdings for Good", "Holdings for Good is excited. Holdings ...", False),
        ("Bright Signs LLC", "Bright Signs", "Bright Signs makes signs. Bright Signs LLC", False),
    ],
)
def test_the_issuer_lines_spelling_of_the_subject(known: str, subject: str, text: str, same: bool) -> None:
    assert issuer_line_spelling(known, subject, text) is same


@pytest.mark.parametrize(
    "name, headline, text, whole",
    [
        # The first mention writes the name out with words it lacked and a legal form.
        (
            "Terra Nova",
            "Terra Nova CEO Jane Roe on the company's new direction",
            "Terra Nova Oil & Gas Company PLC CEO Jane Roe talked about Terra Nova's plans.",
            "Terra Nova Oil & Gas Company PLC",
        ),
        (
            "Quill",
            "Quill Signs Deal",
            "Quill River Holdings Ltd. signed a deal. Quill said ...",
            "Quill River Holdings Ltd.",
        ),
        # The headline's possessive adds a word the first mention prints, then an apposition.
        (
            "Elm Park",
            "Elm Park Village\u2019s Costs Provide Freedom",
            "Residents heard of Elm Park Village, a senior living community. Elm Park is ...",
            "Elm Park Village",
        ),
        # The legal form alone; a later mention; the possessive's words followed by more name: kept.
        ("Quill Networks", "Quill Networks Signs Deal", "Quill Networks plc signed a deal.", "Quill Networks"),
        ("Quill", "Quill Signs Deal", "Quill signed a deal with Quill River Holdings Ltd.", "Quill"),
        # Another organisation joined by "and", the name printed again, a person's title: not the name's words.
        ("Harbor", "Harbor Signs Deal", "Harbor and Quill River Corp. signed a deal.", "Harbor"),
        ("Numa", "Numa Signs Deal", "Numa Numa Resources Inc. signed a deal.", "Numa"),
        ("Quill Gold", "Quill Gold Signs Deal", "Quill Gold CEO Jane Roe Corp said ...", "Quill Gold"),
        ("Elm Park", "Elm Park Village\u2019s Costs", "Elm Park Village Green hosts ...", "Elm Park"),
        (None, "Quill Signs Deal", "Quill signed.", None),
    ],
)
def test_a_short_name_is_written_as_its_first_mention_prints_it(
    name: str | None, headline: str, text: str, whole: str | None
) -> None:
    assert first_mention_whole(name, headline, text) == whole


@pytest.mark.parametrize(
    "text, whole",
    [
        # Printed whole once, as the text's first mention of the name: whole.
        (
            "The fair, presented by Scouts of Lake County. About Scouts We are ... Scouts build ...",
            "Scouts of Lake County",
        ),
        # The first mention is the short name: kept.
        ("Scouts build courage. The fair, presented by Scouts of Lake County.", "Scouts"),
    ],
)
def test_a_connected_name_printed_whole_at_its_first_mention_is_read_whole(text: str, whole: str) -> None:
    assert connected_name("Scouts", "Scouts of Lake County Invite Students to the Fair", text) == whole


def test_a_press_services_release_takes_the_issuer_lines_longer_spelling() -> None:
    release = (
        "# Elevate Your Brand With Custom Wraps\n\n Harbor Hills, United States - March 18, 2025 / Lumenwell Graphics "
        "Studio /\n\n Lumenwell Graphics stands out as one of the best sign companies in the county, renowned for its "
        "custom vehicle wraps.\n\nLumenwell Graphics offers design and production.\n\nContact Information:\n\n "
        "Lumenwell Graphics Studio\n\n 100 Main Street\n"
    )
    (parsed,) = parse_bytes("release.md", release.encode())
    assert parsed.company == "Lumenwell Graphics Studio"


def test_a_headline_name_is_written_whole_as_the_lede_prints_it() -> None:
    parsed = wire(
        "Terra Nova Oil & Gas Company PLC CEO Jane Roe talked with reporters about the company's plans.",
        "Terra Nova CEO Jane Roe on the company's new direction",
        "Roe said Terra Nova will focus on East Texas.",
    )
    assert parsed.company == "Terra Nova Oil & Gas Company PLC"


@pytest.mark.parametrize(
    "about, company",
    [
        # An About heading run into its text, which opens with the name's last word as a noun.
        ("About Harbor Car & Toy Museum The museum was founded by Ron Roe in 1980.", "Harbor Car & Toy Museum"),
        ("About Quill Valley Clinic The clinic opened its doors in 2001.", "Quill Valley Clinic"),
        # A text opening with another noun names no one by it.
        ("About Harbor Car & Toy Museum The collection was started by Ron Roe in 1980.", None),
    ],
)
def test_an_about_heading_run_into_its_text_ends_before_the_name_as_a_noun(about: str, company: str | None) -> None:
    parsed = wire(
        "A powerhouse of style has rolled into town! The 1940 coupe is now on display for visitors.",
        "A Street Rod Icon Joins the Collection",
        f"Gearheads and casual visitors alike will admire it.  {about} It is open daily.",
    )
    assert parsed.company == company


@pytest.mark.parametrize(
    "word, people",
    [
        ("Australian", True),
        ("Canadian", True),
        ("Texan", True),
        ("Italian", True),
        ("British", True),
        # Names, and places themselves (those are is_place's).
        ("Jordan", False),
        ("Norman", False),
        ("Milan", False),
        ("Japan", False),
        ("Australian Super", False),
    ],
)
def test_a_places_people_are_told_from_names(word: str, people: bool) -> None:
    assert demonym(word) is people


@pytest.mark.parametrize(
    "closing, company",
    [
        # A commentary naming no issuer: the quoted expert's organisation, as the closing sentence presents them.
        ("Jane Roe is the Senior Analyst and Commentator at Harbor Wealth. She speaks at events.", "Harbor Wealth"),
        # The closing sentence presents someone the text never quotes: no one.
        ("John Doe is the Senior Analyst at Harbor Wealth.", None),
    ],
)
def test_a_commentary_is_its_quoted_experts_organisations(closing: str, company: str | None) -> None:
    parsed = wire(
        "As AI fever grips global markets, a warning bell has been sounded by a famous investor.",
        "Canadian Pensions Caught in the AI Bubble",
        "\u201cThis is no longer a trade dispute,\u201d said Jane Roe, Senior Analyst at Harbor Wealth.\n\n" + closing,
        tail_apart=True,
    )
    assert parsed.company == company


ROWE_ABOUT = (
    "About Rowe Law Firm\n\nDana J. Rowe, founder of Rowe Law Firm, gained experience as in-house counsel and COO of a "
    "corporation. He has practised business law since 1992 with a focus on service."
)


@pytest.mark.parametrize(
    "lede, headline, tail, company",
    [
        # A currency the lede's apposition names is no issuer, nor is the headline's spelling of it.
        (
            "Quillcoin, the pioneering cryptocurrency, is marking its tenth anniversary. Since 2015, Quillcoin has grown.",
            "Quillcoin Celebrates Ten Years",
            "As Quillcoin celebrates, the industry grows.",
            None,
        ),
        # A token's own project, which the release's web address spells, issues it.
        (
            "Quillcoin, the pioneering cryptocurrency, is marking its tenth anniversary. Since 2015, Quillcoin has grown.",
            "Quillcoin Celebrates Ten Years",
            "As Quillcoin celebrates, the industry grows. Visit https://quillcoin.io to join.",
            "Quillcoin",
        ),
        # A company's apposition: the subject stays.
        (
            "Quillcoin, the pioneering payments company, is marking its tenth anniversary. Quillcoin has grown.",
            "Quillcoin Celebrates Ten Years",
            "As Quillcoin celebrates, the industry grows.",
            "Quillcoin",
        ),
        # A plural joined to lower-case plurals opens the lede: the firm its About section presents issues (a firm's
        # About whose text speaks of its founder as "He" presents the firm, not a person).
        (
            "Start-ups and small businesses may benefit from hiring a lawyer at various stages of their development. "
            '"A good business attorney can offer guidance," says Attorney Dana Rowe.',
            "When Do Start-ups or Small Businesses Need to Hire a Lawyer?",
            ROWE_ABOUT,
            "Rowe Law Firm",
        ),
    ],
)
def test_a_currency_or_a_plural_noun_is_no_issuer(lede: str, headline: str, tail: str, company: str | None) -> None:
    assert wire(lede, headline, tail, tail_apart=True).company == company


@pytest.mark.parametrize(
    "headline, company",
    [
        # The headline names the organisation the lede prints before its leader's title.
        ("Crowds of 9,000 Gather for Worship at Harbor Light Church of Grace", "Harbor Light Church of Grace"),
        # The headline does not name it: no one.
        ("Crowds of 9,000 Gather for Sunday Worship", None),
    ],
)
def test_a_nameless_release_is_its_leaders_organisation_the_headline_names(headline: str, company: str | None) -> None:
    parsed = wire(
        "In Cheongju, South Korea, around 9,000 people gathered for worship on September 8th. Believers came to listen "
        "to the words of Harbor Light Church of Grace Chairman Lee Man-hee.",
        headline,
        '"This word is life," Chairman Lee said.',
    )
    assert parsed.company == company


@pytest.mark.parametrize(
    "headline, about, company",
    [
        # A product's About naming its maker by a possessive, the maker named in the headline: the maker.
        (
            "How Quillworks's ShieldPilot Could Have Stopped the Breach",
            "About ShieldPilot\n\nShieldPilot is Quillworks LLC's AI safety platform, the first to stop such attacks.",
            "Quillworks LLC",
        ),
        # The maker by its legal form, the headline naming it or not.
        (
            "How ShieldPilot Could Have Stopped the Breach",
            "About ShieldPilot\n\nShieldPilot is Quillworks LLC's AI safety platform, the first to stop such attacks.",
            "Quillworks LLC",
        ),
        # Neither a legal form nor the headline's possessive (a network the platform runs on), or a possessive that
        # is no product's: the section's own name.
        (
            "How ShieldPilot Could Have Stopped the Breach",
            "About ShieldPilot\n\nShieldPilot is Quillnet's decentralized lending platform for all.",
            "ShieldPilot",
        ),
        (
            "How Quillworks's ShieldPilot Could Have Stopped the Breach",
            "About ShieldPilot\n\nShieldPilot is Boston's leading security firm, founded in 2001.",
            "ShieldPilot",
        ),
    ],
)
def test_a_products_about_section_presents_its_maker(headline: str, about: str, company: str) -> None:
    parsed = wire(
        "At a Glance: 200,000 devices wiped in 79 countries, with zero alarms across all vendors.",
        headline,
        about,
        tail_apart=True,
    )
    assert parsed.company == company


@pytest.mark.parametrize(
    "tail, company",
    [
        # A nameless release presenting a person's work by a possessive, the person quoted by surname: the person.
        ('"It was a rollercoaster," confesses Roe. Fans of Roe will laugh.', "Jane Roe"),
        # Named once only, or never quoted by surname (a place: "Orange Mound's"): no one.
        ("Fans will laugh.", None),
        ("Fans of Roe will laugh. Roe and the Roe family.", None),
    ],
)
def test_a_nameless_release_is_the_person_whose_work_its_headline_presents(tail: str, company: str | None) -> None:
    parsed = wire(
        '"To Guard and to Mend," the new podcast hosted by police veteran Jane Roe, has finally arrived.',
        '"To Guard and to Mend": Jane Roe\'s New Podcast Lands a One-Two Punch',
        tail,
    )
    assert parsed.company == company


@pytest.mark.parametrize(
    "name, lede, spelled",
    [
        # A heading's spelling with fewer capitals than the lede's: the lede's.
        (
            "Hfx Car and Toy Museum",
            "Fort Worth's newest museum, the HFX Car and Toy Museum, opens.",
            "HFX Car and Toy Museum",
        ),
        # The lede's with fewer capitals, the same spelling, or none: the name as read.
        ("HFX Car Museum", "The Hfx Car Museum opens.", "HFX Car Museum"),
        ("HFX Car Museum", "The HFX Car Museum opens.", "HFX Car Museum"),
        ("HFX Car Museum", "A museum opens.", "HFX Car Museum"),
        ("Quillpik", "QUILLPIK LAUNCHES ITS TOUR TODAY", "Quillpik"),
    ],
)
def test_a_name_read_from_a_heading_takes_the_ledes_capitals(name: str, lede: str, spelled: str) -> None:
    assert lede_case(name, lede) == spelled
