"""A PostgreSQL server of the tests' own, for the gradebook on a real database server.

Debian's `postgresql` (which `make test` installs where it is missing), started in a temporary folder under an
unprivileged user (the server refuses to run as root), reached over TCP on 127.0.0.1, stopped and removed after.
Each test gets a database of its own; its SQLAlchemy URL is what a course sets as c.CourseDirectory.db_url.
"""

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from tests.helpers import free_port

#: Where Debian installs each version of the server's programs.
SERVER_PROGRAMS = "/usr/lib/postgresql/*/bin"


def _programs():
    """The newest installed server's programs folder."""
    found = sorted(glob.glob(f"{SERVER_PROGRAMS}/pg_ctl"), key=lambda p: int(Path(p).parent.parent.name))
    if not found:
        raise RuntimeError(f"PostgreSQL's server is not installed (no {SERVER_PROGRAMS}/pg_ctl): `make test` installs "
                           "it (apt-get install postgresql)")
    return Path(found[-1]).parent


def _unprivileged():
    """subprocess's arguments that run a program as `nobody` when the tests run as root (else as the tests' user)."""
    if os.geteuid() != 0:
        return {}
    nobody = pwd.getpwnam("nobody")
    return {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}


class Server:
    """A running server: `database()` makes a fresh, empty database and gives its SQLAlchemy URL."""

    def __init__(self, port):
        self.port = port

    def url(self, name):
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def database(self):
        import psycopg

        name = f"gradebook_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True) as db:
            db.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@contextlib.contextmanager
def server():
    """A PostgreSQL server for a block, in a temporary folder that goes with it."""
    programs, who = _programs(), _unprivileged()
    folder = Path(tempfile.mkdtemp(prefix="logreg-pg-"))
    if who:
        os.chown(folder, who["user"], who["group"])
    data, port = folder / "data", free_port()

    def run(*args, check=True):
        return subprocess.run([str(a) for a in args], cwd=folder, capture_output=True, text=True, check=check, **who)

    try:
        try:
            run(programs / "initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale", "C",
                "--no-sync")
            run(programs / "pg_ctl", "-D", data, "-l", folder / "server.log", "-w", "-o",
                f"-p {port} -h 127.0.0.1 -k {folder} -c max_connections=200", "start")
        except subprocess.CalledProcessError as failed:
            log = (folder / "server.log").read_text() if (folder / "server.log").exists() else ""
            raise RuntimeError(f"PostgreSQL did not start: {failed.stderr or failed.stdout}\n{log[-2000:]}") from failed
        yield Server(port)
    finally:
        run(programs / "pg_ctl", "-D", data, "-m", "immediate", "stop", check=False)
        shutil.rmtree(folder, ignore_errors=True)
