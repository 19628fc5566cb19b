"""Readers for the labelled public datasets in ``../shared/datasets``.

Label scheme (explicit, used by training and evaluation):

- ``scam``: phishing, fraud, smishing (Mendeley "smishing", Indonesian "penipuan",
  SpamHunter labelled messages other than its "promo" subcategory);
- ``promotion``: unwanted marketing from real senders (Mendeley "spam", Indonesian "promo",
  SpamHunter "promo", ExAIS "SPAM", which is mostly operator promotions);
- ``legitimate``: ordinary messages (every "ham"/"normal" label, the NUS corpus);
- ``spam``: spam whose kind (scam or promotion) the source does not say (UCI spam not relabelled
  by Mendeley, Super SMS legacy spam, the unlabelled SpamHunter lines). Used for evaluation
  (flag rate) only, never for training.

Texts are deduplicated after normalising case and whitespace across ALL datasets; a text that
occurs in several sets takes the label of the most specific source (``PRIORITY`` order). The
train/test split is a fixed function of the normalised text, so a message is on the same side
of the split whatever dataset it was read from.
"""

from __future__ import annotations

import csv
import hashlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

LABELS = ("scam", "promotion", "legitimate")
PRIORITY = (
    "mendeley_smishing",
    "indonesian_sms",
    "spamhunter_labelled",
    "exais_sms",
    "uci_sms_spam",
    "super_sms_legacy",
    "nus_sms_corpus_ham",
    "spamhunter_full",
)
TEST_BUCKETS = 5  # one text in five is held out

_WS = re.compile(r"\s+")
_MASKED_DIGITS = re.compile(r"\bX{2,}\b")


def unmask_digits(text: str) -> str:
    """SpamHunter masks digits as X: restore runs of two or more as zeros, so phone numbers,
    codes and amounts read as numbers (to rules and the classifier) as they did when sent."""
    return _MASKED_DIGITS.sub(lambda m: "0" * len(m.group(0)), text)


def default_datasets_dir() -> Path:
    """``../shared/datasets`` relative to the repository (the checkout holding ``src/``)."""
    repo = Path(__file__).resolve().parents[3]
    return (repo / ".." / "shared" / "datasets").resolve()


def normalise_key(text: str) -> str:
    return _WS.sub(" ", text).strip().lower()


def is_test(key: str) -> bool:
    digest = hashlib.sha1(key.encode("utf-8")).digest()
    return digest[0] % TEST_BUCKETS == 0


@dataclass
class Example:
    text: str
    label: str
    key: str
    datasets: set[str] = field(default_factory=set)

    @property
    def test(self) -> bool:
        return is_test(self.key)


def _csv_rows(path: Path) -> Iterator[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        yield from csv.DictReader(fh)


def read_raw(root: Path) -> Iterator[tuple[str, str, str]]:
    """Yield (dataset, text, label) for every labelled row, labels already mapped."""
    for row in _csv_rows(root / "mendeley_smishing" / "Mendeley_Dataset_5971.csv"):
        lab = row["LABEL"].strip().lower()
        mapped = {"ham": "legitimate", "smishing": "scam", "spam": "promotion"}.get(lab)
        if mapped:
            yield "mendeley_smishing", row["TEXT"], mapped
    for row in _csv_rows(root / "indonesian_sms" / "dataset_sms_spam_v1.csv"):
        mapped = {"0": "legitimate", "1": "scam", "2": "promotion"}.get(row["label"].strip())
        if mapped:
            yield "indonesian_sms", row["teks"], mapped
    for row in _csv_rows(root / "spamhunter" / "tweet_spam_labeelled.csv"):
        sub = (row.get("Subcategory") or "").strip().lower()
        yield (
            "spamhunter_labelled",
            unmask_digits(row["SMS Translation"]),
            ("promotion" if sub == "promo" else "scam"),
        )
    for row in _csv_rows(root / "exais_sms" / "cleaned_all_ExAIS_SPAM_Dataset.csv"):
        lab = row["Label"].strip().upper()
        yield "exais_sms", row["Message"].strip(), "promotion" if lab == "SPAM" else "legitimate"
    with (root / "uci_sms_spam" / "SMSSpamCollection.tsv").open(
        encoding="utf-8", errors="replace", newline=""
    ) as fh:
        for parts in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(parts) >= 2:
                yield "uci_sms_spam", parts[1], "legitimate" if parts[0] == "ham" else "spam"
    for row in _csv_rows(root / "super_sms_legacy" / "DS_legacy.csv"):
        lab = (row.get("Labels") or "").strip()
        if lab in ("0", "1"):
            yield "super_sms_legacy", row["SMSes"], "legitimate" if lab == "0" else "spam"
    for row in _csv_rows(root / "nus_sms_corpus_ham" / "Refined_NUS_Corpus_Dataset.csv"):
        yield "nus_sms_corpus_ham", row["Message"], "legitimate"
    full = root / "spamhunter" / "SPAM-Hunter_full_dataset_messages.csv"
    with full.open(encoding="utf-8", errors="replace") as fh:
        next(fh, None)
        for line in fh:
            text = unmask_digits(line.strip().strip('"'))
            if text:
                yield "spamhunter_full", text, "spam"


def load_examples(root: Path | None = None) -> list[Example]:
    """All labelled texts, deduplicated across datasets, in a stable order."""
    root = root or default_datasets_dir()
    rank = {name: i for i, name in enumerate(PRIORITY)}
    best: dict[str, tuple[int, Example]] = {}
    for dataset, text, label in read_raw(root):
        key = normalise_key(text)
        if len(key) < 2:
            continue
        current = best.get(key)
        if current is None:
            best[key] = (rank[dataset], Example(text.strip(), label, key, {dataset}))
            continue
        current[1].datasets.add(dataset)
        if rank[dataset] < current[0] or (current[1].label == "spam" and label != "spam"):
            ex = current[1]
            best[key] = (rank[dataset], Example(text.strip(), label, key, ex.datasets))
    return [ex for _, ex in sorted(best.values(), key=lambda item: item[1].key)]


def data_fingerprint(examples: list[Example]) -> str:
    digest = hashlib.sha256()
    for ex in examples:
        digest.update(f"{ex.label}\t{ex.key}\n".encode())
    return digest.hexdigest()[:16]
