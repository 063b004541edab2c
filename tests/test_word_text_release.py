"""A release written in Word and saved as text: its closing credit stands above the end mark ("###", "-30-")."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.authorship import closing_credit

END_MARKS = ["###", "# # #", "-30-", "- 30 -", "###\n\n###"]
CREDITS = [
    ("Photo courtesy of Getty Images Source: Northfield Heart Society Family Features", "Northfield Heart Society"),
    ("Learn more at the website. Source: Orchard Growers Council", "Orchard Growers Council"),
]


@pytest.mark.parametrize("end", END_MARKS)
@pytest.mark.parametrize(("closing", "sponsor"), CREDITS)
def test_a_closing_credit_above_an_end_mark_names_the_sponsor(closing, sponsor, end):
    assert closing_credit(f"Tips for a safe summer.\n\n{closing}\n\n{end}\n") == sponsor
    assert closing_credit(f"Tips for a safe summer.\n{closing}\n{end}") == sponsor


@pytest.mark.parametrize("end", END_MARKS)
def test_an_end_mark_with_text_after_it_is_no_closing_credit(end):
    assert closing_credit(f"Source: Orchard Growers Council\n\n{end}\n\nA note from the editor on this piece.") is None


@pytest.mark.parametrize("end", ["###", "# # #"])
@pytest.mark.parametrize(
    ("sponsor", "topic"), [("Northfield Heart Society", "Walking"), ("Lakeside Kitchen Guild", "Cooking")]
)
def test_a_word_text_feature_is_issued_by_its_credited_sponsor(sponsor, topic, end):
    text = "\r\n".join(
        [
            "NEWS RELEASE",
            "Media Contact:",
            "Jordan Avery",
            "(555) 555-0100",
            "media@example.com",
            f"Harness The Power of {topic}",
            f"MISSION, KS \u2014 March 17, 2025 \u2014 {topic} isn\u2019t just good for your body; it\u2019s a simple way"
            " to care for your mind. Yet activity levels continue to decline across the country this year.",
            "Getting started",
            f"\u2022\tInvite a friend along with you. {topic} together is good company all around.",
            f"Learn more about how simple habits like {topic.lower()} can support your overall health.",
            f"Photos courtesy of Shutterstock Family Features) Source: {sponsor}",
            end,
            "",
        ]
    )
    [release] = parse_bytes("word/feature.txt", text.encode("utf-8"))
    assert release.company == sponsor
