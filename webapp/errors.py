"""Errors at the edge: one JSON shape for machines, a friendly page for people, never a stack trace."""

from __future__ import annotations

import re
from urllib.parse import quote

from flask import Flask, jsonify, make_response, redirect, render_template, request
from werkzeug.exceptions import HTTPException

from indexer.model import IndexNotFound, ReleaseSearchError, error_json

# Paths answered in JSON (errors included): the API, exports and the feed.
MACHINE_PREFIXES = ("/api/", "/feed")
NO_INDEX = (
    "There is no search index to serve yet: build it with 'releases index SOURCE...' on the server "
    "(its log says where the site looks for it), then reload."
)
FRIENDLY = {
    404: ("Page not found", "There is nothing at this address. Start a new search instead."),
    405: ("Method not allowed", "This site only answers GET requests: follow a link or use the search box."),
}

# A release address whose id is not 16 hex digits (a truncated or mistyped id): say what an id looks like.
RELEASE_PREFIXES = ("/releases/", "/api/releases/")
BAD_RELEASE_ID = (
    "There is no release at this address: a release id is 16 hexadecimal digits (0-9, a-f), as search results "
    "and /api/search give them, e.g. /releases/eee89d7adf49d4cb."
)


# A release address copied with what stood around it in a text ("…/releases/eee89d7adf49d4cb." ending a sentence,
# a slash or quote after it): redirected to the release's own address rather than refused.
_COPIED_RELEASE = re.compile(r"(/(?:api/)?releases/)[\s\"'<(\[]*([0-9a-f]{16})[\s/.,;:!?)\]>'\"]*")


def copied_release_address() -> str | None:
    """The release's own address when the request's path is one with stray characters around its id, else None."""
    found = _COPIED_RELEASE.fullmatch(request.path)
    if found is None:
        return None
    address = found.group(1) + found.group(2)
    if address == request.path:
        return None
    query = request.query_string.decode("latin-1")
    return request.script_root + quote(address) + (f"?{query}" if query else "")


def wants_json() -> bool:
    """Whether this request is for a machine (API, exports, feed) rather than a person."""
    return request.path.startswith(MACHINE_PREFIXES) or request.path == "/api"


def error_response(message: str, status: int, title: str = "Something went wrong"):
    """The error in the right form for the request: the JSON error shape or the error page."""
    if wants_json():
        response = jsonify(error_json(message, status))
    else:
        response = make_response(render_template("error.html", title=title, message=message, status=status))
    response.status_code = status
    return response


def register_error_handlers(app: Flask) -> None:
    """Install the handlers for domain errors, HTTP errors and anything unexpected."""

    @app.errorhandler(ReleaseSearchError)
    def domain_error(exc: ReleaseSearchError):
        if isinstance(exc, IndexNotFound):
            # The message names the server's folders: it goes to the log, visitors get what to do.
            app.logger.error("%s", exc)
            return error_response(NO_INDEX, 503, "No index yet")
        return error_response(str(exc), exc.status, "That request could not be run")

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        title, message = FRIENDLY.get(exc.code or 500, (exc.name, exc.description or exc.name))
        if exc.code == 404 and request.path.startswith(RELEASE_PREFIXES):
            address = copied_release_address()
            if address is not None:
                return redirect(address, code=308)
            message = BAD_RELEASE_ID
        elif exc.code == 404 and (request.path + "/").startswith("/api/"):
            message = "There is nothing at this address: the API's paths are listed in /api/openapi.json."
        response = error_response(message, exc.code or 500, title)
        if exc.code == 405 and getattr(exc, "valid_methods", None):
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        # The details go to the server log only; users get a message without internals.
        app.logger.exception("unexpected error on %s", request.path)
        return error_response(
            "The search failed on our side. Try again, or simplify the query; if it keeps failing, report it.", 500
        )
