"""One action stated twice in one meeting's minutes (the item's narrative, then the action
list at the end) is one thread: the list row is the action, the narrative statement a
mention with its evidence (store/carry/same_meeting.py). Invented minutes throughout."""
from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session
from test_carry import SEPT, act, log, paper
from test_store import ev, save_all

from extract.model import Action, AgendaItem
from store.carry.same_meeting import topic

OCT = dt.date(2024, 10, 8)


def sg(text_: str, *, item: str, page: int, ref: str | None = None) -> Action:
    """An action of Sam Gorton's as minutes print it: by his initials."""
    return Action(item, text_, owners=["Sam Gorton"], owner_text="SG", ref=ref,
                  evidence=ev(page, 10))
ITEMS = [AgendaItem("7", "Allotments"), AgendaItem("8", "Bus Shelter Repairs")]


def test_a_narrative_line_and_its_action_list_row_are_one_action(session: Session) -> None:
    save_all(session, paper(
        SEPT,
        act("Sam Gorton to write to the allotment tenants about the new water charges",
            item="7", page=2, due=OCT),
        act("Allotments - Sam Gorton to write to tenants about water charges",
            ref="Sep24.03", item="8", page=4),
        items=ITEMS))
    [a] = log(session)
    assert (a.ref, a.text) == ("Sep24.03", "Allotments - Sam Gorton to write to tenants "
                                           "about water charges")
    [m] = a.mentions
    assert (m.meeting_date, m.source_page) == (SEPT, 2)  # the narrative's evidence kept
    assert a.due == OCT  # the row gives no date: the narrative's fills it


def test_an_ownerless_narrative_line_fills_the_rows_owner_gap(session: Session) -> None:
    save_all(session, paper(
        SEPT,
        Action("8", "Two further quotes for the shelter roof will be obtained", owners=[],
               evidence=ev(2, 10)),
        Action("8", "Bus shelter repairs - Sam Gorton to obtain two further quotes",
               owners=["Sam Gorton"], ref="Sep24.04", evidence=ev(4, 20)),
        items=ITEMS))
    [a] = log(session)
    assert a.owners == ("Sam Gorton",) and len(a.mentions) == 1


def test_a_restatement_later_in_the_minutes_without_a_reference_is_a_mention(session: Session) -> None:
    save_all(session, paper(
        SEPT,
        act("Sam Gorton to chase the district council about the broken litter bin on "
            "Mill Lane", item="8", page=2),
        act("Clerk to chase emptying of the litter bin on Mill Lane", item="8", page=5,
            owners=["Sam Gorton"]),
        items=ITEMS))
    [a] = log(session)
    assert a.source_page == 5 and [m.source_page for m in a.mentions] == [2]


def test_two_tasks_of_one_person_in_one_meeting_stay_apart(session: Session) -> None:
    save_all(session, paper(
        SEPT,
        sg("SG to write to the district council about the hedge", item="7", page=2),
        sg("SG to ask the district council for a bench by the pond", item="8", page=4),
        sg("Allotments - SG to order a new gate", ref="Sep24.01", item="8", page=5),
        items=ITEMS))
    assert len(log(session)) == 3


def test_a_statement_naming_no_one_needs_more_than_the_topic(session: Session) -> None:
    save_all(session, paper(
        SEPT,
        Action("7", "A notice will be sent to the village asking for more use of the "
               "allotments", owners=[], evidence=ev(2, 10)),
        act("Allotments - Sam Gorton to ask the landowner about use of the field",
            ref="Sep24.02", item="8", page=4),
        items=ITEMS))
    assert len(log(session)) == 2


def test_a_list_row_on_another_topic_stays_apart(session: Session) -> None:
    save_all(session, paper(
        SEPT,
        sg("SG to obtain quotes for the shelter roof", item="8", page=2),
        sg("Allotments - SG to obtain quotes for a water trough", ref="Sep24.05", item="7",
           page=4),
        items=ITEMS))
    assert len(log(session)) == 2


def test_topic_is_the_heading_before_a_spaced_dash() -> None:
    assert topic("Village upkeep - HD to walk the lanes") == "Village upkeep"
    assert topic("Football agreement- AS to amend") == "Football agreement"
    assert topic("Co-option of councillors – Clerk to write") == "Co-option of councillors"
    assert topic("Sam Gorton to re-order the signs") is None


def test_a_later_fuller_restatement_of_the_same_owner_is_a_mention(session: Session) -> None:
    later = dt.date(2024, 10, 8)
    save_all(session,
             paper(SEPT, sg("SG will speak to the farmer at Mill End", item="7", page=2)),
             paper(later, sg("Footpaths - SG will speak to the farmer at Mill End about the "
                             "broken stile", item="4", page=2)))
    [a] = log(session)
    assert a.meeting_date == SEPT and [m.meeting_date for m in a.mentions] == [later]


def test_two_tasks_of_one_person_sharing_one_word_stay_apart(session: Session) -> None:
    save_all(session, paper(
        SEPT,
        sg("SG to write to the parish magazine about the litter pick", item="7", page=2),
        sg("Bus shelter - SG to order a new litter bin for the shelter", ref="Sep24.02",
           item="8", page=4),
        items=ITEMS))
    assert len(log(session)) == 2


def test_a_person_the_row_tasks_someone_to_ask_is_the_narratives_owner(session: Session) -> None:
    # "X has offered to ..." in the narrative, "SG to ask X to proceed" in the list: the
    # offer's maker, named in the row's task, is what the two statements share.
    save_all(session, paper(
        SEPT,
        Action("7", "Tom Acre has offered to rebuild the churchyard wall for £300",
               owners=[], owner_text="Tom Acre", evidence=ev(2, 10)),
        sg("SG to ask Tom Acre to proceed with the churchyard wall", ref="Sep24.06",
           item="8", page=4),
        items=ITEMS))
    [a] = log(session)
    assert a.ref == "Sep24.06" and [m.source_page for m in a.mentions] == [2]


def test_a_report_sentence_restating_the_row_is_a_mention(session: Session) -> None:
    # Pronouns and auxiliaries of the narrative's report sentence are not task words, and
    # the officer it names is the row's task although the owner column names someone else.
    save_all(session, paper(
        SEPT,
        sg("The district councillor had sent his report which SG will circulate to all "
           "members", item="7", page=2),
        Action("8", "SG to circulate the report", owners=[], owner_text="XQ",
               ref="Sep24.07", evidence=ev(4, 10)),
        items=ITEMS))
    [a] = log(session)
    assert a.ref == "Sep24.07" and [m.source_page for m in a.mentions] == [2]


def test_a_reply_restated_with_its_pronouns_is_one_action(session: Session) -> None:
    save_all(session, paper(
        SEPT,
        sg("SG to reply accepting the new fee and asking for 6 visits at £40 per visit",
           item="7", page=2),
        sg("SG to reply to the caretaker accepting his fee rise and requesting that he "
           "clears the gutters and drains by the hall", ref="Sep24.08", item="8", page=4),
        items=ITEMS))
    [a] = log(session)
    assert a.ref == "Sep24.08" and len(a.mentions) == 1


def test_an_unnumbered_carried_row_with_an_update_speaks_of_the_earlier_action(
        session: Session) -> None:
    # The carried-actions table prints an earlier narrative task again, unnumbered, with
    # its update; the meeting's new list then numbers a follow-up of it. The carried row
    # reports on the earlier action: it is no narrative statement of the new one.
    garden = "Sam Gorton to write to the housing trust about the overgrown garden"
    save_all(session, paper(SEPT, act(garden, item="7", page=2)),
             paper(OCT, act(garden, item="2", page=1, update="Completed, the trust visited"),
                   act("Sam Gorton to chase the housing trust about the overgrown garden",
                       ref="Oct24.01", item="9", page=5)))
    views = {v.text: v for v in log(session)}
    assert (views[garden].status, views[garden].closed_on) == ("closed", OCT)
    assert views["Sam Gorton to chase the housing trust about the overgrown garden"
                 ].status == "open"


def test_a_row_restating_the_task_in_the_items_heading_words_is_one_action(
        session: Session) -> None:
    # The heading runs on past its topic into what was agreed; the narrative's task and
    # the row share no word, but the row restates the heading's.
    items = [AgendaItem("7", "Village Charity – The council agreed to confirm the trustees")]
    save_all(session, paper(
        SEPT,
        sg("SG to draft a reply to the email from the secretary", item="7", page=2),
        sg("Village Charity - SG to write to the charity confirming the appointments",
           ref="Sep24.05", item="9", page=4),
        items=items))
    [a] = log(session)
    assert a.ref == "Sep24.05" and [m.source_page for m in a.mentions] == [2]


def test_a_row_sharing_only_the_items_topic_stays_apart(session: Session) -> None:
    items = [AgendaItem("7", "Village Upkeep – The flowerbed by the green needs a sponsor")]
    save_all(session, paper(
        SEPT,
        sg("SG to find out who sponsored it last year", item="7", page=2),
        sg("Village Upkeep - SG to list ten tasks to finish before Christmas",
           ref="Sep24.06", item="9", page=4),
        items=items))
    assert len(log(session)) == 2


def sp(text_: str, *, item: str, page: int, ref: str | None = None,
       owners: tuple[str, ...] = ("Sue Prynn",), owner_text: str = "SP") -> Action:
    return Action(item, text_, owners=list(owners), owner_text=owner_text, ref=ref,
                  evidence=ev(page, 10))


def test_a_row_under_the_items_topic_in_the_same_words_is_one_action_whoever_it_names(
        session: Session) -> None:
    # The narrative gives the task to SG, the list row under the item's own topic to SP:
    # the same task in the same words (a clerk's slip of a name), so one action, the
    # list's owner kept.
    items = [AgendaItem("10", "Grasscutting")]
    save_all(session, paper(
        SEPT,
        sg("SG to respond to the contractor indicating six cuts a year will be needed",
           item="10", page=2),
        sp("Grasscutting – SP to respond to the contractor agreeing his price increase",
           ref="Sep24.05", item="14", page=4),
        items=items))
    [a] = log(session)
    assert a.ref == "Sep24.05" and a.owners == ("Sue Prynn",)
    assert [m.source_page for m in a.mentions] == [2]


def test_two_peoples_tasks_under_one_topic_sharing_one_word_stay_apart(
        session: Session) -> None:
    items = [AgendaItem("10", "Grasscutting")]
    save_all(session, paper(
        SEPT,
        sg("SG to respond to the parishioner about the verge", item="10", page=2),
        sp("Grasscutting – SP to respond to the contractor with the dates", ref="Sep24.05",
           item="14", page=4),
        items=items))
    assert len(log(session)) == 2


def test_a_short_statement_the_row_holds_whole_is_one_action(session: Session) -> None:
    # "SG to create poster" in the narrative; the list row holds two owners' tasks, the
    # second of them SG's in the same words.
    items = [AgendaItem("11", "Village upkeep")]
    save_all(session, paper(
        SEPT,
        sg("SG to create poster", item="11", page=2),
        sp("Spring Clean – SP to respond to the county with dates SG to create posters",
           ref="Sep24.04", item="14", page=4, owners=("Sue Prynn", "Sam Gorton"),
           owner_text="SP SG"),
        items=items))
    [a] = log(session)
    assert a.ref == "Sep24.04" and [m.source_page for m in a.mentions] == [2]


def test_a_short_statement_of_another_person_stays_apart(session: Session) -> None:
    items = [AgendaItem("11", "Village upkeep")]
    save_all(session, paper(
        SEPT,
        sg("SG to create poster", item="11", page=2),
        sp("Spring Clean – SP to create posters", ref="Sep24.04", item="14", page=4),
        items=items))
    assert len(log(session)) == 2
