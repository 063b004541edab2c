"""A release distributed by e-mail and saved as text: its message headers, then the release.

"From: Acme Investor Relations <ir@acme.example>", "Subject: Acme Reports Record Quarter", "Date: Tue, 4 Mar 2025
16:05:12 -0500" (or Outlook's "Sent: Tuesday, March 4, 2025 4:05 PM") open the file. The headers are no headline:
the subject is the release's headline (a line of the body that prints it again is dropped, and one that differs is a
subheadline) unless it only says what the message is ("Acme news alert") and the body prints a headline of its own (forwarding marks and a "Press Release:" label taken off), and the date is the message's, which a
dateline's date still overrides.
"""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime

from .banners import BULLET_START_RE, ENDS_SENTENCE_RE, is_banner
from .dateline import find_dateline
from .dates import find_dates

# A message header: a known name, a colon, its value ("X-Mailer:" and the like too).
_HEADER_RE = re.compile(
    r"^(?P<key>from|to|cc|bcc|subject|date|sent|reply-to|message-id|mime-version|content-type|importance"
    r"|content-transfer-encoding|x-[\w-]+)[ \t]*:[ \t]*(?P<value>.*)$",
    re.I,
)
# What a forwarded or labelled subject carries before the title: "Fwd:", "RE:", "[External]", "Press Release:"; a
# reply's prefix has a space after its colon ("RE:CIRCLE Ontario ..." is a name).
_SUBJECT_MARKS_RE = re.compile(
    r"^(?:\s*(?:(?:fwd?|fw|re|aw)\s*:(?=\s|\[|(?:fwd?|fw|re|aw)\s*:)|\[(?:external|ext|caution|spam|bulk|marketing)\b[^\]]{0,20}\]|(?:press|news|media)\s+release\s*[:\-\u2013\u2014]))+\s*",
    re.I,
)
# A subject that says what the message is, not what the release says: "Acme news alert", "Weekly digest".
_GENERIC_SUBJECT_RE = re.compile(r"\b(?:alerts?|newsletters?|digests?|bulletins?|notifications?|updates?)\s*$", re.I)
# How far the story may start below the headers: banners ("FOR IMMEDIATE RELEASE") may stand above the dateline.
_OPENING_LINES = 12


def mail_headers(text: str) -> tuple[dict[str, str], str]:
    """({"subject", "date"} of a message's headers, the text after them), or ({}, text) when it opens with none."""
    lines = text.lstrip("\n").split("\n")
    headers: dict[str, str] = {}
    at = 0
    while at < len(lines) and (m := _HEADER_RE.match(lines[at])):
        headers.setdefault(m.group("key").lower(), m.group("value").strip())
        at += 1
    # A message shows who sent it and what it is about; two headers at least, then a blank line.
    if len(headers) < 2 or not ({"from", "subject"} <= headers.keys() or {"subject", "date"} <= headers.keys()):
        return {}, text
    if at < len(lines) and lines[at].strip():
        return {}, text
    fields = {"subject": _SUBJECT_MARKS_RE.sub("", headers.get("subject", "")).strip()}
    when = _message_date(headers.get("date") or headers.get("sent") or "")
    if when:
        fields["date"] = when
    return {k: v for k, v in fields.items() if v}, "\n".join(lines[at:])


def _message_date(value: str) -> str | None:
    """An RFC 2822 date ("Tue, 4 Mar 2025 16:05:12 -0500") as ISO 8601 with its zone; Outlook's "Tuesday, March 4,
    2025 4:05 PM" as its day."""
    try:
        return parsedate_to_datetime(value).isoformat() if value else None
    except (TypeError, ValueError):
        found = find_dates(value)
        return found[0][1].date().isoformat() if found else None


def subject_is_headline(subject: str, body: str) -> bool:
    """Whether a message's subject is its release's headline: it names the release, or the body prints none."""
    generic = len(subject.split()) <= 3 or bool(_GENERIC_SUBJECT_RE.search(subject))
    return bool(subject) and (not generic or prints_no_headline(body))


def drop_opening_copy(body: str, subject: str) -> str:
    """The body without the banners above its story and a line that prints the subject again."""
    lines = body.split("\n")
    at = 0
    wanted = " ".join(subject.split()).casefold()
    while at < min(len(lines), _OPENING_LINES):
        line = lines[at].strip()
        if line and " ".join(line.lstrip("#* ").rstrip("* ").split()).casefold() != wanted:
            if not (len(line) < 120 and is_banner(line, None) and not BULLET_START_RE.match(line)):
                break
        at += 1
    return "\n".join(lines[at:])


def prints_no_headline(text: str) -> bool:
    """Whether the story starts with no headline printed above it: the first line that is no banner is the dateline,
    a bullet or a paragraph of prose (a sentence's end, or longer than any headline)."""
    for line in text.split("\n")[: _OPENING_LINES * 2]:
        line = line.strip()
        if not line or (len(line) < 120 and is_banner(line, None) and not BULLET_START_RE.match(line)):
            continue
        dateline = find_dateline(line)
        if dateline is not None and (dateline.published or dateline.wire):
            return True
        return bool(BULLET_START_RE.match(line) or len(line) > 200 or ENDS_SENTENCE_RE.search(line))
    return False
