"""Member text at the edge: the one cleaner every piece of text a member gives foibot passes through.

Discord, a pasted reply or a file can carry code points that are not text anyone meant to write:

* NUL (U+0000): PostgreSQL refuses it in every text and JSON column
  (https://www.postgresql.org/docs/current/datatype-character.html: "the character with code zero
  cannot be stored");
* lone surrogates (U+D800 to U+DFFF): halves of a UTF-16 pair with no character of their own, which
  have no UTF-8 form, so neither database can store them and no message can carry them
  (https://www.unicode.org/versions/latest/ch03.pdf, D71-D76);
* the other C0 control characters (U+0001 to U+001F, U+007F DEL) except the newline and the tab:
  invisible, never typed on purpose.

The policy: they are **removed**, never refused, from every kind of input; what is left is what
the member meant (a title pasted with a stray NUL is still the title). Text that was nothing but them
is then empty, and empty text gets the field's own message ("The title is empty").

* One-line text (titles, names, references, links, ids, searches, settings): NUL, surrogates and
  every other C0 control character go; every run of blank space, newlines and tabs included, becomes
  one space; the ends are trimmed.
* Free text (questions, notes, a letter's own paragraph, a pasted reply): NUL and surrogates go;
  other control characters stay (a reply's form feeds are page breaks, and the reader refuses text
  that is mostly control characters as binary); Windows and old Mac line endings (CR LF, CR) become
  a newline; the ends are trimmed.

Direction marks (U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) and the other format
characters are kept: names and titles in Arabic, Hebrew or Urdu need them, and both databases store
them. Length limits apply to the cleaned text (``bot.tracking.limits.clean_text``).
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

# In a Python str a surrogate is always unpaired (a pair decodes to one character).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# One-line text: also the other C0 controls and DEL (tab, newline and the other blanks become spaces).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f\ud800-\udfff]")
_LINE_ENDINGS = re.compile("\r\n?")


def member_json(value: object) -> object:
    """Every text in a JSON document a member gave (a file, for the CLI) through ``member_text`` as
    free text: a NUL or a lone surrogate written in the file as an escape is removed."""
    if isinstance(value, str):
        return member_text(value, one_line=False)
    if isinstance(value, list):
        return [member_json(item) for item in value]
    if isinstance(value, dict):
        return {member_text(key): member_json(item) for key, item in value.items()}
    return value


def member_text(value: str | None, *, one_line: bool = True) -> str:
    """``value`` as foibot keeps it (the policy above): on one line (``one_line``), or free text
    with its line endings made newlines; trimmed. None gives ""."""
    if one_line:
        return " ".join(_CONTROLS.sub("", value or "").split())
    return _UNSTORABLE.sub("", _LINE_ENDINGS.sub("\n", value or "")).strip()
