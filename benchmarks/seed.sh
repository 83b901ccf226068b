#!/usr/bin/env bash
# Writes a state document (README "Admin API") with DATASETS datasets, PER_IDENTITY per identity:
# dataset g is identity us-east-1:00000000-0000-0000-0000-<g/PER_IDENTITY, 12 digits>, name
# ds<g%PER_IDENTITY>, holding one record k<g> = v0000000000. lua/*.lua use the same names.
#   benchmarks/seed.sh DATASETS PER_IDENTITY > seed.json
set -euo pipefail
datasets=${1:?DATASETS}
per_identity=${2:?PER_IDENTITY}
awk -v n="$datasets" -v per="$per_identity" 'BEGIN {
  printf "{\"identityPools\":[{\"identityPoolId\":\"us-east-1:11111111-2222-3333-4444-555555555555\",\"identities\":["
  identities = int((n + per - 1) / per)
  for (i = 0; i < identities; i++) {
    printf "%s{\"identityId\":\"us-east-1:00000000-0000-0000-0000-%012d\",\"datasets\":[", (i ? "," : ""), i
    for (d = 0; d < per && i * per + d < n; d++) {
      g = i * per + d
      printf "%s{\"datasetName\":\"ds%d\",\"records\":[{\"key\":\"k%d\",\"value\":\"v0000000000\"}]}", (d ? "," : ""), d, g
    }
    printf "]}"
  }
  printf "]}]}\n"
}'
