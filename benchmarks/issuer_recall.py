"""Does `ticker:SYM` find every release of a company, under one company name? Measured on the Nasdaq-100 archive.

Each file of nasdaq100-2019.tar.gz is named after the company whose news page listed it (`AAPL_003.json`).
A few of those releases are not the company's own (a third party's release that names it: a customer, a
partner, a survey); they are listed file by file in THIRD_PARTY with their issuer and the reason, and left out. The index is built with the
default registry (the SEC list shipped with the project, and what the corpus teaches), then for each symbol:
- recall: the share of the company's own releases that `ticker:SYM` finds (target >= 95%);
- company values: how many distinct company names those hits show (target: average <= 1.3 per issuer).

    PYTHONPATH=. .venv/bin/python benchmarks/issuer_recall.py [--archive PATH] [--show N]

Writes benchmarks/results/issuer_recall.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer import open_index  # noqa: E402
from indexer.build import build_index  # noqa: E402

DEFAULT_ARCHIVE = ROOT.parent / "shared" / "corpus" / "nasdaq100-2019.tar.gz"
RESULTS = ROOT / "benchmarks" / "results" / "issuer_recall.md"
# Releases listed on a company's news page that another organisation issued, each read by hand: (issuer, reason) ->
# files. The issuer is the one the release itself names as its own: its closing "SOURCE" line, its contacts, the
# subject of its lede. Subsidiaries and brands of the company (Hotels.com, Blizzard, Frito-Lay, Audible, OpenTable,
# Adaptive Insights) are its own releases and stay in, and so do joint releases the company distributed or sent out
# with its partner (the company on the SOURCE line or in the contacts: "Operation Homefront and Dollar Tree, Inc.",
# "ICANN and Verisign", "American Airlines and GOL", Fiserv's "First State Bank ... with Fiserv") and releases about
# another organisation that the company distributed itself ("eBay for Charity", "Sirius XM Holdings Inc.").
# Listed by file, not by the name the parser finds, so that the set measured does not move with the parser.
_WHY = {
    "commentary": "a stock-commentary or research publisher's article about the company's shares",
    "index": "an index provider's notice or report naming the company (S&P Dow Jones Indices)",
    "law": "a law firm's notice of a lawsuit or investigation about the company",
    "partner": "a customer's, partner's or supplier's own release that names the company",
    "other": "another organisation's release that mentions the company",
    "joint": "a joint announcement of the company and a partner, the partner's copy (its SOURCE line, or its "
    "wire and forward-looking statements: BIIB_011 is Alkermes's GlobeNewswire copy citing Alkermes's 10-K alone)",
}
THIRD_PARTY: dict[tuple[str, str], list[str]] = {
    ('BetterInvesting', "commentary"): ["FB_004", "GOOG_004", "MNST_005", "SWKS_016"],
    ('FinancialBuzz.com', "commentary"): ["ADBE_006", "DLTR_013", "LULU_013"],
    ('Fundamental Markets', "commentary"): ["GOOGL_012"],
    ('InvestorsObserver', "commentary"): ["AAPL_002", "AAPL_003", "AAPL_004", "AAPL_005", "AAPL_006", "AAPL_008", "AAPL_010", "AAPL_011", "AAPL_012", "AAPL_013", "AAPL_015", "AAPL_016", "AAPL_018", "AAPL_019", "ADBE_000", "ADBE_001", "ADBE_002", "ADI_013", "AMAT_004", "AMAT_011", "AMAT_012", "AMD_000", "AMD_001", "AMD_002", "AMD_003", "AMD_004", "AMD_005", "AMD_006", "AMD_007", "AMD_008", "AMD_009", "AMD_010", "AMD_011", "AMD_012", "AMD_013", "AMD_014", "AMD_015", "AMD_016", "AMD_018", "AMD_019", "AMGN_009", "AMZN_004", "AMZN_008", "ASML_000", "AVGO_014", "BIDU_016", "BIIB_012", "COST_002", "COST_005", "CSX_017", "DLTR_011", "EA_003", "FAST_004", "FAST_005", "FAST_010", "FB_002", "FB_006", "FB_007", "FB_009", "FB_011", "FB_013", "FB_014", "FB_015", "FB_016", "FB_017", "FB_018", "GOOGL_000", "GOOGL_001", "GOOGL_003", "GOOGL_005", "GOOGL_006", "GOOG_000", "GOOG_003", "INTC_014", "INTC_018", "JD_007", "JD_008", "JD_009", "JD_010", "LULU_009", "LULU_010", "LULU_011", "LULU_012", "MELI_002", "MSFT_008", "MSFT_010", "MSFT_016", "MSFT_017", "MSFT_019", "MU_005", "MU_011", "NFLX_003", "NFLX_005", "NFLX_007", "NFLX_010", "NFLX_012", "NFLX_013", "NFLX_014", "NFLX_015", "NFLX_016", "NVDA_004", "NVDA_005", "NVDA_011", "NVDA_013", "NVDA_015", "NVDA_017", "NVDA_018", "NVDA_019", "PYPL_009", "PYPL_010", "PYPL_016", "PYPL_018", "QCOM_007", "QCOM_011", "SBUX_006", "SBUX_009", "SBUX_016", "TSLA_007", "TSLA_008", "TSLA_013", "TSLA_014", "ULTA_006", "WBA_019", "WDC_015", "XLNX_016"],
    ('Market Source Research', "commentary"): ["IDXX_017", "LRCX_018"],
    ('Mugglehead Media Corp.', "commentary"): ["COST_018"],
    ('Spruce Point Capital Management, LLC', "commentary"): ["CTAS_015"],
    ('S&P Dow Jones Indices', "index"): ["AAPL_007", "ADBE_007", "CDW_011", "GOOGL_004"],
    ('Bernstein Liebhard LLP', "law"): ["NTAP_014"],
    ('Bragar Eagel & Squire, P.C.', "law"): ["NTAP_013"],
    ('Bronstein, Gewirtz & Grossman, LLC', "law"): ["NFLX_019", "NTAP_007"],
    ('Faruqi & Faruqi, LLP', "law"): ["NTAP_012"],
    ('Hagens Berman', "law"): ["CTAS_011", "CTAS_014", "EXC_004", "EXC_010"],
    ('Johnson Fistel, LLP', "law"): ["ALXN_018", "CTAS_008", "NTAP_008"],
    ('Kahn Swick & Foti, LLC', "law"): ["INTU_018", "ULTA_008"],
    ('Kaplan Fox & Kilsheimer LLP', "law"): ["EXC_012"],
    ('Kessler Topaz Meltzer & Check, LLP', "law"): ["NTAP_009"],
    ('Lifshitz & Miller', "law"): ["NTAP_006", "XLNX_011"],
    ('Pomerantz LLP', "law"): ["CTAS_007"],
    ('Purcell Julie & Lefkowitz LLP', "law"): ["CTSH_007", "KLAC_013"],
    ('Rosen Law Firm', "law"): ["CTAS_010", "CTAS_013", "NTAP_011"],
    ('Scott+Scott Attorneys', "law"): ["DLTR_005"],
    ('WeissLaw LLP', "law"): ["ALXN_017"],
    ('7-Eleven, Inc.', "partner"): ["MDLZ_014"],
    ('Abarca', "partner"): ["AMGN_007"],
    ('Alkermes plc', "partner"): ["BIIB_007"],
    ('ArcherDX, Inc.', "partner"): ["ILMN_007", "ILMN_010"],
    ('AT&T', "partner"): ["MSFT_018"],
    ('Atlantic Power Corporation', "partner"): ["XEL_018"],
    ('BCD Travel', "partner"): ["AAL_013"],
    ('Buckeye Health Plan', "partner"): ["WBA_010"],
    ('Carnegie Mellon University', "partner"): ["CDNS_012"],
    ('CounterPath Corporation', "partner"): ["LBTYA_013", "LBTYA_014", "LBTYA_015", "LBTYA_016", "LBTYA_017"],
    ('DataDirect Networks', "partner"): ["WDC_014", "WDC_016"],
    ('Decision Diagnostics Corp.', "partner"): ["COST_017"],
    ('ExpressJet Airlines', "partner"): ["UAL_015", "UAL_017"],
    ('EyeLock, LLC', "partner"): ["SIRI_017"],
    ('Findit, Inc.', "partner"): ["GOOG_006", "GOOG_007", "GOOG_017"],
    ('Full Sail University', "partner"): ["ATVI_009"],
    ('General Motors', "partner"): ["SIRI_019"],
    ('Genesys', "partner"): ["GOOG_016"],
    ('HealthTap', "partner"): ["CERN_007"],
    ('Helix', "partner"): ["ILMN_018"],
    ('iBank Digital Asset L.P.', "partner"): ["GOOG_010"],
    ('Invitae Corporation', "partner"): ["BIIB_002"],
    ('Jerash Holdings (US), Inc.', "partner"): ["COST_012"],
    ('KPMG', "partner"): ["MSFT_013"],
    ('Kyverna Therapeutics', "partner"): ["GILD_008"],
    ('Marvell', "partner"): ["NXPI_010"],
    ('Mellanox Technologies, Ltd.', "partner"): ["JD_013"],
    ('MIRROR', "partner"): ["LULU_007"],
    ('New Age Beverages Corporation', "partner"): ["COST_014"],
    ('Ovation', "partner"): ["CHTR_017"],
    ('PHORIA', "partner"): ["GOOG_018"],
    ('PracticePro', "partner"): ["GOOG_013"],
    ('ToughBuilt Industries, Inc.', "partner"): ["COST_013"],
    ('Ultrain', "partner"): ["GOOG_008"],
    ('Universal Air Travel Plan, Inc. (UATP)', "partner"): ["AAL_006", "AAL_015", "AAL_017", "AAL_019"],
    ('Vively Health', "partner"): ["CERN_014"],
    ('VOXX Automotive Corp.', "partner"): ["AMZN_006"],
    ('Yext, Inc.', "partner"): ["ADBE_008"],
    ('Zimmer Biomet Holdings, Inc.', "partner"): ["ALGN_019"],
    ('BBX Capital Corporation', "other"): ["COST_019"],
    ('Einstein Exchange', "other"): ["GOOG_019"],
    ('Federal Alliance for Safe Homes', "other"): ["VRSK_016"],
    ('Goodwill Industries International', "other"): ["GOOG_012"],
    ('HOF Village, LLC', "other"): ["EXC_002"],
    ('Innovative Foundry Technologies LLC', "other"): ["AMD_017"],
    ('Internet Ecosystem Innovation Committee', "other"): ["GOOG_001", "GOOG_002"],
    ('MIB', "other"): ["VRSK_019"],
    ('OmniSci', "other"): ["ADBE_011"],
    ('Reputation Institute', "other"): ["COST_015"],
    ('Snupit', "other"): ["PYPL_017"],
    ('Summit Pointe Realty, LLC', "other"): ["DLTR_009", "DLTR_012"],
    ('The University of Chicago', "other"): ["AMAT_010"],
    ('Welltower Inc.', "other"): ["GOOG_005"],
    ('Xuke Tech', "other"): ["NTES_014"],
    # Found by their closing SOURCE line: another organisation distributed them.
    ("Dana Incorporated", "partner"): ["PCAR_001"],
    ("Humanity (\"a Workday Access software partner\")", "partner"): ["WDAY_012"],
    ("TriHealth", "partner"): ["WBA_012"],
    ("Snow Software", "other"): ["AMAT_013"],
    # Joint announcements ("Verisk (Nasdaq: VRSK) and Equifax Inc. (NYSE: EFX) ... have entered into") that only the
    # partner distributed: its copy, not the company's, though the company's ticker on it is right.
    ("Accenture", "joint"): ["GOOGL_008"],
    ("Alkermes plc", "joint"): ["BIIB_010", "BIIB_011"],
    ("Amazon.com, Inc.", "joint"): ["GOOGL_007"],
    ("Astellas Pharma Inc.", "joint"): ["SGEN_017"],
    ("Centene Corporation", "joint"): ["WBA_015"],
    ("CRISPR Therapeutics AG", "joint"): ["VRTX_017"],
    ("Elektrobit", "joint"): ["BIDU_018"],
    ("Equifax Inc.", "joint"): ["VRSK_014"],
    ("Farfetch Limited", "joint"): ["JD_014"],
    ("Hewlett Packard Enterprise", "joint"): ["GOOGL_010"],
    ("Intel Corporation", "joint"): ["GOOGL_009"],
    ("Marriott International, Inc.", "joint"): ["EXPE_018"],
    ("Novant Health", "joint"): ["WBA_017"],
    ("Postmates", "joint"): ["WBA_016"],
    ("RDK Management", "joint"): ["AVGO_018"],
    ("The Kroger Co.", "joint"): ["WBA_008"],
    ("Uniko", "joint"): ["MELI_005"],
}  # fmt: skip
THIRD_PARTY_FILES: dict[str, tuple[str, str]] = {
    f"{stem}.json": (issuer, why) for (issuer, why), stems in THIRD_PARTY.items() for stem in stems
}
assert all(why in _WHY for _, why in THIRD_PARTY_FILES.values())


def main() -> None:
    """Build the index, search each symbol, print and write the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    parser.add_argument("--show", type=int, default=0, help="misses to print")
    args = parser.parse_args()
    args.archive = Path(os.path.realpath(args.archive))  # release paths are the build's resolved ones
    if not args.archive.exists():
        sys.exit(f"Error: {args.archive} not found: pass --archive PATH to nasdaq100-2019.tar.gz")
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        report = build_index([args.archive], Path(tmp) / "index", procs=2)
        seconds = time.perf_counter() - started
        index = open_index(str(Path(tmp) / "index"))
        own: dict[str, set[str]] = defaultdict(set)
        companies_of: dict[str, str | None] = {}
        all_hits = index.search("", per_page=1, facets=("company",), collapse=False)
        del all_hits
        by_path = {}
        for page in range(1, 100):
            result = index.search("", per_page=100, page=page, collapse=False, snippets=False, facets=())
            for hit in result.hits:
                by_path[hit.path] = hit
            if page >= result.pages:
                break
        parsed = _parsed_companies(args.archive)
        excluded: list[tuple[str, str, str]] = []
        lent: list[tuple[str, str | None, list[str]]] = []  # third-party releases given the company's ticker
        for path, hit in by_path.items():
            name = path.rsplit("/", 1)[-1]
            if name in THIRD_PARTY_FILES:
                issuer, why = THIRD_PARTY_FILES[name]
                excluded.append((name, issuer, why))
                if why != "joint" and name.split("_")[0] in [t.split(":", 1)[1] for t in hit.tickers]:
                    lent.append((name, hit.company, hit.tickers))
                continue
            symbol = name.split("_")[0]
            own[symbol].add(path)
            companies_of[path] = hit.company
        rows = []
        misses = []
        for symbol in sorted(own):
            found = set()
            companies: Counter = Counter()
            for page in range(1, 20):
                result = index.search(
                    f"ticker:{symbol}", per_page=100, page=page, collapse=False, snippets=False, facets=()
                )
                for hit in result.hits:
                    if hit.path in own[symbol]:
                        found.add(hit.path)
                        companies[hit.company] += 1
                if page >= result.pages:
                    break
            rows.append((symbol, len(own[symbol]), len(found), len(companies)))
            misses += [
                (p, companies_of[p], parsed.get(p.rsplit("/", 1)[-1]), by_path[p].tickers)
                for p in sorted(own[symbol] - found)
            ]
        index.close()
    total = sum(r[1] for r in rows)
    found = sum(r[2] for r in rows)
    with_hits = [r for r in rows if r[2]]
    values = sum(r[3] for r in with_hits) / len(with_hits)
    worst = sorted(rows, key=lambda r: r[2] / r[1])[:8]
    most_names = max(r[3] for r in rows)
    lines = [
        "# Issuer recall on nasdaq100-2019",
        "",
        f"Built {report.total} releases in {seconds:.1f} s ({report.issuers} issuers in the registry, "
        f"{report.reresolved_files} files indexed again after learning from the corpus); "
        f"{len(excluded)} third-party releases excluded (each read by hand; see THIRD_PARTY in the script): "
        + ", ".join(f"{n} {why}" for why, n in Counter(w for _, _, w in excluded).most_common())
        + ".",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| `ticker:SYM` finds the company's own releases | {found}/{total} = {100 * found / total:.1f}% | >= 95% |",
        f"| company values on those hits, average per issuer | {values:.2f} (max {most_names}) | <= 1.3 |",
        f"| symbols at 100% | {sum(1 for r in rows if r[1] == r[2])}/{len(rows)} | |",
        f"| third-party releases given the listed company's ticker (joint ones aside) | {len(lent)}/"
        f"{sum(1 for _, _, why in excluded if why != 'joint')} | 0 |",
        "",
        "Lowest recall: " + ", ".join(f"{s} {f}/{t}" for s, t, f, _ in worst),
    ]
    text = "\n".join(lines)
    print(text)
    for name, company, tickers in lent:
        print(f"  lent {name}: company {company!r}, tickers {tickers}")
    for path, company, printed, tickers in misses[: args.show]:
        print(f"  miss {path.rsplit('/', 1)[-1]}: company {company!r} (parsed {printed!r}), tickers {tickers}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text + "\n", encoding="utf-8")


def _parsed_companies(archive: Path) -> dict[str, str | None]:
    """The parser's company of each release (the issuer layer not applied): file name -> company."""
    from indexer.parse import iter_sources, parse_source

    found = {}
    for source in iter_sources([archive]):
        try:
            releases = parse_source(source)
        except Exception:  # noqa: BLE001 - a file the parser rejects is simply not excluded
            continue
        for release in releases[:1]:
            found[release.path.replace("\\", "/").rsplit("/", 1)[-1]] = release.company
    return found


if __name__ == "__main__":
    main()
