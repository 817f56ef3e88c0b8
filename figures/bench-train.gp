# Training speed of the main network with each choice of kernels, from
# bench-train's CSV (rows measure,kernels,threads,unit,value).
# gnuplot -e "csv='bench-train.csv'; fmt='svg'; out='x.svg'" figures/bench-train.gp
height = 3.6
set bmargin 4.5
load 'figures/terminal.gp'
rows = "< awk -F, '$1 == \"train\" && $4 == \"images_per_s\" { print $2 \",\" $3 \",\" $5 }' " . csv
set style fill solid 0.85 border -1
set boxwidth 0.6
set xrange [-0.6:3.6]
set yrange [0:*]
set offsets 0, 0, graph 0.12, 0
set xtics scale 0
set ylabel 'training images per second'
label(k, t) = k . "\n" . sprintf("%d thread%s", t, t == 1 ? "" : "s")
plot rows using 0:3:xticlabels(label(strcol(1), column(2))) with boxes ls 1, \
     '' using 0:3:(sprintf("%.0f", $3)) with labels offset 0, 0.8
