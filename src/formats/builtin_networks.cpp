// Look-up of the networks compiled into the binary.
#include "formats/builtin_networks.hpp"

namespace caravan::formats {

std::vector<std::string> builtin_network_names() {
  return {"eurasia", "example"};
}

std::optional<NetworkFiles> builtin_network(const std::string& name) {
  const std::map<std::string, std::string>* files = nullptr;
  if (name == "eurasia")
    files = &builtin::eurasia_files();
  else if (name == "example")
    files = &builtin::example_files();
  if (files == nullptr || files->empty()) return std::nullopt;
  return NetworkFiles{"<built-in " + name + ">", *files};
}

} // namespace caravan::formats
