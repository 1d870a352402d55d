"""Which places a trigger governs: the dependency paths from a trigger word to place mentions.

A place merely mentioned in a sentence is not where anyone was: only a place the trigger reaches
through a locative path counts.

    visited ─dobj─▶ Vladivostok                                 object of visit/enter/tour
    pulling ─prep(in)─▶ city ─prep(of)─▶ Komsomolsk-on-Amur     "in the city of X"
    pulling ─prep(into)─▶ station ─prep(in)─▶ ...               a facility, then its town
    meeting ─prep(in)─▶ resort ─compound─▶ Black Sea            modifier of the head noun
                                ─prep(of)─▶ Sochi               head of the phrase

The walk goes from the trigger through locative prepositions ("in", "at", "to", "into" ...,
and "from" for verbs of motion: "returned from Australia" says the actor was there),
the trigger's object when its sense reads the object as a place, and adverbs that carry a
destination ("travels next to X"). From a noun it goes on only when the noun names a location
or facility ("station", "city", "resort") or an event ("summit"): "the war in Ukraine" and "the
second year of ..." stop the walk. Clauses (relative, adverbial, complement) are never entered:
they have triggers of their own.

Five more paths name a place the parse puts elsewhere:

- a relative clause opened by "where" happens at its antecedent: "Izmir, where he had lived" ->
  Izmir; "the town where she worked, Wairoa," -> the name apposed right after the clause;
- a verb of motion whose object is an area travels there: "will travel the town of Gori";
- a nominal event carries destination adverbs as verbs do: "the move back to Innisfail";
- a meeting's companion may carry the place: "accompanying the actress in Athens";
- so may the audience a speaker addresses: "speaking to reporters in Kabul".

When the trigger reaches no mention, a bare "there" is the place named last (its sentence or the
one before), and a definite noun that names a place again ("toured the town", "visited the
affected areas", "arrived in the region") is the place of its kind named last (a town for "the
town", a state or county for "the region"; its sentence or the two before), not a home in an "of"
phrase nor what is talked about.

A named place's own "near" or "outside" phrase only locates it ("near Yarrabah, near Cairns":
Cairns is no stop), and a place coordinated with a time phrase is reached through the adverb that
carries it ("a practitioner from 1982 and afterward in New Hampshire").

The place of the event is the most specific governed place: a head of the phrase ("resort of
Sochi") beats a modifier ("Black Sea resort"), a city beats the country or region holding it
("Moscow, Russia"). Coordinated places ("visited Moscow and Kyiv") are each kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Doc, Token

from geo.gazetteer.names import normalize_name
from geo.geodesy import distance_km
from geo.model import Mention, MentionRole, Place, Precision
from geo.text.events.grammar import SUBJECT_MATTER_PREPS, on_topic
from geo.text.events.lexicon import (
    AREA_NOUNS,
    DUTY_NOUNS,
    EVENT_NOUNS,
    LIGHT_VERBS,
    LOCATIVE_NOUNS,
    OPERATION_NOUNS,
    SPEAKING_FROM_VERBS,
    STREET_NOUNS,
    VEHICLE_NOUNS,
    WEEKDAY_WORDS,
)
from geo.text.events.parsing import is_passive
from geo.text.events.triggers import (
    NOUN_SENSES,
    WAY_NOUNS,
    ObjectReading,
    Trigger,
    TriggerKind,
    audience_settings,
    compass_settings,
    copula_phrases,
    court_places,
    gatherings_of_part,
    is_located_occupation,
    is_police_force,
    is_where_relative,
    occupation_settings,
    phrase_settings,
    placed_by_its_noun,
    policing_places,
    says_here,
    says_there,
    spread_preps,
    static_phrase,
    subject_settings,
    where_antecedent,
    while_settings,
)
from geo.text.filters import FACILITY_HEADS

__all__ = ["PathRole", "GovernedPlace", "PlaceIndex", "governed_places", "contains", "county_holds"]

# The prepositions that name where a journey by some vehicle began and ended.
_JOURNEY_ENDS = frozenset({"from", "to", "into"})
_LOCATIVE_PREPS = frozenset(
    [
        "in",
        "at",
        "to",
        "into",
        "onto",
        "inside",
        "near",
        "outside",
        "toward",
        "towards",
        "through",
        "across",
        "around",
        "via",
        "within",
        "throughout",
        "aboard",
    ]
)
_NOUN_PREPS = frozenset({"in", "at", "near", "outside", "inside", "on"})
_LOCATOR_PREPS = frozenset({"near", "outside"})
_MODIFIER_DEPS = frozenset({"compound", "poss", "nmod", "amod"})
# Nouns of a journey whose "from" is where it started ("a delegation from Japan" is whose).
_JOURNEY_NOUNS = frozenset(["journey", "trip", "voyage", "flight"])
_VISITING_FROM_HOME = frozenset(["visit"])
_DESTINATION_ADVERBS = frozenset(["next", "back", "home", "there", "onward", "onwards", "abroad", "then", "later"])
_MAX_DEPTH = 6
_THERE_SENTENCES_BACK = 1
# Definite nouns by which news names again a place it has just named ("Floods hit Queensland.
# Gillard toured the region"; "arrived in the town"), with the kinds of place each can mean: a
# town is no country, a state no town. None: any place.
_TOWN = frozenset({Precision.CITY})
_ANAPHORIC_PLACE_NOUNS: dict[str, frozenset[Precision] | None] = {
    "town": _TOWN,
    "city": _TOWN,
    "village": _TOWN,
    "township": _TOWN,
    "hamlet": _TOWN,
    "state": frozenset({Precision.ADMIN1}),
    "province": frozenset({Precision.ADMIN1}),
    "county": frozenset({Precision.ADMIN2}),
    "country": frozenset({Precision.COUNTRY}),
    "nation": frozenset({Precision.COUNTRY}),
    # Not a town (a region named after a town is the region round it) nor "the scene", which is
    # the incident's spot, not the last place named.
    "region": frozenset({Precision.ADMIN1, Precision.ADMIN2}),
    "area": frozenset({Precision.ADMIN1, Precision.ADMIN2, Precision.CITY}),
    "island": None,
}
# How far back such a noun reaches: its sentence and the two before, a little further than a
# bare "there", since a report names its town once and then says "the town".
_ANAPHOR_SENTENCES_BACK = 2
# Verbs that only carry a nominal event: "paid a visit", "accepted an invitation".
_NOUN_CARRIERS = LIGHT_VERBS | {"accept"}


class PathRole(StrEnum):
    HEAD = "head"  # the place heads the phrase the trigger governs
    MODIFIER = "modifier"  # the place only modifies it: "the Black Sea resort", "Russia's factory"
    SETTING = "setting"  # not governed: the place the narrative was at ("visited a facility")


@dataclass(frozen=True, slots=True)
class GovernedPlace:
    mention: Mention
    place: Place
    depth: int  # dependency edges from the trigger
    role: PathRole


class PlaceIndex:
    """The usable place mentions of a parsed text, found by token.

    Usable: role PLACE with a resolved place. Datelines and demonyms are never event places,
    nor is a span that names a person ("Kim" in a gazetteer of Colorado towns).
    """

    def __init__(self, doc: Doc, mentions: Sequence[Mention], person_tokens: frozenset[int] = frozenset()) -> None:
        self._by_token: dict[int, Mention] = {}
        self._person_tokens = person_tokens
        # The venues the text names with their town ("the Royal Free Hospital in London"), in
        # text order: a shorter name of one later ("at the Royal Free") is in that town.
        self._venues = sorted(
            (m for m in mentions if m.venue and m.role is MentionRole.PLACE and m.place is not None),
            key=lambda m: m.start,
        )
        # Where the report was filed, which its "here" means.
        self.dateline = next((m for m in mentions if m.role is MentionRole.DATELINE and m.place is not None), None)
        for mention in mentions:
            if mention.role is not MentionRole.PLACE or mention.place is None:
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or any(t.i in person_tokens for t in span):
                continue
            for token in span:
                self._by_token[token.i] = mention

    def mention_at(self, token: Token) -> Mention | None:
        return self._by_token.get(token.i)

    def country_mention(self, country: str | None) -> Mention | None:
        """The first mention of the country with ISO code `country`, if the text names it."""
        if country is None:
            return None
        return next(
            (
                m
                for m in sorted(set(self._by_token.values()), key=lambda m: m.start)
                if m.place is not None and m.place.precision is Precision.COUNTRY and m.place.country == country
            ),
            None,
        )

    def _mentions_before(self, token: Token, sentences_back: int) -> list[int]:
        """The tokens of place mentions before `token`, in its sentence or the `sentences_back`
        before it, latest first."""
        sentences = list(token.doc.sents)
        index = next(i for i, sentence in enumerate(sentences) if sentence.start <= token.i < sentence.end)
        earliest = sentences[max(0, index - sentences_back)].start
        return sorted((i for i in self._by_token if earliest <= i < token.i), reverse=True)

    def venue_town(self, token: Token) -> Mention | None:
        """The town of a venue named again by its own name or a shorter one: "the Royal Free
        Hospital in London said ... she was flown to the Royal Free" -> London. The name must say
        more than a facility's kind ("the University" names none), hold no place of its own and
        have been told before."""
        if token.pos_ != "PROPN" or token.i in self._by_token or token.i in self._person_tokens:
            return None
        words = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < token.i]
        if any(w.i in self._by_token for w in words):
            return None  # "Leeds Crown Court": the name's own place tells where it is
        name = [*(w.text for w in sorted(words, key=lambda w: w.i)), token.text]
        if all(word.casefold() in FACILITY_HEADS for word in name):
            return None
        pattern = re.compile(rf"(?<!\w){re.escape(' '.join(name))}(?!\w)")
        start = token.doc[token.i - len(words)].idx
        return next(
            (m for m in self._venues if m.end <= start and m.venue is not None and pattern.search(m.venue)),
            None,
        )

    def named_site_before(self, token: Token) -> Mention | None:
        """A site the gazetteer knows by name written before the generic noun of its kind: "was
        on Champs-Elysees boulevard", "in Tiananmen square". Only a site: a street named after a
        state or a town ("on Pennsylvania Avenue", "Memphis Street") is not in it."""
        if token.pos_ != "NOUN" or token.lemma_.lower() not in STREET_NOUNS:
            return None
        for child in token.children:
            mention = self._by_token.get(child.i) if child.dep_ == "compound" else None
            if mention is not None and mention.place is not None and mention.place.precision is Precision.SITE:
                return mention
        return None

    def latest_before(self, token: Token, sentences_back: int) -> Mention | None:
        """The last place mention before `token`, in its sentence or the `sentences_back` before it:
        what "there" refers to ("moved to Boise in 2020. He was arrested there on Monday")."""
        before = self._mentions_before(token, sentences_back)
        return self._by_token[before[0]] if before else None

    def latest_fitting(
        self, token: Token, sentences_back: int, kinds: frozenset[Precision] | None, within: Place | None = None
    ) -> Mention | None:
        """The last place mention before `token` that a definite noun can name again ("the
        town"): of one of `kinds` (any when None), lying `within` a place when one is given ("the
        Texas city"), in its sentence or the `sentences_back` before it, and a place where
        something happened, not a home ("Galen Miller of Palestine") nor what is talked about
        ("the reconstruction of Gaza")."""
        doc = token.doc
        seen: set[tuple[int, int]] = set()
        for i in self._mentions_before(token, sentences_back):
            mention = self._by_token[i]
            if (mention.start, mention.end) in seen or mention.place is None:
                continue
            seen.add((mention.start, mention.end))
            if kinds is not None and mention.place.precision not in kinds:
                continue
            if within is not None and not _lies_within(mention.place, within):
                continue
            root = doc[i]
            while root.head.i != root.i and self._by_token.get(root.head.i) is mention:
                root = root.head
            if on_topic(root) or _in_of_phrase(root):
                continue
            return mention
        return None

    def __bool__(self) -> bool:
        return bool(self._by_token) or self.dateline is not None


def governed_places(trigger: Trigger, places: PlaceIndex) -> list[GovernedPlace]:
    """The most specific places `trigger` governs; empty when it governs none."""
    found: dict[tuple[int, int], GovernedPlace] = {}
    anaphors: list[Token] = []
    narrowed: list[tuple[Token, Mention]] = []
    for token, depth, role in _walk(trigger):
        mention = places.mention_at(token)
        if mention is None and role is PathRole.HEAD:
            # "flown to the Royal Free", named before with its town; "on Champs-Elysees boulevard".
            mention = places.venue_town(token) or places.named_site_before(token)
        if mention is None and role is PathRole.HEAD and depth <= 2 and names_place_again(token):
            anaphors.append(token)
        if mention is None and role is PathRole.HEAD and depth <= 2:
            region = _region_of_place_noun(token, places)
            if region is not None:
                narrowed.append((token, region))
        if mention is None or mention.place is None or on_topic(token):
            continue
        key = (mention.start, mention.end)
        if key not in found or (depth, role != PathRole.HEAD) < (found[key].depth, found[key].role != PathRole.HEAD):
            found[key] = GovernedPlace(mention, mention.place, depth, role)
    if not found and (there := None if trigger.nominal else says_there(trigger.token)) is not None:
        # "arrested Lou Chan there", "went there": the place named last, in this sentence or
        # the one before.
        mention = places.latest_before(there, _THERE_SENTENCES_BACK)
        if mention is not None and mention.place is not None:
            found[(mention.start, mention.end)] = GovernedPlace(mention, mention.place, 2, PathRole.HEAD)
    for anaphor in anaphors if not found else []:
        # "Floods hit Queensland on Monday. Gillard toured the region": the place of that kind
        # named last, in this sentence or the two before.
        kinds = _ANAPHORIC_PLACE_NOUNS[anaphor.lemma_.lower()]
        mention = places.latest_fitting(anaphor, _ANAPHOR_SENTENCES_BACK, kinds)
        if mention is not None and mention.place is not None:
            found[(mention.start, mention.end)] = GovernedPlace(mention, mention.place, 2, PathRole.HEAD)
    for noun, region in narrowed:
        # "flew to Austin. Smith met the governor in the Texas city": the city of Texas named
        # last, not Texas; with none named, the region stays what the phrase tells.
        kinds = _ANAPHORIC_PLACE_NOUNS[noun.lemma_.lower()]
        mention = places.latest_fitting(noun, _ANAPHOR_SENTENCES_BACK, kinds, within=region.place)
        if mention is not None and mention.place is not None and mention is not region:
            found.pop((region.start, region.end), None)
            found[(mention.start, mention.end)] = GovernedPlace(mention, mention.place, 2, PathRole.HEAD)
    if not found and not trigger.nominal and places.dateline is not None and says_here(trigger.token):
        # "SEATTLE (AP) — Jassy told shareholders here on Tuesday": the dateline's place.
        dateline = places.dateline
        found[(dateline.start, dateline.end)] = GovernedPlace(dateline, dateline.place, 2, PathRole.HEAD)
    return _most_specific(list(found.values()))


def _definite_place_noun(noun: Token) -> bool:
    """A noun of a kind of place with "the" alone before it and no words of its own that name the
    place ("the town of Gori", "the town where he grew up", "its capital")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _ANAPHORIC_PLACE_NOUNS:
        return False
    if [c.lower_ for c in noun.children if c.dep_ == "det"] != ["the"]:
        return False
    return not any(
        c.dep_ in ("poss", "appos", "relcl", "acl") or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children
    )


def names_place_again(noun: Token) -> bool:
    """A definite noun that names again a place told before: "the town", "the affected areas";
    not one its own words place ("the town of Gori", "the Texas town", "its capital")."""
    return _definite_place_noun(noun) and not any(
        c.dep_ in ("compound", "nmod") or (c.dep_ == "amod" and c.pos_ == "PROPN") for c in noun.children
    )


def _region_of_place_noun(noun: Token, places: PlaceIndex) -> Mention | None:
    """The region a definite noun of a kind of place is narrowed by, when it names again a place
    of that region: "the Texas city", "the central Alberta town", "the Hall County town"; not a
    noun its own words name ("the Texas town of Uvalde", "the Kentucky town where he grew up")."""
    if not _definite_place_noun(noun):
        return None
    regions = [
        mention
        for c in noun.children
        if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN"
        if (mention := places.mention_at(c)) is not None and mention.place is not None
    ]
    return regions[0] if len(regions) == 1 else None


# How near a town must lie to a county or a town that narrows it ("the Hall County town"), as
# the gazetteer gives neither outlines nor counties of towns.
_NEAR_REGION_KM = 80.0


def _lies_within(place: Place, region: Place) -> bool:
    """Whether `place` lies in `region`, as far as the gazetteer's context tells: a country's by
    its code, a first-level region's by its name, anything else by distance."""
    if region.precision is Precision.COUNTRY:
        return place.country == region.country
    if region.precision is Precision.ADMIN1:
        return (
            place.country == region.country
            and place.admin1 is not None
            and normalize_name(place.admin1) == normalize_name(region.name)
        )
    return distance_km(place.lat, place.lon, region.lat, region.lon) <= _NEAR_REGION_KM


# Words for a share of a place, whose "of" phrase is the place itself ("destroyed much of Paradise").
_PARTITIVES = frozenset(["much", "most", "part", "parts", "all", "rest", "half", "swathes", "swaths"])


def _in_of_phrase(place: Token) -> bool:
    """A place in an "of" phrase other than an area's ("the city of Gori"): whose home or
    affiliation it is ("Galen Miller of Palestine"), or what it is about ("the reconstruction of
    Gaza"), not where something happened."""
    while place.dep_ == "conj" and place.head.i != place.i:
        place = place.head
    if place.dep_ != "pobj" or place.head.lower_ != "of":
        return False
    whole = place.head.head.lemma_.lower()
    return whole not in AREA_NOUNS and whole not in _PARTITIVES


def _walk(trigger: Trigger):
    """(token, depth, role) for every token reachable along locative paths from the trigger."""
    start = trigger.token
    stack: list[tuple[Token, int, PathRole]] = []
    for child in start.children:
        stack.extend(_first_steps(trigger, child))
    if trigger.nominal and start.dep_ == "dobj" and start.head.lemma_.lower() in _NOUN_CARRIERS:
        # "accepted Kim's invitation to Pyongyang", "paid a visit to Kyiv": the parser often hangs
        # the destination on the verb; it belongs to the noun.
        for child in start.head.children:
            if child.dep_ == "prep" and child.lower_ in _LOCATIVE_PREPS:
                stack.extend((c, 3, PathRole.HEAD) for c in child.children if c.dep_ == "pobj")
    if trigger.nominal is False and is_where_relative(start):
        stack.extend(_antecedent_steps(start))
    if trigger.nominal is False:
        # "speaking to reporters in Kabul", "treating patients in Guinea": the audience's place;
        # "Blinken, in Cairo for talks, said": the phrase on the subject is the clause's setting.
        settings = audience_settings(start) + subject_settings(start) + while_settings(start) + phrase_settings(start)
        stack.extend((c, 3, PathRole.HEAD) for prep in settings for c in prep.children if c.dep_ == "pobj")
        # "two miles east of Brandon": the town near the act, when the clause names none it is in.
        stack.extend(
            (c, 4, PathRole.SETTING) for of in compass_settings(start) for c in of.children if c.dep_ == "pobj"
        )
        stack.extend((town, 4, PathRole.SETTING) for town in policing_places(start) + court_places(start))
    seen: set[int] = {start.i}
    while stack:
        token, depth, role = stack.pop()
        if token.i in seen or depth > _MAX_DEPTH:
            continue
        seen.add(token.i)
        yield token, depth, role
        stack.extend(_next_steps(token, depth, role))


def _antecedent_steps(clause: Token) -> list[tuple[Token, int, PathRole]]:
    """Where a "where" clause happens: its antecedent, or a name apposed right after the clause."""
    antecedent = where_antecedent(clause)  # never a date: "on October 6 where she was treated"
    if antecedent is None:
        return []
    steps = [(antecedent, 2, PathRole.HEAD)]
    after = clause.right_edge.i + 1
    doc = clause.doc
    if antecedent.lemma_.lower() in AREA_NOUNS and after + 1 < len(doc) and doc[after].text == ",":
        # "the town where she worked, Wairoa, was": the parser hangs the name elsewhere.
        name = doc[after + 1]
        if name.pos_ == "PROPN" and name.dep_ == "appos":
            steps.append((name, 3, PathRole.HEAD))
    return steps


def _first_steps(trigger: Trigger, child: Token) -> list[tuple[Token, int, PathRole]]:
    sense = trigger.sense
    dep = child.dep_
    if dep == "prep" and child.lower_ == "with":
        # "a summit with Trump in Vietnam", "met with Xi in Beijing": the parser hangs the place
        # on the companion's name, but it says where the meeting was.
        # So does "met with farmers in Mankato": the people met, named or not.
        return [
            (place, 4, PathRole.HEAD)
            for person in child.children
            if person.dep_ == "pobj" and (person.pos_ == "PROPN" or person.tag_ == "NNS")
            for place in _set_at(person)
        ]
    if trigger.nominal:
        if dep == "prep" and (
            child.lower_ in _LOCATIVE_PREPS
            or (child.lower_ == "of" and sense.lemma == "tour")
            or (child.lower_ == "from" and sense.lemma in _JOURNEY_NOUNS)
        ):
            # "a tour of Vietnam and Indonesia" goes there ("the visit of the president" is a visitor);
            # "the journey from Tegucigalpa to Tijuana" starts where the traveller was.
            return [(c, 2, PathRole.HEAD) for c in child.children if c.dep_ == "pobj"]
        if dep == "prep":
            # "a practitioner from 1982 and afterward in New Hampshire": a place coordinated
            # with a time phrase, through the adverb that carries it.
            return [
                (place, 3, PathRole.HEAD)
                for adverb in child.conjuncts
                if adverb.pos_ == "ADV"
                for place in _set_at(adverb)
            ]
        if dep == "acl" and is_located_occupation(trigger.token):
            # "an American doctor working in Monrovia": where the work is done.
            return [
                (c, 3, PathRole.HEAD)
                for prep in occupation_settings(trigger.token)
                for c in prep.children
                if c.dep_ == "pobj"
            ]
        if dep in _MODIFIER_DEPS:
            return [(child, 1, PathRole.MODIFIER)]
        if dep == "advmod" and child.lower_ in _DESTINATION_ADVERBS:
            return _adverb_steps(child, frozenset())
        return []
    if sense.kind is TriggerKind.MOTION and child.lower_ == "out" and dep in ("prep", "prt", "advmod"):
        # "flew out of Khartoum", "was flown out of Kyiv": where the move started was a stop.
        return [
            (p, 3, PathRole.HEAD) for c in child.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
        ]
    if sense.kind is TriggerKind.MOTION and dep in ("prep", "agent") and child.lower_ == "by":
        # "traveled by train from Warsaw to Kyiv": the parser hangs the ends of the journey on
        # the vehicle (and may take "by" for a passive's agent).
        return [
            (place, 3, PathRole.HEAD)
            for vehicle in child.children
            if vehicle.dep_ == "pobj" and vehicle.lemma_.lower() in VEHICLE_NOUNS
            for prep in vehicle.children
            if prep.dep_ == "prep" and prep.lower_ in _JOURNEY_ENDS
            for place in prep.children
            if place.dep_ == "pobj"
        ]
    if dep == "prep" or (dep == "dative" and child.lower_ == "to"):  # "was sent to Boise"
        if sense.kind is TriggerKind.PRESENCE:
            preps = set(spread_preps(trigger.token)) | ({"on"} if sense.lemma == "be" else set())
            if sense.lemma in SPEAKING_FROM_VERBS:
                preps = preps | {"from"}  # "said from Geneva": where the speaker was
            if static_phrase(child):
                # "in", "at", "near" ("dumped it near Yarrabah" puts the actor by the town, within a
                # stop's tolerance), and "inside" or "within" a place ("was stopped inside the city limits").
                preps = preps | {child.lower_}
        else:
            # "returned from Australia", "flew from Newark to Paris": the origin was a stop too;
            # "shuttled between Doha and Cairo": both ends.
            # "arrived on Lampedusa", "landed on Crete": an island is reached "on".
            preps = (
                _LOCATIVE_PREPS
                | sense.destination_preps
                | ({"from", "between", "on"} if sense.kind is TriggerKind.MOTION else set())
            )
            if sense.lemma in _VISITING_FROM_HOME and not any(c.dep_ == "dobj" for c in trigger.token.children):
                # "Julie Ward, visiting from Los Angeles, said": where a visitor comes from, the
                # visit's place untold, is home ("visited Paris from Beirut" set out from Beirut).
                preps = preps - {"from"}
        if child.lower_ in preps or placed_by_its_noun(child):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if child.lower_ == "on" and sense.kind is TriggerKind.MOTION:
                # An island's name, not a road's ("heading out of town on U.S. 79"); or a gathering
                # or a trip gone on ("went on trial in Lima", "went on a trip to Paris").
                objects = [
                    c
                    for c in objects
                    if (c.pos_ == "PROPN" and not any(n.dep_ == "nummod" for n in c.children))
                    or (c.pos_ == "NOUN" and (c.lemma_.lower() in EVENT_NOUNS or c.lemma_.lower() in NOUN_SENSES))
                ]
            return [(c, 2, PathRole.HEAD) for c in objects]
        return []
    if dep in ("acomp", "advmod") and sense.lemma == "be":
        # "is due in Houston on Friday", "is back in Ballarat": the parser hangs the place on
        # "due" or "back".
        return [(c, 2, PathRole.HEAD) for prep in copula_phrases(child) for c in prep.children if c.dep_ == "pobj"]
    if dep in ("dobj", "nsubjpass") and sense.reading in (ObjectReading.PLACE, ObjectReading.EVENT):
        # "toured the damage in Asheville", "visited victims in Dar es Salaam": what is visited
        # is where its "in" phrase puts it, whatever it is; "attended the summit, held in Lisbon":
        # where the participle on it does. In the passive the subject is what was visited or
        # attended ("The summit, hosted in Lisbon, was attended by Scholz").
        return [(child, 1, PathRole.HEAD), *((place, 3, PathRole.HEAD) for place in _held_at(child))]
    if dep == "dobj" and sense.kind is TriggerKind.MOTION and child.lemma_.lower() in AREA_NOUNS:
        return [(child, 1, PathRole.HEAD)]  # "will travel the town of Gori"
    if dep in ("dobj", "dative") and sense.reading is ObjectReading.COMPANION:
        # "accompanying the actress in Athens": the parser hangs the place on the companion.
        return [(place, 3, PathRole.HEAD) for place in _set_at(child)]
    if dep == "agent" and sense.reading is ObjectReading.COMPANION and is_passive(trigger.token):
        # "was greeted by cheering crowds in Nairobi": and on the passive's agent.
        return [
            (place, 4, PathRole.HEAD) for agent in child.children if agent.dep_ == "pobj" for place in _set_at(agent)
        ]
    if dep == "advmod" and child.lower_ in _DESTINATION_ADVERBS:
        return _adverb_steps(child, sense.destination_preps)
    return []


def _set_at(token: Token) -> list[Token]:
    """The objects of a token's own "in", "at" or "near" phrases: where the parser sets the person,
    thing or adverb it hangs them on ("Xi in Beijing", "the damage in Asheville")."""
    return [
        place
        for prep in token.children
        if prep.dep_ == "prep" and static_phrase(prep)
        for place in prep.children
        if place.dep_ == "pobj"
    ]


def _held_at(thing: Token) -> list[Token]:
    """Where a thing is set by its own "in" phrase or by a participle on it ("the summit in
    Lisbon", "the summit, hosted in Lisbon", "talks held at the Elysee")."""
    return _set_at(thing) + [place for clause in thing.children if clause.dep_ == "acl" for place in _set_at(clause)]


# Parts of a day news writes after a bare weekday: "Thursday night", "Sunday morning".
_DAY_PARTS = frozenset(["morning", "afternoon", "evening", "night"])


def _weekday_part(token: Token) -> bool:
    """A part of the day compounded with a weekday: "Thursday night"."""
    return token.lower_ in _DAY_PARTS and any(
        c.dep_ == "compound" and c.lower_ in WEEKDAY_WORDS for c in token.children
    )


def _adverb_steps(adverb: Token, extra_preps: frozenset[str]) -> list[tuple[Token, int, PathRole]]:
    """ "travels next to X", "the move back to X": the destination hangs on the adverb."""
    return [
        (p, 3, PathRole.HEAD)
        for c in adverb.children
        if c.dep_ == "prep" and c.lower_ in _LOCATIVE_PREPS | extra_preps
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _next_steps(token: Token, depth: int, role: PathRole) -> list[tuple[Token, int, PathRole]]:
    steps: list[tuple[Token, int, PathRole]] = []
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN":
        # "met on the sidelines of the G7 summit in Hiroshima", "on the eve of talks in Geneva":
        # a part or a moment of a gathering is where the gathering is.
        steps.extend((gathering, depth + 1, role) for gathering in gatherings_of_part(token))
    if token.lower_ in WEEKDAY_WORDS or _weekday_part(token):
        # "appeared at the Harwinton Senior Center Sunday": news writes the day bare after the
        # venue, and the parser may make the day the phrase's noun with the venue compounded to it;
        # so with a part of the day ("arrived in Kyiv Thursday night": "night" heads all three).
        steps.extend((c, depth, role) for c in token.children if c.dep_ == "compound" and c.lower_ not in WEEKDAY_WORDS)
    # A police force's quarters are a place of its town: "taken to the Edgar County Sheriff's Department".
    is_noun_hub = token.pos_ in ("NOUN", "PROPN") and (
        lemma in LOCATIVE_NOUNS
        or lemma in NOUN_SENSES
        or lemma in DUTY_NOUNS | OPERATION_NOUNS
        or is_police_force(token)
    )
    if role is PathRole.MODIFIER and token.pos_ == "PROPN" and token.dep_ in ("compound", "poss"):
        # "at Leeds Magistrates' Court": the town heads a word of the venue's name, not its noun.
        steps.extend((c, depth + 1, role) for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN")
    for child in token.children:
        dep = child.dep_
        if dep in ("conj", "appos"):
            # "Moscow and Kyiv", "Moscow, Russia": same standing as the token they attach to.
            steps.append((child, depth + 1, role))
        elif dep == "npadvmod" and child.pos_ == "PROPN":
            steps.append((child, depth + 1, role))
        elif dep == "prep" and child.lower_ in SUBJECT_MATTER_PREPS and (lemma in EVENT_NOUNS or lemma in NOUN_SENSES):
            # "a conference on the future of Syria in Geneva": the parser hangs the gathering's
            # place on the topic after its "of" phrase; the topic itself is no place.
            steps.extend((place, depth + 2, role) for place in _topic_setting(child))
        elif dep == "prep" and (is_noun_hub or token.pos_ == "PROPN"):
            preps = _NOUN_PREPS | ({"of"} if lemma in AREA_NOUNS else set())
            if lemma in NOUN_SENSES and NOUN_SENSES[lemma].kind is TriggerKind.MOTION and lemma not in WAY_NOUNS:
                # "returned from a trip to Ghana": the trip's destination; not "stopped in Oslo on
                # his way to Berlin", whose destination the way tells with its own status.
                preps = preps | {"to", "into"} | ({"of"} if lemma == "tour" else set())
            if not is_noun_hub:
                # "near Yarrabah, near Cairns": a named place's "near" phrase only locates it.
                preps = preps - _LOCATOR_PREPS
            if child.lower_ in preps:
                steps.extend((c, depth + 2, role) for c in child.children if c.dep_ == "pobj")
        elif dep in _MODIFIER_DEPS and is_noun_hub:
            steps.append((child, depth + 1, PathRole.MODIFIER))
    return steps


def _topic_setting(prep: Token) -> list[Token]:
    """The places of the "in" or "at" phrase the parser hung on a gathering's topic that has an
    "of" phrase of its own ("on the future of Syria in Geneva" -> Geneva)."""
    return [
        place
        for topic in prep.children
        if topic.dep_ == "pobj" and any(c.dep_ == "prep" and c.lower_ == "of" for c in topic.children)
        for setting in topic.children
        if setting.dep_ == "prep" and setting.lower_ in ("in", "at")
        for place in setting.children
        if place.dep_ == "pobj"
    ]


def _most_specific(governed: list[GovernedPlace]) -> list[GovernedPlace]:
    if any(g.role is PathRole.HEAD for g in governed):
        governed = [g for g in governed if g.role is PathRole.HEAD]
    kept = [g for g in governed if not any(contains(g.place, other.place) for other in governed if other is not g)]
    # One place named twice (e.g. "Moscow ... in Moscow") is one event place.
    unique: dict[str, GovernedPlace] = {}
    for g in sorted(kept, key=lambda g: (g.depth, g.mention.start)):
        unique.setdefault(g.place.gazetteer_id, g)
    return sorted(unique.values(), key=lambda g: g.mention.start)


# How far from a county's point a town it holds may lie: counties are seldom 100 km across.
_COUNTY_REACH_KM = 60.0
_RANK = {Precision.COUNTRY: 0, Precision.ADMIN1: 1, Precision.ADMIN2: 2, Precision.CITY: 3, Precision.SITE: 4}


def contains(outer: Place, inner: Place) -> bool:
    """Whether `outer` is a country or region that holds `inner` ("Russia" holds "Moscow")."""
    if outer.gazetteer_id == inner.gazetteer_id or _RANK[outer.precision] >= _RANK[inner.precision]:
        return False
    if outer.precision is Precision.COUNTRY:
        return outer.country is not None and outer.country == inner.country
    if outer.precision is Precision.ADMIN1:
        return (
            outer.country == inner.country
            and inner.admin1 is not None
            and normalize_name(inner.admin1) == normalize_name(outer.admin1 or outer.name)
        )
    return False


def county_holds(county: Place, town: Place) -> bool:
    """Whether a county (or other second-level region) may hold a town: the gazetteer keeps no
    town's county, so a county of the town's region and country, its point near the town, stands
    for one that holds it ("Ipswich, Suffolk"; "arrested in Richmond ... the Madison County jail")."""
    return (
        county.precision is Precision.ADMIN2
        and town.precision in (Precision.CITY, Precision.SITE)
        and county.country == town.country
        and county.admin1 == town.admin1
        and distance_km(county.lat, county.lon, town.lat, town.lon) <= _COUNTY_REACH_KM
    )
