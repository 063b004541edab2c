"""The draws behind the blind label sets: a seed samples nasdaq100-2019 JSON, then newsworthy Markdown files.

tests/data/issuer_labels_blind.jsonl: seed 20261208, 15 then 35, from files in no other label file at the time.
tests/data/issuer_labels_blind2.jsonl: seed 20261210, 12 then 28, from files in no label file at all (the first
blind set included).
tests/data/issuer_labels_blind3.jsonl: seed 20261212, 12 then 30, from files in no label file at all (a label's
`source` counts: tests/data/heldout3_labels.jsonl reshapes archive files). EDGAR and wirefeed-newsml have no
unlabelled release left (edgar-8k's 20 unlabelled files hold none: vote results, officer changes, no EX-99).
Pool: every file of the two archives (sorted relative paths) named in no file of tests/data/*.jsonl except the
set being drawn. EDGAR is left out: every edgar-8k file holding an EX-99
document is already labelled (tests/data/edgar_labels.jsonl), and wirefeed-newsml is labelled whole. Each drawn file
was then labelled by reading it before the parser ran on it (rules: docs/edgar-labels.md, test2 conventions).
tests/data/issuer_labels_blind4.jsonl: seed 20261214, 16 then 32, from files in no label file at all, drawn with
`--shapes`: the 48 shuffled by the same generator and dealt round-robin over SHAPES (16 as the archive holds them,
16 as PDF text, 8 as EDGAR EX-99.1 exhibit files, 8 as front-matter reposts), each rewritten by
tests/heldout_shapes.py (mechanically, never by hand). Labels were written from the original file.
tests/data/issuer_labels_blind5.jsonl: seed 20261216, 16 then 32, from files in no label file at all, drawn with
`--shapes5`: dealt round-robin over SHAPES5 (16 as the archive holds them, 8 as PDF text in one column, 8 as PDF
text in two columns run together, 8 as EDGAR EX-99.1 exhibit files, 8 as front-matter reposts), rewritten by
tests/heldout_shapes.py. Labels were written from the original file before the parser ran on any of them.
tests/data/issuer_labels_blind6.jsonl: seed 20261218, 15 then 30, from files in no label file at all (test6's
tests/data/heldout6_labels.jsonl and blind-5 among them), drawn with `--shapes6`: dealt round-robin over SHAPES6 (15 as
the archive holds them; 5 each as PDF text in one column, two columns run together, and pages joined with their
running headers and page numbers; 5 each as EDGAR EX-99.1 HTML exhibits, plain-text EDGAR documents and front-matter
reposts). Labels were written from the original file before the parser ran on any of them.
tests/data/issuer_labels_blind7.jsonl: seed 20261220, 15 then 30, from files in no label file at all (test7's
tests/data/heldout7_labels.jsonl and blind-6 among them), drawn with `--shapes7`: dealt round-robin over SHAPES7 (10 as
the archive holds them; 5 each as PDF text in one column, two columns run together and pages with running headers; 5
each as EDGAR EX-99.1 HTML exhibits under the filer's letterhead and plain-text EDGAR documents; 5 each as reposts on
a news portal and with front matter). Labels were written from the original file before the parser ran on any of them.
tests/data/issuer_labels_dev8.jsonl: seed 20261227, 33 then 67, a wide dev set (read), from files in no label file at
all, nor in test8's draw (parser18's tests/data/heldout8_labels.jsonl, its file names only) nor blind-7's
(`--avoid` with each list of paths), drawn with `--shapes7`. Labels were written from the original file before the
parser ran on any of them.
tests/data/issuer_labels_blind8.jsonl: seed 20261231, 15 then 35, from files in no label file at all (dev-8 and
test8's tests/data/heldout8_labels.jsonl among them) nor blind-7's draw, drawn with `--shapes8`: dealt round-robin over
SHAPES8 (10 as the archive holds them; 5 each of the other eight SHAPES7 shapes and of Workiva's EX-99.1 exhibits).
Labels were written from the original file before the parser ran on any of them.
tests/data/issuer_labels_blind9.jsonl: seed 20270102, 15 then 35, from files in no label file at all nor blind-8's
draw (`--avoid /work/briefs/s14/blind8_files.txt`), drawn with `--shapes9`: dealt round-robin over SHAPES9 (blind-8's
shapes and test9's release page saved from a wire's own site). Labels were written from the original file before the
parser ran on any of them.
tests/data/issuer_labels_blind10.jsonl: seed 20270104, 15 then 35, from files in no label file at all nor blind-8's or
blind-9's draw (`--avoid /work/briefs/s15/blind9_files.txt --avoid /work/briefs/s14/blind8_files.txt`), drawn with
`--shapes9`. Labels were written from the original file before the parser ran on any of them.
tests/data/issuer_labels_blind11.jsonl: seed 20270107, 15 then 35, from files in no label file at all (`--skip none`) nor
blind-7's to blind-10's draws nor issue 17's audit's files (`--avoid` with /work/briefs/s13/blind7_files.txt,
s14/blind8_files.txt, s15/blind9_files.txt, s16/blind10_files.txt and the `file` names of
benchmarks/results/issuer_verdicts_audit17.jsonl), drawn with `--shapes9`. Labels were written from the original file
before the parser ran on any of them.
tests/data/issuer_labels_blind12.jsonl: seed 20270110, 15 then 35, from files in no label file at all (`--skip none`)
nor blind-7's to blind-11's draws nor issue 17's audit's files (`--avoid` with /work/briefs/s13/blind7_files.txt,
s14/blind8_files.txt, s15/blind9_files.txt, s16/blind10_files.txt, s17/blind11_files.txt and the `file` names of
benchmarks/results/issuer_verdicts_audit17.jsonl), drawn with `--shapes9`. Labels were written from the original file
before the parser ran on any of them.
tests/data/issuer_labels_blind13.jsonl: seed 20270113, 15 then 35, from files in no label file at all (`--skip none`)
nor blind-7's to blind-12's draws nor issue 17's audit's files (`--avoid` with /work/briefs/s13/blind7_files.txt,
s14/blind8_files.txt, s15/blind9_files.txt, s16/blind10_files.txt, s17/blind11_files.txt, s18/blind12_files.txt and the
`file` names of benchmarks/results/issuer_verdicts_audit17.jsonl), drawn with `--shapes9`. Labels were written from the
original file before the parser ran on any of them.
tests/data/issuer_labels_blind14.jsonl: seed 20270116, 15 then 35, from files in no label file at all (`--skip none`)
nor blind-7's to blind-13's draws nor issue 17's audit's files (`--avoid` with /work/briefs/s13/blind7_files.txt,
s14/blind8_files.txt, s15/blind9_files.txt, s16/blind10_files.txt, s17/blind11_files.txt, s18/blind12_files.txt,
s19/blind13_files.txt and the `file` names of benchmarks/results/issuer_verdicts_audit17.jsonl), drawn with `--shapes9`.
Labels were written from the original file before the parser ran on any of them.
tests/data/issuer_labels_blind15.jsonl: seed 20270119, 15 then 35, from files in no label file at all (`--skip none`)
nor blind-7's to blind-14's draws nor issue 17's audits' files (`--avoid` with /work/briefs/s13/blind7_files.txt,
s14/blind8_files.txt, s15/blind9_files.txt, s16/blind10_files.txt, s17/blind11_files.txt, s18/blind12_files.txt,
s19/blind13_files.txt, s20/blind14_files.txt, s20/audit20_files.txt, s20/auditT_files.txt and the `file` names of
benchmarks/results/issuer_verdicts_audit17.jsonl, issuer_verdicts_audit20.jsonl and issuer_ticker_audit.jsonl), drawn
with `--shapes9`. Labels were written from the original file before the parser ran on any of them.
tests/data/issuer_labels_blind16.jsonl: seed 20270122, 15 then 35, from files in no label file at all (`--skip none`)
nor blind-7's to blind-15's draws nor issue 17's audits' files (`--avoid` with /work/briefs/s13/blind7_files.txt,
s14/blind8_files.txt, s15/blind9_files.txt, s16/blind10_files.txt, s17/blind11_files.txt, s18/blind12_files.txt,
s19/blind13_files.txt, s20/blind14_files.txt, s20/blind15_files.txt, s20/audit20_files.txt, s20/auditT_files.txt and the
`file` names of benchmarks/results/issuer_verdicts_audit17.jsonl, issuer_verdicts_audit20.jsonl and
issuer_ticker_audit.jsonl), drawn with `--shapes9`. Labels were written from the original file before the parser ran on
any of them.
tests/data/issuer_labels_blind17.jsonl: seed 20270125, 15 then 35, from files in no label file at all (`--skip none`)
nor blind-7's to blind-16's draws nor issue 17's audits' files (`--avoid` with /work/briefs/s13/blind7_files.txt,
s14/blind8_files.txt, s15/blind9_files.txt, s16/blind10_files.txt, s17/blind11_files.txt, s18/blind12_files.txt,
s19/blind13_files.txt, s20/blind14_files.txt, s20/blind15_files.txt, s21/blind16_files.txt, s20/audit20_files.txt,
s20/auditT_files.txt and the `file` names of benchmarks/results/issuer_verdicts_audit17.jsonl,
issuer_verdicts_audit20.jsonl and issuer_ticker_audit.jsonl), drawn with `--shapes9`. Labels were written from the
original file before the parser ran on any of them.
Run from anywhere with the archives extracted under ROOT; the labels added later make a rerun draw other files.

    python benchmarks/issuer_blind_draw.py EXTRACTED_CORPUS_ROOT [--seed 20261210 --nasdaq 12 --newsworthy 28 \
        --skip issuer_labels_blind2.jsonl] [--shapes | --shapes5 | --shapes6 | --shapes7 | --shapes8 | --shapes9]
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# blind-4's mix, like the independent graders': a third archived, a third PDF text, a third EDGAR exhibits or reposts.
SHAPES = ("as-is", "pdf-text", "edgar-exhibit", "as-is", "pdf-text", "front-matter")
# blind-5's: the same thirds, its PDF text half in one column and half in two columns run together.
SHAPES5 = ("as-is", "pdf-text", "edgar-exhibit", "as-is", "pdf-columns", "front-matter")
# blind-6's: a third archived; a third PDF text (one column, two columns, pages with running headers); a third EDGAR
# exhibits (HTML, plain text) or front-matter reposts.
SHAPES6 = (
    "as-is",
    "pdf-text",
    "edgar-exhibit",
    "as-is",
    "pdf-columns",
    "edgar-text",
    "as-is",
    "pdf-pages",
    "front-matter",
)
# blind-7's: blind-6's mix with test7's shapes: EDGAR HTML exhibits under the filer's letterhead, news-portal reposts.
SHAPES7 = (
    "as-is",
    "pdf-text",
    "edgar-letterhead",
    "as-is",
    "pdf-columns",
    "edgar-text",
    "portal-repost",
    "pdf-pages",
    "front-matter",
)
# blind-8's: blind-7's mix with test8's EDGAR exhibit as Workiva exports it (tests/heldout_shapes8.py).
SHAPES8 = (*SHAPES7, "edgar-workiva")
# blind-9's: blind-8's mix with test9's release page saved from a wire's own site (tests/heldout_shapes9.py).
SHAPES9 = (*SHAPES8, "wire-page")


def pool(root: str, archive: str, ext: str, used: set[str]) -> list[str]:
    """The archive's unlabelled files, sorted."""
    files = sorted(os.path.relpath(p, root) for p in glob.glob(f"{root}/{archive}/**/*.{ext}", recursive=True))
    return [f for f in files if f not in used]


def main() -> None:
    """Print the drawn paths, one a line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root")
    parser.add_argument("--seed", type=int, default=20261208)
    parser.add_argument("--nasdaq", type=int, default=15)
    parser.add_argument("--newsworthy", type=int, default=35)
    parser.add_argument("--skip", default="issuer_labels_blind.jsonl", help="the label file being drawn")
    parser.add_argument("--shapes", action="store_true", help="shuffle and deal the draw over SHAPES")
    parser.add_argument("--shapes5", action="store_true", help="shuffle and deal the draw over SHAPES5")
    parser.add_argument("--shapes6", action="store_true", help="shuffle and deal the draw over SHAPES6")
    parser.add_argument("--shapes7", action="store_true", help="shuffle and deal the draw over SHAPES7")
    parser.add_argument("--shapes8", action="store_true", help="shuffle and deal the draw over SHAPES8")
    parser.add_argument("--shapes9", action="store_true", help="shuffle and deal the draw over SHAPES9")
    parser.add_argument(
        "--avoid",
        action="append",
        default=[],
        help="a file naming paths (one a line) of another helper's or a never-read draw to leave out (repeatable)",
    )
    args = parser.parse_args()
    root = args.root
    used = set()
    for name in glob.glob(str(REPO / "tests" / "data" / "*.jsonl")):
        if os.path.basename(name) == args.skip:
            continue
        with open(name, encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
        used |= {row["path"] for row in rows} | {row["source"] for row in rows if row.get("source")}
    for name in args.avoid:
        with open(name, encoding="utf-8") as handle:
            used |= {line.strip() for line in handle if line.strip()}
    rng = random.Random(args.seed)
    nasdaq = pool(root, "nasdaq100-2019", "json", used)
    newsworthy = pool(root, "newsworthy-archive-2023-2026", "md", used)
    picked = rng.sample(nasdaq, args.nasdaq) + rng.sample(newsworthy, args.newsworthy)
    if not (args.shapes or args.shapes5 or args.shapes6 or args.shapes7 or args.shapes8 or args.shapes9):
        for path in picked:
            print(path)
        return
    rng.shuffle(picked)
    cycle = (
        SHAPES9
        if args.shapes9
        else SHAPES8
        if args.shapes8
        else SHAPES7
        if args.shapes7
        else SHAPES6
        if args.shapes6
        else SHAPES5
        if args.shapes5
        else SHAPES
    )
    for i, path in enumerate(picked):
        print(cycle[i % len(cycle)], path)


if __name__ == "__main__":
    main()
