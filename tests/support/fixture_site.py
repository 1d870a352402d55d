"""A small web site on 127.0.0.1 for the fetch and feed tests: pages and feeds written for the tests.

`site()` yields a FixtureSite; its `pages` map a path to a Page (status, body, headers, validators,
a delay) that a test may change between requests, and `hits` records every request (path and the
conditional headers it carried), so a test can see what was asked for.
"""

from __future__ import annotations

import contextlib
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

__all__ = ["Page", "FixtureSite", "site", "article_html", "rss", "atom", "ARTICLE_TEXT", "ROBOTS"]

ROBOTS = "User-agent: *\nDisallow: /private/\n"

ARTICLE_TEXT = (
    "VLADIVOSTOK, Russia (Harbour Wire) — Kim Jong Un arrived in Vladivostok on Tuesday for talks "
    "that officials on both sides described as long awaited. His armoured train crossed the border "
    "at dawn and reached the city by noon, where a guard of honour met it on the platform."
)


def article_html(
    text: str = ARTICLE_TEXT,
    *,
    title: str = "Kim arrives in Vladivostok",
    author: str = "Ada Fernsby",
    site_name: str = "Harbour Wire",
    published: str = "2023-09-12",
) -> str:
    """A news page: navigation, the story in <article> with its metadata in <meta> tags, a footer."""
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    filler = (
        "<p>Officials said the schedule for the rest of the week had not been published, and that "
        "further meetings would be announced by the press office in the usual way.</p>"
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {site_name}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site_name}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}T08:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<main><article><h1>{title}</h1><p class="byline">By {author}</p>{paragraphs}{filler}</article></main>
<footer><p>Copyright {site_name}. All rights reserved.</p></footer>
</body></html>"""


def rss(items: list[dict], *, title: str = "Harbour Wire: World") -> str:
    """RSS 2.0; each item: guid, link, title, and optionally description and pubDate."""
    entries = "".join(
        "<item>"
        + (f'<guid isPermaLink="false">{i["guid"]}</guid>' if i.get("guid") else "")
        + f"<title>{i['title']}</title><link>{i['link']}</link>"
        + (f"<description><![CDATA[{i['description']}]]></description>" if i.get("description") else "")
        + (f"<pubDate>{i['pubDate']}</pubDate>" if i.get("pubDate") else "")
        + "</item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://example.invalid/</link><description>Test feed</description>"
        f"{entries}</channel></rss>"
    )


def atom(entries: list[dict], *, title: str = "Harbour Wire: Atom") -> str:
    """Atom 1.0; each entry: id, link, title, updated, and optionally content (HTML)."""
    body = "".join(
        f'<entry><id>{e["id"]}</id><title>{e["title"]}</title><link href="{e["link"]}"/>'
        f"<updated>{e['updated']}</updated>"
        + (f'<content type="html"><![CDATA[{e["content"]}]]></content>' if e.get("content") else "")
        + "</entry>"
        for e in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>urn:test:feed</id><updated>2023-09-12T00:00:00Z</updated>{body}</feed>"
    )


@dataclass
class Page:
    body: str | bytes = ""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: float | None = None  # a POSIX time, sent as an HTTP date
    delay: float = 0.0  # seconds to wait before answering (the slow page)
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None  # answers by itself


@dataclass
class Hit:
    path: str
    if_none_match: str | None
    if_modified_since: str | None
    user_agent: str | None
    host: str | None


class FixtureSite:
    def __init__(self) -> None:
        self.pages: dict[str, Page] = {"/robots.txt": Page(ROBOTS, content_type="text/plain")}
        self.hits: list[Hit] = []
        self.base = ""
        self.closing = threading.Event()

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def hits_of(self, path: str) -> list[Hit]:
        return [hit for hit in self.hits if hit.path == path]

    def answer(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path
        self.hits.append(
            Hit(
                path,
                request.headers.get("If-None-Match"),
                request.headers.get("If-Modified-Since"),
                request.headers.get("User-Agent"),
                request.headers.get("Host"),
            )
        )
        page = self.pages.get(path.split("?")[0])
        if page is None:
            page = Page("<h1>Not found</h1>", status=404)
        if page.delay:
            self.closing.wait(page.delay)
        if page.handler is not None:
            page.handler(request)
            return
        modified = formatdate(page.last_modified, usegmt=True) if page.last_modified is not None else None
        unchanged = (page.etag is not None and request.headers.get("If-None-Match") == page.etag) or (
            page.etag is None and modified is not None and request.headers.get("If-Modified-Since") == modified
        )
        body = page.body.encode("utf-8") if isinstance(page.body, str) else page.body
        request.send_response(304 if unchanged else page.status)
        request.send_header("Content-Type", page.content_type)
        if page.etag:
            request.send_header("ETag", page.etag)
        if modified:
            request.send_header("Last-Modified", modified)
        for name, value in page.headers.items():
            request.send_header(name, value)
        if unchanged:
            request.send_header("Content-Length", "0")
            request.end_headers()
            return
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)


@contextmanager
def site(tls: tuple[str, str] | None = None) -> Iterator[FixtureSite]:
    """The site on a free port of 127.0.0.1; with `tls` (certificate and key files) over HTTPS as `localhost`."""
    fixture = FixtureSite()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (a size cap)
                fixture.answer(self)

        def log_message(self, *args) -> None:  # quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    fixture.base = f"http://127.0.0.1:{server.server_address[1]}"
    if tls is not None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*tls)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        fixture.base = f"https://localhost:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield fixture
    finally:
        fixture.closing.set()
        server.shutdown()
        server.server_close()
        thread.join(10)
