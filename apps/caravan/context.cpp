// Network loading, name resolution, output and error handling shared by all subcommands.
#include "context.hpp"

#include "formats/atomic_file.hpp"
#include "formats/builtin_networks.hpp"
#include "formats/csv_network.hpp"
#include "formats/parse_error.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <variant>

namespace caravan::app {

LoadedNetwork load_network(const std::string& arg) {
  formats::NetworkReadResult r = [&] {
    std::error_code ec;
    if (!std::filesystem::exists(arg, ec))
      if (auto files = formats::builtin_network(arg)) return formats::parse_network(*files);
    return formats::read_network(arg);
  }();
  for (const auto& w : r.warnings) fmt::print(stderr, "warning: {}\n", w);
  LoadedNetwork out{arg, std::move(r.network), nullptr};
  out.names = std::make_unique<NodeNames>(out.net);
  return out;
}

NodeId resolve_node(const LoadedNetwork& n, const std::string& option, const std::string& query) {
  const NameMatch m = n.names->resolve(query);
  if (const auto* id = std::get_if<NodeId>(&m)) return *id;
  if (const auto* nf = std::get_if<NameNotFound>(&m)) {
    std::string hint;
    for (const auto& s : nf->suggestions) hint += (hint.empty() ? "" : ", ") + s;
    throw UsageError(fmt::format("{}: no place named '{}' in {}; did you mean {}?", option, query,
                                 n.label, hint));
  }
  const auto& amb = std::get<NameAmbiguous>(m);
  std::string ids;
  for (NodeId c : amb.candidates)
    ids += fmt::format("{}{} ({}, {})", ids.empty() ? "" : ", ", n.net.node(c).id,
                       n.net.node(c).name, n.net.node(c).country);
  throw UsageError(
      fmt::format("{}: '{}' is ambiguous; use one of the ids: {}", option, query, ids));
}

CountryId resolve_country(const Network& net, const std::string& option, const std::string& code) {
  std::string up = code;
  for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (auto c = net.find_country(up)) return *c;
  std::string known;
  for (const auto& c : net.countries()) known += (known.empty() ? "" : " ") + c;
  throw UsageError(fmt::format("{}: no node lies in country '{}'; countries in this network: {}",
                               option, code, known));
}

void emit(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return;
  }
  formats::write_file_atomically(path, text);
}

int guarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (const formats::ParseError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return kBadInput;
  } catch (const UsageError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return kBadInput;
  } catch (const NetworkError& e) {
    fmt::print(stderr, "error: invalid network: {}\n", e.what());
    return kBadInput;
  } catch (const formats::WriteError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return kFailure;
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return kFailure;
  }
}

} // namespace caravan::app
