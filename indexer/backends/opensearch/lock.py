"""The build lock of an alias: a lease in an OpenSearch document, renewed by its holder, taken over when stale."""

from __future__ import annotations

import os
import socket
import threading
import time

from ...model import IndexLocked

LOCKS = "release-search-locks"  # one document per alias being built
LEASE_S = 60.0  # a build lock lapses this long after its holder last renewed it


class BuildLease:
    """The build lock of one alias: a document in LOCKS naming its holder (host, pid) and when its lease ends.

    The holder renews the lease every LEASE_S / 3 seconds. A lock whose lease ran out (its holder died or
    lost the cluster for a whole lease), or whose holder is a dead process on this host, is stale: the next
    build takes it over. Every write is conditional on the document's version (if_seq_no), so of two builds
    taking over the same stale lock only one wins, and a holder whose lock was taken over learns it at
    its next renewal (check() then fails the build before it switches the alias).
    """

    def __init__(self, client, alias: str, url: str):
        self.client, self.alias, self.url = client, alias, url
        self.host = socket.gethostname()
        self._version: dict = {}
        self._lost = False
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None

    def _body(self) -> dict:
        now = time.time()
        return {"host": self.host, "pid": os.getpid(), "since": now, "expires": now + LEASE_S}

    def _remember(self, result: dict) -> None:
        self._version = {"if_seq_no": result["_seq_no"], "if_primary_term": result["_primary_term"]}

    def acquire(self) -> None:
        """Take the lock, or a stale one over; IndexLocked when a live build holds it."""
        from opensearchpy import exceptions as ex

        try:
            # No refresh: the lock is only ever read by id (get is real-time) and written conditionally.
            self._remember(self.client.create(index=LOCKS, id=self.alias, body=self._body()))
        except ex.ConflictError:
            held = self.client.get(index=LOCKS, id=self.alias, params={"ignore": 404})
            if not held.get("found"):
                return self.acquire()  # released meanwhile
            holder = held["_source"]
            if not self.stale(holder):
                raise IndexLocked(
                    f"another 'releases index' (pid {holder.get('pid')} on {holder.get('host', '?')}) is writing "
                    f"{self.alias} on {self.url}: wait for it to finish (its lock lapses "
                    f"{LEASE_S:g} s after it stops renewing it)"
                ) from None
            try:
                result = self.client.index(
                    index=LOCKS,
                    id=self.alias,
                    body=self._body(),
                    if_seq_no=held["_seq_no"],
                    if_primary_term=held["_primary_term"],
                )
            except ex.ConflictError:
                raise IndexLocked(
                    f"another 'releases index' took over the stale build lock of {self.alias} on {self.url} "
                    "just now: wait for it to finish"
                ) from None
            self._remember(result)
        self._renewer = threading.Thread(target=self._renew, name=f"lease-{self.alias}", daemon=True)
        self._renewer.start()

    def stale(self, holder: dict) -> bool:
        """Whether a lock document's holder is gone: its lease ran out, or it was a process here that died."""
        expires = holder.get("expires") or (holder.get("since") or 0) + LEASE_S
        if expires < time.time():
            return True
        return holder.get("host") == self.host and not _process_alive(holder.get("pid"))

    def _renew(self) -> None:
        from opensearchpy import exceptions as ex

        while not self._stop.wait(LEASE_S / 3):
            try:
                result = self.client.index(index=LOCKS, id=self.alias, body=self._body(), **self._version)
                self._remember(result)
            except ex.ConflictError:
                self._lost = True  # another build decided this one was dead and took the lock
                return
            except Exception:  # noqa: BLE001 (the cluster is briefly away: the lease covers two more tries)
                continue

    def check(self) -> None:
        """Fail when the lock was taken over (this build stalled for a whole lease): its writes may clash."""
        if self._lost:
            raise IndexLocked(
                f"this build's lock on {self.alias} lapsed (no renewal for {LEASE_S:g} s) and another build "
                "took it: run the build again once that one has finished"
            )

    def release(self) -> None:
        """Stop renewing and delete the lock if this build still holds it."""
        from opensearchpy import exceptions as ex

        self._stop.set()
        if self._renewer is not None:
            self._renewer.join()
        if self._lost:
            return
        try:
            self.client.delete(index=LOCKS, id=self.alias, params={"ignore": 404}, **self._version)
        except ex.ConflictError:
            pass  # taken over meanwhile: the lock is the other build's now


def _process_alive(pid) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ProcessLookupError, ValueError, TypeError):
        return False
    except PermissionError:
        return True  # someone else's process, but alive
    return True
