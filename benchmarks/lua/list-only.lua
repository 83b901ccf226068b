-- ListRecords only, over a fixed set of datasets, answers not read: the sustained load of the
-- memory run (run-rss.sh). Nothing is written, so the mock's state does not grow. Given a file
-- that sign-requests.py wrote instead, it sends those SigV4-signed requests in turn (wrk cannot
-- sign): the load of run-signed.sh.
--
--   wrk -t2 -c64 -d15s -s list-only.lua http://127.0.0.1:8080 -- DATASETS PER_IDENTITY
--   wrk -t2 -c64 -d15s -s list-only.lua http://127.0.0.1:8080 -- signed.lua

local POOL = "us-east-1%3A11111111-2222-3333-4444-555555555555"
local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("tid", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

function init(args)
  if args[1] and args[1]:match("%.lua$") then
    dofile(args[1]) -- sets host, amz_date and signed: {path, authorization} per dataset
    datasets = #signed
  else
    datasets = tonumber(args[1] or "2000")
    per_identity = tonumber(args[2] or "4")
  end
  g = tid * 7919 % datasets
end

function request()
  g = (g + 1) % datasets
  if signed then
    local r = signed[g + 1]
    return wrk.format("GET", r[1], { ["Host"] = host, ["X-Amz-Date"] = amz_date,
        ["Authorization"] = r[2] })
  end
  return wrk.format("GET", "/identitypools/" .. POOL
      .. "/identities/us-east-1%3A00000000-0000-0000-0000-"
      .. string.format("%012d", math.floor(g / per_identity)) .. "/datasets/ds" .. (g % per_identity)
      .. "/records?lastSyncCount=0")
end

function done(summary, latency, requests)
  local s = summary.errors
  io.write(string.format(
      "RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f http_errors=%d socket_errors=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, s.status,
      s.connect + s.read + s.write + s.timeout))
end
