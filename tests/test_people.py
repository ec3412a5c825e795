"""People: titles, roles, list splitting, one entry → a person, and the Roster."""
from __future__ import annotations

from extract.actions.owners import OwnerResolver
from extract.model import Attendee, Evidence
from extract.people import Roster, parse_person, split_people, split_title
from extract.people.lists import reorder_surname_first
from extract.people.names import same_person
from extract.people.roles import canonical_role


def test_split_title_keeps_meaning():
    assert split_title("County Councillor Ian Brown (Chair)") == ("County Councillor", "Ian Brown")
    assert split_title("Mr R C Love, OBE") == ("Mr", "R C Love")
    assert split_title("County Councillor Lord") == ("County Councillor", "Lord")
    assert split_title("Nora Oakes") == (None, "Nora Oakes")


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
    p = parse_person("Nora Oakes (NO) CHAIR")
    assert (p.name, p.initials, p.role) == ("Nora Oakes", "NO", "Chair")
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
        Attendee("Nora Oakes", initials="NO", role="Chair"),
        Attendee("Alan Holzer", initials="AHol"),
        Attendee("Alison Hopkins", initials="AHop"),
        Attendee("Helen Richardson", role="Parish Clerk and Financial Responsible Person"),
        Attendee("M. Lemoine", role="Deputy City Clerk"),
    ])
    assert roster.resolve("NO") == ["Nora Oakes"]
    assert roster.resolve("AHop") == ["Alison Hopkins"]
    assert roster.resolve("AH") == ["Alan Holzer", "Alison Hopkins"]  # ambiguous: both
    assert roster.resolve("Nora") == ["Nora Oakes"]
    assert roster.resolve("Cllr Oakes") == ["Nora Oakes"]
    assert roster.resolve("the Chair") == ["Nora Oakes"]
    assert roster.resolve("Chairman") == ["Nora Oakes"]
    assert roster.resolve("Clerk") == ["Helen Richardson"]  # not the Deputy City Clerk
    assert roster.resolve("ZZ") is None


# --------------------------------------------------------------------------- unseen shapes

def test_titles_police_ranks_spelled_council_titles_and_post_nominals():
    assert split_title("County Cllr Jim Bell") == ("County Cllr", "Jim Bell")
    assert split_title("PCSO Jim Reed") == ("PCSO", "Jim Reed")
    assert split_title("Rt Revd Mark Hall") == ("Rt Revd", "Mark Hall")
    assert split_title("Dr Sarah Patel OBE FRCP") == ("Dr", "Sarah Patel")
    assert split_people("Prof Ann Lee MBBS FRCS, Mr Tom Hill MBE") == ["Prof Ann Lee",
                                                                      "Mr Tom Hill"]


def test_plural_titles_cllrs_and_messrs_are_shared():
    assert split_people("Cllrs A Smith, B Jones and C Brown") == [
        "Cllrs A Smith", "Cllr B Jones", "Cllr C Brown"]
    assert split_people("Messrs Smith and Jones") == ["Messrs Smith", "Mr Jones"]
    assert [parse_person(c).title for c in split_people("Messrs Smith and Jones")] == ["Mr", "Mr"]


def test_surname_first_entries_are_reordered_only_as_a_whole_list():
    assert reorder_surname_first(["Green, Ann (Chair)", "White, Bob", "King, Mrs Jo"]) == [
        "Ann Green (Chair)", "Bob White", "Mrs Jo King"]
    assert split_people("Smith, John (Chair); Jones, Mary") == ["John Smith (Chair)",
                                                               "Mary Jones"]
    assert reorder_surname_first(["Green, Ann"]) is None  # alone it may be two people
    assert reorder_surname_first(["Tony Brown, Chair", "White, Bob"]) is None


def test_dash_tail_is_a_role_a_role_and_body_or_the_body_represented():
    p = parse_person("Dr Anil Shah - Medical Director")
    assert (p.name, p.role, p.organisation) == ("Anil Shah", "Medical Director", None)
    p = parse_person("Sharon Hubber - Director of Children's Social Care, Lancashire County "
                     "Council")
    assert (p.role, p.organisation) == ("Director of Children's Social Care",
                                        "Lancashire County Council")
    p = parse_person("Robert Ruston - Office of the Police and Crime Commissioner")
    assert (p.role, p.organisation) == (None, "Office of the Police and Crime Commissioner")
    p = parse_person("Ellie - Young People's Representative")
    assert (p.name, p.role, p.organisation) == ("Ellie", None, "Young People's Representative")
    p = parse_person("Mrs Jo Lake - Clerk to the Governors")
    assert (p.name, p.role) == ("Jo Lake", "Clerk")


def test_role_first_entries_name_the_holder():
    p = parse_person("the Clerk (Mrs Bell)")
    assert (p.name, p.title, p.role) == ("Bell", "Mrs", "Clerk")
    p = parse_person("Clerk - Mrs K Bell")
    assert (p.name, p.title, p.role) == ("K Bell", "Mrs", "Clerk")


def test_brackets_and_tails_for_mode_arrival_departure_and_substitution():
    p = parse_person("Cllr B Jones (via Teams)")
    assert (p.name, p.role, p.organisation) == ("B Jones", None, None)
    p = parse_person("Cllr B Jones - arrived 7.20pm")
    assert (p.name, p.arrived, p.organisation) == ("B Jones", "arrived 7.20pm", None)
    p = parse_person("Cllr C Brown (left after item 8)")
    assert (p.left, p.arrived) == ("left after item 8", None)
    assert split_people("Cllr Tom Hale (substitute for Cllr Dan Grey)",
                        one_per_line=True) == ["Cllr Tom Hale (substitute for Cllr Dan Grey)"]
    assert parse_person("Cllr Tom Hale (substitute for Cllr Dan Grey)").substitute_for \
        == "Dan Grey"


def test_canonical_roles_for_the_meetings_own_chair_and_clerk():
    assert canonical_role("Clerk to the Governors") == "Clerk"
    assert canonical_role("Chair of Governors") == "Chair"
    assert canonical_role("Vice Chair of the Board") == "Vice-Chair"
    assert canonical_role("Chair Kent Housing Group") == "Chair Kent Housing Group"


def test_same_person_uses_surname_initials_and_gendered_titles():
    assert same_person("A Baldock", "Mr", "Baldock", "Mr")
    assert same_person("Sue Prynn", None, "S Prynn", "Cllr")
    assert not same_person("J Meade", "Ms", "J Meade", "Mr")
    assert not same_person("Sue Prynn", None, "Sam Prynn", None)


def test_one_person_however_the_paper_writes_them():
    roster = Roster([Attendee("Sue Prynn", title="County Councillor", role="Chair"),
                     Attendee("Ian Brown", title="County Councillor")])
    for written in ("CC Prynn", "County Councillor Sue Prynn", "Sue Prynn (Chair)",
                    "Cllr Prynn", "Chair"):
        assert roster.resolve(written) == ["Sue Prynn"], written


def test_gendered_title_picks_one_of_a_couple():
    roster = Roster([Attendee("Godfrey", title="Mr"), Attendee("Godfrey", title="Mrs")])
    assert roster.resolve("Godfrey") == ["Godfrey", "Godfrey"]  # ambiguous
    assert [a.title for a in roster.by_name("Mrs Godfrey")] == ["Mrs"]


def test_ambiguous_first_name_or_initials_resolve_to_nobody_with_a_flag():
    roster = Roster([Attendee("Sam Gorton"), Attendee("Sam Hale"),
                     Attendee("Alan Holzer"), Attendee("Alison Hopkins")])
    assert roster.resolve("Sam") == ["Sam Gorton", "Sam Hale"]
    ev = Evidence(page=3, block=7, extractor="actions", quote="Sam to circulate the plan")
    for token in ("Sam", "AH"):
        owners, flags = OwnerResolver(roster).resolve(token, ev)
        assert owners == [token]  # kept as written: not a person picked by guess
        assert [f.kind for f in flags] == ["owner-unresolved"]
        assert "could be any of" in flags[0].message and flags[0].evidence is ev
