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
links by the rules above and the narrative statement is its mention (`same_meeting`). A RAG row speaks to an action thread by the same rules
(its reference, or its text against open threads); a resolution under a matters-arising
item (`MATTERS_ARISING`) speaks to the threads whose reference it names, or else to the
open thread whose words it contains (`CONTAINS`).

Status: an action stays open until something closes it. Every mention may state a status:
closed when its status column, update column or note says so (`mapping.says_closed`, one
vocabulary) or a RAG row is blue; open when it gives some other status or update; none
when it only repeats the action. The latest stated status is the thread's. The clerk's
status correction (`store.corrections`, kind "status", on any action of the thread) wins
over every paper; actions the clerk dismissed are left out. Age is counted from the raising
meeting to today, or to the meeting (or the clerk's date) that closed it.

Owner: the latest mention's owners that resolved to people (a different person there
reassigns it), unless that mention only reads the owners already held worse (no one new,
someone unresolved: "GE (?)" for a resolved name); while none resolved, the latest printed.
The clerk's owner correction wins.

RAG rows are threaded by reference within the body (a bare reference needs the texts to
agree, since two tables in one pack may both number rows 1, 2, 3), else by near-identical
text; each thread keeps one status per meeting, so `queries.rag_trend` can show Red →
Amber → Green.

Modules, in the order a rebuild runs them: `rebuild` (the entry points), `timeline` (what
the body's papers said, read from the store), `said` (those sayings and how two of them
compare), `linking` (which thread each speaks to), `writing` (the thread and history rows).
"""
from .rebuild import action_key, carry_forward, rebuild_body, refresh, stale_bodies
from .timeline import MATTERS_ARISING

__all__ = ["MATTERS_ARISING", "action_key", "carry_forward", "rebuild_body", "refresh",
           "stale_bodies"]
