"""Wording gates in front of costly vocabulary patterns (issue 12, speed): a text lacking the
wording every match needs is not searched. A gate may let through text its pattern then
rejects, never the other way round: each wording of each pattern (one invented sentence per
alternative of the vocabulary) passes its gate, and over random sentences the gated reading
finds exactly what the full pattern finds.
"""
from __future__ import annotations

import random

import pytest

from extract.attendance import present_sentences, substitutions
from extract.decisions import motions

# one sentence per alternative of "motion_open" (resolutions.json)
MOTION_OPENS = [
    "Trustee Ames moved to approve the agenda.",
    "Cllr Dunn moves that the report be received.",
    "Trustee Ames moved, seconded by Trustee Boyd, to adopt the plan.",
    "Supervisor Carr moved by consent to approve the minutes.",
    "Trustee Ames moved and seconded the budget.",
    "Mr Hale moved the board to accept the gift.",
    "Ms Ode moved for approval of the lease.",
    "Ms Ode moved approval of the invoices.",
    "Trustee Ames made a motion to approve the bills.",
    "A motion was duly made to adjourn.",
    "Roll call: motion to approve the warrants.",
    "MOTION: to approve the agenda",
    "On a motion by Trustee Boyd the minutes were approved.",
    "On motion of Trustee Boyd the plan was adopted.",
    "The motion duly made was carried.",
    "R19-04 Approve Library Budget Amendment:",
    "  123/45 Adoption of the Standing Orders:",
]
# one sentence per wording of "substitution" and "substitution_by" (attendance.json)
SUBSTITUTIONS = [
    "Cllr Tom Hale replacing Cllr Dan Grey.",
    "Cllr Tom Hale substituting for Cllr Dan Grey.",
    "Cllr Tom Hale substituted for Cllr Dan Grey.",
    "Cllr Tom Hale, substitute for Cllr Dan Grey.",
    "Cllr Tom Hale (sub for Cllr Dan Grey).",
    "Cllr Tom Hale was present in place of Cllr Dan Grey.",
    "Cllr Tom Hale attended as a substitute for Cllr Dan Grey.",
    "Cllr Tom Hale deputising for Cllr Dan Grey.",
    "Cllr Tom Hale deputizing for Cllr Dan Grey.",
    "Cllr Tom Hale sitting in for Cllr Dan Grey.",
    "Cllr Tom Hale sat in for Cllr Dan Grey.",
    "Cllr Tom Hale standing in for Cllr Dan Grey.",
    "Cllr Dan Grey was substituted by Cllr Tom Hale.",
    "Cllr Dan Grey, replaced by Cllr Tom Hale.",
    "Cllr Dan Grey (represented by Cllr Tom Hale).",
    "Cllr Dan Grey (Cllr Tom Hale substituting)",
    "Cllr Dan Grey (Cllr Tom Hale deputising)",
    "Cllr Dan Grey (Cllr Tom Hale deputizing)",
    "Cllr Dan Grey (Cllr Tom Hale attending as a substitute)",
]
# one sentence per wording of "present_statement" (attendance.json)
STATEMENTS = [
    "Board members present were Trustee Ames, Trustee Boyd and Supervisor Carr.",
    "The following members of the Council were in attendance: Cllr Dunn, Cllr Ode.",
    "Directors attending were Jo Bell and Sam Reed.",
    "Officers also present: Ann Lee, Tom Fry.",
    "Trustees who were present: Ann Lee, Tom Fry.",
    "Staff present were Ann Lee and Tom Fry.",
    "1. ROLL CALL: Present: Ann Lee, Tom Fry.",
    "Roll-call. Ann Lee, Tom Fry.",
    "roll call – Ann Lee, Tom Fry.",
]
WORDS = ["Cllr Tom Hale", "Trustee Ames", "the", "members", "present", "were", "moved",
         "motion", "by", "to", "approve", "(", ")", ",", ".", ":", "for", "in", "place", "of",
         "substituting", "replaced", "deputising", "sat", "roll", "call", "R19-04", "Budget",
         "attendance", "attending", "seconded", "made", "a", "Dan Grey", "Council", "was",
         "MOTION", "agenda", "\n", "officers", "sub", "standing", "represented", "–"]


def _random_texts(n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    return [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 14))) for _ in range(n)]


def _spans(matches) -> list[tuple]:
    return [(m.span(), m.groupdict()) for m in matches]


CASES = [
    (motions.OPEN_WORDING, [motions._p()["open"]], MOTION_OPENS),
    (substitutions.WORDING, [substitutions.SUBSTITUTION, substitutions.SUBSTITUTED_BY],
     SUBSTITUTIONS),
    (present_sentences.STATEMENT_WORDING, [present_sentences.STATEMENT], STATEMENTS),
]


@pytest.mark.parametrize("gate,patterns,texts", CASES)
def test_every_wording_passes_its_gate(gate, patterns, texts):
    for text in texts:
        assert any(p.search(text) for p in patterns), text  # the sentence has the wording
        assert gate.search(text), text
        # the same wording in another case and spacing, where the pattern allows it
        for variant in (text.upper(), text.replace(" ", "\n  ")):
            if any(p.search(variant) for p in patterns):
                assert gate.search(variant), variant


@pytest.mark.parametrize("gate,patterns,texts", CASES)
def test_a_gate_never_hides_a_match(gate, patterns, texts):
    found = skipped = 0
    for text in _random_texts(4000) + texts:
        for p in patterns:
            hits = _spans(p.finditer(text))
            if hits:
                assert gate.search(text), (p.pattern[:40], text)
            found += bool(hits)
        skipped += not gate.search(text)
    assert found >= 10 and skipped >= 100  # the texts reach the patterns, and the gate spares some


def test_gated_readers_answer_as_the_full_patterns_do():
    texts = _random_texts(1500, seed=3) + SUBSTITUTIONS + MOTION_OPENS + STATEMENTS
    for text in texts:
        expected = [(m.group("a"), m.group("b"), m.span())
                    for m in substitutions.SUBSTITUTION.finditer(text)]
        expected += [(m.group("a") or m.group("a2"), m.group("b") or m.group("b2"), m.span())
                     for m in substitutions.SUBSTITUTED_BY.finditer(text)]
        assert [(a, b, m.span()) for a, b, m in substitutions.substitutions_in(text)] == expected
        assert motions.opens(text) is bool(motions._p()["open"].search(text))
    # a text with no wording is not searched at all, and reads as no statement
    assert present_sentences._statements("Cllr Dunn thanked the members.", None) == []


# one sentence per pattern of "sentence" (resolutions.json), in its order
DECISIONS = [
    "It was therefore unanimously resolved to buy the bench.",
    "This was duly agreed by all present.",
    "The Board formally endorsed the plan.",
    "The accounts were formally adopted.",
    "The minutes were amended and signed.",
    "The grant for the hall. AGREED.",
    "Cllr Dunn proposed, Cllr Ode seconded, that the quote be accepted.",
    "Proposed by Ann Lee, seconded by Tom Fry, all in favour.",
    "The report was noted.",
    "The minutes were accepted as a true record.",
    "Ann Lee nominated Tom Fry, seconded by Jo Bell, that he be chair.",
    "Following discussion, agreed to repaint the hall.",
    "JB and TF to be signatories to the account.",
    "Tom Fry was duly co-opted to the council.",
    "The resolution was passed.",
    "The budget was duly adopted.",
    "Hall hire charges – carried unanimously.",
    "The minutes of the last meeting were confirmed.",
    "Members present were all in favor of the plan.",
    "Members were satisfied with the revised policy.",
    "The invoices were approved for payment.",
    "The date was fixed at 3 May.",
    "24/01234/FUL Erection of a shed at 3 Mill Lane – no objections.",
    "Ann Lee was appointed as the treasurer.",
]


def test_every_decision_wording_passes_the_decision_gate():
    from extract.decisions import sentences
    patterns = sentences._p()["sentence"]
    assert len(patterns) == len(DECISIONS)  # a new wording needs its sentence here, and a word
    for pattern, text in zip(patterns, DECISIONS):
        assert pattern.search(text), (pattern.pattern[:40], text)
        assert sentences.DECISION_WORDING.search(text), text
        assert sentences.DECISION_WORDING.search(text.upper()), text


def test_the_decision_gate_never_hides_a_decision():
    from extract.decisions import sentences
    words = WORDS + ["agreed", "It", "resolved", "Board", "approved", "minutes", "accepted",
                     "as", "true", "record", "proposed", "nominated", "that", "favour", "24/01234",
                     "no", "objections", "supports", "appointed", "elected", "co-opted", "JB",
                     "be", "signatories", "payment", "fixed", "at", "duly", "AGREED", "-"]
    rnd = random.Random(5)
    texts = [" ".join(rnd.choice(words) for _ in range(rnd.randint(2, 12)))
             for _ in range(3000)] + DECISIONS
    decided = 0
    for text in texts:
        expected = any(r.search(text) for r in sentences._p()["sentence"]) and not any(
            r.search(text) for r in sentences._p()["reject"])
        assert sentences.is_decision_sentence(text) is expected, text
        decided += expected
    assert decided >= 100


# --- sentence splitting with the one word attribute the sentencizer reads ------------------

SPLIT = ["Mr. Ode said (again!) that the hall - £1,200.50 - was booked... Cllr Dunn? No.",
         "The Clerk will write: see www.example.org/a.b?c=1 and e-mail jo@example.org. Done!",
         "“It is agreed.” 3.2 Item (a) approved; 12th May 2024, 7.30pm. Etc. e.g. the roof…",
         "AGREED.Next item:the roof ,leaks!!Yes — 10–12 people. ’Twas £5/hr. Ms. Bell's 1st."]


@pytest.mark.parametrize("text", SPLIT)
def test_sentences_split_as_a_pipeline_with_every_word_attribute_does(text):
    import spacy

    from extract.document.nlp import nlp, sentences
    full = spacy.blank("en")
    full.add_pipe("sentencizer")
    expected = [(s.start_char, s.end_char, s.text) for s in full(text).sents]
    assert sentences(text) == expected
    assert len(nlp().vocab.lex_attr_getters) == 1  # only is_punct is computed for new words


# --- "next meeting" headings and inline group labels ---------------------------------------

NEXT_HEADS = ["Date and time of the next meeting: 4 May 2024", "DATES OF NEXT MEETINGS",
              "12. Next Meeting", "Next meeting: to be held on 3 June 2024",
              "The next meeting will be held on 3 June 2024"]


def test_every_next_meeting_heading_passes_its_gate():
    from extract.actions import due
    rnd = random.Random(9)
    words = ["next", "meeting", "meetings", "date", "of", "the", "held", "12.", "\n", "Next",
             "time", "and", "to", "be", ":", "NEXT", "MEETING", "future"]
    texts = NEXT_HEADS + [" ".join(rnd.choice(words) for _ in range(rnd.randint(2, 9)))
                          for _ in range(2000)]
    heads = 0
    for text in texts:
        if any(due.NEXT_MEETING_HEAD.search(line) for line in text.split("\n")):
            assert due.NEXT_WORDING.search(text), text
            heads += 1
    assert heads >= len(NEXT_HEADS) + 50


def test_inline_labels_are_cut_as_before_and_lines_without_a_colon_kept_whole():
    from extract.attendance import present_lines as pl
    lines = ["Cllr Ames, Cllr Birch Also attending: Jo Bell", "Members Present: A, B",
             "Cllr Ames, Cllr Birch Apologies: Cllr Carr", "Cllr Ames Apologies Cllr Carr", ""]
    expected = []
    for n, raw in enumerate(lines):  # the reference: every line searched
        start = 0
        for m in pl.INLINE_LABEL.finditer(raw):
            if pl.re.fullmatch(r"(?i)also|others?|officers?|staff|members?",
                               raw[start:m.start()].strip()):
                continue
            expected.append((n, raw[start:m.start()]))
            start = m.end()
        expected.append((n, raw[start:]))
    assert pl._split_inline_labels(lines) == expected
    assert (0, "Cllr Ames, Cllr Birch") in expected  # the reference does cut before a label


def test_any_word_finds_what_the_flat_alternation_finds():
    import re

    from extract.vocab import any_word
    words = "agreed approved adopted seconded signed satisfied favo fixed object opted"
    grouped, flat = any_word(words), re.compile("|".join(words.split()), re.IGNORECASE)
    assert grouped.pattern.startswith("a(?:greed|pproved|dopted)|")
    rnd = random.Random(4)
    pieces = ["agre", "ed", "AGREED", "ſeconded", "ſigned", "sign", "ed", "fav", "o", "Fixe",
              "d", " ", "ob", "ject", "co-", "opted", "un", "satisfied", "approv", "\n", "é"]
    hits = 0
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 8)))
        assert bool(grouped.search(text)) is bool(flat.search(text)), text
        hits += bool(flat.search(text))
    assert hits >= 300


# --- agentless tasks, excused members, colour keys ----------------------------------------

AGENTLESS = ["New signage will be ordered.", "Two laptops are to be bought.",
             "The hedge would now be cut and cleared.", "Quotes to BE obtained for the roof.",
             "Members hoped parking would be provided.", "Will the report be published?",
             "If agreed, the sum would be added.", "The Clerk will write."]
EXCUSED = ["It was agreed that Cllr Dunn be excused.", "Trustee Ames was excused.",
           "Leave of absence was granted to Cllr Ray.", "LEAVE OF ABSENCE GIVEN TO Jo Bell"]
LEGENDS = ["Red = overdue; Amber - at risk; Green: on track", "RED – late, GREEN – done.",
           "Blue = complete", "The red line shows the route."]


def test_agentless_tasks_found_as_without_the_be_gate():
    from extract.actions import clauses
    rx = clauses._rx()

    def reference(s: str) -> bool:
        if rx["requested"].search(s):
            return True
        return not s.rstrip().endswith("?") and not rx["reject"].search(s) and any(
            (m.group("lead") or "").lower() not in rx["not_before"]
            and not rx["purpose"].search(s, 0, m.start()) for m in rx["agentless"].finditer(s))
    rnd = random.Random(11)
    words = ["will", "be", "ordered", "to", "now", "bought", "The", "hedge", "would", "BE",
             "cut", "and", "cleared", "hoped", "?", "If", "requested", "a", "report", "\n",
             "further", "sent", "are", "is", "prepared", "Clerk", "done"]
    texts = AGENTLESS + [" ".join(rnd.choice(words) for _ in range(rnd.randint(2, 10)))
                         for _ in range(3000)]
    tasks = 0
    for s in texts:
        assert clauses.nobody_named(s) is reference(s), s
        tasks += reference(s)
    assert tasks >= 20 and clauses.nobody_named(AGENTLESS[0])


def test_excused_and_colour_key_wordings_pass_their_gates():
    from extract.attendance import apologies
    from extract.rag import legend
    for text in EXCUSED:
        assert apologies.EXCUSED.search(text) and apologies.EXCUSED_WORDING.search(text), text
    rnd = random.Random(2)
    words = ["red", "=", "overdue", ";", "Amber", "-", "GREEN", ":", "on", "track", "blue",
             "–", ",", "\t", "late", "excused", "was", "Cllr Ray", "leave", "of", "absence",
             "granted", "to", "that", "Jo Bell", "be", "."]
    texts = EXCUSED + LEGENDS + [" ".join(rnd.choice(words) for _ in range(rnd.randint(2, 12)))
                                 for _ in range(3000)]
    keys = excused = 0
    for text in texts:
        assert legend._forward(text) == legend._FORWARD.findall(text), text
        if apologies.EXCUSED.search(text):
            assert apologies.EXCUSED_WORDING.search(text), text
            excused += 1
        keys += bool(legend._FORWARD.findall(text))
    assert keys >= 100 and excused >= 8


MOVEMENTS = ["Cllr Tom Hale arrived at 7.15pm.", "Cllr Tom Hale arrived late.",
             "Jo Bell joined the meeting late.", "The Chair entered the meeting at item 4.",
             "Mr Dan Grey left the meeting at 8pm.", "The Clerk departed the meeting at 9.",
             "Cllr Tom Hale exited the meeting.", "Cllr Tom Hale withdrew from the meeting.",
             "Cllr Tom Hale had left during item 5.", "Jo Bell departed after the break."]


def test_every_movement_wording_passes_its_gate():
    from extract.attendance import movements as mv
    rnd = random.Random(8)
    words = ["Cllr Tom Hale", "Jo Bell", "arrived", "late", "joined", "entered", "the",
             "meeting", "left", "departed", "exited", "withdrew", "from", "at", "7pm", "had",
             "during", "item", "ARRIVED", "Left", ".", ","]
    texts = MOVEMENTS + [" ".join(rnd.choice(words) for _ in range(rnd.randint(2, 10)))
                         for _ in range(3000)]
    moved = 0
    for text in texts:
        if mv.ARRIVAL.search(text) or mv.DEPARTURE.search(text):
            assert mv.MOVED.search(text), text
            moved += 1
    assert moved >= 50
    assert all(mv.ARRIVAL.search(t) or mv.DEPARTURE.search(t) for t in MOVEMENTS)


@pytest.mark.parametrize("s", ["The Clerk will, once the quote is in, write to him.",
                               "The hall, which is old, will be painted.",
                               "The Clerk will write to him", "", "Jo would  book it"])
def test_asides_removed_as_before(s):
    from extract.actions.clauses import MODAL_ASIDE, RELATIVE_ASIDE, without_asides
    assert without_asides(s) == MODAL_ASIDE.sub(r"\g<modal> ", RELATIVE_ASIDE.sub("", s))
    if "," in s:
        assert without_asides(s) != s  # each sentence with commas here has an aside
