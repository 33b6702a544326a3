"""The public reports the bundled data cites: key -> publisher, URL, publication date.

Every URL here appears in ``shared/facts/`` (the events CSV or ``highways.md``); none is made up.
``published`` is the date in the URL where it carries one; otherwise the date of the facts row
that cites it, and a ``note`` says so when that date is an inference.
"""

from __future__ import annotations

# key: (publisher, url, published YYYY-MM-DD, note or "")
SOURCES: dict[str, tuple[str, str, str, str]] = {
    "lr-2022-12-09": ("La República", "https://larepublica.pe/sociedad/2022/12/09/protestas-tras-vacancia-de-castillo-que-vias-permanecen-restringidas-segun-mapa-de-alerta-de-sutran", "2022-12-09", ""),
    "jornada-2022-12-11": ("La Jornada", "https://jornada.com.mx/notas/2022/12/11/mundo/opositores-al-nuevo-gobierno-de-peru-rodean-aeropuerto-de-andahuaylas", "2022-12-11", ""),
    "pl-2022-12-11": ("Prensa Latina", "https://archivo.prensa-latina.cu/2022/12/11/a-dos-se-eleva-numero-de-muertos-durante-protesta-en-peru", "2022-12-11", ""),
    "fides-desaguadero": ("Noticias Fides", "https://www.noticiasfides.com/nacional/sociedad/desaguadero-refuerza-bloqueo-con-alambre-de-puas-y-la-economia-local-agoniza--420257", "2023-01-18", "publication date not in the URL; taken as the day of the barbed-wire report it describes"),
    "trome-aqp-airport": ("Trome", "http://trome.pe/actualidad/protestas-en-arequipa-anuncian-cierre-y-evacuacion-del-aeropuerto-internacional-rodriguez-ballon-tras-toma-y-vandalismo-suspension-de-vuelos-a-arequipa-manifestaciones-en-peru-noticia/", "2022-12-12", "publication date not in the URL; date of the events reported"),
    "panam-367234": ("Panamericana Televisión", "https://panamericana.pe/24horas/nacionales/367234-aeropuerto-rodriguez-ballon-arequipa-cerca-400-personas-tomado-instalaciones", "2022-12-12", "publication date not in the URL; date of the events reported"),
    "correo-anashuayco": ("Correo", "https://elcomercio-diariocorreo-prod.cdn.arcpublishing.com/edicion/arequipa/arequipa-fuerte-contingente-policial-resguarda-exteriores-del-aeropuerto-y-no-opera-transporte-publico-video-aeropuerto-internacional-alfredo-rodriguez-ballon-protestas-en-peru-rmmn-noticia/", "2022-12-13", ""),
    "comando-2022-12-12": ("Comando da Notícia", "https://comandodanoticia.com.br/noticia/4743/protestos-no-peru-ja-deixam-quatro-mortos-e-apoiadores-de-castillo-bloqueiam-estradas.html", "2022-12-12", "publication date not in the URL; date of the events reported"),
    "peruweek-7": ("Peru Week", "https://peruweek.pe/protestas-en-el-pais-dejan-siete-fallecidos", "2022-12-12", "publication date not in the URL; date of the events reported"),
    "peoplecn-2022-12-16": ("People's Daily Online", "http://en.people.cn/n3/2022/1216/c90000-10184890.html", "2022-12-16", ""),
    "lostiempos-2022-12-14": ("Los Tiempos", "https://www.lostiempos.com/actualidad/mundo/20221214/cientos-turistas-varados-machu-picchu-protestas-peru", "2022-12-14", ""),
    "mercopress-2022-12-14": ("MercoPress", "https://en.mercopress.com/2022/12/14/cusco-airport-closed-as-violence-in-peru-keeps-hitting-strategic-air-terminals?utm_source=feed&utm_medium=rss&utm_content=main&utm_campaign=rss", "2022-12-14", ""),
    "elcomercio-ayacucho": ("El Comercio", "https://elcomercio.pe/peru/protestas-en-peru-ayacucho-aumenta-a-ocho-la-cifra-de-fallecidos-tras-protestas-adelante-de-elecciones-dina-boluarte-pedro-castillo-golpe-de-estado-noticia/?outputType=amp", "2022-12-15", "publication date not in the URL; date of the events reported"),
    "infobae-2024-12-18": ("Infobae", "https://infobae.com/peru/2024/12/18/inauguran-en-ayacucho-el-pedestal-de-la-memoria-en-honor-a-las-victimas-de-la-represion-del-15-de-diciembre-de-2022", "2024-12-18", ""),
    "lr-2022-12-16-chao": ("La República", "https://larepublica.pe/amp/sociedad/2022/12/16/la-libertad-11-heridos-dejaron-nuevos-enfrentamientos-en-chao-lrnd", "2022-12-16", ""),
    "lr-2022-12-17-junin": ("La República", "https://larepublica.pe/sociedad/2022/12/17/junin-tres-personas-han-fallecido-por-protestas-en-la-region-marchas-en-peru-mdga", "2022-12-17", ""),
    "elcomercio-sutran-65": ("El Comercio", "https://elcomercio.pe/peru/protestas-en-peru-sutran-reporta-que-transito-en-65-puntos-del-pais-han-sido-restablecidos-video-crisis-en-peru-superintendencia-de-transporte-terrestre-de-personas-carga-y-mercancias-pedro-castillo-noticia", "2022-12-17", "publication date not in the URL; date of the count reported"),
    "panam-367905-chala": ("Panamericana Televisión", "https://panamericana.pe/24horas/nacionales/367905-arequipa-confirma-muerte-persona-enfrentamientos-chala", "2022-12-19", "publication date not in the URL; date of the event (itself taken from a Convoca update)"),
    "convoca-3018": ("Convoca", "https://convoca.pe/en/node/3018", "2022-12-19", "publication date not in the URL; date of the count reported"),
    "lr-2022-12-20": ("La República", "https://larepublica.pe/sociedad/2022/12/20/pobladores-de-canchis-acuerdan-3-dias-de-pase-humanitario-en-cusco-lrsd", "2022-12-20", ""),
    "lr-2022-12-22": ("La República", "https://larepublica.pe/sociedad/2022/12/22/protestas-en-peru-que-carreteras-continuan-bloqueadas-segun-sutran", "2022-12-22", ""),
    "lalupa-32495": ("La Lupa", "https://lalupa.pe/nacional/agricultores-bloquean-vias-en-cusco-como-parte-del-paro-nacional-agrario-preventivo-32495", "2022-12-29", "publication date not in the URL; date of the events reported"),
    "tudiario-85390": ("Tu Diario Huánuco", "https://tudiariohuanuco.pe/?p=85390", "2023-01-04", "publication date not in the URL; date of the count reported"),
    "dsf-2023-01-06": ("Diario Sin Fronteras", "https://diariosinfronteras.com.pe/2023/01/06/despejan-carreteras-tras-manifestaciones-leves/amp", "2023-01-06", ""),
    "btb-2023-01-19": ("Biblioteca Tributaria Bolivia (EFE)", "https://bibliotecatributariabolivia.com/2023/01/19/bolivia-siente-el-efecto-de-las-protestas-en-peru-con-una-frontera-sin-flujos", "2023-01-19", ""),
    "lanacion-2023-01-06": ("La Nación (AP)", "https://www.lanacion.com.ar/agencias/peru-ligero-descenso-en-las-protestas-contra-boluarte-nid06012023/", "2023-01-06", ""),
    "gestion-sutran-36": ("Gestión", "https://gestion.pe/peru/sutran-reporta-36-puntos-en-seis-regiones-bloqueados-por-protestas-manifestaciones-noticia/", "2023-01-05", "publication date not in the URL; date inferred from 'second day' of the strike"),
    "rpp-juliaca-airport": ("RPP", "https://amp.rpp.pe/peru/puno/puno-aeropuerto-de-juliaca-reanudo-operaciones-de-vuelos-luego-de-tres-meses-de-suspension-noticia-1480699", "2023-04-25", "publication date not in the URL; taken as the reopening day the article reports"),
    "mudosocial-cusco": ("Mudo Social", "https://mudosocial.com/actualidad/comuneros-de-cusco-acuerdan-trasladarse-a-lima-para-protestar-contra-el-congreso-y-dina-boluarte", "2023-01-06", "publication date not in the URL; date of the events reported"),
    "telesur-2023-01-08": ("teleSUR English", "https://www.telesurenglish.net/news/Protesters-Maintain-Roadblocks-in-Peru-20230108-0001.html", "2023-01-08", ""),
    "elcomercio-sutran-45": ("El Comercio", "https://elcomercio.pe/lima/protestas-en-peru-sutran-reporta-45-puntos-con-transito-vehicular-interrumpido-en-seis-regiones-video-cusco-puno-noticia/?outputType=amp", "2023-01-09", "publication date not in the URL; date of the SUTRAN count reported"),
    "americatv-466825": ("América TV", "https://americatv.com.pe/noticias/actualidad/radicalizacion-protestas-que-desato-violencia-y-muerte-peru-n466825", "2023-01-09", "publication date not in the URL; date of the events reported"),
    "lr-2023-01-09-juliaca": ("La República", "https://larepublica.pe/amp/sociedad/2023/01/09/protestas-en-juliaca-hoy-reportes-de-fallecidos-y-como-van-las-protestas-juliaca-noticias-hoy-muertos-en-juliaca-paro-nacional-hoy-atmp", "2023-01-09", ""),
    "eluniversal-43": ("El Universal", "https://eluniversal.com.mx/mundo/suman-43-muertos-por-las-protestas-en-peru/?outputType=amp", "2023-01-09", "publication date not in the URL; date of the events reported"),
    "abc7-police": ("ABC7", "https://abc7.com/peru-dina-boluarte-protestas-policia-muere-calcinado/12690597/", "2023-01-09", "publication date not in the URL; date of the events reported"),
    "dsf-2023-01-11": ("Diario Sin Fronteras", "https://diariosinfronteras.com.pe/2023/01/11/bloquean-panamericana-en-protesta-por-muertes/amp", "2023-01-11", ""),
    "dreampress-airports": ("Dream Press", "https://testaodp.dream.press/2023/01/dos-aeropuertos-peruanos-siguen-cerrados-al-intensificarse-las-protestas", "2023-01-10", "only the month is in the URL; day of the events reported"),
    "pledgetimes-cusco": ("Pledge Times", "https://pledgetimes.com/cancel-the-airport-bringing-tourists-to-machu-picchu-was-closed-due-to-unrest/", "2023-01-11", "publication date not in the URL; date of the events reported"),
    "mailbd-14401": ("MailBD", "https://mailbd.net/news/peru-closes-cuzco-airport-amid-anti-government-protests-14401/", "2023-01-12", "publication date not in the URL; date of the events reported"),
    "hch-2023-01-12": ("HCH", "https://hch.tv/2023/01/12/peru-registra-49-muertes-en-protestas-contra-dina-boluarte", "2023-01-12", ""),
    "beethovianos-4172": ("Beethovianos Internacional (blog)", "https://beethovianos-internacional.de/?p=4172", "2023-01-13", "date uncertain: inferred from 'tenth day' of the protests"),
    "realamerican-416762": ("Real American News", "https://realamericanews.site/?p=416762", "2023-01-14", "publication date not in the URL; date of the count reported"),
    "lr-2023-01-19-carreteras": ("La República", "https://larepublica.pe/sociedad/2023/01/19/carreteras-bloqueadas-hoy-en-el-peru-que-vias-estan-cerradas-en-lima-arequipa-ica-cusco-y-puno-por-el-paro-nacional-segun-sutran-mtc-mapa-de-bloqueos-en-tiempo-real-atmp", "2023-01-19", "live page updated after this date"),
    "siglo-2023": ("El Siglo de Torreón", "https://elsiglodetorreon.com.mx/noticia/2023/se-mantienen-protestas-en-el-11-del-territorio-de-peru.html", "2023-01-15", "date uncertain: 'this Sunday', likely 15 Jan"),
    "lr-2023-01-17": ("La República", "https://larepublica.pe/sociedad/2023/01/17/persisten-bloqueos-en-cusco-puno-y-arequipa-protestas-paro-dina-boluarte-congreso-lrsd/", "2023-01-17", ""),
    "jornada-2023-01-18": ("La Jornada", "https://www.jornada.com.mx/2023/01/18/mundo/021n1mun?partner=rss", "2023-01-18", ""),
    "americatv-466991": ("América TV", "https://americatv.com.pe/noticias/amp/actualidad/desabastecimiento-combustible-madres-dios-y-cusco-n466991", "2023-01-18", "publication date not in the URL; date of the events reported"),
    "hba-cusco": ("HBA Noticias", "https://hbanoticias.pe/cusco-pobladores-continuan-bloqueando-vias", "2023-01-18", "publication date not in the URL; date of the events reported"),
    "lr-2023-01-20-macusani": ("La República", "https://larepublica.pe/politica/actualidad/2023/01/20/paro-nacional-protesta-pacifica-en-macusani-termino-en-tragedia-protestas-por-vacancia-puno-juliaca/?outputType=amp", "2023-01-20", ""),
    "elcomercio-sutran-127": ("El Comercio", "https://elcomercio.pe/lima/sucesos/protestas-en-peru-los-bloqueos-de-vias-se-reducen-pero-el-sur-sigue-en-alerta-carreteras-sutran-noticia/", "2023-01-19", "publication date not in the URL; date of the count reported"),
    "lr-2023-01-20-airports": ("La República", "https://larepublica.pe/amp/sociedad/2023/01/20/protestas-arequipa-cusco-juliaca-aeropuertos-de-3-ciudades-bajo-el-fuego-lrsd", "2023-01-20", ""),
    "elcomercio-tres-intentos": ("El Comercio", "https://elcomercio-elcomercio-prod.cdn.arcpublishing.com/peru/tres-intentos-de-tomar-aeropuertos-dos-fallecidos-y-varios-heridos-asi-se-desarrollo-la-jornada-en-regiones-protestas-en-peru-arequipa-muerto-puno-macusani-cusco-aeropuertos-noticia", "2023-01-19", "publication date not in the URL; date of the events reported"),
    "lr-2023-01-20-kennedy": ("La República", "https://larepublica.pe/sociedad/2023/01/20/marcha-en-lima-9-detenidos-en-el-parque-kennedy-seran-trasladados-a-la-sede-pnp-de-la-av-espana/", "2023-01-20", ""),
    "lr-2023-01-20-ilave": ("La República", "https://larepublica.pe/amp/sociedad/2023/01/20/puno-confirman-un-fallecido-tras-enfrentamientos-entre-la-pnp-y-manifestantes-en-ilave-pnp-dina-boluarte-marchas-en-peru-mdga", "2023-01-20", ""),
    "pl-2023-01-21": ("Prensa Latina", "https://archivo.prensa-latina.cu/2023/01/21/policia-deja-ciudad-de-peru-tras-nueva-muerte-de-civil-en-protesta", "2023-01-21", ""),
    "lr-2023-01-21-chao": ("La República", "https://larepublica.pe/amp/sociedad/2023/01/21/paro-nacional-muertes-y-bloqueo-de-carreteras-en-chao-viru-protestas-en-la-libertad-trujillo", "2023-01-21", ""),
    "elmercurio-2023-01-21": ("El Mercurio (Cuenca)", "https://www.elmercurio.com.ec/2023/01/21/detenidos-desalojo-universidad-peru/", "2023-01-21", ""),
    "boveda-mapi": ("Bóveda Informativa", "https://bovedainformativa.com.mx/peru-cierra-machu-picchu-por-protestas-contra-gobierno", "2023-01-21", "publication date not in the URL; event day inferred from 'on Saturday'"),
    "lr-2023-01-24-mdd": ("La República", "https://larepublica.pe/amp/sociedad/2023/01/24/paro-nacional-madre-de-dios-aislada-por-bloqueos-y-el-gas-ya-llega-a-s300-desabastecimiento-mineros-interoceanica-190576", "2023-01-24", ""),
    "panam-371167": ("Panamericana Televisión", "https://lsw2.panamericana.pe/locales/371167-sutran-80-vias-encuentran-bloqueadas-manifestantes", "2023-01-24", "publication date not in the URL; date of the count reported"),
    "gestion-defensoria-90": ("Gestión", "https://gestion.pe/peru/defensoria-del-pueblo-confirma-90-puntos-de-bloqueo-en-vias-nacionales-por-protestas-noticia/?outputType=amp", "2023-01-25", "publication date not in the URL; date per Andina/Exitosa"),
    "elcomercio-sutran-83": ("El Comercio", "https://elcomercio.pe/peru/carreteras-bloqueadas-en-peru-protestas-en-peru-sutran-cuantas-y-cuales-son-las-vias-bloqueadas-en-el-pais-panamericana-sur-carretera-central-noticia", "2023-01-27", "publication date not in the URL; date of the count reported"),
    "lr-2023-01-27-ucayali": ("La República", "https://larepublica.pe/sociedad/2023/01/27/de-500-vehiculos-permanecen-varados-bloqueo-de-carretera-en-ucayali-lrnd-142600", "2023-01-27", ""),
    "americatv-467731": ("América TV", "https://www.americatv.com.pe/noticias/actualidad/pucallpa-sitiada-piquetes-que-impiden-abastecimiento-productos-primera-necesidad-n467731", "2023-01-31", "publication date unknown; the end of January is assumed"),
    "ptv-curfew-2023-01-25": ("TV Perú", "https://ptv.pe/2023-en-24-horas/nacionales/371209-gobierno-prorroga-10-dias-toque-queda-puno-partir-hoy-25-enero", "2023-01-25", ""),
    "americatv-km-posts": ("América TV", "https://www.americatv.com.pe", "2023-03-06", "report of 6 March 2023 on roads blocked in Puno, reading out SUTRAN kilometre posts on PE-3S (highways.md gives only the site address)"),
    "veneportal-2023-01-29": ("Veneportal", "https://veneportal.com/noticias/2023/01/29/peru-registra-enfrentamientos-ante-la-sede-del-congreso-2", "2023-01-29", ""),
}

# The seed reports carry no URL of their own. Following the project's rule, a seed citation
# points at the URL of the facts row that reports the same fact, and its note says so.
SEED_NAME = "Kawsachun News (via the Struggle-La Lucha bulletin)"
SEED_DATES = {"2023-01-09": "2023-01-09", "2023-01-10": "2023-01-10"}
