"""The one exception tree of itinerant.

    ItinerantError                      base of everything itinerant raises on purpose
     ├── InvalidInputError (ValueError) the caller sent something unusable; the message says what to fix
     │    ├── PayloadTooLargeError       the input is over a configured size limit
     │    └── UntrustedHostError         the request names a Host the service does not answer for
     ├── NotFoundError (LookupError)     an id, slug or name that names nothing
     ├── ConflictError                   the request clashes with stored state (a duplicate, a stale edit)
     ├── UnauthorizedError               the operation needs a credential the caller did not give
     ├── ForbiddenError                  the request is refused whatever its credentials (a cross-site write)
     ├── NotAcceptableError              none of the representations on offer is one the caller accepts
     │    └── FormatNotImplementedError  the caller named a format this part of itinerant does not produce
     ├── FetchError                      a page or feed could not be read from its server (the reason says why)
     │    └── FetchTimeoutError          the server did not answer in time
     ├── FetchRefusedError (InvalidInputError)  a URL itinerant will not fetch: not http(s), a private
     │                                   address, or disallowed by the site's robots.txt
     ├── NoArticleTextError (InvalidInputError) the page was read but holds no article text
     ├── GazetteerError                  the gazetteer index is missing, stale or unreadable
     │    └── GazetteerNotBuiltError     no index at the configured path: run `itinerant gazetteer build`
     └── ModelDataError                  a model file shipped with the package is unreadable

The web layer maps each class to one HTTP status in a single place (app/errors.py); the library
itself knows nothing of HTTP. Mixing in the builtin classes lets plain Python callers catch
`ValueError` or `LookupError` as they would anywhere else (the geopy pattern).
"""

from __future__ import annotations

__all__ = [
    "ItinerantError",
    "InvalidInputError",
    "PayloadTooLargeError",
    "UntrustedHostError",
    "NotFoundError",
    "ConflictError",
    "UnauthorizedError",
    "ForbiddenError",
    "NotAcceptableError",
    "FormatNotImplementedError",
    "FetchError",
    "FetchTimeoutError",
    "FetchRefusedError",
    "NoArticleTextError",
    "GazetteerError",
    "GazetteerNotBuiltError",
    "ModelDataError",
]


class ItinerantError(Exception):
    """Base class of every error itinerant raises on purpose."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        # The input field at fault, where there is one, so that an API error can name it.
        self.field = field


class InvalidInputError(ItinerantError, ValueError):
    """The input cannot be used as given; the message says what to change."""


class PayloadTooLargeError(InvalidInputError):
    """The input is larger than the configured limit."""


class UntrustedHostError(InvalidInputError):
    """A URL of the service was to be built from the request's Host, which is not one it is known by."""


class NotFoundError(ItinerantError, LookupError):
    """Nothing is stored under the given id, slug or name."""


class ConflictError(ItinerantError):
    """The request clashes with what is already stored."""


class UnauthorizedError(ItinerantError):
    """The operation needs a credential (a key) that was missing or wrong."""


class ForbiddenError(ItinerantError):
    """The request is refused whoever sends it: a write posted from another site's page."""


class NotAcceptableError(ItinerantError):
    """None of the representations on offer is acceptable to the caller; the message names them."""


class FormatNotImplementedError(NotAcceptableError):
    """The caller named a format (oEmbed's `format=xml`) that is not produced at all."""


class FetchError(ItinerantError):
    """A page or feed could not be read from its server: an error status, a broken connection, too large."""


class FetchTimeoutError(FetchError):
    """The server did not answer, or did not finish answering, in time."""


class FetchRefusedError(InvalidInputError):
    """itinerant will not fetch this URL: not http(s), a private address, or disallowed by robots.txt."""


class NoArticleTextError(InvalidInputError):
    """The page was read, but no article text could be found in it."""


class GazetteerError(ItinerantError):
    """The gazetteer index cannot be used."""


class GazetteerNotBuiltError(GazetteerError):
    """The gazetteer index has not been built at the configured path."""


class ModelDataError(ItinerantError):
    """A learned model's file (shipped in the package) is missing or malformed."""
