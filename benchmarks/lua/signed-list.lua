-- ListRecords with SigV4 signatures made beforehand by sign-requests.py (wrk cannot sign), one
-- per dataset, in turn: the load of run-signed.sh, the same bytes to a mock that checks the
-- signatures and to one that does not.
--
--   wrk -t2 -c64 -d15s -s signed-list.lua http://127.0.0.1:8080 -- signed.lua

local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("tid", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

function init(args)
  dofile(args[1])
  count = #signed
  g = tid * 7919 % count
end

function request()
  g = g % count + 1
  local r = signed[g]
  return wrk.format("GET", r[1], { ["Host"] = host, ["X-Amz-Date"] = amz_date,
      ["Authorization"] = r[2] })
end


function done(summary, latency, requests)
  local s = summary.errors
  io.write(string.format(
      "RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f http_errors=%d socket_errors=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, s.status,
      s.connect + s.read + s.write + s.timeout))
end
