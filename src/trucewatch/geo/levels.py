"""The first-level ISO 3166-2 region of any subdivision code.

Natural Earth's admin-1 outlines are, for some countries, second-level subdivisions (the
departments of France, the districts of Sri Lanka, the provinces of Italy and Burkina Faso);
trucewatch's ``admin1`` is the first level, so such codes are lifted to their parent
(``LK-11`` -> ``LK-1``), following pycountry's ``parent_code``.
"""

from __future__ import annotations

from functools import cache

import pycountry

__all__ = ["first_level"]


@cache
def first_level(code: str) -> str:
    """``code``'s top-level parent region, or ``code`` itself when it has none."""
    seen = {code}
    while True:
        subdivision = pycountry.subdivisions.get(code=code)
        parent = getattr(subdivision, "parent_code", None) if subdivision else None
        if not parent or parent in seen:
            return code
        seen.add(parent)
        code = parent
