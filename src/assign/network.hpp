// The assignment network: a compact, immutable CSR graph with BPR link parameters and OD demand.
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace caravan::assign {

/// Dense 0-based indices into the assignment network's arrays (32 bits: up to 4e9 nodes/links).
using NodeIndex = std::uint32_t;
using LinkIndex = std::uint32_t;
inline constexpr std::uint32_t kNone = 0xffffffffu;

/// An invalid network, demand or option given to the assignment library.
class AssignError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// One directed link with its link performance function
/// t(x) = fixed_cost + free_flow_time * (1 + alpha * (x / capacity)^power).
/// `fixed_cost` carries the flow-independent generalized cost (e.g. toll_factor*toll +
/// distance_factor*length), in the same unit as free_flow_time.
struct LinkSpec {
  NodeIndex tail = 0;
  NodeIndex head = 0;
  double free_flow_time = 0.0;
  double capacity = 1.0;
  double alpha = 0.15;
  double power = 4.0;
  double fixed_cost = 0.0;
};

/// Immutable structure-of-arrays graph. Links are stored sorted by tail (CSR); `input_index`
/// maps a stored link back to its position in the LinkSpec list given to `build`.
/// Nodes below `first_thru_node` are zones that paths may start or end at but not pass through.
class Network {
public:
  /// Throws AssignError for links naming nodes >= num_nodes, negative parameters, or a zero
  /// capacity on a flow-dependent link.
  static Network build(std::uint32_t num_nodes, std::uint32_t num_zones,
                       std::uint32_t first_thru_node, const std::vector<LinkSpec>& links);

  [[nodiscard]] std::uint32_t num_nodes() const { return num_nodes_; }
  [[nodiscard]] std::uint32_t num_links() const { return static_cast<std::uint32_t>(head_.size()); }
  [[nodiscard]] std::uint32_t num_zones() const { return num_zones_; }
  [[nodiscard]] std::uint32_t first_thru_node() const { return first_thru_node_; }
  /// True when paths may continue through `n` (it is not a zone below FIRST THRU NODE).
  [[nodiscard]] bool passable(NodeIndex n) const { return n >= first_thru_node_; }

  [[nodiscard]] std::span<const std::uint32_t> first_out() const { return first_out_; }
  [[nodiscard]] std::span<const NodeIndex> tail() const { return tail_; }
  [[nodiscard]] std::span<const NodeIndex> head() const { return head_; }
  [[nodiscard]] std::span<const std::uint32_t> first_in() const { return first_in_; }
  [[nodiscard]] std::span<const LinkIndex> in_link() const { return in_link_; }
  [[nodiscard]] std::span<const std::uint32_t> input_index() const { return input_index_; }
  /// Stored link for each input position (inverse of input_index).
  [[nodiscard]] std::span<const LinkIndex> link_of_input() const { return link_of_input_; }

  [[nodiscard]] std::span<const double> free_flow_time() const { return fft_; }
  [[nodiscard]] std::span<const double> capacity() const { return capacity_; }
  [[nodiscard]] std::span<const double> alpha() const { return alpha_; }
  [[nodiscard]] std::span<const double> power() const { return power_; }
  [[nodiscard]] std::span<const double> fixed_cost() const { return fixed_; }

private:
  std::uint32_t num_nodes_ = 0;
  std::uint32_t num_zones_ = 0;
  std::uint32_t first_thru_node_ = 0;
  std::vector<std::uint32_t> first_out_;
  std::vector<NodeIndex> tail_, head_;
  std::vector<std::uint32_t> first_in_;
  std::vector<LinkIndex> in_link_;
  std::vector<std::uint32_t> input_index_;
  std::vector<LinkIndex> link_of_input_;
  std::vector<double> fft_, capacity_, alpha_, power_, fixed_;
};

/// Origin-destination demand between zones, grouped by origin (CSR). Zero and intrazonal
/// entries are dropped; repeated pairs are summed.
class Demand {
public:
  struct Entry {
    NodeIndex origin;
    NodeIndex destination;
    double flow;
  };
  /// Throws AssignError for zones >= num_zones or negative/non-finite flows.
  static Demand build(std::uint32_t num_zones, std::vector<Entry> entries);

  [[nodiscard]] std::uint32_t num_zones() const { return num_zones_; }
  /// Zones with some demand, ascending.
  [[nodiscard]] std::span<const NodeIndex> origins() const { return origins_; }
  /// Destinations and flows of origins()[k].
  [[nodiscard]] std::span<const NodeIndex> destinations(std::size_t k) const {
    return {dest_.data() + first_[k], first_[k + 1] - first_[k]};
  }
  [[nodiscard]] std::span<const double> flows(std::size_t k) const {
    return {flow_.data() + first_[k], first_[k + 1] - first_[k]};
  }
  [[nodiscard]] double total() const { return total_; }
  /// The same demand multiplied by `factor` (e.g. ChicagoSketch's doubled trip table).
  [[nodiscard]] Demand scaled(double factor) const;

private:
  std::uint32_t num_zones_ = 0;
  std::vector<NodeIndex> origins_;
  std::vector<std::size_t> first_;
  std::vector<NodeIndex> dest_;
  std::vector<double> flow_;
  double total_ = 0.0;
};

} // namespace caravan::assign
