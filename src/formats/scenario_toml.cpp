// The TOML scenario reader: every field is checked for type and range and named with its line.
#include "formats/scenario_toml.hpp"

#include "core/names.hpp"
#include "formats/atomic_file.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace caravan::formats {

namespace {

std::size_t line_of(const toml::node& n) {
  return static_cast<std::size_t>(n.source().begin.line);
}

/// The fields a table may have, for checking names and suggesting the closest.
using KeySet = std::vector<std::string_view>;

const KeySet kTopKeys = {"name",
                         "title",
                         "description",
                         "source",
                         "inherits",
                         "compare_against",
                         "projects",
                         "add_link",
                         "close_link",
                         "close_border",
                         "change_link",
                         "change_border",
                         "change_transfer",
                         "claim"};
const KeySet kProjectKeys = {"ids", "status", "year"};
const KeySet kAddLinkKeys = {"id",
                             "from",
                             "to",
                             "mode",
                             "length_km",
                             "speed_kmh",
                             "duration_h",
                             "cost_usd_per_teu_km",
                             "cost_usd_per_teu",
                             "co2_g_per_tkm",
                             "oneway",
                             "tracks",
                             "capacity",
                             "capacity_unit",
                             "source"};
const KeySet kSelectKeys = {"id", "between", "mode"};
const KeySet kChangeLinkKeys = {
    "id",     "between",  "mode",          "speed_kmh",        "duration_h", "duration_factor",
    "tracks", "capacity", "capacity_unit", "cost_usd_per_teu", "cost_factor"};
const KeySet kCloseBorderKeys = {"from", "to", "mode"};
const KeySet kChangeBorderKeys = {
    "from", "to", "mode", "both_directions", "dwell_h", "dwell_factor", "cost_usd_per_teu"};
const KeySet kChangeTransferKeys = {"node",       "from_mode",       "to_mode",
                                    "duration_h", "duration_factor", "cost_usd_per_teu"};
const KeySet kClaimKeys = {"from",   "to", "quantity", "before", "after",
                           "saving", "by", "text",     "source"};

class Reader {
public:
  Reader(std::string file, std::filesystem::path dir, std::vector<std::filesystem::path>* stack)
      : file_(std::move(file)), dir_(std::move(dir)), stack_(stack) {}

  Scenario read(std::string_view text) {
    toml::table root;
    try {
      root = toml::parse(text, file_);
    } catch (const toml::parse_error& e) {
      throw ParseError(file_, static_cast<std::size_t>(e.source().begin.line), "",
                       std::string(e.description()));
    }
    check_keys(root, kTopKeys, "");
    Scenario s;
    s.loc = {file_, 1};
    s.name = str(root, "name", "").value_or(std::filesystem::path(file_).stem().string());
    s.title = str(root, "title", "").value_or(s.name);
    s.description = str(root, "description", "").value_or("");
    s.source = str(root, "source", "").value_or("");
    if (auto p = str(root, "inherits", "")) s.parent.push_back(load_other(*p, root, "inherits"));
    if (auto p = str(root, "compare_against", ""))
      s.compare_against.push_back(load_other(*p, root, "compare_against"));

    if (const toml::node* n = root.get("projects")) {
      const toml::table& t = as_table(*n, "projects");
      check_keys(t, kProjectKeys, "projects.");
      s.projects.loc = loc(t);
      s.projects.link_ids = strings(t, "ids", "projects.");
      for (const std::string& st : strings(t, "status", "projects.")) {
        auto v = parse_link_status(st);
        if (!v || *v == LinkStatus::existing)
          throw ParseError(file_, line_of(*t.get("status")), "projects.status",
                           "'" + st + "' is not a project status (under_construction, planned)");
        s.projects.statuses.push_back(*v);
      }
      if (auto y = integer(t, "year", "projects.")) {
        if (*y < 1800 || *y > 2200)
          throw ParseError(file_, line_of(*t.get("year")), "projects.year",
                           "must be a year between 1800 and 2200, got " + std::to_string(*y));
        s.projects.year = static_cast<int>(*y);
      }
    }
    for_each(root, "add_link", kAddLinkKeys, [&](const toml::table& t) {
      AddLink a;
      a.loc = loc(t);
      a.id = required_str(t, "id", "add_link.");
      a.from = required_str(t, "from", "add_link.");
      a.to = required_str(t, "to", "add_link.");
      a.mode = mode(t, "mode", "add_link.").value_or(Mode::rail_1520);
      a.length_km = required_num(t, "length_km", "add_link.", Range::positive);
      a.speed_kmh = num(t, "speed_kmh", "add_link.", Range::positive);
      a.duration_h = num(t, "duration_h", "add_link.", Range::positive);
      if (!a.speed_kmh && !a.duration_h)
        throw ParseError(file_, a.loc.line, "add_link.speed_kmh",
                         "a new link needs speed_kmh or duration_h");
      a.cost_usd_per_teu_km =
          num(t, "cost_usd_per_teu_km", "add_link.", Range::non_negative).value_or(0.0);
      a.cost_usd_per_teu =
          num(t, "cost_usd_per_teu", "add_link.", Range::non_negative).value_or(0.0);
      a.co2_g_per_tkm = num(t, "co2_g_per_tkm", "add_link.", Range::non_negative).value_or(0.0);
      a.oneway = boolean(t, "oneway", "add_link.").value_or(false);
      a.tracks = static_cast<int>(tracks(t, "add_link.").value_or(0));
      a.capacity = num(t, "capacity", "add_link.", Range::non_negative).value_or(0.0);
      a.capacity_unit = capacity_unit(t, "add_link.").value_or(CapacityUnit::none);
      a.source = str(t, "source", "add_link.").value_or("");
      s.add_links.push_back(std::move(a));
    });
    for_each(root, "close_link", kSelectKeys,
             [&](const toml::table& t) { s.close_links.push_back(selector(t, "close_link.")); });
    for_each(root, "close_border", kCloseBorderKeys, [&](const toml::table& t) {
      CloseBorder c;
      c.loc = loc(t);
      c.from = required_str(t, "from", "close_border.");
      c.to = required_str(t, "to", "close_border.");
      c.mode = mode(t, "mode", "close_border.");
      s.close_borders.push_back(std::move(c));
    });
    for_each(root, "change_link", kChangeLinkKeys, [&](const toml::table& t) {
      ChangeLink c;
      c.loc = loc(t);
      c.select = selector(t, "change_link.");
      c.speed_kmh = num(t, "speed_kmh", "change_link.", Range::positive);
      c.duration_h = num(t, "duration_h", "change_link.", Range::positive);
      c.duration_factor = num(t, "duration_factor", "change_link.", Range::positive);
      if (auto k = tracks(t, "change_link.")) c.tracks = static_cast<int>(*k);
      c.capacity = num(t, "capacity", "change_link.", Range::non_negative);
      c.capacity_unit = capacity_unit(t, "change_link.");
      c.cost_usd_per_teu = num(t, "cost_usd_per_teu", "change_link.", Range::non_negative);
      c.cost_factor = num(t, "cost_factor", "change_link.", Range::non_negative);
      if (!c.speed_kmh && !c.duration_h && !c.duration_factor && !c.tracks && !c.capacity &&
          !c.capacity_unit && !c.cost_usd_per_teu && !c.cost_factor)
        throw ParseError(file_, c.loc.line, "change_link", "changes nothing");
      if (c.speed_kmh && c.duration_h)
        throw ParseError(file_, c.loc.line, "change_link.duration_h",
                         "give speed_kmh or duration_h, not both");
      s.change_links.push_back(std::move(c));
    });
    for_each(root, "change_border", kChangeBorderKeys, [&](const toml::table& t) {
      ChangeBorder c;
      c.loc = loc(t);
      c.from = required_str(t, "from", "change_border.");
      c.to = required_str(t, "to", "change_border.");
      c.mode = mode(t, "mode", "change_border.");
      c.both_directions = boolean(t, "both_directions", "change_border.").value_or(false);
      c.dwell_h = num(t, "dwell_h", "change_border.", Range::positive);
      c.dwell_factor = num(t, "dwell_factor", "change_border.", Range::positive);
      c.cost_usd_per_teu = num(t, "cost_usd_per_teu", "change_border.", Range::non_negative);
      if (!c.dwell_h && !c.dwell_factor && !c.cost_usd_per_teu)
        throw ParseError(file_, c.loc.line, "change_border", "changes nothing");
      s.change_borders.push_back(std::move(c));
    });
    for_each(root, "change_transfer", kChangeTransferKeys, [&](const toml::table& t) {
      ChangeTransfer c;
      c.loc = loc(t);
      c.node = required_str(t, "node", "change_transfer.");
      c.from_mode = mode(t, "from_mode", "change_transfer.");
      c.to_mode = mode(t, "to_mode", "change_transfer.");
      c.duration_h = num(t, "duration_h", "change_transfer.", Range::positive);
      c.duration_factor = num(t, "duration_factor", "change_transfer.", Range::positive);
      c.cost_usd_per_teu = num(t, "cost_usd_per_teu", "change_transfer.", Range::non_negative);
      if (!c.duration_h && !c.duration_factor && !c.cost_usd_per_teu)
        throw ParseError(file_, c.loc.line, "change_transfer", "changes nothing");
      s.change_transfers.push_back(std::move(c));
    });
    for_each(root, "claim", kClaimKeys, [&](const toml::table& t) {
      Claim c;
      c.loc = loc(t);
      c.from = required_str(t, "from", "claim.");
      c.to = required_str(t, "to", "claim.");
      const std::string q = required_str(t, "quantity", "claim.");
      if (q == "km")
        c.quantity = Claim::Quantity::km;
      else if (q == "hours")
        c.quantity = Claim::Quantity::hours;
      else
        throw ParseError(file_, line_of(*t.get("quantity")), "claim.quantity",
                         "'" + q + "' is not km or hours");
      c.before = num(t, "before", "claim.", Range::positive);
      c.after = num(t, "after", "claim.", Range::positive);
      c.saving = num(t, "saving", "claim.", Range::any);
      if (!c.saving && !(c.before && c.after))
        throw ParseError(file_, c.loc.line, "claim", "needs saving, or before and after");
      if (auto by = str(t, "by", "claim.")) {
        if (*by == "rail")
          c.modes = Claim::Modes::rail;
        else if (*by == "road")
          c.modes = Claim::Modes::road;
        else if (*by != "any")
          throw ParseError(file_, line_of(*t.get("by")), "claim.by",
                           "'" + *by + "' is not rail, road or any");
      }
      c.text = str(t, "text", "claim.").value_or("");
      c.source = required_str(t, "source", "claim.");
      s.claims.push_back(std::move(c));
    });
    return s;
  }

private:
  enum class Range : std::uint8_t { any, positive, non_negative };

  SourceLoc loc(const toml::node& n) const { return {file_, line_of(n)}; }

  [[noreturn]] void type_error(const toml::node& n, const std::string& field,
                               std::string_view want) const {
    throw ParseError(file_, line_of(n), field, "must be " + std::string(want));
  }

  void check_keys(const toml::table& t, const KeySet& keys, const std::string& prefix) const {
    for (const auto& [k, v] : t) {
      const std::string_view key = k.str();
      if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
      std::vector<std::pair<std::size_t, std::string_view>> scored;
      for (std::string_view c : keys) scored.emplace_back(edit_distance(key, c), c);
      std::stable_sort(scored.begin(), scored.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      std::string msg = "unknown field (did you mean ";
      for (std::size_t i = 0; i < scored.size() && i < 3; ++i)
        msg += (i ? ", '" : "'") + std::string(scored[i].second) + "'";
      msg += "?)";
      throw ParseError(file_, static_cast<std::size_t>(k.source().begin.line),
                       prefix + std::string(key), msg);
    }
  }

  const toml::table& as_table(const toml::node& n, const std::string& field) const {
    if (const auto* t = n.as_table()) return *t;
    type_error(n, field, "a table");
  }

  template <class F>
  void for_each(const toml::table& root, const char* key, const KeySet& keys, F&& f) const {
    const toml::node* n = root.get(key);
    if (!n) return;
    const auto* arr = n->as_array();
    if (!arr || !arr->is_array_of_tables())
      type_error(*n, key, "an array of tables, written [[" + std::string(key) + "]]");
    for (const toml::node& e : *arr) {
      const toml::table& t = *e.as_table();
      check_keys(t, keys, std::string(key) + ".");
      f(t);
    }
  }

  std::optional<std::string> str(const toml::table& t, const char* key,
                                 const std::string& prefix) const {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (auto v = n->value<std::string>(); v && n->is_string()) return *v;
    type_error(*n, prefix + key, "a string");
  }
  std::string required_str(const toml::table& t, const char* key, const std::string& prefix) const {
    auto v = str(t, key, prefix);
    if (!v || v->empty()) throw ParseError(file_, line_of(t), prefix + key, "is required");
    return *v;
  }
  std::vector<std::string> strings(const toml::table& t, const char* key,
                                   const std::string& prefix) const {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    const auto* arr = n->as_array();
    if (!arr) type_error(*n, prefix + key, "an array of strings");
    for (const toml::node& e : *arr) {
      if (!e.is_string()) type_error(e, prefix + key, "an array of strings");
      out.push_back(*e.value<std::string>());
    }
    return out;
  }
  std::optional<double> num(const toml::table& t, const char* key, const std::string& prefix,
                            Range range) const {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (!n->is_number()) type_error(*n, prefix + key, "a number");
    const double v = *n->value<double>();
    const auto show = [](double x) {
      std::string s = std::to_string(x);
      while (s.size() > 1 && s.back() == '0') s.pop_back();
      if (!s.empty() && s.back() == '.') s.pop_back();
      return s;
    };
    if (!std::isfinite(v)) throw ParseError(file_, line_of(*n), prefix + key, "must be finite");
    if (range == Range::positive && !(v > 0.0))
      throw ParseError(file_, line_of(*n), prefix + key, "must be positive, got " + show(v));
    if (range == Range::non_negative && v < 0.0)
      throw ParseError(file_, line_of(*n), prefix + key, "must not be negative, got " + show(v));
    return v;
  }
  double required_num(const toml::table& t, const char* key, const std::string& prefix,
                      Range range) const {
    auto v = num(t, key, prefix, range);
    if (!v) throw ParseError(file_, line_of(t), prefix + key, "is required");
    return *v;
  }
  std::optional<std::int64_t> integer(const toml::table& t, const char* key,
                                      const std::string& prefix) const {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (!n->is_integer()) type_error(*n, prefix + key, "an integer");
    return *n->value<std::int64_t>();
  }
  std::optional<std::int64_t> tracks(const toml::table& t, const std::string& prefix) const {
    auto k = integer(t, "tracks", prefix);
    if (k && (*k < 1 || *k > 8))
      throw ParseError(file_, line_of(*t.get("tracks")), prefix + "tracks",
                       "must be between 1 and 8, got " + std::to_string(*k));
    return k;
  }
  std::optional<bool> boolean(const toml::table& t, const char* key,
                              const std::string& prefix) const {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (!n->is_boolean()) type_error(*n, prefix + key, "true or false");
    return *n->value<bool>();
  }
  std::optional<Mode> mode(const toml::table& t, const char* key, const std::string& prefix) const {
    auto s = str(t, key, prefix);
    if (!s) return std::nullopt;
    if (auto m = parse_mode(*s)) return m;
    throw ParseError(file_, line_of(*t.get(key)), prefix + key,
                     "unknown mode '" + *s + "' (rail_1520, rail_1435, road, ferry, sea)");
  }
  std::optional<CapacityUnit> capacity_unit(const toml::table& t, const std::string& prefix) const {
    auto s = str(t, "capacity_unit", prefix);
    if (!s) return std::nullopt;
    if (auto u = parse_capacity_unit(*s)) return u;
    throw ParseError(file_, line_of(*t.get("capacity_unit")), prefix + "capacity_unit",
                     "unknown unit '" + *s +
                         "' (trains_per_day, teu_per_day, vehicles_per_hour, tonnes_per_year)");
  }
  LinkSelector selector(const toml::table& t, const std::string& prefix) const {
    LinkSelector s;
    s.loc = loc(t);
    s.link_id = str(t, "id", prefix).value_or("");
    const auto between = strings(t, "between", prefix);
    if (t.get("between") && between.size() != 2)
      type_error(*t.get("between"), prefix + "between", "two node names");
    if (s.link_id.empty() == between.empty())
      throw ParseError(file_, s.loc.line, prefix + "id",
                       "name the link by id, or the two nodes it joins with between = [a, b]");
    if (!between.empty()) {
      s.node_a = between[0];
      s.node_b = between[1];
    }
    s.mode = mode(t, "mode", prefix);
    return s;
  }

  Scenario load_other(const std::string& rel, const toml::table& root, const char* key) {
    const std::size_t line = line_of(*root.get(key));
    const std::filesystem::path p = dir_ / rel;
    std::error_code ec;
    const std::filesystem::path canon = std::filesystem::weakly_canonical(p, ec);
    if (!std::filesystem::is_regular_file(p))
      throw ParseError(file_, line, key, "no scenario file '" + p.string() + "'");
    if (std::find(stack_->begin(), stack_->end(), canon) != stack_->end()) {
      std::string chain;
      for (const auto& f : *stack_) chain += f.filename().string() + " -> ";
      chain += canon.filename().string();
      throw ParseError(file_, line, key, "inheritance cycle: " + chain);
    }
    stack_->push_back(canon);
    Reader r(p.string(), p.parent_path(), stack_);
    Scenario s = r.read(read_file(p));
    stack_->pop_back();
    return s;
  }

  std::string file_;
  std::filesystem::path dir_;
  std::vector<std::filesystem::path>* stack_;
};

} // namespace

Scenario parse_scenario(std::string_view text, const std::string& label,
                        const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> stack;
  std::error_code ec;
  stack.push_back(
      std::filesystem::weakly_canonical(dir / std::filesystem::path(label).filename(), ec));
  Reader r(label, dir, &stack);
  return r.read(text);
}

Scenario read_scenario(const std::filesystem::path& path) {
  const std::string text = read_file(path);
  std::vector<std::filesystem::path> stack;
  std::error_code ec;
  stack.push_back(std::filesystem::weakly_canonical(path, ec));
  Reader r(path.string(), path.parent_path(), &stack);
  return r.read(text);
}

} // namespace caravan::formats
