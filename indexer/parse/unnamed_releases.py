"""Who issued a release that no reader of its own places named: the last fallbacks, in order.

Each lends no listing: the release printed none beside the name.
"""

from __future__ import annotations

from .announcing_subjects import announcing_subject
from .corroboration import closing_presented
from .headline_names import introduced_person, strip_headline_brand
from .headline_organisations import headline_closing_name, headline_organisation
from .officer_openers import officer_opener
from .spokespeople import spokesperson_org


def unnamed_release_issuer(headline: str, lede: str, text: str) -> str | None:
    """A closing sentence's organisation ("Treewurk is a tree care company ..."), else the organisation of the person
    the release speaks through ("Larry Mastropieri, Broker/Owner of The Mastropieri Group"), else the first name its
    opening presents as announcing ("Board in the Kitchen, a company renowned for ..., today announced"), else the
    organisation its headline names or the firm its headline's person gives a surname to ("... Joins the DFW Car &
    Toy Museum", "Rob Edwards On ..." with "Edwards Asset Management"), else the organisation its lede opens with
    before an officer's title ("Rakovina Therapeutics President ... Mads Daugaard ... joined ..."), else the name its
    headline closes with, which the story keeps as its subject ("... with Acme Tiles Springfield"), else the person
    the headline opens with whom the lede introduces by trade ("R&B artist Jane Roe is set to release her ...")."""
    return (
        closing_presented(headline, text)
        or spokesperson_org(headline, text)
        or announcing_subject(lede, text)
        or headline_organisation(headline, text)
        or officer_opener(lede, text)
        or headline_closing_name(headline, lede, text)
        or introduced_person(strip_headline_brand(headline), lede, text)
    )
