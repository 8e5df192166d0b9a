"""Cog tests: the real cogs, in this process, answering real ``discord.Interaction`` objects.

The middle of the pyramid: faster than the end-to-end tests (no bot process, no gateway), closer
to Discord than the service tests (every answer goes over HTTP to the fake Discord).
"""
