"""Paragraphs, sentences, tokens and quotation pairs, in normalised coordinates.

Sentences end at . ! ? ؟ (not in numbers such as 2024.08.09 or 02:30, not at an ellipsis) and
at line breaks. Quotation marks are paired separately, because a quotation may run across
sentences and scraped text often opens a quotation it never closes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from annotate.preannotate.text import WORD, NormText

# A full stop ends a sentence unless it is part of an ellipsis or a number (2024.08.09, 3.4).
# Scraped news often glues sentences ("نفسه.وذكر", "أيه.إم.دي.ولم"): a full stop between a word of two
# letters or more and a letter ends a sentence too; "د.يوسف" (an abbreviated title) and initials
# ("إتش.إس.بي.سي", see _between_initials) do not.
# The leading look-ahead changes nothing that matches; it lets the regular expression engine skip to the
# next . ! ? ؟ instead of trying both alternatives at every character (twice as fast on news text).
SENTENCE_END = re.compile(r"(?=[.!?؟])(?:(?<!\.)[.!?؟]+(?![.\d])(?=[\s\"»”)]|$)|(?<=[\u0621-\u064a]{2})\.(?=[\u0621-\u064a]))")
# "د." / "م." / "أ." before a name abbreviate a title (doctor, engineer, professor), not a sentence.
_TITLE_LETTERS = "دمأا"
# Latin letters spelled in Arabic (normalised), as agencies write initials: "إتش.إس.بي.سي" (HSBC),
# "جيه.بي مورجان", "بي.إم.دبليو"; a full stop between two of them is inside a name.
_LETTER_NAMES = frozenset({"ايه", "اي", "بي", "سي", "دي", "اف", "جي", "جيه", "اتش", "ايتش", "اش", "اس", "ال", "ام",
                           "ان", "او", "كي", "كيه", "كيو", "ار", "تي", "يو", "في", "دبليو", "دبل", "اكس", "واي",
                           "زد", "زي", "وان"})
_LETTERS_BEFORE = re.compile(r"[\u0621-\u064a]+$")
_LETTERS_AFTER = re.compile(r"[\u0621-\u064a]+")
_LETTER_NAME = "(?:" + "|".join(sorted(_LETTER_NAMES, key=len, reverse=True)) + ")"
# A word, or initials joined by full stops as one word (the look-ahead keeps the cost off other words).
_WORD_OR_INITIALS = re.compile(rf"(?=[\u0621-\u064a]{{2,5}}\.[\u0621-\u064a])(?:{_LETTER_NAME}\.)+{_LETTER_NAME}(?![^\W_])"
                               rf"|{WORD.pattern}")
PUNCTUATION = set(".,،:;؛!?؟…-–—ـ()[]{}'\"«»“”")


class Token(NamedTuple):
    """A word in the normalised text: ``text`` without diacritics, ``start``/``end`` normalised.

    ``alif_maqsura`` records that the original word ended in ى, which matching folds into ي:
    it tells the preposition على from the name علي.

    A named tuple, not a frozen dataclass: as immutable, and built three times faster (a text of
    3,000 words makes 3,000 of them; a frozen dataclass sets each field through object.__setattr__).
    """

    start: int
    end: int
    text: str
    alif_maqsura: bool = False
    tanween_fath: bool = False  # ends in ـاً: an adverb of manner ("ضاحكاً"), never a subject


@dataclass
class Sentence:
    """A sentence inside one paragraph, with its words."""

    start: int
    end: int
    paragraph: tuple[int, int]
    tokens: list[Token]


def paragraphs(nt: NormText) -> list[tuple[int, int]]:
    """Non-blank lines, as ``(start, end)`` without surrounding whitespace."""
    spans = []
    position = 0
    for line in nt.norm.split("\n"):
        stripped_left = len(line) - len(line.lstrip())
        if line.strip():
            spans.append((position + stripped_left, position + len(line.rstrip())))
        position += len(line) + 1
    return spans


def sentences(nt: NormText, paragraph: tuple[int, int]) -> list[Sentence]:
    """The sentences of one paragraph (a paragraph without end punctuation is one sentence)."""
    start, end = paragraph
    text = nt.norm[start:end]
    result = []
    cursor = 0
    for match in SENTENCE_END.finditer(text):
        if _abbreviated_title(text, match.start(), match.end()) or _between_initials(text, match.start(), match.end()):
            continue
        stop = match.end()
        # A closing quotation mark right after the full stop belongs to this sentence.
        while stop < len(text) and text[stop] == '"':
            stop += 1
        if text[cursor:stop].strip():
            result.append((cursor, stop))
        cursor = stop
    if text[cursor:].strip():
        result.append((cursor, len(text)))
    out = []
    for s, e in result:
        while s < e and text[s].isspace():
            s += 1
        out.append(Sentence(start + s, start + e, paragraph, tokens(nt, start + s, start + e)))
    return out


_INITIAL_NEXT = re.compile(r"\s?[\u0621-\u064a][.)]")


def _abbreviated_title(text: str, dot: int, stop: int) -> bool:
    """True for the full stop of "وقال م. حسام" or "أ.د. محمد": title letters standing alone, not after a
    number ("2015 م." is a year), and a word right after; and for the initials of an agency's name,
    "(د. ب. أ)", "(أ. ف. ب)": one letter alone, another letter next."""
    if stop == dot + 1 and dot > 0 and "\u0621" <= text[dot - 1] <= "\u064a" and (dot == 1 or text[dot - 2] in " (") \
            and _INITIAL_NEXT.match(text, stop):
        return True
    if stop != dot + 1 or dot == 0 or text[dot - 1] not in _TITLE_LETTERS:
        return False
    if dot >= 3 and text[dot - 2] == "." and text[dot - 3] in _TITLE_LETTERS:
        dot -= 2  # "أ.د. محمد": two titles (professor, doctor) written together
    if dot >= 2 and not text[dot - 2].isspace():
        return False
    before = text[max(0, dot - 12) : dot - 1].rstrip()  # a number just before ("2015 م."): a few characters tell
    return not (before and before[-1].isdigit()) and text[stop:stop + 2].strip()[:1].isalpha()


def _between_initials(text: str, dot: int, stop: int) -> bool:
    """True for a full stop glued between two spelled Latin letters ("إتش.إس.بي.سي", "جيه.بي مورجان"):
    initials of a name, which the rule for glued sentences ("نفسه.وذكر") would otherwise split."""
    if stop != dot + 1:
        return False
    # a letter's name has five letters at most: eight before the stop tell it from a longer word's end, and
    # keep the look constant-time (searching from the text's start made long texts quadratic)
    before, after = _LETTERS_BEFORE.search(text, max(0, dot - 8), dot), _LETTERS_AFTER.match(text, stop)
    return before is not None and after is not None and before.group() in _LETTER_NAMES \
        and after.group() in _LETTER_NAMES


def abbreviated_title(word: str) -> bool:
    """A one-letter word that abbreviates a title before a name ("د." doctor, "م." engineer)."""
    return len(word) == 1 and word in _TITLE_LETTERS


def _scan(nt: NormText, start: int, end: int) -> list[Token]:
    """The words of ``nt.norm[start:end]``, each with what its original spelling says of its ending."""
    original, index, norm = nt.original, nt.index, nt.norm
    # most texts carry no tanween at all: then no word needs the look at the character after it
    tanween = "\u064b" in original
    found = []
    for m in _WORD_OR_INITIALS.finditer(norm, start, end):
        word_start, word_end = m.span()
        last = index[word_end - 1]
        found.append(_new_token(Token, (word_start, word_end, norm[word_start:word_end], original[last] == "ى",
                     tanween and (original[last + 1 : last + 2] == "\u064b" or original[last] == "\u064b"))))
    return found


# Token(...) without the named tuple's Python-level __new__ (the fields are given in order, all five):
# a third of _scan's time, which runs once per word of every text.
_new_token = tuple.__new__


class _DocumentWords:
    """Every word of one text, found once; a range of it is a slice when its ends fall between words."""

    def __init__(self, nt: NormText) -> None:
        self.words = _scan(nt, 0, len(nt.norm))
        self.starts = [w.start for w in self.words]
        self.ends = [w.end for w in self.words]

    def between(self, nt: NormText, start: int, end: int) -> list[Token]:
        first = bisect_left(self.ends, start + 1)  # the first word ending after ``start``
        last = bisect_left(self.starts, end)  # words starting before ``end``
        inside = first >= last or (self.starts[first] >= start and self.ends[last - 1] <= end)
        # a word cut by either end is re-read from the text, as a regular expression bounded there reads it
        return self.words[first:last] if inside else _scan(nt, start, end)


def tokens(nt: NormText, start: int, end: int) -> list[Token]:
    """Words between ``start`` and ``end`` (the text's words are found once and sliced)."""
    words = nt.derived.get("words")
    if words is None:
        words = nt.derived["words"] = _DocumentWords(nt)
    return words.between(nt, start, end)


def holds(gap: str, marks: str) -> bool:
    """True when ``gap`` (the text between two words) holds one of ``marks`` (punctuation, never a space).
    Most gaps are a single space, answered by one C-level test instead of a generator over the marks."""
    return not gap.isspace() and any(c in gap for c in marks)


def _is_opening(nt: NormText, i: int) -> bool:
    before = nt.norm[i - 1] if i > 0 else " "
    after = nt.norm[i + 1] if i + 1 < len(nt.norm) else " "
    return (before.isspace() or before in "(:،,.-–—ـ\"") and not after.isspace()


def _is_closing(nt: NormText, i: int) -> bool:
    before = nt.norm[i - 1] if i > 0 else " "
    after = nt.norm[i + 1] if i + 1 < len(nt.norm) else " "
    return not before.isspace() and (after.isspace() or after in PUNCTUATION or after == "\n")


def _quote_marks(nt: NormText, start: int, limit: int) -> Iterator[int]:
    """Positions of quotation marks (all folded to ``"``) in ``[start, limit)``, found with str.find so
    a quotation that never closes costs one C-level scan, not a Python loop over every character."""
    find, i = nt.norm.find, start - 1
    while (i := find('"', i + 1, limit)) >= 0:
        yield i


def closing_quote(nt: NormText, open_at: int, limit: int) -> int | None:
    """Position of the quotation mark closing the one at ``open_at``, searching up to ``limit``.

    Guillemets pair by kind. For the ambiguous ``"`` (and curly quotes), a mark that
    looks like an opening (space before, letter after) nests, one that looks like a closing
    ends a level: that keeps ``"… "النظام" …"`` together.
    """
    if nt.original_char(open_at) == "«":
        depth = 0
        for i in _quote_marks(nt, open_at + 1, limit):
            ch = nt.original_char(i)
            if ch == "«":
                depth += 1
            elif ch == "»":
                if depth == 0:
                    return i
                depth -= 1
        return None
    # “ ” „ and " are all ambiguous: right-to-left texts often swap the curly ones.
    depth = 0
    for i in _quote_marks(nt, open_at + 1, limit):
        if nt.original_char(i) in "«»":
            continue
        if _is_closing(nt, i) and (depth == 0 or not _is_opening(nt, i)):
            if depth == 0:
                return i
            depth -= 1
        elif _is_opening(nt, i):
            depth += 1
        elif depth == 0:
            return i
    return None
