# bench-conv / bench-train CSV rows -> "key value" lines (see book/31-fast-step.nw)
BEGIN { FS = "," }
FNR == 1 { next }
{ t = $3 == 1 ? "t1" : "tall"
  if ($3 > threads) threads = $3
  key = prefix "." $1 "." $2 "." t "." $4
  value[key] = sprintf(format($4), $5)
}
END { for (k in value) {
          print k, value[k]
          if (k ~ /\.t1\./) { all = k; sub(/\.t1\./, ".tall.", all); if (!(all in value)) print all, value[k] } }
      print prefix ".threads", threads }
function format(unit) {
    if (unit == "speedup" || unit == "scaling" || unit == "speedup_over_fast_conv") return "%.2f"
    if (unit == "tflop_per_epoch") return "%.2f"
    if (unit == "s_per_epoch") return "%.1f"
    if (unit == "percent_of_peak" || unit == "percent_of_step") return "%.1f"
    if (unit == "ms_per_batch") return "%.2f"
    return "%.0f" }
