"""Sentences and text units of running text (extract/document/textunits.py)."""
from extract.document.textunits import split_sentences


def test_etc_before_a_capital_ends_the_sentence():
    # two people's words: the second sentence's subject must not join the first
    assert split_sentences("PL said it covers forms, letters etc. RB asked who pays for it.") == [
        "PL said it covers forms, letters etc.", "RB asked who pays for it."]


def test_etc_inside_a_sentence_does_not_end_it():
    assert split_sentences("Bins, benches etc. were repaired. The clerk will write.") == [
        "Bins, benches etc. were repaired.", "The clerk will write."]
    assert split_sentences("Mr. Bell said the gates etc. need paint.") == [
        "Mr. Bell said the gates etc. need paint."]


# --- soft line ends (issue 9, FAILURE-FORMS class 18): one fact per line, no full stops ----
from _build import meeting, part, roster  # noqa: E402

from extract.actions import extract_actions  # noqa: E402
from extract.decisions import extract_resolutions  # noqa: E402
from extract.document.sections import sections  # noqa: E402
from extract.document.textunits import segments, soft_units, unit_sentences  # noqa: E402

# a paragraph wrapped by the margin: it sets the part's measure (about 78 characters)
WRAPPED = ("The Treasurer presented the quarterly accounts and explained that the income\n"
           "from hall lettings had risen since the new booking system went live in the\n"
           "Spring, and that the reserve held for the replacement of the boiler would be\n"
           "Reviewed at the budget meeting. Members asked whether the insurance renewal\n"
           "had been compared with other quotes; the Treasurer said that three brokers\n"
           "Had been asked and that the cheapest would be recommended to the Council at\n"
           "its next meeting.")


def test_a_line_its_writer_ended_is_a_sentence_end():
    text = ("Cllr Dunmore will ask the school about parking\n"
            "The Clerk to order two new litter bins\n"
            "KW to repair the noticeboard before the fete")
    assert soft_units(text, 90) == ("Cllr Dunmore will ask the school about parking",
                                    "The Clerk to order two new litter bins",
                                    "KW to repair the noticeboard before the fete")


def test_wrapped_prose_stays_one_sentence():
    # a line that fills the measure was ended by the margin, capital or not
    assert soft_units(WRAPPED, 0) == ()
    # a line ending mid-phrase (article, preposition), a "That" clause, brackets, a list
    assert soft_units("Members thanked the volunteers from the\nParish Hall Trust", 90) == ()
    assert soft_units("RESOLVED\nThat the grant be paid", 90) == ()
    assert soft_units("Ann Roe (Head of Parks and Open\nSpaces) attended", 90) == ()
    assert soft_units("Present: Cllrs Ames, Birch, Mark\nTodd, Ellis and Ford", 90) == ()


def test_a_numbered_title_before_its_minute_ends_but_a_row_of_columns_does_not():
    assert soft_units("4.2\tBus shelter\nAgreed to repaint it in May", 90) == (
        "4.2\tBus shelter", "Agreed to repaint it in May")
    assert soft_units("12\tAnn Roe\tViews on the parking on the\nHigh Street", 90) == ()


def test_segment_sentences_end_at_soft_line_ends():
    p = part("#4. Finance", WRAPPED, "#5. Village maintenance",
             "Cllr Dunmore will ask the school about parking\n"
             "The Clerk to order two new litter bins\nIt was agreed to repaint the shelter")
    seg = segments(p, sections(p))[-1]
    assert unit_sentences(seg) == ["Cllr Dunmore will ask the school about parking",
                                   "The Clerk to order two new litter bins",
                                   "It was agreed to repaint the shelter"]


def test_one_fact_per_line_gives_one_decision_and_one_owner_each():
    p = part("#4. Finance", WRAPPED, "#5. Village maintenance",
             "Agreed to buy a bench for the green\nAgreed to renew the grass cutting contract",
             "Cllr Dunmore will ask the school about parking\n"
             "The Clerk will order two new litter bins")
    decided = [r.text for r in extract_resolutions(p, meeting())[0]]
    assert decided == ["Agreed to buy a bench for the green",
                       "Agreed to renew the grass cutting contract"]
    people = roster(("Rhys Dunmore", "RD", None), ("Nia Clwyd", "NC", "Clerk"))
    owned = [(a.text, a.owners) for a in extract_actions(p, meeting(), people)[0]]
    assert owned == [("Cllr Dunmore will ask the school about parking", ["Rhys Dunmore"]),
                     ("The Clerk will order two new litter bins", ["Nia Clwyd"])]
