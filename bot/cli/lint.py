"""``python -m bot lint FILE|- [--json] [--today DATE] [--law LAW] [--fix] [--letter]`` (and ``--rules``).

Prints the drafting linter's findings for a request, grouped by severity, each with why it
matters, its source and a concrete rewrite. Findings are advice, so the exit status is 0 even
when there are problems; bad input (a missing file, a date that does not parse) is one line on
stderr and exit status 2.

``--fix`` prints the request with the safe fixes applied instead; ``--letter`` prints the request
letter made from the (fixed, with ``--fix``) text.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import textwrap
from datetime import date
from pathlib import Path

from bot.clock import uk_today
from bot.drafting import (
    LintContext,
    RequestDraftFacts,
    Severity,
    apply_fixes,
    lint,
    parse_request,
    render_request_letter,
)
from bot.drafting.model import Finding
from bot.drafting.periods import plain_date
from bot.drafting.rules_doc import rules_markdown
from bot.errors import BadInput
from bot.law.dates import parse_user_date
from bot.law.regimes import Law, regime
from bot.tracking.text import member_text

log = logging.getLogger(__name__)

MAX_INPUT_CHARS = 100_000  # a request is a few thousand characters; anything larger is the wrong file
_WIDTH = 100


def register(subparsers: argparse._SubParsersAction) -> None:  # noqa: SLF001
    parser = subparsers.add_parser(
        "lint",
        help="check a draft request for vague, unanswerable or risky wording",
        description="Check a draft information request against the drafting rules.",
    )
    parser.add_argument("file", metavar="FILE", nargs="?", help="the request as plain text, or - for standard input")
    parser.add_argument("--json", action="store_true", help="print the findings as a JSON list")
    parser.add_argument("--today", metavar="DATE", help="the day the request will be sent (default: today, UK)")
    parser.add_argument("--law", choices=[law.value for law in Law], default=Law.FOIA.value, help="default: foia")
    parser.add_argument("--name", metavar="NAME", help="the requester's real name, if not signed in the text")
    parser.add_argument("--authority", metavar="NAME", help="the authority, if not in a 'Dear ...' line")
    parser.add_argument("--subject", metavar="TEXT", help="a subject for --letter")
    parser.add_argument("--fix", action="store_true", help="print the request with the safe fixes applied")
    parser.add_argument("--letter", action="store_true", help="print the request letter made from the text")
    parser.add_argument("--rules", action="store_true", help="list the drafting rules with their sources")
    parser.set_defaults(handler=run)


def _read(source: str) -> str:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInput(f"Can't read {source}: there is no such file.") from None
    except IsADirectoryError:
        raise BadInput(f"Can't read {source}: it is a directory, not a text file.") from None
    except UnicodeDecodeError:
        raise BadInput(f"Can't read {source}: it is not UTF-8 text. Save the request as plain text.") from None
    except OSError as exc:
        raise BadInput(f"Can't read {source}: {exc.strerror or exc}.") from None
    text = member_text(text, one_line=False)  # the one cleaner (bot.tracking.text), as for /draft check
    if not text:
        raise BadInput(f"Nothing to check: {'standard input' if source == '-' else source} is empty.")
    if len(text) > MAX_INPUT_CHARS:
        raise BadInput(f"{source} is {len(text):,} characters long; a request should be under {MAX_INPUT_CHARS:,}.")
    return text


def _today(raw: str | None) -> date:
    today = uk_today()
    return parse_user_date(raw, today=today) if raw else today


def _location(text: str, finding: Finding) -> str:
    start = finding.span[0]
    line = text.count("\n", 0, start) + 1
    return f"line {line}"


def _wrapped(label: str, body: str) -> list[str]:
    indent = " " * 5
    lines: list[str] = []
    for index, paragraph in enumerate(body.splitlines() or [""]):
        lead = f"{label} " if label else ""
        first = indent + lead if index == 0 else indent + " " * len(lead)
        lines.append(textwrap.fill(paragraph, _WIDTH, initial_indent=first, subsequent_indent=indent + "  "))
    return lines


def format_findings(text: str, findings: list[Finding], context: LintContext) -> str:
    """The human report: a summary line, then each severity's findings with why, source and rewrite."""
    counts = {severity: sum(f.severity is severity for f in findings) for severity in Severity}
    summary = ", ".join(f"{n} {s.value if n == 1 else s.plural}" for s, n in counts.items())
    law = regime(context.law).short
    lines = [f"{summary} ({law}; request to be sent {plain_date(context.today)})"]
    if not findings:
        lines.append("No findings: nothing to change.")
    number = 0
    for severity in Severity:
        group = [f for f in findings if f.severity is severity]
        if not group:
            continue
        lines += ["", severity.plural.upper()]
        for finding in group:
            number += 1
            quote = " ".join(finding.quote.split())
            quoted = f': "{quote[:90]}{"..." if len(quote) > 90 else ""}"' if quote else " (missing)"
            lines.append(f"{number:>3}. [{finding.rule_id}] {_location(text, finding)}{quoted}")
            lines += _wrapped("", finding.message.rstrip(".") + ".")
            lines += _wrapped("Why:", finding.why)
            lines += _wrapped("Source:", finding.source)
            lines += _wrapped("Rewrite:", finding.rewrite)
            if finding.fix:
                lines += _wrapped("Fix:", f"automatic ({finding.fix.description}); use --fix")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _letter(text: str, args: argparse.Namespace, context: LintContext) -> str:
    doc = parse_request(text)
    authority = args.authority or doc.addressee
    name = args.name or (doc.signoff.name if doc.signoff else None)
    if not authority:
        raise BadInput("The letter needs the authority's name (authority): add --authority or a 'Dear ...' line.")
    if not name:
        raise BadInput("The letter needs your real name (requester name): add --name or sign the request.")
    facts = RequestDraftFacts(authority, context.law, text, name, args.subject)
    return render_request_letter(facts, context.today)


def run(args: argparse.Namespace) -> int:
    if args.rules:
        sys.stdout.write(rules_markdown(Law(args.law)))
        return 0
    if args.file is None:
        raise BadInput("Give the request to check: a file name, or - to read standard input.")
    text = _read(args.file)
    # Text given on the command line goes through the one cleaner too (a byte that is not UTF-8
    # arrives from the shell as a lone surrogate, which could not be printed).
    args.authority, args.name, args.subject, args.today = (
        member_text(value) or None for value in (args.authority, args.name, args.subject, args.today)
    )
    context = LintContext(
        today=_today(args.today),
        law=Law(args.law),
        authority_name=args.authority,
        requester_name=args.name,
    )
    findings = lint(text, context)
    if args.fix:
        text = apply_fixes(text, findings, context)
        findings = lint(text, context)
    if args.letter:
        sys.stdout.write(_letter(text, args, context))
    elif args.json:
        payload: object = [f.as_json() for f in findings]
        if args.fix:
            payload = {"fixed": text, "findings": payload}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif args.fix:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        sys.stdout.write(format_findings(text, findings, context))
    return 0
