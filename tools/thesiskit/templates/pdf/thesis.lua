-- Pandoc filter for the Typst PDF (run before citeproc output is written).
--
-- Pandoc's Typst writer (3.9) drops an image's text alternative. PDF/UA needs one on every image,
-- so images are written as raw Typst with `alt:` taken from the `fig-alt` attribute, else from the
-- image description. Divs of class `figurnote` (legend lines under a figure) become `#figurnote[…]`,
-- of class `kreditering` (a picture's source or credit) `#kreditering[…]`.
-- Divs of class `tabellfigur` (a table record) become one Typst figure: the Div's first paragraph is
-- the caption, its raw Typst block the table; attributes kind, supplement and position.
-- The filter runs after citeproc, so citations in captions are already rendered.
-- Text that starts with "1. ", "- ", "+ ", "/ " or "= " is escaped: in a heading or a table cell,
-- Pandoc (3.9) leaves it as is, and Typst would read it as a list item or a heading.

local function typst_string(s)
  s = s:gsub('%s+', ' ')
  s = s:gsub('\\', '\\\\'):gsub('"', '\\"')
  return '"' .. s .. '"'
end

local function image_call(img)
  local alt = img.attributes['fig-alt'] or pandoc.utils.stringify(img.caption)
  local size = ''
  for _, key in ipairs({ 'width', 'height' }) do
    local v = img.attributes[key]
    if v and v:match('^%d+%.?%d*%%$') then
      size = size .. ', ' .. key .. ': ' .. v
    elseif v and v:match('^%d+%.?%d*[cm]m$') then
      size = size .. ', ' .. key .. ': ' .. v
    end
  end
  return 'image(' .. typst_string(img.src) .. ', alt: ' .. typst_string(alt) .. size .. ')'
end

local function table_figure(div)
  local caption, code = nil, nil
  for _, block in ipairs(div.content) do
    if block.t == 'RawBlock' and block.format == 'typst' and code == nil then
      code = block.text:gsub('^%s*#', '')
    elseif (block.t == 'Para' or block.t == 'Plain') and caption == nil then
      -- citations are already rendered (citeproc ran first): keep their text, not a #cite()
      local inlines = pandoc.Inlines(block.content):walk({ Cite = function(c) return c.content end })
      caption = pandoc.write(pandoc.Pandoc({ pandoc.Plain(inlines) }), 'typst'):gsub('%s+$', '')
    end
  end
  local a = div.attributes
  local out = '#figure(kind: ' .. (a.kind or 'table') .. ', supplement: [' .. (a.supplement or '') .. ']'
  out = out .. ', caption: figure.caption(position: ' .. (a.position or 'top') .. ')[' .. (caption or '') .. ']'
  out = out .. ', ' .. (code or 'table()') .. ')'
  if div.identifier ~= '' then out = out .. ' <' .. div.identifier .. '>' end
  return pandoc.RawBlock('typst', out)
end

local function is_marker(s)
  return s:match('^%d+%.$') or s == '-' or s == '+' or s == '/' or s == '='
end

local function escape_start(el)
  local first, second = el.content[1], el.content[2]
  if first and first.t == 'Str' and is_marker(first.text)
      and (second == nil or second.t == 'Space' or second.t == 'SoftBreak') then
    el.content[1] = pandoc.RawInline('typst', (first.text:gsub('([%.%-%+/=])$', '\\%1')))
    return el
  end
end

local starts = { Header = escape_start, Para = escape_start, Plain = escape_start }

-- Images that are the content of a figure: a plain `#image(…)`.
local figures = {
  Figure = function(fig)
    return fig:walk({
      Image = function(img)
        return pandoc.RawInline('typst', '#' .. image_call(img))
      end,
    })
  end,
}

-- Any other image is inline: boxed, so that it stays in the line.
local inline = {
  Image = function(img)
    return pandoc.RawInline('typst', '#box(' .. image_call(img) .. ')')
  end,
  Div = function(div)
    if div.classes:includes('tabellfigur') then
      return table_figure(div)
    end
    if div.classes:includes('figurnote') or div.classes:includes('kreditering') then
      local name = div.classes:includes('kreditering') and 'kreditering' or 'figurnote'
      local out = { pandoc.RawBlock('typst', '#' .. name .. '[') }
      for _, block in ipairs(div.content) do
        table.insert(out, block)
      end
      table.insert(out, pandoc.RawBlock('typst', ']'))
      return out
    end
  end,
}

-- Typst's markup shorthands would change the text: "-97" becomes "−97" (minus sign), "..." an
-- ellipsis, "-?" a soft hyphen. Pandoc (3.9) does not escape them, so each is escaped here.
local verbatim = {
  Str = function(el)
    local t = el.text
    if not (t:find('%-[%d%?]') or t:find('%.%.%.')) then
      return nil
    end
    local escaped = t:gsub('\\', '\\\\'):gsub('([%-%.%#%$%*_`<>@=%[%]~/\'"])', '\\%1')
    return pandoc.RawInline('typst', escaped)
  end,
}

-- Only in the text: the metadata is data (the reference list's keys, e.g. "nou2003-6", are read
-- by references.lua and must stay plain strings).
local verbatim_text = {
  Pandoc = function(doc)
    doc.blocks = doc.blocks:walk(verbatim)
    return doc
  end,
}

return { starts, figures, inline, verbatim_text }
