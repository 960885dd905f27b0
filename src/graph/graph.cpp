// CSR graph construction, reversal, component extraction and weight unit conversions.
#include "graph/graph.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace caravan::graph {

Hours weight_to_hours(Weight w, WeightUnit unit) {
  switch (unit) {
  case WeightUnit::decisecond:
    return Hours(static_cast<double>(w) / 36000.0);
  case WeightUnit::millisecond:
    return Hours(static_cast<double>(w) / 3.6e6);
  default:
    return Hours(std::nan(""));
  }
}

Km weight_to_km(Weight w, WeightUnit unit) {
  if (unit == WeightUnit::metre) return Km(static_cast<double>(w) / 1000.0);
  return Km(std::nan(""));
}

const char* to_string(WeightUnit unit) {
  switch (unit) {
  case WeightUnit::metre:
    return "m";
  case WeightUnit::decisecond:
    return "ds";
  case WeightUnit::millisecond:
    return "ms";
  case WeightUnit::unspecified:
    break;
  }
  return "unspecified";
}

Weight Graph::arc_weight(NodeId from, NodeId to) const {
  Weight best = kInfWeight;
  for (std::uint32_t a = out_begin(from.index()); a < out_end(from.index()); ++a) {
    if (head[a] == to.index()) best = std::min(best, weight[a]);
  }
  return best;
}

std::size_t Graph::memory_bytes() const {
  return first_out.capacity() * sizeof(std::uint32_t) + head.capacity() * sizeof(std::uint32_t) +
         weight.capacity() * sizeof(Weight) + (x.capacity() + y.capacity()) * sizeof(double);
}

Graph build_graph(std::uint32_t node_count, std::vector<Arc> arcs, WeightUnit unit) {
  Graph g;
  g.unit = unit;
  g.first_out.assign(static_cast<std::size_t>(node_count) + 1, 0);
  std::size_t kept = 0;
  for (const Arc& a : arcs) {
    if (a.tail >= node_count || a.head >= node_count) {
      throw std::invalid_argument("arc " + std::to_string(a.tail) + "->" + std::to_string(a.head) +
                                  " names a node outside 0.." + std::to_string(node_count));
    }
    if (a.tail == a.head) continue;
    ++g.first_out[a.tail + 1];
    ++kept;
  }
  std::partial_sum(g.first_out.begin(), g.first_out.end(), g.first_out.begin());
  g.head.resize(kept);
  g.weight.resize(kept);
  std::vector<std::uint32_t> next(g.first_out.begin(), g.first_out.end() - 1);
  for (const Arc& a : arcs) {
    if (a.tail == a.head) continue;
    const std::uint32_t pos = next[a.tail]++;
    g.head[pos] = a.head;
    g.weight[pos] = a.weight;
  }
  return g;
}

Graph reverse(const Graph& g) {
  std::vector<Arc> arcs;
  arcs.reserve(g.arc_count());
  for (std::uint32_t v = 0; v < g.node_count(); ++v) {
    for (std::uint32_t a = g.out_begin(v); a < g.out_end(v); ++a) {
      arcs.push_back({g.head[a], v, g.weight[a]});
    }
  }
  Graph r = build_graph(g.node_count(), std::move(arcs), g.unit);
  r.x = g.x;
  r.y = g.y;
  return r;
}

namespace {
std::uint32_t find_root(std::vector<std::uint32_t>& parent, std::uint32_t v) {
  while (parent[v] != v) {
    parent[v] = parent[parent[v]];
    v = parent[v];
  }
  return v;
}
} // namespace

Graph largest_weak_component(const Graph& g, std::vector<std::uint32_t>* old_id_of_new) {
  const std::uint32_t n = g.node_count();
  std::vector<std::uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0U);
  for (std::uint32_t v = 0; v < n; ++v) {
    for (std::uint32_t a = g.out_begin(v); a < g.out_end(v); ++a) {
      const std::uint32_t ra = find_root(parent, v);
      const std::uint32_t rb = find_root(parent, g.head[a]);
      if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);
    }
  }
  std::vector<std::uint32_t> size(n, 0);
  for (std::uint32_t v = 0; v < n; ++v) ++size[find_root(parent, v)];
  const auto best =
      static_cast<std::uint32_t>(std::max_element(size.begin(), size.end()) - size.begin());
  std::vector<std::uint32_t> new_id(n, kInfWeight);
  std::vector<std::uint32_t> old_ids;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (find_root(parent, v) == best) {
      new_id[v] = static_cast<std::uint32_t>(old_ids.size());
      old_ids.push_back(v);
    }
  }
  std::vector<Arc> arcs;
  arcs.reserve(g.arc_count());
  for (std::uint32_t v : old_ids) {
    for (std::uint32_t a = g.out_begin(v); a < g.out_end(v); ++a) {
      arcs.push_back({new_id[v], new_id[g.head[a]], g.weight[a]});
    }
  }
  Graph c = build_graph(static_cast<std::uint32_t>(old_ids.size()), std::move(arcs), g.unit);
  if (!g.x.empty()) {
    c.x.reserve(old_ids.size());
    c.y.reserve(old_ids.size());
    for (std::uint32_t v : old_ids) {
      c.x.push_back(g.x[v]);
      c.y.push_back(g.y[v]);
    }
  }
  if (old_id_of_new != nullptr) *old_id_of_new = std::move(old_ids);
  return c;
}

} // namespace caravan::graph
