"""Invented papers for the register tests (test_registers*.py): four meetings of one board,
as HTML minutes, read by the whole pipeline into a store. Chosen so each register has
something to show: a substitute, apologies, an absence, an officer's apologies, a new Chair.

| meeting    | members present         | substitute   | apologies  | RAG P1/P2/P3     |
| 2024-01-15 | Ada (Chair), Bryn, Cara |              | Evan       | Red/Amber/Green  |
| 2024-03-11 | Ada (Chair), Evan, Cara | Fay for Bryn | Bryn       | Amber/Amber/Blue |
| 2024-05-13 | Bryn (Chair), Evan      |              | Ada        | Green/Red/-      |
| 2024-07-08 | Bryn (Chair), Ada, Cara |              | Evan, Dee  | Green/Red/Blue   |
Cara Nunn is absent on 2024-05-13 (no apologies). Dee Ogle is the Clerk, present at the
first three. The third meeting's decision holds markup.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

BODY = "Ashcombe Valley Board"
HOSTILE = "<script>alert(1)</script> [bold]x[/bold] =SUM(A1)"
ITEMS = (("P1", "Repair the footbridge"), ("P2", "Publish the tree survey"),
         ("P3", "Open the new library"))
MEETINGS = (
    ("2024-01-15", "15 January 2024",
     "Cllr Ada Lovell (Chair), Cllr Bryn Moss, Cllr Cara Nunn, Dee Ogle (Clerk)",
     "Cllr Evan Pike", ("Red", "Amber", "Green"), "that the budget be approved."),
    ("2024-03-11", "11 March 2024",
     "Cllr Ada Lovell (Chair), Cllr Evan Pike, Cllr Cara Nunn, Cllr Fay Quill (substitute "
     "for Cllr Bryn Moss), Dee Ogle (Clerk)",
     "Cllr Bryn Moss", ("Amber", "Amber", "Blue"), "that the fees be frozen."),
    ("2024-05-13", "13 May 2024",
     "Cllr Bryn Moss (Chair), Cllr Evan Pike, Dee Ogle (Clerk)",
     "Cllr Ada Lovell", ("Green", "Red", None), f"that the notice {HOSTILE} be removed."),
    ("2024-07-08", "8 July 2024",
     "Cllr Bryn Moss (Chair), Cllr Ada Lovell, Cllr Cara Nunn",
     "Cllr Evan Pike and Dee Ogle", ("Green", "Red", "Blue"),
     "that the library open in September."),
)


def paper(words: str, present: str, apologies: str, ratings: tuple[str | None, ...],
          resolved: str) -> str:
    rows = "".join(f"<tr><td>{ref}</td><td>{text}</td><td>{rating}</td></tr>"
                   for (ref, text), rating in zip(ITEMS, ratings, strict=True) if rating)
    return (f"<html><body><h1>{BODY}</h1>"
            f"<p>Minutes of the meeting of the {BODY} held on {words} at 10.00am at "
            f"Ashcombe Hall.</p><p>Present: {present}</p>"
            f"<h2>1. Apologies</h2><p>Apologies were received from {apologies}.</p>"
            "<h2>2. Improvement plan</h2><table><tr><th>Ref</th><th>Action</th>"
            f"<th>RAG status</th></tr>{rows}</table>"
            f"<h2>3. Budget</h2><p>RESOLVED: {escape(resolved)}</p></body></html>")


def write_papers(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for iso, words, present, apologies, ratings, resolved in MEETINGS:
        path = folder / f"ashcombe_minutes_{iso}.html"
        path.write_text(paper(words, present, apologies, ratings, resolved),
                        encoding="utf-8")
        out.append(path)
    return out
