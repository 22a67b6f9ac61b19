"""Read the study's inputs once: chapters, records (as text with key spans), the bibliography, outputs."""

from __future__ import annotations

import re

import yaml

from ..cite.bib import Bibliography, closing
from ..cite.scan import mask
from ..errors import InputError, Problem
from ..project import Project, read_text
from .files import SKIP_DIRS, project_files
from .source import Source, blank, blank_matches

_ATTRS = re.compile(r"\{[#.][^{}\n]*\}")
_LINK_TARGET = re.compile(r"(?<=\])\([^()\n]*\)|^\s*\[[^\]\n]+\]:\s*\S.*$", re.M)
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{##.*?##\}", re.S)
_DIRECTIVE = re.compile(r"<!--\s*thesis:.*?-->", re.S)

ID_KEYS = frozenset(
    {
        "id",
        "section",
        "place",
        "kind",
        "informant",
        "number",
        "order",
        "row",
        "col",
        "span",
        "edges",
        "quotes",
        "discussion",
        "attribution",
    }
)
"""Keys whose values are ids or codes, not prose: no rule reads them."""
NOT_CITING = {
    "changes": frozenset({"original", "note"}),
    "quotes": frozenset({"text"}),
    "findings": frozenset({"source", "themes"}),
}
"""Per record kind, prose keys the citation rules skip: the submitted text as it was, notes about it,
and informants' own words."""


def markdown_source(rel: str, text: str) -> Source:
    """A chapter with its views: citation rules skip code, comments, Jinja, URLs, attributes and tags."""
    cite = blank_matches(blank_matches(blank_matches(mask(text), _ATTRS), _LINK_TARGET), _TAG)
    anon = blank_matches(blank_matches(blank_matches(text, _JINJA), _DIRECTIVE), _ATTRS)
    return Source(rel, "markdown", text, cite, anon)


def read_markdown(project: Project, problems: list[Problem] | None = None) -> list[Source]:
    """Every ``docs/**/*.md``, sorted; with ``problems``, a file that cannot be read is added there and skipped."""
    if not project.docs.is_dir():
        return []
    out = []
    for p in sorted(p for p in project.docs.rglob("*.md") if p.is_file()):
        try:
            out.append(markdown_source(project.rel(p), read_text(project, p)))
        except InputError as exc:
            if problems is None:
                raise
            problems.extend(exc.problems)
    return out


def yaml_source(rel: str, text: str, record: str) -> Source:
    """A YAML record file; the views hold only its string values (not keys, ids or numbers)."""
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError.at(rel, mark.line + 1 if mark else None, f"YAML syntax error: {problem}") from None
    spans: list[tuple[int, int, tuple[str | int, ...]]] = []
    if root is not None:
        _walk(root, (), spans)
    not_citing = NOT_CITING.get(record, frozenset())
    anon_spans: list[tuple[int, int]] = []
    cite_spans: list[tuple[int, int]] = []
    for start, end, key in spans:
        last = next((k for k in reversed(key) if isinstance(k, str)), "")
        if last in ID_KEYS:
            continue
        body = start
        if text[start] in "|>":  # block scalar: its content starts on the next line
            body = text.find("\n", start, end) + 1 or end
        anon_spans.append((body, end))
        if last not in not_citing:
            cite_spans.append((body, end))
    return Source(rel, "record", text, _keep(text, cite_spans), _keep(text, anon_spans), record, spans=tuple(spans))


def _keep(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with everything outside ``spans`` blanked; a ":" just before each span marks a sentence start."""
    parts: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        gap = blank(text[pos:start])
        if gap and gap[-1] != "\n":
            gap = gap[:-1] + ":"
        elif len(gap) > 1 and gap[-2] == " ":
            gap = gap[:-2] + ":\n"
        parts += [gap, text[start:end]]
        pos = end
    parts.append(blank(text[pos:]))
    return "".join(parts)


def _walk(node: yaml.Node, path: tuple[str | int, ...], out: list[tuple[int, int, tuple[str | int, ...]]]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _walk(value, (*path, str(key.value)), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), out)
    elif isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
        out.append((node.start_mark.index, node.end_mark.index, path))


def read_records(project: Project, problems: list[Problem] | None = None) -> list[Source]:
    """Every YAML file under report/ except study.yaml (metadata and policy, public by design).

    With ``problems``, a file that cannot be read or parsed is added there and skipped.
    """
    if not project.report.is_dir():
        return []
    out = []
    for p in sorted(project.report.rglob("*.y*ml")):
        if not p.is_file() or p == project.report / "study.yaml":
            continue
        rel = project.rel(p)
        parent = p.parent.relative_to(project.report).as_posix()
        record = p.stem if parent == "." else parent.split("/")[0]
        try:
            out.append(yaml_source(rel, read_text(project, p), record))
        except InputError as exc:
            if problems is None:
                raise
            problems.extend(exc.problems)
    return out


BIB_ANON_FIELDS = frozenset(
    {"note", "annote", "annotation", "abstract", "keywords", "file", "comment", "comments", "extra", "verification"}
)
"""Free-text fields of references.bib the anonymity rules read (Zotero notes, abstracts, file paths …)."""
_BIB_FIELD = re.compile(r"(?<![\w-])(?P<name>[A-Za-z][\w:.+-]*)\s*=\s*")


def bib_source(rel: str, text: str, bib: Bibliography) -> Source:
    """references.bib with an anonymity view holding only the values of :data:`BIB_ANON_FIELDS`.

    Its ``spans`` are (start, end, (entry key, field)) of those values.
    """
    lines = [0, *(m.end() for m in re.finditer("\n", text))]
    spans: list[tuple[int, int]] = []
    keys: list[tuple[int, int, tuple[str | int, ...]]] = []
    for entry in bib.entries.values():
        for name, line in entry.field_lines.items():
            if name not in BIB_ANON_FIELDS or not 0 < line <= len(lines):
                continue
            m = next((m for m in _BIB_FIELD.finditer(text, lines[line - 1]) if m.group("name").lower() == name), None)
            if m is None:
                continue
            start = m.end()
            if text[start : start + 1] in ("{", '"'):
                end = closing(text, start)
                if end > start:
                    spans.append((start + 1, end))
                    keys.append((start + 1, end, (entry.key, name)))
    return Source(rel, "bib", text, "", _keep(text, spans) if spans else blank(text), spans=tuple(keys))


def read_bib_text(project: Project) -> str | None:
    """references.bib as text (None if absent); not UTF-8 is an input error."""
    if not project.bib.is_file():
        return None
    return read_text(project, project.bib)


__all__ = [
    "SKIP_DIRS",
    "blank",
    "markdown_source",
    "project_files",
    "read_bib_text",
    "read_markdown",
    "read_records",
    "yaml_source",
]
