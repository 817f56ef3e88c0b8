# Shared by every figure: the caller sets fmt ('svg' or 'pdf') and out.
# SVG for the HTML book, vector PDF (cairo) for the printed one.
if (!exists("fmt") || !exists("out")) { print "figures: set fmt and out with -e"; exit status 2 }
if (!exists("width")) width = 7.0
if (!exists("height")) height = 4.2
if (fmt eq 'svg') {
    set terminal svg size width*100, height*100 dynamic enhanced font 'Helvetica,14' linewidth 1.5 background rgb 'white'
} else {
    set terminal pdfcairo size width*0.75 in, height*0.75 in enhanced font 'Helvetica,9' linewidth 1.2
}
set output out
set datafile separator ','
set style line 1 lc rgb '#1b6ca8' lw 2
set style line 2 lc rgb '#d1495b' lw 2
set style line 3 lc rgb '#66a182' lw 2
set style line 4 lc rgb '#edae49' lw 2
set style line 5 lc rgb '#8e6c8a' lw 2
set style line 6 lc rgb '#2e4057' lw 2
set style line 7 lc rgb '#00798c' lw 2
set style line 8 lc rgb '#a0a0a0' lw 2
set grid lc rgb '#dddddd'
set key noautotitle
