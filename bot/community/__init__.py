"""The community side of foibot (issue 16), pure: board cards' text, the digest's periods and
text, authority report-card figures, and the timeline picture's layout. No database, no discord,
no clock read: callers pass ``now``/``today`` in.
"""
