"""A fetched web page to an article: its main text and what the page says of itself (trafilatura).

Nothing here touches the network: trafilatura is given the page's bytes, never a URL to fetch.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from geo.errors import NoArticleTextError

__all__ = ["PageArticle", "read_page", "html_to_text", "dateline_of"]

# "VLADIVOSTOK, Russia (AP) —" or "GENEVA —" at the head of a story: the place it was filed from.
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’\- ]{1,40}[A-Z.](?:,\s*[A-Z][\w.'’\- ]{1,40}?)?)\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s"
)


@dataclass(frozen=True)
class PageArticle:
    text: str
    title: str | None = None
    author: str | None = None
    site_name: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    url: str | None = None  # the page's own canonical URL, where it names one


def _clip(value: str | None, limit: int) -> str | None:
    if not value:
        return None
    value = " ".join(value.split()).replace("\x00", "")
    return value[:limit] or None


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def dateline_of(text: str) -> str | None:
    """The dateline a story opens with ("VLADIVOSTOK, Russia"), if it has one."""
    match = _DATELINE.match(text)
    return _clip(match.group("place"), 200) if match else None


def read_page(content: bytes | str, url: str | None = None) -> PageArticle:
    """The article in an HTML page; NoArticleTextError when the page holds none."""
    import trafilatura

    document = trafilatura.bare_extraction(
        content,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
    )
    text = (document.text or "").replace("\x00", "").strip() if document is not None else ""
    title = _clip(document.title, 500) if document is not None else None
    head, _newline, rest = text.partition("\n")
    if title and rest.strip() and " ".join(head.split()).casefold() == title.casefold():
        text = rest.strip()  # the headline is the title, not the story's first line
    if not text:
        raise NoArticleTextError(f"no article text was found in {url or 'the page'}", field="url")
    return PageArticle(
        text=text,
        title=title,
        author=_clip(document.author, 200),
        site_name=_clip(document.sitename, 200),
        published=_date(document.date),
        dateline=dateline_of(text),
        url=document.url,
    )


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed item's content), paragraphs kept apart."""
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml's parser errors are many; a broken fragment is read as text
        return fragment.strip()
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n\n" + (block.tail or "") if block.tag != "br" else "\n" + (block.tail or "")
    lines = [" ".join(line.split()) for line in root.text_content().split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
