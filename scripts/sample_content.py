"""Content of the bundled sample papers, transcribed from the seed texts.

The seeds are plain-text extractions of Lancashire County Council Corporate Parenting Board
papers (public documents). Names, dates, decisions and actions are kept as printed in the
seeds; long narrative (the police presentation, the performance reports) is trimmed.
Deliberate departures from the seeds, each to give the samples the structure a real pack has
and the seed text lost, are marked "DEPARTURE" below.

`make_samples.py` turns this data into the files in samples/. Plain data only: no layout.
"""
from __future__ import annotations

LCC = "Lancashire County Council"

# --------------------------------------------------------------------------------------------
# 1. Agenda pack, 26 November 2019 (seed 000)
# --------------------------------------------------------------------------------------------

PACK_MEETING = {
    "body": "Corporate Parenting Board",
    "when": "Tuesday, 26th November, 2019 at 6.00 pm",
    "where": "Committee Room 'C' - The Duke of Lancaster Room, County Hall, Preston",
    "date_line": "Tuesday, 26 November 2019",
    "contact": "Sam Gorton, Tel: (01772) 532471, E-Mail: sam.gorton@lancashire.gov.uk",
}

# (number, title, presenter, purpose, anchor of the paper in the pack or None)
PACK_AGENDA = [
    ("1", "Introductions and Apologies", "County Councillor Brown",
     "To note who is attending and any apologies for absence.", None),
    ("2", "Notes of the Meeting and Matters Arising from 17 September 2019",
     "County Councillor Brown",
     "To agree for accuracy the notes of the meeting and receive any matters arising.",
     "item2"),
    ("3", "Exploitation and Violence Reduction",
     "Andy Smith, Head of Service, Safeguarding, Inspection and Audit Team",
     "To receive an update on work that is happening around exploitation and violence "
     "reduction for children in care and care leavers.", "item3"),
    ("4", "Children in Care and Care Leavers Performance Information",
     "Umer Khonat, Business Intelligence Analyst, Business Intelligence Team",
     "To receive the Annex 'A' performance data report for children in care and care "
     "leavers and receive any issues/comments arising from the report.", "item4"),
    ("5", "Corporate Parenting Strategy Delivery Plan",
     "Barbara Bath, Head of Service, Fostering, Adoption, Residential and Youth Offending Teams",
     "To receive the Corporate Parenting Strategy Delivery Open Actions Plan and update from "
     "the Permanence and Children in Our Care Board.", "item5"),
    ("6", "Timetable of Meetings 2020/2021", "County Councillor Brown",
     "To note the timetable of meetings for 2020/2021.", "item6"),
    ("7", "Any Other Business", "County Councillor Brown", "To receive any other business.",
     None),
    ("8", "Date and Time of Next Meeting", "County Councillor Brown",
     "The date and time of the next meeting is as follows:\n"
     "Thursday, 30 January 2020 at 6.00pm in the Duke of Lancaster Room \u2013 Committee Room "
     "'C', County Hall, Preston, PR1 0LD.", None),
]

# Minutes of 17 September 2019, reproduced as Agenda Item 2.
MINUTES_2019 = {
    "heading": "Minutes of the Meeting held on Tuesday, 17th September, 2019 at 6.00 pm in "
               "Committee Room 'C' - The Duke of Lancaster Room, County Hall, Preston",
    # (category heading, [(name as printed, organisation as printed)])
    # DEPARTURE: the seed's third member line is an extraction bullet ("\u2022 - Lancashire
    # County Council"); it is filled with County Councillor David Foxcroft, who item 1
    # welcomes "to his first meeting as a member of the Board". "(Chair)" added for Ian
    # Brown, who chairs the Board. Roxanne McAllister, printed in two lists in the seed, is
    # listed once (co-opted).
    "present": [
        ("Members", [
            ("County Councillor Ian Brown (Chair)", LCC),
            ("County Councillor Stephen Clarke", LCC),
            ("County Councillor David Foxcroft", LCC),
            ("County Councillor Julie Gibson", LCC),
            ("Marieta Birt", "Fostering Forum"),
            ("Liz Donnelly-Nelson", "Adoption"),
            ("Barbara Bath", "Fostering, Adoption, Residential and YOT Team, LCC"),
            ("Jake", "LINX Representative"),
            ("Charlotte", "LINX Representative"),
            ("Natasha", "LINX Representative"),
            ("Rachel", "LINX Representative"),
        ]),
        ("Co-opted members", [
            ("Angela Epps", "Fostering Providers"),
            ("Audrey Swann", "Headteacher, Vulnerable and Looked After Children"),
            ("Roxanne McAllister", "Leaving Care, LCC"),
            ("Mia Leyland", "Barnardo's"),
            ("Natasha Wright", "Barnardo's"),
        ]),
        ("Other Attendees", [
            ("Jane Hylton", "Leaving Care, LCC"),
            ("Michael Walder", "Business Intelligence Team, LCC"),
            ("Sam Gorton", "Democratic Services, LCC"),
            ("Shaeda Alam", "Corporate Parenting, LCC"),
            ("Gavin Redhead", "Participation, LCC"),
        ]),
    ],
    # Items: (number, title, [blocks]); a block is ("p", text), ("resolved", lead, [subs]),
    # ("action", text) or ("bullets", [texts]).
    "items": [
        ("1", "Introductions and Apologies", [
            ("p", "All were welcomed to the meeting and apologies were received from County "
                  "Councillor Jayne Rear, Caroline Waldron, Anna Howarth, Amanda Mansfield, "
                  "Lynda Pearson, Rachel Blundell, Stephen Young, Dylan Williams, Judith "
                  "Gault, Tracey Ellmore and Neil Kelly."),
            ("p", "County Councillor David Foxcroft, Champion for Young People was welcomed "
                  "to his first meeting as a member of the Board."),
        ]),
        ("2", "Notes of the Meeting and Matters Arising from 22 May 2019", [
            ("p", "There were no matters arising from the previous minutes and the minutes "
                  "were agreed as an accurate record."),
        ]),
        ("3", "Membership and Terms of Reference", [
            ("p", "The Board agreed the membership and terms of reference for the municipal "
                  "year 2019/2020."),
        ]),
        ("4", "Ministerial Roundtable Discussion with Personal Advisors", [
            ("p", "This item was deferred to a future meeting."),
        ]),
        ("5", "LINX", [
            ("p", "Lancashire's Children in Care County (LINX) gave feedback to the Board "
                  "following the young person led Corporate Parenting Board meeting that was "
                  "held at Hothersall Lodge on 24 July 2019."),
            ("p", "The Board took part in archery, low ropes and a team challenge each linked "
                  "to key themes on placements, mental health and communication and trust. "
                  "During each activity young people worked alongside Board members building "
                  "trust and communicating. Following each exercise, feedback was given as to "
                  "what advice members would give to young people, what ideas they had "
                  "following the findings from the exercise and what their promise to the "
                  "young people would be. Young people also filled in the same feedback form "
                  "too. These were shared at the meeting with comments from the young people "
                  "being that some felt that the feedback was disappointing, some of it did "
                  "not make sense to the young people and not all of the questions were "
                  "answered. Some feedback that was received was \u201cGiven the lack of "
                  "finance to mental health services for children and young people, we "
                  "should promote the early intervention support out there and ensure in the "
                  "new Hertfordshire teams we develop that we have good provision for mental "
                  "health in children and young people\u201d. The Hertfordshire model was "
                  "something that the Council was looking to adopt in the very near future "
                  "which was around Family Safeguarding."),
            ("p", "One clear message that came from the day was that members needed to think "
                  "about language used when talking to young people and not use acronyms or "
                  "assume that young people understood terminology/protocols/the care system "
                  "and that this was explained at an appropriate level for young people to "
                  "understand."),
            ("resolved", "That an item on the Hertfordshire model be brought to the next "
                         "meeting of the Board in November.", []),
            ("p", "Overall the Board felt that the meeting was an excellent afternoon and "
                  "thanks was given to Gavin Redhead, Mia Leyland, Dylan Williams and Sam "
                  "Gorton for organising it and to the staff at Hothersall Lodge who "
                  "supported the event."),
        ]),
        ("6", "Children in Care and Care Leavers Performance and Management Information", [
            ("p", "Michael Walder, Business Intelligence Manager provided an overview of the "
                  "current standard monthly performance information that Business "
                  "Intelligence produced in relation to Children Looked After and Care "
                  "Leavers."),
            ("p", "This information was available for members and Michael Walder agreed to "
                  "send a link out so this could be accessed."),
            # DEPARTURE: the seed has no "Action:" line in these minutes; this one restates
            # the commitment in the paragraph above in the Board's usual action format.
            ("action", "Michael Walder to send a link to the performance information out to "
                       "members of the Board."),
            ("p", "The Permanence and Children in our Care Board received this information "
                  "also on a weekly basis and used it for monitoring."),
            ("p", "If young people wished to access the information, Business Intelligence "
                  "would visit them to explain the report and help them to understand it "
                  "more."),
            ("resolved", "That the Board were asked if there was any specific information "
                         "they wished to receive, to inform Sam Gorton and she would discuss "
                         "with Business Intelligence.", []),
        ]),
        ("7", "Lancashire's Care Leavers Report", [
            ("p", "Shaeda Alam, Corporate Parenting Consultant presented the Care Leavers "
                  "Report to the Board which, following the Ofsted Inspection in 2015, "
                  "identified the need to improve support to care leavers in Lancashire. This "
                  "report was to provide an update on how the Lancashire Care Leavers Service "
                  "had been adapted to improve the offer to care leavers since then and to "
                  "make recommendations for further improvement."),
            ("p", "The Lancashire Corporate Parenting Strategy 2018-2022 makes clear the "
                  "Council's ambition for children and young people who were looked after and "
                  "this ambition extended to young people who were also leaving care."),
            ("p", "The existing Leaving Care Service needs reforming to meet this ambition. "
                  "After engaging with Care Leavers in a variety of ways including face to "
                  "face interviews and a questionnaire, and through undertaking a review of "
                  "the Leaving Care Service this report presented a number of options for "
                  "improvement. The report also gave a summary of the key findings and "
                  "Appendix 'A' detailed where the service was now, changes that needed to be "
                  "made, what was required to deliver the change, how it would be measured "
                  "and the outcomes."),
            ("p", "The Board were also informed that there were going to be three Care Leaver "
                  "Hubs which would be accessible to care leavers in the localities North, "
                  "Central and East which would be up and running by December where young "
                  "people could access help, advice and support, not just from the Council "
                  "but from partners also."),
            ("p", "The Corporate Parenting Board would hold to account the Care Leavers "
                  "Service and the Improvement Plan and would request regular reports to the "
                  "Board."),
            ("resolved", "That the Corporate Parenting Board:", [
                ("i)", "Adopted a revised approach to support care leavers in Lancashire that "
                       "realised the ambitions set out within the Corporate Parenting "
                       "Strategy."),
                ("ii)", "Supported the redesign of the Leaving Care Service."),
                ("iii)", "Supported the actions set out within 'Appendix A' of the report "
                         "attached to the agenda to address the key messages emerging from "
                         "the service review and consultation with care leavers."),
            ]),
        ]),
        ("8", "Independent Reviewing Officers Annual Report", [
            ("p", "Paul McIntyre, Safeguarding Manager updated the Board on the key findings "
                  "from the Independent Reviewing Service Annual Report 2018-2019 in the "
                  "PowerPoint attached."),
            ("p", "The report highlighted that although the number of children and young "
                  "people looked after or subjected to a Child Protection Plan had increased "
                  "by 7.5% during 2018/19, a very high proportion of these received a timely "
                  "review within statutory timescales. Almost all children and young people "
                  "participated in their review either directly or indirectly."),
            ("p", "The Board queried as to why only 59% of Personal Education Plans were up to "
                  "date and Officers stated that the figures were not accurate on the system "
                  "and should have been 76%. There was now a revised template being used "
                  "which would strengthen this delivery. Questions included in the Personal "
                  "Educational Plans had been revised to ensure they were fit for purpose and "
                  "that schools could now access it and complete the plan along with the "
                  "Social Workers. Hopefully this would ensure that more plans were kept up "
                  "to date."),
            ("p", "Young people commented that they felt communication was lacking around "
                  "Personal Education Plans and some indicated they had been waiting a month "
                  "to receive theirs."),
            ("resolved", "Audrey Swann agreed to speak to the young people out of the meeting "
                         "and pick the issue up around communication and waiting times.", []),
            ("p", "Young people also questioned as to why only 93% of looked after children "
                  "had a Personal Education Plan and it was explained that this would be to "
                  "do with young people only just coming into care or maybe new to the "
                  "county and the plan would be in progress however not completed. The plans "
                  "data changes every day as this was live information."),
            ("p", "The Board were informed that every young person who had a Personal "
                  "Education Plan should have a Life Story book and that this belonged to the "
                  "young person. How and when this information was received was up to the "
                  "young person and where it was stored was their decision also. Officers "
                  "would support young people with this and negotiate with them the right "
                  "time to access their Life Story book and offer support and guidance when "
                  "in receipt of it."),
            ("p", "With regards next steps and future objectives, it was recognised that there "
                  "was more to be done to ensure that first line managers and Independent "
                  "Reviewing Officers challenged and directed practice to achieve "
                  "consistently good service and that they would continue to address this "
                  "through joint training and development. Children's Services was committed "
                  "to developing a Family Safeguarding Model and this would change how the "
                  "Independent Reviewing Officer Service delivered looked after children and "
                  "child protection reviews, with an emphasis on working 'with' (as opposed "
                  "to 'doing to') families to co-produce planned support. A focus on "
                  "achieving permanence and supporting this through Life Story Books would be "
                  "a priority for looked after children."),
            ("resolved", "That following on from the Annual Report and discussions around it "
                         "that the Board have items at future meetings with regards to:",
             [("\u2022", "Health assessments"), ("\u2022", "Personal Education Plans"),
              ("\u2022", "Life Story Work")]),
        ]),
        ("9", "Action Plan", [
            ("p", "The Corporate Parenting Strategy sets out nine objectives which the Board "
                  "has discussed over the last 12 months. Alongside this strategic Board the "
                  "operational Permanence and Children in our Care Board also meets which is "
                  "a multi-agency meeting and this progresses the actions from the nine "
                  "objectives."),
            ("p", "The plan that the operational group works with is a lengthy document which "
                  "has been condensed for the Corporate Parenting Board and was attached to "
                  "the agenda."),
            ("p", "The plan is RAG rated with red = incomplete, amber = slippage, green = on "
                  "track and blue = completed."),
            ("p", "The Corporate Parenting Board would receive the action plan at each meeting "
                  "alongside the performance information and identify topics and issues it "
                  "wished to scrutinise further and this would form a work plan for future "
                  "meetings of the Board."),
            ("p", "It was also reiterated that the role of the Lancashire's Children in Care "
                  "Council was to represent all children in care and care leavers and that "
                  "young people attending the meeting should be a mix of young people and "
                  "care leavers and the views of other young people not just those attending "
                  "the meeting."),
        ]),
        ("10", "Any Other Business", [
            ("p", "The Chair congratulated Sam Gorton on being nominated for a Children's "
                  "Services Rise Award for her contribution to Corporate Parenting Board, "
                  "leading on the Care Leavers Christmas hampers and helping with the care "
                  "leavers Christmas lunch at Barnardo's. The Board wished her luck at the "
                  "awards ceremony."),
        ]),
        ("11", "Date and Time of Next Meeting", [
            ("p", "The next meeting will be held on Tuesday, 26 November 2019 at 6pm in the "
                  "Duke of Lancaster Room \u2013 Committee Room 'C', County Hall, Preston."),
        ]),
    ],
}

# Agenda Item 3: the police presentation, trimmed to its slides' headings and bullets.
VRU_SLIDES = [
    ("Lancashire Violence Reduction Unit",
     ["The Lead for the Violence Reduction Unit",
      "Detective Chief Superintendent Sue Clarke",
      "Lancashire Police"], False),
    ("Strategic Aim \u2013 VRU",
     ["Purpose of the VRU Funding/ grant stipulation:",
      "Production of problem profile and multi-agency long term strategy for reduction in "
      "serious violence",
      "To offer leadership and strategic co-ordination of the local response to serious "
      "violence",
      "Must support a multi-agency public health approach to preventing & tackling serious "
      "violence",
      "Focus on Early Intervention",
      "Must adopt the World Health Organisation's definition based on data & intelligence "
      "done with and for communities"], True),
    ("Ethos of Lancashire VRU",
     ["The World Health Organization has advocated for a 'public health approach' to be "
      "taken to violence. The approach it advocates is:",
      "Focused on a defined population, often with a health risk in common;",
      "With and for communities;",
      "Not constrained by organisational or professional boundaries;",
      "Focussed on generating long term as well as short term solutions;",
      "Based on data and intelligence to identify the burden on the population, including "
      "any inequalities;",
      "Rooted in evidence of effectiveness to tackle the problem."], True),
    ("Strategic Aim \u2013 Knife Crime",
     ["Grant funding requires specific outcomes",
      "Reduction in hospital admissions for assaults with knife/bladed object (especially "
      "victims under 25)",
      "Reduction in non-domestic homicides especially under 25s involving knives",
      "Reduction of serious violence in public spaces",
      "Focus of activity being on reducing knife crimes committed against young people by "
      "identifying hotspots, opportunities for prevention and enforcement, intelligence and "
      "targeting, investigative response"], True),
    ("Next Steps VRU Strategic team",
     ["Established integrated working pathways and CSP commissioned services with Community "
      "Fund Projects",
      "Establishment of team identity- including co-location",
      "Development of mission statement",
      "Strategy written by December for sign off by agency management boards Jan/ Feb 2019",
      "Delivery plan and fusion with other agency programmes"], True),
]

PERF_REPORT = {
    "report_of": "Report of the Head of Business Intelligence",
    "title": "Children in Care and Care Leavers performance information",
    "contact": "Contact for further information: Michael Walder, Senior Business "
               "Intelligence Manager, Lancashire County Council, Tel: 01772 533637, "
               "michael.walder@lancashire.gov.uk",
    "sections": [
        ("Executive Summary", [
            "The report provides an overview of performance information that Business "
            "Intelligence produce in relation to Children in Care and Care Leavers for the "
            "Board to review, discuss and agree what they would like provided at future "
            "meetings."]),
        ("Recommendation", [
            "For the Board to discuss and comment on the information presented and agree the "
            "content of future performance information provided to subsequent meetings."]),
        ("Background and Advice", [
            "At the last meeting of the Corporate Parenting Board a report was presented "
            "informing them of some of the performance information produced which can be "
            "provided, and is available to the Board on Children in Care and Care Leavers. It "
            "was requested this information was reviewed to inform the content of future "
            "performance information provided to subsequent meetings.",
            "In addition to the information referred to at the previous meeting of the Board, "
            "data required to be provided to Ofsted prior to any visits they make may also be "
            "of interest to the Board. Our performance in relation to this data is regularly "
            "monitored by a group of senior officers and the latest available data will be "
            "provided and presented at the meeting.",
            "The information provided will include:",
            ["Children In Need (CIN) plan numbers and rates",
             "Child Protection (CP) plan numbers and rates",
             "Children Looked After (CLA) numbers and rates",
             "Statutory visit data",
             "Care leavers % in suitable accommodation",
             "Care leavers Not in Education, Employment or Training (NEET)",
             "Care leavers % in touch"]]),
        ("Consultations", ["None"]),
        ("Implications:", [
            "This item has the following implications, as indicated:",
            "Risk management",
            "No significant risks have been identified in relation to the proposals contained "
            "within this report."]),
        ("Local Government (Access to Information) Act 1985\nList of Background Papers",
         ["None"]),
    ],
}

PLAN_REPORT = {
    "report_of": "Report of the Head of Fostering Adoption Residential & YOT and Head of "
                 "Children's Social Care North",
    "title": "Corporate Parenting Strategy Delivery Plan",
    "refers": "(Appendix 'A' refers)",
    "contact": "Contact for further information: Ruksana Mulla, Project Manager, Lancashire "
               "County Council, Tel: 01772 537684, ruksana.mulla@lancashire.gov.uk",
    "sections": [
        ("Executive Summary", [
            "Lancashire County Council's Corporate Parenting Strategy was approved by Cabinet "
            "in December 2018. To support operational delivery of this Strategy, the "
            "Corporate Parenting Strategy Delivery Plan was drafted. This very detailed plan "
            "was presented to the Corporate Parenting Board in September 2018. To simplify "
            "reporting to this Board, a summary of open actions has been drafted as at "
            "Appendix 'A'. Details on closed actions are available if required."]),
        ("Recommendation", [
            "The Board is asked to note this report and where appropriate, provide guidance "
            "on the areas of focus for the Permanence and Children in Our Care Board."]),
        ("Background and Advice", ["A Summary of open actions has been drafted."]),
        ("Consultations", ["None"]),
        ("Implications:", [
            "This item has the following implications, as indicated:",
            "Risk management",
            "No significant risks have been identified in relation to the proposals contained "
            "within this report."]),
        ("Local Government (Access to Information) Act 1985\nList of Background Papers",
         ["None"]),
    ],
}

# Appendix A: (ref, action, timescale, word printed in the RAG cell, fill colour).
# The word may be None: the row's status is then shown by the cell's fill alone.
# DEPARTURE: rows are a selection of the seed's open actions (not all), a few long action
# texts are cut at a sentence, and three rows are changed to exercise parsers: "4d" is shown
# Blue (completed) -- the seed shows no completed row, as the plan lists open actions -- and
# "10b" (Objective 2) and "5" (Objective 5) have a coloured RAG cell with no word.
RAG_KEY = [("Red", "red", "incomplete"), ("Amber", "amber", "slippage"),
           ("Green", "green", "on track"), ("Blue", "blue", "completed")]

OBJECTIVES = [
    {
        "title": "Objective 1 \u2013 Our Children and Young People have a voice in the way we "
                 "deliver our services",
        "aim": "'To ensure that children and young people are consulted and actively "
               "participate in the decisions we make about how we deliver our services'. "
               "Nothing about me without me.",
        "how": "'We will engage our young people regarding the services we deliver and the "
               "services we commission. We will use a range of avenues with individuals or "
               "through LINX (The Children in Care Council) Powar and Care Leavers Forum to "
               "gain feedback to shape the services we deliver.'",
        "rows": [
            ("1", "Engage and identify Corporate Parent Champions from LCC Services and "
                  "partner agencies - meeting required with Edwina Grant to finalise model.",
             "31/12/2019", "Green", "green"),
            ("3a1", "To consult with young people regarding the services we commission "
                    "through the commissioning process - The Participation Contract, held by "
                    "Barnardo's (who deliver LINX, POWAR and Care Leavers Group) supported "
                    "CYP.", "Nov 18 \u2013 Nov 19", "Green", "green"),
            ("3a2", "To consult with young people regarding the services we commission "
                    "through the commissioning process - Percentage of service "
                    "specifications consulting young people.", "Nov 18 \u2013 Nov 19",
             "Green", "green"),
            ("3b", "To consult with young people regarding the services we commission through "
                   "the commissioning process - What have we done to change anything?",
             "Nov 18 \u2013 Nov 19", "Green", "green"),
            ("3c", "To review how the delivery of commissioned services for children and "
                   "young people, is being influenced by their feedback.",
             "Mar 19 \u2013 ongoing quarterly", "Green", "green"),
            ("3d", "To implement changes from any feedback at Objective 1 3c.", "", "Green",
             "green"),
            ("4a", "Feedback will be collected from young people participating in reviews, "
                   "Advocacy, complaints and compliments - Number of children who feedback "
                   "from their review.", "18/12/2019", "Green", "green"),
            ("4b", "Feedback will be collected from young people participating in reviews, "
                   "Advocacy, complaints and compliments - Data on advocacy complaints and "
                   "compliments.", "18/02/2019", "Red", "red"),
            ("4c", "Feedback will be collected from young people participating in reviews, "
                   "Advocacy, complaints and compliments - How is learning implemented into "
                   "Practice?", "November 2018 Revisit through 2019", "Green", "green"),
            ("4d", "Feedback will be collected from young people participating in reviews, "
                   "Advocacy, complaints and compliments - Strategic lead for Participation.",
             "2018-2019", "Blue", "blue"),
            ("5a1", "Feedback will be collected from children/young people's forums and "
                    "surveys - Total Number of services users accessing LINX (Children in "
                    "Care Council), POWAR (SEND) and the Care Leavers Forum.", "", "Green",
             "green"),
            ("7b", "Children and Young People will actively participate in relevant staff "
                   "interviews within the Children's Services Workforce.", "01/09/2019",
             "Red", "red"),
            ("8a", "Feedback from young people to the Employment Support Team - Number of "
                   "Case studies collected.", "Ongoing", "Green", "green"),
            ("8c", "Feedback from young people to the Employment Support Team - Number of "
                   "Questionnaires completed.", "31/04/2019", "Red", "red"),
            ("9", "Explore ways of completing Exit Interviews with CYP who are Leaving Care.",
             "30/11/2019", "Green", "green"),
            ("10a", "Audit how we capture the voice of the child to help support effective "
                    "practice and shape future services, including the use of Mind of My Own "
                    "\u2013 LCC.", "Ongoing", "Green", "green"),
            ("10b.i", "How do we capture the voice of the child to help support effective "
                      "practice and shape future services, including the use of Mind of My "
                      "Own - Health - North Lancs CCG.", "01/09/2019", "Red", "red"),
            ("10b.ii", "How do we capture the voice of the child to help support effective "
                       "practice and shape future services, including the use of Mind of My "
                       "Own - Health \u2013 BTH.", "01/09/2019", "Red", "red"),
            ("12a", "Incorporate children and young people's feedback in to the Quality "
                    "Assurance system.", "30/09/2019", "Red", "red"),
            ("13b", "Using the Participation Framework, ensure the feedback from young people "
                    "is triangulated into purposeful practice and/or is used to shape services "
                    "and informs social work practice.", "01/09/2019", "Red", "red"),
            ("15", "Develop Participation Champions across LCC in line with the Participation "
                   "Framework.", "30/09/2019", "Red", "red"),
            ("17", "Implement a Mentoring Scheme for Care Leavers - Group Mentoring.",
             "01/03/2020", "Green", "green"),
            ("18", "Develop a Mentoring Scheme for Care Leavers - Peer Mentoring.",
             "30/09/2019", "Red", "red"),
            ("19", "Implement a Mentoring Scheme for Care Leavers - Peer Mentoring.",
             "31/12/2019", "Green", "green"),
        ],
    },
    {
        "title": "Objective 2 - Children and Young People in Lancashire can remain safely at "
                 "home",
        "aim": "'To ensure that early support is provided at the right time to prevent the "
               "need for statutory intervention'",
        "how": "'We will work with our social workers and managers to ensure that they are "
               "equipped to manage complexity and provide intervention that brings about "
               "change to allow children to remain at home wherever possible and return home "
               "when they can. We will work with external providers and commissioning "
               "services to provide the right service at the right time to prevent escalation "
               "into statutory services.'",
        "rows": [
            ("2a", "Explore the Leeds and Hertfordshire Asset Models and implement agreed "
                   "model across services.", "30/09/2019", "Red", "red"),
            ("2b", "Implement a strengths based model of practice in line with the outcome of "
                   "the Hertfordshire Asset model.", "28/02/2020", "Green", "green"),
            ("3c", "Increase use of Family Group Conference:\n\u2022 Early Help\n\u2022 Prior "
                   "to an Initial Child Protection Conference (ICPC) or as part of the Child "
                   "Protection (CP) Plan.\n\u2022 Prior to initiating pre-proceedings.",
             "30/09/2019", "Red", "red"),
            ("4a", "Ensure Child Protection Plans have a contingency plan (when relevant to "
                   "the case) that includes the identification of alternative family carers "
                   "should the child not be able to remain with their parents.", "31/10/2019",
             "Red", "red"),
            ("5a-c", "Early Help to provide intervention to prevent escalation into Statutory "
                     "Services - referrals to CSC.", "31/08/2019", "Red", "red"),
            ("6a-b", "Partner agencies to provide early help.", "01/02/2019", "Red", "red"),
            ("7b-d", "Embed reflective supervision with first-line mangers to enable "
                     "reflection on the quality of practice and facilitate quality, critical "
                     "challenge.", "01/02/2019", "Red", "red"),
            ("10b", "Fostering Service to have a process in place to encourage carers to "
                    "apply for SGO.", "", None, "green"),
            ("11a5", "Reunification and Discharge of Care Orders project (not life chances).",
             "31/12/2019", "Green", "green"),
            ("11d", "Implement the New CLA Review Outcomes Form to report permanence at 2nd "
                    "review directly from LCS.", "30/09/2019", "Red", "red"),
            ("13e", "Monitor and measure the impact of the Neglect Strategy and delivery plans "
                    "to ensure we meet outcomes as detailed in the Neglect Strategy.",
             "Oct-19", "Red", "red"),
            ("14a", "Review the multi-agency response to domestic abuse, to ensure effective, "
                    "preventative and targeted support pathways are in place for children and "
                    "families.", "May-19", "Red", "red"),
            ("14f", "Improve the quality and timeliness of police vulnerable person reports to "
                    "the Multi-Agency Safeguarding Hub (MASH).", "Mar-19", "Red", "red"),
        ],
    },
    {
        "title": "Objective 3 - Our Care Leavers in Lancashire will have a 'Local Offer'",
        "aim": "'To ensure that all care leavers feel supported and can access a range of "
               "services to promote their continued wellbeing into adulthood'.",
        "how": None,
        "rows": [
            ("3", "Understand what provision is available and what is needed.",
             "Dec 18 Monthly monitoring September 2020", "Green", "green"),
            ("5c", "Review the Right Child The Right Placement Workshops in light of the "
                   "Isobelle Trowler Presentation and the Judiciary Paper.", "31/10/2019",
             "Red", "red"),
            ("6", "Improve transition and links between Children Social Care and Adult "
                  "service.", "30/11/ 2019", "Green", "green"),
            ("7", "Explore innovative ways of working with District councils to look at "
                  "tenancy options for 17 year olds with wrap around support.", "Jul-19",
             "Green", "green"),
            ("8", "Improve the Care Leaver Local Offer.", "Nov-19", "Green", "green"),
            ("9a", "Corporate Parenting Champions \u2013 LCC.", "Dec-19", "Green", "green"),
            ("9b", "Corporate Parenting Champions \u2013 Partner Agencies.", "Dec-19", "Green",
             "green"),
            ("12a -b", "Education/Training Opportunities are available.",
             "01/03/2019 and ongoing", "Green", "green"),
            ("14", "Preparation for Independent Living to commence earlier. Introduce ASDAN "
                   "at 15 \u00be.", "Apr-19", "Red", "red"),
        ],
    },
    {
        "title": "Objective 5 \u2013 Children and Young People will have a suitable place to "
                 "live and be cared for",
        "aim": "'To ensure that the children and Young People we care for have a range of "
               "suitable and appropriate accommodation to meet their immediate and long term "
               "needs'.",
        "how": "'We will continue to review our Sufficiency Strategy to ensure that it is "
               "informed by feedback from children and young people in our care and feedback "
               "is used to reshape our services'.",
        "rows": [
            ("1c-d", "The Sufficiency Strategy Addendum outlines targets to improve the number "
                     "of foster homes for CYP.", "Jun-20", "Green", "green"),
            ("3", "Ensure permanence tracker is being actively used as a tool to monitor and "
                  "address drift and delay.", "Roll out Jan 19 Nov 19", "Green", "green"),
            ("4", "Life story to be completed with every child in care, where remaining looked "
                  "after is a plan of permanence.", "Nov-19", "Amber", "amber"),
            ("5", "Explore and implement models that promotes 'staying close arrangements'.",
             "Nov-19", None, "amber"),
            ("7", "Review s.20 children and put plans in place to return children home where "
                  "possible.", "31/08/2019", "Red", "red"),
            ("9", "Implement a model of Family Group Conference for children 15+ in care with "
                  "a view to build support networks for them when they leave care.",
             "01/09/2019", "Red", "red"),
            ("12", "An in-house Adolescent Support Unit (ASU) was developed in order to "
                   "prevent children from becoming looked after and provide an \u201cedge of "
                   "care provision\u201d.", "", "Green", "green"),
            ("13", "Review Increase in Family and friends assessments for SGO.",
             "30th April 2020", "Green", "green"),
            ("16", "Videos for children on provision they are being introduced to.",
             "30/09/2019", "Red", "red"),
            ("19b", "Commence work 01/09/19 on a new sufficiency strategy that incorporates "
                    "agreed residential proposals and is signed off by March 2020 for "
                    "implementation in April 2020.", "01/04/2020", "Green", "green"),
        ],
    },
    {
        "title": "Objective 6 \u2013 The Health and Wellbeing of our Children and Young People "
                 "will be a priority for Lancashire County Council",
        "aim": "'To improve the health and wellbeing of the children and young people we care "
               "for'.",
        "how": "'We will work in partnership with our health colleagues to ensure that the "
               "health needs of children and young people in our care are prioritised and met "
               "and our children are involved in their assessments, strength and difficulty "
               "questionnaires will be used as an active tool to inform assessments and care "
               "plans and intervention'.",
        "rows": [
            ("1", "SDQ to be used as an active tool and informs care planning arrangements.",
             "Jul-20", "Green", "green"),
            ("2a", "Improved timeliness and quality of Health assessments.", "Jul-20",
             "Green", "green"),
            ("3a", "Improved access to specialist health services for CLA On review of future "
                   "commissioning for health provision ensure that service specifications "
                   "prioritise access for LAC and care leavers and reflect their additional "
                   "vulnerabilities.", "Nov-19", "Amber", "amber"),
            ("4", "To explore innovative ways to improve the health and wellbeing of the "
                  "children and young people we care for.", "Mar-20", "Green", "green"),
            ("6", "Workshops will be available for Health professionals working with children "
                  "and young people on their roles and responsibilities as Corporate Parents.",
             "Jun-19", "Red", "red"),
        ],
    },
    {
        "title": "Objective 8 - Our Children and Young People are protected from harm and or "
                 "Risk of Exploitation",
        "aim": "'To ensure that children are protected from harm and exploitation and ensure "
               "that they are provided with support to overcome any pull factors that would "
               "lead them to being exploited'.",
        "how": "'We will work with our partner's; police, health and the LSCB to ensure that "
               "we are sharing information and targeting service to prevent exploitation at "
               "every opportunity'.",
        "rows": [
            ("3", "Liaise with Victoria Gibson to see if there has been anything done via LSCB "
                  "to promote awareness across Lancs regarding exploitation - for those "
                  "working with children i.e PSE in schools", "30/09/2019", "Red", "red"),
        ],
    },
]

SCHEDULE_2020 = [
    ("Thursday, 30 January 2020",
     "6.00 pm \u2013 Committee Room 'C' \u2013 Duke of Lancaster Room, County Hall"),
    ("Wednesday, 25 March 2020",
     "6.00 pm \u2013 Committee Room 'C' \u2013 Duke of Lancaster Room, County Hall"),
    ("Tuesday, 12 May 2020",
     "6.00 pm \u2013 Committee Room 'C' \u2013 Duke of Lancaster Room, County Hall"),
    ("Wednesday, 22 July 2020 - Young People's Meeting",
     "1.30pm \u2013 Committee Room 'C' \u2013 Duke of Lancaster Room, County Hall"),
    ("Thursday, 10 September 2020",
     "6.00 pm \u2013 Committee Room 'C' \u2013 Duke of Lancaster Room, County Hall"),
    ("Tuesday, 24 November 2020",
     "6.00 pm \u2013 Committee Room 'C' \u2013 Duke of Lancaster Room, County Hall"),
    ("Thursday, 21 January 2021",
     "6.00 pm - Committee Room 'C' \u2013 Duke of Lancaster Room, County Hall"),
    ("Tuesday, 16 March 2021",
     "6.00 pm - Committee Room 'C' \u2013 Duke of Lancaster Room, County Hall"),
    ("June 2021", "6.00 pm - TBC"),
]

# --------------------------------------------------------------------------------------------
# 2. Minutes of 10 September 2020 (seed 001), ModernGov Word export
# --------------------------------------------------------------------------------------------

MINUTES_2020 = {
    "heading": "Minutes of the Meeting held on Thursday, 10th September, 2020 at 6.00 pm in "
               "Zoom Virtual Meeting - Zoom",
    # DEPARTURE: "(Chair)" added for Ian Brown. The two Clinical Commissioning Groups
    # representatives share one table row (two names in one cell), as in the seed.
    "present": [
        ("Members", [
            ("County Councillor Ian Brown (Chair)", LCC),
            ("County Councillor David Foxcroft", LCC),
            ("County Councillor Phillippa Williamson", LCC),
            ("County Councillor Julie Gibson", LCC),
            ("Marieta Birt", "Fostering Forum"),
            ("Callum", "LINX Representative"),
            ("Kaci", "LINX Representative"),
            ("Georgia", "LINX Representative"),
        ]),
        ("Co-opted members", [
            ("Brendan Lee", "Children's Social Care, Lancashire County Council"),
            ("Caroline Waldron", "Clinical Commissioning Groups"),
            ("Audrey Swann",
             "Headteacher, Vulnerable and Looked After Children, Lancashire County Council"),
            ("Amanda Mansfield", "Independent Reviewing Officers, Lancashire County Council"),
            ("Roxanne McAllister", "Leaving Care, Lancashire County Council"),
            ("Stephen Young", "Corporate Management Team, Lancashire County Council"),
            ("Mia Leyland", "Barnardo's"),
            ("Umer Khonat", "Business Intelligence Team, Lancashire County Council"),
            ("Maureen Huddleston\nJenny Donnelly",
             "Clinical Commissioning Groups\nClinical Commissioning Groups"),
        ]),
        ("Other Attendees", [
            ("Shell Arliss", "National Youth Advocacy Service"),
            ("Sharon Hubber", "Director of Children's Social Care, Lancashire County Council"),
            ("Andreas Feldhaar",
             "Children's Social Care Team Manager, Lancashire County Council"),
            ("Sam Gorton", "Democratic Services, Lancashire County Council"),
            ("Cathy Trengove", "Barnardo's"),
        ]),
    ],
    "items": [
        ("1", "Introductions and Apologies", [
            ("p", "All were welcomed to the meeting and apologies were received from Liz "
                  "Donnelly-Nelson, Barbara Bath, Tracy Smith, Terri Crossland, Lynda "
                  "Pearson, Judith Gault, Jane Hylton and Kirsty Clarke."),
            ("p", "County Councillor Phillippa Williamson was replacing County Councillor "
                  "Jayne Rear for this meeting."),
            ("p", "Amelia Brummett, East Lancashire Clinical Commissioning Group was observing "
                  "this meeting."),
        ]),
        ("2", "Notes of the Meeting and Matters Arising from 22 July 2020", [
            ("p", "The minutes were agreed as an accurate record and there were no matters "
                  "arising from them."),
        ]),
        ("3", "Not in Education, Employment or Training (NEET)/Education. Employment and "
              "Training (EET)", [
            ("p", "Audrey Swann, Headteacher of Vulnerable and Challenging Groups, Lancashire "
                  "County Council provided the board with some background to the report that "
                  "was circulated to members and details of a subsequent action plan that "
                  "will outline the practical steps required to deliver it.  The Corporate "
                  "Parenting Board and partners alongside the Council need to accept this as "
                  "a priority and support an increase in Education, Employment and Training "
                  "(EET) for Children in our Care and Care Leavers by providing opportunities "
                  "and resources to allow this to happen."),
            ("p", "The Virtual School has a statutory duty to support and champion those "
                  "children and young people in care to their local authority and care "
                  "leavers.  One of the key duties of the Virtual School is to ensure that "
                  "across the Local Authority 'Top priority is given to creating a culture of "
                  "high educational aspirations and that the authority strives for "
                  "accelerated progress and age-related attainment or better for looked-after "
                  "children'."),
            ("p", "A detailed account of all the data contained within the report was "
                  "presented to the Board which included:"),
            ("bullets", ["Care Leaver Education, Employment and Training (EET) Data",
                         "Comparative Data from 2015-2019 within the North West, statistical "
                         "neighbours and nationally.",
                         "Details of the current role of the Virtual School in supporting "
                         "Children Looked After (CLA) and Care Leavers into Education, "
                         "Employment and Training (EET)",
                         "Activity and Impact \u2013 Success Outcomes",
                         "Future Plans",
                         "Plans and recommendations from findings"]),
            ("p", "Roxanne McAllister, Children's Social Care Team Manager, Lancashire County "
                  "Council presented the PowerPoint attached to the agenda \u2013 Aspirations "
                  "for Children in our Care and Care Leavers which outlined the challenges "
                  "that Children's Services had and presented recommendations that would help "
                  "overcome them and move forward."),
            ("p", "53.6% of Lancashire care leavers are NEET (Not in Education, Employment or "
                  "Training).  Over the past 4\u00bd years, Lancashire's Leaving Care Services "
                  "have made lots improvements in different areas, however the figure has "
                  "stayed around the same throughout.  This is not just a single service "
                  "issue."),
            ("p", "Discussions ensued following the presentation and it was reported that the "
                  "Advocacy Service were experiencing a high number of referrals due to the "
                  "number of changes in social workers and placement changes which is of "
                  "concern.  The Advocacy Service offered to do some targeted work with "
                  "Children's Services to try and increase that offer to young people.  In "
                  "reply, it was noted that there was continuing work being undertaken on "
                  "social work retention and in moving to a new service delivery model, a new "
                  "retention strategy was being developed to ensure social workers remain in "
                  "Lancashire."),
            ("p", "Expectations of the Corporate Parenting Board is to write to Universities, "
                  "businesses (ie NHS, Police and other local businesses) and colleges as a "
                  "Board requesting their engagement for our children and young people in "
                  "care and care leavers and seeing what they can offer them, including "
                  "employment at schools, colleges and universities."),
            ("p", "In conclusion it was:"),
            ("resolved", "", [
                ("i)", "That Brendan Lee and Shell Arliss would discuss more targeted work "
                       "with the Advocacy Service outside of the meeting."),
                ("ii)", "That Brendan Lee would draft an action plan following the comments "
                        "from the Board and will undertake conversations outside this "
                        "meeting to develop a plan and to also include data that underpins "
                        "it."),
                ("iii)", "That a draft plan will be presented at a future board meeting for "
                         "it to approve and then to monitor the progress regularly, ensuring "
                         "it is making a difference to our children in care and care "
                         "leavers."),
                ("iv)", "That the Corporate Parenting Board agreed to support this report."),
            ]),
        ]),
        ("4", "What Support Young People Would Like", [
            ("p", "Following on from the previous item, LINX (Lancashire's Children in Care "
                  "Council) were asked to do a piece of work around what practical support "
                  "young people would like in relation to NEET (Not in Education, Employment "
                  "or Training) and the outcomes from the discussion was in the report "
                  "circulated with the agenda which are the views of 12 children in care and "
                  "eight care leavers and who were asked their opinion of what they "
                  "practically needed to help them in education, employment and training."),
            ("p", "Key themes were:"),
            ("bullets", ["Aspirations.", "Experience of the workplace.",
                         "Financial support \u2013 balancing finances prior to that first wage.",
                         "Work ethics \u2013 having conversations earlier, talking about "
                         "different options available.",
                         "Making education over work the preferred option.",
                         "Within school, having 1:1 support if needed.",
                         "Support around Mental Health \u2013 young people found it positive "
                         "that discussions were happening on a Mental Health strategy."]),
            ("p", "LINX were invited to participate in the development of the action plan and "
                  "Brendan Lee will discuss this outside the meeting with Barnardo's."),
            ("p", "An issue was raised around supported accommodation and the surcharges "
                  "incurred if young people commence employment and advice that was being "
                  "received from placements.  It was reported that there is a recommission "
                  "underway on supported accommodation and in terms of accommodation pathways "
                  "this is a positive for our young people.  This also needs to be included "
                  "in the Action Plan and this is something the Corporate Parenting Board can "
                  "raise with the District Councils."),
            ("resolved", "", [
                ("i)", "That Brenda Lee would contact LINX to work with them on the action "
                       "plan."),
                ("ii)", "Roxanne McAllister will feedback at the Providers meeting, that they "
                        "should not be encouraging young people to not get a job as their "
                        "accommodation will cost the young person too much."),
                ("iii)", "That the Corporate Parenting Board liaise with district councils "
                         "with regards discretionary housing payments for Children in Care "
                         "and Care Leavers who are in a placement or supported accommodation "
                         "and are wanting to gain employment."),
            ]),
        ]),
        ("5", "Children in Care and Care Leavers Performance Information", [
            ("p", "Umer Khonat gave a brief overview on the children in care and care leavers "
                  "performance information for July 2020 which was circulated prior to the "
                  "meeting."),
            ("p", "The national rate for care leavers in Education, Employment and Training is "
                  "64% for 17-18 year olds and 52% for 19-21 year olds.  Currently Lancashire "
                  "is operating at 46% for 17-18 year olds and 39.8% for 19-21 year olds which "
                  "means that Lancashire are quite a distance from the national average and "
                  "there is work to be done and with the right plans in place this will "
                  "improve."),
            ("p", "For future meetings it was suggested that the data that is presented be "
                  "compliance data including the dashboards, then review the service "
                  "narrative if there is any and challenge managers to seek assurance that "
                  "they are aware of the data and ask what is being done in terms of it."),
            ("resolved", "", [
                ("", "That the Board discussed and commented on the information presented and "
                     "agreed the content of future performance information provided to "
                     "subsequent meetings."),
            ]),
        ]),
        ("6", "Care Leavers Christmas", [
            ("p", "It was noted that due to the current pandemic and that the majority of "
                  "colleagues were working remotely, this year's Christmas Hampers collection "
                  "would not be able to take place in its usual format."),
            ("p", "Barnardo's were also collaborating on their ideas of how to provide the "
                  "Care Leavers Christmas meal this year."),
            ("action", "Sam Gorton would speak to colleagues to look at how else we, as "
                       "Corporate Parents could provide gifts for our young people this "
                       "Christmas."),
        ]),
        ("7", "Any Other Business", [
            ("p", "Andreas Feldhaar updated the Board on the preparation for National Care "
                  "Leavers week on 26-30 October 2020 by the Leaving Care Service.  It is for "
                  "all care experienced young people between 16 and 25 years of age and this "
                  "year's theme is Future Me, which also highlights areas of work which is "
                  "already being developed."),
            ("resolved", "", [
                ("", "That a copy of the programme will be circulated to all members of the "
                     "Corporate Parenting Board."),
            ]),
        ]),
        ("8", "Date and Time of Next Meeting", [
            ("p", "Tuesday, 24 November 2020 at 6pm, via Zoom."),
        ]),
    ],
}

# --------------------------------------------------------------------------------------------
# 3. Minutes of 8 September 2016 (seed 003)
# --------------------------------------------------------------------------------------------

MINUTES_2016 = {
    "heading": "Minutes of the Meeting held on Thursday, 8th September, 2016 at 6.00 pm in "
               "Cabinet Room 'C' - The Duke of Lancaster Room, County Hall, Preston",
    # The seed's PDF extraction ran the two columns together; this is the reading order.
    "present": [
        ("Members", [
            ("County Councillor Sue Prynn (Chair)", LCC),
            ("County Councillor Margaret Brindle", LCC),
            ("County Councillor Ian Brown", LCC),
            ("Councillor Bernard Dawson", LCC),
            ("County Councillor Miss Kim Snape", LCC),
            ("Catherine", "representing Adoption"),
            ("Lynsey Evans", "Fostering Forum"),
            ("Kat", "LINX Representative"),
            ("Sam R", "LINX Representative"),
            ("Gavin", "LINX Representative"),
            ("Sam W", "LINX Representative"),
            ("Paige", "LINX Representative"),
            ("Mary-Beth", "LINX Representative"),
            ("Kris", "LINX Representative"),
            ("Michelle", "LINX Representative"),
            ("Bradley", "LINX Representative"),
        ]),
        ("Co-opted members", [
            ("Debbie Ross", "Designated Nurse for CLA, representing CCG"),
            ("Kate Baggaley", "Barnardos"),
            ("Ionie Calderbank", "Barnardos"),
            ("Susan Towers", "Agency - Residential"),
            ("Angela Epps", "Agency Fostering"),
        ]),
        ("Other Attendees", [
            ("Kirsty Clarke", "Lancashire Children's Rights Society"),
            ("Andy Smith", "Children's Social Services, LCC"),
            ("Maria Lewis", "Youth Offending Team, LCC"),
            ("Sam Gorton (Clerk)", "Democratic Services, LCC"),
            ("Superintendent Andrea Barrow", "Lancashire Constabulary"),
            ("Robert Ruston", "Office of the Police and Crime Commissioner"),
        ]),
    ],
    # Blocks as for MINUTES_2019, plus ("sub", text) for a bold sub-heading.
    "items": [
        ("1", "Introductions and Apologies", [
            ("p", "All were welcomed to the meeting and apologies were received and noted from "
                  "County Councillors Lord and Beavers, Dr Nicola Bamford, Diane Booth, Tony "
                  "Morrissey, Annette McNeil, Debbie Duffell, Mark Twiname, Mia Leyland and "
                  "Audrey Swann."),
        ]),
        ("2", "Notes of the Meetings and Matters Arising from 16 June 2016 and 4 August 2016", [
            ("p", "The minutes were agreed as an accurate record and there were no matters "
                  "arising from them."),
        ]),
        ("3", "What our Elected Members have been doing (15 mins)", [
            ("sub", "CC Prynn"),
            ("p", "CC Prynn and CC Brown had carried out a Reg 22 visit recently. Following "
                  "this, there had been some quite negative meetings with regards the use of "
                  "CAMHS (Child and Adult Mental Health Service) between Mental Health "
                  "Officers and Senior Officers from LCC. There is a Pan Lancashire "
                  "initiative to provide help for all mental health issues for young people."),
            ("p", "There is a Care of the Most Vulnerable Workshop to be held on 27 September "
                  "2016. If any County Councillors wishes to attend, then let CC Prynn know. "
                  "Key professionals across Lancashire will be attending. CC Prynn will be "
                  "feeding in with regards to needing more therapies and support in "
                  "residential settings, which is more than what CAMHS are offering."),
            ("p", "Debbie Ross reported that Health are also expanding the number of therapies "
                  "offered for vulnerable young people and that self-referrals are now "
                  "accepted from young people."),
            ("p", "CC Prynn queried an Activity Day that she had heard about, and was "
                  "disappointed that the Board had not been informed about it. Following this "
                  "it was requested that Sam Gorton source more information and let CC Prynn "
                  "know the details."),
            ("action", "Sam Gorton to follow up further with Tony Morrissey/Georgine Lee."),
            ("p", "Kate Baggaley confirmed that the Council Tax exemption letter is now "
                  "finalised and ready to be sent to the District Councils."),
            ("sub", "CC Brown"),
            ("p", "Reported that the Reg 22 visit he carried out with CC Prynn was very "
                  "interesting and that he was continuing to work on issues around mental "
                  "health."),
            ("sub", "CC Brindle"),
            ("p", "Reported back with regards the follow up on Housing with Burnley Borough "
                  "Council. There was no specific training given on dealing with care "
                  "leavers, it was on the job training. CC Brindle felt that this was not "
                  "satisfactory and also that there was no specific leaflet or guidance on "
                  "leaving care for young people. This was a big gap that needs looking at."),
            ("action", "Officers are producing a leaving care pack which will be presented to "
                       "the Board."),
        ]),
        ("4", "LINX (Lancashire's Children in Care Council) (60 mins)", [
            ("sub", "In Care out of Trouble Report"),
            ("p", "LINX presented the attached PowerPoint which outlined their response to the "
                  "recommendations at Appendix One in the Report as requested by the CPB at "
                  "the meeting on 16 June 2016. Following on from the slide which shows what "
                  "LINX wanted, their request was that a Police Representative be on the "
                  "Board. It was noted that there was a Co-opted Member Police role in the "
                  "Terms of Reference, however, in the past when this had been discussed the "
                  "young people requested that they did not feel comfortable with a Police "
                  "presence, so the Board welcomed that they would now like Police "
                  "representation at the meetings in future."),
            ("action", "Sam Gorton to liaise with Superintendent Andrea Barrow to find a "
                       "Police Representative to attend future meetings."),
            ("p", "LINX then led with an activity (attached), where the Board worked in groups "
                  "and were presented with scenarios, and then each scenario was added to "
                  "which changed the opinions of the outcomes and what led to them. The "
                  "groups were asked how they would deal with the different issues (as "
                  "attached). The scenarios were based on experiences young people had had in "
                  "care in Lancashire. Kate reported that young people had stated they had "
                  "not experienced any discriminations from the Police because they were in "
                  "care and that they reported positive experiences when dealing with the "
                  "Police. The Board and Superintendent Andrea Barrow welcomed the positive "
                  "comments made by the young people."),
            ("sub", "What LINX have been doing"),
            ("p", "LINX gave a detailed account of what they had been doing since 4 August "
                  "2016. Details can be found on the Powerpoint attached."),
            ("p", "Kate reported that LINX had been working really hard with the Fostering "
                  "Service and what they had been doing was detailed in the Bingo game that "
                  "the Board played and is attached."),
            ("sub", "Feedback on CPB Report"),
            ("p", "Young people raised a number of concerns with regards the Performance "
                  "Report, and it was requested that Sam contact Chris Greenwood who provides "
                  "the report to address the issues raised."),
            ("action", "Sam to send the Performance Report to Chris Greenwood to address the "
                       "concerns raised by LINX and for Chris to feedback to LINX."),
            ("p", "Andy Smith, Children's Social Care addressed the query around why the "
                  "Contact Centre had received more contacts though less referrals had been "
                  "made. He stated contacts and referrals are the same, they are both dealt "
                  "with in the same way. There are around 30,000+ contacts a year with around "
                  "1000 going through to Social Workers. Around 3000 a month should be dealt "
                  "with at the early help stage which is dealt with by MASH (Multi-Agency "
                  "Safeguarding Hub)."),
            ("p", "Andy also gave some feedback from the recent Ofsted Monitoring visit. Six "
                  "cases had been sampled from Section 47 and Care Leavers and the findings "
                  "were that significant progress was being made and the processes that are "
                  "in place are on the right track, however there is still room for "
                  "improvement, but no children have been left at risk."),
            ("p", "The children missing data is inconsistent and the reason behind this is "
                  "that the Police data does not match with the Children's Social Care data."),
            ("p", "The Chair commented that it was really pleasing that the KS4 results had "
                  "increased from the previous year."),
            ("p", "Five looked after young people had been placed in either young offender "
                  "institutions or secure units. Maria Lewis agreed to follow this up and "
                  "find out further information."),
            ("action", "Maria Lewis to follow this up and report back to CC Prynn."),
            ("sub", "ITV Fixers \u2013 Leaflet"),
            ("p", "Brad and Sam had been involved with creating a leaflet for care leavers "
                  "called Out of Care and Going it Alone. The leaflet can be found here."),
            ("p", "The young people were thanked for their detailed reports and continuing "
                  "hard work."),
        ]),
        ("5", "In Care Out of Trouble Report (30 mins)", [
            ("p", "Superintendent Andrea Barrow, Lancashire Constabulary and Robert Ruston, "
                  "Victims Commissioning and Partnerships Manager, Office of the Police and "
                  "Crime Commissioner (OPCC) were welcomed to the meeting."),
            ("p", "Robert spoke about the role of the OPCC and explained that they were the "
                  "body that oversees the Police. Currently they are focussing on restorative "
                  "justice and developing it in homes and are very keen to look at and "
                  "support it in residential units across Lancashire."),
            ("p", "Maria Lewis, Youth Offending Team, LCC informed the Board that the YOT Team "
                  "have restorative justice work planned too, so the team will contact Robert "
                  "and make the links."),
            ("action", "Maria Lewis to contact Robert Ruston about collaborative work around "
                       "restorative justice."),
            ("p", "Superintendent Andrea Barrow then gave a PowerPoint presentation (as "
                  "attached) as to what Lancashire Constabulary is doing around Early Action "
                  "and Public Service Lancashire Development."),
            ("p", "Early Action \u2013 Prevention is the Forces way of delivering "
                  "Neighbourhood policing in the future. This is why Early Action is so "
                  "important \u2013 48% classed as Early Action when the problem has reached "
                  "crisis and the police are called. Case studies show that many of the "
                  "incidents could have been prevented with Early Action. Only 19% of "
                  "incidents are crime related demand on Police."),
            ("p", "Police do not complete Common Assessment Frameworks (CAF's) as a matter of "
                  "course, but they do act as Lead Professionals for hundreds of others. As "
                  "part of the Integrated Team in Preston they are looking at Police "
                  "instigating a CAF, looking at a joint case management system and looking "
                  "at using Liquid Logic. A CAF would be built into that and used as an "
                  "assessment tool."),
            ("p", "Superintendent Barrow also informed the Board that they are doing "
                  "preventative work with other agencies around mental health issues. The "
                  "Board agreed that they would like to be a part of this initiative going "
                  "forward. Superintendent Barrow welcomed input on identifying vulnerable "
                  "people on this from CPB and foster carers would also be a good source too."),
            ("action", "The Board were asked to let Sam Gorton know if anybody would like to be "
                       "involved and that Sam would pass details on to Superintendent Barrow."),
            ("p", "It was noted that joined up working from Service 6, LCC would be very useful "
                  "especially in helping people who have been released from prison."),
            ("action", "Sam to pass contact details of Service 6 to Superintendent Andrea "
                       "Barrow."),
            ("p", "Robert Ruston then informed the Board that the OPCC are incredibly "
                  "supportive around early intervention work and this is detailed in "
                  "Lancashire's Police and Crime Plan Report and that the Police and Crime "
                  "Commissioner (PCC) sees early action as a main priority."),
            ("p", "The Child Sexual Exploitation (CSE) Campaign has been funded by the OPCC "
                  "and is keen to keep this high profile and continue to raise awareness "
                  "around it. A conference will be held in CSE week and also another event is "
                  "planned for parents/carers with children with learning difficulties around "
                  "grooming."),
            ("p", "CC Prynn thanked Superintendent Barrow and Robert Ruston on behalf of the "
                  "Board for their attendance and informative presentations."),
        ]),
        ("6", "IRO Annual Report (15 mins)", [
            ("p", "Andy Smith, Children's Social Care presented the IRO Annual Report. Key "
                  "facts from the report were presented in the Powerpoint attached."),
            ("p", "Following the Ofsted Inspection the number of IROs was increased from 30 "
                  "FTE to 45 FTE. Caseloads were extremely high (around 130) and the focus "
                  "has been to reduce caseloads which has happened. The current number as of "
                  "today of children looked after is 1,754 which has increased since March "
                  "2016 where the number was 1.674."),
            ("p", "Children with child protection plans was also increasing and from March "
                  "2016 there were 1,443 children to the number today which is 1,746."),
            ("p", "The Board asked if there could be some form of a problem resolution "
                  "specifically for Care Leavers so they are able to escalate and resolve any "
                  "of their concerns and Andy agreed to take this forward."),
            ("action_block", "Andy Smith to take forward the recommendation of a problem "
                             "resolution service for Care Leavers and report back to the "
                             "Board on this recommendation."),
            ("p", "Kirsty Clarke commented that the Advocacy Service provided by Children's "
                  "Rights was now available up to the age of 21 years old, and that this "
                  "service had a good relationship with IROs."),
        ]),
        ("7", "Any Other Business", [
            ("p", "There was no other business to report."),
        ]),
        ("8", "Date and Time of Next Meeting", [
            ("p", "Thursday, 1 December 2016 at 6.00pm (refreshments served from 5.30pm) in "
                  "the Henry Bollinbroke Room \u2013 Cabinet Room 'D', County Hall, Preston, "
                  "PR1 8RJ."),
        ]),
        ("9", "Care Leavers Guide - An Update Report", [
            ("p", "This item was for information only. Any queries arising from this, please "
                  "email hannah.peake@lancashire.gov.uk."),
        ]),
    ],
}

# Bundled after the 2016 minutes: a page of the LINX presentation and the performance report.
LINX_2016_SLIDES = [
    ("In Care, Out of Trouble", [
        "There were 75,155 looked after children on 31 March 2015 in England and Wales",
        "94% of children in care in England do not get in trouble with the law. However "
        "children in care in England are six times more likely to be cautioned or convicted "
        "of an offence than other children",
        "Looked after children in custody show greater levels of mental health need (as a "
        "group) compared to other children in custody",
        "44% of looked after children in custody are from an ethnic minority background"]),
    ("Ideas from LINX", [
        "Police officers to visit Children in Care Councils",
        "Each young person should have one person dealing with them so they can build a "
        "relationship up",
        "Police could visit the foster carer support groups to reach YP in foster care",
        "CPB to have police representation",
        "Restorative justice is a good idea"]),
    ("Scenario One \u2013 You are the residential home manager", [
        "John has beat up another young person in the residential home where he lives; the "
        "young person has bruises on his body and face.",
        "An hour before this John has found out that his mum has cancelled their contact for "
        "the third time",
        "A month ago John was diagnosed with autism and the support for this has not been "
        "consistent"]),
]

PERF_2016 = {
    "title": "CORPORATE PARENTING BOARD PERFORMANCE REPORT, SEPTEMBER 2016",
    "subtitle": "ACTIVITY FOR CHILDREN LOOKED AFTER AND CARE LEAVERS",
    "sections": [
        ("NUMBER OF CHILDREN LOOKED AFTER", [
            "As at the end of August 2016, there were 1,754 children looked after in "
            "Lancashire.",
            "For every 10,000 children and young people in Lancashire, 71.4 are currently "
            "looked after.",
            "There are less children looked after in Lancashire than the North West (82 out "
            "of 10,000)."]),
        ("SERVICE ACTIVITY", [
            "The contact centre has received less referrals than in previous years, although "
            "more contacts.",
            "A referral is information received regarding a child that is deemed to require "
            "social care involvement. A contact is any information received that doesn't "
            "lead to a referral."]),
    ],
    "table_head": ["", "11/12", "12/13", "13/14", "14/15", "15/16", "2016/17 (YTD Ave.)"],
    "table": [
        ["Contacts per month", "1284", "1525", "750", "1575", "1788", "1845"],
        ["Referrals per month", "1175", "1370", "1679", "868", "958", "862"],
        ["Initial Assessments", "9891", "11288", "11865", "-", "-", "-"],
        ["Core Assessments", "5019", "5901", "5724", "-", "-", "-"],
        ["Single Assessment started per month", "", "", "", "1089", "1253", "1257"],
    ],
    "after": [
        ("STABILITY OF PLACEMENTS OF CLA: Number of Moves", [
            "Out of 100 children looked after, Lancashire targets to have less than 10 "
            "children looked after having to move twice or more during the year.",
            "Latest information for March 2016 shows that 6 out of 100 children looked after "
            "have moved twice or more which is good performance and within the target."]),
        ("COMMENTS:", [
            "Young people are happy that this is less than last year however they would like "
            "to see more research and reasons into what causes placement moves.",
            "August 2016 data not currently available due to system issues, hence March data "
            "provided."]),
    ],
}
