"""A date expression found in text: its span, its unresolved form, and how to anchor it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from geo.errors import InvalidInputError
from geo.model import DateInterval
from geo.text.dates.forms import DateForm, DateOffset, OffsetDate

__all__ = ["DateExpression", "resolve_relative"]


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A span of text that names a date or a stretch of time, with what it says (`form`)."""

    start: int
    end: int
    surface: str
    form: DateForm

    @property
    def offset(self) -> DateOffset | None:
        """The offset, for expressions such as 'two months after' or 'two years ago'; else None."""
        return self.form.offset if isinstance(self.form, OffsetDate) else None

    @property
    def needs_reference(self) -> bool:
        """True when the date is an offset from some other event ('three days later'), which
        `resolve` cannot place: pass that event's date to `resolve_relative`."""
        return isinstance(self.form, OffsetDate) and not self.form.from_anchor

    def resolve(self, anchor: date, *, future: bool = False) -> DateInterval:
        """The interval meant, read from the article's published date `anchor`.

        `future` says the sentence speaks of what is to come ("will visit on Tuesday"): bare
        weekdays, months and days then point forward from the anchor instead of back. An
        expression that `needs_reference` resolves to an UNKNOWN interval, and so does one that
        would fall outside the calendar (years 1 to 9999: "next Monday" from 9999-12-31).
        """
        try:
            return self.form.resolve(anchor, future)
        except (OverflowError, ValueError) as error:
            if isinstance(error, InvalidInputError):
                raise
            return DateInterval()


def resolve_relative(expression: DateExpression, reference: DateInterval, *, invert: bool = False) -> DateInterval:
    """The interval `expression`'s offset away from `reference`.

    Reads the offset as written: 'two months before' April 2019 is February 2019. When the text
    says "A came two months after B" and `reference` is A's date, B's date is the offset taken the
    other way: pass `invert=True`. Precision follows `DateOffset.shift`.
    """
    offset = expression.offset
    if offset is None:
        raise InvalidInputError(
            f"{expression.surface!r} is not an offset such as 'two months after'", field="expression"
        )
    try:
        return offset.shift(reference, invert=invert)
    except (OverflowError, ValueError) as error:  # beyond the calendar's years 1 to 9999
        if isinstance(error, InvalidInputError):
            raise
        return DateInterval()
