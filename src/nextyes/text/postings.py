"""Read a job posting page: company, role, location, salary and link, and the posting's text.

Most job boards and applicant-tracking systems publish a schema.org `JobPosting` as JSON-LD in
the page (for search engines); that is read first, wherever it sits (a list, an `@graph`, a
nested `hiringOrganization`, a `baseSalary` given as a MonetaryAmount with a QuantitativeValue,
a description in HTML). Without it, the page's title, headings and labelled lines are used.
Pasted text (not HTML) is read line by line. Standard library only: one pass of HTMLParser.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from typing import Any

from nextyes.domain.errors import InvalidInput, Words
from nextyes.domain.postings import MAX_POSTING_TEXT, PostingFacts, short

_BLOCK = frozenset(
    {
        "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "footer", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section",
        "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "nav", "button", "select"})
_CHROME = frozenset({"header", "footer", "nav", "aside"})  # left out of the text when possible
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n(\s*\n)+")

CLOSED_CUES = (
    "no longer accepting applications", "no longer available", "this job has expired",
    "this position has been filled", "job is closed", "posting has closed",
)  # fmt: skip
JOB_CUES = (
    "responsibilities", "requirements", "qualifications", "what you'll do", "what you will do",
    "about the role", "about you", "apply", "experience", "benefits", "salary", "the role",
    "job description", "we are looking for", "we're looking for", "you will", "your profile",
    "full-time", "full time", "part-time", "hybrid", "remote",
)  # fmt: skip
UNITS = {"HOUR": "an hour", "DAY": "a day", "WEEK": "a week", "MONTH": "a month", "YEAR": "a year"}
SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$"}


class _Page(HTMLParser):
    """One pass over the page: JSON-LD blocks, meta tags, title, headings and visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.json_ld: list[str] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self.headings: list[tuple[str, str]] = []
        self.parts: list[str] = []  # all visible text
        self.main_parts: list[str] = []  # text inside <main> or <article>
        self._stack: list[str] = []
        self._script: list[str] | None = None
        self._heading: list[str] | None = None
        self._in_title = False

    def _inside(self, names: frozenset[str]) -> bool:
        return any(tag in names for tag in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop")
            if key and "content" in values:
                self.meta.setdefault(key.lower(), values["content"])
            return
        if tag in ("br", "hr", "img", "input", "link"):
            self._text("\n")
            return
        if tag == "script":
            kind = values.get("type", "").lower()
            self._script = [] if "ld+json" in kind else None
        if tag == "title":
            self._in_title = True
        if tag in ("h1", "h2", "h3"):
            self._heading = []
        self._stack.append(tag)
        if tag in _BLOCK:
            self._text("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.json_ld.append("".join(self._script))
            self._script = None
        if tag == "title":
            self._in_title = False
        if tag in ("h1", "h2", "h3") and self._heading is not None:
            text = " ".join("".join(self._heading).split())
            if text:
                self.headings.append((tag, text))
            self._heading = None
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass
        if tag in _BLOCK:
            self._text("\n")

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
            return
        if self._in_title:
            self.title += data
            return
        if self._inside(_SKIP) or "head" in self._stack:
            return
        if self._heading is not None:
            self._heading.append(data)
        self._text(data)

    def _text(self, data: str) -> None:
        if self._inside(_SKIP):
            return
        if not self._inside(_CHROME):
            self.parts.append(data)
        if self._inside(frozenset({"main", "article"})):
            self.main_parts.append(data)


def _tidy(parts: list[str] | str) -> str:
    text = parts if isinstance(parts, str) else "".join(parts)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def html_text(html: str) -> str:
    """The readable text of a piece of HTML (a JSON-LD description, say)."""
    page = _Page()
    page.feed(html)
    page.close()
    return _tidy(page.parts)


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    return head.startswith(("<!doctype", "<html", "<?xml")) or bool(
        re.search(r"<(html|head|body|div|p|script|h1)[\s>]", head)
    )


def read_posting(source: str, *, url: str | None = None) -> PostingFacts:
    """What a posting says: from a page's HTML, or from pasted plain text.

    Raises InvalidInput when the page is empty or holds no job posting (saying what to do).
    """
    if not source.strip():
        raise InvalidInput(
            "The posting is empty. Paste the job ad's text, or give its page (--from-url or "
            "--from-file).",
            web=Words("pipeline/web", "posting.empty"),
        )
    if looks_like_html(source):
        return _from_html(source, url)
    return _from_text(source, url)


# --- HTML ------------------------------------------------------------------------------------


def _from_html(html: str, url: str | None) -> PostingFacts:
    page = _Page()
    page.feed(html)
    page.close()
    page_text = _tidy(page.main_parts) if len(_tidy(page.main_parts)) > 200 else _tidy(page.parts)
    posting = next(_job_postings(page.json_ld), None)
    link = url or page.meta.get("og:url")
    if posting is not None:
        facts = _from_json_ld(posting, page_text, link)
        if facts.role:
            return facts
    return _from_page(page, page_text, link)


def _json_documents(blocks: list[str]) -> Iterator[Any]:
    for block in blocks:
        text = block.strip()
        text = re.sub(r"^\s*(<!--|<!\[CDATA\[)|(-->|\]\]>)\s*$", "", text).strip()
        if not text:
            continue
        try:
            value = json.loads(text, strict=False)
        except RecursionError:  # nested thousands deep: nothing a posting page would hold
            continue
        except json.JSONDecodeError:
            # Some pages put several objects in one block, or a stray character after one.
            try:
                value, _ = json.JSONDecoder(strict=False).raw_decode(text)
            except (json.JSONDecodeError, RecursionError):
                continue
        yield value


def _is_job_posting(node: dict[str, Any]) -> bool:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1] == "JobPosting" for k in kinds)


def _nodes(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD document, breadth first enough for @graph and lists."""
    if depth > 6:
        return
    if isinstance(value, list):
        for item in value:
            yield from _nodes(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "itemListElement", "item"):
            if key in value:
                yield from _nodes(value[key], depth + 1)


def _job_postings(blocks: list[str]) -> Iterator[dict[str, Any]]:
    for document in _json_documents(blocks):
        for node in _nodes(document):
            if _is_job_posting(node):
                yield node


def _text_of(value: Any) -> str | None:
    """A plain string from a JSON-LD value that may be a string, an object or a list."""
    if isinstance(value, str):
        return " ".join(unescape(value).split()) or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        return _text_of(value.get("name") or value.get("value") or value.get("@value"))
    if isinstance(value, list):
        return next((t for t in (_text_of(v) for v in value) if t), None)
    return None


def _place(value: Any) -> str | None:
    """A jobLocation (a Place, its PostalAddress, a list of them) as "Berlin, Germany"."""
    places = value if isinstance(value, list) else [value]
    names: list[str] = []
    for place in places:
        address = place.get("address", place) if isinstance(place, dict) else place
        if isinstance(address, str):
            text = _text_of(address)
        elif isinstance(address, dict):
            parts = [
                _text_of(address.get(k))
                for k in ("addressLocality", "addressRegion", "addressCountry")
            ]
            seen: list[str] = []
            for part in parts:
                if part and part not in seen:
                    seen.append(part)
            text = ", ".join(seen) or _text_of(address.get("name"))
        else:
            text = None
        if text and text not in names:
            names.append(text)
    return "; ".join(names[:3]) or None


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        cleaned = value.replace(",", "").strip()
        try:
            return float(cleaned)
        except ValueError:
            return None
    return None


def _amount(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _salary(value: Any) -> str | None:
    """baseSalary as "€55,000–65,000 a year", whichever way the page wrote it."""
    if isinstance(value, list):
        return next((s for s in (_salary(v) for v in value) if s), None)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return _text_of(value)
    if not isinstance(value, dict):
        return None
    currency = _text_of(value.get("currency")) or ""
    inner = value.get("value", value)
    unit = None
    if isinstance(inner, dict):
        low = _number(inner.get("minValue"))
        high = _number(inner.get("maxValue"))
        single = _number(inner.get("value"))
        unit = _text_of(inner.get("unitText"))
    else:
        low = high = None
        single = _number(inner)
    unit = unit or _text_of(value.get("unitText"))
    if low is not None and high is not None and low != high:
        figure = f"{_amount(low)}–{_amount(high)}"
    elif (found := low if low is not None else high if high is not None else single) is not None:
        figure = _amount(found)
    else:
        return None
    symbol = SYMBOLS.get(currency.upper(), "")
    text = f"{symbol}{figure}" if symbol else f"{figure} {currency}".strip()
    if unit:
        text += " " + UNITS.get(unit.upper(), f"per {unit.lower()}")
    return text


def _from_json_ld(node: dict[str, Any], page_text: str, url: str | None) -> PostingFacts:
    location = _place(node.get("jobLocation"))
    remote = str(node.get("jobLocationType", "")).upper() == "TELECOMMUTE"
    if remote:
        where = _place(node.get("applicantLocationRequirements"))
        location = f"Remote ({where})" if where and not location else location or "Remote"
        if location and not location.lower().startswith("remote"):
            location += " (or remote)"
    description = node.get("description")
    text = html_text(description) if isinstance(description, str) else ""
    if len(text) < 200 < len(page_text):
        text = page_text
    organization = node.get("hiringOrganization")
    link = _text_of(node.get("url")) if isinstance(node.get("url"), str) else None
    return PostingFacts(
        company=short(_text_of(organization)),
        role=short(_text_of(node.get("title"))),
        location=short(location),
        salary=short(_salary(node.get("baseSalary") or node.get("estimatedSalary")), 100),
        url=url or link,
        title=short(_text_of(node.get("title")), 300),
        text=_clip(text),
        how="json-ld",
    )


# --- Without JSON-LD: title, headings and labelled lines ---------------------------------------

_AT = re.compile(
    r"^(?:job application for\s+)?(?P<role>.+?)\s+(?:at|@|bei|chez)\s+(?P<company>.+)$", re.I
)
_SPLIT = re.compile(r"\s+[|–—·-]\s+")
_BOARD_WORDS = ("jobs", "careers", "career", "job board", "hiring", "stellenangebote")
_LABELS = {
    "location": re.compile(r"^(?:location|where|office|based in|ort)\s*[:\-–]\s*(.+)$", re.I),
    "company": re.compile(r"^(?:company|employer|organi[sz]ation)\s*[:\-–]\s*(.+)$", re.I),
    "salary": re.compile(r"^(?:salary|pay|compensation|rate)\s*[:\-–]\s*(.+)$", re.I),
    "role": re.compile(r"^(?:job title|title|position|role)\s*[:\-–]\s*(.+)$", re.I),
}
_MONEY = re.compile(
    r"(?:[£$€]\s?\d[\d,.]*\s?[kK]?|\d[\d,.]*\s?[kK]?\s?(?:EUR|GBP|USD|CHF|CAD|AUD))"
    r"(?:\s?(?:-|–|to)\s?(?:[£$€]\s?)?\d[\d,.]*\s?[kK]?(?:\s?(?:EUR|GBP|USD|CHF|CAD|AUD))?)?"
    r"(?:\s?(?:per|a|/)\s?(?:year|annum|yr|month|hour|hr|day|week))?"
)


def _labelled(lines: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in lines[:400]:
        for name, pattern in _LABELS.items():
            if name not in found and (m := pattern.match(line)) and len(m.group(1)) <= 200:
                found[name] = m.group(1).strip()
    return found


def _split_title(title: str, site: str | None) -> tuple[str | None, str | None]:
    """ "Data Analyst at Acme | Board" -> ("Data Analyst", "Acme"); (role, company)."""
    parts = [p for p in _SPLIT.split(title) if p.strip()]
    parts = [
        p
        for p in parts
        if not (site and p.strip().lower() == site.lower())
        and not any(p.strip().lower().endswith(w) for w in _BOARD_WORDS)
    ] or parts
    if not parts:
        return None, None
    at = _AT.match(parts[0].strip())
    if at:
        return at["role"].strip(), at["company"].strip()
    if len(parts) >= 2:
        return parts[0].strip(), parts[1].strip()
    return parts[0].strip(), None


def _cues(text: str, cues: tuple[str, ...]) -> int:
    lowered = text.lower()
    return sum(1 for cue in cues if cue in lowered)


def _from_page(page: _Page, text: str, url: str | None) -> PostingFacts:
    title = " ".join(unescape(page.meta.get("og:title") or page.title).split())
    site = page.meta.get("og:site_name")
    h1 = next((t for tag, t in page.headings if tag == "h1"), None)
    lines = [line for line in text.split("\n") if line]
    labelled = _labelled(lines)
    role, company = _split_title(title, site) if title else (None, None)
    if h1:
        at = _AT.match(h1)
        if at:
            role, company = at["role"], company or at["company"]
        elif not role or (len(h1) < 120 and h1.lower() in title.lower()):
            role = h1
    company = labelled.get("company") or company or site
    role = labelled.get("role") or role
    _check_is_posting(text + "\n" + title, role)
    salary = labelled.get("salary")
    if salary is None and (money := _MONEY.search(text)):
        salary = money.group(0)
    return PostingFacts(
        company=short(company),
        role=short(role),
        location=short(labelled.get("location")),
        salary=short(salary, 100),
        url=url,
        title=short(title, 300),
        text=_clip(text),
        how="page",
    )


def _check_is_posting(text: str, role: str | None) -> None:
    if _cues(text, CLOSED_CUES):
        raise InvalidInput(
            "This page says the job is closed or no longer available, so there is no posting "
            "to read. If you saved the ad earlier, use that copy (--from-file).",
            web=Words("pipeline/web", "posting.closed"),
        )
    if role is None or _cues(text, JOB_CUES) < 3:
        raise InvalidInput(
            "This page doesn't look like a job posting: it has no job data and reads like "
            "something else. Check the link, or add the job by hand: nextyes add COMPANY ROLE.",
            web=Words("pipeline/web", "posting.not_a_posting"),
        )


# --- Pasted text ------------------------------------------------------------------------------


def _from_text(text: str, url: str | None) -> PostingFacts:
    body = _tidy(text)
    lines = [line for line in body.split("\n") if line]
    labelled = _labelled(lines)
    first = lines[0] if lines else ""
    role = labelled.get("role")
    company = labelled.get("company")
    if role is None and len(first) <= 120:
        at = _AT.match(first)
        if at:
            role, company = at["role"], company or at["company"]
        else:
            role = first
    if (
        company is None
        and len(lines) > 1
        and len(lines[1]) <= 80
        and not _LABELS["location"].match(lines[1])
    ):
        company = lines[1]
    salary = labelled.get("salary")
    if salary is None and (money := _MONEY.search(body)):
        salary = money.group(0)
    link = url
    if link is None and (found := re.search(r"https?://\S+", body)):
        link = found.group(0).rstrip(").,;")
    return PostingFacts(
        company=short(company),
        role=short(role),
        location=short(labelled.get("location")),
        salary=short(salary, 100),
        url=link,
        title=short(first, 300),
        text=_clip(body),
        how="text",
    )


def _clip(text: str) -> str:
    return text if len(text) <= MAX_POSTING_TEXT else text[:MAX_POSTING_TEXT].rstrip() + "\n…"
