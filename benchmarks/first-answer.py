#!/usr/bin/env python3
"""Launches a server, times launch to its first 200 answer at URL (polled every 5 ms from this one
process, so the poller forks nothing while the JVM starts), reads the idle server's heap after a
full GC (jcmd) and its resident size (/proc), stops it, and prints "ms heap_mb rss_mb".

usage: first-answer.py URL LOG command...
"""
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

url, log, command = sys.argv[1], sys.argv[2], sys.argv[3:]
with open(log, "w") as out:
    start = time.monotonic()
    server = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    try:
        while True:
            if server.poll() is not None:
                sys.exit(f"server exited with {server.returncode}: see {log}")
            if time.monotonic() - start > 60:
                sys.exit(f"no answer from {url} in 60 s")
            try:
                with urllib.request.urlopen(url, timeout=1) as answer:
                    if answer.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.005)
        ms = int((time.monotonic() - start) * 1000)
        pid = str(server.pid)
        subprocess.run(["jcmd", pid, "GC.run"], capture_output=True, check=True)
        info = subprocess.run(
            ["jcmd", pid, "GC.heap_info"], capture_output=True, text=True, check=True
        ).stdout
        heap_kb = int(re.search(r"heap\s+total \d+K, used (\d+)K", info).group(1))
        with open(f"/proc/{pid}/status") as status:
            rss_kb = int(re.search(r"VmRSS:\s+(\d+)", status.read()).group(1))
        print(ms, heap_kb // 1024, rss_kb // 1024)
    finally:
        server.terminate()
        server.wait()
