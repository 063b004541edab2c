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

    .venv/bin/python tests/heldout_shapes.py [--test4|...|--test8] OUT_DIR [CORPUS_DIR]   # the files, paths printed

test4 (``draw4()``) adds EDGAR exhibit files (``edgar-exhibit``); test5 (``draw5()``) adds PDF text set in two columns
that ``pdftotext -layout`` runs together (``pdf-columns``), plain-text EDGAR ``<DOCUMENT>`` exhibits (``edgar-text``)
and reposts with Hugo's TOML front matter (``front-matter-toml``); test6 (``draw6()``) adds PDF text whose pages are
joined with their furniture (``pdf-pages``) and a filing agent's exhibit laid out in tables (``edgar-tables``); test7
(``draw7()``) adds an HTML exhibit opening with the filer's letterhead address block (``edgar-letterhead``) and a
repost on a news portal between its menus and its "Related news" (``portal-repost``).

CORPUS_DIR holds the extracted archives (default ``.cache/corpus``).
"""

from __future__ import annotations

import html
import importlib
import json
import random
import re
import sys
import textwrap
import zlib
from collections.abc import Callable
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
LABELS4 = DATA / "heldout4_labels.jsonl"
SEED4 = 20261219
JSON_DRAWS4 = 14
MARKDOWN_DRAWS4 = 28
# test4 deals its releases round-robin over this cycle: a third PDF text, a third EDGAR exhibits, the rest reposts.
SHAPES4 = ("pdf-text", "edgar-exhibit", "pdf-text", "edgar-exhibit", "front-matter", "as-is")
LABELS5 = DATA / "heldout5_labels.jsonl"
SEED5 = 20261220
JSON_DRAWS5 = 16
MARKDOWN_DRAWS5 = 32
# test5: a third PDF text (one column, or two set side by side), a third EDGAR exhibits (HTML or plain text), the rest
# reposts with TOML front matter and files as the archive holds them.
SHAPES5 = ("pdf-text", "edgar-exhibit", "pdf-columns", "edgar-text", "front-matter-toml", "as-is")
LABELS6 = DATA / "heldout6_labels.jsonl"
SEED6 = 20261221
JSON_DRAWS6 = 16
MARKDOWN_DRAWS6 = 32
# test6: a third PDF text (pages joined with their furniture, or two columns), a third EDGAR exhibits (a filing agent's
# HTML laid out in tables, or plain text), the rest YAML reposts and files as the archive holds them.
SHAPES6 = ("pdf-pages", "edgar-tables", "pdf-columns", "edgar-text", "front-matter", "as-is")
LABELS7 = DATA / "heldout7_labels.jsonl"
SEED7 = 20261223
JSON_DRAWS7 = 16
MARKDOWN_DRAWS7 = 32
# test7: a third PDF text (pages with form feeds, or joined with their furniture), a third EDGAR exhibits (HTML under
# the filer's letterhead address block, or plain text), the rest reposts on a news portal and archive files.
SHAPES7 = ("pdf-text", "edgar-letterhead", "pdf-pages", "edgar-text", "portal-repost", "as-is")
_NEWSWORTHY = "newsworthy-archive-2023-2026"
LABELS8 = DATA / "heldout8_labels.jsonl"
SEED8 = 20261225
JSON_DRAWS8 = 16
MARKDOWN_DRAWS8 = 32
# test8: every shape so far, four releases each, and Workiva's span-and-div export (new) twice as often: a quarter PDF
# text, half EDGAR exhibits, a quarter reposts and archive files.
SHAPES8 = ("pdf-text", "edgar-workiva", "pdf-columns", "edgar-letterhead", "front-matter", "edgar-tables", "pdf-pages",
           "edgar-workiva", "edgar-text", "portal-repost", "edgar-exhibit", "as-is")  # fmt: skip
ALL_SHAPES = (*SHAPES, "edgar-exhibit", "pdf-columns", "edgar-text", "front-matter-toml", "pdf-pages", "edgar-tables",
              "edgar-letterhead", "portal-repost", "edgar-workiva")  # fmt: skip
# Shapes no label set is drawn in, for checks that need no labels (benchmarks/shape_consistency.py).
EXTRA_SHAPES = ("pdf-letterhead", "edgar-text", "email-text")
# The modules of later sets' shapes, by shape.
LATER_SHAPES = {"edgar-letterhead": "heldout_shapes7", "portal-repost": "heldout_shapes7",
                "edgar-workiva": "heldout_shapes8", "email-text": "heldout_shapes8", "wire-page": "heldout_shapes9",
                "edgar-submission": "heldout_shapes10", "docx-text": "heldout_shapes10",
                "feed-item": "heldout_shapes11"}  # fmt: skip
PAGE_LINES = 40

_ZONES = {"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "GMT": 0, "UTC": 0}
_FOOTER_RULE_RE = re.compile(r"\n---\s*\n")
_LINK_RE = re.compile(r"\]\((https?://[^)\s]+)\)")


# The label files that existed when test3 was drawn: later label sets must not change the draw.
DRAWN_BESIDE = ("edgar_labels.jsonl", "heldout_labels.jsonl", "issuer_labels_fresh.jsonl", "parser_labels.jsonl")
# test4 was drawn beside every label file of tests/data at the time, test3's among them.
DRAWN_BESIDE4 = (*DRAWN_BESIDE, "heldout3_labels.jsonl", "issuer_labels_blind.jsonl", "issuer_labels_blind2.jsonl")
# test5 was drawn beside every label file of tests/data at the time, test4's among them.
DRAWN_BESIDE5 = (*DRAWN_BESIDE4, "heldout4_labels.jsonl", "issuer_labels_blind3.jsonl")
# test6 was drawn beside every label file of tests/data at the time, test5's and the fourth blind issuer set among them.
DRAWN_BESIDE6 = (*DRAWN_BESIDE5, "heldout5_labels.jsonl", "issuer_labels_blind4.jsonl")
# test7 was drawn beside every label file of tests/data at the time, test6's and the fifth blind issuer set among them.
DRAWN_BESIDE7 = (*DRAWN_BESIDE6, "heldout6_labels.jsonl", "issuer_labels_blind5.jsonl")
# test8 was drawn beside every label file of tests/data at the time, test7's and the sixth blind issuer set among them.
DRAWN_BESIDE8 = (*DRAWN_BESIDE7, "heldout7_labels.jsonl", "issuer_labels_blind6.jsonl")
# Files the issuer round drawing its seventh blind set at the same time took (its list, read before labelling): test8
# passes over them to the generator's next file. Only those test8's order would otherwise have reached are listed.
PASSED_OVER8: tuple[str, ...] = ("nasdaq100-2019/ANSS_003.json",)


def labelled_paths(names: tuple[str, ...] = DRAWN_BESIDE) -> set[str]:
    """Every path (and shaped file's source) the named label files name: by default those test3 was drawn beside."""
    paths: set[str] = set()
    for labels in (DATA / name for name in names):
        for line in labels.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                paths.add(row.get("source") or row["path"])
    return paths


def _members(corpus: Path | dict[str, set[str]], archive: str, suffix: str, taken: set[str]) -> list[str]:
    """An archive's file paths with the suffix, in no label file, sorted. corpus: the extracted archives' folder, or
    each archive's file names (paths inside it), which is all a draw reads."""
    if isinstance(corpus, dict):
        found = (f"{archive}/{name}" for name in corpus[archive] if name.endswith(suffix))
    else:
        found = (p.relative_to(corpus).as_posix() for p in (corpus / archive).rglob(f"*{suffix}"))
    return sorted(p for p in found if p not in taken)


def _draw(
    corpus: Path | dict[str, set[str]], taken: set[str], seed: int, json_draws: int, markdown_draws: int, shapes
) -> list[tuple[str, str]]:
    """(archive path, shape) of a seeded draw of files in no label file, dealt over `shapes` in turn."""
    rng = random.Random(seed)
    picked = rng.sample(_members(corpus, "nasdaq100-2019", ".json", taken), json_draws)
    picked += rng.sample(_members(corpus, "newsworthy-archive-2023-2026", ".md", taken), markdown_draws)
    rng.shuffle(picked)
    return [(path, shapes[i % len(shapes)]) for i, path in enumerate(picked)]


def draw(corpus: Path) -> list[tuple[str, str]]:
    """(archive path, shape) of the 48 releases of test3, from extracted archives under corpus."""
    return _draw(corpus, labelled_paths(), SEED, JSON_DRAWS, MARKDOWN_DRAWS, SHAPES)


def draw4(corpus: Path) -> list[tuple[str, str]]:
    """(archive path, shape) of the 42 releases of test4: files in no label file, PDF text and EDGAR exhibits weighted."""
    return _draw(corpus, labelled_paths(DRAWN_BESIDE4), SEED4, JSON_DRAWS4, MARKDOWN_DRAWS4, SHAPES4)


def draw5(corpus: Path) -> list[tuple[str, str]]:
    """(archive path, shape) of the 48 releases of test5: files in no label file, dealt over SHAPES5."""
    return _draw(corpus, labelled_paths(DRAWN_BESIDE5), SEED5, JSON_DRAWS5, MARKDOWN_DRAWS5, SHAPES5)


def draw6(corpus: Path) -> list[tuple[str, str]]:
    """(archive path, shape) of the 48 releases of test6: files in no label file, dealt over SHAPES6."""
    return _draw(corpus, labelled_paths(DRAWN_BESIDE6), SEED6, JSON_DRAWS6, MARKDOWN_DRAWS6, SHAPES6)


def draw7(corpus: Path) -> list[tuple[str, str]]:
    """(archive path, shape) of the 48 releases of test7: files in no label file, dealt over SHAPES7."""
    return _draw(corpus, labelled_paths(DRAWN_BESIDE7), SEED7, JSON_DRAWS7, MARKDOWN_DRAWS7, SHAPES7)


def draw8(corpus: Path | dict[str, set[str]], passed_over: tuple[str, ...] = PASSED_OVER8) -> list[tuple[str, str]]:
    """(archive path, shape) of the 48 releases of test8: each archive's unlabelled files in a seeded order, the first
    ones not passed over (another set's at the same time), shuffled and dealt over SHAPES8."""
    labelled = labelled_paths(DRAWN_BESIDE8)
    rng = random.Random(SEED8)
    picked: list[str] = []
    for archive, suffix, wanted in (("nasdaq100-2019", ".json", JSON_DRAWS8), (_NEWSWORTHY, ".md", MARKDOWN_DRAWS8)):
        members = _members(corpus, archive, suffix, labelled)
        picked += [p for p in rng.sample(members, len(members)) if p not in passed_over][:wanted]
    rng.shuffle(picked)
    return [(path, SHAPES8[i % len(SHAPES8)]) for i, path in enumerate(picked)]


def shaped_path(path: str, shape: str) -> str:
    """Where a shaped copy lives: ``<shape>/<archive path>`` with the suffix of its new format."""
    if shape == "as-is":
        return path
    markdown = ("front-matter", "front-matter-toml", "portal-repost")
    html_shapes = ("edgar-exhibit", "edgar-tables", "edgar-letterhead", "edgar-workiva")
    pages = {"wire-page": ".html", "feed-item": ".xml"}
    suffix = ".md" if shape in markdown else ".htm" if shape in html_shapes else pages.get(shape, ".txt")
    return f"{shape}/{Path(path).with_suffix(suffix).as_posix()}"


# A run of spaces after a sentence's end (or an About heading's name) and before a capital: a paragraph break in 24-7
# Press Release's bodies, which keep a release's paragraphs on one line; its own page, a PDF or a filing sets them apart.
_IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_SPACED_BREAK_RE = re.compile(r"(?<=[.!?:\u201d\"]) {2,}(?=[A-Z\u201c\"])")
_SPACED_ABOUT_RE = re.compile(r"^(About [A-Z][\w&'\u2019.-]*(?: [A-Z&][\w&'\u2019.-]*){0,5}) {2,}(?=[A-Z])", re.M)


def _parts(path: str, raw: str) -> dict:
    """Headline, lead lines (a JSON subtitle), body, date and link of an archive file, read as its format says (a
    Markdown title's "&amp;" as "&", paragraphs run together on a line set apart, no Markdown image)."""
    if path.endswith(".json"):
        data = json.loads(raw)
        title, lead, body = ((data.get(key) or "").strip() for key in ("title", "subtitle", "content"))
        date, source, link = _json_date(data.get("date") or ""), None, None
    else:
        title, _, body = raw.partition("\n")
        following, _, after = body.partition("\n")
        if _title_goes_on(title.lstrip("#").strip(), following.strip()):
            title, body = f"{title.rstrip()} {following.strip()}", after  # "# ... Survival and" | "Resilience"
        rules = list(_FOOTER_RULE_RE.finditer(body))
        footer = body[rules[-1].end() :] if rules else ""
        if rules:
            body = body[: rules[-1].start()]
        links = _LINK_RE.findall(footer)
        source, year, day = path.split("/")[1:4]
        title, lead, body, date = title.lstrip("#").strip(), "", body.strip(), f"{year}-{day[:2]}-{day[2:]}"
        link = links[0] if links else None
    body = _SPACED_BREAK_RE.sub("\n\n", _IMAGE_RE.sub("", body)).strip()  # a picture prints no text
    body = _SPACED_ABOUT_RE.sub("\\1\n\n", body)
    return {"title": html.unescape(title), "lead": lead, "body": body, "date": date, "source": source, "link": link}


# A title line that cannot end: a lower-case last word ("... Survival and") or a joining mark.
_TITLE_OPEN_RE = re.compile(r"(?:\b[a-z]+|[,:&\u2013\u2014-])$")


def _title_goes_on(title: str, following: str) -> bool:
    """Whether the line straight under a Markdown title (no blank line between) is its rest, as a reader takes it: the
    title cannot end where it stops, the line goes on in lower case, or both are shouted; else it is a subheadline."""
    if not following or following.startswith(("#", "*", "!", "[", "|")):
        return False
    shouted = title.upper() == title and following.upper() == following
    return bool(_TITLE_OPEN_RE.search(title)) or following[0].islower() or shouted


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


def front_matter_toml(path: str, raw: str) -> str:
    """A Markdown repost as Hugo keeps it: a ``+++`` fenced TOML block, then the body without the headline."""
    parts = _parts(path, raw)
    head = ["+++", f"title = {json.dumps(parts['title'], ensure_ascii=False)}", f"date = {parts['date']}"]
    if parts["source"]:
        head.append(f"source = {json.dumps(parts['source'])}")
    if parts["link"]:
        head.append(f"link = {json.dumps(parts['link'])}")
    head.append("+++")
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


COLUMN = 40
GUTTER = 4


def pdf_columns(path: str, raw: str) -> str:
    """``pdftotext -layout`` of the release set in two columns: the headline centred across the page, then each line
    holds the left column's line and, after a gutter, the right column's (the columns run together)."""
    parts = _parts(path, raw)
    body = re.sub(r"^#+\s*", "", parts["body"], flags=re.M)
    lines: list[str] = []
    for block in (parts["lead"], *re.split(r"\n\s*\n|\n", body)):
        if block.strip():
            lines += textwrap.wrap(block.strip(), COLUMN, break_on_hyphens=False) + [""]
    head = [line.center(WIDTH).rstrip() for line in textwrap.wrap(parts["title"], 70)] + [""]
    pages: list[list[str]] = []
    while lines:
        rows = PAGE_LINES - (len(head) if not pages else 0)
        left, right, lines = lines[:rows], lines[rows : 2 * rows], lines[2 * rows :]
        right += [""] * (len(left) - len(right))
        page = [f"{a:<{COLUMN + GUTTER}}{b}".rstrip() for a, b in zip(left, right, strict=True)]
        pages.append((head if not pages else []) + page)
    out = ["\n".join([*page, "", f"Page {number} of {len(pages)}"]) for number, page in enumerate(pages, start=1)]
    return _ligatures("\n\f".join(out)) + "\n"


_BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# Two hands EDGAR exhibits come from: a filing agent's upper-case HTML and Workiva's inline-styled <div>s.
_AGENT = {
    "open": '<HTML>\n<HEAD>\n<TITLE>EX-99.1</TITLE>\n</HEAD>\n<BODY BGCOLOR="WHITE">\n',
    "banner": '<P ALIGN="right"><FONT SIZE="2"><B>Exhibit 99.1</B></FONT></P>',
    "title": '<P ALIGN="center"><FONT SIZE="3"><B>{}</B></FONT></P>',
    "lead": '<P ALIGN="center"><FONT SIZE="2"><I>{}</I></FONT></P>',
    "para": '<P STYLE="margin-top:12px;margin-bottom:0px"><FONT SIZE="2">{}</FONT></P>',
    "bold": "<B>{}</B>",
    "close": "</BODY>\n</HTML>\n",
}
_SPAN = "<span style=\"font-family:'Times New Roman',serif;font-size:{size};{weight}\">{{}}</span>"
_WDESK = {
    "open": "<html><head><title>Document</title></head><body>\n<!-- Document created using Wdesk -->\n",
    "banner": '<div style="text-align:right">'
    + _SPAN.format(size="10pt", weight="font-weight:700").format("Exhibit 99.1")
    + "</div>",
    "title": '<div style="text-align:center">' + _SPAN.format(size="12pt", weight="font-weight:700") + "</div>",
    "lead": '<div style="text-align:center">' + _SPAN.format(size="10pt", weight="font-style:italic") + "</div>",
    "para": '<div style="text-align:justify;margin-top:6pt">' + _SPAN.format(size="10pt", weight="") + "</div>",
    "bold": '<span style="font-weight:700">{}</span>',
    "close": "</body></html>\n",
}


def _html_inline(text: str, bold: str) -> str:
    """A line of Markdown as EDGAR's ASCII HTML: links as their words, **bold** tagged, typography as entities."""
    text = html.escape(_MD_LINK_RE.sub(r"\1", text), quote=False)
    text = _BOLD_RE.sub(lambda m: bold.format(m.group(1)), text)
    return text.encode("ascii", "xmlcharrefreplace").decode("ascii")


def edgar_exhibit(path: str, raw: str) -> str:
    """The release as an EX-99.1 exhibit file filed on EDGAR: a filing agent's HTML or Workiva's, by the path's hash."""
    parts = _parts(path, raw)
    look = _WDESK if zlib.crc32(path.encode()) % 2 else _AGENT
    out = [look["open"] + look["banner"], look["title"].format(_html_inline(parts["title"], look["bold"]))]
    if parts["lead"]:
        out.append(look["lead"].format(_html_inline(parts["lead"], look["bold"])))
    rows: list[list[str]] = []
    for line in [*parts["body"].split("\n"), ""]:
        line = line.strip()
        if line.startswith("|"):  # a Markdown table row: a layout table, as financial tables are filed
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            if not all(set(cell) <= set("-: ") for cell in cells):
                rows.append(cells)
            continue
        if rows:
            out.append(
                "<TABLE>"
                + "".join(
                    "<TR>" + "".join(f"<TD>{_html_inline(cell, look['bold'])}</TD>" for cell in row) + "</TR>"
                    for row in rows
                )
                + "</TABLE>"
            )
            rows = []
        if line:
            heading = line.startswith("#")
            text = _html_inline(line.lstrip("#").strip(), look["bold"])
            out.append(look["para"].format(look["bold"].format(text) if heading else text))
    return "\n".join(out) + "\n" + look["close"]


_LETTERHEAD = (
    f"{'NEWS RELEASE':>{WIDTH}}\n\nFOR IMMEDIATE RELEASE\n\n"
    "Media Contact:                              Investor Contact:\n"
    "Jane Doe                                    John Roe\n"
    "(555) 555-0100                              (555) 555-0101\n\n"
)


def pdf_letterhead(path: str, raw: str) -> str:
    """pdf-text as ``pdftotext -layout`` prints a release with a letterhead: a banner, a contact block in two
    columns, then the headline centred."""
    text = pdf_text(path, raw)
    first, _, rest = text.partition("\n\n")
    centred = "\n".join(line.center(WIDTH).rstrip() for line in first.split("\n"))
    return _LETTERHEAD + centred + "\n\n" + rest


def edgar_text(path: str, raw: str) -> str:
    """The release as a plain-text EX-99.1 document as EDGAR holds it: 72 columns, a right-set banner, the headline
    centred over lines of 60, a centred page number and ``<PAGE>`` every 50 lines."""
    parts = _parts(path, raw)
    body = re.sub(r"^#+\s*", "", parts["body"], flags=re.M)
    lines = ["", "EXHIBIT 99.1".rjust(72), ""]
    lines += [line.center(72).rstrip() for line in textwrap.wrap(parts["title"], 60)] + [""]
    for block in (parts["lead"], *re.split(r"\n\s*\n|\n", body)):
        if block.strip():
            lines += textwrap.wrap(block.strip(), 72) + [""]
    pages: list[str] = []
    for start in range(0, len(lines), 50):
        pages += lines[start : start + 50] + ["", str(start // 50 + 1).center(72).rstrip(), "<PAGE>"]
    return (
        "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex99-1.txt\n<DESCRIPTION>PRESS RELEASE\n<TEXT>\n"
        + "\n".join(pages[:-1])
        + "\n</TEXT>\n</DOCUMENT>\n"
    )


PAGES_WIDTH = 80
PAGES_LINES = 46


def pdf_pages(path: str, raw: str) -> str:
    """``pdftotext -nopgbrk`` of a release whose pages carry furniture: no form feeds, each page closed by its centred
    number and a rule of the issuer's web address, and from page 2 on a running header (the headline's first words,
    then "Page N") above the text."""
    parts = _parts(path, raw)
    body = re.sub(r"^#+\s*", "", parts["body"], flags=re.M)
    lines: list[str] = []
    for block in (parts["title"], parts["lead"], *re.split(r"\n\s*\n|\n", body)):
        if block.strip():
            lines += textwrap.wrap(block.strip(), PAGES_WIDTH, break_on_hyphens=False) + [""]
    running = " ".join(parts["title"].split()[:5])
    out: list[str] = []
    for number, start in enumerate(range(0, len(lines), PAGES_LINES), start=1):
        if number > 1:
            out += [f"{running:<{PAGES_WIDTH - 10}}{'Page ' + str(number):>10}", ""]
        out += lines[start : start + PAGES_LINES]
        out += ["", f"- {number} -".center(PAGES_WIDTH).rstrip(), "", ""]
    return _ligatures("\n".join(out)) + "\n"


_BULLET_RE = re.compile(r"^(?:[-*\u2022\u25cf]|\d+\.)\s+")
_CELL = '<TD VALIGN="top"{}><FONT SIZE="2">{}</FONT></TD>'


def _agent_table(rows: list[list[str]]) -> str:
    """A financial table as filing agents set it: a spacer cell between columns, figures right-aligned."""
    out = ['<TABLE CELLSPACING="0" CELLPADDING="0" WIDTH="100%" BORDER="0">']
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            numeric = bool(re.fullmatch(r"[$(]?[\d,.%]+\)?|\W*", cell))
            if i:
                cells.append("<TD>&nbsp;&nbsp;</TD>")
            cells.append(_CELL.format(' ALIGN="right"' if numeric and i else "", _html_inline(cell, "<B>{}</B>")))
        out.append("<TR>" + "".join(cells) + "</TR>")
    return "\n".join(out) + "\n</TABLE>"


def table_row(line: str) -> list[list[str]]:
    """A Markdown table line's cells, as a list of one row; none for the rule under the header."""
    cells = [cell.strip() for cell in line.strip("|").split("|")]
    return [] if all(set(cell) <= set("-: ") for cell in cells) else [cells]


def edgar_tables(path: str, raw: str) -> str:
    """The release as an EX-99.1 a filing agent lays out in tables: a letterhead table (banner beside the contacts),
    the headline broken by ``<BR>``, bullets as two-cell tables, figures in spaced tables."""
    parts = _parts(path, raw)
    name = f"d{zlib.crc32(path.encode()) % 1000000:06d}dex991.htm"
    out = [
        f'<HTML>\n<HEAD>\n<TITLE>{name}</TITLE>\n</HEAD>\n<BODY BGCOLOR="WHITE">',
        '<P ALIGN="right"><FONT SIZE="2">Exhibit 99.1</FONT></P>',
        '<TABLE WIDTH="100%" BORDER="0"><TR><TD WIDTH="50%" VALIGN="top"><FONT SIZE="4"><B>NEWS RELEASE</B></FONT>'
        '</TD><TD WIDTH="50%" VALIGN="top" ALIGN="right"><FONT SIZE="1">Media Contact:<BR>Jane Doe<BR>(555) 555-0100'
        "<BR>media@example.com</FONT></TD></TR></TABLE>",
    ]
    title = textwrap.wrap(parts["title"], 64)
    out.append(
        '<P ALIGN="center"><FONT SIZE="3"><B>' + "<BR>".join(_html_inline(t, "{}") for t in title) + "</B></FONT></P>"
    )
    if parts["lead"]:
        out.append(f'<P ALIGN="center"><FONT SIZE="2"><I>{_html_inline(parts["lead"], "<B>{}</B>")}</I></FONT></P>')
    rows: list[list[str]] = []
    for line in [*parts["body"].split("\n"), ""]:
        line = line.strip()
        if line.startswith("|"):
            rows += table_row(line)
            continue
        if rows:
            out.append(_agent_table(rows))
            rows = []
        if not line:
            continue
        bullet = _BULLET_RE.match(line)
        text = _html_inline(line[bullet.end() :] if bullet else line.lstrip("#").strip(), "<B>{}</B>")
        if bullet:
            out.append(
                '<TABLE WIDTH="100%" BORDER="0"><TR><TD WIDTH="4%" VALIGN="top"><FONT SIZE="2">&#149;</FONT></TD>'
                + _CELL.format("", text)
                + "</TR></TABLE>"
            )
        elif line.startswith("#"):
            out.append(f'<P STYLE="margin-top:12px;margin-bottom:0px"><FONT SIZE="2"><B>{text}</B></FONT></P>')
        else:
            out.append(f'<P STYLE="margin-top:12px;margin-bottom:0px"><FONT SIZE="2">{text}</FONT></P>')
    return "\n".join(out) + "\n</BODY>\n</HTML>\n"


def shaped_text(path: str, shape: str, raw: str) -> str:
    """The file's text in its shape."""
    transforms = {
        "front-matter": front_matter, "pdf-text": pdf_text, "edgar-exhibit": edgar_exhibit,
        "pdf-letterhead": pdf_letterhead, "edgar-text": edgar_text, "pdf-columns": pdf_columns,
        "front-matter-toml": front_matter_toml, "pdf-pages": pdf_pages, "edgar-tables": edgar_tables,
    }  # fmt: skip
    if shape in transforms:
        return transforms[shape](path, raw)
    if shape in LATER_SHAPES:  # later sets' shapes build on this module's
        return importlib.import_module(LATER_SHAPES[shape]).shaped_text(path, shape, raw)
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
    """The test3 labels (or another set's, by path), one dict per release."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_draw(drawn: Callable[[Path], list[tuple[str, str]]], argv: list[str]) -> None:
    """Write a draw's files in their shapes under argv[0] (the corpus: argv[1], else the tests' cache), one line each."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_parser_labels import CACHE

    target = Path(argv[0])
    corpus = Path(argv[1]) if len(argv) > 1 else CACHE
    for source, shape in drawn(corpus):
        out = target / shaped_path(source, shape)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(shaped_text(source, shape, (corpus / source).read_text(encoding="utf-8")), encoding="utf-8")
        print(shape, source, shaped_path(source, shape))


if __name__ == "__main__":
    draws = {"--test4": draw4, "--test5": draw5, "--test6": draw6, "--test7": draw7, "--test8": draw8}
    write_draw(
        next((draws[flag] for flag in draws if flag in sys.argv), draw), [a for a in sys.argv[1:] if a not in draws]
    )
