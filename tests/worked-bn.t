#!/bin/bash
# worked-bn: the worked example of batch norm adds up (book/22-batchnorm.nw)
bin=${BIN:-build/bin}
"$bin/worked-bn" | awk '
    function abs(a) { return a < 0 ? -a : a }
    function ok(cond, what) { n++; printf "%s %d - %s\n", cond ? "ok" : "not ok", n, what; if (!cond) bad = 1 }
    { v[$1] = $2 }
    END {
        p = "worked.bn."
        for (i = 0; i < 4; i++) {
            a = v[p "path.xhat." i]; b = v[p "path.var." i]; c = v[p "path.mean"]; d = v[p "dx." i]
            ok(d != "" && abs(a + b + c - d) <= 1e-5 * (abs(a) + abs(b) + abs(c)),
               "dx_" i ": shares " a " + " b " + " c " = " a + b + c ", bn_backward gives " d)
        }
        ok(v[p "sum_dx"] != "" && abs(v[p "sum_dx"]) < 1e-6, "sum of dx in float: " v[p "sum_dx"])
        ok(v[p "sum_xhat_dx"] != "" && abs(v[p "sum_xhat_dx"]) < 1e-6, "sum of xhat dx in float: " v[p "sum_xhat_dx"])
        print "1.." n
        exit bad
    }'
