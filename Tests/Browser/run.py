"""The browser suite: the journeys, then every page at 1280 and 390 px in Vietnamese and English,
then the Nu HTML checker over every page kept. Prints a table and writes `report.md` and
`report.json` beside the screenshots; exits 1 on any failed journey, axe violation, Nu error,
horizontal overflow at 390 px or unexpected status.

Started by `.ci/browser`, which builds and starts the server; see the README.
"""

import argparse
import json
import subprocess
import sys
import traceback
import urllib.request
import zlib
from pathlib import Path

import journeys
from browser import DESKTOP, PHONE, Browser



def public_pages(codes: dict) -> list:
    answered = codes["answered"]
    return [
        ("home", "/"),
        ("form", "/gui-phan-anh"),
        ("form-business", "/gui-phan-anh?loai=doanh-nghiep"),
        ("tracking", "/tra-cuu"),
        ("tracking-code", f"/tra-cuu?ma={answered}"),
        ("tracking-unknown", "/tra-cuu?ma=PAKN-2020-999999"),
        ("answers", "/tra-loi"),
        ("answers-filtered", "/tra-loi?category=regulation&from=01/01/2025&to=31/12/2026"),
        ("answers-bad-date", "/tra-loi?from=31/02/2026"),
        ("answer", f"/tra-loi/{answered}"),
        ("signed-answer", f"/tra-loi/{answered}/van-ban"),
        ("verify", "/xac-minh"),
        ("verify-code", f"/xac-minh?ma={answered}"),
        ("search", "/tim-kiem?q=thu%E1%BA%BF"),
        ("search-empty", "/tim-kiem?q=zzzzqqq"),
        ("statistics", "/thong-ke"),
        ("statistics-period", "/thong-ke?tu=01/01/2026&den=30/06/2026"),
        ("conduct", "/danh-gia-co-quan"),
        ("evidence", None),
        ("calendar", "/lich-lam-viec"),
        ("calendar-2027", "/lich-lam-viec/2027"),
        ("login", "/can-bo/dang-nhap"),
        ("reports", "/bao-cao"),
        *([("report", f"/bao-cao/{codes['quarter']}")] if codes.get("quarter") else []),
        ("not-found", "/khong-co-trang-nay"),
    ]


def staff_pages(codes: dict, users: dict) -> list:
    answered, paper = codes["answered"], codes["paper"]
    return [
        ("demo-vpcp", [
            ("inbox-vpcp", "/can-bo"), ("inbox-vpcp-due", "/can-bo?sap-xep=han&qua-han=1"),
            ("case-vpcp", f"/can-bo/pakn/{answered}"), ("case-paper", f"/can-bo/pakn/{paper}"),
            ("intake", "/can-bo/tiep-nhan"), ("security", "/can-bo/bao-mat"), ("reports-vpcp", "/can-bo/bao-cao"),
            ("notification-preferences", "/can-bo/thong-bao"),
        ]),
        ("demo-admin", [
            ("inbox-admin", "/can-bo"), ("admin-accounts", "/can-bo/quan-tri/tai-khoan"),
            ("admin-agencies", "/can-bo/quan-tri/co-quan"), ("admin-fields", "/can-bo/quan-tri/linh-vuc"),
            ("admin-log", "/can-bo/quan-tri/nhat-ky"), ("admin-calendar", "/can-bo/quan-tri/lich"),
            ("admin-certificates", "/can-bo/quan-tri/chung-thu"), ("admin-notifications", "/can-bo/quan-tri/thong-bao"),
        ]),
        (users["officer"], [("inbox-officer", "/can-bo"), ("case-officer", f"/can-bo/pakn/{answered}")]),
        (users["leader"], [("inbox-leader", "/can-bo"), ("reports-leader", "/can-bo/bao-cao")]),
        ("demo-observer", [("inbox-observer", "/can-bo"), ("case-observer", f"/can-bo/pakn/{answered}")]),
    ]


EXPECTED_STATUS = {"not-found": 404, "tracking-unknown": None, "answers-bad-date": 422}


def with_language(path: str, language: str) -> str:
    return path + ("&" if "?" in path else "?") + "lang=" + language


def sweep(b: Browser, pages: list, failures: list):
    for language in ("vi", "en"):
        for width in (DESKTOP, PHONE):
            b.resize(width)
            for name, path in pages:
                if path is None:
                    path = evidence_path(b)
                    if path is None:
                        failures.append(f"{name}: no evidence link on the conduct page")
                        continue
                try:
                    b.get(with_language(path, language))
                    b.check(name, expect_status=EXPECTED_STATUS.get(name, 200), language=language)
                    if name == "statistics" and width == PHONE:
                        charts_legible(b, failures)
                except Exception as error:  # one broken page does not hide the others
                    failures.append(f"{name} ({language}, {width} px): {error}")
    b.resize(DESKTOP)


def evidence_path(b: Browser):
    b.get("/danh-gia-co-quan")
    links = [a.get_attribute("href") for a in b.all('a[href*="bang-chung"]')]
    return links[0].replace(b.base, "") if links else None


def charts_legible(b: Browser, failures: list):
    """At 390 px the charts are the 320-wide drawings, shown at least at their own size, so that
    their 11 px text is at least 11 px on the screen."""
    images = b.driver.execute_script("""
        return [...document.querySelectorAll('picture img')].map(i => [i.currentSrc, i.clientWidth, i.naturalWidth]);""")
    if not images:
        failures.append("statistics at 390 px: no charts")
    for source, shown, natural in images:
        if "rong=320" not in source or shown + 1 < natural:
            failures.append(f"statistics at 390 px: chart {source} drawn {natural} wide, shown {shown} wide")


def run_vnu(vnu: str, html: Path) -> dict:
    """Errors per file, from one run of the checker over the folder."""
    result = subprocess.run(
        ["java", "-jar", vnu, "--errors-only", "--format", "json", "--skip-non-html", str(html)],
        capture_output=True, text=True, timeout=900)
    output = result.stderr.strip() or result.stdout.strip()
    messages = json.loads(output).get("messages", []) if output else []
    errors: dict = {}
    for message in messages:
        if message.get("type") in ("error", "non-document-error"):
            path = message.get("url", "").replace("file:", "")
            errors.setdefault(Path(path).name, []).append(
                f"line {message.get('lastLine', '?')}: {message.get('message', '')} [{message.get('extract', '')[:120]!r}]")
    return errors


def make_attachments(folder: Path) -> list:
    """A small PNG and a small PDF, made here so the repository holds no binary fixture."""
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / "anh-chup-ho-so.png"
    raw = b"".join(b"\x00" + bytes([200, 30, 30] * 16) for _ in range(16))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    png.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", (16).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0]))
                    + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    pdf = folder / "to-khai-hoan-thue.pdf"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
    body, offsets = b"%PDF-1.4\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n".encode() + content + b"\nendobj\n"
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    body += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    pdf.write_bytes(body)
    return [png, pdf]


def fallback_codes(base: str) -> dict:
    """Codes from the demo data, when a journey failed before making its own."""
    with urllib.request.urlopen(base + "/api/v1/answers?pageSize=1") as response:
        code = json.load(response)["items"][0]["trackingCode"]
    # No quarter published by the journey: the report page is left out of the sweep.
    return {"answered": code, "paper": code, "business": code, "key": "", "quarter": None}


DOCS = {  # docs/screenshots name: (check name, signed in as)
    "home": "home", "form": "form", "answer": "answer", "search": "search", "dashboard": "statistics",
    "conduct": "conduct", "calendar": "calendar", "backoffice-inbox": "inbox-vpcp", "backoffice-case": "case-vpcp",
    "backoffice-accounts": "admin-accounts",
}


def write_docs(b: Browser, folder: Path):
    """The pages of the README's screenshots, at 1280 px in Vietnamese, cut at 2,400 px."""
    folder.mkdir(parents=True, exist_ok=True)
    b.resize(DESKTOP)
    wanted = {check: doc for doc, check in DOCS.items()}
    for report in b.reports:
        doc = wanted.pop(report.name, None) if report.language == "vi" and report.width == DESKTOP else None
        if doc:
            (folder / f"{doc}.png").write_bytes(crop(Path(report.screenshot).read_bytes(), 2400))
    if wanted:
        print(f"!! no screenshot for {sorted(wanted)}")


def crop(png: bytes, height: int) -> bytes:
    """A PNG cut to its first `height` rows, without an imaging library (8-bit RGB/RGBA, as
    Chromium writes them)."""
    width, full = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    if full <= height:
        return png
    channels = {2: 3, 6: 4}[png[25]]
    position, data = 8, b""
    while position < len(png):
        length = int.from_bytes(png[position:position + 4], "big")
        kind = png[position + 4:position + 8]
        if kind == b"IDAT":
            data += png[position + 8:position + 8 + length]
        position += 12 + length
    rows = zlib.decompress(data)[: height * (1 + width * channels)]
    header = png[16:20] + height.to_bytes(4, "big") + png[24:29]

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return len(payload).to_bytes(4, "big") + kind + payload + zlib.crc32(kind + payload).to_bytes(4, "big")

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", required=True)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--axe", required=True, help="axe.min.js")
    parser.add_argument("--vnu", required=True, help="vnu.jar")
    parser.add_argument("--users", required=True, help="JSON: officer, leader, coordinating usernames")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    parser.add_argument("--docs", type=Path, help="also write the README's screenshots here")
    arguments = parser.parse_args()
    users = json.loads(arguments.users)
    b = Browser(arguments.base, arguments.out, Path(arguments.axe).read_text(), arguments.chromium, arguments.chromedriver)
    failures: list[str] = []
    try:
        try:
            codes = journeys.run(b, make_attachments(arguments.out / "files"), users)
        except Exception:
            failures.append("journey: " + traceback.format_exc(limit=4))
            b.check("journey-failed", expect_status=None)
            codes = fallback_codes(b.base)
        b.sign_out()
        sweep(b, public_pages(codes), failures)
        for username, pages in staff_pages(codes, users):
            b.sign_in(username, journeys.password(username))
            sweep(b, pages, failures)
        if arguments.docs:
            write_docs(b, arguments.docs)
    finally:
        b.close()
    nu = run_vnu(arguments.vnu, arguments.out / "html")
    return summarise(b.reports, nu, failures, arguments.out)


def summarise(reports: list, nu: dict, failures: list, out: Path) -> int:
    lines = ["| page | lang | px | status | axe | Nu | overflow | KB | requests |", "|---|---|---|---|---|---|---|---|---|"]
    details = []
    for r in reports:
        errors = nu.get(Path(r.html_file).name, []) if r.html_file else []
        if not r.html_file:
            r.problems.append("the HTML could not be read for the Nu checker")
        lines.append(f"| {r.name} | {r.language} | {r.width} | {r.status} | {len(r.violations)} | {len(errors)} | "
                     f"{'yes' if r.overflow else ''} | {r.bytes / 1024:.1f} | {r.requests} |")
        for v in r.violations:
            details.append(f"{r.name} {r.language} {r.width}: axe {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"]))
        for e in errors:
            details.append(f"{r.name} {r.language} {r.width}: Nu {e}")
        if r.overflow:
            details.append(f"{r.name} {r.language} {r.width}: overflow " + "; ".join(r.overflow))
        for p in r.problems:
            details.append(f"{r.name} {r.language} {r.width}: {p}")
    pages = len(reports)
    totals = (f"{pages} page checks; axe violations {sum(len(r.violations) for r in reports)}; "
              f"Nu errors {sum(len(v) for v in nu.values())}; overflowing at 390 px {sum(1 for r in reports if r.overflow)}; "
              f"journey and page failures {len(failures)}")
    text = "\n".join(lines) + "\n\n" + totals + "\n\n" + "\n".join(failures + details) + "\n"
    (out / "report.md").write_text(text)
    (out / "report.json").write_text(json.dumps([r.__dict__ for r in reports], ensure_ascii=False, indent=1))
    print(text if (details or failures) else "\n".join(lines) + "\n\n" + totals)
    print(f"screenshots and report: {out}")
    return 1 if details or failures else 0


if __name__ == "__main__":
    sys.exit(main())
