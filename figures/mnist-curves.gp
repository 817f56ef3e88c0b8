# Training and test loss and accuracy per epoch, from mnistnet's --log CSV.
# gnuplot -e "csv='log.csv'; fmt='svg'; out='x.svg'" figures/mnist-curves.gp
width = 7.0; height = 3.4
load 'figures/terminal.gp'
set multiplot layout 1,2
set xlabel 'epoch'
set ylabel 'loss'
set key top right
set logscale y
plot csv using 'epoch':'train_loss' with linespoints ls 1 pt 7 ps 0.5 title 'train', \
     ''  using 'epoch':'test_loss'  with linespoints ls 2 pt 7 ps 0.5 title 'test'
unset logscale y
set ylabel 'accuracy (%)'
set key bottom right
set yrange [*:100]
plot csv using 'epoch':(100*column('train_acc')) with linespoints ls 1 pt 7 ps 0.5 title 'train', \
     ''  using 'epoch':(100*column('test_acc'))  with linespoints ls 2 pt 7 ps 0.5 title 'test', \
     99.4 with lines ls 8 dt 2 title '99.4 %'
unset multiplot
