"""Names a headline gives (indexer/parse/headline_names.py): a subject opening with an owner's possessive names the
owner's thing ("Lenovo's Meet Your Digital Self" is Lenovo's programme), so the company is the owner when the text names
it alone, a possessive name staying whole; a shouted headline's name is the text's own Title Case spelling."""

from __future__ import annotations

import pytest
from wire_release import wire

from indexer.parse import parse_bytes
from indexer.parse.headline_names import headline_company, introduced_person

PATH = "newsworthy-archive-2023-2026/newsdirect/2024/0625/widgets.md"
RELEASE = """# {head}: Technology and Wellbeing Come Together

--News Direct--

A video accompanying this announcement is available at: https://youtu.be/abc

Technology can play a transformative role in promoting wellbeing - when used for good!

We know that stressors abound for young people and wellbeing concerns are prevalent.

{thing} is the first time that computers, servers and software have come together to build an AI companion,
something only {owner} could do with its portfolio.

{owner} looks to bring further awareness to wellbeing through technology, in partnership with a national helpline.

On June 12th, a nationwide media tour was conducted to discuss {head}.
"""


@pytest.mark.parametrize(
    ("owner", "thing"), [("Widgetron", "Meet Your Digital Twin"), ("Acme Robotics", "Care Circle")]
)
@pytest.mark.parametrize("mark", ["\u2019s", "'s"])
def test_a_headline_opening_with_an_owners_possessive_names_the_owner(owner, thing, mark):
    head = f"{owner}{mark} {thing}"
    [release] = parse_bytes(PATH, RELEASE.format(head=head, thing=thing, owner=owner).encode())
    assert release.company == owner


@pytest.mark.parametrize(
    ("headline", "text", "expected"),
    [
        # a name that is possessive itself, before a corporate word
        ("Lowe's Companies Opens Its Largest Store", "Lowe's Companies opened a store. Lowe's Companies grew.",
         "Lowe's Companies"),
        # the owner never named alone: the possessive phrase is the name the text repeats
        ("Widgetron's Meet Your Digital Twin Launches", "Widgetron's Meet Your Digital Twin launched today.",
         "Widgetron's Meet Your Digital Twin"),
    ],
)  # fmt: skip
def test_a_possessive_name_or_an_owner_the_text_never_names_alone_stays_whole(headline, text, expected):
    assert headline_company(headline, text, "") == expected


SHOUTED = """# THE {shout} PRESENTS ITS 2025 AWARDS LUNCHEON

SPRINGFIELD, IL, September 09, 2025 /24-7PressRelease/ -- The progress made toward turning an old rail line into a trail
for the city's residents will be celebrated on September 12, 2025 by the organization making it all possible.  The
{name} will hold its third annual Awards Luncheon at noon at the Grand Hotel.  "This is an exciting time," said Jane
Roe, founder of the {name}.
"""


@pytest.mark.parametrize(
    ("shout", "name"),
    [("MAPLE RIVER TRAIL COALITION", "Maple River Trail Coalition"), ("FRIENDS OF ELM PARK", "Friends of Elm Park")],
)
def test_a_shouted_headlines_name_is_the_texts_title_case_spelling(shout, name):
    [release] = parse_bytes("release.md", SHOUTED.format(shout=shout, name=name).encode())
    assert release.company in (name, f"The {name}")


@pytest.mark.parametrize(
    ("headline", "text"),
    [
        (
            "MAPLE RIVER TRAIL COALITION PRESENTS ITS LUNCHEON",
            "The luncheon of the MAPLE RIVER TRAIL COALITION is here.",
        ),
        ("MAPLE RIVER TRAIL COALITION PRESENTS ITS LUNCHEON", "Write to events@maple river trail coalition.example."),
    ],
)
def test_a_shouted_name_the_text_never_spells_in_title_case_is_not_respelled(headline, text):
    assert headline_company(headline, text, "") in (None, "MAPLE RIVER TRAIL COALITION")


@pytest.mark.parametrize(
    "headline, company",
    [
        # A verb the verb list lacks after a legal form: the legal form ends the subject (issue 17's twentieth round).
        ("Kessler Brandt LLC Commemorates The Life and Legacy of Walter A. Brandt", "Kessler Brandt"),
        ("Kessler Brandt Ltd. Commemorated The Life and Legacy of Walter A. Brandt", "Kessler Brandt"),
        # No legal form: where the subject ends is unknown, and a person's name is read in it.
        ("Kessler Brandt Commemorates The Life and Legacy of Walter A. Brandt", None),
    ],
)
def test_a_legal_form_ends_a_headlines_subject(headline: str, company: str | None) -> None:
    text = (
        'Guests will gather at the office of Kessler Brandt to remember Walter Brandt. "We honour him," said John '
        "Kessler, founder of Kessler Brandt."
    )
    assert headline_company(headline, text, "") == company


@pytest.mark.parametrize(
    "text, company",
    [
        # The text prints the two-part name whole with a possessive or a verb after it (issue 17's twentieth round).
        ("The Beacon: Caring for the Caregiver's goal is to listen.", "The Beacon: Caring for the Caregiver"),
        ("The Beacon: Caring for the Caregiver has surveyed nurses.", "The Beacon: Caring for the Caregiver"),
        # Printed only as a title (no possessive, no verb): the part before the colon, as before.
        ("Read The Beacon: Caring for the Caregiver today.", "Beacon"),
    ],
)
def test_a_name_holding_a_colon_is_read_whole_when_the_text_names_it(text: str, company: str | None) -> None:
    headline = "The Beacon: Caring for the Caregiver Releases 2024 Nurse Survey Report"
    assert headline_company(headline, f"The survey covers nurses. {text}", "") == company


@pytest.mark.parametrize(
    ("headline", "lede", "person"),
    [
        (
            'Mara Quillfeather Unveils New Single "Quiet Rooms" About Letting Go',
            "Rising alternative R&B artist Mara Quillfeather is set to release her new single on May 4.",
            "Mara Quillfeather",
        ),
        (
            "Zephyrine Oakhollow Unveils Moving New Ballad About Home",
            "Country singer Zephyrine Oakhollow shares her new ballad today on all streaming platforms.",
            "Zephyrine Oakhollow",
        ),
    ],
)
def test_a_nameless_release_whose_headline_opens_with_a_person_its_lede_introduces_by_trade_is_theirs(
    headline: str, lede: str, person: str
) -> None:
    assert wire(lede, headline, "The track is available now.").company == person


def test_a_headlines_opening_person_the_lede_does_not_introduce_by_trade_is_not_read_so() -> None:
    assert (
        introduced_person(
            "Mara Quillfeather Unveils New Single",
            "Mara Quillfeather Music is set to release a new single by a local band.",
            "Mara Quillfeather Music is set to release a new single by a local band.",
        )
        is None
    )
