// Builds the CSR assignment network and the grouped OD demand, validating their inputs.
#include "assign/network.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace caravan::assign {

Network Network::build(std::uint32_t num_nodes, std::uint32_t num_zones,
                       std::uint32_t first_thru_node, const std::vector<LinkSpec>& links) {
  if (num_zones > num_nodes) throw AssignError("more zones than nodes");
  if (links.size() >= kNone) throw AssignError("too many links for 32-bit indices");
  for (std::size_t i = 0; i < links.size(); ++i) {
    const LinkSpec& l = links[i];
    const std::string where = "link " + std::to_string(i) + ": ";
    if (l.tail >= num_nodes || l.head >= num_nodes)
      throw AssignError(where + "node index out of range");
    if (!(l.free_flow_time >= 0.0) || !(l.alpha >= 0.0) || !(l.power >= 0.0) ||
        !(l.fixed_cost >= 0.0) || !std::isfinite(l.free_flow_time) || !std::isfinite(l.alpha) ||
        !std::isfinite(l.power) || !std::isfinite(l.fixed_cost))
      throw AssignError(where + "negative or non-finite cost parameter");
    if (l.alpha > 0.0 && l.free_flow_time > 0.0 && !(l.capacity > 0.0))
      throw AssignError(where + "capacity must be positive on a flow-dependent link");
  }
  Network n;
  n.num_nodes_ = num_nodes;
  n.num_zones_ = num_zones;
  n.first_thru_node_ = first_thru_node;
  const auto m = static_cast<std::uint32_t>(links.size());
  std::vector<std::uint32_t> order(m);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return links[a].tail < links[b].tail; });
  n.first_out_.assign(num_nodes + 1, 0);
  n.tail_.resize(m);
  n.head_.resize(m);
  n.input_index_ = order;
  n.link_of_input_.resize(m);
  n.fft_.resize(m);
  n.capacity_.resize(m);
  n.alpha_.resize(m);
  n.power_.resize(m);
  n.fixed_.resize(m);
  for (std::uint32_t a = 0; a < m; ++a) {
    const LinkSpec& l = links[order[a]];
    n.link_of_input_[order[a]] = a;
    n.tail_[a] = l.tail;
    n.head_[a] = l.head;
    n.fft_[a] = l.free_flow_time;
    // A constant-cost link needs no capacity; keep it positive so x / capacity stays finite.
    n.capacity_[a] = l.capacity > 0.0 ? l.capacity : 1.0;
    n.alpha_[a] = (l.capacity > 0.0) ? l.alpha : 0.0;
    n.power_[a] = l.power;
    n.fixed_[a] = l.fixed_cost;
    ++n.first_out_[l.tail + 1];
  }
  for (std::uint32_t v = 0; v < num_nodes; ++v) n.first_out_[v + 1] += n.first_out_[v];
  n.first_in_.assign(num_nodes + 1, 0);
  for (std::uint32_t a = 0; a < m; ++a) ++n.first_in_[n.head_[a] + 1];
  for (std::uint32_t v = 0; v < num_nodes; ++v) n.first_in_[v + 1] += n.first_in_[v];
  n.in_link_.resize(m);
  std::vector<std::uint32_t> fill(n.first_in_.begin(), n.first_in_.end() - 1);
  for (std::uint32_t a = 0; a < m; ++a) n.in_link_[fill[n.head_[a]]++] = a;
  return n;
}

Demand Demand::build(std::uint32_t num_zones, std::vector<Entry> entries) {
  for (const Entry& e : entries) {
    if (e.origin >= num_zones || e.destination >= num_zones)
      throw AssignError("demand names a zone outside 0.." + std::to_string(num_zones) + "-1");
    if (!(e.flow >= 0.0) || !std::isfinite(e.flow))
      throw AssignError("demand flow must be finite and not negative");
  }
  std::erase_if(entries, [](const Entry& e) { return e.flow == 0.0 || e.origin == e.destination; });
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.origin != b.origin ? a.origin < b.origin : a.destination < b.destination;
  });
  Demand d;
  d.num_zones_ = num_zones;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    if (d.origins_.empty() || d.origins_.back() != e.origin) {
      d.origins_.push_back(e.origin);
      d.first_.push_back(d.dest_.size());
    }
    if (!d.dest_.empty() && d.first_.back() < d.dest_.size() && d.dest_.back() == e.destination) {
      d.flow_.back() += e.flow;
    } else {
      d.dest_.push_back(e.destination);
      d.flow_.push_back(e.flow);
    }
    d.total_ += e.flow;
  }
  d.first_.push_back(d.dest_.size());
  return d;
}

Demand Demand::scaled(double factor) const {
  if (!(factor >= 0.0) || !std::isfinite(factor))
    throw AssignError("demand scale factor must be finite and not negative");
  Demand d = *this;
  for (double& f : d.flow_) f *= factor;
  d.total_ *= factor;
  return d;
}

} // namespace caravan::assign
