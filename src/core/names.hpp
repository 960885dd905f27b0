// Resolving user-typed place names to nodes: case- and accent-insensitive, by id, name or alias,
// with "did you mean" suggestions.
#pragma once

#include "core/network.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

namespace caravan {

/// Lower-cases ASCII, folds common Latin diacritics (ț→t, ł→l, ü→u, ...) and treats '-', '_',
/// '\'' and spaces alike, so "constanta", "Constanța" and "CONSTANTA" compare equal.
std::string fold_name(std::string_view s);

/// Levenshtein distance on bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

struct NameNotFound {
  std::string query;
  std::vector<std::string> suggestions; ///< display names of the closest nodes, best first
};
struct NameAmbiguous {
  std::string query;
  std::vector<NodeId> candidates;
};
using NameMatch = std::variant<NodeId, NameNotFound, NameAmbiguous>;

/// Index of every node's id, name and aliases in folded form.
class NodeNames {
public:
  explicit NodeNames(const Network& net);
  /// Exact (folded) match on id, name or alias; an exact id match wins over a name shared by
  /// several nodes.
  [[nodiscard]] NameMatch resolve(std::string_view query) const;
  /// The `k` node display names closest to `query` by edit distance on folded names.
  [[nodiscard]] std::vector<std::string> closest(std::string_view query, std::size_t k = 3) const;

private:
  const Network* net_;
  std::unordered_map<std::string, std::vector<NodeId>> by_name_;
  std::unordered_map<std::string, NodeId> by_id_;
};

} // namespace caravan
