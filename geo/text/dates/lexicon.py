"""The words of English news dates: month and weekday names, counts and units of time.

Names are matched case-sensitively (a month or weekday is a proper noun in edited English, which is
what keeps the modal verb "may" and the verb "march" out); everything else is matched with its first
letter in either case, since it may open a sentence.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "POSSESSIVE_SAFE_MONTHS",
    "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS",
    "NUMBER_WORDS",
    "UNCOUNTED_QUANTITIES",
    "TimeUnit",
    "UNIT_WORDS",
    "alternation",
    "count_of",
]

MONTHS: dict[str, int] = {
    "January": 1,
    "February": 2,
    "March": 3,
    "April": 4,
    "May": 5,
    "June": 6,
    "July": 7,
    "August": 8,
    "September": 9,
    "October": 10,
    "November": 11,
    "December": 12,
}

# AP style abbreviates months before a day ("Sept. 15"); wire datelines drop the period ("Sep 15").
MONTH_ABBREVIATIONS: dict[str, int] = {
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sept": 9,
    "Sep": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}

# Month names that are not also common given names or verbs, so "October's election" is safe to
# read as a date without any other cue, while "April's father" or "May's government" is not.
POSSESSIVE_SAFE_MONTHS: frozenset[str] = frozenset(
    {"January", "February", "July", "September", "October", "November", "December"}
)

WEEKDAYS: dict[str, int] = {
    "Monday": 0,
    "Tuesday": 1,
    "Wednesday": 2,
    "Thursday": 3,
    "Friday": 4,
    "Saturday": 5,
    "Sunday": 6,
}

# Only ever read in front of a calendar date ("Sat, Sep 16"): alone, "Sun" is a newspaper or a
# star and "Sat" a verb.
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "Mon": 0,
    "Tues": 1,
    "Tue": 1,
    "Wed": 2,
    "Thurs": 3,
    "Thur": 3,
    "Thu": 3,
    "Fri": 4,
    "Sat": 5,
    "Sun": 6,
}

_ONES = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

NUMBER_WORDS: dict[str, int] = {word: value for value, word in enumerate(_ONES, start=1)}
NUMBER_WORDS.update({word: 10 * value for value, word in enumerate(_TENS, start=2)})
for _tens_value, _tens_word in enumerate(_TENS, start=2):
    for _one_value, _one_word in enumerate(_ONES[:9], start=1):
        NUMBER_WORDS[f"{_tens_word}-{_one_word}"] = 10 * _tens_value + _one_value
NUMBER_WORDS.update({"a": 1, "an": 1, "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12})

# Quantities that say "more than one" without saying how many: the offset's size stays unknown.
UNCOUNTED_QUANTITIES: frozenset[str] = frozenset({"a few", "few", "several", "some", "many"})


class TimeUnit(StrEnum):
    """A unit of an offset or a rolling span of time."""

    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    FORTNIGHT = "fortnight"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"


UNIT_WORDS: dict[str, TimeUnit] = {unit.value: unit for unit in TimeUnit}


def alternation(words: object) -> str:
    """A regex alternation of `words`, longest first so that 'Sept' is tried before 'Sep'."""
    return "|".join(sorted((str(w).replace(" ", r"\s+") for w in words), key=len, reverse=True))


def count_of(quantity: str | None) -> int | None:
    """The number a quantity word or numeral stands for; None when it gives no number."""
    if quantity is None:
        return None
    words = " ".join(quantity.lower().split())
    if words.isdigit():
        return int(words)
    return NUMBER_WORDS.get(words)
