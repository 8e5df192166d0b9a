"""The real case the tests replay: a WhatDoTheyKnow request to the Parliamentary and Health Service
Ombudsman (2022), quoted here so that no test reads anything outside the repository.

It shows every part foibot helps with: a broad request answered with a clarification request on one
part (the outsourcing question, which the requester then withdrew: "Simple solution: delete the
outsourcing request (for the time being)"), a reply of 8 April 2022 that gave totals where a
breakdown was asked ("As of 30 March 2022, there were 36 intake caseworkers, 198 caseworkers and 64
Senior caseworkers"), said the per-type splits were not held in that form, and attached one table
(WhatDoTheyKnow shows "1 Atodiad", one attachment: "Please see the attached table"), and a review
request that asked for an explanation ("Can you explain this discrepancy?") instead of recorded
information and was rejected ("you have not queried anything specific").
"""

from __future__ import annotations

PHSO_AUTHORITY = "Parliamentary and Health Service Ombudsman"

# The request as sent on 28 March 2022, questions only (the letter's opening and sign-off are below).
PHSO_QUESTIONS = """Could you tell me:
1) How many 'Intake' caseworkers are employed by the PHSO for dealing with 'parliamentary' cases?
2) How many caseworkers are employed by the PHSO for dealing with 'parliamentary' cases
3) How many senior caseworkers are employed by the PHSO for dealing with 'parliamentary' cases?
4) How many 'intake' caseworkers are employed by the PHSO for dealing with 'NHS' cases?
5) How many caseworkers are employed by the PHSO for dealing with 'NHS' cases?
6) How many senior caseworkers are employed by the PHSO for dealing with 'NHS' cases?

In the last 3 years, how many case investigations - from the time a caseworker has been assigned to a case till the caseworker's sends their report and decision -- have been completed in a period of 7 weeks or less?

How many of the activities/ areas of responsibility of the PHSO are handled by outsourcing organisations, and what are those activities and what is the name of the outsourcing company?"""

# After the clarification of 31 March 2022 ("delete the outsourcing request"), the last question went.
PHSO_QUESTIONS_AFTER_CLARIFICATION = PHSO_QUESTIONS.rsplit("\n\n", 1)[0] + "\n"

PHSO_ORIGINAL_REQUEST = f"Dear {PHSO_AUTHORITY},\n\n{PHSO_QUESTIONS}\n\nYours faithfully,\n\nDudley Jones\n"

PHSO_REVIEW_REQUEST = """Dear Parliamentary and Health Service Ombudsman,

Please pass this on to the person who conducts Freedom of Information reviews.

I am writing to request an internal review of Parliamentary and Health Service Ombudsman's handling of my FOI request 'Number of caseworkers employed by the PHSO and length of time taken to respond to complaints'.

The information you have provided here appears to suggest the PHSO employs about 300 staff but a job advert for a 'facilities manager' (the closing date for which is 14/4/22) says you employ 'approximately 600 staff'. Can you explain this discrepancy?

Assuming both your FOI information response AND your job advert are truthful, the only explanation would appear to be you have a top-heavy management tier, or that you employ as many admin support staff and managers as you do those working on cases involving actual complaints about 'parliamentary' figures like the Treasury Solicitor (I have recently complained about the Treasury Solicitor) or actual complaints about the NHS).

Yours faithfully,

Dudley Jones
"""
