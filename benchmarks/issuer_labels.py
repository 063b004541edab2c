"""Issuer company accuracy and ticker precision on the hand labels (tests/data/parser_labels.jsonl).

Each labelled release is parsed and its issuer resolved as `releases parse --json` does (the shipped SEC list, no
user file), and compared with the label's company and tickers by the same fair normalisation as
tests/test_parser_labels.py. The labels are split by a hash of their path: two thirds to look at while working
("tuning"), one third never looked at ("held-out"); both are reported, with the parser alone beside them.
A third set, "fresh" (tests/data/issuer_labels_fresh.jsonl: company and tickers only), was drawn at random from
files no label covered (seed 20261206: 16 of nasdaq100-2019, 32 of the newsworthy archive, one dropped because
its parser output had been seen; wirefeed-newsml is fully labelled already) and labelled by reading each file
before the parser had run on it; it is never tuned on.
Targets: company accuracy >= 0.95, ticker precision >= 0.98 (a wrong ticker is worse than none).

    PYTHONPATH=. .venv/bin/python benchmarks/issuer_labels.py [--show]

Writes benchmarks/results/issuer_labels.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_parser_labels import CACHE, CORPUS, corpus_root, load_labels, norm_company  # noqa: E402

from indexer.issuers.sources import cached_registry  # noqa: E402
from indexer.issuers.store import resolve_releases  # noqa: E402
from indexer.model import ParseError  # noqa: E402
from indexer.parse import parse_file  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "issuer_labels.md"
FRESH = ROOT / "tests" / "data" / "issuer_labels_fresh.jsonl"


def load_fresh() -> list[dict]:
    """The fresh labels (company and tickers), labelled blind and never tuned on."""
    with open(FRESH, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def fresh_root(rows: list[dict], workdir: Path) -> Path:
    """A folder holding the fresh labels' files: the shared cache when it has them all, else extracted to workdir."""
    if all((CACHE / row["path"]).is_file() for row in rows):
        return CACHE
    wanted: dict[str, set[str]] = {}
    for row in rows:
        archive, member = row["path"].split("/", 1)
        wanted.setdefault(archive, set()).add(member)
    for archive, members in wanted.items():
        with tarfile.open(CORPUS / f"{archive}.tar.gz") as tar:
            for info in tar:
                if info.isfile() and os.path.normpath(info.name) in members:
                    tar.extract(info, workdir / archive, filter="data")
    return workdir


def held_out(path: str) -> bool:
    """One label in three, fixed by its path, is never looked at while working."""
    return hashlib.sha1(path.encode()).digest()[0] % 3 == 0


def answers(root: Path, labels: list[dict], resolve: bool) -> list[dict]:
    """The JSON answer for each labelled file's first release, issuer resolved or not."""
    registry = cached_registry()
    found = []
    for row in labels:
        try:
            releases = parse_file(root / row["path"])
        except ParseError:
            releases = []
        if resolve and releases:
            resolve_releases(releases[:1], registry)
        found.append(releases[0].to_json() if releases else {})
    return found


def labelled_issuer(row: dict):
    """The registry's issuer of a label: by the listings the label gives, else by its company name."""
    registry = cached_registry()
    for listing in row["tickers"]:
        if registry.by_listing(listing):
            return registry.by_listing(listing)
    return registry.by_name(row["company"]) if row["company"] else None


def measure(labels: list[dict], got: list[dict]) -> dict:
    """Company accuracy and ticker precision/recall.

    A company is right when it names the labelled company (fair normalisation) or is the registry's canonical
    name of the labelled issuer ("Verizon Communications Inc." for "Verizon (NYSE: VZ)"). A ticker is wrong when it
    is neither labelled nor a listing of the labelled issuer (strict precision counts every unlabelled one).
    """
    right = tp = fp = fn = strict_fp = 0
    for row, answer in zip(labels, got, strict=True):
        issuer = labelled_issuer(row)
        company = answer.get("company")
        same = norm_company(row["company"]) == norm_company(company)
        right += same or (issuer is not None and company == issuer.name)
        want, have = set(row["tickers"]), set(answer.get("tickers") or [])
        own = want | set(issuer.all_listings if issuer else ())
        tp, fp, fn = tp + len(want & have), fp + len(have - own), fn + len(want - have)
        strict_fp += len(have - want)
    return {
        "releases": len(labels),
        "company": right / len(labels),
        "ticker_precision": tp / (tp + fp) if tp + fp else 1.0,
        "ticker_precision_strict": tp / (tp + strict_fp) if tp + strict_fp else 1.0,
        "ticker_recall": tp / (tp + fn) if tp + fn else 1.0,
    }


def main() -> None:
    """Print and write the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the misses of the tuning part")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"Error: needs the shared corpus at {CORPUS}")
    labels = load_labels()
    fresh = load_fresh()
    with tempfile.TemporaryDirectory() as tmp:
        root = corpus_root(Path(tmp))
        parsed = answers(root, labels, resolve=False)
        resolved = answers(root, labels, resolve=True)
        root = fresh_root(fresh, Path(tmp) / "fresh")
        fresh_parsed = answers(root, fresh, resolve=False)
        fresh_resolved = answers(root, fresh, resolve=True)
    lines = [
        "# Issuer company accuracy and ticker precision on the hand labels",
        "",
        "| part | releases | company (parser) | company (issuer) | ticker precision (parser) "
        "| ticker precision (issuer) | strict: every unlabelled ticker wrong | ticker recall (issuer) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, keep in (("tuning", False), ("held-out", True), ("all", None)):
        picked = [i for i, row in enumerate(labels) if keep is None or held_out(row["path"]) == keep]
        rows = [labels[i] for i in picked]
        before = measure(rows, [parsed[i] for i in picked])
        after = measure(rows, [resolved[i] for i in picked])
        lines.append(
            f"| {name} | {after['releases']} | {before['company']:.3f} | {after['company']:.3f} "
            f"| {before['ticker_precision']:.3f} | {after['ticker_precision']:.3f} "
            f"| {after['ticker_precision_strict']:.3f} | {after['ticker_recall']:.3f} |"
        )
    before, after = measure(fresh, fresh_parsed), measure(fresh, fresh_resolved)
    lines.append(
        f"| fresh (blind) | {after['releases']} | {before['company']:.3f} | {after['company']:.3f} "
        f"| {before['ticker_precision']:.3f} | {after['ticker_precision']:.3f} "
        f"| {after['ticker_precision_strict']:.3f} | {after['ticker_recall']:.3f} |"
    )
    lines += ["", "Targets: company >= 0.95, ticker precision >= 0.98."]
    text = "\n".join(lines)
    print(text)
    if args.show:
        for row, answer in zip(labels, resolved, strict=True):
            if held_out(row["path"]):
                continue
            company_ok = norm_company(row["company"]) == norm_company(answer.get("company"))
            tickers_ok = set(answer.get("tickers") or []) <= set(row["tickers"])
            if not (company_ok and tickers_ok):
                print(f"{row['path']}: want {row['company']!r} {row['tickers']}")
                print(f"  got {answer.get('company')!r} {answer.get('tickers')}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
