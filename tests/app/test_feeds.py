"""Feeds (app/feeds.py, app/routes/feeds.py, `itinerant feeds` and `watch`) against a local fixture site.

The site on 127.0.0.1 is let in by ITINERANT_FETCH_ALLOW_PRIVATE's setting (test_fetch.py proves
that without it, loopback is refused). Time is the watcher's clock, moved by hand.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from app_fixtures import SOCHI, VLADIVOSTOK
from fixture_site import Page, article_html, atom, rss, site
from pipelines import pipeline
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from app import cli, models
from app.feeds import MAX_ITEM_FAILURES, Watcher, add_feed, parse_feed
from app.fetch import Fetcher
from app.services import Services
from app.settings import Settings
from geo.errors import FetchError

STORY = {
    "a": "MOSCOW — Kim Jong Un met officials in Vladivostok on Monday to discuss rail links across the border.",
    "b": "SOCHI, Russia — Kim Jong Un flew on to Sochi, where he toured the port and a shipyard on the coast.",
    "c": "SEOUL — Officials said talks on the rail links would resume in Vladivostok before the end of the month.",
}


class Clock:
    def __init__(self) -> None:
        # A moment after the feeds of a test are added: they are due at once.
        self.now = models.utcnow() + dt.timedelta(seconds=5)

    def __call__(self) -> dt.datetime:
        return self.now

    def later(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def items(web, *keys, updated: dict | None = None) -> list[dict]:
    updated = updated or {}
    return [
        {
            "guid": f"urn:story:{key}",
            "link": web.url(f"/story/{key}.html"),
            "title": f"Story {key}" + (" (updated)" if key in updated else ""),
            "description": f"<p>{STORY[key]}</p>",
            "pubDate": updated.get(key, "Tue, 12 Sep 2023 08:00:00 GMT"),
        }
        for key in keys
    ]


@pytest.fixture
def web():
    with site() as fixture:
        for key, text in STORY.items():
            fixture.pages[f"/story/{key}.html"] = Page(article_html(text, title=f"Story {key}"))
        yield fixture


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def watcher(engine, clock):
    fetcher = Fetcher(max_bytes=200_000, timeout=5, allow_private=True)
    return Watcher(engine, pipeline({"Vladivostok": VLADIVOSTOK, "Sochi": SOCHI}), fetcher, clock=clock)


def follow(engine, url: str, interval: int = 600) -> int:
    with Session(engine) as session:
        return add_feed(session, url, None, interval).id


def count(engine, table) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(table)).one()


def feed_row(engine, feed_id: int) -> models.Feed:
    with Session(engine) as session:
        return session.get(models.Feed, feed_id)


# -- reading feeds ----------------------------------------------------------------------------


def test_rss_atom_and_json_feed_entries_are_read():
    title, [entry] = parse_feed(
        rss(
            [{"guid": "g1", "link": "http://n.test/1", "title": "One", "pubDate": "Tue, 12 Sep 2023 08:00:00 GMT"}]
        ).encode()
    )
    assert (title, entry.url, entry.title, entry.published.isoformat()) == (
        "Harbour Wire: World",
        "http://n.test/1",
        "One",
        "2023-09-12",
    )
    _title, [entry] = parse_feed(
        atom(
            [
                {
                    "id": "urn:x",
                    "link": "http://n.test/2",
                    "title": "Two",
                    "updated": "2023-09-13T00:00:00Z",
                    "content": "<p>Hi</p>",
                }
            ]
        ).encode()
    )
    assert (entry.url, entry.published.isoformat(), entry.content) == ("http://n.test/2", "2023-09-13", "<p>Hi</p>")
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON wire",
        "items": [
            {
                "id": "3",
                "url": "http://n.test/3",
                "title": "Three",
                "content_text": "Words.",
                "date_published": "2023-09-14T10:00:00Z",
            }
        ],
    }
    title, [entry] = parse_feed(json.dumps(document).encode(), "application/feed+json")
    assert (title, entry.url, entry.content, entry.published.isoformat()) == (
        "JSON wire",
        "http://n.test/3",
        "Words.",
        "2023-09-14",
    )


def test_an_entry_is_known_by_its_id_and_changes_its_version_when_updated():
    [first] = parse_feed(rss([{"guid": "g", "link": "http://n.test/1", "title": "One"}]).encode())[1]
    [moved] = parse_feed(rss([{"guid": "g", "link": "http://n.test/other", "title": "One"}]).encode())[1]
    [edited] = parse_feed(rss([{"guid": "g", "link": "http://n.test/1", "title": "One, updated"}]).encode())[1]
    assert first.key == moved.key == edited.key and first.version != edited.version


@pytest.mark.parametrize("junk", [b"<html><body>not a feed</body></html>", b'{"items": 3}', b"{broken"])
def test_what_is_not_a_feed_is_a_fetch_error(junk):
    with pytest.raises(FetchError, match="not a feed"):
        parse_feed(junk)


# -- the API and the pages --------------------------------------------------------------------


def test_feeds_are_added_listed_and_removed(client):
    created = client.post("/api/feeds", json={"url": "https://news.example.org/rss", "title": "World", "interval": 300})
    assert created.status_code == 201, created.text
    feed = created.json()
    assert (feed["title"], feed["interval"], feed["items"], feed["last_polled_at"]) == ("World", 300, 0, None)
    again = client.post("/api/feeds", json={"url": "HTTPS://NEWS.example.org/rss#x"})
    assert again.status_code == 409
    assert client.post("/api/feeds", json={"url": "https://n.example.org/", "interval": 5}).status_code == 422
    assert client.post("/api/feeds", json={"url": "ftp://n.example.org/"}).status_code == 422
    listed = client.get("/api/feeds").json()
    assert listed["total"] == 1 and listed["items"][0]["url"] == "https://news.example.org/rss"
    assert client.delete(f"/api/feeds/{feed['id']}").status_code == 204
    assert client.delete(f"/api/feeds/{feed['id']}").status_code == 404
    assert client.get("/api/feeds").json()["total"] == 0


def test_writing_feeds_needs_the_key_when_the_service_has_one(make_client):
    locked = make_client(api_key="s3cret")
    assert locked.post("/api/feeds", json={"url": "https://news.example.org/rss"}).status_code == 401
    ok = locked.post("/api/feeds", json={"url": "https://news.example.org/rss"}, headers={"X-API-Key": "s3cret"})
    assert ok.status_code == 201
    assert locked.delete(f"/api/feeds/{ok.json()['id']}").status_code == 401


def test_the_feeds_page_follows_and_stops_following_a_feed(client):
    followed = client.post(
        "/feeds", data={"url": "https://news.example.org/rss", "title": "World", "interval_minutes": "30"}
    )
    assert followed.status_code == 200 and str(followed.url).endswith("/feeds")  # the 303 back to the list
    [feed] = client.get("/api/feeds").json()["items"]
    assert (feed["title"], feed["interval"]) == ("World", 1800)
    assert "https://news.example.org/rss" in followed.text
    again = client.post("/feeds", data={"url": "https://NEWS.example.org/rss"})
    assert again.status_code == 409 and "stored already" in again.text
    removed = client.post(f"/feeds/{feed['id']}/remove")
    assert removed.status_code == 200 and client.get("/api/feeds").json()["total"] == 0


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({"url": ""}, "url", "Feed URL"),
        ({"url": "ftp://news.example.org/rss"}, "url", "Feed URL"),
        ({"url": "https://news.example.org/rss", "interval_minutes": "0"}, "interval_minutes", "from 1 to 10080"),
        ({"url": "https://news.example.org/rss", "interval_minutes": "soon"}, "interval_minutes", "whole number"),
    ],
)
def test_the_feeds_page_says_what_to_fix_and_stores_nothing(client, form, field, message):
    answer = client.post("/feeds", data=form)
    assert answer.status_code == 422
    assert f'id="e-{field}"' in answer.text and message in answer.text
    assert client.get("/api/feeds").json()["total"] == 0


def test_the_feeds_page_needs_the_key_when_the_service_has_one(make_client):
    locked = make_client(api_key="s3cret")
    assert 'name="api_key"' in locked.get("/feeds").text
    refused = locked.post("/feeds", data={"url": "https://news.example.org/rss"})
    assert refused.status_code == 401 and locked.get("/api/feeds").json()["total"] == 0
    taken = locked.post("/feeds", data={"url": "https://news.example.org/rss", "api_key": "s3cret"})
    assert taken.status_code == 200
    [feed] = locked.get("/api/feeds").json()["items"]
    assert locked.post(f"/feeds/{feed['id']}/remove").status_code == 401
    assert locked.post(f"/feeds/{feed['id']}/remove", data={"api_key": "s3cret"}).status_code == 200
    assert locked.get("/api/feeds").json()["total"] == 0


def test_a_feed_title_on_the_page_is_escaped(client):
    client.post("/feeds", data={"url": "https://news.example.org/rss", "title": "<script>alert(1)</script>"})
    page = client.get("/feeds").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


# -- polling ----------------------------------------------------------------------------------


def test_a_feed_polled_twice_stores_each_item_once_and_asks_with_its_etag(engine, web, watcher, clock):
    web.pages["/feed.xml"] = Page(rss(items(web, "a", "b")), content_type="application/rss+xml", etag='"1"')
    feed_id = follow(engine, web.url("/feed.xml"))
    [report] = watcher.poll_due()
    assert [(i.verdict, i.label) for i in report.items] == [
        ("stored", web.url("/story/a.html")),
        ("stored", web.url("/story/b.html")),
    ]
    with Session(engine) as session:
        stored = session.exec(select(models.Article).order_by(models.Article.id)).all()
        assert [a.title for a in stored] == ["Story a", "Story b"]
        assert stored[0].text.startswith("MOSCOW — Kim Jong Un met officials")
    assert watcher.poll_due() == []  # not due yet
    clock.later(601)
    [again] = watcher.poll_due()
    assert again.status == "unchanged"
    assert web.hits_of("/feed.xml")[-1].if_none_match == '"1"'
    # The feed changes without its etag being honoured: every item is still stored once.
    web.pages["/feed.xml"].etag = '"2"'
    clock.later(601)
    [third] = watcher.poll_due()
    assert [i.verdict for i in third.items] == ["skipped", "skipped"]
    assert count(engine, models.Article) == 2 and count(engine, models.FeedItem) == 2
    row = feed_row(engine, feed_id)
    assert row.etag == '"2"' and row.title == "Harbour Wire: World" and row.errors_in_a_row == 0


def test_last_modified_is_sent_back(engine, web, watcher, clock):
    web.pages["/feed.xml"] = Page(rss(items(web, "a")), content_type="application/rss+xml", last_modified=1_694_505_600)
    follow(engine, web.url("/feed.xml"))
    watcher.poll_due()
    clock.later(601)
    [again] = watcher.poll_due()
    assert again.status == "unchanged"
    assert web.hits_of("/feed.xml")[-1].if_modified_since == "Tue, 12 Sep 2023 08:00:00 GMT"


def test_new_repeated_and_updated_items(engine, web, watcher, clock):
    web.pages["/feed.xml"] = Page(rss(items(web, "a", "b")), content_type="application/rss+xml")
    follow(engine, web.url("/feed.xml"))
    watcher.poll_due()
    # Next read: c is new, a is repeated, b was updated (its page too), and a second entry points at a's page.
    web.pages["/story/b.html"] = Page(article_html(STORY["b"] + " Later he sailed for Vladivostok.", title="Story b"))
    twin = {"guid": "urn:story:a-again", "link": web.url("/story/a.html?utm_source=feed"), "title": "Story a again"}
    web.pages["/feed.xml"].body = rss(
        [*items(web, "c", "a"), *items(web, "b", updated={"b": "Wed, 13 Sep 2023 09:00:00 GMT"}), twin]
    )
    clock.later(601)
    [report] = watcher.poll_due()
    verdicts = {i.label: (i.verdict, i.reason) for i in report.items}
    assert verdicts[web.url("/story/c.html")][0] == "stored"
    assert verdicts[web.url("/story/a.html")] == ("skipped", "read before")
    assert verdicts[web.url("/story/b.html")][0] == "updated"
    assert verdicts[twin["link"]][0] == "duplicate"
    assert count(engine, models.Article) == 3
    with Session(engine) as session:
        b = session.exec(select(models.Article).where(models.Article.title == "Story b (updated)")).one()
        assert "Later he sailed for Vladivostok." in b.text
        assert {m.surface for m in session.exec(select(models.Mention).where(models.Mention.article_id == b.id))} == {
            "Sochi",
            "Vladivostok",
        }


def test_an_item_whose_page_cannot_be_read_is_stored_from_the_feeds_content(engine, web, watcher):
    entry = {
        "guid": "urn:gone",
        "link": web.url("/story/gone.html"),
        "title": "Gone",
        "description": f"<p>{STORY['c']}</p>",
    }
    bare = {"guid": "urn:bare", "link": web.url("/story/also-gone.html"), "title": "Bare"}
    web.pages["/feed.xml"] = Page(rss([entry, bare]), content_type="application/rss+xml")
    follow(engine, web.url("/feed.xml"))
    [report] = watcher.poll_due()
    [from_feed, failed] = report.items
    assert from_feed.verdict == "stored" and "feed's own content" in from_feed.reason and "404" in from_feed.reason
    assert failed.verdict == "failed" and "404 Not Found" in failed.reason
    with Session(engine) as session:
        [bare_item] = session.exec(select(models.FeedItem).where(models.FeedItem.article_id.is_(None))).all()
        assert (bare_item.failures, "404" in bare_item.last_error) == (1, True)
    with Session(engine) as session:
        article = session.get(models.Article, from_feed.article_id)
        assert (article.text, article.title) == (STORY["c"], "Gone")


def test_an_item_that_cannot_be_read_is_tried_at_each_poll_up_to_a_limit_then_left(engine, web, watcher, clock):
    bare = {"guid": "urn:bare", "link": web.url("/story/gone.html"), "title": "Bare"}
    web.pages["/feed.xml"] = Page(rss([bare]), content_type="application/rss+xml")
    follow(engine, web.url("/feed.xml"))
    verdicts = []
    for _ in range(MAX_ITEM_FAILURES + 2):
        [report] = watcher.poll_due()
        verdicts.append(report.items[0].verdict)
        clock.later(3600)
    assert verdicts == ["failed"] * MAX_ITEM_FAILURES + ["skipped", "skipped"]
    assert len(web.hits_of("/story/gone.html")) == MAX_ITEM_FAILURES  # the dead link is no longer fetched
    # The page comes back and the feed changes the item: it is read.
    web.pages["/story/gone.html"] = Page(article_html(STORY["a"], title="Back"))
    web.pages["/feed.xml"] = Page(rss([bare | {"title": "Back"}]), content_type="application/rss+xml")
    [report] = watcher.poll_due()
    assert report.items[0].verdict == "stored"
    with Session(engine) as session:
        [item] = session.exec(select(models.FeedItem)).all()
        assert (item.failures, item.last_error, item.article_id) == (0, None, report.items[0].article_id)


def test_a_failing_feed_backs_off_and_says_why(engine, web, watcher, clock, make_client):
    web.pages["/feed.xml"] = Page("down", status=500)
    feed_id = follow(engine, web.url("/feed.xml"), interval=600)
    [report] = watcher.poll_due()
    assert report.status == "failed" and "500" in report.error
    row = feed_row(engine, feed_id)
    assert row.errors_in_a_row == 1 and "500 Internal Server Error" in row.last_error
    clock.later(601)
    assert watcher.poll_due() == []  # waits twice the interval after one failure
    clock.later(600)
    [second] = watcher.poll_due()
    assert second.status == "failed" and feed_row(engine, feed_id).errors_in_a_row == 2
    web.pages["/feed.xml"] = Page(rss(items(web, "a")), content_type="application/rss+xml")
    clock.later(2401)
    [recovered] = watcher.poll_due()
    assert recovered.status == "read" and feed_row(engine, feed_id).last_error is None
    listed = make_client().get("/api/feeds").json()["items"][0]
    assert listed["items"] == 1 and listed["errors_in_a_row"] == 0 and listed["last_new_item_at"]


def test_one_feed_is_never_polled_by_two_workers_at_once(engine, web, watcher, clock):
    web.pages["/feed.xml"] = Page(rss(items(web, "a")), content_type="application/rss+xml")
    feed_id = follow(engine, web.url("/feed.xml"))
    other = Watcher(engine, watcher.pipeline, watcher.fetcher, clock=clock, lease_seconds=300)
    assert watcher._take(feed_id, force=False)  # the first worker holds the lease...
    assert other.poll(feed_id) is None  # ...so the second does not read the feed
    assert other.poll_due() == []
    clock.later(watcher.lease.total_seconds() + 1)  # the holder died: its lease runs out
    report = other.poll(feed_id)
    assert report is not None and report.count("stored") == 1
    assert feed_row(engine, feed_id).lease_owner is None


class Crash(BaseException):
    """The process dies (a kill, a power cut): nothing below catches it."""


def test_a_crash_mid_poll_loses_nothing_and_doubles_nothing(engine, web, clock):
    web.pages["/feed.xml"] = Page(rss(items(web, "a", "b", "c")), content_type="application/rss+xml", etag='"1"')
    feed_id = follow(engine, web.url("/feed.xml"))
    reader = pipeline({"Vladivostok": VLADIVOSTOK, "Sochi": SOCHI})

    class DiesOnTheSecond:
        calls = 0

        def extract(self, article):
            DiesOnTheSecond.calls += 1
            if DiesOnTheSecond.calls == 2:
                raise Crash
            return reader.extract(article)

    fetcher = Fetcher(max_bytes=200_000, timeout=5, allow_private=True)
    with pytest.raises(Crash):
        Watcher(engine, DiesOnTheSecond(), fetcher, clock=clock).poll_due()
    assert count(engine, models.Article) == 1 and feed_row(engine, feed_id).etag is None
    survivor = Watcher(engine, reader, fetcher, clock=clock)
    assert survivor.poll_due() == []  # the dead worker's lease still holds
    clock.later(survivor.lease.total_seconds() + 1)
    [report] = survivor.poll_due()
    assert [i.verdict for i in report.items] == ["skipped", "stored", "stored"]
    assert count(engine, models.Article) == 3 and count(engine, models.FeedItem) == 3
    assert web.hits_of("/feed.xml")[-1].if_none_match is None  # the validators came only after a full read


# -- the command and the pages ----------------------------------------------------------------


@pytest.fixture
def services(engine, tmp_path, monkeypatch):
    made = Services(
        Settings(data_dir=tmp_path, fetch_allow_private=True, _env_file=None),
        engine,
        gazetteer_factory=lambda _s: None,
        pipeline_factory=lambda _s, _g: pipeline({"Vladivostok": VLADIVOSTOK, "Sochi": SOCHI}),
    )
    monkeypatch.setattr(cli, "_services", lambda: made)
    return made


def test_the_commands_add_list_watch_and_remove_feeds(services, engine, web):
    runner = CliRunner()
    web.pages["/feed.xml"] = Page(rss(items(web, "a", "b")), content_type="application/rss+xml", etag='"e"')
    added = runner.invoke(cli.app, ["feeds", "add", web.url("/feed.xml"), "--interval", "120"])
    assert added.exit_code == 0 and "feed 1 added" in added.output, added.output
    assert runner.invoke(cli.app, ["feeds", "add", web.url("/feed.xml")]).exit_code == 2
    first = runner.invoke(cli.app, ["watch", "--once"])
    assert first.exit_code == 0, first.output
    assert "fetched 2 items: 2 stored" in first.output and f"stored {web.url('/story/a.html')}" in first.output
    assert "no feed is due" in runner.invoke(cli.app, ["watch", "--once"]).output
    listed = runner.invoke(cli.app, ["feeds", "list"]).output
    assert "Harbour Wire: World" in listed and "2 items" in listed and "last read 20" in listed
    assert runner.invoke(cli.app, ["feeds", "remove", "1"]).exit_code == 0
    assert runner.invoke(cli.app, ["feeds", "remove", "1"]).exit_code == 2
    assert count(engine, models.Article) == 2


def test_the_home_and_feeds_pages_show_when_each_feed_was_read(make_client, engine, web, watcher):
    web.pages["/feed.xml"] = Page(rss(items(web, "a")), content_type="application/rss+xml")
    follow(engine, web.url("/feed.xml"))
    follow(engine, "https://news.example.org/never-read.xml")
    watcher.poll(1)
    client = make_client()
    home = client.get("/").text
    assert "Harbour Wire: World" in home and "read 20" in home and "not read yet" in home
    page = client.get("/feeds")
    assert page.status_code == 200 and "https://news.example.org/never-read.xml" in page.text and "never" in page.text


def test_the_background_watch_of_serve_reads_due_feeds_until_stopped(engine, web, tmp_path):
    """What `serve` runs in a thread with ITINERANT_WATCH: it stores a due feed's items, then stops when told."""
    import threading
    import time

    made = Services(
        Settings(data_dir=tmp_path, fetch_allow_private=True, watch_tick_seconds=0.05, _env_file=None),
        engine,
        gazetteer_factory=lambda _s: None,
        pipeline_factory=lambda _s, _g: pipeline({"Vladivostok": VLADIVOSTOK, "Sochi": SOCHI}),
    )
    web.pages["/feed.xml"] = Page(rss(items(web, "a", "b")), content_type="application/rss+xml")
    follow(engine, web.url("/feed.xml"))
    stop, reports = threading.Event(), []
    thread = threading.Thread(target=cli.watch_forever, args=(made, stop), kwargs={"echo": reports.append}, daemon=True)
    thread.start()
    # A bound, not a timing assertion: the loop ends as soon as both items are stored.
    give_up = time.monotonic() + 60
    while count(engine, models.Article) < 2 and time.monotonic() < give_up:
        time.sleep(0.05)
    stop.set()
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert count(engine, models.Article) == 2
    assert [len(report.items) for report in reports[:1]] == [2]
