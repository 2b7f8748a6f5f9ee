"""One headless Chromium, driven through Selenium, and the checks every page gets.

Each `check` of a page:
- takes a full-page screenshot (`<out>/screens/NNN-name.png`);
- runs axe-core with the WCAG 2.0/2.1 A and AA rules and keeps every violation;
- at a phone's width, measures horizontal overflow (the page may not scroll sideways; tables
  scroll inside their own `.table-scroll` container);
- keeps the HTML exactly as the server sent it (read through the DevTools protocol, so a page
  answering a POST is kept too) for the Nu HTML checker, which runs once over all of them;
- notes the page's weight and its number of requests.
"""

import base64
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = 390
DESKTOP = 1280


@dataclass
class PageReport:
    name: str
    url: str
    width: int
    language: str
    status: int
    violations: list = field(default_factory=list)
    overflow: list = field(default_factory=list)
    html_file: str = ""
    screenshot: str = ""
    bytes: int = 0
    requests: int = 0
    problems: list = field(default_factory=list)


class Browser:
    def __init__(self, base: str, out: Path, axe_js: str, chromium: str, chromedriver: str):
        self.base = base.rstrip("/")
        self.out = out
        self.axe_js = axe_js
        (out / "screens").mkdir(parents=True, exist_ok=True)
        (out / "html").mkdir(parents=True, exist_ok=True)
        options = Options()
        options.binary_location = chromium
        # Hidden scrollbars take no room, as on a phone, whose viewport is then the whole 390 px.
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=vi",
                         "--hide-scrollbars"]:
            options.add_argument(argument)
        # A Vietnamese citizen's browser: the site follows Accept-Language until `?lang=` says otherwise.
        options.add_experimental_option("prefs", {"intl.accept_languages": "vi-VN,vi"})
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        self.driver = webdriver.Chrome(service=Service(chromedriver), options=options)
        self.driver.set_page_load_timeout(60)
        self.driver.execute_cdp_cmd("Network.enable", {})
        self.width = DESKTOP
        self.resize(DESKTOP)
        self.reports: list[PageReport] = []
        self.count = 0

    def close(self):
        self.driver.quit()

    # Navigation

    def resize(self, width: int):
        self.width = width
        # The window's outer size; the viewport is what the page is laid out in.
        self.driver.set_window_size(width, 1000)
        inner = self.driver.execute_script("return window.innerWidth") if self.driver.current_url.startswith("http") else width
        if inner and inner != width:
            self.driver.set_window_size(width + (width - inner), 1000)

    def get(self, path: str):
        self._drain_log()
        self.driver.get(path if path.startswith("http") else self.base + path)

    def sign_out(self):
        self.driver.delete_all_cookies()

    def sign_in(self, username: str, password: str):
        self.sign_out()
        self.get("/can-bo/dang-nhap")
        self.fill({"username": username, "password": password})
        self.submit()
        if "/dang-nhap" in self.driver.current_url:
            raise AssertionError(f"{username} could not sign in: {self.text('main')[:300]}")

    # Forms

    def find(self, css: str, within=None):
        return (within or self.driver).find_element(By.CSS_SELECTOR, css)

    def all(self, css: str, within=None):
        return (within or self.driver).find_elements(By.CSS_SELECTOR, css)

    def text(self, css: str = "body") -> str:
        return self.find(css).text

    def fill(self, values: dict, within=None):
        """Types into inputs and textareas, picks options and radios, attaches files, by name."""
        for name, value in values.items():
            elements = self.all(f'[name="{name}"]', within)
            if not elements:
                raise AssertionError(f"no field named {name} on {self.driver.current_url}")
            element = elements[0]
            kind = (element.get_attribute("type") or "").lower()
            tag = element.tag_name.lower()
            if kind == "radio":
                self._click([e for e in elements if e.get_attribute("value") == value][0])
            elif kind == "checkbox":
                if bool(value) != element.is_selected():
                    self._click(element)
            elif kind == "file":
                element.send_keys("\n".join(str(v) for v in value))
            elif tag == "select":
                wanted = value if isinstance(value, list) else [value]
                for option in self.all("option", element):
                    if (option.get_attribute("value") in wanted) != option.is_selected():
                        if option.get_attribute("value") in wanted or element.get_attribute("multiple"):
                            self._click(option)
            else:
                element.clear()
                element.send_keys(value)

    def submit(self, within=None, button_css: str = 'button[type="submit"]'):
        buttons = [b for b in self.all(button_css, within) if not b.get_attribute("name")]
        self._drain_log()
        page = self.find("html")
        self._click(buttons[-1] if buttons else self.find(button_css, within))
        self._wait_replaced(page)
        self.wait_loaded()

    def action_form(self, event_type: str):
        """A case page's form for one action, its panel opened."""
        details = self.find(f"details#action-{event_type}")
        if not details.get_attribute("open"):
            self._click(self.find("summary", details))
        return self.find("form", details)

    def _click(self, element):
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()

    def _wait_replaced(self, page):
        """The old document stays "complete" until the answer replaces it: wait for that first.
        While the new one loads, Chromium may call the old node stale or foreign: either will do."""
        for _ in range(1200):
            try:
                page.tag_name
            except WebDriverException:
                return
            time.sleep(0.05)
        raise AssertionError(f"the form on {self.driver.current_url} did not lead to another page")

    def wait_loaded(self):
        for _ in range(200):
            if self.driver.execute_script("return document.readyState") == "complete":
                return
            time.sleep(0.05)

    # Checks

    def check(self, name: str, expect_status: int | None = 200, language: str | None = None) -> PageReport:
        """Every check of the page now shown; problems are kept in the report, not raised.
        `expect_status` None takes any status."""
        self.wait_loaded()
        self.count += 1
        language = language or self.driver.execute_script("return document.documentElement.lang") or "?"
        stem = f"{self.count:03d}-{name}-{language}-{self.width}"
        status, html = self._document()
        report = PageReport(name=name, url=self.driver.current_url.replace(self.base, ""), width=self.width, language=language, status=status)
        if expect_status is not None and status != expect_status:
            report.problems.append(f"status {status}, expected {expect_status}")
        if html is not None:
            path = self.out / "html" / f"{stem}.html"
            path.write_bytes(html)
            report.html_file = str(path)
        report.violations = self._axe()
        if self.width <= PHONE:
            report.overflow = self._overflow()
        report.bytes, report.requests = self._weight()
        report.screenshot = str(self._screenshot(stem))
        self.reports.append(report)
        return report

    def _axe(self) -> list:
        script = self.axe_js + """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
               .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').slice(0, 300))}))))
               .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
        """ % json.dumps(WCAG_TAGS)
        self.driver.set_script_timeout(60)
        return self.driver.execute_async_script(script)

    def _overflow(self) -> list:
        """What sticks out past the viewport, outside a container that scrolls on purpose."""
        return self.driver.execute_script("""
            const root = document.documentElement;
            if (root.scrollWidth <= root.clientWidth) return [];
            const out = [];
            for (const e of document.body.querySelectorAll('*')) {
                if (e.closest('.table-scroll')) continue;
                const r = e.getBoundingClientRect();
                if (r.right > root.clientWidth + 1 && r.width > 0) {
                    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' right=' + Math.round(r.right));
                    if (out.length >= 8) break;
                }
            }
            return ['page ' + root.scrollWidth + ' px wide in a ' + root.clientWidth + ' px viewport'].concat(out);
        """)

    def _weight(self):
        return self.driver.execute_script("""
            const nav = performance.getEntriesByType('navigation')[0];
            const resources = performance.getEntriesByType('resource');
            let bytes = nav ? (nav.encodedBodySize || 0) : 0;
            for (const r of resources) bytes += (r.encodedBodySize || 0);
            return [bytes, 1 + resources.length];
        """)

    def _screenshot(self, stem: str) -> Path:
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": self.width, "height": min(size["height"], 8000), "scale": 1}})
        path = self.out / "screens" / f"{stem}.png"
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    # The document's response, from the performance log (DevTools network events).

    def _drain_log(self):
        self.driver.get_log("performance")

    def _document(self):
        status, request_id = 0, None
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.responseReceived" and message["params"].get("type") == "Document":
                status = message["params"]["response"]["status"]
                request_id = message["params"]["requestId"]
        if request_id is None:
            return status, None
        try:
            body = self.driver.execute_cdp_cmd("Network.getResponseBody", {"requestId": request_id})
        except Exception:
            return status, None
        data = base64.b64decode(body["body"]) if body.get("base64Encoded") else body["body"].encode("utf-8")
        return status, data


def tracking_code(text: str) -> str:
    found = re.search(r"PAKN-\d{4}-\d{6}", text)
    if not found:
        raise AssertionError(f"no tracking code in: {text[:300]}")
    return found.group(0)
