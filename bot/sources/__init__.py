"""Outside sources foibot reads: WhatDoTheyKnow (WDTK), the UK's Alaveteli site.

``urls`` turns what a member pastes into a request's or a user's ``url_title``/``url_name``;
``polite`` is the one HTTP client (User-Agent with the operator's contact, one request a second
to a site, conditional requests, a small cache, back-off on 429/5xx, bot protection detected and
never worked around); ``wdtk`` reads WDTK's JSON and CSV into the typed records of ``records``.
"""
