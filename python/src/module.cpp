// The `_caravan` extension: the library's networks and queries for the pure-Python package
// `caravan` (python/caravan), which turns the dicts of columns returned here into DataFrames.
#include "analysis_calls.hpp"
#include "batch_calls.hpp"
#include "errors.hpp"
#include "interruptible.hpp"
#include "network_handle.hpp"
#include "request_args.hpp"
#include "result_tables.hpp"

#include "analysis/corridor_compare.hpp"
#include "formats/builtin_networks.hpp"
#include "formats/freight_demand.hpp"
#include "formats/parse_error.hpp"
#include "formats/scenario_toml.hpp"
#include "route/matrix.hpp"
#include "route/router.hpp"
#include "scenario/impact.hpp"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <set>

namespace pyb = pybind11;
using namespace caravan;
using namespace caravan::py;

namespace {

/// The routing keywords of a call, as the Python layer passes them (None = not given).
RequestArgs request_args(const pyb::dict& opts) {
  static const std::set<std::string> known{"by",         "avoid_country", "avoid_mode",
                                           "avoid_node", "max_transfers", "year",
                                           "teu",        "tonnes_per_teu"};
  RequestArgs a;
  for (const auto& [key, value] : opts) {
    const auto k = key.cast<std::string>();
    if (!known.contains(k)) throw std::invalid_argument("unknown option '" + k + "'");
    if (value.is_none()) continue;
    if (k == "by")
      a.by = value.cast<std::string>();
    else if (k == "avoid_country")
      a.avoid_country = value.cast<std::vector<std::string>>();
    else if (k == "avoid_mode")
      a.avoid_mode = value.cast<std::vector<std::string>>();
    else if (k == "avoid_node")
      a.avoid_node = value.cast<std::vector<std::string>>();
    else if (k == "max_transfers")
      a.max_transfers = value.cast<int>();
    else if (k == "year")
      a.year = value.cast<int>();
    else if (k == "teu")
      a.teu = value.cast<double>();
    else if (k == "tonnes_per_teu")
      a.tonnes_per_teu = value.cast<double>();
  }
  return a;
}

/// A place set given either as a spec string or as a list of names.
std::vector<NodeId> place_set(const NetworkHandle& h, const std::string& param,
                              const pyb::object& v) {
  if (pyb::isinstance<pyb::str>(v)) return resolve_nodes(h, param, v.cast<std::string>(), {});
  return resolve_nodes(h, param, std::nullopt, v.cast<std::vector<std::string>>());
}

pyb::dict route_once(const NetworkHandle& h, const std::string& frm, const std::string& to,
                     const pyb::dict& opts) {
  const RouteRequest req = make_point_request(h, request_args(opts), frm, to);
  RouteOutcome res;
  {
    pyb::gil_scoped_release release;
    Router router(*h.net);
    res = router.route(req);
  }
  if (!res.ok()) throw NoRoute(no_route_message(*h.net, req, res.failure));
  return route_dict(*h.net, *res.route);
}

pyb::dict compare_once(const NetworkHandle& h, const std::string& frm, const std::string& to,
                       const pyb::dict& opts) {
  if (h.net->corridors().empty())
    throw std::invalid_argument(h.label + ": this network defines no corridors (corridors.csv)");
  const RouteRequest req = make_point_request(h, request_args(opts), frm, to);
  CorridorComparison cmp;
  {
    pyb::gil_scoped_release release;
    Router router(*h.net);
    cmp = compare_corridors(router, req);
  }
  if (!cmp.best) throw NoRoute(no_route_message(*h.net, req, RouteFailure::unreachable));
  return comparison_dict(*h.net, cmp);
}

pyb::dict matrix_once(const NetworkHandle& h, const pyb::object& frm, const pyb::object& to,
                      const pyb::dict& opts, unsigned threads, std::size_t max_cells) {
  RouteRequest req = make_request(h, request_args(opts));
  const auto origins = place_set(h, "frm", frm);
  const auto dests = place_set(h, "to", to);
  if (origins.size() * dests.size() > max_cells)
    throw std::invalid_argument("frm/to: " + std::to_string(origins.size()) + " x " +
                                std::to_string(dests.size()) + " cells exceed max_cells " +
                                std::to_string(max_cells));
  Matrix m;
  run_interruptible([&](const Interrupt& interrupt) {
    Costing costing = req.costing;
    costing.interrupt = &interrupt;
    m = compute_matrix(*h.net, origins, dests, costing, req.shipment, threads);
  });
  return matrix_dict(*h.net, m);
}

AssignArgs assign_args(const pyb::dict& opts) {
  AssignArgs a;
  for (const auto& [key, value] : opts) {
    const auto k = key.cast<std::string>();
    if (value.is_none()) continue;
    if (k == "objective")
      a.objective = value.cast<std::string>();
    else if (k == "by")
      a.by = value.cast<std::string>();
    else if (k == "gap")
      a.gap = value.cast<double>();
    else if (k == "time_limit_s")
      a.time_limit_s = value.cast<double>();
    else if (k == "max_iterations")
      a.max_iterations = value.cast<int>();
    else if (k == "teu_per_train")
      a.teu_per_train = value.cast<double>();
    else if (k == "tonnes_per_teu")
      a.tonnes_per_teu = value.cast<double>();
    else if (k == "teu_per_vehicle")
      a.teu_per_vehicle = value.cast<double>();
    else if (k == "value_of_time")
      a.value_of_time = value.cast<double>();
    else if (k == "bpr_alpha")
      a.bpr_alpha = value.cast<double>();
    else if (k == "bpr_power")
      a.bpr_power = value.cast<double>();
    else if (k == "binding")
      a.binding = value.cast<double>();
    else if (k == "year")
      a.year = value.cast<int>();
    else if (k == "threads")
      a.threads = value.cast<int>();
    else
      throw std::invalid_argument("unknown option '" + k + "'");
  }
  return a;
}

} // namespace

PYBIND11_MODULE(_caravan, m) {
  m.doc() = "Caravan's C++ library (routing, corridor analysis); use the `caravan` package.";

  static pyb::exception<NoRoute> no_route(m, "NoRouteError", PyExc_LookupError);
  pyb::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const UnknownName& e) {
      PyErr_SetString(PyExc_KeyError, e.what());
    } catch (const NoRoute& e) {
      no_route(e.what());
    } catch (const formats::ParseError& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const ScenarioError& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const NetworkError& e) {
      PyErr_SetString(PyExc_ValueError, (std::string("invalid network: ") + e.what()).c_str());
    }
  });

  pyb::class_<NetworkHandle>(m, "Network")
      .def_readonly("label", &NetworkHandle::label)
      .def_readonly("warnings", &NetworkHandle::warnings)
      .def_property_readonly("node_count",
                             [](const NetworkHandle& h) { return h.net->node_count(); })
      .def_property_readonly("link_count",
                             [](const NetworkHandle& h) { return h.net->link_count(); })
      .def("countries",
           [](const NetworkHandle& h) {
             return std::vector<std::string>(h.net->countries().begin(), h.net->countries().end());
           })
      .def("places", [](const NetworkHandle& h) { return places_dict(*h.net); })
      .def(
          "links",
          [](const NetworkHandle& h, bool geometry) { return links_dict(*h.net, geometry); },
          pyb::arg("geometry") = false)
      .def("has_geometry", [](const NetworkHandle& h) { return h.net->has_geometry(); })
      .def("resolve",
           [](const NetworkHandle& h, const std::string& param, const std::string& q) {
             return h.net->node(resolve_node(h, param, q)).id;
           })
      .def(
          "resolve_set",
          [](const NetworkHandle& h, const std::string& param, const pyb::object& places) {
            std::vector<std::string> ids;
            for (NodeId n : place_set(h, param, places)) ids.push_back(h.net->node(n).id);
            return ids;
          },
          pyb::arg("param"), pyb::arg("places"))
      .def("route", &route_once, pyb::arg("frm"), pyb::arg("to"), pyb::arg("opts"))
      .def(
          "route_many",
          [](const NetworkHandle& h, const std::vector<std::string>& frm,
             const std::vector<std::string>& to, const pyb::dict& opts,
             unsigned threads) { return route_many_call(h, frm, to, request_args(opts), threads); },
          pyb::arg("frm"), pyb::arg("to"), pyb::arg("opts"), pyb::arg("threads"))
      .def("compare", &compare_once, pyb::arg("frm"), pyb::arg("to"), pyb::arg("opts"))
      .def("matrix", &matrix_once, pyb::arg("frm"), pyb::arg("to"), pyb::arg("opts"),
           pyb::arg("threads") = 0, pyb::arg("max_cells") = 4'000'000)
      .def(
          "pareto",
          [](const NetworkHandle& h, const std::string& frm, const std::string& to,
             const pyb::dict& opts, std::size_t max_labels) {
            return pareto_call(h, frm, to, request_args(opts), max_labels);
          },
          pyb::arg("frm"), pyb::arg("to"), pyb::arg("opts"), pyb::arg("max_labels"))
      .def(
          "alternatives",
          [](const NetworkHandle& h, const std::string& frm, const std::string& to,
             const pyb::dict& opts, std::size_t k, double max_overlap, double max_stretch) {
            return alternatives_call(h, frm, to, request_args(opts), k, max_overlap, max_stretch);
          },
          pyb::arg("frm"), pyb::arg("to"), pyb::arg("opts"), pyb::arg("k"), pyb::arg("max_overlap"),
          pyb::arg("max_stretch"))
      .def(
          "reliability",
          [](const NetworkHandle& h, const std::string& frm, const std::string& to,
             const pyb::dict& opts, std::size_t samples, std::uint64_t seed,
             std::optional<double> deadline_days) {
            return reliability_call(h, frm, to, request_args(opts), samples, seed, deadline_days);
          },
          pyb::arg("frm"), pyb::arg("to"), pyb::arg("opts"), pyb::arg("samples"), pyb::arg("seed"),
          pyb::arg("deadline_days"))
      .def(
          "impact",
          [](const NetworkHandle& h, const Scenario& scenario, const std::optional<Scenario>& base,
             const pyb::object& places, const pyb::dict& opts, unsigned threads) {
            const auto nodes = place_set(h, "places", places);
            return impact_call(h, scenario, base, nodes, request_args(opts), threads);
          },
          pyb::arg("scenario"), pyb::arg("base"), pyb::arg("places"), pyb::arg("opts"),
          pyb::arg("threads"))
      .def(
          "assign",
          [](const NetworkHandle& h,
             const std::vector<std::tuple<std::string, std::string, std::string, double>>& rows,
             const pyb::dict& opts) {
            std::vector<DemandArg> demand;
            for (const auto& [where, from, to, teu] : rows)
              demand.push_back({where, from, to, teu});
            return assign_call(h, demand, assign_args(opts));
          },
          pyb::arg("demand"), pyb::arg("opts"));

  pyb::class_<Scenario>(m, "Scenario")
      .def_readonly("name", &Scenario::name)
      .def_readonly("title", &Scenario::title)
      .def_readonly("description", &Scenario::description)
      .def_readonly("source", &Scenario::source);
  m.def(
      "read_scenario", [](const std::string& path) { return formats::read_scenario(path); },
      pyb::arg("path"));
  m.def(
      "parse_scenario",
      [](const std::string& text, const std::string& label, const std::string& dir) {
        return formats::parse_scenario(text, label, dir);
      },
      pyb::arg("text"), pyb::arg("label"), pyb::arg("dir"));
  m.def(
      "read_demand",
      [](const std::string& path) {
        const formats::DemandFile f = formats::read_demand(path);
        std::vector<std::tuple<std::string, std::string, std::string, double>> rows;
        for (const auto& r : f.rows)
          rows.emplace_back(f.file + ":" + std::to_string(r.line), r.from, r.to, r.teu_per_day);
        return rows;
      },
      pyb::arg("path"));
  m.attr("default_impact_places") = kDefaultImpactPlaces;

  m.def("builtin", &load_builtin, pyb::arg("name"));
  m.def("builtin_names", &formats::builtin_network_names);
  m.def("read_csv", &read_csv_directory, pyb::arg("path"));
  m.def("import_osm", &import_osm_file, pyb::arg("path"), pyb::arg("country") = "ZZ");
}
