"""Feedback and rejection reasons with their themes, classifying any stored without them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nextyes.domain.insights import ThemeMention
from nextyes.domain.themes import Theme, ThemedText

_THEMES = {str(t) for t in Theme}


def with_themes(texts: list[ThemedText]) -> list[tuple[ThemedText, tuple[Theme, ...]]]:
    """Each text with its themes; texts stored without themes are classified here."""
    unthemed = sorted({t.text for t in texts if t.themes is None})
    found: dict[str, tuple[str, ...]] = {}
    if unthemed:
        from nextyes.text.themes import load_theme_classifier

        predictions = load_theme_classifier().predict_many(unthemed)
        found = {text: tuple(p.themes) for text, p in zip(unthemed, predictions, strict=True)}
    result = []
    for text in texts:
        names = text.themes if text.themes is not None else found[text.text]
        result.append((text, tuple(Theme(name) for name in names if name in _THEMES)))
    return result


def theme_mentions(
    texts: Iterable[tuple[ThemedText, tuple[Theme, ...]]],
) -> list[ThemeMention]:
    """Each theme once per no: when the reason given and the feedback for one application name
    the same theme, that is one mention (dated when it first came up), so "came up 3 times"
    means three noes. A text that belongs to no application counts on its own."""
    first: dict[tuple[int, Theme], ThemeMention] = {}
    alone: list[ThemeMention] = []
    for text, themes in texts:
        for theme in themes:
            mention = ThemeMention(theme, text.on)
            if text.application_id is None:
                alone.append(mention)
                continue
            key = (text.application_id, theme)
            if key not in first or mention.on < first[key].on:
                first[key] = mention
    return [*first.values(), *alone]


@dataclass(frozen=True, slots=True)
class StoredThemes:
    themes: tuple[str, ...]
    scores: dict[str, float]
    controllable: str
    why: dict[str, list[str]]
    """For each theme, the words of the feedback behind it."""


def classify_feedback(text: str) -> StoredThemes:
    """Themes, scores and control for a piece of feedback, as they are stored with it."""
    from nextyes.text.themes import load_theme_classifier

    classifier = load_theme_classifier()
    prediction = classifier.predict(text)
    return StoredThemes(
        themes=tuple(str(t) for t in prediction.themes),
        scores={name: round(score, 4) for name, score in prediction.scores.items()},
        controllable=str(prediction.controllable),
        why={str(t): classifier.explain(text, t) for t in prediction.themes},
    )
