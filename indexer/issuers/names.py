"""Issuer names: the key two spellings of one name share, a display form of the SEC's upper-case names, cleaning."""

from __future__ import annotations

import re

from ..parse.names import core_words, tidy_name

# The SEC's conformed names end with a state or a note: "COSTCO WHOLESALE CORP /NEW", "QUALCOMM INC/DE".
_SEC_SUFFIX_RE = re.compile(r"(?<!\bA)\s*/[A-Z]{0,4}/?\s*$")  # not "Rockwool A/S"
# Mixed-case ones too, after a legal form or set off by spaces: "Alight, Inc. / Delaware", "Core Scientific,
# Inc./tx", "Blue Acquisition Corp/Cayman", "Pandora A/S / ADR" (not "Quad/Graphics, Inc.", "Data I/O Corp.").
_MIXED_SUFFIX_RE = re.compile(
    r"(?:\s+/\s*|(?<=[a-z]\.)/\s*|\b(?P<legal>Inc|Corp|Ltd|Co|plc|PLC|SA|AG|SE|NV|LLC|LP|AB|III|II|IX|IV|X)/\s*)"
    r"(?:[A-Z]{1,4}|[A-Za-z]{2}|Delaware|Nevada|Canada|Bermuda|Cayman(?:\s+Islands)?|Marshall\s+Islands"
    r"|British\s+Virgin\s+Islands|Jersey|Guernsey|ADR|NEW)\s*$"
)
# Legal forms written out as issuers print them.
_LEGAL_DISPLAY = {
    "INC": "Inc.", "INC.": "Inc.", "CORP": "Corp.", "CORP.": "Corp.", "CO": "Co.", "CO.": "Co.", "LTD": "Ltd.",
    "LTD.": "Ltd.", "PLC": "plc", "NV": "N.V.", "N.V.": "N.V.", "SA": "S.A.", "S.A.": "S.A.", "AG": "AG",
    "SE": "SE", "LLC": "LLC", "LP": "L.P.", "L.P.": "L.P.", "LLP": "LLP", "ASA": "ASA", "AB": "AB",
}  # fmt: skip
_JOINERS = {"OF", "AND", "THE", "FOR", "DE", "&"}
_LEGAL_WORDS = {word.rstrip(".") for word in _LEGAL_DISPLAY}
# Short words the SEC's names hold that are words, not initials ("NEW YORK TIMES", "AIR LEASE").
_SHORT_WORDS = set(
    "NEW ONE TWO AIR OIL GAS BIO BAY SUN CAR ART BIG RED TOP WEB NET SEA SKY LAW MAN BOX CUP FOX ICE INN JET KEY "
    "LAB LIFE MED PAY PET RAY SUB TEA TEN TIN TOY VAN WAY WIN ZOO AGE AID ALL ANY ARC ARM ASK BAR BED BEE BIT CAP "
    "COW DAY DOG DRY EYE FAN FAR FIT FLY FUN GEM GOLD GO HUB HOT INK LEAF LOT MAX MIX NOW OAK OWN PEN PRO RUN SIX "
    "SKI SPA TAP TAX TRI USA".split()
)
# Possessives and fragments a headline leaves on a name ("Inc.'s", "Acme's").
_POSSESSIVE_RE = re.compile(r"[\u2019']s?\b$")
# A place printed after a name ("Acme Corp., Florida") or alone.
_PLACE_TAIL_RE = re.compile(r",\s+(?:[A-Z][a-z]+\.?)(?:\s+[A-Z][a-z]+\.?)?$")


def name_key(name: str | None) -> str:
    """The key spellings of one name share: its words without legal forms, case or punctuation ('Apple Inc.' -> apple)."""
    return "".join(core_words(name))


def display_name(name: str) -> str:
    """A readable form of a name; the SEC's upper-case names are written as issuers print them."""
    name = _MIXED_SUFFIX_RE.sub(lambda m: m.group("legal") or "", _SEC_SUFFIX_RE.sub("", name.strip()))
    name = re.sub(r"\.{2,}$", ".", name)  # "LaFleur Minerals Inc.."
    # "PROCTER & GAMBLE Co", "CARRIER GLOBAL Corp": upper case but for the legal form is an upper-case name too.
    words = [w for w in name.replace(",", " ").split() if w.upper().rstrip(".") not in _LEGAL_WORDS]
    # One upper-case word may be how the issuer writes itself ("USBC, Inc.", "ANGLE plc"): kept when mixed.
    mixed = any(ch.islower() for ch in name)
    if any(ch.islower() for w in words for ch in w if w.upper() not in _JOINERS) or (mixed and len(words) < 2):
        return name
    words: list[str] = []
    for i, word in enumerate(name.split()):
        upper = word.upper()
        if upper == "COM" and words:
            words[-1] += ".com"  # "AMAZON COM INC" -> "Amazon.com Inc."
            continue
        if upper in _LEGAL_DISPLAY and i > 0:
            words.append(_LEGAL_DISPLAY[upper])
        elif upper in _JOINERS and i > 0:
            words.append(upper.lower() if upper != "&" else "&")
        elif (len(word) <= 3 and upper not in _SHORT_WORDS) or any(ch.isdigit() or ch in "&." for ch in word):
            words.append(word)  # "KLA", "NXP", "JD", "AT&T", "3M", "S.A.B.": initials and codes, not words
        else:
            words.append("-".join(part.capitalize() for part in word.split("-")))
    text = " ".join(words)
    return text


def clean_name(name: str | None) -> str | None:
    """A printed name without a possessive, a trailing place or marks; None when nothing name-like is left."""
    name = tidy_name(name)
    if not name:
        return None
    name = _POSSESSIVE_RE.sub("", name).rstrip(" ,")
    place = _PLACE_TAIL_RE.search(name)
    if place and len(name[: place.start()].split()) >= 1 and core_words(name[: place.start()]):
        head = name[: place.start()]
        if not re.search(r"(?:Inc|Corp|Ltd|LLC|Co)\.?$", name[place.start() :].strip(", ")):
            name = head
    if not core_words(name):
        return None  # "Inc.'s": a legal form alone is no name
    return name
