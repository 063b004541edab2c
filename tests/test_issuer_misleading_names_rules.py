"""Issuer rules for names that mislead the issuer reader (issue 17's eighteenth round, read from blind-12): a data
citation's "Source:" line, a summary's heading opening the lede, a name read on past its possessive, an author's
possessive headline, an About heading opened by a participle's clause, a thing the lede's subject names for the
organisation that offers it, and a locality. Small releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest
from wire_release import wire

from indexer.parse.authors import headline_author
from indexer.parse.authorship import closing_about, glued_abouts
from indexer.parse.corroboration import issuer_of_record, thing_maker
from indexer.parse.name_extents import possessive_cut
from indexer.parse.places import named_as_place, unless_place
from indexer.parse.sections import About
from indexer.parse.subject import without_event_tag

_RANKS = "Brands:\n\n* Crispo - The #1 Pork Rind Brand\n\n"


@pytest.mark.parametrize(
    "name, text, kept",
    [
        # A citation under a list, an About heading after it, its name printed nowhere else: no issuer of record.
        (
            "Panelytics Scan - Mulo+ L52wks ending 2/23/25",
            f"{_RANKS}Source: Panelytics Scan - Mulo+ L52wks ending 2/23/25\n\nMore.\n\nAbout Orvane Snacks\n\nOrvane ...",
            None,
        ),
        ("Kestrel Data", f"{_RANKS}Source: Kestrel Data\n\nAbout Orvane Snacks\n\nOrvane Snacks is ...", None),
        # At the end, or printed elsewhere too: the issuer of record.
        (
            "Orvane Snacks",
            "Orvane Snacks grew.\n\nAbout Orvane Snacks\n\nOrvane ...\n\nSOURCE Orvane Snacks",
            "Orvane Snacks",
        ),
        ("Kestrel Data", "News.\n\nAbout Kestrel Data\n\nKestrel Data is ...\n\nSource: Kestrel Data", "Kestrel Data"),
        ("Kestrel Data", "News.\n\nSource: Kestrel Data", "Kestrel Data"),
        (None, "About Orvane", None),
    ],
)
def test_a_source_line_citing_a_figure_is_no_issuer_of_record(name: str | None, text: str, kept: str | None) -> None:
    assert issuer_of_record(name, text) == kept


def test_a_figures_source_line_leaves_the_issuer_its_about_names() -> None:
    tail = (
        "Brands:\n\n* Crispo - The #1 Pork Rind Brand\n\nSource: Panelytics Scan - Mulo+ L52wks ending 2/23/25\n\n"
        "About Orvane Snacks\n\nOrvane Snacks is a snack company.\n\nAbout Windrose Partners\n\nWindrose is a fund."
    )
    lede = "Crisp Holdings and Palmera Foods unveiled their new name: Orvane Snacks, a leader in snacks."
    parsed = wire(lede, "Crisp Holdings and Palmera Foods are now Orvane Snacks", tail, tail_apart=True)
    assert parsed.company == "Orvane Snacks"


@pytest.mark.parametrize(
    "lede, opening",
    [
        (
            "Quill SecureX Summary:Harbor Summit 2020 -- Quill, the leader in security, today unveiled ...",
            "Quill, the leader",
        ),
        ("Acme Widget Highlights: CES 2019 \u2014 Acme Widgets, Inc. today reported ...", "Acme Widgets, Inc."),
        # No event's tag after the heading, or no summary's heading before the tag: as printed.
        ("News Summary:Lumen Live 2020 Barcelona opens today ...", "News Summary:Lumen Live"),
        ("Key Takeaways: Lumen Labs today ...", "Key Takeaways"),
        ("Quill Summary Services, Inc. today announced ...", "Quill Summary Services"),
    ],
)
def test_a_summarys_heading_opening_the_lede_names_no_one(lede: str, opening: str) -> None:
    assert without_event_tag(lede).startswith(opening)


def test_a_summarys_heading_leaves_the_lede_its_subject() -> None:
    lede = "Quill SecureX Summary:Harbor Summit 2020 -- Quill, the leader in enterprise security, today unveiled ..."
    tail = "Quill is the worldwide technology leader.\n\nSOURCE Quill"
    assert wire(lede, "Quill Simplifies Security", tail, tail_apart=True).company == "Quill"


@pytest.mark.parametrize(
    "name, text, cut",
    [
        (
            "Owlcredit.com\u2019s 2024",
            "Owlcredit.com\u2019s 2024 survey ... chairman of Owlcredit.com. Owlcredit.com is ...",
            "Owlcredit.com",
        ),
        (
            "Harbor Mint's Spring",
            "Harbor Mint's Spring sale ... Harbor Mint is a mint. Contact Harbor Mint.",
            "Harbor Mint",
        ),
        # The owner printed alone once, or only with its possessive, or a legal form: the name as read.
        ("Harbor Mint's Spring", "Harbor Mint's Spring sale ... Harbor Mint is a mint.", "Harbor Mint's Spring"),
        ("Macy's Home Store", "Macy's Home Store opens. Macy's says ... Macy's Home Store is ...", "Macy's Home Store"),
        ("Dune's Kitchen Inc.", "Dune's Kitchen Inc. opens. Dune is here. Dune said.", "Dune's Kitchen Inc."),
        ("Harbor Mint", "Harbor Mint is a mint.", "Harbor Mint"),
        # What the possessive owns is a body of its own: kept.
        (
            "Lake Rowan ISD\u2019s Education Foundation",
            "Lake Rowan ISD said. Lake Rowan ISD is ...",
            "Lake Rowan ISD\u2019s Education Foundation",
        ),
        (
            "Port Vale's Government Flying Service",
            "Port Vale said. Port Vale is ...",
            "Port Vale's Government Flying Service",
        ),
        (None, "", None),
    ],
)
def test_a_name_read_on_past_its_possessive_is_its_owner(name: str | None, text: str, cut: str | None) -> None:
    assert possessive_cut(name, text) == cut


def test_a_survey_opening_with_its_owners_possessive_is_the_owners() -> None:
    lede = "Owlcredit.com\u2019s 2024 budgeting survey, which polled 1,000 Americans, paints a complex picture."
    tail = "Owlcredit.com is a consumer website. Owlcredit.com works with vetted providers."
    assert wire(lede, "More Americans Budget", tail, tail_apart=True).company == "Owlcredit.com"


@pytest.mark.parametrize(
    "headline, author",
    [
        ("Author Dana Moss's book Lost Harbors: The House Unveils a Journey", "Dana Moss"),
        ("Author Dana Moss\u2019s novel Quiet Tides Arrives", "Dana Moss"),
        ("Bestselling Author Dana Moss's New Book, Quiet Tides, Arrives", "Dana Moss"),
        # No work word after the possessive: no author.
        ("Dana Moss's Bakery Opens Downtown", None),
    ],
)
def test_an_authors_possessive_book_headline_names_the_author(headline: str, author: str | None) -> None:
    assert headline_author(headline) == author


def test_a_book_release_under_an_authors_possessive_is_the_authors() -> None:
    lede = "It takes the reader into a world of spirits. Dana Moss is a first-time author who lives in Springfield."
    assert wire(lede, "Author Dana Moss's book Lost Harbors Unveils a Journey").company == "Dana Moss"


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "... with confidence.  About Quillcourse\u00ae  Recognized as a Top Learning Provider for 2025 and a "
            "four-time Stevie\u00ae Award Winner, Quillcourse is a trusted leader in online education.",
            "Quillcourse",
        ),
        (
            "... done.  About Harbor Learning  Ranked among the best schools in Ohio, Harbor Learning is a school.",
            "Harbor Learning",
        ),
        # The clause's name is another's: no heading read there.
        ("... done.  About Harbor Learning  Ranked among the best, Ohio State is a school in Ohio.", None),
    ],
)
def test_an_about_heading_opened_by_a_participles_clause_is_read(text: str, name: str | None) -> None:
    found = glued_abouts(text)
    assert (found[0].name if found else None) == name


@pytest.mark.parametrize(
    "subject, lede, abouts, maker",
    [
        (
            "2025 Annual Tax Refresher",
            "The 2025 Annual Tax Refresher (ATR) course is now available from Quillcourse, a leading provider.",
            ["Quillcourse"],
            "Quillcourse",
        ),
        ("Harbor Planner", "The Harbor Planner app is out from Lumen Labs today.", ["Lumen Labs"], "Lumen Labs"),
        # The subject itself acting, the About's name not in the lede, or no About: the subject stays.
        ("Harbor Planner", "Harbor Planner today launched an app with Lumen Labs.", ["Lumen Labs"], None),
        ("Harbor Planner", "The Harbor Planner app is out today.", ["Lumen Labs"], None),
        ("Harbor Planner", "The Harbor Planner app is out from Lumen Labs.", [], None),
        # An About naming another thing the sentence lists, not the one offering it: no maker.
        ("Phase 2", "Phase 2 trial will evaluate inhibitor Quelix and virus Voyant-V1; ...", ["Voyant-V1"], None),
    ],
)
def test_a_thing_the_ledes_subject_names_is_its_makers(
    subject: str, lede: str, abouts: list[str], maker: str | None
) -> None:
    assert thing_maker(subject, lede, [About(name, "") for name in abouts]) == maker


def test_a_course_available_from_an_organisation_is_the_organisations() -> None:
    lede = (
        "The 2025 Annual Tax Refresher (ATR) course is now available from Quillcourse, a leading provider of training."
    )
    tail = (
        "About Quillcourse\u00ae  Recognized as a Top Learning Provider, Quillcourse is a trusted leader in education."
    )
    assert wire(lede, "2025 Annual Tax Refresher Course Now Available from Quillcourse", tail).company == "Quillcourse"


@pytest.mark.parametrize(
    "name, text, place",
    [
        ("Valdora", "The driving group formed by the Municipality of Valdora, Acme and ...", True),
        ("Valdora", "Tourists in the City of Valdora.", True),
        # The government itself, a longer name after it, or no locality's style: a name.
        ("City of Valdora", "The City of Valdora announced ...", False),
        ("Valdora", "The Municipality of Valdora Springs and Valdora ...", False),
        ("Valdora", "Valdora Foods grew.", False),
    ],
)
def test_a_name_the_text_styles_a_locality_is_a_place(name: str, text: str, place: bool) -> None:
    assert named_as_place(name, text) is place
    assert unless_place(name, text) == (None if place else name)


def test_a_place_the_headline_opens_with_yields_to_the_releases_domain() -> None:
    lede = (
        "Today, June 27, the Historic Sanctuary of Valdora, in the Cusco region, has again received the certificate. "
        "The allied group formed by TURIVAL and the Municipality of Valdora joined. TURIVAL continues its work."
    )
    tail = "Contact Details\n\nJane Roe\n\njroe@turival.gob.pe"
    parsed = wire(lede, "Valdora is the only wonder to have Carbon Neutral certification", tail, tail_apart=True)
    assert parsed.company == "TURIVAL"


@pytest.mark.parametrize(
    "tail, company",
    [
        (
            "Location: Lotus Gate Meditation Center, 12 Dora Lane. More info: lotusgatemeditationcenter.org",
            "Lotus Gate Meditation Center",
        ),
        # One word spelled, or the name printed once: no one.
        ("Location: Lotusgate, 12 Dora Lane. More info: lotusgate.org", None),
        ("Location: 12 Dora Lane. More info: lotusgatemeditationcenter.org", None),
    ],
)
def test_a_bare_web_address_names_a_release_no_one_else_names(tail: str, company: str | None) -> None:
    lede = "In a quiet corner of Sugar Land, sits a sanctuary. At the Lotus Gate Meditation Center, visitors meditate."
    if company is None:
        lede = "In a quiet corner of Sugar Land, sits a sanctuary. At the Lotusgate, visitors meditate."
    assert wire(lede, "A Living Teacher in Texas?", tail, tail_apart=True).company == company


@pytest.mark.parametrize(
    "closing, name",
    [
        (
            "Dana Moss #harborfaith #mossministries Harbor Faith United is a global faith-based movement.",
            "Harbor Faith United",
        ),
        (
            "Follow us #harborfaith Harbor Faith United is a ministry dedicated to unity across nations.",
            "Harbor Faith United",
        ),
        # No presenting predicate after the hashtags: no closing About.
        ("Dana Moss #harborfaith #mossministries Harbor Faith United prays for unity across nations.", None),
    ],
)
def test_a_closing_sentence_after_hashtags_presents_the_issuer(closing: str, name: str | None) -> None:
    text = "Heavenly Father, we are grateful for the bond that we share as believers.\n\n" + closing
    about = closing_about(text, set())
    assert (about.name if about else None) == name


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Birch Law Firm helps. Birch Law Firm works with both.  About Birch Law Firm Attorney Kevin Birch holds "
            "dual roles as a lawyer and accountant.",
            "Birch Law Firm",
        ),
        # Printed once elsewhere only, or no organisation's word ending it: no heading read there.
        ("Birch Law Firm helps.  About Birch Law Firm Attorney Kevin Birch holds dual roles as a lawyer.", None),
        ("Kevin Birch helps. Kevin Birch works.  About Kevin Birch Attorney Kevin Birch holds dual roles here.", None),
        # No person's title after the name: not this rule's heading.
        ("Harbor Group runs. Harbor Group owns.  About Harbor Group and 1/ST Harbor Group is a company here.", None),
    ],
)
def test_an_about_heading_run_into_a_persons_title_names_the_organisation_printed_elsewhere(
    text: str, name: str | None
) -> None:
    found = glued_abouts(text)
    assert (found[0].name if found else None) == name
