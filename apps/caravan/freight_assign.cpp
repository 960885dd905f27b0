// Runs a freight assignment for the CLI: reads the demand, resolves places, prints the report.
#include "freight_assign.hpp"

#include "context.hpp"

#include "assign/freight.hpp"
#include "formats/csv.hpp"
#include "formats/freight_demand.hpp"
#include "report/flow_output.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdio>

namespace caravan::app {

namespace {

std::string link_label(const Network& net, const freight::ArcLoad& l) {
  const Arc& a = net.arc(l.arc);
  return fmt::format("{} -> {}", net.node(a.tail).name, net.node(a.head).name);
}

std::string flows_csv(const Network& net, const freight::FreightResult& r) {
  std::string s = "link,from,to,mode,length_km,teu_per_day,teu_per_year,capacity_teu_per_day,"
                  "flow_over_capacity,free_flow_h,congested_h\n";
  for (const auto& l : r.loads) {
    const Arc& a = net.arc(l.arc);
    const Link& k = net.link(a.link);
    s += fmt::format(
        "{},{},{},{},{},{:.6g},{:.6g},{},{},{:.6g},{:.6g}\n", formats::csv_escape(k.id),
        formats::csv_escape(net.node(a.tail).id), formats::csv_escape(net.node(a.head).id),
        to_string(k.mode), k.length.value(), l.teu_per_day, l.teu_per_day * 365.0,
        l.capacity_teu_per_day > 0.0 ? fmt::format("{:.6g}", l.capacity_teu_per_day) : "",
        l.capacity_teu_per_day > 0.0 ? fmt::format("{:.4f}", l.ratio()) : "", l.free_flow_hours,
        l.congested_hours);
  }
  return s;
}

nlohmann::json to_json(const Network& net, const freight::FreightResult& r,
                       const FreightCliOptions& o, const std::string& objective_name) {
  nlohmann::json j;
  j["network"] = o.network;
  j["objective"] = o.objective;
  j["by"] = o.by;
  j["demand_teu_per_day"] = r.total_teu_per_day;
  j["demand_teu_per_year"] = r.total_teu_per_day * 365.0;
  j["teu_km_per_day"] = r.total_teu_km_per_day;
  j["relative_gap"] = r.solution.relative_gap;
  j["iterations"] = r.solution.iterations;
  j["stopped"] = assign::to_string(r.solution.reason);
  j[objective_name] = o.objective == "ue" ? r.solution.beckmann : r.solution.total_cost;
  j["assumptions"] = {{"teu_per_train", o.teu_per_train},
                      {"tonnes_per_teu", o.tonnes_per_teu},
                      {"teu_per_vehicle", o.teu_per_vehicle},
                      {"bpr_alpha", o.bpr_alpha},
                      {"bpr_power", o.bpr_power}};
  auto& cs = j["corridors"] = nlohmann::json::array();
  for (const auto& s : r.shares) {
    const Corridor& c = net.corridor(s.corridor);
    cs.push_back({{"id", c.id},
                  {"name", c.name},
                  {"teu_per_day", s.teu_per_day},
                  {"teu_per_year", s.teu_per_day * 365.0},
                  {"teu_km_per_day", s.teu_km_per_day},
                  {"share_of_teu_km", s.share_of_teu_km}});
  }
  auto load_json = [&](const freight::ArcLoad& l) {
    const Arc& a = net.arc(l.arc);
    nlohmann::json x = {{"link", net.link(a.link).id},      {"from", net.node(a.tail).id},
                        {"to", net.node(a.head).id},        {"teu_per_day", l.teu_per_day},
                        {"free_flow_h", l.free_flow_hours}, {"congested_h", l.congested_hours}};
    if (l.capacity_teu_per_day > 0.0) {
      x["capacity_teu_per_day"] = l.capacity_teu_per_day;
      x["flow_over_capacity"] = l.ratio();
    }
    return x;
  };
  auto& b = j["binding"] = nlohmann::json::array();
  for (const auto& l : r.binding) b.push_back(load_json(l));
  auto& ls = j["links"] = nlohmann::json::array();
  for (const auto& l : r.loads) ls.push_back(load_json(l));
  return j;
}

std::string table(const Network& net, const freight::FreightResult& r, const FreightCliOptions& o,
                  const std::string& objective_name) {
  std::string s;
  s += fmt::format("demand: {:.1f} TEU/day ({:.0f} TEU/year); {:.4g} TEU-km/day assigned\n",
                   r.total_teu_per_day, r.total_teu_per_day * 365.0, r.total_teu_km_per_day);
  s += fmt::format("assumptions: {} TEU per train, {} t per TEU, {} TEU per road vehicle, "
                   "BPR alpha {} power {}\n\n",
                   o.teu_per_train, o.tonnes_per_teu, o.teu_per_vehicle, o.bpr_alpha, o.bpr_power);
  s += "corridor shares (a link may belong to several corridors)\n";
  s +=
      fmt::format("{:<30} {:>12} {:>14} {:>8}\n", "corridor", "TEU/day max", "TEU-km/day", "share");
  for (const auto& c : r.shares) {
    if (!(c.teu_km_per_day > 0.0)) continue;
    s += fmt::format("{:<30} {:>12.1f} {:>14.4g} {:>7.1f}%\n", net.corridor(c.corridor).id,
                     c.teu_per_day, c.teu_km_per_day, 100.0 * c.share_of_teu_km);
  }
  s += fmt::format("\nbinding capacities (flow / capacity >= {})\n", r.binding_ratio);
  if (r.binding.empty()) s += "  none\n";
  for (const auto& l : r.binding)
    s += fmt::format("  {:<40} {:>9.1f} / {:>8.1f} TEU/day = {:.2f}  ({:.1f} h -> {:.1f} h)\n",
                     link_label(net, l), l.teu_per_day, l.capacity_teu_per_day, l.ratio(),
                     l.free_flow_hours, l.congested_hours);
  s += "\nbusiest links\n";
  std::size_t shown = 0;
  for (const auto& l : r.loads) {
    if (shown++ == 15) break;
    s += fmt::format("  {:<40} {:>9.1f} TEU/day", link_label(net, l), l.teu_per_day);
    if (l.capacity_teu_per_day > 0.0)
      s += fmt::format("  (capacity {:.0f}, ratio {:.2f})", l.capacity_teu_per_day, l.ratio());
    s += "\n";
  }
  s += fmt::format("\nstopped: {} after {} iterations, {:.3f} s\n",
                   assign::to_string(r.solution.reason), r.solution.iterations,
                   r.solution.elapsed_s);
  s += fmt::format("relative gap: {:.6e}\n", r.solution.relative_gap);
  s += fmt::format("{}: {:.10g}\n", objective_name,
                   o.objective == "ue" ? r.solution.beckmann : r.solution.total_cost);
  return s;
}

} // namespace

int run_freight_assign(const FreightCliOptions& o) {
  const LoadedNetwork ln = load_network(o.network);
  const formats::DemandFile file = formats::read_demand(o.demand);
  std::vector<freight::OdFlow> demand;
  for (const formats::DemandRow& row : file.rows) {
    const NodeId from =
        resolve_node(ln, fmt::format("{}:{}: field 'from'", file.file, row.line), row.from);
    const NodeId to =
        resolve_node(ln, fmt::format("{}:{}: field 'to'", file.file, row.line), row.to);
    if (from == to)
      throw UsageError(
          fmt::format("{}:{}: field 'to': same place as 'from' ({})", file.file, row.line, row.to));
    demand.push_back({from, to, row.teu_per_day});
  }

  freight::FreightOptions fo;
  fo.by = *parse_objective(o.by);
  fo.teu_per_train = o.teu_per_train;
  fo.tonnes_per_teu = o.tonnes_per_teu;
  fo.teu_per_vehicle = o.teu_per_vehicle;
  fo.value_of_time_usd_per_teu_h = o.value_of_time;
  fo.bpr_alpha = o.bpr_alpha;
  fo.bpr_power = o.bpr_power;
  if (o.year > 0) fo.year = o.year;

  assign::Options opt;
  opt.objective =
      o.objective == "so" ? assign::Objective::system_optimum : assign::Objective::user_equilibrium;
  opt.algorithm = assign::Algorithm::algorithm_b;
  opt.stop.relative_gap = o.gap;
  opt.stop.max_iterations = o.max_iterations;
  if (o.time_limit_s > 0.0) opt.stop.time_limit_s = o.time_limit_s;
  opt.threads = o.threads;
  const std::string objective_name = o.objective == "ue" ? "beckmann_objective" : "total_cost";
  if (!o.quiet) {
    fmt::print(stderr, "{} {} by {}: {} OD pairs, {:.1f} TEU/day\n", o.network,
               assign::to_string(opt.objective), o.by, demand.size(), [&] {
                 double t = 0;
                 for (const auto& d : demand) t += d.teu_per_day;
                 return t;
               }());
    fmt::print(stderr, "{:>6}  {:>12}  {:>12}  {:>9}\n", "iter", "relative gap", "avg excess",
               "time s");
    opt.progress = [](const assign::IterationReport& r) {
      fmt::print(stderr, "{:>6}  {:>12.4e}  {:>12.4e}  {:>9.3f}\n", r.iteration, r.relative_gap,
                 r.average_excess_cost, r.elapsed_s);
    };
  }
  const freight::FreightResult r = freight::assign_freight(ln.net, demand, fo, opt, o.binding);

  const auto geojson = [&] { return report::flows_to_geojson(ln.net, r).dump(2) + "\n"; };
  const bool out_geojson = o.out.size() > 8 && o.out.ends_with(".geojson");
  if (!o.out.empty()) emit(o.out, out_geojson ? geojson() : flows_csv(ln.net, r));
  if (o.format == "geojson")
    emit("", geojson());
  else if (o.format == "json")
    emit("", to_json(ln.net, r, o, objective_name).dump(2) + "\n");
  else if (o.format == "csv")
    emit("", flows_csv(ln.net, r));
  else
    emit("", table(ln.net, r, o,
                   objective_name == "beckmann_objective" ? "Beckmann objective" : "total cost"));
  return kOk;
}

} // namespace caravan::app
