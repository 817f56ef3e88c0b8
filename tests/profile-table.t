#!/bin/bash
# chunks/tools/profile-table.awk on a made-up profile (book/31-fast-step.nw)
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
cat >"$tmp/bench.csv" <<'CSV'
measure,kernels,threads,unit,value
peak,fma,2,gflop_s,300
profile,layer1.forward,2,ms_per_batch,1.5
profile,layer1.forward,2,percent_of_peak,12.4
profile,layer1.backward_weights,2,ms_per_batch,2.25
profile,layer1.backward_weights,2,percent_of_peak,8.6
profile,layer1.rest_forward,2,ms_per_batch,0.5
profile,layer1.rest_backward,2,ms_per_batch,0.25
profile,layer2.rest_forward,2,ms_per_batch,0.125
profile,loss.rest_backward,2,ms_per_batch,0.3
profile,step.rest,2,ms_per_batch,1
profile,step,2,ms_per_batch,6
CSV
printf 'layer,kind,output_shape,params\n1,conv 3x3 1->16 pad 0 BN ReLU,16x26x26,176\n2,maxpool 2x2,16x13x13,0\ntotal,x,,176\n' >"$tmp/summary.csv"
out=$(awk -f chunks/tools/profile-table.awk "$tmp/bench.csv" "$tmp/summary.csv")
echo "$out" | sed 's/^/# /'
echo "$out" | grep -qxF '| 1 | conv 3x3 1->16 pad 0 BN ReLU | 1.50 ms, 12 % | – | 2.25 ms, 9 % | 0.75 ms |'
ok $? "a convolution's row: forward and weight gradient with their share of the peak, no input gradient, the rest summed"
echo "$out" | grep -qxF '| 2 | maxpool 2x2 | – | – | – | 0.12 ms |'
ok $? "a pooling layer has only the rest"
echo "$out" | grep -qxF '| | **the step** | | | | **6.00 ms** |' && echo "$out" | grep -qF 'the batch, the update, the count | | | | 1.00 ms |'
ok $? "the step and what no layer's clock saw"
[ "$(echo "$out" | wc -l)" = 7 ]; ok $? "a header, a rule, two layers and three closing rows"
echo "1..$n"
