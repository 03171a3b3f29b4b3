"""Mark the evidence of the screening signals in the request text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rules import FiredSignal

QUOTE = re.compile(r"«([^»]+)»")


@dataclass(frozen=True)
class Segment:
    text: str
    signal: str = ""  # the id of the signal whose evidence this is; "" for plain text


def _pattern(quote: str) -> re.Pattern[str] | None:
    words = [re.escape(w) for w in quote.replace("…", " ").split() if w.strip(".")]
    if not words:
        return None
    return re.compile(r"\W+".join(words), re.IGNORECASE)


def evidence_spans(text: str, signals: list[FiredSignal]) -> list[tuple[int, int, str]]:
    """(start, end, signal id) of each quoted piece of evidence found in ``text``."""
    spans = []
    for signal in signals:
        for quote in QUOTE.findall(signal.evidence):
            pattern = _pattern(quote)
            if pattern is None:
                continue
            spans += [(m.start(), m.end(), signal.id) for m in pattern.finditer(text)]
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, sid in spans:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2])
        else:
            merged.append((start, end, sid))
    return merged


def segments(text: str, signals: list[FiredSignal]) -> list[Segment]:
    """The text cut into plain and marked pieces, in order (the template escapes them)."""
    result, position = [], 0
    for start, end, sid in evidence_spans(text, signals):
        if start > position:
            result.append(Segment(text[position:start]))
        result.append(Segment(text[start:end], sid))
        position = end
    if position < len(text):
        result.append(Segment(text[position:]))
    return result
