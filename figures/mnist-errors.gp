# A grid of misclassified test digits, "true → predicted" above each, from `mnistviz errors`.
# gnuplot -e "csv='errors.csv'; fmt='svg'; out='x.svg'" figures/mnist-errors.gp
width = 7.0; height = 3.4
load 'figures/terminal.gp'
labelfont = fmt eq 'svg' ? ',16' : ',9'
unset grid; unset border; unset tics; unset colorbox
stats csv index 0 using 1 nooutput
n = STATS_records; per_row = 8; rows = int(ceil(n / real(per_row)))
px = 32; py = 40
x0(t) = (int(t - 1) % per_row) * px
y0(t) = (int(t - 1) / per_row) * py + 10
set xrange [-2 : per_row * px - 2]
set yrange [rows * py : -2]
set size ratio -1
set palette defined (0 '#f3efe6', 1 '#1d1d1f')
set cbrange [0:1]
plot for [t=1:n] csv index t matrix using (x0(t) + $1):(y0(t) + $2):3 with image, \
     csv index 0 using (x0($1) + 13.5):(y0($1) - 5):(sprintf('%d → %d', $3, $4)) with labels font labelfont
