"""Find attributions in a paragraph: cue, source noun phrase and content, in normalised offsets.

One pass over each sentence's words, trying at every word the cue kinds in turn:
prepositional attribution (بحسب …), participles (مضيفاً …), reporting verbs (وأفاد …, with
their subject, channel and complementizer), passive reports (أفيد …). A headline line
"X: claim" is tried first for the whole paragraph. Content is cut by :mod:`content`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from annotate.lexicons import VerbForm
from annotate.preannotate import content as C
from annotate.preannotate.matchers import Matchers
from annotate.preannotate.segment import Sentence, Token, closing_quote, holds, sentences, tokens
from annotate.preannotate.sources import (
    BY_SAYING,
    DEMONSTRATIVES,
    PRONOUN_PREPOSITIONS,
    addressee,
    adjective_like,
    complementizer_word,
    definite_plural,
    has_forename,
    is_bare_preposition,
    is_document_word,
    is_forename,
    long_title_region,
    looks_like_source,
    np_extent,
    np_grammar,
    quantifier_length,
    state_length,
    to_the,
    unnamed_group,
)
from annotate.preannotate.text import NormText, normalize_word
from annotate.preannotate.words import (
    BUT_THAT,
    NEGATIONS,
    RELATIVE_PRONOUNS,
    bare,
    derived_verbal_noun,
    pronoun_suffixed,
    stems,
    tafil_verbal_noun,
    without_conjunction,
    without_object_pronoun,
)

MAX_SUBJECT_REGION = 20
MAX_TITLED_SUBJECT_REGION = 32  # one office holder's long title chain (see sources.long_title_region)
MAX_SETTING_REGION = 64  # a speaker, then where and when he spoke, before قال's far "إن" (see _far_marker)
# Written as in the news and normalised once, like every word the stages compare.
_CONTENT_PREPOSITIONS = frozenset(normalize_word(w) for w in ("إلى", "عن", "على", "من"))
_PARTICIPLE_PREPOSITIONS = frozenset(normalize_word(w) for w in ("إلى", "عن"))
_NOT_OBJECT_START = tuple(normalize_word(w) for w in ("ال", "في", "من", "على", "ب", "ل"))
_LAM_PREPOSITIONS = frozenset(normalize_word(w) for w in ("وفقاً", "ووفقاً", "طبقاً", "وطبقاً", "استناداً", "واستناداً"))
_PREPOSITIONAL_CHANNEL = frozenset(normalize_word(w) for w in ("في", "خلال", "عبر", "أثناء", "وفي"))
# نقلاً عن X / على لسان X inside a subject region: X is the innermost source.
_NESTING = {normalize_word(a): frozenset({normalize_word(b)}) for a, b in
            (("نقلاً", "عن"), ("ونقلاً", "عن"), ("على", "لسان"))}
_BULLET = re.compile(r"\s*(?:[-–•*▪●◦]|\d{1,2}[.)-])\s+")
_CLOCK_OR_DATE = re.compile(r"\d\s*$|^\W*\d")
# Words before a verb's preposition that name no speaker: "فيه", "له" and adverbs ("تؤكد دائماً على …")
_NOBODY = PRONOUN_PREPOSITIONS | frozenset(normalize_word(w) for w in ("فيهما", "دائما", "أيضا", "كذلك", "بدوره", "بدورها",
                                                                        "مجددا", "أمس", "اليوم", "فقط", "رسميا"))
_CONDITIONAL = frozenset(normalize_word(w) for w in ("شاء", "وجد", "وجدت", "أمكن", "لزم", "اقتضى"))
# adjectives that follow a title without looking like one ("الأمين العام", "الرئيس السابق", "المدير الجديد")
_TITLE_ADJECTIVES = frozenset(normalize_word(w) for w in (
    "عام", "سابق", "جديد", "أول", "ثاني", "أعلى", "أكبر", "حالي", "قادم", "أسبق", "فخري", "بالنيابة", "بالإنابة",
    "تنفيذي", "فني", "أمين", "عامة"))
_GESTURE = frozenset(normalize_word(w) for w in ("بيده", "بيدها", "بيديه", "بيديها", "بإصبعه", "بإصبعها", "بأصبعه"))
_WHILE = frozenset(normalize_word(w) for w in ("فيما", "وفيما", "بينما", "وبينما"))  # "…، فيما أبدى …"
_NOT_WE = frozenset(normalize_word(w) for w in ("هنا", "عنا", "منا", "معنا", "هاهنا"))  # end in نا, not "we did"
_RELATIVES = frozenset({"وهو", "وهي", "وهم", "الذي", "التي", "الذين", "وهما"})
_DATELINE = re.compile(r"[^\w\s]*\s*#?[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*(?:-|–|—|\||/)\s*(?:خاص\s*(?:-|–|—)\s*)?")
_ABOUT_HIM = frozenset({"عنه", "عنها", "عنهم", "عنهما"})
_WHEN = frozenset(normalize_word(w) for w in ("عندما", "حين", "حينما", "بعدما", "لما", "كلما", "وعندما", "وحين",
                                                "وحينما", "وبعدما", "ولما"))  # "… عندما قال": he, of the main clause
_HEADLINE_PARTS = re.compile(r"\s*(?:\.{2,}|\u2026)\s*")  # "ظريف: تنازلنا.. نتانياهو: يهددنا"
_CLAIMED = frozenset(normalize_word(w) for w in ("تبنى", "تبنت", "يتبنى", "تتبنى"))
_ATTACKS = frozenset(normalize_word(w) for w in ("هجوم", "هجمات", "عملية", "تفجير", "اعتداء", "هجومين", "تفجيرين"))
_POINTING_BACK = frozenset({"جاء", "ذلك"})  # "جاء ذلك بحسب …", "وذلك وفقاً لـ…": the sentence before is meant
_ALSO = frozenset({"كما", "وكما"})
# labels a scraped headline carries before its source ("⚡ عاجل | رويترز: …"): no dateline's place
_HEADLINE_LABELS = frozenset(normalize_word(w) for w in ("عاجل", "خاص", "حصري", "حصريا", "فيديو", "بالفيديو",
                                                         "بالصور", "صور", "تقرير", "تحديث", "مباشر"))
_ALA_IDIOMS = frozenset(normalize_word(w) for w in ("طول", "مدار", "مدى", "الرغم", "رغم", "هامش", "خلفية", "امتداد"))
_IS_CALLED = frozenset({"يدعي", "تدعي"})  # matching forms; written يدعى/تدعى ("is called") they name, not claim
_POSSESSOR_PREPOSITIONS = frozenset(normalize_word(w) for w in ("إلى", "عن"))  # "نسبت إلى X قوله", "نقلت عن X قوله"
_CIRCUMSTANTIAL = frozenset({"وهو", "وهي", "وهم", "وهما", "وهن"})
# Words that open the setting of a speech between its speaker and a far "إن" ("وقال X في كلمته خلال …، إن")
_SETTING_OPENERS = frozenset(normalize_word(w) for w in (
    "في", "خلال", "لدى", "أثناء", "بمناسبة", "عقب", "أمام", "عبر", "لـ", "على", "بعد", "من"))
_TO_OUTLET = frozenset({normalize_word("لـ")})
_TOPIC_PREPOSITIONS = frozenset(normalize_word(w) for w in ("عن", "حول", "بشأن"))
_SUBJECT_PRONOUNS = frozenset(normalize_word(w) for w in ("إنه", "إنها", "أنه", "أنها", "هو", "هي", "هم"))
_AMMA = frozenset({"اما", "واما"})
_MA = frozenset({"ما", "لما", "بما"})
_WITH_IT = frozenset({"به", "بها"})
_ON_ABOUT = frozenset(normalize_word(w) for w in ("على", "عن"))
_QAD = frozenset({"قد", "لقد"})
_NAMED_BEFORE_REACH = 5000  # code points looked back for a surname's full name ("أثيل النجيفي")
_INTENT = frozenset(normalize_word(w) for w in ("حرص", "عزم", "نية", "رغبة"))  # "وأكد حرص الأمير على أن …"
# the agreement a verb shows with the relative pronoun before it when the pronoun is its subject
_RELATIVE_AGREEMENT = {"الذي": "m", "التي": "f", "الذين": "pl"}
_KANA = frozenset({"كان", "كانت", "كانوا"})
_OBJECT_PREPOSITIONS = frozenset(normalize_word(w) for w in ("على", "إلى", "عن"))
# words that cannot be, or continue, a subject read by its shape alone (see _bare_subject_end); عنوان and
# تم open objects and passives ("فقد حمل عنوان …", "تم إطلاق …")
_BARE_SUBJECT_STOPS = frozenset(normalize_word(w) for w in (
    "في", "على", "عن", "إلى", "من", "مع", "بين", "عند", "لدى", "خلال", "عبر", "أن", "إن", "بأن", "ما", "لا", "لم",
    "قد", "فقد", "هذا", "هذه", "ذلك", "تلك", "كل", "أمس", "اليوم", "أيضا", "حتى", "ثم", "أو", "و", "لهذا", "لذلك",
    "فيما", "كما", "بينما", "حيث", "عندما", "إذا", "لكن", "تم", "عنوان"))
_ASIDE_OPENERS = frozenset(normalize_word(w) for w in ("من", "ومن"))  # "من جهته"، "ومن ناحيتها"
_TO_THEM = frozenset(normalize_word(w) for w in ("له", "لها", "لهم", "لهن", "لنا"))
_LEADING_CONTENT_PARTICLES = frozenset({"فقد", "فان", "فانه", "فانها", "فانهم", "قد"})
_SO_THAT = frozenset({"فان", "فانه", "فانها", "فانهم"})  # "وفقاً لكاهيل فإنه …": the claim follows


@dataclass
class Attribution:
    """A claim candidate before entities are resolved (normalised offsets)."""

    content: tuple[int, int]
    kind: str
    cue: tuple[int, int] | None
    source: tuple[int, int] | None  # the subject noun phrase, when the text states it
    mode: str  # "explicit", "unstated" (pronoun subject), "previous" (participle), "none" (passive)
    gender: str  # agreement of the cue verb: "m", "f", "pl" or "" when unknown
    score: float
    sentence: int  # index of the sentence in the document, for "nearest earlier mention"
    outer: tuple[int, int] | None = None  # the outer source of a nested attribution
    reported_inside: bool = False  # the outer speaker reported this one's words; the outer keeps speaking
    headline: bool = False


# before an imperfect verb: a subjunctive or a negated future, nothing said yet ("ينتظر أن يعلن")
_UNREALIZED = frozenset({"ان", "لن", "كي", "لكي"})
_WHICH_SHOWS = frozenset({"مما", "ومما"})
_WHAT = frozenset({"ما"})
# و + a preposition opens an aside ("إلا أن اوباما وفي مقابلة مع …"), after the subject
_AND_PREPOSITION = frozenset({"وفي", "وخلال", "وعبر", "ولدي", "وامام", "وبعد", "وقبل", "وعقب", "واثناء"})
_PERHAPS = frozenset({"ربما", "وربما", "لعل", "ولعل"})  # what may be said, not what was
_IT_IS = frozenset({"وهو", "وهي", "هو", "هي", "وهذا", "هذا", "وذلك", "ذلك"})
_THE_MATTER = frozenset({"الامر", "والامر"})
_AND_THIS = frozenset({"وهذا", "وذلك"})
_SOMETHING = frozenset({"شيئا", "شيء", "شي"})  # "شيئاً يذكر" also written without its tanween
_THAT = frozenset({"ذلك", "بذلك"})  # "صرح بذلك X", "أوضح ذلك X": what was just said
# with إلى and على: no verb follows; none opens a subject ("وشدد لدى استقباله … على": an occasion, not a speaker)
_BEFORE_A_NOUN = frozenset(normalize_word(w) for w in ("في", "من", "عن", "حول", "منذ", "لدى", "خلال", "عند", "أثناء",
                                                        "أمام", "إبان"))
_OCCASION_PREPOSITIONS = _BEFORE_A_NOUN | _PREPOSITIONAL_CHANNEL  # "خلال استقباله", "لدى لقائه": the speaker's occasion
_EXPRESSED = frozenset({"عبر", "عبرت", "عبروا"})  # "وعبر الموري عن فرحته": not a boundary word, "عبر" is also "via"
_IN_IT = frozenset(normalize_word(w) for w in ("فيه", "فيها", "خلاله", "خلالها"))  # "الذي أكد فيه …"
_AFFIRMING = frozenset(normalize_word(w) for w in ("التأكيد", "بالتأكيد"))  # the verbal noun of أكّد, a cue only without و
_NOT_AFFIRMING_AFTER = frozenset(normalize_word(w) for w in ("أجل", "أن", "إعادة", "وإعادة", "لإعادة"))
_IT_WAS_DONE = frozenset(normalize_word(w) for w in ("تم", "جرى", "يتم", "يجري"))  # impersonal: "وتم التأكيد على …"
_TIME_WORDS = frozenset(normalize_word(w) for w in ("أمس", "اليوم", "مساء", "صباح", "الليلة", "أول"))
_WEEKDAYS = frozenset(normalize_word(w) for w in ("الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس",
                                                  "الجمعة", "السبت"))
_CERTAINLY = normalize_word("بالتأكيد")
_ABOUT_WHAT = frozenset(normalize_word(w) for w in ("عن", "حول", "بشأن"))  # "وترددت أنباء عن …": what circulated
_ACCORDING_TO = frozenset({"بحسب", "حسب"})  # "وبحسب أوباما، …"; not "جاء في مبحثين، …"
_WITHOUT = frozenset({"بلا", "دون", "بدون", "دونما"})  # a noun follows: "بلا تردد"
_TIME_BEFORE_AN = frozenset({"قبل", "بعد", "منذ", "وقبل", "وبعد"})
_WISH_TO = frozenset({"تود", "يود", "نود", "اود"})  # "وتود الجامعة أن توضح أن …": a polite way of saying it
# prepositions and particles that are no word of a name (for a subject no lexicon knows)
_NOT_A_NAME = _BEFORE_A_NOUN | frozenset(normalize_word(w) for w in (
    "عند", "بعد", "قبل", "مع", "أمام", "ضد", "نحو", "حتى", "دون", "أن", "إن", "أنه", "إنه", "ما", "لا", "لم", "قد",
    "داخل", "خارج", "بين", "فوق", "تحت", "عبر", "غدا", "رسميا",
    "سبب", "أسباب", "اسبب"))  # "أرجعت سبب تسجيل خسائر …": the object, never the one who speaks


_JUDGED_PREPOSITIONS = frozenset({"من", "في", "عن", "مع", "الي", "علي"})
# nouns of time after a demonstrative: "هذا العام" dates the sentence, it is not what a verb of judgement judges
_TIMES = frozenset({"عام", "اسبوع", "شهر", "يوم", "موسم", "مرة", "صيف", "شتاء", "فترة", "ايام", "سنة", "اثناء", "ليلة",
                    "صباح", "مساء", "عامين"})


def _gap(nt: NormText, tokens: Sequence[Token], j: int) -> str:
    """Text between word ``j-1`` and word ``j``."""
    return nt.norm[tokens[j - 1].end : tokens[j].start] if j > 0 else ""


def _we_form(word: str) -> bool:
    """A word in the first person plural ("قمنا", "طائرتنا"), not "هنا", "منا", "لنا" or "البنا"."""
    return word.endswith("نا") and word not in _NOT_WE and not word.startswith(("ال", "ل", "ب"))


def _speaks_as_we(word: str) -> bool:
    """"علاقاتنا", "طائرتنا": a headline's words that open in the first person plural."""
    return len(word) > 4 and _we_form(word)


def _complementizer_at(m: Matchers, tokens: Sequence[Token], j: int) -> int:
    """Number of words of a complementizer at ``j`` (إن / بأن / إلى أن …), or 0."""
    before = tokens[j - 1].text if j > 0 else None
    if j + 1 < len(tokens) and tokens[j].text == "ان" and tokens[j + 1].text in _CONDITIONAL:
        return 0  # "إن شاء الله", "إن وجدت": إن is "if" here
    if tokens[j].text == "فان" and before is not None and m.verb(before) and tokens[j].start - tokens[j - 1].end == 1 \
            and j + 1 < len(tokens) and not tokens[j + 1].text.startswith("ال"):
        # "وأكد فان غال أن": one space after a verb, before a word without the article, فان starts a name
        # ("وعلى ما ذكر فإن المنصفين …" opens a clause)
        return 0
    if complementizer_word(m, tokens, j, before):
        return 1
    if (tokens[j].text in m.lexicon.complementizer_prepositions and j + 1 < len(tokens)
            and m.is_complementizer(tokens[j + 1].text, None)):
        return 2
    return 0


@dataclass
class _Marker:
    """Where the content of a cue begins: after a complementizer, a colon, a quotation or a preposition."""

    subject_end: int  # token index where the subject region ends
    content_start: int  # normalised offset where the content starts
    score: float
    quotation: bool = False  # speech in quotation marks right after the subject: the quotation is all of it


# "قال" and its kin, whose content may follow with no mark at all when it opens in the first person
_SAY = frozenset(normalize_word(w) for w in ("قال", "قالت", "يقول", "تقول", "أضاف", "أضافت", "تابع", "تابعت"))
_SAY_ONLY = frozenset(normalize_word(w) for w in ("قال", "قالت", "يقول", "تقول"))  # not أضاف "scored", تابع "watched"
_FIRST_PERSON_OPENERS = frozenset(normalize_word(w) for w in ("نحن", "أنا", "إننا", "إنني", "لقد"))
_CLAUSE_OPENERS = _FIRST_PERSON_OPENERS | frozenset(normalize_word(w) for w in ("يتم", "تم"))
# "وقال الشهري من الصعب ضمان …", "وقال كيري هناك …": words that open a clause after a speaker's name
_THERE_IS = frozenset(normalize_word(w) for w in ("هناك", "هنالك"))
_IT_IS_ADJECTIVES = frozenset(normalize_word(w) for w in (
    "الصعب", "المهم", "الضروري", "المتوقع", "الممكن", "المستحيل", "المقرر", "الواضح", "المؤكد", "المبكر"))


def _find_marker(nt: NormText, m: Matchers, s: Sentence, i: int, limit: int) -> _Marker | None:
    """The first content marker after the cue word at ``i`` within ``limit`` words."""
    tokens = s.tokens
    for j in range(i + 1, min(len(tokens), i + 1 + limit)):
        gap = _gap(nt, tokens, j)
        if ":" in gap:
            return _Marker(j, tokens[j - 1].end + gap.index(":") + 1, 0.9)
        comma = max(gap.rfind(","), gap.rfind("،"))
        if comma >= 0 and j > i + 1 and gap.rfind('"') > comma:
            return _Marker(j, tokens[j - 1].end + gap.rindex('"'), 0.75)
        if j > i and gap.rstrip(" ").endswith('"') and _opens_long_quote(nt, m, s, j, shortest=_shortest_quote(m, tokens, i, j)):
            # "وقال المدير الرياضي لهيرتا "نشعر بصدمة …"": a quotation after the subject, no comma
            return _Marker(j, tokens[j - 1].end + gap.rindex('"'), 0.7, quotation=True)  # (or "وقال، "…"")
        if j > i and gap.rstrip(" ").endswith("(") and _speech_in_brackets(nt, s, tokens[j - 1].end + gap.rindex("(")) \
                and j - i <= 7 and not any(bare(t.text) in m.lexicon.object_starters or is_bare_preposition(t)
                                           or t.text.startswith(("ب", "ل")) or t.text.isdigit() for t in tokens[i + 1 : j]):
            # "وقال المدير (نحن جاهزون للموسم المقبل).": brackets that close the sentence quote the words
            return _Marker(j, tokens[j - 1].end + gap.rindex("("), 0.7, quotation=True)
        width = _complementizer_at(m, tokens, j)
        if width:
            return _Marker(j, tokens[j + width - 1].end, 0.92)
        word = tokens[j].text
        if word in _FIRST_PERSON_OPENERS and without_conjunction(tokens[i].text) in _SAY:
            # "وقال الشريف في كلمته نحن نعيش …": speech with no mark at all, known by its "we" / "I"
            return _Marker(j, tokens[j].start, 0.6)
        if j > i + 1 and (("،" in gap or "," in gap) and (m.is_participle(word) or (m.verb(word) and not _is_called(tokens[j])))
                          or (word in m.lexicon.clause_connectives and j + 1 < len(tokens)
                              and (m.verb(tokens[j + 1].text) or m.passive.match(tokens, j + 1))
                              and not (j + 2 < len(tokens) and tokens[j + 2].text in _ABOUT_HIM))):
            # "، وأضاف" / "، مضيفاً" / "حيث قال": another attribution starts before any content ("كما نقلت
            # عنها وكالة …" only relays this one)
            return None
        if j > i + 1 and ("،" in gap or "," in gap) and (word in BUT_THAT or word.startswith(("لكن", "ولكن"))):
            return None  # "وكشف عن …، غير أنه اعترف بأن …": a new clause, and the أن past it is its own
        if j > i + 1 and (word in _WHICH_SHOWS or (word in _IT_IS and j + 1 < len(tokens) and tokens[j + 1].text in _WHAT)):
            return None  # "أعلنت الشركة عن صفقة، مما يؤكد أن …": the writer's conclusion, not this verb's content
        if j > i + 1 and word[:1] == "و" and m.verb(word) is not None and not _is_called(tokens[j]) and any(
                ":" in _gap(nt, tokens, q) or _complementizer_at(m, tokens, q) for q in range(j + 1, min(len(tokens), j + 7))):
            return None  # "وأكد المدرب على قوة البطولة … وقال:": the marker belongs to the second verb
    return None


def _past_verb_then_subject(tokens: Sequence[Token], k: int) -> bool:
    """"تناولت المباحثات …", "حصلت الحادثة …": a feminine past verb and its definite subject open a clause."""
    word = tokens[k].text
    return (k + 1 < len(tokens) and 4 <= len(word) <= 6 and word.endswith("ت") and not word.startswith("ال")
            and tokens[k + 1].text.startswith("ال"))


def _speech_in_brackets(nt: NormText, s: Sentence, opening: int) -> bool:
    """True when the round bracket at ``opening`` closes at the end of its sentence with three words or more
    inside: speech set in brackets, not an aside ("محمد (45 عاماً) إن …")."""
    close = nt.norm.find(")", opening + 1, s.end)
    return close > 0 and "(" not in nt.norm[opening + 1 : close] and len(nt.norm[opening + 1 : close].split()) >= 3 \
        and not nt.norm[close + 1 : s.end].strip(" .،,")


def _shortest_quote(m: Matchers, tokens: Sequence[Token], i: int, j: int) -> int:
    """Fewest words a quotation opening before word ``j`` needs to be what the cue at ``i`` says: three right
    after the cue; four after the subject of a speaking verb when it closes the sentence ("وقال المتحدث …
    "هذا حريق سريع الانتشار"."), but not after a preposition ("عن "وصايا غالية لكل فتاة""); else five."""
    if j == i + 1:
        return 3
    before = tokens[j - 1].text
    if without_conjunction(tokens[i].text) in _SAY and not (before in m.lexicon.np_prepositions or before in _TOPIC_PREPOSITIONS
                                                             or is_bare_preposition(tokens[j - 1])):
        return 4
    return 5


def _is_called(token: Token) -> bool:
    """"ويدعى آدم": يدعى written with ى is "is called", which names the one before it; يدعي "claims"."""
    return token.alif_maqsura and without_conjunction(token.text) in _IS_CALLED


def _opens_long_quote(nt: NormText, m: Matchers, s: Sentence, j: int, shortest: int = 5) -> bool:
    """True when a quotation of five words or more opens right before word ``j`` (after a space) and
    ends its sentence (or never closes): speech, not a quoted name ("نادي "الهلال""). Right after the cue,
    with no subject between, three words are enough (``shortest``): "وقال "كلنا فداء الوطن""; a quotation
    that never closes needs five.

    A quotation of eight words or more is speech even when the sentence goes on after it
    ("وأضاف الباحث "…"، مطالبا …", "وأضاف "…" في التعامل مع …"); names of bodies in quotation
    marks are shorter.
    """
    gap = _gap(nt, s.tokens, j).rstrip(" ")  # "وقال الأمير علي " يجب …": a space inside the mark too
    if not gap.endswith('"') or gap[:-1].strip(" ") not in ("", ":", "،", ","):
        return False  # only spaces (or a colon or comma: "وقال، "…"") between the subject and the opening mark
    if j > 0 and gap == '"':
        return False  # no space before the mark: it closes something, or is glued to a word
    open_at = s.tokens[j - 1].end + gap.rindex('"')
    close = closing_quote(nt, open_at, s.paragraph[1])
    if close is None and _gap(nt, s.tokens, j).endswith(" "):
        return False  # '« تحيا مصر «': a mark with a space after it that never closes is no quotation
    end = close if close is not None else s.paragraph[1]
    words = len(tokens(nt, open_at, min(end, open_at + 400)))  # bounded: the quote may never close
    after = nt.norm[close + 1 : min(close + 4, s.paragraph[1])] if close is not None else ""
    if close is not None and j > 0 and s.tokens[j - 1].text in C.EXALTED:
        return words >= 2  # "قال تعالى «…» وهذا …": a verse, however short, whatever follows
    if close is not None and after.strip()[:1] not in ("", ".", "!", "؟", "?"):
        following = next((t.text for t in s.tokens if t.start > close), "")
        if m.is_participle(following):
            return words >= 5  # "… "اللاعبون الجدد تأقلموا سريعا" مضيفا أن …": a new attribution follows
        return words >= 8  # "أعلنت "المقاومة الإسلامية في العراق"، وهي …": a name goes on
    return words >= (shortest if close is not None else max(shortest, 5))


def _quote_content_after(nt: NormText, s: Sentence, j: int) -> int | None:
    """Offset of a quotation that opens right before word ``j`` (no comma needed)."""
    gap = _gap(nt, s.tokens, j)
    return s.tokens[j - 1].end + gap.index('"') if '"' in gap else None


def _addressee_name(word: str) -> bool:
    """لـ + a word without the article closing a headline's name ("المان يونايتد لرونالدو"): whom the words are
    for; "للتعليم" (the article) more often ends a title ("المدير العام للتعليم")."""
    return addressee(word) and len(word) >= 5


def _same_name(word: str, name: str) -> bool:
    """The same name, allowing one letter more or less inside a long one: the press spells a name two ways in
    one article ("الرادادي" in the title, "الردادي" in the text)."""
    if word == name:
        return True
    if len(name) < 6 or abs(len(word) - len(name)) != 1:
        return False
    short, long_ = sorted((word, name), key=len)
    # inside the word only: an ending changes the word ("السعودية" / "السعودي", "الاقتصاد" / "الاقتصادي")
    return any(long_[:k] + long_[k + 1 :] == short for k in range(3, len(long_) - 2))


def _stem_verb(word: str) -> str:
    """أعلنته → أعلنت, ذكرتها → ذكرت: an object pronoun on a verb after "حسب ما"."""
    for suffix in ("هما", "ها", "هم", "ه"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return without_conjunction(word[: -len(suffix)])
    return without_conjunction(word)


def _skip_channel(m: Matchers, tokens: Sequence[Token], k: int) -> int:
    """Index after a channel phrase at ``k`` ("في بيان", "خلال جلسات المحاكمة", "الثلاثاء"), or ``k``."""
    hit = m.channel.match(tokens, k, first_stems=False)
    if hit is None:
        return k
    preposition_first = tokens[k].text in _PREPOSITIONAL_CHANNEL
    k += hit[0]
    if preposition_first and hit[0] == 1 and k < len(tokens):
        k += 1  # its noun, and the noun's definite modifiers: "خلال جلسات المحاكمة"
        while k < len(tokens) and tokens[k].text.startswith("ال"):
            k += 1
    elif preposition_first and k < len(tokens) and not tokens[k - 1].text.startswith("ال") \
            and adjective_like(tokens[k].text) and not tokens[k].text.startswith("ال") and len(tokens[k].text) > 3 \
            and not m.prepositions.match(tokens, k):
        k += 1  # the adjective of the phrase's indefinite noun: "في تصريح صحفي", "في بيان رسمي"
    return k


def _skip_aside_or_channel(nt: NormText, m: Matchers, tokens: Sequence[Token], k: int) -> int:
    """Index after one aside (see :func:`_skip_aside`) or else one channel phrase at ``k``, or ``k``."""
    after_aside = _skip_aside(nt, m, tokens, k)
    return after_aside if after_aside != k else _skip_channel(m, tokens, k)


def _past_asides(nt: NormText, m: Matchers, tokens: Sequence[Token], k: int) -> int:
    """Index after every aside and channel phrase that follow one another from ``k`` ("في بيان له أمس")."""
    while k < len(tokens) and (skipped := _skip_aside_or_channel(nt, m, tokens, k)) > k:
        k = skipped
    return k


def _opens_a_clause(word: str) -> bool:
    """A future verb (سيتبع، ستكون), a negation, a passive "يتم"/"تم" or a verb in the first person plural
    (قمنا، كنا) opening a clause: right after "وأضاف" with no subject, the speaker's own words."""
    return (len(word) > 4 and word[:2] in ("سي", "ست", "سن") and not word.endswith(("ة", "ات"))) or word in NEGATIONS \
        or word in _CLAUSE_OPENERS or (len(word) >= 3 and _we_form(word))


def _clause_opener_at(nt: NormText, tokens: Sequence[Token], k: int) -> bool:
    """Words at ``k`` that can only open a clause, not go on with a name: a future or negated verb, "we",
    "تم", "هناك", "من الصعب/من المهم …" ("وقال الشهري من الصعب ضمان …")."""
    word = tokens[k].text
    if k + 1 < len(tokens) and not _gap(nt, tokens, k + 1).isspace():
        return False  # "وقال الناخبون «لا»، …": a word quoted or set off alone answers, opens nothing
    return _opens_a_clause(word) or word in _THERE_IS or (
        word == "من" and k + 1 < len(tokens) and tokens[k + 1].text in _IT_IS_ADJECTIVES)


def _maybe_preposition(word: str) -> bool:
    """A word that may be بـ or لـ and its noun ("بشدة", "للمرة", "بالفعل"); a longer word without the
    article after it may be a name too ("بلاتيني", "بشيكتاش"), which only a noun object after it settles."""
    return word.startswith(("ب", "ل")) and (len(word) < 6 or word.startswith(("بال", "لل", "لا")))


def _skip_aside(nt: NormText, m: Matchers, tokens: Sequence[Token], k: int) -> int:
    """Index after "، في حديث لإذاعة …،" or "، وهي تحالف فصائل …،" starting at ``k``, or ``k``.

    An aside that opens with a channel phrase or a relative pronoun and closes with a comma
    separates a subject from its content; it is neither.
    """
    if k == 0 or k >= len(tokens) or not holds(nt.norm[tokens[k - 1].end : tokens[k].start], ",،"):
        return k
    if not (m.channel.match(tokens, k, first_stems=False) or tokens[k].text in _RELATIVES
            or m.prepositions.match(tokens, k)):
        return k
    for j in range(k + 1, min(len(tokens), k + 14)):
        if holds(nt.norm[tokens[j - 1].end : tokens[j].start], ",،"):
            return j
    return k


class ParagraphReader:
    """Extracts :class:`Attribution` records from the paragraphs of one document."""

    def __init__(self, nt: NormText, matchers: Matchers) -> None:
        self.nt = nt
        self.m = matchers
        self.found: list[Attribution] = []
        self.sentence_index = 0
        self._list_owner: Attribution | None = None
        self._previous_sentence: tuple[int, int] | None = None  # what "صرح بذلك X" refers back to
        # Sources named outside any attribution (a list header), for unstated subjects after them.
        self.standing_mentions: list[tuple[tuple[int, int], int]] = []
        # "بو حبيب: …" names nobody the lexicon knows; kept until the article names him as a source.
        self._name_headlines: list[tuple[Attribution, tuple[str, ...]]] = []

    # -- paragraph level -------------------------------------------------------------------
    def read(self, paragraph: tuple[int, int]) -> None:
        """Add the attributions of one paragraph to ``found``."""
        bullet = _BULLET.match(self.nt.norm, paragraph[0], paragraph[1])
        if bullet and self._list_owner is not None:
            self._list_item(paragraph, bullet.end())
            return
        self._list_owner = None
        before = len(self.found)
        self._read_paragraph(paragraph)
        if self.nt.norm[paragraph[0] : paragraph[1]].rstrip().endswith(":"):
            last = self.found[-1] if len(self.found) > before else None
            if last is not None and not holds(self.nt.norm[last.content[1] : paragraph[1]], ".!؟?"):
                # "… إن الحصيلة توزعت على النحو التالي:" then bullet lines: each line is a claim of that source
                # (not when the colon ends a later sentence of the paragraph: "ودعت الوزارة … إحضار:")
                self._list_owner = last
            else:
                self._header_mention(paragraph)

    def _header_mention(self, paragraph: tuple[int, int]) -> None:
        """"أبرز ما جاء في المؤتمر الصحفي لوزير الخارجية فؤاد حسين:": the speaker of the items below."""
        nt, m = self.nt, self.m
        words = tokens(nt, *paragraph)
        best: tuple[int, int, int] | None = None  # (length, start, end) of the longest source phrase
        for k in range(len(words)):
            first = words[k].text
            lam = first.startswith("ل") and not first.startswith("لل") and len(first) > 3
            probe = [Token(words[k].start + lam, words[k].end, first[1:] if lam else first), *words[k + 1 :]]
            end = np_grammar(m, nt, probe, 0, len(probe))
            if end is not None and (m.titles.match(probe, 0) or has_forename(m, probe[:end])
                                    or m.organizations.match(probe, 0)) and (best is None or end > best[0]):
                best = (end, probe[0].start, probe[end - 1].end)
        if best is not None:
            self.standing_mentions.append(((best[1], best[2]), self.sentence_index))

    def _list_item(self, paragraph: tuple[int, int], start: int) -> None:
        """A bullet line under "… على النحو التالي:": a claim of the same source."""
        owner = self._list_owner
        span = C.trim(self.nt, start, paragraph[1])
        if span is None or owner is None:
            return
        quoted = self.nt.norm[span[0]] == '"' and C.closing_quote_at_end(self.nt, span)
        content = (span[0] + 1, span[1] - 1) if quoted else span
        self.found.append(Attribution(content, "direct" if quoted else "indirect", None, None, "previous",
                                      owner.gender, owner.score - 0.1, owner.sentence))
        self.sentence_index += 1

    def _read_paragraph(self, paragraph: tuple[int, int], part: bool = False) -> None:
        segments = self._headline_segments(paragraph)
        if segments is not None:
            for segment in segments:  # "عباس: لن نقبل … .. ونتنياهو يرد: لا تنازل …": each part on its own
                self._read_paragraph(segment, part=True)
            return
        sents = sentences(self.nt, paragraph)
        if self._headline(paragraph, sents, part):
            self.sentence_index += len(sents)
            return
        found_before = len(self.found)
        consumed = paragraph[0]
        for s in sents:
            if s.end <= consumed:
                self.sentence_index += 1
                continue
            consumed = self._read_sentence(s, consumed)
            self._previous_sentence = (s.start, s.end)
            self.sentence_index += 1
        read = self.found[found_before:]
        # nothing read, or one claim with no speaker or with one after its verb: the line may be a title
        # "X يتوقع Y" ("«كاف» يعلن أسماء حكام …" read as "يعلن [أسماء حكام …] …")
        replaceable = len(read) <= 1 and all(
            (a.source is None and a.mode in ("unstated", "none")) or (a.source and a.cue and a.source[0] > a.cue[0])
            for a in read)
        if len(sents) == 1 and replaceable and self._headline_object(paragraph, sents[0]) and read:
            self.found.remove(read[0])

    def _headline_segments(self, paragraph: tuple[int, int]) -> list[tuple[int, int]] | None:
        """A headline of several speakers set off by ".." or "…" ("الاتفاق النووي.. ظريف: تنازلنا.. نتانياهو:
        يهددنا"): the parts, each read as a line of its own, a part with no colon going on with the one before;
        None for any other line."""
        text = self.nt.norm[paragraph[0] : paragraph[1]]
        if len(text) > 250 or ":" not in text or ("…" not in text and ".." not in text) or '"' in text \
                or text.endswith((".", "!", "؟", "?")):
            return None  # a sentence of the body ("وقال: … ولن نتراجع.") ends with its stop; a headline does not
        parts, start = [], 0
        for cut in _HEADLINE_PARTS.finditer(text):
            parts.append((start, cut.start()))
            start = cut.end()
        parts.append((start, len(text)))
        merged: list[tuple[int, int]] = []
        for a, b in parts:
            if merged and ":" not in text[a:b]:
                merged[-1] = (merged[-1][0], b)  # "بولوني: الدوري هدفي الأول.. والدفاع يحتاج …": still his words
            elif text[a:b].strip():
                merged.append((a, b))
        if len(merged) < 2 or sum(":" in text[a:b] for a, b in merged) < 2:
            return None
        return [(paragraph[0] + a, paragraph[0] + b) for a, b in merged]

    def _headline(self, paragraph: tuple[int, int], sents: list[Sentence], part: bool = False) -> bool:
        """A line "X: claim" where X names a source and no verb introduces it; in a ``part`` of a headline
        set off by ".." one word in the first person plural is enough ("ظريف: تنازلنا")."""
        nt, m = self.nt, self.m
        text = nt.norm[paragraph[0] : paragraph[1]]
        colon = text.find(":")
        if colon <= 0 or len(sents) > 2:
            return False
        # Scraped headlines carry labels before the source: "⚡ عاجل | الدفاع التركية: …".
        separators = ("|", " - ", "–", "ـ ", "\u2014")
        cuts = [text.rfind(sep, 0, colon) + len(sep) for sep in separators if text.rfind(sep, 0, colon) >= 0]
        left_start = paragraph[0] + max(cuts, default=0)
        all_tokens = [t for s in sents for t in s.tokens]
        left = [t for t in all_tokens if left_start <= t.start and t.end <= paragraph[0] + colon]
        right = [t for t in all_tokens if t.start > paragraph[0] + colon]
        left_text = nt.norm[left_start : paragraph[0] + colon]
        one_word = part and len(right) == 1 and right[0].text.endswith("نا")  # "ظريف: تنازلنا", not "المجموعة الأولى: هولندا"
        if not 1 <= len(left) <= 7 or (len(right) < 2 and not one_word) or _CLOCK_OR_DATE.search(left_text):
            return False  # "16:02" or "2024.08.09 | 16:02" is a dateline, "مصادر لـ"درعا 24":" a source
        if not any("\u0621" <= ch <= "\u064a" or ch.isdigit() for ch in right[0].text[:1]):
            return False  # "تويتر: @handle" under a column is the writer's account, no claim
        if cuts and (m.verb(right[0].text) or m.passive.match(right, 0) or self._dateline_credit(
                [t for t in all_tokens if t.end <= left_start], left)):
            # "واشنطن - أ ف ب: أعلن البيت الأبيض أن …", "الرياض - واس: وصل …": a dateline's credit, then the
            # article's own sentence
            return False
        participle = next((k for k, t in enumerate(left) if m.is_participle(t.text) or (
            t.text.startswith("م") and t.text.endswith("ا") and len(t.text) >= 5)), None)  # مهاجما، منتقدا
        if participle:
            left = left[:participle]  # "وزير الداخلية الإسباني مهاجماً جوارديولا: …": the one who attacks speaks
        if any(m.verb(t.text) or m.is_participle(t.text) for t in left):
            return False
        extent = np_extent(nt, m, left, 0, len(left))
        # "بالقانون: إيران دولة نووية" is a phrase of manner, "بالقاسم: …" a name: only the article can tell
        doubtful = len(left) == 1 and left[0].text.startswith(("بال", "لل"))
        if extent is None and len(left) == 1 and left[0].text[:1] == "ل" and len(left[0].text) >= 5 \
                and left[0].text not in m.lexicon.state_names:
            extent = (0, 1)  # "لاجارد: …": no verb for a لـ to hang on, so a name, not whom he told
        if extent is None:
            return False
        # "مصادر محلية لـ"درعا 24": …": a quoted name after لـ in a headline is the outlet told, unless it
        # is an organization the mention belongs to ("المكتب الإعلامي لـ"قسد"")
        told = next((k for k in range(extent[0] + 1, extent[1]) if left[k - 1].text == "ل" and k - 1 > extent[0]
                     and '"' in _gap(nt, left, k) and not m.organizations.match(left, k)), None)
        if told is not None:
            extent = (extent[0], told - 1)
        span = C.headline_content(nt, paragraph[0] + colon + 1, paragraph[1])
        if span is None:
            return False
        first = left[extent[0]]
        # "… .. وهنية: …": in a later part of a headline و joins the parts and is no letter of the name
        joined = part and any(c in nt.norm[max(0, paragraph[0] - 3) : paragraph[0]] for c in ".…") \
            and first.text[:1] == "و" and len(first.text) > 3 \
            and not m.titles.match(left, extent[0]) and not is_forename(m, first)
        source = C.mention_span(nt, first.start + joined, left[extent[1] - 1].end)
        attribution = Attribution(span, "direct", None, source, "explicit", "", 0.7, self.sentence_index,
                                  headline=True)
        known = not doubtful and (np_grammar(m, nt, left, 0, len(left)) is not None
                                  or m.affiliation_words.match(left, 0)
                                  or (len(left) == 1 and unnamed_group(left[0].text)))  # "مسرحيون: …"
        if len(right) == 2 and (is_forename(m, right[0]) or (not known and not right[0].text.startswith("ال"))) \
                and not any(t.text.endswith("نا") and len(t.text) > 3 for t in right):
            return False  # two words after a place are a byline ("جدة: عبدالله الزهراني"), not a claim; a name
            # opens with no article ("القحطاني وعطيف: الزعيم بخير" is a claim), "we" speaks ("هذه طائرتنا")
        # a part of a headline of several speakers ("… نتانياهو: يهددنا.. كوريا: لايهمنا") or words that open
        # in the first person plural ("الرياض وباريس: علاقاتنا مميزة", "ماليزيا: هذه طائرتنا") speak for the
        # one named, known or not
        speaks = extent[1] - extent[0] <= (2 if part else 3) and (part or any(_speaks_as_we(t.text) for t in right[:2])) \
            and not any(t.text in BY_SAYING for t in left)  # "ويختم السلمي بقوله: …" is a body sentence
        if not known and not speaks:
            if extent[1] - extent[0] >= 2 and _addressee_name(left[extent[1] - 1].text):
                extent = (extent[0], extent[1] - 1)  # "المان يونايتد لرونالدو: …": whom the club tells
                attribution.source = C.mention_span(nt, left[extent[0]].start, left[extent[1] - 1].end)
            if extent[1] - extent[0] <= 3:
                self._name_headlines.append((attribution, tuple(t.text for t in left[extent[0] : extent[1]])))
            return False
        self.found.append(attribution)
        return True

    def _dateline_credit(self, place: list[Token], credit: list[Token]) -> bool:
        """True when one or two words of a place stand before the separator and an outlet or agency after it
        ("الرياض - واس", "القاهرة - «الحياة»"); a label ("عاجل | رويترز: …") is no place."""
        m = self.m
        return 1 <= len(place) <= 2 and not any(t.text in _HEADLINE_LABELS or any(ch.isdigit() for ch in t.text)
                                                for t in place) \
            and bool(m.media.match(credit, 0) or m.media_heads.match(credit, 0))

    def _headline_object(self, paragraph: tuple[int, int], s: Sentence) -> bool:
        """A title line "SUBJECT + present reporting verb + object" ("جوارديولا يتوقع تألق …", "صحة عسير
        تعلن حالة الطوارئ"): a title drops the object starters and the final stop a body sentence needs,
        so the line's shape alone says the verb reports. A subject no lexicon knows counts only when
        the article names it again (as for "name: claim" titles). True when the line was taken as one
        (the speaker-less reading of the same words then gives way, here or in accept_name_headlines)."""
        nt, m, words = self.nt, self.m, s.tokens
        if not 3 <= len(words) <= 16 or nt.norm[paragraph[0] : paragraph[1]].rstrip()[-1:] in ".:؟?!":
            return False
        v = next((j for j, t in enumerate(words) if m.verb(t.text) or m.is_participle(t.text)), None)
        verb = m.verb(words[v].text) if v else None
        if verb is None or v + 1 >= len(words) or without_conjunction(words[v].text)[:1] not in "يت" \
                or not verb.takes_object or verb.marked_only or verb.object_words or verb.accuses \
                or verb.topic or verb.document_subject or words[v].text[:1] in "وف":
            return False
        start = v + 1 + (words[v + 1].text in verb.prepositions)  # "تعلن عن …"
        if start >= len(words) or m.is_complementizer(words[start].text, None) or m.is_feeling(words[start].text):
            return False  # "… تؤكد أن": the sentence reader's; "… تعرب عن شكرها": no content
        span = C.headline_content(nt, words[start].start, paragraph[1])
        if span is None:
            return False
        subject = C.mention_span(nt, words[0].start, words[v - 1].end)
        attribution = Attribution(span, "indirect", (words[v].start, words[v].end), subject, "explicit",
                                  verb.gender, 0.6, self.sentence_index - 1, headline=True)
        quoted = nt.norm[paragraph[0] : words[0].start].strip() == '"' and _gap(nt, words, v).strip() == '"'
        if looks_like_source(m, nt, words, 0, v, exactly=True) or quoted:
            self.found.append(attribution)
            return True
        if v <= 3 and not any(self._never_in_name(t) or t.text.startswith("ال") for t in words[:v]):
            self._name_headlines.append((attribution, tuple(t.text for t in words[:v])))
        return False

    def accept_name_headlines(self) -> None:
        """Keep the "name: claim" headlines whose name the article uses for a source elsewhere, or,
        for the article's title line, whose name the article repeats ("العيبان: …" above "… بندر العيبان")."""
        names = {tuple(t.text for t in tokens(self.nt, *a.source)) for a in self.found if a.source}
        for attribution, words in self._name_headlines:
            if any(n[-len(words):] == words for n in names if len(n) >= len(words)):
                attribution.score = 0.6
            elif self._title_name_repeated(attribution, words) or self._head_speaks_below(attribution, words, names):
                attribution.score = 0.5
            else:
                continue
            # the same words read without a speaker ("بينيتيز يتوقع بقاء …" as "يتوقع بقاء …") give way
            self.found = [a for a in self.found if not (a.source is None and a.content == attribution.content)]
            self.found.append(attribution)
        self._name_headlines.clear()

    def _title_line_end(self, attribution: Attribution) -> int | None:
        """Where the document's first line ends, when the headline ``attribution`` stands on it; else None."""
        first_line_end = self.nt.norm.find("\n")
        return None if first_line_end < 0 or attribution.content[1] > first_line_end else first_line_end

    def _head_speaks_below(self, attribution: Attribution, words: tuple[str, ...],
                           names: set[tuple[str, ...]]) -> bool:
        """True when the document's title line names its speaker by a word a source below it carries
        ("«السياحة»: …" above "الهيئة العامة للسياحة", "شباب طيبة: …" above "عدد من الشباب")."""
        if self._title_line_end(attribution) is None:
            return False
        heads = {stem for stem in stems(words[0]) if len(stem) >= 4}
        return any(heads & set(stems(word)) for name in names for word in name)

    def _title_name_repeated(self, attribution: Attribution, words: tuple[str, ...]) -> bool:
        """True when the headline is the document's first line and its name's last word comes back later."""
        first_line_end = self._title_line_end(attribution)
        if first_line_end is None or len(words[-1]) < 3:
            return False
        body = tokens(self.nt, first_line_end, len(self.nt.norm))
        last = without_conjunction(words[-1])  # "القحطاني وعطيف: …" above "… وعبدالله عطيف"
        return any(_same_name(without_conjunction(t.text), last) for t in body)

    # -- sentence level --------------------------------------------------------------------
    def _read_sentence(self, s: Sentence, consumed: int) -> int:
        tokens = s.tokens
        self._remember_opening_subject(s)
        i = 0
        first_in_sentence = len(self.found)
        said = self._this_is_what_was_said(s) if tokens and tokens[0].start >= consumed else None
        consumed = max(consumed, said or 0)
        may_open = self.m.may_open_attribution  # looked up once: this loop visits every word of the text
        while i < len(tokens):
            if tokens[i].start < consumed or not may_open(tokens[i].text):
                i += 1
                continue
            background = self._background(s, i)
            if background:
                consumed = max(consumed, tokens[background - 1].end)
                i = background
                continue
            result = (self._preposition(s, i, consumed, first_in_sentence)
                      or self._participle(s, i, first_in_sentence)
                      or self._verb(s, i))
            if result:
                consumed = max(consumed, result)
            i += 1
        return consumed

    def _background(self, s: Sentence, i: int) -> int:
        """Index after "يذكر أن" / "تجدر الإشارة إلى أن" at ``i`` (the outlet's own background, never a
        claim), or 0. Only before a complementizer: "يذكر الوزير أن …" is the minister speaking."""
        tokens = s.tokens
        hit = self.m.background.match(tokens, i)
        if hit is None:
            return 0
        k = i + hit[0]
        if k < len(tokens) and tokens[k].text in _PARTICIPLE_PREPOSITIONS:
            k += 1  # "يشار إلى أن"
        width = _complementizer_at(self.m, tokens, k) if k < len(tokens) else 0
        return k + width if width else 0

    def _add(self, attribution: Attribution) -> int:
        inner = self._document_opens(attribution)
        self.found.append(inner or attribution)
        return max(attribution.content[1], attribution.source[1] if attribution.source else 0)

    def _document_opens(self, outer: Attribution) -> Attribution | None:
        """"وأكدت اوتشا أنه وفقا لنتائج البعثة فقد وصل …", "مبينة أنه حسب الإحصائية التي سجلت …، بلغ …":
        content that opens by citing a document is the document's, nested in the speaker's report
        (guidelines 6.5); the speaker is a mention of its own. None when the content opens otherwise."""
        nt, m = self.nt, self.m
        if outer.kind != "indirect" or outer.reported_inside:
            return None
        words = tokens(nt, outer.content[0], outer.content[1])
        hit = m.prepositions.match(words, 0) if len(words) >= 6 else None
        if not hit or hit[0] >= len(words):
            return None
        at = hit[0]
        first = words[at].text
        lam = first.startswith("ل") and is_document_word(m, first[1:])
        if not (lam or is_document_word(m, first)):
            return None
        stop = next((j for j in range(at + 1, min(len(words), at + 12))
                     if holds(_gap(nt, words, j), ",،:") or words[j].text in _LEADING_CONTENT_PARTICLES
                     or m.is_complementizer(words[j].text, None)), None)
        if stop is None or is_bare_preposition(words[stop - 1]):
            return None  # "… بحسب بيان لأمانة المجلس الى ان …": the outer verb's إلى, the aside only cites
        k = stop
        while k < len(words) and (words[k].text in _LEADING_CONTENT_PARTICLES or m.is_complementizer(words[k].text, None)):
            k += 1
        content = C.trim(nt, words[k].start, outer.content[1]) if k < len(words) - 1 else None
        if content is None:
            return None
        source = C.mention_span(nt, words[at].start + (1 if lam else 0), words[stop - 1].end)
        return Attribution(content, "indirect", (words[0].start, words[at - 1].end), source, "explicit", "",
                           outer.score - 0.1, outer.sentence, outer=outer.source, reported_inside=True)

    def _preposition(self, s: Sentence, i: int, consumed: int, first_in_sentence: int) -> int | None:
        """بحسب / وفقاً لـ / نقلاً عن / حسبما أفاد …: the source follows, the content is around it."""
        nt, m, tokens = self.nt, self.m, s.tokens
        hit = m.prepositions.match(tokens, i)
        if not hit:
            return None
        if i > 1 and tokens[i - 1].text in _MA and tokens[i - 2].text in _ON_ABOUT:
            return None  # "التعليق على ما جاء في ادعاءات …": what the comment is about, nobody's attribution
        length = hit[0]
        cue_end = i + length
        closing_only = length == 2 and (without_conjunction(tokens[i].text), tokens[i + 1].text) in \
            m.lexicon.closing_prepositions
        # حسبما أفاد / كما ذكرت: the verb belongs to the cue.
        if cue_end < len(tokens) and without_conjunction(tokens[cue_end].text) in m.lexicon.preposition_verbs \
                and tokens[cue_end - 1].text in {"حسبما", "بحسبما", "كما", "ما", "وفقما", "فيما"}:
            cue_end += 1
        # بحسب ما أعلنته / وفق ما أفادت: "ما" and the verb belong to the cue.
        if cue_end + 1 < len(tokens) and tokens[cue_end].text in _MA and _stem_verb(tokens[cue_end + 1].text) \
                in m.lexicon.preposition_verbs:
            cue_end += 2
        if cue_end < len(tokens) and tokens[cue_end].text in _WITH_IT and m.verb(tokens[cue_end - 1].text):
            cue_end += 1  # "بحسب ما أفاد به مصدر ميداني": "به" points back to "ما", the source follows
        cue = (tokens[i].start, tokens[cue_end - 1].end)
        clause_start = max(s.start, consumed)
        before = [t for t in tokens[:i] if t.start >= clause_start]
        if before and i > 0 and self._opening_verb_at(s) == i and holds(_gap(nt, tokens, i), ",،"):
            before = []  # "ومن جهة اخرى، جاء في استطلاع … أنه …": an aside opens the sentence, no content before
        if cue_end >= len(tokens):
            # "…، على حد تعبيره." / "…، كما قال.": the last speaker's words
            if len(before) < 3:
                return None
            span, kind = C.before_attribution(nt, clause_start, tokens[i].start)
            if span is None:
                return None
            self.found.append(Attribution(span, kind, cue, None, "unstated", "", 0.7, self.sentence_index))
            return cue[1]
        if before and without_conjunction(before[-1].text) == "ذلك" and all(
                without_conjunction(t.text) in _POINTING_BACK for t in before):
            return self._according_to_before(s, i, cue_end)
        closing_name = len(before) >= 3 and self._closing_name(tokens, cue_end)
        head = cue_end + 1 if tokens[cue_end].text in m.lexicon.one_of and cue_end + 1 < len(tokens) else cue_end
        document = is_document_word(m, tokens[head].text) and not (  # "وجاء في الخطاب: …", "ورد في إحدى الشكاوى أن"
            head + 1 < len(tokens) and tokens[head + 1].text in RELATIVE_PRONOUNS)
        if not looks_like_source(m, nt, tokens, cue_end, len(tokens)) and not closing_name and not document:
            first = tokens[cue_end].text
            lam_source = first.startswith("ل") and looks_like_source(m, nt, [Token(0, 0, first[1:])], 0, 1)
            if not lam_source and not (len(before) < 3 and (
                    (without_conjunction(tokens[i].text) in _ACCORDING_TO and self._name_before_comma(s, cue_end))
                    or self._name_before_so(s, cue_end))):
                return None
        # "…، وطبقاً للمصادر ذاتها سيقود …": a new clause opens with the attribution, its content follows
        opens_clause = tokens[i].text[:1] == "و" and i > 0 and any(c in _gap(nt, tokens, i) for c in ",،") \
            and self._content_follows_source(s, cue_end)
        if len(before) >= 3 and not opens_clause:
            if bare(tokens[cue_end].text.removeprefix("ل")) in m.lexicon.norms or bare(tokens[cue_end].text) in m.lexicon.norms:
                return None  # "… التصدي للإرهاب وفقاً لميثاق الأمم المتحدة": in accordance with a rule, nobody says it
            extent = self._lam_extent(tokens, cue_end, len(tokens)) or (
                (cue_end, len(tokens)) if closing_name else None)
            if closing_only:
                # "كما أعلنت الوزارة عن خطة …" is "as well, it announced": the source must close the clause
                end = np_grammar(m, nt, tokens, cue_end, len(tokens))
                extent = (cue_end, end) if end is not None and self._closes_clause(s, end) else None
            if extent is None:
                return None
            source, outer = self._relayed(tokens, extent, cue_end, len(tokens))
            content_start = self._after_dateline(s, clause_start)
            if closing_only:
                # "… في حين أنه توفي في كراتشي كما أعلنت الاستخبارات": what was announced follows the last أن
                marked = next((k for k in range(i - 2, max(0, i - MAX_SETTING_REGION), -1)
                               if tokens[k].start >= content_start and _complementizer_at(m, tokens, k)), None)
                content_start = tokens[marked].end if marked is not None else content_start
            span, kind = C.before_attribution(nt, content_start, tokens[i].start)
            if span is None:
                return None
            self.found.append(Attribution(span, kind, cue, source, "explicit", "", 0.8, self.sentence_index, outer=outer))
            return max(source[1], outer[1] if outer else 0)
        if closing_only:
            return None  # "كما أعلنت الوزارة أن …" is "it also announced": the verb's own reading
        # Attribution first: "وبحسب المرصد، فإن …" / "ووفقاً لمصادر محلية، قتل …".
        stop = next((j for j in range(cue_end + 1, len(tokens)) if holds(_gap(nt, tokens, j), ",،")
                     or tokens[j].text in _LEADING_CONTENT_PARTICLES), None)
        marked = next((j for j in range(cue_end + 1, min(len(tokens), cue_end + 17)) if _complementizer_at(m, tokens, j)),
                      None)
        if marked is not None and (stop is None or marked < stop):
            stop = marked  # "ورد في تقرير أعدته مجموعة الأبحاث … أن …": the source runs to its أن
        if stop is None:
            end = np_grammar(m, nt, tokens, cue_end, len(tokens))
            if end is None and document:
                end = cue_end + 1  # "وجاء في الخطاب: "…"": the document, then its words
                while end < len(tokens) and tokens[end].text.startswith("ال") and not holds(_gap(nt, tokens, end), ",،:"):
                    end += 1
            if end is None or end >= len(tokens):
                return None
            stop = end
        extent = self._lam_extent(tokens, cue_end, stop) or (
            (cue_end, stop) if len(before) < 3 and self._name_before_so(s, cue_end) else None)
        if extent is None:
            return None
        # "وطبقا لنشرة "أوتشا" لم تتمكن السلطات …، وذكرت …", "وبحسب المصادر لن يتم …": a negation opens the
        # content before any comma (not the looser openers of _opens_a_clause: "سينيكال" is a name)
        opener = next((t for t in range(extent[0] + 1, min(extent[1] + 1, stop)) if tokens[t].text in NEGATIONS
                       and not _gap(nt, tokens, t).endswith('"')), None)
        if opener is not None:
            extent, stop = (extent[0], min(extent[1], opener)), opener
        source, outer = self._relayed(tokens, extent, cue_end, stop)
        k = _skip_aside(nt, m, tokens, stop)
        while k < len(tokens) and (tokens[k].text in _LEADING_CONTENT_PARTICLES or m.is_complementizer(tokens[k].text, None)):
            k += 1
        if k >= len(tokens) or self._relayed_speaker_follows(s, k):
            return None  # "ووفقاً لوكالة الأنباء الفرنسية، قال رامي …": the outlet relays, the verb's speaker speaks
        after = tokens[k - 1].end
        if k == stop and opener is not None:
            after = tokens[k].start
        elif k == stop:
            gap = _gap(nt, tokens, k)
            after += max(gap.rfind(","), gap.rfind("،")) + 1  # past 'لـ"عنب بلدي"،': the outlet's quote is no speech
        span, kind, unclosed = C.content_after(nt, m, s, after if k == stop else tokens[k].start)
        if span is None:
            return None
        return self._add(Attribution(span, kind, cue, source, "explicit", "", 0.8 - 0.1 * unclosed,
                                     self.sentence_index, outer=outer))

    def _closes_clause(self, s: Sentence, k: int) -> bool:
        """True when the words from ``k`` on, past channel phrases ("أمس", "في بيان"), are none: the source
        before ``k`` ends its sentence or is set off by a comma or a dash."""
        nt, m, tokens = self.nt, self.m, s.tokens
        while k < len(tokens) and (skipped := _skip_aside_or_channel(nt, m, tokens, k)) > k \
                and not holds(_gap(nt, tokens, k), ",،-–—ـ"):
            k = skipped
        return k >= len(tokens) or holds(_gap(nt, tokens, k), ",،-–—ـ")

    def _according_to_before(self, s: Sentence, i: int, cue_end: int) -> int | None:
        """"… هبطت طائرة في عدن. جاء ذلك وفقاً لما أوردته وكالة أنباء الإمارات الرسمية اليوم.": a sentence
        that only points back ("جاء ذلك", "وذلك") and names a source closing it attributes the sentence before."""
        nt, m, tokens = self.nt, self.m, s.tokens
        if self._previous_sentence is None:
            return None
        stop = next((j for j in range(cue_end + 1, len(tokens)) if holds(_gap(nt, tokens, j), ",،:(")), len(tokens))
        extent = np_extent(nt, m, tokens, cue_end, stop)
        span = C.trim(nt, *self._previous_sentence)
        first = tokens[cue_end].text if cue_end < len(tokens) else ""
        if extent is None or span is None or stop < len(tokens) or self._past_time(tokens, extent[1]) < stop - 1 \
                or not looks_like_source(m, nt, tokens, cue_end, stop) or bare(first.removeprefix("ل")) in m.lexicon.norms \
                or bare(first) in m.lexicon.norms or any(a.content[1] > span[0] and a.content[0] < span[1] for a in self.found):
            return None  # the source must close the sentence (a time or an adjective may follow it); "وفق الضوابط" names nobody
        return self._said_by(tokens, i, extent, span, cue_end)

    def _speaker_after_quote(self, s: Sentence, i: int, cue_end: int) -> int | None:
        """'«القراءة ضرورية للحياة كالتنفس»، يقول ألبرتو مانغويل.': a quotation opens the sentence and closes
        before a speaking verb; the subject after the verb, up to the sentence's end, said it."""
        nt, m, tokens = self.nt, self.m, s.tokens
        if i == 0 or without_conjunction(tokens[i].text) not in _SAY_ONLY or tokens[i].text[:1] in "وف" \
                or '"' not in _gap(nt, tokens, i) or nt.norm[self._after_dateline(s, s.start)] != '"':
            return None
        stop = next((j for j in range(cue_end + 1, len(tokens)) if holds(_gap(nt, tokens, j), ",،:؛;.(")), len(tokens))
        extent = np_extent(nt, m, tokens, cue_end, stop)
        if extent is None or extent[0] != cue_end or not looks_like_source(m, nt, tokens, extent[0], extent[1]):
            if not self._closing_name(tokens, cue_end):
                return None
            extent = (cue_end, len(tokens))  # "يقول ألبرتو مانغويل.": a name no list knows closes the sentence
        span, kind = C.before_attribution(nt, self._after_dateline(s, s.start), tokens[i].start)
        if span is None or kind != "direct":
            return None
        source = C.mention_span(nt, tokens[extent[0]].start, tokens[extent[1] - 1].end)
        return self._add(Attribution(span, "direct", (tokens[i].start, tokens[i].end), source, "explicit", "", 0.7,
                                     self.sentence_index))

    def _far_marker(self, s: Sentence, i: int, cue_end: int) -> _Marker | None:
        """"وقال X في مؤتمر صحفي عقده مع … بمناسبة …، إن …": after قال, a far "إن" (or a colon) ends a long
        setting. The speaker is the noun phrase before the setting's first preposition, or nobody stated."""
        nt, m, tokens = self.nt, self.m, s.tokens
        if without_conjunction(tokens[i].text) not in _SAY:
            return None
        far = _find_marker(nt, m, s, cue_end - 1, MAX_SETTING_REGION)
        if far is not None and far.quotation and (width := _complementizer_at(m, tokens, far.subject_end)):
            far = _Marker(far.subject_end, tokens[far.subject_end + width - 1].end, 0.92)  # "… 2015م «إن هذا …»"
        if far is None or far.score < 0.9 or (
                _complementizer_at(m, tokens, far.subject_end) and self._original(tokens[far.subject_end]).startswith("أ")):
            return None  # after قال, "أن" far off is another word's ("يحث فيه الوزارة أن تبادر"); إن is قال's
        for k in range(cue_end, min(far.subject_end, cue_end + MAX_SUBJECT_REGION)):
            if k == cue_end and tokens[k].text in _TO_OUTLET:
                return None  # "وقال لـ"الاقتصادية" كرستيان لندمير … إنه": the speaker follows the outlet
            if tokens[k].text in _SETTING_OPENERS and (k == cue_end or np_grammar(m, nt, tokens, cue_end, k) == k):
                if any(m.verb(t.text) for t in tokens[k:far.subject_end]):
                    return None  # "وقال X في كلمة أكد فيها … إن": the marker is the other cue's
                return _Marker(k, far.content_start, far.score)
        return None

    def _amma_speech(self, s: Sentence, i: int, cue_end: int) -> bool:
        """"أما X فقال …" with nothing between the verb and the words: a speaking verb with ف after a
        topic set up by أما, its content right after it."""
        tokens = s.tokens
        verb = self.m.verb(tokens[i].text)
        if tokens[i].text[:1] != "ف" or verb is None or verb.takes_object or verb.prepositions \
                or cue_end + 3 > len(tokens) or any(c in _gap(self.nt, tokens, cue_end) for c in ",،."):
            return False
        return any(tokens[j].text in _AMMA for j in range(max(0, i - 12), i))

    def _unmarked_speech(self, s: Sentence, i: int, cue_end: int) -> _Marker | None:
        """Speech with no أن, colon or quotation mark. Right after a bare "وأضاف"/"وقال", words that can only
        open a clause ("واضاف سيتبع …", "وقال كنا …"); after قال/يقول and a subject the grammar reads that
        ends in a name (and its channel phrases), a definite word ("قال الزائر جابر العمري اللوحات …").
        أضاف ("scored") and تابع ("watched") take the second reading only with a clause opener."""
        nt, m, tokens = self.nt, self.m, s.tokens
        if without_conjunction(tokens[i].text) in _SAY and len(tokens) - cue_end >= 4 and (tokens[i].text[:1] in "وف" or i == 0) \
                and not holds(_gap(nt, tokens, cue_end), ",،:؛;.()-–") and _opens_a_clause(tokens[cue_end].text):
            gap = _gap(nt, tokens, cue_end)
            if gap.rstrip(" ").endswith('"') and gap.startswith(" "):
                # 'واضاف "ستستخدم في اطار محدد"، بدون أن …': the quotation is all of it
                return _Marker(cue_end, tokens[cue_end - 1].end + gap.rindex('"'), 0.5, quotation=True)
            return _Marker(cue_end, tokens[cue_end].start, 0.5)  # "واضاف سيتبع الجوف …"; not "بعد أن قال لا إله …"
        if without_conjunction(tokens[i].text) not in _SAY_ONLY or cue_end >= len(tokens):
            return None
        end = np_grammar(m, nt, tokens, cue_end, len(tokens))
        if end is None and cue_end + 2 < len(tokens) and tokens[cue_end].text.startswith("ال") \
                and len(tokens[cue_end].text) > 4 and m.channel.match(tokens, cue_end + 1, first_stems=False):
            end = cue_end + 1  # "وقال الشرجي في تصريحات لـ«عكاظ» …": a family name no list knows, then the channel
        family_name = end is None and cue_end + 1 < len(tokens) and tokens[cue_end].text.startswith("ال") \
            and len(tokens[cue_end].text) > 4 and (_clause_opener_at(nt, tokens, cue_end + 1)
                                                   or _past_verb_then_subject(tokens, cue_end + 1))
        if family_name:
            end = cue_end + 1  # "وقال الشهري من الصعب ضمان …": a family name, then words that open a clause
        if end is None or end <= cue_end:
            return None
        k, previous = end, -1
        while k < len(tokens) and k != previous:  # "في تصريحات لـ «عكاظ»", "أمس": channel phrases and asides
            previous = k
            k = _skip_aside_or_channel(nt, m, tokens, k)
            if k + 1 < len(tokens) and tokens[k].text == "ل":
                k += 2  # "لـ «عكاظ»": a detached لـ and the outlet it names
        if len(tokens) - k < 4 or holds(_gap(nt, tokens, k), ",،:؛;.()-–"):
            return None
        word = tokens[k].text
        if not (word.startswith("ال") or _past_verb_then_subject(tokens, k) or _clause_opener_at(nt, tokens, k)) or is_bare_preposition(tokens[k]) \
                or self._awaits_genitive(tokens, (cue_end, end)) \
                or (k == end and not family_name and not self._ends_in_name(tokens, (cue_end, end))):
            # "قال له …", "وقال مؤكداً …", "قال أستاذ فلسفة …", "وقال مدير عام مكتب الصحة …": a definite word
            # must open the words, after a name or a channel phrase that closed the subject
            return None
        return _Marker(k, tokens[k].start, 0.5)

    def _content_follows_source(self, s: Sentence, cue_end: int) -> bool:
        """After "، وطبقاً لـ": a source noun phrase and then, with no comma between, four words or more
        of the sentence ("وطبقا للمصادر ذاتها سيقود سابيلا …"); "، وفقاً للهيئة." closes what came before."""
        tokens = s.tokens
        end = np_grammar(self.m, self.nt, tokens, cue_end, len(tokens))
        if end is None or len(tokens) - end < 4:
            return False
        word = tokens[end].text
        if word in _LEADING_CONTENT_PARTICLES:
            return True  # "وطبقا لمصادر المنظمة، فإنها …"
        if any(c in _gap(self.nt, tokens, end) for c in ",،:؛;.-–("):
            return False
        # "وبحسب المصدر فإن …", "وطبقا للمصادر ذاتها سيقود …": a particle, or a verb in the future or negated
        return (self.m.is_complementizer(word, None) or word in NEGATIONS
                or (len(word) > 4 and word[:2] in ("سي", "ست", "سن")))

    def _closing_name(self, tokens: Sequence[Token], cue_end: int) -> bool:
        """"…، بحسب دوغان." : one to three words no lexicon knows, closing the sentence after a
        post-posed attribution, are the source's name; a definite noun ("حسب الجدول المعتمد") is not."""
        rest = tokens[cue_end:]
        m = self.m
        first = without_conjunction(rest[0].text) if rest else ""
        # "وفقا للضوابط الشرعية", "وفق معايير مدروسة": a definite noun after لـ, or a noun and its adjective
        described = len(rest) >= 2 and not first.startswith("ال") and rest[1].text.endswith("ة") \
            and not rest[1].text.startswith("ال")
        return 1 <= len(rest) <= 3 and not first.startswith(("ال", "لل")) and not described and not any(
            m.verb(t.text) or m.is_participle(t.text) or t.text in m.lexicon.np_prepositions or t.text.isdigit()
            for t in rest)

    def _name_before_comma(self, s: Sentence, k: int) -> bool:
        """"وبحسب أوباما، فإن …": one or two words no list knows, with no article, between an attribution
        that opens its clause and a comma, and words after it: a name, the source."""
        nt, tokens = self.nt, s.tokens
        comma = next((j for j in range(k + 1, min(len(tokens), k + 3)) if holds(_gap(nt, tokens, j), ",،")), None)
        if comma is None or comma + 2 > len(tokens):
            return False
        return self._unknown_name_words(tokens[k:comma])

    def _name_before_so(self, s: Sentence, k: int) -> bool:
        """"ولكن ووفقا لكاهيل فإنه …": one to three words no list knows between an attribution that opens its
        clause and فإن, with no comma: a name (its لـ taken off), the source; the words after فإن are its claim."""
        nt, tokens = self.nt, s.tokens
        so = next((j for j in range(k + 1, min(len(tokens), k + 4)) if tokens[j].text in _SO_THAT), None)
        if so is None or so + 2 > len(tokens) or any(holds(_gap(nt, tokens, j), ",،:؛;.()") for j in range(k + 1, so)):
            return False
        first = tokens[k]
        if tokens[k - 1].text in _LAM_PREPOSITIONS and first.text.startswith("ل") and not first.text.startswith("لل"):
            first = first._replace(text=first.text[1:])
        return self._unknown_name_words([first, *tokens[k + 1 : so]])

    def _unknown_name_words(self, words: Sequence[Token]) -> bool:
        """Words that can be a name no list knows: no article, preposition, number, verb, participle, norm,
        pronoun suffix, demonstrative or verbal noun."""
        m = self.m
        return all(not t.text.startswith(("ال", "ل", "ب")) and not t.text[:1].isdigit() and m.verb(t.text) is None
                   and not m.is_participle(t.text) and bare(t.text) not in m.lexicon.norms
                   and not pronoun_suffixed(t.text) and t.text not in DEMONSTRATIVES and t.text not in _NOBODY
                   and not m.is_verbal_noun(t.text) for t in words)

    def _relayed_speaker_follows(self, s: Sentence, k: int) -> bool:
        """True when the content after "بحسب X،" opens with a reporting verb and a speaker of its own
        ("…، فقد ذكرت الوزارة أن …"): not "أكد فيه …" (the document itself) nor "تتضمن قائمة …"."""
        m, tokens = self.m, s.tokens
        verb = m.verb(tokens[k].text)
        return verb is not None and not verb.document_subject and not m.passive.match(tokens, k) \
            and k + 1 < len(tokens) and looks_like_source(m, self.nt, tokens, k + 1, len(tokens), exactly=True)

    def _lam_extent(self, tokens: Sequence[Token], cue_end: int, stop: int) -> tuple[int, int] | None:
        """The source phrase after بحسب / وفقاً لـ; where the phrase reads as the outlet someone spoke to
        ("وفقاً لصحيفة الإندبندنت" like "قال لصحيفة …"), the words after the لـ, as far as the grammar reads
        them ("وفقاً لوكالة الأنباء اليمنية | بتعيين …")."""
        extent = np_extent(self.nt, self.m, tokens, cue_end, stop)
        if extent is not None:
            return extent
        plain = self._without_lam(tokens, cue_end)
        if plain is tokens:
            return None
        end = np_grammar(self.m, self.nt, plain, cue_end, stop)
        return (cue_end, end) if end is not None else None

    def _without_lam(self, tokens: Sequence[Token], cue_end: int) -> Sequence[Token]:
        """The words after وفقاً/طبقاً with the لـ they govern taken off the first ("وفقاً لصحيفة الإندبندنت"
        → "صحيفة الإندبندنت"), so that the phrase is not read as the outlet someone spoke to (قال لصحيفة …)."""
        if cue_end >= len(tokens) or tokens[cue_end - 1].text not in _LAM_PREPOSITIONS:
            return tokens
        first = tokens[cue_end]
        if not first.text.startswith("ل") or first.text.startswith("لل") or len(first.text) <= 2:
            return tokens
        return [*tokens[:cue_end], first._replace(start=first.start + 1, text=first.text[1:]), *tokens[cue_end + 1 :]]

    def _relayed(self, tokens: Sequence[Token], extent: tuple[int, int], cue_end: int,
                 stop: int) -> tuple[tuple[int, int], tuple[int, int] | None]:
        """The source after بحسب / وفق ما … and the outlet that relays it, if any: "بحسب ما نقلت وكالة رويترز
        عن مسؤولين أمريكيين", "… ذكرت الوكالة نقلاً عن مصدر …": the one quoted is the source and the outlet
        a mention of its own (guidelines, nested attribution)."""
        nt, m = self.nt, self.m
        plain = self._without_lam(tokens, cue_end)
        outlet = bool(m.media_heads.match(plain, extent[0]) or m.media.match(plain, extent[0]))
        for j in range(extent[0] + 1, min(stop, extent[1] + 1)):
            nesting = tokens[j].text in _NESTING and j + 1 < stop and tokens[j + 1].text in _NESTING[tokens[j].text]
            if holds(_gap(nt, tokens, j), ",،"):
                break  # "نقلاً عن وكالة الأنباء السعودية، عن مكتبة …": news about the library, not from it
            if not (nesting or (outlet and tokens[j].text == "عن")):
                continue
            inner = np_extent(nt, m, tokens, j + (2 if nesting else 1), stop)
            if inner is None:
                break
            return (C.mention_span(nt, tokens[inner[0]].start, tokens[inner[1] - 1].end),
                    self._after_lam(tokens, (extent[0], j), cue_end))
        return self._after_lam(tokens, extent, cue_end), None

    def _after_lam(self, tokens: Sequence[Token], extent: tuple[int, int], cue_end: int) -> tuple[int, int]:
        """The mention after وفقاً لـ: "لمصادر محلية" is the mention "مصادر محلية" (not for للـ)."""
        start = tokens[extent[0]].start
        first = tokens[extent[0]].text
        if (extent[0] == cue_end and tokens[cue_end - 1].text in _LAM_PREPOSITIONS and first.startswith("ل")
                and not first.startswith("لل") and len(first) > 2):
            start += 1
        return C.mention_span(self.nt, start, tokens[extent[1] - 1].end)

    def _after_dateline(self, s: Sentence, start: int) -> int:
        """Past "غزة - " or "📍 #درعا | " when the clause starts a paragraph (a dateline, not content)."""
        if start != s.paragraph[0]:
            return start
        match = _DATELINE.match(self.nt.norm, start, s.end)
        return match.end() if match else start

    def _participle(self, s: Sentence, i: int, first_in_sentence: int) -> int | None:
        """مضيفاً أن / مشيراً إلى أن / قائلاً: "…" / قوله إن: same source as the clause."""
        nt, m, tokens = self.nt, self.m, s.tokens
        word = tokens[i].text
        if not (m.is_participle(word) or m.is_verbal_noun(word)):
            return None
        if word[:1] == "و" and without_conjunction(word) in _AFFIRMING:
            return None  # "… توزيع العمل والتأكيد على جاهزية …": one more item of an agenda, nobody's claim
        if without_conjunction(word) == _CERTAINLY and (i + 1 >= len(tokens) or tokens[i + 1].text != "علي"):
            return None  # "بالتأكيد أن …", "بالتأكيد سيؤثر": "certainly"; "بالتأكيد على …" reports
        if word in _AFFIRMING and i > 0 and tokens[i - 1].text in _NOT_AFFIRMING_AFTER:
            return None  # "من أجل التأكيد على …", "إعادة التأكيد على …", "أن التأكيد على … يشكل": nobody affirms
        if word.startswith("لافت") and i > 0 and tokens[i - 1].tanween_fath and not _gap(nt, tokens, i).strip():
            return None  # "شهدت الدورة حضوراً لافتاً …": "remarkable", agreeing with the noun before it
        praise = m.honorifics.match(tokens, i + 1, first_stems=False) if i + 1 < len(tokens) else None
        if praise and i + 1 + praise[0] < len(tokens):
            # "مثل قوله تعالى (…)": a verse, God's words, not the clause's speaker's
            verse = _quote_content_after(nt, s, i + 1 + praise[0])
            span, kind, unclosed = C.content_after(nt, m, s, verse, quotation=True) if verse is not None else (
                None, "", False)
            return None if span is None else self._add(Attribution(
                span, kind, (tokens[i].start, tokens[i].end), None, "none", "", 0.8 - 0.1 * unclosed, self.sentence_index))
        # "متوقعةً في الوقت ذاته أن …", "مشيراً في هذا الصدد إلى …": a channel phrase before the marker
        after = _skip_channel(m, tokens, i + 1) - 1 if i + 1 < len(tokens) else i
        marker = _find_marker(nt, m, s, i, 3) or (_find_marker(nt, m, s, after, 3) if after > i else None)
        start = marker.content_start if marker else None
        if start is None and after + 1 < len(tokens):
            # مشيراً إلى وجود … : a preposition and a noun object.
            nxt = tokens[after + 1].text
            if nxt in _PARTICIPLE_PREPOSITIONS and after + 2 < len(tokens):
                start = tokens[after + 1].end  # "مشيراً إلى وجود …"; "محذراً من انتشار …" is a warning, no claim
            start = start if start is not None else _quote_content_after(nt, s, i + 1)
        if start is None:
            start = self._participle_object(s, i)
        if start is None:
            return None
        span, kind, unclosed = C.content_after(nt, m, s, start)
        if span is None:
            return None
        has_previous = len(self.found) > first_in_sentence
        possessor = self._possessor_before(s, i)
        if possessor is not None:
            # "ونسبت الوكالة إلى مصدر عسكري قوله إن …": the one whose saying it is speaks; the outlet relays
            outer = self._main_clause_subject(s, i)
            return self._add(Attribution(span, kind, (tokens[i].start, tokens[i].end), possessor, "explicit", "",
                                         0.8 - 0.1 * unclosed, self.sentence_index, outer=outer))
        # a claim earlier in the sentence gives its speaker, unless a clause of its own opens after it ("…، فيما أبدى …")
        subject = None if has_previous and self._joined_verb(s, i) is None else self._main_clause_subject(s, i)
        has_previous = has_previous and subject is None
        mode = "previous" if has_previous else "explicit" if subject else "unstated"
        if word in _AFFIRMING and not has_previous and (v := self._opening_verb_at(s)) is not None and v < i \
                and without_conjunction(tokens[v].text) in _IT_WAS_DONE:
            subject, mode = None, "none"  # "وتم التأكيد على …", "وجرى خلال الاتصال التأكيد على …": nobody named
        inner = self._attribution_inside(s, span) if kind == "indirect" else None
        if inner is not None:
            # "مشيراً إلى أن الإحصاءات أظهرت أن …": the innermost speaker is the source, as after a verb
            inner.outer, inner.reported_inside = subject, True
            return self._add(inner)
        return self._add(Attribution(span, kind, (tokens[i].start, tokens[i].end), subject, mode, "",
                                     0.85 - 0.1 * unclosed, self.sentence_index))

    def _possessor_before(self, s: Sentence, i: int) -> tuple[int, int] | None:
        """"… إلى مصدر عسكري قوله": a source phrase after إلى/عن, right before a verbal noun with its
        pronoun ("قوله", "قولها"), is whose saying it is."""
        nt, m, tokens = self.nt, self.m, s.tokens
        if not pronoun_suffixed(tokens[i].text) or not m.is_verbal_noun(tokens[i].text):
            return None
        for j in range(i - 1, max(0, i - 9), -1):
            if holds(_gap(nt, tokens, j + 1), ",،:؛;."):
                return None
            if tokens[j].text in _POSSESSOR_PREPOSITIONS:
                extent = np_extent(nt, m, tokens, j + 1, i)
                if extent is None or extent[1] != i:
                    return None
                return C.mention_span(nt, tokens[extent[0]].start, tokens[extent[1] - 1].end)
        return None

    def _participle_object(self, s: Sentence, i: int) -> int | None:
        """Where the noun object of "مؤكداً أهمية …" / "مشدداً على ضرورة …" / "مبيناً لهم أهمية …" starts,
        or None: only for participles that take an object, never for feelings (مؤكداً سعادته)."""
        m, tokens = self.m, s.tokens
        word = tokens[i].text
        if (word not in m.lexicon.object_participles and without_conjunction(word) not in m.lexicon.object_participles) or (
                i > 0 and without_conjunction(tokens[i - 1].text) in m.lexicon.copulas):
            return None  # "بات مؤكداً" is an adjective, not a cue
        k = _skip_channel(m, tokens, i + 1)  # "مستبعداً في الوقت نفسه فكرة …"
        aside = k > i + 1 and holds(_gap(self.nt, tokens, i + 1), ",،") and _gap(self.nt, tokens, k).strip() in (",", "،")
        if k < len(tokens) and holds(_gap(self.nt, tokens, k), ",،.:؛") and not aside:
            return None  # "مؤكداً، حسبما …": punctuation, not an object, follows; but "التأكيد، الخميس، على …"
        if k < len(tokens) and tokens[k].text in _TO_THEM:
            k += 1
        if k + 2 < len(tokens) and tokens[k].text in DEMONSTRATIVES and without_conjunction(word) in \
                m.lexicon.judging_words and not holds(_gap(self.nt, tokens, k + 1), ",،:؛;.") \
                and not m.channel.match(tokens, k, first_stems=False):
            return tokens[k].start  # "معتبراً ذلك عملاً إيجابياً": what is judged and how ("مؤكداً ذلك" is no object)
        start_offset = 0
        if k < len(tokens) and tokens[k].text in _OBJECT_PREPOSITIONS:
            k += 1
        elif k < len(tokens) and (tokens[k].text in m.lexicon.not_object_words or len(tokens[k].text) <= 2):
            return None  # "مؤكداً في كلمته …", "مبيناً من جهته …", "مؤكداً ذلك": not an object
        if k + 1 >= len(tokens) or m.is_feeling(tokens[k].text) or m.is_complementizer(tokens[k].text, None):
            return None
        if self._praise(tokens[k].text):
            return None  # "منوهاً بالجهود …": praise, no content (guidelines 5.7)
        return tokens[k].start + start_offset

    def _praise(self, word: str) -> bool:
        """"بجهود", "بالجهود", "بدعمه": what a verb of praise takes after بـ, never content."""
        return word.startswith("ب") and bare(without_object_pronoun(word[1:])) in self.m.lexicon.praised_objects

    def _main_clause_subject(self, s: Sentence, i: int) -> tuple[int, int] | None:
        """"ونوّه الحاكم وسيم منصوري بـ…، لافتاً إلى أن …": the participle's source is the subject of the
        sentence's opening verb, even when that verb introduced no claim of its own."""
        nt, m, tokens = self.nt, self.m, s.tokens
        v = self._main_verb_before(s, i)
        # the opening word is a verb: one the lexicon knows, or و/ف + a word before a known source phrase
        if v is None or i < v + 2:
            return None
        end = np_grammar(m, nt, tokens, v + 1, i) or (v + 1 + state if (state := state_length(m, tokens, v + 1, i)) else None)
        if end is None:
            # "دعا باسلمة المنظمات …، مشدداً": a name no lexicon knows, remembered after the opening verb
            remembered = next((span for span, sentence in reversed(self.standing_mentions)
                               if sentence == self.sentence_index and span[0] == tokens[v + 1].start), None)
            # any verb before "العارضون": a plural in ون after it is its subject, unless another clause
            # opens on the way ("أمل المسلمون …، فيما كان النظام … ويرى")
            plural_subject = self._nominative_plural(tokens[v + 1].text) and not any(
                t.text in m.lexicon.clause_connectives or without_conjunction(t.text) in m.lexicon.clause_connectives
                for t in tokens[v + 2 : i])
            negated = tokens[v - 1].text in NEGATIONS and v + 2 < i and tokens[v + 1].text.startswith("ال") \
                and tokens[v + 2].text.startswith("ال")
            if negated:
                return C.mention_span(nt, tokens[v + 1].start, tokens[v + 1].end)  # "لم يقيّم العلايلي الأعمال …"
            if remembered is not None or not (self._may_be_verb(tokens[v].text) or plural_subject):
                return remembered
            verb = m.verb(tokens[v].text)
            if verb is not None and bare(tokens[v + 1].text) in verb.object_words:
                return None  # "وقدّر حجم المنصرف …": the word the verb needs opens its object
            end = self._bare_subject_end(tokens, v + 1, i) or self._group_of(tokens, v + 1, i)  # "وحث مرسي …"
            if end is None:
                return None
        end = min(self._group_end(tokens, v + 1, end), i)  # "وأبدى عدد من أهل الفقيد …، مشيراً"
        # "أبدى عدد من الحاضرات سعادتهن …": the feeling is what was shown, not part of who showed it; "نوه البائع
        # نبيل مروان بالإقبال …": after a name, a definite بـ/لـ word is the verb's object (not "بورتنيكوف")
        end = next((q for q in range(v + 2, end) if m.is_feeling(tokens[q].text) or (
            tokens[q].text.startswith(("بال", "لل")) and has_forename(m, tokens[v + 1 : q]))), end)
        end = self._object_after_title(tokens, v + 1, end) or end  # "وحضر الوزير الحفل، وأكد …"
        # "وتفقد الشيخ صالح بن حميد الجمعيات …": a definite plural after a name is the verb's object
        end = next((q for q in range(v + 2, end) if definite_plural(tokens[q].text)
                    and not tokens[q - 1].text.startswith("ال") and tokens[q - 1].text not in _BARE_SUBJECT_STOPS
                    and not m.titles.match(tokens, q - 1) and has_forename(m, tokens[v + 1 : q])), end)
        return C.mention_span(nt, tokens[v + 1].start, tokens[end - 1].end)

    @staticmethod
    def _nominative_plural(word: str) -> bool:
        """"العارضون", "المشاركون": a definite plural in ون is nominative, the subject of the verb before it."""
        return word.startswith("ال") and word.endswith("ون") and len(word) > 6

    def _main_verb_before(self, s: Sentence, i: int) -> int | None:
        """Index of the verb whose subject a participle or coordinated verb at ``i`` shares: the sentence's
        opening word (see :meth:`_opening_verb_at`), past قد ("وقد أبدى الدكتور الزهراني …"), or a verb
        the lexicon knows a few words after an opening phrase ("وفي نهاية اللقاء أكد جميل قاسم …")."""
        m, tokens = self.m, s.tokens
        joined = self._joined_verb(s, i)
        if joined is not None:
            return joined
        v = self._opening_verb_at(s)
        if v is not None and (without_conjunction(tokens[v].text) in _QAD or tokens[v].text in NEGATIONS) \
                and v + 1 < i:
            v += 1  # "وقد أبدى …", "لم يقيّم العلايلي الأعمال …، وقال …"
        if v is not None and not m.verb(tokens[v].text) and tokens[v].text[:1] not in "وف":
            v = next((j for j in range(v, min(i - 1, v + 6)) if m.verb(tokens[j].text)), v)
        return v

    def _object_after_title(self, tokens: Sequence[Token], j: int, end: int) -> int | None:
        """Where the verb's object starts inside "الوزير الحفل", "الرئيس السيسي الوفد": after a definite title
        (and a name, its family name, adjectives), the first definite noun that cannot belong to the phrase
        (no nisba, no participle in م, none of the common adjectives); None when there is none."""
        m = self.m
        hit = m.titles.match(tokens, j)
        if hit is None or not tokens[j].text.startswith("ال"):
            return None  # "رئيس الوزراء": a title without the article takes a definite genitive
        q, after_name = j + hit[0], False
        while q < end:
            word = tokens[q].text
            if not word.startswith("ال"):
                q, after_name = q + 1, True  # a name ("السيسي" looks like a nisba; "خالد" has no article)
            elif after_name and not tokens[q - 1].text.startswith("ال"):
                q += 1  # the family name after a forename ("خالد الفيصل")
            elif word.startswith("الم") or adjective_like(word) or bare(word) in _TITLE_ADJECTIVES \
                    or is_forename(m, tokens[q]) or word in m.lexicon.holder_titles or m.titles.match(tokens, q):
                q += 1  # "الأمير الدكتور تركي": a rank goes on naming the holder
            else:
                return q
        return None

    def _group_of(self, tokens: Sequence[Token], j: int, stop: int) -> int | None:
        """End of "كثير/عدد من + a definite plural (and its definite adjectives)" at ``j`` ("أبدى كثير من المعلقين
        استياءهم"), or None."""
        if quantifier_length(self.m, tokens, j, stop) != 2 or not definite_plural(tokens[j + 2].text):
            return None
        end = j + 3
        while end < stop and tokens[end].text.startswith("ال") and adjective_like(tokens[end].text):
            end += 1
        return end

    def _joined_verb(self, s: Sentence, i: int) -> int | None:
        """"…، فيما أبدى كثير من المعلقين استياءهم …، معتبرين أن …": the verb of a clause opened by فيما/بينما
        after a comma, before the participle at ``i``; that clause holds the participle's subject."""
        tokens = s.tokens
        return next((k for k in range(i - 2, max(0, i - MAX_SETTING_REGION), -1) if tokens[k - 1].text in _WHILE
                     and self._may_be_verb(tokens[k].text) and holds(_gap(self.nt, tokens, k - 1), ",،")), None)

    def _may_be_verb(self, word: str) -> bool:
        """A verb the lexicon knows: a reporting verb, or one of calls, praise, thanks and feelings (دعا،
        حث، أشاد، أبدى، عبّر); a subject no list knows is read after these only."""
        plain = without_conjunction(word)
        return bool(self.m.verb(word)) or plain in self.m.lexicon.boundary_words or plain in _EXPRESSED

    def _bare_subject_end(self, tokens: Sequence[Token], j: int, stop: int) -> int | None:
        """End of a subject no lexicon knows right after a verb, one to three words: it ends where a
        preposition, a بـ/لـ word, a feeling, a relative pronoun or a clause break comes, or where a word
        without the article follows one with it ("الصين | دعماً", "الأشقاء اليمنيون | الذين"); a name and
        the verb's object may run together ("مرسي المحترفين"), which still names the speaker."""
        m = self.m

        def stops_at(k: int) -> bool:
            word = tokens[k].text
            return (word in _BARE_SUBJECT_STOPS or word in RELATIVE_PRONOUNS or m.is_feeling(word)
                    or (word.startswith(("ب", "ل", "ك")) and not word.startswith("ال") and len(word) > 3)
                    or m.verb(word) is not None or m.is_participle(word))

        if j >= stop:
            return None
        first = tokens[j].text
        if stops_at(j) or pronoun_suffixed(first) or (len(first) < 3 and first != "ال") or first[:1] in "يتنفو" \
                or tafil_verbal_noun(bare(first)) or derived_verbal_noun(bare(first)) \
                or (len(first) == 5 and first[0] == "ا" and first[3] == "ا") \
                or bare(first) in m.lexicon.object_starters:
            return None  # not "يبلغ عمر", "فقد تم", "إضفاء طابع" (إفعال), "م." (an abbreviated title)
        state = state_length(m, tokens, j, stop)
        if state:
            return j + state  # "طلبت الصين دعماً …، قائلة"
        end = j + 1
        while end < min(stop, j + 3) and not stops_at(end) and not holds(_gap(self.nt, tokens, end), ",،:.;؛") \
                and not (tokens[end - 1].text.startswith("ال") and tokens[end - 1].text != "ال"
                         and not tokens[end].text.startswith("ال")):
            end += 1
        before_preposition = end == j + 1 and end < stop and (
            tokens[end].text in _OBJECT_PREPOSITIONS or _maybe_preposition(tokens[end].text))
        if first.startswith("ال") and first != "ال" and not tokens[end - 1].text.endswith(("ون", "ين")) \
                and not before_preposition:
            # a definite subject no list knows must be people by its plural ("الأشقاء اليمنيون"), or a family
            # name right before the verb's preposition ("أعرب الموري عن فرحته")
            return None
        return end

    def _opening_verb_at(self, s: Sentence) -> int | None:
        """Index of the sentence's opening word when it may be a verb, past a leading "من جهته" / "بدوره":
        a lexicon verb, a word with و/ف, or any word without the article (the callers then ask for a
        source phrase right after it)."""
        m, tokens = self.m, s.tokens
        v = 0
        if tokens and (m.channel.match(tokens, 0, first_stems=False) or tokens[0].text in _ASIDE_OPENERS):
            hit = m.channel.match(tokens, 0, first_stems=False)
            v = hit[0] if hit else 2 if len(tokens) > 2 and tokens[1].text.startswith(("جه", "ناحي", "جان")) else 1
            # "من جانب آخر، أطلق …": the aside runs to its comma
            comma = next((j for j in range(v, min(len(tokens), v + 3)) if holds(_gap(self.nt, tokens, j), ",،")),
                         None)
            v = comma if comma is not None else v
        if v >= len(tokens) - 1:
            return None
        word = tokens[v].text
        if m.verb(word) or word[:1] in "وف" or not word.startswith("ال"):
            return v
        return None

    def _verb(self, s: Sentence, i: int) -> int | None:
        """A reporting verb's attribution; a document verb's ("تضمن", "يقضي") only with a document as subject."""
        tokens = s.tokens
        verb = self.m.verb(tokens[i].text)
        if verb is not None and i <= 1 and i + 2 < len(tokens) and tokens[i + 1].text in _THAT \
                and self._that_is_the_object(s, i) and not self._reads_as_noun(s, i):
            return self._said_that_before(s, i)  # not "ويذكر ذلك الحادث بحادث مماثل"
        if verb is not None and i > 2 and i + 2 < len(tokens) and tokens[i + 1].text in _THAT \
                and holds(_gap(self.nt, tokens, i), ",،") and self._that_is_the_object(s, i) \
                and not self._reads_as_noun(s, i):
            found = self._said_that_before_comma(s, i)  # "…، أوضح ذلك المتحدث الرسمي …"
            if found is not None:
                return found
        if verb is None or not verb.document_subject:
            return self._verb_attribution(s, i)
        definite_object = i + 2 < len(tokens) and tokens[i + 1].text.startswith("ال") \
            and tokens[i + 2].text.startswith("ال") and not adjective_like(tokens[i + 2].text)
        before = len(self.found)
        result = None if definite_object else self._verb_attribution(s, i)  # "تضمن القرار السماح …"
        if result and self._document_source(self.found[-1]):
            return result
        del self.found[before:]  # "تضمن البرنامج فعاليات …": no one reports anything
        subject = self._document_near(tokens, i)
        return self._object_content(s, i, i + 1, verb, subject, subject[1] if subject[0] > i else i + 1,
                                    False) if subject else None

    def _that_is_the_object(self, s: Sentence, i: int) -> bool:
        """True when "ذلك" after the cue at ``i`` is its object, what was just said, and not a demonstrative
        before a noun: "بذلك" always is; "ذلك" before a definite word only when a source phrase follows and
        nothing in the rest of the sentence opens a content of its own ("أوضح ذلك المتحدث الرسمي …." but
        not "أوضح ذلك المتحدث أن …")."""
        tokens = s.tokens
        at = self._past_time(tokens, i + 2)  # "أوضح ذلك اليوم مدير عام …"
        if at >= len(tokens):
            return False
        if tokens[i + 1].text == "بذلك" or not tokens[at].text.startswith("ال"):
            return True
        return np_grammar(self.m, self.nt, tokens, at, len(tokens)) is not None and not any(
            self.m.is_complementizer(t.text, None) or self.m.verb(t.text) for t in tokens[at:]) \
            and not holds(self.nt.norm[tokens[-1].end : s.end], ":")  # "ويذكر ذلك الحادث بحادث مماثل": no speaker

    def _past_time(self, tokens: Sequence[Token], k: int) -> int:
        """Index after a time adverb at ``k`` ("اليوم", "أمس", "مساء أمس"), or ``k``: no preposition opens it."""
        if k < len(tokens) and tokens[k].text not in _PREPOSITIONAL_CHANNEL and not tokens[k].text.startswith("ل"):
            hit = self.m.channel.match(tokens, k, first_stems=False)
            if hit is not None:
                return k + hit[0]
        return k

    def _said_that_before(self, s: Sentence, i: int, subject_at: int | None = None) -> int | None:
        """"… تم تقديم درع للمحافظ. صرح بذلك رئيس اللجنة الإعلامية …": a cue and "ذلك" opening a
        sentence attribute the sentence before it to the speaker who follows (at ``subject_at``, by
        default two words after the cue)."""
        nt, m, tokens = self.nt, self.m, s.tokens
        if self._previous_sentence is None:
            return None
        topic_ends = subject_at is not None  # "هذا ما قاله اللاعب عن وسطنا": what it was about is no part of him
        subject_at = self._past_time(tokens, i + 2) if subject_at is None else subject_at
        stop = next((j for j in range(subject_at + 1, len(tokens)) if holds(_gap(nt, tokens, j), ",،:(")
                     or (topic_ends and tokens[j].text in _TOPIC_PREPOSITIONS | _PREPOSITIONAL_CHANNEL)), len(tokens))
        extent = np_extent(nt, m, tokens, subject_at, stop)
        span = C.trim(nt, *self._previous_sentence)
        if extent is None or span is None:
            return None
        return self._said_by(tokens, i, extent, span)

    def _said_by(self, tokens: Sequence[Token], i: int, extent: tuple[int, int], span: tuple[int, int],
                 cue_end: int | None = None) -> int:
        """Record ``span`` as what the speaker at ``extent`` said, the cue at ``i`` (to ``cue_end``, by default
        one word: "أوضح ذلك X", "صرح بذلك X"); returns the speaker's end, where reading goes on."""
        source = C.mention_span(self.nt, tokens[extent[0]].start, tokens[extent[1] - 1].end)
        cue = (tokens[i].start, tokens[(cue_end or i + 1) - 1].end)
        self._add(Attribution(span, "indirect", cue, source, "explicit", "", 0.6, self.sentence_index))
        return tokens[extent[1] - 1].end

    def _said_that_before_comma(self, s: Sentence, i: int) -> int | None:
        """"تم إخلاء 35 شخصا، أوضح ذلك المتحدث الرسمي …": a cue and "ذلك" after a comma, with the speaker
        closing the sentence (or the clause), attribute what the sentence said before the comma; not when an
        attribution found earlier in the sentence already holds those words."""
        nt, m, tokens = self.nt, self.m, s.tokens
        stop = next((j for j in range(i + 3, len(tokens)) if holds(_gap(nt, tokens, j), ",،:(")), len(tokens))
        extent = np_extent(nt, m, tokens, i + 2, stop)
        span = C.trim(nt, self._after_dateline(s, s.start), tokens[i - 1].end)
        if extent is None or extent[1] != stop or span is None or tokens[i + 2].tanween_fath \
                or not looks_like_source(m, nt, tokens, i + 2, stop) or any(
                a.content[1] > span[0] and a.content[0] < span[1] for a in self.found):
            return None
        return self._said_by(tokens, i, extent, span)

    def _this_is_what_was_said(self, s: Sentence) -> int | None:
        """"… الأزمة ستنتهي قريبا. هذا ما أكده رئيس الوزراء …": a sentence opening with "هذا ما" and a cue
        with its object pronoun attributes the sentence before it to the speaker who follows."""
        tokens = s.tokens
        if len(tokens) < 4 or without_conjunction(tokens[0].text) != "هذا" or tokens[1].text != "ما":
            return None
        stem = _stem_verb(tokens[2].text)
        if stem == without_conjunction(tokens[2].text) or self.m.verb(stem) is None:
            return None  # the cue carries its pronoun: "أكده", "كشفته"
        return self._said_that_before(s, 2, subject_at=3)

    def _reads_as_noun(self, s: Sentence, i: int) -> bool:
        """True when a cue form at ``i`` is, unvocalised, more likely its noun or preposition homograph:
        after a preposition ("في رصد …", "من دون …"; but "من يقول" is "whoever says"), بين "between"
        and حمل "carrying" unless the text marks the verb (shadda, a clause start, أن right after)."""
        nt, m, tokens = self.nt, self.m, s.tokens
        word = tokens[i].text
        shadda = "\u0651" in self._original(tokens[i])
        if without_conjunction(word) == "بين":
            return not (shadda or (i == 0 and word != "بين")  # "وبين" opening the sentence
                        or (i + 1 < len(tokens) and m.is_complementizer(tokens[i + 1].text, None))  # "وبين أن"
                        or (i > 0 and holds(_gap(nt, tokens, i), ",،") and tokens[0].text in _ASIDE_OPENERS)
                        or (i == 2 and tokens[0].text == "من"
                            and tokens[1].text.startswith(("جهت", "جانب", "ناحيت"))))  # "من جهته بين …"
        if word == "حمل":  # "كفاءة حمل المسؤولية", unless "حمّل", opening a clause or after "الذي"
            return i > 0 and tokens[i - 1].text not in _QAD and tokens[i - 1].text not in _RELATIVES \
                and not shadda and not any(c in _gap(nt, tokens, i) for c in ",،.:")
        if i > 0 and tokens[i - 1].text in _WITHOUT:
            return True  # "بلا تردد", "دون تردد": the noun "hesitation", not "it was rumoured"
        if i == 0 or m.verb(word) is None:
            return False
        before = tokens[i - 1]
        if before.text == "من" and (word[:1] in "يت" or word in _SAY):
            return False
        return before.text in _BEFORE_A_NOUN or is_bare_preposition(before)

    def _document_near(self, tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
        """The document a document verb at ``i`` hangs on when the grammar found none: a demonstrative one
        after it ("وتقضي هذه القرارات بـ…"), one word after it ("وتضمن قراره …"), or the noun right before
        it ("أصدر قراراً يقضي بـ…", "بيانا تضمن …")."""
        if i + 2 < len(tokens) and tokens[i + 1].text in DEMONSTRATIVES and is_document_word(self.m, tokens[i + 2].text):
            return (i + 1, i + 3)
        if i + 2 < len(tokens) and is_document_word(self.m, tokens[i + 1].text):
            return (i + 1, i + 2)  # "وتضمن قراره تشكيل …", "تضمن القرار السماح …": the document alone
        if i > 0 and is_document_word(self.m, tokens[i - 1].text) and not holds(_gap(self.nt, tokens, i), ",،.:"):
            return (i - 1, i)
        return None

    def _document_source(self, attribution: Attribution) -> bool:
        """True when the attribution's subject opens with a document head ("القرار", "قراره", "وبيان")."""
        if attribution.source is None:
            return False
        words = tokens(self.nt, *attribution.source)
        return bool(words) and is_document_word(self.m, words[0].text)

    def _verb_attribution(self, s: Sentence, i: int) -> int | None:
        """A reporting verb, its subject (stated, unstated, or none for a passive) and content."""
        nt, m, tokens = self.nt, self.m, s.tokens
        word = tokens[i].text
        passive = m.passive.match(tokens, i)
        verb = m.verb(word)
        if verb is None and passive is None:
            return None
        if self._reads_as_noun(s, i):
            return None
        if verb is not None and i > 0 and tokens[i - 1].text in _UNREALIZED and word[:1] in "يت" and not (
                i > 1 and (tokens[i - 2].text in _TIME_BEFORE_AN
                           or any(without_conjunction(t.text) in _WISH_TO for t in tokens[max(0, i - 5) : i - 1]))):
            return None  # "ينتظر أن يعلن الاتحاد …", "لن يعلن": an announcement not made (yet); "قبل أن يعلن" was made
        # as written, hamza included: "أعتقد أن …", "أستنتج أن …" are the writer's "I believe / conclude", not
        # "اعتقد" (he believed); "إبان مشاركته" is "during", not أبان "showed"
        if verb is not None and self._original(tokens[i]).lstrip("وف").startswith(("أعتقد", "أستنتج", "إبان")):
            return None
        if verb is not None and i > 0 and without_conjunction(tokens[i - 1].text) in NEGATIONS \
                and not _gap(nt, tokens, i).strip() and not without_conjunction(word).lstrip("يت").startswith(
                    ("استبعد", "ستبعد")):
            self._remember_subject(s, i + 1)
            return None  # "لم تتوقع أن …", "لا أعتقد أن …": what was not said is no claim ("لم يستبعد أن …" is)
        if verb is not None and i + 1 < len(tokens) and tokens[i + 1].text in _GESTURE:
            return None  # "يشير بيده إلى علامة النصر": a gesture, nothing said
        if verb is not None and (i > 0 and without_conjunction(tokens[i - 1].text) == "هل" or (
                without_conjunction(word) == "دون" and i + 1 < len(tokens) and tokens[i + 1].text == "ان")):
            return None  # "هل ترى أن …؟": a question, nobody says it; "ودون أن": "and without", not دوّن
        if verb is not None and i > 0 and (tokens[i - 1].text in _PERHAPS or (
                without_conjunction(tokens[i - 1].text) == "قد" and without_conjunction(word)[:1] == "ي")):
            self._remember_subject(s, i + 1)
            return None  # "وربما تعلن الإدارة …", "قد يعتقد البعض أن …": what may be said, not what was
        if verb is not None and any(0 <= j < len(tokens) and tokens[j].text in m.lexicon.proverb_words
                                    for j in (i - 1, i + 1)):
            return None  # "كما يقول المثل …", "المثل يقول …": a proverb, nobody's claim
        if verb is not None and _is_called(tokens[i]):
            return None  # "أحد المتظاهرين ويدعى أحمد": "is called", not "claims" (يدعي)
        if verb is not None and self._writer_inference(tokens, i):
            return None  # "مما يؤكد أن …", "وهو ما يكشف …", "كل هذا يكشف أن …": the writer concludes
        if verb is not None and word[:1] in "يت" and i > 0 and tokens[i - 1].text in _SOMETHING:
            return None  # "لا تحمل شيئاً يذكر": "worth mentioning", nobody speaks
        vocalized_passive = self._vocalized_passive(tokens[i])
        cue_end = i + (passive[0] if passive and verb is None else 1)
        if verb is None and without_conjunction(word) in m.lexicon.rumour_verbs:
            # "وترددت أنباء عن …" reports what circulated; "ترددت الوزارة في …" hesitated
            return self._passive_object(s, i, cue_end, rumour_only=True)
        marker = _find_marker(nt, m, s, cue_end - 1, MAX_SUBJECT_REGION)
        if marker is None and verb is not None:
            # "أوضح مساعد مدير الأمن العام … اللواء جمعان أحمد الغامدي أن": a longer subject only when it
            # is one holder's title chain
            far = _find_marker(nt, m, s, cue_end - 1, MAX_TITLED_SUBJECT_REGION)
            if far is not None and long_title_region(m, nt, tokens, cue_end, far.subject_end):
                marker = far
        if marker is None and verb is not None:
            marker = self._far_marker(s, i, cue_end)
        complement = marker is not None and _complementizer_at(m, tokens, marker.subject_end)
        if verb is not None and verb.object_words and not (verb.complement_too and complement):
            marker = None  # "حمّل" reports only with its object word ("… مسؤولية …"); "قدّر" also with أن
        if marker is None and self._amma_speech(s, i, cue_end):
            marker = _Marker(cue_end, tokens[cue_end - 1].end, 0.7)  # "أما الطفلة رنا فقالت سمعت …"
        # "بالخليج، الذي يعتبر أهم مصادر الطاقة، وبالتالي فإن …": a present verb in a relative clause is "is
        # considered" and the أن past its comma is another's (a past verb keeps its subject in apposition:
        # "في الوقت الذي أعلن المتحدث، محمد سمير، أن …")
        if marker is not None and i > 0 and tokens[i - 1].text in RELATIVE_PRONOUNS and word[:1] in "يت" and any(
                holds(_gap(nt, tokens, j), ",،") for j in range(cue_end, min(marker.subject_end, len(tokens)))):
            return None
        if marker is None and verb is not None and passive is None:
            marker = self._unmarked_speech(s, i, cue_end)  # "وقال الشرجي في تصريحات لـ «عكاظ» النجاحات …"
        nested_outer = None
        if marker is None and verb is not None and (said := self._speaker_after_quote(s, i, cue_end)) is not None:
            return said
        if marker is None:
            added = self._noun_object(s, i, cue_end, verb, passive is not None or vocalized_passive)
            if added is None:
                self._remember_subject(s, cue_end)
            return added
        region_end = marker.subject_end
        if verb is not None and verb.marked_only and region_end > cue_end and np_grammar(
                m, nt, tokens, cue_end, region_end) is None:
            return None  # "وزاد عدد الزوار … أن": increased; only "وزاد: …" or "وزاد العقيد طارق بأن" report
        cue = (tokens[i].start, tokens[cue_end - 1].end)
        about = next((j for j in range(cue_end, min(region_end, cue_end + 6)) if tokens[j].text in _ABOUT_HIM), None)
        if about is not None and verb is not None and verb.nested and (
                about == cue_end or np_extent(nt, m, tokens, cue_end, about) == (cue_end, about)):
            # "ونقلت عنه قناة "العراقية" قوله إن …", "ونقلت الوكالة عنه قوله إن …": the outlet relays the
            # last speaker's words
            outer = np_extent(nt, m, tokens, cue_end + 1, region_end) if about == cue_end else (cue_end, about)
            span, kind, unclosed = C.content_after(nt, m, s, marker.content_start)
            if span is None:
                return None
            noun = next((j for j in range(cue_end, region_end) if m.is_verbal_noun(tokens[j].text)), None)
            relay = C.mention_span(nt, tokens[outer[0]].start, tokens[outer[1] - 1].end) if outer else None
            return self._add(Attribution(span, kind, (tokens[noun].start, tokens[noun].end) if noun else cue, None,
                                         "unstated", "", marker.score - 0.1 - 0.1 * unclosed, self.sentence_index,
                                         outer=relay))
        # Nested: نقلت وكالة X عن مصدر Y (قوله) إن …: the innermost source speaks.
        an = next((j for j in range(cue_end, region_end) if tokens[j].text == "عن"
                   or (tokens[j].text in _NESTING and j + 1 < region_end and tokens[j + 1].text in _NESTING[tokens[j].text])),
                  None)
        if an is None and verb is not None and verb.nested:
            # "علمت «عكاظ» من مصادر موثوقة أن": من, when no عن follows ("المقربة من الحكومة … عن مصدر")
            an = next((j for j in range(cue_end + 1, region_end) if tokens[j].text == "من"
                       and looks_like_source(m, nt, tokens, j + 1, region_end)), None)
        outlet_first = an is not None and bool(m.media_heads.match(tokens, cue_end) or m.media.match(tokens, cue_end))
        if an is not None and (verb is not None and verb.nested or tokens[an].text != "عن" or outlet_first):
            inner_start = an + 1 if tokens[an].text in ("عن", "من") else an + 2
            outer = np_extent(nt, m, tokens, cue_end, an)
            if outer:
                nested_outer = C.mention_span(nt, tokens[outer[0]].start, tokens[outer[1] - 1].end)
            noun = next((j for j in range(inner_start, region_end) if m.is_verbal_noun(tokens[j].text)), None)
            if noun is not None:
                cue = (tokens[noun].start, tokens[noun].end)
            extent = np_extent(nt, m, tokens, inner_start, noun if noun is not None else region_end)
        elif cue_end < region_end and tokens[cue_end].text in _CIRCUMSTANTIAL:
            extent = None  # "وقالت وهي تحمل باقة من الزهور "…"": a state of the speaker, not a subject
        elif verb is not None and verb.accuses and not (
                pronoun_suffixed(without_conjunction(word)) and not tokens[cue_end].text.startswith("ب")):
            # ("واتهمه البعض بأنه …": the pronoun is the accused, the words after the verb its subject)
            # "ووصف الوزير الاتفاق بأنه …": the region holds the subject and the one described; only a
            # phrase the grammar knows is the subject ("ووصفت رجوي الاتفاق بأنه": unstated, resolved later)
            end = np_grammar(m, nt, tokens, cue_end, region_end)
            if end == region_end and end - cue_end >= 2 and tokens[end - 1].text.startswith("ال") \
                    and not adjective_like(tokens[end - 1].text):
                end -= 1  # "ووصف الأمين العام الاتفاق بأنه": the last noun is the one described
            extent = (cue_end, end) if end is not None and end < region_end else None
        elif cue_end < region_end and self._object_opens_region(tokens[cue_end]):
            # "وأكد حرص أمير المنطقة على أن …", "رصدت إقبال الشباب …: …": the verb's object, whose own clause
            # follows; the speaker is the subject before the verb or the one before
            extent = self._preverbal_subject(s, i) if i > 0 and verb is not None and not vocalized_passive else None
        else:
            extent = np_extent(nt, m, tokens, cue_end, region_end)
            if (extent is None or extent[1] < region_end) and long_title_region(m, nt, tokens, cue_end, region_end):
                extent = (cue_end, region_end)  # one holder's long title chain, named last
            if extent is not None and extent[1] + 1 < region_end <= extent[1] + 5 and _is_called(tokens[extent[1]]):
                extent = (extent[0], region_end)  # "أحد سكان المخيم، ويدعى آدم إسحاق": the name is part of him
            if extent is None and region_end == cue_end + 1 and self._name_in_lam(tokens[cue_end]):
                extent = (cue_end, region_end)  # "وأعلن لخويا أن …", "وقال لوكاشينكو إن …": a name, no "to"
            if extent is None and i > 0 and verb is not None and not vocalized_passive:
                extent = self._preverbal_subject(s, i)
        span, kind, unclosed = C.content_after(nt, m, s, marker.content_start, quotation=marker.quotation)
        if span is None:
            return None
        if extent is not None:
            source = C.mention_span(nt, self._subject_start(tokens[extent[0]]), tokens[extent[1] - 1].end)
            mode, score = "explicit", marker.score
        else:
            source = None
            # "وذكر أن …", "وأعلن أن …" unvocalised read as the active verb, its speaker the one before (the
            # passive ذُكر / أُعلن needs its damma); a passive only (تردد، أفيد) stays a passive, and so does a
            # present (يُتوقع، يُرجح: "ويتوقع أن يلتحق …" is the paper's own expectation more often than not)
            active_reading = passive is not None and verb is not None and not vocalized_passive \
                and passive[1] in m.lexicon.passive_vocalized_only and not passive[1].startswith("ي")
            is_passive = (passive is not None and not active_reading) or vocalized_passive or (verb is None)
            honorific = bool(m.honorifics.match(tokens, cue_end, first_stems=False))  # "قال تعالى": nobody named
            mode, score = ("none", 0.8) if is_passive or honorific else ("unstated", marker.score - 0.07)
            if mode == "unstated" and self._noun_subject_unknown(s, i):
                return None  # "لكن واقع الأمور يشير إلى أن …", "وجميع هذه الحالات تشير إلى …": a thing, no speaker
            if mode == "unstated" and tokens[i].text[:1] == "و" and all(
                    m.is_participle(t.text) or t.tanween_fath for t in tokens[cue_end:region_end]) and not any(
                    a.sentence == self.sentence_index for a in self.found):
                # "ونشر هيرتا صورة للأضرار … وقال إن …": a coordinated verb shares the subject of the
                # sentence's opening verb, though that verb reported nothing
                source = self._main_clause_subject(s, i)
                mode = "explicit" if source is not None else mode
        if kind == "indirect" and nested_outer is None:
            inner = self._attribution_inside(s, span)
            if inner is not None and not self._speaks_for(s, extent, inner):
                # "قالت الصحيفة إن صندوق النقد يعتقد أن …": the innermost speaker is the source, the outer
                # one a mention of its own (guidelines, nested attribution)
                inner.outer, inner.reported_inside = source, True
                return self._add(inner)
        attribution = Attribution(span, kind, cue, source, mode, verb.gender if verb else "", score - 0.1 * unclosed,
                                  self.sentence_index, outer=nested_outer)
        return self._add(attribution)

    def _noun_subject_unknown(self, s: Sentence, i: int) -> bool:
        """True when a present verb at ``i`` follows a noun with nothing between ("واقع الأمور يشير", "أدلة
        تشير", "الآية الكريمة تقول"): the noun is the verb's subject, so the speaker is not the one before;
        no list names that noun, so nobody speaks (evidence, a text or a thing indicates)."""
        tokens = s.tokens
        if i == 0 or tokens[i].text[:1] not in "يت" or holds(_gap(self.nt, tokens, i), ",،:؛;.()\"-–"):
            return False
        before = tokens[i - 1]
        word = before.text
        if word in RELATIVE_PRONOUNS or word in self.m.lexicon.clause_connectives or len(word) < 3:
            return False  # "التي تقول …", "كما يقول …": the verb's subject is not the word before
        return word.startswith("ال") or word.endswith("ة") or before.tanween_fath

    def _subject_start(self, token: Token) -> int:
        """Where a subject's mention starts: after a conjunction glued to its first word ("ومجموعة أخرى
        ترى" → "مجموعة أخرى"), but not inside a word that starts with و ("وزارة", "وكيل", "وليد")."""
        m, word = self.m, token.text
        if word[:1] != "و" or len(word) < 4 or is_forename(m, token) or any(
                index.match([token], 0, first_stems=False)
                for index in (m.titles, m.organization_heads, m.media_heads, m.organizations, m.media)):
            return token.start
        rest = [Token(token.start + 1, token.end, word[1:])]
        known = np_grammar(m, self.nt, rest, 0, 1) or word[1:] in m.lexicon.one_of or word[1:] in m.lexicon.some_of
        return token.start + 1 if known else token.start

    def _writer_inference(self, tokens: Sequence[Token], i: int) -> bool:
        """True when the present verb at ``i`` follows "مما", "وهو ما", "الأمر الذي" or a demonstrative
        ("وهذا يؤكد"): what was just told shows something, in the writer's words; nobody is quoted."""
        if without_conjunction(tokens[i].text)[:1] not in "يت":
            return False  # "الأمر الذي توقع معه المختصون أن …": a past verb with its own speaker
        before = tokens[i - 1].text if i > 0 else ""
        earlier = tokens[i - 2].text if i > 1 else ""
        # "، ما يؤكد توفر …", "في عام 2014 ما يشير إلى …": ما with a masculine present verb and no pronoun
        # object is "which shows"; "ما يؤكده الوزير" (with its pronoun) is what someone says
        which = before in _WHAT and tokens[i].text[:1] == "ي" and not pronoun_suffixed(tokens[i].text) \
            and i + 1 < len(tokens) and not self.m.verb(tokens[i + 1].text)
        return before in _WHICH_SHOWS or (before in _WHAT and earlier in _IT_IS) or before in _AND_THIS or which \
            or (before in DEMONSTRATIVES and earlier == "كل") or (before == "الذي" and earlier in _THE_MATTER)

    def _speaks_for(self, s: Sentence, extent: tuple[int, int] | None, inner: Attribution) -> bool:
        """True when the outer speaker heads the inner source ("قالت رئيسة المحكمة إن المحكمة ترى أن"):
        one voice, not a report of another's words."""
        if extent is None or inner.source is None:
            return False
        outer_words = {bare(without_conjunction(t.text)) for t in s.tokens[extent[0]:extent[1]]}
        inner_words = [bare(without_conjunction(w)) for w in self.nt.norm[inner.source[0]:inner.source[1]].split()]
        return bool(inner_words) and inner_words[0] in outer_words

    def _attribution_inside(self, s: Sentence, span: tuple[int, int]) -> Attribution | None:
        """An attribution opening indirect content: a known source and a reporting verb followed by its
        complementizer ("صندوق النقد الدولي يعتقد أن …", "أظهرت دراسة أن …"), or None."""
        nt, m, tokens = self.nt, self.m, s.tokens
        first = next((k for k, t in enumerate(tokens) if t.start >= span[0]), None)
        if first is None:
            return None
        for v in range(first, min(len(tokens) - 2, first + 7)):
            verb = m.verb(tokens[v].text)
            if verb is None or tokens[v].end > span[1]:
                continue
            marker = _find_marker(nt, m, s, v, 6)
            if marker is None and verb.takes_object and not verb.document_subject and v > first:
                return self._object_inside(s, span, first, v)  # "… إن الرئيس السيسي أكد خلال اللقاء أهمية …"
            if marker is None or marker.quotation or marker.score < 0.92:
                return None  # only a complementizer makes the inner speech sure
            if v == first:  # verb first: "أظهرت دراسة حديثة أن …"
                extent = np_extent(nt, m, tokens, v + 1, marker.subject_end)
            elif (marker.subject_end == v + 1 or (marker.subject_end <= v + 3 and tokens[v + 1].text[:1] == "ل")) \
                    and v - first <= 5 and looks_like_source(m, nt, tokens, first, v):
                # (whom the speaker told may stand between: "صلة أكدت لإدارة النادي أن …")
                extent = np_extent(nt, m, tokens, first, v)
                quoted = '"' in nt.norm[span[0] : tokens[first].start + 1] and _gap(nt, tokens, v).strip() == '"'
                extent = extent if extent == (first, v) or not quoted else (first, v)  # 'أن "صلة" أكدت أن …'
                extent = extent if extent == (first, v) else None  # the words before the verb, all of them
            else:
                extent = None
            if extent is None or not looks_like_source(m, nt, tokens, extent[0], extent[1]):
                return None
            inner, kind, unclosed = C.content_after(nt, m, s, marker.content_start)
            if inner is None or inner[1] > span[1] + 1:
                return None
            source = C.mention_span(nt, tokens[extent[0]].start, tokens[extent[1] - 1].end)
            return Attribution(inner, kind, (tokens[v].start, tokens[v].end), source, "explicit", verb.gender,
                               marker.score - 0.1 - 0.1 * unclosed, self.sentence_index)
        return None

    def _object_inside(self, s: Sentence, span: tuple[int, int], first: int, v: int) -> Attribution | None:
        """"وقال المتحدث إن الرئيس السيسي أكد خلال اللقاء أهمية الحل السياسي": a known source opening the
        content, its verb and, past a channel phrase, a noun of stated content (an event, a position, a
        verbal noun): the inner speaker says that noun's words, or None."""
        nt, m, tokens = self.nt, self.m, s.tokens
        if v - first > 5 or not looks_like_source(m, nt, tokens, first, v) or np_extent(nt, m, tokens, first, v) != (first, v):
            return None
        k = _past_asides(nt, m, tokens, v + 1)
        if k + 1 >= len(tokens) or tokens[k].end > span[1] or holds(_gap(nt, tokens, k), ",،:؛;."):
            return None
        verb = m.verb(tokens[v].text)
        if (tokens[k].text in verb.prepositions or is_bare_preposition(tokens[k])) and k + 2 < len(tokens):
            k += 1  # "أن السيسي أكد على أهمية …"
        word = bare(tokens[k].text)
        if m.is_feeling(tokens[k].text) or self._praise(tokens[k].text) or not (
                word in m.lexicon.object_starters or m.is_verbal_noun(tokens[k].text)
                or (derived_verbal_noun(word) and not word.endswith("ات"))):  # not "إدارات"
            return None
        inner, kind, unclosed = C.content_after(nt, m, s, tokens[k].start)
        if inner is None or inner[1] > span[1] + 1:
            return None
        source = C.mention_span(nt, tokens[first].start, tokens[v - 1].end)
        return Attribution(inner, kind, (tokens[v].start, tokens[v].end), source, "explicit", verb.gender,
                           0.7 - 0.1 * unclosed, self.sentence_index)

    def _ends_in_name(self, tokens: Sequence[Token], subject: tuple[int, int]) -> bool:
        """A subject ending in a proper name (حماس، الكرملين، a person) cannot take a definite genitive,
        so a definite word after it starts the object: "نفت حركة حماس الرواية الإسرائيلية"."""
        last = tokens[subject[0] : subject[1]]
        m = self.m
        return bool(m.organizations.find(last) or m.media.find(last) or has_forename(m, last))

    def _original(self, token: Token) -> str:
        return self.nt.original[self.nt.index[token.start] : self.nt.index[token.end - 1] + 1]

    def _remember_opening_subject(self, s: Sentence) -> None:
        """"أعرب مدرب الفريق عن رضاه …" then "وقال: …": a person or body after a sentence's opening verb is
        the likely speaker of what follows, even when that verb reports nothing."""
        tokens, m = s.tokens, self.m
        v = self._opening_verb_at(s)
        if v is None or len(tokens) < v + 3 or m.verb(tokens[v].text) or m.prepositions.match(tokens, v) \
                or m.passive.match(tokens, v):
            return
        if np_grammar(m, self.nt, tokens, v, v + 1):
            return
        remembered = len(self.standing_mentions)
        if looks_like_source(m, self.nt, tokens, v + 1, len(tokens)):
            self._remember_subject(s, v + 1)
        if len(self.standing_mentions) > remembered:
            return
        if self._bare_name_speaks_later(s, v):
            # "ودعا الخريصي المستثمرين …، مشدداً على …": a name the lexicons do not know, after the
            # opening verb, speaks for a participle later in the same sentence
            self.standing_mentions.append(((tokens[v + 1].start, tokens[v + 1].end), self.sentence_index))
        elif (name := self._full_name_after(s, v)) is not None:
            # "أعرب زاهر موسى الربعي عن فخره …" then "وأضاف أن …": a full name no lexicon knows
            span = C.mention_span(self.nt, tokens[v + 1].start, tokens[name - 1].end)
            self.standing_mentions.append((span, self.sentence_index))
        elif self._surname_named_before(tokens[v + 1]):
            # "… أثيل النجيفي …" then "وأدان النجيفي في كلمة متلفزة صمت الحكومة …" then "وقال: …"
            self.standing_mentions.append(((tokens[v + 1].start, tokens[v + 1].end), self.sentence_index))

    def _bare_name_speaks_later(self, s: Sentence, v: int) -> bool:
        """True when the opening verb at ``v`` is one of calls, praise or thanks, the word after it may be a
        family name (a definite word, not a preposition or a verbal noun), and a participle cue follows in
        the sentence after a comma."""
        m, tokens = self.m, s.tokens
        if without_conjunction(tokens[v].text) not in m.lexicon.boundary_words:
            return False  # only after a verb of calls, praise or thanks (دعا، أعرب، أشاد …), which people do
        word = tokens[v + 1].text
        # a plain word may be a name too ("دعا باسلمة المنظمات", "واستنكر يمنيون …"), but not one that opens like
        # a present verb or a preposition ("يأتي", "بمقاتلي"), nor a construct plural ("منسوبو")
        verb_like = word[0] in "يت" and not word.endswith(("يون", "يين"))
        preposition_like = word[0] in "لفك" or (word[0] == "ب" and (
            word[1:2] == "م" or word[1:3] == "ال" or derived_verbal_noun(word[1:])))  # بمقاتلي، باستمرار; not باسلمة
        plain = not word.startswith("ال") and len(word) > 3 and not verb_like and not preposition_like \
            and not word.endswith("و") and without_conjunction(tokens[v].text) != "طالب" \
            and self._may_open_name(tokens[v + 1]) and not tokens[v + 1].tanween_fath and not m.verb(word)
        definite = word.startswith("ال") and len(word) > 4 and not tafil_verbal_noun(word[2:])
        if not ((definite or plain) and word not in m.lexicon.np_prepositions
                and not m.is_verbal_noun(word) and not is_bare_preposition(tokens[v + 1])
                and not holds(_gap(self.nt, tokens, v + 1), ",،:.\"«")):
            return False
        return any(m.is_participle(tokens[j].text) and holds(_gap(self.nt, tokens, j), ",،")
                   for j in range(v + 3, len(tokens)))

    def _name_in_lam(self, token: Token) -> bool:
        """The one word between a verb and its complementizer reads "لـ + X" ("to X") but is a name that starts
        with ل: not "لل…", not a pronoun ("لنا", "لهم"), and "X" no word a list knows (an outlet, a body,
        an office or a group told: "لرويترز", "لوزير", "لمسؤولين")."""
        m, word = self.m, token.text
        if len(word) < 5 or not word.startswith("ل") or word.startswith("لل") or pronoun_suffixed(word) \
                or word.endswith(("نا", "كم", "ك")) or any(ch.isdigit() for ch in word):  # "لكوردستان24"
            return False
        rest = [Token(token.start + 1, token.end, word[1:])]
        return not (m.media.match(rest, 0) or m.media_heads.match(rest, 0) or m.organizations.match(rest, 0)
                    or m.organization_heads.match(rest, 0) or m.titles.match(rest, 0)
                    or m.is_anonymous_head(word[1:]) or unnamed_group(word[1:]) or m.local.match(rest, 0))

    def _surname_named_before(self, token: Token) -> bool:
        """A family name ("النجيفي") that the text gave earlier after a forename or a plain name word
        ("أثيل النجيفي"): the person named in full before, now by surname."""
        word = token.text
        if not (word.startswith("ال") and word.endswith("ي") and len(word) > 5):
            return False
        window = self.nt.norm[max(0, token.start - _NAMED_BEFORE_REACH) : token.start]  # bounded: linear cost
        for found in re.finditer(r"(\S+)\s+" + re.escape(word) + r"(?![\u0621-\u064a])", window):
            before = found.group(1)
            if not before.startswith(("ال", "و", "ب", "ل", "ف", "ك")) and before.isalpha() and len(before) > 2:
                return True
        return False

    def _full_name_after(self, s: Sentence, v: int) -> int | None:
        """End of a personal name of two to four words right after an opening verb of calls, praise or
        thanks (which people do): plain words ("حث مرسي" is too short to tell), the last may carry the
        article ("زاهر موسى الربعي"), up to a preposition or the verb's object. None when it is no such name."""
        m, tokens = self.m, s.tokens
        if without_conjunction(tokens[v].text) not in m.lexicon.boundary_words:
            return None
        end = v + 1
        while end < min(len(tokens), v + 5):
            word = tokens[end].text
            if end > v + 1 and holds(_gap(self.nt, tokens, end), ",،:.؛\"«"):
                break
            if word.startswith(("ال", "و", "ب", "ل")) or self._never_in_name(tokens[end]):
                break
            end += 1
        if end < len(tokens) and tokens[end].text.startswith("ال") and end > v + 1 \
                and not is_bare_preposition(tokens[end]) and not holds(_gap(self.nt, tokens, end), ",،:.؛"):
            end += 1  # the family name: "الربعي"
        family = tokens[end - 1].text.startswith("ال") and tokens[end - 1].text.endswith("ي")
        # two plain words and a family name in ي ("زاهر موسى الربعي"), or a forename first
        return end if end - (v + 1) >= 2 and (family or is_forename(m, tokens[v + 1])) else None

    def _remember_subject(self, s: Sentence, start: int) -> None:
        """"واتهمت وزارة الخارجية التركية …" is no claim, but "الوزارة" later refers to that subject."""
        end = np_grammar(self.m, self.nt, s.tokens, start, len(s.tokens))
        if end is not None:
            end = self._group_end(s.tokens, start, end)
            span = C.mention_span(self.nt, s.tokens[start].start, s.tokens[end - 1].end)
            self.standing_mentions.append((span, self.sentence_index))

    def _group_end(self, tokens: Sequence[Token], start: int, end: int) -> int:
        """"وأبدى عدد من أهل الفقيد وأصدقائه حزنهم …": after "عدد من"/"بعض من" the group it counts, up to the
        object the verb takes (a possessed noun), a break or a verb (at most six words), when the grammar read
        the counting word alone."""
        m, nt = self.m, self.nt
        word = without_conjunction(tokens[start].text)
        if end != start + 1 or end + 1 >= len(tokens) or tokens[end].text != "من" \
                or (word not in m.lexicon.some_of and word not in m.lexicon.one_of):
            return end
        k = end + 1
        while k < min(len(tokens), end + 7) and not (
                (k > end + 1 and holds(_gap(nt, tokens, k), ",،:.؛;()")) or m.verb(tokens[k].text)
                or m.is_participle(tokens[k].text) or (k > end + 1 and (
                    (pronoun_suffixed(tokens[k].text) and not tokens[k].text.startswith("و"))
                    or bare(tokens[k].text) in m.lexicon.object_starters or m.is_verbal_noun(tokens[k].text)
                    or tokens[k].tanween_fath))):
            k += 1
        return k if k > end + 1 else end

    def _vocalized_passive(self, token: Token) -> bool:
        """ذُكر / يُعتقد written with the damma that marks the passive."""
        original = self._original(token)
        return any(original.endswith(p) or original == p for p in self.m.lexicon.passive_vocalized)

    def _preverbal_subject(self, s: Sentence, i: int) -> tuple[int, int] | None:
        """The subject before the verb at ``i`` (see :meth:`_clause_subject`), else the one a relative pronoun
        right before the verb refers to ("… كمال خليفة، الذي أكد", "… للسياحة والآثار، والتي تؤكد دائماً"), when
        the verb agrees with the pronoun (not "المنتقدين، الذين اعتبر أنهم": he considered them)."""
        found = self._clause_subject(s, i)
        if found is not None:
            return found
        tokens = s.tokens
        rel = i - 2 if i > 1 and tokens[i - 1].text in _QAD else i - 1
        verb = self.m.verb(tokens[i].text)
        if rel < 1 or verb is None or _RELATIVE_AGREEMENT.get(without_conjunction(tokens[rel].text)) != verb.gender:
            return None
        return self._relative_antecedent(tokens, rel)

    def _clause_subject(self, s: Sentence, i: int) -> tuple[int, int] | None:
        """"المصدر أكد أن …", "وزير الاقتصاد والتجارة في حكومة تصريف الأعمال أكد …", "أما نقيب …، فقال":
        the words of the clause before the verb, when they open with a known source phrase."""
        nt, m, tokens = self.nt, self.m, s.tokens
        if i > 0 and tokens[i].text[:1] == "و" and holds(_gap(nt, tokens, i), ",،"):
            return None  # "أطلق الأمير …، صحيفة الديوان …، وأكد …": a coordinated verb keeps the earlier subject
        stop = i - 1 if i > 0 and tokens[i - 1].text in _QAD else i  # "وكان المرصد قد أفاد …"
        if stop > 1 and tokens[stop - 1].text in _WHEN and tokens[stop - 2].text != "في":
            stop -= 1  # "عزز بلان فرضية ضمه عندما قال …": "when he said", the speaker is in the clause before; not "في حين"
        if stop > 0 and tokens[stop - 1].text in C.BUT_HE | _ALSO:
            # "… الأخطاء لكنه أكد …": "but he" is the speaker before, no subject of its own; "… ملولي كما أعلن
            # أن …": "as he also announced", the words before كما are no subject
            return None
        if stop > 1 and tokens[stop - 1].text in RELATIVE_PRONOUNS and not holds(_gap(nt, tokens, stop - 1), ",،"):
            stop -= 1  # "… الدكتور خالد الفالح الذي أعلن": the one the relative clause is about, without الذي
        segments, stepped_back, apposition = 0, False, False
        while stop > 0 and holds(_gap(nt, tokens, stop), ",،") and segments < 2:
            # "قائمقام …، كاروان محمد، قال" / "أما سعاد، وهي أم لخمسة أطفال، فتقول": step back over
            # an aside to the segment that names the speaker
            back = stop - 1
            while back > 0 and not holds(_gap(nt, tokens, back), ",،:."):
                back -= 1
            if tokens[back].text in m.lexicon.one_of and not apposition and back > 0:
                # "تحدث المواطن طارق القرني، أحد زوار الحديقة، فأكد": "one of …" describes the name before it
                stop, segments, apposition = back, segments + 1, True
                continue
            if tokens[back].text not in _RELATIVES:
                start, stepped_back = back, True
                break
            stop, segments = back, segments + 1
        else:
            start = stop
            while start > 0 and stop - start < 16 and not holds(_gap(nt, tokens, start), ",،:."):
                start -= 1
        but = next((q for q in range(stop - 2, start, -1)
                    if tokens[q].text == "ان" and without_conjunction(tokens[q - 1].text) in BUT_THAT), None)
        if but is not None:
            start = but - 1  # "… مفادها بأن زعيم الحركة قتل إلا أن الحركة نفت …": the clause opens at "إلا أن"
        after_kana = start < stop and without_conjunction(tokens[start].text) in _KANA
        while start < stop and (without_conjunction(tokens[start].text) in _KANA or tokens[start].text in _AMMA):
            start += 1
        if tokens[i].text[:1] == "و" and any(m.verb(t.text) for t in tokens[max(0, start - 40) : start]):
            return None  # "أكد X على قوة البطولة … وقال:": the second verb keeps the first one's speaker
        if start >= stop or any(m.verb(t.text) or m.is_participle(t.text) for t in tokens[start:stop]):
            return None
        if any(t.text in C.EXALTED for t in tokens[i + 1 : i + 3]):
            return None  # "… الهالكين قال تعالى": God speaks, named after the verb
        if without_conjunction(tokens[start].text) in _TOPIC_PREPOSITIONS or (
                stop - start == 1 and without_conjunction(tokens[start].text) in _SUBJECT_PRONOUNS):
            return None  # "وعن أولويات الحكومة قال": a topic; "إنه يشير إلى": a pronoun, the speaker unstated
        if any(tokens[k].text[:1] == "و" and tokens[k].text[1:] in _TOPIC_PREPOSITIONS for k in range(start + 1, stop)):
            return None  # "… على الخراب» وعن الثورة التونسية قال": a topic opens a new clause before the verb
        # the first word from which a known source phrase runs up to the verb ("إلا أن مصادر طبية … قالت");
        # a segment set off by commas counts only when it is the name itself ("…، كاروان محمد، قال")
        for k in range(start, start + 1 if stepped_back and not apposition else stop):
            if to_the(tokens[k].text):
                continue  # "… الروح المعنوية للاعبين وخاصة …": a subject never opens with لـ
            if looks_like_source(m, nt, tokens, k, stop, exactly=True) and not self._as_a(tokens, k):
                if start == 0 and 0 < k - start <= 2 and not stepped_back and all(
                        t.text.startswith("ال") and t.text not in m.lexicon.np_prepositions for t in tokens[start:k]):
                    k = start  # "المفكر العراقي فاضل الربعي قال": a head no list knows opens the sentence and the name
                state = state_length(m, tokens, k, stop)
                if state and k + state != stop:
                    return None  # "مصر تؤكد" yes; "الصين للشهر الثاني … مما يشير" no
                end = np_grammar(m, nt, tokens, k, stop)
                # the noun phrase, not the clause it opens: "أما الزائر عبد الله الفركز فقد عبر عن إعجابه … وقال"
                # after another verb ("وأعرب عدد من الزوار عن سعادتهم … وأشاروا") the phrase is that verb's subject
                ends_early = k > start and not m.may_open_attribution(tokens[start].text)
                return (k, end if end is not None and end > k and (self._clause_goes_on(tokens, end, stop) or ends_early)
                        else stop)
        return self._subject_after_but(tokens, start, stop) or (
            self._subject_after_kana(tokens, start, stop) if after_kana else None)

    def _relative_antecedent(self, tokens: Sequence[Token], rel: int) -> tuple[int, int] | None:
        """The longest phrase a list knows (a name, a title, a body) that ends right before the relative pronoun at
        ``rel`` (a comma may stand between): "… المشرف على العلاقات العامة كمال خليفة، الذي أكد"; None when a verb,
        a participle or a break comes first, or nothing known ends there."""
        nt, m = self.nt, self.m
        if rel == 0 or holds(_gap(nt, tokens, rel), ".:؛;()\""):
            return None
        found = None
        for k in range(rel - 1, max(-1, rel - 9), -1):
            word = tokens[k].text
            if m.verb(word) or m.is_participle(word) or is_bare_preposition(tokens[k]) \
                    or (k < rel - 1 and holds(_gap(nt, tokens, k + 1), ",،:؛;.()\"")):
                break
            if not _maybe_preposition(word) and looks_like_source(m, nt, tokens, k, rel, exactly=True):
                end = np_grammar(m, nt, tokens, k, rel)
                if end == rel or (end is None and has_forename(m, tokens[k : k + 2])):
                    found = (k, rel)
        return found

    def _subject_after_but(self, tokens: Sequence[Token], start: int, stop: int) -> tuple[int, int] | None:
        """"إلا أن اوباما قال …", "غير أن كبير المفاوضين صائب عريقات أكد …": after "but that" the words
        up to the verb are its subject, whether or not a list knows them; an aside opened by و + a
        preposition ("وفي مقابلة مع …") comes after the subject, not in it."""
        m = self.m
        if stop - start < 3 or without_conjunction(tokens[start].text) not in BUT_THAT or tokens[start + 1].text != "ان":
            return None
        first = start + 2
        end = next((k for k in range(first + 1, stop) if tokens[k].text in _AND_PREPOSITION), stop)
        words = tokens[first:end]
        if not 1 <= len(words) <= 6 or any(m.verb(t.text) or m.is_participle(t.text) for t in words):
            return None
        return (first, end) if self._may_open_name(words[0]) else None

    def _subject_after_kana(self, tokens: Sequence[Token], start: int, stop: int) -> tuple[int, int] | None:
        """"وكان العبادي قد أكد …", "وكان ميسي قال …": between كان at the clause's start and the verb stands its
        subject, a name no list knows too (one to four plain words)."""
        words = tokens[start:stop]
        if not 1 <= len(words) <= 4 or any(self.m.verb(t.text) or self.m.is_participle(t.text) or self._never_in_name(t)
                                            or _maybe_preposition(t.text) for t in words):
            return None
        return (start, stop) if self._may_open_name(words[0]) else None

    def _may_open_name(self, token: Token) -> bool:
        """A word a name no list knows may start with: no particle or verbal noun, no بـ/لـ word, no
        possessed noun, no demonstrative (for "دعا باسلمة …" and "إلا أن اوباما قال …")."""
        word = token.text
        return not (self._never_in_name(token) or _maybe_preposition(word) or pronoun_suffixed(word)
                    or word in DEMONSTRATIVES)

    def _clause_goes_on(self, tokens: Sequence[Token], end: int, stop: int) -> bool:
        """True when the words between a preverbal noun phrase and its verb hold a verb of their own
        ("فقد عبر …"), so the phrase alone is the subject."""
        return any(t.text[:2] in ("فق", "قد") or t.text in ("فقد", "قد", "فانه", "فان") for t in tokens[end:stop])

    def _as_a(self, tokens: Sequence[Token], k: int) -> bool:
        """"كقائد أوركسترا": كـ ("as a") before a source word makes a role, not a subject."""
        word, m = tokens[k].text, self.m
        if not word.startswith("ك") or len(word) < 4:
            return False
        role = [Token(tokens[k].start + 1, tokens[k].end, word[1:])]
        as_word = (m.titles.match(role, 0, first_stems=False) or m.organization_heads.match(role, 0, first_stems=False)
                   or bare(word[1:]) in m.lexicon.anonymous_heads)
        exact = (m.titles.match(tokens, k, first_stems=False) or m.organization_heads.match(tokens, k, first_stems=False)
                 or bare(word) in m.lexicon.anonymous_heads)
        return bool(as_word) and not exact  # "كبير المفاوضين" is a head, "كقائد" a role

    def _document_before(self, s: Sentence, i: int) -> int | None:
        """The document a verb's "فيه" points to: the word right before the verb ("بياناً اعتبرت فيه"), or
        one a few words back when a comma closes its phrase ("تعميماً إلى مديري التعليم …، أكد فيه")."""
        nt, m, tokens = self.nt, self.m, s.tokens

        def document(k: int) -> bool:
            word = tokens[k].text
            return is_document_word(m, word) and not (word[:1] in "بل" and is_document_word(m, word[1:]))

        gap = _gap(nt, tokens, i)
        if i > 0 and document(i - 1) and not holds(gap, ",،.:"):
            return i - 1
        if holds(gap, ",،") and not holds(gap, ".:"):
            return next((k for k in range(i - 2, max(-1, i - 9), -1) if document(k)
                         and not any(holds(_gap(nt, tokens, q), ",،.:") for q in range(k + 1, i))), None)
        return None

    def _issuer(self, s: Sentence, document: int) -> tuple[int, int] | None:
        """The subject of the verb that issued a document ("وأصدرت إمارة منطقة عسير أمس بياناً"), as words."""
        v = self._main_verb_before(s, document)
        if v is None or v + 1 >= document:
            return None
        end = np_grammar(self.m, self.nt, s.tokens, v + 1, document)
        return (v + 1, end) if end is not None and end <= document else None

    def _noun_object(self, s: Sentence, i: int, cue_end: int, verb: VerbForm | None, passive: bool) -> int | None:
        """أكدت مصادر محلية وقوع … / أفادت مصادر بمقتل … / أشار إلى وجود …: a noun as content."""
        nt, m, tokens = self.nt, self.m, s.tokens
        if verb is None:
            return self._passive_object(s, i, cue_end) if passive else None
        if i > 0 and without_conjunction(tokens[i - 1].text) in NEGATIONS or (
                i > 1 and tokens[i - 1].text == "ان" and tokens[i - 2].text == "دون"):
            return None  # "ولم تكشف عن التفاصيل المالية", "دون أن يتضمن بيانها …": what was not said is no claim
        if without_conjunction(tokens[i].text) in m.lexicon.judging_words or tokens[i].text in m.lexicon.judging_words:
            judged = self._judged_demonstrative(s, i, cue_end, verb)
            if judged is not None:
                return judged
        if not (verb.takes_object or verb.prepositions):
            return None
        j = cue_end
        if j + 1 < len(tokens) and tokens[j].text in _IN_IT and i > 0:
            if tokens[i - 1].text in RELATIVE_PRONOUNS:
                j += 1  # "في الوقت الذي أكد فيه مدير المستشفى انتقال …": "فيه" points back, the subject follows
            elif (document := self._document_before(s, i)) is not None and (
                    (issuer := self._issuer(s, document)) is not None or document == i - 1):
                # "وأصدرت الإمارة أمس بياناً اعتبرت فيه بيع الشرائح …": the one who issued the document says it;
                # with no issuer named, the document right before the verb ("تعميماً أكد فيه …")
                return self._object_content(s, i, cue_end, verb, issuer or (document, document + 1), j + 1, False)
        while j < len(tokens) and tokens[j].text not in _PREPOSITIONAL_CHANNEL and (
                hit := m.channel.match(tokens, j, first_stems=False)):
            j += hit[0]  # an adverb before the subject: "أعلنت اليوم وزارة …", "أعلن الأسبوع الماضي …"
        if j + 1 < len(tokens) and tokens[j].text == "ما" and tokens[j + 1].text in m.lexicon.so_called:
            j += 2  # "أعلنت ما تسمى "المقاومة الإسلامية …""
        claimed = self._claimed_before_claimant(s, i, j)
        if claimed is not None:
            return claimed
        looked_before = i > 0 and tokens[i].text[:1] not in "وف" and not passive and verb.takes_object
        subject_before = self._preverbal_subject(s, i) if looked_before else None
        if subject_before is not None and (subject_before[1] == i or tokens[subject_before[1]].text in _QAD) \
                and not holds(_gap(nt, tokens, subject_before[1]), ",،:؛;.-–—|()\""):  # not "دبي – أعلنت …"
            # "إلا أن الحركة نفت تلك التقارير": the subject stands right before the verb, what follows is its object
            return self._object_content(s, i, cue_end, verb, subject_before, j, False)
        end = np_grammar(m, nt, tokens, j, len(tokens))
        if end is not None:
            end = self._group_end(tokens, j, end)
        else:
            end = self._states_speaking(tokens, j) or self._quoted_subject(s, j)  # "أعلنت الولايات المتحدة الخميس تسليم …"
        wanted = verb.prepositions & _CONTENT_PREPOSITIONS
        if end is not None and wanted:
            # "حذرت مديرية الدفاع المدني بمنطقة المدينة المنورة من المخاطر": the verb's own preposition
            # ends its subject, though "من" may also continue a noun phrase
            end = next((t for t in range(j + 1, end) if tokens[t].text in wanted), end)
        subject = (j, end) if end is not None and end > j else None
        what = next((t for t in range(j + 1, end) if tokens[t].text == "ما"), None) if subject else None
        if what is not None and verb.takes_object:
            subject = (j, what)  # "ونفى الناطق … عسيري ما تردد عن …": "what" opens the object
        if subject and verb.takes_object:
            subject = (j, self._body_name_end(s, subject[1]) or subject[1])
        if subject and verb.accuses:
            # "اتهمت وزارة الخارجية التركية "حزب العمال …" بـ…": a quoted name after the subject is the accused
            quoted = next((t for t in range(subject[0] + 2, subject[1]) if _gap(nt, tokens, t).endswith('"')), None)
            subject = (subject[0], quoted) if quoted is not None else subject
        # "وكان الاتحاد أعلن فقدان …", "أعلن بشيكتاش تعاقده": أعلن reads as أُعلن too, but with a subject it is active
        active_too = not self._vocalized_passive(tokens[i])
        if subject is None and (not passive or active_too) and verb.takes_object and j < len(tokens) \
                and tokens[j].text not in verb.prepositions and not (
                i > 0 and without_conjunction(tokens[i - 1].text) in NEGATIONS):
            subject = self._unknown_subject(s, j)  # "كما أكد محلب أهمية …"; not "ولم تعلن إسرائيل مسؤوليتها"
            passive = passive and subject is None
        k = subject[1] if subject else j
        if subject is None and i > 0 and (not passive or active_too):
            if not looked_before:  # the subject before the verb, looked up once
                subject_before = self._preverbal_subject(s, i)
            if subject_before is not None:
                return self._object_content(s, i, cue_end, verb, subject_before, k, False)
        return self._object_content(s, i, cue_end, verb, subject, k, passive)

    def _judged_demonstrative(self, s: Sentence, i: int, cue_end: int, verb: VerbForm) -> int | None:
        """"وعدّ الفواز هذا العمل اعتداءً …", "وتعتبر وزارة العمل هذا الإجراء ضمن …": a verb of judgement, its
        subject (one to six words, a channel phrase after it left out) and a demonstrative object: what is
        judged and how is the claim. The subject must be stated ("ويعد هذا المشروع الأول" is "is considered"),
        and for عد a بـ after the object is a promise ("وعد المدرب هؤلاء اللاعبين بمكافأة")."""
        nt, m, tokens = self.nt, self.m, s.tokens
        subject_end = content_start = None
        d = cue_end
        while d < min(len(tokens), cue_end + 10) and tokens[d].text not in DEMONSTRATIVES:
            word = tokens[d].text
            if d > cue_end and holds(_gap(nt, tokens, d), ",،:؛;\"()") or (
                    holds(_gap(nt, tokens, d), ".") and len(tokens[d - 1].text) > 2) or (
                    m.verb(word) or m.is_participle(word) or m.is_complementizer(word, None) or is_bare_preposition(
                    tokens[d]) or word in RELATIVE_PRONOUNS or any(ch.isdigit() for ch in word)):
                return None  # the sentence goes on some other way ("د. الزياني" is a title, not a stop)
            if subject_end is None and d > cue_end and (skipped := _skip_channel(m, tokens, d)) > d:
                # "وعدّ المجلس في بيان له أمس إقرار هذا القانون …": the channel closes the subject, and the
                # object opens after it
                subject_end = d
                d = content_start = _past_asides(nt, m, tokens, skipped)  # "في بيان له | أمس"
                continue
            if word in _JUDGED_PREPOSITIONS and not (d > cue_end and (tokens[d - 1].text in m.lexicon.some_of
                                                       or tokens[d - 1].text in m.lexicon.one_of)):
                return None  # "يعتبر أحد الدروع الواقية من هذا الفكر": a phrase, no subject; but "بعض من المثقفين"
            d += 1
        subject_end = d if subject_end is None else subject_end
        if d + 2 >= len(tokens) or tokens[d].text not in DEMONSTRATIVES or subject_end - cue_end > 6 or (
                subject_end == cue_end) or bare(
                tokens[d + 1].text) in _TIMES or holds(_gap(nt, tokens, d), ",،:؛;.") or holds(
                _gap(nt, tokens, d + 1), ",،:؛;."):
            return None  # "… هذا العام": a time, not what is judged
        if bare(without_conjunction(tokens[i].text)) in ("عد", "عدت", "عدوا") and any(
                t.text.startswith("ب") and not t.text.startswith("بان") for t in tokens[d + 1 : d + 4]):
            return None
        span, kind, unclosed = C.content_after(nt, m, s, tokens[content_start if content_start is not None else d].start)
        if span is None or len(nt.norm[span[0]:span[1]].split()) < 3:
            return None
        source = C.mention_span(nt, self._subject_start(tokens[cue_end]), tokens[subject_end - 1].end) \
            if subject_end > cue_end else None
        cue = (tokens[i].start, tokens[cue_end - 1].end)
        return self._add(Attribution(span, kind, cue, source, "explicit" if source else "unstated", verb.gender,
                                     0.6 - 0.1 * unclosed, self.sentence_index))

    def _claimed_before_claimant(self, s: Sentence, i: int, j: int) -> int | None:
        """"ويومها تبنى الهجوم تنظيم القاعدة في بلاد المغرب العربي": the attack named right after "تبنى" is
        what was claimed and the group after it the claimant (object before subject), or None."""
        nt, m, tokens = self.nt, self.m, s.tokens
        if without_conjunction(tokens[i].text) not in _CLAIMED or j + 1 >= len(tokens) \
                or bare(tokens[j].text) not in _ATTACKS or holds(_gap(nt, tokens, j + 1), ",،:؛;."):
            return None
        stop = next((k for k in range(j + 2, len(tokens)) if holds(_gap(nt, tokens, k), ",،:؛;.(")), len(tokens))
        extent = np_extent(nt, m, tokens, j + 1, stop)
        if extent is None or extent[0] != j + 1 or not looks_like_source(m, nt, tokens, extent[0], extent[1]):
            return None
        source = C.mention_span(nt, tokens[extent[0]].start, tokens[extent[1] - 1].end)
        self._add(Attribution((tokens[j].start, tokens[j].end), "indirect", (tokens[i].start, tokens[i].end), source,
                              "explicit", "", 0.7, self.sentence_index))
        return source[1]

    def _states_speaking(self, tokens: Sequence[Token], j: int) -> int | None:
        """End of one state's name at ``j``, or of two joined by و ("واشنطن وأنقرة"), when a time or a channel
        phrase follows and closes it as the verb's subject ("الخميس تسليم …", "هذا الأسبوع عزمهما …")."""
        m = self.m
        k = j + state_length(m, tokens, j, len(tokens))
        if k == j:
            return None
        if k < len(tokens) and tokens[k].text[:1] == "و":
            k += state_length(m, tokens, k, len(tokens))  # two states speak together
        return k if k < len(tokens) and m.channel.match(tokens, k, first_stems=False) else None

    def _own_occasion_before(self, tokens: Sequence[Token], i: int, k: int) -> bool:
        """True when a preposition and a possessed noun stand between the verb at ``i`` and ``k`` ("وشدد خلال
        استقباله عددا من …"): the occasion is the speaker's own, so the words after it are whom he met."""
        return any(pronoun_suffixed(tokens[t].text) and tokens[t - 1].text in _OCCASION_PREPOSITIONS
                   for t in range(i + 2, k))

    def _name_before_object(self, tokens: Sequence[Token], k: int) -> int | None:
        """Index of a noun object (an object starter) two or three words after ``k`` when the words before it
        are a name closing the subject: a first word the grammar could not read (no article, "بتال" may look
        like بـ + a noun) and a family name with the article ("رئيس الوفد | بتال العتيبي | جاهزية …")."""
        m = self.m
        q = next((q for q in range(k + 2, min(len(tokens), k + 4)) if bare(tokens[q].text) in m.lexicon.object_starters),
                 None)
        if q is None or tokens[k].text.startswith(("ال", "بال", "لل")) or not tokens[q - 1].text.startswith("ال"):
            return None
        if any(m.verb(t.text) or m.is_participle(t.text) or is_bare_preposition(t) or t.tanween_fath
               or holds(_gap(self.nt, tokens, p), ",،:؛;.()\"") for p, t in zip(range(k, q), tokens[k:q])):
            return None
        return q

    def _body_name_end(self, s: Sentence, end: int) -> int | None:
        """"أعلنت شركة هوندا موتور اليابانية للسيارات ارتفاع …", "أعلنت جامعة نجران تمديد …": after a body's head
        without the article, the words no list knows up to the noun object (one to six, no break, no verb or
        preposition) are the body's name; the index where the object begins, else None."""
        nt, m, tokens = self.nt, self.m, s.tokens
        head = tokens[end - 1]
        if head.text.startswith("ال") or not m.organization_heads.match(tokens, end - 1, first_stems=False):
            return None
        for t in range(end, min(len(tokens) - 1, end + 7)):
            word = tokens[t].text
            if t > end and not word.startswith("ال") and (
                    self._opens_object(word) or derived_verbal_noun(without_object_pronoun(word))):
                return t  # the object is a noun in construct ("ارتفاع صافي …"), not "عضو فريق عمل الاستثمار"
            if t > end and to_the(word):
                continue  # "… اليابانية للطاقة", "… للسيارات": what the company does, part of its name
            # (a short بـ/لـ word inside the name is a name's word: "كيوشو إلكتريك باور")
            preposition = _maybe_preposition(word) and (t == end or word.startswith(("بال", "لل", "لا")))
            if holds(_gap(nt, tokens, t), ",،:؛;.()") or m.verb(word) or m.is_participle(word) or preposition \
                    or self._never_in_name(tokens[t]) or tokens[t].tanween_fath or m.channel.match(tokens, t):
                return None
        return None

    def _quoted_subject(self, s: Sentence, j: int) -> int | None:
        """End of a short name in quotation marks right after the verb ('وأعلنت "الصحة" تسجيل …', 'وأكدت
        «المرور» في بيان …'): one to three words, none opening an object, quoted whole; a body by its short name."""
        nt, m, tokens = self.nt, self.m, s.tokens
        if j == 0 or j >= len(tokens) or not _gap(nt, tokens, j).endswith('"') or not (
                tokens[j].text.startswith("ال") or m.organizations.match(tokens, j) or m.media.match(tokens, j)):
            return None  # not 'أعلن … "هدنة إنسانية"': an indefinite quoted phrase is what was announced
        for end in range(j + 1, min(len(tokens), j + 4)):
            word = tokens[end - 1].text
            if (self._opens_object(word) and not word.startswith("ال")) or m.verb(word):
                return None  # ("الصحة" names the ministry; "صحة" opens "نفت صحة التقارير")
            if '"' in _gap(nt, tokens, end):
                return end if not holds(_gap(nt, tokens, end), ",،:؛;.") else None
        return None

    def _unknown_subject(self, s: Sentence, j: int) -> tuple[int, int] | None:
        """One to three words no lexicon knows, right before an object starter ("أكد محلب أهمية …",
        "وأكد الحنين تقديم …"): a name the grammar cannot read, the verb's subject. Nothing between may
        be a verb, a participle, a preposition or a clause break."""
        m, tokens = self.m, s.tokens
        for end in range(j + 1, min(len(tokens), j + 4)):
            word = tokens[end - 1].text
            if (holds(_gap(self.nt, tokens, end - 1), ",،:؛;.") and end - 1 > j) or _maybe_preposition(word) \
                    or m.verb(word) or m.is_participle(word) or self._never_in_name(tokens[end - 1]) \
                    or pronoun_suffixed(word) or tokens[end - 1].tanween_fath \
                    or m.channel.match(tokens, end - 1, first_stems=False) or (end - 1 > j and word.startswith("و")):
                # a possessed noun ("قدرتهم") is an object, a preposition ("عند") or an adverb ("غدا"، "رسمياً")
                # no part of a name, nor a second noun joined by و ("غالب التحقيقات وعمليات القبض")
                return None
            if self._opens_object(tokens[end].text) and not holds(_gap(self.nt, tokens, end), ",،:؛;."):
                return (j, end)
            if m.titles.match(tokens, end):
                return self._titled_name_before_object(s, j, end)  # "توقع رافاييل بينيتيز المدير الفني … بقاء"
        return None

    def _titled_name_before_object(self, s: Sentence, j: int, title: int) -> tuple[int, int] | None:
        """A name no lexicon knows (``j`` to ``title``), then its holder's title chain up to an object starter
        within ten words, no break, verb, participle or complementizer on the way: the whole is the subject."""
        m, tokens = self.m, s.tokens
        if any(t.text.startswith("ال") or t.text in DEMONSTRATIVES or t.text.endswith("ة") for t in tokens[j:title]):
            return None  # a name has no article, no demonstrative, no ة ("مدى شعبية هذا الفنان" is no name)
        for q in range(title + 1, min(len(tokens), title + 11)):
            word = tokens[q].text
            if holds(_gap(self.nt, tokens, q), ",،:؛;.()\"") or m.verb(word) or m.is_participle(word) \
                    or m.is_complementizer(word, None) or word in RELATIVE_PRONOUNS:
                return None
            if self._opens_object(word):
                return (j, q)
            if is_bare_preposition(tokens[q]) or word == "عن":  # "… على أهمية …": the verb's own preposition
                return (j, q) if q + 1 < len(tokens) and self._opens_object(tokens[q + 1].text) else None
        return None

    def _object_opens_region(self, token: Token) -> bool:
        """A noun in construct that opens a verb's stated position, never its subject: "أهمية", "ضرورة",
        "حرص" (not "تقارير", "استطلاع", "أصدقاء": those speak)."""
        word = without_conjunction(token.text)
        return word in self.m.lexicon.position_starters or word in _INTENT

    def _opens_object(self, word: str) -> bool:
        """An object starter, bare or possessed: "أهمية", "تعاقده" (تعاقد), "استقالته" (استقالة)."""
        starters = self.m.lexicon.object_starters
        if bare(word) in starters:
            return True
        stem = without_object_pronoun(word)
        return stem != word and (stem in starters or (stem.endswith("ت") and stem[:-1] + "ة" in starters))

    def _never_in_name(self, token: Token) -> bool:
        """A word no name is made of: a preposition or particle, a verbal noun, an object starter, digits."""
        word = token.text
        return word in _NOT_A_NAME or is_bare_preposition(token) or self.m.is_verbal_noun(word) \
            or bare(word) in self.m.lexicon.object_starters or any(ch.isdigit() for ch in word)

    def _office_ends_at(self, tokens: Sequence[Token], t: int) -> bool:
        """An office or a body's head ends right before ``t`` ("الرئيس التنفيذي" | لبرنامج): what follows with لـ
        is the body it heads, not whom the speaker told."""
        for q in range(max(0, t - 3), t):
            for index in (self.m.titles, self.m.organization_heads):
                hit = index.match(tokens, q)
                if hit and q + hit[0] >= t - 1:
                    return True
        return False

    def _awaits_genitive(self, tokens: Sequence[Token], subject: tuple[int, int]) -> bool:
        """True when the subject ends in a head without the article ("مدير", "هيئة"): the word after it
        is its genitive ("مدير صحة عدن"), not the verb's object."""
        last = subject[1] - 1
        return not tokens[last].text.startswith("ال") and bool(
            self.m.titles.match(tokens, last, first_stems=False) or self.m.organization_heads.match(tokens, last, first_stems=False))

    def _preposition_ahead(self, s: Sentence, k: int, verb: VerbForm, reach: int = 8) -> int | None:
        """Index of the verb's content preposition (عن، إلى، على، من) within ``reach`` plain words after ``k``
        (a subject the grammar could not read may be long: "كشف بنيامين محمد وكيل أعمال لاعب الوسط … عن"),
        or past a relative clause: no verb, participle, complementizer or clause break on the way, a comma
        allowed only right before it."""
        m, tokens = self.m, s.tokens
        wanted = verb.prepositions & _CONTENT_PREPOSITIONS
        if not wanted:
            return None
        relative = False  # "وأكد اوباما الذي جعل من البيئة أولوية على …": a relative clause may hold verbs
        for j in range(k + 1, min(len(tokens) - 1, k + 15)):
            word = tokens[j].text
            if j > k + reach and not relative:
                return None
            if j > k + 8 and not relative and (bare(word) in m.lexicon.object_starters or m.is_verbal_noun(word)
                                               or tokens[j].tanween_fath or m.channel.match(tokens, j)):
                return None  # past eight words, an object or an adverb means the content began before
            if word in wanted and (word != "علي" or tokens[j].alif_maqsura) and not (
                    j + 1 < len(tokens) and tokens[j + 1].text in _ALA_IDIOMS and word == "علي"):
                return j  # not "على طول الطريق", "على مدار العام": where or when, not what was stressed
            if holds(_gap(self.nt, tokens, j + 1), ",،:.;؛") and not (
                    j + 1 < len(tokens) and tokens[j + 1].text in wanted):
                return None
            if word in RELATIVE_PRONOUNS:
                relative = True
                continue
            if ((m.verb(word) or m.is_participle(word)) and not relative) or m.is_complementizer(word, None) \
                    or word in m.lexicon.clause_connectives:
                return None
        return None

    def _after_accused(self, s: Sentence, k: int) -> int | None:
        """Index of the بـ word after the accused ("اتهمت قسد [الميليشيات المدعومة من إيران] بالوقوف …"),
        within ten words and the same clause, or None."""
        tokens = s.tokens
        for j in range(k, min(len(tokens) - 1, k + 10)):
            if j > k and holds(_gap(self.nt, tokens, j), ",،:;؛"):
                return None
            word = tokens[j].text
            if word.startswith("ب") and len(word) > 3 and not self.m.prepositions.match(tokens, j) \
                    and not (j > k and tokens[j - 1].text in _BEFORE_A_NOUN) and not is_document_word(self.m, word):
                return j  # but "وصفته "جازبروم" في بيان بأنه": بيان is a statement, not بـ + يان
        return None

    def _accused_at(self, tokens: Sequence[Token], start: int, end: int) -> int | None:
        """Where the accused begins among the words ``[start, end)`` between a verb of accusing and its بـ: the
        first side, state or state body the lists know (قوات، النظام، روسيا …), after words that read as a source
        on their own ("المعارضة السورية" | "قوات النظام"; not "وزارة" | "الخارجية")."""
        m, nt = self.m, self.nt
        for t in range(start + 1, end):
            if holds(_gap(nt, tokens, t), ",،:؛;()"):
                return None
            word = without_conjunction(tokens[t].text)
            party = state_length(m, tokens, t, end) or bare(word) in m.lexicon.government_heads \
                or m.affiliation_words.match(tokens, t, first_stems=False)
            if party and not adjective_like(word) and not self._awaits_genitive(tokens, (start, t)) \
                    and looks_like_source(m, nt, tokens, start, t):
                return t
        return None

    def _deed(self, word: str) -> bool:
        """A deed promised after بـ: a definite noun ("بالعمل"), a verbal noun ("بتأمين", "باستكمال") or a
        word that opens an object; not a name ("وعد بلفور")."""
        return word.startswith("ال") or self.m.is_verbal_noun(word) or derived_verbal_noun(word) \
            or bare(word) in self.m.lexicon.object_starters or (len(word) == 5 and word[0] == "ت" and word[3] == "ي")

    def _carries_object_pronoun(self, token: Token) -> bool:
        """"اتهمه"، "وصفتها": the verb carries its object; "اتهم" only ends in هم, no verb is left without it."""
        return any(pronoun_suffixed(word) and any(
            word.endswith(suffix) and self.m.verb(word[: -len(suffix)]) is not None for suffix in ("هما", "ها", "هم", "ه"))
            for word in {token.text, without_conjunction(token.text)})  # "وصفته" is وصف + ت + ه, not و + صفته

    def _accuser_then_accused(self, first: Token, second: Token) -> bool:
        """True when two words between a verb of accusing and its بـ are two parties, the accuser first: each a
        state, a capital standing for its state (واشنطن، موسكو) or a side the lists know (المعارضة، النظام);
        two plain nouns may be one phrase ("واتُّهم الرجل المسن بجلب …": the man was accused)."""
        def party(token: Token) -> bool:
            return bool(state_length(self.m, [token], 0, 1) or self.m.affiliation_words.match([token], 0, first_stems=False))
        return party(first) and party(second) and not adjective_like(second.text)

    def _described_phrase(self, s: Sentence, i: int, start: int, end: int) -> bool:
        """True when the words from ``start`` up to the بـ word at ``end`` are the short phrase a verb of
        describing names ("المباراة", "تلك الأسعار", "مسيرته"), not a pronoun's ("وصفه المعارضون بـ…"), not
        the rest of a subject cut short ("وصفت إمارة منطقة عسير …") and not a clause ("… التي درست بعناية")."""
        tokens = s.tokens
        if not 0 < end - start <= 5 or pronoun_suffixed(without_conjunction(tokens[i].text)):
            return False
        if any(t.text in RELATIVE_PRONOUNS for t in tokens[start:end]) or any(
                holds(_gap(self.nt, tokens, j), ",،:;؛") for j in range(start + 1, end + 1)):
            return False
        first = tokens[start].text
        return first.startswith("ال") or first in DEMONSTRATIVES or first == "ما" or pronoun_suffixed(first)

    def _passive_object(self, s: Sentence, i: int, cue_end: int, rumour_only: bool = False) -> int | None:
        """"وأفيد بسقوط قذائف …": a passive report with a بـ noun as its content, no source; also the news
        that circulated, "وترددت (خلال الفترة الماضية) أنباء قوية عن …" / "تردد مؤخراً حول …" (only that
        with ``rumour_only``)."""
        nt, m, tokens = self.nt, self.m, s.tokens
        if cue_end >= len(tokens):
            return None
        about = self._rumour_about(s, cue_end)
        if about is not None:
            start = tokens[about].end
        elif rumour_only:
            return None
        else:
            word = tokens[cue_end].text
            if not (word.startswith("ب") and len(word) > 3) or m.prepositions.match(tokens, cue_end):
                return None
            start = tokens[cue_end].start + 1
        span, kind, unclosed = C.content_after(nt, m, s, start)
        if span is None:
            return None
        return self._add(Attribution(span, kind, (tokens[i].start, tokens[cue_end - 1].end), None, "none", "",
                                     0.7 - 0.1 * unclosed, self.sentence_index))

    def _object_past_modifier(self, s: Sentence, k: int) -> int:
        """"أعلن نادي الطائي المنافس بدوري الدرجة الأولى امس الأحد تعاقده …": a phrase describing the
        subject, then a time word, then the object; the object's index when a time word (within six words,
        no comma) is followed by a possessed verbal noun or an object starter, else ``k``."""
        nt, m, tokens = self.nt, self.m, s.tokens
        for j in range(k + 1, min(len(tokens) - 1, k + 7)):
            if holds(_gap(nt, tokens, j), ",،:;؛.") or m.verb(tokens[j].text) or m.is_participle(tokens[j].text):
                return k
            if tokens[j].text in _TIME_WORDS:
                after = _skip_aside_or_channel(nt, m, tokens, j)
                after += after < len(tokens) - 1 and tokens[after].text in _WEEKDAYS  # "امس الأحد"
                if after < len(tokens) and after > j and (
                        bare(tokens[after].text) in m.lexicon.object_starters or (
                        pronoun_suffixed(tokens[after].text) and not m.is_feeling(tokens[after].text))):
                    return after
                return k
        return k

    def _object_past_comma(self, s: Sentence, subject: tuple[int, int], k: int) -> tuple[tuple[int, int], int]:
        """``(subject, k)`` moved past a comma within four words when an object starter follows it: "أكد مصدر
        في لجنة المسابقات بالاتحاد السعودي لكرة القدم، عدم وصول …" (the rest of the subject's name runs to
        the comma) or "أعلنت شركة "نجم"، ومقرها دبي، إطلاق …" (an aside, part of neither)."""
        nt, m, tokens = self.nt, self.m, s.tokens
        if k >= len(tokens) or bare(tokens[k].text) in m.lexicon.object_starters:
            return subject, k
        comma = next((j for j in range(k + 1, min(len(tokens) - 1, k + 5)) if holds(_gap(nt, tokens, j), ",،")), None)
        if comma is None or bare(tokens[comma].text) not in m.lexicon.object_starters or any(
                m.verb(t.text) or m.is_participle(t.text) for t in tokens[k:comma]):
            return subject, k
        aside = tokens[k].text[:1] == "و" or any(t.text in m.lexicon.mention_trailers for t in tokens[k:comma])
        return (subject if aside else (subject[0], comma)), comma

    def _rumour_about(self, s: Sentence, k: int) -> int | None:
        """Index of the عن/حول/بشأن that opens what circulated after a passive report: within four words,
        past a time phrase, the news (أنباء، معلومات …) and its adjective ("وتواترت خلال الفترة
        الماضية أنباء عن …"), or None."""
        tokens, nouns = s.tokens, self.m.lexicon.rumour_nouns
        for j in range(k, min(len(tokens) - 1, k + 5)):
            if j > k and holds(_gap(self.nt, tokens, j), ",،.:;؛"):
                return None
            if tokens[j].text in _ABOUT_WHAT and (any(t.text in nouns for t in tokens[k:j]) or (
                    tokens[j].text != "عن" and all(t.tanween_fath for t in tokens[k:j]))):
                return j  # "أنباء قوية عن …", "تردد مؤخراً حول …" (not "يقال عن فلان إنه …")
        return None

    def _object_content(self, s: Sentence, i: int, cue_end: int, verb: VerbForm, subject: tuple[int, int] | None,
                        k: int, passive: bool) -> int | None:
        """The noun-object content at word ``k`` of the verb at ``i`` (see :meth:`_noun_object`)."""
        nt, m, tokens = self.nt, self.m, s.tokens
        if subject is None and k < len(tokens) and tokens[k].text in _PREPOSITIONAL_CHANNEL:
            past_channel = _skip_channel(m, tokens, k)  # "وأكد في تصريح صحفي اليوم حرص …"
            if past_channel < len(tokens) and bare(tokens[past_channel].text) in m.lexicon.object_starters:
                k = past_channel
        if subject is None and not verb.prepositions and not verb.object_words and not (
                k < len(tokens) and verb.takes_object and bare(tokens[k].text) in m.lexicon.object_starters):
            return None  # (a verb with its object word, "وتحمل … مسؤولية", needs no stated subject)
        if subject is not None and k < len(tokens) and holds(_gap(nt, tokens, k), ",،") and (
                m.titles.match(tokens, k) or has_forename(m, tokens[k : k + 2])):
            closing = next((j for j in range(k + 1, min(len(tokens), k + 7)) if holds(_gap(nt, tokens, j), ",،")),
                           None)
            if closing is not None:
                subject, k = (subject[0], closing), closing  # the name in apposition belongs to the subject
        previous = -1
        while k < len(tokens) and k != previous:  # channel phrases and asides after the subject, several at times
            previous = k
            if k > 0 and "(" in nt.norm[tokens[k - 1].end : tokens[k].start]:
                k = next((j for j in range(k + 1, min(len(tokens), k + 6))
                          if ")" in nt.norm[tokens[j - 1].end : tokens[j].start]), k)  # "(قسد)"
            k = _skip_aside_or_channel(nt, m, tokens, k)
        if subject is not None:
            subject, k = self._object_past_comma(s, subject, self._object_past_modifier(s, k))
            named = None if verb.object_words else self._name_before_object(tokens, k)  # not "حمّلت X Y مسؤولية"
            if named is not None:
                subject, k = (subject[0], named), named  # "أكد رئيس الوفد بتال العتيبي جاهزية …"
        if k >= len(tokens) - 1:
            return None
        if verb.object_words:
            # "حمّلت الهيئة الاتحاد مسؤولية التأجيل": the content opens at the word the verb needs, near by
            k = next((j for j in range(k, min(len(tokens), k + 5)) if bare(tokens[j].text) in verb.object_words
                      or tokens[j].text in verb.object_words), None)
            if k is None:
                return None
        described = None  # where the one accused or described begins
        if verb.accuses:
            described = k
            k = self._after_accused(s, k)
            if k is None:
                return None
            if k == described and subject is not None and not (
                    subject[0] > i and self._carries_object_pronoun(tokens[i])):
                last = tokens[subject[1] - 1].text
                # "اتهم المتحدث الحوثيين بـ…": a plural nisba after a singular is no adjective of it
                plural_after_singular = last.endswith(("يين", "يون")) and not tokens[subject[1] - 2].text.endswith(
                    ("ين", "ون", "ات"))
                if subject[1] - subject[0] >= 2 and last.startswith("ال") and (
                        not adjective_like(last) or plural_after_singular):
                    subject = (subject[0], subject[1] - 1)  # "اتهمت الحكومة الميليشيا بـ…": the last noun is the accused
                    described = subject[1]
                else:
                    # "واتهمت الجيش بقصف …": the only noun phrase is the accused; the accuser is unstated, or
                    # the antecedent of a relative pronoun right before the verb ("كييف التي تتهم الكرملين بـ…")
                    subject = self._relative_antecedent(tokens, i - 1) \
                        if i > 0 and tokens[i - 1].text in RELATIVE_PRONOUNS else None
                    described = i + 1
            elif subject is None and k == described + 2 and described == cue_end \
                    and self._accuser_then_accused(tokens[described], tokens[described + 1]):
                subject = (described, described + 1)  # "واتهمت واشنطن موسكو بـ…", "وتتهم المعارضة النظام بـ…"
                described += 1
            elif subject is None and k >= described + 3 and described == cue_end \
                    and (accused := self._accused_at(tokens, described, k)) is not None:
                subject, described = (described, accused), accused  # "واتهمت المعارضة السورية قوات النظام بـ…"
        word = tokens[k].text
        if m.is_feeling(word) or (not verb.accuses and self._praise(word)):
            # "أكد اعتزاز المملكة …", "أعلن عن سعادته": a feeling, "نوه بجهود …" praise, not content (guidelines 5.7);
            # but the one who felt it speaks next ("أكد جميل قاسم سعادته …" then "مؤكداً أن …")
            if subject is not None and subject[0] > i:
                self.standing_mentions.append((C.mention_span(nt, tokens[subject[0]].start, tokens[subject[1] - 1].end),
                                               self.sentence_index))
            return None
        feeling = next((j for j in range(k + 1, min(len(tokens), k + 6)) if pronoun_suffixed(tokens[j].text)
                        and m.is_feeling(tokens[j].text)), None)
        if feeling is not None and not any(
                bare(t.text) in m.lexicon.object_starters or holds(_gap(nt, tokens, q), ",،:.")
                for q, t in zip(range(k, feeling + 1), tokens[k : feeling + 1])):
            if subject is None and feeling - k <= 3 and not passive and self._bare_subject_end(tokens, k, feeling):
                # "أكد جميل قاسم سعادته …": a name no list knows up to a feeling; that one speaks next
                name = C.mention_span(nt, tokens[k].start, tokens[feeling - 1].end)
                self.standing_mentions.append((name, self.sentence_index))
            if subject is not None:
                return None  # "وأكد والد الشهيد عيد ماطر الشهراني اعتزازه …": the rest of a name, then a feeling
        # a possessed one too ("وأكد استعداده …"), after a past verb: a headline's "كوتينيو يعلن رحيله" names
        # nobody the article knows
        starter = bare(word) in m.lexicon.object_starters or (
            pronoun_suffixed(word) and self._opens_object(word) and tokens[i].text[:1] not in "يت")
        if word not in verb.prepositions and not verb.accuses and not (
                starter and subject is not None and not self._awaits_genitive(tokens, subject)) and not (
                starter and subject is None and pronoun_suffixed(word)):  # "لتؤكد حرصها على …"
            # ("أكدت الشركة حرصها على …": after a subject an object starter opens the content, the preposition
            # is its own; but "كشف مدير صحة عدن … عن": after a bare head, its genitive)
            # past a subject the grammar read, a verbal noun opens the object ("أكدت الأمانة استمرار …"):
            # the preposition must be near; a title goes on naming the speaker ("… محمد وكيل أعمال …")
            opens_object = m.is_verbal_noun(word) or derived_verbal_noun(bare(word))
            reached = self._preposition_ahead(s, k, verb, reach=8 if subject is not None and opens_object else 12)
            if reached is not None:
                # "أعلنت موبايلي عن ضمها …", "أكد لاعب نادي لخويا القطري يوسف المساكني، على أهمية …": words
                # the noun-phrase grammar does not know, up to the verb's preposition, are its subject;
                # an adverb or "فيه" alone names nobody ("تؤكد دائماً على …", "أعلن فيه عن …")
                names_nobody = subject is None and (tokens[k].text in _BEFORE_A_NOUN or all(
                    t.tanween_fath or t.text in _NOBODY for t in tokens[k:reached])  # "أعلنت في يونيو الماضي عن"
                    or self._own_occasion_before(tokens, i, k))
                before_verb = subject is not None and subject[1] <= i  # "وكانت الحكومة قد أعلنت … عن"
                # "حذّر مدير … عبدالله العليان المواطنين … من": a full name ends the subject, the rest is whom
                named = subject is not None and len(tokens[subject[1] - 1].text) > 3 \
                    and tokens[subject[1] - 1].text.startswith("ال") and has_forename(
                        m, tokens[max(subject[0], subject[1] - 4) : subject[1] - 1]) \
                    and definite_plural(tokens[k].text)
                if not before_verb and not named:
                    subject = None if names_nobody else (subject[0] if subject else k, reached)
                if subject is not None and not before_verb and not named:
                    # the subject ends where a relative clause or a channel phrase begins ("اوباما الذي جعل …")
                    cut = next((t for t in range(subject[0] + 1, reached) if tokens[t].text in RELATIVE_PRONOUNS
                                or (m.channel.match(tokens, t, first_stems=False)
                                    and (tokens[t].text[:1] != "ل" or not self._office_ends_at(tokens, t)))),
                               reached)  # "… مونتاري لصحيفة غانا"; but "الرئيس التنفيذي لبرنامج إنجاز"
                    subject = (subject[0], cut)
                k, word = reached, tokens[reached].text
        if verb.topic and not (k + 1 < len(tokens) and bare(tokens[k + 1].text) in m.lexicon.object_starters
                               and bare(tokens[k + 1].text) not in m.lexicon.position_starters):
            return None  # "تحدث عن دور الدولة": a topic, not content
        if word in verb.prepositions and word in _CONTENT_PREPOSITIONS:
            if verb.warns and k + 1 < len(tokens) and bare(tokens[k + 1].text) in m.lexicon.warned_against:
                return None  # "وحذرت الدراسة من تناول الفاكهة …": advice against doing it (guidelines 8.3)
            start = tokens[k].end
        elif verb.describes and described is not None and len(word) > 3 and word.startswith("ب") \
                and not word.startswith("بان") and self._described_phrase(s, i, described, k):
            # "ووصف المدرب المباراة بالقوية": what is described and how, one claim; after "بأنه …" or a
            # quoted "بـ«…»" the description alone
            start = tokens[described].start
        elif "الي" in verb.prepositions and len(word) > 4 and word.startswith("ل") and not word.startswith("لل") \
                and (m.is_verbal_noun(word[1:]) or derived_verbal_noun(word[1:])
                     or bare(word[1:]) in m.lexicon.object_starters):
            start = tokens[k].start + 1  # "وأشار لوجود ضوابط …": لـ for إلى before a verbal noun
        elif "ب" in verb.prepositions and len(word) > 3 and word.startswith("ب") and not any(
                s in m.lexicon.anonymous_heads for s in stems(word)) and not m.prepositions.match(tokens, k) \
                and (not verb.marked_only or self._deed(word[1:])):
            start = tokens[k].start + 1  # a promise of a deed ("وعد الوزير بتأمين …"), not "وعد بلفور"
        elif verb.takes_object and (subject is not None or starter) and (
                not word.startswith(_NOT_OBJECT_START) or bare(word) in m.lexicon.object_starters
                or verb.object_words or verb.document_subject or (
                word.startswith("ال") and subject is not None and self._ends_in_name(tokens, subject))):
            gap = nt.norm[tokens[k - 1].end : tokens[k].start]
            # a quotation opening right before the object is its content; a name's closing quote is not
            opens_quote = gap.strip() == '"' and gap.startswith(" ")
            start = tokens[k - 1].end + gap.index('"') if opens_quote else tokens[k].start
        else:
            return None
        span, kind, unclosed = C.content_after(nt, m, s, start)
        if span is None or len(nt.norm[span[0]:span[1]].split()) < 2:
            return None
        source = C.mention_span(nt, self._subject_start(tokens[subject[0]]), tokens[subject[1] - 1].end) \
            if subject else None
        mode = "explicit" if subject else ("none" if passive else "unstated")
        cue = (tokens[i].start, tokens[cue_end - 1].end)
        return self._add(Attribution(span, kind, cue, source, mode, verb.gender, 0.6 - 0.1 * unclosed,
                                     self.sentence_index))
