-- pandoc filter: values, included tables, figure formats (see book/91-weaving.nw)
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
  return pandoc.Str(values[key])
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
return {
  { Meta = load_values },
  { Span = value_span, Div = include_div, Image = figure_format },
}
