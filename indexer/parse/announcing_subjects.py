"""The organisation a release's opening presents as announcing, where nothing else names the issuer.

The lede reader takes the first sentence's subject and drops it when it doubts the name: a name cut at a lower-case
word ("Board in the Kitchen, a company renowned for ..., today announced"), one word the headline does not print
("Activate, the world's first active gaming facility ..., is thrilled to open"), or a subject in a later sentence
("... Paywell Inc. today announced the launch of Instant Pay"). A release no reader named takes the first such
subject of the opening whose verb is a release's own ("announced", "launched", "is thrilled to"), when the text keeps
naming it: printed three times, or twice with a legal form.
"""

from __future__ import annotations

import re

from .credits import BRAND_ABOUT_RE
from .names import PERSON_RE, ROLE_RE, STRICT_LEGAL_RE, common_word
from .persons import is_person
from .places import is_place
from .wires import canonical_wire

_UPPER = "A-Z\u00c0-\u00de"
_WORD = rf"(?:[{_UPPER}0-9][\w'\u2019&.\-]*|&)"
# A name: capitalised words, lower-case joining words between them ("Board in the Kitchen"), a legal form after a comma.
_NAME = (
    rf"(?P<name>(?:The[ ]+)?{_WORD}(?:[ ]+(?:(?:in|on|of|the|and|for|at|de|la)[ ]+){{0,2}}{_WORD}){{0,6}}"
    r"(?:,[ ]+(?:Inc|LLC|Ltd|Corp|Co|LLP|PLLC)\.?)?)"
)
# Between the name and its verb: a defined short form, an apposition set off by commas ("Activate, the world's
# first active gaming facility and TikTok viral sensation,"), an adverb.
_BETWEEN = (
    r"(?:[ ]+\([^()]{1,40}\))?(?P<apposition>,[ ]+(?:a|an|the)[ ]+[^,;:.]{3,160},)?"
    r"(?:[ ]+(?:today|recently|officially|proudly))?"
)
# A release's own verbs: what an issuer says it did.
_VERB = (
    r"[ ]+(?:has[ ]+|have[ ]+)?(?:announced|announces|released|releases|launched|launches|unveiled|unveils|introduced"
    r"|introduces|debuted|debuts|opened|opens|will[ ]+(?:host|open|launch|celebrate)|hosts|hosted"
    r"|(?:is|are)[ ]+(?:thrilled|excited|proud|pleased|delighted|honou?red)[ ]+to)\b"
)
# The name opens a sentence: the text's start, after a sentence's end or a paragraph break.
_ANNOUNCING_RE = re.compile(rf"(?:^|(?<=[.!?][ ])|(?<=\n)){_NAME}{_BETWEEN}{_VERB}")


# Shaped like a person's name, internal capitals allowed ("Janet DeMaria", "Ian McLeod"): a person unless called otherwise.
_PERSON_SHAPE_RE = re.compile(rf"[{_UPPER}][a-z]+(?:[ ]+[{_UPPER}]\.)?(?:[ ]+[{_UPPER}][\w'\u2019\-]+){{1,2}}")


def _named_again(name: str, text: str) -> bool:
    """Whether the text keeps naming it: three times, or twice with a legal form."""
    return text.count(name) >= (2 if STRICT_LEGAL_RE.search(name) else 3)


def announcing_subject(lede: str, text: str) -> str | None:
    """For a release no reader named: the first name its opening presents as announcing (see the module's note)."""
    opening = text[: max(len(lede), 1500)]
    for m in _ANNOUNCING_RE.finditer(opening):
        name = re.sub(r"^The[ ]+", "", m.group("name")) if m.group("name").startswith("The ") else m.group("name")
        name = m.group("name") if text.count(m.group("name")) >= text.count(name) - 1 else name
        bare = name.removeprefix("The ")
        if len(bare) < 3 or not _named_again(name, text):
            continue
        if " " not in bare and (common_word(bare, text) or not m.group("apposition") or ROLE_RE.search(m.group(0))):
            continue  # one word, a person's ("Brad introduces ...", "Brad, a veteran physician, ...") or a noun's
        if is_place(bare) or canonical_wire(bare) or BRAND_ABOUT_RE.search(bare):
            continue
        called = m.group("apposition") and not ROLE_RE.search(m.group("apposition"))  # "..., the category leader ...,"
        if (
            PERSON_RE.fullmatch(bare) or _PERSON_SHAPE_RE.fullmatch(bare) or is_person(bare, opening, text)
        ) and not called:
            continue  # "Jane Roe is proud to announce ...": a person's, whose release the author rules decide
        return name
    return None
