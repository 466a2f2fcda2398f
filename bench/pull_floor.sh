#!/bin/sh
# The network floor for cwbench_pull: the same forward-only pages fetched raw with curl over one HTTPS
# connection, nothing parsed. Usage: bench/pull_floor.sh [BUILD_DIR] [RECORDS] [PAGE_SIZE]
set -eu
build=${1:-build}
records=${2:-100000}
pagesize=${3:-1000}
tls="$(dirname "$0")/../tests/data/tls"
out=$(mktemp)
"$build/app/sim/cwconnector-sim" --port 0 --records "$records" \
    --tls-cert "$tls/server.pem" --tls-key "$tls/server.key" >"$out" 2>/dev/null &
sim=$!
trap 'kill $sim 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 1 300); do grep -q listening "$out" && break; sleep 0.1; done
base=$(grep -o 'https://[0-9.:]*' "$out")
auth=$(printf '%s' 'cwsim+demopublickey0001:demoprivatekey0001' | base64)
pages=$(( (records + pagesize - 1) / pagesize ))
urls=""
i=0
while [ "$i" -lt "$pages" ]; do
    urls="$urls $base/v2025_1/apis/3.0/company/companies?pageSize=$pagesize&pageId=$((i * pagesize))"
    i=$((i + 1))
done
start=$(date +%s.%N)
# shellcheck disable=SC2086
curl -s --cacert "$tls/ca.pem" -H "Authorization: Basic $auth" -H "clientId: bench" \
    -H "pagination-type: forward-only" $urls >/dev/null
end=$(date +%s.%N)
echo "curl floor: records=$records pages=$pages seconds=$(echo "$end - $start" | bc)"
