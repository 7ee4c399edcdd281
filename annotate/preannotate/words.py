"""Word-level matching against the lexicon, tolerant of Arabic clitics.

A news word carries attached particles (و، ف، ب، ل، ك) and the article (ال، لل), so
``وللمصادر`` must match the lexicon entry ``مصادر``. :func:`stems` lists the readings of a
word with such prefixes removed; matching tries each, which is cheap because it is cached.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from annotate.preannotate.segment import Token

Phrase = tuple[str, ...]


@lru_cache(maxsize=65536)
def stems(word: str) -> tuple[str, ...]:
    """The word and its readings without conjunction, preposition and article prefixes."""
    out = [word]
    if len(word) > 2 and word[0] in "وف":
        out.append(word[1:])
    for w in list(out):
        if len(w) > 3 and w.startswith("لل"):
            out.append("ال" + w[2:])
        if len(w) > 2 and w[0] in "بلك":
            out.append(w[1:])
    for w in list(out):
        if len(w) > 3 and w.startswith("ال"):
            out.append(w[2:])
    return tuple(dict.fromkeys(out))


def tafil_verbal_noun(word: str) -> bool:
    """The verbal noun shape تفعيل (normalised, no article): توفيق، تقدير، تأكيد. Never a family name."""
    return len(word) == 5 and word[0] == "ت" and word[3] == "ي"


def derived_verbal_noun(word: str) -> bool:
    """A verbal noun of a derived verb by its shape (normalised): افتعال / انفعال (اكتمال، انطلاق) or
    استفعال (استمرار). These open noun objects ("أكد … اكتمال التجهيزات") and are never names."""
    if len(word) == 6 and word[0] == "ا" and word[-2] == "ا" and word[1] != "ل":
        return True
    return len(word) == 7 and word.startswith("است") and word[-2] == "ا"


@lru_cache(maxsize=65536)
def bare(word: str) -> str:
    """The word without the article (for comparing phrase words after the first)."""
    return word[2:] if len(word) > 3 and word.startswith("ال") else word


def _same(word: str) -> str:
    return word


# the relative pronouns a clause about a named speaker opens with ("…، الذي يرى أن …", "اوباما الذي جعل …")
RELATIVE_PRONOUNS = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين"})
NEGATIONS = frozenset({"لا", "لم", "لن", "ليس", "ليست"})  # "لم يعلن …": what was not said is no claim
BUT_THAT = frozenset({"غير", "الا", "بيد"})  # + أن ("، غير أن …"، "، إلا أن …"): "but", a clause of its own


def pronoun_suffixed(word: str) -> bool:
    """A word ending in his/her/their ("حرصها", "اعتزازه", "قدرتهم"): a possessed noun, an object rather than a
    name (a normalised word keeps ة, so a final ه is the pronoun or a root letter)."""
    return word.endswith(("ه", "ها", "هم"))


# Attached object pronouns (وصفته، أعلنتها، طالبهم), longest first.
OBJECT_PRONOUNS = ("هما", "هم", "ها", "ه")


def without_object_pronoun(word: str, shortest: int = 3) -> str:
    """The word without an attached object pronoun (وصفته → وصفت, طالبهم → طالب), when at least
    ``shortest`` letters remain; else the word itself."""
    for suffix in OBJECT_PRONOUNS:
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=65536)
def without_conjunction(word: str) -> str:
    """The word without an attached و or ف (how cue verbs are looked up)."""
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def _has_article(word: str, head: str) -> bool:
    """``word`` spells ``head`` with the article, a conjunction or preposition before it allowed
    ("الوطن", "والوطن", "بالوطن", "للوطن")."""
    return word.endswith("ال" + head) or (word.startswith("لل") and word[2:] == head)


# Borrowed words the press spells two ways (Gulf papers "الديمقراطية", Levantine ones "الديموقراطية"): a
# lexicon phrase with the first spelling also matches the second.
_SPELLING_VARIANTS = (("ديمقراط", "ديموقراط"), ("اوروب", "اورب"))  # as matched: أ read as ا


def _spellings(phrase: Phrase) -> list[Phrase]:
    """``phrase`` and its variant with every borrowed word spelled the other way (see _SPELLING_VARIANTS)."""
    variant = phrase
    for one, other in _SPELLING_VARIANTS:
        variant = tuple(word.replace(one, other) for word in variant)
    return [phrase] if variant == phrase else [phrase, variant]


class PhraseIndex:
    """Longest-match lookup of multi-word lexicon phrases at a token position."""

    def __init__(self, phrases: Iterable[Phrase] | dict[Phrase, str], ignore_article: bool = True,
                 keep_article_alone: bool = False) -> None:
        values = phrases if isinstance(phrases, dict) else {p: " ".join(p) for p in phrases}
        # Entries usually match with or without the article (مصدر / المصدر); channel words
        # must not, or "الله" would read as "له".
        self._fold = bare if ignore_article else _same
        # keep_article_alone: a short one-word entry written with the article is an everyday word without
        # it, so it matches only with it ("الوطن" the paper, not "وطن" a homeland; "الحدث" the channel, not
        # the verb "حدث"); longer names are often transliterated without it ("ديلي تلغراف")
        self._definite_alone = frozenset(
            bare(p[0]) for p in values if len(p) == 1 and p[0].startswith("ال") and len(bare(p[0])) <= 4) \
            if keep_article_alone else frozenset()
        self._table: dict[Phrase, str] = {}
        for phrase, value in values.items():
            if phrase:
                for variant in _spellings(phrase):
                    self._table.setdefault(tuple(self._fold(w) for w in variant), value)
        self.longest = max((len(p) for p in self._table), default=0)
        self._first_words = frozenset(p[0] for p in self._table)
        lengths: dict[str, set[int]] = {}
        for phrase in self._table:
            lengths.setdefault(phrase[0], set()).add(len(phrase))
        # the phrase lengths that start with each word, longest first: only those are tried
        self._lengths = {head: tuple(sorted(found, reverse=True)) for head, found in lengths.items()}
        self._heads_of: dict[str, tuple[str, ...]] = {}  # word → its readings that start a phrase

    def may_start(self, word: str) -> bool:
        """True when some reading of ``word`` (clitics removed) begins a phrase: :meth:`match` at a word
        for which this is False finds nothing. Not memoised: its one caller (Matchers.may_open_attribution)
        keeps the answer, and a memo here would hold every distinct word of a corpus a second time."""
        return bool(self._heads_of.get(word) or self._readings(word))

    def starts_with(self, word: str) -> bool:
        """True when some phrase begins with ``word`` (already stripped of prefixes)."""
        return self._fold(word) in self._first_words

    def match(self, tokens: Sequence[Token], i: int, first_stems: bool = True) -> tuple[int, str] | None:
        """``(length, value)`` of the longest phrase starting at ``tokens[i]``, or None."""
        if i >= len(tokens):
            return None
        word = tokens[i].text
        if first_stems:
            # the memo read here, not through _heads: most calls end at this look-up (the word starts no
            # phrase), and match runs for nearly every word of a text against several indexes
            heads = self._heads_of.get(word)
            if heads is None:
                heads = self._heads(word)
        else:
            head = self._fold(word)
            heads = (head,) if head in self._first_words else ()
        if not heads:
            return None  # the common case: this word starts no phrase
        return self._longest(tokens, i, heads)

    def _longest(self, tokens: Sequence[Token], i: int, heads: tuple[str, ...]) -> tuple[int, str] | None:
        """The longest phrase at ``tokens[i]`` read as any of ``heads``, longest first, then in the order of
        ``heads``."""
        available = len(tokens) - i
        if len(heads) == 1:
            lengths: Sequence[int] = self._lengths[heads[0]]  # already longest first
        else:
            lengths = sorted({n for h in heads for n in self._lengths[h]}, reverse=True)
        fold, table = self._fold, self._table
        rest: tuple[str, ...] | None = None  # the folded words after the head, read once
        for length in lengths:
            if length > available:
                continue
            if length == 1:
                key_rest: tuple[str, ...] = ()
            else:
                if rest is None:
                    rest = tuple(fold(t.text) for t in tokens[i + 1 : i + length])
                key_rest = rest[: length - 1]
            for head in heads:
                value = table.get((head, *key_rest))
                if value is not None and not (length == 1 and head in self._definite_alone
                                              and not _has_article(tokens[i].text, head)):
                    return length, value
        return None

    def _heads(self, word: str) -> tuple[str, ...]:
        """The readings of ``word`` (clitics removed) that start some phrase; memoised per index."""
        heads = self._heads_of.get(word)
        if heads is None:
            if len(self._heads_of) > 200_000:
                self._heads_of.clear()  # bounded: a corpus brings millions of distinct words
            heads = self._heads_of[word] = self._readings(word)
        return heads

    def _readings(self, word: str) -> tuple[str, ...]:
        """The readings of ``word`` that start some phrase, in the order of :func:`stems`, each once."""
        found: list[str] = []
        for stem in stems(word):
            head = self._fold(stem)
            if head in self._first_words and head not in found:
                found.append(head)
        return tuple(found)

    def find(self, tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
        """Every match ``(position, length, value)`` in a token run, left to right."""
        found = []
        i = 0
        while i < len(tokens):
            hit = self.match(tokens, i)
            if hit:
                found.append((i, hit[0], hit[1]))
                i += hit[0]
            else:
                i += 1
        return found
