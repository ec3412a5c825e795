"""Carry-forward: each action and RAG row followed from meeting to meeting within a body.

Threads are derived from the facts, never typed in. `rebuild_body` reads one body's
actions, RAG rows and matters-arising notes in meeting order (by date; on one date the
agenda pack before the minutes; undated meetings are never linked) and writes its
`action_threads` with their `action_status_history`, and its `rag_threads` with their
`rag_status_history`. `carry_forward` runs it inside each save's transaction for the
bodies the document touched, so the log is never out of step with the facts. Rows that did
not change are not written, and thread rows keep their ids while any of their actions
survives, so a re-run changes nothing and a re-read does not churn the log.

An action of a later meeting is a mention of an earlier thread when (first rule wins):

- ref: it has the thread's reference ("Sep24.02") and its words agree. A short or
  all-digit reference ("3", "4b") numbers one meeting's table, so it needs the texts to
  agree (`BARE_REF_OVERLAP`); a full one links unless both texts say something (a status
  row such as "done" links by reference alone) and share almost no words
  (`REF_REUSED_OVERLAP`): the clerk reused the reference for a new action, which is
  linked by the rules below or raises a thread, flagged "reference-reused" with both texts;
- text: its normalised text is the same as, or near-identical to (`NEAR`), the text of a
  thread that is still open (a closed action worded again is a new one). The bar rises
  with the body's meetings since the thread was last spoken to (`wording_bar`): after six
  only the same words link, after seven none do;
- update: its update column names a thread's reference ("see Sep24.02 - done").

Otherwise it raises a new thread. Within one meeting, an action the minutes state twice
(in the item's narrative and again in the action list at the end) is one: the list row
links by the rules above and the narrative statement is its mention (`same_meeting`); a
full reference printed twice with agreeing words (a table and its reprint) is one action,
with disagreeing words two, flagged "reference-reused". A RAG row speaks to an action thread by the same rules
(its reference, or its text against open threads); a note (a resolution or a narrative
sentence, `notes` table, under a matters-arising or clerk's-report item: `MATTERS_ARISING`)
speaks to the threads whose reference it names, or else to the open thread whose words it
contains (`CONTAINS`); a done-report told under another item only to one whose words it
nearly all holds (`STRONG_CONTAINS`), while a wording link would still do (`wording_bar`),
or to the one open thread whose task names the thing done and its verb and a name the
report gives ("CRT re Lifting Bridge. A response to the letter sent …" for "… will send a
letter to CRT …": `mapping.done_pairs`). A row reprinted later in the same papers with its
update cut short does not reopen what the full row closed.

Status: an action stays open until something closes it. Every mention may state a status:
closed when its status column, update column or note says so (`mapping.says_closed`, or a
done-report without a closing word, `mapping.says_done`: "letter sent", "now on the
website"; or an update that is only a reference to an item of the meeting, "Agenda item",
`mapping.says_handed_over`; vocabulary in `store/closing.json`) or a RAG row is blue; open when it gives
some other status or update; none when it only repeats the action. `closing` adds, after
each meeting, the closures no row states: a note that nothing was outstanding closes what
the body carried into the meeting (not what was already stale); a row left out of a
reprinted carried-actions table is closed by omission (flagged for the clerk); an action
unmentioned for several meetings is marked stale (flagged), never closed. The latest
stated status is the thread's. The clerk's status correction (`store.corrections`, kind
"status", on any action of the thread) wins over every paper; actions the clerk dismissed
are left out. Age is counted from the raising meeting to today, or to the meeting (or the
clerk's date) that closed it.

Owner: the latest mention's owners that resolved to people (a different person there
reassigns it), unless that mention only reads the owners already held worse (no one new,
someone unresolved: "GE (?)" for a resolved name); while none resolved, the latest printed.
The clerk's owner correction wins.

RAG rows are threaded by reference within the body (a bare reference needs the texts to
agree, since two tables in one pack may both number rows 1, 2, 3), else by near-identical
text; each thread keeps one status per meeting, so `queries.rag_trend` can show Red →
Amber → Green.

Resuming: a save that only adds meetings after all of a body's others does not rebuild
from the start. The fold's state after the latest meeting is kept (`snapshot`), and the
save folds just the new meetings on from it and writes the threads they raised or touched;
anything that changes an earlier meeting (a paper out of order, a second source or new
version, a re-read, a clerk's correction) rebuilds in full. Either way the rows are the
same, and the order files arrive in does not change them: equally good matches are told
apart by meeting order (`Said.rank`), not by row ids.

Modules, in the order a rebuild runs them: `rebuild` (the entry points), `timeline` (what
the body's papers said, read from the store), `said` (those sayings and how two of them
compare), `linking` (which thread each speaks to), `closing` (the closures no row states),
`writing` (the thread and history rows), `snapshot` (the fold's state kept between saves).
"""
from .rebuild import action_key, carry_forward, rebuild_body, refresh, stale_bodies
from .timeline import MATTERS_ARISING

__all__ = ["MATTERS_ARISING", "action_key", "carry_forward", "rebuild_body", "refresh",
           "stale_bodies"]
