"""The five sample articles in ../shared/seeds get sensible verdicts (skipped when the data is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.checks import check

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"


def _seeds() -> dict[str, str]:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds not present: {SEEDS}")
    files = sorted(p for p in SEEDS.glob("*.txt") if p.name[:3].isdigit())
    if len(files) < 5:
        pytest.skip(f"../shared/seeds not present: expected 5 articles in {SEEDS}")
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in files}


def test_seed_verdicts_are_sensible() -> None:
    seeds = _seeds()
    v = {k: check(t) for k, t in seeds.items()}
    for k, verdict in v.items():
        text = seeds[k]
        assert verdict.applicable, k  # all five are about a treatment
        for f in verdict.findings:
            assert text[f.start : f.end] == f.quote
    # The promotional piece with a seller's link and the hype-laden pain article are rejected.
    assert v["002"].decision == "reject"
    assert v["004"].decision == "reject"
    assert any(f.category == "promotion" for f in v["002"].findings)
    assert any(f.category in {"cure", "safety"} and f.severity == "high" for f in v["004"].findings)
    # The clinic's first-person page is promotion and goes to a moderator, not straight out.
    assert v["000"].decision in {"needs_review", "reject"}
    assert any(f.category == "promotion" for f in v["000"].findings)
    # The long consumer explainer and the lupus article discuss risks and advice: never rejected outright.
    assert v["001"].decision in {"approve", "needs_review"}
    assert v["003"].decision in {"approve", "needs_review"}
    for k in ("000", "001", "003"):
        assert v[k].elements[0].present, f"{k}: harms are discussed"
    # "There is no cure for lupus" is not a cure claim.
    assert not any(f.category == "cure" and "no cure" in f.quote.lower() for f in v["003"].findings)
