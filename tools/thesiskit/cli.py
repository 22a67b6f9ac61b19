"""The ``thesis`` command: a thin front end over the library. ``main(argv) -> int`` never exits."""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path

import click

from .errors import ThesisError
from .log import console, report_crash, report_error


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="thesiskit")
def cli() -> None:
    """Publish a thesis as a citable website and PDF, with a citation and anonymity gate."""


_project = click.option(
    "--project",
    "project_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder of the study (holds mkdocs.yml, docs/, report/, references.bib).",
)


_site_engine = click.option(
    "--site-engine",
    type=click.Choice(["mkdocs", "zensical"]),
    default=None,
    help="Engine that builds the website: MkDocs + Material or Zensical [default: site.engine in"
    " report/study.yaml, else mkdocs].",
)


@cli.command()
@_project
@click.option("--submission", is_flag=True, help="Also build the anonymous exam submission PDF.")
@click.option("--no-pdf", is_flag=True, help="Build only the website.")
@click.option("--engine", type=click.Choice(["typst", "latex"]), default="typst", show_default=True, help="PDF engine.")
@click.option("--docx", is_flag=True, help="Also write build/thesis.docx, a Word copy for the supervisor.")
@click.option("--strict", is_flag=True, help="Warnings of the gate stop the build too.")
@click.option(
    "--safe", is_flag=True, help="For content from others (e.g. a pull request in CI): Jinja sandbox, no hooks."
)
@_site_engine
def build(
    project_dir: Path,
    submission: bool,
    no_pdf: bool,
    engine: str,
    docx: bool,
    strict: bool,
    safe: bool,
    site_engine: str | None,
) -> None:
    """Build the website (site/) and the PDF (build/thesis.pdf), after the lint gate."""
    from .options import BuildOptions
    from .project import open_project
    from .stamp import commit_date, show_up_to_date, stamp_key

    options = BuildOptions(
        pdf=not no_pdf, submission=submission, engine=engine, docx=docx, strict=strict, site_engine=site_engine
    )
    before = os.environ.get("THESISKIT_SAFE")
    if safe:
        os.environ["THESISKIT_SAFE"] = "1"  # read by render/env.py and sources.py
    try:
        project = open_project(project_dir)  # nothing changed: said before the pipeline is imported
        if not show_up_to_date(project, stamp_key(project, options, commit_date(project))):
            from .build import build_study

            build_study(project, options)
    finally:
        if before is None:
            os.environ.pop("THESISKIT_SAFE", None)
        else:
            os.environ["THESISKIT_SAFE"] = before


@cli.command()
@_project
@click.option("--submission", is_flag=True, help="Build the anonymous exam submission PDF instead.")
@click.option("--engine", type=click.Choice(["typst", "latex"]), default="typst", show_default=True, help="PDF engine.")
def pdf(project_dir: Path, submission: bool, engine: str) -> None:
    """Build only the PDF."""
    from .build import BuildOptions, build_study

    build_study(project_dir, BuildOptions(site=False, pdf=not submission, submission=submission, engine=engine))


@cli.command()
@_project
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]), default="text")
@click.option("--select", default="", help="Only these codes or prefixes (comma-separated).")
@click.option("--ignore", default="", help="Skip these codes or prefixes (comma-separated).")
@click.option("--built", is_flag=True, help="Also check the built site and PDFs.")
@click.option("--strict", is_flag=True, help="Count warnings as errors.")
@click.option("--explain", "explain_code", metavar="CODE", help="Print a rule's documentation.")
@click.option("--fix", is_flag=True, help="Apply the safe rewrites to the chapters and print the diff.")
@click.option("--dry-run", is_flag=True, help="With --fix: print the diff, change nothing.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def lint(
    project_dir: Path,
    fmt: str,
    select: str,
    ignore: str,
    built: bool,
    strict: bool,
    explain_code: str | None,
    fix: bool,
    dry_run: bool,
    paths: tuple[Path, ...],
) -> None:
    """Check citations against references.bib and look for anonymity leaks."""
    from . import lint as gate

    if explain_code:
        click.echo(gate.explain(explain_code))
        return
    if dry_run and not fix:
        raise click.UsageError("--dry-run goes with --fix")
    if fix:
        from .lint.fix import fix_study

        plan, patch = fix_study(project_dir, dry_run=dry_run)
        click.echo(patch, nl=False, err=fmt != "text")
        verb = "would fix" if dry_run else "fixed"
        click.echo(f"{verb} {plan.count()}, left for the writer {len(plan.left)}", err=True)
        if dry_run:
            return
    options = gate.LintOptions(
        select=_codes(select), ignore=_codes(ignore), built=built, strict=strict, paths=tuple(paths)
    )
    findings = gate.lint_project(project_dir, options)
    click.echo(gate.format_findings(findings, fmt, gate.repo_prefix(project_dir)), nl=False)
    code = gate.exit_code(findings, strict=strict)
    if code:
        raise SystemExit(code)


def _codes(value: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


@cli.command()
@_project
@click.option("--port", default=8000, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (default: this machine).")
@_site_engine
def serve(project_dir: Path, port: int, host: str, site_engine: str | None) -> None:
    """Live preview of the site and the PDF: rebuilt on edits to chapters, records, templates, references.bib."""
    from .serve import serve as run

    run(project_dir, port, site_engine, host)


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--edition", is_flag=True, help="Also the apparatus of a scholarly edition (changes page, CIT011).")
@click.option(
    "--language",
    default="nb",
    show_default=True,
    type=click.Choice(["nb", "nn", "en"]),
    help="Language of the thesis: Bokmål, nynorsk or English (the starter text and every label).",
)
def new(directory: Path, edition: bool, language: str) -> None:
    """Create a new study in DIRECTORY that builds and lints clean at once."""
    from .lang import locale_for
    from .scaffold import new_study

    new_study(directory, edition=edition, language=language)
    console.print(locale_for(language).text("new_done", directory=directory))


@cli.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--bib", type=click.Path(dir_okay=False, path_type=Path), help="references.bib to cite from.")
@click.option("--into", type=click.Path(file_okay=False, path_type=Path), help="New study folder [./FILE-name].")
@click.option("--quote-pattern", default=None, help="Regex for an informant attribution ending a block quote.")
def import_(file: Path, bib: Path | None, into: Path | None, quote_pattern: str | None) -> None:
    """Make a study from a Word thesis (.docx), with import-rapport.md listing every change."""
    from .lang import locale_for
    from .word.study import REPORT, import_docx
    from .word.transform import DEFAULT_QUOTE, slug

    target = into or Path(slug(file.stem))
    done = import_docx(file, target, bib, quote_pattern or DEFAULT_QUOTE)
    counts = {"done": len(done.notes) - len(done.todo), "todo": len(done.todo)}
    report = target / REPORT
    console.print(locale_for(done.language).text("import_done_cli", target=target, report=report, **counts))


class Terminated(BaseException):
    """SIGTERM arrived: unwind (staging folders are removed on the way) and stop."""


def _on_sigterm(signum: int, frame: object) -> None:
    from .children import stop_children

    stop_children()
    raise Terminated


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 gate findings, 2 usage or input error)."""
    if threading.current_thread() is not threading.main_thread():
        return _run(argv)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)  # SIGTERM unwinds: staging removed, Pandoc killed
    try:
        return _run(argv)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(argv: list[str] | None) -> int:
    try:
        cli.main(args=argv, prog_name="thesis", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code or 0)
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.exceptions.Abort:
        return 2
    except ThesisError as exc:
        report_error(exc)
        return exc.exit_code
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else 2
    except KeyboardInterrupt:
        from .children import stop_children

        stop_children()
        return 130
    except Terminated:
        console.print("Stopped (SIGTERM); nothing was published.")
        return 143
    except Exception as exc:  # the one place that turns any other error into one line, exit 2
        report_crash(exc)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
