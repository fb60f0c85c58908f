"""The same pipeline on Apache Spark: ``warta process INPUT... --engine spark --out DIR``.

1. Files are read by Spark (``binaryFiles``: local paths or any Hadoop-compatible URL the
   cluster reads; directories recursively) and split into raw documents by Warta's own
   readers, inside the tasks.
2. ``mapPartitions`` runs the registered stages; each executor process builds its pipeline
   once (the resources load once per executor) and reuses it for every partition.
3. Stories across partitions: a second pass over the MinHash signatures. Each signature is
   cut into LSH bands (the bands datasketch uses for the same threshold); band keys are the
   shuffle key; in each bucket every member is compared with the bucket's first article, and
   pairs over the threshold are edges; connected components (label propagation over the
   edges, in Spark) are the stories, each named by its first article in input order, as
   ``warta process`` names them. Nothing is collected to the driver but counts.
4. Output: Parquet under ``DIR/<table>/pub_date=YYYY-MM-DD/``: the tables of ``warta
   export`` (articles, entities, actors, quotes, events), ``records`` (whole SPEC records and
   signatures, which ``warta load`` reads into a store) and ``failures``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping

from warta.config import Options
from warta.readers import DEFAULT_FIELDS

TABLES = ("articles", "entities", "actors", "quotes", "events", "records", "failures")
MAX_ROUNDS = 30  # label propagation rounds; a story's chain of near-copies is far shorter

_executor_pipeline = None  # built once per executor process


def session(master: str, app_name: str = "warta"):
    """A Spark session whose Python workers run this interpreter (and so this Warta)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    return (SparkSession.builder.master(master).appName(app_name)
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive", "true")
            .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
            .getOrCreate())


def _pipeline(stages: tuple[str, ...], options: Options):
    global _executor_pipeline
    if _executor_pipeline is None or _executor_pipeline.stage_ids != stages:
        from warta.pipeline import Pipeline

        _executor_pipeline = Pipeline(stages, options)
    return _executor_pipeline


def _process_files(files: Iterable[tuple[str, bytes]], stages: tuple[str, ...], options: Options,
                   fields: Mapping[str, tuple[str, ...]]) -> Iterator[tuple]:
    """(order key, kind, payload): kind "record" with (SPEC JSON, signature) or "failure"."""
    from warta.batch import run_one
    from warta.corpus.stories import StoryIndex
    from warta.readers import Failure, read_blob

    pipeline = _pipeline(stages, options)
    signer = StoryIndex()
    for uri, data in files:
        path = _local_name(uri)
        for position, item in enumerate(read_blob(path, data, options, fields)):
            key = (path, position)
            outcome = item if isinstance(item, Failure) else run_one(pipeline, item)
            if isinstance(outcome, Failure):
                yield key, "failure", (outcome.source.ref, outcome.source.format, outcome.code, outcome.message)
            else:
                signature = signer.signature(outcome.body).hashvalues.tobytes()
                yield key, "record", (json.dumps(outcome.to_dict(), ensure_ascii=False), outcome.id, signature)


def _local_name(uri: str) -> str:
    """``file:/data/a.txt`` is ``/data/a.txt``, as ``warta process`` names local files."""
    if uri.startswith("file://"):
        return uri[len("file://"):]
    if uri.startswith("file:"):
        return uri[len("file:"):]
    return uri


def _band_keys(item, bands: int, rows: int):
    import numpy as np

    key, article_id, signature = item
    values = np.frombuffer(signature, dtype=np.uint64)
    for band in range(bands):
        yield (band, values[band * rows:(band + 1) * rows].tobytes()), (key, article_id, signature)


def _bucket_edges(members, threshold: float):
    """Each member of an LSH bucket against the bucket's first article (in input order)."""
    import numpy as np

    members = sorted(members)
    first_key, first_id, first_sig = members[0]
    first = np.frombuffer(first_sig, dtype=np.uint64)
    for key, article_id, signature in members[1:]:
        if article_id == first_id:
            continue
        similarity = np.count_nonzero(np.frombuffer(signature, dtype=np.uint64) == first) / len(first)
        if similarity >= threshold:
            yield (key, article_id), (first_key, first_id)
            yield (first_key, first_id), (key, article_id)


def _stories(signed, threshold: float):
    """(article id → story id) as an RDD: connected components of the LSH edges, each labelled
    by its first article in input order."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    edges = (signed.flatMap(lambda item: _band_keys(item, lsh.b, lsh.r)).groupByKey()
             .flatMap(lambda bucket: _bucket_edges(list(bucket[1]), threshold)).distinct().cache())
    labels = signed.map(lambda item: ((item[0], item[1]), (item[0], item[1])))  # node → its own label
    rounds = MAX_ROUNDS if not edges.isEmpty() else 0
    for _ in range(rounds):
        offered = edges.join(labels).map(lambda pair: (pair[1][0], pair[1][1]))  # neighbour ← my label
        updated = labels.union(offered).reduceByKey(min).cache()
        changed = updated.join(labels).filter(lambda pair: pair[1][0] != pair[1][1]).count()
        labels = updated
        if not changed:
            break
    return labels.map(lambda pair: (pair[0][1], pair[1][1]))  # article id → story id


def _pub_date(record_json: str) -> str:
    return (json.loads(record_json).get("published") or {}).get("date") or "unknown"


def _table_rows(record_json: str, story_id: str) -> Iterator[tuple[str, dict]]:
    from warta.corpus.export import table_rows
    from warta.model import Article

    article = Article.from_dict(json.loads(record_json)).evolve(story_id=story_id)
    pub_date = article.published.date if article.published else "unknown"
    for table, rows in table_rows([article]).items():
        for row in rows:
            yield table, {**row, "pub_date": pub_date}


def run_spark(inputs: list[str], out: str, master: str = "local[2]", options: Options | None = None,
              fields: Mapping[str, tuple[str, ...]] = DEFAULT_FIELDS, stages: tuple[str, ...] | None = None) -> dict:
    """Process ``inputs`` on Spark into Parquet tables under ``out``; counts and seconds."""
    from pyspark import StorageLevel

    from warta.corpus.stories import THRESHOLD
    from warta.pipeline import Pipeline

    options = options or Options()
    stages = tuple(Pipeline(stages or options.stages, options).stage_ids)
    started = time.perf_counter()
    spark = session(master)
    sc = spark.sparkContext
    try:
        paths = [p if "://" in p or p.startswith("file:") else "file://" + os.path.abspath(p) for p in inputs]
        files = sc.union([sc.binaryFiles(p) for p in paths])
        outcomes = files.mapPartitions(lambda part: _process_files(part, stages, options, fields))
        outcomes = outcomes.persist(StorageLevel.MEMORY_AND_DISK)
        records = (outcomes.filter(lambda o: o[1] == "record").map(lambda o: (o[2][1], (o[0], *o[2])))
                   .reduceByKey(max).values())  # (key, json, id, sig); one body read twice is stored once, as the
        # store keeps the later reading
        signed = records.map(lambda r: (r[0], r[2], r[3]))
        story_of = _stories(signed, THRESHOLD)
        with_story = (records.map(lambda r: (r[2], r)).leftOuterJoin(story_of)
                      .map(lambda pair: (pair[1][0], pair[1][1] or pair[0])))  # (record tuple, story id)
        with_story = with_story.persist(StorageLevel.MEMORY_AND_DISK)
        rows = with_story.flatMap(lambda rs: _table_rows(rs[0][1], rs[1]))
        counts = {}
        for table in ("articles", "entities", "actors", "quotes", "events"):
            table_rows_ = rows.filter(lambda tr, t=table: tr[0] == t).map(lambda tr: tr[1])
            if table == "actors":  # one row per actor, as in warta export: the first day it was named
                table_rows_ = (table_rows_.map(lambda r: (r["actor_id"], r))
                               .reduceByKey(lambda a, b: min(a, b, key=lambda r: r["pub_date"])).values())
            counts[table] = _write(spark, table_rows_, table, out)
        record_rows = with_story.map(lambda rs: {
            "article_id": rs[0][2], "story_id": rs[1], "path": rs[0][0][0], "position": rs[0][0][1],
            "record": rs[0][1], "minhash": bytearray(rs[0][3]),
            "pub_date": _pub_date(rs[0][1])})
        counts["records"] = _write(spark, record_rows, "records", out)
        failure_rows = outcomes.filter(lambda o: o[1] == "failure").map(lambda o: {
            "source": o[2][0], "format": o[2][1], "code": o[2][2], "message": o[2][3], "path": o[0][0],
            "position": o[0][1], "pub_date": "unknown"})
        counts["failures"] = _write(spark, failure_rows, "failures", out)
        stories = with_story.map(lambda rs: rs[1]).distinct().count()
    finally:
        spark.stop()
    return {"articles": counts["records"], "failures": counts["failures"], "stories": stories,
            "rows": counts, "seconds": round(time.perf_counter() - started, 2), "master": master, "out": out}


def _write(spark, rows, table: str, out: str) -> int:
    """One table as Parquet partitioned by publication date (pub_date); its row count."""
    schema = _spark_schema(table)
    frame = spark.createDataFrame(rows.map(lambda row: tuple(row.get(f.name) for f in schema.fields)), schema)
    frame.write.mode("overwrite").partitionBy("pub_date").parquet(os.path.join(out, table))
    try:  # counted from the files' own row counts, not by computing the rows again
        return spark.read.schema(schema).parquet(os.path.join(out, table)).count()
    except Exception as exc:  # noqa: BLE001 - an empty table is a folder with no data files
        if "UNABLE_TO_INFER_SCHEMA" in str(exc) or "PATH_NOT_FOUND" in str(exc):
            return 0
        raise


def _spark_schema(table: str):
    from pyspark.sql.types import (
        BinaryType,
        DoubleType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    from warta.corpus.export import COLUMNS, NUMBER_COLUMNS

    if table == "records":
        columns = [("article_id", StringType()), ("story_id", StringType()), ("path", StringType()),
                   ("position", LongType()), ("record", StringType()), ("minhash", BinaryType())]
    elif table == "failures":
        columns = [("source", StringType()), ("format", StringType()), ("code", StringType()),
                   ("message", StringType()), ("path", StringType()), ("position", LongType())]
    else:
        kinds = {"int64": LongType(), "float64": DoubleType()}
        columns = [(c, kinds.get(NUMBER_COLUMNS.get(c), StringType())) for c in COLUMNS[table]]
    return StructType([StructField(name, kind, True) for name, kind in columns]
                      + [StructField("pub_date", StringType(), False)])
