"""Relational descriptions, groups, headlines and parser slips, each on sentences written for the test.

One row per rule of `coreference` (kinship nouns, sources of reports, quotes), `participants`
(list members, examples), `triggers` (occupations, misread present verbs), `governance` ("near")
and `extract` (headlines, performances, present habits); no sentence is taken from an
evaluation article.
"""

from __future__ import annotations

from datetime import date

import pytest
from _events_world import article, mentions_for

from geo.model import EventStatus
from geo.text.events import EventExtractor
from geo.text.events.coreference import Coreference, _inside_quote
from geo.text.events.parsing import parse_text
from geo.text.events.people import find_cast

OCC, P = EventStatus.OCCURRED, EventStatus.PLANNED
PUBLISHED = date(2023, 9, 15)  # a Friday


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    # The trigger rules alone: what they read is what the stop model weighs first
    # (tests/geo/text/test_events_model.py tests the model's reading).
    return EventExtractor(stop_model=None)


def stops(extractor: EventExtractor, text: str) -> set[tuple]:
    events, _ = extractor.read_events(article(text, PUBLISHED), mentions_for(text))
    return {(e.actor, e.place.name, e.status) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "with her parents" means the parents the text names, even named later.
        (
            "Sara Lind recently returned from Oslo, where she lived for five years with her parents. "
            '"She loves it," said Erik Lind, Sara\'s father.',
            {("Sara Lind", "Oslo", OCC), ("Erik Lind", "Oslo", OCC)},
        ),
        # "her husband, Tom Kane" and "the couple's son" make Ruth and Tom Kane Ben's parents.
        (
            "Dr. Ruth Kane was in Paris on Friday. Her husband, Tom Kane, said it was scary. "
            "The couple's son, Ben Kane, is a student in London. Ben's parents will return to Canada next week.",
            {
                ("Ruth Kane", "Paris", OCC),
                ("Ruth Kane", "Canada", P),
                ("Tom Kane", "Canada", P),
            },
        ),
        # The source of a report is less salient than the aunt the report is about.
        (
            "Marie Curtis's niece, Clara Dubois, says the airline lost her aunt's bags and seated her on a "
            "flight to Rome. She eventually made it to Lyon after a day in Rome.",
            {("Marie Curtis", "Lyon", OCC)},
        ),
        # A name apposed after a coordinated title is one more companion.
        (
            "Gen. Hall will meet with President Moreau and Defense Minister, Luc Bernard, during his trip. "
            "He will also travel to France.",
            {("Hall", "France", P), ("Moreau", "France", P), ("Luc Bernard", "France", P)},
        ),
        # An occupation apposed to a name says where it is done, coordinated places too.
        (
            "Jane Doe, a nurse at Leeds General from 2001 to 2010 and afterward in York, moved to Canada.",
            {("Jane Doe", "York", OCC), ("Jane Doe", "Canada", OCC)},
        ),
        (
            "Omar Haddad, a teacher in London, flew to Rome on Monday.",
            {("Omar Haddad", "London", OCC), ("Omar Haddad", "Rome", OCC)},
        ),
        # A named place's "near" phrase only locates it; "near" itself puts the actor there.
        ("Mark Cole was arrested near Leeds, near York, on Friday.", {("Mark Cole", "Leeds", OCC)}),
        # A finite past verb hanging on a name as a modifier is that name's predicate.
        (
            "Tom Weller, who pleaded guilty to theft, stole a car and later dumped it near York.",
            {("Tom Weller", "York", OCC)},
        ),
        # Performers at a show the sentence before names with its place.
        (
            "The festival in Berlin drew thousands of fans on Saturday. "
            "It featured performances by Peter Brandt and Maria Klein.",
            {("Peter Brandt", "Berlin", OCC), ("Maria Klein", "Berlin", OCC)},
        ),
        # "Today Anna skates in Leeds": the small model tags the verb as a noun.
        (
            "Anna Novak won a silver medal in 2019. Today Anna skates in Leeds and York for extra training.",
            {("Anna Novak", "Leeds", OCC), ("Anna Novak", "York", OCC)},
        ),
        # A headline's bare description is the person the article is about.
        (
            "Teacher returns to Oslo. Kari Berg came home last week. Berg said she missed the sea.",
            {("Kari Berg", "Oslo", OCC)},
        ),
        # The body's telling of a headline event wins: its tense says it is planned.
        (
            "Minister visits France. Jean Roux will visit France on Monday, Roux's office said.",
            {("Jean Roux", "France", P)},
        ),
        # An abbreviated or a legislator's title lets the text call its holder by the role.
        (
            "Gov. Anna Berg arrived in Oslo on Monday. The governor flew to Leeds on Tuesday.",
            {("Anna Berg", "Oslo", OCC), ("Anna Berg", "Leeds", OCC)},
        ),
        (
            "Sen. Jean Roux spoke in Oslo on Monday. The lawmaker will visit Leeds on Friday.",
            {("Jean Roux", "Oslo", OCC), ("Jean Roux", "Leeds", P)},
        ),
        (
            "Pope Leo met students in Oslo on Monday. The pontiff will travel to Leeds in October.",
            {("Leo", "Oslo", OCC), ("Leo", "Leeds", P)},
        ),
        # A description the text identifies as a named person is that person.
        (
            "Jean Roux spoke to police. A man identified as Hugo Lind was arrested in Oslo on Monday.",
            {("Hugo Lind", "Oslo", OCC)},
        ),
        (
            "Jean Roux spoke to police. The driver, who was identified as Hugo Lind, was taken to a hospital in Oslo.",
            {("Hugo Lind", "Oslo", OCC)},
        ),
        # The one a relation noun is "of" is no subject, even when the parser coordinates his name
        # with the subject's across the "and" of the description.
        (
            "Tom Mitchell spoke on Monday. Mitchell, the father of former Duke basketball star and NBA "
            "standout Jalen Mitchell, visited Leeds last week.",
            {("Tom Mitchell", "Leeds", OCC)},
        ),
        # A lead full of titles and names is no headline: its verb is small.
        (
            "French Foreign Minister Jean Roux visited Oslo on Thursday. Roux will return to Oslo in June.",
            {("Jean Roux", "Oslo", OCC), ("Jean Roux", "Oslo", P)},
        ),
    ],
)
def test_relations_and_groups(extractor: EventExtractor, text: str, expected: set[tuple]) -> None:
    assert stops(extractor, text) == expected


def test_present_habit_is_kept_beside_a_dated_arrival(extractor: EventExtractor) -> None:
    text = "Anna Novak moved back to Leeds in 2015. Today Anna skates in Leeds and York."
    events, _ = extractor.read_events(article(text, None), mentions_for(text))
    leeds = sorted(str(e.date.iso()) for e in events if e.place.name == "Leeds")
    assert leeds == ["2015", "None"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Where a person lives or grew up is a home, not a stop...
        (
            "Jane Roe, who lives in Leeds, said she would vote. Roe traveled to York last week.",
            {("Jane Roe", "York", OCC)},
        ),
        ("Mary Smith, who grew up in Leeds, spoke in York on Monday.", {("Mary Smith", "York", OCC)}),
        # ...and so is a present habit of living there ("resides").
        ("Tom Kane resides in Leeds. He flew to Oslo on Monday.", {("Tom Kane", "Oslo", OCC)}),
    ],
)
def test_a_home_is_no_stop(extractor: EventExtractor, text: str, expected: set[tuple]) -> None:
    assert stops(extractor, text) == expected


def test_a_dated_visit_absorbs_an_undated_mention_of_it(extractor: EventExtractor) -> None:
    text = "Anna Novak moved to Leeds in 2015. Her move to Leeds was a success."
    events, _ = extractor.read_events(article(text, None), mentions_for(text))
    assert [e.date.iso() for e in events if e.place.name == "Leeds"] == ["2015"]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # A quote's "him" teaches no gender: "Her" still means the speaker.
        (
            '"I saw him fall," Dr. Anna Kowalski said. Her brother, Piotr Nowak, was in Paris.',
            "Her",
            ("Anna Kowalski",),
        ),
        # "her aunt" is whom the niece was said to be the niece of.
        ("Marie Curtis's niece, Clara Dubois, called her aunt.", "aunt", ("Marie Curtis",)),
        # A kinship noun nobody is named for means nobody.
        ("Clara Dubois called her aunt.", "aunt", ()),
        # Outside the report, the source keeps its rank: "after he met" is the source's own act.
        ("Kim travels next to Vladivostok, Putin told Russian media after he met with Kim.", "he", ("Putin",)),
        # The subject of any verb whose object is a clause with its own subject ("estimated that",
        # "believes that", "expects that") is a source, less salient than whom the clause is about.
        (
            "Prosecutor Mark Lowe charged Tom Reed with murder on Monday. Lowe estimated that Reed's "
            "transfer to Ohio would take 60 days. Once there, he would stand trial in Dayton.",
            "he",
            ("Tom Reed",),
        ),
        (
            "Detective Paul Dunn met John Miller on Monday. Dunn believes that Miller's car was stolen in "
            "York. He was later seen in Leeds.",
            "He",
            ("John Miller",),
        ),
        (
            "Sheriff Paul Dunn expects that John Miller's case will take a month. He will appear in court in Leeds.",
            "He",
            ("John Miller",),
        ),
        # ...nor is the one a relation noun in the subject's apposition is "of", even when the
        # parser hangs his name on the subject's: "He" after it is the father.
        (
            "Tom Mitchell spoke on Monday. Mitchell, the father of former Duke basketball star and NBA "
            "standout Jalen Mitchell, stopped in Leeds last week. He knows Paul Smith through a club in York.",
            "He",
            ("Tom Mitchell",),
        ),
        # A capitalised title is the same description as a lower-case one: "the Pope", and so "his".
        (
            "Pope John Paul II left the hospital today. Spokesman Joaquin Navarro-Valls said that "
            "the Pope had recovered his voice.",
            "his",
            ("John Paul II",),
        ),
        # A nationality or a party standing alone as a subject is a description of a person...
        ("Senator Mary Jones spoke on Monday. The Democrat traveled to Paris on Tuesday.", "Democrat", ("Mary Jones",)),
        (
            "Police identified the detainee as Paul Whelan. The American was detained in Moscow on Tuesday.",
            "American",
            ("Paul Whelan",),
        ),
        # ...but never the source whose report holds it: the source speaks of someone else.
        (
            "Sheriff Ken Clark spoke on Monday. Clark said the woman was attacked outside a bar in Leeds.",
            "woman",
            (),
        ),
        (
            "Ruth Ames won the prize on Monday. Her agent, Paul Dunn, said the actress arrived in Paris.",
            "actress",
            ("Ruth Ames",),
        ),
        # An age standing alone as a subject, too.
        (
            "Police arrested John Miller, 45, on Monday. The 45-year-old was taken to jail in Leeds.",
            "old",
            ("John Miller",),
        ),
        # "both men", "the two suspects", "the couple": the people last told together.
        (
            "Police charged Mark Evans and Luke Ford with robbery. Both men were arrested in Leeds.",
            "men",
            ("Mark Evans", "Luke Ford"),
        ),
        (
            "John Smith and Mary Smith celebrated their anniversary. The couple traveled to Rome.",
            "couple",
            ("John Smith", "Mary Smith"),
        ),
        # A lead that describes someone the next sentence names ("A Leeds man ... John Miller, 45,").
        ("A Leeds man was arrested in York on Monday. John Miller, 45, faces two charges.", "man", ("John Miller",)),
        (
            "A woman was hurt in Leeds. Police Sgt. Paul Dunn said Mary Cole was taken to a hospital.",
            "woman",
            ("Mary Cole",),
        ),
        # A story that opens on someone described and goes on about her as "she" names her first,
        # in whatever role, up to four sentences on; not when a sentence between leaves her.
        (
            "A 27-year-old former nurse from Leeds faces a long sentence. She was arrested at the York airport "
            "in October. Since then she has waited in a cell. With a verdict near for Ms. Ames, her father "
            "flew to York.",
            "nurse",
            ("Ames",),
        ),
        (
            "A 27-year-old former nurse from Leeds faces a long sentence. She was arrested at the York airport "
            "in October. Lawyers filed an appeal. With a verdict near for Ms. Ames, her father flew to York.",
            "nurse",
            (),
        ),
        # Not a source the next sentence names, nor someone named before, nor one of two.
        ("A man was shot in Leeds on Monday. Mayor Ruth Ames said the city mourned.", "man", ()),
        ("Police questioned John Miller. A man was arrested in Leeds. Miller, 45, was charged.", "man", ()),
        ("A man and a woman were hurt in Leeds. John Miller, 45, was driving.", "man", ()),
        # Someone described and never named is nobody of the cast, and so are "the man" that takes
        # the description up and "he" after it: not the person most in view.
        (
            "Dr. Paul Dunn spoke on Monday. Russia reported its first case, in an unidentified man "
            "who had been in Leeds. The man arrived in Moscow on Monday.",
            "man",
            (),
        ),
        (
            "Dr. Paul Dunn spoke on Monday. Russia reported its first case, in an unidentified man "
            "who had been in Leeds. The man felt ill when he arrived in Moscow.",
            "he",
            (),
        ),
        ("Sheriff Paul Dunn spoke on Monday. A man was found dead in Leeds. He had been shot.", "He", ()),
        # A plural person noun alone is not a group of the people named.
        ("Police charged Mark Evans and Luke Ford with robbery. Men were arrested in Leeds.", "Men", ()),
        # ...not when it qualifies a noun.
        ("Paul Whelan spoke on Monday. The American embassy in Moscow was closed.", "American", ()),
        # A family named by the plural of its surname means those of the cast who bear it...
        (
            "Jerome Faulkner and his wife, Dora Faulkner, are missing. The Faulkners were at home.",
            "Faulkners",
            ("Jerome Faulkner", "Dora Faulkner"),
        ),
        (
            "Police charged Tom Jones and Ann Jones. The Joneses were arrested in Leeds.",
            "Joneses",
            ("Tom Jones", "Ann Jones"),
        ),
        ("Ruth Hain spoke to police. Later, the Hains' car was found in Leeds.", "Hains", ("Ruth Hain",)),
        # ...named before it: survivors an obituary lists at its end are not whom it meant.
        (
            "Nora Ames died on Monday. The Ameses ran a shop in Leeds. Survivors include a son, Carl Ames.",
            "Ameses",
            ("Nora Ames",),
        ),
        # A plural that is no surname of the cast is nobody.
        ("Paul Whelan spoke on Monday. The Americans left Moscow.", "Americans", ()),
        # A title with an "of" phrase is the title whole: "the secretary" is the Secretary of State.
        (
            "US Secretary of State Anna Vance met the king on Monday. The new US secretary arrived later.",
            "secretary",
            ("Anna Vance",),
        ),
        (
            "Minister of Defence Tom Reed met the king on Monday. Later the minister left Kyiv.",
            "minister",
            ("Tom Reed",),
        ),
    ],
)
def test_relational_coreference(text: str, word: str, expected: tuple[str, ...]) -> None:
    doc = parse_text(text)
    coref = Coreference(doc, find_cast(doc, mentions_for(text)))
    token = next(t for t in reversed(doc) if t.text == word)
    assert tuple(p.name for p in coref.people_of(token)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The description the story later identifies: "a man ... identified the man as".
        (
            "A man who stole a bracelet was struck by a car in Leeds. Chief Ann Lee identified the man "
            "on Friday as Carl Jenkins.",
            ("Carl Jenkins",),
        ),
        ("A man was shot in Leeds on Friday. The man was identified as Carl Jenkins, 31.", ("Carl Jenkins",)),
        # A report tells the incident's details before whom it befell: a few sentences on, and past
        # a "the man" that names nobody, the identification still names the lede's man.
        (
            "A man was shot in Leeds on Friday. Police closed the road. The man was taken to a hospital. "
            "A woman saw it. Later the man was identified as Carl Jenkins, 31.",
            ("Carl Jenkins",),
        ),
        # Past another "a man", or far on, "the man" may be someone else.
        (
            "A man was shot in Leeds on Friday. A second man was arrested. The man was identified as Carl Jenkins.",
            (),
        ),
        (
            "A man was shot in Leeds on Friday. Police closed the road. A woman saw it. Shops shut early. "
            "Buses were diverted. Later the man was identified as Carl Jenkins, 31.",
            (),
        ),
    ],
)
def test_a_description_the_story_identifies_later_is_the_one_identified(text, expected) -> None:
    doc = parse_text(text)
    coref = Coreference(doc, find_cast(doc, mentions_for(text)))
    token = next(t for t in doc if t.lower_ == "man")
    assert tuple(p.name for p in coref.people_of(token)) == expected


@pytest.mark.parametrize(
    ("text", "word", "inside"),
    [
        ('He said "she will fly to Paris" and left.', "she", True),
        ('He said "she will fly to Paris" and she left.', "left", False),
        # A quotation left open on one line does not reach the next: news opens a quoted
        # paragraph without closing it when the quotation goes on.
        ('He said: "We were there.\nShe flew to Paris.', "She", False),
        ('He said: "We were there.\n\u201cShe flew to Paris.', "She", True),
    ],
)
def test_a_quotation_is_read_within_its_line(text: str, word: str, inside: bool) -> None:
    doc = parse_text(text)
    [token] = [t for t in doc if t.text == word]
    assert _inside_quote(token) is inside
