"""Assessment: every incident judged under every reading of every halt_strikes commitment.

The rules are SQL (:mod:`trucewatch.assess.rules`), run set-based in DuckDB.
"""

from trucewatch.assess.engine import assess, assess_readings
from trucewatch.assess.rules import RULES
from trucewatch.assess.summary import Assessment, summarise

__all__ = ["RULES", "Assessment", "assess", "assess_readings", "summarise"]
