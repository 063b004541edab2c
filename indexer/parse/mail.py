"""A release distributed by e-mail and saved as text: its message headers, then the release.

"From: Acme Investor Relations <ir@acme.example>", "Subject: Acme Reports Record Quarter", "Date: Tue, 4 Mar 2025
16:05:12 -0500" (or Outlook's "Sent: Tuesday, March 4, 2025 4:05 PM") open the file. The headers are no headline:
the subject is the release's headline when the story starts at its dateline with no headline of its own printed
above it (forwarding marks and a "Press Release:" label taken off), and the date is the message's, which a
dateline's date still overrides.
"""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime

from .banners import is_banner
from .dateline import find_dateline
from .dates import find_dates

# A message header: a known name, a colon, its value ("X-Mailer:" and the like too).
_HEADER_RE = re.compile(
    r"^(?P<key>from|to|cc|bcc|subject|date|sent|reply-to|message-id|mime-version|content-type|importance"
    r"|content-transfer-encoding|x-[\w-]+)[ \t]*:[ \t]*(?P<value>.*)$",
    re.I,
)
# What a forwarded or labelled subject carries before the title: "Fwd:", "RE:", "[External]", "Press Release:".
_SUBJECT_MARKS_RE = re.compile(
    r"^(?:\s*(?:(?:fwd?|fw|re|aw)\s*:|\[[^\]]{1,30}\]|(?:press|news|media)\s+release\s*[:\-\u2013\u2014]))+\s*", re.I
)
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


def story_opens_at_dateline(text: str) -> bool:
    """Whether the first line of the text that is not a banner is the dateline: no headline is printed above it."""
    for line in text.split("\n")[: _OPENING_LINES * 2]:
        line = line.strip()
        if not line or is_banner(line, None):
            continue
        dateline = find_dateline(line)
        return dateline is not None and bool(dateline.published or dateline.wire)
    return False
