// The `caravan` command-line program: freight routing and corridor analysis across Eurasia.
#include "commands.hpp"
#include "context.hpp"

#include <fmt/format.h>

int main(int argc, char** argv) {
  CLI::App app{
      "Caravan: plan freight across Eurasia's land corridors (rail, road, ferry, sea).\n"
      "Every subcommand has its own --help. Exit codes: 0 ok, 1 internal error, 2 bad input,\n"
      "3 no route satisfies the constraints.",
      "caravan"};
  app.set_version_flag("--version", std::string("caravan ") + CARAVAN_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);
  int exit_code = caravan::app::kOk;
  caravan::app::add_route_command(app, exit_code);
  caravan::app::add_reach_command(app, exit_code);
  caravan::app::add_pareto_command(app, exit_code);
  caravan::app::add_alternatives_command(app, exit_code);
  caravan::app::add_compare_command(app, exit_code);
  caravan::app::add_matrix_command(app, exit_code);
  caravan::app::add_validate_command(app, exit_code);
  caravan::app::add_assign_command(app, exit_code);
  caravan::app::add_serve_command(app, exit_code);
  caravan::app::add_import_osm_command(app, exit_code);
  caravan::app::add_impact_command(app, exit_code);
  caravan::app::add_calibrate_command(app, exit_code);
  caravan::app::add_build_network_command(app, exit_code);
  caravan::app::add_export_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : caravan::app::kBadInput;
  }
  return exit_code;
}
