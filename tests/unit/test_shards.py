"""SHARD_COUNT and SHARD_IDS: what this process runs, and one clear line for every bad value.

Discord's formula (https://discord.com/developers/docs/events/gateway#sharding):
``shard_id = (guild_id >> 22) % num_shards``; DMs go to shard 0.
"""

from __future__ import annotations

import pytest

from bot.config import ConfigError, Settings, load_settings
from bot.shards import ShardPlan, parse_shard_ids, shard_of


def settings_with(monkeypatch: pytest.MonkeyPatch, **values: str) -> Settings:
    monkeypatch.chdir("/")  # no .env here
    for name in ("SHARD_COUNT", "SHARD_IDS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return load_settings()


def test_without_the_settings_the_process_is_unsharded_and_runs_every_server(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = settings_with(monkeypatch).shard_plan()
    assert plan == ShardPlan() and not plan.sharded and plan.describe() == "unsharded"
    assert plan.runs(None) and plan.runs(123 << 22)


def test_a_count_alone_runs_every_shard_and_ids_pick_some(monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings_with(monkeypatch, SHARD_COUNT="3").shard_plan().shard_ids == (0, 1, 2)
    plan = settings_with(monkeypatch, SHARD_COUNT="4", SHARD_IDS=" 3, 1").shard_plan()
    assert plan.shard_ids == (1, 3) and plan.describe() == "shards 1, 3 of 4"
    assert settings_with(monkeypatch, SHARD_COUNT="2", SHARD_IDS="1").shard_plan().describe() == "shard 1 of 2"


@pytest.mark.parametrize(
    ("values", "line"),
    [
        ({"SHARD_COUNT": "2", "SHARD_IDS": "0,2"}, "SHARD_IDS: shard 2 does not exist with SHARD_COUNT=2 (shards are 0 to 1)"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "1,1"}, "SHARD_IDS: shard 1 is listed twice"),
        ({"SHARD_IDS": "0"}, "SHARD_IDS: needs SHARD_COUNT too"),
        ({"SHARD_COUNT": "0"}, "SHARD_COUNT: Input should be greater than or equal to 1"),
        ({"SHARD_COUNT": "two"}, "SHARD_COUNT: Input should be a valid integer"),
        ({"SHARD_COUNT": "4", "SHARD_IDS": "1;2"}, "SHARD_IDS: '1;2' is not a shard number"),
    ],
)
def test_bad_shard_settings_are_one_line_naming_the_setting(monkeypatch: pytest.MonkeyPatch, values: dict[str, str], line: str) -> None:
    with pytest.raises(ConfigError) as caught:
        settings_with(monkeypatch, **values)
    assert caught.value.message.startswith(line) and "\n" not in caught.value.message


def test_discords_formula_puts_a_server_on_one_shard_and_dms_on_shard_0() -> None:
    guild = (1_234_567 << 22) | 99
    assert shard_of(guild, 2) == 1 and shard_of(guild, 7) == 1_234_567 % 7 and shard_of(None, 7) == 0
    plan = ShardPlan(2, (1,))
    assert plan.runs(guild) and not plan.runs(None) and not plan.runs(1_234_568 << 22)
    assert parse_shard_ids("", 5) == ()
