"""Ticker audit: unlabelled releases the resolver gives a ticker, each ticker judged by hand, precision by source.

`draw` samples (fixed seed) the shared corpus' nasdaq100-2019 JSON and newsworthy Markdown files named in no label
file nor in any `--avoid` list, deals them over blind-9's shapes (benchmarks/issuer_blind_draw.py's SHAPES9,
rewritten by tests/heldout_shapes.py), resolves each as `releases parse --json` does (the shipped SEC list, no user
file) and keeps the first releases given at least one ticker, in draw order, until the wanted count (a share from
each archive as the blind draws take). `show` prints each kept release's opening and closing beside its company and
tickers, with where each ticker came from; `score` reads the verdicts file
(benchmarks/results/issuer_ticker_audit.jsonl: one line per release, `verdicts` mapping each ticker to "own",
"other" or "doubtful") and prints precision with a 95% Wilson interval, by ticker source and by half (the first half,
in draw order, tuned on; the second held out).

    PYTHONPATH=. python benchmarks/issuer_ticker_audit.py draw --seed 20270126 --count 120 --avoid FILE ... > FILES
    PYTHONPATH=. python benchmarks/issuer_ticker_audit.py show FILES
    PYTHONPATH=. python benchmarks/issuer_ticker_audit.py score [--after] [--verdicts FILE]

Audit-T2 (benchmarks/results/issuer_ticker_audit2.jsonl) drew with `--unprinted --seed 20270130`: only releases
given at least one ticker they do not print (the SEC list by name, a parent's listing, the registry's others).
"""

from __future__ import annotations

import argparse
import glob
import json
import math
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import heldout_shapes  # noqa: E402
from issuer_blind_draw import SHAPES9  # noqa: E402
from test_parser_labels import CACHE  # noqa: E402

from indexer.issuers.resolve import Evidence, find_issuer, issuer_name, resolve  # noqa: E402
from indexer.issuers.sources import cached_registry  # noqa: E402
from indexer.model import ParseError  # noqa: E402
from indexer.parse import parse_file  # noqa: E402

VERDICTS = ROOT / "benchmarks" / "results" / "issuer_ticker_audit.jsonl"
NASDAQ_SHARE = 15 / 50  # the blind draws' share of nasdaq100-2019


def used_paths(avoid: list[str]) -> set[str]:
    """Every labelled file (its path and source) and every path of the avoided lists."""
    used: set[str] = set()
    for name in glob.glob(str(ROOT / "tests" / "data" / "*.jsonl")):
        with open(name, encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
        used |= {row["path"] for row in rows if "path" in row} | {row["source"] for row in rows if row.get("source")}
    for name in avoid:
        with open(name, encoding="utf-8") as handle:
            if name.endswith(".jsonl"):
                used |= {json.loads(line)["file"] for line in handle if line.strip()}
            else:
                used |= {line.split()[-1] for line in handle if line.strip()}
    return used


def evidence_of(corpus: Path, path: str, shape: str, workdir: Path):
    """The shaped file's first release, its evidence and resolution (None when it holds no release)."""
    target = workdir / heldout_shapes.shaped_path(path, shape)
    target.parent.mkdir(parents=True, exist_ok=True)
    raw = (corpus / path).read_text(encoding="utf-8")
    target.write_text(heldout_shapes.shaped_text(path, shape, raw), encoding="utf-8")
    try:
        releases = parse_file(target)
    except ParseError:
        return None
    if not releases:
        return None
    evidence = Evidence.of(releases[0])
    return releases[0], evidence, resolve(evidence, cached_registry())


def ticker_sources(evidence: Evidence, tickers: tuple[str, ...]) -> dict[str, str]:
    """Where each resolved ticker came from: printed beside the name, the owner's printed listing, the SEC list's
    issuer found by filer CIK, by name or by the SOURCE line (its main listing or share classes), or the registry's
    other listings of an issuer its printed listing found."""
    registry = cached_registry()
    issuer = find_issuer(evidence, registry)
    how = "none"
    if issuer is not None:
        if evidence.cik and registry.by_cik(evidence.cik) is issuer:
            how = "sec-cik"
        elif evidence.printed and any(
            registry.by_listing(t) is issuer or registry.by_symbol(t.split(":", 1)[1]) is issuer
            for t in evidence.printed
        ):
            how = "registry"
        elif registry.by_name(issuer_name(evidence)) is issuer:
            how = "sec-name"
        elif evidence.source and issuer in (registry.by_name(evidence.source),):
            how = "sec-source"
        else:
            how = "parent"
    out = {}
    for ticker in tickers:
        if ticker in evidence.printed:
            out[ticker] = "printed"
        elif issuer is None and ticker in evidence.parent:
            out[ticker] = "parent"
        else:
            out[ticker] = how
    return out


def draw(args: argparse.Namespace) -> None:
    """Print the kept releases' shape and path, one a line, in draw order."""
    used = used_paths(args.avoid)
    rng = random.Random(args.seed)
    pools = {}
    for archive, ext in (("nasdaq100-2019", "json"), ("newsworthy-archive-2023-2026", "md")):
        files = sorted(os.path.relpath(p, CACHE) for p in glob.glob(f"{CACHE}/{archive}/**/*.{ext}", recursive=True))
        pools[archive] = rng.sample([f for f in files if f not in used], k=len([f for f in files if f not in used]))
    want = {"nasdaq100-2019": round(args.count * NASDAQ_SHARE)}
    want["newsworthy-archive-2023-2026"] = args.count - want["nasdaq100-2019"]
    kept: dict[str, list[str]] = {name: [] for name in pools}
    with tempfile.TemporaryDirectory() as tmp:
        for archive, files in pools.items():
            for path in files:
                if len(kept[archive]) == want[archive]:
                    break
                shape = SHAPES9[len(kept[archive]) % len(SHAPES9)]
                found = evidence_of(CACHE, path, shape, Path(tmp))
                if found and found[2].tickers and (not args.unprinted or set(found[2].tickers) - set(found[1].printed)):
                    kept[archive].append(f"{shape} {path}")
    merged = kept["nasdaq100-2019"] + kept["newsworthy-archive-2023-2026"]
    rng.shuffle(merged)
    print("\n".join(merged))


def show(args: argparse.Namespace) -> None:
    """Print each release's text (opening and closing) beside its resolved company and tickers with their sources."""
    with open(args.files, encoding="utf-8") as handle:
        drawn = [line.split() for line in handle if line.strip()]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, (shape, path) in enumerate(drawn[args.start : args.stop], start=args.start):
            release, evidence, resolution = evidence_of(CACHE, path, shape, Path(tmp))
            sources = ticker_sources(evidence, resolution.tickers)
            rows.append({"n": i, "file": path, "shape": shape, "company": resolution.company, "tickers": sources})
            if args.json:
                continue
            raw = (CACHE / path).read_text(encoding="utf-8")
            print(f"=== {i} {shape} {path}")
            print(f"  parsed {evidence.name!r} printed={evidence.printed} parent={evidence.parent}")
            print(f"  source={evidence.source!r} -> {resolution.company!r} {sources}")
            print("  ---- " + raw[: args.head].replace("\n", "\n  "))
            print("  .... " + raw[-args.tail :].replace("\n", "\n  "))
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of k successes in n."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def line(title: str, verdicts: list[str]) -> str:
    """One row: own, other, doubtful, precision (doubtful counted wrong) and its interval, and strict of own+other."""
    own, other, doubt = (verdicts.count(v) for v in ("own", "other", "doubtful"))
    n = own + other + doubt
    low, high = wilson(own, n)
    judged = own / (own + other) if own + other else 1.0
    return (
        f"| {title} | {n} | {own} | {other} | {doubt} | {own / n if n else 1:.3f} [{low:.3f}, {high:.3f}] "
        f"| {judged:.3f} |"
    )


def score(args: argparse.Namespace) -> None:
    """Print ticker precision by source and by half from the verdicts file."""
    with open(args.verdicts, encoding="utf-8") as handle:
        rows = [json.loads(text) for text in handle if text.strip()]
    key, src = ("after_verdicts", "after_tickers") if args.after else ("verdicts", "tickers")
    print(
        "| part | tickers | own | another's | doubtful | precision (doubtful wrong) [95%] | own / (own + another's) |"
    )
    print("|---|---|---|---|---|---|---|")
    half = len(rows) // 2
    for title, part in (("all", rows), ("first half (tuned on)", rows[:half]), ("second half (held out)", rows[half:])):
        print(line(title, [v for row in part for v in row[key].values()]))
    by_source: dict[str, list[str]] = {}
    for row in rows:
        for ticker, verdict in row[key].items():
            by_source.setdefault(row[src].get(ticker, "?"), []).append(verdict)
    for name in sorted(by_source):
        print(line(f"source: {name}", by_source[name]))


def main() -> None:
    """Draw, show or score."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--seed", type=int, default=20270126)
    d.add_argument("--count", type=int, default=120)
    d.add_argument("--avoid", action="append", default=[], help="a list of paths (or a verdicts .jsonl) to leave out")
    d.add_argument("--unprinted", action="store_true", help="keep only releases given a ticker they do not print")
    s = sub.add_parser("show")
    s.add_argument("files")
    s.add_argument("--start", type=int, default=0)
    s.add_argument("--stop", type=int, default=None)
    s.add_argument("--head", type=int, default=1500)
    s.add_argument("--tail", type=int, default=700)
    s.add_argument("--json", action="store_true", help="one JSON line per release: company and tickers' sources")
    c = sub.add_parser("score")
    c.add_argument("--after", action="store_true", help="score the verdicts after the rules")
    c.add_argument("--verdicts", default=str(VERDICTS), help="the verdicts file (audit-T2: issuer_ticker_audit2.jsonl)")
    args = parser.parse_args()
    {"draw": draw, "show": show, "score": score}[args.command](args)


if __name__ == "__main__":
    main()
