"""Issuers: every release tied to its company, by a registry of issuers and rules that resolve a release to one.

- registry.py: Issuer records and the Registry that merges them by trust and looks them up.
- sources.py: a user's issuer file, the SEC's company list.
- resolve.py: a release's evidence -> its issuer; what the corpus teaches (learn).
- names.py: name keys, display forms and cleaning.
- store.py: the issuer file an index keeps (registry, evidence and resolution of every release).
"""

from .registry import Issuer, Registry
from .resolve import Evidence, Resolution, learn, resolve, resolve_release
from .sources import load_registry

__all__ = ["Evidence", "Issuer", "Registry", "Resolution", "learn", "load_registry", "resolve", "resolve_release"]
