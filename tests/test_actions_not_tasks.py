"""What becomes an action in running minutes: hopes, hypotheses, reports of work done and
statements of what will happen are not tasks; a commitment inside a relative clause is.
All sentences are invented, in the forms found in parish and board minutes."""
from _build import part
from test_actions import PEOPLE, owned, said

from extract.actions.clauses import nobody_named
from extract.actions.commitments import commitments
from extract.actions.owners import OwnerResolver


def test_a_hope_about_someone_is_not_a_task_for_them():
    assert said("It is hoped that the Cricket Club will meet the cost of the nets.") == []
    assert said("It is expected that MS will chair the working group.") == []
    # the same person given the task is one
    assert said("It was agreed that MS will chair the working group.") == ["MS"]


def test_a_condition_and_its_hypothetical_outcome_set_no_task():
    assert not nobody_named("If the grant bid succeeds, the sum would be added to the "
                            "reserve for the new shelter.")
    # a task decided on a condition is still a task
    assert nobody_named("If approved, new benches will be ordered.")


def test_a_purpose_clause_in_a_report_of_work_done_sets_no_task():
    assert not nobody_named("Base laid by six volunteers to allow for the new bench to be "
                            "installed")
    assert nobody_named("The new bench to be installed once the base is laid.")


def test_a_noun_read_as_the_verb_of_a_decision_is_not_a_task():
    people = OwnerResolver(PEOPLE)
    # "The Clerk report had been …": a noun phrase, not "That the Clerk report …"
    assert commitments("The Clerk report had been circulated and was noted.", people,
                       decision=True) == []
    assert [c.owner_text for c in commitments("The Clerk report to the next meeting.", people,
                                              decision=True)] == ["Clerk"]


def test_what_will_happen_is_not_a_task_but_an_intention_is():
    assert said("The Treasurer will be standing down at the annual meeting.") == []
    assert said("The Treasurer will be attending the finance seminar.") == ["Treasurer"]


def test_a_commitment_in_a_relative_clause_is_a_task():
    p = part("#9. Allotments", "There is an open day on 4th May which KV will attend to "
             "speak to the plot holders.")
    assert owned(p, r=PEOPLE) == [("There is an open day on 4th May which KV will attend to "
                                   "speak to the plot holders.", ["Kate Vale"])]


def test_a_task_line_run_into_the_sentence_before_it_is_a_task():
    # the full stop before "KV will …" was lost; KV is on the roster
    assert said("A letter had been received from Ann Lee KV will download it and "
                "circulate.") == ["KV"]
    # initials after a preposition or a task verb are its object, not a new task's owner
    assert said("An email from KV to ask about parking was received.") == []
    assert "KV" not in said("The Clerk will contact KV to arrange a visit.")


def test_a_coordinated_verb_whose_object_is_the_subject_is_not_its_task():
    assert said("KV has met a resident who may be willing to stand, and will update KV.") == []
    assert said("KV has met a resident who may be willing to stand, and will update the "
                "Clerk.") == ["KV"]


def test_all_before_a_count_is_a_determiner_not_the_group_all():
    # a councillor's report of what other bodies will do: "all 4 districts" is not "All"
    assert said("The county councillor reported that the review is under way and that all 4 "
                "districts are meeting and will send proposals to the minister.") == []
    assert said("It was agreed that all will send comments to the Clerk.") == ["all"]


def test_a_request_put_to_every_member_is_an_appeal_not_a_task():
    # ANNOTATION.md: appeals to all members are not actions
    assert said("All councillors were asked to consider anyone they know who might stand.") \
        == []
    assert said("Everyone was asked to spread the word about the litter pick.") == []
    # one member asked is a task
    assert said("MS was asked to consider anyone he knows who might stand.") == ["MS"]
