"""Meta-tests over the registry: every rule has a module named after its code, documentation, and a
test module with cases that must fail and cases that must pass."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import tests.lint.rules as rule_tests
from thesiskit.errors import InputError
from thesiskit.lint import explain, rules_markdown
from thesiskit.lint.registry import MODULE_NAME, registry

RULES = registry()
TEST_MODULES = {
    info.name: importlib.import_module(f"{rule_tests.__name__}.{info.name}")
    for info in pkgutil.iter_modules(rule_tests.__path__)
    if info.name.startswith("test_")
}
REQUIRED_CODES = {f"CIT{n:03d}" for n in range(1, 12)} | {f"ANO{n:03d}" for n in range(1, 10)} | {"LNT001"}


def test_the_spec_codes_are_all_registered() -> None:
    assert set(RULES) >= REQUIRED_CODES


@pytest.mark.parametrize("code", list(RULES))
def test_code_matches_module(code: str) -> None:
    rule = RULES[code]
    m = MODULE_NAME.match(rule.module)
    assert m and m.group("code").upper() == code


@pytest.mark.parametrize("code", list(RULES))
def test_rule_has_a_test_module_with_failing_and_passing_cases(code: str) -> None:
    name = f"test_{RULES[code].module}"
    assert name in TEST_MODULES, f"tests/lint/rules/{name}.py is missing"
    mod = TEST_MODULES[name]
    assert getattr(mod, "CODE", None) == code
    assert getattr(mod, "FAIL", None), f"{name} has no cases that must fail"
    assert getattr(mod, "PASS", None), f"{name} has no cases that must pass"


def test_every_test_module_belongs_to_a_rule() -> None:
    modules = {f"test_{r.module}" for r in RULES.values()}
    assert set(TEST_MODULES) <= modules


@pytest.mark.parametrize("code", list(RULES))
def test_documentation(code: str) -> None:
    doc = RULES[code].doc.strip()
    summary = doc.splitlines()[0]
    assert summary.endswith("."), "the first line is a one-sentence summary"
    assert len(summary) <= 120
    for part in ("Why", "Fires on", "Does not fire on", "Fix", "Example"):
        assert re.search(rf"^{part}\b", doc, re.M), f"{code}'s docstring lacks a '{part}' paragraph"


@pytest.mark.parametrize("code", list(RULES))
def test_explain_prints_the_docstring(code: str) -> None:
    text = explain(code.lower())
    assert text.startswith(f"{code} ({RULES[code].severity}): ")
    assert RULES[code].summary in text


def test_explain_unknown_code() -> None:
    with pytest.raises(InputError):
        explain("XYZ999")


def test_rules_page() -> None:
    page = rules_markdown()
    assert page.startswith("# ")
    for code, rule in RULES.items():
        assert f"## {code}: " in page and f"{{#{code.lower()}}}" in page
        assert rule.summary.rstrip(".") in page
