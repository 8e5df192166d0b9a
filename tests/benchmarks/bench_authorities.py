"""Benchmark: the authority directory at WhatDoTheyKnow's scale (50,000 bodies).

    .venv/bin/python tests/benchmarks/bench_authorities.py [--backend sqlite|postgres|both] [--bodies 50000] [--queries 500]

Generates an ``all-authorities.csv`` with the real 12 columns and realistic names (councils,
schools, NHS trusts, parish councils; a few real bodies among them), then times:

* ``import``: the first ``foibot authorities import`` (target: under 30 s);
* ``re-import``: the same file again, which must change nothing (the counts are printed);
* autocomplete: ``search_authorities`` over the in-memory index for typed prefixes, typos and
  acronyms, p50 / p99 / max in milliseconds (target: p99 under 20 ms).

PostgreSQL reads ``FOIBOT_TEST_DATABASE_URL`` (default postgresql+asyncpg://postgres@127.0.0.1:5432/test)
in a throw-away schema. Not collected by pytest; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bot.services import authorities  # noqa: E402
from bot.services.authority_import import import_csv  # noqa: E402
from tests.dbutil import drop_database, fresh_database  # noqa: E402
from tests.fakewdtk.shapes import authorities_csv, csv_row  # noqa: E402

SYLLABLES = ["ban", "ford", "ton", "ley", "wick", "ham", "bury", "shire", "mouth", "field", "brook", "dale",
             "well", "stow", "worth", "ing", "ash", "oak", "mill", "bridge", "cal", "der", "hal", "fax", "kirk"]
KINDS = [("Parish Council", "parish_council"), ("Town Council", "town_council"), ("Primary School", "school"),
         ("Academy Trust", "academy_trust"), ("NHS Foundation Trust", "nhs"), ("District Council", "local_council"),
         ("Borough Council", "local_council"), ("Community Council", "scotland community_council"),
         ("Medical Practice", "gp"), ("Fire and Rescue Service", "fire_service")]
REAL = [("Parliamentary and Health Service Ombudsman", "PHSO"), ("Department for Work and Pensions", "DWP"),
        ("Home Office", ""), ("Calderdale Council", ""), ("HM Revenue and Customs", "HMRC"),
        ("Information Commissioner's Office", "ICO"), ("Department for Education", "DfE")]


def bodies(n: int) -> list[list[object]]:
    rng = random.Random(14)
    rows = [csv_row(i + 1, name, f"real_{i}", short_name=short) for i, (name, short) in enumerate(REAL)]
    used = set()
    while len(rows) < n:
        place = "".join(rng.choices(SYLLABLES, k=rng.randint(2, 3))).capitalize()
        kind, tags = rng.choice(KINDS)
        name = f"{place} {kind}"
        if name in used:
            continue
        used.add(name)
        rows.append(csv_row(len(rows) + 1, name, f"body_{len(rows)}", tags=tags))
    return rows


def queries(rows: list[list[object]], n: int) -> list[str]:
    rng = random.Random(7)
    out = ["PHSO", "DWP", "Calderdael", "home ofice", "hmrc", "ico", "department for educ", "council", "school"]
    names = [str(r[1]) for r in rows]
    while len(out) < n:
        name = rng.choice(names)
        how = rng.random()
        if how < 0.4:
            out.append(name[: rng.randint(3, len(name))])  # typed so far
        elif how < 0.8:
            i = rng.randrange(len(name) - 1)
            out.append(name[:i] + name[i + 1] + name[i] + name[i + 2:])  # two letters swapped
        else:
            out.append(name.lower())
    return out


async def run(backend: str, n: int, n_queries: int) -> None:
    rows = bodies(n)
    data = authorities_csv(rows)
    url = os.environ.get("FOIBOT_TEST_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
    with tempfile.TemporaryDirectory() as tmp:
        db, schema = await fresh_database(backend, Path(tmp), url if backend == "postgres" else None, prefix="bench")
        try:
            started = time.perf_counter()
            first = await import_csv(db, data)
            took = time.perf_counter() - started
            print(f"{backend}: import {n} bodies ({len(data) / 1e6:.1f} MB): {took:.1f} s ({first.summary()})")
            started = time.perf_counter()
            again = await import_csv(db, data)
            print(f"{backend}: re-import: {time.perf_counter() - started:.1f} s ({again.summary()})")
            started = time.perf_counter()
            await authorities.directory_index(db, wait=600)
            print(f"{backend}: index build: {time.perf_counter() - started:.2f} s")
            times = []
            for q in queries(rows, n_queries):
                t = time.perf_counter()
                await authorities.search_authorities(db, q)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            p99 = times[int(len(times) * 0.99) - 1]
            print(f"{backend}: autocomplete over {n} bodies, {len(times)} queries: p50 {statistics.median(times):.2f} ms, "
                  f"p99 {p99:.2f} ms, max {times[-1]:.2f} ms")
            for q in ("PHSO", "DWP", "Calderdael", "home ofice"):
                found = await authorities.search_authorities(db, q)
                print(f"{backend}:   {q!r} -> {found[0].name if found else None!r}")
        finally:
            await drop_database(db, schema)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--bodies", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=500)
    args = parser.parse_args()
    for backend in (["sqlite", "postgres"] if args.backend == "both" else [args.backend]):
        asyncio.run(run(backend, args.bodies, args.queries))


if __name__ == "__main__":
    main()
