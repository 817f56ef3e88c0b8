-- pandoc filter: values, included tables, figure formats, chapter links (see book/91-weaving.nw)
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
  el.content = { pandoc.Str(values[key]) }
  return el
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
function chapter_links(doc)
  if not FORMAT:match("html") then return nil end
  local chapters, n = {}, 0
  for i, b in ipairs(doc.blocks) do
    if b.t == "Header" and b.level == 1 then
      local numbered = not b.classes:includes("unnumbered")
      if numbered then n = n + 1 end
      local title = (numbered and (n .. " ") or "") .. pandoc.utils.stringify(b.content)
      table.insert(chapters, { at = i, id = b.identifier, title = title })
    end
  end
  for c = #chapters, 1, -1 do
    local prev, next = chapters[c - 1], chapters[c + 1]
    local items = {}
    if prev then table.insert(items, pandoc.Link({ pandoc.Str("← " .. prev.title) }, "#" .. prev.id, "", pandoc.Attr("", { "prev" }))) end
    table.insert(items, pandoc.Link({ pandoc.Str("Contents") }, "#TOC", "", pandoc.Attr("", { "contents" })))
    if next then table.insert(items, pandoc.Link({ pandoc.Str(next.title .. " →") }, "#" .. next.id, "", pandoc.Attr("", { "next" }))) end
    local nav = pandoc.Div({ pandoc.Plain(items) }, pandoc.Attr("", { "chapnav" }))
    table.insert(doc.blocks, next and next.at or #doc.blocks + 1, nav)
  end
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
  { Span = value_span, Div = include_div, Image = figure_format },
  { Pandoc = chapter_links },
  { Span = chunk_label },
  { Link = chunk_page },
}
