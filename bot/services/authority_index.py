"""The authority finder: a forgiving in-memory index of every authority's names (one per process).

What a member types is matched on the name, the short name and WDTK's URL name, with:

* acronyms derived from the name (initials of its significant words, and whole words written in
  capitals: "Parliamentary and Health Service Ombudsman" -> PHSO, "HM Revenue and Customs" -> HMRC);
* typo tolerance word by word: each typed word is compared (rapidfuzz's ``ratio``, an edit
  distance) with the index's vocabulary of words, so "Calderdael" finds "Calderdale" and
  "home ofice" finds "Home Office"; the word being typed also matches as a prefix;
* a final ordering of the few hundred candidates by rapidfuzz's ``WRatio`` against the whole name.

Comparing the query with 50,000 whole names costs far too much for autocomplete (about 300 ms per
query with ``WRatio``); comparing a word with a vocabulary of distinct words, grouped by length,
and intersecting posting lists keeps a query in a few milliseconds (``bench_authority_search.py``).
Building the index is CPU work done off the event loop (``asyncio.to_thread``).
"""

from __future__ import annotations

import bisect
import heapq
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

log = logging.getLogger(__name__)

STOPWORDS = frozenset({"and", "of", "the", "for", "in", "on", "at", "to", "a", "an", "&", "y", "a'r", "cyngor"}) - {"cyngor"}
WORD_CUTOFF = 75.0  # ratio below this is a different word ("home" vs "hove" scores 75: kept, the name decides)
CANDIDATES = 300
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def fold(text: str) -> str:
    """Lower case, accents off, "’" as "'": how names are compared."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii")
    return text.replace("’", "'").casefold()


def words_of(text: str) -> list[str]:
    return _WORD.findall(fold(text).replace("&", " and "))


def acronyms_of(name: str, short_name: str = "") -> set[str]:
    """Initials of the significant words; a word written in capitals counts whole (HM, NHS)."""
    raw = re.findall(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?", name.replace("&", " and "))
    significant = [w for w in raw if fold(w) not in STOPWORDS]
    out: set[str] = set()
    if len(significant) >= 2:
        out.add("".join(w[0] for w in significant).casefold())
        caps = "".join(w if (w.isupper() and len(w) <= 4) else w[0] for w in significant).casefold()
        out.add(caps)
    short = fold(short_name).strip()
    if short and " " not in short and len(short) <= 12:
        out.add(re.sub(r"[^a-z0-9]", "", short))
    return {a for a in out if len(a) >= 2}


@dataclass(frozen=True)
class Entry:
    id: int | None  # None: a built-in seed body not yet in the database
    name: str
    short_name: str
    url_name: str
    division: str
    foi_applies: bool = True
    vanished: bool = False
    default_law: str = "foia"


@dataclass(frozen=True)
class Match:
    entry: Entry
    score: float


class AuthorityIndex:
    """Immutable once built; a refresh builds a new one and swaps it in."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = list(entries)
        self._folded = [fold(e.name) for e in self.entries]
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._acronym: dict[str, list[int]] = defaultdict(list)
        postings: dict[str, set[int]] = defaultdict(set)
        for i, e in enumerate(self.entries):
            self._exact[" ".join(words_of(e.name))].append(i)
            if e.short_name:
                self._exact[" ".join(words_of(e.short_name))].append(i)
            for a in acronyms_of(e.name, e.short_name):
                self._acronym[a].append(i)
            for w in {*words_of(e.name), *words_of(e.short_name), *e.url_name.split("_")}:
                if w:
                    postings[w].add(i)
        # Shortest names first in each posting list: a common word ("council") keeps its best candidates.
        self._postings = {w: sorted(ids, key=lambda i: (len(self._folded[i]), i)) for w, ids in postings.items()}
        self._posting_sets = {w: frozenset(ids) for w, ids in postings.items()}
        self._vocab = sorted(self._postings)
        # Typo candidates are words of about the same length starting with the typed word's first
        # or second letter (a slip rarely changes both, and a swap of the first two keeps one):
        # a pool a few hundred words long instead of the whole vocabulary.
        self._pools: dict[tuple[str, int], list[str]] = defaultdict(list)
        for w in self._vocab:
            self._pools[(w[0], len(w))].append(w)
        self._similar_cache: dict[tuple[str, bool], dict[str, float]] = {}

    def __len__(self) -> int:
        return len(self.entries)

    # -- search ----------------------------------------------------------------------------------

    def _similar_words(self, word: str, *, last: bool) -> dict[str, float]:
        """Vocabulary words like ``word`` with their score; remembered, as members type on."""
        key = (word, last)
        found = self._similar_cache.get(key)
        if found is None:
            if len(self._similar_cache) > 20_000:
                self._similar_cache.clear()
            found = self._similar_cache[key] = self._find_similar(word, last=last)
        return found

    def _find_similar(self, word: str, *, last: bool) -> dict[str, float]:
        found: dict[str, float] = {}
        if word in self._postings:
            found[word] = 100.0
        if last and len(word) >= 2:  # the word being typed: every vocabulary word it starts
            at = bisect.bisect_left(self._vocab, word)
            for w in self._vocab[at: at + 200]:
                if not w.startswith(word):
                    break
                found.setdefault(w, 96.0)
        if len(word) >= 4:
            pool: list[str] = []
            for letter in {word[0], word[1]}:
                for length in range(len(word) - 2, len(word) + 3):
                    pool.extend(self._pools.get((letter, length), ()))
            for w, score, _ in process.extract(word, pool, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF, limit=12):
                found.setdefault(w, float(score))
        return found

    def search(self, text: str, *, limit: int = 25) -> list[Match]:
        query_words = words_of(text)
        if not query_words:
            return []
        joined = " ".join(query_words)
        scores: dict[int, float] = {}
        for i in self._exact.get(joined, ()):
            scores[i] = 300.0
        if len(query_words) == 1 and 2 <= len(joined) <= 12:
            for i in self._acronym.get(joined, ()):
                scores.setdefault(i, 250.0)
        significant = [w for w in query_words if w not in STOPWORDS] or query_words
        similar = [
            self._similar_words(word, last=n == len(significant) - 1 and query_words[-1] == word)
            for n, word in enumerate(significant)
        ]
        similar = [s for s in similar if s]
        if similar:
            # Candidates come from the rarest typed word; the others are looked up for those only.
            similar.sort(key=lambda s: sum(len(self._postings[w]) for w in s))
            base: dict[int, float] = {}
            for w, score in sorted(similar[0].items(), key=lambda kv: -kv[1]):
                for i in self._postings[w][:CANDIDATES * 4]:
                    if base.get(i, 0.0) < score:
                        base[i] = score
            needed = len(significant)
            rated: list[tuple[int, float, int]] = []
            for i, first in base.items():
                total, count = first, 1
                for other in similar[1:]:
                    best = max((score for w, score in other.items() if i in self._posting_sets[w]), default=0.0)
                    if best:
                        total, count = total + best, count + 1
                rated.append((i, total, count))
            top = heapq.nlargest(CANDIDATES, rated, key=lambda r: (r[2], r[1], -len(self._folded[r[0]])))
            for i, total, count in top:
                coverage = count / needed
                whole = fuzz.WRatio(joined, self._folded[i])
                value = coverage * (0.6 * (total / count) + 0.4 * whole) + (40.0 if coverage == 1 else 0.0)
                if self._folded[i].startswith(joined):
                    value += 20.0  # names starting with what was typed come first
                scores[i] = max(scores.get(i, 0.0), value)
        best_ids = heapq.nlargest(
            limit, scores,
            key=lambda i: (scores[i], not self.entries[i].vanished, -len(self.entries[i].name), self.entries[i].name),
        )
        return [Match(self.entries[i], scores[i]) for i in best_ids if scores[i] >= 60.0]


def build(entries: Iterable[Entry]) -> AuthorityIndex:
    return AuthorityIndex(list(entries))
