"""Readable names for the codes used in the data (states, languages, scripts).

>>> state_name("PRK"), language_name("fa"), script_of("fa")
('North Korea', 'Persian (Farsi)', 'Arabic script, right to left')
>>> endonym("zh"), endonym("fa")
('中文', 'فارسی')
>>> direction("fa"), language_label("ko"), state_label("PRK")
('rtl', 'Korean · 한국어', 'North Korea (PRK)')
"""

from __future__ import annotations

__all__ = ["STATE_NAMES", "LANGUAGE_NAMES", "ENDONYMS", "state_name", "language_name", "endonym",
           "script_of", "is_rtl", "direction", "language_label", "state_label"]

STATE_NAMES = {
    "WLD": "no specific state", "USA": "United States", "GBR": "United Kingdom", "ISR": "Israel",
    "UKR": "Ukraine", "RUS": "Russia", "CHN": "China", "IRN": "Iran", "PRK": "North Korea",
    "KOR": "South Korea", "DEU": "Germany", "TWN": "Taiwan", "POL": "Poland", "BLR": "Belarus",
    "TUR": "Turkey", "CZE": "Czechia", "FRA": "France", "NLD": "Netherlands", "AFG": "Afghanistan",
    "QAT": "Qatar", "EST": "Estonia", "LVA": "Latvia", "LTU": "Lithuania", "FIN": "Finland",
    "SWE": "Sweden", "NOR": "Norway", "JPN": "Japan", "IND": "India", "PAK": "Pakistan",
    "BEL": "Belgium", "ITA": "Italy", "ESP": "Spain", "AUT": "Austria", "CHE": "Switzerland",
    # former states, for the historical appeals (former ISO codes; VNM before 1976 is South Vietnam)
    "SUN": "Soviet Union", "VDR": "North Vietnam", "VNM": "Vietnam (South Vietnam before 1976)",
    "YUG": "Yugoslavia", "IRQ": "Iraq",
}
LANGUAGE_NAMES = {
    "ru": "Russian", "en": "English", "zh": "Chinese (Mandarin)", "ko": "Korean",
    "fa": "Persian (Farsi)", "uk": "Ukrainian", "de": "German", "he": "Hebrew", "ar": "Arabic",
    "be": "Belarusian", "tr": "Turkish", "vi": "Vietnamese", "sr": "Serbian", "ps": "Pashto", "th": "Thai",
}
SCRIPTS = {
    "ru": "Cyrillic", "uk": "Cyrillic", "be": "Cyrillic", "zh": "Chinese characters (Han)",
    "ko": "Hangul", "fa": "Arabic script, right to left", "ar": "Arabic script, right to left",
    "he": "Hebrew script, right to left",
}
#: Each language's name for itself, in its own script (linguistic facts, not campaign data).
ENDONYMS = {
    "ru": "Русский", "en": "English", "zh": "中文", "ko": "한국어", "fa": "فارسی",
    "uk": "Українська", "de": "Deutsch", "he": "עברית", "ar": "العربية", "be": "Беларуская",
    "tr": "Türkçe",
}
RTL = {"fa", "ar", "he", "ur"}


def state_name(code: str) -> str:
    """English name of an ISO 3166-1 alpha-3 code used in the kit (the code itself if unknown)."""
    return STATE_NAMES.get(str(code), str(code))


def language_name(code: str) -> str:
    """English name of an ISO 639-1 code used in the kit (the code itself if unknown)."""
    return LANGUAGE_NAMES.get(str(code), str(code))


def endonym(code: str) -> str:
    """The language's own name for itself, in its script (the code itself if unknown)."""
    return ENDONYMS.get(str(code), str(code))


def script_of(code: str) -> str:
    """The writing system of a language code: Latin unless listed."""
    return SCRIPTS.get(str(code), "Latin")


def is_rtl(code: str) -> bool:
    """True for languages written right to left."""
    return str(code) in RTL


def direction(code: str) -> str:
    """``"rtl"`` for languages written right to left, else ``"ltr"`` (for HTML ``dir``)."""
    return "rtl" if is_rtl(code) else "ltr"


def language_label(code: str, *, isolate: bool = False, say_direction: bool = False) -> str:
    """``English name · own name``; ``isolate`` wraps right-to-left names in Unicode isolates
    (for chart labels), ``say_direction`` adds "(right to left)" (for option lists)."""
    own = endonym(code)
    if isolate and is_rtl(code):
        own = f"\u2067{own}\u2069"
    label = f"{language_name(code)} · {own}"
    return label + (" (right to left)" if say_direction and is_rtl(code) else "")


def state_label(code: str) -> str:
    """``Name (CODE)``, as tables and option lists show a state."""
    return f"{state_name(code)} ({code})"
