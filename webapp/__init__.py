"""The search site: `create_app(config)` builds a Flask app over one index."""

from __future__ import annotations

import atexit
import os
import threading

from flask import Flask

from indexer import open_index


class IndexHolder:
    """Opens the index on first use and keeps it (and its reused searcher) for the app's life."""

    def __init__(self, path: str):
        self.path = path
        self._index = None
        self._lock = threading.Lock()

    def get(self):
        """The open index; raises IndexNotFound when there is none yet (retried on the next request)."""
        with self._lock:
            if self._index is None:
                self._index = open_index(self.path)
            return self._index

    def close(self) -> None:
        """Close the searchers; called at process exit."""
        with self._lock:
            if self._index is not None:
                self._index.close()
                self._index = None


def create_app(config: dict | None = None) -> Flask:
    """Build the app; config keys: RELEASES_INDEX (index folder), plus any Flask setting."""
    app = Flask(__name__)
    app.config.update(
        RELEASES_INDEX=os.environ.get("RELEASES_INDEX", "index"),
        PER_PAGE=20,
        EXPORT_LIMIT=1000,
        JSON_SORT_KEYS=False,
    )
    app.config.update(config or {})
    holder = IndexHolder(app.config["RELEASES_INDEX"])
    app.extensions["release_index"] = holder
    atexit.register(holder.close)

    from . import api, views

    app.register_blueprint(views.bp)
    app.register_blueprint(api.bp)
    views.register_error_pages(app)
    return app
