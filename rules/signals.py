"""The screening signals (T1..V1) and the risk they add up to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dateutil.relativedelta import relativedelta

from rules.loader import DATA_DIR, RulesError
from rules.models import FiredSignal, Incident, Risk, ScreeningRequest
from rules.schema import RiskSpec, ScreeningSpec, SentenceModelSpec, SignalSpec
from rules.sentence_model import ModelError, SentenceModel, SignalScore, load_model, sentence_at
from rules.textmatch import (
    Match,
    PhraseMatcher,
    Token,
    clause_start,
    merge_overlapping,
    one_clause_past_quotes,
    quote,
    report_covers,
    tokenize,
)


@dataclass(frozen=True)
class CompiledScreening:
    """Phrase lists compiled once per rule book."""

    spec: ScreeningSpec
    text_signals: dict[str, tuple[PhraseMatcher, PhraseMatcher]]  # always, journalist-exempt
    case: PhraseMatcher
    identity_only: PhraseMatcher
    reported: PhraseMatcher
    not_about_staff: dict[str, PhraseMatcher]  # per text signal: sentences about non-staff
    gdpr_invokes: PhraseMatcher
    gdpr_own_data: PhraseMatcher
    gdpr_case_documents: PhraseMatcher
    objection_reasoned: PhraseMatcher
    model: SentenceModel | None
    model_targets: dict[str, PhraseMatcher]


def _load_sentence_model(spec: SentenceModelSpec) -> SentenceModel | None:
    if not spec.enabled or not spec.signals:
        return None
    path = Path(spec.file)
    path = path if path.is_absolute() else DATA_DIR / path
    try:
        model = load_model(path)
    except ModelError as exc:
        raise RulesError(f"{exc} (screening.sentence_model.file)") from None
    missing = sorted(set(spec.signals) - set(model.signals))
    if missing:
        raise RulesError(f"{path}: the model has no {missing[0]} (screening.sentence_model)")
    return model


_COMPILED: dict[int, CompiledScreening] = {}


def compile_screening(spec: ScreeningSpec) -> CompiledScreening:
    """Compile (and remember) the phrase lists of a screening spec."""
    cached = _COMPILED.get(id(spec))
    if cached is not None and cached.spec is spec:
        return cached

    def matcher(phrases: list[str], negate: bool = True, inside: bool = True) -> PhraseMatcher:
        if negate:
            return PhraseMatcher.compile(
                phrases, spec.negations, spec.negation_window, spec.vocabulary, inside
            )
        return PhraseMatcher.compile(phrases, vocabulary=spec.vocabulary)

    compiled = CompiledScreening(
        spec=spec,
        text_signals={
            sid: (
                matcher(s.all_phrases, inside=s.negation_inside),
                matcher(s.journalist_exempt_phrases, inside=s.negation_inside),
            )
            for sid, s in spec.signals.items()
            if s.kind in ("text", "identity") and s.enabled
        },
        case=matcher(spec.case_phrases, negate=False),
        identity_only=matcher(spec.identity_only_phrases, negate=False),
        reported=matcher(spec.reported_phrases, negate=False),
        not_about_staff={
            sid: matcher(s.not_about_staff, negate=False)
            for sid, s in spec.signals.items()
            if s.not_about_staff
        },
        gdpr_invokes=matcher(spec.gdpr.invokes, negate=False),
        gdpr_own_data=matcher(spec.gdpr.own_data, negate=False),
        gdpr_case_documents=matcher(spec.gdpr.case_documents, negate=False),
        objection_reasoned=matcher(spec.objections.reasoned),
        model=_load_sentence_model(spec.sentence_model),
        model_targets={
            sid: matcher(phrases, negate=False)
            for sid, phrases in spec.sentence_model.targets.items()
            if phrases  # an empty list: no target needed
        },
    )
    _COMPILED[id(spec)] = compiled
    return compiled


def phrase_matches(
    sid: str, compiled: CompiledScreening, request: ScreeningRequest, tokens: list[Token]
) -> list[Match]:
    """Where the phrases of text signal ``sid`` hit ``request``: journalist-exempt phrases not
    for a journalist, and for text signals not in a clause that reports others' words nor, for
    this signal, in a sentence about someone who is not staff."""
    always, exempt = compiled.text_signals[sid]
    skip_quoted = compiled.spec.ignore_quoted_text
    matches = always.find(request.text, tokens, skip_quoted)
    if not request.requester.is_journalist:
        matches += exempt.find(request.text, tokens, skip_quoted)
    if compiled.spec.signals[sid].kind == "text":
        reported = compiled.reported.find(request.text, tokens)
        matches = [m for m in matches if not _in_reported_clause(m, reported, tokens, request.text)]
        others = compiled.not_about_staff.get(sid)
        if others is not None:
            matches = [m for m in matches if not _about_others(m, others, request.text)]
    return matches


def _about_others(match: Match, others: PhraseMatcher, text: str) -> bool:
    """True when the sentence of ``match`` is about someone who is not staff: "jeg kalder
    politikerne for hvad de er: nogle kujoner" (the whole sentence, past the colon)."""
    sentence = sentence_at(text, match.start)
    return sentence is not None and others.any_in(sentence)


def veto_level(sid: str, compiled: CompiledScreening) -> float:
    """The model score below which a phrase hit of ``sid`` counts as a false alarm (0: none)."""
    spec = compiled.spec.sentence_model
    if compiled.model is None or sid not in spec.veto_signals or sid not in compiled.model.signals:
        return 0.0
    return spec.vetoes.get(sid, compiled.model.vetoes.get(sid, 0.0))


def _not_vetoed(
    sid: str, matches: list[Match], compiled: CompiledScreening, text: str
) -> list[Match]:
    level = veto_level(sid, compiled)
    if not level or compiled.model is None:
        return matches
    kept = []
    for match in matches:
        sentence = sentence_at(text, match.start)
        if sentence is None or compiled.model.sentence_scores(sentence)[sid] >= level:
            kept.append(match)
    return kept


def _text_signal(
    sid: str,
    signal: SignalSpec,
    compiled: CompiledScreening,
    request: ScreeningRequest,
    tokens: list[Token],
    model_scores: dict[str, SignalScore],
) -> FiredSignal | None:
    if request.requester.is_journalist and signal.journalist_exempt:
        return None
    matches = phrase_matches(sid, compiled, request, tokens)
    matches = _not_vetoed(sid, matches, compiled, request.text)
    if not matches:
        return _model_signal(sid, signal, request, model_scores)
    quotes = list(dict.fromkeys(f"«{quote(request.text, m)}»" for m in merge_overlapping(matches)))
    return FiredSignal(id=sid, weight=signal.weight, evidence="; ".join(quotes), title=signal.title)


def _model_signal(
    sid: str, signal: SignalSpec, request: ScreeningRequest, model_scores: dict[str, SignalScore]
) -> FiredSignal | None:
    """The sentence model's opinion where the phrases found nothing. Not for journalists on a
    signal with journalist-exempt phrases: publishing names is their job."""
    score = model_scores.get(sid)
    if score is None or not score.fires:
        return None
    if request.requester.is_journalist and signal.journalist_exempt_phrases:
        return None
    return FiredSignal(id=sid, weight=signal.weight, evidence=score.evidence(), title=signal.title)


def reports_others(sentence: str, compiled: CompiledScreening) -> bool:
    """True when ``sentence`` reports what others did or said ("naboen skrev, at ...")."""
    return compiled.reported.any_in(sentence, tokenize(sentence))


def _model_scores(
    request: ScreeningRequest, compiled: CompiledScreening, refusing: frozenset[str]
) -> dict[str, SignalScore]:
    """The model's best sentence per signal; a signal in ``refusing`` (its firing alone would
    refuse the request) is held to the stricter of its threshold and its guard threshold."""
    spec = compiled.spec.sentence_model
    if compiled.model is None:
        return {}
    model = compiled.model
    limits = {}
    for signal in spec.signals:
        plain = spec.thresholds.get(signal, model.thresholds[signal])
        guard = spec.guard_thresholds.get(signal, model.guard_thresholds.get(signal, plain))
        limits[signal] = max(plain, guard) if signal in refusing else plain
    # As for the phrases: what others did or said is not the requester's intent.
    targets = {sid: m.any_in for sid, m in compiled.model_targets.items()}
    scores = model.score(request.text, limits, lambda s: not reports_others(s, compiled), targets)
    return {s.signal: s for s in scores if s.signal in spec.signals}


def _in_reported_clause(
    match: Match, reported: list[Match], tokens: list[Token], text: str
) -> bool:
    """True when the clause of ``match``, up to the end of the match, reports what others
    did or said ("nogen har lagt hendes navn ud", "folk skriver, at hun burde hænges ud")."""
    if not reported:
        return False
    start = clause_start(tokens, match.start)
    return any(
        start <= r.start < match.end
        # The report's own verb is the match's, past a quoted name in between
        # ('nogen i gruppen "X" har lagt et billede op').
        or (r.start < match.start < r.end and one_clause_past_quotes(text, r.start, match.start))
        or report_covers(tokens, r.end, match.start)
        for r in reported
    )


def incidents_on_record(
    incidents: list[Incident], kind: str, received: date, lookback_months: int = 24
) -> list[Incident]:
    """Incidents of ``kind`` within ``lookback_months`` before receipt (inclusive)."""
    earliest = received - relativedelta(months=lookback_months)
    return [i for i in incidents if i.kind == kind and earliest <= i.date <= received]


def _describe(incident: Incident) -> str:
    staff = f" ({', '.join(incident.staff)})" if incident.staff else ""
    note = f": {incident.note}" if incident.note else ""
    return f"{incident.date.isoformat()} {incident.kind}{staff}{note}"


def _incident_signal(sid: str, signal: SignalSpec, request: ScreeningRequest) -> FiredSignal | None:
    assert signal.incident_kind is not None
    found = incidents_on_record(
        request.history.incidents, signal.incident_kind, request.received, signal.lookback_months
    )
    if not found:
        return None
    evidence = "; ".join(_describe(i) for i in sorted(found, key=lambda i: i.date))
    return FiredSignal(id=sid, weight=signal.weight, evidence=evidence, title=signal.title)


def _volume_signal(sid: str, signal: SignalSpec, request: ScreeningRequest) -> FiredSignal | None:
    count = request.history.contacts_30d
    for threshold in sorted(signal.thresholds, key=lambda t: t.at_least, reverse=True):
        if count >= threshold.at_least:
            return FiredSignal(
                id=sid,
                weight=threshold.weight,
                title=signal.title,
                evidence=f"{count} henvendelser de seneste 30 dage (tærskel {threshold.at_least})",
            )
    return None


def evaluate_signals(
    request: ScreeningRequest,
    compiled: CompiledScreening,
    refusing: frozenset[str] = frozenset(),
) -> list[FiredSignal]:
    """Every enabled signal that fires for ``request``, in the rule file's order. ``refusing``:
    the signals whose firing alone would refuse this request under its rule set."""
    tokens = tokenize(request.text)
    model_scores = _model_scores(request, compiled, refusing)
    fired: list[FiredSignal] = []
    for sid, signal in compiled.spec.signals.items():
        if not signal.enabled:
            continue
        if signal.kind in ("text", "identity"):
            result = _text_signal(sid, signal, compiled, request, tokens, model_scores)
        elif signal.kind == "incident":
            result = _incident_signal(sid, signal, request)
        else:
            result = _volume_signal(sid, signal, request)
        if result is not None:
            fired.append(result)
    return fired


def risk_of(signals: list[FiredSignal], spec: RiskSpec) -> Risk:
    """High if any signal is heavy enough or the total reaches high_total; elevated at
    elevated_total; else low."""
    total = sum(s.weight for s in signals)
    heavy = any(s.weight >= spec.high_if_any_weight_at_least for s in signals)
    if heavy or total >= spec.high_total:
        return "high"
    if total >= spec.elevated_total:
        return "elevated"
    return "low"
