"""Moved to ``tests.fakediscord.interactions`` (the fake Discord is its own package); this name stays so
that imports written before the move keep working. New code imports ``tests.fakediscord.interactions``."""

import sys

from tests.fakediscord import interactions

sys.modules[__name__] = interactions
