"""The lock files pin every dependency of pyproject.toml (regenerate them with `make lock`)."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement

from .conftest import REPO

LOCKS = REPO / "requirements"


def _pinned(name: str) -> dict[str, list[str]]:
    text = (LOCKS / name).read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for m in re.finditer(r"^([A-Za-z0-9._-]+)==(\S+)", text, re.M):
        out.setdefault(re.sub(r"[-_.]+", "-", m.group(1)).lower(), []).append(m.group(2))
    return out


def _deps(group: str | None) -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    raw = project["dependencies"] if group is None else project["optional-dependencies"][group]
    return [Requirement(r) for r in raw]


def test_every_dependency_is_pinned_within_its_bounds_with_hashes() -> None:
    for lock, groups in (("runtime.txt", [None]), ("test.txt", [None, "test"])):
        pinned = _pinned(lock)
        for group in groups:
            for req in _deps(group):
                name = re.sub(r"[-_.]+", "-", req.name).lower()
                assert name in pinned, f"{req.name} is not in requirements/{lock}: run `make lock`"
                assert any(req.specifier.contains(v, prereleases=True) for v in pinned[name]), (
                    f"requirements/{lock} pins {req.name} {pinned[name]} outside {req.specifier}: run `make lock`"
                )
        text = (LOCKS / lock).read_text(encoding="utf-8")
        assert text.count("==") <= text.count("--hash=sha256:"), "every pin carries its hashes"


def test_the_runtime_lock_has_no_test_tools() -> None:
    pinned = _pinned("runtime.txt")
    for req in _deps("test"):
        name = re.sub(r"[-_.]+", "-", req.name).lower()
        assert name not in pinned or name in {re.sub(r"[-_.]+", "-", r.name).lower() for r in _deps(None)}, name
