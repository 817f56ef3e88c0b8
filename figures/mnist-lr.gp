# The learning-rate schedule, per step, from `mnistnet schedule`.
# gnuplot -e "csv='schedule.csv'; fmt='svg'; out='x.svg'" figures/mnist-lr.gp
height = 3.2
load 'figures/terminal.gp'
set xlabel 'epoch'
set ylabel 'learning rate'
plot csv using 'epoch':'lr' with lines ls 1
