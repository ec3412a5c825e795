"""Clerk corrections: edits layered over the extraction that every re-run keeps.

A correction is a row of `corrections` (`schema.Correction`): the kind of edit, its
target's natural key, the new value, the clerk's note and when. Rows are only added, never
changed or deleted by a run; the latest correction of a kind on a target wins.

Targets are named by natural keys rather than row ids, because a re-extraction deletes
rows and makes new ones with new ids (and SQLite reuses ids):

- an action: organisation + body + meeting date + the action's text (`mapping.action_key`,
  also stored on the row as `actions.key` and used by the carry-forward's threads);
  when a re-issued paper changed a word of it, the same body and date, the same item or
  reference (kept on the correction) and most of the words find it again (`rematch`); an
  ambiguous fit is flagged for the clerk, not applied;
- a flag: organisation + body + meeting date + record + kind + message (`flag_key`); a
  flag on a whole document (no meeting) is keyed by the document's content hash instead;
- a person: the body + the person's name (merges and aliases).

Text is normalised as `mapping.text_key` does (case and spacing ignored): that is the
store's test for "the same action" within a meeting, so one key names one action there.

Applying. `reapply_corrections` runs after every save that adds facts (`store.save`) and
whenever a correction is recorded. Each correction finds its target again and:

- owner, due and status are written onto the action rows, so every filter, count and
  report sees them (owners are resolved to the body's people again each time, aliases
  included). The paper's own words stay in `owner_text`, `due_text` and `status_text`.
- text and dismiss_action are never written: an action's text is its identity (its key,
  and the duplicate check when a second file records the meeting), and a dismissed action
  is kept. The action threads read them (below); `action_corrections`,
  `thread_corrections` and `dismissed_action_ids` give them to any other reader.
- dismiss_flag sets `flags.dismissed` on every flag with the key: the same flag raised by
  two files recording one meeting is one issue for the clerk.
- merge_people and alias make the other name resolve to the person (`store.people`): a
  separate person by that name, re-created since, is merged in again, and owners kept as
  text that the alias names are resolved to the person.

In a save this runs after the facts and before the carry-forward (`store.carry`), which
reads the corrections (through `corrections.action_id`) when it rebuilds a body's action
threads, the rows of the log: the clerk's status, owner, due date and wording win over
every paper's, and dismissed actions are left out. Recording a correction rebuilds the
threads of its body the same way. The `action_id`/`flag_id`/`person_id` columns record
which row a correction applies to now (for an action, the first when its key names
several: undated meetings, or an agenda and minutes of one day saying the same words); the
database clears them when that row is deleted, and the next application sets them again.

Undoing. A correction is never deleted: `undo` stamps it `undone_at`, every reader leaves
it out, and what it wrote is put back (the paper's value, kept with it when recorded).

Modules: `keys` (kinds, bounds and natural keys), `record` (an action's corrections),
`flags` (flags dismissed or accepted, one or a meeting's kind at a time), `added` (actions
the clerk added), `undo`, `dates` (due dates as the clerk types them), `identity` (people merged and aliased), `apply` (finding each target again
and writing the correction onto it), `rematch` (an action whose words a re-issue changed),
`reading` (what the clerk changed, for reports).
"""
from .added import ActionAdded, add_action
from .apply import reapply_corrections
from .dates import DueRead, read_due
from .flags import FlagsClosed, accept_flag, bulk_flags, closing_correction
from .identity import PeopleCorrected, alias, merge
from .keys import (
    ACTION_KINDS,
    FIELDS,
    MAX_NAME,
    MAX_NOTE,
    MAX_TEXT,
    PEOPLE_KINDS,
    CorrectionError,
    Place,
    action_key,
    flag_key,
    person_key,
)
from .reading import (
    ActionFix,
    CorrectionView,
    action_corrections,
    correction_log,
    dismissed_action_ids,
    thread_corrections,
)
from .undo import Undone, undo_correction
from .record import (
    ActionCorrected,
    FlagDismissed,
    OwnerResolved,
    correct_action,
    dismiss_flag,
)

__all__ = [
    "ActionAdded", "DueRead", "FlagsClosed", "Undone", "accept_flag", "add_action",
    "bulk_flags", "closing_correction", "read_due", "undo_correction",
    "ACTION_KINDS", "FIELDS", "MAX_NAME", "MAX_NOTE", "MAX_TEXT", "PEOPLE_KINDS",
    "ActionCorrected", "ActionFix", "CorrectionError", "CorrectionView", "FlagDismissed",
    "OwnerResolved", "PeopleCorrected", "Place", "action_corrections", "action_key", "alias",
    "correct_action", "correction_log", "dismiss_flag", "dismissed_action_ids", "flag_key",
    "merge", "person_key", "reapply_corrections", "thread_corrections",
]
