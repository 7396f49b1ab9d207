"""Dutch personal names: parsing, capital repair and same-person comparison.

Legacy lists write one person as 'Jan de Vries', 'Vries, Jan de', 'J. de Vries' or
'DE VRIES J.'; these functions bring all of them to one PersonName so that the
migration can merge duplicates and the directory sorts 'de Vries' under V.

Decisions:
- A couple in one cell ('Jan en Marie de Vries', 'Jan & Marie') keeps both given names
  in `first` as 'Jan en Marie' and gets no initials: 'J.M.' would claim one person with
  two names. `looks_like_couple` lets the importer flag such rows for review.
- A single word with no other clue ('Jansen') is taken as a last name: lists are
  kept by surname, and a lone first name is rarer than a lone surname.
- Deliberate mixed case ('McDonald', 'DeVries', 'LeBlanc') is kept as typed; only words
  typed entirely in capitals or entirely in lower case are repaired.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from contactkluis.domain.contact import PersonName
from contactkluis.domain.normalize import clean_text

__all__ = [
    "INFIXES",
    "build_name",
    "fix_capitals",
    "identity_keys",
    "initials_cell_name",
    "initials_of",
    "is_initials",
    "looks_like_couple",
    "name_key",
    "names_compatible",
    "normalize_initials",
    "parse_full_name",
]

# Tussenvoegsels as the Dutch civil registry knows them (plus the common foreign
# particles); multi-word ones are matched before their parts.
INFIXES: frozenset[str] = frozenset(
    {
        "van", "de", "der", "den", "het", "'t", "te", "ter", "ten", "in", "op", "uit",
        "aan", "bij", "onder", "over", "tot", "voor", "vd", "v.d.", "v/d",
        "van der", "van den", "van de", "van het", "van 't", "van ter", "van ten",
        "van van de", "van de l'",
        "in de", "in den", "in der", "in het", "in 't",
        "op de", "op den", "op der", "op het", "op 't", "op ten",
        "uit de", "uit den", "uit het", "uit 't", "uit ten", "uit te de",
        "aan de", "aan den", "aan der", "aan het", "aan 't",
        "bij de", "bij den", "bij het", "bij 't",
        "onder de", "onder den", "onder het", "onder 't",
        "over de", "over den", "over het", "over 't",
        "voor de", "voor den", "voor in 't", "tot de",
        "d'", "l'", "la", "le", "les", "du", "des", "de la", "de le", "de l'",
        "di", "da", "del", "della", "dos", "das", "do",
        "von", "von der", "von den", "von dem", "zu", "zum", "zur", "vom",
    }
)  # fmt: skip
_MAX_INFIX_WORDS = max(len(i.split()) for i in INFIXES)

# Salutations and academic titles that legacy lists put around a name.
_TITLES = frozenset(
    {
        "dhr", "mw", "mevr", "mevrouw", "meneer", "hr", "mej", "mejuffrouw",
        "juffrouw", "mr", "mrs", "ms", "miss", "dr", "drs", "ir", "ing", "prof", "ds",
        "fam", "familie", "hr/mw", "dhr/mw", "dhr/mevr", "m/v", "bc", "mw/dhr",
        "mevr/dhr", "weledelgeleerde", "weledele", "hooggeleerde", "zeergeleerde",
    }
)  # fmt: skip
_POST_TITLES = frozenset(
    {"ma", "ba", "bsc", "msc", "llm", "llb", "mba", "phd", "md", "jr", "sr", "ra", "rc", "ac"}
)
_SURNAME_PARTICLES = frozenset({"el", "al", "ben", "bin", "ibn", "abu", "bou", "ait", "aït"})
_REMARK = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_COUPLE = re.compile(r"\s+(?:en|&|\+|und|and|e/o)\s+|\s*&\s*|\s*\+\s*", re.IGNORECASE)
_INITIAL_TOKEN = re.compile(r"^(?:(?:[^\W\d_]{1,3}\.)+[^\W\d_]?|[^\W\d_])$")
_NO_VOWEL_CAPS = re.compile(r"^[B-DF-HJ-NP-TV-XZ]{2,3}$")
_WORD_BREAKS = re.compile(r"([\s\-]+)")
_GIVEN_BREAKS = re.compile(r"[\s\-]+")
_INITIAL_BREAKS = re.compile(r"[.\s]+")
_GLUED_INITIAL = re.compile(r"(?<=\.)(?=[^\W\d_]{2,})")
# A legacy list repeats the same few thousand first and last names: what is derived from
# one name string alone is remembered (the functions below are pure).
_NAME_CACHE = 32768


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _capitalise_word(word: str) -> str:
    if word in ("'t", "'s", "'T", "'S"):
        return word.lower()
    lower = word.lower()
    if lower.startswith("ij"):  # Dutch digraph: IJsbrand, IJzerman
        return "IJ" + lower[2:]
    return lower[:1].upper() + lower[1:]


def fix_capitals(value: str) -> str:
    """'JAN-WILLEM' -> 'Jan-Willem', "o'brien" -> "O'Brien"; 'McDonald' is kept."""
    words = " ".join(value.split())
    parts = _WORD_BREAKS.split(words)
    out: list[str] = []
    for part in parts:
        letters = [ch for ch in part if ch.isalpha()]
        if not letters or not (part.isupper() or part.islower()):
            out.append(part)
            continue
        pieces = part.split("'")
        if len(pieces) == 2 and len(pieces[0]) == 1 and len(pieces[1]) >= 2:
            out.append(_capitalise_word(pieces[0]) + "'" + _capitalise_word(pieces[1]))
        else:
            out.append(_capitalise_word(part))
    return "".join(out)


_HYPHEN_INFIX = re.compile(r"-(\w+(?: \w+)?)(?= )")


def _lower_inner_particles(value: str) -> str:
    """'Voorst Tot Voorst' -> 'Voorst tot Voorst': a tussenvoegsel inside a double surname
    is written in lower case; only the first word keeps its capital ('Van Dyck')."""
    words = value.split(" ")
    for index in range(1, len(words) - 1):
        if words[index].lower() in INFIXES:
            words[index] = words[index].lower()
    return " ".join(words)


def _repair(value: str) -> str:
    """fix_capitals for a last name: 'JANSEN-DE VRIES' -> 'Jansen-de Vries'."""
    fixed = _lower_inner_particles(fix_capitals(value))

    def lower_infix(match: re.Match[str]) -> str:
        words = match.group(1)
        if words.lower() in INFIXES:
            return "-" + words.lower()
        first_word = words.split()[0]
        if first_word.lower() in INFIXES:
            return "-" + first_word.lower() + words[len(first_word) :]
        return match.group(0)

    return _HYPHEN_INFIX.sub(lower_infix, fixed)


def normalize_initials(value: object) -> str | None:
    """'jp', 'J P', 'j.p' -> 'J.P.'; 'Th.' and 'IJ.' stay one initial each."""
    text = clean_text(value)
    if text is None:
        return None
    out: list[str] = []
    for chunk in _INITIAL_BREAKS.split(text):
        chunk = "".join(ch for ch in chunk if ch.isalpha())
        if not chunk:
            continue
        if chunk.upper() == "IJ":
            out.append("IJ")
        elif len(chunk) == 1 or chunk.isupper() or chunk.islower():
            out.extend(ch.upper() for ch in chunk)
        else:  # 'Th', 'Chr': a deliberate multi-letter initial
            out.append(chunk[0].upper() + chunk[1:].lower())
    if not out or len(out) > 10:
        return None
    return "".join(f"{part}." for part in out)


def _initials_from_first(first: str) -> str | None:
    parts: list[str] = []
    for given in _GIVEN_BREAKS.split(first):
        letters = "".join(ch for ch in given if ch.isalpha())
        if not letters:
            continue
        parts.append("IJ" if letters[:2].upper() == "IJ" else letters[0].upper())
    return "".join(f"{p}." for p in parts) or None


def looks_like_couple(value: object) -> bool:
    """Whether a cell names two people ('Jan en Marie', 'Dhr. en Mw. Jansen')."""
    text = clean_text(value)
    return bool(text and _COUPLE.search(f" {text} "))


def _match_infix(tokens: list[str], start: int) -> int:
    """Number of tokens from `start` that form the longest tussenvoegsel, 0 if none."""
    for size in range(min(_MAX_INFIX_WORDS, len(tokens) - start), 0, -1):
        candidate = " ".join(tokens[start : start + size]).lower().replace("’", "'")
        if candidate in INFIXES:
            return size
    return 0


def _infix_text(tokens: list[str]) -> str:
    return " ".join(tokens).lower().replace("’", "'")


# Abbreviated given names written in an initials column: initials, not a first name.
_NAME_ABBREVIATIONS = frozenset(
    {"joh", "chr", "th", "wm", "fr", "jac", "corn", "hend", "gerh", "mich", "ant", "alb", "wil"}
)


def initials_cell_name(
    value: object, known_name: Callable[[str], bool] | None = None
) -> str | None:
    """'Paul.' in an initials column is a first name, not the initials P.A.U.L.: the name
    when the cell holds one word of three or more letters that reads as a name.

    `known_name` (the import's first-name list) also lets through the names their shape
    leaves in doubt, as long as the cell has no dots: 'jan', 'frank', 'ANNA'. Without the
    list those stay initials; 'JP', 'jp' and 'Th.' stay initials either way."""
    text = clean_text(value)
    if text is None or " " in text.strip(". "):
        return None
    word = text.strip(". ")
    letters = "".join(ch for ch in word if ch.isalpha())
    if len(letters) != len(word) or len(word) < 3 or word.lower() in _NAME_ABBREVIATIONS:
        return None
    vowels = sum(ch in "aeiouyéëèïöü" for ch in word.lower())
    if word[0].isupper() and word[1:].islower() and vowels >= 1:
        return word
    if word.islower() and len(word) >= 4 and vowels >= 2:
        return fix_capitals(word)
    # All capitals: 'ANNA' is a name, 'JAN' may be three initials: four letters at least.
    long_enough = len(word) >= 4 or not word.isupper()
    if known_name is not None and "." not in text and long_enough and known_name(word):
        return fix_capitals(word)
    return None


def is_initials(token: str) -> bool:
    """Whether a name token is initials ('J.', 'J.P.', 'JP')."""
    return _is_initials(token)


def initials_of(first: str) -> str | None:
    """The initials a first name gives: 'Jan Peter' -> 'J.P.'."""
    return _initials_from_first(first)


def _is_title(token: str) -> bool:
    return token.lower().rstrip(".,:") in _TITLES


def _is_initials(token: str) -> bool:
    return bool(_INITIAL_TOKEN.match(token) or _NO_VOWEL_CAPS.match(token))


def _split_last(tokens: list[str]) -> tuple[str | None, str | None]:
    """('de', 'Vries') from ['de', 'Vries'] or ['Vries', 'de']."""
    if not tokens:
        return None, None
    size = _match_infix(tokens, 0)
    if 0 < size < len(tokens):
        return _infix_text(tokens[:size]), _repair(" ".join(tokens[size:]))
    for start in range(1, len(tokens)):  # 'Vries de' as sorted lists write it
        if _match_infix(tokens, start) == len(tokens) - start:
            return _infix_text(tokens[start:]), _repair(" ".join(tokens[:start]))
    return None, _repair(" ".join(tokens))


def _given(tokens: list[str]) -> tuple[str | None, str | None]:
    """(first, initials) from the given-name tokens."""
    if not tokens:
        return None, None
    text = " ".join(tokens)
    if _COUPLE.search(f" {text} "):
        names = [_repair(p.strip()) for p in _COUPLE.split(f" {text} ") if p.strip()]
        return " en ".join(names), None
    names = [t for t in tokens if not _is_initials(t)]
    initials_tokens = [t for t in tokens if _is_initials(t)]
    if not names:
        return None, normalize_initials(" ".join(initials_tokens))
    first = _repair(" ".join(names))
    if not initials_tokens:
        return first, _initials_from_first(first)
    # 'Jan P. de Vries': the initials follow the names in order.
    parts = [_initials_from_first(_repair(t)) if not _is_initials(t) else normalize_initials(t)
             for t in tokens]  # fmt: skip
    return first, "".join(p for p in parts if p) or None


def _glue_double_names(tokens: list[str]) -> list[str]:
    # 'Jansen-de Vries' is one last name: keep the part after the hyphen with it.
    out: list[str] = []
    for token in tokens:
        if out and (out[-1].endswith("-") or token.startswith("-")):
            out[-1] = out[-1] + token
        elif out and "-" in out[-1] and out[-1].rsplit("-", 1)[1].lower() in INFIXES:
            out[-1] = f"{out[-1]} {token}"
        else:
            out.append(token)
    return out


def _strip_titles(tokens: list[str]) -> list[str]:
    # Only while a name remains: 'de Heer' and 'Heer' are surnames too.
    while len(tokens) >= 2:
        if _is_title(tokens[0]):
            del tokens[0]
        elif len(tokens) >= 3 and tokens[0].lower() == "de" and tokens[1].lower() == "heer":
            del tokens[:2]
        elif tokens[0].lower() == "en" and _is_title(tokens[1]):  # 'Dhr. en Mw. Jansen'
            del tokens[0]
        else:
            break
    while len(tokens) >= 2 and tokens[-1].lower().rstrip(",.") in _POST_TITLES:
        tokens.pop()
    return tokens


def _tokens(text: str, *, titles: bool = True) -> list[str]:
    text = _GLUED_INITIAL.sub(" ", text)  # 'J.de Vries'
    tokens = [t for t in text.replace("’", "'").split() if t]
    if titles:
        tokens = _strip_titles(tokens)
    return _glue_double_names(tokens)


def parse_full_name(value: object) -> PersonName:
    """One PersonName from a whole-name cell; empty PersonName when there is no name."""
    text = clean_text(value)
    if text is None or len(text) > 200:
        return PersonName()
    text = " ".join(_REMARK.sub(" ", text).split())  # 'Jan de Vries (voorzitter)'
    if "," in text:
        left, right = text.split(",", 1)
        right_tokens = _tokens(right.replace(",", " "))
        if right_tokens and all(t.lower().rstrip(".") in _POST_TITLES for t in right_tokens):
            text = left  # 'Jan de Vries, MSc'
        elif right_tokens:
            return _surname_first(_tokens(left), right_tokens)
    tokens = _tokens(text.replace(",", " "))
    if not tokens:
        return PersonName()
    # 'Jansen J.' / 'de Vries J.P.' / 'Vries J. de': surname first without a comma.
    trailing = len(tokens)
    while trailing > 0 and (
        _is_initials(tokens[trailing - 1])
        or _match_infix(tokens, trailing - 1) == len(tokens) - trailing + 1
    ):
        trailing -= 1  # fmt: skip
    if (
        0 < trailing < len(tokens)
        and any(_is_initials(t) for t in tokens[trailing:])
        and not _is_initials(tokens[0])
    ):
        return _surname_first(tokens[:trailing], tokens[trailing:])
    if len(tokens) == 1:
        if _is_initials(tokens[0]):
            return PersonName(initials=normalize_initials(tokens[0]))
        return PersonName(last=_repair(tokens[0]))
    infix_at = _match_infix(tokens, 0)
    if infix_at and infix_at < len(tokens):  # 'de Vries' without a given name
        infix, last = _split_last(tokens)
        return PersonName(infix=infix, last=last)
    for index in range(1, len(tokens) - 1):
        size = _match_infix(tokens, index)
        if size and index + size < len(tokens) and not _is_couple_word(tokens, index):
            first, initials = _given(tokens[:index])
            return PersonName(
                first=first,
                initials=initials,
                infix=_infix_text(tokens[index : index + size]),
                last=_repair(" ".join(tokens[index + size :])),
            )
    split = len(tokens) - 1
    if len(tokens) >= 3 and tokens[-2].lower() in _SURNAME_PARTICLES:
        split -= 1  # 'Ali El Amrani': the particle is part of the surname, not an infix
    first, initials = _given(tokens[:split])
    return PersonName(first=first, initials=initials, last=_repair(" ".join(tokens[split:])))


def _is_couple_word(tokens: list[str], index: int) -> bool:
    return index > 0 and tokens[index - 1].lower() in ("en", "&", "+")


def _surname_first(surname: list[str], given: list[str]) -> PersonName:
    """'Vries, Jan de' / 'de vries, j.' / 'Vries de, J.'."""
    infix_tail: list[str] = []
    for start in range(len(given)):
        if start > 0 and _match_infix(given, start) == len(given) - start:
            infix_tail = given[start:]
            given = given[:start]
            break
    if not given and infix_tail:
        given, infix_tail = infix_tail, []
    infix, last = _split_last(surname)
    if infix_tail:
        extra = _infix_text(infix_tail)
        infix = f"{extra} {infix}" if infix else extra
    first, initials = _given(given)
    return PersonName(first=first, initials=initials, infix=infix, last=last)


def build_name(
    first: object = None,
    initials: object = None,
    infix: object = None,
    last: object = None,
) -> PersonName:
    """A PersonName from separate columns, repairing what legacy lists get wrong."""
    first_text = clean_text(first)
    infix_text = clean_text(infix)
    last_text = clean_text(last)
    initials_text = normalize_initials(initials)
    if last_text:
        moved_infix, last_text = _last_parts(last_text)
        if moved_infix:
            infix_text = f"{infix_text} {moved_infix}" if infix_text else moved_infix
    if first_text:
        first_text, derived = _first_parts(first_text)
        initials_text = initials_text or derived
    return PersonName(
        first=first_text or None,
        initials=initials_text,
        infix=infix_text.lower().replace("’", "'") if infix_text else None,
        last=last_text or None,
    )


@lru_cache(maxsize=_NAME_CACHE)
def _last_parts(last_text: str) -> tuple[str | None, str | None]:
    """(moved infix, last name) of a last-name cell's clean text."""
    return _split_last(_tokens(last_text.replace(",", " "), titles=False))


@lru_cache(maxsize=_NAME_CACHE)
def _first_parts(first_text: str) -> tuple[str | None, str | None]:
    """(first name, initials it gives) of a first-name cell's clean text."""
    tokens = first_text.split()
    if all(_is_initials(t) for t in tokens):
        return None, normalize_initials(first_text)
    return _given(tokens)


def _fold(text: str) -> str:
    return _strip_accents(text).casefold()


def name_key(name: PersonName) -> str:
    """Casefolded last name without infix or diacritics: 'de Vries' and 'Vriës' -> 'vries'."""
    if not name.last:
        return ""
    return _last_key(name.last)


@lru_cache(maxsize=_NAME_CACHE)
def _last_key(last: str) -> str:
    tokens = last.split()
    size = _match_infix(tokens, 0)
    if 0 < size < len(tokens):
        tokens = tokens[size:]
    return "".join(ch for ch in _fold(" ".join(tokens)) if ch.isalnum())


def _given_names(name: PersonName) -> tuple[str, ...]:
    if not name.first:
        return ()
    return _given_names_of(name.first)


@lru_cache(maxsize=_NAME_CACHE)
def _given_names_of(first: str) -> tuple[str, ...]:
    return tuple(_fold(p) for p in _GIVEN_BREAKS.split(first) if p and p.lower() != "en")


def _initial_letters(name: PersonName) -> tuple[str, ...]:
    return _initial_letters_of(name.initials, name.first)


@lru_cache(maxsize=_NAME_CACHE)
def _initial_letters_of(initials: str | None, first: str | None) -> tuple[str, ...]:
    source = initials or (_initials_from_first(first) if first else None)
    if not source:
        return ()
    folded = (_fold(p) for p in source.split("."))
    return tuple(f[0] for f in folded if f.strip())


def _prefix_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return longer[: len(shorter)] == shorter


def first_given(name: PersonName) -> str:
    """The first given name, folded ('' when there is none). Two names that both have one
    and differ in it are never names_compatible: a cheap test before the full one."""
    given = _given_names(name)
    return given[0] if given else ""


def names_compatible(a: PersonName, b: PersonName) -> bool:
    """Could these be the same person? Same last name and given names that do not clash.

    'J.' ~ 'Jan', 'J.P.' ~ 'Jan Peter', 'Jan' ~ 'Jan Peter', but 'Jan' !~ 'Piet'. A
    missing given name is compatible with anything; a missing last name with nothing.
    """
    key_a, key_b = name_key(a), name_key(b)
    if not key_a or key_a != key_b:
        return False
    names_a, names_b = _given_names(a), _given_names(b)
    if names_a and names_b:
        return _prefix_compatible(names_a, names_b)
    letters_a, letters_b = _initial_letters(a), _initial_letters(b)
    if not letters_a or not letters_b:
        return True
    return _prefix_compatible(letters_a, letters_b)


def identity_keys(name: PersonName) -> tuple[str, str, str]:
    """(last-name key, first given name, first initial), folded: what a suppression entry
    remembers of an erased person, as keyed hashes, to tell them from a housemate."""
    given = _given_names(name)
    letters = _initial_letters(name)
    return name_key(name), given[0] if given else "", letters[0] if letters else ""
