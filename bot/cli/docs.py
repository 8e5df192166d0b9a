"""``python -m bot docs law``: write the pages of the documentation site that are generated from code.

The law reference (``docs/reference/law.md``) is printed from the law entries; a test compares the
committed page with this output, so regenerate it after changing an entry:
``python -m bot docs law --output docs/reference/law.md``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from bot.law.reference import law_reference_markdown

log = logging.getLogger(__name__)

PAGES = {"law": law_reference_markdown}


def register(subparsers: argparse._SubParsersAction) -> None:  # noqa: SLF001
    parser = subparsers.add_parser("docs", help="print a documentation page generated from the code")
    parser.add_argument("page", choices=sorted(PAGES), help="law: the law reference, limit by limit")
    parser.add_argument("--output", type=Path, metavar="PATH", help="write the page here instead of stdout")
    parser.set_defaults(handler=cmd_docs)


def cmd_docs(args: argparse.Namespace) -> int:
    text = PAGES[args.page]()
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    return 0
