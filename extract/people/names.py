"""Is this a person's name, and are two written names the same person?"""
from __future__ import annotations

import re
from functools import lru_cache

from .titles import split_title, title_gender
from .words import COUNT_WORDS, ORG_WORDS, PARTICLES, ROLE_WORDS, STOPWORDS


def looks_like_name(name: str) -> bool:
    """A person's name: 1-5 capitalised words or initials, no role or organisation words."""
    words = name.split()
    if not 1 <= len(words) <= 5:
        return False
    if any(re.search(r"\d", w) for w in words):
        return False
    if len(words) == 1 and words[0].lower().strip(".") in COUNT_WORDS:
        return False
    for n, w in enumerate(words):
        bare = w.strip(".,'’")
        if not bare:
            return False
        if bare.lower() in PARTICLES:
            continue
        if n == len(words) - 1 and n >= 2 and bare.isalpha() and bare.islower() \
                and bare not in STOPWORDS:
            continue  # "Diane Neil mills": a surname printed in lower case
        if not (bare[0].isupper() and re.fullmatch(r"[A-Za-zÀ-ÿ'’.\-]+", bare)):
            return False
        if bare.lower() in ROLE_WORDS or bare.lower() in ORG_WORDS:
            if n == len(words) - 1 and n >= 1 and words[0] != "A" and all(
                    re.fullmatch(r"[A-Z]\.?", x) for x in words[:-1]):
                continue  # "T Speaker": after initials the role word is a surname
            return False
    return not (len(words) == 1 and re.fullmatch(r"[A-Z]{3,}", words[0]))


@lru_cache(maxsize=4096)  # every attendee's name is keyed again for each token resolved
def name_key(name: str) -> str:
    """"Cllr Sue Prynn (Chair)" → "sue prynn": the name as compared."""
    return re.sub(r"[^a-z ]", "", split_title(name)[1].lower()).strip()


def initials_of(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", split_title(name)[1]) if w and w[0].isalpha()]
    return "".join(w[0].upper() for w in words)


def initials_match(token: str, name: str) -> bool:
    """"NO" for Nick Oakhill, "AHol" for Alan Holzer; not "SCC" for Stephen Taylor."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isalpha()]
    if not words or not token[:1].isupper():
        return False
    caps = [c for c in token if c.isupper()]
    return (caps[0] == words[0][0].upper() and caps[-1] == words[-1][0].upper()
            and 2 <= len(token) <= 5 and len(caps) <= len(words) + 1)


def _norm(name: str) -> list[str]:
    return re.findall(r"[a-z]+", (name or "").lower())


def same_person(a: str, ta: str | None, b: str, tb: str | None) -> bool:
    """"Mr Baldock" and "Mr A Baldock", "Sue Prynn" and "S Prynn" are one person; "Mr J Meade"
    and "Ms J Meade", or "Sue Prynn" and "Sam Prynn", are not."""
    wa, wb = _norm(a), _norm(b)
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    ga, gb = title_gender(ta), title_gender(tb)
    if ga and gb and ga != gb:
        return False
    fa, fb = wa[:-1], wb[:-1]
    if not fa or not fb:
        return True
    return fa[0][0] == fb[0][0] and (len(fa[0]) == 1 or len(fb[0]) == 1 or fa[0] == fb[0])
