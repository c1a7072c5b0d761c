"""The load test behind `make bench-serve` (scripts/bench_serve.sh).

Sends N requests (default 2,000) from C concurrent clients (default 16),
each on its own keep-alive connection, to POST /api/v1/check on a
placecheck serve running on loopback, cycling through the articles given.
Bounded: every request has a time-out and the run stops after N.  Samples
the server's resident memory every REQUESTS/8 answers to show whether it
stays flat.  Prints one JSON object with the figures."""
import argparse
import http.client
import json
import os
import threading
import time

ap = argparse.ArgumentParser()
ap.add_argument("--port", type=int, required=True)
ap.add_argument("--pid", type=int, required=True)
ap.add_argument("--requests", type=int, default=2000)
ap.add_argument("--clients", type=int, default=16)
ap.add_argument("articles", nargs="+")
args = ap.parse_args()

FMT = {"md": "markdown", "html": "html", "htm": "html", "txt": "text"}
bodies = []
for p in args.articles:
    ext = p.rsplit(".", 1)[-1]
    bodies.append(json.dumps({"text": open(p, encoding="utf-8").read(), "format": FMT.get(ext, "text"),
                              "name": os.path.basename(p)}).encode())


def rss_kb(pid):
    out = {}
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            k, _, v = line.partition(":")
            if k in ("VmRSS", "VmHWM"):
                out[k] = int(v.split()[0])
    return out


lock = threading.Lock()
next_i = 0
done = 0
lat = []
errors = []
samples = []
step = max(1, args.requests // 8)


def client():
    global next_i, done
    conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
    while True:
        with lock:
            if next_i >= args.requests:
                break
            i = next_i
            next_i += 1
        body = bodies[i % len(bodies)]
        t0 = time.perf_counter()
        try:
            conn.request("POST", "/api/v1/check", body, {"Content-Type": "application/json"})
            r = conn.getresponse()
            data = r.read()
            ok = r.status == 200 and data.startswith(b'{"file":')
            err = None if ok else "HTTP %d %r" % (r.status, data[:100])
        except Exception as e:  # a refused or dropped connection counts as an error
            err = repr(e)
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
        dt = time.perf_counter() - t0
        with lock:
            lat.append(dt)
            if err:
                errors.append(err)
            done += 1
            if done % step == 0:
                samples.append((done, rss_kb(args.pid)["VmRSS"]))
    conn.close()


before = rss_kb(args.pid)
t0 = time.perf_counter()
threads = [threading.Thread(target=client) for _ in range(args.clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
wall = time.perf_counter() - t0
after = rss_kb(args.pid)
lat.sort()


def pct(p):
    return lat[min(len(lat) - 1, int(p / 100 * len(lat)))] * 1000


print(json.dumps({
    "requests": len(lat), "clients": args.clients, "errors": len(errors), "first_errors": errors[:3],
    "wall_s": wall, "throughput_rps": len(lat) / wall,
    "p50_ms": pct(50), "p90_ms": pct(90), "p99_ms": pct(99), "max_ms": lat[-1] * 1000,
    "rss_before_kb": before["VmRSS"], "rss_after_kb": after["VmRSS"], "peak_rss_kb": after["VmHWM"],
    "rss_samples_kb": samples, "articles": len(bodies),
    "bytes_per_request": sum(len(b) for b in bodies) / len(bodies),
}))
