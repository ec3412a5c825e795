"""Action tables: "Action / Owner / By when / Update", "No / Action / Owner / Update",
"ITEM / BY WHOM / BY WHEN" (also below a title row such as "ACTION LOG"), a title alone over
unlabelled columns ("Action Items" over "Amber | Set up the recruitment group"), whose owner
column is known by its names, and a work-in-progress list printed with no header at all
("Install the new sign | RE", "Circulate the news page | LS & new Secretary"), known by its
last column of owners. `table_actions` maps the header to columns and turns each row
into a candidate action (text, owner text, due text, ref, update)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.model import Table

from ..vocab import load_vocab
from .owners import looks_like_owner_list


@dataclass
class RowAction:
    text: str
    owner_text: str
    due_text: str | None
    ref: str | None
    update: str | None
    page: int | None
    index: int


@lru_cache(maxsize=1)
def _columns() -> dict[str, re.Pattern]:
    return {k: re.compile(v, re.I) for k, v in load_vocab(__package__, "actions.json")["table_columns"].items()}


def header_map(header: list[str]) -> dict[str, int] | None:
    cols = _columns()
    found: dict[str, int] = {}
    for i, cell in enumerate(header):
        text = re.sub(r"\s+", " ", cell).strip()
        if not text:
            continue
        for key in ("ref", "owner", "due", "update", "action"):
            if key not in found and cols[key].search(text):
                if key == "due" and cols["owner"].search(text) and "owner" not in found:
                    continue
                found[key] = i
                break
    if "owner" in found and ("action" in found or "ref" in found):
        if "action" not in found:
            found["action"] = found["ref"] + 1
        # "No | Action | Owner | (blank)": a last column the clerk left without a heading,
        # after the named ones, holds each row's progress ("Emailed 26.1.24", "Done")
        last = len(header) - 1
        if ("update" not in found and last > max(found.values())
                and not re.sub(r"\s+", "", header[last])):
            found["update"] = last
        return found
    return None


def is_action_table(table: Table) -> bool:
    return _layout(table.texts()) is not None


# A reference as a cell of its own: "Feb23.04", "Feb 23.05", "April23.02", "A12", "3.1".
_REF_CELL = re.compile(r"[A-Za-z]{0,12}[ .]?\d{1,4}(?:[./-]\d{1,4}){0,2}[a-z]?")


def reprinted_layout(table: Table, earlier: list[Table]) -> dict[str, int] | None:
    """The columns of a headerless table that reprints an earlier action table of the
    paper: the action list summary at the end of the minutes, whose header row is printed
    apart from it (a line of text above the rules, on the page before) or left out. It is
    as wide as that table, its rows are numbered in that table's reference column, and its
    owner column holds owners; then it is read under that table's header."""
    rows = table.texts()
    if len(rows) < 2 or _layout(rows) is not None:
        return None
    for t in earlier:
        layout = _layout(t.texts())
        if layout is None or layout[1] == 0 or t.n_cols != table.n_cols:
            continue
        cols = layout[0]
        if "ref" not in cols or cols.get("owner") is None:
            continue
        refs = [_cell(r, cols["ref"]) for r in rows]
        owners = [_owner_cell(o)[0] for r in rows if (o := _cell(r, cols["owner"]))]
        numbered = sum(1 for c in refs if _REF_CELL.fullmatch(re.sub(r"\s+", " ", c)))
        owned = sum(1 for o in owners if _owner_like(o))
        if 3 * numbered >= 2 * len(rows) and owners and 3 * owned >= 2 * len(owners):
            return cols
    return None


def _layout(rows: list[list[str]]) -> tuple[dict[str, int], int] | None:
    """The columns and the first task row: under a header (which may sit below title rows of
    one cell, "ACTION LOG" over "Ref | Action | Owner"), under a title alone ("Action Items"
    over unlabelled columns of owner and task), or a headerless list of tasks."""
    if not rows:
        return None
    for k in range(min(3, len(rows))):
        if k and not (_title_row(rows[k - 1]) and all(len(c.split()) <= 4 for c in rows[k])):
            break
        cols = header_map(rows[k])
        if cols is not None:
            return cols, k + 1
    if _title_row(rows[0]) and _columns()["action"].search(rows[0][_filled(rows[0])[0]]):
        cols = _columns_by_content(rows[1:])
        if cols is not None:
            return cols, 1
    if _owner_column(rows):
        return {"action": 0, "owner": len(rows[0]) - 1}, 0
    return None


def _filled(row: list[str]) -> list[int]:
    return [i for i, c in enumerate(row) if c.strip()]


def _title_row(row: list[str]) -> bool:
    """One short cell alone on its row: a table's title, not a header of columns."""
    filled = _filled(row)
    return len(row) > 1 and len(filled) == 1 and len(row[filled[0]].split()) <= 5


def _columns_by_content(rows: list[list[str]]) -> dict[str, int] | None:
    """Unlabelled columns under an actions title: the owners are the column whose cells are
    mostly names, initials or roles (at least two of them); the task is the fullest other
    column. Without an owner column the tasks stand alone, each flagged for its owner."""
    width = min((len(r) for r in rows), default=0)
    if len(rows) < 2 or width < 1:
        return None
    text = [sum(len(r[i].strip()) for r in rows) for i in range(width)]
    owner = None
    for i in range(width):
        cells = [r[i].strip() for r in rows if r[i].strip()]
        named = sum(1 for c in cells if _owner_like(c))
        if named >= 2 and 3 * named >= 2 * len(cells) and (owner is None or text[i] < text[owner]):
            owner = i
    rest = [i for i in range(width) if i != owner]
    if not rest:
        return None
    action = max(rest, key=lambda i: text[i])
    if text[action] < 15 * len(rows) // 2:
        return None
    # "lead": an owner cell that is not a name leads the task ("Elizabeth had an issue")
    return {"action": action, "owner": owner, "lead": owner} if owner is not None \
        else {"action": action}


NAME = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}")


def _owner_like(text: str) -> bool:
    """Owners only: initials, roles and groups ("MS/AB", "Clerk") or a short name ("Amber",
    "Phyllis Baca")."""
    return looks_like_owner_list(text) or bool(NAME.fullmatch(re.sub(r"\s+", " ", text)))


def _owner_column(rows: list[list[str]]) -> bool:
    """A headerless task list: at least three rows of task text whose last cell, in two rows
    of three, is owners only ("JD", "BV / JD & Committee", "Clerk")."""
    if len(rows) < 3 or min(len(r) for r in rows) < 2:
        return False
    tasks = [r[0].strip() for r in rows]
    owners = [_owner_cell(r[-1])[0] for r in rows if r[-1].strip()]
    owned = sum(1 for o in owners if looks_like_owner_list(o))
    return len(owners) >= 3 and 3 * owned >= 2 * len(rows) \
        and sum(len(t) for t in tasks) >= 15 * len(tasks)


# A status word ending a cell: after the owners ("LS Ongoing"), or stamped before a row's
# reference ("Action closedDec22.05").
_STATUS = r"(ongoing|complete[d]?|done|closed|open)$"
_STATUS_AFTER_OWNERS = re.compile(rf"(?i)\s{_STATUS}")
_STATUS_END = re.compile(rf"(?i)\b{_STATUS}")


def _owner_cell(text: str) -> tuple[str, str | None]:
    """Owners as written, without a trailing status word or a condition in brackets:
    "LS & new Secretary Ongoing" -> ("LS & new Secretary", "Ongoing")."""
    text = re.sub(r"(?:(?<!\s)\s*+)?\([^()]{0,80}\)", "",
                  re.sub(r"(?:(?<!\s)[ \t]*+)?\n\s*", " / ", text.strip()))
    m = _STATUS_AFTER_OWNERS.search(text)
    return (text[:m.start()].strip(), m.group(1)) if m else (text, None)


def _stamped_ref(ref: str | None) -> tuple[str | None, str | None]:
    """(the reference, the words stamped before it): "Action closedDec22.05" ->
    ("Dec22.05", "Action closed"). Bad PDF spacing glues the clerk's stamp in the number
    column to the reference: a status word, then the reference's capital. A reference
    alone is returned as it is."""
    if not ref:
        return ref, None
    for i in range(len(ref) - 1, 0, -1):
        if ref[i].isupper() and ref[i - 1].islower() and _REF_CELL.fullmatch(ref[i:]) \
                and _STATUS_END.search(ref[:i]):
            return ref[i:], ref[:i].strip()
    return ref, None



def _cell(row: list[str], i: int) -> str:
    return row[i].strip() if i < len(row) else ""


def table_actions(table: Table, cols_given: dict[str, int] | None = None) -> list[RowAction]:
    """Each task row of an action table; `cols_given` reads a headerless table under the
    columns of the one it reprints (`reprinted_layout`)."""
    rows = table.texts()
    layout = (cols_given, 0) if cols_given is not None else _layout(rows)
    if layout is None:
        return []
    cols, first = layout
    out: list[RowAction] = []
    for cells, row in zip(table.rows[first:], rows[first:]):
        def cell(key: str) -> str | None:
            i = cols.get(key)
            if i is None or i >= len(row):
                return None
            return re.sub(r"\s+", " ", row[i]).strip() or None
        text = cell("action")
        if not text or len(text) < 4:
            continue
        if first == 0 and cols.get("owner") is not None:
            owner, status = _owner_cell(_cell(row, cols["owner"]))
        else:
            owner, status = cell("owner"), None
        if "lead" in cols and owner and not _owner_like(owner):
            text, owner = f"{owner} – {text}", None
        update = cell("update")
        ref, stamped = _stamped_ref(cell("ref"))
        if stamped:  # "Action closedDec22.05": the clerk's stamp, glued to the number
            update = f"{stamped}. {update}" if update else stamped
        if not owner and update and looks_like_owner_list(update):
            # the owner set one cell to the right (a PDF's column edges misread): the update
            # column holds owners only and the owner cell is empty
            owner, update = update, None
        out.append(RowAction(text=text, owner_text=owner or "", due_text=cell("due"),
                             ref=ref, update=update or status,
                             page=cells[0].page_or(table.page) if cells else table.page,
                             index=table.index))
    return out
