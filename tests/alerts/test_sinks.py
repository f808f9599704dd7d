"""The sinks against real receivers: a webhook that checks signatures, an SMTP server that
requires STARTTLS, a JSON-lines file; and delivery state across failures and restarts."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from aiosmtpd.controller import Controller

from tests.watch.conftest import SECRET
from tests.watch.servers import Inbox, free_port
from trucewatch.alerts import Alert, deliver_pending
from trucewatch.alerts.deliver import retry_delay
from trucewatch.alerts.sinks import DeliveryError, EmailSink, JsonlSink, WebhookSink, signature
from trucewatch.alerts.store import alert_deliveries, insert_alerts

NOW = dt.datetime(2025, 4, 10, 12, tzinfo=dt.UTC)


def _alert(n: int = 1, text: str = "First violation by UA") -> Alert:
    return Alert(key=f"first_violation:a:c:RU:UA{n}", kind="first_violation",
                 rule="first_violation", text=text, agreement="a", commitment="c",
                 reading="RU", party="UA", incidents=["inc-1"], created=NOW)


def test_webhook_signs_and_retries_server_errors(hook):
    hook.fail_next = 2
    waits: list[float] = []
    sink = WebhookSink(hook.url, SECRET, retries=3, sleep=waits.append)
    sink.deliver(_alert())
    assert waits == [1.0, 2.0]  # two 500s, then taken
    [(key, valid, body)] = hook.received
    assert (key, valid, body["kind"], body["party"]) == (
        "first_violation:a:c:RU:UA1", True, "first_violation", "UA")


def test_webhook_signature_is_hmac_sha256_of_the_body():
    # RFC 4231 test case 2
    assert signature(b"Jefe", b"what do ya want for nothing?") == (
        "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")


def test_a_wrong_secret_is_refused_by_the_receiver(hook):
    with pytest.raises(DeliveryError, match="answered 401"):
        WebhookSink(hook.url, "another secret", retries=2, sleep=lambda s: None).deliver(_alert())
    assert [valid for _, valid, _ in hook.received] == [False]  # a 4xx is not retried


def test_email_goes_over_starttls(smtp, tls_files):
    inbox, port = smtp
    sink = EmailSink(["analysts@example.org"], f"127.0.0.1:{port}", ca_file=tls_files[0],
                     base_url="http://127.0.0.1:8000")
    sink.deliver(_alert(text="First violation by UA\nunder RU's reading <b>"))
    [(message, tls)] = inbox.messages
    assert tls
    assert " ".join(message["Subject"].split()) == (
        "[trucewatch] First violation by UA under RU's reading <b>")
    body = message.get_payload()
    assert "reading: RU" in body and "http://127.0.0.1:8000/incidents/inc-1" in body
    assert message["Message-ID"].endswith("@trucewatch>")


def test_email_is_not_sent_to_an_untrusted_certificate(smtp):
    inbox, port = smtp
    with pytest.raises(DeliveryError, match="CERTIFICATE_VERIFY_FAILED"):
        EmailSink(["a@example.org"], f"127.0.0.1:{port}").deliver(_alert())
    assert inbox.messages == []


def test_email_is_not_sent_without_starttls():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        with pytest.raises(DeliveryError, match="does not offer STARTTLS; nothing was sent"):
            EmailSink(["a@example.org"], f"127.0.0.1:{controller.port}").deliver(_alert())
    finally:
        controller.stop()
    assert inbox.messages == []


def test_jsonl_writes_each_key_once_even_after_a_crash(tmp_path):
    path = tmp_path / "out" / "alerts.jsonl"
    JsonlSink(path).deliver(_alert(1))
    with path.open("a") as stream:
        stream.write('{"key": "cut sho')  # a line a crash cut short
    restarted = JsonlSink(path)  # a new process: the delivery of alert 1 was not recorded
    restarted.deliver(_alert(1))
    restarted.deliver(_alert(2))
    keys = []
    for line in path.read_text().splitlines():
        try:
            keys.append(json.loads(line)["key"])
        except ValueError:
            continue
    assert keys == ["first_violation:a:c:RU:UA1", "first_violation:a:c:RU:UA2"]


class _Broken:
    id = "broken"

    def __init__(self) -> None:
        self.tried: list[str] = []

    def deliver(self, alert: Alert) -> None:
        self.tried.append(alert.key)
        raise DeliveryError("down")


def test_a_failed_delivery_stays_pending_and_waits(store, tmp_path):
    sink, broken = JsonlSink(tmp_path / "a.jsonl"), _Broken()
    alerts = [_alert(1), _alert(2)]
    with store.transaction() as conn:
        insert_alerts(conn, alerts, now=NOW, sinks=[sink.id, broken.id])
    clock = [NOW]

    def submit(job):
        return job(store)

    report = deliver_pending(submit, [sink, broken], now=lambda: clock[0])
    assert report.delivered == 2
    assert broken.tried == [alerts[0].key]  # the sink is not hammered with the second
    states = alert_deliveries(store.conn, [a.key for a in alerts])
    failed = next(d for d in states[alerts[0].key] if d["sink"] == "broken")
    assert failed["state"] == "pending" and failed["last_error"] == "down"
    assert failed["next_attempt_at"] == NOW + retry_delay(1)
    assert deliver_pending(submit, [sink, broken], now=lambda: clock[0]).delivered == 0
    assert broken.tried == [alerts[0].key]  # not due yet
    clock[0] = NOW + dt.timedelta(hours=2)
    deliver_pending(submit, [sink, broken], now=lambda: clock[0])
    assert broken.tried == [alerts[0].key, alerts[0].key]


def test_stopping_ends_delivery_between_alerts(store, tmp_path):
    sink = JsonlSink(tmp_path / "a.jsonl")
    with store.transaction() as conn:
        insert_alerts(conn, [_alert(1), _alert(2)], now=NOW, sinks=[sink.id])
    stop = threading.Event()
    stop.set()
    report = deliver_pending(lambda job: job(store), [sink], now=lambda: NOW, stop=stop)
    assert report.delivered == 0


def test_retry_delay_grows_to_an_hour():
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 8, 20)] == [
        60, 120, 240, 3600, 3600]
