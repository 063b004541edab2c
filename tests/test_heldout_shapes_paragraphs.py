"""How a shape reads an archive file's text: paragraphs an export ran together on one line, a title's HTML entity."""

from __future__ import annotations

import heldout_shapes as shapes
import pytest

PATH = "newsworthy-archive-2023-2026/examplewire/2025/0304/a-release.md"
RAW = (
    "# Northwind &amp; Sons Opens a Plant\n\n![](https://example.com/plant-photo.png)\n\nSPRINGFIELD, Ill., March 4, 2025 /ExampleWire/ -- Northwind & Sons opened "
    'a plant.  "We are proud," said Jane Roe.  About Northwind & Sons  Northwind & Sons makes widgets.\n'
)


@pytest.mark.parametrize("shape", ["edgar-exhibit", "edgar-letterhead", "wire-page", "feed-item"])
def test_paragraphs_run_together_on_a_line_are_set_apart(shape):
    text = shapes.shaped_text(PATH, shape, RAW)
    assert "opened a plant.  " not in text and "opened a plant.  &#8220;" not in text
    assert "opened a plant." in text and "said Jane Roe." in text
    assert "plant-photo.png" not in text and "!<" not in text and "\n!\n" not in text  # a picture prints no text


def test_the_parts_set_apart_sentences_and_an_about_heading_a_run_of_spaces_ends():
    body = shapes._parts(PATH, RAW)["body"]
    assert body.split("\n\n")[1:] == [
        '"We are proud," said Jane Roe.',
        "About Northwind & Sons",
        "Northwind & Sons makes widgets.",
    ]
    # One space, or a run of spaces inside a sentence, sets nothing apart.
    assert shapes._parts(PATH, "# T\n\nAbout Northwind & Sons makes  widgets.\n")["body"] == (
        "About Northwind & Sons makes  widgets."
    )


@pytest.mark.parametrize(
    ("shape", "printed"),
    [
        ("edgar-exhibit", "Northwind &amp; Sons Opens"),  # HTML: the ampersand escaped once
        ("edgar-text", "Northwind & Sons Opens"),
        ("pdf-text", "Northwind & Sons Opens"),
        ("front-matter", "Northwind & Sons Opens"),
    ],
)
def test_a_markdown_titles_entity_is_the_character_it_stands_for(shape, printed):
    text = shapes.shaped_text(PATH, shape, RAW)
    assert printed in text and "&amp;amp;" not in text


@pytest.mark.parametrize(
    ("heading", "below", "title"),
    [
        # the title cannot end where its line stops, or goes on in lower case, or both are shouted: one title
        ("Northwind Offers a Tale of Survival and", "Resilience", "Northwind Offers a Tale of Survival and Resilience"),
        (
            "Northwind and Contoso Partner",
            "to Advance a Supply Chain",
            "Northwind and Contoso Partner to Advance a Supply Chain",
        ),
        ("NORTHWIND TAPS JANE ROE,", "JOHN DOE AND MARY MAJOR", "NORTHWIND TAPS JANE ROE, JOHN DOE AND MARY MAJOR"),
        # a title that may end: the line under it is a subheadline, left in the body
        ("Northwind Opens a Plant", "The Signature Plant Opens on June 3", "Northwind Opens a Plant"),
    ],
)
def test_a_title_broken_over_lines_is_read_whole(heading, below, title):
    raw = f"# {heading}\n{below}\n\nSPRINGFIELD, Ill., March 4, 2025 /ExampleWire/ -- Northwind opened a plant.\n"
    parts = shapes._parts(PATH, raw)
    assert parts["title"] == title
    assert (below in parts["body"]) == (title == heading)
