# The first convolution layer's filters as images, from `mnistviz filters`.
# gnuplot -e "csv='filters.csv'; fmt='svg'; out='x.svg'" figures/mnist-filters.gp
width = 7.0; height = 2.3
load 'figures/terminal.gp'
labelfont = fmt eq 'svg' ? ',16' : ',9'
unset grid; unset border; unset tics
stats csv index 0 using 1 nooutput
n = STATS_records; per_row = 8; rows = int(ceil(n / real(per_row)))
stats csv index 1 matrix using 1 nooutput
r = int(STATS_max) + 1; p = r + 1
x0(t) = (int(t - 1) % per_row) * p
y0(t) = (int(t - 1) / per_row) * (p + 1) + 1
set xrange [-0.6 : per_row * p - 0.4]
set yrange [rows * (p + 1) - 0.6 : 0]
set size ratio -1
set palette defined (-1 '#1b6ca8', 0 '#ffffff', 1 '#d1495b')
set cbrange [-1:1]
set cbtics ('−1' -1, '0' 0, '+1' 1) scale 0
set rmargin at screen 0.86
set colorbox user origin screen 0.89, graph 0.1 size screen 0.02, graph 0.8
plot for [t=1:n] csv index t matrix using (x0(t) + $1):(y0(t) + $2):3 with image pixels, \
     csv index 0 using (x0($1) + (r - 1) / 2.0):(y0($1) - 0.9):(sprintf('%d', $1)) with labels font labelfont
