// Parses TNTP _net, _trips, _flow and _node files; every error names file:line and the field.
#include "formats/tntp.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>

namespace caravan::tntp {

TntpError::TntpError(std::string file, std::size_t line, std::string field, std::string message)
    : std::runtime_error(file + ":" + std::to_string(line) + ": field '" + field + "': " + message),
      file_(std::move(file)), line_(line), field_(std::move(field)), message_(std::move(message)) {}

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_ws(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    std::size_t j = i;
    while (j < s.size() && !is_space(s[j])) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

/// Reads lines and remembers the line number, so errors can name it.
class Lines {
public:
  Lines(std::istream& in, std::string_view source) : in_(in), source_(source) {}
  bool next(std::string& line) {
    if (!std::getline(in_, line)) return false;
    ++line_no_;
    if (line_no_ == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3); // a UTF-8 BOM
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  }
  [[nodiscard]] std::size_t line() const { return line_no_; }
  [[nodiscard]] const std::string& source() const { return source_; }
  [[noreturn]] void fail(std::string_view field, std::string message) const {
    throw TntpError(source_, line_no_, std::string(field), std::move(message));
  }
  [[noreturn]] void fail_at(std::size_t line, std::string_view field, std::string message) const {
    throw TntpError(source_, line, std::string(field), std::move(message));
  }

private:
  std::istream& in_;
  std::string source_;
  std::size_t line_no_ = 0;
};

double parse_double(const Lines& lines, std::string_view field, std::string_view tok) {
  double v = 0.0;
  std::string_view t = tok;
  if (!t.empty() && t.front() == '+') t.remove_prefix(1);
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || p != t.data() + t.size() || !std::isfinite(v))
    lines.fail(field, "expected a number, got '" + std::string(tok) + "'");
  return v;
}

std::int64_t parse_int(const Lines& lines, std::string_view field, std::string_view tok) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(tok.data(), tok.data() + tok.size(), v);
  if (ec != std::errc() || p != tok.data() + tok.size()) {
    // Some files write integral values as decimals ("3.0"); accept those exactly.
    double d = 0.0;
    auto [p2, ec2] = std::from_chars(tok.data(), tok.data() + tok.size(), d);
    if (ec2 == std::errc() && p2 == tok.data() + tok.size() && std::isfinite(d) &&
        d == std::floor(d) && std::abs(d) < 9e15)
      return static_cast<std::int64_t>(d);
    lines.fail(field, "expected an integer, got '" + std::string(tok) + "'");
  }
  return v;
}

/// Reads the metadata block if the input starts with one. On return, `pending` holds the first
/// line after the block (or the first non-metadata line if there was no block).
struct MetaResult {
  Metadata metadata;
  std::optional<std::string> pending;
  std::size_t end_line = 0; ///< line of <END OF METADATA>, 0 when absent
  std::map<std::string, std::size_t, std::less<>> key_line;
};

MetaResult read_metadata(Lines& lines) {
  MetaResult r;
  std::string line;
  bool in_block = false;
  while (lines.next(line)) {
    std::string_view t = trim(line);
    if (t.empty()) continue;
    if (t.front() != '<') {
      if (in_block && t.front() == '~') continue;
      if (in_block) lines.fail("metadata", "expected '<KEY> value' or <END OF METADATA>");
      r.pending = line;
      return r;
    }
    in_block = true;
    auto close = t.find('>');
    if (close == std::string_view::npos) lines.fail("metadata", "missing '>' after the key");
    std::string key(trim(t.substr(1, close - 1)));
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (key == "END OF METADATA") {
      r.end_line = lines.line();
      return r;
    }
    r.metadata[key] = std::string(trim(t.substr(close + 1)));
    r.key_line[key] = lines.line();
  }
  if (in_block) lines.fail("metadata", "missing <END OF METADATA>");
  return r;
}

std::optional<double> meta_number(const Lines& lines, const MetaResult& m, std::string_view key) {
  auto it = m.metadata.find(key);
  if (it == m.metadata.end()) return std::nullopt;
  std::string_view v = trim(it->second);
  if (!v.empty() && v.back() == ';') v = trim(v.substr(0, v.size() - 1));
  double d = 0.0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || p != v.data() + v.size())
    lines.fail_at(m.key_line.at(std::string(key)), key,
                  "expected a number, got '" + std::string(it->second) + "'");
  return d;
}

/// The metadata value of `key`, quoted, for messages.
std::string quoted_value(const MetaResult& m, std::string_view key) {
  return "'" + m.metadata.find(key)->second + "'";
}

std::int64_t meta_count(const Lines& lines, const MetaResult& m, std::string_view key,
                        bool required) {
  auto v = meta_number(lines, m, key);
  if (!v) {
    if (required)
      lines.fail_at(m.end_line ? m.end_line : lines.line(), key, "missing from the metadata");
    return -1;
  }
  if (*v != std::floor(*v))
    lines.fail_at(m.key_line.at(std::string(key)), key, "expected an integer");
  if (!(std::abs(*v) < 9e15))
    lines.fail_at(m.key_line.at(std::string(key)), key,
                  "expected an integer below 9e15, got " + quoted_value(m, key));
  return static_cast<std::int64_t>(*v);
}

/// Splits a data line into its values up to the `;` terminator. Returns false for blank and
/// comment lines.
bool data_tokens(const Lines& lines, std::string_view line, std::vector<std::string_view>& out) {
  std::string_view t = trim(line);
  if (t.empty() || t.front() == '~') return false;
  auto semi = t.find(';');
  if (semi != std::string_view::npos) {
    if (!trim(t.substr(semi + 1)).empty())
      lines.fail("line",
                 "unexpected text after ';': '" + std::string(trim(t.substr(semi + 1))) + "'");
    t = t.substr(0, semi);
  }
  out = split_ws(t);
  return true;
}

std::ifstream open(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw TntpError(path.string(), 0, "file", "cannot open");
  return in;
}

} // namespace

Net read_net(std::istream& in, std::string_view source) {
  Lines lines(in, source);
  MetaResult meta = read_metadata(lines);
  if (meta.end_line == 0) lines.fail("metadata", "missing metadata block (<NUMBER OF NODES> ...)");
  Net net;
  net.zones = meta_count(lines, meta, "NUMBER OF ZONES", true);
  net.nodes = meta_count(lines, meta, "NUMBER OF NODES", true);
  const std::int64_t declared_links = meta_count(lines, meta, "NUMBER OF LINKS", true);
  const std::int64_t ftn = meta_count(lines, meta, "FIRST THRU NODE", false);
  net.first_thru_node = ftn < 0 ? 1 : ftn;
  net.toll_factor = meta_number(lines, meta, "TOLL FACTOR").value_or(0.0);
  net.distance_factor = meta_number(lines, meta, "DISTANCE FACTOR").value_or(0.0);
  if (net.nodes <= 0)
    lines.fail_at(meta.key_line.at("NUMBER OF NODES"), "NUMBER OF NODES", "must be positive");
  if (net.nodes > 0xFFFFFFFELL)
    lines.fail_at(meta.key_line.at("NUMBER OF NODES"), "NUMBER OF NODES",
                  "more than 2^32-2 nodes are not supported");
  if (net.zones < 0 || net.zones > net.nodes)
    lines.fail_at(meta.key_line.at("NUMBER OF ZONES"), "NUMBER OF ZONES",
                  "must be between 0 and NUMBER OF NODES");
  net.metadata = std::move(meta.metadata);
  // The declared count is a hint only: a short file may declare billions of links.
  if (declared_links >= 0)
    net.links.reserve(static_cast<std::size_t>(std::min<std::int64_t>(declared_links, 1 << 20)));

  static constexpr const char* kFields[] = {"init_node",      "term_node", "capacity", "length",
                                            "free_flow_time", "b",         "power",    "speed",
                                            "toll",           "link_type"};
  std::string line;
  std::vector<std::string_view> tok;
  auto handle = [&](std::string_view l) {
    if (!data_tokens(lines, l, tok)) return;
    if (tok.size() < 10)
      lines.fail(kFields[tok.size()],
                 "missing (a link line has 10 values, found " + std::to_string(tok.size()) + ")");
    if (tok.size() > 10)
      lines.fail("link_type", "unexpected extra value '" + std::string(tok[10]) + "'");
    NetLink a;
    a.line = lines.line();
    a.tail = parse_int(lines, kFields[0], tok[0]);
    a.head = parse_int(lines, kFields[1], tok[1]);
    a.capacity = parse_double(lines, kFields[2], tok[2]);
    a.length = parse_double(lines, kFields[3], tok[3]);
    a.free_flow_time = parse_double(lines, kFields[4], tok[4]);
    a.b = parse_double(lines, kFields[5], tok[5]);
    a.power = parse_double(lines, kFields[6], tok[6]);
    a.speed = parse_double(lines, kFields[7], tok[7]);
    a.toll = parse_double(lines, kFields[8], tok[8]);
    a.link_type = parse_int(lines, kFields[9], tok[9]);
    for (int k = 0; k < 2; ++k) {
      const std::int64_t n = k == 0 ? a.tail : a.head;
      if (n < 1 || n > net.nodes)
        lines.fail(kFields[k], "node " + std::to_string(n) + " outside 1.." +
                                   std::to_string(net.nodes) + " (NUMBER OF NODES)");
    }
    if (a.capacity < 0.0)
      lines.fail("capacity", "must not be negative, got " + std::string(tok[2]));
    if (!(a.capacity > 0.0) && a.b != 0.0)
      lines.fail("capacity", "must be positive when b is not 0, got " + std::string(tok[2]));
    if (a.length < 0.0) lines.fail("length", "must not be negative");
    if (a.free_flow_time < 0.0) lines.fail("free_flow_time", "must not be negative");
    if (a.b < 0.0) lines.fail("b", "must not be negative");
    if (a.power < 0.0) lines.fail("power", "must not be negative");
    if (a.toll < 0.0) lines.fail("toll", "must not be negative");
    net.links.push_back(a);
  };
  if (meta.pending) handle(*meta.pending);
  while (lines.next(line)) handle(line);
  if (declared_links >= 0 && static_cast<std::int64_t>(net.links.size()) != declared_links)
    lines.fail("NUMBER OF LINKS", "metadata says " + std::to_string(declared_links) +
                                      " links, the file has " + std::to_string(net.links.size()));
  return net;
}

Trips read_trips(std::istream& in, std::string_view source) {
  Lines lines(in, source);
  MetaResult meta = read_metadata(lines);
  if (meta.end_line == 0) lines.fail("metadata", "missing metadata block (<NUMBER OF ZONES> ...)");
  Trips trips;
  trips.zones = meta_count(lines, meta, "NUMBER OF ZONES", true);
  trips.total_od_flow = meta_number(lines, meta, "TOTAL OD FLOW").value_or(0.0);
  if (trips.zones <= 0)
    lines.fail_at(meta.key_line.at("NUMBER OF ZONES"), "NUMBER OF ZONES", "must be positive");
  trips.metadata = std::move(meta.metadata);

  std::int64_t origin = -1;
  std::string line;
  auto check_zone = [&](std::string_view field, std::int64_t z) {
    if (z < 1 || z > trips.zones)
      lines.fail(field, "zone " + std::to_string(z) + " outside 1.." + std::to_string(trips.zones) +
                            " (NUMBER OF ZONES)");
  };
  auto handle = [&](std::string_view l) {
    std::string_view t = trim(l);
    if (t.empty() || t.front() == '~') return;
    if (t.size() >= 6 && (t.substr(0, 6) == "Origin" || t.substr(0, 6) == "origin")) {
      auto tok = split_ws(t.substr(6));
      if (tok.size() != 1) lines.fail("origin", "expected 'Origin <zone>'");
      origin = parse_int(lines, "origin", tok[0]);
      check_zone("origin", origin);
      return;
    }
    if (origin < 0) lines.fail("origin", "demand entries before the first 'Origin' line");
    while (!t.empty()) {
      auto semi = t.find(';');
      std::string_view entry = trim(t.substr(0, semi));
      t = semi == std::string_view::npos ? std::string_view{} : trim(t.substr(semi + 1));
      if (entry.empty()) continue;
      auto colon = entry.find(':');
      if (colon == std::string_view::npos)
        lines.fail("destination", "expected '<zone> : <flow>;', got '" + std::string(entry) + "'");
      auto d_tok = trim(entry.substr(0, colon));
      auto f_tok = trim(entry.substr(colon + 1));
      if (d_tok.empty()) lines.fail("destination", "missing before ':'");
      if (f_tok.empty()) lines.fail("flow", "missing after ':'");
      OdEntry e;
      e.origin = origin;
      e.destination = parse_int(lines, "destination", d_tok);
      check_zone("destination", e.destination);
      e.flow = parse_double(lines, "flow", f_tok);
      if (e.flow < 0.0) lines.fail("flow", "must not be negative, got " + std::string(f_tok));
      trips.entries.push_back(e);
    }
  };
  if (meta.pending) handle(*meta.pending);
  while (lines.next(line)) handle(line);
  return trips;
}

Flows read_flows(std::istream& in, std::string_view source) {
  Lines lines(in, source);
  MetaResult meta = read_metadata(lines);
  Flows flows;
  std::string line;
  std::vector<std::string_view> tok;
  bool header_seen = false;
  auto handle = [&](std::string_view l) {
    if (!data_tokens(lines, l, tok)) return;
    if (!header_seen && !tok.empty() && std::isalpha(static_cast<unsigned char>(tok[0][0]))) {
      header_seen = true; // "From To Volume Cost"
      return;
    }
    static constexpr const char* kFields[] = {"from", "to", "volume", "cost"};
    if (tok.size() < 3)
      lines.fail(kFields[tok.size()], "missing (a flow line has 'from to volume [cost]')");
    if (tok.size() > 4) lines.fail("cost", "unexpected extra value '" + std::string(tok[4]) + "'");
    FlowEntry f;
    f.tail = parse_int(lines, "from", tok[0]);
    f.head = parse_int(lines, "to", tok[1]);
    f.volume = parse_double(lines, "volume", tok[2]);
    if (tok.size() == 4) f.cost = parse_double(lines, "cost", tok[3]);
    flows.links.push_back(f);
  };
  if (meta.pending) handle(*meta.pending);
  while (lines.next(line)) handle(line);
  return flows;
}

Nodes read_nodes(std::istream& in, std::string_view source) {
  Lines lines(in, source);
  MetaResult meta = read_metadata(lines);
  Nodes nodes;
  std::string line;
  std::vector<std::string_view> tok;
  bool header_seen = false;
  auto handle = [&](std::string_view l) {
    if (!data_tokens(lines, l, tok)) return;
    if (!header_seen && !tok.empty() && std::isalpha(static_cast<unsigned char>(tok[0][0]))) {
      header_seen = true; // "node X Y"
      return;
    }
    static constexpr const char* kFields[] = {"node", "x", "y"};
    if (tok.size() < 3) lines.fail(kFields[tok.size()], "missing (a node line has 'node x y')");
    if (tok.size() > 3) lines.fail("y", "unexpected extra value '" + std::string(tok[3]) + "'");
    NodeCoord c;
    c.id = parse_int(lines, "node", tok[0]);
    c.x = parse_double(lines, "x", tok[1]);
    c.y = parse_double(lines, "y", tok[2]);
    nodes.nodes.push_back(c);
  };
  if (meta.pending) handle(*meta.pending);
  while (lines.next(line)) handle(line);
  return nodes;
}

Net read_net_file(const std::filesystem::path& path) {
  auto in = open(path);
  return read_net(in, path.string());
}
Trips read_trips_file(const std::filesystem::path& path) {
  auto in = open(path);
  return read_trips(in, path.string());
}
Flows read_flows_file(const std::filesystem::path& path) {
  auto in = open(path);
  return read_flows(in, path.string());
}
Nodes read_nodes_file(const std::filesystem::path& path) {
  auto in = open(path);
  return read_nodes(in, path.string());
}

Paths paths_for(const std::filesystem::path& dir_and_name) {
  const std::string base = dir_and_name.string();
  return {base + "_net.tntp", base + "_trips.tntp", base + "_flow.tntp", base + "_node.tntp"};
}

} // namespace caravan::tntp
