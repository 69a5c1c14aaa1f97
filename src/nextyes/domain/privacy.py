"""What in a person's own words stays out of anything shared unless they choose otherwise.

Money is private by default (DESIGN: private by default). A note written on a stage change
("Offer: €62k, 28 days leave") carries no flag of its own, so it is read for money: an amount
with a currency, a "62k", or pay words with a number.
"""

from __future__ import annotations

import re

_MONEY = re.compile(
    r"[€$£¥₹]\s?\d|\d\s?[€$£¥₹]"  # €62k, 62 000 €
    r"|\b\d[\d,.\s]*\s?(?:k|K|m|M)\b(?!\w)"  # 62k, 1.2m
    r"|\b(?:eur|gbp|usd|chf|cad|aud|sek|nok|dkk|inr|jpy)\s?\d|\d\s?(?:eur|gbp|usd|chf|cad|aud"
    r"|sek|nok|dkk|inr|jpy)\b"
    r"|\b(?:salary|pay|bonus|equity|stock options?|compensation|per annum|p\.a\.|an hour|"
    r"per hour|rate)\b[^.\n]{0,40}\d",
    re.IGNORECASE,
)


def mentions_money(text: str | None) -> bool:
    """Whether `text` talks about money (a salary, an offer's pay, a rate)."""
    return bool(text) and _MONEY.search(str(text)) is not None
