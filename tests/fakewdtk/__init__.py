"""A fake WhatDoTheyKnow: a real aiohttp server on 127.0.0.1 speaking Alaveteli's formats."""

from tests.fakewdtk.server import FakeWdtk, Hit

__all__ = ["FakeWdtk", "Hit"]
