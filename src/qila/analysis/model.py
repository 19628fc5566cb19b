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
