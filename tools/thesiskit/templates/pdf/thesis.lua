-- Pandoc filter for the Typst PDF (run before citeproc output is written).
--
-- Pandoc's Typst writer (3.9) drops an image's text alternative. PDF/UA needs one on every image,
-- so images are written as raw Typst with `alt:` taken from the `fig-alt` attribute, else from the
-- image description. Divs of class `figurnote` (legend lines under a figure) become `#figurnote[…]`.
-- Text that starts with "1. ", "- ", "+ ", "/ " or "= " is escaped: in a heading or a table cell,
-- Pandoc (3.9) leaves it as is, and Typst would read it as a list item or a heading.

local function typst_string(s)
  s = s:gsub('%s+', ' ')
  s = s:gsub('\\', '\\\\'):gsub('"', '\\"')
  return '"' .. s .. '"'
end

local function image_call(img)
  local alt = img.attributes['fig-alt'] or pandoc.utils.stringify(img.caption)
  return 'image(' .. typst_string(img.src) .. ', alt: ' .. typst_string(alt) .. ')'
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
    if div.classes:includes('figurnote') then
      local out = { pandoc.RawBlock('typst', '#figurnote[') }
      for _, block in ipairs(div.content) do
        table.insert(out, block)
      end
      table.insert(out, pandoc.RawBlock('typst', ']'))
      return out
    end
  end,
}

return { starts, figures, inline }
