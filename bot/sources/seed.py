"""A tiny built-in list of the bodies members ask most, so "PHSO", "DWP" or "Home Office" find the
right body before any directory import. Names are each body's own, as on its GOV.UK organisation
page (https://www.gov.uk/government/organisations) or its own site (the PHSO's
https://www.ombudsman.org.uk, the ICO's https://ico.org.uk, the Scottish Information Commissioner's
https://www.foi.scot). Picking one creates the authority as a member-typed one; a later
``foibot authorities import`` adopts it by name, so nothing is duplicated.
"""

from __future__ import annotations

from bot.law.regimes import Division, Law

# (name, short name, part of the UK, default law)
SEED_BODIES: tuple[tuple[str, str, Division, Law], ...] = (
    ("Home Office", "", Division.ENGLAND_AND_WALES, Law.FOIA),
    ("Department for Work and Pensions", "DWP", Division.ENGLAND_AND_WALES, Law.FOIA),
    ("Parliamentary and Health Service Ombudsman", "PHSO", Division.ENGLAND_AND_WALES, Law.FOIA),
    ("Information Commissioner's Office", "ICO", Division.ENGLAND_AND_WALES, Law.FOIA),
    ("HM Revenue and Customs", "HMRC", Division.ENGLAND_AND_WALES, Law.FOIA),
    ("Ministry of Justice", "MOJ", Division.ENGLAND_AND_WALES, Law.FOIA),
    ("Ministry of Defence", "MOD", Division.ENGLAND_AND_WALES, Law.FOIA),
    ("Department of Health and Social Care", "DHSC", Division.ENGLAND_AND_WALES, Law.FOIA),
    ("Department for Education", "DfE", Division.ENGLAND_AND_WALES, Law.FOIA),
    ("Cabinet Office", "", Division.ENGLAND_AND_WALES, Law.FOIA),
    ("Scottish Government", "", Division.SCOTLAND, Law.FOISA),
    ("Scottish Information Commissioner", "", Division.SCOTLAND, Law.FOISA),
)
