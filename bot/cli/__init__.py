"""``python -m bot`` / ``foibot``: one entry point, one module per group of subcommands.

Each module in ``SUBCOMMAND_MODULES`` exposes ``register(subparsers)``, which adds its parsers
with ``set_defaults(handler=...)``. A handler takes the parsed arguments and returns the exit
status. A ``UserError`` anywhere becomes one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from bot.errors import UserError

SUBCOMMAND_MODULES = (
    "bot.cli.core",
    "bot.cli.deadline",
    "bot.cli.lint",
    "bot.cli.letter",
    "bot.cli.docs",
    "bot.cli.read",
    "bot.cli.authorities",
)


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage in one line with status 2 (its own usage dump is noise)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="foibot", description="foibot: UK information-rights requests on Discord.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module_name in SUBCOMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0].startswith("-") and args_list[0] not in ("-h", "--help"):
        args_list = ["run", *args_list]  # `run` is the default subcommand
    parser = build_parser()
    args = parser.parse_args(args_list)
    try:
        return int(args.handler(args) or 0)
    except UserError as exc:
        print(f"foibot: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the output went to `head` or a closed pager: not an error worth a traceback
        sys.stderr.close()
        return 0
