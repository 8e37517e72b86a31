#!/usr/bin/env bash
# Makes a reader for HTTP read benchmarks on a running stack: a fresh user following 5 fresh authors who
# post 5 tweets each, so the reader's home feed holds 25 tweets. Prints "ID TOKEN".
#   read ID TOKEN < <(benchmarks/bench-reader.sh 8080)
#   wrk -t2 -c16 -d10s --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:8080/api/v1/users/$ID/timeline?limit=20"
set -euo pipefail
P="${1:-8080}"
signup() { curl -s -X POST -H 'Content-Type: application/json' -d "{\"handle\":\"$1\",\"displayName\":\"B\"}" http://127.0.0.1:$P/api/v1/users; }
field() { echo "$1" | sed "s/.*\"$2\":\"\\([^\"]*\\)\".*/\\1/"; }
R=$(signup rd$RANDOM); ID=$(field "$R" id); TOKEN=$(field "$R" token)
for a in 1 2 3 4 5; do
  A=$(signup au$RANDOM); AID=$(field "$A" id); AT=$(field "$A" token)
  curl -s -o /dev/null -X PUT -H "Authorization: Bearer $TOKEN" http://127.0.0.1:$P/api/v1/users/$ID/following/$AID
  for t in 1 2 3 4 5; do
    curl -s -o /dev/null -X POST -H "Authorization: Bearer $AT" -H 'Content-Type: application/json' -d "{\"text\":\"bench tweet $a $t with some words in it\"}" http://127.0.0.1:$P/api/v1/tweets
  done
done
echo "$ID $TOKEN"
