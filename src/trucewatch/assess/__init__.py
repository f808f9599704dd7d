"""Assessment: every incident judged under every reading of every halt_strikes commitment.

The rules are SQL (:mod:`trucewatch.assess.rules`), run set-based in DuckDB; analysts'
reviews (:mod:`trucewatch.assess.reviews`) are applied after them, and the verdict index
(:mod:`trucewatch.assess.index`) lets incident queries filter by verdict without a join.
"""

from trucewatch.assess.engine import assess, assess_readings
from trucewatch.assess.index import index_verdicts
from trucewatch.assess.rules import RULES
from trucewatch.assess.summary import Assessment, summarise

__all__ = ["RULES", "Assessment", "assess", "assess_readings", "index_verdicts", "summarise"]
