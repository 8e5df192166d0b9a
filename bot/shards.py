"""Which of Discord's shards this process runs (``SHARD_COUNT``, ``SHARD_IDS``).

Discord splits a bot's servers over shards by a fixed formula, ``shard_id = (guild_id >> 22) %
shard_count``; events with no server (DMs and DM interactions) go to shard 0 only, and a shard may
hold at most 2,500 servers (https://discord.com/developers/docs/events/gateway#sharding). A large
bot runs as several processes ("clusters"), each on some of the shards, sharing one database.
Pure: no discord, no database.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)

MAX_GUILDS_PER_SHARD = 2500  # Discord closes an IDENTIFY over this with 4011 "Sharding required"


def shard_of(guild_id: int | None, shard_count: int) -> int:
    """The shard Discord sends a server's events to; a DM's (no server) go to shard 0."""
    return 0 if guild_id is None else (guild_id >> 22) % shard_count


@dataclass(frozen=True)
class ShardPlan:
    """``count`` None: unsharded (one process, Discord's shard 0 of 1, as without the settings)."""

    count: int | None = None
    ids: tuple[int, ...] = ()

    @property
    def sharded(self) -> bool:
        return self.count is not None

    @property
    def shard_ids(self) -> tuple[int, ...]:
        """The shards this process runs (every one when ``SHARD_IDS`` is not set)."""
        if self.count is None:
            return (0,)
        return self.ids or tuple(range(self.count))

    def runs(self, guild_id: int | None) -> bool:
        """Whether this process receives a server's (or, for None, a DM's) events."""
        return shard_of(guild_id, self.count or 1) in self.shard_ids

    def describe(self) -> str:
        if self.count is None:
            return "unsharded"
        ids = self.shard_ids
        listed = ", ".join(map(str, ids)) if len(ids) < 12 else f"{ids[0]}..{ids[-1]} ({len(ids)} shards)"
        return f"shard{'s' if len(ids) > 1 else ''} {listed} of {self.count}"


def parse_shard_ids(text: str, count: int | None) -> tuple[int, ...]:
    """``SHARD_IDS`` ("0,1,2"; blank: all) checked against ``SHARD_COUNT``; a ValueError says what
    to fix (the settings loader puts "SHARD_IDS:" in front)."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        return ()
    if count is None:
        raise ValueError("needs SHARD_COUNT too: set SHARD_COUNT to the number of shards of all the processes together")
    ids: list[int] = []
    for part in parts:
        try:
            shard = int(part)
        except ValueError:
            raise ValueError(f"{part!r} is not a shard number (write them as 0,1,2)") from None
        if not 0 <= shard < count:
            raise ValueError(f"shard {shard} does not exist with SHARD_COUNT={count} (shards are 0 to {count - 1})")
        if shard in ids:
            raise ValueError(f"shard {shard} is listed twice (each shard runs in one process only)")
        ids.append(shard)
    return tuple(sorted(ids))
