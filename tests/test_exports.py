"""Exports of a whole result set: streamed in chunks, every row once, the count stated up front, text on request;
Atom entries carry the release's own time."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree as ET

import pytest
from build_helpers import SYNTHETIC_RELEASES

from indexer import open_index
from webapp import create_app

ATOM = "{http://www.w3.org/2005/Atom}"
LIMIT = 1111  # rows an export is cut to: fewer than the synthetic index holds


@pytest.fixture(scope="module")
def client(synthetic_index):
    return create_app({"RELEASES_INDEX": str(synthetic_index), "TESTING": True}).test_client()


@pytest.fixture(scope="module")
def everything(synthetic_index):
    with open_index(synthetic_index) as index:
        export = index.export("", sort="newest")
        return export.total, [row.hit.id for row in export.rows]


def test_the_core_exports_the_whole_result_set_in_order(synthetic_index, everything):
    total, ids = everything
    with open_index(synthetic_index) as index:
        assert total == index.search("").total >= SYNTHETIC_RELEASES * 0.98
        assert len(ids) == len(set(ids)) == total
        first_pages = [h.id for n in (1, 2, 3) for h in index.search("", sort="newest", per_page=100, page=n).hits]
    assert ids[:300] == first_pages


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json"])
def test_every_row_streams_with_the_count_up_front(client, everything, fmt):
    total, ids = everything
    response = client.get(f"/api/export.{fmt}?sort=newest", buffered=False)
    assert response.status_code == 200 and response.is_streamed
    assert response.headers["X-Total-Count"] == response.headers["X-Export-Count"] == str(total)
    assert response.headers["X-Export-Truncated"] == "false"
    chunks = list(response.response)
    if fmt != "json":
        assert len(chunks) > 5  # written as it is read, not built whole first
    body = b"".join(c if isinstance(c, bytes) else c.encode() for c in chunks).decode()
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(body)))
        got = [r["id"] for r in rows]
        assert "body" not in rows[0]
    elif fmt == "jsonl":
        got = [json.loads(line)["id"] for line in body.splitlines()]
    else:
        data = json.loads(body)
        assert data["exported"] == data["total"] == total and data["truncated"] is False
        got = [h["id"] for h in data["hits"]]
    assert got == ids


def test_body_text_on_request(client, synthetic_index):
    with open_index(synthetic_index) as index:
        hits = index.search("acquisition", sort="newest", per_page=3).hits
        releases = [index.get(h.id) for h in hits]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export.csv?q=acquisition&sort=newest&body=1").text)))
    assert [r["id"] for r in rows[:3]] == [h.id for h in hits]
    for row, release in zip(rows, releases, strict=False):
        assert row["body"].startswith(release.lede[:200]) and release.body[-100:] in row["body"]
    lines = client.get("/api/export.jsonl?q=acquisition&sort=newest&body=1&limit=2").text.splitlines()
    assert len(lines) == 2 and json.loads(lines[0])["body"].startswith(releases[0].lede[:200])


def test_a_limit_cuts_the_stream_and_says_so(client, everything):
    total, ids = everything
    assert total > LIMIT
    response = client.get(f"/api/export.jsonl?sort=newest&limit={LIMIT}")
    assert response.headers["X-Export-Count"] == str(LIMIT) and response.headers["X-Export-Truncated"] == "true"
    assert [json.loads(line)["id"] for line in response.text.splitlines()] == ids[:LIMIT]


def test_atom_entries_carry_the_release_time(tmp_path):
    from indexer import build_index

    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "timed.json").write_text(
        json.dumps({"title": "Acme Opens Plant", "date": "Mar 4, 2020 4:00PM EST", "content": "Acme opened a plant."})
    )
    (folder / "dated.txt").write_text(
        "Acme Names Chief\n\nCOLUMBUS, Ohio, March 2, 2020 (GLOBE NEWSWIRE) -- Acme Corp. named a chief.\n"
    )
    build_index([folder], tmp_path / "ix")
    client = create_app({"RELEASES_INDEX": str(tmp_path / "ix"), "TESTING": True}).test_client()
    feed = ET.fromstring(client.get("/feed.atom?q=acme").data)
    updated = {e.find(f"{ATOM}title").text: e.find(f"{ATOM}updated").text for e in feed.iter(f"{ATOM}entry")}
    assert updated == {"Acme Opens Plant": "2020-03-04T21:00:00Z", "Acme Names Chief": "2020-03-02T00:00:00Z"}
    assert feed.find(f"{ATOM}updated").text == "2020-03-04T21:00:00Z"
