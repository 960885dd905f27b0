// `caravan export`: a network written as a GeoPackage (for QGIS and other GIS tools) or as a CSV
// directory, from any network Caravan reads (a directory, a GeoPackage, a built-in name).
#include "commands.hpp"
#include "context.hpp"

#include "formats/csv_network.hpp"
#include "storage/network_gpkg.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <memory>

namespace caravan::app {

namespace {
struct ExportOptions {
  std::string network = "eurasia";
  std::string to;
  bool quiet = false;
};

int run_export(const ExportOptions& o) {
  if (o.to.empty() || o.to == "-")
    throw UsageError("--to: give a FILE.gpkg or a directory (a GeoPackage cannot go to stdout)");
  std::error_code ec;
  const std::filesystem::path to(o.to);
  if (std::filesystem::equivalent(to, o.network, ec))
    throw UsageError(fmt::format("--to: {} is the network being read", o.to));
  const LoadedNetwork ln = load_network(o.network);
  if (storage::is_geopackage_path(o.to)) {
    storage::write_network_gpkg(ln.net, to, {std::string("caravan ") + CARAVAN_VERSION, ln.label});
  } else {
    if (std::filesystem::exists(to, ec) && !std::filesystem::is_directory(to, ec))
      throw UsageError(fmt::format(
          "--to: {} exists and is not a directory (name a FILE.gpkg for a GeoPackage)", o.to));
    formats::write_network(ln.net, to);
  }
  if (!o.quiet)
    fmt::print(stderr, "wrote {}: {} places, {} links, {} transfers, {} borders, {} corridors\n",
               o.to, ln.net.node_count(), ln.net.link_count(), ln.net.transfers().size(),
               ln.net.borders().size(), ln.net.corridors().size());
  return kOk;
}
} // namespace

void add_export_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Write a network as a GeoPackage (FILE.gpkg, for QGIS) or a CSV directory");
  cmd->add_option("--network,-n", o->network, kNetworkHelp)->capture_default_str();
  cmd->add_option("--to", o->to,
                  "output: FILE.gpkg writes a GeoPackage (layers places, links, transfers, "
                  "borders, corridors; docs/storage.md), anything else a CSV network directory "
                  "(docs/network-format.md); written atomically")
      ->required();
  cmd->add_flag("--quiet,-q", o->quiet, "print nothing on success");
  cmd->footer("Examples:\n  caravan export --network eurasia --to eurasia.gpkg\n"
              "  caravan route --network eurasia.gpkg --from Xian --to Duisburg\n"
              "  caravan export --network eurasia.gpkg --to eurasia-csv/");
  cmd->callback([o, &exit_code] { exit_code = guarded([&] { return run_export(*o); }); });
}

} // namespace caravan::app
