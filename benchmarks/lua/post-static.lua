-- One POST, the same every time: the plain static-stub load, for calibrating the machine against
-- WireMock alone (no parsing, no Lua per request beyond wrk's own).
--
--   wrk -t2 -c64 -d20s -s post-static.lua http://127.0.0.1:8081/static

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"SyncSessionToken":"H4sIAAAAAAAA","DeviceId":"bench","RecordPatches":[{"Op":"replace",'
    .. '"Key":"k0","Value":"v0000000001","SyncCount":1,"DeviceLastModifiedDate":1763726400.123}]}'

function done(summary, latency, requests)
  local s = summary.errors
  io.write(string.format(
      "RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f"
      .. " http_errors=%d socket_errors=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, s.status, s.connect + s.read + s.write + s.timeout))
end
