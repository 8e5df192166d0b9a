"""An extension counts only when notified within the first period (worked out by hand, day by day).

The rules, as the provisions say them: EIR reg 7(3) "must tell the requester within the first 20 WD"; EISR reg 7 "tell
requester within 20 WD"; FOIA s.10(3) "the s.17(1) refusal notice ... must still be sent within
20 WD"; UK GDPR art.12(3) "may extend by two further months, telling the requester within the
first month".
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.law import Division, Law, RequestFacts
from bot.law.extensions import extension_notice_limit, late_extension_note

D = date

# EIR received Mon 3 Nov 2025: the 20th working day is Tue 2 Dec 2025 (Mon 1 Dec, St Andrew's Day's
# substitute in Scotland, is not a working day anywhere in the UK for EIR, reg 2(1)).
EIR_NOV = RequestFacts(Law.EIR, received=D(2025, 11, 3))

# (case, facts, day notified, counts?, words the refusal note must contain)
CASES = [
    ("EIR on the 20th working day", EIR_NOV, D(2025, 12, 2), True, ""),
    ("EIR the day after", EIR_NOV, D(2025, 12, 3), False, "EIR reg 7(3)"),
    ("EIR weeks later (the review's example)", EIR_NOV, D(2025, 12, 10), False, "still due by Tue 2 December 2025"),
    ("EISR after the 20 working days", RequestFacts(Law.EISR, Division.SCOTLAND, received=D(2025, 11, 3)), D(2025, 12, 3), False, "EISR reg 7"),
    # FOIA received Mon 6 Jan 2025: due Mon 3 Feb 2025.
    ("FOIA public interest, in time", RequestFacts(Law.FOIA, received=D(2025, 1, 6)), D(2025, 2, 3), True, ""),
    ("FOIA public interest, too late", RequestFacts(Law.FOIA, received=D(2025, 1, 6)), D(2025, 2, 4), False, "s.17(1)"),
    # Received Sat 15 Mar 2025: ICO date Mon 14 Apr, next-working-day reading Tue 15 Apr; the later one is used.
    ("FOIA received on a Saturday, later reading", RequestFacts(Law.FOIA, received=D(2025, 3, 15)), D(2025, 4, 15), True, ""),
    ("FOIA received on a Saturday, after both", RequestFacts(Law.FOIA, received=D(2025, 3, 15)), D(2025, 4, 16), False, "Mon 14 April 2025"),
    # A school has until the 60th working day at most (SI 2004/3364 reg 3); without a school calendar
    # foibot cannot say the 20 school days had run out.
    ("FOIA school after 20 working days", RequestFacts(Law.FOIA, received=D(2025, 1, 6), school=True), D(2025, 2, 20), True, ""),
    # SAR received Fri 31 Jan 2025: the month ends Fri 28 Feb 2025.
    ("SAR within the month", RequestFacts(Law.SAR, received=D(2025, 1, 31)), D(2025, 2, 28), True, ""),
    ("SAR after the month", RequestFacts(Law.SAR, received=D(2025, 1, 31)), D(2025, 3, 3), False, "UK GDPR art.12(3)"),
    # The clock restarted with a clarification received Mon 8 Dec 2025: 20 working days end Fri 9 Jan 2026
    # (25-26 Dec and 1-2 Jan skipped).
    (
        "EIR after a clarification restarted the clock",
        RequestFacts(Law.EIR, received=D(2025, 11, 3), clarification_requested=D(2025, 11, 5), clarification_received=D(2025, 12, 8)),
        D(2025, 12, 10),
        True,
        "",
    ),
    # An unpaid fee stops the clock: nothing can be late while it runs no more.
    ("FOIA with a fee unpaid", RequestFacts(Law.FOIA, received=D(2025, 1, 6), fee_notice=D(2025, 1, 8)), D(2025, 5, 1), True, ""),
]


@pytest.mark.parametrize(("case", "facts", "notified", "counts", "words"), CASES, ids=[c[0] for c in CASES])
def test_an_extension_counts_only_when_notified_within_the_first_period(
    case: str, facts: RequestFacts, notified: date, counts: bool, words: str
) -> None:
    note = late_extension_note(facts, notified, D(2026, 6, 1))
    if counts:
        assert note is None, case
    else:
        assert note is not None and "so it does not extend the time" in note and words in note, (case, note)


def test_the_notice_limit_is_the_latest_reading_of_the_first_period() -> None:
    limit = extension_notice_limit(RequestFacts(Law.FOIA, received=D(2025, 3, 15)))
    assert limit is not None and (limit.key, limit.due) == ("response_due_next_working_day", D(2025, 4, 15))
    assert extension_notice_limit(RequestFacts(Law.FOIA, received=D(2025, 1, 6), fee_notice=D(2025, 1, 8))) is None


def test_foisa_has_no_extension_to_judge() -> None:
    # The event table refuses an extension under FOISA before this is asked.
    assert late_extension_note(RequestFacts(Law.FOISA, Division.SCOTLAND, received=D(2025, 11, 3)), D(2026, 1, 5), D(2026, 2, 1)) is None
