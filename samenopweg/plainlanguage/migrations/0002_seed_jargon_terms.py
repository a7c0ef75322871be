"""Seed the jargon list with words from Flemish youth care, welfare and youth law.

The list is data, not code: admins keep it up to date afterwards. The terms live here (not
imported from the app) so this migration gives the same result forever. Going back removes
only the seeded terms that still carry their seeded alternative.
"""

from django.db import migrations

# (term, plain alternative for parents, explanation for professionals)
TERMS = [
    # Why the services are involved
    ("verontrusting", "we maken ons zorgen", "Kader van het OCJ: de ontwikkeling of veiligheid van een kind is bedreigd."),
    ("verontrustend", "waar we ons zorgen over maken", ""),
    ("verontrustende situatie", "een situatie waarover we ons zorgen maken", ""),
    ("verontrustende opvoedingssituatie", "de opvoeding thuis loopt zo moeilijk dat het kind niet veilig is", ""),
    ("VOS", "de opvoeding thuis loopt zo moeilijk dat het kind niet veilig is", "Verontrustende opvoedingssituatie (gerechtelijke jeugdhulp)."),
    ("maatschappelijke noodzaak", "de overheid moet tussenkomen omdat vrijwillige hulp niet lukt", "Decreet integrale jeugdhulp: vrijwillige hulp is geweigerd of volstaat niet."),
    ("problematiek", "de moeilijkheden", ""),
    ("gedragsproblematiek", "moeilijk gedrag (zeg welk gedrag)", ""),
    ("hechtingsproblematiek", "de band tussen ouder en kind loopt moeilijk", ""),
    ("psychiatrische problematiek", "psychische problemen", ""),
    ("multiprobleemgezin", "een gezin met veel moeilijkheden tegelijk (zeg welke)", ""),
    ("MOF", "een feit dat de wet als misdrijf ziet", "Als misdrijf omschreven feit, gepleegd door een minderjarige."),
    ("als misdrijf omschreven feit", "een feit dat de wet als misdrijf ziet", ""),
    ("signalen", "dingen die we zien of horen", ""),
    ("signaal", "iets dat we zien of horen", ""),
    ("indicatie", "een aanwijzing", ""),
    ("risicotaxatie", "inschatten hoe groot het gevaar is", ""),
    ("risicofactoren", "dingen die het gevaar groter maken", ""),
    ("beschermende factoren", "dingen die het kind helpen om veilig te zijn", ""),
    ("draagkracht", "wat jullie aankunnen", ""),
    ("draaglast", "wat zwaar is voor jullie", ""),
    ("hechting", "de band tussen ouder en kind", ""),
    ("ontwikkelingsachterstand", "het kind kan nog niet wat andere kinderen van die leeftijd kunnen", ""),
    ("verwaarlozing", "het kind krijgt niet de zorg die het nodig heeft", ""),
    ("emotionele verwaarlozing", "het kind krijgt niet de aandacht en warmte die het nodig heeft", ""),
    ("mishandeling", "iemand doet het kind pijn", ""),
    ("intrafamiliaal geweld", "geweld in het gezin", ""),
    ("partnergeweld", "geweld tussen de ouders", ""),
    ("agressie-escalatie", "ruzie die uit de hand loopt", ""),
    ("escalatie", "het loopt uit de hand", ""),
    ("parentificatie", "het kind zorgt voor de ouders, in plaats van andersom", ""),
    ("loyaliteitsconflict", "het kind voelt zich verscheurd tussen de ouders", ""),
    ("middelengebruik", "drugs of alcohol gebruiken", ""),
    ("middelenmisbruik", "te veel drugs of alcohol gebruiken", ""),
    ("cognitieve beperking", "moeite met leren en begrijpen", ""),
    ("schoolverzuim", "niet naar school gaan", ""),
    ("prognose", "wat we verwachten dat er gaat gebeuren", ""),
    ("anamnese", "het verhaal van vroeger: wat er al gebeurd is", ""),
    ("diagnostiek", "onderzoek naar wat er aan de hand is", ""),
    ("screening", "een eerste onderzoek", ""),
    ("copingstrategie", "hoe je met moeilijke dingen omgaat", ""),
    ("interactie", "hoe jullie met elkaar omgaan", ""),
    ("opvoedingssituatie", "hoe het thuis gaat met de opvoeding", ""),
    # Who is who
    ("opvoedingsverantwoordelijke", "ouder of wie voor het kind zorgt", ""),
    ("opvoedingsverantwoordelijken", "ouders of wie voor het kind zorgen", ""),
    ("cliëntsysteem", "het gezin", ""),
    ("cliënt", "de ouder of het kind (noem de naam)", ""),
    ("context", "het gezin en de mensen rond het kind", ""),
    ("consulent", "noem de persoon bij naam, bv. 'Sarah'", "De consulent van het OCJ of de sociale dienst."),
    ("procesbegeleider", "de hulpverlener die jullie begeleidt (noem de naam)", ""),
    ("jeugdrechter", "de rechter die beslist over hulp aan kinderen en jongeren", ""),
    ("jeugdrechtbank", "de rechtbank voor kinderen en jongeren", ""),
    ("OCJ", "het Ondersteuningscentrum Jeugdzorg: de dienst die helpt als er zorgen zijn", "Ondersteuningscentrum Jeugdzorg."),
    ("SDJ", "de sociale dienst van de rechtbank voor jongeren", "Sociale Dienst Jeugdrechtbank."),
    ("CLB", "het centrum voor leerlingenbegeleiding van de school", ""),
    ("CAW", "het Centrum Algemeen Welzijnswerk", ""),
    ("Vertrouwenscentrum Kindermishandeling", "de dienst waar je terecht kunt met vragen over kindermishandeling", ""),
    ("intersectorale toegangspoort", "de dienst die beslist welke hulp je kan krijgen", ""),
    ("toegangspoort", "de dienst die beslist welke hulp je kan krijgen", ""),
    ("parket", "de dienst van de procureur", ""),
    ("jeugdparket", "de dienst van de procureur voor jongeren", ""),
    ("procureur des Konings", "de procureur: hij vraagt de rechter om iets te beslissen", ""),
    ("gemeenschapsinstelling", "een gesloten instelling voor jongeren, op bevel van de rechter", ""),
    ("OOOC", "een centrum waar een kind even woont terwijl we bekijken welke hulp nodig is", "Onthaal-, oriëntatie- en observatiecentrum."),
    # The help
    ("hulpverleningstraject", "de hulp", ""),
    ("hulpverlening", "de hulp", ""),
    ("jeugdhulpverlening", "de hulp voor kinderen en jongeren", ""),
    ("traject", "de tijd dat we samen werken", ""),
    ("hulpvraag", "waarvoor jullie hulp willen", ""),
    ("interventie", "wat we doen", ""),
    ("crisisinterventie", "snelle hulp bij een crisis", ""),
    ("crisisjeugdhulp", "snelle hulp als het thuis niet meer gaat", ""),
    ("gerechtelijke jeugdhulp", "hulp waartoe de rechter beslist", ""),
    ("vrijwillige jeugdhulp", "hulp waar jullie zelf mee akkoord gaan", ""),
    ("rechtstreeks toegankelijke jeugdhulp", "hulp waar je zelf naartoe kunt", ""),
    ("niet-rechtstreeks toegankelijke jeugdhulp", "hulp waarvoor je eerst toestemming nodig hebt", ""),
    ("indicatiestelling", "de beslissing welke hulp nodig is", ""),
    ("A-document", "het formulier om hulp aan te vragen", ""),
    ("ondersteuningsplan", "het plan voor de hulp", ""),
    ("handelingsplan", "het plan: wie doet wat", ""),
    ("module", "een soort hulp", ""),
    ("residentieel", "het kind woont en slaapt daar", ""),
    ("residentiële", "waar het kind woont en slaapt", ""),
    ("ambulant", "de hulp komt bij jullie, of jullie gaan erheen, zonder er te slapen", ""),
    ("contextbegeleiding", "begeleiding bij jullie thuis", ""),
    ("mobiele begeleiding", "begeleiding bij jullie thuis", ""),
    ("dagbegeleiding in groep", "begeleiding overdag, samen met andere kinderen", ""),
    ("opvoedingsondersteuning", "hulp bij het opvoeden", ""),
    ("psycho-educatie", "uitleg over wat er aan de hand is", ""),
    ("plaatsing", "het kind woont een tijd ergens anders", ""),
    ("uithuisplaatsing", "het kind gaat een tijd ergens anders wonen", ""),
    ("pleegzorg", "het kind woont bij een ander gezin", ""),
    ("netwerkpleegzorg", "het kind woont bij familie of vrienden", ""),
    ("bestandspleegzorg", "het kind woont bij een pleeggezin dat het nog niet kende", ""),
    ("perspectiefbepaling", "beslissen waar het kind op lange termijn opgroeit", ""),
    ("time-out", "een korte pauze, even ergens anders", ""),
    ("netwerkberaad", "een gesprek met familie en vrienden om samen een plan te maken", ""),
    ("netwerkversterking", "meer mensen rond het gezin zoeken die helpen", ""),
    ("casusoverleg", "een overleg tussen hulpverleners over jullie gezin", ""),
    ("casus", "jullie situatie", ""),
    ("cliëntoverleg", "een gesprek met jullie en de hulpverleners samen", ""),
    ("multidisciplinair", "met mensen van verschillende beroepen", ""),
    ("intake", "het eerste gesprek", ""),
    ("aanmelding", "de vraag om hulp", ""),
    ("doorverwijzing", "we sturen jullie door naar een andere dienst", ""),
    ("doorverwijzen", "doorsturen naar een andere dienst", ""),
    ("afstemming", "goede afspraken met elkaar", ""),
    ("afstemmen", "afspreken", ""),
    ("evaluatie", "we bekijken samen hoe het gaat", ""),
    ("opvolging", "we blijven volgen hoe het gaat", ""),
    ("zorgcontinuïteit", "de hulp loopt door zonder onderbreking", ""),
    ("empowerment", "jullie eigen kracht versterken", ""),
    ("krachtgericht", "we kijken naar wat goed gaat", ""),
    ("oplossingsgericht", "we zoeken samen wat werkt", ""),
    ("mandaat", "de opdracht die wij kregen van de overheid of de rechter", ""),
    ("bodemeisen", "wat zeker moet veranderen; daarover kunnen we niet onderhandelen", ""),
    ("regie", "wie de leiding heeft", ""),
    ("bemiddeling", "een gesprek om samen een oplossing te vinden", ""),
    ("bemiddelingscommissie", "een groep mensen die helpt om samen tot een afspraak te komen", ""),
    ("herstelbemiddeling", "een gesprek tussen jongere en slachtoffer om de schade goed te maken", ""),
    ("leerproject", "een cursus die de jongere moet volgen", ""),
    ("gemeenschapsdienst", "werk zonder loon dat de rechter oplegt", ""),
    ("rapportage", "het verslag", ""),
    ("dossier", "wat we over jullie opschrijven", ""),
    # Law and court
    ("voorlopige maatregel", "een tijdelijke beslissing van de rechter", ""),
    ("maatregel", "een beslissing", ""),
    ("vonnis", "de beslissing van de rechter", ""),
    ("beschikking", "de beslissing van de rechter", ""),
    ("vordering", "een vraag van de procureur aan de rechter", ""),
    ("dagvaarding", "een brief dat je naar de rechtbank moet komen", ""),
    ("zitting", "het gesprek bij de rechter", ""),
    ("raadkamer", "een gesprek bij de rechter, zonder publiek", ""),
    ("hoger beroep", "de zaak opnieuw laten bekijken door andere rechters", ""),
    ("sociaal onderzoek", "een onderzoek van de sociale dienst voor de rechter", ""),
    ("maatschappelijk onderzoek", "een onderzoek van de sociale dienst voor de rechter", ""),
    ("ouderlijk gezag", "wie over het kind mag beslissen", ""),
    ("omgangsregeling", "afspraken over wanneer het kind bij wie is", ""),
    ("bezoekrecht", "het recht om het kind te zien", ""),
    ("hoederecht", "bij wie het kind woont", ""),
    ("sanctie", "straf", ""),
]


def seed(apps, schema_editor):
    JargonTerm = apps.get_model("plainlanguage", "JargonTerm")
    existing = {t.lower() for t in JargonTerm.objects.values_list("term", flat=True)}
    JargonTerm.objects.bulk_create(
        JargonTerm(term=term, alternative=alternative, explanation=explanation)
        for term, alternative, explanation in TERMS
        if term.lower() not in existing
    )


def unseed(apps, schema_editor):
    JargonTerm = apps.get_model("plainlanguage", "JargonTerm")
    for term, alternative, _explanation in TERMS:
        JargonTerm.objects.filter(term=term, alternative=alternative).delete()


class Migration(migrations.Migration):
    dependencies = [("plainlanguage", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
