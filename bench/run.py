"""LangNghe's benchmark suite (issue 12): one command, every figure, on this machine.

Builds in release, loads a database of the chosen size through the bulk path (`langnghe seed demo`),
starts the server, and measures it on loopback with wrk: submissions (without and with a receipt
mail in the outbox), the public reads, search, statistics, the conduct page, a busy agency's inbox,
the overdue scan; the public pages again as anonymous readers get them (kept 2 s); then the notification worker's mails per second to a local SMTP server, the
durability check under strace (bench/crash.py), peak RSS, start-up time to the first 200 of
/healthz, database size per petition. Every throughput is also printed as a ratio to the server's
own /healthz, so that results compare across machines. With --write, the results replace
docs/performance.md.

    bench/run [--petitions N] [--postgres URL] [--connections 64] [--seconds 10] [--write]
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import crash
import harness
from harness import ROOT, sh

PORT = 18099
BASE = f"http://127.0.0.1:{PORT}"
SEARCHES = ["so+do", "ho+chieu", "bao+hiem+xa+hoi", "thue", "giay+phep+xay+dung", "dat+dai", "hoc+phi", "benh+vien"]


def get(path: str, headers: dict | None = None) -> tuple[int, bytes]:
    return harness.get(BASE, path, headers)


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def wrk(paths: list[str], connections: int, seconds: int, headers: dict | None = None, post: str | None = None) -> dict:
    """Runs wrk over `paths` (round robin, through a Lua script); returns req/s and latencies in ms."""
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    lua_paths = ", ".join(json.dumps(p) for p in paths)
    lua_headers = "".join(f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}\n" for k, v in (headers or {}).items())
    body = f"wrk.method = \"POST\"\nwrk.body = {json.dumps(post)}\nwrk.headers[\"Content-Type\"] = \"application/json\"\n" if post else ""
    script.write(f"""{lua_headers}{body}
local paths = {{{lua_paths}}}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format(nil, paths[i])
end
local bad = 0
response = function(status, headers, body)
  if status >= 300 then bad = bad + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("BENCH %f %f %f %f %d %d\\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect + summary.errors.timeout, summary.requests))
end
""")
    script.close()
    threads = min(2, connections)
    out = sh("wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", script.name, BASE)
    os.unlink(script.name)
    match = re.search(r"BENCH (\S+) (\S+) (\S+) (\S+) (\d+) (\d+)", out)
    if not match:
        raise SystemExit("wrk printed no result:\n" + out)
    p50, p95, p99, rps, errors, requests = match.groups()
    return {"p50": float(p50), "p95": float(p95), "p99": float(p99), "rps": float(rps), "errors": int(errors), "requests": int(requests)}


def timed(path: str, headers: dict, runs: int = 3) -> dict:
    """One request at a time, `runs` times: for what takes seconds (the quarterly report)."""
    latencies, errors = [], 0
    for _ in range(runs):
        began = time.monotonic()
        status, _ = get(path, headers)
        latencies.append((time.monotonic() - began) * 1000)
        errors += status != 200
    latencies.sort()
    return {"p50": latencies[len(latencies) // 2], "p95": latencies[-1], "p99": latencies[-1],
            "rps": 1000 * len(latencies) / sum(latencies), "errors": errors, "requests": runs}


def last_quarter() -> str:
    year, month = int(time.strftime("%Y")), int(time.strftime("%m"))
    index = year * 4 + (month - 1) // 3 - 1
    return f"{index // 4}-Q{index % 4 + 1}"


def chart(points: list[tuple[int, float]]) -> str:
    """Submissions per second against connections, as a small SVG line chart with its values."""
    width, height, left, bottom = 480, 240, 56, 36
    top = max(rps for _, rps in points) * 1.15 or 1
    def x(i): return left + i * (width - left - 20) / max(1, len(points) - 1)
    def y(v): return height - bottom - v / top * (height - bottom - 16)
    line = " ".join(f"{x(i):.0f},{y(v):.0f}" for i, (_, v) in enumerate(points))
    marks = "".join(
        f'<circle cx="{x(i):.0f}" cy="{y(v):.0f}" r="3"/><text x="{x(i):.0f}" y="{y(v) - 8:.0f}" text-anchor="middle">{v:,.0f}</text>'
        f'<text x="{x(i):.0f}" y="{height - bottom + 16}" text-anchor="middle">{c}</text>'
        for i, (c, v) in enumerate(points))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11" role="img" '
            f'aria-label="Durable submissions per second against connections">'
            f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" stroke="#999"/>'
            f'<polyline points="{line}" fill="none" stroke="#b3261e" stroke-width="2"/><g fill="#b3261e">{marks}</g>'
            f'<text x="{width / 2}" y="{height - 4}" text-anchor="middle">connections</text>'
            f'<text x="12" y="{height / 2}" transform="rotate(-90 12 {height / 2})" text-anchor="middle">submissions/s</text></svg>\n')


def busiest_agency(database: str) -> str:
    """The agency leading the most cases: whose inbox is measured."""
    query = "SELECT lead_agency_code FROM petitions WHERE lead_agency_code IS NOT NULL GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1"
    if database.startswith("sqlite://"):
        import sqlite3
        row = sqlite3.connect(database.removeprefix("sqlite://")).execute(query).fetchone()
    else:
        row = [sh("psql", database, "-tAc", query).strip()]
    return (row or ["HNI"])[0] or "HNI"


def delivery(binary: Path, env: dict, folder: Path) -> str:
    """Mails per second from the outbox (the receipts of the submission rows) to a local SMTP server
    (aiosmtpd): the server started again with its delivery worker, timed from the first mail
    received to the last."""
    mail = folder / "mail"
    port = PORT + 1
    sink = subprocess.Popen([harness.smtp_python(), str(ROOT / "Tests" / "Support" / "smtp_sink.py"), "--port", str(port),
                             "--folder", str(mail)], stdout=subprocess.PIPE, text=True)
    try:
        sink.stdout.readline()
        server, _ = harness.start([str(binary), "serve"], {**env, "SMTP_URL": f"smtp://127.0.0.1:{port}",
                                                            "LANGNGHE_NOTIFICATION_INTERVAL": "1"}, folder / "delivery.log")
        try:
            count, quiet = 0, time.monotonic()
            while time.monotonic() - quiet < 5:
                time.sleep(0.5)
                now = len(list(mail.glob("*.eml")))
                if now != count:
                    count, quiet = now, time.monotonic()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    finally:
        sink.kill()
    times = sorted(p.stat().st_mtime for p in mail.glob("*.eml"))
    if len(times) < 2:
        return f"{len(times)} mails (too few to time)"
    span = times[-1] - times[0]
    return f"{len(times):,} mails in {span:.1f} s = {(len(times) - 1) / span:,.0f} per second (batches of 50, one SMTP connection each)"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--petitions", type=int, default=100_000)
    parser.add_argument("--postgres", help="postgres://… (an empty database); SQLite in a temporary folder otherwise")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--write", action="store_true", help="replace docs/performance.md with the results")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")

    binary = harness.build(release=True)
    folder = Path(tempfile.mkdtemp(prefix="langnghe-bench-"))
    database = args.postgres or f"sqlite://{folder}/bench.sqlite"
    env = harness.environment(database, PORT)
    results: list[tuple[str, dict]] = []
    figures: dict[str, str] = {}

    print(f"seeding {args.petitions} petitions ({'PostgreSQL' if args.postgres else 'SQLite'})…", flush=True)
    began = time.monotonic()
    subprocess.run([str(binary), "seed", "demo", "--count", str(args.petitions)], env=env, check=True, stdout=subprocess.DEVNULL)
    figures["seed"] = f"{args.petitions:,} petitions in {time.monotonic() - began:.0f} s (bulk path)"
    # The seed leaves gigabytes for the kernel to write back; the first durable submissions
    # would wait behind them for their fsyncs (64 timeouts in the first row, once).
    os.sync()

    server, startup = harness.start([str(binary), "serve"], env, folder / "server.log")
    try:
        figures["start-up"] = f"{startup * 1000:.0f} ms to the first 200 of /healthz"
        token = json.loads(urllib.request.urlopen(urllib.request.Request(
            BASE + "/api/v1/auth/login", method="POST", headers={"Content-Type": "application/json"},
            data=json.dumps({"username": "demo-vpcp", "password": "langnghe-demo-2026"}).encode())).read())["token"]
        staff = {"Authorization": f"Bearer {token}"}
        answers = json.loads(get("/api/v1/answers?pageSize=50")[1])["items"]
        answered = [a["trackingCode"] for a in answers]
        busiest_code = busiest_agency(database)
        petition = json.dumps({
            "submitter": {"type": "individual", "name": "Nguyễn Văn An", "address": "Số 1 Lê Lợi, Hà Nội", "phone": "0912345678"},
            "category": "conduct", "field": "land", "agencyCode": "HNI", "title": "Chậm cấp sổ đỏ tại phường",
            "content": "Tôi nộp hồ sơ cấp Giấy chứng nhận quyền sử dụng đất từ tháng 3 nhưng đến nay chưa được giải quyết.",
            "publishName": False})
        today = time.strftime("%Y-%m-%d")
        quarter_start = time.strftime("%Y-") + f"{((int(time.strftime('%m')) - 1) // 3) * 3 + 1:02d}-01"
        # The same petition from a sender who ticked e-mail: each submission also writes its
        # receipt notification into the outbox, in the same transaction (issue 14).
        notified = json.loads(petition)
        notified["submitter"]["email"] = "an.nguyen@example.vn"
        notified["notifyBy"] = ["email"]
        notified = json.dumps(notified)
        c, s = args.connections, args.seconds
        plan = [
            ("/healthz (one database query)", dict(paths=["/healthz"])),
            ("POST /api/v1/petitions (durable)", dict(paths=["/api/v1/petitions"], post=petition)),
            ("POST /api/v1/petitions, receipt mail in the outbox", dict(paths=["/api/v1/petitions"], post=notified)),
            ("GET /api/v1/petitions/{code}", dict(paths=[f"/api/v1/petitions/{code}" for code in answered])),
            ("/tra-cuu?ma= (tracking page)", dict(paths=[f"/tra-cuu?ma={code}" for code in answered])),
            ("/tra-loi (answers page)", dict(paths=["/tra-loi"])),
            # Search, statistics, the conduct page and proofs admit two requests at a time per client
            # address (`ClientGate`): from one address, more connections only queue.
            ("/api/v1/search (8 queries)", dict(paths=[f"/api/v1/search?q={q}" for q in SEARCHES], connections=2)),
            ("/api/v1/stats for the quarter", dict(paths=[f"/api/v1/stats?from={quarter_start}&to={today}"], connections=2)),
            ("/danh-gia-co-quan (conduct)", dict(paths=["/danh-gia-co-quan"], connections=2)),
            (f"inbox of {busiest_code} by due date", dict(paths=[f"/api/v1/inbox?agency={busiest_code}&sort=due"], headers=staff)),
            ("overdue scan (VPCP inbox, overdue)", dict(paths=["/api/v1/inbox?overdue=true&sort=due"], headers=staff, connections=2)),
            ("/api/v1/log/head", dict(paths=["/api/v1/log/head"])),
            ("signed answer document", dict(paths=[f"/api/v1/petitions/{code}/answer" for code in answered])),
        ]
        for label, spec in plan:
            connections = spec.pop("connections", c)
            print(f"  {label} …", flush=True)
            results.append((label, {**wrk(spec.pop("paths"), connections, s, **spec), "connections": connections}))
        print("  the quarterly report …", flush=True)
        results.append((f"quarterly report {last_quarter()} (signed JSON), one at a time (the first keeps the quarter's end)",
                        {**timed(f"/api/v1/reports/generate?ky={last_quarter()}&dinh-dang=json", staff), "connections": 1}))
        for connections in [1, 4, 16, 64, 128]:
            results.append((f"POST /api/v1/petitions at {connections} connections",
                            {**wrk(["/api/v1/petitions"], connections, max(5, s // 2), post=petition), "connections": connections}))
        figures["peak RSS"] = f"{peak_rss_mb(server.pid):.0f} MB (VmHWM of the server process, after every run)"
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    # The public pages as deployed: anonymous readers get a page kept for 2 s (PageCache), which
    # the rows above turn off to measure rendering.
    kept_env = {**env, "LANGNGHE_PAGE_CACHE_SECONDS": "2"}
    server, _ = harness.start([str(binary), "serve"], kept_env, folder / "server.log")
    try:
        for label, paths in [
            ("/tra-cuu?ma= (tracking page, kept 2 s; 50 codes)", [f"/tra-cuu?ma={code}" for code in answered]),
            ("/tra-loi (answers page, kept 2 s)", ["/tra-loi"]),
            ("/ (home, kept 2 s)", ["/"]),
            ("GET /api/v1/petitions/{code} (kept 2 s; 50 codes)", [f"/api/v1/petitions/{code}" for code in answered]),
            ("/api/v1/search (8 queries, kept 2 s)", [f"/api/v1/search?q={q}" for q in SEARCHES]),
        ]:
            connections = 2 if "search" in label else c
            print(f"  {label} …", flush=True)
            results.append((label, {**wrk(paths, connections, s), "connections": connections}))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    print("  notification delivery to a local SMTP server …", flush=True)
    figures["notification delivery"] = delivery(binary, env, folder)

    if not args.postgres:
        # The durability check (bench/crash.py --strace) on a fresh database with the same binary.
        check = Path(tempfile.mkdtemp(prefix="langnghe-durability-"))
        print("  durability check under strace …", flush=True)
        problems = crash.durability_check(
            binary, harness.environment(f"sqlite://{check}/crash.sqlite", crash.PORT), check, argparse.Namespace(clients=16, seconds=3))
        figures["durability"] = crash.LAST_DURABILITY + ("" if not problems else f"; FAILED: {problems[0]}")
        shutil.rmtree(check, ignore_errors=True)
        size = sum(f.stat().st_size for f in folder.glob("bench.sqlite*"))
        figures["database"] = f"{size / 1e6:,.0f} MB for {args.petitions:,} petitions (+ the run's submissions) = {size / args.petitions / 1024:.1f} KB per petition"
    health = results[0][1]["rps"]
    machine = f"{os.cpu_count()} cores, {sh('uname', '-sr').strip()}, {time.strftime('%Y-%m-%d')}"
    lines = [
        f"Machine: {machine}; {'PostgreSQL' if args.postgres else 'SQLite'}; {args.petitions:,} petitions; wrk {args.seconds} s per row.",
        "Rows at 2 connections are the routes that admit two requests at a time per client address; wrk is one address.",
    ]
    lines += [f"- {k}: {v}" for k, v in figures.items()]
    lines += ["", "| Endpoint | conns | req/s | × /healthz | p50 ms | p95 ms | p99 ms | non-2xx/errors |", "|---|---|---|---|---|---|---|---|"]
    for label, r in results:
        lines.append(f"| {label} | {r['connections']} | {r['rps']:,.0f} | {r['rps'] / health:.2f} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['errors']} |")
    text = "\n".join(lines)
    print("\n" + text)
    if args.write:
        page = ROOT / "docs" / "performance.md"
        curve = [(r["connections"], r["rps"]) for label, r in results if label.endswith("connections")]
        (ROOT / "docs" / "performance-submissions.svg").write_text(chart(curve))
        # What was measured by hand stays, below its marker.
        marker = "<!-- kept by bench/run"
        previous = page.read_text() if page.exists() else ""
        kept = previous[previous.index(marker):] if marker in previous else ""
        page.write_text(
            "# Performance\n\nRegenerated by `bench/run --write` (issue 12). Figures from one run on the machine named.\n\n" + text
            + "\n\n![Durable submissions per second against connections](performance-submissions.svg)\n"
            + ("\n" + kept if kept else ""))
        print(f"\nwritten to {page}")
    # A row with errors leaves the server's log behind (the database goes), so that its cause can
    # be read: 13 of one run's statistics requests failed on PostgreSQL, and the log went with the folder.
    failing = [label for label, r in results if r["errors"]]
    if failing:
        kept_log = Path(tempfile.mkstemp(prefix="langnghe-bench-server-", suffix=".log")[1])
        shutil.copyfile(folder / "server.log", kept_log)
        print(f"\nrows with errors: {', '.join(failing)}; the server's log is kept at {kept_log}")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
