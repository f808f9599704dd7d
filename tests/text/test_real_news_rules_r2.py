"""General rules for the classes of error seen on the second blind round of real news (issue 9).

The texts here are written for each rule, in every language, never copied from the articles.
"""

from __future__ import annotations

import pytest

from tests.text.facts import facts

# --- 1. a target told at one site does not spread over a list of regions ---

INTERCEPTED = [
    pytest.param("en", "A Ukrainian drone attack damaged an oil depot in Bryansk region, the "
                       "governor said. Drones were also destroyed in the Kursk, Oryol and Tula "
                       "regions, it said.", id="en"),
    pytest.param("uk", "Українські дрони атакували нафтобазу в Брянській області, повідомив "
                       "губернатор. Також дрони знищено в Курській, Орловській та Тульській "
                       "областях, повідомили там.", id="uk"),
    pytest.param("ru", "Украинские беспилотники атаковали нефтебазу в Брянской области, сообщил "
                       "губернатор. Также беспилотники уничтожены в Курской, Орловской и "
                       "Тульской областях, говорится в сообщении.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), INTERCEPTED)
def test_drones_downed_over_a_list_of_regions_do_not_hit_the_target_before(language, text):
    assert facts(text, language, "admin1", "target_class", "perpetrator") == {
        ("RU-BRY", "energy.oil_gas_network", "UA")}


BLACKED_OUT = [
    pytest.param("en", "Russian missiles damaged a thermal power plant, the energy ministry "
                       "said. The Sumy, Poltava and Chernihiv regions were left without "
                       "electricity.", id="en"),
    pytest.param("uk", "Російські ракети пошкодили теплову електростанцію, повідомило "
                       "міненерго. Без світла залишилися Сумська, Полтавська та Чернігівська "
                       "області.", id="uk"),
    pytest.param("ru", "Российские ракеты повредили тепловую электростанцию, сообщило "
                       "минэнерго. Без света остались Сумская, Полтавская и Черниговская "
                       "области.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), BLACKED_OUT)
def test_regions_left_without_power_are_not_where_the_plant_was_hit(language, text):
    regions = {admin1 for (admin1,) in facts(text, language, "admin1")}
    assert not regions & {"UA-59", "UA-53", "UA-74"}


STRUCK_LIST = [
    pytest.param("en", "Russian drones hit a substation in Kharkiv region. Russian drones also "
                       "struck the Sumy and Chernihiv regions overnight.", id="en"),
    pytest.param("uk", "Російські дрони влучили в підстанцію на Харківщині. Також російські "
                       "дрони атакували Сумську та Чернігівську області вночі.", id="uk"),
    pytest.param("ru", "Российские дроны ударили по подстанции в Харьковской области. Также "
                       "российские дроны атаковали Сумскую и Черниговскую области ночью.",
                 id="ru"),
]


@pytest.mark.parametrize(("language", "text"), STRUCK_LIST)
def test_a_list_of_regions_struck_in_its_own_words_is_still_read(language, text):
    """The rule is about lists with no attack of their own: strikes on several regions stay."""
    assert {"UA-63", "UA-59", "UA-74"} <= {admin1 for (admin1,) in facts(text, language, "admin1")}


# --- 2. a campaign told over months is background, not one more report ---

CAMPAIGN = [
    pytest.param("en", "Ukrainian drones hit an oil depot in Bryansk region on Monday, the "
                       "governor said. Kyiv has intensified strikes on Russian refineries and "
                       "pipelines.", id="en-intensified"),
    pytest.param("en", "Ukrainian drones hit an oil depot in Bryansk region on Monday, the "
                       "governor said. Ukrainian drones have targeted refineries in the region "
                       "throughout the war.", id="en-throughout"),
    pytest.param("uk", "Українські дрони уразили нафтобазу в Брянській області в понеділок, "
                       "повідомив губернатор. Сили оборони посилили атаки на російські НПЗ.",
                 id="uk-posylyly"),
    pytest.param("uk", "Українські дрони уразили нафтобазу в Брянській області в понеділок, "
                       "повідомив губернатор. Українські дрони атакували НПЗ у регіоні "
                       "протягом війни.", id="uk-protiahom"),
    pytest.param("ru", "Украинские беспилотники поразили нефтебазу в Брянской области в "
                       "понедельник, сообщил губернатор. ВСУ усилили атаки на российские НПЗ.",
                 id="ru-usilili"),
    pytest.param("ru", "Украинские беспилотники поразили нефтебазу в Брянской области в "
                       "понедельник, сообщил губернатор. Украинские беспилотники атаковали НПЗ "
                       "в регионе на протяжении войны.", id="ru-na-protiazhenii"),
]


@pytest.mark.parametrize(("language", "text"), CAMPAIGN)
def test_a_campaign_told_over_months_adds_no_report(language, text):
    assert facts(text, language, "admin1", "target_class") == {
        ("RU-BRY", "energy.oil_gas_network")}


# --- 3. one plant hit does not tell the kind of the objects hit in a list of regions ---

OBJECTS_IN_A_LIST = [
    pytest.param("en", "Russian missiles damaged a hydroelectric power plant in Zaporizhzhia "
                       "region overnight. The enemy also hit a facility in each of the Poltava, "
                       "Cherkasy and Dnipropetrovsk regions.", id="en"),
    pytest.param("uk", "Російські ракети пошкодили гідроелектростанцію в Запорізькій області "
                       "вночі. Також ворог бив по об'єктах у Полтавській, Черкаській та "
                       "Дніпропетровській областях, повідомили в міністерстві.", id="uk"),
    pytest.param("ru", "Российские ракеты повредили гидроэлектростанцию в Запорожской области "
                       "ночью. Также противник ударил по объектам в Полтавской, Черкасской и "
                       "Днепропетровской областях, сообщили в министерстве.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), OBJECTS_IN_A_LIST)
def test_objects_hit_across_a_list_of_regions_are_energy_of_no_named_kind(language, text):
    assert facts(text, language, "admin1", "target_class") == {
        ("UA-23", "energy.hydro"), ("UA-53", "energy.other"), ("UA-71", "energy.other"),
        ("UA-12", "energy.other")}
