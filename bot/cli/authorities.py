"""``foibot authorities import FILE_OR_URL``: load WhatDoTheyKnow's directory of public bodies."""

from __future__ import annotations

import argparse
import asyncio
import logging
import time
from pathlib import Path

from bot.config import load_settings
from bot.db import Database
from bot.errors import UserError
from bot.logsetup import setup_logging

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    group = subparsers.add_parser("authorities", help="the directory of public authorities: import")
    sub = group.add_subparsers(dest="authorities_command", metavar="ACTION", required=True, parser_class=type(group))
    imp = sub.add_parser("import", help="load WhatDoTheyKnow's all-authorities.csv (a file, or its URL); safe to repeat monthly")
    imp.add_argument("source", metavar="FILE_OR_URL",
                     help="all-authorities.csv, or https://www.whatdotheyknow.com/body/all-authorities.csv")
    imp.set_defaults(handler=cmd_import)


async def _read(source: str, contact: str, base_url: str) -> bytes:
    if source.startswith(("http://", "https://")):
        from bot.sources.polite import PoliteClient
        from bot.sources.wdtk import WdtkClient

        client = WdtkClient(PoliteClient(contact=contact), base_url)
        try:
            return await client.authorities_csv(source)
        finally:
            await client.close()
    path = Path(source)
    if not path.is_file():
        raise UserError(f"{source}: no such file (give the path to all-authorities.csv, or its https:// address)")
    return await asyncio.to_thread(path.read_bytes)


def cmd_import(args: argparse.Namespace) -> int:
    settings = load_settings()
    setup_logging(settings.log_level)

    async def go() -> int:
        from bot.services.authority_import import import_csv

        started = time.perf_counter()
        data = await _read(args.source, settings.wdtk_contact, settings.wdtk_base_url)
        db = Database(settings.database_url, default_zone=settings.default_timezone)
        try:
            await db.upgrade()
            result = await import_csv(db, data)
        finally:
            await db.dispose()
        print(f"authorities: {result.summary()} ({time.perf_counter() - started:.1f} s)")
        return 0

    return asyncio.run(go())
