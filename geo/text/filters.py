"""The judgements a careful reader makes before taking a gazetteer name in a text for a place.

Each rule looks at one kind of evidence: how the name is written (capitals, word boundaries,
model numbers), what English word it also spells, whether it is part of a person's name, and
what the NER model tagged it as. A rule says why it rejects, so tests and debugging can tell.
The NER model is a signal, never the judge alone: a prominent place survives its PERSON tag.
A word the story uses as part of a person's name ("Erie GM Sherry Bassin", "Dr. Greer") is no
place elsewhere in it, but for where the text sets it as one: "in Erie", "near Greer", or with
its region after it ("Greer, S.C.").

Rules that keep common news words out:
- an acronym (2-4 capitals, "CNN", "AP", "TV") is a place only when the gazetteer knows it as an
  abbreviation or demonym ("US", "NSW", "UAE") or NER tags exactly it as a place: ISO and
  airport codes spell every short acronym there is;
- an abbreviation the gazetteer writes in capitals ("ACT", "NSW") is a place only when the text
  writes it so: "the Consumer Act" is a law;
- a title before a capitalised word ("Dr. Lamont Sweet", "Gen Smith") is a title, whatever place
  it also spells ("Dr" is an alternate name of Dar'a);
- a name before "news agency" or after "agency" is the agency ("the Xinhua news agency", "state
  media agency Xinhua"), and so is every other mention of that name in the story ("Xinhua said");
- a month name followed by a number is a date ("October 6", "May 2020"), whatever place shares it,
  and so is one after a word of time ("In March, China's largest meat processor", "since August"):
  read as "Town, Region", the first was March, England (GeoVirus end to end, one false mention
  fewer; nothing else of the three corpora moved);
- a word inside a longer capitalised name the gazetteer does not know ("Royal Free hospital",
  "Licking Memorial Hospital") stands for a place by itself only under its own name as a
  prominent place, or as a hand-curated short form ("Pacific Fleet"); a mere alternate or a
  little-known namesake is just part of the longer name. A place named as the modifier of an
  institution ("Cottonport Fire Station", "Alexandria Police") is still a mention, as the
  corpora annotate it (LGL above all), unless the name is itself an English word;
- the first word of a name joined by "of" or "de" that the NER model reads whole ("the Hall of
  Fame", "the Tour de France") is part of it, unless it is a prominent place under its own name;
- an English noun that names a large place only as an alternate unlike the place's own name
  ("Education", one of Mymensingh's in GeoNames) is the noun: such an alternate's prominence does
  not count, unless some place bears the name as its own;
- an English word before a lowercase word ("the Christian report", "United Way officials") is
  that word when it names only towns or counties, and those only as an alternate (Christian
  County's short form), unless the text sets it as a place ("in Christian") or qualifies it;
- a code written onto a currency sign is the currency ("US$460 million", "A$20"), and a name
  before "virus", "fever" or "disease" the disease ("West Nile virus", "Marburg virus");
- "the West", "the East" as political blocs are not places (a compass word after "the", alone);
  nor is any compass point after "the" ("the North", "the Northwest": a part of the story's own
  country, not the region of Cameroon or Somaliland the gazetteer gives the word to), or in a
  street's or road's name ("West 11th Street", "Northwest Eighth Avenue", "Interstate 64 East");
  nor is a compass word that begins a longer capitalised name ("West Nile virus", "Central
  Anatolia", "Western Blot"), however large the region it also names (Cameroon's West, Uganda's
  Western).

Two readings of buildings and institutions:
- a seat of government (curated kind `seat`: the White House, the Kremlin, the Pentagon, Downing
  Street, the Élysée) names its institution ("the White House said", "White House spokesman",
  "condemned by the Kremlin") unless the text reads it as a location: a locative word before it
  or before its "the" ("met at the White House", "arrived in the Kremlin", "returned to Downing
  Street"). Read so, it is a mention even when its name is an English noun ("the Pentagon");
- a town's institution named after the town ("the Harwinton Senior Center", "Woodstock General
  Hospital"): a name followed by capitalised words ending in the head noun of a facility a town
  names after itself (Center, Hospital, Court, Cemetery, Airport...; `TOWN_FACILITY_HEADS`) is the
  town's mention, little-known or not, unless the name is an English word ("Licking Memorial
  Hospital", "Western State Hospital"), a saint's ("St. Francis Hospital"), or a capitalised word
  before it makes it an inner word ("Royal |Free| Hospital");
- an institution named after a person ("George Washington High School", "Stephen F. Austin
  University", "the David Geffen School of Medicine"): a given name, an initial or none, and a
  surname that is no English word, before the rest of a facility's name, is a person's name, and
  neither of its words is a place, however large the city either spells.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from geo.folding import fold_key
from geo.gazetteer.base import Candidate, NameType
from geo.gazetteer.names import normalize_name
from geo.gazetteer.prior import is_strong
from geo.model import Precision
from geo.text.context import TITLE_WORDS, TextContext
from geo.text.given_names import given_name_share, surname_share
from geo.text.lookup import is_prominent
from geo.text.nlp import ORGANISATION_LABELS, PERSON_LABELS, PLACE_LABELS, EntitySpan
from geo.text.vocabulary import WordClass, is_stop_word, word_class

__all__ = [
    "Judgement",
    "judge_name",
    "is_capitalised",
    "NOT_CAPITALISED",
    "NEWS_AGENCY",
    "NAME_PARTICLES",
    "LOCATIVE_WORDS",
    "LITTLE_KNOWN",
    "LIST_JOINER",
    "CAPITALISED_WORD_AFTER",
    "TAGGED_AS_PERSON",
    "ENGLISH_WORD",
    "after_word_of",
    "FACILITY_HEADS",
    "TOWN_FACILITY_HEADS",
    "SEAT_KIND",
    "venue_after",
    "in_locative_context",
    "kind_after",
    "PLURAL_KIND_AFTER",
    "saints_possessives",
]

# Lower-case words that may sit inside a place name ("Komsomolsk-on-Amur", "Rio de Janeiro",
# "Dar es Salaam", "Deir ez-Zor", "Sidi bel Abbes", "Mazar-i-Sharif", "Mazar-e Sharif", "Santiago
# de los Caballeros", "San Cristobal de las Casas", "Bergen op Zoom", "Alphen aan den Rijn",
# "Villeneuve-lès-Avignon"): without one, the name is cut at it and its first word read alone.
NAME_PARTICLES = frozenset(
    "on upon of the and de la le les du des del della da do dos das di am an der den sur en na y al el"
    " au aux im in bei ob und es ez bel i e los las op aan lès sous".split()
)
_SPEECH_AFTER = re.compile(
    r"\A\s+(?:\w+\s+){0,2}?(?:said|says|announced|announces|stated|told|reported|claimed|denied|confirmed|warned)\b"
)
# A word after an elided particle, which carries the capital ("d'Ivoire", "L'Aquila").
_ELIDED_WORD = r"[^\W\d_]{1,2}['\u2019](?=[A-Z\u00c0-\u00de])[^\W_]+"
_ELIDED = re.compile(_ELIDED_WORD)
# A word, with its possessive ("People's") or after an elided particle; a contraction is two
# words ("I'll": "I", "ll").
_NAME_WORDS = re.compile(rf"{_ELIDED_WORD}|[^\W_]+(?:['\u2019]s\b)?")
_POSSESSIVE_END = re.compile(r"['\u2019]s\Z")
# Words after which a name reads as a place: "in Kelleyland", "from Maiduguri", "of Rapides".
LOCATIVE_WORDS = frozenset(
    "in at to from near of into across outside inside around toward towards through via throughout"
    " between within beyond off along past over under above below visit visited visiting visits".split()
)
# What joins the members of a list of places: "A and B", "A or B", "A, B", "A, B, and C".
LIST_JOINER = re.compile(r"\A(?:\s*,)?\s+(?:and|or|&)\s+\Z|\A\s*,\s*\Z")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[\s\u00a0]+\Z")
_ACRONYM = re.compile(r"[A-Z]{2,4}")
_MONTHS = frozenset(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_NUMBER_AFTER = re.compile(r"\A\.?[ \u00a0]+\d{1,4}\b")
# Words that make the month after them a time: "in March", "since August", "last May", "early June".
_TIME_WORDS_BEFORE_MONTH = frozenset(
    "in since until till by last next this early late mid during through throughout before after from".split()
)
# A capitalised word right before or after a name, on the same line: "Royal |Free| hospital".
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'\u2019.-])([A-Z][\w\-]*)[ \u00a0]\Z")
_CAPITALISED_AFTER = re.compile(r"\A[ \u00a0]([A-Z][\w\-]*)")
# "Hall| of Fame", "Tour| de France": a linking word and a capitalised word after the name.
_LINKED_NAME_AFTER = re.compile(r"\A[ \u00a0](?:of|de|du|des|del|della|di)[ \u00a0](?:the[ \u00a0])?[A-Z]")
# What joins a generic head noun to the name before it, where no capitalised word does: a
# possessive name ("St. Michael's Hospital"), a name with an apostrophe ("O'Roark Avenue") or a
# number ("West 11th Street", "Pulkovo 2 Airport").
_NAME_PART_BEFORE = re.compile(r"(?:[A-Z][\w\-]*['\u2019](?:s|[A-Z][\w\-]*)|\b\d+(?:st|nd|rd|th)?)[ \u00a0]\Z")
_BLOC_WORDS = frozenset({"west", "east"})
# A country's code written onto a currency sign names the currency: "US$460 million", "NZ$20".
_CURRENCY_SIGNS = frozenset("$€£¥")
# A disease named after where it was first found is the disease: "West Nile virus", "Marburg
# virus", "Lassa fever", "Minamata disease".
_DISEASE_WORD = r"[ \u00a0-](?:virus|viruses|fever|disease|ebolavirus|hemorrhagic|haemorrhagic)\b"
_DISEASE_AFTER = re.compile(r"\A" + _DISEASE_WORD)
# A name written before a disease's word: "Marburg virus", "Lassa fever", "Reston ebolavirus".
_DISEASE_NAME = re.compile(r"(?<![\w'\u2019-])((?:[A-Z][\w'\u2019]*[ \u00a0]){0,2}[A-Z][\w'\u2019]*)" + _DISEASE_WORD)
_LOCAL_PRECISIONS = frozenset({Precision.CITY, Precision.ADMIN2, Precision.SITE})
# A capitalised word right after a name, which goes on with it: "[Dublin City] Council",
# "[Alexandria City] Public Schools", "Chad Foster".
CAPITALISED_WORD_AFTER = re.compile(r"[ \u00a0]+[A-Z]")
# Compass points as nouns: "the North" is a part of the country the story is about (the Union in
# the Civil War, Northern Ireland, North Korea), never the region of Cameroon or Somaliland that
# the gazetteer gives the word to.
_COMPASS_POINTS = frozenset("north south east west northeast northwest southeast southwest".split())
# A street's number or ordinal after a compass point ("West 11th Street", "Northwest Eighth
# Avenue"), or a road's number or an address's before it ("Interstate 64 East", "207 South Main St.").
_STREET_NUMBER_AFTER = re.compile(
    r"\A[ \u00a0]+(?:\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)\b",
    re.IGNORECASE,
)
_ROAD_NUMBER_BEFORE = re.compile(r"\b\d+[A-Za-z]?[ \u00a0]+\Z")
# Compass words name regions of many countries ("West" in Cameroon, "Centre" in Burkina Faso) and
# begin longer names in news ("West Nile virus", "Central Anatolia", "North Dallas").
_COMPASS_WORDS = frozenset(
    "north south east west northern southern eastern western central centre center northeast northwest"
    " southeast southwest northeastern northwestern southeastern southwestern".split()
)
# A compass adjective before a lowercase word qualifies a noun ("Western diplomats", "a Northern
# state", "Eastern traditions", "Central defeated McLean County"), unless the noun makes it an
# administrative region ("the Western province"); "Eastern and Southern Europe" goes on to a name.
_COMPASS_ADJECTIVES = frozenset(
    "northern southern eastern western central northeastern northwestern southeastern southwestern".split()
)
_NOUN_AFTER = re.compile(
    r"\A[ \u00a0]+(?!(?:and|or|nor|province|provinces|region|regions|district|districts|division|department"
    r"|governorate|county)\b)[a-z]"
)
# Inside a hyphenated name: after a capitalised word and a lowercase linking word ("Mar-a-|Lago|",
# "Stratford-upon-|Avon|" where the whole name is unknown; "made-in-China" names China), or, known
# only by an alternate name, before a hyphen and a capitalised word that names no place
# ("|Sino|-Soviet", "|Wal|-Mart"; "Middlesex-London" is two places).
_LINKED_BEFORE = re.compile(r"(?<![\w-])[A-Z][^\W\d_]*-[a-z]+-\Z")
_HYPHEN_WORD_AFTER = re.compile(r"-([A-Z][^\W\d_]*)")
# A person's age or relative pronoun after a name: "Jordan, 23, was arrested", "Lane, 77, and";
# at the start of a sentence or after "said", "Victoria, who runs a bakery" ("of Roswell, who was
# treated" is a place: the clause is about the person before it).
_AGE_AFTER = re.compile(r"\A,[ \u00a0]+\d{1,3}(?:,|[ \u00a0]+and\b)")
_WHO_AFTER = re.compile(r"\A,[ \u00a0]+who\b")
_SAID_BEFORE = re.compile(r"\b(?:said|says|according[ \u00a0]+to)[ \u00a0]+\Z", re.IGNORECASE)
# A named storm: "Hurricane Florence", "Typhoon Haiyan", "Tropical Storm Nicole", "Storm Ciara".
_STORM_BEFORE = re.compile(r"(?<![\w'\u2019-])(?:(?i:hurricane|typhoon|cyclone)|Storm|Depression)[ \u00a0]+\Z")
# What follows a news agency's name: "the Xinhua news agency", "according to Xinhua News Agency".
_AGENCY_AFTER = re.compile(r"\A[ \u00a0]+news[ \u00a0]+agency\b", re.IGNORECASE)
# ... and what comes before it: "China's official news agency Xinhua", "state media agency Xinhua".
_AGENCY_BEFORE = re.compile(r"\bagency[ \u00a0]+\Z", re.IGNORECASE)
# A title before a capitalised word: "Dr. Lamont Sweet", "Gen Smith" (Dr is Dar'a's alternate name).
_NAME_AFTER_TITLE = re.compile(r"\A\.?[ \u00a0]+[A-Z]")
_PLAIN_NAMES = (NameType.OFFICIAL, NameType.ABBREVIATION)
_CURATED_PREFIX = "curated:"
# The reason a one-word name outside a place-like context is rejected: geo.text.recognize may
# still take it when it is coordinated with a recognised place ("Oakport and Moorhead").
LITTLE_KNOWN = "a little-known name outside any place-like context"
NOT_CAPITALISED = "not capitalised"
NEWS_AGENCY = "a news agency"
# The reasons a name the model tagged as a person or organisation, or an English word, is
# rejected: geo.text.recognize may still take it in a list of places after a locative word
# ("in Moonbi, Parkes, Berry and Wyong").
TAGGED_AS_PERSON = "tagged as a person or organisation"
ENGLISH_WORD = "an English word"
_QUALIFIER_AFTER = re.compile(r"\A(?:,\s*|\s*\()[A-Z]")
# A town this large, named as itself and set as a place, is read so though its name is a noun.
_NOUN_TOWN_POPULATION = 10_000
# Words after which a name is where something is, not whom: the person's-name veto yields to them.
_SETTING_WORDS = frozenset({"in", "near", "outside", "inside"})
_SETTLEMENT_BEFORE = re.compile(
    r"(?<![\w-])(?:village|town|city|community|hamlet|township|municipality|settlement)s?[ \u00a0]+of[ \u00a0]+\Z",
    re.IGNORECASE,
)
# A town's own people and bodies right after its name: "Roselle police", "Vicksburg residents",
# "a Crafton man"; the land around it, "the Rochester area"; and the sites news names by the place
# they are at, "the Pirbright laboratory", "the Yanacocha mine", "the Champs-Elysees boulevard".
# Nouns a person's or a firm's name modifies as readily are left out: "the Smith home", "the
# Clinton camp", "the Toyota plant".
_TOWN_BODY_AFTER = re.compile(
    r"[ \u00a0]+(?:police|residents|officials|officers|firefighters|voters|council|councilmen|aldermen|mayor"
    r"|man|woman|men|women|teen|teens|teenager|teenagers|boy|girl|couple|native|natives"
    r"|area|hospital|laboratory|lab|mine|boulevard)\b"
)
# The kind of place a name is, in lower case after it: "Giza's Haram district", "the Warab state",
# "Maoxian county"; in the plural after a list, the kind of every name of it: "Cooke, Grayson and
# Love counties". News writes a place's kind so that it is read as one, as it writes "X, Region".
# Not the kinds of streets and rivers ("Lakeview and Harrison streets", "the Williams and Cranberry
# rivers"), which the gazetteer does not hold; nor "department", a body's word ("the Las Vegas
# Police department").
_PLURAL_KINDS = (
    "counties|parishes|provinces|states|districts|townships|prefectures|governorates|municipalities|boroughs"
    "|oblasts|cantons"
)
_KIND_AFTER = re.compile(
    r"[ \u00a0]+(?:county|parish|province|state|district|township|prefecture|governorate|municipality|borough"
    rf"|oblast|canton|{_PLURAL_KINDS})\b"
)
PLURAL_KIND_AFTER = re.compile(rf"[ \u00a0]+(?:{_PLURAL_KINDS})\b")
# A town's own office or service, capitalised before its holder's name or its own: "Avondale Mayor
# Ed Rieker", "Anderson County Sheriff Greg Taylor", "Carthage Police Chief", "the Oakdale Fire
# Department". Not "Council" alone, which ends the names of bodies no town has ("the Security
# Council", "the Federation Council").
_TOWN_OFFICE_AFTER = re.compile(
    r"[ \u00a0]+(?:(?:Vice|Deputy)[- \u00a0])?(?:Mayor|Sheriff|Police|Fire(?=[ \u00a0][A-Z])|Clerk|Superintendent"
    r"|Coroner|Selectmen|(?:City|Town|County|Village|Borough)[ \u00a0](?:Council|Manager|Administrator))(?![\w-])"
)
# The end of a body's name joined by "of" ("Chamber of |Commerce| Mayor's Breakfast"); not a
# settlement's ("City of |Richmond| Police").
_BODY_OF_BEFORE = re.compile(
    r"(?<![\w'\u2019-])(?!(?:City|Town|Village|County|Borough|Township)[ \u00a0])"
    r"[A-Z][\w'\u2019-]*[ \u00a0]of[ \u00a0]\Z"
)
# A person's age or name, a comma and "of": "Rebecca Sears, 41, of", "said Amstutz, of".
_HOME_BEFORE = re.compile(r"(?:\b\d{1,3}|\b[A-Z][a-z]+),[ \u00a0]+of[ \u00a0]+\Z")
# A party's letter and a hyphen after a comma or a parenthesis: "Tom Bakk, DFL-", "(R-".
_PARTY_BEFORE = re.compile(r"[,(][ \u00a0]*(?:D|R|I|DFL|Ind)[-\u2013]\Z")
# The curated kind of a building whose name news also uses for the institution it houses.
SEAT_KIND = "seat"
# A locative word right before a name or its article: "at the White House", "to Downing Street".
_LOCATIVE_BEFORE = re.compile(r"(?<![\w'\u2019-])([^\W\d_]+)[ \u00a0]+(?:the[ \u00a0]+)?\Z", re.IGNORECASE)
# The word before the first of two names joined by "and", "or" or a comma: "at [the] X and [the] ".
_CAPITALISED_WORD = r"(?![a-z])[^\W\d_][\w'\u2019-]*"
_CAPITALISED_NAME = rf"(?:{_CAPITALISED_WORD}[ \u00a0]+){{0,3}}{_CAPITALISED_WORD}"
_CONJUNCT_BEFORE = re.compile(
    rf"(?<![\w'\u2019-])([^\W\d_]+)[ \u00a0]+(?:(?i:the)[ \u00a0]+)?{_CAPITALISED_NAME}"
    r"(?:,[ \u00a0]+|[ \u00a0]+(?:and|or)[ \u00a0]+)(?:(?i:the)[ \u00a0]+)?\Z"
)
_CONTINUED = re.compile(r"[-\u2010\u2011][^\W\d_]|[ \u00a0][A-Z]")
_SEAT_LOCATIVE_WORDS = LOCATIVE_WORDS | frozenset("tour toured touring enter entered entering reach reached".split())
# The last word of a facility's name: "Harwinton Senior Center", "Royal Alexandria Hospital".
FACILITY_HEADS = frozenset(
    "center centre hospital stadium arena school university college hall church court courthouse airport park"
    " museum hotel prison jail penitentiary cemetery library theater theatre auditorium coliseum mall clinic"
    " academy cathedral chapel mosque synagogue temple pavilion zoo gymnasium fairgrounds infirmary hospice".split()
)
# Head nouns of facilities and streets: alone, a name's last word ("Hospital" is a town in
# Ireland, "Street" one in England), not a place.
_GENERIC_HEADS = FACILITY_HEADS | frozenset("street avenue road boulevard lane drive highway".split())
# The facilities a town names after itself (its civic center, hospital, court, cemetery, airport):
# their first word is the town. Colleges, schools, museums, theaters, halls, churches and hotels are
# named after people, benefactors, saints and rivers as often ("Muskingum College", "Fitzwilliam
# Museum", "Bruton High School"), so they only carry a venue, never make a mention.
TOWN_FACILITY_HEADS = frozenset(
    "center centre hospital clinic court courthouse cemetery library airport jail prison penitentiary"
    " stadium arena fairgrounds infirmary hospice".split()
)
# "Home" ends a facility's name only after the kind of home: "the York Nursing Home", "Leeds
# Care Home"; alone it begins other names ("Home Office", "Home Depot"). Not a funeral home,
# named after the family that keeps it ("Maxey Funeral Home").
_HOME_KINDS = frozenset("nursing care retirement rest".split())
# A venue named after a saint ("St. Francis School", "St Edmund's Primary School") is no town's.
_SAINT_WORDS = frozenset({"st", "saint", "ste", "sainte", "san", "santa", "sao", "são"})
_SAINT_BEFORE = re.compile(r"(?<![\w'\u2019-])(?:St|Saint|Ste|Sainte|San|Santa)\.?[ \u00a0]\Z")
# "St. Patrick's Day", "St. Michael's Hospital", "St. John's Lutheran School": a saint's name,
# possessive, before the rest of a capitalised name is a holiday's or an institution's, not the
# town named after the saint. Only saints' given names: "St. Petersburg's Pulkovo Airport" and
# "St. Louis's" are the cities.
_SAINTS_POSSESSIVE = re.compile(
    r"(?<![\w.])(?:St\.?|Saint)[ \u00a0]([A-Z][a-z]+)['\u2019]s(?:[ \u00a0][A-Z][\w'\u2019\-]*){1,5}"
)
_SAINTS_GIVEN_NAMES = frozenset(
    "agnes aidan alban andrew ann anne anthony augustine barnabas bartholomew benedict bernard bridget"
    " brigid catherine cecilia charles christopher clare clement columba cuthbert david dominic edward"
    " elizabeth francis gabriel george gerard gregory helen hilda hugh ignatius james jerome joan john"
    " joseph jude lawrence leo luke margaret mark martin mary matthew michael monica nicholas patrick"
    " paul peter philip pius raphael rita simon stephen teresa theresa thomas timothy ursula vincent".split()
)
# Up to five capitalised words on the same line, each after one space: the rest of a venue's name.
_CAPITALISED_WORDS_AFTER = re.compile(r"(?:[ \u00a0][A-Z][\w'\u2019\-]*){1,5}")
_WORD_IN_NAME = re.compile(r"[A-Z][\w'\u2019\-]*")


@dataclass(frozen=True, slots=True)
class Judgement:
    """Whether a name found in the text is taken as a place mention, and why not if not."""

    accepted: bool
    reason: str = ""


_ACCEPT = Judgement(True)


def _reject(reason: str) -> Judgement:
    return Judgement(False, reason)


def is_capitalised(surface: str) -> bool:
    """Every word of the name starts with a capital or a digit, particles excepted.

    An apostrophe does not end a word: a possessive inside the name belongs to its word ("People's
    Republic of China", "Queen Anne's County"; one that ends it is the text's: "London's"), and an
    elided particle to the word it is elided before, which carries the capital ("Côte d'Ivoire",
    "L'Aquila").
    """
    words = _NAME_WORDS.findall(surface)
    if not words or not words[0][0].isupper() or _POSSESSIVE_END.search(words[-1]):
        return False  # "London's": the text's possessive, not part of a name
    return all(
        w[0].isupper() or w[0].isdigit() or w.casefold() in NAME_PARTICLES or bool(_ELIDED.fullmatch(w)) for w in words
    )


# What comes before an abbreviation that qualifies a name: "Bronx County, N.Y", "EDMONTON, Ky
# (WBKO)", a party's letter "D-Calif".
_QUALIFIER_BEFORE = re.compile(r"(?:[^\W\d_]|[.)]),\s*\Z|\b[DRI]-\Z")


def _stop_dropped(candidate: Candidate, surface: str) -> bool:
    """Whether `surface` is the candidate's abbreviation without its full stop: "Mass" for "Mass.",
    "KY" for "Ky." ("US" is not "U.S." so read: its own spelling)."""
    name = candidate.matched_name
    return (
        candidate.name_type is NameType.ABBREVIATION
        and name.endswith(".")
        and name[:-1].casefold() == surface.casefold()
    )


def _is_abbreviation(surface: str, context: TextContext, start: int) -> bool:
    """ "U.S.", or "US" in capitals inside a line that is not itself in capitals."""
    if re.fullmatch(r"(?:[A-Z]\.){2,}", surface):
        return True
    return surface.isupper() and len(surface) >= 2 and not context.in_caps_line(start)


def _joined_to_number(text: str, start: int, end: int) -> bool:
    """A model number or code: "Su-57", "MiG-29", "A-10", "57-Su"."""
    after = text[end : end + 2]
    before = text[max(0, start - 2) : start]
    return (len(after) == 2 and after[0] in "-\u2010\u2011" and after[1].isdigit()) or (
        len(before) == 2 and before[1] in "-\u2010\u2011" and before[0].isdigit()
    )


def _is_speaker(text: str, start: int, end: int) -> bool:
    """ "the Kremlin said": an institution named by its building, speaking."""
    preceding = text[max(0, start - 4) : start]
    return preceding.casefold() == "the " and bool(_SPEECH_AFTER.match(text[end:]))


def _is_acronym(surface: str, context: TextContext, start: int) -> bool:
    """ "CNN", "AP", "TV": 2-4 capitals in running text (a headline in capitals says nothing)."""
    return bool(_ACRONYM.fullmatch(surface)) and not context.in_caps_line(start)


def _is_date(key: str, text: str, start: int, end: int) -> bool:
    """ "October 6", "Oct. 6", "May 2020": a month name with a number, matched or following; or
    a month a word of time governs ("In March, China's largest meat processor", "since August",
    "last May"), whatever follows it: news fronts its time before a comma far more often than it
    qualifies a town called March."""
    words = key.split()
    if not words or words[0] not in _MONTHS:
        return False
    if len(words) == 1 and after_word_of(text, start, _TIME_WORDS_BEFORE_MONTH):
        return True
    return (len(words) == 2 and words[1].isdigit()) or (len(words) == 1 and bool(_NUMBER_AFTER.match(text[end:])))


def _compass_point_of_the_story(key: str, text: str, start: int, end: int) -> str | None:
    """Why a compass point standing alone is no place of the gazetteer's, if it is not: "the
    West" (a political bloc), "the North" (the story's own country's part), "West 11th Street",
    "Interstate 64 East"."""
    if key not in _COMPASS_POINTS:
        return None
    if text[max(0, start - 4) : start].casefold() == "the ":
        return "a political bloc" if key in _BLOC_WORDS else "a part of the story's own country"
    if _STREET_NUMBER_AFTER.match(text[end : end + 16]) or _ROAD_NUMBER_BEFORE.search(text[max(0, start - 12) : start]):
        return "part of a street or road's name"
    return None


def _inside_longer_name(key: str, text: str, start: int, end: int, context: TextContext) -> bool:
    """Whether the name is one word of a longer capitalised name, not that name's place modifier.

    A capitalised word before it makes it an inner word ("Royal |Free| hospital"). A capitalised
    word after it makes it a modifier, and news names institutions after their places
    ("Cottonport Fire Station", "Alexandria Police"): that reading holds unless the name is an
    English word itself ("Licking Memorial Hospital") or what follows is no English word (a
    surname, another name: "Royal Free").
    """
    if _inner_word(text, start, context):
        return True
    if key in _GENERIC_HEADS and _NAME_PART_BEFORE.search(text[max(0, start - 40) : start]):
        return True  # "St. Michael's Hospital", "West 11th Street", "Pulkovo 2 Airport"
    after = _CAPITALISED_AFTER.match(text[end : end + 40])
    if after is None or is_stop_word(after.group(1).casefold()):
        return False
    if _town_office_after(text, start, end):
        return False  # "Carthage Police Chief", "Monroe Mayor Robert Routson": the town's own office
    return word_class(after.group(1).casefold()) is None or word_class(key) is not None


def _prominent_by_name(candidates: list[Candidate]) -> bool:
    """Whether a name's prominence answers the English noun it spells: some place bears the name
    as its own, or a prominent candidate is named as itself. Prominence under an alternate unlike
    the place's own name ("Education" for Mymensingh) does not."""
    return any(c.name_type is not NameType.ALTERNATE for c in candidates) or any(
        is_prominent(c) and _named_as_itself(c) for c in candidates[:3]
    )


def _named_as_itself(candidate: Candidate) -> bool:
    """A candidate matched by its own name, an abbreviation, or an alternate that spells the same
    name: a short form ("Barrow" for Barrow County), an exonym that begins as it does ("Normandy",
    Normandie). Not an alternate unlike the name ("Education", one of Mymensingh's)."""
    if candidate.name_type is not NameType.ALTERNATE:
        return True
    alternate, own = fold_key(candidate.matched_name), fold_key(candidate.place.name)
    return own.startswith(alternate) or alternate[:4] == own[:4]


def _heads_a_linked_name(text: str, start: int, end: int, entities: list[EntitySpan]) -> bool:
    """A one-word name that heads a longer name joined by "of" or "de", which the NER model reads
    as one entity: "the Hall of Fame", "the Tour de France", "the Bank of Montreal". The entity
    names a body, a building or an event; its first word is no place by itself (the place, if
    any, is the name after the linking word, which is judged on its own). A prominent place under
    its own name keeps its reading ("the Nice of Russia"; the caller checks that)."""
    if _LINKED_NAME_AFTER.match(text[end : end + 12]) is None:
        return False
    return any(e.start <= start and e.end > end + 4 for e in entities)


def venue_after(text: str, end: int, heads: frozenset[str] = FACILITY_HEADS) -> int | None:
    """Where a facility's name that continues the name ending at `end` ends, if one does.

    "Harwinton| Senior Center" -> the end of "Center": capitalised words whose last (the first
    head noun met) is one of `heads`.
    """
    words = _CAPITALISED_WORDS_AFTER.match(text, end, min(len(text), end + 80))
    if words is None:
        return None
    before = ""
    for word in _WORD_IN_NAME.finditer(text, end, words.end()):
        folded = word.group().casefold()
        if folded in heads or (folded == "home" and before in _HOME_KINDS):
            return word.end()
        before = folded
    return None


def _inner_word(text: str, start: int, context: TextContext) -> bool:
    """A capitalised word before the name joins it to a longer name ("Royal |Free| hospital")."""
    before = _CAPITALISED_BEFORE.search(text[max(0, start - 40) : start])
    if before is None:
        return False
    word = before.group(1).casefold()
    word_start = start - len(before.group(0))
    # A sentence's first word is capitalised whatever it is: only a non-word joins the name.
    at_sentence_start = context.is_sentence_start(word_start) and word_class(word) is not None
    return not (is_stop_word(word) or word in TITLE_WORDS or at_sentence_start)


def _names_a_town_venue(key: str, text: str, start: int, end: int, context: TextContext) -> bool:
    """ "the Harwinton Senior Center": the name begins a facility's name and is no English word or saint."""
    if word_class(key) is not None or key.split()[0] in _SAINT_WORDS:
        return False
    if venue_after(text, end, TOWN_FACILITY_HEADS) is None:
        return False
    return not (_inner_word(text, start, context) or _SAINT_BEFORE.search(text[max(0, start - 8) : start]))


def _is_seat(candidates: list[Candidate]) -> bool:
    return any(c.place.kind == SEAT_KIND and c.place.gazetteer_id.startswith(_CURATED_PREFIX) for c in candidates)


def _read_as_location(text: str, start: int, end: int) -> bool:
    """A locative word right before the name or before its article ("at the Kremlin", "in the White House").

    A name that goes on (a compound, "Kremlin-backed"; a longer name, "Capitol Market") is not the seat.
    """
    if _CONTINUED.match(text, end):
        return False
    before = _LOCATIVE_BEFORE.search(text[max(0, start - 24) : start])
    if before is not None and before.group(1).casefold() in _SEAT_LOCATIVE_WORDS:
        return True
    # "visited the Pentagon and the White House": a conjunct of a name read so is read so too.
    conjunct = _CONJUNCT_BEFORE.search(text[max(0, start - 64) : start])
    return conjunct is not None and conjunct.group(1).casefold() in _SEAT_LOCATIVE_WORDS


def _stands_alone(candidates: list[Candidate]) -> bool:
    """A prominent place under its own name or an abbreviation, or any hand-curated feature."""
    return any(
        c.place.gazetteer_id.startswith(_CURATED_PREFIX) or (c.name_type in _PLAIN_NAMES and is_prominent(c))
        for c in candidates
    )


def judge_name(
    key: str,
    start: int,
    end: int,
    candidates: list[Candidate],
    context: TextContext,
    *,
    dateline: bool = False,
    qualified: bool = False,
) -> Judgement:
    """Whether the gazetteer name `key`, at [start, end) of the text, is a place mention.

    `qualified`: the name is followed by a region or country that holds one of its candidates
    ("Wainwright, Alta."), which makes a place of a name that is also an English word or that
    the NER model takes for a person ("Greer, South Carolina").
    """
    text = context.text
    surface = text[start:end]
    if not surface.isupper():
        # Codes ("BUT" for an airport) name places only when written as codes, in capitals, and so
        # do abbreviations the gazetteer spells in capitals ("ACT" is not the "Act" of a law).
        candidates = [
            c
            for c in candidates
            if c.name_type is not NameType.CODE
            and not (c.name_type is NameType.ABBREVIATION and _ACRONYM.fullmatch(c.matched_name.replace(".", "")))
        ]
    if not surface.endswith(".") and text[end : end + 1] != "." and not _QUALIFIER_BEFORE.search(text[:start][-8:]):
        # An abbreviation the gazetteer writes with a full stop ("Mass.", "Man.", "Ky.") written
        # without it is the word or the code it also spells ("the requiem Mass", "Man of the Year",
        # "KY 90"), but after a name and its comma or a party's letter ("Louisville, KY--", "D-Calif").
        candidates = [c for c in candidates if not _stop_dropped(c, surface)]
    if not candidates:
        return _reject("unknown to the gazetteer")
    best = candidates[0]
    prominent = any(is_prominent(c) for c in candidates[:3])
    entities = context.entities_over(start, end)
    exact_labels = {e.label for e in entities if e.start == start and e.end == end}
    ner_says_place = bool(exact_labels & PLACE_LABELS) or any(
        e.label in PLACE_LABELS and e.start <= start and end <= e.end for e in entities
    )

    if not is_capitalised(surface):
        return _reject(NOT_CAPITALISED)
    if _joined_to_number(text, start, end):
        return _reject("part of a model number")
    if text[end : end + 1] in _CURRENCY_SIGNS:
        return _reject("a currency's sign")  # "US$460 million", "A$20", "HK$3"
    if _DISEASE_AFTER.match(text[end : end + 12]):
        return _reject("a disease's name")  # "West Nile virus", "Marburg virus", "Lassa fever"
    if dateline:
        return _ACCEPT
    if key in _disease_names(text) and not in_locative_context(text, start, end):
        return _reject("a disease's name")  # "the Marburg virus ... Because Marburg kills"
    if key in _school_names(text):
        return _reject("a school's name")  # "at Franklin Elementary ... a teacher at Franklin"
    if _is_date(key, text, start, end):
        return _reject("a date")
    if _STORM_BEFORE.search(text[max(0, start - 24) : start]):
        return _reject("a storm's name")
    if key in _COMPASS_ADJECTIVES and _NOUN_AFTER.match(text[end : end + 16]):
        return _reject("a compass adjective before a noun")
    if _LINKED_BEFORE.search(text[max(0, start - 24) : start]) or _joined_to_a_name(text, end, candidates, context):
        return _reject("inside a hyphenated name")
    if _is_person_described(text, start, end, context):
        return _reject("a person, by age or by who")
    if _in_a_full_name(text, start, end):
        return _reject("a person's given name or surname, beside the other")
    if _in_a_person_named_facility(text, start, end, context):
        return _reject("a person's name on a facility")
    if _is_acronym(surface, context, start) and not (
        exact_labels & PLACE_LABELS or any(c.name_type in (NameType.ABBREVIATION, NameType.DEMONYM) for c in candidates)
    ):
        return _reject("an acronym")
    if best.name_type is NameType.DEMONYM:
        # "Russian" is an English adjective by design: capitalised, it is the country's signal.
        return _ACCEPT

    if (compass := _compass_point_of_the_story(key, text, start, end)) is not None:
        return _reject(compass)
    if key in TITLE_WORDS and _NAME_AFTER_TITLE.match(text[end : end + 4]):
        return _reject("a title before a name")
    if _AGENCY_AFTER.match(text[end : end + 16]) or _AGENCY_BEFORE.search(text[max(0, start - 24) : start]):
        return _reject(NEWS_AGENCY)
    if _is_seat(candidates):
        # "met at the White House" is a place; "the White House said", "White House aides" the institution.
        return _ACCEPT if _read_as_location(text, start, end) else _reject("an institution named by its seat")
    if key.split()[0] not in _SAINT_WORDS and _SAINT_BEFORE.search(text[max(0, start - 8) : start]):
        # "the St. Paul XCEL Energy Center": "Paul" is the saint's name the text writes whole, and
        # the whole is a place only as the whole.
        return _reject("part of a saint's name")
    town_venue = _names_a_town_venue(key, text, start, end, context)
    if " " not in key and not _stands_alone(candidates) and _heads_a_linked_name(text, start, end, entities):
        return _reject("part of a longer name")
    if (
        not exact_labels & PLACE_LABELS
        and not context.in_caps_line(start)
        and not town_venue
        and not kind_after(text, end)  # "the south Sudanese Warab state": no longer name goes on
        and _inside_longer_name(key, text, start, end, context)
        and (key in _COMPASS_WORDS or not _stands_alone(candidates))
    ):
        return _reject("part of a longer name")

    word = word_class(key)
    if (
        word is WordClass.LEXICAL
        and "." not in surface  # an abbreviation ("Day B.C.") is no English word
        and not (exact_labels & PLACE_LABELS or qualified or town_venue)
        and not context.in_caps_line(start)
        and _inner_word(text, start, context)
    ):
        # "the African Union", "Texas Forest Service", "PRIDE Spring Cleanup", "Mind Reading": a
        # word of English inside a longer capitalised name is that name's word, even when a town
        # of some standing spells it (Union, New Jersey; Spring, Texas).
        return _reject("an English word inside a longer name")
    starts_sentence = context.is_sentence_start(start) or context.in_caps_line(start)
    if word is WordClass.FUNCTION and not _is_abbreviation(surface, context, start):
        return _reject("a function word")
    if word is WordClass.LEXICAL and not (ner_says_place or qualified) and (starts_sentence or not prominent):
        return _reject(ENGLISH_WORD)
    if (
        word is WordClass.LEXICAL
        and not qualified
        and all(c.name_type is NameType.ALTERNATE and c.place.precision in _LOCAL_PRECISIONS for c in candidates)
        and _NOUN_AFTER.match(text[end : end + 16])
        and not in_locative_context(text, start, end)
    ):
        return _reject("an English word before a noun")
    if word is WordClass.NOUN and not (
        ner_says_place
        or (prominent and _prominent_by_name(candidates))
        or qualified
        or _town_set_in(key, best, text, start, end)
    ):
        return _reject("an English noun")

    if (
        len(key) <= 4
        and all(c.name_type is NameType.ALTERNATE for c in candidates)
        and not _prominent_by_name(candidates)
        and not (ner_says_place or qualified or in_locative_context(text, start, end))
    ):
        # "Jin", "Pan", "Agro": a short word that only some place's alternate names spell (Tsu,
        # Japan, for "Jin") is a person's name, a word or a part of another name far more often.
        return _reject("a short alternate name")
    is_country = best.place.precision is Precision.COUNTRY
    # "Theresa Pilkington of Jeannette": where a person named in full is from, as news gives it,
    # though the NER model reads a given name there as another person.
    homed = _home_of_a_person(text, start, context)
    if key in context.person_words and not (is_country or qualified or homed or _set_in(text, start, end)):
        return _reject("a person's name")
    # "Anderson County Sheriff Greg Taylor", read whole as a person: the town begins it, its office follows.
    if any(
        e.label in PERSON_LABELS
        and e.start <= start
        and end <= e.end
        and e.end - e.start > end - start
        and not (e.start == start and _town_office_after(text, start, end))
        for e in entities
    ):
        return _reject("inside a person's name")
    # A PERSON or ORG tag on exactly this span vetoes only a name with no standing as a place, and
    # that the text does not set as one ("a fire in Pewaukee", the model's "Pewaukee" a person).
    if (
        exact_labels & (PERSON_LABELS | ORGANISATION_LABELS)
        and not exact_labels & PLACE_LABELS
        and not (prominent or qualified or homed or _set_in(text, start, end) or _journey_to(text, start, end))
    ):
        return _reject(TAGGED_AS_PERSON)
    if context.analysis is None and _next_to_unknown_name(text, start, end, context):
        return _reject("beside a capitalised name: a person")
    # A multi-word capitalised name ("Black Sea", "Rapides Parish") is evidence enough by itself.
    if " " not in key and not (
        prominent or ner_says_place or town_venue or homed or in_locative_context(text, start, end)
    ):
        return _reject(LITTLE_KNOWN)
    if best.place.precision is Precision.SITE and _is_speaker(text, start, end):
        return _reject("an institution speaking")
    return _ACCEPT


# A person's name before the rest of a facility's name: a given name, an initial or none, a
# surname, then capitalised words up to the facility's head ("George Washington High School").
_PERSON_NAMED_FACILITY = re.compile(
    r"(?<![\w'\u2019.-])([A-Z][a-z]+)[ \u00a0](?:[A-Z]\.[ \u00a0])?([A-Z][a-z][\w'\u2019-]*)"
    r"((?:[ \u00a0][A-Z][\w'\u2019-]*){1,4})"
)
# Nouns that describe a facility rather than name its patron: "Lawrence Convention Center".
_FACILITY_WORDS = _GENERIC_HEADS | frozenset(
    "community convention county city town village civic cultural heritage veterans children women union"
    " district area region valley mountain lake river bay harbor harbour beach hills heights garden square"
    " station bridge metro trinity".split()
)
# The share of people (per cent, in the census lists) bearing a given name for it to begin such a
# name: "Lonnie" (0.064) does, a rare name that is mostly a surname or a word does not.
_GIVEN_NAME_SHARE = 0.01


def _in_a_person_named_facility(text: str, start: int, end: int, context: TextContext) -> bool:
    """Whether the one-word name at [start, end) is the given name or the surname of a person a
    facility is named after: "George |Washington| High", "Stephen F. |Austin| University"."""
    if " " in text[start:end].strip():
        return False
    window_start = max(0, start - 40)
    for found in _PERSON_NAMED_FACILITY.finditer(text, window_start, min(len(text), end + 120)):
        if found.start(1) != start and found.start(2) != start:
            continue
        given, surname = found.group(1), found.group(2)
        if _inner_word(text, found.start(1), context) or given_name_share(given) < _GIVEN_NAME_SHARE:
            return False
        # A surname of the census lists ("Washington", "Mason"), or a word of no English ("Geffen");
        # not a word that describes the facility ("Virginia Commonwealth University", "Meredith
        # Community Center"), which WordNet lists as a noun, as it does "washington".
        key = surname.casefold()
        if key in _FACILITY_WORDS or not (surname_share(key) > 0 or word_class(key) is None):
            return False
        rest = [w.casefold() for w in found.group(3).split()]
        return any(w in FACILITY_HEADS for w in rest)
    return False


# A school as American news names it, after a person more often than a town: "Franklin
# Elementary", "Kennedy Elementary Schools", "Lincoln Middle School", "Bruton High School".
_SCHOOL_NAME = re.compile(
    r"(?<![\w'\u2019-])((?:[A-Z][\w'\u2019.]*[ \u00a0]){0,2}[A-Z][\w'\u2019]*)[ \u00a0]+"
    r"(?:Elementary|Middle|(?:Junior[ \u00a0]+|Senior[ \u00a0]+)?High|Intermediate)(?:[ \u00a0]+Schools?)?"
    r",?[ \u00a0]+in[ \u00a0]+(?:the[ \u00a0]+)?([A-Z][\w'\u2019]*(?:[ \u00a0][A-Z][\w'\u2019]*)?)"
)
# Where a text makes the same name a town: "in Franklin", "the city of Franklin" (not "near
# Franklin", "at Franklin", which news says of a school too).
_TOWN_USE = (
    r"(?<![\w'\u2019-])(?:in|(?:city|town|village|county)[ \u00a0]+of)[ \u00a0]+{name}"
    r"(?![\w'\u2019-])(?![ \u00a0]+[A-Z])"
)


@functools.lru_cache(maxsize=16)
def _school_names(text: str) -> frozenset[str]:
    """The names the text gives schools it places in another town ("Franklin" of "Franklin
    Elementary in Santa Ana"), which it then writes alone for the school ("a teacher at
    Franklin"), unless it also makes the name a town ("in Franklin"). A school named after its
    own town ("Waterford High School", "Logan High") places itself nowhere else."""
    names = set()
    for found in _SCHOOL_NAME.finditer(text):
        name = _without_article(found.group(1))  # "The Franklin Elementary"
        if not name:
            continue
        if normalize_name(found.group(2)).startswith(normalize_name(name)):
            continue
        if re.search(_TOWN_USE.format(name=re.escape(name)), text):
            continue
        names.add(normalize_name(name))
    return frozenset(names)


@functools.lru_cache(maxsize=16)
def _disease_names(text: str) -> frozenset[str]:
    """The names the text gives diseases ("Marburg" of "the Marburg virus"): written alone
    elsewhere in it, away from a locative word, they name the disease again, not the town."""
    names = {
        normalize_name(name) for found in _DISEASE_NAME.finditer(text) if (name := _without_article(found.group(1)))
    }
    return frozenset(names)


def _without_article(words: str) -> str:
    """A capitalised run of words less the stop words before its name: "The Marburg" -> "Marburg"."""
    kept = words.split()
    while kept and is_stop_word(kept[0].casefold()):
        kept = kept[1:]
    return " ".join(kept)


def saints_possessives(text: str) -> list[tuple[int, int]]:
    """Where the text writes a holiday's or an institution's name after a saint ("St. Patrick's
    Day", "St. Michael's Hospital"): no place is named there, neither the saint's town nor a word
    of the name ("Day" is one of Dayton's names). See _SAINTS_POSSESSIVE."""
    return [
        (found.start(), found.end())
        for found in _SAINTS_POSSESSIVE.finditer(text)
        if found.group(1).casefold() in _SAINTS_GIVEN_NAMES
    ]


def _joined_to_a_name(text: str, end: int, candidates: list[Candidate], context: TextContext) -> bool:
    """ "Sino-Soviet", "Wal-Mart": a name known only by an alternate, joined to a word naming no
    place. A word the gazetteer knows ("Mart", a Texas town) names one only if the text also
    writes it alone: "Wal-Mart" all through a story is one name."""
    following = _HYPHEN_WORD_AFTER.match(text, end)
    if following is None or any(is_strong(c.name_type) for c in candidates):
        return False
    word = following.group(1)
    if word.casefold() not in context.known_place_words:
        return True
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is None


def _is_person_described(text: str, start: int, end: int, context: TextContext) -> bool:
    """ "Jordan, 23, was arrested"; "Victoria, who runs a bakery", "said Georgia, who": a person."""
    after = text[end : end + 12]
    if _AGE_AFTER.match(after):
        return True
    if not _WHO_AFTER.match(after):
        return False
    return context.is_sentence_start(start) or bool(_SAID_BEFORE.search(text[max(0, start - 16) : start]))


_NAME_WORD_BEFORE = re.compile(r"(?<![\w.'\u2019-])([A-Z][a-z]+)[ \u00a0]\Z")
_NAME_WORD_AFTER = re.compile(r"\A[ \u00a0]([A-Z][a-z]+)(?![\w'\u2019-])")


def _in_a_full_name(text: str, start: int, end: int) -> bool:
    """ "Troy Blakely", "Lisa Taylor", "Kevin George": one word of a name whose other word, right
    beside it, is a given name before it or a surname after it (by the census lists), and no
    English word ("Victoria Falls", "Carol Stream", "Glen Ellyn" stay places). A given name alone
    ("Florence", "August") is the place the text names; beside a surname it is a person's. On the
    three corpora, 65 false mentions fewer without the NER model and 4 with it; no gold toponym
    has this shape."""
    surface = text[start:end]
    if not surface.isalpha() or not surface[0].isupper():
        return False
    before = _NAME_WORD_BEFORE.search(text, max(0, start - 24), start)
    if before is not None and _personal_name_word(before.group(1), given_name_share):
        return True
    after = _NAME_WORD_AFTER.match(text, end, end + 24)
    return after is not None and given_name_share(surface) > 0 and _personal_name_word(after.group(1), surname_share)


def _personal_name_word(word: str, share) -> bool:
    """A word the census lists as a given name or surname (`share`) that is no English word
    ("Lisa", "Blakely"; not "Mary", "Falls" or "Stream"). The place's own word may be one
    ("Troy Blakely", "Madison Sparkman"): its neighbour decides."""
    key = word.casefold()
    return share(key) > 0 and word_class(key) is None


def after_word_of(text: str, start: int, words: frozenset[str]) -> bool:
    """Whether the word right before `start` is one of `words` (lower case)."""
    previous = _PREVIOUS_WORD.search(text[max(0, start - 20) : start])
    return previous is not None and previous.group(1).casefold() in words


def _set_in(text: str, start: int, end: int) -> bool:
    """ "in Erie", "near Greer", "the village of Ciocile": a name the text sets as a place, whoever
    else bears it in the story ("Erie GM Sherry Bassin"); "in Obama's speech" sets no place."""
    setting = after_word_of(text, start, _SETTING_WORDS) or _called_a_town(text, start, end)
    return setting and text[end : end + 1] not in ("'", "\u2019")


_OF_BEFORE = re.compile(r"[ \u00a0]+of[ \u00a0]+\Z")


def _home_of_a_person(text: str, start: int, context: TextContext) -> bool:
    """Whether a name follows "of" right after a person's full name, as the NER model tags it:
    "Theresa Pilkington of Jeannette", "Galen Miller of Palestine" (with a comma, "Rebecca Sears,
    41, of Grovetown", it is `_called_a_town`'s). "Bank of America" names no person first."""
    before = _OF_BEFORE.search(text, max(0, start - 8), start)
    if before is None:
        return False
    name_end = before.start()
    return any(
        e.label in PERSON_LABELS and e.end == name_end and " " in text[e.start : e.end].strip()
        for e in context.entities_over(name_end - 1, name_end)
    )


def _called_a_town(text: str, start: int, end: int) -> bool:
    """Whether the words around a name make it a town, as "in" does: "the village of Ciocile",
    "the community of O'Leary" (a settlement); "Rebecca Sears, 41, of Grovetown", "said Amstutz, of
    Wooster" (the home news gives a person, set off by commas); "Roselle police", "Vicksburg
    residents" (the town's own people or body after it)."""
    window = max(0, start - 24)
    return bool(
        _SETTLEMENT_BEFORE.search(text, window, start)
        or _HOME_BEFORE.search(text, window, start)
        or _town_body_after(text, start, end)
    )


# A journey's destination or a visit's object: "flew to Kenora", "visited Avdiivka". Only words
# of travel, since "spoke to Jackson" and "told Johnson" name people.
_JOURNEY_BEFORE = re.compile(
    r"(?<![\w'\u2019-])(?:(?:flew|flown|travell?ed|travell?ing|returned|returning|drove|driven|sailed|headed|heading"
    r"|moved|relocated|fled|evacuated|airlifted|deployed)[ \u00a0]+to|visited|visiting|toured|touring)[ \u00a0]+\Z",
    re.IGNORECASE,
)


def _journey_to(text: str, start: int, end: int) -> bool:
    """ "flew to Kenora", "visited Avdiivka": a name the text makes a journey's end."""
    return bool(_JOURNEY_BEFORE.search(text[max(0, start - 30) : start])) and text[end : end + 1] not in ("'", "\u2019")


def _town_set_in(key: str, best: Candidate, text: str, start: int, end: int) -> bool:
    """ "in Lombard", "near Juneau": a town whose name is also a noun, written as its official name
    and set as a place. Months ("in June") are dates; a small namesake ("in Congress", Arizona)
    is too weak a reading of an institution's name."""
    return (
        key not in _MONTHS
        and best.name_type is NameType.OFFICIAL
        and best.matched_name == text[start:end]
        and best.place.population >= _NOUN_TOWN_POPULATION
        and _set_in(text, start, end)
    )


def in_locative_context(text: str, start: int, end: int) -> bool:
    """After a locative word ("in", "near"...), before a qualifier ("X, Region", "X (Region)") or
    its kind ("the Haram district"), after a legislator's party ("D-Hardy"), or where the words
    around it call it a town (`_called_a_town`: "the village of Ciocile", "Roselle police")."""
    return (
        after_word_of(text, start, LOCATIVE_WORDS)
        or bool(_QUALIFIER_AFTER.match(text[end : end + 4]))
        or kind_after(text, end)
        or party_home(text, start)
        or _called_a_town(text, start, end)
    )


def kind_after(text: str, end: int) -> bool:
    """Whether the kind of place a name is follows it in lower case: "the Haram| district", "Love|
    counties" (see _KIND_AFTER)."""
    return bool(_KIND_AFTER.match(text, end))


def _town_body_after(text: str, start: int, end: int) -> bool:
    """ "Roselle police", "a Crafton man", "the Pirbright laboratory", "Avondale Mayor Ed Rieker": the
    town's own people, body, site or office after its name; not when the story writes the name at
    the end of a longer one ("United Way officials", "Hydro officials" after "BC Hydro"). An
    article or another stop word written with a capital begins a sentence, not a longer name: "A
    Crafton man is suing"."""
    if not (_TOWN_BODY_AFTER.match(text, end) or _town_office_after(text, start, end)):
        return False
    tail = re.compile(r"([A-Z][\w.'\u2019-]*)[ \u00a0]" + re.escape(text[start:end]) + r"\b")
    return all(is_stop_word(found.group(1).casefold()) for found in tail.finditer(text))


def _town_office_after(text: str, start: int, end: int) -> bool:
    """ "Avondale Mayor Ed Rieker", "Carthage Police Chief": a town's office or service, capitalised,
    after the town's name. News names a local official so, and the NER model often reads the
    whole run, town and all, as the person's name. Not the end of a body's name joined by "of"
    ("the Chamber of Commerce Mayor's Breakfast")."""
    return bool(_TOWN_OFFICE_AFTER.match(text, end)) and not _BODY_OF_BEFORE.search(text, max(0, start - 40), start)


def party_home(text: str, start: int) -> bool:
    """ "Tom Bakk, DFL-Cook", "Rep. Jay Roberts (R-Ocilla)": a legislator's party and home, as US
    news writes them; the name after the party's letter is the place they represent."""
    return bool(_PARTY_BEFORE.search(text, max(0, start - 8), start))


def _next_to_unknown_name(text: str, start: int, end: int, context: TextContext) -> bool:
    """Without NER: a one-word name before a capitalised non-word is a first name or a maker."""
    if " " in text[start:end].strip():
        return False
    # "Jordan Peterson", "Sukhoi SJ-100": a capitalised word or a model code follows.
    following = re.match(r"[ ]([A-Z][\w\-]*)", text[end : end + 40])
    if following is None:
        return False
    neighbour = following.group(1).casefold()
    return word_class(neighbour) is None and neighbour not in context.known_place_words
