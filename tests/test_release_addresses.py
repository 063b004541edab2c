"""A release or company address copied with what stood around it (a full stop, a slash, a bracket, a space)
leads to the release; an address holding no release id still says what an id looks like."""

from __future__ import annotations

import pytest

ID = "eee89d7adf49d4cb"  # the seeds' conference-call release


@pytest.mark.parametrize("prefix", ["/releases/", "/api/releases/"])
@pytest.mark.parametrize(
    ("typed", "query"),
    [(f"{ID}/", ""), (f"{ID}.", ""), (f"{ID}),", ""), (f"{ID}%20", ""), (f"%20{ID}", ""), (f"{ID}/", "q=conference")],
)
def test_a_copied_release_address_leads_to_the_release(client, prefix, typed, query):
    response = client.get(prefix + typed + (f"?{query}" if query else ""))
    assert response.status_code == 308
    assert response.headers["Location"] == prefix + ID + (f"?{query}" if query else "")
    assert client.get(response.headers["Location"]).status_code == 200


@pytest.mark.parametrize("typed", [f"{ID}x", f"{ID[:-1]}", "zz", f"{ID}/related", ID.upper()])
def test_an_address_without_a_release_id_says_what_an_id_is(client, typed):
    response = client.get(f"/api/releases/{typed}")
    assert response.status_code == 404
    assert "a release id is 16 hexadecimal digits" in response.get_json()["error"]


@pytest.mark.parametrize("prefix", ["/companies/", "/api/companies/"])
@pytest.mark.parametrize(("typed", "own"), [("nasdaq-imgn/", "nasdaq-imgn"), ("%20NASDAQ:IMGN%20/", "NASDAQ:IMGN")])
def test_a_company_address_copied_with_a_trailing_slash_or_space_leads_to_the_issuer(client, prefix, typed, own):
    response = client.get(prefix + typed)
    assert response.status_code == 308 and response.headers["Location"] == prefix + own
    assert client.get(response.headers["Location"]).status_code == 200
