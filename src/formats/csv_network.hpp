// Reading and writing a network in Caravan's CSV format (docs/network-format.md).
#pragma once

#include "core/network.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace caravan::formats {

/// The text of each file of a network, keyed by file name ("nodes.csv", ...). `label` prefixes the
/// file names in error messages (usually the directory).
struct NetworkFiles {
  std::string label;
  std::map<std::string, std::string> contents;
};

struct NetworkReadResult {
  Network network;
  std::vector<std::string> warnings; ///< e.g. unknown columns that were ignored
};

/// Parses a network from file contents. Throws ParseError naming file, line and field.
NetworkReadResult parse_network(const NetworkFiles& files);

/// The files of a network directory as they are (those of the format that exist), unparsed.
/// Throws ParseError for a missing directory or an unreadable file.
NetworkFiles read_network_files(const std::filesystem::path& dir);

/// A content hash of the files (their names and texts, not `label`): 16 hex digits of 64-bit
/// FNV-1a. Equal files give the same hash wherever they lie; a changed byte changes it.
std::string content_hash(const NetworkFiles& files);

/// Reads a network directory. Throws ParseError (also for a missing directory or required file).
NetworkReadResult read_network(const std::filesystem::path& dir);

/// The CSV texts for `net`, such that parse_network() gives back an equal network.
NetworkFiles format_network(const Network& net);

class CsvTable;
/// Reads `<base>` (typical) with optional `<base>_low`/`<base>_high` columns of row `row` as a
/// range; a low above or a high below the typical value is an error naming the column.
HoursRange hours_range(const CsvTable& t, std::size_t row, const std::string& base, double typical);

/// Writes `net` into `dir` (created if needed), each file atomically.
void write_network(const Network& net, const std::filesystem::path& dir);

} // namespace caravan::formats
