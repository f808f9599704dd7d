"""General rules for the classes of error seen on the third blind round of real news (issue 9).

The texts here are written for each rule, in every language, never copied from the articles.
"""

from __future__ import annotations

import pytest

from tests.text.facts import facts, read_reports

# --- 1. an attempt on a named target is an attack on it, even when every drone was downed ---

ATTEMPTED = [
    pytest.param("en", "Overnight a Ukrainian drone attempted to strike a gas compressor station "
                       "in the Belgorod region, but air defences shot it down.", id="en-attempted"),
    pytest.param("en", "Air defences downed two drones overnight as they were trying to attack a "
                       "fuel depot in the Bryansk region, the governor said.",
                 id="en-while-trying"),
    pytest.param("uk", "Уночі російські дрони намагалися атакувати підстанцію в Сумській "
                       "області, але їх збила ППО.", id="uk"),
    pytest.param("ru", "Ночью украинские беспилотники пытались атаковать нефтебазу в Брянской "
                       "области, все они сбиты.", id="ru"),
    pytest.param("ru", "Ночью над Белгородской областью сбит беспилотник: по словам "
                       "губернатора, он нацеливался на газокомпрессорную станцию.", id="ru-aimed"),
    pytest.param("uk", "Уночі над Сумщиною збили дрон: за словами голови ОВА, він націлювався "
                       "на підстанцію.", id="uk-aimed"),
]


@pytest.mark.parametrize(("language", "text"), ATTEMPTED)
def test_an_attempt_on_a_named_target_is_reported(language, text):
    reports = read_reports(text, language)
    assert reports and all(r.target_class.startswith("energy.") for r in reports)


PLANNED = [
    pytest.param("en", "Kyiv plans to strike refineries in the Belgorod region, the ministry "
                       "warned.", id="en"),
    pytest.param("uk", "Росія готується атакувати підстанції в Сумській області, попередила "
                       "розвідка.", id="uk"),
    pytest.param("ru", "Киев планирует атаковать нефтебазы в Брянской области, заявили в "
                       "ведомстве.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), PLANNED)
def test_a_plan_is_still_no_attack(language, text):
    assert read_reports(text, language) == []


# --- 2. a first name before a surname is a person, not the place of that name ---

FIRST_NAMES = [
    pytest.param("en", "Russian drones hit a substation in the Sumy region, the acting mayor, "
                       "Artem Kovalchuk, said.", id="en-artem"),
    pytest.param("en", "Ukrainian President Volodymyr Zelensky said a Russian drone hit a "
                       "substation in the Sumy region.", id="en-volodymyr"),
    pytest.param("uk", "Російські дрони вдарили по підстанції в Сумській області, повідомив "
                       "міський голова Артем Ковальчук.", id="uk"),
    pytest.param("ru", "Российские дроны ударили по подстанции в Сумской области, сообщил "
                       "мэр города Артём Ковальчук.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), FIRST_NAMES)
def test_a_first_name_is_no_place(language, text):
    assert {admin1 for (admin1,) in facts(text, language, "admin1")} == {"UA-59"}


# --- 3. a regional power company's name says the region of its sites ---

GRID_COMPANIES = [
    pytest.param("en", "Ukrainian artillery shelled a facility of Kurskenergo overnight, leaving "
                       "two villages without power, the ministry said.", "RU-KRS", id="en"),
    pytest.param("uk", "Уночі російський дрон пошкодив лінію електропередачі «Сумиобленерго», "
                       "повідомили в компанії.", "UA-59", id="uk"),
    pytest.param("ru", "Ночью в результате атаки беспилотника оборвана высоковольтная линия "
                       "филиала «Тулэнерго», сообщили в ведомстве.", "RU-TUL", id="ru"),
]


@pytest.mark.parametrize(("language", "text", "region"), GRID_COMPANIES)
def test_a_regional_power_company_names_its_region(language, text, region):
    assert facts(text, language, "admin1", "target_class") == {(region, "energy.power_grid")}


# --- 4. the minutes of a time of day are not a count of strikes ---

CLOCK_TIMES = [
    pytest.param("en", "At 21:15 strikes hit a substation in the Kherson region, the ministry "
                       "said.", id="en"),
    pytest.param("uk", "О 22:40 удар прийшовся по підстанції в Херсонській області.", id="uk"),
    pytest.param("ru", "В 23:10 удар пришелся по электроподстанции в Херсонской области.",
                 id="ru"),
]


@pytest.mark.parametrize(("language", "text"), CLOCK_TIMES)
def test_a_time_of_day_is_no_tally(language, text):
    assert facts(text, language, "admin1", "target_class") == {("UA-65", "energy.power_grid")}


# --- 5. words left out of a quote ("<…>", "[...]") do not end its sentence ---

ELIDED = [
    pytest.param("en", "Drones were downed over the Sumy region, the ministry said. \"In the "
                       "Kherson region, as it was specified later in the evening [...] a drone "
                       "attack damaged a substation,\" it said.", "UA-65", id="en"),
    pytest.param("uk", "Над Сумщиною збито дрони, повідомили у відомстві. «У Херсонській "
                       "області, за уточненими даними, <…> після удару дрона загорілася "
                       "підстанція», — додали там.", "UA-65", id="uk"),
    pytest.param("ru", "Над Сумской областью сбиты дроны, сообщили в ведомстве. «В Запорожской "
                       "области, по уточненным данным, <…> после удара дрона загорелась "
                       "подстанция», — добавили там.", "UA-23", id="ru"),
]


@pytest.mark.parametrize(("language", "text", "region"), ELIDED)
def test_an_elision_in_a_quote_keeps_its_place(language, text, region):
    assert {admin1 for (admin1,) in facts(text, language, "admin1")} == {region}


# --- 6. an attack "despite" an agreement is reported; a nation's sites lie in no one region ---

DESPITE = [
    pytest.param("en", "Kharkiv was shelled on Sunday. Russia's defence ministry said Ukrainian "
                       "drones struck Russian fuel depots overnight, in spite of the moratorium.",
                 id="en"),
    pytest.param("uk", "Харків обстріляли в неділю. Міноборони Росії заявило, що вночі "
                       "українські дрони атакували російські нафтобази попри мораторій.",
                 id="uk"),
    pytest.param("ru", "Харьков обстреляли в воскресенье. Минобороны России заявило, что ночью "
                       "украинские дроны атаковали российские нефтебазы несмотря на мораторий.",
                 id="ru"),
]


@pytest.mark.parametrize(("language", "text"), DESPITE)
def test_an_attack_despite_an_agreement_is_reported_with_no_borrowed_region(language, text):
    energy = [r for r in read_reports(text, language) if r.target_class.startswith("energy.")]
    assert [(r.country, r.admin1, r.perpetrator) for r in energy] == [("RU", None, "UA")]


AGREED_ONLY = [
    pytest.param("en", "Both sides agreed to halt strikes on energy facilities.", id="en"),
    pytest.param("uk", "Сторони домовилися припинити удари по енергооб'єктах.", id="uk"),
    pytest.param("ru", "Стороны договорились прекратить удары по энергообъектам.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), AGREED_ONLY)
def test_an_agreement_alone_is_still_no_attack(language, text):
    assert read_reports(text, language) == []


SUMMARY = [
    pytest.param("en", "The ministry said Ukrainian drones hit Russian energy sites three times "
                       "over the past day. A substation in the Kursk region was damaged. A power "
                       "line in the Belgorod region was damaged too.", id="en"),
    pytest.param("ru", "Министерство сообщило, что за минувшие сутки украинские дроны трижды "
                       "поразили российские энергообъекты. В Курской области повреждена "
                       "подстанция. В Белгородской области также повреждена линия "
                       "электропередачи.", id="ru"),
    pytest.param("uk", "Міністерство повідомило, що за минулу добу українські дрони тричі "
                       "уразили російські енергооб'єкти. У Курській області пошкоджено "
                       "підстанцію. У Бєлгородській області також пошкоджено лінію "
                       "електропередачі.", id="uk"),
]


@pytest.mark.parametrize(("language", "text"), SUMMARY)
def test_a_day_summed_up_before_its_regions_adds_no_report(language, text):
    assert {admin1 for (admin1,) in facts(text, language, "admin1")} == {"RU-KRS", "RU-BEL"}


# --- 7. the buildings or site of a target told just before are that target ---

SITE_PARTS = [
    pytest.param("en", "At dawn a Russian drone struck a thermal power plant in the Poltava "
                       "region. Nobody at the plant was hurt, its operator said. Its buildings "
                       "and machinery suffered heavy damage.", id="en-buildings"),
    pytest.param("uk", "На світанку російський дрон влучив у теплоелектростанцію на Полтавщині. "
                       "Працівники не постраждали, повідомив оператор. Будівлі та техніка "
                       "станції серйозно пошкоджені.", id="uk-buildings"),
    pytest.param("ru", "На рассвете российский дрон ударил по теплоэлектростанции в Полтавской "
                       "области. Сотрудники не пострадали, сообщил оператор. Здания и техника "
                       "станции серьезно повреждены.", id="ru-buildings"),
    pytest.param("ru", "Губернатор сообщил о пожаре на НПЗ в Волгоградской области после налета "
                       "беспилотников. Осколки упали на территорию предприятия. Пожар тушат "
                       "шесть расчетов.", id="ru-site-then-fire"),
]


@pytest.mark.parametrize(("language", "text"), SITE_PARTS)
def test_the_buildings_of_a_site_just_told_are_no_civilian_target(language, text):
    classes = {cls for (cls,) in facts(text, language, "target_class")}
    assert classes and "civilian" not in classes


NEW_EVENT = [
    pytest.param("en", "On 3 June a Russian missile hit a thermal power plant in the Kharkiv "
                       "region. On the evening of 2 June Russian drones attacked the town of "
                       "Chuhuiv, wounding two people.", id="en"),
    pytest.param("uk", "3 червня російська ракета влучила в теплоелектростанцію на Харківщині. "
                       "Увечері 2 червня російські дрони атакували місто Чугуїв, поранено двох "
                       "людей.", id="uk"),
    pytest.param("ru", "3 июня российская ракета ударила по теплоэлектростанции в Харьковской "
                       "области. Вечером 2 июня российские дроны атаковали город Чугуев, "
                       "ранены два человека.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), NEW_EVENT)
def test_an_attack_with_a_date_of_its_own_does_not_borrow_the_target_before(language, text):
    dated = facts(text, language, "date", "target_class", published="2025-06-03")
    assert not any(str(day) == "2025-06-02" and cls.startswith("energy.") for day, cls in dated)


AGAIN = [
    pytest.param("uk", "Росія обстріляла газовимірювальну станцію на Курщині. 5 квітня по ній "
                       "уже били з артилерії.", id="uk"),
    pytest.param("ru", "Россия обстреляла газоизмерительную станцию в Курской области. 5 апреля "
                       "по ней уже били из артиллерии.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), AGAIN)
def test_struck_it_again_keeps_the_target(language, text):
    dated = facts(text, language, "date", "target_class")
    assert ("2025-04-05", "energy.oil_gas_network") in {(str(d), c) for d, c in dated}


# --- 8. "civilian infrastructure" is civilian; an "object of" it is infrastructure.other ---

CIVILIAN_INFRASTRUCTURE = [
    pytest.param("en", "Overnight drone strikes on Kremenchuk damaged civilian infrastructure, "
                       "the mayor said.", "civilian", id="en"),
    pytest.param("uk", "Ворожі дрони вночі пошкодили цивільну інфраструктуру Кременчука.",
                 "civilian", id="uk"),
    pytest.param("ru", "Вражеские дроны ночью повредили гражданскую инфраструктуру Кременчуга.",
                 "civilian", id="ru"),
    pytest.param("uk", "Після нічного удару по Харкову пошкоджено один об'єкт цивільної "
                       "інфраструктури.", "infrastructure.other", id="uk-object"),
]


@pytest.mark.parametrize(("language", "text", "cls"), CIVILIAN_INFRASTRUCTURE)
def test_civilian_infrastructure_is_civilian(language, text, cls):
    assert {c for (c,) in facts(text, language, "target_class")} == {cls}


BESIDE_A_PLANT = [
    pytest.param("en", "A drone raid set a refinery in the Volgograd region on fire overnight; "
                       "civilian infrastructure and a few houses in the city were hit as well, "
                       "the governor said.", id="en"),
    pytest.param("ru", "Ночью после налета дронов загорелся НПЗ в Волгоградской области, в городе "
                       "также пострадали гражданская инфраструктура и несколько домов, сообщил "
                       "губернатор.", id="ru"),
    pytest.param("uk", "Уночі після нальоту дронів загорівся НПЗ у Волгоградській області, у "
                       "місті також постраждали цивільна інфраструктура та кілька будинків, "
                       "повідомив губернатор.", id="uk"),
]


@pytest.mark.parametrize(("language", "text"), BESIDE_A_PLANT)
def test_homes_and_civilian_infrastructure_beside_a_plant_are_a_civilian_report(language, text):
    assert {c for (c,) in facts(text, language, "target_class")} == {
        "energy.oil_refinery", "civilian"}


# --- 9. lines that are not the article's own reporting ---

GLUED_TEASER = [
    pytest.param("en", "Russian shelling damaged a substation in the Kherson region.Read also: "
                       "Drones hit a school in the Kharkiv region", id="en"),
    pytest.param("uk", "Російський обстріл пошкодив підстанцію на Херсонщині.Читайте також: "
                       "Дрони влучили в школу на Харківщині", id="uk"),
    pytest.param("ru", "Российский обстрел повредил подстанцию в Херсонской области.Читайте "
                       "также: Дроны попали в школу в Харьковской области", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), GLUED_TEASER)
def test_a_teaser_glued_to_a_sentence_is_skipped(language, text):
    assert {admin1 for (admin1,) in facts(text, language, "admin1")} == {"UA-65"}


ILLUSTRATIVE = [
    pytest.param("en", "Illustrative photo: workers stand beside a power plant "
                       "damaged by a Russian missile attack in the Kharkiv region in 2024, a "
                       "photo agency says in a caption long enough to pass for a paragraph of "
                       "the article itself, with its credit given at the very end of it. (Agency "
                       "via Getty Images)\nRussian drones hit a substation in the Sumy region "
                       "overnight.", id="en"),
    pytest.param("uk", "Ілюстративне фото: енергетики біля електростанції в Харківській "
                       "області, пошкодженої російським ракетним ударом торік, у день, коли "
                       "ворог випустив по області кілька десятків ракет, такий довгий "
                       "підпис, що схожий на абзац самої статті, з підписом фотографа аж у самому "
                       "кінці рядка.\nУночі російські дрони вдарили по підстанції на Сумщині.",
                 id="uk"),
    pytest.param("ru", "Иллюстративное фото: энергетики у электростанции в Харьковской области, "
                       "поврежденной российским ракетным ударом в прошлом году, такая длинная "
                       "подпись, что похожа на абзац самой статьи, с именем фотографа в самом "
                       "конце строки.\nНочью российские дроны ударили по подстанции в Сумской "
                       "области.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), ILLUSTRATIVE)
def test_an_illustrative_photo_caption_is_skipped_however_long(language, text):
    assert {admin1 for (admin1,) in facts(text, language, "admin1")} == {"UA-59"}


# --- 10. promises and proposals to stop are not attacks ---

PROMISES = [
    pytest.param("en", "The minister promised that Ukraine won't attack the oil terminal in "
                       "Novorossiysk.", id="en-wont"),
    pytest.param("en", "On 2 June the envoy called for a suspension of strikes on energy "
                       "infrastructure.", id="en-suspension"),
    pytest.param("uk", "«Ми не будемо бити по їхніх нафтових терміналах в Одеській області», — "
                       "заявив міністр.", id="uk"),
    pytest.param("ru", "«Мы не будем бить по их нефтяным терминалам в Одесской области», — "
                       "заявил министр.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), PROMISES)
def test_a_promise_not_to_attack_is_no_report(language, text):
    assert read_reports(text, language) == []


# --- 11. words the lexicons lacked ---

WORDS = [
    pytest.param("en", "Overnight a drone struck a delivery truck in Okhtyrka, Sumy region.",
                 "civilian", id="en-truck"),
    pytest.param("uk", "Ворожий дрон уранці влучив у промисловий об'єкт у Конотопі.",
                 "civilian", id="uk-industrial"),
    pytest.param("uk", "Уночі російський дрон влучив у вантажівку на Сумщині.", "civilian",
                 id="uk-truck"),
    pytest.param("ru", "Утром беспилотник ударил по сельхозпредприятию в Курской области.",
                 "civilian", id="ru-farm"),
    pytest.param("ru", "Удар ракеты вывел из строя энергетическое предприятие в Николаевской "
                       "области.", "energy.other", id="ru-energy-enterprise"),
    pytest.param("ru", "Вечером подстанция в Курской области попала под артобстрел.",
                 "energy.power_grid", id="ru-artobstrel"),
]


@pytest.mark.parametrize(("language", "text", "cls"), WORDS)
def test_target_and_attack_words(language, text, cls):
    assert {c for (c,) in facts(text, language, "target_class")} == {cls}


# --- a landmark a place is told by, and the mediator's seat, are not where a strike was ---

LANDMARKS = [
    pytest.param("en", "A drone hit an oil depot in the Smolensk region, west of Moscow.",
                 id="en"),
    pytest.param("uk", "Дрон влучив у нафтобазу в Смоленській області, на захід від Москви.",
                 id="uk"),
    pytest.param("ru", "Дрон ударил по нефтебазе в Смоленской области, к западу от Москвы.",
                 id="ru"),
]


@pytest.mark.parametrize(("language", "text"), LANDMARKS)
def test_a_city_a_region_is_placed_by_is_no_place_of_the_strike(language, text):
    assert {admin1 for (admin1,) in facts(text, language, "admin1")} == {"RU-SMO"}


def test_the_white_house_is_no_house():
    text = ("A substation in the Sumy region was hit overnight, hours before the White House "
            "briefed reporters on the talks.")
    assert facts(text, "en", "admin1", "target_class") == {("UA-59", "energy.power_grid")}


CONSISTENTLY = [
    pytest.param("en", "Russian drones hit a substation in the Sumy region overnight. The "
                       "Kremlin has consistently claimed that civilian infrastructure in the Sumy "
                       "region is never its target.", id="en"),
    pytest.param("uk", "Уночі російські дрони вдарили по підстанції на Сумщині. Москва постійно "
                       "стверджує, що цивільна інфраструктура на Сумщині не була ціллю атак.",
                 id="uk"),
    pytest.param("ru", "Ночью российские дроны ударили по подстанции в Сумской области. Москва "
                       "постоянно утверждает, что гражданская инфраструктура в Сумской области не "
                       "подвергалась атакам.", id="ru"),
]


@pytest.mark.parametrize(("language", "text"), CONSISTENTLY)
def test_what_a_side_consistently_maintains_is_no_report(language, text):
    """'Civilian infrastructure' is civilian now, and no longer folds into the substation as a
    vague duplicate: a pattern claim ("consistently") must be background on its own."""
    assert facts(text, language, "admin1", "target_class") == {("UA-59", "energy.power_grid")}
