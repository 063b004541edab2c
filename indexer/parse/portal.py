"""A news portal's page around a release it reposts: its menus above the headline, its other stories below the text.

A page saved as Markdown or text keeps the portal's navigation (a "Skip to content" link, a menu of links, a
breadcrumb "Home > Press Releases > Business") above the release and, after it, share links and a "Related news"
list of other companies' headlines. Neither is the release: navigation is never a headline, and the related stories
must not lend their names or listings to it.
"""

from __future__ import annotations

import re
from datetime import datetime

from .banners import ENDS_SENTENCE_RE, lone_date, title_case
from .wires import canonical_wire

# A Markdown link or image, a bare address: what a navigation line is made of.
_LINK_RE = re.compile(r"!?\[[^\]]*\]\([^)]*\)|<https?://[^>]+>|https?://\S+")
_LIST_MARK_RE = re.compile(r"^(?:[*+\-\u2022]|\d{1,2}[.)])\s+")
# What may stand between a navigation line's links: separators and a label ("Share:", "Follow us").
_BETWEEN_RE = re.compile(
    r"^[\s|\u00b7\u2022/,:>\u203a\u00bb-]*(?:(?:share|follow(?:\s+us)?|menu)\s*:?)?[\s|\u00b7\u2022/,:>]*$", re.I
)
# "Home > Press Releases > Business", "Home / News / Technology", "News » Business": a breadcrumb's short parts.
_CRUMB_SEP_RE = re.compile(r"\s+(?:>|\u203a|\u00bb|/)\s+")
_CRUMB_MARK_RE = re.compile(r"[>\u203a\u00bb/]")
_CRUMB_PART_RE = re.compile(r"^[A-Z][\w&'.\-]*(?:\s+[\w&'.\-]+){0,3}$")
# A page's controls saved as text: "Skip to main content", "Toggle navigation", "Sign In", "Back to top".
_NAV_PHRASE_RE = re.compile(
    r"^(?:skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|main|search)|toggle\s+(?:navigation|menu|search)"
    r"|(?:main\s+|open\s+|close\s+)?menu|search|sign\s+(?:in|up|out)|log\s*(?:in|out)|subscribe(?:\s+now)?|register"
    r"|back\s+to\s+top|share(?:\s+this(?:\s+(?:article|story|post|page))?)?|print(?:\s+this)?|e-?mail|advertisement)$",
    re.I,
)
_NAV_SPLIT_RE = re.compile(r"\s*[|\u00b7\u2022]\s*")
# The heading of a portal's list of other stories.
_RELATED_RE = re.compile(
    r"^(?:#{1,6}\s*)?\**(?:related\s+(?:news|articles?|stories|posts|content|coverage|releases?)|more\s+(?:news|stories|"
    r"from\s+\S+(?:\s+\S+)?|press\s+releases)|other\s+(?:news|stories)|you\s+(?:may|might)\s+also\s+like|recommended"
    r"(?:\s+(?:for\s+you|stories|articles))?|trending(?:\s+now)?|latest\s+(?:news|stories|press\s+releases)|"
    r"read\s+(?:more|next))\**\s*:?\s*$",
    re.I,
)


# A page's line about the release, its parts set apart by bars or dots: "Published November 20, 2019 | Press
# Releases", "Posted on: 2024-05-28", "By Business Wire | March 4, 2021", "Updated March 5 | Published March 4, 2021".
_PART_SPLIT_RE = re.compile(r"\s+[|\u00b7\u2022]\s+|\s*\|\s*")
_PUBLISHED_RE = re.compile(
    r"^(?:(?P<kind>published|posted|updated|modified|last\s+updated)(?:\s+on)?\s*:?\s+)?(?P<rest>.+)$", re.I
)
_BY_WIRE_RE = re.compile(r"^(?:by|source|via|from|distributed\s+by|provided\s+by)\s*:?\s+(?P<wire>.+)$", re.I)
_SECTION_RE = re.compile(r"^[A-Z][\w&'\-]*(?:\s+[\w&'\-]+){0,2}$")
_DIGIT_RE = re.compile(r"\d")
_PAGE_HINT_RE = re.compile(
    r"\s*(?:published|posted|updated|modified|last\s+updated|by|source|via|from|distributed\s+by|provided\s+by)\b", re.I
)


def page_line(line: str) -> tuple[datetime | None, str | None] | None:
    """(date, wire) a portal's line about the release gives, or None when the line is not one.

    The date is the "Published" or "Posted" one (an "Updated" date is the page's, not the release's), or a bare date;
    the wire is a wire's name after "By" or "Source:". Every part must be one of those or a section's short name,
    and one must be a date or a wire: a sentence is never such a line.
    """
    if len(line) > 160 or not (_PAGE_HINT_RE.match(line) or "|" in line or "\u00b7" in line or "\u2022" in line):
        return None  # neither a label it opens with nor parts set apart (a lone date is read as one elsewhere)
    when: datetime | None = None
    wire: str | None = None
    found = False
    for part in _PART_SPLIT_RE.split(line.strip()):
        by = _BY_WIRE_RE.match(part)
        if by and canonical_wire(by.group("wire")):
            wire, found = wire or canonical_wire(by.group("wire")), True
            continue
        if not _DIGIT_RE.search(part):  # no date without a figure: a section's name or nothing of the kind
            if not _SECTION_RE.match(part):
                return None
            continue
        m = _PUBLISHED_RE.match(part)
        day = lone_date(m.group("rest")) if m else None
        if day is not None:
            kind = (m.group("kind") or "published").lower()
            if kind in ("published", "posted"):
                when = when or day
            found = True
            continue
        if not _SECTION_RE.match(part):
            return None
    return (when, wire) if found else None


# A quick look for a related-stories heading's first word at a line's start, before the lines are walked (a search
# led by a newline runs several times faster than one anchored at every line).
_ANY_RELATED_RE = re.compile(
    r"\n[#* \t]*(?:[Rr]elated|RELATED|[Mm]ore|MORE|[Oo]ther|OTHER|[Yy]ou|YOU|[Rr]ecommended|RECOMMENDED|[Tt]rending"
    r"|TRENDING|[Ll]atest|LATEST|[Rr]ead|READ)\b"
)


_TAIL_CHARS = 12000


def navigation(line: str) -> bool:
    """Whether a line is a page's navigation: only links (a menu item, "Skip to content"), or a breadcrumb."""
    stripped = _LIST_MARK_RE.sub("", line.strip())
    if not stripped:
        return False
    if ("](" in stripped or "http" in stripped) and _BETWEEN_RE.match(_LINK_RE.sub(" ", stripped)):
        return True
    if len(stripped) <= 60 and all(_NAV_PHRASE_RE.match(part) for part in _NAV_SPLIT_RE.split(stripped)):
        return True
    if len(stripped) > 100 or not _CRUMB_MARK_RE.search(stripped):
        return False
    parts = _CRUMB_SEP_RE.split(stripped)
    return len(parts) >= 3 and all(_CRUMB_PART_RE.match(part) for part in parts)


def strip_related(text: str) -> str:
    """The text without a portal's tail: from a "Related news" heading whose list is links (other stories), and share
    lines of links just above it, to the end."""
    # A portal's list of other stories and its footer close the page: only the page's last part is looked at, and
    # only lines that open with a heading's first word are read whole.
    starts = [m.start() + 1 for m in _ANY_RELATED_RE.finditer(text, max(0, len(text) - _TAIL_CHARS))]
    for start in reversed(starts):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if not _RELATED_RE.match(text[start:end].strip()):
            continue
        after = [line.strip() for line in text[end:].split("\n") if line.strip()]
        listed = [line for line in after if _LIST_MARK_RE.match(line) or navigation(line) or _story_title(line)]
        if not after or len(listed) * 2 < len(after):
            return text  # a section of the release that happens to carry the heading's words
        lines = text[:start].split("\n")
        while lines and (not lines[-1].strip() or navigation(lines[-1])):
            lines.pop()
        return "\n".join(lines) + "\n"
    return text


def _story_title(line: str) -> bool:
    """A line that reads as another story's headline: short, in title case, no sentence ended."""
    return len(line) <= 160 and title_case(line) and not ENDS_SENTENCE_RE.search(line)
