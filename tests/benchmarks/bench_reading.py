"""The reply reader on the labelled set: citation precision and recall, outcome accuracy, speed.

Targets (issue #12): relied-on citation precision >= 0.95 and recall >= 0.90; outcome right on
>= 90% of the replies that have one; reading a 3,000-character reply p99 under 20 ms.
Run: ``.venv/bin/python tests/benchmarks/bench_reading.py [--runs N]``. Prints figures only.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from anywhere: the labelled set is under tests/

from bot.reading import read_reply  # noqa: E402
from tests.unit.reading.replies import REPLIES  # noqa: E402

log = logging.getLogger(__name__)

TARGET_CHARS = 3000
TARGET_P99_MS = 20.0


def scores() -> tuple[float, float, float, float, list[str]]:
    true_pos = false_pos = false_neg = 0
    outcomes_right = outcomes = kinds_right = 0
    misses: list[str] = []
    for reply in REPLIES:
        got = read_reply(reply.text, law=reply.law, questions=reply.questions).to_json()
        found, wanted = set(got["citations"]), set(reply.relied)
        true_pos += len(found & wanted)
        false_pos += len(found - wanted)
        false_neg += len(wanted - found)
        kinds_right += got["kind"] == reply.kind
        if reply.outcome is not None:
            outcomes += 1
            outcomes_right += got["outcome"] == reply.outcome
        if found != wanted or got["outcome"] != reply.outcome or got["kind"] != reply.kind:
            misses.append(f"{reply.id}: kind {got['kind']}, outcome {got['outcome']}, citations {sorted(found)}")
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 1.0
    return precision, recall, outcomes_right / outcomes, kinds_right / len(REPLIES), misses


def reply_of(chars: int = TARGET_CHARS) -> str:
    """Labelled replies joined and cut to ``chars``: a long refusal with every kind of finding."""
    pieces = [r.text for r in REPLIES if r.kind == "response"]
    text = ""
    for piece in pieces * 3:
        if len(text) + len(piece) + 2 > chars:
            break
        text += piece + "\n\n"
    return (text + "Yours sincerely\n" + "x" * chars)[:chars]


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=500)
    args = parser.parse_args()
    precision, recall, outcome, kind, misses = scores()
    print(f"labelled replies: {len(REPLIES)}")
    print(f"relied-on citations: precision {precision:.3f} (target >= 0.95), recall {recall:.3f} (target >= 0.90)")
    print(f"outcome accuracy: {outcome:.1%} (target >= 90%); kind accuracy: {kind:.1%}")
    for miss in misses:
        print(f"  miss: {miss}")
    text = reply_of()
    questions = tuple(f"Question {n} about the figures" for n in range(1, 9))
    read_reply(text, questions=questions)  # warm the regex caches
    samples = []
    for _ in range(args.runs):
        start = time.perf_counter()
        read_reply(text, questions=questions)
        samples.append((time.perf_counter() - start) * 1000)
    p50, p99 = _percentile(samples, 0.5), _percentile(samples, 0.99)
    print(f"read a {len(text):,}-character reply: p50 {p50:.2f} ms, p99 {p99:.2f} ms (target < {TARGET_P99_MS:.0f} ms), {args.runs} runs")
    ok = precision >= 0.95 and recall >= 0.90 and outcome >= 0.90 and p99 < TARGET_P99_MS
    print("all targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
