"""A well-formed token that Discord refuses (reset on the Developer Portal, say): one line, exit 2."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from tests.e2e.bot_process import FAKE_TOKEN, clean_env
from tests.e2e.fake_discord import FakeDiscord

pytestmark = pytest.mark.e2e


async def test_a_token_discord_refuses_exits_2_with_one_line_saying_what_to_do(tmp_path: Path) -> None:
    async with FakeDiscord(token="MTA1MDAwMDAwMDAwMDAwMDAx.XyZaBc.thisistheonlytokenthefakewillaccept00") as fake:
        env = clean_env(tmp_path / "home", DISCORD_TOKEN=FAKE_TOKEN, **fake.env())
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=tmp_path, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        _, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    assert proc.returncode == 2
    last = err.decode().strip().splitlines()[-1]
    assert last.startswith("foibot: Discord refused DISCORD_TOKEN") and ".env" in last
    assert "Traceback" not in err.decode() and FAKE_TOKEN not in err.decode()
