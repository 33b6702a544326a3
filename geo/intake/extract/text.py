"""Reading a news report for the extractor: sentences, language, numbers and dates.

Everything here works on one :class:`Sentence` at a time and speaks in character offsets
into that sentence, so the extractor can relate a number, a date and a place by where they
stand. ``Sentence.low`` is the sentence folded (lower case, no accents) with the same length
as the original, so a pattern found in it points at the same characters of the report.

Numbers written in words go through ``text2num`` (``find_numbers``); dates go through
``dateparser`` with the publication date as the base: this module only chooses the phrase
("viernes", "ayer", "4 de enero") and the base day to hand it; it has no calendar of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser
from text_to_num import find_numbers

from geo.core.text import fold

__all__ = ["Sentence", "Number", "DateMention", "split_sentences", "detect_language", "fold_same_length",
           "numbers_in", "dates_in", "check_report", "ReportRefused", "MAX_REPORT_CHARS", "resolve_date_phrase", "CALENDAR_WORDS"]


def fold_same_length(text: str) -> str:
    """Fold ``text`` character by character (:func:`geo.core.text.fold`), keeping its length."""
    out = []
    for ch in text:
        f = fold(ch)
        out.append(f if len(f) == 1 else ch.lower() if len(ch.lower()) == 1 else ch)
    return "".join(out)


# ---------------------------------------------------------------- sentences

@dataclass
class Sentence:
    """One sentence of the report: its text, where it starts in the report, its paragraph."""

    text: str
    start: int
    paragraph: int
    low: str = ""
    #: Character ranges of this sentence masked from analysis (a dateline, street names).
    masked: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.low:
            self.low = fold_same_length(self.text)

    @property
    def end(self) -> int:
        """Offset in the report just after the sentence."""
        return self.start + len(self.text)

    def mask(self, a: int, b: int) -> None:
        """Hide characters ``a`` to ``b`` from the patterns that run on :attr:`low`."""
        self.masked.append((a, b))
        self.low = self.low[:a] + " " * (b - a) + self.low[b:]

    def is_masked(self, a: int, b: int) -> bool:
        """Whether the range ``a``-``b`` overlaps a masked range."""
        return any(a < mb and ma < b for ma, mb in self.masked)


_ABBREVIATIONS = {
    "km", "av", "avda", "jr", "sr", "sra", "srta", "dr", "dra", "gral", "ing", "lic", "st", "mr", "mrs",
    "ms", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nro",
    "aprox", "approx", "vs", "cap", "cnel", "tte", "sgto", "col", "gen", "lt", "sgt", "urb", "psje", "prov",
    "dpto", "dept", "ee", "uu", "p", "a", "m", "etc", "ca",
}
# The lookbehind starts a match only at the first mark of a run: a run of dot leaders
# ("Índice ........") is tried once, not once per dot.
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]+[\"'”»)\]]*\s+(?=[¿¡\"“«(]?[A-ZÁÉÍÓÚÑÜ])")
#: The longest sentence read as one: a run of text with no full stop (a list or a table run
#: together) is read in pieces of at most this many characters, cut at a clause mark or a space,
#: so that the work per sentence is bounded and the whole report is read in linear time.
MAX_SENTENCE = 800
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")


def split_sentences(text: str) -> list[Sentence]:
    """Split a report into sentences, keeping each one's offset and paragraph number.

    A paragraph is a block between blank lines; a line that ends without punctuation (a
    headline) ends a sentence too. Abbreviations such as ``km.``, ``Av.`` or ``Dec.`` do not.

    Examples
    --------
    >>> [s.text for s in split_sentences("Bloqueo en el km. 98 de la vía. Marcha en Av. Grau.")]
    ['Bloqueo en el km. 98 de la vía.', 'Marcha en Av. Grau.']
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    sentences: list[Sentence] = []
    para_start = 0
    paragraph = 0
    blocks = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)] + [(len(text), len(text))]
    for block_end, next_start in blocks:
        block = text[para_start:block_end]
        for a, b in _line_pieces(block):
            _split_piece(text, para_start + a, para_start + b, paragraph, sentences)
        paragraph += 1
        para_start = next_start
    return sentences


def _cut_point(text: str, a: int, b: int) -> int:
    """Where to cut an overlong run between ``a`` and ``b``: after its last clause mark in the
    second half, else after its last space there, else at ``b``."""
    half = a + (b - a) // 2
    for marks in (";:", ",", " \t\n"):
        i = max(text.rfind(ch, half, b) for ch in marks)
        if i >= 0:
            return i + 1
    return b


def _line_pieces(block: str) -> list[tuple[int, int]]:
    pieces, start = [], 0
    for m in re.finditer(r"\n", block):
        line = block[start:m.start()].rstrip()
        if line and not re.search(r"[.,;:!?\"”»)]$", line):
            pieces.append((start, m.start()))
            start = m.end()
    pieces.append((start, len(block)))
    return pieces


def _split_piece(text: str, a: int, b: int, paragraph: int, out: list[Sentence]) -> None:
    piece = text[a:b]
    start = 0
    for m in _BOUNDARY.finditer(piece):
        before = re.search(r"(\w+)\W*$", piece[max(start, m.start() - 40):m.start() + 1])
        word = before.group(1) if before else ""
        if fold(word) in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        _add_sentence(text, a + start, a + m.end(), paragraph, out)
        start = m.end()
    _add_sentence(text, a + start, b, paragraph, out)


def _add_sentence(text: str, a: int, b: int, paragraph: int, out: list[Sentence]) -> None:
    while b - a > MAX_SENTENCE:
        cut = _cut_point(text, a, a + MAX_SENTENCE)
        _add_sentence(text, a, cut, paragraph, out)
        a = cut
    raw = text[a:b]
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    if body:
        out.append(Sentence(re.sub(r"\s", " ", body), a + lead, paragraph))


_ES_WORDS = {"de", "la", "el", "en", "los", "las", "que", "y", "del", "por", "con", "para", "una", "se",
             "al", "fue", "tras", "según", "segun", "entre", "desde"}
_EN_WORDS = {"the", "of", "and", "in", "to", "on", "at", "was", "were", "by", "for", "with", "from",
             "that", "after", "said", "have", "has"}


def detect_language(text: str) -> str:
    """``"es"`` or ``"en"``: whichever language's commonest words the text uses more.

    Examples
    --------
    >>> detect_language("La jornada de ayer en Cusco terminó con un fallecido.")
    'es'
    """
    votes = language_votes(text)
    return "en" if votes["en"] > votes["es"] else "es"


def language_votes(text: str) -> dict[str, int]:
    """How many of each language's commonest words ``text`` uses: ``{"es": n, "en": m}``."""
    words = re.findall(r"[a-záéíóúñ]+", text.lower())
    return {"es": sum(w in _ES_WORDS for w in words), "en": sum(w in _EN_WORDS for w in words)}


@lru_cache(maxsize=8192)  # the same descriptions are asked for on every rerun (table, popups)
def guess_language(text: str) -> str | None:
    """``es`` or ``en`` when ``text``'s common words clearly say so (at least 3, twice the other's), else None.

    >>> guess_language("The road was blocked by the strikers at the bridge."), guess_language("Juliaca")
    ('en', None)
    """
    votes = language_votes(text)
    best = max(votes, key=lambda lang: votes[lang])
    rest = sum(v for k, v in votes.items() if k != best)
    return best if votes[best] >= 3 and votes[best] >= 2 * rest else None


# ---------------------------------------------------------------- numbers

@dataclass(frozen=True)
class Number:
    """A number in a sentence: its value and character range (sentence offsets)."""

    value: int
    start: int
    end: int
    text: str


class _Tok:
    """A word handed to ``text2num.find_numbers``."""

    __slots__ = ("word", "start", "end")

    def __init__(self, word: str, start: int, end: int):
        self.word, self.start, self.end = word, start, end

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


#: Spelling variants text2num does not know, mapped to forms it does ("veintiún heridos").
_NUMBER_SPELLINGS = {"es": {"veintiún": "veintiuno", "veintiun": "veintiuno", "veintidós": "veintidós"}}
_MULTIPLIERS = {"mil": 1000, "thousand": 1000, "millones": 1_000_000, "millón": 1_000_000,
                "million": 1_000_000, "millon": 1_000_000}
#: Words text2num reads as "one" that are vague quantities, not numbers ("unas cinco mil").
_NOT_NUMBERS = {"unos", "unas"}
_DIGITS = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?")


#: A run of more digits than this is no figure (a phone number, a post's id): not read as a number.
MAX_FIGURE_DIGITS = 9
#: The longest run of digits a report may hold at all (an embedded post's id has 19).
MAX_DIGIT_RUN = 100
#: The longest report read, in characters (a long article is about 20,000).
MAX_REPORT_CHARS = 50_000
_DIGIT_RUN = re.compile(rf"\d{{{MAX_DIGIT_RUN + 1},}}")


class ReportRefused(ValueError):
    """A report the extractor does not read (too long, or holding an absurd number); the
    message is one line that says where and why."""


def check_report(text: str) -> None:
    """Refuse, with :class:`ReportRefused`, a report longer than :data:`MAX_REPORT_CHARS`
    characters or holding a run of more than :data:`MAX_DIGIT_RUN` digits."""
    if len(text) > MAX_REPORT_CHARS:
        raise ReportRefused(f"the report has {len(text):,} characters; the most read at once is "
                            f"{MAX_REPORT_CHARS:,}: split it into its articles")
    m = _DIGIT_RUN.search(text)
    if m:
        run = m.group(0)  # the pattern is greedy: the whole run
        raise ReportRefused(f"character {m.start() + 1}: a number of {len(run):,} digits; no figure in a "
                            f"report is longer than {MAX_DIGIT_RUN} digits")


def _digit_value(raw: str, lang: str) -> int | None:
    if len(re.sub(r"\D", "", raw)) > MAX_FIGURE_DIGITS:
        return None   # a phone number or an id, not a head count
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw):
        sep = raw[len(raw.rstrip("0123456789")) - 1] if not raw.isdigit() else ""
        # 1.500 (Spanish) or 1,500 (English): a thousands separator when groups are of three.
        if (lang == "es" and "," not in raw) or (lang == "en" and "." not in raw) or sep:
            return int(re.sub(r"[.,]", "", raw))
    if re.fullmatch(r"\d+", raw):
        return int(raw)
    return None  # a decimal: not a head count


def numbers_in(sentence: Sentence, lang: str) -> list[Number]:
    """Every whole number in a sentence, in digits or in words ("diecisiete", "five thousand",
    "1.500", "más de 5 mil"), with its character range. Ordinals and vague words are left out.

    Examples
    --------
    >>> [n.value for n in numbers_in(Sentence("Unas cinco mil personas y 1.500 policías; 5 mil más", 0, 0), "es")]
    [5000, 1500, 5000]
    """
    words = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d[\d.,]*\d|\d", sentence.text)]
    spell = _NUMBER_SPELLINGS.get(lang, {})
    toks = [_Tok(spell.get(w.lower(), w.lower()), a, b) for w, a, b in words]
    found: list[Number] = []
    used: set[int] = set()
    # Digits first (with a following multiplier word: "5 mil", "2 million").
    for i, tok in enumerate(toks):
        if not tok.word[0].isdigit():
            continue
        value = _digit_value(tok.word, lang)
        if value is None:
            used.add(i)
            continue
        end = tok.end
        if i + 1 < len(toks) and toks[i + 1].word in _MULTIPLIERS:
            value *= _MULTIPLIERS[toks[i + 1].word]
            end = toks[i + 1].end
            used.add(i + 1)
        used.add(i)
        found.append(Number(value, tok.start, end, sentence.text[tok.start:end]))
    words_only = [t for i, t in enumerate(toks) if i not in used and not t.word[0].isdigit()]
    if words_only:
        try:
            occurrences = find_numbers(words_only, lang, 0)
        except (ValueError, KeyError):  # an unsupported language: digits only
            occurrences = []
        for occ in occurrences:
            if occ.is_ordinal:
                continue
            first, last = words_only[occ.start], words_only[occ.end - 1]
            if occ.end - occ.start == 1 and first.word in _NOT_NUMBERS:
                continue
            if occ.end - occ.start == 1 and first.word in _MULTIPLIERS:
                continue  # "mil" on its own ("miles"), or a multiplier already used
            found.append(Number(int(occ.value), first.start, last.end, sentence.text[first.start:last.end]))
    return sorted(found, key=lambda n: n.start)


# ---------------------------------------------------------------- dates

@dataclass(frozen=True)
class DateMention:
    """A date phrase of a sentence, resolved against the publication date.

    ``role`` is ``point`` (the day something happened), ``since`` ("desde el 4 de enero"),
    ``until`` ("hasta el 25"), ``same`` ("ese día": the day the report was just talking about).
    ``precision`` is the contract's time precision (1 day, 2 week, 3 month).
    """

    start: int
    end: int
    day: date | None
    precision: int
    role: str
    phrase: str
    explicit: bool = False


_WD_ES = "lunes|martes|miercoles|jueves|viernes|sabado|domingo"
_WD_EN = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MON_ES = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
_MON_EN = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec")
_STREET_BEFORE = re.compile(
    r"(?:avenida|av|avda|calle|jiron|jr|plaza|parque|alameda|ovalo|urbanizacion|urb|pasaje|psje|colegio|"
    r"puente|mercado|asentamiento humano|aa\.? ?hh|street|avenue|square|park|bridge)\.?\s*$")

#: Weekday and month names (folded, both languages, with the English abbreviations): never a place.
CALENDAR_WORDS: frozenset[str] = frozenset("|".join((_WD_ES, _WD_EN, _MON_ES, _MON_EN)).split("|"))

_SINCE = r"desde(?: el| la| las| los| del| este| el pasado)?|since(?: last| this)?|from(?: last)?"
_UNTIL = r"hasta(?: el| la| este| el proximo)?|until|till|through"

_DATE_PATTERNS: dict[str, list[tuple[str, re.Pattern]]] = {
    "es": [
        ("range", re.compile(rf"\b(?:del|entre el)\s+(\d{{1,2}})\s+(?:al|y el)\s+(\d{{1,2}})\s+de\s+({_MON_ES})"
                             rf"(?:\s+(?:de|del)\s+(\d{{4}}))?\b")),
        ("explicit", re.compile(rf"\b(?:(?P<mod>{_SINCE}|{_UNTIL}|el|del|al)\s+)?(?:(?:{_WD_ES})\s+)?"
                                rf"(?P<d>\d{{1,2}}|primero)\s+de\s+(?P<m>{_MON_ES})"
                                rf"(?:\s+(?:de|del)\s+(?P<y>\d{{4}}))?\b")),
        ("ago", re.compile(r"\bhace\s+(?P<n>\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\s+"
                           r"(?P<u>dias|semanas)\b")),
        ("relative", re.compile(r"\b(?:(?P<mod>" + _SINCE + r"|" + _UNTIL + r")\s+)?(?P<w>antes de ayer|anteayer|"
                                r"(?:la (?:manana|tarde|noche|madrugada) de )?(?:ayer|hoy)|anoche|"
                                r"esta (?:manana|tarde|noche|madrugada))\b")),
        ("weekday", re.compile(rf"\b(?:(?P<mod>{_SINCE}|{_UNTIL}|el pasado|el ultimo|el proximo|este|esta|el|"
                               rf"la (?:noche|madrugada|manana|tarde) del|del|al)\s+)?(?P<w>{_WD_ES})"
                               rf"(?:\s+(?P<post>pasado|ultimo|proximo))?\b(?!\s+\d{{1,2}}\s+de\s)")),
        ("month", re.compile(rf"\b(?P<mod>(?:(?:{_SINCE}|{_UNTIL})\s+)?(?:a )?(?:fines|finales|inicios|principios|"
                             rf"mediados) de|{_SINCE}|{_UNTIL}|en|durante)\s+(?P<m>{_MON_ES})(?:\s+(?:de|del)\s+(?P<y>\d{{4}}))?\b")),  # noqa: E501
        ("same", re.compile(r"\b(?:ese|aquel|el mismo|esa|la misma) (?:dia|jornada|noche|tarde|manana)\b")),
        ("weekend", re.compile(r"\b(?P<mod>el ultimo|el pasado|este|el)\s+fin de semana(?P<post>\s+pasado)?\b")),
    ],
    "en": [
        ("range", re.compile(rf"\b(?:from|between)\s+({_MON_EN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:to|and|until)\s+"
                             rf"(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b")),
        ("explicit", re.compile(rf"\b(?:(?P<mod>{_SINCE}|{_UNTIL}|on)\s+)?(?:(?:{_WD_EN}),?\s+)?(?:the\s+)?"
                                rf"(?:(?P<m>{_MON_EN})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?|"
                                rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MON_EN})\b\.?)"
                                rf"(?:,?\s+(?P<y>\d{{4}}))?\b")),
        ("ago", re.compile(r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                           r"(?P<u>days|weeks)\s+ago\b")),
        ("relative", re.compile(r"\b(?:(?P<mod>" + _SINCE + r"|" + _UNTIL + r")\s+)?(?P<w>the day before yesterday|"
                                r"yesterday(?: morning| afternoon| evening)?|today|tonight|last night|"
                                r"this (?:morning|afternoon|evening))\b")),
        ("weekday", re.compile(rf"\b(?:(?P<mod>{_SINCE}|{_UNTIL}|on|this|last|next|late on|early on|"
                               rf"late|early)\s+)?(?P<w>{_WD_EN})(?:\s+(?P<post>night|morning|afternoon|evening))?"
                               rf"\b(?!,?\s+(?:{_MON_EN})\b)(?!,?\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MON_EN})\b)")),
        ("month", re.compile(rf"\b(?P<mod>(?:(?:{_SINCE}|{_UNTIL}|in)\s+)?(?:early|late|mid)|{_SINCE}|{_UNTIL}|in|during|"
                             rf"throughout)[\s-]+"
                             rf"(?P<m>january|february|march|april|june|july|august|september|october|november|"
                             rf"december)(?:\s+(?P<y>\d{{4}}))?\b(?!\s*\d)")),
        ("same", re.compile(r"\b(?:that|the same) (?:day|night|evening|morning)\b")),
        ("weekend", re.compile(r"\b(?P<mod>last|this|over the|at the|on the)\s+weekend(?P<post>)\b")),
    ],
}
_RELATIVE_PHRASES = {
    "es": [("antes de ayer", "anteayer"), ("anteayer", "anteayer"), ("ayer", "ayer"), ("anoche", "ayer"),
           ("hoy", "hoy"), ("esta", "hoy")],
    "en": [("before yesterday", "2 days ago"), ("yesterday", "yesterday"), ("last night", "yesterday"),
           ("today", "today"), ("tonight", "today"), ("this", "today")],
}
_SMALL = {"un": 1, "una": 1, "a": 1, "one": 1, "dos": 2, "two": 2, "tres": 3, "three": 3, "cuatro": 4, "four": 4,
          "cinco": 5, "five": 5, "seis": 6, "six": 6, "siete": 7, "seven": 7, "ocho": 8, "eight": 8,
          "nueve": 9, "nine": 9, "diez": 10, "ten": 10}


@lru_cache(maxsize=4096)
def resolve_date_phrase(phrase: str, lang: str, base: date, prefer: str = "past",
                        first_of_month: bool = False) -> date | None:
    """The day ``dateparser`` reads in ``phrase``, relative to ``base`` (None when it reads none).

    Examples
    --------
    >>> resolve_date_phrase("viernes", "es", date(2023, 1, 22))
    datetime.date(2023, 1, 20)
    """
    settings = {"PREFER_DATES_FROM": prefer, "RELATIVE_BASE": datetime(base.year, base.month, base.day),
                "RETURN_AS_TIMEZONE_AWARE": False}
    if first_of_month:
        settings["PREFER_DAY_OF_MONTH"] = "first"
    parsed = dateparser.parse(phrase, languages=[lang], settings=settings)
    return parsed.date() if parsed else None


#: A verb of beginning right before a date: the date is when a run began ("las protestas, que
#: comenzaron el 7 de diciembre", "desde que empezaron, en diciembre,"), read as "since", not as
#: the day of what the sentence reports.
_BEGAN = {"es": re.compile(r"(?:^|\W)(?:comenz|empez|inici|arranc)\w*,?\s+(?:en\s+|el\s+|la\s+)?$"),
          "en": re.compile(r"(?:^|\W)(?:began|begun|started|starting|broke out|erupted),?\s+(?:on\s+|in\s+)?$")}


def _role(mod: str | None) -> str:
    mod = (mod or "").strip()
    if re.match(r"(desde|since|from)\b", mod):
        return "since"
    if re.match(r"(hasta|until|till|through)\b", mod):
        return "until"
    return "point"


def dates_in(sentence: Sentence, lang: str, published: date) -> list[DateMention]:
    """Every date phrase of a sentence, resolved against the publication date.

    Weekdays name the latest such day up to the publication day ("el viernes" in a Saturday
    report is the day before; "this Thursday" on a Thursday is that day), unless "pasado",
    "last" or "next" says otherwise. A day and month without a year take the year that puts
    them before, or at most a month after, the publication. A date after a street word
    ("avenida 28 de Julio") is a name, not a date: it is masked from the sentence.

    Examples
    --------
    >>> [m.day.isoformat() for m in dates_in(Sentence("Marcharon ayer y la noche del viernes.", 0, 0), "es",
    ...                                          date(2023, 1, 21))]
    ['2023-01-20', '2023-01-20']
    """
    low = sentence.low
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pattern in _DATE_PATTERNS[lang]:
        for m in pattern.finditer(low):
            a, b = m.span()
            if any(a < tb and ta < b for ta, tb in taken) or sentence.is_masked(a, b):
                continue
            mention = _resolve(kind, m, sentence, lang, published)
            if mention is None:
                continue
            taken.append((a, b))
            if mention.role == "street":
                sentence.mask(a, b)
                continue
            if mention.role == "point" and _BEGAN[lang].search(low[max(0, a - 30):a]):
                mention = replace(mention, role="since")   # "que comenzaron hace nueve días": when a run began
            out.append(mention)
    return sorted(out, key=lambda d: d.start)


def _resolve(kind: str, m: re.Match, sentence: Sentence, lang: str, published: date) -> DateMention | None:
    a, b = m.span()
    phrase = sentence.text[a:b]
    day_after = published + timedelta(days=1)
    month_later = published + timedelta(days=31)
    if kind == "range":
        if lang == "es":
            d1, d2, mon, year = m.group(1), m.group(2), m.group(3), m.group(4)
            first = resolve_date_phrase(f"{d1} de {mon}" + (f" de {year}" if year else ""), lang,
                                        month_later if not year else published)
        else:
            mon, d1, d2, year = m.group(1), m.group(2), m.group(3), m.group(4)
            first = resolve_date_phrase(f"{mon} {d1}" + (f" {year}" if year else ""), lang,
                                        month_later if not year else published)
        if first is None:
            return None
        last = first + timedelta(days=int(d2) - int(d1)) if int(d2) >= int(d1) else None
        return DateMention(a, b, first, 1, "range:" + (last.isoformat() if last else ""), phrase, True)
    if kind == "explicit":
        if lang == "es":
            day, mon = m.group("d"), m.group("m")
            if _STREET_BEFORE.search(sentence.low[max(0, a - 25):a]) or sentence.text[m.start("m")].isupper():
                return DateMention(a, b, None, 1, "street", phrase)
            core = f"{1 if day == 'primero' else day} de {mon}"
        else:
            day, mon = m.group("d") or m.group("d2"), m.group("m") or m.group("m2")
            if _STREET_BEFORE.search(sentence.low[max(0, a - 25):a]):
                return DateMention(a, b, None, 1, "street", phrase)
            core = f"{mon} {day}"
        year = m.group("y")
        if year:
            found = resolve_date_phrase(f"{core} {'de ' if lang == 'es' else ''}{year}", lang, published)
        else:
            found = resolve_date_phrase(core, lang, month_later)
        return DateMention(a, b, found, 1, _role(m.group("mod")), phrase, True) if found else None
    if kind == "ago":
        n = m.group("n")
        count = int(n) if n.isdigit() else _SMALL.get(n, 1)
        unit = m.group("u")
        days = count * (7 if unit.startswith(("seman", "week")) else 1)
        found = resolve_date_phrase(f"{days} days ago", "en", published)
        return DateMention(a, b, found, 1 if days < 7 else 2, "point", phrase) if found else None
    if kind == "relative":
        word = m.group("w")
        hand = next(h for key, h in _RELATIVE_PHRASES[lang] if key in word)
        found = resolve_date_phrase(hand, lang, published)
        return DateMention(a, b, found, 1, _role(m.group("mod")), phrase) if found else None
    if kind == "weekday":
        mod = (m.group("mod") or "").strip()
        post = (m.group("post") or "").strip()
        if lang == "en" and m.group("w") == "may":
            return None
        if re.search(r"proximo|next", mod + " " + post):
            found = resolve_date_phrase(m.group("w"), lang, published, prefer="future")
        else:
            strict = re.search(r"pasado|ultimo|last", mod + " " + post)
            found = resolve_date_phrase(m.group("w"), lang, published if strict else day_after)
        return DateMention(a, b, found, 1, _role(mod), phrase) if found else None
    if kind == "month":
        mon, year = m.group("m"), m.group("y")
        found = resolve_date_phrase(f"{mon} {year}" if year else mon, lang, day_after, first_of_month=True)
        return DateMention(a, b, found, 3, _role(m.group("mod")), phrase) if found else None
    if kind == "same":
        return DateMention(a, b, None, 1, "same", phrase)
    if kind == "weekend":
        # "el último fin de semana", "last weekend": the latest Saturday and Sunday before the report
        # ("this weekend" on a Sunday: the day before and that day).
        saturday: date | None
        if re.fullmatch(r"este|this", (m.group("mod") or "").strip()) and not (m.group("post") or "").strip():
            saturday = published + timedelta(days=5 - published.weekday() if published.weekday() < 6 else -1)
        else:
            saturday = resolve_date_phrase("sábado" if lang == "es" else "saturday", lang, published)
        if saturday is None or saturday > published:
            return None   # the weekend has not ended by publication: a plan, not a date told
        return DateMention(a, b, saturday, 1, "range:" + (saturday + timedelta(days=1)).isoformat(), phrase)
    return None
