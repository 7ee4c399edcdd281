"""The rules engine, specified by example: news text on the left, expected annotation on the right.

Each row gives claims as strings (claim, kind, source mention, source type, affiliation); the
test finds them in the output, so a reader sees what is meant without counting offsets.
"""

from __future__ import annotations

import pytest
from _engine_support import Expected
from _engine_support import claims_as_strings as _claims

from annotate.preannotate import preannotate
from annotate.schema import Document


CASES: list[tuple[str, list[Expected]]] = [
    # verb + subject + channel + complementizer, direct quotation
    ('وأفاد مصدر خاص لموقع تلفزيون سوريا، بأن "قائد القوات الروسية وصل إلى مطار القامشلي".',
     [("قائد القوات الروسية وصل إلى مطار القامشلي", "direct", "مصدر خاص", "anonymous", None)]),
    # title and name in the mention, channel phrase left out, indirect content
    ("وقال وزير الخارجية اللبناني عبد الله بو حبيب، في تصريح لقناة الجديد، إن لبنان لا يريد الحرب.",
     [("لبنان لا يريد الحرب", "indirect", "وزير الخارجية اللبناني عبد الله بو حبيب", "named_person", None)]),
    # nested attribution: the innermost source speaks
    ("ونقلت وكالة رويترز عن مسؤول أمريكي قوله إن واشنطن تدرس سحب قواتها من سوريا.",
     [("واشنطن تدرس سحب قواتها من سوريا", "indirect", "مسؤول أمريكي", "anonymous", "usa")]),
    # attribution first, فإن left out
    ("وبحسب المرصد السوري لحقوق الإنسان، فإن 12 عنصراً من قوات النظام قتلوا في الهجوم.",
     [("12 عنصراً من قوات النظام قتلوا في الهجوم", "indirect", "المرصد السوري لحقوق الإنسان", "organization", None)]),
    # attribution after the claim
    ("وقتل ثلاثة مدنيين في القصف، وفقاً لمصادر محلية.",
     [("وقتل ثلاثة مدنيين في القصف", "indirect", "مصادر محلية", "local", None)]),
    # passive reports have no source
    ("وأفيد بأن انفجاراً وقع في مدينة الباب صباح اليوم.",
     [("انفجاراً وقع في مدينة الباب صباح اليوم", "indirect", None, None, None)]),
    ("ويُعتقد أن الهجوم نُفذ بطائرة مسيرة.", [("الهجوم نُفذ بطائرة مسيرة", "indirect", None, None, None)]),
    # headline "X: claim", the channel left out of the mention
    ("مصدر لتلفزيون سوريا: روسيا تضغط على النظام لفتح المعابر",
     [("روسيا تضغط على النظام لفتح المعابر", "direct", "مصدر", "anonymous", None)]),
    # noun object instead of a clause; organization with affiliation
    ("أعلنت وزارة الدفاع الروسية مقتل 30 مسلحاً في غارات على ريف إدلب.",
     [("مقتل 30 مسلحاً في غارات على ريف إدلب", "indirect", "وزارة الدفاع الروسية", "organization", "russia")]),
    ("ونفت وزارة الخارجية الإيرانية وجود أي قوات إيرانية في المنطقة.",
     [("وجود أي قوات إيرانية في المنطقة", "indirect", "وزارة الخارجية الإيرانية", "organization", "iran")]),
    # a quotation across two sentences, then a surname as a later mention
    ('وقال الرئيس التركي رجب طيب أردوغان: "لن نتراجع عن عملياتنا. سنواصل حتى القضاء على التهديد". '
     "وأضاف أردوغان أن بلاده ستدعم الحل السياسي.",
     [("لن نتراجع عن عملياتنا. سنواصل حتى القضاء على التهديد", "direct", "الرئيس التركي رجب طيب أردوغان",
       "named_person", "turkey"),
      ("بلاده ستدعم الحل السياسي", "indirect", "أردوغان", "named_person", "turkey")]),
    # a participle continues the same source
    ('وأكد الناطق باسم الجيش الوطني السوري أن الفصائل صدت الهجوم، مضيفاً أن "المعارك مستمرة على أكثر من محور".',
     [("الفصائل صدت الهجوم", "indirect", "الناطق باسم الجيش الوطني السوري", "named_person", "opposition"),
      ("المعارك مستمرة على أكثر من محور", "direct", "الناطق باسم الجيش الوطني السوري", "named_person",
       "opposition")]),
    # state media, guillemets, curly quotes
    ("وذكرت وكالة سانا أن «وحدات من الجيش تصدت لهجوم في ريف حماة».",
     [("وحدات من الجيش تصدت لهجوم في ريف حماة", "direct", "وكالة سانا", "media", "regime")]),
    ("وقال شهود عيان إن “الطائرات قصفت السوق الشعبي”.",
     [("الطائرات قصفت السوق الشعبي", "direct", "شهود عيان", "local", None)]),
    # an outlet after لـ is the channel, not the source
    ('وقالت مصادر محلية لـ"عنب بلدي" إن دورية روسية وصلت إلى المنطقة.',
     [("دورية روسية وصلت إلى المنطقة", "indirect", "مصادر محلية", "local", None)]),
    # mixed content keeps its inner quotation marks and is indirect
    ('واعتبر المحلل السياسي أحمد الحسن أن الاتفاق "هش وقابل للانهيار".',
     [('الاتفاق "هش وقابل للانهيار"', "indirect", "المحلل السياسي أحمد الحسن", "named_person", None)]),
    # anonymity marker after a comma; affiliation from the organization in the mention
    ("وقال مسؤول في الإدارة الذاتية، طلب عدم الكشف عن اسمه، إن المفاوضات مع دمشق متوقفة.",
     [("المفاوضات مع دمشق متوقفة", "indirect", "مسؤول في الإدارة الذاتية", "anonymous", "sdf")]),
    # a preposition object: أفادت … بمقتل; field sources are unnamed (guidelines: مصدر ميداني)
    ("وأفادت مصادر ميدانية بمقتل قيادي في هيئة تحرير الشام.",
     [("مقتل قيادي في هيئة تحرير الشام", "indirect", "مصادر ميدانية", "anonymous", None)]),
    # subject before the verb
    ("المصدر أكد أن الاجتماع انتهى دون نتائج.", [("الاجتماع انتهى دون نتائج", "indirect", "المصدر", "anonymous", None)]),
    # a quotation that never closes runs to the end of the paragraph
    ('وقال مصدر عسكري في قوات النظام إن "الوضع متوتر جداً في المدينة\nوصلت تعزيزات.',
     [("الوضع متوتر جداً في المدينة", "direct", "مصدر عسكري في قوات النظام", "anonymous", "regime")]),
    # a name set off by commas after an office is part of the mention, and makes it a named person
    ("قال عضو المجلس الأعلى للدولة، منصور الفيتوري، إن الانتخابات مستبعدة.",
     [("الانتخابات مستبعدة", "indirect", "عضو المجلس الأعلى للدولة، منصور الفيتوري", "named_person", None)]),
    # the one told is not the one telling; a word of manner names nobody
    ("قائمقام قضاء سيدكان، كاروان محمد، قال لكوردستان24 إن القصف طال قرى حدودية.",
     [("القصف طال قرى حدودية", "indirect", "كاروان محمد", "named_person", None)]),
    # a statement as the place the words are found
    ('وجاء في بيان الوزارة: "تم إحباط الهجوم".', [("تم إحباط الهجوم", "direct", "بيان الوزارة", "organization", None)]),
    # a warning with a noun object is no claim
    ("ولفت رئيس المجلس البلدي إلى أن شبكة المياه ملوثة، محذراً من انتشار الأوبئة.",
     [("شبكة المياه ملوثة", "indirect", "رئيس المجلس البلدي", "named_person", None)]),
    # a number in a headline's source is not a dateline
    ('مصادر محلية لـ"درعا 24": مسلحون مجهولون يغتالون عنصراً سابقاً في طفس',
     [("مسلحون مجهولون يغتالون عنصراً سابقاً في طفس", "direct", "مصادر محلية", "local", None)]),
    # no claims: narration, quoted names, a headline without a source
    ('وسيطرت "هيئة تحرير الشام" على قرية "تل الكرامة" بعد معارك مع قوات النظام.', []),
    ('لفك حصار "قسد" عن قوات النظام.. قائد القوات الروسية يصل إلى القامشلي', []),
    ("اقرأ أيضاً: النظام يرفع أسعار المحروقات للمرة الثالثة", []),
    ("2024.08.09 | 16:02 دمشق", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_rules_engine_reads_news_as_specified(text: str, expected: list[Expected]) -> None:
    assert _claims(text) == expected


def test_unstated_subject_goes_to_the_last_speaker_of_the_same_gender() -> None:
    text = ('وأعلنت "قسد" في بيان أن الهجمات جاءت بأمر من النظام.\n\n'
            'ولفتت إلى "نشوب اشتباكات عنيفة في محيط القرى".\n'
            "وقال مصدر خاص إن المعارك توقفت.\nولفت إلى أن الطرق مغلقة.")
    (doc,) = preannotate([Document(id="t", text=text)])
    sources = doc.source_by_id()
    by_claim = {c.text: sources[c.source] for c in doc.claims}
    assert by_claim["نشوب اشتباكات عنيفة في محيط القرى"].entity == by_claim["الهجمات جاءت بأمر من النظام"].entity
    assert by_claim["الطرق مغلقة"].text == "مصدر خاص"


def test_relayed_words_and_contrasted_speakers_go_to_the_right_person() -> None:
    text = ("وقال رئيس هيئة النزاهة إن التحقيقات مستمرة.\n"
            'ونقلت عنه قناة "العراقية" قوله إن "لا أحد فوق القانون".\n'
            "أما سعاد، وهي أم لخمسة أطفال، فتقول إن المدرسة أغلقت.")
    (doc,) = preannotate([Document(id="t", text=text)])
    sources = doc.source_by_id()
    by_claim = {c.text: sources[c.source].text for c in doc.claims}
    assert by_claim["لا أحد فوق القانون"] == "رئيس هيئة النزاهة"
    assert by_claim["المدرسة أغلقت"] == "سعاد"


def test_anaphors_and_repeated_names_join_one_entity() -> None:
    text = ('قال المكتب الإعلامي لـ "قسد" في بيان، إن القصف مستمر.\n'
            'وأكدت "قسد" أنها ستواجه الهجمات.\nوأسفر القصف عن مقتل مدنيين، بحسب البيان.\n'
            "وأفاد مصدر خاص بأن التعزيزات وصلت.\nوأشار المصدر إلى أن الاجتماع تأجل.")
    (doc,) = preannotate([Document(id="t", text=text)])
    entity = {s.text: s.entity for s in doc.sources}
    assert entity['المكتب الإعلامي لـ "قسد"'] == entity["قسد"] == entity["البيان"]
    assert entity["مصدر خاص"] == entity["المصدر"] != entity["قسد"]


def test_offsets_survive_diacritics_tatweel_crlf_nbsp_and_emoji() -> None:
    text = "🇸🇾 عاجل\r\nوقـــال المصدرُ\u00a0الخاصّ إنّ «القواتِ وصلت 👍🏽 إلى المدينة».\r\n"
    (doc,) = preannotate([Document(id="t", text=text)])
    assert doc.text == text
    (claim,) = doc.claims
    assert claim.text == "القواتِ وصلت 👍🏽 إلى المدينة" == text[claim.start : claim.end]
    assert claim.cue is not None and claim.cue.text == "وقـــال"
    assert doc.sources[0].text == "المصدرُ\u00a0الخاصّ"


def test_every_claim_and_mention_carries_a_score_between_0_and_1() -> None:
    (doc,) = preannotate([Document(id="t", text="وقال مصدر خاص إن القوات وصلت. وأضاف أن المعارك توقفت.")])
    assert doc.claims and all(0 < c.score <= 1 for c in doc.claims)
    assert doc.sources and all(0 < s.score <= 1 for s in doc.sources)
    # a stated source is more certain than an unstated one
    assert doc.claims[0].score > doc.claims[1].score


def test_same_input_gives_the_same_output() -> None:
    with open("sample/syria-tv-2024-08-09.txt", encoding="utf-8", newline="") as handle:
        text = handle.read()
    first, second = (next(iter(preannotate([Document(id="s", text=text)]))) for _ in range(2))
    assert first == second and len(first.claims) >= 12


def test_mangled_scraped_text_never_breaks_the_offsets() -> None:
    """Seeded mutations of real-looking passages: quotes, breaks, marks and cues in odd places."""
    import random

    from annotate.io import read_jsonl

    rng = random.Random(7)
    texts = [d.text for d in read_jsonl("tests/data/dev_gold.jsonl")]
    noise = ['"', "«", "»", "“", "”", ":", "،", ".", "\r\n", "\n", "\u00a0", "ـ", "\u064b", "👍🏽", "|", "(",
             "\u200f", "\r", "وقال", "بحسب", "إن", "- ", "• "]
    for _ in range(300):
        chars = list(rng.choice(texts))
        for _ in range(rng.randint(1, 25)):
            position = rng.randint(0, len(chars))
            if rng.random() < 0.6:
                chars.insert(position, rng.choice(noise))
            elif chars:
                del chars[min(position, len(chars) - 1)]
        text = "".join(chars)
        (doc,) = preannotate([Document(id="m", text=text)])
        assert doc.text == text
        for span in [*doc.claims, *doc.sources, *(c.cue for c in doc.claims if c.cue)]:
            assert text[span.start : span.end] == span.text and span.text.strip()


def test_word_soup_of_cues_names_and_marks_never_breaks_the_engine() -> None:
    """Seeded random sentences from the words the rules look at (cues, one-letter words, brackets around a
    verse, names, channels): every one is read without an error and every span is its own text.
    A one-letter "م" opening a mention once crashed the whole corpus run."""
    import random

    vocabulary = ["م", "ب", "ل", "و", "ف", "ك", "قال", "وقال", "يقول", "وأضاف", "وأكد", "أعلن", "قوله", "تعالى",
                  "الله", "عز", "وجل", "سبحانه", "(", "((", ")", "))", "{", "}", "﴿", "﴾", ":", "«", "»", '"', "،",
                  ".", "إن", "أن", "بأن", "هذا", "ما", "أكده", "كشفته", "في", "تصريح", "صحفي", "للأناضول", "لـ",
                  "عكاظ", "الوزير", "مصدر", "مصادر", "ميدانية", "ويدعى", "يدعى", "أحمد", "بن", "آل", "سيتبع",
                  "سيارة", "لا", "لم", "الخطاب", "الدعوى", "التي", "وجاء", "وعد", "خلصت", "إلى", "نسبت", "عن",
                  "قولها", "متخصصون", "عاملين", "بلاتيني", "ترشحه", "حرص", "أهمية", "واوضح", "واصفا", "-", "2015",
                  "%"]
    rng = random.Random(11)
    texts = []
    for _ in range(1500):
        words = [rng.choice(vocabulary) if rng.random() < 0.95 else "\n" for _ in range(rng.randint(1, 30))]
        texts.append("".join(w if rng.random() < 0.15 else " " + w for w in words).strip() or "x")
    for doc, text in zip(preannotate([Document(id=str(n), text=t) for n, t in enumerate(texts)]), texts):
        assert doc.text == text
        for span in [*doc.claims, *doc.sources, *(c.cue for c in doc.claims if c.cue)]:
            assert text[span.start : span.end] == span.text
