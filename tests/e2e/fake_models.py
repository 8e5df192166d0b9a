"""Moved to ``tests.fakediscord.models`` (the fake Discord is its own package); this name stays so
that imports written before the move keep working. New code imports ``tests.fakediscord.models``."""

import sys

from tests.fakediscord import models

sys.modules[__name__] = models
