-- pandoc filter for the EPUB: the widgets of book/32-browser.nw need scripts, so they are left out
function Div(el) if el.classes:includes("web-only") then return {} end end
