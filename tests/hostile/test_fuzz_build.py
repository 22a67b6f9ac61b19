"""The fuzzing of lint (tests/test_fuzz.py) extended to the whole build: a small study's records,
chapters, bibliography, study.yaml and mkdocs.yml mutated, then ``thesis build --no-pdf`` run in-process.

Every example must end in exit 0, 1 (gate findings) or 2 (input error) with the kit's own message:
no traceback, no "unexpected error" (the last-resort handler), and nothing written outside the study.
Examples are derandomised and bounded (a run takes well under a minute); a failure prints the
shrunk mutations to paste into a test.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thesiskit.cli import main

from ..conftest import SAMPLES

FILES = [
    "report/study.yaml",
    "report/quotes/funn.yaml",
    "report/findings/stolte.yaml",
    "report/figures/modell.yaml",
    "report/informants.yaml",
    "report/themes.yaml",
    "references.bib",
    "docs/01-innledning.md",
    "docs/02-funn.md",
    "mkdocs.yml",
]
PIECES = [
    "\n", ": ", "- ", "  ", "{", "}", "[", "]", ",", "'", '"', "&a ", "*a", "!!python/name:os.system ",
    "!ENV ", "~", ".inf", "-1", "0", "1e9", "1905-05-15", "2207-01-01", "\x00", "\x1b", "\ufeff", "\t",
    "{{", "}}", "{%", "%}", "{#", "#}", "{{ 1/0 }}", "{{ figure('x') }}", "[@", "@hansen2010", "@", "$x^2$",
    "#panic(\"x\")", "`", "```", "<script>alert(1)</script>", "javascript:alert(1)", "../", "../../outside.md",
    "/etc/hostname", "\\", "%", "@book{", "author = ", "⟦cite-this⟧", "# ", "{#id}", "|", "---\n", "é", "ø",
]  # fmt: skip
hostile_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=4).map("".join)
value = st.one_of(
    hostile_text,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.none(),
    st.booleans(),
    st.lists(hostile_text | st.integers(), max_size=3),
    st.dictionaries(hostile_text, hostile_text, max_size=2),
)
# ("text", file, where, how much to cut, text to insert): the file's syntax broken or bent
text_edit = st.tuples(st.just("text"), st.sampled_from(FILES), st.floats(0, 1), st.integers(0, 40), hostile_text)
# ("value", file, which value, new value): a YAML value, a BibTeX field or a chapter line replaced, syntax kept
value_edit = st.tuples(st.just("value"), st.sampled_from(FILES), st.integers(0, 10**6), value)
mutation = text_edit | value_edit | value_edit


BUILD_FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=30,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini sample built once (site only): each example starts from a copy with its cache."""
    root = tmp_path_factory.mktemp("fuzz") / "mini"
    shutil.copytree(SAMPLES / "mini", root, ignore=shutil.ignore_patterns("site", "build", "expected"))
    assert main(["build", "--project", str(root), "--no-pdf"]) == 0
    return root


def _state(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(folder.rglob("*"))
    }


def _apply(root: Path, edit: tuple[Any, ...]) -> None:
    kind, rel, *args = edit
    path = root / rel
    data = path.read_bytes().decode("utf-8")
    if kind == "text":
        at, cut, text = args
        i = int(at * len(data))
        data = data[:i] + text + data[i + cut :]
    elif rel.endswith(".yaml") or rel.endswith(".yml"):
        data = _replace_yaml_value(data, *args)
    elif rel.endswith(".bib"):
        fields = list(re.finditer(r"= \{([^{}]*)\}", data))
        m = fields[args[0] % len(fields)]
        data = data[: m.start(1)] + str(args[1]).replace("}", ")").replace("{", "(") + data[m.end(1) :]
    else:
        lines = data.split("\n")
        lines[args[0] % len(lines)] = str(args[1])
        data = "\n".join(lines)
    path.write_bytes(data.encode("utf-8", "surrogatepass"))


def _replace_yaml_value(text: str, which: int, new: Any) -> str:
    """The YAML with one of its values (a leaf, or a whole list or mapping) replaced by ``new``."""
    data = yaml.load(text, Loader=_AnyTag)
    spots: list[tuple[Any, Any]] = []

    def walk(node: Any) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
        for key, child in items:
            spots.append((node, key))
            walk(child)

    walk(data)
    if not spots:
        return yaml.safe_dump(new, allow_unicode=True)
    parent, key = spots[which % len(spots)]
    parent[key] = new
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


class _AnyTag(yaml.SafeLoader):
    """mkdocs.yml's ``!!python/name:`` and ``!ENV`` tags read as plain values."""


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None


_AnyTag.add_multi_constructor("", _tagged)


@BUILD_FUZZ
@given(st.lists(mutation, min_size=1, max_size=3))
def test_a_mutated_study_builds_or_says_why(
    built: Path, capsys: pytest.CaptureFixture[str], mutations: list[tuple[Any, ...]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        around = base / "around"  # next to the study: a build must neither write nor change anything here
        around.mkdir()
        (around / "outside.md").write_text("# {{ 7*7 }}\n", encoding="utf-8")
        (base / "outside.md").write_text("# {{ 7*7 }}\n", encoding="utf-8")
        root = base / "study" / "mini"
        shutil.copytree(built, root)
        for edit in mutations:
            _apply(root, edit)
        before = _state(around), (base / "outside.md").read_bytes(), sorted(p.name for p in base.iterdir())
        logs = set(Path(tempfile.gettempdir()).glob("thesiskit-error-*.log"))
        capsys.readouterr()
        code = main(["build", "--project", str(root), "--no-pdf"])
        err = capsys.readouterr().err
        assert code in (0, 1, 2), (code, err)
        assert "Traceback" not in err, err
        assert "unexpected error" not in err and "please report this" not in err, err
        assert (_state(around), (base / "outside.md").read_bytes(), sorted(p.name for p in base.iterdir())) == before
        assert set(Path(tempfile.gettempdir()).glob("thesiskit-error-*.log")) == logs
        assert not list((root / "build").glob(".staging-*"))
        if code == 0:
            assert (root / "site" / "index.html").is_file()
