"""General rules for the classes of error seen on the sixth blind round of real news (issue 9).

The texts here are written for each rule, never copied from the articles.
"""

from __future__ import annotations

from tests.text.facts import facts

# --- 1. Ukrainian text that lost its apostrophes ("обєкт") reads like text that kept them ---

def test_targets_without_their_apostrophe_are_targets():
    kept = "Уночі російські дрони вдарили по енергооб'єктах у Херсоні та на Полтавщині."
    lost = kept.replace("'", "")
    read = facts(lost, "uk", "admin1", "target_class")
    assert read == facts(kept, "uk", "admin1", "target_class")
    assert read == {("UA-65", "energy.other"), ("UA-53", "energy.other")}
