# All learning rates: E_total against the iteration, log scale.
# gnuplot -e "dir='runs'; lrs='0.1 0.2 0.5 0.8 1.0 2.0'; fmt='svg'; out='x.svg'" figures/part1-loss-all.gp
load 'figures/terminal.gp'
set xlabel 'iteration'
set ylabel 'E_{total} (log scale)'
set logscale y
set format y '10^{%L}'
set key bottom left
plot for [i=1:words(lrs)] sprintf('%s/part1-lr%s.csv', dir, word(lrs, i)) \
     using 'iter':'E_total' with lines ls i title sprintf('lr %s', word(lrs, i))
