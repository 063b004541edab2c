"""test3: a seeded random sample of unlabelled corpus releases, some turned into the shapes of other sources.

The independent graders score sources this project does not hold: wire releases reposted as Markdown with YAML front
matter and the text a PDF-to-text tool pulls out of an earnings release. This module draws releases at random from
the shared archives (``nasdaq100-2019`` JSON and ``newsworthy-archive-2023-2026`` Markdown, none of them in any
``tests/data/*.jsonl``) and rewrites some of them, mechanically and never by hand, into those shapes:

- ``as-is``: the archive's file untouched.
- ``front-matter``: a repost as a static site keeps it: a ``---`` fenced YAML block (``title``, ``date`` with its
  time zone, ``source`` the feed it came from, ``link`` when the archive gives one), then the body without the
  headline and without the archive's footer of links.
- ``pdf-text``: what ``pdftotext`` prints for the release set as a PDF: lines wrapped at 84 columns with long words
  hyphenated at the line's end, the ``fi``/``fl`` ligatures of the font, 40 lines a page with a form feed between
  pages, a footer with the page number on every page and a running header (the headline's first words) from the
  second page on.

Draw (``draw()``): the sorted unlabelled ``.json`` and ``.md`` members, ``random.Random(SEED).sample`` of 16 JSON
and 32 Markdown files, the 48 shuffled with the same generator and dealt round-robin into the three shapes. The labels
(``tests/data/heldout3_labels.jsonl``) were written by reading each original file, never the parser's output; a
shape changes where text stands, not what a careful reader labels. ``materialise()`` rebuilds the shaped files in a
folder so that ``releases parse --json`` can read them.

    .venv/bin/python tests/heldout_shapes.py OUT_DIR [CORPUS_DIR]   # the 48 files under OUT_DIR, their paths printed

CORPUS_DIR holds the extracted archives (default ``.cache/corpus``).
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
LABELS = DATA / "heldout3_labels.jsonl"
SEED = 20261218
SHAPES = ("as-is", "front-matter", "pdf-text")
JSON_DRAWS = 16
MARKDOWN_DRAWS = 32
WIDTH = 84
PAGE_LINES = 40

_ZONES = {"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "GMT": 0, "UTC": 0}
_FOOTER_RULE_RE = re.compile(r"\n---\s*\n")
_LINK_RE = re.compile(r"\]\((https?://[^)\s]+)\)")


# The label files that existed when test3 was drawn: later label sets must not change the draw.
DRAWN_BESIDE = ("edgar_labels.jsonl", "heldout_labels.jsonl", "issuer_labels_fresh.jsonl", "parser_labels.jsonl")


def labelled_paths() -> set[str]:
    """Every path the label files test3 was drawn beside name."""
    paths: set[str] = set()
    for labels in (DATA / name for name in DRAWN_BESIDE):
        for line in labels.read_text(encoding="utf-8").splitlines():
            if line.strip():
                paths.add(json.loads(line)["path"])
    return paths


def draw(corpus: Path) -> list[tuple[str, str]]:
    """(archive path, shape) of the 48 releases of test3, from extracted archives under corpus."""
    taken = labelled_paths()

    def members(archive: str, suffix: str) -> list[str]:
        found = (p.relative_to(corpus).as_posix() for p in (corpus / archive).rglob(f"*{suffix}"))
        return sorted(p for p in found if p not in taken)

    rng = random.Random(SEED)
    picked = rng.sample(members("nasdaq100-2019", ".json"), JSON_DRAWS)
    picked += rng.sample(members("newsworthy-archive-2023-2026", ".md"), MARKDOWN_DRAWS)
    rng.shuffle(picked)
    return [(path, SHAPES[i % len(SHAPES)]) for i, path in enumerate(picked)]


def shaped_path(path: str, shape: str) -> str:
    """Where a shaped copy lives: ``<shape>/<archive path>`` with the suffix of its new format."""
    if shape == "as-is":
        return path
    suffix = ".md" if shape == "front-matter" else ".txt"
    return f"{shape}/{Path(path).with_suffix(suffix).as_posix()}"


def _parts(path: str, raw: str) -> dict:
    """Headline, lead lines (a JSON subtitle), body, date and link of an archive file, read as its format says."""
    if path.endswith(".json"):
        data = json.loads(raw)
        return {
            "title": (data.get("title") or "").strip(),
            "lead": (data.get("subtitle") or "").strip(),
            "body": (data.get("content") or "").strip(),
            "date": _json_date(data.get("date") or ""),
            "source": None,
            "link": None,
        }
    title, _, body = raw.partition("\n")
    rules = list(_FOOTER_RULE_RE.finditer(body))
    footer = body[rules[-1].end() :] if rules else ""
    if rules:
        body = body[: rules[-1].start()]
    links = _LINK_RE.findall(footer)
    feed, year, day = path.split("/")[1:4]
    return {
        "title": title.lstrip("#").strip(),
        "lead": "",
        "body": body.strip(),
        "date": f"{year}-{day[:2]}-{day[2:]}",
        "source": feed,
        "link": links[0] if links else None,
    }


def _json_date(value: str) -> str:
    """'Mar 4, 2020 4:00PM EST' as ISO 8601 with its offset ('2020-03-04T16:00:00-05:00')."""
    match = re.match(r"(\w{3}) (\d{1,2}), (\d{4}) (\d{1,2}):(\d{2})([AP]M) ([A-Z]{3})", value.strip())
    if not match:
        return value
    month, day, year, hour, minute, half, zone = match.groups()
    when = datetime.strptime(f"{month} {day} {year} {hour}:{minute}{half}", "%b %d %Y %I:%M%p")
    offset = timezone(timedelta(hours=_ZONES.get(zone, 0)))
    return when.replace(tzinfo=offset).isoformat()


def front_matter(path: str, raw: str) -> str:
    """A Markdown repost with a YAML front-matter block."""
    parts = _parts(path, raw)
    head = ["---", f"title: {json.dumps(parts['title'], ensure_ascii=False)}", f"date: {parts['date']}"]
    if parts["source"]:
        head.append(f"source: {parts['source']}")
    if parts["link"]:
        head.append(f"link: {parts['link']}")
    head.append("---")
    body = "\n\n".join(part for part in (parts["lead"], parts["body"]) if part)
    return "\n".join(head) + "\n\n" + body + "\n"


def _ligatures(text: str) -> str:
    return text.replace("ffi", "\ufb03").replace("fi", "\ufb01").replace("fl", "\ufb02")


def _wrap(paragraph: str) -> list[str]:
    """Lines of at most WIDTH columns; a long word that would overflow is hyphenated where it breaks."""
    lines: list[str] = []
    line = ""
    for word in paragraph.split():
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= WIDTH:
            line += " " + word
        elif word.isalpha() and word.islower() and len(word) >= 8 and WIDTH - len(line) - 2 >= 4:
            cut = min(WIDTH - len(line) - 2, len(word) - 3)
            lines.append(f"{line} {word[:cut]}-")
            line = word[cut:]
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def pdf_text(path: str, raw: str) -> str:
    """The text pdftotext would print for the release laid out as a PDF."""
    parts = _parts(path, raw)
    body = re.sub(r"^#+\s*", "", parts["body"], flags=re.M)  # a PDF shows a subheading, not its Markdown marks
    lines: list[str] = []
    for block in (parts["title"], parts["lead"], *re.split(r"\n\s*\n|\n", body)):
        if block.strip():
            lines.extend(_wrap(block.strip()))
            lines.append("")
    pages = [lines[i : i + PAGE_LINES] for i in range(0, len(lines), PAGE_LINES)]
    running = " ".join(parts["title"].split()[:6])
    out = []
    for number, page in enumerate(pages, start=1):
        top = [running, ""] if number > 1 else []
        out.append("\n".join([*top, *page, "", f"Page {number} of {len(pages)}"]))
    return _ligatures("\n\f".join(out)) + "\n"


def shaped_text(path: str, shape: str, raw: str) -> str:
    """The file's text in its shape."""
    if shape == "front-matter":
        return front_matter(path, raw)
    if shape == "pdf-text":
        return pdf_text(path, raw)
    return raw


def materialise(corpus: Path, out: Path, labels: list[dict]) -> Path:
    """Write each labelled release in its shape under out (paths as the labels give them); returns out."""
    for row in labels:
        target = out / row["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        raw = (corpus / row["source"]).read_text(encoding="utf-8")
        target.write_text(shaped_text(row["source"], row["shape"], raw), encoding="utf-8")
    return out


def load_labels(path: Path = LABELS) -> list[dict]:
    """The test3 labels, one dict per release."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "tests"))
    from test_parser_labels import CACHE

    target = Path(sys.argv[1])
    corpus = Path(sys.argv[2]) if len(sys.argv) > 2 else CACHE
    for source, shape in draw(corpus):
        out = target / shaped_path(source, shape)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(shaped_text(source, shape, (corpus / source).read_text(encoding="utf-8")), encoding="utf-8")
        print(shape, source, shaped_path(source, shape))
