"""A synthetic study N times the size of a real one, built from the real study's own structure.

Copy k (1 … N-1) of every chapter goes to ``docs/k<k>/`` with every id suffixed ``-k<k>``:
headings, ``quote()``, ``figure()``, ``finding()``, ``ref()`` calls, and the quote, finding, theme,
figure and change records that point at them (the ids are the records' own: any record value that is
one of them, and only the id, never a word inside it); page marks (``page(15)``, a quote's
``page_breaks``) become ``15-k<k>``, since each page of the original is marked once. Each copy
cites its own copy of every bibliography entry: the key and every author's family name get a
suffix (``thagaard2013`` → ``thagaardsen2013``, "Thagaard" → "Thagaardsen" in entries and prose
alike), titles get the copy's number, and DOI/ISBN/URL are dropped, so no copy is a duplicate of another. To reach the
size the benchmark names (about 600 entries at 10×), each copy also cites a few invented works.
The front matter (home page, abstracts, "Om utgaven") and the informants stay single.

Usage: ``python tests/bench/synth.py SOURCE DEST [--factor 10]``
"""

from __future__ import annotations

import argparse
import itertools
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from thesiskit.cite.bib import load_bib
from thesiskit.cite.scan import KEY

STUDY_PARTS = ("mkdocs.yml", "docs", "report", "templates", "references.bib")
SINGLE = {"index.md", "om-utgaven.md", "sammendrag.md", "summary.md"}
"""Pages that stay single: the home page, the abstracts and the edition notes (they list all changes)."""
SUFFIXES = [
    "",
    "sen",
    "dal",
    "vik",
    "berg",
    "lund",
    "heim",
    "stad",
    "rud",
    "nes",
    "haug",
    "strand",
    "bakk",
    "li",
    "moen",
    "eng",
    "holm",
    "aas",
    "bø",
    "fjell",
]
EXTRA_PER_COPY = 12
"""Invented works each copy also cites (9 copies × 12 + 10 × 49 real entries ≈ 600 at 10×)."""
_SYLLABLES = ["qa", "vel", "tor", "mun", "dra", "sik", "lor", "bre", "ny", "fal", "gus", "ket", "zam", "pim", "rov"]
_ENTRY_START = re.compile(r"^@(\w+)\s*\{\s*([^,\s]+)\s*,", re.M)
_HEADING_ID = re.compile(r"\{#([A-Za-z0-9_-]+)")
_REFS = re.compile(
    r"""\b(?P<call>quote|figure|finding|ref)\(\s*(?P<q>["'])(?P<cid>[^"']+)(?P=q)\s*\)"""
    r"|\{#(?P<hid>[A-Za-z0-9_-]+)"
    r"""|\bpage\(\s*(?P<pq>["']?)(?P<page>[A-Za-z0-9-]+)(?P=pq)\s*\)"""
    r"|(?<![\w@])(?P<neg>-?)@(?P<key>" + KEY + ")"
)
"""What a text refers to: a kit call with an id, a heading id, a page mark (once per study), a citation key."""


@dataclass
class Plan:
    """What one copy renames."""

    k: int
    keys: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)

    @property
    def tag(self) -> str:
        return f"-k{self.k}"

    def id(self, value: str) -> str:
        return value + self.tag if value in self.ids else value

    def key(self, value: str) -> str:
        return self.keys.get(value, value)


def _family_names(author: str) -> list[str]:
    out = []
    for person in re.split(r"\s+and\s+", author.strip()):
        person = person.strip()
        if not person:
            continue
        if person.startswith("{"):  # an institution: its name stays, only its key changes
            continue
        family = person.split(",")[0] if "," in person else person.split()[-1]
        family = family.strip().strip("{}").strip()
        if re.fullmatch(r"[^\W\d_][\w-]*", family):
            out.append(family)
    return out


def _heading_ids(root: Path) -> set[str]:
    ids: set[str] = set()
    for page in (root / "docs").rglob("*.md"):
        if page.relative_to(root / "docs").as_posix() not in SINGLE:
            ids.update(_HEADING_ID.findall(page.read_text(encoding="utf-8")))
    return ids


def _record_ids(root: Path) -> set[str]:
    ids: set[str] = set()
    for sub in ("quotes", "changes"):
        for path in sorted((root / "report" / sub).glob("*.yaml")):
            ids.update(str(r["id"]) for r in yaml.safe_load(path.read_text(encoding="utf-8")) or [] if "id" in r)
    for sub in ("findings", "figures"):
        for path in sorted((root / "report" / sub).glob("*.yaml")):
            ids.add(str(yaml.safe_load(path.read_text(encoding="utf-8"))["id"]))
    themes = root / "report" / "themes.yaml"
    if themes.is_file():
        ids.update(str(t["id"]) for t in yaml.safe_load(themes.read_text(encoding="utf-8"))["themes"])
    return ids


def _plan(root: Path, k: int) -> Plan:
    plan = Plan(k, ids=_heading_ids(root) | _record_ids(root))
    bib = load_bib(root / "references.bib", "references.bib")
    suffix = SUFFIXES[k % len(SUFFIXES)] + ("" if k < len(SUFFIXES) else str(k))
    for key, entry in bib.entries.items():
        m = re.match(r"[a-z-]+", key)
        plan.keys[key] = (key[: m.end()] + suffix + key[m.end() :]) if m else key + suffix
        for name in _family_names(entry.fields.get("author") or entry.fields.get("editor") or ""):
            plan.names.setdefault(name, name + suffix)
    return plan


def _rename_text(text: str, plan: Plan) -> str:
    """Suffix the ids and keys a text refers to, and the family names in its prose.

    Ids and keys are renamed in one pass and the family names only between them, so a name that
    is also a word of an id (an institution "… for sosionomer", an id ``…-sosionomer-…``) never
    changes the id: the copied text points at exactly the ids its copied records have.
    """
    names = sorted(plan.names, key=len, reverse=True)
    rx = re.compile(r"(?<![\w@])(" + "|".join(re.escape(n) for n in names) + r")(?!\w)") if names else None

    def prose(part: str) -> str:
        return rx.sub(lambda m: plan.names[m.group(1)], part) if rx else part

    def ref(m: re.Match[str]) -> str:
        if m.group("call"):
            return f"{m.group('call')}({m.group('q')}{plan.id(m.group('cid'))}{m.group('q')})"
        if m.group("hid"):
            return "{#" + plan.id(m.group("hid"))
        if m.group("page"):
            return f'page("{m.group("page")}{plan.tag}")'
        return f"{m.group('neg')}@{plan.key(m.group('key'))}"

    out, at = [], 0
    for m in _REFS.finditer(text):
        out += [prose(text[at : m.start()]), ref(m)]
        at = m.end()
    return "".join([*out, prose(text[at:])])


def _rename_record(value: Any, plan: Plan) -> Any:
    """A copied record: every string that is one of the study's ids is that id in this copy; other text as prose."""
    if isinstance(value, dict):
        out = {k: _rename_record(v, plan) for k, v in value.items()}
        if isinstance(out.get("page_breaks"), dict):  # a quote's page marks: once per study, like page()
            out["page_breaks"] = {f"{n}{plan.tag}": at for n, at in out["page_breaks"].items()}
        return out
    if isinstance(value, list):
        return [_rename_record(v, plan) for v in value]
    if isinstance(value, str):
        return plan.id(value) if value in plan.ids else _rename_text(value, plan)
    return value


def _copy_bib(text: str, plan: Plan) -> str:
    out = []
    starts = [m.start() for m in _ENTRY_START.finditer(text)] + [len(text)]
    for a, b in itertools.pairwise(starts):
        block = text[a:b]
        m = _ENTRY_START.match(block)
        if not m or m.group(1).lower() in {"comment", "string", "preamble"}:
            continue
        block = block.replace(m.group(0), f"@{m.group(1)}{{{plan.key(m.group(2))},", 1)
        block = re.sub(r"^\s*(doi|isbn|url|issn)\s*=.*$\n?", "", block, flags=re.M | re.I)
        block = re.sub(r"(^\s*title\s*=\s*\{)(?!\[)", rf"\g<1>Del {plan.k}: ", block, count=1, flags=re.M | re.I)

        def names(field_match: re.Match[str]) -> str:
            value = field_match.group(2)
            for name in sorted(plan.names, key=len, reverse=True):
                value = re.sub(rf"(?<![\w]){re.escape(name)}(?!\w)", plan.names[name], value)
            return field_match.group(1) + value

        block = re.sub(r"(^\s*(?:author|editor)\s*=\s*)(.*)$", names, block, flags=re.M | re.I)
        out.append(block.rstrip() + "\n")
    return "\n".join(out)


def _invented(k: int, n: int) -> tuple[list[str], str]:
    """``n`` invented works for copy ``k``: their keys and BibTeX."""
    keys, entries = [], []
    for i in range(n):
        j = k * 100 + i
        family = "".join(_SYLLABLES[(j // 15**p) % 15] for p in range(3)).capitalize() + "sk"
        year = 1990 + j % 30
        key = f"{family.lower()}{year}"
        keys.append(key)
        entries.append(
            f"@book{{{key},\n  author = {{{family}, Ada}},\n  title = {{Oppdiktet verk {j}}},\n"
            f"  publisher = {{Syntetisk forlag}},\n  address = {{Bergen}},\n  year = {{{year}}}\n}}\n"
        )
    return keys, "\n".join(entries)


def make_synthetic(source: Path, dest: Path, factor: int = 10) -> dict[str, int]:
    """Write a study ``factor`` times the size of ``source`` into ``dest``; return its counts."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for part in STUDY_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        elif src.is_file():
            shutil.copy2(src, dest / part)
    config = yaml.safe_load((source / "mkdocs.yml").read_text(encoding="utf-8"))
    chapters = [
        p for p in sorted((source / "docs").rglob("*.md")) if p.relative_to(source / "docs").as_posix() not in SINGLE
    ]
    listed = _nav_files(config["nav"])
    chapters.sort(
        key=lambda p: (
            listed.index(p.relative_to(source / "docs").as_posix())
            if p.relative_to(source / "docs").as_posix() in listed
            else len(listed)
        )
    )
    bib_text = (source / "references.bib").read_text(encoding="utf-8")
    themes_file = source / "report" / "themes.yaml"
    themes = yaml.safe_load(themes_file.read_text(encoding="utf-8")) if themes_file.is_file() else None
    new_nav: list[Any] = []
    for k in range(1, factor):
        plan = _plan(source, k)
        folder = f"k{k}"
        pages = []
        for page in chapters:
            rel = page.relative_to(source / "docs").as_posix()
            text = _rename_text(page.read_text(encoding="utf-8"), plan)
            target = dest / "docs" / folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            pages.append({f"{_title(text, rel)} ({k})": f"{folder}/{rel}"})
        keys, extra_bib = _invented(k, EXTRA_PER_COPY)
        first = dest / "docs" / folder / chapters[0].relative_to(source / "docs")
        first.write_text(
            first.read_text(encoding="utf-8").rstrip("\n")
            + "\n\nSe også "
            + "["
            + "; ".join(f"@{key}" for key in keys)
            + "].\n",
            encoding="utf-8",
        )
        new_nav.append({f"Kopi {k}": pages})
        with (dest / "references.bib").open("a", encoding="utf-8") as bib:
            bib.write("\n" + _copy_bib(bib_text, plan) + "\n" + extra_bib)
        for sub in ("quotes", "changes"):
            for path in sorted((source / "report" / sub).glob("*.yaml")):
                data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
                _dump(dest / "report" / sub / f"{folder}-{path.name}", _rename_record(data, plan))
        for sub in ("findings", "figures"):
            for path in sorted((source / "report" / sub).glob("*.yaml")):
                data = _rename_record(yaml.safe_load(path.read_text(encoding="utf-8")), plan)
                if sub == "findings":
                    data["order"] = int(data.get("order", 0)) + 1000 * k
                _dump(dest / "report" / sub / f"{folder}-{path.name}", data)
        if themes is not None:
            themes["themes"] += [
                _rename_record(t, plan) for t in yaml.safe_load(themes_file.read_text("utf-8"))["themes"]
            ]
    if themes is not None:
        _dump(dest / "report" / "themes.yaml", themes)
    cut = next((i for i, item in enumerate(config["nav"]) if "litteratur.md" in _nav_files([item])), len(config["nav"]))
    config["nav"] = [*config["nav"][:cut], *new_nav, *config["nav"][cut:]]
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return counts(dest)


def _title(text: str, rel: str) -> str:
    m = re.search(r"^#\s+(.*?)\s*(?:\{[^}]*\})?\s*$", text, re.M)
    return m.group(1) if m else rel


def _nav_files(nav: list[Any]) -> list[str]:
    out: list[str] = []
    for item in nav:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                out.extend([value] if isinstance(value, str) else _nav_files(value) if isinstance(value, list) else [])
    return out


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def counts(root: Path) -> dict[str, int]:
    """Chapters, words, quotes, findings, figures and bibliography entries of a study."""
    docs = list((root / "docs").rglob("*.md"))
    quotes = sum(len(yaml.safe_load(p.read_text("utf-8")) or []) for p in (root / "report" / "quotes").glob("*.yaml"))
    return {
        "pages": len(docs),
        "words": sum(len(p.read_text("utf-8").split()) for p in docs),
        "quotes": quotes,
        "findings": len(list((root / "report" / "findings").glob("*.yaml"))),
        "figures": len(list((root / "report" / "figures").glob("*.yaml"))),
        "bib": len(load_bib(root / "references.bib", "references.bib").entries),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--factor", type=int, default=10)
    args = parser.parse_args()
    print(make_synthetic(args.source, args.dest, args.factor))
