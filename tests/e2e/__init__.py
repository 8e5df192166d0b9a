"""End-to-end tests: the real bot process against a protocol-level fake Discord (the package tests/fakediscord)."""
