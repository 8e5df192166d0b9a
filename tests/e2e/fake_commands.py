"""Moved to ``tests.fakediscord.command_store`` (the fake Discord is its own package); this name stays so
that imports written before the move keep working. New code imports ``tests.fakediscord.command_store``."""

import sys

from tests.fakediscord import command_store

sys.modules[__name__] = command_store
