"""Issuer rules of issue 17's eighth round, read from blind-5's company misses: the company a sponsored article's
disclosure says paid for it, an opening "(Name) -" credit, a research release's "Journal" field, a division's own
About section over its parent's, and where a name read from the opening starts and ends (an imperative verb, a
"<place>-based" description, a lower-case word inside it, a short form in brackets before its apposition). Small
releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.authorship import division_about
from indexer.parse.credits import journal_field, opening_credit, sponsor_named
from indexer.parse.name_extents import based_subject, caps_heading_cut, imperative_cut, lower_case_spelling
from indexer.parse.names import leading_name
from indexer.parse.sections import About


def release(body: str, headline: str, subheadline: str | None = None):
    sub = f"{subheadline}\n\n" if subheadline else ""
    (parsed,) = parse_bytes("release.md", f"# {headline}\n\n{sub}{body}\n".encode())
    return parsed


def sponsored(company: str, listing: str, paid_by: str) -> str:
    return (
        "Canada has a mortgage market that requires holders to refinance every five years. If you're an investor "
        "looking at this, one little-known company offers a way in.\n\n"
        f"{company} ({listing}) is a digital lender focused on brokers.\n\n"
        f"{company.split()[0]} was founded eight years ago.\n\n"
        "Disclaimers: Pitchworks Inc. is not operated by a licensed broker. Pitchworks has been retained and "
        f"compensated by {paid_by} to assist in the production and distribution of this content. Pitchworks is "
        "responsible for the production and distribution of this content.\n\n"
        "Pitchworks is not a fiduciary by virtue of any persons use of or access to this content.\n\n"
        "Contact Details\n\nPitchworks Inc.\n\nmark@pitchworks.example\n\nCompany Website\n\nhttp://pitchworks.example"
    )


@pytest.mark.parametrize(
    ("company", "listing", "ticker"),
    [
        ("Mangrove Lending Inc.", "NYSE American:MGLV", "NYSEAMERICAN:MGLV"),
        ("Quartz Home Loans Corp.", "NASDAQ: QHLC", "NASDAQ:QHLC"),
    ],
)
def test_a_sponsored_article_paid_for_by_the_company_its_headline_is_about_is_that_companys(company, listing, ticker):
    short = company.rsplit(" ", 1)[0]
    parsed = release(sponsored(company, listing, short), headline=f"Refinancing Wave Presents Opportunity For {short}")
    assert parsed.company.startswith(short)
    assert parsed.tickers == [ticker]


@pytest.mark.parametrize("paid_by", ["Harbor Awareness Consulting", "ZZQ"])
def test_a_sponsor_the_headline_does_not_name_leaves_the_article_to_its_publisher(paid_by):
    # An agency paying on a client's behalf, or one covered company of several by its symbol: not the issuer.
    text = sponsored("Mangrove Lending Inc.", "NYSE American: MGLV", paid_by)
    assert sponsor_named(text, "Three Lending Stocks To Watch") is None
    assert release(text, headline="Three Lending Stocks To Watch").company != paid_by


@pytest.mark.parametrize(
    ("column", "headline"),
    [("BookNook", "BookNook’s Picks: Secrets"), ("ReadRiver", "ReadRiver Reviews: Three Novels")],
)
def test_an_opening_credit_the_headline_names_issues_a_syndicated_column(column, headline):
    body = (
        "In the latest entry in her series, Jane Marlow returns to the coast, where her family's secrets surface.\n\n"
        "Purchase at https://tinyurl.example/coast."
    )
    parsed = release(body, headline=headline, subheadline=f"({column}) - “Coast Confidential” by Jane Marlow")
    assert parsed.company == column


@pytest.mark.parametrize(
    ("credit", "headline"),
    [
        ("(NewsUSA) - A story", "NewsUSA Picks: Three"),
        ("(BookNook) - A story", "Three Novels Reviewed"),
        ("A story", "x"),
    ],
)
def test_a_wires_credit_or_one_the_headline_does_not_name_is_no_issuer(credit, headline):
    assert opening_credit(credit, headline) is None


@pytest.mark.parametrize(
    ("journal", "distributor"),
    [("Global Transitions", "Chuanlink Innovations"), ("Microsystems & Nanoengineering", "Ideas Bridge Media")],
)
def test_a_research_releases_journal_field_names_the_journal_not_its_distributor(journal, distributor):
    body = (
        "This study evaluated the impact of drinking water on cholera across 89 countries.\n\n"
        f"In a new study published in the journal {journal}, a team of researchers evaluated the impact.\n\n"
        "References DOI 10.1016/j.glt.2025.06.001 Original Source URL https://doi.org/10.1016/j.glt.2025.06.001 "
        f"Funding Information This work was supported by grants. Journal {journal} {distributor}, where "
        "revolutionary ideas meet their true potential."
    )
    assert journal_field(body) == journal
    assert release(body, headline="Water access shapes cholera burden").company == journal


def test_a_journal_field_the_text_names_once_is_no_name():
    assert journal_field("Funding Information None.  Journal Acme Weekly Chuanlink Innovations, where ideas") is None


@pytest.mark.parametrize(
    ("division", "parent"),
    [("Northern Stroke League", "National Heart League"), ("Youth Rowing Trust", "River Sports Federation")],
)
def test_a_divisions_own_about_issues_its_campaign_over_its_parents_printed_first(division, parent):
    body = (
        "Every year, many people have a stroke. During May, Awareness Month, the "
        f"{division}, a division of the {parent}, is raising awareness nationwide.\n\n"
        "Know the signs and act fast.\n\n"
        f"About the {parent}\n\nThe {parent} is a relentless force for longer lives.\n\n"
        f"About the {division}\n\nThe {division} is a relentless force for fewer strokes."
    )
    assert release(body, headline="Know the signs and save lives this month").company == division


def test_a_division_about_needs_the_lede_to_call_it_one():
    abouts = [About("Acme Motors", "Acme Motors sells cars."), About("Globex Auto", "Globex Auto makes cars.")]
    assert division_about(abouts, "Acme Motors members bought cars through Globex Auto dealers.") is None
    assert division_about(abouts, "Globex Auto, a unit of Acme Motors, said ...").name == "Globex Auto"


@pytest.mark.parametrize(
    ("lede", "name"),
    [
        ("Virginia Beach, Va.-based Kilsar, which is building a platform, has announced a seed round.", "Kilsar"),
        ("Camden, Maine-based Bookleaf Inc., which runs an app, has raised $1 million.", "Bookleaf Inc."),
        ("Boston-based Somitec closed a $47 million round.", "Somitec"),
    ],
)
def test_the_subject_after_a_based_description_is_the_company(lede, name):
    assert based_subject(lede) == name
    assert release(lede, headline=f"{name} Closes Its Round").company == name


@pytest.mark.parametrize(("verb", "name"), [("Join", "Cboe"), ("Visit", "IWISS")])
def test_an_imperative_verb_opening_the_lede_is_no_part_of_the_name(verb, name):
    body = f"{verb} {name}® for an educational online webinar on Thursday. The webinar will explore products offered by {name}."
    assert release(body, headline=f"Don't Miss {name}'s Webinar").company == name


def test_a_name_printed_whole_again_keeps_its_verb():
    text = "Discover Puerto Rico invites travellers. Discover Puerto Rico is the island's tourism agency."
    assert imperative_cut("Discover Puerto Rico", text) == "Discover Puerto Rico"


@pytest.mark.parametrize(
    ("lower", "titled"), [("Switched on London", "Switched On London"), ("Plugged in Bristol", "Plugged In Bristol")]
)
def test_a_lower_case_word_inside_the_ledes_name_takes_the_headlines_spelling(lower, titled):
    body = (
        f"{lower} stresses the importance of hiring an electrician. Safety is the main reason.\n\n"
        f"{titled} says that DIY work needs special equipment.\n\n"
        f"Contact Details\n\n{titled}\n\ninfo@example.london"
    )
    assert release(body, headline=f"{titled} Highlights the Value of Electricians").company == titled


def test_a_lower_case_verb_after_the_name_is_not_taken_into_it():
    lede = "Acme stresses the value of training."
    assert lower_case_spelling("Acme", "Acme Stresses The Value", lede, lede + " Acme Stresses The Value") == "Acme"


@pytest.mark.parametrize(
    ("society", "short"), [("Helen R. Marsh Society", "Marsh Society"), ("Arthur L. Vance Guild", "Vance Guild")]
)
def test_a_short_form_in_brackets_does_not_hide_the_apposition_calling_the_subject_an_organisation(society, short):
    body = (
        f"The {society} (The {short}), a non-profit organization dedicated to surgery, is pleased to announce a new "
        f'partnership with the Coastal Advocacy Coalition to fund a lecture. "We are excited," said Dr. Ann Lee of '
        f"The {short}.\n\n"
        "Donations are welcome. About Coastal Advocacy Coalition The first not-for-profit foundation to promote "
        "education for survivors. Contact: Dr Jo Roe jo@coastal.example"
    )
    parsed = release(body, headline=f"The {short} Partners with Coastal Advocacy Coalition to Fund a Lecture")
    assert parsed.company.removeprefix("The ") == society


@pytest.mark.parametrize(
    ("lede", "name"),
    [
        (
            "Gaming Realms PLC (AIM:GMR, OTCQX:PSDMF) CEO Mark Segal discusses the results with Proactive.",
            "Gaming Realms PLC",
        ),
        ("Novo Widgets Ltd. (TSX-V: NWG, OTCQB: NWGF) Chair Ann Lee talks to Proactive's Jo Roe.", "Novo Widgets Ltd."),
    ],
)
def test_a_comma_between_two_listings_is_no_opening_clause(lede, name):
    # An opener such as "On Tuesday, March 3, 2020, ..." ends at a comma; one inside the name's listings does not.
    assert leading_name(lede) == name
    contacts = "\n\nContact Details\n\nProactive UK Ltd\n\nuk@proactive.example"
    assert release(lede + contacts, headline=f"{name.split()[0]} reports a record year").company == name


@pytest.mark.parametrize(("name", "kind"), [("Board in the Kitchen", "kitchenware"), ("Called by Name Books", "books")])
def test_a_name_with_lower_case_words_the_headline_opens_with_is_taken_whole(name, kind):
    body = f"{name}, a premier provider of {kind}, today announced the launch of its expanded collection."
    assert release(body, headline=f"{name} Announces New Collection").company == name


@pytest.mark.parametrize(
    ("headline", "lede", "name"),
    [
        ("Cisco and Goldman Sachs to Host Conference Call", "Cisco and Goldman Sachs will host a call.", "Cisco"),
        (
            "Calm Minds Psychiatry in North Bethesda, MD Introduces Care",
            "Calm Minds Psychiatry in North Bethesda, MD, offers care.",
            "Calm Minds Psychiatry",
        ),
    ],
)
def test_a_second_name_or_a_place_after_the_name_is_not_taken_into_it(headline, lede, name):
    assert lower_case_spelling(name, headline, lede, lede) == name


@pytest.mark.parametrize(
    ("name", "clause"), [("Huntington Fine Jewelers", "For over 35 years,"), ("Ridge Dental Care", "Since 1990,")]
)
def test_an_about_heading_run_into_its_texts_opening_clause_ends_before_it(name, clause):
    first, rest = clause.split(" ", 1)
    body = (
        f"Enjoy savings on bridal rings at {name} this April.\n\n"
        f"About {name} {first}\n{rest} {name} has served the greater region with fine jewelry and service."
    )
    parsed = release(body, headline=f"Spring Bridal Event at {name}")
    assert parsed.company == name


@pytest.mark.parametrize(
    ("name", "listing"), [("Booking Holdings", "NASDAQ: BKNG"), ("Marketing Alliance Inc.", "OTC: MAAL")]
)
def test_a_name_ending_in_ing_before_its_listing_opens_no_clause(name, listing):
    # "Booking Holdings (NASDAQ: BKNG) announced ... that Chief Executive Officer, Glenn Fogel, will speak": no
    # "Booking ..., " opener hides the subject behind the officer.
    lede = f"{name} ({listing}) announced today that Chief Executive Officer, Glenn Fogel, will speak at a conference."
    assert leading_name(lede) == name
    assert release(lede, headline=f"{name} to Present at Conference").company == name


@pytest.mark.parametrize(
    ("lede", "company", "tickers"),
    [
        (
            "Orbit Foods (NASDAQ: ORBF), Zenith Robotics, Incorporated (NASDAQ: ZNTH) and Servo SA announced new results.",
            "Orbit Foods",
            ["NASDAQ:ORBF"],
        ),
        (
            'Lumen Games, Inc. ("Lumen") (NASDAQ: LUMG) and Harbor Group Holding Limited ("Harbor") (NYSE: HRBG) today '
            "announced Harbor's acquisition of Lumen's store.",
            "Lumen Games, Inc.",
            ["NASDAQ:LUMG"],
        ),
        (
            "Ridgeway Motors Company and Dalton Incorporated (NYSE: DLTN) have announced their collaboration.",
            "Ridgeway Motors Company",
            [],
        ),
    ],
)
def test_a_joint_releases_later_names_keep_their_own_listings(lede, company, tickers):
    # A list after the subject's listing, a partner behind its defined short form, or the second of two names joined
    # by "and" before one listing: the partner's symbol is not the issuer's (a wrong ticker is worse than none).
    parsed = release(lede, headline=f"{company.split()[0]} and Partners Announce Results")
    assert parsed.company == company
    assert parsed.tickers == tickers


def test_a_name_with_and_inside_keeps_its_listing():
    parsed = release("Procter and Gamble (NYSE: PG) today announced results.", headline="Procter and Gamble Reports")
    assert parsed.tickers == ["NYSE:PG"]


@pytest.mark.parametrize(
    ("lede", "company", "tickers"),
    [
        (
            "Gideon Ben-Zvi, CEO of Valens Semiconductor (NYSE: VLN), was recently a guest on Benzinga's All-Access.",
            "Valens Semiconductor",
            ["NYSE:VLN"],
        ),
        (
            "Dana Howe, EVP, Global President for Quill Markets Inc. (NASDAQ: QULM) was interviewed by Benzinga.",
            "Quill Markets Inc.",
            ["NASDAQ:QULM"],
        ),
        (
            "Gordon Neal President & CEO of World Copper LTD (OTC: WCUFF) was recently a guest on a podcast.",
            "World Copper LTD",
            ["OTC:WCUFF"],
        ),
    ],
)
def test_a_person_opening_the_lede_with_a_title_speaks_for_their_listed_employer(lede, company, tickers):
    contacts = "\n\nContact Details\n\nBenzinga\n\ninfo@benzinga.example"
    parsed = release(lede + contacts, headline="This Company May Have A Solution")
    assert (parsed.company, parsed.tickers) == (company, tickers)


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("HIGHLIGHTSMarriott International, Inc.", "Marriott International, Inc."),
        ("ABOUT ACTIVATE CAPITALActivate Capital", "Activate Capital"),
        ("ABOUT CLAY BRIDGES PRESS Clay Bridges Press", "Clay Bridges Press"),
    ],
)
def test_a_heading_in_capitals_run_into_the_name_is_cut_off(printed, name):
    assert caps_heading_cut(printed, f"{printed} said. Later, {name} is named again.") == name


@pytest.mark.parametrize("name", ["IBM Watson Health", "NASA Glenn Research Center", "UCLA Health"])
def test_an_acronym_opening_a_name_stays(name):
    rest = name.split(" ", 1)[1]
    assert caps_heading_cut(name, f"{name} said. {rest} is named again.") == name


def test_a_partner_joined_by_and_before_its_listing_lends_no_ticker():
    body = (
        "The trading platform Lumo Financial Inc. recently introduced zero contract fees for options trading.\n\n"
        "The partnership between Lumo and Quill Markets (NASDAQ: QULM), a leading exchange operator, marked a "
        "milestone for Lumo."
    )
    parsed = release(body, headline="Zero Options Fees And More With Lumo")
    assert parsed.tickers == []
