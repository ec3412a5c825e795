"""Extract's fast paths give what the slow ones gave (issue 12, speed): commitment patterns
skipped when their gate wording is absent, and sentence splitting, decision-sentence tests,
RAG word folding and status words computed once per text instead of once per call.

The slow implementations are kept here as references; every sentence is invented.
"""
from __future__ import annotations

import random
import re

import pytest

from extract.actions.commitments import _finditer, _rx
from extract.actions.gates import GATES
from extract.decisions import sentences as decision_sentences
from extract.document.nlp import sentences as nlp_sentences
from extract.document.textunits import _rejoin, split_sentences
from extract.rag import tables as rag_tables
from extract.rag.colours import rag_patterns
from extract.rag.legend import fold

# one sentence each pattern matches, and sentences near them that it must not
MATCHING = {
    "commit": "Following the site visit, the Clerk agreed to write to the landowner.",
    "reported": "The Clerk advised that she would write to the landowner about the hedge.",
    "relative": "The complaint was referred to the Committee Chair, who would send a reply.",
    "intention": "Ms Ode said it was her intention to circulate a summary of the survey.",
    "reported_passive": "The Chair advised that the lease would be brought to a future meeting.",
    "self_asked": "Members noted the quote. Cllr Dunn asked to review the bus timetable.",
    "authorised_passive": "That the Finance Manager be authorised to negotiate the lease.",
    "coordinated": "The Clerk has spoken to the contractor and will report back in May.",
}
NEAR = [
    "The Clerk advised that the hedge had been cut and that she was pleased.",
    "The Committee Chair, who chaired the panel, thanked members for attending.",
    "Ms Ode said there was no intention of closing the library this year.",
    "The Chair advised that the lease was brought to the last meeting.",
    "Cllr Dunn asked whether the bus timetable would change; nobody knew.",
    "The Finance Manager was thanked and the lease was authorised last year.",
    "The Clerk and the Chair met the contractor, and the work was done.",
    "",
    "and will",
    "who would",
]
# fragments for random sentences that put the gated wording in many places
OWNERS = ["The Clerk", "Cllr Dunn", "Ms Ode", "DT", "the Finance Manager", "Trustees",
          "Jo Bell and RT", "the Parish Council", "Sheila", "Mr. O'Riordan"]
LINKS = ["advised that", "said", "stated", "and", "who", "that", ",", "–", "asked to",
         "be authorised to", "was directed to", "it was her intention to", "and also will",
         "has agreed to", "would be", "will be taken to a future", "she would", "they plan to",
         "he is going to", "intention to", "will", "agreed to", "offered to",
         "advised that she would", "said that they will", "confirmed he is going to",
         ", who would", ", who has agreed to", "who will", "stated his intention to",
         "said it was her intention to", "advised that the item would be taken to a future",
         "confirmed that it would be considered at the next"]
VERBS = ["write", "report", "review", "circulate", "send", "attend", "the", "be", "negotiate",
         "brought", "considered"]
TAILS = ["the letter.", "to the next meeting.", "in May;", "the lease", "a summary. Then",
         "back.", "the survey results, and"]


def _random_sentences(n: int, seed: int = 12) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        words = []
        for _ in range(rnd.randint(1, 4)):
            words += [rnd.choice(OWNERS), rnd.choice(LINKS), rnd.choice(VERBS),
                      rnd.choice(TAILS)]
        out.append(" ".join(words))
    return out


def _spans(matches) -> list[tuple]:
    return [(m.span(), m.groupdict()) for m in matches]


@pytest.mark.parametrize("name", sorted(MATCHING))
def test_each_gated_pattern_matches_its_sentence_and_is_skipped_without_its_wording(name):
    rx = _rx()
    assert _spans(_finditer(rx, name, MATCHING[name])), name  # the reference sentence
    others = [s for k, s in MATCHING.items() if k != name] + NEAR
    skipped = [s for s in others if not GATES[name].search(s)]
    assert len(skipped) >= 3  # the gate really spares the pattern some text
    for s in skipped:
        assert list(rx[name].finditer(s)) == []


def test_gated_patterns_find_what_the_ungated_ones_find():
    rx = _rx()
    texts = list(MATCHING.values()) + NEAR + _random_sentences(600)
    for name in GATES:
        found = 0
        for s in texts:
            expected = _spans(rx[name].finditer(s))
            assert _spans(_finditer(rx, name, s)) == expected, (name, s)
            found += bool(expected)
        assert found >= 20, name  # the random sentences reach each pattern, not only its gate


def test_ungated_patterns_are_tried_as_before():
    rx = _rx()
    s = "That the Clerk write to the owner of the land."
    assert _spans(_finditer(rx, "bare", s)) == _spans(rx["bare"].finditer(s)) != []


# --- sentence splitting, once per text ------------------------------------------------------

def reference_split_sentences(text: str) -> list[str]:
    """The uncached splitter: pieces between bullets, each through spaCy's sentencizer."""
    out: list[str] = []
    for piece in re.split(r"(?:(?<!\s)\s*+)?(?:[•\uf0b7]|\(\s?cid:\d+\))\s*", text):
        if not piece.strip():
            continue
        for _, _, s in nlp_sentences(piece):
            if s.strip():
                out.append(s.strip())
    return _rejoin(out)


SPLIT_TEXTS = [
    "PL said it covers forms, letters etc. RB asked who pays for it.",
    "Bins • benches • gates were repaired. The clerk will write. Mr. Bell agreed.",
    "The Clerk (cid:127) will write to the owner. the hedge is to be cut",
    "",
    "   ",
    "One sentence without a stop",
    "  Cllr Ames, Cllr Birch\n and  Cllr Carr  ",  # no sentence end: spaCy is not asked
    "Item 4 – Hall hire (see report) • Bins; gates, benches\t£300",
    "Quoted “Bell” ‘and’ 10–12 people\n\n",
]


@pytest.mark.parametrize("text", SPLIT_TEXTS)
def test_split_sentences_gives_what_the_uncached_splitter_gives(text):
    assert split_sentences(text) == reference_split_sentences(text)
    assert split_sentences(text) == reference_split_sentences(text)  # and again, from cache


def test_a_caller_changing_its_sentence_list_does_not_change_the_next_callers():
    first = split_sentences("The Clerk will write. The Chair will call.")
    first.append("changed")
    first[0] = "changed"
    assert split_sentences("The Clerk will write. The Chair will call.") == [
        "The Clerk will write.", "The Chair will call."]


# --- decision sentences -------------------------------------------------------------------

def reference_is_decision_sentence(s: str) -> bool:
    p = decision_sentences._p()
    if any(r.search(s) for r in p["reject"]):
        return False
    return any(r.search(s) for r in p["sentence"])


@pytest.mark.parametrize("s", [
    "It was agreed that the hall be repainted in May.",
    "The Board agreed unanimously to accept the quote.",
    "The Chair of the Finance Committee said it was agreed to buy a mower.",
    "The Clerk will write to the owner.",
    "39 adopter households were approved.",
    "It was previously agreed that the hall be repainted.",
    "",
])
def test_is_decision_sentence_gives_what_the_uncached_test_gives(s):
    assert decision_sentences.is_decision_sentence(s) == reference_is_decision_sentence(s)
    assert decision_sentences.is_decision_sentence(s) == reference_is_decision_sentence(s)


def test_a_decision_wording_that_a_rejection_also_matches_is_no_decision():
    p = decision_sentences._p()
    s = "It was previously agreed that the hall be repainted."
    assert any(r.search(s) for r in p["sentence"]) and any(r.search(s) for r in p["reject"])
    assert decision_sentences.is_decision_sentence(s) is False
    assert decision_sentences.is_decision_sentence("It was agreed that the hall be repainted.")


# --- RAG words ------------------------------------------------------------------------------

def reference_fold(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9#]+", " ", (text or "").lower()).split())


def reference_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for colour, names in rag_patterns()["status_words"].items():
        for name in names:
            words[reference_fold(name)] = colour
    return words


@pytest.mark.parametrize("text", ["R/A/G", "  Green - on track ", "#00FF00", "", None, "ÄMBER"])
def test_fold_gives_what_the_uncached_fold_gives(text):
    assert fold(text) == reference_fold(text)
    assert fold(text) == reference_fold(text)


def test_status_words_are_built_once_and_as_before():
    assert rag_tables._words() == reference_words()
    assert rag_tables._words() is rag_tables._words()  # built once, not per cell
    assert rag_tables.word_status("Amber", None, False) == ("amber", "word")


# --- names, cleaning and motions, once per text -------------------------------------------

NAMES = ["County Councillor Ian Brown (Chair)", "Mr R C Love, OBE", "County Councillor Lord",
         "Dr. Sue Prynn", "Sam", "", "Cllr  Jo   Bell-Hart (Vice-Chair)"]


@pytest.mark.parametrize("raw", NAMES)
def test_names_split_and_keyed_as_the_uncached_functions_do(raw):
    from extract.people.names import name_key
    from extract.people.titles import split_title
    for _ in range(2):  # the second time from the cache
        assert split_title(raw) == split_title.__wrapped__(raw)
        expected_key = re.sub(r"[^a-z ]", "", split_title.__wrapped__(raw)[1].lower()).strip()
        assert name_key(raw) == expected_key


@pytest.mark.parametrize("text", ["  a\tb \uf0b7 c ;", "", "one\n\ntwo;  ", "x"])
def test_clean_gives_what_the_uncached_clean_gives(text):
    from extract.document.textunits import clean
    expected = re.sub(r"\s+", " ", text.replace("\uf0b7", "•").replace("\t", " ")).strip(" ;")
    assert clean(text) == expected and clean(text) == expected


@pytest.mark.parametrize("s", ["Trustee Ames moved to approve the agenda.",
                               "The motion was moved.", "A motion to adopt was made.",
                               "The Clerk will write."])
def test_motion_opening_gives_what_the_uncached_test_gives(s):
    from extract.decisions import motions
    expected = bool(motions._p()["open"].search(s))
    assert motions.opens(s) is expected and motions.opens(s) is expected


def test_dates_found_once_per_text_and_each_caller_gets_its_own_list():
    from extract.document import dates
    text = "Met on Tuesday, 17th September, 2019; next 26/05/2020 and 2021-01-04."
    expected = dates._find_dates.__wrapped__(text)
    first = dates.find_dates(text)
    assert tuple(first) == expected and len(first) == 3
    first.clear()  # a caller changing its list does not change the next caller's
    assert tuple(dates.find_dates(text)) == expected
    assert dates._find_dates.cache_info().hits >= 1


@pytest.mark.parametrize("kind,bold", [("heading", False), ("paragraph", True),
                                       ("paragraph", False), ("list_item", False)])
def test_heading_match_answers_by_the_block_text_kind_and_weight(kind, bold):
    from ingest.model import Block

    from extract.document import sections
    found = 0
    for text in ["7. WORK PROGRAMME (Agenda item 7)", "3 Minutes of the last meeting\nThe",
                 "22 October 2009", "12. The hall was booked.", "Apologies"]:
        block = Block(index=0, page=1, kind=kind, text=text, bold=bold)
        expected = sections._heading_match.__wrapped__(text, kind, bold)
        assert sections.heading_match(block) == expected
        again = Block(index=1, page=2, kind=kind, text=text, bold=bold)
        assert sections.heading_match(again) == expected
        found += expected is not None
    assert found >= 1  # "7. WORK PROGRAMME" is a heading in every kind of block


def test_blocks_are_split_once_and_into_tuples_no_caller_can_change():
    from extract.document.textunits import _split_block, soft_units
    text = "1. The Clerk will write to the school\nThe Chair will order the signs\n2) Noted."
    assert _split_block(text) == _split_block.__wrapped__(text)
    assert isinstance(_split_block(text), tuple) and len(_split_block(text)) == 2
    assert soft_units(text, 0) == soft_units(text, 0) == soft_units.__wrapped__(text, 0)
    assert _split_block.cache_info().hits >= 2 and soft_units.cache_info().hits >= 1


def test_the_subject_start_guard_changes_no_match():
    """`start` opens with one lookbehind every way of starting a subject satisfies; without
    it, each pattern finds the same spans and owners."""
    guard = r"(?<![^\s–:;(-])"
    rx = _rx()
    guarded = {k: p for k, p in rx.items() if isinstance(p, re.Pattern) and guard in p.pattern}
    assert {"commit", "bare", "reported", "coordinated", "subject"} <= set(guarded)
    texts = list(MATCHING.values()) + NEAR + _random_sentences(400, seed=21) + [
        "Members Handbook for Section 106 The Clerk will write.", "(Cllr Dunn will call)",
        "Item 4 –The Clerk will write.", "x -Cllr Dunn will call", "Jo;Cllr Dunn to call"]
    found = 0
    for name, p in guarded.items():
        plain = re.compile(p.pattern.replace(guard, ""), p.flags)
        for s in texts:
            expected = _spans(plain.finditer(s))
            assert _spans(p.finditer(s)) == expected, (name, s)
            found += bool(expected)
    assert found >= 200


@pytest.mark.parametrize("owner", ["the Clerk", "The Clerk", "Clerk", "Director Whitmer",
                                   "the Director Whitmer", "Jo Bell", "Finance Manager", ""])
def test_owner_vocabulary_tests_answer_as_the_uncached_ones(owner):
    from extract.actions import owners
    assert owners.is_role(owner) is owners.is_role.__wrapped__(owner)
    assert owners.office_surname(owner) == owners.office_surname.__wrapped__(owner)
    assert owners.is_role(owner) is owners.is_role(owner)
    assert owners.is_role("the Clerk") and owners.office_surname("Director Whitmer") == "Whitmer"


def test_a_text_without_a_sentence_end_is_one_sentence_without_asking_spacy():
    from extract.document import nlp
    text = "Cllr Ames, Cllr Birch and Cllr Carr (Chair)"
    assert nlp.one_sentence(text) and not nlp.one_sentence(text + ".")
    assert [s for _, _, s in nlp_sentences(text)] == [text] == split_sentences(text)
