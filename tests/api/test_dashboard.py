"""Dashboard pages as the server renders them: evidence marked, text escaped, errors as pages.
(What a browser does with them is tested in tests/browser.)"""

from __future__ import annotations

import re

import lxml.html
import pytest

pytest.importorskip("fastapi", reason="the dashboard needs the extra warta[api] (fastapi, uvicorn, jinja2)")

from fastapi.testclient import TestClient

import warta
from warta.api import create_app
from warta.config import load_options
from warta.model import Article, RawDocument, Source
from warta.pipeline import Pipeline
from warta.storage.sqlite import SQLiteStore
from warta.web.highlight import highlight

HOSTILE = ("Warga <b>Bandung</b> Menolak Rencana Itu\n\n"
           "BANDUNG - Seorang warga menulis <script>alert(1)</script> di kolom komentar situs itu pada Senin "
           "(20/10), kata polisi yang menyelidiki kasus tersebut di Bandung.\n\n"
           "Polisi mengatakan tulisan <img src=x onerror=alert(2)> itu tidak berbahaya bagi pembaca situs.\n")


@pytest.fixture(scope="module")
def stored(tmp_path_factory, seed_text):
    path = str(tmp_path_factory.mktemp("web") / "w.db")
    seed = warta.process(seed_text).evolve(source=Source(format="text", path="seed.txt"))
    # a page-text dump whose words happen to be markup (read as text, not as HTML)
    hostile = Pipeline().run(Article(source=Source(format="text", path="hostile.txt"),
                                     raw=RawDocument(content=HOSTILE, format="text")))
    assert "<script>alert(1)</script>" in hostile.body
    store = SQLiteStore(path)
    store.save_batch([seed, hostile])
    store.close()
    with TestClient(create_app(path, load_options(env={}))) as client:
        yield client, seed, hostile


def test_article_page_marks_sentences_entities_quotes_and_events(stored):
    client, seed, _ = stored
    page = client.get(f"/articles/{seed.id}")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    sentence_ids = set(re.findall(r'<span class="sent" id="([^"]+)"', html))
    targets = re.findall(r'class="event-link[^"]*" id="event-(\d+)" href="#([^"]+)"\s+data-sentence="([^"]+)"\s+'
                         r'data-type="([A-Z_]+)"', html)
    assert len(targets) == len(seed.events)
    for n, href, sentence, kind in targets:  # every event points at a sentence that is on the page
        assert href == sentence and sentence in sentence_ids and seed.events[int(n)].type == kind
    tree = lxml.html.fromstring(html)
    for badge in tree.find_class("speaker"):
        badge.drop_tree()
    for n, _, sentence, _ in targets:  # the marked sentence is the event's own
        event = seed.events[int(n)]
        expected = seed.text_of(event.sentence.field)[event.sentence.start:event.sentence.end]
        assert tree.get_element_by_id(sentence).text_content() == expected
    geneva = [t for t in targets if t[3] == "CONSULT" and "Jenewa" in seed.events[int(t[0])].trigger.text +
              seed.text_of("body")[seed.events[int(t[0])].sentence.start:seed.events[int(t[0])].sentence.end]]
    assert geneva  # the meeting in Geneva is one of the CONSULT events, in its own sentence
    assert html.count('class="speaker') >= sum(q.speaker == "per:sergei-lavrov" for q in seed.quotes)
    assert 'class="ent ent-PER' in html and 'class="trigger status-asserted' in html and "quote-direct" in html


def test_marked_text_is_the_article_text(stored):
    _, seed, hostile = stored
    for record in (seed, hostile):
        shown = highlight(record, "body")
        without_badges = re.sub(r'<span class="speaker[^"]*"[^>]*>.*?</span>', "", str(shown))
        text = re.sub(r"<[^>]+>", "", without_badges)
        unescaped = text.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"').replace("&#39;", "'") \
            .replace("&amp;", "&")
        assert unescaped == record.body


def test_article_text_is_escaped(stored):
    client, _, hostile = stored
    html = client.get(f"/articles/{hostile.id}").text
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "<b>Bandung</b>" not in html
    assert "<script>alert" not in client.get("/", params={"q": "alert"}).text


def test_search_page_finds_the_seed(stored):
    client, seed, _ = stored
    html = client.get("/", params={"q": "Jenewa"}).text
    assert f'href="/articles/{seed.id}"' in html and "1 articles" in html
    newest = client.get("/").text
    assert "Newest articles" in newest and seed.id in newest
    assert client.get("/", params={"q": "Jenewa", "from": "2023-01-01"}).text.count('class="hit"') == 0


def test_actor_network_map_and_events_pages(stored):
    client, seed, _ = stored
    actor = client.get("/actors/per:sergei-lavrov").text
    assert "<svg class=\"timeline\"" in actor and 'class="bar ' in actor and "Sergei Lavrov" in actor
    network = client.get("/network").text
    assert 'class="edge"' in network and 'href="/actors/per:antony-blinken"' in network
    place_map = client.get("/map").text
    assert 'class="country"' in place_map and 'class="place"' in place_map and "Jenewa" in place_map
    events = client.get("/events", params={"type": "CONSULT"}).text
    assert f'/articles/{seed.id}#event-' in events and "bertemu" in events


def test_dashboard_errors_are_pages(stored):
    client, _, _ = stored
    missing = client.get("/articles/" + "0" * 24)
    assert missing.status_code == 404 and "<h1>404</h1>" in missing.text
    bad = client.get("/", params={"from": "kemarin"})
    assert bad.status_code == 422 and "YYYY" in bad.text
    assert client.get("/actors/per:nobody").status_code == 404
    assert client.get("/events", params={"type": "attack"}).status_code == 422
    assert client.get("/static/app.js").status_code == 200
