"""The project a crypto token promotion sells in its presale, over the coins its story discusses.

A paid article about a presale opens on the market ("Ripple Selling 400m XRP, Price Dump Incoming? ...") and turns to
the project it promotes ("Thankfully, ... Raboo's presale is here!", "Visit the Raboo presale here:
rabootoken.com"): the release is the project's, whatever coin the headline names first. The project is the name the
text sells as a presale ("Raboo's presale", "the KangaMoon presale") or whose own web address it links to, and that
the text keeps naming.
"""

from __future__ import annotations

import re

from .names import fold, has_word
from .places import is_place
from .wires import canonical_wire

_PRESALE_RE = re.compile(r"\b[Pp]re-?[Ss]ale\b")
_PRESALE_WORDS = ("resale", "reSale", "re-sale", "re-Sale")
# A token's story: coins, tokens, crypto.
_CRYPTO_RE = re.compile(r"\b(?:crypto|token|coin|meme ?coin|altcoin|blockchain)s?\b", re.IGNORECASE)
_NAME = r"(?P<name>[A-Z][A-Za-z0-9]{1,40}(?:[ ][A-Z][A-Za-z0-9]{1,40})?)"
# "Raboo's presale", "the KangaMoon (KANG) presale", "Cutoshi token presale", "presale of Elluminex".
_SOLD_RE = re.compile(
    rf"{_NAME}(?:['\u2019]s)?(?:[ ]\(\$?[A-Z0-9]{{2,8}}\))?[ ](?:[Tt]oken[ ])?[Pp]re-?[Ss]ale\b"
    rf"|\b[Pp]re-?[Ss]ale[ ]of[ ]{_NAME.replace('?P<name>', '?P<after>')}"
)
# A link's host: "https://rabootoken.com?...", "www.kangamoon.com/".
_HOST_RE = re.compile(r"(?:https?://|\bwww\.)(?:www\.)?([a-z0-9\-]{1,63})\.[a-z]{2,6}\b", re.IGNORECASE)
# A project's site adds a word to its name: rabootoken.com, kangamooncoin.io.
_HOST_SUFFIXES = ("", "token", "coin", "official", "app", "io", "ai")
# A capitalised word or two in running text.
_RUN_RE = re.compile(r"(?<![\w$])[A-Z][A-Za-z0-9]{1,40}(?:[ ][A-Z][A-Za-z0-9]{1,40})?")
# Words that open a sentence or a heading, never a project's name.
_NOT_NAMES = {"the", "its", "this", "with", "why", "what", "how", "new", "visit", "join", "buy", "token", "crypto"}


def _spelled_by_host(name: str, hosts: set[str]) -> bool:
    """Whether a linked host is the name, alone or with a word a project's site adds ('rabootoken' for Raboo)."""
    joined = re.sub(r"[^a-z0-9]", "", fold(name))
    return len(joined) >= 4 and any(joined + suffix in hosts for suffix in _HOST_SUFFIXES)


def _own_site(company: str, hosts: set[str]) -> bool:
    """Whether a linked host spells the pick or its first word ("skyren.io" for Skyren DAO)."""
    return _spelled_by_host(company, hosts) or _spelled_by_host(company.split(" ")[0], hosts)


def promoted_presale(text: str, company: str | None) -> str | None:
    """The project a token story promotes in its presale, when it is not the pick (see the module's note); None when
    the story sells no presale, the pick is that project, or no project is named often enough to be sure."""
    # Substring tests first: a regular expression tried at every position costs a twentieth of a parse.
    if not any(word in text for word in _PRESALE_WORDS) or not _PRESALE_RE.search(text) or not _CRYPTO_RE.search(text):
        return None
    hosts = {h.lower().replace("-", "") for h in _HOST_RE.findall(text)}
    counts: dict[str, int] = {}
    for m in _SOLD_RE.finditer(text):
        name = m.group("name") or m.group("after")
        if name.split(" ")[0].lower() in _NOT_NAMES:
            name = name.partition(" ")[2]
        if name and name.lower() not in _NOT_NAMES:
            counts[name] = counts.get(name, 0) + 1
    for run in _RUN_RE.finditer(text):  # a name its own linked site spells, sold or not in so many words
        if run.group(0) not in counts and _spelled_by_host(run.group(0), hosts):
            counts[run.group(0)] = 0
    for name in sorted(counts, key=lambda n: -counts[n]):
        if name.isupper() and re.search(rf"\(\$?{re.escape(name)}\)|\${re.escape(name)}\b", text):
            continue  # the token's symbol ("ETFSwap (ETFS) presale"), not the project
        printed = sum(1 for _ in re.finditer(rf"(?<![\w$]){re.escape(name)}(?!\w)", text))
        # Sold as the presale and named throughout, or its own site linked and named three times.
        if not (printed >= 4 or (printed >= 3 and _spelled_by_host(name, hosts))):
            continue
        if is_place(name) or canonical_wire(name):
            continue
        if company and (has_word(company, name) or has_word(name, company) or fold(company).startswith(fold(name))):
            return None  # the pick is the project ("Cutoshi", "Dawgz AI Token", "AIGOLD" sold as "AIG")
        if company and _own_site(company, hosts) and not _spelled_by_host(name, hosts):
            return None  # the pick links its own site, the other project none: "Skyren DAO" airdrops to presale buyers
        return name
    return None
