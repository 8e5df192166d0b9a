"""The PHSO reply of 8 April 2022, read end to end (the real case in the issue).

Source: WhatDoTheyKnow, "Number of caseworkers employed by the PHSO and length of time taken to
respond to complaints" (Dudley Jones to the Parliamentary and Health Service Ombudsman, March to
May 2022): the request of 28 March 2022 and the PHSO's response of 8 April 2022, quoted as published
(the response quotes the request back, first question's number lost, which the reader must skip).
"""

from __future__ import annotations

from bot.reading import AnswerStatus, Kind, ReadOutcome, read_reply
from bot.tracking.letters import split_questions

REQUEST = """\
Could you tell me:
1) How many 'Intake' caseworkers are employed by the PHSO for dealing with 'parliamentary' cases?
2) How many caseworkers are employed by the PHSO for dealing with 'parliamentary' cases
3) How many senior caseworkers are employed by the PHSO for dealing with 'parliamentary' cases?
4) How many 'intake' caseworkers are employed by the PHSO for dealing with 'NHS' cases?
5) How many caseworkers are employed by the PHSO for dealing with 'NHS' cases?
6) How many senior caseworkers are employed by the PHSO for dealing with 'NHS' cases?

In the last 3 years, how many case investigations - from the time a caseworker has been assigned to a case till the caseworker's sends their report and decision -- have been completed in a period of 7 weeks or less?

How many of the activities/ areas of responsibility of the PHSO are handled by outsourcing organisations, and what are those activities and what is the name of the outsourcing company?
"""

RESPONSE_8_APRIL_2022 = """\
Dear Dudley Jones

Thank you for your email of 28 March 2022 in which you requested
information from the Parliamentary and Health Service Ombudsman. Your
request has been handled in accordance with the Freedom of Information Act
2000.

Your request for information:

“Could you tell me:

• How many 'Intake' caseworkers are employed by the PHSO for dealing
with 'parliamentary' cases?

2) How many caseworkers are employed by the PHSO for dealing with
'parliamentary' cases

3) How many senior caseworkers are employed by the PHSO for dealing with
'parliamentary' cases?

4) How many 'intake' caseworkers are employed by the PHSO for dealing with
'NHS' cases?

5) How many caseworkers are employed by the PHSO for dealing with 'NHS'
cases?

6) How many senior caseworkers are employed by the PHSO for dealing with
'NHS' cases?

In the last 3 years, how many case investigations - from the time a
caseworker has been assigned to a case till the caseworker's sends their
report and decision -- have been completed in a period of 7 weeks or less?

How many of the activities/ areas of responsibility of the PHSO are
handled by outsourcing organisations, and what are those activities and
what is the name of the outsourcing company?”

Our response:

As of 30 March 2022, there were 36 intake caseworkers, 198 caseworkers and
64 Senior caseworkers employed by Parliamentary and Health Service
Ombudsman.

We will deal with the rest of the points raised in turn.

1. All intake caseworkers deal with both health and parliamentary work.

2. All caseworkers are employed on job descriptions to work on all cases,
not specifically on health or parliamentary.

However, internally we have four teams who focus on parliamentary work,
although they may be required to also consider health cases due to
business demand. There are 29 caseworkers across the four teams.

3. Senior caseworkers are employed on job descriptions to work on cases,
not specifically on health and parliamentary. Parliamentary cases will
therefore be allocated to individuals as required.

4. As question 1.

5. Current caseworker numbers minus the four teams mentioned in Question
2, so in essence 198 – 29 = 169 but with caveat that our parliamentary
teams may still undertake some health work.

6. As question 3.

Please see the attached table in relation to the number of cases closed
within 7 weeks of being assigned to a caseworker at detailed
investigation.

After seeking clarification, you decided that you no longer wanted the
detail relating to the activities that are outsourced.

We hope that this information is useful.

If you believe we have made an error in the way we have processed your
information request, it is open to you to request an internal review. You
can do this by writing to us by post or by email to
[1][PHSO request email]. You will need to specify what the
nature of the issue is and we can consider the matter further. Beyond
that, it is open to you to complain to the Information Commissioner’s
Office ([2]www.ico.org.uk).

Yours sincerely

Angharad Jackson

Data Protection Officer

Parliamentary and Health Service Ombudsman

PHSO CityGate

47-51 Mosley Street

Manchester

M2 3HQ

E: [3][email address]

W: [4]www.ombudsman.org.uk

For information rights enquiries, please contact
[5][PHSO request email]
"""


def _read():
    return read_reply(RESPONSE_8_APRIL_2022, law="foia", questions=split_questions(REQUEST))


def test_the_phso_reply_is_a_partially_successful_response_relying_on_no_exemption() -> None:
    reading = _read()
    assert reading.kind is Kind.RESPONSE
    assert reading.outcome is ReadOutcome.PARTIALLY_SUCCESSFUL
    assert reading.relied_labels() == []
    assert reading.exemption_ids() == []


def test_the_phso_reply_refers_to_one_attachment_the_seven_weeks_table() -> None:
    reading = _read()
    assert reading.attachments_referred == 1
    assert "attached table" in reading.attachment_spans[0].text
    assert "7 weeks" in reading.attachment_spans[0].text


def test_the_phso_questions_are_read_one_by_one() -> None:
    answers = {a.number: a for a in _read().answers}
    assert answers[1].status is AnswerStatus.NOT_HELD_IN_FORM  # "deal with both health and parliamentary work"
    assert answers[3].status is AnswerStatus.NOT_HELD_IN_FORM  # "not specifically on health and parliamentary"
    assert answers[2].status is AnswerStatus.ANSWERED  # "There are 29 caseworkers across the four teams"
    assert answers[5].status is AnswerStatus.ANSWERED  # "198 - 29 = 169"
    assert (answers[4].status, answers[4].to) == (AnswerStatus.REFERS_TO, 1)
    assert (answers[6].status, answers[6].to) == (AnswerStatus.REFERS_TO, 3)
    assert answers[7].status is AnswerStatus.ANSWERED  # the seven-weeks question: the attached table
    assert answers[8].status is AnswerStatus.WITHDRAWN  # the outsourcing part, withdrawn after clarification
    assert "no longer wanted" in answers[8].span.text


def test_the_phso_reply_leaves_no_clarification_part_and_states_both_rights() -> None:
    reading = _read()
    assert reading.clarification_part == ()
    assert not any(a.status is AnswerStatus.UNCLEAR for a in reading.answers)
    assert reading.review_rights.value is True and reading.regulator_rights.value is True
    assert reading.gaps == ()


def test_the_quoted_request_is_not_read_as_the_authoritys_answers() -> None:
    answers = {a.number: a for a in _read().answers}
    assert answers[1].span.text.startswith("All intake caseworkers")
