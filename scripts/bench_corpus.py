#!/usr/bin/env python3
"""Helpers for scripts/bench.sh (standard library only).

  bench_corpus.py articles SRCDIR... --out DIR [--n 1000] [--size 5000] [--seed 1]
      DIR/a0000.md ... : N articles of about SIZE bytes, each stitched from
      paragraphs of the eval articles (numbers varied), DIR/../corpus.txt:
      all of them concatenated (for grep), DIR/../one.md: one article.
  bench_corpus.py geonames10x SRC.gz OUT [--times 10]
      SRC repeated TIMES times, ids shifted by 100,000,000 per copy.
  bench_corpus.py hyperfine JSON...
      median, min, max (seconds) of each command in hyperfine --export-json files.
  bench_corpus.py query --cmd CMD --names FILE [--n 1000]
      latency of N `CMD query NAME` processes: median and 99th percentile (ms).
  bench_corpus.py shell --cmd CMD --names FILE [--n 1000]
      N queries through one `CMD shell` on stdin: total and mean per query (ms).
  bench_corpus.py rss FILE
      peak RSS in MB from a /usr/bin/time -v log.
  bench_corpus.py ndjson-files SRC.ndjson --out DIR [--n 1000]
      the first N {"id","text"} lines of SRC as DIR/ID.txt, one article a
      file; prints the number written.
  bench_corpus.py cpu --runs N CMD... -- CMD...
      user+sys CPU seconds of each command (output discarded), the commands
      run in turn N times so that a busy spell hits each alike: median,
      min and max of each, one line per command.
"""
import gzip
import json
import os
import random
import re
import shlex
import statistics
import subprocess
import sys
import time


def paragraphs(dirs):
    out = []
    for d in dirs:
        for root, _, files in os.walk(d):
            for f in sorted(files):
                if not f.endswith((".md", ".txt")):
                    continue
                text = open(os.path.join(root, f), encoding="utf-8").read()
                for p in re.split(r"\n\s*\n", text):
                    p = p.strip()
                    if len(p) > 60 and not p.startswith("#"):
                        out.append(p)
    return out


def cmd_articles(argv):
    import argparse
    ap = argparse.ArgumentParser(prog="bench_corpus.py articles")
    ap.add_argument("src", nargs="+")
    ap.add_argument("--out", required=True)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--size", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    rnd = random.Random(a.seed)
    paras = paragraphs(a.src)
    if not paras:
        raise SystemExit("no paragraphs found")
    os.makedirs(a.out, exist_ok=True)
    parent = os.path.dirname(os.path.abspath(a.out))
    total = 0
    with open(os.path.join(parent, "corpus.txt"), "w", encoding="utf-8") as cat:
        for i in range(a.n):
            parts = [f"# Bulletin {i + 1}"]
            size = 0
            while size < a.size:
                p = rnd.choice(paras)
                p = re.sub(r"\d+", lambda m: str(rnd.randint(2, 999)), p)
                parts.append(p)
                size += len(p.encode()) + 2
            text = "\n\n".join(parts) + "\n"
            with open(os.path.join(a.out, f"a{i:04d}.md"), "w", encoding="utf-8") as f:
                f.write(text)
            if i == 0:
                with open(os.path.join(parent, "one.md"), "w", encoding="utf-8") as f:
                    f.write(text)
            cat.write(text)
            total += len(text.encode())
    print(total)


def cmd_geonames10x(argv):
    src, out = argv[0], argv[1]
    times = int(argv[3]) if len(argv) > 3 and argv[2] == "--times" else 10
    rows = 0
    with gzip.open(src, "rb") as f:
        data = f.read().split(b"\n")
    with open(out, "wb") as o:
        for k in range(times):
            shift = k * 100_000_000
            for line in data:
                if not line:
                    continue
                tab = line.find(b"\t")
                o.write(str(int(line[:tab]) + shift).encode() + line[tab:] + b"\n")
                rows += 1
    print(rows)


def cmd_hyperfine(argv):
    for path in argv:
        doc = json.load(open(path))
        for r in doc["results"]:
            t = r["times"]
            print(f"{statistics.median(t):.6f} {min(t):.6f} {max(t):.6f} {len(t)}")


def read_names(path, n):
    names = [l.strip() for l in open(path, encoding="utf-8") if l.strip()]
    rnd = random.Random(7)
    return [rnd.choice(names) for _ in range(n)]


def opt(argv, name, default=None):
    if name in argv:
        return argv[argv.index(name) + 1]
    return default


def cmd_query(argv):
    cmd = shlex.split(opt(argv, "--cmd"))
    names = read_names(opt(argv, "--names"), int(opt(argv, "--n", "1000")))
    lat = []
    for nm in names:
        t0 = time.perf_counter()
        subprocess.run(cmd + ["query", nm], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        lat.append((time.perf_counter() - t0) * 1000)
    lat.sort()
    p99 = lat[min(len(lat) - 1, int(round(0.99 * len(lat))) - 1)]
    print(f"{statistics.median(lat):.2f} {p99:.2f} {lat[0]:.2f} {lat[-1]:.2f}")


def cmd_shell(argv):
    cmd = shlex.split(opt(argv, "--cmd"))
    names = read_names(opt(argv, "--names"), int(opt(argv, "--n", "1000")))
    script = "".join(f"{nm}\n" for nm in names).encode()
    t0 = time.perf_counter()
    p = subprocess.run(cmd + ["shell"], input=script, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    full = time.perf_counter() - t0
    t0 = time.perf_counter()
    subprocess.run(cmd + ["shell"], input=b"", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    empty = time.perf_counter() - t0
    per = (full - empty) * 1000 / max(1, len(names))
    print(f"{full * 1000:.1f} {per:.3f} {p.returncode}")


def cmd_rss(argv):
    for line in open(argv[0], errors="replace"):
        if "Maximum resident set size" in line:
            print(f"{int(line.split(':')[1]) / 1024:.1f}")
            return
    print("-")


def cmd_ndjson_files(argv):
    src, out, n = argv[0], opt(argv, "--out"), int(opt(argv, "--n", "1000"))
    os.makedirs(out, exist_ok=True)
    done = 0
    with open(src, encoding="utf-8") as f:
        for line in f:
            if done >= n:
                break
            if not line.strip():
                continue
            doc = json.loads(line)
            name = re.sub(r"[^A-Za-z0-9_.-]", "_", str(doc["id"]))
            with open(os.path.join(out, name + ".txt"), "w", encoding="utf-8") as o:
                o.write(doc["text"])
            done += 1
    print(done)


def cpu_of(cmd):
    """user+sys seconds of one run of CMD (its children included)."""
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen(cmd, stdout=null, stderr=null)
        _, _, ru = os.wait4(p.pid, 0)
    return ru.ru_utime + ru.ru_stime


def cmd_cpu(argv):
    runs = int(opt(argv, "--runs", "5"))
    rest = argv[argv.index("--runs") + 2:] if "--runs" in argv else argv
    cmds, cur = [], []
    for a in rest:
        if a == "--":
            cmds.append(cur)
            cur = []
        else:
            cur.append(a)
    cmds.append(cur)
    times = [[] for _ in cmds]
    for _ in range(runs):
        for k, c in enumerate(cmds):
            times[k].append(cpu_of(c))
    for t in times:
        print(f"{statistics.median(t):.6f} {min(t):.6f} {max(t):.6f} {len(t)}")


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    sub, argv = sys.argv[1], sys.argv[2:]
    fn = {"articles": cmd_articles, "geonames10x": cmd_geonames10x, "hyperfine": cmd_hyperfine,
          "query": cmd_query, "shell": cmd_shell, "rss": cmd_rss,
          "ndjson-files": cmd_ndjson_files, "cpu": cmd_cpu}.get(sub)
    if fn is None:
        raise SystemExit(__doc__)
    fn(argv)


if __name__ == "__main__":
    main()
