// Name folding, edit distance and node-name resolution.
#include "core/names.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace caravan {

namespace {
// UTF-8 sequences of common accented Latin letters in the corridor countries' place names.
constexpr std::array<std::pair<std::string_view, char>, 97> kFold{{
    {"á", 'a'}, {"à", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"ă", 'a'}, {"ā", 'a'}, {"ą", 'a'}, {"ə", 'a'},
    {"å", 'a'}, {"ã", 'a'}, {"Á", 'a'}, {"À", 'a'}, {"Â", 'a'}, {"Ä", 'a'}, {"Ă", 'a'}, {"Ā", 'a'},
    {"Ą", 'a'}, {"Ə", 'a'}, {"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"ę", 'e'}, {"ē", 'e'},
    {"É", 'e'}, {"È", 'e'}, {"Ê", 'e'}, {"Ë", 'e'}, {"Ę", 'e'}, {"í", 'i'}, {"ì", 'i'}, {"î", 'i'},
    {"ï", 'i'}, {"ı", 'i'}, {"ī", 'i'}, {"Í", 'i'}, {"Ì", 'i'}, {"Î", 'i'}, {"Ï", 'i'}, {"İ", 'i'},
    {"ó", 'o'}, {"ò", 'o'}, {"ô", 'o'}, {"ö", 'o'}, {"ő", 'o'}, {"ø", 'o'}, {"ō", 'o'}, {"Ó", 'o'},
    {"Ò", 'o'}, {"Ô", 'o'}, {"Ö", 'o'}, {"Ő", 'o'}, {"ú", 'u'}, {"ù", 'u'}, {"û", 'u'}, {"ü", 'u'},
    {"ū", 'u'}, {"ű", 'u'}, {"Ú", 'u'}, {"Ù", 'u'}, {"Û", 'u'}, {"Ü", 'u'}, {"Ū", 'u'}, {"ç", 'c'},
    {"ć", 'c'}, {"č", 'c'}, {"Ç", 'c'}, {"Ć", 'c'}, {"Č", 'c'}, {"ş", 's'}, {"ș", 's'}, {"ś", 's'},
    {"š", 's'}, {"Ş", 's'}, {"Ș", 's'}, {"Ś", 's'}, {"Š", 's'}, {"ţ", 't'}, {"ț", 't'}, {"Ţ", 't'},
    {"Ț", 't'}, {"ł", 'l'}, {"Ł", 'l'}, {"ñ", 'n'}, {"ń", 'n'}, {"Ñ", 'n'}, {"Ń", 'n'}, {"ğ", 'g'},
    {"Ğ", 'g'}, {"ž", 'z'}, {"ż", 'z'}, {"ź", 'z'}, {"Ž", 'z'}, {"Ż", 'z'}, {"Ź", 'z'}, {"ý", 'y'},
    {"Ý", 'y'},
}};
} // namespace

std::string fold_name(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      char ch = static_cast<char>(c);
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      if (ch == '-' || ch == '_' || ch == '\'' || ch == ' ') ch = ' ';
      if (!(ch == ' ' && (out.empty() || out.back() == ' '))) out.push_back(ch);
      ++i;
      continue;
    }
    bool folded = false;
    for (const auto& [seq, ascii] : kFold) {
      if (s.substr(i, seq.size()) == seq) {
        out.push_back(ascii);
        i += seq.size();
        folded = true;
        break;
      }
    }
    if (!folded) out.push_back(s[i++]);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

NodeNames::NodeNames(const Network& net) : net_(&net) {
  for (std::uint32_t i = 0; i < net.node_count(); ++i) {
    const NodeId id(i);
    const Node& n = net.node(id);
    by_id_.emplace(fold_name(n.id), id);
    auto add = [&](const std::string& name) {
      auto& v = by_name_[fold_name(name)];
      if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
    };
    add(n.name);
    for (const auto& a : n.aliases) add(a);
  }
}

NameMatch NodeNames::resolve(std::string_view query) const {
  const std::string key = fold_name(query);
  if (auto it = by_name_.find(key); it != by_name_.end()) {
    if (it->second.size() == 1) return it->second.front();
    if (auto id = by_id_.find(key); id != by_id_.end()) return id->second;
    return NameAmbiguous{std::string(query), it->second};
  }
  if (auto id = by_id_.find(key); id != by_id_.end()) return id->second;
  return NameNotFound{std::string(query), closest(query)};
}

std::vector<std::string> NodeNames::closest(std::string_view query, std::size_t k) const {
  const std::string key = fold_name(query);
  std::vector<std::pair<std::size_t, NodeId>> scored;
  scored.reserve(net_->node_count());
  for (std::uint32_t i = 0; i < net_->node_count(); ++i) {
    const Node& n = net_->node(NodeId(i));
    std::size_t best = edit_distance(key, fold_name(n.name));
    for (const auto& a : n.aliases) best = std::min(best, edit_distance(key, fold_name(a)));
    best = std::min(best, edit_distance(key, fold_name(n.id)));
    scored.emplace_back(best, NodeId(i));
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && out.size() < k; ++i)
    out.push_back(net_->node(scored[i].second).name);
  return out;
}

} // namespace caravan
