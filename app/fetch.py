"""Fetching pages and feeds from the web, carefully.

Only http and https; every hop of a redirect chain is resolved through DNS and refused when any of
its addresses is private, loopback, link-local or otherwise not global (unless the operator sets
ITINERANT_FETCH_ALLOW_PRIVATE); the connection then goes to the address that was checked, so a
second DNS answer cannot slip another one in. Each site's robots.txt is read and obeyed. A fetch
has one deadline for all its hops, a size cap on the body (the service's body limit), a limit on
redirects, and a user agent that names the service. Every failure is a geo.errors class whose
message says what went wrong: FetchRefusedError (a URL not to fetch), FetchTimeoutError, FetchError.

`normalise_url` gives the identity of a URL: the same page under another spelling (scheme and host
case, a default port, tracking parameters, a fragment) has the same key.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from importlib import metadata
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx

from app.settings import Settings
from geo.errors import FetchError, FetchRefusedError, FetchTimeoutError, InvalidInputError

__all__ = ["Fetched", "Fetcher", "normalise_url", "user_agent", "ROBOTS_AGENT"]

ROBOTS_AGENT = "itinerant"  # the token robots.txt rules name
ROBOTS_TTL_SECONDS = 3600.0
DEFAULT_PORTS = {"http": 80, "https": 443}
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Query parameters that say how a reader arrived, not what they read.
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_hsenc"}
    | {"_hsmi", "mkt_tok", "ocid", "cmpid", "ref_src", "ref_url", "smid", "sr_share", "at_medium", "at_campaign"}
)
TRACKING_PREFIXES = ("utm_", "_ga", "_gl")


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def _split(url: str, field: str = "url"):
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise InvalidInputError(f"{url!r} is not a URL: {exc}", field=field) from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise FetchRefusedError(f"only http and https URLs are fetched, not {scheme or 'a bare path'}", field=field)
    if not parts.hostname:
        raise InvalidInputError(f"{url!r} names no host", field=field)
    return parts, scheme, parts.hostname.rstrip("."), port


def _netloc(host: str, port: int | None, scheme: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return shown if port is None or port == DEFAULT_PORTS[scheme] else f"{shown}:{port}"


def normalise_url(url: str) -> str:
    """The URL's identity: scheme and host in lower case, no default port, credentials, fragment or
    tracking parameters (utm_*, fbclid...), the other parameters sorted, an empty path as "/"."""
    parts, scheme, host, port = _split(url)
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k))
    return urlunsplit((scheme, _netloc(host, port, scheme), parts.path or "/", urlencode(query), ""))


def user_agent(settings: Settings | None = None) -> str:
    """itinerant/VERSION, with the service's public URL where it has one; or the configured agent."""
    if settings is not None and settings.fetch_user_agent:
        return settings.fetch_user_agent
    try:
        version = metadata.version("itinerant")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a bare source tree
        version = "0"
    contact = f"; +{settings.public_url}" if settings is not None and settings.public_url else ""
    return f"itinerant/{version} (news reader{contact})"


@dataclass(frozen=True)
class Fetched:
    url: str  # where the content came from, after redirects
    status: int
    content: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True)
class _Target:
    """One hop, checked: the URL to ask (its host replaced by the checked address) and its Host header."""

    url: str
    host_header: str
    sni_hostname: str | None


class Fetcher:
    """A careful HTTP client for pages and feeds, safe to share between threads."""

    def __init__(
        self,
        *,
        max_bytes: int,
        timeout: float = 15.0,
        max_redirects: int = 5,
        agent: str | None = None,
        allow_private: bool = False,
        allowed_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = (),
        transport: httpx.BaseTransport | None = None,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.max_redirects = max_redirects
        self.allow_private = allow_private
        # Non-public networks let in one by one (a test's own loopback server), the rest still refused.
        self.allowed_networks = allowed_networks
        self.agent = agent or user_agent()
        # No connection is kept alive: a connection made for one host name must not carry another's request.
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": self.agent},
            limits=httpx.Limits(max_keepalive_connections=0),
            transport=transport,
            # Certificates are checked against the host name of the URL (sent as SNI), not the
            # address the connection is pinned to; `verify` is a trust store other than the
            # system's, for a private certificate authority.
            verify=verify,
        )
        self._robots: dict[str, tuple[float, RobotFileParser]] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> Fetcher:
        return cls(
            max_bytes=settings.max_body_bytes,
            timeout=settings.fetch_timeout_seconds,
            max_redirects=settings.fetch_max_redirects,
            agent=user_agent(settings),
            allow_private=settings.fetch_allow_private,
        )

    def close(self) -> None:
        self._client.close()

    def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None, accept: str | None = None
    ) -> Fetched:
        """The body at `url`, after redirects; a 304 when the validators still hold. Raises on any failure."""
        headers = {"Accept": accept or "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        fetched = self._request(url, headers, time.monotonic() + self.timeout, robots=True)
        if fetched.status >= 400:
            reason = httpx.codes.get_reason_phrase(fetched.status) or "error"
            raise FetchError(f"{fetched.url} answered {fetched.status} {reason}")
        return fetched

    # -- one request, with its redirects -----------------------------------------------------

    def _request(self, url: str, headers: dict[str, str], deadline: float, *, robots: bool) -> Fetched:
        current = url
        for _hop in range(self.max_redirects + 1):
            target = self._check(current)
            if robots:
                self._obey_robots(current, deadline)
            fetched, location = self._get(current, target, headers, deadline)
            if location is None:
                return fetched
            current = urljoin(current, location)
        raise FetchError(f"{url} redirects more than {self.max_redirects} times")

    def _check(self, url: str) -> _Target:
        """Refuse what is not to be fetched; pin the hop to an address that was checked."""
        parts, scheme, host, port = _split(url)
        if parts.username or parts.password:
            raise FetchRefusedError("URLs with a user name or password are not fetched", field="url")
        port = port or DEFAULT_PORTS[scheme]
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError(f"{host} could not be resolved: {exc}") from None
        addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
        if not addresses:  # pragma: no cover - getaddrinfo raises instead
            raise FetchError(f"{host} has no address")
        if not self.allow_private:
            for address in addresses:
                if _not_public(address) and not any(address in network for network in self.allowed_networks):
                    raise FetchRefusedError(
                        f"{host} is at {address}, a private, loopback or reserved address; such addresses are "
                        "fetched only when ITINERANT_FETCH_ALLOW_PRIVATE is set",
                        field="url",
                    )
        address = addresses[0]
        shown = f"[{address}]" if address.version == 6 else str(address)
        pinned = urlunsplit((scheme, f"{shown}:{port}", parts.path or "/", parts.query, ""))
        return _Target(pinned, _netloc(host, port, scheme), host if scheme == "https" else None)

    def _get(self, url: str, target: _Target, headers: dict[str, str], deadline: float):
        extensions = {"sni_hostname": target.sni_hostname} if target.sni_hostname else {}
        try:
            with self._client.stream(
                "GET", target.url, headers={**headers, "Host": target.host_header}, extensions=extensions
            ) as response:
                if response.status_code in REDIRECTS and response.headers.get("location"):
                    return None, response.headers["location"]
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(f"{url} is {int(declared)} bytes, over the limit of {self.max_bytes}")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise FetchError(f"{url} is over the limit of {self.max_bytes} bytes")
                    if time.monotonic() > deadline:
                        raise FetchTimeoutError(f"{url} took longer than {self.timeout:g} s")
                fetched = Fetched(
                    url=url,
                    status=response.status_code,
                    content=bytes(body),
                    content_type=response.headers.get("content-type", ""),
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                )
                return fetched, None
        except httpx.TimeoutException:
            raise FetchTimeoutError(f"{url} did not answer within {self.timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{url} could not be read: {exc}") from None

    # -- robots.txt ---------------------------------------------------------------------------

    def _obey_robots(self, url: str, deadline: float) -> None:
        _parts, scheme, host, port = _split(url)
        origin = f"{scheme}://{_netloc(host, port, scheme)}"
        with self._lock:
            cached = self._robots.get(origin)
        if cached is None or cached[0] < time.monotonic():
            rules = self._read_robots(origin, deadline)
            with self._lock:
                self._robots[origin] = (time.monotonic() + ROBOTS_TTL_SECONDS, rules)
        else:
            rules = cached[1]
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise FetchRefusedError(f"{origin}/robots.txt does not allow {ROBOTS_AGENT} to read {url}", field="url")

    def _read_robots(self, origin: str, deadline: float) -> RobotFileParser:
        """The site's rules (RFC 9309): none when robots.txt is missing, a refusal while its server fails."""
        rules = RobotFileParser(f"{origin}/robots.txt")
        fetched = self._request(f"{origin}/robots.txt", {"Accept": "text/plain"}, deadline, robots=False)
        if fetched.status >= 500:
            raise FetchError(f"{origin}/robots.txt answered {fetched.status}: the site asks to be left alone for now")
        if fetched.status >= 400:
            rules.allow_all = True
        else:
            rules.parse(fetched.content.decode("utf-8", errors="replace").splitlines())
        return rules


def _not_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not address.is_global or address.is_multicast
