"""Owners in a right-hand margin: initials printed beside the text they own.

Two layouts reach extract:
- running text: ingest folds the margin column into the nearest body line as a
  tab-separated tail ("…clarify matters.<TAB>IB/"). Where the gap was narrow a mark stays
  inline at a line's end ("…was now in IB" / "accordance with …"); such a mark is read only in
  a part that shows a margin column elsewhere, and only when it resolves to an attendee.
- minutes laid out as a table whose last column is the "Action" column: a row's cell lists
  its marks top-down ("AW\\nIB/\\nAgenda"). Positions are lost, so the marks are matched to the
  row's sentences in order: first to a sentence in which that person commits to something,
  then one that matches what the mark says (Agenda: the next meeting), then one with a
  deadline, a decision, or any task wording.
"Agenda" (as in "IB/Agenda") marks a point for the next meeting's agenda; it is not an owner.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import Block, Table

from ..document.textunits import clean, split_sentences
from .commitments import commitments
from .due import Calendar, due_in
from .owners import INITIALS, OwnerResolver, looks_like_owner_list

MARK = r"(?:[A-Z]{2,4}|[A-Z][a-z]?[A-Z][a-z]{0,3})"
INLINE_TAIL = re.compile(rf"(?<=[a-z,;.])\s+(?P<mark>{MARK}(?:\s*/\s*{MARK})*\s*/?|Agenda)\s*$")
NOT_BEFORE_MARK = re.compile(r"(?i)\b(?:by|and|or|to|from|with|thanked|asked|of|&)$")
BULLET = re.compile(r"^\s*(?:[•\uf0b7●▪\-–*]|x(?=\s+[A-Z])|\(?[a-z0-9]{1,3}[.)])\s+")
TASKY = re.compile(r"(?i)\b(?:will|shall|should|to\s+be|agreed|resolved|requested|asked|must|"
                   r"needs?\s+to|is\s+to|are\s+to)\b")
DECISION = re.compile(r"(?i)\b(?:agreed|resolved|approved|adopt\w*|accepted)\b")
NEXT_AGENDA = re.compile(r"(?i)\bnext\b[^.]{0,40}\bmeeting\b|\bagenda\b|\bforward\b")


@dataclass(frozen=True)
class Marked:
    """A piece of text and the margin mark that owns it."""

    text: str
    owners: str  # as written, without the Agenda marker: "IB", "TB/AW"


def owner_part(mark: str) -> str:
    return "/".join(t for t in re.split(r"\s*/\s*|\s+", mark)
                    if t and t.lower() != "agenda")


# --- running text --------------------------------------------------------------------------

@dataclass
class _Mark:
    owners: str
    first: int
    last: int


def has_tab_marks(block: Block) -> bool:
    return any(_tab_mark(line) for line in block.text.split("\n"))


def _tab_mark(line: str) -> str | None:
    """"…clarify matters.<TAB>IB/", "…had been<TAB>AW": initials (and the Agenda marker) after
    a tab; a word like "Present:<TAB>Members" is a two-column heading, not a mark."""
    if "\t" not in line:
        return None
    body, *tail = line.split("\t")
    mark = " ".join(t.strip() for t in tail if t.strip())
    toks = [t for t in re.split(r"[\s/]+", mark) if t]
    if len(body.strip()) >= 15 and toks and all(INITIALS.match(t) or t == "Agenda" for t in toks) \
            and any(t != "Agenda" for t in toks):
        return mark
    return None


def block_marked(block: Block, people: OwnerResolver, inline: bool) -> list[Marked]:
    """The marked passages of one block of running text."""
    lines = block.text.split("\n")
    marks: list[_Mark] = []
    bodies: list[str] = []
    for i, line in enumerate(lines):
        mark = _tab_mark(line)
        body = line.split("\t")[0] if mark else line
        if mark is None and inline and i < len(lines) - 1:
            m = INLINE_TAIL.search(line)
            continues = bool(marks and marks[-1].last == i - 1 and marks[-1].owners.endswith("/"))
            if m and not NOT_BEFORE_MARK.search(line[:m.start()].rstrip()) and (
                    _resolves(m.group("mark"), people)
                    or (continues and m.group("mark") == "Agenda")):
                mark, body = m.group("mark"), line[:m.start()]
        bodies.append(body)
        if not mark:
            continue
        if marks and marks[-1].last == i - 1 and marks[-1].owners.endswith("/") \
                and not owner_part(mark):
            marks[-1].owners += mark  # "IB/" then "Agenda" on the line below
            marks[-1].last = i
        elif owner_part(mark):
            marks.append(_Mark(mark, i, i))
    if not marks:
        return []
    units = _units(bodies)
    used: set[int] = set()
    out: list[Marked] = []
    for mk in marks:
        hit = [n for n, (a, b, _) in enumerate(units) if a <= mk.last and mk.first <= b]
        if not hit:
            continue
        if len(hit) > 1:
            fresh = [n for n in hit if n not in used]
            agenda = [n for n in hit if NEXT_AGENDA.search(units[n][2])]
            hit = fresh if len(fresh) == 1 else agenda or hit
        n = hit[0]
        used.add(n)
        text = units[n][2]
        owners = owner_part(mk.owners)
        line_text = clean(bodies[mk.first])[-25:]
        chosen = _choose(text, line_text, owners, people)
        if chosen is None and n > 0:
            # the mark sits beside the paragraph after the task it owns ("PB" beside the
            # audit note; "The Head of IT will check …" just above)
            chosen = _committed_by(units[n - 1][2], owners, people)
        out.append(Marked(chosen or text, owners))
    return out


def _resolves(mark: str, people: OwnerResolver) -> bool:
    toks = [t for t in re.split(r"\s*/\s*", mark.strip()) if t]
    return bool(toks) and all(t == "Agenda" or (INITIALS.match(t) and people.known(t))
                              for t in toks) and any(t != "Agenda" for t in toks)


def _units(lines: list[str]) -> list[tuple[int, int, str]]:
    """Bullets or paragraphs: (first line, last line, text)."""
    units: list[list] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if not units or BULLET.match(line.replace("\uf0b7", "•")):
            units.append([i, i, line])
        else:
            units[-1][1] = i
            units[-1][2] += "\n" + line
    return [(a, b, clean(BULLET.sub("", t.replace("\uf0b7", "•"), count=1))) for a, b, t in units]


def _choose(text: str, line_text: str, owners: str, people: OwnerResolver) -> str | None:
    """Within a bullet: the sentence the mark sits beside if it sets a task, else the next one
    that does; None when no sentence does."""
    sents = split_sentences(text)
    if len(sents) <= 1:
        return text if sents and _tasky(sents[0], people) else None
    at = next((k for k, s in enumerate(sents) if line_text and line_text[-15:] in s), 0)
    for k in range(at, len(sents)):
        if _tasky(sents[k], people):
            return with_context(sents, k)
    return None


def _committed_by(text: str, owners: str, people: OwnerResolver) -> str | None:
    want = set(people.resolve(owners)[0])
    for s in split_sentences(text):
        for c in commitments(s, people):
            if want & set(people.resolve(c.owner_text)[0]):
                return s
    return None


def _tasky(sentence: str, people: OwnerResolver) -> bool:
    return bool(commitments(sentence, people) or TASKY.search(sentence))


def with_context(sents: list[str], k: int) -> str:
    """A sentence that points back ("These have been completed and …", "The Clerk agreed to
    find out.") takes the sentence before it."""
    s = sents[k]
    if k > 0 and (re.match(r"(?i)(?:these|this|they|those)\b", s) or (
            len(s.split()) <= 8 and re.search(r"(?i)\b(?:this|it|them|these|find\s+out)\W*$", s))):
        return f"{sents[k - 1]} {s}"
    return s


# --- tables with an action column ---------------------------------------------------------

ACTION_HEAD = re.compile(r"(?i)^\s*actions?(?:\s+by)?\s*$")


def has_action_column(table: Table) -> bool:
    """A row whose only words are "Action" heads the margin column (it may sit over the text
    column: the header row of such tables is often merged)."""
    for row in table.rows:
        cells = [c.text.strip() for c in row if c.text.strip()]
        if len(cells) == 1 and ACTION_HEAD.match(cells[0]):
            return True
    return False


def margin_column_rows(table: Table) -> list[tuple[int, str, str]]:
    """(row number, text, mark cell) for rows whose last cell holds owner marks: the rows
    under an "Action" header row, or every row of a table continuing such a layout."""
    head = next((r for r, row in enumerate(table.rows)
                 if [c.text.strip() for c in row if c.text.strip()]
                 and ACTION_HEAD.match(" ".join(c.text.strip() for c in row if c.text.strip()))),
                None)
    if head is None and not looks_like_margin_table(table):
        return []
    out = []
    for r, row in enumerate(table.rows):
        if len(row) < 2 or (head is not None and r <= head):
            continue
        mark = row[-1].text.strip()
        if not mark or not all(looks_like_owner_list(m) for m in _row_marks(mark)):
            continue
        text = max((c.text for c in row[:-1]), key=len)
        if len(text) >= 15:
            out.append((r, text, mark))
    return out


def looks_like_margin_table(table: Table) -> bool:
    """Most rows' last cell is empty or a list of marks, and at least one has marks."""
    rows = [row for row in table.rows if len(row) >= 2]
    if not rows:
        return False
    lasts = [row[-1].text.strip() for row in rows]
    marked = [t for t in lasts if t]
    return bool(marked) and all(
        all(looks_like_owner_list(m) for m in _row_marks(t)) for t in marked)


def _row_marks(cell: str) -> list[str]:
    """"AW\\nIB/\\nAgenda" → ["AW", "IB/Agenda"]."""
    out: list[str] = []
    for line in (ln.strip() for ln in cell.split("\n")):
        if not line:
            continue
        if out and out[-1].endswith("/"):
            out[-1] += line
        else:
            out.append(line)
    return out


def row_marked(text: str, mark_cell: str, people: OwnerResolver, cal: Calendar) -> list[Marked]:
    """A table row's marks matched, in order, to the row's sentences."""
    marks = _row_marks(mark_cell)
    sents = text_sentences(text)
    if not sents or not marks:
        return []
    scores = [[_score(m, s, people, cal) for s in sents] for m in marks]
    picks = _align(scores)
    out = []
    for m, k in zip(marks, picks):
        if k is not None:
            out.append(Marked(with_context(sents, k), owner_part(m)))
    return out


def _score(mark: str, sentence: str, people: OwnerResolver, cal: Calendar) -> int:
    want = set(people.resolve(owner_part(mark))[0])
    cs = commitments(sentence, people)
    score = 0
    doers = [set(people.resolve(c.owner_text)[0]) for c in cs if not c.implied]
    if any(want & d for d in doers):
        score += 100
    elif any(not (d & _attendees(people)) for d in doers):
        score += 10  # someone the mark may stand for ("the SCC Commissioner will send …")
    if "agenda" in mark.lower() and NEXT_AGENDA.search(sentence):
        score += 20
    if due_in(sentence, cal).text:
        score += 8
    if DECISION.search(sentence):
        score += 4
    if cs or TASKY.search(sentence):
        score += 1
    return score


def _attendees(people: OwnerResolver) -> set[str]:
    return {a.name for a in people.roster.attendees}


def _align(scores: list[list[int]]) -> list[int | None]:
    """Marks to sentences, in order and one each, for the highest total (earliest on ties)."""
    k, n = len(scores), len(scores[0])
    best = [[-1] * (n + 1) for _ in range(k + 1)]
    for j in range(n + 1):
        best[k][j] = 0
    for i in range(k - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            take = scores[i][j] + best[i + 1][j + 1] if best[i + 1][j + 1] >= 0 else -1
            best[i][j] = max(take, best[i][j + 1])
    picks: list[int | None] = []
    i = j = 0
    while i < k and j < n:
        take = scores[i][j] + best[i + 1][j + 1] if best[i + 1][j + 1] >= 0 else -1
        if take >= 0 and take >= best[i][j + 1]:
            picks.append(j)
            i, j = i + 1, j + 1
        else:
            j += 1
    return picks + [None] * (k - len(picks))


HEADING_LINE = re.compile(r"^[A-Z][^.:;!?]{0,60}$")
LINE_END_WORD = re.compile(r"(?i)\b(?:and|or|of|the|to|for|with|in|at|a|an|on|by)$")


def text_sentences(text: str) -> list[str]:
    """A minute's sentences, with short title lines ("Matters arising", "Health & Safety")
    dropped, and a sentence that ends in a colon followed by what it introduces."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    paras: list[list[str]] = [[]]
    for line in lines:
        if HEADING_LINE.match(line) and len(line.split()) <= 8 and not LINE_END_WORD.search(line):
            paras.append([])
            continue
        paras[-1].append(line)
    out: list[str] = []
    for para in paras:
        if not para:
            continue
        sents = [re.sub(r"^\s*(?:\(?[a-z0-9]{1,3}[.)]|[•\uf0b7])\s+", "", s)
                 for s in split_sentences(clean("\n".join(para)))]
        joined: list[str] = []
        for s in sents:
            if joined and joined[-1].endswith(":"):
                joined[-1] = f"{joined[-1]} {s}"
            else:
                joined.append(s)
        out += [s for s in joined if s]
    return out
