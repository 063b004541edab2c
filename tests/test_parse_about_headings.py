"""About headings read as an export prints them: shouted role headings, and headings set off by a run of spaces."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.cleanup import _SPACED_ABOUT_RE, _split_spaced_abouts, split_paragraphs_spaced
from indexer.parse.names import leading_name

# A 24-7PressRelease-style body: paragraphs marked by runs of spaces inside one line.
LEDE = (
    "SPRINGFIELD, IL, March 4, 2025 /24-7PressRelease/ -- Choosing a dentist for a child is easier with a plan.  "
    "Parents should look for training, experience and a friendly office.  "
)


@pytest.mark.parametrize("name", ["Acme Dental Group", "Widget Kids Orthodontics", "Acme"])
def test_an_about_heading_set_off_by_a_run_of_spaces_names_the_issuer(name):
    text = f"# A Full Guide to Choosing a Dentist for Kids\n\n{LEDE}About {name}  Springfield, Illinois dentists Dr. Ann Lee and Dr. Bo Kim offer care for children.  Call 555-0100.\n"
    [release] = parse_bytes("feed/2025/0304/guide.md", text.encode())
    assert release.company == name


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        (
            "Done.  About Acme Dental  Acme Dental is a practice.",
            ["Done.", "About Acme Dental", "Acme Dental is a practice."],
        ),
        # "About Us" names no one; a sentence that starts with "About" and a number is no heading
        ("Done.  About Us  We are a practice.", ["Done.", "About Us  We are a practice."]),
        ("Done.  About 200 people came  They stayed.", ["Done.", "About 200 people came  They stayed."]),
    ],
)
def test_split_paragraphs_spaced_sets_an_about_heading_apart(text, paragraphs):
    assert split_paragraphs_spaced(text)[0] == paragraphs


@pytest.mark.parametrize("heading", ["ABOUT THE AUTHOR:", "ABOUT THE COMPANY:", "About the Author:"])
def test_a_shouted_role_heading_is_no_company_name(heading):
    text = (
        "# Widget Press Names Its Book of the Year\n\n"
        "SPRINGFIELD, IL, March 4, 2025 /24-7PressRelease/ -- Widget Press today named its book of the year.\n\n"
        f"{heading}\n\nJane Q. Doe is a celebrated author of three novels.\n"
    )
    [release] = parse_bytes("feed/2025/0304/book.md", text.encode())
    assert release.company not in ("THE AUTHOR", "THE COMPANY", "AUTHOR", "COMPANY")
    assert release.company == "Widget Press"


@pytest.mark.parametrize(
    ("opening", "name"),
    [
        ("Based in Springfield, Acme Law LLC serves clients across the county.", "Acme Law LLC"),
        ("Headquartered in Springfield, Widgetron makes widgets.", "Widgetron"),
        ("Founded in 1990, Acme Dental Group treats children.", "Acme Dental Group"),
        ("Based Industries makes widgets.", "Based Industries"),  # a name, not an opener
    ],
)
def test_a_where_or_when_founded_opener_is_passed_over_for_the_name(opening, name):
    assert leading_name(opening) == name


def test_a_shouted_our_firm_heading_set_off_by_spaces_takes_the_name_its_text_opens_with():
    text = (
        "# Best Law Firm in the County Named for 2025\n\n"
        "SPRINGFIELD, IL, March 4, 2025 /24-7PressRelease/ -- Readers of the Springfield Gazette voted in the annual poll.  "
        "ABOUT OUR FIRM  Based in Springfield, Acme Law LLC serves injured workers across the county.  Call 555-0100.\n"
    )
    [release] = parse_bytes("feed/2025/0304/firm.md", text.encode())
    assert release.company == "Acme Law LLC"


@pytest.mark.parametrize(
    "text",
    [
        "Done.\nAbout Acme Dental  Acme Dental is a practice.\nABOUT WIDGET CO  Widget Co makes widgets.",
        "About Acme  Acme is a firm.\n  About Beta Labs   Beta Labs tests.\nWe talked About Gamma  Gamma said so.",
        "About Us  We are a firm.\nAbout\nAcme Dental  Acme Dental is a practice.\nABOUT  Nothing here.",
        "No heading at all.  About the same as before.",
        "",
    ],
)
def test_spaced_about_headings_are_split_as_the_heading_pattern_splits_them(text):
    assert _split_spaced_abouts(text) == _SPACED_ABOUT_RE.sub(r"\1\n\n", text)
    assert _split_spaced_abouts(text).count("\n\n") == len(_SPACED_ABOUT_RE.findall(text))


@pytest.mark.parametrize(
    ("tail", "company"),
    [
        # The heading's name printed again by its opening words, as HTML shows a 24-7PressRelease body run together.
        ("says a client. About Quill & Roe Law Firm Quill & Roe is an Ohio law firm.", "Quill & Roe Law Firm"),
        ("says a client. About Widgetron Robotics Widgetron's engineers build arms.", "Widgetron Robotics"),
        ("says a client. About Acme Dental Group Acme Dental Group is a practice.", "Acme Dental Group"),
    ],
)
def test_an_about_heading_run_into_prose_is_known_by_its_names_opening_printed_again(tail, company):
    html = (
        '<HTML><BODY><P ALIGN="center"><B>How Long Does a Widget Claim Take in Ohio?</B></P>\n<P>DAYTON, OH, '
        "October 10, 2024 /24-7PressRelease/ -- The time a claim takes depends on the defect and on the parties. "
        f'"I am grateful for the settlement," {tail.replace("&", "&amp;")} The firm serves the state.</P></BODY></HTML>'
    )
    [release] = parse_bytes("exhibits/claim.htm", html.encode())
    assert release.company == company


@pytest.mark.parametrize(
    "tail",
    [
        "says a client. About Town Hall meetings, the mayor said little.",  # no name printed again
        "says a client. About 40 Widgetron staff came, Widgetron said.",  # a number is no name
    ],
)
def test_a_sentence_opening_with_about_is_no_heading(tail):
    from indexer.parse.sections import unglue_abouts

    assert unglue_abouts([tail]) == [tail]


def test_a_topic_heading_run_into_prose_is_not_split_by_its_opening_words():
    from indexer.parse.sections import unglue_abouts

    text = "Ranked by peers. About the Acme Lawyers Selection Methodology Acme Lawyers, a rating service, lists firms."
    assert unglue_abouts([text]) == [text]
    whole = "Ranked by peers. About the Acme Group Acme Group makes widgets."
    assert unglue_abouts([whole]) == ["Ranked by peers.", "About the Acme Group", "Acme Group makes widgets."]


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        (
            "Visit www.acme.com/. About Jane Q. de Roe: Author Jane Q. de Roe writes.",
            ["Visit www.acme.com/.", "About Jane Q. de Roe:", "Author Jane Q. de Roe writes."],
        ),
        (
            "At scale. About Acme Char: Acme Char sells char. Planned. About Widget Group, LLC: Widget Group insures.",
            [
                "At scale.",
                "About Acme Char:",
                "Acme Char sells char. Planned.",
                "About Widget Group, LLC:",
                "Widget Group insures.",
            ],
        ),
        ("Done. About Us: We are a firm.", ["Done. About Us: We are a firm."]),
        ("Done. About 2024: A year of growth.", ["Done. About 2024: A year of growth."]),
    ],
)
def test_an_about_heading_a_colon_closes_run_into_prose_is_split_off(text, paragraphs):
    from indexer.parse.sections import unglue_abouts

    assert unglue_abouts([text]) == paragraphs
