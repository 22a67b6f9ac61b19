"""Raw research data in the repository or the site: recordings, transcripts, key or mapping files.

Why: interview recordings, transcripts and the key that links code numbers to real people must stay
with the researcher (and be deleted as the data protection assessment says). In a public repository
or site they are a breach, whatever the text says.

Fires on every file in the project tree or tracked by git (not under .git/, .venv/, node_modules/ or
tool caches) that is:
- audio or video: .mp3 .wav .m4a .aac .flac .ogg .opus .wma .amr .aif(f) .caf .dss .ds2 .3ga .mp4 .m4v
  .mov .avi .mkv .wmv .webm .mpg .mpeg .flv .3gp .mts;
- subtitles or timed transcripts: .srt .vtt .sbv;
- a qualitative or statistical data project: NVivo (.nvp, .nvpx), ATLAS.ti (.atlproj, .hpr7),
  MAXQDA (.mx20–.mx24, .mex), REFI-QDA (.qdpx), SPSS (.sav, .zsav, .por);
- a document or table (.txt .doc .docx .rtf .odt .pdf .csv .tsv .xls .xlsx .ods .json .yaml .md .html)
  whose name says transcript, recording, key or list of people: `transkri*`, `transcri*`,
  `lydopptak`, `opptak`, `recording`, `koblingsnøkkel`, `kodenøkkel`, `kodeliste`, `navneliste`,
  `deltakerliste`, `informantliste`, `keyfile`, `mapping`, `pseudonym*`, `intervju-3`, `interview_03`,
  signed consent (`samtykke…signert`, `signed consent`).

Does not fire on: the interview guide and the blank consent form (`intervjuguide.md`, `samtykke.md`),
images and figures, the kit's own code.

Fix: remove the file from the tree, and from git (`git rm --cached FILE`, and from history with
`git filter-repo` if it was ever pushed); keep raw data where the data management plan says.

Example: `report/intervju-3.docx`, `data/opptak.m4a`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "ANO008"
SEVERITY = "error"

MEDIA = frozenset(
    [
        "mp3",
        "wav",
        "m4a",
        "aac",
        "flac",
        "ogg",
        "oga",
        "opus",
        "wma",
        "amr",
        "aif",
        "aiff",
        "caf",
        "dss",
        "ds2",
        "3ga",
        "mka",
        "weba",
        "mp4",
        "m4v",
        "mov",
        "avi",
        "mkv",
        "wmv",
        "webm",
        "mpg",
        "mpeg",
        "flv",
        "3gp",
        "mts",
        "m2ts",
    ]
)
TIMED = frozenset(["srt", "vtt", "sbv"])
DATA = frozenset(
    [
        "nvp",
        "nvpx",
        "atlproj",
        "hpr7",
        "mx18",
        "mx20",
        "mx22",
        "mx24",
        "mex",
        "mex22",
        "mex24",
        "qdpx",
        "sav",
        "zsav",
        "por",
    ]
)
DOCS = frozenset(
    [
        "txt",
        "doc",
        "docx",
        "rtf",
        "odt",
        "pdf",
        "csv",
        "tsv",
        "xls",
        "xlsx",
        "ods",
        "json",
        "yaml",
        "yml",
        "md",
        "html",
        "htm",
    ]
)
_NAME = re.compile(
    r"transkri|transcri|lydopptak|(?:^|[-_ .])opptak|recording|koblingsn[øo]kkel|kode-?n[øo]kkel|kodeliste|"
    r"navneliste|deltakerliste|deltagerliste|informantliste|key-?file|n[øo]kkelfil|mapping|pseudonym|"
    r"(?:intervju|interview)[-_ ]?\d|samtykke.*signert|signert.*samtykke|signed.*consent|consent.*signed",
    re.I,
)
_KIT = ("tools/", "tests/", "templates/")


def classify(path: str) -> str | None:
    """What kind of raw data a path looks like, or None."""
    name = path.rsplit("/", 1)[-1]
    ext = name.rsplit(".", 1)[-1].casefold() if "." in name else ""
    if ext in MEDIA:
        return "an audio or video recording"
    if ext in TIMED:
        return "a timed transcript"
    if ext in DATA:
        return "a research data project"
    if ext in DOCS and _NAME.search(name.rsplit(".", 1)[0]) and not path.startswith(_KIT):
        return "a transcript, key or list of participants (by its name)"
    return None


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report raw-data files."""
    for path in ctx.files:
        kind = classify(path)
        if kind:
            yield Hit(path, 1, 1, f"{kind}: raw research data must not be in the repository or the site")
