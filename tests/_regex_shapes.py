"""Static check for regex shapes that backtrack super-linearly, read from `re._parser`'s tree.

Three shapes, each a way a few KB of hostile text made a pattern of ours quadratic:
- `nested`: an unbounded repeat inside an unbounded repeat (`(?:\\s*,\\w+)*`);
- `overlap`: an unbounded repeat followed (past optional elements) by another unbounded
  repeat that can match the same characters (`\\s*,?\\s*`, `[^()]+?\\s*\\(`): every split of a run
  between them is tried before the match fails;
- `leading`: an unanchored pattern (or top-level alternative) that opens with an unbounded
  repeat (`\\s*,`, `[A-Z][\\w.-]*\\s+`): a search tries it from every position of a run and each
  try scans to the run's end.
A possessive repeat (`*+`) or atomic group gives back nothing, so it cannot overlap; a
lookbehind, `^`/`\\A`, or `\\b` in front means a try starts only where a run starts.
Character sets are compared on a probe alphabet, which is enough to see ordinary overlaps.
"""
from __future__ import annotations

import re
import re._constants as C
import re._parser as P

PROBE = [chr(c) for c in range(32, 127)] + list("\t\n\u00a0’‘–—•éÉ\uf0b7")
REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT}
_CATEGORY = {C.CATEGORY_DIGIT: str.isdigit, C.CATEGORY_SPACE: str.isspace,
             C.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_",
             C.CATEGORY_NOT_DIGIT: lambda ch: not ch.isdigit(),
             C.CATEGORY_NOT_SPACE: lambda ch: not ch.isspace(),
             C.CATEGORY_NOT_WORD: lambda ch: not (ch.isalnum() or ch == "_")}


def _in(items, ch: str, fold: bool) -> bool:
    hit, negate = False, False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            hit |= _same(av, ch, fold)
        elif op is C.RANGE:
            hit |= av[0] <= ord(ch) <= av[1] or (fold and (
                av[0] <= ord(ch.lower()) <= av[1] or av[0] <= ord(ch.upper()) <= av[1]))
        elif op is C.CATEGORY:
            hit |= _CATEGORY.get(av, lambda _c: True)(ch)
    return hit != negate


def _same(code: int, ch: str, fold: bool) -> bool:
    return chr(code) == ch or (fold and chr(code).lower() == ch.lower())


def chars(seq, fold: bool) -> set[str]:
    """Every probe character some element of `seq` can consume."""
    out: set[str] = set()
    for op, av in seq:
        if op is C.LITERAL:
            out |= {ch for ch in PROBE if _same(av, ch, fold)}
        elif op is C.NOT_LITERAL:
            out |= {ch for ch in PROBE if not _same(av, ch, fold)}
        elif op is C.ANY:
            out |= set(PROBE) - {"\n"}
        elif op is C.IN:
            out |= {ch for ch in PROBE if _in(av, ch, fold)}
        elif op is C.BRANCH:
            for alt in av[1]:
                out |= chars(alt, fold)
        elif op is C.SUBPATTERN:
            out |= chars(av[-1], fold)
        elif op in REPEATS or op in (C.POSSESSIVE_REPEAT,):
            out |= chars(av[2], fold)
        elif op is C.ATOMIC_GROUP:
            out |= chars(av, fold)
    return out


def first(seq, fold: bool) -> set[str]:
    """Probe characters that can open a match of `seq` (zero-width elements are skipped)."""
    out: set[str] = set()
    for op, av in seq:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        if op is C.BRANCH:
            return out | set().union(*(first(alt, fold) for alt in av[1]))
        if op is C.SUBPATTERN:
            inner = av[-1]
        elif op in REPEATS or op is C.POSSESSIVE_REPEAT:
            inner = av[2]
        elif op is C.ATOMIC_GROUP:
            inner = av
        else:
            return out | chars([(op, av)], fold)
        out |= first(inner, fold)
        if not _optional(op, av):
            return out
    return out


def _optional(op, av) -> bool:
    if op in REPEATS or op is C.POSSESSIVE_REPEAT:
        return av[0] == 0
    if op is C.SUBPATTERN:
        return all(_optional(o, a) for o, a in av[-1])
    return op in (C.AT, C.ASSERT, C.ASSERT_NOT)


def _unbounded(op, av) -> bool:
    return op in REPEATS and av[1] == C.MAXREPEAT


def problems(pattern: str, flags: int = 0) -> list[str]:
    tree = P.parse(pattern, flags)
    fold = bool(tree.state.flags & re.IGNORECASE)
    out: list[str] = []
    _walk(list(tree), fold, out, None)
    if _leading_any(list(tree), fold):
        out.append("leading")
    return sorted(set(out))


def _leading_any(seq, fold: bool, depth: int = 0) -> bool:
    """`_leading` along each way a try can open: into a group, into each branch, past an
    optional element."""
    if not seq or depth > 12:
        return False
    op, av = seq[0]
    if _leading(seq, fold):
        return True
    if op is C.SUBPATTERN:
        return _leading_any(list(av[-1]) + seq[1:], fold, depth + 1)
    if op is C.BRANCH:
        return any(_leading_any(list(alt) + seq[1:], fold, depth + 1) for alt in av[1])
    if _optional(op, av) and op not in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return _leading_any(seq[1:], fold, depth + 1)
    return False


def _leading(alt, fold: bool) -> bool:
    """A try from inside a run gets through the opening elements, scans the run to its end and
    then needs something more (`\\s*,`, `\\(([^)]*)\\)`, `[A-Z][\\w.-]*\\s+`)."""
    prefix, run, rest = _split_at_run(alt)
    if run is None or _anchored(prefix):
        return False
    mine = chars(run[1][2], fold)
    return _blends(prefix, mine, fold) and bool(first(alt, fold) & mine) and (
        rest is None or any(o is C.AT or not _optional(o, a) for o, a in rest))


def _blends(seq, mine: set[str], fold: bool) -> bool:
    """Every required element of `seq` can match some of `mine` (an unanchored alternative
    counts; an anchored one, `^` or a lookbehind, does not): nothing in `seq` marks where a
    run of `mine` starts."""
    for op, av in seq:
        if op is C.SUBPATTERN:
            if not _blends(av[-1], mine, fold):
                return False
        elif op is C.BRANCH:
            if not any(not _anchored(alt) and _blends(alt, mine, fold) for alt in av[1]):
                return False
        elif not _optional(op, av) and not chars([(op, av)], fold) & mine:
            return False
    return True


def _anchored(prefix) -> bool:
    """`^`, `\\b`, a lookbehind: a try starts only where a run starts (or at one place)."""
    return any(op is C.AT or (op in (C.ASSERT, C.ASSERT_NOT) and av[0] < 0) for op, av in prefix)


def _split_at_run(seq):
    """(elements before the first unbounded repeat, that repeat, what follows it in `seq`);
    `rest` is None when the repeat sits inside a group (something follows it there)."""
    for i, (op, av) in enumerate(seq):
        if _unbounded(op, av) or (op is C.POSSESSIVE_REPEAT and av[1] == C.MAXREPEAT):
            return list(seq[:i]), (op, av), list(seq[i + 1:])
        inner = (av[-1] if op is C.SUBPATTERN else av[2] if op in REPEATS
                 or op is C.POSSESSIVE_REPEAT else av if op is C.ATOMIC_GROUP else None)
        if inner is not None:
            before, run, _rest = _split_at_run(list(inner))
            if run is not None:
                return list(seq[:i]) + before, run, None
    return list(seq), None, None


def last(seq, fold: bool) -> set[str]:
    """Probe characters that can close a match of `seq`."""
    return first(list(reversed(list(seq))), fold) if seq else set()


def _flat(seq) -> list:
    """Groups are transparent for what follows what: `([^()]+?)\\s*` is a run then a run."""
    out: list = []
    for op, av in seq:
        out += _flat(av[-1]) if op is C.SUBPATTERN else [(op, av)]
    return out


def _walk(seq, fold: bool, out: list[str], outer: list | None) -> None:
    """`outer`: the body of the closest unbounded repeat around `seq`, if any."""
    seq = _flat(seq)
    for i, (op, av) in enumerate(seq):
        if _unbounded(op, av):
            mine = chars(av[2], fold)
            # (a+)+, (\\w+\\s?)*: nothing in the outer body tells its rounds apart from the run
            if outer is not None and _blends(outer, mine, fold):
                out.append("nested")
            ends = last(av[2], fold)
            for j, (op2, av2) in enumerate(seq[i + 1:], i + 1):
                # …and something after both can fail, so every split of the run is tried
                if _unbounded(op2, av2) and ends & first(av2[2], fold) and any(
                        not _optional(o, a) for o, a in seq[j + 1:]):
                    out.append("overlap")
                if not _optional(op2, av2) or _unbounded(op2, av2):
                    break
            _walk(av[2], fold, out, list(av[2]))
        elif op in REPEATS or op is C.POSSESSIVE_REPEAT:
            _walk(av[2], fold, out, None if op is C.POSSESSIVE_REPEAT else outer)
        elif op is C.SUBPATTERN:
            _walk(av[-1], fold, out, outer)
        elif op is C.BRANCH:
            for alt in av[1]:
                _walk(alt, fold, out, outer)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            _walk(av[1], fold, out, outer)
        # an atomic group gives nothing back: what is inside cannot be retried from outside
