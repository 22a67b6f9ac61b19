"""Every kind of build/.cache entry is keyed by every input it is made from.

One copy of the mini sample is edited step by step; after each edit the keys of all kinds are
computed again, and each kind the edit feeds must have a new key (and the kinds it does not feed
keep theirs, so that a key is not merely new on every run). A key function that leaves an input
out (say the figure records out of ``figures_key``) fails here.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import jinja2
import pytest

from thesiskit.build import draw_figures, figures_key, pdf_input, pdf_key, site_key, site_tree
from thesiskit.cite.bib import bib_key, parse_bib
from thesiskit.cite.citeproc import citeproc_key
from thesiskit.lang import locale_for
from thesiskit.project import open_project
from thesiskit.render.env import make_env
from thesiskit.study import read_sources

from .conftest import SAMPLES
from .edits import Edit, replace


def _write(rel: str, text: str) -> Edit:
    def edit(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, "utf-8")

    return edit


def _epoch(value: str) -> Edit:
    def edit(root: Path) -> None:
        os.environ["SOURCE_DATE_EPOCH"] = value

    return edit


def _pdf_template(root: Path) -> None:
    from thesiskit.render.env import KIT_TEMPLATES

    kit = (KIT_TEMPLATES / "pdf" / "quote.md.j2").read_text("utf-8")
    _write("templates/pdf/quote.md.j2", kit + "\n")(root)


# (what is edited, the edit, the kinds whose key must change); every other kind must keep its key
EDITS: list[tuple[str, Edit, set[str]]] = [
    (
        "a figure record",
        replace("report/figures/modell.yaml", "label: Teknologi", "label: Teknikk"),
        {"figures", "pdf", "site"},
    ),
    ("the informants", replace("report/informants.yaml", "Ansatt: 5 år", "Ansatt: 6 år"), {"figures", "pdf", "site"}),
    (
        "a chapter",
        replace("docs/02-funn.md", "Stoltheten kan forstås", "Stoltheten kan kanskje forstås"),
        {"pdf", "site"},
    ),
    (
        "references.bib",
        replace("references.bib", "Stolthet i offentlig sektor", "Stolthet i sektoren"),
        {"bib", "citeproc", "pdf", "site"},
    ),
    (
        "study metadata",
        replace("report/study.yaml", "supervisor: Ola Veileder", "supervisor: Ola Veiledersen"),
        {"pdf", "site"},
    ),
    ("the build date", _epoch("1800000000"), {"pdf", "site"}),
    ("a PDF template of the study", _pdf_template, {"pdf", "site"}),
    (
        "mkdocs.yml",
        replace("mkdocs.yml", "site_name: Et lite eksempel", "site_name: Et lite, redigert eksempel"),
        {"site"},
    ),
    (
        "the study's language",
        replace("report/study.yaml", "language: nb", "language: nn"),
        {"figures", "citeproc", "pdf", "site"},
    ),
]


def _keys(study: Path, work: Path) -> dict[str, str]:
    src = read_sources(open_project(study))
    figures = draw_figures(src, work / "figures")
    tree, pages, head = site_tree(src, figures, work / "markdown", has_pdf=True)
    bib_text = src.project.bib.read_text("utf-8")
    return {
        "figures": figures_key(src),
        "bib": bib_key(bib_text, "references.bib"),
        "citeproc": citeproc_key("[@hansen2010]", [bib_text], locale_for(src.records.study.language)),
        "pdf": pdf_key(pdf_input(src, figures, False, "typst")),
        "pdf-submission": pdf_key(pdf_input(src, figures, True, "typst")),
        "site": site_key(src.project, tree, pages, head, "mkdocs"),
    }


def test_each_kind_of_key_changes_with_each_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    study = tmp_path / "study"
    shutil.copytree(SAMPLES / "mini", study, ignore=shutil.ignore_patterns("site", "build", "expected"))
    before = _keys(study, study / "build" / "w0")
    assert before["pdf"] != before["pdf-submission"], "the submission's PDF has its own key"
    for n, (what, edit, feeds) in enumerate(EDITS, 1):
        edit(study)
        after = _keys(study, study / "build" / f"w{n}")
        changed = {kind for kind in after if after[kind] != before[kind]}
        expected = feeds | ({"pdf-submission"} if "pdf" in feeds else set())  # the same inputs, but its flag
        missing, extra = expected - changed, changed - expected
        assert not missing, f"editing {what} did not change the key of {sorted(missing)}"
        assert not extra, f"editing {what} changed the key of {sorted(extra)}, which it does not feed"
        before = after


def test_citeproc_key_covers_clusters_bibliographies_and_locale() -> None:
    nb, nn = locale_for("nb"), locale_for("nn")
    base = citeproc_key("[@a]", ["@book{a}"], nb)
    assert (
        len(
            {
                base,
                citeproc_key("[@b]", ["@book{a}"], nb),
                citeproc_key("[@a]", ["@book{b}"], nb),
                citeproc_key("[@a]", ["@book{a}", "@book{c}"], nb),
                citeproc_key("[@a]", ["@book{a}"], nn),
            }
        )
        == 5
    )


def test_bib_entry_damaged_is_parsed_again(tmp_path: Path) -> None:
    text = "@book{a, author = {Hansen, Per}, title = {Tittel}, year = {2010}}\n"
    first = parse_bib(text, "references.bib", cache=tmp_path)
    (entry,) = tmp_path.glob("bib-*.json")
    entry.write_bytes(entry.read_bytes().replace(b"Tittel", b"Titel"))
    again = parse_bib(text, "references.bib", cache=tmp_path)
    assert again.entries["a"].fields["title"] == first.entries["a"].fields["title"] == "Tittel"
    assert bib_key(text, "references.bib") != bib_key(text, "other.bib")


def test_jinja_bytecode_entry_is_checked_and_keyed_by_syntax(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    (templates / "site").mkdir(parents=True)
    (templates / "site" / "x.md.j2").write_text("Hei {{ 1 + 1 }}{## c ##}!\n", "utf-8")
    cache = tmp_path / "cache"
    assert make_env(templates, cache).get_template("site/x.md.j2").render() == "Hei 2!\n"
    (entry,) = cache.glob("jinja-*.bin")
    entry.write_bytes(entry.read_bytes()[:-5])  # truncated
    assert make_env(templates, cache).get_template("site/x.md.j2").render() == "Hei 2!\n"
    assert entry.is_file(), "the damaged entry was written again"
    # an environment with other syntax compiles the same file differently: not the same entry
    other = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)), bytecode_cache=make_env(None, cache).bytecode_cache
    )
    assert other.get_template("site/x.md.j2").render() == "Hei 2!"  # Jinja default: no trailing newline
    assert len(list(cache.glob("jinja-*.bin"))) == 2


def test_figures_entry_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unchanged study draws no figure again (the sample has graphs and a table, which is not drawn)."""
    import thesiskit.figures.svg

    study = tmp_path / "study"
    shutil.copytree(SAMPLES / "mini", study, ignore=shutil.ignore_patterns("site", "build", "expected"))
    src = read_sources(open_project(study))
    first = draw_figures(src, study / "build" / "f1")
    monkeypatch.setattr(thesiskit.figures.svg, "render_svg", _not_drawn)
    again = draw_figures(src, study / "build" / "f2")
    assert {k: p.read_bytes() for k, p in again.items()} == {k: p.read_bytes() for k, p in first.items()}


def _not_drawn(*args: object, **kwargs: object) -> str:
    raise AssertionError("a figure was drawn again although nothing changed")


def test_typst_page_key_covers_its_markdown_the_cited_keys_and_its_part_of_the_bibliography() -> None:
    from thesiskit.pdf.bibscope import bib_scope
    from thesiskit.pdf.convert import page_key

    bib = (
        "@book{a, author = {Hansen, Per}, title = {En}, publisher = {P}, year = {2010}}\n"
        "@book{b, author = {Berg, Anne}, title = {To}, publisher = {P}, year = {2015}}\n"
        "@book{c, author = {Dahl, Eva}, title = {Tre}, publisher = {P}, year = {2001}}\n"
        "@report{d, author = {{Arbeidsmiljøloven}}, title = {Lov om arbeidsmiljø}, number = {2005-06-17-62},"
        " institution = {Lovdata}, year = {2005}}\n"
    )

    def key(text: str = bib, base: str = "x", cites: tuple[str, ...] = ("a",), refs: bool = False) -> str:
        scope = bib_scope(parse_bib(text, "references.bib"))
        assert scope is not None
        return page_key(base, list(cites), ["a", "b", "d"], refs, scope)

    base = key()
    changed = {
        "its Markdown": key(base="y"),
        "its entry's author": key(bib.replace("Hansen, Per", "Hansen, Pål")),
        "another cited entry's author": key(bib.replace("Berg, Anne", "Hansen, Anne")),
        "another cited entry's year": key(bib.replace("2015", "2010")),
        # norsk-apa.lua writes a law in lower case in running text when its number is a Lovdata identifier
        "a cited law's number made a Lovdata identifier": key(bib.replace("{2005-06-17-62}", "{LOV-2005-06-17-62}")),
        "being the reference list": key(refs=True),
    }
    assert not [what for what, k in changed.items() if k == base], "an input of the page key was left out"
    same = {
        "an entry nothing cites": key(bib.replace("{Tre}", "{Fire}")),
        # a citation is its authors and year: what only the reference list shows is not in a page's key
        "its entry's title": key(bib.replace("{En}", "{Ein}")),
        "its entry's publisher": key(bib.replace("{P}, year = {2010}", "{Q}, year = {2010}")),
        "another cited entry's title (no work shares its author and year)": key(bib.replace("{To}", "{Seks}")),
        "a number that is not a Lovdata identifier": key(bib.replace("{2005-06-17-62}", "{62}")),
        # which keys it cites is in its Markdown (``base``); each cited entry's citation is in the signature
        "another key of the document cited": key(cites=("b",)),
    }
    assert not [what for what, k in same.items() if k != base], "the page key holds more than the page depends on"
    assert key(bib.replace("{To}", "{Seks}"), refs=True) != key(refs=True), "the reference list: every cited entry"
    assert key(bib.replace("{En}", "{Ein}"), cites=()) == key(cites=()), "a page citing nothing: no part of it"
    assert bib_scope(parse_bib(bib.replace("2010}}", "2010}, crossref = {c}}"), "references.bib")) is None


def test_page_keys_cover_each_input() -> None:
    """The MkDocs page cache (site/pagecache.py): each input of its keys (page, template, search, theme)."""
    from thesiskit.site.pagecache import content_key, html_key, search_key, theme_key

    base = ("run", "a.md", "a/", "# A\n", "[files]")
    changed = [(*base[:n], base[n] + "x", *base[n + 1 :]) for n in range(len(base))]
    assert len({content_key(*args) for args in [base, *changed]}) == 1 + len(base)
    html = ("run", "page", "nav")
    changed = [(*html[:n], html[n] + "x", *html[n + 1 :]) for n in range(len(html))]
    assert len({html_key(*args) for args in [html, *changed]}) == 1 + len(html)
    assert len({search_key("run", "page"), search_key("runx", "page"), search_key("run", "pagex")}) == 3
    assert theme_key("run") != theme_key("runx")
    assert search_key("run", "page") not in {html_key("run", "page", ""), content_key("run", "page", "", "", "")}


def test_run_digest_covers_configs_theme_epoch_and_kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What every page of a MkDocs run depends on: the derived config, what it INHERITs, the study's
    theme overrides, the build date and the kit (its code and the installed packages)."""
    import material

    from thesiskit import cache
    from thesiskit.site.pagecache import run_digest

    (tmp_path / "mkdocs.yml").write_text("site_name: A\n", "utf-8")
    derived = tmp_path / "build" / "mkdocs.yml"
    derived.parent.mkdir()
    derived.write_text("INHERIT: ../mkdocs.yml\nnav: [a.md]\n", "utf-8")
    overrides = tmp_path / "overrides"
    (overrides / "partials").mkdir(parents=True)
    (overrides / "partials" / "footer.html").write_text("<footer>", "utf-8")
    kit = tmp_path / "kit"
    shutil.copytree(Path(cache.__file__).parent / "site", kit)
    theme = [str(overrides), str(Path(material.__file__).parent / "templates")]

    def digest() -> str:
        return run_digest(derived, theme, os.environ.get("SOURCE_DATE_EPOCH", ""), cache.kit_digest(str(kit)))

    def packages(extra: str) -> Edit:
        return lambda root: monkeypatch.setattr(cache, "installed_packages", lambda: ["mkdocs-1.6.1.dist-info", extra])

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    edits: list[tuple[str, Edit]] = [
        ("the derived config", replace("build/mkdocs.yml", "nav: [a.md]", "nav: [a.md, b.md]")),
        ("the config it inherits", replace("mkdocs.yml", "site_name: A", "site_name: B")),
        ("a theme override", replace("overrides/partials/footer.html", "<footer>", "<footer class=x>")),
        ("a new theme override", _write("overrides/main.html", "{% extends 'base.html' %}")),
        ("the build date", _epoch("1800000000")),
        ("the kit's code", replace("kit/pagecache.py", "def content_key", "def content_key_")),
        ("the installed packages", packages("mkdocs_material-9.9.9.dist-info")),
    ]
    before = digest()
    for what, edit in edits:
        edit(tmp_path)
        after = digest()
        assert after != before, f"editing {what} did not change the page cache's run digest"
        before = after
    assert digest() == before, "the digest is not stable"
    # where the folders are (relative to the staging folder) is not an input: a moved study keeps its cache
    text = derived.read_text("utf-8")
    derived.write_text(text + "docs_dir: ../../x/markdown\nsite_dir: y\ntheme:\n  custom_dir: ../z\n", "utf-8")
    moved = digest()
    derived.write_text(text + "theme:\n  custom_dir: ../../../z\n", "utf-8")
    assert digest() == moved


def _mkdocs_pages(root: Path) -> tuple[str, dict[str, str]]:
    """MkDocs' navigation and pages of the site in ``root`` (read and converted), as the page cache keys them."""
    from mkdocs.commands.build import get_navigation
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from thesiskit.site.pagecache import nav_digest, page_state

    cfg = load_config(config_file=str(root / "mkdocs.yml"))
    files = get_files(cfg)
    nav = get_navigation(files, cfg)
    for page in nav.pages:
        page.read_source(cfg)
        page.render(cfg, files)
    return nav_digest(nav), {page.file.src_uri: page_state(page) for page in nav.pages}


def test_nav_and_page_state_cover_what_a_template_shows(tmp_path: Path) -> None:
    """``nav_digest``: every page's title (from the nav or its heading), URL, metadata and the sections;
    ``page_state``: the page's content, table of contents, metadata and title."""
    _write("mkdocs.yml", "site_name: S\nnav:\n  - A: a.md\n  - Del:\n    - b.md\n")(tmp_path)
    _write("docs/a.md", "# A\n\nTekst.\n\n## Del {#del}\n")(tmp_path)
    _write("docs/b.md", "# B\n\nTekst.\n")(tmp_path)
    edits: list[tuple[str, Edit, set[str]]] = [
        ("a page's text", replace("docs/a.md", "Tekst.", "Mer tekst."), {"a.md"}),
        ("a section of a page (its contents)", replace("docs/a.md", "## Del {#del}", "## Deler {#del}"), {"a.md"}),
        ("a page's metadata", replace("docs/a.md", "# A", "---\nsubtitle: x\n---\n\n# A"), {"a.md", "nav"}),
        ("the heading of a page without a nav title", replace("docs/b.md", "# B", "# Bee"), {"b.md", "nav"}),
        ("a nav title", replace("mkdocs.yml", "- A: a.md", "- Aa: a.md"), {"a.md", "nav"}),
        ("a section's title", replace("mkdocs.yml", "- Del:", "- Deler:"), {"nav"}),
    ]
    nav, pages = _mkdocs_pages(tmp_path)
    for what, edit, feeds in edits:
        edit(tmp_path)
        nav_after, pages_after = _mkdocs_pages(tmp_path)
        changed = {k for k in pages if pages[k] != pages_after[k]} | ({"nav"} if nav != nav_after else set())
        assert changed == feeds, f"editing {what} changed {sorted(changed)}, not {sorted(feeds)}"
        nav, pages = nav_after, pages_after
