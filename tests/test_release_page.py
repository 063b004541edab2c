"""The release page reached from a search: the search's words marked, a way back to its results, contacts as lines
with phone numbers and emails as links, and editorial or sponsored releases marked."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from indexer import build_index
from webapp import create_app

RELEASES = {
    "plant.txt": (
        "Acme Completes Acquisition of Ohio Plant\n\n"
        "COLUMBUS, Ohio, May 2, 2024 (GLOBE NEWSWIRE) -- Acme Corp. (NYSE: ACM) today completed the acquisition "
        "of a plant in Ohio. Acme acquires the site to grow its conference business.\n\n"
        "The plant employs 300 people.\n\n"
        "Contacts:\n\nKim Smith\nSmithPCG Advisory, Inc.646.823.8656ksmith@smithpcg.com\n\n"
        "Media: Lee Park, (781) 895-0600, press@acme.example.com\n"
    ),
    "other.txt": (
        "Globex Opens Office in Texas\n\nAUSTIN, Texas, May 3, 2024 (GLOBE NEWSWIRE) -- Globex Corp. today opened "
        "an office.\n\nThis article was sponsored by Globex Corp. Sponsored content.\n"
    ),
}


@pytest.fixture
def client(tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    for name, text in RELEASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    build_index([folder], tmp_path / "ix")
    return create_app({"RELEASES_INDEX": str(tmp_path / "ix"), "TESTING": True}).test_client()


def _first_result_link(client, url: str) -> str:
    page = client.get(url).get_data(as_text=True)
    return re.search(r'<li class="hit">\s*<h2><a href="([^"]+)"', page).group(1).replace("&amp;", "&")


@pytest.mark.parametrize(
    ("query", "marked"),
    [("acquisitions", {"Acquisition", "acquisition", "acquires"}), ('"ohio plant"', {"Ohio", "Plant", "plant"})],
)
def test_words_of_the_search_are_marked_on_the_release(client, query, marked):
    link = _first_result_link(client, f"/?q={query}&wire=GlobeNewswire")
    assert parse_qs(urlsplit(link).query) == {"q": [query], "wire": ["GlobeNewswire"]}
    body = client.get(link).get_data(as_text=True)
    found = set(re.findall(r'<mark class="hl">([^<]+)</mark>', body))
    assert marked <= found and "employs" not in found


def test_the_release_links_back_to_its_results_page(client):
    link = _first_result_link(client, "/?q=acme&sort=newest&per_page=1&page=1")
    body = client.get(link).get_data(as_text=True)
    back = re.search(r'<nav class="back"[^>]*><a href="([^"]+)">← Back to the results for “acme”', body)
    assert back and parse_qs(urlsplit(back.group(1).replace("&amp;", "&")).query) == {
        "q": ["acme"],
        "sort": ["newest"],
        "per_page": ["1"],
    }


def test_the_release_alone_has_no_marks_and_no_way_back(client):
    link = _first_result_link(client, "/?q=acquisition")
    body = client.get(urlsplit(link).path).get_data(as_text=True)
    assert "<mark" not in body and 'class="back"' not in body


def test_contacts_are_lines_with_phone_and_email_links(client):
    link = urlsplit(_first_result_link(client, "/?q=acquisition")).path
    body = client.get(link).get_data(as_text=True)
    contacts = body[body.index('id="section-contacts"') :]
    contacts = contacts[: contacts.index("</section>")]
    lines = [re.sub(r"<[^>]+>", "", line).strip() for line in re.split(r"<br>|</p>", contacts)]
    assert {"SmithPCG Advisory, Inc.", "646.823.8656", "ksmith@smithpcg.com"} <= set(lines)
    assert '<a href="tel:6468238656">646.823.8656</a>' in contacts
    assert '<a href="mailto:ksmith@smithpcg.com">ksmith@smithpcg.com</a>' in contacts
    assert '<a href="tel:7818950600">(781) 895-0600</a>' in contacts
    assert '<a href="mailto:press@acme.example.com">' in contacts


def test_sponsored_releases_carry_a_badge(client):
    page = client.get("/?q=globex").get_data(as_text=True)
    assert '<span class="badge badge-sponsored">Sponsored</span>' in page
    assert "badge-sponsored" not in client.get("/?q=acquisition").get_data(as_text=True)
