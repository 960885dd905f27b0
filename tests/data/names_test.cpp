// Place names of the built-in eurasia network: the names users type resolve to the intended node.
#include "core/names.hpp"
#include "formats/csv_network.hpp"
#include "support/eurasia_network.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <variant>

namespace caravan {
namespace {

class EurasiaNames : public ::testing::Test {
protected:
  static void SetUpTestSuite() { net_ = &testing::eurasia_network(); }
  static std::string resolve(const std::string& q) {
    const NodeNames names(*net_);
    const NameMatch m = names.resolve(q);
    if (const auto* id = std::get_if<NodeId>(&m)) return net_->node(*id).id;
    return std::holds_alternative<NameAmbiguous>(m) ? "<ambiguous>" : "<not found>";
  }
  static const Network* net_;
};
const Network* EurasiaNames::net_ = nullptr;

TEST_F(EurasiaNames, NamesUsersTypeResolveToTheIntendedNode) {
  const std::pair<const char*, const char*> cases[] = {
      {"Lianyungang", "cn_lianyungang"},
      {"Duisburg", "de_duisburg"},
      {"Khorgos", "kz_altynkol"},
      {"Khorgos Gateway", "kz_altynkol"},
      {"Altynkol", "kz_altynkol"},
      {"Horgos", "cn_khorgos"},
      {"Khorgos (CN)", "cn_khorgos"},
      {"Poti", "ge_poti"},
      {"Dostyk", "kz_dostyk"},
      {"Druzhba", "kz_dostyk"},
      {"Dostyq", "kz_dostyk"},
      {"Aktau", "kz_aktau"},
      {"Almaty", "kz_almaty"},
      {"Constanta", "ro_constanta"},
      {"CONSTANTA", "ro_constanta"},
      {"Xian", "cn_xian"},
      {"Xi'an", "cn_xian"},
      {"Port of Baku", "az_alat"},
      {"Baku", "az_baku"},
      {"Malaszewicze", "pl_malaszewicze"},
      {"Ust-Kamenogorsk", "kz_oskemen"},
      {"Nur-Sultan", "kz_astana"},
      {"Uralsk", "kz_oral"},
      {"Bandar Abbas", "ir_bandar_abbas"},
  };
  for (const auto& [q, id] : cases) EXPECT_EQ(resolve(q), id) << q;
}

TEST_F(EurasiaNames, NoNameOrAliasIsShared) {
  const NodeNames names(*net_);
  for (const Node& n : net_->nodes()) {
    EXPECT_TRUE(std::holds_alternative<NodeId>(names.resolve(n.name))) << n.name;
    for (const auto& a : n.aliases)
      EXPECT_TRUE(std::holds_alternative<NodeId>(names.resolve(a))) << a;
  }
}

TEST_F(EurasiaNames, EveryKazakhNodeHasARegion) {
  for (const Node& n : net_->nodes())
    if (n.country == "KZ") {
      EXPECT_FALSE(n.region.empty()) << n.id;
    }
}

} // namespace
} // namespace caravan
