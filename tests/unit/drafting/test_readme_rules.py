"""The drafting page's rules list is generated from the rules table: it cannot drift from the code."""

from __future__ import annotations

from pathlib import Path

from bot.drafting import RULES
from bot.drafting.rules_doc import rules_markdown

ROOT = Path(__file__).resolve().parents[3]
CANDIDATES = (ROOT / "docs" / "members" / "drafting.md",)


def test_the_drafting_page_lists_every_rule_exactly_as_the_rules_table_says():
    texts = [path.read_text(encoding="utf-8") for path in CANDIDATES if path.exists()]
    assert any(rules_markdown() in text for text in texts), (
        "regenerate the rules list in docs/members/drafting.md with: python -m bot lint --rules"
    )


def test_the_generated_list_has_one_entry_per_rule_with_its_sources():
    listing = rules_markdown()
    for rule in RULES:
        assert f"**`{rule.id}`**" in listing
    assert listing.count("*Sources:*") == len(RULES)
