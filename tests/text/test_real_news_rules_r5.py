"""General rules for the classes of error seen on the fifth blind round of real news (issue 9).

The texts here are written for each rule, in every language, never copied from the articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.text.facts import facts, read_reports

SEVEN_REGIONS = {"UA-05", "UA-18", "UA-23", "UA-48", "UA-68", "UA-53", "UA-63"}

# --- 1. a list of regions is read whole, however long, before or after its region noun ---

LONG_LISTS = [
    pytest.param("en", "Russian strikes hit energy facilities in the Vinnytsia, Zhytomyr, "
                       "Zaporizhzhia, Mykolaiv, Khmelnytskyi, Poltava and Kharkiv regions "
                       "overnight.", id="en"),
    pytest.param("uk", "Уночі російські удари пошкодили енергетичні об'єкти у Житомирській, "
                       "Вінницькій, Полтавській, Запорізькій, Хмельницькій, Харківській та "
                       "Миколаївській областях.", id="uk"),
    pytest.param("ru", "Ночью российские удары повредили энергетические объекты в Винницкой, "
                       "Житомирской, Запорожской, Николаевской, Хмельницкой, Полтавской и "
                       "Харьковской областях.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), LONG_LISTS)
def test_every_region_of_a_long_list_is_read(language, text):
    assert {a for (a,) in facts(text, language, "admin1")} == SEVEN_REGIONS


AFTER_THE_NOUN = [
    pytest.param("uk", "Уночі російські дрони били по енергетиці в трьох областях – "
                       "Чернігівській, Донецькій та Сумській.", id="uk-dash"),
    pytest.param("ru", "Ночью российские дроны атаковали энергетические объекты в трёх "
                       "областях: Донецкой, Сумской и Черниговской.", id="ru-colon"),
]


@pytest.mark.parametrize(("language", "text"), AFTER_THE_NOUN)
def test_region_adjectives_after_a_region_noun_and_a_dash_are_regions(language, text):
    assert {a for (a,) in facts(text, language, "admin1")} == {"UA-14", "UA-59", "UA-74"}


def test_adjectives_after_a_noun_with_no_dash_are_not_read_as_its_list():
    # "in the area of the Donetsk" is no list: the dash or colon is what opens one
    text = "Уночі російські дрони атакували підстанцію у районі, Донецькій громаді відомо."
    assert "UA-59" not in {a for (a,) in facts(text, "uk", "admin1")}


# --- 2. the noun "attack" ("напад", "нападение") is an attack word like the verb ---

ATTACK_NOUNS = [
    pytest.param("en", "Russian forces carried out an attack on energy facilities in the "
                       "Donetsk region overnight.", id="en"),
    pytest.param("uk", "Минулої ночі окупанти здійснили напад на об'єкти енергетики в "
                       "Донецькій області.", id="uk"),
    pytest.param("ru", "Ночью российские войска совершили нападение на энергетические объекты в "
                       "Донецкой области.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), ATTACK_NOUNS)
def test_an_attack_noun_reports_the_attack(language, text):
    assert facts(text, language, "admin1", "target_class") == {("UA-14", "energy.other")}


# --- 3. "as a result of the attack, ..." tells what the attack just reported did ---

CONSEQUENCES = [
    pytest.param("en", "Overnight Russia launched a massive attack on Ukraine's energy "
                       "infrastructure. The ministry reported it in the morning. As a result of "
                       "the shelling, consumers in the Vinnytsia and Kharkiv regions were left "
                       "without power.", id="en"),
    pytest.param("uk", "Уночі Росія здійснила масовану атаку на об'єкти енергетичної "
                       "інфраструктури України. Про це повідомили у міністерстві. Унаслідок "
                       "обстрілів частина споживачів у Вінницькій і Харківській областях "
                       "залишилася без світла.", id="uk"),
    pytest.param("ru", "Ночью Россия нанесла массированный удар по объектам энергетической "
                       "инфраструктуры Украины. Об этом сообщили в министерстве. В результате "
                       "обстрела часть потребителей в Винницкой и Харьковской областях осталась "
                       "без света.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), CONSEQUENCES)
def test_a_consequence_takes_the_target_of_the_attack_before(language, text):
    # "energy infrastructure" is energy.other (docs/labeling.md); the outage does not make
    # the unnamed sites substations
    assert facts(text, language, "admin1", "target_class") == {
        ("UA-05", "energy.other"), ("UA-63", "energy.other")}


# --- 4. an attack counted among others is still reported when the sentence gives its day ---

COUNTED_WITH_A_DAY = [
    pytest.param("en", "On the night of 7 March the enemy carried out its sixth attack this year "
                       "on power facilities of the Kharkiv region.", id="en"),
    pytest.param("uk", "У ніч на 7 березня ворог провів уже шосту від початку року атаку на "
                       "енергооб'єкти Харківської області.", id="uk"),
    pytest.param("ru", "В ночь на 7 марта противник провел уже шестую с начала года атаку на "
                       "энергообъекты Харьковской области.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), COUNTED_WITH_A_DAY)
def test_a_counted_attack_with_its_own_day_is_reported(language, text):
    assert facts(text, language, "admin1", "date", published="2026-03-07") == {
        ("UA-63", dt.date(2026, 3, 7))}


COUNTED_SINCE_A_DAY = [
    pytest.param("en", "It was the fifth attack on energy facilities in the Kharkiv region since "
                       "1 March.", id="en"),
    pytest.param("uk", "Це вже п'ята від 1 березня атака на енергетичні об'єкти у Харківській "
                       "області.", id="uk"),
    pytest.param("ru", "Это уже пятый с 1 марта удар по объектам энергетики в Харьковской "
                       "области.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), COUNTED_SINCE_A_DAY)
def test_an_attack_counted_since_a_day_is_still_a_tally(language, text):
    assert read_reports(text, language, "2026-03-07") == []


# --- 5. the small towns of power plants and refineries are places ---

PLANT_TOWNS = [
    pytest.param("en", "Russian missiles hit the Burshtyn TPP and the Dobrotvir TPP overnight.",
                 {"UA-26", "UA-46"}, id="en"),
    pytest.param("uk", "Уночі російські ракети влучили у ТЕС у Бурштині та у Добротворі.",
                 {"UA-26", "UA-46"}, id="uk"),
    pytest.param("ru", "Ночью беспилотники атаковали нефтеперерабатывающий завод в Ильском.",
                 {"RU-KDA"}, id="ru"),
]


@pytest.mark.parametrize(("language", "text", "regions"), PLANT_TOWNS)
def test_a_plant_town_gives_the_region(language, text, regions):
    assert {a for (a,) in facts(text, language, "admin1")} == regions


# --- 6. "infrastructure facilities" are a target (a vague one) in every language ---

INFRASTRUCTURE_OBJECTS = [
    pytest.param("en", "Russia attacked infrastructure facilities in the Cherkasy region "
                       "overnight.", id="en"),
    pytest.param("uk", "Росія вночі атакувала об'єкти інфраструктури в Черкаській області.",
                 id="uk"),
    pytest.param("ru", "В Черкасской области ночью были атакованы объекты инфраструктуры.",
                 id="ru"),
]


@pytest.mark.parametrize(("language", "text"), INFRASTRUCTURE_OBJECTS)
def test_infrastructure_facilities_are_a_target(language, text):
    assert facts(text, language, "admin1", "target_class") == {
        ("UA-71", "infrastructure.other")}


# --- 7. the drones themselves are no target: "unmanned aerial vehicles" are not vehicles ---

DRONES_ONLY = [
    pytest.param("en", "Overnight the Russian military destroyed these unmanned aerial "
                       "vehicles over the Kursk region.", id="en"),
    pytest.param("uk", "Уночі сили ППО знищили ці безпілотні літальні апарати над Курською "
                       "областю.", id="uk"),
    pytest.param("ru", "Ночью силы ПВО уничтожили эти беспилотные летательные аппараты над "
                       "Курской областью.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), DRONES_ONLY)
def test_destroyed_drones_are_no_report(language, text):
    assert read_reports(text, language) == []


# --- 8. "no injuries or damage" is no damage, wherever the two nouns stand ---

NO_INJURIES_OR_DAMAGE = [
    pytest.param("en", "In the Tula region a drone attack was recorded overnight, with no "
                       "injuries or damage reported.", id="en"),
    pytest.param("uk", "Уночі на Сумщині зафіксовано атаку дронів, обійшлося без постраждалих і "
                       "руйнувань будинків.", id="uk"),
    pytest.param("ru", "Ночью в Тульской области отражена атака беспилотников, без пострадавших "
                       "и разрушений зданий.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), NO_INJURIES_OR_DAMAGE)
def test_no_injuries_or_damage_is_no_report(language, text):
    assert read_reports(text, language) == []


# --- 9. a town's capitalised name is the town, not the target word it also spells ---
# (Shakhty is "mines": in uk and ru the name and the word are one; English transliterates)

TOWN_NAMED_LIKE_A_TARGET = [
    pytest.param("uk", "Уночі в Шахтах Ростовської області через атаку дронів знеструмлено "
                       "підстанцію.", id="uk"),
    pytest.param("ru", "Ночью в Шахтах Ростовской области из-за атаки БПЛА отключена "
                       "подстанция.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), TOWN_NAMED_LIKE_A_TARGET)
def test_a_town_named_like_a_target_is_no_target(language, text):
    assert facts(text, language, "admin1", "target_class") == {
        ("RU-ROS", "energy.power_grid")}


def test_the_target_word_opening_a_sentence_is_still_a_target():
    text = "Шахты Донбасса обесточены после удара по подстанции в Донецкой области."
    assert ("UA-14", "energy.other") in facts(text, "ru", "admin1", "target_class")


# --- 10. "..., — the ministry": a source after a closing dash is the speaker of the line ---

DASHED_SOURCES = [
    pytest.param("en", "Russia struck a substation in the Kharkiv region overnight — Ukrenergo",
                 id="en"),
    pytest.param("uk", "Ворог завдав удару по підстанції на Харківщині, - Міненерго", id="uk"),
    pytest.param("ru", "Враг нанес удар по подстанции в Харьковской области, — Минэнерго "
                       "Украины", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), DASHED_SOURCES)
def test_a_source_after_a_closing_dash_claims(language, text):
    assert facts(text, language, "claimed_by") == {("UA",)}


def test_a_dash_inside_the_line_names_no_speaker():
    text = "Ukrenergo crews — working all night — restored power after Russia struck a " \
           "substation in the Kharkiv region."
    assert facts(text, "en", "claimed_by") == {("media",)}


MINISTRY_OF_ENERGY = [
    pytest.param("en", "Russia struck a substation in the Kharkiv region overnight, Ukraine's "
                       "Ministry of Energy said.", id="en"),
    pytest.param("uk", "Ворог завдав удару по підстанції на Харківщині, повідомили в "
                       "Міністерстві енергетики.", id="uk"),
    pytest.param("ru", "Враг нанес удар по подстанции в Харьковской области, сообщили в "
                       "Министерстве энергетики Украины.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), MINISTRY_OF_ENERGY)
def test_the_ministry_of_energy_speaks_for_its_side(language, text):
    assert facts(text, language, "claimed_by") == {("UA",)}


# --- 11. military depots are military; a depot of fuel and lubricants is an oil depot ---

MILITARY_DEPOTS = [
    pytest.param("en", "Ukraine's defence forces hit a drone depot in Makiivka in the Donetsk "
                       "region.", id="en"),
    pytest.param("uk", "Сили оборони уразили склад зберігання БпЛА у Макіївці на Донеччині.",
                 id="uk"),
    pytest.param("ru", "Силы обороны поразили склад хранения БПЛА в Макеевке Донецкой области.",
                 id="ru"),
]


@pytest.mark.parametrize(("language", "text"), MILITARY_DEPOTS)
def test_a_drone_depot_is_military(language, text):
    assert facts(text, language, "admin1", "target_class") == {("UA-14", "military")}


# --- 12. the side that "lost" a site is the side hit, not the attacker ---

LOST_SITES = [
    pytest.param("en", "Near the village of Lobanove in Crimea the enemy lost a fuel and "
                       "lubricants depot, which caused a large fire.", id="en"),
    pytest.param("uk", "У Криму біля села Лобанове ворог втратив склад ПММ, там спалахнула "
                       "велика пожежа.", id="uk"),
    pytest.param("ru", "В районе села Лобаново в Крыму противник потерял склад горюче-смазочных "
                       "материалов, начался сильный пожар.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), LOST_SITES)
def test_the_enemy_that_lost_a_depot_is_not_the_attacker(language, text):
    # the holder of occupied Crimea lost it; its opponent is inferred as the attacker
    assert facts(text, language, "admin1", "target_class", "perpetrator") == {
        ("UA-43", "energy.oil_gas_network", "UA")}


# --- 13. "зі складу полку" (of the regiment's strength) is no warehouse ("склад") ---

def test_part_of_a_unit_is_no_warehouse():
    text = ("Українські дрони уразили ремонтний підрозділ зі складу 72-го полку біля Антрацита "
            "на Луганщині.")
    assert facts(text, "uk", "admin1", "target_class") == {("UA-09", "military")}


def test_a_warehouse_is_still_a_warehouse():
    text = "Уночі російські дрони влучили у склад на Луганщині, спалахнула пожежа."
    assert facts(text, "uk", "target_class") == {("civilian",)}
