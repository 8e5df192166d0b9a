"""Registered application commands: bulk overwrite (PUT) with Discord's validation, and look-up.

Discord rejects a bad command set with 400 / 50035 "Invalid Form Body" and a nested ``errors``
object; discord.py turns that into ``CommandSyncFailure``. The rules checked here are the ones a
bot can realistically break (https://discord.com/developers/docs/interactions/application-commands):
names 1-32 lowercase characters, descriptions 1-100 characters, at most 25 options and 25
choices, required options before optional ones, subcommands not mixed with plain options, groups
holding only subcommands, at most 4000 characters per command, unique names per level.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from tests.fakediscord.limits import add_error

log = logging.getLogger(__name__)

SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2
CHAT_INPUT = 1
_NAME = re.compile(r"^[-_'\w]{1,32}$")
MAX_COMMANDS = 100
MAX_OPTIONS = 25
MAX_CHOICES = 25
MAX_COMMAND_CHARS = 4000


@dataclass
class CommandStore:
    """Commands per scope: ``None`` for global, a guild id for guild commands. Ids survive re-PUTs."""

    application_id: int
    new_id: Callable[[], int]
    scopes: dict[int | None, dict[str, dict[str, Any]]] = field(default_factory=dict)
    puts: list[tuple[int | None, list[dict[str, Any]]]] = field(default_factory=list)
    _versions: dict[tuple[int | None, str], int] = field(default_factory=dict)

    def put(self, scope: int | None, payload: list[dict[str, Any]]) -> tuple[int, Any]:
        """Bulk overwrite; returns (status, body) as Discord would."""
        self.puts.append((scope, payload))
        errors = validate_command_list(payload)
        if errors:
            log.warning("fake discord rejected the command set: %s", errors)
            return 400, {"code": 50035, "message": "Invalid Form Body", "errors": errors}
        old = self.scopes.get(scope, {})
        fresh: dict[str, dict[str, Any]] = {}
        for command in payload:
            name = command["name"]
            previous = old.get(name)
            stored = dict(command)
            stored.setdefault("type", CHAT_INPUT)
            stored.setdefault("options", [])
            stored.setdefault("default_member_permissions", None)
            stored.setdefault("nsfw", False)
            stored["id"] = previous["id"] if previous else str(self.new_id())
            stored["application_id"] = str(self.application_id)
            if previous is None or _comparable(previous) != _comparable(stored):
                self._versions[(scope, name)] = self.new_id()
            stored["version"] = str(self._versions[(scope, name)])
            if scope is not None:
                stored["guild_id"] = str(scope)
            fresh[name] = stored
        self.scopes[scope] = fresh
        return 200, list(fresh.values())

    def get(self, scope: int | None) -> list[dict[str, Any]]:
        return list(self.scopes.get(scope, {}).values())

    def find(self, name: str, guild_id: int | None) -> tuple[dict[str, Any], int | None]:
        """A top-level command by name, as a member in ``guild_id`` (None: a DM) would see it."""
        if guild_id is not None and name in self.scopes.get(guild_id, {}):
            return self.scopes[guild_id][name], guild_id
        if name in self.scopes.get(None, {}):
            return self.scopes[None][name], None
        visible = sorted(self.names(guild_id))
        raise AssertionError(f"no registered command /{name} (registered and visible here: {visible or 'none'})")

    def names(self, guild_id: int | None = None) -> set[str]:
        names = set(self.scopes.get(None, {}))
        if guild_id is not None:
            names |= set(self.scopes.get(guild_id, {}))
        return names


def _comparable(command: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in command.items() if k not in ("id", "version", "application_id", "guild_id")}


def validate_command_list(payload: Any) -> dict[str, Any]:
    """Discord's nested ``errors`` object for an invalid list, or {} when the list is fine."""
    errors: dict[str, Any] = {}
    if not isinstance(payload, list):
        return {"_errors": [{"code": "BASE_TYPE_ARRAY", "message": "Must be an array."}]}
    if len([c for c in payload if c.get("type", CHAT_INPUT) == CHAT_INPUT]) > MAX_COMMANDS:
        add_error(errors, [], "APPLICATION_COMMANDS_TOO_MANY", f"Must be {MAX_COMMANDS} or fewer chat input commands.")
    seen: set[tuple[int, str]] = set()
    for index, command in enumerate(payload):
        kind = command.get("type", CHAT_INPUT)
        key = (kind, command.get("name", ""))
        if key in seen:
            add_error(errors, [str(index), "name"], "APPLICATION_COMMANDS_DUPLICATE_NAME", f"Duplicate name {key[1]!r}.")
        seen.add(key)
        _validate_named(errors, [str(index)], command, chat_input=kind == CHAT_INPUT)
        if kind == CHAT_INPUT:
            _validate_options(errors, [str(index)], command.get("options") or [], depth=0)
            if _char_count(command) > MAX_COMMAND_CHARS:
                add_error(errors, [str(index)], "APPLICATION_COMMAND_TOO_LARGE", f"Command exceeds {MAX_COMMAND_CHARS} characters.")
    return errors


def _validate_named(errors: dict[str, Any], path: list[str], item: dict[str, Any], *, chat_input: bool) -> None:
    name = item.get("name", "")
    if chat_input and (not _NAME.match(name) or name != name.lower()):
        add_error(errors, [*path, "name"], "APPLICATION_COMMAND_INVALID_NAME", f"Command name is invalid: {name!r}.")
    elif not chat_input and not 1 <= len(name) <= 32:
        add_error(errors, [*path, "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length.")
    description = item.get("description", "")
    if chat_input and not 1 <= len(description) <= 100:
        add_error(errors, [*path, "description"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")


def _validate_options(errors: dict[str, Any], path: list[str], options: list[dict[str, Any]], *, depth: int) -> None:
    if len(options) > MAX_OPTIONS:
        add_error(errors, [*path, "options"], "BASE_TYPE_MAX_LENGTH", f"Must be {MAX_OPTIONS} or fewer in length.")
    kinds = {o.get("type") in (SUB_COMMAND, SUB_COMMAND_GROUP) for o in options}
    if len(kinds) > 1:
        add_error(errors, [*path, "options"], "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Subcommands cannot be mixed with options.")
    names: set[str] = set()
    optional_seen = False
    for index, option in enumerate(options):
        where = [*path, "options", str(index)]
        _validate_named(errors, where, option, chat_input=True)
        if option.get("name") in names:
            add_error(errors, [*where, "name"], "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option name already exists.")
        names.add(option.get("name", ""))
        kind = option.get("type")
        if kind == SUB_COMMAND_GROUP and depth > 0 or kind == SUB_COMMAND and depth > 1:
            add_error(errors, [*where, "type"], "APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Subcommands nest at most one group deep.")
        if kind in (SUB_COMMAND, SUB_COMMAND_GROUP):
            inner = option.get("options") or []
            if kind == SUB_COMMAND_GROUP and any(o.get("type") != SUB_COMMAND for o in inner):
                add_error(errors, [*where, "options"], "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "A group holds only subcommands.")
            _validate_options(errors, where, inner, depth=depth + 1)
            continue
        if option.get("required"):
            if optional_seen:
                add_error(errors, where, "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options.")
        else:
            optional_seen = True
        choices = option.get("choices") or []
        if len(choices) > MAX_CHOICES:
            add_error(errors, [*where, "choices"], "BASE_TYPE_MAX_LENGTH", f"Must be {MAX_CHOICES} or fewer in length.")
        if choices and option.get("autocomplete"):
            add_error(errors, [*where, "autocomplete"], "APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE", "Autocomplete cannot be used with choices.")
        for c_index, choice in enumerate(choices):
            if not 1 <= len(str(choice.get("name", ""))) <= 100:
                add_error(errors, [*where, "choices", str(c_index), "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
            if isinstance(choice.get("value"), str) and len(choice["value"]) > 100:
                add_error(errors, [*where, "choices", str(c_index), "value"], "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")


def _char_count(item: dict[str, Any]) -> int:
    total = len(item.get("name", "")) + len(item.get("description", ""))
    for choice in item.get("choices") or []:
        total += len(str(choice.get("name", ""))) + len(str(choice.get("value", "")))
    return total + sum(_char_count(o) for o in item.get("options") or [])
