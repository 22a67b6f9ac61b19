-- thesiskit: what the Norsk APA-manual prints and CSL cannot say. Runs after --citeproc, in the
-- site's and the PDF's Pandoc run alike (tools/thesiskit/cite/style.py).
--
-- 1. Running text: "og" (metadata `thesiskit-and`) instead of "&" between the two authors of a
--    narrative citation: `@gilje1993` -> "Gilje og Grimen (1993)"; inside parentheses "&" stays.
-- 2. Laws and regulations (an entry whose number is a Lovdata identifier, LOV-… or FOR-…) are
--    written in lower case in running text: "folketrygdloven (1997, § 14-4)"; Grunnloven keeps
--    its capital.
-- 3. Norwegian public documents lead with their number (the entry's author is the number, as the
--    libraries' Zotero and EndNote recipes enter them):
--    NOU: "NOU 1999: 13. (1999). *Tittel*. Departement." and "(NOU 1999: 13, s. 559)" (the year
--    is not repeated in the text);
--    Meld. St., St.meld., Prop., St.prp., Ot.prp., Innst.: the session is part of the number, so
--    no year at all: "Meld. St. 20 (2009–2010). *Tittel*. Departement." and
--    "(Meld. St. 20 (2009–2010), s. 49)".
-- 4. A section of a law is written as typed, "§ 14-4": the locales print "§" as "pargr.", "par." or
--    "Sections" and make the hyphen of a section number a range's dash.
-- 5. A reference list entry in another language than the document's (`langid` in the bib) carries
--    that language (`lang` on its div), so that it is hyphenated in its own language: an English
--    title is not broken by Norwegian patterns.

local AND = 'og'
local DOC_LANG = ''
local items = {}

local NOU = '^NOU %d%d%d%d: ?%d+$'
local PARLIAMENT = {
  '^Meld%. ?St%. ', '^St%. ?meld%. ', '^Prop%. ', '^St%. ?prp%. ', '^Ot%. ?prp%. ', '^Innst%. ',
}
local LAW = '^[LF]O[VR]%-%d%d%d%d%-%d%d%-%d%d%-%d+'
local YEAR = { '^%d%d%d%d%l?,?$', '^u%.å%.,?$', '^n%.d%.,?$' }

local function matches_any(s, patterns)
  for _, p in ipairs(patterns) do
    if s:match(p) then return true end
  end
  return false
end

local function first_literal(item)
  local names = item.author or item.editor
  if names and #names >= 1 and names[1].literal then
    return pandoc.utils.stringify(names[1].literal)
  end
  return nil
end

local function kind(item)
  local lit = first_literal(item)
  if lit and lit:match(NOU) then return 'nou' end
  if lit and matches_any(lit, PARLIAMENT) then return 'parliament' end
  if item.number and pandoc.utils.stringify(item.number):match(LAW) then return 'law' end
  return nil
end

local function name_count(item)
  local names = item.author or item.editor
  return names and #names or 0
end

local function is_year(el)
  return el and el.t == 'Str' and matches_any(el.text, YEAR)
end

local function lower_first(s)
  if s:match('^Grunnlov') then return s end
  local second = utf8.offset(s, 2)
  if not second then return pandoc.text.lower(s) end
  return pandoc.text.lower(s:sub(1, second - 1)) .. s:sub(second)
end

-- Remove the year token from a list of inlines (a citation's linked part); true if removed.
local function drop_year(inlines)
  for i, el in ipairs(inlines) do
    if is_year(el) then
      if el.text:sub(-1) == ',' then -- a locator follows: drop "1999," and the space after it
        inlines:remove(i)
        if inlines[i] and inlines[i].t == 'Space' then inlines:remove(i) end
      else -- the year ends the citation: drop " 1999" and the comma before it
        inlines:remove(i)
        if inlines[i - 1] and inlines[i - 1].t == 'Space' then inlines:remove(i - 1) end
        local prev = inlines[i - 2]
        if prev and prev.t == 'Str' then prev.text = prev.text:gsub(',$', '') end
      end
      return true
    end
  end
  return false
end

-- The section numbers of a citation's suffix ("§ 14-4") as citeproc prints them ("14–4").
local function section_numbers(citation)
  local out = {}
  local suffix = pandoc.utils.stringify(citation.suffix)
  if suffix:find('§', 1, true) then
    for a, b in suffix:gmatch('(%d+)%-(%d+)') do
      out[a .. '–' .. b] = a .. '-' .. b
    end
  end
  return out
end

-- How the locales print the label Pandoc reads "§" as (paragraph or section): nb, nn, en.
local SECTION_LABELS = {
  ['pargr.'] = true, ['par.'] = true, ['para.'] = true, ['paras.'] = true,
  ['Section'] = true, ['Sections'] = true, ['sec.'] = true, ['secs.'] = true,
}

local function restore_sections(inlines, citation, numbers)
  if not pandoc.utils.stringify(citation.suffix):find('§', 1, true) then return inlines end
  return inlines:walk({
    Str = function(s)
      if SECTION_LABELS[s.text] then s.text = '§' end
      for dashed, hyphened in pairs(numbers) do
        s.text = s.text:gsub(dashed, hyphened)
      end
      return s
    end,
  })
end

-- A narrative citation: author inlines, Space, "(", Link[year, locator], ")".
local function narrative(cite, citation, item)
  local content = cite.content
  local open
  for i = #content, 1, -1 do
    local el = content[i]
    if el.t == 'Str' and el.text:sub(1, 1) == '(' then open = i; break end
  end
  if not open then return end
  local k = kind(item)
  if name_count(item) == 2 and k == nil then
    local amps = 0
    for i = 1, open - 1 do
      if content[i].t == 'Str' and content[i].text == '&' then amps = amps + 1 end
    end
    if amps == 1 then
      for i = 1, open - 1 do
        if content[i].t == 'Str' and content[i].text == '&' then content[i] = pandoc.Str(AND) end
      end
    end
  end
  if k == 'law' and content[1] and content[1].t == 'Str' then
    content[1].text = lower_first(content[1].text)
  end
  if k == 'nou' or k == 'parliament' then
    local link = content[open + 1]
    if link and link.t == 'Link' then
      drop_year(link.content)
      if #link.content == 0 then
        -- nothing of the link is left: the number itself becomes the link, and what followed
        -- the year (", s. 3)" when the locator was not recognised) keeps its parenthesis
        local author = pandoc.Inlines({})
        for i = 1, open - 1 do author:insert(content[i]) end
        while #author > 0 and author[#author].t == 'Space' do author:remove(#author) end
        local rest = pandoc.Inlines({})
        for i = open + 2, #content do rest:insert(content[i]) end
        local after = rest[1]
        if after and after.t == 'Str' and after.text:sub(1, 1) == ')' then
          rest[1] = pandoc.Str(after.text:sub(2))
        elseif after and after.t == 'Str' and after.text == ',' then
          rest:remove(1)
          if rest[1] and rest[1].t == 'Space' then rest:remove(1) end
          rest = pandoc.Inlines({ pandoc.Space(), pandoc.Str('(') }) .. rest
        end
        if rest[1] and rest[1].t == 'Str' and rest[1].text == '' then rest:remove(1) end
        link.content = author
        cite.content = pandoc.Inlines({ link }) .. rest
      end
    end
  end
end

local function parenthetical(cite, citation, item)
  local k = kind(item)
  if k ~= 'nou' and k ~= 'parliament' then return end
  local target = '#ref-' .. citation.id
  cite.content = cite.content:walk({
    Link = function(link)
      if link.target == target then drop_year(link.content) end
      return link
    end,
  })
end

local function Cite(cite)
  for _, citation in ipairs(cite.citations) do
    local item = items[citation.id]
    if item then
      if citation.mode == 'AuthorInText' then
        narrative(cite, citation, item)
      elseif citation.mode == 'NormalCitation' then
        parenthetical(cite, citation, item)
      end
    end
    cite.content = restore_sections(cite.content, citation, section_numbers(citation))
  end
  return cite
end

local function primary(tag)
  return (tag:match('^(%a+)') or ''):lower()
end

-- A reference list entry: its language, and for a parliamentary document no date after the number.
local function Div(div)
  local id = div.identifier:match('^ref%-(.+)$')
  local item = id and items[id]
  if not item then return nil end
  local lang = item.language and pandoc.utils.stringify(item.language) or ''
  if lang ~= '' and primary(lang) ~= primary(DOC_LANG) then
    div.attributes.lang = lang
  end
  if kind(item) ~= 'parliament' then return div end
  local words = 0
  for _ in first_literal(item):gmatch('%S+') do words = words + 1 end
  local block = div.content[1]
  if not block or (block.t ~= 'Para' and block.t ~= 'Plain') then return nil end
  local inl, seen = block.content, 0
  for i, el in ipairs(inl) do
    if el.t == 'Str' then
      seen = seen + 1
      if seen == words + 1 then
        if el.text:match('^%(.-%)%.$') then
          inl:remove(i)
          if inl[i] and inl[i].t == 'Space' then inl:remove(i) end
        end
        break
      end
    end
  end
  return div
end

function Pandoc(doc)
  if doc.meta['thesiskit-and'] then AND = pandoc.utils.stringify(doc.meta['thesiskit-and']) end
  if doc.meta.lang then DOC_LANG = pandoc.utils.stringify(doc.meta.lang) end
  for _, item in ipairs(pandoc.utils.references(doc)) do
    items[item.id] = item
  end
  return doc:walk({ Cite = Cite, Div = Div })
end
