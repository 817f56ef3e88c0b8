-- pandoc filter: values, included tables, figure formats, the book's shape (see book/91-weaving.nw)
local web = FORMAT:match("html") or FORMAT:match("epub")
local values, dir = {}, "."
function load_values(meta)
  if meta["build-dir"] then dir = pandoc.utils.stringify(meta["build-dir"]) end
  local f = io.open(dir .. "/values.txt", "r")
  if not f then error("book-filter: " .. dir .. "/values.txt is missing: run `make runs` first") end
  for l in f:lines() do
    local k, v = l:match("^(%S+)%s+(.-)%s*$")
    if k then values[k] = v end
  end
  f:close()
end
function value_span(el)
  if not el.classes:includes("value") then return nil end
  local key = el.attributes["key"]
  if values[key] == nil then error("book-filter: no value for key '" .. tostring(key) .. "'") end
  el.content = { pandoc.Str(thousands(values[key])) }
  return el
end
function thousands(v)
  local sign, int, rest = v:match("^(%-?)(%d+)(%.?%d*)$")
  if not int or #int < 4 then return v end
  int = int:reverse():gsub("(%d%d%d)", "%1,"):reverse():gsub("^,", "")
  return sign .. int .. rest
end
function include_div(el)
  local src = el.attributes["src"]
  if not el.classes:includes("include") or not src then return nil end
  local f = io.open(dir .. "/" .. src, "r")
  if not f then error("book-filter: cannot read " .. dir .. "/" .. src) end
  local text = f:read("a")
  f:close()
  return pandoc.read(text, "markdown").blocks
end
function figure_format(el)
  if FORMAT:match("latex") then el.src = el.src:gsub("%.svg$", ".pdf") end
  return el
end
function code_path(el)
  if not FORMAT:match("latex") or not el.text:match("/") or not el.text:match("^[%w%./_%-]+$") then
    return nil
  end
  return pandoc.RawInline("latex", "\\nolinkurl{" .. el.text .. "}")
end
function book_shape(doc)
  local blocks, counter, appendix, parts, front = {}, {}, false, 0, false
  for _, b in ipairs(doc.blocks) do
    if b.t == "Header" and b.level == 1 and b.classes:includes("part") then
      parts = parts + 1
      local roman = ({ "I", "II", "III", "IV" })[parts]
      if FORMAT:match("latex") then
        local title = pandoc.utils.stringify(b.content)
        table.insert(blocks, pandoc.RawBlock("latex", "\\part{" .. title .. "}\\label{" .. b.identifier .. "}"))
      else
        b.attributes["number"] = roman
        table.insert(blocks, b)
      end
    elseif b.t == "Header" and b.level == 1 and b.classes:includes("appendices") then
      appendix, counter = true, {}
      if FORMAT:match("latex") then
        local latex = "\\appendix\\cleardoublepage\\phantomsection"
                      .. "\\addcontentsline{toc}{part}{Appendices}"
        table.insert(blocks, pandoc.RawBlock("latex", latex))
      else
        b.classes:insert("part")
        b.classes:insert("unnumbered")
        table.insert(blocks, b)
      end
    else
      if b.t == "Header" and b.level == 1 then
        front = b.classes:includes("unnumbered")
      elseif b.t == "Header" and front and not b.classes:includes("unnumbered") then
        b.classes:insert("unnumbered")
      end
      if b.t == "Header" and web and not b.classes:includes("unnumbered") then
        local level = b.level
        counter[level] = (counter[level] or 0) + 1
        for deeper = level + 1, 6 do counter[deeper] = nil end
        local first = counter[1] or 0
        local number = { appendix and string.char(64 + first) or tostring(first) }
        for l = 2, level do table.insert(number, tostring(counter[l] or 0)) end
        b.attributes["number"] = table.concat(number, ".")
      end
      table.insert(blocks, b)
    end
  end
  doc.blocks = blocks
  return doc
end
function chunk_label(el)
  if not FORMAT:match("latex") or not el.classes:includes("chunkhead") or el.identifier == "" then return nil end
  el.content = pandoc.walk_inline(el, { Link = function(l) return l.content end }).content
  table.insert(el.content, 1, pandoc.RawInline("latex", "\\label{" .. el.identifier .. "}"))
  return el
end
function chunk_page(el)
  if not FORMAT:match("latex") or not el.target:match("^#NW") then return nil end
  return { el, pandoc.RawInline("latex", "~(p.\\,\\pageref{" .. el.target:sub(2) .. "})") }
end
return {
  { Meta = load_values },
  { Span = value_span, Div = include_div, Image = figure_format, Code = code_path },
  { Pandoc = book_shape },
  { Span = chunk_label },
  { Link = chunk_page },
}
