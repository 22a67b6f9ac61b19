"""Zotero saves the thesis, with its type, from the home page and from a finding page (#15).

tests/edition/zotero/ holds what Zotero's own translation-server (@ d88a8d53, built from its git
submodules, Node 20) answered on ``POST /web`` for this edition's built home page and the finding
page ``funn/a-ga-de-ansatte-i-mote/``, served on localhost, byte for byte as it came. The server is
not on npm, so no test can run it; these tests hold the recorded answers to what a thesis needs and
check that the transcription of its translators (tests/citing_clients.py) gives the same item for
the pages built now. A change to the head metadata that would change what Zotero saves fails here.

To record again: build the study, serve site/ on localhost, run translation-server
(https://github.com/zotero/translation-server, README "Running via Node.js"), then
``curl -d http://127.0.0.1:PORT/ -H 'Content-Type: text/plain' http://127.0.0.1:1969/web``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ..citing_clients import translation_server
from .conftest import TITLE

RECORDED = Path(__file__).parent / "zotero"
PAGES = {"web-home.json": "index.html", "web-finding.json": "funn/a-ga-de-ansatte-i-mote/index.html"}
VOLATILE = {"key", "version", "accessDate", "libraryCatalog", "tags"}  # the server's own, not the page's


def _recorded(name: str) -> dict[str, Any]:
    items = json.loads((RECORDED / name).read_text("utf-8"))
    assert len(items) == 1, name  # one item, not a choice of several
    return items[0]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_translation_server_saved_the_thesis_with_its_type(name: str) -> None:
    item = _recorded(name)
    assert item["itemType"] == "thesis"  # not an authorless webpage
    assert item["thesisType"] == "Masteroppgave"
    assert item["creators"] == [{"firstName": "Sølvi", "lastName": "Vatnøy", "creatorType": "author"}]
    assert (item["title"], item["university"]) == (TITLE, "Høgskulen på Vestlandet")
    assert item["url"] == "https://example.org/likeverdig-samarbeid/"  # the thesis, not the finding
    assert item["date"].replace("/", "-") == "2019-06-14"  # the submission, not the edition


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_transcribed_translators_give_what_the_server_gave(real_build: Path, name: str) -> None:
    html = (real_build / "site" / PAGES[name]).read_text("utf-8")
    expected = {k: v for k, v in _recorded(name).items() if k not in VOLATILE}
    assert translation_server(html) == expected
