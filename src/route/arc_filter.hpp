// Which nodes and arcs a request may use (avoid lists, modes, opening year), shared by all
// searches.
#pragma once

#include "core/network.hpp"
#include "route/costing.hpp"

#include <algorithm>
#include <vector>

namespace caravan {

class ArcFilter {
public:
  ArcFilter(const Network& net, const Costing& c)
      : net_(&net), costing_(&c), avoid_nodes_(c.avoid_nodes) {
    country_blocked_.assign(net.countries().size(), false);
    for (CountryId cc : c.avoid_countries)
      if (cc.index() < country_blocked_.size()) country_blocked_[cc.index()] = true;
    std::sort(avoid_nodes_.begin(), avoid_nodes_.end());
  }

  [[nodiscard]] bool node_blocked(NodeId v) const {
    return country_blocked_[net_->country_of(v).index()] ||
           std::binary_search(avoid_nodes_.begin(), avoid_nodes_.end(), v);
  }

  /// The arc's link is open and allowed, and its head may be entered.
  [[nodiscard]] bool usable(const Arc& a) const {
    const Link& l = net_->link(a.link);
    if (!costing_->forbidden_links.empty() && costing_->forbidden_links[a.link.index()] != 0)
      return false;
    return !costing_->avoid_modes.contains(l.mode) && link_is_open(l, costing_->year) &&
           !node_blocked(a.head);
  }

private:
  const Network* net_;
  const Costing* costing_;
  std::vector<bool> country_blocked_;
  std::vector<NodeId> avoid_nodes_;
};

} // namespace caravan
