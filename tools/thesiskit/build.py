"""The whole build, top to bottom: sources → records → gate → rendered Markdown → site and PDF."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .cite.bib import Bibliography, load_bib
from .cite.citeproc import run_citeproc
from .cite.link import REFERENCES_PAGE, check_keys, collect_clusters, link_citations
from .errors import GateError, InputError
from .figures.files import write_figures
from .log import console, step
from .pdf import PdfInput, build_pdf
from .project import Project, open_project
from .publish import swap_in
from .records import Records, load_records
from .render.chapters import Page, render_chapters
from .render.env import make_env
from .render.links import resolve_refs
from .site.cff import citation_cff
from .site.citation import thesis_bibtex, thesis_key
from .site.pages import GENERATED_NAV
from .site.tree import build_site, head_tags, write_markdown_tree
from .sources import Chapter, load_site_config, read_chapters


@dataclass(frozen=True)
class BuildOptions:
    """What to build."""

    site: bool = True
    pdf: bool = True
    submission: bool = False
    engine: str = "typst"
    gate: bool = True


def build_study(project_dir: Path | str, options: BuildOptions = BuildOptions()) -> Project:
    """Build the study in ``project_dir``; outputs are swapped in only if every step succeeded."""
    project = open_project(project_dir)
    with step("Reading sources"):
        config = load_site_config(project)
        records = load_records(project)
        bib = load_bib(project.bib, project.rel(project.bib))
        if bib.problems:
            raise InputError(bib.problems)
        chapters = read_chapters(project, config, {path for _, path in GENERATED_NAV})
    if options.gate:
        with step("Checking citations and anonymity (thesis lint)"):
            _gate(project)
    env = make_env(project.templates)
    created = source_date(records.study.date)
    project.build.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=project.build))
    try:
        figures = write_figures(records, staging / "figures")
        with ThreadPoolExecutor(max_workers=2) as pool:
            jobs: list[Future[None]] = []
            for submission, wanted in ((False, options.pdf), (True, options.submission)):
                if wanted:
                    name = "thesis-submission.pdf" if submission else "thesis.pdf"
                    with step(f"Rendering chapters for {name}"):
                        inp = PdfInput(
                            project, records, _pdf_pages(chapters, records, env, submission), figures,
                            project.bib, submission, created, options.engine,
                        )
                    jobs.append(pool.submit(build_pdf, inp, staging / name))
            if options.site:
                _site(project, config, records, bib, chapters, env, figures, staging)
            with step("Compiling the PDF (Pandoc → Typst)" if jobs else "Finishing"):
                for job in jobs:
                    job.result()
        if options.site and (staging / "thesis.pdf").is_file():
            shutil.copy2(staging / "thesis.pdf", staging / "site" / "thesis.pdf")
        with step("Publishing"):
            swap_in(project, staging)
            if options.site:
                _write_if_changed(project.root / "CITATION.cff", citation_cff(records.study, config.site_url))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    console.print(f"[green]Done[/]: {project.rel(project.site)}/ and {project.rel(project.build)}/")
    return project


def _site(project: Project, config, records: Records, bib: Bibliography, chapters: list[Chapter],  # type: ignore[no-untyped-def]
          env, figures: dict[str, Path], staging: Path) -> None:
    with step("Rendering chapters for the site"):
        rendered = resolve_refs(render_chapters(chapters, records, env, "site"), "site")
        clusters = collect_clusters(rendered.pages)
        check_keys(clusters, bib, chapters)
    with step("Resolving citations (Pandoc citeproc)"):
        thesis_bib = staging / "thesis.bib"
        thesis_bib.write_text(thesis_bibtex(records.study, config.site_url), encoding="utf-8")
        texts = [c.text for found in clusters.values() for c in found]
        texts.append(f"[@{thesis_key(records.study)}]")
        cp = run_citeproc(texts, [project.bib, thesis_bib], records.study.language, project.cache)
        cited = link_citations(rendered, clusters, cp)
    with step("Writing the Markdown tree"):
        tree = write_markdown_tree(project, env, records, rendered, cited, cp, bib, config, figures, staging / "markdown")
    with step("Building the site (MkDocs, strict)"):
        build_site(project, config, tree, staging, head_tags(records, cited, config.site_url))


def _pdf_pages(chapters: list[Chapter], records: Records, env, submission: bool) -> list[Page]:  # type: ignore[no-untyped-def]
    """Pages for the PDF in reading order; the home page left out; the reference list in nav's place."""
    rendered = resolve_refs(render_chapters(chapters, records, env, "pdf", submission=submission), "pdf")
    refs = Page(REFERENCES_PAGE, "Litteraturliste", "# Litteraturliste {#litteraturliste .unnumbered}\n\n::: {#refs}\n:::\n")
    pages = [p for p in rendered.pages if p.path != "index.md"]
    nav_order = [c.path for c in chapters]
    if REFERENCES_PAGE in nav_order:  # the study placed it in its nav: keep that place
        before = set(nav_order[: nav_order.index(REFERENCES_PAGE)])
        cut = sum(1 for p in pages if p.path in before)
    else:  # default: after the last numbered chapter, before appendices and the like
        numbered = [i for i, p in enumerate(pages) if _has_numbered_heading(p)]
        cut = numbered[-1] + 1 if numbered else len(pages)
    return [*pages[:cut], refs, *pages[cut:]]


def _has_numbered_heading(page: Page) -> bool:
    first = next((ln for ln in page.markdown.splitlines() if ln.startswith("# ")), "")
    return bool(first) and "unnumbered" not in first


def source_date(study_date: dt.date) -> dt.datetime:
    """The build's timestamp: SOURCE_DATE_EPOCH if set, else the study's date (reproducible)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.combine(study_date, dt.time(12, 0), tzinfo=dt.UTC)


def _write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def _gate(project: Project) -> None:
    from .lint import LintOptions, format_findings, has_errors, lint_project

    findings = lint_project(project.root, LintOptions())
    if has_errors(findings):
        errors = [f for f in findings if f.severity == "error"]
        console.print(format_findings(errors, "text"), end="", markup=False)
        raise GateError(f"thesis lint found {len(errors)} error(s); nothing was published")
