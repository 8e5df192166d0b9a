"""The real bot as a subprocess: ``python -m bot run``, the code path members' hosts run.

``BotProcess`` starts it in its own working directory with a clean environment (nothing from the
developer's shell or a ``.env`` leaks in), sends its stdout and stderr to ``bot.log`` there, waits
until the fake has seen a new IDENTIFY and the log says ``foibot ready``, and stops it with
SIGINT, then SIGTERM, then SIGKILL. ``restart()`` keeps the working directory and database.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import Settings
from tests.fakediscord.server import EnvNames

if TYPE_CHECKING:
    from tests.fakediscord.server import FakeDiscord

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[2]
# Shaped like a real token (id.timestamp.hmac) so the bot's format check passes; the fake accepts any.
FAKE_TOKEN = "MTA1MDAwMDAwMDAwMDAwMDAw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB"
READY_LINE = "foibot ready"
PASSED_THROUGH = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "SYSTEMROOT")
# The settings that point foibot at the fake, by the names bot/config.py reads them under.
DISCORD_ENDPOINTS = EnvNames(
    api_base=str(Settings.model_fields["discord_api_base"].alias),
    gateway=str(Settings.model_fields["discord_gateway"].alias),
)


def clean_env(home: Path, **settings: str) -> dict[str, str]:
    """The environment of a fresh host: only PATH and locale from ours, HOME in the test's tmp dir."""
    env = {k: v for k, v in os.environ.items() if k in PASSED_THROUGH}
    env.update(
        HOME=str(home),
        PYTHONPATH=str(REPO_ROOT),  # so FOIBOT_EXTRA_EXTENSIONS can name tests.e2e.* modules
        PYTHONUNBUFFERED="1",
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.update(settings)
    return env


class BotProcess:
    """One bot working directory (log, default database); start, stop and restart its process."""

    def __init__(self, fake: FakeDiscord, workdir: Path, env: dict[str, str]) -> None:
        self.fake = fake
        self.workdir = workdir
        self.env = env
        self.log_path = workdir / "bot.log"
        self.proc: asyncio.subprocess.Process | None = None
        self.starts = 0
        self._log_offset = 0

    @property
    def returncode(self) -> int | None:
        return self.proc.returncode if self.proc else None

    async def start(self, *, wait: bool = True, timeout: float = 30.0) -> BotProcess:
        if self.proc is not None and self.proc.returncode is None:
            raise RuntimeError("the bot is already running; stop() or restart() it")
        self.workdir.mkdir(parents=True, exist_ok=True)
        identifies = self.fake.gateway.identify_count
        self._log_offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        with self.log_path.open("ab") as sink:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", cwd=self.workdir, env=self.env, stdout=sink, stderr=sink,
                stdin=asyncio.subprocess.DEVNULL,
            )
        self.starts += 1
        log.info("started bot pid %s in %s", self.proc.pid, self.workdir)
        if wait:
            await self.wait_ready(identifies, timeout)
        return self

    async def wait_ready(self, identifies_before: int, timeout: float = 30.0) -> None:
        """Until the fake saw a new IDENTIFY and this run's log says ``foibot ready``."""
        assert self.proc is not None
        began = time.monotonic()
        while True:
            if self.fake.gateway.identify_count > identifies_before and READY_LINE in self.run_log():
                log.info("bot ready after %.1f s", time.monotonic() - began)
                return
            if self.proc.returncode is not None:
                raise AssertionError(f"the bot exited with status {self.proc.returncode} before it was ready:\n{self.run_log()}")
            if time.monotonic() - began > timeout:
                raise AssertionError(
                    f"the bot was not ready within {timeout:.0f} s (no {READY_LINE!r} in its log and/or no IDENTIFY)\n"
                    f"--- bot log ---\n{self.run_log()}\n--- fake discord ---\n{self.fake.describe()}"
                )
            await asyncio.sleep(0.05)

    async def stop(self, grace: float = 10.0) -> int | None:
        """SIGINT (what Ctrl-C sends), then SIGTERM, then SIGKILL; returns the exit status."""
        proc = self.proc
        if proc is None or proc.returncode is not None:
            return self.returncode
        for sig, wait in ((signal.SIGINT, grace), (signal.SIGTERM, 3.0), (signal.SIGKILL, 5.0)):
            try:
                proc.send_signal(sig)
            except ProcessLookupError:
                break
            try:
                await asyncio.wait_for(proc.wait(), wait)
                break
            except asyncio.TimeoutError:
                log.warning("bot pid %s ignored %s for %.0f s", proc.pid, sig.name, wait)
        log.info("bot pid %s stopped with status %s", proc.pid, proc.returncode)
        return proc.returncode

    async def restart(self, *, timeout: float = 30.0) -> BotProcess:
        await self.stop()
        return await self.start(timeout=timeout)

    def log_text(self) -> str:
        """The whole log of every run in this working directory."""
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def run_log(self) -> str:
        """The log of the latest run only."""
        if not self.log_path.exists():
            return ""
        with self.log_path.open("rb") as f:
            f.seek(self._log_offset)
            return f.read().decode("utf-8", errors="replace")

    def log_tail(self, lines: int = 80) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])


# The ``bot_process`` fixture: ``await bot_process(extensions=..., dev_guild=..., ...)``.
StartBot = Callable[..., Awaitable[BotProcess]]
