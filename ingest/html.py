"""HTML backend: web-page minutes with navigation, scripts and page chrome stripped.

The main content is the <main>/<article> element when there is one, else the element that
holds most of the page's paragraph text.
"""
from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

from .colours import word_colour_to_hex
from .limits import (MAX_HTML_BYTES, MAX_HTML_DEPTH, MAX_HTML_TAGS, MAX_TABLE_CELLS, clamp_span,
                     cut)
from .model import Block, Cell, Page, Problem, Table

CHROME = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
          "iframe", "svg", "button", "dialog"]
# Page chrome named by class or id, as whole words ("site-nav", not "canvas"). "header" is
# not among them: a "page-header" div often holds the minutes' own title. Consent banners go
# by vendor names run into other words ("CybotCookiebotDialog"), so those match anywhere.
CHROME_NAME = re.compile(r"(?i)(?:^|[\s_-])(nav|navbar|menu|sidebar|widget|breadcrumbs?|share|"
                         r"social|comments?|footer|related|skip-link|screen-reader-text|"
                         r"sr-only|visually-hidden|modal|popup)(?:$|[\s_-])"
                         r"|cookie|consent|gdpr|onetrust|cookiebot|cc-window")
CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "dialog",
                "alertdialog"}
# A table row or cell is content even when its class says "header".
NEVER_CHROME = {"html", "body", "main", "article", "table", "thead", "tbody", "tfoot", "tr",
                "td", "th"}
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "dt", "dd"}
MAX_CELL_CHARS = 5000
HTML_TODO = "Save the page as PDF, or split it, and run on that."


def read_html(path: Path, sha256: str, problems: list[Problem]) -> list[Page]:
    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    raw = _capped_bytes(path, problems)
    with warnings.catch_warnings():  # an XHTML page is still read as HTML, on purpose
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(raw, "lxml")
    _flatten_deep(soup, path.name, problems)
    for tag in soup(CHROME):
        # an <article>'s own <header> holds its title and date: content, not site chrome
        if tag.name in ("header", "footer") and tag.find_parent("article") is not None:
            continue
        tag.decompose()
    for tag in soup.find_all(_is_chrome):
        if tag.parent is not None:  # not already gone with a chrome ancestor
            tag.decompose()
    root = _main_content(soup)
    page = Page(number=None)
    counter = iter(range(10**9))
    _walk(root, page, counter, sha256)
    return [page]


def _capped_bytes(path: Path, problems: list[Problem]) -> bytes:
    """The page's bytes up to MAX_HTML_BYTES and MAX_HTML_TAGS, cut before a tag so no half
    tag is parsed. Counting "<" bounds the tree BeautifulSoup builds before it builds it."""
    with path.open("rb") as fh:
        raw = fh.read(MAX_HTML_BYTES + 1)
    if len(raw) > MAX_HTML_BYTES:
        raw = raw[:MAX_HTML_BYTES]
        raw = raw[:raw.rfind(b"<")] if raw.rfind(b"<") > 0 else raw
        problems.append(cut(f"{MAX_HTML_BYTES // 2**20} MiB", f"{path.name} is larger than "
                            f"the {MAX_HTML_BYTES // 2**20} MiB of HTML boardpapers reads from "
                            f"one page; the rest was not read. {HTML_TODO}"))
    at = -1
    for _ in range(MAX_HTML_TAGS + 1):
        at = raw.find(b"<", at + 1)
        if at == -1:
            return raw
    problems.append(cut(f"tag {MAX_HTML_TAGS:,}", f"{path.name} has more than "
                        f"{MAX_HTML_TAGS:,} tags, far more than a page of minutes; the rest "
                        f"was not read. {HTML_TODO}"))
    return raw[:at]


def _flatten_deep(soup: Any, file: str, problems: list[Problem]) -> None:
    """Read elements nested deeper than MAX_HTML_DEPTH as their parent's text. Unclosed tags
    nest every later element one deeper: 1,000 unclosed <div>s overflowed our recursion,
    and each level costs a pass over everything below it."""
    stack = [(soup, 0)]
    flattened = False
    while stack:  # iterative: the tree may be deeper than Python's recursion limit
        tag, depth = stack.pop()
        children = [c for c in tag.children if getattr(c, "name", None)]
        if depth == MAX_HTML_DEPTH and children:
            tag.string = tag.get_text(" ")
            flattened = True
            continue
        stack.extend((c, depth + 1) for c in children)
    if flattened:
        problems.append(cut(f"nesting depth {MAX_HTML_DEPTH}", f"{file} nests elements more "
                            f"than {MAX_HTML_DEPTH} deep (often tags left unclosed); the text "
                            "below that depth was read without its paragraphs and tables. "
                            "Check them against the page."))


def _is_chrome(tag: Any) -> bool:
    if tag.name in NEVER_CHROME:
        return False
    if (tag.get("role") or "").lower() in CHROME_ROLES:
        return True
    names = " ".join([*(tag.get("class") or []), tag.get("id") or "",
                      tag.get("aria-label") or ""])
    return bool(names.strip()) and CHROME_NAME.search(names) is not None


def _main_content(soup: Any) -> Any:
    """<main>, narrowed to the <article> inside it when there is one, or one that holds most
    of its text (a site's <main> often also holds a copyright line or "related pages"); else
    <article>; else the deepest container holding most of the page's text."""
    mains = soup.find_all("main")
    if mains:
        main = max(mains, key=_content_len)
        articles = main.find_all("article")
        best = max(articles, key=_content_len) if articles else None
        if best is not None and (len(articles) == 1
                                 or _content_len(best) >= 0.8 * _content_len(main)):
            return best
        return main
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda t: len(t.get_text()))
    body = soup.body or soup
    total = _content_len(body)
    # the deepest container that still holds most of the page's text is the content
    holders = [t for t in body.find_all(["div", "section"]) if _content_len(t) >= total * 0.8]
    return min(holders, key=_content_len) if holders and total else body


def _content_len(tag: Any) -> int:
    return sum(len(p.get_text()) for p in tag.find_all(["p", "li", "td"]))


def _walk(node: Any, page: Page, counter: Any, sha256: str) -> None:
    for child in node.children:
        name = getattr(child, "name", None)
        if name is None:
            text = str(child).strip()
            if text and node.name not in BLOCK_TAGS:
                _add(page, counter, sha256, text, "paragraph", node.name)
            continue
        if name == "table":
            rows = _table_rows(child)
            if rows:
                page.items.append(Table(index=next(counter), page=None, rows=rows,
                                        sha256=sha256))
        elif name in BLOCK_TAGS:
            if child.find("table"):
                _walk(child, page, counter, sha256)
                continue
            text = _text(child)
            kind = "heading" if name.startswith("h") and len(name) == 2 else (
                "list_item" if name == "li" else "paragraph")
            if name == "p" and _all_bold(child) and len(text) <= 120:
                kind = "heading"
            _add(page, counter, sha256, text, kind, name)
        elif name == "br":
            continue
        else:
            _walk(child, page, counter, sha256)


def _add(page: Page, counter: Any, sha256: str, text: str, kind: str, style: str | None) -> None:
    text = text.strip()
    if text:
        page.items.append(Block(index=next(counter), page=None, kind=kind,  # type: ignore[arg-type]
                                text=text, sha256=sha256, style=style))


def _text(tag: Any) -> str:
    """Visible text with <br> kept as a line break (lists of names are often <br>-separated)."""
    for br in tag.find_all("br"):
        br.replace_with("\n")
    text = tag.get_text()
    text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", text)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _all_bold(tag: Any) -> bool:
    text = tag.get_text(strip=True)
    bold = "".join(b.get_text(strip=True) for b in tag.find_all(["b", "strong"]))
    return bool(text) and bold == text


def _fill(tag: Any) -> str | None:
    style = tag.get("style") or ""
    m = re.search(r"background(?:-color)?\s*:\s*([#\w]+)", style)
    return word_colour_to_hex(m.group(1) if m else tag.get("bgcolor"))


def _table_rows(table: Any) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for r, tr in enumerate(table.find_all("tr")):
        if tr.find_parent("table") is not table:
            continue
        cells = []
        for c, td in enumerate(tr.find_all(["td", "th"], recursive=False,
                                           limit=MAX_TABLE_CELLS)):
            cells.append(Cell(text=_text(td)[:MAX_CELL_CHARS], row=r, col=c,
                              rowspan=_span(td.get("rowspan")), colspan=_span(td.get("colspan")),
                              header=td.name == "th", fill=_fill(td) or _fill(tr)))
        if cells:
            rows.append(cells)
    return rows


def _span(value: Any) -> int:
    try:
        return clamp_span(int(value or 1))
    except (TypeError, ValueError):
        return 1
