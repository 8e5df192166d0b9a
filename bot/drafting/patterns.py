"""The words each drafting rule looks for, as compiled patterns (data, not logic).

Speed (p99 under 20 ms for 4,000 characters): case-insensitive alternations are several times
slower in ``re`` than case-sensitive ones, so every pattern here is written in lower case and run
on ``ParsedRequest.lower`` (the text lower-cased, same length, same offsets) -- except the few
whose name ends in ``_CASED_RE``, which need capitals (month names, acronyms, people's names,
shouting) and run on the original text.
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

# --- dates and periods -------------------------------------------------------------------------
_MONTHS = (
    r"January|February|March|April|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
)
DATE_CASED_RE = re.compile(
    rf"\b(?:19|20)\d{{2}}\b|\b(?:{_MONTHS})\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+May\b|\bMay\s+(?:19|20)\d{{2}}\b"
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\bQ[1-4]\b"
)
YEAR_KINDS_RE = re.compile(r"\b(?:financial|calendar|academic|school|tax)\s+years?\b")
POINT_IN_TIME_RE = re.compile(
    r"\bas\s+(?:at|of)\b|\bcurrent(?:ly)?\b|\bat\s+present\b|\bpresently\b|\bnow\b|\btoday\b|\bto\s+date\b"
    r"|\bso\s+far\b|\bsince\b|\bat\s+the\s+(?:time|date)\s+of\b"
)

# --- what a question asks ----------------------------------------------------------------------
QUANTITY_RE = re.compile(
    r"\bhow\s+(?:many|much|often)\b|\bnumbers?\s+of\b|\btotal\b|\bamount\s+of\b|\bfigures?\b|\bstatistics\b"
    r"|\bproportion\b|\bpercentage\b|\bcop(?:y|ies)\s+of\b|\blist\s+of\b|\bdetails\s+of\b|\brecords\s+of\b"
    r"|\blog\s+of\b"
)
# Things that happen over time: asking for them with no period leaves the authority to pick one.
PAST_FLOW_RE = re.compile(
    r"\b(?:did|were|was|have\s+been|has\s+been|had\s+been)\b"
    r"|\b(?:received|made|issued|spent|paid|closed|completed|recorded|reported|sent|submitted|granted|refused"
    r"|approved|rejected|awarded|conducted|investigated|opened|upheld|dismissed|fined|prosecuted|arrested"
    r"|stopped|searched|excluded|suspended|admitted|discharged|cancelled|delayed|visited|inspected|attended"
    r"|occurred|happened|lodged|appealed|incurred|processed|commissioned|purchased|bought|sold|removed"
    r"|repaired|installed|logged|raised|filed|served|collected|evicted|towed|seized|detained|recruited"
    r"|hired|resolved)\b"
)
FLOW_DOCUMENTS_RE = re.compile(
    r"\b(?:cop(?:y|ies)\s+of|all|any)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:emails?|e-mails?|correspondence|letters"
    r"|minutes|messages|communications|invoices|complaints|texts|memos|briefings)\b"
)
INTERROGATIVE_RE = re.compile(
    r"\b(?:what|which|how|who|whom|whose|when|where|whether|why|is|are|was|were|do|does|did|has|have)\b"
)
# Words before an explanation cue showing the sentence asks for documents, not an explanation:
# "copies of the reports that explain why ..." is a good request.
DOCUMENT_REQUEST_RE = re.compile(
    r"\b(?:cop(?:y|ies)|documents?|records?|recorded|information|minutes|emails?|reports?|briefings?|notes"
    r"|polic(?:y|ies)|guidance|correspondence|papers|data)\b"
)

# --- explanation-not-information (ICO: recorded information only; WhatDoTheyKnow: no "why") ---
EXPLANATION_RE = re.compile(
    r"""
      (?P<why>^\W*why\b)
    | \b(?:and|or)\s+(?P<embedded>why)\b(?P<clause>[^?.!]*)
    | \b(?:can|could|would|will)\s+you\s+(?:please\s+)?
        (?P<explain>explain|justify|comment\s+on|clarify\s+why|tell\s+me\s+why|account\s+for)\b(?P<obj>[^?.!]*)
    | \bplease\s+(?P<explain2>explain|justify|comment\s+on|account\s+for)\b(?P<obj2>[^?.!]*)
    | \bexplain\s+(?P<wh>why|how\s+come)\b
    | \b(?P<opinion>(?:do|does)\s+(?:you|the\s+[\w ]{1,40}?)\s+(?:think|believe|agree|feel)
        |in\s+your\s+(?:opinion|view)|what\s+(?:is|are)\s+your\s+(?:views?|opinions?|thoughts)|would\s+you\s+agree)\b
    | \b(?P<process>how\s+(?:do|does|did|will|would|can|could)\s+(?:you|the\s+[\w ]{1,40}?)\s+
        (?:justify|decide|determine|choose|ensure))\b(?P<obj3>[^?.!]*)
    | \b(?P<intent>(?:do|does)\s+(?:you|the\s+[\w ]{1,40}?)\s+(?:intend|plan)\s+to)\b
    """,
    re.VERBOSE,
)

# Cheap first pass: only sentences containing one of these words are tried against EXPLANATION_RE.
EXPLANATION_HINT_RE = re.compile(
    r"why|explain|justify|comment|account|think|believe|agree|feel|opinion|view|thought|decide|determine|choose"
    r"|ensure|intend|plan"
)

# --- scope ---------------------------------------------------------------------------------------
CATCH_ALL_RE = re.compile(
    r"\b(?:all|any(?:\s+and\s+all)?|every)\s+(?:the\s+)?(?:relevant\s+|related\s+)?(?:information|info|documents?"
    r"|documentation|records?|correspondence|communications?|emails?|e-mails?|data|files?|papers|materials?)\b"
    r"|\beverything\b|\bwhatever\s+(?:information|documents?|you\s+hold)\b"
)
_BROAD_NOUNS = r"(?:activities|areas|services|functions|responsibilities|contracts|projects|operations|tasks)"
ENUMERATION_RE = re.compile(
    rf"\bhow\s+many\s+of\s+(?:the|your)\s+(?P<noun>{_BROAD_NOUNS})\b"
    rf"|\bwhat\s+(?:are|were)\s+(?:all\s+)?(?:those|these|the|your)\s+(?P<noun2>{_BROAD_NOUNS})\b"
    rf"|\b(?:list|details)\s+of\s+(?:all|every)\s+(?:the\s+|your\s+)?(?P<noun3>{_BROAD_NOUNS})\b"
)
_CATEGORY_NOUNS = r"(?:cases|complaints|claims|matters|applications|appeals|work|referrals|patients|pupils|incidents)"
# "for 'parliamentary' cases", "dealing with NHS complaints": a quoted or capitalised category.
CATEGORY_BREAKDOWN_CASED_RE = re.compile(
    r"\b(?:for|in|on|with|to|dealing\s+with|working\s+on|handling|assigned\s+to|responsible\s+for)\s+"
    r"(?:(?:dealing\s+with|working\s+on|handling)\s+)?(?:the\s+)?"
    rf"(?P<cat>['\u2018\"\u201c][^'\u2019\"\u201d\n]{{1,30}}['\u2019\"\u201d]|[A-Z]{{2,}}|[A-Z][a-z]+)\s+(?P<noun>{_CATEGORY_NOUNS})\b"
)
# A breakdown by month or year is always possible from dated records: only other dimensions count.
_NOT_TIME = r"(?!\s+(?:each\s+|the\s+)?(?:months?|years?|quarters?|weeks?|days?|financial|calendar|academic)\b)"
# What a breakdown is by: up to three words, stopping at punctuation and at a word that starts
# another phrase ("by ward and by month" is by ward; "by the station area of the incident" by the
# station area). The detector shows it as "by <dim>", so the message never says "for broken down by".
_STOP = r"(?:and|or|for|in|of|with|from|between|during|since|to|per|on|at|as|please|if|where|which|that)\b"
_DIM = r"(?:the\s+|each\s+|their\s+|its\s+|your\s+)?(?!{stop})[a-z0-9][\w'-]*(?:\s+(?!{stop})[a-z0-9][\w'-]*){{0,2}}".format(
    stop=_STOP
)
EXPLICIT_BREAKDOWN_RE = re.compile(
    rf"\b(?:broken\s+down|split|analysed|categori[sz]ed|separated)\s+(?:out\s+)?by\b{_NOT_TIME}(?:\s+(?P<dim>{_DIM}))?"
    rf"|\bbreakdown\s+by\b{_NOT_TIME}(?:\s+(?P<dim2>{_DIM}))?"
    rf"|\bbreakdown\s+of\b{_NOT_TIME}(?:[^?.;\n]*?\bby\b{_NOT_TIME}\s+(?P<dim3>{_DIM}))?"
    r"|\bfor\s+each\s+(?P<unit>ward|department|directorate|team|school|hospital|site|grade|region|area|category|type)\b"
)
YEAR_KIND_NEEDED_RE = re.compile(
    r"\b(?:per|each|every|by)\s+year\b|\bannual(?:ly)?\b(?!\s+(?:reports?|accounts|leave|general|meeting))"
    r"|\byearly\b|\byear[- ]on[- ]year\b|\b(?:19|20)\d{2}\s*(?:-|\u2013|to)\s*(?:19|20)\d{2}\b"
    r"|\b(?:each|all)\s+of\s+the\s+years\b"
)
YEAR_KIND_GIVEN_RE = re.compile(
    r"\b(?:calendar|financial|fiscal|academic|school|tax)\s+years?\b|\b1\s+april\b|\b31\s+march\b|\b1\s+january\b"
    r"|\b31\s+december\b|\b(?:19|20)\d{2}/\d{2}\b"
)

# --- terms ---------------------------------------------------------------------------------------
ACRONYM_CASED_RE = re.compile(r"\b(?=(?:[A-Z0-9&]*[A-Z]){2})[A-Z][A-Z0-9&]{1,9}(?:s\b|\b)")
DEFINED_ACRONYM_CASED_RE = re.compile(
    r"\(\s*(?P<a>[A-Z][A-Za-z0-9&]{1,9})\s*\)|\b(?P<b>[A-Z][A-Z0-9&]{1,9})\s*\((?=\s*[A-Z][a-z])"
)
SCARE_QUOTE_RE = re.compile(
    r"(?<![\w'\u2019])['\u2018\"\u201c](?P<term>[A-Za-z][\w-]*(?:\s[\w-]+)?)['\u2019\"\u201d](?=\s+[a-z])"
)
COMPOUND_JOINER_RE = re.compile(
    r"(?:,\s*|\s+)(?:and|or)\s+(?=(?:what|which|how|who|whom|whose|when|where|whether|why)\b)"
    r"|;\s*(?=(?:what|which|how|who|whom|whose|when|where|whether|why)\b)"
    r"|\?\s+(?=\S)"
)
# "Could you tell me how many X and how many Y ..." shares one verb: no split unless part 1 has its own.
ASK_FRAME_RE = re.compile(
    r"^(?:please\s+)?(?:could|can|would|will)\s+you\s+(?:please\s+)?(?:tell\s+me|let\s+me\s+know|confirm|state|provide)\s+"
)
SUB_COUNT_RE = re.compile(r"how\s+(?:many|much)\b")
VERB_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|should|may|might|must)\b|\b[a-z]{3,}ed\b"
)

# --- personal data -------------------------------------------------------------------------------
# Records about the requester (a subject access request, UK GDPR art.15): "my file", "emails that
# mention me", "information you hold about me", "the handling of my complaint". Not "the complaints
# policy" or "how many subject access requests": only "my" or "me" make it the requester's own.
_ABOUT_ME = (
    r"about|concerning|regarding|relating\s+to|related\s+to|on|mentioning|mentions?|mentioned|referring\s+to"
    r"|refers?\s+to|referred\s+to|naming|names?|named|identifying|identify"
)
_MY_MATTERS = (
    r"complaints?|case|application|claim|appeal|child|son|daughter|tenancy|benefits?|treatment|care|employment"
    r"|dismissal|grievance|account|assessment|referral|allegation"
)
OWN_DATA_RE = re.compile(
    r"\bmy\s+(?:own\s+)?(?:personal\s+)?(?:data|information(?!\s+(?:request|rights))|records?|files?|case\s+file"
    r"|medical\s+records|health\s+records|notes)\b"
    r"|\b(?:information|data|records?|documents?|emails?|e-mails?|notes|correspondence|files?|reports?|messages"
    rf"|letters|minutes|texts)\s+(?:[\w'-]+\s+){{0,4}}?(?:{_ABOUT_ME})\s+(?:me|myself)\b"
    r"|\b(?:about|concerning|regarding|relating\s+to|related\s+to|mentioning|referring\s+to|of|on|to|with|into)"
    rf"\s+my\s+(?:own\s+)?(?:{_MY_MATTERS})\b"
    rf"|\bmy\s+(?:{_MY_MATTERS})\s+(?:file|records?|notes|papers|history|correspondence)\b"
    r"|\b(?:make|making|made|submit|submitting|treat\s+this\s+as|is)\s+(?:a|my|this)\s+subject\s+access\b"
)
_PEOPLE = (
    r"(?:individuals?|staff|employees?|officers?|councillors?|complainants?|residents?|tenants?|patients?|pupils?"
    r"|students?|children|parents?|applicants?|claimants?|victims?|suspects?|offenders?|caseworkers?|people"
    r"|persons?|doctors|nurses|teachers|landlords|members\s+of\s+(?:the\s+)?(?:public|staff)"
    r"|(?-i:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z]+|[A-Z][a-z]+\s+[A-Z][a-z]+))"
)
# Names of people need capitals: this one runs on the original text, case-insensitively but for them.
THIRD_PARTY_CASED_RE = re.compile(
    r"\b(?:names?|home\s+address(?:es)?|addresses|dates?\s+of\s+birth|phone\s+numbers?|e-?mail\s+addresses"
    r"|salar(?:y|ies)|medical\s+records?|health\s+records?|sickness\s+records?|disciplinary\s+records?"
    r"|criminal\s+records?|personnel\s+files?|performance\s+reviews?|grievances)\s+(?:of|for)\s+"
    rf"(?:the\s+|each\s+|all\s+|any\s+|every\s+)?(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\b"
    r"|\bdisciplinary\s+(?:action|proceedings)\s+(?:taken\s+)?against\s+(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+)",
    re.IGNORECASE,
)
THIRD_PARTY_HINT_RE = re.compile(
    r"name|address|birth|phone|salar|medical|health|sickness|disciplinary|criminal|personnel|performance|grievance"
)
REDACTION_RE = re.compile(
    r"\b(?:removed|redacted|withheld|anonymi[sz]ed|excluded|omitted|blanked)\b|\bwithout\b|\bexcluding\b|\bexcept\b"
)

# --- published, tone, environment, placeholders -------------------------------------------------
LIKELY_PUBLISHED_RE = re.compile(
    r"\bannual\s+reports?\b|\bstatement\s+of\s+accounts\b|\b(?:published|annual|audited)\s+accounts\b"
    r"|\bpay\s+policy\s+statement\b|\bgender\s+pay\s+gap\b"
    r"|\bminutes\s+of\s+(?:the\s+)?(?:full\s+council|cabinet|board|public|(?:[\w-]+\s+){1,2}committee)\b"
    r"|\b(?:spend(?:ing)?|transactions|payments)\s+(?:data\s+)?over\s+£\s?\d+|\borgani[sz]ation(?:al)?\s+(?:chart|structure)\b"
    r"|\bsenior\s+(?:staff\s+)?salaries\b|\bregisters?\s+of\s+(?:members'?\s+)?interests\b|\bcontracts?\s+register\b"
    r"|\bpublication\s+scheme\b|\bdisclosure\s+log\b|\b(?:corporate|strategic)\s+plan\b"
)
# Emotive or accusatory words and their neutral replacements ("" = delete). ICO: no offensive
# language or unrelated complaint material; s.14 / reg 12(4)(b) risk.
NEUTRAL_WORDING: dict[str, str] = {
    "cover-up": "handling", "cover up": "handling", "coverup": "handling", "corrupt": "", "corruption": "",
    "incompetent": "", "incompetence": "", "lies": "statements", "lying": "", "liars": "", "dishonest": "",
    "dishonesty": "", "disgrace": "", "disgraceful": "", "shameful": "", "scandal": "matter", "scandalous": "",
    "whitewash": "review", "cronies": "associates", "cronyism": "", "useless": "", "pathetic": "",
    "ridiculous": "", "outrageous": "", "appalling": "", "shocking": "", "idiots": "", "idiot": "",
    "crooks": "", "thieves": "", "top-heavy": "", "truthful": "accurate", "so-called": "", "fat cats": "senior staff",
    "fat cat": "senior", "jobsworths": "staff", "squandered": "spent", "squandering": "spending",
    "i demand": "I request", "how dare": "",
}  # fmt: skip
EMOTIVE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in sorted(NEUTRAL_WORDING, key=len, reverse=True))
    + r"|waste\s+of\s+(?:public|taxpayers'?|our)\s+money)\b"
)
EXCLAMATION_RE = re.compile(r"\?*![!?]+|\?+![!?]*")  # "!!", "?!", "?!!": starts with a fixed character, fast
SHOUTING_WORDS = r"AND|NOT|ALL|YOUR|YOU|NEVER|STILL|AGAIN|WHY|NOW|EVERY|MUST|URGENT|LIE|LIES|TRUTH|REFUSE|FAILED|ILLEGAL|UNLAWFUL"
SHOUTING_CASED_RE = re.compile(rf"\b(?:{SHOUTING_WORDS})\b")
ENVIRONMENTAL_RE = re.compile(
    r"\bair\s+(?:quality|pollution)\b|\bpollut\w*|\bemissions?\b|\bcarbon\b|\bclimate\b|\bflood\w*|\bdrainage\b"
    r"|\bsewage\b|\bsewers?\b|\bwater\s+quality\b|\brivers?\b|\bcontaminated\s+land\b|\blandfill\b"
    r"|\brecycling\b|\bfly-?tipping\b|\blitter\b|\bnoise\b|\bradiation\b|\bpesticides?\b|\bherbicides?\b"
    r"|\bglyphosate\b|\btree\s+(?:felling|preservation)\b|\bstreet\s+trees\b|\bhedgerows?\b|\bbiodiversity\b"
    r"|\bwildlife\b|\bhabitats?\b|\bgreen\s+belt\b|\bplanning\s+(?:application|permission)s?\b|\bfracking\b"
    r"|\bwind\s+farms?\b|\bsolar\s+farms?\b|\bincinerat\w+|\basbestos\b|\bwaste\s+(?:collection|disposal|management)\b"
)
# Run on the original text (also by the letter, on fields typed by the member).
PLACEHOLDER_CASED_RE = re.compile(
    r"\[(?:[^\]\n]{0,40}?\b(?:insert|add|your|name|date|address|e-?mail|authority|enter|todo|tbc|details|reference"
    r"|xx+)\b[^\]\n]{0,40}|\s*(?:\.\.\.|\u2026|x+)\s*)\]"
    r"|<\s*(?:insert|your|name|date|authority|enter)[^>\n]{0,40}>|\{\{[^}\n]{0,40}\}\}"
    r"|\{(?:name|date|authority|your[^}\n]{0,30})\}|\bX{3,}\b|(?-i:\bTBC\b|\bTODO\b|\bFIXME\b)",
    re.IGNORECASE,
)
