"""A normalised view of a text for matching, with a map back to the original code points.

Matching ignores diacritics, tatweel, zero-width marks and alef/yaa spelling variants, which
real news spells inconsistently (أكد / اكد, مضيفاً / مضيفا). The original text is never
changed: every position found in the normalised view is mapped back through ``index``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

_DROP = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640", "\u200b", "\u200c", "\u200d", "\u200e",
                                                      "\u200f", "\u061c", "\ufeff", "\u2066", "\u2067", "\u2068",
                                                      "\u2069", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"}
_MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك", "\u00a0": " ", "\u2007": " ",
        "\u202f": " ", "\t": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ", "\u2028": "\n", "\u2029": "\n",
        "٫": ",", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"', "＂": '"'}
_SAME_LENGTH = {**_MAP, "\r": " "}
assert not set(_SAME_LENGTH.values()) & set(_SAME_LENGTH)  # no replacement is replaced again: order does not matter
_DELETE = {ch: "" for ch in sorted(_DROP)}
_DROPPED = re.compile("[" + "".join(sorted(_DROP)) + "]")
_DROPPED_RUN = re.compile("[" + "".join(sorted(_DROP)) + "]+")
_LONE_CR = re.compile(r"\r(?!\n)")


def _replace_all(text: str, table: dict[str, str]) -> str:
    """``text`` with every character of ``table`` replaced. One C-level str.replace per character the
    text holds: ten times faster than str.translate, which looks every character of Arabic (non-ASCII)
    text up in a Python dict."""
    for ch, replacement in table.items():
        if ch in text:
            text = text.replace(ch, replacement)
    return text


@lru_cache(maxsize=4096)
def normalize_word(word: str) -> str:
    """The matching form of a lexicon entry (same rules as :class:`NormText`)."""
    return "".join(_MAP.get(ch, ch) for ch in word if ch not in _DROP).strip()


# "قال تعالى (…)", "قال الله عز وجل ((…))", "{…}", "﴿…﴾": after the words that name God, brackets quote a verse.
_EXALTED_THEN_BRACKET = re.compile(r"(?:تعال[ىي]|عز وجل|جل وعلا|سبحانه)\s*:?\s*(\(\(|\(|\{|﴿) ?(?=\S)")
_CLOSING_BRACKET = {"((": "))", "(": ")", "{": "}", "﴿": "﴾"}
_VERSE_REACH = 1500


def _verse_brackets(text: str) -> str:
    """``text`` with the brackets around a verse after "قال تعالى" read as quotation marks, so a verse is
    speech like any quotation: the brackets become spaces and a mark stands against each end of the verse
    (same length, every offset kept). The closing bracket must come in the same paragraph; otherwise
    nothing changes."""
    if "(" not in text and "{" not in text and "﴿" not in text:
        return text
    chars: list[str] | None = None
    for found in _EXALTED_THEN_BRACKET.finditer(text):
        opening, start = found.group(1), found.end()  # start: the verse's first character
        reach = min(len(text), start + _VERSE_REACH)
        limit = text.find("\n", start, reach)
        limit = reach if limit < 0 else limit
        close = text.find(_CLOSING_BRACKET[opening], start, limit)
        if close < 0:
            continue
        chars = chars if chars is not None else list(text)
        for at in range(found.start(1), start):
            chars[at] = " "
        chars[start - 1] = '"'  # the mark sits right before the verse, after a bracket or a space inside it
        for at in range(close, close + len(opening)):
            chars[at] = " "
        chars[close - 1 if text[close - 1] == " " else close] = '"'
    return text if chars is None else "".join(chars)


@dataclass(frozen=True)
class NormText:
    """``norm`` is the matching form; ``index[i]`` is the original position of ``norm[i]``.

    ``quotes`` keeps the original quotation characters (« » “ ” ") at their normalised
    positions, because the matching form folds them all to ``"`` but pairing needs them.
    """

    original: str
    norm: str
    index: Sequence[int]
    # what the stages derive from the text once (its words), kept with it and dropped with it
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, text: str) -> NormText:
        # CRLF counts as one break (its CR becomes a space); a lone CR is a break too.
        same_length = _verse_brackets(_replace_all(_LONE_CR.sub("\n", text), _SAME_LENGTH))
        if not _DROPPED.search(text):
            return cls(original=text, norm=same_length, index=range(len(text)))
        index: list[int] = []  # the kept positions, run by run (a C-level extend, not a loop per character)
        kept_from = 0
        for dropped in _DROPPED_RUN.finditer(text):
            index.extend(range(kept_from, dropped.start()))
            kept_from = dropped.end()
        index.extend(range(kept_from, len(text)))
        return cls(original=text, norm=_replace_all(same_length, _DELETE), index=index)

    def original_char(self, i: int) -> str:
        """The original character behind normalised position ``i``."""
        return self.original[self.index[i]]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` for normalised ``[start, end)``.

        The end takes along marks dropped right after the last character (a final
        tanween or shadda belongs to its word), never the next visible character.
        """
        if end <= start:
            position = self.index[start] if start < len(self.index) else len(self.original)
            return position, position
        original_start = self.index[start]
        original_end = self.index[end] if end < len(self.index) else len(self.original)
        last = self.index[end - 1] + 1
        # Only dropped characters (diacritics, zero-width marks) lie between last and original_end.
        while original_end > last and self.original[original_end - 1] in {"\u200e", "\u200f", "\u061c", "\ufeff"}:
            original_end -= 1
        return original_start, original_end


WORD = re.compile(r"[^\W_]+", re.UNICODE)
