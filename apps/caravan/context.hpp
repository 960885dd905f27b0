// Shared pieces of the subcommands: loading the network, resolving place names, exit codes.
#pragma once

#include "core/names.hpp"
#include "core/network.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

namespace caravan::app {

/// Exit codes of every subcommand.
enum ExitCode : int {
  kOk = 0,
  kFailure = 1,  ///< an unexpected internal error
  kBadInput = 2, ///< bad arguments, unreadable or malformed input, unknown names
  kNoResult = 3, ///< valid input, but no route satisfies the constraints
};

/// An error in what the user asked for; the message names the option.
class UsageError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// A loaded network and its name index.
struct LoadedNetwork {
  std::string label;
  Network net;
  /// Points into `net`: a move rebuilds it for the moved-to network, a copy is not allowed.
  std::unique_ptr<NodeNames> names;
  std::string
      content_hash; ///< formats::content_hash of the files read (`caravan serve` reports it)

  LoadedNetwork() = default;
  LoadedNetwork(std::string label_, Network net_, std::string hash)
      : label(std::move(label_)), net(std::move(net_)), names(std::make_unique<NodeNames>(net)),
        content_hash(std::move(hash)) {}
  LoadedNetwork(LoadedNetwork&& o)
      : label(std::move(o.label)), net(std::move(o.net)),
        names(o.names ? std::make_unique<NodeNames>(net) : nullptr),
        content_hash(std::move(o.content_hash)) {
    o.names.reset();
  }
  LoadedNetwork& operator=(LoadedNetwork&& o) {
    if (this != &o) {
      label = std::move(o.label);
      net = std::move(o.net);
      names = o.names ? std::make_unique<NodeNames>(net) : nullptr;
      o.names.reset();
      content_hash = std::move(o.content_hash);
    }
    return *this;
  }
  LoadedNetwork(const LoadedNetwork&) = delete;
  LoadedNetwork& operator=(const LoadedNetwork&) = delete;
};

inline constexpr const char* kNetworkHelp =
    "network: a directory in Caravan's CSV format (docs/network-format.md), a GeoPackage "
    "FILE.gpkg (docs/storage.md) or the name of a built-in network (eurasia, example)";

/// Loads `arg` (a directory, a FILE.gpkg or a built-in name); prints the reader's warnings to
/// stderr.
LoadedNetwork load_network(const std::string& arg);

/// Resolves a place name given for `option`; throws UsageError with "did you mean" suggestions.
NodeId resolve_node(const LoadedNetwork& n, const std::string& option, const std::string& query);

/// Resolves an ISO country code given for `option`; throws UsageError naming the known codes.
CountryId resolve_country(const Network& net, const std::string& option, const std::string& code);

/// Writes `text` to `path` atomically, or to stdout when `path` is empty or "-".
void emit(const std::string& path, const std::string& text);

/// Runs a subcommand body, turning exceptions into messages on stderr and exit codes.
int guarded(const std::function<int()>& body);

} // namespace caravan::app
