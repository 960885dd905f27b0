"""Caravan from Python: freight routing and corridor analysis across Eurasia's land corridors.

The module exposes Caravan's C++ library (the same calls the ``caravan`` command makes) and returns
pandas DataFrames whose column names carry the units (``km``, ``hours``, ``usd``, ``kg_co2``).
USD and kg CO2 are for the whole shipment (``teu`` loaded TEU of ``tonnes_per_teu`` tonnes each).

    >>> import caravan
    >>> net = caravan.Network.builtin("eurasia")
    >>> r = net.route("Xian", "Duisburg", by="cost", avoid_country=["RU"])
    >>> r.km, r.hours, r.usd, r.kg_co2
    >>> r.legs            # one row per leg: mode, km, hours, usd, kg_co2, borders, corridor, sources

Errors: an unknown place or country raises KeyError with the CLI's message (the three closest
names); a value out of range raises ValueError; a query no route satisfies raises NoRouteError (a
LookupError). See docs/python.md.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence, Union

import pandas as pd

from . import _caravan

__all__ = ["Network", "Route", "Comparison", "NoRouteError", "builtin_networks"]

NoRouteError = _caravan.NoRouteError
NoRouteError.__doc__ = "No route satisfies the query's constraints (the CLI's exit code 3)."

Places = Union[str, Sequence[str]]


def builtin_networks() -> list[str]:
    """Names of the networks compiled into the library ("eurasia", "example")."""
    return list(_caravan.builtin_names())


def _names(v: Union[None, str, Iterable[str]]) -> Optional[list[str]]:
    if v is None:
        return None
    if isinstance(v, str):
        return [v]
    return [str(x) for x in v]


def _opts(by, avoid_country, avoid_mode, avoid_node, max_transfers, year, teu, tonnes_per_teu):
    return {
        "by": by,
        "avoid_country": _names(avoid_country),
        "avoid_mode": _names(avoid_mode),
        "avoid_node": _names(avoid_node),
        "max_transfers": max_transfers,
        "year": year,
        "teu": float(teu),
        "tonnes_per_teu": float(tonnes_per_teu),
    }


_ROUTING_DOC = """
    Routing keywords (the CLI's flags):
      by             what to minimise: "time" (default), "cost", "co2" or "distance"
      avoid_country  ISO alpha-2 code(s) never to enter, e.g. ["RU", "IR"]
      avoid_mode     mode(s) never to use: rail_1520, rail_1435, road, ferry, sea
      avoid_node     place(s) never to pass
      max_transfers  at most this many mode or gauge changes (0-50)
      year           also use projects open by this year (default: existing links only)
      teu            shipment size in loaded TEU (costs scale with it), default 1
      tonnes_per_teu cargo per TEU in tonnes (emissions scale with it), default 10
"""


@dataclass
class Route:
    """One route: totals for the whole shipment and the per-leg breakdown.

    Attributes: ``frm``, ``to`` (display names), ``frm_id``, ``to_id``, ``objective``, ``teu``,
    ``tonnes`` (cargo of the whole shipment), ``km``, ``hours``, ``days``, ``usd``, ``kg_co2``,
    ``transfers`` and ``borders`` (counts), ``modes`` ("rail_1435>rail_1520>..."),
    ``legs`` (DataFrame: from, to, from_id, to_id, mode, km, hours, usd, kg_co2, border_hours,
    borders, corridor, countries, links, sources), ``steps`` (DataFrame of the transfers and port
    handling: kind, at, at_id, from_mode, to_mode, hours, usd) and ``sources`` (DataFrame: one row
    per link used, with leg, link_id, from_id, to_id, mode, km and the data's source).
    Numbers are unrounded; the CLI's JSON rounds km and kg_co2 to 0.1, hours and usd to 0.01.
    """

    frm: str
    to: str
    frm_id: str
    to_id: str
    objective: str
    teu: float
    tonnes: float
    km: float
    hours: float
    days: float
    usd: float
    kg_co2: float
    transfers: int
    borders: int
    modes: str
    legs: pd.DataFrame = field(repr=False)
    steps: pd.DataFrame = field(repr=False)
    sources: pd.DataFrame = field(repr=False)

    @classmethod
    def _from_dict(cls, d: dict) -> "Route":
        return cls(
            frm=d["from"], to=d["to"], frm_id=d["from_id"], to_id=d["to_id"],
            objective=d["objective"], teu=d["teu"], tonnes=d["tonnes"], km=d["km"],
            hours=d["hours"], days=d["days"], usd=d["usd"], kg_co2=d["kg_co2"],
            transfers=d["transfers"], borders=d["borders"], modes=d["modes"],
            legs=pd.DataFrame(d["legs"]), steps=pd.DataFrame(d["steps"]),
            sources=pd.DataFrame(d["links"]),
        )

    @property
    def totals(self) -> pd.Series:
        """km, hours, days, usd, kg_co2, transfers and borders as a Series."""
        return pd.Series({k: getattr(self, k) for k in
                          ("km", "hours", "days", "usd", "kg_co2", "transfers", "borders")})


@dataclass
class Comparison:
    """The best route through each corridor that connects two places (``caravan compare``).

    ``best`` is the best route with no corridor constraint; ``corridors`` has one row per corridor,
    ranked by the objective (rank, corridor_id, corridor, connects, km, hours, usd, kg_co2,
    usd_per_teu, kg_co2_per_teu, borders, transfers, share of the km along the corridor, modes,
    entry, exit), corridors that do not serve the pair last; ``routes`` maps corridor ids to Routes.
    """

    best: Route
    corridors: pd.DataFrame
    routes: dict


class Network:
    """A freight network (immutable): places, links, transfers, borders and corridors.

    Load one with ``Network.builtin("eurasia")`` or ``Network.read(path)``.
    """

    def __init__(self, handle: "_caravan.Network", source: tuple):
        self._h = handle
        self._source = source
        self._places: Optional[pd.DataFrame] = None

    # -- loading -----------------------------------------------------------------------------
    @classmethod
    def builtin(cls, name: str = "eurasia") -> "Network":
        """A network compiled into the library: "eurasia" (data/eurasia) or "example".

        Raises KeyError naming the built-in networks for another name.
        """
        return cls(_caravan.builtin(name), ("builtin", name))

    @classmethod
    def read(cls, path: Union[str, os.PathLike], country: str = "ZZ") -> "Network":
        """Reads a network: a directory in Caravan's CSV format (docs/network-format.md), or an
        OpenStreetMap extract (.osm.pbf, .osm, .osm.bz2) imported as ``caravan import-osm`` does
        with its defaults, ``country`` (ISO alpha-2) given to every node.

        Raises ValueError naming file, line and field for malformed input.
        """
        p = os.fspath(path)
        if os.path.isdir(p):
            net = cls(_caravan.read_csv(p), ("csv", p))
        elif os.path.isfile(p):
            net = cls(_caravan.import_osm(p, country), ("osm", p, country))
        else:
            raise ValueError(f"{p}: no such directory or file")
        if net._h.warnings:
            import warnings
            for w in net._h.warnings:
                warnings.warn(w, stacklevel=2)
        return net

    def __reduce__(self):
        # Pickled by where it came from (Dask ships networks to workers that reload them).
        return (_load, (self._source,))

    def __repr__(self) -> str:
        return f"<caravan.Network {self.label}: {self.node_count} places, {self.link_count} links>"

    # -- contents ----------------------------------------------------------------------------
    @property
    def label(self) -> str:
        """The name or path the network was loaded from (messages name it)."""
        return self._h.label

    @property
    def node_count(self) -> int:
        return self._h.node_count

    @property
    def link_count(self) -> int:
        return self._h.link_count

    @property
    def countries(self) -> list[str]:
        """ISO alpha-2 codes of the countries the network's places lie in."""
        return list(self._h.countries())

    @property
    def places(self) -> pd.DataFrame:
        """The places (nodes): id, name, country, lat, lon, kind, centre, region, aliases, source."""
        if self._places is None:
            self._places = pd.DataFrame(self._h.places())
        return self._places.copy()

    @property
    def links(self) -> pd.DataFrame:
        """The links: id, from_id, to_id, mode, km, hours (typical running time), hours_low,
        hours_high, usd_per_teu, g_co2_per_tkm, oneway, status, open_year, capacity,
        capacity_unit, source. Where GeoPandas is installed, a GeoDataFrame (EPSG:4326) whose
        geometry is each link's line as drawn (its polyline, or the straight line between its
        ends) with geometry_source; else a DataFrame."""
        try:
            import geopandas
            from shapely.geometry import LineString
        except ImportError:
            return pd.DataFrame(self._h.links(False))
        cols = self._h.links(True)
        points = cols.pop("points")
        return geopandas.GeoDataFrame(
            pd.DataFrame(cols), geometry=[LineString(p) for p in points], crs="EPSG:4326")

    def resolve(self, place: str) -> str:
        """The id of the place ``place`` names (id, name or alias; case- and accent-insensitive).
        Raises KeyError with the closest names."""
        return self._h.resolve("place", place)

    # -- queries -----------------------------------------------------------------------------
    def route(self, frm: str, to: str, *, by: str = "time", avoid_country=None, avoid_mode=None,
              avoid_node=None, max_transfers: Optional[int] = None, year: Optional[int] = None,
              teu: float = 1.0, tonnes_per_teu: float = 10.0) -> Route:
        """The best route from ``frm`` to ``to`` (names, aliases or ids), as ``caravan route``.
        """
        d = self._h.route(frm, to, _opts(by, avoid_country, avoid_mode, avoid_node, max_transfers,
                                         year, teu, tonnes_per_teu))
        return Route._from_dict(d)

    def compare(self, frm: str, to: str, *, by: str = "time", avoid_country=None, avoid_mode=None,
                avoid_node=None, max_transfers: Optional[int] = None, year: Optional[int] = None,
                teu: float = 1.0, tonnes_per_teu: float = 10.0) -> Comparison:
        """The best route through each corridor that connects ``frm`` and ``to``, ranked by
        ``by`` (``caravan compare``). A route goes through a corridor when it uses a link of
        that corridor alone and no link that belongs to another corridor alone."""
        d = self._h.compare(frm, to, _opts(by, avoid_country, avoid_mode, avoid_node,
                                           max_transfers, year, teu, tonnes_per_teu))
        return Comparison(best=Route._from_dict(d["best"]),
                          corridors=pd.DataFrame(d["corridors"]),
                          routes={k: Route._from_dict(v) for k, v in d["routes"].items()})

    def matrix(self, frm: Places, to: Places, *, by: str = "time", avoid_country=None,
               avoid_mode=None, avoid_node=None, max_transfers: Optional[int] = None,
               year: Optional[int] = None, teu: float = 1.0, tonnes_per_teu: float = 10.0,
               threads: int = 0, max_cells: int = 4_000_000) -> pd.DataFrame:
        """The best route's totals between every origin and destination (``caravan matrix``).

        ``frm`` and ``to`` are each a list of place names or a set string as the CLI takes it:
        comma-separated names, ``country:KZ``, ``centres:KZ`` (Kazakhstan's regional centres),
        ``kind:seaport``, ``all``. One row per pair (a place with itself left out): from, to,
        from_id, to_id, reachable, km, hours, usd, kg_co2, transfers, borders (NaN where
        unreachable). ``threads`` = 0 uses all cores. Ctrl-C stops it.
        """
        d = self._h.matrix(frm, to, _opts(by, avoid_country, avoid_mode, avoid_node,
                                          max_transfers, year, teu, tonnes_per_teu),
                           int(threads), int(max_cells))
        df = pd.DataFrame(d)
        for col in ("transfers", "borders"):
            df[col] = df[col].astype("Int64")  # counts; <NA> where unreachable
        return df


for _m in (Network.route, Network.compare, Network.matrix):
    _m.__doc__ = (_m.__doc__ or "") + _ROUTING_DOC


def _load(source: tuple) -> Network:
    kind = source[0]
    if kind == "builtin":
        return Network.builtin(source[1])
    if kind == "csv":
        return Network(_caravan.read_csv(source[1]), source)
    if kind == "osm":
        return Network(_caravan.import_osm(source[1], source[2]), source)
    raise ValueError(f"cannot reload a network from {source!r}")
