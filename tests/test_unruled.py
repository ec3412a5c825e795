"""Tables printed without rules, found from the columns their lines share."""
from __future__ import annotations

from ingest.layout import Word, words_to_lines
from ingest.unruled import split_unruled


def _line(top: float, *cells: tuple[float, str]) -> list[Word]:
    words = []
    for x, text in cells:
        for part in text.split():
            words.append(Word(part, x, x + 6 * len(part), top, top + 10, size=10))
            x += 6 * len(part) + 3
    return words


def test_aligned_columns_become_a_table_with_right_aligned_numbers():
    rows = [("Budget line", "Year one", "Year two"), ("Waste services", "362.2", "1,400.0"),
            ("Highways", "12.0", "98.5"), ("Libraries", "7.1", "0.0")]
    words = []
    for i, (label, a, b) in enumerate(rows):
        # numbers right-aligned: their x0 differs row to row, their right edge does not
        words += _line(100 + 14 * i, (50, label), (300 - 6 * len(a), a), (400 - 6 * len(b), b))
    kept, tables = split_unruled(words_to_lines(words))
    assert kept == []
    [(top, table)] = tables
    assert top == 100
    assert [[c.text for c in r] for r in table] == [list(r) for r in rows]
    assert all(c.header for c in table[0]) and not any(c.header for c in table[1])


def test_justified_prose_with_wide_gaps_is_not_a_table():
    # wide word gaps at different places on each line, as justification leaves them
    lines = [_line(100, (50, "PRESENT: Mr B J"), (160, "Sweetland (Chairman),"), (330, "Mr A Ridgers")),
             _line(114, (50, "Mr N Baker, Mr"), (220, "M Baldock, Mr P"), (380, "Barrington")),
             _line(128, (50, "Mrs C Bell,"), (120, "Mrs R Binks, Mr A Booth,"), (290, "Mr A Brady"))]
    kept, tables = split_unruled(words_to_lines([w for ln in lines for w in ln]))
    assert tables == [] and len(kept) == 3


def test_two_lines_are_not_enough_and_plain_lines_break_the_run():
    words = _line(100, (50, "Item"), (200, "Owner"), (300, "Due")) + \
        _line(114, (50, "Fix the gate"), (200, "Clerk"), (300, "May")) + \
        _line(128, (50, "A sentence of ordinary text that runs along the line."),) + \
        _line(142, (50, "Mow the green"), (200, "AB"), (300, "June"))
    kept, tables = split_unruled(words_to_lines(words))
    assert tables == [] and len(kept) == 4


def test_a_wrapped_cell_continues_its_row_instead_of_interleaving():
    # reference | site | proposal, the proposal (and once the site) wrapping onto lines that
    # have nothing in the first column
    words = _line(100, (50, "21/0101"), (150, "Mill Lane"), (300, "Two new dwellings")) + \
        _line(114, (300, "and a garage")) + \
        _line(128, (50, "21/0102"), (150, "The Old Forge,"), (300, "Change of use to")) + \
        _line(142, (150, "Church Street"), (300, "a cafe, no objection")) + \
        _line(156, (50, "21/0103"), (150, "Elm Farm"), (300, "Barn conversion")) + \
        _line(170, (50, "21/0104"), (150, "Green End"), (300, "Rear extension"))
    kept, tables = split_unruled(words_to_lines(words))
    assert kept == []
    [(_, table)] = tables
    assert [[c.text for c in r] for r in table] == [
        ["21/0101", "Mill Lane", "Two new dwellings and a garage"],
        ["21/0102", "The Old Forge, Church Street", "Change of use to a cafe, no objection"],
        ["21/0103", "Elm Farm", "Barn conversion"],
        ["21/0104", "Green End", "Rear extension"]]


def test_a_row_of_figures_and_a_title_further_off_are_no_wrapped_cells():
    words = _line(100, (50, "Waste"), (200, "12.0"), (300, "14.5")) + \
        _line(114, (50, "Roads"), (200, "3.1"), (300, "2.2")) + \
        _line(128, (200, "15.1"), (300, "16.7")) + \
        _line(142, (50, "Parks"), (200, "1.0"), (300, "1.5")) + \
        _line(164, (200, "MEMORANDUM ITEMS"))
    kept, tables = split_unruled(words_to_lines(words))
    [(_, table)] = tables
    assert [[c.text for c in r] for r in table][2] == ["", "15.1", "16.7"]
    assert [ln.text for ln in kept] == ["MEMORANDUM ITEMS"]
