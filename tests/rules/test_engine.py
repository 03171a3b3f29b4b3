"""Each row of DOMAIN.md's outcome table, with facts that leave no doubt about the signals."""

from datetime import date

import pytest

from rules import screen
from tests.rules.factories import make_request


def signal_ids(text: str) -> list[str]:
    """The signals that fire on a plain OFL request with ``text``."""
    return [s.id for s in screen(make_request(text)).signals]


THREAT = {"date": "2026-10-02", "kind": "threat", "staff": ["BIHS"], "note": "truede i telefonen"}
AGGRESSION = {"date": "2026-09-01", "kind": "aggression", "staff": ["MIBL"], "note": "råbte"}
PARTY_JENS = [{"name": "Jens Hansen", "cpr": "010170-1234"}]
IDENTITY_ONLY = "Jeg vil have navn og billede af den socialrådgiver, der tog mine børn."


def test_ofl_low_grants_and_withholds_nobody() -> None:
    a = screen(
        make_request(
            "Jeg vil se alle dokumenter i sagen. I har truffet en elendig "
            "afgørelse, og jeg klager til Ankestyrelsen."
        )
    )
    assert (a.regime, a.rule_set, a.risk, a.recommendation) == (
        "offentlighedsloven",
        "ofl-2024",
        "low",
        "grant",
    )
    assert not a.withhold_all_staff and a.withheld_staff == [] and a.legal_basis == []
    assert a.signals == [] and a.deadline == date(2026, 12, 1)


def test_ofl_elevated_withholds_all_non_leading_staff() -> None:
    a = screen(make_request(incidents=[AGGRESSION]))
    assert (a.risk, a.recommendation, a.withhold_all_staff) == (
        "elevated",
        "grant_without_staff_identity",
        True,
    )
    assert a.legal_basis == ["OFL § 9, stk. 2, nr. 2"] and a.withheld_staff == []
    (signal,) = a.signals
    assert signal.id == "H2" and "2026-09-01" in signal.evidence and "MIBL" in signal.evidence


def test_ofl_high_for_the_case_withholds_staff_and_names_the_threatened() -> None:
    a = screen(make_request(incidents=[THREAT]))
    assert (a.risk, a.recommendation, a.withhold_all_staff, a.withheld_staff) == (
        "high",
        "grant_without_staff_identity",
        True,
        ["BIHS"],
    )


def test_ofl_high_asking_only_for_identity_is_refused_and_withholds_nobody_by_name() -> None:
    a = screen(make_request(IDENTITY_ONLY, incidents=[THREAT]))
    assert a.asks_only_staff_identity
    assert (a.risk, a.recommendation, a.withheld_staff) == ("high", "refuse", [])
    assert a.legal_basis == ["OFL § 9, stk. 2, nr. 2"]


def test_identity_question_alone_stays_low() -> None:
    a = screen(make_request(IDENTITY_ONLY))
    assert [s.id for s in a.signals] == ["F1"] and a.risk == "low" and a.recommendation == "grant"


def test_old_bar_before_july_2024() -> None:
    threat = {**THREAT, "date": "2024-03-01"}
    a = screen(make_request(received="2024-06-28", incidents=[threat], contacts_30d=30))
    assert (a.rule_set, a.risk, a.recommendation, a.withhold_all_staff) == (
        "ofl-2013",
        "high",
        "grant",
        False,
    )
    assert a.withheld_staff == ["BIHS"] and a.legal_basis == ["OFL § 33, nr. 5"]
    refused = screen(make_request("Jeg slår hende ihjel", received="2024-06-28"))
    assert refused.recommendation == "refuse" and refused.withheld_staff == []


def test_party_keeps_access_whatever_the_harassment_signals() -> None:
    text = "Jeg vil hænge hende ud på Facebook, den lede kælling."
    a = screen(make_request(text, parties=PARTY_JENS, incidents=[THREAT], contacts_30d=40))
    assert (a.regime, a.rule_set, a.is_party) == ("forvaltningsloven", "fvl", True)
    assert (a.risk, a.recommendation, a.withhold_all_staff) == ("high", "grant", False)
    assert a.withheld_staff == ["BIHS"] and a.legal_basis == ["FVL § 15 b"]


def test_party_refused_only_for_a_threat_in_the_request_itself() -> None:
    a = screen(make_request("Jeg slår dig ihjel hvis jeg ikke får min sag", parties=PARTY_JENS))
    assert (a.regime, a.recommendation, a.legal_basis) == (
        "forvaltningsloven",
        "refuse",
        ["FVL § 9 a, stk. 2"],
    )


def test_party_by_name_only_without_cpr_and_cpr_decides_against() -> None:
    no_cpr = make_request(requester={"name": "jens  HANSEN"}, parties=[{"name": "Jens Hansen"}])
    assert screen(no_cpr).regime == "forvaltningsloven"
    other = make_request(parties=[{"name": "Jens Hansen", "cpr": "020202-2222"}])
    assert screen(other).regime == "offentlighedsloven"


def test_personnel_case_with_reasoned_objection() -> None:
    reasoned = [
        {
            "staff": "LABK",
            "reason": "Jeg er blevet truet af anmoderen og frygter for "
            "min og mine børns sikkerhed.",
        }
    ]
    a = screen(make_request(kind="personale", objections=reasoned))
    assert (a.regime, a.rule_set, a.recommendation, a.withhold_all_staff) == (
        "offentlighedsloven",
        "personale",
        "grant_without_staff_identity",
        False,
    )
    assert a.withheld_staff == ["LABK"] and a.legal_basis == ["OFL § 21, stk. 3"]


@pytest.mark.parametrize(
    "reason",
    [
        "Der stod en mand ved min carport en aften, og jeg har to små børn.",
        "Efter en udsendelse blev jeg opsøgt ved min bolig og har siden fået hemmelig adresse.",
        "Jeg fik flere opkald på min private mobil fra ukendte numre efter sagen.",
        "Min tidligere samlever, som jeg har polititilhold mod, kan finde mig via navnet.",
        "Ansøgeren har fotograferet mig på afdelingen ved tre besøg.",
    ],
)
def test_concrete_safety_concerns_make_an_objection_reasoned(reason: str) -> None:
    a = screen(make_request(kind="personale", objections=[{"staff": "LABK", "reason": reason}]))
    assert (a.recommendation, a.withheld_staff) == ("grant_without_staff_identity", ["LABK"])


def test_personnel_case_unreasoned_objection_or_disagreement_is_not_enough() -> None:
    for reason in [
        "Jeg ønsker det ikke.",
        "Jeg vil helst ikke have mit navn ud.",
        "Jeg er helt uenig med anmoderen i hans kritik af min indsats.",
    ]:
        a = screen(make_request(kind="personale", objections=[{"staff": "LABK", "reason": reason}]))
        assert (a.recommendation, a.withheld_staff) == ("grant", []), reason


def test_personnel_case_requested_by_the_employee_is_party_access() -> None:
    a = screen(make_request(kind="personale", parties=PARTY_JENS))
    assert (a.regime, a.rule_set) == ("forvaltningsloven", "fvl")


def test_gdpr_request_for_own_data_gets_one_month() -> None:
    a = screen(
        make_request(
            "Jeg beder om indsigt i mine personoplysninger efter artikel 15 i "
            "databeskyttelsesforordningen.",
            incidents=[THREAT],
        )
    )
    assert (a.regime, a.rule_set, a.recommendation) == ("databeskyttelse", "gdpr", "grant")
    assert a.deadline == date(2026, 12, 21) and a.withheld_staff == ["BIHS"]


def test_journalist_asking_for_names_fires_nothing() -> None:
    a = screen(
        make_request(
            "Jeg er journalist og beder om navnene på de sagsbehandlere og den "
            "leder, der har truffet afgørelsen, som vi vil offentliggøre.",
            requester={"name": "Pia Krogh", "is_journalist": True},
        )
    )
    assert a.signals == [] and a.recommendation == "grant"


def test_incidents_older_than_24_months_or_after_receipt_do_not_count() -> None:
    old = {**THREAT, "date": "2024-11-19"}
    later = {**THREAT, "date": "2026-11-21"}
    assert screen(make_request(incidents=[old, later])).signals == []
    edge = {**THREAT, "date": "2024-11-20"}
    assert [s.id for s in screen(make_request(incidents=[edge])).signals] == ["H1"]


def test_several_incidents_of_one_kind_fire_once_with_all_evidence() -> None:
    second = {**THREAT, "date": "2026-07-01", "staff": ["MIBL"]}
    a = screen(make_request(incidents=[THREAT, second]))
    (h1,) = a.signals
    assert "2026-07-01" in h1.evidence and "2026-10-02" in h1.evidence
    assert sorted(a.withheld_staff) == ["BIHS", "MIBL"]


def test_contact_volume_thresholds() -> None:
    weights = {
        n: [s.weight for s in screen(make_request(contacts_30d=n)).signals] for n in (9, 10, 24, 25)
    }
    assert weights == {9: [], 10: [2], 24: [2], 25: [3]}


def test_a_report_carries_past_a_relative_clause_until_the_requester_speaks() -> None:
    reported = (
        "Jeg vil se sagen. I vores Facebookgruppe har folk i flere dage skrevet, at den "
        "sagsbehandler, der tog drengen, burde hænges ud med navn og billede."
    )
    assert [s.id for s in screen(make_request(reported)).signals] == []
    own = "Jeg vil se sagen. Folk skriver, at hun er dygtig, men jeg hænger hende ud på Facebook."
    assert "T2" in [s.id for s in screen(make_request(own)).signals]


def test_slurs_about_oneself_a_neighbour_or_a_decision_are_no_signal() -> None:
    for text in (
        "Jeg var en idiot at stole på jer. Send mig sagen om tilbagebetalingen.",
        "Min ekskone er en heks. Jeg vil se hendes henvendelser i samværssagen.",
        "Det er den mest hjernedøde beslutning i mands minde. Send beslutningsgrundlaget.",
        "Den plan skal slås ihjel ved høringen. Send mig støjberegningerne.",
        "En vred borger hængte en ansat ud på nettet. Send mig jeres beredskabsplan.",
        "Jeg frygter for, at nogen kommer alvorligt til skade. Send mig brandsynet.",
        "Der er blevet smadret ruder i opgangen. Send mig den boligsociale helhedsplan.",
    ):
        assert signal_ids(text) == [], text
    for text in (
        "Visitatoren er en hysterisk høne. Send mig sagen.",
        "Den skide skrankekælling smed mig ud. Send mig sagen.",
    ):
        assert signal_ids(text) == ["T3"], text


def test_arson_of_the_authoritys_buildings_is_a_threat() -> None:
    for text in (
        "Hvis I ikke betaler, så brænder jeg hele jeres center af. Send mig sagen.",
        "Send mig sagen, ellers kommer jeg ned og river hovedet af den første der sidder der.",
    ):
        assert signal_ids(text) == ["T1"], text


def test_violence_aimed_at_things_is_no_threat() -> None:
    for text in (
        "Tillykke, I har nu slået lokalbiblioteket ihjel. Send mig analysen.",
        "Den rådne træbro burde sprænges i luften. Send mig tilstandsvurderingen.",
        "Jeg fik lyst til at sætte ild til hele bunken af jeres papirer. Send mig sagen.",
    ):
        assert signal_ids(text) == [], text
    assert "T1" in [s.id for s in screen(make_request("Jeg sætter ild til dit hus.")).signals]


def test_a_relative_clause_that_names_the_target_is_no_report() -> None:
    for text in (
        "Ham der lavede afgørelsen hænger jeg ud på nettet. Send sagen.",
        "Jeg deler alt i gruppen, også hvem der har skrevet notaterne, med billede. Send sagen.",
    ):
        assert "T2" in signal_ids(text), text
    # Others' deeds stay reports.
    text = "Nogen har lagt hendes navn ud på Facebook. Send mig sagen."
    assert signal_ids(text) == []


def test_not_being_afraid_is_no_worry() -> None:
    text = "Jeg har et baseballbat i bilen, og jeg er ikke bange for at bruge det. Send sagen."
    assert "T1" in signal_ids(text)


def test_decisions_and_plans_named_by_compounds_are_things() -> None:
    for text in (
        "Det nye vindmølleprojekt ved åen skal skydes ned. Send mig VVM-redegørelsen.",
        "Den dispensation burde skydes i sænk. Send mig sagen.",
        "Vi slår den ihjel i klagenævnet. Send mig høringssvarene.",
        "Den beslutning skal have en kugle for panden. Send mig referatet.",
    ):
        assert signal_ids(text) == [], text
    # A staff compound is no thing: "skolepsykolog" is a person, not a school.
    text = "Den hjernedøde skolepsykolog har ikke læst min søns papirer. Send sagen."
    assert signal_ids(text) == ["T3"]


def test_documents_are_no_documentary_and_the_authority_is_no_staff() -> None:
    for text in (
        "Der står sort på hvidt at I ikke har dokumenteret noget, og jeg forventer at en "
        "anden sagsbehandler ser på sagen. Send mig alle dokumenter.",
        "Den her lortekommune har igen lukket min sag. Send mig alt.",
    ):
        assert signal_ids(text) == [], text


def test_veiled_warnings_are_threats() -> None:
    for text in (
        "Send mig sagen. Min fætter er ikke lige så tålmodig som mig, og jeg kan ikke garantere "
        "for hvad han finder på.",
        "Send mig sagen. Rådgiveren bør ikke færdes alene efter det her.",
        "Send mig sagen. Hun kan godt begynde at sove med det ene øje åbent.",
        "Send mig sagen, ellers ryger der en mursten gennem ruden hos sagsbehandleren.",
    ):
        assert "T1" in signal_ids(text), text
    for text in (
        "Nogen har smidt en sten gennem ruden på skolen. Send mig referatet.",
        "Det er et spørgsmål om tid, før nogen bliver dræbt i krydset. Send mig tællingerne.",
        "Pas godt på dig selv, og tak for hjælpen. Send mig sagen.",
    ):
        assert signal_ids(text) == [], text


def test_exposure_with_name_and_picture_or_the_whole_town() -> None:
    for text in (
        "Send mig sagen. Hun kommer på vores side med navn og billede.",
        "Send mig sagen. Jeg sørger for at hele byen kender hendes navn.",
        "Send mig sagen, så alle kan finde ud af hvem han er.",
    ):
        assert "T2" in signal_ids(text), text
    text = "Jeg hænger Randers Kommune ud i avisen for sagsbehandlingstiden. Send mig sagen."
    assert signal_ids(text) == []


def test_an_exclusion_does_not_look_into_the_sentence_before() -> None:
    # "sag" ends the first sentence; it must not cancel the slur that opens the second.
    text = "Jeg vil have min sag. Den inkompetente so har løjet om mig."
    assert signal_ids(text) == ["T3"]


def test_what_the_requester_hears_or_sees_others_do_is_no_threat() -> None:
    for text in (
        "Jeg hører ham slå hende om natten. Send mig underretningerne.",
        "Manden overfor har smadret en rude i opgangen. Send mig det I kan.",
        "I slår de små forretninger ihjel med de regler. Send mig sagen.",
        "Et cirkus uden klovne, det er jeres afdeling. Send mig sagen.",
    ):
        assert signal_ids(text) == [], text


ROUND_12_FORMS = [
    # Threats (T1)
    ("Send mig sagen, og sig til ham at han er død hvis han ikke retter det.", "T1"),
    ("Send mig sagen. Vi ses udenfor rådhuset når du har fri.", "T1"),
    ("Send mig sagen. Hans eget hus kan også brænde, det går hurtigt med stråtag.", "T1"),
    ("Send mig sagen. Vi løber nok ind i hinanden en aften.", "T1"),
    ("Send mig sagen. Hun skal ikke regne med at kunne sove roligt længere.", "T1"),
    ("Send mig sagen. Sig til Anne at sidste gang kun var en advarsel.", "T1"),
    ("Send mig sagen. Der er en kugle med hans navn på.", "T1"),
    ("Send mig sagen. Det sidste I kommer til at se, er os.", "T1"),
    ("Send mig sagen. En dag står der nogen i sagsbehandlerens indkørsel.", "T1"),
    # Exposure (T2) and slurs (T3)
    ("Send mig sagen. Den kommer på siden med sagsbehandlerens navn i overskriften.", "T2"),
    ("Send mig sagen. Jeg lægger en seddel i hver postkasse med hans navn.", "T2"),
    ("Send mig sagen. Den hjernedøde papirnusser burde finde et andet job.", "T3"),
    ("Send mig sagen. Hun er en usympatisk krapyl.", "T3"),
    ("Send mig sagen. Sagsbehandleren er et åndssvagt individ.", "T3"),
    # Decisions, plans, the authority's rules and worries are no target (no signal)
    ("Send mig sagen. Jeres afgørelse er hjernedød, undskyld mig, men det er den.", None),
    ("Send mig sagen. I knuser ham stykke for stykke med jeres regler.", None),
    ("Send mig sagen. Det slår det frivillige byliv ihjel.", None),
    ("Send mig sagen. Den plan om 80 hektar solceller ved Hjordkær skal skydes ned.", None),
    ("Send mig sagen. Hendes hus kan også brænde, hvis I ikke fjerner bålpladsen.", None),
]


@pytest.mark.parametrize(("text", "signal"), ROUND_12_FORMS)
def test_round_12_forms(text: str, signal: str | None) -> None:
    assert signal_ids(text) == ([] if signal is None else [signal])


# Rounds 14 to 16 of blind tables: the forms they taught and the false alarms they showed.
ROUND_16_FORMS = [
    # Threats (T1), also in text-message spelling ("ik")
    ("Send mig sagen. Vi ses på parkeringspladsen efter fyraften.", ["T1"]),
    ("Send mig sagen. Når vi finder ham bliver det ik med ord.", ["T1"]),
    ("Send mig sagen. Hun skal have besøg, og det bliver ikke med kaffe.", ["T1"]),
    ("Send mig sagen. Han skal nok ikke gå derfra på egne ben.", ["T1"]),
    ("Send mig sagen. Så kommer der nogen og sparker døren ind hos ham.", ["T1"]),
    ("Send mig sagen. Gør det igen, og I ender i fjorden begge to.", ["T1"]),
    ("Send mig sagen. Så får hun brug for en ny tandlæge.", ["T1"]),
    ("Send mig sagen. Så må I lære det på den hårde måde.", ["T1"]),
    ("Send mig sagen. Den sagsbehandler skal ik sove roligt i nat.", ["T1"]),
    ("Send mig sagen. Han kan ik gemme sig for evigt.", ["T1"]),
    ("Send mig sagen. Han kommer ik til at kunne lide det.", ["T1"]),
    # Exposure (T2) and slurs (T3)
    ("Send mig sagen. Hele byen skal få at vide hvem hun er.", ["T2"]),
    ("Send mig sagen. Hendes profil bliver linket i min story i aften.", ["T2"]),
    ("Send mig sagen. Hun er et lortemenneske.", ["T3"]),
    ("Send mig sagen. Visitatoren er en ond heks uden hjerte.", ["T3"]),
    ("Send mig sagen. Svaret kom fra en hjerneløs høne.", ["T3"]),
    # News, topics, documents and the authority are no target (no signal)
    (
        "Jeg har læst i avisen at en borger truede en medarbejder med kniv. "
        "Send mig beredskabsplanen.",
        [],
    ),
    ("Send mig sagen om en mand, der truede en medarbejder med en kniv i februar.", []),
    ("Jeg skriver en opgave om håndtering af vold mod socialrådgivere. Send mig statistikken.", []),
    ("Send mig statistikken. En medarbejder har fået sin adresse lagt på nettet.", []),
    ("Send mig reglerne. Vi laver en kampagne for bedre beskyttelse af offentligt ansatte.", []),
    (
        'Jeg har set, at nogen i gruppen "Byen - det sker" har lagt et billede op af en '
        "socialrådgiver. Det tager jeg afstand fra. Send mig retningslinjerne.",
        [],
    ),
    ("Send mig lægeerklæringer og den lægekonsulentudtalelse I har lænet jer op ad.", []),
    ("Send mig de dele af sagen om ham, der handler om risikoen for andre beboere.", []),
    ("Send mig sagen. Jeg kan kun konkludere, at nogen har fået særbehandling.", []),
    ("Send mig reglerne. Jeg vil forstå, hvordan man rykker op i den kø.", []),
    ("Send mig køreplanen. Det er de små byer, der taber.", []),
    ("Send mig sagen. Det er den mest hjernedøde regel, jeg har mødt.", []),
    ("Send mig sagen. Ingen har spurgt os om en skid.", []),
    ("Send mig notatet. Det er et røvhul af et system.", []),
    ("Send mig sagen. I kommer til at betale for det senere.", []),
    ("Send mig afgørelsen. Jeg lægger den på facebook, uden navne.", []),
    ("Send mig reglerne. Der kommer et indlæg på min blog, men om reglerne, ikke om personer.", []),
    (
        "Send mig sagen. Folk i min gruppe siger jeg skal poste sagsbehandlerens navn, "
        "men det gør jeg ik.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "signals"), ROUND_16_FORMS)
def test_round_16_forms(text: str, signals: list[str]) -> None:
    assert signal_ids(text) == signals


# General forms found on round 17 (read after it was scored blind): who is the object of
# "lægger ... ud", wording in English, the case named by a compound, sentence ends.
ROUND_17_FORMS = [
    # "de" before a noun is an article: publishing the documents is no exposure.
    (
        "Vi lægger de dokumenter, vi får, ud på vores hjemmeside bevarhodsager.dk, så alle "
        "borgere kan læse dem, selvfølgelig med navne og personoplysninger sorteret fra.",
        [],
    ),
    ("Send mig sagen. Jeg lægger hende ud på Facebook.", ["T2"]),
    (
        "Jeg agter at offentliggøre de ansvarlige medarbejderes identitet på sociale medier.",
        ["T2"],
    ),
    ("Vi anmoder om fakturaer over 100.000 kr. i 2024. Vi offentliggør beløbene.", []),
    (
        "Jeg synes bare man skal vide, hvem det er, der træffer sådan nogle beslutninger.",
        [],
    ),
    (
        "Jeg vil vide, hvad den kvinde i skranken på Borgercenter Voksne hedder.",
        ["F1"],
    ),
    ("Just give me the name and home address of the guy who decided this.", ["F1"]),
]


@pytest.mark.parametrize(("text", "signals"), ROUND_17_FORMS)
def test_round_17_forms(text: str, signals: list[str]) -> None:
    assert signal_ids(text) == signals


def test_a_case_named_by_a_compound_is_asked_for() -> None:
    a = screen(
        make_request(
            "Jeg vil have aktindsigt i miljøgodkendelsen til svinefabrikken og navn og billede "
            "på de medarbejdere, der har skrevet den. Jeg lægger dem alle ud på Facebook."
        )
    )
    assert {s.id for s in a.signals} == {"F1", "T2"}
    assert a.recommendation == "grant_without_staff_identity"


def test_a_subject_access_request_in_english_is_gdpr() -> None:
    a = screen(
        make_request(
            "This is a subject access request under Article 15 of the GDPR. Please provide a "
            "copy of all personal data about me that the municipality processes."
        )
    )
    assert (a.regime, a.rule_set) == ("databeskyttelse", "gdpr")


# General forms found on round 18 (read after it was scored blind): politicians are not staff,
# staff being hung out as a topic, dialect, slang and words new to the lists.
ROUND_18_FORMS = [
    ("Borgmesteren er en klovn. Send mig budgetnotatet om besparelserne.", []),
    ("I politikere er nogle kujoner. Jeg vil se referaterne fra udvalgsmødet.", []),
    ("Sagsbehandleren er en klovn. Send mig sagen.", ["T3"]),
    ("Den dumme sagsbehandler forstår ikke, at vi har fire børn.", ["T3"]),
    ("Den sagsbehandler er det mest ubrugelige stykke affald, jeg har mødt.", ["T3"]),
    (
        "Jeg skriver bachelorprojekt om socialrådgivere, der bliver hængt ud på nettet, og "
        "beder om jeres retningslinjer.",
        [],
    ),
    (
        "Jeg har fulgt debatten om reglerne, hvor kommunen kan afvise aktindsigt, hvis man vil "
        "hænge medarbejdere ud på Facebook. Send mig afgørelsen.",
        [],
    ),
    ("Send mig sagen. Sagsbehandleren bliver hængt ud på Facebook.", ["T2"]),
    ("ngl hvis hun lukker sagen igen så bliver hun unalived", ["T1"]),
    ("Sig til Jonas at han skal nyde sine weekender, mens han stadig kan.", ["T1"]),
]


@pytest.mark.parametrize(("text", "signals"), ROUND_18_FORMS)
def test_round_18_forms(text: str, signals: list[str]) -> None:
    assert signal_ids(text) == signals
