"""The development gold set: compiled exactly from its YAML, big and varied enough, and internally consistent.

The gold is what the pre-annotator is measured against, so a slip in it (a claim ending on its full
stop, a source that is not the nearest mention, a tag that promises a case the passage does not
contain) would silently move every score. These tests check the conventions mechanically.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from annotate.schema import SOURCE_TYPES, Document

DATA = Path(__file__).resolve().parent / "data"
ROOT = DATA.parent.parent
SAMPLE = ROOT / "sample" / "syria-tv-2024-08-09.txt"
AFFILIATIONS = ("sdf", "regime", "russia", "usa", "iran", "turkey", "opposition")

CONVENTION_TAGS = {
    "direct",
    "indirect",
    "complementizer",
    "quote-multi-sentence",
    "unclosed-quote",
    "nested",
    "post-attribution",
    "headline",
    "headline-channel",
    "coreference",
    "unstated-subject",
    "quoted-name-not-claim",
    "passive-unsourced",
    "list",
    "no-claim",
    "scraped-debris",
    "crlf",
    "nbsp",
    "emoji",
    "guillemets",
    "curly-quotes",
    "dateline",
    "organization-statement",
    "media",
    "local",
    "anonymous",
    "named-person",
    "mixed-quote",
    "noun-object",
    "new-claim-split",
    "participle",
    "accusation",
    "tatweel",
    "diacritics",
} | {f"affiliation-{a}" for a in AFFILIATIONS}

OPENING_QUOTES = '"«“”'
CLOSING_QUOTES = '"»”“'
PASSIVE_CUES = {"أفيد", "تردد", "يعتقد", "قيل", "ذكر", "يذكر", "يشار"}
COMPLEMENTIZER = re.compile(r"^(?:أن|إن|بأن|أنّ|إنّ|بأنّ)(?:ه|ها|هم|هما|نا)?\s")
HARAKAT = re.compile("[\u064b-\u0652]")


def _build_module():
    spec = importlib.util.spec_from_file_location("build_gold", DATA / "build_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold() -> list[Document]:
    return _build_module().compile_gold()


def _tags(doc: Document) -> set[str]:
    return set(doc.meta["tags"])


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index)


def test_jsonl_is_exactly_what_the_yaml_compiles_to(gold: list[Document]) -> None:
    lines = (DATA / "dev_gold.jsonl").read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", "the JSONL ends with a newline"
    assert lines[:-1] == [doc.to_json_line() for doc in gold], "dev_gold.jsonl is stale: run `invoke gold`"


def test_the_sample_is_the_exact_file_text(gold: list[Document]) -> None:
    sample = next(doc for doc in gold if doc.id == "syria-tv-2024-08-09")
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        assert sample.text == handle.read()
    assert "\u00a0" in sample.text
    assert len(sample.claims) >= 10


def test_size_of_the_set(gold: list[Document]) -> None:
    passages = [doc for doc in gold if doc.id.startswith("dev-")]
    assert len(passages) >= 60
    assert sum(len(doc.claims) for doc in passages) >= 150
    assert sum(1 for doc in gold if not doc.claims) >= 10
    assert len(gold) == len(passages) + 1, "only the sample and dev-NNN passages"


def test_every_convention_is_tagged(gold: list[Document]) -> None:
    counts = Counter(tag for doc in gold for tag in _tags(doc))
    missing = sorted(CONVENTION_TAGS - set(counts))
    assert not missing, f"no example tagged {missing}"
    rare = sorted(tag for tag in CONVENTION_TAGS if counts[tag] < 2)
    assert not rare, f"covered only once: {rare}"


def test_every_source_type_and_affiliation_occurs(gold: list[Document]) -> None:
    mentions = [source for doc in gold for source in doc.sources]
    assert {s.type for s in mentions} == set(SOURCE_TYPES)
    assert {s.affiliation for s in mentions} == set(AFFILIATIONS) | {None}


def test_an_entity_has_one_type_and_affiliation_and_a_claim_unless_it_relays(gold: list[Document]) -> None:
    for doc in gold:
        by_id = doc.source_by_id()
        claimed = {by_id[c.source].entity for c in doc.claims if c.source}
        for entity in {s.entity for s in doc.sources}:
            mentions = [s for s in doc.sources if s.entity == entity]
            assert len({(s.type, s.affiliation) for s in mentions}) == 1, f"{doc.id} {entity}: mixed type/affiliation"
            if entity not in claimed:  # only a relayer ("نقلت وكالة X عن مصدر Y") may have no claim of its own
                relayed = [
                    c
                    for c in doc.claims
                    for m in mentions
                    if c.source
                    and _line(doc.text, c.start) == _line(doc.text, m.start)
                    and by_id[c.source].entity != entity
                    and m.end <= by_id[c.source].start
                ]
                assert "nested" in _tags(doc) and relayed, f"{doc.id} {entity}: a source entity without any claim"


def test_claim_source_is_in_its_line_or_the_nearest_earlier_mention(gold: list[Document]) -> None:
    for doc in gold:
        by_id = doc.source_by_id()
        for claim in doc.claims:
            if claim.source is None:
                continue
            chosen = by_id[claim.source]
            entity = [s for s in doc.sources if s.entity == chosen.entity]
            same_line = [s for s in entity if _line(doc.text, s.start) == _line(doc.text, claim.start)]
            if same_line:
                assert chosen in same_line, f"{doc.id} {claim.id}: the entity has a mention in the claim's line"
            else:
                earlier = [s for s in entity if s.start < claim.start]
                assert earlier and chosen.start == max(s.start for s in earlier), f"{doc.id} {claim.id}"


def test_claim_spans_follow_the_conventions(gold: list[Document]) -> None:
    for doc in gold:
        text = doc.text
        for claim in doc.claims:
            where = f"{doc.id} {claim.id} {claim.text[:30]!r}"
            assert claim.text == claim.text.strip(" \u00a0\r\n"), f"{where}: surrounding space"
            assert not COMPLEMENTIZER.match(claim.text), f"{where}: starts with a complementizer"
            assert claim.text[-1] not in ".،,:؛!?؟", f"{where}: ends with punctuation"
            before = text[: claim.start].rstrip(" \u00a0")
            after = text[claim.end :]
            enclosed = bool(before) and before[-1] in OPENING_QUOTES and after[:1] in tuple(CLOSING_QUOTES)
            if claim.kind == "indirect":
                assert not enclosed, f"{where}: indirect but wholly quoted"
            elif claim.cue is not None:
                assert before and before[-1] in OPENING_QUOTES, f"{where}: direct without an opening quote"
                assert after[:1] in tuple(CLOSING_QUOTES) + (".", "\r", "\n", ""), (
                    f"{where}: direct runs past the quote"
                )
            if claim.cue is None:
                assert claim.kind == "direct" and claim.source is not None, f"{where}: a cue-less claim is a headline"
            if claim.source is None:
                bare = HARAKAT.sub("", claim.cue.text).removeprefix("و")
                assert bare in PASSIVE_CUES, f"{where}: unsourced but the cue {claim.cue.text!r} is not passive"


def _is_emoji(char: str) -> bool:
    return unicodedata.category(char) == "So" or 0x1F000 <= ord(char) <= 0x1FAFF


CONTENT_CHECKS = {
    "no-claim": lambda d: not d.claims,
    "direct": lambda d: any(c.kind == "direct" for c in d.claims),
    "indirect": lambda d: any(c.kind == "indirect" for c in d.claims),
    "headline": lambda d: any(c.cue is None for c in d.claims),
    "passive-unsourced": lambda d: any(c.source is None for c in d.claims),
    "post-attribution": lambda d: any(c.cue is not None and c.cue.start > c.end for c in d.claims),
    "coreference": lambda d: any(n > 1 for n in Counter(s.entity for s in d.sources).values()),
    "nested": lambda d: len({s.entity for s in d.sources}) >= 2,
    "unstated-subject": lambda d: any(
        c.source and _line(d.text, d.source_by_id()[c.source].start) < _line(d.text, c.start) for c in d.claims
    ),
    "quote-multi-sentence": lambda d: any(c.kind == "direct" and re.search(r"[.!?؟] ", c.text) for c in d.claims),
    "unclosed-quote": lambda d: any(
        c.kind == "direct" and c.cue is not None and re.match(r"\.?(?:\r?\n|$)", d.text[c.end :]) for c in d.claims
    ),
    "list": lambda d: re.search(r"^(?:[-•*]|\d+[-.)])\s", d.text, re.MULTILINE) is not None,
    "crlf": lambda d: "\r\n" in d.text,
    "nbsp": lambda d: "\u00a0" in d.text,
    "emoji": lambda d: any(_is_emoji(ch) for ch in d.text),
    "guillemets": lambda d: "«" in d.text or "»" in d.text,
    "curly-quotes": lambda d: "“" in d.text or "”" in d.text,
    "tatweel": lambda d: "\u0640" in d.text,
    "diacritics": lambda d: HARAKAT.search(d.text) is not None,
    "mixed-quote": lambda d: any(c.kind == "indirect" and re.search('["«“”]', c.text) for c in d.claims),
    "noun-object": lambda d: any(c.kind == "indirect" for c in d.claims),
    "organization-statement": lambda d: any(s.type == "organization" for s in d.sources),
    "media": lambda d: any(s.type == "media" for s in d.sources),
    "local": lambda d: any(s.type == "local" for s in d.sources),
    "anonymous": lambda d: any(s.type == "anonymous" for s in d.sources),
    "named-person": lambda d: any(s.type == "named_person" for s in d.sources),
} | {f"affiliation-{a}": (lambda d, a=a: any(s.affiliation == a for s in d.sources)) for a in AFFILIATIONS}


def test_tags_promise_only_what_the_passage_contains(gold: list[Document]) -> None:
    wrong = [
        (doc.id, tag) for doc in gold for tag in _tags(doc) if tag in CONTENT_CHECKS and not CONTENT_CHECKS[tag](doc)
    ]
    assert not wrong, f"tag not borne out by the annotation: {wrong}"
    untagged_no_claim = [doc.id for doc in gold if not doc.claims and "no-claim" not in _tags(doc)]
    assert not untagged_no_claim


def test_a_broken_example_is_named(tmp_path: Path) -> None:
    build = _build_module()
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "- id: dev-bad\n  tags: [direct]\n  text: 'قال مصدر إن \"شيئاً حدث\".'\n"
        "  claims:\n    - {text: 'شيء لم يحدث', kind: direct, cue: 'قال', source: null}\n",
        encoding="utf-8",
    )
    from annotate.errors import InputError

    with pytest.raises(InputError, match="dev-bad"):
        build.compile_gold(bad)
