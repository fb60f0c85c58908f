"""Ways to run the pipeline over many inputs beyond one process: Spark (``spark.py``).
The local process pool lives with the batch loop (``warta.batch.processed``)."""
