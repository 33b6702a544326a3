"""Events of the second data release (read by ``build_bundled_data.py`` after ``bundled_events``).

From ``shared/facts/events-more-2022-12-to-2023-01.csv``: source keys ``mNNN`` name the first row
of that file citing the URL (see ``bundled_sources.py``). Same conventions as ``bundled_events``:
``at`` is a gazetteer query or ``("km", road, km)``; ``description`` (English) and ``es``
(Spanish) are the project's own words. Rows that add a source to a first-release event are
merged there; rows left out are listed with the reason in ``data/README.md``.
"""

from __future__ import annotations


def ev(id: str, kind: str, start: str, place: str, at: tuple, region: str, sources: list, en: str, es: str,
       **extra) -> dict:
    """One event row (``extra``: end, road, km, fatalities, injured, detained, geo, time, status)."""
    return dict(id=id, kind=kind, start=start, place=place, at=at, region=region, sources=sources,
                description=en, es=es, **extra)


A, AP, C, P = "Arequipa", "Apurímac", "Cusco", "Puno"

DECEMBER: list[dict] = [
    ev("2022-12-08-lima-march", "protest", "2022-12-08", "Centro de Lima (march to Congress)", ("Lima", "Lima"),
       "Lima", ["m008"], geo=2, detained=3,
       en="About a thousand people marched in central Lima the day after Pedro Castillo's arrest, demanding his "
          "release and the closure of Congress; police used tear gas near Congress and AFP saw at least three "
          "arrests.",
       es="Cerca de mil personas marcharon por el centro de Lima al día siguiente de la detención de Pedro "
          "Castillo, pidiendo su liberación y el cierre del Congreso; la policía lanzó gases cerca del Congreso y "
          "AFP vio al menos tres detenciones."),
    ev("2022-12-08-ica-barrio-chino-blockade", "blockade", "2022-12-08", "Panamericana Sur, Barrio Chino (Salas Guadalupe)",
       ("Barrio Chino", "Ica"), "Ica", ["m010", "m009"], end="2022-12-09", road="PE-1S", geo=2, status="confirmed",
       en="The Pan-American Highway South was blocked at Barrio Chino, north of Ica, from the night of "
          "8 December, leaving passengers stranded. The sources place it at kilometre 261 or 271.",
       es="La Panamericana Sur quedó bloqueada en Barrio Chino, al norte de Ica, desde la noche del 8 de "
          "diciembre, con pasajeros varados. Las fuentes lo ubican en el kilómetro 261 o en el 271."),
    ev("2022-12-08-ica-la-expansion-blockade", "blockade", "2022-12-08", "Panamericana Sur km 290, La Expansión",
       ("La Expansión", "Ica"), "Ica", ["m010"], end="2022-12-09", road="PE-1S", km=290, geo=2,
       en="A second point of the Ica blockades from 8 December, at La Expansión, kilometre 290.",
       es="Un segundo punto de los bloqueos de Ica desde el 8 de diciembre, en La Expansión, kilómetro 290."),
    ev("2022-12-08-ica-el-alamo-blockade", "blockade", "2022-12-08", "Panamericana Sur km 299, El Álamo",
       ("El Álamo", "Ica"), "Ica", ["m010", "m009"], end="2022-12-09", road="PE-1S", km=299, geo=2,
       status="confirmed",
       en="The third Ica point, at El Álamo, kilometre 299, held from the night of 8 December; protesters "
          "demanded the closure of Congress.",
       es="El tercer punto de Ica, en El Álamo, kilómetro 299, tomado desde la noche del 8 de diciembre; los "
          "manifestantes exigían el cierre del Congreso."),
    ev("2022-12-09-lima-plaza-san-martin-march", "protest", "2022-12-09", "Lima, Plaza San Martín (night march)",
       ("Lima", "Lima"), "Lima", ["m013"], geo=2, detained=4, injured=1,
       en="Hundreds marched at night around Plaza San Martín; police used tear gas. La República counted at "
          "least four arrests and one person was hurt by a tear-gas canister; the ombudsman spoke of an "
          "unknown number of detentions.",
       es="Cientos de personas marcharon de noche en torno a la plaza San Martín; la policía usó gases. La "
          "República contó al menos cuatro detenidos y una persona fue herida por una bomba lacrimógena; la "
          "Defensoría habló de un número indeterminado de detenciones."),
    ev("2022-12-10-andahuaylas-clash", "clash", "2022-12-10", "Andahuaylas city (Ministerio Público office, city centre)",
       ("Andahuaylas", AP), AP, ["m014"], injured=15, geo=2,
       en="Around 4,000 protesters clashed with police in the centre of Andahuaylas, by the prosecutors' "
          "office. Police reported 15 civilians injured, one badly, and 22 officers affected; earlier that day "
          "the ombudsman had counted 16 people and 4 police hurt.",
       es="Unos 4.000 manifestantes se enfrentaron a la policía en el centro de Andahuaylas, junto al "
          "Ministerio Público. La policía informó de 15 civiles heridos, uno grave, y 22 agentes afectados; "
          "horas antes la Defensoría había contado 16 personas y 4 policías heridos."),
    ev("2022-12-10-andahuaylas-police-held", "other", "2022-12-10", "Andahuaylas, puente Colonial garita",
       ("Andahuaylas", AP), AP, ["m015", "m016"], geo=2, status="confirmed",
       en="Protesters held two police officers at the Puente Colonial checkpoint for more than six hours before "
          "releasing them, as the ombudsman confirmed. The crowd was put at over 5,000 by one channel and over "
          "3,000 by another; at least 20 people were reported injured.",
       es="Manifestantes retuvieron a dos policías en la garita del puente Colonial durante más de seis horas "
          "y luego los liberaron, como confirmó la Defensoría. Un canal calculó más de 5.000 personas y otro "
          "más de 3.000; se informó de al menos 20 heridos."),
    ev("2022-12-10-canete-standoff", "other", "2022-12-10", "Panamericana Sur km 145 (Cañete)",
       ("Cañete", "Lima"), "Lima", ["m017"], road="PE-1S", km=145, geo=2, time=2,
       en="A tense standoff on the Pan-American Highway South at Cañete, kilometre 145, as protesters tried to "
          "block it, around the third day of protests; no casualties are reported and the day is approximate.",
       es="Momento tenso en la Panamericana Sur, en Cañete, kilómetro 145, cuando manifestantes intentaban "
          "bloquearla, hacia el tercer día de protestas; no se informa de heridos y el día es aproximado."),
    ev("2022-12-10-chala-miners-march", "protest", "2022-12-10", "Chala (Caravelí) – march by miners",
       ("Chala", A), A, ["m017"], time=2,
       en="Miners marched in Chala, blocking the road off and on, around the third day of protests (the day is "
          "approximate).",
       es="Mineros marcharon en Chala y bloquearon la vía de forma intermitente, hacia el tercer día de "
          "protestas (día aproximado)."),
    ev("2022-12-11-chala-blockade", "blockade", "2022-12-11", "Chala, Panamericana Sur (Caravelí)",
       ("Chala", A), A, ["m019", "m020", "m070"], end="2022-12-19", road="PE-1S", geo=2, status="confirmed",
       en="Artisanal and informal miners from Caravelí and Ayacucho held the Pan-American Highway South at Chala "
          "for about ten days, with a queue of stranded vehicles over 10 km long. Crowd figures differ: about "
          "4,000 (Correo, which places the blocks at kilometres 660 and 670), about 5,000 (La República, "
          "14 December) and about 2,000 (La República, 18 December). It was cleared on or about 19 December.",
       es="Mineros artesanales e informales de Caravelí y Ayacucho tomaron la Panamericana Sur en Chala unos "
          "diez días, con una fila de vehículos varados de más de 10 km. Las cifras difieren: unas 4.000 "
          "personas (Correo, que ubica los bloqueos en los kilómetros 660 y 670), unas 5.000 (La República, "
          "14 de diciembre) y unas 2.000 (La República, 18 de diciembre). Se despejó hacia el 19 de diciembre."),
    ev("2022-12-11-viru-blockade", "blockade", "2022-12-11", "Panamericana Norte, Virú province (7 points)",
       ("Virú", "La Libertad"), "La Libertad", ["m024"], end="2022-12-12", road="PE-1N", geo=2,
       en="Protesters burned rubbish and blocked the northern Pan-American Highway at seven points in Virú "
          "province from 9 pm on 11 December, demanding elections in 2023. The point stands for all seven.",
       es="Manifestantes quemaron basura y bloquearon la Panamericana Norte en siete puntos de la provincia de "
          "Virú desde las 21:00 del 11 de diciembre, exigiendo elecciones en 2023. El punto representa a los siete."),
    ev("2022-12-12-abancay-march", "protest", "2022-12-12", "Abancay (regional strike, march to the main plaza)",
       ("Abancay", AP), AP, ["m021"],
       en="More than 5,000 people marched to Abancay's main square on the first day of a regional strike (the "
          "day is read from 'yesterday, Monday' in a report of 13 December).",
       es="Más de 5.000 personas marcharon a la plaza principal de Abancay en el primer día de un paro "
          "regional (el día se deduce del 'ayer lunes' de una nota del 13 de diciembre)."),
    ev("2022-12-12-chincheros-arson", "other", "2022-12-12", "Chincheros (prosecutor's office, court, police station)",
       ("Chincheros", AP), AP, ["m021"],
       en="Arson in Chincheros: the provincial prosecutor's office, the court building and the police station "
          "were burned on the day of the deadly clashes there.",
       es="Incendios en Chincheros: la fiscalía provincial, la sede judicial y la comisaría fueron quemadas el "
          "día de los enfrentamientos mortales."),
    ev("2022-12-12-uripa-police-held", "other", "2022-12-12", "Chincheros → Uripa", ("Uripa", AP), AP, ["m023"],
       geo=2,
       en="Protesters held a police officer and paraded him from Chincheros towards Uripa; it is a retention "
          "by protesters, not an arrest.",
       es="Manifestantes retuvieron a un policía y lo hicieron caminar de Chincheros hacia Uripa; es una "
          "retención por manifestantes, no una detención policial."),
    ev("2022-12-12-pe-1s-km-996-blockade", "blockade", "2022-12-12", "Panamericana Sur km 996 (entry to Arequipa city)",
       (A, A), A, ["m024"], road="PE-1S", km=996, geo=2,
       en="Traffic was restricted at kilometre 996, the entry to Arequipa city; the report says restricted, "
          "not necessarily fully blocked.",
       es="El tránsito estaba restringido en el kilómetro 996, ingreso a la ciudad de Arequipa; la nota dice "
          "restringido, no necesariamente bloqueado del todo."),
    ev("2022-12-12-huancavelica-court-arson", "other", "2022-12-12", "Huancavelica (Corte Superior de Justicia)",
       ("Huancavelica", "Huancavelica"), "Huancavelica", ["m026"], geo=2,
       en="Attack on the regional high court in Huancavelica, which was set on fire (the day is read from "
          "'yesterday' in a report of 13 December).",
       es="Ataque a la Corte Superior de Justicia de Huancavelica, que fue incendiada (el día se deduce del "
          "'ayer' de una nota del 13 de diciembre)."),
    ev("2022-12-12-apurimac-prosecutors-attack", "other", "2022-12-12", "Apurímac (Ministerio Público)",
       ("Abancay", AP), AP, ["m026"], geo=3,
       en="An office of the public prosecutor in Apurímac was attacked. The town is not given: the point is the "
          "regional capital.",
       es="Fue atacada una sede del Ministerio Público en Apurímac. No se indica la ciudad: el punto es la "
          "capital regional."),
    ev("2022-12-12-el-pedregal-blockade-death", "blockade", "2022-12-12",
       "El Pedregal (Majes, Caylloma) – road affected by blockade", ("El Pedregal", A), A, ["m027"],
       fatalities=1, geo=2,
       en="A boy died in a traffic accident, with his mother, a prosecutor, on a road affected by the blockades "
          "around El Pedregal. The ombudsman counted the death among those linked to blockades only in 2023.",
       es="Un niño murió en un accidente de tránsito, junto a su madre, fiscal, en una vía afectada por los "
          "bloqueos en El Pedregal. La Defensoría recién contó esta muerte entre las ligadas a bloqueos en 2023."),
    ev("2022-12-12-alto-siguas-gloria-attack", "other", "2022-12-12", "Alto Siguas, Gloria processing plant",
       ("Siguas", A), A, ["m029"], geo=2,
       en="Protesters stormed the Gloria dairy plant at Alto Siguas, burning tyres and a pickup inside while "
          "some workers were trapped; a resident put the crowd at 3,000 to 4,000.",
       es="Manifestantes irrumpieron en la planta de Gloria en Alto Siguas y quemaron llantas y una camioneta "
          "dentro, con trabajadores atrapados; un vecino calculó entre 3.000 y 4.000 personas."),
    ev("2022-12-12-sama-bridge-blockade", "blockade", "2022-12-12", "Panamericana Sur, Sama bridge km 1261",
       ("Sama", "Tacna"), "Tacna", ["m031"], road="PE-1S", km=1261, geo=2,
       en="Three pickets blocked the Pan-American Highway South at the Sama bridge, kilometre 1261, demanding "
          "the closure of Congress and new elections.",
       es="Tres piquetes bloquearon la Panamericana Sur en el puente Sama, kilómetro 1261, exigiendo el cierre "
          "del Congreso y nuevas elecciones."),
    ev("2022-12-12-curahuasi-blockade", "blockade", "2022-12-12", "Curahuasi (access to Apurímac)",
       ("Curahuasi", AP), AP, ["m021"], end="2022-12-13",
       en="One of the points blocking Apurímac's main roads towards Cusco and Lima on 12 and 13 December. The "
          "same list names Puente Cunyac and Pampatama, which the gazetteer cannot place.",
       es="Uno de los puntos que bloquearon las principales vías de Apurímac hacia Cusco y Lima el 12 y 13 de "
          "diciembre. La misma lista nombra Puente Cunyac y Pampatama, que el nomenclátor no ubica."),
    ev("2022-12-12-chalhuanca-blockade", "blockade", "2022-12-12", "Chalhuanca (access to Apurímac)",
       ("Chalhuanca", AP), AP, ["m021"], end="2022-12-13",
       en="Blockade at Chalhuanca, on the road from Apurímac towards the coast, on 12 and 13 December.",
       es="Bloqueo en Chalhuanca, en la vía de Apurímac hacia la costa, el 12 y 13 de diciembre."),
    ev("2022-12-12-cotaruse-blockade", "blockade", "2022-12-12", "Cotaruse (access to Apurímac)",
       ("Cotaruse", AP), AP, ["m021"], end="2022-12-13",
       en="Blockade at Cotaruse, further along the same road, on 12 and 13 December.",
       es="Bloqueo en Cotaruse, más adelante en la misma vía, el 12 y 13 de diciembre."),
    ev("2022-12-12-trujillo-airport-closure", "closure", "2022-12-12", "Trujillo airport", ("Trujillo", "La Libertad"),
       "La Libertad", ["m005"], end="2022-12-18", geo=2, time=2,
       en="Trujillo's airport was one of five whose flights were suspended between 12 and 18 December (620 "
          "flights and about 59,000 passengers in all, per the airport operator). On which of those days it was "
          "shut is not given; the point is the city. Mapped to 18 December, the end of the suspension (the rule "
          "for the December airport closures is in the data README).",
       es="El aeropuerto de Trujillo fue uno de los cinco con vuelos suspendidos entre el 12 y el 18 de "
          "diciembre (620 vuelos y unos 59.000 pasajeros en total, según el operador). No se precisa qué días "
          "estuvo cerrado; el punto es la ciudad."),
    ev("2022-12-13-abancay-court-arson", "other", "2022-12-13", "Abancay, Corte Superior de Justicia de Apurímac",
       ("Abancay", AP), AP, ["m036"],
       en="The Apurímac high court building in Abancay was set on fire and wrecked, on the second day the city "
          "was paralysed.",
       es="La sede de la Corte Superior de Apurímac, en Abancay, fue incendiada y destrozada en el segundo día "
          "de paralización de la ciudad."),
    ev("2022-12-13-kepashiato-kamani-occupation", "other", "2022-12-13", "Kepashiato, Planta Compresora Kámani (TGP)",
       ("Kepashiato", C), C, ["m037", "m073", "m074"], end="2022-12-25", geo=2, status="confirmed",
       en="About 100 people took the Kámani gas compressor plant of the Camisea pipeline (about 20 went in); "
          "more than 200 still held it on 23 December. The army and police took it back on the morning of "
          "25 December, after twelve days.",
       es="Unas 100 personas tomaron la planta compresora de gas Kámani, del ducto de Camisea (entraron unas "
          "20); el 23 de diciembre más de 200 seguían allí. El Ejército y la policía la recuperaron la mañana "
          "del 25, tras doce días."),
    ev("2022-12-13-kepashiato-bridge-blockade", "blockade", "2022-12-13", "Kepashiato bridge (La Convención)",
       ("Kepashiato", C), C, ["m037"], geo=2,
       en="Protesters blocked the Kepashiato bridge with an overturned vehicle while the gas plant was taken.",
       es="Manifestantes bloquearon el puente de Kepashiato con un vehículo volcado mientras tomaban la planta "
          "de gas."),
    ev("2022-12-13-camana-arson", "other", "2022-12-13", "Camaná, Ministerio Público and Poder Judicial",
       ("Camaná", A), A, ["m038"],
       en="Dozens of people set fire to the prosecutors' office and the court in Camaná; a regional outlet "
          "blames miners from Ocoña.",
       es="Decenas de personas incendiaron la fiscalía y el Poder Judicial de Camaná; un medio regional lo "
          "atribuye a mineros de Ocoña."),
    ev("2022-12-13-el-pedregal-arson", "other", "2022-12-13", "Majes: El Pedregal court and prosecutors; Danper and Laive plants",
       ("El Pedregal", A), A, ["m026"],
       en="In Majes the El Pedregal court building was burned, with 825 case files, along with the prosecutors' "
          "office; the Danper and Laive plants were also attacked.",
       es="En Majes fue incendiada la sede judicial de El Pedregal, con 825 expedientes, y la fiscalía; también "
          "fueron atacadas las plantas de Danper y Laive."),
    ev("2022-12-13-san-sebastian-attacks", "other", "2022-12-13", "Cusco: Tottus supermarket (San Sebastián) and CTC TV",
       ("San Sebastián", C), C, ["m026"], geo=2,
       en="A Tottus supermarket in San Sebastián and the CTC television station in Cusco were attacked on the "
          "seventh day of national protest.",
       es="Fueron atacados un supermercado Tottus en San Sebastián y el canal CTC en el Cusco, en el séptimo "
          "día de protesta nacional."),
    ev("2022-12-13-tacna-march", "protest", "2022-12-13", "Tacna: march to the Arco de Tacna",
       ("Tacna", "Tacna"), "Tacna", ["m041"],
       en="About 1,000 people, some 300 of them farmers, marched from the city's outer districts to the Arco "
          "de Tacna, peacefully according to the ombudsman's office; a picket blocked the Tarapacá roundabout.",
       es="Unas 1.000 personas, unas 300 de ellas agricultores, marcharon desde los conos de la ciudad hasta el "
          "Arco de Tacna, en paz según la Defensoría; un piquete bloqueó el óvalo Tarapacá."),
    ev("2022-12-13-puno-access-blockade", "blockade", "2022-12-13", "Puno: accesses to Puno city", (P, P), P,
       ["m042"], geo=2,
       en="The roads into Puno city were blocked (the day is read from 'yesterday' in a report of 14 December).",
       es="Se bloquearon los accesos a la ciudad de Puno (el día se deduce del 'ayer' de una nota del 14 de "
          "diciembre)."),
    ev("2022-12-13-ilave-bridge-blockade", "blockade", "2022-12-13", "Ilave international bridge", ("Ilave", P), P,
       ["m042"], geo=2,
       en="The international bridge at Ilave, on the road to Bolivia, was blocked the same day.",
       es="El puente internacional de Ilave, en la vía a Bolivia, fue bloqueado el mismo día."),
    ev("2022-12-13-ilave-acora-road-blockade", "blockade", "2022-12-13", "Ilave–Acora road", ("Acora", P), P,
       ["m042"], road="PE-3S", geo=2,
       en="On the Ilave–Acora road residents threw stones at vehicles. The point is Acora.",
       es="En la vía Ilave–Acora los pobladores lanzaron piedras a los vehículos. El punto es Acora."),
] + [
    ev("2022-12-13-cusco-march", "protest", "2022-12-13", "Cusco (Cusco regional strike)", ("Cusco", C), C,
       ["m043"],
       en="Large mobilisations in Cusco on the first day of Cusco's indefinite regional strike; no crowd "
          "figure is given.",
       es="Movilizaciones multitudinarias en Cusco el primer día del paro regional indefinido del Cusco; no "
          "se da una cifra de asistentes."),
] + [
    ev(f"2022-12-13-{slug}-march", "protest", "2022-12-13", f"{name} (Cusco regional strike)", (name, C), C,
       ["m043"],
       en=f"{name} stopped work on 13 December, the second day running of the strike there; the source "
          "describes strike stoppages in the provinces and mass marches in Cusco city only.",
       es=f"{name} paralizó el 13 de diciembre, segundo día consecutivo del paro allí; la fuente describe "
          "paralizaciones en las provincias y marchas multitudinarias solo en la ciudad del Cusco.")
    for slug, name in [("sicuani", "Sicuani"), ("quillabamba", "Quillabamba"),
                       ("yauri", "Yauri"), ("quiquijana", "Quiquijana"), ("combapata", "Combapata"),
                       ("ancahuasi", "Ancahuasi"), ("pisac", "Pisac"), ("santo-tomas", "Santo Tomás")]
] + [
    ev("2022-12-13-cusipata-toll-arson", "other", "2022-12-13", "Toll plaza, km 1054 (road through Cusipata)",
       ("Cusipata", C), C, ["m044"], geo=2, time=2,
       en="A toll plaza at kilometre 1054 of the road through Cusipata was burned, around 13 December (the "
          "source says 'yesterday' without a clear date, and calls the road the Pan-American South).",
       es="Se quemó un peaje en el kilómetro 1054 de la vía que pasa por Cusipata, hacia el 13 de diciembre "
          "(la fuente dice 'ayer' sin fecha clara y llama Panamericana Sur a la vía)."),
    ev("2022-12-13-paucartambo-prosecutors-arson", "other", "2022-12-13", "Paucartambo, fiscalía",
       ("Paucartambo", C), C, ["m044"], time=2,
       en="The prosecutor's office in Paucartambo was burned, around 13 December (date inferred).",
       es="La fiscalía de Paucartambo fue incendiada, hacia el 13 de diciembre (fecha deducida)."),
    ev("2022-12-13-carretera-marginal-blockade", "blockade", "2022-12-13",
       "Carretera Marginal: Pichanaki bridge km 74 (also La Florida km 70, km 53 and 61)",
       ("Puente Pichanaqui", "Junín"), "Junín", ["m047"], end="2022-12-16", km=74, geo=2,
       en="The Pichanaki bridge on the Satipo–Chanchamayo road was blocked from Tuesday 13 December, with "
          "other blocks at La Florida (km 70) and kilometres 53 and 61; police reopened the last three on "
          "16 December.",
       es="El puente de Pichanaki, en la vía Satipo–Chanchamayo, estuvo bloqueado desde el martes 13 de "
          "diciembre, con otros cortes en La Florida (km 70) y los kilómetros 53 y 61; la policía reabrió "
          "estos tres el 16."),
    ev("2022-12-14-juliaca-airport-clash", "clash", "2022-12-14", "Juliaca, Inca Manco Cápac airport (perimeter fence)",
       ("Juliaca airport", P), P, ["m048"], injured=2, geo=2,
       en="Hundreds of protesters tried to take Juliaca's airport on the first day of the city's indefinite "
          "strike and fought police for more than two hours; Correo reports two civilians injured.",
       es="Cientos de manifestantes intentaron tomar el aeropuerto de Juliaca en el primer día del paro "
          "indefinido de la ciudad y se enfrentaron a la policía por más de dos horas; Correo informa de dos "
          "civiles heridos."),
    ev("2022-12-14-juliaca-airport-closure", "closure", "2022-12-14", "Juliaca airport (Inca Manco Cápac)",
       ("Juliaca airport", P), P, ["m048", "m057", "m059", "m005"], end="2022-12-18", status="confirmed",
       en="Four flights were suspended and 250 passengers evacuated; the airport was still out of service on "
          "15 December. Mapped to 18 December, the end of the suspension the sources give (the rule for the "
          "December airport closures is in the data README).",
       es="Se suspendieron cuatro vuelos y se evacuó a 250 pasajeros; el aeropuerto seguía inoperativo el 15 "
          "de diciembre. Se mapea hasta el 18 de diciembre, fin de la suspensión que dan las fuentes (la regla de "
          "los cierres de aeropuertos de diciembre está en el README de los datos)."),
    ev("2022-12-14-juliaca-access-blockade", "blockade", "2022-12-14", "Juliaca city accesses", ("Juliaca", P), P,
       ["m050"], geo=2,
       en="The roads into Juliaca were blocked on the first day of its indefinite strike (the day is read from "
          "'yesterday, Wednesday' in Correo).",
       es="Los accesos a Juliaca fueron bloqueados en el primer día de su paro indefinido (el día se deduce "
          "del 'ayer miércoles' de Correo)."),
    ev("2022-12-14-cusco-ronderos-march", "protest", "2022-12-14", "Cusco city, Plaza Mayor (ronderos from Quispicanchi)",
       ("Cusco", C), C, ["m051"],
       en="About 1,500 ronderos from Quispicanchi reached Cusco's main square demanding the closure of Congress.",
       es="Unos 1.500 ronderos de Quispicanchi llegaron a la plaza Mayor del Cusco exigiendo el cierre del "
          "Congreso."),
    ev("2022-12-14-chao-bridge-clash", "clash", "2022-12-14", "Chao bridge, Panamericana Norte (Virú)",
       ("Chao", "La Libertad"), "La Libertad", ["m052"], road="PE-1N", fatalities=1,
       en="Carlos Huamán Cabrera, 26, died at the Chao bridge. Police said at the time that he was not killed by "
          "police fire; in 2024 prosecutors opened an investigation of 17 officers for his killing.",
       es="Carlos Huamán Cabrera, de 26 años, murió en el puente Chao. La policía dijo entonces que no murió "
          "por disparos policiales; en 2024 la fiscalía investigó a 17 agentes por su asesinato."),
    ev("2022-12-14-simbal-blockade-death", "blockade", "2022-12-14", "Simbal (Trujillo), km 26 of the road to the highlands",
       ("Simbal", "La Libertad"), "La Libertad", ["m053"], km=26, fatalities=1, geo=2,
       en="A man of 51, Yoni Rosalino Cárdenas Escobal, was reportedly run over at kilometre 26 of the road "
          "into the highlands during a blockade; the report hedges ('would have died').",
       es="Un hombre de 51 años, Yoni Rosalino Cárdenas Escobal, habría muerto atropellado en el kilómetro 26 "
          "de la vía de penetración a la sierra durante un bloqueo; la nota lo dice en condicional."),
    ev("2022-12-14-huancayo-march", "protest", "2022-12-14", "Huancayo, Calle Real", ("Huancayo", "Junín"),
       "Junín", ["m054"], time=2,
       en="Hundreds from Chupaca and the Mantaro valley marched along Calle Real; roads to the central jungle, "
          "Huancavelica and Lima were blocked and bus ticket sales stopped. The day is 14 or 15 December.",
       es="Cientos de personas de Chupaca y el valle del Mantaro marcharon por la calle Real; se bloquearon las "
          "vías a la selva central, Huancavelica y Lima y se suspendió la venta de pasajes. El día es el 14 o "
          "el 15 de diciembre."),
    ev("2022-12-14-chaclacayo-detentions", "detention", "2022-12-14", "Chaclacayo (Carretera Central), Lima",
       ("Chaclacayo", "Lima"), "Lima", ["m004"], time=2,
       en="Police stopped a group of Asháninka protesters travelling to Lima in at least three vehicles on the "
          "Carretera Central and seized bows and arrows; how many were held is not given, and the day (14 or "
          "15 December) is approximate.",
       es="La policía intervino en la Carretera Central a un grupo de manifestantes asháninkas que viajaban a "
          "Lima en al menos tres vehículos y decomisó arcos y flechas; no se indica cuántos fueron retenidos y "
          "el día (14 o 15 de diciembre) es aproximado."),
    ev("2022-12-15-huamanga-fredepa-march", "protest", "2022-12-15", "Huamanga (marches called by FREDEPA)",
       ("Huamanga", "Ayacucho"), "Ayacucho", ["m055"],
       en="Marches called by the Ayacucho people's defence front (FREDEPA) on the day of the Huamanga massacre.",
       es="Marchas convocadas por el Frente de Defensa del Pueblo de Ayacucho (FREDEPA) el día de la masacre "
          "de Huamanga."),
    ev("2022-12-15-andahuaylas-airport-closure", "closure", "2022-12-15", "Andahuaylas airport",
       ("Andahuaylas airport", AP), AP, ["m057"],
       en="Andahuaylas was among five airports closed on 15 December.",
       es="Andahuaylas estaba entre los cinco aeropuertos cerrados el 15 de diciembre."),
    ev("2022-12-16-puno-march", "protest", "2022-12-16", "Puno city", (P, P), P, ["m062"],
       en="A large march in Puno city, before a two-day weekend truce; protests were to resume on Monday.",
       es="Una marcha multitudinaria en la ciudad de Puno, antes de una tregua de dos días el fin de semana; "
          "las protestas se retomarían el lunes."),
    ev("2022-12-16-huamanga-arson", "other", "2022-12-16", "Huamanga: Poder Judicial, Sunarp, SAT offices; Movistar shop",
       ("Huamanga", "Ayacucho"), "Ayacucho", ["m065"], geo=2,
       en="The day after the massacre about 300 protesters attacked the court near the main square, the Sunarp "
          "and SAT offices and a Movistar shop.",
       es="Al día siguiente de la masacre unos 300 manifestantes atacaron el Poder Judicial cerca de la plaza "
          "Mayor, las oficinas de Sunarp y del SAT y una tienda de Movistar."),
    ev("2022-12-16-huamanga-prosecutors-arson", "other", "2022-12-16", "Huamanga: Ministerio Público building",
       ("Huamanga", "Ayacucho"), "Ayacucho", ["m066"], geo=2,
       en="Three prosecutors' offices in a four-storey building on Avenida Los Libertadores were burned, on "
          "the second day of unrest after the massacre.",
       es="Fueron quemadas tres fiscalías en un edificio de cuatro pisos de la avenida Los Libertadores, en "
          "el segundo día de disturbios tras la masacre."),
    ev("2022-12-16-huamanga-rally", "protest", "2022-12-16", "Huamanga, Plaza de Armas (rally with the regional governor)",
       ("Huamanga", "Ayacucho"), "Ayacucho", ["m066"],
       en="More than 5,000 people gathered in Huamanga's main square in a rally led by regional governor "
          "Carlos Rúa.",
       es="Más de 5.000 personas se reunieron en la plaza de Armas de Huamanga, en un mitin encabezado por el "
          "gobernador regional Carlos Rúa."),
    ev("2022-12-17-yunguyo-prosecutors-arson", "other", "2022-12-17", "Yunguyo (Fiscalía)", ("Yunguyo", P), P,
       ["m069"], end="2022-12-18", time=2,
       en="The prosecutor's office in Yunguyo was attacked over the weekend of 17 and 18 December (which day "
          "is not given).",
       es="La fiscalía de Yunguyo fue atacada el fin de semana del 17 y 18 de diciembre (no se precisa el día)."),
    ev("2022-12-17-illpa-toll-arson", "other", "2022-12-17", "Illpa toll plaza, Puno–Juliaca road (Caracoto)",
       ("Caracoto", P), P, ["m069"], end="2022-12-18", road="PE-3S", geo=2, time=2,
       en="The Illpa toll plaza on the Puno–Juliaca road was burned for the second time, with motorcycles, "
          "over the same weekend.",
       es="El peaje de Illpa, en la vía Puno–Juliaca, fue quemado por segunda vez, junto con motocicletas, "
          "ese mismo fin de semana."),
    ev("2022-12-20-cusco-tupac-amaru-rally", "protest", "2022-12-20", "Cusco, plaza Túpac Amaru (Wanchaq)",
       ("Wanchaq", C), C, ["m072"],
       en="More than 3,000 protesters from Paucartambo, Chumbivilcas, Acomayo and other provinces gathered in "
          "the plaza Túpac Amaru, on the ninth day of Cusco's protest.",
       es="Más de 3.000 manifestantes de Paucartambo, Chumbivilcas, Acomayo y otras provincias se reunieron en "
          "la plaza Túpac Amaru, en el noveno día de protesta en el Cusco."),
    ev("2022-12-25-kamani-plant-clash", "clash", "2022-12-25", "Planta Compresora Kámani, Kumpirushiato (La Convención)",
       ("Kepashiato", C), C, ["m074"], injured=2, geo=2,
       en="The army and police evicted the occupiers of the Kámani plant; the regional health office reported "
          "two people bruised and discharged. The armed forces denied rumours of gunshot wounds.",
       es="El Ejército y la policía desalojaron a quienes ocupaban la planta Kámani; la Geresa informó de dos "
          "contusos, ya dados de alta. Las Fuerzas Armadas negaron rumores de heridos por bala."),
    ev("2022-12-27-chiclayo-chota-road-blockade", "blockade", "2022-12-27", "Chiclayo–Chota road",
       ("Chota", "Cajamarca"), "Cajamarca", ["m075"], geo=2,
       en="A photograph shows the Chiclayo–Chota road blocked while Chota's ronderos announced an agrarian "
          "strike for January. The spot is not given: the point is Chota.",
       es="Una foto muestra bloqueada la vía Chiclayo–Chota mientras los ronderos de Chota anunciaban un paro "
          "agrario para enero. No se da el punto: se dibuja en Chota."),
    ev("2022-12-15-tacna-march", "protest", "2022-12-15", "Tacna city (Paseo Cívico and óvalos)", ("Tacna", "Tacna"),
       "Tacna", ["m002"], time=2,
       en="More than 1,000 people marched in Tacna after the state of emergency was declared; police cleared "
          "early-morning road blocks. The exact day is not given (about 15 December).",
       es="Más de 1.000 personas marcharon en Tacna tras la declaratoria del estado de emergencia; la policía "
          "despejó bloqueos de la madrugada. No se da el día exacto (hacia el 15 de diciembre)."),
    ev("2022-12-12-cajamarca-university-occupation", "protest", "2022-12-12", "Universidad Nacional de Cajamarca",
       ("Cajamarca", "Cajamarca"), "Cajamarca", ["m003"], geo=2, time=2,
       en="Students occupied the National University of Cajamarca, around 12 December (the day is approximate).",
       es="Estudiantes tomaron la Universidad Nacional de Cajamarca, hacia el 12 de diciembre (día aproximado)."),
    ev("2022-12-12-friaspata-clash", "clash", "2022-12-12", "Friaspata power station, Huancavelica",
       ("Huancavelica", "Huancavelica"), "Huancavelica", ["m005"], geo=2, time=3,
       en="About 600 people at the Friaspata power station were dispersed with tear gas. Only December is "
          "known; 12 December, when other Huancavelica buildings were attacked, is a placeholder.",
       es="Unas 600 personas en la central de Friaspata fueron dispersadas con gases. Solo se sabe que fue en "
          "diciembre; el 12, cuando se atacaron otros edificios de Huancavelica, es una fecha provisional."),
]

_SUTRAN6 = ("SUTRAN's list of blocked roads for Friday 6 January, as La República published it",
            "la lista de SUTRAN de vías bloqueadas del viernes 6 de enero, publicada por La República")

JANUARY: list[dict] = [
    ev("2023-01-03-cusco-peace-march", "protest", "2023-01-03", "Cusco, Plaza Mayor ('Marcha por la Paz')",
       ("Cusco", C), C, ["m076"], time=2,
       en="A large group marched for peace in Cusco's main square, some kneeling, on the eve of the 4 January "
          "strike: a counter-protest. The day is inferred from the report.",
       es="Un numeroso grupo marchó por la paz en la plaza Mayor del Cusco, algunos de rodillas, en vísperas "
          "del paro del 4 de enero: una contramarcha. El día se deduce de la nota."),
    ev("2023-01-04-arequipa-airport-clash", "clash", "2023-01-04", "Arequipa airport (exteriors)",
       ("Arequipa airport", A), A, ["tudiario-85390"], geo=2,
       en="Clashes outside Arequipa's airport on the first day of the renewed strike.",
       es="Enfrentamientos en los exteriores del aeropuerto de Arequipa el primer día del paro reanudado."),
    ev("2023-01-04-arequipa-airport-detentions", "detention", "2023-01-04", "Arequipa airport Alfredo Rodríguez Ballón",
       ("Arequipa airport", A), A, ["m092"], detained=2,
       en="Two women were detained after protesters tore down fences at Arequipa's airport.",
       es="Dos mujeres fueron detenidas después de que manifestantes derribaran cercos del aeropuerto de "
          "Arequipa."),
    ev("2023-01-04-puno-toll-booths-arson", "other", "2023-01-04", "Puno region toll booths (peajes)", (P, P), P,
       ["tudiario-85390", "m092"], geo=3, status="confirmed",
       en="Toll booths in Puno region were attacked, one of them on the Ilave–Puno road, which was burned. "
          "The booths are not located: the point is the regional capital.",
       es="Fueron atacados peajes en la región Puno, uno de ellos en la vía Ilave–Puno, que fue quemado. No se "
          "ubican los peajes: el punto es la capital regional."),
    ev("2023-01-04-huanuco-cayhuayna-protest", "protest", "2023-01-04", "Huánuco, óvalo de Cayhuayna",
       ("Cayhuayna", "Huánuco"), "Huánuco", ["tudiario-85390"],
       en="A protest at the Cayhuayna roundabout in Huánuco on 4 January; its size is not given.",
       es="Una protesta en el óvalo de Cayhuayna, en Huánuco, el 4 de enero; no se indica cuántos asistieron."),
] + [
    # Third release: the provinces the ombudsman's count of 4 January names (Huánuco is mapped above).
    ev(f"2023-01-04-{slug}-march", "protest", "2023-01-04",
       f"{prov} province ({capital})" if prov != capital else f"{prov} province", (at, region), region,
       ["tudiario-85390"], geo=2,
       en=f"The ombudsman counted marches in 22 provinces on 4 January, {prov} among those named; the point is "
          f"{capital}, the province's capital.",
       es=f"La Defensoría contó marchas en 22 provincias el 4 de enero, entre ellas {prov}; el punto es "
          f"{capital}, capital de la provincia.")
    for slug, prov, at, capital, region in [
        ("huaraz", "Huaraz", "Huaraz", "Huaraz", "Áncash"), ("abancay", "Abancay", "Abancay", "Abancay", AP),
        ("arequipa", "Arequipa", "Arequipa", "Arequipa", A), ("cusco", "Cusco", "Cusco", "Cusco", C),
        ("huancavelica", "Huancavelica", "Huancavelica", "Huancavelica", "Huancavelica"),
        ("lima", "Lima Metropolitana", "Lima", "Lima", "Lima"), ("puno", "Puno", "Puno", "Puno", P),
        ("tacna", "Tacna", "Tacna", "Tacna", "Tacna"),
        ("coronel-portillo", "Coronel Portillo", "Pucallpa", "Pucallpa", "Ucayali")]
] + [
    ev("2023-01-04-machu-picchu-rail-suspension", "closure", "2023-01-04", "Cusco–Ollantaytambo–Machu Picchu railway",
       ("Aguas Calientes", C), C, ["m081", "m076", "mudosocial-cusco"], end="2023-01-06", geo=2, status="confirmed",
       en="PeruRail suspended the Machu Picchu train as a precaution from 4 January, after 2,062 tourists were "
          "taken out of Machu Picchu on the 3rd; it was still suspended on 6 January. One report had announced "
          "only 4 and 5 January.",
       es="PeruRail suspendió de forma preventiva el tren a Machu Picchu desde el 4 de enero, después de que "
          "2.062 turistas fueran evacuados el 3; seguía suspendido el 6. Una nota había anunciado solo el 4 y "
          "el 5 de enero."),
    ev("2023-01-04-lima-dos-de-mayo-clash", "clash", "2023-01-04", "Lima centre: Plaza 2 de Mayo toward Congress",
       ("Lima", "Lima"), "Lima", ["m083"], geo=2,
       en="Police dispersed dozens of protesters with tear gas as they marched from Plaza 2 de Mayo towards "
          "Congress.",
       es="La policía dispersó con gases a decenas de manifestantes que marchaban de la plaza 2 de Mayo hacia "
          "el Congreso."),
    ev("2023-01-04-interoceanica-puerto-maldonado-blockade", "blockade", "2023-01-04",
       "Interoceánica highway near Puerto Maldonado", ("Puerto Maldonado", "Madre de Dios"), "Madre de Dios",
       ["m083"], road="PE-30C", geo=2,
       en="A stretch of the Interoceanic Highway near Puerto Maldonado was blocked.",
       es="Un tramo de la Interoceánica cerca de Puerto Maldonado quedó bloqueado."),
    ev("2023-01-04-arequipa-road-clash", "clash", "2023-01-04", "Arequipa (road unblocked by police)",
       (A, A), A, ["m083"], geo=2,
       en="Police used tear gas to clear dozens of people blocking a road in Arequipa (not named), apart from "
          "the clash at the airport.",
       es="La policía usó gases para despejar a decenas de personas que bloqueaban una vía en Arequipa (no "
          "nombrada), aparte del enfrentamiento en el aeropuerto."),
] + [
    ev(f"2023-01-04-{slug}-province-blockade", "blockade", "2023-01-04", f"{prov} province (Cusco region)",
       (town, C), C, ["m087"], geo=2,
       en=f"Police counted nine blockades in seven Cusco provinces on 4 January, {prov} among them. Where in the "
          f"province is not given: the point is {town}, its capital.",
       es=f"La policía contó nueve bloqueos en siete provincias del Cusco el 4 de enero, entre ellas {prov}. No "
          f"se indica el lugar dentro de la provincia: el punto es {town}, su capital.")
    for slug, prov, town in [("quispicanchi", "Quispicanchi", "Urcos"), ("cusco", "Cusco", "Cusco"),
                             ("calca", "Calca", "Calca"), ("anta", "Anta", "Anta"), ("paruro", "Paruro", "Paruro"),
                             ("urubamba", "Urubamba", "Urubamba")]
] + [
    ev("2023-01-04-lima-abancay-protest", "protest", "2023-01-04", "Lima, Av. Abancay", ("Lima", "Lima"), "Lima",
       ["m088"], geo=2,
       en="A demonstration on Avenida Abancay in central Lima, shown in a photograph of 4 January.",
       es="Una manifestación en la avenida Abancay, en el centro de Lima, registrada en una foto del 4 de enero."),
    ev("2023-01-04-moquegua-protest", "protest", "2023-01-04", "Moquegua, óvalo Av. Balta", ("Moquegua", "Moquegua"),
       "Moquegua", ["m090"],
       en="Protesters gathered at the Avenida Balta roundabout on the first day of a 48-hour strike in Moquegua "
          "(the day is inferred from the strike's second day, 5 January).",
       es="Manifestantes se concentraron en el óvalo de la avenida Balta en el primer día de un paro de 48 horas "
          "en Moquegua (el día se deduce del segundo día del paro, el 5 de enero)."),
    ev("2023-01-04-moquegua-access-blockade", "blockade", "2023-01-04", "Moquegua city accesses (San Antonio, Chen Chen, San Francisco)",
       ("Moquegua", "Moquegua"), "Moquegua", ["m090", "m096"], end="2023-01-05", geo=2,
       en="Streets and roads into Moquegua were blocked during the 48-hour strike: at San Francisco, Chen Chen "
          "and San Antonio on the first day, and at the cemetery roundabout towards the Binational Highway, the "
          "riverside, San Antonio, Chen Chen and quebrada Jerusalén on the second.",
       es="Se bloquearon calles y accesos de Moquegua durante el paro de 48 horas: en San Francisco, Chen Chen "
          "y San Antonio el primer día, y en el óvalo del cementerio hacia la Carretera Binacional, el malecón, "
          "San Antonio, Chen Chen y la quebrada Jerusalén el segundo."),
    ev("2023-01-04-ilo-el-algarrobal-blockade", "blockade", "2023-01-04", "Ilo: cruce El Algarrobal, Panamericana",
       ("El Algarrobal", "Moquegua"), "Moquegua", ["m090"], geo=2,
       en="The El Algarrobal junction near Ilo was blocked for a while on the first day of the strike.",
       es="El cruce de El Algarrobal, cerca de Ilo, estuvo bloqueado un rato el primer día del paro."),
    ev("2023-01-04-ilave-international-bridge-blockade", "blockade", "2023-01-04",
       "Puente Internacional, Ilave (road Puno–Desaguadero)", ("Ilave", P), P, ["m094"], end="2023-01-31",
       road="PE-3S", geo=2,
       en="A report of March 2023 says the international bridge at Ilave was blocked from 4 January, with "
          "truces now and then; the map shows it until the end of its window, not every day being certain.",
       es="Una nota de marzo de 2023 dice que el puente internacional de Ilave estuvo bloqueado desde el 4 de "
          "enero, con treguas intermitentes; el mapa lo muestra hasta el fin de su periodo, sin certeza de cada día."),
    ev("2023-01-05-tacna-costanera-blockade", "blockade", "2023-01-05", "Carretera Costanera km 19, Tacna",
       ("Tacna", "Tacna"), "Tacna", ["dsf-2023-01-06"], km=19, geo=2,
       en="Burning tyres blocked the coastal road at kilometre 19 until police cleared it before 1 pm (the day "
          "is 'Thursday' in a report of Friday 6 January).",
       es="Llantas quemadas bloquearon la Costanera en el kilómetro 19 hasta que la policía la despejó antes de "
          "la 13:00 (el día es el 'jueves' de una nota del viernes 6 de enero)."),
    ev("2023-01-05-huancavelica-march", "protest", "2023-01-05", "Huancavelica city (Plaza Santa Ana)",
       ("Huancavelica", "Huancavelica"), "Huancavelica", ["m097"],
       en="The strike called in Huancavelica for 5 January became a protest march; there were no road "
          "blockades that day.",
       es="El paro convocado en Huancavelica para el 5 de enero se convirtió en una marcha de protesta; no hubo "
          "bloqueos de vías ese día."),
    ev("2023-01-06-urcos-protest", "protest", "2023-01-06", "Urcos (Quispicanchi)", ("Urcos", C), C,
       ["mudosocial-cusco"],
       en="Ronderos and residents of Ccatcca, Ocongate and Carhuayo protested in Urcos, while Cusco city saw only "
          "a small march.",
       es="Ronderos y pobladores de Ccatcca, Ocongate y Carhuayo protestaron en Urcos, mientras en la ciudad del "
          "Cusco hubo solo una pequeña marcha."),
    ev("2023-01-06-pe-34b-km-1-40-blockade", "blockade", "2023-01-06", "Vía Calapuja–Macusani–Lechemayo km 1–40",
       ("Calapuja", P), P, ["m101"], road="PE-34B", geo=2, status="confirmed",
       en=f"Kilometres 1 to 40 of the Calapuja–Macusani–Lechemayo road were blocked, in {_SUTRAN6[0]}. The point is "
          "Calapuja, where the road begins.",
       es=f"Los kilómetros 1 a 40 de la vía Calapuja–Macusani–Lechemayo estaban bloqueados, según {_SUTRAN6[1]}. "
          "El punto es Calapuja, donde empieza la vía."),
    ev("2023-01-06-pe-34b-km-40-85-blockade", "blockade", "2023-01-06", "Vía Calapuja–Macusani–Lechemayo km 40–85",
       ("Vía Calapuja–Macusani–Lechemayo km 40–85", P), P, ["m101"], road="PE-34B", geo=2, status="confirmed",
       en=f"Kilometres 40 to 85 of the same road, in {_SUTRAN6[0]}. Where the stretch lies is not known: it is "
          "drawn at Azángaro.",
       es=f"Los kilómetros 40 a 85 de la misma vía, según {_SUTRAN6[1]}. No se sabe dónde queda el tramo: se "
          "dibuja en Azángaro."),
    ev("2023-01-06-pe-34b-km-85-164-blockade", "blockade", "2023-01-06", "Vía Calapuja–Macusani–Lechemayo km 85–164",
       ("Macusani", P), P, ["m101"], road="PE-34B", geo=2, status="confirmed",
       en=f"Kilometres 85 to 164 of the same road, towards Macusani, in {_SUTRAN6[0]}. The point is Macusani.",
       es=f"Los kilómetros 85 a 164 de la misma vía, hacia Macusani, según {_SUTRAN6[1]}. El punto es Macusani."),
    ev("2023-01-06-pe-3s-km-1220-blockade", "blockade", "2023-01-06", "Longitudinal de la Sierra Sur km 1220",
       ("km", "PE-3S", 1220), P, ["m101"], road="PE-3S", km=1220, geo=2, status="confirmed",
       en=f"The Longitudinal de la Sierra Sur was blocked at kilometre 1220, in {_SUTRAN6[0]}; the point is placed "
          "between SUTRAN's kilometre posts at Santa Rosa and Calapuja.",
       es=f"La Longitudinal de la Sierra Sur estaba bloqueada en el kilómetro 1220, según {_SUTRAN6[1]}; el punto "
          "se ubica entre los hitos de SUTRAN en Santa Rosa y Calapuja."),
    ev("2023-01-06-pe-3s-km-1251-1280-blockade", "blockade", "2023-01-06", "Longitudinal de la Sierra Sur km 1251–1280",
       ("km", "PE-3S", 1265.5), P, ["m101"], road="PE-3S", km=1265.5, geo=2, status="confirmed",
       en=f"Kilometres 1251 to 1280 of the same road, in {_SUTRAN6[0]}; the point is the middle of the stretch.",
       es=f"Los kilómetros 1251 a 1280 de la misma vía, según {_SUTRAN6[1]}; el punto es el centro del tramo."),
    ev("2023-01-06-pe-3s-km-1280-1309-blockade", "blockade", "2023-01-06", "Longitudinal de la Sierra Sur km 1280–1309",
       ("km", "PE-3S", 1294.5), P, ["m101"], road="PE-3S", km=1294.5, geo=2, status="confirmed",
       en=f"Kilometres 1280 to 1309, around Calapuja, in {_SUTRAN6[0]}; the point is the middle of the stretch.",
       es=f"Los kilómetros 1280 a 1309, alrededor de Calapuja, según {_SUTRAN6[1]}; el punto es el centro del tramo."),
    ev("2023-01-06-pe-3s-km-1319-blockade", "blockade", "2023-01-06", "Longitudinal de la Sierra Sur km 1319",
       ("km", "PE-3S", 1319), P, ["m101"], road="PE-3S", km=1319, geo=2, status="confirmed",
       en=f"Kilometre 1319, between Calapuja and Puno, in {_SUTRAN6[0]}; placed between SUTRAN's posts at Calapuja "
          "(km 1294) and Chucuito (km 1380).",
       es=f"Kilómetro 1319, entre Calapuja y Puno, según {_SUTRAN6[1]}; ubicado entre los hitos de SUTRAN en "
          "Calapuja (km 1294) y Chucuito (km 1380)."),
    ev("2023-01-06-pe-3s-km-1339-blockade", "blockade", "2023-01-06", "Longitudinal de la Sierra Sur km 1339+500",
       ("km", "PE-3S", 1339.5), P, ["m101"], road="PE-3S", km=1339.5, geo=2, status="confirmed",
       en=f"Kilometre 1339.5, in {_SUTRAN6[0]}; placed between SUTRAN's posts at Calapuja and Chucuito.",
       es=f"Kilómetro 1339,5, según {_SUTRAN6[1]}; ubicado entre los hitos de SUTRAN en Calapuja y Chucuito."),
    ev("2023-01-06-pe-3s-km-1362-blockade", "blockade", "2023-01-06", "Longitudinal de la Sierra Sur km 1362",
       ("km", "PE-3S", 1362), P, ["m101"], road="PE-3S", km=1362, geo=2, status="confirmed",
       en=f"Kilometre 1362, near Puno, the last Puno point legible in {_SUTRAN6[0]} (the list read was cut there).",
       es=f"Kilómetro 1362, cerca de Puno, el último punto legible de Puno en {_SUTRAN6[1]} (la lista leída se "
          "corta allí)."),
    ev("2023-01-06-juliaca-putina-road-blockade", "blockade", "2023-01-06",
       "Vía Juliaca–Putina–Sandia–Azata km 4, 30, 42 and 69", ("Vía Juliaca–Putina–Sandia–Azata km 4, 30, 42 and 69", P),
       P, ["m101"], geo=2, status="confirmed",
       en=f"The Juliaca–Putina–Sandia road was blocked at kilometres 4, 30, 42 and 69, in {_SUTRAN6[0]}. One point "
          "stands for the four, between Juliaca and Putina.",
       es=f"La vía Juliaca–Putina–Sandia estaba bloqueada en los kilómetros 4, 30, 42 y 69, según {_SUTRAN6[1]}. Un "
          "punto representa a los cuatro, entre Juliaca y Putina."),
    ev("2023-01-06-pe-34a-km-271-294-blockade", "blockade", "2023-01-06",
       "Carretera Repartición Arequipa (Santa Lucía–Juliaca) km 271–294",
       ("Carretera Repartición Arequipa (Santa Lucía–Juliaca) km 271–294", P), P, ["m101"], road="PE-34A", geo=2,
       status="confirmed",
       en=f"Kilometres 271 to 294 of the Arequipa road between Santa Lucía and Juliaca, in {_SUTRAN6[0]}. Drawn at "
          "Cabanillas, between the two.",
       es=f"Los kilómetros 271 a 294 de la vía a Arequipa entre Santa Lucía y Juliaca, según {_SUTRAN6[1]}. Se "
          "dibuja en Cabanillas, entre ambas."),
    ev("2023-01-09-juliaca-airport-march", "protest", "2023-01-09", "Juliaca, approaches to the Inca Manco Cápac airport",
       ("Juliaca airport", P), P, ["m112"], geo=2,
       en="Before the shooting began, more than 9,000 people approached Juliaca's airport, of whom about 2,000 "
          "attacked it according to Prime Minister Otárola: the crowd figures are the government's.",
       es="Antes de los disparos, más de 9.000 personas se acercaron al aeropuerto de Juliaca, y unas 2.000 lo "
          "atacaron según el primer ministro Otárola: las cifras son del Gobierno."),
    ev("2023-01-09-juliaca-looting", "other", "2023-01-09", "Juliaca: Promart, Movistar, Plaza Vea, La Curacao",
       ("Juliaca", P), P, ["m112"], geo=2,
       en="Shops of Promart, Movistar, Plaza Vea and La Curacao in Juliaca were looted and set on fire that night.",
       es="Tiendas de Promart, Movistar, Plaza Vea y La Curacao en Juliaca fueron saqueadas e incendiadas esa noche."),
    ev("2023-01-09-puno-aymara-march", "protest", "2023-01-09", "Puno city (Aymaras from Yunguyo, Chucuito, El Collao)",
       (P, P), P, ["m115"],
       en="More than 10,000 Aymaras from Yunguyo, Chucuito and El Collao (Ilave) arrived in Puno demanding the "
          "resignation of Dina Boluarte and the closure of Congress; the city came to a standstill.",
       es="Más de 10.000 aimaras de Yunguyo, Chucuito y El Collao (Ilave) llegaron a Puno exigiendo la renuncia "
          "de Dina Boluarte y el cierre del Congreso; la ciudad quedó paralizada."),
    ev("2023-01-10-tomasire-toll-arson", "other", "2023-01-10", "Peaje de Tomasire, Panamericana Sur",
       ("Tacna", "Tacna"), "Tacna", ["m116"], road="PE-1S", geo=3,
       en="The Tomasire toll booth on the Pan-American Highway South was burned on the night of Tuesday "
          "10 January. It is not in the gazetteer: the point is the regional capital.",
       es="El peaje de Tomasire, en la Panamericana Sur, fue quemado la noche del martes 10 de enero. No figura "
          "en el nomenclátor: el punto es la capital regional."),
    ev("2023-01-10-arequipa-march", "protest", "2023-01-10", "Arequipa: Av. Independencia → Plaza de Armas",
       (A, A), A, ["m117"],
       en="Unions and fronts (AUPA, FREDIPAP) marched from Avenida Independencia to the Plaza de Armas, the first "
          "protest after a quiet week, in reaction to the Juliaca deaths. The day is inferred; Correo also puts "
          "the march on the day after 9 January.",
       es="Gremios y frentes (AUPA, FREDIPAP) marcharon de la avenida Independencia a la plaza de Armas, la "
          "primera protesta tras una semana tranquila, en reacción a las muertes de Juliaca. El día se deduce; "
          "Correo también ubica la marcha al día siguiente del 9 de enero."),
    ev("2023-01-10-arequipa-yura-km-16-blockade", "blockade", "2023-01-10", "Road Arequipa–Yura km 16 (Cono Norte)",
       ("Road Arequipa–Yura km 16 (Cono Norte)", A), A, ["m117"], km=16, geo=2,
       en="Hundreds blocked the Arequipa–Yura road at kilometre 16, in the city's northern districts (day "
          "inferred, as for the march).",
       es="Cientos de personas bloquearon la vía Arequipa–Yura en el kilómetro 16, en el cono norte de la ciudad "
          "(día deducido, como el de la marcha)."),
    ev("2023-01-10-arequipa-la-joya-autopista-blockade", "blockade", "2023-01-10", "Autopista Arequipa–La Joya",
       ("La Joya", A), A, ["m119"], geo=2,
       en="The Arequipa–La Joya motorway was blocked, as Arequipa's mayor called for calm (the day is read from "
          "'yesterday' after the Monday deaths in Juliaca). The point is La Joya.",
       es="La autopista Arequipa–La Joya fue bloqueada mientras el alcalde de Arequipa llamaba a la calma (el "
          "día se deduce del 'ayer' posterior a las muertes del lunes en Juliaca). El punto es La Joya."),
    ev("2023-01-10-lircay-court-arson", "other", "2023-01-10", "Lircay (Angaraes): Poder Judicial building",
       ("Lircay", "Huancavelica"), "Huancavelica", ["m120"],
       en="Documents and furniture of the court building in Lircay were burned, and the Huancavelica–Lircay road "
          "was blocked with stones and burning tyres.",
       es="Se quemaron documentos y muebles de la sede judicial de Lircay, y la vía Huancavelica–Lircay fue "
          "bloqueada con piedras y llantas ardiendo."),
    ev("2023-01-10-huancavelica-march", "protest", "2023-01-10", "Huancavelica city streets",
       ("Huancavelica", "Huancavelica"), "Huancavelica", ["m120"],
       en="Marches through Huancavelica on the first day of a 48-hour regional strike.",
       es="Marchas por Huancavelica en el primer día de un paro regional de 48 horas."),
    ev("2023-01-11-cusco-bus-terminal-arson", "other", "2023-01-11", "Cusco, terminal terrestre", ("Cusco", C), C,
       ["m122"], geo=2,
       en="A booth at Cusco's bus terminal was burned and an ambulance was stoned in Wanchaq.",
       es="Se quemó una caseta del terminal terrestre del Cusco y una ambulancia fue apedreada en Wanchaq."),
    ev("2023-01-11-juliaca-funeral-march", "protest", "2023-01-11", "Juliaca, Plaza de Armas to the airport (funeral march)",
       ("Juliaca", P), P, ["m126", "m129"], time=2, status="confirmed",
       en="Juliaca mourned its dead with a march carrying their coffins from the Plaza de Armas towards the "
          "airport. El Comercio speaks of thousands, El Búho of almost 100,000. Most accounts place it on "
          "11 January; one later account says the 10th.",
       es="Juliaca despidió a sus muertos con una marcha que llevó los ataúdes de la plaza de Armas hacia el "
          "aeropuerto. El Comercio habla de miles y El Búho de casi 100.000. La mayoría lo sitúa el 11 de enero; "
          "un relato posterior dice el 10."),
    ev("2023-01-11-tacna-march", "protest", "2023-01-11", "Tacna city: march to the Centro Cívico", ("Tacna", "Tacna"),
       "Tacna", ["m116"],
       en="About 5,000 people marched to the Centro Cívico during a city-wide strike in Tacna.",
       es="Unas 5.000 personas marcharon al Centro Cívico durante un paro en toda la ciudad de Tacna."),
    ev("2023-01-11-tacna-plaza-vea-clash", "clash", "2023-01-11", "Tacna: Plaza Vea supermarket (Av. Cusco)",
       ("Tacna", "Tacna"), "Tacna", ["m128"], geo=2,
       en="Stones against tear gas outside the Plaza Vea supermarket; roads, roundabouts and the airport "
          "surroundings were blocked with stones and tyres. No casualty figure is given.",
       es="Piedras contra gases frente al supermercado Plaza Vea; vías, óvalos y los alrededores del aeropuerto "
          "se bloquearon con piedras y llantas. No se da cifra de heridos."),
    ev("2023-01-12-cusco-caravan-march", "protest", "2023-01-12", "Cusco city (caravan from Quispicanchi)",
       ("Cusco", C), C, ["m130"],
       en="Thousands marched through Cusco, joined by a caravan from Quispicanchi, as the airport was closed.",
       es="Miles de personas marcharon por el Cusco, con una caravana llegada de Quispicanchi, mientras el "
          "aeropuerto cerraba."),
    ev("2023-01-12-puerto-maldonado-clash", "clash", "2023-01-12", "Puerto Maldonado",
       ("Puerto Maldonado", "Madre de Dios"), "Madre de Dios", ["m131"], geo=2,
       en="Protesters from Laberinto and La Pampa clashed with residents who opposed the blockades in Puerto "
          "Maldonado; no casualty figures are given.",
       es="Manifestantes de Laberinto y La Pampa se enfrentaron en Puerto Maldonado con vecinos contrarios a "
          "los bloqueos; no se dan cifras de heridos."),
    ev("2023-01-12-abancay-march", "protest", "2023-01-12", "Abancay city streets", ("Abancay", AP), AP, ["m132"],
       en="A mass march in Abancay, with hundreds from Huancarama, Pacobamba and Kishuará; heavy vehicles were "
          "kept out of the city.",
       es="Una movilización masiva en Abancay, con cientos de pobladores de Huancarama, Pacobamba y Kishuará; "
          "se restringió el ingreso de vehículos pesados a la ciudad."),
    ev("2023-01-13-arequipa-yura-km-17-blockade", "blockade", "2023-01-13", "Carretera Arequipa–Yura km 17",
       ("Carretera Arequipa–Yura km 17", A), A, ["m135"], km=17, geo=2,
       en="El Búho's live blog of Friday 13 January lists the Arequipa–Yura road blocked at kilometre 17; the "
          "bus terminal stopped selling tickets for a third day.",
       es="El blog en vivo de El Búho del viernes 13 de enero informa del bloqueo de la vía Arequipa–Yura en el "
          "kilómetro 17; el terminal dejó de vender pasajes por tercer día."),
    ev("2023-01-13-arequipa-puno-km-51-blockade", "blockade", "2023-01-13", "Vía Arequipa–Puno km 51–55",
       ("Vía Arequipa–Puno km 51–55", A), A, ["m135"], road="PE-34A", geo=2,
       en="The Arequipa–Puno road was blocked between kilometres 51 and 55; drawn at Yura, the last town before "
          "that stretch.",
       es="La vía Arequipa–Puno estaba bloqueada entre los kilómetros 51 y 55; se dibuja en Yura, el último "
          "pueblo antes del tramo."),
    ev("2023-01-13-vitor-bridge-blockade", "blockade", "2023-01-13", "Panamericana km 955, puente Vítor",
       ("Vítor", A), A, ["m135"], road="PE-1S", km=955, geo=2,
       en="The Pan-American Highway was blocked at the Vítor bridge, kilometre 955. The point is Vítor.",
       es="La Panamericana estaba bloqueada en el puente Vítor, kilómetro 955. El punto es Vítor."),
    ev("2023-01-13-la-joya-blockade", "blockade", "2023-01-13", "Panamericana Sur at La Joya", ("La Joya", A), A,
       ["m135"], road="PE-1S",
       en="The Pan-American Highway South was also blocked at La Joya.",
       es="La Panamericana Sur también estaba bloqueada en La Joya."),
    ev("2023-01-13-pe-1s-km-48-blockade", "blockade", "2023-01-13", "Panamericana Sur km 48 (Arequipa)", (A, A), A,
       ["m135"], road="PE-1S", km=48, geo=3,
       en="A blockade at 'kilometre 48' in Arequipa opened for one hour, from 1 to 2 pm. The spot cannot be "
          "placed: the point is the regional capital.",
       es="Un bloqueo en el 'kilómetro 48', en Arequipa, se abrió una hora, de 13:00 a 14:00. No se puede "
          "ubicar: el punto es la capital regional."),
    ev("2023-01-14-moquegua-peace-march", "protest", "2023-01-14", "Moquegua region (march for peace)",
       ("Moquegua", "Moquegua"), "Moquegua", ["m140"], geo=3,
       en="Marches for peace and against the strike in Moquegua region; only the region is given.",
       es="Marchas por la paz y contra el paro en la región Moquegua; solo se indica la región."),
    ev("2023-01-14-cusco-peace-march", "protest", "2023-01-14", "Cusco region (march for peace)", ("Cusco", C), C,
       ["m140"], geo=3,
       en="Marches for peace and against the strike in Cusco region; only the region is given.",
       es="Marchas por la paz y contra el paro en la región Cusco; solo se indica la región."),
    ev("2023-01-14-lima-centre-march", "protest", "2023-01-14", "Lima, centro histórico", ("Lima", "Lima"), "Lima",
       ["siglo-2023"], geo=2,
       en="Thousands marched in Lima's historic centre and police used tear gas (the day is 'Saturday' in a "
          "report about Sunday 15 January; an EFE report of the 14th had seen no clashes by then).",
       es="Miles de personas marcharon por el centro histórico de Lima y la policía usó gases (el día es el "
          "'sábado' de una nota sobre el domingo 15; una nota de EFE del 14 no registraba choques hasta entonces)."),
    ev("2023-01-16-juliaca-huancane-delegation", "protest", "2023-01-16", "Juliaca, Plaza de Armas (Huancané delegation)",
       ("Juliaca", P), P, ["m144"],
       en="About 100 delegates from Huancané left Juliaca's main square for the march on Lima, seen off by "
          "thousands of Huancané residents.",
       es="Unos 100 delegados de Huancané partieron de la plaza de Armas de Juliaca hacia la marcha a Lima, "
          "despedidos por miles de pobladores de Huancané."),
    ev("2023-01-16-sicuani-departure-to-lima", "protest", "2023-01-16", "Sicuani, Plaza de Armas (Canchis) → Lima",
       ("Sicuani", C), C, ["m145"],
       en="People from Canchis gathered in Sicuani's main square to travel to the march on Lima; the local strike "
          "committee put them at 10,000 to 15,000.",
       es="Pobladores de Canchis se concentraron en la plaza de Armas de Sicuani para viajar a la marcha a Lima; "
          "el comité de lucha local habló de 10.000 a 15.000."),
    ev("2023-01-16-humay-detentions", "detention", "2023-01-16", "Humay (Pisco), carretera Libertadores",
       ("Humay", "Ica"), "Ica", ["m146"], detained=4,
       en="Police stopped a caravan of about 200 people from Andahuaylas travelling to Lima and detained four "
          "drivers (another report says three).",
       es="La policía detuvo una caravana de unas 200 personas de Andahuaylas que viajaban a Lima y arrestó a "
          "cuatro conductores (otra nota dice tres)."),
    ev("2023-01-16-bagua-inayo-blockade", "blockade", "2023-01-16", "Road to Bagua at sector Inayo (Awajún)",
       ("Bagua", "Amazonas"), "Amazonas", ["m147"], geo=2,
       en="Awajún people blocked the road to Bagua at Inayo, demanding Boluarte's resignation, with police and "
          "soldiers at the site. The point is Bagua.",
       es="Indígenas awajún bloquearon la vía a Bagua en el sector Inayo exigiendo la renuncia de Boluarte, con "
          "policías y militares en el lugar. El punto es Bagua."),
    ev("2023-01-16-chao-km-513-blockade", "blockade", "2023-01-16", "Panamericana Norte km 513, sector San José (Chao)",
       ("Chao", "La Libertad"), "La Libertad", ["m149"], road="PE-1N", km=513, geo=2,
       en="The Chimbote–Trujillo road was blocked at kilometre 513, at San José in Chao, stranding more than 100 "
          "vehicles.",
       es="La vía Chimbote–Trujillo fue bloqueada en el kilómetro 513, en San José (Chao), con más de 100 "
          "vehículos varados."),
    ev("2023-01-16-huamachuco-blockade", "blockade", "2023-01-16", "Huamachuco city entrance (Sánchez Carrión)",
       ("Huamachuco", "La Libertad"), "La Libertad", ["m150"],
       en="Rondas campesinas blocked the entrance to Huamachuco at the start of their strike at midnight.",
       es="Las rondas campesinas bloquearon el ingreso a Huamachuco al empezar su paro a la medianoche."),
    ev("2023-01-16-andahuaylas-caravan", "protest", "2023-01-16", "Andahuaylas province (departure from Talavera) → Lima",
       ("Talavera", AP), AP, ["m152"], end="2023-01-17", time=2,
       en="About 3,000 protesters left Talavera in Andahuaylas for Lima, per an outlet hostile to them; the days "
          "are approximate.",
       es="Unos 3.000 manifestantes partieron de Talavera, en Andahuaylas, hacia Lima, según un medio hostil a "
          "ellos; las fechas son aproximadas."),
    ev("2023-01-17-aymara-caravan-to-lima", "protest", "2023-01-17", "Desaguadero → Ilave → Puno (Aymara caravan to Lima)",
       ("Ilave", P), P, ["m153"], geo=2,
       en="About 7,000 Aymaras in some 120 vehicles, from Yunguyo, Juli, Ilave and Acora, set off for Lima to "
          "demand Boluarte's resignation. The point is Ilave, on their way.",
       es="Unos 7.000 aimaras en unos 120 vehículos, de Yunguyo, Juli, Ilave y Acora, partieron hacia Lima para "
          "exigir la renuncia de Boluarte. El punto es Ilave, en su trayecto."),
    ev("2023-01-18-macusani-rally", "protest", "2023-01-18", "Macusani, Plaza de Armas (Carabaya)", ("Macusani", P),
       P, ["m154"],
       en="Hundreds, with dozens of ronderos, rallied in Macusani's main square from about 10 am, before the "
          "deadly clash; an early report said at least three dead, two were confirmed.",
       es="Cientos de personas, con decenas de ronderos, se concentraron en la plaza de Armas de Macusani desde "
          "las 10:00, antes del enfrentamiento mortal; una primera nota habló de al menos tres muertos, se "
          "confirmaron dos."),
    ev("2023-01-19-lima-four-suyos-march", "protest", "2023-01-19", "Lima: Plaza Dos de Mayo, Plaza San Martín ('Marcha de los 4 suyos')",
       ("Lima", "Lima"), "Lima", ["lr-2023-01-20-kennedy"], geo=2,
       en="Thousands joined the 'march of the four suyos', the 'taking of Lima', around Plaza Dos de Mayo, Plaza "
          "San Martín and the Alameda 28 de Julio.",
       es="Miles de personas se sumaron a la 'marcha de los cuatro suyos' o 'toma de Lima', en torno a las "
          "plazas Dos de Mayo y San Martín y la Alameda 28 de Julio."),
    ev("2023-01-19-lima-centre-clash", "clash", "2023-01-19", "Lima, jirones Cusco and Lampa / Av. Colmena–Abancay",
       ("Lima", "Lima"), "Lima", ["m157"], geo=2,
       en="Running clashes near the Government Palace, with tear gas; the chronicle mentions a protester with an "
          "eye wound and an injured officer, without a count.",
       es="Enfrentamientos cerca de Palacio de Gobierno, con gases; la crónica menciona a un manifestante herido "
          "en un ojo y a un policía herido, sin un conteo."),
    ev("2023-01-19-lima-building-fire", "other", "2023-01-19", "Lima, building near Plaza San Martín",
       ("Lima", "Lima"), "Lima", ["m158"], geo=2,
       en="A building near Plaza San Martín was destroyed by fire during the march; the cause was under "
          "investigation.",
       es="Un edificio cerca de la plaza San Martín quedó destruido por un incendio durante la marcha; la causa "
          "estaba en investigación."),
    ev("2023-01-19-huaraz-notary-attack", "other", "2023-01-19", "Huaraz: notary's office of the prime minister's brother",
       ("Huaraz", "Áncash"), "Áncash", ["m159"],
       en="Protesters broke windows at the notary's office of Freddy Otárola, the prime minister's brother, and "
          "scuffled with police, on the second day of a regional strike.",
       es="Manifestantes rompieron ventanas de la notaría de Freddy Otárola, hermano del primer ministro, y "
          "forcejearon con la policía, en el segundo día de un paro regional."),
    ev("2023-01-19-saylla-angostura-blockade", "blockade", "2023-01-19", "Cusco: Angostura (Saylla–San Jerónimo)",
       ("Saylla", C), C, ["m160"], road="PE-3S", geo=2,
       en="A delegation from Quispicanchi was stopped at Angostura, near Saylla, while Cusco woke up to blocked "
          "roads and no transport, markets or trains.",
       es="Una delegación de Quispicanchi fue detenida en Angostura, cerca de Saylla, mientras el Cusco amanecía "
          "con vías bloqueadas y sin transporte, mercados ni trenes."),
    ev("2023-01-19-huancayo-carretera-central-blockade", "blockade", "2023-01-19", "Carretera Central at Huancayo",
       ("Huancayo", "Junín"), "Junín", ["m161"], geo=2,
       en="Interprovincial buses were stopped at Huancayo from early morning by blockades of the Carretera Central.",
       es="Los buses interprovinciales quedaron detenidos en Huancayo desde la madrugada por bloqueos de la "
          "Carretera Central."),
    ev("2023-01-19-chaman-bridge-blockade", "blockade", "2023-01-19", "Panamericana Norte km 715, puente Chamán (Chepén)",
       ("Chepén", "La Libertad"), "La Libertad", ["m162"], road="PE-1N", km=715, geo=2,
       en="Ronderos blocked the northern Pan-American Highway at the Chamán bridge, kilometre 715, stranding "
          "dozens of vehicles. The point is Chepén.",
       es="Ronderos bloquearon la Panamericana Norte en el puente Chamán, kilómetro 715, con decenas de vehículos "
          "varados. El punto es Chepén."),
    ev("2023-01-19-ica-barrio-chino-blockade", "blockade", "2023-01-19", "Panamericana Sur km 263, Barrio Chino (Ica)",
       ("Barrio Chino", "Ica"), "Ica", ["m164", "m169"], end="2023-01-30", road="PE-1S", km=263, geo=2,
       status="confirmed",
       en="The Pan-American Highway South was blocked at Barrio Chino from 19 January until police and army "
          "special forces cleared it on Monday 30 January.",
       es="La Panamericana Sur estuvo bloqueada en Barrio Chino desde el 19 de enero hasta que la policía y "
          "fuerzas especiales del Ejército la despejaron el lunes 30."),
] + [
    ev(f"2023-01-19-ica-km-{km}-blockade", "blockade", "2023-01-19", f"Panamericana Sur km {km} ({name})",
       (site, "Ica"), "Ica", ["m164"], end="2023-01-20", road="PE-1S", km=km, geo=2, time=2,
       en=f"Blocked at kilometre {km} ({name}) on the 'second day of protests' in Ica: 19 or 20 January, the "
          "report does not say which.",
       es=f"Bloqueo en el kilómetro {km} ({name}) en el 'segundo día de protestas' en Ica: el 19 o el 20 de "
          "enero, la nota no lo precisa.")
    for km, name, site in [(290, "Expansión Urbana", "La Expansión"), (299, "El Álamo", "El Álamo"),
                           (318, "Santiago, exit of Ica", "Santiago"), (329, "La Venta Baja", "La Venta Baja")]
] + [
    ev("2023-01-20-ilave-detentions", "detention", "2023-01-20", "Ilave (El Collao)", ("Ilave", P), P, ["m170"],
       detained=3,
       en="Three people were detained in Ilave during the clash that began around 4 pm.",
       es="Tres personas fueron detenidas en Ilave durante el enfrentamiento que empezó hacia las 16:00."),
    ev("2023-01-20-desaguadero-rally", "protest", "2023-01-20", "Desaguadero, Plaza de Armas", ("Desaguadero", P), P,
       ["m171"],
       en="Hundreds of residents rallied in Desaguadero's main square as the border post burned.",
       es="Cientos de pobladores se concentraron en la plaza de Armas de Desaguadero mientras ardía el puesto "
          "fronterizo."),
    ev("2023-01-20-desaguadero-police-station-attack", "other", "2023-01-20", "Desaguadero police station",
       ("Desaguadero", P), P, ["m171"],
       en="Stones smashed the windows of Desaguadero's police station, its chief said.",
       es="Piedras rompieron las ventanas de la comisaría de Desaguadero, según su jefe."),
    ev("2023-01-20-anashuayco-clash", "clash", "2023-01-20", "Puente Añashuayco (Cerro Colorado)",
       ("Puente Añashuayco", A), A, ["m173"], status="confirmed", geo=2,
       en="A second day of clashes at the Añashuayco bridge, with tear gas and pellets. Gestión put the crowd at "
          "about 300, La República at about 500. The airport stayed shut.",
       es="Segundo día de enfrentamientos en el puente Añashuayco, con gases y perdigones. Gestión calculó unas "
          "300 personas y La República unas 500. El aeropuerto siguió cerrado."),
    ev("2023-01-20-machu-picchu-railway-closure", "closure", "2023-01-20", "Ollantaytambo–Machu Picchu railway",
       ("Ollantaytambo", C), C, ["m174", "m176"], end="2023-01-21", geo=2, status="confirmed",
       en="The Machu Picchu railway was suspended until further notice; the operator reported the track damaged "
          "at three points (rocks at Phiry, a rail moved at km 79.8, sleepers burned at the Tanccac bridge).",
       es="El tren a Machu Picchu se suspendió hasta nuevo aviso; la operadora informó de la vía dañada en tres "
          "puntos (rocas en Phiry, un riel movido en el km 79,8, durmientes quemados en el puente Tanccac)."),
    ev("2023-01-20-ilave-arson", "other", "2023-01-20", "Ilave: police station, banks and prosecutors' office",
       ("Ilave", P), P, ["m175"], end="2023-01-21",
       en="From the night of 20 January to the next morning Ilave's police station was burned and the Banco de la "
          "Nación, the prosecutors' office and several lenders were attacked; who did it is not known.",
       es="Entre la noche del 20 de enero y la mañana siguiente se incendió la comisaría de Ilave y fueron "
          "atacados el Banco de la Nación, la fiscalía y varias financieras; no se sabe quiénes fueron."),
    ev("2023-01-21-bagua-imaza-road-blockade", "blockade", "2023-01-21", "Carretera Manseriche–El Milagro–Imaza km 98 (Bagua)",
       ("Bagua", "Amazonas"), "Amazonas", ["lr-2023-01-19-carreteras"], km=98, geo=2, status="confirmed",
       en="SUTRAN listed the Manseriche–El Milagro–Imaza road blocked at kilometre 98, in Bagua province. The "
          "point is Bagua.",
       es="SUTRAN registró bloqueada la vía Manseriche–El Milagro–Imaza en el kilómetro 98, en la provincia de "
          "Bagua. El punto es Bagua."),
    ev("2023-01-21-rioja-selva-norte-blockade", "blockade", "2023-01-21", "Longitudinal de la Selva Norte km 432 (Awajún, Rioja)",
       ("Rioja", "San Martín"), "San Martín", ["lr-2023-01-19-carreteras"], km=432, geo=2, status="confirmed",
       en="SUTRAN listed the Longitudinal de la Selva Norte blocked at kilometre 432, in Awajún district of Rioja. "
          "The point is Rioja.",
       es="SUTRAN registró bloqueada la Longitudinal de la Selva Norte en el kilómetro 432, en el distrito de "
          "Awajún, Rioja. El punto es Rioja."),
    ev("2023-01-21-calzada-selva-norte-blockade", "blockade", "2023-01-21", "Longitudinal de la Selva Norte km 483 (Calzada, Moyobamba)",
       ("Calzada", "San Martín"), "San Martín", ["lr-2023-01-19-carreteras"], km=483, geo=2, status="confirmed",
       en="The same road was also blocked at kilometre 483, at Calzada in Moyobamba province.",
       es="La misma vía también estaba bloqueada en el kilómetro 483, en Calzada, provincia de Moyobamba."),
    ev("2023-01-22-ica-peace-march", "protest", "2023-01-22", "Ica city", ("Ica", "Ica"), "Ica", ["m180"],
       en="Hundreds marched in Ica for peace and against the blockade of the Pan-American Highway: a "
          "counter-protest.",
       es="Cientos de personas marcharon en Ica por la paz y contra el bloqueo de la Panamericana: una "
          "contramarcha."),
    ev("2023-01-22-huancavelica-march", "protest", "2023-01-22", "Lircay → Huancavelica Plaza de Armas",
       ("Huancavelica", "Huancavelica"), "Huancavelica", ["m182"],
       en="Community members from Parco Chacapunco and Anchonga marched to Huancavelica's main square, the third "
          "group to leave for Lima.",
       es="Comuneros de Parco Chacapunco y Anchonga marcharon a la plaza de Armas de Huancavelica: el tercer "
          "grupo en partir hacia Lima."),
    ev("2023-01-23-ica-agroexport-attack", "other", "2023-01-23", "Panamericana Sur km 280–284 (agro-export companies), Ica",
       ("Ica", "Ica"), "Ica", ["m180"], road="PE-1S", geo=2,
       en="About 80 people attacked three agro-export companies along kilometres 280 to 284 of the Pan-American "
          "Highway, north of Ica city; the point is the city.",
       es="Unas 80 personas atacaron tres empresas agroexportadoras entre los kilómetros 280 y 284 de la "
          "Panamericana, al norte de la ciudad de Ica; el punto es la ciudad."),
] + [
    ev(f"2023-01-24-{slug}-march", "protest", "2023-01-24", place, (town, region), region, ["m184"], geo=geo,
       en=f"A march in {town} on 24 January, in the ombudsman's daily list of protests relayed by Limay.",
       es=f"Una marcha en {town} el 24 de enero, en la agenda diaria de protestas de la Defensoría difundida "
          "por Limay.")
    for slug, place, town, region, geo in [("lima", "Lima, Plaza Dos de Mayo", "Lima", "Lima", 2),
                                           ("huaral", "Huaral", "Huaral", "Lima", 1),
                                           ("chachapoyas", "Chachapoyas", "Chachapoyas", "Amazonas", 1),
                                           ("arequipa", "Arequipa", "Arequipa", A, 1),
                                           ("trujillo", "Trujillo", "Trujillo", "La Libertad", 1)]
] + [
    ev("2023-01-24-lima-clash", "clash", "2023-01-24", "Lima: Plaza Dos de Mayo → Plaza San Martín, Jr. Miró Quesada",
       ("Lima", "Lima"), "Lima", ["m158"], geo=2,
       en="Hundreds marching from the union confederation's rally at Plaza Dos de Mayo towards Plaza San Martín "
          "met tear gas and answered with bricks and stones.",
       es="Cientos de personas que marchaban desde el mitin de la CGTP en la plaza Dos de Mayo hacia la plaza "
          "San Martín fueron recibidas con gases y respondieron con ladrillos y piedras."),
    ev("2023-01-25-ica-clash", "clash", "2023-01-25", "Ica", ("Ica", "Ica"), "Ica", ["gestion-defensoria-90"], geo=3,
       en="The ombudsman recorded a clash in Ica, with no deaths; only the region is given.",
       es="La Defensoría registró un enfrentamiento en Ica, sin muertos; solo se indica la región."),
] + [
    ev(f"2023-01-25-{slug}-march", "protest", "2023-01-25",
       f"{prov} province ({capital})" if slug in ("aymaraes", "angaraes") else f"{prov} province",
       (at, region), region,
       ["gestion-defensoria-90"], geo=2,
       en=f"The ombudsman listed marches in 14 provinces on 25 January, {prov} among them; the point is "
          f"{capital}, the province's capital.",
       es=f"La Defensoría registró marchas en 14 provincias el 25 de enero, entre ellas {prov}; el punto es "
          f"{capital}, capital de la provincia.")
    for slug, prov, at, capital, region in [
        ("abancay", "Abancay", "Abancay", "Abancay", AP), ("andahuaylas", "Andahuaylas", "Andahuaylas", "Andahuaylas", AP),
        ("arequipa", "Arequipa", "Arequipa", "Arequipa", A), ("lima", "Lima Metropolitana", "Lima", "Lima", "Lima"),
        ("huancavelica", "Huancavelica", "Huancavelica", "Huancavelica", "Huancavelica"),
        ("tambopata", "Tambopata", "Tambopata province", "Puerto Maldonado", "Madre de Dios"),
        ("mariscal-nieto", "Mariscal Nieto", "Mariscal Nieto province", "Moquegua", "Moquegua"),
        ("san-roman", "San Román", "San Román province", "Juliaca", P),
        ("azangaro", "Azángaro", "Azángaro", "Azángaro", P), ("puno", "Puno", "Puno", "Puno", P),
        ("el-collao", "El Collao", "El Collao province", "Ilave", P),
        # Third release: the three provinces of the ombudsman's list not mapped before.
        ("aymaraes", "Aymaraes", "Chalhuanca", "Chalhuanca", AP),
        ("angaraes", "Angaraes", "Lircay", "Lircay", "Huancavelica"),
        ("acobamba", "Acobamba", "Acobamba", "Acobamba", "Huancavelica")]
] + [
    ev("2023-01-29-lima-vigil", "protest", "2023-01-29", "Lima: near Av. Abancay (vigil for Santisteban); Palacio de Justicia",
       ("Lima", "Lima"), "Lima", ["m191"], geo=2,
       en="About 100 people held a peaceful vigil for Víctor Santisteban near Avenida Abancay, joined by some 200 "
          "more; another group went to the Palace of Justice.",
       es="Unas 100 personas hicieron una vigilia pacífica por Víctor Santisteban cerca de la avenida Abancay, a "
          "la que se sumaron unas 200 más; otro grupo fue al Palacio de Justicia."),
    ev("2023-01-29-laberinto-blockade", "blockade", "2023-01-29", "Interoceánica at El Laberinto",
       ("Laberinto", "Madre de Dios"), "Madre de Dios", ["m131"], road="PE-30C", geo=2, time=2,
       en="The main blockade on the way to Puerto Maldonado, at Laberinto, opened briefly on a Sunday (about "
          "29 January, the day is uncertain) and closed again.",
       es="El bloqueo principal camino a Puerto Maldonado, en Laberinto, se abrió brevemente un domingo (hacia "
          "el 29 de enero, día incierto) y volvió a cerrarse."),
    ev("2023-01-30-huaycan-march", "protest", "2023-01-30", "Huaycán (Ate) → centre of Lima", ("Lima", "Lima"),
       "Lima", ["m169"], geo=2,
       en="Thousands marched from Huaycán, in Ate, to the centre of Lima (the day, Monday 30 January, is inferred "
          "from the report). The point is central Lima.",
       es="Miles de personas marcharon desde Huaycán, en Ate, hasta el centro de Lima (el día, lunes 30 de "
          "enero, se deduce de la nota). El punto es el centro de Lima."),
]

EVENTS: list[dict] = DECEMBER + JANUARY
