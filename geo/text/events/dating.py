"""When an event happened: the date expression that belongs to its clause, anchored on publication.

Date expressions come from `geo.text.dates` (found in the text, each with its span) and are
tied to the event by the parse, in this order:

1. a date in the trigger's own clause ("entering Russia ... on Tuesday"), leaving out dates that
   only bound it ("since April 2019", "until", "by", "before", "after"), or, with none there, in
   the clause of a verb coordinated with it that shares its subject and its time ("flew to Paris
   and met Tom Reed on Tuesday"; not "flew to Paris and will meet him on Tuesday");
2. a date the clause hangs from ("since April 2019, when he visited": the visit is in April 2019)
   or a date of a clause governing it, climbing no higher than a verb of saying or guessing
   ("On Friday, state media published video showing Kim's train pulling into ...": Friday);
   planned events climb only through the clauses that carry the plan ("is expected to visit");
3. for an event that happened, the nearest date of its sentence that no other clause claims and
   that no verb of saying governs;
4. otherwise unknown: no date is invented.

A date in a clause or apposition that describes a person or a thing, and does not hold the
event, is left out of steps 1 and 3 and of the story's time: "Smith, who joined the Senate in
2005, arrived ...", "al-Wahab, born in 1952, was found dead ...", "a 2008 graduate of Yale"
(history recalled in the same sentence). One on a gathering is its date ("the summit, which
took place in Hanoi in 2019"), and one a photo caption sets after the trigger's own place is its
act's ("leaves a hotel in Paris, Monday, March 23, 2009"). A year that classes a thing ("a 2008
Ford F-250") is no date. An act its own adverb sets before the story ("was originally detained",
"had previously served", "once worked") takes no date from the story's time.

Dates are resolved with the published date as anchor (future=True for planned and speculative
events, so "in October" after a September article is next October). Without a published date,
only expressions that mean the same whatever the anchor ("April 2019") are kept.

Offsets from another event are read against that event: in "The 2019 visit came two months after
Kim failed ... during a summit in Vietnam", the summit sits inside the "after" clause, so its date
is the main clause's date (the 2019 visit, refined to the April 2019 event told before it) moved
two months back. "a day later" on its own counts from the last dated event before it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from geo.model import DateInterval, DatePrecision, EventStatus
from geo.text.dates import DateExpression, find_date_expressions, resolve_relative
from geo.text.dates.forms import CalendarDate, Relation, WeekdayDate
from geo.text.events.lexicon import (
    EVENT_NOUNS,
    FUTURE_MODALS,
    PERSON_NOUNS,
    PLANNING_HEADS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SPECULATION_VERBS,
    carried_by_light_verb,
    lemma_in,
)
from geo.text.events.parsing import is_past_progressive
from geo.text.events.triggers import charged_act

__all__ = ["DateSource", "EventDate", "ArticleDates", "lasted_years", "own_clause", "schedules"]

_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "xcomp", "csubj", "csubjpass"})
_BOUNDING_PREPS = frozenset({"since", "until", "till", "by", "before", "after"})
_PLAN_CARRIERS = frozenset({"xcomp", "conj", "dep", "acomp", "attr"})
_MAX_CLIMB = 6
# Two anchors far apart: an expression meaning the same from both needs no anchor at all.
_PROBE_ANCHORS = (date(2001, 3, 7), date(2017, 11, 21))


class DateSource:
    CLAUSE = "clause"
    GOVERNING = "governing"
    SENTENCE = "sentence"
    CARRIED = "carried"  # from the sentence a group reference points back to
    RELATIVE = "relative"
    NARRATIVE = "narrative"  # the story's time: the latest date told just before, or publication
    UNPLACED = "unplaced"  # a time the text states and nobody can place ("today", no publication date)
    NONE = "none"


@dataclass(frozen=True, slots=True)
class EventDate:
    interval: DateInterval
    source: str  # a DateSource value


_UNKNOWN = EventDate(DateInterval(), DateSource.NONE)
# How far before publication a stated date still belongs to the story's own time.
_STORY_TIME = timedelta(days=366)


@dataclass(frozen=True, slots=True)
class _Located:
    expression: DateExpression
    first: int
    last: int  # exclusive
    root: Token

    @property
    def preposition(self) -> str | None:
        head = self.root.head
        return head.lower_ if self.root.dep_ == "pobj" and head.dep_ == "prep" else None

    def covers(self, token: Token) -> bool:
        return self.first <= token.i < self.last


def own_clause(token: Token) -> set[int]:
    """The tokens of the clause (or noun phrase) `token` heads, without the clauses inside it."""
    tokens = {token.i}
    stack = list(token.children)
    while stack:
        child = stack.pop()
        if child.dep_ in _CLAUSE_DEPS or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")):
            continue
        tokens.add(child.i)
        stack.extend(child.children)
    return tokens


class ArticleDates:
    """The date expressions of one parsed article, and the date each event takes from them."""

    def __init__(self, doc: Doc, published: date | None) -> None:
        self.doc = doc
        self.published = published
        self.sentences = list(doc.sents)
        self._sentence_starts = [sentence.start for sentence in self.sentences]
        self.located: list[_Located] = []
        for expression in find_date_expressions(doc.text):
            span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
            if span is not None and len(span) and not _names_a_vintage(span):
                self.located.append(_Located(expression, span.start, span.end, span.root))

    def resolve(self, expression: DateExpression, *, future: bool) -> DateInterval:
        """`expression` anchored on publication; UNKNOWN when it needs an anchor there is not."""
        if self.published is not None:
            return expression.resolve(self.published, future=future)
        first, second = (expression.resolve(a, future=future) for a in _PROBE_ANCHORS)
        return first if first == second else DateInterval()

    def date_for(
        self,
        trigger: Token,
        status: EventStatus,
        *,
        other_triggers: frozenset[int] = frozenset(),
        earlier: Sequence[DateInterval] = (),
    ) -> EventDate:
        """The date of the event `trigger` starts; `earlier` are the dates of events told before."""
        # "was flying to Madrid on Monday when the engine failed": under way in the past, so its
        # weekday is behind the story whatever became of the journey; so is an act someone is
        # suspected of ("is suspected of setting a fire in Fresno on Sunday"), and a guess or an
        # attempt told in the past ("police believe he fled to Madrid on Sunday", "may have
        # traveled", "tried to flee to Madrid on Monday").
        future = (
            status is not EventStatus.OCCURRED
            and not is_past_progressive(trigger)
            and not charged_act(trigger)
            and not _guessed_or_tried_in_the_past(trigger)
        )
        clause = own_clause(trigger)
        describing = {d.root.i for d in self.located if d.root.i in clause and _describes_a_noun(d.root, trigger)}
        found = self._in_clause(clause, trigger, exclude=describing) or self._in_conjoined(trigger, describing, status)
        source = DateSource.CLAUSE
        if found is None:
            found, source = self._governing(trigger, status)
        if found is None and status is EventStatus.OCCURRED:
            found, source = self._in_sentence(trigger, other_triggers), DateSource.SENTENCE
        if found is None:
            return _UNKNOWN
        if found.expression.needs_reference:
            return self._relative(found, trigger, earlier)
        interval = self.resolve(found.expression, future=future)
        if not future and self.published is not None and _simple_present(trigger) and _yearless(found.expression):
            # "Jayden Mills leaves for Lima on June 3", "visits Edmonton in July": a simple
            # present tells a schedule as well as a caption's moment; a month or a day without a
            # year is then the nearer one, ahead or back (a weekday is read as before: captions
            # tell the past so).
            ahead = self.resolve(found.expression, future=True)
            if _nearer(ahead, interval, self.published):
                interval = ahead
        return EventDate(interval, source) if interval.precision is not DatePrecision.UNKNOWN else _UNKNOWN

    def main_clause_date(self, sentence_index: int, *, future: bool = False) -> DateInterval | None:
        """The date of a sentence's main clause ("Putin on Friday briefed ..."), if it has one."""
        sentence = self.sentences[sentence_index]
        found = self._in_clause(own_clause(sentence.root), sentence.root, exclude=set())
        if found is None or found.expression.needs_reference:
            return None
        interval = self.resolve(found.expression, future=future)
        return interval if interval.precision is not DatePrecision.UNKNOWN else None

    def after_publication(self, interval: DateInterval) -> bool:
        """Whether a date lies after publication: a present-tense verb with a date to come
        ("Kim travels to Moscow next week") tells a plan."""
        return self.published is not None and interval.start is not None and interval.start > self.published

    def before_story_time(self, interval: DateInterval) -> bool:
        """Whether a date the text states lies more than a year before publication (or, with no
        publication date, is a stated year at all): a life's background ("was born in
        Gainesville in 1884"), not the time the story tells of."""
        if interval.start is None:
            return False
        return self.published is None or interval.start < self.published - _STORY_TIME

    def narrative_date(self, token: Token, *, sentences_back: int = 2) -> EventDate:
        """The story's time for a past event that gives no date (`_story_time`); none for an act
        that lasted years ("spent years working in Paris", "lived there for two decades"), which
        is told in the story's time but spans a stretch of a life that has no one date."""
        found = self._story_time(token, sentences_back)
        if found.source == DateSource.NARRATIVE and lasted_years(token):
            return EventDate(DateInterval(), DateSource.NARRATIVE)
        return found

    def _story_time(self, token: Token, sentences_back: int) -> EventDate:
        """The time the story is at when `token` is told, for a past event that gives no date.

        News tells its events in the time it set last: the latest absolute date expression
        in the sentence or the `sentences_back` before it, resolved as past; none when that
        expression cannot be placed ("today" with no publication date). With none, the month of
        publication, since a report tells what has just happened; no date at all when the
        publication date is unknown.
        """
        if _told_as_earlier(token):
            return _UNKNOWN  # "Brunson was originally detained in Izmir": before the story's time
        clause = own_clause(token)
        stated = [d for d in self.located if d.root.i in clause]
        unplaced = bool(stated) and all(
            self.resolve(d.expression, future=False).precision is DatePrecision.UNKNOWN for d in stated
        )
        here = bisect.bisect_right(self._sentence_starts, token.i) - 1
        earliest = self._sentence_starts[max(0, here - sentences_back)]
        told = [
            d
            for d in self.located
            if earliest <= d.root.i <= token.i
            and not d.expression.needs_reference
            and d.expression.offset is None
            and not _describes_a_noun(d.root, token)
        ]
        if unplaced:
            # "Ms. Ames died Saturday" with no publication date: the event's own time, which nobody
            # can place, not the time the story was at before it (her birth in 1923); unless the
            # day told last is that weekday ("a Tuesday, March 17, 2009 photo ... was released
            # from prison Tuesday").
            return self._same_weekday(stated, told)
        for located in reversed(told):
            interval = self.resolve(located.expression, future=False)
            if interval.precision is DatePrecision.UNKNOWN:
                # "Today Georgia skates in Red Deer" with no publication date: the story is at a
                # time the text states and nobody can place, not at the year told before it, and
                # not one with the dated stop there ("the move back to Innisfail in 2015").
                return EventDate(DateInterval(), DateSource.UNPLACED)
            if _dates_a_thing(located.root) and self.before_story_time(interval):
                # "honors the pig as the first source of insulin in 1921": the year of a thing
                # the story recalls, not a time the story moves to.
                continue
            if self.published is None or interval.start is None or interval.start <= self.published:
                return EventDate(interval, DateSource.NARRATIVE)
        if self.published is None:
            return _UNKNOWN
        month = DateInterval(self.published.replace(day=1), self.published, DatePrecision.MONTH)
        return EventDate(month, DateSource.NARRATIVE)

    def _same_weekday(self, stated: Sequence[_Located], told: Sequence[_Located]) -> EventDate:
        """The day told last, when it is the weekday `stated` names; else a time nobody can place."""
        weekdays = {
            d.expression.form.weekday
            for d in stated
            if isinstance(d.expression.form, WeekdayDate)
            and d.expression.form.week is None
            and d.expression.form.relation is Relation.NEAREST
        }
        for located in reversed(told):
            if located in stated:
                continue
            interval = self.resolve(located.expression, future=False)
            if interval.precision is DatePrecision.UNKNOWN:
                continue
            if interval.precision is DatePrecision.DAY and interval.start.weekday() in weekdays:
                return EventDate(interval, DateSource.NARRATIVE)
            break
        return EventDate(DateInterval(), DateSource.UNPLACED)

    # -- the steps ---------------------------------------------------------------------------
    def _in_clause(self, clause: set[int], near: Token, *, exclude: set[int]) -> _Located | None:
        candidates = [
            d
            for d in self.located
            if d.root.i in clause
            and d.root.i not in exclude
            and (d.preposition not in _BOUNDING_PREPS or d.expression.offset is not None)
        ]
        return min(candidates, key=lambda d: abs(d.root.i - near.i), default=None)

    def _in_conjoined(self, verb: Token, exclude: set[int], status: EventStatus) -> _Located | None:
        """The date of a verb coordinated with `verb` that shares its subject and its time, when
        `verb`'s own clause gives none: "flew to Paris and met Tom Reed on Tuesday", "is relocating
        to Paris and will begin his duties on July 1"."""
        for partner in _subject_sharing_conjuncts(verb):
            if not _time_agrees(partner, status):
                continue
            found = self._in_clause(own_clause(partner), partner, exclude=exclude)
            if found is not None:
                return found
        return None

    def _governing(self, trigger: Token, status: EventStatus) -> tuple[_Located | None, str]:
        previous, node = trigger, trigger.head
        for _ in range(_MAX_CLIMB):
            if node.i == previous.i:
                break
            hanging = next((d for d in self.located if d.covers(node)), None)
            if hanging is not None and previous.dep_ == "relcl":
                return hanging, DateSource.GOVERNING  # "April 2019, when he visited"
            if previous.dep_ == "relcl":
                break
            if node.lemma_.lower() in REPORTING_VERBS | SPECULATION_VERBS:
                break
            if (
                status is not EventStatus.OCCURRED
                and previous.dep_ not in _PLAN_CARRIERS
                and not schedules(previous, node)
                and not carried_by_light_verb(previous)  # "will take a trip to Berlin on Monday"
            ):
                break
            exclude = {t.i for t in previous.subtree}
            found = self._in_clause(own_clause(node), node, exclude=exclude) or self._in_conjoined(
                node, exclude, status
            )
            if found is not None:
                return found, DateSource.GOVERNING
            previous, node = node, node.head
        return None, DateSource.NONE

    def _in_sentence(self, trigger: Token, other_triggers: frozenset[int]) -> _Located | None:
        sentence = trigger.sent
        candidates = []
        for located in self.located:
            if not (sentence.start <= located.root.i < sentence.end):
                continue
            if located.preposition in _BOUNDING_PREPS and located.expression.offset is None:
                continue
            clause_head = _clause_head(located.root)
            if clause_head.lemma_.lower() in REPORTING_VERBS or (
                clause_head.i in other_triggers and clause_head.i != trigger.i
            ):
                continue
            if _describes_a_noun(located.root, trigger):
                continue
            candidates.append(located)
        return min(candidates, key=lambda d: abs(d.root.i - trigger.i), default=None)

    def _relative(self, found: _Located, trigger: Token, earlier: Sequence[DateInterval]) -> EventDate:
        attached = found.root.head if found.root.head.i != found.root.i else found.root
        main: Token | None = None
        if attached.dep_ == "advcl" and any(t.i == trigger.i for t in attached.subtree):
            # "A came two months after B": the event is B; its reference is A, the main clause.
            main, inner = attached.head, attached
        elif found.root.dep_ in ("prep", "npadvmod") and any(t.i == trigger.i for t in found.root.subtree):
            # "arrived in Vilnius on Monday, two days after a visit to Riga", "arrived in Seoul
            # Monday, a day after leaving Tokyo": the visit, the leaving, is B.
            main, inner = attached, found.root
        inside = main is not None
        reference: DateInterval | None = None
        if main is not None:
            exclude = {t.i for t in inner.subtree}
            stated = self._in_clause(own_clause(main), main, exclude=exclude)
            if stated is not None and not stated.expression.needs_reference:
                reference = _refine(self.resolve(stated.expression, future=False), earlier)
        if reference is None:
            reference = next((d for d in reversed(earlier) if d.precision is not DatePrecision.UNKNOWN), None)
        if reference is None or reference.precision is DatePrecision.UNKNOWN:
            return _UNKNOWN
        return EventDate(resolve_relative(found.expression, reference, invert=inside), DateSource.RELATIVE)


def schedules(subject: Token, verb: Token) -> bool:
    """ "the trip is scheduled for June", "the visit has been delayed until June": the verb's date
    is the date of the event its subject names."""
    return subject.dep_ in ("nsubj", "nsubjpass") and (
        lemma_in(verb, PLANNING_HEADS) or verb.lemma_.lower() in ("delay", "push", "move")
    )


# Nouns a year may class a person by: "the 2008 Fair Queen", "the 2016 champion".
_TITLE_NOUNS = PERSON_NOUNS | ROLE_NOUNS


def _names_a_vintage(span: Span) -> bool:
    """A year that classes a thing rather than dating an event: "a 2008 Ford F-250", "a 2008
    graduate of Yale" (a year on a noun with "a", on a product's name, or on a person's title:
    "the 2008 Fair Queen"); "the 2014 Winter Olympics" and "the 2016 primary" are dates."""
    if len(span) != 1 or not span[0].like_num:
        return False
    year = span[0]
    if year.dep_ not in ("nummod", "compound", "amod") or year.head.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = year.head
    if noun.lemma_.lower() in _TITLE_NOUNS:
        return True  # "the 2008 Walker County Fair Queen", "last year's 2019 champion": a title
    return noun.ent_type_ == "PRODUCT" or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _simple_present(verb: Token) -> bool:
    """A verb in the simple present with no auxiliary: "leaves", "visit"."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _yearless(expression: DateExpression) -> bool:
    """A month or a day of a month with no year, which the anchor places ("June 3", "in July")."""
    form = expression.form
    return isinstance(form, CalendarDate) and form.year is None and form.relation is Relation.NEAREST


def _nearer(first: DateInterval, second: DateInterval, anchor: date) -> bool:
    """Whether `first` starts nearer to `anchor` than `second` does."""
    if first.start is None or second.start is None:
        return False
    return abs((first.start - anchor).days) < abs((second.start - anchor).days)


# Verbs of trying (the attempts among the status reader's WISH_HEADS), whose past tells an attempt
# already made: "tried to flee to Madrid on Monday".
_ATTEMPT_VERBS = frozenset(["try", "attempt", "seek"])


def _guessed_or_tried_in_the_past(verb: Token) -> bool:
    """Whether a verb read as not having happened for sure is nonetheless told in the past: a
    simple past a guess is made of ("police believe he fled to Madrid"), a perfect after a modal
    ("may have traveled"), or what a past attempt tried ("tried to flee to Madrid"). A plan told
    in the past ("was set to arrive on Monday", "was to speak") still looks ahead."""
    if verb.tag_ == "VBD":
        return True
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBN" and "have" in auxiliaries and "will" not in auxiliaries:
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.tag_ == "VBD" and head.lemma_.lower() in _ATTEMPT_VERBS


def _describes_a_noun(token: Token, trigger: Token) -> bool:
    """Whether `token` lies in a clause or apposition that describes a noun and does not hold the
    trigger: "Smith, who joined the Senate in 2005, arrived ...", "Jones, born in 1952, was found
    dead ...", "Brown, a 2008 graduate of Yale, visited ...". Such a date tells the person's past,
    not the event's time (history recalled in the same sentence)."""
    current = token
    for _ in range(_MAX_CLIMB * 2):
        head = current.head
        if head.i == current.i:
            return False
        if current.dep_ == "appos" and _of_the_triggers_place(head, trigger):
            return False  # a caption's "leaves a hotel in Paris, Monday, March 23, 2009"
        if current.dep_ in _NOUN_MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "the summit, which took place in Hanoi in 2019": a gathering's own date.
            holds_trigger = current.i == trigger.i or current.is_ancestor(trigger)
            return head.lemma_.lower() not in EVENT_NOUNS and not holds_trigger
        current = head
    return False


# Adverbs that set an act before the time the story tells: "was originally detained in Izmir",
# "had previously lived in Oslo", "once worked in Paris".
_EARLIER_ADVERBS = frozenset(["originally", "previously", "formerly", "once", "initially"])


def _told_as_earlier(verb: Token) -> bool:
    """Whether the verb's own adverb sets its act before the story's time, which no date near it
    then gives."""
    return any(c.dep_ == "advmod" and c.lower_ in _EARLIER_ADVERBS for c in verb.children)


# Spans of time that outlast the story's moment: "spent years", "for two decades".
_LONG_SPANS = frozenset(["year", "decade", "century"])


def lasted_years(verb: Token) -> bool:
    """Whether the act lasted years: its verb (or the verb of spending time it is told under)
    takes years as its object or measure ("spent years working in Paris", "has completed six
    years as mayor in York", "worked in Oslo for two decades"). Such an act spans a stretch of a
    life, and the story's time is no date of it."""
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in _LONG_SPANS:
        return True  # "spent years working in Paris": the parser hangs the gerund on the years
    verbs = [verb]
    if verb.dep_ in ("xcomp", "advcl") and verb.tag_ == "VBG":
        verbs.append(verb.head)  # "spent years under cover working in Paris"
    for current in verbs:
        for child in current.children:
            if child.dep_ in ("dobj", "npadvmod") and child.lemma_.lower() in _LONG_SPANS:
                return True
            if (
                child.dep_ == "prep"
                and child.lower_ in ("for", "over")
                and any(n.dep_ == "pobj" and n.lemma_.lower() in _LONG_SPANS for n in child.children)
            ):
                return True
    return False


def _subject_sharing_conjuncts(verb: Token) -> list[Token]:
    """The verbs coordinated with `verb` that share one subject with it: the coordination's later
    verbs have none of their own."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []

    def own_subject(token: Token) -> bool:
        return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)

    partners = []
    for other in verb.conjuncts:
        if other.pos_ not in ("VERB", "AUX"):
            continue
        later = other if other.i > verb.i else verb
        if not own_subject(later):
            partners.append(other)
    return partners


def _tells_future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in verb.children)


def _time_agrees(partner: Token, status: EventStatus) -> bool:
    """Whether a coordinated verb tells the time the event is told in: no time to come for one
    that happened ("flew to Paris and will meet him on Tuesday"), no past for one to come."""
    if status is EventStatus.OCCURRED:
        return not _tells_future(partner)
    return partner.tag_ != "VBD"


def _of_the_triggers_place(noun: Token, trigger: Token) -> bool:
    """Whether `noun` is the proper name a preposition of the trigger itself governs ("leaves a
    hotel in Paris"): a date set beside it after a comma is when the act was, as a photo caption
    writes it, not a description of the place."""
    return noun.pos_ == "PROPN" and noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i == trigger.i


def _dates_a_thing(token: Token) -> bool:
    """Whether a date's phrase hangs on a noun that is no event: "the first source of insulin in
    1921", "a bridge from 1932" (a meeting's or a war's date is the story's)."""
    current = token
    while current.dep_ == "pobj" and current.head.dep_ == "prep":
        head = current.head.head
        if head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in _TIME_NOUNS:
            current = head  # "in the summer of 2010": the time is the date's own
        elif head.pos_ in ("NOUN", "PROPN"):
            return head.lemma_.lower() not in EVENT_NOUNS
        elif head.pos_ == "ADP":
            current = head
        else:
            return False
    return False


# Nouns of time a date phrase may hang on as part of the date: "the summer of 2010", "the end of 2019".
_TIME_NOUNS = frozenset(
    "summer spring autumn fall winter season week weekend month year decade century end beginning start"
    " middle half quarter part day night morning afternoon evening time period".split()
)


# How a clause or a phrase hangs from a noun it describes.
_NOUN_MODIFIER_DEPS = frozenset({"relcl", "acl", "appos"})


def _clause_head(token: Token) -> Token:
    """The nearest verb governing `token` (itself if it is one)."""
    current = token
    for _ in range(_MAX_CLIMB):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


_ORDER = [DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR]


def _refine(stated: DateInterval, earlier: Sequence[DateInterval]) -> DateInterval:
    """A coarse date ("the 2019 visit") narrowed to the latest finer event date inside it."""
    if stated.start is None or stated.end is None or stated.precision not in _ORDER:
        return stated
    for interval in reversed(earlier):
        if (
            interval.start is not None
            and interval.end is not None
            and interval.precision in _ORDER
            and _ORDER.index(interval.precision) < _ORDER.index(stated.precision)
            and stated.start <= interval.start
            and interval.end <= stated.end
        ):
            return interval
    return stated
