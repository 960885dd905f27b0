"""docs/python.md's walk-through runs: its ```python blocks under "## Walk-through", in order, in
one namespace, from the repository's root, with the figures written to a temporary directory."""

import os
import re

import pytest


def walkthrough_blocks(path):
    text = open(path, encoding="utf-8").read()
    section = text.split("\n## Walk-through\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def test_walkthrough_runs(source_dir, tmp_path, monkeypatch):
    pytest.importorskip("matplotlib")
    pytest.importorskip("distributed")
    blocks = walkthrough_blocks(os.path.join(source_dir, "docs", "python.md"))
    assert len(blocks) >= 4
    monkeypatch.chdir(source_dir)
    monkeypatch.setenv("CARAVAN_DOC_OUT", str(tmp_path))
    ns = {"__name__": "__walkthrough__"}
    for i, code in enumerate(blocks):
        exec(compile(code, f"docs/python.md walk-through block {i + 1}", "exec"), ns)
    for png in ("corridors.png", "impact.png"):
        assert (tmp_path / png).stat().st_size > 10_000
    assert len(ns["s"].summary) == 4
