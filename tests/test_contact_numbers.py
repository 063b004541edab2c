"""Phone numbers in a release page's contacts link the whole number they print: an international number is never
cut to its last groups (`+81-3-3244-3202` dialled as `32443202`), whatever the parser listed."""

from __future__ import annotations

import re

import pytest

from webapp.present import contact_lines

# (contacts text, numbers the parser listed, (shown, dialled) for every tel: link expected)
CASES = [
    ("Shin Okubo\n+81-3-3244-3202\nshin@quillon.example", ["3244-3202"], [("+81-3-3244-3202", "+81332443202")]),
    ("London: +44 20 7946 0958", ["7946 0958"], [("+44 20 7946 0958", "+442079460958")]),
    ("Berlin +49-89-1234-5678 (office)", [], [("+49-89-1234-5678", "+498912345678")]),
    ("Investors: +1 (646) 823-8656", ["(646) 823-8656"], [("+1 (646) 823-8656", "+16468238656")]),
    (
        "Media: (425) 527-4641 or +1 646.823.8656",
        ["(425) 527-4641"],
        [("(425) 527-4641", "4255274641"), ("+1 646.823.8656", "+16468238656")],
    ),
    ("Call 781-258-6153 today", ["781-258-6153"], [("781-258-6153", "7812586153")]),
    ("Order no. 12-3244-3202-7", ["3244-3202"], []),
]


@pytest.mark.parametrize(("text", "listed", "links"), CASES)
def test_a_number_is_linked_whole(text, listed, links):
    html = "".join(contact_lines(text, listed, []))
    found = re.findall(r'<a href="tel:([^"]+)">([^<]+)</a>', html)
    assert [(shown, dialled) for dialled, shown in found] == links
