"""Batch runs of Caravan on a Dask cluster (``dask.distributed``), equal value for value to the
single-process run.

- ``sweep(client, network, scenarios, ...)``: the impact matrix of each scenario (files, Scenario
  objects or dicts of generated variants) against the same base, one task per scenario;
- ``matrix(client, network, frm, to, ...)``: a many-to-many matrix split into blocks of origins.

Pass ``client=None`` to run the same code in this process (the reference the cluster's result is
equal to). Networks and scenarios travel to the workers as their source (a built-in name, a path or
the scenario's TOML text), and each worker process loads a network once and keeps it, keyed by the
network's source and, for files, their sizes and modification times. Tasks return NumPy arrays;
nothing of Caravan's own schedules work or talks over sockets. Progress: Dask's dashboard shows the
tasks (``sweep-<name>``, ``matrix-block-<i>``); ``progress=True`` (default when stderr is a
terminal) also prints a plain line to stderr.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence, Union

import numpy as np
import pandas as pd

from . import Network, Scenario, _caravan, _load

__all__ = ["sweep", "matrix", "SweepResult", "dwell_variants", "cached_network"]

_CACHE: dict = {}
_CACHE_LOCK = threading.Lock()


def _fingerprint(source: tuple) -> tuple:
    """The network's source plus, for files, what changes when their content does."""
    if source[0] == "builtin":
        return source
    path = source[1]
    stats = []
    if os.path.isdir(path):
        for name in sorted(os.listdir(path)):
            st = os.stat(os.path.join(path, name))
            stats.append((name, st.st_size, st.st_mtime_ns))
    else:
        st = os.stat(path)
        stats.append((os.path.basename(path), st.st_size, st.st_mtime_ns))
    return source + (tuple(stats),)


def cached_network(source: tuple) -> Network:
    """The network loaded from ``source`` in this process, loaded on first use (thread-safe)."""
    key = _fingerprint(source)
    with _CACHE_LOCK:
        net = _CACHE.get(key)
        if net is None:
            net = _load(source)
            _CACHE[key] = net
        return net


def _source_of(network: Union[Network, str]) -> tuple:
    if isinstance(network, Network):
        return network._source
    if isinstance(network, str) and network in _caravan.builtin_names():
        return ("builtin", network)
    return Network.read(network)._source


def _scenario(s) -> Scenario:
    if isinstance(s, Scenario):
        return s
    if isinstance(s, dict):
        return Scenario.from_dict(s, name=str(s.get("name", "python")))
    return Scenario.read(s)


def dwell_variants(frm: str, to: str, factors: Iterable[float], *, name: str = "dwell",
                   mode: Optional[str] = None, both_directions: bool = True) -> list[dict]:
    """Generated scenarios: the border dwell from ``frm`` to ``to`` scaled by each factor (e.g.
    ``numpy.linspace(0.5, 2.5, 20)``), named ``<name>-x<factor>``."""
    out = []
    for f in factors:
        row = {"from": frm, "to": to, "dwell_factor": float(f), "both_directions": both_directions}
        if mode:
            row["mode"] = mode
        out.append({"name": f"{name}-x{float(f):g}", "change_border": [row]})
    return out


# -- scenario sweep ------------------------------------------------------------------------------

_PAIR_COLUMNS = ("km_before", "km_after", "hours_before", "hours_after", "usd_before",
                 "usd_after", "kg_co2_before", "kg_co2_after", "objective_change",
                 "objective_change_pct")


def _impact_task(source, scenario_source, base_source, places, routing, label):
    """One scenario on a worker: compact arrays, or the error by the scenario's name."""
    try:
        net = cached_network(source)
        sc = _scenario_from_source(scenario_source)
        base = None if base_source is None else _scenario_from_source(base_source)
        im = net.impact(sc, base=base, places=places, threads=1, **routing)
    except (ValueError, KeyError, LookupError) as e:
        return {"scenario": label, "error": f"{label}: {e.args[0] if e.args else e}"}
    p = im.pairs
    return {
        "scenario": im.scenario, "title": im.title, "error": None, "counts": im.counts,
        "edits": im.edits, "from_id": p["from_id"].to_numpy(dtype=object),
        "to_id": p["to_id"].to_numpy(dtype=object), "change": p["change"].to_numpy(dtype=object),
        **{c: p[c].to_numpy(dtype=np.float64) for c in _PAIR_COLUMNS},
    }


def _scenario_from_source(source):
    from . import _load_scenario
    return _load_scenario(source)


@dataclass
class SweepResult:
    """A scenario sweep: ``summary`` (one row per scenario that ran: scenario, title, the pair
    counts better/worse/unchanged/now_reachable/now_unreachable/unreachable_both), ``pairs`` (every
    pair of every scenario: scenario, from_id, to_id, change and the before/after columns of
    ``Impact.pairs``, pairs sorted by from_id, to_id within a scenario) and ``errors`` (scenario
    label -> message for the scenarios that could not run). Scenarios are in the order given."""

    summary: pd.DataFrame
    pairs: pd.DataFrame
    errors: dict


def _progress_line(done: int, total: int, what: str, enabled: bool):
    if enabled:
        sys.stderr.write(f"\r{what}: {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _progress_default(progress):
    return sys.stderr.isatty() if progress is None else bool(progress)


def _run(client, fn, args_list, keys, what, progress, on_progress):
    """Runs fn(*args) for each args, on the client or here; results in the given order."""
    show = _progress_default(progress)
    total = len(args_list)

    def report(done):
        _progress_line(done, total, what, show)
        if on_progress is not None:
            on_progress(done, total)

    if client is None:
        out = []
        for i, args in enumerate(args_list):
            out.append(fn(*args))
            report(i + 1)
        return out
    from distributed import as_completed
    futures = [client.submit(fn, *args, key=key, pure=False, retries=2)
               for args, key in zip(args_list, keys)]
    done = 0
    for _ in as_completed(futures):
        done += 1
        report(done)
    return client.gather(futures)


def sweep(client, network: Union[Network, str], scenarios: Sequence, *, base=None,
          places: Union[str, Sequence[str], None] = None, progress: Optional[bool] = None,
          on_progress=None, **routing) -> SweepResult:
    """The impact of each scenario (a TOML path, a Scenario or a dict, e.g. from
    ``dwell_variants``) on ``network`` between every pair of ``places`` (default: the Kazakh
    regional centres and main gateways), against ``base`` (default: each scenario's
    compare_against, else the network as it is), one task per scenario on ``client``
    (``client=None``: in this process). Routing keywords as ``Network.impact``. A scenario that
    fails (unknown node, bad value) is reported in ``errors`` by its name; the others finish.
    ``on_progress(done, total)`` is called as tasks finish (e.g. for a notebook progress bar)."""
    source = _source_of(network)
    base_source = None if base is None else _scenario(base)._source
    labels, sources, errors = [], [], {}
    for i, s in enumerate(scenarios):
        label = (s.get("name") if isinstance(s, dict) else
                 s.name if isinstance(s, Scenario) else os.fspath(s))
        label = str(label or f"scenario-{i}")
        try:
            sources.append(_scenario(s)._source)
            labels.append(label)
        except (ValueError, KeyError, OSError) as e:
            errors[label] = f"{label}: {e.args[0] if e.args else e}"
    args = [(source, src, base_source, places, routing, label)
            for src, label in zip(sources, labels)]
    keys = [f"sweep-{label}-{i}" for i, label in enumerate(labels)]
    results = _run(client, _impact_task, args, keys, "sweep", progress, on_progress)
    rows, frames = [], []
    for r in results:
        if r["error"] is not None:
            errors[r["scenario"]] = r["error"]
            continue
        rows.append({"scenario": r["scenario"], "title": r["title"], **r["counts"]})
        df = pd.DataFrame({"scenario": r["scenario"], "from_id": r["from_id"],
                           "to_id": r["to_id"], "change": r["change"],
                           **{c: r[c] for c in _PAIR_COLUMNS}})
        frames.append(df.sort_values(["from_id", "to_id"], kind="stable"))
    pairs = (pd.concat(frames, ignore_index=True) if frames else
             pd.DataFrame(columns=["scenario", "from_id", "to_id", "change", *_PAIR_COLUMNS]))
    return SweepResult(summary=pd.DataFrame(rows), pairs=pairs, errors=errors)


# -- many-to-many matrix in origin blocks ----------------------------------------------------------

def _matrix_task(source, origins, destinations, routing):
    net = cached_network(source)
    m = net.matrix(list(origins), list(destinations), threads=1,
                   max_cells=len(origins) * len(destinations), **routing)
    return {c: m[c].to_numpy() for c in m.columns}


def matrix(client, network: Union[Network, str], frm, to, *, block: int = 64,
           progress: Optional[bool] = None, on_progress=None, **routing) -> pd.DataFrame:
    """``Network.matrix(frm, to, ...)`` split into blocks of ``block`` origins, one task each on
    ``client`` (``client=None``: in this process); the rows are those of the single-process
    matrix, in the same order."""
    source = _source_of(network)
    net = cached_network(source)
    origins = _ids(net, frm)
    dests = _ids(net, to)
    blocks = [origins[i:i + block] for i in range(0, len(origins), max(1, int(block)))]
    args = [(source, b, dests, routing) for b in blocks]
    keys = [f"matrix-block-{i}" for i in range(len(blocks))]
    parts = _run(client, _matrix_task, args, keys, "matrix", progress, on_progress)
    df = pd.concat([pd.DataFrame(p) for p in parts], ignore_index=True)
    for col in ("transfers", "borders"):
        df[col] = df[col].astype("Int64")
    return df


def _ids(net: Network, places) -> list[str]:
    """Place ids of a set string or list, resolved as Network.matrix resolves them."""
    return list(net._h.resolve_set("frm", places))
