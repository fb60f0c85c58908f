"""``warta load DIR --db …``: the Parquet output of a Spark run into a store, for the API.

Reads ``DIR/records`` (whole SPEC records with their story and MinHash signature) in input
order and ``DIR/failures``, and saves them in batches, one transaction each, as ``warta
process`` would have: loading twice adds nothing.
"""

from __future__ import annotations

import json
import os

from warta.errors import InputError
from warta.model import Article, Source
from warta.readers import Failure
from warta.storage.base import Store

BATCH = 500


def load_parquet(folder: str, store: Store) -> dict[str, int]:
    import pyarrow.dataset as ds

    records_dir = os.path.join(folder, "records")
    if not os.path.isdir(records_dir):
        raise InputError(f"{folder} has no records/ table: is it the --out folder of a Spark run?")
    table = ds.dataset(records_dir, format="parquet", partitioning="hive").to_table(
        columns=["article_id", "story_id", "path", "position", "record", "minhash"])
    rows = sorted(table.to_pylist(), key=lambda r: (r["path"], r["position"]))
    added = 0
    for start in range(0, len(rows), BATCH):
        batch = rows[start:start + BATCH]
        articles = [Article.from_dict(json.loads(r["record"])).evolve(story_id=r["story_id"]) for r in batch]
        result = store.save_batch(articles, (), {r["article_id"]: bytes(r["minhash"]) for r in batch})
        added += result.added
    failures = []
    failures_dir = os.path.join(folder, "failures")
    if os.path.isdir(failures_dir):
        for r in ds.dataset(failures_dir, format="parquet", partitioning="hive").to_table().to_pylist():
            source = Source(format=r["format"], path=r["source"])
            failures.append(Failure(source, r["code"], r["message"]))
        if failures:
            store.save_batch([], failures)
    return {"records": len(rows), "added": added, "failures": len(failures)}
