"""Releases known as users know them: ids from the path inside the folder indexed (the same from any working folder,
mount point or rebuild, and in `releases parse`), that path shown instead of the server's, and the original's URL."""

from __future__ import annotations

import json
import shutil
from dataclasses import fields

import pytest
from build_helpers import write_releases

from indexer import Release, build_index, open_index
from indexer.cli import main
from webapp import create_app

SOURCE_URL = "https://wire.example.com/news/acme-opens-plant-123"
# One release per way a file gives its original's address.
SOURCED = {
    "footer.md": (
        "# Acme Opens Plant in Ohio\n\nCOLUMBUS, Ohio, May 2, 2024 -- Acme Corp. (NYSE: ACM) today opened a plant.\n\n"
        "The plant employs 300 people.\n\n---\n\n"
        f"[Original/Source Press Release]({SOURCE_URL})\n\n[Reddit Post](https://reddit.example.com/r/x)\n"
    ),
    "record.json": json.dumps(
        {"title": "Acme Opens Plant in Ohio", "date": "May 2, 2024", "url": SOURCE_URL, "content": "Acme opened it."}
    ),
    "wire.txt": (
        "Acme Opens Plant in Ohio\n\nCOLUMBUS, Ohio--(BUSINESS WIRE)--Acme Corp. today opened a plant.\n\n"
        f"View source version on businesswire.com: {SOURCE_URL}\n"
    ),
    "feed.rss": (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Acme news</title><item>'
        f"<title>Acme Opens Plant in Ohio</title><link>{SOURCE_URL}</link>"
        "<pubDate>Thu, 02 May 2024 09:00:00 GMT</pubDate><description>Acme opened a plant.</description>"
        "</item></channel></rss>"
    ),
}


def _ids(index_path) -> dict[str, str]:
    with open_index(index_path) as index:
        return {hit.path: hit.id for hit in index.search("", per_page=100, collapse=False).hits}


@pytest.mark.parametrize(
    "second", ["a copy elsewhere under another name", "the same folder from another working folder"]
)
def test_ids_are_the_same_from_two_working_folders(tmp_path, monkeypatch, second):
    first = tmp_path / "one" / "corpus"
    write_releases(first / "2024", 3)
    write_releases(first / "2025", 2, seed=9)
    monkeypatch.chdir(tmp_path / "one")
    build_index(["corpus"], tmp_path / "ix1")
    if second.startswith("a copy"):
        other = tmp_path / "two" / "deeper" / "elsewhere"
        shutil.copytree(first, other)
        monkeypatch.chdir(other.parent)
        build_index([other.name], tmp_path / "ix2")
    else:
        monkeypatch.chdir(tmp_path)
        build_index([str(first)], tmp_path / "ix2")
    ids = _ids(tmp_path / "ix1")
    assert len(ids) == 5 and {p.split("/")[0] for p in ids} == {"2024", "2025"}
    assert _ids(tmp_path / "ix2") == ids


def test_ids_survive_a_rebuild_and_match_releases_parse(tmp_path, runner):
    folder = tmp_path / "corpus"
    write_releases(folder / "sub", 3)
    build_index([folder], tmp_path / "ix")
    ids = _ids(tmp_path / "ix")
    build_index([folder], tmp_path / "ix", rebuild=True)
    assert _ids(tmp_path / "ix") == ids
    # `releases parse` takes the folder given as the root, as `releases index` does.
    result = runner.invoke(main, ["parse", str(folder), "--json"])
    parsed = [json.loads(line) for line in result.output.splitlines()]
    assert {p["source"]: p["id"] for p in parsed} == ids
    # One file parsed alone is known inside its own folder unless --root names the folder indexed.
    one = sorted((folder / "sub").iterdir())[0]
    alone = json.loads(runner.invoke(main, ["parse", str(one), "--json"]).output)
    assert alone["source"] == one.name
    rooted = json.loads(runner.invoke(main, ["parse", str(one), "--root", str(folder), "--json"]).output)
    assert rooted["id"] == ids[f"sub/{one.name}"]


@pytest.mark.parametrize(
    ("file", "root"),
    [
        ("corpus/sub/{name}", "./corpus/"),
        ("./corpus/sub/{name}", "corpus"),
        ("{tmp}/corpus/sub/{name}", "corpus"),
        ("corpus/sub/{name}", "{tmp}/corpus"),
        ("corpus/sub/../sub/{name}", "{tmp}/corpus/sub/.."),
        ("linked/sub/{name}", "corpus"),  # the folder through a link, the root as written
    ],
)
def test_parse_with_a_root_gives_the_index_ids_however_the_paths_are_written(tmp_path, runner, monkeypatch, file, root):
    folder = tmp_path / "corpus"
    write_releases(folder / "sub", 1)
    (tmp_path / "linked").symlink_to(folder)
    build_index([folder], tmp_path / "ix")
    ids = _ids(tmp_path / "ix")
    monkeypatch.chdir(tmp_path)
    name = next((folder / "sub").iterdir()).name
    args = [file.format(tmp=tmp_path, name=name), "--root", root.format(tmp=tmp_path)]
    result = runner.invoke(main, ["parse", *args, "--json", "--no-issuers"])
    parsed = json.loads(result.stdout)
    assert (parsed["source"], parsed["id"]) == (f"sub/{name}", ids[f"sub/{name}"])


def test_parse_with_a_root_that_does_not_hold_the_file_says_so(tmp_path, runner):
    write_releases(tmp_path / "corpus", 1)
    one = next((tmp_path / "corpus").iterdir())
    (tmp_path / "other").mkdir()
    result = runner.invoke(main, ["parse", str(one), "--root", str(tmp_path / "other"), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"] == (
        f"the root folder {tmp_path / 'other'} does not hold {one}: "
        "give the folder you index (releases index DIR) that holds the files"
    )


@pytest.fixture
def sourced(tmp_path):
    """An index of SOURCED in a folder whose absolute path must never be shown, and the app over it."""
    folder = tmp_path / "server-only-secret-folder" / "releases"
    folder.mkdir(parents=True)
    for name, text in SOURCED.items():
        (folder / name).write_text(text, encoding="utf-8")
    build_index([folder], tmp_path / "ix")
    app = create_app({"RELEASES_INDEX": str(tmp_path / "ix"), "TESTING": True})
    return folder, tmp_path / "ix", app.test_client()


def test_every_format_gives_the_original_url(sourced):
    _, index_path, _ = sourced
    with open_index(index_path) as index:
        hits = index.search("acme plant", per_page=20, collapse=False).hits
    assert {hit.path: hit.source_url for hit in hits} == {name: SOURCE_URL for name in SOURCED}


@pytest.mark.parametrize(
    "url",
    [
        "/?q=acme",
        "/api/search?q=acme",
        "/api/export.csv?q=acme",
        "/api/export.json?q=acme",
        "/feed.atom?q=acme",
        "RELEASE_PAGE",
        "RELEASE_API",
    ],
)
def test_no_server_path_is_shown(sourced, url):
    folder, index_path, client = sourced
    with open_index(index_path) as index:
        hit = index.search("acme", collapse=False).hits[0]
    url = {"RELEASE_PAGE": f"/releases/{hit.id}", "RELEASE_API": f"/api/releases/{hit.id}"}.get(url, url)
    response = client.get(url)
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "server-only-secret-folder" not in body and str(folder.parent) not in body
    if url.startswith(("/api/releases", "/releases", "/api/export.csv", "/api/search", "/?")):
        assert SOURCE_URL in body


def test_release_page_shows_the_source_path_and_links_the_original(sourced):
    _, index_path, client = sourced
    with open_index(index_path) as index:
        hit = next(h for h in index.search("acme", per_page=20, collapse=False).hits if h.path == "footer.md")
    body = client.get(f"/releases/{hit.id}").get_data(as_text=True)
    assert '<code class="path">footer.md</code>' in body
    assert f'<a class="source-url" href="{SOURCE_URL}"' in body


def test_get_returns_a_documented_release(sourced):
    folder, index_path, _ = sourced
    with open_index(index_path) as index:
        hit = index.search("acme", collapse=False).hits[0]
        release = index.get(hit.id)
        assert index.get("0" * 16) is None
    assert isinstance(release, Release)
    assert {f.name for f in fields(Release)} >= {"source", "source_url", "duplicates"}
    assert not hasattr(release, "dupkey") and not hasattr(release, "company_facet")
    assert release.id == hit.id and release.path == release.source == hit.path
    assert release.source_url == SOURCE_URL and release.headline == hit.headline
    data = release.to_json()
    assert str(folder) not in json.dumps(data) and data["source"] == hit.path


@pytest.mark.parametrize("url", ["/?q=x", "/api/search?q=x", "/feed.atom"])
def test_a_missing_index_is_reported_without_the_servers_folders(tmp_path, url):
    missing = tmp_path / "server-only-secret-folder" / "index"
    client = create_app({"RELEASES_INDEX": str(missing), "TESTING": True}).test_client()
    response = client.get(url)
    body = response.get_data(as_text=True)
    assert response.status_code == 503 and "releases index" in body
    assert "server-only-secret-folder" not in body and str(tmp_path) not in body
