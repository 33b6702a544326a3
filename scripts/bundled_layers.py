"""Curated hotspots, corridors and national counts for the bundled data.

Read by ``build_bundled_data.py``. Places are gazetteer queries ``(name, region)``; sources are
keys of ``bundled_sources.SOURCES`` or seed citations ``("seed", day, key)``.
"""

from __future__ import annotations

SEED10 = ("seed", "2023-01-10")
SEED9 = ("seed", "2023-01-09")

HOTSPOTS: list[dict] = [
    dict(id="puno", name="Puno", at=("Puno", "Puno"), region="Puno", start="2022-12-07", end="2023-01-31", level=3,
         sources=[SEED10, "pl-2023-01-21", "ptv-curfew-2023-01-25"],
         description="Epicentre of the protests, in the words of the seed's reports: the indigenous Aymara "
                     "region of Puno, bordering Bolivia, with the most barricades on the highways. By "
                     "20 January it counted 23 of the 44 people Prensa Latina lists as killed in clashes. "
                     "Protests began nationwide on 7 December; the strike was in its sixth day on 9 January "
                     "and its seventh on 10 January; a curfew was still being extended on 25 January.",
         es="Epicentro de las protestas, según las notas de origen: la región indígena aimara de Puno, "
            "fronteriza con Bolivia, con más barricadas en las carreteras. Al 20 de enero sumaba 23 de los 44 "
            "muertos en enfrentamientos que cuenta Prensa Latina. Las protestas empezaron el 7 de diciembre; "
            "el paro estaba en su sexto día el 9 de enero y en el séptimo el 10; el toque de queda seguía "
            "prorrogándose el 25 de enero."),
    dict(id="juliaca", name="Juliaca", at=("Juliaca", "Puno"), region="Puno", start="2022-12-14", end="2023-01-31",
         level=2, sources=["rpp-juliaca-airport", "lr-2023-01-09-juliaca", "lr-2023-01-17"],
         description="Airport shut from 6 January, the massacre of 9 January and blocked access roads until at "
                     "least 16 January."),
    dict(id="desaguadero", name="Desaguadero", at=("Desaguadero", "Puno"), region="Puno", start="2022-12-11",
         end="2023-01-20", level=2, sources=["fides-desaguadero", "btb-2023-01-19", "pl-2023-01-21"],
         description="The main border crossing to Bolivia, closed for most of the period and the scene of arson "
                     "at the border post on 20 January."),
    dict(id="arequipa", name="Arequipa", at=("Arequipa", "Arequipa"), region="Arequipa", start="2022-12-12",
         end="2023-01-25", level=2, sources=["trome-aqp-airport", "lr-2023-01-20-airports", SEED10],
         description="Airport taken on 12 December and shut again from 19 to 25 January; blockades on the "
                     "Pan-American Highway and the road to Puno."),
    dict(id="cusco", name="Cusco", at=("Cusco", "Cusco"), region="Cusco", start="2022-12-14", end="2023-01-19",
         level=2, sources=["mercopress-2022-12-14", "pledgetimes-cusco", "elcomercio-tres-intentos", SEED10],
         description="Repeated closures of the airport, a death on 11 January and an attempt to take the "
                     "airport on 19 January."),
    dict(id="sicuani", name="Sicuani", at=("Sicuani", "Cusco"), region="Cusco", start="2022-12-12",
         end="2023-01-18", level=2, sources=["lr-2022-12-20", "lalupa-32495", "hba-cusco"],
         description="Puente Arturo on the Cusco–Puno road was held for weeks in December and again from "
                     "4 January."),
    dict(id="tacna", name="Tacna", at=("Tacna", "Tacna"), region="Tacna", start="2022-12-13", end="2023-01-10",
         level=2, sources=["dsf-2023-01-06", "dsf-2023-01-11", SEED10],
         description="Blockades of the Pan-American Highway South north of the city."),
    dict(id="pucallpa", name="Pucallpa", at=("Pucallpa", "Ucayali"), region="Ucayali", start="2023-01-10",
         end="2023-01-31", level=2, sources=[SEED10, "lr-2023-01-27-ucayali", "americatv-467731"],
         description="Named a hotspot on 10 January; in late January pickets on the Federico Basadre road "
                     "cut the city's supplies."),
    dict(id="andahuaylas", name="Andahuaylas", at=("Andahuaylas", "Apurímac"), region="Apurímac",
         start="2022-12-10", end="2022-12-12", level=2, sources=["jornada-2022-12-11", "pl-2022-12-11", "peruweek-7"],
         description="The first deaths of the crisis: the airport besieged and four people killed on "
                     "11 and 12 December."),
    dict(id="ayacucho", name="Ayacucho", at=("Huamanga", "Ayacucho"), region="Ayacucho", start="2022-12-15",
         level=2, sources=["elcomercio-ayacucho", "infobae-2024-12-18"],
         description="The Huamanga massacre of 15 December: ten dead near the airport."),
    dict(id="puerto-maldonado", name="Puerto Maldonado", at=("Puerto Maldonado", "Madre de Dios"),
         region="Madre de Dios", start="2023-01-04", end="2023-01-29", level=2,
         sources=["m083", "lr-2023-01-24-mdd", "jornada-2023-01-18", "americatv-466991", "m131"],
         description="Blockades of the Interoceanic Highway from 4 January; by 24 January Madre de Dios had "
                     "been cut off for about twenty days, and the Laberinto blockade still held at the end "
                     "of the month."),
    dict(id="ilave", name="Ilave", at=("Ilave", "Puno"), region="Puno", start="2022-12-22", end="2023-01-20",
         level=1, sources=["lr-2022-12-22", "lr-2023-01-09-juliaca", "lr-2023-01-20-ilave"],
         description="Blockades of the road to Bolivia, an arson attack and a death on 20 January."),
    dict(id="macusani", name="Macusani", at=("Macusani", "Puno"), region="Puno", start="2023-01-18", level=1,
         sources=["lr-2023-01-20-macusani"],
         description="Two killed and public buildings burned on 18 January."),
    dict(id="chao", name="Chao", at=("Chao", "La Libertad"), region="La Libertad", start="2023-01-16",
         end="2023-01-20", level=1, sources=["lr-2023-01-21-chao", "lr-2022-12-16-chao"],
         description="The northern Pan-American Highway blocked for days; clashes here in December too."),
    dict(id="lima", name="Lima", at=("Lima", "Lima"), region="Lima", start="2022-12-08", end="2023-01-28",
         level=1, sources=[SEED9, "lr-2023-01-20-kennedy", "elmercurio-2023-01-21", "veneportal-2023-01-29"],
         description="Marches in the capital, mass arrests on 6 and 21 January and a death on 28 January."),
]

# Corridors from shared/facts/highways.md: towns in order of travel with region hints.
P, C, A, M = "Puno", "Cusco", "Arequipa", "Madre de Dios"
HW = "highways-md"
CORRIDORS: list[dict] = [
    dict(id="arequipa-juliaca", sources=["elcomercio-sutran-83"],
         name="Arequipa–Juliaca", roads=["PE-34A"],
         via=[("Arequipa", A), ("Yura", A), ("Imata", A), ("Santa Lucía", P), ("Cabanillas", P), ("Cabana", P),
              ("Juliaca", P)], km_refs=[]),
    dict(id="cusco-juliaca", sources=["elcomercio-sutran-45", "americatv-km-posts"],
         name="Cusco–Juliaca", roads=["PE-3S"],
         via=[("Cusco", C), ("San Sebastián", C), ("Saylla", C), ("Andahuaylillas", C), ("Huaro", C), ("Urcos", C),
              ("Quiquijana", C), ("Cusipata", C), ("Checacupe", C), ("Combapata", C), ("Tinta", C), ("San Pablo", C),
              ("Sicuani", C), ("Marangani", C), ("Santa Rosa", P), ("Ayaviri", P), ("Pucará", P), ("Calapuja", P),
              ("Juliaca", P)],
         km_refs=[(1076, "Combapata"), (1102, "Sicuani"), (1183, "Santa Rosa"), (1294, "Calapuja")]),
    dict(id="juliaca-desaguadero", sources=["americatv-km-posts", "lr-2022-12-22"],
         name="Juliaca–Puno–Desaguadero", roads=["PE-3S"],
         via=[("Juliaca", P), ("Caracoto", P), ("Puno", P), ("Chucuito", P), ("Platería", P), ("Acora", P),
              ("Ilave", P), ("Juli", P), ("Pomata", P), ("Zepita", P), ("Desaguadero", P)],
         km_refs=[(1380, "Chucuito"), (1387, "Platería"), (1391, "Acora"), (1409, "Ilave"), (1414, "Ilave"),
                  (1450, "Juli"), (1463, "Pomata")]),
    dict(id="juliaca-puerto-maldonado", sources=["elcomercio-sutran-45", "lr-2023-01-24-mdd"],
         name="Juliaca–Puerto Maldonado (Interoceánica)",
         roads=["PE-3S", "PE-34B", "PE-30C"],
         via=[("Juliaca", P), ("Calapuja", P), ("Azángaro", P), ("Asillo", P), ("Antauta", P), ("Ajoyani", P),
              ("Macusani", P), ("Ollachea", P), ("San Gabán", P), ("Mazuko", M), ("Laberinto", M),
              ("Puerto Maldonado", M)], km_refs=[],
         note="The Inambari bridge between San Gabán and Mazuko is placed at Mazuko in the gazetteer, so it "
              "is not a separate vertex."),
    dict(id="moquegua-desaguadero", sources=["elcomercio-sutran-45"],
         name="Moquegua–Desaguadero", roads=["PE-36A"],
         via=[("Moquegua", "Moquegua"), ("Torata", "Moquegua"), ("Mazocruz", P), ("Desaguadero", P)], km_refs=[]),
    dict(id="arequipa-santa-lucia", sources=["elcomercio-sutran-83"],
         name="Arequipa–Santa Lucía (via Chiguata)", roads=["PE-34C"],
         via=[("Arequipa", A), ("Chiguata", A), ("Santa Lucía", P)], km_refs=[]),
    dict(id="urcos-puerto-maldonado", sources=["lr-2023-01-24-mdd", "americatv-466991"],
         name="Urcos–Puerto Maldonado", roads=["PE-30C"],
         via=[("Urcos", C), ("Ccatca", C), ("Ocongate", C), ("Marcapata", C), ("Quince Mil", C), ("Mazuko", M),
              ("Laberinto", M), ("Puerto Maldonado", M)], km_refs=[]),
    dict(id="panamericana-sur", sources=["lr-2022-12-09", "panam-367234", "dsf-2023-01-06", "dsf-2023-01-11"],
         name="Panamericana Sur (Chala–Tacna)", roads=["PE-1S"],
         via=[("Chala", A), ("Siguas", A), ("La Joya", A), ("Las Yaras", "Tacna"), ("Tacna", "Tacna")],
         km_refs=[(619, "Chala"), (913, "La Joya"), (1253, "Las Yaras"), (1272, "Tacna")],
         note="Only the towns the facts name are vertices: the line is a coarse sketch of the road between "
              "them. km 913 is reported between La Joya and Arequipa, km 1253 in the Sama/Las Yaras area and "
              "km 1272 before Tacna."),
]

# Spanish descriptions of the hotspots (the project's own words).
HOTSPOTS_ES = {
    "juliaca": "Aeropuerto cerrado desde el 6 de enero, la masacre del 9 de enero y accesos bloqueados al menos "
               "hasta el 16.",
    "desaguadero": "Principal paso fronterizo con Bolivia, cerrado la mayor parte del periodo; el 20 de enero "
                   "se incendió el puesto de frontera.",
    "arequipa": "Aeropuerto tomado el 12 de diciembre y cerrado de nuevo del 19 al 25 de enero; bloqueos en la "
                "Panamericana y en la vía a Puno.",
    "cusco": "Cierres repetidos del aeropuerto, un muerto el 11 de enero y un intento de tomar el aeropuerto "
             "el 19.",
    "sicuani": "El puente Arturo, en la vía Cusco–Puno, estuvo tomado semanas en diciembre y otra vez desde el "
               "4 de enero.",
    "tacna": "Bloqueos de la Panamericana Sur al norte de la ciudad.",
    "pucallpa": "Señalada como foco el 10 de enero; a fines de enero los piquetes en la carretera Federico "
                "Basadre cortaron el abastecimiento de la ciudad.",
    "andahuaylas": "Las primeras muertes de la crisis: el aeropuerto cercado y cuatro muertos el 11 y 12 de "
                   "diciembre.",
    "ayacucho": "La masacre de Huamanga del 15 de diciembre: diez muertos cerca del aeropuerto.",
    "puerto-maldonado": "Bloqueos de la Interoceánica desde el 4 de enero; al 24 de enero Madre de Dios llevaba "
                        "unos veinte días aislada, y el bloqueo de Laberinto seguía a fin de mes.",
    "ilave": "Bloqueos de la vía a Bolivia, un incendio y un muerto el 20 de enero.",
    "macusani": "Dos muertos y edificios públicos incendiados el 18 de enero.",
    "chao": "La Panamericana Norte bloqueada varios días; también hubo enfrentamientos en diciembre.",
    "lima": "Marchas en la capital, detenciones masivas el 6 y el 21 de enero y un muerto el 28.",
}
for _hs in HOTSPOTS:
    _hs.setdefault("es", HOTSPOTS_ES.get(_hs["id"]))

# National figures: (date, metric, value, reporter, source key ("seed": the seed bulletin), remark for
# data/README.md or ""). Regional figures are left out: reported_counts.csv has no region column and
# every row is read as a national figure.
COUNTS: list[tuple[str, str, int, str, str, str]] = [
    ("2022-12-10", "regions_affected", 9, "Defensoría del Pueblo", "m016", "at least 9 regions with protests"),
    ("2022-12-12", "blockade_points", 25, "Policía Nacional", "comando-2022-12-12", "at least 25"),
    ("2022-12-12", "blockade_points", 120, "SUTRAN", "m028", "quoted on 16 Dec"),
    ("2022-12-12", "deaths_total", 7, "Peru Week", "peruweek-7", ""),
    ("2022-12-13", "detained", 71, "Policía Nacional", "m004", "detained or held from 7 to 13 Dec"),
    ("2022-12-14", "deaths_total", 7, "People's Daily Online", "peoplecn-2022-12-16", ""),
    ("2022-12-14", "deaths_total", 6, "Defensoría del Pueblo", "m046", "corrected down from 7 (one name not in the civil registry)"),
    ("2022-12-16", "blockade_points", 99, "SUTRAN", "m028", "La República's figure"),
    ("2022-12-16", "blockade_points", 102, "SUTRAN", "m063", "the same day, another outlet: both kept"),
    ("2022-12-16", "deaths_total", 22, "Defensoría del Pueblo", "m063", "17 in clashes + 5 in accidents or blockade-related"),
    ("2022-12-16", "deaths_in_clashes", 17, "Defensoría del Pueblo", "m063", "not all deaths"),
    ("2022-12-16", "injured_total", 539, "Defensoría del Pueblo", "m063", "271 civilians, 268 police"),
    ("2022-12-16", "regions_affected", 10, "Defensoría del Pueblo", "m063", "22 protests in 10 departments"),
    ("2022-12-16", "deaths_total", 22, "EFE", "m064", "with a regional breakdown not used"),
    ("2022-12-17", "blockade_points", 82, "SUTRAN", "elcomercio-sutran-65", "points interrupted; 65 already restored"),
    ("2022-12-17", "roads_blocked", 17, "SUTRAN", "elcomercio-sutran-65", "national roads"),
    ("2022-12-17", "regions_affected", 14, "SUTRAN", "elcomercio-sutran-65", ""),
    ("2022-12-19", "deaths_total", 27, "Convoca", "convoca-3018", "21 in clashes plus 6 in accidents or blockade-related"),
    ("2022-12-19", "deaths_in_clashes", 21, "Convoca", "convoca-3018", "not all deaths"),
    ("2022-12-19", "deaths_total", 25, "Diario Sin Fronteras", "m069", "differs from Convoca's 27 the same day"),
    ("2023-01-03", "provinces_with_protests", 36, "Defensoría del Pueblo", "lanacion-2023-01-06",
     "AP, quoted on 6 Jan: 36 provinces on Tuesday 3 Jan (first release read it as blockade points)"),
    ("2023-01-04", "roads_blocked", 25, "Defensoría del Pueblo", "tudiario-85390", ""),
    ("2023-01-04", "provinces_with_protests", 30, "Defensoría del Pueblo", "tudiario-85390",
     "22 with marches, 15 with strikes, 14 with blockades"),
    ("2023-01-04", "blockade_points", 35, "SUTRAN", "m081", "EFE; other counts that day: 10 (the prime minister, morning), 14"),
    ("2023-01-04", "roads_blocked", 34, "SUTRAN", "m088", "roads interrupted"),
    ("2023-01-05", "blockade_points", 43, "Defensoría del Pueblo", "lanacion-2023-01-06", "'on Thursday' = 5 Jan"),
    ("2023-01-05", "provinces_with_protests", 30, "Defensoría del Pueblo", "lanacion-2023-01-06", "'on Thursday' = 5 Jan"),
    ("2023-01-05", "blockade_points", 36, "SUTRAN", "gestion-sutran-36", "date inferred ('second day' of the strike)"),
    ("2023-01-05", "regions_affected", 6, "SUTRAN", "gestion-sutran-36", "date inferred"),
    ("2023-01-05", "roads_blocked", 9, "SUTRAN", "gestion-sutran-36", "date inferred"),
    ("2023-01-08", "roads_blocked", 62, "Defensoría del Pueblo", "telesur-2023-01-08", ""),
    ("2023-01-08", "roads_blocked", 13, "SUTRAN", "telesur-2023-01-08", "main highways"),
    ("2023-01-08", "blockade_points", 46, "SUTRAN", "elcomercio-sutran-45", "Sunday figure quoted on 9 Jan"),
    ("2023-01-09", "blockade_points", 45, "SUTRAN", "elcomercio-sutran-45", "at 10:00"),
    ("2023-01-09", "regions_affected", 6, "SUTRAN", "elcomercio-sutran-45", ""),
    ("2023-01-09", "roads_blocked", 12, "SUTRAN", "elcomercio-sutran-45", ""),
    ("2023-01-09", "blockade_points", 45, "Kawsachun News", "seed", "seed report of 9 Jan ('according to authorities')"),
    ("2023-01-09", "deaths_total", 43, "El Universal", "eluniversal-43", ""),
    ("2023-01-10", "blockade_points", 45, "Kawsachun News", "seed", "seed report of 10 Jan"),
    ("2023-01-10", "deaths_total", 46, "Kawsachun News", "seed", "seed report of 10 Jan: dead since the coup"),
    ("2023-01-11", "deaths_total", 47, "Defensoría del Pueblo", "m124", "39 civilians in clashes + 7 traffic or blockade + 1 police officer"),
    ("2023-01-11", "deaths_in_clashes", 39, "Defensoría del Pueblo", "m124", "civilians; not all deaths"),
    ("2023-01-12", "deaths_total", 49, "HCH", "hch-2023-01-12", ""),
    ("2023-01-12", "provinces_with_protests", 40, "VRT NWS", "m133", "about 40 provinces with blockades or protests"),
    ("2023-01-13", "roads_blocked", 87, "Beethovianos Internacional", "beethovianos-4172", "date uncertain (~13 Jan, 'tenth day'); at least 87"),
    ("2023-01-14", "blockade_points", 100, "Defensoría del Pueblo", "realamerican-416762", "33 provinces"),
    ("2023-01-14", "deaths_total", 49, "Defensoría del Pueblo", "m140", "41 protesters in clashes + 1 police officer + 7 traffic or blockade"),
    ("2023-01-14", "deaths_in_clashes", 41, "Defensoría del Pueblo", "m140", "protesters; not all deaths"),
    ("2023-01-15", "blockade_points", 72, "Defensoría del Pueblo / SUTRAN", "siglo-2023", "date uncertain ('this Sunday', likely 15 Jan)"),
    ("2023-01-15", "regions_affected", 5, "Defensoría del Pueblo / SUTRAN", "siglo-2023", "date uncertain"),
    ("2023-01-16", "deaths_total", 49, "Defensoría del Pueblo", "m147", "approximate date; 48 civilians and 1 police officer"),
    ("2023-01-16", "injured_total", 1110, "Defensoría del Pueblo", "m147", "approximate date; 668 civilians, 442 police"),
    ("2023-01-17", "blockade_points", 81, "La Jornada", "jornada-2023-01-18", "'road sections'"),
    ("2023-01-17", "regions_affected", 8, "La Jornada", "jornada-2023-01-18", ""),
    ("2023-01-19", "blockade_points", 127, "SUTRAN", "elcomercio-sutran-127", "highest since 4 Jan, per El Comercio"),
    ("2023-01-19", "blockade_points", 145, "Defensoría del Pueblo / SUTRAN", "m155",
     "Correo, February 2023: differs from SUTRAN's 127 the same day; both kept"),
    ("2023-01-19", "regions_affected", 18, "SUTRAN", "elcomercio-sutran-127", ""),
    ("2023-01-19", "deaths_total", 53, "Defensoría del Pueblo", "m163", "approximate date; 42 in clashes + 10 blockade-related + 1 police officer"),
    ("2023-01-19", "deaths_in_clashes", 42, "Defensoría del Pueblo", "m163", "approximate date; not all deaths"),
    ("2023-01-19", "injured_total", 1164, "Defensoría del Pueblo", "m163", "approximate date; 722 protesters + 442 police"),
    ("2023-01-20", "deaths_in_clashes", 44, "Prensa Latina", "pl-2023-01-21",
     "23 of them in Puno; deaths in clashes only (first release read it as all deaths)"),
    ("2023-01-21", "blockade_points", 111, "SUTRAN", "lr-2023-01-19-carreteras", ""),
    ("2023-01-21", "regions_affected", 11, "SUTRAN", "lr-2023-01-19-carreteras", ""),
    ("2023-01-24", "roads_blocked", 85, "SUTRAN", "panam-371167", ""),
    ("2023-01-24", "regions_affected", 9, "SUTRAN", "panam-371167", ""),
    ("2023-01-24", "provinces_with_protests", 39, "Defensoría del Pueblo", "m184", "blockades in 31 of them"),
    ("2023-01-25", "blockade_points", 90, "Defensoría del Pueblo", "gestion-defensoria-90", "30 provinces; 41 at the 17:00 update"),
    ("2023-01-25", "deaths_total", 56, "Defensoría del Pueblo", "gestion-defensoria-90", "46 civilians in clashes + 9 in blockade-related incidents or accidents + 1 police officer"),
    ("2023-01-25", "deaths_in_clashes", 46, "Defensoría del Pueblo", "gestion-defensoria-90", "civilians; not all deaths"),
    ("2023-01-25", "provinces_with_protests", 36, "Defensoría del Pueblo", "gestion-defensoria-90", "marches in 14 of them"),
    ("2023-01-25", "blockade_points", 90, "SUTRAN", "elcomercio-sutran-83", "quoted on 27 Jan"),
    ("2023-01-26", "roads_blocked", 88, "Defensoría del Pueblo / SUTRAN", "m189", ""),
    ("2023-01-26", "deaths_total", 57, "Defensoría del Pueblo", "m189", "46 civilians in clashes + 1 police officer + 10 road closures or accidents"),
    ("2023-01-26", "deaths_in_clashes", 46, "Defensoría del Pueblo", "m189", "civilians; not all deaths"),
    ("2023-01-27", "blockade_points", 83, "SUTRAN", "elcomercio-sutran-83", ""),
    ("2023-01-27", "regions_affected", 9, "SUTRAN", "elcomercio-sutran-83", ""),
    ("2023-01-27", "roads_blocked", 16, "SUTRAN", "elcomercio-sutran-83", ""),
    ("2023-01-28", "deaths_total", 65, "Veneportal", "veneportal-2023-01-29", "differs from the ombudsman's 57 (26 Jan) and 58 (30 Jan)"),
    ("2023-01-30", "blockade_points", 67, "The Mexico Post", "m169", "blockades on national roads, in 21 provinces"),
    ("2023-01-30", "provinces_with_protests", 26, "The Mexico Post", "m169", "provinces with mobilisations"),
    ("2023-01-30", "deaths_total", 58, "Defensoría del Pueblo", "m169", "48 in clashes (1 police officer among them) + 10 traffic or blockade"),
    ("2023-01-30", "deaths_in_clashes", 48, "Defensoría del Pueblo", "m169", "including 1 police officer; not all deaths"),
]
