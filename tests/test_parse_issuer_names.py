"""Which name issues a release when the only About section is a partner's, and when a headline's phrase runs into the
listed name (indexer/parse/issuer.py, `_partners_abouts`; indexer/parse/name_extents.py, `printed_tail`)."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes

PARTNER = """# New Rain Jacket Line from the Pell Harbor Brand

PORTLAND, OR, May 20, 2024 /24-7PressRelease/ -- {subject} today announced Pell Coast, a new line of rain jackets
{made} Tidewell Outfitters. The line is sewn in Oregon from recycled fabrics and ships to stores in June.

"The jackets reflect how my grandfather dressed for the coast," said Ana Pell. "{quote}"

About Tidewell Outfitters

Tidewell Outfitters is a company that designs and sews custom outdoor apparel for clubs, schools and retailers.
"""


@pytest.mark.parametrize(
    ("made", "quote"),
    [
        ("created with", "We are proud of the work."),
        ("sewn by", "The collection, from our partner Tidewell, is made to last."),
        ("developed in partnership with", "We are proud of the work."),
    ],
)
def test_a_partner_s_only_about_does_not_outvote_the_lede_s_announcing_subject(made, quote):
    text = PARTNER.format(subject="The Pell Harbor Group", made=made, quote=quote)
    [release] = parse_bytes("acme/2024/0520/pell.md", text.encode())
    assert release.company == "Pell Harbor Group"


def test_an_about_the_release_does_not_call_a_partner_still_names_the_issuer():
    text = PARTNER.format(subject="The Pell Harbor Group", made="sold by", quote="We are proud of the work.")
    [release] = parse_bytes("acme/2024/0520/pell.md", text.encode())
    assert release.company == "Tidewell Outfitters"


LISTED = """# {headline} Greyrock Silver Corp. (TSX.V: GRS) (OTCQB: GRSVF)

* The Copper Flats district has produced more than 10 million ounces of silver
* Greyrock Silver Corp. holds the largest land position in the district

The Copper Flats district has drawn renewed attention from junior miners. Among those at the forefront is Greyrock
(TSX.V: GRS) (OTCQB: GRSVF), which drilled 40 holes last year.

Greyrock Silver Corp. plans to publish a resource estimate in the spring.
"""


@pytest.mark.parametrize(
    "headline", ["Reviving Idaho's Silver Country Alongside", "Building Idaho\u2019s Silver Revival Alongside"]
)
def test_a_headline_phrase_before_a_listed_name_is_cut_to_the_name_the_story_prints(headline):
    [release] = parse_bytes("acme/2025/0725/greyrock.md", LISTED.format(headline=headline).encode())
    assert release.company == "Greyrock Silver Corp."
    assert release.tickers == ["OTC:GRSVF", "TSXV:GRS"]


LISTED_FIRST = """# {headline} (TSX.V: GRS) (OTCQB: GRSVF) {rest}

* The Copper Flats district has produced more than 10 million ounces of silver
* Vancouver-based Greyrock holds the largest land position in the {district} district

{story} Greyrock Silver plans to publish a resource estimate in the spring, and Greyrock Silver expects to drill.
"""


@pytest.mark.parametrize(
    "headline, rest, story, company",
    [
        # A headline's words run into the listed name before it (issue 17's twentieth round): cut to the name the story
        # prints, where the story never joins the words cut off to it.
        ("Scalability of Greyrock Silver Corp.", "Tailings Model Represents A Profitable Approach", "", "Greyrock Silver Corp."),
        ("New Greyrock Silver Corp.", "CEO Discusses Background", "The new CEO joined in May.", "Greyrock Silver Corp."),
        # The story joins them ("New Greyrock"): the name as the headline prints it.
        ("New Greyrock Silver Corp.", "CEO Discusses Background", "Holders of New Greyrock Silver met.", "New Greyrock Silver Corp."),
    ],
)  # fmt: skip
def test_a_headline_phrase_run_into_a_listed_name_is_cut_off(headline, rest, story, company):
    text = LISTED_FIRST.format(headline=headline, rest=rest, story=story, district="Copper Flats")
    [release] = parse_bytes("acme/2025/0725/greyrock.md", text.encode())
    assert release.company == company
