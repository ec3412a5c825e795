#!/usr/bin/env python3
"""Generate the bundled sample board papers in samples/ from scripts/sample_content.py.

    python scripts/make_samples.py [--out DIR] [--no-gold]

Writes three files (the names are fixed; tests and docs rely on them):

  lancs-cpb_agenda-pack_2019-11-26.pdf   agenda front sheet, minutes of 17 Sep 2019, reports,
                                         Appendix A RAG tables (coloured cells), schedule
  lancs-cpb_minutes_2020-09-10.docx      ModernGov-style Word minutes (shaded tables)
  lancs-cpb_minutes_2016-09-08.pdf       minutes with "Action:" lines and bundled papers

Output is deterministic (reportlab invariant mode, fixed DOCX core properties and zip
timestamps), so re-running gives byte-identical files. After writing, the sha256 and page
count in each gold record `<out>/gold/<file>.json` are refreshed (unless --no-gold); the gold
facts themselves are hand-checked against the files and are never generated here.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import sys
import zipfile
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sample_content as C  # noqa: E402

rl_config.invariant = 1

REPO = Path(__file__).resolve().parent.parent
PACK = "lancs-cpb_agenda-pack_2019-11-26.pdf"
DOCX = "lancs-cpb_minutes_2020-09-10.docx"
MIN16 = "lancs-cpb_minutes_2016-09-08.pdf"

# Office theme shades used for RAG cells (what a council officer gets from Word/Excel).
FILL = {"red": colors.HexColor("#FF0000"), "amber": colors.HexColor("#FFC000"),
        "green": colors.HexColor("#00B050"), "blue": colors.HexColor("#00B0F0")}
HEAD_GREY = colors.HexColor("#D9D9D9")
OBJ_BLUE = colors.HexColor("#DEEAF6")
RULE = colors.HexColor("#808080")

# --------------------------------------------------------------------------------------------
# Styles
# --------------------------------------------------------------------------------------------

BASE = ParagraphStyle("base", fontName="Helvetica", fontSize=11, leading=14, spaceAfter=7)
S = {
    "body": BASE,
    "small": ParagraphStyle("small", BASE, fontSize=9, leading=11, spaceAfter=0),
    "cell": ParagraphStyle("cell", BASE, fontSize=9.5, leading=11.5, spaceAfter=0),
    "cellb": ParagraphStyle("cellb", BASE, fontName="Helvetica-Bold", fontSize=9.5,
                            leading=11.5, spaceAfter=0),
    "cellc": ParagraphStyle("cellc", BASE, fontSize=9.5, leading=11.5, spaceAfter=0,
                            alignment=TA_CENTER),
    "bold": ParagraphStyle("bold", BASE, fontName="Helvetica-Bold"),
    "h1": ParagraphStyle("h1", BASE, fontName="Helvetica-Bold", fontSize=16, leading=20,
                         spaceAfter=6),
    "h2": ParagraphStyle("h2", BASE, fontName="Helvetica-Bold", fontSize=13, leading=16,
                         spaceBefore=4, spaceAfter=8),
    "item": ParagraphStyle("item", BASE, fontName="Helvetica-Bold", fontSize=11.5, leading=14,
                           spaceBefore=8, spaceAfter=6, leftIndent=1.0 * cm,
                           firstLineIndent=-1.0 * cm),
    "itembody": ParagraphStyle("itembody", BASE, leftIndent=1.0 * cm),
    "sub": ParagraphStyle("sub", BASE, fontName="Helvetica-Bold", leftIndent=1.0 * cm,
                          spaceAfter=4),
    "resolved": ParagraphStyle("resolved", BASE, leftIndent=1.0 * cm),
    "subdec": ParagraphStyle("subdec", BASE, leftIndent=2.3 * cm, firstLineIndent=-0.9 * cm),
    "bullet": ParagraphStyle("bullet", BASE, leftIndent=1.6 * cm, firstLineIndent=-0.5 * cm,
                             spaceAfter=3),
    "action": ParagraphStyle("action", BASE, fontName="Helvetica-Bold", leftIndent=1.0 * cm),
    "stamp": ParagraphStyle("stamp", BASE, fontName="Helvetica-Bold", fontSize=12,
                            alignment=TA_RIGHT, spaceAfter=10),
    "center": ParagraphStyle("center", BASE, alignment=TA_CENTER),
    "slidetitle": ParagraphStyle("slidetitle", BASE, fontName="Helvetica-Bold", fontSize=14,
                                 leading=17, textColor=colors.HexColor("#1F3864")),
}


# Word prints list bullets in the Symbol font; so do we (Helvetica's own bullet has no
# Unicode mapping in pdfminer and extracts as "(cid:127)").
BULLET = '<font face="Symbol">\u2022</font>&nbsp;&nbsp;'


def esc(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\u2022", '<font face="Symbol">\u2022</font>')


def para(text: str, style: str = "body") -> Paragraph:
    return Paragraph(esc(text).replace("\n", "<br/>"), S[style])


class Anchor(Flowable):
    """Zero-size marker recording the PDF page it lands on (for page references)."""

    def __init__(self, name: str, sink: dict[str, int]) -> None:
        super().__init__()
        self.name, self.sink = name, sink

    def wrap(self, aw, ah):  # noqa: D401 - reportlab API
        return 0, 0

    def draw(self) -> None:
        self.sink[self.name] = self.canv.getPageNumber()


def roman(n: int) -> str:
    return ["i", "ii", "iii", "iv", "v", "vi"][n - 1]


# --------------------------------------------------------------------------------------------
# Shared minutes layout (PDF)
# --------------------------------------------------------------------------------------------

def present_table(present, label_width: float, name_width: float, org_width: float) -> Table:
    """'Present:' block: category headings, then 'Name   - Organisation' lines."""
    rows, style = [], [("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("LEFTPADDING", (0, 0), (-1, -1), 2),
                       ("TOPPADDING", (0, 0), (-1, -1), 1),
                       ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]
    for ci, (category, people) in enumerate(present):
        label = para("Present:", "bold") if ci == 0 else ""
        rows.append([label, para(category, "bold"), ""])
        style.append(("SPAN", (1, len(rows) - 1), (2, len(rows) - 1)))
        style.append(("TOPPADDING", (0, len(rows) - 1), (-1, len(rows) - 1), 6))
        for name, org in people:
            rows.append(["", para(name), para("- " + org)])
    return Table(rows, colWidths=[label_width, name_width, org_width], style=style,
                 hAlign="LEFT")


def minutes_flowables(items, stamp_items: bool = False) -> list:
    out = []
    for number, title, blocks in items:
        head = [para(f"{number}.\t{title}".replace("\t", "   "), "item")]
        body = []
        for block in blocks:
            kind = block[0]
            if kind == "p":
                body.append(para(block[1], "itembody"))
            elif kind == "sub":
                body.append(para(block[1], "sub"))
            elif kind == "bullets":
                body += [Paragraph(BULLET + esc(b), S["bullet"]) for b in block[1]]
            elif kind == "action":
                body.append(Paragraph("<b>Action:</b> " + esc(block[1]), S["itembody"]))
            elif kind == "action_block":
                body.append(Paragraph("<b>Action:</b>", S["itembody"]))
                body.append(para(block[1], "itembody"))
            elif kind == "resolved":
                _, lead, subs = block
                body.append(Paragraph("<b>Resolved:</b> " + esc(lead), S["resolved"]))
                for label, text in subs:
                    if label == "\u2022":
                        body.append(Paragraph(BULLET + esc(text), S["bullet"]))
                    else:
                        body.append(Paragraph(f"{label}&nbsp;&nbsp;&nbsp;{esc(text)}",
                                              S["subdec"]))
        # keep a heading with its first paragraph
        out.append(KeepTogether(head + body[:1]))
        out += body[1:]
    return out


# --------------------------------------------------------------------------------------------
# 1. Agenda pack
# --------------------------------------------------------------------------------------------

class PackDoc(BaseDocTemplate):
    """Front sheet pages are numbered i, ii; the pack proper is numbered Page 1, 2, ..."""

    def __init__(self, target, **kw) -> None:
        super().__init__(target, pagesize=A4, invariant=1, **kw)
        self.front_pages: int | None = None
        pw, ph = A4
        lw, lh = landscape(A4)
        portrait = Frame(2 * cm, 2 * cm, pw - 4 * cm, ph - 4.2 * cm, id="p")
        land = Frame(1.6 * cm, 1.8 * cm, lw - 3.2 * cm, lh - 3.8 * cm, id="l")
        self.addPageTemplates([
            PageTemplate("front", [portrait], onPage=self.furniture, pagesize=A4),
            PageTemplate("portrait", [portrait], onPage=self.furniture, pagesize=A4),
            PageTemplate("landscape", [land], onPage=self.furniture, pagesize=landscape(A4)),
        ])

    def furniture(self, canv, doc) -> None:
        """Running header and "Page N" footer on every page."""
        w, h = canv._pagesize
        front = doc.pageTemplate.id == "front"
        if not front and self.front_pages is None:
            self.front_pages = doc.page - 1
        number = roman(doc.page) if front else str(doc.page - self.front_pages)
        canv.saveState()
        canv.setFont("Helvetica", 8)
        canv.setFillColor(colors.HexColor("#404040"))
        canv.drawString(2 * cm, h - 1.2 * cm, "Lancashire County Council \u2013 Corporate "
                        "Parenting Board")
        canv.drawRightString(w - 2 * cm, h - 1.2 * cm, "Meeting: Tuesday, 26 November 2019")
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(2 * cm, h - 1.35 * cm, w - 2 * cm, h - 1.35 * cm)
        canv.setFont("Helvetica", 10)
        canv.setFillColor(colors.black)
        canv.drawCentredString(w / 2, 1.0 * cm, f"Page {number}")
        canv.restoreState()


def page_ref(anchors: dict[str, int], order: list[str], name: str, last_page: int,
             front: int) -> str:
    start = anchors[name] - front
    later = [anchors[n] for n in order if anchors[n] > anchors[name]]
    end = (min(later) - 1 if later else last_page) - front
    return f"(Page {start})" if start == end else f"(Pages {start} - {end})"


def front_sheet(refs: dict[str, str]) -> list:
    m = C.PACK_MEETING
    out = [
        para("Lancashire County Council", "h1"),
        para("Corporate Parenting Board", "h2"),
        para(f"Meeting to be held on {m['when']} in {m['where']}"),
        para("Contact: " + m["contact"], "small"),
        Spacer(1, 8),
        para("Please note refreshments are available in the room from 5.30pm", "bold"),
        para("Part I (Open to Press and Public)", "small"),
        Spacer(1, 6),
        para("Agenda", "h2"),
    ]
    rows = []
    for number, title, presenter, purpose, anchor in C.PACK_AGENDA:
        text = (f"<b>{esc(title)}</b><br/><i>{esc(presenter)}</i><br/><br/>"
                + esc(purpose).replace("\n", "<br/><br/>"))
        rows.append([Paragraph(f"<b>{number}.</b>", S["body"]), Paragraph(text, S["body"]),
                     Paragraph(refs.get(anchor, "") if anchor else "", S["body"])])
    out.append(Table(rows, colWidths=[1.1 * cm, 11.4 * cm, 4.4 * cm], hAlign="LEFT",
                     style=[("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("BOTTOMPADDING", (0, 0), (-1, -1), 10)]))
    out += [Spacer(1, 10),
            para("L Sales\nDirector of Corporate Services\nCounty Hall\nPreston", "small")]
    return out


def report_cover(stamp: str, report: dict) -> list:
    out = [para(stamp, "stamp"), para("Corporate Parenting Board", "h2"),
           para("Meeting to be held on Tuesday, 26 November 2019", "bold"),
           para(report["report_of"]),
           para("Electoral Division affected: (All Divisions);", "small"), Spacer(1, 6),
           para(report["title"], "h2")]
    if report.get("refers"):
        out.append(para(report["refers"]))
    out.append(Table([[para(report["contact"], "small")]], colWidths=[17 * cm],
                     style=[("BOX", (0, 0), (-1, -1), 0.75, colors.black),
                            ("TOPPADDING", (0, 0), (-1, -1), 5),
                            ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    out.append(Spacer(1, 8))
    for heading, paras in report["sections"]:
        out.append(para(heading, "bold"))
        for p in paras:
            if isinstance(p, list):
                out += [Paragraph(BULLET + esc(b), S["bullet"]) for b in p]
            else:
                out.append(para(p))
    return out


def slides(deck) -> list:
    out = []
    for title, lines, bulleted in deck:
        inner = [para(title, "slidetitle"), Spacer(1, 4)]
        for i, line in enumerate(lines):
            if bulleted and i > 0:
                inner.append(Paragraph(BULLET + esc(line), S["bullet"]))
            else:
                inner.append(para(line, "center" if not bulleted else "body"))
        out.append(KeepTogether(Table([[inner]], colWidths=[16 * cm], hAlign="CENTER", style=[
            ("BOX", (0, 0), (-1, -1), 1, colors.HexColor("#1F3864")),
            ("LEFTPADDING", (0, 0), (-1, -1), 12), ("RIGHTPADDING", (0, 0), (-1, -1), 12),
            ("TOPPADDING", (0, 0), (-1, -1), 10), ("BOTTOMPADDING", (0, 0), (-1, -1), 10)])))
        out.append(Spacer(1, 14))
    return out


def rag_key() -> Table:
    cells, style = [Paragraph("<b>RAG Key:</b>", S["cell"])], [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for i, (word, colour, meaning) in enumerate(C.RAG_KEY):
        cells += [Paragraph(word, S["cellc"]), Paragraph("= " + meaning, S["cell"])]
        style.append(("BACKGROUND", (1 + 2 * i, 0), (1 + 2 * i, 0), FILL[colour]))
    return Table([cells], colWidths=[2.3 * cm] + [1.8 * cm, 2.6 * cm] * 4, hAlign="LEFT",
                 style=style)


def objective_box(obj: dict) -> Table:
    inner = [Paragraph(f"<b>{esc(obj['title'])}</b>", S["cell"]), Spacer(1, 3),
             Paragraph(BULLET + esc(obj["aim"]), S["cell"])]
    if obj["how"]:
        inner += [Spacer(1, 3), Paragraph("<b>How will we Achieve this:</b>", S["cell"]),
                  Spacer(1, 3), Paragraph(BULLET + esc(obj["how"]), S["cell"])]
    return Table([[inner]], colWidths=[26.5 * cm], hAlign="LEFT", style=[
        ("BACKGROUND", (0, 0), (-1, -1), OBJ_BLUE),
        ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])


def rag_table(rows) -> Table:
    data = [[Paragraph("<b>Ref</b>", S["cell"]), Paragraph("<b>Action</b>", S["cell"]),
             Paragraph("<b>Timescale</b>", S["cell"]), Paragraph("<b>RAG</b>", S["cellc"])]]
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black),
             ("BACKGROUND", (0, 0), (-1, 0), HEAD_GREY),
             ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("VALIGN", (3, 1), (3, -1), "MIDDLE"),
             ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    for i, (ref, action, timescale, word, fill) in enumerate(rows, start=1):
        data.append([para(ref, "cell"), para(action, "cell"), para(timescale, "cell"),
                     para(word or "", "cellc")])
        style.append(("BACKGROUND", (3, i), (3, i), FILL[fill]))
    return Table(data, colWidths=[2.2 * cm, 17.3 * cm, 4.3 * cm, 2.7 * cm], repeatRows=1,
                 hAlign="LEFT", style=style)


def pack_story(refs: dict[str, str], anchors: dict[str, int]) -> list:
    story = [NextPageTemplate("front")] + front_sheet(refs)
    # Agenda Item 2: minutes of 17 September 2019
    mins = C.MINUTES_2019
    story += [NextPageTemplate("portrait"), PageBreak(), Anchor("item2", anchors),
              para("Agenda Item 2", "stamp"), para("Lancashire County Council", "h2"),
              para("Corporate Parenting Board", "h2"), para(mins["heading"], "bold"),
              present_table(mins["present"], 2.3 * cm, 6.4 * cm, 8.3 * cm), Spacer(1, 10)]
    story += minutes_flowables(mins["items"])
    # Agenda Item 3: police presentation
    story += [PageBreak(), Anchor("item3", anchors), para("Agenda Item 3", "stamp")]
    story += slides(C.VRU_SLIDES)
    # Agenda Item 4: performance report cover
    story += [PageBreak(), Anchor("item4", anchors)] + report_cover("Agenda Item 4",
                                                                    C.PERF_REPORT)
    # Agenda Item 5: delivery plan cover + Appendix A (landscape)
    story += [PageBreak(), Anchor("item5", anchors)] + report_cover("Agenda Item 5",
                                                                    C.PLAN_REPORT)
    story += [NextPageTemplate("landscape"), PageBreak(), Anchor("appendix", anchors),
              para("Appendix A", "stamp"),
              para("Appendix A \u2013 Summary of Corporate Parenting Strategy Delivery Plan: "
                   "Open Actions", "h2"),
              rag_key(), Spacer(1, 10)]
    for obj in C.OBJECTIVES:
        story += [CondPageBreak(6 * cm), objective_box(obj), Spacer(1, 6), rag_table(obj["rows"]),
                  Spacer(1, 14)]
    # Agenda Item 6: schedule of meetings
    story += [NextPageTemplate("portrait"), PageBreak(), Anchor("item6", anchors),
              para("Agenda Item 6", "stamp"),
              para("SCHEDULE OF CORPORATE PARENTING BOARD MEETINGS 2020/2021", "h2"),
              para("If you have any queries regarding the Corporate Parenting Board, please "
                   "contact Sam Gorton, Clerk to the Corporate Parenting Board either by "
                   "telephone (01772) 532471 or e-mail sam.gorton@lancashire.gov.uk")]
    sched = [[Paragraph("<b>Date of Corporate Parenting Board Meeting</b>", S["cell"]),
              Paragraph("<b>Time and Venue</b>", S["cell"])]]
    sched += [[para(d, "cell"), para(v, "cell")] for d, v in C.SCHEDULE_2020]
    story.append(Table(sched, colWidths=[7 * cm, 10 * cm], repeatRows=1, hAlign="LEFT", style=[
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_GREY),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    story.append(Anchor("end", anchors))
    return story


def build_pack(path: Path) -> None:
    """Two passes: the first finds where each paper starts, the second prints the
    '(Pages N - M)' references on the front sheet; repeated until the layout is stable."""
    refs: dict[str, str] = {}
    order = ["item2", "item3", "item4", "item5", "item6"]
    for _ in range(4):
        anchors: dict[str, int] = {}
        buf = io.BytesIO()
        doc = PackDoc(buf, title="Corporate Parenting Board agenda pack, 26 November 2019",
                      author="Lancashire County Council", subject="Agenda",
                      creator="Microsoft Word", producer="ModernGov")
        doc.build(pack_story(refs, anchors))
        new = {n: page_ref(anchors, order, n, anchors["end"], doc.front_pages) for n in order}
        if new == refs:
            path.write_bytes(buf.getvalue())
            return
        refs = new
    raise RuntimeError("page references did not settle")


# --------------------------------------------------------------------------------------------
# 3. Minutes of 8 September 2016 (PDF)
# --------------------------------------------------------------------------------------------

class MinutesDoc(BaseDocTemplate):
    def __init__(self, target, **kw) -> None:
        super().__init__(target, pagesize=A4, invariant=1, **kw)
        pw, ph = A4
        frame = Frame(2.2 * cm, 2 * cm, pw - 4.4 * cm, ph - 4.2 * cm, id="m")
        self.addPageTemplates([PageTemplate("m", [frame], onPage=self.furniture)])

    def furniture(self, canv, doc) -> None:
        w, h = canv._pagesize
        canv.saveState()
        if doc.page > 1:
            canv.setFont("Helvetica", 8)
            canv.setFillColor(colors.HexColor("#404040"))
            canv.drawString(2.2 * cm, h - 1.2 * cm, "Corporate Parenting Board \u2013 "
                            "Thursday, 8th September, 2016")
        canv.setFont("Helvetica", 10)
        canv.setFillColor(colors.black)
        canv.drawCentredString(w / 2, 1.0 * cm, f"Page {doc.page}")
        canv.restoreState()


def build_minutes_2016(path: Path) -> None:
    mins = C.MINUTES_2016
    story = [para("Lancashire County Council", "h2"), para("Corporate Parenting Board", "h2"),
             para(mins["heading"], "bold"),
             present_table(mins["present"], 2.2 * cm, 5.0 * cm, 9.4 * cm), Spacer(1, 10)]
    story += minutes_flowables(mins["items"])
    story += [PageBreak(), para("In Care, Out of Trouble \u2013 LINX presentation (extract)",
                                "h2")]
    story += slides([(t, lines, True) for t, lines in C.LINX_2016_SLIDES])
    perf = C.PERF_2016
    story += [PageBreak(), para(perf["title"], "h2"), para(perf["subtitle"], "bold")]
    for heading, bullets in perf["sections"]:
        story.append(para(heading, "bold"))
        story += [Paragraph(BULLET + esc(b), S["bullet"]) for b in bullets]
    story.append(Spacer(1, 6))
    table = [[Paragraph(f"<b>{esc(h)}</b>", S["cellc"]) for h in perf["table_head"]]]
    table += [[para(r[0], "cell")] + [para(v, "cellc") for v in r[1:]] for r in perf["table"]]
    story.append(Table(table, colWidths=[4.6 * cm] + [1.7 * cm] * 5 + [3.0 * cm],
                       hAlign="LEFT", style=[
                           ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                           ("BACKGROUND", (0, 0), (-1, 0), HEAD_GREY),
                           ("BACKGROUND", (6, 1), (6, -1), colors.HexColor("#F2F2F2")),
                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story.append(Spacer(1, 10))
    for heading, bullets in perf["after"]:
        story.append(para(heading, "bold"))
        story += [Paragraph(BULLET + esc(b), S["bullet"]) for b in bullets]
    buf = io.BytesIO()
    MinutesDoc(buf, title="Corporate Parenting Board minutes, 8 September 2016",
               author="Lancashire County Council", subject="Minutes",
               creator="Microsoft Word", producer="ModernGov").build(story)
    path.write_bytes(buf.getvalue())


# --------------------------------------------------------------------------------------------
# 2. Minutes of 10 September 2020 (DOCX)
# --------------------------------------------------------------------------------------------

FIXED_TIME = dt.datetime(2020, 9, 14, 10, 30, 0)
ZIP_TIME = (2020, 9, 14, 10, 30, 0)


def shade(cell, hex_fill: str) -> None:
    """Real Word cell shading: <w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    tc_pr.append(shd)


def build_minutes_2020(path: Path) -> None:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Cm, Pt, RGBColor

    mins = C.MINUTES_2020
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(11)
    for name, size in (("Title", 16), ("Heading 1", 14), ("Heading 2", 12)):
        st = doc.styles[name]
        st.font.name, st.font.size, st.font.bold = "Arial", Pt(size), True
        st.font.color.rgb = RGBColor(0, 0, 0)
    section.footer.paragraphs[0].text = "Corporate Parenting Board \u2013 10 September 2020"

    doc.add_paragraph("Lancashire County Council", style="Title")
    doc.add_paragraph("Corporate Parenting Board", style="Heading 1")
    doc.add_paragraph(mins["heading"]).runs[0].bold = True
    doc.add_paragraph("Present:").runs[0].bold = True
    for category, people in mins["present"]:
        table = doc.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        head = table.rows[0].cells
        head[0].text, head[1].text = category, "Representing"
        for cell in head:
            cell.paragraphs[0].runs[0].bold = True
            shade(cell, "D9D9D9")
        for name, org in people:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = name, org
        for row in table.rows:
            row.cells[0].width, row.cells[1].width = Cm(6.5), Cm(10.0)
        doc.add_paragraph()
    for number, title, blocks in mins["items"]:
        doc.add_paragraph(f"{number}.\t{title}", style="Heading 2")
        for block in blocks:
            kind = block[0]
            if kind == "p":
                doc.add_paragraph(block[1])
            elif kind == "bullets":
                for b in block[1]:
                    doc.add_paragraph(b, style="List Bullet")
            elif kind == "action":
                doc.add_paragraph().add_run("Action:").bold = True
                p = doc.add_paragraph(block[1])
                p.paragraph_format.left_indent = Cm(1.25)
            elif kind == "resolved":
                _, lead, subs = block
                p = doc.add_paragraph()
                p.add_run("Resolved:").bold = True
                if lead:
                    p.add_run(" " + lead)
                for label, text in subs:
                    p = doc.add_paragraph(f"{label}\t{text}" if label else text)
                    p.paragraph_format.left_indent = Cm(1.25)
                    if label:
                        p.paragraph_format.first_line_indent = Cm(-1.25)
    props = doc.core_properties
    props.author = props.last_modified_by = "Democratic Services"
    props.title = "Corporate Parenting Board minutes, 10 September 2020"
    props.subject, props.keywords, props.comments = "Minutes", "", ""
    props.created = props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    props.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(normalise_zip(buf.getvalue()))


def normalise_zip(data: bytes) -> bytes:
    """Re-write a zip with fixed member timestamps so the bytes do not depend on the clock."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# Gold records: refresh sha256 and page count after regenerating
# --------------------------------------------------------------------------------------------

def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pdf_pages(path: Path) -> int:
    import pypdfium2
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def refresh_gold(sample: Path, gold_dir: Path) -> str:
    gold = gold_dir / f"{sample.name}.json"
    if not gold.exists():
        return f"  {sample.name}: no gold record at {gold} (write one by hand)"
    record = json.loads(gold.read_text(encoding="utf-8"))
    src = record.setdefault("source", {})
    src["file"], src["sha256"] = sample.name, sha256(sample)
    src["pages"] = pdf_pages(sample) if sample.suffix == ".pdf" else None
    gold.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return f"  {sample.name}: gold sha256 {src['sha256'][:12]}..., pages {src['pages']}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=REPO / "samples",
                    help="directory to write the samples to (default: samples/)")
    ap.add_argument("--no-gold", action="store_true",
                    help="do not touch the gold records in OUT/gold/")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    built = []
    for name, build in ((PACK, build_pack), (DOCX, build_minutes_2020),
                        (MIN16, build_minutes_2016)):
        build(args.out / name)
        built.append(args.out / name)
        print(f"wrote {args.out / name}")
    if not args.no_gold:
        for sample in built:
            print(refresh_gold(sample, args.out / "gold"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
