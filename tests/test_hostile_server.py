"""The server under slow clients: 32 connections sending their requests a byte at a time hold no thread."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexer.build import build_index

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SLOW_CLIENTS = 32


def _get(port: int, path: str, timeout: float = 10) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _serve(index: Path, *options: str) -> tuple[subprocess.Popen, int]:
    command = [sys.executable, "-c", "from indexer.cli import main; main()", "serve", "--index", str(index)]
    proc = subprocess.Popen(
        [*command, "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=index.parent,  # not this checkout's folder: the code comes from PYTHONPATH, as in production
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    banner = proc.stdout.readline()
    port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", banner).group(1))
    deadline = time.monotonic() + 15
    while True:
        try:
            _get(port, "/api/suggest?q=imm")
            return proc, port
        except OSError:
            assert time.monotonic() < deadline, "the server did not answer within 15 s"
            time.sleep(0.1)


def _stop(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGTERM)
    try:
        output, _ = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        output, _ = proc.communicate()
    return output


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the multi-process server runs on Linux")
@pytest.mark.parametrize("workers", ["1", "2"])
def test_slow_clients_do_not_starve_normal_requests(tmp_path, workers):
    index = tmp_path / "index"
    build_index([SEEDS], index)
    # Fewer threads than slow clients: with a thread per connection every one of them would be held.
    proc, port = _serve(index, "--workers", workers, "--threads", "2")
    slow = []
    try:
        for _ in range(SLOW_CLIENTS):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.sendall(b"GET /api/search?q=immunogen HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # headers never end
            slow.append(sock)
        for round_ in range(3):
            for sock in slow:
                sock.sendall(b"X-a: b\r\n")  # a trickle: the connection stays busy, never complete
            started = time.monotonic()
            status, body = _get(port, "/api/search?q=immunogen", timeout=5)
            took = time.monotonic() - started
            assert status == 200 and json.loads(body)["total"] >= 1
            assert took < 2, f"round {round_}: a normal request took {took:.1f} s beside {SLOW_CLIENTS} slow clients"
            time.sleep(0.3)
    finally:
        for sock in slow:
            sock.close()
        output = _stop(proc)
    assert proc.returncode == 0, output
    assert "Traceback" not in output
