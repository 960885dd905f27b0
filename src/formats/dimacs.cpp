// DIMACS .gr/.co parsing: line by line, fields split on blanks, numbers checked with from_chars.
#include "formats/dimacs.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <string_view>
#include <vector>

#include "formats/parse_error.hpp"

namespace caravan::formats {

namespace {

/// Splits a line into at most `max` blank-separated fields; returns how many were found (more
/// than `max` is reported as max + 1).
std::size_t split(std::string_view line, std::string_view* out, std::size_t max) {
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    if (i >= line.size()) break;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '\r') ++j;
    if (count == max) return max + 1;
    out[count++] = line.substr(i, j - i);
    i = j;
  }
  return count;
}

template <class T>
T parse_number(std::string_view s, const std::string& name, std::size_t line, const char* field,
               const char* what) {
  T v{};
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) {
    throw ParseError(name, line, field,
                     std::string("expected ") + what + ", got '" + std::string(s) + "'");
  }
  return v;
}

} // namespace

graph::Graph read_dimacs_graph(std::istream& in, const std::string& name, graph::WeightUnit unit) {
  std::string buf;
  std::size_t line_no = 0;
  std::uint64_t node_count = 0;
  std::uint64_t declared_arcs = 0;
  bool have_problem = false;
  std::vector<graph::Arc> arcs;
  std::string_view f[5];
  while (std::getline(in, buf)) {
    ++line_no;
    if (line_no == 1 && buf.starts_with("\xEF\xBB\xBF")) buf.erase(0, 3); // a UTF-8 BOM
    const std::size_t nf = split(buf, f, 4);
    if (nf == 0 || f[0] == "c") continue;
    if (f[0] == "p") {
      if (have_problem) throw ParseError(name, line_no, "p", "second problem line");
      if (nf != 4 || f[1] != "sp") {
        throw ParseError(name, line_no, "p", "expected 'p sp <nodes> <arcs>'");
      }
      node_count = parse_number<std::uint64_t>(f[2], name, line_no, "nodes", "a node count");
      declared_arcs = parse_number<std::uint64_t>(f[3], name, line_no, "arcs", "an arc count");
      if (node_count >= 0xFFFFFFFFULL) {
        throw ParseError(name, line_no, "nodes", "more than 2^32-2 nodes are not supported");
      }
      // The declared count is a hint only: a short file may declare billions of arcs.
      arcs.reserve(std::min<std::uint64_t>(declared_arcs, std::uint64_t{1} << 20));
      have_problem = true;
    } else if (f[0] == "a") {
      if (!have_problem) throw ParseError(name, line_no, "a", "arc before the 'p sp' line");
      if (nf != 4) throw ParseError(name, line_no, "a", "expected 'a <from> <to> <weight>'");
      const auto u = parse_number<std::uint64_t>(f[1], name, line_no, "from", "a node id");
      const auto v = parse_number<std::uint64_t>(f[2], name, line_no, "to", "a node id");
      const auto w =
          parse_number<std::uint64_t>(f[3], name, line_no, "weight", "a non-negative integer");
      if (u < 1 || u > node_count) {
        throw ParseError(name, line_no, "from",
                         "node " + std::string(f[1]) + " outside 1.." + std::to_string(node_count));
      }
      if (v < 1 || v > node_count) {
        throw ParseError(name, line_no, "to",
                         "node " + std::string(f[2]) + " outside 1.." + std::to_string(node_count));
      }
      if (w > graph::kMaxPathWeight) {
        throw ParseError(name, line_no, "weight", "weight " + std::string(f[3]) + " too large");
      }
      arcs.push_back({static_cast<std::uint32_t>(u - 1), static_cast<std::uint32_t>(v - 1),
                      static_cast<graph::Weight>(w)});
    } else {
      throw ParseError(name, line_no, "kind",
                       "expected a line starting with c, p or a, got '" + std::string(f[0]) + "'");
    }
  }
  if (in.bad()) throw ParseError(name, line_no, "", "read error");
  if (!have_problem) throw ParseError(name, line_no, "p", "no 'p sp <nodes> <arcs>' line");
  if (arcs.size() != declared_arcs) {
    throw ParseError(name, line_no, "arcs",
                     "problem line declares " + std::to_string(declared_arcs) + " arcs, file has " +
                         std::to_string(arcs.size()));
  }
  return graph::build_graph(static_cast<std::uint32_t>(node_count), std::move(arcs), unit);
}

graph::Graph read_dimacs_graph(const std::filesystem::path& gr_file, graph::WeightUnit unit) {
  std::ifstream in(gr_file);
  if (!in) throw ParseError(gr_file.string(), 0, "", "cannot open file");
  return read_dimacs_graph(in, gr_file.string(), unit);
}

void read_dimacs_coordinates(std::istream& in, const std::string& name, graph::Graph& g) {
  std::string buf;
  std::size_t line_no = 0;
  bool have_problem = false;
  std::vector<bool> seen(g.node_count(), false);
  std::size_t seen_count = 0;
  std::vector<double> x(g.node_count());
  std::vector<double> y(g.node_count());
  std::string_view f[6];
  while (std::getline(in, buf)) {
    ++line_no;
    if (line_no == 1 && buf.starts_with("\xEF\xBB\xBF")) buf.erase(0, 3); // a UTF-8 BOM
    const std::size_t nf = split(buf, f, 5);
    if (nf == 0 || f[0] == "c") continue;
    if (f[0] == "p") {
      if (nf != 5 || f[1] != "aux" || f[2] != "sp" || f[3] != "co") {
        throw ParseError(name, line_no, "p", "expected 'p aux sp co <nodes>'");
      }
      const auto n = parse_number<std::uint64_t>(f[4], name, line_no, "nodes", "a node count");
      if (n != g.node_count()) {
        throw ParseError(name, line_no, "nodes",
                         "declares " + std::to_string(n) + " nodes, the graph has " +
                             std::to_string(g.node_count()));
      }
      have_problem = true;
    } else if (f[0] == "v") {
      if (!have_problem) throw ParseError(name, line_no, "v", "node before the 'p aux' line");
      if (nf != 4) throw ParseError(name, line_no, "v", "expected 'v <id> <x> <y>'");
      const auto id = parse_number<std::uint64_t>(f[1], name, line_no, "id", "a node id");
      const auto vx = parse_number<std::int64_t>(f[2], name, line_no, "x", "an integer");
      const auto vy = parse_number<std::int64_t>(f[3], name, line_no, "y", "an integer");
      if (id < 1 || id > g.node_count()) {
        throw ParseError(name, line_no, "id",
                         "node " + std::string(f[1]) + " outside 1.." +
                             std::to_string(g.node_count()));
      }
      if (seen[id - 1])
        throw ParseError(name, line_no, "id", "node " + std::string(f[1]) + " repeated");
      seen[id - 1] = true;
      ++seen_count;
      x[id - 1] = static_cast<double>(vx) / 1e6;
      y[id - 1] = static_cast<double>(vy) / 1e6;
    } else {
      throw ParseError(name, line_no, "kind",
                       "expected a line starting with c, p or v, got '" + std::string(f[0]) + "'");
    }
  }
  if (!have_problem) throw ParseError(name, line_no, "p", "no 'p aux sp co <nodes>' line");
  if (seen_count != g.node_count()) {
    throw ParseError(name, line_no, "v",
                     std::to_string(g.node_count() - seen_count) + " nodes have no coordinates");
  }
  g.x = std::move(x);
  g.y = std::move(y);
}

void read_dimacs_coordinates(const std::filesystem::path& co_file, graph::Graph& g) {
  std::ifstream in(co_file);
  if (!in) throw ParseError(co_file.string(), 0, "", "cannot open file");
  read_dimacs_coordinates(in, co_file.string(), g);
}

} // namespace caravan::formats
