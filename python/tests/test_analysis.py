"""pareto, alternatives, reliability, impact and assign from Python against the CLI."""

import csv
import io
import math
import os
import pickle

import pytest

import caravan

TOL = {"km": 0.05 + 1e-9, "hours": 0.005 + 1e-9, "usd": 0.005 + 1e-9, "kg_co2": 0.05 + 1e-9}


def assert_routes_equal(routes, cli_routes):
    assert len(routes) == len(cli_routes)
    for r, j in zip(routes, cli_routes):
        for key, tol in TOL.items():
            assert abs(getattr(r, key) - j["total"][key]) <= tol, key
        assert r.modes == j["modes"]
        assert r.transfers == j["total"]["transfers"]


def test_pareto_equals_cli(eurasia, cli):
    front = eurasia.pareto("Lianyungang", "Duisburg")
    j = cli.json("pareto", "--from", "Lianyungang", "--to", "Duisburg", "--no-geometry")
    assert_routes_equal(front, j["routes"])
    assert front.truncated == j["truncated"]
    assert list(front.table["hours"]) == sorted(front.table["hours"])
    assert len(front) >= 2


def test_alternatives_equal_cli(eurasia, cli):
    alts = eurasia.alternatives("Khorgos", "Poti", k=3, by="cost")
    j = cli.json("alternatives", "--from", "Khorgos", "--to", "Poti", "-k", "3", "--by", "cost",
                 "--no-geometry")
    assert_routes_equal(alts, j["routes"])
    with pytest.raises(ValueError, match="k: 11"):
        eurasia.alternatives("Khorgos", "Poti", k=11)
    with pytest.raises(TypeError, match="unexpected keyword argument 'avoid'"):
        eurasia.alternatives("Khorgos", "Poti", avoid="RU")


def test_reliability_equals_cli(eurasia, cli):
    rel = eurasia.reliability("Xian", "Duisburg", samples=2000, seed=7, deadline_days=20)
    j = cli.json("route", "--from", "Xian", "--to", "Duisburg", "--reliability", "--samples",
                 "2000", "--seed", "7", "--deadline-days", "20", "--no-geometry")["reliability"]
    for q in ("mean", "p50", "p90", "p95", "min", "max"):
        assert abs(getattr(rel, f"{q}_hours") / 24 - j[f"{q}_days"]) <= 0.005 + 1e-9, q
    assert abs(rel.p_within_deadline - j["p_within_deadline"]) <= 0.00005 + 1e-12
    assert rel.min_hours <= rel.p50_hours <= rel.p90_hours <= rel.p95_hours <= rel.max_hours
    assert rel.route.to == "Duisburg"


def impact_csv(cli, *args):
    return list(csv.DictReader(io.StringIO(cli.run("impact", *args, "--format", "csv").stdout)))


def assert_impact_equal(im, rows):
    assert len(im.pairs) == len(rows)
    for (_, p), r in zip(im.pairs.iterrows(), rows):
        assert (p["from_id"], p["to_id"], p["change"]) == (r["from"], r["to"], r["change"])
        for q, tol in (("km", 0.05), ("hours", 0.005)):
            for when in ("before", "after"):
                v, c = p[f"{q}_{when}"], r[f"{q}_{when}"]
                if c == "":
                    assert math.isnan(v)
                else:
                    assert abs(v - float(c)) <= tol + 1e-9, (r, q, when)


def test_impact_of_a_scenario_file_equals_cli(eurasia, cli, source_dir):
    path = os.path.join(source_dir, "data", "eurasia", "scenarios", "center-west-highway.toml")
    im = eurasia.impact(path)
    assert_impact_equal(im, impact_csv(cli, "--scenario", path))
    assert im.counts["better"] > 0
    assert im.edits["projects_opened"] + im.edits["links_added"] > 0
    assert im.heatmap("hours_after").shape[0] >= 17


def test_impact_of_a_scenario_built_in_python(eurasia, cli, tmp_path):
    spec = {
        "name": "slow-dostyk",
        "title": "Dostyk dwell doubled",
        "change_border": [{"from": "Dostyk", "to": "Alashankou", "dwell_factor": 2.0}],
    }
    sc = caravan.Scenario.from_dict(spec)
    assert sc.name == "slow-dostyk"
    path = tmp_path / "slow-dostyk.toml"
    path.write_text(caravan._to_toml(spec), encoding="utf-8")
    places = "Dostyk,Almaty,Astana,Aktau,Altynkol"
    im = eurasia.impact(sc, places=places, by="time")
    assert_impact_equal(im, impact_csv(cli, "--scenario", str(path), "--places", places))
    # Scenarios pickle (for Dask) by their text or path.
    again = pickle.loads(pickle.dumps(sc))
    assert eurasia.impact(again, places=places).pairs.equals(im.pairs)


def test_bad_scenario_is_a_value_error(eurasia):
    with pytest.raises(ValueError, match="python:2: field 'close_lnk'.*did you mean 'close_link'"):
        caravan.Scenario.from_toml('name = "x"\n[[close_lnk]]\nid = "a"\n')
    sc = caravan.Scenario.from_dict({"close_link": [{"id": "no_such_link"}]})
    with pytest.raises(ValueError, match="no_such_link"):
        eurasia.impact(sc, places="Almaty,Astana")


def test_assign_equals_cli(eurasia, cli, source_dir):
    demand = os.path.join(source_dir, "examples", "freight-demand", "china-kazakhstan-2024.csv")
    a = eurasia.assign(demand, gap=1e-6)
    j = cli.json("assign", "--network", "eurasia", "--demand", demand, "--gap", "1e-6", "--quiet")
    assert a.demand_teu_per_day == pytest.approx(j["demand_teu_per_year"] / 365, rel=1e-12)
    assert a.iterations == j["iterations"]
    assert a.objective_value == pytest.approx(j["beckmann_objective"], rel=1e-9)
    assert list(a.links["link"]) == [x["link"] for x in j["links"]]
    for (_, l), x in zip(a.links.iterrows(), j["links"]):
        assert l["teu_per_day"] == pytest.approx(x["teu_per_day"], rel=1e-9, abs=1e-9)
    assert list(a.corridors["id"]) == [c["id"] for c in j["corridors"]]


def test_assign_from_a_dataframe(eurasia):
    import pandas as pd
    df = pd.DataFrame({"from": ["Xian", "Almaty"], "to": ["Duisburg", "Aktau"],
                       "teu_per_day": [100.0, 20.0]})
    a = eurasia.assign(df)
    assert a.demand_teu_per_day == pytest.approx(120.0)
    assert a.stopped == "converged"
    bad = pd.DataFrame({"from": ["Xian"], "to": ["Duisbrug"], "teu_per_day": [1.0]})
    with pytest.raises(KeyError, match="demand row 0: field 'to': no place named 'Duisbrug'"):
        eurasia.assign(bad)


def test_docstrings_explain_the_calls():
    for f in (caravan.Network.route, caravan.Network.pareto, caravan.Network.alternatives,
              caravan.Network.reliability, caravan.Network.impact, caravan.Network.assign,
              caravan.Network.matrix, caravan.Network.compare):
        assert f.__doc__ and len(f.__doc__) > 200, f.__name__
    assert "avoid_country" in caravan.Network.impact.__doc__
