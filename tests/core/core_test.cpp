// Unit tests for the core: unit types, the network builder, transfers, borders, corridors, names.
#include "core/names.hpp"
#include "core/network.hpp"

#include <gtest/gtest.h>

#include <type_traits>

namespace caravan {
namespace {

using namespace literals;

// Quantities of different units cannot be added or compared.
template <class A, class B>
concept Addable = requires(A a, B b) {
  a + b;
};
static_assert(Addable<Km, Km>);
static_assert(!Addable<Km, Hours>);
static_assert(!Addable<Usd, KgCo2>);
static_assert(!Addable<Km, double>);
static_assert(!std::is_convertible_v<double, Km>);

TEST(Units, ArithmeticKeepsTheUnit) {
  const Km d = 120_km + 30_km;
  EXPECT_DOUBLE_EQ(d.value(), 150.0);
  EXPECT_DOUBLE_EQ((d / KmPerHour{50.0}).value(), 3.0);
  EXPECT_DOUBLE_EQ((2.0 * 10_usd).value(), 20.0);
  EXPECT_DOUBLE_EQ(150_km / 50_km, 3.0);
  EXPECT_LT(1_h, 2_h);
  EXPECT_DOUBLE_EQ(emissions(GramsCo2PerTonneKm{22.0}, 1000_km, Tonnes(10)).value(), 220.0);
}

TEST(Geo, GreatCircleBetweenKnownPoints) {
  // Aktau -> Alat: FACTS section 19 lists 432 km from its coordinates; ours differ slightly.
  EXPECT_NEAR(great_circle({43.65, 51.17}, {39.95, 49.41}).value(), 440.0, 15.0);
  EXPECT_DOUBLE_EQ(great_circle({10, 10}, {10, 10}).value(), 0.0);
  // A quarter of a meridian.
  EXPECT_NEAR(great_circle({0, 0}, {90, 0}).value(), 10007.5, 0.5);
}

Network tiny() {
  NetworkBuilder b;
  for (auto [id, cc] : {std::pair{"a", "CN"}, {"b", "KZ"}, {"c", "KZ"}}) {
    Node n;
    n.id = id;
    n.name = std::string("Node ") + id;
    n.country = cc;
    b.add_node(n);
  }
  Link l;
  l.id = "ab";
  l.from = NodeId(0);
  l.to = NodeId(1);
  l.mode = Mode::rail_1435;
  l.length = 10_km;
  l.duration = HoursRange::exactly(1_h);
  b.add_link(l);
  l.id = "bc";
  l.from = NodeId(1);
  l.to = NodeId(2);
  l.mode = Mode::rail_1520;
  l.oneway = true;
  b.add_link(l);
  b.add_transfer({NodeId(1), std::nullopt, std::nullopt, HoursRange::exactly(9_h), 0_usd, ""});
  b.add_transfer(
      {NodeId(1), Mode::rail_1435, Mode::rail_1520, HoursRange::exactly(2_h), 330_usd, ""});
  b.add_transfer({NodeId(1), Mode::rail_1435, std::nullopt, HoursRange::exactly(5_h), 0_usd, ""});
  b.add_border({NodeId(0), NodeId(1), std::nullopt, HoursRange::exactly(36_h), 215_usd, ""});
  b.add_corridor({"x", "X", {NodeId(0), NodeId(1), NodeId(2)}, "", ""});
  return std::move(b).build();
}

TEST(Network, ArcsAreStoredByTailWithBothDirectionsUnlessOneWay) {
  const Network net = tiny();
  EXPECT_EQ(net.arc_count(), 3u); // ab both ways, bc one way
  EXPECT_EQ(net.end_out(NodeId(0)) - net.first_out(NodeId(0)), 1u);
  EXPECT_EQ(net.end_out(NodeId(1)) - net.first_out(NodeId(1)), 2u);
  EXPECT_EQ(net.end_out(NodeId(2)) - net.first_out(NodeId(2)), 0u);
}

TEST(Network, MostSpecificTransferWins) {
  const Network net = tiny();
  EXPECT_EQ(net.find_transfer(NodeId(1), Mode::rail_1435, Mode::rail_1520)->duration.typical, 2_h);
  EXPECT_EQ(net.find_transfer(NodeId(1), Mode::rail_1435, Mode::road)->duration.typical, 5_h);
  EXPECT_EQ(net.find_transfer(NodeId(1), Mode::road, Mode::sea)->duration.typical, 9_h);
  EXPECT_EQ(net.find_transfer(NodeId(0), Mode::road, Mode::sea), nullptr);
}

TEST(Network, BorderChargeAttachesToOneDirection) {
  const Network net = tiny();
  int charged = 0;
  for (const Arc& a : net.arcs()) {
    if (a.border.valid()) {
      ++charged;
      EXPECT_EQ(a.tail, NodeId(0));
      EXPECT_EQ(net.border(a.border).dwell.typical, 36_h);
    }
  }
  EXPECT_EQ(charged, 1);
  EXPECT_TRUE(net.crosses_border(net.arc(ArcId(net.first_out(NodeId(0))))));
}

TEST(Network, CorridorMembershipIsDerivedFromNodeSequences) {
  const Network net = tiny();
  ASSERT_EQ(net.corridors_of(LinkId(0)).size(), 1u);
  ASSERT_EQ(net.corridors_of(LinkId(1)).size(), 1u);
  EXPECT_EQ(net.corridor(net.corridors_of(LinkId(1))[0]).id, "x");
}

TEST(Network, BuilderRejectsInconsistentInput) {
  NetworkBuilder b;
  Node n;
  n.id = "a";
  n.country = "KZ";
  b.add_node(n);
  EXPECT_THROW(b.add_node(n), NetworkError);
  Link l;
  l.id = "loop";
  l.from = NodeId(0);
  l.to = NodeId(0);
  EXPECT_THROW(b.add_link(l), NetworkError);
  l.to = NodeId(7);
  EXPECT_THROW(b.add_link(l), NetworkError);
  NetworkBuilder b2;
  b2.add_node(n);
  n.id = "b";
  b2.add_node(n);
  b2.add_border({NodeId(0), NodeId(1), std::nullopt, HoursRange::exactly(1_h), 0_usd, ""});
  EXPECT_THROW(std::move(b2).build(), NetworkError); // no link a->b
}

TEST(Names, FoldingIgnoresCaseAccentsAndSeparators) {
  EXPECT_EQ(fold_name("Constanța"), "constanta");
  EXPECT_EQ(fold_name("  Małaszewicze "), "malaszewicze");
  EXPECT_EQ(fold_name("Xi'an"), "xi an");
  EXPECT_EQ(fold_name("XI-AN"), "xi an");
  EXPECT_EQ(fold_name("Ürümqi"), "urumqi");
  EXPECT_EQ(fold_name("CONSTANȚA"), "constanta");
  EXPECT_EQ(fold_name("ŞIRNAK"), "sirnak");
}

TEST(Names, EditDistance) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("poti", "poti"), 0u);
}

TEST(Names, ResolvesByIdNameAndAliasWithSuggestions) {
  NetworkBuilder b;
  auto add = [&](const char* id, const char* name, std::vector<std::string> aliases) {
    Node n;
    n.id = id;
    n.name = name;
    n.aliases = std::move(aliases);
    n.country = "KZ";
    b.add_node(n);
  };
  add("kz_dostyk", "Dostyk", {"Druzhba"});
  add("ro_constanta", "Constanța", {});
  add("kz_aktau", "Aktau", {});
  add("kz_aktau_port", "Aktau", {});
  const Network net = std::move(b).build();
  const NodeNames names(net);
  EXPECT_EQ(std::get<NodeId>(names.resolve("DRUZHBA")), NodeId(0));
  EXPECT_EQ(std::get<NodeId>(names.resolve("constanta")), NodeId(1));
  EXPECT_EQ(std::get<NodeId>(names.resolve("kz_dostyk")), NodeId(0));
  EXPECT_TRUE(std::holds_alternative<NameAmbiguous>(names.resolve("aktau")));
  EXPECT_EQ(std::get<NodeId>(names.resolve("kz_aktau_port")), NodeId(3));
  const auto nf = std::get<NameNotFound>(names.resolve("Dostik"));
  ASSERT_EQ(nf.suggestions.size(), 3u);
  EXPECT_EQ(nf.suggestions[0], "Dostyk");
}

} // namespace
} // namespace caravan
