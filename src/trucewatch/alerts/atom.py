"""Alerts as an Atom feed (RFC 4287), for feed readers and chat tools that follow feeds."""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET

from .model import Alert

__all__ = ["atom_feed", "entry_id"]

_ATOM = "http://www.w3.org/2005/Atom"


def entry_id(alert: Alert) -> str:
    """The entry's permanent id: a UUID made from the alert key (the same on every read)."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'trucewatch:alert:' + alert.key)}"


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{_ATOM}}}{tag}", attributes)
    element.text = text
    return element


def _stamp(moment: dt.datetime | None) -> str:
    return (moment or dt.datetime(1970, 1, 1, tzinfo=dt.UTC)).astimezone(dt.UTC).isoformat(
        timespec="seconds").replace("+00:00", "Z")


def atom_feed(alerts: list[Alert], *, base_url: str, feed_url: str,
              title: str = "trucewatch alerts") -> bytes:
    """The feed of ``alerts`` (newest first); links are made absolute with ``base_url``."""
    ET.register_namespace("", _ATOM)
    feed = ET.Element(f"{{{_ATOM}}}feed")
    _text(feed, "title", title)
    _text(feed, "id", f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, feed_url)}")
    _text(feed, "updated", _stamp(max((a.created for a in alerts if a.created), default=None)))
    ET.SubElement(feed, f"{{{_ATOM}}}link", {"rel": "self", "href": feed_url,
                                             "type": "application/atom+xml"})
    ET.SubElement(feed, f"{{{_ATOM}}}link", {"rel": "alternate",
                                             "href": base_url.rstrip("/") + "/alerts"})
    author = ET.SubElement(feed, f"{{{_ATOM}}}author")
    _text(author, "name", "trucewatch")
    for alert in alerts:
        entry = ET.SubElement(feed, f"{{{_ATOM}}}entry")
        _text(entry, "id", entry_id(alert))
        _text(entry, "title", alert.text)
        _text(entry, "updated", _stamp(alert.created))
        links = alert.links(base_url)
        ET.SubElement(entry, f"{{{_ATOM}}}link", {"rel": "alternate",
                                                  "href": links["dashboard"]})
        ET.SubElement(entry, f"{{{_ATOM}}}category", {"term": alert.kind})
        lines = [alert.text]
        for name in ("agreement", "commitment", "reading", "party"):
            if value := getattr(alert, name):
                lines.append(f"{name}: {value}")
        if alert.incidents:
            lines.append(f"incidents: {', '.join(alert.incidents)}")
        if "explain" in links:
            lines.append(links["explain"])
        lines.append(f"key: {alert.key}")
        _text(entry, "content", "\n".join(lines), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
