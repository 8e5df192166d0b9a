"""The errors a member can cause and fix themselves.

Anything raised as a ``UserError`` reaches the member as a short private (ephemeral) message
with exactly its text; anything else is logged and the member sees a generic apology. The CLI
prints a ``UserError`` as one line and exits 2.
"""

from __future__ import annotations


class UserError(Exception):
    """An expected problem with what the member asked for; its message is shown as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadInput(UserError):
    """Malformed or impossible input (a date that does not parse, text too long, ...)."""


class NotFound(UserError):
    """The thing does not exist *or* the member may not see it: the two are never told apart."""


class NotAllowed(UserError):
    """The member may see the thing but not change it."""


class InvalidTransition(UserError):
    """An event that cannot happen in the request's current state."""
