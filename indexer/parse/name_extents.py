"""Where a name read from a release's opening starts and ends: not at an imperative verb or a "<place>-based"
description before it, nor at a lower-case word inside it."""

from __future__ import annotations

import re

from .names import VERBS, fold, has_word, leading_name

# "Join Cboe® for an educational webinar ...", "Meet Acme at booth 12": a call to the reader, not part of the name.
_IMPERATIVES = {"join", "meet", "visit", "discover", "explore", "attend", "experience", "celebrate", "welcome", "support"}  # fmt: skip

# "Virginia Beach, Va.-based Kilsar, which ...", "New York-based Cotulla Holdings": where the subject is based.
_BASED_RE = re.compile(r"^(?:[A-Z][\w.'\u2019\-]*\s+){0,3}[A-Z][\w.'\u2019]*(?:,\s+[A-Z][\w.]*)?-based\s+(?=[A-Z0-9])")


def imperative_cut(name: str | None, text: str) -> str | None:
    """The name without an imperative verb opening the lede before it ("Join Cboe" -> "Cboe"), when the text prints the
    rest of the name without the verb elsewhere."""
    if not name or " " not in name:
        return name
    verb, rest = name.split(" ", 1)
    if verb.lower() not in _IMPERATIVES:
        return name
    # Printed again as a whole, the verb is the name's ("Discover Puerto Rico", a tourism agency).
    return rest if text.count(name) == 1 and has_word(text.replace(name, ""), rest) else name


def based_subject(lede: str) -> str | None:
    """The subject after a "<place>-based" description opening the lede: "Virginia Beach, Va.-based Kilsar, which is
    building ..." -> "Kilsar" (the place is where the subject is, not the subject)."""
    m = _BASED_RE.match(lede)
    return leading_name(lede[m.end() :]) if m else None


def _opens_as_name(text: str, name: str) -> bool:
    """Whether text opens with the name followed by a verb, a comma, a bracket or nothing."""
    if not text.startswith(name):
        return False
    rest = text[len(name) :]
    nxt = rest.split(maxsplit=1)[0].lower() if rest.strip() else ""
    return not rest.strip() or rest[:1] in ",(:" or nxt in VERBS


# Up to three words after a name (one compiled pattern, matched after the name: not a pattern built per name).
_NAME_TAIL_RE = re.compile(r"((?:\s+[\w&'\u2019\-]+){1,3})")


def lower_case_spelling(name: str | None, headline: str, lede: str, text: str) -> str | None:
    """The whole name where the one read from the lede stopped at a lower-case word inside it: the headline's Title
    Case spelling ("Switched on London stresses ..." under "Switched On London Highlights ...", the text printing
    "Switched On London" too), or the lede's, when the headline opens with it too ("Board in the Kitchen, a premier
    provider ..." under "Board in the Kitchen Announces ...")."""
    if not name:
        return name
    opening = lede.lstrip()
    m = _NAME_TAIL_RE.match(opening, len(name)) if opening.startswith(name) else None
    if not m:
        return name
    words = m.group(1).split()
    for size in range(len(words), 0, -1):
        tail = words[:size]
        if not tail[-1][:1].isupper() or not any(w[:1].islower() for w in tail):
            continue
        spelled = " ".join([name, *tail])
        # Not a place after the name ("... Psychiatry in North Bethesda, MD"), nor a second name ("Cisco and Goldman
        # Sachs to host ...": two issuers).
        joined = not any(w in ("and", "&") for w in tail) and (tail[0] != "in" or tail[1:2] == ["the"])
        if joined and _opens_as_name(headline, spelled) and _opens_as_name(lede.strip(), spelled):
            return spelled  # "Board in the Kitchen Announces ..." over "Board in the Kitchen, a premier provider ..."
        start = fold(headline).find(fold(spelled))
        titled = headline[start : start + len(spelled)] if start == 0 else ""
        if (
            titled
            and fold(titled) == fold(spelled)
            and titled != spelled
            and all(w[:1].isupper() for w in titled.split())
        ):
            if has_word(text.replace(spelled, ""), titled):
                return titled
    return name


# "HIGHLIGHTSMarriott International, Inc.", "ABOUT ACTIVATE CAPITALActivate Capital": a heading in capitals run into
# the name after it.
_CAPS_HEADING_RE = re.compile(
    r"^(?P<caps>[A-Z0-9][A-Z0-9&.'\-]*(?:\s+[A-Z0-9&.'\-]+)*?)(?P<gap>\s*)(?P<name>[A-Z][a-z].*)$"
)


def caps_heading_cut(name: str | None, text: str) -> str | None:
    """The name without a heading in capitals run into it: glued to it ("HIGHLIGHTSMarriott International, Inc."),
    or repeating it ("ABOUT CLAY BRIDGES PRESS Clay Bridges Press"), when the text prints the name elsewhere."""
    m = _CAPS_HEADING_RE.match(name or "")
    if not m or sum(ch.isalpha() for ch in m.group("caps")) < 4:
        return name
    rest = m.group("name")
    repeats = fold(rest) in fold(m.group("caps"))
    if (m.group("gap") and not repeats) or not has_word(text.replace(name, ""), rest):
        return name
    return rest


# "Craig, Kelley & Faultless, a personal injury firm": partners' surnames joined by commas and a last "&" or "and";
# "Skin, Bones, Hearts & Private Parts, a provider of ...": a name built as a list, its last item of up to three words.
_PARTNERS_RE = re.compile(
    r"(?:,\s+[A-Z][\w'\u2019\-]+){1,4},?\s+(?:&|and)\s+[A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+){0,2}"
    r"(?:,?\s+(?:LLP|LLC|PLLC|P\.C\.|P\.A\.))?"
)


def partners_name(name: str | None, headline: str, lede: str) -> str | None:
    """A firm named for its partners that a comma cut short ("Craig" of "Craig, Kelley & Faultless, a ... firm"), or a
    name built as a list ("Skin, Bones, Hearts & Private Parts"), when the lede opens with the whole name and the
    headline prints it too (a list of things is not printed as a name)."""
    if not name or not lede.startswith(name):
        return name
    m = _PARTNERS_RE.match(lede, len(name))
    if not m:
        return name
    whole = lede[: m.end()]
    after = lede[m.end() :]
    if not after.startswith((",", " is ", " has ", " announced", " today")) or whole not in headline:
        return name
    return whole
