"""Pandoc (citeproc) → Typst → PDF, with the Typst compiler from the ``typst`` package.

The Pandoc step (convert.py) is cached by content hash in ``build/.cache``. Typst compiles offline, with its
bundled fonts only (no system fonts, no packages), to a tagged PDF that declares PDF/A-2b and
PDF/UA-1; the creation date comes from ``PdfInput.created``, so two builds are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

from ..children import run_child, timeout
from ..errors import InputError, Problem, ToolError
from ..figures.files import figure_file_name
from ..project import Project
from ..render.env import KIT_TEMPLATES
from . import PdfInput
from .convert import to_typst
from .document import SOURCE_MARK, Document, assemble
from .meta import PdfMeta, pdf_meta
from .warm import WarmTypst

log = logging.getLogger(__name__)

PDF_STANDARDS = ["a-2b", "ua-1"]
TEMPLATE = "thesis.typ"
FILTER = "thesis.lua"
REFS_FILTER = "references.lua"


def template_file(project: Project, name: str) -> Path:
    """A file of the PDF template: the study's own ``templates/pdf/`` first, then the kit's."""
    for base in (project.templates, KIT_TEMPLATES):
        path = base / "pdf" / name
        if path.is_file():
            return path
    raise ToolError(f"templates/pdf/{name}: the PDF template file is missing from the kit")


FRONT_PAGE_TYPES = (".pdf", ".png", ".jpg", ".jpeg")
FRONT_PAGE_DPI = 300


def front_page_image(src: Path, out: Path) -> None:
    """The first page of the institution's PDF front page as a PNG at 300 dpi (PDFium).

    Typst cannot embed a PDF in a PDF/A document; as an image with a text alternative the page keeps
    the thesis's PDF/A-2b and PDF/UA-1 claims true.
    """
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(src))
    except pdfium.PdfiumError as exc:
        msg = f"front_page: {src.name} is not a readable PDF ({exc})"
        raise InputError.at("report/study.yaml", None, msg) from None
    try:
        doc[0].render(scale=FRONT_PAGE_DPI / 72).to_pil().save(out, format="PNG")
    finally:
        doc.close()


def write_workdir(inp: PdfInput, meta: PdfMeta, doc: Document, body: str, work: Path) -> Path:
    """Write main.typ, the template, the metadata and the figures into ``work``; return main.typ."""
    if work.exists():
        shutil.rmtree(work)
    (work / "figurer").mkdir(parents=True)
    shutil.copyfile(template_file(inp.project, TEMPLATE), work / TEMPLATE)
    (work / "meta.json").write_text(json.dumps(meta.as_json(), ensure_ascii=False, indent=1), "utf-8", newline="\n")
    problems = []
    front = inp.records.study.front_page
    if front and meta.front_page:
        src = inp.project.root / front
        if src.suffix.lower() not in FRONT_PAGE_TYPES:
            problems.append(Problem("report/study.yaml", None, f"front_page: {front} is not a PDF, PNG or JPEG file"))
        elif not src.is_file():
            problems.append(Problem("report/study.yaml", None, f"front_page: {front} does not exist"))
        elif src.suffix.lower() == ".pdf":
            front_page_image(src, work / meta.front_page)
        else:
            shutil.copyfile(src, work / meta.front_page)
    if problems:
        raise InputError(problems)
    copy_figures(inp, doc, work)
    (work / "thesis.md").write_text(doc.markdown, "utf-8", newline="\n")  # for debugging: what Pandoc read
    main = work / "main.typ"
    main.write_text(f'#import "{TEMPLATE}": *\n#show: thesis.with(json("meta.json"))\n\n{body}', "utf-8", newline="\n")
    return main


def copy_figures(inp: PdfInput, doc: Document, work: Path) -> None:
    """Every figure record's file into ``work/figurer/``, every picture under docs/ into ``work/media/``."""
    problems = []
    for anchor in doc.figures:
        fid = anchor.removeprefix("fig-")
        fig = inp.records.figures.get(fid)
        made = fid in inp.figures and inp.figures[fid].is_file()
        if fig is not None and fig.kind in ("graph", "image") and not made:
            problems.append(Problem(f"report/figures/{fid}.yaml", None, "no file was made for this figure"))
    if problems:
        raise InputError(problems)
    for fid, path in inp.figures.items():
        shutil.copyfile(path, work / "figurer" / figure_file_name(fid, path))
    for dest, rel in inp.floats.media.items():
        (work / dest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(inp.project.docs / rel, work / dest)


def fixed_offset(created: dt.datetime) -> dt.datetime:
    """The creation date with a fixed UTC offset (naive dates are taken as UTC), whole seconds."""
    if created.tzinfo is None:
        created = created.replace(tzinfo=dt.UTC)
    offset = created.utcoffset() or dt.timedelta(0)
    return created.astimezone(dt.timezone(offset)).replace(microsecond=0)


TIMEOUT_VARIABLE = "THESISKIT_TYPST_TIMEOUT"
"""Seconds one Typst compile may take (default 600; a whole thesis takes seconds); then it is stopped."""
_CHILD = Path(__file__).with_name("typst_child.py")


def compile_typst(main: Path, created: dt.datetime, warm: WarmTypst | None = None) -> bytes:
    """Compile ``main`` to PDF bytes; Typst's errors become a ToolError naming the source page.

    The compile runs in a child process (pdf/typst_child.py) that is stopped after
    THESISKIT_TYPST_TIMEOUT seconds: a fresh one (cold); or ``warm``, a child warmed up with the
    last build's document (pdf/prewarm.py); or, once :func:`keep_compilers` was called (``thesis
    serve``), the document's long-lived one (pdf/warm.py). A warm child that ends without
    answering (and was not stopped with the build) leaves the compile to a fresh one.
    """
    out = main.with_name(main.stem + ".pdf")
    limit = timeout(TIMEOUT_VARIABLE)
    args = [str(main), str(out), fixed_offset(created).isoformat(), *PDF_STANDARDS]
    if warm is None and _WARM is not None:
        with _WARM_LOCK:
            warm = _WARM.setdefault(main, WarmTypst())
    try:
        code, stdout, stderr = _compile(args, limit, warm)
    except subprocess.TimeoutExpired:
        raise ToolError(
            f"Typst did not finish within {limit:g} s and was stopped, compiling {pages_of(main)}"
            f" (set {TIMEOUT_VARIABLE} for more)"
        ) from None
    try:
        report = json.loads(stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise ToolError(f"Typst stopped ({code}) compiling {pages_of(main)}: {stderr.strip()[-500:]}") from None
    for w in report.get("warnings") or []:
        log.warning("typst: %s", typst_message(SimpleNamespace(**w), main))
    if report.get("error") is not None or code != 0 or not out.is_file():
        error = SimpleNamespace(**(report.get("error") or {"message": f"exit {code}"}))
        raise ToolError(typst_message(error, main))
    pdf = out.read_bytes()
    out.unlink()
    return pdf


def _compile(args: list[str], limit: float, warm: WarmTypst | None) -> tuple[int, str, str]:
    """Compile in ``warm``, else (or if it ended without answering, not stopped with the build) in a fresh child."""
    if warm is not None:
        answer = warm.run(args, limit=limit)
        if warm.before is not None:
            log.debug("typst: %s compiled in a warm process (%d compile(s) there before)", args[0], warm.before)
            return answer
        if warm.stopped_with_build():  # killed by stop_children: no new child
            return answer
        log.debug("typst: the warm process ended without answering; %s compiles in a fresh one", args[0])
    # -P: the script's folder is not put on sys.path (its typst.py would hide the typst package)
    return run_child([sys.executable, "-P", str(_CHILD), *args], limit=limit)


def pages_of(main: Path) -> str:
    """The docs/ pages a main.typ was made from, for a message: "docs/a.md", or "docs/a.md … docs/z.md (9 pages)"."""
    try:
        lines = main.read_text("utf-8").split("\n")
        marks = [ln.removeprefix(SOURCE_MARK) for ln in lines if ln.startswith(SOURCE_MARK)]
    except OSError:
        marks = []
    if not marks:
        return main.name
    return marks[0] if len(marks) == 1 else f"{marks[0]} … {marks[-1]} ({len(marks)} pages)"


_WARM: dict[Path, WarmTypst] | None = None
"""A warm compiler's child process per main.typ, once :func:`keep_compilers` was called (``thesis serve``)."""
_WARM_LOCK = threading.Lock()


def keep_compilers() -> None:
    """Keep one warm Typst compiler per document for the life of the process (a long-lived preview)."""
    global _WARM
    if _WARM is None:
        _WARM = {}


_LOCATION = re.compile(r"(?P<file>[\w./-]+\.typ):(?P<line>\d+)(?::(?P<col>\d+))?")


def typst_message(exc: object, main: Path) -> str:
    """Typst's message with its file:line, and the docs/ page that line came from."""
    message = str(getattr(exc, "message", "") or exc).strip()
    detail = "\n".join(str(x) for x in (getattr(exc, "diagnostic", ""), *getattr(exc, "trace", [])) if x)
    hints = [f"hint: {h}" for h in getattr(exc, "hints", []) or []]
    where = ""
    m = _LOCATION.search(detail) or _LOCATION.search(message)
    if m:
        where = f"{m.group('file')}:{m.group('line')}"
        if m.group("file").endswith("main.typ") and main.is_file():
            where = f"{source_of_line(main, int(m.group('line')))} ({main.name}:{m.group('line')})"
    text = f"Typst failed: {where + ': ' if where else ''}{message}"
    return "\n".join([text, *hints])


def source_of_line(main: Path, line: int) -> str:
    """The docs/ page that produced a line of main.typ."""
    source = main.name
    for n, text in enumerate(main.read_text("utf-8").split("\n"), 1):
        if n > line:
            break
        if text.startswith(SOURCE_MARK):
            source = text.removeprefix(SOURCE_MARK)
    return source


_CAPTION_START = re.compile(r"(caption: \[)\s+")


def tidy(body: str) -> str:
    """Small fixes to Pandoc's Typst: no space between "Figur N:" and the caption's first word."""
    return _CAPTION_START.sub(r"\1", body)


def work_dir(out: Path) -> Path:
    """The folder the PDF ``out`` is compiled in: ``.typst/<name>`` next to it.

    Next to it is the build's own (staging) folder: no race. The name is the PDF's without dots
    (``.serve-thesis.new.pdf`` → ``serve-thesis``).
    """
    return out.parent / ".typst" / out.name.lstrip(".").split(".")[0]


def build_with_typst(inp: PdfInput, out: Path, warm: WarmTypst | None = None) -> None:
    """The Typst engine: assemble, Pandoc → Typst (cached), compile (in ``warm``, if given), write ``out``."""
    meta = pdf_meta(inp.records.study, inp.submission)
    doc = assemble(inp.pages, meta.lang, meta.region, inp.figure_anchors())
    bib = inp.bib if inp.bib.is_file() else None
    lua = template_file(inp.project, FILTER)
    after = template_file(inp.project, REFS_FILTER)
    body = tidy(to_typst(doc, inp.project, bib, meta.locale, lua, after))
    main = write_workdir(inp, meta, doc, body, work_dir(out))
    pdf = compile_typst(main, inp.created, warm)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf)
