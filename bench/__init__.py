"""Benchmark scripts (run as `python bench/<name>.py`); a package so mypy and tests can import them."""
