"""`releases serve`: its options and errors, the links pages build without url_for, and the real multi-process
server (gunicorn's master and two workers) over a tiny index, started, switched to a rebuilt index and stopped."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from flask import url_for
from werkzeug.datastructures import MultiDict

import webapp.server
from indexer import build_index
from indexer.cli import main
from webapp import create_app
from webapp.params import release_url, search_url, toggle_url

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ROOT = Path(__file__).resolve().parent.parent


# ---- Options and errors, through click's runner (the server itself replaced by a recorder) -----------------


@pytest.fixture
def started(monkeypatch):
    """Record how the CLI would start the server instead of starting it."""
    calls = []

    def preforked(make_app, reserved, workers, threads):
        calls.append({"server": "gunicorn", "app": make_app(), "port": reserved.getsockname()[1], "workers": workers})
        reserved.close()

    def single(app, listener, threads):
        calls.append({"server": "waitress", "app": app, "port": listener.getsockname()[1], "threads": threads})
        listener.close()

    monkeypatch.setattr(webapp.server, "serve_preforked", preforked)
    monkeypatch.setattr(webapp.server, "serve_single", single)
    return calls


def test_serve_runs_one_worker_per_core_by_default(runner, seeds_index, started, monkeypatch):
    monkeypatch.setattr(webapp.server, "can_prefork", lambda: True)
    monkeypatch.setattr(webapp.server, "default_workers", lambda: 3)
    result = runner.invoke(main, ["serve", "--index", str(seeds_index), "--port", "0"])
    assert result.exit_code == 0, result.output
    [call] = started
    assert call["server"] == "gunicorn" and call["workers"] == 3
    assert call["app"].config["RELEASES_INDEX"] == str(seeds_index)
    assert f"http://127.0.0.1:{call['port']}/" in result.output and call["port"] != 0
    assert "3 worker processes of 8 threads" in result.output


def test_serve_takes_workers_threads_and_the_index_from_the_environment(runner, seeds_index, started, monkeypatch):
    monkeypatch.setattr(webapp.server, "can_prefork", lambda: True)
    result = runner.invoke(
        main, ["serve", "--port", "0", "--workers", "5", "--threads", "2"], env={"RELEASES_INDEX": str(seeds_index)}
    )
    assert result.exit_code == 0, result.output
    assert started[0]["workers"] == 5 and started[0]["app"].config["RELEASES_INDEX"] == str(seeds_index)
    assert "5 worker processes of 2 threads" in result.output


def test_serve_falls_back_to_one_waitress_process_without_fork(runner, seeds_index, started, monkeypatch):
    # Windows and macOS: no fork or no balanced SO_REUSEPORT; the site still serves, in one process.
    monkeypatch.setattr(sys, "platform", "win32")
    result = runner.invoke(main, ["serve", "--index", str(seeds_index), "--port", "0", "--workers", "4"])
    assert result.exit_code == 0, result.output
    assert started[0]["server"] == "waitress" and started[0]["threads"] == 8
    assert "one process of 8 threads" in result.output


@pytest.mark.parametrize("prefork", [True, False])
@pytest.mark.parametrize("base_url", [None, "https://search.example.com"])
def test_feed_links_name_the_address_served_on_unless_a_base_url_is_given(
    runner, seeds_index, started, monkeypatch, prefork, base_url
):
    monkeypatch.setattr(webapp.server, "can_prefork", lambda: prefork)
    given = ["--base-url", base_url] if base_url else []
    result = runner.invoke(main, ["serve", "--index", str(seeds_index), "--port", "0", *given], env={})
    assert result.exit_code == 0, result.output
    [call] = started
    # What waitress reports as the server's name when it serves sockets it was handed.
    feed = call["app"].test_client().get("/feed.atom", environ_base={"SERVER_NAME": "waitress.invalid"})
    expected = base_url or f"http://127.0.0.1:{call['port']}"
    assert f'href="{expected}/feed.atom' in feed.get_data(as_text=True)
    assert "waitress.invalid" not in feed.get_data(as_text=True)


@pytest.mark.parametrize(
    ("host", "address"),
    [("127.0.0.1", "http://127.0.0.1:5077"), ("::1", "http://[::1]:5077"), ("localhost", "http://localhost:5077")],
)
def test_served_address_names_the_host_and_port(host, address):
    assert webapp.server.served_address(host, 5077) == address


@pytest.mark.parametrize("wildcard", ["0.0.0.0", "::"])
def test_served_address_names_this_machine_for_all_interfaces(wildcard):
    address = webapp.server.served_address(wildcard, 80)
    assert address.endswith(":80") and wildcard not in address.removeprefix("http://").rsplit(":", 1)[0]


@pytest.mark.parametrize("option", [["--workers", "0"], ["--threads", "0"], ["--port", "70000"]])
def test_serve_rejects_bad_numbers(runner, seeds_index, started, option):
    result = runner.invoke(main, ["serve", "--index", str(seeds_index), *option])
    assert result.exit_code == 2 and option[0] in result.output
    assert not started


def test_serve_reports_a_bad_setting_before_listening(runner, seeds_index, started):
    result = runner.invoke(main, ["serve", "--index", str(seeds_index)], env={"RELEASES_PER_PAGE": "lots"})
    assert result.exit_code == 1
    assert "Error: RELEASES_PER_PAGE must be a whole number, not 'lots'" in result.output
    assert not started and "Traceback" not in result.output


# ---- Links built without url_for mean exactly what url_for would build ----------------------------------


@pytest.fixture(scope="module")
def links_app():
    """An app for building links: it never opens its index, so none needs to exist."""
    return create_app({"RELEASES_INDEX": "no-index-needed"})


HOSTILE_VALUES = ["NASDAQ:AAPL", "a b&c=d#e", "100% ?/+", "Société Générale", '"><script>', "ünï/😀", "x;y,z@!$'()*"]


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_search_links_are_the_urls_url_for_builds(links_app, value):
    state = MultiDict([("q", value), ("ticker", "NASDAQ:IMGN"), ("ticker", value), ("from", "2011-01-01")])
    with links_app.test_request_context("/"):
        assert search_url(state) == url_for("views.search", **state.to_dict(flat=False))
        assert search_url(state, page=3, sort=value) == url_for(
            "views.search", q=value, ticker=["NASDAQ:IMGN", value], **{"from": "2011-01-01"}, page=3, sort=value
        )
        assert search_url(state, ticker=None, q=None) == url_for("views.search", **{"from": "2011-01-01"})
        assert toggle_url(state, "ticker", value) == url_for(
            "views.search", q=value, **{"from": "2011-01-01"}, ticker=["NASDAQ:IMGN"]
        )
        assert search_url(state, "feeds.atom", _external=True, sort=None) == url_for(
            "feeds.atom", _external=True, **state.to_dict(flat=False)
        )
        assert search_url(MultiDict()) == url_for("views.search") == "/"
        assert release_url("0123456789abcdef") == url_for("views.release", release_id="0123456789abcdef")


def test_search_links_keep_the_script_root(links_app):
    # Mounted under a prefix (a reverse proxy's SCRIPT_NAME), links keep it.
    with links_app.test_request_context("/", base_url="http://localhost/search/"):
        assert search_url(MultiDict([("q", "x y")])) == "/search/?q=x+y" == url_for("views.search", q="x y")
        assert release_url("0123456789abcdef") == "/search/releases/0123456789abcdef"


# ---- The real server: gunicorn's master and two workers ----------------------------------------------


def _get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _socket_owners(pids: list[int], server_port: int, client_ports: list[int]) -> list[int | None]:
    """Which of pids holds the server side of each loopback connection from client_ports (None: none does)."""
    inodes = {}  # client port -> inode of the server's socket for that connection
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote, inode = int(fields[1].split(":")[1], 16), int(fields[2].split(":")[1], 16), fields[9]
        if local == server_port and remote in client_ports:
            inodes[remote] = f"socket:[{inode}]"
    holders = {}
    for pid in pids:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                holders[os.readlink(fd)] = pid
            except OSError:
                continue
    return [holders.get(inodes.get(port, "")) for port in client_ports]


def _open_files(pid: int, folder: Path) -> list[str]:
    """The files under folder that process pid holds open."""
    targets = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            targets.append(os.readlink(fd))
        except OSError:
            continue
    return [t for t in targets if t.startswith(str(folder))]


@pytest.mark.skipif(not sys.platform.startswith("linux") or not webapp.server.can_prefork(), reason="Linux only")
def test_the_multi_process_server_serves_switches_index_and_stops_cleanly(tmp_path):
    sources = tmp_path / "releases"
    shutil.copytree(SEEDS, sources)
    index = tmp_path / "index"
    build_index([sources], index)
    command = [sys.executable, "-c", "from indexer.cli import main; main()"]
    proc = subprocess.Popen(
        [*command, "serve", "--index", str(index), "--port", "0", "--workers", "2", "--threads", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=tmp_path,
    )
    try:
        banner = proc.stdout.readline()
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", banner).group(1))
        deadline = time.monotonic() + 8
        while True:
            try:
                status, body = _get(port, "/api/search?q=immunogen")
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not answer within 8 s"
                time.sleep(0.1)
        assert status == 200 and json.loads(body)["total"] >= 1
        status, body = _get(port, "/?q=immunogen")
        assert status == 200 and b"ImmunoGen" in body

        workers = _children(proc.pid)
        assert len(workers) == 2
        # Each worker opens the index itself; the master never does, so no searcher is shared across a fork.
        assert _open_files(proc.pid, index) == []
        assert any(_open_files(pid, index) for pid in workers)

        # The kernel spreads connections over the workers' own sockets: each holds a fair share of 24 kept-alive ones.
        clients = [http.client.HTTPConnection("127.0.0.1", port, timeout=10) for _ in range(24)]
        for conn in clients:
            conn.request("GET", "/api/suggest?q=imm")
            conn.getresponse().read()
        owners = _socket_owners(workers, port, [conn.sock.getsockname()[1] for conn in clients])
        for conn in clients:
            conn.close()
        assert None not in owners and min(owners.count(pid) for pid in workers) >= 3, owners

        # A rebuild switches over: every answer afterwards, from either worker, comes from the new generation.
        (sources / "marker.txt").write_text(
            "Zanzibarite Corp Opens Plant\n\nNEW YORK, Jan. 5, 2026 (BUSINESS WIRE) -- Zanzibarite Corp opened a plant.\n"
        )
        build_index([sources], index, rebuild=True)
        totals = [json.loads(_get(port, "/api/search?q=zanzibarite")[1])["total"] for _ in range(8)]
        assert totals == [1] * 8

        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, output
    assert "Traceback" not in output
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "a worker outlived the master"
