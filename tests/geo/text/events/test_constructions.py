"""Constructions of news English that say who was where, each on sentences written for the test.

One table row per construction the extractor reads (see the docstrings of `triggers`,
`governance`, `participants`, `coreference`, `status` and `extract`); the sentences are not
taken from any evaluation article.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from _events_world import PLACES, article, mentions_for, place

from geo.model import EventStatus, Precision
from geo.text.events import EventExtractor

OCC, P, S = EventStatus.OCCURRED, EventStatus.PLANNED, EventStatus.SPECULATIVE
PUBLISHED = date(2023, 9, 15)  # a Friday


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    # The trigger rules alone: what they read is what the stop model weighs first
    # (tests/geo/text/test_events_model.py tests the model's reading).
    return EventExtractor(stop_model=None)


def stops(
    extractor: EventExtractor, text: str, published: date | None = PUBLISHED, mentions: list | None = None
) -> set[tuple]:
    """The stops the rules read in `text`, over the test world's mentions or the ones given."""
    events, _ = extractor.read_events(article(text, published), mentions_for(text) if mentions is None else mentions)
    return {(e.actor, e.place.name, e.status, e.date.iso()) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A relative clause opened by "where" happens at its antecedent.
        (
            "Maria Lopez was arrested in Madrid, where she had worked as a chef for ten years.",
            {("Maria Lopez", "Madrid", OCC, None)},
        ),
        (
            "The delegation flew home after Anna Weber spoke in the city of Berlin, where she met students.",
            {("Anna Weber", "Berlin", OCC, None)},
        ),
        # The parser may hang a "where" clause on the verb of the place, or on a time after it:
        # the clause still happens at the place, and the one met there was there too.
        (
            "Ruth Ames flew to Kyiv last week, where she met Paul Grant.",
            {("Ruth Ames", "Kyiv", OCC, "2023-09-04"), ("Paul Grant", "Kyiv", OCC, "2023-09-04")},
        ),
        (
            "Dana Cruz traveled to Kyiv on Monday, where she met Paul Grant.",
            {("Dana Cruz", "Kyiv", OCC, "2023-09-11"), ("Paul Grant", "Kyiv", OCC, "2023-09-11")},
        ),
        # What a person was doing when a passive in the past befell them puts them where they did it.
        (
            "Army Sgt. Mark Reyes was killed on Monday while patrolling in Kyiv.",
            {("Mark Reyes", "Kyiv", OCC, "2023-09-11")},
        ),
        (
            "Lisa Grant was struck by a car while jogging near Madrid on Tuesday.",
            {("Lisa Grant", "Madrid", OCC, "2023-09-12")},
        ),
        ("Dr. Kim Lo was bitten by a snake while surveying caves near Hanoi.", {("Kim Lo", "Hanoi", OCC, None)}),
        # A noun for a person written with a capital ("the Marine") describes the person told of,
        # and is no one's name.
        (
            "Sgt. Paul Ward was wounded on Monday. The Marine was flown to Germany for treatment.",
            {("Paul Ward", "Germany", OCC, None)},
        ),
        # The one met was there, whoever met them: a group, or the subject of the sentence's
        # main clause, which names no person.
        ("The delegation met Juan Perez in Madrid on Monday.", {("Juan Perez", "Madrid", OCC, "2023-09-11")}),
        (
            "Since meeting Anna Weber in Berlin on Tuesday, the company has doubled its orders.",
            {("Anna Weber", "Berlin", OCC, "2023-09-12")},
        ),
        # A noun for what befalls or is done by someone where they are: the possessor was there.
        (
            "Juan Perez faces two charges. His arrest in Madrid on Monday surprised his neighbours.",
            {("Juan Perez", "Madrid", OCC, "2023-09-11")},
        ),
        (
            "Anna Weber was a painter. Her death in Berlin on Tuesday was reported by her family.",
            {("Anna Weber", "Berlin", OCC, "2023-09-12")},
        ),
        (
            "Paul Grant made his first appearance in a Hanoi court on Monday.",
            {("Paul Grant", "Hanoi", OCC, "2023-09-11")},
        ),
        # What they were doing may be set by its object's place: the work was done there, and so they were.
        (
            "Cpl. Dan Ortiz was wounded while supporting combat operations in the Kyiv region.",
            {("Dan Ortiz", "Kyiv", OCC, None)},
        ),
        # Where a visitor comes from, the visit's place untold, is home; a visit to a place
        # named set out from where it came from.
        ("Ruth Ames, visiting from Madrid, said the exhibition was a success.", set()),
        (
            "Omar Haddad visited Paris from Berlin on Monday.",
            {("Omar Haddad", "Paris", OCC, "2023-09-11"), ("Omar Haddad", "Berlin", OCC, "2023-09-11")},
        ),
        # A passive in the present tells no act that befell the person.
        ("Mark Reyes is seen as a hero while patrolling in Kyiv.", set()),
        # A speaker is where the audience addressed is: the parser hangs the place on the audience.
        (
            "Speaking to reporters in Berlin on Monday, Anna Weber said the talks were over.",
            {("Anna Weber", "Berlin", OCC, "2023-09-11")},
        ),
        (
            "Paul Grant told a crowd in Leeds on Tuesday that jobs were coming.",
            {("Paul Grant", "Leeds", OCC, "2023-09-12")},
        ),
        # An act told as planned puts its subject there as the past does, and is planned.
        ("Anna Weber will speak in Berlin on Monday.", {("Anna Weber", "Berlin", P, "2023-09-18")}),
        (
            "Paul Grant is scheduled to speak at a rally in Leeds on Monday.",
            {("Paul Grant", "Leeds", P, "2023-09-18")},
        ),
        # Moves a person makes or undergoes put them at the destination, and at the origin.
        ("Anna Weber fled to France on Monday.", {("Anna Weber", "France", OCC, "2023-09-11")}),
        ("Paul Grant was extradited to Germany in May.", {("Paul Grant", "Germany", OCC, "2023-05")}),
        ("Paul Grant set off from Leeds on Monday.", {("Paul Grant", "Leeds", OCC, "2023-09-11")}),
        ("Paul Grant set up a company in Leeds.", set()),
        # What is done to a person, told in the passive, says where they were or were brought,
        # even with verbs that are stative in the active ("holds offices in Leeds").
        ("Paul Grant was held in the county jail in Leeds on Monday.", {("Paul Grant", "Leeds", OCC, "2023-09-11")}),
        ("Anna Weber was found dead in Madrid on Monday.", {("Anna Weber", "Madrid", OCC, "2023-09-11")}),
        ("Anna Weber was taken to a hospital in Berlin on Monday.", {("Anna Weber", "Berlin", OCC, "2023-09-11")}),
        ("Paul Grant was transferred to a prison in Leeds on Monday.", {("Paul Grant", "Leeds", OCC, "2023-09-11")}),
        # A passive coordinated with the verb before it shares that verb's subject, and its passive
        # when it has no auxiliary of its own: a row of what befell someone.
        ("Paul Grant was shot twice and taken to a hospital in Leeds.", {("Paul Grant", "Leeds", OCC, None)}),
        (
            "Anna Weber suffered a broken leg and was taken to a hospital in Berlin.",
            {("Anna Weber", "Berlin", OCC, None)},
        ),
        (
            "Paul Grant surrendered to police and was held at the county jail in Leeds.",
            {("Paul Grant", "Leeds", OCC, None)},
        ),
        ("Anna Weber will be arrested and taken to a jail in Berlin.", {("Anna Weber", "Berlin", P, None)}),
        # A bare participle after a row of verbs shares the passive of the nearest one with an
        # auxiliary, and the subject of the row's first.
        (
            "Paul Grant ran off and was later caught by police and taken to the York County jail.",
            {("Paul Grant", "York", OCC, None)},
        ),
        (
            "Anna Weber was treated at a clinic, where she escaped and was arrested and taken to a prison in Lyon.",
            {("Anna Weber", "Lyon", OCC, None)},
        ),
        # A name with a nickname quoted inside it is the person's, and "he" after it means them.
        (
            "Walter \u201cSonny\u201d Pruitt, 52, was arrested at a bar in York by Sgt. Ann Cole. "
            "He is due to appear in court in Leeds on Tuesday.",
            {
                ("Walter Pruitt", "York", OCC, None),
                ("Ann Cole", "York", OCC, None),
                ("Walter Pruitt", "Leeds", P, "2023-09-19"),
            },
        ),
        # A description with a name beside it means that name, not the person most in view.
        (
            "Paul Grant was not hurt. The driver, Anna Weber, was taken to a hospital in Berlin.",
            {("Anna Weber", "Berlin", OCC, None)},
        ),
        # A bare weekday after a venue, as news writes it, which the parser may make the noun.
        (
            "Paul Grant appeared at the Rome Senior Center Sunday to share his thoughts on President Obama's "
            "first two months in office.",
            {("Paul Grant", "Rome", OCC, "2023-09-10")},
        ),
        # A town that begins a venue's name of several words is the venue's town.
        (
            "Paul Grant will appear at Leeds Magistrates' Court on Monday.",
            {("Paul Grant", "Leeds", P, "2023-09-18")},
        ),
        (
            "Anna Weber and Paul Grant appeared at York Magistrates Court on Monday.",
            {("Anna Weber", "York", OCC, "2023-09-11"), ("Paul Grant", "York", OCC, "2023-09-11")},
        ),
        # Who a passive of meeting is done to was where its agent's phrase sets the agent.
        (
            "Anna Weber was greeted by cheering crowds in Berlin on Monday.",
            {("Anna Weber", "Berlin", OCC, "2023-09-11")},
        ),
        # A part or a moment of a gathering is where the gathering is.
        (
            "Anna Weber met Paul Grant on the sidelines of the summit in Berlin on Monday.",
            {("Anna Weber", "Berlin", OCC, "2023-09-11"), ("Paul Grant", "Berlin", OCC, "2023-09-11")},
        ),
        ("Ruth Ames spoke to reporters on the eve of the conference in Madrid.", {("Ruth Ames", "Madrid", OCC, None)}),
        # A moment of a gathering places any act told at it, as the gathering itself does.
        (
            "Paul Grant announced the plan at the start of a conference in Oslo on Monday.",
            {("Paul Grant", "Oslo", OCC, "2023-09-11")},
        ),
        ("Ruth Ames gave a speech at the beginning of a Madrid conference.", {("Ruth Ames", "Madrid", OCC, None)}),
        # A list of those present at the gathering just told: they were there, on its date.
        (
            "Hundreds attended the funeral in Leeds on Monday. Mourners included Paul Grant and Anna Weber.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11"), ("Anna Weber", "Leeds", OCC, "2023-09-11")},
        ),
        (
            "The summit opened in Berlin on Monday. Among the guests was Anna Weber.",
            {("Anna Weber", "Berlin", OCC, "2023-09-11")},
        ),
        (
            "A memorial service was held in Leeds on Monday. Among those attending were Paul Grant and Ruth Ames.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11"), ("Ruth Ames", "Leeds", OCC, "2023-09-11")},
        ),
        (
            "The summit will open in Berlin on Monday. Those present will include Anna Weber.",
            {("Anna Weber", "Berlin", P, "2023-09-18")},
        ),
        # Being held or kept apart somewhere: the state's own "in" phrase is where.
        ("Paul Grant was taken into custody in Leeds on Monday.", {("Paul Grant", "Leeds", OCC, "2023-09-11")}),
        ("Anna Weber remained in custody in Berlin on Monday.", {("Anna Weber", "Berlin", OCC, "2023-09-11")}),
        (
            "Ruth Ames was placed under house arrest in Madrid on Monday.",
            {("Ruth Ames", "Madrid", OCC, "2023-09-11")},
        ),
        # A flight a light verb carries goes where it goes, the parser's attachment aside, on the
        # verb's date; one that names no journey, or is missed, goes nowhere.
        ("Paul Grant boarded a flight to Berlin on Monday.", {("Paul Grant", "Berlin", OCC, "2023-09-11")}),
        (
            "Anna Weber caught a flight from Leeds to Madrid on Monday.",
            {("Anna Weber", "Leeds", OCC, "2023-09-11"), ("Anna Weber", "Madrid", OCC, "2023-09-11")},
        ),
        (
            "Paul Grant flew to Madrid. By the time he boarded his return flight to Berlin, he had a plan.",
            {("Paul Grant", "Madrid", OCC, None), ("Paul Grant", "Berlin", OCC, None)},
        ),
        ("Ruth Ames will take a trip to Madrid on Monday.", {("Ruth Ames", "Madrid", P, "2023-09-18")}),
        ("Paul Grant missed his flight to Berlin on Monday.", set()),
        ("Anna Weber missed the meeting in Madrid on Monday.", set()),
        ("Anna Weber spent the flight in Berlin worrying.", set()),
        # Who takes or cares for someone unnamed, told in the passive, was there to do it; who
        # sends a thing somewhere was not.
        ("The boy was treated at a hospital in Leeds by Dr. Anna Weber.", {("Anna Weber", "Leeds", OCC, None)}),
        (
            "The man was arrested at a motel in Berlin by Deputy Paul Grant on Monday.",
            {("Paul Grant", "Berlin", OCC, "2023-09-11")},
        ),
        ("The bill was sent to the parliament in Berlin by Paul Grant on Monday.", set()),
        # A local office names its holder later ("the sheriff"), as "the minister" does.
        (
            "Sheriff Paul Grant spoke at a rally in Leeds on Monday. The sheriff then flew to Berlin.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11"), ("Paul Grant", "Berlin", OCC, None)},
        ),
        # The object of a verb whose subject is nobody of the cast ("police") means the person in
        # view, as a subject would; not a description the text introduced as someone else.
        (
            "Paul Grant, 22, was wanted for murder. Police arrested the suspect at a motel in Leeds on Monday.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11")},
        ),
        ("Paul Grant shot a man on Monday. Deputies found the man in a ditch near Berlin.", set()),
        # The capacity an act was done in, and the agent of what was done to the person in the
        # flesh, carry where it was done; not praise, nor the place of a firm.
        ("Anna Weber served as ambassador in Berlin in 2012.", {("Anna Weber", "Berlin", OCC, "2012")}),
        (
            "Paul Grant was sworn in as president in Leeds on Monday.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11")},
        ),
        ("Ruth Ames was questioned by police in Madrid on Monday.", {("Ruth Ames", "Madrid", OCC, "2023-09-11")}),
        ("Dana Cruz was struck by a car in Leeds on Monday.", {("Dana Cruz", "Leeds", OCC, "2023-09-11")}),
        ("Anna Weber was hailed as a hero in Berlin on Monday.", set()),
        ("Paul Grant was sued by a company in Leeds on Monday.", set()),
        # Who leaves a facility the text places was in it; a thing from one says nothing.
        (
            "Anna Weber was discharged from a hospital in Berlin on Monday.",
            {("Anna Weber", "Berlin", OCC, "2023-09-11")},
        ),
        ("Paul Grant was released from a jail in Leeds on Monday.", {("Paul Grant", "Leeds", OCC, "2023-09-11")}),
        ("Ruth Ames received a letter from a hospital in Madrid on Monday.", set()),
        # A gathering or a trip gone on is where it is, as an island reached "on" is.
        ("Ruth Ames went on trial in Madrid on Monday.", {("Ruth Ames", "Madrid", OCC, "2023-09-11")}),
        ("Dana Cruz went on a rampage in Leeds on Monday.", set()),
        # With no gathering told, a list places nobody.
        ("The crowd included Paul Grant.", set()),
        # A gathering named again is where the text told it, on its date: the latest of the same
        # name, or, with none, the latest gathering under another name.
        (
            "Hundreds gathered on Monday for a memorial service in Leeds. Gov. Paul Grant came to the ceremony.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11")},
        ),
        (
            "The summit opened in Berlin on Tuesday. At the meeting, Anna Weber said sanctions must end.",
            {("Anna Weber", "Berlin", OCC, "2023-09-12")},
        ),
        # The gathering told at a venue the gazetteer does not know, in its town; the parser may
        # hang the venue on the verb the gathering is the purpose of ("gathered for a funeral").
        (
            "Hundreds gathered for a funeral at the cemetery in Leeds on Monday. Gov. Paul Grant came to the ceremony.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11")},
        ),
        (
            "The funeral was held at the cemetery in Leeds on Monday. Gov. Paul Grant came to the funeral.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11")},
        ),
        # A gathering told by its verb, where it puts its people: in its own clause, or where
        # "they" are told to be next; a verb that puts them nowhere tells no gathering.
        (
            "Hundreds of people gathered at the cemetery in Leeds on Monday to say goodbye to Cpl. Tom Reed. "
            "Gov. Paul Grant came to the ceremony.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11")},
        ),
        (
            "Hundreds of people gathered to say goodbye to Cpl. Tom Reed. They stood among gravestones at the "
            "cemetery in Leeds. Gov. Paul Grant came to the ceremony.",
            {("Paul Grant", "Leeds", OCC, None)},
        ),
        ("Hundreds of people rallied behind the mayor on Monday. Gov. Paul Grant came to the ceremony.", set()),
        # The people of a gathering told, spoken to as one: the speaker was there; "reporters" may
        # be anywhere, and "the next meeting" is another one.
        (
            "A crowd gathered in Leeds on Sunday to protest the closure. Tom Reed told the crowd that the plant "
            "would stay open.",
            {("Tom Reed", "Leeds", OCC, "2023-09-10")},
        ),
        (
            "Hundreds attended a rally in Lyon on Saturday. Rita Vance, the party's candidate, addressed the crowd.",
            {("Rita Vance", "Lyon", OCC, "2023-09-09")},
        ),
        (
            "Mourners gathered at a church in Leeds on Monday. Paul Grant spoke to the congregation.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11")},
        ),
        # Those listening are the gathering's people too; "they" with no gathering told place nobody.
        (
            "Hundreds of people gathered at the cemetery in Leeds on Monday to say goodbye to Cpl. Tom Reed. "
            "They listened as Paul Grant spoke of how his brother had lived.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11")},
        ),
        ("They laughed as Paul Grant spoke of his trip to the coast.", set()),
        ("Hundreds attended a rally in Lyon on Saturday. Rita Vance told reporters the vote was close.", set()),
        (
            "Hundreds attended a rally in Lyon on Saturday. Rita Vance will address the next meeting.",
            set(),
        ),
        # "The scene" is where the incident the story told happened; a harm befalling someone with
        # no place phrase of its own is where the incident its clause or the sentences just before
        # told happened.
        (
            "A man was shot outside a bar in Leeds on Sunday. The suspect, Paul Grant, 23, was arrested at the scene.",
            {("Paul Grant", "Leeds", OCC, "2023-09-10")},
        ),
        # A police force named after its town acts in that town: whom it arrests was there.
        (
            "Paul Grant was arrested by Leeds police on Friday.",
            {("Paul Grant", "Leeds", OCC, "2023-09-15")},
        ),
        (
            "Paul Grant was detained on Monday during a series of raids by Leeds police.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11")},
        ),
        ("Paul Grant was sued by a Leeds company on Friday.", set()),
        # An arrest the text places nowhere was made in the town of the one police force the
        # story names; with forces of two towns, or none, nobody can say where.
        (
            "Leeds police were called to a home on Sunday. Paul Grant, 44, was arrested on Monday.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11")},
        ),
        ("Leeds police and York police searched the area. Paul Grant was arrested on Monday.", set()),
        ("Paul Grant, 44, was arrested on Monday.", set()),
        # A harm the text places nowhere else, told with the police force that reports it, was
        # done in that force's town.
        (
            "Tom Reed was shot and killed on Friday night, Leeds police said.",
            {("Tom Reed", "Leeds", OCC, "2023-09-15")},
        ),
        (
            "Tom Reed, 23, was struck by a car while crossing a street on Friday, according to Leeds police.",
            {("Tom Reed", "Leeds", OCC, "2023-09-15")},
        ),
        (
            "Paul Grant was transported to the York Police Department on Monday.",
            {("Paul Grant", "York", OCC, "2023-09-11")},
        ),
        ("Leeds police were called to a home. Paul Grant was booked into the county jail.", set()),
        (
            "Paul Grant was taken into custody by Leeds Police on Friday.",
            {("Paul Grant", "Leeds", OCC, "2023-09-15")},
        ),
        (
            "The York Police Department arrested Paul Grant on Monday.",
            {("Paul Grant", "York", OCC, "2023-09-11")},
        ),
        # A journey's purpose is where it went: the gathering told before, on its date, beside
        # where it set out from.
        (
            "Hundreds gathered for a memorial service in Leeds on Monday. Tom Escher came from York for the service.",
            {("Tom Escher", "York", OCC, "2023-09-11"), ("Tom Escher", "Leeds", OCC, "2023-09-11")},
        ),
        (
            "Hundreds gathered for a memorial service in Leeds on Monday. Tom Escher came from York for the money.",
            {("Tom Escher", "York", OCC, None)},
        ),
        # What is left of someone stands for the person where it is found.
        (
            "The body of Paul Grant was found in Leeds on Monday.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11")},
        ),
        (
            "The bodies of Paul Grant and Ruth Ames were found on Monday in a Leeds apartment.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11"), ("Ruth Ames", "Leeds", OCC, "2023-09-11")},
        ),
        (
            "Leeds police found the body of Paul Grant inside his apartment on Monday.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11")},
        ),
        # A court sits in the town it is named after, or that its own phrase names: whom it
        # convicts, acquits or sentences stood before it there; a grand jury indicts with nobody
        # before it, and "found" without a verdict is finding someone.
        (
            "A Leeds jury convicted Paul Grant of murder on Monday.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11")},
        ),
        (
            "A Leeds Crown Court jury found Paul Grant guilty on Monday.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11")},
        ),
        (
            "Paul Grant was sentenced on Monday by a York judge.",
            {("Paul Grant", "York", OCC, "2023-09-11")},
        ),
        (
            "A jury in York acquitted Paul Grant on Monday.",
            {("Paul Grant", "York", OCC, "2023-09-11")},
        ),
        ("A Leeds grand jury indicted Paul Grant on Monday.", set()),
        ("Paul Grant was praised by a Leeds judge on Monday.", set()),
        # A compass word and "of" place an act by the town near it, unless the clause names the
        # town it is in.
        (
            "Paul Grant was driving on County Road 9 about two miles east of Leeds when he lost control.",
            {("Paul Grant", "Leeds", OCC, None)},
        ),
        (
            "Paul Grant was injured on Monday when his car overturned two miles east of Leeds.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11")},
        ),
        (
            "Paul Grant was arrested at a house in York, south of Leeds, on Monday.",
            {("Paul Grant", "York", OCC, "2023-09-11")},
        ),
        # An address writes its town after the street, where the parser seldom hangs it.
        (
            "A woman was stabbed in an attack in Seaton Street, Leeds, on Sunday. Paul Grant was arrested at the "
            "scene.",
            {("Paul Grant", "Leeds", OCC, "2023-09-10")},
        ),
        (
            "A bomb exploded at a market in Leeds on Monday. Mayor Paul Grant visited the scene on Tuesday.",
            {("Paul Grant", "Leeds", OCC, "2023-09-12")},
        ),
        (
            "Two cars collided on Route 9 near Leeds. The driver, Tom Reed, 31, was pronounced dead at the scene "
            "by Coroner Ruth Ames.",
            {("Tom Reed", "Leeds", OCC, None)},
        ),
        (
            "A crash on Route 9 near Leeds injured two people on Sunday. Tom Reed and his passenger, Paul Grant, "
            "were ejected from the vehicle.",
            {("Tom Reed", "Leeds", OCC, "2023-09-10"), ("Paul Grant", "Leeds", OCC, "2023-09-10")},
        ),
        (
            "Tom Reed, 31, of York, was killed when his car went off the road near Leeds.",
            {("Tom Reed", "Leeds", OCC, None)},
        ),
        # The incident may be told by the harm it did, its place hung on the agent.
        (
            "A bus was struck by a vehicle in Leeds. Its driver, Ruth Ames, was pronounced dead at the scene.",
            {("Ruth Ames", "Leeds", OCC, None)},
        ),
        (
            "A car crashed into a tree in Leeds. Its driver, Tom Reed, was taken from the scene by helicopter.",
            {("Tom Reed", "Leeds", OCC, None)},
        ),
        ("Two cars collided near Leeds on Monday. Tom Reed struck a deal with the insurer.", set()),
        ("The scene was chaotic, Tom Reed said.", set()),
        # Not a harm the incident is far from, nor one with a place phrase of its own.
        (
            "A crash near Leeds injured two people on Sunday. The road reopened later. Officials said it was "
            "busy. Tom Reed's father was killed in 1990.",
            set(),
        ),
        ("A fire broke out in Leeds on Monday. Tom Reed was killed in a drone strike in 2015.", set()),
        # Someone introduced to those present is at the gathering the story's lede reports; a bill
        # or a measure introduced puts no one anywhere.
        (
            "Senator Rita Vance held a town hall meeting at a school in Leeds on Thursday. Vance then "
            "introduced the next panelist, board member Tom Reed.",
            {("Rita Vance", "Leeds", OCC, "2023-09-14"), ("Tom Reed", "Leeds", OCC, "2023-09-14")},
        ),
        (
            "Senator Rita Vance held a town hall meeting at a school in Leeds on Thursday. Mayor Tom Reed "
            "introduced a measure to cut taxes.",
            {("Rita Vance", "Leeds", OCC, "2023-09-14")},
        ),
        # A report of a gathering stays at the scene its lede set: the gathering named again many
        # sentences on, with another gathering placed nowhere in between; a journey made for it
        # went there, from where it set out.
        (
            "Hundreds gathered at the cemetery in Leeds on Monday to say goodbye to Cpl. Tom Reed. Reed was "
            "killed last week. He had served two tours. His friends remembered him. They told stories. "
            "Ruth Ames came from Oslo for the service. Gov. Paul Grant came to the ceremony.",
            {
                ("Paul Grant", "Leeds", OCC, "2023-09-11"),
                ("Ruth Ames", "Oslo", OCC, "2023-09-11"),
                ("Ruth Ames", "Leeds", OCC, "2023-09-11"),
            },
        ),
        (
            "Ruth Ames will attend a fundraiser in Madrid next week. She spoke at a rally in Berlin on Monday. "
            "Paul Grant will also attend the fundraiser.",
            {
                ("Ruth Ames", "Madrid", P, "2023-09-18"),
                ("Ruth Ames", "Berlin", OCC, "2023-09-11"),
                ("Paul Grant", "Madrid", P, "2023-09-18"),
            },
        ),
        # A verb coordinated with the trigger, sharing its subject and its time, dates it when its own
        # clause does not; a time to come does not date a trip gone.
        ("Rita Vance flew to Paris and spoke at a rally on Tuesday.", {("Rita Vance", "Paris", OCC, "2023-09-12")}),
        (
            "Tom Reed is excited to be relocating to Paris and will begin his duties on July 1, 2024.",
            {("Tom Reed", "Paris", P, "2024-07-01")},
        ),
        ("Rita Vance flew to Paris and will speak at a rally on Tuesday.", {("Rita Vance", "Paris", OCC, None)}),
        # "was headed to" is "was heading to": under way, the arrival not told; where it set out
        # from was a stop.
        (
            "Tom Reed was headed to Oslo on Monday when the crash happened.",
            {("Tom Reed", "Oslo", P, "2023-09-11")},
        ),
        (
            "Rita Vance was headed from Rome to Madrid when the crash happened.",
            {("Rita Vance", "Rome", OCC, None), ("Rita Vance", "Madrid", P, None)},
        ),
        # Someone's way to a place: on it, the arrival is still ahead; made, it is done. A road is no trip.
        (
            "Tom Reed stopped in Oslo on his way to Berlin.",
            {("Tom Reed", "Oslo", OCC, None), ("Tom Reed", "Berlin", P, None)},
        ),
        ("Tom Reed was on his way to Rome when the crash happened.", {("Tom Reed", "Rome", P, None)}),
        ("Rita Vance made her way to Paris on Monday.", {("Rita Vance", "Paris", OCC, "2023-09-11")}),
        ("The only way to Oslo is the coastal road, Tom Reed said.", set()),
        # A photo caption sets its date after the place, with a comma: when the act was, not what
        # the place is.
        (
            "Tom Reed leaves a hotel in Paris, Monday, March 23, 2009.",
            {("Tom Reed", "Paris", OCC, "2009-03-23")},
        ),
        # Whom a call or a message reaches is where its place is; the caller may be anywhere.
        ("Rita Vance called her mother in Paris on Monday.", set()),
        ("Tom Reed phoned his lawyer in Berlin after the arrest.", set()),
        ("Rita Vance called a news conference in Paris on Monday.", {("Rita Vance", "Paris", OCC, "2023-09-11")}),
        # Not a gathering told with no place, another occasion, or any verb with a gathering as object.
        (
            "Officials met in Berlin on Monday. A new meeting was called. Anna Weber attended the meeting.",
            set(),
        ),
        ("The meeting in Leeds ended on Monday. Paul Grant will speak at the next meeting.", set()),
        ("Fans packed a concert in Leeds on Saturday. Anna Weber dedicated the show to her mother.", set()),
        # After an active verb, a bare participle is a perfect's, not a passive.
        ("Paul Grant has visited the firm and sent letters to Leeds.", set()),
        ("The meeting was held in Leeds on Monday, Paul Grant said.", set()),
        ("Paul Grant holds shares in a company in Leeds.", set()),
        # A birthplace dated long before the story is background.
        ("Paul Grant was born in Leeds on March 17, 1950.", set()),
        (
            "Anna Weber, born in Madrid in 1970, flew to Berlin on Monday.",
            {("Anna Weber", "Berlin", OCC, "2023-09-11")},
        ),
        # A speaker's "from X" is where the speaker was; another noun's is not.
        (
            "Anna Weber said from Berlin on Monday that the talks were over.",
            {("Anna Weber", "Berlin", OCC, "2023-09-11")},
        ),
        ("Anna Weber said imports from China had fallen.", set()),
        # A headline's "Name to visit X" is a plan; "the first leader to visit X" is not one.
        (
            "Anna Weber to visit Berlin on Monday\nBERLIN - Anna Weber will travel to Berlin on Monday, aides said.",
            {("Anna Weber", "Berlin", P, "2023-09-18")},
        ),
        # Being somewhere told as a belief is a guess; as a report, what happened.
        ("Anna Weber is believed to be in Berlin, officials said.", {("Anna Weber", "Berlin", S, None)}),
        ("Paul Grant was said to be in Leeds on Monday.", {("Paul Grant", "Leeds", OCC, "2023-09-11")}),
        # A plan the sentence calls off in a clause of its own did not happen...
        ("Anna Weber had planned to visit Berlin on Monday, but the trip was called off.", set()),
        ("Anna Weber's visit to Berlin was put off.", set()),
        # ...in the active too, the trip named or "it"...
        ("Anna Weber was due to visit Berlin on Monday but called off the trip.", set()),
        ("Paul Grant had planned to fly to Tokyo next week but postponed the visit.", set()),
        ("Paul Grant had planned to fly to Tokyo next week, but he called it off.", set()),
        # ...a plan made after something else was called off still stands.
        (
            "Anna Weber will visit Berlin on Monday after a summit in Paris was cancelled.",
            {("Anna Weber", "Berlin", P, "2023-09-18")},
        ),
        # ...and so does one beside another trip called off, to a place of its own.
        (
            "Anna Weber will visit Berlin on Monday and cancelled the trip to Rome.",
            {("Anna Weber", "Berlin", P, "2023-09-18")},
        ),
        # A part taken from elsewhere puts nobody at the place: a video link, a trial in absentia.
        ("Anna Weber addressed the summit in Berlin by video link on Monday.", set()),
        ("Paul Grant was tried in absentia in Paris.", set()),
        # A place of the people a verb of another kind acts on is theirs alone.
        ("Paul Grant praised the students in Leeds.", set()),
        # Detention puts a person where they are held.
        ("Tom Baker has been detained in China since March.", {("Tom Baker", "China", OCC, None)}),
        # A participle or infinitive shares the time of the past verb it hangs from.
        (
            '"We will win," said Paul Grant, speaking at a rally in Paris.',
            {("Paul Grant", "Paris", OCC, None)},
        ),
        (
            "John Reed admitted punching a waiter at a bar in Tokyo in May 2021.",
            {("John Reed", "Tokyo", OCC, "2021-05")},
        ),
        (
            "Lena Fischer fell ill after contracting an infection in Vietnam.",
            {("Lena Fischer", "Vietnam", OCC, None)},
        ),
        (
            "Carl Olsen left Germany in June 2019 to teach in Hanoi.",
            {("Carl Olsen", "Germany", OCC, "2019-06"), ("Carl Olsen", "Hanoi", OCC, "2019-06")},
        ),
        # Any verb at a gathering puts its subject there, "have" too.
        (
            "At a fundraiser in Berlin on Thursday, the singer Mia Sand had harsh words for the government.",
            {("Mia Sand", "Berlin", OCC, "2023-09-14")},
        ),
        # A habit in the present with no object.
        ("These days Ella Moss trains in Madrid.", {("Ella Moss", "Madrid", OCC, None)}),
        ("Ivan Petrov does business in Moscow.", set()),
        # Idioms: "made it to", "the move back to", "take part in".
        ("After two delays, Omar Haddad finally made it to Paris.", {("Omar Haddad", "Paris", OCC, None)}),
        (
            "Nina Parker lived abroad for years before making the move back to Seoul in 2018.",
            {("Nina Parker", "Seoul", OCC, "2018")},
        ),
        (
            "Sam Cole is scheduled to arrive in Washington on Monday, then take part in a Madrid town hall meeting.",
            {("Sam Cole", "Washington", P, "2023-09-18"), ("Sam Cole", "Madrid", P, None)},
        ),
        # A verb of motion whose object is an area.
        ("Kate Hill will travel the city of Kyiv on Monday.", {("Kate Hill", "Kyiv", P, "2023-09-18")}),
        # The companion of a meeting may carry the place; a fronted participle's subject follows "is".
        (
            "Accompanying the actress Jane Roe in Tokyo is her manager, Bob Stone.",
            {("Bob Stone", "Tokyo", OCC, None), ("Jane Roe", "Tokyo", OCC, None)},
        ),
        # Failing or calling off denies the event.
        ("Rita Vance was unable to attend the ceremony in Paris.", set()),
        ("Leo Marsh cancelled his visit to Berlin.", set()),
        # What a verb's preposition governs takes the verb's word on it: kept from it or told
        # instead of it, it did not happen; planned on, it is a plan; looked forward to or
        # thought about, a wish; "after" or "before" says nothing of it.
        ("Instead of flying to Paris, Leo Marsh drove to Lyon.", {("Leo Marsh", "Lyon", OCC, None)}),
        ("Rather than return to Kyiv, Leo Marsh stayed in Berlin.", {("Leo Marsh", "Berlin", OCC, None)}),
        ("Rita Vance was banned from entering Germany.", set()),
        ("Rita Vance was stopped from boarding a flight to Paris.", set()),
        ("Rita Vance gave up on moving to Canada.", set()),
        ("Rita Vance is planning on visiting Rome.", {("Rita Vance", "Rome", P, None)}),
        ("Rita Vance is looking forward to visiting Rome.", {("Rita Vance", "Rome", S, None)}),
        ("Rita Vance is thinking about moving to Madrid.", {("Rita Vance", "Madrid", S, None)}),
        ("After arriving in Paris, Rita Vance will meet reporters.", {("Rita Vance", "Paris", P, None)}),
        ("Leo Marsh was arrested for entering Germany illegally.", {("Leo Marsh", "Germany", OCC, None)}),
        # A past that did not happen, and what has not happened yet, are no stops; a guess
        # about the past stays a guess, and what is awaited a plan.
        ("Rita Vance would have visited Paris if the strike had ended.", set()),
        ("Rita Vance was to have visited Tokyo last week.", set()),
        # "was to" tells a plan made then, as "was scheduled to" does: not that it happened.
        ("Rita Vance was to speak in Madrid later that week.", {("Rita Vance", "Madrid", P, None)}),
        ("Rita Vance was to travel to Tokyo the following week, officials said.", {("Rita Vance", "Tokyo", P, None)}),
        ("Rita Vance has yet to visit Paris.", set()),
        ("Rita Vance is yet to arrive in Madrid.", {("Rita Vance", "Madrid", P, None)}),
        ("Rita Vance may have traveled to Madrid.", {("Rita Vance", "Madrid", S, None)}),
        # A clause of reason or time says what holds whatever the clause above it denies.
        (
            "Rita Vance was not at the hearing, because she is in a hospital in Madrid.",
            {("Rita Vance", "Madrid", OCC, None)},
        ),
        (
            "Rita Vance did not see the fire when she arrived in Lyon on Monday.",
            {("Rita Vance", "Lyon", OCC, "2023-09-11")},
        ),
        ("Rita Vance did not speak until she reached Madrid.", set()),
        # A definite description that opens the story, before anyone is named, means whom it names next.
        (
            "The man known as the King of Clay says he spent a night in a Leeds jail. Paul Grant, 51, was released "
            "on Friday.",
            {("Paul Grant", "Leeds", OCC, None)},
        ),
        # What "after" sets before a present is done.
        (
            "Rita Vance is feeling good after spending a night in a Madrid jail.",
            {("Rita Vance", "Madrid", OCC, None)},
        ),
        # A plan or an invitation called off or turned down takes its event with it; so does a
        # flight cancelled in a clause of its own; boycotting a gathering is staying away.
        ("Rita Vance called off plans to visit Berlin.", set()),
        ("Rita Vance turned down an invitation to visit Paris.", set()),
        ("Rita Vance declined an invitation to speak in Oslo.", set()),
        ("Rita Vance had planned to travel to Rome, but her flight was cancelled.", set()),
        ("Rita Vance boycotted the ceremony in Oslo.", set()),
        # Denied, refused or lost, it did not happen; asked for or tried, it is a guess, unless
        # accepted; "whether" and "unlikely" leave it open.
        ("Rita Vance denied visiting Paris.", set()),
        ("Rita Vance was denied permission to travel to Paris.", set()),
        ("Rita Vance lost her bid to return to Paris.", set()),
        ("Rita Vance is forbidden to travel to Paris.", set()),
        ("Rita Vance accepted an invitation to visit Paris.", {("Rita Vance", "Paris", P, None)}),
        ("It is unclear whether Rita Vance went to Paris.", {("Rita Vance", "Paris", S, None)}),
        ("Rita Vance is unlikely to attend the summit in Paris.", {("Rita Vance", "Paris", S, None)}),
        # Who came along: a companion the parser hangs on the subject, a body of people's members,
        # those at a gathering listed.
        (
            "Rita Vance, accompanied by Tom Reed, arrived in Paris on Monday.",
            {("Rita Vance", "Paris", OCC, "2023-09-11"), ("Tom Reed", "Paris", OCC, "2023-09-11")},
        ),
        (
            "Rita Vance and her delegation, including Tom Reed, arrived in Paris.",
            {("Rita Vance", "Paris", OCC, None), ("Tom Reed", "Paris", OCC, None)},
        ),
        (
            "Among those at the ceremony in Paris were Rita Vance and Tom Reed.",
            {("Rita Vance", "Paris", OCC, None), ("Tom Reed", "Paris", OCC, None)},
        ),
        ("Also present at the summit in Paris was Tom Reed.", {("Tom Reed", "Paris", OCC, None)}),
        # An act done to a person in the flesh puts the person there too; a vote does not, and a
        # call places neither side by the rules (the place is the one called's: see below).
        (
            "Rita Vance interviewed Tom Reed in Paris.",
            {("Rita Vance", "Paris", OCC, None), ("Tom Reed", "Paris", OCC, None)},
        ),
        (
            "Rita Vance married Tom Reed in Paris.",
            {("Rita Vance", "Paris", OCC, None), ("Tom Reed", "Paris", OCC, None)},
        ),
        ("A gunman shot Tom Reed in Leeds.", {("Tom Reed", "Leeds", OCC, None)}),
        (
            "Rita Vance visited Tom Reed in a hospital in Paris.",
            {("Rita Vance", "Paris", OCC, None), ("Tom Reed", "Paris", OCC, None)},
        ),
        ("Rita Vance called Tom Reed in Paris.", set()),
        ("Rita Vance narrowly beat Tom Reed in Madrid.", {("Rita Vance", "Madrid", OCC, None)}),
        # A threat is a wish, not a plan.
        ("Rita Vance threatened to fly to Rome.", {("Rita Vance", "Rome", S, None)}),
        # Only what is failed is denied.
        (
            "Leo Marsh failed to win a contract during a summit in Hanoi in February 2019.",
            {("Leo Marsh", "Hanoi", OCC, "2019-02")},
        ),
        # A participle after a measure of time shares the subject of the verb the measure hangs on.
        (
            "Hours after landing in Tokyo, the actress Jane Roe met reporters.",
            {("Jane Roe", "Tokyo", OCC, None)},
        ),
        # A progressive of motion toward a place: the arrival is still to come.
        ("Dana Cruz is flying to Tokyo.", {("Dana Cruz", "Tokyo", P, None)}),
        ("Dana Cruz, who was making her first trip to Kyiv, said little.", {("Dana Cruz", "Kyiv", P, None)}),
        # Under way in the past: where the journey set out from was a stop, and its weekday is
        # behind the story, not ahead of it.
        (
            "Dana Cruz was flying from Rome to Madrid on Monday when the engine failed.",
            {("Dana Cruz", "Rome", OCC, "2023-09-11"), ("Dana Cruz", "Madrid", P, "2023-09-11")},
        ),
        (
            "Paul Grant was driving to Leeds on Tuesday when police stopped him.",
            {("Paul Grant", "Leeds", P, "2023-09-12")},
        ),
        # In the present the weekday is ahead, and the origin too is still to come.
        (
            "Dana Cruz is flying from Rome to Madrid on Monday.",
            {("Dana Cruz", "Rome", P, "2023-09-18"), ("Dana Cruz", "Madrid", P, "2023-09-18")},
        ),
        # A carrying verb in the active takes its person object to the place, and a person subject too.
        (
            "Anna Weber began a tour on Monday. The trip will take her to Vietnam and Tokyo.",
            {("Anna Weber", "Vietnam", P, None), ("Anna Weber", "Tokyo", P, None)},
        ),
        (
            "Paul Grant set off on a trip that took him to Oslo and Bergen.",
            {("Paul Grant", "Oslo", OCC, None), ("Paul Grant", "Bergen", OCC, None)},
        ),
        ("The journey brought Dana Cruz to Hanoi on Tuesday.", {("Dana Cruz", "Hanoi", OCC, "2023-09-12")}),
        (
            "Ruth Ames took Lily Grant to Paris.",
            {("Ruth Ames", "Paris", OCC, None), ("Lily Grant", "Paris", OCC, None)},
        ),
        # A place set off by commas after the subject is where the subject is as the clause tells
        # (the parser hangs it on the name here, on the verb with other names).
        (
            "Ruth Ames, in Cairo for talks with Egyptian officials, said a deal was close.",
            {("Ruth Ames", "Cairo", OCC, None)},
        ),
        ("Anna Weber, in a statement on Monday, said the talks were over.", set()),
        (
            "District Judge Ruth Ames in Berlin imposed the sentence on Monday.",
            {("Ruth Ames", "Berlin", OCC, "2023-09-11")},
        ),
        ("Ruth Ames in 2019 said the talks were over.", set()),
        # The place fled is where the person had been.
        ("Paul Grant fled Dhaka by helicopter on Monday.", {("Paul Grant", "Dhaka", OCC, "2023-09-11")}),
        # Games are gatherings: the city that names them is where they are held.
        ("Paul Grant won gold at the Tokyo Olympics in 2021.", {("Paul Grant", "Tokyo", OCC, "2021")}),
        # What happens to people somewhere is located like a gathering.
        ("Paul Grant was injured in a crash near Leeds on Friday.", {("Paul Grant", "Leeds", OCC, "2023-09-15")}),
        # Someone among a group is where the group was.
        (
            "Paul Grant was among the passengers who landed safely in Tokyo on Monday.",
            {("Paul Grant", "Tokyo", OCC, "2023-09-11")},
        ),
        ("Dana Cruz was among those killed in Kyiv on Monday.", {("Dana Cruz", "Kyiv", OCC, "2023-09-11")}),
        # An occupation apposed to a name, with the participle of where the work is done.
        (
            "Ruth Ames, an American doctor working in Hanoi, caught the virus.",
            {("Ruth Ames", "Hanoi", OCC, None)},
        ),
        ("Ruth Ames, a journalist based in Hanoi, said the talks failed.", set()),
        # All over a place is in it, for a verb with no object.
        ("Anna Weber campaigned across France on Saturday.", {("Anna Weber", "France", OCC, "2023-09-09")}),
        ("Anna Weber showcased her message throughout France.", set()),
        # A carer is where the people cared for are, as a speaker is where the audience is.
        (
            "Anna Weber caught the virus while treating patients in Hanoi.",
            {("Anna Weber", "Hanoi", OCC, None)},
        ),
        # A participle after a subordinator is the main clause subject's, not the object's before it.
        (
            "Anna Weber caught the virus while visiting Tokyo in August.",
            {("Anna Weber", "Tokyo", OCC, "2023-08")},
        ),
        # A noun predicated of a subject means that subject.
        (
            "Ruth Ames became the first person diagnosed with the virus in Berlin.",
            {("Ruth Ames", "Berlin", OCC, None)},
        ),
        # The stops of a trip are those of its traveller.
        (
            "Anna Weber's tour will include stops in Vietnam and Tokyo.",
            {("Anna Weber", "Vietnam", P, None), ("Anna Weber", "Tokyo", P, None)},
        ),
        # Not a person carried, nor a destination: no trip.
        ("The talks took the issue to Madrid.", set()),
        ("Anna Weber brought Paul Grant back.", set()),
        # "I" in a report is its speaker.
        (
            '"My wife and I will travel to Vietnam next year," Peter Brandt said.',
            {("Peter Brandt", "Vietnam", P, "2024")},
        ),
        # A definite description of a person means the salient one.
        (
            "Nine-year-old Lily Grant skates every day. The Berlin skater recently returned from France.",
            {("Lily Grant", "France", OCC, None)},
        ),
        (
            "Ruth Ames won the prize. The actress arrived in Paris on Tuesday.",
            {("Ruth Ames", "Paris", OCC, "2023-09-12")},
        ),
        # A court is a place one appears in; its town is where the one in court was.
        ("Paul Grant is due to appear in court in Leeds on Monday.", {("Paul Grant", "Leeds", P, "2023-09-18")}),
        ("Anna Weber appeared in a court in Madrid on Monday.", {("Anna Weber", "Madrid", OCC, "2023-09-11")}),
        # What is done to a person told in the active, with the person as object: the person was
        # there, and a person doing it too; not without a place, nor with a thing as object.
        ("Police arrested Paul Grant at a motel in Leeds on Sunday.", {("Paul Grant", "Leeds", OCC, "2023-09-10")}),
        (
            "Officer Ruth Ames detained Paul Grant in Leeds on Monday.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11"), ("Ruth Ames", "Leeds", OCC, "2023-09-11")},
        ),
        ("Police arrested Paul Grant on Monday.", set()),
        ("Paul Grant found a job in Leeds.", set()),
        # A bare "there" is the place named last, in its sentence or the one before.
        ("Police went to Leeds on Monday and arrested Paul Grant there.", {("Paul Grant", "Leeds", OCC, "2023-09-11")}),
        (
            "Anna Weber flew to Madrid on Monday. She met students there on Tuesday.",
            {("Anna Weber", "Madrid", OCC, "2023-09-11"), ("Anna Weber", "Madrid", OCC, "2023-09-12")},
        ),
        ("Paul Grant said there was no plan to visit.", set()),
        # Sought somewhere is not being there.
        (
            "Paul Grant, wanted in Madrid on a fraud charge, was arrested in Leeds on Monday.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11")},
        ),
        # Sent to work or out of danger, in the passive or with the person as object; who sends
        # stays home.
        ("Surgeon Paul Grant was dispatched to Cairo last week.", {("Paul Grant", "Cairo", OCC, "2023-09-04")}),
        (
            "Anna Weber, who was deployed to Kyiv in March, said the hospital was full.",
            {("Anna Weber", "Kyiv", OCC, "2023-03")},
        ),
        ("Paul Grant was sent to Leeds on Friday.", {("Paul Grant", "Leeds", OCC, "2023-09-15")}),
        (
            "President Ruth Ames dispatched Foreign Minister Paul Grant to Cairo on Monday.",
            {("Paul Grant", "Cairo", OCC, "2023-09-11")},
        ),
        # Gatherings of local and cultural news locate whoever takes part.
        ("Paul Grant spoke at a luncheon in Leeds on Friday.", {("Paul Grant", "Leeds", OCC, "2023-09-15")}),
        ("Anna Weber attended a groundbreaking in Berlin on Monday.", {("Anna Weber", "Berlin", OCC, "2023-09-11")}),
        # A trip's destination, reached through the trip noun: returning from it, touring it.
        ("Ruth Ames returned on Sunday from a week-long trip to Cairo.", {("Ruth Ames", "Cairo", OCC, "2023-09-10")}),
        ("President Paul Grant is on a tour of Vietnam.", {("Paul Grant", "Vietnam", OCC, None)}),
        # A local office before a name is a title, not part of the name.
        ("Councilwoman Ana Ruiz spoke at a rally in Leeds on Monday.", {("Ana Ruiz", "Leeds", OCC, "2023-09-11")}),
        # A speaker's "from X", for verbs of reacting as for verbs of saying.
        ("Paul Grant responded from Berlin on Tuesday.", {("Paul Grant", "Berlin", OCC, "2023-09-12")}),
        # A gathering as the object: whoever takes part in it is at its place; not who plans it.
        ("Anna Weber won the Berlin Marathon last month.", {("Anna Weber", "Berlin", OCC, "2023-08")}),
        ("Paul Grant played three concerts in Leeds last week.", {("Paul Grant", "Leeds", OCC, "2023-09-04")}),
        ("Paul Grant announced a concert in Leeds on Monday.", set()),
        # What is visited is where its own "in" phrase puts it.
        ("Governor Ruth Ames toured the damage in Leeds on Monday.", {("Ruth Ames", "Leeds", OCC, "2023-09-11")}),
        # The examples a group of nationals gives are in it.
        (
            "Three Americans, including aid worker Ruth Ames, were flown to Leeds on Tuesday.",
            {("Ruth Ames", "Leeds", OCC, "2023-09-12")},
        ),
        # Pulling out of a gathering is no stop at it.
        ("Paul Grant withdrew from the tournament in Leeds due to an injury.", set()),
        ("Anna Weber pulled out of the race in Berlin on Monday.", set()),
        # A gathering in a "during" phrase places what happened in it.
        ("Anna Weber fell ill during a concert in Berlin last year.", {("Anna Weber", "Berlin", OCC, "2022")}),
        # Openings are gatherings, and what opens is where its own phrase puts it.
        (
            "Paul Grant spoke at the opening of a new laboratory in Cairo on Monday.",
            {("Paul Grant", "Cairo", OCC, "2023-09-11")},
        ),
        ("Anna Weber emigrated to Canada in 1972.", {("Anna Weber", "Canada", OCC, "1972")}),
        ("Golfer Paul Grant arrived in Leeds on Monday.", {("Paul Grant", "Leeds", OCC, "2023-09-11")}),
        # A group's leader goes where the group goes; a group's listed names each go.
        (
            "A delegation led by Foreign Minister Paul Grant arrived in Cairo on Tuesday.",
            {("Paul Grant", "Cairo", OCC, "2023-09-12")},
        ),
        (
            "The nurses, Anna Weber and Ruth Ames, were flown to Berlin on Friday.",
            {("Anna Weber", "Berlin", OCC, "2023-09-15"), ("Ruth Ames", "Berlin", OCC, "2023-09-15")},
        ),
        ("Secretary Ruth Ames led a trade mission to Tokyo in March.", {("Ruth Ames", "Tokyo", OCC, "2023-03")}),
        # One said to be among a group, or one of it, is where the group was.
        (
            "Anna Weber was among dozens of protesters detained in Berlin on Saturday.",
            {("Anna Weber", "Berlin", OCC, "2023-09-09")},
        ),
        (
            "Paul Grant was one of three reporters arrested in Kyiv on Sunday.",
            {("Paul Grant", "Kyiv", OCC, "2023-09-10")},
        ),
        # "N days after" an event told inside the phrase dates it before the main clause.
        (
            "Ruth Ames arrived in Berlin on Monday, two days after a visit to Oslo.",
            {("Ruth Ames", "Berlin", OCC, "2023-09-11"), ("Ruth Ames", "Oslo", OCC, "2023-09-09")},
        ),
        # ... and so does one the parser hangs on the measure of time itself.
        (
            "Rita Vance arrived in Seoul Monday, a day after leaving Tokyo.",
            {("Rita Vance", "Seoul", OCC, "2023-09-11"), ("Rita Vance", "Tokyo", OCC, "2023-09-10")},
        ),
        # The people met, named or not, carry the meeting's place the parser hangs on them.
        ("Governor Ruth Ames met with farmers in Leeds on Monday.", {("Ruth Ames", "Leeds", OCC, "2023-09-11")}),
        ("Governor Ruth Ames met with criticism in Leeds on Monday.", set()),
        # Where a move started: "out of" a place; both ends of a shuttle.
        ("Paul Grant flew out of Kyiv on Monday.", {("Paul Grant", "Kyiv", OCC, "2023-09-11")}),
        (
            "Ruth Ames shuttled between Cairo and Berlin last week.",
            {("Ruth Ames", "Cairo", OCC, "2023-09-04"), ("Ruth Ames", "Berlin", OCC, "2023-09-04")},
        ),
        # A progressive is a journey still to end only toward a destination ("for" where the verb
        # takes it so), not a stay "for" a purpose.
        ("Anna Weber had been staying in Madrid for the festival.", {("Anna Weber", "Madrid", OCC, None)}),
        ("Anna Weber is leaving for Madrid.", {("Anna Weber", "Madrid", P, None)}),
        # A guess about being somewhere is a speculative stop.
        ("Anna Weber may spend two weeks in Madrid next year.", {("Anna Weber", "Madrid", S, "2024")}),
        # A surname the tagger reads as a plural noun is still the person.
        (
            "Maya Rivers was arrested on Monday. Rivers was taken to a hospital in Leeds.",
            {("Maya Rivers", "Leeds", OCC, None)},
        ),
        # A passive of attending or visiting: the agent went, the subject is the gathering (set
        # by its own phrase or a participle on it) or the place.
        (
            "The summit, hosted in Rome, was attended by Anna Weber and Paul Grant.",
            {("Anna Weber", "Rome", OCC, None), ("Paul Grant", "Rome", OCC, None)},
        ),
        (
            "The memorial service in Leeds on Monday was attended by Ruth Ames.",
            {("Ruth Ames", "Leeds", OCC, "2023-09-11")},
        ),
        ("Kyiv was visited on Tuesday by Dana Cruz.", {("Dana Cruz", "Kyiv", OCC, "2023-09-12")}),
        ("Anna Weber attended the talks, held in Cairo.", {("Anna Weber", "Cairo", OCC, None)}),
        # Who a passive of visiting is done to is no visitor.
        ("Paul Grant was visited by his lawyer.", set()),
        # A plan told as being due somewhere: the parser hangs the place on "due".
        ("Paul Grant is due in Leeds on Monday.", {("Paul Grant", "Leeds", P, "2023-09-18")}),
        ("Anna Weber is due in court in Berlin on Tuesday.", {("Anna Weber", "Berlin", P, "2023-09-19")}),
        ("Dana Cruz is due back in Kyiv next week.", {("Dana Cruz", "Kyiv", P, "2023-09-18")}),
        # Past, the plan's outcome is not told.
        ("Paul Grant was due in Leeds on Monday but the trip was cancelled.", set()),
        # A lead describes someone the next sentence names.
        (
            "A Leeds man was arrested in York on Monday. John Miller, 45, faces two charges.",
            {("John Miller", "York", OCC, "2023-09-11")},
        ),
        # A simple present with a month or a day and no year reads the nearer one: ahead, a plan.
        ("Paul Grant leaves for Leeds on Oct. 3.", {("Paul Grant", "Leeds", P, "2023-10-03")}),
        ("Anna Weber visits Berlin in November.", {("Anna Weber", "Berlin", P, "2023-11")}),
        ("Anna Weber speaks in Berlin on Sept. 12.", {("Anna Weber", "Berlin", OCC, "2023-09-12")}),
        ("Paul Grant visited Leeds on Oct. 3.", {("Paul Grant", "Leeds", OCC, "2022-10-03")}),
        # All over a place is in it: "through" as "across".
        ("Anna Weber swung through France on Monday.", {("Anna Weber", "France", OCC, "2023-09-11")}),
        # A title and a given name make a person of a surname the model reads as a place.
        (
            "Mayor Lucas Cleveland toured a farm in Leeds on Monday.",
            {("Lucas Cleveland", "Leeds", OCC, "2023-09-11")},
        ),
        ("Nurse Jenna Dallas flew to Berlin on Monday.", {("Jenna Dallas", "Berlin", OCC, "2023-09-11")}),
        # What a denial denies, or the reports it denies, did not happen and is no plan.
        ("Aides denied reports that Anna Weber will travel to Berlin in May.", set()),
        ("Officials denied that Paul Grant had flown to Leeds.", set()),
        # Journeys on foot, by bicycle or by boat that say where from and where to.
        (
            "Ruth Ames cycled from Leeds to York on Monday.",
            {("Ruth Ames", "Leeds", OCC, "2023-09-11"), ("Ruth Ames", "York", OCC, "2023-09-11")},
        ),
        ("Dana Cruz marched to Kyiv on Monday.", {("Dana Cruz", "Kyiv", OCC, "2023-09-11")}),
        # A full name the model calls something else, with a given name first, as a traveller;
        # a team's name keeps its reading.
        ("Kelsey Marchand returned to Leeds on Monday.", {("Kelsey Marchand", "Leeds", OCC, "2023-09-11")}),
        ("Chelsea FC travelled to Madrid on Monday.", set()),
        # Who accompanies, joins or welcomes someone, in a sentence that names no place, is where
        # that person just was.
        (
            "Paul Grant spoke in Leeds on Monday. He was accompanied by Mayor Ruth Ames.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11"), ("Ruth Ames", "Leeds", OCC, "2023-09-11")},
        ),
        (
            "Anna Weber flew to Berlin on Monday. Minister Paul Grant is accompanying her.",
            {("Anna Weber", "Berlin", OCC, "2023-09-11"), ("Paul Grant", "Berlin", OCC, "2023-09-11")},
        ),
        # Being back somewhere is being there.
        ("Paul Grant is back in Leeds this week.", {("Paul Grant", "Leeds", OCC, "2023-09-11")}),
        ("Anna Weber will be back in Berlin next week.", {("Anna Weber", "Berlin", P, "2023-09-18")}),
        # A present perfect of living tells a home, not a stop.
        ("Paul Grant has lived in Leeds since 2014.", set()),
        # Who is represented somewhere was not there.
        ("Mayor Paul Grant was represented at the ceremony in Leeds by Ruth Ames.", set()),
        # Sent back, expelled: moves a person undergoes.
        ("Paul Grant was sent back to Leeds on Monday.", {("Paul Grant", "Leeds", OCC, "2023-09-11")}),
        ("Anna Weber was expelled to Germany on Monday.", {("Anna Weber", "Germany", OCC, "2023-09-11")}),
        # A journey told as a noun starts where its "from" says.
        (
            "Ruth Ames made the journey from Leeds to York on Monday.",
            {("Ruth Ames", "Leeds", OCC, "2023-09-11"), ("Ruth Ames", "York", OCC, "2023-09-11")},
        ),
        # A family named by its surname ("the Faulkners") is its members.
        (
            "Paul Kane and his wife, Ruth Kane, bought a house. The Kanes flew to Berlin on Monday.",
            {("Paul Kane", "Berlin", OCC, "2023-09-11"), ("Ruth Kane", "Berlin", OCC, "2023-09-11")},
        ),
        # A gathering's topic is no place, and the place the parser hangs on it after its "of"
        # phrase is the gathering's.
        (
            "Anna Weber attended a conference on the future of Ukraine in Berlin on Monday.",
            {("Anna Weber", "Berlin", OCC, "2023-09-11")},
        ),
        (
            "Paul Grant spoke at a summit on the reconstruction of Ukraine in London on Tuesday.",
            {("Paul Grant", "London", OCC, "2023-09-12")},
        ),
        # A journey by some vehicle: the parser hangs its ends on the vehicle.
        (
            "Anna Weber traveled by train from Moscow to Kyiv on Monday.",
            {("Anna Weber", "Moscow", OCC, "2023-09-11"), ("Anna Weber", "Kyiv", OCC, "2023-09-11")},
        ),
        # A head of state or government is "the leader" of the country the title names.
        (
            "Chinese President Xi Jinping met German Chancellor Olaf Scholz in Berlin on Tuesday. "
            "The Chinese leader had arrived in Paris on Monday.",
            {
                ("Xi Jinping", "Berlin", OCC, "2023-09-12"),
                ("Olaf Scholz", "Berlin", OCC, "2023-09-12"),
                ("Xi Jinping", "Paris", OCC, "2023-09-11"),
            },
        ),
        # Ranks abbreviated before a name are no end of sentence (and the person visited was there).
        (
            "Anna Weber visited Spc. Tyrone Willis in Berlin on Monday.",
            {("Anna Weber", "Berlin", OCC, "2023-09-11"), ("Tyrone Willis", "Berlin", OCC, "2023-09-11")},
        ),
        # A town that begins the name of an infirmary or a hospice is where the person was taken.
        (
            "Anna Weber was taken to Leeds General Infirmary on Monday.",
            {("Anna Weber", "Leeds", OCC, "2023-09-11")},
        ),
        ("Tom Reed died on Monday at the York Hospice.", {("Tom Reed", "York", OCC, "2023-09-11")}),
        # "inside" and "within" a place set the person there as "in" does.
        (
            "Officers said Paul Grant was stopped inside the Leeds city limits on Tuesday.",
            {("Paul Grant", "Leeds", OCC, "2023-09-12")},
        ),
        ("Anna Weber was found inside Berlin on Monday.", {("Anna Weber", "Berlin", OCC, "2023-09-11")}),
        # A description apposed to a name is said of that person, whom "the nurse" takes up later.
        (
            "Anna Weber, a British nurse, fell ill on Monday. The nurse was flown to London on Tuesday.",
            {("Anna Weber", "London", OCC, "2023-09-12")},
        ),
        (
            "A 45-year-old doctor, Tom Reed, caught the virus. The doctor was evacuated to Berlin on Friday.",
            {("Tom Reed", "Berlin", OCC, "2023-09-15")},
        ),
        (
            "Tom Reed was arrested within the city limits of York on Monday.",
            {("Tom Reed", "York", OCC, "2023-09-11")},
        ),
        # Whom someone drives or flies somewhere goes too; what they drive does not.
        (
            "Robert Perez drove Derek Moore and Chris Greene to Leeds on Monday.",
            {
                ("Robert Perez", "Leeds", OCC, "2023-09-11"),
                ("Derek Moore", "Leeds", OCC, "2023-09-11"),
                ("Chris Greene", "Leeds", OCC, "2023-09-11"),
            },
        ),
        (
            "Tom Reed flew his daughter, Anna Reed, to Madrid on Monday.",
            {("Tom Reed", "Madrid", OCC, "2023-09-11"), ("Anna Reed", "Madrid", OCC, "2023-09-11")},
        ),
        ("Tom Reed drove the truck to Leeds on Monday.", {("Tom Reed", "Leeds", OCC, "2023-09-11")}),
        # Who follows or chases someone somewhere goes where the one pursued went.
        (
            "Paul Grant followed Anna Weber to Madrid on Monday.",
            {("Paul Grant", "Madrid", OCC, "2023-09-11"), ("Anna Weber", "Madrid", OCC, "2023-09-11")},
        ),
        (
            "Anna Weber chased Paul Grant into a bar in Leeds on Monday.",
            {("Anna Weber", "Leeds", OCC, "2023-09-11"), ("Paul Grant", "Leeds", OCC, "2023-09-11")},
        ),
        ("Paul Grant followed the talks in Madrid on Monday.", set()),
        # A home or a shop told without its town is in the town of the story's one police force.
        (
            "Leeds Police went to Tom Reed's home, where Anna Vance said she had gone to pick up her daughter.",
            {("Anna Vance", "Leeds", OCC, None)},
        ),
        (
            "Leeds Police said Tom Reed, 45, was found dead at his home on Sunday.",
            {("Tom Reed", "Leeds", OCC, "2023-09-10")},
        ),
        ("Leeds Police and York Police said Tom Reed, 45, was found dead at his home on Sunday.", set()),
        ("Leeds Police said Tom Reed, 45, tried to get to his home on Sunday.", set()),
        # A quote's attribution puts the speaker where the phrase that ends it says.
        ('"We will not give up," said Foreign Minister John Smith in Madrid.', {("John Smith", "Madrid", OCC, None)}),
        ('"We will not give up," commented Mr. Tom Reed, in Madrid.', {("Tom Reed", "Madrid", OCC, None)}),
        # Not a town that qualifies the speaker's name.
        ('"We will not give up," said Tom Reed of Madrid.', set()),
        # A subject that counts the people last told together means them when they are that many.
        (
            "John Smith and Tom Reed were charged with robbery. Both were arrested in Leeds on Monday.",
            {("John Smith", "Leeds", OCC, "2023-09-11"), ("Tom Reed", "Leeds", OCC, "2023-09-11")},
        ),
        (
            "John Smith and Tom Reed were charged with robbery. The pair were arrested in Leeds on Monday.",
            {("John Smith", "Leeds", OCC, "2023-09-11"), ("Tom Reed", "Leeds", OCC, "2023-09-11")},
        ),
        (
            "John Smith, Tom Reed and Paul Grant were charged with robbery. "
            "The three men were arrested in Leeds on Monday.",
            {
                ("John Smith", "Leeds", OCC, "2023-09-11"),
                ("Tom Reed", "Leeds", OCC, "2023-09-11"),
                ("Paul Grant", "Leeds", OCC, "2023-09-11"),
            },
        ),
        ("John Smith and Tom Reed were charged with robbery. The three men were arrested in Leeds on Monday.", set()),
        # A crime or a mishap told by its noun places whom it befalls and who commits it.
        (
            "Tom Reed lost his radio during an incident in York in which he fatally shot Paul Grant.",
            {("Tom Reed", "York", OCC, None), ("Paul Grant", "York", OCC, None)},
        ),
        ("Anna Weber was hurt in a robbery in Madrid on Sunday.", {("Anna Weber", "Madrid", OCC, "2023-09-10")}),
        ("Paul Grant was killed in a stabbing in Oslo on Sunday.", {("Paul Grant", "Oslo", OCC, "2023-09-10")}),
        # Police news's "was located" is "was found".
        (
            "The missing woman, Anna Weber, was located at a motel in York on Sunday.",
            {("Anna Weber", "York", OCC, "2023-09-10")},
        ),
        # What a request asks for has not happened for the asking: a guess, not a stop that was.
        (
            "Councillor Tom Reed asked for $1,200 to visit Rome while on a personal trip to Tokyo.",
            {("Tom Reed", "Rome", S, None), ("Tom Reed", "Tokyo", OCC, None)},
        ),
        (
            "A petition calls on the government to ensure that Anna Weber is returned to Rome.",
            {("Anna Weber", "Rome", S, None)},
        ),
        ("Her family requested that Tom Reed be allowed to visit his son in York.", {("Tom Reed", "York", S, None)}),
        ("Tom Reed urged Anna Weber to return to Madrid.", {("Anna Weber", "Madrid", S, None)}),
        # A question is no request.
        ("Tom Reed asked why Anna Weber went to Madrid.", {("Anna Weber", "Madrid", OCC, None)}),
        # A relative clause on a description apposed to a name tells of the name's person.
        (
            "Nina Weber, a nurse who arrived in Madrid on Monday, was taken ill.",
            {("Nina Weber", "Madrid", OCC, "2023-09-11")},
        ),
        (
            "Paul Grant, the firefighter who was injured in Leeds on Monday, is recovering.",
            {("Paul Grant", "Leeds", OCC, "2023-09-11")},
        ),
        (
            "Ruth Ames, a British aid worker who contracted the virus in Oslo, was flown to London.",
            {("Ruth Ames", "Oslo", OCC, None), ("Ruth Ames", "London", OCC, None)},
        ),
        # Not one on a noun inside the description, nor one whose subject is someone else.
        ("Tom Reed, the brother of a woman who was killed in Leeds, spoke to reporters.", set()),
        ("Tom Reed, a lawyer whose client was arrested in Leeds, said he would appeal.", set()),
        # What someone is charged with, convicted of or admits is told as done, before the
        # charge whatever its tense; by the one charged, subject or object; a suspicion guesses.
        (
            "Tom Reed is accused of setting a fire in Leeds last month.",
            {("Tom Reed", "Leeds", OCC, "2023-08")},
        ),
        (
            "Tom Reed will be charged with setting a fire in Leeds on Sunday.",
            {("Tom Reed", "Leeds", OCC, "2023-09-10")},
        ),
        (
            "Police accused Tom Reed of setting a fire in Leeds on Sunday.",
            {("Tom Reed", "Leeds", OCC, "2023-09-10")},
        ),
        ("A jury convicted Tom Reed of setting a fire in Leeds in 2021.", {("Tom Reed", "Leeds", OCC, "2021")}),
        (
            "Tom Reed was sentenced to ten years for shooting a man in Leeds in 2021.",
            {("Tom Reed", "Leeds", OCC, "2021")},
        ),
        ("Tom Reed admits dealing drugs in Leeds.", {("Tom Reed", "Leeds", OCC, None)}),
        ("Tom Reed is suspected of setting a fire in Leeds on Sunday.", {("Tom Reed", "Leeds", S, "2023-09-10")}),
        # A charge denied, or an acquittal, tells nothing of the act.
        ("Tom Reed was not charged with setting a fire in Leeds.", set()),
        ("Tom Reed pleaded not guilty to setting a fire in Leeds.", set()),
        ("Tom Reed denied setting a fire in Leeds.", set()),
        ("Tom Reed was acquitted of setting a fire in Leeds.", set()),
        # The parser's dative "to" is a destination as its preposition is.
        (
            "John Smith brought Anna Smith to Madrid on Monday.",
            {("John Smith", "Madrid", OCC, "2023-09-11"), ("Anna Smith", "Madrid", OCC, "2023-09-11")},
        ),
    ],
)
def test_construction(extractor, text, expected):
    assert stops(extractor, text) == expected


def test_a_titled_short_form_keeps_its_person(extractor):
    text = (
        "Ben Carter was stabbed at a house in Madrid. Police said Mr Carter had no enemies. "
        "His sister, Alice Carter, travelled from Berlin for the trial. "
        "Witnesses said Mr Carter was at a bar in Madrid that night."
    )
    found = stops(extractor, text, published=None)
    assert ("Ben Carter", "Madrid", OCC, None) in found
    assert ("Alice Carter", "Madrid", OCC, None) not in found
    assert ("Alice Carter", "Berlin", OCC, None) in found


@pytest.mark.parametrize(
    "text",
    [
        "The 2016 champion, Rita Vance, arrived in Paris.",
        "The 2016 Paris Fair Queen, Rita Vance, spoke to reporters in Lyon.",
    ],
)
def test_a_year_in_a_persons_title_does_not_date_what_they_do(extractor, text):
    (stop,) = stops(extractor, text, published=None)
    assert stop[3] is None


def test_a_given_name_alone_means_the_person_named_in_full(extractor):
    text = "Georgia Lane is nine. Georgia moved to Madrid in 2020."
    assert stops(extractor, text, published=None) == {("Georgia Lane", "Madrid", OCC, "2020")}


def test_a_stated_time_nobody_can_place_is_no_earlier_year():
    # With no publication date "today" cannot be placed: the story is not still in 2015 (the
    # date the stop model's candidates take from the story's time).
    text = "Anna Weber moved back to Leeds in 2015. Today Anna Weber skates in Madrid and Berlin."
    extractor = EventExtractor()
    found = extractor.read_candidates(article(text, None), mentions_for(text), extractor.parse_document(text))
    assert {(c.place_mention.place.name, c.date.interval.iso()) for c in found} == {
        ("Leeds", "2015"),
        ("Madrid", None),
        ("Berlin", None),
    }


def test_a_stay_at_a_time_nobody_can_place_is_not_the_dated_stop_there():
    # "Today" she skates in Leeds: a stop of its own beside the move there in 2015, not one
    # telling of it.
    from geo.text.events.extract import events_of_candidates

    text = "Anna Weber moved back to Leeds in 2015. Today Anna Weber skates in Leeds and Berlin."
    extractor = EventExtractor()
    found = extractor.read_candidates(article(text, None), mentions_for(text), extractor.parse_document(text))
    events = events_of_candidates(found, [0.9] * len(found), 0.5)
    assert sorted((e.place.name, e.date.iso() or "") for e in events) == [
        ("Berlin", ""),
        ("Leeds", ""),
        ("Leeds", "2015"),
    ]


def test_a_meeting_without_a_place_happens_where_the_trip_goes(extractor):
    before = "Eva Lind will fly to Hanoi on Monday. She will meet President Tran Van Minh."
    assert ("Tran Van Minh", "Hanoi", P, None) in stops(extractor, before)
    after = "Eva Lind will meet President Tran Van Minh. She will also travel to Hanoi, the capital of Vietnam."
    assert ("Tran Van Minh", "Vietnam", P, None) in stops(extractor, after)
    assert ("Eva Lind", "Vietnam", P, None) in stops(extractor, after)


def test_a_bare_arrival_goes_where_the_trip_before_it_went(extractor):
    text = "Eva Lind will fly to Hanoi next week. She is expected to arrive on Monday."
    assert ("Eva Lind", "Hanoi", P, "2023-09-18") in stops(extractor, text)


def test_a_past_plan_happened_only_if_the_text_says_so(extractor):
    confirmed = "Hugo Martens was scheduled to fly from Berlin to Tokyo last month. He eventually made it to Tokyo."
    assert stops(extractor, confirmed) == {
        ("Hugo Martens", "Berlin", OCC, "2023-08"),
        ("Hugo Martens", "Tokyo", OCC, "2023-08"),
    }
    unconfirmed = "Hugo Martens was scheduled to fly from Berlin to Tokyo last month."
    assert stops(extractor, unconfirmed) == set()
    # "was to" is such a plan too.
    assert stops(extractor, "Hugo Martens was to fly from Berlin to Tokyo last month.") == set()
    still_ahead = "Hugo Martens is scheduled to fly from Berlin to Tokyo next month."
    assert ("Hugo Martens", "Tokyo", P, "2023-10") in stops(extractor, still_ahead)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A plan told as a present state: "is due in", "is expected in"; in the past it stays as read.
        ("Sam Cole is due in Madrid on Monday for talks.", {("Sam Cole", "Madrid", P, "2023-09-18")}),
        ("Sam Cole is expected in Tokyo in October.", {("Sam Cole", "Tokyo", P, "2023-10")}),
        ("Sam Cole was in Madrid on Monday for talks.", {("Sam Cole", "Madrid", OCC, "2023-09-11")}),
        # "slated to" is a plan, as "scheduled to" is.
        ("Sam Cole is slated to travel to Madrid in October.", {("Sam Cole", "Madrid", P, "2023-10")}),
        # An event called off in the passive is denied.
        ("Sam Cole's visit to Madrid was a success.", {("Sam Cole", "Madrid", OCC, "2023-09")}),
        ("Sam Cole's visit to Madrid was postponed.", set()),
        # A trip noun as the subject of a plan or a delay told in the present: planned, with the
        # plan's date; in the past the plan's outcome is not told.
        ("Sam Cole's trip to Madrid is scheduled for October.", {("Sam Cole", "Madrid", P, "2023-10")}),
        ("Sam Cole's arrival in Tokyo is expected on Monday.", {("Sam Cole", "Tokyo", P, "2023-09-18")}),
        ("Sam Cole's trip to Madrid has been delayed until October.", {("Sam Cole", "Madrid", P, None)}),
        ("Sam Cole's trip to Madrid was cancelled because of the storm.", set()),
        # A place of a trip the clause happens ahead of is one still to come.
        ("Sam Cole spoke to reporters ahead of a visit to Madrid.", {("Sam Cole", "Madrid", P, None)}),
    ],
)
def test_status_of_the_candidates_the_stop_model_reads(text, expected) -> None:
    # Candidates no trigger rule makes ("due" governs the place; a nominal trip's traveller), with
    # the status and date the rules give them (whether the stop model accepts them is its own).
    extractor = EventExtractor()
    found = extractor.read_candidates(article(text), mentions_for(text), extractor.parse_document(text))
    assert {(c.person.name, c.place_mention.place.name, c.status, c.date.interval.iso()) for c in found} == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # A place that locates what is talked about is no candidate.
        ("Anna Weber discussed the situation in Ukraine with reporters in Berlin on Monday.", "Ukraine"),
        ("Paul Grant spoke to students in Leeds about the war in Ukraine on Monday.", "Ukraine"),
        ("Paul Grant condemned the attack in Kyiv during a visit to Berlin on Monday.", "Kyiv"),
        # Nor one in the "of" phrase of what a gathering is on.
        ("Anna Weber attended a conference on the future of Ukraine in Berlin on Monday.", "Ukraine"),
        ("Paul Grant joined talks about the status of Kyiv in Berlin on Monday.", "Kyiv"),
        # Nor is the one a funeral or a vigil is held for among those gathered.
        ("The funeral for Paul Grant was held in Leeds on Friday.", "Leeds"),
        ("Hundreds gathered on Sunday for a vigil for Anna Weber in Madrid.", "Madrid"),
        ("Funeral services for Paul Grant, 88, will be held at 10 a.m. Friday in Leeds.", "Leeds"),
        ("Services for Anna Weber will be held on Saturday in Madrid.", "Madrid"),
        # Nor a gathering pulled out of.
        ("Paul Grant withdrew from the tournament in Leeds due to an injury.", "Leeds"),
        ("Anna Weber pulled out of the fight in Berlin on Monday.", "Berlin"),
    ],
)
def test_a_topic_or_the_mourned_is_no_stop(text, absent) -> None:
    found = stops(EventExtractor(), text)
    assert not any(place == absent for _, place, _, _ in found), found


def test_a_place_describing_someone_else_is_not_the_others_stop() -> None:
    text = (
        "Speakers at the rally in Berlin on Monday included Ruth Ames, a professor at a university "
        "in Leeds; Paul Grant, an editor; and Anna Weber."
    )
    found = stops(EventExtractor(), text)
    assert not any(place == "Leeds" and actor != "Ruth Ames" for actor, place, _, _ in found), found


def _candidate_places(text: str, dateline: str | None = None) -> set[tuple[str, str]]:
    """(person, place) of every candidate the stop model would weigh."""
    extractor = EventExtractor()
    doc = extractor.parse_document(text)
    found = extractor.read_candidates(article(text), mentions_for(text, dateline=dateline), doc)
    return {(c.person.name, c.place_mention.place.name) for c in found}


def test_a_home_is_no_candidate_where_the_sentence_tells_another_place() -> None:
    assert ("Paul Grant", "Leeds") not in _candidate_places(
        "Paul Grant, 34, of Leeds, was arrested on Tuesday in York."
    )
    # Told alone, a local story's home town is often where it happens: the stop model weighs it.
    alone = "Officers found Ruth Ames, 82, of Leeds, had been driving on Hill Road when she stopped."
    assert ("Ruth Ames", "Leeds") in _candidate_places(alone)


def test_the_dateline_is_no_scene_for_a_plan_elsewhere() -> None:
    plan = "Leeds (AP) — President Paul Grant will visit Madrid next week for a summit."
    assert ("Paul Grant", "Leeds") not in _candidate_places(plan, dateline="Leeds")


def test_the_dateline_is_no_scene_for_one_whose_home_it_is() -> None:
    home = "Leeds (AP) — Paul Grant, 34, of Leeds, was arrested on Tuesday in York."
    assert ("Paul Grant", "Leeds") not in _candidate_places(home, dateline="Leeds")
    visitor = "Leeds (AP) — Paul Grant, 34, of York, was arrested on Tuesday."
    assert ("Paul Grant", "Leeds") in _candidate_places(visitor, dateline="Leeds")


def test_a_country_trip_is_not_moved_to_a_city_told_as_a_guess() -> None:
    found = stops(EventExtractor(), "Paul Grant fled to Russia on Monday and may be hiding in Moscow.")
    assert ("Paul Grant", "Russia", OCC, "2023-09-11") in found
    assert not any(place == "Moscow" and status is OCC for _, place, status, _ in found), found


def test_a_place_told_of_someones_relation_is_not_the_persons() -> None:
    text = "Ruth Ames, whose son was shot in Leeds last year, spoke at a rally in York on Monday."
    assert ("Ruth Ames", "Leeds") not in _candidate_places(text)
    own = "The couple's daughter, Ruth Ames, is in school at a college in Leeds."
    assert ("Ruth Ames", "Leeds") in _candidate_places(own)
    # The relation may be told as the subject's apposition: "her" is not the one who arrived.
    apposed = "Ruth Ames was arrested in York. Paul Grant, her husband, arrived in Leeds on Tuesday."
    assert ("Ruth Ames", "Leeds") not in _candidate_places(apposed)
    assert ("Paul Grant", "Leeds") in _candidate_places(apposed)


def test_a_person_only_talked_about_is_not_where_the_talk_is() -> None:
    text = "Ruth Ames shared her thoughts on Paul Grant's first months in office at a forum in Leeds."
    places = _candidate_places(text)
    assert ("Ruth Ames", "Leeds") in places and ("Paul Grant", "Leeds") not in places
    assert ("Paul Grant", "Leeds") not in _candidate_places("Ruth Ames criticised Paul Grant at a rally in Leeds.")
    # A trip of theirs told as the topic is still theirs.
    trip = "Ruth Ames spoke in Leeds about Paul Grant's visit to York on Monday."
    assert ("Paul Grant", "York") in _candidate_places(trip)


def test_a_gathering_presided_over_is_no_topic() -> None:
    assert ("Ruth Ames", "Leeds") in _candidate_places("Judge Ruth Ames presided over the hearing in Leeds on Monday.")


def test_here_is_the_dateline() -> None:
    text = "Berlin (AP) — Paul Grant arrived here on Tuesday for talks."
    events, _ = EventExtractor().read_events(article(text), mentions_for(text, dateline="Berlin"))
    assert [(e.actor, e.place.name, e.mention_start) for e in events] == [("Paul Grant", "Berlin", None)]
    # Without a dateline, "here" names no place.
    assert stops(EventExtractor(stop_model=None), "Paul Grant arrived here on Tuesday.") == set()


def test_a_topic_keeps_the_speakers_own_place() -> None:
    text = "Anna Weber discussed the situation in Ukraine with reporters in Berlin on Monday."
    assert ("Anna Weber", "Berlin", OCC, "2023-09-11") in stops(EventExtractor(), text)


@pytest.mark.parametrize("published", [PUBLISHED, None])
def test_a_birthplace_of_long_ago_is_no_candidate_either(published) -> None:
    # The stop model weighs every pairing of a person and a place; a birth dated before the
    # story's time is none (with no publication date, any year the text states is before it).
    text = "Paul Grant was born in Leeds in 1950. He flew to Madrid in 2020."
    found = stops(EventExtractor(), text, published=published)
    assert not any(place == "Leeds" for _, place, _, _ in found)
    assert ("Paul Grant", "Madrid", OCC, "2020") in found


def test_a_birth_the_story_tells_as_news_stays_a_candidate() -> None:
    found = stops(EventExtractor(), "Lena Weber was born in a taxi in Berlin on Monday.")
    assert ("Lena Weber", "Berlin", OCC, "2023-09-11") in found


_QUEENSLAND = place(2152274, "Queensland", -20.0, 145.0, Precision.ADMIN1, "AU")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A definite noun names again the place of its kind told last, in its sentence or the two
        # before: a visit, a tour, an arrival there.
        (
            "Floods hit Queensland on Monday. Gov. Anna Weber visited the region on Tuesday.",
            {("Anna Weber", "Queensland", OCC, "2023-09-12")},
        ),
        (
            "Floods hit Queensland on Monday. Gov. Anna Weber toured the affected areas on Tuesday.",
            {("Anna Weber", "Queensland", OCC, "2023-09-12")},
        ),
        (
            "An earthquake struck Leeds overnight. Rescuers searched the rubble. "
            "Tom Reed arrived in the town on Monday.",
            {("Tom Reed", "Leeds", OCC, "2023-09-11")},
        ),
        (
            "A fire destroyed much of Leeds. Tom Reed traveled to the city on Monday.",
            {("Tom Reed", "Leeds", OCC, "2023-09-11")},
        ),
        # A town is no region, nor a region a town.
        ("Floods hit Queensland on Monday. Tom Reed arrived in the town on Tuesday.", set()),
        ("An earthquake struck Leeds overnight. Tom Reed visited the region on Monday.", set()),
        # Nor is the noun read past the two sentences before its own.
        (
            "An earthquake struck Leeds overnight. Rescuers searched the rubble. Power was cut. Roads were "
            "closed. Tom Reed arrived in the town on Monday.",
            set(),
        ),
        # A home or a topic is not where anything happened; a noun its own words place is that place.
        ("The driver, Paul Grant of Leeds, was hurt. Tom Reed arrived in the town on Monday.", set()),
        ("Tom Reed spoke about the reconstruction of Kyiv. On Monday he visited the city.", set()),
        ("Tom Reed spoke in Leeds. On Monday he visited the Texas town.", {("Tom Reed", "Leeds", OCC, None)}),
    ],
)
def test_a_definite_noun_names_the_place_told_before(text, expected) -> None:
    names = {**PLACES, "Queensland": _QUEENSLAND}
    extractor = EventExtractor(stop_model=None)
    events, _ = extractor.read_events(article(text, PUBLISHED), mentions_for(text, names=names))
    found = {(e.actor, e.place.name, e.status, e.date.iso()) for e in events}
    assert {stop for stop in found if stop[0] in {"Anna Weber", "Tom Reed"}} == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin announced a visit by Anna Weber to Kyiv.",
        "Officials confirmed a trip by Anna Weber to Kyiv.",
    ],
)
def test_a_trip_announced_is_a_trip_to_come(extractor, text) -> None:
    assert stops(extractor, text) == {("Anna Weber", "Kyiv", P, None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A trip that a clause happens ahead of is still to come when the clause happens.
        ("Anna Weber gave an interview ahead of her visit to Kyiv.", {("Anna Weber", "Kyiv", P, None)}),
        ("Security was tight ahead of Anna Weber's visit to Kyiv.", {("Anna Weber", "Kyiv", P, None)}),
        ("In the run-up to her visit to Kyiv, Anna Weber gave an interview.", {("Anna Weber", "Kyiv", P, None)}),
        ("Anna Weber gave an interview in advance of her visit to Kyiv.", {("Anna Weber", "Kyiv", P, None)}),
        (
            "Anna Weber toured a factory in Leeds in preparation for her trip to Madrid.",
            {("Anna Weber", "Leeds", OCC, None), ("Anna Weber", "Madrid", P, None)},
        ),
        # The clause's own place is where it happened.
        ("Anna Weber arrived in Kyiv ahead of the summit.", {("Anna Weber", "Kyiv", OCC, None)}),
        ("Anna Weber flew to Madrid ahead of schedule.", {("Anna Weber", "Madrid", OCC, None)}),
    ],
)
def test_a_trip_told_as_ahead_is_a_trip_to_come(extractor, text, expected) -> None:
    assert stops(extractor, text) == expected


def test_a_trip_someone_helped_arrange_is_told_as_it_was(extractor) -> None:
    # Preparing a trip says nothing of whether it has been made since.
    found = stops(extractor, "Tom Reed fell ill after helping arrange Anna Weber's trip to Kyiv.")
    assert found == {("Anna Weber", "Kyiv", OCC, None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bare weekday and a part of the day after the place: the parser makes "night" the
        # phrase's noun, with the place and the day compounded to it.
        ("Anna Weber arrived in Kyiv Thursday night.", {("Anna Weber", "Kyiv", OCC, "2023-09-14")}),
        ("Anna Weber landed in Berlin Monday afternoon.", {("Anna Weber", "Berlin", OCC, "2023-09-11")}),
        # A simple present in a relative clause on a clause told in the future is scheduled.
        (
            "Anna Weber, who arrives in Kyiv on Sunday, will meet Paul Grant.",
            {("Anna Weber", "Kyiv", P, "2023-09-17")},
        ),
        (
            "Paul Grant will meet Anna Weber, who flies to Kyiv on Sunday.",
            {("Anna Weber", "Kyiv", P, "2023-09-17")},
        ),
        # Told in the past, the present of the relative clause stays as it was read.
        (
            "Anna Weber, who arrives in Kyiv on Sunday, said she would meet Paul Grant.",
            {("Anna Weber", "Kyiv", OCC, "2023-09-10")},
        ),
    ],
)
def test_a_day_and_a_schedule_told_around_the_place(extractor, text, expected) -> None:
    assert {stop for stop in stops(extractor, text) if stop[0] == "Anna Weber"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A guess or an attempt told in the past looks back: its weekday is behind the story.
        ("Police believe Tom Reed fled to Madrid on Sunday.", {("Tom Reed", "Madrid", S, "2023-09-10")}),
        ("Tom Reed may have traveled to Madrid on Sunday.", {("Tom Reed", "Madrid", S, "2023-09-10")}),
        ("Tom Reed tried to flee to Madrid on Monday.", {("Tom Reed", "Madrid", S, "2023-09-11")}),
        # A plan, told in the past or not, still looks ahead.
        ("Tom Reed was set to arrive in Madrid on Monday.", {("Tom Reed", "Madrid", P, "2023-09-18")}),
        ("Tom Reed said he would travel to Madrid on Monday.", {("Tom Reed", "Madrid", P, "2023-09-18")}),
    ],
)
def test_a_guess_or_an_attempt_in_the_past_is_dated_back(extractor, text, expected) -> None:
    assert stops(extractor, text) == expected


def test_a_name_the_parser_reads_as_an_adverb_is_still_the_subject(extractor) -> None:
    # "Brantly", like "quickly": the parser hangs the surname on the verb as an adverb.
    found = stops(extractor, "Kent Brantly was flown to Madrid on Monday.")
    assert found == {("Kent Brantly", "Madrid", OCC, "2023-09-11")}


def test_an_island_is_reached_on_a_road_is_not() -> None:
    sicily = place(2523119, "Sicily", 37.75, 14.25, Precision.ADMIN1, "IT")
    names = {**PLACES, "Sicily": sicily}
    extractor = EventExtractor(stop_model=None)
    text = "Paul Grant arrived on Sicily on Monday."
    events, _ = extractor.read_events(article(text, PUBLISHED), mentions_for(text, names=names))
    assert [(e.actor, e.place.name, e.date.iso()) for e in events] == [("Paul Grant", "Sicily", "2023-09-11")]
    road = "Paul Grant was heading out of town on Russia 79 on Monday."
    events, _ = extractor.read_events(article(road, PUBLISHED), mentions_for(road))
    assert events == []


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        # Each list of names takes the place its "in" gives it.
        (
            "Associated Press writers Anna Weber and Paul Grant in Berlin and Ruth Ames in Madrid "
            "contributed to this report.",
            {("Anna Weber", "Berlin"), ("Paul Grant", "Berlin"), ("Ruth Ames", "Madrid")},
        ),
        # A wire's parenthesis: the reporter is placed, the editor is not.
        ("(Reporting by Anna Weber in Berlin; Editing by Paul Grant in London)", {("Anna Weber", "Berlin")}),
        (
            "Additional reporting by Anna Weber in Tokyo and Paul Grant in Seoul.",
            {("Anna Weber", "Tokyo"), ("Paul Grant", "Seoul")},
        ),
        # Credited with no place: nowhere.
        ("Staff writers Anna Weber and Paul Grant contributed to this report.", set()),
    ],
)
def test_a_wire_credit_line_places_its_reporters(credit, expected) -> None:
    text = "Tom Reed met Rita Vance in Paris on Monday. " + credit
    for extractor in (EventExtractor(stop_model=None), EventExtractor()):
        found = {
            (actor, place)
            for actor, place, status, _ in stops(extractor, text)
            if actor not in ("Tom Reed", "Rita Vance")
        }
        assert found == expected, extractor.stop_model


def test_a_credit_line_pairs_no_one_with_anothers_place() -> None:
    text = (
        "Tom Reed met Rita Vance in Paris on Monday. Associated Press writers Anna Weber in Berlin "
        "and Ruth Ames in Madrid contributed to this report."
    )
    pairs = _candidate_places(text)
    assert ("Anna Weber", "Madrid") not in pairs and ("Ruth Ames", "Berlin") not in pairs
    assert {("Anna Weber", "Berlin"), ("Ruth Ames", "Madrid")} <= pairs


@pytest.mark.parametrize(
    "text",
    [
        "Tom Reed flew to Paris on Monday. Reed's parents and siblings are visiting Berlin this week.",
        "Tom Reed flew to Paris on Monday. His friends were arrested in Berlin on Tuesday.",
    ],
)
def test_where_a_persons_family_or_friends_go_is_not_the_persons_stop(text) -> None:
    assert ("Tom Reed", "Berlin") not in _candidate_places(text)


@pytest.mark.parametrize(
    "line",
    ["Tom Reed may be contacted via e-mail at treed@example.com", "Tom Reed can be reached in Berlin at 555-0100."],
)
def test_a_line_on_how_to_reach_a_writer_is_no_stop(line) -> None:
    text = "Leeds (AP) — Rita Vance won the vote in Leeds on Monday. " + line
    assert not any(person == "Tom Reed" for person, _ in _candidate_places(text, dateline="Leeds"))


def _dateline_stops(text: str, dateline: str) -> set[tuple]:
    events, _ = EventExtractor(stop_model=None).read_events(article(text), mentions_for(text, dateline=dateline))
    return {(e.actor, e.place.name, e.status, e.date.iso()) for e in events}


def test_an_incident_told_nowhere_else_is_at_the_dateline() -> None:
    # Local news names no town for a crash it files from the town: the dateline's.
    text = "LEEDS, England — Tom Reed, 22, of York, was killed when his car went off the ramp and hit a tree."
    assert _dateline_stops(text, "Leeds") == {("Tom Reed", "Leeds", OCC, None)}
    # Not with no dateline, nor for a harm the text dates to another year, nor one placed itself.
    assert stops(EventExtractor(stop_model=None), text.split("— ")[1]) == set()
    assert _dateline_stops("LEEDS, England — Tom Reed's father died in 1990.", "Leeds") == set()
    assert _dateline_stops("LEEDS, England — Tom Reed was killed in a drone strike.", "Leeds") == set()
    # The dateline's sentence dates its own news, not the incident placed by the dateline.
    text = "LEEDS, England — The council met on May 1, 2023. Tom Reed was killed when his car hit a tree."
    assert _dateline_stops(text, "Leeds") == {("Tom Reed", "Leeds", OCC, None)}
    # A big city's dateline may be a wire's bureau, far from the scene.
    bureau = {"Leeds": replace(PLACES["Leeds"], population=800_000)}
    text = "LEEDS, England — Tom Reed, 22, was killed when his car went off the ramp and hit a tree."
    events, _ = EventExtractor(stop_model=None).read_events(
        article(text), mentions_for(text, dateline="Leeds", names=bureau)
    )
    assert events == []
    # An incident the text places is where it happened, whatever the dateline.
    text = "LEEDS, England — A crash near York injured two people. Tom Reed was ejected from the vehicle."
    assert _dateline_stops(text, "Leeds") == {("Tom Reed", "York", OCC, None)}


def test_a_stop_told_with_its_place_is_the_evidence_over_one_that_took_the_place_elsewhere(extractor) -> None:
    text = "Leeds police were called to a home. Paul Grant was arrested. He was later held in a jail in Leeds."
    events, _ = extractor.read_events(article(text, None), mentions_for(text))
    (stop,) = [e for e in events if e.actor == "Paul Grant"]
    assert text[stop.evidence_start : stop.evidence_end] == "He was later held in a jail in Leeds."


def test_a_local_venue_is_in_the_datelines_town_before_a_police_forces() -> None:
    # A force named in passing may be a neighbouring town's; the story is filed from the scene.
    text = (
        "LEEDS, England — Tom Reed ran to a motel, where he hid from police. "
        "A York police officer later pulled over his car."
    )
    assert ("Tom Reed", "Leeds", OCC, None) in _dateline_stops(text, "Leeds")
    assert not any(place == "York" for _, place, _, _ in _dateline_stops(text, "Leeds"))


# Places a region narrows: news names a town, then calls it "the Texas city" or "the Hall County
# town"; the region's own name is the wrong stop when the town it holds was named just before.
_TEXAS = place(4736286, "Texas", 31.25044, -99.25061, Precision.ADMIN1, "US")
_AUSTIN = place(4671654, "Austin", 30.26715, -97.74306, Precision.CITY, "US", "Texas")
_DALLAS = place(4684888, "Dallas", 32.78306, -96.80667, Precision.CITY, "US", "Texas")
_NARROWING = {"Texas": _TEXAS, "Austin": _AUSTIN, "Dallas": _DALLAS} | PLACES


def narrowed_stops(extractor: EventExtractor, text: str) -> set[tuple]:
    return stops(extractor, text, mentions=mentions_for(text, names=_NARROWING))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Floods hit Austin on Sunday. Maria Lopez toured the Texas city on Monday.",
            {("Maria Lopez", "Austin", OCC, "2023-09-11")},
        ),
        (
            "Storms hit Dallas on Sunday. Maria Lopez visited the devastated Texas city on Monday.",
            {("Maria Lopez", "Dallas", OCC, "2023-09-11")},
        ),
        # The town named last that lies in the region, not a town elsewhere named after it.
        (
            "Storms hit Austin on Sunday and Kyiv on Monday. Maria Lopez toured the Texas city on Tuesday.",
            {("Maria Lopez", "Austin", OCC, "2023-09-12")},
        ),
    ],
)
def test_a_definite_noun_a_region_narrows_names_its_town_again(extractor, text, expected) -> None:
    assert narrowed_stops(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # No town of that region named before: the region is all the text says.
        "Storms hit Kyiv on Sunday. Maria Lopez toured the Texas city on Monday.",
        # A noun whose own words name the town is read as before.
        "Maria Lopez toured the Texas city of Austin on Monday.",
    ],
)
def test_a_region_narrowed_noun_with_no_town_before_keeps_what_the_phrase_tells(extractor, text) -> None:
    places = {place for _, place, _, _ in narrowed_stops(extractor, text)}
    assert places and "Kyiv" not in places and ("Austin" in places) == ("of Austin" in text)


# A trip the text leaves in doubt is speculative, and the verb that leaves it so is no trip.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The crash left in question Maria Lopez's visit to Madrid in October.",
            {("Maria Lopez", "Madrid", S, "2023-10")},
        ),
        ("Maria Lopez's visit to Kyiv is in doubt after the attack.", {("Maria Lopez", "Kyiv", S, None)}),
        ("Maria Lopez's visit to Kyiv remains uncertain.", {("Maria Lopez", "Kyiv", S, None)}),
        ("Maria Lopez's visit to Kyiv was thrown into doubt by the attack.", {("Maria Lopez", "Kyiv", S, None)}),
        ("The strike put Maria Lopez's trip to Berlin in jeopardy.", {("Maria Lopez", "Berlin", S, None)}),
        (
            "The injury casts doubt on Maria Lopez's appearance at the summit in Paris next month.",
            {("Maria Lopez", "Paris", S, "2023-10")},
        ),
        ("Doubts over Maria Lopez's visit to Kyiv grew on Monday.", {("Maria Lopez", "Kyiv", S, None)}),
    ],
)
def test_a_trip_left_in_doubt_is_speculative(extractor, text, expected) -> None:
    assert stops(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Guards: a trip told plainly, and "leave" as a departure.
        ("Maria Lopez's visit to Kyiv went ahead on Monday.", {("Maria Lopez", "Kyiv", OCC, "2023-09-11")}),
        ("Maria Lopez left Madrid on Monday.", {("Maria Lopez", "Madrid", OCC, "2023-09-11")}),
        # Questions talked of in a place, or raised by a trip, cast no doubt on being there.
        (
            "Maria Lopez spoke to reporters in Kyiv on Monday about questions over the deal.",
            {("Maria Lopez", "Kyiv", OCC, "2023-09-11")},
        ),
        (
            "Maria Lopez's visit to Kyiv on Monday raised questions about the deal.",
            {("Maria Lopez", "Kyiv", OCC, "2023-09-11")},
        ),
    ],
)
def test_a_trip_not_in_doubt_keeps_its_status(extractor, text, expected) -> None:
    assert stops(extractor, text) == expected


# A spell of duty someone is out on is placed by its own phrase, as a gathering is: soldiers and
# police are reported "on patrol in" a place and hurt "during a patrol" there.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sgt. Mark Reyes was killed on Monday while on patrol in Kyiv.", {("Mark Reyes", "Kyiv", OCC, "2023-09-11")}),
        ("Sgt. Mark Reyes was wounded during a patrol in Kyiv on Monday.", {("Mark Reyes", "Kyiv", OCC, "2023-09-11")}),
        (
            "Sgt. Mark Reyes was on his third deployment in Kyiv when he was killed.",
            {("Mark Reyes", "Kyiv", OCC, None)},
        ),
        ("Tom Reed was arrested during a traffic stop in Leeds on Sunday.", {("Tom Reed", "Leeds", OCC, "2023-09-10")}),
    ],
)
def test_a_duty_one_is_out_on_is_where_one_was(extractor, text, expected) -> None:
    assert stops(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # What police do, talked of, is a topic.
        "Tom Reed commented on the search in Leeds.",
        "Tom Reed briefed reporters on the search in Leeds.",
    ],
)
def test_an_operation_talked_of_is_no_stop(extractor, text) -> None:
    assert stops(extractor, text) == set()


def _with_venue(text: str, town: str, venue: str) -> list:
    """The text's mentions, the first of `town` carrying the venue the geoparser reads with it."""
    mentions = mentions_for(text)
    first = next(i for i, m in enumerate(mentions) if m.surface == town)
    mentions[first] = replace(mentions[first], venue=venue)
    return mentions


def venue_stops(extractor: EventExtractor, text: str) -> set[tuple]:
    return stops(extractor, text, mentions=_with_venue(text, "London", "Royal Free Hospital"))


# A venue named with its town is in that town when the story names it again by its name or a
# shorter one.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Royal Free Hospital in London said Anna Vance was ill. Two days later, Anna Vance was flown"
            " to the Royal Free.",
            {("Anna Vance", "London", OCC, None)},
        ),
        (
            "The Royal Free Hospital in London said Anna Vance was ill. On Monday Anna Vance was taken to the"
            " Royal Free Hospital.",
            {("Anna Vance", "London", OCC, "2023-09-11")},
        ),
        # A facility's kind alone names no venue; and a venue is named with its town before, not after.
        (
            "The Royal Free Hospital in London said Anna Vance was ill. Two days later, Anna Vance was flown"
            " to the Hospital.",
            set(),
        ),
        (
            "Anna Vance was flown to the Royal Free on Monday. The Royal Free Hospital in London said she was ill.",
            set(),
        ),
    ],
)
def test_a_venue_named_again_is_in_the_town_it_was_named_with(extractor, text, expected) -> None:
    assert venue_stops(extractor, text) == expected


_CHAMPS = place(6618607, "Champs-Elysees", 48.8698, 2.3075, Precision.SITE, "FR", kind="street")


def site_stops(extractor: EventExtractor, text: str) -> set[tuple]:
    return stops(extractor, text, mentions=mentions_for(text, names=PLACES | {"Champs-Elysees": _CHAMPS}))


# A site written before the generic noun of its kind is the site; a street named after a town is
# not in the town.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Anna Vance was on Champs-Elysees boulevard on Thursday and witnessed the attack.",
            {("Anna Vance", "Champs-Elysees", OCC, "2023-09-14")},
        ),
        ("Tom Reed was arrested on Kyiv Avenue on Monday.", set()),
    ],
)
def test_a_site_before_the_noun_of_its_kind_is_the_site(extractor, text, expected) -> None:
    assert site_stops(extractor, text) == expected


# A stretch of a life in a place and a dated stop there are two stops; a dated trip and an undated
# mention of it are one.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tom Reed spent years working in London. In the summer of 2010, agents met Reed in London.",
            {("Tom Reed", "London", OCC, None), ("Tom Reed", "London", OCC, "2010")},
        ),
        (
            "Tom Reed visited London on Monday. Reed's trip to London was short.",
            {("Tom Reed", "London", OCC, "2023-09-11")},
        ),
    ],
)
def test_a_stretch_of_a_life_stays_beside_a_dated_stop_there(extractor, text, expected) -> None:
    assert stops(extractor, text) == expected
