"""Article text, captions and page metadata from one HTML page.

trafilatura does the main-text extraction; this module adds what news pages need
on top of it and that trafilatura leaves in (photo captions mixed into the body,
Indonesian in-article chrome such as ``Baca juga:`` and ``ADVERTISEMENT``, a
publication date that says where it came from).

``extract_html`` steps:
  1. parse the page once (``trafilatura.utils.load_html``);
  2. read title, site name, URL and author from meta tags and JSON-LD (cheap lookups;
     trafilatura's full metadata search doubled the run time);
  3. one pass over the tree: link texts, caption elements, boilerplate blocks, byline,
     headings, date elements, list items, containers with loose text;
  4. headline: the visible heading that the meta title wraps, or the meta title without
     the site name; publication date (``_published_date``): meta tags, JSON-LD,
     ``<time>``, else the URL, else a written date ("Selasa, 23 Februari 2016") in a
     date-classed element, else htmldate's search of the page;
  5. pull photo captions out of the tree, splitting off the photo credit;
  6. drop known boilerplate blocks (share bars, related lists, "Baca juga" boxes);
  7. wrap text that sits directly beside block children in a ``<p>`` (trafilatura drops
     it: the lead of many Indonesian pages);
  8. hand the same tree to ``trafilatura.bare_extraction`` (comments off) for the text;
  9. split into paragraphs and drop chrome, date-only and caption lines, the headline and
     teaser links; refuse pages whose text is mostly link titles and teaser cards
     (index pages); a photo gallery with no other text keeps its captions as the body;

Everything removed as chrome is returned in ``boilerplate`` for the record's audit list.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate
from functools import lru_cache
from urllib.parse import urlsplit

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from trafilatura import metadata as trafilatura_metadata
from trafilatura.utils import load_html

from warta.dates.published import date_from_url, is_date_line, parse_written_date
from warta.errors import NoArticleTextError
from warta.extraction.cleanup import is_chrome
from warta.model import Caption
from warta.resources import LANGUAGES, load


@dataclass(frozen=True, slots=True)
class HtmlExtraction:
    """What one HTML page yields before any language processing."""

    title: str | None
    paragraphs: tuple[str, ...]
    captions: tuple[Caption, ...]
    published: str | None
    published_basis: str | None
    author: str | None
    sitename: str | None
    url: str | None
    lang: str | None
    # lines and short blocks removed as site chrome ("Baca juga: …", "Pewarta: …"), for audit
    boilerplate: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class HtmlOptions:
    """Switches of the extraction; the defaults are the measured best (see TUNING)."""

    focus: str = "precision"  # trafilatura focus: balanced | precision | recall
    include_tables: bool = True
    strip_captions: bool = True
    drop_boilerplate_blocks: bool = True
    filter_chrome_lines: bool = True
    drop_link_lines: bool = True  # a short paragraph that is exactly a link's text is a teaser
    wrap_loose_text: bool = True  # text directly in a container with block children becomes a <p>
    # trafilatura's comparison with readability/jusText: "always", "never", or "auto" =
    # only when the fast pass finds less than FALLBACK_BELOW_CHARS of text.
    fallback: str = "auto"


DEFAULT_OPTIONS = HtmlOptions()

# Below this much text from trafilatura's fast pass, the slower pass with its
# readability/jusText comparison runs too. Tuned on anpandu + newspaper4k: every page
# where the fast pass lost text came back empty or under 500 characters (viva: 419 of
# 1,660), and every page where it was complete had more.
FALLBACK_BELOW_CHARS = 500

# --- TUNING ---------------------------------------------------------------
# Chosen with `python benchmarks/extraction.py --corpus trafilatura-eval|anpandu|newspaper4k
# --variant ...` and by reading the detik/anpandu pages; the Scrapinghub set is only
# reported, never tuned on. On trafilatura-eval every switch below moves F1 by <= 0.001
# (0.924-0.925, trafilatura 0.921); they stay on because Indonesian pages need them
# (Baca juga, ADVERTISEMENT, captions). focus="precision" (HtmlOptions) won on both news
# corpora (anpandu F1 0.849 -> 0.909, newspaper4k 0.944 -> 0.967) and lost a little on
# the general-web trafilatura-eval (0.924 -> 0.920); Warta reads news, so it is the default.
# Choosing per page between precision and balanced output was measured as an oracle (best
# of the two per page, by gold F1): anpandu 0.947 -> 0.948, newspaper4k 0.967 -> 0.967, so
# no selector was built (it would also double the extraction time).
# wrap_loose_text: anpandu 0.934 -> 0.947, newspaper4k and trafilatura-eval unchanged
# (0.967, 0.918). Date-only lines, footers, "- <link>" list items and the heading above a
# dropped link list (_drop_link_lines): anpandu 0.947 -> 0.959, newspaper4k 0.967 -> 0.968.
# Recall recovery under precision focus, measured and not kept (F1 anpandu / newspaper4k /
# trafilatura-eval; default 0.960 / 0.968 / 0.918 as extract_html paragraphs):
# - union: a second, balanced fast pass; its prose-like paragraphs (>= 8 words,
#   sentence-final punctuation, not a link text or chrome line, not text precision already
#   has) added between precision paragraphs, up to 3 right before the first and after the
#   last: 0.960 / 0.968 / 0.920, but 1.5-1.7x the extraction time. Leads without the
#   duplicate check cost anpandu 0.009 (kompas "KOMPAS.com –" leads split differently).
# - the same merge, run only when a prose <p> of the tree that precision left out sits
#   between the kept ones or right before them: 0.960 / 0.968 / 0.920 (with the rescue
#   below); the gate fires on ~20% of trafilatura-eval pages (changes ~4%) and adds
#   ~0.28x trafilatura's time there, over the budget for +0.002 on one set.
# - rescue: balanced focus when precision leaves nothing: +0.001 on trafilatura-eval only
#   (3 pages), and it turned liputan6's index page into an "article" of teaser summaries.
# On the news sets recall is already 0.975-0.986; trafilatura-eval's missing snippets that
# plain trafilatura finds come with about as many wrong ones (its readability/jusText
# fallback, balanced focus and Warta's own filters each add roughly 1 false per true).
MAX_CAPTION_CHARS = 600  # a "caption" block longer than this is article text, leave it
MAX_CHROME_LINE_CHARS = 200  # chrome lines are short; longer lines are kept even if they match
MAX_KICKER_LINES = 3  # section/kicker lines ("TRAVEL NEWS") trafilatura keeps above a headline
MAX_KICKER_CHARS = 60
MAX_LINK_LINE_CHARS = 150  # longer paragraphs that are one link are kept (rare, but real text)
MAX_LINK_SHARE = 0.5  # more of the text than this is link titles: an index page, not an article
# ---------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")

# Elements holding a caption besides <figcaption>: the caption classes of common CMSs
# (WordPress wp-caption-text, detik/kompas/antara "caption" divs, detik's inline
# "pic_artikel_sisip" photo box, Indonesian "keterangan foto", viva's "photodesc"), and
# kompas-style photo boxes <div class="photo"><img><span class="author">…</span> text</div>.
_CAPTION_ATTR = re.compile(r"caption|pic_artikel_sisip|keterangan|photo_?-?desc|foto_?-?desc")
_PHOTO_BOX_CLASSES = frozenset({"photo", "foto"})
_NOT_CAPTION_TAGS = frozenset({"html", "body", "figure"})
_CREDIT_CHILD_XPATH = etree.XPath(
    ".//*[contains(@class, 'credit') or contains(@class, 'copyright') or contains(@class, 'source')"
    " or contains(@class, 'author') or contains(@class, 'photographer')]"
)

_TRAILING_PAREN = re.compile(r"^(?P<text>.+?)\s*\((?P<credit>[^()]{2,80})\)\s*\.?$", re.DOTALL)
MAX_CREDIT_ONLY_WORDS = 5  # "Foto: dok. Polda Metro" with nothing else is a bare credit


@dataclass(frozen=True, slots=True)
class _CreditRules:
    patterns: tuple[re.Pattern[str], ...]  # credits written into caption text, tried in order
    leading_label: re.Pattern[str]  # detik style "Foto: <caption> (<credit>)"
    label: re.Pattern[str]  # a label to strip from a credit


def _alternation(words) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@lru_cache(maxsize=1)
def _credit_rules() -> _CreditRules:
    """Credit patterns built from the label words and agency names in resources/."""
    agency = _alternation(load("common", "news_agencies.txt"))
    label = _alternation({w for lang in LANGUAGES for w in load(lang, "credit_labels.txt")})
    return _CreditRules(
        patterns=(
            # "... (ANTARA FOTO/Name/foo)", "(Foto: dok. X)", "(REUTERS/Name)", "(Edi Wahyono/detikcom)"
            re.compile(
                rf"^(?P<text>.*?)[\s,;|-]*\((?P<credit>(?:{agency}|{label})\b[^()]*"
                rf"|[^\W\d][^()/]{{1,40}}/[^()]{{2,60}})\)\s*\.?$",
                re.IGNORECASE | re.DOTALL,
            ),
            # "... Foto: Reuters", "... | Photo: AP", "... Foto: dok. X", "Ilustrasi. Foto: iStock"
            re.compile(rf"^(?P<text>.+?)[\s,;|-]*\b{label}\s*[:.]\s*(?P<credit>[^:]{{2,80}})$",
                       re.IGNORECASE | re.DOTALL),
            # "... on Monday. REUTERS/Carlos Barria", "... ANTARA FOTO/Name"
            re.compile(rf"^(?P<text>.+?)[\s,;|-]*\b(?P<credit>{agency}(?:/[^/\n()]{{2,60}}){{0,2}})\s*\.?$",
                       re.DOTALL),
        ),
        leading_label=re.compile(rf"^{label}\s*:\s*(?P<rest>.+)$", re.IGNORECASE | re.DOTALL),
        label=re.compile(rf"^{label}\s*:?\s*", re.IGNORECASE),
    )


# Blocks that are site chrome in news pages, matched as whole words of class/id (split on
# space, "-" and "_"): the words are data, resources/<lang>/boilerplate_classes.txt.
# trafilatura already drops most nav/comment blocks.
@lru_cache(maxsize=1)
def _boilerplate_attr() -> re.Pattern[str]:
    words = [w for lang in LANGUAGES for w in load(lang, "boilerplate_classes.txt")]
    alternatives = "|".join(re.escape(w).replace(r"\ ", "[_-]?") for w in words)
    return re.compile(r"(?:^|[\s_-])(?:" + alternatives + r")(?:$|[\s_-])")


_BOILERPLATE_KEEP_TAGS = frozenset({"html", "body", "article", "main"})
# A block holding this much text is not a share bar or a related list: keep it.
MAX_BOILERPLATE_BLOCK_CHARS = 1500

# Lines of no words at all: rules such as "-----" and empty table cells. Language-specific
# chrome lines ("Baca juga: …", "Pewarta: …") are data: cleanup.is_chrome.
_RULE_LINE = re.compile(r"\W*")


def _chrome_line(text: str) -> bool:
    return bool(_RULE_LINE.fullmatch(text)) or is_chrome(text)


# A dateline that trafilatura split from its lead paragraph ("<strong>Jakarta</strong> -").
_DATELINE_ONLY = re.compile(r"^[A-Z][\w.,() ]{1,40}\s[-–—]$")

# --- publication date ----------------------------------------------------------------

# Meta names of the publication (never the modification) time; the first in the page wins.
# When meta tags and JSON-LD disagree, the meta tag is right more often (8 to 2 on dev).
_DATE_META_NAMES = (
    "article:published_time", "og:published_time", "article:published", "publishdate",
    "publish-date", "publish_date", "pubdate", "datepublished", "date", "dc.date",
    "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
    "article.published", "content_publisheddate", "originalpublicationdate", "cxenseparse:recs:publishtime",
)
_DATE_PREFIX = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
# A full date opening a path segment: /2022/01/21/, /20220121/, /2022-01-21-. Not an id's
# digits ("d-8171947", "/20140226054445/"): the year must follow a slash and the day end
# before a non-digit.
# JSON-LD anywhere in the script, so also inside "@graph" lists.
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
# A time of day written in UTC ("2020-02-25T02:25:54Z", "+00:00", "GMT").
_UTC_STAMP = re.compile(r"\d:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:Z|[+-]00:?00|GMT|UTC)\b", re.IGNORECASE)

# --- TUNING (publication date) ---------------------------------------------------------
# Chosen with `python benchmarks/dates.py --corpus dev --errors` on 775 pages with known
# days (anpandu 26, detik 2022 5, newspaper4k 16, trafilatura-eval 728); htmldate's
# MediaCloud set is only reported, never tuned on. Accuracy (correct/all) on dev:
#   0.821  markup, URL, date element, htmldate fast pass after the body was extracted
#   0.861  htmldate on the tree as served (the body steps drop blocks holding dates), its
#          extensive search when the fast pass finds nothing (+31; the extensive search
#          without the cheaper fast pass first: +32)
#   0.865  a UTC stamp one day off the URL's date gives way to it (+3)
#   0.867  publication <time> elements showing more than MAX_PUBLISHED_TIME_DAYS days are a
#          teaser list, not the article's date (+2; a list of 4 showing 2 days was right)
#   0.868  dates in e-mail form in meta tags (+1)
# Tried, not kept: the URL's date before the markup's (-3: stamps with a local offset were
# right), a date shown in the page as the UTC check (+1 -2: today's date, teasers'
# dates), more meta names (og:article:published_time, published_time, publication_date,
# pub_date, dtk:publishdate: -1), /2017/7/12/ URL dates and refusing days after today
# (no change). htmldate's extensive search (original_date=True) alone scores 0.874; 7 of
# the dev pages are refused as non-articles before any date is returned.
MAX_PUBLISHED_TIME_DAYS = 2
# ---------------------------------------------------------------------------------------


def extract_html(html: str, url: str | None = None, options: HtmlOptions = DEFAULT_OPTIONS) -> HtmlExtraction:
    """Extract one article page; raise ``NoArticleTextError`` when it holds no article text."""
    tree = load_html(html)
    if tree is None:
        raise NoArticleTextError("the page could not be parsed as HTML (empty, binary or an XML feed)")
    meta = _page_metadata(tree, url)
    scan = _scan(tree)
    meta.author = meta.author or _byline_text(scan.byline)
    title = _headline(meta.title, _clean(tree.findtext(".//title")), scan.headings, meta.sitename, url)
    # before the steps below drop blocks that may hold the date
    published, basis = _published_date(tree, url, lambda: scan.date_elems)
    teasers = _teaser_texts(scan.list_items)
    removed: list[str] = []
    captions, gallery = _pull_captions(scan.captions) if options.strip_captions else ((), ())
    if options.drop_boilerplate_blocks:
        removed.extend(_drop_boilerplate(scan.boilerplate))
    if options.wrap_loose_text:
        for elem in scan.loose:
            _wrap_loose_text(elem)
    try:
        paragraphs = _main_text(tree, url, title, captions, scan.anchors | teasers, options, removed)
    except NoArticleTextError:
        if not gallery:
            raise
        # a photo gallery: its captions are the story (liputan6 "photo" pages)
        paragraphs = tuple(c.text for c in gallery)
        captions = tuple(c for c in captions if c not in gallery)
    return HtmlExtraction(
        title=title or None,
        paragraphs=paragraphs,
        captions=captions,
        published=published,
        published_basis=basis,
        author=_clean(meta.author) or None,
        sitename=_clean(meta.sitename) or None,
        url=meta.url or url,
        lang=_lang(tree),
        boilerplate=tuple(removed),
    )


def _main_text(
    tree: HtmlElement,
    url: str | None,
    title: str | None,
    captions: tuple[Caption, ...],
    linked_texts: set[str],
    options: HtmlOptions,
    removed: list[str],
) -> tuple[str, ...]:
    """trafilatura's main text as clean paragraphs; raises on index and empty pages."""
    # with_metadata stays off: trafilatura's author and date search doubled the run time;
    # _page_metadata reads the same sources minus the whole-page author hunt.
    def run(fast: bool):
        return trafilatura.bare_extraction(
            tree,  # bare_extraction copies a tree it is given, so it can run twice
            url=url,
            include_comments=False,
            include_tables=options.include_tables,
            favor_precision=options.focus == "precision",
            favor_recall=options.focus == "recall",
            fast=fast,
        )

    doc = run(fast=options.fallback != "always")
    if options.fallback == "auto" and (doc is None or len(doc.text or "") < FALLBACK_BELOW_CHARS):
        doc = run(fast=False)
    if doc is None or not doc.text:
        raise NoArticleTextError("no main text found (index page, empty body or text too short)")
    caption_texts = {c.text for c in captions}
    paragraphs = _paragraphs(doc.text, title, caption_texts, options.filter_chrome_lines, removed)
    linked = sum(len(p) for p in paragraphs if p in linked_texts)
    if linked > MAX_LINK_SHARE * sum(len(p) for p in paragraphs):
        raise NoArticleTextError("an index page: most of the text is link titles and teasers")
    if options.drop_link_lines:
        paragraphs = _drop_link_lines(paragraphs, linked_texts, removed)
    if not paragraphs:
        raise NoArticleTextError(
            "not an article page: only chrome or link lines (share, 'Baca juga', ads, teasers) were left"
        )
    return paragraphs


MAX_LIST_HEADING_CHARS = 60  # "More Must-Reads From TIME", "Berita Terkait" above a link list
MIN_LINK_LIST_LINES = 2


def _drop_link_lines(paragraphs: tuple[str, ...], linked_texts: set[str], removed: list[str]) -> tuple[str, ...]:
    """Drop short paragraphs that are one link's text (teasers, related lists, "- <link>"
    list items), and a short unpunctuated heading right above a run of them."""
    kept: list[str] = []
    run = 0  # link lines dropped since the last kept paragraph
    for para in paragraphs:
        text = para.removeprefix("- ")
        if len(text) <= MAX_LINK_LINE_CHARS and text in linked_texts:
            removed.append(para)
            run += 1
            if (run == MIN_LINK_LIST_LINES and kept and len(kept[-1]) <= MAX_LIST_HEADING_CHARS
                    and kept[-1][-1:] not in ".!?\"”'"):
                removed.append(kept.pop())
            continue
        run = 0
        kept.append(para)
    return tuple(kept)


def _page_metadata(tree: HtmlElement, url: str | None) -> trafilatura.settings.Document:
    """Title, author, site name and canonical URL from meta tags, JSON-LD and the head.

    The byline in the page body is looked up later, in ``_scan``'s single pass.
    """
    doc = trafilatura_metadata.examine_meta(tree)
    if doc.author and " " not in doc.author:
        doc.author = None  # one-word "authors" are site handles (trafilatura's rule)
    doc = trafilatura_metadata.extract_meta_json(tree, doc)
    doc.title = doc.title or trafilatura_metadata.extract_title(tree)
    doc.url = doc.url or trafilatura_metadata.extract_url(tree, url)
    doc.sitename = (doc.sitename or trafilatura_metadata.extract_sitename(tree) or "").lstrip("@") or None
    return doc


# --- headline ------------------------------------------------------------------------

# Separators between headline, section and site name in <title>/og:title:
# "X - Kompas.com", "KapanLagi.com: X", "X | Republika Online", "X - Health :: Okezone Lifestyle".
_TITLE_SEPARATOR = re.compile(r"(\s+[-–—|•·»]\s+|\s*::\s*|\s*\|\s*|:\s+)")
_SEPARATOR_CHARS = "-–—|•·»:"
_NON_ALNUM = re.compile(r"[\W_]+")
# Domain suffix labels (besides two-letter country codes): "kompas.com" -> "kompas",
# "republika.co.id" -> "republika", "gaya.tempo.co" -> "tempo".
_DOMAIN_SUFFIXES = frozenset({"com", "net", "org", "info", "news", "or", "ac", "go", "web", "sch", "gov", "edu"})
MAX_SITE_PIECE_WORDS = 5  # "ANTARA News Otomotif", "Tempo.Co", "Okezone Lifestyle"
MIN_SITE_KEY_CHARS = 4  # shorter names ("AP", "cnn") would match inside ordinary words
MAX_KICKER_LABEL_WORDS = 3  # "In Picture: <headline>", "FOTO: <headline>"
MIN_HEADING_SHARE = 0.5  # a heading shorter than this share of the title is a section name
# Elements that show the headline besides <h1>/<h2>: "judul"/"jdl" is Indonesian for title.
_HEADING_ATTR = re.compile(r"headline|title|judul|jdl")
_HEADING_TAGS = frozenset({"h1", "h2"})
MAX_HEADING_CHARS = 300
MAX_HEADINGS = 40


def _headline(
    meta_title: str | None, head_title: str, headings: list[str], sitename: str | None, url: str | None
) -> str | None:
    """The headline as the page shows it: the title without site name, section or tag prefix.

    A visible heading wins when the meta title is that heading plus separator-bounded
    extras (``Musik - <h1>``, ``<h1> - Kompas.com``) or a short kicker label plus the
    site-stripped title (``In Picture: <title>``).
    """
    titles = [t for t in dict.fromkeys((_clean(meta_title), head_title)) if t]
    if not titles:
        return None
    keys = _site_keys(sitename, url)
    stripped = [_strip_site(t, keys) for t in titles]
    base = stripped[0]
    best = None
    for heading in headings:
        if len(heading) < MIN_HEADING_SHARE * len(base) or (best and len(heading) <= len(best)):
            continue
        if any(heading == t or _is_piece(heading, t) for t in titles + stripped):
            best = heading
    if best:
        return best
    for heading in headings:
        label, sep, rest = heading.partition(": ")
        if sep and rest == base and len(label.split()) <= MAX_KICKER_LABEL_WORDS:
            return heading
    return base


def _site_keys(sitename: str | None, url: str | None) -> set[str]:
    """Lower-case alphanumeric forms of the site name and of the domain's own label."""
    keys = set()
    if sitename:
        keys.add(_NON_ALNUM.sub("", sitename.casefold()))
        keys.add(_NON_ALNUM.sub("", sitename.casefold().split(".")[0]))
    if url:
        host = urlsplit(url).hostname or ""
        labels = [x for x in host.casefold().split(".") if x and x != "www"]
        while len(labels) > 1 and (labels[-1] in _DOMAIN_SUFFIXES or len(labels[-1]) == 2):
            labels.pop()
        if labels:
            keys.add(_NON_ALNUM.sub("", labels[-1]))
    return {k for k in keys if len(k) >= MIN_SITE_KEY_CHARS}


def _is_site(piece: str, keys: set[str]) -> bool:
    """``piece`` names the site: "ANTARA News Otomotif", "Tempo.Co", "Okezone Lifestyle"."""
    norm = _NON_ALNUM.sub("", piece.casefold())
    return (len(norm) >= MIN_SITE_KEY_CHARS and len(piece.split()) <= MAX_SITE_PIECE_WORDS
            and any(k in norm or norm in k for k in keys))


def _strip_site(title: str, keys: set[str]) -> str:
    """``title`` without a leading or trailing site-name part (and what trails it)."""
    parts = _TITLE_SEPARATOR.split(title)  # text, sep, text, sep, ...
    texts = parts[::2]
    if len(texts) < 2 or not keys:
        return title
    end = len(texts)
    for i in range(len(texts) - 1, max(0, len(texts) - 3), -1):  # among the last two parts
        if _is_site(texts[i], keys):
            end = i
            break
    start = 1 if end > 1 and _is_site(texts[0], keys) else 0
    if start >= end:
        return title
    return "".join(parts[2 * start : 2 * end - 1]).strip()


def _is_piece(heading: str, title: str) -> bool:
    """``heading`` is a separator-bounded part of ``title`` (not a word inside it)."""
    i = title.find(heading)
    if i < 0:
        return False
    before, after = title[:i].rstrip(), title[i + len(heading) :].lstrip()
    return ((not before or before[-1] in _SEPARATOR_CHARS)
            and (not after or after[0] in _SEPARATOR_CHARS))


# --- dates shown as text -------------------------------------------------------------

# Elements that show the publication date: "date", "time", Indonesian "tanggal"/"tgl"/"waktu",
# kapanlagi's "newsdetail-schedule".
_DATE_ATTR = re.compile(r"date|time|tanggal|tgl|waktu|schedule|publish|posted")
MAX_DATE_ELEMS = 20
MAX_DATE_TEXT_CHARS = 200


def _visible_date(elems: list[HtmlElement], lang: str | None) -> str | None:
    """The first date written out with a month name in a date-classed element (htmldate misses
    Indonesian months); numeric dates there are too often ambiguous or someone else's."""
    langs = ("en", "id") if lang == "en" else LANGUAGES
    for elem in elems:
        text = _clean(elem.text_content())
        if len(text) > MAX_DATE_TEXT_CHARS:
            continue
        if day := parse_written_date(text, langs, numeric=False):
            return day.isoformat()  # parse_written_date keeps to plausible publication years
    return None


# --- paragraphs ----------------------------------------------------------------------

# "| Penulis | : Kontributor X |": a two-cell byline table row, read as "Penulis: X".
_LABEL_ROW = re.compile(r"^\|\s*(?P<label>[^|:]{1,30}?)\s*\|\s*:?\s*(?P<value>[^|]*?)\s*\|?$")


def _paragraphs(
    text: str, title: str | None, caption_texts: set[str], filter_chrome: bool, removed: list[str]
) -> tuple[str, ...]:
    """One paragraph per trafilatura line, without chrome, caption echoes or the headline."""
    headline = _clean(title).casefold()
    out: list[str] = []
    for line in _logical_lines(text):
        para = _clean(line)
        if para.startswith("|") and para.endswith("|") and para.count("|") == 2:
            para = para.strip("| ")  # a one-cell table row: layout, not data
        if not para or para in caption_texts:
            continue
        if (headline and para.casefold() == headline and len(out) <= MAX_KICKER_LINES
                and all(len(p) <= MAX_KICKER_CHARS for p in out)):
            out.clear()  # the headline and the kicker/section lines above it
            continue
        if filter_chrome and _is_chrome_line(para):
            removed.append(para)
            continue
        if out and _DATELINE_ONLY.match(out[-1]):
            out[-1] = f"{out[-1]} {para}"  # "Jakarta -" then the lead: one paragraph
            continue
        out.append(para)
    return tuple(out)


def _is_chrome_line(para: str) -> bool:
    if len(para) > MAX_CHROME_LINE_CHARS:
        return False
    if _chrome_line(para) or is_date_line(para):
        return True
    row = _LABEL_ROW.match(para) if para.startswith("|") else None
    return row is not None and bool(_chrome_line(f"{row['label']}: {row['value']}"))


def _logical_lines(text: str) -> list[str]:
    """trafilatura's lines, with raw source newlines (next line indented) joined back.

    trafilatura starts its own lines flush left; a line that starts with the page's
    indentation is a newline inside one HTML paragraph that it failed to collapse. Blank
    lines, table rows and chrome lines ("Fotografer: X" above the text) are never joined.
    """
    lines: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if (lines and lines[-1].strip() and stripped and line[:1] in (" ", "\t")
                and not stripped.startswith("|") and not _chrome_line(_clean(lines[-1]))):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines


# --- the single pass over the tree ---------------------------------------------------


@lru_cache(maxsize=1)
def _any_attr() -> re.Pattern[str]:
    """One regex for "might this class/id matter at all", so most elements cost one search."""
    return re.compile("|".join(
        p.pattern for p in (_CAPTION_ATTR, _HEADING_ATTR, _DATE_ATTR, _boilerplate_attr(), re.compile(r"\b(?:photo|foto)\b"))
    ))


@dataclass(slots=True)
class _Scan:
    """What ``_scan`` collects in its one pass over the tree."""

    anchors: set[str] = field(default_factory=set)
    captions: list[HtmlElement] = field(default_factory=list)
    boilerplate: list[HtmlElement] = field(default_factory=list)
    byline: HtmlElement | None = None
    headings: list[str] = field(default_factory=list)
    date_elems: list[HtmlElement] = field(default_factory=list)
    list_items: list[HtmlElement] = field(default_factory=list)
    loose: list[HtmlElement] = field(default_factory=list)


def _scan(tree: HtmlElement) -> _Scan:
    """Link texts, captions, boilerplate blocks, byline, headings, date elements, list items
    and containers with loose text, in one pass.

    One Python pass with regexes on class/id: the equivalent XPaths with ``translate()``
    cost a third of trafilatura's own extraction time.
    """
    scan = _Scan()
    body = tree.find("body")
    for elem in (body if body is not None else tree).iter(etree.Element):
        tag = elem.tag
        cls = elem.get("class", "")
        if scan.byline is None and _is_byline(elem, cls):
            scan.byline = elem
        if tag == "a":
            if text := _clean(elem.text_content()):
                scan.anchors.add(text)
            continue
        if tag == "figcaption":
            scan.captions.append(elem)
            continue
        if tag == "li":
            if len(elem) > 1 or (len(elem) == 1 and (elem[0].tag != "a" or len(elem[0]))):
                scan.list_items.append(elem)  # not a bare menu item <li><a>text</a></li>
        elif tag in _LOOSE_CONTAINERS and _has_loose_text(elem):
            scan.loose.append(elem)
        attrs = f"{cls} {elem.get('id', '')}".lower()
        any_attr = attrs != " " and _any_attr().search(attrs) is not None  # one search for most elements
        if len(scan.headings) < MAX_HEADINGS and (
            tag in _HEADING_TAGS or (any_attr and _HEADING_ATTR.search(attrs))
        ):
            text = _clean(elem.text_content())
            if text and len(text) <= MAX_HEADING_CHARS:
                scan.headings.append(text)
        if not any_attr:
            continue
        if len(scan.date_elems) < MAX_DATE_ELEMS and _DATE_ATTR.search(attrs):
            scan.date_elems.append(elem)
        if tag not in _NOT_CAPTION_TAGS and _CAPTION_ATTR.search(attrs):
            if elem.find(".//figcaption") is None:
                scan.captions.append(elem)
        elif (tag == "div" and cls in _PHOTO_BOX_CLASSES and elem.find(".//img") is not None
              and elem.find(".//p") is None):
            scan.captions.append(elem)
        elif tag not in _BOILERPLATE_KEEP_TAGS and _boilerplate_attr().search(attrs):
            scan.boilerplate.append(elem)
    return scan


# --- text outside paragraphs -----------------------------------------------------------

# trafilatura drops text that sits directly in a container whose other children are
# blocks: the lead "<b>Kapanlagi.com</b> - Pesona …<p>…", kompas' "<div><strong>Jakarta,
# KompasOtomotif</strong> – Tahun depan …<br/><br/>…<p>…" and viva's
# "<span><strong>VIVA.co.id</strong> - …<div>…". Such runs are wrapped in a <p> first.
_LOOSE_CONTAINERS = frozenset({"div", "span", "td", "section", "article", "main", "font", "center"})
_BLOCK_TAGS = frozenset({
    "p", "div", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "section", "article", "figure", "pre", "form", "header", "footer", "nav", "aside", "hr",
    "li", "main", "address", "center", "fieldset", "details", "iframe", "script", "style",
    "noscript", "video", "audio", "object",
})
MIN_LOOSE_CHARS = 40  # shorter runs are separators and labels ("|", "Share:"), left as they are


def _has_loose_text(elem: HtmlElement) -> bool:
    """A sentence-long text directly in ``elem`` next to at least one block child."""
    loose = len(elem.text or "") >= MIN_LOOSE_CHARS and bool(elem.text.strip())
    has_block = False
    for child in elem:
        has_block = has_block or child.tag in _BLOCK_TAGS
        tail = child.tail
        loose = loose or (tail is not None and len(tail) >= MIN_LOOSE_CHARS and len(tail.strip()) >= MIN_LOOSE_CHARS)
        if has_block and loose:
            return True
    return False


# What libxml2 may leave in a parsed tree (from a mis-declared encoding) but lxml refuses to
# be given back as text: characters XML 1.0 forbids.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _wrap_loose_text(elem: HtmlElement) -> None:
    """Wrap each run of text and inline children between block children in a new <p>."""
    if elem.getparent() is None or _has_removed_ancestor(elem):
        return
    children = list(elem)
    runs: list[HtmlElement] = []
    run = None
    if elem.text and elem.text.strip():
        run = elem.makeelement("p", {})
        run.text, elem.text = _NOT_XML.sub("", elem.text), None
        runs.append(run)
    rebuilt: list[HtmlElement] = []
    if run is not None:
        rebuilt.append(run)
    for child in children:
        elem.remove(child)  # the tail travels with it
        if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS:
            run = None
            tail, child.tail = child.tail, None
            rebuilt.append(child)
            if tail and tail.strip():
                run = elem.makeelement("p", {})
                run.text = _NOT_XML.sub("", tail)
                runs.append(run)
                rebuilt.append(run)
        else:
            if run is None:
                run = elem.makeelement("p", {})
                runs.append(run)
                rebuilt.append(run)
            run.append(child)
    elem.extend(rebuilt)
    for run in runs:
        if len(_clean(run.text_content())) < MIN_LOOSE_CHARS:
            run.drop_tag()


# --- index pages -----------------------------------------------------------------------

_NOT_TEASER_TAGS = frozenset({"a", "script", "style", "noscript"})
MAX_TEASER_ITEM_CHARS = 1000  # a list item longer than this is content, not a teaser card


def _teaser_texts(items: list[HtmlElement]) -> set[str]:
    """Texts in list items that also hold a link: teaser cards of index pages.

    A card is ``<li><h3><a>headline</a></h3><p>summary</p></li>`` (or the whole card inside
    the link); the summary, date and section lines count as link text when deciding
    whether a page is an index page. A link inside the text itself does not make a card.
    """
    texts: set[str] = set()
    for item in items:
        links = item.findall(".//a")
        if not links:
            continue
        for elem in item.iterdescendants(etree.Element):
            if elem.tag in _NOT_TEASER_TAGS or elem.find(".//a") is not None:
                continue
            text = _clean(elem.text_content())
            if text and len(text) <= MAX_TEASER_ITEM_CHARS:
                texts.add(text)
    return texts


MAX_BYLINE_CHARS = 80  # longer "bylines" are bios or whole boxes
_BYLINE_CLASS = re.compile(r"author__name|detail__author|byline__name")
_BYLINE_PREFIX = re.compile(r"^(?:by|oleh)\s+", re.IGNORECASE)


def _is_byline(elem: HtmlElement, attrs: str) -> bool:
    """A byline element; trafilatura's own author search cost as much as the extraction."""
    return (elem.get("rel") == "author" or elem.get("itemprop") == "author"
            or _BYLINE_CLASS.search(attrs) is not None)


def _byline_text(elem: HtmlElement | None) -> str | None:
    if elem is None:
        return None
    name = elem.find(".//*[@itemprop='name']")
    text = _clean((name if name is not None else elem).text_content())
    if not text or len(text) > MAX_BYLINE_CHARS:
        return None
    return _BYLINE_PREFIX.sub("", text)


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _lang(tree: HtmlElement) -> str | None:
    root = tree.getroottree().getroot()
    lang = (root.get("lang") or root.get("xml:lang") or "").strip()
    return lang or None


# A caption element inside one of these (its own class or up to three ancestors') belongs
# to a photo gallery, whose captions are the story when the page has no other text.
_GALLERY_ATTR = re.compile(r"galler|galeri|slide")
GALLERY_ANCESTORS = 3
MIN_GALLERY_CAPTION_CHARS = 40


def _pull_captions(elems: list[HtmlElement]) -> tuple[tuple[Caption, ...], tuple[Caption, ...]]:
    """Remove caption elements from the tree; return them once each, credit split off,
    and the subset that captions a photo gallery."""
    captions: list[Caption] = []
    gallery: list[Caption] = []
    seen: set[str] = set()
    for elem in elems:
        if elem.getparent() is None or _has_removed_ancestor(elem):
            continue
        raw = _clean(elem.text_content())
        if len(raw) > MAX_CAPTION_CHARS:
            continue
        credit = None
        credit_elems = _CREDIT_CHILD_XPATH(elem)
        if credit_elems:
            credit = _clean(credit_elems[0].text_content())
            raw = _clean(raw.replace(credit, "", 1)) if credit else raw
            credit = _credit_rules().label.sub("", credit).strip(" ()") or None
        caption = _split_credit(raw, credit)
        in_gallery = _in_gallery(elem)
        elem.drop_tree()
        if caption is not None and caption.text not in seen:
            seen.add(caption.text)
            captions.append(caption)
            if in_gallery and len(caption.text) >= MIN_GALLERY_CAPTION_CHARS:
                gallery.append(caption)
    return tuple(captions), tuple(gallery)


def _in_gallery(elem: HtmlElement) -> bool:
    for node in (elem, *itertools.islice(elem.iterancestors(), GALLERY_ANCESTORS)):
        if _GALLERY_ATTR.search(f"{node.get('class', '')} {node.get('id', '')}".lower()):
            return True
    return False


def _has_removed_ancestor(elem: HtmlElement) -> bool:
    """True when an ancestor was already dropped (nested caption classes)."""
    root = elem.getroottree().getroot()
    return root.tag != "html" and root is not elem


def _split_credit(raw: str, credit: str | None) -> Caption | None:
    """Caption text and photo credit; None for bare credits and ad labels."""
    text = raw.strip(" |-–—")
    if _chrome_line(text):
        return None
    if credit is None:
        text, credit = _credit_from_text(text)
    if not text:
        return None
    return Caption(text=text, credit=credit or None)


def _credit_from_text(text: str) -> tuple[str, str | None]:
    leading = _credit_rules().leading_label.match(text)
    if leading:
        rest = leading.group("rest").strip()
        paren = _TRAILING_PAREN.match(rest)
        if paren:
            return paren.group("text").strip(" |-–—,;"), paren.group("credit").strip()
        if len(rest.split()) <= MAX_CREDIT_ONLY_WORDS:
            return "", rest
        return rest, None
    credit = None
    # two passes: "... (AP Photo/Jon Super) Foto: AP/Jon Super" keeps the last credit, drops the echo
    for _ in range(2):
        match = next((m for p in _credit_rules().patterns if (m := p.match(text))), None)
        if match is None:
            break
        text = match.group("text").strip(" |-–—,;")
        credit = credit or _credit_rules().label.sub("", match.group("credit")).strip(" .") or None
    return text, credit


def _drop_boilerplate(elems: list[HtmlElement]) -> list[str]:
    """Remove share bars, related lists and "Baca juga" boxes that trafilatura keeps.

    Returns the text of the short ones (a "Baca juga: …" line, a share bar) for the
    record's audit list; long related lists are only dropped.
    """
    removed: list[str] = []
    for elem in elems:
        if elem.getparent() is None or _has_removed_ancestor(elem):
            continue
        text = elem.text_content()
        if len(text) > MAX_BOILERPLATE_BLOCK_CHARS:
            continue
        elem.drop_tree()
        text = _clean(text)
        if text and len(text) <= MAX_CHROME_LINE_CHARS:
            removed.append(text)
    return removed


def page_date(html: str, url: str | None = None) -> tuple[str | None, str | None]:
    """The publication day of a page and its basis, without extracting its text: the same
    steps ``extract_html`` runs, usable on pages it refuses (index pages, short posts)."""
    tree = load_html(html)
    if tree is None:
        return None, None
    return _published_date(tree, url, lambda: _scan(tree).date_elems)


def _published_date(
    tree: HtmlElement, url: str | None, date_elems: Callable[[], list[HtmlElement]]
) -> tuple[str | None, str | None]:
    """Publication day and its basis: markup, else the URL, else a date shown in a
    date-classed element, else htmldate's search of the page."""
    day, basis, utc = _structured_date(tree)
    url_day = _url_day(url)
    if day and utc and url_day and _days_apart(day, url_day) == 1:
        # A UTC stamp gives the local day only to within one day; the CMS writes the local day
        # into the URL ("…/2020/02/24/…" with 2020-02-25T02:25:54Z). A date shown in the page
        # is no such check: it is too often today's date or a teaser's.
        return url_day, "url"
    if day:
        return day, basis
    if url_day:
        return url_day, "url"
    page_lang = (_lang(tree) or "")[:2].lower()
    if day := _visible_date(date_elems(), page_lang):
        return day, "html-text"
    # htmldate's text heuristics, slower, so only when the markup says nothing: the fast pass
    # first, the extensive search only when that finds nothing (it may call dateparser, whose
    # first call in a process loads its locale data: about 2 s, once).
    found = find_date(tree, url=url, **trafilatura_metadata.set_date_params(False)) or find_date(
        tree, url=url, **trafilatura_metadata.set_date_params(True))
    return (found[:10], "html-text") if found else (None, None)


def _structured_date(tree: HtmlElement) -> tuple[str | None, str | None, bool]:
    """Publication day from markup, in the order meta, JSON-LD, ``<time>``; the flag says
    that the timestamp was written in UTC."""
    for meta in tree.iterfind(".//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _DATE_META_NAMES:
            value = meta.get("content")
            if day := _iso_day(value):
                return day, "html-meta", _is_utc(value)
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        match = _JSONLD_DATE.search(script.text or "")
        if match and (day := _iso_day(match.group(1))):
            return day, "json-ld", _is_utc(match.group(1))
    found: list[tuple[str, str]] = []  # (day, stamp) of each publication <time>
    for time in tree.iterfind(".//time[@datetime]"):
        if time.get("itemprop") == "datePublished" or "publish" in (time.get("class") or ""):
            value = time.get("datetime")
            if day := _iso_day(value):
                found.append((day, value))
    # the first, unless they show many different days: then they date a list of teasers
    if found and len({day for day, _ in found}) <= MAX_PUBLISHED_TIME_DAYS:
        return found[0][0], "html-meta", _is_utc(found[0][1])
    return None, None, False


def _url_day(url: str | None) -> str | None:
    day = date_from_url(url)
    return day.isoformat() if day else None


def _is_utc(value: str) -> bool:
    return _UTC_STAMP.search(value) is not None


def _days_apart(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def _iso_day(value: str | None) -> str | None:
    match = _DATE_PREFIX.search(value or "")
    if match:
        ymd = match.groups()
    else:
        # the e-mail/RSS form some CMSs put in meta tags: "Sat, 19 Oct 2019 00:04:00 +0200"
        ymd = (parsedate(value) or ())[:3] if value else ()
    if not ymd:
        return None
    try:
        day = dt.date(*map(int, ymd))
    except ValueError:
        return None
    return day.isoformat() if 1990 <= day.year <= 2100 else None


