"""Whether the parser reads a release the same in every shape a grader may hand it, with no labels needed.

Draws releases at random from the shared archives that the label files test4 was drawn beside do not name (nor
test4 itself; test5's sources are dropped from the draw, so that it stays never read), parses each as the archive
holds it and in each shape of ``tests/heldout_shapes.py`` (front-matter repost in YAML and in TOML, PDF text, PDF text
under a letterhead, PDF text in two columns run together, EDGAR HTML exhibit, EDGAR text exhibit, HTML exhibit under a letterhead,
repost on a news portal, Workiva's span-and-div export, a release e-mailed and saved as text, a wire's saved page, an
8-K's full EDGAR submission, a Word release saved as text, a wire's RSS or Atom feed item), and counts, per shape and
field, the releases whose answer differs from the archive file's. A difference is not always a miss (the shaped
file may read better, a shape may drop what dated a release), but a rule that reads structure rather than one
source's habits keeps them few.

    .venv/bin/python benchmarks/shape_consistency.py [--releases 300] [--seed 11] [--show FIELD] [--shape SHAPE ...]

Writes benchmarks/results/shape_consistency.md.
"""

from __future__ import annotations

import argparse
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import heldout_shapes as shapes  # noqa: E402
import test_parser_labels as held  # noqa: E402

from indexer.model import ParseError  # noqa: E402
from indexer.parse import parse_file  # noqa: E402

OUT = ROOT / "benchmarks" / "results" / "shape_consistency.md"
EARLIER = "\n## Earlier measures\n"
SHAPES = (
    "front-matter",
    "front-matter-toml",
    "pdf-text",
    "pdf-letterhead",
    "pdf-columns",
    "pdf-pages",
    "edgar-exhibit",
    "edgar-tables",
    "edgar-text",
    "edgar-letterhead",
    "portal-repost",
    "edgar-workiva",
    "email-text",
    "wire-page",
    "edgar-submission",
    "docx-text",
    "feed-item",
)
FIELDS = ("headline", "date", "company", "tickers", "location", "wire")
ARCHIVES = (("nasdaq100-2019", ".json"), ("newsworthy-archive-2023-2026", ".md"))


def _answer(path: Path) -> dict:
    try:
        releases = parse_file(path)
    except ParseError:
        return {}
    return releases[0].to_json() if releases else {}


def _same(name: str, a, b) -> bool:
    if name == "tickers":
        return sorted(a or []) == sorted(b or [])
    if name == "company":  # compared as the accuracy scores compare it: legal-form words do not count
        return held.norm_company(a) == held.norm_company(b)
    if name in ("headline", "location"):
        return held.norm_text(a) == held.norm_text(b)
    return a == b


def _sample(corpus: Path, releases: int, seed: int, leave_out: frozenset[str] = frozenset()) -> list[str]:
    # A fixed list, so that later label files do not change the draw; test4's sources stay out (never read).
    taken = shapes.labelled_paths((*shapes.DRAWN_BESIDE4, "heldout4_labels.jsonl"))
    members = sorted(
        p.relative_to(corpus).as_posix() for archive, suffix in ARCHIVES for p in (corpus / archive).rglob(f"*{suffix}")
    )
    drawn = random.Random(seed).sample([m for m in members if m not in taken], releases)
    # test5's to test11's and issuer blind-6's to blind-13's sources (never read when they were added) are dropped
    # after the draw, which stays the same otherwise; so are the files passed over by test8's draw and --leave-out's.
    unread = (
        shapes.labelled_paths(
            (
                "heldout5_labels.jsonl",
                "heldout6_labels.jsonl",
                "heldout7_labels.jsonl",
                "heldout8_labels.jsonl",
                "heldout9_labels.jsonl",
                "heldout10_labels.jsonl",
                "heldout11_labels.jsonl",
                "issuer_labels_blind6.jsonl",
                "issuer_labels_blind7.jsonl",
                "issuer_labels_blind8.jsonl",
                "issuer_labels_blind9.jsonl",
                "issuer_labels_blind10.jsonl",
                "issuer_labels_blind11.jsonl",
                "issuer_labels_blind12.jsonl",
                "issuer_labels_blind13.jsonl",
            )
        )
        | set(shapes.PASSED_OVER8)
        | leave_out
    )
    return [source for source in drawn if source not in unread]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--show", action="append", choices=FIELDS, help="print the differences in this field (repeatable)"
    )
    parser.add_argument(
        "--leave-out",
        type=Path,
        action="append",
        help="a file of archive paths, one a line, to drop from the draw (another never-read set; repeatable)",
    )
    parser.add_argument("--shape", action="append", choices=SHAPES, help="only this shape (repeatable); all by default")
    args = parser.parse_args(argv)
    shown = tuple(args.shape) if args.shape else SHAPES
    corpus = held.CACHE
    if not all((corpus / archive).is_dir() for archive, _ in ARCHIVES):
        print(f"Error: needs the extracted archives at {corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as workdir:
        leave_out = frozenset(
            path for listed in args.leave_out or () for path in listed.read_text(encoding="utf-8").split()
        )
        sample = _sample(corpus, args.releases, args.seed, leave_out)
        started = time.perf_counter()
        differ = {shape: dict.fromkeys(FIELDS, 0) for shape in shown}
        named = dict.fromkeys(shown, 0)
        for source in sample:
            raw = (corpus / source).read_text(encoding="utf-8")
            base = _answer(corpus / source)
            for shape in shown:
                target = Path(workdir) / shapes.shaped_path(source, shape)
                if shape in shapes.EXTRA_SHAPES:
                    target = Path(workdir) / shape / Path(source).with_suffix(".txt")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(shapes.shaped_text(source, shape, raw), encoding="utf-8")
                got = _answer(target)
                for name in FIELDS:
                    if not _same(name, base.get(name), got.get(name)):
                        differ[shape][name] += 1
                        if name == "company" and not base.get(name):
                            named[shape] += 1  # the shape names a company where the archive file names none
                        if name in (args.show or ()):
                            print(f"{shape} {name} {source}\n  as-is {base.get(name)!r}\n  shape {got.get(name)!r}")
        seconds = time.perf_counter() - started
    lines = ["| shape | " + " | ".join(FIELDS) + " |", "|---" * (len(FIELDS) + 1) + "|"]
    for shape in shown:
        lines.append(f"| {shape} | " + " | ".join(str(differ[shape][name]) for name in FIELDS) + " |")
    filled = ", ".join(f"{shape} {count}" for shape, count in named.items() if count)
    if filled:
        lines += ["", f"Of the company differences, those where the archive file names no company: {filled}."]
    print("\n".join(lines))
    print(f"{len(sample)} releases (seed {args.seed}), {seconds:.1f} s")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    report = [
        "# Shape consistency: the same release read in other shapes",
        "",
        "Releases whose field differs from the archive file's own reading (companies compared as the accuracy scores"
        f" compare them: legal-form words do not count), out of {len(sample)} unlabelled releases"
        f" drawn with seed {args.seed} (none in the label files test4 was drawn beside, nor test4's own; test5's to"
        " test11's and issuer blind-6's to blind-13's sources and the --leave-out lists dropped from the draw). Shapes:"
        " `tests/heldout_shapes.py`. A difference is not always a miss: a shape may lose what dated a release (a"
        " JSON file's date when its Business Wire dateline prints none) or read better than the archive file.",
        "",
        f"Command: `.venv/bin/python benchmarks/shape_consistency.py --releases {args.releases} --seed {args.seed}"
        f"{''.join(' --leave-out ' + listed.name for listed in args.leave_out or ())}"
        f"{''.join(' --shape ' + shape for shape in args.shape or ())}`"
        f" at commit {commit.strip() or 'unknown'}, Python {platform.python_version()}.",
        "",
        *lines,
        "",
    ]
    # Earlier measures, kept by hand below this heading, survive a new run.
    earlier = OUT.read_text(encoding="utf-8").partition(EARLIER)[2] if OUT.is_file() else ""
    if earlier:
        report += [EARLIER.strip(), "", earlier.lstrip("\n")]
    OUT.write_text("\n".join(report), encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
