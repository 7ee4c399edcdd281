"""Constructions of real Saudi and pan-Arab news the rules engine reads, specified by example.

Found on real articles (tests/data/real) and written here afresh: news text on the left, the
claims the engine must give on the right (claim, kind, source mention, type, affiliation). The
conventions are the ones guidelines/ settles (background, noun objects, accusations, …).
"""

from __future__ import annotations

import pytest
from _engine_support import Expected
from _engine_support import claims_as_strings as _claims

CASES: list[tuple[str, str, list[Expected]]] = [
    ("background is not a claim", "يذكر أن الهيئة أطلقت البرنامج قبل عامين.", []),
    ("background with a comma", "الجدير بالذكر، أن المعرض يستمر أسبوعاً.", []),
    ("background with إلى", "وتجدر الإشارة إلى أن الوزارة افتتحت ثلاثة مراكز.", []),
    ("a minister who mentions is a source, not background", "يذكر الوزير أن الخطة تأخرت.",
     [("الخطة تأخرت", "indirect", "الوزير", "named_person", None)]),
    ("sentences glued at a full stop", "وتمت معالجة المصابين في الموقع.وذكر مصدر مسؤول أن الحالات مستقرة.",
     [("الحالات مستقرة", "indirect", "مصدر مسؤول", "anonymous", None)]),
    ("a participle without a comma ends the claim",
     "وبين المتحدث أن الفرق باشرت الحادث فور البلاغ لافتاً إلى أن التحقيقات مستمرة.",
     [("الفرق باشرت الحادث فور البلاغ", "indirect", "المتحدث", "named_person", None),
      ("التحقيقات مستمرة", "indirect", "المتحدث", "named_person", None)]),
    ("a participle with a noun object", "وأكد المدرب أن الفريق جاهز، مشدداً على ضرورة التركيز في المباراة.",
     [("الفريق جاهز", "indirect", "المدرب", "named_person", None),
      ("ضرورة التركيز في المباراة", "indirect", "المدرب", "named_person", None)]),
    ("feelings are not claims", "وقال الوزير إن المشروع اكتمل، مؤكداً سعادته بالنتائج.",
     [("المشروع اكتمل", "indirect", "الوزير", "named_person", None)]),
    ("a call ends the claim before it", "وقال الأمين إن الحملة نجحت، داعياً الأهالي إلى التعاون مع الفرق.",
     [("الحملة نجحت", "indirect", "الأمين", "named_person", None)]),
    ("a copula makes the participle an adjective",
     "غياب اللاعب عن المباراة بات مؤكداً، حسبما أفاد المركز الإعلامي للنادي.",
     [("غياب اللاعب عن المباراة بات مؤكداً", "indirect", "المركز الإعلامي للنادي", "organization", None)]),
    ("an unknown subject up to the verb's preposition", "أعلنت موبايلي عن إطلاق باقات جديدة للمشتركين.",
     [("إطلاق باقات جديدة للمشتركين", "indirect", "موبايلي", "named_person", None)]),
    ("a document as a source", "ونص الاتفاق على وقف القتال بين الطرفين فوراً.",
     [("وقف القتال بين الطرفين فوراً", "indirect", "الاتفاق", "organization", None)]),
    ("an accusation is a claim of the accuser", "واتهمت الحكومة الميليشيا بقصف الأحياء السكنية.",
     [("قصف الأحياء السكنية", "indirect", "الحكومة", "organization", None)]),
    ("a topic after تحدث عن is no claim", "وتحدث رئيس النادي عن دور الجماهير في الموسم.", []),
    ("a name headline on the title line",
     "العفالق : المعسكر ناجح بكل المقاييس\nتحدث نائب رئيس النادي عبدالله العفالق عن المعسكر.",
     [("المعسكر ناجح بكل المقاييس", "direct", "العفالق", "named_person", None)]),
    ("a long quotation after the subject without a comma",
     'وقال المدير الرياضي للنادي "نشعر بصدمة كبيرة ونأمل أن ينتهي التحقيق سريعاً."',
     [("نشعر بصدمة كبيرة ونأمل أن ينتهي التحقيق سريعاً", "direct", "المدير الرياضي للنادي", "named_person",
       None)]),
    ("a quoted name is not speech", 'وقال رئيس نادي "الهلال" إن الفريق جاهز.',
     [("الفريق جاهز", "indirect", 'رئيس نادي "الهلال"', "named_person", None)]),
    ("a quotation opened before إن is direct", 'وقال المدير "إن المشروع بلغ مرحلته الأخيرة".',
     [("المشروع بلغ مرحلته الأخيرة", "direct", "المدير", "named_person", None)]),
    ("a quotation after : إن is direct", "وقال المتحدث في بيان: إن «القوات صدت الهجوم على الحدود».",
     [("القوات صدت الهجوم على الحدود", "direct", "المتحدث", "named_person", None)]),
    ("an honorific title chain is one person", "وقال معالي مدير عام المؤسسة المهندس سالم الحربي إن العمل اكتمل.",
     [("العمل اكتمل", "indirect", "معالي مدير عام المؤسسة المهندس سالم الحربي", "named_person", None)]),
    ("a citizen with a name is a named person", "وقال المواطن صالح العيسى إن الطريق خطير.",
     [("الطريق خطير", "indirect", "المواطن صالح العيسى", "named_person", None)]),
    ("'some of' a group is typed by the group", "ويرى بعض الخبراء أن الأسعار ستنخفض.",
     [("الأسعار ستنخفض", "indirect", "بعض الخبراء", "anonymous", None)]),
    ("تركي as a forename names no side", "وقال الإعلامي تركي السيف إن البرنامج ناجح.",
     [("البرنامج ناجح", "indirect", "الإعلامي تركي السيف", "named_person", None)]),
    ("the outlet told is not the speaker", "وقال المقيم لـ«عكاظ» إن الأسعار ارتفعت.",
     [("الأسعار ارتفعت", "indirect", "المقيم", "named_person", None)]),
    ("a name closing a post-posed attribution", "وقتل جندي في هجوم على الحدود، بحسب دوغان.",
     [("وقتل جندي في هجوم على الحدود", "indirect", "دوغان", "named_person", None)]),
    ("علي is a name, not على", "وقال علي الدغريري إن شقيقه تعرض لحادث.",
     [("شقيقه تعرض لحادث", "indirect", "علي الدغريري", "named_person", None)]),
    ("the subject of the opening verb speaks for a later participle",
     "من ناحيته ثمَّن السفير أحمد قطان دعم الشركة للصندوق، مؤكداً أن المبادرة تشكل استجابة مهمة.",
     [("المبادرة تشكل استجابة مهمة", "indirect", "السفير أحمد قطان", "named_person", None)]),
    ("an abbreviated title with a full stop is part of the name",
     'وقال م. خالد العمري، مدير المشروع: "نعمل على تسليم الوحدات قبل نهاية العام".',
     [("نعمل على تسليم الوحدات قبل نهاية العام", "direct", "م. خالد العمري، مدير المشروع", "named_person",
       None)]),
    ("a year in م still ends its sentence", "افتتح المبنى عام 2015 م. وقال المدير إن العمل اكتمل.",
     [("العمل اكتمل", "indirect", "المدير", "named_person", None)]),
    ("a long quotation right after the cue, the sentence going on",
     'وأضاف "القضايا التي لم تتناولها وسائل الإعلام حلت بشكل أسرع من غيرها" في حديثه عن القضية.',
     [("القضايا التي لم تتناولها وسائل الإعلام حلت بشكل أسرع من غيرها", "direct", None, None, None)]),
    ("a description after a comma ends the claim", "وأوضح الجطيل أنه يشعر بالسعادة بعد التبرع، واصفاً التبرع بالهدية.",
     [("يشعر بالسعادة بعد التبرع", "indirect", "الجطيل", "named_person", None)]),
    ("a consequence the writer tells ends the claim", "وقال المترجم إن الدستور تعرض للسخرية، ما أثار غضب الحاضرين.",
     [("الدستور تعرض للسخرية", "indirect", "المترجم", "named_person", None)]),
    ("a consequence in the present is the speaker's reasoning",
     "وقال الخبير إن الاقتصاد تباطأ، مما يعني أن الأسعار ستنخفض.",
     [("الاقتصاد تباطأ، مما يعني أن الأسعار ستنخفض", "indirect", "الخبير", "named_person", None)]),
    ("a feminine participle typed with ه", "وقالت الزائرة إن التنظيم كان رائعا، مضيفه أن الفعاليات متنوعة.",
     [("التنظيم كان رائعا", "indirect", "الزائرة", "named_person", None),
      ("الفعاليات متنوعة", "indirect", "الزائرة", "named_person", None)]),
    ("a compound forename with the article goes on to the surname",
     "أما الزائر عبد الله الفركز فقد عبر عن إعجابه وقال: إنه جاء من الرياض.",
     [("جاء من الرياض", "indirect", "الزائر عبد الله الفركز", "named_person", None)]),
    ("no indefinite adjective after a name", "أكد محمد الشهري أهمية التعاون بين البلدين.",
     [("أهمية التعاون بين البلدين", "indirect", "محمد الشهري", "named_person", None)]),
    ("narration after a short quotation ends it", 'وهتف المتظاهرون مرددين "نحن مستعدون للحرب" ولم تتحرك الشرطة.',
     [("نحن مستعدون للحرب", "direct", None, None, None)]),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in CASES], ids=[name for name, _, _ in CASES])
def test_real_news_constructions(text: str, expected: list[Expected]) -> None:
    assert _claims(text) == expected
