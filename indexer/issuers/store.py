"""The issuer file an index keeps beside its segments: the registry it was resolved with, and for every release
what its issuer was resolved from (its evidence) and to (its resolution).

With it, a build learns from every release in the index (not only the files it parsed), and a changed registry
(a new user file, a newer SEC list) re-resolves every release from its stored evidence: only the files whose
issuer actually changes are parsed again.
"""

from __future__ import annotations

import base64
import json
import os
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Release
from .registry import Registry
from .resolve import Evidence, Resolution, learn, resolve

FILENAME = "issuer-records.json"  # every release's evidence and resolution (a build reads it)
REGISTRY_FILENAME = "issuers.json"  # the registry the index was resolved with (a server reads it)
VERSION = 2


@dataclass
class IssuerRecord:
    """One release's issuer: where it came from, what it was resolved from and what the index holds."""

    id: str
    path: str
    evidence: Evidence
    written: Resolution

    def to_json(self) -> list:
        """A compact form (a million of them are kept)."""
        return [self.id, self.path, self.evidence.to_json(), self.written.to_json()]

    @classmethod
    def from_json(cls, data: list) -> IssuerRecord:
        """The record from its compact form."""
        return cls(data[0], data[1], Evidence.from_json(data[2]), Resolution.from_json(data[3]))


def resolve_releases(releases: list[Release], registry: Registry, records: list | None = None) -> None:
    """Fill each release's issuer from the registry, appending what it was resolved from to records."""
    for release in releases:
        evidence = Evidence.of(release)
        resolution = resolve(evidence, registry)
        resolution.apply(release)
        if records is not None:
            records.append(IssuerRecord(release.id, release.path, evidence, resolution))


@dataclass
class IssuerFile:
    """The index's issuer file: the static registry's fingerprint, the learned registry and every release's record."""

    fingerprint: str = ""
    registry: Registry | None = None
    records: dict[str, IssuerRecord] | None = None

    @classmethod
    def load(cls, folder: str | None, records: bool = True) -> IssuerFile:
        """The files in an index generation's folder (without the records when records is False, as a server
        needs only the registry); an empty one when there are none."""
        if not folder or not os.path.isfile(os.path.join(folder, REGISTRY_FILENAME)):
            return cls(records={})
        with open(os.path.join(folder, REGISTRY_FILENAME), encoding="utf-8") as handle:
            saved = json.load(handle)
        if saved.get("version") != VERSION:
            return cls(records={})
        found: dict[str, IssuerRecord] = {}
        if records and os.path.isfile(os.path.join(folder, FILENAME)):
            with open(os.path.join(folder, FILENAME), encoding="utf-8") as handle:
                found = {item[0]: IssuerRecord.from_json(item) for item in json.load(handle)}
        return cls(saved.get("fingerprint", ""), Registry.from_json(saved["registry"]), found)

    def save(self, folder: str) -> None:
        """Write the files into a generation's folder: the registry, and every release's record."""
        registry = {
            "version": VERSION,
            "fingerprint": self.fingerprint,
            "registry": self.registry.to_json() if self.registry else {"issuers": []},
        }
        records = [r.to_json() for r in (self.records or {}).values()]
        for name, data in ((FILENAME, records), (REGISTRY_FILENAME, registry)):
            tmp = os.path.join(folder, name + ".tmp")
            with open(tmp, "w", encoding="utf-8") as handle:
                json.dump(data, handle, separators=(",", ":"))
            os.replace(tmp, os.path.join(folder, name))


@dataclass
class Settled:
    """What settling a build's issuers did."""

    registry: Registry  # the registry with what the corpus teaches
    reparsed_files: int = 0


def settle(
    previous: IssuerFile,
    static: Registry,
    removed_paths: set[str],
    new_records: Iterable[IssuerRecord],
    reparse: Callable[[set[str], Registry], list[IssuerRecord]],
) -> tuple[IssuerFile, Settled]:
    """Learn from every release's evidence, re-resolve them all, and re-index (by reparse) the files whose issuer
    changed: new releases resolved before the corpus taught its lesson, or all of them after a registry change."""
    records = {rid: rec for rid, rec in (previous.records or {}).items() if rec.path not in removed_paths}
    for record in new_records:
        records[record.id] = record
    learned = learn(_evidence_in_order(records), static)
    stale = {r.path for r in records.values() if resolve(r.evidence, learned) != r.written}
    settled = Settled(learned)
    if stale:
        for record in [r for r in records.values() if r.path in stale]:
            del records[record.id]
        for record in reparse(stale, learned):
            records[record.id] = record
        settled.reparsed_files = len(stale)
    # The saved registry holds the issuers the index has releases of (what its pages show), not the whole SEC list.
    present = {r.written.issuer_id for r in records.values() if r.written.issuer_id}
    shown = Registry([learned.get(i) for i in sorted(present) if learned.get(i) is not None])
    return IssuerFile(static.fingerprint(), shown, records), settled


def starting_registry(previous: IssuerFile, static: Registry) -> Registry:
    """What a build's workers resolve with: what the index's releases taught, when its sources are unchanged
    (then a build settles with no file parsed twice); else the sources alone."""
    if previous.records and previous.fingerprint == static.fingerprint():
        return learn(_evidence_in_order(previous.records), static)
    return static


def _evidence_in_order(records: dict[str, IssuerRecord]) -> list:
    """Every record's evidence in the order of release ids, so that what a build learns does not depend on the
    order its workers finished in."""
    return [records[rid].evidence for rid in sorted(records)]


def registry_to_text(registry: Registry) -> str:
    """A registry as one compact ASCII string (zlib and base64: 2,096 issuers take 49 kB), for a backend that keeps
    it beside its documents rather than in a file (OpenSearch: the index's _meta)."""
    return base64.b64encode(zlib.compress(registry.dumps().encode("utf-8"), 9)).decode("ascii")


def registry_from_text(text: str) -> Registry:
    """The registry registry_to_text wrote."""
    return Registry.from_json(json.loads(zlib.decompress(base64.b64decode(text)).decode("utf-8")))
