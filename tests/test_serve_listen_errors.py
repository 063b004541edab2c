"""`releases serve` that cannot take its address names the option to change: --host for an address that is not
this machine's (a typo, another machine's address), --port for a port that is busy or not allowed."""

from __future__ import annotations

import errno
import socket

import pytest

from indexer.cli import main
from webapp.server import listen_error

HOST_FIX = "check --host: an address of this machine (127.0.0.1, or 0.0.0.0 for all of them)"
PORT_FIX = "choose another port with --port"


@pytest.mark.parametrize(
    ("exc", "fix"),
    [
        (socket.gaierror(socket.EAI_NONAME, "Name or service not known"), HOST_FIX),
        (OSError(errno.EADDRNOTAVAIL, "Cannot assign requested address"), HOST_FIX),
        # socket.create_server re-raises a name that does not resolve as a plain OSError with getaddrinfo's code.
        (
            OSError(socket.EAI_NONAME, "Name or service not known (while attempting to bind on address ('x', 0))"),
            HOST_FIX,
        ),
        (OSError(socket.EAI_AGAIN, "Temporary failure in name resolution"), HOST_FIX),
        (OSError(errno.EADDRINUSE, "Address already in use"), PORT_FIX),
        (OSError(errno.EACCES, "Permission denied"), PORT_FIX),
    ],
)
def test_the_message_names_the_option_at_fault(exc, fix):
    assert listen_error("acme.example", 80, exc) == f"cannot listen on acme.example:80 ({exc.strerror}): {fix}"


def test_serve_on_another_machines_address_says_to_check_the_host(runner, seeds_index):
    # 192.0.2.1 (TEST-NET-1, RFC 5737) is never an address of this machine: the bind fails at once.
    result = runner.invoke(main, ["serve", "--index", str(seeds_index), "--host", "192.0.2.1", "--port", "0"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot listen on 192.0.2.1:0 (") and HOST_FIX in result.output


def test_serve_on_a_name_that_does_not_resolve_says_to_check_the_host(runner, seeds_index):
    # .invalid (RFC 2606) never resolves.
    result = runner.invoke(
        main, ["serve", "--index", str(seeds_index), "--host", "quillfeather.invalid", "--port", "0"]
    )
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot listen on quillfeather.invalid:0 (") and HOST_FIX in result.output
