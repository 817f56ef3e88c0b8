#!/bin/bash
# worked-loss: the worked example of the loss and of one SGD step adds up (book/24-loss-and-sgd.nw)
bin=${BIN:-build/bin}
"$bin/worked-loss" | awk '
    function abs(a) { return a < 0 ? -a : a }
    function near(a, b) { return a != "" && b != "" && abs(a - b) <= 1e-5 * (abs(a) + abs(b)) + 1e-12 }
    function ok(cond, what) { n++; printf "%s %d - %s\n", cond ? "ok" : "not ok", n, what; if (!cond) bad = 1 }
    { v[$1] = $2 }
    END {
        p = "worked.loss."; sum = 0
        for (k = 0; k < 4; k++) {
            ok(near(v[p "dz." k], v[p "p." k] - v[p "onehot." k]), "dz_" k " = p_" k " - onehot_" k ": " v[p "dz." k])
            sum += v[p "p." k]
        }
        ok(near(sum, 1), "the probabilities sum to " sum)
        ok(near(v[p "loss"], -v[p "logp.t"]), "loss " v[p "loss"] " = -log p_t")
        p = "worked.loss.sgd."
        ok(near(v[p "v1"], v[p "momentum"] * v[p "v0"] + v[p "g"] + v[p "weight_decay"] * v[p "w0"]),
           "v1 = momentum v0 + g + weight_decay w0 = " v[p "v1"])
        ok(near(v[p "w1"], v[p "w0"] - v[p "lr"] * v[p "v1"]), "w1 = w0 - lr v1 = " v[p "w1"])
        ok(near(v[p "w1_nesterov"], v[p "w0"] - v[p "lr"] * (v[p "g_decayed"] + v[p "momentum"] * v[p "v1"])),
           "Nesterov: w1 = w0 - lr (g + weight_decay w0 + momentum v1) = " v[p "w1_nesterov"])
        print "1.." n
        exit bad
    }'
