"""Seeded generator of realistic synthetic corporate press releases (benchmarks).

Standard library only. Output is byte-for-byte deterministic for a given seed.

Python API::

    from benchmarks.synth import generate, write_corpus
    for rel_name, text in generate(1000, seed=42):   # ("00000/000123.txt", "...")
        ...
    write_corpus("/tmp/corpus", 10_000, seed=42, shard=1000)

CLI::

    python benchmarks/synth.py OUT_DIR --count 10000 [--seed 42] [--shard 1000]

prints the release count, total bytes, average size, seconds and releases/s.

Each release mimics a wire-service plain-text release: headline, blank line,
dateline paragraph (``PLACE, State, Mon. D, YYYY (GLOBE NEWSWIRE) -- Company
(Nasdaq: ABCD), a <industry description>, today announced ...``), body
paragraphs, a per-company fixed "About <Company>" boilerplate, often a
forward-looking statements paragraph, and a contacts block.  About 2,000
synthetic companies (Zipf-distributed release counts) with home cities,
industries and one to three exchange listings; wires with their real dateline
shapes; dates 2010-2026; ten release types with their own headlines and
vocabulary; a Zipf-distributed body vocabulary of real business words plus
pseudo-words; partner tickers mentioned in some bodies.  Average ~4.8 KB.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import sys
import time
from array import array
from bisect import bisect
from collections.abc import Iterator
from datetime import date, timedelta

__all__ = ["generate", "write_corpus", "N_COMPANIES"]

N_COMPANIES = 2000
DATE_START = date(2010, 1, 4)
DATE_END = date(2026, 11, 20)

# --------------------------------------------------------------------------
# Static vocabulary
# --------------------------------------------------------------------------

ONSETS = (
    "b",
    "br",
    "c",
    "ch",
    "cr",
    "d",
    "dr",
    "f",
    "fl",
    "g",
    "gr",
    "h",
    "j",
    "k",
    "kl",
    "l",
    "m",
    "n",
    "p",
    "pr",
    "qu",
    "r",
    "s",
    "st",
    "sh",
    "t",
    "tr",
    "v",
    "vr",
    "z",
    "x",
    "th",
    "pl",
    "sc",
    "b",
    "c",
    "d",
    "l",
    "m",
    "n",
    "r",
    "s",
    "t",
    "v",
)
VOWELS = ("a", "e", "i", "o", "u", "a", "e", "i", "o", "a", "e", "i", "o", "u", "io", "ou", "y", "ea", "ai")
CODAS = ("", "", "", "", "n", "r", "s", "x", "l", "m", "nt", "st", "th", "ck", "rn")
BRAND_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "i", "o", "y", "ea", "ai")
BRAND_CONS = ("l", "n", "r", "s", "t", "v", "x", "d", "m", "c", "g", "k", "th", "nt", "rt", "st", "lv", "rv")
NAME_ENDS = (
    "a",
    "ex",
    "on",
    "ix",
    "ia",
    "is",
    "or",
    "ent",
    "ara",
    "ium",
    "yx",
    "ora",
    "ant",
    "el",
    "ics",
    "eon",
    "ava",
    "ion",
    "ity",
    "us",
    "o",
    "ar",
    "ine",
    "ova",
)
NOUN_SUFFIX = (
    "ology",
    "tics",
    "ation",
    "ite",
    "ium",
    "ase",
    "or",
    "ware",
    "ix",
    "gen",
    "core",
    "lith",
    "sphere",
    "tron",
    "ance",
    "ment",
    "ism",
    "ode",
    "plex",
    "ase",
)
ADJ_SUFFIX = ("ic", "al", "ive", "ous", "ant", "ary", "ular", "ent", "ible", "ional")
DRUG_SUFFIX = (
    "mab",
    "tinib",
    "cel",
    "stat",
    "vir",
    "parin",
    "lisib",
    "ciclib",
    "tide",
    "zumab",
    "ximab",
    "rsen",
    "siran",
    "gene",
    "dronate",
)

NOUNS = """company business growth revenue customers market products services results
quarter year operations management team development technology platform solutions
strategy performance shareholders investors value industry expansion opportunities
portfolio capabilities innovation partners partnership agreement program pipeline
sales demand pricing margin margins costs cash flow balance sheet capital investment
investments leadership experience commitment focus execution progress momentum
efficiency productivity quality safety reliability infrastructure network systems
data analytics insights software applications hardware devices equipment facilities
manufacturing production capacity supply chain distribution logistics channels
retail consumers clients users employees talent culture community communities
sustainability environment energy regulatory compliance governance risk risks
security privacy trust transparency engagement experience outcomes patients
healthcare treatment therapies research studies trials approval commercialization
launch adoption penetration scale footprint presence region regions geographies
acquisition acquisitions integration synergies transaction transactions financing
debt equity liquidity dividends returns earnings profitability guidance outlook
forecast expectations targets milestones achievements objectives priorities goals
initiatives efforts activities projects contracts orders backlog bookings pipeline
segment segments division divisions subsidiary subsidiaries affiliates brand brands
reputation recognition awards excellence leadership expertise knowledge research
design engineering features functionality integration interoperability workflow
workflows automation digitization transformation modernization optimization
deployment implementation installation maintenance support service subscriptions
licenses royalties fees volume volumes shipments units inventory assets properties
portfolio tenants occupancy leases acreage reserves resources deposits drilling
exploration mineralization tonnage grade grades ounces production wells barrels
loans deposits branches members policyholders premiums claims underwriting
conditions environment headwinds tailwinds trends dynamics landscape competition
competitors differentiation advantage advantages position positioning foundation
framework roadmap vision mission purpose values principles standards requirements
certification accreditation validation testing evaluation assessment review
collaboration cooperation alliance relationships stakeholders board directors
officers executives advisors consultants professionals specialists engineers
scientists physicians clinicians researchers analysts operators contractors
suppliers vendors manufacturers distributors resellers dealers retailers
markets sectors verticals enterprises organizations institutions governments
agencies municipalities utilities hospitals clinics laboratories universities
schools students families consumers households individuals people lives
world nation country countries states provinces cities locations sites offices
headquarters campus plant plants mine mines project projects property claims
milestone period periods months weeks days timeline timing schedule phase stage
level levels rate rates percentage basis points increase decrease improvement
reduction savings benefit benefits impact effect effects contribution returns
accessibility affordability availability flexibility scalability visibility
resilience discipline stewardship accountability responsibility integrity
""".split()

ADJS = """new strong significant important key leading innovative global strategic
continued additional further important financial operational commercial clinical
regulatory technical digital advanced comprehensive integrated scalable flexible
sustainable reliable robust diversified disciplined experienced dedicated talented
proprietary differentiated unique exceptional outstanding excellent positive solid
record substantial meaningful considerable steady consistent healthy attractive
compelling promising encouraging favorable challenging difficult uncertain volatile
current future long-term near-term short-term annual quarterly recent initial
early late final primary secondary core critical essential fundamental major
broad wide deep extensive expanded growing increasing improved enhanced higher
lower greater better best first second third fourth next prior previous existing
potential expected anticipated planned proposed ongoing active emerging established
mature large small mid-sized medium-sized regional national international domestic
local worldwide cross-functional end-to-end cloud-based data-driven customer-centric
patient-centric best-in-class world-class industry-leading market-leading
next-generation cutting-edge state-of-the-art high-quality high-performance low-cost
cost-effective efficient effective productive profitable accretive dilutive
incremental organic underlying adjusted diluted net gross operating total combined
independent private public certain specific multiple several various numerous
important critical complex simple intuitive seamless secure safe transparent
responsible ethical inclusive diverse collaborative agile resilient ambitious
""".split()

VERBS = """expand accelerate deliver drive enhance improve support strengthen
build grow increase reduce develop deploy launch execute leverage optimize
position capture create generate maximize maintain achieve advance enable
extend broaden deepen diversify integrate streamline simplify transform modernize
serve provide offer address meet exceed unlock realize pursue evaluate explore
identify invest allocate return complete close finalize secure obtain attract
retain engage empower help ensure protect manage monitor measure track scale
commercialize market distribute manufacture produce source acquire consolidate
differentiate innovate design engineer test validate demonstrate confirm
continue focus prioritize align collaborate partner compete win lead
""".split()

VERBS_PAST = """expanded accelerated delivered driven enhanced improved strengthened
built grown increased reduced developed deployed launched executed leveraged
optimized captured created generated maintained achieved advanced enabled extended
completed closed secured obtained signed added announced introduced received
reported recorded posted surpassed exceeded reached established formed opened
entered initiated commenced begun started finished renewed extended won earned
attracted retained onboarded hired appointed named welcomed celebrated
""".split()

FIRST_NAMES = """James John Robert Michael William David Richard Joseph Thomas Charles
Christopher Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth
Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric
Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Patrick
Frank Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Peter
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy
Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa
Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna
Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn
Janet Catherine Maria Heather Diane Julie Joyce Victoria Kelly Christina Lauren
Joan Evelyn Olivia Judith Megan Cheryl Martha Andrea Frances Hannah Jacqueline
Priya Rajesh Wei Mei Hiroshi Yuki Ahmed Fatima Carlos Sofia Luis Elena Pierre
Claire Lars Ingrid Dmitri Olga Rahul Anjali Kwame Ama Mateo Lucia Sanjay Noor
""".split()

LAST_NAMES = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez
Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez
Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King
Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell
Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins
Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson
Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James
Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross
Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson
Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton
Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis
Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez
McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman
Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason
Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar
Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto
Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Hansen
Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll
Lane Riley Andrews Alvarado Ray Delgado Berry Perkins Hoffman Johnston Matthews
Pena Richards Willis Carpenter Lawrence Sandoval Junius Hausner Yates Okafor Singh
Tanaka Yamamoto Kowalski Novak Dubois Lindqvist Rossi Bianchi Muller Fischer Weber
MacLeod Fraser Campbell Tremblay Gagnon Roy Cote Bouchard Gauthier Morin Lavoie
""".split()

UNIVERSITIES = (
    "Harvard University",
    "Stanford University",
    "the University of Toronto",
    "McGill University",
    "the Massachusetts Institute of Technology",
    "the Wharton School of the University of Pennsylvania",
    "Queen's University",
    "the University of British Columbia",
    "Northwestern University",
    "the University of Michigan",
    "Columbia Business School",
    "the University of Melbourne",
    "the London School of Economics",
    "Duke University",
    "the University of Texas at Austin",
    "Cornell University",
    "the University of Chicago Booth School of Business",
    "Yale University",
    "the University of Western Ontario",
    "Imperial College London",
    "Georgetown University",
    "the University of California, Berkeley",
)
DEGREES = (
    "a B.S. in",
    "a B.A. in",
    "an M.B.A. in",
    "a Ph.D. in",
    "an M.S. in",
    "a Bachelor of Commerce in",
    "a J.D. and a B.A. in",
    "an M.D. and a Ph.D. in",
)
FIELDS = (
    "finance",
    "economics",
    "chemical engineering",
    "electrical engineering",
    "molecular biology",
    "accounting",
    "computer science",
    "geology",
    "business administration",
    "mechanical engineering",
    "pharmacology",
    "mining engineering",
    "biochemistry",
    "law",
    "immunology",
    "mathematics",
)

TITLES = (
    "President and Chief Executive Officer",
    "Chief Executive Officer",
    "Chairman and Chief Executive Officer",
    "Chief Financial Officer",
    "Executive Vice President and Chief Financial Officer",
    "Chief Operating Officer",
    "Chief Technology Officer",
    "Chief Medical Officer",
    "Chief Commercial Officer",
    "Senior Vice President, Sales",
    "Executive Chairman",
    "President",
    "Chief Scientific Officer",
    "Vice President, Exploration",
    "General Counsel",
)

# (CITY, AP state/province, postal abbreviation, area code, AP stand-alone city)
CITIES = {
    "US": (
        ("WALTHAM", "Mass.", "MA", "781", 0),
        ("BOSTON", "Mass.", "MA", "617", 1),
        ("CAMBRIDGE", "Mass.", "MA", "617", 0),
        ("SAN DIEGO", "Calif.", "CA", "858", 1),
        ("SOUTH SAN FRANCISCO", "Calif.", "CA", "650", 0),
        ("SAN FRANCISCO", "Calif.", "CA", "415", 1),
        ("PALO ALTO", "Calif.", "CA", "650", 0),
        ("SAN JOSE", "Calif.", "CA", "408", 0),
        ("IRVINE", "Calif.", "CA", "949", 0),
        ("LOS ANGELES", "Calif.", "CA", "310", 1),
        ("NEW YORK", "N.Y.", "NY", "212", 1),
        ("CHICAGO", "Ill.", "IL", "312", 1),
        ("HOUSTON", "Texas", "TX", "713", 1),
        ("DALLAS", "Texas", "TX", "214", 1),
        ("AUSTIN", "Texas", "TX", "512", 0),
        ("ATLANTA", "Ga.", "GA", "404", 1),
        ("MIAMI", "Fla.", "FL", "305", 1),
        ("TAMPA", "Fla.", "FL", "813", 0),
        ("SEATTLE", "Wash.", "WA", "206", 1),
        ("BOTHELL", "Wash.", "WA", "425", 0),
        ("DENVER", "Colo.", "CO", "303", 1),
        ("PHOENIX", "Ariz.", "AZ", "602", 1),
        ("MINNEAPOLIS", "Minn.", "MN", "612", 1),
        ("PHILADELPHIA", "Pa.", "PA", "215", 1),
        ("PITTSBURGH", "Pa.", "PA", "412", 1),
        ("RALEIGH", "N.C.", "NC", "919", 0),
        ("CHARLOTTE", "N.C.", "NC", "704", 0),
        ("NASHVILLE", "Tenn.", "TN", "615", 0),
        ("COLUMBUS", "Ohio", "OH", "614", 0),
        ("CLEVELAND", "Ohio", "OH", "216", 1),
        ("DETROIT", "Mich.", "MI", "313", 1),
        ("PRINCETON", "N.J.", "NJ", "609", 0),
        ("SALT LAKE CITY", "Utah", "UT", "801", 1),
        ("LAS VEGAS", "Nev.", "NV", "702", 1),
        ("RESTON", "Va.", "VA", "703", 0),
        ("BETHESDA", "Md.", "MD", "301", 0),
        ("STAMFORD", "Conn.", "CT", "203", 0),
        ("BOCA RATON", "Fla.", "FL", "561", 0),
        ("PORTLAND", "Ore.", "OR", "503", 0),
        ("INDIANAPOLIS", "Ind.", "IN", "317", 1),
        ("ST. LOUIS", "Mo.", "MO", "314", 1),
        ("MILWAUKEE", "Wis.", "WI", "414", 1),
        ("OKLAHOMA CITY", "Okla.", "OK", "405", 1),
        ("NEW ORLEANS", "La.", "LA", "504", 1),
        ("RENO", "Nev.", "NV", "775", 0),
    ),
    "CA": (
        ("VANCOUVER", "British Columbia", "BC", "604", 1),
        ("TORONTO", "Ontario", "ON", "416", 1),
        ("CALGARY", "Alberta", "AB", "403", 1),
        ("MONTREAL", "Quebec", "QC", "514", 1),
        ("OTTAWA", "Ontario", "ON", "613", 1),
        ("EDMONTON", "Alberta", "AB", "780", 0),
        ("KELOWNA", "British Columbia", "BC", "250", 0),
        ("HALIFAX", "Nova Scotia", "NS", "902", 0),
        ("SASKATOON", "Saskatchewan", "SK", "306", 0),
        ("WINNIPEG", "Manitoba", "MB", "204", 0),
        ("MISSISSAUGA", "Ontario", "ON", "905", 0),
    ),
    "AU": (
        ("SYDNEY", "Australia", "NSW", "2", 1),
        ("MELBOURNE", "Australia", "VIC", "3", 1),
        ("PERTH", "Australia", "WA", "8", 1),
        ("BRISBANE", "Australia", "QLD", "7", 0),
    ),
    "UK": (
        ("LONDON", "United Kingdom", "UK", "20", 1),
        ("CAMBRIDGE", "England", "UK", "1223", 0),
        ("OXFORD", "England", "UK", "1865", 0),
        ("EDINBURGH", "Scotland", "UK", "131", 0),
        ("MANCHESTER", "England", "UK", "161", 0),
    ),
}
COUNTRY_W = (("US", 62), ("CA", 25), ("AU", 6), ("UK", 7))
TLD = {"US": ".com", "CA": ".ca", "AU": ".com.au", "UK": ".co.uk"}

AP_MON = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
SHORT_MON = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
FULL_MON = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORD = ("first", "second", "third", "fourth")

DISEASES = (
    "non-small cell lung cancer",
    "acute myeloid leukemia",
    "multiple myeloma",
    "metastatic breast cancer",
    "ovarian cancer",
    "pancreatic cancer",
    "glioblastoma",
    "Alzheimer's disease",
    "Parkinson's disease",
    "amyotrophic lateral sclerosis",
    "Duchenne muscular dystrophy",
    "cystic fibrosis",
    "sickle cell disease",
    "hemophilia A",
    "nonalcoholic steatohepatitis",
    "type 2 diabetes",
    "obesity",
    "rheumatoid arthritis",
    "psoriasis",
    "atopic dermatitis",
    "ulcerative colitis",
    "Crohn's disease",
    "major depressive disorder",
    "schizophrenia",
    "migraine",
    "chronic kidney disease",
    "heart failure",
    "pulmonary arterial hypertension",
    "idiopathic pulmonary fibrosis",
    "hepatitis B",
    "HIV",
    "COVID-19",
    "RSV",
    "spinal muscular atrophy",
    "Fabry disease",
    "myasthenia gravis",
    "lupus",
)

# ---- industries --------------------------------------------------------------
# type weights: earnings dividend acquisition offering appointment conf_call clinical
#               product award lawsuit
TYPES = (
    "earnings",
    "dividend",
    "acquisition",
    "offering",
    "appointment",
    "conf_call",
    "clinical",
    "product",
    "award",
    "lawsuit",
)

INDUSTRIES = [
    dict(
        key="biotech",
        country={"US": 30, "CA": 6, "AU": 4, "UK": 8},
        words=(
            "Therapeutics",
            "Pharmaceuticals",
            "Biosciences",
            "Bio",
            "Biotherapeutics",
            "Biopharma",
            "Oncology",
            "Genomics",
            "Medicines",
        ),
        desc=(
            "a clinical-stage biopharmaceutical company focused on the development of novel therapies for {disease}",
            "a biotechnology company that develops targeted antibody-based therapies for {disease}",
            "a clinical-stage biotechnology company developing precision medicines for patients with {disease}",
            "a commercial-stage biopharmaceutical company dedicated to transforming the treatment of {disease}",
            "a gene therapy company focused on rare genetic diseases, including {disease}",
            "an RNA-based medicines company advancing a pipeline of therapies for {disease}",
        ),
        terms="clinical_trial patients dosing efficacy safety tolerability endpoint endpoints cohort placebo randomized "
        "double-blind biomarker antibody oncology tumor protein molecule compound candidate candidates IND NDA BLA "
        "FDA EMA indication indications pharmacokinetics data readout enrollment investigators response "
        "remission survival progression-free toxicity formulation dose-escalation preclinical Phase".split(),
        prod=("therapy", "antibody", "compound", "program"),
        types=(8, 0, 4, 14, 10, 10, 36, 4, 3, 3),
    ),
    dict(
        key="meddevice",
        country={"US": 10, "CA": 2, "AU": 2, "UK": 2},
        words=("Medical", "Surgical", "Diagnostics", "MedTech", "Health", "Scientific"),
        desc=(
            "a medical technology company focused on minimally_invasive solutions for {disease}",
            "a leading developer of diagnostic tests for {disease}",
            "a medical device company that designs, manufactures and markets surgical systems",
            "a commercial-stage medical technology company transforming cardiovascular care",
        ),
        terms="device devices clearance 510(k) surgeons hospitals procedures implant catheter imaging diagnostic "
        "assay sensitivity specificity reimbursement CMS CE_Mark surgical system systems platform "
        "minimally invasive workflow installed_base utilization clinicians outcomes".split(),
        prod=("System", "Platform", "Assay", "Monitor"),
        types=(16, 0, 6, 10, 10, 10, 14, 22, 6, 4),
    ),
    dict(
        key="software",
        country={"US": 14, "CA": 6, "AU": 2, "UK": 4},
        words=("Software", "Technologies", "Systems", "Networks", "Digital", "Labs", "Cloud", "Data"),
        desc=(
            "a leading provider of cloud-based {soft} software",
            "a global leader in {soft} solutions for enterprises",
            "a software-as-a-service company delivering {soft} applications to mid-market businesses",
            "an AI-powered {soft} platform trusted by thousands of organizations worldwide",
        ),
        terms="cloud SaaS platform subscription subscriptions ARR customers enterprise API APIs analytics AI "
        "machine_learning cybersecurity data integration deployment users workflow automation dashboard "
        "recurring_revenue retention churn modules features release partners ecosystem developers "
        "marketplace mobile endpoint identity compliance".split(),
        prod=("Platform", "Cloud", "Suite", "Studio", "Hub", "AI"),
        types=(20, 1, 8, 6, 10, 12, 0, 28, 9, 3),
    ),
    dict(
        key="semis",
        country={"US": 6, "CA": 1, "AU": 0, "UK": 1},
        words=("Semiconductor", "Micro", "Devices", "Photonics", "Silicon", "Circuits"),
        desc=(
            "a leading supplier of high-performance analog and mixed-signal semiconductors",
            "a fabless semiconductor company providing {semi} solutions",
            "a provider of {semi} chips for data center, automotive and industrial markets",
        ),
        terms="chips chip wafer wafers silicon nanometer foundry design_wins SoC processors memory RF "
        "power_management automotive data_center 5G edge AI accelerator packaging yields fab "
        "bandwidth latency customers OEMs samples production".split(),
        prod=("Processor", "Controller", "SoC", "Transceiver"),
        types=(24, 2, 8, 6, 10, 14, 0, 26, 6, 4),
    ),
    dict(
        key="mining",
        country={"US": 4, "CA": 30, "AU": 14, "UK": 3},
        words=("Gold", "Resources", "Mining", "Minerals", "Metals", "Exploration", "Silver", "Copper", "Lithium"),
        desc=(
            "a gold exploration and development company with projects in {region}",
            "a mineral exploration company focused on high-grade {metal} projects in {region}",
            "a junior exploration company advancing the {proj} {metal} project in {region}",
            "a {metal} producer with operating mines in {region}",
        ),
        terms="drilling drill hole holes intercept intercepts grams tonne g/t metres core assay assays "
        "mineralization vein veins gold silver copper zinc lithium nickel resource reserves NI "
        "43-101 JORC feasibility PEA claims property geophysical sampling trenching outcrop "
        "deposit ounces ore mill permitting exploration".split(),
        prod=("Project", "Property", "Deposit", "Zone"),
        types=(6, 1, 8, 20, 8, 3, 0, 40, 2, 2),
    ),
    dict(
        key="oilgas",
        country={"US": 8, "CA": 8, "AU": 2, "UK": 2},
        words=("Energy", "Petroleum", "Oil & Gas", "Resources", "Midstream", "Exploration"),
        desc=(
            "an independent oil and natural gas company engaged in the acquisition and development of assets in the {basin}",
            "an exploration and production company focused on the {basin}",
            "a midstream energy company operating gathering and processing assets in the {basin}",
        ),
        terms="production barrels boe/d Mcf natural_gas crude_oil wells well drilling completions acreage "
        "reserves PDP hedges hedging pipeline midstream throughput netbacks royalty working_interest "
        "lateral horizontal basin capex decline_rates upstream liquids".split(),
        prod=("Well", "Pad", "Field", "Pipeline"),
        types=(22, 8, 12, 10, 8, 12, 0, 20, 2, 4),
    ),
    dict(
        key="bank",
        country={"US": 12, "CA": 2, "AU": 1, "UK": 1},
        words=("Bancorp", "Financial", "Bancshares", "Capital", "Bank"),
        desc=(
            "the holding company for {base} Bank, N.A., a community bank serving {region}",
            "a bank holding company with ${assets} billion in total assets",
            "a financial holding company headquartered in {city}",
        ),
        terms="loans deposits net_interest_margin NIM allowance credit_losses nonperforming_assets charge-offs "
        "tangible_book_value CET1 capital_ratio branches mortgage commercial_real_estate C&I "
        "borrowers efficiency_ratio fee_income wealth_management treasury provision".split(),
        prod=("Account", "Banking", "Card", "Branch"),
        types=(30, 22, 10, 4, 10, 10, 0, 6, 5, 3),
    ),
    dict(
        key="reit",
        country={"US": 6, "CA": 3, "AU": 2, "UK": 2},
        words=("Realty", "Properties", "REIT", "Real Estate", "Residential", "Industrial Trust"),
        desc=(
            "a self-administered real estate investment trust focused on {prop} properties",
            "an internally managed REIT that owns and operates {prop} properties across {region}",
            "a real estate investment trust specializing in the acquisition of {prop} assets",
        ),
        terms="FFO AFFO occupancy leases leasing tenants rent rents NOI same-property cap_rate square_feet "
        "portfolio properties acquisitions dispositions development units distributions unitholders "
        "multifamily industrial office retail self-storage".split(),
        prod=("Center", "Park", "Tower", "Portfolio"),
        types=(24, 24, 14, 8, 6, 10, 0, 4, 4, 2),
    ),
    dict(
        key="retail",
        country={"US": 8, "CA": 2, "AU": 2, "UK": 3},
        words=("Brands", "Stores", "Retail", "Outfitters", "Group", "Holdings"),
        desc=(
            "a leading specialty retailer of {goods}",
            "an omnichannel retailer of {goods} operating stores across North America",
            "a consumer products company and leading marketer of {goods}",
        ),
        terms="stores comparable_sales e-commerce omnichannel merchandise shoppers traffic loyalty members "
        "inventory markdowns gross_margin holiday_season assortment brands apparel footwear "
        "beauty outlets digital_sales fulfillment".split(),
        prod=("Collection", "Line", "Store", "App"),
        types=(24, 8, 8, 5, 10, 12, 0, 20, 8, 5),
    ),
    dict(
        key="industrial",
        country={"US": 8, "CA": 3, "AU": 1, "UK": 3},
        words=("Industries", "Manufacturing", "Engineering", "Group", "Corporation", "Dynamics"),
        desc=(
            "a diversified industrial manufacturer of {ind} products",
            "a global provider of engineered {ind} solutions",
            "a leading designer and manufacturer of {ind} equipment",
        ),
        terms="orders backlog aerospace defense aftermarket OEM industrial automation components pumps "
        "valves motors factory plants capacity book-to-bill segment margins supply_chain pricing "
        "engineered_products infrastructure".split(),
        prod=("Series", "System", "Line", "Platform"),
        types=(26, 10, 12, 5, 10, 12, 0, 16, 6, 3),
    ),
    dict(
        key="telecom",
        country={"US": 4, "CA": 2, "AU": 1, "UK": 2},
        words=("Communications", "Telecom", "Wireless", "Networks", "Broadband", "Connect"),
        desc=(
            "a provider of {tele} communications services",
            "a leading fiber and broadband provider serving {region}",
            "a wireless infrastructure company providing {tele} services",
        ),
        terms="subscribers postpaid prepaid wireless fiber broadband 5G spectrum towers network churn ARPU "
        "bundles data traffic coverage connections homes_passed customers backhaul".split(),
        prod=("Plan", "Network", "Service", "Fiber"),
        types=(24, 10, 10, 6, 8, 12, 0, 20, 6, 4),
    ),
    dict(
        key="cannabis",
        country={"US": 2, "CA": 8, "AU": 1, "UK": 0},
        words=("Cannabis", "Growth", "Botanicals", "Leaf", "Wellness", "Farms"),
        desc=(
            "a licensed producer of medical and adult-use cannabis",
            "a vertically integrated cannabis company operating in {region}",
            "a consumer-packaged goods company focused on cannabis and hemp-derived products",
        ),
        terms="cannabis THC CBD hemp dispensaries dispensary licence license cultivation extraction "
        "flower vapes edibles adult-use medical patients Health_Canada SKUs provinces grams kilograms".split(),
        prod=("Collection", "Strain", "Line", "Brand"),
        types=(12, 0, 12, 16, 10, 6, 0, 30, 6, 8),
    ),
    dict(
        key="renewables",
        country={"US": 5, "CA": 4, "AU": 2, "UK": 3},
        words=("Renewables", "Solar", "Power", "Clean Energy", "Hydrogen", "Energy Storage"),
        desc=(
            "a developer and operator of utility-scale {ren} projects",
            "a clean energy company focused on {ren} in {region}",
            "a leading provider of {ren} solutions for commercial and industrial customers",
        ),
        terms="megawatts MW GW solar wind storage battery batteries hydrogen electrolyzer interconnection "
        "PPA offtake grid decarbonization emissions carbon modules turbines capacity pipeline "
        "commissioning utility-scale inverter".split(),
        prod=("Project", "Farm", "Station", "System"),
        types=(14, 4, 12, 12, 10, 8, 0, 30, 6, 2),
    ),
    dict(
        key="blockchain",
        country={"US": 3, "CA": 4, "AU": 1, "UK": 1},
        words=("Digital", "Blockchain", "Technologies", "Labs", "Ventures", "Fintech"),
        desc=(
            "a blockchain technology company focused on {chain}",
            "a financial technology company providing {chain} solutions",
            "a digital asset infrastructure company",
        ),
        terms="blockchain bitcoin mining hashrate tokens token crypto digital_assets wallet exchange "
        "payments fintech ledger stablecoin DeFi custody miners EH/s petahash nodes".split(),
        prod=("Wallet", "Pay", "Chain", "Exchange"),
        types=(10, 0, 12, 14, 10, 6, 0, 34, 6, 8),
    ),
    dict(
        key="insurance",
        country={"US": 5, "CA": 2, "AU": 1, "UK": 2},
        words=("Insurance", "Assurance", "Re", "Underwriters", "Holdings", "Casualty"),
        desc=(
            "a specialty insurance holding company",
            "a provider of property and casualty insurance products",
            "a life and annuity insurance company serving {region}",
        ),
        terms="premiums_written combined_ratio underwriting policyholders claims catastrophe losses "
        "reinsurance reserves annuities book_value float investment_income policies agents".split(),
        prod=("Policy", "Program", "Plan", "Coverage"),
        types=(30, 16, 10, 6, 10, 14, 0, 8, 4, 2),
    ),
    dict(
        key="transport",
        country={"US": 5, "CA": 2, "AU": 1, "UK": 2},
        words=("Logistics", "Transportation", "Freight", "Shipping", "Airlines", "Marine"),
        desc=(
            "a provider of {trans} logistics services",
            "a leading North American {trans} transportation company",
            "an asset-light logistics company offering {trans} solutions",
        ),
        terms="freight shipments loads tractors trailers fleet drivers carriers intermodal vessels "
        "containers routes warehouse warehouses terminals fuel rail tonnage yields lanes".split(),
        prod=("Network", "Service", "Fleet", "Hub"),
        types=(26, 8, 12, 6, 10, 12, 0, 16, 6, 4),
    ),
    dict(
        key="food",
        country={"US": 5, "CA": 2, "AU": 1, "UK": 2},
        words=("Foods", "Brands", "Beverage", "Nutrition", "Farms", "Kitchen"),
        desc=(
            "a producer of {food} food products",
            "a leading branded {food} company",
            "a fast-growing plant-based {food} brand sold in thousands of retail locations",
        ),
        terms="retailers grocery SKUs distribution points velocity brand plant-based organic snacks "
        "beverages protein co-packer foodservice consumers shelf category households flavors".split(),
        prod=("Line", "Collection", "Bar", "Blend"),
        types=(20, 6, 10, 8, 10, 10, 0, 28, 6, 2),
    ),
    dict(
        key="utility",
        country={"US": 4, "CA": 1, "AU": 0, "UK": 1},
        words=("Energy", "Utilities", "Power", "Electric", "Gas"),
        desc=(
            "an electric and natural gas utility serving customers in {region}",
            "a regulated utility holding company",
            "a water utility serving communities across {region}",
        ),
        terms="rate_base customers kilowatt-hours regulators commission rate_case grid transmission "
        "distribution outages reliability generation meters storm capital_plan".split(),
        prod=("Program", "Plan", "Station", "Grid"),
        types=(28, 26, 8, 8, 8, 12, 0, 6, 4, 2),
    ),
]

FILL = {
    "soft": (
        "human capital management",
        "supply chain",
        "cybersecurity",
        "data analytics",
        "customer engagement",
        "financial planning",
        "field service",
        "identity management",
        "marketing automation",
        "healthcare IT",
        "e-commerce",
        "IT operations",
    ),
    "semi": (
        "connectivity",
        "power management",
        "RF",
        "optical interconnect",
        "mixed-signal",
        "AI inference",
        "memory interface",
        "timing",
    ),
    "metal": ("gold", "silver", "copper", "lithium", "nickel", "zinc", "uranium", "gold-silver"),
    "region": None,  # per country, see REGIONS
    "proj": None,  # pseudo-word
    "basin": (
        "Permian Basin",
        "Eagle Ford",
        "Montney",
        "Bakken",
        "Western Canadian Sedimentary Basin",
        "DJ Basin",
        "Haynesville",
        "Marcellus",
        "North Sea",
        "Cooper Basin",
    ),
    "prop": (
        "industrial",
        "multifamily",
        "office",
        "grocery-anchored retail",
        "healthcare",
        "self-storage",
        "net-lease",
        "seniors housing",
    ),
    "goods": (
        "outdoor apparel",
        "home furnishings",
        "footwear",
        "beauty products",
        "pet supplies",
        "sporting goods",
        "jewelry",
        "consumer electronics",
    ),
    "ind": (
        "flow control",
        "motion control",
        "aerospace",
        "packaging",
        "filtration",
        "material handling",
        "HVAC",
        "test and measurement",
    ),
    "tele": ("fiber-based", "unified", "wireless", "satellite", "cloud", "managed network"),
    "ren": ("solar", "wind", "battery storage", "green hydrogen", "renewable natural gas", "EV charging"),
    "chain": ("bitcoin mining", "digital payments", "tokenization", "decentralized finance", "digital asset custody"),
    "trans": ("truckload", "less-than-truckload", "intermodal", "cold chain", "last-mile", "ocean freight"),
    "food": ("frozen", "snack", "dairy-free", "organic", "better-for-you", "protein"),
}

REGIONS = {
    "US": (
        "the Pacific Northwest",
        "the Southeast",
        "Texas",
        "New England",
        "the Midwest",
        "Northern California",
        "the Mid-Atlantic region",
        "the Rocky Mountain region",
        "Florida",
        "the Greater New York area",
        "Southern California",
        "the Gulf Coast",
    ),
    "CA": (
        "Ontario",
        "Quebec",
        "Atlantic Canada",
        "Western Canada",
        "British Columbia",
        "Alberta",
        "the Prairies",
        "Northern Ontario",
    ),
    "AU": ("Western Australia", "Queensland", "New South Wales", "Victoria", "South Australia"),
    "UK": ("the United Kingdom", "Scotland", "England and Wales", "Northern Europe", "the UK and Ireland"),
}
MINING_REGIONS = (
    "Nevada",
    "the Yukon",
    "British Columbia's Golden Triangle",
    "Northern Ontario",
    "Quebec",
    "Western Australia",
    "Mexico",
    "Peru",
    "Chile",
    "Idaho",
    "Nunavut",
    "the Abitibi Greenstone Belt",
    "Queensland",
    "Ecuador",
    "Saskatchewan's Athabasca Basin",
)
WORLD_REGIONS = (
    "North America",
    "Europe",
    "Asia-Pacific",
    "Latin America",
    "the Middle East",
    "EMEA",
    "Japan",
    "Germany",
    "the United States",
    "Canada",
)

EXCHANGES = ("Nasdaq", "NYSE", "NYSE American", "TSX", "TSX Venture", "OTCQB", "CSE", "ASX", "LSE", "Frankfurt")
EX_LABELS = {
    "Nasdaq": ("Nasdaq", "NASDAQ", "Nasdaq", "NasdaqGS", "NASDAQ"),
    "NYSE": ("NYSE",),
    "TSX": ("TSX",),
    "TSX Venture": ("TSX VENTURE", "TSXV", "TSX-V", "TSX.V", "TSXV"),
    "OTCQB": ("OTCQB", "OTC", "OTCQB", "OTCQX"),
    "CSE": ("CSE",),
    "ASX": ("ASX",),
    "LSE": ("LSE", "AIM", "LSE"),
    "Frankfurt": ("FSE", "FRA", "Frankfurt"),
}

AWARD_PUBS = (
    "The Boston Globe",
    "Forbes",
    "Fortune",
    "Deloitte",
    "Inc. Magazine",
    "Computerworld",
    "the Financial Times",
    "The Globe and Mail",
    "Newsweek",
    "the San Diego Business Journal",
    "Crain's",
    "the Houston Chronicle",
    "Canada's Best Managed Companies",
    "the Stevie Awards",
    "Frost & Sullivan",
)
AWARD_WHAT = (
    "Top Places to Work",
    "Best Employers",
    "Fastest-Growing Companies",
    "Most Innovative Companies",
    "Best Workplaces",
    "Technology Fast 500",
    "Company of the Year",
    "Best Product of the Year",
    "Sustainability Leaders",
    "Top 100 Companies",
    "Best Managed Companies",
    "Excellence Award",
)

INTRO_VERBS = (
    "today announced",
    "today announced",
    "today announced",
    "announced today",
    "is pleased to announce",
    "today announced",
)

# Sentence templates; slots: N noun, A adj, V verb, D past verb, I industry term,
# S short company name, P product name, R region, X small number, Y future year
GENERIC = """The {A} {N} is expected to {V} {N} across {A} {N} markets.
{S} continues to {V} its {A} {N} and {N} capabilities in {R}.
The {N} is designed to {V} {A} {N} for {I} and {N} customers.
During the period, {S} has {D} its {N} {N} and {D} new {N} with {A} {N} partners.
This {N} reflects our {A} focus on {N}, {N} and {A} {N}.
The {I} market is projected to reach ${X} billion by {Y}, according to {A} industry estimates.
{S} expects the {N} to {V} {N} and {V} {A} {N} over the next {X} months.
In addition, the {N} has {D} a {A} {N} of {N} in the {I} segment.
Management will continue to {V} {N} while maintaining a {A} {N} and {A} {N}.
These {N} are intended to {V} the {N} of {I} {N} and to {V} {A} {N}.
As a result, {S} is well positioned to {V} {A} {N} in {Y} and beyond.
The {A} {I} {N} will allow {S} to {V} its {N} and {V} {N} for its {N}.
Over the past {X} years, {S} has {D} a {A} {N} of {I} {N} and {N}.
{S} intends to {V} the {N} through a combination of {A} {N} and {A} {N}.
The {N} includes {A} {N}, {A} {I} and {N} that {V} {N}.
Further details regarding the {N} will be provided in {S}'s {A} {N} filings.
With this {N}, {S} now serves more than {X},000 {N} in {R}.
The {A} {N} of {I} remains a {A} {N} for {N} and {N} alike.
{S} believes the {N} will {V} {A} {N} and {V} {N} for its shareholders.
The {N} will be {D} in phases, beginning with {A} {N} in {R}.
Key features of the {N} include {A} {N}, {A} {I} and {A} {N}.
According to {S}, the {A} {N} has {D} {N} by approximately {X}% since {Y0}.
The {N} builds on {S}'s {A} track record of {N} and {A} {I}.
{P} combines {A} {I} with {A} {N} to {V} {N} and {N}.
Customers using {P} have {D} {A} {N} and {D} {N} by up to {X}%.
The {A} {N} is subject to customary {N} and {A} {N}.
Proceeds are expected to {V} {N} and {A} {N} initiatives.
The {N} and the {N} were {D} by {S}'s board of directors.
{S} plans to {V} additional {N} in {R} during {Y}.
Both the {N} and the {A} {N} remain on track, and {S} will {V} {N} as appropriate.
The {N} represents a {A} step in {S}'s {A} {N} to {V} {I}.
Demand for {I} {N} continues to {V}, driven by {A} {N} and {A} {N}.
Through the {N}, {S} will gain access to {A} {N}, {I} and {N}.
{S} has {D} more than {X} {N} and {X} {I} {N} to date.
The {A} {N} enables {N} to {V} {I} {N} with {A} {N}.
""".strip().splitlines()

QUOTES = """We are very pleased with the {A} {N} our team has {D} during the period.
This {N} is a {A} milestone for {S} and for the {N} we serve.
Our {A} {N} and {A} {N} position us to {V} {A} {N}.
We believe {P} will {V} the way {N} {V} {I} {N}.
I want to thank our {N} and {N} for their {A} {N} and {N}.
We remain focused on executing our {A} {N} and delivering {A} {N} to our shareholders.
The {A} {N} we are seeing across {R} gives us confidence in our {A} {N}.
Looking ahead to {Y}, we expect to {V} our {N} and {V} {A} {N}.
We are excited to {V} our {N} with {A} {N} and {A} {I}.
Together, we will {V} {A} {N} and {V} {N} for {I} customers.
This is a {A} moment in our {N}, and we look forward to the {A} {N} ahead.
Our {N} in {I} reflects the {A} {N} of our entire organization.
""".strip().splitlines()

# slot kinds; a template slot is filled by next() on the iterator _Gen.its[KINDS.index(kind)]
KINDS = ("N", "A", "V", "D", "X", "aN", "aA", "aI", "aD", "S", "P", "I", "R", "Y", "Y0", "T")
_SLOT = re.compile(r"\{(N|A|V|D|I|S|P|R|X|Y0|Y|T|aN|aA|aI|aD)\}")


def _compile(tpls):
    out = []
    for t in tpls:
        t = re.sub(r"\ba \{(N|A|I|D)\}", r"{a\1}", t)
        kinds = tuple(m.group(1) for m in _SLOT.finditer(t))
        idx = tuple(KINDS.index(k) for k in kinds)
        out.append((_SLOT.sub("{}", t.replace("{{", "((").replace("}}", "))")), kinds, idx))
    return tuple(out)


assert KINDS.index("aI") == 7 and KINDS[9:15] == ("S", "P", "I", "R", "Y", "Y0")
GENERIC_C = _compile(GENERIC)
QUOTES_C = _compile(QUOTES)


def _zipf_cw(n, s=1.05, q=1.7):
    acc = 0.0
    cw = []
    for r in range(n):
        acc += 1.0 / (r + q) ** s
        cw.append(acc)
    return cw


def _sampler(rng, pop, cw, k=2048):
    """Fast endless weighted sampler: returns an iterator of draws from ``pop``.

    The cumulative weights are quantised into a 65,536-slot lookup table (every
    item keeps at least one slot); random 16-bit indices come from one
    ``getrandbits`` call per batch of ``k`` draws, so a draw costs ~50 ns.
    """
    size = 1 << 16
    total = cw[-1]
    counts = [max(1, round((c - p) / total * size)) for p, c in zip([0.0] + cw[:-1], cw, strict=True)]
    counts[0] += size - sum(counts)  # head absorbs the rounding error
    table = []
    for item, c in zip(pop, counts, strict=True):
        table.extend([item] * c)
    getitem = table.__getitem__
    getrandbits = rng.getrandbits
    swap = sys.byteorder == "big"

    def batches():
        while True:
            idx = array("H", getrandbits(16 * k).to_bytes(2 * k, "little"))
            if swap:
                idx.byteswap()
            yield map(getitem, idx)

    return itertools.chain.from_iterable(batches())


_A_AN = re.compile(r"\b([Aa]) ([A-Za-z][\w-]*)")
_NOT_AN = ("uni", "use", "usu", "uti", "ura", "eu", "one", "Uni", "Use", "Eu", "One")


def _art(word):
    """Prefix ``word`` with the right indefinite article ("a" / "an")."""
    if word[:1] in "aeiouAEIOU" and not word.startswith(_NOT_AN):
        return "an " + word
    return "a " + word


def _fix_articles(text):
    """Turn "a important" into "an important" (used on per-company text)."""
    return _A_AN.sub(lambda m: m.group(1) + _art(m.group(2))[1:], text)


def _slug(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def _titles_for(ind_key):
    """Executive titles that make sense for an industry (no CMO at a gold miner)."""
    out = []
    for t in TITLES:
        if ("Medical" in t or "Scientific" in t) and ind_key not in ("biotech", "meddevice"):
            continue
        if "Exploration" in t and ind_key != "mining":
            continue
        out.append(t)
    return tuple(out)


def _money_t(m):
    return _money(m).replace(" million", " Million").replace(" billion", " Billion")


def _money(m):
    """Format a value in millions as "$12.3 million" / "$1.24 billion"."""
    if m >= 1000:
        return f"${m / 1000:,.2f} billion"
    return f"${m:,.1f} million"


# --------------------------------------------------------------------------
# Companies
# --------------------------------------------------------------------------


class Company:
    __slots__ = (
        "idx",
        "base",
        "name",
        "short",
        "country",
        "city",
        "ind",
        "listings",
        "domain",
        "desc",
        "region",
        "about_head",
        "about",
        "fls",
        "ceo",
        "cfo",
        "ir",
        "media",
        "scale",
        "shares",
        "founded",
        "products",
        "ceo_title",
        "tsxv",
        "type_cw",
        "fy_shift",
    )


class _Gen:
    def __init__(self, seed: int):
        self.rng = rng = random.Random(seed)
        self.seed = seed
        self._used_names = set()
        self._used_tickers = {ex: set() for ex in EXCHANGES}
        # vocabulary with Zipf weights: real words first, pseudo-words in the tail
        pn = self._pseudo_vocab(2600, NOUN_SUFFIX, 0.55)
        pa = self._pseudo_vocab(500, ADJ_SUFFIX, 1.0)
        nouns = list(dict.fromkeys(NOUNS)) + pn
        adjs = list(dict.fromkeys(ADJS)) + pa
        verbs = list(dict.fromkeys(VERBS))
        past = list(dict.fromkeys(VERBS_PAST))
        self.vocab_size = len(nouns) + len(adjs) + len(verbs) + len(past)
        self.nx = {
            "N": _sampler(rng, nouns, _zipf_cw(len(nouns), 1.1)),
            "A": _sampler(rng, adjs, _zipf_cw(len(adjs), 1.1)),
            "V": _sampler(rng, verbs, _zipf_cw(len(verbs), 0.9)),
            "D": _sampler(rng, past, _zipf_cw(len(past), 0.9)),
            "X": _sampler(rng, [str(i) for i in range(2, 101)], _zipf_cw(99, 0.8)),
        }
        self.pseudo_nouns = pn
        its = self.its = [None] * len(KINDS)
        for k, it in self.nx.items():
            its[KINDS.index(k)] = it
        for k in "NAD":
            its[KINDS.index("a" + k)] = map(_art, its[KINDS.index(k)])
        self.nx = {k: its[i].__next__ for i, k in enumerate(KINDS) if its[i] is not None}
        self._its_get = its.__getitem__
        self.tpl_generic = _sampler(rng, GENERIC_C, list(range(1, len(GENERIC_C) + 1)))
        self.tpl_quote = _sampler(rng, QUOTES_C, list(range(1, len(QUOTES_C) + 1)))
        for ind in INDUSTRIES:
            ind["terms"] = [t.replace("_", " ") for t in ind["terms"]]
            ind["terms_cw"] = _zipf_cw(len(ind["terms"]), 0.9)
            ind["type_cw"] = list(itertools.accumulate(ind["types"]))
        # companies
        ind_by_country = {}
        for c, _ in COUNTRY_W:
            ind_by_country[c] = (
                [i for i in INDUSTRIES if i["country"].get(c)],
                list(itertools.accumulate(i["country"][c] for i in INDUSTRIES if i["country"].get(c))),
            )
        countries = [c for c, _ in COUNTRY_W]
        ccw = list(itertools.accumulate(w for _, w in COUNTRY_W))
        self.companies = []
        for idx in range(N_COMPANIES):
            country = rng.choices(countries, cum_weights=ccw)[0]
            inds, icw = ind_by_country[country]
            self.companies.append(self._company(idx, country, rng.choices(inds, cum_weights=icw)[0]))
        for co in self.companies:
            co.about, co.fls = self._boilerplate(co)
        # Zipf release counts over companies (rank order is the creation order, already random)
        self.co_cw = _zipf_cw(N_COMPANIES, 1.0, 4.0)
        self.lawfirms = [self._lawfirm() for _ in range(24)]
        self.lf_cw = _zipf_cw(len(self.lawfirms), 1.0, 1.5)
        self.d0 = DATE_START.toordinal()
        self.d1 = DATE_END.toordinal()

    # ---- name helpers ------------------------------------------------------
    def _pseudo(self, nsyl):
        r = self.rng
        return "".join(r.choice(ONSETS) + r.choice(VOWELS) for _ in range(nsyl))

    def _pseudo_vocab(self, n, suffixes, p_suffix):
        r = self.rng
        seen = set()
        out = []
        while len(out) < n:
            w = self._pseudo(r.choice((1, 2, 2, 3)))
            w += r.choice(suffixes) if r.random() < p_suffix else r.choice(CODAS)
            if len(w) > 3 and w not in seen:
                seen.add(w)
                out.append(w)
        return out

    def _brand(self):
        r = self.rng
        while True:
            b = "".join(r.choice(ONSETS) + r.choice(BRAND_VOWELS) for _ in range(r.choice((1, 1, 2))))
            b += r.choice(BRAND_CONS) + r.choice(NAME_ENDS)
            b = b[0].upper() + b[1:]
            if 4 <= len(b) <= 11 and b not in self._used_names:
                self._used_names.add(b)
                return b

    def _person(self):
        r = self.rng
        mid = f" {r.choice('ABCDEFGHJKLMNPRSTW')}." if r.random() < 0.2 else ""
        return f"{r.choice(FIRST_NAMES)}{mid} {r.choice(LAST_NAMES)}"

    def _phone(self, co_country, area):
        r = self.rng
        a, b = r.randint(200, 999), r.randint(0, 9999)
        if co_country in ("US", "CA"):
            fmt = r.random()
            if fmt < 0.45:
                return f"({area}) {a}-{b:04d}"
            if fmt < 0.85:
                return f"{area}-{a}-{b:04d}"
            return f"+1 {area} {a} {b:04d}"
        if co_country == "AU":
            return f"+61 {area} {r.randint(8000, 9999)} {b:04d}"
        return f"+44 (0){area} {r.randint(3000, 7999)} {b:04d}"

    def _ticker(self, ex, base, ln):
        r = self.rng
        used = self._used_tickers[ex]
        letters = [ch for ch in base.upper() if ch.isalpha()]
        for attempt in range(40):
            if ex == "Frankfurt":
                t = f"{r.randint(0, 9)}{r.choice('ABCDEFGHKLMNPRSTWXZ')}{r.choice('ABCDEFGHKLMNPRSTWXZ')}{r.choice('0123456789ABCDEFGH')}"
            else:
                k = ln + (attempt > 30)
                if attempt < 12 and len(letters) >= k:
                    pick = [0] + sorted(r.sample(range(1, len(letters)), k - 1))
                    t = "".join(letters[i] for i in pick)
                else:
                    t = letters[0] + "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(k - 1))
            if t not in used:
                used.add(t)
                return t
        t = "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(ln + 2))
        used.add(t)
        return t

    def _listings(self, country, base, ind_key):
        r = self.rng
        L = []
        if country == "US":
            ex = r.choices(
                ("Nasdaq", "NYSE", "NYSE American", "OTCQB"),
                weights=(50, 30, 8, 12) if ind_key not in ("bank", "utility", "reit") else (40, 50, 6, 4),
            )[0]
            L.append(
                (
                    ex,
                    self._ticker(
                        ex, base, {"Nasdaq": 4, "NYSE": r.choice((1, 2, 3, 3)), "NYSE American": 3, "OTCQB": 4}[ex]
                    ),
                )
            )
            if r.random() < 0.08 and ex != "OTCQB":
                ex2 = r.choice(("TSX", "LSE", "Frankfurt"))
                L.append((ex2, L[0][1] if ex2 == "TSX" else self._ticker(ex2, base, 3)))
        elif country == "CA":
            ex = r.choices(
                ("TSX", "TSX Venture", "CSE"),
                weights=(35, 40, 25) if ind_key not in ("cannabis", "blockchain") else (20, 30, 50),
            )[0]
            t = self._ticker(ex, base, {"TSX": r.choice((1, 2, 3, 3, 4)), "TSX Venture": 3, "CSE": 4}[ex])
            L.append((ex, t))
            if ex == "TSX" and r.random() < 0.4:
                ex2 = r.choice(("NYSE", "NYSE", "Nasdaq", "NYSE American"))
                L.append((ex2, t if t not in self._used_tickers[ex2] else self._ticker(ex2, base, 3)))
                self._used_tickers[ex2].add(L[-1][1])
            elif ex != "TSX":
                if r.random() < 0.6:
                    L.append(("OTCQB", self._ticker("OTCQB", base, 4) + "F"))
                if r.random() < 0.45:
                    L.append(("Frankfurt", self._ticker("Frankfurt", base, 4)))
        elif country == "AU":
            L.append(("ASX", self._ticker("ASX", base, 3)))
            if r.random() < 0.3:
                L.append(("OTCQB", self._ticker("OTCQB", base, 4) + r.choice("FY")))
        else:
            L.append(("LSE", self._ticker("LSE", base, r.choice((3, 4)))))
            if r.random() < 0.2:
                ex2 = r.choice(("Nasdaq", "OTCQB"))
                L.append((ex2, self._ticker(ex2, base, 4)))
        return L

    def _fill_desc(self, tpl, co):
        r = self.rng
        out = tpl
        for key, vals in FILL.items():
            ph = "{" + key + "}"
            if ph in out:
                v = co.region if key == "region" else (self._brand() if vals is None else r.choice(vals))
                out = out.replace(ph, v)
        return (
            out.replace("{disease}", r.choice(DISEASES))
            .replace("{base}", co.base)
            .replace("{city}", co.city[0].title())
            .replace("{assets}", f"{r.uniform(1, 40):.1f}")
        )

    def _company(self, idx, country, ind):
        r = self.rng
        co = Company()
        co.idx = idx
        co.country = country
        co.ind = ind
        co.type_cw = ind["type_cw"]
        co.city = r.choice(CITIES[country])
        co.region = r.choice(MINING_REGIONS if ind["key"] == "mining" else REGIONS[country])
        base = self._brand()
        co.base = base
        word = r.choice(ind["words"]) if r.random() < 0.7 else ""
        short = f"{base} {word}" if word else base
        if country == "US":
            suffix = r.choice((", Inc.", ", Inc.", ", Inc.", " Corp.", " Corporation", " Holdings, Inc.", ", Inc."))
        elif country == "CA":
            suffix = r.choice((" Corp.", " Inc.", " Ltd.", " Corp.", " Holdings Inc.", " Limited"))
        elif country == "AU":
            suffix = r.choice((" Ltd", " Limited", " Ltd."))
        else:
            suffix = r.choice((" plc", " plc", " Holdings plc", " Ltd."))
        if word in ("Bank", "REIT", "Re") or (word.endswith("Trust")):
            suffix = r.choice(("", " Corp.", ", Inc.")) if word != "Bank" else r.choice((" Corp.", ", Inc."))
        co.name = short + suffix
        co.short = short
        co.listings = self._listings(country, base, ind["key"])
        co.tsxv = any(ex == "TSX Venture" for ex, _ in co.listings)
        co.domain = (
            base.lower() + (word.lower().replace(" ", "").replace("&", "") if r.random() < 0.5 else "") + TLD[country]
        )
        co.desc = _fix_articles(self._fill_desc(r.choice(ind["desc"]), co))
        co.ceo = self._person()
        co.ceo_title = (
            r.choice(TITLES[:3])
            if ind["key"] != "mining"
            else r.choice(("President and CEO", "CEO and Director", TITLES[0]))
        )
        co.cfo = self._person()
        co.ir = (
            self._person(),
            r.choice(
                (
                    "Investor Relations",
                    "Vice President, Investor Relations",
                    "Executive Director, Investor Relations and Corporate Communications",
                    "Director, Corporate Communications",
                    "Chief Financial Officer",
                )
            ),
            self._phone(country, co.city[3]),
            r.choice(("ir@", "investors@", "info@", "investorrelations@")) + co.domain,
        )
        agency = r.choice(
            (
                "The {} Network",
                "{} Communications",
                "{} & Partners",
                "{} Group",
                "{} Strategic Communications",
                "{} PR",
                "{} Advisors",
                "{} Consulting",
            )
        )
        agency = agency.format(r.choice(LAST_NAMES) if r.random() < 0.7 else self._brand())
        mname = self._person()
        adom = re.sub(r"[^a-z]", "", agency.lower())[:14] + ".com"
        co.media = (mname, agency, self._phone(country, co.city[3]), mname.split()[0].lower() + "@" + adom)
        small = co.listings[0][0] in ("TSX Venture", "CSE", "OTCQB") or (country == "AU" and ind["key"] == "mining")
        co.scale = r.lognormvariate(0.6, 1.1) if small else r.lognormvariate(3.4, 1.5)  # quarterly revenue, $M
        co.shares = r.lognormvariate(4.0, 1.0)  # millions of shares
        co.founded = r.randint(1890, 2018) if r.random() < 0.5 else r.randint(1995, 2019)
        co.products = [
            self._brand() + (" " + r.choice(ind["prod"]) if r.random() < 0.6 else "") for _ in range(r.randint(1, 3))
        ]
        if ind["key"] == "biotech":
            co.products = [
                self._pseudo(2).capitalize() + r.choice(DRUG_SUFFIX)
                if r.random() < 0.5
                else f"{base[:3].upper()}-{r.randint(100, 999)}"
                for _ in range(r.randint(1, 3))
            ]
        co.about_head = f"About {co.name}" if r.random() < 0.7 else f"About {short}"
        co.fy_shift = r.random() < 0.2
        return co

    def _boilerplate(self, co):
        r = self.rng
        nx = self.nx
        S, ind = co.short, co.ind
        terms = ind["terms"]
        s = [f"{co.name} is {co.desc}."]
        hq = f"{co.city[0].title()}, {co.city[1]}"
        s.append(
            r.choice(
                (
                    f"Founded in {co.founded}, {S} is headquartered in {hq}.",
                    f"Headquartered in {hq}, {S} employs approximately {r.randint(12, 9000):,} people.",
                    f"The Company's {nx['A']()} {nx['N']()} include {', '.join(co.products)}.",
                    f"{S} has {nx['A']()} {r.choice(terms)} and {r.choice(terms)} expertise across {nx['N']()} and {nx['N']()}.",
                )
            )
        )
        for _ in range(r.randint(3, 6)):
            fmt, kinds, _ = r.choice(GENERIC_C)
            args = []
            for k in kinds:
                if k[0] == "a":
                    args.append(_art(r.choice(terms) if k == "aI" else nx[k[1]]()))
                elif k == "S":
                    args.append(S)
                elif k == "I":
                    args.append(r.choice(terms))
                elif k == "P":
                    args.append(co.products[0])
                elif k == "R":
                    args.append(co.region)
                elif k in ("Y", "Y0"):
                    args.append(str(r.randint(2026, 2032)) if k == "Y" else "inception")
                else:
                    args.append(nx[k]())
            s.append(fmt.format(*args))
        if co.listings[0][0] in ("Nasdaq", "NYSE", "NYSE American"):
            s.append(f'{S}\'s common stock trades on the {co.listings[0][0]} under the symbol "{co.listings[0][1]}".')
        url = r.choice((f"www.{co.domain}", f"http://www.{co.domain}", f"<https://www.{co.domain}>"))
        s.append(
            r.choice(
                (
                    f"For more information, visit {url}.",
                    f"More information about {co.base} can be found at {url}.",
                    f"To learn more, please visit {url}.",
                    f"Further information is available at {url}.",
                )
            )
        )
        about = _fix_articles(" ".join(s))
        # forward-looking statements, fixed per company
        canadian = co.country == "CA"
        risks = r.sample(terms, min(4, len(terms)))
        risk_text = ", ".join(f"risks related to {t}" for t in risks[:3])
        if canadian:
            fls = (
                f"This press release contains forward-looking statements and forward-looking information within "
                f"the meaning of applicable Canadian securities legislation. Forward-looking statements are "
                f'frequently characterized by words such as "plan", "expect", "project", "intend", '
                f'"believe", "anticipate", "estimate" and other similar words, or statements that certain events '
                f'or conditions "may" or "will" occur. These statements are based on the opinions and estimates of '
                f"management at the date the statements are made, and are subject to a variety of risks and "
                f"uncertainties and other factors that could cause actual events or results to differ materially from "
                f"those projected, including {risk_text}, the availability of financing, and general economic, market "
                f"or business conditions. {S} undertakes no obligation to update forward-looking statements if "
                f"circumstances or management's estimates or opinions should change except as required by applicable "
                f"securities laws. The reader is cautioned not to place undue reliance on forward-looking statements."
            )
        else:
            fls = (
                f"This press release contains forward-looking statements within the meaning of Section 27A of the "
                f"Securities Act of 1933, as amended, and Section 21E of the Securities Exchange Act of 1934, as "
                f"amended, including statements regarding {S}'s expectations about its {nx['N']()}, {nx['N']()} and "
                f'{r.choice(terms)}. Words such as "anticipate", "believe", "could", "estimate", "expect", '
                f'"intend", "may", "plan", "potential", "should", "will" and similar expressions are intended '
                f"to identify forward-looking statements. These statements are subject to risks and uncertainties "
                f"that could cause actual results to differ materially, including {risk_text}, competition, and "
                f"other risks described in {S}'s filings with the Securities and Exchange Commission, including its "
                f"most recent Annual Report on Form {'10-K' if co.country == 'US' else '20-F'} and subsequent "
                f"Quarterly Reports. Forward-looking statements speak only as of the date of this release, and "
                f"{S} undertakes no obligation to update them, except as required by law."
            )
        head = r.choice(
            (
                "Forward-Looking Statements",
                "Cautionary Note Regarding Forward-Looking Statements",
                "Safe Harbor Statement",
                "Forward-Looking Information",
                "",
            )
        )
        return about, (head, fls)

    def _lawfirm(self):
        r = self.rng
        a, b = r.choice(LAST_NAMES), r.choice(LAST_NAMES)
        n = f"{a} {b}" + r.choice((" LLP", " & Co. LLP", " LLC", " P.C.", " Law Firm"))
        city = r.choice(CITIES["US"][:14])
        partner = self._person()
        dom = re.sub(r"[^a-z]", "", (a + b).lower()) + r.choice(("law.com", "llp.com", ".com"))
        about = (
            f"{n} is a nationally recognized law firm with offices in {city[0].title()} and "
            f"{r.choice(('New York', 'Los Angeles', 'Chicago', 'San Francisco', 'Philadelphia'))}. "
            f"The firm represents investors in securities class actions and shareholder derivative litigation "
            f"and has recovered more than ${r.randint(1, 9)}.{r.randint(0, 9)} billion for investors since "
            f"{r.randint(1970, 2005)}. Attorney advertising. Prior results do not guarantee similar outcomes."
        )
        return dict(
            name=n,
            city=city,
            partner=partner,
            about=about,
            phone=f"{r.choice(('800', '888', '877'))}-{r.randint(200, 999)}-{r.randint(0, 9999):04d}",
            email=f"{partner.split()[-1].lower()}@{dom}",
            dom=dom,
        )

    # ---- per-release helpers ----------------------------------------------
    def sentence(self, tpls=GENERIC_C):
        fmt, _, kidx = next(self.tpl_generic if tpls is GENERIC_C else self.tpl_quote)
        return fmt.format(*map(next, map(self._its_get, kidx)))

    def para(self, n):
        """``n`` filler sentences, filled with a single str.format call."""
        tp = list(itertools.islice(self.tpl_generic, n))
        fmt = " ".join([t[0] for t in tp])
        return fmt.format(*map(next, map(self._its_get, itertools.chain.from_iterable([t[2] for t in tp]))))

    def quote(self, co, person=None, title=None):
        r = self.rng
        q = " ".join([self.sentence(QUOTES_C) for _ in range(r.randint(2, 4))])
        q = q[:-1] + ","
        person = person or co.ceo
        title = title or co.ceo_title
        verb = r.choice(("said", "said", "stated", "commented", "added"))
        if r.random() < 0.5:
            return f'"{q}" {verb} {person}, {title} of {co.short}.'
        return f'"{q}" {verb} {person}, {co.short}\'s {title}.'

    def listing_str(self, co, d):
        r = self.rng
        sep = r.choice((": ", ": ", ":", ": "))
        parts = []
        for ex, t in co.listings:
            if ex == "NYSE American":
                lab = "NYSE Amex" if d.year < 2012 else ("NYSE MKT" if d.year < 2017 else "NYSE American")
                if r.random() < 0.3:
                    lab = lab.upper()
            else:
                lab = r.choice(EX_LABELS[ex])
            parts.append(f"{lab}{sep}{t}")
        if len(parts) == 1:
            return f"({parts[0]})"
        mode = r.random()
        if mode < 0.45:
            return "(" + ", ".join(parts) + ")"
        if mode < 0.75:
            return " ".join(f"({p})" for p in parts)
        return "(" + "; ".join(parts) + ")"

    def other_company(self, co):
        c = self.companies[self.rng.randrange(N_COMPANIES)]
        return c if c is not co else self.companies[(c.idx + 1) % N_COMPANIES]

    def ref(self, c, d):
        return f"{c.name} {self.listing_str(c, d)}"

    def fdate(self, d, style="full"):
        if style == "full":
            return f"{FULL_MON[d.month - 1]} {d.day}, {d.year}"
        return f"{AP_MON[d.month - 1]} {d.day}, {d.year}"

    def bullets(self, items):
        mark = self.rng.choice(("- ", "* ", "- ", "• "))
        return "\n".join(mark + it for it in items)

    # ---- release types ----------------------------------------------------
    def t_earnings(self, co, d, ann):
        r = self.rng
        q = (d.month - 1) // 3 - 1
        y = d.year
        if q < 0:
            q, y = 3, y - 1
        fiscal = "Fiscal " if co.fy_shift else ""
        fy = y + 1 if co.fy_shift and q >= 2 else y
        pend = date(y, 3 * q + 3, (31, 30, 30, 31)[q])
        rev = co.scale * r.uniform(0.85, 1.2)
        g = r.uniform(-15, 35)
        prev = rev / (1 + g / 100)
        margin = r.uniform(-25, 30)
        ni = rev * margin / 100
        eps = ni / co.shares
        ord_ = ORD[q].capitalize()
        full = q == 3 and not co.fy_shift
        qname = f"{ord_} Quarter {fiscal}{fy}" if not full else f"Fourth Quarter and Full Year {fy}"
        hl = r.choice(
            (
                f"{co.name} Reports {qname} Financial Results",
                f"{co.short} Announces {qname} Results",
                f"{co.short} Reports {qname} Results",
                f"{co.name} Reports {'Record ' if g > 15 else ''}Revenue of {_money_t(rev)} for {ord_} Quarter {fiscal}{fy}",
                f"{co.short} Reports {qname} Results; {'Raises' if g > 10 else 'Reaffirms'} Full-Year Guidance",
            )
        )
        lead = (
            f"today reported financial results for the {ORD[q]} quarter{' and full year' if full else ''} "
            f"ended {self.fdate(pend)}."
        )
        hi = [
            f"Revenue of {_money(rev)}, {'up' if g >= 0 else 'down'} {abs(g):.0f}% year-over-year",
            f"GAAP net {'income' if ni >= 0 else 'loss'} of {_money(abs(ni))}, or ${abs(eps):.2f} per diluted share",
            f"Adjusted EBITDA of {_money(abs(rev * (margin + r.uniform(3, 12)) / 100))}",
            f"Cash and cash equivalents of {_money(co.scale * r.uniform(0.5, 4))} as of {self.fdate(pend)}",
        ]
        for _ in range(r.randint(1, 3)):
            hi.append(self.sentence()[:-1])
        paras = [
            f"{ord_} Quarter {fiscal}{fy} Highlights",
            self.bullets(hi),
            "Financial Results",
            (
                f"Revenue for the {ORD[q]} quarter of {fiscal.lower()}{fy} was {_money(rev)}, compared to "
                f"{_money(prev)} for the {ORD[q]} quarter of {fiscal.lower()}{fy - 1}. Gross margin was "
                f"{r.uniform(20, 80):.1f}%, compared to {r.uniform(20, 80):.1f}% in the prior-year period. "
                f"Operating expenses were {_money(rev * r.uniform(0.2, 0.9))}. " + self.para(2)
            ),
            (
                f"Net {'income' if ni >= 0 else 'loss'} for the quarter was {_money(abs(ni))}, or "
                f"${abs(eps):.2f} per {'basic and ' if r.random() < 0.5 else ''}diluted share, compared to net "
                f"{'income' if r.random() < 0.6 else 'loss'} of {_money(abs(ni) * r.uniform(0.5, 1.5))}, or "
                f"${abs(eps) * r.uniform(0.5, 1.5):.2f} per diluted share, in the same period last year."
            ),
        ]
        if r.random() < 0.6:
            lo = co.scale * 4 * r.uniform(0.9, 1.1)
            paras += [
                "Outlook",
                f"For {fy if q < 3 else fy + 1}, {co.short} expects revenue in the range of "
                f"{_money(lo)} to {_money(lo * 1.06)} and adjusted EBITDA of {_money(lo * 0.1)} to "
                f"{_money(lo * 0.13)}. " + self.sentence(),
            ]
        if r.random() < 0.4:
            w = 14
            rows = [
                ("", f"Q{q + 1} {fy}", f"Q{q + 1} {fy - 1}"),
                ("Revenue", f"{rev:,.1f}", f"{prev:,.1f}"),
                ("Gross profit", f"{rev * 0.5:,.1f}", f"{prev * 0.48:,.1f}"),
                ("Operating income", f"{ni * 1.2:,.1f}", f"{ni * r.uniform(0.5, 1.3):,.1f}"),
                ("Net income", f"{ni:,.1f}", f"{ni * r.uniform(0.5, 1.3):,.1f}"),
                ("Diluted EPS", f"{eps:.2f}", f"{eps * r.uniform(0.5, 1.3):.2f}"),
            ]
            tbl = "\n".join(f"{a:<22}{b:>{w}}{c:>{w}}" for a, b, c in rows)
            paras += ["(in millions, except per share amounts)\n" + tbl]
        cd = d
        paras += [
            "Conference Call",
            f"{co.short} will host a conference call and webcast today at "
            f"{r.choice(('8:30 a.m.', '9:00 a.m.', '4:30 p.m.', '5:00 p.m.', '10:00 a.m.'))} ET to discuss the "
            f"results. The call can be accessed by dialing {r.choice(('1-877', '1-888', '1-800'))}-"
            f"{r.randint(200, 999)}-{r.randint(0, 9999):04d} (domestic) or 1-{r.randint(201, 989)}-"
            f"{r.randint(200, 999)}-{r.randint(0, 9999):04d} (international), conference ID "
            f"{r.randint(1000000, 9999999)}. A replay will be available through {self.fdate(cd + timedelta(days=14))}.",
        ]
        return hl, None, lead, paras

    def t_dividend(self, co, d, ann):
        r = self.rng
        amt = round(r.uniform(0.02, 1.6), 2)
        pay = d + timedelta(days=r.randint(20, 45))
        rec = pay - timedelta(days=r.randint(10, 18))
        inc = r.random() < 0.3
        kind = r.choice(("quarterly", "quarterly", "monthly", "special", "semi-annual"))
        if co.ind["key"] == "reit":
            unit = r.choice(("share", "unit"))
        else:
            unit = "share"
        hl = r.choice(
            (
                f"{co.name} Declares {kind.capitalize()} Cash Dividend of ${amt:.2f} per {unit.capitalize()}",
                f"{co.short} Announces {kind.capitalize()} Dividend",
                f"{co.short} {'Increases' if inc else 'Declares'} {kind.capitalize()} Dividend"
                + (f" by {r.randint(3, 15)}%" if inc else ""),
            )
        )
        lead = (
            f"{ann} that its Board of Directors has declared a {kind} cash dividend of ${amt:.2f} per "
            f"{'common ' if unit == 'share' else ''}{unit}, payable on {self.fdate(pay)} to "
            f"{'shareholders' if unit == 'share' else 'unitholders'} of record at the close of business on "
            f"{self.fdate(rec)}."
        )
        paras = []
        if inc:
            paras.append(
                f"The dividend represents an increase of {r.randint(3, 15)}% over the prior {kind} dividend "
                f"and marks the {r.randint(2, 40)}th consecutive year of dividend increases. " + self.para(1)
            )
        if co.country == "CA":
            paras.append(
                'The dividend is designated as an "eligible dividend" for purposes of the Income Tax Act '
                "(Canada) and any similar provincial or territorial legislation."
            )
        paras.append(
            f"On an annualized basis, the dividend equates to ${amt * (12 if kind == 'monthly' else 4):.2f} per "
            f"{unit}. " + self.para(r.randint(1, 3))
        )
        return hl, None, lead, paras

    def t_acquisition(self, co, d, ann):
        r = self.rng
        public = r.random() < 0.45
        if public:
            tgt = self.other_company(co)
            tname, tshort = tgt.name, tgt.short
            tref = self.ref(tgt, d)
        else:
            tshort = self._brand_cached() + " " + r.choice(co.ind["words"] + ("Systems", "Group", "Solutions"))
            tname = tshort + r.choice((", LLC", ", Inc.", " Ltd.", " GmbH", " Corp."))
            tref = tname
        price = co.scale * r.uniform(0.5, 12)
        stage = r.choice(("agreement", "agreement", "completes", "to"))
        if stage == "completes":
            hl = f"{co.short} Completes Acquisition of {tshort}"
            lead = f"{ann} that it has completed its previously announced acquisition of {tref} for {_money(price)}."
        else:
            hl = r.choice(
                (
                    f"{co.short} to Acquire {tshort} for {_money_t(price)}",
                    f"{co.name} Enters into Definitive Agreement to Acquire {tname}",
                    f"{co.short} Announces Agreement to Acquire {tshort}, Expanding {co.ind['terms'][r.randrange(len(co.ind['terms']))].capitalize()} Capabilities",
                )
            )
            lead = (
                f"{ann} that it has entered into a definitive agreement to acquire {tref} in a transaction "
                f"valued at approximately {_money(price)}."
            )
        prem = r.randint(12, 65)
        paras = [
            (
                f"Under the terms of the agreement, {tshort} {'shareholders' if public else 'equity holders'} will "
                f"receive ${r.uniform(2, 90):.2f} {'per share in cash' if r.random() < 0.6 else 'in a combination of cash and stock per share'}"
                + (
                    f", representing a premium of approximately {prem}% to the 30-day volume-weighted average price"
                    if public
                    else ""
                )
                + f". The transaction is expected to be {r.choice(('accretive', 'immediately accretive', 'neutral'))} "
                f"to {co.short}'s adjusted earnings per share in the first full year following closing. " + self.para(1)
            ),
            "Strategic Rationale",
            self.bullets([self.sentence()[:-1] for _ in range(r.randint(3, 5))]),
            (
                f"The transaction has been unanimously approved by the boards of directors of both companies and is "
                f"expected to close in the {ORD[r.randrange(4)]} quarter of {d.year + (d.month > 9)}, subject to "
                f"regulatory approvals{', approval by ' + tshort + ' shareholders' if public else ''} and other "
                f"customary closing conditions."
            ),
            (
                f"{self._person()}'s firm, {self._advisor()}, is serving as financial advisor and "
                f"{self._advisor(law=True)} is serving as legal counsel to {co.short}."
            ),
        ]
        return hl, None, lead, paras

    def _brand_cached(self):
        return self.pseudo_nouns[self.rng.randrange(len(self.pseudo_nouns))].capitalize()

    def _advisor(self, law=False):
        r = self.rng
        a, b = r.choice(LAST_NAMES), r.choice(LAST_NAMES)
        return (
            f"{a} & {b} LLP"
            if law
            else r.choice((f"{a} {b} & Co.", f"{a} Capital Markets", f"{a} Securities", f"{a} & Company"))
        )

    def t_offering(self, co, d, ann):
        r = self.rng
        amt = max(1.0, co.scale * r.uniform(0.2, 3))
        pre = None
        if co.country == "CA" and r.random() < 0.7:
            kind = r.choice(("bought deal", "non-brokered private placement", "brokered private placement"))
            hl = r.choice(
                (
                    f"{co.short} Announces {_money_t(amt)} {kind.title()}",
                    f"{co.name} Closes {kind.title()} Financing",
                    f"{co.short} Announces Upsized {kind.title()} of Units",
                )
            )
            price = r.uniform(0.05, 3)
            lead = (
                f'{ann} a {kind} of up to {int(amt * 1e6 / price):,} units of the Company (the "Units") at a price '
                f'of ${price:.2f} per Unit for gross proceeds of up to ${amt * 1e6:,.0f} (the "Offering").'
            )
            pre = "NOT FOR DISTRIBUTION TO U.S. NEWSWIRE SERVICES OR FOR DISSEMINATION IN THE UNITED STATES"
            paras = [
                (
                    f"Each Unit will consist of one common share of the Company and one-half of one common share "
                    f"purchase warrant. Each whole warrant will entitle the holder to acquire one common share at a "
                    f"price of ${price * 1.5:.2f} for a period of {r.choice((24, 36))} months following the closing."
                ),
                (
                    f"The net proceeds of the Offering will be used for {r.choice(co.ind['terms'])} {nx_n(self)}, "
                    f"{nx_n(self)} and general working capital purposes. " + self.para(1)
                ),
                (
                    f"The Offering is expected to close on or about {self.fdate(d + timedelta(days=r.randint(7, 30)))} "
                    f"and is subject to certain conditions including, but not limited to, the receipt of all necessary "
                    f"regulatory approvals, including the approval of the {'TSX Venture Exchange' if co.tsxv else 'applicable stock exchange'}. "
                    f"The securities issued will be subject to a hold period of four months and one day."
                ),
                (
                    "The securities have not been registered under the United States Securities Act of 1933, as "
                    "amended, and may not be offered or sold in the United States absent registration or an "
                    "applicable exemption from the registration requirements."
                ),
            ]
        else:
            kind = r.choice(
                (
                    "public offering of common stock",
                    "underwritten public offering",
                    "offering of convertible senior notes",
                    "registered direct offering",
                )
            )
            verb = r.choice(("Pricing of", "Proposed", "Closing of"))
            hl = f"{co.name} Announces {verb} {_money_t(amt)} {kind.title()}"
            px = r.uniform(1, 60)
            lead = (
                f"{ann} the {verb.lower().replace(' of', '')} of {_art(kind)} of {int(amt * 1e6 / px):,} shares at "
                f"a price to the public of ${px:.2f} per share. The gross proceeds are expected to be "
                f"approximately {_money(amt)}, before deducting underwriting discounts and commissions."
            )
            paras = [
                (
                    f"{self._advisor()} and {self._advisor()} are acting as joint book-running managers for the "
                    f"offering. {co.short} has granted the underwriters a 30-day option to purchase up to an "
                    f"additional 15% of the shares offered."
                ),
                (
                    f"{co.short} intends to use the net proceeds to fund {nx_n(self)}, {nx_n(self)} of "
                    f"{r.choice(co.ind['terms'])}, and for working capital and general corporate purposes. "
                    + self.para(1)
                ),
                (
                    "The securities are being offered pursuant to a shelf registration statement on Form S-3 "
                    "previously filed with and declared effective by the Securities and Exchange Commission. "
                    "This press release shall not constitute an offer to sell or the solicitation of an offer to "
                    "buy these securities, nor shall there be any sale of these securities in any state or "
                    "jurisdiction in which such offer, solicitation or sale would be unlawful."
                ),
            ]
        return hl, pre, lead, paras

    def t_appointment(self, co, d, ann):
        r = self.rng
        person = self._person()
        title = r.choice(_titles_for(co.ind["key"]) + ("member of the Board of Directors", "Chair of the Board"))
        prev = self.other_company(co)
        hl = r.choice(
            (
                f"{co.name} Appoints {person} as {title}",
                f"{co.short} Names {person} {title}",
                f"{co.short} Announces Appointment of {person} as {title}",
                f"{co.short} Strengthens Leadership Team with Appointment of {person}",
            )
        )
        lead = f"{ann} the appointment of {person} as {title}, effective {self.fdate(d + timedelta(days=r.randint(0, 40)))}."
        last = person.split()[-1]
        yrs = r.randint(10, 30)
        paras = [
            (
                f"{person} brings more than {yrs} years of experience in {r.choice(co.ind['terms'])} and "
                f"{nx_n(self)}. Most recently, {last} served as {r.choice(_titles_for(prev.ind['key']))} of {prev.name}"
                f"{' ' + self.listing_str(prev, d) if r.random() < 0.5 else ''}, where "
                f"{r.choice(('he', 'she'))} had {self.nx['D']()} the company's {self.nx['A']()} {nx_n(self)}. "
                f"Prior to that, {last} held senior roles at {self.other_company(co).short} and "
                f"{self.other_company(co).short}. " + self.para(1)
            ),
            f"{last} holds {r.choice(DEGREES)} {r.choice(FIELDS)} from {r.choice(UNIVERSITIES)}.",
        ]
        if r.random() < 0.5:
            paras.append(self.quote(co, person, title + "-designate" if r.random() < 0.2 else title))
        if r.random() < 0.4:
            paras.append(
                f"{co.short} also announced that {self._person()} will step down from the role to pursue "
                f"other opportunities. " + self.sentence()
            )
        return hl, None, lead, paras

    def t_conf_call(self, co, d, ann):
        r = self.rng
        q = (d.month - 1) // 3 - 1
        y = d.year
        if q < 0:
            q, y = 3, y - 1
        cd = d + timedelta(days=r.randint(5, 14))
        if cd.weekday() > 4:
            cd += timedelta(days=7 - cd.weekday())
        tm = r.choice(("8:00 a.m.", "8:30 a.m.", "9:00 a.m.", "11:00 a.m.", "4:30 p.m.", "5:00 p.m."))
        tz = "ET" if r.random() < 0.8 else "PT"
        fy = f"fiscal year {y + 1}" if co.fy_shift else f"{y}"
        hl = r.choice(
            (
                f"{co.name} Announces Conference Call to Discuss its {ORD[q].capitalize()} Quarter {fy.title()} Financial Results",
                f"{co.short} to Report {ORD[q].capitalize()} Quarter {y} Financial Results on {FULL_MON[cd.month - 1]} {cd.day}",
                f"{co.short} Schedules {ORD[q].capitalize()} Quarter {y} Earnings Release and Conference Call",
            )
        )
        pend = date(y, 3 * q + 3, (31, 30, 30, 31)[q])
        lead = (
            f"{ann} that the Company will host a conference call at {tm} {tz} on {WEEKDAYS[cd.weekday()]}, "
            f"{self.fdate(cd)}, to discuss {co.base}'s financial results for the three-month period ended "
            f"{self.fdate(pend)}. Management also will provide an update on the Company."
        )
        dial = f"{r.randint(201, 989)}-{r.randint(200, 999)}-{r.randint(0, 9999):04d}"
        paras = [
            (
                f"To access the live call by phone, dial {dial}. Passcode: {r.randint(1000000, 9999999)}. The call "
                f"also may be accessed through the Investor {r.choice(('Information', 'Relations'))} section of the "
                f"Company's website, <http://www.{co.domain}>. Following the live webcast, a replay of the call "
                f"will be available at the same location through {self.fdate(cd + timedelta(days=7))}."
            )
        ]
        return hl, None, lead, paras

    def t_clinical(self, co, d, ann):
        r = self.rng
        drug = r.choice(co.products)
        dis = r.choice(DISEASES)
        phase = r.choice(("Phase 1", "Phase 1/2", "Phase 2", "Phase 2b", "Phase 3", "Phase III", "Phase II"))
        n = r.randint(12, 900)
        kind = r.random()
        if co.ind["key"] == "meddevice":
            hl = r.choice(
                (
                    f"{co.short} Receives FDA 510(k) Clearance for {drug}",
                    f"{co.short} Announces Positive Results from Pivotal Study of {drug}",
                    f"{co.name} Receives CE Mark Approval for {drug}",
                )
            )
            lead = f"{ann} that the U.S. Food and Drug Administration (FDA) has granted 510(k) clearance for {drug} for use in patients with {dis}."
        elif kind < 0.4:
            hl = r.choice(
                (
                    f"{co.short} Announces Positive Topline Results from {phase} Trial of {drug} in {dis.capitalize() if dis[0].islower() else dis}",
                    f"{co.short} Reports {phase} Data for {drug} at {r.choice(('ASCO', 'ASH', 'ESMO', 'AACR', 'EASL', 'AAN'))} {d.year} Annual Meeting",
                )
            )
            lead = (
                f"{ann} positive topline results from its {phase} clinical trial evaluating {drug} in {n} patients with "
                f"{dis}. The trial met its primary endpoint, demonstrating a statistically significant improvement "
                f"compared to placebo (p{r.choice(('<0.001', '=0.002', '<0.01', '=0.03'))})."
            )
        elif kind < 0.7:
            desig = r.choice(
                (
                    "Fast Track Designation",
                    "Breakthrough Therapy Designation",
                    "Orphan Drug Designation",
                    "Rare Pediatric Disease Designation",
                )
            )
            hl = f"FDA Grants {desig} to {co.short}'s {drug} for the Treatment of {dis}"
            lead = f"{ann} that the U.S. Food and Drug Administration (FDA) has granted {desig} to {drug} for the treatment of {dis}."
        elif kind < 0.85:
            hl = f"{co.short} Doses First Patient in {phase} Study of {drug} in {dis}"
            lead = f"{ann} that the first patient has been dosed in its {phase} study of {drug} in patients with {dis}."
        else:
            hl = f"{co.name} Receives FDA Approval for {drug} for the Treatment of {dis}"
            lead = f"{ann} that the U.S. Food and Drug Administration (FDA) has approved {drug} for adult patients with {dis}."
        orr = r.randint(15, 75)
        paras = [
            (
                f"The {r.choice(('randomized', 'open-label', 'randomized, double-blind, placebo-controlled'))} "
                f"{phase} trial enrolled {n} patients at {r.randint(5, 120)} sites in "
                f"{r.choice(('the United States', 'North America and Europe', 'the U.S., Canada and Australia'))}. "
                f"The primary endpoint is {r.choice(('overall response rate', 'progression-free survival', 'change from baseline', 'safety and tolerability'))}. "
                f"Secondary endpoints include {nx_n(self)}, pharmacokinetics and {r.choice(co.ind['terms'])}."
            ),
            (
                f"In the trial, {drug} demonstrated an objective response rate of {orr}% "
                f"(95% CI: {orr - r.randint(5, 12)}%-{orr + r.randint(5, 12)}%), with a median duration of response of "
                f"{r.uniform(3, 24):.1f} months. {drug} was generally well tolerated, and the most common "
                f"treatment-emergent adverse events were {r.choice(('nausea', 'fatigue', 'headache'))}, "
                f"{r.choice(('diarrhea', 'rash', 'neutropenia'))} and {r.choice(('anemia', 'pyrexia', 'decreased appetite'))}. "
                + self.para(1)
            ),
            f"About {drug}",
            (
                f"{drug} is an investigational {r.choice(('monoclonal antibody', 'small molecule inhibitor', 'antibody-drug conjugate', 'gene therapy', 'siRNA therapeutic', 'cell therapy'))} "
                f"designed to {self.nx['V']()} {self.nx['A']()} {r.choice(co.ind['terms'])}. " + self.para(1)
            ),
            f"About {dis[0].upper() + dis[1:]}",
            (
                f"{dis[0].upper() + dis[1:]} affects approximately {r.randint(10, 900):,},000 people in the United "
                f"States. " + self.para(r.randint(1, 2))
            ),
        ]
        return hl, None, lead, paras

    def t_product(self, co, d, ann):
        r = self.rng
        k = co.ind["key"]
        if k == "mining":
            proj = co.products[0]
            hole = f"{co.base[:2].upper()}{d.year % 100:02d}-{r.randint(1, 250):03d}"
            gt = r.uniform(0.4, 25)
            m = r.uniform(2, 120)
            metal = r.choice(("Gold", "Silver", "Copper", "Gold Equivalent"))
            hl = r.choice(
                (
                    f"{co.short} Intersects {gt:.2f} g/t {metal} over {m:.1f} Metres at {proj}",
                    f"{co.short} Commences {d.year} Drill Program at {proj}",
                    f"{co.short} Announces Updated Mineral Resource Estimate for {proj}",
                )
            )
            lead = (
                f"{ann} assay results from its ongoing {d.year} drill program at the {proj}, located in "
                f"{co.region}. Hole {hole} intersected {gt:.2f} g/t {metal.lower()} over {m:.1f} metres."
            )
            rows = []
            for _ in range(r.randint(3, 7)):
                fr = r.uniform(10, 400)
                ln = r.uniform(0.5, 60)
                rows.append(
                    f"{co.base[:2].upper()}{d.year % 100:02d}-{r.randint(1, 250):03d}  {fr:8.1f}  {fr + ln:8.1f}  {ln:7.1f}  {r.uniform(0.1, 30):7.2f}"
                )
            paras = [
                "Highlights",
                self.bullets(
                    [
                        f"Hole {hole}: {gt:.2f} g/t {metal.lower()} over {m:.1f} metres, including "
                        f"{gt * 3:.2f} g/t over {m / 6:.1f} metres"
                    ]
                    + [self.sentence()[:-1] for _ in range(2)]
                ),
                "Hole ID   From (m)    To (m)  Length    Grade\n" + "\n".join(rows),
                (
                    "True widths are estimated to be 70-90% of reported core lengths. Samples were analyzed by "
                    "fire assay with an atomic absorption finish. " + self.para(1)
                ),
                (
                    f"The scientific and technical information in this news release has been reviewed and approved "
                    f'by {self._person()}, P.Geo., a "Qualified Person" as defined by National Instrument 43-101.'
                ),
            ]
            return hl, None, lead, paras
        prod = r.choice(co.products)
        hl = r.choice(
            (
                f"{co.short} Launches {prod}, {_art(self.nx['A']().capitalize())} {r.choice(co.ind['terms']).capitalize()} Solution",
                f"{co.short} Unveils Next-Generation {prod}",
                f"{co.name} Introduces {prod} to {self.nx['V']().capitalize()} {self.nx['N']().capitalize()}",
                f"{co.short} Announces General Availability of {prod}",
                f"{co.short} Expands {prod} Availability to {r.choice(WORLD_REGIONS)}",
            )
        )
        lead = (
            f"{ann} the launch of {prod}, {_art(self.nx['A']())} {r.choice(co.ind['terms'])} offering that helps "
            f"{self.nx['N']()} {self.nx['V']()} {self.nx['A']()} {self.nx['N']()}."
        )
        paras = [
            self.para(r.randint(2, 4)),
            f"Key capabilities of {prod} include:",
            self.bullets([self.sentence()[:-1] for _ in range(r.randint(3, 6))]),
            f"{prod} is available {r.choice(('immediately', 'starting today', 'beginning in ' + FULL_MON[(d.month) % 12]))}"
            f" {r.choice(('in North America', 'worldwide', 'through authorized partners', 'online'))}. " + self.para(1),
        ]
        return hl, None, lead, paras

    def t_award(self, co, d, ann):
        r = self.rng
        pub = r.choice(AWARD_PUBS)
        what = r.choice(AWARD_WHAT)
        hl = r.choice(
            (
                f"{co.name} Named One of {pub}'s {d.year} {what}",
                f"{co.short} Wins {d.year} {pub} {what} Award",
                f"{co.short}'s {r.choice(co.products)} Recognized in {pub} {what}",
            )
        )
        lead = f"{ann} that it has been named one of {pub}'s {d.year} {what}."
        paras = [
            (
                f"{pub} engaged {self._advisor()}, specialists in {self.nx['N']()} and {self.nx['N']()}, to conduct the "
                f"evaluation. Completed surveys were received from over {r.randint(5, 95)},{r.randint(100, 999)} individuals "
                f"across {r.randint(50, 900)} organizations. " + self.para(2)
            ),
            self.para(r.randint(1, 3)),
        ]
        return hl, None, lead, paras

    def t_lawsuit(self, co, d, ann):
        r = self.rng
        other = self.other_company(co)
        kind = r.random()
        if kind < 0.5:
            hl = f"{co.short} Files Patent Infringement Lawsuit Against {other.short}"
            lead = (
                f"{ann} that it has filed a complaint in the United States District Court for the "
                f"{r.choice(('District of Delaware', 'Eastern District of Texas', 'Northern District of California', 'Southern District of New York'))} "
                f"against {self.ref(other, d)}, alleging infringement of {r.randint(2, 9)} of {co.short}'s patents related to "
                f"{r.choice(co.ind['terms'])} {self.nx['N']()}."
            )
        elif kind < 0.8:
            hl = f"{co.short} Announces Settlement of Litigation with {other.short}"
            lead = (
                f"{ann} that it has entered into a settlement agreement with {self.ref(other, d)} resolving all "
                f"pending litigation between the companies. Under the terms of the settlement, {other.short} will pay "
                f"{co.short} {_money(r.uniform(1, 150))}."
            )
        else:
            hl = f"{co.short} Comments on Jury Verdict"
            lead = (
                f"{ann} that it strongly disagrees with the jury verdict returned in the case brought by "
                f"{other.name} and intends to appeal."
            )
        paras = [self.para(r.randint(1, 3)), self.para(r.randint(1, 2))]
        return hl, None, lead, paras

    def law_release(self, d):
        r = self.rng
        firm = self.lawfirms[bisect(self.lf_cw, r.random() * self.lf_cw[-1])]
        tgt = self.companies[bisect(self.co_cw, r.random() * self.co_cw[-1])]
        listing = self.listing_str(tgt, d)
        start = d - timedelta(days=r.randint(200, 900))
        end = d - timedelta(days=r.randint(10, 120))
        dl = d + timedelta(days=r.randint(20, 60))
        hl = r.choice(
            (
                f"SHAREHOLDER ALERT: {firm['name']} Announces the Filing of a Securities Class Action Lawsuit Against {tgt.name} {listing}",
                f"{firm['name']} Reminds Investors of Lead Plaintiff Deadline in Class Action Lawsuit Against {tgt.short} {listing}",
                f"INVESTOR ALERT: {firm['name']} Investigates Claims on Behalf of Investors of {tgt.name} {listing}",
            )
        )
        city = firm["city"]
        lead = (
            f"{firm['name']} announces that a class action lawsuit has been filed on behalf of investors who purchased "
            f"or otherwise acquired the securities of {tgt.name} {listing} between {self.fdate(start)} and "
            f'{self.fdate(end)}, inclusive (the "Class Period"). Investors have until {self.fdate(dl)} to seek '
            f"appointment as lead plaintiff."
        )
        paras = [
            (
                f"The complaint alleges that, throughout the Class Period, defendants made materially false and/or "
                f"misleading statements and failed to disclose that: (1) {tgt.short}'s {self.nx['N']()} "
                f"{r.choice(tgt.ind['terms'])} was {r.choice(('overstated', 'deteriorating', 'not sustainable'))}; "
                f"(2) {self.para(1).lower()[:-1]}; and (3) as a result, defendants' positive statements about the "
                f"Company's business, operations and prospects were materially misleading."
            ),
            (
                f"On {self.fdate(end + timedelta(days=1))}, {tgt.short} disclosed {self.nx['A']()} {self.nx['N']()}. "
                f"On this news, the Company's stock price fell ${r.uniform(0.5, 20):.2f}, or {r.randint(8, 60)}%, "
                f"to close at ${r.uniform(1, 80):.2f} per share."
            ),
            (
                f"If you purchased {tgt.short} securities during the Class Period, you may contact "
                f"{firm['partner']} at {firm['phone']} or {firm['email']} to discuss your rights. A lead plaintiff "
                f"is a representative party acting on behalf of other class members in directing the litigation."
            ),
            f"About {firm['name']}",
            firm["about"],
            f"Contact:\n{firm['partner']}\n{firm['name']}\n{firm['phone']}\n{firm['email']}\nwww.{firm['dom']}",
        ]
        wire = r.choice(("GLOBE NEWSWIRE", "BUSINESS WIRE", "PRNewswire", "ACCESSWIRE"))
        dateline = self.dateline(wire, city, d, "US")
        return hl + "\n\n" + dateline + lead + "\n\n" + "\n\n".join(paras) + "\n"

    # ---- assembly ---------------------------------------------------------
    def dateline(self, wire, city, d, country):
        r = self.rng
        name, st, post, _, standalone = city
        place = name if (standalone and r.random() < 0.6) else f"{name}, {st}"
        ap = f"{AP_MON[d.month - 1]} {d.day}, {d.year}"
        if wire == "GLOBE NEWSWIRE":
            day = f"{d.day:02d}" if d.year >= 2014 else str(d.day)
            mon = AP_MON[d.month - 1] if r.random() < 0.85 else SHORT_MON[d.month - 1]
            return f"{place}, {mon} {day}, {d.year} (GLOBE NEWSWIRE) -- "
        if wire == "BUSINESS WIRE":
            x = r.random()
            if x < 0.12:
                return f"{place}, {ap} (BUSINESS WIRE) -- "
            if d.year < 2012 and x < 0.6:
                return f"{place}--(BUSINESS WIRE)--{ap}--"
            return f"{place}--(BUSINESS WIRE)--"
        if wire == "PRNewswire":
            return f"{place}, {ap} /PRNewswire/ -- "
        if wire == "ACCESSWIRE":
            return f"{name}, {post} / ACCESSWIRE / {self.fdate(d)} / "
        # Marketwired
        prov = st.upper() if country == "CA" else st
        return f"{name}, {prov}--(Marketwired - {ap}) - "

    def pick_wire(self, co, d):
        r = self.rng
        x = r.random()
        if co.country == "CA":
            if x < 0.3 and date(2013, 7, 1) <= d <= date(2018, 12, 31):
                return "Marketwired"
            return (
                r.choice(("GLOBE NEWSWIRE", "GLOBE NEWSWIRE", "ACCESSWIRE", "PRNewswire", "BUSINESS WIRE"))
                if d.year >= 2013
                else r.choice(("GLOBE NEWSWIRE", "PRNewswire", "BUSINESS WIRE"))
            )
        if x < 0.05 and date(2013, 7, 1) <= d <= date(2018, 12, 31):
            return "Marketwired"
        if x < 0.15 and d.year >= 2013:
            return "ACCESSWIRE"
        return r.choice(("GLOBE NEWSWIRE", "BUSINESS WIRE", "PRNewswire"))

    def contacts(self, co, wire, d, headline):
        r = self.rng
        irn, irt, irp, ire = co.ir
        mn, ma, mp, me = co.media
        sep = "\n\n" if r.random() < 0.4 else "\n"
        x = r.random()
        if x < 0.3:
            block = sep.join(["CONTACT: For Investors:", irn, irt, co.name, irp, ire])
            if r.random() < 0.7:
                block += "\n\n" + sep.join(["For Media:", mn, ma, mp])
        elif x < 0.55:
            block = sep.join(["Investors:", co.name, irt, f"{irn}, {irp}", ire, "or", "Media:", ma, f"{mn}, {mp}", me])
        elif x < 0.8:
            block = (
                "Contacts\n\nInvestor Relations:\n"
                + "\n".join((irn, irt, irp, ire))
                + "\n\nMedia:\n"
                + "\n".join((mn, ma, mp, me))
            )
        else:
            block = f"For further information, please contact:\n\n{co.ceo}, {co.ceo_title}\nPhone: {irp}\nEmail: {ire}"
        if wire == "BUSINESS WIRE":
            return (
                f"View source version on businesswire.com: https://www.businesswire.com/news/home/"
                f"{d.year}{d.month:02d}{d.day:02d}{r.randint(5000000, 6999999)}/en/\n\n" + block
            )
        if wire == "PRNewswire":
            return (
                block
                + f"\n\nSOURCE {co.name}"
                + (f"\n\nRelated Links\n\nhttp://www.{co.domain}" if r.random() < 0.4 else "")
            )
        if wire == "ACCESSWIRE":
            return (
                block + f"\n\nSOURCE: {co.name}\n\nView source version on accesswire.com:\n"
                f"https://www.accesswire.com/{r.randint(300000, 999999)}/{_slug(headline)[:80]}"
            )
        if wire == "GLOBE NEWSWIRE" and r.random() < 0.5:
            return f"SOURCE: {co.name}\n\n" + block
        return block

    def release(self):
        r = self.rng
        d = date.fromordinal(r.randint(self.d0, self.d1))
        wd = d.weekday()
        if wd > 4:
            d -= timedelta(days=wd - 4)
        if r.random() < 0.035:
            return self.law_release(d)
        co = self.companies[bisect(self.co_cw, r.random() * self.co_cw[-1])]
        ind = co.ind
        rtype = TYPES[bisect(co.type_cw, r.random() * co.type_cw[-1])]
        nx = self.nx
        its = self.its
        # per-release slot iterators (indices follow KINDS)
        its[9] = itertools.repeat(co.short)
        its[10] = itertools.cycle(co.products)
        its[11] = itertools.cycle(r.choices(ind["terms"], cum_weights=ind["terms_cw"], k=9))
        its[7] = map(_art, its[11])
        its[12] = itertools.cycle((co.region, r.choice(REGIONS[co.country]), r.choice(WORLD_REGIONS)))
        its[13] = itertools.cycle((str(d.year + 1), str(d.year + 2), str(d.year + 5)))
        its[14] = itertools.repeat(str(d.year - r.randint(1, 8)))
        for i in (7, 9, 10, 11, 12, 13, 14):
            nx[KINDS[i]] = its[i].__next__
        ann = r.choice(INTRO_VERBS) if co.country != "CA" else r.choice(INTRO_VERBS + ("is pleased to announce",) * 3)
        hl, pre, lead, paras = getattr(self, "t_" + rtype)(co, d, ann)
        wire = self.pick_wire(co, d)
        # company intro in the dateline paragraph
        name = co.name
        if wire == "GLOBE NEWSWIRE" and r.random() < 0.3:
            name = f"[{co.name}](http://www.{co.domain})"
        listing = self.listing_str(co, d)
        if co.country == "CA" and r.random() < 0.5:
            intro = f'{name} {listing} ("{co.base}" or the "Company")'
            intro += f", {co.desc}," if r.random() < 0.4 else ""
        else:
            intro = f"{name} {listing}, {co.desc},"
        dl = self.dateline(wire, co.city, d, co.country) + intro + " " + lead
        out = []
        if pre:
            out.append(pre)
        out.append(hl)
        if r.random() < 0.2:
            out.append(self.sentence()[:-1])  # sub-headline
        out.append(dl)
        # body: type paragraphs, filler, quote, partners
        body = list(paras)
        nfill = r.choice((0, 1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 7))
        for _ in range(nfill):
            body.append(self.para(r.randint(3, 8)))
        if r.random() < 0.75 and rtype not in ("conf_call", "dividend"):
            # after a real paragraph, never right after a section heading
            spots = [i for i in range(1, min(len(body), 4) + 1) if body[i - 1].endswith((".", ":"))] or [len(body)]
            body.insert(r.choice(spots), self.quote(co))
        if r.random() < 0.3:
            p = self.other_company(co)
            body.append(
                f"{co.short} has also {nx['D']()} {nx['aA']()} {nx['N']()} agreement with {self.ref(p, d)}, "
                f"under which the companies will {nx['V']()} {nx['A']()} {nx['N']()} for "
                f"{nx['I']()} customers. " + self.sentence()
            )
        out.extend(body)
        out.append(co.about_head)
        out.append(co.about)
        fls_p = 0.85 if ind["key"] in ("biotech", "mining", "cannabis", "blockchain") else 0.55
        if r.random() < fls_p:
            head, fls = co.fls
            if head:
                out.append(head)
            out.append(fls)
        if co.tsxv and r.random() < 0.8:
            out.append(
                "Neither TSX Venture Exchange nor its Regulation Services Provider (as that term is defined in "
                "the policies of the TSX Venture Exchange) accepts responsibility for the adequacy or accuracy "
                "of this release."
            )
        out.append(self.contacts(co, wire, d, hl))
        return "\n\n".join(out) + "\n"


def nx_n(g):
    return g.nx["N"]()


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


def generate(n: int, seed: int = 42, shard: int = 1000) -> Iterator[tuple[str, str]]:
    """Yield ``n`` (relative file name, text) pairs, deterministic for ``seed``.

    File names look like ``00000/000123.txt`` (sub-folder = index // shard);
    pass ``shard=0`` for flat names.  The first k releases of ``generate(n)``
    equal ``generate(k)`` for the same seed.
    """
    g = _Gen(seed)
    width = max(6, len(str(max(n - 1, 0))))
    for i in range(n):
        fn = f"{i:0{width}d}.txt"
        if shard:
            fn = f"{i // shard:05d}/{fn}"
        yield fn, g.release()


def write_corpus(out_dir, n: int, seed: int = 42, shard: int = 1000, stats: dict | None = None) -> tuple[int, int]:
    """Write ``n`` releases under ``out_dir`` in shard folders; return (count, total bytes).

    If ``stats`` is a dict, ``gen_cpu_seconds`` (CPU time of this process spent
    generating text, i.e. excluding file I/O; unaffected by other load on the
    machine) is stored in it.
    """
    out_dir = os.fspath(out_dir)
    made = set()
    total = 0
    count = 0
    gen_s = 0.0
    clock = time.process_time
    it = generate(n, seed, shard)
    while True:
        t = clock()
        item = next(it, None)
        gen_s += clock() - t
        if item is None:
            break
        rel, text = item
        path = os.path.join(out_dir, rel)
        parent = os.path.dirname(path)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        data = text.encode("utf-8")
        with open(path, "wb") as fh:
            fh.write(data)
        total += len(data)
        count += 1
    if stats is not None:
        stats["gen_cpu_seconds"] = gen_s
    return count, total


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Generate synthetic press releases for benchmarks.")
    ap.add_argument("out_dir")
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--shard", type=int, default=1000, help="files per sub-folder (0 = flat)")
    a = ap.parse_args(argv)
    stats: dict = {}
    t0 = time.perf_counter()
    count, total = write_corpus(a.out_dir, a.count, a.seed, a.shard, stats)
    dt = time.perf_counter() - t0
    gen = stats.get("gen_cpu_seconds", dt)
    print(f"count={count}")
    print(f"total_bytes={total}")
    print(f"avg_bytes={total / max(count, 1):.0f}")
    print(f"seconds={dt:.2f} ({count / dt if dt else 0:.0f} releases/s including file writes)")
    print(f"generate_cpu_seconds={gen:.2f} ({count / gen if gen else 0:.0f} releases/s, generation only, one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
