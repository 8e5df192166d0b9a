"""Telling this process's dispatcher that an alert was planned, once the plan is committed.

The outbox calls ``wake_after_commit(session, fire_at)`` inside a transaction; when that
transaction commits, every subscriber (the local dispatcher) is called with the earliest moment
planned in it. Nothing is signalled on rollback, and a dispatcher woken before the commit would
not see the rows, hence "after commit". Other processes see new alerts at their next poll: the
database is the only thing the processes share.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import event

if TYPE_CHECKING:
    from sqlmodel.ext.asyncio.session import AsyncSession

log = logging.getLogger(__name__)

Listener = Callable[[datetime], None]

_EARLIEST = "foibot_alerts_earliest"
_HOOKED = "foibot_alerts_hooked"


class AlertWakeups:
    """A registry of callables told the earliest newly planned ``fire_at`` after each commit."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Add ``listener``; returns a function that removes it again."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def notify(self, fire_at: datetime) -> None:
        for listener in list(self._listeners):
            try:
                listener(fire_at)
            except Exception:  # a listener's bug must not break the committing transaction's caller
                log.exception("alert wake-up listener failed")


wakeups = AlertWakeups()  # one per process


def _after_commit(session: Any) -> None:
    earliest = session.info.pop(_EARLIEST, None)
    if earliest is not None:
        wakeups.notify(earliest)


def _after_rollback(session: Any, _transaction: Any) -> None:
    session.info.pop(_EARLIEST, None)


def wake_after_commit(session: AsyncSession, fire_at: datetime) -> None:
    """Remember ``fire_at``; when ``session``'s transaction commits, wake the local dispatcher."""
    sync_session = session.sync_session
    info = sync_session.info
    current = info.get(_EARLIEST)
    if current is None or fire_at < current:
        info[_EARLIEST] = fire_at
    if not info.get(_HOOKED):
        event.listen(sync_session, "after_commit", _after_commit)
        event.listen(sync_session, "after_soft_rollback", _after_rollback)
        info[_HOOKED] = True
