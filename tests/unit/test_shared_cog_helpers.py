"""The helpers every cog uses to show member text: escaped, and never longer than Discord allows."""

from __future__ import annotations

import pytest

from cogs._shared import safe


@pytest.mark.parametrize("text", ["ward_1_" * 40, "**bold**" * 50, "a\\b_" * 80, "plain words " * 30])
@pytest.mark.parametrize("limit", [50, 100, 230, 256])
def test_safe_text_is_never_longer_than_its_limit_even_when_escaping_doubles_it(text: str, limit: int) -> None:
    shown = safe(text, limit)
    assert len(shown) <= limit
    assert shown.endswith("…")
    body = shown[:-1]
    assert (len(body) - len(body.rstrip("\\"))) % 2 == 0, "an escape was cut in half"


def test_safe_text_escapes_markdown_and_keeps_short_text_whole() -> None:
    assert safe("**Bin** collections_2024", 100) == "\\*\\*Bin\\*\\* collections\\_2024"
    assert safe("  two   spaces\nand a line ") == "two spaces and a line"


async def test_a_read_before_a_form_that_is_too_slow_becomes_a_busy_message(monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio

    import cogs._shared as shared
    from bot.errors import UserError

    monkeypatch.setattr(shared, "BEFORE_FORM_SECONDS", 0.05)

    async def slow() -> str:
        await asyncio.sleep(1)
        return "late"

    async def quick() -> str:
        return "ready"

    assert await shared.before_form(quick()) == "ready"
    with pytest.raises(UserError, match="slow to answer"):
        await shared.before_form(slow())


@pytest.mark.parametrize(
    ("age", "wait"),
    [
        (0.0, 1.0),  # fresh: up to a second for the reply to go in the first response
        (0.5, 1.0),
        (1.0, 0.5),  # started late (a busy loop): defer by 1.5 s after creation, well inside Discord's 3 s
        (1.5, 0.0),
        (2.7, 0.0),  # already late: defer at once
        (-5.0, 1.0),  # a host clock behind Discord's: never more than the second
    ],
)
def test_a_quick_answer_waits_at_most_a_second_and_never_past_one_and_a_half_seconds_after_the_interaction(age: float, wait: float) -> None:
    from datetime import UTC, datetime, timedelta

    from cogs._shared import quick_answer_wait

    created = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    assert quick_answer_wait(created, created + timedelta(seconds=age)) == pytest.approx(wait)
