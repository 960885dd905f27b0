// Applying a scenario's edits to a base network to build the scenario's network.
#include "scenario/scenario.hpp"

#include "core/names.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace caravan {

namespace {

std::string format_error(const SourceLoc& loc, const std::string& field, const std::string& msg) {
  std::string s = loc.file.empty() ? std::string("scenario") : loc.file;
  if (loc.line > 0) s += ":" + std::to_string(loc.line);
  s += ": ";
  if (!field.empty()) s += "field '" + field + "': ";
  return s + msg;
}

std::string join_quoted(const std::vector<std::string>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i > 0) s += i + 1 == v.size() ? " or " : ", ";
    s += "'" + v[i] + "'";
  }
  return s;
}

/// Resolves names against the base network's nodes and links, with suggestions.
class Resolver {
public:
  explicit Resolver(const Network& net) : net_(net), names_(net) {}

  NodeId node(const std::string& query, const SourceLoc& loc, const std::string& field) const {
    const NameMatch m = names_.resolve(query);
    if (const auto* id = std::get_if<NodeId>(&m)) return *id;
    if (const auto* nf = std::get_if<NameNotFound>(&m))
      throw ScenarioError(loc, field,
                          "unknown node '" + query + "' (did you mean " +
                              join_quoted(nf->suggestions) + "?)");
    const auto& amb = std::get<NameAmbiguous>(m);
    std::vector<std::string> ids;
    for (NodeId n : amb.candidates) ids.push_back(net_.node(n).id);
    throw ScenarioError(
        loc, field, "'" + query + "' names several nodes; use one of the ids " + join_quoted(ids));
  }

  LinkId link(const std::string& id, const SourceLoc& loc, const std::string& field) const {
    if (auto l = net_.find_link_id(id)) return *l;
    throw ScenarioError(loc, field,
                        "unknown link '" + id + "' (did you mean " +
                            join_quoted(closest_links(id)) + "?)");
  }

  std::vector<std::string> closest_links(const std::string& id, std::size_t k = 3) const {
    const std::string key = fold_name(id);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const Link& l : net_.links())
      scored.emplace_back(edit_distance(key, fold_name(l.id)), l.id);
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < scored.size() && i < k; ++i) out.push_back(scored[i].second);
    return out;
  }

  /// The links a selector names (in the base network); never empty.
  std::vector<LinkId> select(const LinkSelector& s, const std::string& what) const {
    if (!s.link_id.empty()) return {link(s.link_id, s.loc, what + ".id")};
    const NodeId a = node(s.node_a, s.loc, what + ".between");
    const NodeId b = node(s.node_b, s.loc, what + ".between");
    std::vector<LinkId> out;
    for (std::uint32_t i = 0; i < net_.link_count(); ++i) {
      const Link& l = net_.link(LinkId(i));
      const bool joins = (l.from == a && l.to == b) || (l.from == b && l.to == a);
      if (joins && (!s.mode || *s.mode == l.mode)) out.emplace_back(i);
    }
    if (out.empty())
      throw ScenarioError(s.loc, what + ".between",
                          "no link joins '" + net_.node(a).id + "' and '" + net_.node(b).id + "'" +
                              (s.mode ? " by " + std::string(to_string(*s.mode)) : std::string()));
    return out;
  }

private:
  const Network& net_;
  NodeNames names_;
};

std::string show(double v) {
  std::string s = std::to_string(v);
  while (s.size() > 1 && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

void require(bool ok, const SourceLoc& loc, const std::string& field, const std::string& msg) {
  if (!ok) throw ScenarioError(loc, field, msg);
}

void check_positive(const std::optional<double>& v, const SourceLoc& loc,
                    const std::string& field) {
  if (v) require(std::isfinite(*v) && *v > 0.0, loc, field, "must be positive, got " + show(*v));
}
void check_non_negative(const std::optional<double>& v, const SourceLoc& loc,
                        const std::string& field) {
  if (v)
    require(std::isfinite(*v) && *v >= 0.0, loc, field, "must not be negative, got " + show(*v));
}

HoursRange scaled(const HoursRange& r, double factor) {
  return {r.low * factor, r.typical * factor, r.high * factor};
}
HoursRange with_typical(const HoursRange& r, Hours typical) {
  if (r.typical.value() > 0.0) return scaled(r, typical / r.typical);
  return HoursRange::exactly(typical);
}

bool mode_matches(const std::optional<Mode>& want, const std::optional<Mode>& have) {
  return !want || (have && *want == *have);
}

void apply_one(const Network& base, const Scenario& s, std::vector<Link>& links,
               std::vector<std::uint8_t>& closed, std::vector<Transfer>& transfers,
               std::vector<BorderCrossing>& borders, ScenarioSummary& sum) {
  const Resolver r(base);

  // Projects switched on.
  const ProjectSwitch& p = s.projects;
  for (const std::string& id : p.link_ids) {
    const LinkId l = r.link(id, p.loc, "projects.ids");
    if (links[l.index()].status != LinkStatus::existing) {
      links[l.index()].status = LinkStatus::existing;
      ++sum.projects_opened;
    }
  }
  for (Link& l : links) {
    if (l.status == LinkStatus::existing) continue;
    const bool by_status =
        std::find(p.statuses.begin(), p.statuses.end(), l.status) != p.statuses.end();
    const bool by_year = p.year && l.open_year != 0 && l.open_year <= *p.year;
    if (by_status || by_year) {
      l.status = LinkStatus::existing;
      ++sum.projects_opened;
    }
  }

  // Closures.
  for (const LinkSelector& c : s.close_links)
    for (LinkId l : r.select(c, "close_link")) {
      if (!closed[l.index()]) ++sum.links_closed;
      closed[l.index()] = 1;
    }
  for (const CloseBorder& c : s.close_borders) {
    const NodeId a = r.node(c.from, c.loc, "close_border.from");
    const NodeId b = r.node(c.to, c.loc, "close_border.to");
    require(base.country_of(a) != base.country_of(b), c.loc, "close_border",
            "'" + base.node(a).id + "' and '" + base.node(b).id +
                "' are in the same country: close the links with [[close_link]]");
    LinkSelector sel{"", c.from, c.to, c.mode, c.loc};
    for (LinkId l : r.select(sel, "close_border")) {
      if (!closed[l.index()]) ++sum.links_closed;
      closed[l.index()] = 1;
    }
    std::erase_if(borders, [&](const BorderCrossing& bc) {
      const bool pair = (bc.from == a && bc.to == b) || (bc.from == b && bc.to == a);
      return pair && (!c.mode || !bc.mode || *bc.mode == *c.mode);
    });
    ++sum.borders_closed;
  }

  // Changes to links.
  for (const ChangeLink& c : s.change_links) {
    check_positive(c.speed_kmh, c.loc, "change_link.speed_kmh");
    check_positive(c.duration_h, c.loc, "change_link.duration_h");
    check_positive(c.duration_factor, c.loc, "change_link.duration_factor");
    check_non_negative(c.capacity, c.loc, "change_link.capacity");
    check_non_negative(c.cost_usd_per_teu, c.loc, "change_link.cost_usd_per_teu");
    check_non_negative(c.cost_factor, c.loc, "change_link.cost_factor");
    if (c.tracks)
      require(*c.tracks >= 1, c.loc, "change_link.tracks",
              "must be at least 1, got " + std::to_string(*c.tracks));
    for (LinkId id : r.select(c.select, "change_link")) {
      Link& l = links[id.index()];
      if (c.speed_kmh) l.duration = with_typical(l.duration, l.length / KmPerHour{*c.speed_kmh});
      if (c.duration_h) l.duration = with_typical(l.duration, Hours(*c.duration_h));
      if (c.duration_factor) l.duration = scaled(l.duration, *c.duration_factor);
      if (c.tracks) l.tracks = *c.tracks;
      if (c.capacity) l.capacity = *c.capacity;
      if (c.capacity_unit) l.capacity_unit = *c.capacity_unit;
      if (c.cost_usd_per_teu) l.cost_per_teu = Usd(*c.cost_usd_per_teu);
      if (c.cost_factor) l.cost_per_teu = l.cost_per_teu * *c.cost_factor;
      ++sum.links_changed;
    }
  }

  // Changes to border crossings.
  for (const ChangeBorder& c : s.change_borders) {
    check_positive(c.dwell_h, c.loc, "change_border.dwell_h");
    check_non_negative(c.dwell_factor, c.loc, "change_border.dwell_factor");
    check_non_negative(c.cost_usd_per_teu, c.loc, "change_border.cost_usd_per_teu");
    const NodeId a = r.node(c.from, c.loc, "change_border.from");
    const NodeId b = r.node(c.to, c.loc, "change_border.to");
    int matched = 0;
    for (BorderCrossing& bc : borders) {
      const bool dir =
          (bc.from == a && bc.to == b) || (c.both_directions && bc.from == b && bc.to == a);
      if (!dir || (c.mode && bc.mode && *c.mode != *bc.mode)) continue;
      if (c.dwell_h) bc.dwell = with_typical(bc.dwell, Hours(*c.dwell_h));
      if (c.dwell_factor) bc.dwell = scaled(bc.dwell, *c.dwell_factor);
      if (c.cost_usd_per_teu) bc.cost_per_teu = Usd(*c.cost_usd_per_teu);
      ++matched;
    }
    require(matched > 0, c.loc, "change_border",
            "no border crossing row '" + base.node(a).id + "' -> '" + base.node(b).id + "'");
    sum.borders_changed += matched;
  }

  // Changes to transfers.
  for (const ChangeTransfer& c : s.change_transfers) {
    check_positive(c.duration_h, c.loc, "change_transfer.duration_h");
    check_non_negative(c.duration_factor, c.loc, "change_transfer.duration_factor");
    check_non_negative(c.cost_usd_per_teu, c.loc, "change_transfer.cost_usd_per_teu");
    const NodeId n = r.node(c.node, c.loc, "change_transfer.node");
    int matched = 0;
    for (Transfer& t : transfers) {
      if (t.node != n) continue;
      if (c.from_mode && !mode_matches(c.from_mode, t.from_mode)) continue;
      if (c.to_mode && !mode_matches(c.to_mode, t.to_mode)) continue;
      if (c.duration_h) t.duration = with_typical(t.duration, Hours(*c.duration_h));
      if (c.duration_factor) t.duration = scaled(t.duration, *c.duration_factor);
      if (c.cost_usd_per_teu) t.cost_per_teu = Usd(*c.cost_usd_per_teu);
      ++matched;
    }
    require(matched > 0, c.loc, "change_transfer",
            "no transfer at '" + base.node(n).id + "' matches the given modes");
    sum.transfers_changed += matched;
  }

  // Additions.
  std::set<std::string> ids;
  for (const Link& l : links) ids.insert(l.id);
  for (const AddLink& a : s.add_links) {
    require(!a.id.empty(), a.loc, "add_link.id", "is required");
    require(!ids.contains(a.id), a.loc, "add_link.id", "link id '" + a.id + "' already exists");
    require(std::isfinite(a.length_km) && a.length_km > 0.0, a.loc, "add_link.length_km",
            "must be positive, got " + show(a.length_km));
    check_positive(a.speed_kmh, a.loc, "add_link.speed_kmh");
    check_positive(a.duration_h, a.loc, "add_link.duration_h");
    require(a.speed_kmh.has_value() || a.duration_h.has_value(), a.loc, "add_link",
            "needs speed_kmh or duration_h");
    check_non_negative(a.cost_usd_per_teu_km, a.loc, "add_link.cost_usd_per_teu_km");
    check_non_negative(a.cost_usd_per_teu, a.loc, "add_link.cost_usd_per_teu");
    check_non_negative(a.co2_g_per_tkm, a.loc, "add_link.co2_g_per_tkm");
    check_non_negative(a.capacity, a.loc, "add_link.capacity");
    Link l;
    l.id = a.id;
    l.from = r.node(a.from, a.loc, "add_link.from");
    l.to = r.node(a.to, a.loc, "add_link.to");
    require(l.from != l.to, a.loc, "add_link.to", "the link starts and ends at the same node");
    l.mode = a.mode;
    l.length = Km(a.length_km);
    l.duration = HoursRange::exactly(a.duration_h ? Hours(*a.duration_h)
                                                  : l.length / KmPerHour{*a.speed_kmh});
    l.cost_per_teu = Usd(a.cost_usd_per_teu_km * a.length_km + a.cost_usd_per_teu);
    l.co2_intensity = GramsCo2PerTonneKm{a.co2_g_per_tkm};
    l.oneway = a.oneway;
    l.tracks = a.tracks;
    l.capacity = a.capacity;
    l.capacity_unit = a.capacity_unit;
    l.source = a.source.empty() ? "scenario " + s.name : a.source;
    ids.insert(l.id);
    links.push_back(std::move(l));
    closed.push_back(0);
    ++sum.links_added;
  }
}

void apply_chain(const Network& base, const Scenario& s, std::vector<Link>& links,
                 std::vector<std::uint8_t>& closed, std::vector<Transfer>& transfers,
                 std::vector<BorderCrossing>& borders, ScenarioSummary& sum, int depth) {
  require(depth < 32, s.loc, "inherits", "inheritance is more than 32 levels deep");
  if (!s.parent.empty())
    apply_chain(base, s.parent.front(), links, closed, transfers, borders, sum, depth + 1);
  apply_one(base, s, links, closed, transfers, borders, sum);
}

} // namespace

ScenarioError::ScenarioError(const SourceLoc& loc, const std::string& field,
                             const std::string& message)
    : std::runtime_error(format_error(loc, field, message)), loc_(loc), field_(field) {}

Network apply_scenario(const Network& base, const Scenario& s, ScenarioSummary* summary) {
  std::vector<Link> links(base.links().begin(), base.links().end());
  std::vector<std::uint8_t> closed(links.size(), 0);
  std::vector<Transfer> transfers(base.transfers().begin(), base.transfers().end());
  std::vector<BorderCrossing> borders(base.borders().begin(), base.borders().end());
  ScenarioSummary sum;
  apply_chain(base, s, links, closed, transfers, borders, sum, 0);

  NetworkBuilder b;
  for (const Node& n : base.nodes()) b.add_node(n);
  for (std::size_t i = 0; i < links.size(); ++i) {
    if (closed[i]) continue;
    const LinkId id = b.add_link(links[i]);
    // Base links keep their line; a link the scenario adds is drawn schematic.
    if (i < base.link_count()) {
      const LinkGeometry& g = base.geometry(LinkId(static_cast<std::uint32_t>(i)));
      if (!g.points.empty()) b.set_geometry(id, g);
    }
  }
  // Border rows whose links were all closed describe nothing any more.
  for (BorderCrossing& bc : borders)
    if (b.has_arc(bc.from, bc.to, bc.mode)) b.add_border(std::move(bc));
  for (Transfer& t : transfers) b.add_transfer(std::move(t));
  for (const Corridor& c : base.corridors()) b.add_corridor(c);
  if (summary) *summary = sum;
  return std::move(b).build();
}

std::vector<Claim> all_claims(const Scenario& s) {
  std::vector<Claim> out;
  if (!s.parent.empty()) out = all_claims(s.parent.front());
  out.insert(out.end(), s.claims.begin(), s.claims.end());
  return out;
}

} // namespace caravan
