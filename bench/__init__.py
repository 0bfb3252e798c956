"""Speed benchmarks of Booster Desktop: each operation beside a bare baseline, in one run.

Run `python -m bench` from the repository root (or `python bench/run.py`); see README.md.
Never imported by the application or its tests.
"""
