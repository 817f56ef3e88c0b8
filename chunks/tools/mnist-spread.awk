# layer tables + training logs of several seeds -> the spread table or its values (see book/29-mnist-results.nw)
# usage: awk -v emit=csv|values [-v prefix=P] [-v spread_seeds="2 3"] -f mnist-spread.awk SUMMARY.csv... LOG.csv...
BEGIN {
    FS = ","; target = 9940; nb = "\302\240"
    if (emit != "csv" && emit != "values")
        fail("emit must be 'csv' or 'values', not '" emit "'")
}
FNR == 1 { seen[FILENAME] = 1
           if ($0 == "layer,kind,output_shape,params") {
               kind = "summary"
           } else if ($1 == "epoch") {
               kind = "log"
               r = ++nruns
               file[r] = FILENAME
               sec_col = acc_col = 0
               for (c = 1; c <= NF; c++) {
                   if ($c == "seconds") sec_col = c
                   if ($c == "test_acc") acc_col = c
               }
               if (!sec_col || !acc_col)
                   fail(FILENAME ": the log has no seconds or no test_acc column")
               meta = FILENAME ".meta"
               split("", setting)
               while ((got = (getline line < meta)) > 0) {
                   split(line, kv, " ")
                   setting[kv[1]] = kv[2]
               }
               close(meta)
               if (got < 0)
                   fail(meta ": cannot read the run's settings (mnistnet train writes them beside its log)")
               for (k = split("arch seed epochs batch train_images", need, " "); k > 0; k--)
                   if (!(need[k] in setting))
                       fail(meta ": no '" need[k] "' line")
               arch[r] = setting["arch"]; seed[r] = setting["seed"] + 0; planned[r] = setting["epochs"] + 0
               batch[r] = setting["batch"]; images[r] = setting["train_images"]
           } else {
               fail(FILENAME ": neither a layer table (mnistnet summary) nor a training log (mnistnet train --log)")
           }
           next }
kind == "summary" && $1 == "total" { name = $2
                                     sub(/^network '/, "", name)
                                     sub(/'.*/, "", name)
                                     if (!(name in params))
                                         net[++nnets] = name
                                     params[name] = $4 }
kind == "log" && $1 ~ /^[0-9]+$/ { rows[r]++
                                   seconds[r] += $sec_col
                                   acc = int($acc_col * 10000 + 0.5)
                                   final[r] = acc
                                   if (rows[r] == 1 || acc > best[r]) { best[r] = acc; best_epoch[r] = $1 }
                                   if (!(r in reached) && acc >= target) { reached[r] = $1; time_to[r] = seconds[r] } }
END {
    if (failed)
        exit 1
    for (k = 1; k < ARGC; k++)
        if (ARGV[k] !~ /=/ && !(ARGV[k] in seen))
            fail(ARGV[k] ": an empty file")
    if (nruns == 0)
        fail("no training logs among the inputs")
    for (r = 1; r <= nruns; r++) {
        if (!(arch[r] in params))
            fail(file[r] ": network '" arch[r] "' has no layer table among the inputs")
        if (rows[r] != planned[r])
            fail(file[r] ": " rows[r] " of the run's " planned[r] " epochs: an unfinished run (resume it, or remove the log)")
    }
    for (r = 1; r <= nruns; r++) {
        a = arch[r]
        if (count[a] > 0 && settings(r) != settings(run[a, 1]))
            fail(file[r] ": " settings(r) ", but " file[run[a, 1]] ": " settings(run[a, 1]) \
                 "; the runs of one network must share their settings (remove the old log, or make spread again)")
        for (i = ++count[a]; i > 1 && seed[run[a, i - 1]] > seed[r]; i--)
            run[a, i] = run[a, i - 1]
        run[a, i] = r
        if (i > 1 && seed[run[a, i - 1]] == seed[r])
            fail(file[r] " and " file[run[a, i - 1]] " are both seed " seed[r] " of network '" a "'")
        has[a, seed[r]] = 1
    }
    for (k = 1; k <= nnets; k++)
        if (count[net[k]] == 0)
            fail("network '" net[k] "' has a layer table but no training log")
    if (emit == "csv") {
        print "network,seed,params,epochs,99.4 % at epoch (s),best % (epoch),final %,s/epoch"
        for (k = 1; k <= nnets; k++) {
            a = net[k]
            for (i = 1; i <= count[a]; i++) {
                q = run[a, i]
                printf "%s,%d,%d,%d,%s,%.2f (%d),%.2f,%.1f\n", a, seed[q], params[a], rows[q],
                       (q in reached) ? sprintf("%d" nb "(%.1f" nb "s)", reached[q], time_to[q]) : "—",
                       best[q] / 100, best_epoch[q], final[q] / 100, seconds[q] / rows[q]
            }
            printf "%s,%s,%d,,%s,%s,%s,%s\n", a, count[a] == 1 ? "1" nb "seed" : "mean" nb "±" nb "sd", params[a],
                   tally(a, "reached"), spread(a, "best", "%.2f"), spread(a, "final", "%.2f"), spread(a, "s/epoch", "%.1f")
        }
    } else {
        for (k = 1; k <= nnets; k++) {
            a = net[k]; p = prefix "." a
            printf "%s.seeds %d\n%s.seed_list %s\n", p, count[a], p, seed_list(a)
            printf "%s.final_mean %.2f\n%s.final_sd %s\n", p, mean(a, "final"), p, sd_or_none(a, "final", "%.2f")
            printf "%s.final_min %.2f\n%s.final_max %.2f\n", p, extreme(a, -1), p, extreme(a, 1)
            printf "%s.best_mean %.2f\n%s.best_sd %s\n", p, mean(a, "best"), p, sd_or_none(a, "best", "%.2f")
            printf "%s.seconds_mean %.1f\n%s.seconds_sd %s\n", p, mean(a, "s/epoch"), p, sd_or_none(a, "s/epoch", "%.1f")
            printf "%s.reached %s\n%s.final_at_target %s\n", p, tally(a, "reached"), p, tally(a, "final")
            if (count[a] == 1)
                printf "%s.final %.2f %% from one seed, with no spread to show\n", p, mean(a, "final")
            else
                printf "%s.final %.2f ± %.2f %% over %d seeds (lowest %.2f %%)\n", p, mean(a, "final"), sd(a, "final"),
                       count[a], extreme(a, -1)
        }
        printf "%s.runs %d\n%s.holds %s\n", prefix, nruns, prefix, holds()
    }
}
function fail(msg) {
    print "mnist-spread: " msg > "/dev/stderr"
    failed = 1
    exit 1
}
function settings(q) {
    return planned[q] " epochs, batch " batch[q] ", " images[q] " training images"
}
function quantity(q, what) {
    return what == "best" ? best[q] / 100 : what == "final" ? final[q] / 100 : seconds[q] / rows[q]
}
function mean(a, what,    i, sum) {
    for (i = 1; i <= count[a]; i++)
        sum += quantity(run[a, i], what)
    return sum / count[a]
}
function sd(a, what,    i, m, d, sum) {
    m = mean(a, what)
    for (i = 1; i <= count[a]; i++) {
        d = quantity(run[a, i], what) - m
        sum += d * d
    }
    return sqrt(sum / (count[a] - 1))
}
function spread(a, what, fmt) {
    if (count[a] == 1)
        return sprintf(fmt, mean(a, what))
    return sprintf(fmt nb "±" nb fmt, mean(a, what), sd(a, what))
}
function tally(a, how,    i, n) {
    for (i = 1; i <= count[a]; i++)
        n += how == "reached" ? (run[a, i] in reached) : final[run[a, i]] >= target
    return n " of " count[a]
}
function sd_or_none(a, what, fmt) {
    return count[a] == 1 ? "none (1 seed)" : sprintf(fmt, sd(a, what))
}
function extreme(a, sign,    i, x, e) {
    for (i = 1; i <= count[a]; i++) {
        x = final[run[a, i]] / 100
        if (i == 1 || sign * x > sign * e)
            e = x
    }
    return e
}
function holds(    k, key, g, ngroups, text, want, nwant, w, miss, nmiss) {
    for (k = 1; k <= nnets; k++) {
        key = seed_list(net[k])
        if (!(key in members))
            group[++ngroups] = key
        members[key] = members[key] (members[key] == "" ? "" : SUBSEP) net[k]
    }
    for (g = 1; g <= ngroups; g++)
        text = text (g > 1 ? "; " : "") seeds_called(group[g]) " of " \
               (ngroups == 1 && nnets > 1 ? "every network" : and_list(members[group[g]], SUBSEP))
    nwant = split(spread_seeds, want, " ")
    for (w = 1; w <= nwant; w++)
        for (k = 1; k <= nnets; k++)
            if (!((net[k], want[w] + 0) in has)) {
                miss = miss (nmiss++ ? " " : "") want[w]
                break
            }
    if (nmiss)
        text = text "; make spread adds " seeds_called(and_list(miss, " "))
    return text
}
function seed_list(a,    i, s) {
    for (i = 1; i <= count[a]; i++)
        s = s (i > 1 ? " " : "") seed[run[a, i]]
    return and_list(s, " ")
}
function and_list(s, sep,    item, n, i, out) {
    n = split(s, item, sep)
    for (i = 1; i <= n; i++)
        out = out (i == 1 ? "" : i == n ? " and " : ", ") item[i]
    return out
}
function seeds_called(list) {
    return (list ~ / / ? "seeds " : "seed ") list
}
