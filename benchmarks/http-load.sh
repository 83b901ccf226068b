# Shell functions the HTTP benchmarks share; sourced, with OUT, HOST, THREADS and CONNECTIONS set.
# shellcheck shell=bash

# every server started is stopped when the script ends, however it ends
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

free_port() { # the first port from $1 up that nothing on this machine listens on
  local p=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}
await() { # url pid: up to 60 s for that server process to answer
  for _ in $(seq 1 120); do
    kill -0 "$2" 2>/dev/null || { echo "server $2 for $1 exited: see $OUT/*.log" >&2; exit 1; }
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "no answer from $1" >&2
  exit 1
}

cpu_ticks() { # utime+stime of a process, in clock ticks
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

machine_ticks() { # busy clock ticks of the whole machine (user nice system irq softirq steal)
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}

children_ticks() { # pid: CPU of that shell's finished children (wrk), in clock ticks
  awk '{ print $16 + $17 }' "/proc/$1/stat"
}

# One load run; appends the CPU seconds the server, wrk and everything else on the machine used
# meanwhile. This machine may be shared: other_cpu_s well above 0 means the round was disturbed.
load() { # label port pid seconds script [url-suffix] [-- args]
  local label=$1 port=$2 pid=$3 seconds=$4 script=$5 suffix=$6
  shift 6
  local s0 m0 c0 s1 m1 c1 hz result me=$BASHPID
  hz=$(getconf CLK_TCK)
  s0=$(cpu_ticks "$pid"); m0=$(machine_ticks); c0=$(children_ticks "$me")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s -s "$script" \
      "http://$HOST:$port$suffix" "$@" > "$OUT/last-wrk.txt"
  s1=$(cpu_ticks "$pid"); m1=$(machine_ticks); c1=$(children_ticks "$me")
  result=$(grep '^RESULT' "$OUT/last-wrk.txt")
  awk -v l="$label" -v r="$result" -v s=$((s1 - s0)) -v m=$((m1 - m0)) -v c=$((c1 - c0)) -v hz="$hz" \
      'BEGIN { sub(/^RESULT /, "", r); printf "%s %s server_cpu_s=%.1f wrk_cpu_s=%.1f other_cpu_s=%.1f\n",
               l, r, s / hz, c / hz, (m - s - c) / hz }'
}

