"""Document <-> Label Studio results without a server: the interface, the round trip, and every
way an annotation can break the schema (each reported with a reason, never a crash)."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from _labelstudio_support import sample_documents
from label_studio_sdk.label_interface import LabelInterface

from annotate.errors import InputError
from annotate.guidelines import load_guidelines
from annotate.io import read_jsonl
from annotate.labelstudio.config import SPAN_LABELS, affiliation_values, label_config
from annotate.labelstudio.convert import BadAnnotation, document_to_results, read_results, results_to_document
from annotate.labelstudio.export import choose_gold, conll, review
from annotate.labelstudio.push import _validated_predictions
from annotate.schema import SOURCE_TYPES

DEV_GOLD = Path(__file__).resolve().parent / "data" / "dev_gold.jsonl"


def _documents():
    return read_jsonl(DEV_GOLD) if DEV_GOLD.exists() else sample_documents()


def test_interface_is_valid_and_every_label_is_defined_in_labels_yaml():
    config = label_config()
    LabelInterface(config).validate()
    defined = {label.name for label in load_guidelines().labels.span_labels}
    assert set(SPAN_LABELS) <= defined
    shown = {label.name: label.display for label in load_guidelines().labels.span_labels}
    for name in SPAN_LABELS:  # shown in Arabic and English, stored as the code (issue 11.15)
        assert f'<Label value="{shown[name].ar} · {shown[name].en}" alias="{name}"' in config
    for relation in ("attributed_to", "introduces", "coref"):
        assert f'<Relation value="{relation}"' in config
    assert "direction: rtl" in config and "white-space: pre-wrap" in config
    assert affiliation_values()[:3] == ["sdf", "regime", "russia"]


def test_documents_survive_results_and_back_exactly():
    documents = _documents()
    config = label_config({s.affiliation for d in documents for s in d.sources if s.affiliation})
    interface = LabelInterface(config)
    for doc in documents:
        results = document_to_results(doc)
        assert interface.validate_prediction({"result": results}, return_errors=True) == []
        assert results_to_document(results, doc.text, doc.id, doc.meta, keep_scores=True) == doc


def test_every_prediction_is_validated_against_the_interface_before_sending():
    doc = sample_documents()[1]
    martian = doc.model_copy(update={"sources": [doc.sources[0].model_copy(update={"affiliation": "martian"})]})
    with pytest.raises(InputError, match="doc-b.*does not fit the interface"):
        _validated_predictions([martian], label_config())
    assert _validated_predictions([martian], label_config({"martian"}))


def _results():
    return document_to_results(sample_documents()[0])


def _find(results, region_id, from_name="label"):
    return next(r for r in results if r.get("id") == region_id and r.get("from_name") == from_name)


def _wrong_text(results):
    _find(results, "c_c1")["value"]["text"] = "something else"


def _outside(results):
    _find(results, "s_s1")["value"].update(start=500, end=510)


def _missing_relation_target(results):
    results.append({"type": "relation", "from_id": "c_c1", "to_id": "nowhere", "direction": "right", "labels": []})


def _no_kind(results):
    results.remove(_find(results, "c_c1", "kind"))


def _two_sources(results):
    results.append({"type": "relation", "from_id": "c_c1", "to_id": "s_s2", "direction": "right",
                    "labels": ["attributed_to"]})


def _lonely_cue(results):
    results[:] = [r for r in results if not (r.get("type") == "relation" and r["from_id"] == "q_c1")]


def _two_labels(results):
    _find(results, "s_s1")["value"]["labels"] = ["anonymous", "media"]


def _cue_to_source(results):
    results.append({"type": "relation", "from_id": "q_c1", "to_id": "s_s1", "direction": "right", "labels": []})


def _choice_without_region(results):
    results.append({"id": "ghost", "from_name": "kind", "to_name": "text", "type": "choices",
                    "value": {"start": 0, "end": 1, "choices": ["direct"]}})


def _affiliation_on_claim(results):
    results.append({"id": "c_c1", "from_name": "affiliation", "to_name": "text", "type": "choices",
                    "value": {"start": 0, "end": 1, "choices": ["sdf"]}})


def _wrong_relation_label(results):
    relation = next(r for r in results if r.get("type") == "relation" and r["from_id"] == "c_c1")
    relation["labels"] = ["coref"]


@pytest.mark.parametrize(
    ("breakage", "reason"),
    [
        (_wrong_text, r"c_c1 \(claim\) offsets \d+:\d+ cover '.*', but the annotation says 'something else'"),
        (_outside, "outside the text"),
        (_no_kind, "has no kind"),
        (_two_sources, "attributed to 2 sources"),
        (_two_labels, "has 2 labels"),
        (_cue_to_source, "links nothing the schema knows"),
        (_affiliation_on_claim, "belongs on a source"),
        (_wrong_relation_label, "expected 'attributed_to'"),
    ],
)
def test_schema_breaking_annotations_are_reported_with_a_reason(breakage, reason):
    doc = sample_documents()[0]
    results = copy.deepcopy(_results())
    breakage(results)
    with pytest.raises(BadAnnotation, match=reason):
        results_to_document(results, doc.text, doc.id)


def _deleted_claim(results):
    """What Label Studio leaves when a reviewer deletes claim c1: its relations and answers go, its cue stays."""
    results[:] = [r for r in results if r.get("id") != "c_c1" and "c_c1" not in (r.get("from_id"), r.get("to_id"))]


@pytest.mark.parametrize(
    ("dangling", "claims", "note"),
    [
        (_deleted_claim, ["الاجتماع انتهى"], r"cue 'وأفاد' \(0:5\) introduces no claim: ignored \(to keep it, select the "
                                           r"cue, click Create Relation \(Alt\+R\) and then its claim; otherwise delete the cue\)"),
        (_lonely_cue, ["القوات وصلت إلى المطار", "الاجتماع انتهى"], "cue 'وأفاد' .* introduces no claim: ignored"),
        (_missing_relation_target, ["القوات وصلت إلى المطار", "الاجتماع انتهى"],
         "relation 'c_c1' -> 'nowhere' refers to region 'nowhere', which does not exist: ignored"),
        (_choice_without_region, ["القوات وصلت إلى المطار", "الاجتماع انتهى"],
         "kind answer on region 'ghost', which does not exist: ignored"),
    ],
)
def test_dangling_cues_relations_and_answers_are_ignored_and_the_rest_is_kept(dangling, claims, note):
    doc = sample_documents()[0]
    results = copy.deepcopy(_results())
    dangling(results)
    reading = read_results(results, doc.text, doc.id)
    [ignored] = reading.ignored
    assert re.match(note, ignored), ignored
    assert [c.text for c in reading.document.claims] == claims
    assert [s.text for s in reading.document.sources] == [s.text for s in doc.sources]
    assert "draw a relation" not in ignored


def test_hand_drawn_regions_get_fresh_ids_and_coref_links_decide_entities():
    doc = sample_documents()[0]
    results = [r for r in _results() if not (r.get("type") == "relation" and r["labels"] == ["coref"])]
    start = doc.text.index("الاجتماع")
    results.append({"id": "Xy12ab", "from_name": "label", "to_name": "text", "type": "labels",
                    "value": {"start": start, "end": start + 8, "text": "الاجتماع", "labels": ["organization"]}})
    back = results_to_document(results, doc.text, doc.id)
    by_text = {s.text: s for s in back.sources}
    assert by_text["الاجتماع"].id == "s3"  # fresh, after the kept s1 and s2
    assert by_text["مصدر خاص"].entity == "e1"  # its name kept from the region's meta
    assert len({s.entity for s in back.sources}) == 3  # the coref link is gone: three entities now
    assert all(s.score == 1.0 for s in back.sources)  # a human annotation is certain


def test_a_cue_shared_by_two_claims_is_one_region():
    doc = sample_documents()[0]
    cue = doc.claims[0].cue
    shared = doc.model_copy(update={"claims": [c.model_copy(update={"cue": cue}) for c in doc.claims]})
    results = document_to_results(shared)
    assert sum(1 for r in results if r.get("value", {}).get("labels") == ["cue"]) == 1
    assert results_to_document(results, doc.text, doc.id, keep_scores=True) == shared


def test_review_says_accepted_changed_or_added():
    predicted = sample_documents()[0]
    edited = predicted.model_copy(update={
        "claims": [predicted.claims[0], predicted.claims[1].model_copy(update={"kind": "direct"})],
        "sources": predicted.sources + [predicted.sources[0].model_copy(update={"id": "s9", "entity": "e9"})],
    })
    assert review(edited, predicted) == {"c1": "accepted", "c2": "changed", "s1": "accepted", "s2": "accepted",
                                         "s9": "added"}
    assert set(review(edited, None).values()) == {"added"}


def test_gold_prefers_ground_truth_then_single_then_majority():
    a = sample_documents()[0]
    fewer = a.model_copy(update={"claims": a.claims[:1]})
    ann = lambda i, gt=False: {"id": i, "ground_truth": gt, "updated_at": f"2025-01-0{i}"}
    assert choose_gold([(ann(1), a), (ann(2, True), fewer)])[1:] == ("ground_truth", 2)
    assert choose_gold([(ann(1), a)])[1:] == ("single", 1)
    assert choose_gold([(ann(1), fewer), (ann(2), a), (ann(3), a)])[1:] == ("majority", 2)


def test_conll_tags_each_layer_in_its_own_column():
    doc = sample_documents()[1]
    lines = [line.split("\t") for line in conll([doc]).splitlines() if line and not line.startswith("#")]
    tags = {cells[0]: cells[3:] for cells in lines}
    assert tags["قالت"] == ["O", "B-CUE", "O"]
    assert tags["وكالة"] == ["O", "O", "B-media"] and tags["سانا"] == ["O", "O", "I-media"]
    assert tags["الجيش"] == ["B-CLAIM", "O", "O"] and tags["القرية"] == ["I-CLAIM", "O", "O"]
    assert tags["،"] == ["O", "O", "O"]
    assert set(SOURCE_TYPES) >= {t[2:] for cells in tags.values() for t in cells[2:] if t != "O"}


def test_every_label_and_choice_is_shown_bilingual_and_stored_as_its_code():
    """Issue 11.15: Arabic display names from labels.yaml, values unchanged in results and export."""
    import xml.etree.ElementTree as ET

    from annotate.labelstudio.push import _configured_affiliations

    root = ET.fromstring(label_config({"martian"}))
    guide = load_guidelines().labels
    shown = {label.name: label.display for label in guide.span_labels}
    for name, choice in guide.choices.items():
        shown.update(choice.display)
    stored = []
    for element in root.iter():
        if element.tag in ("Label", "Choice"):
            code = element.get("alias") or element.get("value")
            stored.append(code)
            expected = f"{shown[code].ar} · {shown[code].en}" if code in shown else code
            assert element.get("value") == expected, code
    assert set(SPAN_LABELS) | {"direct", "indirect", "yes", "no", "sdf", "regime", "martian"} <= set(stored)
    assert "martian" not in shown  # a value beyond labels.yaml is shown as it is
    assert _configured_affiliations(label_config({"martian"}))[-1] == "martian"  # read back as stored
    panel = next(v for v in root.iter("View") if v.get("className") == "annotate-panel")
    assert {c.get("name") for c in panel.iter("Choices")} == {"kind", "check_worthy", "affiliation"}
    assert "position: sticky" in panel.get("style")
