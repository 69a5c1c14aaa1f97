"""Turn an HTML email body into readable plain text with the standard library.

Regular expressions rather than `html.parser`: an import reads thousands of HTML bodies, and
the parser's Python-level callbacks cost more than decoding and classifying the message
together. Scripts, styles and comments are dropped, block tags become line breaks, other tags
vanish, and character references are decoded.
"""

from __future__ import annotations

import html
import re

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_SKIPPED = re.compile(
    r"<(script|style|head|title|noscript|template)\b[^>]*>.*?(?:</\1\s*>|$)", re.I | re.S
)
_BLOCK = re.compile(
    r"</?(?:address|article|blockquote|br|dd|div|dl|dt|footer|h[1-6]|header|hr|li|ol|p|pre"
    r"|section|table|td|th|tr|ul)(?:\s[^>]*)?/?>",
    re.I,
)
_TAG = re.compile(r"</?[a-zA-Z!?][^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*(\n\s*)+")


def html_to_text(markup: str) -> str:
    """The visible text of `markup`, one paragraph per line, without scripts or styles.

    Never raises: broken markup yields whatever text could be recovered.
    """
    text = _SKIPPED.sub("", _COMMENT.sub("", markup))
    text = html.unescape(_TAG.sub("", _BLOCK.sub("\n", text)))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
