"""Alerts by e-mail: one message per alert, over SMTP, upgraded with STARTTLS before anything
is sent (the server's certificate is verified, against ``ca_file`` when given).

The Message-ID is made from the alert key, so a mail client shows a repeat as the same message.
"""

from __future__ import annotations

import hashlib
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

from ..model import Alert
from .base import DeliveryError

__all__ = ["EmailSink"]


class EmailSink:
    def __init__(self, to: list[str], server: str, *, sender: str | None = None,
                 starttls: bool = True, username: str | None = None,
                 password: str | None = None, ca_file: Path | None = None,
                 timeout: float = 10.0, base_url: str = "") -> None:
        host, _, port = server.partition(":")
        self.host, self.port = host, int(port or 587)
        self.to = to
        self.id = f"email:{','.join(to)}@{self.host}:{self.port}"
        self.sender = sender or f"trucewatch@{self.host}"
        self.starttls = starttls
        self.username, self.password = username, password
        self.ca_file = ca_file
        self.timeout = timeout
        self.base_url = base_url

    def message(self, alert: Alert) -> EmailMessage:
        message = EmailMessage()
        message["Subject"] = f"[trucewatch] {alert.text}"[:250]
        message["From"] = self.sender
        message["To"] = ", ".join(self.to)
        message["Date"] = formatdate(localtime=False)
        digest = hashlib.sha256(alert.key.encode()).hexdigest()[:32]
        message["Message-ID"] = f"<{digest}@trucewatch>"
        lines = [alert.text, ""]
        for name in ("kind", "agreement", "commitment", "reading", "party"):
            value = getattr(alert, name)
            if value:
                lines.append(f"{name}: {value}")
        if alert.incidents:
            lines.append(f"incidents: {', '.join(alert.incidents)}")
        lines.append(f"rule: {alert.rule}")
        lines.append(f"key: {alert.key}")
        lines += ["", *(f"{name}: {link}" for name, link in alert.links(self.base_url).items())]
        for item in alert.detail.get("alerts", []):
            lines.append(f"- {item['text']}")
        if alert.detail.get("more"):
            lines.append(f"... and {alert.detail['more']} more on the dashboard's alerts page")
        message.set_content("\n".join(lines) + "\n")
        return message

    def deliver(self, alert: Alert) -> None:
        message = self.message(alert)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                smtp.ehlo()
                if self.starttls:
                    context = ssl.create_default_context(
                        cafile=str(self.ca_file) if self.ca_file else None)
                    smtp.starttls(context=context)
                    smtp.ehlo()
                if self.username:
                    smtp.login(self.username, self.password or "")
                smtp.send_message(message)
        except smtplib.SMTPNotSupportedError as exc:
            raise DeliveryError(f"mail server {self.host}:{self.port} does not offer STARTTLS; "
                                "nothing was sent") from exc
        except (smtplib.SMTPException, OSError, ssl.SSLError) as exc:
            raise DeliveryError(f"mail server {self.host}:{self.port}: {exc}") from exc
