"""HTML pages: the search page and the release page. Views read the request, call the core once, render."""

from __future__ import annotations

from flask import Blueprint, Flask, render_template, request, url_for
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException

from indexer.model import IndexNotFound, ReleaseSearchError
from indexer.schema import FACETS_BY_NAME

from .api import release_json
from .params import FACET_PARAMS, get_index, search_request

bp = Blueprint("views", __name__)

EXAMPLES = ('"conference call"', "ticker:IMGN", "acquisition biotech", "date:2011 award", "immuno*")


def url_with(args: MultiDict, **changes) -> str:
    """The search URL with some parameters changed (None removes one); page resets unless given."""
    new = MultiDict(args)
    if "page" not in changes:
        new.pop("page", None)
    for key, value in changes.items():
        new.pop(key, None)
        if value is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            new.add(key, item)
    return url_for("views.search", **new.to_dict(flat=False))


def toggle_facet(args: MultiDict, name: str, value: str) -> str:
    """The URL that selects a facet value, or removes it when selected."""
    current = args.getlist(name)
    chosen = [v for v in current if v != value] if value in current else current + [value]
    return url_with(args, **{name: chosen or None})


@bp.get("/")
def search():
    """The search page; with no query and no filters, an empty state with examples."""
    args = request.args
    searching = bool(args.get("q") or any(args.getlist(n) for n in FACET_PARAMS) or args.get("from") or args.get("to"))
    context = dict(
        args=args,
        page=None,
        error=None,
        examples=EXAMPLES,
        facet_specs=FACETS_BY_NAME,
        url_with=url_with,
        toggle_facet=toggle_facet,
        active=[(n, v) for n in FACET_PARAMS for v in args.getlist(n)],
    )
    if searching:
        try:
            context["page"] = get_index().search(request=search_request(args))
        except IndexNotFound:
            raise
        except ReleaseSearchError as exc:
            context["error"] = str(exc)
    status = 400 if context["error"] else 200
    return render_template("search.html", **context), status


@bp.get("/releases/<release_id>")
def release(release_id: str):
    """One release laid out by sections, with its metadata, copies and related releases."""
    index = get_index()
    found = index.get(release_id)
    if found is None:
        return render_template(
            "error.html", title="Release not found", message="There is no release with that id. Search for it instead."
        ), 404
    return render_template("release.html", release=release_json(found), related=index.related(release_id))


def register_error_pages(app: Flask) -> None:
    """Friendly HTML for errors outside the API; never a stack trace."""

    @app.errorhandler(IndexNotFound)
    def no_index(exc):
        if request.path.startswith("/api/"):
            from flask import jsonify

            from indexer.model import error_json

            return jsonify(error_json(str(exc), 503)), 503
        return render_template("error.html", title="No index yet", message=str(exc)), 503

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        return render_template("error.html", title=exc.name, message=exc.description), exc.code

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        app.logger.exception("unexpected error")
        if request.path.startswith("/api/"):
            from flask import jsonify

            from indexer.model import error_json

            return jsonify(error_json("internal error: the search failed; try again or report it", 500)), 500
        return render_template(
            "error.html",
            title="Something went wrong",
            message="The search failed on our side. Try again, or simplify the query.",
        ), 500
