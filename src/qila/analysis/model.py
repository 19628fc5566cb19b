"""The trained text classifier, evaluated in pure Python (no scikit-learn at run time).

The artifact is a gzipped JSON document: metadata, the vocabulary (one token a line), and
float64 arrays (inverse document frequencies, one coefficient row per class, intercepts)
stored as base64 so they load fast and round-trip exactly.
"""

from __future__ import annotations

import base64
import gzip
import json
import math
from array import array
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from qila.analysis.tokens import tokens

ARTIFACT_NAME = "text_model.json.gz"
FORMAT = 1


def _pack(values: Any) -> str:
    return base64.b64encode(array("d", [float(v) for v in values]).tobytes()).decode("ascii")


def _unpack(data: str) -> array[float]:
    out = array("d")
    out.frombytes(base64.b64decode(data))
    return out


@dataclass(frozen=True)
class TextModel:
    meta: dict[str, Any]
    labels: tuple[str, ...]
    index: dict[str, int]
    idf: array[float]
    coef: tuple[array[float], ...]
    intercept: tuple[float, ...]

    @classmethod
    def from_document(cls, doc: dict[str, Any]) -> TextModel:
        if doc.get("format") != FORMAT:
            raise ValueError(f"unsupported model format {doc.get('format')!r}")
        vocab = doc["vocabulary"].split("\n") if doc["vocabulary"] else []
        return cls(
            meta=doc["meta"],
            labels=tuple(doc["labels"]),
            index={tok: i for i, tok in enumerate(vocab)},
            idf=_unpack(doc["idf"]),
            coef=tuple(_unpack(row) for row in doc["coef"]),
            intercept=tuple(float(v) for v in doc["intercept"]),
        )

    def probabilities(self, text: str) -> dict[str, float]:
        """Class probabilities, computed exactly as scikit-learn's TF-IDF + logistic regression."""
        counts = Counter(i for i in map(self.index.get, tokens(text)) if i is not None)
        weights = {i: (1.0 + math.log(n)) * self.idf[i] for i, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        if norm > 0.0:
            weights = {i: w / norm for i, w in weights.items()}
        logits = [
            sum(w * row[i] for i, w in sorted(weights.items())) + b
            for row, b in zip(self.coef, self.intercept, strict=True)
        ]
        if len(logits) == 1:  # binary model: one row for the second label
            p = 1.0 / (1.0 + math.exp(-logits[0]))
            return {self.labels[0]: 1.0 - p, self.labels[1]: p}
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps, strict=True)}

    def scam_probability(self, text: str) -> float:
        return self.probabilities(text).get("scam", 0.0)


def to_document(
    meta: dict[str, Any],
    labels: list[str],
    vocabulary: list[str],
    idf: Any,
    coef: Any,
    intercept: Any,
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "meta": meta,
        "labels": labels,
        "vocabulary": "\n".join(vocabulary),
        "idf": _pack(idf),
        "coef": [_pack(row) for row in coef],
        "intercept": [float(v) for v in intercept],
    }


def write_artifact(doc: dict[str, Any], path: Path) -> None:
    raw = json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("utf-8")
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))


def read_artifact(path: Path) -> TextModel:
    return TextModel.from_document(json.loads(gzip.decompress(path.read_bytes())))


def artifact_path() -> Path:
    return Path(str(resources.files("qila.analysis") / "data" / ARTIFACT_NAME))


@cache
def packaged_model() -> TextModel | None:
    """The model shipped in the package, or None when it has not been trained yet."""
    path = artifact_path()
    return read_artifact(path) if path.exists() else None


# --- the URL model: which registrable domains look like those of scam sites ---------------

URL_ARTIFACT_NAME = "url_model.json.gz"
URL_FORMAT = 1
URL_NGRAMS = (3, 4, 5)


def url_ngrams(registered: str) -> list[str]:
    """Distinct character n-grams of ``^registered$`` (the features of the URL model)."""
    marked = f"^{registered.lower()}$"
    grams = {marked[i : i + n] for n in URL_NGRAMS for i in range(len(marked) - n + 1)}
    return sorted(grams)


@dataclass(frozen=True)
class UrlModel:
    """Binary logistic regression on L2-normalised binary character n-grams of a registrable
    domain; equals scikit-learn's ``predict_proba`` (see ``train.fit_url_sklearn``)."""

    meta: dict[str, Any]
    index: dict[str, int]
    coef: array[float]
    intercept: float
    threshold: float

    @classmethod
    def from_document(cls, doc: dict[str, Any]) -> UrlModel:
        if doc.get("format") != URL_FORMAT or doc.get("kind") != "url":
            raise ValueError("not a URL model document")
        vocab = doc["vocabulary"].split("\n") if doc["vocabulary"] else []
        return cls(
            meta=doc["meta"],
            index={tok: i for i, tok in enumerate(vocab)},
            coef=_unpack(doc["coef"]),
            intercept=float(doc["intercept"]),
            threshold=float(doc["threshold"]),
        )

    def probability(self, registered: str) -> float:
        """Probability that ``registered`` (e.g. ``parcel-redeliver.com``) is a scam site's."""
        grams = url_ngrams(registered)
        found = sorted(i for i in map(self.index.get, grams) if i is not None)
        logit = self.intercept
        if found:
            scale = 1.0 / math.sqrt(len(found))
            logit += sum(self.coef[i] for i in found) * scale
        return 1.0 / (1.0 + math.exp(-logit))


def url_document(
    meta: dict[str, Any], vocabulary: list[str], coef: Any, intercept: float, threshold: float
) -> dict[str, Any]:
    return {
        "format": URL_FORMAT,
        "kind": "url",
        "meta": meta,
        "vocabulary": "\n".join(vocabulary),
        "coef": _pack(coef),
        "intercept": float(intercept),
        "threshold": float(threshold),
    }


def url_artifact_path() -> Path:
    return Path(str(resources.files("qila.analysis") / "data" / URL_ARTIFACT_NAME))


@cache
def packaged_url_model() -> UrlModel | None:
    path = url_artifact_path()
    if not path.exists():
        return None
    return UrlModel.from_document(json.loads(gzip.decompress(path.read_bytes())))
