"""The whole build, top to bottom: sources → records → gate → rendered Markdown → site and PDF."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path

from . import cache
from . import figures as figure_code
from .cache import cache_key, inputs_digest, read_entry, restore_folder, store_folder, write_entry
from .cite.citeproc import run_citeproc
from .cite.link import REFERENCES_PAGE, check_keys, collect_clusters, link_citations
from .errors import GateError
from .figures.files import picture_files, write_figures
from .lang import locale_for
from .lint.finding import Finding
from .log import console, step
from .options import BuildOptions
from .pdf import PdfInput, build_pdf
from .pdf.prewarm import Prewarmed, prewarm
from .pdf.warm import WarmTypst
from .project import Project, open_project, read_text
from .publish import prune_cache, publish_lock, recover, swap_in
from .records.schema import Study
from .render.chapters import Page, render_chapters
from .render.env import render
from .render.headings import edition_only
from .render.links import resolve_refs
from .site.cff import citation_cff
from .site.citation import place_cluster, thesis_bibtex, thesis_key
from .site.pages import finding_places
from .site.tree import ENGINE_NAMES, build_site, head_tags, markdown_files, write_engine_config, write_files
from .stamp import commit_date, last_commit_time, remember, show_up_to_date, show_warnings, stamp_key
from .study import Sources, read_sources
from .word.write import build_docx

DEFAULTS = BuildOptions()
"""``thesis build`` with no options: the site and the PDF, after the gate."""


def build_study(project_dir: Project | Path | str, options: BuildOptions = DEFAULTS) -> Project:
    """Build the study in ``project_dir`` (a folder, or a project opened already).

    Outputs are swapped in only if every step succeeded.
    """
    project = project_dir if isinstance(project_dir, Project) else open_project(project_dir)
    stamp = stamp_key(project, options, commit_date(project))
    if show_up_to_date(project, stamp):  # nothing changed since the last build
        return project
    warm = prewarm_pdfs(project, options)  # Typst's cache warms with the last build's PDF meanwhile
    try:
        with step("Reading sources"):
            src = read_sources(project, fresh=False)  # as hashed for the stamp: each file read once
        findings: list[Finding] = []
        with publish_lock(project):  # so that no other build's recovery takes this staging folder for a dead one's
            recover(project)  # a build killed while publishing: finish that first
            staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=project.build))
            (staging / "pid").write_text(str(os.getpid()), "ascii", newline="\n")  # in use: no other build removes it
    except BaseException:
        warm.close()
        raise
    try:
        figures = draw_figures(src, staging / "figures")
        with ThreadPoolExecutor(max_workers=2) as pool:
            # The PDFs compile on the other core (Pandoc and Typst run outside Python's lock) …
            jobs: dict[str, Future[None]] = {}
            for name, submission, wanted in (
                ("thesis.pdf", False, options.pdf),
                ("thesis-submission.pdf", True, options.submission),
            ):
                if wanted:
                    with step(f"Rendering chapters for {name}"):
                        inp = pdf_input(src, figures, submission, options.engine)
                    jobs[name] = pool.submit(cached_pdf, inp, staging / name, warm.get(name))
            # … while this one runs the gate (a failure waits for them, then discards everything) …
            if options.gate:
                with step("Checking citations and anonymity (thesis lint)"):
                    findings = run_gate(src, strict=options.strict)
            # … and builds the site, linking to a placeholder that the new PDF replaces.
            if options.site:
                old_pdf = project.build / "thesis.pdf"
                has_pdf = options.pdf or old_pdf.is_file()
                tree, pages, head = site_tree(src, figures, staging / "markdown", has_pdf=has_pdf)
                if options.pdf:
                    (tree / "thesis.pdf").write_bytes(b"")
                elif old_pdf.is_file():
                    shutil.copy2(old_pdf, tree / "thesis.pdf")
                when = source_date(project, src.records.study)
                engine = options.site_engine or src.records.study.site.engine
                with step(f"Building the site ({ENGINE_NAMES[engine]}, strict)"), source_date_epoch(when):
                    cached_site(src, tree, pages, staging, head, engine)
            for name, job in jobs.items():
                with step(f"Compiling {name} (Pandoc → Typst)"):
                    job.result()
            if options.submission and options.gate:
                with step("Checking thesis-submission.pdf for the author's name (ANO009)"):
                    check_submission(src, staging / "thesis-submission.pdf")
            if options.docx:
                with step("Writing thesis.docx (Pandoc)"):
                    build_docx(pdf_input(src, figures, options.submission, options.engine), staging / "thesis.docx")
            if options.site and options.pdf:
                for copy in (tree / "thesis.pdf", staging / "site" / "thesis.pdf"):
                    shutil.copyfile(staging / "thesis.pdf", copy)
            if options.site:  # build/mkdocs.yml and CITATION.cff: published with the site, never alone
                write_engine_config(project, src.config, pages, staging, src.records.study.language)
                cff = citation_cff(
                    src.records.study,
                    src.config.site_url,
                    name=src.config.site_name,
                    description=str(src.config.data.get("site_description") or ""),
                )
                (staging / "CITATION.cff").write_text(cff, encoding="utf-8", newline="\n")
        with step("Publishing"):
            with publish_lock(project):  # stamped under the lock: the outputs hashed are this build's own
                swap_in(project, staging)
                remember(project, stamp, [dataclasses.asdict(f) for f in findings])
            prune_cache(project.cache)
    finally:
        warm.close()
        shutil.rmtree(staging, ignore_errors=True)
    console.print(f"[green]Done[/]: {project.rel(project.site)}/ and {project.rel(project.build)}/")
    return project


def draw_figures(src: Sources, folder: Path) -> dict[str, Path]:
    """Every figure record's file: graphs drawn as SVG (cached), pictures as their own files.

    The SVGs are kept in the cache by the records and the drawing code.
    """
    return {**_drawn_figures(src, folder), **picture_files(src.project, src.records)}


def _drawn_figures(src: Sources, folder: Path) -> dict[str, Path]:
    records = src.records
    key = figures_key(src)
    svgs = read_entry(src.project.cache, "figures", key)
    if isinstance(svgs, dict) and set(svgs) == {fid for fid, fig in records.figures.items() if fig.kind == "graph"}:
        folder.mkdir(parents=True, exist_ok=True)
        out = {}
        for fid, svg in svgs.items():
            out[fid] = folder / f"{fid}.svg"
            out[fid].write_text(str(svg), encoding="utf-8", newline="\n")
        return out
    out = write_figures(records, folder)
    write_entry(src.project.cache, "figures", key, {fid: p.read_text("utf-8") for fid, p in out.items()})
    return out


def figures_key(src: Sources) -> str:
    """What the drawn figures are made from: the figure records, the informants, the language and the code."""
    records = src.records
    code = sorted(Path(figure_code.__file__).parent.glob("*.py"))
    return cache_key(
        *(p.read_bytes() for p in code),
        version("pyphen"),
        records.study.language,
        records.informants_file.model_dump_json(),
        *(f"{fid}={fig.model_dump_json()}" for fid, fig in records.figures.items()),
    )


def site_tree(src: Sources, figures: dict[str, Path], tree: Path, *, has_pdf: bool) -> tuple[Path, list[str], str]:
    """Render for the site, resolve citations and write the plain Markdown tree; return its pages."""
    files, pages, head = site_files(src, figures, tree.parent, has_pdf=has_pdf)
    write_files(files, tree)
    return tree, pages, head


def site_files(
    src: Sources, figures: dict[str, Path], scratch: Path, *, has_pdf: bool
) -> tuple[dict[str, str | Path], list[str], str]:
    """The plain Markdown tree's files by path (texts, and files to copy), its pages and the head tags.

    The thesis's own BibTeX entry, which citeproc reads, is written into ``scratch``.
    """
    project, records = src.project, src.records
    with step("Rendering chapters for the site"):
        rendered = render_chapters(src.chapters, records, src.env, "site", has_pdf=has_pdf, docs=project.docs)
        rendered = resolve_refs(rendered, "site", {c.path: c.text for c in src.chapters})
        clusters = collect_clusters(rendered.pages)
        check_keys(clusters, src.bib, src.chapters)
    with step("Resolving citations (Pandoc citeproc, one run)"):
        scratch.mkdir(parents=True, exist_ok=True)
        thesis_bib = scratch / "thesis.bib"
        thesis_bib.write_text(thesis_bibtex(records.study, src.config.site_url), encoding="utf-8", newline="\n")
        texts = [c.text for found in clusters.values() for c in found]
        texts.append(f"[@{thesis_key(records.study)}]")
        places = finding_places(records, rendered, src.config.site_url)
        texts += [place_cluster(records.study, place) for place in places.values()]
        bibs = [project.bib] if project.bib.exists() else []  # no references.bib: nothing is cited (the gate says)
        cp = run_citeproc(
            texts, [*bibs, thesis_bib], records.study.language, project.cache, lambda p: read_text(project, p)
        )
        cited = link_citations(rendered, clusters, cp)
    with step("Making the Markdown tree"):
        files, pages = markdown_files(project, src.env, records, rendered, cited, cp, src.bib, src.config, figures)
    return files, pages, head_tags(records, cited, src.config.site_url)


def pdf_input(src: Sources, figures: dict[str, Path], submission: bool, engine: str) -> PdfInput:
    """Pages for the PDF in reading order: home page left out, the reference list in its place."""
    rendered = render_chapters(src.chapters, src.records, src.env, "pdf", submission=submission, docs=src.project.docs)
    rendered = resolve_refs(rendered, "pdf", {c.path: c.text for c in src.chapters})
    # the edition marks the entries it reconstructed; the submission is the text as submitted
    reconstructed = [] if submission else [k for k, e in src.bib.entries.items() if e.reconstructed]
    described = not submission and any(e.described for e in src.bib.entries.values())
    refs_md = render(src.env, "pdf/references.md.j2", reconstructed=reconstructed, described=described)
    refs = Page(REFERENCES_PAGE, locale_for(src.records.study.language).text("references"), refs_md)
    pages = [p for p in rendered.pages if p.path != "index.md"]
    if submission:  # the text as submitted: no page of the edition's own (`# … {.edition-only}`)
        pages = [p for p in pages if not edition_only(p.markdown)]
    nav_order = [c.path for c in src.chapters]
    if REFERENCES_PAGE in nav_order:  # the study placed it in its nav: keep that place
        before = set(nav_order[: nav_order.index(REFERENCES_PAGE)])
        cut = sum(1 for p in pages if p.path in before)
    else:  # default: after the last numbered chapter, before appendices and the like
        numbered = [i for i, p in enumerate(pages) if _has_numbered_heading(p)]
        cut = numbered[-1] + 1 if numbered else len(pages)
    pages = [*pages[:cut], refs, *pages[cut:]]
    created = source_date(src.project, src.records.study)
    return PdfInput(
        src.project, src.records, pages, figures, src.project.bib, submission, created, engine, rendered.floats
    )


def prewarm_pdfs(project: Project, options: BuildOptions) -> Prewarmed:
    """A Typst child for each PDF the build makes, compiling the last build's (pdf/prewarm.py)."""
    wanted = {"thesis.pdf": options.pdf, "thesis-submission.pdf": options.submission}
    return prewarm(project.build, [name for name, on in wanted.items() if on and options.engine == "typst"])


def cached_pdf(inp: PdfInput, out: Path, warm: WarmTypst | None = None) -> None:
    """``build_pdf`` (Typst in ``warm``), skipped when all it is made from is as in a recent build (:func:`pdf_key`)."""
    if inp.engine != "typst":  # another engine's version is not known here
        build_pdf(inp, out)
        return
    cached = cache.entry(inp.project.cache, "pdf", pdf_key(inp), "pdf")
    pdf = cache.read(cached, cache.is_whole_pdf)
    if pdf is not None:
        if warm is not None:
            warm.stop()  # not needed: its core goes back to the site
        out.write_bytes(pdf)
        return
    build_pdf(inp, out, warm)
    made = out.read_bytes()
    if cache.is_whole_pdf(made):
        cache.write(cached, made)


def pdf_key(inp: PdfInput) -> str:
    """What a PDF is made from (its cache key).

    The pages, figures, bibliography, study metadata, dates, the PDF code and templates, and the
    versions of Pandoc, Typst and the CSL style.
    """
    from . import pdf as pdf_code
    from .cite.style import style_inputs
    from .pandoc import pandoc_version
    from .render.env import KIT_TEMPLATES

    parts: list[str | bytes] = [
        json.dumps([[p.path, p.title, p.markdown] for p in inp.pages], ensure_ascii=False),
        *(fid.encode() + b"=" + path.read_bytes() for fid, path in sorted(inp.figures.items())),
        *(d.encode() + b"=" + (inp.project.docs / rel).read_bytes() for d, rel in sorted(inp.floats.media.items())),
        read_text(inp.project, inp.bib) if inp.bib.is_file() else "",
        inp.records.study.model_dump_json(),
        f"{inp.submission} {inp.created.isoformat()} {pandoc_version()} {version('typst')}",
        *style_inputs(locale_for(inp.records.study.language)),
    ]
    front = inp.records.study.front_page
    if front and (inp.project.root / front).is_file():  # the institution's front page (page 1)
        parts.append((inp.project.root / front).read_bytes())
    for folder in (Path(pdf_code.__file__).parent, inp.project.templates / "pdf", KIT_TEMPLATES / "pdf"):
        parts += [f.name.encode() + b"=" + f.read_bytes() for f in sorted(folder.glob("*")) if f.is_file()]
    return cache_key(*parts)


def cached_site(src: Sources, tree: Path, pages: list[str], staging: Path, head: str, engine: str) -> None:
    """``build_site`` into ``staging/site``.

    MkDocs runs in this process and takes every unchanged page from its page cache (site/pagecache.py);
    Zensical's site is kept whole and restored, skipping Zensical, when all it is made from is as in a
    recent build.
    """
    project = src.project
    if engine == "mkdocs":  # a copy of the whole site would cost more than the pages it saves
        build_site(project, src.config, tree, pages, staging, head, engine, src.records.study.language)
        return
    key = site_key(project, tree, pages, head, engine)
    if restore_folder(project.cache, "site", key, staging / "site"):
        return
    build_site(project, src.config, tree, pages, staging, head, engine, src.records.study.language)
    store_folder(project.cache, "site", key, staging / "site")


def site_key(project: Project, tree: Path, pages: list[str], head: str, engine: str) -> str:
    """What the site is made from (its cache key).

    The Markdown tree, navigation, head tags, engine, the study's other files (configuration,
    overrides), the kit's code, the installed packages and the build date.
    """
    files = sorted(p for p in tree.rglob("*") if p.is_file())
    return cache_key(
        inputs_digest(project),
        json.dumps([pages, head, engine, os.environ.get("SOURCE_DATE_EPOCH", "")], ensure_ascii=False),
        *(p.relative_to(tree).as_posix().encode() + b"=" + p.read_bytes() for p in files),
    )


def _has_numbered_heading(page: Page) -> bool:
    first = next((ln for ln in page.markdown.splitlines() if ln.startswith("# ")), "")
    return bool(first) and "unnumbered" not in first


def source_date(project: Project, study: Study) -> dt.datetime:
    """The build's timestamp, as reproducible builds take it (PDF dates, sitemap ``lastmod``).

    SOURCE_DATE_EPOCH if set; else the date of the last commit, when the study is a git
    repository of its own; else the edition's date; else the date of submission.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    committed = last_commit_time(project.root)
    if committed is not None:
        return committed
    day = study.edition.date if study.edition else study.date
    return dt.datetime.combine(day, dt.time(12, 0), tzinfo=dt.UTC)


@contextmanager
def source_date_epoch(when: dt.datetime) -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH while MkDocs runs (sitemap dates, gzip headers), unless the caller set it."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        yield
        return
    # archives (gzip) hold 1970–2106 only: a thesis from 1905 gets 1970 there, its own date in the text
    os.environ["SOURCE_DATE_EPOCH"] = str(min(max(int(when.timestamp()), 0), 2**32 - 1))
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def run_gate(src: Sources, *, strict: bool = False) -> list[Finding]:
    """Run ``thesis lint`` on the sources as read; refuse to go on while any error stands (or, strict, any warning).

    The warnings are shown every time: their count, the first few, and how to see them all. The gate
    does not render again: the build renders the chapters itself and stops on the same problems.
    Returns the findings (kept with the build's stamp, to be shown again when nothing changed).
    """
    from .lint import LintOptions, lint_reading

    key = cache_key("gate", inputs_digest(src.project))
    stored = read_entry(src.project.cache, "gate", key)
    if stored is not None:
        findings = [Finding(**f) for f in stored]
    else:
        findings = lint_reading(src.reading, LintOptions(render=False))
        if not any(f.internal for f in findings):
            write_entry(src.project.cache, "gate", key, [dataclasses.asdict(f) for f in findings])
    _stop_on(findings, strict, "thesis lint")
    show_warnings(findings)
    return findings


def check_submission(src: Sources, pdf: Path) -> None:
    """The ANO009 checks on the exam submission just compiled, before it is swapped in.

    Its text, document information and XMP: the author's name anywhere stops the build, with the file and page.
    """
    from .lint import LintOptions, lint_reading

    rel = src.project.rel(src.project.build / pdf.name)
    options = LintOptions(select=("ANO009",), built=True, render=False, pdfs=((pdf, rel),))
    _stop_on(lint_reading(src.reading, options), False, "the anonymous submission")


def _stop_on(findings: list[Finding], strict: bool, what: str) -> None:
    from .lint import format_findings, has_errors

    if has_errors(findings, strict):
        stops = [f for f in findings if f.severity == "error" or strict]
        console.print(format_findings(stops, "text"), end="", markup=False, soft_wrap=True)
        kind = "finding(s)" if strict else "error(s)"
        raise GateError(f"{what}: {len(stops)} {kind}; nothing was published")
