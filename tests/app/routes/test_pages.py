"""Web pages: home, article, actor, and the ingest form, with hostile text kept as text."""

from __future__ import annotations

import dataclasses

import pytest
from app_fixtures import TRIP, TWO_TRIPS

from app.routes.pages import segments_of
from app.schemas import MentionPublic

TEXT = "Kim Jong Un went to Vladivostok. Then Komsomolsk-on-Amur. Putin stayed in Sochi."
HOSTILE_TITLE = '<script>alert("title")</script>Kim in Russia'
HOSTILE_EVIDENCE = '<img src=x onerror="alert(1)"> Kim went to Vladivostok.'


@pytest.fixture
def trip_client(make_client):
    events = [dataclasses.replace(TRIP[0], evidence=HOSTILE_EVIDENCE), *TRIP[1:]]
    client = make_client(events=events, tiles="none")
    body = {
        "text": TEXT + " <script>alert('text')</script>",
        "title": HOSTILE_TITLE,
        "source": "AP",
        "url": "https://news.example/kim",
        "published": "2023-09-15",
    }
    assert client.post("/api/articles", json=body).status_code == 201
    return client


def _no_markup_from_articles(html: str) -> None:
    assert "<script>alert" not in html and "<img src=x" not in html


def test_home_lists_actors_with_stops_and_recent_articles(trip_client):
    html = trip_client.get("/").text
    assert '<a href="/actors/kim-jong-un">Kim Jong Un</a>' in html
    assert '<td class="num">3</td>' in html and "Komsomolsk-on-Amur" in html  # stops, last known place
    assert '<a href="/articles/1">&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;Kim in Russia</a>' in html
    _no_markup_from_articles(html)


def test_home_when_empty(client):
    html = client.get("/").text
    assert "No one yet" in html and "No articles yet" in html


def test_article_page_highlights_and_links_its_places(trip_client):
    html = trip_client.get("/articles/1").text
    assert 'href="https://www.geonames.org/2013348"' in html and ">Vladivostok</a>" in html
    assert html.count('class="mention mention-') == 2  # the test pipeline knows Vladivostok and Sochi
    assert "&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;" in html  # the article's own text, as text
    assert '<a href="https://news.example/kim" rel="noopener nofollow">original</a>' in html
    assert "Vladimir Putin" in html and "&lt;img src=x onerror=" in html  # its events, evidence as text
    assert '<td title="meet">met</td>' in html and '<td title="travel">planned visit</td>' in html
    _no_markup_from_articles(html)


def test_article_page_lists_each_mention_with_span_place_precision_and_confidence(trip_client):
    html = trip_client.get("/articles/1").text
    start = TEXT.index("Vladivostok")
    assert f"<td>{start}–{start + len('Vladivostok')}</td>" in html
    assert "GeoNames 2013348" in html and "<td>city</td>" in html and "<td>0.90</td>" in html


def test_unknown_article_page_is_404(client):
    assert client.get("/articles/999").status_code == 404


def test_actor_page_has_the_itinerary_table_beside_the_map(trip_client):
    html = trip_client.get("/actors/kim-jong-un").text
    # Two trips years apart and an undated plan: a table each, one stop each (each with its correction form).
    rows = [body.split("</tbody>")[0].count('<tr class="stop-') for body in html.split("<tbody>")[1:]]
    assert rows == [1, 1, 1]
    assert '<iframe src="/embed/actors/kim-jong-un"' in html
    assert "2019-04" in html and "planned" in html and "&lt;img src=x" in html
    assert "&lt;iframe src=&#34;http://testserver/embed/actors/kim-jong-un&#34;" in html  # embed code to copy
    _no_markup_from_articles(html)


def _section(html: str, section_id: str) -> str:
    return html.split(f'id="{section_id}"')[1].split("</section>")[0]


def test_actor_page_has_a_heading_per_trip_and_the_undated_stops_apart(make_client):
    events = [dataclasses.replace(TWO_TRIPS[1], evidence=HOSTILE_EVIDENCE), *TWO_TRIPS[:1], *TWO_TRIPS[2:]]
    client = make_client(events=events)
    client.post("/api/articles", json={"text": "Kim went to Russia twice."})
    html = client.get("/actors/kim-jong-un").text
    first, second, undated = _section(html, "trip-1"), _section(html, "trip-2"), _section(html, "undated")
    assert "<h3>Apr 2019: Primorye, Russia, 1 stop</h3>" in first
    assert "<h3>Sep 2023: Russia, 4 stops</h3>" in second and "915 km between cities" in second
    assert "<h3>Undated</h3>" in undated and "Sochi" in undated
    assert '<td class="num"></td>' in undated  # unnumbered
    # The country-level stop is an area, with its precision; actions read as what happened.
    assert "<td>in Russia" in second and "country level" in second
    assert '<td title="pull">arrived</td>' in second and '<td title="travel">planned visit</td>' in second
    assert 'class="confidence confidence-medium" title="confidence 0.70">medium</span>' in second
    assert "km travelled" in html
    _no_markup_from_articles(html)


def test_a_trip_with_no_city_says_it_is_known_only_at_country_level(make_client):
    client = make_client(events=TWO_TRIPS[1:2])
    client.post("/api/articles", json={"text": "Kim went to Russia."})
    trip = _section(client.get("/actors/kim-jong-un").text, "trip-1")
    assert "<h3>Sep 2023: Russia, 1 stop</h3>" in trip
    assert "Known only at country level: no article says where in Russia." in trip


def test_ingest_form_renders(client):
    html = client.get("/ingest").text
    assert '<form class="ingest" method="post" action="/ingest"' in html
    for name in ("text", "title", "source", "url", "published", "dateline"):
        assert f'name="{name}"' in html
    assert 'name="api_key"' not in html


def test_ingest_form_posts_and_redirects_to_the_article(make_client):
    client = make_client(events=TRIP)
    response = client.post(
        "/ingest",
        data={"text": TEXT, "title": "Kim in the Far East", "published": "2023-09-15", "url": "", "source": ""},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/articles/1"
    article = client.get("/api/articles/1").json()
    assert article["title"] == "Kim in the Far East" and article["url"] is None and len(article["events"]) == 4


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"text": ""}, "text", "Article text is required"),
        ({"text": "x", "published": "15/09/2023"}, "published", "Published must be a date such as 2023-09-15"),
        ({"text": "x", "url": "ftp://files.example/a"}, "url", "URL"),
        ({"text": "x", "title": "t" * 501}, "title", "Title"),
    ],
)
def test_ingest_form_shows_validation_errors(client, data, field, message):
    response = client.post("/ingest", data=data, follow_redirects=False)
    assert response.status_code == 422
    html = response.text
    assert f'<p class="error" id="e-{field}">' in html and message in html
    assert 'aria-invalid="true"' in html
    if data.get("published"):
        assert f'value="{data["published"]}"' in html  # what was typed stays in the form
    assert client.get("/api/articles").json()["total"] == 0


def test_ingest_form_keeps_hostile_input_as_text(client):
    response = client.post("/ingest", data={"text": "", "title": '"><script>alert(1)</script>'})
    assert response.status_code == 422
    assert 'value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in response.text


def test_ingest_form_needs_the_api_key_when_one_is_set(make_client):
    client = make_client(events=TRIP, api_key="s3cret")
    assert 'name="api_key"' in client.get("/ingest").text
    refused = client.post("/ingest", data={"text": TEXT, "api_key": "wrong"}, follow_redirects=False)
    assert refused.status_code == 401 and "API key" in refused.text
    accepted = client.post("/ingest", data={"text": TEXT, "api_key": "s3cret"}, follow_redirects=False)
    assert accepted.status_code == 303


def _mention(start: int, end: int, surface: str) -> MentionPublic:
    return MentionPublic(
        id=start, start=start, end=end, surface=surface, role="place", confidence=1.0, place=None, alternatives=[]
    )


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("in Paris today", [(3, 8)], [("in ", False), ("Paris", True), (" today", False)]),
        ("Paris", [(0, 5)], [("Paris", True)]),
        ("New York City", [(0, 8), (4, 13)], [("New York", True), (" City", False)]),  # overlap: first wins
        ("abc", [(2, 9)], [("abc", False)]),  # outside the text: ignored
        ("no places", [], [("no places", False)]),
    ],
)
def test_segments_of_text_at_mentions(text, spans, expected):
    segments = segments_of(text, [_mention(s, e, text[s:e]) for s, e in spans])
    assert [(s.text, s.mention is not None) for s in segments] == expected
