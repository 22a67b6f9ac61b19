-- Pandoc filter (kit-internal, run before citeproc): writes which keys each page cites.
--
-- Pages start at a raw Typst block holding the source mark (pdf/document.py SOURCE_MARK). The
-- file named by the metadata field `thesiskit-cites` gets one line per citation: the page's
-- number (0 for the first page) and the key, separated by a tab. The document is not changed.

local MARK = '// thesiskit-source: '

function Pandoc(doc)
  local path = pandoc.utils.stringify(doc.meta['thesiskit-cites'] or '')
  if path == '' then
    return nil
  end
  local lines, page = {}, -1
  for _, block in ipairs(doc.blocks) do
    if block.t == 'RawBlock' and block.format == 'typst' and block.text:find(MARK, 1, true) then
      page = page + 1
    end
    local n = math.max(page, 0)
    block:walk({
      Cite = function(cite)
        for _, c in ipairs(cite.citations) do
          table.insert(lines, n .. '\t' .. c.id)
        end
      end,
    })
  end
  local f = assert(io.open(path, 'w'))
  f:write(table.concat(lines, '\n'))
  f:close()
  return nil
end
