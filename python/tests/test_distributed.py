"""caravan.distributed on a LocalCluster: a sweep of generated scenario variants and a matrix in
origin blocks equal the single-process run value for value; a bad scenario is reported by name."""

import os

import numpy as np
import pandas as pd
import pytest

import caravan
from caravan import distributed as cd

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    # Two workers on loopback, started by the test; no dashboard (the port may be taken).
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=":0",
                                       silence_logs=40)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def variants():
    # 22 variants: the Dostyk–Alashankou dwell from 0.5x to 2.6x, and two project years.
    vs = cd.dwell_variants("Dostyk", "Alashankou", np.round(np.linspace(0.5, 2.6, 20), 3),
                           name="dostyk-dwell")
    vs += [{"name": f"projects-{y}", "projects": {"year": y}} for y in (2027, 2030)]
    return vs


# Kazakh centres and gateways with China's side of the Dostyk border, so that its dwell counts.
PLACES = "centres:KZ,Dostyk,Altynkol,Aktau,Alashankou,Urumqi,Lianyungang"


def test_sweep_equals_serial(eurasia, client):
    vs = variants()
    serial = cd.sweep(None, eurasia, vs, places=PLACES, progress=False)
    dist = cd.sweep(client, eurasia, vs, places=PLACES, progress=False)
    assert serial.errors == {} and dist.errors == {}
    assert len(serial.summary) == len(vs) >= 20
    pd.testing.assert_frame_equal(serial.summary, dist.summary)
    pd.testing.assert_frame_equal(serial.pairs, dist.pairs)
    # And the sweep is Network.impact, scenario by scenario.
    one = eurasia.impact(caravan.Scenario.from_dict(vs[3]), places=PLACES)
    got = dist.pairs[dist.pairs["scenario"] == vs[3]["name"]]
    want = one.pairs.sort_values(["from_id", "to_id"], kind="stable")
    np.testing.assert_array_equal(got["hours_after"].to_numpy(), want["hours_after"].to_numpy())
    # The dwell matters: doubling it makes some pairs worse than halving it.
    s = dist.summary.set_index("scenario")
    assert s.loc["dostyk-dwell-x2.6", "worse"] > s.loc["dostyk-dwell-x0.5", "worse"]


def test_bad_scenario_reported_by_name_while_the_rest_finish(eurasia, client, source_dir):
    good = os.path.join(source_dir, "data", "eurasia", "scenarios", "center-west-highway.toml")
    vs = [good, {"name": "broken", "close_link": [{"id": "no_such_link"}]},
          {"name": "half-dwell", "change_border": [{"from": "Dostyk", "to": "Alashankou",
                                                    "dwell_factor": 0.5}]}]
    r = cd.sweep(client, eurasia, vs, progress=False)
    assert list(r.errors) == ["broken"]
    assert "no_such_link" in r.errors["broken"]
    assert list(r.summary["scenario"]) == ["center-west-highway", "half-dwell"]


def test_matrix_blocks_equal_single_process(eurasia, client):
    want = eurasia.matrix("all", "centres:KZ", by="cost")
    got = cd.matrix(client, eurasia, "all", "centres:KZ", block=16, by="cost", progress=False)
    pd.testing.assert_frame_equal(want, got)


def test_worker_killed_mid_run_the_result_is_complete_and_equal(eurasia, client):
    import signal
    vs = cd.dwell_variants("Dostyk", "Alashankou", np.round(np.linspace(0.4, 3.0, 24), 3),
                           name="kill")
    serial = cd.sweep(None, eurasia, vs, places=PLACES, progress=False)
    pids = client.run(os.getpid)
    assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()
    killed = []

    def kill_one(done, total):
        if done == 2 and not killed:
            victim = sorted(pids.values())[0]
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    dist = cd.sweep(client, eurasia, vs, places=PLACES, progress=False, on_progress=kill_one)
    assert killed
    assert dist.errors == {}
    pd.testing.assert_frame_equal(serial.summary, dist.summary)
    pd.testing.assert_frame_equal(serial.pairs, dist.pairs)
