"""Every guideline example runs through the rules pre-annotator.

An example either passes (same claims: span, kind, cue, source text, type, affiliation) or is
listed in guidelines/known_limitations.yaml with its reason. The list cannot change silently:
an unlisted example that fails, and a listed example that starts passing, both fail here.
"""

from __future__ import annotations

import pytest

from annotate.guidelines import load_guidelines
from annotate.guidelines.check import ExampleResult, check_examples

GUIDE = load_guidelines()
KNOWN = {entry.id: entry.reason for entry in GUIDE.known_limitations}


@pytest.fixture(scope="module")
def results() -> dict[str, ExampleResult]:
    return {result.id: result for result in check_examples(GUIDE, "rules")}


@pytest.mark.parametrize("example_id", [e.id for e in GUIDE.examples])
def test_example_against_rules_engine(example_id: str, results: dict[str, ExampleResult]) -> None:
    result = results[example_id]
    if example_id in KNOWN:
        assert not result.passed, (
            f"{example_id} now passes: remove it from guidelines/known_limitations.yaml "
            f"(it was listed because: {KNOWN[example_id]})"
        )
    else:
        assert result.passed, (
            f"{example_id} differs from the guidelines (fix the engine, or list it in "
            "guidelines/known_limitations.yaml with the reason):\n  " + "\n  ".join(result.differences)
        )


def test_known_limitations_name_examples_once() -> None:
    ids = [entry.id for entry in GUIDE.known_limitations]
    assert len(ids) == len(set(ids)), "an example is listed twice in known_limitations.yaml"
    assert set(ids) <= {e.id for e in GUIDE.examples}


def test_comparison_sees_each_field() -> None:
    """The comparison is not vacuous: a change in any compared field is reported."""
    from annotate.guidelines.check import compare_claims

    example = next(e for e in GUIDE.examples if e.id == "ex-direct-quote").document
    assert compare_claims(example, example) == []
    claim = example.claims[0]
    for change in ({"kind": "indirect"}, {"cue": None}, {"source": "s2"}, {"end": claim.end - 1, "text": claim.text[:-1]}):
        altered = example.model_copy(update={"claims": [claim.model_copy(update=change), *example.claims[1:]]})
        assert compare_claims(example, altered), f"change {change} went unnoticed"
    retyped = example.model_copy(update={"sources": [example.sources[0].model_copy(update={"type": "local"}),
                                                     *example.sources[1:]]})
    assert any("type" in d for d in compare_claims(example, retyped))
    assert compare_claims(example, example.model_copy(update={"claims": []})) != []
