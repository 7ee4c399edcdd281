"""The stanza engine on the sample article: subject and complement of reporting verbs, exact offsets."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from _stanza_support import SAMPLE

from annotate.io import read_documents
from annotate.schema import Document
from annotate.stanza_models.analysis import analyse, tokenizer_text, word_spans

CLITIC_HEAVY = (
    "وقالـت المصادر، بأنهم وصلوا للمدينة\r\nوبالتالي فإنهم سيعقدون لقاءاتهم بمقرها 🇸🇾\u00a0غداً.\n\n"
    "ولفت إلى أنهم لن يعودوا، وأكدت «قسد» أنها ستعاقبهم بكل الوسائل."
)


@pytest.mark.parametrize(
    ("token", "pieces", "expected"),
    [
        ("وقال", ["و", "قال"], [(10, 11), (11, 14)]),             # pieces add up: laid over the token
        ("للسلطة", ["ل", "السلطة"], [(10, 11), (11, 16)]),        # expander restored a letter: last takes the rest
        ("بأنهم", ["ب", "أن", "هم"], [(10, 11), (11, 13), (13, 15)]),
        ("وصل", ["وصل"], [(10, 13)]),
    ],
)
def test_words_of_a_token_tile_its_characters(token, pieces, expected):
    assert word_spans(token, 10, pieces) == expected


def test_tokenizer_text_keeps_length():
    assert len(tokenizer_text(CLITIC_HEAVY)) == len(CLITIC_HEAVY)
    assert "،" not in tokenizer_text(CLITIC_HEAVY) and "«" not in tokenizer_text(CLITIC_HEAVY)


@pytest.mark.stanza
def test_offsets_round_trip_on_clitic_heavy_text(stanza_models: Path):
    (sentences,) = list(analyse([CLITIC_HEAVY], stanza_models))
    words = [w for s in sentences for w in s.words]
    assert len(words) > 20
    split_tokens = 0
    by_token: dict[tuple[int, int], list] = {}
    for w in words:
        by_token.setdefault((w.token_start, w.token_end), []).append(w)
        assert CLITIC_HEAVY[w.start : w.end] == w.text
    for (start, end), pieces in by_token.items():
        assert CLITIC_HEAVY[start:end].strip() == CLITIC_HEAVY[start:end] != ""
        assert pieces[0].start == start and pieces[-1].end == end
        assert all(a.end == b.start for a, b in itertools.pairwise(pieces))
        split_tokens += len(pieces) > 1
    assert split_tokens >= 4  # و+قالت، ب+أن+هم، ل+المدينة، ف+إن+هم … are split
    glued = "".join(CLITIC_HEAVY[s:e] for s, e in sorted(by_token))
    assert glued == "".join(CLITIC_HEAVY.split()) .replace("\u00a0", "")


@pytest.fixture(scope="module")
def engine(stanza_models: Path):
    from annotate.preannotate.stanza_engine import StanzaEngine

    return StanzaEngine(stanza_models)


def _paragraph(starting: str) -> str:
    text = SAMPLE.read_text(encoding="utf-8")
    return next(p for p in text.split("\n") if p.startswith(starting))


@pytest.mark.stanza
@pytest.mark.parametrize(
    ("paragraph", "cue", "source_head", "claim_start"),
    [
        ("وأفاد مصدر خاص", "أفاد", "مصدر", "قائد القوات الروسية وصل"),
        ("وشدد المصدر على أن", "شدد", "المصدر", "روسيا تسعى إلى تهدئة"),
        ("وأشار المصدر إلى أن \"قائد", "أشار", "المصدر", "قائد القوات الروسية وضباطاً"),
    ],
)
def test_subject_and_complement_of_a_reporting_verb(engine, paragraph, cue, source_head, claim_start):
    text = _paragraph(paragraph)
    (doc,) = list(engine.annotate([Document(id="p", text=text)]))
    claims = [c for c in doc.claims if c.cue is not None and cue in c.cue.text]
    assert claims, f"no claim for {cue}: {[c.text for c in doc.claims]}"
    claim = claims[0]
    assert claim.text.startswith(claim_start)
    assert claim.kind == "direct"
    source = doc.source_by_id()[claim.source]
    assert source.text.split()[0] == source_head


@pytest.mark.stanza
def test_offsets_are_exact_and_output_is_the_same_twice(engine, stanza_models: Path):
    from annotate.preannotate.stanza_engine import StanzaEngine

    docs = list(read_documents([SAMPLE])) + [Document(id="clitics", text=CLITIC_HEAVY)]
    first = [d.to_json_line() for d in engine.annotate(docs)]
    second = [d.to_json_line() for d in StanzaEngine(stanza_models).annotate(docs)]
    assert first == second
    annotated = [Document.model_validate_json(line) for line in first]  # re-validates every span
    assert annotated[0].text == docs[0].text and len(annotated[0].claims) >= 5
    assert any(c.cue is not None for c in annotated[1].claims)
