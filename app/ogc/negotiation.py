"""Content negotiation: the `f` query parameter when given, else the Accept header (RFC 9110 section 12.5.1).

OGC API - Features lets a client pick an encoding either way; `f` wins because a link must be
able to name one encoding whatever headers the client that follows it sends.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from geo.errors import NotAcceptableError

__all__ = ["MediaRange", "parse_accept", "preferred_media_type", "negotiate"]


@dataclass(frozen=True)
class MediaRange:
    """One entry of an Accept header: `type/subtype` (either may be `*`) and its weight."""

    type: str
    subtype: str
    quality: float = 1.0

    def matches(self, media_type: str) -> bool:
        kind, _, subtype = _bare(media_type).partition("/")
        return self.type in ("*", kind) and self.subtype in ("*", subtype)

    @property
    def specificity(self) -> int:
        # A named subtype outranks `type/*`, which outranks `*/*` (RFC 9110 section 12.5.1).
        return (self.type != "*") + (self.subtype != "*")


def _bare(media_type: str) -> str:
    """`application/json; charset=utf-8` -> `application/json`, lower case."""
    return media_type.split(";", 1)[0].strip().lower()


def parse_accept(header: str) -> list[MediaRange]:
    """The media ranges of an Accept header; entries that are not `type/subtype` are skipped."""
    ranges = []
    for entry in header.split(","):
        media_type, *parameters = entry.split(";")
        kind, slash, subtype = media_type.strip().lower().partition("/")
        if not slash or not kind or not subtype:
            continue
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    quality = 0.0  # a weight nobody can read is no permission
        ranges.append(MediaRange(kind, subtype, quality))
    return ranges


def preferred_media_type(offered: Sequence[str], accept: str | None) -> str | None:
    """The offered type the client weighs highest, the server's order breaking ties; None when none is acceptable.

    A type's weight is that of the most specific range matching it, so
    `text/html, */*;q=0.1` still accepts JSON, and `application/json;q=0, */*` does not.
    """
    if not offered:
        return None
    if accept is None or not accept.strip():
        return offered[0]
    ranges = parse_accept(accept)
    if not ranges:
        return offered[0]
    best, best_quality = None, 0.0
    for media_type in offered:
        matching = [r for r in ranges if r.matches(media_type)]
        if not matching:
            continue
        quality = max(matching, key=lambda r: r.specificity).quality
        if quality > best_quality:
            best, best_quality = media_type, quality
    return best


def negotiate(formats: Mapping[str, str], f: str | None, accept: str | None) -> str:
    """The media type to answer with, from `f` (a key of `formats`) or the Accept header.

    `formats` maps each `f` value to its media type, the server's preferred first.
    Raises NotAcceptableError when Accept rules out every one.
    """
    if f is not None:
        return formats[f]
    offered = list(dict.fromkeys(formats.values()))
    chosen = preferred_media_type(offered, accept)
    if chosen is None:
        raise NotAcceptableError(
            f"Accept: {accept or ''!r} allows none of {', '.join(offered)}; ask for one of them or use ?f="
        )
    return chosen
