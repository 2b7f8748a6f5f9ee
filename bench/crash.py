"""Crash safety and durability of submissions (issue 12).

    bench/crash [--postgres URL] [--release] [--seconds 3] [--rounds 2] [--clients 16] [--strace | --mail]

Crash test: 16 clients file petitions through the API, each with an attachment, while the server
is killed with SIGKILL mid-load; the server is started again on the same database, twice over
(--rounds), and then every petition whose submission was acknowledged (a 201 with its tracking
code) must be there: its `submitted` event, its attachment byte for byte, and a log that
`langnghe audit verify` finds intact. A submission cut off by the kill may or may not be there:
it was never acknowledged.

Durability check (--strace, SQLite): the server runs under `strace -f -e trace=fsync,fdatasync`
while the clients file petitions; every acknowledged submission must be covered by an fsync of
the write-ahead log that began after its request was sent and ended before its response arrived.
A commit acknowledged before its WAL reached the disk (`synchronous=NORMAL`) fails the check.

Mail (--mail, SQLite, issue 14): the same crash test with each petition asking for a receipt
mail and the server's delivery worker sending to a local SMTP server (aiosmtpd) while it is
killed; after the last restart the outbox must drain, and no Message-ID may reach the SMTP server
twice. A notification killed between its send and its mark is `unconfirmed` (for an admin to
look at), never sent again by itself.

SQLite in a temporary folder unless --postgres names an empty database. Exits non-zero on any
failure.
"""

import argparse
import bisect
import hashlib
import http.client
import json
import os
import re
import shutil
import sqlite3
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import harness

PORT = 18098
# The durability check's figures, for bench/run.py's results.
LAST_DURABILITY = ""


@dataclass
class Acknowledged:
    code: str
    access_key: str
    sha256: str
    attachment: bytes
    sent: float
    answered: float


# With --mail, every petition asks for its receipt by e-mail.
MAIL = False


def multipart(number: int) -> tuple[bytes, str, bytes]:
    """A petition as multipart: its JSON part and one small PDF attachment unique to it."""
    attachment = b"%PDF-1.4\n" + f"petition {number} {uuid.uuid4()}\n".encode() + os.urandom(512)
    submitter = {"type": "individual", "name": "Trần Thị Bình", "address": "12 Hàng Bài, Hà Nội", "phone": "0987654321"}
    if MAIL:
        submitter["email"] = f"binh{number}@example.vn"
    petition = json.dumps({
        "submitter": submitter,
        "category": "conduct", "field": "land", "agencyCode": "HNI",
        "title": f"Chậm cấp giấy chứng nhận quyền sử dụng đất, hồ sơ số {number}",
        "content": "Tôi nộp hồ sơ cấp giấy chứng nhận từ tháng 3, đã quá hạn giải quyết mà phường chưa trả lời, xin kèm biên bản.",
        "publishName": False}, ensure_ascii=False)
    boundary = f"langnghe-{uuid.uuid4().hex}"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"petition\"\r\n\r\n{petition}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"bien-ban-{number}.pdf\"\r\n"
            f"Content-Type: application/pdf\r\n\r\n").encode() + attachment + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}", attachment


class Load:
    """Clients filing petitions until told to stop or until the server is gone."""

    def __init__(self, clients: int):
        self.clients = clients
        self.acknowledged: list[Acknowledged] = []
        self.refused: list[str] = []
        self.cut_off = 0
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.counter = 0
        self.threads = [threading.Thread(target=self.client, daemon=True) for _ in range(clients)]

    def client(self):
        connection = None
        while not self.stop.is_set():
            with self.lock:
                self.counter += 1
                number = self.counter
            body, content_type, attachment = multipart(number)
            try:
                connection = connection or http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
                sent = time.time()
                connection.request("POST", "/api/v1/petitions", body=body, headers={"Content-Type": content_type})
                response = connection.getresponse()
                payload = response.read()
                answered = time.time()
            except (OSError, http.client.HTTPException):
                # Cut off by the kill (or refused while the server is down): never acknowledged.
                with self.lock:
                    self.cut_off += 1
                connection = None
                time.sleep(0.05)
                continue
            if response.status != 201:
                with self.lock:
                    self.refused.append(f"{response.status} {payload[:200]!r}")
                continue
            receipt = json.loads(payload)
            with self.lock:
                self.acknowledged.append(Acknowledged(
                    receipt["trackingCode"], receipt["accessKey"], hashlib.sha256(attachment).hexdigest(), attachment, sent, answered))

    def run(self):
        for thread in self.threads:
            thread.start()

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)


def check_present(base: str, acknowledged: list[Acknowledged]) -> list[str]:
    """Every acknowledged petition, its submission event and its attachment, read back through the API."""
    problems = []
    for ack in acknowledged:
        headers = {"X-Access-Key": ack.access_key}
        status, body = harness.get(base, f"/api/v1/petitions/{ack.code}", headers)
        if status != 200:
            problems.append(f"{ack.code}: acknowledged at {ack.answered:.3f} but GET answers {status}")
            continue
        petition = json.loads(body)
        if not any(event["type"] == "submitted" for event in petition["events"]):
            problems.append(f"{ack.code}: no submitted event")
        files = petition.get("attachments") or []
        if [f["sha256"] for f in files] != [ack.sha256]:
            problems.append(f"{ack.code}: attachments {files} instead of one with sha256 {ack.sha256}")
            continue
        status, content = harness.get(base, f"/api/v1/petitions/{ack.code}/attachments/{files[0]['id']}", headers)
        if status != 200 or content != ack.attachment:
            problems.append(f"{ack.code}: the attachment reads back as {status}, {len(content)} bytes")
    return problems


def crash_test(binary: Path, env: dict, folder: Path, args) -> list[str]:
    log = folder / "server.log"
    base = f"http://127.0.0.1:{PORT}"
    acknowledged: list[Acknowledged] = []
    for number in range(1, args.rounds + 1):
        server, _ = harness.start([str(binary), "serve"], env, log)
        load = Load(args.clients)
        load.run()
        time.sleep(args.seconds)
        server.send_signal(signal.SIGKILL)
        server.wait()
        load.finish()
        acknowledged += load.acknowledged
        print(f"  round {number}: {len(load.acknowledged)} submissions acknowledged, {load.cut_off} cut off by SIGKILL, "
              f"{len(load.refused)} refused", flush=True)
        if load.refused:
            return [f"refused under load: {load.refused[0]}"]
    if not acknowledged:
        return ["no submission was acknowledged: nothing was tested"]
    server, _ = harness.start([str(binary), "serve"], env, log)
    try:
        problems = check_present(base, acknowledged)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    audit = subprocess.run([str(binary), "audit", "verify"], env=env, capture_output=True, text=True)
    if audit.returncode != 0:
        problems.append(f"audit verify after the crashes failed ({audit.returncode}): {audit.stdout[-500:]} {audit.stderr[-500:]}")
    print(f"  after restart: {len(acknowledged) - len(problems)} of {len(acknowledged)} acknowledged petitions present "
          f"with their event and attachment; audit verify exit {audit.returncode}", flush=True)
    return problems


def mail_crash_test(binary: Path, env: dict, folder: Path, args) -> list[str]:
    """The crash test with the delivery worker sending receipts to a local SMTP server while the
    server is killed; then the outbox drains and no Message-ID arrives twice."""
    mail = folder / "mail"
    port = PORT + 2
    sink = subprocess.Popen([harness.smtp_python(), str(harness.ROOT / "Tests" / "Support" / "smtp_sink.py"), "--port", str(port),
                             "--folder", str(mail)], stdout=subprocess.PIPE, text=True)
    try:
        sink.stdout.readline()
        # A short lease, so that what a killed server had taken is taken over within the test.
        env = {**env, "SMTP_URL": f"smtp://127.0.0.1:{port}", "LANGNGHE_NOTIFICATION_INTERVAL": "1", "LANGNGHE_NOTIFICATION_LEASE": "60"}
        problems = crash_test(binary, env, folder, args)
        # The last server: running until every receipt is sent (or is for an admin to look at).
        server, _ = harness.start([str(binary), "serve"], env, folder / "server.log")
        try:
            waiting = None
            for _ in range(120):
                time.sleep(1)
                states = outbox(folder / "crash.sqlite")
                waiting = states.get("pending", 0) + states.get("claimed", 0) + states.get("sending", 0)
                if waiting == 0:
                    break
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    finally:
        sink.kill()
    states = outbox(folder / "crash.sqlite")
    ids = [message_id(path) for path in mail.glob("*.eml")]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    print(f"  mail: {len(ids)} received, {len(set(ids))} distinct Message-IDs; outbox {dict(sorted(states.items()))}", flush=True)
    if waiting:
        problems.append(f"{waiting} notifications still waiting two minutes after the last restart")
    if twice:
        problems.append(f"{len(twice)} Message-IDs arrived twice, e.g. {twice[0]}")
    if states.get("failed"):
        problems.append(f"{states['failed']} notifications failed")
    if len(set(ids)) < states.get("sent", 0):
        problems.append(f"{states.get('sent', 0)} marked sent but only {len(set(ids))} distinct messages arrived")
    return problems


def outbox(database: Path) -> dict:
    """The notifications by state (SQLite, read beside the server)."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=10) as db:
        return dict(db.execute("SELECT state, COUNT(*) FROM notifications GROUP BY state").fetchall())


def message_id(path: Path) -> str:
    for line in path.read_text(errors="replace").splitlines():
        if line.lower().startswith("message-id:"):
            return line.split(":", 1)[1].strip()
        if not line:
            break
    return ""


@dataclass
class Sync:
    began: float
    ended: float


# `-ttt -T -y`: "PID 1764000000.123456 fdatasync(7</tmp/x/crash.sqlite-wal>) = 0 <0.001234>", or the
# same call split by another thread's line into "<unfinished ...>" and "<... fdatasync resumed>".
WHOLE = re.compile(r"^(\d+)\s+([\d.]+) f(?:data)?sync\(\d+<([^>]*)>\)\s+= 0 <([\d.]+)>")
UNFINISHED = re.compile(r"^(\d+)\s+([\d.]+) f(?:data)?sync\(\d+<([^>]*)> <unfinished \.\.\.>")
RESUMED = re.compile(r"^(\d+)\s+([\d.]+) <\.\.\. f(?:data)?sync resumed>\)\s+= 0 <([\d.]+)>")


# The cases' database: the attachments' file (crash-attachments.sqlite) has a write-ahead log of its
# own, synced before the submission's transaction begins, so its syncs cover no submission.
CASES_WAL = "/crash.sqlite-wal"


def wal_syncs(trace: Path) -> list[Sync]:
    syncs, pending = [], {}
    for line in trace.read_text(errors="replace").splitlines():
        if m := WHOLE.match(line):
            if m.group(3).endswith(CASES_WAL):
                syncs.append(Sync(float(m.group(2)), float(m.group(2)) + float(m.group(4))))
        elif m := UNFINISHED.match(line):
            pending[m.group(1)] = (float(m.group(2)), m.group(3))
        elif m := RESUMED.match(line):
            began, path = pending.pop(m.group(1), (None, ""))
            if began is not None and path.endswith(CASES_WAL):
                syncs.append(Sync(began, float(m.group(2))))
    return sorted(syncs, key=lambda s: s.began)


def durability_check(binary: Path, env: dict, folder: Path, args) -> list[str]:
    if not shutil.which("strace"):
        return ["strace is needed for the durability check: apt-get install strace"]
    trace = folder / "strace.txt"
    command = ["strace", "-f", "-ttt", "-T", "-y", "-e", "trace=fsync,fdatasync", "-o", str(trace), str(binary), "serve"]
    server, _ = harness.start(command, env, folder / "server.log")
    load = Load(args.clients)
    load.run()
    time.sleep(args.seconds)
    load.finish()
    # strace keeps a signal to itself: the server, its child, is the one stopped.
    for child in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split():
        os.kill(int(child), signal.SIGTERM)
    server.wait(timeout=60)
    syncs = wal_syncs(trace)
    # The earliest end among the syncs that began at or after each instant: an acknowledged
    # submission is covered when a sync began after it was sent and ended before its answer.
    starts = [s.began for s in syncs]
    earliest_end = [0.0] * len(syncs)
    running = float("inf")
    for i in range(len(syncs) - 1, -1, -1):
        running = min(running, syncs[i].ended)
        earliest_end[i] = running
    uncovered = []
    for ack in load.acknowledged:
        i = bisect.bisect_left(starts, ack.sent)
        if i == len(syncs) or earliest_end[i] > ack.answered:
            uncovered.append(ack)
    global LAST_DURABILITY
    LAST_DURABILITY = (f"{len(load.acknowledged)} submissions acknowledged under strace, {len(syncs)} fsyncs of the WAL, "
                       f"{len(load.acknowledged) / max(1, len(syncs)):.1f} submissions per fsync; {len(uncovered)} not covered")
    print("  " + LAST_DURABILITY, flush=True)
    if not load.acknowledged:
        return ["no submission was acknowledged under strace: nothing was tested"]
    return [f"{a.code}: acknowledged at {a.answered:.6f}, sent at {a.sent:.6f}, no WAL fsync in between" for a in uncovered[:20]]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", help="postgres://… (an empty database); SQLite in a temporary folder otherwise")
    parser.add_argument("--release", action="store_true", help="build and run in release (debug otherwise)")
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--strace", action="store_true", help="the durability check instead of the crash test (SQLite)")
    parser.add_argument("--mail", action="store_true", help="the crash test with receipt mails being delivered (SQLite)")
    args = parser.parse_args()
    if args.strace and args.postgres:
        raise SystemExit("--strace checks SQLite's write-ahead log; PostgreSQL's own fsync is its server's")
    if args.mail and (args.postgres or args.strace):
        raise SystemExit("--mail runs alone, on SQLite (the PostgreSQL instances' test is in swift test)")
    global MAIL
    MAIL = args.mail

    binary = harness.build(release=args.release)
    folder = Path(tempfile.mkdtemp(prefix="langnghe-crash-"))
    database = args.postgres or f"sqlite://{folder}/crash.sqlite"
    env = harness.environment(database, PORT)
    kind = "PostgreSQL" if args.postgres else "SQLite"
    test = durability_check if args.strace else mail_crash_test if args.mail else crash_test
    name = {durability_check: "durability check (strace)", mail_crash_test: "crash test with mail delivery", crash_test: "crash test"}[test]
    print(f"{name} (SIGKILL under load) on {kind}; files in {folder}", flush=True)
    problems = test(binary, env, folder, args)
    for problem in problems[:20]:
        print("!! " + problem)
    if problems:
        print(f"FAILED: {len(problems)} problems; the server's log is in {folder}")
        sys.exit(1)
    print("passed")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
