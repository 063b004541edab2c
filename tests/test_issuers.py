"""Issuers: the registry's sources (user file, SEC list, corpus), resolution rules, rebuilds, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer import build_index, open_index
from indexer.cli import main
from indexer.issuers import Evidence, Issuer, Registry, load_registry, resolve
from indexer.issuers.names import clean_name, display_name, name_key
from indexer.issuers.resolve import learn
from indexer.issuers.sources import cached_registry, read_sec_json, read_user_file
from indexer.model import IssuerFileError
from webapp import create_app

# A tiny SEC list in the SEC's company_tickers_exchange.json format.
SEC = {
    "fields": ["cik", "name", "ticker", "exchange"],
    "data": [
        [123456, "ORBIT FOODS INC", "ORBF", "NYSE"],
        [777, "Quasar Health Corp.", "QSHC", "Nasdaq"],
        [777, "Quasar Health Corp.", "QSHCW", "Nasdaq"],
    ],
}


def release_text(headline: str, lede: str, about: str = "", day: int = 3) -> str:
    """A release as a wire prints it: headline, dateline and lede, an About section."""
    parts = [headline, "", f"NEW YORK, March {day}, 2020 (GLOBE NEWSWIRE) -- {lede}", "", "More details follow here."]
    if about:
        parts += ["", about]
    return "\n".join(parts) + "\n"


RELEASES = {
    # The issuer prints its listing once...
    "zenith_1.txt": release_text(
        "Zenith Robotics Opens a Plant", "Zenith Robotics, Inc. (NASDAQ: ZNTH) today announced a new plant in Ohio."
    ),
    # ... and not here: the corpus teaches it.
    "zenith_2.txt": release_text(
        "Zenith Robotics Names a New Chief Executive", "Zenith Robotics, Inc. today announced a new chief executive."
    ),
    # In the SEC list by name only.
    "orbit_1.txt": release_text(
        "Orbit Foods Reports Record Sales", "Orbit Foods Inc. today reported record sales for its fourth quarter."
    ),
    # A partner prints the listed company's symbol: it stays the partner's release.
    "partner.txt": release_text(
        "Acme Widgets Signs a Supply Deal",
        "Acme Widgets today announced a supply agreement with Orbit Foods Inc. (NYSE: ORBF), the snack maker.",
    ),
    # A division's release names its listed parent in its About section.
    "nimbus.txt": release_text(
        "Nimbus Kitchens Launches a Cookbook",
        "Nimbus Kitchens today launched its first cookbook.",
        about="About Nimbus Kitchens\nNimbus Kitchens is a unit of Orbit Foods Inc. (NYSE: ORBF), the snack maker.",
    ),
}


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def sec_file(tmp_path) -> Path:
    path = tmp_path / "company_tickers_exchange.json"
    path.write_text(json.dumps(SEC), encoding="utf-8")
    return path


@pytest.fixture
def built(tmp_path, sec_file):
    """An index of RELEASES resolved with the tiny SEC list."""
    write(tmp_path / "releases", RELEASES)
    report = build_index([tmp_path / "releases"], tmp_path / "index", sec_tickers=sec_file)
    with open_index(tmp_path / "index") as index:
        yield index, report


def paths_of(index, query: str) -> set[str]:
    page = index.search(query, per_page=50, collapse=False)
    return {Path(h.path).name for h in page.hits}


# ---- Sources ------------------------------------------------------------------------------------


def test_sec_list_groups_tickers_by_cik_and_writes_names_as_printed(sec_file):
    issuers = {i.cik: i for i in read_sec_json(str(sec_file), sec_file.read_bytes())}
    assert issuers["777"].listings == ["NASDAQ:QSHC", "NASDAQ:QSHCW"]
    assert issuers["123456"].name == "Orbit Foods Inc."
    assert issuers["123456"].id == "cik123456"


def test_sec_list_reads_company_tickers_json_too(tmp_path):
    data = {"0": {"cik_str": 320193, "ticker": "AAPL", "title": "Apple Inc."}}
    (issuer,) = read_sec_json("x.json", json.dumps(data).encode())
    assert (issuer.name, issuer.cik, issuer.listings) == ("Apple Inc.", "320193", ["OTC:AAPL"])


def test_shipped_sec_snapshot_is_read_without_network():
    registry = load_registry(sec_tickers=None, issuers_file=None)
    assert len(registry) > 5000
    apple = registry.by_listing("NASDAQ:AAPL")
    assert apple is not None and apple.cik == "320193"
    assert registry.by_name("Apple") is apple
    assert registry.find("320193") is apple


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("issuers.jsonl", '{"name": "Orbit Global Foods", "listings": ["NYSE:ORBF"]}\n{"name": "Bad",\n'),
        (
            "issuers.json",
            '[\n  {"name": "Orbit Global Foods", "listings": ["NYSE:ORBF"]},\n  {"listings": ["NYSE:X"]}\n]',
        ),
        ("issuers.csv", "id,name,listings\norbit,Orbit Global Foods,NYSE:ORBF\nbad,Bad Corp,ORBF\n"),
        ("issuers.jsonl", '{"name": "A", "listings": ["NYSE:ORBF"]}\n{"name": "B", "listings": ["NYSE:ORBF"]}\n'),
        ("issuers.jsonl", '{"name": "A"}\n{"name": "B", "cik": "12x"}\n'),
    ],
)
def test_malformed_user_file_names_the_line(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(IssuerFileError) as caught:
        read_user_file(path)
    assert caught.value.line == (3 if name == "issuers.json" or name == "issuers.csv" else 2)
    assert f"line {caught.value.line}:" in str(caught.value)


def test_user_file_formats_agree(tmp_path):
    rows = [{"id": "orbit", "name": "Orbit Global Foods", "aliases": ["Orbit Foods"], "listings": ["nyse: orbf"]}]
    (tmp_path / "a.json").write_text(json.dumps({"issuers": rows}), encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps(rows[0]) + "\n", encoding="utf-8")
    (tmp_path / "a.csv").write_text("id,name,aliases,listings\norbit,Orbit Global Foods,Orbit Foods,NYSE:ORBF\n")
    found = [read_user_file(tmp_path / n)[0] for n in ("a.json", "a.jsonl", "a.csv")]
    assert all(i == found[0] for i in found)
    assert found[0].listings == ["NYSE:ORBF"] and found[0].source == "user"


def test_user_file_wins_a_listing_and_the_conflict_is_reported(tmp_path, sec_file):
    user = tmp_path / "mine.jsonl"
    user.write_text('{"id": "orbit", "name": "Orbit Global Foods", "listings": ["NYSE:ORBF"]}\n')
    registry = load_registry(user, sec_file)
    assert registry.by_listing("NYSE:ORBF").id == "orbit"
    assert [(c.listing, c.kept, c.lost) for c in registry.conflicts] == [("NYSE:ORBF", "orbit", "cik123456")]


# ---- Names and the registry --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "clean"),
    [
        ("Acme's", "Acme"),
        ("Inc.'s", None),
        ("Acme Corp.\u2019s", "Acme Corp."),
        ("Zenith Robotics, Florida", "Zenith Robotics"),
    ],
)
def test_names_are_cleaned(printed, clean):
    assert clean_name(printed) == clean


def test_a_name_that_is_the_dateline_place_is_no_company():
    resolution = resolve(Evidence("Florida", [], "Tampa, Florida"), Registry())
    assert resolution.company is None


@pytest.mark.parametrize(
    ("sec", "shown"),
    [
        ("MICROSOFT CORP", "Microsoft Corp."),
        ("KLA CORP", "KLA Corp."),
        ("COSTCO WHOLESALE CORP /NEW", "Costco Wholesale Corp."),
        ("Apple Inc.", "Apple Inc."),
        # A state, a country or a note after a slash, in mixed case too.
        ("Orbit Widgets, Inc. / Delaware", "Orbit Widgets, Inc."),
        ("Orbit Scientific, Inc./tx", "Orbit Scientific, Inc."),
        ("Orbit Acquisition Corp/Cayman", "Orbit Acquisition Corp"),
        ("Orbit Shipping Inc./Marshall Islands", "Orbit Shipping Inc."),
        ("Orbit Bank A/S / ADR", "Orbit Bank A/S"),
        # A slash inside the name stays, and a Danish "A/S".
        ("Quad/Orbit, Inc.", "Quad/Orbit, Inc."),
        ("Orbit I/O Corp.", "Orbit I/O Corp."),
        ("Orbit Pharma A/S", "Orbit Pharma A/S"),
        # Upper case but for the legal form, and initials with stops kept.
        ("ORBIT & GAMBLE Co", "Orbit & Gamble Co."),
        ("GRUPO ORBITA, S.A.B. de C.V.", "Grupo Orbita, S.A.B. de C.V."),
        ("Orbit Minerals Inc..", "Orbit Minerals Inc."),
        # One upper-case word beside a mixed-case legal form may be how the issuer writes itself.
        ("ORBX, Inc.", "ORBX, Inc."),
    ],
)
def test_sec_names_are_shown_as_issuers_print_them(sec, shown):
    assert display_name(sec) == shown


def test_name_key_ignores_legal_forms_and_case():
    assert name_key("Apple Inc.") == name_key("APPLE INC") == name_key("Apple")
    assert name_key("Apple Hospitality REIT") != name_key("Apple")


def test_a_user_record_with_the_sec_cik_is_one_issuer(tmp_path, sec_file):
    user = tmp_path / "mine.jsonl"
    user.write_text(
        '{"id": "orbit", "name": "Orbit Global Foods", "cik": "0000123456", "former_listings": ["NYSE:OFI"]}\n'
    )
    registry = load_registry(user, sec_file)
    orbit = registry.find("ORBF")
    assert (orbit.id, orbit.name, orbit.all_listings) == ("orbit", "Orbit Global Foods", ["NYSE:ORBF", "NYSE:OFI"])
    assert registry.find("OFI") is orbit and registry.find("Orbit Foods Inc.") is orbit and not registry.conflicts


# Changes a registry takes while learning, each touching an issuer record the registry it was copied from holds.
CHANGES = {
    "a more trusted issuer takes a listing": lambda r: r.add(
        Issuer("mine", "Orbit Global", listings=["NYSE:ORBF"], source="user")
    ),
    "a second record of an issuer is merged": lambda r: r.add(
        Issuer("x", "QH Holdings", ["QH"], ["NYSE:QSH"], cik="777")
    ),
    "a learned alias": lambda r: r.add_alias("cik123456", "Orbit Snacks"),
}


def _lookups(registry: Registry) -> tuple:
    found = (registry.by_symbol("ORBF"), registry.by_symbol("QSH"), registry.by_name("Orbit Snacks"))
    return tuple(i.id if i else None for i in found) + (registry.by_cik("777").aliases,)


@pytest.mark.parametrize("change", list(CHANGES))
@pytest.mark.parametrize("changed", ["copy", "original"])
def test_a_registry_and_its_copy_change_apart(sec_file, change, changed):
    original = load_registry(None, sec_file)
    copy = original.copy()
    records, lookups = original.dumps(), _lookups(original)
    target, other = (copy, original) if changed == "copy" else (original, copy)
    CHANGES[change](target)
    assert (target.dumps(), _lookups(target)) != (records, lookups)
    assert (other.dumps(), _lookups(other)) == (records, lookups)


def test_the_sec_lists_registry_is_read_once_while_other_files_come_between(tmp_path, sec_file, monkeypatch):
    monkeypatch.delenv("RELEASES_ISSUERS", raising=False)
    monkeypatch.delenv("RELEASES_SEC_TICKERS", raising=False)
    shipped = cached_registry()
    others = [cached_registry(None, sec_file), cached_registry(None, "none")]
    assert cached_registry() is shipped and cached_registry(None, sec_file) is others[0]
    sec_file.write_text(json.dumps({**SEC, "data": SEC["data"][:1]}), encoding="utf-8")  # a changed file: read again
    assert len(cached_registry(None, sec_file)) == 1 and len(others[0]) == 2


def test_a_name_two_issuers_share_decides_nothing():
    registry = Registry([Issuer("a", "Nova Corp", cik="1"), Issuer("b", "Nova Inc.", cik="2")])
    assert registry.by_name("Nova") is None


# ---- Resolution rules --------------------------------------------------------------------------


def test_own_listing_then_name_then_parent(sec_file):
    registry = load_registry(None, sec_file)
    by_listing = resolve(Evidence(None, ["NYSE:ORBF"]), registry)
    by_name = resolve(Evidence("Orbit Foods", []), registry)
    by_parent = resolve(Evidence("Nimbus Kitchens", [], None, ["NYSE:ORBF"]), registry)
    assert by_listing.issuer_id == by_name.issuer_id == by_parent.issuer_id == "cik123456"
    assert by_name.cik == "123456" and by_name.tickers == ("NYSE:ORBF",)
    unknown = resolve(Evidence("Acme Widgets", []), registry)
    assert (unknown.company, unknown.tickers, unknown.issuer_id) == ("Acme Widgets", (), None)


@pytest.mark.parametrize("printed_name", ["Quasar Health", "QH Holdings", None])
def test_an_edgar_filers_cik_decides_its_issuer(sec_file, printed_name):
    # An EDGAR filing names its filer by CIK: that is the issuer whatever name the release prints.
    resolution = resolve(Evidence(printed_name, [], cik="777"), load_registry(None, sec_file))
    assert (resolution.issuer_id, resolution.cik) == ("cik777", "777")
    assert "NASDAQ:QSHC" in resolution.tickers


def test_an_unknown_filers_cik_is_kept(sec_file):
    resolution = resolve(Evidence("Nova Mining Corp.", [], cik="999999"), load_registry(None, sec_file))
    assert (resolution.company, resolution.issuer_id, resolution.cik) == ("Nova Mining Corp.", None, "999999")


def test_evidence_of_an_edgar_release_keeps_its_cik_through_json():
    evidence = Evidence("Quasar Health", [], cik="777")
    assert Evidence.from_json(evidence.to_json()) == evidence
    assert Evidence.from_json(evidence.to_json()[:6]).cik is None  # files written before CIKs were kept


def test_a_listing_whose_issuer_has_another_name_keeps_only_the_printed_ticker(sec_file):
    # A symbol reused since, or a made-up one in a sample: "Orbital Drones (NYSE: ORBF)" is not Orbit Foods.
    resolution = resolve(Evidence("Orbital Drones Corp.", ["NYSE:ORBF"]), load_registry(None, sec_file))
    assert (resolution.company, resolution.tickers, resolution.cik) == ("Orbital Drones Corp.", ("NYSE:ORBF",), None)
    assert resolve(Evidence("Orbit Foods", ["NYSE:ORBF"]), load_registry(None, sec_file)).cik == "123456"


def test_corpus_teaches_a_name_its_listing():
    evidences = [Evidence("Zenith Robotics, Inc.", ["NASDAQ:ZNTH"]), Evidence("Zenith Robotics", [])]
    learned = learn(evidences, Registry())
    resolution = resolve(evidences[1], learned)
    assert resolution.tickers == ("NASDAQ:ZNTH",)
    assert resolution.company == "Zenith Robotics, Inc."


def test_a_name_printed_beside_two_listings_teaches_nothing():
    evidences = [Evidence("Nova", ["NASDAQ:NOVA"]), Evidence("Nova", ["NYSE:NVX"]), Evidence("Nova", [])]
    assert resolve(evidences[2], learn(evidences, Registry())).tickers == ()


# ---- Through an index --------------------------------------------------------------------------


def test_index_resolves_every_release_to_its_issuer(built):
    index, report = built
    assert paths_of(index, "ticker:ZNTH") == {"zenith_1.txt", "zenith_2.txt"}
    assert paths_of(index, "ticker:ORBF") == {"orbit_1.txt", "nimbus.txt"}
    assert paths_of(index, "cik:123456") == paths_of(index, "ticker:ORBF")
    assert paths_of(index, "cik:0000123456") == paths_of(index, "ticker:ORBF")
    assert "partner.txt" in paths_of(index, "company:acme")
    assert report.reresolved_files >= 1  # zenith_2 learned its listing after the first pass
    companies = index.search("ticker:ZNTH", facets=("company",)).facets["company"].values
    assert [v.value for v in companies] == ["Zenith Robotics, Inc."]


def test_changed_registry_re_resolves_on_the_next_build_without_a_rebuild(tmp_path, sec_file, built):
    index, _ = built
    user = tmp_path / "mine.csv"
    user.write_text("id,name,aliases,listings\norbit,Orbit Global Foods,Orbit Foods,NYSE:ORBF\n")
    report = build_index([tmp_path / "releases"], tmp_path / "index", sec_tickers=sec_file, issuers=user)
    assert not report.rebuilt
    assert report.reresolved_files == 2  # orbit_1 and nimbus: nothing else changed issuer
    assert report.issuer_conflicts and "NYSE:ORBF" in report.issuer_conflicts[0]
    with open_index(tmp_path / "index") as reopened:
        hits = reopened.search("ticker:ORBF", collapse=False).hits
        assert {h.company for h in hits} == {"Orbit Global Foods"}
        assert {h.issuer for h in hits} == {"orbit"}
    again = build_index([tmp_path / "releases"], tmp_path / "index", sec_tickers=sec_file, issuers=user)
    assert again.reresolved_files == 0


def test_cli_index_reports_a_malformed_issuer_file(runner, tmp_path, sec_file):
    write(tmp_path / "releases", RELEASES)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"name": "Fine"}\n{"name": "Broken", "listings": ["ORBF"]}\n')
    result = runner.invoke(
        main, ["index", str(tmp_path / "releases"), "--index", str(tmp_path / "ix"), "--issuers", str(bad)]
    )
    assert result.exit_code == 1
    assert "Error:" in result.output and "line 2" in result.output and "EXCHANGE:SYMBOL" in result.output


def test_cli_companies_lists_issuers_by_release_count(runner, built, tmp_path):
    result = runner.invoke(main, ["companies", "--index", str(tmp_path / "index"), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows[0]["listing"] == "NYSE:ORBF" and rows[0]["releases"] == 2 and rows[0]["cik"] == "123456"
    assert [r["releases"] for r in rows] == sorted((r["releases"] for r in rows), reverse=True)
    narrowed = runner.invoke(main, ["companies", "zen", "--index", str(tmp_path / "index")])
    assert "Zenith Robotics" in narrowed.output and "Orbit" not in narrowed.output


def test_cli_parse_shows_the_issuer(runner, tmp_path, sec_file):
    write(tmp_path / "one", {"orbit.txt": RELEASES["orbit_1.txt"]})
    result = runner.invoke(
        main, ["parse", str(tmp_path / "one" / "orbit.txt"), "--json", "--sec-tickers", str(sec_file)]
    )
    data = json.loads(result.output)
    assert data["tickers"] == ["NYSE:ORBF"]
    assert data["issuer"] == {"id": "cik123456", "name": "Orbit Foods Inc.", "cik": "123456", "listings": ["NYSE:ORBF"]}


def test_cli_parse_no_issuers_prints_the_parsers_answer(runner, tmp_path, sec_file):
    write(tmp_path / "one", {"zenith.txt": RELEASES["zenith_2.txt"]})
    args = ["parse", str(tmp_path / "one" / "zenith.txt"), "--json", "--sec-tickers", str(sec_file), "--no-issuers"]
    data = json.loads(runner.invoke(main, args).output)
    assert "issuer" not in data and data["company"] == "Zenith Robotics, Inc." and data["tickers"] == []


def test_autocomplete_labels_an_issuer_with_its_listing(built):
    index, _ = built
    (entry,) = [e for e in index.complete("orbit") if e["kind"] == "company"]
    assert entry["label"] == "Orbit Foods Inc. \u00b7 NYSE:ORBF" and entry["issuer"] == "cik123456"


def _evidence(text: str) -> Evidence:
    from indexer.parse import parse_bytes

    (release,) = parse_bytes("r.txt", text.encode())
    return Evidence.of(release)


@pytest.mark.parametrize(
    ("lede", "closing", "issuer"),
    [
        # The owner named without a listing lends neither its name nor its listing: the unit is its own issuer.
        (
            "Nimbus Kitchens today opened a test kitchen.",
            "Nimbus Kitchens is a subsidiary of Orbit Foods Inc.",
            None,
        ),
        ("Nimbus Kitchens today opened a test kitchen.", "Nimbus Kitchens is part of Orbit Foods.", None),
        ("Nimbus Kitchens today opened a test kitchen.", "Nimbus Kitchens is owned by Orbit Foods Inc.", None),
        # The owner's listing, "the ... division of".
        (
            "Nimbus Kitchens today opened a test kitchen.",
            "Nimbus Kitchens is the $2 billion baking division of Orbit Foods Inc. (NYSE: ORBF).",
            "cik123456",
        ),
        # The wire's SOURCE line names the issuer of record (PR Newswire's spelling, then Business Wire's).
        ("The Snack Days Festival opens today in Queens.", "SOURCE Orbit Foods Inc.", "cik123456"),
        ("Nimbus Kitchens LLC today opened a test kitchen.", "Source: Orbit Foods Inc.", "cik123456"),
        # A partner's About section is not the issuer.
        (
            "Acme Widgets today signed a supply deal.",
            "About Acme Widgets\nAcme Widgets makes widgets.\n\nAbout Orbit Foods\nOrbit Foods Inc. makes snacks.",
            None,
        ),
        # A sentence about another company's unit says nothing of this issuer.
        ("Acme Widgets today signed a supply deal.", "Its buyer, Nimbus, is a subsidiary of Orbit Foods Inc.", None),
    ],
)
def test_owner_and_source_rules(sec_file, lede, closing, issuer):
    registry = load_registry(None, sec_file)
    evidence = _evidence(release_text(lede.split(" today")[0] + " Makes News", lede, about=closing))
    assert resolve(evidence, registry).issuer_id == issuer


@pytest.mark.parametrize(
    "closing",
    [
        "Nimbus Kitchens is a subsidiary of Orbit Foods Inc.",
        "Nimbus Kitchens is part of Orbit Foods - the Snack Company.",
        "About Nimbus Kitchens\nNimbus Kitchens is part of Orbit Foods.\n\nAbout Orbit Foods\nOrbit Foods Inc. makes snacks.",
    ],
)
def test_a_unit_whose_owner_is_named_without_a_listing_keeps_its_name_and_no_ticker(sec_file, closing):
    evidence = _evidence(
        release_text(
            "Nimbus Kitchens Opens a Test Kitchen", "Nimbus Kitchens today opened a test kitchen.", about=closing
        )
    )
    resolution = resolve(evidence, load_registry(None, sec_file))
    assert (resolution.company, resolution.tickers, resolution.issuer_id) == ("Nimbus Kitchens", (), None)


@pytest.mark.parametrize("part", ["a division of", "a studio of", "the baking business of"])
def test_a_division_printing_its_owners_listing_is_the_owners(sec_file, part):
    evidence = _evidence(
        release_text(
            "Nimbus Kitchens Opens a Test Kitchen",
            f"Nimbus Kitchens, {part} Orbit Foods Inc. (NYSE: ORBF), today opened a test kitchen.",
        )
    )
    assert resolve(evidence, load_registry(None, sec_file)).issuer_id == "cik123456"


@pytest.mark.parametrize(("role", "issuer"), [("company", "cik123456"), ("software partner", None), ("supplier", None)])
def test_a_listed_company_the_issuer_only_works_with_is_not_its_owner(sec_file, role, issuer):
    evidence = _evidence(
        release_text(
            "Nimbus Kitchens Completes an Integration",
            f"Nimbus Kitchens, an Orbit Foods (NYSE: ORBF) {role}, today completed an integration.",
        )
    )
    resolution = resolve(evidence, load_registry(None, sec_file))
    assert resolution.issuer_id == issuer
    assert ("NYSE:ORBF" in resolution.tickers) is (issuer is not None)


def test_cli_parse_and_search_give_each_release_the_same_issuer(runner, tmp_path, sec_file):
    """What an outside scorer reads: `parse --json` and `search --json` agree on company, tickers and issuer id;
    only the index learns from the corpus (a release printing no listing gets the one its other releases print)."""
    folder = write(tmp_path / "releases", RELEASES)
    sec = ["--sec-tickers", str(sec_file)]
    built = runner.invoke(main, ["index", str(folder), "--index", str(tmp_path / "ix"), *sec])
    assert built.exit_code == 0, built.output
    parsed = runner.invoke(main, ["parse", str(folder), "--root", str(folder), "--json", *sec])
    by_id = {row["id"]: row for row in map(json.loads, parsed.output.splitlines())}
    found = json.loads(runner.invoke(main, ["search", "", "--index", str(tmp_path / "ix"), "--json"]).output)
    assert found["total"] == len(by_id) == len(RELEASES)
    learned = set()
    for hit in found["hits"]:
        row = by_id[hit["id"]]
        issuer = row.get("issuer") or {}
        if hit["tickers"] != row["tickers"]:
            learned.add(Path(hit["path"]).name)
            continue
        assert (hit["company"], hit["issuer"]) == (row["company"], issuer.get("id"))
        if issuer:
            assert (issuer["name"], issuer["listings"]) == (hit["company"], hit["tickers"])
    assert learned == {"zenith_2.txt"}


def test_hits_carry_the_issuers_cik_and_none_without_one(built):
    index, _ = built
    hits = index.search("", per_page=50, collapse=False).hits
    by_issuer = {h.issuer: h.to_json()["cik"] for h in hits}
    assert by_issuer["cik123456"] == "123456"
    assert all(h.to_json()["cik"] is None for h in hits if h.issuer is None)


def test_cli_and_api_search_json_hits_carry_the_cik(runner, built, tmp_path):
    result = runner.invoke(main, ["search", "ticker:ORBF", "--index", str(tmp_path / "index"), "--json"])
    assert result.exit_code == 0, result.output
    assert {h["cik"] for h in json.loads(result.output)["hits"]} == {"123456"}
    client = create_app({"RELEASES_INDEX": str(tmp_path / "index"), "TESTING": True}).test_client()
    hits = client.get("/api/search?q=ticker:ZNTH").get_json()["hits"]
    assert hits and all("cik" in h and h["cik"] is None for h in hits)  # learned from the corpus: no CIK known


@pytest.mark.parametrize(
    ("headline", "lede", "about", "issuer"),
    [
        # The headline opens with the name, the text prints it with its legal form, or an About section names it.
        ("Lumen Announces a Plant", "Lumen today announced a new plant in Ohio.", "", "cik4242"),
        ("A New Plant in Ohio", "Lumen Corp. today announced a new plant in Ohio.", "", "cik4242"),
        ("A New Plant in Ohio", "Lumen today announced a new plant.", "About Lumen\nLumen makes lamps.", "cik4242"),
        # Only a word of the story: the homes called Lumen at a park are not the listed Lumen Corp.
        ("New Choices For Lumen Homebuyers at the Park", "Lumen at the Park is a desirable choice.", "", None),
        # The headline opens with it as a word describing the noun after it, not as its subject.
        ("Lumen Homebuyers Find Value at the Park", "Lumen at the Park is a desirable choice.", "", None),
        ("Lumen Residents Celebrate a New Pool", "Lumen at the Park opened its pool.", "", None),
        # As the subject: a verb, a mark or "to" after it.
        ("Lumen to Open a Plant in Ohio", "Lumen will open a new plant.", "", "cik4242"),
        ("Lumen: A New Plant in Ohio", "Lumen will open a new plant.", "", "cik4242"),
        ("Lumen Q4 2019 Lamp Production", "Lumen made a record 9,000 lamps in the fourth quarter.", "", "cik4242"),
    ],
)
def test_a_one_word_name_finds_an_issuer_by_name_only_when_the_release_vouches_for_it(
    tmp_path, headline, lede, about, issuer
):
    sec = tmp_path / "company_tickers_exchange.json"
    sec.write_text(json.dumps({"fields": SEC["fields"], "data": [[4242, "Lumen Corp.", "LUMN", "NYSE"]]}))
    resolution = resolve(_evidence(release_text(headline, lede, about=about)), load_registry(None, sec))
    assert resolution.issuer_id == issuer
    assert ("NYSE:LUMN" in resolution.tickers) is (issuer is not None)
