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
--
-- Two passes over the document, and Lua sees as little of it as it can: each call into Lua and
-- each field read costs (Pandoc hands elements over one by one), so a paragraph is looked at
-- through its text (pandoc.utils.stringify, in Pandoc itself), and its words only when that text
-- holds something to escape.

local stringify = pandoc.utils.stringify

local function typst_string(s)
  s = s:gsub('%s+', ' ')
  s = s:gsub('\\', '\\\\'):gsub('"', '\\"')
  return '"' .. s .. '"'
end

local function image_call(img)
  local alt = img.attributes['fig-alt'] or stringify(img.caption)
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

local function figure_image(img)
  return pandoc.RawInline('typst', '#' .. image_call(img))
end

local function inline_image(img)
  return pandoc.RawInline('typst', '#box(' .. image_call(img) .. ')')
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

-- Typst's markup shorthands would change the text: "-97" becomes "−97" (minus sign), "..." an
-- ellipsis, "-?" a soft hyphen. Pandoc (3.9) does not escape them, so each is escaped here.
local function has_shorthand(t)
  return t:find('%-[%d%?]') or t:find('%.%.%.')
end

local verbatim = {
  Str = function(el)
    local t = el.text
    if not has_shorthand(t) then
      return nil
    end
    local escaped = t:gsub('\\', '\\\\'):gsub('([%-%.%#%$%*_`<>@=%[%]~/\'"])', '\\%1')
    return pandoc.RawInline('typst', escaped)
  end,
}

-- A block's own words (not those in its footnotes: stringify leaves notes out, and their blocks
-- come by on their own) hold a shorthand only if its text does. Line blocks and definition terms
-- hold words outside any paragraph; so do a table's or figure's short caption (none from Markdown).
local function escape_shorthands(block)
  if has_shorthand(stringify(block)) then
    return block:walk(verbatim)
  end
end

-- A heading, paragraph or plain block whose text starts with a list or heading marker (the only
-- ones escape_start changes), then its shorthands.
local function text_block(block)
  local text = stringify(block)
  local changed = nil
  if is_marker(text:match('^%S*')) then
    changed = escape_start(block)
    block = changed or block
  end
  if has_shorthand(text) then
    return block:walk(verbatim)
  end
  return changed
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

local function note_div(div)
  local name = div.classes:includes('kreditering') and 'kreditering' or 'figurnote'
  local out = { pandoc.RawBlock('typst', '#' .. name .. '[') }
  for _, block in ipairs(div.content) do
    table.insert(out, block)
  end
  table.insert(out, pandoc.RawBlock('typst', ']'))
  return out
end

-- What a table record's Div holds is done as a whole, before the rest: its caption is written
-- out (pandoc.write) with its start escaped and its images boxed, and no shorthand escaped.
local inside_table = {
  {
    Header = function(b) if is_marker(stringify(b):match('^%S*')) then return escape_start(b) end end,
    Para = function(b) if is_marker(stringify(b):match('^%S*')) then return escape_start(b) end end,
    Plain = function(b) if is_marker(stringify(b):match('^%S*')) then return escape_start(b) end end,
    Figure = function(fig) return fig:walk({ Image = figure_image }) end,
  },
  {
    Image = inline_image,
    Div = function(div)
      if div.classes:includes('tabellfigur') then
        return table_figure(div)
      elseif div.classes:includes('figurnote') or div.classes:includes('kreditering') then
        return note_div(div)
      end
    end,
  },
}

local function whole_table(div)
  local content = div.content
  for _, filter in ipairs(inside_table) do
    content = content:walk(filter)
  end
  div.content = content
  return table_figure(div)
end

-- Pass 1: figures' images (plain `#image(…)`) and table records.
local figures_and_tables = {
  Figure = function(fig)
    return fig:walk({ Image = figure_image })
  end,
  Div = function(div)
    if div.classes:includes('tabellfigur') then
      return whole_table(div)
    end
  end,
}

-- Pass 2, only in the text: the metadata is data (the reference list's keys, e.g. "nou2003-6", are
-- read by references.lua and must stay plain strings). Any other image is inline: boxed, so that it
-- stays in the line (images go first, in Pandoc's order, so their descriptions are not escaped).
local text = {
  Image = inline_image,
  Header = text_block,
  Para = text_block,
  Plain = text_block,
  LineBlock = escape_shorthands,
  DefinitionList = escape_shorthands,
  Table = escape_shorthands,
  Figure = escape_shorthands,
  Div = function(div)
    if div.classes:includes('figurnote') or div.classes:includes('kreditering') then
      return note_div(div)
    end
  end,
}

return {
  figures_and_tables,
  { Pandoc = function(doc) doc.blocks = doc.blocks:walk(text) return doc end },
}
