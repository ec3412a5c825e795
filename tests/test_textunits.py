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
