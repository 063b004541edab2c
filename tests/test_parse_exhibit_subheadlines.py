"""An EDGAR exhibit's headline and the subheadline under it set in another look (italic, smaller): the subheadline is
never the headline's rest, even when it opens with a name spelled in lower case (indexer/parse/banners.py)."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes

_SPAN = '<div style="text-align:center"><span style="font-family:\'Times New Roman\',serif;{style}">{text}</span></div>'
HEADLINE = "zipline Acquires Tollbridge from Acme for $4.05 Billion"
BODY = (
    '<div style="text-align:justify"><span style="font-size:10pt">SPRINGFIELD, Ill., March 4, 2021 /PRNewswire/ --'
    " Acme Corp. (NYSE: ACME) and zipline today announced an agreement for Acme to sell Tollbridge to zipline for"
    " $4.05 billion in cash. The sale is expected to close in the first quarter.</span></div>"
    '<div style="text-align:justify"><span style="font-size:10pt">Tollbridge will keep its name and its offices'
    " in Springfield, and its staff will join zipline.</span></div>"
)


def _exhibit(second: str, style: str) -> bytes:
    rows = [
        "<html><head><title>Document</title></head><body>",
        '<div style="text-align:right"><span style="font-weight:700">Exhibit 99.1</span></div>',
        _SPAN.format(style="font-size:12pt;font-weight:700", text=HEADLINE),
        _SPAN.format(style=style, text=second),
        BODY,
        "</body></html>",
    ]
    return "\n".join(rows).encode()


@pytest.mark.parametrize(
    "style", ["font-size:10pt;font-style:italic", "font-size:10pt;font-weight:400", "font-size:12pt;font-style:italic"]
)
def test_a_subheadline_in_another_look_is_not_the_headline_s_rest(style):
    second = "zipline to Give Tollbridge More Room to Grow Its Reach"
    [release] = parse_bytes("acme/d123dex991.htm", _exhibit(second, style))
    assert release.headline == HEADLINE


def test_a_rest_in_the_headline_s_own_look_going_on_in_lower_case_is_still_its_rest():
    [release] = parse_bytes(
        "acme/d123dex991.htm", _exhibit("and Plans a Second Sale", "font-size:12pt;font-weight:700")
    )
    assert release.headline == f"{HEADLINE} and Plans a Second Sale"


def test_a_joining_word_in_another_look_still_goes_on_with_the_headline():
    [release] = parse_bytes("acme/d123dex991.htm", _exhibit("in North America", "font-size:10pt;font-style:italic"))
    assert release.headline == f"{HEADLINE} in North America"
