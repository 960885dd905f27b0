// TNTP network file parsing into a CSR road graph: metadata block, then blank-separated link lines.
#include "formats/tntp_graph.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <string_view>
#include <vector>

#include "formats/parse_error.hpp"

namespace caravan::formats {

namespace {

std::string_view trim(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

std::uint64_t parse_count(std::string_view s, const std::string& name, std::size_t line,
                          const char* field) {
  s = trim(s);
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) {
    throw ParseError(name, line, field, "expected a count, got '" + std::string(s) + "'");
  }
  return v;
}

double parse_real(std::string_view s, const std::string& name, std::size_t line,
                  const char* field) {
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v) || v < 0) {
    throw ParseError(name, line, field,
                     "expected a non-negative number, got '" + std::string(s) + "'");
  }
  return v;
}

} // namespace

graph::Graph read_tntp_graph(std::istream& in, const std::string& name, TntpGraphWeight weight) {
  static constexpr const char* kFields[] = {"init_node", "term_node", "capacity", "length",
                                            "free_flow_time"};
  std::string buf;
  std::size_t line_no = 0;
  std::uint64_t nodes = 0;
  std::uint64_t links = 0;
  bool have_nodes = false;
  bool have_links = false;
  bool in_metadata = true;
  std::vector<graph::Arc> arcs;
  const std::size_t weight_col = weight == TntpGraphWeight::free_flow_time ? 4 : 3;
  const double scale = weight == TntpGraphWeight::free_flow_time ? 60000.0 : 1000.0;
  while (std::getline(in, buf)) {
    ++line_no;
    if (line_no == 1 && buf.starts_with("\xEF\xBB\xBF")) buf.erase(0, 3); // a UTF-8 BOM
    std::string_view line = trim(buf);
    if (line.empty() || line.front() == '~') continue;
    if (in_metadata) {
      if (line.front() != '<') {
        throw ParseError(name, line_no, "metadata",
                         "expected '<KEY> value' or '<END OF METADATA>'");
      }
      const std::size_t close = line.find('>');
      if (close == std::string_view::npos) {
        throw ParseError(name, line_no, "metadata", "unterminated '<KEY>'");
      }
      const std::string_view key = line.substr(1, close - 1);
      const std::string_view value = line.substr(close + 1);
      if (key == "NUMBER OF NODES") {
        nodes = parse_count(value, name, line_no, "NUMBER OF NODES");
        have_nodes = true;
      } else if (key == "NUMBER OF LINKS") {
        links = parse_count(value, name, line_no, "NUMBER OF LINKS");
        have_links = true;
      } else if (key == "END OF METADATA") {
        if (!have_nodes) throw ParseError(name, line_no, "NUMBER OF NODES", "missing");
        if (!have_links) throw ParseError(name, line_no, "NUMBER OF LINKS", "missing");
        if (nodes >= 0xFFFFFFFFULL) {
          throw ParseError(name, line_no, "NUMBER OF NODES", "too many nodes");
        }
        arcs.reserve(std::min<std::uint64_t>(links, std::uint64_t{1} << 20)); // a hint only
        in_metadata = false;
      }
      continue;
    }
    if (line.back() == ';') line = trim(line.substr(0, line.size() - 1));
    std::string_view f[5];
    std::size_t nf = 0;
    std::size_t i = 0;
    while (i < line.size() && nf < 5) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      std::size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
      if (j > i) f[nf++] = line.substr(i, j - i);
      i = j;
    }
    if (nf <= weight_col) {
      throw ParseError(name, line_no, kFields[nf], "missing (a link line has 10 columns)");
    }
    std::uint32_t ends[2] = {0, 0};
    for (int e = 0; e < 2; ++e) {
      std::uint64_t id = 0;
      const auto [end, ec] = std::from_chars(f[e].data(), f[e].data() + f[e].size(), id);
      if (ec != std::errc() || end != f[e].data() + f[e].size() || id < 1 || id > nodes) {
        throw ParseError(name, line_no, kFields[e],
                         "expected a node id in 1.." + std::to_string(nodes) + ", got '" +
                             std::string(f[e]) + "'");
      }
      ends[e] = static_cast<std::uint32_t>(id - 1);
    }
    const double w = parse_real(f[weight_col], name, line_no, kFields[weight_col]) * scale;
    if (w >= static_cast<double>(graph::kMaxPathWeight)) {
      throw ParseError(name, line_no, kFields[weight_col], "value too large");
    }
    arcs.push_back({ends[0], ends[1], static_cast<graph::Weight>(std::llround(w))});
  }
  if (in.bad()) throw ParseError(name, line_no, "", "read error");
  if (in_metadata) throw ParseError(name, line_no, "END OF METADATA", "missing");
  if (arcs.size() != links) {
    throw ParseError(name, line_no, "NUMBER OF LINKS",
                     "metadata declares " + std::to_string(links) + " links, file has " +
                         std::to_string(arcs.size()));
  }
  return graph::build_graph(static_cast<std::uint32_t>(nodes), std::move(arcs),
                            weight == TntpGraphWeight::free_flow_time
                                ? graph::WeightUnit::millisecond
                                : graph::WeightUnit::unspecified);
}

graph::Graph read_tntp_graph(const std::filesystem::path& net_file, TntpGraphWeight weight) {
  std::ifstream in(net_file);
  if (!in) throw ParseError(net_file.string(), 0, "", "cannot open file");
  return read_tntp_graph(in, net_file.string(), weight);
}

} // namespace caravan::formats
