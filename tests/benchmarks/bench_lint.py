"""Lint time for a 4,000-character request (the most a Discord modal field holds): p50 and p99.

Target: p99 under 20 ms. Run: ``.venv/bin/python tests/benchmarks/bench_lint.py [--runs N]``.
Not collected by pytest (the file name does not start with ``test_``); prints figures only.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time
from datetime import date

from bot.drafting import LintContext, apply_fixes, lint
from bot.law.regimes import Law

log = logging.getLogger(__name__)

TARGET_CHARS = 4000
TARGET_P99_MS = 20.0

# A realistic weak request: every rule has something to look at (relative periods, compound and
# "why" questions, quoted categories, acronyms, catch-alls, emotive words, personal data).
_PARAGRAPHS = [
    "Dear Parliamentary and Health Service Ombudsman,",
    "Could you tell me:",
    "1) How many 'Intake' caseworkers are employed by the PHSO for dealing with 'parliamentary' cases?",
    "2) How many senior caseworkers are employed by the PHSO for dealing with 'NHS' cases?",
    "In the last 3 years, how many case investigations - from the time a caseworker has been assigned to a case "
    "till the caseworker sends their report and decision - have been completed in a period of 7 weeks or less?",
    "How many of the activities/ areas of responsibility of the PHSO are handled by outsourcing organisations, "
    "and what are those activities and what is the name of the outsourcing company?",
    "Why did the PHSO stop publishing its casework statistics, and who made that decision?",
    "Please provide all correspondence between the Ombudsman and the Department of Health about the SLA.",
    "How many complaints about the PHSO's handling of cases were upheld per year from 2019 to 2024?",
    "Please provide the names and salaries of the caseworkers who closed more than 50 cases last year.",
    "Given the disgraceful delays, how many staff were disciplined over the past two years?",
    "Please provide a copy of the PHSO's annual report and its statement of accounts for 2024/25.",
    "How many complaints about air pollution from NHS incinerators did the PHSO receive?",
]
_SIGN_OFF = "Yours faithfully,\n\nDudley Jones"


def request_of(chars: int = TARGET_CHARS) -> str:
    """The weak request, repeated and cut at a paragraph, padded to exactly ``chars`` characters."""
    body: list[str] = [_PARAGRAPHS[0]]
    index = 1
    while len("\n\n".join(body)) + len(_SIGN_OFF) + 200 < chars:
        body.append(_PARAGRAPHS[1 + (index - 1) % (len(_PARAGRAPHS) - 1)])
        index += 1
    text = "\n\n".join(body) + "\n\n"
    filler = "Thank you for your help with this request. "
    while len(text) + len(_SIGN_OFF) + 2 < chars:
        text += filler[: chars - len(text) - len(_SIGN_OFF) - 2]
    return (text + "\n\n" + _SIGN_OFF)[:chars]


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000)
    args = parser.parse_args()
    text = request_of()
    context = LintContext(today=date(2026, 11, 25), law=Law.FOIA)
    for _ in range(50):  # warm the regex caches and the allocator
        lint(text, context)
    lint_ms: list[float] = []
    for _ in range(args.runs):
        start = time.perf_counter()
        findings = lint(text, context)
        lint_ms.append((time.perf_counter() - start) * 1000)
    fix_ms: list[float] = []
    for _ in range(max(1, args.runs // 10)):
        start = time.perf_counter()
        apply_fixes(text, findings, context)
        fix_ms.append((time.perf_counter() - start) * 1000)
    p99 = _percentile(lint_ms, 0.99)
    print(f"request: {len(text)} characters, {len(findings)} findings, {args.runs} runs")
    print(f"lint:        p50 {statistics.median(lint_ms):6.2f} ms   p99 {p99:6.2f} ms   max {max(lint_ms):6.2f} ms")
    print(
        f"apply_fixes: p50 {statistics.median(fix_ms):6.2f} ms   p99 {_percentile(fix_ms, 0.99):6.2f} ms"
        f"   ({len(fix_ms)} runs, re-lints after each round)"
    )
    print(f"target: lint p99 under {TARGET_P99_MS:.0f} ms -> {'met' if p99 < TARGET_P99_MS else 'NOT MET'}")


if __name__ == "__main__":
    main()
