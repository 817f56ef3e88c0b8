# One test digit's feature maps, layer by layer, from `mnistviz maps`.
# gnuplot -e "csv='maps.csv'; fmt='svg'; out='x.svg'" figures/mnist-maps.gp
width = 7.0; height = 6.6
load 'figures/terminal.gp'
labelfont = fmt eq 'svg' ? ',16' : ',9'
unset grid; unset border; unset tics; unset colorbox
stats csv index 0 using 1 nooutput
n = STATS_records
array row[n]; array col[n]; array H[n]; array W[n]
stats csv index 0 using (t = int($1), row[t] = $2, col[t] = $3, H[t] = $6, W[t] = $7, truth = $8, said = $9) nooutput
rows = int(row[n]) + 1
s = 28; px = 31; py = 33
x0(t) = col[t] * px
y0(t) = row[t] * py + 2
set xrange [-66 : 10 * px]
set yrange [rows * py + 8 : -1]
set size ratio -1
set palette defined (0 '#fffdf9', 0.45 '#e8a07c', 0.75 '#b5442f', 1 '#3b0f0a')
set cbrange [0:1]
set title sprintf('test image: a %d, predicted %d', truth, said)
rowlabel(l, k, h, w) = l == 0 ? 'input' : sprintf("layer %d\n%d × %d×%d", l, k, h, w)
plot for [t=1:n] csv index t matrix using (x0(t) + ($1 + 0.5) * s / W[t]):(y0(t) + ($2 + 0.5) * s / H[t]):3 \
        with image pixels, \
     csv index 0 using (-3):(y0($1) + s / 2):($3 == 0 ? rowlabel($4, $5, $6, $7) : '') with labels right font labelfont, \
     csv index 0 using (x0($1) + s / 2):(y0($1) + s + 3.5):($5 == 10 ? sprintf('%d', $3) : '') with labels font labelfont
