"""Moved to ``tests.fakediscord.mini_bot`` (the fake Discord is its own package); this name stays so
that imports written before the move keep working. New code imports ``tests.fakediscord.mini_bot``."""

import sys

from tests.fakediscord import mini_bot

sys.modules[__name__] = mini_bot
