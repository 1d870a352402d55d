"""Recognition: the place mentions of a text, found by the gazetteer and judged like a reader.

    text ──▶ gazetteer matcher (every name, one pass) ──▶ filters (capitals, English words,
         people, organisations, model numbers) ──▶ longest match wins ──▶ NER proposals for
         what the matcher missed ──▶ roles: DATELINE at the start, DEMONYM for "Russian"

A little-known one-word name needs a place-like context ("in Oakport", a legislator's
"R-Ocilla"); being coordinated with a recognised place is one: in "stopped in Oakport and
Moorhead", "Fargo, Moorhead or Oakport" every member of the list reads as a place once one of
them does. A name the model tagged as a person or organisation, or an English word, joins such
a list only when the list follows a locative word: in "in Moonbi, Parkes, Berry and Wyong" the
towns are places whatever the model says of "Parkes" and however English "Berry" is, while
"Clinton and Georgia" may pair a person with a place. A person's tag on a name that is no
one's, by the census lists of given names and surnames, is no such doubt: "Heathrow and
Gatwick", "Clarke and Oconee" are places wherever they stand. The kind of place written in lower
case after a name makes it a place as its region would ("Giza's Haram district", "the Warab
state"), and in the plural it makes one of every name of the list it ends, words and surnames
though they are ("Cooke, Grayson and Love counties"); streets and rivers are no such kind.

A facility the gazetteer does not know, named with a place, is kept on that place's mention as
its `venue`: "the Harwinton Senior Center" (the town begins the name), "the Royal Alexandria
Hospital in Paisley" or "..., Paisley" (the facility, then its town), "Boston's Fenway Stadium".

"X City" before a capitalised word ("Dublin City Council", "the Alexandria City Public Schools")
is the town X and its institution when "X City" is the own name of no town (only a town's
alternate, or a district's name): the mention is "Dublin". "Kansas City Council" stays whole.

A street or road ("2517 Memphis St.", "Highway 82": geo.text.composite_names) is one mention,
which no gazetteer place answers; the town it is named after is no mention there. A valley named
after a place ("the Salinas Valley") is one mention too, placed at that place.

Mentions come out unresolved (place=None); geo.text.resolve places them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from geo.gazetteer.base import Candidate, Gazetteer, NameType
from geo.gazetteer.names import normalize_name
from geo.model import Mention, MentionRole, Precision
from geo.text.composite_names import find_streets, find_valleys
from geo.text.context import build_context
from geo.text.dateline import find_dateline
from geo.text.filters import (
    CAPITALISED_WORD_AFTER,
    ENGLISH_WORD,
    FACILITY_HEADS,
    LIST_JOINER,
    LITTLE_KNOWN,
    LOCATIVE_WORDS,
    NEWS_AGENCY,
    NOT_CAPITALISED,
    PLURAL_KIND_AFTER,
    TAGGED_AS_PERSON,
    after_word_of,
    in_locative_context,
    is_capitalised,
    judge_name,
    kind_after,
    party_home,
    saints_possessives,
    venue_after,
)
from geo.text.given_names import given_name_share, surname_share
from geo.text.lookup import CandidateLookup, is_demonym
from geo.text.matcher import NameMatch, matcher_for, select_longest
from geo.text.nlp import PERSON_LABELS, PLACE_LABELS, TextAnalysis, analyse_text, analysis_from_doc
from geo.text.normalized_text import normalize_text
from geo.text.spans import DisjointSpans, SpanIndex

__all__ = ["PlaceRecognizer"]

_LEADING_ARTICLES = ("the ", "The ")
_POSSESSIVES = ("'s", "\u2019s", "'", "\u2019")
# A facility's name right before its town: "the Royal Alexandria Hospital in Paisley", "X Center, Y".
_VENUE_BEFORE = re.compile(
    r"([A-Z][\w'\u2019\-]*(?:[ \u00a0](?:[A-Z][\w'\u2019\-]*|of|the|and|for|&)){0,6}?)"
    r"(?:,[ \u00a0]|[ \u00a0]in[ \u00a0])\Z"
)
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s?")
# Rejections that another mention of the same name as a place outweighs.
_WEAK_DOUBTS = frozenset(
    {
        LITTLE_KNOWN,
        TAGGED_AS_PERSON,
        "an English noun",
        "beside a capitalised name: a person",
    }
)
# Rejections that a list of places after a locative word outweighs ("in Moonbi, Parkes, Berry and Wyong").
_LIST_ONLY_DOUBTS = frozenset({TAGGED_AS_PERSON, ENGLISH_WORD})
# The comma between a town and its region ("Wainwright, Alta."), on one line.
_QUALIFYING_COMMA = re.compile(r",[ \u00a0]")
_CAPITALISED_WORD_BEFORE = re.compile(r"[A-Z][\w'\u2019\-]*[ \u00a0]\Z")


_CITY_SUFFIX = " city"


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    key: str
    role: MentionRole

    @property
    def length(self) -> int:
        return self.end - self.start


class PlaceRecognizer:
    """Finds place mentions in English text with a gazetteer, optionally helped by NER.

    `use_ner=False` is the fast mode: no spaCy model runs; person names are then read from
    titles and capitalised neighbours only. `include_demonyms` makes "Russian" a mention
    (role DEMONYM) in the output; demonyms are found either way, for `find_mentions`.
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        *,
        use_ner: bool = True,
        include_demonyms: bool = False,
        lookup: CandidateLookup | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.use_ner = use_ner
        self.include_demonyms = include_demonyms
        self.lookup = lookup or CandidateLookup(gazetteer)

    def recognize(self, text: str, doc: Doc | None = None) -> list[Mention]:
        """The place mentions of `text`, in text order, unresolved."""
        mentions = self.find_mentions(text, doc)
        if self.include_demonyms:
            return mentions
        return [m for m in mentions if m.role is not MentionRole.DEMONYM]

    def find_mentions(self, text: str, doc: Doc | None = None) -> list[Mention]:
        """Every mention including demonyms, whatever `include_demonyms` says (signals for resolution)."""
        if not text.strip():
            return []
        analysis = self._analyse(text, doc)
        normalized = normalize_text(text)
        # A name the text writes with a comma inside is two names, a place and its region ("Washington,
        # D.C." as "Lexington, Ky."), whatever single name the gazetteer also knows them by.
        raw = [m for m in matcher_for(self.gazetteer).find(normalized) if "," not in text[m.start : m.end]]
        context = build_context(text, analysis, known_place_words=frozenset(m.key for m in raw if " " not in m.key))
        dateline = find_dateline(text)

        accepted: list[NameMatch] = []
        little_known: list[NameMatch] = []
        listed_only: list[NameMatch] = []  # places only in a list of places after a locative word
        doubted: list[tuple[NameMatch, str]] = []
        placed: set[str] = set()  # names accepted where the text sets them as places
        rejected: set[tuple[int, int]] = set()
        starting_at: dict[int, list[NameMatch]] = {}
        for match in raw:
            starting_at.setdefault(match.start, []).append(match)
        of_a_kind = _of_a_kind(text, raw)
        for match in raw:
            if not is_capitalised(text[match.start : match.end]):
                # Most of what the matcher finds is a word in lower case ("on", "bath", "reading"):
                # no place whatever the gazetteer knows by it (judge_name's first test, done
                # before looking the name up).
                rejected.add((match.start, match.end))
                doubted.append((match, NOT_CAPITALISED))
                continue
            is_dateline = dateline is not None and (match.start, match.end) == (dateline.start, dateline.end)
            candidates = self.lookup.candidates(match.key)
            # A legislator's "R-Ocilla" sets the home as surely as "Ocilla, Ga." would.
            # So does the kind of place after the name ("the Haram district", "Love counties"), or
            # after the list it ends ("Cooke, Grayson and Love counties").
            qualified = (
                self._qualified(text, match, candidates, starting_at)
                or party_home(text, match.start)
                or (match.start, match.end) in of_a_kind
            )
            judgement = judge_name(
                match.key, match.start, match.end, candidates, context, dateline=is_dateline, qualified=qualified
            )
            if judgement.accepted:
                accepted.append(match)
                if is_dateline or qualified or in_locative_context(text, match.start, match.end):
                    placed.add(match.key)
            else:
                rejected.add((match.start, match.end))
                doubted.append((match, judgement.reason))
                if judgement.reason == LITTLE_KNOWN:
                    little_known.append(match)
                elif judgement.reason in _LIST_ONLY_DOUBTS:
                    listed_only.append(match)
        # "Dublin City Council", "the Alexandria City Public Schools": the town and its institution.
        # A town's alternate name with "City" ("Dublin city" for Dublin) reads the whole run as
        # a place when only the town is one; a town whose own name holds "City" ("Kansas City
        # Council", "Boulder City Hall") stays whole.
        institutions = [m for m in accepted if self._city_of_an_institution(text, m, starting_at)]
        if institutions:
            rejected.update((m.start, m.end) for m in institutions)
            accepted = [m for m in accepted if m not in institutions]
        # A name the story calls a news agency is the agency wherever it writes it ("Xinhua said").
        agencies = {match.key for match, reason in doubted if reason == NEWS_AGENCY}
        if agencies:
            rejected.update((m.start, m.end) for m in accepted if m.key in agencies)
            accepted = [m for m in accepted if m.key not in agencies]
        # One sense per story: a name the story sets as a place (a dateline, "in X", "X, Region")
        # is a place at its other mentions where only a weak signal said otherwise
        # ("Greer, South Carolina" ... "Greer's city limits", "the mayor of Greer").
        for match, reason in doubted:
            if match.key in placed and reason in _WEAK_DOUBTS:
                accepted.append(match)
                rejected.discard((match.start, match.end))
        listed = select_longest(accepted)
        joined = _coordinated(text, little_known + listed_only, listed)
        after_locative = _in_lists_after_locative(text, listed + joined)
        doubtful = {(m.start, m.end) for m in listed_only} - _persons_of_no_name(analysis, doubted)
        joined = [m for m in joined if (m.start, m.end) not in doubtful or (m.start, m.end) in after_locative]
        chosen = select_longest(accepted + joined)
        found = [
            self._role(m.start, self._abbreviation_end(text, m.start, m.end, m.key), m.key, dateline) for m in chosen
        ]
        found = _with_streets(text, found)
        found = self._with_valleys(text, found)
        if analysis is not None:
            found.extend(self._ner_proposals(text, analysis, found, rejected))
        # A name the gazetteer knows whole ("St. Peter's Square") stays; its saint and its words do not.
        saints = SpanIndex((start, end, (start, end)) for start, end in saints_possessives(text))
        found = [
            f
            for f in found
            if not any(f.start > start or f.end < end for start, end in saints.overlapping(f.start, f.end))
        ]
        found.sort(key=lambda f: f.start)
        return [
            Mention(
                f.start,
                f.end,
                text[f.start : f.end],
                role=f.role,
                venue=_venue_of(text, f.start, f.end) if f.role is MentionRole.PLACE else None,
            )
            for f in found
        ]

    def _city_of_an_institution(self, text: str, match: NameMatch, starting_at: dict[int, list[NameMatch]]) -> bool:
        """Whether `match` is "X City" before a capitalised word, the own name of no town (a
        town's alternate, a district's name), where "X" alone is a gazetteer name too."""
        if not match.key.endswith(_CITY_SUFFIX) or not CAPITALISED_WORD_AFTER.match(text, match.end):
            return False
        town_end = match.end - len(_CITY_SUFFIX)
        if not any(m.end == town_end for m in starting_at.get(match.start, ())):
            return False
        candidates = self.lookup.candidates(match.key)
        return bool(candidates) and not any(
            c.name_type is NameType.OFFICIAL and c.place.precision is Precision.CITY for c in candidates
        )

    def _with_valleys(self, text: str, found: list[_Found]) -> list[_Found]:
        """ "the Salinas Valley", "Swat Valley": a valley named after a place is one mention, which
        geo.text.resolve places at that place (the gazetteer holds towns and districts, not
        valleys). The name before "Valley" need only be a gazetteer name: "Swat" is an English
        word too, but not with "Valley" after it. A gazetteer name that covers the whole
        ("Sun Valley", Idaho) stays as it is."""
        spans = [
            (start, end)
            for start, end, name_end in find_valleys(text)
            if self.lookup.candidates(normalize_name(text[start:name_end]))
        ]
        return _with_composites(text, found, spans)

    def _qualified(
        self, text: str, match: NameMatch, candidates: list[Candidate], starting_at: dict[int, list[NameMatch]]
    ) -> bool:
        """Whether the name is followed by its own region or country: "Wainwright, Alta.",
        "Reading, Pa.", "Bath, England". News writes a town that way so that it is read as one,
        so a name that is also a word or a surname is a place when the region after it holds it."""
        comma = _QUALIFYING_COMMA.match(text, match.end)
        if comma is None or not candidates:
            return False
        for qualifier in starting_at.get(comma.end(), ()):
            for region in self.lookup.candidates(qualifier.key):
                place = region.place
                if place.precision not in (Precision.ADMIN1, Precision.COUNTRY):
                    continue
                if any(
                    c.place.country == place.country
                    and c.place.gazetteer_id != place.gazetteer_id
                    and (place.precision is Precision.COUNTRY or c.place.admin1 == place.name)
                    for c in candidates
                ):
                    return True
        return False

    def _analyse(self, text: str, doc: Doc | None) -> TextAnalysis | None:
        if doc is not None:
            return analysis_from_doc(doc)
        return analyse_text(text) if self.use_ner else None

    def _abbreviation_end(self, text: str, start: int, end: int, key: str) -> int:
        """Where a name ends with its abbreviation's full stop: "Ky." in "Lexington, Ky., said", as the
        gazetteer spells it (the matcher reads the name without the stop); "Man." after a town and
        its comma ("Churchill, Man."), though a town of Man ranks first; and a name whose last word
        is cut short ("Loudon Co.", "PLYMOUTH CO.", "Phila.": County, Philadelphia)."""
        if text[end : end + 1] != ".":
            return end
        candidates = self.lookup.candidates(key)
        if not candidates:
            return end
        written = text[start:end]
        with_stop = f"{written}.".casefold()
        qualifier = bool(_QUALIFYING_COMMA.search(text, max(0, start - 2), start))
        if "." not in written and any(
            c.name_type is NameType.ABBREVIATION and c.matched_name.casefold() == with_stop
            for c in (candidates if qualifier else candidates[:1])
        ):
            return end + 1
        if _cut_short(written, candidates[0].place.name):
            return end + 1
        return end

    def _role(self, start: int, end: int, key: str, dateline) -> _Found:
        if dateline is not None and (start, end) == (dateline.start, dateline.end):
            return _Found(start, end, key, MentionRole.DATELINE)
        if is_demonym(self.lookup.candidates(key)):
            return _Found(start, end, key, MentionRole.DEMONYM)
        return _Found(start, end, key, MentionRole.PLACE)

    def _ner_proposals(
        self, text: str, analysis: TextAnalysis, found: list[_Found], rejected: set[tuple[int, int]]
    ) -> list[_Found]:
        """GPE/LOC/FAC entities the matcher did not find, when the gazetteer knows them.

        A span the filters already judged, NER tag included, and rejected stays rejected.
        """
        proposals: list[_Found] = []
        found_spans = SpanIndex((f.start, f.end, f) for f in found)
        proposed = DisjointSpans()
        for entity in analysis.entities:
            if entity.label not in PLACE_LABELS:
                continue
            start, end = _trim_entity(text, entity.start, entity.end)
            if (start, end) in rejected or found_spans.overlaps(start, end) or proposed.overlaps(start, end):
                continue
            key = normalize_name(text[start:end])
            if not key or not text[start].isupper() or not self.lookup.candidates(key):
                continue
            proposals.append(self._role(start, end, key, None))
            proposed.add(start, end)
        return proposals


def _cut_short(written: str, name: str) -> bool:
    """Whether the last word of a name as written is the beginning of the same word of the place's own
    name, cut short: "Loudon Co" of Loudon County, "Phila" of Philadelphia; the full stop after it
    is the abbreviation's. A spelling one letter short is another spelling ("Eta" of Etah), and
    the full stop after it ends the sentence."""
    words, own = written.casefold().split(), name.casefold().split()
    return (
        len(words) == len(own)
        and words[:-1] == own[:-1]
        and words[-1].isalpha()
        and len(words[-1]) + 2 <= len(own[-1])
        and own[-1].startswith(words[-1])
    )


def _with_streets(text: str, found: list[_Found]) -> list[_Found]:
    """The mentions with the text's street names among them: "2517 Memphis St." is a street (with
    no place in the gazetteer), not a mention of Memphis."""
    return _with_composites(text, found, find_streets(text))


def _with_composites(text: str, found: list[_Found], spans: list[tuple[int, int]]) -> list[_Found]:
    """The mentions with each of `spans` as one mention, the names inside it gone.

    A span yields to a gazetteer name that is all of it ("Downing Street", "Sun Valley": places
    the gazetteer knows) or that runs beyond it ("Otter Tail County| Road 80": the county stays).
    """
    added: list[_Found] = []
    for start, end in spans:
        overlapping = [f for f in found if f.start < end and start < f.end]
        if any(f.start < start or f.end > end or (f.start, f.end) == (start, end) for f in overlapping):
            continue
        added.append(_Found(start, end, normalize_name(text[start:end]), MentionRole.PLACE))
    if not added:
        return found
    taken = SpanIndex((a.start, a.end, a) for a in added)
    return [f for f in found if not taken.overlaps(f.start, f.end)] + added


def _coordinated(text: str, waiting: list[NameMatch], places: list[NameMatch]) -> list[NameMatch]:
    """The little-known names listed with a recognised place ("Oakport and Moorhead"), transitively."""
    joined: list[NameMatch] = []
    anchors = list(places)
    pending = [m for m in waiting if not any(m.start < p.end and p.start < m.end for p in places)]
    while pending:
        found = [m for m in pending if any(_are_coordinated(text, m, anchor) for anchor in anchors)]
        if not found:
            break
        joined.extend(found)
        anchors.extend(found)
        pending = [m for m in pending if m not in found]
    return joined


# Words after which a list names places; not "of" or "to", which also govern people
# ("the wives of Clinton and ...", "spoke to Jackson and ...").
_LIST_LOCATIVE_WORDS = LOCATIVE_WORDS - {"of", "to"}


def _in_lists_after_locative(text: str, places: list[NameMatch]) -> set[tuple[int, int]]:
    """The spans of the places that belong to a list following a locative word ("in A, B and C").

    The members of a list follow one another with only a joiner between them, so one pass in
    text order finds where each list starts."""
    spans: set[tuple[int, int]] = set()
    previous: NameMatch | None = None
    list_after_locative = False
    for place in sorted(places, key=lambda m: (m.start, m.end)):
        if previous is None or not _are_coordinated(text, previous, place):
            list_after_locative = after_word_of(text, place.start, _LIST_LOCATIVE_WORDS)
        if list_after_locative:
            spans.add((place.start, place.end))
        previous = place
    return spans


def _of_a_kind(text: str, matches: list[NameMatch]) -> set[tuple[int, int]]:
    """The spans of the names the kind of place written after them qualifies: the name right before
    it ("the Haram district"), and, in the plural, every name of the list it ends ("Cooke, Grayson
    and Love counties")."""
    spans: set[tuple[int, int]] = set()
    ending_before: dict[int, list[NameMatch]] = {}
    for match in matches:
        ending_before.setdefault(match.end, []).append(match)
    for match in matches:
        if not kind_after(text, match.end) or (match.start, match.end) in spans:
            continue
        spans.add((match.start, match.end))
        if not PLURAL_KIND_AFTER.match(text, match.end):
            continue
        member = match
        while True:
            previous = [
                m
                for end in range(max(0, member.start - 8), member.start)
                for m in ending_before.get(end, ())
                if _are_coordinated(text, m, member)
            ]
            if not previous:
                break
            member = min(previous, key=lambda m: m.start)  # the longest name ending there
            spans.add((member.start, member.end))
    return spans


def _are_coordinated(text: str, one: NameMatch, other: NameMatch) -> bool:
    first, second = (one, other) if one.start < other.start else (other, one)
    return first.end <= second.start and bool(LIST_JOINER.match(text[first.end : second.start]))


def _persons_of_no_name(analysis: TextAnalysis | None, doubted: list[tuple[NameMatch, str]]) -> set[tuple[int, int]]:
    """The spans of the names the NER model tagged exactly as persons that no one bears: no given
    name begins them and no surname ends them, by the census lists ("Gatwick", "Oconee", "Etowah";
    not "Clinton", "Jackson"). The tag is the model's slip there, so such a name joins a list of
    places wherever the list stands ("Heathrow and Gatwick also reported delays")."""
    if analysis is None:
        return set()
    persons = {(e.start, e.end) for e in analysis.entities if e.label in PERSON_LABELS}
    spans = set()
    for match, reason in doubted:
        words = match.key.split()
        if (
            reason == TAGGED_AS_PERSON
            and (match.start, match.end) in persons
            and given_name_share(words[0]) == 0
            and surname_share(words[-1]) == 0
        ):
            spans.add((match.start, match.end))
    return spans


def _venue_of(text: str, start: int, end: int) -> str | None:
    """The name of the facility the text names with the place at [start, end), if it names one."""
    after = venue_after(text, end)
    if after is not None and not _CAPITALISED_WORD_BEFORE.search(text, max(0, start - 40), start):
        return text[start:after]  # "Harwinton Senior Center"
    possessive = _POSSESSIVE_AFTER.match(text, end)
    if possessive is not None:
        after = venue_after(text, possessive.end())
        if after is not None:
            return text[possessive.end() : after].strip()  # "Boston's |Fenway Stadium|"
    before = _VENUE_BEFORE.search(text, max(0, start - 100), start)
    if before is not None:
        name = before.group(1)
        if name.rsplit(None, 1)[-1].casefold() in FACILITY_HEADS:
            return name.removeprefix("The ")  # "the |Royal Alexandria Hospital| in Paisley"
    return None


def _trim_entity(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive: "the Black Sea's" -> "Black Sea"."""
    for article in _LEADING_ARTICLES:
        if text.startswith(article, start) and end - start > len(article):
            start += len(article)
    for possessive in _POSSESSIVES:
        if text.endswith(possessive, start, end) and end - start > len(possessive):
            end -= len(possessive)
            break
    return start, end
