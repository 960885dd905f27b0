// The `_caravan` extension: the library's networks and queries for the pure-Python package
// `caravan` (python/caravan), which turns the dicts of columns returned here into DataFrames.
#include "errors.hpp"
#include "interruptible.hpp"
#include "network_handle.hpp"
#include "request_args.hpp"
#include "result_tables.hpp"

#include "analysis/corridor_compare.hpp"
#include "formats/builtin_networks.hpp"
#include "formats/parse_error.hpp"
#include "route/matrix.hpp"
#include "route/router.hpp"

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
      .def("route", &route_once, pyb::arg("frm"), pyb::arg("to"), pyb::arg("opts"))
      .def("compare", &compare_once, pyb::arg("frm"), pyb::arg("to"), pyb::arg("opts"))
      .def("matrix", &matrix_once, pyb::arg("frm"), pyb::arg("to"), pyb::arg("opts"),
           pyb::arg("threads") = 0, pyb::arg("max_cells") = 4'000'000);

  m.def("builtin", &load_builtin, pyb::arg("name"));
  m.def("builtin_names", &formats::builtin_network_names);
  m.def("read_csv", &read_csv_directory, pyb::arg("path"));
  m.def("import_osm", &import_osm_file, pyb::arg("path"), pyb::arg("country") = "ZZ");
}
