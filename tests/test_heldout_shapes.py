"""test3 (tests/heldout_shapes.py): its labels are well-formed and fresh, its draw reproducible, its shapes real."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import heldout_shapes as shapes
import heldout_shapes9 as shapes9
import heldout_shapes10 as shapes10
import heldout_shapes11 as shapes11
import pytest
from test_parser_labels import CACHE, CORPUS, read_corpus_archive

from indexer.parse import parse_bytes
from indexer.parse.pdftext import clean_pdf_text
from indexer.parse.tickers import EXCHANGES

KEYS = {"path", "source", "shape", "headline", "date", "wire", "location", "company", "tickers", "kind", "split"}
RELEASE = {
    "title": "Widgetron Opens Its Largest Widget Line and Doubles Output for Its Industrial Customers",
    "subtitle": "",
    "date": "Mar 4, 2021 11:30PM EST",
    "content": "SPRINGFIELD, Ill., March 4, 2021 /PRNewswire/ -- Widgetron Corp. (NYSE: WDG) today announced the "
    "opening of its largest production line, fulfilling orders from customers in twelve countries.\n\n"
    + "".join(
        f"Plant {n} of Widgetron ships {n * 40} widgets a day to customers in {n + 3} states.\n\n" for n in range(40)
    ),
}


def assert_well_formed(labels: list[dict], split: str, shapes_dealt) -> None:
    """Each label row has every field, its split, a shape dealt, its shaped path, an ISO date and EXCHANGE:SYMBOL tickers."""
    for row in labels:
        assert KEYS <= set(row), row["path"]
        assert row["split"] == split and row["shape"] in shapes_dealt
        assert row["path"] == shapes.shaped_path(row["source"], row["shape"])
        date.fromisoformat(row["date"])
        for ticker in row["tickers"]:
            exchange, _, symbol = ticker.partition(":")
            assert exchange in EXCHANGES.values() and symbol, ticker


def test_labels_are_well_formed_and_balanced():
    labels = shapes.load_labels()
    assert len(labels) >= 40
    assert_well_formed(labels, "test3", shapes.SHAPES)
    assert min(Counter(row["shape"] for row in labels).values()) >= 12


def test_no_release_of_test3_is_labelled_elsewhere():
    sources = {row["source"] for row in shapes.load_labels()}
    assert len(sources) == len(shapes.load_labels())
    assert not sources & shapes.labelled_paths()


def _member_names(extracted: Path | None) -> dict[str, set[str]]:
    """The drawn archives' .json and .md file names (paths inside each archive), per archive: all a draw reads,
    listed once for every draw; from the extracted archives when given, else from the archives (read_corpus_archive
    reads each archive once for this file and test_parser_labels.py)."""
    names: dict[str, set[str]] = {}
    for archive in ("nasdaq100-2019", "newsworthy-archive-2023-2026"):
        if extracted is not None:
            folder = extracted / archive
            found = {
                p.relative_to(folder).as_posix() for suffix in (".json", ".md") for p in folder.rglob(f"*{suffix}")
            }
        else:
            found, _ = read_corpus_archive(archive)
        names[archive] = {name for name in found if name.endswith((".json", ".md"))}
    return names


@pytest.fixture(scope="module")
def drawn_from():
    """What the draws read: the archives' member names (listed once for every draw)."""
    if not CORPUS.is_dir():
        pytest.skip(f"needs the shared corpus at {CORPUS}")
    return _member_names(CACHE if (CACHE / "nasdaq100-2019").is_dir() else None)


@pytest.mark.corpus
def test_the_seeded_draw_gives_the_labelled_releases_in_their_shapes(drawn_from):
    root = drawn_from
    labelled = [(row["source"], row["shape"]) for row in shapes.load_labels()]
    assert shapes.draw(root) == labelled


def test_test4_labels_are_well_formed_fresh_and_weighted_to_pdf_and_edgar():
    labels = shapes.load_labels(shapes.LABELS4)
    assert len(labels) >= 40
    assert_well_formed(labels, "test4", shapes.ALL_SHAPES)
    counts = Counter(row["shape"] for row in labels)
    assert counts["pdf-text"] >= len(labels) / 3 and counts["edgar-exhibit"] >= len(labels) / 3
    assert not {row["source"] for row in labels} & shapes.labelled_paths(shapes.DRAWN_BESIDE4)


@pytest.mark.corpus
def test_the_seeded_test4_draw_gives_its_labelled_releases_in_their_shapes(drawn_from):
    root = drawn_from
    labelled = [(row["source"], row["shape"]) for row in shapes.load_labels(shapes.LABELS4)]
    assert shapes.draw4(root) == labelled


# WDG_001 hashes to the Workiva look, WDG_003 to the filing agent's.
@pytest.mark.parametrize("source", ["nasdaq100-2019/WDG_001.json", "nasdaq100-2019/WDG_003.json"])
def test_edgar_exhibit_is_ascii_html_with_a_banner_and_reads_back_as_the_release(source):
    text = shapes.edgar_exhibit(source, json.dumps(RELEASE))
    assert text.isascii() and "Exhibit 99.1" in text
    [release] = parse_bytes(shapes.shaped_path(source, "edgar-exhibit"), text.encode())
    assert release.headline == RELEASE["title"] and release.date == "2021-03-04"
    assert "Plant 39 of Widgetron ships 1560 widgets" in release.body


def test_pdf_text_shows_pages_and_ligatures_and_cleans_back_to_the_words():
    text = shapes.pdf_text("nasdaq100-2019/WDG_001.json", json.dumps(RELEASE))
    pages = text.split("\f")
    assert len(pages) >= 2 and f"Page 1 of {len(pages)}" in pages[0]
    assert "\ufb01" in text and "fi" not in text  # the font's ligatures
    assert all(len(line) <= shapes.WIDTH + 1 for line in text.splitlines())
    assert pages[1].lstrip().startswith("Widgetron Opens Its Largest")  # the running header
    words = " ".join(clean_pdf_text(text).split())
    assert "fulfilling orders from customers in twelve countries" in words
    assert "Page 1 of" not in words


def test_front_matter_repost_keeps_title_local_date_and_body():
    text = shapes.front_matter("nasdaq100-2019/WDG_001.json", json.dumps(RELEASE))
    assert re.match(r'---\ntitle: "Widgetron Opens.*"\ndate: 2021-03-04T23:30:00-05:00\n---\n', text)
    [release] = parse_bytes("front-matter/nasdaq100-2019/WDG_001.md", text.encode())
    assert release.headline == RELEASE["title"] and release.date == "2021-03-04"


def test_markdown_source_loses_its_archive_footer_and_keeps_its_feed():
    raw = "# Acme Opens Plant\n\nBOSTON -- Acme Corp. opened a plant.\n\n---\n\n[Original](https://wire.example/a)\n"
    text = shapes.front_matter("newsworthy-archive-2023-2026/feedx/2025/0304/acme.md", raw)
    assert "source: feedx\nlink: https://wire.example/a\n" in text and "[Original]" not in text
    assert "date: 2025-03-04\n" in text


@pytest.mark.parametrize("shape", shapes.EXTRA_SHAPES)
def test_the_extra_shapes_read_back_as_the_release(shape):
    source = "nasdaq100-2019/WDG_001.json"
    text = shapes.shaped_text(source, shape, json.dumps(RELEASE))
    [release] = parse_bytes(f"{shape}/nasdaq100-2019/WDG_001.txt", text.encode())
    assert release.headline == RELEASE["title"] and release.date == "2021-03-04"
    assert release.tickers == ["NYSE:WDG"]


@pytest.mark.parametrize(
    ("split", "labels", "kinds", "drawn_beside"),
    [
        ("test5", shapes.LABELS5, shapes.SHAPES5, shapes.DRAWN_BESIDE5),
        ("test6", shapes.LABELS6, shapes.SHAPES6, shapes.DRAWN_BESIDE6),
        ("test7", shapes.LABELS7, shapes.SHAPES7, shapes.DRAWN_BESIDE7),
    ],
)
def test_later_labels_are_well_formed_fresh_and_a_third_pdf_a_third_edgar(split, labels, kinds, drawn_beside):
    labels = shapes.load_labels(labels)
    assert len(labels) >= 45
    assert_well_formed(labels, split, kinds)
    counts = Counter(row["shape"].split("-")[0] for row in labels)
    assert counts["pdf"] >= len(labels) / 3 and counts["edgar"] >= len(labels) / 3
    assert len({row["source"] for row in labels}) == len(labels)
    assert not {row["source"] for row in labels} & shapes.labelled_paths(drawn_beside)


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("labels", "draw"),
    [
        (shapes.LABELS5, shapes.draw5),
        (shapes.LABELS6, shapes.draw6),
        (shapes.LABELS7, shapes.draw7),
        (shapes9.LABELS9, shapes9.draw9),
        (shapes11.LABELS11, shapes11.draw11),
    ],
)
def test_the_seeded_later_draws_give_their_labelled_releases_in_their_shapes(drawn_from, labels, draw):
    labelled = [(row["source"], row["shape"]) for row in shapes.load_labels(labels)]
    assert draw(drawn_from) == labelled


def test_pdf_columns_runs_two_columns_together_under_a_centred_headline():
    text = shapes.pdf_columns("nasdaq100-2019/WDG_001.json", json.dumps(RELEASE))
    first = text.split("\f")[0].splitlines()
    assert first[0].strip().startswith("Widgetron Opens") and first[0].startswith(" ")
    gutter = " " * shapes.GUTTER
    both = [line for line in first if len(line) > shapes.COLUMN + shapes.GUTTER and gutter in line]
    assert len(both) >= 10  # most lines carry the left column's words, a gutter, then the right column's
    assert any(line.startswith("SPRINGFIELD, Ill., March 4, 2021") for line in first)
    assert all(len(line) <= shapes.WIDTH for line in text.splitlines())


def test_toml_front_matter_repost_reads_back_as_the_release():
    text = shapes.front_matter_toml("nasdaq100-2019/WDG_001.json", json.dumps(RELEASE))
    assert text.startswith('+++\ntitle = "Widgetron Opens') and "\ndate = 2021-03-04T23:30:00-05:00\n+++\n" in text
    [release] = parse_bytes("front-matter-toml/nasdaq100-2019/WDG_001.md", text.encode())
    assert release.headline == RELEASE["title"] and release.date == "2021-03-04"


def test_pdf_pages_joins_pages_with_their_numbers_and_running_headers_and_no_form_feed():
    text = shapes.pdf_pages("nasdaq100-2019/WDG_001.json", json.dumps(RELEASE))
    lines = text.splitlines()
    assert "\f" not in text and "\ufb01" in text
    assert lines[0].startswith("Widgetron Opens Its Largest")
    assert any(line.strip() == "- 1 -" for line in lines) and any(line.strip() == "- 2 -" for line in lines)
    headers = [line for line in lines if line.startswith("Widgetron Opens Its Largest Widget") and "Page 2" in line]
    assert len(headers) == 1
    assert all(len(line) <= shapes.PAGES_WIDTH for line in lines)


def test_edgar_tables_sets_letterhead_bullets_and_figures_in_tables():
    figures = "\n\n- Output doubled\n\n| Item | 2021 |\n|---|---|\n| Widgets | $1,200 |\n"
    release = {**RELEASE, "content": RELEASE["content"] + figures}
    text = shapes.edgar_tables("nasdaq100-2019/WDG_001.json", json.dumps(release))
    assert text.isascii() and "Exhibit 99.1" in text and "<TITLE>d" in text
    assert text.count("<TABLE") == 3  # the letterhead, the bullet, the figures
    assert "Doubles Output for<BR>Its Industrial Customers</B>" in text  # the headline broken by a <BR>
    assert '<TD VALIGN="top" ALIGN="right"><FONT SIZE="2">$1,200</FONT></TD>' in text


@pytest.mark.parametrize("shape", ["pdf-pages", "edgar-tables"])
def test_test6_shapes_read_back_as_the_release(shape):
    source = "nasdaq100-2019/WDG_001.json"
    text = shapes.shaped_text(source, shape, json.dumps(RELEASE))
    [release] = parse_bytes(shapes.shaped_path(source, shape), text.encode())
    assert release.headline == RELEASE["title"] and release.date == "2021-03-04"
    assert release.tickers == ["NYSE:WDG"]
    assert "Plant 39 of Widgetron ships 1560 widgets" in release.body


def test_edgar_letterhead_sets_the_filers_address_block_above_the_headline():
    about = RELEASE["content"] + "About Widgetron Corp.\n\nWidgetron makes widgets.\n"
    text = shapes.shaped_text(
        "nasdaq100-2019/WDG_002.json", "edgar-letterhead", json.dumps({**RELEASE, "content": about})
    )
    assert text.isascii() and "Exhibit 99.1" in text
    block = text.index("Widgetron Corp.<BR>")
    assert block < text.index("Corporate Drive") < text.index("NEWS RELEASE") < text.index("Widgetron Opens Its")
    plain = shapes.shaped_text("nasdaq100-2019/WDG_002.json", "edgar-letterhead", json.dumps(RELEASE))
    assert "Corporate Drive" in plain and "Widgetron Corp.<BR>" not in plain  # no About heading: no name


def test_portal_repost_wraps_the_release_in_menus_and_other_companies_headlines():
    text = shapes.shaped_text("nasdaq100-2019/WDG_001.json", "portal-repost", json.dumps(RELEASE))
    menu, _, rest = text.partition("# Widgetron Opens Its Largest")
    assert "[Press Releases](/press-releases)" in menu and "Home > Press Releases" in menu
    assert "Published March 4, 2021 | Press Releases" in rest
    body, _, related = rest.partition("## Related news")
    assert "Plant 39 of Widgetron" in body and "Widgetron" not in related
    assert len(re.findall(r"^\* \[", related, flags=re.M)) == 3


@pytest.mark.parametrize(
    ("split", "labels", "draws", "kinds", "new_shape", "weight", "drawn_beside", "passed_over"),
    [
        (
            "test8",
            shapes.LABELS8,
            shapes.JSON_DRAWS8 + shapes.MARKDOWN_DRAWS8,
            shapes.SHAPES8,
            "edgar-workiva",
            2,
            shapes.DRAWN_BESIDE8,
            shapes.PASSED_OVER8,
        ),
        (
            "test9",
            shapes9.LABELS9,
            shapes9.JSON_DRAWS9 + shapes9.MARKDOWN_DRAWS9,
            shapes9.SHAPES9,
            "wire-page",
            3,
            shapes9.DRAWN_BESIDE9,
            shapes9.PASSED_OVER9,
        ),
        (
            "test10",
            shapes10.LABELS10,
            shapes10.JSON_DRAWS10 + shapes10.MARKDOWN_DRAWS10,
            shapes10.SHAPES10,
            "edgar-submission",
            6,
            shapes10.DRAWN_BESIDE10,
            shapes10.PASSED_OVER10,
        ),
        (
            "test11",
            shapes11.LABELS11,
            shapes11.JSON_DRAWS11 + shapes11.MARKDOWN_DRAWS11,
            shapes11.SHAPES11,
            "feed-item",
            8,
            shapes11.DRAWN_BESIDE11,
            shapes11.PASSED_OVER11,
        ),
    ],
)
def test_dealt_labels_are_well_formed_fresh_and_over_every_shape(
    split, labels, draws, kinds, new_shape, weight, drawn_beside, passed_over
):
    rows = shapes.load_labels(labels)
    assert len(rows) == draws
    assert_well_formed(rows, split, kinds)
    counts = Counter(row["shape"] for row in rows)
    assert set(counts) == set(kinds) and counts[new_shape] == weight * min(counts.values())
    sources = {row["source"] for row in rows}
    assert len(sources) == len(rows)
    assert not sources & (shapes.labelled_paths(drawn_beside) | set(passed_over))


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("labels", "draw", "passed_over"),
    [(shapes.LABELS8, shapes.draw8, shapes.PASSED_OVER8), (shapes10.LABELS10, shapes10.draw10, shapes10.PASSED_OVER10)],
)
def test_the_seeded_draws_give_their_labelled_releases_and_pass_over_the_files_set_aside(
    drawn_from, labels, draw, passed_over
):
    labelled = [(row["source"], row["shape"]) for row in shapes.load_labels(labels)]
    assert draw(drawn_from) == labelled
    unpassed = [source for source, _ in draw(drawn_from, passed_over=())]
    assert set(passed_over) <= set(unpassed)  # each file passed over would have been drawn


def test_edgar_workiva_cuts_text_into_styled_spans_and_pages_with_numbered_breaks():
    release = {**RELEASE, "content": RELEASE["content"] * 2}
    text = shapes.shaped_text("nasdaq100-2019/WDG_001.json", "edgar-workiva", json.dumps(release))
    assert text.isascii() and "<title>Document</title>" in text and "Exhibit 99.1" in text
    assert text.count('<hr style="page-break-after:always"/>') >= 1
    # The headline is set in two bold spans; the dateline is its own bold span before the lede's sentences.
    assert "Widgetron Opens Its Largest Widget Line and </span><span" in text
    assert ">SPRINGFIELD, Ill., March 4, 2021</span><span" in text
    assert text.count("<span") > 2 * release["content"].count("\n\n")  # more spans than paragraphs


def test_wire_page_wraps_the_release_in_a_saved_sites_head_menus_and_related_stories():
    text = shapes.shaped_text("nasdaq100-2019/WDG_001.json", "wire-page", json.dumps(RELEASE))
    head, _, body = text.partition("</head>")
    assert '"@type": "NewsArticle"' in head and '"datePublished": "2021-03-04T23:30:00-05:00"' in head
    assert "<title>Widgetron Opens Its Largest Widget Line" in head and "| PR Newswire</title>" in head
    assert '<nav class="main-nav">' in body and '<ol class="breadcrumb">' in body
    article, _, related = body.partition('<aside class="related-releases">')
    assert "<h1>Widgetron Opens Its Largest" in article and "<p>Plant 39 of Widgetron" in article
    assert "Widgetron" not in related and len(re.findall(r"<li><a ", related)) == 3
    assert shapes.shaped_path("nasdaq100-2019/WDG_001.json", "wire-page") == "wire-page/nasdaq100-2019/WDG_001.html"


def test_wire_page_reads_back_as_the_release():
    source = "nasdaq100-2019/WDG_001.json"
    text = shapes.shaped_text(source, "wire-page", json.dumps(RELEASE))
    [release] = parse_bytes(shapes.shaped_path(source, "wire-page"), text.encode())
    assert release.headline == RELEASE["title"] and release.date == "2021-03-04"
    assert release.tickers == ["NYSE:WDG"]
    assert "Plant 39 of Widgetron ships 1560 widgets" in release.body and "Northwind" not in release.body


def test_every_test10_shape_appears_in_its_cycle_and_both_new_ones_are_dealt_more_often():
    counts = Counter(shapes10.SHAPES10)
    assert set(counts) == {*shapes.ALL_SHAPES, "email-text", "wire-page", "edgar-submission", "docx-text"}
    assert counts["edgar-submission"] == 6 and counts["docx-text"] == 4
    assert {n for shape, n in counts.items() if shape not in ("edgar-submission", "docx-text")} == {1}


@pytest.mark.parametrize("source", ["nasdaq100-2019/WDG_001.json", "nasdaq100-2019/WDG_007.json"])
def test_edgar_submission_wraps_the_release_as_the_eight_k_s_second_document(source):
    text = shapes.shaped_text(source, "edgar-submission", json.dumps(RELEASE))
    header, _, documents = text.partition("</SEC-HEADER>")
    assert text.startswith("<SEC-DOCUMENT>") and text.rstrip().endswith("</SEC-DOCUMENT>")
    assert "CONFORMED SUBMISSION TYPE:\t8-K" in header and "FILED AS OF DATE:\t\t20210304" in header
    eight_k, _, exhibit = documents.partition("<TYPE>EX-99.1")
    assert "<TYPE>8-K" in eight_k and "FORM 8-K" in eight_k and "Exhibit 99.1" in eight_k
    assert "<TD>WDG</TD>" in eight_k  # the cover's Section 12(b) table gives the folder's symbol
    assert "Widgetron Opens Its Largest Widget Line" not in eight_k and "Plant 39 of Widgetron" in exhibit
    assert shapes.shaped_path(source, "edgar-submission") == f"edgar-submission/{source[:-5]}.txt"


def test_edgar_submission_reads_back_as_the_release_not_the_eight_k():
    source = "nasdaq100-2019/WDG_001.json"
    text = shapes.shaped_text(source, "edgar-submission", json.dumps(RELEASE))
    releases = parse_bytes(shapes.shaped_path(source, "edgar-submission"), text.encode())
    assert [release.headline for release in releases] == [RELEASE["title"]]
    assert releases[0].date == "2021-03-04" and releases[0].tickers == ["NYSE:WDG"]


def test_docx_text_sets_a_paragraph_a_line_with_word_s_typography_under_a_contact_block():
    release = {
        **RELEASE,
        "content": 'He said "it works" -- and it\'s done.\n\n* first item\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    }
    text = shapes.shaped_text(
        "newsworthy-archive-2023-2026/acme/2021/0304/widgets.md", "docx-text", "# T\n\n" + release["content"]
    )
    lines = text.split("\r\n")
    assert lines[0] == "NEWS RELEASE" and "Media Contact:" in lines[:3] and "" not in lines[:-1]
    assert "He said \u201cit works\u201d \u2013 and it\u2019s done." in lines
    assert "\u2022\tfirst item" in lines and "a\tb" in lines and "1\t2" in lines and lines[-2] == "###"
    assert lines.index("T") < lines.index("\u2022\tfirst item")


def test_every_shape_so_far_appears_in_test11_s_cycle_and_the_feed_item_eight_times():
    counts = Counter(shapes11.SHAPES11)
    assert set(counts) == {*shapes10.SHAPES10, "feed-item"}
    assert counts["feed-item"] == 8 and {n for shape, n in counts.items() if shape != "feed-item"} == {1}


@pytest.mark.parametrize(
    ("source", "kind"),
    [("nasdaq100-2019/WDG_000.json", "rss"), ("nasdaq100-2019/WDG_001.json", "atom")],
)
def test_feed_item_holds_the_release_as_one_rss_or_atom_item_and_reads_back_as_it(source, kind):
    text = shapes.shaped_text(source, "feed-item", json.dumps(RELEASE))
    assert ("<rss version=" in text) == (kind == "rss") and ("<entry>" in text) == (kind == "atom")
    assert shapes.shaped_path(source, "feed-item") == f"feed-item/{source[:-5]}.xml"
    [release] = parse_bytes(shapes.shaped_path(source, "feed-item"), text.encode())
    assert release.headline == RELEASE["title"] and release.date == "2021-03-04"
    assert release.tickers == ["NYSE:WDG"] and "Plant 39 of Widgetron ships 1560 widgets" in release.body


@pytest.mark.parametrize(
    ("source", "name", "cik"),
    [
        ("nasdaq100-2019/EBAY_001.json", "EBAY INC", "0001065088"),
        ("nasdaq100-2019/TTWO_009.json", "TAKE TWO INTERACTIVE SOFTWARE INC", "0000946581"),
    ],
)
def test_edgar_submission_names_the_folder_s_registrant_as_the_sec_s_list_does_not_a_partner_s_about(source, name, cik):
    release = {**RELEASE, "content": RELEASE["content"] + "About Northwind Games\n\nNorthwind Games makes games.\n\n"}
    header = shapes.shaped_text(source, "edgar-submission", json.dumps(release)).partition("</SEC-HEADER>")[0]
    assert f"COMPANY CONFORMED NAME:\t\t\t{name}" in header and "NORTHWIND" not in header
    assert f"CENTRAL INDEX KEY:\t\t\t{cik}" in header
