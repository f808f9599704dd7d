"""Who attacked, who says so and who denies it."""

from __future__ import annotations

from trucewatch.text import extract


def _one(text, language="en", published="2025-03-28"):
    [report] = extract(text, published, language)
    return report


def test_the_speaker_claims_and_the_named_side_attacked():
    r = _one("Russia's defence ministry said Ukrainian drones attacked a substation in the "
             "Belgorod region overnight.")
    assert (r.perpetrator, r.claimed_by, r.negated) == ("UA", "RU", False)


def test_a_denial_by_the_accused_side_negates_the_claim():
    r = _one("Russia's defence ministry claimed that Ukrainian forces shelled a gas metering "
             "station in the Kursk region on Friday. Ukraine denied the claim, calling it "
             "fake.")
    assert (r.perpetrator, r.claimed_by, r.negated) == ("UA", "RU", True)
    assert "denied" in r.reasons["negated"]


def test_unverified_is_not_a_denial():
    r = _one("Russia's defence ministry said Ukrainian drones hit a power plant in the Kursk "
             "region overnight. Reuters could not independently verify the claim.")
    assert r.negated is False
    assert r.confidence < 0.95


def test_ukrainian_officials_claim_ukrainian_strikes():
    r = _one("Ukraine's General Staff said its drones struck the Engels airbase in the Saratov "
             "region overnight.")
    assert (r.target_class, r.perpetrator, r.claimed_by) == ("military", "UA", "UA")


def test_the_outlet_reports_on_its_own():
    r = _one("A Russian drone hit a hospital in Sumy on March 27.")
    assert (r.perpetrator, r.claimed_by) == ("RU", "media")


def test_territory_decides_when_no_attacker_is_named():
    assert _one("A substation in the Kursk region was damaged overnight, the governor "
                "said.").perpetrator == "UA"
    assert _one("A substation in Kharkiv Oblast was damaged by shelling overnight, the "
                "governor said.").perpetrator == "RU"


def test_the_enemy_is_the_other_side_of_the_speaker():
    assert _one("Ворог атакував підстанцію на Сумщині вночі, повідомили в ОВА.",
                "uk").perpetrator == "RU"
    assert _one("Противник атаковал подстанцию в Курской области, сообщили в "
                "Минобороны РФ.", "ru").perpetrator == "UA"


def test_ukrainian_denial_in_russian():
    r = _one("Минобороны России заявило, что ВСУ обстреляли газоизмерительную станцию "
             "в Курской области утром 28 марта. Украинская сторона отвергает обвинения.",
             "ru")
    assert (r.perpetrator, r.claimed_by, r.negated) == ("UA", "RU", True)


def test_counter_accusation_in_ukrainian_is_not_a_denial_of_its_own_claim():
    r = _one("Генштаб заявив, що Росія обстріляла газовимірювальну станцію у Курській "
             "області. Сили оборони до цього не причетні.", "uk")
    assert (r.perpetrator, r.claimed_by, r.negated) == ("RU", "UA", False)


def test_a_headline_colon_names_the_source():
    r = _one("Укренерго: через обстріли знеструмлено підстанцію у Сумській області.", "uk")
    assert (r.claimed_by, r.perpetrator) == ("UA", "RU")


def test_a_general_counter_accusation_is_not_a_denial():
    r = _one("Russia's defence ministry said Ukraine attacked a substation in the Kursk region "
             "on Friday. Ukrainian officials have repeatedly accused Moscow of violating the "
             "moratorium.")
    assert r.negated is False


def test_an_official_installed_by_one_side_speaks_for_it():
    r = _one("Moscow-installed governor Yevgeny Balitsky said Ukrainian shelling had damaged "
             "a substation in Enerhodar on Tuesday.")
    assert (r.admin1, r.country, r.perpetrator, r.claimed_by) == ("UA-23", "UA", "UA", "RU")
