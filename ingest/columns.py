"""Reading order across columns, on lines already grouped by height.

Two layouts occur in board papers. Prose set in two columns (newsletter-style reports,
some agendas) must be read down the left column and then the right, not across. A narrow
right-hand margin column (the "Action" or owner column of minutes: "AW/", "IB/ Agenda")
belongs beside the paragraph it sits next to; where it has a line of its own it would
otherwise cut that paragraph in two, so it is folded into the nearest line of body text
as a tab-separated tail, which is how a same-height owner already reads.
"""
from __future__ import annotations

from dataclasses import replace

from .layout import Line, RawBlock, Word, finish_line, is_column_gap

MIN_COLUMN_LINES = 5  # lines with text on both sides before a page is read as two columns
MARGIN_FROM = 0.6  # a margin column starts this far across the page
MARGIN_MAX_CHARS = 40


def arrange(lines: list[Line], width: float, height: float) -> list[Line]:
    """Lines in reading order: two-column runs unfolded, margin-only lines folded in."""
    lines = sorted(lines, key=lambda ln: ln.top)
    return _fold_margin(_unfold_columns(lines, width), width, height)


def segments(line: Line) -> list[list[Word]]:
    """The line's words split at column gaps."""
    segs: list[list[Word]] = []
    for w in sorted(line.words, key=lambda w: w.x0):
        if segs and not is_column_gap(segs[-1][-1], w):
            segs[-1].append(w)
        else:
            segs.append([w])
    return segs


def _line_of(words: list[Word]) -> Line:
    line = Line(words=list(words), top=min(w.top for w in words),
                bottom=max(w.bottom for w in words))
    finish_line(line)
    return line


# --- two columns of prose -------------------------------------------------------------

def _gutter(lines: list[Line], width: float) -> float | None:
    """An x in the middle of the page that (nearly) no line's text crosses, with text on
    both sides of it on many lines."""
    spans = [[(seg[0].x0, seg[-1].x1) for seg in segments(ln)] for ln in lines]
    # a line has text left of x when its first-ending segment ends by x, and right of x
    # when its last-starting one starts at or after it: worked out once, not per x
    sides = [(min(x1 for _, x1 in line), max(x0 for x0, _ in line)) for line in spans if line]
    best: tuple[int, float] | None = None
    for step in range(30, 71, 2):
        x = width * step / 100
        crossing = sum(1 for line in spans if any(x0 < x < x1 for x0, x1 in line))
        two_sided = sum(1 for ends, starts in sides if ends <= x <= starts)
        if crossing <= len(lines) * 0.15 and two_sided >= MIN_COLUMN_LINES:
            if best is None or two_sided > best[0]:
                best = (two_sided, x)
    return best[1] if best else None


def _unfold_columns(lines: list[Line], width: float) -> list[Line]:
    x = _gutter(lines, width)
    if x is None:
        return lines
    left_chars = sum(len(w.text) for ln in lines for w in ln.words if w.x1 <= x)
    right_chars = sum(len(w.text) for ln in lines for w in ln.words if w.x0 >= x)
    total = left_chars + right_chars
    if min(left_chars, right_chars) < total * 0.3:
        return lines  # one side is a label or margin column, not a second column of prose
    if not (_filled(lines, lambda w: w.x1 <= x) and _filled(lines, lambda w: w.x0 >= x)):
        return lines  # ragged short entries: a two-column list ("Name - Organisation")
    out: list[Line] = []
    run: list[Line] = []

    def flush() -> None:
        left = [_line_of([w for w in ln.words if w.x1 <= x]) for ln in run
                if any(w.x1 <= x for w in ln.words)]
        right = [_line_of([w for w in ln.words if w.x0 >= x]) for ln in run
                 if any(w.x0 >= x for w in ln.words)]
        out.extend(left + right)
        run.clear()

    for ln in lines:
        if any(s[0].x0 < x < s[-1].x1 for s in segments(ln)):
            flush()  # a full-width line (a heading across both columns) ends the run
            out.append(ln)
        else:
            run.append(ln)
    flush()
    return out


def _filled(lines: list[Line], side) -> bool:
    """Prose fills its column: most of its lines run close to the column's full width,
    where the entries of a list are short and ragged."""
    spans = [(min(w.x0 for w in ws), max(w.x1 for w in ws))
             for ws in ([w for w in ln.words if side(w)] for ln in lines) if ws]
    if len(spans) < MIN_COLUMN_LINES:
        return False
    full = max(x1 for _, x1 in spans) - min(x0 for x0, _ in spans)
    widths = sorted(x1 - x0 for x0, x1 in spans)
    return widths[len(widths) // 2] >= full * 0.7


# --- a narrow margin column ----------------------------------------------------------

def _fold_margin(lines: list[Line], width: float, height: float) -> list[Line]:
    edge = width * MARGIN_FROM

    def margin_only(ln: Line) -> bool:
        return (ln.x0 >= edge and len(ln.text) <= MARGIN_MAX_CHARS
                and height * 0.08 < ln.top and ln.bottom < height * 0.92)  # not a banner

    candidates = [ln for ln in lines if margin_only(ln)]
    if not candidates:
        return lines
    # a column, not a stray right-aligned line: several segments start at the same x
    starts = [s[0].x0 for ln in lines for s in segments(ln) if s[0].x0 >= edge]
    column = [ln for ln in candidates
              if sum(1 for x0 in starts if abs(x0 - ln.x0) <= 8) >= 3]
    body = [ln for ln in lines if ln not in column]
    if not column or not body:
        return lines
    for group in _stacked(column):
        host = _nearest(body, group[0])
        if host is None:
            body.append(group[0])
            continue
        tail = " ".join(ln.text.strip() for ln in group)
        host.text = f"{host.text}\t{tail}"
        host.words = host.words + [w for ln in group for w in ln.words]
    return sorted(body, key=lambda ln: ln.top)


def _stacked(column: list[Line]) -> list[list[Line]]:
    """Margin lines directly under one another are one entry ("IB/" over "Agenda")."""
    groups: list[list[Line]] = []
    for ln in sorted(column, key=lambda ln: ln.top):
        if groups:
            prev = groups[-1][-1]
            if ln.top - prev.bottom <= (prev.bottom - prev.top) * 0.6:
                groups[-1].append(ln)
                continue
        groups.append([ln])
    return groups


def _nearest(body: list[Line], ln: Line) -> Line | None:
    """The body line a margin entry belongs to. An action column's cell is top-aligned
    with its row, so the entry sits level with its paragraph's first line or just above
    it, in the gap after the previous paragraph: take the first body line starting at or
    below it within a line and a half, else the nearest line above it."""
    height = ln.bottom - ln.top
    below = [b for b in body if b.top >= ln.top - height * 0.5 and b.top - ln.top <= height * 1.5]
    if below:
        return min(below, key=lambda b: b.top)
    above = [b for b in body if b.top < ln.top and ln.top - b.bottom <= height * 2]
    return max(above, key=lambda b: b.top) if above else None


# --- a label column beside the text (Item | Notes) ------------------------------------

LABEL_SHARE = 0.4  # a label column ends within this share of the block's width
ALIGNED = 3.0  # points: the notes column's lines all start at its left edge


def unweave_labels(block: RawBlock) -> RawBlock:
    """An "Item | Notes" layout without rules: a narrow label column whose title wraps
    beside the notes ("2. Matters arising from <tab> The clerk reported that the" / "the
    last meeting <tab> signs had been ordered."). Read line by line, the title's second
    half lands inside the notes; here the whole title comes first, then the notes' lines."""
    lines = block.lines
    split = [ln for ln in lines if len(segments(ln)) >= 2]
    if len(split) < 2 or any(len(segments(ln)) > 2 for ln in lines):
        return block  # three columns and more are a table's (ingest/unruled.py)
    gutter = min(segments(ln)[1][0].x0 for ln in split)
    left = min(ln.x0 for ln in lines)
    right = max(w.x1 for ln in lines for w in ln.words)
    labels: list[str] = []
    notes: list[Line] = []
    for ln in lines:
        segs = segments(ln)
        first_end = segs[0][-1].x1
        start = segs[1][0].x0 if first_end < gutter and len(segs) >= 2 else segs[0][0].x0
        if first_end >= gutter or len(segs) >= 2:
            if abs(start - gutter) > ALIGNED:
                return block  # the notes start anywhere: gaps of justified prose, no column
        if first_end >= gutter:  # text only: a line of the notes
            notes.append(ln)
            continue
        if len(notes) > len(labels):
            return block  # a label after notes-only lines: entries of a list, one per line
        if first_end - left > (right - left) * LABEL_SHARE:
            return block  # too wide for a label: two columns of prose, or a table
        labels.append(" ".join(w.text for w in segs[0]))
        if len(segs) >= 2:
            notes.append(replace(ln, text=ln.text.split("\t", 1)[-1]))
    if any(sum(ch.isalpha() for ch in label) < 2 for label in labels[1:]):
        return block  # bullets or numbers down the left: a list, not one wrapped title
    if len(labels) < 2 or len(notes) <= len(labels):
        # one label line: line-by-line reading is already right; a label on every line is
        # a two-column list ("Ann Lee<tab>- Parish Council"), not one title beside prose
        return block
    if sum(map(len, labels)) * 2 > sum(len(ln.text) for ln in notes):
        return block  # as much text on the left: two columns of prose, not titles
    head = replace(notes[0], text=f"{' '.join(labels)}\t{notes[0].text}", x0=left)
    return RawBlock([head] + notes[1:])
