"""route, compare and matrix from Python give the CLI's numbers for the same queries."""

import random
import threading

import pytest

import caravan

# The CLI's JSON rounds km and kg_co2 to 0.1, hours and usd to 0.01.
TOL = {"km": 0.05 + 1e-9, "hours": 0.005 + 1e-9, "usd": 0.005 + 1e-9, "kg_co2": 0.05 + 1e-9}


def sample_pairs(net, n, seed):
    places = net.places
    ids = sorted(places.loc[places["kind"].isin(["city", "seaport", "dry_port"]), "id"])
    rng = random.Random(seed)
    pairs = set()
    while len(pairs) < n:
        a, b = rng.sample(ids, 2)
        pairs.add((a, b))
    return sorted(pairs)


def close(py_value, cli_value, key):
    return abs(py_value - cli_value) <= TOL[key]


QUERIES = [
    ({}, []),
    ({"by": "cost"}, ["--by", "cost"]),
    ({"by": "co2", "avoid_country": ["RU"]}, ["--by", "co2", "--avoid-country", "RU"]),
    ({"by": "time", "year": 2030, "teu": 2.0}, ["--year", "2030", "--teu", "2"]),
    ({"by": "distance", "avoid_mode": "sea", "tonnes_per_teu": 14},
     ["--by", "distance", "--avoid-mode", "sea", "--tonnes-per-teu", "14"]),
]


@pytest.mark.parametrize("kwargs,flags", QUERIES, ids=["time", "cost", "co2-noRU", "2030", "km"])
def test_route_totals_equal_cli(eurasia, cli, kwargs, flags):
    checked = 0
    for frm, to in sample_pairs(eurasia, 6, seed=len(flags)):
        p = cli.run("route", "--from", frm, "--to", to, "--no-geometry", "--format", "json",
                    *flags, check=False)
        if p.returncode == 3:
            with pytest.raises(caravan.NoRouteError):
                eurasia.route(frm, to, **kwargs)
            continue
        assert p.returncode == 0, p.stderr
        import json
        j = json.loads(p.stdout)
        r = eurasia.route(frm, to, **kwargs)
        for key in ("km", "hours", "usd", "kg_co2"):
            assert close(getattr(r, key), j["total"][key], key), (frm, to, key)
        assert r.transfers == j["total"]["transfers"]
        assert r.borders == j["total"]["borders"]
        assert list(r.legs["mode"]) == [leg["mode"] for leg in j["legs"]]
        assert list(r.legs["to_id"]) == [leg["to_id"] for leg in j["legs"]]
        assert sum(len(x) for x in r.legs["links"]) == len(r.sources)
        assert abs(r.legs["km"].sum() - r.km) < 1e-6
        checked += 1
    assert checked >= 3


def test_route_result_shape(eurasia):
    r = eurasia.route("Xian", "Duisburg", by="cost")
    assert r.frm == "Xi'an" or r.frm.startswith("Xi")
    assert r.to == "Duisburg"
    assert r.objective == "cost"
    assert {"from", "to", "mode", "km", "hours", "usd", "kg_co2", "border_hours", "borders",
            "corridor", "countries", "links", "sources"} <= set(r.legs.columns)
    assert {"leg", "link_id", "mode", "km", "source"} <= set(r.sources.columns)
    assert (r.sources["source"] != "").any()
    assert r.totals["km"] == r.km
    assert r.days == pytest.approx(r.hours / 24)


def test_unknown_place_is_a_key_error_with_the_cli_message(eurasia, cli):
    with pytest.raises(KeyError) as e:
        eurasia.route("Duisbrug", "Xian")
    msg = e.value.args[0]
    p = cli.run("route", "--from", "Duisbrug", "--to", "Xian", check=False)
    assert p.returncode == 2
    # The CLI names its flag, Python its parameter; the rest is the same.
    assert p.stderr.strip() == "error: --from: " + msg.removeprefix("frm: ")
    assert "did you mean" in msg and msg.count(",") == 2
    assert "Duisburg" in msg


def test_bad_values_are_value_errors(eurasia):
    with pytest.raises(ValueError, match="by: 'fast' is not one of"):
        eurasia.route("Xian", "Duisburg", by="fast")
    with pytest.raises(ValueError, match="year: 3000"):
        eurasia.route("Xian", "Duisburg", year=3000)
    with pytest.raises(ValueError, match="teu"):
        eurasia.route("Xian", "Duisburg", teu=0)
    with pytest.raises(ValueError, match="same place"):
        eurasia.route("Xian", "Xian")
    with pytest.raises(KeyError, match="no node lies in country 'XX'"):
        eurasia.route("Xian", "Duisburg", avoid_country="XX")


def test_no_route_is_a_lookup_error(eurasia):
    with pytest.raises(caravan.NoRouteError, match="no route from .* to Duisburg"):
        eurasia.route("Xian", "Duisburg", avoid_mode=["rail_1435", "rail_1520", "road"])
    assert issubclass(caravan.NoRouteError, LookupError)


def test_compare_equals_cli_csv(eurasia, cli):
    c = eurasia.compare("Lianyungang", "Duisburg", by="cost")
    out = cli.run("compare", "--from", "Lianyungang", "--to", "Duisburg", "--by", "cost",
                  "--format", "csv").stdout.splitlines()
    import csv
    rows = list(csv.DictReader(out))
    assert list(c.corridors["corridor_id"]) == [r["corridor_id"] for r in rows]
    for (_, py), r in zip(c.corridors.iterrows(), rows):
        assert py["connects"] == (r["connects"] == "true")
        if py["connects"]:
            assert abs(py["km"] - float(r["km"])) <= TOL["km"]
            assert abs(py["usd_per_teu"] - float(r["usd_per_teu"])) <= TOL["usd"]
            assert py["modes"] == r["modes"]
    assert c.best.usd <= c.corridors["usd"].min() + 1e-6
    served = c.corridors.loc[c.corridors["connects"], "corridor_id"]
    assert set(c.routes) == set(served)


def test_matrix_equals_cli_csv(eurasia, cli):
    spec = "Almaty,Astana,Aktau,Shymkent"
    m = eurasia.matrix(spec, ["Duisburg", "Poti", "Tashkent"], by="cost")
    assert len(m) == 12
    import csv
    rows = list(csv.DictReader(cli.run("matrix", "--from", spec, "--to", "Duisburg,Poti,Tashkent",
                                       "--by", "cost", "--format", "csv").stdout.splitlines()))
    assert len(rows) == len(m)
    for (_, py), r in zip(m.iterrows(), rows):
        assert (py["from_id"], py["to_id"]) == (r["from_id"], r["to_id"])
        assert py["reachable"] == (r["reachable"] == "true")
        if py["reachable"]:
            for key in ("km", "hours", "usd", "kg_co2"):
                assert abs(py[key] - float(r[key])) <= TOL[key], (r, key)


def test_matrix_sets_and_errors(eurasia):
    m = eurasia.matrix("centres:KZ", "centres:KZ", threads=2)
    n = len(set(m["from_id"]))
    assert n >= 17 and len(m) == n * (n - 1)
    assert m["reachable"].all()
    with pytest.raises(ValueError, match="unknown node kind 'castle'"):
        eurasia.matrix("kind:castle", "all")
    with pytest.raises(KeyError, match="did you mean"):
        eurasia.matrix(["Almaty", "Atlantis"], "all")
    with pytest.raises(ValueError, match="exceed max_cells 10"):
        eurasia.matrix("all", "all", max_cells=10)


def test_routes_from_threads_agree(eurasia):
    # The GIL is released inside the search: threads run routes side by side, with equal results.
    expected = eurasia.route("Xian", "Duisburg").hours
    got = []

    def work():
        for _ in range(20):
            got.append(eurasia.route("Xian", "Duisburg").hours)

    ts = [threading.Thread(target=work) for _ in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert got == [expected] * 60


def test_help_explains_route():
    doc = caravan.Network.route.__doc__
    assert "avoid_country" in doc and "by" in doc and "year" in doc


def test_route_many_equals_route(eurasia):
    pairs = sample_pairs(eurasia, 40, seed=11)
    frm, to = [p[0] for p in pairs], [p[1] for p in pairs]
    for kwargs in ({}, {"by": "cost", "avoid_country": ["RU"]}):
        batch = eurasia.route_many(frm, to, threads=2, **kwargs)
        assert list(batch["from"]) == frm
        for (_, row), (a, b) in zip(batch.iterrows(), pairs):
            try:
                r = eurasia.route(a, b, **kwargs)
            except caravan.NoRouteError:
                assert not row["reachable"]
                continue
            assert row["reachable"]
            assert (row["km"], row["hours"], row["usd"], row["kg_co2"]) == (
                r.km, r.hours, r.usd, r.kg_co2)
            assert (row["transfers"], row["borders"]) == (r.transfers, r.borders)
    with pytest.raises(KeyError, match=r"to\[1\]: no place named 'Duisbrug'"):
        eurasia.route_many(["Xian", "Xian"], ["Duisburg", "Duisbrug"])
    with pytest.raises(ValueError, match="one pair per row"):
        eurasia.route_many(["Xian"], ["Duisburg", "Poti"])
