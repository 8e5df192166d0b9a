"""Which provision says what, per law, so a rule's "why" names the right section.

A rule's ``why`` and ``source`` are templates over these keys (``{cost}``, ``{advice}``, ...):
FOISA requests cite FOISA (s.15 advice, s.12 £600), EIR requests never mention a cost limit
(there is none: reg 12(4)(b) "manifestly unreasonable" instead), and a subject access request
cites the UK GDPR. Sources: design part 4-5, research/foi-rules.md 1.4, 2, 3, 4.
"""

from __future__ import annotations

import logging
from types import MappingProxyType
from typing import Mapping

from bot.law.regimes import Law, regime

log = logging.getLogger(__name__)

_ICO_GUIDE = "ICO, 'Preparing and submitting your information request' (ico.org.uk)"
_SIC_GUIDE = "Scottish Information Commissioner, 'How do I ask for information?' (itspublicknowledge.info)"

_CITATIONS: dict[Law, dict[str, str]] = {
    Law.FOIA: {
        "valid_guide": "ICO, 'Recognising a request made under the FOIA (section 8)'",
        "personal_guide": "ICO, 'Requests for personal data about public authority employees'",
        "cost_cite": "FOIA s.12; SI 2004/3244 regs 3-5",
        "cost_short": "the cost limit (s.12)",
        "env_title": "Environmental Information Regulations 2004",
        "recorded": 'FOIA s.1(1) and s.84: "information" means information recorded in any form',
        "advice": "FOIA s.16: advice and assistance",
        "advice_section": "section 16",
        "format": "FOIA s.11: means of communication; s.11(1A) re-usable datasets",
        "format_section": "section 11",
        "cost": (
            "the cost limit (FOIA s.12 and the Fees Regulations, SI 2004/3244: £600 for central government, "
            "£450 for other authorities, at £25 an hour; similar requests within 60 working days can be added together)"
        ),
        "clarify": "FOIA s.1(3): the authority may ask what you mean, and the 20 working days restart when you answer",
        "vexatious": "FOIA s.14(1): vexatious requests",
        "personal": "FOIA s.40(2): other people's personal data",
        "own_data": "FOIA s.40(1): your own personal data is absolutely exempt under FOI",
        "published": "FOIA s.21, information reasonably accessible by other means, and the s.19 publication scheme",
        "valid": "FOIA s.8(1)(b): a valid request states the applicant's name and an address for correspondence",
        "environmental": "FOIA s.39 and the Environmental Information Regulations 2004",
        "regulator": "the ICO",
        "guide": _ICO_GUIDE,
    },
    Law.EIR: {
        "valid_guide": "ICO, 'Recognising a request made under the FOIA (section 8)'",
        "personal_guide": "ICO, 'Requests for personal data about public authority employees'",
        "cost_cite": "EIR reg 12(4)(b)",
        "cost_short": "'manifestly unreasonable' grounds (reg 12(4)(b))",
        "env_title": "Environmental Information Regulations 2004",
        "recorded": "EIR reg 2(1): information in written, visual, aural, electronic or any other material form",
        "advice": "EIR reg 9: advice and assistance",
        "advice_section": "regulation 9",
        "format": "EIR reg 6(1): a particular form or format",
        "format_section": "regulation 6",
        "cost": (
            "refusal as manifestly unreasonable (EIR reg 12(4)(b): the EIR have no cost limit, but a request whose "
            "burden is grossly out of proportion can be refused)"
        ),
        "clarify": "EIR reg 9(2) and reg 12(4)(c): a request formulated in too general a manner",
        "vexatious": "EIR reg 12(4)(b): manifestly unreasonable requests",
        "personal": "EIR reg 13: other people's personal data",
        "own_data": "EIR reg 5(3): your own personal data is not disclosed under the EIR",
        "published": "EIR reg 6(1)(b): information already publicly available and easily accessible",
        "valid": (
            "EIR reg 5(1): the EIR do not require a name, but the authority needs an address to reply to, "
            "and a request that turns out to be FOIA needs both (FOIA s.8(1)(b))"
        ),
        "environmental": "EIR reg 2(1)",
        "regulator": "the ICO",
        "guide": _ICO_GUIDE,
    },
    Law.FOISA: {
        "valid_guide": "Scottish Information Commissioner, 'How do I ask for information?' (give your real name)",
        "personal_guide": "Scottish Information Commissioner, guidance on section 38 (personal information)",
        "cost_cite": "FOISA s.12; SSI 2004/467",
        "cost_short": "the cost limit (s.12)",
        "env_title": "Environmental Information (Scotland) Regulations 2004",
        "recorded": 'FOISA s.1(1) and s.73: "information" means information recorded in any form',
        "advice": "FOISA s.15: advice and assistance",
        "advice_section": "section 15",
        "format": "FOISA s.11: means of providing information",
        "format_section": "section 11",
        "cost": "the excessive-cost limit (FOISA s.12 and the Fees Regulations, SSI 2004/467: £600)",
        "clarify": "FOISA s.1(3): the authority may ask what you mean, and the 20 working days restart when you answer",
        "vexatious": "FOISA s.14(1): vexatious requests",
        "personal": "FOISA s.38(1)(b): other people's personal data",
        "own_data": "FOISA s.38(1)(a): your own personal data is absolutely exempt under FOISA",
        "published": "FOISA s.25, information otherwise accessible, and the s.23 publication scheme",
        "valid": "FOISA s.8(1)(b): a valid request contains the applicant's name and an address for correspondence",
        "environmental": "FOISA s.39(2) and the Environmental Information (Scotland) Regulations 2004",
        "regulator": "the Scottish Information Commissioner",
        "guide": _SIC_GUIDE,
    },
    Law.EISR: {
        "valid_guide": "Scottish Information Commissioner, 'How do I ask for information?' (give your real name)",
        "personal_guide": "Scottish Information Commissioner, guidance on section 38 (personal information)",
        "cost_cite": "EISR reg 10(4)(b)",
        "cost_short": "'manifestly unreasonable' grounds (reg 10(4)(b))",
        "env_title": "Environmental Information (Scotland) Regulations 2004",
        "recorded": "EISR reg 2(1): information in written, visual, aural, electronic or any other material form",
        "advice": "EISR reg 9: advice and assistance",
        "advice_section": "regulation 9",
        "format": "EISR reg 6(1): a particular form or format",
        "format_section": "regulation 6",
        "cost": (
            "refusal as manifestly unreasonable (EISR reg 10(4)(b): the EISR have no cost limit, but a request "
            "whose burden is grossly out of proportion can be refused)"
        ),
        "clarify": "EISR reg 9(2) and reg 10(4)(c): a request formulated in too general a manner",
        "vexatious": "EISR reg 10(4)(b): manifestly unreasonable requests",
        "personal": "EISR reg 11: other people's personal data",
        "own_data": "EISR reg 11(1): your own personal data is not disclosed under the EISR",
        "published": "EISR reg 6(1)(b): information already publicly available and easily accessible",
        "valid": (
            "EISR reg 5(1): the EISR do not require a name, but the authority needs an address to reply to, "
            "and a request that turns out to be FOISA needs both (FOISA s.8(1)(b))"
        ),
        "environmental": "EISR reg 2(1)",
        "regulator": "the Scottish Information Commissioner",
        "guide": _SIC_GUIDE,
    },
    Law.SAR: {
        "valid_guide": "ICO, 'Preparing and submitting your subject access request'",
        "personal_guide": "ICO, 'Requests for personal data about public authority employees'",
        "cost_cite": "UK GDPR art.12(5)",
        "cost_short": "'manifestly unfounded or excessive' grounds (art.12(5))",
        "env_title": "Environmental Information Regulations 2004",
        "recorded": "UK GDPR art.15: right of access to your own personal data",
        "advice": "UK GDPR art.12(2): the controller must make exercising your rights easy",
        "advice_section": "Article 12(2)",
        "format": "UK GDPR art.15(3): a request made electronically is answered in a commonly used electronic form",
        "format_section": "Article 15(3)",
        "cost": "refusal as manifestly unfounded or excessive (UK GDPR art.12(5))",
        "clarify": "DUAA 2025 s.76: a clarification request stops the one-month clock",
        "vexatious": "UK GDPR art.12(5): manifestly unfounded or excessive requests",
        "personal": "UK GDPR art.15(4): the rights of others",
        "own_data": "UK GDPR art.15",
        "published": "UK GDPR art.15",
        "valid": "UK GDPR art.12(6): the controller may ask for what it needs to confirm your identity",
        "environmental": "EIR reg 2(1)",
        "regulator": "the ICO",
        "guide": "ICO, 'Preparing and submitting your subject access request' (ico.org.uk)",
    },
}


def citations(law: Law) -> Mapping[str, str]:
    """The citation keys for ``law``, plus ``act`` (the short name) and ``title`` (the full one)."""
    return _FROZEN[Law(law)]


def _freeze() -> dict[Law, Mapping[str, str]]:
    frozen: dict[Law, Mapping[str, str]] = {}
    for law, table in _CITATIONS.items():
        entry = dict(table)
        entry["act"] = regime(law).short
        entry["title"] = regime(law).title
        frozen[law] = MappingProxyType(entry)
    return frozen


_FROZEN = _freeze()
