"""Read every EDGAR submission of ../shared/corpus/edgar-8k.tar.gz and count what the parser made of it.

Prints, for the archive: files, releases found, how each release was dated (its own dateline or the filing date),
and every document that gave no release grouped by the reason it was skipped (data sheets, pro forma statements,
slide text, report text, images...), with the exhibit documents (EX-99, EX-20) apart from the rest. Reads the archive
in memory as `releases index` does.

    .venv/bin/python benchmarks/edgar_counts.py [--archive FILE] [--out FILE]

Writes the table to benchmarks/results/edgar_counts.md (or --out).
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.model import ParseError  # noqa: E402
from indexer.parse import decode, iter_sources  # noqa: E402
from indexer.parse.edgar import is_submission, read_submission  # noqa: E402

DEFAULT_ARCHIVE = ROOT.parent / "shared" / "corpus" / "edgar-8k.tar.gz"
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "edgar_counts.md"
_EXHIBIT_RE = re.compile(r"^EX-(?:99|20)", re.I)


def measure(archive: Path) -> dict:
    """Counts over one archive of EDGAR files."""
    counts: Counter = Counter()
    exhibit_skips: Counter = Counter()
    other_skips: Counter = Counter()
    started = time.perf_counter()
    for source in iter_sources([archive]):
        if isinstance(source, ParseError):
            counts["unreadable"] += 1
            continue
        text = decode(source.data).replace("\r\n", "\n").replace("\r", "\n")
        if not is_submission(text[:200]):
            continue  # the archive's MANIFEST or notes
        counts["files"] += 1
        reading = read_submission(source.path, text)
        counts["releases"] += len(reading.releases)
        counts["files with no release"] += not reading.releases
        for release in reading.releases:
            counts[f"dated by {release.edgar.date_source or 'nothing'}"] += 1
            counts[
                "releases from exhibits"
                if _EXHIBIT_RE.match(release.edgar.exhibit or "")
                else "releases from report text"
            ] += 1
        for skipped in reading.skipped:
            target = exhibit_skips if _EXHIBIT_RE.match(skipped.type) else other_skips
            target[re.sub(r" \(the file ends inside it\)", "", skipped.reason)] += 1
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return {"counts": counts, "exhibit_skips": exhibit_skips, "other_skips": other_skips}


def table(result: dict, archive: Path) -> str:
    """The Markdown report."""
    counts = result["counts"]
    lines = [f"# EDGAR archive: what the parser finds\n\n`{archive.name}`, {platform.python_version()}\n"]
    lines += ["| count | value |", "|---|---|"]
    for key in ("files", "releases", "releases from exhibits", "releases from report text", "dated by dateline",
                "dated by filing", "files with no release", "unreadable", "seconds"):  # fmt: skip
        lines.append(f"| {key} | {counts.get(key, 0)} |")
    for title, skips in (("Exhibits (EX-99, EX-20) skipped", result["exhibit_skips"]),
                         ("Other documents skipped", result["other_skips"])):  # fmt: skip
        lines += ["", f"## {title}: {sum(skips.values())}", "", "| documents | reason |", "|---|---|"]
        lines += [f"| {n} | {reason} |" for reason, n in skips.most_common()]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    if not args.archive.is_file():
        sys.exit(f"no archive at {args.archive}: the shared corpus is needed")
    report = table(measure(args.archive), args.archive)
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
