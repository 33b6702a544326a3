"""The words the news-report extractor reads, in Spanish and English.

Every pattern runs on folded text (lower case, no accents: :func:`geo.intake.extract.text.fold_same_length`).
They name what happened (the contract's kinds), who was hurt, who reports, and the cues that
tell a new figure from an interim one or from a reference to an earlier event. Kept apart
from the logic so a third language is a new table, not new code.
"""
from __future__ import annotations

import re

__all__ = ["KIND_PATTERNS", "BLOCKADE_MEANS", "CLOSURE_VERB", "CLOSURE_OBJECT", "OCCUPY", "STATUS", "PERSON", "METRIC_NOUNS",
           "REPORTING", "NATIONAL", "STRONG_NATIONAL", "ACCIDENT", "INTERIM", "UPDATE", "REFERENCE", "ELSEWHERE", "PLAN", "ATTEMPT", "SAME_AGAIN", "DEFINITE", "SUBSET",
           "CONTINUATION", "IN_CLASHES", "NOT_HEADCOUNT", "LOCATIVE", "SITE_NOUN", "STREET_NOUN", "REGION_NOUN",
           "PROVINCE_NOUN", "ROAD_NOUN", "SAME_ROAD", "KM_POST", "STOP_CAPITALS",
           "NAME_LOCATIVE", "NAME_BETWEEN", "PROXIMITY", "NAME_AFTER_PLACE_NOUN", "PLACE_NOUN_BEFORE", "PLACE_HEADS", "SITE_HEADS", "NOT_PLACE_WORDS",
           "TITLE_WORDS", "NOT_PLACE_NAMES", "OUTLETS", "OUTLET_BEFORE", "OUTLET_AFTER", "PERSON_AFTER",
           "ROAD_AFTER", "DEMONYM", "PRESS_AFTER", "PRESS_BEFORE", "compile_words"]


def compile_words(*alternatives: str) -> re.Pattern:
    """One word-bounded pattern from regex alternatives."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w])")


#: What happened: the contract's kinds (closure is read separately: a verb and an object).
KIND_PATTERNS: dict[str, dict[str, re.Pattern]] = {
    "blockade": {
        "es": compile_words(r"bloque(?:o|os|a|an|ada|adas|ado|ados|aron|aban|ando|ar|ó)", r"desbloque\w+",
                            r"toma de (?:la |las |los )?(?:carretera|via|vias|puente|pista|carreteras)",
                            r"tomaron (?:la |el |las |los )?(?:carretera|via|vias|puente|pista|carreteras)",
                            r"ocup(?:aron|o|an|a|aban|ando) (?:la |el |las |los )?(?:carretera|via|vias|puente|pista|carreteras)",
                            r"piquetes?", r"barricadas?",
                            r"(?:transito|paso|trafico|circulacion)(?: vehicular)? (?:interrumpid|restringid|bloquead|cortad)\w*",
                            r"(?:vias?|carreteras?|rutas?|tramos?|pistas?|accesos?)(?: \w+)? (?:interrumpid|cortad)\w*",
                            r"cortaron (?:el paso|la via|la carretera|el transito)",
                            # "cerraron todos los accesos", "cerraron las carreteras": a road shut by people is blocked
                            r"cerr(?:aron|aban|an|o|ando) (?:todos |todas )?(?:los |las |el |la )?(?:accesos?|vias?|carreteras?|caminos?|pistas?)",
                            r"(?:se )?(?:ha |han |habia |habian )?(?:cortado|interrumpido|bloqueado|restringido) "
                            r"(?:el|la) (?:transito|trafico|paso|circulacion)",
                            r"cierre de (?:vias|carreteras|la carretera|la via|accesos)"),
        "en": compile_words(r"(?<!a )(?<!one )(?<!two )(?<!few )(?<!city )block(?:ed|ade|ades|ing|s)?(?! away| from)",
                            r"roadblocks?", r"road ?blocks?", r"barricades?",
                            r"picket(?:s|ers| holders| lines?)?",
                            r"(?:roads?|highways?|routes?|access(?:es)?) (?:\w+ ){0,2}(?:cut|obstructed)",
                            r"cut off (?:the )?(?:road|highway|access)",
                            r"(?:closed|shut) (?:off )?(?:all )?(?:the )?(?:access )?(?:roads?|highways?|accesses)"),
    },
    "protest": {
        "es": compile_words(r"march(?:a|as|aron|aban|an|o|ando|aran)(?! \d)", r"movilizaci(?:on|ones)",
                            r"(?:se )?moviliz(?:aron|an|o|aban)", r"manifestaci(?:on|ones)", r"mitin(?:es)?",
                            r"planton(?:es)?", r"concentraci(?:on|ones)", r"se concentr(?:aron|an|o)",
                            r"vigilias?", r"acat\w+ (?:el|un|la) (?:paro|huelga)",
                            r"(?:inici|cumpl|sum|realiz)\w* (?:al|el|un|una|la) (?:paro|huelga)",
                            r"huelgas?", r"huelguistas", r"protestaron", r"salieron a las calles", r"cacerolazos?", r"caravanas?"),
        "en": compile_words(r"(?<!\d )march(?:ed|es|ing)?(?! \d)", r"rall(?:y|ies|ied)", r"demonstrations?",
                            r"demonstrated", r"protested", r"took to the streets", r"vigils?", r"sit-ins?",
                            r"general strike", r"went on strike", r"strikers?"),
    },
    "clash": {
        "es": compile_words(r"enfrentamientos?", r"se enfrent\w+", r"enfrentaron", r"choques?", r"reprimi\w+",
                            r"represion", r"repelieron", r"dispararon", r"balacera", r"trifulca", r"refriega",
                            r"heridos? de bala", r"perdigones"),
        "en": compile_words(r"clash(?:ed|es|ing)?", r"confrontations?", r"fought", r"skirmish\w*",
                            r"opened fire", r"fired (?:on|at)", r"shot dead", r"crackdown", r"repress\w+"),
    },
    "detention": {
        "es": compile_words(r"detenid[oa]s?", r"detuv\w+", r"detenci(?:on|ones)", r"arrestad[oa]s?",
                            r"arrestos?", r"capturad[oa]s?", r"aprehendid[oa]s?"),
        "en": compile_words(r"detain(?:ed|ing|s)?", r"detentions?", r"arrest(?:ed|s|ing)?", r"in custody",
                            r"rounded up"),
    },
    "other": {
        "es": compile_words(r"incendi(?:o|os|aron|ada|adas|ado|ados|ar|an|aban)", r"quem(?:aron|o|ada|ado|adas|ados|an)",
                            r"prendi(?:eron|o|endo) fuego", r"saque(?:o|os|aron|ada|ado|adas|ados)",
                            r"atac(?:aron|o|ada|ado|adas|ados|an)", r"ataques?", r"destroz(?:os|aron|ada|ado)",
                            r"vandaliz\w+", r"apedre\w+", r"asalt(?:aron|o|ada|ado)", r"irrumpi\w+",
                            r"(?:murieron|muri[oa]|fallecieron|perecieron) ahogad[oa]s?", r"se ahog\w+",
                            r"agresi(?:on|ones) contra",
                            # taking a building or a plant ("tomaron la planta", "tomar la estación eléctrica")
                            r"tom(?:aron|o|ar|an) (?:la|el|las|los) (?:estacion|planta|central|mina|sede|local|comisaria|"
                            r"municipalidad|instalaciones)"),
        "en": compile_words(r"set (?:on )?fire", r"set ablaze", r"set alight", r"torched", r"burn(?:ed|t)",
                            r"arson", r"loot(?:ed|ing)", r"ransack\w*", r"attack(?:ed)?", r"vandali[sz]\w+",
                            r"stormed", r"drowned"),
    },
}

#: Burning tyres, stones and logs on a road are how a blockade is made (and burning tyres no arson of their own).
BLOCKADE_MEANS = {
    "es": compile_words(r"(?:llantas|neumaticos|cauchos)(?: \w+)? (?:quemad[oa]s|encendid[oa]s|en llamas|ardiendo)",
                        r"quem(?:a|aron|ando|ar|an)(?: de)? (?:llantas|neumaticos|cauchos)",
                        r"(?:prendieron|prendio|prenden|prendiendo) fuego a (?:las |unas |varias )?(?:llantas|neumaticos)",
                        r"incendi(?:aron|an|ando) (?:las |unas |varias )?(?:llantas|neumaticos)",
                        r"(?:piedras|rocas|troncos|pedrones|escombros|arboles)(?: \w+){0,3} (?:en|sobre) "
                        r"(?:la|las) (?:pista|pistas|via|vias|carretera|calzada)"),
    "en": compile_words(r"burn(?:ing|ed|t)? (?:of )?(?:tyres|tires)", r"(?:tyres|tires) (?:were )?(?:set )?(?:on fire|ablaze|alight|burning)",
                        r"set (?:tyres|tires) (?:on fire|ablaze|alight)",
                        r"(?:rocks|stones|boulders|logs|tree trunks|debris)(?: \w+){0,3} (?:on|across) the (?:road|highway|roads)"),
}
#: A closure is a shutting verb near an airport, border, railway or site (not a market or a school).
CLOSURE_VERB = {
    "es": compile_words(r"cierr[ea]n?", r"cerrar", r"cierres?", r"cerr(?:ado|ada|ados|adas|aron|o|aba)", r"clausur\w+",
                        r"suspend\w+", r"suspensi(?:on|ones)", r"cancelad[oa]s", r"cancel(?:aron|o)",
                        r"inoperativ[oa]s?", r"sin operaciones", r"no oper\w+", r"paraliz\w+"),
    "en": compile_words(r"clos(?:ed|e|es|ing|ure|ures)", r"shut(?: down)?", r"suspend\w*", r"halt\w*",
                        r"cancel\w*", r"grounded"),
}
CLOSURE_OBJECT = {
    "es": compile_words(r"aeropuertos?", r"terminal aerea", r"vuelos?", r"fronteras?", r"pasos? fronterizos?",
                        r"puentes? internacional(?:es)?", r"cebaf", r"ferrocarril", r"trenes", r"tren",
                        r"vias? ferreas?", r"machu picchu", r"ciudadela", r"camino inca", r"aduana",
                        r"garita", r"complejo arqueologico", r"sitio arqueologico"),
    "en": compile_words(r"airports?", r"flights?", r"borders?", r"border (?:crossings?|posts?)", r"cebaf",
                        r"railways?", r"rail", r"trains?", r"machu picchu", r"citadel", r"inca trail",
                        r"customs post"),
}
#: Taking over a site ("toma del aeropuerto", "stormed the airport") closes it.
OCCUPY = {
    "es": compile_words(r"tom(?:a|aron|o|ar) (?:del?|el|la) (?:aeropuerto|terminal aerea)"),
    "en": compile_words(r"(?:storm(?:ed)?|took over|occupied|seized) the airport"),
}

#: What happened to the people a number counts.
STATUS = {
    "dead": {
        "es": compile_words(r"muert[oa]s?", r"fallecid[oa]s?", r"fallecimientos?", r"muertes", r"victimas mortales",
                            r"victimas fatales", r"perdieron la vida", r"perdido la vida", r"murieron", r"han muerto", r"han fallecido", r"muri(?:o|eron)",
                            r"fallecieron", r"fallecio", r"decesos", r"asesinad[oa]s", r"sin vida"),
        "en": compile_words(r"dead", r"deaths?", r"killed", r"died", r"fatalities", r"lives? lost",
                            r"lost their lives", r"bodies"),
    },
    "injured": {
        "es": compile_words(r"herid[oa]s?", r"lesionad[oa]s?", r"resultaron heridos"),
        "en": compile_words(r"injured", r"wounded", r"hurt", r"injuries"),
    },
    "detained": {
        "es": compile_words(r"detenid[oa]s?", r"arrestad[oa]s?", r"capturad[oa]s?", r"aprehendid[oa]s?",
                            r"detenciones", r"retenid[oa]s", r"detuv(?:o|ieron) a", r"arrest(?:o|aron) a",
                            r"captur(?:o|aron) a"),
        "en": compile_words(r"detained", r"arrested", r"arrests", r"detentions", r"in custody", r"(?:were|was) held",
                            r"held"),
    },
}
PERSON = {
    "es": compile_words(r"personas?", r"civiles", r"civil", r"policias?", r"manifestante", r"comunero", r"poblador",
                        r"ciudadano", r"joven", r"menor", r"nino", r"mujer", r"hombre", r"agente", r"efectivo",
                        r"militar", r"soldado", r"estudiante", r"minero", r"agricultor", r"campesino", r"agentes", r"efectivos(?: policiales)?",
                        r"militares", r"soldados", r"manifestantes", r"ciudadanos", r"comuneros", r"pobladores",
                        r"menores(?: de edad)?", r"ninos", r"mujeres", r"hombres", r"jovenes", r"estudiantes",
                        r"mineros", r"agricultores", r"campesinos", r"protestantes", r"trabajadores",
                        r"miembros", r"uniformados", r"de ellos", r"mas"),
    "en": compile_words(r"people", r"persons?", r"civilians?", r"police(?:men| officers)?", r"officers?",
                        r"soldiers?", r"troops", r"protesters?", r"demonstrators?", r"residents", r"minors",
                        r"children", r"women", r"men", r"students", r"miners", r"farmers",
                        r"more", r"others?"),
}
#: National or regional figures that are not casualties: the contract's count metrics.
METRIC_NOUNS = {
    "blockade_points": {
        "es": compile_words(r"puntos?(?: de (?:bloqueo|interrupcion|conflicto))?", r"bloqueos"),
        "en": compile_words(r"(?:blocked |blockade |block )?points?", r"blockades", r"roadblocks"),
    },
    "roads_blocked": {
        "es": compile_words(r"(?:vias|carreteras|rutas|tramos|corredores viales)(?: nacionales| de la red vial nacional)?"),
        "en": compile_words(r"(?:national |main )?(?:roads|highways|routes|road sections)"),
    },
    "regions_affected": {
        "es": compile_words(r"regiones", r"departamentos"),
        "en": compile_words(r"regions", r"departments"),
    },
}

#: A verb or phrase that makes the body near it the one giving the figure.
REPORTING = {
    "es": compile_words(r"segun", r"report\w+", r"inform\w+", r"indic\w+", r"senal\w+", r"precis\w+", r"confirm\w+",
                        r"registr\w+", r"contabiliz\w+", r"cont(?:o|aron)", r"dijo", r"sostuvo", r"detall\w+",
                        r"advirti\w+", r"preciso", r"actualiz\w+", r"dio a conocer", r"balance"),
    "en": compile_words(r"according to", r"report\w*", r"said", r"says", r"counted", r"count", r"confirm\w*",
                        r"registered", r"recorded", r"put", r"gave", r"tally", r"announced", r"stated"),
}
#: Cues that a figure is national or cumulative rather than one event's.
NATIONAL = {
    "es": compile_words(r"desde (?:el inicio|que|el comienzo|diciembre|enero|noviembre|el \d+ de \w+)",
                        r"en total", r"suma", r"suman", r"sumaron", r"acumula", r"acumulan", r"ya son", r"ascien\w+", r"ascendi\w+", r"se elev\w+",
                        r"hasta (?:la fecha|el momento|ahora|hoy)", r"a nivel nacional", r"en todo el pais",
                        r"en el pais", r"del pais", r"nacionales", r"nacionalmente", r"cifra total", r"total de",
                        r"en (?:\d+|varias|diversas|distintas) regiones", r"acumulad\w+", r"regiones"),
    "en": compile_words(r"since", r"in total", r"in all", r"so far", r"to date", r"nationwide",
                        r"across the country", r"in the country", r"nationally", r"total",
                        r"overall", r"death toll", r"countrywide", r"regions"),
}
INTERIM = {
    "es": compile_words(r"primer(?:os|as|a|o)? (?:reportes?|informes?|cifras?|balances?|datos|versiones)",
                        r"inicialmente", r"en un (?:primer momento|inicio|principio)", r"preliminar\w*",
                        r"(?:un|el) primer (?:balance|reporte|informe|conteo)",
                        r"al principio", r"previamente", r"se habia(?:n)? (?:reportado|informado)",
                        r"habia(?:n)? (?:reportado|informado|dado)", r"cifra anterior", r"inicial(?:es)?"),
    "en": compile_words(r"first (?:reports?|figures?|counts?|tally|tallies|estimates?)", r"initial(?:ly)?",
                        r"preliminary", r"earlier (?:reports?|figures?|counts?|tally)", r"previously",
                        r"had (?:reported|said|given)", r"early reports?", r"at first", r"had earlier",
                        r"earlier (?:put|gave|said|reported|spoke)", r"(?:an|the) earlier"),
}
UPDATE = {
    "es": compile_words(r"luego", r"mas tarde", r"posteriormente", r"finalmente", r"actualizad\w+",
                        r"se elev\w+", r"elev\w+ a", r"ascendi\w+ a", r"aument\w+ a", r"subi\w+ a",
                        r"(?:sube|asciende|aumenta|llega) a", r"nueva cifra",
                        r"ultima cifra", r"ultimo (?:reporte|balance)", r"cifra final", r"balance final"),
    "en": compile_words(r"later", r"updated?", r"(?:officials|authorities|police) (?:later )?(?:said|put|gave)", r"rose to", r"risen to", r"climbed to", r"increased to",
                        r"new (?:count|tally|figure)", r"latest", r"final (?:toll|count|tally)", r"revised"),
}
#: Deaths that a blockade caused without a confrontation (an ambulance held up, a crash).
ACCIDENT = {
    "es": compile_words(r"accidentes?", r"ambulancias?", r"atrapad[oa]s?", r"varad[oa]s?", r"no pudo pasar",
                        r"impidieron el paso", r"falta de atencion", r"volc\w+", r"despist\w+", r"ahog\w+"),
    "en": compile_words(r"accidents?", r"ambulances?", r"stranded", r"trapped", r"could not pass", r"crash\w*",
                        r"held up", r"overturned", r"drown\w*"),
}
#: Strong cues that a figure is the country's, even beside a place.
STRONG_NATIONAL = {
    "es": compile_words(r"a nivel nacional", r"en todo el pais", r"en el pais", r"del pais", r"en total",
                        r"en (?:\d+|varias|diversas|distintas) regiones", r"acumulad\w+",
                        # the movement as a whole, with no place of its own: "las protestas (...) han dejado 28"
                        # (not its frame: "en el marco de las movilizaciones", "durante las protestas")
                        r"(?<!marco de )(?<!durante )(?<!tras )"
                        r"(?:las|estas|dichas) (?:protestas|movilizaciones|manifestaciones)(?: sociales)?"
                        r"(?! (?:en|de|del) [a-z])"),
    "en": compile_words(r"nationwide", r"across the country", r"in the country", r"nationally", r"in total",
                        r"in all", r"countrywide", r"so far", r"to date", r"across \d+ regions",
                        r"(?<!during )(?<!amid )(?<!after )"
                        r"(?:the|these) (?:protests|unrest|demonstrations|turmoil)(?! (?:in|at|of) [a-z])"),
}
#: Cues that casualties are an earlier event recalled, not new ones.
REFERENCE = {
    "es": compile_words(r"por (?:la|las) muertes?", r"tras (?:la|las) muertes?", r"en memoria", r"en homenaje",
                        r"justicia (?:por|para)", r"recorda\w+", r"lament\w+", r"condolencias", r"velorios?",
                        r"velatorios?", r"sepelios?", r"entierros?", r"funerales?", r"exig\w+ justicia",
                        r"masacre", r"duelo"),
    "en": compile_words(r"for the (?:deaths?|dead|killings?|victims)", r"after the (?:deaths?|killings?)",
                        r"in memory", r"mourn\w*", r"funerals?", r"vigil for", r"justice for", r"honou?r(?:ing)?",
                        r"massacre", r"commemorat\w+"),
}
#: Words before a place that make it where people came from or were heading, not where anything
#: happened: "llegados desde Cusco", "con destino a Tacna", "protesters from remote regions",
#: "transport bound for Arequipa". Read on the text between the place and its clause's start.
ELSEWHERE = {
    "es": compile_words(r"(?:procedentes?|provenientes?|oriund[oa]s|originari[oa]s|llegad[oa]s|venid[oa]s) (?:de|desde)",
                        r"(?:viaj|lleg|arrib|vin|acud)\w* (?:a (?:la capital|lima) )?desde",
                        r"con destino a", r"rumbo a", r"se dirig\w+ a", r"en direccion a"),
    "en": compile_words(r"(?:protesters|demonstrators|people|residents|travell?ers|delegations?|marchers|supporters)"
                        r"(?:,)?(?: \w+){0,2} from", r"(?:came|travell?ed|arrived|poured in) from",
                        r"bound(?: \w+)? for", r"head(?:ed|ing) (?:\w+ )?(?:to|for)", r"on (?:their|its) way to",
                        r"en route to", r"travel\w* to"),
}
#: The same again at another place: "Lo mismo ocurre en Ilave", "the same happened in Juli". The
#: place named takes the action (and the day) of the event just told.
SAME_AGAIN = {
    "es": compile_words(r"lo mismo (?:ocurre|ocurrio|sucede|sucedio|pasa|paso|se registra|se registro)",
                        r"(?:algo similar|igual|similar panorama|un panorama similar) (?:ocurre|ocurrio|sucede|sucedio|"
                        r"pasa|paso|hubo|se vivio|se vive)",
                        # "El miércoles se les unió el aeropuerto de B": B joined the ones just told.
                        r"se (?:les? )?(?:unio|unieron|une|unen)(?! a la (?:protesta|marcha|huelga|paro|movilizacion))"),
    "en": compile_words(r"the same (?:happened|happens|occurred|was true|went on)", r"(?:similar scenes|the same scenes) "
                        r"(?:were|are) (?:reported|seen)", r"followed suit"),
}
#: Words right before an action that make it a plan, a call or a threat, not something that
#: happened: "amenazan con bloquear", "anunciaron un paro", "plan to block", "will march".
PLAN = {
    "es": re.compile(r"(?:^|\W)(?:amenaz\w+ con|anunci\w+ (?:un|una|el|la|los|las|nuev[oa]s?)|planea\w*|planific\w+|convoc\w+(?: a| para)?|"
                     r"acord\w+|prev(?:e|en|eian)|van a|iban a|vamos a|piensan|evalu\w+|no descart\w+|"
                     r"prepar\w+|alist\w+|llam\w+ a|exhort\w+ a|proyect\w+|propon\w+|"
                     r"se realizar(?:a|an)|se llevar(?:a|an) a cabo|realizar(?:a|an)|acatar(?:a|an)|"
                     r"(?:iniciar|cumplir|empezar|comenzar)(?:a|an)|de no (?:ser|haber)\w*)"
                     r"(?:\s+\w+){0,3}\s+$"),
    "en": re.compile(r"(?:^|\W)(?:plan(?:s|ned|ning)? to|threat(?:en|ens|ened) to|will|would|vow(?:s|ed)? to|"
                     r"call(?:s|ed)? for|announc\w+ (?:a|an|new|the)|(?:is|are|were|was) (?:set|due|expected) to|intend\w* to|"
                     r"prepar\w+ to|warn\w+ (?:of|that))(?:\s+\w+){0,3}\s+$"),
}
#: Words right before an action that make it an attempt (a protest, not the act itself): "intentaron
#: tomar el aeropuerto", "tried to take the airport".
ATTEMPT = {
    "es": re.compile(r"(?:^|\W)(?:intent\w+(?: de)?|trat\w+ de|quisieron|pretendi\w+|buscaron|"
                     r"amag\w+ con)(?:\s+\w+){0,2}\s+$"),
    "en": re.compile(r"(?:^|\W)(?:tr(?:y|ied|ying) to|attempt\w* to|sought to|seek\w* to)(?:\s+\w+){0,2}\s+$"),
}
DEFINITE = {
    "es": re.compile(r"(?:^|\W)(?:los|las|sus|estos|esas|esos|estas|aquellos|dichos|dichas)\s+$"),
    "en": re.compile(r"(?:^|\W)(?:the|those|these|their|its)\s+$"),
}
#: "(19 de ellos policías)", "including 6 police": a part of the figure before, not more.
SUBSET = {
    "es": compile_words(r"de ellos", r"de ellas", r"de los cuales", r"de las cuales", r"entre ellos", r"entre ellas",
                        r"incluid[oa]s?", r"incluyendo", r"entre los que", r"de estos"),
    "en": compile_words(r"of them", r"of whom", r"of which", r"including", r"among them", r"among whom",
                        r"includ(?:es|ed)"),
}
CONTINUATION = {
    "es": re.compile(r"(?:(?:^|[\s,;])(?:y|e|otros|otras|mas|ademas de|asi como)|,)\s*(?:otros|otras)?\s*$"),
    "en": re.compile(r"(?:(?:^|[\s,;])(?:and|plus|another|other|others)|,)\s*(?:another|other)?\s*$"),
}
IN_CLASHES = {
    "es": compile_words(r"enfrentamientos?", r"choques?", r"disturbios", r"represion", r"con (?:la|las) (?:policia|fuerzas)",
                        r"por (?:armas? de fuego|impactos? de bala|proyectil\w*)"),
    "en": compile_words(r"clash(?:es)?", r"confrontations?", r"riots?", r"with (?:the )?(?:police|security forces|soldiers)",
                        r"by (?:gunfire|bullets)"),
}
#: Numbers that are not head counts: ages, hours, money, percentages, years.
NOT_HEADCOUNT = re.compile(r"^\s*(?:anos|ano|years?|horas?|hours?|minutos|minutes|soles|dolares|dollars|"
                           r"%|por ciento|percent|per cent|metros|meters|metres|km|kilometros|kilometers|"
                           r"dias|days|semanas|weeks|meses|months|de la manana|de la tarde|de la noche|a\.? ?m|p\.? ?m|"
                           r"vuelos|flights|pasajeros|passengers|turistas|tourists|vehiculos|vehicles|camiones|trucks)\b")

#: Words before a place that say "in/at this place".
LOCATIVE = {
    "es": re.compile(r"(?:^|\W)(?:en|de|del|desde|hacia|hasta|a|al|entre|por|cerca de|a la altura de|"
                     r"en las afueras de|en los alrededores de|en la ciudad de|en el distrito de|"
                     r"en la localidad de|en el centro poblado de)\s+$"),
    "en": re.compile(r"(?:^|\W)(?:in|at|of|from|to|near|outside|around|towards|toward|between|into|across|"
                     r"on the outskirts of|in the city of|in the town of)\s+$"),
}
#: Nouns of a site in a town ("comisaría de Ilave", "airports of ..."); the town is the place.
SITE_NOUN = {
    "es": re.compile(r"(?:aeropuertos?|puentes?|comisarias?|terminal(?:es)?(?: terrestres?)?|plaza de armas|"
                     r"municipalidad(?:es)?|garitas?|peajes?|frontera|sede|local(?:es)?|agencias?|oficinas?|"
                     r"acceso(?:s)?|salida|ingreso|entrada|ciudad|localidad|distrito|centro poblado|"
                     r"comunidad(?:es)?|provincia|"
                     r"estacion(?:es)? (?:electrica|de energia(?: electrica)?|de bombeo)|central(?:es)? (?:hidroelectrica|termica)|"
                     r"mina|campamento(?: minero)?)\s+(?:de |del |internacional de |principal de )?$"),
    "en": re.compile(r"(?:airports?|bridges?|police stations?|bus terminals?|city|town|district|outskirts|power (?:station|plant)s?|"
                     r"entrances?|accesses?|exits?|province)\s+(?:of |in )?$"),
}
#: Words around a place that make it where the reporters are, not where something happened:
#: "Puno news outlets", "the Cusco press", "medios de Puno", "la prensa local de Juliaca".
PRESS_AFTER = re.compile(r"(?:'s)?\s+(?:local\s+|regional\s+)?(?:news\s+outlets|news\s+media|media\s+outlets|outlets|media|press|"
                         r"newspapers?|radio\s+stations?|broadcasters?|journalists|reporters)(?![\w])")
PRESS_BEFORE = re.compile(r"(?:medios|prensa|periodistas|diarios|emisoras|radios)(?:\s+(?:locales|regionales|local|regional))?"
                          r"\s+(?:de|del)\s+(?:la ciudad de\s+)?$")
#: Words before a capitalised name that make it a street or a building, not a town.
STREET_NOUN = re.compile(r"(?:avenida|av|avda|calle|jiron|jr|plaza|parque|alameda|ovalo|paseo|urbanizacion|urb|"
                         r"pasaje|psje|colegio|universidad|hospital|estadio|mercado|coliseo|iglesia|"
                         r"asentamiento humano|street|avenue|square|park|university|hospital|stadium|"
                         r"banco|caja|diario|radio|canal|congresista|presidente|presidenta|ministro|ministra|"
                         r"alcalde|gobernador|senor|senora|mr|mrs|president|minister|mayor|governor|"
                         r"identificad[oa] como|llamad[oa]|identified as|named)\.?\s+$")
REGION_NOUN = re.compile(r"(?:region(?:es)?|departamento(?:s)?|department|region of|department of)\s+"
                         r"(?:de |del |of )?$")
PROVINCE_NOUN = re.compile(r"(?:provincia|province|distrito|district)\s+(?:de |del |of )?$")
ROAD_NOUN = re.compile(r"(?<![\w])(?:carretera|via|ruta|autopista|vía|road|highway|route|tramo)\s+$")
SAME_ROAD = re.compile(r"(?<![\w])(?:la misma via|la misma carretera|dicha via|dicha carretera|esa via|"
                       r"the same (?:road|highway|route))(?![\w])")
KM_POST = re.compile(r"(?<![\w])(?:kilometro|kilometros|km\.?|kilometer|kilometre)\s*(\d{1,4}(?:[.,]\d{1,3})?)(?![\d])")

#: Capitalised words that start sentences or name institutions, never a town on their own.
STOP_CAPITALS = {
    "en", "el", "la", "los", "las", "por", "segun", "entre", "tras", "desde", "para", "con", "sin", "un", "una",
    "de", "del", "al", "a", "y", "e", "o", "que", "se", "su", "sus", "este", "esta", "estos", "estas", "ese",
    "esa", "otros", "otras", "hoy", "ayer", "asimismo", "ademas", "mientras", "durante", "sobre", "hasta",
    "the", "in", "on", "at", "of", "and", "an", "by", "for", "from", "to", "with", "after", "before",
    "this", "that", "these", "those", "meanwhile", "also", "some", "many", "police", "policia",
}


# ---------------------------------------------------------------- names the gazetteer does not know
# A capitalised name the gazetteer lacks is read as a place only where the sentence uses it as
# one (geo.intake.extract.names); these tables say where that is and what is never a place.

#: Words right before a name that say "at this place" (folded text; an article may follow).
#: Narrower than LOCATIVE: a bare "de", "a" or "por" is as often a person's, a body's or a street's.
NAME_LOCATIVE = {
    "es": re.compile(r"(?:^|\W)(?:en|frente a|cerca de|a la altura de|hacia|rumbo a|junto a|"
                     r"en las afueras de|a las afueras de|en los alrededores de|en las inmediaciones de|"
                     r"en inmediaciones de|a pocos (?:metros|kilometros) de)\s+(?:(?:el|la|los|las)\s+)?$"),
    "en": re.compile(r"(?:^|\W)(?:in|at|near|outside|around|towards|toward|on the outskirts of|"
                     r"(?:a few|several) (?:miles|kilometres|kilometers) from)\s+(?:the\s+)?$"),
}
#: "entre A y B", "between A and B": a place only when the other end is a known place.
NAME_BETWEEN = {"es": re.compile(r"(?:^|\W)entre\s+(?:(?:el|la|los|las)\s+)?$"),
                "en": re.compile(r"(?:^|\W)between\s+(?:the\s+)?$")}
#: A place noun right before a name ("sector Inayo", "caserío de X", "the village of X"); with
#: SITE_NOUN and PROVINCE_NOUN, it licenses a name the gazetteer lacks.
PLACE_NOUN_BEFORE = re.compile(r"(?:^|\W)(?:sector(?:es)?|cruce|desvio|caserio|anexo|barrio|zona|paraje|pueblo|poblado|centro poblado|"
                               r"comunidad(?:es)? (?:campesinas?|nativas?)|comunidad|localidad|distrito|provincia|"
                               r"village|hamlet|community|settlement|district|province|town)\s+"
                               r"(?:(?:de|del|of)\s+)?(?:(?:la|el|los|las|the)\s+)?$")
#: A place noun right after a name: "Padre Abad province", "Cunyac bridge".
NAME_AFTER_PLACE_NOUN = re.compile(r"^\s+(?P<noun>province|provincia|district|distrito|bridge|toll(?: booth)?|"
                                   r"checkpoint|junction|crossing|sector|village|community)\b")
#: Head words of a capitalised phrase whose place is the name after its "de": "Municipalidad
#: Distrital de X", "Comisaría Ciudad Municipal de X", "Centro Poblado de X". Without a "de", the
#: value says what the phrase names: ``strip`` the name after the head ("Comunidad Nativa X"),
#: ``whole`` the phrase itself ("Ciudad Nueva"), ``none`` no place ("Comisaría Central").
PLACE_HEADS = {"comisaria": "none", "municipalidad": "none", "plaza de armas": "none", "region": "none",
               "departamento": "none", "ciudad": "whole", "valle": "whole", "provincia": "strip",
               "distrito": "strip", "localidad": "strip", "centro poblado": "strip", "comunidad": "strip",
               "comunidad campesina": "strip", "comunidad nativa": "strip", "caserio": "strip", "anexo": "strip",
               "sector": "strip", "district": "strip", "province": "strip", "town": "strip", "village": "strip"}
#: Head words of a site named as a whole: "Puente Cunyac", "Peaje de Tomasire".
SITE_HEADS = {"puente", "peaje", "garita", "cruce", "desvio", "tunel"}
#: Words that make a capitalised phrase a body, a building, a street or an event, not a town.
NOT_PLACE_WORDS = {
    # bodies and offices
    "policia", "police", "defensoria", "ombudsman", "fiscalia", "prosecutor",
    "prosecutors", "gobierno", "government", "congreso", "congress", "parlamento", "parliament", "senado",
    "senate", "ministerio", "ministry", "ministro", "minister", "ejercito", "army", "fuerzas", "forces",
    "armada", "navy", "poder", "judicial", "judiciary", "corte", "court", "tribunal", "jurado", "estado",
    "state", "presidencia", "presidency", "palacio", "palace", "defensa", "superintendencia", "direccion",
    "gerencia", "prefectura", "subprefectura", "consejo", "council", "comite", "committee",
    "frente", "front", "federacion", "federation", "confederacion", "confederation", "central", "sindicato",
    "union", "asociacion", "association", "coordinadora", "movimiento", "movement", "partido", "party",
    "asamblea", "assembly", "mesa", "instituto", "institute", "oficina", "office", "agencia", "agency",
    "empresa", "company", "compania", "banco", "bank", "caja", "cooperativa", "iglesia", "church", "catedral",
    "cathedral", "universidad", "university", "colegio", "college", "school", "escuela", "hospital", "clinica",
    "clinic", "estadio", "stadium", "coliseo", "mercado", "market", "supermercado", "centro", "centre",
    "center", "onu", "un", "oea", "cidh",
    # streets and squares (a street is not a town: see STREET_NOUN)
    "avenida", "av", "calle", "jiron", "jr", "pasaje", "alameda", "paseo", "ovalo", "plaza", "parque",
    "urbanizacion", "street", "avenue", "square", "park", "boulevard",
    # events and documents
    "toma", "marcha", "paro", "huelga", "taking", "march", "strike", "ley", "law", "decreto", "decree",
    # adjectives that follow a site's noun without naming it ("el puente Internacional", "the Main square")
    "internacional", "international", "nacional", "national", "binacional", "principal", "main",
    "constitucion", "constitution",
}
#: Titles and roles that head a person's name ("Presidente Castillo", "General Romero"). A name
#: after "provincia de" keeps them: "Coronel Portillo", "Padre Abad" are provinces.
TITLE_WORDS = {"presidente", "presidenta", "president", "premier", "ministro", "ministra", "congresista",
               "congressman", "congresswoman", "lawmaker", "senator", "alcalde", "alcaldesa", "mayor", "gobernador",
               "gobernadora", "governor", "prefecto", "general", "coronel", "colonel", "comandante", "commander",
               "capitan", "captain", "teniente", "sargento", "sergeant", "monsenor", "obispo", "bishop",
               "senor", "senora", "sr", "sra", "don", "dona", "doctor", "dr", "mr", "mrs", "ms", "jefe",
               "dirigente", "vocero", "vocera", "spokesman", "spokeswoman", "leader", "lider", "juez", "judge",
               "fiscal", "defensor"}
#: Names that are never a place of an event on the map: countries and continents far away,
#: languages, feasts and platforms. The dataset's own country, its neighbours and its wide natural
#: regions are in its ``lexicon.json`` (``not_places``).
NOT_PLACE_NAMES = {
    "mexico", "paraguay", "uruguay", "cuba", "espana", "spain", "estados unidos", "united states", "eeuu", "ee uu",
    "usa", "us", "europa", "europe", "america", "america latina", "latin america", "latinoamerica", "sudamerica",
    "south america", "sur", "el sur", "norte", "el norte",
    "quechua", "aymara", "spanish", "english", "castellano", "espanol", "ingles",
    "navidad", "christmas", "ano nuevo", "new year", "semana santa", "easter", "carnaval", "carnavales",
    "twitter", "facebook", "youtube", "tiktok", "instagram", "whatsapp", "telegram", "x",
    "dios", "god",
}
#: Wire services and outlets of the wider world (folded): a report's source, never its place. The
#: country's own outlets are in the dataset's ``lexicon.json`` (``outlets``).
OUTLETS = {
    "reuters", "afp", "efe", "ap", "associated press", "the associated press", "bbc", "bbc mundo", "cnn",
    "cnn en espanol", "el pais", "the guardian", "guardian", "new york times", "the new york times",
    "washington post", "bloomberg", "al jazeera", "prensa latina", "xinhua", "dw", "france 24", "sputnik",
    "telesur", "mercopress", "la jornada",
}
#: Words before a name that make it the one who reports or is told: "según La República",
#: "reported by El Comercio", "dijo a RPP", "publicó en Infobae".
OUTLET_BEFORE = re.compile(r"(?:^|\W)(?:segun|de acuerdo con|citad[oa] por|publicad[oa] (?:por|en)|public[oó] en|"
                           r"inform[oó] (?:a|en)|dijo a|declar[oó] a|en declaraciones a|en entrevista con|"
                           r"according to|reported by|published by|cited by|quoted by|told|published in|"
                           r"wrote in|said in|in an interview with|diario|radio|canal|agencia|emisora|"
                           r"newspaper|daily|broadcaster|outlet|news agency|station)\s+(?:(?:el|la|los|las|the)\s+)?$")
#: Words after a name that make it the one who reports: "La República reported", "informó Exitosa".
OUTLET_AFTER = re.compile(r"^\s+(?:reported|reports|said|says|told|tweeted|published|wrote|informo|reporto|"
                          r"publico|indico|senalo|dijo|preciso|consigno|difundio)\b")
#: Words after a name that make it a person: "Rosa Quispe, de 34 años", "Rosa Quispe, 34,".
PERSON_AFTER = re.compile(r"^\s*(?:,\s*(?:de\s+)?\d{1,3}\s*(?:anos|ano|years?|,)|\(\s*\d{1,3}\s*\)|,?\s+aged\s+\d)")
#: Words after a name that make it a road or a street ("the Federico Basadre highway"), or a
#: firm's, a person's or a body's name used as an adjective ("the Gloria plant", "Castillo supporters").
ROAD_AFTER = re.compile(r"^\s+(?:road|highway|route|avenue|street|expressway|bypass|motorway|freeway|railway|"
                        r"plant|factory|mill|company|firm|brand|supporters|loyalists|government|administration|"
                        r"party|family|case|trial|ouster|removal|cabinet|workers|employees|staff|spokesman|"
                        r"spokeswoman|officials|lawyers?)\b")
#: English adjectives of a people or a country ("Peruvian", "Andean", "Bolivian"): not a place.
DEMONYM = re.compile(r"^[a-z]+(?:ian|ean|ese|ish)$")
#: Words before a place that give it as a reference point, not as where something happened:
#: "en Angostura, en el límite entre Saylla y San Jerónimo", "at Inayo, near Bagua".
PROXIMITY = {
    "es": re.compile(r"(?:^|\W)(?:cerca (?:de|del)|junto a|al lado de|proximo a|proxima a|a (?:unos |pocos )?"
                     r"(?:\w+ )?(?:km|kilometros|metros) (?:de|del)|(?:en )?el limite (?:entre|de|con)|entre|"
                     r"camino a|rumbo a|via a|carretera a|la via (?:a|hacia)|la carretera (?:a|hacia))\s+"
                     r"(?:(?:el|la|los|las)\s+)?$"),
    "en": re.compile(r"(?:^|\W)(?:near|close to|next to|not far from|(?:\w+ )?(?:km|kilometres|kilometers|miles) "
                     r"(?:from|of|outside)|on the (?:border|boundary) (?:between|of|with)|between|"
                     r"the (?:road|highway|way) to|on the road to)\s+(?:the\s+)?$"),
}
#: A legal measure whose places are where it applies, not where anything happened: "el estado de
#: emergencia para Apurímac y Cusco", "a state of emergency in three regions", "toque de queda en".
MEASURE_FOR = {
    "es": compile_words(r"(?:estado|declaratoria|declaracion|decreto) de (?:emergencia|sitio)(?: \w+){0,3}? (?:en|para|de)",
                        r"toque de queda (?:en|para)", r"inmovilizacion social (?:en|para)",
                        r"(?:declar|prorrog|ampli)\w+ (?:(?:la|el) )?(?:emergencia|estado de emergencia)(?: \w+){0,2}? (?:en|para)"),
    "en": compile_words(r"(?:state|declaration) of (?:emergency|siege)(?: \w+){0,3}? (?:in|for|across|over|on)",
                        r"curfew (?:in|for|across|on)", r"emergency (?:decree|rule|measures?) (?:in|for|across)",
                        r"(?:declared|extended|imposed) (?:an? |the )?(?:emergency|curfew)(?: \w+){0,2}? (?:in|for|across|on)"),
}
#: A group that came from a place to join a protest elsewhere: "se sumó una delegación del centro
#: poblado X", "a contingent from X joined".
DELEGATION_FROM = {
    "es": compile_words(r"(?:delegaci\w+|comitiva\w*|contingente\w*|comision\w*|representantes) (?:de|del|desde|procedentes? de)"),
    "en": compile_words(r"(?:delegations?|contingents?|groups?|representatives) (?:\w+ )?from"),
}
#: A name of a protest said as a name ("la llamada 'Toma de Lima'", "the so-called March on Lima"):
#: its place is the name's, not where the sentence's action happened.
SO_CALLED = {"es": compile_words(r"(?:la|el|los|las) (?:llamad|denominad|autodenominad|bautizad)[oa]s?"),
             "en": compile_words(r"(?:the )?so-called", r"dubbed", r"known as")}
#: An action said not to have happened: "no hubo choques", "sin enfrentamientos", "no clashes were reported",
#: "se negó a ser detenida".
NEGATED = {"es": re.compile(r"(?:^|\W)(?:no (?:hubo|hay|habia|se (?:registr|report|produj)\w+|se han (?:registrado|reportado))|"
                            r"sin|ningun[oa]?|tampoco (?:hubo|hay)|se (?:nieg(?:a|an)|neg(?:o|aron|aba|aban)) a(?: ser)?)(?:\s+\w+){0,2}?\s*$"),
           "en": re.compile(r"(?:^|\W)(?:no|without|there (?:were|was|have been|has been) no|none of the|"
                            r"refus(?:ed|es|ing) to(?: be)?)(?:\s+\w+){0,1}?\s*$")}
#: A trigger named as the superlative of a run of events ("los choques más violentos", "the
#: deadliest clashes"): the run's summary, not one event.
SUPERLATIVE = {"es": re.compile(r"^\s*(?:mas|menos) (?:violent|sangrient|grave|intens|fuerte|dur|cruent|letal)\w*"),
               "en": re.compile(r"(?:^|\W)(?:deadliest|bloodiest|worst|fiercest|most (?:violent|serious|intense))\s+$")}
#: A verb that makes what comes before it the cause of what it tells: "las muertes ... habrían
#: motivado una nueva agresión", "the deaths sparked fresh protests". The cause is background.
CAUSE_VERB = {"es": compile_words(r"(?:habrian|habria|han|ha|habrian|habian)?\s*(?:motivad|desencadenad)\w*",
                                  r"motiv(?:o|aron|an|a)", r"desencaden(?:o|aron|an|a)", r"dieron lugar a", r"dio lugar a"),
              "en": compile_words(r"(?:have |has |had |may have |would have )?(?:prompted|sparked|fuell?ed|triggered|"
                                  r"gave rise to|led to)")}
#: A purpose: "buscando dejar incomunicada a Lima", "para llegar a Tacna", "seeking to cut off Lima".
#: The places after it are the aim's, not where anything happened.
PURPOSE = {"es": compile_words(r"buscando", r"con el (?:fin|objetivo|proposito) de", r"a fin de", r"para (?:dejar|aislar|llegar|"
                               r"desabastecer|cercar|incomunicar|tomar|sumarse|unirse|apoyar|respaldar)"),
           "en": compile_words(r"seeking to", r"in order to", r"aiming to", r"so as to", r"in a bid to", r"to (?:cut off|isolate)")}
#: A decision taken: what follows in its clause is a plan ("decidieron recibir el año agravando el
#: bloqueo", "resolved to step up the blockade"), however many words on.
DECIDED = {"es": re.compile(r"(?:^|\W)(?:decidi\w*|decidieron|resolvi\w*|resolvieron|determinaron|acordaron|optaron por)"
                            r"\s+[^,;.:]*$"),
           "en": re.compile(r"(?:^|\W)(?:decided|resolved|agreed|voted|opted) to\s+[^,;.:]*$")}
#: An event named to frame another, already told: "tras los enfrentamientos", "after deadly clashes",
#: "durante los prolongados choques", "during the clashes". It makes no new event.
FRAMING = {"es": re.compile(r"(?:^|\W)(?:tras|despues de|luego de|durante|a raiz de)\s+(?:(?:los|las|el|la|unos|unas)\s+)?"
                            r"(?:\w+\s+){0,2}$"),
           "en": re.compile(r"(?:^|\W)(?:after|following|during|amid)\s+(?:(?:the|a|an|deadly|violent|fresh|weekend|"
                            r"prolonged|recent|earlier)\s+){0,3}$")}
#: People set free: what follows tells how long the detention told before lasted.
RELEASED = {"es": re.compile(r"(?:^|\W)(?:recuper\w+ (?:la|su) libertad|"
                             r"(?:fueron|fue|han sido|ha sido) (?:liberad|excarcelad)\w*|quedaron libres|qued[oó] libre)\W"),
            "en": re.compile(r"(?:^|\W)(?:(?:were|was|have been|has been) (?:released|freed|set free)|walked free)\W")}
#: Words that give an action as the cause of what a sentence tells: "a raíz de la detención de",
#: "en protesta por el desalojo", "in protest at the arrest of", "angered by the killing".
CAUSE = {"es": re.compile(r"(?:^|\W)(?:a raiz de|en rechazo (?:a|de)|en protesta (?:por|contra)|en repudio (?:a|de)|"
                          r"indignad[oa]s? por|molest[oa]s? por)\s+(?:(?:la|el|las|los|su|sus)\s+)?$"),
         "en": re.compile(r"(?:^|\W)(?:in protest (?:at|over|against)|angered by|outraged by|in response to)\s+"
                          r"(?:(?:the|their|his|her)\s+)?$")}
#: Doubt about what happened: "no se sabía si tenían la condición de detenidos", "it was unclear whether".
DOUBT = {"es": re.compile(r"(?:^|\W)(?:no se sab\w+|se desconoc\w+|no (?:esta|estaba|quedo) claro|sin confirmar) (?:si|whether)\b[^.;]*$"),
         "en": re.compile(r"(?:^|\W)(?:(?:it )?(?:was|is|remained) (?:unclear|not clear|not known)|unclear) (?:whether|if)\b[^.;]*$")}
