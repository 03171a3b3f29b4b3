# ruff: noqa: E501 - marked-up text reads best one printed line per source line
"""The Danish text of the sample case files, with items marked for the ground truth.

Markup: ``{text|category@person}``; ``#g`` joins the parts of one item across lines; a tab
starts a second column; the first line of a block is the page heading. Persons: staff by
key (BIHS, MIBL, TIOE: caseworkers; KADF, HESM: leaders), the party Maja Winther, private
persons (relatives, a neighbour, commenters), professionals acting in office (a doctor, a
police officer) and ``-`` for words that are always kept (towns).
"""

from __future__ import annotations

from typing import Any

CASE: dict[str, Any] = {
    "number": "27.24.00-G01-418-26",
    "kind": "borger",
    "parties": [
        {
            "name": "Maja Winther",
            "cpr": "050492-1840",
            "address": "Åboulevarden 70, 3. th., 8000 Aarhus C",
            "phone": "22 34 56 78",
            "email": "maja.winther@example.dk",
        }
    ],
}

_MAJA = "party_name@Maja Winther"
_BIHS = "staff_name@BIHS"

JOURNAL = [
    f"""
Journalnotat
Sag: 27.24.00-G01-418-26. Borger: {{Maja Winther|{_MAJA}}}, CPR {{050492-1840|party_cpr@Maja Winther}}
Sagsbehandler: {{BIHS|staff_initials@BIHS}}. Oprettet af: {{bihs|staff_initials@BIHS}}. Afdeling: Børn og Familie

3. marts 2026, telefonnotat
{{Maja Winther|{_MAJA}}} ringede fra {{22 34 56 78|party_phone@Maja Winther}} og spurgte til sagen. Hun er utilfreds
med afgørelsen og vil klage. {{Birgitte|{_BIHS}}} forklarede klagevejledningen og fristen.
Borgeren oplyste, at hendes nabo {{Grethe Bundgaard|person_name@Grethe Bundgaard}} har hjulpet med at hente
drengen i børnehaven i de seneste uger.
{{Birgittes|{_BIHS}}} vurdering er, at familien har brug for støtte i hjemmet. Sagen er drøftet
med teamleder {{Karen Dahl Friis|staff_name@KADF}}, som er enig i vurderingen.

5. marts 2026, hjemmebesøg
Hjemmebesøg på {{Åboulevarden 70, 3. th., 8000 Aarhus C|party_address@Maja Winther}} ved {{Birgitte Holm|{_BIHS}#b1}}
{{Sørensen|{_BIHS}#b1}} og {{Mikkel Bruun Lauridsen|staff_name@MIBL}}. Barnets far, {{Søren Winther|person_name@Søren Winther}},
CPR {{170388-1235|cpr@Søren Winther}}, var til stede. Han bor på {{Nørregade 41, 2. tv., 8000 Aarhus C|address@Søren Winther}}.
Lejligheden fremstod ryddelig. Drengen var glad og legede under hele besøget.
Fru {{Sørensen|{_BIHS}}} aftalte et nyt møde med forældrene om en uge.
""",
    f"""
Journalnotat (fortsat)
10. marts 2026, samtale på rådhuset
Samtale med {{Maja|{_MAJA}}} på rådhuset. Til stede var {{TIOE|staff_initials@TIOE}} og {{MIBL|staff_initials@MIBL}}.
{{Mikkels|staff_name@MIBL}} referat af samtalen er lagt på sagen. Praktiserende læge {{Anders Kirkegaard|person_name@Anders Kirkegaard}},
Lægehuset i {{Viby J|town@-}}, har bekræftet forløbet; han kan kontaktes på {{86 14 22 10|phone@Anders Kirkegaard}}.

11. marts 2026, opringning fra politiet
Politiassistent {{Rikke Mørch|person_name@Rikke Mørch}}, Østjyllands Politi, ringede om en underretning.
Politiet har ikke yderligere i sagen. Notat ved {{mibl|staff_initials@MIBL}}, direkte tlf. {{72 11 40 22|staff_phone@MIBL}}.

12. marts 2026, afgørelse sendt
Afgørelsen er sendt til {{Maja Winther|{_MAJA}}} med e-Boks. Kopi til familiechef {{Henrik Skov Madsen|staff_name@HESM}}.
Næste opfølgning er 1. juni 2026.
""",
]

DECISION = [
    f"""
Afgørelse om støtte efter barnets lov
{{Maja Winther|{_MAJA}}}
{{Åboulevarden 70, 3. th.,|party_address@Maja Winther#a1}}
{{8000 Aarhus C|party_address@Maja Winther#a1}}
CPR-nr.: {{050492-1840|party_cpr@Maja Winther}}
Lindholm Kommune, Børn og Familie, 12. marts 2026

Kære {{Maja Winther|{_MAJA}}}
Du har søgt om familiebehandling. Vi har nu truffet afgørelse i din sag.
Du får bevilget familiebehandling i seks måneder fra 1. april 2026.
Vi har lagt vægt på lægeerklæringen fra {{Anders Kirkegaard|person_name@Anders Kirkegaard}} og på de oplysninger,
som politiassistent {{Rikke Mørch|person_name@Rikke Mørch}} har givet os. Vi har også talt med din nabo,
{{Grethe Bundgaard|person_name@Grethe Bundgaard}}, som du selv har givet samtykke til.
Din sagsbehandler er {{Birgitte Holm Sørensen|{_BIHS}}}. Du kan ringe til hende på {{72114021|staff_phone@BIHS}}
eller skrive til {{bihs@lindholm-kommune.dk|staff_email@BIHS}}.
""",
    f"""
Klagevejledning
Du kan klage over afgørelsen til Ankestyrelsen. Klagen skal sendes til kommunen inden fire uger.
Kommunen genvurderer sagen, før den sendes videre. Skriv gerne, hvad du er uenig i.

Med venlig hilsen

{{Birgitte Holm Sørensen|{_BIHS}}}\t{{Karen Dahl Friis|staff_name@KADF}}
socialrådgiver\tteamleder
Direkte tlf. {{+45 72 11 40 21|staff_phone@BIHS}}\tDirekte tlf. {{+4572114024|staff_phone@KADF}}
{{bihs@lindholm-kommune.dk|staff_email@BIHS}}\t{{kadf@lindholm-kommune.dk|staff_email@KADF}}
""",
]

MINUTES = [
    f"""
Referat af netværksmøde 18. marts 2026
Deltagere: {{Maja Winther|{_MAJA}}} (mor), {{Søren Winther|person_name@Søren Winther}} (far),
socialrådgiver {{Tina Østergaard|staff_name@TIOE}} ({{TIOE|staff_initials@TIOE}}), familiechef {{Henrik Skov|staff_name@HESM#h1}}
{{Madsen|staff_name@HESM#h1}} og politiassistent {{Rikke Mørch|person_name@Rikke Mørch}}, Østjyllands Politi.
Referent: {{Tina|staff_name@TIOE}}

1. Siden sidst
{{Tinas|staff_name@TIOE}} gennemgang af forløbet blev godkendt. Mormor {{Inger Winther|person_name@Inger Winther}}
har tilbudt at hjælpe; hun kan træffes på {{+45 40 12 88 19|phone@Inger Winther}} eller
{{inger.winther@example.dk|email@Inger Winther}}.
2. Naboens henvendelse
Naboen {{Grethe Bundgaard|person_name@Grethe Bundgaard}}, {{Åboulevarden 72, 3. tv., 8000 Aarhus C|address@Grethe Bundgaard}},
har skrevet til kommunen. Brevet er journaliseret.
3. Aftaler
{{Henrik Skov Madsen|staff_name@HESM}} besluttede, at sagen følges op i juni. Kontakt til sagsbehandleren:
{{tioe@lindholm-kommune.dk|staff_email@TIOE}}, tlf. {{72 11 40 23|staff_phone@TIOE}}. Mødet blev holdt i {{Aarhus|town@-}}.
""",
]

EMAIL = f"""
E-mail
Fra: {{Birgitte Holm Sørensen|{_BIHS}}} <{{bihs@lindholm-kommune.dk|staff_email@BIHS}}>
Til: {{Mikkel Bruun Lauridsen|staff_name@MIBL}} <{{mibl@lindholm-kommune.dk|staff_email@MIBL}}>
Cc: {{Karen Dahl Friis|staff_name@KADF}} <{{kadf@lindholm-kommune.dk|staff_email@KADF}}>
Sendt: 14. marts 2026 09:12
Emne: SV: Sag 27.24.00-G01-418-26, {{Maja Winther|{_MAJA}}}

Hej {{Mikkel|staff_name@MIBL}}
Tak for dit referat. Jeg har talt med {{Maja|{_MAJA}}} igen. Hun har nyt nummer, {{22 34 56 78|party_phone@Maja Winther}},
og skriver fra {{maja.winther@example.dk|party_email@Maja Winther}}. Kan du tage mødet på torsdag?

Venlig hilsen
"""

EMAIL_SIGNATURE = f"""
{{Birgitte Holm Sørensen|{_BIHS}}}
Socialrådgiver, Børn og Familie, Lindholm Kommune
Direkte: {{+45 72 11 40 21|staff_phone@BIHS}}
E-mail: {{bihs@lindholm-kommune.dk|staff_email@BIHS}}

----- Oprindelig meddelelse -----
Fra: {{Mikkel Bruun Lauridsen|staff_name@MIBL}}
Sendt: 13. marts 2026 16:40
Hej {{Birgitte|{_BIHS}}}. Referatet fra samtalen med {{Maja Winther|{_MAJA}}} ligger på sagen.
Mvh. {{Mikkel|staff_name@MIBL}}, tlf. {{72114022|staff_phone@MIBL}}
"""

SCANNED_LETTER = [
    f"""
Brev til Lindholm Kommune
{{Grethe Bundgaard|person_name@Grethe Bundgaard}}
{{Åboulevarden 72, 3. tv., 8000 Aarhus C|address@Grethe Bundgaard}}
Tlf. {{31 45 67 89|phone@Grethe Bundgaard}}

Att.: socialrådgiver {{Birgitte Holm Sørensen|{_BIHS}}}
Vedr. min nabo {{Maja Winther|{_MAJA}}}, CPR {{050492-1840|party_cpr@Maja Winther}}

Jeg skriver, fordi jeg er bekymret for drengen i lejligheden ved siden af.
Jeg talte med {{Birgitte|{_BIHS}}} i telefonen, og hun bad mig skrive det ned.
I sidste uge var der meget larm om aftenen, og drengen græd længe.
""",
    f"""
Side 2
Min søn {{Frederik Bundgaard|person_name@Frederik Bundgaard}} har også hørt det.
Jeg vil gerne kontaktes af {{Birgitte Holm Sørensen|{_BIHS}}} eller af
{{Tina Østergaard|staff_name@TIOE}}, som jeg talte med sidste år.

Med venlig hilsen
{{Grethe Bundgaard|person_name@Grethe Bundgaard}}
""",
]

SCREENSHOT_NOTE = """
Bilag: skærmbillede af opslag
Skærmbillede af et offentligt opslag på Facebook, modtaget 20. marts 2026 fra
{Tina Østergaard|staff_name@TIOE}. Opslaget er anmeldt til Østjyllands Politi.
"""
