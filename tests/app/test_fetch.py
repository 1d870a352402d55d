"""Articles by URL (app/fetch.py, app/webpage.py, app/url_ingest.py) against a local fixture site.

The site runs on 127.0.0.1, which the service refuses to fetch unless told otherwise: these tests
let loopback in (ITINERANT_FETCH_ALLOW_PRIVATE's setting, or the fetcher's test-only allowed
networks), and one group proves that without that, loopback and private addresses are refused,
directly and through a redirect.
"""

from __future__ import annotations

import ipaddress
import shutil
import socket
import ssl
import subprocess

import pytest
from fixture_site import ARTICLE_TEXT, Page, article_html, site
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from app import cli, models
from app.fetch import Fetcher, normalise_url
from app.settings import Settings
from app.webpage import dateline_of, html_to_text, read_page
from geo.errors import FetchError, FetchRefusedError, FetchTimeoutError, InvalidInputError, NoArticleTextError

LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"),)


@pytest.fixture
def web():
    with site() as fixture:
        fixture.pages["/news/kim.html"] = Page(article_html())
        fixture.pages["/moved"] = Page(status=301, headers={"Location": "/news/kim.html"})
        fixture.pages["/hop1"] = Page(status=302, headers={"Location": "/moved"})
        fixture.pages["/loop"] = Page(status=302, headers={"Location": "/loop"})
        fixture.pages["/broken"] = Page("<h1>oops</h1>", status=500)
        fixture.pages["/slow"] = Page(article_html(), delay=30)
        fixture.pages["/huge"] = Page("<p>" + "x" * 50_000 + "</p>")
        fixture.pages["/empty"] = Page("<html><body></body></html>")
        fixture.pages["/picture.png"] = Page(b"\x89PNG....", content_type="image/png")
        fixture.pages["/private/secret.html"] = Page(article_html())
        yield fixture


def fetcher(**options) -> Fetcher:
    return Fetcher(**{"max_bytes": 20_000, "timeout": 5, "allowed_networks": LOOPBACK, **options})


def count_articles(engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(models.Article)).one()


# -- URLs' identity ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("HTTPS://News.Example.ORG/a/b?x=1#top", "https://news.example.org/a/b?x=1"),
        ("https://news.example.org:443/a?utm_source=rss&utm_medium=feed&id=7", "https://news.example.org/a?id=7"),
        ("http://news.example.org:8080", "http://news.example.org:8080/"),
        ("https://news.example.org/a?b=2&a=1&fbclid=XYZ", "https://news.example.org/a?a=1&b=2"),
        ("https://user:pw@news.example.org/a", "https://news.example.org/a"),
    ],
)
def test_a_url_is_known_by_its_normalised_key(url, key):
    assert normalise_url(url) == key


@pytest.mark.parametrize("url", ["ftp://example.org/a", "file:///etc/passwd", "javascript:alert(1)", "/relative"])
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(FetchRefusedError, match="only http and https"):
        fetcher().fetch(url)


def test_a_url_without_a_host_or_with_a_bad_port_is_invalid():
    with pytest.raises(InvalidInputError):
        normalise_url("http:///path")
    with pytest.raises(InvalidInputError):
        normalise_url("http://example.org:99999/")


# -- fetching ---------------------------------------------------------------------------------


def test_a_page_is_fetched_through_redirects_by_a_named_client(web):
    fetched = fetcher().fetch(web.url("/hop1"))
    assert fetched.status == 200 and fetched.url == web.url("/news/kim.html")
    assert b"Vladivostok" in fetched.content
    [page_hit] = web.hits_of("/news/kim.html")
    assert page_hit.user_agent.startswith("itinerant/")
    assert page_hit.host == web.base.removeprefix("http://")
    assert len(web.hits_of("/robots.txt")) == 1  # read once, kept for the site


def test_too_many_redirects_are_an_error(web):
    with pytest.raises(FetchError, match="redirects more than 2 times"):
        fetcher(max_redirects=2).fetch(web.url("/loop"))
    assert len(web.hits_of("/loop")) == 3


@pytest.mark.parametrize(("path", "reason"), [("/nowhere", "404 Not Found"), ("/broken", "500 Internal Server Error")])
def test_an_error_status_is_a_fetch_error_naming_it(web, path, reason):
    with pytest.raises(FetchError, match=reason):
        fetcher().fetch(web.url(path))


def test_a_slow_page_times_out(web):
    with pytest.raises(FetchTimeoutError, match="did not answer within"):
        fetcher(timeout=0.3).fetch(web.url("/slow"))


def test_a_page_over_the_size_cap_is_refused_declared_or_streamed(web):
    def undeclared(request):
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Connection", "close")
        request.end_headers()
        request.close_connection = True
        for _ in range(50):
            request.wfile.write(b"<p>" + b"y" * 1000 + b"</p>")

    web.pages["/streamed"] = Page(handler=undeclared)
    with pytest.raises(FetchError, match="50007 bytes, over the limit of 20000"):
        fetcher().fetch(web.url("/huge"))
    with pytest.raises(FetchError, match="over the limit of 20000 bytes"):
        fetcher().fetch(web.url("/streamed"))


def test_robots_txt_is_obeyed(web):
    with pytest.raises(FetchRefusedError, match=r"robots\.txt does not allow"):
        fetcher().fetch(web.url("/private/secret.html"))
    assert web.hits_of("/private/secret.html") == []


def test_a_site_whose_robots_txt_fails_is_left_alone(web):
    web.pages["/robots.txt"] = Page("down", status=503)
    with pytest.raises(FetchError, match=r"robots\.txt answered 503"):
        fetcher().fetch(web.url("/news/kim.html"))
    assert web.hits_of("/news/kim.html") == []


def test_a_missing_robots_txt_allows_everything(web):
    del web.pages["/robots.txt"]
    assert fetcher().fetch(web.url("/private/secret.html")).status == 200


def test_validators_make_an_unchanged_page_a_304(web):
    web.pages["/feed.xml"] = Page("<rss/>", content_type="application/rss+xml", etag='"v1"')
    first = fetcher().fetch(web.url("/feed.xml"))
    assert first.etag == '"v1"' and not first.not_modified
    again = fetcher().fetch(web.url("/feed.xml"), etag=first.etag)
    assert again.not_modified and again.content == b""
    assert web.hits_of("/feed.xml")[-1].if_none_match == '"v1"'


# -- private addresses ------------------------------------------------------------------------


def test_loopback_is_refused_without_the_allowance_and_nothing_is_asked(web):
    strict = Fetcher(max_bytes=20_000, timeout=5)
    port = web.base.rsplit(":", 1)[1]
    for url in (web.url("/news/kim.html"), f"http://localhost:{port}/news/kim.html"):
        with pytest.raises(FetchRefusedError, match="ITINERANT_FETCH_ALLOW_PRIVATE"):
            strict.fetch(url)
    assert web.hits == []
    assert Settings(_env_file=None).fetch_allow_private is False
    assert Fetcher.from_settings(Settings(_env_file=None)).allow_private is False


@pytest.mark.parametrize(
    "location",
    ["http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://192.168.0.1/admin", "http://[::1]/"],
)
def test_a_redirect_to_a_private_address_is_refused_before_it_is_followed(web, location):
    web.pages["/to-private"] = Page(status=302, headers={"Location": location})
    with pytest.raises(FetchRefusedError, match="private, loopback or reserved"):
        fetcher().fetch(web.url("/to-private"))


# -- extraction -------------------------------------------------------------------------------


def test_the_main_text_and_metadata_are_read_from_a_page():
    page = read_page(article_html().encode("utf-8"), "http://news.test/kim")
    assert page.text.startswith("VLADIVOSTOK, Russia (Harbour Wire) — Kim Jong Un arrived")
    assert "Home" not in page.text and "All rights reserved" not in page.text and "By Ada" not in page.text
    assert (page.title, page.author, page.site_name) == ("Kim arrives in Vladivostok", "Ada Fernsby", "Harbour Wire")
    assert page.published.isoformat() == "2023-09-12"
    assert page.dateline == "VLADIVOSTOK, Russia"


def test_a_page_without_text_has_no_article():
    with pytest.raises(NoArticleTextError):
        read_page(b"<html><body></body></html>", "http://news.test/empty")


def test_extraction_never_touches_the_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("extraction tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    page = read_page(article_html(published="2021-03-04").encode(), "http://news.test/kim?utm_source=x")
    assert page.published.isoformat() == "2021-03-04"


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("GENEVA — Talks resumed.", "GENEVA"),
        ("SAN JUAN, Puerto Rico (AP) -- A storm.", "SAN JUAN, Puerto Rico"),
        ("Talks resumed in Geneva — on Monday.", None),
    ],
)
def test_datelines(text, dateline):
    assert dateline_of(text) == dateline


def test_html_fragments_become_text_with_paragraphs():
    assert html_to_text("<p>One <b>two</b>.</p><p>Three.</p>") == "One two.\n\nThree."
    assert html_to_text("plain words") == "plain words"


# -- the API, the form and the command --------------------------------------------------------


@pytest.fixture
def url_client(make_client):
    return make_client(fetch_allow_private=True, max_body_bytes=20_000, fetch_timeout_seconds=2)


def test_post_a_url_stores_the_page_as_an_article(url_client, web):
    response = url_client.post("/api/articles", json={"url": web.url("/hop1?utm_source=feed")})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["text"].startswith(ARTICLE_TEXT)
    assert body["url"] == web.url("/news/kim.html")
    assert (body["title"], body["author"], body["source"]) == (
        "Kim arrives in Vladivostok",
        "Ada Fernsby",
        "Harbour Wire",
    )
    assert (body["published"], body["dateline"]) == ("2023-09-12", "VLADIVOSTOK, Russia")
    assert "Vladivostok" in [m["surface"] for m in body["mentions"]]


def test_the_callers_metadata_wins_over_the_page(url_client, web):
    given = {"url": web.url("/news/kim.html"), "title": "Given title", "published": "2024-01-02", "source": "Desk"}
    body = url_client.post("/api/articles", json=given).json()
    assert (body["title"], body["published"], body["source"]) == ("Given title", "2024-01-02", "Desk")
    assert body["author"] == "Ada Fernsby"


def test_the_same_url_or_the_same_text_is_one_article(url_client, web, engine):
    first = url_client.post("/api/articles", json={"url": web.url("/news/kim.html")}).json()
    hits = len(web.hits)
    spelled = web.url("/news/kim.html").replace("http://", "HTTP://") + "?utm_campaign=x#comments"
    again = url_client.post("/api/articles", json={"url": spelled})
    assert again.status_code == 200 and again.json()["id"] == first["id"]
    assert len(web.hits) == hits  # known by its URL: not fetched again
    web.pages["/mirror/kim.html"] = Page(article_html())
    mirror = url_client.post("/api/articles", json={"url": web.url("/mirror/kim.html")})
    assert mirror.status_code == 200 and mirror.json()["id"] == first["id"]
    assert count_articles(engine) == 1


@pytest.mark.parametrize(
    ("path", "status", "error", "words"),
    [
        ("/nowhere", 502, "bad gateway", "404 Not Found"),
        ("/broken", 502, "bad gateway", "500 Internal Server Error"),
        ("/huge", 502, "bad gateway", "over the limit"),
        ("/slow", 504, "gateway timeout", "did not answer"),
        ("/empty", 422, "no article text", "no article text"),
        ("/picture.png", 422, "no article text", "image/png, not an HTML page"),
        ("/private/secret.html", 422, "fetch refused", "robots.txt"),
    ],
)
def test_a_page_that_cannot_be_read_is_a_clear_error_and_nothing_is_stored(
    url_client, web, engine, path, status, error, words
):
    response = url_client.post("/api/articles", json={"url": web.url(path)})
    assert response.status_code == status, response.text
    assert response.json()["error"] == error and words in response.json()["detail"]
    assert count_articles(engine) == 0


def test_the_service_refuses_loopback_unless_allowed(make_client, web, engine):
    response = make_client().post("/api/articles", json={"url": web.url("/news/kim.html")})
    assert response.status_code == 422
    assert response.json()["error"] == "fetch refused" and response.json()["field"] == "url"
    assert web.hits == [] and count_articles(engine) == 0


def test_the_ingest_form_takes_a_url(url_client, web):
    response = url_client.post("/ingest", data={"url": web.url("/news/kim.html")}, follow_redirects=False)
    assert response.status_code == 303, response.text
    page = url_client.get(response.headers["location"])
    assert "Kim arrives in Vladivostok" in page.text
    failed = url_client.post("/ingest", data={"url": web.url("/nowhere")})
    assert failed.status_code == 502
    assert "URL could not be read" in failed.text and "404 Not Found" in failed.text


def test_the_command_ingests_urls_and_files(engine, tmp_path, monkeypatch, web):
    from app_fixtures import SOCHI, VLADIVOSTOK
    from pipelines import pipeline

    from app.services import Services

    services = Services(
        Settings(data_dir=tmp_path, fetch_allow_private=True, _env_file=None),
        engine,
        gazetteer_factory=lambda _s: None,
        pipeline_factory=lambda _s, _g: pipeline({"Vladivostok": VLADIVOSTOK, "Sochi": SOCHI}),
    )
    monkeypatch.setattr(cli, "_services", lambda: services)
    (tmp_path / "one.txt").write_text("Kim flew on to Sochi.", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(
        cli.app, ["ingest", web.url("/news/kim.html"), str(tmp_path / "one.txt"), web.url("/nowhere")]
    )
    assert result.exit_code == 0, result.output
    assert f"stored {web.url('/news/kim.html')}: article" in result.output
    assert "404 Not Found" in result.output
    assert count_articles(engine) == 2


# -- HTTPS ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for localhost, made with the openssl command (skipped without it)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("the openssl command is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    request = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost"]
    subprocess.run(
        [openssl, *request, "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return str(cert), str(key)


def test_an_https_page_is_read_with_its_certificate_checked_against_the_host_name(certificate):
    with site(tls=certificate) as web:
        web.pages["/story.html"] = Page(article_html())
        trusting = fetcher(verify=ssl.create_default_context(cafile=certificate[0]))
        fetched = trusting.fetch(web.url("/story.html"))
        assert fetched.status == 200 and b"Kim Jong Un arrived in Vladivostok" in fetched.content
        # The connection went to the checked address, the request named the host.
        assert web.hits_of("/story.html")[-1].host == web.base.removeprefix("https://")
        assert web.hits_of("/robots.txt")  # robots.txt is read over HTTPS too


def test_an_https_certificate_that_is_not_trusted_is_refused(certificate):
    with site(tls=certificate) as web:
        web.pages["/story.html"] = Page(article_html())
        with pytest.raises(FetchError, match="could not be read"):
            fetcher().fetch(web.url("/story.html"))
        assert not web.hits_of("/story.html")
