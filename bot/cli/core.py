"""``run`` (the default), ``sync``, ``check`` and ``db``: operating the bot."""

from __future__ import annotations

import argparse
import asyncio
import logging
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.config import Settings, load_settings
from bot.db import Database, SchemaError, head_revision, is_sqlite, known_revisions
from bot.errors import UserError
from bot.logsetup import setup_logging

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    run = subparsers.add_parser("run", help="start the bot (the default)")
    run.set_defaults(handler=cmd_run)

    sync = subparsers.add_parser("sync", help="register the slash commands with Discord now")
    sync.add_argument("--guild", type=int, metavar="ID", help="copy the commands to this server only (development)")
    sync.set_defaults(handler=cmd_sync)

    check = subparsers.add_parser("check", help="check settings, database, templates; print the command tree")
    check.set_defaults(handler=cmd_check)

    db = subparsers.add_parser("db", help="database schema: upgrade | current | downgrade REV")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True, parser_class=type(db))
    db_sub.add_parser("upgrade", help="bring the schema to the newest revision").set_defaults(handler=cmd_db_upgrade)
    db_sub.add_parser("current", help="print the schema revision").set_defaults(handler=cmd_db_current)
    down = db_sub.add_parser("downgrade", help="go back to revision REV ('base' empties the database)")
    down.add_argument("revision")
    down.set_defaults(handler=cmd_db_downgrade)


# -- run / sync ---------------------------------------------------------------------------------

def cmd_run(args: argparse.Namespace) -> int:
    settings = load_settings()
    token = settings.token()  # missing or malformed: ConfigError, one line, exit 2
    setup_logging(settings.log_level, secrets=[token])
    return asyncio.run(_run_bot(settings, token))


async def _run_bot(settings: Settings, token: str) -> int:
    from bot.client import serve

    db = Database(settings.database_url, default_zone=settings.default_timezone)
    try:
        await db.upgrade()  # a member never runs a separate migration step
        await serve(settings, db, token)
        log.info("foibot stopped")
        return 0
    finally:
        await db.dispose()


def cmd_sync(args: argparse.Namespace) -> int:
    settings = load_settings()
    token = settings.token()
    setup_logging(settings.log_level, secrets=[token])
    if args.guild:
        settings = settings.model_copy(update={"dev_guild_id": args.guild})
    return asyncio.run(_sync(settings, token))


async def _sync(settings: Settings, token: str) -> int:
    from bot.client import FoiBot, point_discord_at

    point_discord_at(settings)
    db = Database(settings.database_url, default_zone=settings.default_timezone)
    try:
        await db.upgrade()
        bot = FoiBot(settings, db, services=False)
        async with bot:
            await bot.login(token)  # runs setup_hook: loads the cogs, starts nothing
            count = await bot.register_commands()
        print(f"registered {count} command(s) {'in server ' + str(settings.dev_guild_id) if settings.dev_guild_id else 'globally'}")
        return 0
    finally:
        await db.dispose()


# -- check --------------------------------------------------------------------------------------

def cmd_check(args: argparse.Namespace) -> int:
    problems: list[str] = []
    try:
        settings = load_settings()
    except UserError as exc:
        print(f"settings: PROBLEM: {exc.message}")
        return 1
    print("settings: ok")
    print(f"shards: this process would run {settings.shard_plan().describe()}")
    from bot.reminders.dispatcher import dispatch_settings

    print(f"alert DMs: paced at {dispatch_settings(settings).dms_per_second:g} a second "
          f"(DISCORD_GLOBAL_RATE_LIMIT={settings.discord_global_rate_limit}, shared between processes by shards)")
    try:
        settings.token()
        print("DISCORD_TOKEN: set")
    except UserError:
        print("DISCORD_TOKEN: not set (needed for `run` and `sync`, not for the CLI tools)")
    problems += asyncio.run(_check_database(settings))
    from bot.templates import compile_all, template_names

    template_problems = compile_all()
    problems += [f"template {p}" for p in template_problems]
    print(f"templates: {len(template_names())} found, {'all compile' if not template_problems else 'PROBLEMS'}")
    try:
        for line in asyncio.run(_command_tree(settings)):
            print(line)
    except Exception as exc:  # a cog that fails to load is exactly what check is for
        problems.append(f"commands: {type(exc).__name__}: {exc}")
    if problems:
        print("\nfoibot check found problems:")
        for problem in problems:
            print(f"  - {problem}")
        return 1
    print("\nall is well")
    return 0


async def _check_database(settings: Settings) -> list[str]:
    url = settings.database_url
    shown = make_url(url).render_as_string(hide_password=True)
    if is_sqlite(url):
        path = make_url(url).database
        if path and path != ":memory:" and not Path(path).exists():
            print(f"database: {shown}: not created yet; `run` creates it at revision {head_revision()}")
            return []
    db = Database(url)
    try:
        current = await db.current_revision()
    except Exception as exc:
        return [f"database {shown} unreachable: {type(exc).__name__}: {exc}"]
    finally:
        await db.dispose()
    head = head_revision()
    if current == head:
        print(f"database: {shown}: reachable, schema at {head} (newest)")
        for line in await _processes(settings):
            print(line)
        return []
    if current is not None and current not in known_revisions():
        return [f"database {shown} is at revision {current}, newer than this foibot: upgrade foibot"]
    print(f"database: {shown}: reachable, schema at {current or 'empty'}; `run` upgrades it to {head}")
    return []


async def _processes(settings: Settings) -> list[str]:
    """The bot processes this database has heard from (their heartbeat rows), stale ones marked."""
    from bot.clock import utcnow
    from bot.services.cluster import seen_processes

    db = Database(settings.database_url, default_zone=settings.default_timezone)
    try:
        now = utcnow()
        seen = await seen_processes(db, now=now, interval=settings.heartbeat_seconds)
    finally:
        await db.dispose()
    if not seen:
        return ["processes: none running (no heartbeat in the database)"]
    stale = sum(p.stale for p in seen)
    return [f"processes: {len(seen)} seen, {stale} stale", *(f"  {p.describe(now)}" for p in seen)]


async def _command_tree(settings: Settings) -> list[str]:
    from bot.client import FoiBot

    db = Database(settings.database_url, default_zone=settings.default_timezone)
    bot = FoiBot(settings, db, services=False)
    try:
        await bot.load_all_extensions()
        lines = ["commands:"]
        for command in sorted(bot.tree.get_commands(), key=lambda c: c.name):
            lines.append(f"  /{command.name} - {getattr(command, 'description', '')}")
            for sub in sorted(getattr(command, "commands", []), key=lambda c: c.name):
                lines.append(f"    /{command.name} {sub.name} - {sub.description}")
        return lines
    finally:
        await bot.close()
        await db.dispose()


# -- db -----------------------------------------------------------------------------------------

def _db_action(action: str, revision: str | None = None) -> int:
    settings = load_settings()
    setup_logging(settings.log_level)

    async def go() -> int:
        db = Database(settings.database_url, default_zone=settings.default_timezone)
        try:
            if action == "upgrade":
                await db.upgrade()
                print(f"database at revision {await db.current_revision()} (newest)")
            elif action == "current":
                current = await db.current_revision()
                print(current or "empty (no schema yet)")
            else:
                assert revision is not None
                if revision != "base" and revision not in known_revisions():
                    raise UserError(f"unknown revision {revision!r}: known are base, {', '.join(sorted(known_revisions()))}")
                await db.downgrade(revision)
                print(f"database at revision {await db.current_revision() or 'base (empty)'}")
            return 0
        finally:
            await db.dispose()

    try:
        return asyncio.run(go())
    except SchemaError:
        raise


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    return _db_action("upgrade")


def cmd_db_current(args: argparse.Namespace) -> int:
    return _db_action("current")


def cmd_db_downgrade(args: argparse.Namespace) -> int:
    return _db_action("downgrade", args.revision)
