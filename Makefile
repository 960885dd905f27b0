# Entry points: `make run` (install, build, serve the built-in network), `make test` (every test),
# `make fuzz` (each libFuzzer target for FUZZ_SECONDS).
BUILD ?= build
SAN_BUILD ?= build-san
JOBS ?= $(shell nproc)
CMAKE_GEN := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")
PORT ?= 8080
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_PARALLEL ?= 1
FUZZ_TARGETS ?= csv_network tntp dimacs scenario_toml freight_demand http_api osm

.PHONY: all deps build web run route test test-san bench fuzz fuzz-build fmt fmt-check clean

all: build

deps:
	@scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# The web map needs node/npm (the `web` group of install-deps); the default build includes it.
web:
	@scripts/install-deps web
	@$(MAKE) --no-print-directory build
	@cmake --build $(BUILD) --target web

RUN_NETWORK ?= eurasia
run: web
	@$(BUILD)/caravan serve --network $(RUN_NETWORK) --port $(PORT) --quiet

test:
	@scripts/install-deps web bench
	@$(MAKE) --no-print-directory build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --progress

test-san: deps
	@cmake -S . -B $(SAN_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DCARAVAN_SANITIZE=ON >/dev/null
	@cmake --build $(SAN_BUILD) -j $(JOBS)
	@cd $(SAN_BUILD) && ctest --output-on-failure -j $(JOBS)

bench: deps
	@cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DCARAVAN_BUILD_BENCH=ON >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)
	@bench/run-all $(BUILD)

# libFuzzer targets (fuzz/, clang with ASan+UBSan) in their own build; each runs FUZZ_SECONDS from
# a scratch copy of its seed corpus in $(FUZZ_BUILD)/fuzz-run/, FUZZ_PARALLEL at a time.
fuzz-build:
	@scripts/install-deps fuzz
	@cmake -S . -B $(FUZZ_BUILD) $(CMAKE_GEN) -DCMAKE_CXX_COMPILER=clang++ -DCARAVAN_FUZZ=ON \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS)

fuzz: fuzz-build
	@scripts/run-fuzz $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_PARALLEL) $(FUZZ_TARGETS)

fmt:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

fmt-check:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror

clean:
	rm -rf $(BUILD) $(SAN_BUILD) $(FUZZ_BUILD)
