"""Search quality on a small fixture index: each ranking rule, query forms end to end, duplicates,
snippets, suggestions, related releases, sorting, exact totals and facet semantics."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from indexer import QueryError, build_index, open_index
from indexer import query as query_module
from indexer.cli import main


def release(headline, dateline, lede, body=(), about="", fls="", contact="", subheadline=None):
    """A plain-text release in the common wire layout."""
    parts = [headline]
    if subheadline:
        parts.append(subheadline)
    parts.append(f"{dateline} -- {lede}")
    parts.extend(body)
    if about:
        parts.append(f"About {about[0]}")
        parts.append(about[1])
    if fls:
        parts.append("Forward-Looking Statements")
        parts.append(fls)
    if contact:
        parts.append("Media Contact:")
        parts.append(contact)
    return "\n\n".join(parts) + "\n"


ACME_ABOUT = (
    "Acme Robotics",
    "Acme Robotics, Inc. builds warehouse robots and logistics software for retailers worldwide. "
    "Acme is a leader in logistics automation, logistics analytics and logistics robots.",
)
ACME_FLS = "This press release contains forward-looking statements about logistics demand and integration risks."
BETA_ABOUT = ("Beta Foods", "Beta Foods Corp. makes snacks sold in grocery stores across North America.")

RELEASES = {
    # Acme's own releases: the About text repeats "logistics" in each.
    "acme_widget.txt": release(
        "Acme Robotics Acquires Widget Works for $40 Million",
        "BOSTON, March 3, 2024 (GLOBE NEWSWIRE)",
        "Acme Robotics, Inc. (NASDAQ: ACME), a maker of warehouse robots, today announced that it has "
        "completed the acquisition of Widget Works, a supplier of gripper arms based in Dayton.",
        [
            "The deal adds 120 engineers and a gripper plant in Ohio. Jane Roe, chief executive officer of Acme, "
            "said the grippers will ship on every robot from next year."
        ],
        ACME_ABOUT,
        ACME_FLS,
        "John Doe, press@acme.example, 617-555-0100",
    ),
    "acme_q3.txt": release(
        "Acme Robotics Reports Third Quarter 2024 Results",
        "BOSTON, Oct. 29, 2024 (GLOBE NEWSWIRE)",
        "Acme Robotics, Inc. (NASDAQ: ACME) today reported revenue of $210 million for the third quarter "
        "ended September 30, 2024, up 14 percent from a year earlier.",
        ["Gross margin rose to 41 percent. Robot shipments reached 3,100 units."],
        ACME_ABOUT,
        ACME_FLS,
        "John Doe, press@acme.example",
    ),
    "acme_plant.txt": release(
        "Acme Robotics Opens Assembly Plant in Tucson",
        "TUCSON, Ariz., June 10, 2025 (GLOBE NEWSWIRE)",
        "Acme Robotics, Inc. (NASDAQ: ACME) today opened a 200,000 square foot assembly plant in Tucson "
        "that will build its mobile picking robots.",
        ["The plant will employ 400 people by 2026."],
        ACME_ABOUT,
        ACME_FLS,
        "John Doe, press@acme.example",
    ),
    # A logistics release: the word is in its headline, not in boilerplate.
    "gamma_logistics.txt": release(
        "Gamma Freight Launches Logistics Platform for Small Shippers",
        "CHICAGO, April 2, 2024 /PRNewswire/",
        "Gamma Freight LLC today launched a platform that lets small shippers book truck capacity online.",
        ["The platform quotes prices in seconds and tracks each load."],
        ("Gamma Freight", "Gamma Freight runs a network of regional trucking partners."),
    ),
    # Another company mentioning Acme many times in its own release.
    "beta_acme.txt": release(
        "Beta Foods Picks Acme Robots for Its Warehouses",
        "DALLAS, May 5, 2024 /PRNewswire/",
        "Beta Foods Corp. (NYSE: BETA) said Acme robots will run its three warehouses. Acme robots, Acme "
        "software and Acme service staff start in July; Acme will also train Beta employees.",
        ["Beta Foods expects the Acme robots to cut picking costs by a third."],
        BETA_ABOUT,
    ),
    "beta_snacks.txt": release(
        "Beta Foods Introduces Protein Snack Bars",
        "DALLAS, Aug. 14, 2025 /PRNewswire/",
        "Beta Foods Corp. (NYSE: BETA) today introduced a line of protein snack bars in four flavors.",
        ["The bars reach stores in September."],
        BETA_ABOUT,
    ),
    # The same release on two wires, and a re-post with its own dateline.
    "delta_bw.txt": release(
        "Delta Solar Signs Supply Agreement with Northwind Utilities",
        "DENVER--(BUSINESS WIRE)--Jan. 8, 2025",
        "Delta Solar Inc. (NASDAQ: DSOL) today signed a five-year agreement to supply photovoltaic panels to "
        "Northwind Utilities for its Colorado solar farms, worth an estimated $90 million.",
        ["Deliveries begin in the second quarter of 2025 from the company's Denver factory."],
        ("Delta Solar", "Delta Solar designs and builds photovoltaic panels in Colorado."),
    ),
    "delta_gnw.txt": release(
        "Delta Solar Signs Supply Agreement with Northwind Utilities",
        "DENVER, Jan. 08, 2025 (GLOBE NEWSWIRE)",
        "Delta Solar Inc. (NASDAQ: DSOL) today signed a five-year agreement to supply photovoltaic panels to "
        "Northwind Utilities for its Colorado solar farms, worth an estimated $90 million.",
        ["Deliveries begin in the second quarter of 2025 from the company's Denver factory."],
        ("Delta Solar", "Delta Solar designs and builds photovoltaic panels in Colorado."),
    ),
    # A different Delta release: related to the agreement, but no copy of it.
    "delta_factory.txt": release(
        "Delta Solar Expands Denver Photovoltaic Panel Factory",
        "DENVER, March 20, 2025 (GLOBE NEWSWIRE)",
        "Delta Solar Inc. (NASDAQ: DSOL) will double the output of its Denver photovoltaic panel factory to "
        "meet demand from Colorado utilities whose farms of panels make solar power.",
        ["The expansion adds two production lines for photovoltaic panels."],
        ("Delta Solar", "Delta Solar designs and builds photovoltaic panels in Colorado."),
    ),
    # Text that must come out escaped in snippets.
    "epsilon_markup.txt": release(
        "Epsilon Telecom Partners with AT&T on Rural Broadband",
        "ATLANTA, Sept. 9, 2024 /PRNewswire/",
        "Epsilon Telecom <script>alert(1)</script> and AT&T will bring rural broadband to 40 counties, "
        "with fiber reaching <b>homes</b> first.",
        ["Rural broadband service starts in Georgia."],
    ),
}


def write_releases(folder: Path, releases: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in releases.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def quality_index(tmp_path_factory):
    """An index of the fixture releases above, built once for this module."""
    root = tmp_path_factory.mktemp("quality")
    folder = write_releases(root / "releases", RELEASES)
    path = root / "index"
    report = build_index([folder], path)
    assert not report.skipped, report.skipped
    with open_index(path) as opened:
        yield opened


def names(page) -> list[str]:
    return [Path(hit.path).name for hit in page.hits]


def first(index, query, **options) -> str:
    page = index.search(query, **options)
    assert page.hits, f"no hits for {query!r}"
    return Path(page.hits[0].path).name


# ---- Ranking rules ----------------------------------------------------------------------------------


def test_boilerplate_only_match_ranks_below_a_headline_match(quality_index):
    page = quality_index.search("logistics")
    order = names(page)
    # Acme's releases carry "logistics" only in their About text and safe harbor, three and four times.
    assert order[0] == "gamma_logistics.txt"
    assert {"acme_widget.txt", "acme_q3.txt", "acme_plant.txt"} <= set(order[1:])


def test_stemming_finds_other_forms_of_a_word(quality_index):
    # The release says "acquisition"; the user types "acquires" or "acquiring".
    assert first(quality_index, "acme acquiring gripper maker") == "acme_widget.txt"
    assert first(quality_index, "acquires") == "acme_widget.txt"


def test_long_query_with_a_missing_word_still_finds_the_release(quality_index):
    # "Cleveland" appears nowhere: ranked, not strict AND.
    assert first(quality_index, "Acme buys gripper arms maker Cleveland") == "acme_widget.txt"


def test_long_query_with_a_misspelt_word_still_finds_the_release(quality_index):
    assert first(quality_index, "Acme opens assembly plant Tuscon") == "acme_plant.txt"
    page = quality_index.search("Tuscon")
    assert names(page) == ["acme_plant.txt"]


def test_matching_more_words_ranks_higher(quality_index):
    page = quality_index.search("delta photovoltaic factory expands")
    assert names(page)[0] == "delta_factory.txt"


def test_headline_weighs_more_than_body(quality_index):
    # "agreement" is in the Delta headline; the Acme widget release has it nowhere, Beta nowhere.
    page = quality_index.search("supply agreement")
    assert names(page)[0] in ("delta_bw.txt", "delta_gnw.txt")


def test_ticker_typed_as_a_plain_word_favours_the_issuer(quality_index):
    # Beta's release says "Acme" six times; the issuer's own releases still come first.
    # "robot": both hold only relatives of it ("robots", "Robotics"), so the word's own form favours neither.
    page = quality_index.search("ACME robot")
    order = names(page)
    assert order.index("beta_acme.txt") > order.index("acme_plant.txt")
    assert order.index("beta_acme.txt") > order.index("acme_widget.txt")


def test_query_words_in_the_headline_outrank_the_same_words_in_the_text(quality_index):
    # Both Delta releases (three, with the copy) hold every word; only the factory one in its headline.
    page = quality_index.search("Delta Solar Denver photovoltaic panel factory")
    assert names(page)[0] == "delta_factory.txt"
    assert page.hits[0].score > 1.5 * page.hits[1].score


def test_abbreviation_finds_the_long_form(quality_index):
    assert first(quality_index, "Acme Q3 revenue") == "acme_q3.txt"
    assert names(quality_index.search("Q3")) == ["acme_q3.txt"]


def test_equal_scores_and_no_words_go_newest_first(quality_index):
    page = quality_index.search("ticker:ACME")
    assert names(page) == ["acme_plant.txt", "acme_q3.txt", "acme_widget.txt"]


# ---- Query forms end to end ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"gripper arms"', {"acme_widget.txt"}),
        ('"arms gripper"', set()),
        ("snack AND protein", {"beta_snacks.txt"}),
        ("snack OR gripper", {"beta_snacks.txt", "acme_widget.txt", "beta_acme.txt"}),
        ("acme -beta", {"acme_widget.txt", "acme_q3.txt", "acme_plant.txt"}),
        ("acme NOT beta", {"acme_widget.txt", "acme_q3.txt", "acme_plant.txt"}),
        ("headline:logistics", {"gamma_logistics.txt"}),
        ("body:gripper", {"acme_widget.txt"}),
        ("ticker:BETA", {"beta_acme.txt", "beta_snacks.txt"}),
        ("ticker:NYSE:BETA", {"beta_acme.txt", "beta_snacks.txt"}),
        ("ticker:NASDAQ:BETA", set()),
        ('company:"Beta Foods"', {"beta_acme.txt", "beta_snacks.txt"}),
        ('wire:"PR Newswire"', {"gamma_logistics.txt", "beta_acme.txt", "beta_snacks.txt", "epsilon_markup.txt"}),
        (
            "wire:globenewswire",
            {"acme_widget.txt", "acme_q3.txt", "acme_plant.txt", "delta_gnw.txt", "delta_factory.txt"},
        ),
        ("exchange:NYSE", {"beta_acme.txt", "beta_snacks.txt"}),
        ("location:Tucson", {"acme_plant.txt"}),
        ("type:earnings", {"acme_q3.txt"}),
        ("date:2025-06", {"acme_plant.txt"}),
        ("date:[2025-06-01 TO 2025-08-31]", {"acme_plant.txt", "beta_snacks.txt"}),
        ("acme date:>2024-10-01", {"acme_q3.txt", "acme_plant.txt"}),
        ("acme date:<2024-10-01", {"acme_widget.txt", "beta_acme.txt"}),
        ("photovolt*", {"delta_bw.txt", "delta_factory.txt"}),
        ("photo?oltaic", {"delta_bw.txt", "delta_factory.txt"}),
        ("gripers~", {"acme_widget.txt"}),
        ("ticker:DSO*", {"delta_bw.txt", "delta_factory.txt"}),
        ("ticker:BETA snack", {"beta_snacks.txt", "beta_acme.txt"}),
        ("ticker:BETA protein", {"beta_snacks.txt"}),
    ],
)
def test_query_forms(quality_index, query, expected):
    page = quality_index.search(query, per_page=50)
    assert set(names(page)) == expected
    assert page.total == len(expected)


def test_malformed_query_message_reaches_the_caller(quality_index):
    with pytest.raises(QueryError, match="unbalanced quote"):
        quality_index.search('"gripper arms')
    with pytest.raises(QueryError, match="unknown field 'colour'"):
        quality_index.search("colour:red")


def test_wildcard_expanding_to_too_many_words_is_refused(quality_index, monkeypatch):
    monkeypatch.setattr(query_module, "MAX_EXPANSIONS", 3)
    with pytest.raises(QueryError, match=r"'co\*' matches more than 3 different words in the index: give more letters"):
        quality_index.search("co*")
    with pytest.raises(QueryError, match=r"'co\?\?\?\?\?' matches more than 3 different words"):
        quality_index.search("co?????")
    monkeypatch.setattr(query_module, "MAX_EXPANSIONS", 0)
    with pytest.raises(QueryError, match=r"'robot~2' matches more than 0 different words"):
        quality_index.search("robot~2")
    monkeypatch.setattr(query_module, "MAX_EXPANSIONS", 500)
    assert quality_index.search("photovolt*").total == 2


def test_search_over_its_time_limit_stops_with_a_message(quality_index, monkeypatch):
    monkeypatch.setattr(query_module, "SEARCH_TIME_LIMIT_S", 0.0)
    with pytest.raises(QueryError, match="took longer than 0 s and was stopped"):
        quality_index.search("acme robots")


# ---- Duplicates -------------------------------------------------------------------------------------


def test_copies_on_two_wires_collapse_into_one_hit(quality_index):
    page = quality_index.search('"Northwind Utilities"')
    assert page.total == 1
    (hit,) = page.hits
    assert {Path(hit.path).name, *(Path(d["path"]).name for d in hit.duplicates)} == {"delta_bw.txt", "delta_gnw.txt"}
    (copy,) = hit.duplicates
    assert copy["wire"] in ("Business Wire", "GlobeNewswire") and copy["wire"] != hit.wire


def test_release_page_lists_its_copies(quality_index):
    hit = quality_index.search('"Northwind Utilities"').hits[0]
    release = quality_index.get(hit.id)
    assert [d["id"] for d in release.duplicates] == [hit.duplicates[0]["id"]]


def test_duplicate_key_ignores_the_wire_and_dateline_but_not_the_text():
    from indexer.duplicates import duplicate_key
    from indexer.model import Release

    lede = "Delta Solar Inc. today signed a five-year agreement to supply panels to Northwind Utilities."
    a = Release(path="a", headline="Delta Solar Signs Supply Agreement", lede=lede, wire="Business Wire")
    b = Release(path="b", headline="DELTA SOLAR SIGNS SUPPLY AGREEMENT", lede=lede, wire="GlobeNewswire")
    c = Release(path="c", headline="Delta Solar Signs Supply Agreement", lede=lede.replace("five", "ten"))
    d = Release(
        path="d",
        headline="Delta Solar Signs Supply Agreement",
        lede="Thursday Jan 9, 2025 @ 7:00 AM America/Denver — " + lede,
    )
    assert duplicate_key(a) == duplicate_key(b) == duplicate_key(d)
    assert duplicate_key(a) != duplicate_key(c)


# ---- Around the results -------------------------------------------------------------------------------


def test_snippet_shows_the_best_passage_with_words_marked(quality_index):
    hit = quality_index.search("gripper plant Ohio").hits[0]
    assert Path(hit.path).name == "acme_widget.txt"
    marked = re.findall(r'<mark class="hl term\d+">(.*?)</mark>', hit.snippet)
    assert {m.lower() for m in marked} >= {"gripper", "plant", "ohio"}


def test_snippet_is_escaped_with_only_marks_added(quality_index):
    hit = quality_index.search("rural broadband").hits[0]
    assert "<script>" not in hit.snippet and "<b>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet or "&lt;b&gt;" in hit.snippet or "AT&amp;T" in hit.snippet
    tags = set(re.findall(r"</?([a-z]+)", hit.snippet))
    assert tags <= {"mark"}


def test_did_you_mean_uses_the_index_vocabulary(quality_index):
    page = quality_index.search("Acme gripers")
    assert page.suggestion == "Acme grippers"
    assert quality_index.search("Acme grippers").suggestion is None
    # A word the index lacks with nothing close: no suggestion.
    assert quality_index.search("xylophone").suggestion is None


def test_related_releases_exclude_copies(quality_index):
    hit = quality_index.search('"Northwind Utilities"').hits[0]
    related = quality_index.related(hit.id)
    related_names = [Path(r.path).name for r in related]
    assert related_names[0] == "delta_factory.txt"
    assert not {"delta_bw.txt", "delta_gnw.txt"} & set(related_names)


def test_sort_newest_and_oldest(quality_index):
    newest = quality_index.search("acme", sort="newest")
    oldest = quality_index.search("acme", sort="oldest")
    dates = [h.date for h in newest.hits]
    assert dates == sorted(dates, reverse=True)
    assert [h.date for h in oldest.hits] == sorted(dates)


def test_pagination_with_exact_totals(quality_index):
    everything = quality_index.search("", per_page=100)
    assert everything.total == len(RELEASES) - 1  # the two Delta copies count once
    seen = []
    for page_number in (1, 2, 3):
        page = quality_index.search("", per_page=4, page=page_number, sort="oldest")
        assert page.total == everything.total
        seen += [h.id for h in page.hits]
    assert len(seen) == len(set(seen)) == everything.total


# ---- Facets: counted over the whole result set, OR within a facet, AND across facets ------------------


def independent_counts(index, facet: str, keep=lambda release: True) -> dict[str, int]:
    """Count a facet's values release by release from fetched releases (copies folded: a release counts once, as
    its listed hit), not via the facet table."""
    value_of = {"wire": lambda r: r.wire, "year": lambda r: r.date and r.date[:4], "company": lambda r: r.company}[
        facet
    ]
    counts: dict[str, int] = {}
    for hit in index.search("", per_page=100).hits:
        for release_id in [hit.id]:
            release = index.get(release_id)
            if keep(release) and value_of(release):
                counts[value_of(release)] = counts.get(value_of(release), 0) + 1
    return counts


def facet_counts(page, facet: str) -> dict[str, int]:
    return {v.value: v.count for v in page.facets[facet].values}


def test_facet_counts_match_an_independent_count(quality_index):
    page = quality_index.search("")
    for facet in ("wire", "year", "company"):
        assert facet_counts(page, facet) == independent_counts(quality_index, facet)
    page = quality_index.search("photovoltaic")
    # Copies on several wires are one release: the wire facet counts it once, under the copy listed.
    assert sum(facet_counts(page, "wire").values()) == page.total
    listed: dict[str, int] = {}
    for hit in quality_index.search("photovoltaic", per_page=100).hits:
        listed[hit.wire] = listed.get(hit.wire, 0) + 1
    assert facet_counts(page, "wire") == listed


def test_values_of_one_facet_combine_with_or(quality_index):
    page = quality_index.search("", filters={"wire": ["PR Newswire", "Business Wire"]}, per_page=50)
    wires = {h.wire for h in page.hits}
    assert wires <= {"PR Newswire", "Business Wire"} and len(wires) == 2


def test_facets_combine_with_and_and_ignore_their_own_selection(quality_index):
    page = quality_index.search("", filters={"wire": ["PR Newswire"], "year": ["2024"]}, per_page=50)
    assert names(page) and all(h.wire == "PR Newswire" and h.date.startswith("2024") for h in page.hits)
    # The wire facet still counts every wire within the year selection...
    in_2024 = quality_index.search("", filters={"year": ["2024"]}, per_page=50)
    assert facet_counts(page, "wire") == facet_counts(in_2024, "wire")
    assert len(facet_counts(page, "wire")) > 1
    # ...and the year facet every year within the wire selection.
    on_prn = quality_index.search("", filters={"wire": ["PR Newswire"]}, per_page=50)
    assert facet_counts(page, "year") == facet_counts(on_prn, "year")
    selected = [v for v in page.facets["wire"].values if v.selected]
    assert [v.value for v in selected] == ["PR Newswire"]


# ---- The same behaviour through the CLI ---------------------------------------------------------------


def test_cli_search_json_uses_the_same_ranking(quality_index, runner):
    import json

    path = quality_index.backend.store.path
    result = runner.invoke(main, ["search", "logistics", "--index", path, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert Path(data["hits"][0]["path"]).name == "gamma_logistics.txt"
    result = runner.invoke(
        main, ["search", "Acme", "--ticker", "ACME", "--from", "2024-10-01", "--index", path, "--json"]
    )
    data = json.loads(result.output)
    assert {Path(h["path"]).name for h in data["hits"]} == {"acme_q3.txt", "acme_plant.txt"}


def test_a_query_of_only_negations_keeps_everything_else(quality_index):
    page = quality_index.search("NOT acme", per_page=50)
    shown = set(names(page))
    assert page.total == 5  # the two Delta copies count once
    assert {"gamma_logistics.txt", "beta_snacks.txt", "delta_factory.txt", "epsilon_markup.txt"} <= shown
    assert not {"acme_widget.txt", "acme_q3.txt", "acme_plant.txt", "beta_acme.txt"} & shown
    assert quality_index.search("-acme -delta", per_page=50).total == 3
