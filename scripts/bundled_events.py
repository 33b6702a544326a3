"""Curated events for ``data/events.geojson`` (read by ``build_bundled_data.py``).

One dict per event. ``at`` is the gazetteer query ``(name, region hint)``: the coordinate is
never typed here. ``sources`` lists keys of ``bundled_sources.SOURCES``; a ``("seed", day,
key)`` tuple cites the Kawsachun News report of that day, linked to the facts row ``key`` that
reports the same fact. Descriptions are the project's own words.

Defaults: ``end`` = ``start``, ``geo`` 1, ``time`` 1, ``status`` "reported".
"""

from __future__ import annotations

SEED9 = ("seed", "2023-01-09", "elcomercio-sutran-45")

EVENTS: list[dict] = [
    # ---------------------------------------------------------------- December 2022
    dict(id="2022-12-09-siguas-blockade", kind="blockade", start="2022-12-09", place="Siguas, Panamericana Sur",
         at=("Siguas", "Arequipa"), region="Arequipa", road="PE-1S", status="confirmed",
         sources=["lr-2022-12-09"],
         description="The Pan-American Highway South was cut in the Siguas valley, one of the stretches "
                     "shown as restricted on the road authority's (SUTRAN) alert map two days into the protests."),
    dict(id="2022-12-10-andahuaylas-airport-closure", kind="closure", start="2022-12-10", end="2022-12-11",
         place="Andahuaylas airport (Huancabamba/Huinchos)", at=("Andahuaylas airport", "Apurímac"),
         region="Apurímac", status="confirmed", sources=["jornada-2022-12-11"],
         description="Protesters surrounded Andahuaylas airport; the airport operator CORPAC shut it while "
                     "about 50 police officers stayed inside the terminal."),
    dict(id="2022-12-11-andahuaylas-clash", kind="clash", start="2022-12-11", place="Andahuaylas (Huancabamba)",
         at=("Huancabamba", "Apurímac"), region="Apurímac", fatalities=2, injured=30,
         sources=["pl-2022-12-11"],
         description="Two young protesters, aged 15 and 18, were killed near the airport at Huancabamba; "
                     "around thirty people were hurt (the injured figure is approximate)."),
    dict(id="2022-12-11-desaguadero-border-closure", kind="closure", start="2022-12-11", end="2022-12-21",
         place="Desaguadero border crossing", at=("Desaguadero international bridge", "Puno"), region="Puno",
         sources=["fides-desaguadero"],
         description="The border crossing to Bolivia at Desaguadero was shut from 11 December until a truce "
                     "on 22 December; it was closed again from 4 January (a separate event)."),
    dict(id="2022-12-12-arequipa-airport-closure", kind="closure", start="2022-12-12",
         place="Arequipa airport (Alfredo Rodríguez Ballón)", at=("Arequipa airport", "Arequipa"),
         region="Arequipa", status="confirmed", sources=["trome-aqp-airport", "panam-367234"],
         description="Protesters broke into Arequipa's airport; it was evacuated and flights stopped. Trome "
                     "and Panamericana put the crowd near 400, an early TV estimate said about 2,000."),
    dict(id="2022-12-12-pe-1s-km-913-blockade", kind="blockade", start="2022-12-12",
         place="Panamericana Sur km 913, La Joya–Arequipa", at=("PE-1S km 913", "Arequipa"), region="Arequipa",
         road="PE-1S", km=913, sources=["panam-367234"],
         description="The Pan-American Highway South was blocked at kilometre 913, on the La Joya–Arequipa "
                     "stretch, on the day the airport was taken."),
    dict(id="2022-12-12-puente-anashuayco-blockade", kind="blockade", start="2022-12-12", end="2022-12-13",
         place="Puente Añashuayco (Arequipa–Puno road)", at=("Puente Añashuayco", "Arequipa"), region="Arequipa",
         sources=["correo-anashuayco"],
         description="The Añashuayco bridge on the road out of Arequipa towards Puno was blocked; a report "
                     "dated 13 December says it had been held since the day before."),
    dict(id="2022-12-12-chincheros-clash", kind="clash", start="2022-12-12", place="Chincheros",
         at=("Chincheros", "Apurímac"), region="Apurímac", fatalities=2, geo=2, sources=["peruweek-7"],
         description="Two people died in Chincheros province, among five deaths counted nationwide that day."),
    dict(id="2022-12-12-andahuaylas-clash", kind="clash", start="2022-12-12", place="Andahuaylas",
         at=("Andahuaylas", "Apurímac"), region="Apurímac", fatalities=2, geo=2, sources=["peruweek-7"],
         description="Two more deaths in Andahuaylas on the second day of clashes there."),
    dict(id="2022-12-12-arequipa-clash", kind="clash", start="2022-12-12", place="Arequipa",
         at=("Arequipa", "Arequipa"), region="Arequipa", fatalities=1, geo=2, sources=["peruweek-7"],
         description="One protester (Miguel Arcana) died in Arequipa; the exact spot is not given, so the "
                     "point sits at the city."),
    dict(id="2022-12-13-machu-picchu-rail-suspension", kind="closure", start="2022-12-13",
         place="Aguas Calientes / Machu Picchu (rail Cusco–Machu Picchu)", at=("Aguas Calientes", "Cusco"),
         region="Cusco", sources=["lostiempos-2022-12-14"],
         description="Trains between Cusco and Machu Picchu stopped running; 779 tourists were stuck in "
                     "Aguas Calientes."),
    dict(id="2022-12-14-cusco-airport-closure", kind="closure", start="2022-12-14",
         place="Cusco airport (Alejandro Velasco Astete)", at=("Cusco airport", "Cusco"), region="Cusco",
         sources=["mercopress-2022-12-14"],
         description="Cusco's airport was shut as unrest hit the country's main air terminals; another report "
                     "says the December closure lasted about five days, so only the first day is mapped."),
    dict(id="2022-12-15-ayacucho-airport-closure", kind="closure", start="2022-12-15",
         place="Ayacucho airport (Alfredo Mendívil Duarte)", at=("Ayacucho airport", "Ayacucho"),
         region="Ayacucho", sources=["elcomercio-ayacucho"],
         description="Operations at Ayacucho's airport were suspended from midnight."),
    dict(id="2022-12-15-huamanga-clash", kind="clash", start="2022-12-15", place="Huamanga (airport area)",
         at=("Ayacucho airport", "Ayacucho"), region="Ayacucho", fatalities=10, injured=60, geo=2,
         status="confirmed", sources=["elcomercio-ayacucho", "infobae-2024-12-18"],
         description="Security forces fired on protesters around Huamanga's airport. Same-day reports said "
                     "8 dead and 51 hurt; the final toll is 10 dead and more than 60 injured."),
    dict(id="2022-12-15-chao-clash", kind="clash", start="2022-12-15", place="Chao (Valle de Dios), Virú – Panamericana Norte",
         at=("Chao", "La Libertad"), region="La Libertad", road="PE-1N", injured=11,
         sources=["lr-2022-12-16-chao"],
         description="A blockade of the northern Pan-American Highway at Chao ended in fresh clashes that "
                     "left eleven injured."),
    dict(id="2022-12-16-pichanaqui-clash", kind="clash", start="2022-12-16", place="Pichanaqui bridge (Chanchamayo)",
         at=("Puente Pichanaqui", "Junín"), region="Junín", fatalities=3, injured=52,
         sources=["lr-2022-12-17-junin"],
         description="Three people died at the Pichanaqui bridge; 52 were injured, 43 civilians and "
                     "9 police officers."),
    dict(id="2022-12-19-chala-clash", kind="clash", start="2022-12-19", place="Chala, Panamericana Sur km 619 (Caravelí)",
         at=("PE-1S km 619", "Arequipa"), region="Arequipa", road="PE-1S", km=619, fatalities=1,
         sources=["panam-367905-chala"],
         description="One person died in confrontations at Chala on the Pan-American Highway South; the day "
                     "comes from a later Convoca update and the kilometre from a second listing."),
    dict(id="2022-12-20-puente-arturo-blockade", kind="blockade", start="2022-12-12", end="2022-12-20",
         place="Puente Arturo, Sicuani (Canchis) – PE-3S", at=("Puente Arturo", "Cusco"), region="Cusco",
         road="PE-3S", sources=["lr-2022-12-20"],
         description="Residents of Canchis had held the Puente Arturo crossing at Sicuani for nine days by "
                     "20 December, when they agreed a three-day humanitarian opening; the start is counted "
                     "back from that report."),
    dict(id="2022-12-22-pe-3s-km-1410-blockade", kind="blockade", start="2022-12-22",
         place="PE-3S km 1410 (Puno–El Collao–Ilave)", at=("Ilave", "Puno"), region="Puno", road="PE-3S",
         km=1410, geo=2, status="confirmed", sources=["lr-2022-12-22"],
         description="SUTRAN listed the Longitudinal de la Sierra Sur as still cut at kilometre 1410, just "
                     "outside Ilave, while it counted 170 points cleared nationwide."),
    dict(id="2022-12-22-pe-3s-km-1415-blockade", kind="blockade", start="2022-12-22",
         place="PE-3S km 1415 (Puno–El Collao–Ilave)", at=("Ilave", "Puno"), region="Puno", road="PE-3S",
         km=1415, geo=2, status="confirmed", sources=["lr-2022-12-22"],
         description="A second SUTRAN-listed cut on the same road, at kilometre 1415 near Ilave."),
    dict(id="2022-12-29-puente-arturo-blockade", kind="blockade", start="2022-12-29",
         place="Puente Arturo (Canchis)", at=("Puente Arturo", "Cusco"), region="Cusco", road="PE-3S",
         sources=["lalupa-32495"],
         description="Farmers on a preventive national agrarian strike blocked Puente Arturo again, one of "
                     "at least seven points in Quispicanchi and Canchis."),
    dict(id="2022-12-29-san-pablo-blockade", kind="blockade", start="2022-12-29", place="San Pablo (Canchis)",
         at=("San Pablo", "Cusco"), region="Cusco", road="PE-3S", sources=["lalupa-32495"],
         description="Agrarian-strike blockade of the Cusco–Puno road at San Pablo."),
    dict(id="2022-12-29-quiquijana-blockade", kind="blockade", start="2022-12-29", place="Quiquijana (Quispicanchi)",
         at=("Quiquijana", "Cusco"), region="Cusco", road="PE-3S", sources=["lalupa-32495"],
         description="Agrarian-strike blockade of the Cusco–Puno road at Quiquijana."),
    dict(id="2022-12-29-cusipata-blockade", kind="blockade", start="2022-12-29", place="Cusipata (Quispicanchi)",
         at=("Cusipata", "Cusco"), region="Cusco", road="PE-3S", sources=["lalupa-32495"],
         description="Agrarian-strike blockade of the Cusco–Puno road at Cusipata."),
    # ---------------------------------------------------------------- January 2023
    dict(id="2023-01-04-pe-1s-km-1272-blockade", kind="blockade", start="2023-01-04",
         place="Panamericana Sur km 1272 (Tacna)", at=("PE-1S km 1272", "Tacna"), region="Tacna", road="PE-1S",
         km=1272, sources=["dsf-2023-01-06"],
         description="Around fifty people blocked the Pan-American Highway South at kilometre 1272 in Tacna; "
                     "the road was cleared within days."),
    dict(id="2023-01-04-desaguadero-border-closure", kind="closure", start="2023-01-04", end="2023-01-19",
         place="Desaguadero border crossing", at=("Desaguadero international bridge", "Puno"), region="Puno",
         status="confirmed", sources=["btb-2023-01-19", "fides-desaguadero"],
         description="The Desaguadero crossing to Bolivia was shut again from 4 January and was still closed "
                     "when EFE reported on 19 January; the end date is that report."),
    dict(id="2023-01-04-yunguyo-border-closure", kind="closure", start="2023-01-04", end="2023-01-19",
         place="Yunguyo border point", at=("Yunguyo", "Puno"), region="Puno", geo=2, sources=["btb-2023-01-19"],
         description="The Yunguyo crossing into Bolivia was closed together with Desaguadero from 4 January; "
                     "mapped until the report of 19 January. The point is the town, not the border post."),
    dict(id="2023-01-06-juliaca-airport-closure", kind="closure", start="2023-01-06", end="2023-01-31",
         place="Juliaca airport (Inca Manco Cápac)", at=("Juliaca airport", "Puno"), region="Puno",
         status="confirmed", sources=["rpp-juliaca-airport", "dreampress-airports"],
         description="Juliaca's airport stopped flights on 6 January (one outlet says the 5th) and reopened "
                     "only on 25 April 2023; the map stops at 31 January, the end of its window. Around 60 "
                     "flights were cancelled in the first days."),
    dict(id="2023-01-04-puente-arturo-blockade", kind="blockade", start="2023-01-04", end="2023-01-18",
         place="Puente Arturo, Sicuani (Canchis)", at=("Puente Arturo", "Cusco"), region="Cusco", road="PE-3S",
         status="confirmed", sources=["hba-cusco", "mudosocial-cusco"],
         description="Puente Arturo at Sicuani was blocked from 4 January and still held on 18 January; police "
                     "counted it among eleven points in Cusco region on 6 January."),
    dict(id="2023-01-07-juliaca-airport-clash", kind="clash", start="2023-01-07", place="Juliaca airport vicinity",
         at=("Juliaca airport", "Puno"), region="Puno", injured=16, geo=2, time=2, status="confirmed",
         sources=["telesur-2023-01-08"],
         description="Clashes near Juliaca's airport hurt 12 civilians, per the ombudsman, and 4 police. The "
                     "same article also places clashes on Friday 6 January, so the day is uncertain."),
    dict(id="2023-01-06-lima-detentions", kind="detention", start="2023-01-06", place="Lima",
         at=("Lima", "Lima"), region="Lima", detained=224, geo=2, sources=[SEED9],
         description="On Friday 6 January, 224 people were arrested in Lima during union-called protests, "
                     "as the 9 January bulletin reports; the exact places of arrest are not given."),
    dict(id="2023-01-09-pe-34a-puno-arequipa-blockade", kind="blockade", start="2023-01-09",
         place="Puno–Arequipa road (PE-34A)", at=("Santa Lucía", "Puno"), region="Puno", road="PE-34A", geo=2,
         sources=[SEED9],
         description="The road from Puno to Arequipa was among those blocked on the strike's sixth day. The "
                     "point of the block is not reported; it is drawn at Santa Lucía on the Puno side."),
    dict(id="2023-01-09-pe-3s-puno-cusco-blockade", kind="blockade", start="2023-01-09",
         place="Puno–Cusco road (PE-3S, north of Juliaca)", at=("Ayaviri", "Puno"), region="Puno", road="PE-3S",
         geo=2, status="confirmed", sources=["elcomercio-sutran-45", SEED9],
         description="SUTRAN listed the Longitudinal de la Sierra Sur among twelve cut roads, and the bulletin "
                     "names the Puno–Cusco road as blocked. No point given: drawn at Ayaviri."),
    dict(id="2023-01-09-pe-34b-puno-amazon-blockade", kind="blockade", start="2023-01-09",
         place="Calapuja–Macusani road (PE-34B, towards the Amazon)", at=("Azángaro", "Puno"), region="Puno",
         road="PE-34B", geo=2, status="confirmed", sources=["elcomercio-sutran-45", SEED9],
         description="The Calapuja–Macusani–Lechemayo road, Puno's link to the Amazon, was on SUTRAN's list "
                     "of cut roads. No point given: drawn at Azángaro on that stretch."),
    dict(id="2023-01-09-pe-36a-moquegua-desaguadero-blockade", kind="blockade", start="2023-01-09",
         place="Moquegua–Torata–Mazocruz–Desaguadero road (PE-36A)", at=("Mazocruz", "Puno"), region="Puno",
         road="PE-36A", geo=2, status="confirmed", sources=["elcomercio-sutran-45"],
         description="SUTRAN also listed the Moquegua–Desaguadero road as interrupted. No point given: drawn "
                     "at Mazocruz on the Puno side."),
    dict(id="2023-01-09-puno-access-blockade", kind="blockade", start="2023-01-09", place="Puno city access roads",
         at=("Puno", "Puno"), region="Puno", geo=2, sources=["americatv-466825"],
         description="The roads into Puno city were blocked from 7:30 in the morning."),
    dict(id="2023-01-09-juliaca-clash", kind="clash", start="2023-01-09", place="Juliaca",
         at=("Juliaca", "Puno"), region="Puno", fatalities=17, status="confirmed",
         sources=["lr-2023-01-09-juliaca", ("seed", "2023-01-10", "lr-2023-01-09-juliaca")],
         description="The Juliaca massacre: 17 civilians were killed by nine at night around the airport and "
                     "Avenida Independencia, as confirmed by the ombudsman. Later counts give 18 civilians."),
    dict(id="2023-01-09-chucuito-blockade", kind="blockade", start="2023-01-09", place="Chucuito",
         at=("Chucuito", "Puno"), region="Puno", fatalities=1, status="confirmed",
         sources=["eluniversal-43", ("seed", "2023-01-10", "eluniversal-43")],
         description="The ombudsman tied one further death to the road blockade in Chucuito: a baby, born at "
                     "35 weeks, died in an ambulance held up on the road."),
    dict(id="2023-01-09-juliaca-police-death", kind="clash", start="2023-01-09", place="Juliaca (urb. Tambopata)",
         at=("Juliaca", "Puno"), region="Puno", fatalities=1, geo=2, sources=["abc7-police"],
         description="A police officer, José Luis Soncco Quispe, was burned to death in his patrol car in "
                     "Juliaca on the night of 9 January."),
    dict(id="2023-01-09-ilave-arson", kind="other", start="2023-01-09", place="Ilave",
         at=("Ilave", "Puno"), region="Puno", sources=["lr-2023-01-09-juliaca"],
         description="Arson: protesters set fire to the house of congressman Flores Ancachi in Ilave."),
    dict(id="2023-01-10-pe-1s-km-1253-blockade", kind="blockade", start="2023-01-10",
         place="Panamericana Sur km 1253 (Sama/Las Yaras)", at=("PE-1S km 1253", "Tacna"), region="Tacna",
         road="PE-1S", km=1253, sources=["dsf-2023-01-11"],
         description="A 100-metre stretch of the Pan-American Highway South was blocked at kilometre 1253 in "
                     "protest at the Juliaca deaths; the same road had also been cut on Monday 9 January."),
    dict(id="2023-01-10-ayacucho-airport-closure", kind="closure", start="2023-01-10",
         place="Ayacucho airport", at=("Ayacucho airport", "Ayacucho"), region="Ayacucho",
         sources=["dreampress-airports"],
         description="Ayacucho's airport was closed as a precaution, affecting about a dozen flights."),
    dict(id="2023-01-11-cusco-airport-clash", kind="clash", start="2023-01-11", place="Cusco (airport approaches)",
         at=("Cusco airport", "Cusco"), region="Cusco", fatalities=1, injured=50, geo=2,
         sources=["pledgetimes-cusco"],
         description="One protester (Remo Candia Guevara, from Anta) died and more than 50 people, 19 of them "
                     "police, were hurt in clashes on the way to Cusco's airport."),
    dict(id="2023-01-11-cusco-detentions", kind="detention", start="2023-01-11", place="Cusco",
         at=("Cusco", "Cusco"), region="Cusco", detained=11, geo=2, sources=["pledgetimes-cusco"],
         description="Eleven people were arrested in Cusco during the day's clashes."),
    dict(id="2023-01-12-cusco-airport-closure", kind="closure", start="2023-01-12", end="2023-01-14",
         place="Cusco airport", at=("Cusco airport", "Cusco"), region="Cusco",
         sources=["mailbd-14401", "realamerican-416762"],
         description="Cusco's airport, gateway for Machu Picchu visitors, was closed as a precaution and "
                     "reopened around 14 January (the reopening day is approximate)."),
    dict(id="2023-01-12-juliaca-death", kind="clash", start="2023-01-12", place="Juliaca",
         at=("Juliaca", "Puno"), region="Puno", fatalities=1, sources=["hch-2023-01-12"],
         description="A 16-year-old wounded in Juliaca on 9 January died of his injuries, raising the "
                     "national toll to 49."),
    dict(id="2023-01-16-pe-1s-km-48-blockade", kind="blockade", start="2023-01-16",
         place="Panamericana Sur km 48 (Arequipa)", at=("Arequipa", "Arequipa"), region="Arequipa", road="PE-1S",
         km=48, geo=3, sources=["lr-2023-01-17"],
         description="A blockade at 'kilometre 48' of the Pan-American Highway South in Arequipa was lifted "
                     "after 9 pm. The spot cannot be placed from the report: the point is the regional capital."),
    dict(id="2023-01-16-juliaca-access-blockade", kind="blockade", start="2023-01-16", place="Juliaca accesses",
         at=("Juliaca", "Puno"), region="Puno", geo=2, sources=["lr-2023-01-17"],
         description="The roads into Juliaca stayed blocked."),
    dict(id="2023-01-16-puno-desaguadero-road-blockade", kind="blockade", start="2023-01-16",
         place="Puno–Desaguadero road (PE-3S)", at=("Ilave", "Puno"), region="Puno", road="PE-3S", geo=2,
         sources=["lr-2023-01-17"],
         description="The road from Puno to the Bolivian border at Desaguadero was blocked; the report gives "
                     "no single point, so it is drawn at Ilave, the largest town on the way."),
    dict(id="2023-01-17-interoceanica-madre-de-dios-blockade", kind="blockade", start="2023-01-17",
         place="Interoceánica (Madre de Dios)", at=("Puerto Maldonado", "Madre de Dios"), region="Madre de Dios",
         road="PE-30C", geo=3, sources=["jornada-2023-01-18"],
         description="The Interoceanic Highway was blocked at three places in Madre de Dios, holding up fuel "
                     "tankers. Only the region is known: the point is its capital."),
    dict(id="2023-01-18-la-pampa-blockade", kind="blockade", start="2023-01-18", end="2023-01-19",
         place="Interoceánica km 45 (La Pampa)", at=("La Pampa", "Madre de Dios"), region="Madre de Dios",
         road="PE-30C", km=45, geo=2, sources=["americatv-466991"],
         description="About 400 informal miners held the Interoceanic Highway at La Pampa for two days, "
                     "adding to fuel shortages in Madre de Dios and Cusco."),
    dict(id="2023-01-18-andahuaylillas-blockade", kind="blockade", start="2023-01-18",
         place="Andahuaylillas (Quispicanchi)", at=("Andahuaylillas", "Cusco"), region="Cusco", road="PE-3S",
         sources=["hba-cusco"],
         description="Residents kept the Cusco–Puno road blocked at Andahuaylillas."),
    dict(id="2023-01-18-macusani-clash", kind="clash", start="2023-01-18", place="Macusani (Carabaya)",
         at=("Macusani", "Puno"), region="Puno", fatalities=2, sources=["lr-2023-01-20-macusani"],
         description="Two protesters, Sonia Aguilar Quispe and Salomón Valenzuela Chua, were killed in "
                     "Macusani; the police station and the court building were set on fire."),
    dict(id="2023-01-18-desaguadero-bridge-blockade", kind="blockade", start="2023-01-18",
         place="Desaguadero international bridge", at=("Desaguadero international bridge", "Puno"),
         region="Puno", sources=["fides-desaguadero"],
         description="Protesters reinforced their blockade of the international bridge with barbed wire "
                     "while trade in the border town dried up."),
    dict(id="2023-01-19-anashuayco-clash", kind="clash", start="2023-01-19",
         place="Puente Añashuayco (near Arequipa airport)", at=("Puente Añashuayco", "Arequipa"),
         region="Arequipa", fatalities=1, injured=18, sources=["lr-2023-01-20-airports"],
         description="An attempt to reach Arequipa's airport ended in clashes around the Añashuayco bridge: "
                     "Jhan Carlos Condori Arcana, 30, was killed and 18 people were injured."),
    dict(id="2023-01-19-arequipa-airport-closure", kind="closure", start="2023-01-19", end="2023-01-25",
         place="Arequipa airport", at=("Arequipa airport", "Arequipa"), region="Arequipa",
         sources=["lr-2023-01-20-airports"],
         description="The transport ministry suspended flights at Arequipa's airport on 19 January; other "
                     "outlets report it shut until 25 January, which is used as the end."),
    dict(id="2023-01-19-cusco-airport-clash", kind="clash", start="2023-01-19", place="Cusco airport",
         at=("Cusco airport", "Cusco"), region="Cusco", injured=13, detained=13,
         sources=["elcomercio-tres-intentos"],
         description="One of three attempts that day to take an airport: at Cusco, 12 civilians and one "
                     "officer were hurt and about 13 people arrested (the arrest figure is approximate)."),
    dict(id="2023-01-19-lima-parque-kennedy-detentions", kind="detention", start="2023-01-19",
         place="Lima, Parque Kennedy (Miraflores)", at=("Miraflores", "Lima"), region="Lima", detained=9,
         sources=["lr-2023-01-20-kennedy"],
         description="Nine people were arrested at Parque Kennedy in Miraflores during the march in Lima."),
    dict(id="2023-01-20-ilave-clash", kind="clash", start="2023-01-20", place="Ilave (El Collao)",
         at=("Ilave", "Puno"), region="Puno", fatalities=1, injured=10, sources=["lr-2023-01-20-ilave"],
         description="Clashes between police and protesters in Ilave left about ten injured; Isidro Arcata "
                     "Mamani, 62, died while being taken towards Acora."),
    dict(id="2023-01-20-ojherani-arson", kind="other", start="2023-01-20", place="Ojherani customs post",
         at=("Ojherani", "Puno"), region="Puno", geo=2, sources=["lr-2023-01-20-ilave"],
         description="Arson at the Ojherani customs post, about 15 km from Puno. The post is not in the "
                     "gazetteer, so the point is Puno city."),
    dict(id="2023-01-20-desaguadero-cebaf-arson", kind="other", start="2023-01-20", place="Desaguadero (CEBAF)",
         at=("CEBAF Desaguadero", "Puno"), region="Puno", sources=["pl-2023-01-21"],
         description="The joint border control post (CEBAF) at Desaguadero was set on fire, and police "
                     "withdrew from the town."),
    dict(id="2023-01-20-zepita-arson", kind="other", start="2023-01-20", place="Zepita police station",
         at=("Zepita", "Puno"), region="Puno", sources=["pl-2023-01-21"],
         description="The police station in Zepita was burned."),
    dict(id="2023-01-16-chao-blockade", kind="blockade", start="2023-01-16", end="2023-01-20",
         place="Chao (Virú) – Panamericana Norte km 501", at=("Chao", "La Libertad"), region="La Libertad",
         road="PE-1N", km=501, sources=["lr-2023-01-21-chao"],
         description="The northern Pan-American Highway was blocked at Chao, kilometre 501, for a fifth day "
                     "on 20 January (start counted back). The same report mentions three young men shot "
                     "dead on the 20th; their link to the protest is unverified, so no deaths are counted here."),
    dict(id="2023-01-21-lima-unmsm-detentions", kind="detention", start="2023-01-21", place="Lima, UNMSM campus",
         at=("Lima", "Lima"), region="Lima", detained=205, geo=2, sources=["elmercurio-2023-01-21"],
         description="Police cleared San Marcos University, where protesters from the regions were lodged, "
                     "and detained more than 200 people (205 by one count)."),
    dict(id="2023-01-21-machu-picchu-closure", kind="closure", start="2023-01-21", time=2,
         place="Machu Picchu / Aguas Calientes", at=("Aguas Calientes", "Cusco"), region="Cusco",
         sources=["boveda-mapi"],
         description="Machu Picchu was closed and at least 400 tourists were stranded. The day is inferred "
                     "from the report's 'Saturday'."),
    dict(id="2023-01-24-inambari-blockade", kind="blockade", start="2023-01-05", end="2023-01-24",
         place="Interoceánica at Inambari", at=("Puente Inambari", "Madre de Dios"), region="Madre de Dios",
         road="PE-30C", sources=["lr-2023-01-24-mdd"],
         description="After twenty days of blockades at Inambari, Madre de Dios was cut off and a gas "
                     "cylinder sold for S/300. The start is counted back from the 24 January report."),
    dict(id="2023-01-24-iberia-blockade", kind="blockade", start="2023-01-05", end="2023-01-24",
         place="Interoceánica at Iberia", at=("Iberia", "Madre de Dios"), region="Madre de Dios",
         road="PE-30C", sources=["lr-2023-01-24-mdd"],
         description="The Interoceanic was also held at Iberia, on the way to the Brazilian border, over the "
                     "same twenty days (start counted back)."),
    dict(id="2023-01-27-pe-34a-reparticion-juliaca-blockade", kind="blockade", start="2023-01-27",
         place="Repartición–Arequipa–Santa Lucía–Juliaca road (PE-34A)", at=("Santa Lucía", "Puno"),
         region="Puno", road="PE-34A", geo=2, status="confirmed", sources=["elcomercio-sutran-83"],
         description="SUTRAN named the Arequipa–Santa Lucía–Juliaca road among 16 roads still cut. No point "
                     "given: drawn at Santa Lucía."),
    dict(id="2023-01-27-huipoca-blockade", kind="blockade", start="2023-01-27",
         place="Federico Basadre road at Huipoca (Padre Abad)", at=("Huipoca", "Ucayali"), region="Ucayali",
         sources=["lr-2023-01-27-ucayali"],
         description="One of three blockades on the Federico Basadre road that stranded more than 500 "
                     "vehicles; the third point, Previsto, is not in the gazetteer."),
    dict(id="2023-01-27-san-alejandro-blockade", kind="blockade", start="2023-01-27",
         place="Federico Basadre road at San Alejandro (Padre Abad)", at=("San Alejandro", "Ucayali"),
         region="Ucayali", sources=["lr-2023-01-27-ucayali"],
         description="Blockade of the Federico Basadre road at San Alejandro, on the same day."),
    dict(id="2023-01-pucallpa-federico-basadre-blockade", kind="blockade", start="2023-01-22", end="2023-01-31",
         time=3, place="Federico Basadre road outside Pucallpa (San Alejandro)", at=("San Alejandro", "Ucayali"),
         region="Ucayali", geo=2, sources=["americatv-467731"],
         description="Pickets held about 70 km of the road out of Pucallpa for ten days, cutting supplies. "
                     "Only 'late January' is known: the dates are a placeholder within the month."),
    dict(id="2023-01-28-lima-abancay-clash", kind="clash", start="2023-01-28", place="Lima, Av. Abancay",
         at=("Lima", "Lima"), region="Lima", fatalities=1, sources=["veneportal-2023-01-29"],
         description="Víctor Santisteban died during clashes on Avenida Abancay near Congress, raising the "
                     "national toll to 65."),
]
