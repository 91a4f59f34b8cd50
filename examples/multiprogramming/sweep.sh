#!/usr/bin/env bash
# The multiprogramming model of Tanenbaum Fig. 2-6: CPU utilization with n processes that each wait for
# I/O a fraction p of the time, simulated (one CPU per process, as the model's independence assumes) and
# by the formula 1 - p^n. Prints a Markdown table. Usage: sweep.sh [cycles per process, default 100000]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cycles="${1:-100000}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
echo "| p | n | simulated | 1 - p^n | difference |"
echo "|---|---|---|---|---|"
for p in 0.2 0.5 0.8; do
  for n in 1 2 3 4 5 6 7 8 9 10; do
    cpu=$(python3 -c "print(round(10*(1-$p), 3))")
    io=$(python3 -c "print(round(10*$p, 3))")
    cat > "$dir/w.yaml" <<YAML
name: multiprogramming
machine: { cpus: $n }
generate:
  - { name: p, count: $n, cycles: $cycles, cpu: exp(${cpu}ms), io: exp(${io}ms) }
YAML
    sim=$("$root/osim" run "$dir/w.yaml" -s fcfs --format json | python3 -c "import json,sys; print(json.load(sys.stdin)['runs'][0]['summary']['anyCpuBusy'])")
    python3 -c "
p, n, sim = $p, $n, $sim
model = 1 - p ** n
print(f'| {p} | {n} | {sim:.4f} | {model:.4f} | {100 * (sim - model) / model:+.2f}% |')"
  done
done
