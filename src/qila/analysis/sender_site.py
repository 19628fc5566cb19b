"""Whether a link's site spells the name of the organisation the message says it is from.

"Northgate Credit Union: ... https://northgatecu.org/r/8KQ2", "AA Insurance: ... aainsurance.co.nz":
small organisations that Qila's lists do not know link to a site named after themselves. In the
independent batches and the first three real-report collections, 65 legitimate messages and 1
scam had a link whose only finding was "not a well-known site" and whose name spelt or
abbreviated a capitalised name in the message; in the training datasets, 2 legitimate messages,
23 promotions, 235 spam messages of unknown kind and 11 scams, whose other tactics still flag
them (no scam verdict changed among the datasets, batches, hand-written cases and first public
collection).

Such a site is not counted against the message, but it is not a reassurance either: a fake
company can register its own name. A look-alike of a known brand, a risky ending or a free host
is judged by the link checks as before; this only concerns a site that is merely unknown,
whatever payment or login words its path holds ("thameswater.co.uk/pay" for "Thames Water": no
verdict moved on the verdict snapshot, ``python -m qila.analysis.snapshot``, or the public
samples, one water bill spared).
"""

from __future__ import annotations

import re
from functools import cache

from qila.analysis.domains import lists

_WORD = re.compile(r"[A-Za-z][A-Za-z&'’]*")
MAX_NAME_WORDS = 4
_CONNECTORS = frozenset(["of", "and"])
MIN_SPELLING = 4  # "abc.com" for "A B C": three letters spell too many things
MIN_ABBREVIATION, MAX_ABBREVIATION = 4, 7
_SERVICE_WORDS = ("delivery", "online", "app", "care", "direct", "group", "express", "portal")


def spelled_names(text: str) -> frozenset[str]:
    """Lower-case spellings of the capitalised names in ``text``: each run of up to four
    capitalised words, each word written out or as its initial, at least one written out
    ("Northgate Credit Union" -> northgatecreditunion, northgatecu, ...); "of" and "and" inside
    a run are written out, shortened or left out ("Bank of Ireland" -> bankofireland,
    bankoireland, bankireland)."""
    words = _WORD.findall(text)
    out: set[str] = set()
    for i, first in enumerate(words):
        if not first[0].isupper():
            continue
        # (spelling so far, whether a word has been written out)
        spellings: list[tuple[str, bool]] = [("", False)]
        for at, word in enumerate(words[i : i + MAX_NAME_WORDS]):
            full = re.sub(r"[&'’]", "", word.lower())
            if not word[0].isupper():
                if at == 0 or full not in _CONNECTORS:
                    break
                spellings = [(s + part, w) for s, w in spellings for part in (full, full[0], "")]
                continue
            spellings = [
                (s + part, whole or written)
                for s, written in spellings
                for part, whole in ((full, len(full) >= 3), (full[0], False))
            ]
            out.update(s for s, written in spellings if written and len(s) >= MIN_SPELLING)
    return frozenset(out)


@cache
def _brand_spellings() -> frozenset[str]:
    out: set[str] = set()
    for brand in lists().brands:
        for name in (brand.name, *brand.keywords, *brand.domain_keywords):
            out.add(re.sub(r"[^a-z]", "", name.lower()))
    return frozenset(out)


def names_the_sender(registered: str, names: frozenset[str]) -> bool:
    """Whether the registrable domain's name ("northgatecu" in northgatecu.org) is one of
    ``names``. A known brand's name is never excused: its sites are listed, and any other
    (ledger.co.uk for Ledger) is not its own."""
    label = registered.split(".", 1)[0].lower()
    if not label.isalpha() or label in _brand_spellings():
        return False
    if label in names or any(_abbreviates(label, name) for name in names):
        return True
    # "mytoll.com" for "Toll", "jollibeedelivery.com" for "Jollibee": the name with the
    # customer-portal "my" or a word for the service it offers
    stems = {label, label.removeprefix("my")}
    stems |= {stem.removesuffix(word) for stem in stems for word in _SERVICE_WORDS}
    return any(stem in names for stem in stems - {label})


def _abbreviates(label: str, name: str) -> bool:
    """ "ekrt" for Ekart, "mntp" for MoneyTap: a short label that keeps the name's first and last
    letters and drops some in between. Never for a name that starts with a known brand's,
    whose short domains are listed (gle.com for "Google Service" is not Google's)."""
    if not MIN_ABBREVIATION <= len(label) <= MAX_ABBREVIATION or len(label) >= len(name):
        return False
    if label[0] != name[0] or label[-1] != name[-1]:
        return False
    brands = _brand_spellings()
    if any(name[:end] in brands for end in range(3, len(name) + 1)):
        return False
    rest = iter(name)
    return all(letter in rest for letter in label)
