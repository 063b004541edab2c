"""Field rules on small releases written inline: dateline shapes, dates, places, wires, tickers, the issuer,
sections, contacts, types, flags, and the repairs real corpora need."""

from __future__ import annotations

import json

import pytest

from indexer.parse import parse_bytes
from indexer.parse.dateline import find_dateline, normalise_place
from indexer.parse.tickers import listing_groups, normalise_exchange
from indexer.parse.wires import canonical_wire, wire_from_folder


def release(body: str, headline: str = "Acme Corp Announces News", path: str = "release.txt"):
    (parsed,) = parse_bytes(path, f"{headline}\n\n{body}\n".encode())
    return parsed


def json_release(**fields):
    (parsed,) = parse_bytes("release.json", json.dumps(fields).encode())
    return parsed


# ---- Datelines ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "place", "when", "wire"),
    [
        ("WALTHAM, Mass., Nov. 7, 2011 (GLOBE NEWSWIRE) -- Acme", "Waltham, Mass.", "2011-11-07", "GlobeNewswire"),
        ("CHICAGO--(BUSINESS WIRE)--Acme Corp. said", "Chicago", None, "Business Wire"),
        ("SAN JOSE, Calif., Jan. 5, 2020 /PRNewswire/ -- Acme", "San Jose, Calif.", "2020-01-05", "PR Newswire"),
        ("NEW YORK, NY / ACCESSWIRE / April 17, 2019 / Acme", "New York, NY", "2019-04-17", "ACCESSWIRE"),
        ("(NewMediaWire) - April 09, 2025 - DALLAS \u2014 Acme", "Dallas", "2025-04-09", "NewMediaWire"),
        ("RADNOR, PA - (NewMediaWire) - December 30, 2024 - Acme", "Radnor, PA", "2024-12-30", "NewMediaWire"),
        ("February 5, 2025, Burlingame, California \u2014 Acme", "Burlingame, California", "2025-02-05", None),
        (
            "Las Vegas, NV (Newsworthy.ai) Tuesday Sep 16, 2025 @ 4:00 AM Pacific \u2014 Acme",
            "Las Vegas, NV",
            "2025-09-16",
            "Newsworthy.ai",
        ),
        (
            "HO CHI MINH CITY, VIETNAM - Media OutReach Newswire - 3 August 2026 - Acme",
            "Ho Chi Minh City, Vietnam",
            "2026-08-03",
            "Media OutReach",
        ),
        ("TORONTO,  26 mai 2020  (GLOBE NEWSWIRE) -- TELUS", "Toronto", "2020-05-26", "GlobeNewswire"),
        ("SALEM, NY AUGUST 4, 2026 THRIVE today announced", "Salem, NY", "2026-08-04", None),
        (
            "Miami, FL \u2013  May, 7 2025 /Noticias Newswire/ \u2013 Acme",
            "Miami, FL",
            "2025-05-07",
            "Noticias Newswire",
        ),
        ("WASHINGTON, D.C. \u2013 The coalition said", "Washington, D.C.", None, None),
        (
            "urban areasCHANGSHA, China, Sept.  26, 2019  (GLOBE NEWSWIRE) -- Baidu",
            "Changsha, China",
            "2019-09-26",
            "GlobeNewswire",
        ),
    ],
)
def test_dateline_shapes(paragraph, place, when, wire):
    found = find_dateline(paragraph)
    assert found is not None
    assert (found.place, found.published.date().isoformat() if found.published else None, found.wire) == (
        place,
        when,
        wire,
    )
    assert found.rest.split()[0] in {"Acme", "Baidu", "TELUS", "THRIVE", "The"}


@pytest.mark.parametrize(
    "paragraph",
    [
        "On Tuesday, March 3, 2020, Comcast will take part in a conference.",
        "The webcast starts on Feb. 12, 2020 at 4:30 p.m. ET and lasts an hour.",
        "Acme, a Dallas, TX-based maker of widgets, announced on May 5, 2025 that it grew.",
    ],
)
def test_a_date_inside_a_sentence_is_not_a_dateline(paragraph):
    assert find_dateline(paragraph) is None


def test_press_services_dateline_names_the_issuer_between_slashes():
    found = find_dateline("Derwood, United States - November 25, 2024 / Goodwill Industries Intl / Text starts.")
    assert (found.place, found.issuer, found.rest) == (
        "Derwood, United States",
        "Goodwill Industries Intl",
        "Text starts.",
    )


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("WALTHAM, Mass.", "Waltham, Mass."),
        ("PIETERMARITZBURG, SOUTH AFRICA", "Pietermaritzburg, South Africa"),
        # Every place of a dateline that names several, as printed.
        ("FOSTER CITY, Calif. & MECHELEN, Belgium", "Foster City, Calif. & Mechelen, Belgium"),
        ("REDMOND, Wash. and SAN FRANCISCO", "Redmond, Wash. and San Francisco"),
        ("FORT WORTH, Texas and RIO DE JANEIRO, Brazil", "Fort Worth, Texas and Rio de Janeiro, Brazil"),
        ("NEW YORK & PRINCETON, NJ and ATLANTA, GA", "New York & Princeton, NJ and Atlanta, GA"),
        ("DILLINGEN and SAAR, Germany", "Dillingen and Saar, Germany"),
        ("ROCHESTER, N.Y.", "Rochester, N.Y."),
        ("EL PASO, TX", "El Paso, TX"),
        ("DUBAI, UAE", "Dubai, UAE"),
    ],
)
def test_place_normalisation(printed, expected):
    assert normalise_place(printed) == expected


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("NEW YORK, NY and SEATTLE, WA, June 1, 2010 -- Acme Corp. today", "New York, NY and Seattle, WA"),
        ("PRINCETON, N.J., LONDON, and SAN DIEGO, March 3, 2010 /PRNewswire/ -- Acme", "Princeton, N.J., London, and San Diego"),
        ("FORT WORTH, Texas and RIO DE JANEIRO, Brazil, Feb. 4, 2020 (GLOBE NEWSWIRE) -- Acme", "Fort Worth, Texas and Rio de Janeiro, Brazil"),
        ("PARIS and NEW YORK, May 5, 2015 -- Acme SA today", "Paris and New York"),
    ],
)  # fmt: skip
def test_a_dateline_with_several_places_keeps_them_all(paragraph, place):
    found = find_dateline(paragraph)
    assert found is not None and found.place == place and found.published is not None


def test_names_joined_by_and_before_a_date_in_a_sentence_are_no_dateline():
    assert find_dateline("Back in Paris and London, on May 22, 2010, we opened stores.") is None


# ---- Dates ---------------------------------------------------------------------------------------


def test_dateline_date_wins_over_dates_in_the_body():
    parsed = release(
        "LONDON, Jan. 9, 2020 /PRNewswire/ -- Acme Corp. will report results on Thursday, January 16, 2020.",
        headline="Acme Corp to Report Results on January 16, 2020",
    )
    assert parsed.date == "2020-01-09"


def test_time_and_zone_are_kept_and_utc_is_used_for_sorting():
    parsed = release("Las Vegas, NV (Newsworthy.ai) Tuesday Sep 16, 2025 @ 11:30 PM Pacific \u2014 Acme Corp. said.")
    assert parsed.published.isoformat() == "2025-09-16T23:30:00-07:00"
    assert parsed.date == "2025-09-16"  # the local date as printed
    assert parsed.published_utc.isoformat() == "2025-09-17T06:30:00"


def test_metadata_date_when_the_dateline_has_none():
    parsed = json_release(
        title="Acme Corp Names CFO",
        date="Dec 20, 2019 8:30AM EST",
        content="FOSTER CITY, Calif.--(BUSINESS WIRE)--Acme Corp. named a CFO.",
    )
    assert parsed.published.isoformat() == "2019-12-20T08:30:00-05:00"


def test_dateline_date_wins_over_a_different_metadata_date():
    parsed = json_release(
        title="Acme Corp Names CFO",
        date="2024-05-08",
        content="Charlotte, NC (Newsworthy.ai) Thursday May 9, 2024 @ 7:00 AM Asia/Manila \u2014 Acme Corp. named a CFO.",
    )
    assert parsed.date == "2024-05-09"


def test_folder_date_when_the_text_has_none():
    (parsed,) = parse_bytes(
        "feeds/newsdirect/2024/0412/acme.md", b"# Acme Corp Opens Store\n\nAcme Corp opened a store.\n"
    )
    assert parsed.date == "2024-04-12"
    assert parsed.wire == "News Direct"  # the feed folder names the wire when the text has no marker


# ---- Wires ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("marker", "name"),
    [
        ("GLOBE NEWSWIRE", "GlobeNewswire"),
        ("BUSINESS WIRE", "Business Wire"),
        ("PRNewswire", "PR Newswire"),
        ("ACCESSWIRE", "ACCESSWIRE"),
        ("24-7PressRelease", "24-7PressRelease"),
        ("NOTICIAS NEWSWIRE", "Noticias Newswire"),
        ("[Media OutReach Newswire](https://www.media-outreach.com/)", "Media OutReach"),
        ("Acme Corp", None),
        ("www.CannabisNewsWire.com", None),
    ],
)
def test_wire_markers(marker, name):
    assert canonical_wire(marker) == name


def test_a_repost_keeps_the_original_wire_printed_in_its_text():
    (parsed,) = parse_bytes(
        "archive/citybiz/2025/0101/acme.md",
        b"# Acme Corp Opens Store\n\nBOSTON--(BUSINESS WIRE)--Acme Corp opened a store.\n",
    )
    assert parsed.wire == "Business Wire"
    assert wire_from_folder("archive/citybiz/2025/0101/acme.md") == "citybiz"


def test_brand_names_in_running_text_are_not_wires():
    parsed = release(
        "Acme Corp opened a store. Subscribe to CNW for news.", headline="420 with CNW \u2014 Acme Opens Store"
    )
    assert parsed.wire is None


# ---- Tickers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tickers"),
    [
        ("(Nasdaq: IMGN)", ["NASDAQ:IMGN"]),
        ("(NASDAQ GS: IBKR)", ["NASDAQ:IBKR"]),
        ("(Nasdaq Global Select Market: ABC)", ["NASDAQ:ABC"]),
        ("(NYSE: TU, TSX: T)", ["NYSE:TU", "TSX:T"]),
        ("(TSX : T, NYSE : TU)", ["TSX:T", "NYSE:TU"]),
        ("(TSX VENTURE:AXL)", ["TSXV:AXL"]),
        ("(TSX.V: XLY) (OTCQX: CBWTF)", ["TSXV:XLY", "OTC:CBWTF"]),
        ("(CSE: LFLR) (OTC: LFLRF) (FSE: 3WK0)", ["CSE:LFLR", "OTC:LFLRF", "FSE:3WK0"]),
        ("(TSXV-CGP) (F-GWN) (B-GWN) (OTC-CTNXF)", ["TSXV:CGP", "FSE:GWN", "BERLIN:GWN", "OTC:CTNXF"]),
        ("(Euronext & NASDAQ: GLPG)", ["EURONEXT:GLPG", "NASDAQ:GLPG"]),
        ("(NYSE, Nasdaq: VZ)", ["NYSE:VZ", "NASDAQ:VZ"]),
        ("(OTCpink:APRU)", ["OTC:APRU"]),
        ("(Cboe CA: SUNN)", ["CBOECA:SUNN"]),
        ("(TSX: BEP.UN; NYSE: BEP)", ["TSX:BEP.UN", "NYSE:BEP"]),
        ('(NYSE: "KDP")', ["NYSE:KDP"]),
        ("(NYSE American: ATCH)", ["NYSEAMERICAN:ATCH"]),
        ("(ASML)", []),
        ("(F-GWN)", []),
        ("(COVID-19)", []),
    ],
)
def test_listing_forms(text, tickers):
    found = [t for group in listing_groups(f"Acme Corp {text} said.") for t in group.tickers]
    assert found == tickers


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("Nasdaq", "NASDAQ"),
        ("TSX Venture", "TSXV"),
        ("TSX-V", "TSXV"),
        ("OTC Pink", "OTC"),
        ("OTCMKTS", "OTC"),
        ("Frankfurt", "FSE"),
    ],
)
def test_exchange_names_are_normalised(printed, canonical):
    assert normalise_exchange(printed) == canonical


def test_only_the_issuers_listings_are_its_tickers():
    parsed = release(
        "BOSTON, May 1, 2020 /PRNewswire/ -- ArcherDX, Inc. today announced a partnership with Illumina, Inc. (NASDAQ: ILMN).",
        headline="ArcherDX and Illumina Partner",
    )
    assert parsed.tickers == []
    assert parsed.company == "ArcherDX, Inc."


def test_law_firm_alert_does_not_take_the_targets_ticker():
    parsed = release(
        "SAN DIEGO, Oct. 16, 2019 /PRNewswire/ -- Shareholder rights law firm Johnson Fistel, LLP has launched an "
        "investigation into Achillion Pharmaceuticals, Inc. (NASDAQ: ACHN).",
        headline="Achillion (ACHN) Alert: Johnson Fistel Investigates Proposed Sale",
    )
    assert (parsed.company, parsed.tickers) == ("Johnson Fistel, LLP", [])


def test_analyst_coverage_topic_is_not_the_issuer():
    parsed = release(
        "DALLAS, TX -- May 14, 2026 -- Aemetis, Inc. (Nasdaq: AMTX): Stonegate Capital Partners updates their coverage.",
        headline="Stonegate Capital Partners Updates Coverage On Aemetis, Inc. (Nasdaq: AMTX)",
    )
    assert (parsed.company, parsed.tickers) == ("Stonegate Capital Partners", [])


def test_a_parents_listing_in_the_apposition_belongs_to_the_issuer():
    parsed = release(
        "PALO ALTO, Calif., April 16, 2019 /PRNewswire/ -- Adaptive Insights, a Workday (NASDAQ: WDAY) company, honors its customers.",
        headline="Adaptive Insights Celebrates Nonprofit Customers",
    )
    assert (parsed.company, parsed.tickers) == ("Adaptive Insights", ["NASDAQ:WDAY"])


def test_joint_release_lists_its_company_and_only_its_listings():
    parsed = release(
        "FOSTER CITY, Calif.--(BUSINESS WIRE)--Gilead Sciences, Inc. (Nasdaq: GILD) and Galapagos NV (Euronext & NASDAQ: GLPG) announced data.",
    )
    assert parsed.tickers == ["NASDAQ:GILD"]
    assert parsed.company == "Gilead Sciences, Inc."


def test_tickers_only_in_the_about_section_are_found_and_a_partners_about_is_ignored():
    parsed = release(
        "LOS ANGELES, Nov. 13, 2019 /PRNewswire/ -- Ovation will partner with Charter Communications, Inc. again.\n\n"
        "About Ovation\n\nOvation (NASDAQ: OVTN) is an arts network.\n\n"
        "About Charter\n\nCharter Communications, Inc. (NASDAQ:CHTR) is a broadband company.",
        headline="Ovation TV Partners With Charter Communications",
    )
    assert (parsed.company, parsed.tickers) == ("Ovation", ["NASDAQ:OVTN"])


@pytest.mark.parametrize(
    ("text", "headline", "company", "tickers"),
    [
        # An About heading glued to its text, which names the company in full.
        (
            "NEW YORK, Jan. 22, 2020 /PRNewswire/ -- SiriusXM today announced a week of programming. Listen live "
            "Thursday-Sunday. About SiriusXMSirius XM Holdings Inc. (NASDAQ: SIRI) is the leading audio company.",
            "SiriusXM Announces Super Bowl Week",
            "SiriusXM",
            ["NASDAQ:SIRI"],
        ),
        # An About heading glued to the end of the paragraph before it.
        (
            "SANTA CLARA, Calif., Feb. 4, 2020 /PRNewswire/ -- Applied Materials, Inc. today opened a center, "
            "from materials to systems.About Applied Materials Applied Materials, Inc. (Nasdaq: AMAT) is the leader.",
            "Applied Materials Opens Center",
            "Applied Materials, Inc.",
            ["NASDAQ:AMAT"],
        ),
        # A footnote mark glued before the name.
        (
            "CINCINNATI, Feb. 3, 2020 /PRNewswire/ -- February is American Heart Month, and CPR can improve survival "
            "by 90%1. Cintas Corporation (NASDAQ: CTAS), a leading provider of workplace supplies, offers training.",
            "Cintas Offers CPR Training",
            "Cintas Corporation",  # the lede's listed subject, written out
            ["NASDAQ:CTAS"],
        ),
        # A name in lower case, which the name pattern does not take.
        (
            "VANCOUVER, British Columbia--(BUSINESS WIRE)--lululemon athletica inc. (NASDAQ:LULU) today "
            "announced that it has appointed a Chief Brand Officer.\n\nAbout lululemon athletica inc.\n\n"
            "lululemon athletica inc. is a healthy lifestyle inspired athletic apparel company.",
            "lululemon athletica inc. Appoints Chief Brand Officer",
            "lululemon athletica inc.",
            ["NASDAQ:LULU"],
        ),
        # The board speaks for the company.
        (
            "CHICAGO, Jan. 28, 2020 /PRNewswire/ -- The Board of Directors of Exelon Corporation declared a regular "
            "quarterly dividend.\n\nAbout Exelon Corporation\n\nExelon Corporation (Nasdaq: EXC) is a utility.",
            "Exelon Declares Dividend",
            "Exelon Corporation",
            ["NASDAQ:EXC"],
        ),
        # Another company whose name starts like the issuer's keeps its listing.
        (
            "AUCKLAND, April 19, 2024 -- Air New Zealand prepares its electric flights. It is not alone in "
            "the field. Surf Air Mobility Inc. (NYSE:SRFM) plans electric aircraft too.",
            "Air New Zealand Prepares Electric Flights",
            "Air New Zealand",
            [],
        ),
    ],
)
def test_the_issuers_listing_is_found_after_glued_headings_and_sentences(text, headline, company, tickers):
    parsed = release(text, headline=headline)
    assert (parsed.company, parsed.tickers) == (company, tickers)


def test_symbols_without_an_exchange_are_not_tickers():
    parsed = release(
        "NEW YORK, Oct. 9, 2019 /PRNewswire/ -- InvestorsObserver issues alerts for ACB, FB and MU.",
        headline="Thinking about buying stock in Facebook (FB)?",
    )
    assert parsed.tickers == []


# ---- Issuer --------------------------------------------------------------------------------------


def test_issuer_is_the_ledes_subject_with_its_legal_form():
    parsed = release(
        "CAMBRIDGE, Mass., Nov. 6, 2019 (GLOBE NEWSWIRE) -- Biogen Inc. (Nasdaq: BIIB) announced a deal.",
        headline="Biogen to Expand",
    )
    assert parsed.company == "Biogen Inc."


def test_a_person_subject_gives_way_to_their_organisation():
    parsed = release(
        "PHILADELPHIA--(BUSINESS WIRE)--On Tuesday, March 3, 2020, Brian L. Roberts, Chairman and Chief Executive "
        "Officer of Comcast Corporation (Nasdaq: CMCSA), will participate in a conference.",
        headline="Comcast to Participate in Conference",
    )
    assert (parsed.company, parsed.tickers) == ("Comcast Corporation", ["NASDAQ:CMCSA"])


def test_source_line_names_the_issuer_when_the_lede_names_a_product():
    parsed = release(
        "SANTA MONICA, Calif.--(BUSINESS WIRE)--Call of Duty\u00ae: Modern Warfare\u00ae Season One is available now.\n\n"
        "About Activision\n\nActivision Publishing, Inc., a division of Activision Blizzard (NASDAQ: ATVI), makes games.\n\n"
        "Source: Activision Publishing, Inc.",
        headline="Call of Duty Season One Live Now",
    )
    assert (parsed.company, parsed.tickers) == ("Activision Publishing, Inc.", ["NASDAQ:ATVI"])


def test_acronym_issuer_is_written_out_as_first_named():
    parsed = release(
        "CLEARWATER, FL, January 24, 2025 /24-7PressRelease/ -- CCHR warns parents about screen time.\n\n"
        "The Citizens Commission on Human Rights (CCHR) is a watchdog.",
        headline="CCHR Warns Parents",
    )
    assert parsed.company == "Citizens Commission on Human Rights"


# ---- Sections, contacts, links ---------------------------------------------------------------------


def test_sections_and_contacts():
    parsed = release(
        "BOSTON, May 1, 2020 /PRNewswire/ -- Acme Corp. (NYSE: ACME) opened a plant.\n\n"
        "The plant employs 200 people.\n\n"
        "About Acme Corp.\n\nAcme Corp. makes anvils. Visit https://acme.example/anvils.\n\n"
        "Forward-Looking Statements\n\nThis release contains forward-looking statements.\n\n"
        "Investor Contact:\nWile E. Coyote\ncoyote@acme.example\n+1 (617) 555-0100"
    )
    assert parsed.lede == "Acme Corp. (NYSE: ACME) opened a plant."
    assert parsed.body == "The plant employs 200 people."
    assert parsed.about.startswith("About Acme Corp.") and "anvils" in parsed.about
    assert parsed.forward_looking.startswith("Forward-Looking Statements")
    assert "Wile E. Coyote" in parsed.contacts
    assert parsed.emails == ["coyote@acme.example"]
    assert parsed.phones == ["+1 (617) 555-0100"]
    assert parsed.links == ["https://acme.example/anvils"]


# ---- Types and flags ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Acme Reports Third Quarter 2019 Financial Results", "earnings"),
        ("Acme Declares Quarterly Dividend", "dividend"),
        ("Acme to Acquire Roadrunner Inc.", "merger-acquisition"),
        ("Acme Announces Pricing of $500 Million Senior Notes Offering", "offering"),
        ("Acme Appoints Jane Doe as Chief Financial Officer", "executive-change"),
        ("Acme to Host Fourth Quarter Conference Call", "conference-call"),
        ("FDA Approves Acme's Anvil Drug", "clinical-regulatory"),
        ("Acme Launches New Rocket Skates", "product"),
        ("Acme Named One of the Best Places to Work", "award"),
        ("Rosen Law Firm Announces Filing of Securities Class Action Lawsuit Against Acme", "legal"),
    ],
)
def test_release_types(headline, expected):
    parsed = release("BOSTON, May 1, 2020 /PRNewswire/ -- Acme Corp. said so.", headline=headline)
    assert expected in parsed.types


def test_plain_release_has_no_type_and_no_flag():
    parsed = release("BOSTON, May 1, 2020 /PRNewswire/ -- Acme Corp. said hello.", headline="Acme Says Hello")
    assert (parsed.types, parsed.flags) == ([], [])


def test_editorial_and_sponsored_flags():
    editorial = release(
        "Acme Corp (NASDAQ: ACME) shares rose.\n\nRead More>>",
        headline="InvestorNewsBreaks \u2013 Acme Corp Shares Rise",
    )
    sponsored = release(
        "Acme Corp sells anvils.\n\nThis post contains sponsored content.", headline="Why Anvils Matter"
    )
    assert "editorial" in editorial.flags and "sponsored" not in editorial.flags
    assert sponsored.flags == ["sponsored"]


# ---- Repairs ------------------------------------------------------------------------------------------


def test_glued_paragraphs_are_split():
    parsed = json_release(
        title="Acme Corp Buys Roadrunner",
        content="BOSTON, May 1, 2020 /PRNewswire/ -- Acme Corp. bought Roadrunner worldwide.The acquisition closes in June.About AcmeAcme Corp. makes anvils.",
    )
    assert parsed.lede == "Acme Corp. bought Roadrunner worldwide."
    assert parsed.body == "The acquisition closes in June."
    assert parsed.about.startswith("About Acme")


def test_entities_and_no_break_spaces_are_decoded():
    parsed = release(
        "Hammer &amp; Nails opened&nbsp;a shop.", headline="Hammer &amp; Nails\u00a0Opens &quot;Westside&quot; Shop"
    )
    assert parsed.headline == 'Hammer & Nails Opens "Westside" Shop'
    assert parsed.lede == "Hammer & Nails opened a shop."


def test_dateline_after_bullets_and_a_notice():
    parsed = release(
        "NOT FOR DISSEMINATION IN THE UNITED STATES\n\n* Revenue up 30%\n* New plant opened\n\n"
        "MUNICH, GERMANY - March 31, 2026 (NEWMEDIAWIRE) - Acme AG reported growth.",
        headline="Acme AG Reports Growth",
    )
    assert (parsed.location, parsed.date, parsed.wire) == ("Munich, Germany", "2026-03-31", "NewMediaWire")
    assert parsed.lede == "Acme AG reported growth."
    assert "Revenue up 30%" in parsed.body


def test_dateline_glued_to_a_subheadline():
    parsed = json_release(
        title="Snupit Releases Survey Results",
        content="A survey of small businesses in South AfricaPIETERMARITZBURG, SOUTH AFRICA / ACCESSWIRE / April 15, 2019 / Snupit recently ran a survey.",
    )
    assert (parsed.location, parsed.wire, parsed.date) == ("Pietermaritzburg, South Africa", "ACCESSWIRE", "2019-04-15")
    assert parsed.subheadline == "A survey of small businesses in South Africa"
    assert parsed.lede == "Snupit recently ran a survey."


def test_second_dateline_of_the_release_itself_is_dropped_from_the_lede():
    parsed = release("PLANO, TX / PR Karma / July 7, 2025 9:00\n\nPlano, TX \u2014 Acme LNG announced a merger.")
    assert parsed.location == "Plano, TX"
    assert parsed.lede == "Acme LNG announced a merger."


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("Jersey City, New Jersey-- Food Concepts, Inc. announces that it has a new owner.", "Jersey City, New Jersey"),
        ("Dallas, Texas \u2013 Acme Corp. today said it opened a plant.", "Dallas, Texas"),
        ("Lyon, France - Acme SA said it opened a plant.", "Lyon, France"),
        ("WASHINGTON, D.C. \u2013 The coalition said it opened an office.", "Washington, D.C."),
    ],
)
def test_a_place_and_a_dash_without_a_date_is_a_dateline(paragraph, place):
    found = find_dateline(paragraph)
    assert found is not None and found.place == place and found.published is None


@pytest.mark.parametrize(
    "paragraph",
    [
        "Acme Labs, Boston -- Acme said it opened a plant.",  # a name and a city, not a city and its state
        "Smith Barney, Chicago - the bank said it opened an office.",
        "The company, Texas - based, said it opened a plant.",
    ],
)
def test_a_mixed_case_name_before_a_dash_is_no_place(paragraph):
    found = find_dateline(paragraph)
    assert found is None or found.place is None


def test_capitalised_words_joined_by_and_in_a_title_are_not_places():
    found = find_dateline(
        "Whistleblower Files Motion in Acme\u2013H.I.G. Bankruptcy, Citing Delay, ADA Claims, and Procedural Fraud "
        "FRESNO, CA, April 29, 2025 /24-7PressRelease/ -- Text starts."
    )
    assert found is not None and found.place == "Fresno, CA"


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("Boston, MA and London, UK, May 5, 2025 -- Acme Corp. today said.", "Boston, MA and London, UK"),
        ("PARIS, France and Boston, MA, May 5, 2025 -- Acme SA today said.", "Paris, France and Boston, MA"),
    ],
)
def test_mixed_case_places_joined_by_and_each_end_with_a_state_or_country(paragraph, place):
    found = find_dateline(paragraph)
    assert found is not None and found.place == place


def test_a_name_with_a_credential_before_a_job_title_is_no_place():
    found = find_dateline("John Doe, MD - Chief Executive Officer of Acme Corp., was a guest on the show.")
    assert found is None or found.place is None
