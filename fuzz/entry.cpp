// The libFuzzer entry point of one target; CMake compiles it once per target with
// CARAVAN_FUZZ_TARGET set to the body's name in fuzz/targets.hpp.
#include "targets.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  caravan::fuzz::CARAVAN_FUZZ_TARGET(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
