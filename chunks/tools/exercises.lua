-- pandoc filter: number the exercises, link them to their solutions and back (see book/91c-exercises.nw)
local kinds = { derive = "derive", compute = "compute", code = "change the code" }
local function fail(message) error("exercises: " .. message, 0) end
local function name_of(div, prefix)
  local name = div.identifier:match("^" .. prefix .. ":([a-z0-9-]+:[a-z0-9-]+)$")
  if not name then
    fail("a div of class " .. div.classes[1] .. " has the identifier '" .. div.identifier
         .. "', not " .. prefix .. ":CHAPTER:NAME (lowercase letters, digits and -)")
  end
  return name
end
local function opening(div, inlines)
  local first = div.content[1]
  if first and (first.t == "Para" or first.t == "Plain") then
    for i = #inlines, 1, -1 do table.insert(first.content, 1, inlines[i]) end
  else
    table.insert(div.content, 1, pandoc.Para(inlines))
  end
end
function dress_exercise(e, name)
  local kind = pandoc.Span({ pandoc.Emph({ pandoc.Str(kinds[e.div.attributes["kind"]]) }) },
                          pandoc.Attr("", { "exercise-kind" }))
  local number
  if FORMAT:match("latex") then
    number = pandoc.RawInline("latex", "\\refstepcounter{exercise}\\label{ex:" .. name
                                       .. "}\\textbf{Exercise~\\theexercise}")
  else
    number = pandoc.Link({ pandoc.Strong({ pandoc.Str("Exercise " .. e.number) }) }, "#ex:" .. name)
  end
  opening(e.div, { number, pandoc.Space(), kind, pandoc.Space() })
  e.div.classes:insert("kind-" .. e.div.attributes["kind"])
  e.div.attributes["kind"] = nil
  local to = { pandoc.Link({ pandoc.Str("Solution") }, "#sol:" .. name, "", pandoc.Attr("", { "to-solution" })) }
  if FORMAT:match("latex") then table.insert(to, pandoc.RawInline("latex", "~(p.\\,\\pageref{sol:" .. name .. "})")) end
  table.insert(e.div.content, pandoc.Para(to))
end
function dress_solution(s, name, e)
  local title
  if FORMAT:match("latex") then
    title = { pandoc.RawInline("latex", "\\label{sol:" .. name .. "}\\textbf{Solution to Exercise~\\ref{ex:"
                                        .. name .. "}} (p.\\,\\pageref{ex:" .. name .. "})") }
  else
    title = { pandoc.Link({ pandoc.Strong({ pandoc.Str("Solution to Exercise " .. e.number) }) }, "#ex:" .. name) }
  end
  local test = s.attributes["checked"]
  if test then
    table.insert(title, pandoc.Space())
    table.insert(title, pandoc.Span({ pandoc.Str("checked by"), pandoc.Space(), pandoc.Code(test) },
                                    pandoc.Attr("", { "checked-by" })))
    s.classes:insert("checked")
    s.attributes["checked"] = nil
  end
  table.insert(s.content, 1, pandoc.Para(title))
end
function exercises(doc)
  local ex, sol = {}, {}
  local chapter, count, top = nil, 0, 0
  for _, b in ipairs(doc.blocks) do
    if b.t == "Header" and b.level == 1 then
      chapter, count = b.attributes["number"], 0
    elseif b.t == "Div" and b.classes:includes("exercise") then
      local name = name_of(b, "ex")
      if ex[name] then fail("two exercises are #ex:" .. name) end
      if not kinds[b.attributes["kind"]] then
        fail("#ex:" .. name .. " has kind '" .. tostring(b.attributes["kind"]) .. "'; say derive, compute or code")
      end
      if (FORMAT:match("html") or FORMAT:match("epub")) and not (chapter and chapter:match("^%d+$")) then
        fail("#ex:" .. name .. " is not in a numbered chapter")
      end
      count, top = count + 1, top + 1
      ex[name] = { div = b, number = (chapter or "") .. "." .. count }
    elseif b.t == "Div" and b.classes:includes("solution") then
      local name = name_of(b, "sol")
      if sol[name] then fail("two solutions are #sol:" .. name) end
      sol[name], top = b, top + 1
    end
  end
  local all = 0
  pandoc.walk_block(pandoc.Div(doc.blocks), { Div = function(d)
    if d.classes:includes("exercise") or d.classes:includes("solution") then all = all + 1 end
  end })
  if all ~= top then fail(all - top .. " exercise or solution divs are nested in other blocks") end
  for name in pairs(ex) do
    if not sol[name] then fail("#ex:" .. name .. " has no solution (a div #sol:" .. name .. ")") end
  end
  for name, s in pairs(sol) do
    if not ex[name] then fail("#sol:" .. name .. " solves no exercise (no div #ex:" .. name .. ")") end
    local test = s.attributes["checked"]
    if test then
      local f = test:match("^tests/[%w%-%.]+$") and io.open(test, "r")
      if not f then fail("#sol:" .. name .. " is checked by '" .. test .. "', which is not a file in tests/") end
      f:close()
    end
  end
  for name, e in pairs(ex) do dress_exercise(e, name) end
  for name, s in pairs(sol) do dress_solution(s, name, ex[name]) end
  if FORMAT:match("latex") then
    table.insert(doc.blocks, 1, pandoc.RawBlock("latex",
      "\\newcounter{exercise}[chapter]\\renewcommand{\\theexercise}{\\thechapter.\\arabic{exercise}}"))
  end
  return doc
end
return { { Pandoc = exercises } }
