"""The packaged classifier: pure-Python inference equals scikit-learn's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qila.analysis.datasets import LABELS, default_datasets_dir, load_examples
from qila.analysis.model import (
    TextModel,
    artifact_path,
    packaged_model,
    read_artifact,
    write_artifact,
)

DATASETS = default_datasets_dir()
needs_data = pytest.mark.skipif(not DATASETS.exists(), reason="shared datasets not available")


def test_artifact_is_small_versioned_and_trained_on_the_fixed_split() -> None:
    path = artifact_path()
    assert path.stat().st_size < 2_000_000
    model = packaged_model()
    assert model is not None
    assert set(model.labels) == set(LABELS)
    for key in ("version", "data_hash", "trained_on", "examples", "label_scheme"):
        assert model.meta.get(key), key
    assert len(model.index) > 1000


def test_model_loads_and_predicts_without_sklearn(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['sklearn'] = None; sys.modules['numpy'] = None\n"
        "from qila.analysis.model import packaged_model\n"
        "m = packaged_model()\n"
        "p = m.scam_probability('BankOfAmerica Alert: your account is suspended. Please follow http://bit.do/cgjK and re-activate')\n"
        "q = m.scam_probability('ok see you at the canteen later')\n"
        "print(p > 0.5, q < 0.1)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True True"


@needs_data
def test_parity_with_sklearn(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    import numpy as np

    from qila.analysis.train import export, fit_sklearn

    examples = [ex for ex in load_examples(DATASETS) if ex.label in LABELS]
    # A small, label-balanced training set keeps the test quick; the code path is the real one.
    train = [ex for ex in examples if not ex.test]
    picked = [ex for ex in train if ex.label != "legitimate"][:1500]
    picked += [ex for ex in train if ex.label == "legitimate"][:3000]
    vectorizer, classifier = fit_sklearn([ex.text for ex in picked], [ex.label for ex in picked])
    path = tmp_path / "model.json.gz"
    write_artifact(export(vectorizer, classifier, {"version": "test"}), path)
    model = read_artifact(path)

    held = [ex.text for ex in examples if ex.test]
    texts = [*held[::40][:300], "", "12345", "Hi Mum 🙂 new number", "ÜNÏCÖDÉ £££ !!!"]
    expected = classifier.predict_proba(vectorizer.transform(texts))
    for row, text in zip(expected, texts, strict=True):
        got = model.probabilities(text)
        for label, p in zip(classifier.classes_, row, strict=True):
            assert abs(got[str(label)] - float(p)) < 1e-9, (text, label)
    assert np.allclose(expected.sum(axis=1), 1.0)
    assert len(texts) > 250


def test_rejects_unknown_format() -> None:
    with pytest.raises(ValueError):
        TextModel.from_document({"format": 99})
