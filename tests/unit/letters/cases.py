"""Example requests for the golden letters, the benchmark and the CLI tests.

The PHSO case is real (WhatDoTheyKnow, "Number of caseworkers employed by the PHSO and length of
time taken to respond to complaints"); the lines needed are quoted here so no test reads
``/work/shared`` at run time:

    28/03/2022 ... PHSO Reference 00000206 ... We aim to issue a full response by 27 April 2022.
    (the PHSO asked to clarify the outsourcing question only; the requester replied on 31 March 2022:)
    "Simple solution: delete the outsourcing request (for the time being)"
    (8 April 2022, the response, "1 Atodiad": one attachment:) "As of 30 March 2022, there were 36
    intake caseworkers, 198 caseworkers and 64 Senior caseworkers employed ..." "1. All intake
    caseworkers deal with both health and parliamentary work." "3. Senior caseworkers are employed on
    job descriptions to work on cases, not specifically on health and parliamentary." "4. As question
    1." "6. As question 3." "Please see the attached table in relation to the number of cases closed
    within 7 weeks ..." "After seeking clarification, you decided that you no longer wanted the detail
    relating to the activities that are outsourced."
    (9 April 2022, the member's own review request:) "... Can you explain this discrepancy?"
    (9 May 2022, the review outcome:) "you have not queried anything specific"

So totals were given, the per-type splits of questions 1, 3, 4 and 6 were not held in that form, the
table was attached, and question 8 (outsourcing) was withdrawn.

The other cases are invented but realistic, one per law and letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

PHSO_QUESTIONS = (
    "How many 'Intake' caseworkers are employed by the PHSO for dealing with 'parliamentary' cases?",
    "How many caseworkers are employed by the PHSO for dealing with 'parliamentary' cases",
    "How many senior caseworkers are employed by the PHSO for dealing with 'parliamentary' cases?",
    "How many 'intake' caseworkers are employed by the PHSO for dealing with 'NHS' cases?",
    "How many caseworkers are employed by the PHSO for dealing with 'NHS' cases?",
    "How many senior caseworkers are employed by the PHSO for dealing with 'NHS' cases?",
    "In the last 3 years, how many case investigations - from the time a caseworker has been assigned to a case "
    "till the caseworker's sends their report and decision -- have been completed in a period of 7 weeks or less?",
    "How many of the activities/ areas of responsibility of the PHSO are handled by outsourcing organisations, "
    "and what are those activities and what is the name of the outsourcing company?",
)

PHSO: dict[str, Any] = {
    "law": "foia",
    "authority": "Parliamentary and Health Service Ombudsman",
    "title": "Number of caseworkers employed by the PHSO and length of time taken to respond to complaints",
    "sent": "2022-03-28",
    "requester": "Dudley Jones",
    "reference": "00000206",
    "link": "https://www.whatdotheyknow.com/request/number_of_caseworkers_employed_b",
    "clarification_requested": "2022-03-31",
    "clarification_partial": True,
    "withdrawn_parts": [{"on": "2022-03-31", "questions": [8]}],
    "responded": "2022-04-08",
    "outcome": "partially_successful",
    "questions": list(PHSO_QUESTIONS),
    # "1,3: not held in form; 4->1; 6->3; 2,5,7: answered"
    "answers": {
        "1": {"status": "not_held_in_form"}, "2": {"status": "answered"}, "3": {"status": "not_held_in_form"},
        "4": {"status": "refers_to", "to": 1}, "5": {"status": "answered"}, "6": {"status": "refers_to", "to": 3},
        "7": {"status": "answered"},
    },
}
# The review outcome of 9 May 2022 ("you have not queried anything specific"), and the complaint after it.
PHSO_REVIEWED: dict[str, Any] = {**PHSO, "review_requested": "2022-04-09", "review_responded": "2022-05-09"}
PHSO_COMPLAINT_TODAY = date(2022, 5, 16)
# Invented, for tests of the gap grounds: the same request as if questions 3 and 6 had gone unanswered
# and the table had not been attached (the real reply attached it).
PHSO_GAPS: dict[str, Any] = {
    **{k: v for k, v in PHSO.items() if k != "answers"}, "questions_unanswered": [3, 6], "attachment_missing": True,
}
PHSO_TODAY = date(2022, 4, 9)


@dataclass(frozen=True)
class Case:
    name: str  # the golden file's name, without .txt
    kind: str
    facts: dict[str, Any]
    today: date
    grounds: tuple[str, ...] | None = None  # None: the grounds ticked by default
    notes: str | None = None


_COUNCIL = {
    "authority": "Exampleshire County Council",
    "requester": "Alex Morgan",
}

CASES: tuple[Case, ...] = (
    Case("phso-review", "review", PHSO, PHSO_TODAY),
    Case("phso-complaint", "complaint", PHSO_REVIEWED, PHSO_COMPLAINT_TODAY),
    Case("review-foia", "review", {
        "law": "foia", **_COUNCIL,
        "title": "Waste collection contract with GreenBin Ltd",
        "sent": "2025-01-06", "reference": "FOI-2025-0042",
        "responded": "2025-02-03", "outcome": "partially_successful",
        "exemptions": ["s.43(2)", "s.40(2)"],
        "questions": ["A copy of the current waste collection contract with GreenBin Ltd, including schedules.",
                      "The names of the council officers who evaluated the tenders."],
    }, date(2025, 2, 10)),
    Case("review-eir", "review", {
        "law": "eir", "authority": "Northtown Borough Council", "requester": "Sam Patel",
        "title": "Air quality monitoring near the Riverside incinerator",
        "sent": "2024-05-13", "responded": "2024-06-10", "outcome": "refused",
        "exemptions": ["reg 12(4)(b)", "reg 12(5)(e)"],
        "format_asked": "CSV files", "format_given": "scanned PDF",
    }, date(2024, 6, 20)),
    Case("review-foisa", "review", {
        "law": "foisa", "division": "scotland", "authority": "Glenmore Health Board", "requester": "Morag Stewart",
        "title": "Agency nurse spending 2019 to 2024", "sent": "2024-09-02", "reference": "FOI/24/1187",
        "responded": "2024-09-27", "outcome": "refused", "exemptions": ["s.12", "s.38(1)(b)"],
    }, date(2024, 10, 7)),
    Case("review-eisr", "review", {
        "law": "eisr", "division": "scotland", "authority": "Loch Ard District Council", "requester": "Iain Fraser",
        "title": "Flood risk assessments for Kinloch housing site", "sent": "2023-11-06",
        "responded": "2023-12-01", "outcome": "partially_successful", "exemptions": ["reg 10(4)(a)"],
        "attachment_missing": True,
    }, date(2023, 12, 8)),
    Case("chaser-foia", "chaser", {
        "law": "foia", **_COUNCIL, "title": "Pothole repair claims paid in 2024",
        # sent on a Saturday: the letter waits for the next-working-day reading
        "sent": "2025-03-15", "reference": "FOI-2025-0311",
    }, date(2025, 4, 22)),
    Case("chaser-eir", "chaser", {
        "law": "eir", "authority": "Northtown Borough Council", "requester": "Sam Patel",
        "title": "Tree felling on Mill Lane", "sent": "2024-02-05", "extended_to": "2024-04-02",
    }, date(2024, 4, 8)),
    Case("chaser-foisa", "chaser", {
        "law": "foisa", "division": "scotland", "authority": "Glenmore Health Board", "requester": "Morag Stewart",
        "title": "Waiting times for autism assessments", "sent": "2025-10-20", "reference": "FOI/25/2044",
    }, date(2025, 11, 24)),
    Case("chaser-eisr", "chaser", {
        "law": "eisr", "division": "scotland", "authority": "Loch Ard District Council", "requester": "Iain Fraser",
        "title": "Bathing water sampling at Port Bay", "sent": "2025-06-02",
    }, date(2025, 7, 7)),
    # A school: 20 working days end Mon 29 Sep 2025, the 60th (SI 2004/3364 reg 3's backstop) Mon 24 Nov 2025.
    Case("chaser-foia-school", "chaser", {
        "law": "foia", "authority": "Hillside Academy", "requester": "Alex Morgan",
        "title": "Exclusions in 2024-25", "sent": "2025-09-01", "school": True,
    }, date(2025, 11, 25)),
    Case("chaser-sar", "chaser", {
        "law": "sar", "authority": "Exampleshire County Council", "requester": "Alex Morgan",
        "title": "My social care records", "sent": "2025-01-31",
    }, date(2025, 3, 10)),
    Case("complaint-foia", "complaint", {
        "law": "foia", **_COUNCIL, "title": "Councillors' expenses claims 2023-24", "sent": "2025-01-13",
        "reference": "FOI-2025-0101", "responded": "2025-02-10", "outcome": "refused", "exemptions": ["s.14"],
        "review_requested": "2025-02-12", "review_responded": "2025-03-10",
        "link": "https://www.whatdotheyknow.com/request/councillors_expenses_2023_24",
    }, date(2025, 3, 17)),
    Case("complaint-eir", "complaint", {
        "law": "eir", "authority": "Northtown Borough Council", "requester": "Sam Patel",
        "title": "Planning enforcement complaints about the quarry", "sent": "2024-01-08",
        "responded": "2024-02-05", "outcome": "not_held",
        "review_requested": "2024-02-12",
    }, date(2024, 4, 15)),
    Case("complaint-foisa", "complaint", {
        "law": "foisa", "division": "scotland", "authority": "Police Scotland", "requester": "Morag Stewart",
        "title": "Use of spit hoods 2022 to 2024", "sent": "2024-03-04", "reference": "IM-FOI-2024-0612",
        "responded": "2024-03-29", "outcome": "refused", "exemptions": ["s.35", "s.30"],
        "review_requested": "2024-04-02", "review_responded": "2024-04-26",
    }, date(2024, 5, 13)),
    # The requirement for review was sent on Sunday 26 October 2025: the review is late only after
    # Mon 24 Nov 2025, the date SIC Decision 092/2026 accepted; s.21(1) sets it.
    Case("complaint-foisa-review-overdue", "complaint", {
        "law": "foisa", "division": "scotland", "authority": "Glenmore Health Board", "requester": "Morag Stewart",
        "title": "Locum consultant spending 2024-25", "sent": "2025-09-29", "reference": "FOI/25/1950",
        "responded": "2025-10-24", "outcome": "refused", "exemptions": ["s.33"],
        "review_requested": "2025-10-26",
    }, date(2025, 11, 25), grounds=("review_overdue",)),
    Case("complaint-eisr", "complaint", {
        "law": "eisr", "division": "scotland", "authority": "Loch Ard District Council", "requester": "Iain Fraser",
        "title": "Landfill gas monitoring reports", "sent": "2024-08-05",
        "responded": "2024-09-13", "outcome": "partially_successful", "exemptions": ["reg 10(5)(e)"],
        "questions": ["The landfill gas monitoring reports for 2023.", "The operator's action plan after the 2023 exceedances."],
        "questions_unanswered": [2],
        "review_requested": "2024-09-16",
    }, date(2024, 10, 21)),
    Case("complaint-sar", "complaint", {
        "law": "sar", "authority": "Exampleshire County Council", "requester": "Alex Morgan",
        "title": "My social care records", "sent": "2025-01-31", "responded": "2025-04-04",
        "outcome": "partially_successful", "attachment_missing": True,
        "questions_unanswered": ["Case notes from 2019 to 2021"],
    }, date(2025, 4, 14)),
    Case("clarification-foia", "clarification", {
        "law": "foia", **_COUNCIL, "title": "Agency staff spending", "sent": "2025-05-06",
        "reference": "FOI-2025-0620", "clarification_requested": "2025-05-14",
    }, date(2025, 5, 16), notes=(
        "By \"agency staff\" I mean workers supplied by employment agencies, not consultants. I am asking for the "
        "total paid to agencies in each financial year from 2021/22 to 2024/25, by directorate."
    )),
    Case("clarification-eir", "clarification", {
        "law": "eir", "authority": "Northtown Borough Council", "requester": "Sam Patel",
        "title": "Pesticide use in parks", "sent": "2024-03-04", "clarification_requested": "2024-03-12",
        "clarification_partial": True,
    }, date(2024, 3, 14), notes=(
        "For question 2, \"parks\" means the 14 parks listed on the council's Parks page, and the period is "
        "1 January 2022 to 31 December 2023."
    )),
    Case("clarification-foisa", "clarification", {
        "law": "foisa", "division": "scotland", "authority": "Glenmore Health Board", "requester": "Morag Stewart",
        "title": "Ambulance handover delays", "sent": "2025-08-11", "reference": "FOI/25/1733",
        "clarification_requested": "2025-08-19",
    }, date(2025, 8, 20), notes=(
        "I mean the time between an ambulance arriving at the emergency department and the patient being handed "
        "over, as recorded in your systems, for each month from April 2024 to March 2025."
    )),
    Case("clarification-eisr", "clarification", {
        "law": "eisr", "division": "scotland", "authority": "Loch Ard District Council", "requester": "Iain Fraser",
        "title": "Road salt stocks and gritting routes", "sent": "2025-11-03",
        "clarification_requested": "2025-11-10",
    }, date(2025, 11, 12), notes="By \"gritting routes\" I mean the priority 1 and 2 routes on the council's winter maintenance plan."),
    Case("clarification-sar", "clarification", {
        "law": "sar", "authority": "Exampleshire County Council", "requester": "Alex Morgan",
        "title": "My social care records", "sent": "2026-03-02", "clarification_requested": "2026-03-09",
    }, date(2026, 3, 11), notes="I am asking for the records held by adult social care since January 2019, including emails that mention me."),
)


def case(name: str) -> Case:
    for c in CASES:
        if c.name == name:
            return c
    raise KeyError(name)
