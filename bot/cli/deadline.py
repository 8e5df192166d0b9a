"""``python -m bot deadline``: every statutory deadline for a request, as text or JSON.

Other tools call this; its flags and JSON keys are a contract (issue 3): the top-level keys are the
deadlines' ISO dates, then ``skipped``, ``basis``, ``deadlines`` (each deadline named with its title,
rule and citation) and ``notes``. A whole timeline (``--timeline FILE``, the JSON `/request export`
writes) goes through the bot's own fold, so any tracked request can be recomputed outside Discord.
Bad input exits 2 with one line (a ``BadInput`` raised here is printed by ``bot.cli.main``).
"""

from __future__ import annotations

import argparse
import json
import logging
from datetime import date

from bot.clock import uk_today
from bot.errors import BadInput
from bot.law import Division, Law, ReceiptConvention, RequestFacts, compute_deadlines, parse_user_date
from bot.law.counting import long_date
from bot.law.deadlines import clarification_pause_days
from bot.law.explain import KEY_TITLES, deadline_lines, explain, title
from bot.law.regimes import ClockRule, regime
from bot.tracking.text import member_text

log = logging.getLogger(__name__)

# flag (without --) -> RequestFacts field; every one takes a date typed by a person.
DATE_FLAGS: dict[str, str] = {
    "received": "received",
    "clarification-requested": "clarification_requested",
    "clarification-received": "clarification_received",
    "fee-notice": "fee_notice",
    "fee-paid": "fee_paid",
    "extended-to": "extended_to",
    "extension-notified": "extension_notified",
    "promised-by": "promised_by",
    "identity-requested": "identity_requested",
    "identity-received": "identity_received",
    "responded": "responded",
    "review-requested": "review_requested",
    "review-responded": "review_responded",
}


def register(subparsers: argparse._SubParsersAction) -> None:  # noqa: SLF001
    parser = subparsers.add_parser(
        "deadline",
        help="work out a request's statutory deadlines",
        description=(
            "Every deadline that applies to an information request, with the rule and its source. "
            "Dates are day first: 28/03/2022, 28 March 2022, 2022-03-28, today, yesterday."
        ),
    )
    parser.add_argument("--law", choices=[law.value for law in Law], help="the law (required unless --timeline gives it)")
    parser.add_argument(
        "--division",
        choices=[d.value for d in Division],
        default=None,
        help="where the authority or organisation is (default: england-and-wales)",
    )
    for flag in DATE_FLAGS:
        parser.add_argument(f"--{flag}", metavar="DATE")
    parser.add_argument(
        "--clarification",
        nargs="+",
        action="append",
        metavar="DATE",
        help="one round of clarification: the day it was asked for, and the day your answer arrived if it has; "
        "repeat for several rounds (subject access adds up every round's pause)",
    )
    parser.add_argument("--clarification-partial", action="store_true", help="the (latest) clarification was about one part only")
    parser.add_argument(
        "--school",
        action="store_true",
        help="a school with its own time limits: FOIA maintained school or academy (SI 2004/3364), "
        "FOISA grant-aided or independent special school (SSI 2016/346)",
    )
    parser.add_argument("--timeline", metavar="FILE", help="a JSON timeline: the file /request export writes, one request, or a list of events")
    parser.add_argument("--request", metavar="ID", help="with --timeline: only this request (e.g. R-7K2M9Q)")
    parser.add_argument(
        "--receipt-convention",
        choices=[c.value for c in ReceiptConvention],
        default=ReceiptConvention.ICO.value,
        help="receipt on a non-working day: ico = that day is day 0 (default); next-working-day = count from the next working day",
    )
    parser.add_argument(
        "--json", action="store_true",
        help="print one JSON object: {key: ISO date, ..., skipped, basis, deadlines: {key: {date, title, rule, citation}}, notes}",
    )
    parser.set_defaults(handler=run)


def _date(flag: str, text: str, today: date) -> date:
    try:
        return parse_user_date(member_text(text), today=today)  # the one cleaner (bot.tracking.text)
    except BadInput as exc:
        raise BadInput(f"--{flag}: {exc.message}") from None


def clarification_rounds(law: Law, rounds: list[list[str]], today: date) -> dict[str, object]:
    """``--clarification ASKED [ANSWERED]`` rounds as facts: the latest round's dates, and for subject
    access the days earlier rounds stopped the clock (DUAA 2025 s.76: each round stops it again);
    for the FOI laws each answer restarts the count, so only the latest round matters."""
    parsed: list[tuple[date, date | None]] = []
    for number, words in enumerate(rounds, 1):
        if len(words) > 2:
            raise BadInput(f"--clarification takes one or two dates (asked, answered); round {number} has {len(words)}.")
        asked = _date("clarification", words[0], today)
        answered = _date("clarification", words[1], today) if len(words) == 2 else None
        if answered is not None and answered < asked:
            raise BadInput(f"--clarification round {number}: answered {long_date(answered)} is before it was asked, {long_date(asked)}.")
        parsed.append((asked, answered))
    parsed.sort()
    for (asked, answered), (next_asked, _) in zip(parsed, parsed[1:], strict=False):
        if answered is None or next_asked < answered:
            raise BadInput(
                f"--clarification: the round asked on {long_date(asked)} must be answered before the next round "
                f"({long_date(next_asked)}) begins."
            )
    *earlier, (asked, answered) = parsed
    pause = 0
    if regime(law).clarification is ClockRule.PAUSE:
        pause = sum(clarification_pause_days(a, b) for a, b in earlier if b is not None)
    return {"clarification_requested": asked, "clarification_received": answered, "earlier_pause_days": pause}


def facts_from_args(args: argparse.Namespace, today: date) -> RequestFacts:
    if args.law is None:
        raise BadInput("Give --law (foia, eir, foisa, eisr or sar), or --timeline FILE.")
    law = Law(args.law)
    dates: dict[str, object] = {}
    for flag, field in DATE_FLAGS.items():
        text = getattr(args, field)
        if text is not None:
            dates[field] = _date(flag, text, today)
    if args.clarification:
        if "clarification_requested" in dates or "clarification_received" in dates:
            raise BadInput("Give clarification either as --clarification rounds or as --clarification-requested/-received, not both.")
        dates.update(clarification_rounds(law, args.clarification, today))
    if not dates:
        raise BadInput("Give at least one date, e.g. --received 28/03/2022 (or --responded, --review-requested).")
    return RequestFacts(
        law=law,
        division=Division(args.division or Division.ENGLAND_AND_WALES.value),
        clarification_partial=args.clarification_partial,
        school=args.school,
        **dates,  # type: ignore[arg-type]
    )


def _run_timeline(args: argparse.Namespace, today: date) -> int:
    from bot.cli.timeline import fold_timeline, folded_json, read_timelines

    if any(getattr(args, field) is not None for field in DATE_FLAGS.values()) or args.clarification:
        raise BadInput("--timeline gives every date: leave out the date flags (or leave out --timeline).")
    items = read_timelines(args.timeline, law=args.law, division=args.division, school=args.school, request_id=args.request)
    results = [(item, fold_timeline(item, today)) for item in items]
    if args.json:
        documents = [folded_json(item, folded) for item, folded in results]
        print(json.dumps(documents[0] if len(documents) == 1 else {"requests": documents}, indent=2, ensure_ascii=False))
        return 0
    blocks = []
    for item, folded in results:
        law = folded.facts.law
        lines = [f"{item.public_id or 'Timeline'}: {regime(law).short}, {folded.shown_status.value.replace('_', ' ')}"]
        if not folded.live:
            lines.append("No deadline applies at this stage.")
        for deadline in folded.live.values():
            lines.extend(deadline_lines(deadline, law))
        if folded.report.notes:
            lines.append("Notes:")
            lines.extend(f"- {note}" for note in folded.report.notes)
        blocks.append("\n".join(lines))
    print("\n\n".join(blocks))
    return 0


def run(args: argparse.Namespace) -> int:
    today = uk_today()
    if args.timeline is not None:
        return _run_timeline(args, today)
    if args.request is not None:
        raise BadInput("--request picks a request from --timeline FILE; give the file too.")
    facts = facts_from_args(args, today)
    report = compute_deadlines(facts, ReceiptConvention(args.receipt_convention))
    if args.json:
        titles = {key: title(key, report.law) for key in report.deadlines}
        print(json.dumps(report.as_json(titles), indent=2, ensure_ascii=False))
    else:
        print(explain(report))
    return 0


__all__ = ["DATE_FLAGS", "KEY_TITLES", "clarification_rounds", "facts_from_args", "register", "run"]
