"""HTML backend: web-page minutes with navigation, scripts and page chrome stripped.

The main content is the <main>/<article> element when there is one, else the element that
holds most of the page's paragraph text.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .colours import word_colour_to_hex
from .model import Block, Cell, Page, Problem, Table

CHROME = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
          "svg", "button"]
CHROME_CLASS = re.compile(r"(?i)\b(nav|menu|sidebar|widget|breadcrumb|cookie|share|social|"
                          r"comment|footer|header|related|skip-link|screen-reader)\b")
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "dt", "dd"}
MAX_CELL_CHARS = 5000


def read_html(path: Path, sha256: str, problems: list[Problem]) -> list[Page]:
    from bs4 import BeautifulSoup

    raw = path.read_bytes()
    soup = BeautifulSoup(raw, "lxml")
    for tag in soup(CHROME):
        tag.decompose()
    for tag in soup.find_all(True, attrs={"class": CHROME_CLASS}):
        if tag.name not in ("body", "html", "main", "article") and tag.parent is not None:
            tag.decompose()
    root = _main_content(soup)
    page = Page(number=None)
    counter = iter(range(10**9))
    _walk(root, page, counter, sha256)
    return [page]


def _main_content(soup: Any) -> Any:
    for name in ("main", "article"):
        found = soup.find_all(name)
        if found:
            return max(found, key=lambda t: len(t.get_text()))
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
        for c, td in enumerate(tr.find_all(["td", "th"], recursive=False)):
            cells.append(Cell(text=_text(td)[:MAX_CELL_CHARS], row=r, col=c,
                              rowspan=_span(td.get("rowspan")), colspan=_span(td.get("colspan")),
                              header=td.name == "th", fill=_fill(td) or _fill(tr)))
        if cells:
            rows.append(cells)
    return rows


def _span(value: Any) -> int:
    try:
        return max(1, min(int(value or 1), 100))
    except (TypeError, ValueError):
        return 1
