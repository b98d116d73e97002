#!/usr/bin/env python3
"""Tries the defects reported in issue 9 again, over HTTP, against a running copy with demo data.

A tester's check, not part of the test suite: it signs in as the demo accounts through the real pages
and prints, for each reported defect, what the running copy answers now and whether that is right.
tests/scripts/probe-running-copies.sh starts copies on SQLite and PostgreSQL and runs it against both.

    python3 tests/scripts/probe_reported_defects.py http://127.0.0.1:5090 --password heron-lantern-quilt-42 \
        [--proxy-address 203.0.113.7] [--pickup-folder DIR]

With --proxy-address every request carries the X-Forwarded-For / X-Forwarded-Proto headers that the
TLS-terminating proxy would add (the copy must list 127.0.0.1 under ForwardedHeaders:KnownProxies and run
outside Development), and the cookie, HSTS and audit-address checks are made. The demo administrator must
be able to sign in without an authenticator app (Authentication__RequireTwoFactorForRoles__0="").
Standard library only; pdftotext (poppler-utils) reads the PDFs. Exit status 1 when a check fails.
"""
import argparse
import html
import http.cookiejar
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

RESULTS = []
PUBLIC_HOST = "learningreviews.partnership.example"


def check(name, passed, detail=""):
    RESULTS.append(passed)
    print(f"  [{'ok' if passed else 'FAIL'}] {name}" + (f": {detail}" if detail else ""), flush=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class Session:
    """One browser: its own cookies, no automatic redirects, the proxy's headers when asked."""

    def __init__(self, base, proxy_address=None):
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar(policy=http.cookiejar.DefaultCookiePolicy(secure_protocols=("http", "https")))
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        self.proxy_address = proxy_address
        self.token = None

    def request(self, path, data=None, extra_headers=None):
        headers = {"User-Agent": "issue-9-probe"}
        if self.proxy_address:
            # The proxy passes on the public host name (HSTS is never sent for localhost or 127.0.0.1).
            headers.update({"X-Forwarded-For": self.proxy_address, "X-Forwarded-Proto": "https", "Host": PUBLIC_HOST})
        headers.update(extra_headers or {})
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, headers=headers)
        started = time.perf_counter()
        try:
            with self.opener.open(req, timeout=120) as resp:
                status, head, content = resp.status, resp.headers, resp.read()
        except urllib.error.HTTPError as error:
            status, head, content = error.code, error.headers, error.read()
        elapsed = (time.perf_counter() - started) * 1000
        text = content.decode("utf-8", "replace") if "pdf" not in (head.get("Content-Type") or "") else ""
        found = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', text)
        if found:
            self.token = found.group(1)
        return Response(status, head, content, text, elapsed)

    def get(self, path):
        return self.request(path)

    def post(self, path, fields):
        if self.token is None:
            self.get("/account/sign-in")
        return self.request(path, list(fields) + [("__RequestVerificationToken", self.token)])

    def sign_in(self, email, password):
        self.get("/account/sign-in")
        response = self.post("/account/sign-in", [("Email", email), ("Password", password)])
        if response.status != 302:
            raise SystemExit(f"Could not sign in as {email}: {response.status} {error_summary(response.text)}")
        self.get("/")
        return response


class Response:
    def __init__(self, status, headers, content, text, elapsed_ms):
        self.status, self.headers, self.content, self.text, self.elapsed_ms = status, headers, content, text, elapsed_ms

    @property
    def location(self):
        return self.headers.get("Location") or ""

    def refused(self):
        return self.status in (403, 404) or (self.status == 302 and "/account/access-denied" in self.location)


def error_summary(text):
    found = re.search(r'<div class="govuk-error-summary".*?</div>\s*</div>', text, re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", found.group(0)))).strip() if found else ""


def review_links(session):
    """Title -> path of each review on My work."""
    text = session.get("/").text
    return {html.unescape(title): href for href, title in re.findall(r'href="(/reviews/[0-9a-f-]{36})">([^<]+)</a>', text)}


def find_review(session, fragment):
    for title, href in review_links(session).items():
        if fragment in title:
            return href
    raise SystemExit(f"No review whose title contains {fragment!r} on My work")


def pdf_text(content):
    done = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    info = subprocess.run(["pdfinfo", "-"], input=content, capture_output=True, check=True)
    return done.stdout.decode("utf-8", "replace") + "\n" + info.stdout.decode("utf-8", "replace")


def form_fields(text, action):
    """The named text fields of the form posting to `action` (inputs of type text and textareas)."""
    form = re.search(r'<form[^>]*action="' + re.escape(action) + r'"[^>]*>(.*?)</form>', text, re.S)
    if not form:
        return [], None
    body = form.group(1)
    names = re.findall(r'<textarea[^>]*name="([^"]+)"', body) + re.findall(r'<input[^>]*type="text"[^>]*name="([^"]+)"', body) \
        + re.findall(r'<input[^>]*name="([^"]+)"[^>]*type="text"', body)
    token = re.search(r'name="recordToken" value="([^"]+)"', body)
    return [n for n in dict.fromkeys(names) if not re.search(r"\.(day|month|year)$", n)], token.group(1) if token else None


def probe_sign_in(base, password, proxy):
    print("Sign-in answers the same and is rate-limited")
    browser = Session(base, proxy)

    def attempt(email, pw):
        browser.get("/account/sign-in")
        return browser.post("/account/sign-in", [("Email", email), ("Password", pw)])

    for _ in range(5):
        attempt("agency@demo.example", "wrong-password-1")
    locked = attempt("agency@demo.example", password)
    unknown = attempt("nobody-here@demo.example", password)
    check("a locked account and an unknown email get the same message",
          error_summary(locked.text) == error_summary(unknown.text) and error_summary(locked.text) != "",
          error_summary(locked.text)[:80])
    times = {"unknown email": [], "wrong password": [], "locked account": []}
    for i in range(3):
        times["unknown email"].append(attempt(f"nobody{i}@demo.example", "x-wrong-password").elapsed_ms)
        times["wrong password"].append(attempt("qa@demo.example", "x-wrong-password").elapsed_ms)
        times["locked account"].append(attempt("agency@demo.example", "x-wrong-password").elapsed_ms)
    medians = {k: statistics.median(v) for k, v in times.items()}
    print("    median time of a refused sign-in (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in medians.items()))
    spread = max(medians.values()) / max(1.0, min(medians.values()))
    check("refusals take about the same time (slowest under 3x the quickest)", spread < 3, f"ratio {spread:.1f}")
    forgot = {"account": [], "no account": []}
    for i in range(3):
        browser.get("/account/forgot-password")
        forgot["account"].append(browser.post("/account/forgot-password", [("Email", "qa@demo.example")]).elapsed_ms)
        forgot["no account"].append(browser.post("/account/forgot-password", [("Email", f"nobody-else{i}@demo.example")]).elapsed_ms)
    forgot_medians = {k: statistics.median(v) for k, v in forgot.items()}
    print("    median time of a forgotten-password request (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in forgot_medians.items()))
    ratio = max(forgot_medians.values()) / max(1.0, min(forgot_medians.values()))
    check("forgotten-password answers take about the same time with or without an account (under 3x)", ratio < 3, f"ratio {ratio:.1f}")
    started = time.perf_counter()
    statuses = [attempt(f"burst{i}@demo.example", "x").status for i in range(150)]
    seconds = time.perf_counter() - started
    print(f"    150 attempts in {seconds:.1f} s: {statuses.count(429)} answered 429, {statuses.count(200)} answered 200")
    check("a burst of 150 attempts is rate-limited", statuses.count(429) >= 100)
    print(f"    waiting {61} s for the rate-limit window to pass")
    time.sleep(61)


def probe_family(base, password, proxy):
    print("A practitioner tied to Demo family Curlew meets nothing of Demo family Osprey")
    bm = Session(base, proxy)
    bm.sign_in("bm@demo.example", password)
    review = find_review(bm, "Thematic")
    check("the business manager (whole review) does see Osprey (the probe can tell)", "Osprey" in bm.get(review).text)
    priya = Session(base, proxy)
    priya.sign_in("practitioner@demo.example", password)
    page = priya.get(review)
    stage_paths = sorted(set(re.findall(re.escape(review) + r"/stages/[a-z0-9-]+", page.text)))
    surfaces = [review, review + "/participants", review + "/outcomes-form", "/"] + stage_paths + [p + "/check" for p in stage_paths]
    leaks = []
    for path in surfaces:
        response = priya.get(path)
        if response.status >= 500 or "Osprey" in response.text:
            leaks.append(f"{path} ({response.status})")
    for path in (review + "/record.pdf", review + "/outcomes-form.pdf"):
        response = priya.get(path)
        if response.status == 200 and "Osprey" in pdf_text(response.content):
            leaks.append(path)
    check(f"{len(surfaces) + 2} pages and PDFs name no other family", not leaks, ", ".join(leaks))


def probe_learner(base, password, proxy):
    print("Someone taking part only as a Learner sees the circle but changes nothing")
    facilitator = Session(base, proxy)
    facilitator.sign_in("facilitator@demo.example", password)
    review = find_review(facilitator, "Child C")
    page = facilitator.get(review)
    check("the learner can read the review", page.status == 200)
    added = facilitator.post(review + "/participants", [("Form.Kind", "external"), ("Form.Name", "Someone Else"), ("Form.Role", "Learner")])
    check("adding a person is refused", added.refused(), f"{added.status} {added.location}")
    withdraw = facilitator.post(review + "/withdraw", [("reason", "No longer needed")])
    after = facilitator.get(review)
    check("withdrawing is refused", withdraw.refused() or ("Withdrawn" not in after.text), f"{withdraw.status} {withdraw.location}")


def probe_input_and_stale_saves(base, password, proxy):
    print("Over-long input and stale saves")
    tm = Session(base, proxy)
    tm.sign_in("tm@demo.example", password)
    review = find_review(tm, "Child B")
    page = tm.get(review)
    stage = re.findall(re.escape(review) + r"/stages/[a-z0-9-]+", page.text)[-1]
    form = tm.get(stage)
    fields, record_token = form_fields(form.text, stage)
    check(f"the stage form {stage.rsplit('/', 1)[1]} has text fields to try", bool(fields), ", ".join(fields[:4]))
    if fields:
        huge = "x" * 100_000
        saved = tm.post(stage, [("recordToken", record_token or ""), (fields[0], huge)])
        kept = huge in saved.text
        check("a 100,000-character answer is refused with a message, not a 5xx, and kept in the box",
              saved.status < 500 and error_summary(saved.text) != "" and kept,
              f"{saved.status} {error_summary(saved.text)[:90]}")
        first = tm.post(stage, [("recordToken", record_token or ""), (fields[0], "Saved first by this probe")])
        second = tm.post(stage, [("recordToken", record_token or ""), (fields[0], "Saved second with the old token")])
        again = tm.get(stage).text
        check("a save with a stale token is refused and the first save survives",
              first.status == 302 and second.status < 500 and "Saved first by this probe" in again
              and "Saved second with the old token" not in again and error_summary(second.text) != "",
              f"first {first.status}, second {second.status}: {error_summary(second.text)[:90]}")
    long_reason = "r" * 3000
    sent_back = tm.post(review + "/send-back", [("reason", long_reason)])
    check("a 3,000-character send-back reason gets a clear answer, not a 5xx", sent_back.status < 500, str(sent_back.status))
    for path in ("/error/-1", "/error/99999", "/reviews/not-a-guid", review + "/stages/%00", "/reviews/" + "0" * 36):
        response = tm.get(path)
        check(f"GET {path[:40]} answers below 500", response.status < 500, str(response.status))


def probe_administrator(base, password, proxy):
    print("Administrators cannot grant themselves case data; refusals are audited")
    admin = Session(base, proxy)
    admin.sign_in("admin@demo.example", password)
    users = admin.get("/admin/users").text
    own = re.search(r'href="(/admin/users/[0-9a-f-]{36})">[^<]*</a></td>\s*<td class="govuk-table__cell">admin@demo\.example<', users)
    check("the administrator's own account is listed", bool(own))
    if own:
        edit = admin.get(own.group(1)).text
        form = {n: html.unescape(v) for n, v in re.findall(r'<input[^>]*name="(ConcurrencyStamp|DisplayName|Email)"[^>]*value="([^"]*)"', edit)}
        granted = admin.post(own.group(1), list(form.items()) + [("Roles", "Administrator"), ("Roles", "Business Manager")])
        roles_now = re.findall(r'name="Roles" type="checkbox" value="([^"]+)" checked', admin.get(own.group(1)).text)
        check("an administrator giving themselves Business Manager is refused, with a message",
              granted.status < 500 and roles_now == ["Administrator"] and error_summary(granted.text) != "",
              f"{granted.status} {error_summary(granted.text)[:90]}")
        exports = admin.get("/exports")
        check("the administrator still cannot open Exports (no case-data role)", exports.refused(), f"{exports.status}")
    audit = admin.get("/admin/audit?Action=AccessDenied")
    rows = len(re.findall(r"AccessDenied</td>", audit.text))
    check("refusals are on the Audit log page", audit.status == 200 and rows > 0, f"{rows} rows")
    check("the hash chain is intact", "Chain intact" in audit.text)
    if proxy:
        check(f"the audit log records the client's address {proxy}, not the proxy's", proxy in audit.text)


def probe_proxy_headers(base, proxy):
    print("Behind the TLS-terminating proxy")
    browser = Session(base, proxy)
    page = browser.get("/account/sign-in")
    cookies = page.headers.get_all("Set-Cookie") or []
    check("every cookie set is Secure with a __Host- name", bool(cookies) and all("secure" in c.lower() and c.startswith("__Host-") for c in cookies),
          "; ".join(c.split("=")[0] for c in cookies))
    check("HSTS is sent", "max-age" in (page.headers.get("Strict-Transport-Security") or ""))
    redirect = browser.get("/")
    check("redirects do not say http://", not redirect.location.startswith("http://"), redirect.location)


def probe_password_reset(base, password, proxy, pickup):
    print("A forgotten password is reset from an emailed link")
    browser = Session(base, proxy)
    before = set(Path(pickup).glob("*.eml")) if pickup else set()
    browser.get("/account/forgot-password")
    asked = browser.post("/account/forgot-password", [("Email", "sm@demo.example")])
    check("the page answers 'Check your email'", "Check your email" in asked.text)
    if not pickup:
        return
    deadline = time.time() + 120
    new = []
    while time.time() < deadline and not new:
        time.sleep(3)
        new = [p for p in Path(pickup).glob("*.eml") if p not in before and "sm@demo.example" in p.read_text(errors="replace")]
    check("the reset email arrives in the pickup folder", bool(new))
    if not new:
        return
    message = new[0].read_text(errors="replace").replace("=\r\n", "").replace("=\n", "").replace("=3D", "=")
    link = re.search(r"https?://[^\s\"<>]+/account/reset-password\?[^\s\"<>]+", message)
    check("the email holds a reset link", bool(link))
    if not link:
        return
    path = urllib.parse.urlsplit(html.unescape(link.group(0)))
    form = browser.get(path.path + "?" + path.query)
    fields = dict(re.findall(r'<input[^>]*type="hidden"[^>]*name="(User|Token)"[^>]*value="([^"]*)"', form.text))
    fields.update({k: html.unescape(v) for k, v in fields.items()})
    new_password = "Probe-Harbour-Lamp-91"
    done = browser.post("/account/reset-password", list(fields.items()) + [("NewPassword", new_password), ("ConfirmPassword", new_password)])
    check("setting a new password from the link works", done.status == 302, f"{done.status} {error_summary(done.text)[:80]}")
    again = Session(base, proxy)
    again.get("/account/sign-in")
    signed = again.post("/account/sign-in", [("Email", "sm@demo.example"), ("Password", new_password)])
    check("the new password signs in", signed.status == 302)
    reuse = browser.post("/account/reset-password", list(fields.items()) + [("NewPassword", "Other-" + new_password), ("ConfirmPassword", "Other-" + new_password)])
    check("the link works once", reuse.status == 400, str(reuse.status))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base")
    parser.add_argument("--password", required=True)
    parser.add_argument("--proxy-address")
    parser.add_argument("--pickup-folder")
    args = parser.parse_args()
    print(f"Probing {args.base}" + (f" as proxied client {args.proxy_address}" if args.proxy_address else ""))
    probe_sign_in(args.base, args.password, args.proxy_address)
    if args.proxy_address:
        probe_proxy_headers(args.base, args.proxy_address)
    probe_family(args.base, args.password, args.proxy_address)
    probe_learner(args.base, args.password, args.proxy_address)
    probe_input_and_stale_saves(args.base, args.password, args.proxy_address)
    probe_administrator(args.base, args.password, args.proxy_address)
    probe_password_reset(args.base, args.password, args.proxy_address, args.pickup_folder)
    failed = RESULTS.count(False)
    print(f"{len(RESULTS) - failed} checks passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
