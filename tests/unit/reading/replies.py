"""A labelled set of authority replies, written for these tests.

Each reply is modelled on a real one from the public source named beside it (WhatDoTheyKnow
threads, GOV.UK and council FOI pages, disclosure logs, ICO and SIC decision notices that quote
refusal notices): the way authorities really phrase citations, rights paragraphs, "please see
attached" and not-held answers. Only the short phrases a rule needs are taken from a source; the
rest is written here. Labels: ``kind``, ``outcome``, ``relied`` (normalised citations relied on)
and, where the reply is a trap, ``mentioned`` (provisions named but not relied on); other keys
are checked only where given.

Used by ``test_labelled_replies.py`` (table-driven) and ``tests/benchmarks/bench_reading.py``
(precision, recall and outcome accuracy).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

RIGHTS = (
    "If you are dissatisfied with the handling of your request, you have the right to ask for an internal review. "
    "Internal review requests should be submitted within 40 working days of the date of this response.\n\n"
    "If you are not content with the outcome of the internal review, you may apply directly to the Information "
    "Commissioner for a decision (www.ico.org.uk)."
)
RIGHTS_SCOT = (
    "If you are unhappy with this response, you may ask us to carry out an internal review by writing to us within "
    "40 working days. If you remain dissatisfied you can apply to the Scottish Information Commissioner for a "
    "decision (www.foi.scot/appeal)."
)


@dataclass(frozen=True)
class Reply:
    id: str
    source: str
    text: str
    kind: str
    outcome: str | None
    relied: tuple[str, ...] = ()
    mentioned: tuple[str, ...] = ()
    law: str | None = None  # the hint given to the reader (the tracked request's law), None: detect
    expect_law: str | None = None  # what the reader should detect, when checked
    extra: dict[str, Any] = field(default_factory=dict)  # other findings to check, by JSON key
    questions: tuple[str, ...] = ()


REPLIES: tuple[Reply, ...] = (
    # -- FOIA responses ---------------------------------------------------------------------------
    Reply(
        "foia-43-no-pi", "foinews.co.uk (Royal Mail refusal: 'exempt from disclosure under S.43(2) of the Act')",
        "Dear Ms Patel,\n\nThank you for your request under the Freedom of Information Act 2000 for the contract values "
        "paid to the Council's parking enforcement contractor.\n\nThe information you have requested is exempt from "
        "disclosure under S.43(2) of the Act, as its release would be likely to prejudice the commercial interests of "
        "the contractor.\n\n" + RIGHTS + "\n\nYours sincerely\n\nInformation Governance Team",
        "response", "refused", ("FOIA s.43(2)",),
        extra={"public_interest_reasons_given": False, "review_rights_stated": True, "regulator_rights_stated": True},
    ),
    Reply(
        "foia-43-with-pi", "whatdotheyknow.com/help/commercial_interests_exemptions (s.43(2) is qualified: a public interest test must be conducted)",
        "Dear Mr Khan\n\nYour request has been considered under the Freedom of Information Act 2000.\n\nWe hold the "
        "tender evaluation scores but are withholding them under section 43(2) (commercial interests).\n\nPublic "
        "interest test\nArguments in favour of disclosure: there is a public interest in transparency and "
        "accountability for the spending of public money. Arguments in favour of maintaining the exemption: disclosure "
        "would undermine the bidders' position in future tenders and weaken competition. Having weighed these factors "
        "we consider the public interest in maintaining the exemption outweighs that in disclosure.\n\n" + RIGHTS +
        "\n\nKind regards\nFOI Officer",
        "response", "refused", ("FOIA s.43(2)",), extra={"public_interest_reasons_given": True},
    ),
    Reply(
        "foia-40-s40-2-spaced", "WhatDoTheyKnow council responses ('s.40 (2)' spacing, personal data of staff)",
        "Dear Sir/Madam\n\nPlease find attached the organisation chart you asked for. The names of staff below "
        "Head of Service have been redacted under s.40 (2) of the FOIA, as they are personal data of third parties "
        "and disclosure would breach the first data protection principle.\n\n" + RIGHTS + "\n\nYours faithfully\nFOI Team",
        "response", "partially_successful", ("FOIA s.40(2)",),
        extra={"attachments_referred": 1, "public_interest_reasons_given": None},
    ),
    Reply(
        "foia-s40-2-nospace", "Hogg v IC [2024] UKFTT 110 (GRC) (Defra 'citing sections 35(1)(a) and 40')",
        "Dear Ms Hogg\n\nThank you for your request. Defra holds some of the information requested. We are releasing "
        "the attached two documents, with some information withheld under s40(2) and s35(1)(a) of the FOIA.\n\n"
        "Section 35(1)(a) is a qualified exemption and we have considered the public interest. We recognise the public "
        "interest in openness about contact with advisory groups; however, ministers and officials need a safe space to "
        "develop policy, and disclosure would be likely to inhibit free and frank discussion.\n\n" + RIGHTS + "\n\nYours sincerely\nDefra FOI",
        "response", "partially_successful", ("FOIA s.40(2)", "FOIA s.35(1)(a)"),
        extra={"attachments_referred": 2, "public_interest_reasons_given": True},
    ),
    Reply(
        "foia-12-no-estimate", "clairemiller.net on s.12 refusals ('a sentence just saying the request will exceed the time or cost limit')",
        "Dear Mr Evans\n\nWe estimate that the cost of complying with your request would exceed the appropriate limit, "
        "so under section 12 of the Freedom of Information Act 2000 we are not obliged to comply with it.\n\n" + RIGHTS +
        "\n\nRegards\nInformation Requests",
        "response", "refused", ("FOIA s.12",),
        extra={"cost_estimate_given": False, "advice_given": False, "gaps": ["no_cost_estimate", "no_advice"]},
    ),
    Reply(
        "foia-12-estimate-advice", "southwark.gov.uk cost limits ('less than 18 hours work or cost less than £450'; 'help to narrow the request')",
        "Dear Ms Lee\n\nUnder section 12(1) of the Act the Council is not obliged to comply with a request where the cost "
        "would exceed the appropriate limit of £450, which represents 18 hours of staff time. To answer your request we "
        "would need to review around 1,200 case files at 5 minutes each, roughly 100 hours.\n\nIf you were to narrow "
        "your request to a single year, we may be able to provide the information within the cost limit.\n\n" + RIGHTS +
        "\n\nYours sincerely",
        "response", "refused", ("FOIA s.12(1)",), law="foia",
        extra={"cost_estimate_given": True, "advice_given": True},
    ),
    Reply(
        "foia-12-and-14", "ICO guidance on s.12 and s.14 ('sections 12 and 14(1)' cited together)",
        "Dear Mr Cole\n\nThe Trust is refusing your request under sections 12 and 14(1) of the Freedom of Information "
        "Act 2000. It would take more than 40 hours to locate the records, and this is the sixth request on the same "
        "subject in three months.\n\n" + RIGHTS + "\n\nYours sincerely\nFOI Lead",
        "response", "refused", ("FOIA s.12", "FOIA s.14(1)"), extra={"cost_estimate_given": True},
    ),
    Reply(
        "foia-31-a-and-b", "ICO section 31 guidance ('Section 31(1)(a) & (b)': prevention of crime, apprehension of offenders)",
        "Dear Mr Ward\n\nThe force holds the information requested. However, it is exempt under Section 31(1)(a) & (b) "
        "of the Freedom of Information Act 2000, as disclosure would be likely to prejudice the prevention or detection of "
        "crime and the apprehension or prosecution of offenders.\n\nThe public interest in disclosure (accountability for "
        "the use of police resources) is outweighed by the public interest in maintaining effective law enforcement, "
        "because the locations would show where cameras are not deployed.\n\n" + RIGHTS + "\n\nYours sincerely\nInformation Management",
        "response", "refused", ("FOIA s.31(1)(a)", "FOIA s.31(1)(b)"), extra={"public_interest_reasons_given": True},
    ),
    Reply(
        "foia-exemption-at-43", "WhatDoTheyKnow contract-price refusals ('the exemption at section 43')",
        "Dear Requester\n\nWe have decided to withhold the pricing schedule. We consider that the exemption at section 43 "
        "of the Freedom of Information Act applies, as the prices are commercially sensitive.\n\n" + RIGHTS + "\n\nYours faithfully",
        "response", "refused", ("FOIA s.43",), extra={"public_interest_reasons_given": False},
    ),
    Reply(
        "foia-not-held", "bolton.gov.uk FOI process ('If we do not hold the information you want ... we will tell you')",
        "Dear Mr Hughes\n\nI can confirm that the Council does not hold any recorded information about the number of "
        "e-scooter seizures, as this is a police matter. You may wish to contact Greater Manchester Police.\n\n" + RIGHTS +
        "\n\nYours sincerely\nInformation Governance",
        "response", "not_held",
    ),
    Reply(
        "foia-successful-attached", "leicestershire.gov.uk disclosure log responses ('Please find attached')",
        "Dear Ms Green\n\nThank you for your request for information received on 3 May 2024.\n\nPlease find attached a "
        "spreadsheet with the number of potholes repaired in each ward in 2023.\n\n" + RIGHTS + "\n\nYours sincerely\nFOI Team",
        "response", "successful", extra={"attachments_referred": 1},
    ),
    Reply(
        "foia-successful-numbered", "WhatDoTheyKnow NHS trust responses (numbered answers with figures)",
        "Dear Mr Shah\n\nOur response to your request is as follows.\n\n1. The Trust employed 42 agency nurses in March 2024.\n\n"
        "2. The total agency spend in 2023/24 was £3.2 million.\n\n3. Yes, the Trust uses a framework agreement.\n\n" + RIGHTS +
        "\n\nYours sincerely\nFreedom of Information Office",
        "response", "successful",
        questions=("How many agency nurses?", "What was the agency spend?", "Do you use a framework?"),
        extra={"questions": {"1": {"status": "answered"}, "2": {"status": "answered"}, "3": {"status": "answered"}}},
    ),
    Reply(
        "foia-partial-numbered", "WhatDoTheyKnow council responses (one part not held, others answered)",
        "Dear Ms Brown\n\n1. There were 118 complaints about missed bin collections in 2023.\n\n2. The Council does not "
        "hold this information; complaints are not recorded by street.\n\n3. Please see the attached policy.\n\n" + RIGHTS +
        "\n\nKind regards\nFOI Officer",
        "response", "partially_successful",
        questions=("How many complaints?", "Which streets?", "Your collections policy"),
        extra={"questions": {"1": {"status": "answered"}, "2": {"status": "not_held_in_form"}, "3": {"status": "answered"}}, "attachments_referred": 1},
    ),
    Reply(
        "foia-ncnd-40-5", "whatdotheyknow.com/request/339013 (MPS 'Appendix A - The Duty to Confirm or Deny')",
        "Dear Requester\n\nThe Metropolitan Police Service can neither confirm nor deny that it holds the information you "
        "requested, as the duty in section 1(1)(a) of the Freedom of Information Act 2000 does not apply by virtue of "
        "section 40(5) of the Act.\n\nTo confirm or deny whether personal information exists in response to your request "
        "could publicly reveal information about an individual.\n\n" + RIGHTS + "\n\nYours sincerely\nMPS Information Rights Unit",
        "response", "ncnd", ("FOIA s.40(5)",), mentioned=("FOIA s.1(1)(a)",),
    ),
    Reply(
        "foia-ncnd-23-24", "Baker v IC and Cabinet Office (refusal to confirm or deny 'by virtue of s24(2)')",
        "Dear Mr Baker\n\nThe Cabinet Office neither confirms nor denies whether it holds the information you have "
        "requested. This is in reliance on section 23(5) and section 24(2) of the Freedom of Information Act.\n\nThe public "
        "interest in confirming or denying is outweighed by the need to safeguard national security, because a "
        "consistent response is necessary for it to be effective.\n\n" + RIGHTS + "\n\nYours sincerely\nKnowledge and Information Management",
        "response", "ncnd", ("FOIA s.23(5)", "FOIA s.24(2)"),
    ),
    Reply(
        "foia-trap-discussed-36", "AV#7845 false positive ('The section 36 exemption applies only to ... section 35')",
        "Dear Dr Jones\n\nWe have considered whether section 36 of the Act applies to the minutes. However, we have "
        "concluded that it does not apply, and we have not relied on it.\n\nThe names of junior officials have been "
        "redacted under section 40(2). Please find attached the minutes of the board meeting.\n\n" + RIGHTS + "\n\nYours sincerely",
        "response", "partially_successful", ("FOIA s.40(2)",), mentioned=("FOIA s.36",), law="foia",
        extra={"attachments_referred": 1},
    ),
    Reply(
        "foia-trap-rights-paragraph", "WhatDoTheyKnow refusals whose rights paragraph cites s.50 and s.17",
        "Dear Mr Price\n\nThe information requested is withheld under section 41 of the Freedom of Information Act 2000, "
        "as it was provided to the Council in confidence by the developer.\n\nIf you are dissatisfied with our decision "
        "to refuse under section 41, or with the refusal notice under section 17, you can ask for an internal review. If "
        "you remain dissatisfied you may complain to the Information Commissioner under section 50 of the Act, or about "
        "our use of section 43.\n\nYours sincerely",
        "response", "refused", ("FOIA s.41",), mentioned=("FOIA s.17", "FOIA s.50", "FOIA s.43"),
    ),
    Reply(
        "foia-trap-decision-notice", "ICO decision notices quoted in refusals ('In decision notice FS50...')",
        "Dear Ms Ali\n\nWe are refusing your request under section 14(1) of the Freedom of Information Act as vexatious. "
        "In decision notice FS50470507 the Commissioner found that section 12 could be relied on for a similar request, "
        "but in this case the burden arises from the pattern of your requests.\n\n" + RIGHTS + "\n\nYours sincerely",
        "response", "refused", ("FOIA s.14(1)",), mentioned=("FOIA s.12",),
    ),
    Reply(
        "foia-no-exemption-named", "ICO refusal notice guidance (s.17(1): a refusal must specify the exemption)",
        "Dear Mr Hall\n\nWe are unable to provide the information you have requested as it is considered sensitive.\n\n"
        "Yours sincerely\nCustomer Services",
        "response", "refused",
        extra={"review_rights_stated": False, "regulator_rights_stated": False,
               "gaps": ["no_exemption_named", "no_review_rights", "no_regulator_rights"]},
    ),
    Reply(
        "foia-cut-off", "WhatDoTheyKnow responses pasted without their end (a trap: the rights paragraph is lost)",
        "Dear Ms Wood\n\nThank you for your request. The information you have requested is exempt under section 22 of the "
        "Freedom of Information Act 2000, as the Council intends to publish the audit report in its September committee "
        "papers. We have considered the public interest and the factors in favour of disclosure include transparency about "
        "the audit, but it is reasonable to wait until the report is published because",
        "response", "refused", ("FOIA s.22",),
        extra={"truncated": True, "review_rights_stated": None, "regulator_rights_stated": None, "gaps": ["cut_off"]},
    ),
    Reply(
        "foia-s21-link", "ICO section 21 guidance (information reasonably accessible: give the precise location)",
        "Dear Mr Moss\n\nThe information you have requested is already published on our website, so it is exempt under "
        "section 21 of the Act. You can find it at https://example.gov.uk/spending.\n\n" + RIGHTS + "\n\nRegards",
        "response", "refused", ("FOIA s.21",), law="foia", extra={"public_interest_reasons_given": None},
    ),
    Reply(
        "foia-welsh-statute", "Welsh-language responses ('Deddf Rhyddid Gwybodaeth 2000'; 'adolygiad mewnol')",
        "Annwyl Mr Jones\n\nMae'r wybodaeth wedi'i heithrio o dan adran 40(2) o Ddeddf Rhyddid Gwybodaeth 2000.\n\nOs "
        "ydych yn anfodlon, gallwch ofyn am adolygiad mewnol, ac wedyn cwyno i Swyddfa'r Comisiynydd Gwybodaeth.\n\nYn gywir",
        "response", "refused", ("FOIA s.40(2)",), expect_law="foia",
        extra={"review_rights_stated": True, "regulator_rights_stated": True},
    ),
    # -- EIR ----------------------------------------------------------------------------------------
    Reply(
        "eir-12-4-b", "ashfords.co.uk on the Environment Agency case ('around 34 hours ... manifestly unreasonable under the EIR')",
        "Dear Ms Roberts\n\nYour request has been handled under the Environmental Information Regulations 2004. We "
        "estimate it would take around 34 hours to provide the requested information, so we consider the request to be "
        "manifestly unreasonable under regulation 12(4)(b).\n\nWe have weighed the public interest: there is a presumption "
        "in favour of disclosure and a public interest in understanding enforcement, but the burden on our resources is "
        "disproportionate. If you could narrow your request to one area, we may be able to help.\n\n" + RIGHTS + "\n\nYours sincerely",
        "response", "refused", ("EIR reg 12(4)(b)",), expect_law="eir",
        extra={"cost_estimate_given": True, "advice_given": True, "public_interest_reasons_given": True},
    ),
    Reply(
        "eir-12-5-e-reg13", "ICO FER0449366 (Waltham Forest: 'exceptions relating to ... confidentiality of commercial or industrial information')",
        "Dear Mr Clegg\n\nThe Council has considered your request under the Environmental Information Regulations 2004. "
        "Please find attached a redacted version of the viability assessment. Figures have been withheld under "
        "regulation 12(5)(e) and the names of individuals under reg. 13.\n\nThe Council recognises the presumption in favour "
        "of disclosure in regulation 12(2), but the viability figures would harm the developer's negotiating position.\n\n"
        + RIGHTS + "\n\nYours sincerely",
        "response", "partially_successful", ("EIR reg 12(5)(e)", "EIR reg 13"), mentioned=("EIR reg 12(2)",),
        extra={"attachments_referred": 1, "public_interest_reasons_given": True},
    ),
    Reply(
        "eir-not-held-12-4-a", "ICO guidance on determining whether information is held (EIR reg 12(4)(a))",
        "Dear Mrs Baker\n\nThe Council does not hold the noise monitoring data you requested, so under regulation 12(4)(a) "
        "of the EIR the information is not held. Monitoring at that site stopped in 2019.\n\n" + RIGHTS + "\n\nKind regards",
        "response", "not_held", ("EIR reg 12(4)(a)",),
    ),
    Reply(
        "eir-successful-links", "newham.gov.uk FOI and EIR page (responses under 'the Environmental Information Regulations 2004')",
        "Dear Mr Singh\n\nYour request has been dealt with under the Environmental Information Regulations 2004. I can "
        "confirm that the Council holds the air quality readings and these are attached as two spreadsheets.\n\n" + RIGHTS +
        "\n\nYours sincerely",
        "response", "successful", expect_law="eir", extra={"attachments_referred": 2},
    ),
    Reply(
        "eir-mixed-foia", "ICO guidance on requests with environmental and non-environmental information",
        "Dear Ms Taylor\n\nParts of your request concern environmental information and have been considered under the "
        "EIR; the remainder under the Freedom of Information Act 2000.\n\nThe contractor's rates are withheld under "
        "regulation 12(5)(e) of the EIR and section 43(2) of the FOIA. The public interest in disclosure is outweighed "
        "because releasing rates would harm the Council's ability to obtain value for money.\n\nPlease see the attached "
        "report for the rest.\n\n" + RIGHTS,
        "response", "partially_successful", ("EIR reg 12(5)(e)", "FOIA s.43(2)"), extra={"attachments_referred": 1},
    ),
    # -- FOISA and EISR -----------------------------------------------------------------------------
    Reply(
        "foisa-38-1-b", "SIC decisions on FOISA s.38(1)(b) (personal information)",
        "Dear Mr Stewart\n\nThe names of the officers are withheld under section 38(1)(b) of FOISA, as disclosure would "
        "breach the data protection principles. The rest of the information is provided below.\n\nThe number of "
        "complaints received in 2023 was 57.\n\n" + RIGHTS_SCOT + "\n\nYours sincerely\nFOI Unit",
        "response", "partially_successful", ("FOISA s.38(1)(b)",), expect_law="foisa",
        extra={"regulator_rights_stated": True},
    ),
    Reply(
        "foisa-35-1-c", "SIC Decision 102/2020 (Scottish Ministers 'withheld ... (section 35(1)(c))')",
        "Dear Requester\n\nThe Scottish Government has considered your request under the Freedom of Information (Scotland) "
        "Act 2002. Some information is available on the Scottish Parliament's website, so section 25(1) of the Act applies "
        "to it. A small amount of information is withheld under section 35(1)(c), as its disclosure would substantially "
        "prejudice the administration of justice. We have considered the public interest and, while there is a public "
        "interest in transparency, it is outweighed by the need to protect the fairness of proceedings.\n\n" + RIGHTS_SCOT,
        "response", "refused", ("FOISA s.25(1)", "FOISA s.35(1)(c)"), expect_law="foisa",
        extra={"public_interest_reasons_given": True},
    ),
    Reply(
        "foisa-17-not-held", "SIC decision round-up ('you have a legal duty to tell them you don't hold it')",
        "Dear Ms Reid\n\nIn terms of section 17(1) of FOISA, I must tell you that the Council does not hold the "
        "information you have requested.\n\n" + RIGHTS_SCOT + "\n\nYours sincerely",
        "response", "not_held", mentioned=("FOISA s.17(1)",),
    ),
    Reply(
        "foisa-12-cost", "SIC round-up ('within the £600 upper cost limit'; specific advice on narrowing)",
        "Dear Mr Gray\n\nThe Council estimates that complying with your request would cost more than £600, the upper "
        "limit set by the Fees Regulations, so under section 12(1) of the Freedom of Information (Scotland) Act 2002 it is "
        "not required to comply. Searching 3,000 files would take about 250 hours.\n\n" + RIGHTS_SCOT,
        "response", "refused", ("FOISA s.12(1)",), extra={"cost_estimate_given": True, "advice_given": False},
    ),
    Reply(
        "eisr-10-4-b", "SIC Decision 079/2016 (City of Edinburgh Council: 'manifestly unreasonable ... regulation 10(4)(b) of the EIRs')",
        "Dear Mr Tibbitt\n\nThe Council has considered your request under the Environmental Information (Scotland) "
        "Regulations 2004. The request is manifestly unreasonable and the information is therefore excepted from "
        "disclosure in terms of regulation 10(4)(b) of the EIRs.\n\n" + RIGHTS_SCOT,
        "response", "refused", ("EISR reg 10(4)(b)",), expect_law="eisr",
        extra={"public_interest_reasons_given": False},
    ),
    Reply(
        "eisr-11-and-10-5-e", "SIC EIRs decisions (reg 10(5)(e) commercial confidentiality, reg 11 personal data)",
        "Dear Ms Fraser\n\nYour request was dealt with under the EIRs. The landfill tonnages are attached. The haulier's "
        "rates are excepted under regulation 10(5)(e) and the drivers' names under regulation 11(2). The public interest "
        "in disclosure does not outweigh that in maintaining the exception, because disclosure would substantially "
        "prejudice the haulier's legitimate economic interests.\n\n" + RIGHTS_SCOT,
        "response", "partially_successful", ("EISR reg 10(5)(e)", "EISR reg 11(2)"), expect_law="eisr",
    ),
    # -- subject access -----------------------------------------------------------------------------
    Reply(
        "sar-sch2-para16", "legislation.gov.uk DPA 2018 Sch.2 para.16 (protection of the rights of others); Gloucestershire SAR exemption codes",
        "Dear Mr Patel\n\nSubject access request\n\nPlease find enclosed copies of the personal data we hold about you, "
        "as required by Article 15 of the UK GDPR. Information about other people has been redacted under Schedule 2, "
        "paragraph 16 of the Data Protection Act 2018.\n\nIf you are unhappy with our response you may complain to the "
        "Information Commissioner's Office.\n\nYours sincerely\nData Protection Officer",
        "response", "partially_successful", ("DPA 2018 Sch.2 para.16",), mentioned=("UK GDPR art.15",), expect_law="sar",
    ),
    Reply(
        "sar-manifestly-excessive", "ICO 'Exemptions: when can we refuse a SAR?' (manifestly unfounded or excessive requests)",
        "Dear Ms Young\n\nWe are refusing your subject access request as manifestly excessive under Article 12(5)(b) of the "
        "UK GDPR, as it repeats a request answered two weeks ago.\n\nYou have the right to complain to the ICO.\n\nRegards\nDPO",
        "response", "refused", ("UK GDPR art.12(5)(b)",), expect_law="sar",
    ),
    Reply(
        "sar-crime-para2", "Gloucestershire SAR exemption codes ('Schedule 2, Part 1 ... Crime')",
        "Dear Mr Dean\n\nWe have provided the personal data we hold about you, except for information processed for the "
        "prevention or detection of crime, which is withheld under Schedule 2, Part 1, paragraph 2 of the DPA 2018.\n\n"
        "You can complain to the Information Commissioner at ico.org.uk.\n\nYours sincerely",
        "response", "partially_successful", ("DPA 2018 Sch.2 para.2",), expect_law="sar",
    ),
    # -- clarification requests ----------------------------------------------------------------------
    Reply(
        "clar-phso-style", "PHSO clarification of 29 March 2022 (WhatDoTheyKnow: 'reasonably requires further information in order to identify and locate')",
        "Dear Mr Jones,\n\nThe department reasonably requires further information in order to identify and locate the "
        "information that you have asked for about outsourcing. Could you please be more specific about the type of "
        "activities you are interested in which are outsourced.\n\nIn relation to the other questions we aim to respond by "
        "27 April 2022.\n\nYours sincerely",
        "clarification_request", None,
        questions=("How many caseworkers?", "How many cases closed within 7 weeks?",
                   "How many of the activities are handled by outsourcing organisations and which outsourcing company?"),
        extra={"clarification_part": [3]},
    ),
    Reply(
        "clar-question-number", "hounslow.gov.uk ('to avoid us needing to contact you again for clarification')",
        "Dear Ms Khan\n\nBefore we can process your request, could you please clarify what you mean by 'incidents' in "
        "question 2? Once we receive your clarification the 20 working days will start again.\n\nKind regards\nFOI Team",
        "clarification_request", None, extra={"clarification_part": [2]},
    ),
    Reply(
        "clar-eir-reg-9", "EIR reg 9(2) (request formulated in too general a manner: ask for particulars)",
        "Dear Mr Allen\n\nYour request is very broad. Under regulation 9(2) of the Environmental Information Regulations we "
        "need you to clarify which sites and which years you are interested in, so that we can identify the information.\n\n"
        "Yours sincerely",
        "clarification_request", None, mentioned=("EIR reg 9(2)",),
    ),
    # -- fee notices -------------------------------------------------------------------------------
    Reply(
        "fee-disbursements", "cheltenham.gov.uk ('a fees notice will be issued ... If the fee is not paid within three months')",
        "Dear Mrs Hill\n\nFees notice\n\nThe cost of photocopying and posting the 240 pages you asked to receive on paper "
        "is £24.60. Please send payment within three months of the date of this notice; we will send the information once "
        "the fee is received.\n\nYours sincerely",
        "fee_notice", None, extra={"fee_amount": "24.60"},
    ),
    Reply(
        "fee-eir-charge", "derby.ac.uk fee information (charges under regulation 8 of the EIR)",
        "Dear Mr Knight\n\nUnder regulation 8 of the Environmental Information Regulations 2004 the Council may make a "
        "reasonable charge for making the information available. A charge of £85 is payable for the officer time to "
        "extract the historic planning records. Please make payment to the Council before we release the information.\n\nRegards",
        "fee_notice", None, mentioned=("EIR reg 8",), extra={"fee_amount": "85.00"},
    ),
    # -- extension notices --------------------------------------------------------------------------
    Reply(
        "ext-pit-10-3", "mumsnet.com thread quoting the Big Lottery Fund ('section 22(1) and 43(2) of the FOIA is engaged ... enacted section 10(3)(b)')",
        "Dear Requester\n\nUnfortunately, we require further time to respond to your request. This is because information "
        "falling under the scope of your request may be commercially sensitive or may form part of a future publication. "
        "Therefore section 22(1) and 43(2) of the FOIA is engaged. We have therefore extended the time under section "
        "10(3)(b) of the FOIA to consider the public interest, and we now aim to respond by 15 March 2024.\n\nYours sincerely",
        "extension_notice", None, ("FOIA s.22(1)", "FOIA s.43(2)"), mentioned=("FOIA s.10(3)(b)",),
        extra={"new_date": "2024-03-15"},
    ),
    Reply(
        "ext-eir-reg-7", "EIR reg 7(1) (complex and voluminous: up to 40 working days)",
        "Dear Ms Lewis\n\nBecause of the complexity and volume of the information requested, we need to extend the time "
        "for responding under regulation 7(1) of the Environmental Information Regulations 2004. We will respond no later "
        "than 12/06/2024.\n\nYours sincerely",
        "extension_notice", None, mentioned=("EIR reg 7(1)",), extra={"new_date": "2024-06-12"},
    ),
    Reply(
        "ext-sar-month", "ICO right of access guidance (extend by two further months: UK GDPR art.12(3))",
        "Dear Mr Morgan\n\nYour subject access request is complex, so we are extending the time to respond by a further two "
        "months under Article 12(3) of the UK GDPR. We will respond by 3 September 2024.\n\nData Protection Team",
        "extension_notice", None, mentioned=("UK GDPR art.12(3)",), expect_law="sar", extra={"new_date": "2024-09-03"},
    ),
    # -- review outcomes ---------------------------------------------------------------------------
    Reply(
        "review-upheld-phso", "PHSO internal review of 9 May 2022 (WhatDoTheyKnow: 'we do not uphold your concerns and consider the matter closed')",
        "Dear Mr Jones\n\nInternal review of your request for information\n\nAs we have not seen any discrepancy that "
        "requires further investigation, and we have not seen any issue with how we handled your request, we do not "
        "uphold your concerns and consider the matter closed.\n\nShould you remain dissatisfied with our handling of your "
        "FOI request it is open for you to escalate the matter to the Information Commissioner's Office (www.ico.org.uk).\n\n"
        "Yours sincerely",
        "review_outcome", "upheld",
    ),
    Reply(
        "review-upheld-40-2", "West Lancashire FOI appeals page; ICO decision notices quoting reviews ('correctly applied')",
        "Dear Ms Ahmed\n\nI have now completed the internal review of the Council's response to your request. I am "
        "satisfied that section 40(2) of the Act was correctly applied to the names of the staff concerned, and I uphold "
        "the original decision.\n\nIf you remain dissatisfied, you may apply to the Information Commissioner.\n\nYours sincerely",
        "review_outcome", "upheld", ("FOIA s.40(2)",), law="foia",
    ),
    Reply(
        "review-overturned", "scottish information commissioner round-up ('At review, an authority can ... come to a different decision')",
        "Dear Mr Young\n\nOutcome of your requirement for review\n\nI have conducted a review of the Council's decision. I "
        "have concluded that section 33(1)(b) of FOISA was not correctly applied, and I have overturned the original "
        "decision. Please find the information attached.\n\n" + RIGHTS_SCOT,
        "review_outcome", "overturned", mentioned=("FOISA s.33(1)(b)",),
    ),
    Reply(
        "review-overturned-released", "WhatDoTheyKnow review outcomes that release the information ('the information should be released')",
        "Dear Mr Young,\n\nFollowing the internal review, the reviewer has decided that the information should be released. "
        "Please find it attached.\n\nRegards",
        "review_outcome", "overturned", extra={"attachments_referred": 1},
    ),
    Reply(
        "review-partly", "derby.ac.uk internal review ('including our reasons for this decision'); ICO review outcomes 'partially upheld'",
        "Dear Ms Carter\n\nThe result of the internal review is that your complaint is partially upheld. Some of the "
        "information can now be released and is attached. The remaining information continues to be withheld under "
        "section 42 of the Freedom of Information Act, because legal advice attracts a strong public interest in "
        "protecting the confidentiality of communications with lawyers.\n\nIf you are not content, you may apply to the "
        "Information Commissioner.\n\nYours sincerely",
        "review_outcome", "partly_upheld", ("FOIA s.42",),
    ),
    # -- acknowledgements --------------------------------------------------------------------------
    Reply(
        "ack-phso", "PHSO acknowledgement of 28 March 2022 (WhatDoTheyKnow: 'This is to confirm we have received your request')",
        "Thank you for contacting the Freedom of Information and Data Protection Team. This is to confirm we have received "
        "your request. If you have made a request for information under the Freedom of Information Act 2000 or "
        "Environment Information Regulations 2004, we aim to respond to your request within 20 working days. We may "
        "contact you before this time if we require further clarification or if we need to extend the time required to "
        "complete your request.",
        "acknowledgement", None,
    ),
    Reply(
        "ack-reference", "leicestershire.gov.uk ('When we receive your request we will acknowledge it within 5 working days')",
        "Dear Mr Thomas\n\nAcknowledgement of your request for information\n\nThank you for your request, which we "
        "received on 4 March 2024. Your reference is FOI-2024-0311. We aim to issue a full response by 1 April 2024.\n\n"
        "Yours sincerely\nInformation Governance",
        "acknowledgement", None,
    ),
    Reply(
        "ack-scottish", "SIC guidance ('Authorities have 20 working days in which to respond')",
        "Dear Ms Campbell\n\nWe acknowledge receipt of your request under the Freedom of Information (Scotland) Act 2002, "
        "received on 2 February 2024. We will respond promptly and in any event within 20 working days.\n\nYours sincerely",
        "acknowledgement", None, expect_law="foisa",
    ),
)
