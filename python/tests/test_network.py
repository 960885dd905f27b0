"""Loading networks and their places and links as DataFrames."""

import os
import pickle

import pytest

import caravan


def test_builtin_eurasia_places_and_links(eurasia):
    places = eurasia.places
    assert len(places) == eurasia.node_count > 100
    assert {"id", "name", "country", "lat", "lon", "kind", "centre"} <= set(places.columns)
    assert "Duisburg" in set(places["name"])
    assert set(places.loc[places["name"] == "Duisburg", "country"]) == {"DE"}
    links = eurasia.links
    assert len(links) == eurasia.link_count > 100
    assert {"id", "from_id", "to_id", "mode", "km", "hours", "usd_per_teu", "source"} <= set(
        links.columns)
    assert (links["km"] > 0).all()
    assert set(links["mode"]) <= {"rail_1520", "rail_1435", "road", "ferry", "sea"}
    assert "KZ" in eurasia.countries


def test_links_are_a_geodataframe_with_lines(eurasia):
    geopandas = pytest.importorskip("geopandas")
    links = eurasia.links
    assert isinstance(links, geopandas.GeoDataFrame)
    assert links.crs.to_epsg() == 4326
    assert (links.geometry.geom_type == "LineString").all()
    assert set(links["geometry_source"]) >= {"schematic"}


def test_unknown_builtin_is_a_key_error():
    with pytest.raises(KeyError, match="built-in networks: eurasia, example"):
        caravan.Network.builtin("atlantis")


def test_read_csv_directory(source_dir):
    net = caravan.Network.read(os.path.join(source_dir, "examples", "silk-road-mini"))
    assert net.node_count > 3
    assert net.route(net.places["id"][0], net.places["id"][1]).km > 0


def test_malformed_csv_names_file_and_line(tmp_path, source_dir):
    src = os.path.join(source_dir, "examples", "silk-road-mini")
    for name in os.listdir(src):
        if name.endswith(".csv"):
            text = open(os.path.join(src, name), encoding="utf-8").read()
            if name == "links.csv":
                lines = text.splitlines()
                cells = lines[1].split(",")
                header = lines[0].split(",")
                cells[header.index("length_km")] = "minus-three"
                lines[1] = ",".join(cells)
                text = "\n".join(lines) + "\n"
            (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"links.csv:2: field 'length_km'"):
        caravan.Network.read(tmp_path)


def test_missing_path_is_a_value_error(tmp_path):
    with pytest.raises(ValueError, match="no such directory or file"):
        caravan.Network.read(tmp_path / "nowhere")


def test_network_pickles_by_source(eurasia):
    again = pickle.loads(pickle.dumps(eurasia))
    assert again.node_count == eurasia.node_count
    assert again.route("Xian", "Duisburg").km == eurasia.route("Xian", "Duisburg").km
