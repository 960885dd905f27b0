// `caravan assign`: static traffic assignment (user equilibrium or system optimum) of a TNTP
// network, or of TEU demand on a Caravan network.
#include "commands.hpp"
#include "context.hpp"
#include "freight_assign.hpp"

#include "assign/assignment.hpp"
#include "assign/shortest_path.hpp"
#include "formats/atomic_file.hpp"
#include "formats/tntp_assign.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <optional>
#include <unistd.h>

namespace caravan::app {

namespace {
struct AssignCliOptions {
  std::string tntp;
  double gap = 1e-8;
  double time_limit_s = 0.0; // 0 = none
  int max_iterations = 100000;
  std::string objective = "ue";
  std::string algorithm = "b";
  std::string out;
  std::optional<double> toll_factor;
  std::optional<double> distance_factor;
  double demand_scale = 1.0;
  int threads = 0;
  bool quiet = false;
  bool drop_unreachable = false;
};

int run_assign(const AssignCliOptions& o) {
  tntp::CostWeights w;
  w.toll_factor = o.toll_factor;
  w.distance_factor = o.distance_factor;
  tntp::AssignmentInput in = tntp::load_assignment(o.tntp, w);
  if (o.demand_scale != 1.0) in.demand = in.demand.scaled(o.demand_scale);
  if (o.drop_unreachable) {
    assign::ReachableDemand rd = assign::drop_unreachable(in.network, in.demand);
    if (rd.dropped_pairs > 0)
      fmt::print(stderr, "note: dropped {} OD pairs ({:.6g} trips) with no path\n",
                 rd.dropped_pairs, rd.dropped_flow);
    in.demand = std::move(rd.demand);
  }
  if (in.duplicates_dropped > 0)
    fmt::print(stderr, "note: kept the first of each duplicated link, dropped {} links\n",
               in.duplicates_dropped);

  assign::Options opt;
  opt.objective =
      o.objective == "so" ? assign::Objective::system_optimum : assign::Objective::user_equilibrium;
  opt.algorithm = o.algorithm == "fw"    ? assign::Algorithm::frank_wolfe
                  : o.algorithm == "cfw" ? assign::Algorithm::conjugate_frank_wolfe
                                         : assign::Algorithm::algorithm_b;
  opt.stop.relative_gap = o.gap;
  opt.stop.max_iterations = o.max_iterations;
  if (o.time_limit_s > 0.0) opt.stop.time_limit_s = o.time_limit_s;
  opt.threads = o.threads;
  // The per-iteration table goes to stderr on a terminal (stdout stays for the summary), and to
  // stdout otherwise so that logs keep it.
  std::FILE* table = isatty(fileno(stderr)) ? stderr : stdout;
  const char* objective_name =
      opt.objective == assign::Objective::user_equilibrium ? "Beckmann objective" : "total cost";
  if (!o.quiet) {
    fmt::print(table, "{} {} by {}: {} zones, {} nodes, {} links, demand {:.6g}\n", o.tntp,
               assign::to_string(opt.objective), assign::to_string(opt.algorithm),
               in.network.num_zones(), in.network.num_nodes(), in.network.num_links(),
               in.demand.total());
    fmt::print(table, "{:>6}  {:>12}  {:>12}  {:>22}  {:>9}\n", "iter", "relative gap",
               "avg excess", objective_name, "time s");
    opt.progress = [table](const assign::IterationReport& r) {
      fmt::print(table, "{:>6}  {:>12.4e}  {:>12.4e}  {:>22.15g}  {:>9.3f}\n", r.iteration,
                 r.relative_gap, r.average_excess_cost, r.objective, r.elapsed_s);
      std::fflush(table);
    };
  }
  const assign::Result r = assign::assign(in.network, in.demand, opt);

  if (!o.out.empty()) {
    std::string csv = "from,to,flow\n";
    const auto tail = in.network.tail();
    const auto head = in.network.head();
    const auto link_of_input = in.network.link_of_input();
    for (std::size_t i = 0; i < in.spec_of_file_link.size(); ++i) {
      const std::uint32_t spec = in.spec_of_file_link[i];
      if (spec == assign::kNone) continue;
      const assign::LinkIndex a = link_of_input[spec];
      csv += fmt::format("{},{},{}\n", tail[a] + 1, head[a] + 1, r.flow[a]);
    }
    emit(o.out, csv);
  }
  fmt::print("stopped: {} after {} iterations, {:.3f} s\n", assign::to_string(r.reason),
             r.iterations, r.elapsed_s);
  fmt::print("relative gap: {:.6e}\n", r.relative_gap);
  fmt::print("average excess cost: {:.6e}\n", r.average_excess_cost);
  fmt::print("{}: {:.15g}\n", objective_name,
             opt.objective == assign::Objective::user_equilibrium ? r.beckmann : r.total_cost);
  return kOk;
}
} // namespace

void add_assign_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<AssignCliOptions>();
  auto f = std::make_shared<FreightCliOptions>();
  auto gap_given = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "assign", "Traffic assignment (user equilibrium or system optimum) of a TNTP network, or "
                "of TEU demand on a Caravan network (--network with --demand)");
  auto* tntp_opt =
      cmd->add_option("--tntp", o->tntp,
                      "the network as DIR/Name, reading DIR/Name_net.tntp and DIR/Name_trips.tntp");
  auto* network_opt = cmd->add_option("--network,-n", f->network, kNetworkHelp);
  auto* demand_opt =
      cmd->add_option("--demand", f->demand,
                      "CSV of TEU demand: from,to,teu_per_year (or teu_per_day); places are "
                      "names, aliases or ids as in `caravan route`");
  tntp_opt->excludes(network_opt)->excludes(demand_opt);
  network_opt->needs(demand_opt);
  demand_opt->needs(network_opt);
  cmd->add_option("--gap", o->gap, "stop at this relative gap (default 1e-8; 1e-6 with --network)")
      ->check(CLI::Range(0.0, 1.0))
      ->each([gap_given](const std::string&) { *gap_given = true; });
  cmd->add_option("--by", f->by, "with --network: minimise time, or cost (USD + value of time)")
      ->check(CLI::IsMember({"time", "cost"}))
      ->capture_default_str();
  cmd->add_option("--format,-f", f->format,
                  "with --network: table, json, csv or geojson (the link flows, along the links' "
                  "lines) on stdout")
      ->check(CLI::IsMember({"table", "json", "csv", "geojson"}))
      ->capture_default_str();
  cmd->add_option("--teu-per-train", f->teu_per_train,
                  "with --network: converts trains_per_day capacities (facts: ~100 TEU per train)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--tonnes-per-teu", f->tonnes_per_teu,
                  "with --network: converts tonnes_per_year capacities")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--teu-per-vehicle", f->teu_per_vehicle,
                  "with --network: converts vehicles_per_hour capacities (estimate)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--value-of-time", f->value_of_time,
                  "with --by cost: USD per TEU-hour of delay (estimate)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--bpr-alpha", f->bpr_alpha, "with --network: BPR alpha of capacitated links")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--bpr-power", f->bpr_power, "with --network: BPR power of capacitated links")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--binding", f->binding,
                  "with --network: report links with flow / capacity at least this")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--year", f->year, "with --network: also use links open by this year")
      ->check(CLI::Range(1800, 2200));
  cmd->add_option("--time-limit", o->time_limit_s, "stop after this many seconds (0 = none)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-iterations", o->max_iterations, "stop after this many iterations")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--objective", o->objective,
                  "ue: user equilibrium; so: system optimum (marginal costs)")
      ->check(CLI::IsMember({"ue", "so"}))
      ->capture_default_str();
  cmd->add_option("--algorithm", o->algorithm,
                  "b: Algorithm B (bush-based, fast); fw: Frank-Wolfe; cfw: conjugate Frank-Wolfe")
      ->check(CLI::IsMember({"b", "fw", "cfw"}))
      ->capture_default_str();
  cmd->add_option("--out,-o", o->out,
                  "write link flows as CSV (TNTP: from,to,flow with TNTP node ids; --network: "
                  "link,from,to,mode,...,teu_per_day,capacity_teu_per_day,...), or as GeoJSON "
                  "along the links' lines when the name ends in .geojson (--network)");
  cmd->add_option("--toll-factor", o->toll_factor,
                  "generalized cost per toll unit (default: the file's <TOLL FACTOR>, else 0)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--distance-factor", o->distance_factor,
                  "generalized cost per length unit (default: <DISTANCE FACTOR>, else 0)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--demand-scale", o->demand_scale,
                  "multiply the trip table (e.g. 2 for ChicagoSketch's recommended test)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--threads", o->threads, "worker threads for shortest paths (0 = all cores)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--quiet,-q", o->quiet, "do not print the per-iteration table");
  cmd->add_flag("--drop-unreachable", o->drop_unreachable,
                "drop OD pairs with no path instead of failing (some networks are not strongly "
                "connected)");
  cmd->footer(
      "Examples:\n  caravan assign --tntp ../shared/data/tntp/SiouxFalls/SiouxFalls\n"
      "  caravan assign --tntp ../shared/data/tntp/ChicagoSketch/ChicagoSketch --toll-factor 0.02 "
      "--distance-factor 0.04 --gap 1e-10 -o flows.csv\n"
      "  caravan assign --tntp DIR/Name --objective so --algorithm fw --time-limit 60\n"
      "  caravan assign --network eurasia --demand examples/freight-demand/china-europe.csv "
      "--out flows.csv");
  cmd->callback([o, f, gap_given, &exit_code] {
    exit_code = guarded([&] {
      try {
        if (o->tntp.empty() && f->network.empty())
          throw UsageError("give --tntp DIR/Name, or --network with --demand");
        if (!f->network.empty()) {
          if (*gap_given) f->gap = o->gap;
          f->objective = o->objective;
          f->time_limit_s = o->time_limit_s;
          f->max_iterations = o->max_iterations;
          f->out = o->out;
          f->threads = o->threads;
          f->quiet = o->quiet;
          return run_freight_assign(*f);
        }
        return run_assign(*o);
      } catch (const tntp::TntpError& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return static_cast<int>(kBadInput);
      } catch (const assign::AssignError& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return static_cast<int>(kBadInput);
      }
    });
  });
}

} // namespace caravan::app
