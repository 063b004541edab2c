"""The search site: `create_app(config)` builds a Flask app over one index.

Importing this package does no I/O: the index is opened on the first request that needs it.
"""

from __future__ import annotations

import atexit
import os
import threading

from flask import Flask, Response
from werkzeug.routing import BaseConverter

from indexer import ReleaseSearchError, open_index
from indexer.search import MAX_PER_PAGE
from indexer.settings import CACHE_BUDGETS, cache_budget

from .json_provider import QuickJSONProvider

# Settings, their defaults, and the environment variables that override them.
DEFAULTS = {
    "RELEASES_INDEX": "index",  # index folder
    "PER_PAGE": 20,  # hits per page on the search page
    "RESULT_WINDOW": 1000,  # the deepest result a visitor may page to
    "EXPORT_LIMIT": 1_000_000,  # releases in one CSV or JSON export (streamed: memory does not grow with it)
    "FEED_SIZE": 20,  # entries in an Atom feed
    "BASE_URL": "",  # the site's public address for absolute links (default: the server's own address)
    "ALLOWED_HOSTS": "",  # comma-separated Host names to answer; any other gets 400 (default: any)
}
ENVIRONMENT = {
    "RELEASES_INDEX": "RELEASES_INDEX",
    "PER_PAGE": "RELEASES_PER_PAGE",
    "RESULT_WINDOW": "RELEASES_RESULT_WINDOW",
    "EXPORT_LIMIT": "RELEASES_EXPORT_LIMIT",
    "FEED_SIZE": "RELEASES_FEED_SIZE",
    "BASE_URL": "RELEASES_BASE_URL",
    "ALLOWED_HOSTS": "RELEASES_ALLOWED_HOSTS",
}
# The numbers a setting may take (a page and a feed are one search page: at most MAX_PER_PAGE hits).
BOUNDS = {
    "PER_PAGE": (1, MAX_PER_PAGE),
    "RESULT_WINDOW": (1, None),
    "EXPORT_LIMIT": (1, None),
    "FEED_SIZE": (1, MAX_PER_PAGE),
}
# No inline script or style anywhere, so the policy can forbid both; a script smuggled into a page cannot run.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


class ReleaseIdConverter(BaseConverter):
    """Release ids in URLs: 16 hex digits, so nothing else (a path, '..') ever reaches the index."""

    regex = "[0-9a-f]{16}"


class IndexHolder:
    """Opens the index on first use and keeps it (and its reused searcher) for the app's life."""

    def __init__(self, path: str, backend: str | None = None, url: str | None = None, on_open=None):
        self.path = path
        self.backend, self.url = backend, url  # None: $RELEASES_BACKEND / $RELEASES_OPENSEARCH_URL
        self.on_open = on_open  # called once the index is open (the server settles its memory then)
        self._index = None
        self._lock = threading.Lock()

    def get(self):
        """The open index; raises IndexNotFound when there is none yet (retried on the next request)."""
        with self._lock:
            if self._index is None:
                self._index = open_index(self.path, backend=self.backend, url=self.url)
                if self.on_open is not None:
                    self.on_open()
            return self._index

    def close(self) -> None:
        """Close the searchers; called at process exit."""
        with self._lock:
            if self._index is not None:
                self._index.close()
                self._index = None


def settings_from_environment(environ=os.environ) -> dict:
    """The settings the environment gives (RELEASES_INDEX, RELEASES_PER_PAGE, ...), numbers checked."""
    found = {}
    for key, variable in ENVIRONMENT.items():
        value = environ.get(variable)
        if value in (None, ""):
            continue
        if isinstance(DEFAULTS[key], int):
            try:
                found[key] = int(value)
            except ValueError:
                raise ReleaseSearchError(f"{variable} must be a whole number, not {value!r}: fix or unset it") from None
        else:
            found[key] = value
    return found


def check_settings(config) -> None:
    """Refuse a number out of its bounds before anything listens (PER_PAGE=0 failed every search page)."""
    for key, (low, high) in BOUNDS.items():
        value = config.get(key)
        if isinstance(value, int) and not (low <= value and (high is None or value <= high)):
            allowed = f"from {low} to {high}" if high is not None else f"at least {low}"
            raise ReleaseSearchError(f"{ENVIRONMENT[key]} must be {allowed}, not {value}: fix or unset it")


def add_security_headers(response: Response) -> Response:
    """Send the security headers with every response, pages, API, files and errors alike."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def create_app(config: dict | None = None) -> Flask:
    """Build the app; settings come from DEFAULTS, then the environment, then config (any Flask setting too)."""
    app = Flask(__name__)
    app.json = QuickJSONProvider(app)
    app.url_map.converters["release_id"] = ReleaseIdConverter
    app.config.update(DEFAULTS, JSON_SORT_KEYS=False, MAX_CONTENT_LENGTH=64 * 1024)
    app.config.update(settings_from_environment())
    for variable in CACHE_BUDGETS:
        cache_budget(variable)  # a bad cache budget is reported before anything listens, not at the first search
    app.config.update(config or {})
    check_settings(app.config)
    # Never the debugger or tracebacks for users, whatever the configuration says.
    app.config.update(DEBUG=False, PROPAGATE_EXCEPTIONS=False)
    app.debug = False
    holder = IndexHolder(
        str(app.config["RELEASES_INDEX"]),
        backend=app.config.get("RELEASES_BACKEND"),
        url=app.config.get("RELEASES_OPENSEARCH_URL"),
    )
    app.extensions["release_index"] = holder
    atexit.register(holder.close)

    from . import api, errors, feeds, limits, links, present, saved, views

    app.register_blueprint(views.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(feeds.bp)
    app.register_blueprint(saved.bp)
    errors.register_error_handlers(app)
    limits.register_limits(app)
    links.register_links(app)
    present.register_filters(app)
    app.after_request(add_security_headers)
    return app
