"""``foibot read FILE [--law LAW] [--questions QFILE] [--json]``: read an authority's reply.

FILE is the reply as .txt, .eml, .pdf or .docx (or - for text on standard input). ``--json``
prints one JSON object (the contract in docs/reading.md: ``kind``, ``outcome``, ``citations``,
``mentioned``, ``attachments_referred``, ``review_rights_stated``, ``regulator_rights_stated``,
``public_interest_reasons_given``, ``cost_estimate_given``, ``questions``, ``spans`` and more);
without it, the same findings as a member reads them. Unreadable input: one line, exit 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from bot.errors import BadInput
from bot.reading import read_reply
from bot.reading.extract import MAX_FILE_BYTES, extract_text
from bot.reading.summary import as_text
from bot.tracking.letters import split_questions
from bot.tracking.text import member_text

log = logging.getLogger(__name__)

LAWS = ("foia", "eir", "foisa", "eisr", "sar")


def register(subparsers: argparse._SubParsersAction) -> None:  # noqa: SLF001
    parser = subparsers.add_parser(
        "read",
        help="read an authority's reply: kind, outcome, exemptions relied on, what to challenge",
        description="Read an authority's reply (.txt, .eml, .pdf, .docx) and say what it decided (docs/reading.md).",
    )
    parser.add_argument("file", metavar="FILE", help="the reply: a .txt, .eml, .pdf or .docx file, or - for standard input")
    parser.add_argument("--law", type=str.lower, choices=LAWS, help="the request's law (default: read from the reply)")
    parser.add_argument("--questions", metavar="QFILE", help="the request's questions as text, one numbered question a line")
    parser.add_argument("--json", action="store_true", help="print one JSON object (the contract in docs/reading.md)")
    parser.set_defaults(handler=run)


def _bytes(source: str) -> bytes:
    try:
        if source == "-":
            return sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        path = Path(source)
        if path.is_dir():
            raise BadInput(f"Can't read {source}: it is a directory, not a file.")
        with path.open("rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise BadInput(f"Can't read {source}: there is no such file.") from None
    except OSError as exc:
        raise BadInput(f"Can't read {source}: {exc.strerror or exc}.") from None


def _questions(source: str | None) -> tuple[str, ...]:
    if source is None:
        return ()
    try:
        text = Path(source).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInput(f"Can't read the questions file {source}: there is no such file.") from None
    except (OSError, UnicodeDecodeError):
        raise BadInput(f"Can't read the questions file {source}: it must be UTF-8 text.") from None
    return split_questions(member_text(text, one_line=False))


def run(args: argparse.Namespace) -> int:
    data = _bytes(args.file)
    name = "standard input" if args.file == "-" else Path(args.file).name
    extracted = extract_text(data, name if args.file != "-" else "reply.txt")
    text = member_text(extracted.text, one_line=False)  # the one cleaner, as for a reply pasted in Discord
    reading = read_reply(text, law=args.law, questions=_questions(args.questions))
    if args.json:
        payload = reading.to_json()
        payload["notes"] = list(extracted.notes)
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(as_text(reading))
        for note in extracted.notes:
            sys.stdout.write(f"Note: {note}\n")
    return 0
