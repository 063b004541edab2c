"""Saved searches on the web: save the search on screen under a name, list them with their new releases (a badge),
open one (its new releases then count as seen), follow one as an Atom feed, forget one."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, jsonify, redirect, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from indexer.model import QueryError
from indexer.saved import SavedSearch, SavedSearchError, SavedSearches, saved_searches_path

from .feeds import atom_response
from .params import FACET_PARAMS, get_index, search_request, search_state, search_url

bp = Blueprint("saved", __name__)


def saved_store() -> SavedSearches:
    """The app's saved searches, beside its index."""
    config = current_app.config
    return SavedSearches(saved_searches_path(config["RELEASES_INDEX"], config.get("RELEASES_BACKEND")))


def _same_site() -> None:
    """Refuse a form posted from another site (a page elsewhere must not save or delete searches here)."""
    origin = request.headers.get("Origin") or request.headers.get("Referer")
    if origin and urlsplit(origin).netloc != request.host:
        raise SavedSearchError("saved searches can only be changed from this site's own pages")


def _total(saved: SavedSearch) -> int:
    return get_index().search(request=saved.request(per_page=1, facets=(), snippets=False)).total


@bp.app_context_processor
def saved_badge() -> dict:
    """New releases over all saved searches, for the header's badge (nothing read when none are saved)."""

    def count() -> int:
        store = saved_store()
        try:
            return sum(s.new for s in store.all()) if store.exists() else 0
        except SavedSearchError:
            return 0

    return {"saved_new": count}


@bp.get("/saved")
def saved_list():
    """Every saved search: what it asks, its matches, how many are new since it was last opened."""
    found = saved_store().all()
    replaced = request.args.get("replaced", "")
    replaced = replaced if any(s.name == replaced for s in found) else ""
    ids = {v for s in found for v in s.filters.get("issuer", ())}
    registry = get_index().issuers() if ids else None
    names = {key: issuer.name for key in ids if (issuer := registry.get(key)) is not None}  # an issuer by its name
    return render_template(
        "saved.html", saved=found, search_url=search_url, args=MultiDict(), replaced=replaced, issuer_names=names
    )


@bp.post("/saved")
def save():
    """Save the search in the form's fields (the search page's state) under the name given."""
    _same_site()
    form = request.form
    state = search_state(form)
    checked = search_request(state, per_page=1, page=1, facets=(), snippets=False)  # a bad search is not kept
    saved = SavedSearch(
        name=form.get("name", ""),
        query=checked.query,
        filters={name: state.getlist(name) for name in FACET_PARAMS if state.getlist(name)},
        date_from=state.get("from") or None,
        date_to=state.get("to") or None,
        sort=checked.sort,
        match=checked.match,
        spelling=checked.spelling,
    )
    store = saved_store()
    replaced = saved.name.strip() in {s.name for s in store.all()}  # a name saved again replaces its search
    kept = store.save(saved, _total(saved))
    return redirect(url_for("saved.saved_list", replaced=kept.name if replaced else None), code=303)


@bp.get("/saved/<path:name>")
def open_saved(name: str):
    """Open a saved search: its results, its new releases now counted as seen."""
    store = saved_store()
    saved = store.get(name)
    store.record(saved.name, _total(saved), seen=True)
    return redirect(search_url(MultiDict(saved.params())), code=303)


@bp.post("/saved/<path:name>/forget")
def forget(name: str):
    """Delete a saved search."""
    _same_site()
    saved_store().forget(name)
    return redirect(url_for("saved.saved_list"), code=303)


@bp.get("/feed/saved/<path:name>.atom")
def saved_feed(name: str):
    """The Atom feed of a saved search's newest releases."""
    saved = saved_store().get(name)
    return atom_response(MultiDict(saved.params()), title=f"Release search: {saved.name}")


@bp.get("/api/saved")
def saved_json():
    """Saved searches as JSON: name, search, matches now and new since last opened."""
    try:
        found = saved_store().all()
    except SavedSearchError as exc:
        raise QueryError(str(exc)) from None
    return jsonify({"ok": True, "saved_searches": [s.to_json() for s in found]})
