"""Curated events of the first data release, corrected in the second (read by ``build_bundled_data.py``).

One dict per event. ``at`` is the gazetteer query ``(name, region hint)``, or ``("km", road, km)``
for a road kilometre post placed through the corridors' ``km_refs``: the coordinate is never
typed here. ``sources`` lists keys of ``bundled_sources.SOURCES``; ``("seed", day)`` cites the
Kawsachun News report of that day in the Struggle-La Lucha bulletin. ``description`` (English)
and ``es`` (Spanish) are the project's own words.

Defaults: ``end`` = ``start``, ``geo`` 1, ``time`` 1, ``status`` "reported".
Corrections of the second release are listed in ``data/README.md``.
"""

from __future__ import annotations

SEED9 = ("seed", "2023-01-09")
SEED10 = ("seed", "2023-01-10")

EVENTS: list[dict] = [
    # ---------------------------------------------------------------- December 2022
    dict(id="2022-12-09-siguas-blockade", kind="blockade", start="2022-12-09", place="Siguas, Panamericana Sur",
         at=("Siguas", "Arequipa"), region="Arequipa", road="PE-1S", sources=["lr-2022-12-09"],
         description="The Pan-American Highway South in the Siguas valley appeared on the road authority's "
                     "(SUTRAN) alert map two days into the protests. The map marks roads as restricted, not "
                     "necessarily fully blocked, and no second source confirms a blockade here.",
         es="La Panamericana Sur en el valle de Siguas figuraba en el mapa de alertas de SUTRAN a dos días del "
            "inicio de las protestas. El mapa indica vías restringidas, no necesariamente bloqueadas del todo, "
            "y ninguna otra fuente confirma el bloqueo."),
    dict(id="2022-12-10-andahuaylas-airport-closure", kind="closure", start="2022-12-10", end="2022-12-11",
         place="Andahuaylas airport (Huancabamba/Huinchos)", at=("Andahuaylas airport", "Apurímac"),
         region="Apurímac", status="confirmed", sources=["jornada-2022-12-11"],
         description="Protesters surrounded Andahuaylas airport; the airport operator CORPAC shut it while "
                     "about 50 police officers stayed inside the terminal.",
         es="Manifestantes rodearon el aeropuerto de Andahuaylas; CORPAC, que lo opera, lo cerró mientras unos "
            "50 policías permanecían dentro del terminal."),
    dict(id="2022-12-11-andahuaylas-clash", kind="clash", start="2022-12-11", place="Andahuaylas (Huancabamba)",
         at=("Huancabamba", "Apurímac"), region="Apurímac", fatalities=2, injured=30,
         sources=["pl-2022-12-11"],
         description="Two young protesters, aged 15 and 18, were killed near the airport at Huancabamba; "
                     "around thirty people were hurt (the injured figure is approximate).",
         es="Dos manifestantes jóvenes, de 15 y 18 años, murieron cerca del aeropuerto, en Huancabamba; hubo "
            "unos treinta heridos (cifra aproximada)."),
    dict(id="2022-12-11-desaguadero-border-closure", kind="closure", start="2022-12-11", end="2022-12-21",
         place="Desaguadero border crossing", at=("Desaguadero international bridge", "Puno"), region="Puno",
         sources=["fides-desaguadero"],
         description="The border crossing to Bolivia at Desaguadero was shut from 11 December until a truce "
                     "on 22 December; it was closed again from 4 January (a separate event).",
         es="El paso fronterizo con Bolivia en Desaguadero estuvo cerrado desde el 11 de diciembre hasta una "
            "tregua el 22; volvió a cerrarse desde el 4 de enero (otro evento)."),
    dict(id="2022-12-12-arequipa-airport-closure", kind="closure", start="2022-12-12", end="2022-12-19",
         place="Arequipa airport (Alfredo Rodríguez Ballón)", at=("Arequipa airport", "Arequipa"),
         region="Arequipa", status="confirmed",
         sources=["trome-aqp-airport", "panam-367234", "m035", "m057", "m005"],
         description="Protesters broke into Arequipa's airport on 12 December; it was evacuated and stayed "
                     "shut for about a week, reopening for daytime flights on the morning of 19 December. "
                     "Trome and Panamericana put the crowd near 400; an early TV estimate said about 2,000.",
         es="Manifestantes irrumpieron en el aeropuerto de Arequipa el 12 de diciembre; fue evacuado y quedó "
            "cerrado cerca de una semana, hasta reabrir con vuelos diurnos la mañana del 19. Trome y "
            "Panamericana calcularon unas 400 personas; un primer cálculo televisivo habló de unas 2.000."),
    dict(id="2022-12-12-pe-1s-km-913-blockade", kind="blockade", start="2022-12-12",
         place="Panamericana Sur km 913, La Joya–Arequipa", at=("PE-1S km 913", "Arequipa"), region="Arequipa",
         road="PE-1S", km=913, sources=["panam-367234"],
         description="The Pan-American Highway South was blocked at kilometre 913, on the La Joya–Arequipa "
                     "stretch, on the day the airport was taken.",
         es="La Panamericana Sur quedó bloqueada en el kilómetro 913, en el tramo La Joya–Arequipa, el día en "
            "que fue tomado el aeropuerto."),
    dict(id="2022-12-12-puente-anashuayco-blockade", kind="blockade", start="2022-12-12", end="2022-12-13",
         place="Puente Añashuayco (Arequipa–Puno road)", at=("Puente Añashuayco", "Arequipa"), region="Arequipa",
         sources=["correo-anashuayco"],
         description="The Añashuayco bridge on the road out of Arequipa towards Puno was blocked; a report "
                     "dated 13 December says it had been held since the day before.",
         es="Se bloqueó el puente Añashuayco, en la salida de Arequipa hacia Puno; una nota del 13 de "
            "diciembre dice que estaba tomado desde el día anterior."),
    dict(id="2022-12-12-chincheros-clash", kind="clash", start="2022-12-12", place="Chincheros",
         at=("Chincheros", "Apurímac"), region="Apurímac", fatalities=2, injured=5, geo=2, status="confirmed",
         sources=["peruweek-7", "m023"],
         description="Two people died in Chincheros province, among five deaths counted nationwide that day; "
                     "Gestión also reports five people wounded by pellets. On 14 December the ombudsman took "
                     "one Chincheros victim off the national toll (the name is not in the civil registry).",
         es="Dos personas murieron en la provincia de Chincheros, de las cinco muertes contadas en el país ese "
            "día; Gestión informa además de cinco heridos por perdigones. El 14 de diciembre la Defensoría "
            "retiró a una víctima de Chincheros del total nacional (su nombre no figura en el registro civil)."),
    dict(id="2022-12-12-andahuaylas-clash", kind="clash", start="2022-12-12", place="Andahuaylas",
         at=("Andahuaylas", "Apurímac"), region="Apurímac", fatalities=2, geo=2, sources=["peruweek-7"],
         description="Two more deaths in Andahuaylas on the second day of clashes there.",
         es="Otras dos muertes en Andahuaylas, en el segundo día de enfrentamientos allí."),
    dict(id="2022-12-12-arequipa-clash", kind="clash", start="2022-12-12",
         place="Arequipa (Ciudad Municipal police station, Cerro Colorado)", at=("Arequipa", "Arequipa"),
         region="Arequipa", fatalities=1, injured=6, geo=2, status="confirmed", sources=["peruweek-7", "m030"],
         description="A protester, Miguel Arcana, was shot dead near the Ciudad Municipal police station in "
                     "Cerro Colorado and six people were hurt by pellets. AFP gives his age as about 30, "
                     "another report as 38. The point is Arequipa city.",
         es="Un manifestante, Miguel Arcana, murió baleado junto a la comisaría de Ciudad Municipal, en Cerro "
            "Colorado, y seis personas resultaron heridas por perdigones. AFP le atribuye unos 30 años; otra "
            "fuente, 38. El punto es la ciudad de Arequipa."),
    dict(id="2022-12-13-machu-picchu-rail-suspension", kind="closure", start="2022-12-13", end="2022-12-17",
         place="Aguas Calientes / Machu Picchu (rail Cusco–Machu Picchu)", at=("Aguas Calientes", "Cusco"),
         region="Cusco", status="confirmed", sources=["lostiempos-2022-12-14", "m056", "m068"],
         description="Trains between Cusco and Machu Picchu stopped, PeruRail and IncaRail until further "
                     "notice, stranding tourists in Aguas Calientes: 779 by one count, about 800 by the "
                     "mayor's on 15 December, about 500 on the 16th, when humanitarian flights were planned "
                     "for the 17th.",
         es="Se suspendieron los trenes entre Cusco y Machu Picchu (PeruRail e IncaRail, hasta nuevo aviso) y "
            "quedaron varados turistas en Aguas Calientes: 779 según un conteo, unos 800 según el alcalde el "
            "15 de diciembre y unos 500 el 16, cuando se anunciaron vuelos humanitarios para el 17."),
    dict(id="2022-12-12-cusco-airport-closure", kind="closure", start="2022-12-12", end="2022-12-16",
         place="Cusco airport (Alejandro Velasco Astete)", at=("Cusco airport", "Cusco"), region="Cusco",
         status="confirmed", sources=["mercopress-2022-12-14", "m033", "m057", "m005"],
         description="Cusco's airport stopped operating on the night of Monday 12 December, after protesters "
                     "tried to get in through the fence, and reopened at noon on 16 December with 17 flights "
                     "scheduled.",
         es="El aeropuerto del Cusco dejó de operar la noche del lunes 12 de diciembre, después de que "
            "manifestantes intentaran entrar por el cerco, y reabrió al mediodía del 16 con 17 vuelos "
            "programados."),
    dict(id="2022-12-15-ayacucho-airport-closure", kind="closure", start="2022-12-15", end="2022-12-18",
         place="Ayacucho airport (Alfredo Mendívil Duarte)", at=("Ayacucho airport", "Ayacucho"),
         region="Ayacucho", status="confirmed", sources=["elcomercio-ayacucho", "m057", "m005"],
         description="Operations at Ayacucho's airport were suspended from midnight; it was one of five "
                     "airports closed that day. Mapped to 18 December, the end of the suspension the sources "
                     "give (the rule for the December airport closures is in the data README).",
         es="Se suspendieron las operaciones del aeropuerto de Ayacucho desde la medianoche; fue uno de los "
            "cinco aeropuertos cerrados ese día. Se mapea hasta el 18 de diciembre, fin de la suspensión que "
            "dan las fuentes (la regla de los cierres de aeropuertos de diciembre está en el README de los datos)."),
    dict(id="2022-12-15-huamanga-clash", kind="clash", start="2022-12-15", place="Huamanga (airport area)",
         at=("Ayacucho airport", "Ayacucho"), region="Ayacucho", fatalities=10, injured=60, geo=2,
         status="confirmed", sources=["elcomercio-ayacucho", "infobae-2024-12-18", "m058"],
         description="Hundreds of protesters entered Huamanga's airport and security forces fired on the "
                     "crowd around it. Same-day reports said 8 dead and 51 or 53 hurt; the final toll is 10 "
                     "dead and more than 60 injured.",
         es="Cientos de manifestantes entraron al aeropuerto de Huamanga y las fuerzas del orden dispararon "
            "contra la multitud en sus alrededores. Las cifras del mismo día hablaban de 8 muertos y 51 o 53 "
            "heridos; el saldo final es de 10 muertos y más de 60 heridos."),
    dict(id="2022-12-15-chao-clash", kind="clash", start="2022-12-15", place="Chao (Valle de Dios), Virú – Panamericana Norte",
         at=("Chao", "La Libertad"), region="La Libertad", road="PE-1N", injured=11,
         sources=["lr-2022-12-16-chao"],
         description="A blockade of the northern Pan-American Highway at Chao ended in fresh clashes that "
                     "left eleven injured.",
         es="Un bloqueo de la Panamericana Norte en Chao terminó en nuevos enfrentamientos con once heridos."),
    dict(id="2022-12-16-pichanaqui-clash", kind="clash", start="2022-12-16", place="Pichanaqui bridge (Chanchamayo)",
         at=("Puente Pichanaqui", "Junín"), region="Junín", fatalities=3, injured=52, status="confirmed",
         sources=["lr-2022-12-17-junin", "m047"],
         description="Three people died at the Pichanaqui bridge; 52 were injured, 43 civilians and "
                     "9 police officers. The first count, near midnight, was one minor dead and five hurt.",
         es="Tres personas murieron en el puente de Pichanaqui; hubo 52 heridos, 43 civiles y 9 policías. El "
            "primer reporte, cerca de la medianoche, hablaba de un menor fallecido y cinco heridos."),
    dict(id="2022-12-19-chala-clash", kind="clash", start="2022-12-19", place="Chala, Panamericana Sur km 619 (Caravelí)",
         at=("PE-1S km 619", "Arequipa"), region="Arequipa", road="PE-1S", km=619, fatalities=1,
         status="confirmed", sources=["panam-367905-chala", "m019"],
         description="A man died at Chala as soldiers cleared the miners' blockade of the Pan-American "
                     "Highway South; the day comes from a later Convoca update and the kilometre from a "
                     "second listing.",
         es="Un hombre murió en Chala cuando militares despejaban el bloqueo minero de la Panamericana Sur; "
            "la fecha proviene de una actualización de Convoca y el kilómetro, de otra lista."),
    dict(id="2022-12-12-puente-arturo-blockade", kind="blockade", start="2022-12-12", end="2022-12-20",
         place="Puente Arturo, Sicuani (Canchis) – PE-3S", at=("Puente Arturo", "Cusco"), region="Cusco",
         road="PE-3S", sources=["lr-2022-12-20"],
         description="Residents of Canchis had held the Puente Arturo crossing at Sicuani for nine days by "
                     "20 December, when they agreed a three-day humanitarian opening; the start is counted "
                     "back from that report.",
         es="Pobladores de Canchis llevaban nueve días en el puente Arturo, en Sicuani, cuando el 20 de "
            "diciembre acordaron tres días de pase humanitario; el inicio se cuenta hacia atrás desde esa nota."),
    dict(id="2022-12-22-pe-3s-km-1410-blockade", kind="blockade", start="2022-12-22",
         place="PE-3S km 1410 (Puno–El Collao–Ilave)", at=("km", "PE-3S", 1410), region="Puno", road="PE-3S",
         km=1410, geo=2, status="confirmed", sources=["lr-2022-12-22"],
         description="SUTRAN listed the Longitudinal de la Sierra Sur as still cut at kilometre 1410, just "
                     "outside Ilave, while it counted 170 points cleared nationwide. The point is placed "
                     "between the road authority's kilometre posts.",
         es="SUTRAN informó que la Longitudinal de la Sierra Sur seguía cortada en el kilómetro 1410, junto a "
            "Ilave, mientras contaba 170 puntos liberados en el país. El punto se ubica entre los hitos "
            "kilométricos de SUTRAN."),
    dict(id="2022-12-22-pe-3s-km-1415-blockade", kind="blockade", start="2022-12-22",
         place="PE-3S km 1415 (Puno–El Collao–Ilave)", at=("km", "PE-3S", 1415), region="Puno", road="PE-3S",
         km=1415, geo=2, status="confirmed", sources=["lr-2022-12-22"],
         description="A second SUTRAN-listed cut on the same road, at kilometre 1415 near Ilave.",
         es="Un segundo corte en la misma vía según SUTRAN, en el kilómetro 1415, cerca de Ilave."),
    dict(id="2022-12-29-puente-arturo-blockade", kind="blockade", start="2022-12-29",
         place="Puente Arturo (Canchis)", at=("Puente Arturo", "Cusco"), region="Cusco", road="PE-3S",
         sources=["lalupa-32495"],
         description="Farmers on a preventive national agrarian strike blocked Puente Arturo again, one of "
                     "at least seven points in Quispicanchi and Canchis.",
         es="Agricultores en paro agrario preventivo volvieron a bloquear el puente Arturo, uno de al menos "
            "siete puntos en Quispicanchi y Canchis."),
    dict(id="2022-12-29-san-pablo-blockade", kind="blockade", start="2022-12-29", place="San Pablo (Canchis)",
         at=("San Pablo", "Cusco"), region="Cusco", road="PE-3S", sources=["lalupa-32495"],
         description="Agrarian-strike blockade of the Cusco–Puno road at San Pablo.",
         es="Bloqueo del paro agrario en la vía Cusco–Puno, a la altura de San Pablo."),
    dict(id="2022-12-29-quiquijana-blockade", kind="blockade", start="2022-12-29", place="Quiquijana (Quispicanchi)",
         at=("Quiquijana", "Cusco"), region="Cusco", road="PE-3S", sources=["lalupa-32495"],
         description="Agrarian-strike blockade of the Cusco–Puno road at Quiquijana.",
         es="Bloqueo del paro agrario en la vía Cusco–Puno, a la altura de Quiquijana."),
    dict(id="2022-12-29-cusipata-blockade", kind="blockade", start="2022-12-29", place="Cusipata (Quispicanchi)",
         at=("Cusipata", "Cusco"), region="Cusco", road="PE-3S", sources=["lalupa-32495"],
         description="Agrarian-strike blockade of the Cusco–Puno road at Cusipata.",
         es="Bloqueo del paro agrario en la vía Cusco–Puno, a la altura de Cusipata."),
    # ---------------------------------------------------------------- January 2023
    dict(id="2023-01-04-pe-1s-km-1272-blockade", kind="blockade", start="2023-01-04",
         place="Panamericana Sur km 1272 (Tacna)", at=("PE-1S km 1272", "Tacna"), region="Tacna", road="PE-1S",
         km=1272, sources=["dsf-2023-01-06"],
         description="Around fifty people blocked the Pan-American Highway South at kilometre 1272 in Tacna; "
                     "the road was cleared within days.",
         es="Unas cincuenta personas bloquearon la Panamericana Sur en el kilómetro 1272, en Tacna; la vía "
            "fue despejada en pocos días."),
    dict(id="2023-01-04-desaguadero-border-closure", kind="closure", start="2023-01-04", end="2023-01-19",
         place="Desaguadero border crossing", at=("Desaguadero international bridge", "Puno"), region="Puno",
         status="confirmed", sources=["btb-2023-01-19", "fides-desaguadero", "m092"],
         description="The Desaguadero crossing to Bolivia was shut again from 4 January, when the international "
                     "bridge was welded shut, and was still closed when EFE reported on 19 January; the end "
                     "date is that report.",
         es="El paso de Desaguadero hacia Bolivia volvió a cerrarse desde el 4 de enero, cuando soldaron el "
            "puente internacional, y seguía cerrado cuando EFE informó el 19; esa nota marca el final."),
    dict(id="2023-01-04-yunguyo-border-closure", kind="closure", start="2023-01-04", end="2023-01-19",
         place="Yunguyo border point", at=("Yunguyo", "Puno"), region="Puno", geo=2, sources=["btb-2023-01-19"],
         description="The Yunguyo crossing into Bolivia was closed together with Desaguadero from 4 January; "
                     "mapped until the report of 19 January. The point is the town, not the border post.",
         es="El paso de Yunguyo hacia Bolivia cerró junto con Desaguadero desde el 4 de enero; se muestra hasta "
            "la nota del 19. El punto es el pueblo, no el puesto fronterizo."),
    dict(id="2023-01-06-juliaca-airport-closure", kind="closure", start="2023-01-06", end="2023-01-31",
         place="Juliaca airport (Inca Manco Cápac)", at=("Juliaca airport", "Puno"), region="Puno",
         status="confirmed", sources=["rpp-juliaca-airport", "dreampress-airports"],
         description="Juliaca's airport stopped flights on 6 January (one outlet says the 5th) and reopened "
                     "only on 25 April 2023; the map stops at 31 January, the end of its window. Around 60 "
                     "flights were cancelled in the first days.",
         es="El aeropuerto de Juliaca suspendió los vuelos el 6 de enero (un medio dice que el 5) y solo "
            "reabrió el 25 de abril de 2023; el mapa llega hasta el 31 de enero, fin de su periodo. Unos 60 "
            "vuelos se cancelaron en los primeros días."),
    dict(id="2023-01-04-puente-arturo-blockade", kind="blockade", start="2023-01-04", end="2023-01-18",
         place="Puente Arturo, Sicuani (Canchis)", at=("Puente Arturo", "Cusco"), region="Cusco", road="PE-3S",
         status="confirmed", sources=["hba-cusco", "mudosocial-cusco", "m087"],
         description="Puente Arturo at Sicuani was blocked from 4 January and still held on 18 January; police "
                     "counted Canchis among the Cusco provinces with blockades on 4 January and eleven points "
                     "in the region on 6 January.",
         es="El puente Arturo, en Sicuani, estuvo bloqueado desde el 4 de enero y seguía tomado el 18; la "
            "policía contó a Canchis entre las provincias cusqueñas con bloqueos el 4 y once puntos en la "
            "región el 6."),
    dict(id="2023-01-06-juliaca-airport-clash", kind="clash", start="2023-01-06", place="Juliaca airport vicinity",
         at=("Juliaca airport", "Puno"), region="Puno", injured=16, geo=2, status="confirmed",
         sources=["m098", "m099", "telesur-2023-01-08"],
         description="Protesters clashed with police outside Juliaca's airport on Friday 6 January and burned "
                     "an armoured police vehicle. The ombudsman counted 16 injured (four civilians hit by "
                     "bullets, four police); the interior ministry said 22 police were hurt; teleSUR, dating "
                     "it 7 January, gave 12 civilians and 4 police. First mapped on 7 January; moved to the 6th.",
         es="Manifestantes se enfrentaron a la policía fuera del aeropuerto de Juliaca el viernes 6 de enero y "
            "quemaron un blindado policial. La Defensoría contó 16 heridos (cuatro civiles baleados, cuatro "
            "policías); el Mininter habló de 22 policías heridos; teleSUR, que lo fecha el 7, dio 12 civiles "
            "y 4 policías. Antes figuraba el 7 de enero; se corrigió al 6."),
    dict(id="2023-01-06-lima-detentions", kind="detention", start="2023-01-06", place="Lima",
         at=("Lima", "Lima"), region="Lima", detained=224, geo=2, sources=[SEED9],
         description="On Friday 6 January, 224 people were arrested in Lima during union-called protests, "
                     "as the 9 January report in the bulletin says; the exact places of arrest are not given.",
         es="El viernes 6 de enero, 224 personas fueron detenidas en Lima durante protestas convocadas por "
            "sindicatos, según la nota del 9 de enero del boletín; no se indican los lugares exactos."),
    dict(id="2023-01-09-pe-34a-puno-arequipa-blockade", kind="blockade", start="2023-01-09",
         place="Puno–Arequipa road (PE-34A)", at=("Puno–Arequipa road (PE-34A)", "Puno"), region="Puno",
         road="PE-34A", geo=2, sources=[SEED9],
         description="The road from Puno to Arequipa was among those blocked on the strike's sixth day, the "
                     "9 January report says. No point is given: it is drawn at Santa Lucía on the Puno side.",
         es="La vía de Puno a Arequipa estaba entre las bloqueadas en el sexto día del paro, según la nota del "
            "9 de enero. Sin punto exacto: se dibuja en Santa Lucía, del lado de Puno."),
    dict(id="2023-01-09-pe-3s-puno-cusco-blockade", kind="blockade", start="2023-01-09",
         place="Puno–Cusco road (PE-3S, north of Juliaca)", at=("Puno–Cusco road (PE-3S, north of Juliaca)", "Puno"),
         region="Puno", road="PE-3S", geo=2, status="confirmed", sources=["elcomercio-sutran-45", SEED9],
         description="SUTRAN listed the Longitudinal de la Sierra Sur among twelve cut roads, and the seed's "
                     "report of the strike's sixth day names the Puno–Cusco road as blocked. No point given: "
                     "drawn at Ayaviri.",
         es="SUTRAN incluyó la Longitudinal de la Sierra Sur entre doce vías cortadas, y la nota del sexto día "
            "del paro nombra la vía Puno–Cusco como bloqueada. Sin punto exacto: se dibuja en Ayaviri."),
    dict(id="2023-01-09-pe-34b-puno-amazon-blockade", kind="blockade", start="2023-01-09",
         place="Calapuja–Macusani road (PE-34B, towards the Amazon)",
         at=("Calapuja–Macusani road (PE-34B, towards the Amazon)", "Puno"), region="Puno",
         road="PE-34B", geo=2, status="confirmed", sources=["elcomercio-sutran-45", SEED9],
         description="SUTRAN named the Calapuja–Macusani–Lechemayo road among those cut, the road from Puno "
                     "to the Amazon that the 9 January report calls blocked. No point given: drawn at Azángaro.",
         es="SUTRAN nombró la vía Calapuja–Macusani–Lechemayo entre las cortadas: es la vía de Puno a la "
            "Amazonía que la nota del 9 de enero da por bloqueada. Sin punto exacto: se dibuja en Azángaro."),
    dict(id="2023-01-09-pe-36a-moquegua-desaguadero-blockade", kind="blockade", start="2023-01-09",
         place="Moquegua–Torata–Mazocruz–Desaguadero road (PE-36A)", at=("Mazocruz", "Puno"), region="Puno",
         road="PE-36A", geo=2, status="confirmed", sources=["elcomercio-sutran-45"],
         description="SUTRAN also named the Moquegua–Desaguadero road among those interrupted. No point "
                     "given: drawn at Mazocruz on the Puno side.",
         es="SUTRAN también incluyó la vía Moquegua–Desaguadero entre las interrumpidas. Sin punto exacto: se "
            "dibuja en Mazocruz, del lado de Puno."),
    dict(id="2023-01-09-puno-access-blockade", kind="blockade", start="2023-01-09", place="Puno city access roads",
         at=("Puno", "Puno"), region="Puno", geo=2, sources=["americatv-466825"],
         description="The roads into Puno city were blocked from 7:30 in the morning.",
         es="Los accesos a la ciudad de Puno estuvieron bloqueados desde las 7:30 de la mañana."),
    dict(id="2023-01-09-juliaca-clash", kind="clash", start="2023-01-09", place="Juliaca",
         at=("Juliaca", "Puno"), region="Puno", fatalities=17, status="confirmed",
         sources=["lr-2023-01-09-juliaca", SEED10, "m114", "m134"],
         description="The Juliaca massacre around the airport and Avenida Independencia. By 9 pm the ombudsman "
                     "had recorded 17 dead, the figure mapped here (the seed's 10 January report, written as "
                     "the strike entered its seventh day). In the afternoon it had confirmed 9, when local "
                     "media said 12; later counts give 18 civilians, and Puno's health authority said on "
                     "12 January that 20 had died in the Juliaca protests, including a police officer.",
         es="La masacre de Juliaca, en torno al aeropuerto y la avenida Independencia. A las 21:00 la "
            "Defensoría registraba 17 muertos, la cifra que se muestra (nota del 10 de enero del boletín, con "
            "el paro en su séptimo día). Por la tarde había confirmado 9, cuando medios locales decían 12; "
            "conteos posteriores dan 18 civiles, y la Diresa Puno habló el 12 de enero de 20 muertos en las "
            "protestas de Juliaca, un policía entre ellos."),
    dict(id="2023-01-09-chucuito-blockade", kind="blockade", start="2023-01-09", place="Chucuito",
         at=("Chucuito", "Puno"), region="Puno", fatalities=1, status="confirmed",
         sources=["eluniversal-43", SEED10],
         description="The ombudsman tied one further death to the road blockade in Chucuito: a baby, born at "
                     "35 weeks, died in an ambulance held up on the road.",
         es="La Defensoría vinculó otra muerte al bloqueo de la vía en Chucuito: un bebé nacido a las 35 "
            "semanas murió en una ambulancia detenida en la carretera."),
    dict(id="2023-01-09-juliaca-police-death", kind="clash", start="2023-01-09", place="Juliaca (urb. Tambopata)",
         at=("Juliaca", "Puno"), region="Puno", fatalities=1, geo=2, sources=["abc7-police"],
         description="A police officer, José Luis Soncco Quispe, was burned to death in his patrol car in "
                     "Juliaca on the night of 9 January.",
         es="Un policía, José Luis Soncco Quispe, murió quemado dentro de su patrullero en Juliaca la noche "
            "del 9 de enero."),
    dict(id="2023-01-09-ilave-arson", kind="other", start="2023-01-09", place="Ilave",
         at=("Ilave", "Puno"), region="Puno", sources=["lr-2023-01-09-juliaca"],
         description="Arson: the house of congressman Flores Ancachi in Ilave was set on fire.",
         es="Incendio: prendieron fuego a la casa del congresista Flores Ancachi en Ilave."),
    dict(id="2023-01-10-pe-1s-km-1253-blockade", kind="blockade", start="2023-01-10",
         place="Panamericana Sur km 1253 (Sama/Las Yaras)", at=("PE-1S km 1253", "Tacna"), region="Tacna",
         road="PE-1S", km=1253, sources=["dsf-2023-01-11"],
         description="A 100-metre stretch of the Pan-American Highway South was blocked at kilometre 1253 in "
                     "protest at the Juliaca deaths; the same road had also been cut on Monday 9 January.",
         es="Se bloquearon 100 metros de la Panamericana Sur en el kilómetro 1253 en protesta por las muertes "
            "de Juliaca; la misma vía ya había sido cortada el lunes 9 de enero."),
    dict(id="2023-01-10-ayacucho-airport-closure", kind="closure", start="2023-01-10",
         place="Ayacucho airport", at=("Ayacucho airport", "Ayacucho"), region="Ayacucho",
         sources=["dreampress-airports"],
         description="Ayacucho's airport was closed as a precaution, affecting about a dozen flights.",
         es="El aeropuerto de Ayacucho cerró de manera preventiva; se vieron afectados una docena de vuelos."),
    dict(id="2023-01-11-cusco-airport-clash", kind="clash", start="2023-01-11", place="Cusco (airport approaches)",
         at=("Cusco airport", "Cusco"), region="Cusco", fatalities=1, injured=43, geo=2, status="confirmed",
         sources=["pledgetimes-cusco", "m123", "m124"],
         description="One protester, Remo Candia Guevara, 50, from Anta, died in clashes on Avenida 28 de "
                     "Julio on the way to Cusco's airport. Cusco's health authority counted 37 civilians and "
                     "6 police injured (22 by 5 pm); other reports said more than 40, or more than 50 with "
                     "19 police.",
         es="Un manifestante, Remo Candia Guevara, de 50 años y natural de Anta, murió en enfrentamientos en "
            "la avenida 28 de Julio, camino al aeropuerto del Cusco. La Geresa Cusco contó 37 civiles y 6 "
            "policías heridos (22 a las 17:00); otras fuentes hablan de más de 40, o más de 50 con 19 policías."),
    dict(id="2023-01-11-cusco-detentions", kind="detention", start="2023-01-11", place="Cusco",
         at=("Cusco", "Cusco"), region="Cusco", detained=11, geo=2, sources=["pledgetimes-cusco"],
         description="Eleven people were arrested in Cusco during the day's clashes.",
         es="Once personas fueron detenidas en el Cusco durante los enfrentamientos del día."),
    dict(id="2023-01-12-cusco-airport-closure", kind="closure", start="2023-01-12", end="2023-01-14",
         place="Cusco airport", at=("Cusco airport", "Cusco"), region="Cusco", status="confirmed",
         sources=["mailbd-14401", "realamerican-416762", "m140"],
         description="Cusco's airport, gateway for Machu Picchu visitors, was closed as a precaution on "
                     "Thursday 12 January and reopened on the 14th.",
         es="El aeropuerto del Cusco, puerta de entrada a Machu Picchu, cerró de manera preventiva el jueves "
            "12 de enero y reabrió el 14."),
    dict(id="2023-01-12-juliaca-death", kind="other", start="2023-01-12", place="Juliaca",
         at=("Juliaca", "Puno"), region="Puno", fatalities=1, sources=["hch-2023-01-12"],
         description="A 16-year-old wounded in the Juliaca clash of 9 January died of his injuries on 12 "
                     "January, raising the national toll to 49. A death from the 9 January clash, not a clash "
                     "on 12 January.",
         es="Un adolescente de 16 años herido en el enfrentamiento de Juliaca del 9 de enero murió a causa de "
            "sus lesiones el 12 de enero; el total nacional llegó a 49. Es una muerte del enfrentamiento del "
            "9 de enero, no un enfrentamiento el 12."),
    dict(id="2023-01-16-pe-1s-km-48-blockade", kind="blockade", start="2023-01-16",
         place="Panamericana Sur km 48 (Arequipa)", at=("Arequipa", "Arequipa"), region="Arequipa", road="PE-1S",
         km=48, geo=3, sources=["lr-2023-01-17"],
         description="A blockade at 'kilometre 48' of the Pan-American Highway South in Arequipa was lifted "
                     "after 9 pm. The spot cannot be placed from the report: the point is the regional capital.",
         es="Un bloqueo en el 'kilómetro 48' de la Panamericana Sur, en Arequipa, se levantó después de las "
            "21:00. La nota no permite ubicarlo: el punto es la capital regional."),
    dict(id="2023-01-16-juliaca-access-blockade", kind="blockade", start="2023-01-16", place="Juliaca accesses",
         at=("Juliaca", "Puno"), region="Puno", geo=2, sources=["lr-2023-01-17"],
         description="The roads into Juliaca stayed blocked.",
         es="Los accesos a Juliaca siguieron bloqueados."),
    dict(id="2023-01-16-puno-desaguadero-road-blockade", kind="blockade", start="2023-01-16",
         place="Puno–Desaguadero road (PE-3S)", at=("Puno–Desaguadero road (PE-3S)", "Puno"), region="Puno",
         road="PE-3S", geo=2, sources=["lr-2023-01-17"],
         description="The road from Puno to the Bolivian border at Desaguadero was blocked; the report gives "
                     "no single point, so it is drawn at Ilave, the largest town on the way.",
         es="La vía de Puno a la frontera boliviana en Desaguadero estuvo bloqueada; la nota no da un punto, "
            "así que se dibuja en Ilave, el pueblo más grande del trayecto."),
    dict(id="2023-01-17-interoceanica-madre-de-dios-blockade", kind="blockade", start="2023-01-17",
         place="Interoceánica (Madre de Dios)", at=("Puerto Maldonado", "Madre de Dios"), region="Madre de Dios",
         road="PE-30C", geo=3, sources=["jornada-2023-01-18"],
         description="The Interoceanic Highway was blocked at three places in Madre de Dios, holding up fuel "
                     "tankers. Only the region is known: the point is its capital.",
         es="La Interoceánica estaba bloqueada en tres puntos de Madre de Dios y retenía cisternas de "
            "combustible. Solo se conoce la región: el punto es su capital."),
    dict(id="2023-01-17-la-pampa-blockade", kind="blockade", start="2023-01-17", end="2023-01-18",
         place="Interoceánica km 45 (La Pampa)", at=("La Pampa", "Madre de Dios"), region="Madre de Dios",
         road="PE-30C", km=45, geo=2, sources=["americatv-466991"],
         description="About 400 informal miners held the Interoceanic Highway at La Pampa; reported on "
                     "18 January as two days old, so 17 and 18 January. It added to fuel shortages in Madre "
                     "de Dios and Cusco.",
         es="Unos 400 mineros informales tomaron la Interoceánica en La Pampa; el 18 de enero se informó que "
            "llevaban dos días, es decir, el 17 y el 18. Agravó la escasez de combustible en Madre de Dios y "
            "Cusco."),
    dict(id="2023-01-18-andahuaylillas-blockade", kind="blockade", start="2023-01-18",
         place="Andahuaylillas (Quispicanchi)", at=("Andahuaylillas", "Cusco"), region="Cusco", road="PE-3S",
         sources=["hba-cusco"],
         description="Residents kept the Cusco–Puno road blocked at Andahuaylillas.",
         es="Pobladores mantuvieron bloqueada la vía Cusco–Puno en Andahuaylillas."),
    dict(id="2023-01-18-macusani-clash", kind="clash", start="2023-01-18", place="Macusani (Carabaya)",
         at=("Macusani", "Puno"), region="Puno", fatalities=2, sources=["lr-2023-01-20-macusani"],
         description="Two protesters, Sonia Aguilar Quispe and Salomón Valenzuela Chua, were killed in "
                     "Macusani; the police station and the court building were set on fire.",
         es="Dos manifestantes, Sonia Aguilar Quispe y Salomón Valenzuela Chua, murieron en Macusani; la "
            "comisaría y la sede judicial fueron incendiadas."),
    dict(id="2023-01-18-desaguadero-bridge-blockade", kind="blockade", start="2023-01-18",
         place="Desaguadero international bridge", at=("Desaguadero international bridge", "Puno"),
         region="Puno", sources=["fides-desaguadero"],
         description="Protesters reinforced their blockade of the international bridge with barbed wire "
                     "while trade in the border town dried up.",
         es="Manifestantes reforzaron con alambre de púas el bloqueo del puente internacional mientras el "
            "comercio del pueblo fronterizo se apagaba."),
    dict(id="2023-01-19-anashuayco-clash", kind="clash", start="2023-01-19",
         place="Puente Añashuayco (near Arequipa airport)", at=("Puente Añashuayco", "Arequipa"),
         region="Arequipa", fatalities=1, injured=18, sources=["lr-2023-01-20-airports"],
         description="An attempt to reach Arequipa's airport ended in clashes around the Añashuayco bridge: "
                     "Jhan Carlos Condori Arcana, 30, was killed and 18 people were injured.",
         es="Un intento de llegar al aeropuerto de Arequipa terminó en enfrentamientos en el puente "
            "Añashuayco: murió Jhan Carlos Condori Arcana, de 30 años, y hubo 18 heridos."),
    dict(id="2023-01-19-arequipa-airport-closure", kind="closure", start="2023-01-19", end="2023-01-25",
         place="Arequipa airport", at=("Arequipa airport", "Arequipa"), region="Arequipa",
         sources=["lr-2023-01-20-airports"],
         description="The transport ministry suspended flights at Arequipa's airport on 19 January; other "
                     "outlets report it shut until 25 January, which is used as the end.",
         es="El MTC suspendió los vuelos en el aeropuerto de Arequipa el 19 de enero; otros medios dicen que "
            "siguió cerrado hasta el 25, fecha que se usa como final."),
    dict(id="2023-01-19-cusco-airport-clash", kind="clash", start="2023-01-19", place="Cusco airport",
         at=("Cusco airport", "Cusco"), region="Cusco", injured=13, detained=13,
         sources=["elcomercio-tres-intentos"],
         description="One of three attempts that day to take an airport: at Cusco, 12 civilians and one "
                     "officer were hurt and about 13 people arrested (the arrest figure is approximate).",
         es="Uno de los tres intentos de tomar un aeropuerto ese día: en el Cusco hubo 12 civiles y un "
            "policía heridos y unas 13 personas detenidas (cifra aproximada)."),
    dict(id="2023-01-19-lima-parque-kennedy-detentions", kind="detention", start="2023-01-19",
         place="Lima, Parque Kennedy (Miraflores)", at=("Miraflores", "Lima"), region="Lima", detained=9,
         sources=["lr-2023-01-20-kennedy"],
         description="Nine people were arrested at Parque Kennedy in Miraflores during the march in Lima.",
         es="Nueve personas fueron detenidas en el parque Kennedy de Miraflores durante la marcha en Lima."),
    dict(id="2023-01-20-ilave-clash", kind="clash", start="2023-01-20", place="Ilave (El Collao)",
         at=("Ilave", "Puno"), region="Puno", fatalities=1, injured=10, sources=["lr-2023-01-20-ilave"],
         description="Clashes between police and protesters in Ilave left about ten injured; Isidro Arcata "
                     "Mamani, 62, died while being taken towards Acora.",
         es="Los enfrentamientos entre policías y manifestantes en Ilave dejaron unos diez heridos; Isidro "
            "Arcata Mamani, de 62 años, murió cuando lo trasladaban hacia Acora."),
    dict(id="2023-01-20-ojherani-arson", kind="other", start="2023-01-20", place="Ojherani customs post",
         at=("Ojherani", "Puno"), region="Puno", geo=2, sources=["lr-2023-01-20-ilave"],
         description="Arson at the Ojherani customs post, about 15 km from Puno. The post is not in the "
                     "gazetteer, so the point is Puno city.",
         es="Incendio en la garita de control de Ojherani, a unos 15 km de Puno. El puesto no figura en el "
            "nomenclátor, así que el punto es la ciudad de Puno."),
    dict(id="2023-01-20-desaguadero-cebaf-arson", kind="other", start="2023-01-20", place="Desaguadero (CEBAF)",
         at=("CEBAF Desaguadero", "Puno"), region="Puno", geo=2, status="confirmed",
         sources=["pl-2023-01-21", "m171"],
         description="Arson at the border post (CEBAF) in Desaguadero: its storerooms were set on fire and "
                     "looted. La República notes the post had been unstaffed since 4 January.",
         es="Incendio en el CEBAF de Desaguadero: sus almacenes fueron quemados y saqueados. La República "
            "señala que el puesto estaba sin personal desde el 4 de enero."),
    dict(id="2023-01-20-zepita-arson", kind="other", start="2023-01-20", place="Zepita police station",
         at=("Zepita", "Puno"), region="Puno", sources=["pl-2023-01-21"],
         description="The police station in Zepita was burned.",
         es="La comisaría de Zepita fue incendiada."),
    dict(id="2023-01-16-chao-blockade", kind="blockade", start="2023-01-16", end="2023-01-20",
         place="Chao (Virú) – Panamericana Norte km 501", at=("Chao", "La Libertad"), region="La Libertad",
         road="PE-1N", km=501, sources=["lr-2023-01-21-chao"],
         description="The northern Pan-American Highway was blocked at Chao, kilometre 501, for a fifth day "
                     "on 20 January (start counted back). The same report mentions three young men shot "
                     "dead on the 20th; their link to the protest is unverified, so no deaths are counted here.",
         es="La Panamericana Norte estuvo bloqueada en Chao, kilómetro 501, por quinto día el 20 de enero (el "
            "inicio se cuenta hacia atrás). La misma nota menciona a tres jóvenes muertos a balazos el 20; su "
            "relación con la protesta no está verificada, por eso no se cuentan aquí."),
    dict(id="2023-01-21-lima-unmsm-detentions", kind="detention", start="2023-01-21", end="2023-01-22",
         place="Lima, UNMSM campus", at=("Lima", "Lima"), region="Lima", detained=200, geo=2, status="confirmed",
         sources=["elmercurio-2023-01-21", "m181"],
         description="Police cleared San Marcos University, where protesters from the regions were lodged, "
                     "and detained more than 200 people (the figure mapped; AFP gives 193). All but one were "
                     "released on 22 January.",
         es="La policía desalojó la Universidad de San Marcos, donde se alojaban manifestantes de las "
            "regiones, y detuvo a más de 200 personas (la cifra del mapa; AFP da 193). Todos menos uno quedaron "
            "libres el 22 de enero."),
    dict(id="2023-01-21-machu-picchu-closure", kind="closure", start="2023-01-21", time=2,
         place="Machu Picchu / Aguas Calientes", at=("Aguas Calientes", "Cusco"), region="Cusco",
         sources=["boveda-mapi"],
         description="Machu Picchu was closed and at least 400 tourists were stranded. The day is inferred "
                     "from the report's 'Saturday'.",
         es="Se cerró Machu Picchu y al menos 400 turistas quedaron varados. El día se deduce del 'sábado' "
            "que menciona la nota."),
    dict(id="2023-01-24-inambari-blockade", kind="blockade", start="2023-01-24",
         place="Interoceánica at Inambari", at=("Puente Inambari", "Madre de Dios"), region="Madre de Dios",
         road="PE-30C", geo=2, sources=["lr-2023-01-24-mdd"],
         description="The Interoceanic was blocked at Inambari on 24 January, when Madre de Dios had been cut "
                     "off for twenty days and a gas cylinder sold for S/300. The twenty days are the region's "
                     "isolation: when this blockade began is not reported.",
         es="La Interoceánica estaba bloqueada en Inambari el 24 de enero, cuando Madre de Dios llevaba veinte "
            "días aislada y un balón de gas costaba S/300. Esos veinte días son el aislamiento de la región: "
            "no se informa cuándo empezó este bloqueo."),
    dict(id="2023-01-24-iberia-blockade", kind="blockade", start="2023-01-24",
         place="Interoceánica at Iberia", at=("Iberia", "Madre de Dios"), region="Madre de Dios",
         road="PE-30C", sources=["lr-2023-01-24-mdd"],
         description="The Interoceanic was also held at Iberia, on the way to the Brazilian border, on "
                     "24 January; its start is not reported.",
         es="La Interoceánica también estaba tomada en Iberia, camino a la frontera con Brasil, el 24 de "
            "enero; no se informa desde cuándo."),
    dict(id="2023-01-27-pe-34a-reparticion-juliaca-blockade", kind="blockade", start="2023-01-27",
         place="Repartición–Arequipa–Santa Lucía–Juliaca road (PE-34A)", at=("Santa Lucía", "Puno"),
         region="Puno", road="PE-34A", geo=2, status="confirmed", sources=["elcomercio-sutran-83"],
         description="SUTRAN named the Arequipa–Santa Lucía–Juliaca road among 16 roads still cut. No point "
                     "given: drawn at Santa Lucía.",
         es="SUTRAN nombró la vía Arequipa–Santa Lucía–Juliaca entre 16 carreteras aún cortadas. Sin punto "
            "exacto: se dibuja en Santa Lucía."),
    dict(id="2023-01-27-huipoca-blockade", kind="blockade", start="2023-01-27",
         place="Federico Basadre road at Huipoca (Padre Abad)", at=("Huipoca", "Ucayali"), region="Ucayali",
         sources=["lr-2023-01-27-ucayali"],
         description="One of three blockades on the Federico Basadre road that stranded more than 500 "
                     "vehicles; the third point, Previsto, is not in the gazetteer.",
         es="Uno de los tres bloqueos de la carretera Federico Basadre que dejaron más de 500 vehículos "
            "varados; el tercer punto, Previsto, no figura en el nomenclátor."),
    dict(id="2023-01-pucallpa-federico-basadre-blockade", kind="blockade", start="2023-01-22", end="2023-01-31",
         time=3, place="Federico Basadre road outside Pucallpa (San Alejandro)", at=("San Alejandro", "Ucayali"),
         region="Ucayali", geo=2, sources=["americatv-467731", "lr-2023-01-27-ucayali"],
         description="Pickets held about 70 km of the road out of Pucallpa for ten days, cutting supplies. "
                     "Only 'late January' is known: the dates are a placeholder within the month. La República "
                     "reports the blockade at San Alejandro on 27 January: the same blockade, both sources kept.",
         es="Piquetes controlaron unos 70 km de la vía de salida de Pucallpa durante diez días y cortaron el "
            "abastecimiento. Solo se sabe que fue a fines de enero: las fechas son aproximadas dentro del mes. "
            "La República informa del bloqueo en San Alejandro el 27 de enero: es el mismo bloqueo, con ambas "
            "fuentes."),
    dict(id="2023-01-28-lima-abancay-clash", kind="clash", start="2023-01-28", place="Lima, Av. Abancay",
         at=("Lima", "Lima"), region="Lima", fatalities=1, geo=2, status="confirmed",
         sources=["veneportal-2023-01-29", "m190"],
         description="Víctor Santisteban died during clashes on Avenida Abancay near Congress, after a march "
                     "from Plaza San Martín; more than ten people on both sides were hurt. One report put the "
                     "national toll at 65 after his death.",
         es="Víctor Santisteban murió durante enfrentamientos en la avenida Abancay, cerca del Congreso, tras "
            "una marcha desde la plaza San Martín; hubo más de una decena de heridos entre ambos bandos. Una "
            "fuente elevó el total nacional a 65 tras su muerte."),
]
