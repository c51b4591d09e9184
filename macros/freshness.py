"""Which practices are due for a check: not updated for more than twelve months.

A practice that nobody has looked at for a year may describe people, contacts or results
that have changed. The /te-actualiseren/ page lists them so editors know where to start.
The date comes from the build (or SOURCE_DATE_EPOCH, for reproducible builds), never from
the visitor's clock, so the list on the site and the list in a test agree.
"""
from __future__ import annotations

import os
from datetime import date, datetime, timezone

from .catalogue import Catalogue
from .records import Record

MONTHS = 12
COLLECTION = "praktijken"


def build_date() -> date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


def cutoff(today: date, months: int = MONTHS) -> date:
    """The same day `months` earlier (29 February falls back to the 28th)."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    day = today.day
    while True:
        try:
            return date(year, month + 1, day)
        except ValueError:  # 31 March → 28 or 29 February
            day -= 1


def stale_practices(catalogue: Catalogue, today: date, months: int = MONTHS) -> list[Record]:
    """Practices whose `bijgewerkt` lies more than `months` before `today`, oldest first."""
    limit = cutoff(today, months)
    found = [r for r in catalogue.by_collection[COLLECTION] if date.fromisoformat(r.get("bijgewerkt")) < limit]
    return sorted(found, key=lambda r: (r.get("bijgewerkt"), r.title.casefold()))
