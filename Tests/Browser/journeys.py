"""The journeys of issue 10, each step checked as a person would see it.

A citizen files with a PNG and a PDF (first with mistakes), reloads the receipt and tracks the
petition with and without the access key; a business files with its tax code; the Government
Office assigns it; the ministry's officer acknowledges, asks a coordinating agency and drafts;
the coordinating agency replies; the ministry's leader approves (signing, with the password again)
and publishes; the answer is in the answers list, the search and the feed, and its printed
document's QR code leads to a verification that finds the signature valid; the citizen rates it and follows up; a clerk enters a
paper petition; an admin adds a day off to the calendar; the Government Office makes the last
quarter's report and publishes it; an invited observer comments.
"""

import email
import email.policy
import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy

from browser import PHONE, Browser, tracking_code

PASSWORD = "langnghe-demo-2026"
# The accounts that .ci/browser adds; the demo password is refused for new accounts as too common.
STAFF_PASSWORD = "thu-nghiem-trinh-duyet-2026"


def password(username: str) -> str:
    return PASSWORD if username.startswith("demo-") else STAFF_PASSWORD
LEAD, COORDINATING = "BTC", "BTP"
TITLE = "Thủ tục hoàn thuế giá trị gia tăng kéo dài quá hạn"
CONTENT = (
    "Doanh nghiệp chúng tôi nộp hồ sơ hoàn thuế giá trị gia tăng đầy đủ từ tháng trước nhưng đến nay "
    "vẫn chưa nhận được kết quả, cũng không được thông báo lý do chậm. Đề nghị Bộ xem xét quy định về "
    "thời hạn giải quyết và công khai tiến độ xử lý hồ sơ hoàn thuế."
)
ANSWER = (
    "Bộ Tài chính đã chỉ đạo cơ quan thuế rà soát hồ sơ hoàn thuế nêu trong phản ánh. Thời hạn giải quyết "
    "hoàn thuế được quy định tại Luật Quản lý thuế; hồ sơ đã được xử lý và tiến độ được công khai trên "
    "cổng thông tin của cơ quan thuế."
)


@dataclass
class Filed:
    code: str
    key: str
    # The SHA-256 of each file attached, in order.
    digests: list[str]


def expect(condition: bool, message: str):
    if not condition:
        raise AssertionError(message)


def citizen_files(b: Browser, files: list[Path]) -> Filed:
    b.get("/")
    b.check("home")
    b.get("/gui-phan-anh")
    b.check("form")
    # First with mistakes: no name, a phone that is not one, no category, a short text.
    b.fill({"address": "12 Tràng Tiền, Hoàn Kiếm, Hà Nội", "phone": "12ab", "title": TITLE, "content": "Quá ngắn"})
    b.submit()
    b.check("form-errors", expect_status=422)
    summary = b.text(".error-summary")
    expect("name" not in summary.lower() or "Họ" in summary, "the error summary names internal fields")
    expect(b.find("#name").get_attribute("aria-invalid") == "true", "the empty name is not marked invalid")
    expect(b.find("#title").get_attribute("value") == TITLE, "the title typed was lost")
    focused = b.driver.execute_script("return document.activeElement.className")
    expect("error-summary" in focused, f"the error summary does not take the focus ({focused})")
    # Then right, with a PNG and a PDF.
    b.fill({
        "name": "Nguyễn Thị Lan", "phone": "0912345678", "email": "lan.nguyen@example.vn", "category": "regulation",
        "agencyCode": LEAD, "content": CONTENT, "attachments": files,
    })
    b._click(b.find("#notifyBy-email"))
    b.submit()
    b.check("receipt")
    code = tracking_code(b.text(".receipt"))
    receipt_mail_arrives(code, "lan.nguyen@example.vn")
    key = b.text(".receipt code.key").replace(" ", "")
    expect(len(key) >= 12, f"no access key on the receipt: {key!r}")
    b.driver.refresh()
    b.wait_loaded()
    b.check("receipt-reloaded")
    expect(code in b.text(".receipt"), "the reloaded receipt lost its code")
    # Tracking without the key: status only; with the key: the whole case and its forms.
    b.sign_out()
    b.get(f"/tra-cuu?ma={code}")
    b.check("tracking-public")
    expect("Nguyễn Thị Lan" not in b.text("main"), "the tracking page shows the sender's name without the key")
    b.fill({"khoa": "AAAA BBBB CCCC DDDD"})
    b.submit(b.find("form.inline-form[method=post]"))
    b.check("tracking-wrong-key", expect_status=None)
    expect(b.find("#khoa").get_attribute("aria-invalid") == "true", "a wrong key is not marked on its field")
    b.get(f"/tra-cuu?ma={code}")
    b.fill({"khoa": key})
    b.submit(b.find("form.inline-form[method=post]"))
    b.check("tracking-unlocked")
    expect("Nguyễn Thị Lan" in b.text("main") or "0912" in b.text("main"), "the key does not open the petition")
    return Filed(code, key, [hashlib.sha256(f.read_bytes()).hexdigest() for f in files])


# The bytes behind a link, fetched by the page with its own cookies, as their hex SHA-256.
FETCH_DIGEST = """
const done = arguments[arguments.length - 1];
fetch(arguments[0], {credentials: "same-origin"})
  .then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))
  .then(bytes => crypto.subtle.digest("SHA-256", bytes))
  .then(h => done(Array.from(new Uint8Array(h)).map(x => x.toString(16).padStart(2, "0")).join("")))
  .catch(e => done("failed: " + e));
"""


def attachments_come_back(b: Browser, filed: Filed):
    """The case page's attachment links give the staff the very bytes the citizen sent."""
    links = [a.get_attribute("href") for a in b.all("p.file a")]
    expect(len(links) == len(filed.digests), f"the case page lists {len(links)} attachments, not {len(filed.digests)}")
    got = [b.driver.execute_async_script(FETCH_DIGEST, link) for link in links]
    expect(got == filed.digests, f"the attachments read back as {got}, not {filed.digests}")


def receipt_mail_arrives(code: str, address: str):
    """Issue 14: the citizen who ticked e-mail gets the receipt, with the code, within seconds (the
    server writes mail to LANGNGHE_MAIL_FOLDER, set by .ci/browser)."""
    folder = Path(os.environ["LANGNGHE_MAIL_FOLDER"])
    for _ in range(40):
        for path in folder.glob("*.eml"):
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if code in str(message["Subject"]) and address in str(message["To"]):
                body = message.get_body(("plain",)).get_content()
                expect(f"/tra-cuu?ma={code}" in body, "the receipt mail has no link to the tracking page")
                return
        time.sleep(0.5)
    raise AssertionError(f"no receipt mail for {code} in {folder}")


def business_files(b: Browser) -> str:
    b.sign_out()
    b.get("/gui-phan-anh?loai=doanh-nghiep")
    b.check("form-business")
    b.fill({
        "submitterType": "organization", "name": "Trần Văn Minh", "address": "45 Lê Lợi, Quận 1, TP Hồ Chí Minh",
        "phone": "0987654321", "organizationName": "Công ty TNHH Minh An", "taxCode": "0312345678",
        "category": "proposal", "title": "Đề nghị đơn giản hoá thủ tục cấp giấy phép kinh doanh",
        "content": CONTENT.replace("hoàn thuế giá trị gia tăng", "cấp giấy phép kinh doanh"),
    })
    b.submit()
    b.check("receipt-business")
    return tracking_code(b.text(".receipt"))


def act(b: Browser, code: str, event_type: str, values: dict, name: str, preview: bool = False):
    b.get(f"/can-bo/pakn/{code}")
    form = b.action_form(event_type)
    b.fill(values, form)
    if preview:
        b.submit(form, 'button[name="preview"]')
        b.check(f"{name}-preview")
        form = b.action_form(event_type)
    b.submit(form)
    report = b.check(name)
    errors = [e.text for e in b.all("p.error")]
    expect(not errors, f"{event_type} on {code} was refused: {errors}")
    return report


def staff_handle(b: Browser, filed: Filed, users: dict):
    code = filed.code
    # VPCP assigns, with a coordinating agency, and invites the observer.
    b.sign_in("demo-vpcp", password("demo-vpcp"))
    b.get("/can-bo")
    b.check("inbox-vpcp")
    b.get(f"/can-bo/pakn/{code}")
    b.check("case-vpcp")
    attachments_come_back(b, filed)
    act(b, code, "assigned", {"leadAgency": LEAD, "coordinatingAgencies": [COORDINATING], "note": "Giao Bộ Tài chính chủ trì."}, "assigned")
    act(b, code, "observerInvited", {"observer": _observer_value(b, code)}, "observer-invited")
    # The ministry's officer: an empty required field first (the panel comes back open), then right.
    b.sign_in(users["officer"], password(users["officer"]))
    b.get("/can-bo")
    b.check("inbox-officer")
    act(b, code, "acknowledged", {"note": "Đã tiếp nhận, đang xử lý."}, "acknowledged")
    b.get(f"/can-bo/pakn/{code}")
    form = b.action_form("coordinationRequested")
    b.fill({"agency": COORDINATING}, form)
    b.submit(form)
    b.check("coordination-missing-question", expect_status=422)
    expect(b.find("#coordinationRequested-question").get_attribute("aria-invalid") == "true", "the staff form hides its error")
    act(b, code, "coordinationRequested", {"agency": COORDINATING, "question": "Đề nghị Bộ Tư pháp cho ý kiến về quy định thời hạn."},
        "coordination-requested")
    act(b, code, "answerDrafted", {"content": ANSWER}, "drafted", preview=True)
    # The coordinating agency replies.
    b.sign_in(users["coordinating"], password(users["coordinating"]))
    act(b, code, "coordinationReplied", {"reply": "Bộ Tư pháp thống nhất với hướng xử lý của Bộ Tài chính."}, "coordination-replied")
    # The ministry's leader approves and publishes.
    b.sign_in(users["leader"], password(users["leader"]))
    # Approving signs the answer for the ministry: the leader types their password again.
    act(b, code, "answerApproved", {"password": password(users["leader"])}, "approved")
    act(b, code, "answerPublished", {}, "published")
    # The observer comments where invited.
    b.sign_in("demo-observer", password("demo-observer"))
    b.get("/can-bo")
    b.check("inbox-observer")
    act(b, code, "noteAdded", {"note": "Đề nghị công khai số liệu hoàn thuế theo quý."}, "observer-comment")


def _observer_value(b: Browser, code: str) -> str:
    options = b.all("details#action-observerInvited select option")
    for option in options:
        if "demo-observer" in (option.text + option.get_attribute("value")) or "quan sát" in option.text:
            return option.get_attribute("value")
    return [o.get_attribute("value") for o in options if o.get_attribute("value")][0]


def answer_is_public(b: Browser, filed: Filed):
    b.sign_out()
    b.get("/tra-loi")
    b.check("answers")
    expect(filed.code in b.text("main"), "the published answer is not in the answers list")
    b.get(f"/tra-loi/{filed.code}")
    b.check("answer")
    expect("Nguyễn Thị Lan" not in b.text("main") and "0912345678" not in b.text("main"), "the public answer shows personal data")
    b.get("/tim-kiem?q=ho%C3%A0n+thu%E1%BA%BF")
    b.check("search")
    expect(filed.code in b.text("main"), "the answer is not found by search")
    b.get("/feeds/answers.atom")
    expect(filed.code in b.driver.page_source, "the answer is not in the Atom feed")


def signed_answer_verifies(b: Browser, filed: Filed):
    """The answer says who signed it; its printable document carries a QR code that a real decoder
    (OpenCV's) reads as the verification page's address, and that page finds the signature valid."""
    b.get(f"/tra-loi/{filed.code}")
    expect("Ký số bởi" in b.text("main"), "the published answer does not say who signed it")
    b.get(f"/tra-loi/{filed.code}/van-ban")
    b.check("signed-answer")
    png = b.driver.find_element("css selector", ".qr svg").screenshot_as_png
    image = cv2.imdecode(numpy.frombuffer(png, numpy.uint8), cv2.IMREAD_GRAYSCALE)
    image = cv2.resize(image, None, fx=3, fy=3, interpolation=cv2.INTER_NEAREST)
    decoded, _, _ = cv2.QRCodeDetector().detectAndDecode(image)
    wanted = f"{b.base}/xac-minh?ma={filed.code}"
    expect(decoded == wanted, f"the QR code reads {decoded!r}, not {wanted!r}")
    b.get(wanted)
    b.check("verify-valid")
    expect("verdict-valid" in b.driver.page_source, "the verification page does not find the signature valid")
    b.resize(PHONE)
    b.get(f"/tra-loi/{filed.code}/van-ban")
    b.check("signed-answer-phone")
    b.resize(1280)


def citizen_rates_and_follows_up(b: Browser, filed: Filed):
    b.sign_out()
    b.get(f"/tra-cuu?ma={filed.code}")
    b.fill({"khoa": filed.key})
    b.submit(b.find("form.inline-form[method=post]"))
    rating = b.find('form.submitter-action input[value="rated"]').find_element("xpath", "..")
    b.submit(rating)
    b.check("rating-missing", expect_status=422)
    rating = b.find('form.submitter-action input[value="rated"]').find_element("xpath", "..")
    b.fill({"satisfaction": "4", "comment": "Trả lời rõ ràng, đúng hạn."}, rating)
    b.submit(rating)
    b.check("rated")
    follow = b.find('form.submitter-action input[value="followedUp"]').find_element("xpath", "..")
    b.fill({"content": "Xin cho biết khi nào quy định mới về thời hạn hoàn thuế được ban hành."}, follow)
    b.submit(follow)
    b.check("followed-up")
    expect(not b.all("p.error"), f"the follow-up was refused: {[e.text for e in b.all('p.error')]}")


def clerk_enters_paper(b: Browser):
    b.sign_in("demo-vpcp", password("demo-vpcp"))
    b.get("/can-bo/tiep-nhan")
    b.check("intake")
    b.fill({
        "channel": "mail", "name": "Lê Văn Hùng", "address": "8 Hùng Vương, Huế", "phone": "0234567890",
        "category": "conduct", "title": "Cán bộ một cửa yêu cầu giấy tờ ngoài quy định",
        "content": "Khi nộp hồ sơ đăng ký hộ kinh doanh, cán bộ một cửa yêu cầu thêm nhiều giấy tờ không có trong quy định, "
        "khiến tôi phải đi lại nhiều lần.",
    })
    b.submit()
    b.check("intake-receipt")
    return tracking_code(b.text("main"))


def admin_edits_calendar(b: Browser):
    b.sign_in("demo-admin", password("demo-admin"))
    b.get("/can-bo/quan-tri/lich")
    b.check("admin-calendar")
    # A date typed wrong first: the form comes back with the problem beside the field.
    b.fill({"date": "31/13/2027", "kind": "dayOff", "reason": "Nghỉ bù", "legalBasis": "Thông báo số 1/TB-BNV"})
    b.submit(b.find("form.narrow"))
    b.check("admin-calendar-wrong-date", expect_status=422)
    expect(b.find("#date").get_attribute("aria-invalid") == "true", "the wrong date is not marked on its field")
    b.fill({"date": "31/12/2027", "kind": "dayOff", "reason": "Nghỉ bù theo quyết định của Thủ tướng", "legalBasis": "Thông báo số 1/TB-BNV"})
    b.submit(b.find("form.narrow"))
    b.check("admin-calendar-added")
    expect("31/12/2027" in b.text("main") and "Nghỉ bù" in b.text("main"), "the new day off is not listed")


def coordinator_publishes_report(b: Browser) -> str:
    """The Government Office makes the last quarter's report (a printable, signed page), then
    publishes its public version, which the portal lists and shows."""
    b.sign_in("demo-vpcp", password("demo-vpcp"))
    b.get("/can-bo/bao-cao")
    b.check("reports")
    quarter = b.find("#report-period").get_attribute("value")
    b.submit(b.find("form.narrow"))
    b.check("report-internal")
    expect("Chữ ký số" in b.text("body") and quarter in b.text("h1"), "the report is not the quarter chosen, signed")
    b.get("/can-bo/bao-cao")
    b.submit(b.find("form.row-form"))
    b.check("reports-published")
    expect(quarter in b.text("main"), "the published quarter is not listed in the back office")
    b.sign_out()
    b.get("/bao-cao")
    b.check("published-reports")
    b.get(f"/bao-cao/{quarter}")
    b.check("published-report")
    expect("Bản công khai" in b.text("body"), "the published report is not the public version")
    return quarter


def run(b: Browser, files: list[Path], users: dict) -> dict:
    """Every journey in order; returns what the page sweep needs (codes)."""
    filed = citizen_files(b, files)
    business = business_files(b)
    staff_handle(b, filed, users)
    answer_is_public(b, filed)
    signed_answer_verifies(b, filed)
    citizen_rates_and_follows_up(b, filed)
    paper = clerk_enters_paper(b)
    admin_edits_calendar(b)
    quarter = coordinator_publishes_report(b)
    # The same citizen's tracking page on a phone, in English.
    b.sign_out()
    b.resize(PHONE)
    b.get(f"/tra-cuu?ma={filed.code}&lang=en")
    b.check("tracking-phone-en")
    b.resize(1280)
    return {"answered": filed.code, "business": business, "paper": paper, "key": filed.key, "quarter": quarter}
