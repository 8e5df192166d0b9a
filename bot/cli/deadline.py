"""``python -m bot deadline``: every statutory deadline for a request, as text or JSON.

Other tools call this; its flags and JSON keys are a contract (issue 3). Bad input exits 2 with
one line (a ``BadInput`` raised here is printed by ``bot.cli.main``).
"""

from __future__ import annotations

import argparse
import json
import logging
from datetime import date

from bot.clock import uk_today
from bot.errors import BadInput
from bot.law import Division, Law, ReceiptConvention, RequestFacts, compute_deadlines, parse_user_date
from bot.law.explain import explain

log = logging.getLogger(__name__)

# flag (without --) -> RequestFacts field; every one takes a date typed by a person.
DATE_FLAGS: dict[str, str] = {
    "received": "received",
    "clarification-requested": "clarification_requested",
    "clarification-received": "clarification_received",
    "fee-notice": "fee_notice",
    "fee-paid": "fee_paid",
    "extended-to": "extended_to",
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
    parser.add_argument("--law", required=True, choices=[law.value for law in Law])
    parser.add_argument(
        "--division",
        choices=[d.value for d in Division],
        default=Division.ENGLAND_AND_WALES.value,
        help="where the authority or organisation is (default: england-and-wales)",
    )
    for flag in DATE_FLAGS:
        parser.add_argument(f"--{flag}", metavar="DATE")
    parser.add_argument("--clarification-partial", action="store_true", help="the clarification was about one part only")
    parser.add_argument("--school", action="store_true", help="a maintained school or academy (FOIA 60-working-day backstop)")
    parser.add_argument(
        "--receipt-convention",
        choices=[c.value for c in ReceiptConvention],
        default=ReceiptConvention.ICO.value,
        help="receipt on a non-working day: ico = that day is day 0 (default); next-working-day = count from the next working day",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object: {key: ISO date, skipped, basis}")
    parser.set_defaults(handler=run)


def facts_from_args(args: argparse.Namespace, today: date) -> RequestFacts:
    dates: dict[str, date] = {}
    for flag, field in DATE_FLAGS.items():
        text = getattr(args, field)
        if text is not None:
            try:
                dates[field] = parse_user_date(text, today=today)
            except BadInput as exc:
                raise BadInput(f"--{flag}: {exc.message}") from None
    if not dates:
        raise BadInput("Give at least one date, e.g. --received 28/03/2022 (or --responded, --review-requested).")
    return RequestFacts(
        law=Law(args.law),
        division=Division(args.division),
        clarification_partial=args.clarification_partial,
        school=args.school,
        **dates,
    )


def run(args: argparse.Namespace) -> int:
    facts = facts_from_args(args, uk_today())
    report = compute_deadlines(facts, ReceiptConvention(args.receipt_convention))
    if args.json:
        print(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
    else:
        print(explain(report))
    return 0
