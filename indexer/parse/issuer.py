"""The issuer of a release and its own stock listings.

Rules, in order:
- The issuer is the subject of the lede's first sentence ("Gilead Sciences, Inc. (NASDAQ: GILD) announced ..."),
  when another signal confirms it is an organisation: it carries a legal form or a listing, or it is named by the
  metadata, an "About" section, the "SOURCE" line, the contacts or the headline. Otherwise the first confirmed
  name among metadata, SOURCE line, About section and headline subject is the issuer.
- The issuer's listings: indexer/parse/own_listings.py.
"""

from __future__ import annotations

import re

from .authors import author_issues, headline_author, quoted_work_author, titled_author
from .authorship import (
    BYLINE_RE,
    HONOURED_BY_RE,
    byline_org,
    closing_about,
    closing_credit,
    division_about,
    event_organiser,
    first_name_employer,
    glued_abouts,
    makers_abouts,
    named_abouts,
    publisher_field,
    ranker,
    report_author,
    slashed_issuer,
    with_glued_abouts,
)
from .corroboration import (
    addresses_reader,
    contact_org,
    glued_opener_cut,
    issuer_of_record,
    owned_abouts,
    plausible_source,
    product_maker,
    region_of_place,
    thing_maker,
    vouched_issuer,
)
from .counts import is_count
from .credits import (
    BRAND_ABOUT_RE,
    bare_site_named,
    behalf_of,
    domain_named,
    journal_field,
    opening_credit,
    paid_publisher,
    presented_expert_org,
    sponsor_named,
    sponsored_subject,
    told_outlet,
)
from .event_owners import event_holder
from .expert_abouts import expert_employers
from .headline_names import (
    HEADLINE_BRAND_RE,
    headline_company,
    headline_listed,
    headline_person,
    headline_possessor,
    headline_spelling,
    headline_word,
    joint_headline,
    quoted_in,
    strip_headline_brand,
)
from .interviews import interviewee_org, interviewer_outlet
from .joined_names import headline_joined
from .joint_headlines import first_joint_issuer
from .joint_releases import merged_entity, partners_about, partners_abouts, source_partner
from .name_extents import (
    based_subject,
    branch_place_cut,
    caps_heading_cut,
    connected_name,
    connected_opening,
    contact_heading_cut,
    defined_short_form,
    first_mention_whole,
    imperative_cut,
    issuer_line_spelling,
    lede_case,
    listed_tail,
    listed_whole,
    lower_case_spelling,
    nameless_names,
    partners_name,
    possessive_cut,
    printed_tail,
    titled_person_cut,
)
from .name_tails import name_tail_cut
from .names import (
    LEGAL_FORMS,
    NAME_WORD,
    PERSON_RE,
    ROLE_RE,
    STRICT_LEGAL_RE,
    common_word,
    domains_in,
    expand_acronym,
    expand_acronym_tail,
    first_of_pair,
    fold,
    has_word,
    leading_name,
    matches_domain,
    same_org,
    subject_end,
    tidy_name,
)
from .own_listings import lede_listed, pick_tickers, titled_employer
from .persons import employer, is_person, leader_org
from .places import is_place, opens_dateline, unless_place
from .presales import promoted_presale
from .publishers import publishers_topic
from .sections import About
from .subject import (
    PUBLISHER_ABOUT_RE,
    company_site,
    contacts_side_with,
    cut_at_verb,
    described_person,
    described_subject,
    first_of_two,
    first_person_org,
    headline_longer,
    headline_opens,
    lede_actor,
    no_name,
    not_an_organisation,
    passing_subject,
    programme_owner,
    prose_cut,
    setting_word,
    titled_person_org,
    venue_about,
    without_event_tag,
)
from .tickers import listing_groups
from .unit_owners import owner_of_record
from .unnamed_releases import unnamed_release_issuer
from .wires import canonical_wire

# "Dozens of Anne Arundel County biking groups ...": a quantity, not a name.
_QUANTITY_RE = re.compile(
    r"^(?:Dozens|Hundreds|Thousands|Millions|Many|Several|Some|Most|All|More|Nearly|Over|About)\b"
)
# "On Saturday, March 22nd, more than 100 participants ...", "On Wednesday, Feb. 19th, ...", "6th Chief Patient Officer
# Summit Returns ...": a day of a month or an ordinal alone names no one (a month with its year is no_name's).
_DAY_RE = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s+)?"
    r"\d{1,4}(?:st|nd|rd|th)?"
)
# "About Us", "About the Author", "About InvestorWire": sections that do not describe the issuer.
_NOT_ISSUER_ABOUT_RE = re.compile(
    r"^(?:Us|Our\b.*|(?:the |The )?Authors?|This (?:Release|Report|Survey|Study)|the (?:Survey|Study|Report|Data)"
    r"|the Company|The Company)$"
)


def find_issuer(
    *,
    headline: str,
    lede: str,
    text: str,
    abouts: list[About],
    source_name: str | None = None,
    contacts: str = "",
    known_company: str | None = None,
    known_tickers: list[str] | None = None,
    place: str | None = None,
    subheadline: str | None = None,
    dateline_issuer: str | None = None,
) -> tuple[str | None, list[str]]:
    """The issuing organisation and its own listings ('EXCHANGE:SYMBOL', sorted); known_company is the metadata's,
    dateline_issuer the wire's issuer line, place the dateline's."""
    given, opening, sections, source = known_company, lede, abouts, source_name
    known_company = known_company or dateline_issuer
    lede = without_event_tag(lede)
    abouts = with_glued_abouts(named_abouts(abouts, text), text, headline)
    abouts = abouts or expert_employers(sections, text)  # "About the Expert: Jane Roe is CEO of Acme Realty ..."
    if not abouts:
        # No About section found: one glued into a paragraph, else a closing paragraph presenting the issuer.
        closing = closing_about(text, domains_in(f"{contacts}\n{text[-2000:]}"))
        if closing and byline_org(text, lede, text):
            # "By Cboe" or "By Jane Roe, Benzinga" ... "Benzinga is a leading financial media ...": under a byline
            # the closing words present the publisher; the byline decides.
            closing = None
        listed = lede_listed(lede)
        if closing and listed and not _spelled_out(closing.name, listed):
            # "Rezolve Ai (NASDAQ: RZLV), a leader in ..." ... "Benzinga is a leading financial media ...": beside a
            # listed subject in the lede, a closing sentence presenting another organisation presents the publisher.
            closing = None
        if closing and sponsor_named(text, headline):
            closing = None  # "RazorPitch is not a fiduciary ...": the publisher the headline's company paid
        abouts = glued_abouts(text) or ([closing] if closing else [])
    abouts = makers_abouts(abouts, headline, text)  # "About SecureAgent SecureAgent is VectorCertain LLC's ..."
    source_name = issuer_of_record(source_name, text) or closing_credit(text)
    known_company = known_company or slashed_issuer(lede) or behalf_of(text)
    company = _pick_company(headline, lede, text, abouts, source_name, contacts, known_company, subheadline)
    company = owner_of_record(company, lede, headline, source_name, abouts) or company  # the unit's owner speaks
    company = quoted_work_author(company, text) or branch_place_cut(name_tail_cut(company, text), text, place)
    company = headline_spelling(_whole_contact_name(company, lede, text, contacts), headline, lede)
    company = lower_case_spelling(company, headline, lede, text)
    company = headline_longer(company, strip_headline_brand(headline))
    company = defined_short_form(expand_acronym(company, text), text)
    company = imperative_cut(tidy_name(cut_at_verb(expand_acronym_tail(company, text))), text)
    company = headline_word(company, headline, lede)
    company = first_name_employer(company, headline, text)
    company = caps_heading_cut(prose_cut(titled_person_org(company, lede) or company), text)
    company = partners_name(possessive_cut(company, text), headline, lede)
    company = connected_name(company, strip_headline_brand(headline), text)
    company = listed_whole(listed_tail(printed_tail(company, text), strip_headline_brand(headline), text), text)
    company = lede_case(titled_person_cut(contact_heading_cut(glued_opener_cut(company)), text), lede)
    company = headline_joined(company, strip_headline_brand(headline), text)  # "Loc it Up by Moni Now ..."
    if not any(a.name == company for a in abouts):  # an About heading's spelling is the release's own
        company = first_mention_whole(company, strip_headline_brand(headline), text)
    if no_name(company, place) or _DAY_RE.fullmatch(company or ""):
        # "Inc., the leading media brand ..., today announced that Flight Adventure Park is No. 3,780 ...", "Fort
        # Worth's newest museum, the DFW Car and Toy Museum ...": what the lede opened with names no one; the
        # headline's subject, printed in the text, does.
        named = first_person_org(text) or tidy_name(unless_place(headline_company(headline, text, contacts), text))
        company = named or company
        # "Smile on Westbury Launches ...": a name joined by a lower-case word, which the headline reader cut short.
        company = company or connected_opening(strip_headline_brand(headline), text)
        if no_name(company, place) or _DAY_RE.fullmatch(company or ""):
            company = nameless_names(strip_headline_brand(headline), lede, text) or company
        company = defined_short_form(company, text)  # "BWUH Boston Marks ...": the headline's short form, written out
        company = connected_name(company, strip_headline_brand(headline), text)  # "X (XY) of Orange County ..."
        # Still a place or a date: no one (a publisher brand the dateline reader took for a place stays).
        # The release's own domain may still name it ("Today, June 27, ... the Historic Sanctuary of Machupicchu ..."
        # with jcollazos@promperu.gob.pe: PROMPERÚ, printed twice in the story).
        company = (
            domain_named(text, contacts, domains_in(contacts or text[-1500:]))
            if (no_name(company, place) or _DAY_RE.fullmatch(company or ""))
            and not BRAND_ABOUT_RE.search(company or "")
            else company
        )
    if region_of_place(company, text):
        company = None  # "South Auckland's rising ... stars", "back home in South Auckland": a place, not who
    if not_an_organisation(company, lede, text) or not_an_organisation((company or "").split(" ")[0], lede, text):
        company = None  # "Bitcoin Celebrates Sixteen Years" over "Bitcoin, the pioneering cryptocurrency, ...": no one
    tickers = pick_tickers(strip_headline_brand(headline), lede, text, abouts, company)
    if not tickers and not known_tickers and not lede_listed(lede):
        # "Susan Schall, founder of SOS Consulting, ..." with "About Marquis Who's Who" and marquiswhoswho.com: a pick
        # no About heading, SOURCE line, contact, domain nor the headline vouches for yields to a name two of them do.
        named = [a for a in abouts if not _NOT_ISSUER_ABOUT_RE.search(a.name)]
        vouched = vouched_issuer(company, named, source_name, contacts, text, headline, known_company)
        if vouched == company and not named and not same_org(company, known_company):
            vouched = product_maker(company, text) or company  # "ByEnzo Jewelry's Platinum Cuban Chain"
        if vouched != company:
            company, tickers = vouched, pick_tickers(strip_headline_brand(headline), lede, text, abouts, vouched)
    if not tickers and (not company or not has_word(fold(headline), fold(company))):
        # "By Jane Roe, Benzinga" over "This post contains sponsored content": the listed company its headline names
        # paid for the story, which its publisher wrote and signs.
        sponsor = sponsored_subject(text, headline, company)
        if sponsor:
            company = sponsor
            tickers = pick_tickers(strip_headline_brand(headline), lede, text, abouts, company)
    if not tickers:  # "Raboo's presale"; "the American Heart Association's Scientific Sessions 2025"
        company = promoted_presale(text, company) or event_holder(company, text) or company
    if (client := behalf_of(text, disseminated=True)) and not same_org(client, company):
        # "This article has been disseminated on behalf of ESGold Corp.": a publisher's editorial for its client.
        company, tickers = client, pick_tickers(strip_headline_brand(headline), lede, text, abouts, client)
    if publisher := paid_publisher(text, company, tickers, contacts):
        company, tickers = publisher, []  # "RazorPitch has been retained ... by Awareness Consulting": its article
    company = company if company or tickers else unnamed_release_issuer(headline, lede, text)  # lends no listing
    if not tickers and known_tickers:
        tickers = list(known_tickers)
    if given:
        return company, sorted(dict.fromkeys(tickers))
    # A joint headline's first subject, not the partner whose About heading prints a listing ("ABC Institute And ...").
    return first_joint_issuer(company, sorted(dict.fromkeys(tickers)), headline, opening, text, sections, source)


def _whole_contact_name(company: str | None, lede: str, text: str, contacts: str) -> str | None:
    """The contacts' organisation when it is the company's whole name printed in the lede: "The Elm Group brokered by
    REAL is proud ..." with that name heading the contacts, where a name read from the lede or headline stopped at
    a lower-case word ("Elm Group")."""
    if not company:
        return company
    contact = contact_org(contacts, domains_in(contacts or text[-1500:]))
    if contact and contact != company and has_word(fold(contact), fold(company)) and contact in lede[:300]:
        return contact
    return company


def _pick_company(
    headline: str,
    lede: str,
    text: str,
    abouts: list[About],
    source_name: str | None,
    contacts: str,
    known: str | None,
    subheadline: str | None = None,
) -> str | None:
    interviewed = interviewee_org(headline)
    if interviewed:
        return interviewed
    joint = False
    subject = based_subject(lede) or leading_name(lede)
    if subject and BYLINE_RE.match(lede):
        subject = None  # "By Jane Roe and John Doe, Capital News Service": a byline, not the story's subject
    if subject and (is_place(subject) or opens_dateline(lede, subject)):
        # "Perú ascendió ...", "Los Angeles, 21st December – ...": a place; the issuer, if named, is named elsewhere
        subject = None
    if subject and " and " in subject and joint_headline(headline):
        subject = subject.split(" and ")[0]  # "United Energy LNG and Power LNG Announce Merger": the first named
        joint = has_word(headline, subject)  # named first in the headline too: a partner's About does not outvote it
    if subject and (
        common_word(subject, text)
        or _QUANTITY_RE.match(subject)
        or is_count(subject)  # "Twelve students from Indian Springs School ..."
        or not_an_organisation(subject, lede, text)
        or addresses_reader(subject, lede)  # "Unleash your inner artist ...": a call to the reader
    ):
        subject = None
    if subject and quoted_in(subject, headline):  # "\u201cThe Winter Sports Move South (1937)\u201d": a work's title
        subject = None
    if subject and passing_subject(subject, lede, headline, text):
        head = headline_company(headline, text, contacts)  # the headline's subject the release keeps naming
        if head and not same_org(head, subject) and text.count(head) >= 3:
            subject = head
    if partner := source_partner(
        subject, lede, source_name if source_name and plausible_source(source_name) else None, text
    ):
        return partner  # "Microsoft and AT&T are ..." with "SOURCE AT&T": AT&T's copy of a joint release
    if merged := merged_entity(headline, lede):
        return merged  # "Gulf Elite and Kerning Merge to Form Highphen": the new entity
    title, author = (titled_author(headline, lede) or ("", ""))[0], headline_author(headline, lede)
    if author_issues(author, subject, [a.name for a in abouts], source_name, title, lede):
        return author  # "New Book ... by Nurse Practitioner Lorraine Voltaire", not "founder of OPTEAMAL Tea Company"
    domains = domains_in(contacts or text[-1500:])
    person = None
    # "The Arthur L. Garnes Society (The Garnes Society), a non-profit organization": past a defined short form.
    after = re.sub(r"^\s*\([^()]{1,60}\)", "", lede[lede.find(subject) + len(subject) :]) if subject else ""
    apposition = _ORG_APPOSITION_RE.match(after) if subject else None
    if subject and not apposition and not is_person(subject, lede, text) and described_person(subject, lede, text):
        subject = described_person(subject, lede, text)  # "Licensed Esthetician Christian Garcia": the person
    if subject and not apposition and is_person(subject, lede, text):
        # ("Ackerman Retail, a division of Ackerman & Co., has hired Marisa Roy ... her": an organisation by its
        # apposition, whatever pronouns follow.)
        person, subject = subject, employer(subject, lede, domains)
    if subject and " " not in subject and not STRICT_LEGAL_RE.search(subject):
        # A one-word subject ("Halloween, a night steeped in lore, ...") counts when the headline names it too, or
        # when its apposition calls it an organisation ("Attronica, a leading provider of integrated ...").
        # Named in the headline only after another organisation ("Prime Psychiatry Offers Spravato ..."), it is what
        # that organisation offers.
        if not any(
            same_org(subject, n) for n in (known, source_name, *(a.name for a in abouts)) if n
        ) and not _ORG_APPOSITION_RE.match(lede[lede.find(subject) + len(subject) :]):
            if not has_word(fold(headline), fold(subject)) or setting_word(headline, subject):
                subject = None
            else:
                other = headline_company(headline, text, contacts)
                if other and not same_org(other, subject) and not has_word(fold(other), fold(subject)):
                    subject = None
    head_listed = headline_listed(headline)
    evidence = [n for n in (known, source_name if source_name and plausible_source(source_name) else None) if n]
    # A wire's or publisher's own "About InvestorWire" section is weak evidence: the issuer only when nothing else is.
    brands = [a for a in abouts if canonical_wire(a.name) or BRAND_ABOUT_RE.search(a.name)]
    people = [a.name for a in abouts if a not in brands and is_person(a.name, a.text, a.text)]
    abouts = [a for a in abouts if a not in brands and not _NOT_ISSUER_ABOUT_RE.search(a.name) and a.name not in people]
    evidence += [first_of_pair(a.name) for a in abouts + brands]
    if subject:
        strong = bool(STRICT_LEGAL_RE.search(subject)) or any(
            g.start < subject_end(lede) for g in listing_groups(lede[:400])
        )
        listed = titled_employer(lede) if strong else None
        if listed and not same_org(listed, subject) and not same_org(listed.split()[0], subject):
            # "Gideon Ben-Zvi, CEO of Valens Semiconductor (NYSE: VLN), was a guest on ...": his employer
            subject = listed
        subject = first_of_two(subject, evidence, text)
        matches = [n for n in evidence if same_org(subject, n)]
        if known and (not same_org(subject, known) or issuer_line_spelling(known, subject, text)):
            return known
        if head_listed and not same_org(subject, head_listed) and not strong:
            return head_listed
        author = ranker(subject, lede, text, abouts)
        if author:
            return author
        contact = contact_org(contacts, domains)
        if contact and subject.startswith(contact + " ") and matches_domain(contact, domains) and not strong:
            # "The Zombienaire Klub NFT collection ..." with "Contact Details Zombienaire Klub" and zombienaireklub.xyz:
            # the contact line and the domain agree on the name; the words after it name a product.
            return contact
        fuller = next((a.name for a in abouts if a.name.startswith(subject + " ") and same_org(subject, a.name)), None)
        fuller = fuller or partners_about(subject, abouts)  # "About Schechter, Shaffer & Harris LLP" for "Schechter"
        if fuller:
            return first_of_pair(fuller)  # "Canada One (TSX.V: CONE) has ..." with "About Canada One Mining Corp."
        head = leading_name(strip_headline_brand(headline), headline=True)
        if (
            not strong
            and head
            and source_name
            and plausible_source(source_name)
            and not same_org(subject, source_name)
            and not same_org(head, subject)
            and (fold(source_name) == fold(head) or fold(source_name).startswith(fold(head) + " "))
        ):
            # "eBay Partners with HyperX ..." over a lede opening "HyperX, the gaming division of Kingston ..." and
            # "SOURCE eBay for Charity": the SOURCE line, the issuer of record, sides with the headline.
            return head
        organiser = None if strong or matches else event_organiser(subject, lede)
        if organiser:
            return organiser
        if not strong and not matches and (maker := thing_maker(subject, lede, abouts)):
            return maker  # "The Acme Refresher course is now available from Acme Learning" with "About Acme Learning"
        if strong or matches or joint or not evidence or partners_abouts(subject, lede, text, abouts):
            return subject
        if owned_abouts(subject, abouts):  # "About Indian Wells Golf Resort ... Owned by the City of Indian Wells"
            return subject
        if (
            not brands
            and not source_name
            # "Seattle Reproductive Medicine, a ... practice": a name shaped like a person's, called an organisation
            # or spelled as a web address the release prints ("Reel Sisters" and www.reelsisters.org)
            and not (
                PERSON_RE.fullmatch(subject)
                and not matches_domain(subject, domains)
                and (not apposition or is_person(subject, lede, text))
            )
            and headline_opens(strip_headline_brand(headline), subject)
            and not joint_headline(headline)
            and not any(
                PUBLISHER_ABOUT_RE.search(a.text[:600]) or contacts_side_with(a.name, contacts, domains) for a in abouts
            )
        ):
            # "Bitget Announces ... with the TRON Blockchain" over "Bitget, a leading ... exchange, today announced
            # ...", "RAW® Rolling Papers Surpasses ..." over "RAW® Rolling Papers continues ...": where the headline
            # and the lede name one subject, another's About section (a partner's, an owner's, a venue's) does not
            # outvote them; a publisher's does ("Apple Ramps Up ..." over "About GreenEnergyStocks ... a specialized
            # communications platform": its story about Apple), and so does one the contact block names (a sponsor's
            # story: "Solana and BONK Declines ..." with "About Cutoshi" and support@cutoshi.com). A person the
            # headline names is no organisation here.
            return subject
    if known:
        return known
    if head_listed:
        return head_listed
    listed = lede_listed(lede)
    named = [n for n in (source_name, *(a.name for a in abouts)) if n]
    if listed and (not named or any(_spelled_out(n, listed) for n in named)):
        # "Cryptocurrency payments ... Rezolve Ai (NASDAQ: RZLV), a leader in ..., and Tether have teamed up": the
        # listed subject of a later sentence, over a sponsored article's publisher in the contacts; written out
        # ("Citrix Systems, Inc. (NASDAQ:CTXS)" where the About and SOURCE say "Citrix").
        return listed
    if source_name and plausible_source(source_name):
        return source_name
    if person and abouts:
        head = headline_company(headline, text, contacts)
        if (
            head
            and headline_opens(headline, head)
            and not has_word(head, person.split()[-1])  # "Dr. Virginia Howard of UAB to receive ...": the person
            and " " in head  # not a word describing the person ("Legendary Music Exec Jerry Greenberg ...")
            and not any(same_org(head, a.name) or contacts_side_with(a.name, contacts, domains) for a in abouts)
        ):
            # "CWG Esthetics Now Accepting Appointments ... at the Salon and Spa Galleria" over "Licensed Esthetician
            # Christian Garcia is ..." and "About Salon and Spa Galleria": the lede's person speaks for the business
            # the headline opens with, not for the venue's About.
            return head
    if abouts:
        # Of several About sections, the one the headline opens with ("Gutterglove® Team Member Program ..." over
        # a founder's "About Robert Craig Films" printed first).
        # The contacts siding with another About section keep it ("NFL PLAY 60 and ..." with the Heart
        # Association's press contact and heart.org).
        opened = [a for a in abouts if headline_opens(strip_headline_brand(headline), a.name)]
        head = None if opened or subject else headline_company(headline, text, contacts)
        if head and head in lede and all(venue_about(headline, a.name) for a in abouts):
            return head  # "Junk Destroyers Showcased on Designing Spaces TV" with the show's About only
        if any(contacts_side_with(a.name, contacts, domains) for a in abouts if a not in opened):
            opened = []
        return first_of_pair((opened or [division_about(abouts, lede) or abouts[0]])[0].name)
    found = next(filter(None, (_led_by(name, text) for name in people)), None)
    found = (
        found or sponsor_named(text, headline) or opening_credit(subheadline or lede, headline) or journal_field(text)
    )
    found = found or _byline_or_site(headline, text, lede, contacts)
    if not found and brands and not HEADLINE_BRAND_RE.match(headline):
        # A publisher's teaser about a public body ("EPA Terminates ... Program" over "About TechMediaWire" alone):
        # the body is its topic, not its client (a client, "MoneyShow Presents ...", is named as the subject too).
        topic = expand_acronym(subject or headline_company(headline, text, contacts), text)
        if publishers_topic(topic, subject, text):
            return brands[0].name
    contact = contact_org(contacts, domains)
    if contact and interviewer_outlet(contact, lede):
        contact = None  # "..., tells Proactive's Stephen Gunnion ...": the contacts are the interviewer's publisher
    found = found or described_subject(lede, headline) or unless_place(headline_company(headline, text, contacts), text)
    found = found or lede_actor(lede, headline) or contact
    found = found or _lede_employer(lede, text, domains) or report_author(lede) or leader_org(lede, headline)
    found = found or publisher_field(text, domains) or domain_named(text, contacts, domains) or told_outlet(text)
    found = found or presented_expert_org(text) or bare_site_named(text, contacts)
    if found:
        return programme_owner(found, text) or found
    if brands:
        return brands[0].name
    # Nothing names an organisation: a person the headline is about speaks for themself (an author, a speaker).
    # A place stays unnamed: its issuer, if any, is not the place.
    person = next((p for p in (person, *people) if p and has_word(headline, p)), None)
    person = person or (None if subject else headline_person(strip_headline_brand(headline), text))
    person = person or (None if subject else headline_possessor(headline, text))  # "Patricia Blake's New Podcast"
    if person and not subject:
        honouring = HONOURED_BY_RE.search(headline)
        if honouring:
            return honouring.group(1)  # "Robert P. Cotton Has Been Recognized ... by the International Association ..."
    if person and " " in person and ROLE_RE.fullmatch(person.split()[0].lower()):
        person = person.split(" ", 1)[1]  # "Illusionist Robby Bennett": the person, not their trade
    return subject or person


def _byline_or_site(headline: str, text: str, lede: str, contacts: str) -> str | None:
    """A byline's organisation, unless the contact block's company website is another's, which the headline names:
    "By Faith Ashmore, Benzinga" over sponsored content with "Company Website https://igcpharma.com/" is IGC Pharma's
    ("IGC Pharma Releases Positive Interim Analysis ..."); with "Company Website http://www.benzinga.com", Benzinga's."""
    byline = byline_org(text, lede, text)
    sites = company_site(contacts)
    if byline and sites and not matches_domain(byline, sites):
        head = headline_company(headline, text, contacts)
        if head and matches_domain(head, sites):
            return head
    return byline


def _spelled_out(short: str, name: str) -> bool:
    """Whether a name is the same organisation as a shorter spelling, or written out from it ("Citrix" and
    "Citrix Systems, Inc.")."""
    return same_org(short, name) or fold(name).startswith(fold(short) + " ")


# A person's name followed by a comma in the lede: "According to H. Jack Miller, President and CEO of Gelt ...".
_PERSON_BEFORE_COMMA_RE = re.compile(
    r"((?:[A-Z]\.\s+)?[A-Z][\w'\u2019\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'\u2019\-]+){1,2})(?=\s*,)"
)


# What an employer's name may not start or end with: "Kansas City-based Midwest CRE Advisors", "... Learning and".
_BASED_PREFIX_RE = re.compile(r"^(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*-based\s+")
_TRAILING_JOINER_RE = re.compile(r"\s+(?:and|of|&|for|the)$")
# After a name, a lower-case word that shows it is an adjective ("veteran of Canadian financial markets").
_AFTER_NAME_RE = re.compile(r"\s+([a-z]+)")
_AGAINST_RE = re.compile(r"\b(?:against|sued|suing)\s")
_FUNCTION_WORDS = {"and", "of", "in", "at", "to", "for", "since", "who", "which", "that", "is", "was", "has", "said"}


def _lede_employer(lede: str, text: str, domains: set[str]) -> str | None:
    """The organisation of a person the lede names with their title ('..., President and CEO of Gelt Financial LLC')."""
    for m in _PERSON_BEFORE_COMMA_RE.finditer(lede[:500]):
        org = employer(m.group(1), lede, domains)
        if not org or _AGAINST_RE.search(lede[: m.start()].rsplit(". ", 1)[-1]):  # a claim's defendants' employers
            continue
        after = _AFTER_NAME_RE.match(lede, lede.find(org) + len(org))
        org = _TRAILING_JOINER_RE.sub("", _BASED_PREFIX_RE.sub("", org))
        if is_place(org) or common_word(org, text) or (after and after.group(1) not in _FUNCTION_WORDS):
            continue
        return org
    return None


def _led_by(person: str, text: str) -> str | None:
    """The organisation a person is said to lead: 'Treviño Law, led by seasoned attorney Jaime Treviño'."""
    m = re.search(
        rf"((?:The\s+)?{NAME_WORD}(?:\s+(?:{NAME_WORD}|of|&|and))*(?:(?:,?\s+)(?:{LEGAL_FORMS})(?![\w]))*),?\s+"
        rf"(?:is\s+|was\s+)?(?:led|founded|headed|run|owned)\s+by\s+(?:[\w\-]+\s+){{0,3}}?{re.escape(person)}\b",
        text,
    )
    # Led by someone, so an organisation, whatever its name looks like ("Treviño Law" reads like a person's).
    return m.group(1) if m and m.group(1) != person else None


# "Attronica, a leading provider of ...", "Nufi, the Mexican startup ...": an apposition calling the subject an
# organisation.
_ORG_APPOSITION_RE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,5}?(?:company|provider|firm|leader|maker|manufacturer|developer|platform"
    r"|agency|organi[sz]ation|nonprofit|non-profit|startup|start-up|brand|retailer|supplier|distributor|producer"
    r"|operator|network|studio|publisher|institute|association|foundation|bank|insurer|consultancy|practice|clinic"
    r"|group|specialist|innovator|pioneer|division|subsidiary|unit|affiliate)s?\b",
    re.I,
)
