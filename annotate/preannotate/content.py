"""Claim content: where it starts and ends, and whether it is a direct quotation.

Direct content is what an opening quotation mark encloses, to its closing mark even across
sentences, or, when it never closes, to the end of the paragraph or the sentence before one that
opens with a new cue. Indirect content runs to the
end of the sentence but stops before a new attribution ("، مضيفاً أن …", "، بحسب …").
Spans exclude enclosing quotation marks, final punctuation and surrounding spaces.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import attrgetter

from annotate.preannotate.matchers import Matchers
from annotate.preannotate.segment import PUNCTUATION, SENTENCE_END, Sentence, closing_quote, holds
from annotate.preannotate.segment import tokens as words_between
from annotate.preannotate.sources import looks_like_source
from annotate.preannotate.text import NormText
from annotate.preannotate.words import (
    BUT_THAT,
    NEGATIONS,
    RELATIVE_PRONOUNS,
    bare,
    derived_verbal_noun,
    pronoun_suffixed,
    without_conjunction,
    without_object_pronoun,
)

_LEADING = set("،,:;؛-–—ـ.")
_TRAILING = set(".,،:;؛!?؟…-–—ـ ") | {"\n", "\t"}
# "… فيما أعلنت مصادر …" without a comma: a new attribution (not "كما", which also means "as").
_CONTRAST_CONNECTIVES = frozenset({"فيما", "بينما", "وفيما", "وبينما"})
_BUT = frozenset({"لكن", "ولكن"})
_NOT_A_SPEAKER = frozenset({"هناك", "هنا", "هذا", "هذه", "ذلك", "تلك", "ما", "من", "في", "الامر"})
BUT_HE = frozenset({"لكنه", "ولكنه", "لكنها", "ولكنها", "لكنهم", "ولكنهم"})  # "but he/she/they"
# "… تعرض للسخرية، ما أثار غضب …": after a comma and before a past verb, the consequence the writer tells
_CONSEQUENCE = frozenset({"ما", "مما", "ومما"})
# "… وهو ما رفضته طهران", "…، الأمر الذي يصعب …": the writer comments on what was said
_COMMENT_OPENERS = frozenset({("وهو", "ما"), ("وهي", "ما"), ("الامر", "الذي"), ("وهذا", "ما")})
# "… "العشاء جاهز" فلم تفهم …": after a closing quotation, و/ف + one of these starts the writer's narration
_NARRATION_PARTICLES = frozenset({"لم", "لن", "قد", "كان", "كانت", "ما", "بعد"})
_BRACKETS = {"(": ")", "{": "}"}
EXALTED = frozenset({"تعالي", "تعالى", "سبحانه"})  # "قال تعالى": a verse follows
# two words that, before a reporting verb, hand the sentence back to the writer with no comma
_TURN_PAIRS = frozenset({("في", "وقت"), ("وفي", "وقت"), ("في", "حين"), ("دون", "ان"), ("من", "دون")})
# "… خلال الأشهر المقبلة حيث قالوا إنهم …": with no comma, "حيث" and a reporting verb with its clause
_WHEREBY = frozenset({"حيث", "وحيث"})
# "من جهته أكد …" / "من جانبها قالت …": the words that hand the turn to a new speaker
_ASIDE_TURN = {"من": frozenset({"جهته", "جهتها", "جانبه", "جانبها", "ناحيته", "ناحيتها", "جهتهم", "جانبهم"})}
_COMPLEMENTIZER_BEFORE_QUOTE = re.compile(r'[بف]?[اإأ]ن(?:ه|ها|هم)?\s*(?=")')
_COMPLEMENTIZER_BEFORE_WORD = re.compile(r"[بف]?[اإأ]ن(?:ه|ها|هم)?\s+")
_QUOTE_THEN_COMPLEMENTIZER = re.compile(r'"[بف]?ان(?:ه|ها|هم)?\s+')
_COMPLEMENTIZER_IN_BRACKETS = re.compile(r"ب?[اإأ]ن(?:ه|ها|هم)?\s+")
_start = attrgetter("start")
_COORDINATED = re.compile(r"[،,]?\s*و(?:ان|بان|انه|انها|انهم)\b")


def trim(nt: NormText, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` without surrounding spaces, leading and final punctuation, or a stray quotation mark."""
    text = nt.norm
    while start < end and (text[start].isspace() or text[start] in _LEADING):
        start += 1
    while end > start and (text[end - 1] in _TRAILING or text[end - 1].isspace()):
        end -= 1
    # A quotation mark left at the end that was never opened inside the span is not content.
    if end > start and text[end - 1] == '"' and text.count('"', start, end) % 2 == 1:
        end -= 1
        while end > start and (text[end - 1] in _TRAILING or text[end - 1].isspace()):
            end -= 1
    if end > start and text[start] == '"' and text.count('"', start, end) % 2 == 1:
        start += 1
    return (start, end) if end > start else None


def closing_quote_at_end(nt: NormText, span: tuple[int, int]) -> bool:
    """True when the quotation opening ``span`` closes exactly at its end."""
    close = closing_quote(nt, span[0], span[1])
    return close == span[1] - 1


def mention_span(nt: NormText, start: int, end: int) -> tuple[int, int]:
    """A mention's span, keeping a closing quotation mark or bracket that was opened inside it."""
    text = nt.norm
    if text.count('"', start, end) % 2 == 1 and end < len(text) and text[end] == '"':
        end += 1
    if text.count("(", start, end) > text.count(")", start, end) and end < len(text) and text[end] == ")":
        end += 1
    return start, end


def _after_quote_is_boundary(nt: NormText, m: Matchers, s: Sentence, close: int) -> bool:
    """True when what follows a closing quotation ends the content (punctuation, a new cue, the end)."""
    rest = nt.norm[close + 1 : min(s.paragraph[1], close + 200)]  # a bounded look: a paragraph may be a whole page
    stripped = rest.lstrip(" ")
    if _COORDINATED.match(stripped):
        return False  # "… "عارٍ عن الصحة"، وأن المطار …": the content goes on
    if nt.norm[close - 1] in ".!؟?":
        return True  # "… سمعة الفيفا." لكن …": the quotation ended its own sentence
    if not stripped or stripped[0] in PUNCTUATION or stripped[0] == "\n":
        return True
    word = stripped.split(maxsplit=1)[0]
    if word == "ثم" or (word[:1] in "وف" and word[1:] in _NARRATION_PARTICLES):
        return True
    return bool(m.is_participle(word) or m.verb(word) or m.prepositions.match(
        [t for t in s.tokens if t.start > close][:3], 0))


def _participle_with_clause(m: Matchers, tokens: list, k: int) -> bool:
    """A participle at ``k`` followed by its complementizer (مؤكداً أن، لافتاً إلى أن) or its noun object."""
    if not m.is_participle(tokens[k].text):
        return False
    word = tokens[k].text
    if (word in m.lexicon.object_participles or without_conjunction(word) in m.lexicon.object_participles) \
            and k + 2 < len(tokens) \
            and not m.is_feeling(tokens[k + 1].text) and len(tokens[k + 1].text) > 3 \
            and not tokens[k + 1].text.startswith("ال"):
        return True  # "… العاملات مؤكداً إصابتهن …": a participle and its noun object
    # a participle (never with و: "نجاحاً واضحاً ومتوقعاً عن …" is an adjective), its preposition and a noun of
    # content: "… وهم بحالة جيدة مشيرا إلى سقوط مركبة …"
    if word in m.lexicon.object_participles and k + 3 < len(tokens) \
            and tokens[k + 1].text in m.lexicon.complementizer_prepositions \
            and _states_content(m, tokens[k + 2].text):
        return True
    for j in (k + 1, k + 2):
        if j < len(tokens) and m.is_complementizer(tokens[j].text, None):
            return j == k + 1 or tokens[k + 1].text in m.lexicon.complementizer_prepositions
    if k + 2 < len(tokens) and m.channel.match(tokens, k + 1, first_stems=False):
        # "… آيلة للسقوط مشيرا في تصريح لـ"الرياض" بأن …": a channel phrase between the participle and its
        # complementizer
        return any(m.is_complementizer(t.text, None) for t in tokens[k + 2 : k + 8])
    return False


def _states_content(m: Matchers, word: str) -> bool:
    """A noun that opens stated content: an event or a position of the lexicon (وقوع، ضرورة، أهمية), or a
    derived verb's verbal noun (انطلاق، استمرار)."""
    word = bare(word)
    return word in m.lexicon.object_starters or word in m.lexicon.position_starters or derived_verbal_noun(word)


def _colon_after(nt: NormText, tokens: list, j: int) -> bool:
    """True when a colon follows word ``j`` ("قائلة:", "وقال المدرب:"): speech is announced."""
    end = tokens[j + 1].start if j + 1 < len(tokens) else tokens[j].end + 3
    return ":" in nt.norm[tokens[j].end : end]


def _new_speaker_with_clause(nt: NormText, m: Matchers, tokens: list, k: int) -> bool:
    """"و" + a reporting verb at ``k`` whose complementizer follows within eight words, or whose colon
    within six: a new attribution glued to the content without a comma ("… عام 2011 وذكرت وكالة
    كيودو أن …", "… قلة الفرق المشاركة وقال: …"); or لـ + a present form of one, with a complementizer
    or an object starter after it ("… ليؤكد أن …", "… لتؤكد حرصها …")."""
    word = tokens[k].text
    purpose = word[:1] == "ل" and m.verb(word) is not None  # "… هذا الداء لتؤكد حرصها على …"
    if not purpose and (word[:1] != "و" or without_conjunction(word) not in m.lexicon.verbs):
        return False
    if purpose and k + 1 < len(tokens) and bare(tokens[k + 1].text) in m.lexicon.object_starters:
        return True
    verb = m.verb(without_conjunction(word)) if not purpose else None
    if verb is not None and verb.takes_object and k + 2 < len(tokens) and pronoun_suffixed(tokens[k + 1].text) \
            and _states_content(m, without_object_pronoun(tokens[k + 1].text)):
        return True  # "… إبراموفيتش انتهت وأكد استعداده للقتال …": the speaker's next claim, a noun of his own
    if not purpose and any(_colon_after(nt, tokens, j) for j in range(k, min(k + 6, len(tokens)))):
        return True
    if any(m.is_complementizer(t.text, None) for t in tokens[k + 1 : k + 9]):
        return True
    # a longer subject a known source word opens, up to the complementizer with no verb or break between
    # ("… المنطقة واوضح مدير عام هيئة السياحة والتراث الوطني بمنطقة الباحة أن …")
    if purpose or not looks_like_source(m, nt, tokens, k + 1, len(tokens), exactly=True):
        return False
    for j in range(k + 2, min(len(tokens), k + 17)):
        if m.is_complementizer(tokens[j].text, None):
            return True
        if holds(nt.norm[tokens[j - 1].end : tokens[j].start], ",،:؛;.") or m.verb(tokens[j].text) \
                or m.is_participle(tokens[j].text):
            return False
    return False


def _speaker_then_verb(nt: NormText, m: Matchers, tokens: list, k: int, reach: int = 4) -> bool:
    """A reporting verb within the ``reach`` words from ``k`` whose complementizer or colon follows within
    eight words: after a comma, the next speaker and their verb ("، ومجموعة أخرى ترى أن …")."""
    for v in range(k + 1, min(len(tokens), k + reach)):
        verb = m.verb(tokens[v].text)
        if verb is None or verb.marked_only or tokens[v].text in m.lexicon.not_complementizer_before:
            continue  # "دون أن": "without", not the verb "دوّن"
        return any(m.is_complementizer(t.text, None) for t in tokens[v + 1 : v + 9]) or _colon_after(nt, tokens, v)
    return False


def _but_speaker_then_verb(nt: NormText, m: Matchers, tokens: list, k: int) -> bool:
    """"غير أن"/"إلا أن" at ``k``, a subject of one to six words (no negation, participle or break; no "هناك"),
    then its reporting verb and complementizer ("…، غير أن كبير المفاوضين صائب عريقات أكد أن …"): a new
    attribution after the comma."""
    if tokens[k].text not in BUT_THAT or k + 3 >= len(tokens) or tokens[k + 1].text != "ان":
        return False
    verb_at = next((v for v in range(k + 3, min(len(tokens), k + 10)) if m.verb(tokens[v].text) is not None), None)
    if verb_at is None or verb_at - k - 2 > 6 or tokens[k + 2].text in _NOT_A_SPEAKER or any(
            t.text in NEGATIONS or m.is_participle(t.text) or holds(nt.norm[tokens[q - 1].end : t.start], ",،:؛;.()")
            for q, t in zip(range(k + 2, verb_at), tokens[k + 2 : verb_at])):
        return False
    return _speaker_then_verb(nt, m, tokens, verb_at - 1, reach=2)


def _call_participle(m: Matchers, tokens: list, k: int) -> bool:
    """A participle of calls, praise or wishes (مطالبين، مبدياً، داعياً), which ends a claim even without a
    comma. Not a feminine form, which may be a noun ("في مقدمة الملفات", "تضمّن مطالبة الطبيب"), nor
    متهم before anything but its object ("431 متهماً", "أشخاص متهمين بالتورط" are suspects)."""
    word = tokens[k].text
    if word not in m.lexicon.boundary_words or not word.endswith(("ا", "ين")) or not (
            word.startswith("م") and len(word) >= 5 or word.startswith("داعي")):
        return False
    accused_next = k + 1 < len(tokens) and tokens[k + 1].text.startswith(("ال", "اياه", "اياها", "اياهم"))
    return not word.startswith("متهم") or accused_next


# و + a preposition opening a new topic before the next speaker's verb: "… وعن نظامية الزواج قال …"
_TOPIC_OPENERS = frozenset({"وعن", "وحول", "وبشان", "وفي", "وعلي"})


def _topic_then_speaker(nt: NormText, m: Matchers, tokens: list, k: int) -> bool:
    """True when the topic phrase at ``k`` runs (one to four words, no break) into a reporting verb without و
    whose colon (within six words), complementizer (within eight) or quotation (right after it) follows: the
    next attribution begins at the topic ("… على الخراب» وعن الثورة التونسية قال «فيها مد وجزر»")."""
    for j in range(k + 2, min(len(tokens), k + 6)):
        if holds(nt.norm[tokens[j - 1].end : tokens[j].start], ",،:؛;.()"):
            return False
        word = tokens[j].text
        if word[:1] != "و" and m.verb(word) is not None:
            return any(_colon_after(nt, tokens, q) for q in range(j, min(j + 6, len(tokens)))) or any(
                m.is_complementizer(t.text, None) for t in tokens[j + 1 : j + 9]) or (
                j + 1 < len(tokens) and any(q in nt.norm[tokens[j].end : tokens[j + 1].start] for q in '«"'))
    return False


def _further_attribution(nt: NormText, m: Matchers, tokens: list, k: int) -> bool:
    """True when "كما" at ``k`` opens a reporting verb in the past, its subject (if any) and its complementizer
    within six words, no other verb or break on the way ("كما أعلن أن …", "كما أوضح المدير أن …"); "كما ذكر
    البيان" alone is "as the statement said", "كما يقولون" a saying."""
    if k + 2 >= len(tokens) or m.verb(tokens[k + 1].text) is None or tokens[k + 1].text[:1] in "يت":
        return False
    for j in range(k + 2, min(len(tokens), k + 8)):
        if holds(nt.norm[tokens[j - 1].end : tokens[j].start], ",،:؛;.()"):
            return False
        if m.is_complementizer(tokens[j].text, None):
            return True
        if m.verb(tokens[j].text) is not None or m.is_participle(tokens[j].text):
            return False
    return False


def _writer_comment(tokens: list, k: int) -> bool:
    """"وهو ما …" / "الأمر الذي …" at ``k``: the writer comments on the content before it."""
    return k + 1 < len(tokens) and (tokens[k].text, tokens[k + 1].text) in _COMMENT_OPENERS


def _cut_at_next_attribution(nt: NormText, m: Matchers, s: Sentence, start: int, end: int) -> int:
    """End of indirect content: before "، مضيفاً" / "، بحسب" / "، وأضاف" / "، فيما قال" …"""
    # the words starting inside (start, end), found by bisection: a sentence's words are in text order
    tokens = s.tokens[bisect_right(s.tokens, start, key=_start) : bisect_left(s.tokens, end, key=_start)]
    for k, token in enumerate(tokens):
        gap_start = tokens[k - 1].end if k else start
        gap = nt.norm[gap_start : token.start]
        comma = -1 if gap.isspace() else max(gap.rfind("،"), gap.rfind(","))  # most gaps: one space
        word = token.text
        if (word, tokens[k + 1].text if k + 1 < len(tokens) else "") in _TURN_PAIRS and any(
                m.verb(t.text) for t in tokens[k + 2 : k + 4]) and not (k and tokens[k - 1].text == "من"):
            # "… اقتحموا المسجد في وقت أشارت فيه المتحدثة …", "…، من دون أن يتضمن …": the writer goes on
            return gap_start + max(comma, 0)
        if comma < 0:
            if word in _ASIDE_TURN and k + 2 < len(tokens) and tokens[k + 1].text in _ASIDE_TURN[word] \
                    and m.verb(tokens[k + 2].text):
                return gap_start  # "… الرابط من جهته أكد مدير …": the next speaker's turn
            if word[:1] not in "ول" and m.verb(word) and k + 1 < len(tokens) and tokens[k + 1].text in EXALTED:
                return gap_start  # "… لغضب الله ولعنته قال تعالى ((…": a verse is quoted
            if word == "كما" and _further_attribution(nt, m, tokens, k):
                return gap_start  # "… فريد ملولي كما أعلن أن النادي أكمل …": a further attribution, no comma before it
            if _call_participle(m, tokens, k):
                return gap_start  # "… استخدام الصحف مطالبين إدارة المطار …": a call's participle ends the claim
            if (word in _WHEREBY or (word in BUT_HE and k + 1 < len(tokens) and m.verb(tokens[k + 1].text))) \
                    and _speaker_then_verb(nt, m, tokens, k):
                # "… الأشهر المقبلة حيث قالوا إنهم …", "… لا تتحمل الأخطاء لكنه أكد في الوقت نفسه على أن …":
                # a new attribution, no comma before it (not "لكنه كان يعتقد أن": the same speaker's belief)
                return gap_start
            if word[:1] not in "ول" and word not in _CONTRAST_CONNECTIVES and not m.is_participle(word):
                continue  # most words: none of the tests below can hold (each needs one of these three)
            if _writer_comment(tokens, k):
                return gap_start  # "… وهو ما رفضته طهران": the writer's comment on what was said
            if word in _TOPIC_OPENERS and _topic_then_speaker(nt, m, tokens, k):
                # "… ظروفه المادية وعن نظامية الزواج قال حسين فواز: …": a new topic, a new speaker (a quotation
                # closing before it stays in the claim)
                return gap_start + gap.rfind('"') + 1  # (the text as matched: « and » read as ")
            if _participle_with_clause(m, tokens, k) or _new_speaker_with_clause(nt, m, tokens, k) or (
                    m.is_participle(word) and _colon_after(nt, tokens, k)) or (
                    word[:1] == "و" and without_conjunction(word) in m.lexicon.boundary_words) or (
                    word in _CONTRAST_CONNECTIVES and k + 1 < len(tokens) and m.verb(tokens[k + 1].text)):
                return gap_start  # "… في غرف خاصة لافتاً إلى أن …" / "… عام 2011 وذكرت وكالة كيودو أن …"
            continue
        if word in m.lexicon.boundary_words or without_conjunction(word) in m.lexicon.boundary_words \
                or without_conjunction(without_object_pronoun(word, shortest=4)) in m.lexicon.boundary_words:  # "، وطالبهم بـ…"
            return gap_start + comma  # "…، داعياً إلى …" / "…، وطالب بـ…" / "…، واصفاً …": praise, calls and wishes end the claim
        if _speaker_then_verb(nt, m, tokens, k) or _but_speaker_then_verb(nt, m, tokens, k):
            # "…، وثلة من الناس يعتقدون أن …", "…، إلا أنه أشار إلى أن …", "…، غير أن كبير المفاوضين صائب
            # عريقات أكد أن …": a new attribution
            return gap_start + comma
        if _writer_comment(tokens, k):
            return gap_start + comma  # "…، الأمر الذي يصعب …", "…، وهو ما …"
        if word in _CONSEQUENCE and k + 1 < len(tokens) and tokens[k + 1].text[:1] not in "يت" \
                and tokens[k + 1].text not in _NARRATION_PARTICLES:
            return gap_start + comma  # "…، ما أثار غضب …": the writer tells what followed ("، مما يعني" is reasoning)
        if word in _BUT and k + 1 < len(tokens) and (tokens[k + 1].text.startswith("ال")
                                                      or tokens[k + 1].text in m.lexicon.state_names):
            return gap_start + comma  # "…، لكن المستثمرين ركزوا …": a new subject, the writer's contrast
        if (m.is_participle(word) or m.prepositions.match(tokens, k)
                or (word[:1] in "وف" and without_conjunction(word) in m.lexicon.verbs)
                or (word in m.lexicon.verbs and any(m.is_complementizer(t.text, None) for t in tokens[k + 1 : k + 16]))
                or (word[:1] in "وف" and m.passive.match(tokens, k))):
            return gap_start + comma
        # "، فيما أفادت شبكة …" / "، في حين قال …": a connective, then a new attribution
        after = k + (2 if word == "في" and k + 1 < len(tokens) and tokens[k + 1].text == "حين" else 1)
        if word in RELATIVE_PRONOUNS and after < len(tokens) and m.verb(tokens[after].text) and any(
                m.is_complementizer(t.text, None) for t in tokens[after + 1 : after + 8]):
            return gap_start + comma  # "…، الذي يرى أن …": a new speaker's clause ("، التي حملت هموم …" is not)
        if word in m.lexicon.content_connectives and after < len(tokens) and (
                m.verb(tokens[after].text) or m.passive.match(tokens, after) or m.prepositions.match(tokens, after)
                or tokens[after].text in m.lexicon.boundary_words):  # "…، فيما أشاد عبدالله السيهاتي بـ…"
            return gap_start + comma
    return end


_UNCLOSED_REACH = 5000  # code points an unclosed quotation is searched for the next speaker's sentence


def _unclosed_quote_end(nt: NormText, m: Matchers, begin: int, paragraph_end: int) -> int:
    """Where a quotation that never closes ends: before the first sentence whose opening words hold
    a reporting verb with its colon, quotation mark or complementizer (". وقال في مقابلة: «…"), a new
    attribution the missing mark would have preceded; else the paragraph's end."""
    # bounded: a page-long paragraph with many unclosed marks must not cost the square of its length
    for match in SENTENCE_END.finditer(nt.norm, begin, min(paragraph_end, begin + _UNCLOSED_REACH)):
        window_end = min(paragraph_end, match.end() + 100)
        window = nt.norm[match.end() : window_end]
        words = [t.text for t in words_between(nt, match.end(), window_end)[:10]]
        if any(m.verb(word) for word in words) and (
                ":" in window or '"' in window or any(m.is_complementizer(word, None) for word in words)):
            return match.start()
    return paragraph_end


def _sentence_end_after(nt: NormText, position: int, paragraph_end: int) -> int:
    match = SENTENCE_END.search(nt.norm, position, paragraph_end)
    return match.start() if match else paragraph_end


def content_after(nt: NormText, m: Matchers, s: Sentence, start: int,
                  quotation: bool = False) -> tuple[tuple[int, int] | None, str, bool]:
    """``(span, kind, unclosed)`` of the content that begins at ``start``.

    ``quotation``: the speaker's words are the quotation opening at ``start``, whatever follows its
    closing mark ("وأضاف المتحدث "سنبحث …" الخاصة بالطلب").
    """
    text = nt.norm
    while start < s.paragraph[1] and text[start] in " :،,-–—":
        start += 1
    if start >= s.paragraph[1]:
        return None, "indirect", False
    leading = _COMPLEMENTIZER_BEFORE_QUOTE.match(text, start, s.paragraph[1]) or \
        _COMPLEMENTIZER_BEFORE_WORD.match(text, start, s.paragraph[1])
    if leading:
        start = leading.end()  # "قال: إن «…»" / "وقال: إنه جاء …": the complementizer stays out of the content
    quoted = _quote_before_complementizer(nt, start, s)
    if quoted is not None:
        return quoted, "direct", False
    bracketed = _bracketed_speech(nt, m, s, start)
    if bracketed is not None:
        return bracketed, "direct", False
    if text[start] == '"':
        close = closing_quote(nt, start, s.paragraph[1])
        first = start + 1
        while first < s.paragraph[1] and text[first] == " ":
            first += 1  # '" إن القصر …': a space inside the opening mark
        inner = _COMPLEMENTIZER_BEFORE_WORD.match(text, first, close if close is not None else s.paragraph[1])
        if inner and close is not None and (quotation or _after_quote_is_boundary(nt, m, s, close)):
            # ""إن المشروع بلغ …"": the complementizer stays out of the quotation's content (guidelines 5.1)
            return trim(nt, inner.end(), close), "direct", False
        if close is None:
            # never closed: the complementizer stays out, and a new attribution ("مضيفة بأن") ends it
            begin = inner.end() if inner else start + 1
            end = _cut_at_next_attribution(nt, m, s, begin, _unclosed_quote_end(nt, m, begin, s.paragraph[1]))
            return trim(nt, begin, end), "direct", True
        if quotation or (_after_quote_is_boundary(nt, m, s, close) and not _quoted_name_before_verb(nt, m, start, close)):
            return trim(nt, start + 1, close), "direct", False
        end = _sentence_end_after(nt, close, s.paragraph[1])
        end = _cut_at_next_attribution(nt, m, s, close, end)
        return trim(nt, start, end), "indirect", False
    end = _cut_at_next_attribution(nt, m, s, start, max(s.end, start))
    span = trim(nt, start, end)
    return span, "indirect", False


def _quoted_name_before_verb(nt: NormText, m: Matchers, start: int, close: int) -> bool:
    """A quotation of one or two words right before a verb ('أن "صلة" أكدت …'): a name quoted as the verb's
    subject, not the speaker's words."""
    words = nt.norm[start + 1 : close].split()
    before = nt.norm[max(0, start - 12) : start].split()
    after = nt.norm[close + 1 : close + 40]
    if not 1 <= len(words) <= 2 or not before or not m.is_complementizer(before[-1], None) \
            or not after.startswith(" ") or not after.strip():
        return False  # only after أن: 'وقال "نحن جاهزون" وغادر' quotes his words
    verb = after.split(maxsplit=1)[0]
    return m.verb(verb) is not None and verb[:1] not in "وف"


def _bracketed_speech(nt: NormText, m: Matchers, s: Sentence, start: int) -> tuple[int, int] | None:
    """"قال الشيخ: (حكومتنا … وسلم)." : round brackets (or the braces of a Quran verse) that enclose the
    whole content act as quotation marks; brackets closing mid-sentence are an aside, not speech."""
    opening = nt.norm[start]
    if opening not in _BRACKETS:
        return None
    close = nt.norm.find(_BRACKETS[opening], start + 1, s.paragraph[1])
    if close < 0 or opening in nt.norm[start + 1 : close] or not _after_quote_is_boundary(nt, m, s, close):
        return None
    first = start + 1
    while first < close and nt.norm[first] == " ":
        first += 1
    leading = _COMPLEMENTIZER_IN_BRACKETS.match(nt.norm, first, close)
    return trim(nt, leading.end() if leading else first, close)  # "(إن الاتفاق …)": إن stays out, not "فإن كان"


def _quote_before_complementizer(nt: NormText, start: int, s: Sentence) -> tuple[int, int] | None:
    """The span after the complementizer of ``"إن المشروع ختم …"``: a quotation opened right before إن
    and closed at the content's end makes direct content without the complementizer (guidelines 5.1)."""
    before = _QUOTE_THEN_COMPLEMENTIZER.search(nt.norm, max(s.paragraph[0], start - 12), start)
    if before is None or before.end() != start:
        return None
    open_at = before.start()
    close = closing_quote(nt, open_at, s.paragraph[1])
    if close is None or close <= start:
        return None
    return trim(nt, start, close)


def headline_content(nt: NormText, start: int, end: int) -> tuple[int, int] | None:
    """What follows "X:" on a headline line: the quotation if the rest is quoted, else the rest."""
    while start < end and nt.norm[start] == " ":
        start += 1
    if start < end and nt.norm[start] == '"':
        close = closing_quote(nt, start, end)
        if close is not None and not nt.norm[close + 1 : end].strip(" .،"):
            return trim(nt, start + 1, close)
    return trim(nt, start, end)


_THAT_POINTER = "وذلك"


def before_attribution(nt: NormText, start: int, cue_start: int) -> tuple[tuple[int, int] | None, str]:
    """Content that precedes "، بحسب …": the clause, or its quotation if that is most of it; a closing
    "وذلك" ("…، وذلك بحسب ما أكد مدير أعماله") points at the clause and is no part of it."""
    span = trim(nt, start, cue_start)
    text = nt.norm
    if span is not None and text.endswith(_THAT_POINTER, span[0], span[1]) and span[1] - len(_THAT_POINTER) > span[0] \
            and not text[span[1] - len(_THAT_POINTER) - 1].isalpha():
        span = trim(nt, span[0], span[1] - len(_THAT_POINTER))
    if span is None:
        return None, "indirect"
    open_at = text.find('"', span[0], span[1])
    if open_at >= 0:
        close = closing_quote(nt, open_at, span[1] + 1)
        if close is not None and (close - open_at - 1) > 0.5 * (span[1] - span[0]):
            inner = trim(nt, open_at + 1, close)
            if inner and not text[close + 1 : span[1]].strip(' .،,"'):
                return inner, "direct"
    return span, "indirect"
