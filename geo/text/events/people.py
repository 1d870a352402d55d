"""The people an article speaks of: person names found, cleaned and grouped into one actor each.

    spaCy PERSON spans ─┐
    title + Name runs  ─┼─▶ strip titles ─▶ keep name-like spans ─▶ group ─▶ Cast
    known surnames     ─┘   ("President")   (no "Su-57", "AP",     ("Kim" joins
                                              "Cabinet")             "Kim Jong Un")

The model's PERSON label is a signal, not the authority: it calls "Vladivostok" a person and
"Manturov", "Macron" or "Lavrov" an organisation. So besides its PERSON spans, a name the model
tagged as some other entity counts as a person when it stands where only a traveller can (the
subject of "visit", "arrive", "meet"..., the owner of a "trip" or a "plane") and the geoparser did
not place it. So a span the geoparser placed is a place unless its words belong to
a person named in full elsewhere, and a proper noun that repeats a known person's surname is
that person whatever the model says. A name the model gave another label, or none, is a person
too when the text treats it as one: an age in apposition (", 34,"), "who" or "whose" after it, a
reflexive ("throwing himself into"), a noun for a person as its predicate ("is a survivor"), or,
said to speak, a last word the story goes on to use alone as a subject ("Hartmann said").

A nickname quoted inside a name is no word of it: 'Jonathan "Wee Man" Doyle' is Jonathan Doyle.

Grouping: a full name (two words or more) starts an actor; full names whose words contain each
other are one actor; a shorter mention joins the actor whose full name holds all its words,
the one mentioned most recently when several do, except that a titled short form ("Mr
Paterson") keeps meaning whom it first meant. A given name alone ("Georgia began skating") is a
mention of the person named in full with it. The canonical name is the longest full name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from geo.model import Mention, MentionRole, Precision
from geo.text.events.lexicon import (
    BODY_NAME_ENDS,
    FEMALE_TITLES,
    KINSHIP_RELATIONS,
    MALE_TITLES,
    NAME_PARTICLES,
    NON_PERSON_HEADS,
    OCCUPATION_NOUNS,
    ORGANISATION_WORDS,
    PERSON_NOUNS,
    ROLE_NOUNS,
    SETTLEMENT_NOUNS,
    TITLE_WORDS,
    VEHICLE_NOUNS,
)
from geo.text.events.triggers import (
    NOUN_SENSES,
    ObjectReading,
    TriggerKind,
    TriggerSense,
    listed_sense,
    requirement_met,
)
from geo.text.given_names import (
    gender_of_full_name,
    gender_of_given_name,
    given_name_share,
    is_given_name,
    surname_share,
)
from geo.text.vocabulary import WordClass, is_plural_noun, word_class

__all__ = ["PersonMention", "Person", "Cast", "find_cast", "is_name_like"]

# Entity labels a mis-tagged personal name comes with; NORP ("Russian"), dates, numbers never.
_RESCUABLE_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "PERSON"})

_NAME_WORD = re.compile(r"^[A-Z][a-zA-Z\u00C0-\u024F'\u2019\-]*\.?$")
# An initial, or a run of them written together: "J.", "B.B.", "J.R.R.".
_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$")
_POSSESSIVE_TAGS = ("POS",)
# What may close a name without being an acronym: regnal and generational numbers.
_NAME_SUFFIXES = frozenset(
    ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "Jr.", "Sr.", "Jr", "Sr"]
)
# Common nouns for a person: a titled role, an occupation, or any other ("gunman", "Marine").
_NOUNS_FOR_PEOPLE = ROLE_NOUNS | OCCUPATION_NOUNS | PERSON_NOUNS
# Words of a street's name, which may follow a surname ("Clinton Street", "Lee St.").
_STREET_WORDS = frozenset(
    "street st st. road rd. avenue ave. lane drive boulevard way court place circle terrace crescent parkway".split()
)
# Last words that make a name a thing's or a body's: "Wyatt High School", "Huntsville Fire".
_NON_PERSON_ENDS = NON_PERSON_HEADS | BODY_NAME_ENDS
# Titles that announce a name even when the model does not tag one: "President Macron".
_ANNOUNCING_TITLES = ROLE_NOUNS | frozenset(
    [
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "gen.",
        "sen.",
        "rep.",
        "gov.",
        "lt.",
        "col.",
        "adm.",
        "capt.",
        "maj.",
        "prof.",
        "rev.",
        "sgt.",
        "cpl.",
        "pvt.",
        "det.",
        "insp.",
        "sir",
        "dame",
    ]
)


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A span of the text naming a person, title stripped; token indices are [first, last)."""

    start: int
    end: int
    first: int
    last: int
    surface: str
    title_words: frozenset[str] = frozenset()  # lower-case words of the title in front: "leader"

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.surface.split())


@dataclass(frozen=True, slots=True)
class Person:
    """One actor of the article: every mention of them, and what the text calls them."""

    name: str
    mentions: tuple[PersonMention, ...]
    title_words: frozenset[str]
    # "male" / "female" when a title says so ("Mr.", "Queen"), else when the given name of the
    # full name usually is one's (`given_names`: "Lori Whipps"); None when neither tells.
    gender: str | None = None


@dataclass(frozen=True)
class Cast:
    """The people of one article, and which tokens name whom."""

    people: tuple[Person, ...]
    token_person: dict[int, Person]

    def person_at(self, token: Token) -> Person | None:
        """The person whose name `token` is part of, if any."""
        return self.token_person.get(token.i)

    def person_named(self, name: str) -> Person | None:
        """The person whose canonical name is `name` (an event's actor), if any."""
        return next((p for p in self.people if p.name == name), None)

    def all_mentions(self) -> list[tuple[PersonMention, Person]]:
        """Every name mention with its person, in text order."""
        pairs = [(m, p) for p in self.people for m in p.mentions]
        return sorted(pairs, key=lambda pair: pair[0].first)


def family_surname(word: str) -> set[str]:
    """The surnames a plural may stand for: "Hains" -> Hain, "Joneses" -> Jones (and Jonese),
    as news names a family or a couple ("the Faulkners", "the Plancons' trade")."""
    word = word.removesuffix("'").removesuffix("’")
    if len(word) < 4 or not word[:1].isupper() or not word.endswith("s") or word.isupper():
        return set()
    stems = {word[:-1]}
    if word.endswith("es"):
        stems.add(word[:-2])
    return stems


def _surname(words: Sequence[str]) -> str:
    """The last word of a full name that is not a suffix: "Ricky Karg Jr." -> Karg."""
    named = [w for w in words if w not in _NAME_SUFFIXES]
    return named[-1] if named else ""


def family_members(cast: Cast, token: Token) -> tuple[Person, ...]:
    """The people of `cast` named before `token` whose surname it is the plural of ("the
    Faulkners"); those named only later (an obituary's survivors) are not whom it means."""
    stems = family_surname(token.text)
    if not stems:
        return ()
    return tuple(
        p
        for p in cast.people
        if len(p.name.split()) > 1 and _surname(p.name.split()) in stems and min(m.first for m in p.mentions) < token.i
    )


def is_name_like(words: Sequence[str]) -> bool:
    """Whether `words` could be a personal name: capitalised words, no digits, no org words.

    "Kim Jong Un", "Osama bin Laden", "J. Smith" pass; "Su-57", "AP", "Associated Press",
    "Russian Cabinet", "Wyatt High School" do not.
    """
    if not words or len(words) > 6:
        return False
    if any(ch.isdigit() for word in words for ch in word):
        return False
    if any(word.lower().strip(".") in ORGANISATION_WORDS for word in words):
        return False
    if words[-1].lower().strip(".") in _NON_PERSON_ENDS:
        return False  # "Wyatt High School", "Glen Crossing Road", "Huntsville Fire", "Award": a thing
    if any(word.endswith(("'s", "\u2019s")) for word in words[:-1]):
        return False  # "Dunn's Automotive", "Mom's Diner": named after its owner, no one's name
    if _plural_common_noun(words[-1]) and not (
        len(words) > 1 and all(is_given_name(w) or _INITIAL.match(w) for w in words[:-1])
    ):
        # "Kennedy Elementary Schools", "the Panthers": things or bodies, never one person; not
        # a given name before a surname the census lists lack ("Tom Bowlers").
        return False
    capitalised = 0
    for position, word in enumerate(words):
        if word.lower() in NAME_PARTICLES:
            continue
        if position and position == len(words) - 1 and word in _NAME_SUFFIXES:
            continue  # "Pope John Paul II", "Ricky Karg Jr."
        particle, hyphen, rest = word.partition("-")
        if hyphen and particle.lower() in NAME_PARTICLES and _NAME_WORD.match(rest):
            capitalised += 1  # "al-Wahab", "el-Sisi", "bin-Talal"
            continue
        if not (_NAME_WORD.match(word) or _INITIAL.match(word)):
            return False
        # Acronyms ("AP", "UN", "NATO") are organisations; an initial ("J.") is not an acronym.
        if len(word) > 1 and word.isupper() and not _INITIAL.match(word):
            return False
        capitalised += 1
    return capitalised > 0


def _plural_common_noun(word: str) -> bool:
    """The plural of an English noun that is no surname of the census lists nor a given name:
    "Schools", "Companies", "Responders"; not "Parks", "Kitchens", "Rivers"."""
    key = word.lower()
    return is_plural_noun(key) and not surname_share(key) and not is_given_name(word)


def find_cast(doc: Doc, places: Sequence[Mention] = ()) -> Cast:
    """The people of `doc`, given the place mentions the geoparser found in it."""
    place_tokens = _place_token_spans(doc, places)
    candidates = [
        trimmed
        for candidate in _candidates(doc, place_tokens)
        if (trimmed := _after_placed_abbreviation(doc, candidate, place_tokens)) is not None
        and not _after_indefinite_article(doc, trimmed)
    ]
    # The words of full names that are not themselves placed: a placed span the model calls a
    # person ("Buenos Aires", "La Paz") must not vouch for itself.
    full_names = [c for c in candidates if len(c.words) > 1 and not _placed_name(doc, c, place_tokens)]
    full_words = {word for c in full_names for word in c.words}
    # Names the text calls a settlement ("the city of Monroe") are that place wherever they stand alone.
    settlements = _settlement_names(doc)
    kept: list[PersonMention] = []
    for candidate in candidates:
        covered = _within(candidate, place_tokens)
        if _place_and_role(doc, candidate, place_tokens):
            continue  # "the 28-year-old Manchester Marine", "a Harwinton resident": who, not a name
        if candidate.surface in settlements:
            continue  # "the village of Kampungu": a place the gazetteer may lack, whatever the model says
        # A placed span is a place ("Vladivostok"), unless it repeats part of a full name or
        # stands where only a traveller can ("Kim arrived", whatever towns are called Kim).
        if (
            covered
            and not set(candidate.words) <= full_words
            and not (doc[candidate.first].ent_type_ == "PERSON" and _in_traveller_slot(doc[candidate.last - 1]))
        ):
            continue
        kept.append(candidate)
    kept.extend(m for m in _placed_people(doc, places) if not any(k.first == m.first for k in kept))
    kept.extend(_known_name_repeats(doc, kept, place_tokens))
    kept = _without_names_of_things(doc, kept)
    kept = _without_common_words(doc, kept)
    # "The Hains live on a farm": a family the text names by its surname, not one more person.
    surnames = {_surname(m.words) for m in kept if len(m.words) > 1}
    kept = [m for m in kept if not (len(m.words) == 1 and family_surname(m.surface) & surnames)]
    # "the ancient Israelites", "the Kennedys": a people or a family, never one person.
    kept = [m for m in kept if not _plural_with_article(doc, m)]
    kept.sort(key=lambda m: m.first)
    return _group(kept, doc)


def _after_indefinite_article(doc: Doc, candidate: PersonMention) -> bool:
    """A name heading a phrase after "a" or "an" is a thing's: "An Amber Alert was issued", "a Ford
    Explorer", "a white-colored Chevrolet Cavalier", "a 2007 Toyota Corolla" (its model year); not
    one that qualifies the phrase's noun ("in a Donald Trump administration")."""
    head = doc[candidate.last - 1]
    if head.dep_ == "compound":
        return False
    # Back over proper nouns of the phrase left out of the name ("An Amber Alert" read as "Alert"),
    # never over a title ("an Army Sgt. John Smith" is a person).
    before = candidate.first - 1
    while (
        before >= 0
        and doc[before].pos_ == "PROPN"
        and doc[before].dep_ == "compound"
        and doc[before].head.i == head.i
        and doc[before].lower_ not in TITLE_WORDS
    ):
        before -= 1
    if before < candidate.first - 1:
        # A make's name before the model's: back over the phrase's modifiers too ("a white-colored
        # Chevrolet Cavalier"); not over a title, nor before a name alone ("a young Barack Obama").
        while (
            before >= 0
            and doc[before].dep_ in ("amod", "punct", "advmod", "npadvmod", "compound", "nummod")
            and head in doc[before].ancestors
            and doc[before].lower_ not in TITLE_WORDS
        ):
            before -= 1
    return before >= 0 and doc[before].lower_ in ("a", "an")


def _after_placed_abbreviation(
    doc: Doc, candidate: PersonMention, place_tokens: list[tuple[int, int]]
) -> PersonMention | None:
    """The name less the abbreviated region that qualifies a place before it: a caption's "... taken
    in Chowchilla, Calif. Olson, the 1970s radical, ..." names Olson, the parser having read on
    past the abbreviation's full stop (an initial, one letter, stays: "in Paris, J. Smith")."""
    first = candidate.first
    abbreviation = doc[first].text
    if not (
        candidate.last - first > 1
        and first >= 2
        and abbreviation.endswith(".")
        and len(abbreviation) > 2
        and abbreviation[:-1].isalpha()
        and abbreviation[0].isupper()
        and doc[first - 1].text == ","
        and any(start <= first - 2 < end for start, end in place_tokens)
    ):
        return candidate
    return _clean(doc, first + 1, candidate.last)


def _plural_with_article(doc: Doc, mention: PersonMention) -> bool:
    """A one-word name the parser tags a plural proper noun, after "the"."""
    if len(mention.words) != 1:
        return False
    token = doc[mention.first]
    return token.tag_ == "NNPS" and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


# Last words of the proper names of firms, rivers and strains: where an article writes a word
# before one ("Balqon Corp.", "the Neches River", "the Ebola-Reston virus"), that word names the
# thing, and a bare mention of it elsewhere ("Balqon relocated", "the Neches sustains") is the
# same thing, not a person, whatever the NER model says.
_THING_NAME_ENDS = NON_PERSON_HEADS | frozenset(
    "corp corporation inc ltd llc plc co company motors airlines airways river creek strain ebolavirus".split()
)


def _thing_name_words(doc: Doc) -> set[str]:
    """The words that begin or lie within a proper name ending in a firm's, river's, strain's or
    building's word somewhere in `doc`, or that own one in the possessive ("Dunn's Automotive")."""
    words: set[str] = set()
    for token in doc:
        if token.pos_ != "PROPN" or token.dep_ != "compound":
            continue
        head = token.head
        while head.dep_ == "compound" and head.i > token.i and head.head.i > head.i:
            head = head.head
        if head.i > token.i and head.lower_.strip(".") in _THING_NAME_ENDS:
            words.add(token.text)
    # A name in the possessive that begins a shop's or a body's name: "Dunn's Automotive",
    # "Reed's Welding", "Kelly's Tavern".
    for token in doc[:-2]:
        if token.pos_ != "PROPN" or doc[token.i + 1].tag_ != "POS":
            continue
        end = token.i + 2
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        if end > token.i + 2 and doc[end - 1].lower_.strip(".") in _NON_PERSON_ENDS:
            words.add(token.text)
    return words


def _names_after_the(doc: Doc) -> set[str]:
    """One-word proper names the article writes right after "the" ("the Duma would ratify", "the
    field of the Duma"): a body's or a thing's, as no person is "the Smith"."""
    return {
        token.text
        for token in doc[1:]
        if token.pos_ == "PROPN"
        and token.tag_ == "NNP"
        and doc[token.i - 1].lower_ == "the"
        # "the Duma would", "the field of the Duma"; not "the Obama administration", where the
        # name qualifies the noun after it.
        and token.dep_ not in ("compound", "amod", "nmod")
        and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ in ("PROPN", "NOUN"))
    }


def _without_names_of_things(doc: Doc, mentions: list[PersonMention]) -> list[PersonMention]:
    """The mentions less those whose every word the article also uses to begin a thing's name,
    or writes alone after "the", unless a title or a given name vouches for a person, or a full
    name of the article holds the word ("Ford" after "Henry Ford", whatever "Ford Motor Co." says)."""
    things = _thing_name_words(doc) | _names_after_the(doc)
    if not things:
        return mentions

    def thing(mention: PersonMention) -> bool:
        words = [t.text for t in doc[mention.first : mention.last] if t.is_alpha]
        return (
            bool(words)
            and all(w in things for w in words)
            and not mention.title_words & (TITLE_WORDS | _NOUNS_FOR_PEOPLE)
            and not is_given_name(words[0])
        )

    full_words = {w for m in mentions if len(m.words) > 1 and not thing(m) for w in m.words}
    return [m for m in mentions if not thing(m) or any(w in full_words for w in m.words)]


def _without_common_words(doc: Doc, mentions: list[PersonMention]) -> list[PersonMention]:
    """The mentions less a one-word name that is a capitalised English word no census list knows
    for a surname or a given name, when nothing vouches for a person (a title, a full name of the
    article holding it): a verb, adjective or adverb ("Financial said", "Anonymous claimed"), or a
    word the article also writes in lower case ("Slavery ended ... the end of slavery"), or a
    taxon's Latin name (`_names_a_taxon`)."""
    full_words = {w for m in mentions if len(m.words) > 1 for w in m.words}
    lower_words = {t.text for t in doc if t.is_alpha and t.text.islower()}

    def common(mention: PersonMention) -> bool:
        if len(mention.words) != 1 or mention.title_words & (TITLE_WORDS | _NOUNS_FOR_PEOPLE):
            return False
        word = mention.words[0]
        key = word.lower()
        if len(word) < 4 or word in full_words or is_given_name(word) or surname_share(key) > 0:
            return False  # "Xi" (a numeral to the word lists), "Li": too short to tell
        return (
            word_class(key) is WordClass.LEXICAL
            or (word_class(key) is not None and key in lower_words)
            or _names_a_taxon(doc, mention)
        )

    return [m for m in mentions if not common(m)]


# Endings of the Latin names of families and orders: "Filoviridae", "Felidae", "Rosaceae", "Mononegavirales".
_TAXON_ENDINGS = ("idae", "aceae", "virales")


def _names_a_taxon(doc: Doc, mention: PersonMention) -> bool:
    """A one-word name that is a family's Latin name ("the family Filoviridae"), or a genus's
    before a lower-case epithet no English word list knows ("Vibrio cholerae", "Crinia nimbus")."""
    if mention.words[0].lower().endswith(_TAXON_ENDINGS):
        return True
    after = doc[mention.last] if mention.last < len(doc) else None
    return (
        after is not None
        and after.is_alpha
        and after.text.islower()
        and after.pos_ in ("NOUN", "PROPN", "ADJ", "X")  # not "Putin arrived": an inflected verb
        and after.text not in NAME_PARTICLES
        and word_class(after.text) is None
        and word_class(after.lemma_.lower()) is None
    )


def _within(candidate: PersonMention, place_tokens: list[tuple[int, int]]) -> bool:
    """Whether the name lies wholly within a placed span."""
    return any(first <= candidate.first and candidate.last <= last for first, last in place_tokens)


def _placed_name(doc: Doc, candidate: PersonMention, place_tokens: list[tuple[int, int]]) -> bool:
    """Whether a name lying in a placed span reads as the place: every word of it is in the span
    ("Buenos Aires"), or a surname shared across "and" follows a preposition or a list's comma ("of
    Newark and Michael Sweeney", "in Khartoum and Al Jazirah"), not as in "Shannon and Julie Ward"."""
    if not _within(candidate, place_tokens):
        return False
    span_words = {t.text for t in doc[candidate.first : candidate.last]}
    before = doc[candidate.first - 1] if candidate.first else None
    return set(candidate.words) <= span_words or (before is not None and (before.pos_ == "ADP" or before.text == ","))


def _place_and_role(doc: Doc, candidate: PersonMention, place_tokens: list[tuple[int, int]]) -> bool:
    """A place name, or a phrase after an article, ending in a noun for a person, which the model
    may tag as a name: "Harwinton Selectman", "the 28-year-old Manchester Marine"."""
    if len(candidate.words) < 2 or candidate.words[-1].lower() not in _NOUNS_FOR_PEOPLE:
        return False
    if any(first <= candidate.first < last for first, last in place_tokens):
        return True
    # Back over the modifiers between the article and the phrase: "the 28-year-old ...".
    before = candidate.first - 1
    while (
        before >= 0
        and candidate.first - before <= 6
        and (doc[before].pos_ in ("ADJ", "NUM") or doc[before].text == "-" or doc[before].dep_ == "npadvmod")
    ):
        before -= 1
    return before >= 0 and doc[before].lower_ in ("the", "a", "an")


def _settlement_names(doc: Doc) -> set[str]:
    """The names that follow "the village of", "the city of"... (places, not people)."""
    names = set()
    for token in doc[2:]:
        if token.pos_ != "PROPN" or doc[token.i - 1].lower_ != "of" or doc[token.i - 2].lower_ not in SETTLEMENT_NOUNS:
            continue
        end = token.i
        while end < len(doc) and doc[end].pos_ == "PROPN":
            end += 1
        names.add(doc[token.i : end].text)
    return names


def _placed_people(doc: Doc, places: Sequence[Mention]) -> Iterable[PersonMention]:
    """Place names the text uses for a person: "Crolley's wife, Amelia,", "the story of Jeremiah, a
    young man", "Tanya is his wife", "Lincoln ... is the only U.S. president".

    One word, not a country or first-level region, in apposition with a noun for a person, or
    treated as a person otherwise (`_treated_as_person`) where it follows neither a preposition
    nor a comma: "Hufstetler of Roswell, who ..." and "St Ailbe's Drive, Tipperary, who ..." give
    the person's home, and the clause is the person's. Nor after a place's preposition ("in
    downtown Vancouver, the doctors"), nor a legislator's party ("D-Chicopee"), nor a dateline
    ("Washington (CNN)").
    """
    for mention in places:
        if (
            mention.place is None
            or mention.role is not MentionRole.PLACE
            or mention.place.precision in (Precision.COUNTRY, Precision.ADMIN1)
        ):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) != 1:
            continue
        token = span[0]
        name = _clean(doc, token.i, token.i + 1)
        if name is None:
            continue
        before = doc[token.i - 1].text if token.i else ""
        if token.i + 1 < len(doc) and doc[token.i + 1].text == "(":
            continue  # a dateline the parse reads into the sentence: "Washington (CNN) ExxonMobil Chairman"
        if before == "-" or token.text.startswith(("D-", "R-", "I-")):
            continue  # a legislator's party and town: "Rep. Joseph Wagner, D-Chicopee, the co-chairman"
        if _object_of_place_preposition(token):
            continue  # "in downtown Vancouver, the doctors and nurses who ..."
        if _apposed_to_person_noun(token) or (token.dep_ != "pobj" and before != "," and _treated_as_person(doc, name)):
            yield name


def _place_token_spans(doc: Doc, places: Sequence[Mention]) -> list[tuple[int, int]]:
    spans = []
    for mention in places:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and mention.place is not None:
            spans.append((span.start, span.end))
    return spans


def _candidates(doc: Doc, place_tokens: list[tuple[int, int]]) -> list[PersonMention]:
    found: dict[tuple[int, int], PersonMention] = {}
    # The tokens of the places the geoparser found: no name runs into one, nor lies within one.
    placed = {i for first, last in place_tokens for i in range(first, last)}
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            mention = _clean(doc, ent.start, _name_end(doc, ent, placed))
            if mention is not None:
                found[(mention.first, mention.last)] = mention
    taken = {i for m in found.values() for i in range(m.first, m.last)}
    for mention in _titled_names(doc, taken):
        found.setdefault((mention.first, mention.last), mention)
    taken = {i for m in found.values() for i in range(m.first, m.last)}
    # A one-token entity lies within a place's tokens when its token is one of them (`placed`).
    for ent in doc.ents:
        if (
            ent.label_ in _RESCUABLE_LABELS
            and ent.label_ != "PERSON"
            and len(ent) == 1  # a surname ("Macron"); "Real Madrid" travels too, but is a club
            and ent.root.lower_ not in _NOUNS_FOR_PEOPLE  # "the Marine was flown to": a description
            and ent.start not in placed
            and not any(t.i in taken for t in ent)
            and _in_traveller_slot(ent.root)
        ):
            mention = _clean(doc, ent.start, ent.end, require_proper=False)
            if mention is not None:
                found.setdefault((mention.first, mention.last), mention)
    # A name the model tagged as something else, apposed to a noun for a person: "the suspected
    # gunman, Lovelle Mixon," (an organisation to the model), "Lovelle Mixon, a parolee".
    taken = {i for m in found.values() for i in range(m.first, m.last)}
    for ent in doc.ents:
        if (
            ent.label_ in _RESCUABLE_LABELS
            and ent.label_ != "PERSON"
            and 2 <= len(ent) <= 4
            and not any(t.i in taken or t.i in placed for t in ent)
            and (_apposed_to_person_noun(ent.root) or _after_person_noun(doc, ent.start))
        ):
            mention = _clean(doc, ent.start, ent.end)
            if mention is not None:
                found.setdefault((mention.first, mention.last), mention)
    # A name nobody tagged as a person, which the text treats as one: "Brett Hartmann said ...
    # Hartmann said", "Veronica Wende, 34,", "Groth, whose home flooded", "Manzke is throwing
    # himself into", "Alaya McIvor is a survivor of". An organisation has no age, is "which" and
    # "itself", and is not called by the last word of its name alone.
    taken = {i for m in found.values() for i in range(m.first, m.last)}
    for first, last in _unlabelled_name_runs(doc):
        if any(i in taken or i in placed for i in range(first, last)):
            continue
        mention = _clean(doc, first, last)
        if (
            mention is not None
            and mention.words[-1].lower() not in _NOUNS_FOR_PEOPLE
            and (_treated_as_person(doc, mention) or _unlabelled_traveller(doc, mention))
        ):
            found.setdefault((mention.first, mention.last), mention)
    for mention in _shared_surnames(doc, list(found.values())):
        found[(mention.first, mention.last)] = mention  # "Brent Hain" in place of "Brent"
    for mention in _kin_surnames(doc, list(found.values())):
        found[(mention.first, mention.last)] = mention  # "Dora Faulkner" in place of "Dora"
    return sorted(found.values(), key=lambda m: m.first)


def _name_end(doc: Doc, ent: Span, placed: set[int]) -> int:
    """Where a person's name the model tagged ends: one word further when the word after it is
    the name's own head and a surname of the census lists ("state Sen. R. Creigh Deeds of Bath
    County", the model's "R. Creigh"; "Judge Deborah Oakes Evans"), not a place the geoparser
    found ("Rock Hill"), a title ("Zoo Director") or a street ("Clinton Street")."""
    end = ent.end
    if end >= len(doc):
        return end
    after = doc[end]
    if (
        ent.root.dep_ == "compound"
        and ent.root.head.i == after.i
        and after.pos_ == "PROPN"
        and after.is_title
        and not after.ent_type_
        and end not in placed
        and after.lower_ not in _NON_PERSON_ENDS | _STREET_WORDS | TITLE_WORDS | _NOUNS_FOR_PEOPLE
        and surname_share(after.lower_) > 0
    ):
        return end + 1
    return end


def _unlabelled_name_runs(doc: Doc) -> Iterable[tuple[int, int]]:
    """[first, last) of the entities a name may hide in that the model did not call a person, and
    of the runs of proper nouns it gave no label at all ("Zviad Dzidziguri", "Groth")."""
    for ent in doc.ents:
        if ent.label_ in _RESCUABLE_LABELS and ent.label_ != "PERSON" and len(ent) <= 4:
            yield ent.start, ent.end
    i = 0
    while i < len(doc):
        if doc[i].pos_ != "PROPN" or doc[i].ent_type_:
            i += 1
            continue
        end = i
        while end < len(doc) and doc[end].pos_ == "PROPN" and not doc[end].ent_type_:
            end += 1
        if end - i <= 4:
            yield i, end
        i = end


def _unlabelled_traveller(doc: Doc, mention: PersonMention) -> bool:
    """A name of two words or more the model gave no label at all, as the subject of a verb of
    travel or of attending: "Xi Jinping visited Paris" (the model knows "Vladimir Putin visited
    Paris" for a person, and Xi's name for nothing), "Recep Tayyip Erdogan plans to attend the
    summit". A name it calls an organisation or a place keeps that reading ("Real Madrid
    travelled to Japan") unless it is named like a person ("Kelsey Marchand returned to Airdrie")."""
    root = doc[mention.last - 1]
    if len(mention.words) < 2:
        return False
    if (
        any(doc[i].ent_type_ for i in range(mention.first, mention.last))
        and not _named_like_a_person(doc, mention)
        and not _called_by_surname(doc, mention)
    ):
        return False
    if (
        root.dep_ in ("nsubj", "nsubjpass")
        and root.head.lemma_.lower() in _BODILY_FATES
        and _named_like_a_person(doc, mention)
    ):
        # "Marcus Reed was arrested in Xenia", "Kelsey Marchand died": what befalls a body, to
        # a name read as a person's (the model calls "Marcus Reed" an organisation).
        return True
    # Travel itself, and attending: a body hosts, joins and receives as a person does ("Galaxy
    # Lanes hosted"). The verb may be the one the subject's verb governs ("plans to attend").
    if root.dep_ != "nsubj":
        return False
    senses = _listed_senses(root.head, ("xcomp",))
    return any(s.kind is TriggerKind.MOTION or s.reading is ObjectReading.EVENT for s in senses)


# What befalls a person's body or liberty, which no firm or team undergoes.
_BODILY_FATES = frozenset(
    "arrest kill shoot stab injure wound detain jail imprison hospitalize hospitalise die"
    " charge sentence convict indict".split()
)
# Last words of the names of teams, firms, schools and places that begin with a given name
# ("Georgia Tech", "Chelsea FC", "Jackson State", "Austin Energy", "Jordan Valley").
_BODY_HEADS = frozenset(
    "state tech university college school academy institute fc united city county town energy group inc"
    " corp co health bank airlines airways motors foundation center centre hospital club athletic"
    " valley springs beach heights park lake river island islands bay falls hills"
    " international".split()
)


def _named_like_a_person(doc: Doc, mention: PersonMention) -> bool:
    """A name the model labels otherwise that reads as a person's: a given name of the census
    lists first ("Kelsey Marchand", an organisation to the model) and a singular last word that
    heads no team's, firm's, school's or place's name."""
    last = doc[mention.last - 1]
    return (
        is_given_name(mention.words[0])
        and last.tag_ == "NNP"
        and last.lower_ not in _BODY_HEADS
        and not any(doc[i].ent_type_ == "PERSON" for i in range(mention.first, mention.last))
    )


def _treated_as_person(doc: Doc, mention: PersonMention) -> bool:
    """Whether the text gives the name what only a person has: an age in apposition (", 34,"), a
    relative clause on "who" or "whose", a noun for a person as its predicate ("is a survivor"),
    a reflexive "himself" or "herself", or, for a name in full said to speak, its last word used
    alone elsewhere, as a surname is.

    Not a name after "the" ("the Boons are farmers": a family, or a thing) or after a preposition
    of place ("in Cuckoo Hall Lane, who ...": the relative clause is of the phrase before)."""
    root = doc[mention.last - 1]
    if (mention.first and doc[mention.first - 1].lower_ == "the") or root.tag_ == "NNPS":
        return False
    if _object_of_place_preposition(root):
        return False
    after = doc[mention.last : mention.last + 3]
    if len(after) >= 2 and after[0].text == "," and after[1].lower_ in ("who", "whose"):
        return True
    if (
        len(after) == 3
        and after[0].text == ","
        and after[1].text.isdigit()
        and 1 <= int(after[1].text) <= 110
        and after[2].text in (",", ".")
    ):
        return True
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    if verb.lemma_ == "be" and any(
        c.dep_ == "attr" and c.pos_ == "NOUN" and c.lemma_.lower() in _NOUNS_FOR_PEOPLE for c in verb.children
    ):
        return True
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    objects += [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    if any(o.lower_ in ("himself", "herself") for o in objects):
        return True
    return (
        verb.lemma_ in _SPEECH_VERBS
        and verb.pos_ == "VERB"
        and len(mention.words) > 1
        and _surname_used_alone(doc, mention)
    )


_SPEECH_VERBS = frozenset(["say", "tell", "add"])
_PLACE_PREPOSITIONS = frozenset(["in", "at", "on", "near", "from", "to", "into", "outside", "inside"])


def _object_of_place_preposition(token: Token) -> bool:
    """Whether the token is the object of a preposition of place ("in Cuckoo Hall Lane", "near Roswell")."""
    return token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPOSITIONS


def _called_by_surname(doc: Doc, mention: PersonMention) -> bool:
    """A name the model calls an organisation that the text, as it does a person, calls by its last
    word alone, which is no place's or body's: "Olaf Scholz visited Paris ... Scholz said" (the
    census lists know no Olaf); not "Real Madrid ... Madrid lost", a place's name."""
    if any(doc[i].ent_type_ not in ("ORG", "") for i in range(mention.first, mention.last)):
        return False
    first, last = mention.words[0], mention.words[-1]
    if _english_word_no_given_name(first):
        return False  # "Drug Enforcement Unit Investigators ... Investigators said"
    if last.lower() in _BODY_HEADS or any(
        t.text == last and t.ent_type_ in ("GPE", "LOC", "FAC") for t in doc if not mention.first <= t.i < mention.last
    ):
        return False
    return _surname_used_alone(doc, mention)


def _english_word_no_given_name(word: str) -> bool:
    """A word of English that the census lists know as no given name ("Health", "Drug"; not "Hope")."""
    return word_class(word.lower()) is not None and not is_given_name(word)


def _surname_used_alone(doc: Doc, mention: PersonMention) -> bool:
    """Whether the mention's last word stands alone elsewhere as a clause's subject or owner, as a
    surname does ("Hartmann said", "Okafor-Lyle's lawyer")."""
    surname = _surname(mention.words)
    if not surname:
        return False
    for found in re.finditer(rf"(?<!\w){re.escape(surname)}(?!\w)", doc.text):
        span = doc.char_span(found.start(), found.end())
        if span is None or mention.first <= span.start < mention.last:
            continue
        before = doc[span.start - 1] if span.start else None
        following = doc[span.end] if span.end < len(doc) else None
        if (
            span.root.dep_ in ("nsubj", "nsubjpass", "poss")
            and (before is None or before.pos_ not in ("PROPN", "DET"))
            and (following is None or following.pos_ != "PROPN")
        ):
            return True
    return False


def _shared_surnames(doc: Doc, mentions: list[PersonMention]) -> Iterable[PersonMention]:
    """A given name coordinated with a full name shares its surname: "Brent and Lynnette Hain",
    "Bill and Hillary Clinton" name Brent Hain and Bill Clinton.

    The lone word must read as a given name: not the surname of anyone named in full, not a word
    the article uses alone elsewhere ("Putin and Xi Jinping", when the story calls him Putin), and
    the full name must be two words (given name, surname), which "Kim Jong Un" is not.
    """
    full = [m for m in mentions if len(m.words) == 2]
    surnames = {_surname(m.words) for m in mentions if len(m.words) > 1}
    in_full_names = {i for m in mentions if len(m.words) > 1 for i in range(m.first, m.last)}
    for mention in full:
        given = mention.first - 2
        if given < 0 or doc[mention.first - 1].lower_ not in ("and", "&"):
            continue
        token = doc[given]
        if (
            token.pos_ != "PROPN"
            or token.i in in_full_names
            or token.text in surnames
            or (given > 0 and doc[given - 1].pos_ == "PROPN")
            or not is_name_like([token.text])
            or token.lower_ in TITLE_WORDS
            or (_used_alone(doc, token) and not _only_a_given_name(token.text))
        ):
            continue
        surname = mention.words[-1]
        yield PersonMention(
            token.idx,
            token.idx + len(token.text),
            token.i,
            token.i + 1,
            f"{token.text} {surname}",
            mention.title_words | frozenset(_title_before(doc, given)),
        )


def _kin_surnames(doc: Doc, mentions: list[PersonMention]) -> Iterable[PersonMention]:
    """A given name a possessed kinship noun introduces bears the surname of the person named
    just before it in its sentence, whose kin it is: "Jerome Faulkner, 73, and his wife, Dora,
    62" names Dora Faulkner, "Brent Ching, his wife Kristen and his children, Hailey and Caleb"
    Kristen, Hailey and Caleb Ching, "Audrey Cook, her husband Alfred" Alfred Cook. News gives
    the full name of a relative whose surname differs.

    The lone word must read as a given name, not the surname of anyone named in full; the one
    before must be named in full.
    """
    full = sorted((m for m in mentions if len(m.words) > 1), key=lambda m: m.first)
    surnames = {_surname(m.words) for m in full}
    for mention in mentions:
        if len(mention.words) != 1:
            continue
        token = doc[mention.first]
        kin = _kin_noun_of(token)
        if (
            kin is None
            or token.pos_ != "PROPN"
            or token.text in surnames
            or not is_name_like([token.text])
            or token.lower_ in TITLE_WORDS
            or (token.i > 0 and (doc[token.i - 1].pos_ == "PROPN" or doc[token.i - 1].text[:1].isupper()))
        ):
            continue  # "their aunt, Precious Triplett": a surname, of a name the cast cut short
        before = [m for m in full if m.last <= kin.i and m.first >= kin.sent.start]
        if not before or not (surname := _surname(before[-1].words)):
            continue
        yield PersonMention(
            mention.start,
            mention.end,
            mention.first,
            mention.last,
            f"{token.text} {surname}",
            mention.title_words,
        )


def _kin_noun_of(name: Token) -> Token | None:
    """The kinship noun "his" or "her" possesses that a name stands in apposition to
    ("his wife, Dora"), is titled by ("her husband Alfred"), or is listed after ("his children,
    Hailey, 6, and Caleb")."""
    while name.dep_ == "conj" and name.head.i != name.i:
        name = name.head
    kin_nouns = [c for c in name.children if c.dep_ == "compound"]
    if name.dep_ == "appos":
        kin_nouns.append(name.head)
    for noun in kin_nouns:
        if (
            noun.pos_ == "NOUN"
            and noun.lemma_.lower() in KINSHIP_RELATIONS
            and any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in noun.children)
        ):
            return noun
    return None


def _only_a_given_name(word: str) -> bool:
    """Whether the census lists know the word as a given name and hardly as a surname
    ("Kristina", "Bill"; not "Carter", "Kelly" or "Putin"): a story that calls someone by it
    alone calls them by their given name, as it does one of a couple ("Kristina and Tim Jones
    ... Kristina said")."""
    given = given_name_share(word.casefold())
    return given > 0 and surname_share(word.casefold()) * 10 < given


def _used_alone(doc: Doc, token: Token) -> bool:
    """Whether the word stands alone elsewhere in the text, as a surname would ("Putin said")."""
    for other in doc:
        if other.i == token.i or other.text != token.text:
            continue
        following = doc[other.i + 1] if other.i + 1 < len(doc) else None
        if following is None or following.pos_ != "PROPN":
            return True
    return False


def _apposed_to_person_noun(root: Token) -> bool:
    """Whether a name's head and a common noun for a person stand in apposition, either way."""
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() in _NOUNS_FOR_PEOPLE:
        return True
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in _NOUNS_FOR_PEOPLE for c in root.children)


def _after_person_noun(doc: Doc, first: int) -> bool:
    """Whether a name comes right after a lower-case noun for a person that titles it: "MSF
    coordinator Marie-Christine Ferir", "party spokesman Ali Reza" (an organisation to the model)."""
    if first == 0:
        return False
    before = doc[first - 1]
    return before.pos_ == "NOUN" and before.text.islower() and before.lemma_.lower() in _NOUNS_FOR_PEOPLE


def _in_traveller_slot(token: Token) -> bool:
    """Whether `token` is the subject of a travel or meeting verb, or owns a trip or vehicle."""
    while token.dep_ == "conj":
        token = token.head
    head = token.head
    if token.dep_ == "poss":
        # "Kim's visit", "Kim's train"; not "Jaqueline's death", which tells no travel.
        sense = NOUN_SENSES.get(head.lemma_.lower())
        return head.lemma_.lower() in VEHICLE_NOUNS or (
            sense is not None and sense.kind is not TriggerKind.PRESENCE and requirement_met(head, sense)
        )
    if token.dep_ not in ("nsubj", "nsubjpass") or head.pos_ not in ("VERB", "AUX"):
        return False
    return bool(_listed_senses(head, ("xcomp", "conj")))


def _listed_senses(verb: Token, governed: tuple[str, ...]) -> list[TriggerSense]:
    """The listed senses of `verb` and of the verbs it governs by the `governed` relations
    ("plans to attend": attend's)."""
    verbs = [verb] + [c for c in verb.children if c.dep_ in governed]
    return [sense for sense in map(listed_sense, verbs) if sense is not None]


def _titled_names(doc: Doc, taken: set[int]) -> Iterable[PersonMention]:
    """Runs of proper nouns right after a title the model did not tag: "President Macron"."""
    for token in doc:
        if token.lower_ not in _ANNOUNCING_TITLES or not token.text[:1].isupper():
            continue
        first = token.i + 1
        last = _title_run_end(doc, first, taken, places=False)
        if last - first < 2 and first < len(doc) and is_given_name(doc[first].text):
            # "Mayor Lucas Cleveland", "Nurse Jenna Dallas": a given name after the title vouches
            # for a surname the model reads as a place.
            last = max(last, _title_run_end(doc, first, taken, places=True))
        if last > first:
            mention = _clean(doc, first, last)
            if mention is not None:
                yield mention


def _title_run_end(doc: Doc, first: int, taken: set[int], *, places: bool) -> int:
    """The end of the run of proper nouns a title announces (at most four; two when the model's
    places may be in it, and then only as a given name's surname)."""
    limit = 2 if places else 4
    last = first
    while (
        last < len(doc)
        and last - first < limit
        and doc[last].pos_ == "PROPN"
        and doc[last].lower_ not in TITLE_WORDS
        and doc[last].i not in taken
        and (places or doc[last].ent_type_ not in ("GPE", "NORP", "LOC", "FAC"))
    ):
        last += 1
    return last if not places or last - first == 2 else first


def _clean(doc: Doc, first: int, last: int, *, require_proper: bool = True) -> PersonMention | None:
    """The span with titles and a possessive trimmed, if what is left looks like a name."""
    title: list[str] = []
    while first < last and (
        doc[first].lower_ in TITLE_WORDS
        or doc[first].lower_ in ("the", "-")
        or _acronym_title(doc, first, last)
        or _rank_prefix(doc, first)
    ):
        title.append(doc[first].lower_)
        first += 1
    # A description the model took into the name: "magician Daryl Miller", "local songwriter Amy
    # Lee". A name's own words are capitalised, but for particles ("de Blasio said").
    while (
        last - first > 1 and doc[first].is_alpha and doc[first].text.islower() and doc[first].text not in NAME_PARTICLES
    ):
        title.append(doc[first].lower_)
        first += 1
    while last > first and (doc[last - 1].tag_ in _POSSESSIVE_TAGS or doc[last - 1].is_punct):
        last -= 1
    if first >= 2 and doc[first - 1].lower_ == "of" and doc[first - 2].lower_ in TITLE_WORDS:
        # "Minister of Health Jane Doe", "Minister of Foreign Affairs Sergei Lavrov": the
        # portfolio's words end the title, not begin the name.
        while last - first > 2 and _english_word_no_given_name(doc[first].text):
            title.append(doc[first].lower_)
            first += 1
    # A hyphenated syllable the model left outside the name: "Moon Jae-in", whose "in" reads as a word.
    while (
        last + 1 < len(doc)
        and doc[last].text == "-"
        and not doc[last - 1].whitespace_
        and not doc[last].whitespace_
        and doc[last + 1].is_alpha
        and doc[last + 1].text.islower()
    ):
        last += 2
    # The surname after lower-case particles the model cut the name at: "Ursula von der" and
    # "Leyen" (a place to it), "Charles de" and "Gaulle".
    end = last
    while end < len(doc) and doc[end].text in NAME_PARTICLES:
        end += 1
    cut = first < last and (end > last or doc[last - 1].text in NAME_PARTICLES)
    if cut and end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper():
        last = end + 1
    if first >= last or _names_a_thing(doc, last) or _street_address(doc, first, last):
        return None
    span = doc[first:last]
    # Words as written, so that a hyphenated name is one word: "Jean-Pierre", "Yo-jong", "al-Wahab".
    surface = _without_nickname(span)
    words = surface.split()
    if not is_name_like(words):
        return None
    if require_proper and not any(t.pos_ == "PROPN" for t in span):
        return None
    title.extend(_title_before(doc, first))
    return PersonMention(
        span.start_char, span.end_char, first, last, surface, frozenset(w for w in title if w != "the")
    )


_QUOTE_PAIRS = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019"}


def _without_nickname(span: Span) -> str:
    """The text of a name without a nickname quoted inside it, which is no word of the name:
    'Jonathan "Wee Man" Doyle', "Robert 'Bobby' Kane" -> "Jonathan Doyle", "Robert Kane"."""
    quotes = [t.i - span.start for t in span if t.is_quote]
    if len(quotes) != 2 or quotes[0] == 0 or quotes[1] >= len(span) - 1 or quotes[1] - quotes[0] < 2:
        return span.text
    opening, closing = span[quotes[0]], span[quotes[1]]
    if _QUOTE_PAIRS.get(opening.text) != closing.text:
        return span.text  # 'Frank "Bring 'Em Back Alive" Buck': no one quoted word
    if not all(t.is_alpha and t.text[:1].isupper() for t in span[quotes[0] + 1 : quotes[1]]):
        return span.text
    text = span.doc.text
    kept = text[span.start_char : opening.idx] + text[closing.idx + len(closing) : span.end_char]
    return " ".join(kept.split())


def _street_address(doc: Doc, first: int, last: int) -> bool:
    """A name ending in a street's word, or followed by one, after a house number or "the ...
    block of": "1517 Maple Street", "the 300 block of Mina Lane", "32 W. Bridge St." (a street,
    whatever surnames "Street" or "Lane" are); or one word the model cut from a street's name
    ("the Clinton Street site")."""
    if last < len(doc) and doc[last].lower_ in _STREET_WORDS and doc[last].is_title:
        if last - first == 1 and doc[first].dep_ == "compound" and doc[first].head.i == last:
            return True  # one word heading a street's name: "at the Clinton Street site"
        last += 1  # the street's word the model left out: "180 Clinton St."
    if doc[last - 1].lower_ not in _STREET_WORDS:
        return False
    if first and doc[first - 1].lower_.strip(".") in _COMPASS_POINTS:
        first -= 1  # "32 W. Bridge St."
    if first == 0:
        return False
    before = doc[first - 1]
    return before.like_num or (first >= 2 and before.lower_ == "of" and doc[first - 2].lower_ == "block")


_COMPASS_POINTS = frozenset("n s e w ne nw se sw north south east west".split())


def _names_a_thing(doc: Doc, last: int) -> bool:
    """A name that is the first part of a thing's name: "John Adams Middle School", "John Peter
    Smith Hospital", "King Nut Companies" (the capitalised words after it end in a word no
    person's name ends in, or in a plural common noun)."""
    token = doc[last - 1]
    while token.dep_ == "compound" and token.head.i >= last and token.head.text[:1].isupper():
        token = token.head
    return token.i >= last and (
        token.lower_ in NON_PERSON_HEADS or (token.is_title and _plural_common_noun(token.text))
    )


def _rank_prefix(doc: Doc, i: int) -> bool:
    """The first word of a two-word rank: "Lance Cpl.", "Staff Sgt.", "First Lt." (Lance Armstrong
    keeps his name: the next word must be the rank)."""
    return doc[i].lower_ in _RANK_PREFIXES and i + 1 < len(doc) and doc[i + 1].lower_.rstrip(".") in _RANKS_WITH_PREFIX


_RANK_PREFIXES = frozenset(["lance", "staff", "master", "first", "second", "chief", "command", "petty"])
_RANKS_WITH_PREFIX = frozenset(["cpl", "corporal", "sgt", "sergeant", "lt", "lieutenant", "officer", "bombardier"])


def _acronym_title(doc: Doc, first: int, last: int) -> bool:
    """An acronym in front of a name is a title or a party: "MLA Sandra Jansen", "CEO Tim Cook",
    "NDP MP Jack Layton" (a name in capitals, "KIM JONG UN", has no lower-case word after it)."""
    token = doc[first]
    return (
        token.is_alpha
        and token.text.isupper()
        and 2 <= len(token.text) <= 5
        and any(not t.text.isupper() for t in doc[first + 1 : last] if t.is_alpha)
    )


def _title_before(doc: Doc, first: int) -> list[str]:
    """Words of the title in front of a name, and of an apposition after it.

    "North Korean leader Kim Jong Un" -> north, korean, leader; "Putin, the Russian president,"
    -> russian, president. Used to read "the North Korean leader" as Kim later on.
    """
    words = []
    i = first - 1
    while i >= 0 and i >= first - 5:
        token = doc[i]
        if token.is_punct and token.text != "-":
            break
        if token.pos_ in ("PROPN", "ADJ", "NOUN") or token.lower_ in TITLE_WORDS or token.text == "-":
            words.append(token.lower_)
            i -= 1
            continue
        if token.lower_ == "of" and words and i >= 1 and _heads_a_title(doc[i - 1]):
            i -= 1  # "Secretary of State Hillary Clinton", "Minister of Defence": the title goes on
            continue
        break
    root = doc[first : first + 1].root
    for child in root.head.children if root.dep_ == "compound" else root.children:
        if child.dep_ == "appos" and child.lemma_.lower() in ROLE_NOUNS:
            words.extend(t.lower_ for t in child.subtree if t.pos_ in ("ADJ", "NOUN", "PROPN"))
    return [w for w in words if w != "-"]


def _heads_a_title(token: Token) -> bool:
    """A role noun a title's "of" phrase follows: "Secretary of State", "Chief of Staff"."""
    return token.pos_ in ("PROPN", "NOUN") and (token.lower_ in TITLE_WORDS or token.lemma_.lower() in ROLE_NOUNS)


def _known_name_repeats(
    doc: Doc, kept: list[PersonMention], place_tokens: list[tuple[int, int]]
) -> list[PersonMention]:
    """Proper nouns that repeat a known person's surname or stand-alone name: "Manturov said"."""
    taken = {i for m in kept for i in range(m.first, m.last)}
    short_forms = {_surname(m.words) for m in kept if len(m.words) > 1} | {m.surface for m in kept if len(m.words) == 1}
    # A given name on its own ("Georgia began skating") means the person named in full with it,
    # unless the next word carries on a longer name ("Georgia Tech").
    given_names = {m.words[0] for m in kept if len(m.words) > 1 and m.words[0].lower() not in TITLE_WORDS}
    short_forms = {w for w in short_forms | given_names if len(w) >= 3}
    surnames = {_surname(m.words) for m in kept if len(m.words) > 1} - given_names
    repeats = []
    for token in doc:
        # The tagger reads some surnames as plural nouns ("Hendricks", "Rivers", "Banks"): a known
        # surname, capitalised, is the person whatever its tag.
        misread_surname = token.pos_ == "NOUN" and token.text in surnames and token.text[:1].isupper()
        if token.i in taken or not (token.pos_ == "PROPN" or misread_surname) or token.text not in short_forms:
            continue
        if token.text in given_names and token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
            continue
        if _names_a_thing(doc, token.i + 1):
            continue  # "Adams" in "John Adams Middle School"
        if any(first <= token.i < last for first, last in place_tokens) and token.text not in {
            w for m in kept for w in m.words
        }:
            continue
        repeats.append(PersonMention(token.idx, token.idx + len(token.text), token.i, token.i + 1, token.text))
    return repeats


def _group(mentions: list[PersonMention], doc: Doc) -> Cast:
    """Group mentions into people: full names first, then short forms by their words."""
    groups: list[list[PersonMention]] = []
    for mention in sorted(mentions, key=lambda m: (-len(m.words), m.first)):
        if len(mention.words) < 2:
            continue
        words = set(mention.words)
        home = next((g for g in groups if words <= set(g[0].words) or set(g[0].words) <= words), None)
        if home is None:
            home = next((g for g in groups if _spelt_alike_names(mention.words, g[0].words)), None)
        if home is None:
            groups.append([mention])
        else:
            home.append(mention)
    # A titled short form keeps the person it first meant: "Mr Paterson" is the victim all
    # along, even after his sister, Kataraina Paterson, is named.
    titled: dict[tuple[str, frozenset[str]], list[PersonMention]] = {}
    meant: dict[str, list[PersonMention]] = {}  # whom each bare word meant last
    named_by_title: dict[int, str] = {}  # a relative known only by title and surname: "Mr. Corby"
    for mention in sorted((m for m in mentions if len(m.words) < 2), key=lambda m: m.first):
        owners = [g for g in groups if set(mention.words) <= {w for m in g for w in m.words}] or [
            g for g in groups if len(g[0].words) > 1 and _spelt_alike(mention.words[0], _surname(g[0].words))
        ]
        form = (mention.surface, mention.title_words)
        if mention.title_words and form in titled:
            titled[form].append(mention)
            continue
        # "Anna Weber ... Mr. Weber, her husband": a title of the other gender names a relative
        # who shares the surname, not the person named in full.
        gender = _gender(mention.title_words)
        if gender is not None and owners:
            owners = [g for g in owners if _gender_of_group(g) in (None, gender)]
            if not owners:
                titled[form] = [mention]
                groups.append(titled[form])
                named_by_title[id(titled[form])] = _titled_name(doc, mention)
                continue
        if not owners:
            groups.append([mention])
            continue

        owner = _owner_of_shared_word(owners, mention, doc, meant.get(mention.surface))
        owner.append(mention)
        meant[mention.surface] = owner
        if mention.title_words:
            titled[form] = owner

    people = []
    token_person: dict[int, Person] = {}
    for group in groups:
        group.sort(key=lambda m: m.first)
        longest = _longest(group)
        titles = frozenset(w for m in group for w in m.title_words)
        name = named_by_title.get(id(group), longest.surface)
        person = Person(name, tuple(group), titles, _gender(titles) or _gender_of_name(longest))
        people.append(person)
        for mention in group:
            for i in range(mention.first, mention.last):
                token_person[i] = person
    people.sort(key=lambda p: p.mentions[0].first)
    return Cast(tuple(people), token_person)


def _spelt_alike_names(words: Sequence[str], other: Sequence[str]) -> bool:
    """Whether two full names are one person's spelt two ways, as copy slips or as sources spell
    it ("Lynnette Hain" ... "Lynette Hains", "Brett Hartmann" ... "Brett Hartman", "Valarie
    Taylor" ... "Valerie Taylor"): given name and surname each the same or `_spelt_alike`, one
    of them not the same."""
    if len(words) < 2 or len(other) < 2:
        return False
    given, surname = (words[0], other[0]), (_surname(words), _surname(other))
    if given[0] == given[1] and surname[0] == surname[1]:
        return False
    # With the given name to go by too, a surname of four letters is long enough ("Hain").
    return (
        (given[0] == given[1] or _spelt_alike(*given))
        and (surname[0] == surname[1] or _spelt_alike(*surname, shortest=4))
        and not _given_names_differ(*given)
    )


def _spelt_alike(word: str, other: str, *, shortest: int = 5) -> bool:
    """Whether two name words differ by one letter added, dropped or changed ("Hartman" /
    "Hartmann", "Holdworth" / "Holdsworth", "Zhavania" / "Zhvania"): words of `shortest` letters
    or more that start alike, so that a bare "Dole" is not "Jim Doyle"."""
    a, b = word.lower(), other.lower()
    if a == b or min(len(a), len(b)) < shortest or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _given_names_differ(given: str, other: str) -> bool:
    """Whether two given names are known as names of different genders ("Louis" / "Louise",
    "Francis" / "Frances"): two people, however alike the spelling."""
    genders = {gender_of_given_name(given), gender_of_given_name(other)}
    return given != other and len(genders - {None}) > 1


def _longest(mentions: list[PersonMention]) -> PersonMention:
    """The mention whose name a person goes by: the most words, then the longest, then the first."""
    return max(mentions, key=lambda m: (len(m.words), len(m.surface), -m.first))


def _gender_of_group(group: list[PersonMention]) -> str | None:
    """The gender the person of these mentions has by the titles or the given name of their full
    names, else by the title of the first titled short form (so that a short form of the other
    gender, once joined, does not change it)."""
    full = [m for m in group if len(m.words) > 1]
    known = _gender(frozenset(w for m in full for w in m.title_words)) or _gender_of_name(_longest(full or group))
    if known is not None:
        return known
    titled = [m for m in group if len(m.words) == 1 and _gender(m.title_words)]
    return _gender(min(titled, key=lambda m: m.first).title_words) if titled else None


def _titled_name(doc: Doc, mention: PersonMention) -> str:
    """The name with its title ("Mr. Corby"): the only name the text gives a relative who shares
    another person's surname."""
    title = doc[mention.first - 1] if mention.first > 0 else None
    if title is None or title.lower_ not in mention.title_words:
        return mention.surface
    return f"{title.text} {mention.surface}"


def _owner_of_shared_word(
    owners: list[list[PersonMention]], mention: PersonMention, doc: Doc, meant_before: list[PersonMention] | None
) -> list[PersonMention]:
    """Which of several people sharing a name's word a bare mention of it means.

    News names relatives and namesakes in full again when it turns to them ("Alan Ouellette,
    the younger brother, greeted ..."), and keeps the bare surname for one person at a time:
    the one just named as a clause's subject (in this sentence or the one before: "The
    couple's daughter, Maranda Finney, is in school ... Finney says"), else the one the word
    meant last, else the one the story named first ("Kelsey Dunkerson, daughter of Mike and
    Betty Dunkerson ... Dunkerson traveled to ...").
    """
    sentence = doc[mention.first].sent
    previous = doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    recent = [
        (m.first, owner)
        for owner in owners
        for m in owner
        if previous.start <= m.first < mention.first and _names_subject(doc, m)
    ]
    if recent:
        return max(recent, key=lambda pair: pair[0])[1]
    if meant_before is not None and any(meant_before is owner for owner in owners):
        return meant_before
    return min(owners, key=lambda owner: min(m.first for m in owner))


def _names_subject(doc: Doc, mention: PersonMention) -> bool:
    """Whether the name is a clause's subject, or in apposition to it ("The couple's daughter,
    Maranda Finney, is in school")."""
    head = doc[mention.last - 1]
    if head.dep_ == "appos":
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass")


def _gender_of_name(mention: PersonMention) -> str | None:
    """The gender a full name's given name usually has ("Lori Whipps"), when a title says none."""
    return gender_of_full_name(mention.words)


def _gender(title_words: frozenset[str]) -> str | None:
    if title_words & MALE_TITLES and not title_words & FEMALE_TITLES:
        return "male"
    if title_words & FEMALE_TITLES and not title_words & MALE_TITLES:
        return "female"
    return None
