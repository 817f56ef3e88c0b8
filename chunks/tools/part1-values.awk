# A run's CSV -> "key value" lines for the prose (see book/10-excelnet.nw)
function R(name) { return row0[col[name]] + 0 }
BEGIN { FS = "," }
NR == 1 { for (c = 1; c <= NF; c++) col[$c] = c; next }
{ E = $col["E_total"] + 0
  if (NR == 2) {
      first = E
      ratio = $col["dE_dw5"] / $col["dE_dw1"]
      for (c = 2; c <= NF; c++) row0[c] = $c
  } else if (E > previous) rises++
  if (NR == 3) for (c = 2; c <= NF; c++) row1[c] = $c
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
    for (name in col) if (col[name] > 1) printf "%s.row1.%s %.7g\n", prefix, name, row1[col[name]]
    split("", q)
    q["dsig_h1"] = R("a_h1") * (1 - R("a_h1")); q["dsig_h2"] = R("a_h2") * (1 - R("a_h2"))
    q["dsig_o1"] = R("a_o1") * (1 - R("a_o1")); q["dsig_o2"] = R("a_o2") * (1 - R("a_o2"))
    q["delta_o1"] = R("dE_dw5") / R("a_h1"); q["delta_o2"] = R("dE_dw7") / R("a_h1")
    q["dE_da_o1"] = q["delta_o1"] / q["dsig_o1"]; q["dE_da_o2"] = q["delta_o2"] / q["dsig_o2"]
    q["t1"] = R("a_o1") - q["dE_da_o1"]; q["t2"] = R("a_o2") - q["dE_da_o2"]
    q["dE_da_h1_via_o1"] = q["delta_o1"] * R("w5"); q["dE_da_h1_via_o2"] = q["delta_o2"] * R("w7")
    q["dE_da_h2_via_o1"] = q["delta_o1"] * R("w6"); q["dE_da_h2_via_o2"] = q["delta_o2"] * R("w8")
    q["dE_da_h1"] = q["dE_da_h1_via_o1"] + q["dE_da_h1_via_o2"]
    q["dE_da_h2"] = q["dE_da_h2_via_o1"] + q["dE_da_h2_via_o2"]
    q["delta_h1"] = q["dE_da_h1"] * q["dsig_h1"]; q["delta_h2"] = q["dE_da_h2"] * q["dsig_h2"]
    q["i1"] = R("dE_dw1") / q["delta_h1"]; q["i2"] = R("dE_dw2") / q["delta_h1"]
    for (name in q) printf "%s.row0.%s %.6g\n", prefix, name, q[name]
    for (name in col) if (col[name] > 1) q[name] = R(name)
    for (name in q) printf "%s.fig.%s %.4g\n", prefix, name, q[name]
}
