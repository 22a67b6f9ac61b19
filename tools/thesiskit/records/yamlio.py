"""YAML loading that remembers the line of every key, so errors can name it."""

from __future__ import annotations

import bisect
import re
from typing import Any

import yaml

from ..errors import InputError

Path_ = tuple[str | int, ...]
_NEWLINE = re.compile("\n")

# libyaml's parser when PyYAML was built with it (about ten times faster), else the pure-Python one
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """SafeLoader that keeps timestamps and dates as plain strings, like YAML 1.2."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str, rel: str) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML once; return the data and a map from key path to 1-based line."""
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as exc:
            raise InputError.at(rel, _line(exc, text), f"YAML syntax error: {_problem(exc)}") from None
        lines: dict[Path_, int] = {}
        if node is None:
            return None, lines
        line = _LineOf(text)
        _alias_budget(node, rel, line)
        _walk(node, (), lines, set(), line)
        _no_duplicate_keys(node, rel, line)
        try:
            data = loader.construct_document(node)
        except yaml.YAMLError as exc:  # constructor errors (e.g. bad tags)
            raise InputError.at(rel, _line(exc, text), f"YAML error: {_problem(exc)}") from None
    except RecursionError:
        raise InputError.at(rel, None, "YAML error: nested too deeply") from None
    finally:
        loader.dispose()
    return data, lines


class _LineOf:
    """Line numbers as editors count them (YAML also breaks lines at U+0085, U+2028 and U+2029)."""

    def __init__(self, text: str) -> None:
        self.breaks = [m.start() for m in _NEWLINE.finditer(text)]

    def __call__(self, mark: Any) -> int:
        return bisect.bisect_left(self.breaks, int(mark.index)) + 1


def _line(exc: yaml.YAMLError, text: str) -> int | None:
    if isinstance(exc, yaml.reader.ReaderError):
        return text.count("\n", 0, exc.position) + 1
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        return text.count("\n", 0, min(int(mark.index), len(text))) + 1
    return None


def _problem(exc: yaml.YAMLError) -> str:
    if isinstance(exc, yaml.reader.ReaderError):
        ch = exc.character
        code = ch if isinstance(ch, int) else ord(str(ch)[:1] or "\0")
        return f"character U+{code:04X} is not allowed in YAML"
    problem = getattr(exc, "problem", None)
    return str(problem) if problem else " ".join(str(exc).split())


ALIAS_BUDGET = 10_000
"""How many more values than the file writes out its aliases (``*name``) may add when expanded."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _alias_budget(root: yaml.Node, rel: str, line: _LineOf) -> None:
    """Refuse aliases that expand far beyond the file (a "billion laughs"), and text with control bytes."""
    size: dict[int, int] = {}
    nodes = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    active: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            active.discard(key)
            children = _children(node)
            size[key] = 1 + sum(size[id(c)] for c in children)
            continue
        if key in size:
            continue
        if key in active:
            raise InputError.at(rel, line(node.start_mark), "YAML error: an alias refers to itself")
        nodes += 1
        if isinstance(node, yaml.ScalarNode) and _CONTROL.search(str(node.value)):
            bad = _CONTROL.search(str(node.value))
            code = ord(bad.group()) if bad else 0
            raise InputError.at(rel, line(node.start_mark), f"control character U+{code:04X} in text; remove it")
        active.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in _children(node) if id(c) not in size)
    if size[id(root)] > nodes + ALIAS_BUDGET:
        raise InputError.at(
            rel,
            None,
            f"YAML error: aliases expand to {size[id(root)]:,} values (at most {ALIAS_BUDGET:,} more than written)",
        )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int], seen: set[int], line: _LineOf) -> None:
    lines[path] = line(node.start_mark)
    if id(node) in seen:  # an alias: its lines are known already (and it may contain itself)
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = (*path, str(key.value) if isinstance(key, yaml.ScalarNode) else line(key.start_mark))
            _walk(value, sub, lines, seen, line)
            lines[sub] = line(key.start_mark)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), lines, seen, line)


def _no_duplicate_keys(root: yaml.Node, rel: str, line: _LineOf) -> None:
    """YAML forbids a key twice in one mapping; PyYAML would silently keep the last value."""
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value != "<<":
                    at = line(key.start_mark)
                    if key.value in first:
                        again = f"key {key.value!r} given twice (first on line {first[key.value]})"
                        raise InputError.at(rel, at, again)
                    first[key.value] = at
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def line_of(lines: dict[Path_, int], loc: Path_) -> int | None:
    """The line of the deepest known prefix of ``loc``."""
    for end in range(len(loc), -1, -1):
        found = lines.get(tuple(loc[:end]))
        if found:
            return found
    return None
