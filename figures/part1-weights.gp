# One run's eight weights against the iteration.
# gnuplot -e "csv='run.csv'; lr='0.5'; fmt='svg'; out='x.svg'" figures/part1-weights.gp
load 'figures/terminal.gp'
set xlabel 'iteration'
set ylabel 'weight'
set title sprintf('weights, learning rate %s', lr)
set key outside right
plot for [j=1:8] csv using 'iter':sprintf('w%d', j) with lines ls j title sprintf('w_%d', j)
