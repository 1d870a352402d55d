"""The grammar between a person and a place in one sentence: paths, attachments, verb classes.

The stop model's candidates (`candidates`) are described by these readings of the parse; they
name classes of words and dependencies, never particular articles' words.
"""

from __future__ import annotations

from spacy.tokens import Token

from geo.text.events.lexicon import (
    EVENT_NOUNS,
    FACILITY_NOUNS,
    LOCATIVE_NOUNS,
    MOURNING_NOUNS,
    REPORTING_VERBS,
    STATIVE_VERBS,
    TOPIC_VERBS,
)
from geo.text.events.parsing import is_passive
from geo.text.events.triggers import (
    NOUN_SENSES,
    VERB_SENSES,
    Trigger,
    TriggerKind,
    TriggerSense,
    out_on_duty,
    tells_a_home,
)

__all__ = [
    "SUBJECT_MATTER_PREPS",
    "trigger_at",
    "ancestors",
    "path_length",
    "lowest_common",
    "clause_verb",
    "dep_class",
    "preposition_of",
    "path_features",
    "verb_kind",
    "verb_features",
    "attends",
    "on_gathering",
    "inside_quote",
    "on_topic",
    "mourned",
    "AUDIENCE_NOUNS",
]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "attr", "oprd"})
_LOCATIVE_PREPS = frozenset({"in", "at", "on", "inside", "near", "outside", "across", "throughout", "around"})
_DIRECTION_PREPS = frozenset({"to", "into", "toward", "towards", "onto"})
_SOURCE_PREPS = frozenset({"from", "out"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "can", "shall", "'ll", "wo"})
# Verbs that put their subject somewhere by what happens to the body: news of accidents,
# crimes and arrests ("was killed in", "was arrested at", "died in"). Grammar classes, not topics.
_BODILY_VERBS = frozenset(
    {
        "die",
        "kill",
        "injure",
        "wound",
        "shoot",
        "stab",
        "arrest",
        "detain",
        "hold",
        "jail",
        "imprison",
        "treat",
        "hospitalize",
        "hospitalise",
        "find",
        "bury",
        "rescue",
        "evacuate",
        "eject",
        "take",
        "born",
    }
)
# Nouns of the people at a gathering: "notables among the crowd included ...".
AUDIENCE_NOUNS = frozenset({"crowd", "audience", "attendee", "spectator", "mourner", "panel", "panelist", "guest"})
_SPEECH_VERBS = REPORTING_VERBS | frozenset({"speak", "address", "introduce", "testify", "announce", "note"})


def trigger_at(anchor: Token) -> Trigger:
    return Trigger(anchor, TriggerSense(anchor.lemma_.lower(), TriggerKind.PRESENCE, 0.5), nominal=False)


def ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


def path_length(a: Token, b: Token) -> int:
    up_a = {t.i: depth for depth, t in enumerate(ancestors(a))}
    for depth, t in enumerate(ancestors(b)):
        if t.i in up_a:
            return up_a[t.i] + depth
    return 99  # different sentences


def lowest_common(a: Token, b: Token) -> Token | None:
    up_a = {t.i for t in ancestors(a)}
    return next((t for t in ancestors(b) if t.i in up_a), None)


def clause_verb(token: Token) -> Token:
    """The verb whose clause `token` belongs to; the sentence root when there is none."""
    for ancestor in ancestors(token)[1:]:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return token.sent.root


def dep_class(token: Token) -> str:
    dep = token.dep_
    if dep in _SUBJECT_DEPS:
        return "subject"
    if dep in _OBJECT_DEPS:
        return "object"
    if dep in ("appos", "conj", "compound", "poss"):
        return dep
    return "other"


def preposition_of(root: Token) -> str:
    """How the place attaches: its preposition's class, or its own dependency."""
    token = root
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj":
        word = token.head.lower_
        if word in _LOCATIVE_PREPS:
            return "locative"
        if word in _DIRECTION_PREPS:
            return "direction"
        if word in _SOURCE_PREPS:
            return "source"
        if word == "of":
            return "of"
        return "other_prep"
    if token.dep_ in ("dobj", "nsubj", "nsubjpass"):
        return token.dep_
    if token.dep_ in ("compound", "poss", "amod", "nmod"):
        return "modifier"
    return "other"


def path_features(token: Token, root: Token) -> dict[str, float]:
    f: dict[str, float] = {}
    length = path_length(token, root)
    f[f"path={length if length <= 4 else '5+' if length < 8 else '8+'}"] = 1.0
    gap = abs(token.i - root.i)
    f[f"gap={'<4' if gap < 4 else '<10' if gap < 10 else '<20' if gap < 20 else '20+'}"] = 1.0
    f[f"prep={preposition_of(root)}"] = 1.0
    if root.i > token.i:
        f["place_after_person"] = 1.0
    ancestors_of_place = {t.i for t in ancestors(root)}
    if token.i in ancestors_of_place or (token.dep_ == "appos" and token.head.i in ancestors_of_place):
        # The place modifies the person's own phrase: "Danielle Taylor of Paris", "Harwinton
        # First Selectman Frank Chiaramonte", or the title the name is apposed to ("Vatican
        # spokesman, Joaquin Navarro-Valls,"): residence or title, rarely a visit.
        f["place_in_person_phrase"] = 1.0
    person_verb, place_verb = clause_verb(token), clause_verb(root)
    if person_verb.i == place_verb.i:
        f["same_clause"] = 1.0
    common = lowest_common(token, root)
    if common is not None:
        f[f"common_pos={common.pos_}"] = 1.0
        if common.i == place_verb.i:
            f["common_is_place_verb"] = 1.0
    # A noun between: "her trial in Jakarta", "the ceremony at Boscawen".
    if root.dep_ == "pobj" and root.head.head.pos_ == "NOUN":
        f["place_on_noun"] = 1.0
    return f


def verb_kind(verb: Token) -> str:
    """The class of a clause's verb: a trigger's kind, or a broad grammatical class."""
    lemma = verb.lemma_.lower()
    sense = VERB_SENSES.get(lemma)
    if sense is not None:
        return str(sense.kind)
    if lemma in _BODILY_VERBS:
        return "bodily"
    if lemma in _SPEECH_VERBS:
        return "speech"
    if lemma in STATIVE_VERBS or lemma in ("be", "have") or tells_a_home(verb):
        return "stative"
    return "other_verb" if verb.pos_ in ("VERB", "AUX") else "not_verb"


def verb_features(verb: Token) -> dict[str, float]:
    f = {f"verb={verb_kind(verb)}": 1.0, f"verb_tag={verb.tag_}": 1.0}
    children = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if children & _MODALS:
        f["modal"] = 1.0
    if is_passive(verb):
        f["passive"] = 1.0
    if any(c.dep_ == "neg" for c in verb.children):
        f["negated"] = 1.0
    return f


def attends(token: Token) -> bool:
    """A person whose clause has a gathering or a venue as object or setting: "attended the
    funeral", "came to yesterday's ceremony", "spoke at the rally", "appeared at the Senior Center"."""
    verb = clause_verb(token)
    for child in verb.children:
        if child.dep_ in ("dobj", "attr") and child.lemma_.lower() in EVENT_NOUNS | AUDIENCE_NOUNS:
            return True
        if child.dep_ == "prep" and child.lower_ in _LOCATIVE_PREPS | _DIRECTION_PREPS:
            nouns = [g for g in child.children if g.dep_ == "pobj"]
            if any(n.lemma_.lower() in EVENT_NOUNS | AUDIENCE_NOUNS | FACILITY_NOUNS for n in nouns):
                return True
    return False


def _phrase_head(root: Token) -> Token:
    """The first of coordinated or apposed places, whose head the phrase hangs on ("in Moscow and
    Kyiv", "Moscow, Russia")."""
    token = root
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    return token


def on_gathering(root: Token) -> bool:
    """A place that sets a gathering or a venue: "a meeting in X", "the X Senior Center"."""
    token = _phrase_head(root)
    if token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE_PREPS:
        holder = token.head.head
    elif token.dep_ in ("compound", "nmod", "poss"):
        holder = token.head
    else:
        return False
    return holder.pos_ in ("NOUN", "PROPN") and holder.lemma_.lower() in EVENT_NOUNS | FACILITY_NOUNS


def inside_quote(token: Token) -> bool:
    before = token.sent[: token.i - token.sent.start]
    quotes = sum(t.text in ('"', "“", "”") for t in before)
    return quotes % 2 == 1


# What a talk, a thought or a meeting is on: "spoke about", "a conference on the future of Syria".
SUBJECT_MATTER_PREPS = frozenset({"about", "regarding", "concerning", "on"})
# "over" too, for a topic ("a dispute over Kashmir"); a hearing presided over is a gathering.
_TOPIC_PREPS = SUBJECT_MATTER_PREPS | {"over"}


def on_topic(root: Token) -> bool:
    """A place that only locates what is talked about: "discussed the situation in Haiti",
    "spoke about the war in Gaza", "a briefing on the fighting in Sudan". Its speaker is elsewhere
    for all the sentence says (a gathering or a trip "on a visit to Kyiv" is no topic)."""
    token = _phrase_head(root)
    if _of_a_topic(token):
        return True
    if token.dep_ != "pobj" or token.head.lower_ not in ("in", "at", "near", "inside", "across", "throughout"):
        return False
    noun = token.head.head
    if noun.pos_ != "NOUN":
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" and c.i < token.i for c in noun.children):
        # "a conference on the future of Syria in Geneva": after the topic's own "of" phrase, the
        # parser hangs the gathering's place on the topic; "the fighting in Sudan" stays a topic.
        return False
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head
    if noun.dep_ == "dobj":
        verb = noun.head.lemma_.lower()
        # "addressed the situation in Gaza" is a topic; "addressed a rally in Ohio" an audience.
        return verb in TOPIC_VERBS or (verb == "address" and noun.lemma_.lower() not in LOCATIVE_NOUNS | AUDIENCE_NOUNS)
    if noun.dep_ == "pobj" and noun.head.lower_ in _TOPIC_PREPS:
        lemma = noun.lemma_.lower()
        # "a visit on ...", "presided over the hearing in Manhattan": a gathering or a trip, no
        # topic; nor a duty one is out on ("killed while on patrol in Helmand").
        if noun.head.lower_ == "on" and out_on_duty(noun):
            return False
        return noun.head.lower_ not in ("on", "over") or not (lemma in LOCATIVE_NOUNS or lemma in NOUN_SENSES)
    return False


def _of_a_topic(token: Token) -> bool:
    """A place named in the "of" phrase of what a talk or a meeting is on: "a conference on the
    future of Syria", "talks about the status of Jerusalem", "a summit on the reconstruction of
    Ukraine". Not a place's part ("on the outskirts of Kyiv") nor a gathering ("on a visit of")."""
    if token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    topic = token.head.head
    if topic.pos_ != "NOUN" or topic.dep_ != "pobj" or topic.head.lower_ not in SUBJECT_MATTER_PREPS:
        return False
    lemma = topic.lemma_.lower()
    return lemma not in LOCATIVE_NOUNS and lemma not in NOUN_SENSES


def talked_about(token: Token) -> bool:
    """A person who is only what is talked or thought about: "shared his thoughts on President
    Obama's first two months in office", "spoke about Smith in Leeds", "criticised Smith's policies
    in Leeds". Not the people of a trip or a gathering told as the topic's noun ("on Obama's visit
    to Ohio"), which the trigger rules read."""
    if token.dep_ == "poss":
        noun = token.head
        if noun.lemma_.lower() in LOCATIVE_NOUNS or noun.lemma_.lower() in NOUN_SENSES:
            return False
        token = noun
    if token.dep_ == "dobj":
        return token.head.lemma_.lower() in TOPIC_VERBS
    return token.dep_ == "pobj" and token.head.lower_ in SUBJECT_MATTER_PREPS


def mourned(token: Token) -> bool:
    """A person a funeral, memorial or vigil is held for ("the funeral for Joe Lieberman", "a vigil
    for Alma Ortiz", "services for John Doe"): not among those gathered."""
    if token.dep_ != "pobj" or token.head.lower_ not in ("for", "of"):
        return False
    noun = token.head.head
    # "Funeral services for John Doe", "Services for John Doe will be held": a service held for a
    # person named is a funeral or a memorial.
    return noun.lemma_.lower() in MOURNING_NOUNS or (noun.pos_ == "NOUN" and noun.lemma_.lower() == "service")
