"""False positives are bugs too: well-scoped requests to different authorities, under each law,
must get no problem and no warning. Tips (good practice not yet followed) are allowed.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.drafting import LintContext, Severity, lint
from bot.law.regimes import Law

TODAY = date(2026, 11, 25)

WELL_SCOPED = {
"council_potholes": ("foia", """Dear Leeds City Council,

I would like the following information about pothole compensation claims.

1. The number of compensation claims for vehicle damage caused by potholes that the council received in each of the financial years 2023/24 and 2024/25 (1 April 2023 to 31 March 2025).
2. For each of those financial years, the number of those claims on which the council made a payment, and the total amount paid.
3. A copy of the council's current highway inspection manual or policy that sets the intervention level for potholes.

I would like the figures as a spreadsheet (CSV or Excel) sent by email.

If any of this information is not held in the form I have asked for, please provide the information you hold that comes closest, and advise me under section 16.

Yours faithfully,

Priya Sharma
"""),
"nhs_agency_spend": ("foia", """Dear Manchester University NHS Foundation Trust,

Please provide the following information for the financial year 2024/25 (1 April 2024 to 31 March 2025):

(a) the total amount the Trust spent on agency nursing staff;
(b) the total amount the Trust spent on agency medical staff;
(c) the number of nursing shifts filled by agency staff in the emergency department.

Please send the information electronically, in a spreadsheet if possible. If answering any part would exceed the cost limit, please answer the other parts and tell me how I could narrow the rest.

Yours sincerely,
Thomas O'Neill
"""),
"police_stop_search": ("foia", """Dear West Midlands Police,

I am requesting information about stop and search.

- How many stop and search encounters did officers carry out under section 60 of the Criminal Justice and Public Order Act 1994 between 1 January 2025 and 31 December 2025?
- Of those encounters, how many resulted in an arrest?
- Please provide a copy of each section 60 authorisation issued in the calendar year 2025, with the names of officers below the rank of superintendent removed.

I would prefer the answers by email in CSV format.

Kind regards,
Aisha Bello
"""),
"school_exclusions": ("foia", """Dear Headteacher, Oakfield Academy,

Could you please tell me how many suspensions and how many permanent exclusions the academy issued in the academic year 2024/25 (1 September 2024 to 31 August 2025)?

Please also provide a copy of the behaviour policy that was in force on 1 September 2024.

I would like to receive this electronically, by email.

Yours faithfully,
Gareth Evans
"""),
"department_consultants": ("foia", """Dear Department for Transport,

Please provide:

1) the total amount the Department paid to external management consultancy firms in the financial year 2024/25 (1 April 2024 to 31 March 2025);
2) the names of the five firms that received the largest payments in that year, with the amount paid to each.

Please send the information as a spreadsheet by email. If the information is not held in the form I have asked for, please provide what you do hold and advise me under section 16 of the Act.

Yours faithfully,

Helen Carter
"""),
"scottish_school_meals": ("foisa", """Dear City of Edinburgh Council,

Under the Freedom of Information (Scotland) Act 2002, please provide:

1. The total school meal debt owed to the council by families on 31 March 2026.
2. The number of pupils whose families had school meal debt on that date, by school stage (primary or secondary).

I would like the information electronically, by email. If any part of this request would exceed the cost limit, please advise me under section 15 how to narrow it.

Yours faithfully,
Fiona MacLeod
"""),
"eir_sewage_overflows": ("eir", """Dear Environment Agency,

I am requesting environmental information under the Environmental Information Regulations 2004.

1. The number of pollution incidents caused by storm overflows on the River Wye that the Agency recorded between 1 January 2024 and 31 December 2025.
2. A copy of the Agency's incident reports for those incidents classed as category 1 or 2.

Please send the information by email, with the figures in a spreadsheet.

Yours faithfully,

Owen Pritchard
"""),
"eisr_air_quality": ("eisr", """Dear Glasgow City Council,

Please provide the hourly nitrogen dioxide readings from the air quality monitoring station on Hope Street for the calendar year 2025 (1 January to 31 December 2025).

I would like the readings in CSV format by email.

Yours faithfully,
Callum Reid
"""),
"university_misconduct": ("foia", """Dear University of Bristol,

For each of the academic years 2022/23, 2023/24 and 2024/25, please tell me:

1. how many students were found to have committed academic misconduct involving generative artificial intelligence tools;
2. how many of those students had a penalty applied.

If you do not record cases involving generative artificial intelligence separately, please provide the total number of academic misconduct cases in each of those years instead, and advise me under section 16.

Please send this information in a spreadsheet by email.

Yours faithfully,
Daniel Kowalski
"""),
"fire_response_times": ("foia", """Dear Devon and Somerset Fire and Rescue Service,

Please could you provide the average time between a call being received and the first appliance arriving, for dwelling fires in the financial year 2024/25 (1 April 2024 to 31 March 2025), broken down by the station area of the incident.

If this information is not held in that exact form, please provide whatever you hold that comes closest.

I would like the answer electronically, as a spreadsheet.

Best regards,
Rebecca Holt
"""),
"council_contract_correspondence": ("foia", """Dear Bristol City Council,

Please provide copies of all correspondence between the council's waste services team and Veolia about missed bin collections in Southville ward, sent or received between 1 March 2026 and 30 April 2026.

Please send the documents by email as PDF files.

Yours faithfully,
Marcus Hill
"""),
"transport_cancellations": ("foia", """Dear Transport for London,

How many scheduled journeys on bus route 38 were cancelled in each month from January 2025 to December 2025?

Please provide the figures by email in a spreadsheet, and advise me under section 16 if any part of this cannot be answered as asked.

Yours faithfully,
Olu Adeyemi
"""),
"sar_own_records": ("sar", """Dear Data Protection Officer, Kent County Council,

Under Article 15 of the UK GDPR, please provide a copy of the personal data the council holds about me, including the case notes and emails about my application for a disabled parking badge made in March 2026.

Please send it to me electronically, by email.

Yours faithfully,
Joanna Price
"""),
}


@pytest.mark.parametrize("name", sorted(WELL_SCOPED))
def test_a_well_scoped_request_gets_no_problem_and_no_warning(name):
    law, text = WELL_SCOPED[name]
    findings = lint(text, LintContext(today=TODAY, law=Law(law)))
    serious = [(f.rule_id, f.quote) for f in findings if f.severity is not Severity.TIP]
    assert serious == []


def test_the_set_covers_every_law_and_at_least_ten_authorities():
    assert {law for law, _ in WELL_SCOPED.values()} == {law.value for law in Law}
    assert len(WELL_SCOPED) >= 10


@pytest.mark.parametrize("name", sorted(WELL_SCOPED))
def test_a_well_scoped_request_is_still_clean_when_sent_a_year_later(name):
    law, text = WELL_SCOPED[name]
    findings = lint(text, LintContext(today=date(2027, 6, 1), law=Law(law)))
    assert not [f for f in findings if f.severity is Severity.PROBLEM]
