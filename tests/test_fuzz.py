"""Property-based tests (hypothesis): the query parser, searching, and the release parser never raise anything
but their domain errors, whatever they are given.

Deterministic and quick: a fixed derandomised run with no example database, a few hundred examples each.
"""

from __future__ import annotations

import io
import json
import shutil
import string
import tarfile
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from indexer import Page, ParseError, QueryError, Release, build_index, open_index
from indexer.parse import Source, parse_bytes, parse_source
from indexer.query import FIELD_ALIASES, ParsedQuery, parse_query

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# ---- Query text: arbitrary text, and text made of the query language's own pieces ----------------

# fmt: off
QUERY_PIECES = [
    *(f"{name}:" for name in FIELD_ALIASES),
    "date:", "ticker:NASDAQ:", "AND", "OR", "NOT", "and", "or", "-", "+", "(", ")", '"', '""', "[", "]", "{", "}",
    " TO ", "*", "?", "~", "~2", "~9", ">", ">=", "<", "<=", "2011", "2011-10", "2011-10-20", "2011-13-45", "9999",
    "0000", "-30d", "+2w", "-6m", "-1y", "-99999999y", "today", "[2011-10-01 TO *]", "{* TO 2012}", "immuno*",
    "i*", "**", "?*", "immu?ogen", "immunogen~", "conference", "call", "merger", "IMGN", "\\", ":", "::", "^2",
    "é", "\u00a0", "\u200b", "\x00", "\U0001f600", "<script>", "%", "'",
]
# fmt: on
query_text = st.one_of(
    st.text(max_size=200),
    st.lists(
        st.sampled_from(QUERY_PIECES) | st.text(string.ascii_letters + string.digits, max_size=8), max_size=30
    ).flatmap(lambda parts: st.sampled_from([" ".join(parts), "".join(parts)])),
)


@FUZZ
@given(text=query_text)
def test_parse_query_returns_a_tree_or_a_query_error(text):
    try:
        parsed = parse_query(text, now=datetime(2024, 6, 1))
    except QueryError as exc:
        assert str(exc).strip(), "a QueryError must say what is wrong"
        return
    assert isinstance(parsed, ParsedQuery)


@pytest.fixture(scope="module")
def tiny_index(tmp_path_factory):
    """The seeds and a dateless release: a tiny real index for the searches below."""
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(SEEDS, root / "src" / "seeds")
    (root / "src" / "extra.json").write_text(
        json.dumps(
            [
                {"headline": "Acme Acquires Globex", "date": "2019-03-01", "tickers": ["NYSE:ACME"], "body": "A deal."},
                {"headline": "Initech Opens Office", "date": "2020-07-15", "company": "Initech", "body": "Austin."},
            ]
        )
    )
    build_index([root / "src"], root / "index")
    with open_index(root / "index") as index:
        yield index


search_options = st.fixed_dictionaries(
    {},
    optional={
        "tickers": st.lists(
            st.sampled_from(["IMGN", "NASDAQ:IMGN", "", " ", "ACME", "\x00"]) | st.text(max_size=12), max_size=3
        ),
        "date_from": st.sampled_from([None, "", "2011-10-01", "2030-01-01", "not a date", "0001-01-01", "31/31/31"])
        | st.text(max_size=12),
        "date_to": st.sampled_from([None, "2012", "2011-10-31", "yesterday"]) | st.text(max_size=12),
        "sort": st.sampled_from(["relevance", "newest", "oldest", "random", ""]),
        "page": st.integers(-5, 2000) | st.sampled_from(["2", "x", None]),
        "per_page": st.integers(-5, 500) | st.sampled_from(["10", "0", None]),
        "filters": st.dictionaries(
            st.sampled_from(["wire", "year", "ticker", "company", "exchange", "type", "location", "bogus"]),
            st.lists(
                st.sampled_from(["Globe Newswire", "2011", "NASDAQ:IMGN", "no such value"]) | st.text(max_size=12),
                max_size=3,
            ),
            max_size=3,
        ),
    },
)


@FUZZ
@given(text=query_text, options=search_options)
# Found by a longer run: a facet value no release has gave total 0 but a page of hits.
@example(text="immunogen", options={"filters": {"wire": ["no such value"]}})
def test_search_returns_a_page_or_a_query_error(tiny_index, text, options):
    try:
        page = tiny_index.search(text, **options)
    except QueryError as exc:
        assert str(exc).strip()
        return
    assert isinstance(page, Page)
    assert 0 <= len(page.hits) <= page.per_page
    # Releases holding only some of the words follow the total's, marked with what they lack.
    assert page.total + page.partial_total >= len(page.hits)
    json.dumps(page.to_json())  # the API and the CLI print this


# ---- Release files: arbitrary bytes, and bytes shaped like each format ---------------------------

# fmt: off
EXTENSIONS = ["", ".txt", ".text", ".md", ".markdown", ".json", ".jsonl", ".ndjson", ".html", ".htm", ".xml",
              ".newsml", ".nml", ".rss", ".atom", ".zip", ".gz", ".tar.gz", ".tgz", ".bin", ".TXT", ".JSON"]
# fmt: on
file_names = st.builds(
    lambda stem, ext: stem + ext,
    st.sampled_from(["release", "a", "dir/sub/x", "-", "..x"]),
    st.sampled_from(EXTENSIONS),
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "headline",
                    "title",
                    "body",
                    "content",
                    "date",
                    "published",
                    "tickers",
                    "company",
                    "wire",
                    "source",
                    "subheadline",
                    "summary",
                ]
            )
            | st.text(max_size=8),
            inner,
            max_size=6,
        )
    ),
    max_leaves=20,
)
release_json = st.fixed_dictionaries(
    {"headline": st.text(max_size=60)},
    optional={
        "body": json_values,
        "date": json_values,
        "tickers": json_values,
        "company": json_values,
        "wire": json_values,
        "subheadline": json_values,
    },
)
json_bytes = st.one_of(json_values, release_json, st.lists(release_json, max_size=3)).map(
    lambda v: json.dumps(v).encode()
)
xml_bytes = st.builds(
    lambda tag, text, doctype: (
        f'<?xml version="1.0"?>{doctype}<{tag}><headline>{text}</headline><body>{text}</body></{tag}>'
    ).encode("utf-8", "surrogatepass"),
    st.sampled_from(["release", "rss", "feed", "newsMessage", "html", "x"]),
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40),
    st.sampled_from(["", '<!DOCTYPE r [<!ENTITY a "aaaa">]>', '<!DOCTYPE r SYSTEM "http://127.0.0.1:9/x.dtd">']),
)
html_bytes = st.lists(
    st.sampled_from(
        [
            "<html>",
            "<head>",
            "<title>",
            "</title>",
            "<body>",
            "<h1>",
            "</h1>",
            "<p>",
            "</p>",
            "<script>",
            "</script>",
            "<iframe src='javascript:1'>",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "<a href='javascript:x'>",
            "&amp;",
            "&#0;",
            "&#xD800;",
            "&bogus;",
            "<",
            ">",
            "Acme Announces",
        ]
    )
    | st.text(max_size=20),
    max_size=40,
).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))
text_bytes = st.builds(
    lambda headline, body: f"{headline}\n\n{body}".encode(),
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=80),
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=400),
)


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in members:
            zf.writestr(name or "x", data)
    return buffer.getvalue()


def _tar(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tf:
        for name, data in members:
            info = tarfile.TarInfo(name or "x")
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


member_lists = st.lists(
    st.tuples(
        st.sampled_from(["a.txt", "b.json", "../up.txt", "/abs.txt", "d/e.html", "f.xml", ""]),
        text_bytes | json_bytes | st.binary(max_size=100),
    ),
    max_size=4,
    unique_by=lambda member: member[0] or "x",
)
archive_bytes = st.one_of(member_lists.map(_zip), member_lists.map(_tar))

file_bytes = st.one_of(st.binary(max_size=2000), text_bytes, json_bytes, xml_bytes, html_bytes, archive_bytes)


def _check_releases(releases, path: str) -> None:
    assert isinstance(releases, list)
    for release in releases:
        assert isinstance(release, Release)
        # What `releases parse --json` prints and the index stores must be encodable text.
        json.dumps(release.to_json(), ensure_ascii=False).encode("utf-8")


@FUZZ
@given(name=file_names, data=file_bytes)
def test_parse_bytes_returns_releases_or_a_parse_error(name, data):
    try:
        releases = parse_bytes(name, data)
    except ParseError as exc:
        # The error names the file, or a member inside it when the file is an archive.
        assert exc.path.startswith(name) and exc.reason.strip()
        return
    _check_releases(releases, name)


@FUZZ
@given(name=file_names, data=st.binary(max_size=4000))
def test_parse_source_returns_releases_or_a_parse_error_on_any_bytes(name, data):
    try:
        releases = parse_source(Source(name, data))
    except ParseError as exc:
        assert exc.reason.strip()
        return
    _check_releases(releases, name)
