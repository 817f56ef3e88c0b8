# One learning rate's run: E_total, E1 and E2 against the iteration.
# gnuplot -e "csv='run.csv'; lr='0.5'; fmt='svg'; out='x.svg'" figures/part1-loss.gp
load 'figures/terminal.gp'
set xlabel 'iteration'
set ylabel 'error'
set title sprintf('learning rate %s', lr)
set key top right
plot csv using 'iter':'E_total' with lines ls 1 title 'E_{total}', \
     ''  using 'iter':'E1'      with lines ls 2 dt 2 title 'E_1', \
     ''  using 'iter':'E2'      with lines ls 3 dt 4 title 'E_2'
