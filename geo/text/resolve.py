"""Resolution: each place mention to one gazetteer place, chosen by prior and by the document.

A name's candidates are scored by the gazetteer's prior and by what the rest of the document
says: the countries it is about (demonyms and country names count), a region or country
written right after the name ("Maiduguri, Borno State", "SEOUL (S Korea)"), the regions other
mentions sit in, and how close a candidate lies to the places the other mentions resolve to.
A county written with its own name ("Walker County") counts as one of the nearby places (its
point lies among its towns); countries and first-level regions, too large for their point to
mean anything, count only by containment.
A town's name with no reading of the first rank ("Clinton", "Greenville": its likeliest reading a
town, none of its readings a weak namesake of a famous place) also counts the story's other
places in each reading's own first-level region (`same_region`): "Clinton" in a story of New
Haven is the Clinton of Connecticut, though Massachusetts' lies within reach of New Haven too
and is larger. Another name read as the very same place ("Springfield City") lends it nothing.
A town within `county_km` of a county the story names as one ("Edgar County", "Tangipahoa
Parish") gains `county`: US news names the county a town lies in as it names its state, and "the
City of Paris ... the Edgar County board" is Paris, Illinois, the county's seat, for all the French
capital's fame (LGL end to end, acc@161 .8934 -> .8965, joint .8243 -> .8272; TR-News and GeoVirus,
which name counties seldom, unchanged; at 2.0 or with second-level regions named bare, such as the
Philippines' provinces, it moved GeoVirus towns wrongly).
A name written before the word "county" or "counties" in lower case ("Nassau and Baker counties",
"Lancaster county") is a county, as a region written after it would place it: the county's short
name gains `qualifier` over the towns that bear it as their own (LGL given the spans .8920 ->
.8933: Baker, Hayes, Lancaster, Oglethorpe; the others unchanged).
A telephone number's area code ("call 806-423-1253") counts as much as a qualifier for the US
places where it rings (geo.gazetteer.phone_areas): Turkey, Texas for a story with a Panhandle
number, Huntington, West Virginia for one with a 304 number.
A name whose likeliest place is of the first rank (a country, a national capital: its prior at
least `famous_prior`; a city of `famous_population` people) is not pulled to a much weaker
namesake (below `namesake_share` of that prior: Washington, England, or Rome, New York) by one
place of the namesake's region alone:
such a namesake needs `famous_support` of the document's places in or around its region, or
places near it, or a qualifier ("Rome, N.Y."), as the plainer namesakes need one: a story that
names New York once does not move Boston to the village of Boston, New York. A dateline written
without its state or country ("WASHINGTON (AP) -") is such a name read with no help from the story
at all: a wire leaves the state out only for a city its readers know.
A country named in a list of countries ("envoys from Iran, the United States and Russia") tells
who takes part, not where the story is: it lends the other names no evidence (LGL given the
spans .8918 -> .8920, "Italy" in a list of countries no longer pulled to Italy, Texas; the
others unchanged), where a country named alone still does.
A name is one place in one story: a qualifier written at one of its mentions ("NEWARK, N.J.")
holds at the others ("flew from Newark"), and at every round each mention of a name is scored by
the mean of its mentions' scores, so "Paris" is not Paris, Tennessee in one sentence and the French
capital in the next. A town written with a region none of its namesakes lies in ("Taji, Iraq") is
read as that region, at the region's precision, rather than as a namesake abroad.
The choice is made by a few rounds of agreement: each round re-scores one name at a time
against the others' latest choices, the names surest of their reading first (in the first
round a name sees only those read before it), until no choice changes, so a coherent set of
places beats scattered ones. Before the rounds,
each name's local readings that lie close to local readings of other names gain: a story of
London, St. Thomas and Middlesex is in Ontario although each name alone means somewhere else,
and rounds that start from each name's likeliest reading would not find it.
A mention the gazetteer cannot place keeps place=None and confidence 0: it is never guessed.

Readings of a name settled before scoring:
- the article: "the White House", "The Hague", "The Gambia" stand for a place whose own name is
  the name with or without its "the"; a place that merely lists "The White House" among its
  alternate names (Casablanca, translated) is not meant. When the text writes a lowercase "the"
  before a name and the gazetteer knows "the" + name, those places are the candidates. Written
  with its article, a name is a sea or region ("the Pacific") or a seat of government ("the
  Elysee", "the Capitol") rather than a town or district of that name.
- the namesake city: a city of a million or more that shares its name with its own first-level
  region (New York, Sao Paulo, Mexico City's "Mexico" is a country and does not count) is what a
  story means when it writes the name as a location ("in New York", "from New York", "New
  York's mayor", "a New York-based firm") or as its dateline ("NEW YORK (Reuters) -");
  elsewhere (lists of states, "New York Gov.") the region's prior stands.
- the region and its stronger namesake city: first-level regions lose their bonus as containers
  when the name's likeliest place by prior is a city of the same country as one of them
  (Washington, the capital, against Washington state), unless the text calls it a region ("Washington
  state", "the state of Washington", "upstate New York", "Quebec province"), which favours the
  region. The document still decides: a region holding the story's other places gains by them.
  A first-level region named like its own country (Guatemala, Panamá, Djibouti) yields to the
  country the same way: "Guatemala's president visited Guatemala City" is the country, although
  the department holds the city; "the department of Guatemala" is the region.
  Nor is a first-level region a container when a city of its name, in any country, has more people
  than the whole region: a bare "Manchester" or "Portland" is the city, not the Jamaican parish.
  A region whose population the gazetteer does not know keeps its standing.
- lists: names in a list ("Georgia, Oklahoma, Pennsylvania and California", "Oregon and
  Washington", "Honduras, El Salvador and Guatemala") are read as places of one kind: the
  candidates of the level most members share (first-level regions of one country, or
  countries) gain, and "Oklahoma, Pennsylvania" inside such a list is two items, not a town and
  its state ("Texas and Washington, D.C." still qualifies: the pair closes the list).
"""

from __future__ import annotations

import functools
import heapq
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from geo.gazetteer.base import Candidate, Gazetteer, NameType
from geo.gazetteer.names import normalize_name
from geo.gazetteer.phone_areas import AreaCode, phone_area_codes, us_state_codes
from geo.geodesy import distance_km
from geo.model import Mention, MentionRole, Place, Precision
from geo.text.composite_names import valley_namesake
from geo.text.filters import CAPITALISED_WORD_AFTER, LIST_JOINER, LOCATIVE_WORDS, SEAT_KIND, venue_after
from geo.text.lookup import CandidateLookup
from geo.text.vocabulary import WordClass, is_common_word, word_class

__all__ = ["resolve_mentions", "ResolutionWeights", "venue_namesakes"]

_QUALIFIER_GAP = re.compile(r"\A\s*[,(]\s*\Z")
_CONTAINERS = (Precision.COUNTRY, Precision.ADMIN1, Precision.ADMIN2)
_TOO_LARGE_TO_BE_NEAR = (Precision.COUNTRY, Precision.ADMIN1)
_MAX_ALTERNATIVES = 5
# What joins a venue's name to the place the text says it is in: "Rogers Arena| in |Vancouver".
# The rest of the venue's name may follow its first head noun ("Queen Elizabeth University| Hospital").
_VENUE_PLACE_GAP = re.compile(
    r"\A(?:[ \u00a0][A-Z][\w'\u2019-]*)*,?[ \u00a0]+(?:in|at|near)[ \u00a0]+(?:downtown[ \u00a0]+)?\Z"
)
# A venue's town names it after itself within this distance ("Toronto Pearson Airport in
# Mississauga"); beyond it the first word is a sponsor's, a person's or another town's.
_VENUE_TOWN_KM = 100.0
_ARTICLE = "the "
# Seas, regions and other features that English names with "the": the Pacific, the Balkans, the Midwest.
_FEATURE_KINDS = frozenset(
    "archipelago bay canal continent contested_region desert gulf historical_region lake mountain ocean peninsula"
    " region river sea strait".split()
) | {SEAT_KIND}
_ARTICLE_BEFORE = re.compile(r"(?<![\w])the[ \u00a0]\Z", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \u00a0]+\Z")
_POSSESSIVE_AFTER = re.compile(r"\A['\u2019]s?\b")
_BASED_AFTER = re.compile(r"\A-based\b", re.IGNORECASE)
# "Washington state", "Quebec province"; "the state of Washington", "upstate New York".
_REGION_WORD_AFTER = re.compile(r"\A[ \u00a0]+(?:state|province|department)\b", re.IGNORECASE)
_REGION_WORD_BEFORE = re.compile(
    r"(?:\b(?:state|province|department)[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?|\bupstate[ \u00a0]+)\Z", re.IGNORECASE
)
# "Nassau and Baker counties", "Maoxian county": a county's short name with its kind in lower case.
_COUNTY_WORD_AFTER = re.compile(r"\A[ \u00a0]+(?:county|counties|parish|parishes)\b")
_COMPASS = (
    r"(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Northeast|Northwest|Southeast|Southwest"
    r"|Northeastern|Northwestern|Southeastern|Southwestern)"
)
_COMPASS_WORDS = frozenset(_COMPASS[3:-1].casefold().split("|"))
# "[Central] and South America", "[North] or South Dakota": the shared name after the second compass word.
_NAME_WORD = r"[A-Z][\w'\u2019\-]*"
_ELLIPSIS_AFTER = re.compile(
    rf"[ \u00a0]+(?:and|or|&)[ \u00a0]+{_COMPASS}[ \u00a0]+(?P<name>{_NAME_WORD}(?:[ \u00a0]+{_NAME_WORD}){{0,2}})"
)
NAMESAKE_CITY_POPULATION = 1_000_000
# In place of the number of places a reading needs: none of the document's evidence counts for it.
_NO_EVIDENCE = 0
_region_key = functools.lru_cache(maxsize=65_536)(normalize_name)


@dataclass(frozen=True, slots=True)
class ResolutionWeights:
    """How much each kind of evidence counts; the prior enters as its logarithm."""

    prior: float = 2.0
    country: float = 1.0  # times the share of the document's other places in the candidate's country
    region: float = 1.0  # the candidate's admin1 region is named or holds another resolved place
    qualifier: float = 2.0  # "City, Region": the region written beside the name contains it
    feature: float = 1.0  # "the Pacific", "the Elysee": with its article, a name is a sea, region or seat, not a town
    sibling: float = 1.0  # a list's member, read at the level (regions of a country, countries) of the others
    nearby: float = 1.5  # times the share of other places within `nearby_km`
    nearby_km: float = 200.0
    # times the share of other located places in the candidate's own first-level region
    same_region: float = 0.5
    # A town within `county_km` of a county the story names by its own name ("Edgar County"):
    # news names the county a town lies in as it names the town's state.
    county: float = 1.0
    county_km: float = 40.0
    # News names a country or first-level region far more often than a village named after it
    # ("Egypt" is rarely Egypt, Pennsylvania, however American the rest of the story is).
    container: float = 1.0
    # A city of a million sharing its region's name, written as a location ("in New York").
    namesake_city: float = 1.5
    # A place of the first rank (a country, a national capital) against a namesake with less than
    # `namesake_share` of its prior: the namesake's region needs `famous_support` places to count fully.
    famous_prior: float = 0.65
    namesake_share: float = 0.8
    famous_support: int = 2
    # A city of half a million people is of the first rank too, whatever its prior (Boston, Toronto).
    famous_population: int = 500_000
    # A reading that lies close to a reading of another name of the story ("London", "St. Thomas"
    # and "Middlesex" all in Ontario), whatever each name's likeliest reading alone.
    coherent: float = 1.0
    coherent_km: float = 50.0
    # A telephone number's area code ("call 806-423-1253") covers the candidate (US places only).
    phone_area: float = 2.0
    # A name qualified once ("NEWARK, N.J.") keeps that qualifier at its other mentions ("Newark").
    same_name_qualifier: bool = True
    # Every mention of a name is scored by the mean of its mentions' scores: one story, one Paris.
    one_reading_per_name: bool = True
    rounds: int = 3  # at most; the rounds stop when no choice changes
    temperature: float = 1.0  # of the softmax that turns scores into a confidence


def resolve_mentions(
    text: str,
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
    *,
    lookup: CandidateLookup | None = None,
    weights: ResolutionWeights = ResolutionWeights(),
) -> list[Mention]:
    """The mentions with place, confidence and alternatives set, in the order given."""
    lookup = lookup or CandidateLookup(gazetteer)
    keys = [normalize_name(m.surface) for m in mentions]
    candidates = [_unique(_candidates_of(text, m, lookup)) for m in mentions]
    qualifiers = _qualifier_candidates(text, mentions, candidates)
    written = list(qualifiers)  # as the text writes them, before lists and other mentions change them
    levels = _list_levels(text, mentions, candidates, qualifiers)
    if weights.same_name_qualifier:
        qualifiers = _shared_qualifiers(keys, qualifiers)
    fixed = [_fixed_scores(text, m, options, q, weights) for m, options, q in zip(mentions, candidates, qualifiers)]
    for i, level in enumerate(levels):
        if level is not None:
            fixed[i] = [
                score + (weights.sibling if _level(c.place) == level else 0.0)
                for score, c in zip(fixed[i], candidates[i])
            ]

    areas = phone_area_codes(text) if weights.phone_area else []
    if areas:
        for i, options in enumerate(candidates):
            for j, c in enumerate(options):
                if _in_phone_area(c.place, areas):
                    fixed[i][j] += weights.phone_area

    for i, j in _coherent_readings(keys, candidates, weights):
        fixed[i][j] += weights.coherent
    needed = [_support_needed(options, weights) for options in candidates]
    # A country named in a list of countries ("envoys from Iran, the United States and Russia")
    # says who takes part, not where the story's towns lie: read as a country, it lends no
    # evidence to the other names.
    listed = {keys[i] for i, level in enumerate(levels) if level == _COUNTRY_LEVEL}
    silent = frozenset(listed - {keys[i] for i, level in enumerate(levels) if level != _COUNTRY_LEVEL})
    for i, mention in enumerate(mentions):
        if mention.role is MentionRole.DATELINE and not qualifiers[i]:
            # A wire writes a dateline without its state or country only for a city its readers
            # know ("WASHINGTON (AP) -"; "WASHINGTON, Conn." names its state): no place of the
            # story moves it to a weak namesake of a famous place.
            needed[i] = [_NO_EVIDENCE if n > 1 else n for n in needed[i]]
    names: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if candidates[i]:
            names.setdefault(key, []).append(i)
    groups = list(names.values()) if weights.one_reading_per_name else [[i] for g in names.values() for i in g]
    # One name at a time, against the others' latest choices, the surest first: updating every
    # name at once from the round before can swing two names back and forth past their
    # agreement ("Cambridge" and "Boston" each read in the other's country, round after round),
    # and a name read first against the others' likeliest readings is pulled by the weakest of
    # them (Cambridge, England, barely ahead of Cambridge, Massachusetts, moving Boston). In the
    # first round a name sees only the names read before it.
    groups.sort(key=lambda group: -_margin(fixed[group[0]]))
    chosen: list[Candidate | None] = [None] * len(mentions)
    for _ in range(max(1, weights.rounds)):
        changed = False
        for group in groups:
            scores = _scores(group, keys, candidates, fixed, needed, _Evidence(keys, chosen, silent), weights)
            for i in group:
                pick = max(candidates[i], key=lambda c: scores[c.place.gazetteer_id])
                changed |= pick is not chosen[i]
                chosen[i] = pick
        if not changed:
            break
    evidence = _Evidence(keys, chosen, silent)
    final: dict[int, list[float]] = {}
    for group in groups:
        scores = _scores(group, keys, candidates, fixed, needed, evidence, weights)
        for i in group:
            final[i] = [scores[c.place.gazetteer_id] for c in candidates[i]]

    unplaced_in = _qualified_elsewhere(text, mentions, candidates, chosen, written)
    resolved: list[Mention] = []
    for i, (mention, options) in enumerate(zip(mentions, candidates)):
        pick = chosen[i]
        if not options or pick is None:
            resolved.append(replace(mention, place=None, confidence=0.0, alternatives=()))
            continue
        if i in unplaced_in:
            # "Taji, Iraq", "Greenwood, W. Va.": the text says which region the town is in and the
            # gazetteer has no town of that name there; the region, at its own precision, is what
            # the text tells, where a namesake in another country would be a wrong map.
            region = unplaced_in[i]
            resolved.append(
                replace(
                    mention,
                    place=region,
                    confidence=0.0,
                    alternatives=tuple(o.place for o in options)[:_MAX_ALTERNATIVES],
                )
            )
            continue
        option_scores = final[i]
        order = sorted(range(len(options)), key=lambda j: -option_scores[j])
        confidence = _softmax_top(option_scores, weights.temperature)
        resolved.append(
            replace(
                mention,
                place=pick.place,
                confidence=round(confidence, 4),
                alternatives=tuple(options[j].place for j in order if options[j] is not pick)[:_MAX_ALTERNATIVES],
            )
        )
    return resolved


def venue_namesakes(text: str, mentions: Sequence[Mention]) -> frozenset[int]:
    """The resolved mentions that only begin the name of a venue the text places elsewhere.

    "Rogers Arena in Vancouver", "McGill University in Montreal", "the Queen Elizabeth University
    Hospital in Glasgow": the venue is in the place named after it, so a place that begins its
    name is meant only if it is that place, lies near it or contains it ("Texas Southern
    University in Houston"); otherwise it is a namesake (Rogers, Arkansas) that would also pull the
    venue's own town towards it (Vancouver, Washington).
    """
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    namesakes = set()
    for here, following in itertools.pairwise(order):
        venue, town = mentions[here], mentions[following]
        if venue.place is None or town.place is None or venue.role is not MentionRole.PLACE:
            continue
        end = venue_after(text, venue.end)
        if end is None or end > town.start or not _VENUE_PLACE_GAP.match(text[end : town.start]):
            continue
        if venue.place.gazetteer_id == town.place.gazetteer_id or _contains(venue.place, town.place):
            continue
        if distance_km(venue.place.lat, venue.place.lon, town.place.lat, town.place.lon) > _VENUE_TOWN_KM:
            namesakes.add(here)
    return frozenset(namesakes)


def _margin(scores: list[float]) -> float:
    """How far a name's best fixed score leads its second: how sure it is before the others."""
    if len(scores) < 2:
        return math.inf
    first, second = heapq.nlargest(2, scores)
    return first - second


def _scores(
    group: list[int],
    keys: list[str],
    candidates: list[list[Candidate]],
    fixed: list[list[float]],
    needed: list[list[int]],
    evidence: _Evidence,
    weights: ResolutionWeights,
) -> dict[str, float]:
    """Each reading's score (by place id), the mean over the mentions of one name in `group`."""
    totals: dict[str, list[float]] = {}
    for i in group:
        key = keys[i]
        towns = weights.same_region > 0 and _town_name(candidates[i], needed[i])
        for j, c in enumerate(candidates[i]):
            townsman = towns and c.name_type is NameType.OFFICIAL and c.place.precision is Precision.CITY
            totals.setdefault(c.place.gazetteer_id, []).append(
                fixed[i][j]
                + (
                    0.0
                    if needed[i][j] == _NO_EVIDENCE
                    else evidence.score(c.place, key, weights, needed[i][j], townsman=townsman)
                )
            )
    return {place_id: sum(values) / len(values) for place_id, values in totals.items()}


def _town_name(candidates: list[Candidate], needed: list[int]) -> bool:
    """Whether a name is a town's name first and no place of the first rank's: its likeliest
    reading by prior is a city, and none of its readings is a weak namesake of a famous one
    ("Clinton", "Greenville", not "Kansas", "Florida", "Denver" or "Washington")."""
    if not candidates or any(n != 1 for n in needed):
        return False
    return max(candidates, key=lambda c: c.score).place.precision is Precision.CITY


def _in_phone_area(place: Place, areas: list[AreaCode]) -> bool:
    """Whether a US place lies where one of the text's telephone area codes rings."""
    if place.country != "US" or place.precision is Precision.COUNTRY:
        return False
    if place.precision is Precision.ADMIN1:
        state = us_state_codes().get(_region_key(place.name))
        return state is not None and any(state in area.states for area in areas)
    return any(area.covers(place.lat, place.lon) for area in areas)


def _support_needed(candidates: list[Candidate], weights: ResolutionWeights) -> list[int]:
    """How many of the document's places each candidate's region needs to count in full (see above)."""
    if not candidates:
        return []
    best = max(candidates, key=lambda c: c.score)
    top = best.score
    world_city = best.place.precision is Precision.CITY and best.place.population >= weights.famous_population > 0
    if top < weights.famous_prior and not world_city:
        return [1] * len(candidates)
    weak = weights.namesake_share * top
    return [weights.famous_support if c.score < weak else 1 for c in candidates]


def _fixed_scores(
    text: str,
    mention: Mention,
    candidates: list[Candidate],
    qualifiers: list[Place],
    weights: ResolutionWeights,
) -> list[float]:
    """Each candidate's score from what does not change between rounds: prior, kind, qualifiers, reading."""
    called_region = bool(
        _REGION_WORD_AFTER.match(text[mention.end : mention.end + 10])
        or _REGION_WORD_BEFORE.search(text[max(0, mention.start - 24) : mention.start])
    )
    called_county = bool(_COUNTY_WORD_AFTER.match(text[mention.end : mention.end + 12]))
    # A dateline is where the report was filed: a city ("NEW YORK (Reuters) -").
    as_location = mention.role is MentionRole.DATELINE or _reads_as_location(text, mention)
    namesake = _namesake_city(candidates) if not called_region and as_location else None
    with_article = mention.surface[:4].casefold() == _ARTICLE or bool(
        _ARTICLE_BEFORE.search(text[max(0, mention.start - 4) : mention.start])
    )
    regions_yield = not called_region and (_city_first(candidates) or _country_first(candidates))
    biggest_city = max((c.place.population for c in candidates if c.place.precision is Precision.CITY), default=0)
    scores = []
    for candidate in candidates:
        place = candidate.place
        score = weights.prior * math.log(max(candidate.score, 0.0) + 0.02)
        if place.precision is Precision.COUNTRY or place.precision is Precision.ADMIN1:
            if called_region:
                score += weights.container + (weights.qualifier if place.precision is Precision.ADMIN1 else 0.0)
            elif place.precision is Precision.COUNTRY or not (regions_yield or 0 < place.population < biggest_city):
                score += weights.container
        if qualifiers and any(_contains(q, place) for q in qualifiers):
            score += weights.qualifier
        if called_county and place.precision is Precision.ADMIN2:
            score += weights.qualifier
        if candidate is namesake:
            score += weights.namesake_city
        if with_article and place.kind in _FEATURE_KINDS:
            score += weights.feature
        scores.append(score)
    return scores


def _city_first(candidates: list[Candidate]) -> bool:
    """Whether the name is first a city's: the likeliest candidate by prior is a city that outranks a
    first-level region of its own country bearing the same name (Washington, D.C. over the state)."""
    if not candidates:
        return False
    top = max(candidates, key=lambda c: c.score)
    return top.place.precision is Precision.CITY and any(
        c.place.precision is Precision.ADMIN1 and c.place.country == top.place.country for c in candidates
    )


def _country_first(candidates: list[Candidate]) -> bool:
    """Whether a first-level region bears the name of the country it is in (Guatemala, Panamá,
    Djibouti, Luxembourg): news means the country."""
    countries = {c.place.country for c in candidates if c.place.precision is Precision.COUNTRY}
    return any(c.place.precision is Precision.ADMIN1 and c.place.country in countries for c in candidates)


def _candidates_of(text: str, mention: Mention, lookup: CandidateLookup) -> list[Candidate]:
    """The candidates of a mention, read with its article: "the White House" is not Casablanca."""
    key = normalize_name(mention.surface)
    shared = _shared_name(key, text, mention.end, lookup)
    if shared:
        return shared
    if key.startswith(_ARTICLE):
        named = _with_article(key, lookup.candidates(key))
        return named or lookup.candidates(key[len(_ARTICLE) :])
    if _ARTICLE_BEFORE.search(text[max(0, mention.start - 4) : mention.start]):
        named = _with_article(_ARTICLE + key, lookup.candidates(_ARTICLE + key))
        if named:
            return named
    candidates = lookup.candidates(key)
    namesake = None if candidates else valley_namesake(key)
    if namesake is not None:
        # "the Salinas Valley": the gazetteer has no valleys; the place it is named after stands for it.
        return lookup.candidates(namesake)
    return candidates


def _shared_name(key: str, text: str, end: int, lookup: CandidateLookup) -> list[Candidate]:
    """A compass word that shares the name of the next conjunct: "Central" in "Central and South
    America" is Central America, "North" in "North and South Korea" North Korea."""
    if key not in _COMPASS_WORDS:
        return []
    ellipsis = _ELLIPSIS_AFTER.match(text, end)
    if ellipsis is None:
        return []
    words = ellipsis.group("name").split()
    for size in range(len(words), 0, -1):
        found = lookup.candidates(normalize_name(" ".join([key, *words[:size]])))
        if found:
            return found
    return []


def _with_article(key: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates named `key` ("the hague") or its rest ("white house"), translations left out,
    and the features (seas, regions, seats) that carry the name with its article as one of their
    own: "the Gulf" for the Persian Gulf."""
    bare = key[len(_ARTICLE) :]
    return [c for c in candidates if normalize_name(c.place.name) in (key, bare) or c.place.kind in _FEATURE_KINDS]


def _reads_as_location(text: str, mention: Mention) -> bool:
    """ "in New York", "from New York", "New York's mayor", "a New York-based squad": the name
    written as a location."""
    before = _WORD_BEFORE.search(text[max(0, mention.start - 20) : mention.start])
    if before is not None and before.group(1).casefold() in LOCATIVE_WORDS:
        return True
    after = text[mention.end : mention.end + 7]
    return bool(_POSSESSIVE_AFTER.match(after) or _BASED_AFTER.match(after))


def _namesake_city(candidates: list[Candidate]) -> Candidate | None:
    """A city of a million or more whose own first-level region is another candidate of the name."""
    regions = [c.place for c in candidates if c.place.precision is Precision.ADMIN1]
    for candidate in candidates:
        place = candidate.place
        big_city = place.precision is Precision.CITY and place.population >= NAMESAKE_CITY_POPULATION
        if big_city and any(_contains(region, place) for region in regions):
            return candidate
    return None


def _unique(candidates: list[Candidate]) -> list[Candidate]:
    seen: set[str] = set()
    unique = []
    for candidate in candidates:
        if candidate.place.gazetteer_id not in seen:
            seen.add(candidate.place.gazetteer_id)
            unique.append(candidate)
    return unique


def _qualifier_candidates(
    text: str, mentions: Sequence[Mention], candidates: list[list[Candidate]]
) -> list[list[Place]]:
    """For each mention, the regions or countries written right after it ("X, Region" / "X (Region)")."""
    qualifiers: list[list[Place]] = [[] for _ in mentions]
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    for here, after in itertools.pairwise(order):
        gap = text[mentions[here].end : mentions[after].start]
        if _QUALIFIER_GAP.match(gap):
            qualifiers[here] = [c.place for c in candidates[after] if c.place.precision in _CONTAINERS]
    return qualifiers


def _qualified_elsewhere(
    text: str,
    mentions: Sequence[Mention],
    candidates: list[list[Candidate]],
    chosen: list[Candidate | None],
    written: list[list[Place]],
) -> dict[int, Place]:
    """The towns written with a region ("Taji, Iraq") none of whose candidates lies in it, each
    with that region as the text reads it; `written` holds each mention's qualifiers as
    `_qualifier_candidates` finds them.

    Only a name that is no region itself (in "Greece, Bulgaria" each country is a list's item),
    and only a town and a region the text names by their own names or abbreviations, not by words
    of English ("Kansas City, North", "in March, China"), which may be no such pair at all."""
    found: dict[int, Place] = {}
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    for position, (here, after) in enumerate(itertools.pairwise(order)):
        town, region, containers = mentions[here], chosen[after], written[here]
        if not containers or region is None or chosen[here] is None:
            continue
        if region.place.precision not in _TOO_LARGE_TO_BE_NEAR or town.role is not MentionRole.PLACE:
            continue
        if region.name_type not in (NameType.OFFICIAL, NameType.ABBREVIATION):
            continue
        if any(word_class(normalize_name(m.surface)) in _ENGLISH_WORDS for m in (town, mentions[after])):
            continue  # "North" is an adjective, "March" a verb; WordNet lists "Iraq" as a noun only
        if _in_a_list(text, mentions, order, position) or CAPITALISED_WORD_AFTER.match(text, mentions[after].end):
            continue  # "C.J. McArthur, Chad Foster": the region's name begins a person's
        options = candidates[here]
        if any(o.place.precision in _TOO_LARGE_TO_BE_NEAR for o in options):
            continue
        if not any(_contains(q, o.place) or _near(q, o.place) for q in containers for o in options):
            found[here] = region.place
    return found


_ENGLISH_WORDS = (WordClass.LEXICAL, WordClass.FUNCTION)
# A region the gazetteer keeps under other codes than its towns (Darfur and El Fasher, of North
# Darfur) still holds a town this close to its point.
_NEAR_REGION_KM = 300.0


def _near(region: Place, place: Place) -> bool:
    return distance_km(region.lat, region.lon, place.lat, place.lon) <= _NEAR_REGION_KM


def _in_a_list(text: str, mentions: Sequence[Mention], order: list[int], position: int) -> bool:
    """Whether the pair of mentions at `position` and the next in text `order` is two items of a
    list rather than a town and its region: "the Zaire, Bundibugyo, Cote d'Ivoire and Sudan
    strains", "New York City, Long Island, New York"."""
    here, after = mentions[order[position]], mentions[order[position + 1]]
    before = mentions[order[position - 1]] if position > 0 else None
    following = mentions[order[position + 2]] if position + 2 < len(order) else None
    return (before is not None and bool(LIST_JOINER.match(text[before.end : here.start]))) or (
        following is not None and bool(LIST_JOINER.match(text[after.end : following.start]))
    )


def _shared_qualifiers(keys: list[str], qualifiers: list[list[Place]]) -> list[list[Place]]:
    """Each mention's qualifiers, or, for a mention without any, those of the other mentions of its name."""
    by_key: dict[str, list[Place]] = {}
    for key, found in zip(keys, qualifiers):
        if found:
            by_key.setdefault(key, []).extend(found)
    if not by_key:
        return qualifiers
    return [found or by_key.get(key, []) for key, found in zip(keys, qualifiers)]


# A list's items joined by a word rather than a comma alone: " and ", ", or ", " & ".
_WORD_GAP = re.compile(r"\A\s*(?:,\s*)?(?:and|or|&)\s+\Z")
_Level = tuple[Precision, str | None]
_COUNTRY_LEVEL: _Level = (Precision.COUNTRY, None)
# What joins two items of a list of places: the recognizer's joiners, and a "the" after them, which
# a list of countries carries ("Iran, the United States and the Netherlands").
_LIST_GAP = re.compile(r"\A(?:\s*,)?\s+(?:and|or|&)\s+(?:the\s+)?\Z|\A\s*,\s*(?:the\s+)?\Z")


def _level(place: Place) -> _Level | None:
    """What a list's members share: (COUNTRY, None) for countries, (ADMIN1, country) for regions."""
    if place.precision is Precision.COUNTRY:
        return (Precision.COUNTRY, None)
    if place.precision is Precision.ADMIN1 and place.country:
        return (Precision.ADMIN1, place.country)
    return None


def _list_levels(
    text: str, mentions: Sequence[Mention], candidates: list[list[Candidate]], qualifiers: list[list[Place]]
) -> list[_Level | None]:
    """For each mention in a list of places, the level most of the list's members can be read at.

    A run of mentions joined by commas, "and" or "or" is a list when it has three members or more,
    or two joined by a word. Its level is the one most members have a candidate at (two or more).
    At least one member must be likeliest at that level by itself: "Herat and Kabul" are two
    cities, though each names a province too. Inside a list, "X, Y" where both can be read at the
    level is two items, so the qualifier reading
    of the pair is dropped, except when the pair closes the list after its "and" ("Texas and
    Washington, D.C.") or makes the whole list.
    """
    levels: list[_Level | None] = [None] * len(mentions)
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    runs: list[list[int]] = []
    gaps: list[list[str]] = []
    for position, index in enumerate(order):
        if position:
            gap = text[mentions[order[position - 1]].end : mentions[index].start]
            if _LIST_GAP.match(gap):
                runs[-1].append(index)
                gaps[-1].append(gap)
                continue
        runs.append([index])
        gaps.append([])
    for run, joins in zip(runs, gaps):
        if not (len(run) >= 3 or (len(run) == 2 and _WORD_GAP.match(joins[0]))):
            continue
        member_levels = [{_level(c.place) for c in candidates[i]} - {None} for i in run]
        # Counted in a fixed order (the run's, then the levels' own), so that a tie goes the
        # same way in every process, whatever the hash seed.
        counts = Counter(
            level for found in member_levels for level in sorted(found, key=lambda lv: (lv[0].value, lv[1] or ""))
        )
        if not counts:
            continue
        level, count = counts.most_common(1)[0]
        if count < 2:
            continue
        if not any(candidates[i] and _level(max(candidates[i], key=lambda c: c.score).place) == level for i in run):
            continue  # "Herat and Kabul": cities first, whatever provinces bear their names
        for position, index in enumerate(run):
            if level not in member_levels[position]:
                continue
            levels[index] = level
            if position + 1 < len(run) and qualifiers[index] and level in member_levels[position + 1]:
                after_word = position > 0 and _WORD_GAP.match(joins[position - 1])
                closes = position + 2 == len(run) and (after_word or position == 0)
                if not closes:
                    qualifiers[index] = []
    return levels


# What `_contains` can answer yes for (the qualifiers' _CONTAINERS also count counties).
_CONTAINING_PRECISIONS = frozenset({Precision.COUNTRY, Precision.ADMIN1})


def _contains(container: Place, place: Place) -> bool:
    """Whether `place` lies in the country or first-level region `container` (by codes and names)."""
    if container.gazetteer_id == place.gazetteer_id or container.country is None or container.country != place.country:
        return False
    if container.precision is Precision.COUNTRY:
        return True
    if container.precision is Precision.ADMIN1:
        return place.admin1 is not None and _region_key(place.admin1) == _region_key(container.admin1 or container.name)
    return False


# A county named as one ("Edgar County", "Tangipahoa Parish", "County Cork"), not a district or
# province that a country's second level calls by its bare name.
_COUNTY_KEY = re.compile(r"(?:\s(?:county|parish)$|^county\s)")
# A degree of latitude is at least this long, so two points further apart in latitude than
# nearby_km / this are not near, whatever their longitudes: a cheap test before the haversine.
_KM_PER_DEGREE_LATITUDE = 110.5


def _is_located(key: str, place: Place) -> bool:
    """Whether a chosen place is a point to be near: not a country or first-level region, and a county
    only when written with its own name ("Walker County", not "Christian" for Christian County)."""
    if place.precision in _TOO_LARGE_TO_BE_NEAR:
        return False
    return place.precision is not Precision.ADMIN2 or key == _region_key(place.name)


class _Evidence:
    """The current choices of every mention, summarised once a round for scoring all of them.

    Each mention is scored against the others' choices (one per distinct name key, its own
    left out). Counts are kept for the whole document and the mention's own choice is taken
    back out, and places are grouped by country, since containment needs the same country.
    """

    __slots__ = ("by_country", "by_key", "counties", "country_counts", "located", "region_members", "total")

    def __init__(self, keys: list[str], chosen: list[Candidate | None], silent: frozenset[str] = frozenset()) -> None:
        self.by_key: dict[str, Place] = {}
        for key, candidate in zip(keys, chosen):
            if candidate is None or key in self.by_key:
                continue
            if key in silent and candidate.place.precision is Precision.COUNTRY:
                continue  # a country of a list of countries: who takes part, not where
            self.by_key[key] = candidate.place
        self.total = len(self.by_key)
        self.country_counts = Counter(p.country for p in self.by_key.values() if p.country)
        self.by_country: dict[str, list[tuple[str, Place]]] = {}
        self.located: list[tuple[str, float, float]] = []
        self.region_members: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self.counties: list[tuple[str, Place]] = []
        for key, place in self.by_key.items():
            if place.country:
                self.by_country.setdefault(place.country, []).append((key, place))
            if _is_located(key, place):
                self.located.append((key, place.lat, place.lon))
                if place.precision is Precision.ADMIN2 and _COUNTY_KEY.search(key):
                    self.counties.append((key, place))
                if place.country and place.admin1:
                    self.region_members.setdefault((place.country, place.admin1), []).append((key, place.gazetteer_id))

    def score(
        self, place: Place, key: str, weights: ResolutionWeights, needed: int = 1, *, townsman: bool = False
    ) -> float:
        """The document's share of evidence for `place` as the reading of name `key`.

        The region's evidence counts in full with `needed` of the document's places in or around
        the place's first-level region, and in proportion with fewer.
        """
        own = self.by_key.get(key)
        others = self.total - (own is not None)
        if not others:
            return 0.0
        score = 0.0
        if place.country:
            same = self.country_counts[place.country] - (own is not None and own.country == place.country)
            score += weights.country * same / others
            support = 0
            # Only a country or a first-level region contains anything (`_contains`): asking the
            # others is a call for nothing, made for every pair of a story's places.
            is_container = place.precision in _CONTAINING_PRECISIONS
            for other_key, p in self.by_country.get(place.country, ()):
                if other_key != key and (
                    (is_container and _contains(place, p)) or (p.precision is Precision.ADMIN1 and _contains(p, place))
                ):
                    support += 1
                    if support >= needed:
                        break
            score += weights.region * support / needed
        located = len(self.located) - (own is not None and _is_located(key, own))
        if located and place.precision is not Precision.COUNTRY:
            reach = weights.nearby_km / _KM_PER_DEGREE_LATITUDE
            near = sum(
                1
                for other_key, lat, lon in self.located
                if other_key != key
                and abs(lat - place.lat) <= reach
                and distance_km(place.lat, place.lon, lat, lon) <= weights.nearby_km
            )
            score += weights.nearby * near / located
            if place.precision is Precision.CITY and any(
                other_key != key and distance_km(place.lat, place.lon, county.lat, county.lon) <= weights.county_km
                for other_key, county in self.counties
            ):
                score += weights.county
            if townsman and place.country and place.admin1:
                # "Clinton" in a story of New Haven: the Clinton of Connecticut, not of Massachusetts.
                # Other names only, and none read as this very place ("Springfield City").
                same = sum(
                    1
                    for other_key, place_id in self.region_members.get((place.country, place.admin1), ())
                    if other_key != key and place_id != place.gazetteer_id
                )
                score += weights.same_region * same / located
        return score


_COHERENT_CANDIDATES = 8


def _coherent_readings(
    keys: list[str], candidates: list[list[Candidate]], weights: ResolutionWeights
) -> list[tuple[int, int]]:
    """(mention, candidate index) of every local reading within `coherent_km` of local readings
    of other names of the document, among each name's likeliest few by prior.

    Rounds of agreement start from each name's likeliest reading, so a story whose names are all
    namesakes of better-known places ("London", "St. Thomas", "Middlesex" in Ontario) never finds
    its coherent reading from there; this looks at the candidates themselves. It chooses only
    among a name's local readings: a name that may be a country or first-level region ("New
    York", "Kansas") is left to the rules that weigh regions against cities, and a county named
    by a bare English word ("Walker" for Walker County) counts for nothing. A reading much
    weaker than its name's likeliest (below `namesake_share` of its prior) needs `famous_support`
    other names near it, as a namesake of a famous place needs for the region's evidence.
    """
    reach_km = weights.coherent_km
    cell = reach_km / _KM_PER_DEGREE_LATITUDE
    grid: dict[tuple[int, int], list[tuple[int, int, Place]]] = {}
    needs: dict[tuple[int, int], int] = {}
    for i, options in enumerate(candidates):
        likeliest = sorted(range(len(options)), key=lambda j: -options[j].score)[:_COHERENT_CANDIDATES]
        if not likeliest or any(options[j].place.precision in _TOO_LARGE_TO_BE_NEAR for j in likeliest):
            continue
        weak = weights.namesake_share * options[likeliest[0]].score
        for j in likeliest:
            place = options[j].place
            # A county answering to a bare English word ("Walker", "Christian") vouches for nothing.
            if _is_located(keys[i], place) or not is_common_word(keys[i]):
                grid.setdefault((int(place.lat // cell), int(place.lon // cell)), []).append((i, j, place))
                needs[(i, j)] = weights.famous_support if options[j].score < weak else 1
    found: list[tuple[int, int]] = []
    for (row, column), members in grid.items():
        near = [m for dr in (-1, 0, 1) for dc in (-1, 0, 1) for m in grid.get((row + dr, column + dc), ())]
        for i, j, place in members:
            names = {
                keys[k]
                for k, _, other in near
                if keys[k] != keys[i] and distance_km(place.lat, place.lon, other.lat, other.lon) <= reach_km
            }
            if len(names) >= needs[(i, j)]:
                found.append((i, j))
    return sorted(found)


def _softmax_top(scores: list[float], temperature: float) -> float:
    """The probability of the best score under a softmax: the share of belief it holds."""
    top = max(scores)
    total = sum(math.exp((s - top) / temperature) for s in scores)
    return 1.0 / total
