#!/usr/bin/env python3
"""Extract news articles into N-Quads shards with newsgraph, as a Spark map step.

Reads JSON Lines articles (one {"id", "published", "text"} object a line),
pipes each partition through `newsgraph extract --jsonl - --format nquads`,
and writes one N-Quads shard per partition (OUTPUT/part-*). Load the shards
with `newsgraph load OUTPUT/part-*`: the store is the one `newsgraph ingest
--jsonl INPUT` gives, whatever the number of partitions and machines, since
each article's graph depends only on its id and its text.

Locally (the CI test does this):
    SPARK_LOCAL_IP=127.0.0.1 python3 examples/spark/extract.py \
        articles.jsonl shards --partitions 4 --binary target/release/newsgraph

On a cluster, ship the binary with the job (see README, "Spark"):
    spark-submit --master yarn --files target/release/newsgraph \
        examples/spark/extract.py hdfs:///news/articles.jsonl hdfs:///news/shards \
        --partitions 200

A line that is not an article is reported in the executor's log and
skipped (newsgraph exits 3 for it); any other failure of newsgraph fails
the task, which Spark retries.
"""

import argparse
import os
import shutil
import subprocess
import sys
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession

# newsgraph's exit code when some lines were skipped but the rest went through.
EXIT_SKIPPED = 3


def resolve_binary(name):
    """The newsgraph binary on this executor: shipped with --files, a path, or on PATH."""
    shipped = SparkFiles.get(os.path.basename(name))
    for candidate in (shipped, name, shutil.which(name) or ""):
        if candidate and os.path.isfile(candidate):
            if not os.access(candidate, os.X_OK):
                os.chmod(candidate, 0o755)  # --files may drop the executable bit
            return candidate
    raise FileNotFoundError(f"newsgraph binary {name!r} not found (ship it with --files)")


def extract_partition(binary_name, extra_args):
    def run(lines):
        binary = resolve_binary(binary_name)
        proc = subprocess.Popen(
            [binary, *extra_args, "extract", "--jsonl", "-", "--format", "nquads"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        errors = []

        def feed():
            try:
                for line in lines:
                    proc.stdin.write(line.encode("utf-8") + b"\n")
            finally:
                proc.stdin.close()

        def drain_stderr():
            for line in proc.stderr:
                errors.append(line.decode("utf-8", "replace"))

        threads = [threading.Thread(target=feed), threading.Thread(target=drain_stderr)]
        for t in threads:
            t.start()
        for quad in proc.stdout:
            yield quad.decode("utf-8").rstrip("\n")
        for t in threads:
            t.join()
        code = proc.wait()
        sys.stderr.write("".join(errors))
        if code not in (0, EXIT_SKIPPED):
            raise RuntimeError(f"newsgraph extract exited {code}: {''.join(errors)[-2000:]}")

    return run


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSON Lines articles (any path Spark reads)")
    p.add_argument("output", help="folder for the N-Quads shards (must not exist)")
    p.add_argument("--partitions", type=int, help="number of shards (default: Spark's split of the input)")
    p.add_argument("--binary", default="newsgraph", help="the newsgraph binary (name shipped with --files, or a path)")
    p.add_argument("--ner", help="newsgraph --ner (rules, tagger, hybrid)")
    args = p.parse_args()

    builder = SparkSession.builder.appName("newsgraph-extract").config("spark.ui.enabled", "false")
    if not os.environ.get("PYSPARK_GATEWAY_PORT"):
        # Run by plain python, not spark-submit (which sets the master):
        # local mode, on every core unless NEWSGRAPH_SPARK_MASTER says otherwise.
        builder = builder.master(os.environ.get("NEWSGRAPH_SPARK_MASTER", "local[*]"))
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    extra = ["--ner", args.ner] if args.ner else []
    lines = sc.textFile(args.input)
    if args.partitions:
        # Whole lines move between partitions; order does not matter to the result.
        lines = lines.repartition(args.partitions)
    lines.filter(lambda l: l.strip()).mapPartitions(extract_partition(args.binary, extra)).saveAsTextFile(
        args.output
    )
    spark.stop()


if __name__ == "__main__":
    main()
