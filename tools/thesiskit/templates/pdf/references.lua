-- Pandoc filter for the Typst PDF, run after citeproc: marks the entries of the reference list
-- that the edition reconstructed, as the site does.
--
-- The reference-list page (templates/pdf/references.md.j2) says which entries and with what mark
-- in its metadata: `reconstructed` (citation keys) and `reconstructed-mark` (the text appended to
-- each such entry, e.g. "[rekonstruert]"). Citeproc writes each entry as a Div `ref-KEY`.

local stringify = pandoc.utils.stringify

-- The mark as Typst content, kept on one line (a box is not hyphenated or broken).
local function mark_inline(mark)
  local escaped = mark:gsub('([\\%[%]#%*_%$@<>~`"=/+-])', '\\%1')
  return pandoc.RawInline('typst', '#box[#emph[' .. escaped .. ']]')
end

function Pandoc(doc)
  local keys = {}
  for _, key in ipairs(doc.meta['reconstructed'] or {}) do
    keys['ref-' .. stringify(key)] = true
  end
  local mark = stringify(doc.meta['reconstructed-mark'] or '')
  if mark == '' or next(keys) == nil then
    return nil
  end
  doc.blocks = doc.blocks:walk({
    Div = function(div)
      if not keys[div.identifier] then
        return nil
      end
      local last = div.content[#div.content]
      if last and (last.t == 'Para' or last.t == 'Plain') then
        last.content:insert(pandoc.Space())
        last.content:insert(mark_inline(mark))
      end
      return div
    end,
  })
  return doc
end
