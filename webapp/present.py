"""Turning what the core returns into what pages, feeds and exports show, safely.

Everything here treats release text as hostile: it is escaped, or reduced to plain text, before it reaches HTML.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from urllib.parse import urlsplit

from markupsafe import Markup

from indexer.highlight import QueryWords, marked_spans
from indexer.model import Release, counted

from .params import release_url

# The only markup a snippet may carry: the core's highlight tags.
_MARK_RE = re.compile(r'(<mark class="hl term\d{1,6}">|</mark>)')
# Characters XML 1.0 forbids (control characters other than tab, newline and carriage return).
_XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def safe_snippet(snippet: str | None) -> Markup:
    """A snippet as HTML: its text escaped whatever the core did, and only its <mark> tags kept.

    The core already escapes snippets; this holds even if a backend forgot, so release text never becomes markup.
    """
    parts = _MARK_RE.split(snippet or "")
    out = []
    depth = 0
    for i, part in enumerate(parts):
        if i % 2:  # a highlight tag
            if part == "</mark>":
                if depth:
                    out.append(part)
                    depth -= 1
            else:
                out.append(part)
                depth += 1
        else:
            # Unescaping first keeps already-escaped text from being escaped twice.
            out.append(html.escape(html.unescape(part), quote=True))
    out.extend(["</mark>"] * depth)
    return Markup("".join(out))


def plain_text(snippet: str | None) -> str:
    """A snippet as plain text (highlights dropped, entities decoded), for feeds and CSV."""
    return xml_safe(html.unescape(_MARK_RE.sub("", snippet or "")))


def xml_safe(text: str | None) -> str:
    """Text without the control characters XML cannot carry."""
    return _XML_INVALID_RE.sub("", text or "")


def web_link(url: str | None) -> str | None:
    """The URL when it is an http(s) link worth making clickable, else None (javascript:, data:, ...)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c in url for c in "<>\"' \n\t"):
        return url.strip()
    return None


def paragraphs(text: str | None) -> list[str]:
    """A section's paragraphs (the parser joins them with blank lines)."""
    return [p.strip() for p in (text or "").split("\n\n") if p.strip()]


SECTION_TITLES = {"about": "About", "forward_looking": "Forward-looking statements", "contacts": "Contacts"}
# A section's first paragraph that is only its heading ("About ImmunoGen", "Contacts:", "Safe Harbor Statement").
_HEADING_RE = re.compile(
    r"^(?:about\b|contacts?\b|media\b|investors?\b|forward[- ]looking|safe harbor|cautionary)[^!?]{0,70}$", re.I
)


def section_parts(name: str, text: str | None) -> tuple[str, list[str]]:
    """A section's heading and paragraphs; the release's own heading line becomes the heading when it has one."""
    paras = paragraphs(text)
    # One short line with no sentence or details in it: "About Acme Corp." and "Media Contacts:" are headings,
    # "About us. We make..." and "Contact: info@acme.com" are text.
    first = paras[0].rstrip(":").strip() if paras else ""
    if first and len(first) <= 80 and _HEADING_RE.match(first) and not re.search(r"\. |[:@/]", first):
        return first, paras[1:]
    return SECTION_TITLES.get(name, name), paras


def display_datetime(value: str | None) -> str:
    """A release's timestamp for people: the date, plus the time and zone when the source gave them."""
    if not value:
        return "unknown"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None and (moment.hour, moment.minute) == (0, 0):
        return moment.date().isoformat()
    shown = moment.strftime("%Y-%m-%d %H:%M")
    return f"{shown} {moment.strftime('%z')[:3]}:{moment.strftime('%z')[3:]}" if moment.tzinfo else shown


def release_json(release: Release) -> dict:
    """The public JSON form of a release from the index: what `releases parse --json` prints, plus its copies."""
    data = release.to_json()
    # The web's release JSON names the issuer by its registry id (its company page), with the SEC's CIK.
    data.update(issuer=release.issuer_id, cik=release.cik, duplicates=[dict(d) for d in release.duplicates])
    return data


def highlight(text: str | None, words: QueryWords | None) -> Markup:
    """Text as HTML with the query's words marked: everything escaped, only <mark> added."""
    text = text or ""
    out, at = [], 0
    for start, end in marked_spans(text, words) if words else ():
        out += [html.escape(text[at:start]), '<mark class="hl">', html.escape(text[start:end]), "</mark>"]
        at = end
    out.append(html.escape(text[at:]))
    return Markup("".join(out))


# An email address, and a phone number as releases print them: "(781) 895-0600", "+1 646.823.8656", "781-258-6153".
_EMAIL_RE = re.compile(r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_PHONE_RE = re.compile(
    r"(?<![\w/])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\d{2,4}[ .-])\d{2,4}[ .-]\d{3,4}(?![\w/])(?![.-]\d)"
)
_GLUED_PHONE_RE = re.compile(r"(?:\+\d{1,3}[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[.-])\d{3}[.-]\d{4}")
# An international number in groups: "+81-3-3244-3202", "+44 20 7946 0958", "+1 (646) 823-8656": taken whole,
# before any shorter number found inside it.
_INTL_PHONE_RE = re.compile(r"(?<![\w/+])\+\d{1,3}(?:[ .-]?\(\d{1,4}\)|[ .-]\d{1,4}){2,6}(?![\w/])")


def _unglue(found: re.Match) -> str:
    """A phone number run into the words around it, on a line of its own (so an email after it stays whole)."""
    text, start, end = found.string, found.start(), found.end()
    before = "\n" if start and (text[start - 1].isalnum() or text[start - 1] == ".") else ""
    after = "\n" if end < len(text) and text[end].isalpha() else ""
    return before + found.group() + after


def _contact_token(kind: str, value: str) -> str:
    if kind == "email":
        return f'<a href="mailto:{html.escape(value, quote=True)}">{html.escape(value)}</a>'
    digits = re.sub(r"[^\d+]", "", value)
    return f'<a href="tel:{digits}">{html.escape(value)}</a>'


def contact_lines(text: str | None, phones: list[str] = (), emails: list[str] = ()) -> list[Markup]:
    """A contacts block as lines of HTML: one per line of the release, a line broken where a name, a phone
    number and an email run together ("Inc.646.823.8656ksmith@..."), phones as tel: and emails as mailto: links."""
    known = sorted({*phones, *emails}, key=len, reverse=True)
    # A number the parser listed is linked whole only: never the tail of a longer number ("+81-3-3244-3202").
    listed = [rf"(?<!\d)(?<!\d[ .-]){re.escape(k)}(?!\d)(?![ .-]\d)" for k in known if len(k) >= 7]
    patterns = [_INTL_PHONE_RE.pattern, *listed, _EMAIL_RE.pattern, _PHONE_RE.pattern]
    patterns.append(_GLUED_PHONE_RE.pattern)
    token_re = re.compile("|".join(f"(?:{p})" for p in patterns))
    lines: list[Markup] = []
    text = _GLUED_PHONE_RE.sub(_unglue, text or "")
    for raw in re.split(r"\n+|\s+\|\s+|\s*\|\s*(?=\S)", text):
        raw = raw.strip(" |\t")
        if not raw:
            continue
        current, at = [], 0
        for found in token_re.finditer(raw):
            start, end = found.span()
            value = found.group()
            kind = "email" if "@" in value else "phone"
            before = raw[at:start]
            # A token glued to a word before it ("Inc.646...") starts a line of its own; "P: 403..." keeps its label.
            if before and not before[-1].isspace() and before[-1] not in ":(":
                if before.strip():
                    current.append(html.escape(before))
                    lines.append(Markup("".join(current).strip()))
                current = []
            else:
                current.append(html.escape(before))
            current.append(_contact_token(kind, value))
            at = end
            rest = raw[end:]
            if rest and (rest[0].isalnum()):
                lines.append(Markup("".join(current).strip()))
                current = []
        tail = raw[at:]
        if tail.strip():
            current.append(html.escape(tail))
        if "".join(current).strip():
            lines.append(Markup("".join(current).strip()))
    return lines


def register_filters(app) -> None:
    """Make the presentation helpers available in templates."""
    app.jinja_env.filters["snippet"] = safe_snippet
    app.jinja_env.filters["web_link"] = web_link
    app.jinja_env.filters["paragraphs"] = paragraphs
    app.jinja_env.filters["thousands"] = lambda n: f"{int(n):,}"
    app.jinja_env.filters["counted"] = lambda n, noun: counted(int(n), noun)
    app.jinja_env.filters["datetime"] = display_datetime
    app.jinja_env.filters["highlight"] = highlight
    app.jinja_env.globals["section_parts"] = section_parts
    app.jinja_env.globals["contact_lines"] = contact_lines
    app.jinja_env.globals["release_url"] = release_url
