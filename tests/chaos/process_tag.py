"""A test-only extension for the chaos tests' bot processes (``FOIBOT_EXTRA_EXTENSIONS``).

* Tags every HTTP request of this process with its pid in the User-Agent, so the fake Discord can
  tell which process POSTed a DM, and check that process's lease in the database at that moment
  (the dispatcher's worker id is ``host:pid``).
* Scales the longest rate-limit wait the bot gave discord.py (``bot.client.MAX_RATELIMIT_WAIT``,
  30 s under a 90 s lease) by ``FOIBOT_TEST_TIME_SCALE`` (the tests' lease over production's), so
  it stays shorter than the lease. discord.py refuses less than 30 s at construction, so it is set
  on the client afterwards. A bot that set no limit keeps none (and sleeps through any 429).

Only buckets created after this loads get the shorter wait: the tests seed their alerts after the
processes are ready, so every DM bucket is created after it.
"""

from __future__ import annotations

import os

from discord.ext import commands

PID_TAG = "foibot-test-pid/"


async def setup(bot: commands.Bot) -> None:
    bot.http.user_agent += f" {PID_TAG}{os.getpid()}"
    scale = float(os.environ.get("FOIBOT_TEST_TIME_SCALE", "1"))
    if bot.http.max_ratelimit_timeout:
        bot.http.max_ratelimit_timeout *= scale
