"""Moved to ``tests.fakediscord.gateway`` (the fake Discord is its own package); this name stays so
that imports written before the move keep working. New code imports ``tests.fakediscord.gateway``."""

import sys

from tests.fakediscord import gateway

sys.modules[__name__] = gateway
