// Place, country and place-set resolution with "did you mean" messages (see place_query.hpp).
#include "core/place_query.hpp"

#include <algorithm>
#include <cctype>
#include <variant>

namespace caravan {

NodeId resolve_place(const Network& net, const NodeNames& names, const std::string& label,
                     const std::string& option, const std::string& query) {
  const NameMatch m = names.resolve(query);
  if (const auto* id = std::get_if<NodeId>(&m)) return *id;
  if (const auto* nf = std::get_if<NameNotFound>(&m)) {
    std::string hint;
    for (const auto& s : nf->suggestions) hint += (hint.empty() ? "" : ", ") + s;
    throw PlaceQueryError(PlaceQueryError::Kind::unknown_place, option + ": no place named '" +
                                                                    query + "' in " + label +
                                                                    "; did you mean " + hint + "?");
  }
  const auto& amb = std::get<NameAmbiguous>(m);
  std::string ids;
  for (NodeId c : amb.candidates) {
    const Node& n = net.node(c);
    ids += (ids.empty() ? "" : ", ") + n.id + " (" + n.name + ", " + n.country + ")";
  }
  throw PlaceQueryError(PlaceQueryError::Kind::ambiguous_place,
                        option + ": '" + query + "' is ambiguous; use one of the ids: " + ids);
}

CountryId resolve_country_code(const Network& net, const std::string& option,
                               const std::string& code) {
  std::string up = code;
  for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (auto c = net.find_country(up)) return *c;
  std::string known;
  for (const auto& c : net.countries()) known += (known.empty() ? "" : " ") + c;
  throw PlaceQueryError(PlaceQueryError::Kind::unknown_country,
                        option + ": no node lies in country '" + code +
                            "'; countries in this network: " + known);
}

std::vector<NodeId> resolve_place_set(const Network& net, const NodeNames& names,
                                      const std::string& label, const std::string& option,
                                      const std::string& spec) {
  std::vector<NodeId> out;
  auto add = [&](NodeId n) {
    if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  };
  std::size_t start = 0;
  while (start <= spec.size()) {
    std::size_t end = spec.find(',', start);
    if (end == std::string::npos) end = spec.size();
    std::string item = spec.substr(start, end - start);
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    start = end + 1;
    if (item.empty()) continue;
    if (item == "all") {
      for (std::uint32_t i = 0; i < net.node_count(); ++i) add(NodeId(i));
    } else if (item.rfind("country:", 0) == 0 || item.rfind("centres:", 0) == 0) {
      const bool centres = item[0] == 'c' && item[1] == 'e';
      const CountryId cc = resolve_country_code(net, option, item.substr(8));
      for (std::uint32_t i = 0; i < net.node_count(); ++i)
        if (net.country_of(NodeId(i)) == cc &&
            (!centres || net.node(NodeId(i)).centre != CentreRank::none))
          add(NodeId(i));
    } else if (item.rfind("kind:", 0) == 0) {
      const auto kind = parse_node_kind(item.substr(5));
      if (!kind)
        throw PlaceQueryError(PlaceQueryError::Kind::bad_set,
                              option + ": unknown node kind '" + item.substr(5) + "'");
      for (std::uint32_t i = 0; i < net.node_count(); ++i)
        if (net.node(NodeId(i)).kind == *kind) add(NodeId(i));
    } else {
      add(resolve_place(net, names, label, option, item));
    }
  }
  if (out.empty())
    throw PlaceQueryError(PlaceQueryError::Kind::bad_set,
                          option + ": the set '" + spec + "' names no place");
  return out;
}

} // namespace caravan
