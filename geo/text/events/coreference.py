"""Who a pronoun or a description means: a small salience-based coreference over the cast.

Rules, in the order they apply:

- A name token means its person (`Cast`).
- "his/her" in a phrase put before the main clause means that clause's subject when it is a
  name ("During her visit to Israel, Clinton spoke").
- "he/him/his/she/her" otherwise means the most salient person mentioned before it: in the same sentence
  first, then up to two sentences back; within a sentence a grammatical subject outranks other
  mentions, then the nearer mention wins; the source of a report ("Miantsoko says ...") or of a
  judgement ("Lowe estimated that Reed's transfer would take ...") ranks below the people it
  reports on, for a pronoun inside the report or in a later sentence ("... seated her aunt. She
  eventually made it to Paris": the aunt; "... would take 60 days. Once there, he would stand
  trial": Reed). A pronoun object never means its own verb's subject
  ("Kim greeted him": him is not Kim), the one a relation noun in a subject's apposition is "of"
  is no subject ("Mitchell, the father of NBA star Jalen Mitchell, stopped in. He ...": the
  father, however the parser hangs the son's name), and a gender known from a title ("Mr.", "Queen"), from
  an earlier pronoun, or from a given name one gender nearly always bears ("Lori", "Roger": the
  US census lists, `given_names`) must agree.
  Resolved pronouns count as mentions, so "He" keeps a person salient across sentences. A
  pronoun inside quotation marks teaches no gender ("'I saw him move it,' Dr. Maggard said":
  "him" is someone the text never names).
- A possessed kinship noun ("her aunt", "Finney's parents", "with her parents") means the
  people the text names in that relation to the possessor: an apposition states one ("Georgia's
  father, Cory Stevens", "Her husband, John Finney", "The couple's daughter, Maranda Finney":
  the couple is the last pair of spouses told) and gives its converse too (the niece's aunt is
  the one she is the niece of). A relative the text never names is nobody: no actor is invented.
  A plural ("parents") is a group that "they" may then mean.
- A headline's bare description ("Doctor returns to Newark", no article) means the person the
  article is about: the one mentioned most often, when no one else is as often.
- "they/their/them" and "the two leaders", "both men", "the two suspects", "the couple" mean a
  group: the people who take part in one clause together (its subject with its object or its
  "with"-companion), looked for in the same sentence before the word, then up to two sentences
  back; "the couple", the last pair of spouses told, if any. A subject that counts them
  ("Both were arrested", "the pair", "the three men", "The six arrived") means them only when
  they are that many. A lone person or an
  organisation ("They typically report ...") gives no group, so nothing is guessed.
- "the Faulkners", "the Hains' car" (the plural of a surname after "the") mean the people of the
  cast named before it who bear that surname: a family or a couple, as news names one.
- "the North Korean leader" (a definite role noun without a name) means the most recently
  mentioned person whose title used that noun and those modifiers; no such person, nobody.
- "the Innisfail skater", "the actress" (a definite common noun for a person, as a subject,
  with no possessor: "her husband" is someone else), an age standing alone ("the 45-year-old"),
  and a nationality or party standing alone as one ("the American was detained", "the Democrat
  traveled") mean the most salient person, as "she" would, agreeing in gender where the noun has
  one ("actress", "man"); never the source whose report holds the noun ("Sheriff Ken Clark said
  the woman was outside": a source speaks of others by description), and then nobody.
- Someone a description introduces ("a 28-year-old man", "A woman was found dead") whom no
  name takes up is someone the text never names: "the man" that repeats the description, and
  "he" or "she" after it, mean that person, who is in view like anyone else but is nobody of
  the cast, so no event is given to the person most in view instead. A description apposed to a name
  ("Pauline Cafferkey, a British nurse,") is said of that name: "the nurse" after it means her.
- "I", "me", "my" inside a report ("'Laura and I will travel ...,' Bush said") mean the person
  who reports it, the named subject of the verb of saying the quote hangs from.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from geo.text.events.lexicon import (
    CONVERSE_RELATIONS,
    COUPLE_NOUNS,
    FEMALE_NOUNS,
    FEMALE_PRONOUNS,
    KINSHIP_RELATIONS,
    LEADING_TITLES,
    MALE_NOUNS,
    MALE_PRONOUNS,
    OCCUPATION_NOUNS,
    PERSON_NOUNS,
    PLURAL_PRONOUNS,
    RELATION_NOUNS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SINGULAR_PRONOUNS,
    SUBORDINATE_TITLES,
    TITLE_ROLES,
)
from geo.text.events.people import Cast, Person, family_members

__all__ = ["Reference", "Coreference", "is_bare_description_subject", "relative_in_apposition"]

# How far after "a man" the text may say whom it was ("Police identified the man as ...").
_IDENTIFICATION_SENTENCES = 4
# How far a story that opens on someone described, and goes on about them as "she", may name them.
_LEDE_NAMING_SENTENCES = 4
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# "ROOT": the small model sometimes leaves a clause's object as the root of a misparsed
# sentence ("Putin on Friday briefed ... Lukashenko"); a name there is still a participant.
_PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "ROOT"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})
_SENTENCES_BACK = 2
_GROUP_WORDS = frozenset({"both", "two"})
# A group counted ("the three men", "the six arrived"): it means the people last told together
# only when they are that many.
_COUNTS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# Nouns for two or three people together, as a subject after "the": "the pair were arrested".
_PAIR_NOUNS = {"pair": 2, "duo": 2, "trio": 3}
_FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine"})
_NOT_SALIENT = frozenset({"name-part", "speaker"})


@dataclass(frozen=True, slots=True)
class Reference:
    """The people a token means, and how that was decided ("name", "pronoun", "group"...)."""

    people: tuple[Person, ...]
    how: str
    sentence: int | None = None  # for a group, the sentence its members were found in


# How a reference to someone the text never names is marked (salient, but no one's events).
_UNNAMED = "unnamed"
# How far back "the man" may take up "a man" the text introduced.
_DESCRIPTION_SENTENCES_BACK = 2


@dataclass(frozen=True, slots=True)
class _Salient:
    token: int
    sentence: int
    person: Person
    is_subject: bool
    is_source: bool = False  # the subject of a verb of saying: "Miantsoko says ..."


class Coreference:
    """Resolves the tokens of one parsed article to the people of its cast."""

    def __init__(self, doc: Doc, cast: Cast, *, headline_end: int = 0) -> None:
        self.doc = doc
        self.cast = cast
        self.headline_end = headline_end  # characters before this offset are the headline
        self._sentences = list(doc.sents)
        self._sentence_of = {}
        for index, sentence in enumerate(self._sentences):
            for token in sentence:
                self._sentence_of[token.i] = index
        self._resolved: dict[int, Reference] = {}
        self._salient: list[_Salient] = []
        # Genders learnt from resolved pronouns, for people no title gave one.
        self._genders: dict[str, str] = {p.name: p.gender for p in cast.people if p.gender}
        # (person, relation) -> relatives, from "Georgia's father, Cory Stevens" and the like.
        self._relatives: dict[tuple[str, str], list[Person]] = {}
        self._couples: list[tuple[Person, Person]] = []
        # The people the text describes and never names ("a 28-year-old man"), by a name of our own.
        self._unnamed: dict[str, Person] = {}
        self._group_mentions: list[tuple[int, int, tuple[Person, ...]]] = []
        for token in doc:
            if _kinship_relation(token) is not None:
                owner = cast.person_at(next(c for c in token.children if c.dep_ == "poss"))
                if owner is not None:
                    self._relate(token, (owner,))
        self._resolve_all()

    def sentence_index(self, token: Token) -> int:
        return self._sentence_of[token.i]

    def refer(self, token: Token) -> Reference | None:
        """Who `token` means: a name, a pronoun, a description or a group; None if nobody."""
        return self._resolved.get(token.i)

    def naming_apposition(self, token: Token) -> Token | None:
        """The apposition that says whom `token` means when `token` itself does not say or only
        describes: "The famous Baywatch star, Pamela Anderson, arrived", "the driver, Theresa
        Pilkington, was taken to" (the name, not whom "the driver" would mean without it)."""
        reference = self.refer(token)
        if reference is not None and not (token.pos_ == "NOUN" and reference.how == "description"):
            return None
        return next((c for c in token.children if c.dep_ == "appos" and self.refer(c) is not None), None)

    def people_of(self, token: Token) -> tuple[Person, ...]:
        reference = self.refer(token)
        return () if reference is None else reference.people

    # -- one pass in text order, so that resolved pronouns add to salience -------------------
    def _resolve_all(self) -> None:
        for token in self.doc:
            reference = self._resolve(token)
            if reference is None:
                continue
            named = tuple(p for p in reference.people if p.name not in self._unnamed)
            if not named:
                # Someone the text describes and never names: salient, so that "he" after "the
                # man" means him, but nobody an event can be given to.
                self._salient.append(
                    _Salient(token.i, self._sentence_of[token.i], reference.people[0], _is_subject(token))
                )
                continue
            if len(named) < len(reference.people):
                reference = Reference(named, reference.how, reference.sentence)
            self._resolved[token.i] = reference
            if reference.how == "group" and len(reference.people) > 1 and token.lower_ not in PLURAL_PRONOUNS:
                # "Finney's parents ... They had plans": a described group, for "they" to mean.
                self._group_mentions.append((token.i, self._sentence_of[token.i], reference.people))
            # A quoted "I" repeats the speaker named next to it: no new mention.
            if len(reference.people) == 1 and reference.how not in _NOT_SALIENT:
                self._salient.append(
                    _Salient(
                        token.i,
                        self._sentence_of[token.i],
                        reference.people[0],
                        _is_subject(token) and not relative_in_apposition(token),
                        _is_source(token),
                    )
                )

    def _resolve(self, token: Token) -> Reference | None:
        person = self.cast.person_at(token)
        if person is not None:
            # Only the head of a name counts as its mention: "Kim Jong Un" is one mention.
            if token.head.i != token.i and self.cast.person_at(token.head) is person:
                return Reference((person,), "name-part")
            return Reference((person,), "name")
        lower = token.lower_
        if token.pos_ == "PRON" and lower in SINGULAR_PRONOUNS:
            found = self._cataphor(token) or self._singular(token)
            if found is None:
                return None
            if found.name in self._unnamed:
                return Reference((found,), _UNNAMED)
            gender = "male" if lower in MALE_PRONOUNS else "female" if lower in FEMALE_PRONOUNS else None
            if gender and not _inside_quote(token):
                # A quote's "he" may mean someone the text never names ("I saw him move it",
                # said of a gunman): it teaches no gender.
                self._genders.setdefault(found.name, gender)
            return Reference((found,), "pronoun")
        if token.pos_ == "PRON" and lower in PLURAL_PRONOUNS:
            return self._group(token)
        if token.pos_ == "PRON" and lower in _FIRST_PERSON:
            speaker = self._speaker(token)
            return None if speaker is None else Reference((speaker,), "speaker")
        if token.pos_ in ("NOUN", "PROPN") and (named := self._identified_as(token)):
            # "a man identified as Rick Smith, told police", "The suspect was identified as Paul
            # Block", "the assailant, who was identified as ...": the name the text gives it.
            return Reference(named, "description")
        if _kinship_relation(token) is not None:
            return self._relative(token)
        if token.pos_ in ("PROPN", "NOUN") and _has_the(token) and (family := family_members(self.cast, token)):
            # "The Hains drove to Edmonton", "the Faulkners had been at home": a family named by
            # the plural of its surname means those of the cast who bear it.
            return Reference(family, "group", self._sentence_of[token.i])
        if (identified := self._identified_later(token)) is not None:
            # "A man ... was struck by a car ... Police identified the man as Daniel Hufstetler":
            # the identification names the one the lede described.
            return Reference((identified,), "description")
        if (introduced := self._named_next(token)) is not None:
            # "A Brandon man has been found safe in Winnipeg. Kevin Olsen, 45, had been missing
            # since Friday": a lead describes someone the next sentence names.
            return Reference((introduced,), "description")
        if _indefinite_description(token) and token.dep_ in _SUBJECT_DEPS and not _inside_quote(token):
            # "A woman was found dead in her home. She had ...": someone the text never names.
            return Reference((self._unnamed_person(token),), _UNNAMED)
        if token.idx < self.headline_end and is_bare_description_subject(token):
            principal = self._principal()
            return None if principal is None else Reference((principal,), "description")
        if (
            _names_a_kind_of_person(token)
            and (token.dep_ in _SUBJECT_DEPS or self._object_of_the_unnamed(token))
            and _has_the(token)
            and not any(c.dep_ == "poss" for c in token.children)
        ):
            if (introduced := self._introduced_unnamed(token)) is not None:
                if (named := self._name_apposed_to(introduced)) is not None:
                    # "Pauline Cafferkey, a British nurse, contracted Ebola ... The nurse was flown
                    # to London": the description was said of a name, so the text named its person.
                    return Reference((named,), "description")
                # "in an unidentified 28-year-old man who had been in New York. The man had
                # passed a medical check": the man the text introduced and never named.
                return Reference((self._unnamed_person(introduced),), _UNNAMED)
            found = self._singular(token, gender=_noun_gender(token))
            if found is None or found is self._speaker(token):
                # A source speaks of others by description, not of itself: in "Prosecutor Hubert
                # Stroeber said the boy left a backpack at the market", the boy is someone the
                # text may never name, not Stroeber.
                return None
            return Reference((found,), "description")
        if (size := _counted_group(token)) is not None:
            # "Both were arrested in Leeds", "The pair were taken to", "the three men", "The six
            # arrived in Sofia": the people last told together, when they are that many.
            return self._group(token, size=size)
        if _names_a_group_of_people(token):
            # "both men were arrested", "the two suspects", "the couple traveled": the people last
            # told together (a couple: the last pair of spouses told, else the last pair together).
            if token.lemma_.lower() in COUPLE_NOUNS and self._couples:
                return Reference(self._couples[-1], "group", self._sentence_of[token.i])
            return self._group(token)
        # Capitalised, a title is tagged as a proper noun ("the Pope", "the President"), as many
        # outlets write it: the same description.
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in ROLE_NOUNS:
            if token.tag_ in ("NNS", "NNPS") and any(c.lower_ in _GROUP_WORDS for c in token.children):
                return self._group(token)
            if _has_the(token):
                found = self._described(token)
                return None if found is None else Reference((found,), "description")
        return None

    def _object_of_the_unnamed(self, noun: Token) -> bool:
        """ "Police arrested the suspect at a motel", "deputies found the man in a ditch": the
        object of a verb whose subject is nobody of the cast means the person in view, as a
        subject would. Not after a person's verb ("Smith shot the man": someone else)."""
        if noun.dep_ != "dobj" or _inside_quote(noun):
            return False
        subjects = [c for c in noun.head.children if c.dep_ in _SUBJECT_DEPS]
        return bool(subjects) and not any(
            self.cast.person_at(s) is not None or s.pos_ == "PRON" or s.pos_ == "PROPN" for s in subjects
        )

    def _introduced_unnamed(self, noun: Token) -> Token | None:
        """The "a man" the text introduced in the sentences just before and named nobody as, which
        "the man" takes up: a definite description repeats its indefinite one."""
        here = self._sentence_of[noun.i]
        lemma = noun.lemma_.lower()
        for token in reversed(self.doc[: noun.sent.start]):
            if self._sentence_of[token.i] < here - _DESCRIPTION_SENTENCES_BACK:
                return None
            if token.lemma_.lower() == lemma and _indefinite_description(token):
                return token if self._resolved.get(token.i) is None else None
        return None

    def _name_apposed_to(self, description: Token) -> Person | None:
        """The person an indefinite description is apposed to, either way round: "Mary Jones, a
        British nurse," or "a British nurse, Mary Jones,"; None when it stands alone."""
        neighbours = [c for c in description.children if c.dep_ == "appos"]
        if description.dep_ == "appos":
            neighbours.append(description.head)
        return next((p for n in neighbours if (p := self.cast.person_at(n)) is not None), None)

    def _unnamed_person(self, description: Token) -> Person:
        """The one person an indefinite description that no name takes up stands for."""
        name = f"({description.lemma_.lower()} at {description.i})"
        person = self._unnamed.get(name)
        if person is None:
            person = Person(name, (), frozenset(), _noun_gender(description))
            self._unnamed[name] = person
            if person.gender:
                self._genders.setdefault(name, person.gender)
        return person

    def _named_next(self, noun: Token) -> Person | None:
        """The person a description with "a" or "an" stands for when the text names them next:
        the first person named for the first time in the next two sentences, as a clause's
        subject or with an age ("Kevin Olsen, 45,"), and nobody named between. Only one such
        description in its sentence, as the subject or object of its clause, none in a quote."""
        lede = self._lede_description(noun)
        if not (
            (lede or _indefinite_description(noun))
            and noun.dep_ in _SUBJECT_DEPS | {"dobj"}
            and (lede or not any(c.dep_ in ("appos", "relcl", "acl") for c in noun.children))
            and not _inside_quote(noun)
        ):
            return None
        if sum(_indefinite_description(t) or self._lede_description(t) for t in noun.sent) > 1:
            return None  # "a Brandon man and a Winnipeg woman": which is which is not told
        here = self._sentence_of[noun.i]
        gender = _noun_gender(noun)
        for mention, person in self.cast.all_mentions():
            if mention.first <= noun.i:
                if mention.first >= noun.sent.start:
                    return None  # someone named in the description's own sentence before it
                continue
            told_on = self._told_on_by_pronouns(here, self._sentence_of[mention.first])
            if self._sentence_of[mention.first] > here + 2 and not told_on:
                return None
            if person.mentions[0] is not mention:
                return None  # someone named before: the description is not who the text names next
            head = self.doc[mention.first : mention.last].root
            if _is_source(head):
                continue  # "Sgt. Paul Manaigre said": a source introduced, not the one described
            if gender and self._genders.get(person.name) not in (None, gender):
                return None
            if told_on or head.dep_ in _SUBJECT_DEPS or any(c.dep_ == "appos" and c.like_num for c in head.children):
                return person
            return None
        return None

    def _told_on_by_pronouns(self, lede: int, named: int) -> bool:
        """Whether a story that opens on someone described ("A 27-year-old former beauty student
        ... faces the death penalty") goes on about that one person, a "he" or "she" the subject
        of every sentence until it names someone ("She was allegedly caught at Bali airport ...
        she could be sentenced to death. With that possibility looming for Ms. Corby"): then the
        first name is hers, whatever its place in its clause, up to four sentences on."""
        if lede != 0 or not 0 < named - lede <= _LEDE_NAMING_SENTENCES:
            return False
        sentences = self._sentences[lede + 1 : named]
        return bool(sentences) and all(
            any(t.dep_ in _SUBJECT_DEPS and t.lower_ in ("he", "she") for t in sentence) for sentence in sentences
        )

    def _identified_later(self, noun: Token) -> Person | None:
        """The one person "a man" is identified as in the few sentences after it ("identified the
        man as ...", "The man was identified as ..."), the description taken up with "the": a
        report tells the crash or the shooting first and who it befell after its details. Not
        past another "a man", who is whom "the man" may mean from there."""
        if not _indefinite_description(noun) or _inside_quote(noun):
            return None
        here = self._sentence_of[noun.i]
        lemma = noun.lemma_.lower()
        for token in self.doc[noun.i + 1 :]:
            if self._sentence_of[token.i] > here + _IDENTIFICATION_SENTENCES:
                return None
            if token.lemma_.lower() != lemma:
                continue
            if _indefinite_description(token):
                return None
            if _has_the(token) and (named := self._identified_as(token)):
                # "The man was taken to a hospital ... Police identified the man as": the
                # telling that names him, wherever it comes in the window.
                return named[0] if len(named) == 1 else None
        return None

    def _lede_description(self, noun: Token) -> bool:
        """ "The man known as Canada's 'Prince of Pot' says ...": a definite description in the
        story's first sentence, before anyone is named, can mean only someone the story names
        next, as "a man" would."""
        return (
            noun.tag_ == "NN"
            and _has_the(noun)
            and _names_a_kind_of_person(noun)
            and self._sentence_of[noun.i] == 0
            and not any(mention.first < noun.i for mention, _ in self.cast.all_mentions())
        )

    def _identified_as(self, noun: Token) -> tuple[Person, ...]:
        """The people a description is "identified as" or "named as", in its own sentence: on
        the noun ("a man identified as"), in its relative clause ("who was identified as"), or
        with the noun as the passive's subject ("The suspect was identified as")."""
        verbs = [c for c in noun.children if c.dep_ in ("acl", "relcl")]
        if noun.dep_ in ("nsubjpass", "dobj"):
            verbs.append(noun.head)  # "The suspect was identified as", "identified the man as"
        people: list[Person] = []
        for verb in verbs:
            if verb.lemma_.lower() not in ("identify", "name"):
                continue
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ == "as":
                    for name in prep.children:
                        for token in (name, *name.conjuncts):
                            person = self.cast.person_at(token)
                            if person is not None and person not in people:
                                people.append(person)
        return tuple(people)

    def _speaker(self, pronoun: Token) -> Person | None:
        """The named subject of the verb of saying whose report holds `pronoun`."""
        current = pronoun
        for _ in range(8):
            if current.head.i == current.i:
                return None
            clause, current = current, current.head
            if current.pos_ in ("VERB", "AUX") and current.lemma_.lower() in REPORTING_VERBS:
                if clause.dep_ not in ("ccomp", "parataxis", "xcomp"):
                    return None
                subject = next((c for c in current.children if c.dep_ == "nsubj"), None)
                if subject is not None:
                    return self.cast.person_at(subject)
                # "I'm pleased to announce that ...": a verb of saying with no subject of its
                # own reports for the clause above it.
        return None

    def _singular(self, pronoun: Token, *, gender: str | None = None) -> Person | None:
        sentence = self._sentence_of[pronoun.i]
        if gender is None:
            gender = (
                "male" if pronoun.lower_ in MALE_PRONOUNS else "female" if pronoun.lower_ in FEMALE_PRONOUNS else None
            )
        excluded = set()
        if pronoun.dep_ in _OBJECT_DEPS:
            verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
            excluded = {t.i for t in verb.children if t.dep_ in _SUBJECT_DEPS}
            excluded |= {t.i for i in list(excluded) for t in self.doc[i].subtree}
        best: tuple[tuple[int, int, int], Person] | None = None
        for entry in self._salient:
            if entry.token >= pronoun.i or sentence - entry.sentence > _SENTENCES_BACK:
                continue
            if entry.token in excluded or (gender and self._genders.get(entry.person.name) not in (None, gender)):
                continue
            # A source ("Miantsoko says ...") is less salient than the people its report is about.
            demoted = entry.is_source and (
                entry.sentence != sentence or _in_report(pronoun, _name_head(self.doc[entry.token]).head)
            )
            rank = 2 if demoted else 0 if entry.is_subject else 1
            key = (sentence - entry.sentence, rank, pronoun.i - entry.token)
            if best is None or key < best[0]:
                best = (key, entry.person)
        return None if best is None else best[1]

    def _principal(self) -> Person | None:
        """The person the article is about: the one mentioned most, when no one else is as often."""
        counts = sorted(((len(p.mentions), p) for p in self.cast.people), key=lambda item: -item[0])
        if not counts or counts[0][0] < 2 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
            return None
        return counts[0][1]

    def _relate(self, noun: Token, owners: tuple[Person, ...]) -> bool:
        """Records "Georgia's father, Cory Stevens": a kinship noun apposed to a name."""
        named = _apposed_name(noun, self.cast)
        if named is None or named in owners:
            return False
        relation = _kinship_relation(noun)
        for owner in owners:
            _add(self._relatives.setdefault((owner.name, relation), []), named)
            _add(self._relatives.setdefault((named.name, CONVERSE_RELATIONS[relation]), []), owner)
            if relation == "spouse" and (owner, named) not in self._couples:
                self._couples.append((owner, named))
        return True

    def _relative(self, noun: Token) -> Reference | None:
        """ "her aunt", "Finney's parents", "the couple's daughter, Maranda Finney"."""
        owner_token = next(c for c in noun.children if c.dep_ == "poss")
        owners: tuple[Person, ...] = ()
        if owner_token.lemma_.lower() in COUPLE_NOUNS:
            owners = self._couples[-1] if self._couples else ()
        elif (owner := self._resolved.get(owner_token.i)) is not None:
            owners = owner.people
        if not owners or self._relate(noun, owners):
            return None  # a named relative is its name's mention
        relation = _kinship_relation(noun)
        relatives: list[Person] = []
        for owner in owners:
            for person in self._relatives.get((owner.name, relation), []):
                _add(relatives, person)
        if not relatives:
            return None  # a relative the text never names is nobody we know
        if noun.tag_ == "NNS":
            return Reference(tuple(relatives), "group", self._sentence_of[noun.i])
        return Reference((relatives[-1],), "description") if len(relatives) == 1 else None

    def _cataphor(self, pronoun: Token) -> Person | None:
        """ "During her visit to Israel, Clinton spoke": a pronoun in a phrase put before the
        main clause means that clause's subject, when the subject is a name."""
        if pronoun.dep_ != "poss":
            return None
        phrase = pronoun
        while phrase.head.i != phrase.i and phrase.head.pos_ not in ("VERB", "AUX"):
            phrase = phrase.head
        verb = phrase.head
        if phrase.dep_ not in ("prep", "advcl", "npadvmod") or phrase.i > verb.i:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > pronoun.i), None)
        person = None if subject is None else self.cast.person_at(subject)
        gender = "male" if pronoun.lower_ in MALE_PRONOUNS else "female"
        if person is None or self._genders.get(person.name) not in (None, gender):
            return None
        return person

    def _group(self, token: Token, size: int | None = None) -> Reference | None:
        """The people last told together before `token`: a group described as one, else those
        taking part in one sentence's clauses; `size`, when the text counts them, is how many."""
        here = self._sentence_of[token.i]
        for index in range(here, max(-1, here - _SENTENCES_BACK - 1), -1):
            described = [g for g in self._group_mentions if g[1] == index and g[0] < token.i]
            if described:
                people = described[-1][2]
                return Reference(people, "group", index) if size in (None, len(people)) else None
            members: list[Person] = []
            for entry in self._salient:
                if entry.sentence != index or (index == here and entry.token >= token.i):
                    continue
                if _is_participant(self.doc[entry.token]) and entry.person not in members:
                    members.append(entry.person)
            if len(members) >= 2:
                return Reference(tuple(members), "group", index) if size in (None, len(members)) else None
        return None

    def _described(self, noun: Token) -> Person | None:
        qualifiers = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound") and c.text[:1].isupper()}
        role = noun.lemma_.lower()
        for entry in reversed(self._salient):
            if entry.token >= noun.i:
                continue
            titles = entry.person.title_words
            titles = titles.union(*(TITLE_ROLES.get(t, ()) for t in titles))  # "Gov." -> "the governor"
            if titles & LEADING_TITLES and not titles & SUBORDINATE_TITLES:
                titles |= {"leader"}  # "Chinese President Xi Jinping" -> "the Chinese leader"
            if role in titles and qualifiers <= titles:
                return entry.person
        return None


def _has_the(token: Token) -> bool:
    """Whether a noun has "the" for its determiner: "the actress", "the couple", "the Pope"."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _noun_gender(noun: Token) -> str | None:
    """ "male" or "female" for a noun that says it ("the woman", "a Brandon man"), else None."""
    lemma = noun.lemma_.lower()
    return "male" if lemma in MALE_NOUNS else "female" if lemma in FEMALE_NOUNS else None


def _indefinite_description(token: Token) -> bool:
    """A singular noun for a person with "a" or "an": "a Brandon man", "an 18-year-old woman"."""
    return (
        token.tag_ == "NN"
        and _names_a_kind_of_person(token)
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
    )


def _names_a_kind_of_person(token: Token) -> bool:
    """A singular noun for a person ("the actress"), or a nationality or party standing alone as
    one ("the American was detained", "the Democrat traveled to Iowa": the model's NORP)."""
    if token.pos_ == "NOUN" and token.tag_ == "NN":
        return token.lemma_.lower() in PERSON_NOUNS
    if token.lower_ == "old" and any(c.lemma_.lower() in ("year", "month") for c in token.children):
        return True  # "the 45-year-old was taken to the county jail": an age standing for a person
    # "the Marine was flown to Germany": a noun for a person that the writer capitalises, which
    # the model then takes for a proper noun.
    return (
        token.pos_ == "PROPN"
        and token.tag_ == "NNP"
        and (token.ent_type_ == "NORP" or token.lemma_.lower() in PERSON_NOUNS)
        and all(c.dep_ == "det" for c in token.children)
    )


def _counted_group(token: Token) -> int | None:
    """How many people a subject that counts them is: "Both were arrested" (2), "the pair" (2),
    "the three men" (3), "The six arrived" (6); None for any other word."""
    if token.dep_ not in _SUBJECT_DEPS:
        return None
    lower = token.lower_
    if lower == "both" and token.pos_ in ("PRON", "DET") and not any(c.dep_ == "prep" for c in token.children):
        return 2  # not "both of the cars"
    if not _has_the(token):
        return None
    if token.pos_ == "NOUN" and token.lemma_.lower() in _PAIR_NOUNS:
        return _PAIR_NOUNS[token.lemma_.lower()]
    if token.pos_ == "NUM" and lower in _COUNTS and not any(c.dep_ == "prep" for c in token.children):
        return _COUNTS[lower]  # "The six arrived"; not "the six of them", a part of some group
    if token.pos_ == "NOUN" and token.tag_ == "NNS" and token.lemma_.lower() in PERSON_NOUNS | OCCUPATION_NOUNS:
        counts = [_COUNTS[c.lower_] for c in token.children if c.dep_ == "nummod" and c.lower_ in _COUNTS]
        return counts[0] if counts else None
    return None


def _names_a_group_of_people(token: Token) -> bool:
    """ "both men", "the two suspects" (a plural noun for people with "both" or "two"), or "the
    couple" as a subject."""
    if token.pos_ != "NOUN":
        return False
    lemma = token.lemma_.lower()
    if lemma in COUPLE_NOUNS:
        return token.dep_ in _SUBJECT_DEPS and _has_the(token)
    return (
        token.tag_ == "NNS"
        and (lemma in PERSON_NOUNS or lemma in OCCUPATION_NOUNS)
        and any(c.lower_ in _GROUP_WORDS for c in token.children)
    )


def is_bare_description_subject(token: Token) -> bool:
    """ "Doctor returns to Newark", "Senior U.S. Military Official Visits Georgia": a headline's
    subject, a person noun with no article or possessor, describes whom the article is about."""
    if token.dep_ not in _SUBJECT_DEPS or token.pos_ not in ("NOUN", "PROPN") or token.tag_ not in ("NN", "NNP"):
        return False
    if any(c.dep_ in ("det", "poss") for c in token.children):
        return False
    lemma = token.lemma_.lower()
    return lemma in PERSON_NOUNS or lemma in ROLE_NOUNS or lemma in OCCUPATION_NOUNS


def _kinship_relation(token: Token) -> str | None:
    """The relation a possessed kinship noun names ("her aunt" -> "aunt"), or None."""
    if token.pos_ != "NOUN" or not any(c.dep_ == "poss" for c in token.children):
        return None
    return KINSHIP_RELATIONS.get(token.lower_) or KINSHIP_RELATIONS.get(token.lemma_.lower())


def _apposed_name(noun: Token, cast: Cast) -> Person | None:
    """The person a kinship noun is apposed to: "Cory Stevens, Georgia's father", "her husband, John"."""
    for candidate in [noun.head] if noun.dep_ == "appos" else []:
        person = cast.person_at(candidate)
        if person is not None:
            return person
    for child in noun.children:
        if child.dep_ in ("appos", "compound") and child.i > noun.i:
            person = cast.person_at(child)
            if person is not None:
                return person
    # "Her husband, John Finney said": an apposition the parser took for a second subject.
    after = noun.right_edge.i + 1
    doc = noun.doc
    if after + 1 < len(doc) and doc[after].text == "," and noun.dep_ in ("nsubj", "nsubjpass"):
        return cast.person_at(doc[after + 1])
    return None


def _inside_quote(token: Token) -> bool:
    """Whether `token` stands inside quotation marks opened earlier on its line."""
    # The tokens back to the line's start, not `doc.text`: spaCy joins the whole text anew at
    # every use of that (some 190 microseconds a call, against 25 for this walk).
    quotes = 0
    for earlier in reversed(token.doc[: token.i]):
        piece = earlier.text_with_ws
        line_break = piece.rfind("\n")
        if line_break >= 0:
            piece = piece[line_break + 1 :]
        quotes += piece.count('"') + piece.count("\u201c") + piece.count("\u201d")
        if line_break >= 0:
            break
    return quotes % 2 == 1


def _add(people: list[Person], person: Person) -> None:
    if person not in people:
        people.append(person)


def _in_report(token: Token, verb: Token) -> bool:
    """Whether `token` is inside what `verb` reports (its complement clause), not beside it."""
    if verb.dep_ == "appos":
        verb = verb.head
    verb = verb.head if verb.pos_ not in ("VERB", "AUX") else verb
    return any(c.dep_ in ("ccomp", "parataxis") and c.left_edge.i <= token.i <= c.right_edge.i for c in verb.children)


def _is_source(token: Token) -> bool:
    """The subject of a verb of saying, or of any verb whose object is a clause with a subject of
    its own ("Lowe estimated that Reed's transfer would take 60 days", "Police believe the man
    fled"): the source of a report or a judgement rather than one it is about."""
    head = _name_head(token)
    if head.dep_ == "appos":
        head = head.head  # "Bahetoukilae's niece, Diane Miantsoko, says"
    verb = head.head
    if head.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
        return False
    return verb.lemma_.lower() in REPORTING_VERBS or any(
        c.dep_ == "ccomp" and c.i > verb.i and any(s.dep_ in _SUBJECT_DEPS for s in c.children) for c in verb.children
    )


def relative_in_apposition(token: Token) -> bool:
    """Whether a name the parser apposed or coordinated to a noun phrase is the one a relation noun
    between them is "of": in "Mitchell, the father of NBA star and standout Jalen Mitchell, stopped
    in", the parser may hang "Jalen Mitchell" on the subject "Mitchell" (as its apposition, or
    across "and" as a second subject), but he is only the one the subject is the father of, no
    subject and no actor of the clause. Not past a comma after the "of" phrase ("Tom Reed, the
    father of Ann, and Paul Reed arrived": Paul is a subject)."""
    head = _name_head(token)
    if head.dep_ not in ("appos", "conj") or head.head.i > head.i:
        return False
    doc = token.doc
    for noun in doc[head.head.i + 1 : token.i]:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in RELATION_NOUNS:
            continue
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None and not any(t.text == "," for t in doc[of.i + 1 : token.i]):
            return True
    return False


def _is_subject(token: Token) -> bool:
    """A subject, a coordinated subject, or a name in apposition to a subject ("The president of
    France, Nicolas Sarkozy, said")."""
    head = _name_head(token)
    if head.dep_ in _SUBJECT_DEPS or (head.dep_ == "conj" and head.head.dep_ in _SUBJECT_DEPS):
        return True
    if head.dep_ == "appos":
        # The parser may hang the apposition on the subject's "of" phrase: "The president of
        # France, Nicolas Sarkozy, said" (Sarkozy -> France -> of -> president).
        noun = head.head
        while noun.dep_ in ("pobj", "prep") and noun.head.i != noun.i:
            noun = noun.head
        return noun.dep_ in _SUBJECT_DEPS
    return False


def _is_participant(token: Token) -> bool:
    """A subject or object of a verb, or its "with"/"by" companion: someone taking part."""
    head = _name_head(token)
    while head.dep_ == "conj" or (head.dep_ == "appos" and _opens_rest_of_list(head)):
        # "John Smith, Tom Reed and Paul Grant were charged": the parser may take the second
        # name of a list for the first's apposition; the "and" after it says it is a list.
        head = head.head
    if head.dep_ in _PARTICIPANT_DEPS:
        return True
    if head.dep_ == "pobj" and head.head.lower_ in ("with", "by") and head.head.head.pos_ in ("VERB", "AUX"):
        return True
    return False


def _opens_rest_of_list(name: Token) -> bool:
    """Whether a name has the rest of a list hung on it: "Tom Reed and Paul Grant"."""
    return any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in name.children) and any(
        c.dep_ == "conj" for c in name.children
    )


def _name_head(token: Token) -> Token:
    """The head of the noun phrase a name token sits in: "Vladimir" -> "Putin"."""
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    return token
