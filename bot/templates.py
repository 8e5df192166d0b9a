"""The one Jinja2 environment for every template in ``prompts/``.

``StrictUndefined`` turns a missing value into an error instead of an empty string, so a letter
can never go out with a hole in it. Autoescaping is off because the output is plain text for
Discord and letters, not HTML. User text is only ever passed *as data* to ``render``; it is never
compiled as a template, so ``{{`` typed by a member comes out literally.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("prompts", ""),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Templates ship with the code: no need to stat each file on disk every time one is used.
        auto_reload=False,
    )
    return env


def render(name: str, **context: Any) -> str:
    """Render ``prompts/<name>`` with ``context`` as data."""
    return environment().get_template(name).render(**context)


def template_names() -> list[str]:
    """Every template shipped in ``prompts/`` (``*.j2``)."""
    return sorted(n for n in environment().list_templates() if n.endswith(".j2"))


def compile_all() -> list[str]:
    """Compile every template; return the problems found (empty when all compile)."""
    problems: list[str] = []
    for name in template_names():
        try:
            environment().get_template(name)
        except Exception as exc:  # a syntax error of any kind is reported, not raised
            problems.append(f"{name}: {exc}")
    return problems
