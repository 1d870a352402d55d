"""Event extraction on hand-built mentions: grammar of movement, status, dates, evidence."""

from __future__ import annotations

from datetime import date

import pytest
from _events_world import PLACES, article, mentions_for

from geo.errors import InvalidInputError
from geo.model import ArticleText, EventStatus, Mention, MentionRole
from geo.text.events import EventExtractor
from geo.text.events.parsing import parse_text
from geo.text.events.status import event_status
from geo.text.events.triggers import find_triggers

OCC, P, S = EventStatus.OCCURRED, EventStatus.PLANNED, EventStatus.SPECULATIVE


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    # The trigger rules alone: what they read is what the stop model weighs first
    # (tests/geo/text/test_events_model.py tests the model's reading).
    return EventExtractor(stop_model=None)


def stops(extractor: EventExtractor, text: str, published: date | None = date(2023, 9, 15), **kw):
    events, _ = extractor.read_events(article(text, published), mentions_for(text, **kw))
    return {(e.actor, e.place.name, e.status, e.date.iso()) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Seed sentences (the article is published Friday 2023-09-15).
        (
            "Since entering Russia aboard his armoured train on Tuesday, Kim Jong Un has met Vladimir Putin.",
            {("Kim Jong Un", "Russia", OCC, "2023-09-12")},
        ),
        (
            "On Friday, Russia's state media published video showing Kim's train pulling into a station "
            "in the far eastern city of Komsomolsk-on-Amur.",
            {("Kim", "Komsomolsk-on-Amur", OCC, "2023-09-15")},
        ),
        (
            "Kim travels next to Vladivostok to view Russia's Pacific fleet, Putin told Russian media after "
            "he met with Kim on Wednesday.",
            {("Kim", "Vladivostok", P, None)},
        ),
        (
            "It was Kim's first foreign trip since April 2019, when he visited Vladivostok for his first "
            "meeting with Putin.",
            {("Kim", "Vladivostok", OCC, "2019-04")},
        ),
        (
            "The Kremlin said Thursday that Putin accepted Kim's invitation to Pyongyang.",
            {("Putin", "Pyongyang", P, None)},
        ),
        (
            "Putin on Friday briefed Belarusian President Alexander Lukashenko about his summit with Kim. "
            "During their meeting in the Black Sea resort of Sochi, Lukashenko suggested that Belarus could "
            "join Russia and North Korea.",
            {("Putin", "Sochi", OCC, "2023-09-15"), ("Alexander Lukashenko", "Sochi", OCC, "2023-09-15")},
        ),
        # Passive with an agent: both were there.
        (
            "Kim was welcomed by Putin in Vladivostok on Wednesday.",
            {("Kim", "Vladivostok", OCC, "2023-09-13"), ("Putin", "Vladivostok", OCC, "2023-09-13")},
        ),
        # Coordinated actors and places.
        (
            "Putin and Xi visited Beijing and Hanoi last week.",
            {(a, p, OCC, "2023-09-04") for a in ("Putin", "Xi") for p in ("Beijing", "Hanoi")},
        ),
        # Reported speech keeps the subject; "would" under "said" is a plan.
        ("Putin said Kim would visit Moscow next month.", {("Kim", "Moscow", P, "2023-10")}),
        # Future with a weekday: the next one.
        ("Macron will travel to Berlin on Tuesday, the Elysee said.", {("Macron", "Berlin", P, "2023-09-19")}),
        ("Scholz is expected to visit Paris in October.", {("Scholz", "Paris", P, "2023-10")}),
        # Speculation.
        ("Analysts say Kim could travel to Beijing soon.", {("Kim", "Beijing", S, None)}),
        ("Putin hopes to visit Beijing.", {("Putin", "Beijing", S, None)}),
        ("Foreign experts speculate Kim will travel to Moscow.", {("Kim", "Moscow", S, None)}),
        # Negation: no events.
        ("Kim did not visit Seoul. Putin never went to Kyiv.", set()),
        ("Putin has no plans to visit Kyiv.", set()),
        # A group read from the clause before, carrying its date.
        (
            "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday. "
            "The two leaders later flew to Berlin.",
            {
                ("Olaf Scholz", "Paris", OCC, "2023-09-11"),
                ("Emmanuel Macron", "Paris", OCC, "2023-09-11"),
                ("Olaf Scholz", "Berlin", OCC, None),
                ("Emmanuel Macron", "Berlin", OCC, None),
            },
        ),
        # A vehicle stands for its owner; a subject-less participle borrows the main subject.
        ("Biden's plane landed in Tokyo on Sunday.", {("Biden", "Tokyo", OCC, "2023-09-10")}),
        (
            "After arriving in Tokyo, Biden held talks with Japanese Prime Minister Fumio Kishida.",
            {("Biden", "Tokyo", OCC, None)},
        ),
        # A relative clause's subject is the noun it modifies.
        ("Xi, who arrived in Moscow on Monday, met Putin.", {("Xi", "Moscow", OCC, "2023-09-11")}),
        # A nominal event with a possessor.
        ("During his visit to Beijing, Putin praised Xi.", {("Putin", "Beijing", OCC, None)}),
        # The most specific place: a city over its country.
        ("Kim toured a factory in Khabarovsk, Russia.", {("Kim", "Khabarovsk", OCC, None)}),
        # A place merely mentioned is not where anyone was.
        ("Putin spoke about the war in Ukraine and sanctions from the United States.", set()),
        # "be" with a place phrase; the origin of a journey is a stop too.
        (
            "Dr. Angela Maggard was on the Champs-Elysees in Paris when the attack began.",
            {("Angela Maggard", "Paris", OCC, None)},
        ),
        (
            "Lucie Bahetoukilae flew from Berlin to Paris on Monday.",
            {("Lucie Bahetoukilae", "Berlin", OCC, "2023-09-11"), ("Lucie Bahetoukilae", "Paris", OCC, "2023-09-11")},
        ),
        # A fronted possessive means the main clause's subject; an apposition names the subject.
        (
            "Barack Obama spoke first. During her visit to Beijing, Hillary Clinton praised Xi.",
            {("Hillary Clinton", "Beijing", OCC, None)},
        ),
        (
            "Jose Barroso spoke. The president of France, Nicolas Sarkozy, spoke too. "
            "He also said he would visit Moscow on Wednesday.",
            {("Nicolas Sarkozy", "Moscow", P, "2023-09-20")},
        ),
        (
            "The famous actress, Pamela Anderson, arrived today in Berlin, Germany.",
            {("Pamela Anderson", "Berlin", OCC, "2023-09-15")},
        ),
        # A name the geoparser placed is not rescued as a traveller ("Real Madrid" is a club).
        ("Real Madrid traveled to Tokyo for the final.", set()),
        # A relative offset against the event in the main clause.
        (
            "Kim visited Vladivostok in April 2019. The 2019 visit came two months after Kim failed to win "
            "relief during a summit with Donald Trump in Hanoi.",
            {
                ("Kim", "Vladivostok", OCC, "2019-04"),
                ("Kim", "Hanoi", OCC, "2019-02"),
                ("Donald Trump", "Hanoi", OCC, "2019-02"),
            },
        ),
    ],
)
def test_events_of_sentences(extractor, text, expected):
    assert stops(extractor, text) == expected


def test_companions_share_the_stop(extractor):
    text = (
        "Kim Jong Un arrived in Komsomolsk-on-Amur on Friday. Kim visited a facility producing "
        "passenger planes as well, accompanied by Deputy Prime Minister Denis Manturov."
    )
    events, people = extractor.read_events(article(text), mentions_for(text))
    manturov = [e for e in events if e.actor == "Denis Manturov"]
    assert [(e.place.name, e.date.iso(), e.co_actors) for e in manturov] == [
        ("Komsomolsk-on-Amur", "2023-09-15", ("Kim Jong Un",))
    ]
    assert people == ["Kim Jong Un", "Denis Manturov"]


def test_dateline_and_demonyms_are_never_event_places(extractor):
    text = "SEOUL, Sep 15: Kim Jong Un arrived in Seoul. Russian officials welcomed him."
    mentions = mentions_for(text, dateline="Seoul")
    assert mentions[0].role is MentionRole.DATELINE
    only_dateline = [m for m in mentions if m.role is not MentionRole.PLACE or m.start == 0]
    events, _ = extractor.read_events(article(text), only_dateline)
    assert events == []
    events, _ = extractor.read_events(article(text), mentions)
    assert {(e.place.name, e.mention_start) for e in events} == {("Seoul", text.index("Seoul", 5))}


def test_evidence_and_mention_offsets_point_into_the_text(extractor):
    text = "Officials met early.\n\nPresident Joe Biden visited Kyiv on Monday.  He then flew to Paris."
    events, _ = extractor.read_events(article(text), mentions_for(text))
    assert {(e.actor, e.place.name) for e in events} == {("Joe Biden", "Kyiv"), ("Joe Biden", "Paris")}
    for event in events:
        assert text[event.evidence_start : event.evidence_end] == event.evidence
        assert text[event.mention_start : event.mention_end] == event.place.name
        assert 0.05 <= event.confidence <= 0.99
    kyiv = next(e for e in events if e.place.name == "Kyiv")
    assert kyiv.evidence == "President Joe Biden visited Kyiv on Monday."
    assert kyiv.action == "visit"


def test_stronger_evidence_earns_more_confidence(extractor):
    def confidence(text: str) -> float:
        events, _ = extractor.read_events(article(text), mentions_for(text))
        assert len(events) == 1
        return events[0].confidence

    assert confidence("Putin visited Beijing on Monday.") > confidence("Putin could visit Beijing.")
    assert confidence("Putin visited Beijing on Monday.") > confidence("Putin spoke to reporters in Beijing.")


def test_without_a_published_date_only_absolute_dates_resolve(extractor):
    text = "Kim visited Vladivostok in April 2019. Putin arrived in Beijing on Tuesday."
    assert stops(extractor, text, published=None) == {
        ("Kim", "Vladivostok", OCC, "2019-04"),
        ("Putin", "Beijing", OCC, None),
    }


def test_unresolved_mentions_and_people_named_like_places_make_no_events(extractor):
    text = "Kim arrived in Moscow."
    unresolved = [Mention(text.index("Moscow"), text.index("Moscow") + 6, "Moscow")]
    assert extractor.read_events(article(text), unresolved) == ([], ["Kim"])
    # A gazetteer that knows a town called Kim must not turn the person into a place.
    kim_town = {"Kim": PLACES["Seoul"], "Moscow": PLACES["Moscow"]}
    events, _ = extractor.read_events(article(text), mentions_for(text, names=kim_town))
    assert [(e.actor, e.place.name) for e in events] == [("Kim", "Moscow")]


def test_empty_and_invalid_articles(extractor):
    assert extractor.read_events(ArticleText(text="   "), []) == ([], [])
    with pytest.raises(InvalidInputError):
        extractor.read_events(ArticleText(text=None), [])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "lemma", "expected"),
    [
        ("Kim will visit Moscow.", "visit", P),
        ("Kim is going to travel to Moscow.", "travel", P),
        ("Kim will likely visit Moscow.", "visit", S),
        ("Kim is likely to visit Moscow.", "visit", S),
        ("If Kim visits Seoul, talks may follow.", "visit", S),
        ("Kim visited Moscow.", "visit", OCC),
        ("Kim did not visit Moscow.", "visit", None),
        ("Kim left without visiting Moscow.", "visit", None),
        ("Putin accepted an invitation to Pyongyang.", "invitation", P),
        ("The planned visit to Moscow was announced.", "visit", P),
    ],
)
def test_status_of_a_trigger(text, lemma, expected):
    trigger = next(t for t in find_triggers(parse_text(text)) if t.lemma == lemma)
    assert event_status(trigger) is expected
