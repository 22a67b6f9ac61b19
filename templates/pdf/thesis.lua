-- Pandoc filter for the Typst PDF (run before citeproc output is written).
--
-- Pandoc's Typst writer (3.9) drops an image's text alternative. PDF/UA needs one on every image,
-- so images are written as raw Typst with `alt:` taken from the `fig-alt` attribute, else from the
-- image description. Divs of class `figurnote` (legend lines under a figure) become `#figurnote[…]`.

local function typst_string(s)
  s = s:gsub('%s+', ' ')
  s = s:gsub('\\', '\\\\'):gsub('"', '\\"')
  return '"' .. s .. '"'
end

local function image_call(img)
  local alt = img.attributes['fig-alt'] or pandoc.utils.stringify(img.caption)
  return 'image(' .. typst_string(img.src) .. ', alt: ' .. typst_string(alt) .. ')'
end

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

return { figures, inline }
