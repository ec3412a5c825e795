"""The spaCy pipeline: `spacy.blank("en")` with a sentencizer and rule components only —
no pretrained model is downloaded. Built once per process, on first use: importing spaCy
is most of the cost of importing `extract`, and commands that never extract (`--help`,
`actions`, `log`) import modules that import this one."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


@lru_cache(maxsize=1)
def nlp() -> Language:
    import spacy
    from spacy.attrs import IS_PUNCT

    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    # The sentencizer reads one attribute of a word, whether it is punctuation: the others
    # (shape, norm, like_num …) cost a third of splitting, computed for every new word.
    getters = pipeline.vocab.lex_attr_getters
    pipeline.vocab.lex_attr_getters = {IS_PUNCT: getters[IS_PUNCT]}
    return pipeline


def sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each sentence, as character offsets into `text`."""
    doc = nlp()(text)
    return [(s.start_char, s.end_char, s.text) for s in doc.sents]


@lru_cache(maxsize=1)
def _sentence_ends() -> frozenset[str]:
    return frozenset(nlp().get_pipe("sentencizer").punct_chars)  # single characters


def one_sentence(text: str) -> bool:
    """Whether `text` holds none of the characters the sentencizer ends a sentence after: then
    its words are one sentence, and spaCy need not be asked (most lines of a list or table)."""
    return _sentence_ends().isdisjoint(text)
