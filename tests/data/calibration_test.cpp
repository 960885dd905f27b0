// Calibration of the built-in eurasia network against the published journeys and distances of
// data/eurasia/calibration.csv (every end-to-end figure of FACTS.md between two places of the
// network, with its accepted range and source; the file's comment gives the range rules).
//
// Each row is routed with the library's calibration function (analysis/calibration.hpp) and must
// lie within its accepted range; the test prints the table. docs/calibration.md, the Markdown
// report of `caravan calibrate`, must be what the command would print now.
#include "analysis/calibration.hpp"
#include "formats/atomic_file.hpp"
#include "formats/builtin_networks.hpp"
#include "formats/csv_network.hpp"
#include "formats/journeys_csv.hpp"
#include "report/calibration_output.hpp"
#include "support/eurasia_network.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace caravan {
namespace {

std::vector<report::CalibrationRow> calibrate_all(const Network& net,
                                                  const std::vector<PublishedJourney>& journeys) {
  std::vector<report::CalibrationRow> rows;
  rows.reserve(journeys.size());
  for (const PublishedJourney& j : journeys) rows.push_back({&j, calibrate_journey(net, j)});
  return rows;
}

std::string range_text(const std::optional<double>& lo, const std::optional<double>& hi,
                       const char* unit) {
  if (!lo) return "-";
  return fmt::format("{:g}-{:g} {}", *lo, *hi, unit);
}

std::string model_text(const JourneyResult& m) {
  if (!m.routed) return "no route";
  return fmt::format("{:.1f} km, {:.2f} days [{:.2f}-{:.2f}] via {}", m.km, m.days, m.days_low,
                     m.days_high, m.path);
}

class Calibration : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    net_ = &testing::eurasia_network();
    journeys_ =
        new std::vector<PublishedJourney>(formats::read_journeys(CARAVAN_CALIBRATION_FILE, *net_));
  }
  static void TearDownTestSuite() {
    delete journeys_;
    journeys_ = nullptr;
  }
  static const Network* net_;
  static std::vector<PublishedJourney>* journeys_;
};
const Network* Calibration::net_ = nullptr;
std::vector<PublishedJourney>* Calibration::journeys_ = nullptr;

TEST_F(Calibration, EveryPublishedJourneyIsWithinItsAcceptedRange) {
  ASSERT_FALSE(journeys_->empty());
  const auto rows = calibrate_all(*net_, *journeys_);
  std::printf("%s", report::calibration_to_table(*net_, rows).c_str());
  std::size_t bad = 0;
  for (const auto& row : rows) {
    const PublishedJourney& j = *row.journey;
    const JourneyResult& m = row.result;
    bad += m.ok() ? 0 : 1;
    if (!j.reason.empty()) {
      // A known difference, explained in the row's `reason` and listed in docs/calibration.md;
      // a row that comes back within range must lose its reason.
      EXPECT_FALSE(m.ok()) << j.id << " is within range now: clear its reason in calibration.csv";
      continue;
    }
    EXPECT_TRUE(m.ok()) << j.id << " (" << net_->node(j.from).id << " -> " << net_->node(j.to).id
                        << "): published " << j.published << "\n  accepted "
                        << range_text(j.km_low, j.km_high, "km") << ", "
                        << range_text(j.days_low, j.days_high, "days") << "\n  model "
                        << model_text(m) << "\n  source " << j.source;
  }
  std::printf("%zu of %zu journeys within their accepted range; the others have a reason\n",
              rows.size() - bad, rows.size());
}

TEST_F(Calibration, SeaIsTheCheapestChinaEuropeRouteAndRailTheFastest) {
  const PublishedJourney* sea = nullptr;
  for (const PublishedJourney& j : *journeys_)
    if (j.id == "shanghai_rotterdam_sea") sea = &j;
  ASSERT_NE(sea, nullptr) << "the row shanghai_rotterdam_sea of " << CARAVAN_CALIBRATION_FILE;
  ASSERT_EQ(sea->objective, Objective::cost);
  const JourneyResult by_cost = calibrate_journey(*net_, *sea);
  EXPECT_EQ(by_cost.path, "sea cn_shanghai->nl_rotterdam");
  PublishedJourney fastest = *sea;
  fastest.objective = Objective::time;
  const JourneyResult by_time = calibrate_journey(*net_, fastest);
  EXPECT_NE(by_time.path.find("rail_1520"), std::string::npos) << by_time.path;
  EXPECT_LT(by_time.days, by_cost.days);
}

// docs/calibration.md is `caravan calibrate --format md` on the built-in network (the network
// compiled into the binary from data/eurasia), rendered here in-process.
TEST(CalibrationReport, DocsCalibrationMdIsCurrent) {
  const auto files = formats::builtin_network("eurasia");
  ASSERT_TRUE(files.has_value());
  const Network net = formats::parse_network(*files).network;
  const auto journeys = formats::read_journeys(CARAVAN_CALIBRATION_FILE, net);
  const auto rows = calibrate_all(net, journeys);
  const std::string expected = report::calibration_to_markdown(
      net, rows, report::kCalibrationReportTitle, report::kCalibrationReportIntro);
  ASSERT_TRUE(std::filesystem::exists(CARAVAN_CALIBRATION_DOC))
      << CARAVAN_CALIBRATION_DOC
      << " is missing; regenerate with: build/caravan calibrate --format md -o "
         "docs/calibration.md";
  const std::string actual = formats::read_file(CARAVAN_CALIBRATION_DOC);
  EXPECT_TRUE(actual == expected)
      << "docs/calibration.md is not what `caravan calibrate --format md` prints now; regenerate "
         "with: build/caravan calibrate --format md -o docs/calibration.md";
}

} // namespace
} // namespace caravan
