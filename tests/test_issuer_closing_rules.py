"""Issuer rules of issue 17's fourth round, read from parts of a release other rules skipped: an About heading run
into its text, a closing sentence presenting the issuer, a lede that describes the issuer before naming it or
opens with a date, and an event's organiser. Small releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.authorship import (
    closing_about,
    closing_credit,
    event_organiser,
    first_name_employer,
    glued_abouts,
    named_abouts,
    slashed_issuer,
)
from indexer.parse.issuer import find_issuer
from indexer.parse.names import leading_name
from indexer.parse.sections import About


def release(body: str, headline: str):
    (parsed,) = parse_bytes("release.md", f"# {headline}\n\n{body}\n".encode())
    return parsed


@pytest.mark.parametrize("name", ["Law Group of Iowa", "Harbour Street Bakers", "Quill & Anchor Studio"])
def test_an_about_heading_run_into_its_text_names_the_issuer(name):
    parsed = release(
        f"Jane Roe, lead partner with {name}, was a recent guest on a podcast about old mysteries.\n\n"
        f"She talked about evidence for an hour.\n\nAbout The {name} The {name} is a firm serving clients "
        "across the state.",
        headline="Applying Trial Logic to an Old Mystery",
    )
    assert parsed.company == name


@pytest.mark.parametrize(
    ("programme", "runner"),
    [("Acme Academic Scholarship", "Acme Injury Lawyers LLP"), ("Bright Futures Award", "Orchard Health Inc.")],
)
def test_a_programmes_about_section_names_who_runs_it(programme, runner):
    text = f"A winner spoke.\n\nAbout the {programme} Every year, {runner} presents a scholarship to a student."
    assert [a.name for a in glued_abouts(text)] == [runner]


def test_an_about_heading_for_a_person_or_a_place_is_no_issuer():
    assert glued_abouts("Intro text here.\n\nAbout Texas Texas is a large state with many towns.") == []


@pytest.mark.parametrize(
    ("sentence", "domain", "found"),
    [
        ("Avenue Aesthetic and Reconstructive Surgery is home to Dr. Jane Roe.", "avenueaesthetics.com", True),
        ("Total Publishing And Media offers the full range of book services.", "TotalPublishingandMedia.com", True),
        ("Northwind Gas Utilities, Inc. is a natural gas utility.", "example.org", True),
        ("Bright Harbor Cafe offers coffee all day long.", "example.org", False),
    ],
)
def test_a_closing_sentence_presenting_a_name_tied_to_the_domain_or_a_legal_form_is_an_about(sentence, domain, found):
    text = f"Opening words of the story.\n\nMore words about the product line.\n\n{sentence} Visit www.{domain}"
    about = closing_about(text, set())
    assert (about is not None) is found
    if found:
        assert sentence.startswith(about.name)


def test_a_closing_sentence_gives_the_issuer_when_the_lede_names_none():
    parsed = release(
        "ATHENS, GA, May 07, 2025 /24-7PressRelease/ -- For patients who grind their teeth, injections can bring "
        "relief.\n\nThe treatment takes about 15 minutes.\n\nFor more information, visit "
        "https://www.avenueaesthetics.com/ or call us. Avenue Aesthetic and Reconstructive Surgery is home to "
        "Dr. Jane Roe, a board-certified surgeon.",
        headline="The Pros and Cons of Jaw Injections",
    )
    assert parsed.company == "Avenue Aesthetic and Reconstructive Surgery"


def test_under_a_byline_the_closing_sentence_is_the_publishers():
    lede = "The trading floor has been the heart of markets for decades."
    text = (
        f"By Tradewell\n\n{lede}\n\nOther words.\n\n"
        "Marketwise Media is a leading financial media provider. Visit https://www.marketwisemedia.com"
    )
    company, _ = find_issuer(headline="How the Trading Floor Survives", lede=lede, text=text, abouts=[])
    assert company == "Tradewell"


@pytest.mark.parametrize(
    ("lede", "name"),
    [
        ("The Mexican startup Nufi, specialized in identity checks, announced today a seed round.", "Nufi"),
        ("A Denver-based nonprofit Open Trails, which builds paths, said today it had raised funds.", "Open Trails"),
        ("On Saturday, October 4, 2025, the National Blues Museum in St. Louis will present an award.",
         "National Blues Museum"),
        ("Every year, Acme Injury Lawyers LLP presents a scholarship.", "Acme Injury Lawyers LLP"),
        ("The company announced today a new plan.", "The"),
    ],
)  # fmt: skip
def test_a_lede_that_describes_or_dates_before_naming_still_yields_the_name(lede, name):
    assert leading_name(lede) == name


@pytest.mark.parametrize(
    ("lede", "organiser"),
    [
        ("The 26th Water, Energy, Technology, and Environment Exhibition (WETEX) will feature 21 pavilions. Organised "
         "by Dubai Electricity and Water Authority (DEWA), WETEX runs from 1 to 3 October.",
         "Dubai Electricity and Water Authority"),
        ("The Harbour Food Festival returns in May, hosted by the Harbour Chamber of Commerce.",
         "Harbour Chamber of Commerce"),
        ("Acme Widgets will show its new arm at a webinar hosted by Beta Bank.", None),
    ],
)  # fmt: skip
def test_an_events_organiser_issues_its_release(lede, organiser):
    assert event_organiser(leading_name(lede), lede) == organiser


def test_the_headline_spelling_of_a_spaced_out_name_wins():
    parsed = release(
        "WUHAN, CHINA, July 29, 2025 /24-7PressRelease/ -- These housings withstand high pressures.\n\nMore details "
        "on the range.\n\nBrother Filtration is a trusted manufacturer of filters. Contact ventas@brotherfiltration.com",
        headline="Brotherfiltration Industrial Filtration Solutions: Steel Housings",
    )
    assert parsed.company == "Brotherfiltration"


@pytest.mark.parametrize(
    ("closing", "sponsor"),
    [
        ("Photo courtesy of Getty Images Source: Northfield Heart Society Family Features", "Northfield Heart Society"),
        ("Learn more at the website. Source: Orchard Growers Council", "Orchard Growers Council"),
        ("Source: https://example.org/report", None),
        ("Nothing credits anyone here.", None),
    ],
)
def test_a_closing_source_credit_names_the_sponsor_not_the_syndicate(closing, sponsor):
    assert closing_credit(f"Tips for a safe summer.\n\n{closing}") == sponsor


def test_a_syndicated_feature_is_issued_by_its_credited_sponsor():
    parsed = release(
        "MISSION, KS — June 24, 2025 — With school out for summer, children need safe play.\n\nKeep a kit at hand."
        "\n\nPhoto courtesy of Getty Images Source: Northfield Heart Society Family Features",
        headline="Make Summer Safe",
    )
    assert parsed.company == "Northfield Heart Society"


@pytest.mark.parametrize(
    ("lede", "issuer"),
    [
        ("denton, United States - June 22, 2026 / Affordable Dentist Near me of Denton /",
         "Affordable Dentist Near me of Denton"),
        ("brooklyn, United States - February 24, 2025 / Dream Space Venues /", "Dream Space Venues"),
        ("Acme Widgets / the new arm / ships in May", None),
    ],
)  # fmt: skip
def test_a_lede_that_is_a_slashed_dateline_names_the_issuer(lede, issuer):
    assert slashed_issuer(lede) == issuer


@pytest.mark.parametrize(
    ("lede", "name"),
    [
        ("Home2 Suites by Hilton proudly announces the opening of a hotel.", "Home2 Suites by Hilton"),
        ("Courtyard by Marriott opens a hotel downtown.", "Courtyard by Marriott"),
        ("Acme Widgets by Jane Doe said the arm ships in May.", "Acme Widgets"),
        ("Acme Corp. acquired by Beta Inc. announces a plan.", "Acme Corp."),
    ],
)
def test_a_brand_by_its_owner_before_the_verb_is_one_name(lede, name):
    assert leading_name(lede) == name


@pytest.mark.parametrize(
    ("closing", "name"),
    [
        ("To explore homes on the island, contact the Brenner Scheel & Casey Team at example.com.",
         "Brenner Scheel & Casey Team"),
        ("For a free review, call Harbor Injury Lawyers today.", "Harbor Injury Lawyers"),
        ("For interviews, contact Jenny Caven at jenny@example.org.", None),
    ],
)  # fmt: skip
def test_a_closing_call_to_contact_a_business_names_it(closing, name):
    about = closing_about(f"Story words about the market.\n\nMore words about the market.\n\n{closing}", set())
    assert (about.name if about else None) == name


@pytest.mark.parametrize(
    ("heading", "body", "company"),
    [
        ("About the Provider:", "Headwaters Hospice and Palliative Care is a locally owned provider.",
         "Headwaters Hospice and Palliative Care"),
        ("About the Company", "Orchard Robotics, Inc. builds picking arms.", "Orchard Robotics, Inc."),
    ],
)  # fmt: skip
def test_a_generic_about_heading_takes_the_name_its_text_opens_with(heading, body, company):
    text = f"Opening story.\n\n{heading}\n\n{body}"
    assert [a.name for a in named_abouts([About(heading.removeprefix("About ").strip(" :"), "")], text)] == [company]


def test_an_about_heading_with_a_first_name_presents_a_person_not_the_issuer():
    parsed = release(
        "The Golden State Storm, the newest expansion team in the league, has announced the addition of Jay Paterno "
        "to its Advisory Board.\n\nMore words on the board.\n\nAbout Jay: Jay Paterno is an author and coach.",
        headline="Jay Paterno Joins Advisory Board of Golden State Storm",
    )
    assert parsed.company == "Golden State Storm"


@pytest.mark.parametrize(
    ("headline", "company"),
    [
        ("Stephanie Vanderbilt of Coastal Windows & Exteriors Featured on a Website", "Coastal Windows & Exteriors"),
        ("Maria Lopez of Harbor Realty Group Named Agent of the Year", "Harbor Realty Group"),
        ("Acme Widgets Opens a Plant", "Acme"),
    ],
)
def test_a_first_name_read_as_the_company_gives_way_to_the_persons_organisation(headline, company):
    assert first_name_employer(headline.split()[0], headline, "A story with no names in it.") == company


@pytest.mark.parametrize("name", ["Learning.com", "Thinking.io", "Acme.com"])
def test_a_web_address_name_opens_the_lede_after_a_clause(name):
    parsed = release(
        f"As the world observes Awareness Month this May, {name}, a leading provider of lessons, is taking steps "
        f"to help. Visit https://www.{name.lower()} for more.\n\nMore about the plan.",
        headline=f"From Awareness to Action: {name}'s Commitment",
    )
    assert parsed.company == name


def test_an_about_heading_run_into_a_clause_keeps_the_name_alone():
    text = "Story.\n\nAbout Learning.com At Learning.com, we believe every student deserves lessons."
    assert all(a.name != "Learning.com At" for a in glued_abouts(text))


@pytest.mark.parametrize("title", ["The Winter Sports Move South (1937)", "Mending Fishing Nets (1955)"])
def test_a_quoted_works_title_opening_the_lede_is_no_company(title):
    parsed = release(
        f"{title} Deer Valley, PA., to be goal of weekending ski trips. There is snow enough in the valley.",
        headline=f"\u201c{title}\u201d \u2013 A. Aubrey Bodine",
    )
    assert parsed.company is None or title.removeprefix("The ").split(" (")[0] not in parsed.company


@pytest.mark.parametrize(
    "headline",
    [
        "Jane Roe Joins Acme Board of Directors",
        "Acme Council of Advisors Welcomes Jane Roe",
        "Jane Roe Named to Acme Board of Trustees",
    ],
)
def test_a_one_word_company_before_its_governing_body_is_no_first_name(headline):
    assert first_name_employer("Acme", headline, "Acme today named Jane Roe to its board.") == "Acme"


@pytest.mark.parametrize(
    ("opening", "company"),
    [
        ("The Supervisory Board of Orbit Medical AG has appointed Jane Roe as CEO.", "Orbit Medical AG"),
        ("The Executive Board of Orbit Medical SE has approved a dividend.", "Orbit Medical SE"),
        ("The Management Board of Orbit Medical N.V. has named Jane Roe CFO.", "Orbit Medical N.V."),
    ],
)
def test_a_governing_body_opening_the_lede_speaks_for_its_company(opening, company):
    assert release(f"{opening}\n\nMore follows.", headline="A Change at the Top").company == company


@pytest.mark.parametrize(
    "headline",
    [
        'Orbit Wire Revolutionizes Distribution with Launch of "Orbit Wire Louder"',
        "Orbit Wire Unveils \u201cOrbit Wire Plus\u201d for Newsrooms",
    ],
)
def test_a_company_named_before_its_products_quoted_title_is_still_the_subject(headline):
    parsed = release(
        "Orbit Wire, a pioneer of the newswire industry, in partnership with Loud.ai, a media platform, today "
        "announced a new service.\n\nMore follows here.\n\nAbout Loud.ai\nLoud.ai is a media platform.\n\n"
        "About Orbit Wire\nOrbit Wire is a newswire.",
        headline=headline,
    )
    assert parsed.company == "Orbit Wire"
