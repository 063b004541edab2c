"""A server worker's threads: a costly search waiting on the costly lane does not hold up plain searches, with
the serve command's default thread count."""

from __future__ import annotations

import http.client
import json
import socket
import threading

from indexer.cli import main
from webapp import create_app
from webapp.server import _waitress


def _default_threads() -> int:
    return next(p.default for p in main.commands["serve"].params if p.name == "threads")


class _SlowLane:
    """A costly lane whose searches wait until released (a fuzzy search taking its time in the other process)."""

    def __init__(self, index):
        self.index, self.entered, self.release = index, threading.Event(), threading.Event()

    def search(self, request):
        self.entered.set()
        assert self.release.wait(30)
        return self.index.search(request=request)

    def close(self):
        self.release.set()


def _get(port: int, path: str) -> tuple[int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, json.loads(response.read())
    finally:
        conn.close()


def test_plain_searches_are_answered_while_a_costly_one_waits(seeds_index):
    app = create_app({"RELEASES_INDEX": str(seeds_index), "COSTLY_LANE": True})
    app.extensions["costly_lane"].close()
    lane = app.extensions["costly_lane"] = _SlowLane(app.extensions["release_index"].get())
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = _waitress(app, [listener], _default_threads())
    serving = threading.Thread(target=server.run, daemon=True)
    serving.start()
    costly: dict = {}
    asker = threading.Thread(target=lambda: costly.update(answer=_get(port, "/api/search?q=immunogen~2")))
    try:
        asker.start()
        assert lane.entered.wait(20)  # the costly search is running, its thread waiting on the lane
        for query in ("immunogen", "results", "acquisition"):
            status, body = _get(port, f"/api/search?q={query}")
            assert status == 200 and body["ok"] is True
        assert asker.is_alive() and not costly  # still waiting: the plain ones went past it
        lane.release.set()
        asker.join(20)
        assert costly["answer"][0] == 200 and costly["answer"][1]["total"] >= 1
    finally:
        lane.close()
        server.close()
        server.task_dispatcher.shutdown(timeout=5)
        app.extensions["release_index"].close()
