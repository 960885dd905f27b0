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

__all__ = ["Network", "Route", "RouteSet", "Comparison", "Reliability", "Impact", "Assignment",
           "Scenario", "NoRouteError", "builtin_networks"]

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


class RouteSet(list):
    """Routes (a list of Route) with a summary table: ``table`` has one row per route (km, hours,
    days, usd, kg_co2, transfers, borders, modes). ``truncated`` is set on a Pareto front whose
    label limit was reached (it may be incomplete)."""

    truncated: bool = False

    @property
    def table(self) -> pd.DataFrame:
        return pd.DataFrame([{**r.totals.to_dict(), "modes": r.modes} for r in self])


@dataclass
class Reliability:
    """Monte Carlo transit time of the best route (``caravan route --reliability``): each running
    time, border dwell and transfer time drawn from a triangular (low, typical, high)
    distribution, the route fixed; the same seed gives the same numbers."""

    route: Route
    samples: int
    seed: int
    mean_hours: float
    min_hours: float
    max_hours: float
    p50_hours: float
    p90_hours: float
    p95_hours: float
    p_within_deadline: Optional[float]


@dataclass
class Impact:
    """What a scenario changes between every pair of places (``caravan impact``).

    ``pairs``: one row per ordered pair (from, to, from_id, to_id, change, km/hours/usd/kg_co2
    before and after, objective_change in the objective's unit, objective_change_pct), changed pairs
    first by the size of the change; ``counts`` (better, worse, unchanged, now_reachable,
    now_unreachable, unreachable_both); ``edits`` (what the scenario did); ``claims`` (the
    sources' claims next to the computed values); ``before`` and ``after`` (the two matrices, as
    ``Network.matrix`` returns them).
    """

    scenario: str
    title: str
    compared_with: Optional[str]
    objective: str
    pairs: pd.DataFrame
    counts: dict
    edits: dict
    claims: pd.DataFrame
    before: pd.DataFrame
    after: pd.DataFrame

    def heatmap(self, value: str = "objective_change") -> pd.DataFrame:
        """The pairs as a square table (rows: from, columns: to) of ``value``."""
        return self.pairs.pivot(index="from", columns="to", values=value)


@dataclass
class Assignment:
    """A freight (TEU) assignment (``caravan assign --network --demand``).

    ``links``: every link direction with flow, by decreasing TEU-km (link, from_id, to_id, mode,
    km, teu_per_day, capacity_teu_per_day, flow_over_capacity, free_flow_hours,
    congested_hours); ``binding``: the links at or over the binding ratio, worst first;
    ``corridors``: each corridor's busiest-link flow, TEU-km and share of the network's TEU-km;
    convergence: ``relative_gap``, ``iterations``, ``stopped`` (converged, iteration_limit,
    time_limit, cancelled), ``objective_value`` (Beckmann objective for ue, total cost for so).
    """

    links: pd.DataFrame
    binding: pd.DataFrame
    corridors: pd.DataFrame
    demand_teu_per_day: float
    teu_km_per_day: float
    relative_gap: float
    iterations: int
    stopped: str
    objective_value: float
    elapsed_s: float


class Scenario:
    """A scenario (docs/scenarios.md): edits applied to a network, and the sources' claims.

    ``Scenario.read(path)`` reads a TOML file; ``Scenario.from_toml(text)`` parses TOML text;
    ``Scenario.from_dict({...})`` builds one in Python from the same keys (tables as dicts, arrays
    of tables such as ``change_link`` as lists of dicts). Raises ValueError naming line and field.
    """

    def __init__(self, handle, source: tuple):
        self._s = handle
        self._source = source

    @classmethod
    def read(cls, path: Union[str, os.PathLike]) -> "Scenario":
        p = os.fspath(path)
        return cls(_caravan.read_scenario(p), ("file", os.path.abspath(p)))

    @classmethod
    def from_toml(cls, text: str, name: str = "python", dir: Union[str, os.PathLike] = ".") -> "Scenario":
        """Parses scenario TOML; ``name`` labels it in errors and is its default name;
        ``inherits`` and ``compare_against`` files are looked up in ``dir``."""
        d = os.path.abspath(os.fspath(dir))
        return cls(_caravan.parse_scenario(text, name, d), ("toml", text, name, d))

    @classmethod
    def from_dict(cls, d: dict, name: str = "python", dir: Union[str, os.PathLike] = ".") -> "Scenario":
        """A scenario from a dict with the TOML file's keys, e.g.
        ``{"name": "slow-dostyk", "change_border": [{"from": "Dostyk", "to": "Alashankou",
        "dwell_factor": 2.0}]}``."""
        return cls.from_toml(_to_toml(d), name=name, dir=dir)

    def __reduce__(self):
        return (_load_scenario, (self._source,))

    @property
    def name(self) -> str:
        return self._s.name

    @property
    def title(self) -> str:
        return self._s.title

    def __repr__(self) -> str:
        return f"<caravan.Scenario {self.name}>"


def _load_scenario(source: tuple) -> Scenario:
    if source[0] == "file":
        return Scenario.read(source[1])
    return Scenario.from_toml(source[1], name=source[2], dir=source[3])


def _toml_value(v) -> str:
    import json
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    raise TypeError(f"scenario value {v!r}: not a TOML scalar or list")


def _to_toml(d: dict) -> str:
    lines, tables = [], []
    for k, v in d.items():
        if isinstance(v, dict):
            tables.append((f"[{k}]", v))
        elif isinstance(v, (list, tuple)) and v and all(isinstance(x, dict) for x in v):
            tables.extend((f"[[{k}]]", x) for x in v)
        else:
            lines.append(f"{k} = {_toml_value(v)}")
    for head, t in tables:
        lines.append(head)
        lines.extend(f"{k} = {_toml_value(v)}" for k, v in t.items())
    return "\n".join(lines) + "\n"


_ROUTING_KEYS = ("by", "avoid_country", "avoid_mode", "avoid_node", "max_transfers", "year", "teu",
                 "tonnes_per_teu")


def _routing(method: str, kw: dict) -> dict:
    unknown = set(kw) - set(_ROUTING_KEYS)
    if unknown:
        raise TypeError(f"{method}() got an unexpected keyword argument '{sorted(unknown)[0]}'")
    full = dict(by="time", avoid_country=None, avoid_mode=None, avoid_node=None,
                max_transfers=None, year=None, teu=1.0, tonnes_per_teu=10.0)
    full.update(kw)
    return _opts(**full)


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

    def route_many(self, frm: Sequence[str], to: Sequence[str], *, threads: int = 0,
                   **routing) -> pd.DataFrame:
        """The best route's totals for each pair ``frm[i] -> to[i]`` in one call (the search
        ``route`` makes, in parallel over ``threads`` cores, 0 = all, without the GIL): columns
        from, to, reachable, km, hours, usd, kg_co2, transfers, borders (NaN where no route). For
        loops of many queries, where building a Route per query would dominate. An unknown name
        raises KeyError naming its row (``frm[3]: no place named ...``). Ctrl-C stops it."""
        frm, to = [str(x) for x in frm], [str(x) for x in to]
        d = self._h.route_many(frm, to, _routing("route_many", routing), int(threads))
        df = pd.DataFrame({"from": frm, "to": to, **d})
        for col in ("transfers", "borders"):
            df[col] = df[col].astype("Int64")
        return df

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
        return _matrix_frame(d)


    def pareto(self, frm: str, to: str, *, max_labels: int = 2_000_000, **routing) -> RouteSet:
        """Every non-dominated route over (time, cost, CO2) from ``frm`` to ``to``
        (``caravan pareto``), by increasing hours; ``by`` is ignored (all three count).
        ``.truncated`` is set when ``max_labels`` was reached. Ctrl-C stops it."""
        d = self._h.pareto(frm, to, _routing("pareto", routing), int(max_labels))
        out = RouteSet(Route._from_dict(r) for r in d["routes"])
        out.truncated = bool(d["truncated"])
        return out

    def alternatives(self, frm: str, to: str, *, k: int = 3, max_overlap: float = 0.6,
                     max_stretch: float = 1.5, **routing) -> RouteSet:
        """Up to ``k`` (1-10) meaningfully different routes, best first (``caravan
        alternatives``): each shares less than ``max_overlap`` of its km with every better one
        and costs at most ``max_stretch`` times the best route's objective."""
        rs = self._h.alternatives(frm, to, _routing("alternatives", routing), int(k),
                                  float(max_overlap), float(max_stretch))
        return RouteSet(Route._from_dict(r) for r in rs)

    def reliability(self, frm: str, to: str, *, samples: int = 10_000, seed: int = 1,
                    deadline_days: Optional[float] = None, **routing) -> Reliability:
        """Transit-time percentiles of the best route by seeded Monte Carlo over the data's
        low/typical/high ranges (``caravan route --reliability``); with ``deadline_days``, the
        probability of arriving within it."""
        d = self._h.reliability(frm, to, _routing("reliability", routing), int(samples),
                                int(seed), deadline_days)
        d["route"] = Route._from_dict(d["route"])
        return Reliability(**d)

    def impact(self, scenario: Union["Scenario", str, os.PathLike], *,
               base: Union["Scenario", str, os.PathLike, None] = None,
               places: Optional[Places] = None, threads: int = 0, **routing) -> Impact:
        """What ``scenario`` (a Scenario or a TOML file) changes between every pair of
        ``places`` (a set string or list of names; default: the Kazakh regional centres and
        main gateways, as ``caravan impact``), against ``base`` (default: the scenario's
        ``compare_against``, else the network as it is). Ctrl-C stops it."""
        sc = scenario if isinstance(scenario, Scenario) else Scenario.read(scenario)
        b = None if base is None else (base if isinstance(base, Scenario) else Scenario.read(base))
        d = self._h.impact(sc._s, None if b is None else b._s,
                           _caravan.default_impact_places if places is None else places,
                           _routing("impact", routing), int(threads))
        return Impact(scenario=d["scenario"], title=d["title"], compared_with=d["compared_with"],
                      objective=d["objective"], pairs=pd.DataFrame(d["pairs"]),
                      counts=dict(d["counts"]), edits=dict(d["edits"]),
                      claims=pd.DataFrame(d["claims"]), before=_matrix_frame(d["before"]),
                      after=_matrix_frame(d["after"]))

    def assign(self, demand, *, objective: str = "ue", by: str = "time", gap: float = 1e-6,
               max_iterations: int = 100_000, time_limit_s: float = 0.0,
               teu_per_train: float = 100.0, tonnes_per_teu: float = 10.0,
               teu_per_vehicle: float = 1.0, value_of_time: float = 1.0, bpr_alpha: float = 0.15,
               bpr_power: float = 4.0, binding: float = 0.9, year: Optional[int] = None,
               threads: int = 0) -> Assignment:
        """Assigns TEU demand with capacities (``caravan assign --network --demand``): user
        equilibrium (``objective="ue"``) or system optimum (``"so"``), ``by`` time or cost.

        ``demand`` is a demand CSV file (from, to, teu_per_year or teu_per_day;
        docs/assignment.md) or a DataFrame with columns from, to and teu_per_day (or
        teu_per_year). Stops at the relative ``gap``, ``max_iterations`` or ``time_limit_s``;
        Ctrl-C stops it between iterations (``stopped == "cancelled"`` is never returned:
        KeyboardInterrupt is raised)."""
        if isinstance(demand, (str, os.PathLike)):
            rows = _caravan.read_demand(os.fspath(demand))
        else:
            df = pd.DataFrame(demand)
            if "teu_per_day" in df.columns:
                teu = df["teu_per_day"].astype(float)
            elif "teu_per_year" in df.columns:
                teu = df["teu_per_year"].astype(float) / 365.0
            else:
                raise ValueError("demand: needs a teu_per_day or teu_per_year column")
            rows = [(f"demand row {i}", str(f), str(t), float(v))
                    for i, (f, t, v) in enumerate(zip(df["from"], df["to"], teu))]
        d = self._h.assign(rows, dict(objective=objective, by=by, gap=gap,
                                      max_iterations=max_iterations, time_limit_s=time_limit_s,
                                      teu_per_train=teu_per_train, tonnes_per_teu=tonnes_per_teu,
                                      teu_per_vehicle=teu_per_vehicle, value_of_time=value_of_time,
                                      bpr_alpha=bpr_alpha, bpr_power=bpr_power, binding=binding,
                                      year=year, threads=threads))
        return Assignment(links=pd.DataFrame(d["links"]), binding=pd.DataFrame(d["binding"]),
                          corridors=pd.DataFrame(d["corridors"]),
                          demand_teu_per_day=d["demand_teu_per_day"],
                          teu_km_per_day=d["teu_km_per_day"], relative_gap=d["relative_gap"],
                          iterations=d["iterations"], stopped=d["stopped"],
                          objective_value=d["objective_value"], elapsed_s=d["elapsed_s"])


def _matrix_frame(d: dict) -> pd.DataFrame:
    df = pd.DataFrame(d)
    for col in ("transfers", "borders"):
        df[col] = df[col].astype("Int64")  # counts; <NA> where unreachable
    return df


for _m in (Network.route, Network.route_many, Network.compare, Network.matrix, Network.pareto,
           Network.alternatives, Network.reliability, Network.impact):
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
