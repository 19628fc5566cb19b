"""Link structure features, the URL model and their effect on whole messages."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from qila.analysis.analyzer import ScamAnalyzer
from qila.analysis.datasets import default_datasets_dir, load_examples
from qila.analysis.domains import brand_in_path, domain_held_out, registered_domain
from qila.analysis.model import (
    UrlModel,
    packaged_url_model,
    url_artifact_path,
    url_document,
    url_ngrams,
)
from qila.analysis.verdict import Content, Level
from tests.support.verdicts import FLAGGED
from tests.support.verdicts import link_codes as codes

DATASETS = default_datasets_dir()
needs_data = pytest.mark.skipif(not DATASETS.exists(), reason="shared datasets not available")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.paypal.com@evil-site.net/login", "link.at_sign"),
        ("http://shop-example.net:8081/x", "link.odd_port"),
        ("http://shop-example.net/paypal/signin", "link.brand_in_path"),
        ("https://example-host.net/wp/dhl/track.php", "link.brand_in_path"),
        ("https://parcel-redeliver-sg.com", "link.scam_like_address"),
        ("https://usps-postal-update.top/track", "link.scam_like_address"),
        ("https://myevri-missed-item.com", "link.scam_like_address"),
    ],
)
def test_structure_features(url: str, expected: str) -> None:
    assert expected in codes(url)


def test_brand_in_path_needs_a_whole_word() -> None:
    assert brand_in_path("/paypal/signin") == "PayPal"
    assert brand_in_path("/blog/ups-and-downs") is None  # names that are also words
    assert brand_in_path("/paypalooza") is None


def test_standard_ports_and_official_sites_are_quiet() -> None:
    assert "link.odd_port" not in codes("https://shop-example.net:443/")
    assert codes("https://www.paypal.com/signin") == {"link.official"}
    assert "link.brand_in_path" not in codes("https://www.google.com/search?q=paypal")


def test_reasons_say_what_was_found(fixed_analyzer: ScamAnalyzer) -> None:
    verdict = fixed_analyzer.analyse(
        Content(text="is this safe? http://shop-example.net/dhl/track")
    )
    assert any("mixes the name DHL into an unrelated site" in r for r in verdict.reasons)
    verdict = fixed_analyzer.analyse(Content(text="https://myevri-missed-item.com"))
    assert verdict.level is Level.SUSPICIOUS
    assert "Qila doesn't recognise this site" in verdict.reasons[0]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.google.com/",
        "https://www.dbs.com.sg/personal",
        "https://shopee.sg/",
        "https://en.wikipedia.org/wiki/Singapore",
        "https://www.maybank2u.com.my/home",
        "https://lauraskitchen.blog/recipes/kaya-toast",
        "https://mycafe-sg.com/menu",
        "https://tokoberkah-jaya.co.id",
        "https://sgbikeshop.com/",
        "https://kedaikopi-ahmad.my/",
        "https://johnsmithphotography.co.uk/portfolio",
    ],
)
def test_well_known_and_ordinary_sites_are_not_flagged(
    fixed_analyzer: ScamAnalyzer, url: str
) -> None:
    verdict = fixed_analyzer.analyse(Content(text=f"is this safe? {url}"))
    assert verdict.level not in FLAGGED, (url, verdict.reasons)


@pytest.mark.parametrize(
    "url", ["https://penangfoodtours.com", "https://auntiemaycakes.com.my", "https://x-y.com"]
)
def test_an_unknown_site_alone_is_never_likely_scam(fixed_analyzer: ScamAnalyzer, url: str) -> None:
    assert fixed_analyzer.analyse(Content(text=url)).level is not Level.LIKELY_SCAM


# --- the URL model -------------------------------------------------------------------------


def test_domain_split_is_by_registrable_domain() -> None:
    assert registered_domain("login.secure.example.co.uk") == "example.co.uk"
    sides = [domain_held_out(f"site{i}.com") for i in range(2000)]
    assert 0.15 < sum(sides) / len(sides) < 0.25
    assert domain_held_out("example.co.uk") == domain_held_out("example.co.uk")


def test_url_artifact_is_small_and_loads_without_sklearn() -> None:
    assert url_artifact_path().stat().st_size < 600_000
    model = packaged_url_model()
    assert model is not None
    assert 0.5 < model.threshold < 1.0
    for key in ("version", "trained_on", "examples", "split"):
        assert model.meta.get(key), key
    code = (
        "import sys; sys.modules['sklearn'] = None; sys.modules['numpy'] = None\n"
        "from qila.analysis.model import packaged_url_model\n"
        "m = packaged_url_model()\n"
        "print(m.probability('usps-postal-update.top') > 0.9, m.probability('google.com') < 0.5)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True True"


def test_url_model_parity_with_sklearn() -> None:
    pytest.importorskip("sklearn")
    from sklearn.preprocessing import normalize

    from qila.analysis.train import fit_url_sklearn

    rng = random.Random(3)
    good = ["google.com", "wikipedia.org", "straitstimes.com", "nus.edu.sg", "lazada.sg"] * 4
    bad = ["dhl-redeliver.top", "secure-login-verify.com", "parcel-fee-sg.xyz", "usps-help.info"]
    domains = good + bad * 5
    labels = [0] * len(good) + [1] * len(bad) * 5
    vectorizer, classifier = fit_url_sklearn(domains, labels)
    vocab = [""] * len(vectorizer.vocabulary_)
    for gram, i in vectorizer.vocabulary_.items():
        vocab[i] = gram
    doc = url_document({}, vocab, classifier.coef_[0], classifier.intercept_[0], 0.9)
    model = UrlModel.from_document(doc)
    probes = [*domains, "dhl-parcel.top", "straits-login.com", "nothing.net", ""]
    rng.shuffle(probes)
    expected = classifier.predict_proba(normalize(vectorizer.transform(probes)))[:, 1]
    for probe, p in zip(probes, expected, strict=True):
        assert model.probability(probe) == pytest.approx(float(p), abs=1e-9), probe
    assert url_ngrams("ab.c") == sorted(
        {"^ab", "ab.", "b.c", "^ab.", "ab.c", ".c$", "b.c$", "^ab.c", "ab.c$"}
    )


# --- whole messages ------------------------------------------------------------------------


@needs_data
def test_whole_message_false_positives_not_raised(fixed_analyzer: ScamAnalyzer) -> None:
    """A sample of held-out legitimate texts, and every legitimate text with a link."""
    examples = [ex for ex in load_examples(DATASETS) if ex.label == "legitimate"]
    with_links = [ex for ex in examples if "http" in ex.text.lower() or "www." in ex.text.lower()]
    sample = random.Random(5).sample([ex for ex in examples if ex.test], 3000)
    flagged = sum(fixed_analyzer.analyse(Content(text=ex.text)).level in FLAGGED for ex in sample)
    assert flagged / len(sample) <= 0.01
    linked = [fixed_analyzer.analyse(Content(text=ex.text)).level in FLAGGED for ex in with_links]
    # 6 of these (all ExAIS, e.g. a password with a bare IP link) were flagged before the URL
    # model and the structure features; they must not add any.
    assert sum(linked) <= 6, sum(linked)
