"""Closed word lists event extraction relies on, each with the reason it exists.

The dependency parse says how words relate; these lists say what a few words mean for
"who was where": titles around names, nouns that name a location or a facility, nouns that name
a vehicle someone travels in, kinship nouns and their converses, occupations done somewhere, and
verbs that report or speculate rather than narrate.
"""

from __future__ import annotations

from geo.text.dates.lexicon import WEEKDAYS

__all__ = [
    "TITLE_WORDS",
    "TITLE_ROLES",
    "LEADING_TITLES",
    "SUBORDINATE_TITLES",
    "ROLE_NOUNS",
    "ORGANISATION_WORDS",
    "NAME_PARTICLES",
    "BODY_NAME_ENDS",
    "AREA_NOUNS",
    "SETTLEMENT_NOUNS",
    "FACILITY_NOUNS",
    "EVENT_NOUNS",
    "LOCATIVE_NOUNS",
    "MOURNING_NOUNS",
    "TOPIC_VERBS",
    "CARE_VERBS",
    "CARED_PEOPLE",
    "INCIDENT_NOUNS",
    "HANDS_ON_VERBS",
    "FACE_TO_FACE_VERBS",
    "REMOTE_CONTACT_VERBS",
    "CUSTODY_NOUNS",
    "POLICING_NOUNS",
    "COURT_NOUNS",
    "JUDGING_VERBS",
    "PERSON_NOUNS",
    "MALE_NOUNS",
    "FEMALE_NOUNS",
    "VEHICLE_NOUNS",
    "REMAINS_NOUNS",
    "LIGHT_VERBS",
    "WEEKDAY_WORDS",
    "carried_by_light_verb",
    "REPORTING_VERBS",
    "SPECULATION_VERBS",
    "SPECULATOR_NOUNS",
    "PLANNING_HEADS",
    "WISH_HEADS",
    "NEGATING_HEADS",
    "SPECULATIVE_MODALS",
    "FUTURE_MODALS",
    "HEDGE_ADVERBS",
    "FUTURE_ADVERBS",
    "PLANNED_ADJECTIVES",
    "SPECULATIVE_ADJECTIVES",
    "STATIVE_VERBS",
    "SINGULAR_PRONOUNS",
    "PLURAL_PRONOUNS",
    "MALE_PRONOUNS",
    "FEMALE_PRONOUNS",
    "MALE_TITLES",
    "FEMALE_TITLES",
    "KINSHIP_RELATIONS",
    "RELATION_NOUNS",
    "CONVERSE_RELATIONS",
    "COUPLE_NOUNS",
    "OCCUPATION_NOUNS",
    "lemma_in",
]

# Words that stand before a name without being part of it: "Deputy Prime Minister Denis
# Manturov", "then US-President Donald Trump", "Kremlin spokesperson Dmitry Peskov".
ROLE_NOUNS = frozenset(
    [
        "president",
        "leader",
        "minister",
        "premier",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "emperor",
        "empress",
        "pope",
        "pontiff",
        "sheikh",
        "emir",
        "sultan",
        "senator",
        "governor",
        "mayor",
        "secretary",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "ambassador",
        "envoy",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "director",
        "coordinator",
        "chief",
        "head",
        "commander",
        "general",
        "admiral",
        "marshal",
        "judge",
        "speaker",
        "adviser",
        "advisor",
        "counselor",
        "official",
        "officer",
        "colonel",
        "major",
        "captain",
        "lieutenant",
        "sergeant",
        "professor",
        "bishop",
        "archbishop",
        "cardinal",
        "rabbi",
        "imam",
        "ayatollah",
        "pastor",
        "coach",
        "dictator",
        "ruler",
        "monarch",
        "diplomat",
        "lawmaker",
        "legislator",
        "founder",
        "owner",
        "actor",
        "singer",
        "star",
        "player",
        # Local offices and callings news puts before a name ("Councilwoman Ana Ruiz", "Nurse
        # Amy Cole", "Striker Erling Haaland"): a title, not part of the name.
        "councilman",
        "councilwoman",
        "councillor",
        "councilor",
        "alderman",
        "alderwoman",
        "assemblyman",
        "assemblywoman",
        "selectman",
        "selectwoman",
        "congressman",
        "congresswoman",
        "pontiff",
        "patriarch",
        "dissident",
        # The offices of local law and justice: "Sheriff Grady Judd", "Trooper Matt Blair",
        # "Coroner Tim Gibson" ... "the sheriff said".
        "sheriff",
        "trooper",
        "constable",
        "coroner",
        "commissioner",
        "superintendent",
        "detective",
        "inspector",
        "warden",
        "nurse",
        "surgeon",
        "physician",
        "doctor",
        "actress",
        "rapper",
        "striker",
        "midfielder",
        "goalkeeper",
        "quarterback",
        "footballer",
        "golfer",
        "boxer",
        "jockey",
        "swimmer",
        "sprinter",
        "cyclist",
        "skater",
        "olympian",
        "volunteer",
        "author",
        "novelist",
        "comedian",
        "pianist",
        "guitarist",
    ]
)
# What an abbreviated title, or a legislator's, lets the text call its holder later: "Gov. Kathy
# Hochul ... the governor", "Sen. Bob Casey ... the senator", "Rep. Elise Stefanik ... the
# congresswoman", "Senator X ... the lawmaker".
TITLE_ROLES: dict[str, frozenset[str]] = {
    "gov.": frozenset(["governor"]),
    "gov": frozenset(["governor"]),
    "sen.": frozenset(["senator", "lawmaker", "legislator"]),
    "senator": frozenset(["lawmaker", "legislator"]),
    "rep.": frozenset(["representative", "congressman", "congresswoman", "lawmaker", "legislator"]),
    "congressman": frozenset(["lawmaker", "legislator"]),
    "congresswoman": frozenset(["lawmaker", "legislator"]),
    "assemblyman": frozenset(["lawmaker", "legislator"]),
    "assemblywoman": frozenset(["lawmaker", "legislator"]),
    "gen.": frozenset(["general"]),
    "lt.": frozenset(["lieutenant"]),
    "sgt.": frozenset(["sergeant"]),
    "sgt": frozenset(["sergeant"]),
    "capt.": frozenset(["captain"]),
    "col.": frozenset(["colonel"]),
    "maj.": frozenset(["major"]),
    "adm.": frozenset(["admiral"]),
    "dr.": frozenset(["doctor"]),
    "prof.": frozenset(["professor"]),
    "pope": frozenset(["pontiff"]),
    "king": frozenset(["monarch"]),
    "queen": frozenset(["monarch"]),
    "patriarch": frozenset(["leader"]),
}
# Titles of a head of state or government: news calls their bearer "the leader" too ("Chinese
# President Xi Jinping ... the Chinese leader", "Prime Minister Modi ... the Indian leader"). "prime"
# stands for "prime minister", the only title it begins.
LEADING_TITLES = frozenset(
    "president premier chancellor prime king queen emperor empress emir sultan monarch taoiseach".split()
)
# Words that make such a title someone else's: a vice president, a deputy or a former prime
# minister, the first lady, a crown prince, is not the country's leader.
SUBORDINATE_TITLES = frozenset("vice deputy former late then first crown assistant".split())
TITLE_WORDS = ROLE_NOUNS | frozenset(
    [
        "vice",
        "deputy",
        "prime",
        "foreign",
        "defense",
        "defence",
        "interior",
        "finance",
        "state",
        "supreme",
        "crown",
        "first",
        "acting",
        "interim",
        "senior",  # "Detective Senior Sergeant Glen Horan"
        "former",
        "then",
        "late",
        "outgoing",
        "incoming",
        "new",
        "chief",
        "mr.",
        "mrs.",
        "ms.",
        "miss",
        "mx.",
        "dr.",
        "sir",
        "dame",
        "lord",
        "lady",
        "gen.",
        "lt.",
        "col.",
        "maj.",
        "capt.",
        "adm.",
        "sgt.",
        # Ranks as news abbreviates them, with or without the point ("Sgt Ervin Romans",
        # "Lance Cpl. Michael Ouellette", "Det. Const. Jane Roe"): never a name by themselves.
        "sgt",
        "cpl",
        "cpl.",
        "pvt",
        "pvt.",
        "pfc",
        "pfc.",
        "spc",
        "spc.",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "cpt.",
        "adm",
        "cmdr",
        "gen",
        "det",
        "det.",
        "insp",
        "insp.",
        "supt",
        "supt.",
        "cst",
        "cst.",
        "const.",
        "cmdr.",
        "sen.",
        "rep.",
        "gov.",
        "pres.",
        "prof.",
        "rev.",
        "st.",
        "mr",
        "mrs",
        "ms",
        "dr",
        # Offices of local government that lead a name: "Controller Gord Hume".
        "controller",
        "comptroller",
        # A rank in the plural before a list of names: "Officers Ron McCurry and Chad Walker".
        "officers",
        "deputies",
        "troopers",
        "detectives",
        "sergeants",
        "agents",
    ]
)

# A span with one of these words names an organisation, not a person: "Russian Cabinet",
# "Associated Press", "Sukhoi Company".
ORGANISATION_WORDS = frozenset(
    [
        "cabinet",
        "kremlin",
        "ministry",
        "government",
        "press",
        "news",
        "agency",
        "times",
        "post",
        "journal",
        "media",
        "party",
        "council",
        "committee",
        "army",
        "navy",
        "force",
        "forces",
        "corp",
        "corporation",
        "inc",
        "ltd",
        "llc",
        "plc",
        "company",
        "co",
        "group",
        "bank",
        "university",
        "college",
        "institute",
        "airlines",
        "airways",
        "aircraft",
        "motors",
        "association",
        "union",
        "league",
        "court",
        "house",
        "office",
        "department",
        "bureau",
        "service",
        "tv",
        "radio",
        "network",
        "federation",
        "organization",
        "organisation",
        "foundation",
        "fund",
        "club",
        "team",
        "police",
        "guard",
        "command",
        "parliament",
        "assembly",
        "congress",
        "senate",
        "embassy",
        "commission",
        "authority",
        "agency",
        "administration",
        "international",
        "republic",
        "kingdom",
        "airport",
        "station",
    ]
)

# Words that end the name of a thing, never of a person: a street ("Glen Crossing Road"), a
# building or institution ("Wyatt High School", "Snyder Funeral Home", "Mound Center"), a
# disease ("Avian Flu"). Words that are also surnames (Street, Church, Park, Hall, Lane, Temple)
# are not here: "Picabo Street", "Shirley Temple".
NON_PERSON_HEADS = frozenset(
    [
        "road",
        "avenue",
        "boulevard",
        "highway",
        "school",
        "center",
        "centre",
        "home",
        "overlook",
        "hospital",
        "museum",
        "stadium",
        "arena",
        "theater",
        "theatre",
        "library",
        "cemetery",
        "flu",
        "virus",
        "awards",
    ]
)

# Last words of the names of a town's bodies and places, which the NER model takes for people's
# names ("Huntsville Fire Chief Tom Grisham", "the Alexandria Commonwealth's Attorney", "Anderson
# County Crimestoppers"): never a person's last word. Unlike NON_PERSON_HEADS, the words before them
# may well be a surname elsewhere in the story ("Walker County ... Walker said").
BODY_NAME_ENDS = frozenset(
    "fire board district county city township borough village commonwealth society elementary academy"
    " clinic courthouse estates racecourse cathedral crimestoppers stoppers".split()
    # Prizes and gatherings named after someone or something: "the High Sheriff Award", "the Hee
    # Haw Chili Supper" ("the Biden fundraiser ... Biden said" keeps its person).
    + "award prize trophy medal supper dinner luncheon breakfast festival parade gala banquet fundraiser"
    " concert tournament championship marathon rodeo regatta".split()
    # Trades, shops and works named after their owner or their place ("Pik Cinema", "Brandt
    # Welding", "the Leeds Harbour"), and streets no surname ends ("Acacia Drive", "Oak St."):
    # words the census lists know for no one's surname.
    + "cinema welding automotive restaurant diner bakery salon pharmacy motel hotel pub tavern brewery"
    " winery cafe café grill pizzeria garage plumbing roofing landscaping trucking towing observatory"
    " amphitheatre amphitheater quarry hospice harbour harbor wharf drive st circle prospekt".split()
    # Programmes and ailments: "the Malaria Initiative", "Equine Influenza", "Colony Collapse Disorder".
    + "initiative influenza disorder".split()
)

# Lower-case words allowed inside a personal name: "Osama bin Laden", "Ursula von der Leyen".
NAME_PARTICLES = frozenset(
    [
        "bin",
        "ibn",
        "al",
        "el",
        "de",
        "da",
        "di",
        "du",
        "dos",
        "das",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "ben",
        "abu",
        "y",
    ]
)

# Nouns for an area that an "of"-phrase names: "the city of Komsomolsk-on-Amur", "the Black Sea
# resort of Sochi", "the outskirts of Kyiv". The named place is the head of such a phrase.
AREA_NOUNS = frozenset(
    [
        "city",
        "town",
        "village",
        "resort",
        "capital",
        "port",
        "region",
        "province",
        "state",
        "district",
        "county",
        "area",
        "island",
        "republic",
        "territory",
        "municipality",
        "suburb",
        "suburbs",
        "outskirts",
        "centre",
        "center",
        "heart",
        "enclave",
        "oblast",
        "prefecture",
        "county",
        "border",
        "coast",
        "shore",
        "peninsula",
        "valley",
        "neighborhood",
        "neighbourhood",
        "quarter",
        "settlement",
        "hamlet",
        "metropolis",
        # Parts of an area: "the northernmost point of the North Island", "the tip of Africa".
        "point",
        "tip",
        "part",
        "parts",
        "end",
        "corner",
        "side",
        # A town's bounds, where police news sets a stop: "was stopped inside the city limits".
        "limit",
    ]
)

# Nouns for a settlement or an area whose "of"-phrase names it and nothing else: "the village of
# Kampungu" (a place, whatever a model tags; AREA_NOUNS also holds parts: "the end of", "the heart of").
SETTLEMENT_NOUNS = frozenset(
    [
        "city",
        "town",
        "village",
        "hamlet",
        "township",
        "settlement",
        "municipality",
        "suburb",
        "resort",
        "port",
        "capital",
        "island",
        "region",
        "province",
        "state",
        "district",
        "county",
        "prefecture",
        "oblast",
    ]
)


# Nouns for a place one goes to inside a town: "an aircraft factory", "a station in the city of".
FACILITY_NOUNS = frozenset(
    [
        "factory",
        "plant",
        "facility",
        "station",
        "airport",
        "airfield",
        "airbase",
        "base",
        "port",
        "harbour",
        "harbor",
        "dock",
        "shipyard",
        "palace",
        "residence",
        "house",
        "hotel",
        "hospital",
        "school",
        "university",
        "campus",
        "museum",
        "memorial",
        "cemetery",
        "monument",
        "square",
        "plaza",
        "park",
        "stadium",
        "arena",
        "hall",
        "centre",
        "center",
        "headquarters",
        "office",
        "embassy",
        "consulate",
        "site",
        "complex",
        "compound",
        "camp",
        "cosmodrome",
        "spaceport",
        "launchpad",
        "farm",
        "mine",
        "refinery",
        "mill",
        "laboratory",
        "lab",
        "institute",
        "academy",
        "church",
        "cathedral",
        "mosque",
        "temple",
        "shrine",
        "market",
        "mall",
        "border",
        "crossing",
        "checkpoint",
        "bridge",
        "frontline",
        "front",
        "venue",
        "summit",
        "bunker",
        "building",
        "bar",
        "pub",
        "restaurant",
        "cafe",
        "nightclub",
        "shop",
        "store",
        "home",
        "apartment",
        "courthouse",
        "court",  # "appeared in court in Spokane", "in Cook County court"
        "courtroom",
        "prison",
        "jail",
        "motel",
        "scene",  # "at the scene of the shooting in Chicago"
        "workplace",
        # Not "theatre", "library" or "chapel": their names are more often people's or saints'
        # ("the Millfield Theatre", "the Kennedy Library") than the town's.
        "legion",
        "clinic",
        "infirmary",  # "was taken to Leeds General Infirmary"
        "hospice",
        "ward",
        "auditorium",
        "gymnasium",
        "fairgrounds",
    ]
)
# Gatherings one attends: whoever acts "at a concert in Johannesburg" was in Johannesburg.
EVENT_NOUNS = frozenset(
    [
        "concert",
        "fundraiser",
        "ceremony",
        "conference",
        "rally",
        "festival",
        "funeral",
        "wedding",
        "match",
        "game",
        "tournament",
        "championship",
        "championships",
        "olympics",  # "won gold at the Beijing Olympics", "the London Games" ("game" is above)
        "paralympics",
        "olympiad",
        "games",
        "marathon",
        "competition",
        "race",
        "trial",
        "hearing",
        "meeting",
        "summit",
        "forum",
        "gala",
        "reception",
        "dinner",
        "banquet",
        "parade",
        "celebration",
        "event",
        "exhibition",
        "fair",
        "show",
        "convention",
        "session",
        "service",
        "vigil",
        "protest",
        "march",
        "speech",
        "briefing",
        "interview",
        "visit",
        "tour",
        # Gatherings of local and cultural news: "spoke at a luncheon in Dayton", "attended a
        # groundbreaking in Buffalo", "the premiere in Cannes".
        "luncheon",
        "breakfast",
        "groundbreaking",
        "debate",
        "roundtable",
        "picnic",
        "commencement",
        "graduation",
        "inauguration",
        "premiere",
        "screening",
        "performance",
        "recital",
        "seminar",
        "symposium",
        "workshop",
        "lecture",
        "memorial",
        # Openings and unveilings: "at the opening of a new laboratory in Kigali" (not "launch",
        # which is as often a product's).
        "opening",
        "unveiling",
        "dedication",
        # Named sporting and cultural events: "the Miami Grand Prix", "the Venice Biennale" (not
        # "cup" or "open", which name other things as often: "the Confederation Cup" is no town's).
        "prix",
        "regatta",
        "rodeo",
        "expo",
        "biennale",
        "carnival",
    ]
)
# Nouns for what happens to people somewhere, which locate it as a gathering does: "killed in the
# attack in Kabul", "injured in a crash near Tulsa", "died in a fire in Oxford". Not gatherings:
# nobody attends a crash, so they stay out of EVENT_NOUNS.
INCIDENT_NOUNS = frozenset(
    [
        "attack",
        "bombing",
        "blast",
        "explosion",
        "shooting",
        "crash",
        "collision",
        "accident",
        "fire",
        "blaze",
        "raid",
        "ambush",
        "clash",
        "clashes",
        "riot",
        "stampede",
        "earthquake",
        "flood",
        "flooding",
        "storm",
        # Crimes and mishaps local news reports by their noun: "shot a man during an incident in
        # Leeds", "was hurt in a robbery in York", "killed in a stabbing in Oslo".
        "incident",
        "stabbing",
        "robbery",
        "burglary",
        "assault",
        "altercation",
        "fight",
        "brawl",
        "rampage",
        "standoff",
        "wreck",
        "carjacking",
        "kidnapping",
        "hijacking",
        "derailment",
    ]
)
# The generic nouns of streets, which close a street's name (after which an address writes its
# town: "on Seaton Street, Edmonton") or follow a site's ("on Champs-Elysees boulevard").
STREET_NOUNS = frozenset(["street", "road", "avenue", "boulevard", "drive", "lane", "close", "crescent", "terrace"])

# Nouns for a spell of duty someone is out on, which its own "in" phrase places as a gathering's
# does: "was killed while on patrol in Helmand", "was wounded during a patrol in Kandahar".
DUTY_NOUNS = frozenset(["patrol", "mission", "deployment", "duty", "assignment"])
# Nouns for what police or crews do at a place, placed the same way after "during" only ("was
# found during a routine safety check in Wainwright", "was arrested during a traffic stop in
# Leeds"): "commented on the search in Leeds" only talks of one.
OPERATION_NOUNS = frozenset(["check", "inspection", "search", "sweep", "stop"])

# Verbs that tell an incident where it happened, as INCIDENT_NOUNS do: "a man was shot outside a
# bar in Leeds", "two cars collided near Harrogate". "The scene" a story speaks of after one is
# where it happened.
INCIDENT_VERBS = frozenset(
    ["shoot", "stab", "crash", "collide", "explode", "attack", "rob", "overturn", "derail", "erupt"]
)
# What befalls the people of an incident where it happens: "A crash near Leeds injured two
# people. Tom Reed and his passenger were ejected from the vehicle", "was killed when his car
# went off the road near Harrogate". Told with no place of its own, such an act is at the
# incident's ("pronounce" only as "pronounced dead").
INJURY_VERBS = frozenset(
    ["die", "kill", "injure", "wound", "hurt", "shoot", "stab", "eject", "strike", "pronounce", "trap", "burn"]
)
# States of being held or kept apart, whose own "in" phrase is where the person held is: "was
# taken into custody in Ocala", "remains in custody in Leeds", "was placed in quarantine in Dallas".
# "was placed under house arrest in Moscow": the same, "under".
CUSTODY_NOUNS = frozenset(["custody", "detention", "captivity", "quarantine", "isolation", "arrest"])
LOCATIVE_NOUNS = AREA_NOUNS | FACILITY_NOUNS | EVENT_NOUNS | INCIDENT_NOUNS | CUSTODY_NOUNS
# Gatherings held for someone who is mourned: "the funeral for Joe Lieberman", "a vigil for".
MOURNING_NOUNS = frozenset(["funeral", "memorial", "vigil", "wake", "burial"])
# Verbs whose object is a matter talked or thought about: "discussed the situation in Haiti",
# "condemned the attack in Kabul" say nothing of where the one discussing it was.
TOPIC_VERBS = frozenset(
    [
        "discuss",
        "condemn",
        "criticize",
        "criticise",
        "denounce",
        "decry",
        "debate",
        "mention",
        "describe",
        "praise",
        "welcome",
        "raise",
        "review",
        "blame",
        "deplore",
        "lament",
    ]
)

# Common nouns for a person, for definite descriptions ("the Innisfail skater", "the actress"):
# they mean someone already named, as titles do ("the North Korean leader").
MALE_NOUNS = frozenset(
    ["man", "boy", "father", "husband", "son", "brother", "actor", "businessman", "gentleman", "uncle", "nephew"]
)
FEMALE_NOUNS = frozenset(
    [
        "woman",
        "girl",
        "mother",
        "wife",
        "daughter",
        "sister",
        "actress",
        "businesswoman",
        "lady",
        "waitress",
        "aunt",
        "niece",
    ]
)
# Kinship nouns and the relation each names, for relational descriptions ("her aunt", "Finney's
# parents"): such a noun means whoever the text names in that relation to its possessor.
KINSHIP_RELATIONS: dict[str, str] = {
    **dict.fromkeys(["father", "mother", "parent", "parents", "dad", "mom", "mum"], "parent"),
    **dict.fromkeys(["son", "daughter", "child", "children", "kid"], "child"),
    **dict.fromkeys(["husband", "wife", "spouse"], "spouse"),
    **dict.fromkeys(["brother", "sister", "sibling"], "sibling"),
    **dict.fromkeys(["aunt", "uncle"], "aunt"),
    **dict.fromkeys(["niece", "nephew"], "niece"),
    **dict.fromkeys(["grandfather", "grandmother", "grandparent"], "grandparent"),
    **dict.fromkeys(["grandson", "granddaughter", "grandchild"], "grandchild"),
}
# Whom a person's possessive names besides kin ("Finney's parents and siblings", "his friends",
# "her colleagues"): someone else, who may go where the person does not.
RELATION_NOUNS = frozenset(KINSHIP_RELATIONS) | frozenset(
    [
        "relative",
        "family",
        "friend",
        "colleague",
        "neighbor",
        "neighbour",
        "classmate",
        "roommate",
        "partner",
        "boyfriend",
        "girlfriend",
        "fiance",
        "fiancee",
        "cousin",
        "widow",
        "widower",
        "twin",
        "stepson",
        "stepdaughter",
        "stepfather",
        "stepmother",
    ]
)
# If X is Y's parent, Y is X's child: one stated relation gives both directions.
CONVERSE_RELATIONS: dict[str, str] = {
    "parent": "child",
    "child": "parent",
    "spouse": "spouse",
    "sibling": "sibling",
    "aunt": "niece",
    "niece": "aunt",
    "grandparent": "grandchild",
    "grandchild": "grandparent",
}
# Occupations that are done somewhere: "Underwood, a family practitioner at Licking Memorial and
# afterward in New Hampshire" says where she worked. Roles held from afar ("minister",
# "chairman", "native") are not here.
OCCUPATION_NOUNS = frozenset(
    [
        "practitioner",
        "doctor",
        "physician",
        "surgeon",
        "nurse",
        "teacher",
        "professor",
        "student",
        "pastor",
        "priest",
        "bartender",
        "waiter",
        "waitress",
        "worker",
        "employee",
        "volunteer",
        "resident",
        "farmer",
        "coach",
        "chef",
        "firefighter",
        "officer",
    ]
)
# "The couple's daughter": the two spouses told just before.
COUPLE_NOUNS = frozenset(["couple"])

PERSON_NOUNS = (
    MALE_NOUNS
    | FEMALE_NOUNS
    | frozenset(
        [
            "marine",
            "gunman",
            "parolee",
            "sailor",
            "airman",
            "trooper",
            "skater",
            "athlete",
            "player",
            "singer",
            "star",
            "musician",
            "artist",
            "author",
            "writer",
            "novelist",
            "poet",
            "doctor",
            "physician",
            "surgeon",
            "nurse",
            "practitioner",
            "patient",
            "victim",
            "survivor",
            "suspect",
            "lawyer",
            "attorney",
            "teacher",
            "student",
            "journalist",
            "reporter",
            "photographer",
            "activist",
            "campaigner",
            "traveller",
            "traveler",
            "passenger",
            "tourist",
            "climber",
            "runner",
            "cyclist",
            "rider",
            "driver",
            "pilot",
            "champion",
            "winner",
            "pastor",
            "priest",
            "missionary",
            "scientist",
            "researcher",
            "veteran",
            "soldier",
            "officer",
            "official",
            "politician",
            "candidate",
            "entrepreneur",
            "executive",
            "billionaire",
            "celebrity",
            "comedian",
            "director",
            "coach",
            "manager",
            "worker",
            "volunteer",
            "resident",
            "native",
            "teen",
            "teenager",
            "child",
        ]
    )
)

# Verbs that carry a nominal event whose doer is their subject: "paid a visit to Kyiv", "made a
# trip to Hanoi", "held talks in Minsk", "boarded a flight to Berlin", "caught a flight home".
LIGHT_VERBS = frozenset(
    [
        "make",
        "pay",
        "begin",
        "start",
        "end",
        "conclude",
        "wrap",
        "cut",
        "hold",
        "undertake",
        "take",
        "complete",
        "continue",
        "board",
        "catch",
    ]
)

# The weekdays as the parser's lower-case words: "appeared at the Senior Center Sunday".
WEEKDAY_WORDS = frozenset(day.lower() for day in WEEKDAYS)


def carried_by_light_verb(noun: object) -> bool:
    """Whether a noun is the object of a light verb, which carries the event it names and whose
    subject does it: "paid a visit", "boarded his return flight to Berlin"."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS  # type: ignore[attr-defined]


# Vehicles that stand for the people they carry: "Kim's train pulling into a station".
VEHICLE_NOUNS = frozenset(
    [
        "train",
        "plane",
        "jet",
        "aircraft",
        "motorcade",
        "convoy",
        "limousine",
        "car",
        "helicopter",
        "ship",
        "yacht",
        "boat",
        "vessel",
        "delegation",
        "entourage",
    ]
)

# What is left of someone who died, which stands for the person where it is found: "the body of
# James Marth was found in Scottdale", "her remains were recovered near Leeds".
REMAINS_NOUNS = frozenset(["body", "remains", "corpse"])

# Verbs that report what someone said: the reported clause keeps its own subject, and the
# report's date is when it was said, not when the reported event happened.
REPORTING_VERBS = frozenset(
    [
        "say",
        "tell",
        "announce",
        "report",
        "add",
        "claim",
        "state",
        "confirm",
        "deny",
        "note",
        "write",
        "declare",
        "insist",
        "reveal",
        "disclose",
        "explain",
        "stress",
        "tweet",
        "post",
        "quote",
        "cite",
    ]
)

# Verbs whose clause is a guess, not a fact: "experts speculate Kim will supply ...".
SPECULATION_VERBS = frozenset(
    [
        "speculate",
        "believe",
        "suspect",
        "think",
        "guess",
        "predict",
        "rumor",
        "rumour",
        "suggest",
        "fear",
        "assume",
        "doubt",
        "wonder",
        "hypothesize",
        "hypothesise",
        "imagine",
        "suppose",
        "anticipate",
    ]
)

# Subjects whose report is a guess: "Experts say Kim would seek ...".
SPECULATOR_NOUNS = frozenset(["expert", "analyst", "observer", "commentator", "pundit", "critic", "speculation"])

# Heads of a to-clause that make it a plan: "is expected to visit", "plans to travel".
PLANNING_HEADS = frozenset(
    [
        "expect",
        "plan",
        "schedule",
        "set",
        "slate",
        "due",
        "intend",
        "prepare",
        "agree",
        "promise",
        "vow",
        "pledge",
        "aim",
        "arrange",
        "confirm",
        "announce",
        "go",
    ]
)

# Heads of a to-clause that make it only a wish or an attempt: "hopes to visit".
WISH_HEADS = frozenset(
    [
        "hope",
        "want",
        "wish",
        "seek",
        "try",
        "attempt",
        "consider",
        "mull",
        "weigh",
        "propose",
        "offer",
        "like",
        "love",
        "invite",
        "threaten",  # "threatened to fly to Rome"
    ]
)

# Heads that deny the event below them: "was unable to attend", "cancelled his visit".
NEGATING_HEADS = frozenset(
    [
        "unable",
        "fail",
        "refuse",
        "decline",
        "cancel",
        "postpone",
        "scrap",
        "forgo",
        "skip",
        "abandon",
        "avoid",
        "withdraw",  # "withdrew from the Italian Open in Rome"
        "miss",  # "missed his flight to Berlin", "missed the meeting in Geneva"
        "boycott",  # "boycotted the ceremony in Oslo"
        "forbid",  # "is forbidden to travel to Paris"
        "prohibit",
        "snub",
        "shun",
    ]
)

SPECULATIVE_MODALS = frozenset(["could", "may", "might", "would", "should", "'d", "must", "can"])
FUTURE_MODALS = frozenset(["will", "shall", "'ll", "wo"])  # "wo" is spaCy's token for "won't"

# Adverbs and adjectives that hedge a statement: "will likely supply", "is likely to visit".
# "reportedly" and "allegedly" are not among them: they attribute a report of what happened
# ("was allegedly caught at Bali airport", "reportedly was taken to University Hospital"),
# which news readers and the gold take as having happened.
HEDGE_ADVERBS = frozenset(["likely", "unlikely", "possibly", "perhaps", "maybe", "probably", "potentially"])
FUTURE_ADVERBS = frozenset(["next", "later", "tomorrow", "soon", "shortly"])
PLANNED_ADJECTIVES = frozenset(
    ["planned", "upcoming", "expected", "scheduled", "forthcoming", "proposed", "future", "next"]
)
SPECULATIVE_ADJECTIVES = frozenset(["possible", "potential", "likely", "rumoured", "rumored", "hypothetical"])
# Nouns that put what they govern in doubt: "his trip is in doubt", "left his participation in
# question", "cast doubt on her visit", "put the tour in jeopardy".
DOUBT_NOUNS = frozenset(["doubt", "question", "jeopardy"])
# Adjectives that leave a trip undecided: "his appearance in Paris remains uncertain".
DOUBT_ADJECTIVES = frozenset(["uncertain", "doubtful", "questionable", "unclear", "undecided", "unconfirmed"])

# Verbs of speaking to people in their presence: "speaking to reporters in Kabul", "addressed
# troops in Kandahar", "told a rally in Ohio". Their audience's "in X" is where the speaker was.
ADDRESSING_VERBS = frozenset(["speak", "talk", "address", "tell", "lecture", "preach"])
# Verbs of speaking whose "from X" is where the speaker was: "said from Geneva", "spoke by
# telephone from Kabul", "wrote from prison in Tehran".
SPEAKING_FROM_VERBS = ADDRESSING_VERBS | frozenset(
    [
        "say",
        "announce",
        "report",
        "write",
        "tweet",
        # "criticized the decision from Washington", "responded from Tallahassee"
        "respond",
        "react",
        "reply",
        "comment",
        "criticize",
        "criticise",
        "condemn",
        "praise",
        "warn",
        "testify",
    ]
)
# Verbs of watching over or running something, whose "from X" is where the one who does it
# was: "oversaw the operation in Kharkiv from Kyiv", "runs the company from Leeds".
DIRECTING_FROM_VERBS = frozenset(
    "watch monitor follow observe oversee supervise direct run command coordinate manage".split()
)
# Where one sits to act on what is elsewhere: "watched the ceremony in Paris from her office in
# Berlin", "directed the fight from a bunker in Kyiv".
STATION_NOUNS = frozenset("office home house residence headquarters bunker post studio desk hideout base".split())
# The people such a verb addresses: a crowd, the press, troops, a party's supporters.
AUDIENCE_PEOPLE = frozenset(
    [
        "crowd",
        "audience",
        "rally",
        "gathering",
        "reporter",
        "journalist",
        "press",
        "troop",
        "soldier",
        "sailor",
        "supporter",
        "student",
        "worker",
        "lawmaker",
        "legislator",
        "delegate",
        "congregation",
        "worshipper",
        "pilgrim",
        "fan",
        "veteran",
        "graduate",
        "conference",
        "summit",
        "parliament",
        "assembly",
        "convention",
    ]
)

# A part or a moment of a gathering, whose "of" phrase names the gathering and so where it was:
# "met on the sidelines of the G7 summit in Hiroshima", "on the eve of talks in Geneva", "spoke at
# the start of a conference in Harare".
GATHERING_PART_NOUNS = frozenset(
    [
        "sideline",
        "sidelines",
        "margin",
        "margins",
        "eve",
        "end",
        "opening",
        "close",
        "start",
        "beginning",
        "outset",
        "conclusion",
    ]
)
# Who a gathering's list of those present is headed by: "Mourners included Gov. John Lynch",
# "Notables among the crowd included ...", "Among the guests was Angela Merkel".
ATTENDANCE_NOUNS = frozenset(
    [
        "crowd",
        "audience",
        "attendee",
        "spectator",
        "onlooker",
        "mourner",
        "guest",
        "participant",
        "dignitary",
        "notable",
        "delegate",
        "visitor",
        "panelist",
        "speaker",
    ]
)
# The words that make "those" the people present: "those attending", "those present".
ATTENDING_WORDS = frozenset(["attend", "present", "gather", "assemble", "attending"])
# Verbs that tell a gathering by its people coming together: "Hundreds gathered at the cemetery in
# Boscawen", "supporters rallied in Denver". A gathering named again after one ("came to the
# ceremony", "told the crowd") is where such a verb put its people.
GATHERING_VERBS = frozenset(["gather", "assemble", "rally", "congregate", "convene"])
# The people of a gathering, spoken to as one: "told the crowd", "addressed the mourners", "spoke
# to the congregation". Not "reporters", who may be anywhere a telephone reaches.
GATHERED_PEOPLE = ATTENDANCE_NOUNS | frozenset(
    [
        "congregation",
        "gathering",
        "meeting",
        "rally",
        "assembly",
        "protester",
        "demonstrator",
        "marcher",
        "worshipper",
        "conference",
        "convention",
    ]
)

# Verbs of caring for people in person, and the people cared for: "treating patients in Guinea",
# "vaccinating children in Nigeria", "helping refugees in Lebanon" put the carer where they are.
CARE_VERBS = frozenset(
    ["treat", "nurse", "vaccinate", "inoculate", "examine", "rescue", "feed", "teach", "train", "counsel", "help"]
)
CARED_PEOPLE = frozenset(
    [
        "patient",
        "victim",
        "survivor",
        "refugee",
        "evacuee",
        "migrant",
        "orphan",
        "child",
        "villager",
        "resident",
        "pupil",
        "student",
        "troop",
        "soldier",
        "family",
        "people",
    ]
)

# Verbs whose "in X" says nothing about a trip: "was born in", "is based in". Being detained,
# jailed or imprisoned somewhere does put a person there, so those verbs are not listed.
STATIVE_VERBS = frozenset(
    [
        "bear",
        "base",
        "headquarter",
        "locate",
        "situate",
        "register",
        "own",
        "sell",
        "produce",
        "make",
        "manufacture",
        "build",
        "publish",
        "invest",
        "operate",
        "station",
        "deploy",
        "store",
        "keep",
        "find",
        "hold",
        "bury",
        "raise",
        "educate",
        "do",
        "get",
        "want",  # "Carl Dunn, wanted in Texas on a murder charge": sought there, not there
        "seek",
    ]
)

# What is done to a person who is somewhere, told in the passive: "was held in the county jail in
# Greenwood", "was found dead in Oxford", "was treated at a hospital in Tucson". Some are stative
# in the active ("the firm holds shares in", "keeps an office in"); with a person as the passive's
# subject they say where that person was.
CUSTODY_VERBS = frozenset(
    [
        "hold",
        "keep",
        "find",
        # Police news's "found": "was located at a motel in Ocala" (a building "is located in").
        "locate",
        "jail",
        "imprison",
        "detain",
        "lock",
        "confine",
        "treat",
        "hospitalize",
        "hospitalise",
        # Posted somewhere: "was stationed in Germany", "was deployed in Gaza".
        "station",
        "deploy",
        "post",
    ]
)
# What is done to a person somewhere, told in the active with the person as object: "deputies
# arrested Victor Lane at a motel in Ocala", "troopers found her in a ditch near Amarillo". Whoever
# does it is there too, when the subject is a person.
ACTIVE_CUSTODY_VERBS = frozenset(
    ["arrest", "detain", "apprehend", "capture", "find", "locate", "rescue", "jail", "hold", "catch", "hospitalize"]
)
# Those who police a place: "was arrested by Montreal police", "Leeds police arrested", "Kenton
# County sheriff's deputies detained": a force named after its town acts in that town.
POLICING_NOUNS = frozenset(
    ["police", "policeman", "policemen", "officer", "deputy", "trooper", "constable", "detective", "sheriff"]
)
# Those who try a person: "A Navarro County jury found the defendant guilty", "was sentenced by a
# Leeds judge", "Judge Ann Reed in Cincinnati sentenced him": a court sits in its town, and the
# person it convicts, acquits or sentences stands before it there.
COURT_NOUNS = frozenset(["jury", "judge", "court", "magistrate", "justice"])
# What a court does to a person who stands before it ("found" only with its verdict: "found him
# guilty"); not "indict", which a grand jury does with nobody before it.
JUDGING_VERBS = frozenset(["sentence", "convict", "acquit", "arraign", "remand", "find"])
# What is done to a person in the flesh, whose passive's agent's "in"/"at" phrase says where it
# was done: "was questioned by police in Lima", "was struck by a car in Leeds".
HANDS_ON_VERBS = (
    ACTIVE_CUSTODY_VERBS
    | CARE_VERBS
    | frozenset(
        "question interview interrogate strike hit shoot stab kill attack assault beat injure wound bite stop"
        " search".split()
    )
)
# Acts that need their person object there in the flesh, told in the active: "interviewed Tom
# Reed in Paris", "shot a man in Leeds", "married Tom Reed in Paris". Not "beat": "Trump narrowly
# beat Hillary Clinton in Wisconsin" was a vote, with nobody's fists.
FACE_TO_FACE_VERBS = (HANDS_ON_VERBS - {"beat"}) | frozenset("marry wed hug kiss embrace".split())
# Verbs of reaching someone who is elsewhere: "called her mother in Washington", "phoned his lawyer
# in Berlin". The place is the reached person's, not the caller's ("called a news conference in
# Paris", with no person as object, is convened there).
REMOTE_CONTACT_VERBS = frozenset("call phone telephone ring text email e-mail message fax skype".split())
# What a person is in a place's eyes, not where they are: "is popular in Kyiv", "is wanted in
# Kyiv on fraud charges", "is well known in Leeds".
REPUTE_WORDS = frozenset(
    "popular unpopular famous infamous notorious renowned known unknown beloved loved hated admired "
    "respected revered celebrated wanted".split()
)
# Verbs of judging someone in words, whose passive's agent may be anywhere: "was criticized by
# officials in Kyiv" places the officials, not the one criticized (unlike "was questioned by police
# in Lima", HANDS_ON_VERBS).
EVALUATING_VERBS = frozenset(
    "criticize criticise condemn denounce decry praise blame deplore accuse thank applaud hail slam mock "
    "fault rebuke chastise lambast lambaste commend sue fine sanction endorse".split()
)
# Verbs of acting on a place from elsewhere, through what is sent, ordered or given: "sent a
# letter to the summit in Kyiv", "ordered air strikes on Kyiv", "donated $1 million to a hospital
# in Leeds". What the object reaches is no place of the subject's ("sent troops into Kyiv"); where
# the verb itself is done still is ("signed the order in Kyiv").
REMOTE_ACT_VERBS = frozenset(
    "send ship mail post wire transfer export order authorize authorise approve dispatch donate pledge fund".split()
)
# What a verb of launching sends from afar ("launched air strikes on Gaza"); "launched his
# campaign in Iowa" is done there.
ATTACK_NOUNS = frozenset(
    "attack strike airstrike offensive raid missile rocket assault invasion bombardment bombing incursion".split()
)
# How a person is brought somewhere, told in the passive: "was taken to Frederick Memorial Hospital
# in Frederick", "was rushed to a hospital in Tucson", "was transferred to a prison in Ankara".
CONVEYANCE_VERBS = frozenset(
    [
        "take",
        "rush",
        "transport",
        "bring",
        "transfer",
        "send",
        "fly",
        "drive",
        "carry",
        "admit",
        "move",
        # Sent to work or out of danger: "was dispatched to Khartoum", "was deployed to Gaza",
        # "were evacuated to Miami", "was deported to Mexico".
        "dispatch",
        "deploy",
        "redeploy",
        "post",
        "assign",
        "evacuate",
        "airlift",
        "deport",
        "expel",  # "was expelled to Guatemala"
    ]
)
# What carries a person somewhere, told in the active with the person as object: "the trip will
# take him to Papua New Guinea", "a tour that took her to Kazakhstan", "the journey brought Biden
# to Hanoi", "Obama took his daughters to Paris" (he went too).
CARRYING_VERBS = frozenset(["take", "bring", "carry", "lead", "escort"])
# The homes, shops and haunts of a town that local news names without the town, which its
# police force's name gives: "Leeds Police went to Tom Reed's home", "shot outside a bar".
LOCAL_VENUE_NOUNS = frozenset(
    [
        "home",
        "house",
        "residence",
        "apartment",
        "duplex",
        "trailer",
        "driveway",
        "yard",
        "store",
        "shop",
        "bar",
        "restaurant",
        "motel",
        "lot",
        "intersection",
    ]
)
# Verbs of travel whose object, when a person, travels with the subject: "Robert Perez drove
# Moore and Greene to Lanexa", "flew his daughter to Madrid", "walked her to the car"; and of
# pursuit, whose object went there first: "followed her to Cincinnati".
CONVEYING_MOTION_VERBS = frozenset(["drive", "fly", "walk", "follow", "chase", "pursue"])
# What sends a person somewhere without going: "the agency sent nurse Laura Byrne to Freetown",
# "Mubarak dispatched his foreign minister to Khartoum" (he stayed home).
SENDING_VERBS = frozenset(["send", "dispatch", "deploy", "evacuate", "airlift", "deport", "expel", "assign", "post"])

SINGULAR_PRONOUNS = frozenset(["he", "him", "his", "himself", "she", "her", "hers", "herself"])
PLURAL_PRONOUNS = frozenset(["they", "them", "their", "theirs", "themselves"])
MALE_PRONOUNS = frozenset(["he", "him", "his", "himself"])
FEMALE_PRONOUNS = frozenset(["she", "her", "hers", "herself"])
MALE_TITLES = frozenset(
    ["mr.", "mr", "king", "prince", "emperor", "sir", "lord", "sheikh", "emir", "sultan", "pope", "pontiff"]
)
FEMALE_TITLES = frozenset(["mrs.", "mrs", "ms.", "ms", "miss", "queen", "princess", "empress", "dame", "lady"])


def lemma_in(token: object, words: frozenset[str]) -> bool:
    """Whether a token's lemma is in `words`, allowing for the small model's slips.

    The small English model lemmatises "hopes" as "hop"; the word itself and its form with a
    regular ending stripped ("hopes", "hoped", "hoping" -> "hope") are tried too.
    """
    lemma = token.lemma_.lower()  # type: ignore[attr-defined]
    if lemma in words:
        return True
    text = token.lower_  # type: ignore[attr-defined]
    if text in words:
        return True
    for ending, replacement in (("ing", "e"), ("ing", ""), ("ed", "e"), ("ed", ""), ("es", ""), ("s", ""), ("d", "")):
        if text.endswith(ending) and text[: -len(ending)] + replacement in words:
            return True
    return False
