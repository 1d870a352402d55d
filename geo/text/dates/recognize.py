"""Finding date expressions in English news text with regular expressions and a few context rules.

Spans leave out the preposition that introduces a date ("on Tuesday" -> "Tuesday", "in the
coming days" -> "the coming days"), except where it carries the meaning ("in two weeks' time").
A span takes in the words that change its meaning: "last Friday", "early 2019", "mid-September".
Every recognizer proposes candidate spans; where candidates overlap the longest wins ("Tuesday,
Sept. 12, 2023" over "Tuesday", "April 2019" over "2019"). The context rules, and why:

- Month and weekday names count only capitalised: "Kim may visit", "they march" are verbs.
- A month name alone ("October", "May", "March") needs a cue right before it: a temporal
  preposition ("in", "since", "by", "until", "during", "before", "after"...), "last", "next",
  "this", a part ("early", "mid-", "late", "the end of"), "the month of", or a month before it
  ("between March and May"), or a plan's "for" ("scheduled for June"). With a day or a year
  ("May 5", "5 May", "March 2019") no cue is needed. Months that are not given names or verbs
  also count before "'s" ("October's election", but not "May's cabinet") and between a
  determiner and a common noun ("the November election", but not "the March for Babies").
- Month abbreviations ("Sept.", "Sep", "Mar") count only with a day or a year; weekday
  abbreviations ("Sat", "Sun", "Wed") only in front of a calendar date ("Sat, Sep 16").
- A weekday is not a date inside a name: "Black Friday", "Super Tuesday", "the Sunday Times",
  "the Mail on Sunday".
- A four-digit number (1000-2199) is a year only in context: after a temporal preposition, a
  determiner or possessive ("the 2019 visit", "Kim's 2019 trip"), a part ("early 2019"), a season
  or "year", inside parentheses, or before "'s". Without context it is a count ("2019 people"); a
  unit after it always makes it one ("in 2019 km", "since 1200 GMT"); after the prepositions that
  also introduce quantities ("of", "to", "by", "from", "about"...) neither a plural noun nor a
  capitalised word may follow ("a crowd of 2019 protesters", "of 1205 Lone Oak Road"). Numbers
  with a thousands separator ("2,019") and year ranges ("2008-09") are not read as years.
- Rolling spans ("in the past two weeks") are anchored on the published date, except "for the
  next ..." (as often counted from a past event) and spans followed by "of" ("the last year of
  his term").
- Numeric dates: ISO 8601 (2023-09-15) always; slashed dates only with a four-digit year, read
  day-first when the first field is over 12 and month-first (US style) otherwise.

- A holiday (`holidays.HOLIDAYS`: "Christmas Eve", "Easter", "Memorial Day") counts after a
  temporal preposition ("on", "over", "for", "until"...), "last", "next" or "this", or with a year
  ("Christmas 2015"); not before a capitalised word or a noun it names an occasion for ("the Good
  Friday Agreement", "the Easter weekend", "a Christmas party"). A weekday inside a holiday's name
  ("Good Friday", "Easter Monday") is the holiday.

Not recognised: seasons ("last summer"), named days other than those holidays ("Sept. 11 attacks"
reads as a plain Sept. 11), ordinals alone ("on the 15th"), durations ("for two weeks"), and "in two years"
(which is as often "the first in two years" as a future date).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from geo.errors import InvalidInputError
from geo.text.dates.expression import DateExpression
from geo.text.dates.forms import (
    CalendarDate,
    CalendarPeriod,
    DateForm,
    DateOffset,
    Direction,
    HolidayDate,
    OffsetDate,
    PeriodUnit,
    Relation,
    RelativeDay,
    RollingSpan,
    WeekdayDate,
)
from geo.text.dates.holidays import HOLIDAYS
from geo.text.dates.intervals import Part
from geo.text.dates.lexicon import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    POSSESSIVE_SAFE_MONTHS,
    UNCOUNTED_QUANTITIES,
    UNIT_WORDS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    TimeUnit,
    alternation,
    count_of,
)

__all__ = ["find_date_expressions"]


class _Candidate(NamedTuple):
    start: int
    end: int
    form: DateForm


# ---------------------------------------------------------------------------------------------
# Regular expression pieces. Names are case-sensitive; other words take either case ((?i:...)).

_MONTH = (
    rf"(?P<month>(?:{alternation(MONTHS)})"
    rf"|(?:{alternation(MONTH_ABBREVIATIONS)})(?![A-Za-z])\.?)(?![A-Za-z])"
)
_FULL_MONTH = rf"(?P<month>{alternation(MONTHS)})(?![\w-])"
_WEEKDAY_PREFIX = rf"(?:(?P<weekday>(?:{alternation(WEEKDAYS)})|(?:{alternation(WEEKDAY_ABBREVIATIONS)})\.?),?\s+)?"


def _day(name: str) -> str:
    # A day number, not part of a larger number ("May 1,000") nor a time or decimal.
    return rf"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?(?![\w]|[,.:]\d)"


_DAY_RANGE = rf"(?:\s*(?:-|–|—|(?i:to|through))\s*{_day('day_end')})?"
_YEAR_TAIL = r"(?:,?\s+(?P<year>[12]\d{3})(?![\w]|[.,]\d))?"
_QUANTITY = rf"(?i:\d{{1,3}}|{alternation([*NUMBER_WORDS, *UNCOUNTED_QUANTITIES])})"
_UNIT = rf"(?P<unit>(?i:{alternation(UNIT_WORDS)}))(?P<plural>(?i:s))?"

_MONTH_DAY = re.compile(rf"(?<![\w.]){_WEEKDAY_PREFIX}{_MONTH}(?:\s+|(?<=\.)){_day('day')}{_DAY_RANGE}{_YEAR_TAIL}")
_DAY_MONTH = re.compile(
    rf"(?<![\w.,]){_WEEKDAY_PREFIX}(?:(?i:the)\s+)?{_day('day')}{_DAY_RANGE}\s+(?:(?i:of)\s+)?"
    rf"{_MONTH}{_YEAR_TAIL}"
)
_MONTH_YEAR = re.compile(rf"(?<![\w.]){_MONTH}(?:\s+(?i:of))?,?\s+(?P<year>[12]\d{{3}})(?![\w]|[.,]\d)")
_BARE_MONTH = re.compile(rf"(?<![\w.]){_FULL_MONTH}")
_BARE_YEAR = re.compile(r"(?:(?<![\w.,$£€#/\\-])|(?<=[Mm]id-))(?P<year>[12]\d{3})(?![\w%]|[.,]\d|[-–/]\d)")
_ISO_DATE = re.compile(r"(?<![\w/.-])(\d{4})-(\d{2})-(\d{2})(?![\w/-]|\.\d)")
_SLASHED_DATE = re.compile(r"(?<![\w/.])(\d{1,2})/(\d{1,2})/(\d{4})(?![\w/]|\.\d)")
_WEEKDAY = re.compile(
    rf"(?<![\w.])(?P<weekday>{alternation(WEEKDAYS)})(?![\w])"
    r"(?:\s+(?i:morning|afternoon|evening|night)(?![\w]))?"
    r"(?:\s+(?:(?i:of)\s+)?(?P<week>(?i:last|next|this))\s+(?i:week)(?![\w]))?"
)
_RELATIVE_DAY = re.compile(
    r"(?<![\w])(?i:(?P<word>today|tonight|yesterday|tomorrow)|this\s+(?:morning|afternoon|evening)"
    r"|(?P<last_night>last\s+night)|(?P<before>the\s+day\s+before\s+yesterday)"
    r"|(?P<after>the\s+day\s+after\s+tomorrow))(?![\w])"
)
_PERIOD = re.compile(
    r"(?<![\w])(?:(?P<part>(?i:earlier|later|early|mid|late"
    r"|(?:the\s+)?(?:end|start|beginning|middle|close|rest|remainder)\s+of))(?:\s+|-))?"
    r"(?P<det>(?i:this|last|next|the))\s+(?P<unit>(?i:week|weekend|month|year))(?![\w])"
)
_OFFSET = re.compile(
    rf"(?<![\w])(?:(?P<quantity>{_QUANTITY})\s+)?{_UNIT}\s+"
    r"(?P<direction>(?i:after|later|before|earlier|ago|prior|previously|afterwards?"
    r"|from\s+now|hence))(?![\w])"
)
_OFFSET_IN_TIME = re.compile(rf"(?<![\w])(?i:in)\s+(?P<quantity>{_QUANTITY})\s+{_UNIT}['’]?\s+(?i:time)(?![\w])")
_THE_OFFSET = re.compile(
    r"(?<![\w])(?P<det>(?i:the|that))\s+(?:(?P<relation>(?i:next|following|previous|preceding"
    r"|prior|same))\s+(?P<unit>(?i:day|morning|afternoon|evening|night|week|weekend|month|year))"
    r"|(?P<unit_first>(?i:day|night|week|month|year))\s+(?P<direction>(?i:before|after|earlier"
    r"|later|prior)))(?![\w])"
)
_ROLLING_SPAN = re.compile(
    r"(?<![\w])(?i:in|over|during|within|for|throughout)\s+(?P<body>(?:(?i:the)\s+)?"
    r"(?P<relation>(?i:coming|next|upcoming|past|last|previous|recent))\s+"
    rf"(?:(?P<quantity>{_QUANTITY})\s+)?{_UNIT})(?![\w])"
)
_DAYS_AHEAD = re.compile(
    r"(?<![\w])(?i:in|over|during)\s+(?P<body>(?i:the)\s+(?:(?i:next|coming)\s+)?"
    r"(?P<unit>(?i:day|week|month|year))(?i:s)\s+(?i:ahead|to\s+come))(?![\w])"
)

# Words right before a span that change it, matched against the text before the span.
_PART_BEFORE = re.compile(
    r"(?<![\w])(?P<part>(?i:early|mid|late|(?:the\s+)?(?:end|start|beginning|middle|close)\s+of))"
    r"(?:\s+|-)$"
)
_RELATION_BEFORE = re.compile(r"(?<![\w])(?P<relation>(?i:this\s+past|this\s+coming|the\s+coming|last|next|this))\s+$")
# Only whitespace may stand between a cue and what it cues: "in, 2019" is not "in 2019".
_PREVIOUS_WORD = re.compile(r"([\w'’.]+)\s*$")
_NEXT_WORD = re.compile(r"^\W*?([\w'’]+)")


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string, which keeps long word lists readable."""
    return frozenset(text.split())


_PARTS = {
    "early": Part.EARLY, "mid": Part.MID, "late": Part.LATE, "earlier": Part.EARLIER,
    "later": Part.LATER, "end": Part.LATE, "close": Part.LATE, "start": Part.EARLY,
    "beginning": Part.EARLY, "middle": Part.MID, "rest": Part.LATER, "remainder": Part.LATER,
}  # fmt: skip
_RELATIONS = {
    "last": Relation.PREVIOUS, "this past": Relation.PREVIOUS, "next": Relation.FOLLOWING,
    "this coming": Relation.FOLLOWING, "the coming": Relation.FOLLOWING, "this": Relation.CURRENT,
}  # fmt: skip
_MONTH_CUES = _words(
    "in since until till through throughout during by before after from between into around "
    "every each last next this early mid late"
)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that"})
# Bare "the weekend" is a date only after one of these: "over the weekend".
_WEEKEND_CUES = _words("over at on during by until till before after since for through throughout across")
_MONTH_LINKS = frozenset({"and", "or", "to", "through", "until", "till", "-", "–"})
# Cues after which a number is a year whatever follows, but for a unit.
_STRONG_YEAR_CUES = _words(
    "since until till during throughout circa c. ca. in before after through into year spring "
    "summer autumn fall winter the this that a an its his her their our my your"
)
# Cues that also introduce quantities ("of 2019 people"): the year must not precede a plural.
_WEAK_YEAR_CUES = _words("of to by from about around and or between for over under nearly almost than")
# Words a number counts or measures, so that it is no year: "2019 people", "1200 km"; and "the
# 1200 block of North John Street", an address's hundred.
_MEASURE_WORDS = _words(
    "people persons residents troops soldiers civilians deaths cases votes voters jobs homes "
    "families children km kilometres kilometers miles metres meters feet ft m kg tons tonnes "
    "dollars euros pounds rubles roubles yuan yen points units hours hrs h gmt utc local "
    "percent per cent times block blk"
)
# Plural-looking words that are verbs after a year ("2019 was", "2019 marks").
_NON_PLURALS = frozenset(
    {"was", "has", "is", "does", "goes", "says", "seems", "remains", "marks", "means", "sees", "looks"}
)
_WEEKDAY_NAME_BEFORE = _words(
    "Black Good Super Ash Bloody Holy Maundy Easter Palm Cyber Giving Man Girl Shrove Fat Blue Low Trinity Whit Plough"
)
_WEEKDAY_NAME_AFTER = _words(
    "Times Telegraph Express Mirror Post Herald Mail Independent Tribune Star Sport Night "
    "School Service Club Magazine Edition"
)
_NEWSPAPERS_ON = re.compile(r"(?<![\w])(?:Mail|Independent|Sun|Observer|Post)\s+on\s+$")
_AHEAD_WORDS = frozenset({"coming", "next", "upcoming"})
_FORWARD_DIRECTIONS = frozenset({"after", "later", "afterwards", "afterward", "from now", "hence"})
_ANCHORED_DIRECTIONS = frozenset({"ago", "from now", "hence"})
# A holiday's name, any apostrophe in it either way ("New Year's Day", "New Year’s Day"), then a year
# if one follows ("Christmas 2015").
_HOLIDAY = re.compile(
    r"(?<![\w.])(?P<name>"
    + "|".join(
        re.escape(name).replace("\\ ", r"\s+").replace("'", "['’]") for name in sorted(HOLIDAYS, key=len, reverse=True)
    )
    + r")(?![\w'’-])(?:,?\s+(?P<year>[12]\d{3})(?![\w]|[.,]\d))?"
)
# Words before a holiday that make it the day something happened on: "on Christmas Eve", "over
# Easter", "home for Christmas", "between Christmas and New Year's Day".
_THE_BEFORE = re.compile(r"(?<![\w])(?i:the)\s+$")
_HOLIDAY_CUES = _words(
    "on at over for until till by since during before after through around from to into between and "
    "spent spend spends spending celebrated celebrate celebrates celebrating"
)
# Words after a holiday that make it the name of something else, an occasion rather than its day:
# "the Christmas holidays", "the Easter weekend", "a Christmas party", "the Boxing Day tsunami".
_HOLIDAY_MODIFIED = _words(
    "weekend weekends holiday holidays season period break party parties shopping shoppers dinner lunch "
    "meal tree trees market markets card cards present presents gift gifts service services mass message "
    "address speech parade parades celebration celebrations ceremony ceremonies festival festivities "
    "truce ceasefire tsunami bombing bombings attack attacks massacre storm storms flood floods week "
    "rush sale sales special concert show eve day egg eggs bunny lights decorations display displays "
    "rising uprising offensive agreement accord deal"
)


def _lower(words: str) -> str:
    return " ".join(words.lower().split())


def _month_number(name: str) -> int:
    name = name.rstrip(".")
    return MONTHS.get(name) or MONTH_ABBREVIATIONS[name]


def _previous_word(text: str, position: int) -> str:
    found = _PREVIOUS_WORD.search(text[max(0, position - 40) : position])
    return found.group(1) if found else ""


def _next_word(text: str, position: int) -> str:
    found = _NEXT_WORD.match(text[position : position + 40])
    return found.group(1) if found else ""


def _extend_back(text: str, start: int, pattern: re.Pattern[str]) -> tuple[int, str | None]:
    """Where the span starts once the words `pattern` finds just before it are taken in."""
    found = pattern.search(text[max(0, start - 40) : start])
    if not found:
        return start, None
    return start - len(found.group(0)), _lower(found.group(1))


def _part_of(words: str | None) -> Part | None:
    if words is None:
        return None
    for word in words.replace("-", " ").split():
        if word in _PARTS:
            return _PARTS[word]
    return None


def _calendar(**fields: object) -> CalendarDate | None:
    """A CalendarDate, or None when the fields name no real date (Sept. 31)."""
    try:
        return CalendarDate(**fields)  # type: ignore[arg-type]
    except InvalidInputError:
        return None


# ---------------------------------------------------------------------------------------------
# Recognizers: each yields the candidates one pattern finds.


def _numeric_dates(text: str) -> Iterator[_Candidate]:
    for found in _ISO_DATE.finditer(text):
        year, month, day = map(int, found.groups())
        if 1 <= month <= 12 and (form := _calendar(year=year, month=month, day=day)):
            yield _Candidate(found.start(), found.end(), form)
    for found in _SLASHED_DATE.finditer(text):
        first, second, year = map(int, found.groups())
        month, day = (second, first) if first > 12 else (first, second)
        if 1 <= month <= 12 and (form := _calendar(year=year, month=month, day=day)):
            yield _Candidate(found.start(), found.end(), form)


def _day_dates(text: str) -> Iterator[_Candidate]:
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for found in pattern.finditer(text):
            year = found.group("year")
            form = _calendar(
                year=int(year) if year else None,
                month=_month_number(found.group("month")),
                day=int(found.group("day")),
                day_end=int(found.group("day_end")) if found.group("day_end") else None,
            )
            if form is not None:
                yield _Candidate(found.start(), found.end(), form)


def _month_dates(text: str) -> Iterator[_Candidate]:
    for found in _MONTH_YEAR.finditer(text):
        start, part = _extend_back(text, found.start(), _PART_BEFORE)
        month = _month_number(found.group("month"))
        form = _calendar(year=int(found.group("year")), month=month, part=_part_of(part))
        if form is not None:
            yield _Candidate(start, found.end(), form)
    for found in _BARE_MONTH.finditer(text):
        name = found.group("month")
        start, relation = _extend_back(text, found.start(), _RELATION_BEFORE)
        start, part = _extend_back(text, start, _PART_BEFORE)
        possessive = text.startswith(("'s", "’s"), found.end()) and name in POSSESSIVE_SAFE_MONTHS
        cued = _month_cued(text, name, start, found.end())
        if relation is None and part is None and not possessive and not cued:
            continue
        form = _calendar(
            month=MONTHS[name],
            part=_part_of(part),
            relation=_RELATIONS.get(relation or "", Relation.NEAREST),
        )
        if form is not None:
            yield _Candidate(start, found.end(), form)


_SCHEDULED_FOR = frozenset(["scheduled", "rescheduled", "set", "slated", "planned", "pencilled", "penciled"])


def _month_cued(text: str, name: str, start: int, end: int) -> bool:
    previous = _previous_word(text, start).lower()
    if previous in _MONTH_CUES:
        return True
    before = [word.lower() for word in text[max(0, start - 30) : start].split()]
    if before[-2:] in (["month", "of"], ["months", "of"]):
        return True
    # "is scheduled for June", "was set for May": a plan's "for" ("voted for May" is no date).
    if len(before) >= 2 and before[-1] == "for" and before[-2] in _SCHEDULED_FOR:
        return True
    # "between March and May", "from June to August": a linking word after another month.
    if len(before) >= 2 and before[-1] in _MONTH_LINKS and before[-2].strip(",").title() in MONTHS:
        return True
    # "the November election": a determiner, a month that is no name, then a common noun.
    following = _next_word(text, end) if text[end : end + 1] == " " else ""
    return previous in _DETERMINERS and name in POSSESSIVE_SAFE_MONTHS and following.islower()


def _years(text: str) -> Iterator[_Candidate]:
    for found in _BARE_YEAR.finditer(text):
        year = int(found.group("year"))
        if not 1000 <= year <= 2199:
            continue
        start, part = _extend_back(text, found.start(), _PART_BEFORE)
        if part is None and not _year_in_context(text, found.start(), found.end()):
            continue
        yield _Candidate(start, found.end(), CalendarDate(year=year, part=_part_of(part)))


def _year_in_context(text: str, start: int, end: int) -> bool:
    after = text[end : end + 2]
    if after in ("'s", "’s") or (text[start - 1 : start] == "(" and after[:1] == ")"):
        return True
    # Punctuation right after the number ends its phrase: nothing after it can be what it counts.
    following = "" if after[:1] in tuple(",.;:)") else _next_word(text, end)
    if following.lower() in _MEASURE_WORDS:
        return False
    previous = _previous_word(text, start)
    if previous.endswith(("'s", "’s")):  # "Kim's 2019 visit"
        return True
    previous = previous.lower()
    if previous in _STRONG_YEAR_CUES:
        return True
    # After a quantity-like cue, neither a counted noun ("of 2019 protesters") nor a name
    # ("of 1205 Lone Oak Road", an address) may follow.
    return previous in _WEAK_YEAR_CUES and not _looks_plural(following) and not following[:1].isupper()


def _looks_plural(word: str) -> bool:
    return (
        word.islower()
        and len(word) >= 4
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and word not in _NON_PLURALS
    )


def _weekdays(text: str) -> Iterator[_Candidate]:
    for found in _WEEKDAY.finditer(text):
        name = found.group("weekday")
        if _previous_word(text, found.start()) in _WEEKDAY_NAME_BEFORE:
            continue
        if _next_word(text, found.end("weekday")) in _WEEKDAY_NAME_AFTER:
            continue
        if _NEWSPAPERS_ON.search(text[max(0, found.start() - 20) : found.start()]):
            continue
        start, relation = _extend_back(text, found.start(), _RELATION_BEFORE)
        week = found.group("week")
        form = WeekdayDate(
            weekday=WEEKDAYS[name],
            relation=_RELATIONS.get(relation or "", Relation.NEAREST),
            week={"last": -1, "this": 0, "next": 1}[week.lower()] if week else None,
        )
        yield _Candidate(start, found.end(), form)


def _holidays(text: str) -> Iterator[_Candidate]:
    for found in _HOLIDAY.finditer(text):
        year = found.group("year")
        following = (
            _next_word(text, found.end("name")) if text[found.end("name") : found.end("name") + 1] == " " else ""
        )
        if not year and following and (following[0].isupper() or following.lower() in _HOLIDAY_MODIFIED):
            continue  # "the Good Friday Agreement", "the Easter Rising", "a Christmas party"
        start, relation = _extend_back(text, found.start(), _RELATION_BEFORE)
        before = _THE_BEFORE.search(text[max(0, start - 40) : start])  # "on the Fourth of July"
        cue = _previous_word(text, start - len(before.group(0)) if before else start).lower()
        if not year and relation is None and cue not in _HOLIDAY_CUES:
            continue  # "Christmas is a time for family": the holiday, not a day something happened on
        name = " ".join(found.group("name").replace("’", "'").split())
        form = HolidayDate(
            name=name,
            year=int(year) if year else None,
            relation=_RELATIONS.get(relation or "", Relation.NEAREST),
        )
        yield _Candidate(start, found.end(), form)


def _relative_days(text: str) -> Iterator[_Candidate]:
    for found in _RELATIVE_DAY.finditer(text):
        word = (found.group("word") or "").lower()
        if word == "today" and _previous_word(text, found.start()) == "USA":
            continue
        if found.group("last_night") or word == "yesterday":
            days = -1
        elif word == "tomorrow":
            days = 1
        elif found.group("before"):
            days = -2
        elif found.group("after"):
            days = 2
        else:  # today, tonight, this morning...
            days = 0
        yield _Candidate(found.start(), found.end(), RelativeDay(days))


def _periods(text: str) -> Iterator[_Candidate]:
    for found in _PERIOD.finditer(text):
        start = found.start()
        part_words = _lower(found.group("part") or "")
        det = found.group("det").lower()
        unit = PeriodUnit(found.group("unit").lower())
        if det in ("last", "next") and part_words in ("earlier", "later"):
            part_words, start = "", found.start("det")  # "later next week" is not a part
        part = _part_of(part_words or None)
        shift: int | None = {"this": 0, "last": -1, "next": 1, "the": 0}[det]
        if det == "the":
            if unit is PeriodUnit.WEEKEND and not part_words:
                # Bare "the weekend" only after a preposition: "over the weekend".
                if _previous_word(text, start).lower() not in _WEEKEND_CUES:
                    continue
                shift = None
            elif not part_words.endswith("of"):
                continue  # "the year" alone is no date; "the end of the year" is
        elif not part_words and det in ("last", "next") and _previous_word(text, start).lower() == "the":
            continue  # "the last year of his term", "the next week": not calendar periods
        yield _Candidate(start, found.end(), CalendarPeriod(unit, shift, part))


def _offsets(text: str) -> Iterator[_Candidate]:
    for found in _OFFSET.finditer(text):
        quantity = found.group("quantity")
        if quantity is None and not found.group("plural"):
            continue  # "day after" alone; "the day after" is _THE_OFFSET's
        direction = _lower(found.group("direction"))
        offset = DateOffset(
            unit=UNIT_WORDS[found.group("unit").lower()],
            count=count_of(quantity),
            direction=Direction.AFTER if direction in _FORWARD_DIRECTIONS else Direction.BEFORE,
        )
        if offset.unit is TimeUnit.HOUR and offset.count is None:
            offset = DateOffset(TimeUnit.HOUR, 0, offset.direction)  # "hours later": that day
        yield _Candidate(found.start(), found.end(), OffsetDate(offset, from_anchor=direction in _ANCHORED_DIRECTIONS))
    for found in _OFFSET_IN_TIME.finditer(text):
        offset = DateOffset(UNIT_WORDS[found.group("unit").lower()], count_of(found.group("quantity")), Direction.AFTER)
        yield _Candidate(found.start(), found.end(), OffsetDate(offset, from_anchor=True))
    for found in _THE_OFFSET.finditer(text):
        relation = (found.group("relation") or "").lower()
        if found.group("det").lower() == "that" and relation != "same":
            continue
        unit_word = (found.group("unit") or found.group("unit_first")).lower()
        # Parts of a day move by days; a weekend is a week away from the next one.
        unit = {"week": TimeUnit.WEEK, "weekend": TimeUnit.WEEK, "month": TimeUnit.MONTH,
                "year": TimeUnit.YEAR}.get(unit_word, TimeUnit.DAY)  # fmt: skip
        word = relation or found.group("direction").lower()
        forward = word in ("next", "following", "after", "later", "same")
        offset = DateOffset(unit, 0 if word == "same" else 1, Direction.AFTER if forward else Direction.BEFORE)
        yield _Candidate(found.start(), found.end(), OffsetDate(offset))


def _rolling_spans(text: str) -> Iterator[_Candidate]:
    for found in _ROLLING_SPAN.finditer(text):
        relation = found.group("relation").lower()
        direction = Direction.AFTER if relation in _AHEAD_WORDS else Direction.BEFORE
        # "for the next 13 years" runs on from some past event as often as from the anchor,
        # and "the last year of his term" is a part of something else: neither is anchored.
        if direction is Direction.AFTER and found.group(0)[:3].lower() == "for":
            continue
        if _next_word(text, found.end()).lower() == "of":
            continue
        quantity = found.group("quantity")
        count = count_of(quantity) if quantity else (None if found.group("plural") else 1)
        span = RollingSpan(UNIT_WORDS[found.group("unit").lower()], count, direction)
        yield _Candidate(found.start("body"), found.end(), span)
    for found in _DAYS_AHEAD.finditer(text):
        span = RollingSpan(UNIT_WORDS[found.group("unit").lower()], None, Direction.AFTER)
        yield _Candidate(found.start("body"), found.end(), span)


# In order of preference when two candidates cover the very same span.
_RECOGNIZERS: tuple[Callable[[str], Iterator[_Candidate]], ...] = (
    _numeric_dates,
    _day_dates,
    _month_dates,
    _relative_days,
    _weekdays,
    _holidays,
    _periods,
    _rolling_spans,
    _offsets,
    _years,
)


def find_date_expressions(text: str) -> list[DateExpression]:
    """Every date expression in `text`, in text order, none overlapping another.

    Each comes with its character span (`text[start:end] == surface`) and its unresolved form;
    `DateExpression.resolve(published)` anchors it on the article's date.
    """
    if not isinstance(text, str):
        raise InvalidInputError(f"text must be a str, not {type(text).__name__}", field="text")
    candidates = [(candidate, rank) for rank, recognizer in enumerate(_RECOGNIZERS) for candidate in recognizer(text)]
    # Longest first, then leftmost, then the preferred recognizer: greedy, like a tokenizer.
    candidates.sort(key=lambda item: (item[0].start - item[0].end, item[0].start, item[1]))
    taken: list[_Candidate] = []  # kept in text order, so each check looks at two neighbours
    for candidate, _rank in candidates:
        place = bisect.bisect_left(taken, candidate.start, key=lambda kept: kept.start)
        if place > 0 and taken[place - 1].end > candidate.start:
            continue
        if place < len(taken) and taken[place].start < candidate.end:
            continue
        taken.insert(place, candidate)
    return [DateExpression(kept.start, kept.end, text[kept.start : kept.end], kept.form) for kept in taken]
