"""How fast is the end-to-end harness? Prints figures; asserts nothing.

    .venv/bin/python tests/benchmarks/bench_e2e.py [--rounds 200] [--no-bot]

Figures: fake start/stop, the in-process mini bot's start-to-ready, a slash command's round trip
(dispatch to visible reply) with and without a defer, and the real ``python -m bot run``
subprocess's start-to-ready and restart-to-ready (what each e2e test pays).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from anywhere

from tests.e2e.bot_process import FAKE_TOKEN, BotProcess, clean_env  # noqa: E402
from tests.e2e.fake_discord import FakeDiscord  # noqa: E402
from tests.e2e.mini_bot import running_mini_bot  # noqa: E402

log = logging.getLogger(__name__)


def figure(label: str, seconds: list[float]) -> None:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    print(f"{label:<44} n={len(ms):<4} median {statistics.median(ms):8.1f} ms   p95 {p95:8.1f} ms")


async def bench_fake_and_mini_bot(rounds: int) -> None:
    starts, readies, pings, defers = [], [], [], []
    for _ in range(5):
        began = time.perf_counter()
        fake = await FakeDiscord().start()
        starts.append(time.perf_counter() - began)
        began = time.perf_counter()
        async with running_mini_bot(fake):
            readies.append(time.perf_counter() - began)
        await fake.stop()
    async with FakeDiscord() as fake, running_mini_bot(fake):
        for _ in range(rounds):
            began = time.perf_counter()
            await (await fake.slash("ping")).reply()
            pings.append(time.perf_counter() - began)
            began = time.perf_counter()
            await (await fake.slash("slow")).followups(2)
            defers.append(time.perf_counter() - began)
    figure("fake discord start", starts)
    figure("mini bot (in-process) start to ready", readies)
    figure("/ping round trip (callback)", pings)
    figure("/slow round trip (defer + 2 followups)", defers)


async def bench_real_bot(runs: int) -> None:
    async with FakeDiscord() as fake:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            # As the e2e fixture runs it: no 2 s wait for servers that the fake sends all at once.
            env = clean_env(root / "home", DISCORD_TOKEN=FAKE_TOKEN, DATABASE_URL=f"sqlite+aiosqlite:///{root / 'foibot.db'}",
                            FOIBOT_GUILD_READY_TIMEOUT="0.1", **fake.env())
            bot = BotProcess(fake, root / "bot", env)
            began = time.perf_counter()
            await bot.start(timeout=60)
            first = [time.perf_counter() - began]
            help_trips = []
            for _ in range(20):
                began = time.perf_counter()
                await (await fake.slash("help")).reply()
                help_trips.append(time.perf_counter() - began)
            restarts = []
            for _ in range(runs):
                await bot.stop()
                began = time.perf_counter()
                await bot.start(timeout=60)
                restarts.append(time.perf_counter() - began)
            await bot.stop()
    figure("python -m bot run: first start to ready", first)
    figure("python -m bot run: restart to ready", restarts)
    figure("/help round trip (real bot)", help_trips)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3, help="real bot restarts to time")
    parser.add_argument("--no-bot", action="store_true", help="skip the real bot subprocess")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(bench_fake_and_mini_bot(args.rounds))
    if not args.no_bot:
        asyncio.run(bench_real_bot(args.runs))


if __name__ == "__main__":
    main()
