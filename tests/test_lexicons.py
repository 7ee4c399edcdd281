"""Word lists are data a fact-checker edits: a broken file gives one line naming it, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotate.errors import LexiconError
from annotate.lexicons import DEFAULT_DIR, load_lexicon


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
