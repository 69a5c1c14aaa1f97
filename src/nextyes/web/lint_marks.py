"""A draft with the lint's marks inline: each flagged span in <mark>, explained below it."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from nextyes.text.feedback_lint import Flag


def marked(text: str, flags: Sequence[Flag]) -> Markup:
    """The text, escaped, with flagged spans marked and numbered, then what each mark means."""
    parts: list[str] = []
    at = 0
    shown: list[Flag] = []
    for flag in sorted(flags, key=lambda f: (f.start, f.end)):
        if flag.start < at or not 0 <= flag.start < flag.end <= len(text):
            continue  # overlapping marks: the first one stands
        shown.append(flag)
        number = len(shown)
        parts.append(str(escape(text[at : flag.start])))
        parts.append(
            f'<mark class="lint" aria-describedby="lint-{number}">{escape(text[flag.start : flag.end])}'
            f'<sup aria-hidden="true">{number}</sup></mark>'
        )
        at = flag.end
    parts.append(str(escape(text[at:])))
    body = f'<div class="draft-text">{"".join(parts)}</div>'
    if not shown:
        return Markup(
            body + '<p class="lint-clean">Nothing to reword: it reads as kind and clear.</p>'
        )
    notes = "".join(
        f'<li id="lint-{n}"><strong>{escape(f.label)}</strong>: {escape(f.message)}'
        + (f" <em>Perhaps: “{escape(f.rewrite)}”</em>" if f.rewrite else "")
        + "</li>"
        for n, f in enumerate(shown, start=1)
    )
    return Markup(f'{body}<ol class="lint-notes" aria-label="What to reword">{notes}</ol>')
