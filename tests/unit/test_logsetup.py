from __future__ import annotations

import logging

from bot.config import Settings
from bot.logsetup import RedactSecrets

TOKEN = "MTA1MDAwMDAwMDAwMDAwMDAw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB"


def test_a_secret_in_a_log_message_or_its_arguments_is_redacted() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "connecting with %s and %r", (TOKEN, {"t": TOKEN}), None)
    assert RedactSecrets([TOKEN]).filter(record)
    assert TOKEN not in record.getMessage()
    assert record.getMessage().count("[redacted]") == 2


def test_settings_never_show_the_token_when_printed() -> None:
    settings = Settings(DISCORD_TOKEN=TOKEN)
    assert TOKEN not in repr(settings) and TOKEN not in str(settings)
    assert settings.token() == TOKEN
