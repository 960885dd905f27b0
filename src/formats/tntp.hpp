// Reader for the TNTP traffic-assignment formats (_net, _trips, _flow, _node files) into plain
// structs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <istream>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace caravan::tntp {

/// A malformed TNTP file: carries the file name, 1-based line and the field that was wrong.
/// what() reads "file:line: field 'name': message".
class TntpError : public std::runtime_error {
public:
  TntpError(std::string file, std::size_t line, std::string field, std::string message);
  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] std::size_t line() const { return line_; }
  [[nodiscard]] const std::string& field() const { return field_; }
  [[nodiscard]] const std::string& message() const { return message_; }

private:
  std::string file_;
  std::size_t line_;
  std::string field_;
  std::string message_;
};

/// `<KEY> value` lines before `<END OF METADATA>`, keyed by the upper-case key without brackets.
using Metadata = std::map<std::string, std::string, std::less<>>;

/// One line of a _net file, in the file's units. TNTP node ids are 1-based.
struct NetLink {
  std::int64_t tail = 0;
  std::int64_t head = 0;
  double capacity = 0.0;
  double length = 0.0;
  double free_flow_time = 0.0;
  double b = 0.0;     ///< BPR alpha
  double power = 0.0; ///< BPR beta
  double speed = 0.0;
  double toll = 0.0;
  std::int64_t link_type = 0;
  std::size_t line = 0; ///< line in the file, for later messages
};

struct Net {
  Metadata metadata;
  std::int64_t zones = 0;
  std::int64_t nodes = 0;
  std::int64_t first_thru_node = 1; ///< nodes with a smaller id may not be passed through
  double toll_factor = 0.0;         ///< from `<TOLL FACTOR>`, 0 when absent
  double distance_factor = 0.0;     ///< from `<DISTANCE FACTOR>`, 0 when absent
  std::vector<NetLink> links;       ///< in file order
};

struct OdEntry {
  std::int64_t origin = 0;
  std::int64_t destination = 0;
  double flow = 0.0;
};

struct Trips {
  Metadata metadata;
  std::int64_t zones = 0;
  double total_od_flow = 0.0;   ///< as stated in the header (0 when absent)
  std::vector<OdEntry> entries; ///< in file order; pairs not listed have zero demand
};

struct FlowEntry {
  std::int64_t tail = 0;
  std::int64_t head = 0;
  double volume = 0.0;
  double cost = 0.0;
};

struct Flows {
  std::vector<FlowEntry> links; ///< in file order (the order of the _net file)
};

struct NodeCoord {
  std::int64_t id = 0;
  double x = 0.0;
  double y = 0.0;
};

struct Nodes {
  std::vector<NodeCoord> nodes;
};

/// Readers. `source` names the input in error messages. All throw TntpError on malformed input.
Net read_net(std::istream& in, std::string_view source);
Trips read_trips(std::istream& in, std::string_view source);
Flows read_flows(std::istream& in, std::string_view source);
Nodes read_nodes(std::istream& in, std::string_view source);

Net read_net_file(const std::filesystem::path& path);
Trips read_trips_file(const std::filesystem::path& path);
Flows read_flows_file(const std::filesystem::path& path);
Nodes read_nodes_file(const std::filesystem::path& path);

/// The files of one TNTP network given as `DIR/Name` (e.g. `.../SiouxFalls/SiouxFalls`):
/// `DIR/Name_net.tntp`, `DIR/Name_trips.tntp`, ...
struct Paths {
  std::filesystem::path net;
  std::filesystem::path trips;
  std::filesystem::path flow;
  std::filesystem::path node;
};
Paths paths_for(const std::filesystem::path& dir_and_name);

} // namespace caravan::tntp
