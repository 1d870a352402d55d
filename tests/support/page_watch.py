"""What a browser page did besides what a test looked at: the browser tests' `page` fixture fills it."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

__all__ = ["PageWatch"]


@dataclass
class PageWatch:
    """Requests, console errors, uncaught errors and dialogs of a page; hosts it may ask."""

    allowed_hosts: set[str]
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        local = ("data", "blob", "about")
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in local and urlsplit(url).netloc not in self.allowed_hosts
        ]
