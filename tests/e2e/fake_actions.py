"""Moved to ``tests.fakediscord.actions`` (the fake Discord is its own package); this name stays so
that imports written before the move keep working. New code imports ``tests.fakediscord.actions``."""

import sys

from tests.fakediscord import actions

sys.modules[__name__] = actions
