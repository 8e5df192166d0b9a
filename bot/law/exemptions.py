"""Exemptions, exceptions and refusal grounds as data, and a parser for how people write them.

One entry per provision, per law family: FOIA 2000 Part II (plus s.12 cost and s.14 vexatious,
which are refusal grounds in Part I, not exemptions), EIR 2004 regs 12-13, FOISA 2002 Part 2
(plus its s.12 and s.14) and EISR 2004 regs 10-11. Each entry says whether it is absolute, whether
a public interest test applies, whether it is prejudice-based or class-based, and what a review
should argue. The letters' grounds engine reads this table; it never branches on section numbers.

Ids are law-independent spellings of the provision ("s43", "s40(2)", "r12(4)(b)"); the same id
means different things under FOIA and FOISA (FOIA s.30 is investigations, FOISA s.30 is the
conduct of public affairs), so lookups always take the law.

Sources: FOIA s.2(3) (absolute exemptions, as amended) and Part II, the ICO's guidance on each section (Ulster University list, corporateaccountability.org.uk absolute list); EIR regs 12-13
(legislation.gov.uk/uksi/2004/3391/regulation/12); FOISA s.2(2) and Part 2
(legislation.gov.uk/asp/2002/13); EISR regs 10-11 (legislation.gov.uk/ssi/2004/520).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Literal

from bot.errors import BadInput

log = logging.getLogger(__name__)

Family = Literal["foia", "eir", "foisa", "eisr"]
Test = Literal["prejudice", "class", "necessity", "refusal", "not-held"]


@dataclass(frozen=True)
class Exemption:
    """One provision an authority can rely on to withhold information or refuse a request."""

    family: Family
    id: str                 # "s43(2)", "r12(5)(e)"
    name: str               # "Commercial interests"
    absolute: bool          # no public interest test (FOIA s.2(3), FOISA s.2(2))
    public_interest: bool   # a public interest argument is available in a review
    test: Test              # prejudice-based, class-based, ... (ICO terms)
    argument: str           # what a review should argue, one or two sentences
    refusal: bool = False   # a refusal ground (s.12, s.14), not an exemption

    @property
    def label(self) -> str:
        """How a letter names it: "section 43(2)", "regulation 12(5)(e)"."""
        word = "regulation" if self.id.startswith("r") else "section"
        return f"{word} {self.id[1:]}"

    @property
    def short_label(self) -> str:
        """Compact form for lists and menus: "s.43(2)", "reg 12(5)(e)"."""
        return f"reg {self.id[1:]}" if self.id.startswith("r") else f"s.{self.id[1:]}"

    @property
    def prejudice_based(self) -> bool:
        return self.test == "prejudice"


def _q(family: Family, id_: str, name: str, test: Test, argument: str) -> Exemption:
    """A qualified provision: the public interest test applies."""
    return Exemption(family, id_, name, absolute=False, public_interest=True, test=test, argument=argument)


def _a(family: Family, id_: str, name: str, test: Test, argument: str) -> Exemption:
    """An absolute provision: no public interest test."""
    return Exemption(family, id_, name, absolute=True, public_interest=False, test=test, argument=argument)


def _r(family: Family, id_: str, name: str, argument: str) -> Exemption:
    """A refusal ground about the request itself (cost, vexatious): no exemption, no public interest test."""
    return Exemption(family, id_, name, absolute=False, public_interest=False, test="refusal",
                     argument=argument, refusal=True)


_PREJUDICE = "The harm claimed must be real, actual and of substance, and the refusal must show how disclosure would cause it."
_SUBSTANTIAL = "The harm claimed must be substantial prejudice, shown rather than asserted, and at the time of the request."
_ADVERSE = "The exception needs an adverse effect that is more probable than not, and it must be interpreted restrictively (reg 12(2))."

# FOIA 2000. Absolute: s.2(3) lists ss.21, 23, 32, 34, 36 (Houses of Parliament only), 37(1)(a)-(ab),
# 40 (first condition), 41, 44; every other exemption is qualified (FOIA s.2(3)).
FOIA: tuple[Exemption, ...] = (
    _r("foia", "s12", "Cost of compliance exceeds the appropriate limit",
       "The refusal must rest on a reasonable estimate of the four permitted activities, and come with advice on narrowing the request (s.16)."),
    _r("foia", "s14", "Vexatious or repeated request",
       "Vexatiousness concerns the request, not the requester; a request with a serious purpose and value is not vexatious."),
    _a("foia", "s21", "Information accessible to the applicant by other means", "class",
       "The information must be reasonably accessible to me in particular, and the authority must say precisely where."),
    _q("foia", "s22", "Information intended for future publication", "class",
       "There must have been a settled intention to publish when the request was made, and withholding until then must be reasonable."),
    _q("foia", "s22A", "Research", "prejudice",
       "The research programme must be ongoing, publication intended, and the prejudice to it shown."),
    _a("foia", "s23", "Information supplied by, or relating to, bodies dealing with security matters", "class",
       "The information must have been supplied by, or relate to, one of the bodies listed in s.23(3)."),
    _q("foia", "s24", "National security", "necessity",
       "Exemption must be required to safeguard national security, and the public interest still applies."),
    _q("foia", "s26", "Defence", "prejudice", _PREJUDICE),
    _q("foia", "s27", "International relations", "prejudice", _PREJUDICE),
    # FOIA s.27 and the ICO s.27 guidance: s.27(1) is prejudice-based, s.27(2) (confidential information from another
    # State or an international organisation or court) is class-based, so it needs no harm shown.
    _q("foia", "s27(1)", "International relations", "prejudice", _PREJUDICE),
    _q("foia", "s27(2)", "Confidential information from other States or international organisations", "class",
       "It covers only information obtained from another State or an international organisation or court that is still "
       "confidential under the terms or circumstances in which it was obtained (s.27(3)); the public interest still applies."),
    _q("foia", "s28", "Relations within the United Kingdom", "prejudice", _PREJUDICE),
    _q("foia", "s29", "The economy", "prejudice", _PREJUDICE),
    _q("foia", "s30", "Investigations and proceedings conducted by public authorities", "class",
       "Only information held for a specified investigation is covered, and the public interest favours disclosure once it is concluded."),
    _q("foia", "s31", "Law enforcement", "prejudice",
       "The refusal must name the s.31(1) purpose and show how disclosure would prejudice it."),
    _a("foia", "s32", "Court records", "class",
       "Only documents held solely because they were filed with, served by or created by a court are covered."),
    _q("foia", "s33", "Audit functions", "prejudice", _PREJUDICE),
    _a("foia", "s34", "Parliamentary privilege", "class",
       "Only information whose exemption is required to avoid an infringement of parliamentary privilege is covered."),
    _q("foia", "s35", "Formulation of government policy", "class",
       "Only government departments and the Welsh Government can rely on it, and the safe space weakens once the policy is settled."),
    _q("foia", "s36", "Prejudice to effective conduct of public affairs", "prejudice",
       "It needs a reasonable opinion of the authority's qualified person, given before the refusal; the public interest still applies."),
    _a("foia", "s37(1)(a)", "Communications with the Sovereign", "class",
       "Only communications with the Sovereign herself or himself are absolutely exempt."),
    _a("foia", "s37(1)(aa)", "Communications with the heir to the Throne", "class",
       "Only communications with the heir or second in line are absolutely exempt."),
    _a("foia", "s37(1)(ab)", "Communications with the second in line to the Throne", "class",
       "Only communications with the heir or second in line are absolutely exempt."),
    _q("foia", "s37", "Communications with the Royal Family and honours", "class",
       "Outside s.37(1)(a)-(ab) this exemption is qualified, and the public interest applies."),
    _q("foia", "s38", "Health and safety", "prejudice",
       "The endangerment claimed must be real and specific to disclosure of this information."),
    _q("foia", "s39", "Environmental information", "class",
       "Environmental information must then be dealt with under the EIR, with their presumption in favour of disclosure."),
    _a("foia", "s40", "Personal information", "class",
       "Information that can be anonymised or aggregated is not personal data, and disclosure can be lawful under Article 6(1)(f)."),
    _a("foia", "s40(1)", "The requester's own personal data", "class",
       "My own personal data should be dealt with as a subject access request instead."),
    _a("foia", "s40(2)", "Personal data of third parties", "class",
       "Information that can be anonymised or aggregated is not personal data, and disclosure can be lawful under Article 6(1)(f)."),
    _a("foia", "s41", "Information provided in confidence", "class",
       "It covers only information obtained from another person whose disclosure would be an actionable breach of confidence."),
    _q("foia", "s42", "Legal professional privilege", "class",
       "Privilege may have been waived, and the public interest can outweigh it."),
    _q("foia", "s43", "Commercial interests", "prejudice",
       "The refusal must say whose commercial interests would be harmed and how, with evidence from any third party."),
    _q("foia", "s43(1)", "Trade secrets", "class",
       "A trade secret must be information whose disclosure would harm its owner and which is not already known."),
    _q("foia", "s43(2)", "Commercial interests", "prejudice",
       "The refusal must say whose commercial interests would be harmed and how, with evidence from any third party."),
    _a("foia", "s44", "Prohibitions on disclosure", "class",
       "The refusal must name the enactment or obligation that prohibits disclosure."),
)

# EIR 2004: every reg 12 exception is subject to the public interest test with a presumption in
# favour of disclosure (reg 12(1)(b), 12(2)). Reg 13 personal data is separate: under its first
# condition (reg 13(2A)) no public interest test applies, so it is treated as absolute here.
EIR: tuple[Exemption, ...] = (
    Exemption("eir", "r12(4)(a)", "Information not held when the request was received", absolute=False,
              public_interest=False, test="not-held",  # nothing is held, so there is nothing to weigh
              argument="The searches must have been adequate and appropriately targeted."),
    _q("eir", "r12(4)(b)", "Manifestly unreasonable request", "refusal",
       "'Manifestly' sets a high bar; the public interest applies, and advice on narrowing is due under reg 9."),
    _q("eir", "r12(4)(c)", "Request formulated in too general a manner", "refusal",
       "The authority must first have asked for particulars and given advice under reg 9."),
    _q("eir", "r12(4)(d)", "Material still in the course of completion, unfinished documents or incomplete data", "class",
       "Finished documents and completed data within an unfinished project are not covered; the public interest applies."),
    _q("eir", "r12(4)(e)", "Internal communications", "class", "The public interest applies, with a presumption in favour of disclosure."),
    _q("eir", "r12(5)(a)", "International relations, defence, national security or public safety", "prejudice", _ADVERSE),
    _q("eir", "r12(5)(b)", "The course of justice and inquiries", "prejudice", _ADVERSE),
    _q("eir", "r12(5)(c)", "Intellectual property rights", "prejudice", _ADVERSE),
    _q("eir", "r12(5)(d)", "Confidentiality of proceedings", "prejudice", _ADVERSE),
    _q("eir", "r12(5)(e)", "Confidentiality of commercial or industrial information", "prejudice",
       "Each of the four conditions must be met, and reg 12(9) excludes information on emissions."),
    _q("eir", "r12(5)(f)", "Interests of the person who provided the information", "prejudice", _ADVERSE),
    _q("eir", "r12(5)(g)", "Protection of the environment", "prejudice", _ADVERSE),
    _a("eir", "r13", "Personal data of third parties", "class",
       "Information that can be anonymised or aggregated is not personal data, and disclosure can be lawful under Article 6(1)(f)."),
)

# FOISA 2002: absolute under s.2(2): ss.25, 26, 36(2), 37, 38(1)(a),(c),(d) and 38(1)(b) under its
# first condition; the rest are qualified. FOISA's harm test is "substantial prejudice".
FOISA: tuple[Exemption, ...] = (
    _r("foisa", "s12", "Excessive cost of compliance",
       "The refusal must rest on a reasonable estimate of the cost, and come with advice on narrowing the request (s.15)."),
    _r("foisa", "s14", "Vexatious or repeated request",
       "Vexatiousness concerns the request, not the requester; a request with a serious purpose and value is not vexatious."),
    _a("foisa", "s25", "Information otherwise accessible", "class",
       "The information must be reasonably obtainable by me other than by requesting it, and the authority must say where."),
    _a("foisa", "s26", "Prohibitions on disclosure", "class",
       "The refusal must name the enactment or obligation that prohibits disclosure."),
    _q("foisa", "s27", "Information intended for future publication", "class",
       "Publication must have been intended, when the request was made, within 12 weeks of it."),
    _q("foisa", "s28", "Relations within the United Kingdom", "prejudice", _SUBSTANTIAL),
    _q("foisa", "s29", "Formulation of Scottish Administration policy", "class",
       "Only the Scottish Administration can rely on it, and factual and statistical information is treated differently once a decision is taken."),
    _q("foisa", "s30", "Prejudice to effective conduct of public affairs", "prejudice", _SUBSTANTIAL),
    _q("foisa", "s31", "National security and defence", "necessity",
       "Exemption must be required to safeguard national security, and the public interest still applies."),
    _q("foisa", "s32", "International relations", "prejudice", _SUBSTANTIAL),
    _q("foisa", "s33", "Commercial interests and the economy", "prejudice",
       "The refusal must say whose commercial interests would be substantially prejudiced and how."),
    _q("foisa", "s34", "Investigations by Scottish public authorities", "class",
       "Only information held for a specified investigation is covered, and the public interest favours disclosure once it is concluded."),
    _q("foisa", "s35", "Law enforcement", "prejudice", "The refusal must name the s.35(1) purpose and show substantial prejudice to it."),
    _q("foisa", "s36(1)", "Confidentiality in legal proceedings (legal professional privilege)", "class",
       "Privilege may have been waived, and the public interest can outweigh it."),
    _a("foisa", "s36(2)", "Information provided in confidence", "class",
       "It covers only information obtained from another person whose disclosure would be an actionable breach of confidence."),
    _a("foisa", "s37", "Court records", "class", "Only documents created or held for court or inquiry proceedings are covered."),
    _a("foisa", "s38", "Personal information", "class",
       "Information that can be anonymised or aggregated is not personal data, and disclosure can be lawful under Article 6(1)(f)."),
    _a("foisa", "s38(1)(a)", "The requester's own personal data", "class",
       "My own personal data should be dealt with as a subject access request instead."),
    _a("foisa", "s38(1)(b)", "Personal data of third parties", "class",
       "Information that can be anonymised or aggregated is not personal data, and disclosure can be lawful under Article 6(1)(f)."),
    _q("foisa", "s39", "Health, safety and the environment", "prejudice", _SUBSTANTIAL),
    _q("foisa", "s40", "Audit functions", "prejudice", _SUBSTANTIAL),
    _q("foisa", "s41", "Communications with His Majesty and honours", "class", "The public interest applies."),
)

# EISR 2004: reg 10 exceptions, all subject to the public interest with a presumption in favour of
# disclosure (reg 10(1)(b), 10(2)); reg 10(5) needs substantial prejudice; reg 11 personal data.
EISR: tuple[Exemption, ...] = (
    Exemption("eisr", "r10(4)(a)", "Information not held when the request was received", absolute=False,
              public_interest=False, test="not-held",  # nothing is held, so there is nothing to weigh
              argument="The searches must have been adequate and appropriately targeted."),
    _q("eisr", "r10(4)(b)", "Manifestly unreasonable request", "refusal",
       "'Manifestly' sets a high bar; the public interest applies, and advice on narrowing is due under reg 9."),
    _q("eisr", "r10(4)(c)", "Request formulated in too general a manner", "refusal",
       "The authority must first have asked for particulars and given advice under reg 9."),
    _q("eisr", "r10(4)(d)", "Material still in the course of completion, unfinished documents or incomplete data", "class",
       "Finished documents and completed data are not covered; the public interest applies."),
    _q("eisr", "r10(4)(e)", "Internal communications", "class", "The public interest applies, with a presumption in favour of disclosure."),
    _q("eisr", "r10(5)(a)", "International relations, defence, national security or public safety", "prejudice", _SUBSTANTIAL),
    _q("eisr", "r10(5)(b)", "The course of justice and inquiries", "prejudice", _SUBSTANTIAL),
    _q("eisr", "r10(5)(c)", "Intellectual property rights", "prejudice", _SUBSTANTIAL),
    _q("eisr", "r10(5)(d)", "Confidentiality of proceedings", "prejudice", _SUBSTANTIAL),
    _q("eisr", "r10(5)(e)", "Confidentiality of commercial or industrial information", "prejudice",
       "Each condition must be met, with substantial prejudice to a legitimate economic interest shown."),
    _q("eisr", "r10(5)(f)", "Interests of the person who provided the information", "prejudice", _SUBSTANTIAL),
    _q("eisr", "r10(5)(g)", "Protection of the environment", "prejudice", _SUBSTANTIAL),
    _a("eisr", "r11", "Personal data of third parties", "class",
       "Information that can be anonymised or aggregated is not personal data, and disclosure can be lawful under Article 6(1)(f)."),
)

TABLES: dict[str, tuple[Exemption, ...]] = {"foia": FOIA, "eir": EIR, "foisa": FOISA, "eisr": EISR}
_BY_KEY: dict[tuple[str, str], Exemption] = {(e.family, e.id): e for table in TABLES.values() for e in table}

_ACCEPTED = "e.g. 's.40(2), s 43, section 12, reg 12(4)(b), regulation 13'"
_SPLIT = re.compile(r"\s*(?:[,;\n]|\band\b|&|\+)\s*", re.IGNORECASE)
_ONE = re.compile(
    r"""^(?P<kind>s|ss|sec|section|r|reg|regs|regulation)\.?\s*
        (?P<num>\d{1,2}[A-Za-z]?)
        (?P<parts>(?:\s*\(\s*[0-9]{1,2}[A-Za-z]{0,2}\s*\)|\s*\(\s*[a-z]{1,3}\s*\))*)$""",
    re.IGNORECASE | re.VERBOSE,
)


def _short(exemption_id: str) -> str:
    return f"reg {exemption_id[1:]}" if exemption_id.startswith("r") else f"s.{exemption_id[1:]}"


def families() -> tuple[str, ...]:
    return tuple(TABLES)


def table(family: str) -> tuple[Exemption, ...]:
    """Every provision of one law family, in statute order (empty for SAR)."""
    return TABLES.get(str(family), ())


def lookup(family: str, exemption_id: str) -> Exemption | None:
    """The entry for ``exemption_id`` under ``family`` ("foia", "eir", "foisa", "eisr"), or None."""
    return _BY_KEY.get((str(family), exemption_id))


def get(family: str, exemption_id: str) -> Exemption:
    """Like ``lookup`` but an unknown id is the member's mistake, said plainly."""
    found = lookup(family, exemption_id)
    if found is None:
        raise BadInput(f"'{exemption_id}' is not an exemption foibot knows under {str(family).upper()} ({_ACCEPTED}).")
    return found


def _canonical(raw: str) -> str:
    """The syntactic id: "Section 40 (2)" -> "s40(2)", "reg. 12(4)(B)" -> "r12(4)(b)"; "" if unreadable."""
    match = _ONE.match(raw.strip())
    if not match:
        return ""
    prefix = "r" if match["kind"].lower().startswith("r") else "s"
    num = match["num"]
    num = num[:-1] + num[-1].upper() if num[-1].isalpha() else num  # s.22A
    parts = "".join(f"({p.strip().lower()})" for p in re.findall(r"\(([^)]*)\)", match["parts"] or ""))
    # "3A" style subsections keep their capital letter, as printed in the statute (s.40(3A)).
    parts = re.sub(r"\((\d+)([a-z]+)\)", lambda m: f"({m[1]}{m[2].upper()})", parts)
    return f"{prefix}{num}{parts}"


def _resolve(candidate: str, families_: tuple[str, ...]) -> str | None:
    """Map a syntactic id to a table id: exact, else drop sub-paragraphs one by one (s.31(1)(a) -> s31)."""
    probe = candidate
    while True:
        for family in families_:
            if (family, probe) in _BY_KEY:
                return probe
        if "(" not in probe:
            return None
        probe = probe[: probe.rindex("(")]


def parse_exemptions(text: str, law: str | None = None) -> list[str]:
    """Turn "s.40(2), s 43, section 12, reg 12(4)(b), regulation 13" into canonical ids.

    Order is kept and duplicates dropped. With ``law`` ("foia", "eir", ...) every id must exist under
    that law; without it, under any. Anything unreadable raises ``BadInput`` naming the part.
    """
    family_list = (str(law),) if law is not None else tuple(TABLES)
    if law is not None and str(law) not in TABLES:
        raise BadInput(f"{str(law).upper()} has no exemptions table in foibot; leave the exemptions empty.")
    found: list[str] = []
    for part in _SPLIT.split(text or ""):
        if not part.strip():
            continue
        candidate = _canonical(part)
        if not candidate:
            if re.fullmatch(r"\s*\d.*", part):
                raise BadInput(f"Could not read '{part.strip()}': say 's.{part.strip()}' for a section "
                               f"or 'reg {part.strip()}' for a regulation ({_ACCEPTED}).")
            raise BadInput(f"Could not read '{part.strip()}' as a section or regulation ({_ACCEPTED}).")
        resolved = _resolve(candidate, family_list)
        if resolved is None:
            narrower = sorted({e.id for f in family_list for e in table(f) if e.id.startswith(candidate + "(")})
            if narrower:
                options = ", ".join(_short(i) for i in narrower[:8])
                raise BadInput(f"'{part.strip()}' is not specific enough: which one of {options}?")
            where = f"under {str(law).upper()}" if law is not None else "in FOIA, EIR, FOISA or EISR"
            raise BadInput(f"'{part.strip()}' is not an exemption or exception foibot knows {where} ({_ACCEPTED}).")
        if resolved not in found:
            found.append(resolved)
    return found


def describe(family: str, ids: list[str] | tuple[str, ...]) -> list[Exemption]:
    """The entries for ``ids`` under ``family``, skipping none: an unknown id is ``BadInput``."""
    return [get(family, i) for i in ids]
