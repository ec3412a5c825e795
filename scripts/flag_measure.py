"""Open flags per meeting and by kind in a store, for measuring the review queue before and
after a change: `python scripts/flag_measure.py sqlite:///store.sqlite`. Works on stores
without `flags.resolved` (before migration 0009) by counting only undismissed flags."""
from __future__ import annotations

import sqlite3
import sys
from collections import Counter


def main(url: str) -> None:
    con = sqlite3.connect(url.removeprefix("sqlite:///"))
    cols = {r[1] for r in con.execute("PRAGMA table_info(flags)")}
    where = "f.dismissed = 0" + (" AND f.resolved IS NULL" if "resolved" in cols else "")
    rows = con.execute(f"SELECT m.date, f.kind FROM flags f LEFT JOIN meetings m "
                       f"ON m.id = f.meeting_id WHERE {where}").fetchall()
    per = Counter(d for d, _ in rows)
    print("| meeting | open flags |\n|---|---|")
    for d in sorted(per, key=str):
        print(f"| {d} | {per[d]} |")
    print(f"| total | {len(rows)} |\n")
    for kind, n in Counter(k for _, k in rows).most_common():
        print(f"{kind}: {n}")


if __name__ == "__main__":
    main(sys.argv[1])
