"""YAML loading that remembers the line of every key, so errors can name it."""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import InputError

Path_ = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps timestamps and dates as plain strings, like YAML 1.2."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str, rel: str) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML; return the data and a map from key path to 1-based line."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError.at(rel, line, f"YAML syntax error: {problem}") from None
    lines: dict[Path_, int] = {}
    if node is None:
        return None, lines
    _walk(node, (), lines)
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:  # constructor errors (e.g. bad tags)
        mark = getattr(exc, "problem_mark", None)
        raise InputError.at(rel, mark.line + 1 if mark else None, f"YAML error: {exc}") from None
    return data, lines


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = (*path, str(key.value))
            lines[sub] = key.start_mark.line + 1
            _walk(value, sub, lines)
            lines[sub] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), lines)


def line_of(lines: dict[Path_, int], loc: Path_) -> int | None:
    """The line of the deepest known prefix of ``loc``."""
    for end in range(len(loc), -1, -1):
        found = lines.get(tuple(loc[:end]))
        if found:
            return found
    return None
