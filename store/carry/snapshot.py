"""Resuming the carry-forward: the fold's state after a body's latest meeting, kept in
`carry_snapshots` (and in the process that made it), so a save that only adds later
meetings folds and writes just those.

The state is whatever the fold keeps between meetings (`linking._Pool`, `linking.RagPool`,
pickled whole, so state that other rules add to them rides along), the thread keys given so
far, the clerk's corrections it was built with, and where it stopped. It is used only when
nothing it depends on can have changed: the same carry code (`rules()`, a hash of the
package's source and the vocabularies it reads), the same meetings up to where it stopped,
and a save that only adds new meetings after all the others (`rebuild.resume_body`).
Anything else (a paper arriving out of order, a second source or a new version of a folded
meeting, a re-read, a clerk's correction, a merge of people) takes the full rebuild, which
writes a new state; the result is the same either way (tests/test_carry_resume.py). The
table's copy is rewritten every `LAG` meetings while the process keeps its own, not every
save, as pickling it costs in proportion to the body's history; resuming from an older
copy folds the meetings since again and writes the same rows. Before it is kept, the state
forgets what no later meeting can change (`linking._Pool.freeze`): closed threads the body
has not spoken of at `linking.COLD_AFTER` meetings, but for their references, and the
omission flags of those meetings (written already); a later row reaching such a reference
takes the full rebuild. So the state, and a save by a new process that reads it, stay the
size of the body's recent business, not of its history.
"""
from __future__ import annotations

import gc
import hashlib
import pickle
import uuid
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from .. import schema as db
from .linking import RagPool, _Pool
from .timeline import Clerk
from .writing import Keys

FORMAT = 3  # of the pickled state; bump when its shape changes


@cache
def rules() -> str:
    """The version of the carry-forward's rules: a hash of the code and data that decide
    threads (this package, `store.mapping`, the JSON vocabularies beside them)."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(str(FORMAT).encode())
    for path in sorted([*here.glob("*.py"), *here.glob("*.json"),
                        here.parent / "mapping.py", here.parent / "names.py",
                        *here.parent.glob("*.json")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@dataclass
class Snapshot:
    """The fold after the meetings in `folded` (ids, in meeting order), ending at `last`
    (that meeting's `Sitting.order`)."""

    pool: _Pool
    rag: RagPool
    action_keys: Keys
    rag_keys: Keys
    clerk: dict[int, Clerk] = field(default_factory=dict)
    folded: list[int] = field(default_factory=list)
    last: tuple[Any, ...] | None = None
    read: bool = False  # read from the table by this save, not kept by this process


# The states this process folded, by (store URL, body): (token of the stored state they
# continue, state), so a batch of saves does not read its own snapshot back.
_KEPT: OrderedDict[tuple[str, int], tuple[str, Snapshot]] = OrderedDict()
_KEEP = 8  # bodies; a state is a few MB at ten years of monthly minutes
LAG = 12  # meetings a process may fold ahead of the stored state before writing it again


@contextmanager
def _no_gc() -> Iterator[None]:
    """The collector paused: unpickling makes tens of thousands of objects, each batch of
    which sets off a scan of the whole heap (four times slower in a long batch)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _where(session: Session, body_id: int) -> tuple[str, int]:
    return (str(session.get_bind().engine.url), body_id)


def load(session: Session, body_id: int) -> Snapshot | None:
    """The body's fold state, if made by these rules: this process's own copy when it
    continues the stored one (the stored one may lag behind it by up to `LAG` meetings:
    either is a correct place to resume from), else the stored one."""
    row = session.get(db.CarrySnapshot, body_id)
    if row is None or row.rules != rules():
        return None
    kept = _KEPT.pop(_where(session, body_id), None)
    if kept is not None and kept[0] == row.token:
        state: Any = kept[1]
    else:
        try:
            with _no_gc():
                state = pickle.loads(row.state)  # noqa: S301 - our own table, written below
        except Exception:  # a state this code cannot read is only a cache miss
            return None
    if not isinstance(state, Snapshot):
        return None
    state.read = kept is None or kept[0] != row.token
    state.pool.touched.clear()
    state.rag.touched.clear()
    return state


def store(session: Session, body_id: int, snap: Snapshot, *, full: bool) -> None:
    """Keep `snap` as the body's fold state: written to the table after a full rebuild or
    when it is `LAG` meetings ahead of the stored one, and kept in this process."""
    for raised_id in snap.pool.freeze():  # never written again: their keys stay taken
        snap.action_keys.given.pop(raised_id, None)
    snap.pool.touched.clear()  # written by now
    snap.rag.touched.clear()
    row = session.get(db.CarrySnapshot, body_id)
    # A state read from the table will likely be read from it next time too (one save per
    # process, or more bodies than this process keeps): write it, or each of those saves
    # folds the meetings since the table's copy again.
    if full or row is None or snap.read or len(snap.folded) - row.meetings >= LAG:
        with _no_gc():
            blob = pickle.dumps(snap, protocol=pickle.HIGHEST_PROTOCOL)
        values = {"rules": rules(), "token": uuid.uuid4().hex, "state": blob,
                  "meetings": len(snap.folded)}
        if row is None:
            row = db.CarrySnapshot(body_id=body_id, **values)
            session.add(row)
        else:
            for name, value in values.items():
                setattr(row, name, value)
    # Kept before the transaction commits: if it rolls back, the meetings this state
    # folded are gone or stored again by a new save, and either fails `resume_body`'s checks.
    where = _where(session, body_id)
    _KEPT[where] = (row.token, snap)
    _KEPT.move_to_end(where)
    while len(_KEPT) > _KEEP:
        _KEPT.popitem(last=False)
