"""What is and is not a strike report (docs/labeling.md), on short texts in en, uk and ru."""

from __future__ import annotations

import datetime as dt

import pytest

from trucewatch.text import extract


def _keys(reports):
    return sorted((str(r.date), r.admin1, r.target_class, r.perpetrator) for r in reports)


POSITIVE = [
    # English
    ("en", "Overnight, Russian drones hit a substation in Kharkiv Oblast, the regional "
           "governor said.", "2025-03-20",
     [("2025-03-20", "UA-63", "energy.power_grid", "RU")]),
    ("en", "Russia's defence ministry said Ukrainian drones attacked an oil depot in the "
           "Bryansk region on March 21.", "2025-03-22",
     [("2025-03-21", "RU-BRY", "energy.oil_gas_network", "UA")]),
    ("en", "Russian drones struck a railway traction substation in Poltava Oblast overnight.",
     "2025-03-20", [("2025-03-20", "UA-53", "transport.rail", "RU")]),
    ("en", "A Russian missile hit a residential block next to a substation in Dnipro on "
           "Tuesday, killing two people.", "2025-03-27",
     [("2025-03-25", "UA-12", "civilian", "RU")]),
    ("en", "Debris from a downed Russian drone damaged a power line in Poltava Oblast "
           "overnight, leaving two villages without electricity.", "2025-04-16",
     [("2025-04-16", "UA-53", "energy.power_grid", "RU")]),
    ("en", "On the night of March 18-19, Ukrainian drones hit an oil pumping station in "
           "Krasnodar Krai, Russian officials said.", "2025-03-20",
     [("2025-03-19", "RU-KDA", "energy.oil_gas_network", "UA")]),
    ("en", "Yesterday a Russian drone damaged a boiler house in Chernihiv, the mayor said.",
     "2025-04-02", [("2025-04-01", "UA-74", "energy.other", "RU")]),
    ("en", "Russia's defence ministry said Ukrainian strikes had hit energy facilities in "
           "the Kursk and Bryansk regions in the past 24 hours.", "2025-04-11",
     [("2025-04-11", "RU-BRY", "energy.other", "UA"),
      ("2025-04-11", "RU-KRS", "energy.other", "UA")]),
    ("en", "Ukrainian drones hit a refinery and a substation in the Saratov region "
           "overnight.", "2025-03-28",
     [("2025-03-28", "RU-SAR", "energy.oil_refinery", "UA"),
      ("2025-03-28", "RU-SAR", "energy.power_grid", "UA")]),
    ("en", "Two power plants in the Kursk region were hit by Ukrainian drones overnight.",
     "2025-03-28", [("2025-03-28", "RU-KRS", "energy.power_generation", "UA")]),
    ("en", "A Ukrainian drone attacked a fuel depot in Sevastopol overnight, the city's "
           "governor said.", "2025-03-30",
     [("2025-03-30", "UA-40", "energy.oil_gas_network", "UA")]),
    ("en", "A Russian drone attack on the southern city of Mykolaiv damaged a thermal power "
           "plant and a school overnight, the mayor said.", "2025-03-21",
     [("2025-03-21", "UA-48", "civilian", "RU"),
      ("2025-03-21", "UA-48", "energy.power_generation", "RU")]),
    # Ukrainian
    ("uk", "Вночі російські дрони атакували підстанцію на Харківщині, повідомив голова ОВА.",
     "2025-03-20", [("2025-03-20", "UA-63", "energy.power_grid", "RU")]),
    ("uk", "19 березня російські війська обстріляли нафтобазу в Миколаївській області.",
     "2025-03-21", [("2025-03-19", "UA-48", "energy.oil_gas_network", "RU")]),
    ("uk", "У Генштабі заявили, що Сили оборони уразили НПЗ у Саратовській області в ніч "
           "на 20 березня.", "2025-03-20",
     [("2025-03-20", "RU-SAR", "energy.oil_refinery", "UA")]),
    ("uk", "Уламки дрона пошкодили житловий будинок поруч з підстанцією у Сумах.",
     "2025-03-24", [("2025-03-24", "UA-59", "civilian", "RU")]),
    ("uk", "Сили оборони уразили Новошахтинський НПЗ у Ростовській області, повідомив "
           "Генштаб ЗСУ. Зафіксовано пожежу на території підприємства.", "2025-04-05",
     [("2025-04-05", "RU-ROS", "energy.oil_refinery", "UA")]),
    ("uk", "Учора ввечері ворог обстріляв Нікополь з артилерії. Пошкоджено лінію "
           "електропередачі та газогін.", "2025-04-05",
     [("2025-04-04", "UA-12", "energy.oil_gas_network", "RU"),
      ("2025-04-04", "UA-12", "energy.power_grid", "RU")]),
    ("uk", "Вчора ворог вдарив по ТЕЦ у Києві.", "2025-03-24",
     [("2025-03-23", "UA-30", "energy.power_generation", "RU")]),
    # Russian
    ("ru", "Губернатор Брянской области сообщил, что ВСУ атаковали трансформаторную "
           "подстанцию в Суземке.", "2025-04-13",
     [("2025-04-13", "RU-BRY", "energy.power_grid", "UA")]),
    ("ru", "В ночь на 19 марта беспилотник атаковал нефтебазу в Краснодарском крае, "
           "сообщили в Минобороны РФ.", "2025-03-19",
     [("2025-03-19", "RU-KDA", "energy.oil_gas_network", "UA")]),
    ("ru", "Вчера российская ракета повредила ТЭЦ в Харькове, сообщил Синегубов.",
     "2025-03-21", [("2025-03-20", "UA-63", "energy.power_generation", "RU")]),
    ("ru", "Вчера вечером в Курске обломки сбитого беспилотника повредили крышу "
           "многоэтажного дома, сообщил губернатор.", "2025-03-21",
     [("2025-03-20", "RU-KRS", "civilian", "UA")]),
    ("ru", "Противник обстрелял школу в Херсоне во вторник, сообщили в ОВА.", "2025-03-27",
     [("2025-03-25", "UA-65", "civilian", "RU")]),
]


@pytest.mark.parametrize(("language", "text", "published", "expected"), POSITIVE)
def test_reports(language, text, published, expected):
    assert _keys(extract(text, published, language)) == sorted(expected)


NEGATIVE = [
    ("en", "Air raid sirens sounded in Kyiv overnight as drones approached the city."),
    ("en", "Air defence shot down five drones over the Ryazan oil refinery overnight; there "
           "was no damage, the governor said."),
    ("en", "Russia plans to strike Ukraine's power plants if talks in Riyadh fail."),
    ("en", "Russia has struck Ukraine's energy infrastructure eight times since March 18, "
           "Zelensky's adviser said."),
    ("en", "Putin ordered the military to stop strikes on Ukraine's energy facilities for "
           "30 days."),
    ("en", "Russia continues to attack Ukraine's energy infrastructure every night."),
    ("en", "The Kremlin published a list of facilities: oil refineries, pipelines, power "
           "stations and substations."),
    ("en", "Read also: Ukrainian drones hit a refinery in the Saratov region"),
    ("en", "The air force said 40 drones were shot down over the Kharkiv and Sumy regions."),
    ("en", "Russia said it had shot down 54 Ukrainian drones overnight, including 20 over the "
           "Kursk region. There were no reports of damage."),
    ("en", "Zelensky warned that Moscow was preparing attacks on Ukraine's gas storage "
           "facilities in the Lviv region."),
    ("en", "Photo: Firefighters at the site of a Russian strike on a substation in Kyiv "
           "region, March 2024.\nUkraine and Russia agreed to halt attacks on energy "
           "facilities, the White House said."),
    ("en", "A drone attack on the Saratov refinery was repelled, local authorities said, "
           "adding that there were no casualties or damage."),
    ("uk", "У Києві та області лунала повітряна тривога."),
    ("uk", "Читайте також:\n- Росія вдарила по ТЕЦ у Харкові\n- Обстріл Одеси: горів ТЦ"),
    ("uk", "Зеленський погодився припинити удари по енергетичних об'єктах Росії на 30 днів."),
    ("ru", "С момента объявления моратория Украина более 60 раз атаковала объекты "
           "энергетики в Курской области."),
    ("ru", "Если Киев нанесет удар по НПЗ в Краснодарском крае, Россия ответит."),
    ("ru", "Силы ПВО сбили 20 беспилотников над Белгородской областью."),
    ("ru", "Кремль опубликовал перечень объектов моратория: НПЗ, нефтепроводы и подстанции."),
]


@pytest.mark.parametrize(("language", "text"), NEGATIVE)
def test_not_reports(language, text):
    assert extract(text, "2025-03-28", language) == []


def test_a_read_also_teaser_is_not_part_of_the_report():
    text = ("Russian drones damaged a power line in Sumy Oblast overnight.\n\n"
            "Read also: Ukrainian drones hit a refinery in the Saratov region\n")
    assert _keys(extract(text, "2025-04-02", "en")) == [
        ("2025-04-02", "UA-59", "energy.power_grid", "RU")]


def test_one_report_per_date_region_and_class():
    text = ("Russian drones hit a substation in Sumy Oblast overnight. The substation in "
            "Sumy Oblast was badly damaged by the drones, officials said.")
    assert len(extract(text, "2025-04-02", "en")) == 1


def test_fields_of_a_report():
    [report] = extract("Russian drones damaged a substation in Kherson on April 1, "
                       "Ukrenergo said.", "2025-04-02", "en")
    assert report.date == dt.date(2025, 4, 1)
    assert report.date_precision == "day"
    assert (report.country, report.admin1, report.place) == ("UA", "UA-65", "Kherson")
    assert report.lat == pytest.approx(46.64, abs=0.05)
    assert (report.target_text, report.weapon) == ("substation", "drone")
    assert (report.perpetrator, report.claimed_by, report.negated) == ("RU", "UA", False)
    assert report.evidence.startswith("Russian drones damaged a substation in Kherson")
    assert 0.5 < report.confidence <= 0.95
    assert set(report.reasons) >= {"target_class", "place", "date", "perpetrator",
                                   "claimed_by"}


def test_without_publication_date_relative_dates_stay_unknown():
    [report] = extract("Overnight, Russian drones hit a substation in Kharkiv Oblast.",
                       None, "en")
    assert (report.date, report.admin1) == (None, "UA-63")


def test_language_is_detected_when_not_given():
    [report] = extract("Вночі російські дрони атакували підстанцію на Харківщині.",
                       "2025-03-20")
    assert report.admin1 == "UA-63"


def test_unsupported_languages_give_no_reports():
    assert extract("Russische Drohnen trafen in der Nacht ein Umspannwerk in Charkiw.",
                   "2025-03-20") == []
