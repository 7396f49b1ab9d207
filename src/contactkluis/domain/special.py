"""Recognising special categories of personal data (AVG art. 9 and 10) in free text,
and placeholder values that are no data at all.

Legacy notes columns hold things like 'rolstoelgebruiker, komt met begeleider' or
'katholiek, wil geen post op zondag'. The migration must not silently carry such data
into the vault: a note that reveals a special category is flagged for review. The
detection is a review aid, so it prefers a rare false alarm over a miss, but it avoids
the false alarms a cultural institution meets daily: street names ('Kerkstraat'),
church buildings as venues ('Nieuwe Kerk'), 'Homo sapiens', 'Turks fruit', '12 volt'.
Negations are not understood: 'geen allergieën' is flagged too and left to a person.
"""

from __future__ import annotations

import math
import re
import unicodedata

__all__ = ["SPECIAL_LABELS", "is_junk_value", "special_categories"]

# Stable codes (stored with a contact and in import reports) -> (Dutch, English).
SPECIAL_LABELS: dict[str, tuple[str, str]] = {
    "gezondheid": ("Gezondheid", "Health"),
    "religie": ("Religie of levensovertuiging", "Religious or philosophical beliefs"),
    "etniciteit": ("Ras of etnische afkomst", "Racial or ethnic origin"),
    "politiek": ("Politieke opvattingen", "Political opinions"),
    "vakbond": ("Lidmaatschap van een vakbond", "Trade union membership"),
    "seksuele_geaardheid": (
        "Seksueel gedrag of seksuele geaardheid",
        "Sex life or sexual orientation",
    ),
    "genetisch": ("Genetische gegevens", "Genetic data"),
    "biometrisch": ("Biometrische gegevens", "Biometric data"),
    "strafrechtelijk": ("Strafrechtelijke gegevens (art. 10)", "Criminal records (art. 10)"),
}

# Patterns run over text that is casefolded and stripped of diacritics, with every
# non-alphanumeric character turned into a space.
# Dutch glues words together ('notenallergie', 'rolstoelgebruiker'), so health terms
# may sit inside a word; terms with innocent compounds ('kerk' in 'Kerkstraat') may not.
_PATTERNS: dict[str, tuple[str, ...]] = {
    "gezondheid": (
        r"\w*rolstoel\w*", r"\w*diabe+t\w*", r"\w*allergi\w*", r"allergisch\w*",
        r"slechthorend\w*", r"slechtziend\w*", r"blind(e|en|heid)?", r"doof\w*",
        r"dove[n]?", r"doofblind\w*", r"dement(ie|e|erend|erende)?", r"alzheimer\w*",
        r"parkinson\w*", r"zwanger\w*", r"bevalling", r"\w*kanker", r"kankerpatient\w*",
        r"tumor\w*", r"chemo\w*", r"astma\w*", r"copd", r"epilep\w*", r"autis\w*",
        r"adhd", r"depressie\w*", r"depressief", r"burn ?out", r"psychisch\w*",
        r"psychiatr\w*", r"verslaaf\w*", r"verslaving\w*",
        r"alcoholis\w*", r"gehandicapt\w*", r"handicap\w*", r"invalide\w*",
        r"invalidenparkeer\w*", r"mindervalide\w*", r"invaliditeit", r"rollator\w*",
        r"scootmobiel\w*", r"gehoorapparaat\w*", r"hoortoestel\w*", r"\w*geleidehond\w*",
        r"hulphond\w*", r"(visuele|auditieve|lichamelijke|verstandelijke|fysieke) beperking",
        r"(visueel|auditief|lichamelijk|verstandelijk|fysiek) beperkt",
        r"met een beperking", r"medicijngebruik", r"(gebruikt|slikt|neemt) medicijn\w*",
        r"medicatie", r"insuline", r"\w*patient\w*", r"ziek", r"zieke", r"ziekte\w*",
        r"\w+ziekte", r"(ligt|lag|opgenomen) in (het )?ziekenhuis", r"hiv", r"aids",
        r"hepatitis", r"beroerte", r"hersenletsel",
        r"hart(aanval|infarct|patient|klachten|falen)\w*",
        r"coeliakie", r"\w*intoleran\w*", r"revalid\w*", r"dialyse",
        r"wheelchair\w*", r"diabetic", r"disabled", r"disabilit\w*", r"deaf",
        r"hard of hearing", r"hearing impaired", r"visually impaired", r"pregnan\w*",
        r"dementia", r"allerg\w*", r"illness", r"cancer", r"medication",
    ),
    "religie": (
        r"\w*katholie\w*", r"catholic\w*", r"moslim\w*", r"muslim\w*", r"islam\w*",
        r"joods\w*", r"jood", r"joden", r"jewish", r"protestant\w*", r"hervormd\w*",
        r"gereformeerd\w*", r"christen", r"christenen", r"christelijk\w*", r"christian\w*",
        r"evangelisch\w*", r"baptist\w*", r"doopsgezind\w*", r"remonstrant\w*",
        r"luthers\w*", r"lutheraan\w*", r"kerkganger\w*", r"kerklid\w*", r"kerkelijk\w*",
        r"kerkgenootschap\w*", r"kerkenraad\w*", r"kerkbezoek\w*", r"naar de kerk",
        r"lid van de kerk", r"church member\w*", r"goes to church", r"moskee\w*",
        r"synagoge\w*", r"imam", r"rabbijn\w*", r"dominee", r"pastoor", r"priester\w*",
        r"ramadan", r"gelovig\w*", r"ongelovig\w*", r"atheist\w*", r"humanist\w*",
        r"boeddhis\w*", r"buddhis\w*", r"hindoe\w*", r"hindu\w*", r"sikh\w*",
        r"jehova\w*", r"mormo\w*", r"koosjer", r"kosher", r"halal", r"religi\w*",
        r"levensbeschouw\w*",
    ),
    "etniciteit": (
        r"etnisch\w*", r"etniciteit", r"ethnic\w*", r"afkomst", r"migratieachtergrond",
        r"allochto\w*", r"autochto\w*", r"huidskleur", r"ras", r"sinti",
        r"roma en sinti", r"vluchteling\w*", r"statushouder\w*", r"asielzoeker\w*",
        r"refugee\w*", r"niet-westers\w*",
    ),
    "politiek": (
        r"politieke (voorkeur|kleur|overtuiging|partij|opvatting)\w*", r"politiek actief",
        r"partijlid\w*", r"lid van de partij", r"stemt op", r"stemde op", r"political\w*",
        r"vvd\w*", r"pvda\w*", r"cda\w*", r"d66\w*", r"groenlinks\w*", r"pvv\w*",
        r"christenunie\w*", r"sgp\w*", r"pvdd\w*", r"partij voor de dieren",
        r"forum voor democratie", r"fvd\w*", r"ja21", r"bbb", r"boerburgerbeweging",
        r"nsc", r"(lid van( de)?|stemt|stemde) (sp|cu|denk|volt|50plus)",
        r"(sp|cu|denk|volt|50plus) (lid|raadslid|wethouder|kamerlid|fractie\w*)",
    ),
    "vakbond": (
        r"\w*vakbond\w*", r"fnv\w*", r"cnv\w*", r"vakcentrale\w*", r"abvakabo",
        r"trade union\w*", r"union member\w*",
    ),
    "seksuele_geaardheid": (
        r"homoseksu\w*", r"homofiel\w*", r"lesbi\w*", r"biseksu\w*", r"heteroseksu\w*",
        r"transgender\w*", r"lhbt\w*", r"lgbt\w*", r"queer", r"gay", r"homostel\w*",
        r"geaardheid", r"sexual orientation", r"seksuele (voorkeur|orientatie)",
    ),
    "genetisch": (r"dna", r"erfelijk\w*", r"genetisch\w*", r"genetic\w*"),
    "biometrisch": (
        r"vingerafdruk\w*", r"gezichtsherkenning", r"biometri\w*", r"irisscan\w*",
        r"fingerprint\w*", r"facial recognition",
    ),
    "strafrechtelijk": (
        r"strafblad\w*", r"veroordeel\w*", r"veroordeling\w*", r"gevangenis\w*",
        r"gedetineerd\w*", r"detentie\w*", r"tbs", r"taakstraf\w*", r"reclassering\w*",
        r"enkelband", r"strafrecht\w*", r"celstraf\w*", r"crimine\w*", r"gearresteerd",
        r"arrestatie\w*", r"verdachte", r"diefstal\w*", r"fraude\w*", r"mishandeling\w*",
        r"criminal record\w*", r"convicted", r"prison\w*", r"theft",
    ),
}  # fmt: skip

_COMPILED: dict[str, re.Pattern[str]] = {
    code: re.compile(r"(?<!\w)(?:" + "|".join(terms) + r")(?!\w)")
    for code, terms in _PATTERNS.items()
}
_MAX_TEXT = 20_000


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"[\W_]+", " ", plain)
    return " ".join(plain.split())


def special_categories(text: object) -> list[str]:
    """The special-category codes that `text` reveals, in SPECIAL_LABELS order."""
    if not isinstance(text, str):
        return []
    folded = _fold(text[:_MAX_TEXT])
    if not folded:
        return []
    return [code for code in SPECIAL_LABELS if _COMPILED[code].search(folded)]


# --- placeholders -----------------------------------------------------------------------

_JUNK = frozenset(
    {
        "test", "testje", "testen", "testpersoon", "test test", "proef", "probeersel",
        "nvt", "n.v.t", "n.v.t.", "n v t", "n/a", "na", "n.a.", "nb", "n.b.", "#n/a",
        "#n/b", "#waarde!", "#value!", "#ref!", "#verw!", "#div/0!", "#deel/0!",
        "#naam?", "#name?", "#null!", "#leeg!", "#getal!", "#num!",
        "onbekend", "unknown", "geen", "none", "null", "nil", "nan", "leeg", "blanco",
        "empty", "asdf", "asdfg", "asdfgh", "asdfghjkl", "qwerty", "qwertz", "azerty",
        "dummy", "foo", "bar", "foobar", "bla", "blabla", "bla bla", "lorem ipsum",
        "nog invullen", "invullen", "in te vullen", "tbd", "todo", "xx", "xxx", "xxxx",
        "zzz", "abc", "abcd", "aaa", "jan modaal", "piet puk", "john doe", "jane doe",
        "voornaam", "achternaam", "naam", "e-mail", "email", "adres", "-", "?",
        "geen idee", "weet niet", "nvt.", "idk",
        # Web forms and exports fill empty names with these.
        "anoniem", "anonymous", "anon", "undefined", "undefined undefined", "null null",
        "none none", "onbekend onbekend", "[object object]",
    }
)  # fmt: skip
# Synthetic domains (example.org, voorbeeld.nl) are left alone: test files and Faker use them.
_JUNK_MAIL_PARTS = frozenset(
    {"test", "geen", "none", "nvt", "x", "xx", "xxx", "asdf", "dummy", "noreply", "no-reply",
     "onbekend", "invalid", "leeg"}
)  # fmt: skip


# Any character for which str.isalnum() holds: re's \w is exactly isalnum() plus '_'.
_ALNUM = re.compile(r"[^\W_]")
_TEST_WORD = re.compile(r"(test|proef|dummy|asdf)[\s\-_]*\d*")


def is_junk_value(value: object) -> bool:
    """Whether a cell is a placeholder rather than data ('n.v.t.', 'test', 'xxx', '-').

    Empty cells count as junk (they hold nothing), numbers and booleans do not: 0 and 1
    are answers in a yes/no column, and a lone 'x' is a tick.
    """
    if value is None:
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, int):
        return False
    if not isinstance(value, str):
        return False
    text = " ".join(value.split()).casefold()
    if not text:
        return True
    if len(text) > 80:
        return False
    if text in _JUNK or text.rstrip(".!") in _JUNK:
        return True
    if not _ALNUM.search(text):
        return True  # '-', '...', '??', '#'
    compact = text.replace(" ", "")
    if len(compact) >= 3 and compact == compact[0] * len(compact):
        return True  # 'aaaa', '0000000', 'xxxxx'
    if _TEST_WORD.fullmatch(text):
        return True
    if "@" in text:
        local, _, domain = text.rpartition("@")
        root = domain.split(".")[0] if domain else ""
        return local in _JUNK_MAIL_PARTS or root in _JUNK_MAIL_PARTS or root == ""
    return False
