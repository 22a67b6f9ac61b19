"""``make bench``: whole-process timings of the kit against the engines it drives.

Every figure is the wall time of a whole process (``thesis build``, ``thesis lint``, ``pandoc``,
``mkdocs build`` …), the median of ``--runs`` runs (at least 5) with min and max, on copies of
the real study (1×) and of synthetic studies three and ten times its size (3×, 10×, see
synth.py; at 10× ``--large-runs`` runs, 3 by default, as each build there takes minutes). The
engine floor is what the engines alone cost on the same input, run one after the other:

- Pandoc: the concatenated chapters the kit hands Pandoc (``build/.typst/thesis/thesis.md``),
  markdown → typst with citeproc, APA and the study's bibliography;
- Typst: a compile of the same Typst document the kit compiles (``main.typ`` with the template);
- MkDocs: a plain ``mkdocs build`` of the generated Markdown tree (``build/mkdocs.yml``).

At 1×, each kind of edit (a chapter paragraph, a quote record, a figure record, references.bib,
mkdocs.yml, a template, none) → ``thesis build``; and through one ``thesis serve`` over HTTP, each
of the first four → the served page showing it, and → the new PDF served (the kit's
``_thesiskit/status.json`` names it once it is in place). Each command runs once untimed first
(bytecode and disk caches warm, as on a working machine). Peak memory is sampled from /proc over
the whole process tree (the kit and its Pandoc runs; for serve, its MkDocs server too). Beside
each figure: the target of issue #18 and whether the median meets it. The machine's load average
before and after is printed: on a shared machine, say how noisy the figures are.

Usage: ``python tests/bench/bench.py [--runs 5] [--scales 1,3,10] [--large-runs 3] [--keep DIR]``
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bigbib import make_study as make_bib_study
from synth import STUDY_PARTS, counts, make_synthetic

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PARAGRAPH_CHAPTER = "docs/04-erfaringer.md"
BIG_BIB = 6000
"""Entries added to references.bib for the large-bibliography lint (bigbib.py: shapes of real exports)."""
QUOTE_FILE = "report/quotes/04-erfaringer-a.yaml"
FIGURE_FILE = "report/figures/leavitt.yaml"
BIB_FILE = "references.bib"


@dataclass
class Sample:
    """The runs of one figure."""

    seconds: list[float] = field(default_factory=list)
    peak_bytes: list[int] = field(default_factory=list)

    def cell(self) -> str:
        if not self.seconds:
            return "–"
        s = self.seconds
        return f"{_num(statistics.median(s))} [{_num(min(s))}–{_num(max(s))}]"

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")


def _num(x: float) -> str:
    return f"{x:.2f}" if x < 10 else f"{x:.1f}" if x < 100 else f"{x:.0f}"


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (0 once it has gone)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total


def run(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int]:
    """Run a whole process; return its wall time and the peak memory of its process tree."""
    peak = 0
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.01):
            peak = max(peak, _tree_rss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - t0
    done.set()
    sampler.join()
    if proc.returncode != 0:
        tail = "\n".join(err.strip().splitlines()[-15:])
        raise SystemExit(f"bench: {' '.join(argv)} failed ({proc.returncode}) in {cwd}:\n{tail}")
    return elapsed, peak


def measure(
    argv: list[str], cwd: Path, env: dict[str, str], runs: int, before: Callable[[int], None] | None = None
) -> Sample:
    """One untimed run, then ``runs`` timed ones, each after ``before(i)``."""
    out = Sample()
    for i in range(runs + 1):
        if before:
            before(i)
        seconds, peak = run(argv, cwd, env)
        if i:
            out.seconds.append(seconds)
            out.peak_bytes.append(peak)
        print(f"  {'warm-up' if i == 0 else f'run {i}'}: {seconds:.2f} s, {peak / 2**20:.0f} MB", file=sys.stderr)
    return out


def clean(root: Path) -> Callable[[int], None]:
    def wipe(_: int) -> None:
        shutil.rmtree(root / "site", ignore_errors=True)
        shutil.rmtree(root / "build", ignore_errors=True)

    return wipe


def edit_paragraph(root: Path, rel: str) -> Callable[[int], None]:
    """Change one word at the end of the first long paragraph of a chapter (a new word each run)."""
    path = root / rel
    original = path.read_text(encoding="utf-8")
    m = re.search(r"^(?![#{>|<\-\s])[^\n]{200,}$", original, re.M)
    if not m:
        raise SystemExit(f"bench: no paragraph to edit in {rel}")

    def edit(i: int) -> None:
        path.write_text(original[: m.end()] + f" Endring {i}." + original[m.end() :], encoding="utf-8")

    return edit


def edit_quote(root: Path, rel: str) -> Callable[[int], None]:
    """Change the first line of the first quote's text in a quote file (a new word each run)."""
    path = root / rel
    original = path.read_text(encoding="utf-8")
    m = re.search(r"^\s*text:\s*[|>]-?\s*\n[ \t]+\S[^\n]*$", original, re.M)
    if not m:
        raise SystemExit(f"bench: no quote text to edit in {rel}")

    def edit(i: int) -> None:
        path.write_text(original[: m.end()] + f" (endring {i})" + original[m.end() :], encoding="utf-8")

    return edit


def edit_at(root: Path, rel: str, pattern: str, word: str = " endring {i}") -> Callable[[int], None]:
    """Insert ``word`` (a new one each run) where the group ``at`` of ``pattern`` first matches in a file."""
    path = root / rel
    original = path.read_text(encoding="utf-8")
    m = re.search(pattern, original, re.M)
    if not m:
        raise SystemExit(f"bench: {pattern!r} not found in {rel}")
    at = m.start("at")

    def edit(i: int) -> None:
        path.write_text(original[:at] + word.format(i=i) + original[at:], encoding="utf-8")

    return edit


def edit_template(root: Path) -> Callable[[int], None]:
    """The study's own copy of the kit's quote template for the site, changed a little each run."""
    from thesiskit.render.env import KIT_TEMPLATES

    kit = (KIT_TEMPLATES / "site" / "quote.md.j2").read_text("utf-8")
    path = root / "templates" / "site" / "quote.md.j2"

    def edit(i: int) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(kit.replace("«", f"«{{## endring {i} ##}}", 1), encoding="utf-8")

    return edit


EDIT_KINDS: dict[str, tuple[str, Callable[[Path], Callable[[int], None]]]] = {
    # kind: (what the figure is called, how to make the edit)
    "paragraph": ("one paragraph", lambda root: edit_paragraph(root, PARAGRAPH_CHAPTER)),
    "quote": ("one quote record", lambda root: edit_quote(root, QUOTE_FILE)),
    "figure": ("one figure record", lambda root: edit_at(root, FIGURE_FILE, r'^caption: "[^"\n]*(?P<at>)"')),
    "bib": ("references.bib (a title)", lambda root: edit_at(root, BIB_FILE, r"title\s*=\s*\{[^}\n]*(?P<at>)}")),
    "mkdocs": ("mkdocs.yml (site name)", lambda root: edit_at(root, "mkdocs.yml", r"^site_name: [^\n]*(?P<at>)$")),
    "template": ("a template (quote.md.j2)", edit_template),
    "noop": ("nothing (no-op build)", lambda root: lambda i: None),
}


SERVE_KINDS = {
    # kind: (the page whose served HTML shows the edit, the text each run adds)
    "paragraph": ("04-erfaringer/", "Endring {i}."),
    "quote": ("04-erfaringer/", "(endring {i})"),
    "figure": ("02-teori/", " endring {i}"),
    "bib": ("litteratur/", " endring {i}"),
}
"""The edits measured through ``thesis serve`` (EDIT_KINDS makes them)."""


def _get(url: str) -> bytes:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return bytes(response.read())
    except OSError:
        return b""


def serve_edits(root: Path, env: dict[str, str], runs: int) -> dict[str, Sample]:
    """``thesis serve`` over HTTP: seconds from saving each kind of edit to the served page showing it
    (``serve-page-<kind>``) and to the new PDF being served (``serve-pdf-<kind>``: the kit's
    _thesiskit/status.json names a new PDF, which it does once the PDF is in place); the peak
    memory of the serve process tree over the whole session (``serve-peak``)."""
    import json
    import socket
    from urllib.parse import urlsplit

    import yaml

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    site_path = urlsplit(yaml.safe_load((root / "mkdocs.yml").read_text("utf-8")).get("site_url") or "/").path
    base = f"http://127.0.0.1:{port}{site_path}"
    argv = [str(BIN / "thesis"), "serve", "--project", str(root), "--port", str(port)]
    log = (root.parent / "serve.log").open("w", encoding="utf-8")  # a file: a full pipe would stop the server
    server = subprocess.Popen(argv, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    peak, done = 0, threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.05):
            peak = max(peak, _tree_rss(server.pid))

    threading.Thread(target=sample, daemon=True).start()

    def pdf_version() -> str:
        try:
            return str(json.loads(_get(base + "_thesiskit/status.json"))["pdf"])
        except (ValueError, KeyError):
            return ""

    out: dict[str, Sample] = {}
    try:
        deadline = time.monotonic() + 300
        while not pdf_version():
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"bench: thesis serve did not come up; see {log.name}")
            time.sleep(0.2)
        stamp = int(time.time())  # words no earlier edit left in the study
        for kind, (page, mark) in SERVE_KINDS.items():
            print(f"1×: thesis serve, edit ({kind}) → page served, → PDF served", file=sys.stderr)
            edit = EDIT_KINDS[kind][1](root)
            pages, pdfs = out.setdefault(f"serve-page-{kind}", Sample()), out.setdefault(f"serve-pdf-{kind}", Sample())
            for i in range(runs + 1):
                time.sleep(1.5)  # let the previous rebuild settle
                before, word = pdf_version(), mark.format(i=stamp + i)
                t0 = time.perf_counter()
                edit(stamp + i)
                t_page = t_pdf = 0.0
                while not (t_page and t_pdf):
                    now = time.perf_counter() - t0
                    if now > 120:
                        raise SystemExit(f"bench: thesis serve did not show the {kind} edit within 120 s")
                    if not t_page and word in _get(base + page).decode("utf-8", "replace"):
                        t_page = time.perf_counter() - t0
                    if not t_pdf and pdf_version() != before:
                        t_pdf = time.perf_counter() - t0
                    time.sleep(0.01)
                if i:
                    pages.seconds.append(t_page)
                    pdfs.seconds.append(t_pdf)
                label = "warm-up" if i == 0 else f"run {i}"
                print(f"  {label}: page {t_page:.2f} s, PDF {t_pdf:.2f} s", file=sys.stderr)
            edit(stamp)  # back to one edit's worth of text, so the next kind starts from the same study
            time.sleep(1.5)
        import io

        from pypdf import PdfReader  # once, untimed: the PDF served last shows the last edit

        pdf = _get(base + "thesis.pdf")
        text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages)
        if "endring" not in " ".join(text.split()):
            raise SystemExit("bench: the served PDF does not show the edits")
    finally:
        server.terminate()  # thesis serve stops its MkDocs server on SIGTERM
        server.wait(timeout=30)
        done.set()
        log.close()
    out["serve-peak"] = Sample(peak_bytes=[peak])
    return out


def floor(root: Path, env: dict[str, str], runs: int, work: Path) -> dict[str, Sample]:
    """The engines alone on the kit's own inputs for this study (see the module docstring)."""
    from thesiskit.pandoc import csl_path, pandoc_path

    typst_dir = root / "build" / ".typst" / "thesis"
    body = typst_dir / "thesis.md"
    if not body.is_file():
        raise SystemExit(f"bench: {body} is missing (the PDF step no longer writes it): cannot measure the floor")
    pandoc = [
        pandoc_path(), str(body), "--from=markdown", "--to=typst", "--citeproc", f"--csl={csl_path()}",
        f"--bibliography={root / 'references.bib'}", "--metadata=lang:nb-NO", "-o", str(work / "floor.typ"),
    ]  # fmt: skip
    typst = [
        sys.executable, "-c",
        "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], root=sys.argv[3], font_paths=[], "
        "ignore_system_fonts=True, pdf_standards=['a-2b', 'ua-1'])",
        str(typst_dir / "main.typ"), str(work / "floor.pdf"), str(typst_dir),
    ]  # fmt: skip
    mkdocs = [str(BIN / "mkdocs"), "build", "-q", "-f", str(root / "build" / "mkdocs.yml"), "-d", str(work / "site")]
    out = {}
    for name, argv in (("pandoc", pandoc), ("typst", typst), ("mkdocs", mkdocs)):
        print(f"floor: {name}", file=sys.stderr)
        out[f"floor-{name}"] = measure(argv, root, env, runs)
    return out


def copy_study(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in STUDY_PARTS:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        elif src.is_file():
            shutil.copy2(src, dest / part)
    return dest


def versions() -> str:
    from importlib.metadata import version

    from thesiskit.pandoc import pandoc_version

    pandoc = ".".join(map(str, pandoc_version()))
    return (
        f"Python {platform.python_version()}, Pandoc {pandoc}, typst-py {version('typst')}, "
        f"MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")))
    parser.add_argument("--scales", default="1,3,10", help="comma-separated: 1 (the real study), 3, 10 (synthetic)")
    parser.add_argument(
        "--large-runs", type=int, default=3, help="runs at 10× and above (default 3: each build there takes minutes)"
    )
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    if args.runs < 5:
        print("bench: fewer than 5 runs; the figures are not the benchmark's", file=sys.stderr)
    runs_at = {s: (min(args.runs, args.large_runs) if s >= 10 else args.runs) for s in range(1, 1000)}
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    work = args.keep or Path(tempfile.mkdtemp(prefix="thesis-bench-"))
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONDONTWRITEBYTECODE", "SOURCE_DATE_EPOCH"}}
    thesis = str(BIN / "thesis")
    load_before = os.getloadavg()
    t_start = time.perf_counter()
    results: dict[int, dict[str, Sample]] = {}
    sizes: dict[int, dict[str, int]] = {}
    try:
        for scale in scales:
            root = work / f"{scale}x" / "study"
            if root.exists():
                shutil.rmtree(root.parent)
            if scale == 1:
                copy_study(root)
            else:
                make_synthetic(REPO, root, scale)
            sizes[scale] = counts(root)
            r: dict[str, Sample] = {}
            results[scale] = r  # what is measured so far is printed even if a later step fails
            n = runs_at[scale]
            print(f"{scale}×: clean thesis build", file=sys.stderr)
            r["clean"] = measure([thesis, "build", "--project", str(root)], root, env, n, clean(root))
            r.update(floor(root, env, n, work / f"{scale}x"))
            print(f"{scale}×: thesis lint", file=sys.stderr)
            r["lint"] = measure([thesis, "lint", "--project", str(root)], root, env, n)
            print(f"{scale}×: rebuild after an edit (paragraph)", file=sys.stderr)
            r["paragraph"] = measure(
                [thesis, "build", "--project", str(root)], root, env, n, edit_paragraph(root, PARAGRAPH_CHAPTER)
            )
            if scale == 1:
                for name, (_, make_edit) in EDIT_KINDS.items():
                    if name == "paragraph":
                        continue  # measured above, at every scale
                    print(f"{scale}×: rebuild after an edit ({name})", file=sys.stderr)
                    r[name] = measure([thesis, "build", "--project", str(root)], root, env, args.runs, make_edit(root))
                print(f"{scale}×: rebuild after an edit (paragraph, --no-pdf)", file=sys.stderr)
                argv = [thesis, "build", "--no-pdf", "--project", str(root)]
                r["paragraph-site"] = measure(argv, root, env, args.runs, edit_paragraph(root, PARAGRAPH_CHAPTER))
                r.update(serve_edits(root, env, args.runs))
                big = make_bib_study(root, work / "bib6000" / "study", BIG_BIB)
                print(f"{scale}×: thesis lint, {BIG_BIB:,} more entries in references.bib", file=sys.stderr)
                r["lint-bib"] = measure([thesis, "lint", "--project", str(big)], big, env, args.runs)
                print(f"{scale}×: the same, references.bib not yet parsed (cache emptied)", file=sys.stderr)
                r["lint-bib-cold"] = measure([thesis, "lint", "--project", str(big)], big, env, args.runs, clean(big))
    except SystemExit as exc:  # a step failed: say so, and print what was measured before it
        failed = str(exc.code)
        print(failed, file=sys.stderr)
    else:
        failed = ""
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    runs = {scale: runs_at[scale] for scale in results}
    print_table(results, sizes, runs, load_before, os.getloadavg(), time.perf_counter() - t_start)
    if failed:
        print(f"\nINCOMPLETE: {failed.splitlines()[0]}")
    return 1 if failed else 0


Target = tuple[str, dict[int, float]]
"""A target as printed (``≤ 1.5 s``) and the limit it sets at each scale it applies to."""


def print_table(
    results: dict[int, dict[str, Sample]],
    sizes: dict[int, dict[str, int]],
    runs: dict[int, int],
    load_before: tuple[float, float, float],
    load_after: tuple[float, float, float],
    total: float,
) -> None:
    """The table: one row a figure, one column a scale, the issue's target and whether it is met."""
    scales = sorted(results)
    cols = [f"{s}×" for s in scales]
    rows: list[tuple[str, list[str], str, str]] = []

    def verdict(values: dict[int, float], target: Target | None) -> tuple[str, str]:
        if target is None:
            return "", ""
        text, limits = target
        judged = [(s, values[s] <= limit) for s, limit in limits.items() if s in values and values[s] == values[s]]
        if not judged:
            return text, "–"
        failed = [f"{s}×" for s, ok in judged if not ok]
        return text, ("not met (" + ", ".join(failed) + ")" if failed else "met")

    def row(label: str, key: str, target: Target | None = None) -> None:
        cells = [results[s][key].cell() if key in results[s] else "–" for s in scales]
        values = {s: results[s][key].median for s in scales if key in results[s]}
        rows.append((label, cells, *verdict(values, target)))

    def computed(label: str, values: dict[int, float], fmt: str, target: Target | None = None) -> None:
        rows.append((label, [format(values[s], fmt) if s in values else "" for s in scales], *verdict(values, target)))

    every = dict.fromkeys(scales, 1.0)
    floors = ("floor-pandoc", "floor-typst", "floor-mkdocs")
    floor_total = {s: sum(results[s][k].median for k in floors) for s in scales if all(k in results[s] for k in floors)}
    row("clean `thesis build` (site + PDF)", "clean")
    row("  floor: pandoc md → typst, citeproc", "floor-pandoc")
    row("  floor: typst compile", "floor-typst")
    row("  floor: mkdocs build of the Markdown tree", "floor-mkdocs")
    computed("  floor: sum of the three medians", floor_total, ".2f")
    ratio = {s: results[s]["clean"].median / floor_total[s] for s in floor_total}
    computed("  clean build / floor", ratio, ".2f", ("≤ 1.30", {s: 1.3 for s in every}))
    for kind, (what, _) in EDIT_KINDS.items():
        target = ("≤ 1.5 s (1×)", {1: 1.5}) if kind == "paragraph" else None
        row(f"`thesis build` after editing {what}", kind, target)
    row("`thesis build --no-pdf` after editing one paragraph", "paragraph-site")
    for kind in SERVE_KINDS:
        what = EDIT_KINDS[kind][0]
        page, pdf = (0.3, 1.0) if kind == "paragraph" else (0.5, 1.5)
        row(f"`thesis serve`: {what} saved → page served", f"serve-page-{kind}", (f"≤ {page} s", {1: page}))
        row(f"`thesis serve`: {what} saved → PDF served", f"serve-pdf-{kind}", (f"≤ {pdf} s", {1: pdf}))
    row("`thesis lint`", "lint", ("≤ 0.4 s (1×)", {1: 0.4}))
    row(f"`thesis lint`, references.bib + {BIG_BIB:,} entries", "lint-bib", ("≤ 1.5 s", {1: 1.5}))
    row("  the same, bibliography parsed afresh (no cache)", "lint-bib-cold")
    peaks = {s: max(results[s]["clean"].peak_bytes) / 2**20 for s in scales if "clean" in results[s]}
    computed(
        "peak memory, clean build (MB, process tree)", peaks, ".0f", ("≤ 500 MB (1×), ≤ 1 GB (3×)", {1: 500, 3: 1024})
    )
    serve_peak = {s: max(results[s]["serve-peak"].peak_bytes) / 2**20 for s in scales if "serve-peak" in results[s]}
    computed("peak memory, `thesis serve` session (MB, process tree)", serve_peak, ".0f")
    for key, label, target in (
        ("clean", "clean build / 1× clean build", True),
        ("paragraph", "paragraph edit → build / the same at 1×", False),
    ):
        if key in results.get(1, {}):
            big = {s: results[s][key].median / results[1][key].median for s in scales if s > 1 and key in results[s]}
            computed(label, big, ".1f", ("≤ the scale (10× ≤ 10)", {s: float(s) for s in big}) if target else None)
    width = max(len(r[0]) for r in rows)
    cw = [max(len(c), *(len(r[1][i]) for r in rows)) for i, c in enumerate(cols)]
    tw = max(len("target"), *(len(r[2]) for r in rows))
    print()
    print(f"thesiskit bench: {os.cpu_count()} cores, {versions()}")
    for s in scales:
        z = sizes.get(s) or {k: 0 for k in ("pages", "words", "quotes", "findings", "figures", "bib")}
        print(
            f"  {s}×: {z['pages']} pages, {z['words']:,} words, {z['quotes']} quotes, {z['findings']} findings, "
            f"{z['figures']} figures, {z['bib']} bibliography entries; {runs[s]} runs"
            + (" (fewer: each build takes minutes)" if runs[s] < max(runs.values()) else "")
        )
    print("  seconds of wall time per whole process: median [min–max] of the runs after one warm-up")
    print("  (thesis serve: from saving the file to the served page showing the edit, or to the new PDF served)")
    print(
        "  load average (1, 5, 15 min) before: {:.2f} {:.2f} {:.2f}; after: {:.2f} {:.2f} {:.2f}; ".format(
            *load_before, *load_after
        )
        + f"bench took {total / 60:.1f} min"
    )
    print()
    head = " | ".join(c.ljust(w) for c, w in zip(cols, cw, strict=True))
    print(f"| {'figure'.ljust(width)} | {head} | {'target'.ljust(tw)} | verdict |")
    print(f"|{'-' * (width + 2)}|" + "|".join("-" * (w + 2) for w in cw) + f"|{'-' * (tw + 2)}|---------|")
    for label, cells, target, met in rows:
        body = " | ".join(c.ljust(w) for c, w in zip(cells, cw, strict=True))
        print(f"| {label.ljust(width)} | {body} | {target.ljust(tw)} | {met} |")


if __name__ == "__main__":
    sys.exit(main())
