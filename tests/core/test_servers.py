"""The two ways TradeBridge is served, started as real processes and spoken to over HTTP.

Each server gets its own data directory (and SQLite database), whatever the suite runs on."""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from tradebridge.demo.dataset import BUYERS, DEMO_PASSWORD, SUPPLIERS


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(tmp_path, **extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY"}}
    env.update({"TRADEBRIDGE_DATA_DIR": str(tmp_path)}, **extra)
    return env


@contextmanager
def running(args, env, cwd, port):
    proc = subprocess.Popen(
        [sys.executable, "-m", "tradebridge.cli", *args],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"server exited early:\n{proc.stdout.read()}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        else:
            pytest.fail("server did not become healthy in 90 s")
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def _sign_in(base: str, email: str) -> str:
    """Sign in through the real login form (CSRF included) and return the dashboard's HTML."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(f"{base}/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "email": email, "password": DEMO_PASSWORD})
    request = urllib.request.Request(f"{base}/accounts/login/", data=body.encode(), headers={"Referer": base})
    return opener.open(request).read().decode()


def test_demo_serves_a_page_where_supplier_and_buyer_reach_their_dashboards(tmp_path):
    port = _free_port()
    env = _env(tmp_path, TRADEBRIDGE_ENV="demo")
    with running(["demo", "--port", str(port)], env, tmp_path, port) as base:
        supplier = _sign_in(base, SUPPLIERS[0].users[0].email)
        assert "Supplier dashboard" in supplier
        assert SUPPLIERS[0].name in supplier
        buyer = _sign_in(base, BUYERS[0].users[0].email)
        assert "Buyer dashboard" in buyer
        css = urllib.request.urlopen(f"{base}/static/tradebridge/app.css")
        assert css.status == 200
    assert (tmp_path / "tradebridge.sqlite3").exists()
    assert (tmp_path / "media").is_dir()


def test_serve_runs_gunicorn_with_workers_and_static_files(tmp_path):
    port = _free_port()
    env = _env(tmp_path, TRADEBRIDGE_ENV="production", SECRET_KEY="k" * 20 + "Q7x" * 10, HTTPS="false")
    migrate = subprocess.run(
        [sys.executable, "-m", "tradebridge.cli", "migrate", "-v0"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert migrate.returncode == 0, migrate.stderr
    with running(["serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"], env, tmp_path, port) as base:
        health = urllib.request.urlopen(f"{base}/healthz")
        assert health.headers["Cache-Control"].startswith("max-age=0")
        css = urllib.request.urlopen(f"{base}/static/tradebridge/app.css")
        assert css.status == 200
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"{base}/no-such-page/")
        assert missing.value.code == 404


def test_stopping_the_demo_stops_its_worker(tmp_path):
    port = _free_port()
    env = _env(tmp_path, TRADEBRIDGE_ENV="demo")
    with running(["demo", "--port", str(port)], env, tmp_path, port):
        workers = _workers_for(tmp_path)
        assert len(workers) == 1
    deadline = time.monotonic() + 20
    while _workers_for(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _workers_for(tmp_path) == []


def _workers_for(data_dir) -> list[int]:
    """Worker processes whose environment points at this data directory."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
            environ = (proc / "environ").read_bytes()
        except OSError:
            continue
        if b"worker" in cmdline and f"TRADEBRIDGE_DATA_DIR={data_dir}".encode() in environ:
            found.append(int(proc.name))
    return found
