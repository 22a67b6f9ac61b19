-- Pandoc filter (kit-internal, run right after citeproc in the Typst run): references.bib is data.
--
-- BibTeX fields are LaTeX, and Pandoc's BibTeX reader turns `$…$` in a field into Math. In the
-- Typst output that would be Typst math, which a field's author never meant as code (and which,
-- without alt text, breaks the PDF/UA build). Math inside rendered citations (Cite) and in the
-- reference list (the Divs `ref-KEY`) becomes the same text the site shows for it: Pandoc's own
-- HTML rendering of the formula (italic letters, super- and subscripts, Unicode symbols), read
-- back as ordinary inlines that the Typst writer escapes. Math the author writes in a chapter is
-- left alone: chapters are the author's code.

local function as_text(math)
  local html = pandoc.write(pandoc.Pandoc({ pandoc.Plain({ math }) }), 'html')
  local blocks = pandoc.read(html, 'html').blocks
  if #blocks == 0 then
    return pandoc.Inlines({})
  end
  return pandoc.utils.blocks_to_inlines(blocks)
end

local data = { Math = as_text }

local function from_bib(el)
  return el:walk(data)
end

return {
  {
    Cite = from_bib,
    Div = function(div)
      if div.identifier == 'refs' or div.identifier:sub(1, 4) == 'ref-' then
        return from_bib(div)
      end
    end,
  },
}
