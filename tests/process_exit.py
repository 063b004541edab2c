"""Ending a test process without tearing its interpreter down: what pytest-xdist's workers do once their tests are done.

A worker that ran its share of the suite holds every module it imported and the objects they made; Python's
finalisation frees them one by one (about 0.5 CPU-s a worker) for a process that is about to vanish. The exit
functions still run (temporary folders, multiprocessing's children, logging), then the process ends at once."""

from __future__ import annotations

import atexit
import os
import sys


def _exit_at_once() -> None:
    """The last exit function: run the others, flush the standard streams, end the process (status 0)."""
    atexit.unregister(_exit_at_once)
    run_others = getattr(atexit, "_run_exitfuncs", None)  # CPython's; elsewhere Python finalises as usual
    if run_others is None:
        return
    run_others()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):  # closed or replaced: nothing left to write
            pass
    os._exit(0)


def skip_teardown() -> None:
    """Once this process's exit functions have run, end it without freeing its modules and objects."""
    atexit.register(_exit_at_once)
