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
from qila.analysis.model import TextModel, artifact_path, to_document, write_artifact
from qila.analysis.tokens import tokens

SEED = 1234
MODEL_VERSION = "1"
MAX_FEATURES = 20000
C = 4.0
CLASS_WEIGHT: dict[str, float] | None = {"scam": 3.0, "promotion": 1.0, "legitimate": 1.0}
SPAM_WEIGHT = 0.0  # sample weight of "spam" (unknown kind) texts trained as scam; 0 = unused


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
        "note": note,
    }
    return export(vectorizer, classifier, meta)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--datasets", type=Path, default=default_datasets_dir())
    parser.add_argument("--out", type=Path, default=artifact_path())
    args = parser.parse_args(argv)
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
