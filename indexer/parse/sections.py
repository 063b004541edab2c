"""Sections of a release: lede, body, 'About' boilerplate, forward-looking statements, contacts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ABOUT_RE = re.compile(r"^(?:#+\s*)?\**\s*About\s+(?P<name>[^\n]{2,80}?)\s*\**:?\s*$", re.I)
_ABOUT_INLINE_RE = re.compile(r"^(?:#+\s*)?\**About\s+(?P<name>[A-Z][^\n:]{1,60}?)\**\s*[:\n]", re.I)
_FLS_RE = re.compile(
    r"^(?:#+\s*)?\**\s*(?:Cautionary\s+(?:Note|Statement)|Forward[- ]Looking\s+Statements?|Safe\s+Harbor"
    r"|Note\s+Regarding\s+Forward|Special\s+Note\s+Regarding|Disclaimer|This\s+(?:press\s+)?release\s+"
    r"(?:contains|includes|may\s+contain)\s+(?:certain\s+)?[\"\u201c]?forward[- ]looking)",
    re.I,
)
_CONTACT_RE = re.compile(
    r"^(?:#+\s*)?\**\s*(?:(?:Media|Investor|Press|Company|IR)\s*(?:Relations\s*)?(?:and\s+\w+\s+)?Contacts?"
    r"|Contacts?\s*(?:Information|Info)?\s*:|CONTACT\b|For\s+(?:further|more)\s+information,?\s+(?:please\s+)?contact"
    r"|SOURCE\s*:|Investors?\s*:|Media\s*:|Press\s*:|For\s+(?:Investors|Media)\s*:)",
    re.I,
)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(r"(?:\+?\d{1,3}[\s.-])?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")


@dataclass
class Sections:
    """A release's text split by what each part is for."""

    lede: str = ""
    body: str = ""
    about: str = ""
    about_name: str | None = None
    forward_looking: str = ""
    contacts: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)


def split_sections(paragraphs: list[str]) -> Sections:
    """Split paragraphs (the dateline already removed from the first) into sections."""
    out = Sections()
    kind = "lede"
    parts: dict[str, list[str]] = {"lede": [], "body": [], "about": [], "forward_looking": [], "contacts": []}
    for para in paragraphs:
        text = para.strip()
        if not text:
            continue
        if kind != "lede" or parts["lede"]:
            about = _ABOUT_RE.match(text) or _ABOUT_INLINE_RE.match(text)
            if about and len(parts["body"]) + len(parts["lede"]) > 0:
                kind = "about"
                out.about_name = out.about_name or about.group("name").strip(" *:")
            elif _FLS_RE.match(text):
                kind = "forward_looking"
            elif _CONTACT_RE.match(text) and kind != "lede":
                kind = "contacts"
            elif kind == "lede":
                kind = "body"
        parts[kind].append(text)
        if kind == "lede":
            kind = "body"
    for name, paras in parts.items():
        setattr(out, name, "\n\n".join(paras))
    tail = out.contacts or ""
    out.emails = list(dict.fromkeys(EMAIL_RE.findall(tail)))
    out.phones = list(dict.fromkeys(PHONE_RE.findall(tail)))
    return out
