"""How often the parser finds the issuer's own listing, on the Nasdaq-100 archive where the file name says it.

Each file of nasdaq100-2019.tar.gz is named after the Nasdaq-100 company it was collected for (`SIRI_010.json`).
Among the files whose text prints that symbol with an exchange (`(NASDAQ: SIRI)`, `NYSE:EXC`), this counts the
releases whose tickers include it. Not every such release is the company's own (a law firm's alert, a partner's
or a subsidiary's release prints it too), so 100% is not the goal; the figure is for comparing parser versions.

    .venv/bin/python benchmarks/ticker_recall.py [--corpus DIR] [--show N]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.model import ParseError  # noqa: E402
from indexer.parse import iter_sources, parse_source  # noqa: E402

DEFAULT_ARCHIVE = ROOT.parent / "shared" / "corpus" / "nasdaq100-2019.tar.gz"


def main() -> None:
    """Print the share of releases that carry the symbol their file is named after."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    parser.add_argument("--show", type=int, default=0, help="misses to print")
    args = parser.parse_args()
    if not args.archive.exists():
        sys.exit(f"Error: {args.archive} not found: pass --archive PATH to nasdaq100-2019.tar.gz")
    listed = found = 0
    misses: list[tuple[str, str | None, list[str]]] = []
    by_symbol: Counter = Counter()
    for source in iter_sources([args.archive]):
        symbol = source.path.rsplit("/", 1)[-1].split("_")[0]
        text = source.data.decode("utf-8", "replace")
        if not re.search(rf"(?i)(?:nasdaq|nyse)[^:()]{{0,20}}:\s*{re.escape(symbol)}\b", text):
            continue
        try:
            releases = parse_source(source)
        except ParseError:
            continue
        if not releases:
            continue
        release = releases[0]
        listed += 1
        if symbol in [ticker.split(":")[-1] for ticker in release.tickers]:
            found += 1
        else:
            by_symbol[symbol] += 1
            misses.append((source.path.rsplit("/", 1)[-1], release.company, release.tickers))
    print(
        f"files printing their company's symbol: {listed}; releases carrying it: {found} ({100 * found / listed:.1f}%)"
    )
    print("misses by symbol:", ", ".join(f"{symbol} {count}" for symbol, count in by_symbol.most_common(10)))
    for name, company, tickers in misses[: args.show]:
        print(f"  {name}: company {company!r}, tickers {tickers}")


if __name__ == "__main__":
    main()
