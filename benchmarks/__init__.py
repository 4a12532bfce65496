"""Evaluation of copydesk: precision on clean articles, recall and fix accuracy by
error injection, peer test suites and speed. Run ``python -m benchmarks.run --help``.
"""
