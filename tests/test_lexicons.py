"""Word lists are data a fact-checker edits: a broken file gives one line naming it, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _cli_support import one_line_error

from annotate.errors import LexiconError
from annotate.lexicons import DEFAULT_DIR, layered_lexicon, load_lexicon

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def lexicon_copy(tmp_path: Path) -> Path:
    for path in DEFAULT_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_a_copied_lexicon_loads_and_an_added_verb_is_known(lexicon_copy: Path) -> None:
    cues = lexicon_copy / "cues.yaml"
    cues.write_text(cues.read_text(encoding="utf-8").replace("verbs:\n", "verbs:\n  - {forms: [همس, همست]}\n", 1),
                    encoding="utf-8")
    assert load_lexicon(lexicon_copy).verbs["همست"].gender == "f"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("media.yaml", "- {key: x, names: [unclosed\n", r"media\.yaml:\d+: not valid YAML"),
    ("forenames.yaml", b"\xff\xfe", r"forenames\.yaml: not UTF-8 text"),
    ("organizations.yaml", "- {names: [بلا مفتاح]}\n", r"organizations\.yaml: entry .* needs 'key'"),
    ("cues.yaml", "verbs:\n  - {forms: [حمل], object: true, object_words: مسؤولية}\n",
     r"cues\.yaml: verb 1: 'object_words' must be a list of words"),
    ("cues.yaml", "verbs:\n  - {forms: [أفاد], preposition: ب}\n", r"cues\.yaml: verb 1: 'preposition' must be a list"),
])
def test_a_broken_file_is_named(lexicon_copy: Path, name: str, content: str | bytes, message: str) -> None:
    target = lexicon_copy / name
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_lexicon(lexicon_copy)


def test_a_missing_file_is_named(lexicon_copy: Path) -> None:
    (lexicon_copy / "cues.yaml").unlink()
    with pytest.raises(LexiconError, match=r"cues\.yaml: no such file"):
        load_lexicon(lexicon_copy)


# ---------------------------------------------------------------- a mistake in a layer is named in the layer

TWO_VERBS = "verbs:\n  - {forms: [همس, همست]}\n  - {forms: [غمز, غمزت]}\n"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("cues.yaml", TWO_VERBS + "  - {forms: [لمح, لمحت], preposition: ب}\n",
     "layer/cues.yaml: verb 3: 'preposition' must be a list of words"),
    ("cues.yaml", TWO_VERBS + "  - {object: true}\n", "layer/cues.yaml: verb 3 needs a non-empty 'forms' list"),
    ("cues.yaml", TWO_VERBS + "  - لمح\n", "layer/cues.yaml: verb 3 needs a non-empty 'forms' list"),
    ("cues.yaml", TWO_VERBS + "  - {forms: [لمح], object: نعم}\n",
     "layer/cues.yaml: verb 3: 'object' must be true or false, got 'نعم'"),
    ("cues.yaml", TWO_VERBS + "  - {forms: [لمح], prepositon: [ب]}\n",
     ("layer/cues.yaml: verb 3: unknown key 'prepositon' (a verb takes forms, object, preposition, nested, accuses, "
      "topic, object_words, complement_too, document_subject, marked_only, describes, outlet_subject, warns)")),
    ("cues.yaml", "participles: [مغمغما, 7]\n",
     "layer/cues.yaml, participles: entry 2: expected a non-empty word or phrase, got 7"),
    ("cues.yaml", "participle: [مغمغما]\n", "layer/cues.yaml: unknown key 'participle'"),
    ("sources.yaml", "person_titles: البطريرك\n",
     "layer/sources.yaml, person_titles: a layer must add a list, not a str"),
    ("sources.yaml", "anaphors:\n  المجمع: مجمع\n", "layer/sources.yaml, anaphors, المجمع: expected a list of heads"),
    ("organizations.yaml", "- {key: a, names: [أ]}\n- {names: [ب]}\n",
     "layer/organizations.yaml: entry 2 needs 'key' and a 'names' list"),
    ("affiliations.yaml", "sdf: {word: [قسد]}\n", "layer/affiliations.yaml, sdf: unknown key 'word'"),
])
def test_a_mistake_in_a_layer_is_named_by_the_layer_file_and_its_entry_there(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: str, message: str) -> None:
    """Not by the merged lists in a temporary folder: there the built-in verbs come first, and a layer's
    verb 3 is verb 70-odd."""
    (tmp_path / "layer").mkdir()
    (tmp_path / "layer" / name).write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(LexiconError) as error:
        layered_lexicon("layer")  # the path as the user typed it
    assert str(error.value) == message


def test_a_mistake_in_the_built_in_lists_is_still_named_there_when_a_layer_is_added(
        lexicon_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cues = lexicon_copy / "cues.yaml"
    broken = TWO_VERBS + "  - {forms: [لمح], nested: 1}\n"
    cues.write_text(cues.read_text(encoding="utf-8").replace("verbs:\n", broken, 1), encoding="utf-8")
    layer = tmp_path / "layer"
    layer.mkdir()
    (layer / "cues.yaml").write_text(TWO_VERBS, encoding="utf-8")
    monkeypatch.setattr("annotate.lexicons.DEFAULT_DIR", lexicon_copy)
    with pytest.raises(LexiconError) as error:
        layered_lexicon(layer)
    assert str(error.value) == f"{cues}: verb 3: 'nested' must be true or false, got 1"


def test_a_valid_layer_adds_to_every_file_and_withdraws(tmp_path: Path) -> None:
    files = {
        "cues.yaml": TWO_VERBS + "withdrawn: [قال]\ndeleted_by_reviewers: [{cue: قال, deleted: 2, kept: 0}]\n",
        "sources.yaml": "person_titles: [الكاردينال]\nanaphors:\n  المجمع: [مجمع]\n",
        "organizations.yaml": "- {key: synod, names: [المجمع المقدس]}\n",
        "media.yaml": "- {key: noursat, names: [نورسات]}\n",
        "affiliations.yaml": "sdf: {words: [مسد]}\nchurch: {label: Church, words: [الكنيسة]}\n",
        "forenames.yaml": "- يوحنا\n",
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    lexicon = layered_lexicon(tmp_path)
    assert lexicon.verbs["غمزت"].gender == "f" and "قال" not in lexicon.verbs
    assert ("الكاردينال",) in lexicon.person_titles and lexicon.anaphors["المجمع"] == ("مجمع",)
    assert lexicon.organizations[("المجمع", "المقدس")] == "synod" and lexicon.media[("نورسات",)] == "noursat"
    assert lexicon.affiliation_words[("الكنيسة",)] == "church" and lexicon.affiliations[-1] == "church"
    assert "يوحنا" in lexicon.forenames


@pytest.mark.parametrize("how", ["--lexicons", "ANNOTATE_LEXICONS"])
def test_pre_names_a_mistake_in_a_layer_in_one_line_and_writes_nothing(tmp_path: Path, how: str) -> None:
    (tmp_path / "layer").mkdir()
    (tmp_path / "layer" / "cues.yaml").write_text(TWO_VERBS + "  - {forms: [لمح, لمحت], preposition: ب}\n",
                                                  encoding="utf-8")
    (tmp_path / "article.txt").write_text("قال مصدر إن الوضع هادئ.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    env.pop("ANNOTATE_LEXICONS", None)
    command = [sys.executable, "-m", "annotate", "pre", "article.txt", "-o", "out.jsonl"]
    if how == "--lexicons":
        command += ["--lexicons", "layer"]
    else:
        env["ANNOTATE_LEXICONS"] = "layer"
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300, check=False)
    assert one_line_error(result) == "error: layer/cues.yaml: verb 3: 'preposition' must be a list of words"
    assert result.returncode == 2
    assert not (tmp_path / "out.jsonl").exists()
