"""extract/people.py: titles, list splitting, one entry → a person, and the Roster."""
from __future__ import annotations

from extract.model import Attendee
from extract.people import Roster, parse_person, split_people, split_title


def test_split_title_keeps_meaning():
    assert split_title("County Councillor Ian Brown (Chair)") == ("County Councillor", "Ian Brown")
    assert split_title("Mr R C Love, OBE") == ("Mr", "R C Love")
    assert split_title("County Councillor Lord") == ("County Councillor", "Lord")
    assert split_title("Nick Oakhill") == (None, "Nick Oakhill")


def test_kent_comma_list_with_honours_over_lines():
    text = ("Mr B J Sweetland (Chairman), Mrs T Dean, MBE,\nMr P M Hill, OBE,\tRich Lehmann,"
            "\tMr D Crow-\nBrown, Mrs\nBruneau and Ms L Wright")
    assert split_people(text) == ["Mr B J Sweetland (Chairman)", "Mrs T Dean", "Mr P M Hill",
                                  "Rich Lehmann", "Mr D Crow-Brown", "Mrs Bruneau",
                                  "Ms L Wright"]


def test_plural_title_is_shared_up_to_and():
    assert split_people("County Councillors Lord and Beavers, Dr Nicola Bamford") == [
        "County Councillors Lord", "County Councillor Beavers", "Dr Nicola Bamford"]
    people = [parse_person(c) for c in split_people(
        "Dave Roberts (Chairman), Councillors Angela Caldara and Corinna Edge, Danny Connellan")]
    assert [(p.name, p.title) for p in people] == [
        ("Dave Roberts", None), ("Angela Caldara", "Councillor"), ("Corinna Edge", "Councillor"),
        ("Danny Connellan", None)]


def test_couple_and_run_on_titles():
    assert split_people("Mr & Mrs Godfrey, Mr Bellsham") == ["Mr Godfrey", "Mrs Godfrey",
                                                            "Mr Bellsham"]
    assert split_people("Cllr Sue Lintern Cllr Jim McNeill Cllr Gail Reeve Helen Richardson "
                        "Parish Clerk", one_per_line=True) == [
        "Cllr Sue Lintern", "Cllr Jim McNeill", "Cllr Gail Reeve", "Helen Richardson Parish Clerk"]


def test_parse_person_shapes():
    p = parse_person("Nick Oakhill (NO) CHAIR")
    assert (p.name, p.initials, p.role) == ("Nick Oakhill", "NO", "Chair")
    p = parse_person("Stephen Taylor (SCC)")  # an organisation, not initials
    assert (p.name, p.initials, p.organisation) == ("Stephen Taylor", None, "SCC")
    p = parse_person("Jake - LINX Representative")
    assert (p.name, p.organisation) == ("Jake", "LINX Representative")
    p = parse_person("Clerk J Connelly")
    assert (p.name, p.role) == ("J Connelly", "Clerk")
    p = parse_person("His Worship Mayor Bowman")
    assert (p.name, p.title, p.role) == ("Bowman", "His Worship Mayor", "Mayor")
    p = parse_person("Mr. M. Lemoine, Deputy City Clerk")
    assert (p.name, p.title, p.role) == ("M. Lemoine", "Mr.", "Deputy City Clerk")
    p = parse_person("Lynne Walker (From Item 3)")
    assert (p.name, p.arrived) == ("Lynne Walker", "From Item 3")


def test_roster_resolves_initials_names_and_roles():
    roster = Roster([
        Attendee("Nick Oakhill", initials="NO", role="Chair"),
        Attendee("Alan Holzer", initials="AHol"),
        Attendee("Alison Hopkins", initials="AHop"),
        Attendee("Helen Richardson", role="Parish Clerk and Financial Responsible Person"),
        Attendee("M. Lemoine", role="Deputy City Clerk"),
    ])
    assert roster.resolve("NO") == ["Nick Oakhill"]
    assert roster.resolve("AHop") == ["Alison Hopkins"]
    assert roster.resolve("AH") == ["Alan Holzer", "Alison Hopkins"]  # ambiguous: both
    assert roster.resolve("Nick") == ["Nick Oakhill"]
    assert roster.resolve("Cllr Oakhill") == ["Nick Oakhill"]
    assert roster.resolve("the Chair") == ["Nick Oakhill"]
    assert roster.resolve("Chairman") == ["Nick Oakhill"]
    assert roster.resolve("Clerk") == ["Helen Richardson"]  # not the Deputy City Clerk
    assert roster.resolve("ZZ") is None
