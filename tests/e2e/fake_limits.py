"""Moved to ``tests.fakediscord.limits`` (the fake Discord is its own package); this name stays so
that imports written before the move keep working. New code imports ``tests.fakediscord.limits``."""

import sys

from tests.fakediscord import limits

sys.modules[__name__] = limits
