-- The F1 client sync cycle (docs/SEMANTICS.md) as a wrk load: ListRecords since the last count
-- we saw, then UpdateRecords of the dataset's record with the returned SyncSessionToken and the
-- record's SyncCount. Many datasets: each wrk thread owns PER_THREAD of them and visits them in
-- turn, so a dataset comes round again only after all the thread's others: with 10,000 that is
-- seconds later, long after its last cycle ended, and no 409 should occur. One that does is counted
-- (conflicts=) and not retried; the next visit lists again.
--
--   wrk -t2 -c64 -d20s -s sync-mix.lua http://127.0.0.1:8080 -- PER_THREAD PER_IDENTITY
--
-- wrk gives Lua no per-connection state, so the response tells which dataset it answered: dataset
-- g holds one record, key "k<g>" (seed.sh writes it), and ListRecords asks from count-1 so that
-- record comes back. An answer to ListRecords queues its UpdateRecords; the next request any
-- connection of this thread sends is the oldest queued update, else a ListRecords of the next
-- dataset. Against WireMock's static stubs the same parsing runs on the same bodies.

local POOL = "us-east-1%3A11111111-2222-3333-4444-555555555555"
local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("tid", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

function init(args)
  per_thread = tonumber(args[1] or "10000")
  per_identity = tonumber(args[2] or "4")
  first = tid * per_thread
  next_dataset = 0
  queue, qhead, qtail = {}, 1, 0
  known = {}          -- dataset -> last SyncCount seen
  value = 0
  lists, updates, errors, conflicts, unparsed = 0, 0, 0, 0, 0
  headers = { ["Content-Type"] = "application/json" }
end

local function path(g)
  return "/identitypools/" .. POOL .. "/identities/us-east-1%3A00000000-0000-0000-0000-"
      .. string.format("%012d", math.floor(g / per_identity)) .. "/datasets/ds" .. (g % per_identity)
end

function request()
  if qhead <= qtail then
    local u = queue[qhead]
    queue[qhead] = nil
    qhead = qhead + 1
    value = value + 1
    local body = '{"SyncSessionToken":"' .. u.token .. '","DeviceId":"bench","RecordPatches":'
        .. '[{"Op":"replace","Key":"k' .. u.g .. '","Value":"' .. string.format("v%010d", value)
        .. '","SyncCount":' .. u.count .. ',"DeviceLastModifiedDate":1763726400.123}]}'
    return wrk.format("POST", path(u.g), headers, body)
  end
  local g = first + next_dataset
  next_dataset = (next_dataset + 1) % per_thread
  local since = (known[g] or 1) - 1
  return wrk.format("GET", path(g) .. "/records?lastSyncCount=" .. since)
end

function response(status, hdrs, body)
  if status ~= 200 then
    errors = errors + 1
    if status == 409 then conflicts = conflicts + 1 end
    return
  end
  local g, count = body:match('"Key":"k(%d+)","Value":"[^"]*","SyncCount":(%d+)')
  if not g then
    unparsed = unparsed + 1
    return
  end
  g = tonumber(g)
  local token = body:match('"SyncSessionToken":"([^"]+)"')
  if token then
    lists = lists + 1
    qtail = qtail + 1
    queue[qtail] = { g = g, token = token, count = count }
  else
    updates = updates + 1
    known[g] = tonumber(count)
  end
end

function done(summary, latency, requests)
  local l, u, e, c, p = 0, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    l = l + t:get("lists")
    u = u + t:get("updates")
    e = e + t:get("errors")
    c = c + t:get("conflicts")
    p = p + t:get("unparsed")
  end
  local s = summary.errors
  io.write(string.format(
      "RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f"
      .. " lists=%d updates=%d http_errors=%d conflicts=%d unparsed=%d socket_errors=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, l, u, e, c, p, s.connect + s.read + s.write + s.timeout))
end
