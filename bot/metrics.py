"""Operator metrics in the Prometheus text format (``METRICS_PORT``; off by default).

With the official client library (prometheus-client): its own registry, served by the library's
HTTP server on a thread (never the event loop), bound to 127.0.0.1 unless ``METRICS_HOST`` says
otherwise, since the figures are for the operator, not the world. What is counted:

* ``foibot_commands_total{command}`` and ``foibot_command_seconds{command}`` (from the interaction's
  creation to the command's end), ``foibot_command_errors_total{command,kind}`` (kind ``member``:
  an expected problem told to the member; ``bug``: an unexpected one, logged);
* ``foibot_alerts{state}``: alerts pending, sending, sent and failed, read from the database at
  each heartbeat (the same for every process: the outbox is shared);
* ``foibot_polls_total{source,result}``: background polls of outside sources (WhatDoTheyKnow);
* ``foibot_gateway_latency_seconds{shard}``: heartbeat latency of each shard this process runs.
"""

from __future__ import annotations

import logging
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server

log = logging.getLogger(__name__)

REGISTRY = CollectorRegistry(auto_describe=True)
# Buckets around Discord's 3 s window for the first answer and a deferred answer's few seconds.
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 30.0)

COMMANDS = Counter("foibot_commands", "Slash commands completed", ["command"], registry=REGISTRY)
COMMAND_SECONDS = Histogram("foibot_command_seconds", "Seconds from the interaction to the command's end",
                            ["command"], buckets=LATENCY_BUCKETS, registry=REGISTRY)
COMMAND_ERRORS = Counter("foibot_command_errors", "Commands that ended in an error", ["command", "kind"], registry=REGISTRY)
ALERTS = Gauge("foibot_alerts", "Alerts in the outbox by state", ["state"], registry=REGISTRY)
POLLS = Counter("foibot_polls", "Background polls of outside sources", ["source", "result"], registry=REGISTRY)
GATEWAY_LATENCY = Gauge("foibot_gateway_latency_seconds", "Gateway heartbeat latency per shard", ["shard"], registry=REGISTRY)
ALERT_STATES = ("pending", "sending", "sent", "failed")


def command_done(command: str, seconds: float) -> None:
    COMMANDS.labels(command).inc()
    COMMAND_SECONDS.labels(command).observe(max(0.0, seconds))


def command_failed(command: str, *, expected: bool) -> None:
    COMMAND_ERRORS.labels(command, "member" if expected else "bug").inc()


def poll_done(source: str, result: str) -> None:
    """For pollers (``result``: ok, changed, failed, skipped)."""
    POLLS.labels(source, result).inc()


def set_alert_counts(counts: dict[str, int]) -> None:
    for state in ALERT_STATES:
        ALERTS.labels(state).set(counts.get(state, 0))


def set_gateway_latencies(latencies: list[tuple[int, float]]) -> None:
    for shard, seconds in latencies:
        if seconds == seconds and seconds != float("inf"):  # discord.py reports nan/inf before the first beat
            GATEWAY_LATENCY.labels(str(shard)).set(seconds)


def serve(port: int, host: str = "127.0.0.1") -> Any:
    """Start the metrics HTTP server on a daemon thread; returns the server (``shutdown()`` it)."""
    server, _thread = start_http_server(port, addr=host, registry=REGISTRY)
    log.info("metrics at http://%s:%d/metrics", host, port)
    return server
