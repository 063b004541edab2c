"""Does `ticker:SYM` find every release of a company, under one company name? Measured on the Nasdaq-100 archive.

Each file of nasdaq100-2019.tar.gz is named after the company whose news page listed it (`AAPL_003.json`).
A few of those releases are not the company's own (a third party's release that names it: a customer, a
partner, a survey); they are listed in THIRD_PARTY with the reason and left out. The index is built with the
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
from indexer.issuers.names import name_key  # noqa: E402

DEFAULT_ARCHIVE = ROOT.parent / "shared" / "corpus" / "nasdaq100-2019.tar.gz"
RESULTS = ROOT / "benchmarks" / "results" / "issuer_recall.md"
# Releases listed on a company's news page that another organisation issued, read by hand and named by the issuer
# the parser finds (its company field, before the issuer layer runs). Subsidiaries and brands of the company
# (Hotels.com, Blizzard, Frito-Lay, Ross Dress for Less) are its own releases and stay in, and so are releases
# about another organisation that the company distributed itself (its name on the wire's "SOURCE" line).
_WHY = {
    "commentary": "a stock-commentary publisher's article about the company's shares",
    "law": "a law firm's notice of a lawsuit or investigation about the company",
    "partner": "a customer's, partner's or supplier's own release that names the company",
    "other": "another organisation's release that mentions the company",
}
THIRD_PARTY_ISSUERS: dict[str, str] = {
    **dict.fromkeys(
        ["InvestorsObserver", "BetterInvesting", "S&P Dow Jones Indices", "FinancialBuzz.com", "Market Source Research", "Fundamental Markets",
         "Spruce Point Capital Management, LLC", "Mugglehead Media Corp.", "S&P Global Inc."],
        "commentary",
    ),
    **dict.fromkeys(
        ["Hagens Berman", "Rosen Law Firm", "Johnson Fistel, LLP", "WeissLaw LLP", "Scott+Scott Attorneys",
         "Purcell Julie & Lefkowitz LLP", "Pomerantz LLP", "Kaplan Fox & Kilsheimer LLP", "Kahn Swick & Foti, LLC",
         "Bronstein, Gewirtz & Grossman, LLC", "Lifshitz & Miller", "Bragar Eagel & Squire, P.C.",
         "Kessler Topaz Meltzer & Check, LLP", "Faruqi & Faruqi, LLP", "Bernstein Liebhard LLP"],
        "law",
    ),
    **dict.fromkeys(
        ["Alaska Air Group, Inc.", "Alaska Airlines", "Marvell", "RSA Conference 2019", "GOL Airlines", "Universal Air Travel Plan, Inc.", "UATP", "BCD Travel",
         "Yext, Inc.", "OmniSci", "Zimmer Biomet Holdings, Inc.", "Abarca", "VOXX Automotive Corp.",
         "Full Sail University", "Alkermes plc.",
         "Carnegie Mellon University", "HealthTap", "Vively Health", "Ovation", "Jerash Holdings (US), Inc.",
         "ToughBuilt Industries, Inc.", "New Age Beverages Corporation", "Decision Diagnostics Corp.",
         "BBX Capital, Inc.", "Kyverna Therapeutics, Inc.", "Welltower Inc.", "Findit, Inc.", "Genesys",
         "Accenture plc", "ArcherDX, Inc.", "Helix", "KPMG", "At&t Inc.", "Marvell Technology, Inc.", "DANA Inc",
         "Autonation, Inc.", "EyeLock, LLC", "General Motors Co", "Kroger Co.", "Buckeye Health Plan",
         "Centene Corp.", "Novant Health", "DataDirect Networks", "Atlantic Power Corporation", "ExpressJet Airlines",
         "7-Eleven, Inc.", "CounterPath Corporation", "Innovative Foundry Technologies LLC", "PracticePro", "PHORIA",
         "Ultrain", "iBank Digital Asset L.P.", "Einstein Exchange", "Snupit", "Xuke Tech", "HyperX", "MIRROR"],
        "partner",
    ),
    **dict.fromkeys(
        ["Operation Homefront", "Summit Pointe Realty, LLC", "HOF Village, LLC", "First State Bank",
         "Internet Ecosystem Innovation Committee", "Goodwill Industries International and Google.org",
         "Federal Alliance for Safe Homes", "MIB",
         "Internet Corporation for Assigned Names", "The University of Chicago"],
        "other",
    ),
}  # fmt: skip
# Third-party releases whose issuer is itself a Nasdaq-100 company (its name would exclude its own releases).
# COST_012 is Jerash Holdings' release, which the parser names "Inc.".
THIRD_PARTY_FILES = {"COST_015.json": "partner", "BIIB_002.json": "partner", "COST_012.json": "partner"}


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
        excluded_keys = {name_key(name): why for name, why in THIRD_PARTY_ISSUERS.items()}
        excluded: list[tuple[str, str, str]] = []
        lent: list[tuple[str, str | None, list[str]]] = []  # third-party releases given the company's ticker
        for path, hit in by_path.items():
            name = path.rsplit("/", 1)[-1]
            why = THIRD_PARTY_FILES.get(name) or excluded_keys.get(name_key(parsed.get(path)))
            if why:
                excluded.append((name, parsed[path], why))
                if name.split("_")[0] in [t.split(":", 1)[1] for t in hit.tickers]:
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
            misses += [(p, companies_of[p], parsed.get(p), by_path[p].tickers) for p in sorted(own[symbol] - found)]
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
        f"{len(excluded)} third-party releases excluded (by the issuer the parser finds; see THIRD_PARTY_ISSUERS): "
        + ", ".join(f"{n} {why}" for why, n in Counter(w for _, _, w in excluded).most_common())
        + ".",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| `ticker:SYM` finds the company's own releases | {found}/{total} = {100 * found / total:.1f}% | >= 95% |",
        f"| company values on those hits, average per issuer | {values:.2f} (max {most_names}) | <= 1.3 |",
        f"| symbols at 100% | {sum(1 for r in rows if r[1] == r[2])}/{len(rows)} | |",
        f"| third-party releases given the listed company's ticker | {len(lent)}/{len(excluded)} | 0 |",
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
    """The parser's company of each release (the issuer layer not applied): path -> company."""
    from indexer.parse import iter_sources, parse_source

    found = {}
    for source in iter_sources([archive]):
        try:
            releases = parse_source(source)
        except Exception:  # noqa: BLE001 - a file the parser rejects is simply not excluded
            continue
        for release in releases[:1]:
            found[release.path] = release.company
    return found


if __name__ == "__main__":
    main()
