"""Source noun phrases: where a mention starts and stops, and what kind of source it names.

A mention is the whole noun phrase (title, name, "مصدر مقرب من "قسد"") and stops before what
only describes the channel ("لموقع …", "في بيان", "خلال مؤتمر صحفي") or at a comma. Its type
comes from its head word; its affiliation from words anywhere in it, the longest match winning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotate.preannotate.matchers import Matchers
from annotate.preannotate.segment import Token, abbreviated_title, holds
from annotate.preannotate.text import NormText, normalize_word
from annotate.preannotate.words import (
    bare,
    derived_verbal_noun,
    pronoun_suffixed,
    stems,
    tafil_verbal_noun,
    without_conjunction,
    without_object_pronoun,
)

MAX_NP_TOKENS = 10
# How far past a title chain the grammar could not read its holder's rank or forename may lie.
_HOLDER_REACH = 8
_NOT_IN_HOLDER_NAME = frozenset(normalize_word(w) for w in ("ما", "من", "الذي", "التي", "كما", "وهو", "وهي"))
# Between a cue and its content marker the phrase is delimited, so an office chain may run long:
# "المتحدث الرسمي لمديرية الدفاع المدني بمنطقة جازان بالإنابة الرائد محمد بن حسن آل صمغان".
MAX_DELIMITED_NP_TOKENS = 16
_PREPOSITIONAL_STARTS = frozenset(normalize_word(w) for w in ("في", "وفي", "خلال", "عبر", "أثناء", "بعد", "قبل", "عقب",
                                                              "إثر", "على", "لدى", "منذ", "وسط"))
_BARE_PREPOSITIONS = frozenset(normalize_word(w) for w in ("في", "وفي", "من", "على", "إلى", "عن", "مع", "داخل", "خارج",
                                                           "قرب", "عند", "لدى", "أمام", "بين"))
# Prepositions with a pronoun and the like (عليه، له، إنه): words of address or manner that name nobody.
PRONOUN_PREPOSITIONS = frozenset(normalize_word(w) for w in ("عليه", "عليها", "عليهم", "له", "لها", "لهم", "منه",
                                                               "منها", "إليه", "إليها", "فيه", "فيها", "فيهم", "به",
                                                               "بها", "إليهم", "لي", "لنا", "إنه", "إنها", "أنه",
                                                               "خلاله", "خلالها", "عبره", "عبرها"))
# "واستدرك بقوله: …", "وختم بالقول": by saying, a word of manner that names nobody
BY_SAYING = frozenset(normalize_word(w) for w in ("بقوله", "بقولها", "بقولهم", "بالقول", "قوله", "قولها"))


_PRESS_ADJECTIVES = frozenset(normalize_word(w) for w in ("صحفية", "صحفي", "صحافية", "صحافي", "إعلامية", "إعلامي",
                                                         "إخبارية", "إخباري"))
_REPORT_HEADS = frozenset(normalize_word(w) for w in ("تقرير", "تقارير", "وسائل"))
_BARE_REPORTS = frozenset({normalize_word("تقارير")})
_CHIEF = frozenset(normalize_word(w) for w in ("كبير", "كبيرة"))
_SIZE = frozenset(normalize_word(w) for w in ("كبير", "قليل", "محدود", "كبيرة", "ضخم"))  # "عدد كبير من"
_NAME_PARTICLES = frozenset(normalize_word(w) for w in ("أبو", "بن", "ابن", "آل", "عبد", "ولد"))
_PLACE_HEADS = frozenset(normalize_word(w) for w in ("منطقة", "مدينة", "محافظة", "مركز", "إقليم", "ولاية", "قرية", "بلدة",
                                                    "مقاطعة", "حي", "دولة"))
SAME = frozenset({"نفسه", "نفسها", "نفسهم", "ذاته", "ذاتها", "ذاتهم"})  # "the same" after a noun
_SAME_BEFORE = frozenset({"نفس", "ذات"})  # and before it: "نفس المصدر"


@dataclass(frozen=True)
class SourceInfo:
    """What the words of a mention say about the source."""

    type: str
    affiliation: str | None
    key: str | None  # organization or outlet key, for merging mentions into one entity
    head: str  # the head word without prefixes, for anaphora
    gender: str  # "m", "f" or "pl"
    confident: bool


def _gap(nt: NormText, a: Token, b: Token) -> str:
    return nt.norm[a.end : b.start]


# words after "مطلع" that make it "informed" ("مصدر مطلع على …", "مصدر أمني مطلع لـ…", "مطلع إن") rather than
# "the start of" a time ("مطلع الأسبوع", "مطلع يوليو")
_INFORMED_AFTER = frozenset({"في", "من", "عن", "علي", "الي", "ان", "بان", "انه", "انها"})


def _is_channel(m: Matchers, tokens: Sequence[Token], i: int) -> bool:
    word = tokens[i].text
    if word == "مطلع" and (i + 1 == len(tokens) or tokens[i + 1].text in _INFORMED_AFTER
                            or tokens[i + 1].text.startswith("ل")):
        return False  # "وقال مصدر سياسي عراقي مطلع إن …": an informed source, no time phrase
    if m.channel.match(tokens, i, first_stems=False):
        return True
    if word.startswith("و") and m.channel.match([Token(0, 0, word[1:])], 0, first_stems=False):
        return True
    # لـ / ل + an outlet: "لرويترز", "لـ"عنب بلدي"", "لتلفزيون سوريا".
    if word == "ل" and i + 1 < len(tokens):
        return bool(m.media.match(tokens, i + 1) or m.media_heads.match(tokens, i + 1))
    if len(word) > 2 and word[0] == "ل" and not word.startswith("لل"):
        rest = [Token(0, 0, word[1:]), *tokens[i + 1 : i + 3]]
        return bool(m.media.match(rest, 0, first_stems=False) or m.media_heads.match(rest, 0, first_stems=False))
    if len(word) > 4 and word.startswith("لل"):
        rest = [Token(0, 0, "ال" + word[2:]), *tokens[i + 1 : i + 3]]  # "للأناضول", "للشرق الأوسط": an outlet told
        return bool(m.media.match(rest, 0, first_stems=False))
    return False


def _stops_subject(gap: str, before: Token) -> bool:
    """Punctuation that ends a subject; not the full stop of an abbreviated title ("م. حسام")."""
    if gap.strip() == "." and abbreviated_title(before.text):
        return False
    return holds(gap, ",،:؛;.")


_AS = frozenset({"كما", "وكما"})
_TELL = frozenset(normalize_word(w) for w in ("أبلغ", "أبلغت", "أبلغوا"))  # its object is whom the source told
_OTHER = frozenset(normalize_word(w) for w in ("أخرى", "آخرون", "آخرين"))  # "مجموعة أخرى": another group of people


def np_extent(nt: NormText, m: Matchers, tokens: Sequence[Token], start: int, stop: int) -> tuple[int, int] | None:
    """Token range ``[i, j)`` of the source noun phrase in ``tokens[start:stop]``, or None.

    Used where the content marker (أن، :، a quotation) delimits the subject: the phrase is
    what comes before the first channel description or comma, at most ten words.
    """
    i = start
    if i > 0 and i < stop and holds(_gap(nt, tokens[i - 1], tokens[i]), ",،"):
        # the region opens with an aside ("، بعد اجتماعه بوفد …، أن"): skip it to its closing comma
        i = next((j for j in range(i + 1, stop) if holds(_gap(nt, tokens[j - 1], tokens[j]), ",،")), stop)
    if i < stop and ((tokens[i].text in _AS and i + 1 < stop and m.verb(tokens[i + 1].text))
                     or m.prepositions.match(tokens, i)):
        return None  # "وقالت كما نقلت عنها وكالة …", "وقال وفقاً لما نقلته وكالة …": a relay; the speaker is unstated
    if m.honorifics.match(tokens, i, first_stems=False):
        return None  # "قال تعالى:", "قال صلى الله عليه وسلم:": praise, the speaker is not named
    told = _quoted_then_source(m, nt, tokens, i, stop)
    if told is not None:
        i = told  # "وأبلغت «عكاظ» مصادر مطلعة أن": the outlet was told, the sources speak
    while i < stop and (m.is_participle(tokens[i].text) or m.is_verbal_noun(tokens[i].text) or tokens[i].tanween_fath
                        or (i == start and tokens[i].text[:1] in "يت" and m.verb(tokens[i].text) is not None)  # "وأضاف يقول:"
                        or tokens[i].text in PRONOUN_PREPOSITIONS or tokens[i].text in BY_SAYING
                        or (_possessed(tokens[i].text) and not m.titles.match(tokens, i) and i + 1 < stop and (
                            tokens[i + 1].text in BY_SAYING or m.is_participle(tokens[i + 1].text)))
                        or _told_outlet(m, nt, tokens, i, stop)):
        if _told_outlet(m, nt, tokens, i, stop):  # "قال لـ«عكاظ»: …": the outlet told, the speaker unstated
            i = _prepositional_object_end(nt, tokens, i + 1, stop)
            continue
        i += 1  # "وتابع قائلاً:", "قال ضاحكاً:", "ورد عليه …", "واختتم حديثه بالقول:": they name nobody
    if i < stop and tokens[i].text in m.lexicon.manner_words:
        i += 1  # "وقال بنبرة حزينة: …", "بصوت مرتفع": how it was said, and its indefinite adjective
        if i < stop and not tokens[i].text.startswith("ال") and not holds(_gap(nt, tokens[i - 1], tokens[i]), ",،:") \
                and not looks_like_source(m, nt, tokens, i, stop, exactly=True):
            i += 1
    if i == start and 0 < i < stop and m.verb(tokens[i - 1].text) is not None and _addressee_word(m, tokens[i].text) \
            and not _is_channel(m, tokens, i):
        # "ليقول للإعلاميين الذين سألوه …، إن", "أكدت لإدارة النادي أن …": whom he told; the subject of a verb
        # never opens with لـ
        return None
    while i < stop and _is_channel(m, tokens, i):
        hit = m.channel.match(tokens, i, first_stems=False)
        word = tokens[i].text
        if hit is None or word in _PREPOSITIONAL_STARTS or word.startswith("ل"):
            return None  # the region opens with a channel phrase: the subject is unstated
        i += hit[0]  # an adverb before the subject: "وأكد اليوم وزير …"
    if i < stop and _is_bare(tokens[i]):
        while i < stop and _is_bare(tokens[i]):
            i = _prepositional_object_end(nt, tokens, i + 1, stop) if i + 1 < stop else stop
        if i < stop and _told_outlet(m, nt, tokens, i, stop):
            return None  # "في حوار خاص لـ«عكاظ» أن": whom he told; the speaker is unstated
        # after a place or time ("تردد في مدينة حلب أن") only a known source is a subject, and no clause
        # ("أكد من الولايات المتحدة حيث يقوم فريقه …")
        if i >= stop or _is_channel(m, tokens, i) or not any(
                looks_like_source(m, nt, tokens, k, stop) for k in range(i, min(stop, i + 2))):
            return None
    j = i
    told = start > 0 and without_conjunction(tokens[start - 1].text) in _TELL
    while j < stop and j - i < MAX_DELIMITED_NP_TOKENS:
        if j > i and told and _gap(nt, tokens[j - 1], tokens[j]).rstrip().endswith('"'):
            break  # "وأبلغ مصدر دبلوماسي «الحياة» أن …": the outlet is whom the source told
        if j > i and tokens[j].text in SAME:
            j += 1  # "المصادر ذاتها": not the channel phrase "ذات يوم"
            break
        if j > i and _trails_mention(m, nt, tokens, i, j):
            # "الرئيس الأمريكي في هذه المناسبة": the preposition before the trailing words goes with them
            j = next((k for k in range(j - 1, max(i, j - 3), -1) if _is_bare(tokens[k])), j)
            break
        if j > i and (_is_channel(m, tokens, j) or _stops_subject(_gap(nt, tokens[j - 1], tokens[j]), tokens[j - 1])
                      or m.is_participle(tokens[j].text) or m.is_verbal_noun(tokens[j].text)
                      or tokens[j].text in BY_SAYING or tokens[j].text in m.lexicon.manner_words  # "… بقوله:"
                      or tokens[j].tanween_fath or _told_outlet(m, nt, tokens, j, stop)
                      or m.prepositions.match(tokens, j)
                      or (tokens[j].text in _AS and j + 1 < stop and m.verb(tokens[j + 1].text) is not None)
                      or complementizer_word(m, tokens, j, tokens[j - 1].text)
                      or (_verb_after_subject(m, tokens[j].text) and tokens[j - 1].text not in _NOT)):
            # an accusative ("كشفت التحقيقات أدواراً …") starts the object, not more subject; "بحسب ما
            # نقلت" / "كما نقلت عنه" the outlet that relays it; a reporting verb or أن is never part of a
            # name ("وأضاف الحميدي يقول:", "بحسب ما ذكره الوزير أنه:")
            break
        j += 1
    if j > i and j < stop and holds(_gap(nt, tokens[j - 1], tokens[j]), ",،"):
        j = _apposition_end(nt, m, tokens, j, stop, titled=bool(m.titles.match(tokens, i)))
    if j == i + 1 and j == stop and addressee(tokens[i].text):
        return None  # "قال لكوردستان24 إن": whom he told, not who told
    return (i, j) if j > i else None


def _verb_after_subject(m: Matchers, word: str) -> bool:
    """A reporting verb that ends a subject ("الحميدي يقول:", "مصادر أمنية أكدت لـ…"): a present form, or a
    past one of four letters or more; "عزت", "بين", "ذكر" are also names or words of a name's phrase, and
    "يدعى" / "تدعى" ("is called") introduce the name."""
    if m.verb(word) is None:
        return False
    bare_word = word[1:] if word[:1] in "وف" and len(word) > 3 else word
    if bare_word in _CALLED:
        return False
    return bare_word[:1] in "يت" or len(bare_word) >= 4


_CALLED = frozenset({"يدعي", "تدعي"})  # normalised يُدعى / تُدعى
_NOT = frozenset({"لم", "لا", "ولم", "ولا", "ان"})  # "متحدث لم تذكر اسمه", "دون أن يذكر": a clause describing the speaker


def _possessed(word: str) -> bool:
    """A noun with a pronoun suffix ("حديثه", "تجاربه", "دفاعها"); not a name in الله ("عبدالله") or in يه
    ("فيفريه")."""
    return (len(word) > 3 and (pronoun_suffixed(word) or word.endswith("هما")) and not word.startswith(("ال", "ل", "ب", "و"))
            and not word.endswith(("لله", "يه")) and word not in SAME)


def _ends_a_name(m: Matchers, tokens: Sequence[Token], i: int, j: int) -> int:
    """How many words of ``tokens[i:j]`` end it as a person's name after its last forename ("محمد علي
    الوادعي": 2), or after nothing known ("تشاووش أوغلو": 2); -1 when the phrase does not end in a name (its
    last words are an office, "… المتحدث الرسمي"; or it names a body, "مركز الملك سلمان")."""
    phrase = tokens[i:j]
    if any(index.match(tokens, k) for k in range(i, j) for index in (
            m.organization_heads, m.organizations, m.media, m.media_heads, m.local)):
        return -1
    forenames = [k for k in range(i, j) if is_forename(m, tokens[k])]
    if forenames:
        after = forenames[-1] + 1
        if j - after > 3 or any(m.titles.match(tokens, k) for k in range(after, j)):
            return -1
        return j - after
    plain = j - i <= 3 and not any(m.titles.match(tokens, k) for k in range(i, j)) and all(
        not t.text.startswith(("ال", "وال")) and not t.text.endswith(("ة", "ون", "ين"))
        and not any(ch.isdigit() for ch in t.text)
        and not m.is_anonymous_head(t.text) for t in phrase)
    return j - i if plain else -1


def to_the(word: str) -> bool:
    """لـ + a definite word ("للإعلاميين", "للضويلع"): whom someone told, never the first word of a speaker."""
    return word.startswith("لل") and len(word) > 4


def _addressee_word(m: Matchers, word: str) -> bool:
    """لـ + a definite word or a body ("للضويلع", "لمؤسسة الإذاعة"): whom the speaker told; not a name in ل
    ("لاجارد") nor "لاعب"."""
    if to_the(word):
        return True
    rest = [Token(0, 0, word[1:])]
    return word.startswith("ل") and bool(m.organization_heads.match(rest, 0, first_stems=False)
                                          or m.media_heads.match(rest, 0, first_stems=False))


def _plural_in_construct_ending(word: str) -> bool:
    """A participle's plural in construct, its ن dropped ("مستفيدي", "منسوبي", "موظفي"): a genitive follows."""
    return len(word) >= 5 and word[0] == "م" and word.endswith("ي") and not word.startswith("ال")


def _trails_mention(m: Matchers, nt: NormText, tokens: Sequence[Token], i: int, j: int) -> bool:
    """``tokens[j]`` starts words that follow a mention without belonging to it: "رحمه الله", "ومقره لندن",
    an age in brackets ("سميث (46 عاما)"), a demonstrative ("… تلك"), and after a name the object or addressee
    of the verb ("الجابري حديثه", "محمد علي الوادعي للضويلع", "أوغلو لمؤسسة الإذاعة")."""
    word = tokens[j].text
    if word in m.lexicon.mention_trailers:
        return True
    before = without_conjunction(tokens[j - 1].text)
    if word in DEMONSTRATIVES and before not in m.lexicon.one_of and before not in m.lexicon.some_of \
            and not _plural_in_construct_ending(before) and (
            before.startswith("ال") or (_is_bare(tokens[j - 1]) and before != "من") or _ends_a_name(m, tokens, i, j) > 0):
        # "الأمير عبدالله تلك …", "… في هذه المناسبة"; but a genitive: "إحدى هذه الرسائل", "مستفيدي هذه الفعاليات"
        return True
    if "(" in _gap(nt, tokens[j - 1], tokens[j]) and word.isdigit():
        return True
    if _possessed(word) and tokens[j - 1].text.startswith(("ال", "وال")) and not m.titles.match(tokens, i):
        return True  # a definite word takes no genitive: "الجابري حديثه" (but a name follows "اللاعبة الألمانية")
    if _addressee_word(m, word):
        return _ends_a_name(m, tokens, i, j) > 0
    # a possessed noun after a name: "محمد جهاد تجاربه"; not a name in ه right after the forename ("خالد عويضه")
    return _possessed(word) and len(word) > 4 and _ends_a_name(m, tokens, i, j) >= 2


def _quoted_then_source(m: Matchers, nt: NormText, tokens: Sequence[Token], i: int, stop: int) -> int | None:
    """Index after a short quoted name at ``i`` ("«عكاظ»") when a known source follows it at once: the name
    is whom the speaker told ("أبلغت «عكاظ» مصادر مطلعة"); None otherwise ("قال «المرصد» إن")."""
    if i == 0 or i >= stop or not _gap(nt, tokens[i - 1], tokens[i]).rstrip().endswith('"'):
        return None
    close = next((k for k in range(i + 1, min(stop, i + 4)) if '"' in _gap(nt, tokens[k - 1], tokens[k])), None)
    if close is None or holds(_gap(nt, tokens[close - 1], tokens[close]), ",،:.") or m.organizations.match(tokens, i):
        return None
    # a source after a quoted outlet ("«عكاظ» مصادر مطلعة", "أبلغ "الاقتصادية" الدكتور …"), not after a quoted
    # person ("قال "كريس فيليرز" المتحدث باسم …"): an outlet is known, or one word
    outlet = m.media.match(tokens, i) or close == i + 1
    return close if outlet and (m.is_anonymous_head(tokens[close].text) or m.titles.match(tokens, close)
                                or m.organization_heads.match(tokens, close)) else None


def quantifier_length(m: Matchers, tokens: Sequence[Token], start: int, stop: int) -> int:
    """Words of "بعض" / "أحد" / "عدد من" / "كثير من" at ``start`` before a noun phrase, or 0."""
    word = without_conjunction(tokens[start].text)
    if word in m.lexicon.one_of and start + 1 < stop:
        return 1
    if word in m.lexicon.some_of and start + 2 < stop and tokens[start + 1].text == "من":
        return 2
    if word in m.lexicon.some_of and start + 3 < stop and tokens[start + 1].text in _SIZE and tokens[start + 2].text == "من":
        return 3  # "عدد كبير من المواطنين"
    return 0


def _told_outlet(m: Matchers, nt: NormText, tokens: Sequence[Token], j: int, stop: int) -> bool:
    """"المقيم لـ«عكاظ»": لـ before a quoted name that is no organization names the outlet told, not the
    speaker ("المكتب الإعلامي لـ"قسد"" keeps its organization)."""
    return (tokens[j].text == "ل" and j + 1 < stop and '"' in _gap(nt, tokens[j], tokens[j + 1])
            and not m.organizations.match(tokens, j + 1))


def _is_bare(token: Token) -> bool:
    """A preposition opening the region (في، على …); علي written with ي is the name Ali."""
    return token.text in _BARE_PREPOSITIONS and (token.text != "علي" or token.alif_maqsura)


def addressee(word: str) -> bool:
    """لـ + a word without the article ("لكوردستان24", "لرونالدو"): whom someone told."""
    return len(word) > 3 and word[0] == "ل" and not word.startswith(("ال", "لل"))


def _apposition_end(nt: NormText, m: Matchers, tokens: Sequence[Token], j: int, stop: int, titled: bool) -> int:
    """Extend a subject over "، اللواء فاديم كوليكوف،": a title or a name set off by commas.

    Only when that segment runs up to the content marker, so "، وهو أحد سكان المدينة،"
    or a channel phrase never joins the mention.
    """
    end = j + 1
    while end < stop and not holds(_gap(nt, tokens[end - 1], tokens[end]), ",،:؛;."):
        end += 1
        if end - j > 6:
            return j
    if end != stop and not _is_channel(m, tokens, end):
        return j
    segment = tokens[j:end]
    if _is_channel(m, tokens, j) or _told_outlet(m, nt, tokens, j, stop) or not segment:
        return j  # (', لـ"سبق"،': the outlet told)
    if m.anonymity.find(segment):
        return j  # "، طلب عدم نشر اسمه،" describes the source, it is not its name
    if m.titles.match(tokens, j) or has_forename(m, segment[:2]):
        return end
    # after an office, up to four plain words are its holder's name: "نائب الوزير، ميخائيل بوغدانوف،"
    if titled and len(segment) <= 4 and not segment[0].text.startswith(("ال", "و")) and not any(
            m.verb(t.text) or t.text in _BARE_PREPOSITIONS for t in segment):
        return end
    return j


def np_grammar(m: Matchers, nt: NormText, tokens: Sequence[Token], start: int, stop: int) -> int | None:
    """End (exclusive) of a noun phrase at ``start`` recognised from its head, or None.

    Used where nothing delimits the subject (a noun object follows: "أكدت مصادر محلية وقوع …"):
    the head must be a known source word, and only adjective-like words, known phrases and
    short prepositional modifiers extend it.
    """
    if start >= stop:
        return None
    first = tokens[start].text
    quantifier = quantifier_length(m, tokens, start, stop)
    if quantifier:
        # "بعض الخبراء الاقتصاديين", "عدد من الاختصاصيين": the phrase is headed by what follows
        end = np_grammar(m, nt, tokens, start + quantifier, stop)
        return end if end is not None and end > start + quantifier else None
    known = None
    named = False  # a proper name (قسد) takes no genitive after it; a common head (وزارة) does
    body = False  # a body's common head: a personal name follows only a title ("مركز الأمير محمد", not "الاتحاد أسماء")
    for index in (m.organizations, m.media, m.local, m.titles, m.organization_heads, m.media_heads):
        hit = index.match(tokens, start)
        if hit and (known is None or hit[0] > known):
            known, named = hit[0], index is m.organizations or index is m.media
            body = index is m.organization_heads or index is m.media_heads
    if known is None and m.is_anonymous_head(first):
        known = 1
    if known is None and any(s in m.lexicon.anaphors for s in stems(first)):
        known = 1
    if known is None and is_forename(m, tokens[start]):
        known, named = _name_length(m, nt, tokens, start, stop), True
    if known is None:
        return None
    j = start + known
    if known == 1 and first.endswith(("ه", "ها")) and m.titles.match(tokens, start):
        named = True  # "سموه", "معاليه": the head carries its possessor, no genitive follows
    definite = first.startswith(("ال", "وال"))
    dual = known == 1 and without_conjunction(first) in _DUAL_HEADS
    person_head = bool(m.titles.match(tokens, start))  # only a person's office is followed by a name
    if tokens[j - 1].text in m.lexicon.np_prepositions and j < stop and j - 1 > start:
        # "المتحدث باسم" + its object; "المسؤول" heading the phrase is the official, not "in charge of"
        j = _prepositional_object_end(nt, tokens, j, stop)
    while j < stop and j - start < MAX_NP_TOKENS:
        word = tokens[j].text
        gap = nt.norm[tokens[j - 1].end : tokens[j].start]
        if holds(gap, ",،:؛;."):
            break
        if gap.endswith('"') and not named:
            # a quoted name after its head: شركة "الواحة للتطوير العقاري"
            j = _prepositional_object_end(nt, tokens, j, stop)
            named = True
            continue
        if word in SAME:
            j += 1  # "المصادر ذاتها", "الوزير نفسه": the phrase refers back and ends here
            break
        if _is_channel(m, tokens, j) or is_bare_preposition(tokens[j]):
            break
        side = m.affiliation_words.match(tokens, j)
        if side and (side[0] > 1 or not adjective_like(word)):
            side = None  # "مسؤول أمريكي" yes; "قسد قوات النظام" (a new noun phrase) no
        phrase = m.anonymity.match(tokens, j) or m.local.match(tokens, j) or side
        if phrase:
            j += phrase[0]
            continue
        if word in m.lexicon.np_prepositions and j + 1 < stop:
            j = _prepositional_object_end(nt, tokens, j + 1, stop)
            continue
        if word.startswith("لل") and len(word) > 4:
            j = _prepositional_object_end(nt, tokens, j, stop)  # شركة "نجم" للحلول الرقمية
            continue
        if body and word.startswith("ل") and len(word) > 3 and j + 1 < stop and tokens[j + 1].text.startswith("ال") \
                and not derived_verbal_noun(word[1:]) and not holds(nt.norm[tokens[j].end : tokens[j + 1].start], ",،:؛;."):
            # a purpose ("… لتعزيز التعاون") is no part of the name
            j = _prepositional_object_end(nt, tokens, j, stop)  # "الاتحاد العربي السعودي لكرة القدم"
            continue
        if _body_or_place_after_bi(m, word):
            j = _prepositional_object_end(nt, tokens, j, stop)  # "كلية الهندسة بجامعة الملك …", "… بالإمارات"
            continue
        name_end = _name_before_object(m, tokens, j, stop) if person_head else None
        if name_end is not None:
            j = name_end  # "… الإيرانية أمير سعيدي وجود …": plain words up to the object are a name
            named = True
            break
        if (not body or m.titles.match(tokens, j - 1, first_stems=False)) and is_forename(m, tokens[j]) and (
                j == start + known or not is_forename(m, tokens[j - 1])):
            j += _name_length(m, nt, tokens, j, stop)  # a title's holder: وزير الخارجية العراقي فؤاد حسين
            named = True
            break
        if person_head and not named and j > start + known and not _definite_or_joined(m, tokens, j) \
                and m.titles.match(tokens, j, first_stems=False):
            j += 1  # a second office after the first: "مدير الإدارة منسق الانتخابات المهندس …"
            definite = False
            continue
        nisba = adjective_like(word)
        if not definite and not named and not _definite_or_joined(m, tokens, j) and _bare_head(m, tokens, j - 1) \
                and _bare_head(m, tokens, j):
            j += 1  # a chain of heads in construct: "رئيس مجلس الأمة", "مدير إدارة المرور"
            continue
        if not definite and not named and (j == start + known or _bare_head(m, tokens, j - 1)) and word.startswith("ال"):
            definite = True  # a definite genitive: وزارة الخارجية, مصادر المعارضة
            j += 1
            continue
        if dual and not word.endswith(("ان", "ين")):
            break  # "أكد الجانبان الدعوة …": a dual takes no genitive, and its adjectives are dual too
        if definite and word.startswith("ال") and _opens_object(m, word):
            break  # "ورفض الوزير التعليق …", "وأكد الطرفان الاتفاق …": a verbal noun opens the verb's object
        if (definite and word.startswith("ال")) or (not definite and not named and nisba and not word.startswith("ال")):
            # after a name no indefinite adjective: "أكد محمد الشهري أهمية …" ends at the name
            j += 1
            continue
        if body and j == start + known and not definite and _foreign_body_name(m, tokens[j]) \
                and not is_document_word(m, first) and (_subject_ends_at(m, nt, tokens, j + 1, stop) or (
                    j + 1 < stop and tokens[j + 1].text.startswith("ال") and adjective_like(tokens[j + 1].text))):
            j += 1  # "شركة أرامكو", "بنك باركليز": a body's own name no list knows, when the phrase ends
            # there or its adjectives follow ("شركة أرامكو السعودية"); not "شركة هوندا موتور …"
            while j < stop and tokens[j].text.startswith("ال") and adjective_like(tokens[j].text) \
                    and not holds(_gap(nt, tokens[j - 1], tokens[j]), ",،:؛;."):
                j += 1
            if j + 1 < stop and tokens[j].text.startswith("ل") and not tokens[j].text.startswith("ال") \
                    and tokens[j + 1].text.startswith("ال") and not holds(_gap(nt, tokens[j - 1], tokens[j]), ",،:؛;."):
                j = _prepositional_object_end(nt, tokens, j, stop)  # "نادي مارسيليا الفرنسي لكرة القدم"
            break  # "وتبنى تنظيم داعش الهجوم …": the verb's object follows the name
        break
    if person_head and not named and j < stop:
        j = _holder_ahead(m, nt, tokens, j, stop) or j
    return j


def _opens_object(m: Matchers, word: str) -> bool:
    """A definite word that can only be a verbal noun or a word opening an object, never a family name:
    تفعيل (التعليق، التأكيد), افتعال / استفعال (الاتفاق، الاستمرار), or a listed object starter."""
    plain = bare(word)
    return tafil_verbal_noun(plain) or derived_verbal_noun(plain) or plain in m.lexicon.object_starters \
        or m.is_verbal_noun(word)


def _foreign_body_name(m: Matchers, token: Token) -> bool:
    """A word after a body's head that can only be its name: no article, no adjective ending, no word that
    opens an object or names a thing said (تسليم، مقتل، تعاقدها), no preposition, number or particle."""
    word = token.text
    return len(word) >= 4 and not word.startswith(("ال", "و", "ب", "ل", "ف")) and not adjective_like(word) \
        and not word.isdigit() and bare(word) not in m.lexicon.object_starters \
        and bare(without_object_pronoun(word)) not in m.lexicon.object_starters and not derived_verbal_noun(word) \
        and not m.is_verbal_noun(word) and not m.is_participle(word) and m.verb(word) is None \
        and word not in _NEVER_A_NAME and not word.endswith(("ة", "ات")) and not is_forename(m, token) \
        and not (len(word) <= 4 and word.endswith("ت"))  # "بيانات صدرت …": a past verb, not a name


def _holder_ahead(m: Matchers, nt: NormText, tokens: Sequence[Token], j: int, stop: int) -> int | None:
    """End of an office holder's name a few words past where the grammar stopped, or None.

    A long chain of offices and bodies names its holder last ("رئيس جمعية سيهات الخيرية عبدالرؤوف
    المطرود", "الناطق الإعلامي بشرطة منطقة مكة المكرمة العقيد دكتور عاطي بن عطية القرشي"); the grammar
    cannot read every body's name on the way, but a rank or a forename tells where the holder begins.
    Nothing on the way may belong to a clause (a verb, a complementizer, a preposition other than في,
    punctuation, an object), and the name must end where a subject ends.
    """
    for k in range(j, min(stop, j + _HOLDER_REACH)):
        word = tokens[k].text
        if holds(nt.norm[tokens[k - 1].end : tokens[k].start], ",،:؛;.\"()") or m.verb(word) or m.is_participle(word) \
                or complementizer_word(m, tokens, k) or (word in _BARE_PREPOSITIONS and word != "في") \
                or is_bare_preposition(tokens[k]) or bare(word) in m.lexicon.object_starters \
                or any(ch.isdigit() for ch in word):
            return None
        if word in m.lexicon.holder_titles:
            name = k + 1
            while name < stop and tokens[name].text in m.lexicon.holder_titles:
                name += 1  # "العقيد دكتور عاطي …"
        elif is_forename(m, tokens[k]) and tokens[k - 1].text not in _ROYAL:
            name = k  # not "مؤسسة الملك عبدالله": a king's name inside a body's
        else:
            continue
        if name >= stop or holds(nt.norm[tokens[name - 1].end : tokens[name].start], ",،:؛;.\"()"):
            return None
        end = name + _name_length(m, nt, tokens, name, stop)
        # "البائع نبيل مروان بالإقبال …", "… ماجد عبدالله ما تردد": the name ends before a particle or a preposition
        end = next((q for q in range(name + 1, end) if tokens[q].text in _NOT_IN_HOLDER_NAME or (
            tokens[q].text.startswith(("ب", "ل")) and len(tokens[q].text) > 3 and not is_forename(m, tokens[q]))), end)
        return end if _subject_ends_at(m, nt, tokens, end, stop) else None
    return None


def long_title_region(m: Matchers, nt: NormText, tokens: Sequence[Token], start: int, end: int) -> bool:
    """True when the words from ``start`` to ``end`` are one office holder's long title chain ending in
    the holder's rank or forename and name ("مساعد مدير الأمن العام … رئيس فريق العمل المكلف … في
    المملكة اللواء جمعان أحمد الغامدي"): no punctuation, verb or complementizer on the way (a word
    ending in ة is a verbal noun there, however a verb or participle it may spell)."""
    if end - start < 3 or not m.titles.match(tokens, start):
        return False
    for k in range(start, end):
        word = tokens[k].text
        verb = m.verb(word) and not word.endswith(("ة", "ات"))  # "ومتابعة سير عمل …" is a verbal noun
        if (k > start and holds(nt.norm[tokens[k - 1].end : tokens[k].start], ",،:؛;.\"()")) or verb \
                or complementizer_word(m, tokens, k) or word in m.lexicon.mention_trailers or _is_channel(m, tokens, k):
            return False  # "… رحمه الله", "… في تصريحات صحفية أمس عقب لقائه …": more than a title chain
    return _holder_ahead(m, nt, tokens, max(start + 1, end - _HOLDER_REACH), end) == end


def definite_plural(word: str) -> bool:
    """A definite plural (المواطنين، المسؤولون، الجهات): never a family name (الأمين is one, so the
    stem must be long)."""
    return word.startswith("ال") and len(bare(word)) >= 6 and bare(word).endswith(("ين", "ون", "ات"))


def _subject_ends_at(m: Matchers, nt: NormText, tokens: Sequence[Token], end: int, stop: int) -> bool:
    """True when a subject may end right before ``end``: the phrase's limit, punctuation, a preposition,
    a complementizer, an adverb of time or a word that opens a noun object."""
    if end >= stop or holds(nt.norm[tokens[end - 1].end : tokens[end].start], ",،:؛;.\"(«"):
        return True
    word = tokens[end].text
    if word.startswith(("ب", "ل")) and len(word) > 3 and tokens[end - 1].text.startswith("ال"):
        return True  # "… عبدالرؤوف المطرود بدور …": after a family name, the verb's preposition
    if definite_plural(word) and tokens[end - 1].text.startswith("ال"):
        return True  # "… عبدالله العليان المواطنين …": a plural is no family name but the verb's object
    return word in _BARE_PREPOSITIONS or is_bare_preposition(tokens[end]) or complementizer_word(m, tokens, end) \
        or _is_channel(m, tokens, end) or bare(word) in m.lexicon.object_starters \
        or bare(without_object_pronoun(word)) in m.lexicon.object_starters


def _definite_or_joined(m: Matchers, tokens: Sequence[Token], k: int) -> bool:
    """A word with the article, or joined by و ("ووزير"); "وزير", "وكيل", "وكالة" begin with و of their own."""
    word = tokens[k].text
    return word.startswith("ال") or (word[:1] == "و" and not m.titles.match(tokens, k, first_stems=False)
                                     and not m.organization_heads.match(tokens, k, first_stems=False))


def _bare_head(m: Matchers, tokens: Sequence[Token], k: int) -> bool:
    """An office or a body's head without the article ("رئيس", "مجلس"): a genitive follows it."""
    return not tokens[k].text.startswith(("ال", "وال")) and bool(
        m.titles.match(tokens, k, first_stems=False) or m.organization_heads.match(tokens, k, first_stems=False))


def _body_or_place_after_bi(m: Matchers, word: str) -> bool:
    """"بجامعة", "بالإمارات", "بمنطقة": بـ + a body or a place, which locates the head before it."""
    if not word.startswith("ب") or len(word) < 5:
        return False
    rest = word[1:]
    place = [Token(0, 0, rest)]
    return bool(rest in m.lexicon.state_names or bare(rest) in _PLACE_HEADS
                or m.organization_heads.match(place, 0, first_stems=False))


def complementizer_word(m: Matchers, tokens: Sequence[Token], k: int, before: str | None = None) -> bool:
    """أن/إن/بأن at ``k`` (see :meth:`Matchers.is_complementizer`), but not the "بان" of "بان كي مون", which
    the unhamzated spelling of بأن would otherwise make a clause opener."""
    if tokens[k].text == "بان" and k + 1 < len(tokens) and tokens[k + 1].text == "كي":
        return False
    return m.is_complementizer(tokens[k].text, before)


def is_bare_preposition(token: Token) -> bool:
    """إلى and على, which look definite once normalised ("الي", "علي"); علي the name keeps its yaa."""
    return token.text == "الي" or (token.text == "علي" and token.alif_maqsura)


def _definite_then_name(m: Matchers, tokens: Sequence[Token]) -> bool:
    """"المواطن صالح العيسى": a definite singular head (and its adjectives) followed by two plain words is a
    person named."""
    if len(tokens) < 3 or not without_conjunction(tokens[0].text).startswith("ال"):
        return False
    first = 1
    while first < len(tokens) - 2 and tokens[first].text.startswith("ال") and adjective_like(tokens[first].text):
        first += 1  # "الناشط الإعلامي أنيس منصور": the head's adjectives come before the name
    name = tokens[first : first + 2]
    return all(not t.text.startswith("ال") or t is name[-1] for t in name) and not adjective_like(name[0].text) \
        and name[0].text not in m.lexicon.np_prepositions


def adjective_like(word: str) -> bool:
    """Nisba adjectives (روسي، محلية، أمريكيون) end like this; nouns rarely do."""
    return bare(word).endswith(("ي", "يه", "ية", "يون", "يين", "يان"))


def _name_before_object(m: Matchers, tokens: Sequence[Token], j: int, stop: int) -> int | None:
    """End of one to three plain words at ``j`` that run into a word opening a noun object.

    "… الإيرانية أمير سعيدي وجود …": the plain words are the office holder's name. Plain means
    no article or attached particle on the first, no adjective ending, no digits, and not itself
    a word that opens objects (صحة، تسجيل …).
    """
    first = tokens[j].text
    # an indefinite word ending like an adjective cannot describe a definite head: "المدرب سامي الجابر"
    if first.startswith(("ال", "و", "ب", "ل")) or (adjective_like(first) and not (
            j > 0 and without_conjunction(tokens[j - 1].text).startswith("ال"))):
        return None
    for k in range(j + 1, min(stop, j + 4)):
        plain = tokens[k - 1].text
        if k - 1 > j and _is_channel(m, tokens, k - 1) and bare(tokens[k].text) in m.lexicon.object_starters:
            return k - 1  # "الدكتور عبدالله البرقان اليوم وصول …": the adverb is no part of the name
        if any(ch.isdigit() for ch in plain) or bare(plain) in m.lexicon.object_starters or plain in _BARE_PREPOSITIONS \
                or is_bare_preposition(tokens[k - 1]) or plain.startswith(("ب", "ل", "و")):
            return None  # "أعرب الفنان عمر الجاسر عن بالغ سعادته", "كلمة بالمناسبة": no words of a name
        # the object opens: an event or position ("وجود …"), or a feeling ("… الشهراني اعتزازه"), which
        # the verb's reader then declines as content
        word = tokens[k].text
        if bare(word) in m.lexicon.object_starters or (m.is_feeling(word) and pronoun_suffixed(word)):
            return k
    return None


# the two parties of a meeting or an agreement: a dual takes no genitive ("أكد الجانبان الدعوة …")
_DUAL_HEADS = frozenset({"الجانبان", "الجانبين", "الطرفان", "الطرفين", "البلدان", "البلدين"})
# "عبد" / "أبو" + a word with the article make one name word: عبد الله، عبد الرحمن، أبو الفضل
_NAME_COMPOUNDERS = frozenset({"عبد", "ابو", "ابي"})
_ROYAL = frozenset(normalize_word(w) for w in ("الملك", "الأمير", "الأميرة", "الشيخ", "السلطان"))
# "بن"/"بنت" join a lineage, which may run past four words ("جلوي بن عبدالعزيز بن مساعد").
_LINEAGE = frozenset({"بن", "ابن", "بنت"})
# Demonstratives and complementizers end a name: "وأرجع حامد ذلك …", "… نورة ان تسجل".
_NEVER_A_NAME = frozenset(normalize_word(w) for w in ("ذلك", "هذا", "هذه", "تلك", "أن", "إن", "أنه", "إنه", "بأن"))


def _name_length(m: Matchers, nt: NormText, tokens: Sequence[Token], start: int, stop: int) -> int:
    """Words of a personal name from a forename at ``start``: up to four (more through a lineage of
    بن), ending before a preposition, punctuation, a demonstrative or complementizer, or a word that
    commonly opens a noun object (القبض، مقتل …)."""
    length = 1
    while start + length < stop and (length < 4 or tokens[start + length - 1].text in _LINEAGE):
        word = tokens[start + length].text
        gap = nt.norm[tokens[start + length - 1].end : tokens[start + length].start]
        if holds(gap, ",،:؛;.\"()") or word in _BARE_PREPOSITIONS or word in m.lexicon.object_starters \
                or word in _NEVER_A_NAME or derived_verbal_noun(word) or _is_channel(m, tokens, start + length):
            break
        length += 1
        if word.startswith("ال") and tokens[start + length - 2].text not in _NAME_COMPOUNDERS:
            break  # surnames often end in an article form: محمد الشاكر (but "عبد الله الفركز" goes on)
    return length


def state_length(m: Matchers, tokens: Sequence[Token], start: int, stop: int) -> int:
    """Words of a state's name at ``start`` ("مصر", "كوريا الشمالية"), or 0: a state speaks as a body."""
    if start >= stop:
        return 0
    states, word = m.lexicon.state_names, tokens[start].text
    # "واشنطن" is no و + اشنطن: the word as written first, then without a conjunction ("وأنقرة")
    for first in (word, without_conjunction(word)):
        if start + 1 < stop and f"{first} {tokens[start + 1].text}" in states:
            return 2
        if first in states:
            return 1
    return 0


def looks_like_source(m: Matchers, nt: NormText, tokens: Sequence[Token], start: int, stop: int,
                      exactly: bool = False) -> bool:
    """True when the words at ``start`` name a source the lexicons know (head, name, outlet, forename).

    "بحسب المصدر" is attribution; "بحسب الجدول المعتمد" is not. A known organization or outlet may sit
    within the next four words ("بحسب مصادر «نزاهة»"), unless ``exactly``: then the name must start at
    ``start`` ("فاجأ النادي الأهلي …" does not start a source at فاجأ).
    """
    if start >= stop:
        return False
    gap = nt.norm[tokens[start - 1].end : tokens[start].start] if start > 0 else ""
    if gap.strip().endswith('"') and not holds(gap, ",،.:"):
        return True  # a quoted name: بحسب "المرصد" (not the close of a quotation: «…»، كما أكد)
    if state_length(m, tokens, start, stop) or np_grammar(m, nt, tokens, start, stop) is not None \
            or has_forename(m, tokens[start : start + 2]) or m.affiliation_words.match(tokens, start):
        return True
    if exactly:
        return bool(m.organizations.match(tokens, start) or m.media.match(tokens, start))
    window = tokens[start : min(stop, start + 4)]
    return bool(m.organizations.find(window) or m.media.find(window))


def _prepositional_object_end(nt: NormText, tokens: Sequence[Token], k: int, stop: int) -> int:
    """End of the object of a preposition inside a noun phrase: a quoted name, or a word and its
    definite modifiers ("من "الجبهة الوطنية للتحرير"", "في الجيش الوطني السوري")."""
    if nt.norm[tokens[k - 1].end : tokens[k].start].endswith('"'):  # an opening quotation: a quoted name
        for j in range(k + 1, min(stop, k + 8)):
            if '"' in nt.norm[tokens[j - 1].end : tokens[j].start]:
                return j
        return k + 1
    j = k + 1
    head = tokens[k].text
    if j < stop and head[:1] in "بل" and head[1:] in _PLACE_HEADS and _place_name(tokens[j].text) \
            and not holds(_gap(nt, tokens[k], tokens[j]), ",،:؛;."):
        j += 1  # "بمنطقة عسير", "بمحافظة جدة": a place head and the place's own name
    while j < stop and tokens[j].text.startswith("ال") and not any(
            c in nt.norm[tokens[j - 1].end : tokens[j].start] for c in ",،:؛;."):
        j += 1
    return j


def _place_name(word: str) -> bool:
    """A word that can be a place's own name after منطقة/محافظة: no article, no attached particle, no digit,
    no adverb in ـاً ("غداً"), no noun carrying a pronoun."""
    return len(word) >= 3 and not word.startswith(("ال", "و", "ب", "ل", "ف")) and not word.isdigit() \
        and not pronoun_suffixed(word) and not word.endswith(("ا", "ً"))


def is_forename(m: Matchers, token: Token) -> bool:
    """A known forename (محمد، فاطمة، يحيى …), and not the preposition على (read as علي once normalised)."""
    return not (token.alif_maqsura and token.text == "علي") and m.is_forename(token.text)


def has_forename(m: Matchers, tokens: Sequence[Token]) -> bool:
    """True when a word of the phrase is a known forename."""
    return any(is_forename(m, t) for t in tokens)


def _holder_forename(m: Matchers, tokens: Sequence[Token]) -> bool:
    """A forename that names the one who speaks: not after الملك/الأمير (the name of a body, "مدينة الملك
    فهد الطبية", or the one the source is close to, "مقرب من الأمير محمد"), nor after a preposition."""
    return any(is_forename(m, t) and not (k > 0 and (tokens[k - 1].text in _ROYAL or tokens[k - 1].text in _BARE_PREPOSITIONS))
               for k, t in enumerate(tokens))


def _affiliation(m: Matchers, tokens: Sequence[Token], key: str | None, head: str) -> str | None:
    """Explicit words (longest, then earliest) win; then a known organization's or outlet's own
    affiliation; only then a state adjective on a state body ("وزير الخارجية السوري")."""
    best: tuple[int, int, str] | None = None  # (length, -position, affiliation)
    for position, length, value in m.affiliation_words.find(tokens):
        if length == 1 and _name_not_adjective(tokens, position):
            continue  # "الإعلامي تركي السيف": تركي is his name, not "Turkish"
        if length == 1 and tokens[position].text in m.definite_sides:
            continue  # "نظام روما", "أسد": without the article no side is named
        if length == 1 and _family_name_at(m, tokens, position):
            continue  # "العميد أحمد عبدالله التركي", "الدكتور التركي": a family name, not "the Turkish"
        if position > 0 and tokens[position - 1].text == "في" and (
                " ".join(t.text for t in tokens[position : position + length]) in m.lexicon.state_names):
            continue  # "زعيم الطائفة السنية في إيران", "سفير المملكة في واشنطن": where, not whose side
        candidate = (length, -position, value)
        best = candidate if best is None or candidate > best else best
    if best is not None:
        return best[2]
    if key is None:
        inner = m.organizations.find(tokens) or m.media.find(tokens)
        key = inner[0][2] if inner else None
    if key is not None:
        return m.lexicon.affiliation_keys.get(key)
    government = m.lexicon.government_heads
    if head in government or any(bare(t.text) in government for t in tokens[:2]):
        for position, length, value in m.government_words.find(tokens):
            if position > 0:
                return value
    return None


def _family_name_at(m: Matchers, tokens: Sequence[Token], position: int) -> bool:
    """A definite nisba right after a forename ("أحمد عبدالله التركي", "اللواء منصور التركي") or a title its
    holder's name follows ("الدكتور التركي"): the family name, not an adjective ("وكالة دوغان التركية" keeps it)."""
    if position == 0 or not tokens[position].text.startswith("ال"):
        return False
    return without_conjunction(tokens[position - 1].text) in m.lexicon.holder_titles \
        or is_forename(m, tokens[position - 1])


def _holder_named(m: Matchers, tokens: Sequence[Token]) -> bool:
    """"اللواء الغامدي", "العميد أحمد": a word that is both a body and a rank, then its holder's name (a
    forename, or a family name in ي that names no side: not "اللواء السوري")."""
    if len(tokens) < 2:
        return False
    second = without_conjunction(tokens[1].text)
    family = second.startswith("ال") and second.endswith(("ي", "ون")) and not (
        m.affiliation_words.match(tokens, 1) or m.government_words.match(tokens, 1)
        or second in m.lexicon.sector_adjectives)
    plain = not second.startswith(("ال", "ب", "ل")) and not adjective_like(second) \
        and not any(ch.isdigit() for ch in second)
    # "اللواء جمعان الغامدي": a plain word and a family name with the article
    full_name = len(tokens) == 3 and plain and tokens[2].text.startswith("ال")
    # "اللواء ملائكة": one plain word after the rank, which a body's name would not be ("لواء القدس" has no article)
    one_name = len(tokens) == 2 and plain and tokens[0].text.startswith(("ال", "وال")) and len(second) > 3 \
        and not second.startswith("و") and second not in m.lexicon.np_prepositions
    return family or full_name or one_name or has_forename(m, tokens[1:3])


# Words after an indefinite title that keep it indefinite: "وكيل سابق لـ…", "ناطق باسم …", "ضابط في …".
_INDEFINITE_AFTER_TITLE = frozenset(normalize_word(w) for w in (
    "سابق", "سابقة", "آخر", "أخرى", "بارز", "بارزة", "رفيع", "رفيعة", "كبير", "كبيرة", "باسم", "في", "من", "لدى"))


def _unnamed_holder(m: Matchers, nt: NormText | None, tokens: Sequence[Token]) -> bool:
    """An indefinite title that names nobody ("وكيل سابق لوزارة العدل", "ناطق باسم الجيش", "سناتور جمهوري"):
    one of many who hold it, not a person the reader could look up (guidelines 2, named_person), unlike
    "وزير الخارجية التركي", whose office is definite."""
    first = without_conjunction(tokens[0].text)
    if len(tokens) < 2 or first.startswith("ال") or pronoun_suffixed(first) or has_forename(m, tokens):
        return False
    second = tokens[1].text
    # a nisba adjective in ي ("سناتور جمهوري", "مسؤول أمريكي"); not a noun ("رئيس نادي …", "مدير مستشفى …",
    # "رئيس بلدية …"), after which the office is definite
    nisba = second.endswith("ي") and len(second) >= 5 and not tokens[1].alif_maqsura and not second.startswith("ال")
    if not (second in _INDEFINITE_AFTER_TITLE or nisba
            or (m.affiliation_words.match(tokens, 1) and not second.startswith("ال"))):
        return False
    return not (_holder_named(m, tokens) or (nt is not None and _holder_named_last(m, nt, tokens)))


def _holder_named_last(m: Matchers, nt: NormText, tokens: Sequence[Token]) -> bool:
    """The mention ends in a name (:func:`_ends_in_name`) of the one who holds its first office, not of the
    office he speaks for ("متحدث باسم وزير الخارجية الإيطالي باولو جنتيلوني" names the minister;
    "متحدث باسم الجيش العقيد أحمد عسيري" the spokesman)."""
    names_another = len(tokens) > 3 and tokens[1].text == "باسم" and not tokens[2].text.startswith("ال") \
        and bool(m.titles.match(tokens, 2, first_stems=False))
    return not names_another and _ends_in_name(m, nt, tokens)


def unnamed_group(word: str) -> bool:
    """A plural of people no lexicon knows: a nisba ("فلكيون", "الاقتصاديون") or a participle's sound plural
    ("متخصصون", "عاملين"); other plurals in ون are often surnames."""
    definite = without_conjunction(word).startswith("ال")
    word = bare(without_conjunction(word))
    if len(word) > 4 and word.endswith(("يون", "يين")):
        return True  # "بنجلون", "الرحمون" are surnames
    if definite and len(word) == 6 and word[1] == "ا" and word.endswith("ون"):
        return True  # "العارضون": a فاعلون plural with the article (bare, "جاكسون" is a name)
    # a participle's sound plural: "متخصصين في …", "مختصون", "عاملين في قطاع …" (not "مارتين", "جاكسون")
    return (len(word) >= 6 and word[0] == "م" and word[1] != "ا" and word.endswith(("ين", "ون"))) or (
        len(word) == 6 and word[1] == "ا" and word.endswith("ين")) or _plural_in_construct(word)


def _plural_in_construct(word: str) -> bool:
    """A participle's sound plural before its genitive: "مديرو التعليم", "موظفو الشركة", "مصابو التفجير"
    (not "ماريو", "ماركو", "مورينيو": names have ا second or end in يو)."""
    return len(word) >= 5 and word[0] == "م" and word[1] != "ا" and word.endswith("و") and not word.endswith("يو")


def _name_not_adjective(tokens: Sequence[Token], position: int) -> bool:
    """An indefinite nisba word (تركي، مصري) that cannot be an adjective: after a definite word, whose
    adjective would be definite too (الإعلامي التركي), or first in a mention before another word."""
    word = without_conjunction(tokens[position].text)
    if word.startswith("ال") or not adjective_like(word):
        return False  # "بيسكوف" names a side by itself wherever it stands
    if position == 0:
        return len(tokens) > 1
    return without_conjunction(tokens[position - 1].text).startswith("ال")


def _gender(m: Matchers, head: str, type_: str, first: str) -> str:
    word, lexicon = bare(head), m.lexicon
    if word in lexicon.feminine_names or first in lexicon.feminine_names:
        return "f"
    if type_ == "named_person":
        # a person is one person: "الرحمون" ends like a plural but is a surname; "أم أحمد" is a woman
        # ("عبدالله", "عطالله", "عبدالإله" end in ه but are men's names)
        feminine = word.endswith(("ه", "ة")) and word not in lexicon.masculine_names_in_ta \
            and not word.startswith("عبد") and not word.endswith(("الله", "لله", "اله"))
        return "f" if feminine or without_conjunction(first) in lexicon.woman_words else "m"
    if word.endswith(("ون", "ين")) or word in lexicon.plural_heads:
        return "pl"
    if word.endswith(("ه", "ة", "ات")) or word in lexicon.feminine_plural_heads:
        return "f"
    return "m"


def _head(m: Matchers, word: str) -> str:
    """The head noun of a mention's first word: the reading the lexicon knows (وزارة, not زارة)."""
    indexes = (m.organization_heads, m.media_heads, m.titles, m.local, m.organizations, m.media)
    for stem in stems(word):
        if bare(stem) in m.lexicon.anonymous_heads or any(index.starts_with(stem) for index in indexes):
            return stem
    plain = without_conjunction(word) if without_conjunction(word).startswith("ال") else word
    return plain


def _ends_in_name(m: Matchers, nt: NormText, tokens: Sequence[Token]) -> bool:
    """A definite chain followed by a two-word name: "… مجلس النواب العراقي كاظم الفريجي".

    The first name word has no article, no attached preposition, no adjective ending and is
    no known organization, outlet or side; neither word sits inside quotation marks or brackets.
    """
    for k in range(2, len(tokens) - 1):
        word, before, after = tokens[k].text, tokens[k - 1].text, tokens[k + 1]
        gaps = nt.norm[tokens[k - 1].end : tokens[k].start] + nt.norm[tokens[k].end : after.start]
        # "… المصري متولي أبو سريع": a name ending like an adjective, known by the name particle after it
        # ("… الملتقيات زكية الخضراوي": a forename in ية before a family name and nothing more)
        name_like = not adjective_like(word) or after.text in _NAME_PARTICLES or (
            k + 2 == len(tokens) and after.text.startswith("ال") and adjective_like(after.text))
        # a word in بـ names someone unless it reads "in a body or a place": "… التنظيمي بريك القرني", not "بمنطقة …"
        attached = word.startswith(("ال", "و", "ل", "ك", "ف")) or (word.startswith("ب") and (
            len(word) < 4 or word.startswith("بال") or _body_or_place_after_bi(m, word)))
        if (before.startswith("ال") and not attached
                and name_like and not holds(gaps, '"()،,')
                and word not in m.lexicon.np_prepositions and word not in _BARE_PREPOSITIONS
                and not (m.organizations.match(tokens, k) or m.media.match(tokens, k)
                         or m.affiliation_words.match(tokens, k) or m.anonymity.match(tokens, k)
                         or m.local.match(tokens, k) or m.is_verbal_noun(word))):
            return True
    return False


_GROUP_WORDS = frozenset(normalize_word(w) for w in ("كبار", "قسم", "عدم", "قائمة"))
_OF_A_BODY = frozenset(normalize_word(w) for w in ("من", "في", "لدى"))  # "X من جامعة …": X belongs to the body


def _one_of_its_people(m: Matchers, tokens: Sequence[Token], body_at: int) -> bool:
    """True when the words before the body at ``body_at`` name one person of it: they open with a word that
    may be a name (no article, pronoun, plural or group word) and reach the body through من/في/لدى or an
    apposition (وهو عالم في …)."""
    first = without_conjunction(tokens[0].text)
    if first.startswith(("ال", "ب", "ل")) or pronoun_suffixed(first) or len(first) < 3 or first.isdigit() \
            or first.endswith(("ون", "ين", "ات", "و")) or m.is_anonymous_head(first) or first in DEMONSTRATIVES \
            or first in m.lexicon.some_of or first in m.lexicon.one_of or first in _GROUP_WORDS \
            or unnamed_group(first) or is_document_word(m, first) or derived_verbal_noun(bare(first)) \
            or m.organization_heads.match(tokens, 0) or m.media_heads.match(tokens, 0):
        return False  # not "كبار المسؤولين في …", "قسم النفس في جامعة …", "استبيان حول …", "عدم الدقة في …"
    return any(t.text in _OF_A_BODY or t.text in {"وهو", "وهي"} for t in tokens[1:body_at])


def _later_type(m: Matchers, tokens: Sequence[Token], i: int) -> str | None:
    """The type a word inside an unknown mention reveals: "روجر برايس رئيس شركة …" is a person (a title
    after the name comes before the company it heads), "تقديرات المفوضية" an organization."""
    if m.titles.match(tokens, i, first_stems=False) and not tokens[i].text.startswith("لل"):
        return "named_person"
    if m.organizations.match(tokens, i) or m.organization_heads.match(tokens, i):
        return "organization"
    outlet = m.media.match(tokens, i)
    if (outlet and (outlet[0] > 1 or not tokens[i].text.startswith("ال"))) or m.media_heads.match(tokens, i):
        return "media"  # not "مسكن العربية": an outlet's one-word name after another word is an adjective
    word = tokens[i].text
    if word.startswith("لل") and len(word) > 5 and not has_forename(m, tokens[:i]) and word[2:] in _TRADES:
        return "organization"  # "مسكن العربية للاستثمار والتطوير العقاري": what a company does
    return None


def _body_plural(tokens: Sequence[Token]) -> bool:
    """A definite plural in ات heads the mention ("الجوازات", "النقابات"): a body or its offices, not a
    woman named by her family name ("وقالت العسيري")."""
    word = without_conjunction(tokens[0].text)
    return word.startswith("ال") and word.endswith("ات") and len(word) > 5


def _definite_feminine(tokens: Sequence[Token]) -> bool:
    """A definite singular in ة heads the mention ("المبادرة", "العمادة"): with a feminine verb a body, not a
    family name ("وقال الربيعة" keeps its masculine verb)."""
    word = without_conjunction(tokens[0].text)
    # adjectives only ("الحصيلة السابقة", agreeing in ة), not "المتطوعة منال الشمري"
    alone = all(t.text.startswith("ال") and (adjective_like(t.text) or t.text.endswith("ة")) for t in tokens[1:])
    return word.startswith("ال") and word.endswith("ة") and len(word) > 4 and alone


# What a company or a body does, after لـ in its name ("… للاستثمار", "… للخدمات الطبية").
_TRADES = frozenset(normalize_word(w) for w in (
    "استثمار", "تطوير", "تنمية", "تجارة", "صناعات", "صناعة", "خدمات", "اتصالات", "تأمين", "مقاولات", "نقل",
    "طيران", "بتروكيماويات", "إسمنت", "أسمنت", "تعدين", "طاقة", "تقنية", "إعلام", "تسويق", "عقارات", "سياحة",
    "تمويل", "أغذية", "إنشاءات", "تدريب", "أبحاث", "دراسات", "استشارات", "حلول", "صرافة", "شحن", "ملاحة",
))

DEMONSTRATIVES = frozenset({"هذا", "هذه", "هذان", "هاتان", "هذين", "هاتين", "تلك", "ذلك", "هؤلاء", "اولئك"})


def is_document_word(m: Matchers, word: str) -> bool:
    """A document head of the lexicon ("القرار", "وبيان", "قراره"), also indefinite ("قراراً")."""
    heads = m.lexicon.document_heads
    return any(stem in heads for stem in stems(word)) or (word.endswith("ا") and word[:-1] in heads)


def _is_document(m: Matchers, tokens: Sequence[Token]) -> bool:
    """A mention headed by a document, or by a demonstrative and a document ("هذه القرارات")."""
    return is_document_word(m, tokens[1].text if len(tokens) > 1 and tokens[0].text in DEMONSTRATIVES else tokens[0].text)


def _nobody_named_after(m: Matchers, nt: NormText | None, tokens: Sequence[Token]) -> bool:
    """True when the words after a kind of person name nobody: none, or a definite or adjective word
    first ("الطبيب المختص", "زوجة مصرية") and no name further on ("والد الشهيد الشيخ ناصر بشيري")."""
    if len(tokens) > 1 and not (tokens[1].text.startswith("ال") or adjective_like(tokens[1].text)
                                or is_bare_preposition(tokens[1]) or tokens[1].text in m.lexicon.np_prepositions):
        return False  # "الطالب جمال", "البائع نبيل مروان": a plain word after it is a name
    return not (has_forename(m, tokens[1:]) or _definite_then_name(m, tokens) or _holder_named(m, tokens)
                or m.titles.match(tokens, 1) or (nt is not None and _ends_in_name(m, nt, tokens)))


_BODY_NAME_REACH = 5000  # code points looked back for "شركة X" before a bare "X"


def named_as_a_body_before(m: Matchers, nt: NormText, start: int, end: int) -> bool:
    """True when the name at ``[start, end)`` came earlier right after the indefinite head of a body
    ("تسعى شركة جازبروم …" then "وقالت "جازبروم" …"): the press names a company by its name alone."""
    name = nt.norm[start:end]
    if name.startswith("ال"):
        return False  # "البداد": a family name as often as a company's
    # a bounded look back (the nearest few occurrences in the last few thousand characters): the cost of a
    # mention must not grow with the length of the text
    floor = max(0, start - _BODY_NAME_REACH)
    found = nt.norm.rfind(name, floor, start)
    for _ in range(8):
        if found <= floor:
            return False
        before = nt.norm[max(floor, found - 40) : found].rstrip(' "')
        head = before[before.rfind(" ") + 1 :]
        if head in m.lexicon.named_body_heads or (head[:1] in "وب" and head[1:] in m.lexicon.named_body_heads):
            return True
        found = nt.norm.rfind(name, floor, found)
    return False


def _quoted_definite_word(nt: NormText, tokens: Sequence[Token]) -> bool:
    """One definite word in quotation marks ("«الصحة»"): the press's short name of a body, not a person."""
    start, end = tokens[0].start, tokens[-1].end
    return len(tokens) == 1 and tokens[0].text.startswith("ال") and start > 0 and end < len(nt.norm) \
        and nt.norm[start - 1] == '"' and nt.norm[end] == '"'


_WITH_RANK = frozenset(normalize_word(w) for w in ("برتبة", "برتبه"))  # "ضابط في الشرطة برتبة عقيد"
_CLOSE_TO = frozenset(normalize_word(w) for w in ("مقرب", "مقربة", "مقربون", "مقربين", "مطلع", "مطلعة", "مطلعون",
                                                   "مطلعين"))  # "مصدر مقرب من الرئيس هادي": whom it is close to


def _family_name_shape(word: str) -> bool:
    """A definite word ending in the nisba ي, the shape of a family name ("القحطاني", "الشهري")."""
    return word.startswith("ال") and word.endswith("ي") and len(word) >= 6


def classify(m: Matchers, tokens: Sequence[Token], named_in_apposition: bool = False,
             nt: NormText | None = None, verb_gender: str = "") -> SourceInfo:
    """Type, affiliation, entity key and gender of a mention from its words.

    ``named_in_apposition``: the mention ends in a name set off by commas ("عضو المجلس، منصور
    الفيتوري"), which makes it a named person whatever its head.
    """
    if len(tokens) > 1 and tokens[-1].text in SAME:
        tokens = tokens[:-1]  # "المصدر نفسه" is typed as "المصدر"
    if len(tokens) > 1 and tokens[0].text in _SAME_BEFORE:
        tokens = tokens[1:]  # "نفس المصدر" too
    if len(tokens) > 1 and without_conjunction(tokens[0].text) in DEMONSTRATIVES and m.is_anonymous_head(tokens[1].text):
        tokens = tokens[1:]  # "هذا المصدر", "هؤلاء المحللون" are typed as what they point back to
    if not tokens or tokens[0].text.isdigit():
        # "43 % منهم", "19 % من المستخدمين": a share of a surveyed group speaks, nobody named
        return SourceInfo("anonymous", None, None, "", "pl", False)
    first_word = without_conjunction(tokens[0].text)
    part_of = quantifier_length(m, tokens, 0, len(tokens))  # "أحد …", "عدد من الأهالي", "عدد كبير من المواطنين"
    if len(tokens) > 1 and first_word in m.lexicon.counts:
        part_of = 2 if len(tokens) > 2 and tokens[1].text == "من" else 1  # "ثلاثة مسؤولين", "اثنان من السكان"
    if part_of:
        # "أحد أقارب الضحية", "عدد من الاختصاصيين": typed by the group; a group no lexicon knows is unnamed
        info = classify(m, tokens[part_of:], named_in_apposition, nt)
        if info.type == "named_person" and not info.confident:
            info = SourceInfo("anonymous", info.affiliation, info.key, info.head, "pl", False)
        return info
    first = tokens[0].text
    if len(tokens) == 2 and without_conjunction(first) in m.lexicon.some_of and tokens[1].text in _OTHER:
        return SourceInfo("anonymous", None, None, bare(without_conjunction(first)), "pl", False)  # "مجموعة أخرى"
    head = _head(m, first)
    org = m.organizations.match(tokens, 0)
    outlet = m.media.match(tokens, 0)
    key = org[1] if org else outlet[1] if outlet else None
    # "مصادر محلية" is local; "مسؤول في المجلس المحلي" is not: the marker must be the head or its adjective
    has_local = bool(m.local.match(tokens, 0) or (len(tokens) > 1 and m.local.match(tokens, 1)))
    confident = True
    definite_title = without_conjunction(first).startswith("ال") and m.titles.match(tokens, 0)
    if m.is_anonymous_head(first) and not definite_title:
        type_ = "local" if has_local else "anonymous"
        if (first.startswith(("ال", "وال")) and len(tokens) > 1 and not tokens[1].text.startswith(("ال", "وال"))
                and not adjective_like(tokens[1].text) and tokens[1].text not in m.lexicon.np_prepositions):
            type_ = "named_person"  # "المهندس سالم بوزيد": a definite profession and a name; not "الأئمة والخطباء"
        if _holder_forename(m, tokens[1:]) and not any(t.text in _CLOSE_TO for t in tokens[1:3]):
            type_ = "named_person"  # خبير الطقس محمد الشاكر; not "مصدر بمدينة الملك فهد الطبية", "مقرب من الأمير محمد"
    elif m.local.match(tokens, 0):
        type_ = "named_person" if has_forename(m, tokens[1:]) or _definite_then_name(m, tokens) else "local"
        # الناشط المدني سامر الحلبي، المواطن صالح العيسى
    elif org and not outlet and not (definite_title and _holder_named(m, tokens)):
        type_ = "organization"  # a body the lexicon names, though its name opens like an outlet: "وكالة موديز"
    elif outlet or m.media_heads.match(tokens, 0) or m.media_heads.starts_with(without_conjunction(first).removesuffix("نا")):
        type_ = "media"  # "مراسلنا" is the outlet's own correspondent
    elif (org or m.organization_heads.match(tokens, 0) or m.lexicon.state_names & {
            " ".join(t.text for t in tokens[:2]), tokens[0].text} or (
            len(tokens) == 2 and tokens[1].text[:1] == "و" and state_length(m, tokens, 1, 2))) \
            and not (definite_title and _holder_named(m, tokens)):
        # a state speaks as a body: "البحرين: …", "جنوب السودان تعلن …", two capitals "الرياض وباريس: …"
        type_ = "organization"
    elif m.titles.match(tokens, 0) or has_forename(m, tokens) or (first in _CHIEF and len(tokens) > 2):
        # "كبير أمناء مجلس الوزراء يوشيهيدي سوجا": كبير heading the phrase is a chief, an office
        type_ = "anonymous" if _unnamed_holder(m, nt, tokens) else "named_person"
    elif _is_document(m, tokens):
        type_ = "organization"  # "قراراً يقضي بـ…", "هذه القرارات": documents speak as bodies (guidelines 6)
    elif len(tokens) > 1 and without_conjunction(first).strip('"') in m.lexicon.directorates:
        type_ = "organization"  # "صحة الأحساء", "«صحة» الرياض": a ministry's directorate in the region
    else:
        at, later = next(((i, t) for i, t in enumerate(tokens[1:], 1) for t in [_later_type(m, tokens, i)] if t),
                         (0, None))
        if later in {"organization", "media"} and _one_of_its_people(m, tokens, at):
            later = "named_person"  # "أكيرا اوهتسورو من جامعة فوكوشيما", "جيف كوفلين وهو عالم في …": one of its people
        type_ = later or ("anonymous" if unnamed_group(first) else "named_person")
        # "تقديرات المفوضية" → organization; "فلكيون" → an unnamed group; else most often a name
        if type_ == "named_person" and verb_gender == "f" and (_body_plural(tokens) or _definite_feminine(tokens)):
            type_ = "organization"  # "وأوضحت الجوازات …", "وأكدت المبادرة …": a body no lexicon knows, with a feminine verb
        if type_ == "named_person" and nt is not None and _quoted_definite_word(nt, tokens) \
                and not (verb_gender == "m" and _family_name_shape(tokens[0].text)):
            type_ = "organization"  # "«التعليم» تؤكد …": a ministry or body by its short name; not 'وأضاف "الشهري"'
        if type_ == "named_person" and "." in first:
            type_ = "organization"  # "إتش.إس.بي.سي", "جيه.بي مورجان": initials name a company or a body
        confident = False
    if named_in_apposition and type_ in {"anonymous", "local", "organization"}:
        type_, confident = "named_person", True
    if type_ == "named_person" and any(length > 1 for _, length, _ in m.anonymity.find(tokens)) \
            and not has_forename(m, tokens):
        type_ = "anonymous"  # "نائب آخر طلب عدم الكشف عن اسمه"
    if type_ == "anonymous" and nt is not None and _holder_named_last(m, nt, tokens) \
            and not any(t.text in _WITH_RANK for t in tokens):
        type_ = "named_person"  # "عضو اللجنة المالية في مجلس النواب العراقي كاظم الفريجي"; "ضابط برتبة عقيد" names nobody
    if type_ == "named_person" and bare(without_conjunction(first)) in m.lexicon.generic_persons \
            and (len(tokens) > 1 or without_conjunction(first).startswith("ال")) and _nobody_named_after(m, nt, tokens):
        type_ = "anonymous"  # "نجل المرسل إليه", "الطبيب المختص": a kind of person, nobody named
    if type_ in {"named_person", "organization"} and len(tokens) > 1 and not (org or outlet) \
            and without_conjunction(first) not in m.lexicon.state_names \
            and _plural_in_construct(bare(without_conjunction(first))) and not has_forename(m, tokens):
        type_ = "anonymous"  # "موظفو الشركة", "مفاوضو الدول": people of the body or in the role, nobody named
    if len(tokens) > 1 and bare(first) in _REPORT_HEADS and (
            bare(tokens[1].text) in _PRESS_ADJECTIVES or (bare(first) != "وسائل" and (
                m.media.match(tokens, 1) or (len(tokens) == 2 and m.affiliation_words.match(tokens, 1))))):
        # "تقارير صحفية", "وسائل إعلامية", "تقرير «وول ستريت جورنال»", "تقرير أمريكي": the press speaks
        # ("المكتب الإعلامي" is its body's)
        type_ = "media"
    if len(tokens) == 1 and without_conjunction(first) in _BARE_REPORTS:
        type_ = "media"  # "وتفيد تقارير بأن …": reports with no body named are the press's
    if key is None and type_ in {"organization", "media"}:
        for index in (m.organizations, m.media):
            found = index.find(tokens)
            if found:
                key = found[0][2]
                break
    affiliation = _affiliation(m, tokens, key, bare(head))
    if not confident and type_ == "named_person" and affiliation is not None and key is None \
            and not m.affiliation_words.match(tokens, 0):
        affiliation = None  # "بشيكتاش التركي", "جوميز الألماني": a club's or a player's country is no side
    return SourceInfo(type_, affiliation, key, bare(head), _gender(m, head, type_, first), confident)
