"""Issuer rule for a token promotion (issue 17's audits of unlabelled releases): the project whose presale the story
sells issues it, over the coins its headline and opening discuss. Small releases written inline, parsed as `releases
parse` does."""

from __future__ import annotations

import pytest
from wire_release import wire

from indexer.parse.presales import promoted_presale

_MARKET = (
    "Dogelon Prime Faces Selling Pressure As Traders Look Elsewhere",
    "Dogelon Prime could be facing a long year in the crypto market with all the token dumps. Dogelon Prime holders "
    "are worried, and Dogelon Prime has offered no explanation.",
)


@pytest.mark.parametrize(
    "tail, company",
    [
        # Sold as "<name>'s presale", its own site linked with a word added (zorblettoken.com).
        (
            "Thankfully, Zorblet's presale is here! Zorblet opened at $0.003 and Zorblet plans daily memes. "
            "Join the Zorblet presale here: https://zorblettoken.com/?utm_source=pr",
            "Zorblet",
        ),
        # Never sold as "<name> presale" in so many words: its own site spells it, and the text names it thrice.
        (
            "Many now buy Quanlux during its presale at $0.06, and Quanlux staking pays. Analysts say Quanlux "
            "could list soon. Website: https://www.quanlux.io",
            "Quanlux",
        ),
        # Sold as a presale and named throughout, no site linked.
        (
            "Investors are shifting to Mooncrate. The Mooncrate presale is in Stage 4; Mooncrate holders earn "
            "tokens and Mooncrate could list soon.",
            "Mooncrate",
        ),
    ],
)
def test_a_token_promotion_is_its_presale_project(tail: str, company: str) -> None:
    headline, lede = _MARKET
    parsed = wire(lede, headline, tail, tail_apart=True)
    assert (parsed.company, parsed.tickers) == (company, [])


@pytest.mark.parametrize(
    "text, company",
    [
        # The pick is the project.
        ("Zorblet token presale is live. Zorblet grows. Zorblet pays. Zorblet ships.", "Zorblet"),
        ("Zorblet token presale is live. Zorblet grows. Zorblet pays. Zorblet ships.", "Zorblet AI Token"),
        # The token's symbol, not a project: "Swapfold (SWPF) presale", "SWPF presale" counted apart.
        ("Swapfold (SWPF) gains. SWPF presale opens. SWPF rises, SWPF holders cheer. $SWPF is cheap.", "Swapfold"),
        # A shop's pre-sale: no token, no coin, no crypto.
        (
            "Lustra Hair Black Friday pre-sale event. Lustra Hair wigs. Lustra Hair bundles. Lustra Hair gifts.",
            "Lustra Hair",
        ),
        # The pick links its own site and the presale it names does not: "Skyren DAO" airdrops to presale buyers.
        (
            "Vyrel DAO rewards Lumachain presale buyers. Lumachain presale participants get tokens; Lumachain holders "
            "and Lumachain fans qualify. Visit https://vyrel.io/ for the crypto airdrop.",
            "Vyrel DAO",
        ),
        # The project's name begins with the word sold ("AIGOLD" sold as "AIG presale").
        ("AIG presale is live. AIG token. AIG coin. AIG crypto. AIG gold.", "AIGOLD"),
        # Sold as a presale but printed twice only, and no site of its own.
        ("The Pebblecoin presale is live on the crypto market. Pebblecoin rises.", "Dogecoin"),
    ],
)
def test_no_presale_project_over_the_pick(text: str, company: str) -> None:
    assert promoted_presale(text, company) is None
