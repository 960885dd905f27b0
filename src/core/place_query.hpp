// Resolving what a user typed into places and countries: a name, a country code, or a place set
// (`centres:KZ`, `kind:seaport`, lists of names, `all`), with the messages every front end shows.
#pragma once

#include "core/names.hpp"
#include "core/network.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace caravan {

/// A name, code or set that does not resolve. The message begins with the option (or parameter)
/// it was given for and, for an unknown place, suggests the three closest names.
class PlaceQueryError : public std::invalid_argument {
public:
  enum class Kind : std::uint8_t { unknown_place, ambiguous_place, unknown_country, bad_set };
  PlaceQueryError(Kind kind, const std::string& message)
      : std::invalid_argument(message), kind_(kind) {}
  [[nodiscard]] Kind kind() const { return kind_; }

private:
  Kind kind_;
};

/// The node `query` names (id, name or alias; see NodeNames). `option` prefixes the message and
/// `label` names the network in it ("--from: no place named 'X' in eurasia; did you mean ...?").
NodeId resolve_place(const Network& net, const NodeNames& names, const std::string& label,
                     const std::string& option, const std::string& query);

/// The country of ISO code `code` (any case); the error lists the network's countries.
CountryId resolve_country_code(const Network& net, const std::string& option,
                               const std::string& code);

/// A comma-separated set: place names, `country:XX`, `centres:XX` (the nodes of XX with a centre
/// rank), `kind:K`, `all`; duplicates dropped, first occurrence kept. Empty sets are an error.
std::vector<NodeId> resolve_place_set(const Network& net, const NodeNames& names,
                                      const std::string& label, const std::string& option,
                                      const std::string& spec);

} // namespace caravan
