"""Write the plain Markdown tree the site engine builds, then build it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import jinja2

from ..cite.bib import Bibliography
from ..cite.citeproc import Citeproc
from ..cite.link import CitedPages
from ..figures.files import figure_file_name
from ..lang import locale_for
from ..project import Project, inside
from ..records import Records
from ..render.chapters import Rendered
from ..render.env import KIT_TEMPLATES, render
from ..render.headings import HEADING, parse_attrs
from ..render.tokens import CITE_THIS
from ..sources import SiteConfig
from .accessibility import load_accessibility
from .citation import coins, highwire_tags, json_ld, plain_text
from .finish import finish_site
from .mkdocs import dialect_extensions, full_nav, run_mkdocs, write_config
from .pages import SiteContext, generated_nav, generated_pages, thesis_cite_info
from .zensical import run_zensical

HOME = "index.md"
ENGINE_NAMES = {"mkdocs": "MkDocs", "zensical": "Zensical"}
"""The site engines, as ``site.engine`` and ``--site-engine`` name them, and as the kit says them."""


def _template_dir(project: Project, name: str) -> Path:
    own = project.templates / name
    return own if own.is_dir() else KIT_TEMPLATES / name


def markdown_files(
    project: Project,
    env: jinja2.Environment,
    records: Records,
    rendered: Rendered,
    cited: CitedPages,
    cp: Citeproc,
    bib: Bibliography,
    config: SiteConfig,
    figures: dict[str, Path],
) -> tuple[dict[str, str | Path], list[str]]:
    """The Markdown tree's files by path, and its pages in order.

    Chapters, generated pages and downloads as text; then the figures, assets and the chapters'
    other files as the files to copy (where two have one path, the later one).
    """
    ctx = SiteContext(records, rendered, cited.uses, cp, bib, config.site_url, load_accessibility(project))
    texts: dict[str, str] = {}
    for page in cited.pages:
        text = page.markdown
        if CITE_THIS in text:
            box = render(env, "site/pages/cite_box.md.j2", cite=thesis_cite_info(ctx, page.path))
            text = text.replace(CITE_THIS, box)
        texts[page.path] = with_page_lang(text)
    texts.update(generated_pages(env, ctx))
    # Every page but the home page (whose head carries the citation_* tags) carries a COinS of
    # the thesis, so that Zotero saves the thesis from any page; Google Scholar reads no COinS.
    item = coins(records.study, config.site_url)
    for rel in texts:
        if rel.endswith(".md") and rel != HOME:
            texts[rel] = texts[rel].rstrip("\n") + f"\n\n{item}\n"
    files: dict[str, str | Path] = dict(texts)
    for fid, file in figures.items():
        files[f"figurer/{figure_file_name(fid, file)}"] = file
    assets = _template_dir(project, "assets")
    if assets.is_dir():
        for asset in sorted(assets.rglob("*")):
            if asset.is_file():
                files[(Path("assets") / asset.relative_to(assets)).as_posix()] = asset
    for extra in project.docs.rglob("*"):  # images and other files the chapters link to
        where = extra.relative_to(project.docs)
        if extra.is_file() and extra.suffix != ".md" and not any(p.startswith(".") for p in where.parts):
            inside(project, extra)  # a symbolic link out of the study is not published
            files[where.as_posix()] = extra
    return files, [path for path in texts if path.endswith(".md")]


def write_files(files: dict[str, str | Path], out: Path) -> None:
    """Write the tree's files below ``out`` (texts as UTF-8 with LF line ends; files copied)."""
    (out / "figurer").mkdir(parents=True, exist_ok=True)
    for rel, data in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8", newline="\n")
        else:
            shutil.copy2(data, path)


def with_page_lang(text: str) -> str:
    """The page, with ``thesis_lang`` in front matter if its first heading names a language (WCAG 3.1.2).

    ``# Summary {#summary lang=en}``: the theme override sets that language on the page's content.
    """
    first = next((line for line in text.split("\n") if line.strip()), "")
    m = HEADING.match(first)
    if not m or len(m["hashes"]) != 1 or not m["attrs"]:
        return text
    lang = next((p[len("lang=") :].strip("\"'") for p in parse_attrs(m["attrs"])[2] if p.startswith("lang=")), "")
    if not re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", lang):
        return text
    return f"---\nthesis_lang: {lang}\n---\n\n" + text


def head_tags(records: Records, cited: CitedPages, site_url: str) -> str:
    """Citation metadata for the home page: Highwire tags and JSON-LD."""
    abstract_page = next((p for p in cited.pages if p.path == records.study.abstract), None)
    abstract = plain_text(abstract_page.markdown) if abstract_page else ""
    pdf_url = f"{site_url}thesis.pdf"
    return (
        highwire_tags(records.study, pdf_url=pdf_url, abstract=abstract)
        + "\n"
        + json_ld(records.study, url=site_url, pdf_url=pdf_url, abstract=abstract)
    )


def write_site_config(
    project: Project,
    config: SiteConfig,
    tree: Path,
    pages: list[str],
    out: Path,
    site_dir: Path,
    language: str = "nb",
    folder: Path | None = None,
) -> Path:
    """Write a derived mkdocs.yml at ``out`` that builds ``tree`` into ``site_dir`` (MkDocs or Zensical).

    Its paths are relative to ``folder``, where it will be read from (default: the folder of ``out``).

    The generated pages' titles are in the study's ``language``; so is Material's interface unless
    the study's mkdocs.yml names ``theme.language`` itself.
    """
    locale = locale_for(language)
    theme = config.data.get("theme") or {}
    return write_config(
        project.mkdocs_yml,
        out,
        docs_dir=tree,
        site_dir=site_dir,
        nav=full_nav(config, generated_nav(language), pages),
        custom_dir=_template_dir(project, "overrides"),
        language=None if isinstance(theme, dict) and theme.get("language") else locale.material_language,
        # no "Made with …" in English in the footer: the site speaks the study's language
        extra={"generator": False, **(config.data.get("extra") or {}), "thesiskit_t": locale.strings},
        markdown_extensions=dialect_extensions(config.data.get("markdown_extensions")),
        folder=folder,
    )


def build_site(
    project: Project,
    config: SiteConfig,
    tree: Path,
    pages: list[str],
    staging: Path,
    head: str,
    engine: str,
    language: str = "nb",
) -> None:
    """Build the Markdown tree with ``engine`` into ``staging/site``, then add the head metadata."""
    site_config = write_site_config(project, config, tree, pages, staging / "mkdocs.yml", staging / "site", language)
    if engine == "zensical":
        run_zensical(site_config)
    else:
        known = {path.resolve(): text for path, text in project.texts.items()}  # read once (the study's mkdocs.yml)
        run_mkdocs(site_config, project.cache, lambda p: known[p].encode() if p in known else p.read_bytes())
    finish_site(staging / "site", {HOME: head})


ENGINE_CONFIG = "build-mkdocs.yml"
"""In the staging folder: what is published as build/mkdocs.yml (publish.OUTPUTS)."""


def write_engine_config(
    project: Project, config: SiteConfig, pages: list[str], staging: Path, language: str = "nb"
) -> None:
    """build/mkdocs.yml: the same config for either engine, next to the published build/markdown/.

    Written into ``staging`` (``ENGINE_CONFIG``) and published with the rest; its paths are those
    of build/, and its ``site_dir`` is build/site: Zensical builds only into a folder below its config.
    """
    write_site_config(
        project,
        config,
        project.build / "markdown",
        pages,
        staging / ENGINE_CONFIG,
        project.build / "site",
        language,
        folder=project.build,
    )
