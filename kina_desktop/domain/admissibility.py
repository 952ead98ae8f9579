"""Admissibility (Art. 3): admissible, or inadmissible on one or more of the nine grounds, each
with a motivation; and the grounds the program can propose from the data.

Art. 3 lists the nine grounds ("Volgende klachten worden als niet ontvankelijk beschouwd").
Three can be seen in the data and are proposed; a person confirms or rejects each proposal:
- facts more than six months before the complaint ("langer dan zes maand voor de indiening"),
  counted as in shared/DOMAIN.md: facts before the same calendar day six months before receipt,
  clamped to the month's last day (received 31 August: facts before 28/29 February);
- anonymous ("Anonieme klachten");
- an earlier complaint of the same complainant about the same facts that was correctly handled
  ("feiten waarover eerder een klacht is ingediend die al correct werd behandeld"): the caller
  gives summaries of earlier cases; a match needs the same complainant (domain/complainant_match:
  same e-mail address, or the same name, word order and accents aside, at an address that does
  not contradict it) and what looks like the same facts: a similar subject (shared words or
  nearly the same text), or the same category and OCMW or service with a similar description.
  Each proposal says why in plain Dutch, so a person can judge it.
The other grounds are a person's judgement, recorded with a motivation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from kina_desktop.domain.complainant_match import Complainant, identified, recognised
from kina_desktop.domain.complaint import Description
from kina_desktop.domain.dates import long_date
from kina_desktop.domain.deadlines import six_month_limit
from kina_desktop.domain.enums import Admissibility, Category, InadmissibilityGround, Kind, Status
from kina_desktop.domain.errors import RuleViolation
from kina_desktop.domain.text import fold
from kina_desktop.i18n import _

# A subject counts as "about the same facts" from this similarity on (0..1).
SUBJECT_SIMILARITY_THRESHOLD = 0.5
# With the same category and OCMW or service, descriptions sharing this share of their
# meaningful words count as the same facts too.
TEXT_SIMILARITY_THRESHOLD = 0.4

# Words that say nothing about the facts, left out when comparing subjects.
_STOPWORDS = frozenset(
    """de het een en of van voor over in op aan met bij te tot uit door naar als dat die dit
    is zijn was werd wordt niet geen mijn mij ik u uw we wij ze zij hij haar hem klacht klachten
    ocmw kina les des the and""".split()
)
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class GroundFinding:
    """One ground of Art. 3 that makes the complaint inadmissible, with its motivation."""

    ground: InadmissibilityGround
    motivation: str


@dataclass(frozen=True)
class AdmissibilityDecision:
    """Art. 3 and 6: undecided, admissible, or inadmissible with one or more grounds."""

    admissibility: Admissibility = Admissibility.UNDECIDED
    findings: tuple[GroundFinding, ...] = ()

    @classmethod
    def admissible(cls) -> AdmissibilityDecision:
        return cls(Admissibility.ADMISSIBLE, ())

    @classmethod
    def inadmissible(cls, *findings: GroundFinding) -> AdmissibilityDecision:
        return cls(Admissibility.INADMISSIBLE, tuple(findings))

    @property
    def grounds(self) -> tuple[InadmissibilityGround, ...]:
        return tuple(f.ground for f in self.findings)

    @property
    def decided(self) -> bool:
        return self.admissibility != Admissibility.UNDECIDED


def decision_problems(decision: AdmissibilityDecision) -> list[str]:
    """What is wrong with a decision, in Dutch, naming Art. 3 (empty when it is complete)."""
    problems: list[str] = []
    if decision.admissibility == Admissibility.UNDECIDED:
        return [_("Kies ontvankelijk of niet ontvankelijk (Art. 3).")]
    if decision.admissibility == Admissibility.ADMISSIBLE:
        if decision.findings:
            problems.append(_("Een ontvankelijke klacht heeft geen grond van niet-ontvankelijkheid (Art. 3)."))
        return problems
    if not decision.findings:
        problems.append(_("Kies minstens één grond van niet-ontvankelijkheid uit Art. 3."))
    seen: set[InadmissibilityGround] = set()
    for finding in decision.findings:
        if finding.ground in seen:
            problems.append(_("De grond ‘{ground}’ staat er twee keer (Art. 3).").format(ground=finding.ground.label()))
        seen.add(finding.ground)
        if not finding.motivation.strip():
            problems.append(_("Motiveer de grond ‘{ground}’ (Art. 3).").format(ground=finding.ground.label()))
    return problems


# -- proposals --------------------------------------------------------------------------------


@dataclass(frozen=True)
class EarlierCase:
    """What the repeat rule needs to know of an earlier case of the register."""

    tracking_number: str
    received_on: dt.date
    complainant_name: str = ""
    complainant_email: str = ""
    subject: str = ""
    facts_on: dt.date | None = None
    kind: Kind = Kind.COMPLAINT
    status: Status = Status.CLOSED
    closed_on: dt.date | None = None
    case_id: int | None = None
    complainant_street: str = ""
    complainant_postal_code: str = ""
    complainant_city: str = ""
    category: Category | None = None
    organisation: str = ""
    text: str = ""

    @property
    def complainant(self) -> Complainant:
        return Complainant(
            name=self.complainant_name,
            email=self.complainant_email,
            street=self.complainant_street,
            postal_code=self.complainant_postal_code,
            city=self.complainant_city,
        )

    @property
    def correctly_handled(self) -> bool:
        """A complaint that went its whole route of Art. 6 and was closed."""
        return self.kind == Kind.COMPLAINT and self.status == Status.CLOSED


@dataclass(frozen=True)
class Proposal:
    """A ground the program sees in the data; a person confirms or rejects it."""

    ground: InadmissibilityGround
    explanation: str
    earlier_cases: tuple[str, ...] = ()  # tracking numbers behind a repeat proposal


@dataclass(frozen=True)
class ProposalReview:
    """A person's answer to a proposal: confirmed (with a motivation) or rejected."""

    ground: InadmissibilityGround
    confirmed: bool
    motivation: str = ""


def facts_too_old(received_on: dt.date, facts_on: dt.date | None) -> bool:
    """Art. 3: facts that took place before the same calendar day six months before receipt."""
    return facts_on is not None and facts_on < six_month_limit(received_on)


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(fold(text)) if len(w) >= 3 and w not in _STOPWORDS}


def subject_similarity(a: str, b: str) -> float:
    """0..1: the share of meaningful words two subjects have in common (Jaccard), or how alike
    the texts are letter by letter when that is higher (typing differences)."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 0.0
    wa, wb = _words(a), _words(b)
    shared = len(wa & wb) / len(wa | wb) if wa and wb else 0.0
    return max(shared, SequenceMatcher(None, fa, fb).ratio())


def text_similarity(a: str, b: str) -> float:
    """0..1: the share of meaningful words two descriptions have in common (Jaccard)."""
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def facts_similarity(description: Description, category: Category | None, case: EarlierCase) -> float:
    """0..1: how much an earlier case looks like the same facts. The subjects' similarity; or,
    when both are about the same OCMW or service in the same category, how alike the
    descriptions are when that is higher."""
    similarity = subject_similarity(description.subject, case.subject)
    same_place = bool(fold(description.organisation)) and fold(description.organisation) == fold(case.organisation)
    same_category = category is None or case.category is None or category == case.category
    if same_place and same_category:
        text = text_similarity(description.text, case.text)
        if text >= TEXT_SIMILARITY_THRESHOLD:
            similarity = max(similarity, text)
    return similarity


def same_complainant(name_a: str, email_a: str, name_b: str, email_b: str) -> str | None:
    """Why two registrations come from the same complainant (Dutch), None when they do not
    (by name and e-mail only; ``complainant_match.recognised`` also weighs the address)."""
    return recognised(Complainant(name=name_a, email=email_a), Complainant(name=name_b, email=email_b))


@dataclass(frozen=True)
class RepeatMatch:
    case: EarlierCase
    complainant_reason: str
    similarity: float


def looks_like_same_facts(similarity: float) -> bool:
    return similarity >= SUBJECT_SIMILARITY_THRESHOLD


def earlier_complaints_about_same_facts(
    description: Description, earlier: Iterable[EarlierCase], category: Category | None = None
) -> list[RepeatMatch]:
    """Earlier, correctly handled complaints of the same complainant about what looks like the
    same facts (``facts_similarity``), most similar first."""
    matches: list[RepeatMatch] = []
    complainant = Complainant.of(description)
    for case in earlier:
        if not case.correctly_handled or case.received_on > description.received_on:
            continue
        reason = identified(complainant, case.complainant)  # never a namesake on the name alone
        if reason is None:
            continue
        similarity = facts_similarity(description, category, case)
        if looks_like_same_facts(similarity):
            matches.append(RepeatMatch(case, reason, similarity))
    matches.sort(key=lambda m: (-m.similarity, m.case.tracking_number))
    return matches


def propose_grounds(
    description: Description, kind: Kind, earlier: Iterable[EarlierCase] = (), category: Category | None = None
) -> list[Proposal]:
    """The grounds of Art. 3 the data suggest, in the order of the reglement."""
    proposals: list[Proposal] = []
    if kind == Kind.ANONYMOUS_REPORT or not description.complainant_name.strip():
        proposals.append(
            Proposal(
                InadmissibilityGround.ANONYMOUS,
                _("De klager is niet gekend: anonieme klachten zijn niet ontvankelijk (Art. 3)."),
            )
        )
    matches = earlier_complaints_about_same_facts(description, earlier, category)
    if matches:
        parts = [
            _("{number} van {date} ({reason}, {percent}% gelijk)").format(
                number=m.case.tracking_number,
                date=long_date(m.case.received_on),
                reason=m.complainant_reason,
                percent=round(m.similarity * 100),
            )
            for m in matches
        ]
        proposals.append(
            Proposal(
                InadmissibilityGround.ALREADY_HANDLED,
                _(
                    "Dezelfde klager diende eerder een klacht in over wat dezelfde feiten lijken, die al "
                    "correct werd behandeld: {cases} (Art. 3)."
                ).format(cases="; ".join(parts)),
                tuple(m.case.tracking_number for m in matches),
            )
        )
    if facts_too_old(description.received_on, description.facts_on):
        assert description.facts_on is not None
        proposals.append(
            Proposal(
                InadmissibilityGround.OLDER_THAN_SIX_MONTHS,
                _(
                    "De feiten dateren van {facts}, meer dan zes maanden voor de ontvangst op {received}: "
                    "feiten van voor {limit} zijn te oud (Art. 3)."
                ).format(
                    facts=long_date(description.facts_on),
                    received=long_date(description.received_on),
                    limit=long_date(six_month_limit(description.received_on)),
                ),
            )
        )
    return proposals


def decide(
    proposals: Sequence[Proposal], reviews: Sequence[ProposalReview], other_findings: Sequence[GroundFinding] = ()
) -> AdmissibilityDecision:
    """The decision from a person's review of every proposal plus the grounds they add.

    Every proposal must be confirmed or rejected; a confirmed proposal without a motivation of its
    own takes the program's explanation as its motivation. No ground at all means admissible.
    Raises RuleViolation (Art. 3) when a proposal was not reviewed or a finding is incomplete.
    """
    by_ground = {r.ground: r for r in reviews}
    problems: list[str] = []
    findings: list[GroundFinding] = []
    for proposal in proposals:
        review = by_ground.get(proposal.ground)
        if review is None:
            problems.append(
                _("Bevestig of verwerp het voorstel ‘{ground}’ (Art. 3).").format(ground=proposal.ground.label())
            )
            continue
        if review.confirmed:
            findings.append(GroundFinding(proposal.ground, review.motivation.strip() or proposal.explanation))
    findings.extend(other_findings)
    decision = AdmissibilityDecision.inadmissible(*findings) if findings else AdmissibilityDecision.admissible()
    problems += decision_problems(decision)
    if problems:
        raise RuleViolation(problems)
    return decision
