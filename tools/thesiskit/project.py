"""Where a study's sources and outputs live."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError


@dataclass(frozen=True)
class Project:
    """Paths of one study, all derived from its root folder."""

    root: Path
    texts: dict[Path, str] = field(default_factory=dict, compare=False, repr=False)
    """Source files read so far in this run (by :func:`read_text`): each is read once per run."""

    @property
    def mkdocs_yml(self) -> Path:
        """The site configuration (also names the study's chapters in ``nav``)."""
        return self.root / "mkdocs.yml"

    @property
    def docs(self) -> Path:
        """Markdown chapters with Jinja calls."""
        return self.root / "docs"

    @property
    def report(self) -> Path:
        """YAML records."""
        return self.root / "report"

    @property
    def templates(self) -> Path:
        """The study's own templates, which override the kit's."""
        return self.root / "templates"

    @property
    def bib(self) -> Path:
        """The bibliography."""
        return self.root / "references.bib"

    @property
    def site(self) -> Path:
        """The built website."""
        return self.root / "site"

    @property
    def build(self) -> Path:
        """Built PDFs and intermediate files."""
        return self.root / "build"

    @property
    def cache(self) -> Path:
        """Content-addressed cache of engine results."""
        return self.root / "build" / ".cache"

    def rel(self, path: Path) -> str:
        """Path relative to the project root, for messages."""
        if path.is_absolute() and ".." not in path.parts:  # the usual case: a path under the root, no I/O
            try:
                return path.relative_to(self.root).as_posix()
            except ValueError:
                pass
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)


def open_project(root: Path | str = ".") -> Project:
    """Return the project at ``root`` or raise if it is not a study."""
    root = Path(root).resolve()
    if not (root / "mkdocs.yml").is_file():
        raise InputError.at(root, None, "not a study: mkdocs.yml is missing (create one with `thesis new DIR`)")
    if not (root / "docs").is_dir():
        raise InputError.at(root / "docs", None, "not a study: the docs/ folder is missing")
    return Project(root)


def inside(project: Project, path: Path, what: str = "file") -> Path:
    """``path`` resolved (symlinks followed), or an InputError if that leaves the study's folder."""
    resolved = path.resolve()
    if not resolved.is_relative_to(project.root.resolve()):
        link = " (a symbolic link)" if path.is_symlink() or path.resolve() != path.absolute() else ""
        raise InputError.at(
            project.rel(path), None, f"this {what}{link} leads outside the study's folder; the kit reads only the study"
        )
    return resolved


def within(project: Project, base: Path, name: str) -> Path | None:
    """``base / name`` resolved (symbolic links followed) if it stays inside the study's folder, else None.

    For paths a study's settings and records name: an absolute path, enough ``..`` or a link out of
    the study is None, and the caller reports the setting as an input error.
    """
    try:
        path = (base / name).resolve()
    except (OSError, ValueError):  # a name with a NUL byte, a loop of links
        return None
    return path if path.is_relative_to(project.root.resolve()) else None


def read_text(project: Project, path: Path) -> str:
    """Read a UTF-8 source file once per run (kept in ``project.texts``), or raise an InputError naming it.

    The file must be inside the study's folder (also after following symbolic links). A byte order
    mark at its start, as Windows editors write it, is dropped.
    """
    known = project.texts.get(path)
    if known is not None:
        return known
    inside(project, path)
    try:
        text = project.texts[path] = path.read_text(encoding="utf-8").removeprefix("\ufeff")
        return text
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise InputError.at(
            project.rel(path), line, f"not valid UTF-8 (byte {exc.start}); save the file as UTF-8"
        ) from None
    except OSError as exc:
        raise InputError.at(project.rel(path), None, f"cannot read: {exc.strerror}") from None
