"""The dashboard in a real browser (headless Debian Chromium through Playwright): evidence
marked, clicking an event marks its sentence, hostile text stays text, search, charts.
Each main view is saved to docs/screenshots/. (The HTML the server renders is tested in
tests/api/test_dashboard.py.)"""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi", reason="the dashboard needs the extra warta[api] (fastapi, uvicorn, jinja2)")
pytest.importorskip("uvicorn", reason="the dashboard needs the extra warta[api] (fastapi, uvicorn, jinja2)")
pytest.importorskip("playwright.sync_api",
                    reason="the browser tests need playwright (pip install -e '.[dev]'); never `playwright install`")

from .support import VIEWPORT, chromium_path

if chromium_path() is None:
    pytest.skip("no chromium binary (/usr/bin/chromium or chromium on the PATH); "
                "scripts/install-debian.sh chromium chromium installs the Debian package", allow_module_level=True)

# The Geneva meeting's sentence: the CONSULT event whose sentence names Jenewa.
GENEVA_EVENT = """() => {
  const links = Array.from(document.querySelectorAll('.event-link[data-type=CONSULT]'));
  const hit = links.find(a => (document.getElementById(a.dataset.sentence) || {}).textContent?.includes('Jenewa'));
  return hit ? hit.id : null;
}"""

# True once the element is wholly inside the viewport (the page may still be scrolling).
IN_VIEW = """(el) => {
  const r = el.getBoundingClientRect();
  return r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
}"""


def _in_viewport(page, locator) -> bool:
    locator.evaluate("el => el")  # attached
    page.wait_for_function(f"(el) => ({IN_VIEW})(el)", arg=locator.element_handle(), timeout=5_000)
    box = locator.bounding_box()
    return (box is not None and locator.is_visible() and box["y"] >= 0 and box["x"] >= 0
            and box["y"] + box["height"] <= VIEWPORT["height"] and box["x"] + box["width"] <= VIEWPORT["width"])


def _geneva_event(page) -> str:
    event_id = page.evaluate(GENEVA_EVENT)
    assert event_id and re.fullmatch(r"event-\d+", event_id), "no CONSULT event whose sentence names Jenewa"
    return event_id


def test_article_page_shows_highlights(page, base_url, stored):
    _, seed, _ = stored
    page.goto(f"{base_url}/articles/{seed.id}")
    assert page.locator("h1.title").inner_text() == seed.title
    for selector in (".body .ent", ".body .quote", ".body .trigger"):
        assert page.locator(selector).count() >= 1, selector
        assert page.locator(selector).first.is_visible(), selector
    lavrov = page.locator(".body .speaker", has_text="Lavrov")
    assert lavrov.count() >= 1 and lavrov.first.is_visible()
    assert page.locator(".sent.marked").count() == 0  # nothing marked until asked
    assert page.errors == []


def test_clicking_an_event_marks_its_sentence(page, base_url, stored, screenshot):
    _, seed, _ = stored
    page.goto(f"{base_url}/articles/{seed.id}")
    # the first CONSULT event in the panel: one sentence marked, scrolled into view
    first = page.locator(".event-link[data-type=CONSULT]").first
    first_id = first.get_attribute("id")
    first.click()
    marked = page.locator(".sent.marked")
    assert marked.count() == 1
    assert marked.get_attribute("id") == first.get_attribute("data-sentence")
    assert _in_viewport(page, marked)
    assert page.url.endswith(f"#{first_id}")
    # the Geneva meeting: the mark moves to its sentence, which names Jenewa
    geneva_id = _geneva_event(page)
    geneva = page.locator(f"#{geneva_id}")
    geneva.click()
    assert marked.count() == 1
    assert "Jenewa" in marked.inner_text()
    assert marked.get_attribute("id") == geneva.get_attribute("data-sentence")
    assert _in_viewport(page, marked)
    assert page.url.endswith(f"#{geneva_id}")
    assert page.locator(".event-link.active").count() == 1
    n = int(geneva_id.split("-")[1])
    event = seed.events[n]
    assert event.type == "CONSULT"
    expected = seed.text_of(event.sentence.field)[event.sentence.start:event.sentence.end]
    assert marked.evaluate("el => { const c = el.cloneNode(true); c.querySelectorAll('.speaker')"
                           ".forEach(b => b.remove()); return c.textContent; }") == expected
    assert page.errors == []
    screenshot(page, "article")


def test_event_link_marks_its_sentence_on_load(page, base_url, stored):
    _, seed, _ = stored
    page.goto(f"{base_url}/articles/{seed.id}")
    geneva_id = _geneva_event(page)
    sentence = page.locator(f"#{geneva_id}").get_attribute("data-sentence")
    page.goto("about:blank")
    page.goto(f"{base_url}/articles/{seed.id}#{geneva_id}")
    marked = page.locator(".sent.marked")
    marked.first.wait_for()
    assert marked.count() == 1
    assert marked.get_attribute("id") == sentence
    assert "Jenewa" in marked.inner_text()
    assert _in_viewport(page, marked)
    assert page.locator(f"#{geneva_id}.active").count() == 1
    assert page.errors == []


def test_hostile_text_is_shown_as_text(page, base_url, stored):
    _, _, hostile = stored
    page.goto(f"{base_url}/articles/{hostile.id}")
    page.wait_for_load_state("networkidle")
    body = page.inner_text(".body")
    assert "<script>alert(1)</script>" in body
    assert "<img src=x onerror=alert(2)>" in body
    assert page.evaluate("() => Array.from(document.scripts).filter(s => s.textContent.includes('alert(')).length") == 0
    assert page.locator(".body img").count() == 0
    assert page.locator(".body script").count() == 0
    # search results show the same words as text too
    page.goto(f"{base_url}/?q=alert")
    page.wait_for_load_state("networkidle")
    assert page.locator("a.hit-title").count() == 1
    assert page.locator("ol.hits img, ol.hits script").count() == 0
    assert page.dialogs == []
    assert page.errors == []


def test_search_finds_the_seed_and_opens_it(page, base_url, stored, screenshot):
    _, seed, _ = stored
    page.goto(f"{base_url}/")
    page.fill("input[name=q]", "Jenewa")
    with page.expect_navigation():
        page.press("input[name=q]", "Enter")
    assert re.search(r"[?&]q=Jenewa(&|$)", page.url)
    hit = page.locator("a.hit-title", has_text=seed.title)
    assert hit.count() == 1 and hit.is_visible()
    assert page.locator("a.hit-title", has_text="Bandung").count() == 0  # every word must occur
    screenshot(page, "search")
    with page.expect_navigation():
        hit.click()
    assert page.url == f"{base_url}/articles/{seed.id}"
    assert page.locator("h1.title").inner_text() == seed.title
    assert page.errors == []


def test_actor_page_has_timeline_and_quotes(page, base_url, stored, screenshot):
    _, seed, _ = stored
    page.goto(f"{base_url}/actors/per:sergei-lavrov")
    assert "Lavrov" in page.locator("h1").inner_text()
    chart = page.locator("svg.timeline")
    assert chart.count() == 1 and chart.is_visible()
    assert page.locator("svg.timeline rect.bar").count() >= 1
    box = page.locator("svg.timeline rect.bar").first.bounding_box()
    assert box and box["height"] > 0 and box["width"] > 0
    quotes = page.locator("ol.quotes li q")
    lavrov_quotes = [q for q in seed.quotes if q.speaker == "per:sergei-lavrov"]
    assert quotes.count() == len(lavrov_quotes) >= 1
    assert page.locator(f'ol.events a[href^="/articles/{seed.id}#event-"]').count() >= 1
    assert page.errors == []
    screenshot(page, "actor")


def test_network_page_draws_edges(page, base_url, screenshot):
    page.goto(f"{base_url}/network")
    chart = page.locator("svg.network")
    assert chart.count() == 1 and chart.is_visible()
    assert page.locator("svg.network line.edge").count() >= 1
    assert page.locator('svg.network a.node[href="/actors/per:sergei-lavrov"]').count() == 1
    assert page.errors == []
    screenshot(page, "network")


def test_map_page_draws_countries_and_places(page, base_url, screenshot):
    page.goto(f"{base_url}/map")
    chart = page.locator("svg.map")
    assert chart.count() == 1 and chart.is_visible()
    assert page.locator("svg.map path.country").count() >= 100
    places = page.locator("svg.map circle.place")
    assert places.count() >= 1
    assert any("Jenewa" in t for t in places.locator("title").all_text_contents())
    box = places.first.bounding_box()
    assert box and box["width"] > 0
    assert page.errors == []
    screenshot(page, "map")
