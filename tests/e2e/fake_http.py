"""Moved to ``tests.fakediscord.rest`` (the fake Discord is its own package); this name stays so
that imports written before the move keep working. New code imports ``tests.fakediscord.rest``."""

import sys

from tests.fakediscord import rest

sys.modules[__name__] = rest
