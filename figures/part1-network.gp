# The spreadsheet network, drawn from its description: neurons as circles,
# weights as labelled arrows. gnuplot -e "fmt='svg'; out='x.svg'" figures/part1-network.gp
width = 7.0; height = 3.6
load 'figures/terminal.gp'
unset border; unset tics; unset grid
set xrange [0:10]; set yrange [0:5]
set size ratio -1
r = 0.42
# neuron centres: i1, i2, h1, h2, o1, o2
array nx[6] = [1, 1, 4.5, 4.5, 8, 8]
array ny[6] = [3.8, 1.2, 3.8, 1.2, 3.8, 1.2]
do for [k=1:6] {
    set object k circle at nx[k], ny[k] size r fc rgb (k <= 2 ? '#dbe9f6' : '#fbe3d6') fs solid border lc rgb '#333333' front
}
set label 1 'i_1' at 1, 3.8 center front
set label 2 'i_2' at 1, 1.2 center front
set label 3 'h_1' at 4.5, 3.8 center front
set label 4 'h_2' at 4.5, 1.2 center front
set label 5 'o_1' at 8, 3.8 center front
set label 6 'o_2' at 8, 1.2 center front
set label 23 'a_{h_1} = σ(h_1)' at 4.5, 4.55 center front
set label 24 'a_{h_2} = σ(h_2)' at 4.5, 0.45 center front
set label 25 'a_{o_1} = σ(o_1)' at 8, 4.55 center front
set label 26 'a_{o_2} = σ(o_2)' at 8, 0.45 center front
# weights: from node a to node b, label position t along the arrow
array wa[8] = [1, 2, 1, 2, 3, 4, 3, 4]
array wb[8] = [3, 3, 4, 4, 5, 5, 6, 6]
array wt[8] = [0.3, 0.22, 0.22, 0.3, 0.3, 0.22, 0.22, 0.3]
do for [j=1:8] {
    a = wa[j]; b = wb[j]
    dx = nx[b] - nx[a]; dy = ny[b] - ny[a]; d = sqrt(dx*dx + dy*dy)
    set arrow j from nx[a] + r*dx/d, ny[a] + r*dy/d to nx[b] - r*dx/d, ny[b] - r*dy/d head filled size 0.15,20 lc rgb '#555555' lw 1
    set label 40+j sprintf('w_%d', j) at nx[a] + wt[j]*dx, ny[a] + wt[j]*dy + 0.28 center front tc rgb '#1b6ca8'
}
set arrow 20 from 8.5, 3.8 to 9.2, 3.8 head filled size 0.15,20 lc rgb '#555555'
set arrow 21 from 8.5, 1.2 to 9.2, 1.2 head filled size 0.15,20 lc rgb '#555555'
set label 50 'E_1' at 9.35, 3.8 left front
set label 51 'E_2' at 9.35, 1.2 left front
set label 52 'E_{total} = E_1 + E_2' at 9.6, 2.5 center front rotate by 90
plot NaN notitle
