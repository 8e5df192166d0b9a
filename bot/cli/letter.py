"""``python -m bot letter {review,chaser,complaint,clarification} --request-json FILE``.

Renders a letter from a JSON description of a request (``LetterFacts.from_json``) for use outside
Discord. The letter goes to stdout (or, with ``--format docx --output PATH``, to a Word file);
timing warnings go to stderr. Bad JSON, an unknown field or a ground that does not fit: one line on
stderr and exit status 2 (a ``BadInput`` raised here is printed by ``bot.cli.main``).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import date
from pathlib import Path

from bot.clock import uk_today
from bot.errors import BadInput
from bot.law.dates import parse_user_date
from bot.letters.docx import letter_docx
from bot.letters.facts import LetterFacts
from bot.letters.grounds import default_ground_ids, propose_grounds
from bot.letters.render import Letter, render_letter
from bot.letters.wording import LetterKind
from bot.tracking.text import member_json, member_text

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:  # noqa: SLF001
    parser = subparsers.add_parser(
        "letter",
        help="write a review, chaser, complaint or clarification letter for a request",
        description=(
            "Write a letter from a JSON description of a request's facts. Without --grounds, the grounds "
            "foibot proposes for the facts are used; --list-grounds shows them."
        ),
    )
    parser.add_argument("kind", choices=[k.value for k in LetterKind])
    parser.add_argument("--request-json", required=True, metavar="FILE", help="the request's facts as JSON ('-' for stdin)")
    parser.add_argument("--grounds", metavar="ID,ID", help="the grounds to argue, comma-separated (default: those proposed)")
    parser.add_argument("--today", metavar="DATE", help="the letter's date (default: today in the UK)")
    parser.add_argument("--notes", metavar="TEXT", help="your own paragraph (for a clarification reply: the clarification)")
    parser.add_argument("--notes-file", metavar="FILE", help="read your own paragraph from a file")
    parser.add_argument("--format", choices=["txt", "docx"], default="txt")
    parser.add_argument("--output", metavar="PATH", help="write the letter here (required for --format docx)")
    parser.add_argument("--list-grounds", action="store_true", help="list the grounds that fit, ticked or not, and stop")
    parser.set_defaults(handler=run)


def read_utf8(path: str, flag: str) -> str:
    """A file's text ('-': standard input), which must be UTF-8; any problem is one ``BadInput`` line."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise BadInput(f"Cannot read {flag} {path}: {exc.strerror or exc}.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{flag} {path} is not UTF-8 text (at byte {exc.start + 1}): save it as UTF-8 and try again.") from None


def load_facts(path: str) -> LetterFacts:
    """The request's facts from a JSON file; every problem is one ``BadInput`` line."""
    text = read_utf8(path, "--request-json")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"--request-json {path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from None
    except RecursionError:
        raise BadInput(f"--request-json {path} nests too deeply to be a request's facts.") from None
    return LetterFacts.from_json(member_json(data))


def _today(text: str | None) -> date:
    today = uk_today()
    if text is None:
        return today
    try:
        return parse_user_date(text, today=today)
    except BadInput as exc:
        raise BadInput(f"--today: {exc.message}") from None


def _notes(args: argparse.Namespace) -> str | None:
    if args.notes is not None and args.notes_file is not None:
        raise BadInput("Give --notes or --notes-file, not both.")
    if args.notes_file is not None:
        return member_text(read_utf8(args.notes_file, "--notes-file"), one_line=False)
    return member_text(args.notes, one_line=False) or None


def run(args: argparse.Namespace) -> int:
    facts = load_facts(args.request_json)
    today = _today(member_text(args.today) or None)
    proposals = propose_grounds(args.kind, facts, today)
    if args.list_grounds:
        for p in proposals:
            tick = "x" if p.selected else " "
            check = f"  (check: {p.check})" if p.check else ""
            print(f"[{tick}] {p.id}: {p.title} [{'; '.join(p.citations)}]{check}")
        return 0
    if args.format == "docx" and not args.output:
        raise BadInput("--format docx needs --output PATH (a .docx file).")
    ids = default_ground_ids(proposals) if args.grounds is None else [g for g in member_text(args.grounds).split(",") if g.strip()]
    letter = render_letter(args.kind, facts, ids, today, notes=_notes(args))
    _print_warnings(letter)
    if args.format == "docx":
        _write(args.output, letter_docx(letter))
    elif args.output:
        _write(args.output, letter.text().encode("utf-8"))
    else:
        sys.stdout.write(letter.text())
    return 0


def _print_warnings(letter: Letter) -> None:
    for warning in letter.warnings:
        print(f"foibot: warning: {warning.message}", file=sys.stderr)
    if letter.next_step is not None and letter.next_step.to_regulator:
        print(f"foibot: next: {letter.next_step.text()}.", file=sys.stderr)


def _write(path: str, data: bytes) -> None:
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise BadInput(f"Cannot write {path}: {exc.strerror or exc}.") from None
