"""Who takes part in a trigger's event: its actors and the companions who were there with them.

Actors are the grammatical subject, whatever clause reports it ("Putin told media Kim travels
next to ...": Kim travels). A clause without a subject of its own borrows one:

- a to-clause: its controller ("Lavrov is expected to visit"; "invited Kim to visit" -> Kim);
- a relative clause: its antecedent, or the name a description it hangs on is apposed to
  ("Nina Pham, a nurse who arrived in Dallas": Pham arrived);
- a coordinated verb: the first verb's subject ("Kim met Putin and visited ...");
- "Since entering Russia, Kim ...", "During a summit ..., Kim": the main clause's subject;
- a participle right after a noun phrase: that noun ("video showing Kim's train pulling into"),
  unless a subordinator opens it ("caught the virus while visiting Guinea": the catcher visits);
- a fronted participle with "is" after it: the name that follows ("Accompanying the actress in
  Athens is Peter Lichtenthal").

- a finite past verb the parser hung on a name as a modifier: that name ("Hickson, who pleaded
  guilty, chopped up ...": a reduced relative is a participle, never a past tense);
- "Today Georgia skates in ...", the verb misread as a noun: the name compounded with it.

A name apposed after a coordinated title is one more member of the list ("met President
Saakashvili and Defense Minister, Davit Sikharulidze", which the parser hangs on the first name),
and a plural noun with examples means them ("performances by artists such as Peter Gabriel,
Ludacris"). An occupation apposed to a name ("Underwood, a family practitioner in ...") is that
name's. A vehicle or delegation stands for its owner ("Kim's train" -> Kim). Companions come from the
object of meeting verbs ("met Putin", "hosted Kim"), "with" ("met with", "held talks with"),
the agent of a passive ("was welcomed by") and "accompanied by". Nominal events take their
possessor ("Kim's trip", "their meeting"), name compounds ("the Putin-Kim meeting"), "by"/"with"
phrases, or the subject of the verb that makes them ("paid a visit", "accepted an invitation");
what a trip includes is its traveller's ("Modi's tour will include stops in Japan"). Someone said to
be among a group takes part in what the group did ("was among the passengers who landed in
Miami", "among those killed in Kabul"), and a noun predicated of a subject means it ("Lee became the
first person diagnosed in Dallas").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from geo.text.events.coreference import Coreference, Reference, relative_in_apposition
from geo.text.events.lexicon import (
    ACTIVE_CUSTODY_VERBS,
    CARE_VERBS,
    CONVEYING_MOTION_VERBS,
    VEHICLE_NOUNS,
    carried_by_light_verb,
    lemma_in,
)
from geo.text.events.parsing import is_passive
from geo.text.events.people import Person
from geo.text.events.triggers import (
    NOUN_SENSES,
    ObjectReading,
    Trigger,
    TriggerKind,
    charged_act,
    is_misread_present_verb,
    remains_owner,
    verdict_clause,
)

__all__ = ["Participants", "participants_of"]

_OBJECT_CONTROL = frozenset(["invite", "ask", "urge", "allow", "persuade", "tell", "encourage", "order"])
_ACCEPTING = frozenset(["accept", "take"])
_FRAME_PREPS = frozenset({"during", "at", "on", "after", "before", "following", "throughout"})
_COMPANION_VERBS = frozenset(["accompany", "escort", "join"])
# Nouns of one body of people whose examples are its members: "her delegation, including Tom Reed".
_GROUP_NOUNS = frozenset(
    "delegation entourage team group party crew contingent squad convoy motorcade caravan panel committee".split()
)
_HOLDING_OR_CARING = ACTIVE_CUSTODY_VERBS | CARE_VERBS
_MAX_CLIMB = 6
_RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


@dataclass(frozen=True, slots=True)
class Participants:
    """The actors of an event, the companions there with them, and how the actors were found."""

    actors: tuple[Person, ...] = ()
    companions: tuple[Person, ...] = ()
    how: str = ""  # "name", "pronoun", "description", "group", "inherited"...
    group_sentence: int | None = None  # a group reference found its members in this sentence

    @property
    def everyone(self) -> tuple[Person, ...]:
        seen: list[Person] = []
        for person in self.actors + self.companions:
            if person not in seen:
                seen.append(person)
        return tuple(seen)


def participants_of(trigger: Trigger, coref: Coreference) -> Participants:
    """Actors and companions of `trigger`'s event; empty actors when no person is found."""
    if trigger.sense.kind is TriggerKind.INVITATION:
        return _invitation(trigger.token, coref)
    if trigger.nominal:
        return _nominal(trigger.token, coref)
    return _verbal(trigger, coref)


def _verbal(trigger: Trigger, coref: Coreference) -> Participants:
    verb = trigger.token
    references = _subject_references(verb, coref)
    actors = _people(references)
    if trigger.sense.reading in (ObjectReading.TRAVELLER, ObjectReading.SENT, ObjectReading.LISTED):
        # "the trip took him to Hanoi": the object goes, and a person subject with it; "sent
        # nurse Laura Byrne to Freetown", "Guests included Angela Merkel": the object alone.
        carried = [r for c in verb.children if c.dep_ == "dobj" for r in _references_of(c, coref)]
        verdict = verdict_clause(verb)
        if verdict is not None:
            # "a Leeds jury found Tom Reed guilty": the verdict's subject stood before the court.
            carried += [r for c in verdict.children if c.dep_ == "nsubj" for r in _references_of(c, coref)]
        if trigger.sense.reading in (ObjectReading.SENT, ObjectReading.LISTED):
            actors, references = _people(carried), carried
        else:
            actors = _unique(_people(carried) + actors)
            references = carried + references
    if not actors and (trigger.sense.reading in (ObjectReading.PLACE, ObjectReading.EVENT) or _held_or_cared_for(verb)):
        # "The summit was attended by Scholz", "Kyiv was visited by Blinken": the passive's agent
        # is who went; its subject is the gathering or the place. "The boy was treated at a
        # hospital in Tucson by Dr. Jane Doe", "the man was arrested at a motel by Deputy Mike
        # Smith": who held or cared for someone unnamed was there to do it.
        agents = _agent_references(verb, coref)
        if agents:
            actors, references = _people(agents), agents
    companions: list[Person] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and (
            trigger.sense.reading is ObjectReading.COMPANION
            # "visited Tom Reed in a hospital in Paris": the person visited is there too.
            or (child.dep_ == "dobj" and trigger.lemma == "visit")
            or (child.dep_ == "dobj" and _conveys_someone(verb, trigger))
        ):
            companions.extend(_people(_references_of(child, coref)))
        elif (child.dep_ == "prep" and child.lower_ in ("with", "alongside")) or child.dep_ == "agent":
            companions.extend(p for c in child.children if c.dep_ == "pobj" for p in _people(_references_of(c, coref)))
        elif child.dep_ in ("advcl", "acl", "conj") and child.lemma_.lower() in _COMPANION_VERBS:
            companions.extend(_companions_of_clause(child, coref))
        elif child.dep_ in ("nsubj", "nsubjpass"):
            # "Rita Vance, accompanied by Tom Reed, arrived": the parser hangs the participle on the subject.
            companions.extend(
                p
                for clause in child.children
                if clause.dep_ == "acl" and clause.lemma_.lower() in _COMPANION_VERBS
                for p in _companions_of_clause(clause, coref)
            )
        elif child.dep_ == "advmod" and child.lower_ in ("together", "along"):
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ == "with":
                    companions.extend(
                        p for c in prep.children if c.dep_ == "pobj" for p in _people(_references_of(c, coref))
                    )
    return _assembled(actors, companions, references)


def _conveys_someone(verb: Token, trigger: Trigger) -> bool:
    """Whether a verb of driving or flying takes its object somewhere in the active: "Robert
    Perez drove Moore and Greene to Lanexa", "flew his daughter to Madrid" (the driver goes, and
    whom he drives with him); not "drove the car to Leeds", whose object is no one."""
    return (
        trigger.sense.kind is TriggerKind.MOTION
        and trigger.lemma in CONVEYING_MOTION_VERBS
        and not is_passive(verb)
        and any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into") for c in verb.children)
    )


def _held_or_cared_for(verb: Token) -> bool:
    """A passive of taking or caring for someone in person: "was arrested by", "was treated by".
    Not one of sending or carrying ("the bill was sent to the Duma by Medvedev"), or of any other
    act ("the study was carried out by")."""
    return is_passive(verb) and lemma_in(verb, _HOLDING_OR_CARING)


def _agent_references(verb: Token, coref: Coreference) -> list[Reference]:
    """The references of a passive verb's "by" agent; none when the verb is not passive."""
    if not is_passive(verb) and verb.dep_ != "acl":
        return []
    return [r for agent in _agent_objects(verb) for r in _references_of(agent, coref)]


def _agent_objects(verb: Token) -> list[Token]:
    """The objects of a verb's "by" agent: "attended by Scholz", "a team led by Dr. Peter Piot"."""
    return [p for child in verb.children if child.dep_ == "agent" for p in child.children if p.dep_ == "pobj"]


def _companions_of_clause(clause: Token, coref: Coreference) -> list[Person]:
    """ "accompanied by Manturov" -> Manturov; "joined by X" likewise."""
    people: list[Person] = []
    for child in clause.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    people.extend(_people(_references_of(pobj, coref)))
    return people


def _subject_references(verb: Token, coref: Coreference) -> list[Reference]:
    """The references of the subject of `verb`, borrowed from a governing clause if it has none."""
    current = verb
    if verb.pos_ == "NOUN" and is_misread_present_verb(verb):
        # "Today Georgia skates in Red Deer": the parser made the subject a compound of the verb.
        return _references_of(verb.doc[verb.i - 1], coref)
    for _ in range(_MAX_CLIMB):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and current.dep_ == "relcl" and subjects[0].lower_ in _RELATIVE_PRONOUNS:
            subjects = [_antecedent(current.head, coref)]  # "Xi, who arrived in Moscow": the relative means Xi
        if not subjects:
            subjects = _name_read_as_adverb(current, coref)
        if subjects:
            return [r for s in subjects for r in _references_of(s, coref)]
        inverted = _inverted_subject(current)
        if inverted is not None:
            return _references_of(inverted, coref)
        borrowed = _controller(current)
        if borrowed is None:
            return []
        if isinstance(borrowed, list):
            return [r for s in borrowed for r in _references_of(s, coref)]
        current = borrowed
    return []


def _name_read_as_adverb(verb: Token, coref: Coreference) -> list[Token]:
    """A person's name before a verb that the parser took for an adverb, leaving the verb without
    a subject: "Kent Brantly was flown to Atlanta", "Sean Connolly arrived in Dublin" (a surname
    ending in "-ly" read as "quickly" is)."""
    return [
        c
        for c in verb.children
        if c.dep_ == "advmod" and c.tag_ == "NNP" and c.i < verb.i and coref.refer(c) is not None
    ]


def _antecedent(noun: Token, coref: Coreference) -> Token:
    """Whom a relative clause on `noun` tells of: the name a description that means nobody by
    itself is apposed to ("Nina Pham, a nurse who arrived in Dallas", "Paul Grant, the firefighter
    who was injured in Akron": the nurse is Pham), else the noun itself."""
    if noun.dep_ == "appos" and noun.pos_ == "NOUN" and coref.refer(noun) is None and coref.refer(noun.head):
        return noun.head
    return noun


def _inverted_subject(verb: Token) -> Token | None:
    """ "Accompanying the actress in Athens is Peter Lichtenthal": the name after "is"."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("ROOT", "csubj"):
        return None
    if any(not (t.is_space or t.is_punct) for t in verb.doc[verb.sent.start : verb.i]):
        return None  # the participle opens the sentence
    if verb.dep_ == "csubj":
        # "Accompanying X is Y" parsed as a clausal subject of "is".
        copula = verb.head if verb.head.lemma_.lower() == "be" else None
    else:
        copula = next((c for c in verb.children if c.dep_ == "aux" and c.lemma_.lower() == "be" and c.i > verb.i), None)
    if copula is None:
        return None
    # The parser hangs the name on the participle or on "is".
    candidates = list(verb.children) + list(copula.children)
    return next((c for c in candidates if c.dep_ in ("attr", "nsubj") and c.i > copula.i), None)


def _controller(clause: Token) -> Token | list[Token] | None:
    """Where a subject-less clause gets its subject: a verb to climb to, or the subject tokens."""
    dep, head = clause.dep_, clause.head
    if head.i == clause.i:
        return None
    if dep == "xcomp":
        objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        if head.lemma_.lower() in _OBJECT_CONTROL and objects:
            return objects
        return head
    if dep in ("conj", "dep") and head.pos_ in ("VERB", "AUX"):
        return head  # "will arrive at 3 p.m., then take part in": the parser's "dep" coordinates
    if clause.tag_ in ("VBG", "VBN") and dep in ("advcl", "acl", "xcomp", "ccomp"):
        left = clause.doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
        # "showing Kim's train pulling into": the noun right before the participle is its subject;
        # not across a subordinator ("caught the virus while visiting patients in": the catcher's).
        opened = any(c.dep_ == "mark" for c in clause.children)
        if left is not None and not opened and left.pos_ in ("NOUN", "PROPN") and left.dep_ in ("dobj", "pobj"):
            return [left]
        if dep == "acl" and (head.pos_ in ("NOUN", "PROPN") or head.lower_ == "those"):
            return [head]  # "the men arrested in Leeds", "those killed in the attack"
    if dep == "acl" and clause.tag_ == "VBD" and head.pos_ == "PROPN":
        # "Hickson, who pleaded guilty ..., chopped up": a finite past verb is no reduced
        # relative (those are participles), so the name it hangs on is its subject.
        return [head]
    if dep in ("acomp", "attr"):
        return head  # "is likely to visit": the subject of "is"
    if dep == "acl" and clause.tag_ == "VB" and head.dep_ in ("dobj", "attr", "nsubj"):
        return head.head  # "has plans to visit", "accepted an invitation to visit": that verb's subject
    if dep == "pcomp" and head.dep_ == "prep":
        anchor = head.head
        accused = [c for c in anchor.children if c.dep_ == "dobj"]
        if accused and charged_act(clause):
            return accused  # "Police accused Ray Ortiz of shooting a man in Norman": Ortiz shot
        if anchor.dep_ in ("npadvmod", "advmod") and anchor.head.pos_ in ("VERB", "AUX"):
            return anchor.head  # "Hours after landing in Tokyo, Blinken met": the measure hangs on "met"
        return anchor
    if dep == "pobj" and head.dep_ == "prep" and head.lower_ in _FRAME_PREPS:
        return head.head
    if dep in ("advcl", "acl", "relcl") and head.pos_ in ("VERB", "AUX"):
        return head
    return None


def _references_of(token: Token, coref: Coreference) -> list[Reference]:
    """The people a subject or object token means, with its coordinated tokens."""
    # Not "Jalen Mitchell" in "Mitchell, the father of NBA star and standout Jalen Mitchell,
    # visited", which the parser may coordinate with the subject: the son is no subject.
    tokens = [token] + [c for c in token.conjuncts if c.i > token.i and not relative_in_apposition(c)]
    references: list[Reference] = []
    for item in tokens:
        reference = coref.refer(item)
        if (named := coref.naming_apposition(item)) is not None:
            # "The nurses, Emma Clarke and Joan Price, were evacuated": each name it lists.
            reference = coref.refer(named)
            references.extend(r for c in named.conjuncts if (r := coref.refer(c)) is not None)
        if reference is None:
            # "A delegation led by Khalil Abu Marzouk arrived in Cairo": the group's leader went too.
            references.extend(r for leader in _leaders(item) for r in _references_of(leader, coref))
        if reference is None and item.lemma_.lower() in VEHICLE_NOUNS:
            # "Kim's train", "the president's motorcade": the owner travels with it.
            owner = next((c for c in item.children if c.dep_ == "poss"), None)
            reference = None if owner is None else coref.refer(owner)
        if reference is None and (owner := remains_owner(item)) is not None:
            # "The bodies of Amir and Gerard were found in a Raytown apartment": the dead were there.
            references.extend(_references_of(owner, coref))
        if (reference is None and item.tag_ in ("NNS", "NNPS")) or item.lemma_.lower() in _GROUP_NOUNS:
            # "artists such as Peter Gabriel, Ludacris ...", "leaders including X", "three
            # Americans, including aid worker Sarah Jenkins": the examples; a body of people's
            # members beside its owner ("her delegation, including Tom Reed").
            references.extend(r for example in _examples(item) for r in _references_of(example, coref))
        if reference is None:
            # "Lopez was among the passengers who landed in Miami", "among those killed in"; "Lee
            # became the first person diagnosed in Dallas": the group or noun said of a subject.
            described = _members_among(item) + _described_subjects(item)
            references.extend(r for subject in described for r in _references_of(subject, coref))
        if reference is not None:
            references.append(reference)
    references.extend(_misattached_list_member(token, coref))
    return references


_LEADING_VERBS = frozenset(["lead", "head", "accompany"])


def _leaders(group: Token) -> list[Token]:
    """Who leads a group the text names: "a team led by Dr. Peter Piot", "headed by"."""
    return [
        leader
        for clause in group.children
        if clause.dep_ == "acl" and clause.lemma_.lower() in _LEADING_VERBS
        for leader in _agent_objects(clause)
    ]


def _members_among(group: Token) -> list[Token]:
    """The subject said to be among a group: "Lopez was among the passengers" -> Lopez; "was among
    dozens of protesters detained", "was one of three reporters arrested" -> the subject too."""
    while group.dep_ == "pobj" and group.head.lower_ == "of" and group.head.head.i != group.head.i:
        group = group.head.head  # "dozens of protesters", "one of three reporters"
    prep = group.head
    if group.dep_ == "attr" and group.lower_ == "one" and prep.lemma_.lower() == "be":
        return [c for c in prep.children if c.dep_ == "nsubj"]
    if group.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "among" or prep.head.lemma_.lower() != "be":
        return []
    return [c for c in prep.head.children if c.dep_ == "nsubj"]


def _described_subjects(noun: Token) -> list[Token]:
    """The subject a noun is predicated of: "Lee became the first person ..." -> Lee."""
    if noun.dep_ != "attr" or noun.pos_ != "NOUN" or noun.head.lemma_.lower() not in ("be", "become", "remain"):
        return []
    return [c for c in noun.head.children if c.dep_ == "nsubj"]


def _examples(noun: Token) -> list[Token]:
    """The first example a plural noun gives: "artists such as X", "leaders including X"."""
    return [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in ("as", "including", "like")
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _misattached_list_member(token: Token, coref: Coreference) -> list[Reference]:
    """ "met President Saakashvili and Defense Minister, Davit Sikharulidze": the parser hangs the
    last title's name on the first name; a name apposed after a coordinated title is one more member."""
    found = []
    own = coref.refer(token)
    for child in token.children:
        if child.dep_ != "appos" or not any(c.i < child.i for c in token.conjuncts if c.i > token.i):
            continue
        reference = coref.refer(child)
        if reference is not None and (own is None or reference.people != own.people):
            found.append(reference)
    return found


def _nominal(noun: Token, coref: Coreference) -> Participants:
    references, companions = _nominal_references(noun, coref)
    return _assembled(_people(references), companions, references)


def _assembled(actors: list[Person], companions: list[Person], references: list[Reference]) -> Participants:
    """The participants: the actors, the companions who are not actors, and how the actors were
    found (the first reference's way; the sentence a group reference found its members in)."""
    how = references[0].how if references else ""
    group = next((r.sentence for r in references if r.how == "group"), None)
    return Participants(tuple(actors), tuple(p for p in _unique(companions) if p not in actors), how, group)


def _nominal_references(noun: Token, coref: Coreference) -> tuple[list[Reference], list[Person]]:
    """Who takes part in the event a noun names, and who goes along."""
    references: list[Reference] = []
    companions: list[Person] = []
    for child in noun.children:
        if child.dep_ == "poss":
            references.extend(_references_of(child, coref))
        elif child.dep_ == "compound":
            references.extend(r for r in [coref.refer(child)] if r is not None)
        elif child.dep_ == "prep" and child.lower_ in ("by", "of", "between"):
            references.extend(r for c in child.children if c.dep_ == "pobj" for r in _references_of(c, coref))
        elif child.dep_ == "prep" and child.lower_ == "with":
            companions.extend(p for c in child.children if c.dep_ == "pobj" for p in _people(_references_of(c, coref)))
    if not references and noun.dep_ == "appos":
        # "Underwood, a family practitioner in New Hampshire": the apposition's name.
        references = [r for r in [coref.refer(noun.head)] if r is not None]
    if not references:
        host = _verb_making(noun)
        if host is not None:
            references = _subject_references(host, coref)
    if not references and noun.dep_ == "dobj":
        # "Modi's tour will include stops in Japan": the stops are those of the trip's travellers.
        for trip in (c for c in noun.head.children if c.dep_ == "nsubj" and c.lemma_.lower() in NOUN_SENSES):
            references.extend(_nominal_references(trip, coref)[0])
    return references, companions


def _verb_making(noun: Token) -> Token | None:
    """The verb whose subject took part: "paid a visit", "During a summit ..., Kim failed"."""
    if carried_by_light_verb(noun):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in _FRAME_PREPS:
        verb = noun.head.head
        return verb if verb.pos_ in ("VERB", "AUX") else None
    return None


def _invitation(noun: Token, coref: Coreference) -> Participants:
    """ "Putin accepted Kim's invitation to Pyongyang": Putin is the one who will travel."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _ACCEPTING:
        references = _subject_references(noun.head, coref)
        return Participants(tuple(_people(references)), (), references[0].how if references else "")
    return Participants()


def _people(references: list[Reference]) -> list[Person]:
    return _unique([p for r in references for p in r.people])


def _unique(people: list[Person]) -> list[Person]:
    seen: list[Person] = []
    for person in people:
        if person not in seen:
            seen.append(person)
    return seen
