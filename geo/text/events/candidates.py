"""Every (person, place) pairing an article offers, described for the stop model to weigh.

The trigger rules (`extract`) read the clauses they know; news also puts people at places in
clauses no list of verbs foresees ("Kody Berrey and his passenger were ejected from the vehicle
in Holliday", "notables among the crowd included Harwinton's first selectman"). So every place
mention is paired with every person the same sentence refers to (by name, pronoun, description
or group), and each person acting in a sentence that names no place is paired with the scene the
article is set in (the dateline, or the place the sentences just before were at). Each
candidate carries features of the parse between the two, of the clause's verb, of the place and
of the article; `stop_model.StopModel` turns them into a probability.

    Candidate = person + place mention + the sentence that joins them
              + the status and date the clause gives + the rule event it repeats, if any

Features are names that are present (value 1) or absent; they describe grammar and discourse,
never words of particular articles, so that what is learnt carries to new text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Doc, Token

from geo.model import Event, EventStatus, Mention, MentionRole, Place, Precision
from geo.text.events.coreference import Coreference, Reference, relative_in_apposition
from geo.text.events.credits import is_credit_line
from geo.text.events.dating import ArticleDates, DateSource, EventDate
from geo.text.events.governance import contains, county_holds
from geo.text.events.grammar import (
    AUDIENCE_NOUNS,
    attends,
    clause_verb,
    dep_class,
    inside_quote,
    mourned,
    on_gathering,
    on_topic,
    path_features,
    path_length,
    preposition_of,
    talked_about,
    trigger_at,
    verb_features,
    verb_kind,
)
from geo.text.events.lexicon import (
    AREA_NOUNS,
    ATTACK_NOUNS,
    CONVEYANCE_VERBS,
    COURT_NOUNS,
    DIRECTING_FROM_VERBS,
    EVALUATING_VERBS,
    EVENT_NOUNS,
    FACILITY_NOUNS,
    INCIDENT_NOUNS,
    LOCATIVE_NOUNS,
    NEGATING_HEADS,
    PERSON_NOUNS,
    POLICING_NOUNS,
    RELATION_NOUNS,
    REMAINS_NOUNS,
    REMOTE_ACT_VERBS,
    REPORTING_VERBS,
    SENDING_VERBS,
    SPEAKING_FROM_VERBS,
    STATION_NOUNS,
    VEHICLE_NOUNS,
    lemma_in,
)
from geo.text.events.parsing import is_passive
from geo.text.events.people import Cast, Person
from geo.text.events.status import calls_off, event_status, status_at, taken_part_remotely
from geo.text.events.triggers import (
    NOUN_SENSES,
    VERB_SENSES,
    TriggerKind,
    lists_those_present,
    puts_in_doubt,
    reached_from_afar,
    represented,
    tells_a_birth,
    tells_repute,
)

__all__ = ["Candidate", "CandidateReader"]

_SCENE_SENTENCES_BACK = 3
_CONFIDENCE_STEPS = (0.4, 0.5, 0.6, 0.7, 0.8)
# What of a person's, as a clause's subject, goes where they go: their trip or stay, a gathering,
# their vehicle, their remains, their campaign or the time of their life there ("her years in
# Kyiv ended").
_OWN_PRESENCE_NOUNS = (
    frozenset(NOUN_SENSES)
    | LOCATIVE_NOUNS
    | VEHICLE_NOUNS
    | REMAINS_NOUNS
    | frozenset(["campaign", "time", "tenure", "years", "career", "life", "childhood", "stint", "visitor"])
)
# What of a person's is on their person, or carries them, so that what others do to it is done
# where they are: "treated his wounds at a hospital in Leeds", "stopped his truck in Leeds".
_ON_THEIR_PERSON = frozenset(
    "wound wounds injury injuries burn burns leg arm hand foot head face eye heart hip knee neck back"
    " blood temperature pulse condition truck van vehicle pickup suv motorcycle bicycle bike bus taxi".split()
)
# What of a person's goes where they go, when someone else's clause acts on it: all of the above
# but their homes and haunts ("searched his home in Parma" places the home, not him).
_PRESENT_WITH_ITS_OWNER = (
    (_OWN_PRESENCE_NOUNS - AREA_NOUNS - FACILITY_NOUNS) | EVENT_NOUNS | INCIDENT_NOUNS | _ON_THEIR_PERSON
)
# The phrases on a verb of sending that say where what is sent goes.
_SENT_TO = frozenset(["to", "into", "onto", "on", "against", "toward", "towards"])
_LOCAL = frozenset({Precision.CITY, Precision.SITE, Precision.ADMIN2})
# Words of a title whose town is where the holder acts on others ("Leeds police officer", "Cook
# County Circuit Judge"): a court sits and a force arrests in its town.
_JUDGING_TITLES = COURT_NOUNS | POLICING_NOUNS
# Where the sick are cared for, and the words that make a centre one ("Leeds Medical Center").
_CARE_VENUES = frozenset("hospital clinic infirmary hospice".split())
_CARE_WORDS = frozenset("medical health cancer trauma hospital".split())
# Who is where a body is by being its guest, not its member: "a patient at a hospital in Leeds".
_PRESENT_AS = frozenset(
    "patient inmate prisoner detainee guest visitor passenger spectator attendee participant".split()
)


@dataclass(slots=True)
class Candidate:
    """One person at one place mention, as one sentence may tell it."""

    person: Person
    mention: Mention
    sentence: int
    anchor: Token  # the verb (or noun) whose clause joins them
    status: EventStatus
    date: EventDate
    rule_event: Event | None = None  # the trigger rules' event for the same person and mention
    features: dict[str, float] = field(default_factory=dict)
    # The city the stop is in when the mention names only its country and the sentence or the
    # dateline names a city of that country ("arrived in Russia ... in Vladivostok").
    city: Mention | None = None
    # The word that names the person in the sentence (None for a rule's carried event).
    person_token: Token | None = None

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.person.name, self.mention.start, self.sentence)

    @property
    def place_mention(self) -> Mention:
        """The mention whose place the stop is at."""
        return self.city or self.mention


def _qualifiers(places: list[tuple[Mention, Token]], text: str) -> frozenset[int]:
    """Where each mention (of `places`, in text order) starts that only qualifies the town named
    right before it, a comma between: a first-level region or a country that holds the town."""
    return frozenset(
        mention.start
        for (before, _), (mention, _) in pairwise(places)
        if _qualifies(before.place, mention.place) and text[before.end : mention.start].strip() == ","
    )


def _reported_apart(place: Token, other: Token) -> bool:
    """Whether `place` lies in a clause a reporting verb governs ("said the crime continues in
    Winnipeg") that does not hold `other`."""
    clause = clause_verb(place)
    for _ in range(4):
        if clause.dep_ in ("ccomp", "parataxis") and lemma_in(clause.head, REPORTING_VERBS):
            return other.i not in {t.i for t in clause.subtree}
        if clause.head.i == clause.i or clause.dep_ not in ("ccomp", "parataxis", "conj", "advcl"):
            return False
        clause = clause.head
    return False


def _qualifies(town: Place, region: Place) -> bool:
    return town.precision in _LOCAL and (contains(region, town) or county_holds(region, town))


class CandidateReader:
    """Builds the candidates of one parsed article (the state `extract._ArticleReading` has)."""

    def __init__(
        self,
        doc: Doc,
        cast: Cast,
        coref: Coreference,
        mentions: Sequence[Mention],
        dates: ArticleDates,
        *,
        text: str,
        headline_end: int,
        trigger_tokens: frozenset[int],
    ) -> None:
        self.doc = doc
        self.cast = cast
        self.coref = coref
        self.dates = dates
        self.dateline = next((m for m in mentions if m.role is MentionRole.DATELINE and m.place is not None), None)
        self.headline_end = headline_end
        self.trigger_tokens = trigger_tokens
        self.sentences = dates.sentences
        person_tokens = frozenset(cast.token_person)
        # Usable place mentions with the token that heads each one, in text order.
        self.places: list[tuple[Mention, Token]] = []
        for mention in sorted(mentions, key=lambda m: m.start):
            if mention.place is None or mention.role is not MentionRole.PLACE:
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not len(span) or any(t.i in person_tokens for t in span):
                continue
            self.places.append((mention, span.root))
        # "Columbia, Missouri", "Lyon, France": the state or country after a town names no
        # place of its own, only which town is meant; nobody has a stop there apart from the town.
        self.qualifiers = _qualifiers(self.places, text)
        self.place_counts = Counter(m.place.gazetteer_id for m, _ in self.places)
        self.places_by_sentence: dict[int, list[tuple[Mention, Token]]] = {}
        for mention, root in self.places:
            self.places_by_sentence.setdefault(coref.sentence_index(root), []).append((mention, root))
        # The place tokens that name someone's home ("Marcus Delaney, 34, of Tampa").
        self.homes = frozenset(root.i for _, root in self.places if self._home_phrase(root))
        # Places where the story sets a gathering ("a town hall meeting in Santa Ana", "the
        # ceremony at the cemetery in Boscawen"): whoever takes part in it was there.
        # A qualifier ("a farm near Ipswich, Suffolk") only says which town is meant: the town
        # is the scene.
        self.gatherings = [
            (m, r)
            for m, r in self.places
            if on_gathering(r) and m.place.precision in _LOCAL and m.start not in self.qualifiers
        ]
        # The local place the story names most (first named on a tie): where it mostly is.
        local = Counter(m.place.gazetteer_id for m, _ in self.places if m.place.precision in _LOCAL)
        self.main_locale = local.most_common(1)[0][0] if local else None
        self.mention_counts = Counter(p.name for p in cast.people for _ in p.mentions)
        self.principal = self.mention_counts.most_common(1)[0][0] if self.mention_counts else None

    # ------------------------------------------------------------------ the candidates
    def candidates(self, rule_events: Iterable[Event]) -> list[Candidate]:
        """Every candidate of the article; each rule event is one too, marked as such."""
        # Two triggers may reach one mention ("visited Paris, where he had studied in 1990, on
        # Tuesday"): the surer reading stands for the pair, with its own date; a telling that names
        # the mention in its own sentence stands before one that carried it to a later sentence.
        rules: dict[tuple[str, int | None], Event] = {}
        for event in rule_events:
            key = (event.actor, event.mention_start)
            held = rules.get(key)
            if held is None or (event.told_with_its_place, event.confidence) > (
                held.told_with_its_place,
                held.confidence,
            ):
                rules[key] = event
        found: dict[tuple[str, int, int], Candidate] = {}
        for index, sentence in enumerate(self.sentences):
            references = self._references(sentence)
            if not references:
                continue
            places = self.places_by_sentence.get(index, [])
            # A wire's credit line places its reporters as `credits` reads it, and no one else.
            credit_line = is_credit_line(sentence)
            for person, tokens in references.items():
                for mention, root in places:
                    if mention.start in self.qualifiers:
                        continue
                    if credit_line and (person.name, mention.start) not in rules:
                        continue
                    token, how = min(tokens, key=lambda pair: path_length(pair[0], root))
                    candidate = self._candidate(person, how, token, mention, root, index, rules, scene=None)
                    if candidate is not None:
                        found.setdefault(candidate.key, candidate)
                if not credit_line:
                    self._add_scene(found, person, tokens, index, rules)
        # Rule events whose place lies outside their sentence (carried settings) join as they are.
        paired = {id(c.rule_event) for c in found.values() if c.rule_event is not None}
        for event in rules.values():
            if id(event) in paired or event.mention_start in self.qualifiers:
                continue
            if self._rule_misread(event):
                continue  # a firm's town as the person's place; "joined ... in Madrid remotely from Berlin"
            candidate = self._from_rule(event, self._sentence_of_char(event.evidence_start))
            if candidate is None:
                continue
            held = found.get(candidate.key)
            if held is None or (held.rule_event is None and any(f.startswith("scene=") for f in held.features)):
                # The rule's reading of the scene stands for the model's own pairing with it.
                found[candidate.key] = candidate
        for candidate in found.values():
            candidate.city = self._city_of(candidate)
        return list(found.values())

    def _rule_misread(self, event: Event) -> bool:
        """Whether a rule's event is at a place the sentence says is not the person's: the town of
        a body the person is told with (`_own_affiliation`), or a place the clause did not do its
        act at, having said where from (`_done_from_elsewhere`)."""
        root = next((root for mention, root in self.places if mention.start == event.mention_start), None)
        person = self.cast.person_named(event.actor)
        if root is None or person is None:
            return False
        return self._own_affiliation(root, person) or self._done_from_elsewhere(root, person)

    def _city_of(self, candidate: Candidate) -> Mention | None:
        """A city of the candidate's country named in its sentence, or the dateline's, if any."""
        place = candidate.mention.place
        if place is None or place.precision is not Precision.COUNTRY or place.country is None:
            return None
        places = self.places_by_sentence.get(candidate.sentence, [])
        country_root = next((r for m, r in places if m.start == candidate.mention.start), None)
        for mention, root in places:
            if mention.place.precision in _LOCAL and mention.place.country == place.country:
                # "fled to Mexico and may be hiding in Tijuana": a city told in a clause of
                # another status is no more where the trip went.
                if event_status(trigger_at(clause_verb(root))) is not candidate.status:
                    continue
                # "was trafficked across Canada and said the crime continues in Winnipeg": a city
                # in what someone reports is what the report tells of, not where the trip went.
                if country_root is not None and _reported_apart(root, country_root):
                    continue
                return mention
        dateline = self.dateline
        if dateline is not None and dateline.place.precision in _LOCAL and dateline.place.country == place.country:
            return dateline
        return None

    def _references(self, sentence) -> dict[Person, list[tuple[Token, str]]]:
        references: dict[Person, list[tuple[Token, str]]] = {}
        for token in sentence:
            reference: Reference | None = self.coref.refer(token)
            if reference is None or reference.how == "name-part":
                continue
            if self.coref.naming_apposition(token) is not None:
                continue  # "the driver, Theresa Pilkington": the name beside it is who it is
            if relative_in_apposition(token):
                continue  # "Mitchell, the father of NBA star Jalen Mitchell, stopped in": not the son
            for person in reference.people:
                references.setdefault(person, []).append((token, reference.how))
        return references

    def _add_scene(self, found, person: Person, tokens: list[tuple[Token, str]], index: int, rules) -> None:
        """The scene a person acting in a sentence is at, as one more candidate."""
        acting = [(t, how) for t, how in tokens if dep_class(t) in ("subject", "object", "appos")]
        if not acting:
            return
        token, how = acting[0]
        scene = self._scene_before(index)
        if scene is None:
            return
        mention, root, source = scene
        if source != "dateline" and self._time_moved(self.coref.sentence_index(root), index):
            return  # "Fall 1621 - ... William Bradford": a story's timeline leaves the scene's time
        homes = {m.place.gazetteer_id for m, r in self.places_by_sentence.get(index, []) if r.i in self.homes}
        if mention.place.gazetteer_id in homes:
            return  # "TAMPA (AP) — Marcus Delaney, 34, of Tampa, was arrested in Orlando"
        candidate = self._candidate(person, how, token, mention, root, index, rules, scene=source)
        if candidate is None:
            return
        if (
            candidate.status is not EventStatus.OCCURRED
            and candidate.rule_event is None
            and self._names_another(mention, index)
        ):
            return  # "NAIROBI — Ruto will visit Addis Ababa next week": a plan elsewhere, not the scene
        found.setdefault(candidate.key, candidate)

    def _time_moved(self, scene_sentence: int, index: int) -> bool:
        """Whether a sentence after the scene's, up to and with sentence `index`, sets its main
        clause in a year the scene's sentence is not in: the story has moved to another time,
        where its scene does not reach ("Fall 1621 - The first Thanksgiving ... William Bradford";
        not a year recalled in a clause of its own, "his Senate run against Joe Lieberman in 2006")."""
        scene_date = self.dates.main_clause_date(scene_sentence)
        if scene_date is not None and scene_date.start is not None:
            scene_year = scene_date.start.year
        else:  # told in the story's own time: the year of publication, if known
            scene_year = self.dates.published.year if self.dates.published is not None else None
        for told in range(scene_sentence + 1, index + 1):
            date = self.dates.main_clause_date(told)
            if date is not None and date.start is not None and date.start.year != scene_year:
                return True
        return False

    def _names_another(self, scene: Mention, sentence: int) -> bool:
        """Whether the sentence names a place other than the scene's."""
        return any(
            m.place.gazetteer_id != scene.place.gazetteer_id for m, _ in self.places_by_sentence.get(sentence, [])
        )

    def _scene_before(self, index: int) -> tuple[Mention, Token, str] | None:
        """Where the story is when a sentence names no place: the gathering it set last, the
        place the few sentences before were at (the latest city or finer), or the dateline."""
        gathering = next(((m, r) for m, r in reversed(self.gatherings) if self.coref.sentence_index(r) < index), None)
        if gathering is not None:
            return gathering[0], gathering[1], "gathering"
        for mention, root in reversed(self.places):
            sentence = self.coref.sentence_index(root)
            if sentence >= index:
                continue
            if index - sentence > _SCENE_SENTENCES_BACK:
                break
            if mention.place.precision in _LOCAL and mention.start not in self.qualifiers:
                return mention, root, "previous"
        if self.dateline is not None:
            span = self.doc.char_span(self.dateline.start, self.dateline.end, alignment_mode="expand")
            if span is not None and len(span):
                return self.dateline, span.root, "dateline"
        return None

    def _sentence_of_char(self, offset: int) -> int:
        for index, sentence in enumerate(self.sentences):
            if sentence.start_char <= offset < sentence.end_char + 1:
                return index
        return len(self.sentences) - 1

    def _from_rule(self, event: Event, sentence: int) -> Candidate | None:
        person = self.cast.person_named(event.actor)
        if person is None:
            return None
        mention = Mention(
            start=event.mention_start or 0, end=event.mention_end or 0, surface=event.place.name, place=event.place
        )
        anchor = self.sentences[sentence].root
        date = EventDate(event.date, DateSource.CLAUSE if event.date.iso() else DateSource.NONE)
        candidate = Candidate(person, mention, sentence, anchor, event.status, date, rule_event=event)
        candidate.features = self._rule_features(event) | {"carried": 1.0}
        return candidate

    def _candidate(
        self,
        person: Person,
        how: str,
        token: Token,
        mention: Mention,
        root: Token,
        sentence: int,
        rules,
        *,
        scene: str | None,
    ) -> Candidate | None:
        # "the funeral for Joe Lieberman was held in Stamford": the one mourned was not among those there.
        if mourned(token) or (scene is None and self._not_theirs(root, person, mention, sentence)):
            return None
        rule = rules.get((person.name, mention.start)) if scene is None else None
        if rule is None and talked_about(token):
            # "shared his thoughts on President Obama's first months": the person the sentence
            # pairs with the place is only talked about there.
            return None
        if rule is None and scene is None and self._told_of_a_thing_of_theirs(token, root):
            return None  # "Anna Weber's film was shot in Kyiv": the film's place
        if rule is None and scene is None and self._told_of_what_others_do_to_theirs(token, root, person):
            return None  # "police searched Ray Ortiz's home in Parma": the home's place
        if scene == "dateline":
            # "SEATTLE (AP) — Jassy arrived here": the rule read the dateline too.
            rule = rules.get((person.name, None))
            if rule is not None and rule.place.gazetteer_id != mention.place.gazetteer_id:
                rule = None
        anchor = clause_verb(root) if scene is None else clause_verb(token)
        if rule is not None:
            status, date = rule.status, EventDate(rule.date, DateSource.CLAUSE if rule.date.iso() else DateSource.NONE)
        else:
            status = event_status(trigger_at(anchor))
            if status is None:
                return None  # denied: "did not attend", "was unable to travel to"
            if lemma_in(anchor, NEGATING_HEADS) or calls_off(anchor):
                return None  # what the clause's verb calls off: "skipped the summit in Sydney", "pulled out of"
            if represented(anchor) and token.dep_ == "nsubjpass":
                return None  # "was represented at the event in Zaria by his chief of staff": absent
            if scene is None:
                status = status_at(status, anchor, root)  # "was flying from Rome to Madrid when": Rome was a stop
            if puts_in_doubt(anchor):
                status = EventStatus.SPECULATIVE  # "leaving in question his participation in the Tour"
            date = self.dates.date_for(anchor, status, other_triggers=self.trigger_tokens)
            if tells_a_birth(anchor) and self.dates.before_story_time(date.interval):
                return None  # "was born in Gainesville in 1884": background, not the story's time
            if status is EventStatus.OCCURRED and self.dates.after_publication(date.interval):
                status = event_status(trigger_at(anchor), future_date=True) or status
        if date.interval.iso() is None and status is EventStatus.OCCURRED:
            date = self.dates.narrative_date(anchor)
        candidate = Candidate(person, mention, sentence, anchor, status, date, rule_event=rule, person_token=token)
        candidate.features = self._features(candidate, how, token, root, scene)
        return candidate

    def _not_theirs(self, root: Token, person: Person, mention: Mention, sentence: int) -> bool:
        """Whether the sentence itself says the place is not where the person was."""
        return (
            on_topic(root)  # "discussed the situation in Haiti": where the talk is about
            # "Marcus Delaney, 34, of Tampa, was arrested in Orlando": a home, not a stop
            or (root.i in self.homes and self._told_elsewhere(mention, sentence))
            or self._told_of_a_relation(root, person)  # "Mary Cole, whose son was shot in Dayton"
            or self._reached_elsewhere(root, person)  # "she called her mother in Washington"
            or self._describes_another(
                root, person
            )  # "included Richard Koo, chief economist ... in Tokyo; Martin Wolf"
            or self._places_a_thing(root, person)  # "argued in documents filed in Clarke County Superior Court"
            or self._reported_of_others(root, person)  # "Eldridge said Cornwall police were alerted"
            or self._own_affiliation(root, person)  # "Ashley Hager of Halliburton in Charleston"
            or self._reached_by_what_is_sent(root, person)  # "ordered air strikes on Kyiv"
            or self._done_from_elsewhere(root, person)  # "joined the meeting in Madrid remotely from Berlin"
            or tells_repute(clause_verb(root))  # "is popular in Kyiv", "is wanted in Kyiv"
            or self._where_the_judges_are(root, person)  # "was criticized by officials in Kyiv"
        )

    def _where_the_judges_are(self, root: Token, person: Person) -> bool:
        """Whether the place is only where the passive's agent is, who need not be where the
        person is: those who judge the person in words ("Anna Weber was criticized by officials in
        Kyiv", "was praised by protesters in Kyiv"), or an obituary's survivors ("is survived by a
        daughter in Madrid")."""
        verb = clause_verb(root)
        if (verb.lemma_.lower() not in EVALUATING_VERBS and verb.lemma_.lower() != "survive") or not is_passive(verb):
            return False
        if not self._is_subject_of(verb, person, ("nsubjpass",)):
            return False
        return any(c.dep_ == "agent" and _within(root, c) for c in verb.children)

    @staticmethod
    def _told_of_a_thing_of_theirs(token: Token, root: Token) -> bool:
        """Whether the person is only the owner of the clause's subject, a thing or a following,
        and the place is the clause's: "Anna Weber's film was shot in Kyiv", "her supporters rallied
        in Kyiv", "his statue was unveiled in Kyiv". Not their trip, gathering, vehicle or remains
        ("her plane landed in Kyiv", "his body was found in Kyiv"), nor a relation, which has a
        reading of its own."""
        if token.dep_ != "poss":
            return False
        thing = token.head
        if thing.pos_ != "NOUN" or thing.dep_ not in ("nsubj", "nsubjpass"):
            return False
        lemma = thing.lemma_.lower()
        if lemma in _OWN_PRESENCE_NOUNS or lemma in PERSON_NOUNS or lemma in RELATION_NOUNS:
            return False
        verb = clause_verb(root)
        return thing.head.i == verb.i and not _within(root, thing)

    def _told_of_what_others_do_to_theirs(self, token: Token, root: Token, person: Person) -> bool:
        """Whether the person is only the owner of what someone else's clause acts on there:
        "police searched Ray Ortiz's home in Parma", "officials quarantined Thomas Duncan's family
        in Dallas", "the fire destroyed his barn near Halifax". Not their trip, gathering, incident,
        vehicle, remains or body ("attended her concert in Kyiv", "stopped his car in Kyiv",
        "found his body in Kyiv", "treated his wounds in Kyiv"), nor a clause that names them
        otherwise ("Tom Reed visited his family in Kyiv", "police found Tom Reed in his home")."""
        if token.dep_ != "poss":
            return False
        thing = token.head
        if thing.pos_ != "NOUN" or thing.lemma_.lower() in _PRESENT_WITH_ITS_OWNER:
            return False
        verb = clause_verb(root)
        link = thing.head
        if thing.dep_ == "pobj" and link.dep_ == "prep":
            link = link.head  # "searching for his car", "met with his family"
        if thing.dep_ not in ("dobj", "pobj") or link.i != verb.i:
            return False
        if not any(c.dep_ == "nsubj" for c in verb.children):
            return False  # whose act it is the clause does not say
        # "Peter Walsh watched as firefighters fought the fire at his house": there to watch.
        return all(t.dep_ == "poss" for t in self._references_in(token.sent, person))

    def _references_in(self, sentence, person: Person) -> list[Token]:
        """The tokens of `sentence` that mean `person` (a name once, by its head)."""
        return [
            t
            for t in sentence
            if (reference := self.coref.refer(t)) is not None
            and reference.how != "name-part"
            and person in reference.people
        ]

    def _reached_by_what_is_sent(self, root: Token, person: Person) -> bool:
        """Whether the place is only where what the person sends, orders or launches goes: "sent a
        letter to the summit in Kyiv", "ordered air strikes on Kyiv", "launched an attack on Kyiv",
        the person the active verb's subject. A place on the verb itself is where it is done
        ("sent the letter from Kyiv", "signed the order in Kyiv") and stays."""
        verb = clause_verb(root)
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if lemma_in(verb, REMOTE_ACT_VERBS):
            sent = objects + [c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in _SENT_TO]
        elif verb.lemma_.lower() == "launch":
            sent = [o for o in objects if o.lemma_.lower() in ATTACK_NOUNS]
        else:
            return False
        if not self._is_subject_of(verb, person, ("nsubj",)):
            return False
        for thing in sent:
            token = root
            while token.i != thing.i and token.head.i != token.i:
                if token.dep_ == "pobj" and token.head.lower_ == "from":
                    return False  # "sent the letter from Kyiv": where the sender was
                token = token.head
            if token.i == thing.i:
                return True
        return False

    def _done_from_elsewhere(self, root: Token, person: Person) -> bool:
        """Whether the place's clause says where its subject did it from, and the place is not
        there: "joined the meeting in Madrid remotely from Berlin", "pleaded guilty in Madrid via
        video link from Berlin", "oversaw the operation in Kharkiv from a command post in Kyiv",
        "spoke to the conference in Madrid from Berlin". The "from" place is where the person
        was; one that the clause tells of what was done is not. A journey's "from" is where it
        set out ("returned to Leeds from Madrid": both) and is not read so."""
        verb = clause_verb(root)
        origin = self._acted_from(verb)
        if origin is None or _within(root, origin):
            return False
        return self._is_subject_of(verb, person, ("nsubj", "nsubjpass"))

    def _is_subject_of(self, verb: Token, person: Person, deps: tuple[str, ...]) -> bool:
        """Whether a subject of `verb` (of the dependency labels `deps`) means `person`."""
        return any(c.dep_ in deps and person in self.coref.people_of(c) for c in verb.children)

    def _acted_from(self, verb: Token) -> Token | None:
        """The "from" phrase that says where `verb`'s subject was: a place the clause was done
        from afar from ("testified remotely from Berlin"), the place a verb of speaking or of
        watching over names ("spoke from Berlin", "runs the company from Leeds"), or a seat in a
        place ("from her office in Berlin") for any verb that moves no one."""
        children = list(verb.children)
        # The parser may hang the verb's adverb on its object: "joined the meeting remotely".
        manner = children + [a for o in children if o.dep_ == "dobj" for a in o.children if a.dep_ == "advmod"]
        place_roots = {r.i for _, r in self.places_by_sentence.get(self.coref.sentence_index(verb), [])}
        for preposition in children:
            if preposition.dep_ != "prep" or preposition.lower_ != "from":
                continue
            for seat in (c for c in preposition.children if c.dep_ == "pobj"):
                stationed = seat.lemma_.lower() in STATION_NOUNS and any(t.i in place_roots for t in seat.subtree)
                if not stationed and seat.i not in place_roots:
                    continue
                if taken_part_remotely(manner) or lemma_in(verb, SPEAKING_FROM_VERBS):
                    return preposition
                if lemma_in(verb, DIRECTING_FROM_VERBS) and not _heads_somewhere(verb):
                    return preposition  # not "ran from Leeds to Madrid"
                if stationed and not _moves_someone(verb):
                    return preposition
        return None

    def _own_affiliation(self, root: Token, person: Person) -> bool:
        """Whether the place only says where the body the person belongs to is: "Ashley Hager of
        Halliburton in Charleston", "Richard Koo, chief economist for Nomura Securities in Tokyo",
        "Lindsay Graham, a student at St. John's School in Lombard". The firm, the school or the
        station a name is told with says who the person is, as a title does, not where the story
        has them ("competed against Ann Cole of a bank in Leeds"); what the clause's verb does
        there ("worked at a bank in Leeds", "was treated at a hospital in Leeds") is not this."""
        if root.dep_ != "pobj" or root.head.lower_ not in ("in", "at"):
            return False
        body = root.head.head
        while body.dep_ == "compound" and body.head.i != body.i:
            body = body.head
        if body.pos_ not in ("NOUN", "PROPN") or self.coref.people_of(body):
            return False
        lemma = body.lemma_.lower()
        if lemma in EVENT_NOUNS or lemma in PERSON_NOUNS or lemma in RELATION_NOUNS:
            return False  # "Tom Reed of the meeting in Leeds", "Tom Reed of the family in Leeds"
        if lemma in _PRESENT_AS:
            return False  # "Tom Reed, a patient at a hospital in Leeds": there
        if lemma in _CARE_VENUES or any(c.lemma_.lower() in _CARE_WORDS for c in body.children):
            # "Paul Grant, the head doctor of the hospital in Leeds where the boy was treated": a
            # hospital's staff are where its patients are, whom the story is about.
            return False
        if body.dep_ == "appos" and root.head.lower_ == "in":
            holder = body  # "Richard Koo, chief economist in Tokyo"
        else:
            link = body.head
            if body.dep_ != "pobj" or link.dep_ != "prep" or link.lower_ not in ("of", "from", "for", "at"):
                return False
            holder = link.head
            # "at" only after a noun apposed to the name ("a student at"): "Tom Reed at the bank
            # in Leeds" may tell where he was.
            if link.lower_ == "at" and (holder.dep_ != "appos" or holder.lemma_.lower() in _PRESENT_AS):
                return False
        named = holder.head if holder.dep_ == "appos" else holder
        # "Twin sisters Anna and Mary Weber, students at ...": the apposition describes the list.
        holders = {holder, named, *named.conjuncts}
        return any(person in self.coref.people_of(t) for t in holders)

    def _reported_of_others(self, root: Token, person: Person) -> bool:
        """Whether the place lies in what the person reports of others: "Inspector David Eldridge
        said Devon and Cornwall police were alerted", "an officer was dragged by the car, a news
        release from District Attorney Jerome Gorman said". Who reports is where the report is
        made, not where what it tells happened; "Smith said he arrived in Leeds" and "Smith said
        police arrested him in Leeds" tell of Smith."""
        verb = clause_verb(root)
        reports = [c for c in verb.children if c.dep_ == "parataxis" and lemma_in(c, REPORTING_VERBS)]
        clause = verb
        for _ in range(4):
            if clause.dep_ not in ("ccomp", "parataxis") or clause.head.i == clause.i:
                break
            if lemma_in(clause.head, REPORTING_VERBS):
                reports.append(clause.head)
                break
            clause = clause.head
        sayers = [t for report in reports for c in report.children if c.dep_ == "nsubj" for t in c.subtree]
        if not any(person in self.coref.people_of(t) for t in sayers):
            return False
        reporting = {t.i for report in reports for t in report.subtree}
        return not any(person in self.coref.people_of(t) for t in verb.subtree if t.i not in reporting)

    def _places_a_thing(self, root: Token, person: Person) -> bool:
        """Whether the place is told of a thing by a participle on it ("documents filed in Clarke
        County Superior Court", "a company based in Leeds") and the person takes no part in that
        participle's clause ("a car driven by Tom Reed near Leeds" places its driver)."""
        verb = clause_verb(root)
        thing = verb.head
        if verb.dep_ != "acl" or verb.tag_ != "VBN" or thing.pos_ != "NOUN":
            return False
        lemma = thing.lemma_.lower()
        if lemma in PERSON_NOUNS or lemma in RELATION_NOUNS or lemma in EVENT_NOUNS:
            return False
        return not any(person in self.coref.people_of(t) for t in (thing, *verb.subtree))

    def _home_phrase(self, root: Token) -> bool:
        """A place in a person's "of" phrase ("Marcus Delaney, 34, of Tampa", "Danielle Taylor of
        Paris"): where the person lives, which the guidelines do not count as a stop by itself."""
        token = root
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        if token.dep_ != "pobj" or token.head.lower_ != "of":
            return False
        return bool(self.coref.people_of(token.head.head))

    def _told_elsewhere(self, home: Mention, sentence: int) -> bool:
        """Whether the sentence names another place, not a home, for what it tells: then the home
        is only that. Alone ("Geneva Morgan, of Glasgow, had been driving ... when she stopped"),
        a local story's home town is often where it happens."""
        return any(
            m.place.gazetteer_id != home.place.gazetteer_id and r.i not in self.homes
            for m, r in self.places_by_sentence.get(sentence, [])
        )

    def _reached_elsewhere(self, root: Token, person: Person) -> bool:
        """Whether the place's clause tells someone else reached from afar there ("called her
        mother in Washington"): the place is the one reached's, not the caller's."""
        reached = reached_from_afar(clause_verb(root))
        return reached is not None and person not in self.coref.people_of(reached)

    def _told_of_a_relation(self, root: Token, person: Person) -> bool:
        """Whether the place's clause has for subject someone's relation or acquaintance ("whose
        son was shot in Dayton", "his wife was arrested in Leeds") who is not the person."""
        subjects = [c for c in clause_verb(root).children if c.dep_ in ("nsubj", "nsubjpass")]
        # "Mr. Weber, her husband, arrived in Madrid": the relation may be the subject's apposition.
        relations = [*subjects, *(c for s in subjects if s.pos_ == "PROPN" for c in s.children if c.dep_ == "appos")]
        return any(
            s.pos_ == "NOUN"
            and (s.lemma_.lower() in PERSON_NOUNS or s.lemma_.lower() in RELATION_NOUNS)
            and any(c.dep_ == "poss" for c in s.children)
            # "The couple's daughter, Maranda Finney, is in school at": the apposition names her.
            and all(
                person not in self.coref.people_of(t)
                for t in (s, s.head if s.dep_ == "appos" else s, *(c for c in s.children if c.dep_ == "appos"))
            )
            for s in relations
        )

    def _describes_another(self, root: Token, person: Person) -> bool:
        """Whether the place lies in an apposition that describes someone else: "Richard Koo,
        chief economist for Nomura Securities in Tokyo" places Koo's work, not the others listed;
        or in the home someone else is "of" ("Williams, along with James Garnes, 39, of Pomeroy in
        Meigs County, was charged"). Not a firm or a hospital someone is "of" ("said Andrea Breaux
        of Alameda County Medical Center"), which may be where the story is. Or in the title
        before someone else's name ("organised by Leeds council leader Tom Reed and York council
        leader Ann Cole" gives Cole no Leeds); not a court's or a police force's, whose town is
        where whom it judges or arrests was ("Cook County Judge Ann Reed sentenced Tom Smith")."""
        token, apposition, home, title = root, None, False, True
        for _ in range(8):
            if token.dep_ == "appos":
                apposition = token
            elif token.dep_ not in ("pobj", "prep", "compound", "amod", "nmod", "poss", "conj"):
                return False
            home = home or token.i in self.homes
            title = title and token.dep_ in ("compound", "poss") and token.lemma_.lower() not in _JUDGING_TITLES
            token = token.head
            if title and (own := set(self.coref.people_of(token))):
                # "Notables among the crowd included Harwinton First Selectman Frank Chiaramonte,
                # Litchfield Selectman Marsha Bernstein": who a list of those present names is at
                # its gathering, which the town of one title may name.
                return person not in own and not lists_those_present(clause_verb(root))
            # "Lindsay and Charlotte Graham, students at ...": an apposition after a coordination
            # describes all of it; "Ruth Ames, a professor ...; Paul Grant" only what precedes it.
            before = [c for c in token.conjuncts if apposition is None or c.i < apposition.i]
            people = {p for t in (token, *before) for p in self.coref.people_of(t)}
            if people:
                return (apposition is not None or home) and person not in people
        return False

    # ------------------------------------------------------------------ the features
    def _rule_features(self, event: Event) -> dict[str, float]:
        # Every feature is 0 or 1 (a number as steps), so that learnt thresholds never sit on a value.
        steps = {f"rule_confidence>={step}": 1.0 for step in _CONFIDENCE_STEPS if event.confidence >= step}
        return {"rule": 1.0, f"status={event.status}": 1.0} | steps

    def _features(self, c: Candidate, how: str, token: Token, root: Token, scene: str | None) -> dict[str, float]:
        f: dict[str, float] = {"bias_candidate": 1.0}
        if c.rule_event is not None:
            f |= self._rule_features(c.rule_event)
        else:
            f[f"status={c.status}"] = 1.0
        f[f"how={how}"] = 1.0
        f[f"person_dep={dep_class(token)}"] = 1.0
        place = c.mention.place
        f[f"precision={place.precision}"] = 1.0
        count = self.place_counts[place.gazetteer_id]
        f[f"place_count={min(count, 3)}"] = 1.0
        if self.dateline is not None and self.dateline.place.gazetteer_id == place.gazetteer_id:
            f["is_dateline_place"] = 1.0
        if self.dateline is not None and self.dateline.place.country == place.country:
            f["dateline_country"] = 1.0
        mentions = self.mention_counts[c.person.name]
        f[f"person_mentions={min(mentions, 4)}"] = 1.0
        if c.person.name == self.principal:
            f["principal"] = 1.0
        if token.idx < self.headline_end:
            f["headline"] = 1.0
        f[f"sentence={min(c.sentence, 4)}"] = 1.0
        # A story's act that lasted years is told in its time as any other, only with no date.
        told = c.date.interval.iso() or c.date.source == DateSource.NARRATIVE
        f[f"date={c.date.source if told else 'none'}"] = 1.0
        f.update(verb_features(c.anchor))
        if inside_quote(token) or inside_quote(root):
            f["quoted"] = 1.0
        sentence = self.sentences[c.sentence]
        if any(t.pos_ == "NOUN" and t.lemma_.lower() in EVENT_NOUNS | AUDIENCE_NOUNS for t in sentence):
            f["gathering_in_sentence"] = 1.0
        if c.person.title_words:
            f["titled"] = 1.0
        if len(c.person.name.split()) == 1:
            f["one_word_name"] = 1.0
        if self.gatherings:
            f["article_has_gathering"] = 1.0
        if place.gazetteer_id == self.main_locale:
            f["main_locale"] = 1.0
        if attends(token):
            f["person_attends"] = 1.0
        if scene is not None:
            f[f"scene={scene}"] = 1.0
            f[f"scene={scene}&verb={verb_kind(c.anchor)}"] = 1.0
            f[f"scene={scene}&person_mentions={min(mentions, 4)}"] = 1.0
            if "person_attends" in f:
                f[f"scene={scene}&person_attends"] = 1.0
            distance = c.sentence - self.coref.sentence_index(root)
            f[f"scene_distance={'<3' if distance < 3 else '<6' if distance < 6 else '6+'}"] = 1.0
            return f
        if on_gathering(root):
            f["place_on_gathering"] = 1.0
        if c.mention.venue:
            # The town of a venue the text names ("appeared at the Harwinton Senior Center").
            f["venue"] = 1.0
        f.update(path_features(token, root))
        # Pairs of the strongest signals, which a linear model cannot combine by itself:
        # "in X" means presence after "died", not after "said"; a subject differs from an apposition.
        prep, verb, dep = preposition_of(root), verb_kind(c.anchor), dep_class(token)
        f[f"prep={prep}&verb={verb}"] = 1.0
        f[f"prep={prep}&person_dep={dep}"] = 1.0
        f[f"how={how}&person_dep={dep}"] = 1.0
        if "same_clause" in f:
            f[f"same_clause&prep={prep}"] = 1.0
        people_here = {p for t in sentence for p in self.coref.people_of(t)}
        f[f"people_in_sentence={min(len(people_here), 3)}"] = 1.0
        places_here = len(self.places_by_sentence.get(c.sentence, []))
        f[f"places_in_sentence={min(places_here, 3)}"] = 1.0
        return f


def _within(token: Token, phrase: Token) -> bool:
    """Whether `token` lies in the phrase `phrase` heads."""
    return phrase.left_edge.i <= token.i <= phrase.right_edge.i


def _moves_someone(verb: Token) -> bool:
    """Whether a verb tells a journey or a person moved, whose "from" is where it set out:
    "returned from her home in Leeds", "was rushed from his house in York to hospital"."""
    sense = VERB_SENSES.get(verb.lemma_.lower())
    if sense is not None and sense.kind is TriggerKind.MOTION:
        return True
    if lemma_in(verb, CONVEYANCE_VERBS) or lemma_in(verb, SENDING_VERBS):
        return True
    return _heads_somewhere(verb)


def _heads_somewhere(verb: Token) -> bool:
    """Whether a verb takes a destination: "ran from Leeds to Madrid"."""
    return any(c.dep_ == "prep" and c.lower_ in ("to", "into", "toward", "towards") for c in verb.children)
