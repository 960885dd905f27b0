// One registration function per subcommand; main.cpp calls them all.
#pragma once

#include <CLI/CLI.hpp>

namespace caravan::app {

/// Each adds its subcommand to `app`; when it runs, the subcommand stores its exit code in
/// `exit_code`.
void add_route_command(CLI::App& app, int& exit_code);
void add_reach_command(CLI::App& app, int& exit_code);
void add_pareto_command(CLI::App& app, int& exit_code);
void add_alternatives_command(CLI::App& app, int& exit_code);
void add_compare_command(CLI::App& app, int& exit_code);
void add_matrix_command(CLI::App& app, int& exit_code);
void add_validate_command(CLI::App& app, int& exit_code);
void add_assign_command(CLI::App& app, int& exit_code);
void add_serve_command(CLI::App& app, int& exit_code);
void add_import_osm_command(CLI::App& app, int& exit_code);
void add_impact_command(CLI::App& app, int& exit_code);
void add_calibrate_command(CLI::App& app, int& exit_code);
void add_build_network_command(CLI::App& app, int& exit_code);
void add_export_command(CLI::App& app, int& exit_code);

} // namespace caravan::app
