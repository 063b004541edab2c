"""HTML read as text: every block element is set apart from the next, so a link's last word never runs into the next
block's first word ("...release.htmlSOURCE"); inline elements and word-break hints join as the page shows them."""

from __future__ import annotations

import pytest

from indexer.parse.cleanup import HTML_BLOCK_TAGS
from indexer.parse.exhibit import _html_lines
from indexer.parse.html import html_to_text

LINK = '<a href="https://www.example.com/news/acme-opens-plant.html">https://www.example.com/news/acme-opens-plant.html</a>'
# A layout row: the release in one cell (three paragraphs, over 400 characters), the source line in the next.
STORY = "<p>Acme Widget Corp. opened its largest plant in Springfield today, doubling the output of its line.</p>" * 5


def _page(markup: str) -> str:
    return f"<html><body>{markup}</body></html>"


BLOCKS = [
    ("caption", f"<table><caption>View original content: {LINK}</caption><tr><td>SOURCE Acme</td></tr></table>"),
    ("figure", f"<figure>{LINK}</figure>SOURCE Acme"),
    ("figcaption", f"<figure><img src='p.jpg'><figcaption>{LINK}</figcaption></figure>SOURCE Acme"),
    ("header", f"<header>{LINK}</header>SOURCE Acme"),
    ("footer", f"<p>{LINK}</p><footer>SOURCE Acme</footer>"),
    ("main", f"<main>{LINK}</main>SOURCE Acme"),
    ("details and summary", f"<details><summary>{LINK}</summary>SOURCE Acme</details>"),
    ("fieldset and legend", f"<fieldset><legend>{LINK}</legend>SOURCE Acme</fieldset>"),
    ("paragraph", f"<p>View original content: {LINK}</p><p>SOURCE Acme</p>"),
    ("division", f"<div>{LINK}</div><div>SOURCE Acme</div>"),
    ("line break", f"<p>{LINK}<br/>SOURCE Acme</p>"),
]


@pytest.mark.parametrize(("kind", "markup"), BLOCKS, ids=[kind for kind, _ in BLOCKS])
def test_a_block_element_sets_a_link_apart_from_the_next_word_in_page_text(kind, markup):
    text = html_to_text(_page(markup))
    assert "plant.htmlSOURCE" not in text and "plant.html" in text and "SOURCE Acme" in text


@pytest.mark.parametrize(("kind", "markup"), BLOCKS, ids=[kind for kind, _ in BLOCKS])
def test_a_block_element_sets_a_link_apart_from_the_next_word_in_an_exhibit(kind, markup):
    lines = _html_lines(_page(markup))
    assert any(line.endswith("plant.html") for line in lines), lines
    assert any(line.startswith("SOURCE Acme") for line in lines), lines


def test_a_layout_rows_cells_are_blocks_of_an_exhibit():
    markup = f"<table><tr><td>{STORY}View original content: {LINK}</td><td>SOURCE Acme</td></tr></table>"
    lines = _html_lines(_page(markup))
    assert "plant.htmlSOURCE" not in " ".join(lines) and "SOURCE Acme" in lines


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>Acme<b>Widget</b> Corp.</p>", "AcmeWidget Corp."),  # inline markup inside a word stays one word
        ("<p>super<wbr>cali<wbr>fragilistic</p>", "supercalifragilistic"),  # a word-break hint is no space
        ("<p>Acme <span>Widget</span> Corp.</p>", "Acme Widget Corp."),
    ],
)
def test_inline_elements_join_as_the_page_shows_them(markup, expected):
    assert html_to_text(_page(markup)) == expected
    assert _html_lines(_page(markup)) == [expected]


def test_the_block_set_holds_no_inline_element():
    assert not HTML_BLOCK_TAGS & {"a", "span", "b", "strong", "i", "em", "font", "sup", "sub", "wbr", "img", "td"}


@pytest.mark.parametrize(
    "brk", ["&#13;&#10;", "&#x0D;&#x0A;", "&#10;", "&#X0a;", "&#0013;&#010;", "&#x0d;&#10;", "&#13;&#13;&#10;"]
)
def test_a_line_break_written_as_entities_breaks_an_exhibits_line(brk):
    assert _html_lines(_page(f"<p>Acme Opens a Plant{brk}Output Doubles</p>")) == [
        "Acme Opens a Plant",
        "Output Doubles",
    ]


@pytest.mark.parametrize("other", ["&#13;", "&#1310;", "&#;10;", "& #10;"])
def test_other_entities_break_no_line(other):
    assert len(_html_lines(_page(f"<p>Acme Opens a Plant{other}Output Doubles</p>"))) == 1


SENTENCE = "Acme Widget Corp. opened its largest plant in Springfield today, doubling its output. "


@pytest.mark.parametrize(
    ("paragraphs", "layout"),
    [
        ([SENTENCE * 2] * 3, True),  # three paragraphs of prose over 400 characters: the row is the page's layout
        ([SENTENCE * 2, "", " ", SENTENCE * 3], False),  # empty paragraphs are not counted
        ([SENTENCE * 4] * 2, False),  # two paragraphs: a table's cell
        ([SENTENCE] * 4, False),  # four short paragraphs, under 400 characters: a table's cell
    ],
)
def test_a_row_is_layout_when_one_cell_holds_paragraphs_of_prose(paragraphs, layout):
    cell = "".join(f"<div>{text}</div>" if n % 2 else f"<p>{text}</p>" for n, text in enumerate(paragraphs))
    lines = _html_lines(_page(f"<table><tr><td>{cell}</td><td>SOURCE Acme</td></tr></table>"))
    assert ("SOURCE Acme" in lines) is layout and any(" | SOURCE Acme" in line for line in lines) is not layout


@pytest.mark.parametrize(
    "markup", ["<!-- <p>Acme Opens a Plant</p> -->", "   \n ", "<?xml version='1.0'?><!-- <p> -->"]
)
def test_markup_of_nothing_but_comments_and_white_space_gives_no_lines(markup):
    assert _html_lines(markup) == []
