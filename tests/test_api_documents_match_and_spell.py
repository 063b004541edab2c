"""`match` and `spell` work on search, exports and feeds alike, and the OpenAPI document says so for each."""

from __future__ import annotations

import re

import pytest

from webapp import create_app

PATHS = ("/api/search", "/api/export.csv", "/api/export.json", "/api/export.jsonl", "/feed.atom")


@pytest.fixture(scope="module")
def web(seeds_template):
    return create_app({"RELEASES_INDEX": str(seeds_template), "TESTING": True}).test_client()


@pytest.mark.parametrize("path", PATHS)
def test_openapi_documents_match_and_spell(web, path):
    operation = web.get("/api/openapi.json").get_json()["paths"][path]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"match", "spell"} <= names


def _counted(web, path: str, **args) -> int:
    response = web.get(path, query_string=args)
    assert response.status_code == 200, response.get_data(as_text=True)
    if path == "/api/search":
        return response.get_json()["total"]
    if path == "/feed.atom":
        return len(re.findall(r"<entry>", response.get_data(as_text=True)))
    return int(response.headers["X-Total-Count"])


# The seeds: two ImmunoGen releases.
@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(
    ("args", "found"),
    [
        ({"q": "immunogen qqqzzzxx"}, 0),
        ({"q": "immunogen qqqzzzxx", "match": "any"}, 2),
        ({"q": "imunogen"}, 2),
        ({"q": "imunogen", "spell": "0"}, 0),
    ],
)
def test_match_and_spell_are_read_everywhere(web, path, args, found):
    assert _counted(web, path, **args) == found


def test_openapi_documents_every_parameter_a_search_reads(web):
    from webapp.params import SEARCH_PARAMS

    operation = web.get("/api/openapi.json").get_json()["paths"]["/api/search"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {*SEARCH_PARAMS, "page", "after"}
