"""Attendance: who was present, who sent apologies, who substituted for whom.

  present_lines / present_tables  find the lists ("Present:", "In attendance", tables)
  present_sentences               lists stated in a sentence ("Members present were …")
  present_registers               registers (names x dates) and roll-call status tables
  present_entries                 a list's text → Attendees with category and role
  apologies                       every written shape of apologies
  substitutions, attending        sentences that add to or amend the lists
  movements                       late arrivals and early departures
People who sent apologies are taken out of the attendees (a header box that lists the whole
board), and a minutes part with no list gets an "attendance-missing" flag. Nobody is picked
by guess: an apology, substitute or arrival that fits two attendees, or none, is an
"attendance-ambiguous" / "attendance-unmatched" flag with its evidence. Vocabularies are in
attendance.json and people/people.json.
"""
from __future__ import annotations

import re

from ..document.parts import Part
from ..model import Apology, Attendee, Flag, Meeting
from .apologies import dedupe_apologies, find_apologies, remove_apologised
from .attending import attending_sentences
from .movements import apply_movements
from .present_entries import dedupe_attendees, host_staff, section_people
from .present_lines import find_sections
from .present_registers import register_people
from .present_sentences import sentence_sections
from .substitutions import apply_substitutions

__all__ = ["extract_attendance", "find_apologies", "find_sections", "section_people"]


def extract_attendance(part: Part, meeting: Meeting) -> tuple[list[Attendee], list[Apology],
                                                                list[Flag]]:
    flags: list[Flag] = []
    attendees: list[Attendee] = []
    listed_apologies: list[Apology] = []
    for section in find_sections(part) + sentence_sections(part):
        people, leftovers = section_people(section)
        if section.category == "absent":  # "Absent: D (excused)": excused is an apology
            people = [p for p in people if re.search(r"(?i)excus|apolog", p.role or "")]
        if section.category in ("apology", "absent"):  # an "Apologies" column
            listed_apologies += [Apology(name=p.name, title=p.title, evidence=p.evidence)
                                 for p in people]
            continue
        attendees.extend(people)
        for text, ev in leftovers:
            flags.append(Flag("attendance-unparsed", f"Could not read a person from "
                              f"{text!r} in the {section.header!r} list.", page=ev.page,
                              evidence=ev))
    grid_people, grid_apologies, grid_flags = register_people(part, meeting.date)
    attendees += grid_people
    flags += grid_flags
    attendees = host_staff(dedupe_attendees(attendees), meeting.organisation)
    apologies = dedupe_apologies(listed_apologies + grid_apologies + find_apologies(part))
    attendees, more = remove_apologised(attendees, apologies)
    flags += more
    flags += apply_substitutions(part, attendees)
    if attendees:
        attendees = attending_sentences(part, attendees)
        flags += apply_movements(part, attendees)
    if part.record == "minutes" and not attendees:
        page = part.pages[0] if part.pages else None
        flags.append(Flag("attendance-missing", "No attendance list (Present / Attendees / "
                          "In attendance) was found in these minutes.", page=page))
    return attendees, apologies, flags
