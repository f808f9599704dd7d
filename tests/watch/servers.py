"""Real servers on the loopback for the watcher and alert tests: a web site whose feeds and
pages change between polls, a webhook receiver that checks signatures, and an SMTP server
with STARTTLS on a throwaway self-signed certificate."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import http.server
import ipaddress
import json
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from aiosmtpd.controller import Controller
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


@dataclass
class Entry:
    """One feed entry."""

    id: str
    title: str
    text: str
    published: str  # ISO 8601 with zone
    updated: str | None = None


def atom(title: str, entries: list[Entry]) -> bytes:
    """An Atom feed of ``entries``."""
    parts = ['<?xml version="1.0" encoding="utf-8"?>',
             '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
             f"<title>{escape(title)}</title><id>urn:test:{escape(title)}</id>",
             f"<updated>{entries[-1].updated or entries[-1].published if entries else ''}"
             "</updated>"]
    for e in entries:
        parts.append(
            f"<entry><title>{escape(e.title)}</title><id>{escape(e.id)}</id>"
            f'<link href="https://news.example.org/{escape(e.id)}"/>'
            f"<published>{e.published}</published><updated>{e.updated or e.published}</updated>"
            f'<summary type="text">{escape(e.text)}</summary></entry>')
    parts.append("</feed>")
    return "\n".join(parts).encode()


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/atom+xml"
    status: int = 200
    delay: float = 0.0
    etag: bool = True
    last_modified: str | None = "Fri, 28 Mar 2025 09:00:00 GMT"
    hold: threading.Event | None = None  # answer only once set


@dataclass
class Site:
    """What the site serves, changed by the tests between polls, and what it was asked."""

    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    arrived: threading.Event = field(default_factory=threading.Event)
    url: str = ""

    def count(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


class _SiteHandler(http.server.BaseHTTPRequestHandler):
    site: Site

    def do_GET(self) -> None:
        site = self.server.site  # type: ignore[attr-defined]
        site.requests.append((self.path, dict(self.headers)))
        site.arrived.set()
        route = site.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        if route.hold is not None:
            route.hold.wait(30)
        if route.delay:
            time.sleep(route.delay)
        try:
            if route.status != 200:
                self.send_error(route.status)
                return
            tag = f'"{hashlib.sha1(route.body).hexdigest()[:16]}"'
            unchanged = (route.etag and self.headers.get("If-None-Match") == tag) or (
                not route.etag and route.last_modified is not None
                and self.headers.get("If-Modified-Since") == route.last_modified)
            self.send_response(304 if unchanged else 200)
            if route.etag:
                self.send_header("ETag", tag)
            if route.last_modified:
                self.send_header("Last-Modified", route.last_modified)
            if unchanged:
                self.end_headers()
                return
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting

    def log_message(self, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


def serve(handler: type[http.server.BaseHTTPRequestHandler], state: Any, attribute: str
          ) -> tuple[_Server, threading.Thread]:
    server = _Server(("127.0.0.1", 0), handler)
    setattr(server, attribute, state)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


def start_site() -> tuple[Site, _Server]:
    site = Site()
    server, _ = serve(_SiteHandler, site, "site")
    site.url = f"http://127.0.0.1:{server.server_address[1]}"
    return site, server


@dataclass
class Hook:
    """What the webhook receiver got: (delivery key, signature valid, alert) per request."""

    secret: bytes
    received: list[tuple[str, bool, dict[str, Any]]] = field(default_factory=list)
    fail_next: int = 0
    url: str = ""
    hold: threading.Event | None = None  # hold each request, unanswered, until set
    arrived: threading.Event = field(default_factory=threading.Event)

    def keys(self) -> list[str]:
        return [key for key, valid, _ in self.received if valid]


class _HookHandler(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        hook: Hook = self.server.hook  # type: ignore[attr-defined]
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        hold = hook.hold
        if hold is not None:
            hook.arrived.set()
            hold.wait(60)
            return  # the sender is gone: this request is dropped unanswered
        if hook.fail_next > 0:
            hook.fail_next -= 1
            self.send_error(500)
            return
        expected = "sha256=" + hmac.new(hook.secret, body, hashlib.sha256).hexdigest()
        valid = hmac.compare_digest(expected, self.headers.get("X-Trucewatch-Signature", ""))
        hook.received.append((self.headers.get("X-Trucewatch-Delivery", ""), valid,
                              json.loads(body)))
        self.send_response(204 if valid else 401)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def start_hook(secret: bytes) -> tuple[Hook, _Server]:
    hook = Hook(secret)
    server, _ = serve(_HookHandler, hook, "hook")
    hook.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    return hook, server


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A throwaway certificate for 127.0.0.1 and localhost, and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "trucewatch test")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(hours=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([
                x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]),
                critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@dataclass
class Inbox:
    """Messages the SMTP server accepted, with whether the session was under TLS."""

    messages: list[tuple[Message, bool]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((message_from_bytes(envelope.content), session.ssl is not None))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_smtp(cert: Path, key: Path) -> tuple[Inbox, Controller]:
    """An SMTP server on the loopback that requires STARTTLS before mail."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), tls_context=context,
                            require_starttls=True)
    controller.start()
    return inbox, controller
