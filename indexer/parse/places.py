"""Place names that a release's opening can print where a company's name would be ("Perú ascendió ...")."""

from __future__ import annotations

import re

from .dates import _MONTH
from .names import fold

# Countries (English, and the Spanish, French or German spelling where it differs) and US states: a release whose
# subject is one of these speaks of a place (a tourism board's "Peru wins ...", "Florida homeowners ..."), and the
# organisation that issued it is named elsewhere. Folded: no accents, no case.
_PLACES = {
    fold(name.replace("_", " "))
    for name in """
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain Bangladesh
Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brasil Brunei Bulgaria Burundi Cambodia
Cameroon Canada Chad Chile China Colombia Congo Costa_Rica Croatia Cuba Cyprus Czechia Denmark Djibouti Dominica
Ecuador Egypt El_Salvador England Eritrea Estonia Eswatini Ethiopia Europe Fiji Finland France Gabon Gambia Georgia
Germany Deutschland Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran
Iraq Ireland Israel Italy Italia Jamaica Japan Jordan Kazakhstan Kenya Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon
Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania
Mauritius Mexico México Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nepal Netherlands
New_Zealand Nicaragua Niger Nigeria North_Korea Norway Oman Pakistan Palau Panama Panamá Paraguay Peru Perú
Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa San_Marino Saudi_Arabia Scotland Senegal Serbia
Seychelles Singapore Slovakia Slovenia Somalia South_Africa South_Korea Korea Spain España Sri_Lanka Sudan Suriname
Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Trinidad_and_Tobago Tunisia Turkey Türkiye
Turkmenistan Uganda Ukraine United_Arab_Emirates UAE United_Kingdom UK United_States USA U.S. America Uruguay
Uzbekistan Vanuatu Venezuela Vietnam Wales Yemen Zambia Zimbabwe Africa Asia Latin_America Sudamérica South_America
North_America Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho Illinois
Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana
Nebraska Nevada New_Hampshire New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio Oklahoma Oregon
Pennsylvania Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia Washington West_Virginia
Wisconsin Wyoming Ontario Quebec Québec Alberta British_Columbia
""".split()
}
# "Bergen County", "Orleans Parish", "Hunterdon County, N.J.": an area, or its people ("Bergen County residents").
_AREA_RE = re.compile(r"^(?:[A-Z][\w.'\u2019\-]*\s+){1,3}(?:County|Parish|Township|Province|Prefecture)(?:,.*)?$")


# "South West Florida", "Northern California", "Central Texas": a part of a place is a place.
_REGION_RE = re.compile(
    r"^(?:(?:Northern|Southern|Eastern|Western|North|South|East|West|Central|Upper|Lower|Greater|Coastal|Rural)"
    r"(?:[\s-]+|(?=[a-z])))+",
    re.I,
)


# Large cities, where an organisation's office or branch is ("ProChile in Los Angeles", "Acme Realty - Chicago").
_CITIES = {
    fold(name.replace("_", " "))
    for name in """
New_York Los_Angeles Chicago Houston Phoenix Philadelphia San_Antonio San_Diego Dallas San_Jose Austin Jacksonville
San_Francisco Columbus Charlotte Indianapolis Seattle Denver Washington_D.C. Boston Nashville Detroit Portland
Las_Vegas Memphis Louisville Baltimore Milwaukee Albuquerque Tucson Sacramento Kansas_City Atlanta Miami Omaha
Raleigh Minneapolis Tampa Orlando New_Orleans Cleveland Pittsburgh Cincinnati St._Louis Salt_Lake_City Honolulu
Toronto Montreal Vancouver Calgary Ottawa Mexico_City London Paris Berlin Madrid Rome Milan Amsterdam Brussels Zurich
Geneva Vienna Stockholm Copenhagen Oslo Helsinki Warsaw Prague Dublin Lisbon Istanbul Dubai Abu_Dhabi Riyadh Tel_Aviv
Mumbai New_Delhi Bangalore Beijing Shanghai Shenzhen Hong_Kong Taipei Seoul Tokyo Osaka Singapore Jakarta Bangkok
Manila Kuala_Lumpur Sydney Melbourne Auckland Johannesburg Cape_Town Lagos Nairobi Cairo Santiago Lima Bogota
Buenos_Aires Sao_Paulo
""".split()
}


def is_city(name: str | None) -> bool:
    """Whether a name is a large city ('Los Angeles'): where an office is, not an organisation of its own."""
    return bool(name) and fold((name or "").strip(" ,.")) in _CITIES


def is_place(name: str | None) -> bool:
    """Whether a name is a country, a US state or a county rather than an organisation ('Perú', 'Bergen County')."""
    if not name:
        return False
    bare = name.strip(" ,.")
    if bare.startswith("The "):
        bare = bare[4:]
    if fold(bare + ".") in _PLACES:
        return True  # "U.S." stripped of its last full stop
    region = _REGION_RE.sub("", bare)
    if region != bare and fold(region) in _PLACES:
        return True
    return fold(bare) in _PLACES or bool(_AREA_RE.match(bare))


_DEMONYMS = {"british", "english", "french", "german", "dutch", "irish", "scottish", "welsh", "chinese", "japanese",
             "swiss", "spanish", "swedish", "danish", "polish", "turkish", "norwegian", "vietnamese", "thai", "greek"}  # fmt: skip


def demonym(name: str) -> bool:
    """Whether a one-word name is a place's people or adjective ("Australian", "Canadian", "Texan", "British"): the
    place's name with "n", "an" or "ian" for its last letters."""
    word = name.strip(" ,.")
    if " " in word or not word.endswith("n") or len(word) < 5:
        return fold(word) in _DEMONYMS
    stems = (word[:-1], word[:-2], word[:-3], word[:-3] + "a", word[:-3] + "y", word[:-2] + "o", word[:-1] + "s")
    return any(is_place(stem) for stem in stems if len(stem) >= 4)


# "Los Angeles, 21st December – As electric vehicles ...": a place, then a day and month (a year optional), then a
# dash: a dateline the dateline reader did not take, so the name before it is where, not who.
_DATELINE_TAIL_RE = re.compile(
    rf"\s*,\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
    rf"(?:,?\s+\d{{4}})?\s*[\u2013\u2014\-]",
    re.I,
)


def opens_dateline(text: str, name: str) -> bool:
    """Whether a text opens with the name followed by a date and a dash, as a dateline does ('Los Angeles, 21st December –')."""
    stripped = text.lstrip()
    return stripped.startswith(name) and bool(_DATELINE_TAIL_RE.match(stripped, len(name)))


# "the Municipality of Machupicchu", "the City of Lakeside": a local government's style, whose last words are a place.
_LOCALITY_OF_RE = r"\b(?:Municipality|City|Town|Village|Borough|Province|District|Canton|Commune|Region)\s+of\s+"


def named_as_place(name: str | None, text: str) -> bool:
    """Whether the text calls a bare name a locality ("Machupicchu" beside "the Municipality of Machupicchu"), so a
    headline opening with it is about a place, not issued by it (not "City of Lakeside" itself, a government)."""
    if not name or " of " in name or name not in text:
        return False
    return re.search(rf"{_LOCALITY_OF_RE}{re.escape(name)}\b(?!\s+[A-Z])", text) is not None


def unless_place(name: str | None, text: str) -> str | None:
    """The name, or None where the text calls it a locality (named_as_place)."""
    return None if named_as_place(name, text) else name
