"""Shared fixtures: the built-in network (loaded once) and a runner for the `caravan` CLI that the
bindings are compared with (CARAVAN_CLI, set by ctest)."""

import json
import os
import subprocess

import pytest

import caravan


@pytest.fixture(scope="session")
def eurasia():
    return caravan.Network.builtin("eurasia")


@pytest.fixture(scope="session")
def source_dir():
    d = os.environ.get("CARAVAN_SOURCE_DIR")
    if not d:
        d = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    return d


class Cli:
    def __init__(self, path):
        self.path = path

    def run(self, *args, check=True):
        p = subprocess.run([self.path, *args], capture_output=True, text=True, timeout=60)
        if check and p.returncode != 0:
            raise AssertionError(f"caravan {' '.join(args)}: exit {p.returncode}: {p.stderr}")
        return p

    def json(self, *args):
        return json.loads(self.run(*args, "--format", "json").stdout)


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("CARAVAN_CLI")
    if not path or not os.access(path, os.X_OK):
        pytest.skip("CARAVAN_CLI (the caravan executable) not set; ctest sets it")
    return Cli(path)
