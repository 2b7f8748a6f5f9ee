"""What the benchmark suite (bench/run.py) and the crash and durability checks (bench/crash.py)
share: building the binary, a server's environment, starting it and waiting for /healthz."""

import os
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sh(*args, **kw) -> str:
    return subprocess.run(args, check=True, text=True, capture_output=True, **kw).stdout


def build(release: bool) -> Path:
    configuration = ["-c", "release"] if release else []
    print(f"building ({'release' if release else 'debug'})…", flush=True)
    subprocess.run(["swift", "build", *configuration, "--product", "langnghe"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return Path(sh("swift", "build", *configuration, "--show-bin-path", cwd=ROOT).strip()) / "langnghe"


def environment(database: str, port: int) -> dict:
    """A testing server (no demo data) without submission limits, so that load reaches the write path,
    and nothing kept: each figure is what computing it costs (bench/run measures the kept pages apart)."""
    env = dict(os.environ)
    env.update({
        "DATABASE_URL": database, "LANGNGHE_PORT": str(port), "LANGNGHE_ENV": "testing", "LANGNGHE_SCHEDULER_INTERVAL": "0",
        "LANGNGHE_SUBMISSIONS_PER_ADDRESS_HOUR": "0", "LANGNGHE_SUBMISSIONS_PER_SENDER_DAY": "0",
        "LANGNGHE_FIGURES_CACHE_SECONDS": "0", "LANGNGHE_PAGE_CACHE_SECONDS": "0", "LOG_LEVEL": "warning",
    })
    return env


def smtp_python() -> str:
    """A Python with aiosmtpd (the SMTP server of the notification tests), in a venv under .build."""
    venv = ROOT / ".build" / "smtp-venv"
    python = venv / "bin" / "python"
    if not python.exists() or subprocess.run([str(python), "-c", "import aiosmtpd"], capture_output=True).returncode != 0:
        subprocess.run(["python3", "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check", "aiosmtpd"], check=True)
    return str(python)


def get(base: str, path: str, headers: dict | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(base + path, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def start(command: list[str], env: dict, log: Path) -> tuple[subprocess.Popen, float]:
    """Starts `command` (the server, perhaps under strace) and waits for its first 200 of /healthz."""
    base = f"http://127.0.0.1:{env['LANGNGHE_PORT']}"
    began = time.monotonic()
    server = subprocess.Popen(command, env=env, stdout=log.open("a"), stderr=subprocess.STDOUT)
    while time.monotonic() - began < 120:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped at start-up (exit {server.returncode}); see {log}")
        try:
            if get(base, "/healthz")[0] == 200:
                return server, time.monotonic() - began
        except OSError:
            pass
        time.sleep(0.01)
    server.kill()
    raise SystemExit(f"the server did not answer /healthz within 120 s; see {log}")
