"""The one Jinja environment of the kit, and ``render(name, **ctx)``."""

from __future__ import annotations

import os
import re
import traceback
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox

from ..cache import cache_key, entry, read, write
from ..cite.scan import scan
from ..errors import InputError
from ..figures.layout import merge_header
from ..figures.outline import outline
from ..lang import locale_for
from . import escape
from .tokens import ref_token

KIT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


class RecordError(Exception):
    """A Jinja helper was called with an id that names no record."""


def make_env(study_templates: Path | None, cache: Path | None = None, language: str = "nb") -> jinja2.Environment:
    """Environment with StrictUndefined, ``{## ##}`` comments and autoescape for HTML/SVG/XML.

    With ``cache``, compiled templates and chapters are kept there (keyed by their source text).
    """
    paths = [p for p in (study_templates, KIT_TEMPLATES) if p and p.is_dir()]
    sandboxed = safe_mode()
    kind = jinja2.sandbox.SandboxedEnvironment if sandboxed else jinja2.Environment
    env = kind(
        loader=jinja2.FileSystemLoader([str(p) for p in paths]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        comment_start_string="{##",
        comment_end_string="##}",
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "svg", "html.j2", "svg.j2", "xml.j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=None if sandboxed else bytecode_cache(cache),  # the cache does not know the sandbox
    )
    locale = locale_for(language)
    env.globals["t"] = locale.strings  # the kit's words in the study's language (lang.py)
    env.globals["lang"] = locale.lang
    env.filters["md_escape"] = md_escape
    env.filters["attr"] = escape.attr
    env.filters["cell"] = lambda s: md_escape(" ".join(str(s).split())).replace("|", "\\|")
    env.filters["url"] = escape.md_url
    env.filters["line"] = escape.md_line
    env.filters["cite_text"] = cite_text
    env.filters["cite_cell"] = lambda s: cite_text(" ".join(str(s).split())).replace("|", "\\|")
    env.filters["outline"] = outline
    env.filters["groupby_ordered"] = _groupby_ordered
    env.filters["attribute_labels"] = _attribute_labels
    env.filters["place_link"] = place_link
    env.filters["first_per_section"] = _first_per_section
    env.filters["header_cells"] = merge_header
    env.filters["capfirst"] = lambda s: str(s)[:1].upper() + str(s)[1:]
    return env


def safe_mode() -> bool:
    """``thesis build --safe``: chapters and templates run in Jinja's sandbox; no hooks, no overrides."""
    return os.environ.get("THESISKIT_SAFE", "") == "1"


def bytecode_cache(folder: Path | None) -> jinja2.BytecodeCache | None:
    """Jinja's compiled templates kept in build/.cache, so an unchanged template is not compiled again."""
    return None if folder is None else _EntryCache(folder)


_SYNTAX = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
)
"""The settings of an environment that its compiled code depends on."""


class _EntryCache(jinja2.BytecodeCache):
    """Jinja's bytecode as cache.py entries (``jinja-<key>.bin``): atomic, checked on reading.

    The key is the template's name, Jinja's version and the environment's syntax (the kit's and a
    theme's differ); Jinja itself compares the source's checksum stored in the bytecode, so an
    edited template is compiled again.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, bucket: jinja2.bccache.Bucket) -> Path:
        env = bucket.environment
        syntax = [getattr(env, name) for name in _SYNTAX]
        key = cache_key(bucket.key, jinja2.__version__, type(env).__name__, repr(syntax), *sorted(env.extensions))
        return entry(self.folder, "jinja", key, "bin")

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = read(self._path(bucket))
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        write(self._path(bucket), bucket.bytecode_to_string())


def _compiled(env: jinja2.Environment, source: str, rel: str) -> jinja2.Template:
    """A chapter as a template, compiled once per source text (from the bytecode cache if set)."""
    cache = env.bytecode_cache
    if cache is None:
        code = env.compile(source, name=rel, filename=rel)
    else:
        bucket = cache.get_bucket(env, rel, rel, source)
        if bucket.code is None:
            bucket.code = env.compile(source, name=rel, filename=rel)
            cache.set_bucket(bucket)
        code = bucket.code
    return jinja2.Template.from_code(env, code, env.make_globals(None))


def _groupby_ordered(items: list[Any], attribute: str) -> list[tuple[Any, list[Any]]]:
    """Group consecutive items by an attribute, keeping their order (unlike Jinja's groupby)."""
    groups: list[tuple[Any, list[Any]]] = []
    for item in items:
        key = getattr(item, attribute)
        if groups and groups[-1][0] == key:
            groups[-1][1].append(item)
        else:
            groups.append((key, [item]))
    return groups


def _first_per_section(uses: list[Any]) -> list[Any]:
    """One citation per page section (the first), so a reference links back to each section once."""
    seen: dict[tuple[str, str], Any] = {}
    for use in uses:
        seen.setdefault((use.page, use.section), use)
    return list(seen.values())


def _attribute_labels(people: list[Any]) -> list[str]:
    """Every attribute label of the informants, in first-seen order."""
    labels: dict[str, None] = {}
    for p in people:
        labels.update(dict.fromkeys(p.attributes))
    return list(labels)


def md_escape(text: object) -> str:
    """Record text as Markdown text that means only itself (render/escape.py ``md_text``)."""
    return escape.md_text(text)


_PLAIN_CITATION = re.compile(r"-?@[\w:.#$%&+?~/-]+|[\w\s.,;:()§¶\u2013\u2014-]")


def place_link(place: object) -> str:
    """A change record's place: a link to the heading (a placeholder resolved later), else text."""
    value = str(place)
    return ref_token(value) if re.fullmatch(r"[\w.\-/]+", value) else md_escape(value)


def cite_text(text: object) -> str:
    """Data that may hold Pandoc citations (a figure's source): the citations kept, all else text.

    A citation whose prefix or suffix holds anything but words, numbers and punctuation is text too.
    """
    value = str(text)
    out: list[str] = []
    last = 0
    for cl in scan(value):
        body = cl.text[1:-1] if not cl.narrative else cl.text.replace("[", " ", 1).replace("]", " ", 1)
        if _PLAIN_CITATION.sub("", body):
            continue  # something else in it: left to be escaped as text
        out += [_between(value[last : cl.start], first=not out, last=False), cl.text]
        last = cl.end
    out.append(_between(value[last:], first=not out, last=True))
    return "".join(out)


def _between(text: str, *, first: bool, last: bool) -> str:
    """Text next to a citation, escaped, with the space that separates it from the citation kept."""
    core = md_escape(text)
    lead = " " if not first and text[:1] in (" ", "\t") else ""
    trail = " " if not last and text[-1:] in (" ", "\t") else ""
    return (lead + core + trail) if core else (" " if (lead or trail) else "")


def render(env: jinja2.Environment, name: str, **ctx: Any) -> str:
    """Render a kit template by name (a study may override it in its templates/)."""
    try:
        return env.get_template(name).render(**ctx)
    except jinja2.TemplateSyntaxError as exc:
        raise InputError.at(exc.filename or name, exc.lineno, f"template syntax error: {exc.message}") from None
    except UnicodeDecodeError as exc:
        line = bytes(exc.object[: exc.start]).count(b"\n") + 1
        raise InputError.at(_template_file(env, name), line, "not valid UTF-8; save the file as UTF-8") from None
    except jinja2.UndefinedError as exc:
        raise InputError.at(name, _line_in(exc, name), f"template: {exc.message}") from None
    except (jinja2.TemplateError, ArithmeticError, LookupError, ValueError, AttributeError, TypeError) as exc:
        where = _template_file(env, name)
        raise InputError.at(where, _line_in(exc, where), f"template error: {exc}") from None


def _template_file(env: jinja2.Environment, name: str) -> str:
    """The file a template name resolves to (the study's own before the kit's)."""
    for folder in getattr(env.loader, "searchpath", []):
        if (Path(folder) / name).is_file():
            return str(Path(folder) / name)
    return name


def render_source(env: jinja2.Environment, source: str, rel: str, ctx: dict[str, Any]) -> str:
    """Render a chapter's Jinja; errors name the chapter file and line."""
    try:
        template = _compiled(env, source, rel)  # errors and tracebacks name the chapter
        return template.render(**ctx)
    except jinja2.TemplateSyntaxError as exc:
        raise InputError.at(rel, exc.lineno, f"Jinja syntax error: {exc.message}") from None
    except jinja2.UndefinedError as exc:
        raise InputError.at(rel, _line_in(exc, rel), f"{exc.message} (undefined in this chapter)") from None
    except RecordError as exc:
        raise InputError.at(rel, _line_in(exc, rel), str(exc)) from None
    except TypeError as exc:
        raise InputError.at(rel, _line_in(exc, rel), f"wrong call: {exc}") from None
    except (jinja2.TemplateError, ArithmeticError, LookupError, ValueError, AttributeError, RecursionError) as exc:
        raise InputError.at(rel, _line_in(exc, rel), f"error in a Jinja expression: {exc}") from None


def _line_in(exc: BaseException, filename: str) -> int | None:
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == filename:
            line = frame.lineno
    return line
