"""Moved to ``tests.fakediscord.wire`` (the fake Discord is its own package); this name stays so
that imports written before the move keep working. New code imports ``tests.fakediscord.wire``."""

import sys

from tests.fakediscord import wire

sys.modules[__name__] = wire
