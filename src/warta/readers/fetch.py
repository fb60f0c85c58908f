"""A polite fetcher for URL lists and feed links.

Polite means: a timeout and a size cap on every request, robots.txt obeyed (read once per
host), at most one request per host per ``fetch_delay`` seconds, an honest User-Agent, and no
``file:`` URLs or private, loopback or link-local addresses unless ``fetch_allow_private``
(a crawler pointed at a feed must not be steered into the user's own network).
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from warta.config import Options
from warta.errors import InputError

USER_AGENT = "Warta/1 (+https://github.com/warta-news/warta; news evidence extraction)"


class FetchError(InputError):
    code = "input.fetch"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str
    fetched: str  # ISO 8601, UTC


class Fetcher:
    def __init__(self, options: Options, transport=None):
        import httpx

        self.options = options
        self._client = httpx.Client(timeout=options.fetch_timeout, follow_redirects=False, transport=transport,
                                    headers={"User-Agent": USER_AGENT})
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str) -> Fetched:
        """The page at ``url``; raises FetchError with the reason when it may not or cannot be read."""
        import httpx

        for _ in range(5):  # redirects, each one checked like the first URL
            try:
                self._check(url)
            except (ValueError, httpx.InvalidURL) as exc:  # UnicodeError (an IDNA label) is one too
                raise FetchError(f"{url!r} is not a URL that can be fetched: {exc}") from None
            self._wait(url)
            try:
                with self._client.stream("GET", url) as response:
                    if response.is_redirect and "location" in response.headers:
                        url = str(response.url.join(response.headers["location"]))
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"{url} answered HTTP {response.status_code}")
                    data = bytearray()
                    for chunk in response.iter_bytes():
                        data += chunk
                        if len(data) > self.options.max_input_bytes:
                            raise FetchError(f"{url} is over the {self.options.max_input_bytes:,}-byte limit")
                    return Fetched(str(response.url), bytes(data), response.headers.get("content-type", ""),
                                   datetime.now(UTC).isoformat(timespec="seconds"))
            except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
                raise FetchError(f"cannot fetch {url!r}: {type(exc).__name__}: {exc}") from exc
        raise FetchError(f"{url}: too many redirects")

    def _check(self, url: str) -> None:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"{url}: only http and https URLs are fetched")
        if not parts.hostname:
            raise FetchError(f"{url}: no host")
        if not self.options.fetch_allow_private and _private(parts.hostname):
            raise FetchError(f"{url}: {parts.hostname} is a private, loopback or link-local address "
                             "(set fetch_allow_private to fetch it)")
        robots = self._robots_for(parts.scheme, parts.netloc)
        if robots is not None and not robots.can_fetch(USER_AGENT, url):
            raise FetchError(f"{url}: disallowed by {parts.netloc}/robots.txt")

    def _wait(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last.get(host)
        if last is not None:
            pause = self.options.fetch_delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def _robots_for(self, scheme: str, netloc: str) -> urllib.robotparser.RobotFileParser | None:
        if netloc in self._robots:
            return self._robots[netloc]
        import httpx

        parser = None
        robots_url = f"{scheme}://{netloc}/robots.txt"
        self._wait(robots_url)
        try:
            response = self._client.get(robots_url)
            if response.status_code < 400:
                parser = urllib.robotparser.RobotFileParser(robots_url)
                parser.parse(response.text.splitlines())
        except httpx.HTTPError:
            parser = None  # no robots.txt to be read: nothing is disallowed
        except httpx.InvalidURL as exc:
            raise FetchError(f"{robots_url!r} is not a URL that can be fetched: {exc}") from None
        self._robots[netloc] = parser
        return parser


def _private(host: str) -> bool:
    """Whether ``host`` is, or resolves to, an address outside the public internet."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror:
        return False  # unresolvable: the request itself will fail and say so
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            return True
    return False
