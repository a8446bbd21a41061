"""Issue 12: query results are held once per server, not copied per session or per call.

With ``st.cache_data`` every call unpickled a new copy of the frame, and every session kept
copies of its page's frames (a CSV button holds its rows until the session ends): about 30 MiB
per analyst at 100,000 events. The cache now holds one frame per query and parameters, and each
caller gets a clone that shares its buffers but cannot change the cached frame.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from dashboard import data


def test_every_call_reads_the_one_cached_frame(warehouse: Path) -> None:
    key = (data.token(), "labels", ())
    first = data._cached_query(*key)
    assert data._cached_query(*key) is first
    copy = data.query("labels")
    assert copy is not first
    assert copy.equals(first)


def test_a_callers_in_place_change_does_not_reach_the_cache(warehouse: Path) -> None:
    before = data.query("labels")
    height, columns = before.height, before.columns
    changed = data.query("labels")
    changed.insert_column(0, pl.Series("stray", [0] * changed.height))
    changed.drop_in_place(columns[-1])
    after = data.query("labels")
    assert after.columns == columns
    assert after.height == height
    assert after.equals(before)
