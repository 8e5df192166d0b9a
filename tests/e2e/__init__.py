"""End-to-end tests: the real bot process against a protocol-level fake Discord (see fake_discord.py)."""
