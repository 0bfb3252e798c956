"""Baseline of the `push` row: PostgreSQL's own COPY of the same rows.

    python server_copy.py URL DUMP_FOLDER

Into the empty database at URL, in one transaction: the same schema
(`Base.metadata.create_all`), then every table's rows with `COPY ... FROM STDIN`, fed the
table's text-format dump from DUMP_FOLDER (written beforehand, untimed, by `COPY ... TO`);
commit. No reading of the programme file, no checks: the floor of moving those rows in.
"""

from __future__ import annotations

import sys
from pathlib import Path

import psycopg
from sqlalchemy import create_engine

from booster_desktop.domain.model import Base


def main(url: str, folder: str) -> None:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        Base.metadata.create_all(connection)
        raw = connection.connection.driver_connection
        assert isinstance(raw, psycopg.Connection)
        with raw.cursor() as cursor:
            for table in Base.metadata.sorted_tables:
                data = (Path(folder) / f"{table.name}.copy").read_bytes()
                with cursor.copy(f'COPY "{table.name}" FROM STDIN') as copy:
                    copy.write(data)
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
