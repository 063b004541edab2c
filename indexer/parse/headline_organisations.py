"""For a release no reader named: an organisation its headline names, or the firm its headline's person gives their
surname to, or the name its headline closes with, when the text keeps naming it.

"Rare 1956 Mercedes-Benz 300C ... Joins the DFW Car & Toy Museum" is the museum's, printed four times; "Rob Edwards On
Why Florida Remains ..." is Edwards Asset Management's, "the Managing Director ... at Edwards Asset Management".
"""

from __future__ import annotations

import re

from .persons import is_person
from .places import is_place
from .wires import canonical_wire

_WORD = r"[A-Z0-9][\w'\u2019\-]{0,40}"  # bounded: a hostile headline of one huge word stays linear
# An organisation ending in a word only organisations end with ("Museum", "School", "Asset Management").
_ORG_END = (
    r"(?:Museum|School|Academy|College|University|Hospital|Clinic|Church|Library|Zoo|Foundation|Association|Society"
    r"|Institute|Council|Center|Centre|Club|Company|Group|Agency|Partners|Management|Advisors|Realty|Bank)"
)
# Words a name made of nothing else leaves unnamed ("City Council", "County School").
_GENERIC_WORDS = {
    "City", "Town", "County", "State", "Village", "National", "Regional", "Community", "Public", "Council", "Board",
    "Commission", "School", "Museum", "Club", "Center", "Centre", "Church", "Library", "Hospital", "Foundation",
    "Association", "Society", "Institute", "Company", "Group", "Agency", "Academy", "College", "University", "Bank",
}  # fmt: skip
_ORG_RE = re.compile(rf"(?:{_WORD}[ ](?:(?:&|and|of|for|the)[ ])?){{1,5}}{_ORG_END}\b")
_OF_TAIL_RE = re.compile(rf"[ ]of[ ](?:the[ ])?{_WORD}(?:[ ]{_WORD}){{0,2}}")
# A headline opening with a person: "Rob Edwards On Why ...", "Jane Q. Roe: ...".
_HEADLINE_PERSON_RE = re.compile(
    r"^(?P<first>[A-Z][a-z]+)(?:[ ][A-Z]\.)?[ ](?P<surname>[A-Z][a-z][\w'\u2019\-]*)(?=[ :,])"
)


def _kept(name: str, text: str, times: int) -> bool:
    """Printed often enough as a name of its own (not the tail of a longer one: "Toy Museum" of "DFW Car & Toy
    Museum"), and neither a place nor a wire."""
    if text.count(name) < times or is_place(name) or canonical_wire(name):
        return False
    alone = 0
    for m in re.finditer(re.escape(name), text):
        before = text[max(0, m.start() - 40) : m.start()]
        if before[-1:].isalnum():
            continue  # inside a longer word
        word = before.rstrip().rsplit(" ", 1)[-1] if before.endswith(" ") else ""
        if not (word[:1].isupper() or word in ("&", "and", "of")):
            alone += 1
    return alone >= times


def headline_organisation(headline: str, text: str) -> str | None:
    """The organisation the headline names and the text prints three times, else the firm named after the headline's
    person printed twice (see the module's note)."""
    text = re.sub(r"\s+", " ", text)  # a name broken across lines (columns of PDF text) is one name
    headline = headline[:300]
    for m in _ORG_RE.finditer(headline):
        words = m.group(0).split(" ")
        for start in range(len(words) - 1):  # "Red Joins the DFW Car & Toy Museum": the shortest start the text keeps
            name = " ".join(words[start:])
            # Not the tail of a longer name the text prints: "City Council" of "Haltom City Council" (a title-case
            # verb before it is no part of it: "... Joins DFW Car & Toy Museum").
            follows = start == 0 or words[start - 1][:1].islower() or f"{words[start - 1]} {name}" not in text
            generic = all(word in _GENERIC_WORDS for word in words[start:])  # "City Council": whose, it does not say
            if (
                follows
                and not generic
                and words[start][:1].isupper()
                and words[start] != "The"
                and _kept(name, text, 3)
            ):
                # "Shincheonji Church of Jesus ...": its "of" part too, when the text prints that as often.
                longer = _OF_TAIL_RE.match(headline, m.end())
                whole = name + longer.group(0) if longer else name
                return whole if text.count(whole) >= text.count(name) - 1 else name
    person = _HEADLINE_PERSON_RE.match(headline)
    named = person and f"{person.group('first')} {person.group('surname')}"
    if (
        named
        and len(person.group("surname")) >= 3
        and person.group("surname") not in _GENERIC_WORDS  # "Haltom City": a place, not a person
        and text.replace(headline, "").count(named) >= 1
    ):
        surname = person.group("surname")
        for m in re.finditer(rf"\b{re.escape(surname)}(?:[ ]{_WORD}){{0,3}}[ ]{_ORG_END}\b", text):
            # Printed twice, once at least as a name of its own ("Health In Hand Foundation" is no "In" firm).
            if text.count(m.group(0)) >= 2 and _kept(m.group(0), text, 1):
                return m.group(0)
    return None


# A headline closing with a name after a preposition: "Durability Meets Design in 2024 with Acme Tiles Springfield"
# (not "by": "... Poems About Growing Up" by Jane Roe" names a work's author).
_CLOSING_NAME_RE = re.compile(rf"[ ](?:with|from|at)[ ](?P<name>{_WORD}(?:[ ](?:&[ ])?{_WORD}){{1,3}})$")
# A third-person present verb after the name: "Acme Tiles Springfield stands out", "... excels in ...".
_ACTS_RE = r"[ ](?:[a-z]+s|is|has)\b"


def headline_closing_name(headline: str, lede: str, text: str) -> str | None:
    """The name a headline closes with after a preposition, when the story prints it alone three times and makes it
    the subject of a verb twice ("... with Acme Tiles Springfield" over "Acme Tiles Springfield stands out ...", "...
    excels ..."); not a person ("... with Jane Roe" over "Jane Roe shares her ...")."""
    m = _CLOSING_NAME_RE.search(headline[:300].rstrip(" .!"))
    if not m:
        return None
    name = m.group("name")
    story = re.sub(r"\s+", " ", text.replace(headline, ""))
    if not _kept(name, story, 3) or len(re.findall(re.escape(name) + _ACTS_RE, story)) < 2:
        return None
    return None if is_person(name, lede, text) or is_person(name, story, text) else name
