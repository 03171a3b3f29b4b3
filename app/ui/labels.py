"""Danish words for the service's codes, and the template filters that use them."""

from __future__ import annotations

from datetime import date, datetime

from jinja2 import Environment

from rules.letters import danish_date

RISK = {"low": "Lav", "elevated": "Forhøjet", "high": "Høj"}
RECOMMENDATION = {
    "grant": "Imødekom",
    "grant_without_staff_identity": "Imødekom uden medarbejdernes identitet",
    "refuse": "Afslå",
}
REGIME = {
    "offentlighedsloven": "Offentlighedsloven (OFL § 7)",
    "forvaltningsloven": "Forvaltningsloven (FVL § 9, partsaktindsigt)",
    "databeskyttelse": "Databeskyttelsesforordningen (art. 15, indsigtsret)",
}
STATUS = {
    "ny": "Ny",
    "behandles": "Dokumenter behandles",
    "til_gennemsyn": "Til gennemsyn",
    "afgjort": "Afgjort",
    "godkendt": "Godkendt",
}
DOC_STATUS = {
    "queued": "I kø",
    "processing": "Behandles",
    "done": "Færdig",
    "failed": "Fejlet",
    "full": "Udleveres fuldt",
    "partial": "Delvis undtaget",
    "withheld": "Undtaget",
}
ROLES = {"clerk": "Journalmedarbejder", "caseworker": "Sagsbehandler", "admin": "Administrator"}
CASE_KIND = {"borger": "Borgersag", "personale": "Personalesag"}
INCIDENT_KIND = {
    "threat": "Trussel",
    "aggression": "Aggression på møde",
    "online_exposure": "Udstilling på nettet",
}
CATEGORY = {
    "staff_name": "Medarbejdernavn",
    "staff_initials": "Medarbejderinitialer",
    "staff_email": "Medarbejder-e-mail",
    "staff_phone": "Medarbejdertelefon",
    "staff_photo": "Medarbejderfoto",
    "party_name": "Partens navn",
    "party_cpr": "Partens CPR-nummer",
    "party_address": "Partens adresse",
    "party_phone": "Partens telefon",
    "party_email": "Partens e-mail",
    "person_name": "Privatpersons navn",
    "cpr": "CPR-nummer",
    "address": "Adresse",
    "phone": "Telefonnummer",
    "email": "E-mailadresse",
    "photo": "Foto",
    "manual": "Manuelt felt",
}


def category_group(category: str) -> str:
    """The colour family of a category: staff, party, cpr, contact, photo or manual."""
    if category.startswith("staff_"):
        return "photo" if category == "staff_photo" else "staff"
    if category.startswith("party_"):
        return "party"
    if category in ("cpr",):
        return "cpr"
    if category in ("photo", "manual"):
        return category
    return "private"


def dk_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{danish_date(value.date())} kl. {value:%H:%M}"
    return danish_date(value)


def days_left(days: int) -> str:
    """Working days left to a deadline, in words."""
    if days > 1:
        return f"{days} arbejdsdage tilbage"
    if days == 1:
        return "1 arbejdsdag tilbage"
    if days == 0:
        return "Fristen er i dag"
    over = -days
    return f"{over} arbejdsdag{'e' if over > 1 else ''} over fristen"


def install(env: Environment) -> None:
    env.filters.update(
        {
            "risk": lambda v: RISK.get(v, v),
            "recommendation": lambda v: RECOMMENDATION.get(v, v),
            "regime": lambda v: REGIME.get(v, v),
            "status": lambda v: STATUS.get(v, v),
            "doc_status": lambda v: DOC_STATUS.get(v or "", v or ""),
            "role": lambda v: ROLES.get(v, v),
            "case_kind": lambda v: CASE_KIND.get(v, v),
            "incident_kind": lambda v: INCIDENT_KIND.get(v, v),
            "category": lambda v: CATEGORY.get(v, v),
            "dk_date": dk_date,
            "days_left": days_left,
        }
    )
    env.globals.update(
        RISK=RISK,
        RECOMMENDATION=RECOMMENDATION,
        STATUS=STATUS,
        ROLES=ROLES,
        INCIDENT_KIND=INCIDENT_KIND,
        CATEGORY=CATEGORY,
    )
