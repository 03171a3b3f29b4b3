"""Page words as one text string, and text spans mapped back to word boxes.

Detectors work on a plain string; the writer needs boxes in PDF points. The string joins
the words of a line with one space and lines with one newline, so every pattern that allows
a space can allow a line break with ``\\s`` and a name or a phone number that wraps onto the
next line is still found. A span over several lines gives one box per line.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from redaction.types import BBox, Word


@dataclass(frozen=True)
class PageLayout:
    """The words of a page joined to text, with the offset and line of every word."""

    text: str
    words: tuple[Word, ...]
    starts: tuple[int, ...]
    lines: tuple[int, ...]

    def word_range(self, start: int, end: int) -> range:
        """Indices of the words that overlap the text span ``[start, end)``."""
        if not self.words or end <= start:
            return range(0)
        first = max(bisect.bisect_right(self.starts, start) - 1, 0)
        last = bisect.bisect_left(self.starts, end)
        return range(first, last)

    def boxes(self, start: int, end: int) -> list[BBox]:
        """Boxes covering the span: one per line, clipped to the characters inside a word."""
        per_line: dict[int, list[float]] = {}
        for index in self.word_range(start, end):
            word = self.words[index]
            w_start = self.starts[index]
            w_end = w_start + len(word.text)
            lo, hi = max(start, w_start), min(end, w_end)
            if hi <= lo:
                continue
            x0, x1 = _clip(word, lo - w_start, hi - w_start)
            box = per_line.get(self.lines[index])
            if box is None:
                per_line[self.lines[index]] = [x0, word.top, x1, word.bottom]
            else:
                box[0], box[1] = min(box[0], x0), min(box[1], word.top)
                box[2], box[3] = max(box[2], x1), max(box[3], word.bottom)
        return [(b[0], b[1], b[2], b[3]) for b in per_line.values()]

    def pieces(self, start: int, end: int) -> list[tuple[BBox, str]]:
        """``boxes`` paired with the part of the span's text on each line."""
        boxes = self.boxes(start, end)
        parts = [p for p in self.text[start:end].split("\n") if p.strip()]
        if len(parts) != len(boxes):
            parts = [" ".join(self.text[start:end].split())] * len(boxes)
        return list(zip(boxes, parts, strict=True))

    def line_of(self, offset: int) -> int:
        """The line number of the word at or before a text offset (-1 on an empty page)."""
        if not self.words:
            return -1
        index = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        return self.lines[index]


def _clip(word: Word, lo: int, hi: int) -> tuple[float, float]:
    """The horizontal extent of characters ``lo..hi`` of a word, spread evenly over its box."""
    length = len(word.text)
    if lo == 0 and hi >= length:
        return word.x0, word.x1
    step = (word.x1 - word.x0) / max(length, 1)
    return word.x0 + step * lo, word.x0 + step * hi


def _same_line(previous: Word, word: Word) -> bool:
    """True when ``word`` continues the line of ``previous`` (vertical overlap, moving right)."""
    middle = (word.top + word.bottom) / 2
    if not previous.top - 1 <= middle <= previous.bottom + 1:
        return False
    return word.x0 >= previous.x0 - 1


def build_layout(words: Sequence[Word]) -> PageLayout:
    """Join words (in reading order) into text with one separator between words."""
    parts: list[str] = []
    starts: list[int] = []
    lines: list[int] = []
    offset, line = 0, 0
    previous: Word | None = None
    for word in words:
        if previous is not None:
            same = _same_line(previous, word)
            if not same:
                line += 1
            parts.append(" " if same else "\n")
            offset += 1
        starts.append(offset)
        lines.append(line)
        parts.append(word.text)
        offset += len(word.text)
        previous = word
    return PageLayout("".join(parts), tuple(words), tuple(starts), tuple(lines))
