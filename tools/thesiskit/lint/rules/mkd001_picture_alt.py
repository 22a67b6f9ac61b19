"""A picture without a text alternative.

Why: a reader who cannot see the picture gets only its text alternative (WCAG 1.1.1, PDF/UA). The
caption says what the picture is called, the alternative says what it shows; the kit puts it in
the site's ``alt`` and the PDF's ``/Alt``.

Fires on: a picture alone in its paragraph (a numbered figure) without a non-empty
``fig-alt="…"`` attribute; an image inside a paragraph whose description (the text between the
brackets) is empty; an HTML ``<img>`` without ``alt``; a figure record of ``kind: image`` whose
``alt`` is empty.

Does not fire on: images in code, and graph or table records (their text alternative is the
drawing's description or the table itself).

Fix: give the figure its alternative: ``![Caption](bilder/modell.png){#fig-modell fig-alt="What it shows"}``;
give an inline image a description: ``![NAV-logoen](bilder/logo.png)``.

Example: ``![Modellen](bilder/modell.png)`` → ``![Modellen](bilder/modell.png){fig-alt="Fire bokser …"}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit
from ..mdtext import images, prose

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "MKD001"
SEVERITY = "error"
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report every picture without a text alternative."""
    for source in ctx.markdown:
        for m, alone, attrs in images(source):
            if alone and m.group("desc").strip():
                if not attrs.get("fig-alt", "").strip():
                    yield source.hit(
                        m.start(),
                        m.end(),
                        f'figure {m.group("src")!r} has no text alternative: add fig-alt="…" (what it shows)',
                    )
            elif not m.group("desc").strip():
                yield source.hit(
                    m.start(), m.end(), f"image {m.group('src')!r} has no text alternative: describe it in the brackets"
                )
        for m in _IMG_TAG.finditer(prose(source)):
            if not re.search(r"\balt\s*=\s*[\"'][^\"']*\S", m.group(0)):
                yield source.hit(m.start(), m.end(), '<img> without a text alternative: add alt="…"')
    if ctx.records is None:
        return
    by_path = {s.path: s for s in ctx.records_text}
    for fid, fig in ctx.records.figures.items():
        if fig.kind == "image" and not fig.alt.strip():
            path, line = ctx.records.where.get(fid, (f"report/figures/{fid}.yaml", 1))
            record = by_path.get(path)
            message = f"picture {fid!r} has an empty alt: say what the picture shows"
            if record is not None:
                yield record.line_hit(line, message)
