"""``thesis import FILE.docx``: a Word thesis made into a study that builds, with ``import-rapport.md``."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..lang import Locale, locale_for
from ..lint.text import fold
from ..pandoc import run_pandoc
from .read import Document, Properties, read_docx
from .transform import DEFAULT_QUOTE, ChapterAst, Note, QuoteRecord, Result, cite_ids, images, stringify, transform

REPORT = "import-rapport.md"
_LANGS = {"nb": "nb", "no": "nb", "nn": "nn", "en": "en"}
_MARKDOWN_OUT = ["-f", "json", "-t", "markdown-smart-auto_identifiers-simple_tables-multiline_tables", "--wrap=none"]


@dataclass(frozen=True)
class Imported:
    """Where the study was written and what the report says."""

    root: Path
    notes: list[Note]
    language: str
    """The study's language (the report and the command's message are in it)."""

    @property
    def todo(self) -> list[Note]:
        """What is left for the writer."""
        return [n for n in self.notes if n.todo]


def import_docx(docx: Path, into: Path, bib: Path | None = None, quote_pattern: str = DEFAULT_QUOTE) -> Imported:
    """Make a study in ``into`` from ``docx``; nothing is written if the input is refused."""
    if into.exists() and any(into.iterdir()):
        raise InputError.at(str(into), None, "folder exists and is not empty; choose a new folder with --into")
    if bib is not None and not bib.is_file():
        raise InputError.at(str(bib), None, "no such file (--bib)")
    try:
        re.compile(quote_pattern)
    except re.error as exc:
        raise InputError.at("--quote-pattern", None, f"not a regular expression: {exc}") from None
    with tempfile.TemporaryDirectory(prefix="thesis-import-") as tmp:
        doc = read_docx(docx, Path(tmp) / "media")
        language = _language(doc.properties)
        items: dict[str, Any] = doc.ast.get("meta", {}).get("references") or {}
        refs = [_meta_value(i) for i in items.get("c", [])]
        bib_text = bib.read_text(encoding="utf-8") if bib else ""
        keys, new_refs, notes = _keys(refs, bib_text, locale_for(language))
        res = transform(doc.ast, language, keys, quote_pattern)
        res.notes[:0] = notes
        if not res.chapters:
            raise InputError.at(str(docx), None, "no top-level heading (Heading 1): the kit needs at least one chapter")
        created = not into.exists()
        try:
            _write(into, doc, res, language, bib_text, new_refs)
            notes = res.notes + _fix_citations(into)
        except BaseException:
            if created:
                shutil.rmtree(into, ignore_errors=True)
            raise
    (into / REPORT).write_text(report(docx, doc.properties, language, notes), encoding="utf-8", newline="\n")
    return Imported(into, notes, language)


def _language(props: Properties) -> str:
    tag = (props.language or "").split("-")[0].lower()
    return _LANGS.get(tag, "nb")


def _meta_value(node: dict[str, Any]) -> Any:
    """A Pandoc metadata value as plain JSON (CSL item fields)."""
    t, c = node.get("t"), node.get("c") or {}
    if t == "MetaMap":
        return {k: _meta_value(v) for k, v in c.items()}
    if t == "MetaList":
        return [_meta_value(v) for v in c]
    if t in ("MetaInlines", "MetaBlocks"):
        return stringify(c)
    if t == "MetaBool":
        return bool(c)
    return c


def _keys(
    refs: list[dict[str, Any]], bib_text: str, t: Locale
) -> tuple[dict[str, str], list[dict[str, Any]], list[Note]]:
    """Better BibTeX-style keys for the embedded items; an item already in ``--bib`` keeps that entry's key."""
    from ..cite.bib import _parse

    existing = _parse(bib_text, "--bib")[0] if bib_text else {}
    taken = set(existing)
    keys: dict[str, str] = {}
    new: list[dict[str, Any]] = []
    notes: list[Note] = []
    for item in refs:
        old = str(item.get("id", ""))
        family = _family(item)
        year = _year(item)
        match = next((k for k, e in existing.items() if _same_work(item, e.fields, family, year)), None)
        if match:
            keys[old] = match
            continue
        base = re.sub(r"[^a-z0-9]", "", fold(family)) + year or "ukjent"
        key, n = base, 0
        while key in taken:
            n += 1
            key = base + "abcdefghijklmnopqrstuvwxyz"[n - 1 : n]
        taken.add(key)
        keys[old] = key
        new.append({**item, "id": key})
        where = "references.bib"
        notes.append(Note(where, t.text("import_added_entry", entry=key)))
    return keys, new, notes


def _family(item: dict[str, Any]) -> str:
    names = item.get("author") or item.get("editor") or []
    if names and isinstance(names, list):
        first = names[0]
        return str(first.get("family") or first.get("literal") or "")
    return str(item.get("title", "ukjent")).split()[0]


def _year(item: dict[str, Any]) -> str:
    issued = item.get("issued") or {}
    m = re.search(r"\d{4}", json.dumps(issued))
    return m.group(0) if m else ""


def _same_work(item: dict[str, Any], fields: dict[str, str], family: str, year: str) -> bool:
    from rapidfuzz import fuzz

    if year and year != (fields.get("year") or fields.get("date", ""))[:4]:
        return False
    if fold(family) not in fold(fields.get("author", "") or fields.get("editor", "")):
        return False
    title = re.sub(r"[{}]", "", fields.get("title", ""))
    return fuzz.ratio(fold(str(item.get("title", ""))), fold(title)) >= 90


def _write(into: Path, doc: Document, res: Result, language: str, bib_text: str, refs: list[dict[str, Any]]) -> None:
    from ..scaffold import new_study

    new_study(into, language=language)
    _clear_examples(into)
    api = doc.ast["pandoc-api-version"]
    pictures = into / "docs" / "bilder"
    known = {i for ch in res.chapters for i in _ids(ch.blocks)}
    for ch in res.chapters:
        dropped = _unlink(ch.blocks, known)
        if dropped:
            ids = ", ".join(f"#{d}" for d in dict.fromkeys(dropped))
            what = res.t.text("import_dead_links", n=len(dropped), ids=ids)
            res.notes.append(Note(ch.file, what, todo=True))
        for image in images(ch.blocks):
            _picture(image, doc.media, pictures, ch, res)
        (into / ch.file).write_text(_markdown(ch.blocks, api), encoding="utf-8", newline="\n")
    for ch in res.aside:
        aside = into / "import" / f"{ch.id}.md"
        aside.parent.mkdir(exist_ok=True)
        aside.write_text(_markdown(ch.blocks, api), encoding="utf-8", newline="\n")
        why = res.t.text("import_aside_front" if ch.id == "forside" else "import_aside_generated")
        res.notes.append(Note(f"import/{ch.id}.md", res.t.text("import_aside", title=ch.title, why=why), todo=True))
    _write_quotes(into, res.quotes)
    bib_out = bib_text.rstrip() + "\n\n" if bib_text.strip() else ""
    if refs:
        bib_out += run_pandoc(["-f", "csljson", "-t", "biblatex"], stdin=json.dumps(refs, ensure_ascii=False))
    (into / "references.bib").write_text(bib_out, encoding="utf-8", newline="\n")
    _write_mkdocs(into, res.chapters, doc.properties.title, language)
    _write_study(into, doc.properties, language, res)
    unknown = [k for ch in res.chapters for k in cite_ids(ch.blocks) if not re.match(r"^[a-z]", k)]
    for k in dict.fromkeys(unknown):
        res.notes.append(Note("references.bib", res.t.text("import_no_entry", id=k), todo=True))


def _is_attr(node: Any) -> bool:
    return (
        isinstance(node, list)
        and len(node) == 3
        and isinstance(node[0], str)
        and isinstance(node[1], list)
        and isinstance(node[2], list)
        and all(isinstance(c, str) for c in node[1])
    )


def _ids(node: Any) -> set[str]:
    """Every identifier in a Pandoc JSON tree (headings, divs, spans, figures, tables)."""
    found: set[str] = set()
    if isinstance(node, dict):
        found |= _ids(node.get("c"))
    elif isinstance(node, list):
        if _is_attr(node) and node[0]:
            found.add(node[0])
        for item in node:
            found |= _ids(item)
    return found


def _unlink(node: Any, known: set[str]) -> list[str]:
    """Replace links to ``#id`` that no part of the text has with their text (the kit refuses them).

    Links into the reference list (``#ref-key``) are left: they are citations.
    """
    dropped: list[str] = []
    if isinstance(node, dict):
        dropped += _unlink(node.get("c"), known)
    elif isinstance(node, list):
        i = 0
        while i < len(node):
            item = node[i]
            if isinstance(item, dict) and item.get("t") == "Link":
                target = item["c"][2][0]
                local = isinstance(target, str) and target.startswith("#") and not target.startswith("#ref-")
                if local and target[1:] not in known:  # (#ref-… links are citations: the import reads them)
                    dropped.append(target[1:])
                    node[i : i + 1] = item["c"][1]
                    continue
            dropped += _unlink(item, known)
            i += 1
    return dropped


def _clear_examples(into: Path) -> None:
    """Remove the scaffold's example chapters and records; keep its home page, settings and workflow."""
    for md in (into / "docs").rglob("*.md"):
        if md.relative_to(into / "docs").as_posix() != "index.md":
            md.unlink()
    for sub in ("docs/bilder", "report/quotes", "report/findings", "report/figures", "report/changes"):
        shutil.rmtree(into / sub, ignore_errors=True)
    for name in ("report/themes.yaml", "report/informants.yaml"):
        (into / name).unlink(missing_ok=True)


def _picture(image: dict[str, Any], media: Path, folder: Path, ch: ChapterAst, res: Result) -> None:
    attr, alt, target = image["c"]
    src = Path(target[0])
    if not src.is_absolute():
        src = media.parent / src
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{ch.id}-{len(res.pictures) + 1}{src.suffix.lower()}"
    if src.is_file():
        shutil.copyfile(src, folder / name)
    res.pictures.append((str(src), name))
    target[0] = f"bilder/{name}"
    attr[2] = [kv for kv in attr[2] if kv[0] not in ("width", "height")]
    text = stringify(alt)
    if not text:
        res.notes.append(Note(ch.file, res.t.text("import_no_alt", name=name), todo=True))
    else:
        attr[2].append(["fig-alt", " ".join(text.split())])  # Word's alt text is the picture's text alternative
        res.notes.append(Note(ch.file, res.t.text("import_picture", name=name)))


def _markdown(blocks: list[dict[str, Any]], api: list[int]) -> str:
    ast = {"pandoc-api-version": api, "meta": {}, "blocks": blocks}
    return run_pandoc(_MARKDOWN_OUT, stdin=json.dumps(ast, ensure_ascii=False))


def _write_quotes(into: Path, quotes: list[QuoteRecord]) -> None:
    """One record file per chapter (``report/quotes/<chapter>.yaml``) and the informants they name."""
    import yaml

    if not quotes:
        return
    folder = into / "report" / "quotes"
    folder.mkdir(parents=True, exist_ok=True)
    by_file: dict[str, list[dict[str, Any]]] = {}
    for q in quotes:
        record = {"id": q.id, "informant": q.informant, "section": q.section, "attribution": str(q.informant)}
        by_file.setdefault(Path(q.file).stem, []).append({**record, "text": q.text})
    for stem, records in by_file.items():
        text = yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=100)
        (folder / f"{stem}.yaml").write_text(text, encoding="utf-8", newline="\n")
    informants = [{"number": n, "group": ""} for n in sorted({q.informant for q in quotes})]
    text = yaml.safe_dump({"informants": informants}, allow_unicode=True, sort_keys=False)
    (into / "report" / "informants.yaml").write_text(text, encoding="utf-8", newline="\n")


def _write_mkdocs(into: Path, chapters: list[ChapterAst], title: str | None, language: str) -> None:
    path = into / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    t = locale_for(language)
    nav = ["nav:", f"  - {t.text('home')}: index.md"]
    nav += [f"  - {json.dumps(ch.title, ensure_ascii=False)}: {ch.file.removeprefix('docs/')}" for ch in chapters]
    nav.append(f"  - {t.text('references')}: litteratur.md")
    text = re.sub(r"^nav:\n(?:[ \t-].*\n?)*", "\n".join(nav) + "\n", text, flags=re.M)
    if title:
        text = re.sub(r"^site_name:.*$", f"site_name: {json.dumps(title, ensure_ascii=False)}", text, flags=re.M)
    text = re.sub(r"^(\s+language:\s*).*$", rf"\g<1>{language}", text, count=1, flags=re.M)
    if "footnotes" not in text:
        text = re.sub(r"^markdown_extensions:\n", "markdown_extensions:\n  - footnotes\n", text, flags=re.M)
    path.write_text(text, encoding="utf-8", newline="\n")


def _write_study(into: Path, props: Properties, language: str, res: Result) -> None:
    path = into / "report" / "study.yaml"
    text = path.read_text(encoding="utf-8")
    where = "report/study.yaml"

    def put(key: str, value: str, indent: str = "") -> None:
        nonlocal text
        text, n = re.subn(rf"^{indent}{key}:.*$", f"{indent}{key}: {value}", text, count=1, flags=re.M)
        if not n and not indent:
            text += f"{key}: {value}\n"

    if props.title:
        put("title", json.dumps(props.title, ensure_ascii=False))
        res.notes.append(Note(where, res.t.text("import_title")))
    if props.author and " " in props.author.strip():
        given, family = props.author.strip().rsplit(" ", 1)
        put("given", json.dumps(given, ensure_ascii=False), "  ")
        put("family", json.dumps(family, ensure_ascii=False), "  ")
        res.notes.append(Note(where, res.t.text("import_author")))
    if props.date:
        put("date", props.date.isoformat())
        res.notes.append(Note(where, res.t.text("import_date")))
    put("language", language)
    if not props.language:
        res.notes.append(Note(where, res.t.text("import_no_language", language=language), todo=True))
    path.write_text(text, encoding="utf-8", newline="\n")
    res.notes.append(
        Note(where, res.t.text("import_fill_in"), todo=True)
    )


def _fix_citations(into: Path) -> list[Note]:
    """Hand-typed citations → Pandoc citations where unambiguous (the fixes of ``thesis lint --fix``)."""
    from ..lint.fix import fix_study

    plan, _ = fix_study(into, dry_run=False)
    notes = [Note(path, f"{e.why}: {e.new}") for path, edits in plan.edits.items() for e in edits]
    for left in plan.left:
        cands = f" (candidates: {', '.join('@' + c for c in left.candidates)})" if left.candidates else ""
        notes.append(Note(f"{left.path}:{left.line}", f"{left.written}: {left.reason}{cands}", todo=True))
    return notes


def report(docx: Path, props: Properties, language: str, notes: list[Note]) -> str:
    """``import-rapport.md``: every change the import made, and what is left for the writer."""
    done = [n for n in notes if not n.todo]
    todo = [n for n in notes if n.todo]
    t = locale_for(language)
    out = [
        f"# {t.text('import_report')}: {docx.name}",
        "",
        t.text("import_report_intro"),
        "",
        f"## {t.text('import_left')} ({len(todo)})",
        "",
        *([f"- `{n.where}`: {n.what}" for n in todo] or [t.text("import_nothing_left")]),
        "",
        f"## {t.text('import_done')} ({len(done)})",
        "",
        *([f"- `{n.where}`: {n.what}" for n in done] or [t.text("import_nothing_done")]),
        "",
    ]
    return "\n".join(out)
