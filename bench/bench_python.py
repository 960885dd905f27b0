#!/usr/bin/python3
"""Python module benchmarks (issue 19), not part of the test run.

    PYTHONPATH=build/python /usr/bin/python3 bench/bench_python.py [--pairs 2000] [--variants 100]

1. Per-call cost of a route from Python on the built-in eurasia network, 2000 seeded pairs by time:
   the C++ search alone (Network.route_many on one thread: one Router reused, no Python per query),
   the raw binding (the extension's route(): argument parsing, name resolution, result dicts), and
   Network.route (the Route with its DataFrames); the binding's added cost is the difference.
2. A scenario sweep of N generated variants (Dostyk-Alashankou dwell factors) over the default
   impact places: in process, and on a LocalCluster of 1 and 2 worker processes (start-up excluded).
3. The all x all matrix in origin blocks, in process and on the clusters.
"""

import argparse
import random
import statistics
import sys
import time

import numpy as np

import caravan
from caravan import distributed as cd


def pairs(net, n, seed=1):
    ids = sorted(net.places["id"])
    rng = random.Random(seed)
    return [tuple(rng.sample(ids, 2)) for _ in range(n)]


def per_call(f, ps):
    times = []
    for a, b in ps:
        t0 = time.perf_counter()
        try:
            f(a, b)
        except caravan.NoRouteError:
            pass
        times.append(time.perf_counter() - t0)
    times.sort()
    return statistics.median(times) * 1e6, times[int(0.9 * len(times))] * 1e6


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=2000)
    ap.add_argument("--variants", type=int, default=100)
    o = ap.parse_args()
    net = caravan.Network.builtin("eurasia")
    ps = pairs(net, o.pairs)
    frm, to = [a for a, _ in ps], [b for _, b in ps]
    opts = caravan._opts("time", None, None, None, None, None, 1.0, 10.0)
    net.route_many(frm, to, threads=1)  # warm up
    reps = []
    for _ in range(5):
        t0 = time.perf_counter()
        net.route_many(frm, to, threads=1)
        reps.append((time.perf_counter() - t0) / len(ps) * 1e6)
    cpp = statistics.median(reps)
    t0 = time.perf_counter()
    net.route_many(frm, to, threads=2)
    batch2 = (time.perf_counter() - t0) / len(ps) * 1e6
    raw50, raw90 = per_call(lambda a, b: net._h.route(a, b, opts), ps)
    full50, full90 = per_call(lambda a, b: net.route(a, b), ps)
    print(f"| metric | value |\n|---|---|")
    print(f"| C++ search, route_many on 1 thread: mean per query, {len(ps)} pairs | {cpp:.1f} us |")
    print(f"| route_many on 2 threads: mean per query | {batch2:.1f} us |")
    print(f"| raw binding (_caravan route, dict result): p50 / p90 per call | {raw50:.1f} / {raw90:.1f} us |")
    print(f"| Network.route (Route with DataFrames): p50 / p90 per call | {full50:.0f} / {full90:.0f} us |")
    print(f"| added by the binding (raw p50 - C++ mean) | {raw50 - cpp:.1f} us |")
    sys.stdout.flush()

    from distributed import Client, LocalCluster
    vs = cd.dwell_variants("Dostyk", "Alashankou", np.linspace(0.5, 3.0, o.variants), name="v")
    t0 = time.perf_counter()
    serial = cd.sweep(None, net, vs, progress=False)
    t_serial = time.perf_counter() - t0
    t0 = time.perf_counter()
    m_serial = cd.matrix(None, net, "all", "all", block=16, progress=False)
    tm_serial = time.perf_counter() - t0
    print(f"| sweep of {len(vs)} variants x {len(serial.pairs) // len(vs)} pairs, in process | {t_serial:.2f} s |")
    print(f"| matrix all x all ({len(m_serial)} cells) in blocks of 16, in process | {tm_serial * 1000:.0f} ms |")
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address=":0", silence_logs=40) as cluster, \
                Client(cluster) as client:
            client.run(lambda: cd.cached_network(("builtin", "eurasia")) and None)
            t0 = time.perf_counter()
            r = cd.sweep(client, net, vs, progress=False)
            t = time.perf_counter() - t0
            assert r.pairs.equals(serial.pairs)
            t0 = time.perf_counter()
            m = cd.matrix(client, net, "all", "all", block=16, progress=False)
            tm = time.perf_counter() - t0
            assert m.equals(m_serial)
            print(f"| sweep, LocalCluster {workers} worker(s) (equal to in process) | {t:.2f} s |")
            print(f"| matrix in blocks, LocalCluster {workers} worker(s) (equal) | {tm * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
