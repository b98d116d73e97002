#!/usr/bin/env python3
"""Signs in to a running copy (behind the pretend TLS proxy of load-benchmark.sh) and prints the Cookie
header value that carries the session, for `hey -H "Cookie: ..."`.

    load_sign_in.py <base address> <email> <password>
"""
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

base, email, password = sys.argv[1:4]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


cookies = {}


def request(path, data=None):
    headers = {"X-Forwarded-Proto": "https"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = urllib.parse.urlencode(data).encode() if data else None
    opener = urllib.request.build_opener(NoRedirect)
    try:
        response = opener.open(urllib.request.Request(base + path, data=body, headers=headers))
    except urllib.error.HTTPError as error:
        response = error
    # The cookies are Secure (the app believes it is behind TLS), so they are kept by hand.
    for header in response.headers.get_all("Set-Cookie") or []:
        name, value = header.split(";", 1)[0].split("=", 1)
        cookies[name] = value
    return response.status, response.read().decode("utf-8", "replace")


_, page = request("/account/sign-in")
token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1)
status, _ = request("/account/sign-in", {"Email": email, "Password": password, "__RequestVerificationToken": token})
if status != 302:
    sys.exit(f"Sign-in as {email} answered {status}")
print("; ".join(f"{k}={v}" for k, v in cookies.items()))
