"""Train the text classifier: ``python -m qila.analysis.train [--datasets PATH]``.

Reads the shared datasets, deduplicates them (see ``datasets.py``), fits TF-IDF + multinomial
logistic regression on the training side of the fixed split, with three explicit classes
(scam / promotion / legitimate), and writes ``data/text_model.json.gz`` into the package.
scikit-learn is needed here only; run time uses ``model.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from qila.analysis.datasets import (
    LABELS,
    Example,
    data_fingerprint,
    default_datasets_dir,
    load_examples,
)
from qila.analysis.language import detect_language
from qila.analysis.model import (
    TextModel,
    UrlModel,
    artifact_path,
    to_document,
    url_artifact_path,
    url_document,
    url_ngrams,
    write_artifact,
)
from qila.analysis.tokens import tokens

SEED = 1234
MODEL_VERSION = "2"
MAX_FEATURES = 20000
C = 4.0
CLASS_WEIGHT: dict[str, float] | None = {"scam": 3.0, "promotion": 1.0, "legitimate": 1.0}
SPAM_WEIGHT = 0.0  # sample weight of "spam" (unknown kind) texts trained as scam; 0 = unused
# Sample weight of the synthetic organisational notices (``synthetic.py``) trained as
# legitimate: the datasets' legitimate side is personal chat, and without notices the model
# reads any message from a bank, courier or clinic as scam-like. 0 = unused.
SYNTHETIC_WEIGHT = 1.0


def fit_sklearn(
    texts: list[str], labels: list[str], weights: list[float] | None = None
) -> tuple[Any, Any]:
    """Fit the vectoriser and classifier (deterministic for the same input)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(
        analyzer=tokens, min_df=2, sublinear_tf=True, max_features=MAX_FEATURES, dtype=np.float64
    )
    features = vectorizer.fit_transform(texts)
    classifier = LogisticRegression(
        C=C, max_iter=5000, random_state=SEED, tol=1e-6, class_weight=CLASS_WEIGHT
    )
    classifier.fit(features, labels, sample_weight=weights)
    return vectorizer, classifier


def export(vectorizer: Any, classifier: Any, meta: dict[str, Any]) -> dict[str, Any]:
    vocab = [""] * len(vectorizer.vocabulary_)
    for token, i in vectorizer.vocabulary_.items():
        vocab[i] = token
    return to_document(
        meta=meta,
        labels=[str(c) for c in classifier.classes_],
        vocabulary=vocab,
        idf=vectorizer.idf_,
        coef=classifier.coef_,
        intercept=classifier.intercept_,
    )


def training_examples(examples: list[Example]) -> list[Example]:
    """The training side of the fixed split: labelled texts and, when ``SPAM_WEIGHT`` is set,
    spam of unknown kind."""
    usable = (*LABELS, "spam") if SPAM_WEIGHT else LABELS
    return [ex for ex in examples if ex.label in usable and not ex.test]


def _weighted(examples: list[Example]) -> tuple[list[str], list[str], list[float]]:
    """Texts, labels and sample weights. Spam of unknown kind (mostly smishing in SpamHunter)
    counts as a scam example with a lower weight; the class weights apply on top. Only spam
    that does not read as Indonesian or Malay: the labelled legitimate texts in those languages
    are few, and thousands of Indonesian spam lines would teach "Indonesian means scam"."""
    texts: list[str] = []
    labels: list[str] = []
    weights: list[float] = []
    for ex in examples:
        if ex.label in LABELS:
            texts.append(ex.text)
            labels.append(ex.label)
            weights.append(1.0)
        elif ex.label == "spam" and SPAM_WEIGHT and detect_language(ex.text) == "en":
            texts.append(ex.text)
            labels.append("scam")
            weights.append(SPAM_WEIGHT)
    if SYNTHETIC_WEIGHT:
        from qila.analysis.synthetic import legit_notices

        for notice in legit_notices():
            texts.append(notice)
            labels.append("legitimate")
            weights.append(SYNTHETIC_WEIGHT)
    return texts, labels, weights


def train_document(examples: list[Example], note: str = "") -> dict[str, Any]:
    """Train on ``examples`` (the split already applied) and return the artifact document."""
    texts, labels, weights = _weighted(examples)
    vectorizer, classifier = fit_sklearn(texts, labels, weights)
    meta = {
        "version": MODEL_VERSION,
        "data_hash": data_fingerprint(examples),
        "trained_on": dt.date.today().isoformat(),
        "examples": dict(sorted(Counter(labels).items())),
        "label_scheme": "scam/phishing vs promotion vs legitimate",
        "features": f"tfidf word 1-2 grams, min_df=2, max_features={MAX_FEATURES}",
        "classifier": f"multinomial logistic regression, C={C}, class_weight={CLASS_WEIGHT}, "
        f"spam of unknown kind as scam with weight {SPAM_WEIGHT}",
        "synthetic": f"synthetic organisational notices (qila.analysis.synthetic) as legitimate "
        f"with weight {SYNTHETIC_WEIGHT}",
        "note": note,
    }
    return export(vectorizer, classifier, meta)


# --- the URL model ------------------------------------------------------------------------

URL_MODEL_VERSION = "1"
URL_C = 2.0
URL_MIN_DF = 3
URL_MAX_FEATURES = 30000
URL_TARGET_FPR = 0.01  # threshold: this share of popular domains (cross-validated) above it


def read_url_sets(root: Path) -> dict[str, list[str]]:
    """Raw URLs per source: the phishing/smishing/malware sets and the Tranco 50k domains."""
    import csv

    with (root / "phishtank_2021" / "verified_online.csv").open(encoding="utf-8") as fh:
        phishtank = [row["url"] for row in csv.DictReader(fh)]
    smish = root / "smishing_urls"
    sp24 = (smish / "sp24_smishing_urls.csv").read_text("utf-8").splitlines()[1:]
    hunter = (smish / "spamhunter_urls.csv").read_text("utf-8").splitlines()[1:]
    urlhaus_file = root / "urlhaus_2023" / "abusech_urlhaus_trusted_reporters_unfiltered_urls.txt"
    urlhaus = urlhaus_file.read_text("utf-8").splitlines()
    with (root / "sublime_domain_lists" / "tranco_top_50k.csv").open(encoding="utf-8") as fh:
        ranked = [row[1] for row in csv.reader(fh) if len(row) == 2]
    return {
        "phishtank_2021": phishtank,
        "sp24": [u.removeprefix("at:").strip() for u in sp24],
        "spamhunter_urls": hunter,
        "urlhaus_2023": urlhaus,
        "tranco_50k": ranked,
    }


def url_rows(root: Path) -> list[tuple[str, int]]:
    """(registrable domain, 1 = scam site / 0 = popular site), one row per domain.

    Left out of the scam side: IP hosts, shorteners, free hosts and site builders, official
    brand domains and any domain in the Tranco 50k (hacked or shared popular sites, which the
    rules handle); those say nothing about how a scam site's own name looks.
    """
    from qila.analysis.domains import listed, lists, official_brand, registered_domain
    from qila.analysis.links import _ip, host_of

    data = lists()
    sets = read_url_sets(root)
    popular = {d.strip().lower() for d in sets.pop("tranco_50k")}
    popular_registered = {registered_domain(d) or d for d in popular}
    rows = {r: 0 for r in sorted(popular_registered) if r}
    for urls in sets.values():
        for url in urls:
            host = host_of(url.strip())
            if not host or _ip(host) or listed(host, data.shorteners | data.free_hosts):
                continue
            reg = registered_domain(host)
            if not reg or reg in popular_registered or official_brand(host) is not None:
                continue
            rows.setdefault(reg, 1)
    return sorted(rows.items())


def fit_url_sklearn(domains: list[str], labels: list[int]) -> tuple[Any, Any]:
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import normalize

    vectorizer = CountVectorizer(
        analyzer=url_ngrams,
        binary=True,
        min_df=URL_MIN_DF,
        max_features=URL_MAX_FEATURES,
        dtype=np.float64,
    )
    features = normalize(vectorizer.fit_transform(domains))
    classifier = LogisticRegression(
        C=URL_C, max_iter=5000, random_state=SEED, tol=1e-6, class_weight="balanced"
    )
    classifier.fit(features, labels)
    return vectorizer, classifier


def url_threshold(domains: list[str], labels: list[int], folds: int = 5) -> float:
    """The probability above which ``URL_TARGET_FPR`` of popular domains fall, measured by
    cross-validation on the training side (domain-disjoint folds), never on held-out rows."""
    import hashlib

    scores: list[float] = []
    for k in range(folds):

        def fold(d: str) -> int:
            return hashlib.sha1(d.encode("utf-8")).digest()[0] % folds

        train = [i for i, d in enumerate(domains) if fold(d) != k]
        valid = [i for i, d in enumerate(domains) if fold(d) == k and labels[i] == 0]
        vec, clf = fit_url_sklearn([domains[i] for i in train], [labels[i] for i in train])
        from sklearn.preprocessing import normalize

        probs = clf.predict_proba(normalize(vec.transform([domains[i] for i in valid])))[:, 1]
        scores.extend(float(p) for p in probs)
    scores.sort()
    return round(scores[int(len(scores) * (1.0 - URL_TARGET_FPR))], 4)


def train_url_document(root: Path) -> dict[str, Any]:
    """Fit the URL model on the training side of the fixed domain split."""
    from qila.analysis.domains import domain_held_out

    rows = [(d, y) for d, y in url_rows(root) if not domain_held_out(d)]
    domains = [d for d, _ in rows]
    labels = [y for _, y in rows]
    threshold = url_threshold(domains, labels)
    vectorizer, classifier = fit_url_sklearn(domains, labels)
    vocab = [""] * len(vectorizer.vocabulary_)
    for gram, i in vectorizer.vocabulary_.items():
        vocab[i] = gram
    meta = {
        "version": URL_MODEL_VERSION,
        "trained_on": dt.date.today().isoformat(),
        "examples": {"scam_site": sum(labels), "popular": len(labels) - sum(labels)},
        "features": f"binary char {'/'.join(map(str, (3, 4, 5)))}-grams of the registrable "
        f"domain, L2-normalised, min_df={URL_MIN_DF}, max_features={URL_MAX_FEATURES}",
        "classifier": f"logistic regression, C={URL_C}, class_weight=balanced",
        "threshold": f"cross-validated {100 * URL_TARGET_FPR:.0f}% of popular domains above",
        "split": "domains with domains.domain_held_out() excluded (one in five)",
    }
    return url_document(
        meta, vocab, classifier.coef_[0], float(classifier.intercept_[0]), threshold
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--datasets", type=Path, default=default_datasets_dir())
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--urls", action="store_true", help="train the URL model instead")
    args = parser.parse_args(argv)
    if args.urls:
        out = args.out or url_artifact_path()
        url_doc = train_url_document(args.datasets)
        write_artifact(url_doc, out)
        url_model = UrlModel.from_document(url_doc)
        print(
            f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB, {len(url_model.index)} features, "
            f"{url_doc['meta']['examples']}, threshold {url_model.threshold})"
        )
        return 0
    args.out = args.out or artifact_path()
    examples = training_examples(load_examples(args.datasets))
    print(f"training on {len(examples)} deduplicated texts", file=sys.stderr)
    doc = train_document(examples, note="held-out split excluded (datasets.is_test)")
    write_artifact(doc, args.out)
    model = TextModel.from_document(doc)
    size = args.out.stat().st_size
    print(
        f"wrote {args.out} ({size / 1e6:.2f} MB, {len(model.index)} features, "
        f"data {doc['meta']['data_hash']}, {doc['meta']['examples']})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
