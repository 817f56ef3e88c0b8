# bench-train CSV + mnistnet summary CSV -> the profile as a Markdown table (see book/31-fast-step.nw)
BEGIN { FS = "," }
FNR == 1 { file++; next }
file == 1 && $1 == "profile" { dot = index($2, ".")
                               what = dot ? substr($2, 1, dot - 1) : $2
                               pass = dot ? substr($2, dot + 1) : ""
                               sub(/^layer/, "", what)
                               v[what "." pass "." $4] = $5 }
file == 2 && $1 ~ /^[0-9]+$/ { kind[$1] = $2; if ($1 > layers) layers = $1 }
END { print "| layer | kind | forward | input gradient | weight gradient | the rest of the layer |"
      print "|---:|:--|---:|---:|---:|---:|"
      for (l = 1; l <= layers; l++)
          printf "| %d | %s | %s | %s | %s | %s |\n", l, kind[l], conv(l, "forward"), conv(l, "backward_data"),
                 conv(l, "backward_weights"), ms(v[l ".rest_forward.ms_per_batch"] + v[l ".rest_backward.ms_per_batch"])
      printf "| | loss, and zeroing the gradients | | | | %s |\n", ms(v["loss.rest_forward.ms_per_batch"] + v["loss.rest_backward.ms_per_batch"])
      printf "| | the batch, the update, the count | | | | %s |\n", ms(v["step.rest.ms_per_batch"])
      printf "| | **the step** | | | | **%s** |\n", ms(v["step..ms_per_batch"]) }
function ms(x) { return sprintf("%.2f ms", x) }
function conv(l, pass,    key) {
    key = l "." pass
    if (!((key ".ms_per_batch") in v))
        return "–"
    return sprintf("%s, %.0f %%", ms(v[key ".ms_per_batch"]), v[key ".percent_of_peak"])
}
