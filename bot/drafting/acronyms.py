"""Short forms that need no spelling out in a request (data, not logic).

``COMMON_ACRONYMS``: what any UK public authority reads without asking, with what each stands for
(the list is short on purpose: a term only some authorities use, such as EHCP, is still worth
spelling out). ``NOT_TERMS``: capitals that are not terms at all (file formats, company
suffixes, quarters, Roman numerals). The authority's own short name ("DVSA", "MoJ") is added per
request from the authority's record and its initials (``bot.drafting.detectors.undefined_terms``).
A plural ("GPs", "MPs") counts as its singular.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

COMMON_ACRONYMS: Mapping[str, str] = MappingProxyType({
    "UK": "United Kingdom",
    "GB": "Great Britain",
    "EU": "European Union",
    "NHS": "National Health Service",
    "GP": "general practitioner",
    "A&E": "accident and emergency",
    "HM": "His or Her Majesty's",
    "HMRC": "HM Revenue and Customs",
    "DWP": "Department for Work and Pensions",
    "MP": "Member of Parliament",
    "MSP": "Member of the Scottish Parliament",
    "MS": "Member of the Senedd",
    "FOI": "freedom of information",
    "FOIA": "Freedom of Information Act 2000",
    "FOISA": "Freedom of Information (Scotland) Act 2002",
    "EIR": "Environmental Information Regulations 2004",
    "EISR": "Environmental Information (Scotland) Regulations 2004",
    "GDPR": "General Data Protection Regulation",
    "DPA": "Data Protection Act 2018",
    "SAR": "subject access request",
    "ICO": "Information Commissioner's Office",
    "VAT": "value added tax",
    "CCTV": "closed-circuit television",
    "IT": "information technology",
    "HR": "human resources",
    "ID": "identity or identifier",
    "CEO": "chief executive officer",
    "SEN": "special educational needs",
    "SEND": "special educational needs and disabilities",
    "MOT": "the annual vehicle test",
    "HGV": "heavy goods vehicle",
    "COVID": "coronavirus disease",
    "PPE": "personal protective equipment",
    "BBC": "British Broadcasting Corporation",
    "CO2": "carbon dioxide",
    "NO2": "nitrogen dioxide",
    "PM10": "particulate matter up to 10 micrometres",
})

NOT_TERMS: frozenset[str] = frozenset(
    "US USA UN TV OK AM PM PDF CSV XLSX ODS LTD PLC LLP CIC Q1 Q2 Q3 Q4 II III IV VI VII VIII IX XI XII".split()
)
