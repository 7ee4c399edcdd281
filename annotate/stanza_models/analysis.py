"""stanza's analysis of a text as plain data, with exact code-point offsets for every word.

stanza gives character offsets for tokens, not for the words inside a multi-word token
(و+قال، ب+أن، ل+موقع). Those are mapped back here: the pieces are laid over the token's
characters from the left (the MWT expander may restore a letter, e.g. ل+السلطة for للسلطة,
so the last piece takes whatever remains). Before tokenizing, a few Arabic punctuation marks
are replaced by their ASCII twins (same length, so offsets are unchanged) because the
training treebank only uses ASCII punctuation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotate.stanza_models.load import load_pipeline

_SAME_LENGTH = str.maketrans({"،": ",", "؛": ";", "؟": "?", "«": '"', "»": '"', "“": '"', "”": '"'})


def tokenizer_text(text: str) -> str:
    """The text stanza reads: same length as ``text``, Arabic punctuation as in the treebank."""
    prepared = text.translate(_SAME_LENGTH)
    assert len(prepared) == len(text)
    return prepared


@dataclass(frozen=True)
class Word:
    """One syntactic word; ``start``/``end`` are code points into the original text."""

    id: int
    text: str
    lemma: str
    upos: str
    feats: str
    head: int
    deprel: str
    start: int
    end: int
    token_start: int
    token_end: int


@dataclass(frozen=True)
class Sentence:
    """A parsed sentence; word ids are 1-based as in CoNLL-U (``head`` 0 is the root)."""

    words: tuple[Word, ...]

    @property
    def start(self) -> int:
        return self.words[0].token_start

    @property
    def end(self) -> int:
        return self.words[-1].token_end

    def word(self, word_id: int) -> Word:
        return self.words[word_id - 1]

    def children(self, word_id: int) -> list[Word]:
        return [w for w in self.words if w.head == word_id]

    def subtree(self, word_id: int) -> list[Word]:
        """The word and all its descendants, in text order."""
        keep = {word_id}
        grew = True
        while grew:
            grew = False
            for w in self.words:
                if w.head in keep and w.id not in keep:
                    keep.add(w.id)
                    grew = True
        return [w for w in self.words if w.id in keep]


def word_spans(token_text: str, token_start: int, pieces: list[str]) -> list[tuple[int, int]]:
    """Code-point spans of the words of one token, laid over its characters from the left."""
    spans: list[tuple[int, int]] = []
    position = 0
    for number, piece in enumerate(pieces):
        remaining = len(token_text) - position
        if number == len(pieces) - 1:
            length = remaining
        elif token_text.startswith(piece, position):
            length = len(piece)
        else:
            length = max(0, min(len(piece), remaining - (len(pieces) - number - 1)))
        spans.append((token_start + position, token_start + position + length))
        position += length
    return spans


def _sentences(doc: Any, original: str) -> list[Sentence]:
    result: list[Sentence] = []
    for sentence in doc.sentences:
        words: list[Word] = []
        for token in sentence.tokens:
            start, end = token.start_char, token.end_char
            spans = word_spans(original[start:end], start, [w.text for w in token.words])
            for w, (ws, we) in zip(token.words, spans):
                words.append(Word(id=w.id, text=original[ws:we], lemma=w.lemma or w.text, upos=w.upos or "X", feats=w.feats or "_",
                                  head=w.head or 0, deprel=w.deprel or "dep", start=ws, end=we,
                                  token_start=start, token_end=end))
        if words:
            result.append(Sentence(words=tuple(words)))
    return result


def analyse(texts: Iterable[str], models: Path | str | None = None, batch_size: int = 8) -> Iterator[list[Sentence]]:
    """Sentences of each text, in order; texts go through the pipeline in batches of ``batch_size``.

    The pipeline is loaded once per process (:func:`load_pipeline`).
    """
    nlp = load_pipeline(models)
    batch: list[str] = []

    def flush() -> Iterator[list[Sentence]]:
        if not batch:
            return
        import stanza

        docs = nlp.bulk_process([stanza.Document([], text=tokenizer_text(t)) for t in batch])
        done = list(zip(batch, docs))
        batch.clear()
        for text, doc in done:
            yield _sentences(doc, text)

    for text in texts:
        batch.append(text)
        if len(batch) >= batch_size:
            yield from flush()
    yield from flush()
