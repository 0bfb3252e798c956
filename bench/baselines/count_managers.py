"""Baseline of the `open+info` row: the floor of opening a programme file and counting.

    python count_managers.py FILE

Imports `sqlalchemy.orm` (the floor of the chosen stack), makes an engine on FILE and prints
`SELECT count(*) FROM manager`.
"""

from __future__ import annotations

import sys

import sqlalchemy.orm  # noqa: F401  (the floor: every real command pays for the ORM)
from sqlalchemy import create_engine, text


def main(path: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        print(connection.execute(text("SELECT count(*) FROM manager")).scalar_one())
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1])
