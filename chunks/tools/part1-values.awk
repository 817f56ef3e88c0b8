# A run's CSV -> "key value" lines for the prose (see book/10-excelnet.nw)
BEGIN { FS = "," }
NR == 1 { for (c = 1; c <= NF; c++) col[$c] = c; next }
{ E = $col["E_total"] + 0
  if (NR == 2) {
      first = E
      ratio = $col["dE_dw5"] / $col["dE_dw1"]
      for (c = 2; c <= NF; c++) row0[c] = $c
  } else if (E > previous) rises++
  if (below == "" && E < first / 100) below = $1
  if ($1 == 10) E_10 = E
  if (E > max) max = E
  previous = E; last = E; last_iter = $1 }
END {
    printf "%s.E_first %.4g\n%s.E_10 %.4g\n%s.E_last %.4g\n", prefix, first, prefix, E_10, prefix, last
    printf "%s.rises %d\n%s.E_max %.4g\n", prefix, rises, prefix, max
    printf "%s.max_over_first %.2g\n", prefix, max / first
    printf "%s.iter_1pct %s\n", prefix, below == "" ? "not within " last_iter : below
    printf "%s.lr_times_iter_1pct %s\n", prefix, below == "" ? "n/a" : sprintf("%.3g", lr * below)
    printf "%s.row0.ratio_w5_w1 %.0f\n", prefix, ratio
    for (name in col) if (col[name] > 1) printf "%s.row0.%s %.6g\n", prefix, name, row0[col[name]]
}
