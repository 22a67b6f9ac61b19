"""A title in square brackets (APA's description of a work without a known title) is explained by a
note under the reference list, in the site and the edition PDF, never in the submission."""

from __future__ import annotations

from thesiskit.cite.bib import parse_bib
from thesiskit.render.env import make_env, render

BIB = """@misc{nav2018, author = {{NAV}}, title = {[Tittel ukjent]}, year = {2018}}
@book{aasen2012, author = {Aasen, Per}, title = {Ledelse i velferdsstaten}, year = {2012}}
"""
NOTE = "En tittel i hakeparentes er ikke verkets egen, men en beskrivelse"


def test_a_bracketed_title_is_a_description() -> None:
    entries = parse_bib(BIB, "references.bib").entries
    assert entries["nav2018"].described and not entries["aasen2012"].described


def test_the_note_stands_in_both_reference_lists_only_when_asked() -> None:
    env = make_env(None)
    site = render(env, "site/pages/references.md.j2", entries=[], any_reconstructed=False, any_described=True)
    assert NOTE in site
    without = render(env, "site/pages/references.md.j2", entries=[], any_reconstructed=False, any_described=False)
    assert NOTE not in without
    assert NOTE in render(env, "pdf/references.md.j2", reconstructed=[], described=True)
    assert NOTE not in render(env, "pdf/references.md.j2", reconstructed=[], described=False)  # the submission
