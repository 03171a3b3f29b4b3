"""Sample aktindsigt requests with independently labelled expected assessments.

Each sample is a full request object in the CONTRACT.md "Request (JSON)" shape, written the way a
citizen, a relative, a party or a journalist would write to the fictional Lindholm Kommune, and
the assessment DOMAIN.md's shipped defaults lead to.  Together they cover every row of the
outcome table: OFL § 7 received on or after 2024-07-01 (low, elevated, high for a case request,
high for an identity-only request), the old bar before 2024-07-01, a party's own case under
FVL § 9 with and without a threat in the text, personnel cases (OFL § 21) with and without a
reasoned objection, GDPR art. 15, journalists and angry but legitimate requests.

All persons are invented.  Staff initials refer to the synthetic register in
``samples/data/staff.csv`` (BIHS, MIBL, TIOE and SOYI are caseworkers, KADF and HESM are leaders,
LABK is an HR consultant).  ``expected`` carries the same keys as ``expect`` in
``tests/rules/cases.yaml``; the deadline is 7 Danish working days after receipt (one month for
GDPR), with a weekend or holiday receipt counted as received on the next working day.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SampleRequest:
    """One sample request and the assessment it is expected to get."""

    slug: str
    title: str
    request: dict[str, Any]
    expected: dict[str, Any]


def _t(text: str) -> str:
    """Dedent and trim a triple-quoted request text."""
    return textwrap.dedent(text).strip()


def _expect(
    regime: str,
    risk: str,
    recommendation: str,
    signals: list[str],
    rule_set: str,
    deadline: str,
    *,
    withhold_all_staff: bool = False,
    withheld_staff: list[str] | None = None,
) -> dict[str, Any]:
    return {
        "regime": regime,
        "risk": risk,
        "recommendation": recommendation,
        "withhold_all_staff": withhold_all_staff,
        "withheld_staff": list(withheld_staff or []),
        "signals": signals,
        "rule_set": rule_set,
        "deadline": deadline,
    }


OFL = "offentlighedsloven"
FVL = "forvaltningsloven"
GDPR = "databeskyttelse"
PARTIAL = "grant_without_staff_identity"

SAMPLE_REQUESTS: list[SampleRequest] = [
    # ------------------------------------------------------------------ OFL § 7, low risk
    SampleRequest(
        slug="ofl-low-nabo-byggesag",
        title="Vred nabo beder om aktindsigt i byggesag",
        request={
            "received": "2026-01-14",
            "requester": {
                "name": "Torben Lykke",
                "cpr": "150462-1893",
                "email": "torben.lykke@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                Til Teknik og Miljø

                Jeg forstår simpelthen ikke, at I har givet min nabo lov til at bygge en carport,
                der går ud over skellet og tager al aftensolen. Det er helt hen i vejret.
                Jeg beder om aktindsigt i byggesagen, herunder ansøgning, tegninger og jeres
                vurdering af afstandskravet.

                Venlig hilsen
                Torben Lykke
                """
            ),
            "case": {
                "number": "02.34.02-P19-87-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Poul Riis",
                        "cpr": "020261-1567",
                        "address": "Bøgevej 14, 8260 Viby J",
                        "phone": "",
                        "email": "",
                    }
                ],
            },
            "history": {"contacts_30d": 2, "incidents": []},
        },
        expected=_expect(OFL, "low", "grant", [], "ofl-2024", "2026-01-23"),
    ),
    SampleRequest(
        slug="ofl-low-klage-ankestyrelsen",
        title="Datter vil klage til Ankestyrelsen over mors hjemmehjælp",
        request={
            "received": "2026-02-02",
            "requester": {
                "name": "Hanne Kjeldsen",
                "cpr": "230771-1446",
                "email": "hanne.kjeldsen@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                Hej

                Min mor har fået skåret sin hjemmehjælp ned fra to til én gang om ugen, og det er
                sgu for dårligt. Hun kan ikke selv komme i bad. Jeg vil klage til Ankestyrelsen og
                beder derfor om aktindsigt i hele sagen, også visitationsnotaterne.

                Mvh Hanne Kjeldsen
                """
            ),
            "case": {
                "number": "27.36.04-G01-19-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Ellen Kjeldsen",
                        "cpr": "110340-1238",
                        "address": "Lindevej 3, 1. tv., 8200 Aarhus N",
                    }
                ],
            },
            "history": {"contacts_30d": 0, "incidents": []},
        },
        expected=_expect(OFL, "low", "grant", [], "ofl-2024", "2026-02-11"),
    ),
    SampleRequest(
        slug="ofl-low-ekstra-bladet",
        title="Bror truer med at gå til Ekstra Bladet om kommunens svigt",
        request={
            "received": "2026-03-10",
            "requester": {
                "name": "Bo Frederiksen",
                "cpr": "040580-1615",
                "email": "bofred@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                Jeg har fulgt min lillebrors sag i to år, og jeg er færdig med at være høflig.
                Hvis ikke der sker noget nu, så går jeg til Ekstra Bladet og TV2 med hele historien
                om, hvordan Lindholm Kommune behandler handicappede. Aktindsigt i samtlige akter.
                """
            ),
            "case": {
                "number": "27.24.00-G01-203-25",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Rune Frederiksen",
                        "cpr": "170991-1237",
                        "address": "Skovbrynet 21, 8240 Risskov",
                    }
                ],
            },
            "history": {"contacts_30d": 4, "incidents": []},
        },
        expected=_expect(OFL, "low", "grant", [], "ofl-2024", "2026-03-19"),
    ),
    SampleRequest(
        slug="ofl-low-kritik-af-navngiven-sagsbehandler",
        title="Kritik af en navngiven socialrådgivers sagsbehandling",
        request={
            "received": "2026-05-04",
            "requester": {
                "name": "Lise Dalsgaard",
                "cpr": "090376-1882",
                "email": "lise.dalsgaard@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                Birgitte Holm Sørensen har lavet en elendig sagsbehandling i min søsters sag.
                Hun har ikke læst psykologens udtalelse og har skrevet ting i notaterne, der ikke
                passer. Jeg vil have aktindsigt i alle journalnotater og mails, så jeg kan klage
                over hendes sagsbehandling til kommunen og Ankestyrelsen.
                """
            ),
            "case": {
                "number": "27.12.00-G01-311-25",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Katrine Dalsgaard",
                        "cpr": "260588-1124",
                        "address": "Møllevangen 7, 8210 Aarhus V",
                    }
                ],
            },
            "history": {"contacts_30d": 1, "incidents": []},
        },
        expected=_expect(OFL, "low", "grant", [], "ofl-2024", "2026-05-13"),
    ),
    SampleRequest(
        slug="ofl-low-sarkastisk",
        title="Sarkastisk anmodning efter lang ventetid",
        request={
            "received": "2026-09-23",
            "requester": {
                "name": "Kenneth Bruhn",
                "cpr": "281167-1513",
                "email": "kbruhn@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                Tak for ingenting. Det er imponerende, at det kan tage 14 måneder at sige nej til
                en trappelift. Jeg vil meget gerne se, hvad I egentlig har lavet i al den tid -
                send venligst alle dokumenter i min fars sag.
                """
            ),
            "case": {
                "number": "27.36.08-G01-55-25",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Verner Bruhn",
                        "cpr": "030338-1211",
                        "address": "Kirkevej 2, 8300 Odder",
                    }
                ],
            },
        },
        expected=_expect(OFL, "low", "grant", [], "ofl-2024", "2026-10-02"),
    ),
    SampleRequest(
        slug="ofl-low-bander-over-systemet",
        title="Bander over systemet, ikke over medarbejderne",
        request={
            "received": "2026-10-05",
            "requester": {
                "name": "Pernille Aagaard",
                "cpr": "120683-1906",
                "email": "pernille.aagaard@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                det er fandeme for ringe at ingen svarer. det her system er noget værre lort og
                jeg er så træt af det. jeg vil have aktindsigt i sagen om min datter, alt hvad
                der ligger, og jeg vil også have aktlisten
                """
            ),
            "case": {
                "number": "27.12.00-G01-388-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Freja Aagaard",
                        "cpr": "140709-1428",
                        "address": "Hybenvej 5, 8220 Brabrand",
                    }
                ],
            },
            "history": {"contacts_30d": 7, "incidents": []},
        },
        expected=_expect(OFL, "low", "grant", [], "ofl-2024", "2026-10-14"),
    ),
    SampleRequest(
        slug="ofl-low-kun-navn",
        title="Spørger kun om sagsbehandlerens navn (F1 alene)",
        request={
            "received": "2026-08-10",
            "requester": {
                "name": "Susanne Krag",
                "cpr": "191072-1680",
                "email": "s.krag@example.dk",
                "is_journalist": False,
            },
            "text": "Hvad hedder den socialrådgiver, der har min nevøs sag? Fulde navn, tak.",
            "case": {
                "number": "27.12.00-G01-402-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Oliver Krag",
                        "cpr": "220312-1395",
                        "address": "Fasanvej 11, 8230 Åbyhøj",
                    }
                ],
            },
        },
        expected=_expect(OFL, "low", "grant", ["F1"], "ofl-2024", "2026-08-19"),
    ),
    SampleRequest(
        slug="ofl-low-uskyldige-ord",
        title="Beder om udskrift og opdeling af akterne",
        request={
            "received": "2026-12-14",
            "requester": {
                "name": "Birthe Kold",
                "cpr": "080649-1302",
                "email": "",
                "is_journalist": False,
            },
            "text": _t(
                """
                Kære kommune. Sagen om min mands plejebolig har hængt i systemet siden foråret.
                Jeg har ikke e-Boks, så kan I skrive akterne ud og sende dem med posten? I må gerne
                dele dem op i flere breve. Ud fra jeres sidste brev kan jeg ikke se, hvad der
                mangler. Jeg har selv lagt ud for hans medicin i mellemtiden.
                """
            ),
            "case": {
                "number": "27.36.00-G01-120-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Arne Kold",
                        "cpr": "020344-1151",
                        "address": "Solsikkevej 9, 8370 Hadsten",
                    }
                ],
            },
        },
        expected=_expect(OFL, "low", "grant", [], "ofl-2024", "2026-12-23"),
    ),
    # ------------------------------------------------------------------ OFL § 7, elevated
    SampleRequest(
        slug="ofl-elevated-skaeldsord",
        title="Skældsord om socialrådgiveren (T3)",
        request={
            "received": "2026-04-20",
            "requester": {
                "name": "Jannik Holt",
                "cpr": "300185-1771",
                "email": "jannikholt@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                send mig alle akter i sagen om min kærestes søn.
                den dumme kælling af en socialrådgiver har ikke fattet en brik
                """
            ),
            "case": {
                "number": "27.12.00-G01-190-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Maja Winther",
                        "cpr": "050492-1840",
                        "address": "Åboulevarden 70, 3. th., 8000 Aarhus C",
                    }
                ],
            },
        },
        expected=_expect(
            OFL, "elevated", PARTIAL, ["T3"], "ofl-2024", "2026-04-29", withhold_all_staff=True
        ),
    ),
    SampleRequest(
        slug="ofl-elevated-aggression-paa-moede",
        title="Neutral anmodning, aggression på møde registreret (H2)",
        request={
            "received": "2026-06-15",
            "requester": {
                "name": "Flemming Toft",
                "cpr": "111259-1353",
                "email": "flemming.toft@example.dk",
                "is_journalist": False,
            },
            "text": "Jeg anmoder om aktindsigt i sagen og i referatet af mødet den 2. juni.",
            "case": {
                "number": "27.24.00-G01-233-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Karl Toft",
                        "cpr": "240887-1219",
                        "address": "Grenåvej 101, 8240 Risskov",
                    }
                ],
            },
            "history": {
                "contacts_30d": 3,
                "incidents": [
                    {
                        "date": "2026-06-02",
                        "kind": "aggression",
                        "staff": ["TIOE"],
                        "note": "Råbte og slog i bordet, mødet blev afbrudt.",
                    }
                ],
            },
        },
        expected=_expect(
            OFL, "elevated", PARTIAL, ["H2"], "ofl-2024", "2026-06-24", withhold_all_staff=True
        ),
    ),
    SampleRequest(
        slug="ofl-elevated-mange-henvendelser",
        title="17 henvendelser på 30 dage (V1)",
        request={
            "received": "2026-11-11",
            "requester": {
                "name": "Anja Sloth",
                "cpr": "070778-1464",
                "email": "anja.sloth@example.dk",
                "is_journalist": False,
            },
            "text": "Jeg skriver igen. Aktindsigt i sag 27.12.00-G01-344-26, tak.",
            "case": {
                "number": "27.12.00-G01-344-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Lasse Sloth",
                        "cpr": "181011-1297",
                        "address": "Vejlby Centervej 40, 8240 Risskov",
                    }
                ],
            },
            "history": {"contacts_30d": 17, "incidents": []},
        },
        expected=_expect(
            OFL, "elevated", PARTIAL, ["V1"], "ofl-2024", "2026-11-20", withhold_all_staff=True
        ),
    ),
    SampleRequest(
        slug="ofl-elevated-navn-og-skaeldsord",
        title="Spørger kun om navnet og bruger skældsord (F1 + T3)",
        request={
            "received": "2026-11-24",
            "requester": {
                "name": "Dorthe Mikkelsen",
                "cpr": "250366-1702",
                "email": "dorthe.m@example.dk",
                "is_journalist": False,
            },
            "text": "hvad hedder den idiot der ringede om min søns sag i går? kun navnet.",
            "case": {
                "number": "15.00.00-G01-501-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Niklas Mikkelsen",
                        "cpr": "030304-1715",
                        "address": "Ringgaden 12, 8000 Aarhus C",
                    }
                ],
            },
        },
        expected=_expect(
            OFL,
            "elevated",
            PARTIAL,
            ["T3", "F1"],
            "ofl-2024",
            "2026-12-03",
            withhold_all_staff=True,
        ),
    ),
    SampleRequest(
        slug="ofl-elevated-billede-delt-online",
        title="Medarbejders billede tidligere delt online (H3)",
        request={
            "received": "2026-12-07",
            "requester": {
                "name": "Jonas Ravn",
                "cpr": "310890-1159",
                "email": "jonas.ravn@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                Hermed anmodning om aktindsigt i sagen om min fætters bostøtte,
                herunder handleplan og statusnotater.
                """
            ),
            "case": {
                "number": "27.24.04-G01-66-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Mathias Ravn",
                        "cpr": "121193-1433",
                        "address": "Trøjborgvej 18, 8200 Aarhus N",
                    }
                ],
            },
            "history": {
                "contacts_30d": 0,
                "incidents": [
                    {
                        "date": "2026-09-19",
                        "kind": "online_exposure",
                        "staff": ["MIBL"],
                        "note": "Navn og billede lagt i Facebook-gruppe med grove kommentarer.",
                    }
                ],
            },
        },
        expected=_expect(
            OFL, "elevated", PARTIAL, ["H3"], "ofl-2024", "2026-12-16", withhold_all_staff=True
        ),
    ),
    # ------------------------------------------------------------------ OFL § 7, high, case
    SampleRequest(
        slug="ofl-high-trussel-i-teksten",
        title="Trussel om vold i anmodningen (T1)",
        request={
            "received": "2026-01-05",
            "requester": {
                "name": "Preben Skytte",
                "cpr": "160371-1575",
                "email": "preben.skytte@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                Jeg vil have aktindsigt i hele sagen om mit barnebarn.
                Og I kan sige til rådgiveren, at hvis hun ikke sender ham hjem, så kommer jeg ned
                og slår hende ned. Det er ikke en spøg.
                """
            ),
            "case": {
                "number": "27.12.00-G01-12-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Emil Skytte",
                        "cpr": "090614-1253",
                        "address": "Viborgvej 77, 8210 Aarhus V",
                    }
                ],
            },
        },
        expected=_expect(
            OFL, "high", PARTIAL, ["T1"], "ofl-2024", "2026-01-14", withhold_all_staff=True
        ),
    ),
    SampleRequest(
        slug="ofl-high-haenge-ud",
        title="Vil hænge socialrådgiveren ud på Facebook (T2)",
        request={
            "received": "2026-02-20",
            "requester": {
                "name": "Gitte Sand",
                "cpr": "220979-1628",
                "email": "gitte.sand@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                Jeg beder om aktindsigt i alle dokumenter i sagen om min veninde.
                Når jeg har dem, hænger jeg socialrådgiveren ud på facebook med navn og billede,
                så alle kan se hvem hun er.
                """
            ),
            "case": {
                "number": "27.12.00-G01-77-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Rikke Fogh",
                        "cpr": "030490-1846",
                        "address": "Skolegade 4, 2. th., 8000 Aarhus C",
                    }
                ],
            },
        },
        expected=_expect(
            OFL, "high", PARTIAL, ["T2"], "ofl-2024", "2026-03-03", withhold_all_staff=True
        ),
    ),
    SampleRequest(
        slug="ofl-high-trussel-registreret",
        title="Neutral tekst, trusler mod rådgiver og teamleder registreret (H1)",
        request={
            "received": "2026-03-27",
            "requester": {
                "name": "Henning Lassen",
                "cpr": "140455-1419",
                "email": "henning.lassen@example.dk",
                "is_journalist": False,
            },
            "text": "Jeg anmoder om aktindsigt i min datters sag, alle akter og aktlisten.",
            "case": {
                "number": "27.12.00-G01-98-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Sanne Lassen",
                        "cpr": "171185-1622",
                        "address": "Holmevej 6, 8270 Højbjerg",
                    }
                ],
            },
            "history": {
                "contacts_30d": 5,
                "incidents": [
                    {
                        "date": "2025-11-12",
                        "kind": "threat",
                        "staff": ["BIHS"],
                        "note": "Sms: 'du skal passe på når du går hjem'.",
                    },
                    {
                        "date": "2026-02-26",
                        "kind": "threat",
                        "staff": ["KADF"],
                        "note": "Truede teamlederen i receptionen.",
                    },
                ],
            },
        },
        expected=_expect(
            OFL,
            "high",
            PARTIAL,
            ["H1"],
            "ofl-2024",
            "2026-04-10",
            withhold_all_staff=True,
            withheld_staff=["BIHS", "KADF"],
        ),
    ),
    SampleRequest(
        slug="ofl-high-25-henvendelser",
        title="27 henvendelser på 30 dage (V1, vægt 3)",
        request={
            "received": "2026-10-19",
            "requester": {
                "name": "Ole Brix",
                "cpr": "010163-1991",
                "email": "ole.brix@example.dk",
                "is_journalist": False,
            },
            "text": "Aktindsigt i sag 27.24.00-G01-150-26 ønskes straks.",
            "case": {
                "number": "27.24.00-G01-150-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Vibeke Brix",
                        "cpr": "200465-1208",
                        "address": "Åbyhøjgårdvej 3, 8230 Åbyhøj",
                    }
                ],
            },
            "history": {"contacts_30d": 27, "incidents": []},
        },
        expected=_expect(
            OFL, "high", PARTIAL, ["V1"], "ofl-2024", "2026-10-28", withhold_all_staff=True
        ),
    ),
    SampleRequest(
        slug="ofl-high-skaeldsord-og-aggression",
        title="Skældsord og tidligere aggression (T3 + H2, i alt 4)",
        request={
            "received": "2026-09-07",
            "requester": {
                "name": "Yasmin Aziz",
                "cpr": "281082-1880",
                "email": "yasmin.aziz@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                Aktindsigt i sagen om min bror.
                Og den lede heks af en sagsbehandler behøver ikke invitere mig til flere møder.
                """
            ),
            "case": {
                "number": "27.24.00-G01-271-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Karim Aziz",
                        "cpr": "150286-1179",
                        "address": "Gudrunsvej 22, 8220 Brabrand",
                    }
                ],
            },
            "history": {
                "contacts_30d": 2,
                "incidents": [
                    {
                        "date": "2026-08-13",
                        "kind": "aggression",
                        "staff": ["TIOE"],
                        "note": "Fysisk ophidset, råbte ukvemsord på mødet.",
                    }
                ],
            },
        },
        expected=_expect(
            OFL,
            "high",
            PARTIAL,
            ["T3", "H2"],
            "ofl-2024",
            "2026-09-16",
            withhold_all_staff=True,
        ),
    ),
    SampleRequest(
        slug="ofl-high-modtaget-loerdag",
        title="Sendt en lørdag, vil dele navn og billede (T2)",
        request={
            "received": "2026-10-10",
            "requester": {
                "name": "Piotr Nowak",
                "cpr": "060984-1317",
                "email": "piotr.nowak@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                jeg vil dele hendes navn og billede i alle grupper paa facebook naar jeg har
                akterne. send mig aktindsigt i sagen om min kones ansoegning
                """
            ),
            "case": {
                "number": "32.18.00-G01-203-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Agata Nowak",
                        "cpr": "121186-1446",
                        "address": "Jernaldervej 15, 8210 Aarhus V",
                    }
                ],
            },
        },
        expected=_expect(
            OFL, "high", PARTIAL, ["T2"], "ofl-2024", "2026-10-21", withhold_all_staff=True
        ),
    ),
    # ------------------------------------------------------------- OFL § 7, high, identity only
    SampleRequest(
        slug="ofl-refuse-kun-identitet-haenge-ud",
        title="Vil kun have navne og billeder for at hænge dem ud (F1 + T2)",
        request={
            "received": "2026-05-11",
            "requester": {
                "name": "Camilla Nørgaard",
                "cpr": "130587-1524",
                "email": "camilla.n@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                Jeg skal ikke bruge jeres papirer. Jeg vil have navn og billede på de to
                rådgivere, der var på hjemmebesøg. De skal hænges ud på Facebook.
                """
            ),
            "case": {
                "number": "27.12.00-G01-160-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Line Nørgaard",
                        "cpr": "010990-1260",
                        "address": "Tingvej 8, 8300 Odder",
                    }
                ],
            },
        },
        expected=_expect(OFL, "high", "refuse", ["T2", "F1"], "ofl-2024", "2026-05-21"),
    ),
    SampleRequest(
        slug="ofl-refuse-privatadresse-trussel-registreret",
        title="Spørger om rådgiverens privatadresse, trussel registreret (F1 + H1)",
        request={
            "received": "2026-06-01",
            "requester": {
                "name": "Jens Hansen",
                "cpr": "010170-1234",
                "email": "jens@example.dk",
                "is_journalist": False,
            },
            "text": "Oplys mig venligst om socialrådgiver Birgittes efternavn og privatadresse.",
            "case": {
                "number": "27.12.00-G01-123-25",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Mette Larsen",
                        "cpr": "120385-4322",
                        "address": "Vestergade 12, 8000 Aarhus C",
                    }
                ],
            },
            "history": {
                "contacts_30d": 1,
                "incidents": [
                    {
                        "date": "2026-04-14",
                        "kind": "threat",
                        "staff": ["BIHS"],
                        "note": "Sagde i telefonen, at han ville finde ud af, hvor hun bor.",
                    }
                ],
            },
        },
        expected=_expect(OFL, "high", "refuse", ["H1", "F1"], "ofl-2024", "2026-06-10"),
    ),
    # ------------------------------------------------------------------ OFL before 2024-07-01
    SampleRequest(
        slug="ofl2013-grant-trods-haenge-ud",
        title="Gammel regel: hænge ud i 2024 før 1. juli giver ikke afslag",
        request={
            "received": "2024-03-05",
            "requester": {
                "name": "Rikke Fogh",
                "cpr": "030490-1846",
                "email": "rikke.fogh@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                Aktindsigt i sagen om min søster. Den rådgiver skal hænges ud, alle skal vide
                hvem hun er.
                """
            ),
            "case": {
                "number": "27.12.00-G01-40-24",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Julie Fogh",
                        "cpr": "110893-1222",
                        "address": "Frederiks Allé 50, 8000 Aarhus C",
                    }
                ],
            },
        },
        expected=_expect(OFL, "high", "grant", ["T2"], "ofl-2013", "2024-03-14"),
    ),
    SampleRequest(
        slug="ofl2013-refuse-trussel",
        title="Gammel regel: trussel om vold i teksten giver afslag",
        request={
            "received": "2024-05-14",
            "requester": {
                "name": "Kenneth Bruhn",
                "cpr": "281167-1513",
                "email": "kbruhn@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                Send mig hele sagen. Hvis sagsbehandleren ringer til min eks igen, så brækker
                jeg benene på hende.
                """
            ),
            "case": {
                "number": "27.12.00-G01-88-24",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Nanna Holm",
                        "cpr": "240695-1828",
                        "address": "Marselis Boulevard 9, 8000 Aarhus C",
                    }
                ],
            },
        },
        expected=_expect(OFL, "high", "refuse", ["T1"], "ofl-2013", "2024-05-24"),
    ),
    SampleRequest(
        slug="ofl2013-trussel-registreret",
        title="Gammel regel: trussel registreret, medarbejderen tilbageholdes (OFL § 33, nr. 5)",
        request={
            "received": "2023-11-08",
            "requester": {
                "name": "Torben Lykke",
                "cpr": "150462-1893",
                "email": "torben.lykke@example.dk",
                "is_journalist": False,
            },
            "text": "Jeg anmoder om aktindsigt i sag 27.24.00-G01-301-23.",
            "case": {
                "number": "27.24.00-G01-301-23",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Ib Lykke",
                        "cpr": "070935-1153",
                        "address": "Hasle Ringvej 88, 8200 Aarhus N",
                    }
                ],
            },
            "history": {
                "contacts_30d": 3,
                "incidents": [
                    {
                        "date": "2023-09-12",
                        "kind": "threat",
                        "staff": ["MIBL"],
                        "note": "Truede rådgiveren efter mødet.",
                    }
                ],
            },
        },
        expected=_expect(
            OFL, "high", "grant", ["H1"], "ofl-2013", "2023-11-17", withheld_staff=["MIBL"]
        ),
    ),
    # ------------------------------------------------------------------ FVL § 9, party
    SampleRequest(
        slug="fvl-part-grant-trods-haenge-ud",
        title="Part i egen sag vil hænge rådgiveren ud - får alligevel aktindsigt",
        request={
            "received": "2026-08-26",
            "requester": {
                "name": "Maja Winther",
                "cpr": "050492-1840",
                "email": "maja.winther@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                DET ER MIN SAG og jeg vil se ALT hvad I har skrevet om mig og min søn.
                Den kælling af en rådgiver skal hænges ud på nettet, det har hun fortjent.
                """
            ),
            "case": {
                "number": "27.12.00-G01-190-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Maja Winther",
                        "cpr": "050492-1840",
                        "address": "Åboulevarden 70, 3. th., 8000 Aarhus C",
                    }
                ],
            },
        },
        expected=_expect(FVL, "high", "grant", ["T2", "T3"], "fvl", "2026-09-04"),
    ),
    SampleRequest(
        slug="fvl-part-afslag-trussel",
        title="Part truer med vold i anmodningen - afslag efter FVL § 9 a",
        request={
            "received": "2026-11-02",
            "requester": {
                "name": "Karim Aziz",
                "cpr": "150286-1179",
                "email": "karim.aziz@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                Send min sag. Hvis I ikke giver mig min bostøtte tilbage, så kommer jeg med en
                kniv og så skal sagsbehandleren få lov at mærke det.
                """
            ),
            "case": {
                "number": "27.24.00-G01-271-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Karim Aziz",
                        "cpr": "150286-1179",
                        "address": "Gudrunsvej 22, 8220 Brabrand",
                    }
                ],
            },
        },
        expected=_expect(FVL, "high", "refuse", ["T1"], "fvl", "2026-11-11"),
    ),
    SampleRequest(
        slug="fvl-part-navnematch-trussel-registreret",
        title="Part uden CPR (navnematch), trussel registreret mod sagsbehandler",
        request={
            "received": "2026-12-14",
            "requester": {
                "name": "Vibeke Brix",
                "email": "vibeke.brix@example.dk",
                "is_journalist": False,
            },
            "text": "Jeg vil gerne se alle papirerne i min sag om merudgifter.",
            "case": {
                "number": "27.24.00-G01-150-26",
                "kind": "borger",
                "parties": [{"name": "Vibeke Brix", "address": "Åbyhøjgårdvej 3, 8230 Åbyhøj"}],
            },
            "history": {
                "contacts_30d": 4,
                "incidents": [
                    {
                        "date": "2026-09-03",
                        "kind": "threat",
                        "staff": ["TIOE"],
                        "note": "Truede sagsbehandleren pr. telefon.",
                    }
                ],
            },
        },
        expected=_expect(
            FVL, "high", "grant", ["H1"], "fvl", "2026-12-23", withheld_staff=["TIOE"]
        ),
    ),
    SampleRequest(
        slug="fvl-part-vred-men-legitim",
        title="Vred part vil klage og gå til pressen",
        request={
            "received": "2026-06-15",
            "requester": {
                "name": "Sanne Lassen",
                "cpr": "171185-1622",
                "email": "sanne.lassen@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                Jeg er rasende over jeres afgørelse. I har ikke lyttet til et eneste ord, jeg har
                sagt. Jeg vil have aktindsigt i min egen sag efter forvaltningsloven, og så klager
                jeg til Ankestyrelsen. Kommer der ikke noget ud af det, går jeg til pressen.
                """
            ),
            "case": {
                "number": "27.12.00-G01-98-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Sanne Lassen",
                        "cpr": "171185-1622",
                        "address": "Holmevej 6, 8270 Højbjerg",
                    }
                ],
            },
        },
        expected=_expect(FVL, "low", "grant", [], "fvl", "2026-06-24"),
    ),
    # ------------------------------------------------------------------ personnel case, OFL § 21
    SampleRequest(
        slug="personale-begrundet-indsigelse",
        title="Personalesag, medarbejder har begrundet indsigelse (tryghed)",
        request={
            "received": "2026-02-02",
            "requester": {
                "name": "Flemming Toft",
                "cpr": "111259-1353",
                "email": "flemming.toft@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                Jeg anmoder om aktindsigt i personalesagen om den socialrådgiver i Børn og Familie,
                der fik en skriftlig advarsel i efteråret.
                """
            ),
            "case": {
                "number": "81.03.00-G01-45-26",
                "kind": "personale",
                "parties": [
                    {
                        "name": "Birgitte Holm Sørensen",
                        "cpr": "140582-1462",
                        "address": "Egevej 3, 8210 Aarhus V",
                    }
                ],
                "objections": [
                    {
                        "staff": "BIHS",
                        "reason": (
                            "Anmoderen har flere gange ventet uden for min bopæl og fulgt efter "
                            "mig fra arbejde. Jeg er bange for min og mine børns sikkerhed, hvis "
                            "mit navn bliver bekræftet."
                        ),
                    }
                ],
            },
        },
        expected=_expect(
            OFL, "low", PARTIAL, [], "personale", "2026-02-11", withheld_staff=["BIHS"]
        ),
    ),
    SampleRequest(
        slug="personale-ubegrundet-indsigelse",
        title="Personalesag, generel ubegrundet indsigelse",
        request={
            "received": "2026-09-07",
            "requester": {
                "name": "Gitte Sand",
                "cpr": "220979-1628",
                "email": "gitte.sand@example.dk",
                "is_journalist": False,
            },
            "text": "Aktindsigt i personalesagen om sagsbehandleren, der blev afskediget i juni.",
            "case": {
                "number": "81.03.00-G01-51-26",
                "kind": "personale",
                "parties": [{"name": "Tina Østergaard", "cpr": "290790-1828"}],
                "objections": [
                    {"staff": "TIOE", "reason": "Jeg ønsker ikke, at mit navn udleveres."}
                ],
            },
        },
        expected=_expect(OFL, "low", "grant", [], "personale", "2026-09-16"),
    ),
    SampleRequest(
        slug="personale-uenighed",
        title="Personalesag, medarbejderen er blot uenig med anmoderen",
        request={
            "received": "2026-10-05",
            "requester": {
                "name": "Ole Brix",
                "cpr": "010163-1991",
                "email": "ole.brix@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                Jeg beder om aktindsigt i personalesagen om jobkonsulenten, som fik en påtale
                efter min klage. Navn, stilling og hvad påtalen gik ud på.
                """
            ),
            "case": {
                "number": "81.03.00-G01-62-26",
                "kind": "personale",
                "parties": [{"name": "Sofie Yilmaz", "cpr": "110694-2204"}],
                "objections": [
                    {
                        "staff": "SOYI",
                        "reason": (
                            "Jeg er uenig i klagen. Anmoderen har misforstået forløbet, og jeg "
                            "synes ikke, han skal have noget."
                        ),
                    }
                ],
            },
        },
        expected=_expect(OFL, "low", "grant", [], "personale", "2026-10-14"),
    ),
    SampleRequest(
        slug="personale-begrundet-indsigelse-og-skaeldsord",
        title="Personalesag med skældsord og begrundet indsigelse",
        request={
            "received": "2026-11-20",
            "requester": {
                "name": "Jannik Holt",
                "cpr": "300185-1771",
                "email": "jannikholt@example.dk",
                "is_journalist": False,
            },
            "text": "send personalesagen på det svin af en rådgiver der fik en advarsel",
            "case": {
                "number": "81.03.00-G01-70-26",
                "kind": "personale",
                "parties": [{"name": "Mikkel Bruun Lauridsen", "cpr": "031188-2113"}],
                "objections": [
                    {
                        "staff": "MIBL",
                        "reason": (
                            "Anmoderen har skrevet til mig på Messenger om aftenen og nævnt, "
                            "hvor min datter går i børnehave. Jeg frygter for min families "
                            "tryghed."
                        ),
                    }
                ],
            },
        },
        expected=_expect(
            OFL,
            "elevated",
            PARTIAL,
            ["T3"],
            "personale",
            "2026-12-01",
            withhold_all_staff=True,
            withheld_staff=["MIBL"],
        ),
    ),
    SampleRequest(
        slug="personale-journalist-uden-indsigelse",
        title="Journalist beder om personalesag om familiechefens fratræden",
        request={
            "received": "2026-05-04",
            "requester": {
                "name": "Louise Kragh",
                "email": "louise.kragh@lindholmposten.dk",
                "is_journalist": True,
            },
            "text": _t(
                """
                Til brug for en artikel beder Lindholm Posten om aktindsigt i personalesagen
                vedrørende familiechefens fratræden, herunder navn, stilling og
                fratrædelsesvilkår, jf. offentlighedslovens § 21, stk. 3.
                """
            ),
            "case": {
                "number": "81.01.00-G01-7-26",
                "kind": "personale",
                "parties": [{"name": "Henrik Skov Madsen", "cpr": "080968-1457"}],
            },
        },
        expected=_expect(OFL, "low", "grant", [], "personale", "2026-05-13"),
    ),
    # ------------------------------------------------------------------ GDPR art. 15
    SampleRequest(
        slug="gdpr-egne-oplysninger",
        title="Indsigt i egne personoplysninger efter artikel 15",
        request={
            "received": "2026-06-10",
            "requester": {
                "name": "Anja Sloth",
                "cpr": "070778-1464",
                "email": "anja.sloth@example.dk",
                "is_journalist": False,
            },
            "text": _t(
                """
                Jeg gør hermed brug af min indsigtsret efter databeskyttelsesforordningens
                artikel 15 og beder om en kopi af de personoplysninger, kommunen behandler om mig,
                hvor de stammer fra, og hvem de er videregivet til.
                """
            ),
            "case": {
                "number": "27.12.00-G01-344-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Lasse Sloth",
                        "cpr": "181011-1297",
                        "address": "Vejlby Centervej 40, 8240 Risskov",
                    }
                ],
            },
        },
        expected=_expect(GDPR, "low", "grant", [], "gdpr", "2026-07-10"),
    ),
    SampleRequest(
        slug="gdpr-trussel-registreret",
        title="Indsigtsret, tidligere trussel mod jobkonsulent registreret",
        request={
            "received": "2026-10-14",
            "requester": {
                "name": "Preben Skytte",
                "cpr": "160371-1575",
                "email": "preben.skytte@example.dk",
                "is_journalist": False,
            },
            "text": "Jeg vil have alle mine personoplysninger fra jobcentret (GDPR art. 15).",
            "case": {
                "number": "15.00.00-G01-610-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Emil Skytte",
                        "cpr": "090614-1253",
                        "address": "Viborgvej 77, 8210 Aarhus V",
                    }
                ],
            },
            "history": {
                "contacts_30d": 2,
                "incidents": [
                    {
                        "date": "2025-12-09",
                        "kind": "threat",
                        "staff": ["SOYI"],
                        "note": "Truede jobkonsulenten efter samtale.",
                    }
                ],
            },
        },
        expected=_expect(
            GDPR, "high", "grant", ["H1"], "gdpr", "2026-11-16", withheld_staff=["SOYI"]
        ),
    ),
    # ------------------------------------------------------------------ journalists
    SampleRequest(
        slug="journalist-navne-paa-sagsbehandlere",
        title="Journalist beder om sagen med navne på sagsbehandlerne",
        request={
            "received": "2026-03-10",
            "requester": {
                "name": "Louise Kragh",
                "email": "louise.kragh@lindholmposten.dk",
                "is_journalist": True,
            },
            "text": _t(
                """
                Lindholm Posten anmoder om aktindsigt i sag 27.12.00-G01-77-26 om kommunens
                håndtering af underretninger, herunder afgørelsen og navnene på de
                socialrådgivere og ledere, der har behandlet sagen.
                """
            ),
            "case": {
                "number": "27.12.00-G01-77-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Rikke Fogh",
                        "cpr": "030490-1846",
                        "address": "Skolegade 4, 2. th., 8000 Aarhus C",
                    }
                ],
            },
        },
        expected=_expect(OFL, "low", "grant", [], "ofl-2024", "2026-03-19"),
    ),
    SampleRequest(
        slug="journalist-ledernes-mails",
        title="TV-journalist beder om mails med afsendere og modtagere",
        request={
            "received": "2026-08-26",
            "requester": {
                "name": "Sara Mølgaard",
                "email": "samo@tv-redaktion.example",
                "is_journalist": True,
            },
            "text": _t(
                """
                Jeg arbejder på en historie om ventetider i Handicap og Psykiatri og beder om
                aktindsigt i mailkorrespondancen i sagen, med afsendere og modtagere (navn, titel,
                mailadresse), herunder familiechefens og teamlederens mails.
                """
            ),
            "case": {
                "number": "27.24.00-G01-233-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Karl Toft",
                        "cpr": "240887-1219",
                        "address": "Grenåvej 101, 8240 Risskov",
                    }
                ],
            },
        },
        expected=_expect(OFL, "low", "grant", [], "ofl-2024", "2026-09-04"),
    ),
    SampleRequest(
        slug="journalist-hvem-traf-afgoerelsen",
        title="Journalist spørger kun, hvem der traf afgørelsen (habilitet)",
        request={
            "received": "2026-11-24",
            "requester": {
                "name": "Rasmus Thygesen",
                "email": "rt@radiolindholm.dk",
                "is_journalist": True,
            },
            "text": _t(
                """
                Vi undersøger, om der har været inhabilitet ved tildelingen af plejeboliger i
                oktober. Hvem traf afgørelserne? Jeg beder om navn og titel på de visitatorer og
                ledere, der har underskrevet.
                """
            ),
            "case": {
                "number": "27.36.00-G01-301-26",
                "kind": "borger",
                "parties": [
                    {
                        "name": "Arne Kold",
                        "cpr": "020344-1151",
                        "address": "Solsikkevej 9, 8370 Hadsten",
                    }
                ],
            },
        },
        expected=_expect(OFL, "low", "grant", [], "ofl-2024", "2026-12-03"),
    ),
]
