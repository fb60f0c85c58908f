"""Article text, captions and page metadata from one HTML page.

trafilatura does the main-text extraction; this module adds what news pages need
on top of it and that trafilatura leaves in (photo captions mixed into the body,
Indonesian in-article chrome such as ``Baca juga:`` and ``ADVERTISEMENT``, a
publication date that says where it came from).

``extract_html`` steps:
  1. parse the page once (``trafilatura.utils.load_html``);
  2. read title, site name, URL, author and the publication date from meta tags, JSON-LD,
     ``<time>`` and the URL (cheap lookups; trafilatura's full metadata search doubled
     the run time);
  3. one pass over the tree: link texts, caption elements, boilerplate blocks, byline;
  4. pull photo captions out of the tree, splitting off the photo credit;
  5. drop known boilerplate blocks (share bars, related lists, "Baca juga" boxes);
  6. hand the same tree to ``trafilatura.bare_extraction`` (comments off) for the text;
  7. split into paragraphs and drop chrome lines, caption echoes, the headline and
     teaser links; refuse pages whose text is mostly link titles (index pages);
  8. only if the markup had no date, let htmldate search the page text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from trafilatura import metadata as trafilatura_metadata
from trafilatura.utils import load_html

from warta.errors import NoArticleTextError
from warta.model import Caption


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


@dataclass(frozen=True, slots=True)
class HtmlOptions:
    """Switches of the extraction; the defaults are the measured best (see TUNING)."""

    focus: str = "precision"  # trafilatura focus: balanced | precision | recall
    include_tables: bool = True
    strip_captions: bool = True
    drop_boilerplate_blocks: bool = True
    filter_chrome_lines: bool = True
    drop_link_lines: bool = True  # a short paragraph that is exactly a link's text is a teaser


DEFAULT_OPTIONS = HtmlOptions()

# --- TUNING ---------------------------------------------------------------
# Chosen with `python benchmarks/extraction.py --corpus trafilatura-eval|anpandu|newspaper4k
# --variant ...` and by reading the detik/anpandu pages; the Scrapinghub set is only
# reported, never tuned on. On trafilatura-eval every switch below moves F1 by <= 0.001
# (0.924-0.925, trafilatura 0.921); they stay on because Indonesian pages need them
# (Baca juga, ADVERTISEMENT, captions). focus="precision" (HtmlOptions) won on both news
# corpora (anpandu F1 0.849 -> 0.909, newspaper4k 0.944 -> 0.967) and lost a little on
# the general-web trafilatura-eval (0.924 -> 0.920); Warta reads news, so it is the default.
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
# "pic_artikel_sisip" photo box, Indonesian "keterangan foto"), and kompas-style photo
# boxes <div class="photo"><img><span class="author">…</span> text</div>.
_CAPTION_ATTR = re.compile(r"caption|pic_artikel_sisip|keterangan")
_PHOTO_BOX_CLASSES = frozenset({"photo", "foto"})
_NOT_CAPTION_TAGS = frozenset({"html", "body", "figure"})
_CREDIT_CHILD_XPATH = etree.XPath(
    ".//*[contains(@class, 'credit') or contains(@class, 'copyright') or contains(@class, 'source')"
    " or contains(@class, 'author') or contains(@class, 'photographer')]"
)

# Credits written into the caption text, tried in order; the caption is what precedes.
_AGENCY = r"(?:ANTARA(?: FOTO)?|REUTERS|AP(?: Photo)?|AFP(?: PHOTO)?|EPA(?:-EFE)?|Getty Images|Xinhua|Bloomberg)"
_LABEL = r"(?:(?:Foto|Photo)(?: by| oleh)?|Photograph|Image|Gambar|(?:Mandatory )?Credit|Kredit|Sumber foto|Sumber|Dok|Doc|Ist)"
_CREDIT_PATTERNS = (
    # "... (ANTARA FOTO/Name/foo)", "(Foto: dok. X)", "(REUTERS/Name)", "(Edi Wahyono/detikcom)"
    re.compile(
        rf"^(?P<text>.*?)[\s,;|-]*\((?P<credit>(?:{_AGENCY}|{_LABEL})\b[^()]*|[^\W\d][^()/]{{1,40}}/[^()]{{2,60}})\)\s*\.?$",
        re.IGNORECASE | re.DOTALL,
    ),
    # "... Foto: Reuters", "... | Photo: AP", "... Foto: dok. X", "Ilustrasi. Foto: iStock"
    re.compile(rf"^(?P<text>.+?)[\s,;|-]*\b{_LABEL}\s*[:.]\s*(?P<credit>[^:]{{2,80}})$", re.IGNORECASE | re.DOTALL),
    # "... on Monday. REUTERS/Carlos Barria", "... ANTARA FOTO/Name"
    re.compile(rf"^(?P<text>.+?)[\s,;|-]*\b(?P<credit>{_AGENCY}(?:/[^/\n()]{{2,60}}){{0,2}})\s*\.?$", re.DOTALL),
)
# detik style "Foto: <caption> (<credit>)": the label leads and the credit trails.
_LEADING_LABEL = re.compile(rf"^{_LABEL}\s*:\s*(?P<rest>.+)$", re.IGNORECASE | re.DOTALL)
_TRAILING_PAREN = re.compile(r"^(?P<text>.+?)\s*\((?P<credit>[^()]{2,80})\)\s*\.?$", re.DOTALL)
MAX_CREDIT_ONLY_WORDS = 5  # "Foto: dok. Polda Metro" with nothing else is a bare credit
_CREDIT_LABEL = re.compile(rf"^{_LABEL}\s*:?\s*", re.IGNORECASE)

# Blocks that are site chrome in news pages, matched as whole words of class/id
# (split on space, "-" and "_"): substring matching hit Wired's "paywall" paragraphs and
# "hashtags"-style names. trafilatura already drops most nav/comment blocks.
_BOILERPLATE_WORDS = (
    "baca juga", "bacajuga", "lihat juga", "lihatjuga", "read also", "readalso", "also read",
    "related", "terkait", "berita terkait", "newsletter", "share", "sharing", "social", "sosmed",
    "breadcrumb", "breadcrumbs", "advertisement", "ads", "advert", "iklan", "tags", "tag",
    "recommended", "recommendation", "terpopuler", "populer", "most popular",
)
_BOILERPLATE_ATTR = re.compile(
    r"(?:^|[\s_-])(?:" + "|".join(re.escape(w).replace(r"\ ", "[_-]?") for w in _BOILERPLATE_WORDS) + r")(?:$|[\s_-])"
)
_BOILERPLATE_KEEP_TAGS = frozenset({"html", "body", "article", "main"})
# A block holding this much text is not a share bar or a related list: keep it.
MAX_BOILERPLATE_BLOCK_CHARS = 1500

# Whole lines that are in-article chrome (Indonesian and English outlets).
_CHROME_LINE = re.compile(
    r"^(?:"
    r"\W*"  # rules such as "-----" and empty table cells
    r"|\[gambas:.*\]"  # detik embeds: "[Gambas:Video 20detik]"
    r"|artikel ini (?:telah|sudah) (?:tayang|naik|terbit|dimuat)\b.*"  # syndication notice"
    r"(?:baca|lihat|simak|tonton|saksikan) (?:juga|pula|video)\b.*"
    r"|advertisement|iklan|scroll to continue with content|scroll to resume content"
    r"|(?:editor|penulis|reporter|pewarta|penyunting|redaktur|sumber|kontributor)\s*:.*"
    r"|(?:ikuti|follow|dapatkan|gabung|download|unduh|klik)\b.*"
    r"(?:google news|whatsapp|telegram|channel|update berita|aplikasi|instagram|twitter|facebook).*"
    r"|(?:related|read more|read also|see also|also read|recommended)\s*:.*"
    r"|\(\s*[a-z]{2,5}\s*/\s*[a-z]{2,5}\s*\)"  # detik/kompas sign-off "(mib/imk)"
    r")$",
    re.IGNORECASE,
)

# A dateline that trafilatura split from its lead paragraph ("<strong>Jakarta</strong> -").
_DATELINE_ONLY = re.compile(r"^[A-Z][\w.,() ]{1,40}\s[-–—]$")

_DATE_META_NAMES = (
    "article:published_time", "og:published_time", "article:published", "publishdate",
    "publish-date", "publish_date", "pubdate", "datepublished", "date", "dc.date",
    "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
    "article.published", "content_publisheddate", "originalpublicationdate", "cxenseparse:recs:publishtime",
)
_DATE_PREFIX = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(\d{2})[/-]?(\d{2})(?:/|[^\d])")
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


def extract_html(html: str, url: str | None = None, options: HtmlOptions = DEFAULT_OPTIONS) -> HtmlExtraction:
    """Extract one article page; raise ``NoArticleTextError`` when it holds no article text."""
    tree = load_html(html)
    if tree is None:
        raise NoArticleTextError("the page could not be parsed as HTML (empty, binary or an XML feed)")
    meta = _page_metadata(tree, url)
    published, basis = _structured_date(tree, url)
    anchors, caption_elems, boilerplate_elems, byline = _scan(tree)
    meta.author = meta.author or _byline_text(byline)
    captions = _pull_captions(caption_elems) if options.strip_captions else ()
    if options.drop_boilerplate_blocks:
        _drop_boilerplate(boilerplate_elems)
    # with_metadata stays off: trafilatura's author and date search doubled the run time;
    # _page_metadata reads the same sources minus the whole-page author hunt.
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=options.include_tables,
        favor_precision=options.focus == "precision",
        favor_recall=options.focus == "recall",
    )
    if doc is None or not doc.text:
        raise NoArticleTextError("no main text found (index page, empty body or text too short)")
    caption_texts = {c.text for c in captions}
    paragraphs = _paragraphs(doc.text, meta.title, caption_texts, options.filter_chrome_lines)
    linked = sum(len(p) for p in paragraphs if p in anchors)
    if linked > MAX_LINK_SHARE * sum(len(p) for p in paragraphs):
        raise NoArticleTextError("an index page: most of the text is link titles")
    if options.drop_link_lines:
        paragraphs = tuple(p for p in paragraphs if len(p) > MAX_LINK_LINE_CHARS or p not in anchors)
    if not paragraphs:
        raise NoArticleTextError(
            "not an article page: only chrome or link lines (share, 'Baca juga', ads, teasers) were left"
        )
    if published is None:
        # htmldate's text heuristics: slower, so only when the markup says nothing
        found = find_date(tree, url=url, **trafilatura_metadata.set_date_params(False))
        if found:
            published, basis = found[:10], "html-text"
    return HtmlExtraction(
        title=_clean(meta.title) or None,
        paragraphs=paragraphs,
        captions=captions,
        published=published,
        published_basis=basis,
        author=_clean(meta.author) or None,
        sitename=_clean(meta.sitename) or None,
        url=meta.url or url,
        lang=_lang(tree),
    )


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


def _paragraphs(
    text: str, title: str | None, caption_texts: set[str], filter_chrome: bool
) -> tuple[str, ...]:
    """One paragraph per trafilatura line, without chrome, caption echoes or the headline."""
    headline = _clean(title).casefold()
    out: list[str] = []
    for line in _logical_lines(text):
        para = _clean(line)
        if para.startswith("|") and para.endswith("|"):
            para = para.strip("| ")  # a one-cell table row: layout, not data
        if not para or para in caption_texts:
            continue
        if (headline and para.casefold() == headline and len(out) <= MAX_KICKER_LINES
                and all(len(p) <= MAX_KICKER_CHARS for p in out)):
            out.clear()  # the headline and the kicker/section lines above it
            continue
        if filter_chrome and len(para) <= MAX_CHROME_LINE_CHARS and _CHROME_LINE.match(para):
            continue
        if out and _DATELINE_ONLY.match(out[-1]):
            out[-1] = f"{out[-1]} {para}"  # "Jakarta -" then the lead: one paragraph
            continue
        out.append(para)
    return tuple(out)


def _logical_lines(text: str) -> list[str]:
    """trafilatura's lines, with raw source newlines (next line indented) joined back.

    trafilatura starts its own lines flush left; a line that starts with the page's
    indentation is a newline inside one HTML paragraph that it failed to collapse.
    """
    lines: list[str] = []
    for line in text.split("\n"):
        if lines and lines[-1].strip() and line[:1] in (" ", "\t"):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines


def _scan(
    tree: HtmlElement,
) -> tuple[set[str], list[HtmlElement], list[HtmlElement], HtmlElement | None]:
    """Link texts, caption elements, boilerplate blocks and the byline, in one pass.

    One Python pass with regexes on class/id: the equivalent XPaths with ``translate()``
    cost a third of trafilatura's own extraction time.
    """
    anchors: set[str] = set()
    captions: list[HtmlElement] = []
    boilerplate: list[HtmlElement] = []
    byline = None
    for elem in tree.iter(etree.Element):
        tag = elem.tag
        if byline is None and _is_byline(elem, elem.get("class", "")):
            byline = elem
        if tag == "a":
            if text := _clean(elem.text_content()):
                anchors.add(text)
            continue
        if tag == "figcaption":
            captions.append(elem)
            continue
        cls = elem.get("class", "")
        attrs = f"{cls} {elem.get('id', '')}".lower()
        if attrs == " ":
            continue
        if tag not in _NOT_CAPTION_TAGS and _CAPTION_ATTR.search(attrs):
            if elem.find(".//figcaption") is None:
                captions.append(elem)
        elif (tag == "div" and cls in _PHOTO_BOX_CLASSES and elem.find(".//img") is not None
              and elem.find(".//p") is None):
            captions.append(elem)
        elif tag not in _BOILERPLATE_KEEP_TAGS and _BOILERPLATE_ATTR.search(attrs):
            boilerplate.append(elem)
    return anchors, captions, boilerplate, byline


def _pull_captions(elems: list[HtmlElement]) -> tuple[Caption, ...]:
    """Remove caption elements from the tree and return them once each, credit split off."""
    captions: list[Caption] = []
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
            credit = _CREDIT_LABEL.sub("", credit).strip(" ()") or None
        caption = _split_credit(raw, credit)
        elem.drop_tree()
        if caption is not None and caption.text not in seen:
            seen.add(caption.text)
            captions.append(caption)
    return tuple(captions)


def _has_removed_ancestor(elem: HtmlElement) -> bool:
    """True when an ancestor was already dropped (nested caption classes)."""
    root = elem.getroottree().getroot()
    return root.tag != "html" and root is not elem


def _split_credit(raw: str, credit: str | None) -> Caption | None:
    """Caption text and photo credit; None for bare credits and ad labels."""
    text = raw.strip(" |-–—")
    if _CHROME_LINE.match(text):
        return None
    if credit is None:
        text, credit = _credit_from_text(text)
    if not text:
        return None
    return Caption(text=text, credit=credit or None)


def _credit_from_text(text: str) -> tuple[str, str | None]:
    leading = _LEADING_LABEL.match(text)
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
        match = next((m for p in _CREDIT_PATTERNS if (m := p.match(text))), None)
        if match is None:
            break
        text = match.group("text").strip(" |-–—,;")
        credit = credit or _CREDIT_LABEL.sub("", match.group("credit")).strip(" .") or None
    return text, credit


def _drop_boilerplate(elems: list[HtmlElement]) -> None:
    """Remove share bars, related lists and "Baca juga" boxes that trafilatura keeps."""
    for elem in elems:
        if elem.getparent() is None or _has_removed_ancestor(elem):
            continue
        if len(elem.text_content()) > MAX_BOILERPLATE_BLOCK_CHARS:
            continue
        elem.drop_tree()


def _structured_date(tree: HtmlElement, url: str | None) -> tuple[str | None, str | None]:
    """Publication day from markup, in the order meta, JSON-LD, ``<time>``, URL."""
    for meta in tree.iterfind(".//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _DATE_META_NAMES:
            day = _iso_day(meta.get("content"))
            if day:
                return day, "html-meta"
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        match = _JSONLD_DATE.search(script.text or "")
        if match:
            day = _iso_day(match.group(1))
            if day:
                return day, "json-ld"
    for time in tree.iterfind(".//time[@datetime]"):
        if time.get("itemprop") == "datePublished" or "publish" in (time.get("class") or ""):
            day = _iso_day(time.get("datetime"))
            if day:
                return day, "html-meta"
    if url:
        match = _URL_DATE.search(url)
        if match:
            day = _iso_day("-".join(match.groups()))
            if day:
                return day, "url"
    return None, None


def _iso_day(value: str | None) -> str | None:
    match = _DATE_PREFIX.search(value or "")
    if not match:
        return None
    try:
        day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return day.isoformat() if 1990 <= day.year <= 2100 else None


__all__ = ["DEFAULT_OPTIONS", "HtmlExtraction", "HtmlOptions", "extract_html"]
