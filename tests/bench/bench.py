"""``make bench``: whole-process timings of the kit against the engines it drives.

Every figure is the wall time of a whole process (``thesis build``, ``thesis lint``, ``pandoc``,
``mkdocs build`` …), the median of ``--runs`` runs (at least 5) with min and max, on copies of
the real study (1×) and of a synthetic study ten times its size (10×, see synth.py). The engine
floor is what the engines alone cost on the same input, run one after the other:

- Pandoc: the concatenated chapters the kit hands Pandoc (``build/.typst/thesis/thesis.md``),
  markdown → typst with citeproc, APA and the study's bibliography;
- Typst: a compile of the same Typst document the kit compiles (``main.typ`` with the template);
- MkDocs: a plain ``mkdocs build`` of the generated Markdown tree (``build/mkdocs.yml``).

Each command runs once untimed first (bytecode and disk caches warm, as on a working machine).
Peak memory is sampled from /proc over the whole process tree (the kit and its Pandoc runs).

Usage: ``python tests/bench/bench.py [--runs 5] [--scales 1,3,10] [--keep DIR]``
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


def serve_latency(root: Path, env: dict[str, str], runs: int) -> Sample:
    """``thesis serve``: seconds from saving a paragraph edit to the served page showing it."""
    import socket
    import urllib.request
    from urllib.parse import urlsplit

    import yaml

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    site_path = urlsplit(yaml.safe_load((root / "mkdocs.yml").read_text("utf-8")).get("site_url") or "/").path
    url = f"http://127.0.0.1:{port}{site_path}{PARAGRAPH_CHAPTER.removeprefix('docs/').removesuffix('.md')}/"
    argv = [str(BIN / "thesis"), "serve", "--project", str(root), "--port", str(port)]
    server = subprocess.Popen(argv, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            return ""

    out = Sample()
    edit = edit_paragraph(root, PARAGRAPH_CHAPTER)
    try:
        deadline = time.monotonic() + 180
        while not page() and time.monotonic() < deadline:
            time.sleep(0.2)
        base = int(time.time())  # a word no earlier edit left in the chapter
        for i in range(runs + 1):
            time.sleep(1.5)  # let the previous rebuild settle
            t0 = time.perf_counter()
            edit(base + i)
            while f"Endring {base + i}." not in page():
                if time.perf_counter() - t0 > 60:
                    raise SystemExit("bench: thesis serve did not show an edit within 60 s")
                time.sleep(0.02)
            if i:
                out.seconds.append(time.perf_counter() - t0)
            print(f"  {'warm-up' if i == 0 else f'run {i}'}: {time.perf_counter() - t0:.2f} s", file=sys.stderr)
    finally:
        server.terminate()  # thesis serve stops its MkDocs server on SIGTERM
        server.wait(timeout=30)
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
        out[name] = measure(argv, root, env, runs)
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
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    if args.runs < 5:
        print("bench: fewer than 5 runs; the figures are not the benchmark's", file=sys.stderr)
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
            print(f"{scale}×: clean thesis build", file=sys.stderr)
            r["clean"] = measure([thesis, "build", "--project", str(root)], root, env, args.runs, clean(root))
            r.update(floor(root, env, args.runs, work / f"{scale}x"))
            print(f"{scale}×: thesis lint", file=sys.stderr)
            r["lint"] = measure([thesis, "lint", "--project", str(root)], root, env, args.runs)
            if scale == 1:
                for name, (_, make_edit) in EDIT_KINDS.items():
                    print(f"{scale}×: rebuild after an edit ({name})", file=sys.stderr)
                    r[name] = measure([thesis, "build", "--project", str(root)], root, env, args.runs, make_edit(root))
                print(f"{scale}×: rebuild after an edit (paragraph, --no-pdf)", file=sys.stderr)
                argv = [thesis, "build", "--no-pdf", "--project", str(root)]
                r["paragraph-site"] = measure(argv, root, env, args.runs, edit_paragraph(root, PARAGRAPH_CHAPTER))
                print(f"{scale}×: thesis serve, edit → page served", file=sys.stderr)
                r["serve"] = serve_latency(root, env, args.runs)
                big = make_bib_study(root, work / "bib6000" / "study", BIG_BIB)
                print(f"{scale}×: thesis lint, {BIG_BIB:,} more entries in references.bib", file=sys.stderr)
                r["lint-bib"] = measure([thesis, "lint", "--project", str(big)], big, env, args.runs)
                print(f"{scale}×: the same, references.bib not yet parsed (cache emptied)", file=sys.stderr)
                r["lint-bib-cold"] = measure([thesis, "lint", "--project", str(big)], big, env, args.runs, clean(big))
            results[scale] = r
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print_table(results, sizes, args.runs, load_before, os.getloadavg(), time.perf_counter() - t_start)
    return 0


def print_table(
    results: dict[int, dict[str, Sample]],
    sizes: dict[int, dict[str, int]],
    runs: int,
    load_before: tuple[float, float, float],
    load_after: tuple[float, float, float],
    total: float,
) -> None:
    scales = sorted(results)
    cols = [f"{s}×" for s in scales]
    rows: list[tuple[str, list[str], str]] = []

    def row(label: str, key: str, target: str = "") -> None:
        rows.append((label, [results[s][key].cell() if key in results[s] else "–" for s in scales], target))

    floor_total = {s: sum(results[s][k].median for k in ("pandoc", "typst", "mkdocs")) for s in scales}
    row("clean `thesis build` (site + PDF)", "clean", "≤ 1.3 × floor")
    row("  floor: pandoc md → typst, citeproc", "pandoc")
    row("  floor: typst compile", "typst")
    row("  floor: mkdocs build of the Markdown tree", "mkdocs")
    rows.append(("  floor: sum of the three medians", [_num(floor_total[s]) for s in scales], ""))
    rows.append(("  build / floor", [f"{results[s]['clean'].median / floor_total[s]:.2f}" for s in scales], "≤ 1.30"))
    for kind, (what, _) in EDIT_KINDS.items():
        row(f"`thesis build` after editing {what}", kind, "≤ 1.5 s" if kind == "paragraph" else "")
    row("`thesis build --no-pdf` after editing one paragraph", "paragraph-site", "")
    row("`thesis serve`: paragraph saved → page served", "serve", "")
    row("`thesis lint`", "lint", "≤ 0.5 s (1×), ≤ 3 s (10×)")
    row(f"`thesis lint`, references.bib + {BIG_BIB:,} entries", "lint-bib", "≤ 1.5 s")
    row("  the same, bibliography parsed afresh (no cache)", "lint-bib-cold", "")
    peaks = [f"{max(results[s]['clean'].peak_bytes) / 2**20:.0f}" for s in scales]
    rows.append(("peak memory, clean build (MB, process tree)", peaks, "≤ 500 MB (1×), ≤ 1 GB (3×)"))
    if 1 in results and 10 in results:
        ratio = results[10]["clean"].median / results[1]["clean"].median
        cells = [f"{ratio:.1f}" if s == 10 else "" for s in scales]
        rows.append(("10× clean build / 1× clean build", cells, "≤ 10"))
    width = max(len(r[0]) for r in rows)
    cw = [max(len(c), *(len(r[1][i]) for r in rows if i < len(r[1]))) for i, c in enumerate(cols)]
    print()
    print(f"thesiskit bench: {os.cpu_count()} cores, {versions()}")
    for s in scales:
        z = sizes[s]
        print(
            f"  {s}×: {z['pages']} pages, {z['words']:,} words, {z['quotes']} quotes, {z['findings']} findings, "
            f"{z['figures']} figures, {z['bib']} bibliography entries"
        )
    print(f"  seconds of wall time per whole process: median [min–max] of {runs} runs after one warm-up")
    print(f"  load average before/after: {load_before[0]:.2f} / {load_after[0]:.2f}; bench took {total / 60:.1f} min")
    print()
    print(
        f"| {'figure'.ljust(width)} | " + " | ".join(c.ljust(w) for c, w in zip(cols, cw, strict=True)) + " | target |"
    )
    print(f"|{'-' * (width + 2)}|" + "|".join("-" * (w + 2) for w in cw) + "|--------|")
    for label, cells, target in rows:
        cells = cells + [""] * (len(cols) - len(cells))
        body = " | ".join(c.ljust(w) for c, w in zip(cells, cw, strict=True))
        print(f"| {label.ljust(width)} | {body} | {target} |")


if __name__ == "__main__":
    sys.exit(main())
