"""The escaping rule (render/escape.py): data shown as text in Python-Markdown, Pandoc and HTML."""

from __future__ import annotations

import html
import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from thesiskit.render.escape import attr, inert_html, md_line, md_text, one_line, safe_url

EXTENSIONS = ["attr_list", "md_in_html", "tables", "def_list", "footnotes", "toc", "abbr"]
MARKUP = [*list("\\`*_{}[]()<>#+-.!|:$~^@=&\"'%?/ \n\t"), "⟦cite-this⟧", "javascript:", "<img src=x>", "a", "1."]
text_with_markup = st.lists(st.sampled_from(MARKUP), max_size=40).map("".join)


def _visible(rendered: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", rendered)).split())


@settings(max_examples=300, deadline=None)
@given(text_with_markup)
def test_md_text_is_only_text_in_python_markdown(text: str) -> None:
    rendered = markdown.markdown(md_text(text), extensions=EXTENSIONS)
    tags = set(re.findall(r"<(/?\w+)", rendered))
    assert tags <= {"p", "/p"}, rendered
    assert _visible(rendered) == " ".join(text.split())


@settings(max_examples=200, deadline=None)
@given(text_with_markup)
def test_attr_and_line_are_one_line_without_markup(text: str) -> None:
    for escaped in (attr(text), md_line(text), one_line(text)):
        assert "\n" not in escaped
    assert not re.search(r"[<>\"\[\]`{}]", str(attr(text)))
    rendered = markdown.markdown(f"![{attr(text)}](x.png)", extensions=EXTENSIONS)
    assert rendered.count("<img") == 1 and "<a" not in rendered


def test_md_text_is_only_text_in_pandoc() -> None:
    from thesiskit.pandoc import run_pandoc

    samples = [
        '`#panic("RAW")`{=typst} $x^2$ @key [@key] [a](javascript:x) <b>x</b> \\LaTeX ^sup^ ~sub~ ⟦ref:x⟧',
        "line\n\n# heading\n\n- item\n\n| a | b |\n\n::: div\n:::\n\n(@) example\n\n: def",
    ]
    for sample in samples:
        out = run_pandoc(["--from=markdown", "--to=typst"], stdin=md_text(sample))
        assert "#panic" not in out.replace("\\#panic", "") and "$" not in out.replace("\\$", "")
        plain = run_pandoc(["--from=markdown-smart", "--to=plain", "--wrap=none"], stdin=md_text(sample))
        assert " ".join(plain.split()) == " ".join(sample.split())


def test_inert_html_keeps_formatting_drops_script_and_bad_links() -> None:
    out = inert_html(
        '<em>T</em> <a href="https://doi.org/10.1/x">d</a> <a href="javascript:alert(1)">j</a>'
        "<img src=x onerror=alert(2)><script>alert(3)</script> [m](javascript:alert(4)) *e* ⟦cite-this⟧"
    )
    assert out.startswith('<em>T</em> <a href="https://doi.org/10.1/x">d</a> j')
    assert "<img" not in out and "<script" not in out and "alert(3)" not in out
    assert "javascript" not in out.replace("javascript:alert(4)", "")
    assert "[" not in out and "*" not in out and "⟦" not in out
    assert markdown.markdown(out, extensions=EXTENSIONS).count("<a ") == 1


def test_safe_url_allows_only_web_mail_and_doi() -> None:
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url("mailto:a@b.no") == "mailto:a@b.no"
    assert safe_url("doi:10.1000/xyz") == "https://doi.org/10.1000/xyz"
    bad_urls = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x", "data:text/html,x", "vbscript:x"]
    bad_urls += ["//evil.example/x", "/etc/passwd", "http:/x", 'https://x.org/"onmouseover=x', "file:///etc/passwd"]
    for bad in bad_urls:
        assert safe_url(bad) == "", bad
