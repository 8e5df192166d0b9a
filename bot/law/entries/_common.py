"""What several law entries share: the two regulators, their guidance pages and postal addresses."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

ICO = "the Information Commissioner's Office"
SIC = "the Scottish Information Commissioner"
# https://ico.org.uk/make-a-complaint/foi-and-eir-complaints/ : within six weeks of the last meaningful contact.
ICO_COMPLAINTS = "ICO: complain within 6 weeks of the last meaningful contact (ico.org.uk, FOI and EIR complaints)"
# The FOIA s.45 Code of Practice (July 2018, https://www.gov.uk/government/publications/freedom-of-information-code-of-practice)
# and the ICO's guidance on internal reviews: ask within 40 working days; an answer within 20, at most 40.
FOIA_CODE = "FOIA s.45 Code of Practice (2018), ICO guidance on internal reviews"
ICO_GUIDE = "ICO, 'Preparing and submitting your information request' (ico.org.uk)"
SIC_GUIDE = "Scottish Information Commissioner, 'How do I ask for information?' (itspublicknowledge.info)"
# The regulators' postal addresses as their contact pages give them (https://ico.org.uk/global/contact-us/,
# https://www.foi.scot/contact-us); the ICO prefers its online form.
ICO_ADDRESS = ("Information Commissioner's Office", "Wycliffe House", "Water Lane", "Wilmslow", "Cheshire SK9 5AF")
SIC_ADDRESS = ("Scottish Information Commissioner", "Kinburn Castle", "Doubledykes Road", "St Andrews", "Fife KY16 9DS")
# Hogan and Oxford City Council v Information Commissioner (EA/2005/0026 and 0030), on the prejudice test.
HOGAN_HARM = "a real and significant risk of harm that is actual and of substance, not merely possible"
# The regulators' online forms: the ICO's "Make a complaint" pages and the SIC's appeal service.
ICO_FOI_FORM = "https://ico.org.uk/make-a-complaint/foi-and-eir-complaints/official-information-complaint/"
ICO_FOI_FORM_NAME = "the ICO's online complaint form (FOI and EIR complaints)"
ICO_SAR_FORM = "https://ico.org.uk/make-a-complaint/data-protection-complaints/personal-information-complaint/"
ICO_SAR_FORM_NAME = "the ICO's online complaint form (data protection complaints)"
SIC_FORM = "https://www.foi.scot/appeal"
SIC_FORM_NAME = "the Scottish Information Commissioner's online appeal form"
# The ICO's detailed guidance on FOIA s.16 (it says itself that EIR requests fall under reg 9 instead).
ICO_S16_GUIDANCE = (
    "https://ico.org.uk/for-organisations/foi/freedom-of-information-and-environmental-information-regulations/"
    "section-16-advice-and-assistance/"
)
