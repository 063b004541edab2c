"""Running the site in production: gunicorn worker processes on Linux, waitress in one process elsewhere.

Search is CPU-bound Python, so one process uses one core whatever its thread count (the GIL). gunicorn's
pre-fork master starts one worker process per core, each with its own app, index and searchers (nothing
opened is shared across a fork), and restarts a worker that dies.

Each worker listens on its own socket bound with SO_REUSEPORT, so the kernel spreads connections evenly over
the workers. Sharing one socket, whichever worker wakes first accepts: 44 of 50 kept-alive connections ended
up on one of two workers, which then answered them twice as slowly while the other idled. Only Linux balances
SO_REUSEPORT sockets this way, and gunicorn does not run on Windows, so elsewhere the site runs on waitress in
a single process.

Slow clients: each gunicorn worker serves with waitress (WaitressWorker), whose event loop reads a request
whole before a thread runs it, so a client that sends its request a byte at a time (slowloris) holds one
connection of the loop's many, never a thread; gunicorn's own threaded worker gave each connection a thread
as soon as a byte came, and 16 slow clients starved every request.
"""

from __future__ import annotations

import ctypes
import errno
import gc
import os
import signal
import socket
import sys
from collections.abc import Callable

from flask import Flask

# A worker that has not reported for this long is stuck: the master kills and replaces it.
WORKER_TIMEOUT_S = 60
# Ctrl-C or SIGTERM: requests in flight get this long to finish before the workers are killed.
GRACEFUL_TIMEOUT_S = 10
LISTEN_BACKLOG = 2048
# Connections one worker holds open at once, and how long one may stay silent before it is closed: slow or
# idle clients cost a file descriptor and a buffer each, not a thread.
CONNECTION_LIMIT = 1000
CHANNEL_TIMEOUT_S = 30
# The garbage collector in a serving process: a search makes a few thousand container objects, so Python's
# default (a collection every 700) ran a young collection every third search and, every few hundred, a full
# one over the searcher's and caches' objects (90 ms at 100,000 releases: 0.4 ms of CPU a search and a pause
# every request then waited out). Collections every 10,000 new objects, and the objects of the open index
# frozen out of the full collections, cost 0.07 ms a search.
GC_THRESHOLDS = (10_000, 20, 10)
# malloc arenas a serving process's threads share. glibc gives each thread that allocates its own arena (up
# to 8 per core), so what one request freed in one thread's arena was no use to the next request run by
# another thread: fresh pages and page faults (70-80 % fewer a request at 8 threads with one arena,
# benchmarks/api_profile.py --threads 8; docs/api-cpu.md). The threads take turns on the GIL and on the
# searcher anyway, so they hardly ever wait for each other's malloc.
MALLOC_ARENAS = 1
_M_ARENA_MAX = -8  # glibc's mallopt parameter (malloc.h)


def served_address(host: str, port: int) -> str:
    """The address a server started on host:port answers at, for people and for absolute links: a wildcard host
    (all interfaces) is named by this machine's name; an IPv6 address goes in brackets."""
    if host in ("", "0.0.0.0", "::"):
        host = socket.getfqdn() or "localhost"
    elif ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"


def default_workers() -> int:
    """One worker process per core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity call
        return os.cpu_count() or 1


def can_prefork() -> bool:
    """Whether the multi-process server runs here: Linux (fork, balanced SO_REUSEPORT) with gunicorn installed."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork") or not hasattr(socket, "SO_REUSEPORT"):
        return False
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return False
    return True


def open_socket(host: str, port: int, prefork: bool) -> socket.socket:
    """The server's address, taken (OSError when another program holds it; port 0 picks a free one).

    For waitress, a listening socket. For gunicorn, a bound socket that reserves the address while each worker
    listens on its own; it never listens itself, so it is given no connections.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    if not prefork:
        return socket.create_server((host, port), family=family, backlog=LISTEN_BACKLOG)
    # Without SO_REUSEPORT this bind fails if anything listens there, another `releases serve` included,
    # whose workers the new ones would otherwise silently share connections with.
    with socket.create_server((host, port), family=family) as probe:
        port = probe.getsockname()[1]
    reserved = socket.socket(family, socket.SOCK_STREAM)
    try:
        reserved.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        reserved.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        reserved.bind((host, port))
    except OSError:
        reserved.close()
        raise
    return reserved


# A name that does not resolve comes wrapped by socket.create_server in a plain OSError keeping getaddrinfo's code.
_HOST_ERRNOS = {errno.EADDRNOTAVAIL} | {
    getattr(socket, name)
    for name in ("EAI_NONAME", "EAI_AGAIN", "EAI_FAIL", "EAI_NODATA", "EAI_ADDRFAMILY")
    if hasattr(socket, name)
}


def listen_error(host: str, port: int, exc: OSError) -> str:
    """Why the address cannot be taken, and which option to change: a host that is no address of this machine
    (a typo, another machine's address) is --host's fault; a busy or privileged port is --port's."""
    if isinstance(exc, socket.gaierror) or exc.errno in _HOST_ERRNOS:
        fix = "check --host: an address of this machine (127.0.0.1, or 0.0.0.0 for all of them)"
    else:
        fix = "choose another port with --port"
    return f"cannot listen on {host}:{port} ({exc.strerror or exc}): {fix}"


def share_malloc_arena(arenas: int = MALLOC_ARENAS) -> bool:
    """Let this process's threads share `arenas` malloc arenas (glibc; 0: glibc's default); whether it took."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError, TypeError):  # no C library to ask (Windows), or no mallopt (macOS)
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return mallopt(_M_ARENA_MAX, arenas) == 1


def settle_memory(app: Flask) -> None:
    """Tune a serving process's memory before its threads start: one malloc arena for them all
    (MALLOC_ARENAS), the garbage collector (GC_THRESHOLDS), and what is alive once its index is open frozen
    out of collections: the searcher, facet tables and start-up objects, which live as long as the process."""
    share_malloc_arena()
    gc.set_threshold(*GC_THRESHOLDS)
    holder = app.extensions["release_index"]

    def freeze() -> None:
        gc.collect()
        gc.freeze()

    holder.on_open = freeze


def close_searchers(app: Flask) -> None:
    """Close the app's open index and searchers (a worker's last act)."""
    app.extensions["release_index"].close()
    lane = app.extensions.get("costly_lane")
    if lane is not None:
        lane.close()


def serve_preforked(make_app: Callable[[], Flask], reserved: socket.socket, workers: int, threads: int) -> None:
    """Serve on the reserved address with gunicorn: `workers` processes of `threads` threads each; blocks."""
    from gunicorn.app.base import BaseApplication

    host, port = reserved.getsockname()[:2]
    address = f"[{host}]:{port}" if reserved.family == socket.AF_INET6 else f"{host}:{port}"

    class ReleaseSearchServer(BaseApplication):
        """gunicorn configured in code: no config file or GUNICORN_CMD_ARGS is read."""

        def __init__(self):
            self.app: Flask | None = None
            super().__init__()

        def load_config(self):
            settings = {
                "bind": [address],
                "reuse_port": True,  # each worker binds and listens itself (gunicorn >= 24)
                "backlog": LISTEN_BACKLOG,
                "workers": workers,
                "worker_class": waitress_worker(),
                "threads": threads,
                "timeout": WORKER_TIMEOUT_S,
                "graceful_timeout": GRACEFUL_TIMEOUT_S,
                "proc_name": "release-search",
                "worker_exit": self.worker_exit,
                # Newer gunicorns open a control socket in $HOME by default; two servers would fight over it.
                "control_socket_disable": True,
            }
            for key, value in settings.items():
                if key in self.cfg.settings:
                    self.cfg.set(key, value)

        def load(self):
            # Runs in each worker after the fork: its own app, index holder and searchers.
            self.app = make_app()
            settle_memory(self.app)
            return self.app

        def worker_exit(self, _arbiter, _worker):
            """Close the exiting worker's searchers (graceful stop, Ctrl-C, or a restart by the master)."""
            if self.app is not None:
                close_searchers(self.app)

    try:
        ReleaseSearchServer().run()
    finally:
        reserved.close()


def _waitress(app, sockets: list[socket.socket], threads: int):
    from waitress import create_server

    return create_server(
        app,
        sockets=sockets,
        threads=threads,
        ident="release-search",
        connection_limit=CONNECTION_LIMIT,
        channel_timeout=CHANNEL_TIMEOUT_S,
        asyncore_use_poll=True,  # select() stops at 1024 descriptors
    )


def waitress_worker() -> type:
    """The gunicorn worker class that serves with waitress (imported here: gunicorn is Linux-only)."""
    from gunicorn.workers.base import Worker

    class WaitressWorker(Worker):
        """A gunicorn worker whose requests waitress reads whole before a thread runs them (see the module)."""

        def run(self):
            server = _waitress(self.wsgi, [listener.sock for listener in self.sockets], self.cfg.threads)
            loop_map = getattr(server, "map", None) or server._map
            try:
                while self.alive and self.ppid == os.getppid():
                    self.notify()  # the master's heartbeat: a worker whose loop is stuck is replaced
                    server.asyncore.loop(timeout=1.0, map=loop_map, use_poll=True, count=1)
            finally:
                server.task_dispatcher.shutdown(timeout=GRACEFUL_TIMEOUT_S)

    return WaitressWorker


def serve_single(app: Flask, listener: socket.socket, threads: int) -> None:
    """Serve on a listening socket with waitress in this one process; blocks."""
    settle_memory(app)
    server = _waitress(app, [listener], threads)
    # SIGTERM (a service manager stopping it) ends the loop like Ctrl-C, so the searchers are closed below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        server.run()
    finally:
        close_searchers(app)
