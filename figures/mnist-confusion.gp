# The confusion matrix as a heat map (log colour scale), from mnistnet eval --confusion.
# gnuplot -e "csv='confusion.csv'; fmt='svg'; out='x.svg'" figures/mnist-confusion.gp
width = 5.6; height = 5.0
load 'figures/terminal.gp'
unset grid
set xlabel 'predicted digit'
set ylabel 'true digit'
set xrange [-0.5:9.5]; set yrange [9.5:-0.5]
set xtics 0,1,9 scale 0; set ytics 0,1,9 scale 0
set cblabel 'images'
set logscale cb
set cbrange [0.8:*]
set palette defined (0 '#fffdf9', 1 '#fbe3d6', 2 '#e8a07c', 3 '#b5442f', 4 '#5b1a12')
set size ratio -1
plot csv matrix rowheaders columnheaders using 1:2:($3 > 0 ? $3 : 1/0) with image, \
     ''  matrix rowheaders columnheaders using 1:2:(sprintf('%d', $3)):($3 > 100 ? 0xffffff : 0x222222) \
         with labels font ',9' tc rgb variable
