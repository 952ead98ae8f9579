"""The engine of the routes: which steps a person may take now, and taking one.

    options = action_options(state, roles)      # what this person could do now, and what is missing
    actions = allowed_actions(state, roles)     # only the ones that can be taken now
    new_state = apply(ActionKind.FORWARD_TO_HANDLER, state, roles, StepData(on=today), today=today)

``apply`` either returns the new state, with the step appended to ``steps``, or raises
RuleViolation with every reason in Dutch, naming the article; the state passed in never changes
(it is frozen). The rows it applies are in domain/transitions.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.case_state import CaseState, StepRecord
from kina_desktop.domain.dates import long_date
from kina_desktop.domain.enums import Kind, Role, Status
from kina_desktop.domain.errors import RuleViolation
from kina_desktop.domain.labels import field_label
from kina_desktop.domain.routes import RouteKey, route_for
from kina_desktop.domain.transitions import Transition, find, transitions_from
from kina_desktop.i18n import N_, _


@dataclass(frozen=True)
class Action:
    """A step as the GUI shows it: label, the rule that allows it, who may take it, what to fill in."""

    kind: ActionKind
    label: str
    rule: str
    article: str
    target: Status | None
    roles: tuple[Role, ...]
    required: tuple[str, ...]
    optional: tuple[str, ...]

    @property
    def changes_status(self) -> bool:
        return self.target is not None or self.kind in (ActionKind.REQUALIFY, ActionKind.RECLASSIFY)


@dataclass(frozen=True)
class ActionOption:
    """An action this person may take on this route and status, and what is still missing first."""

    action: Action
    problems: tuple[str, ...]

    @property
    def allowed(self) -> bool:
        return not self.problems


def _action(t: Transition) -> Action:
    return Action(
        kind=t.action,
        label=t.action.label(),
        rule=_(t.rule),
        article=t.article,
        target=t.target,
        roles=t.roles,
        required=t.required,
        optional=t.optional,
    )


_ROLE_WITH_ARTICLE = {
    Role.RECEIVER: N_("de klachtenontvanger"),
    Role.HANDLER: N_("de klachtenbehandelaar"),
    Role.TEAM: N_("het klachtenteam"),
    Role.DIRECTOR: N_("de directeur"),
    Role.ADMINISTRATOR: N_("de beheerder"),
}


def roles_text(roles: Iterable[Role]) -> str:
    """'de klachtenontvanger of het klachtenteam'."""
    names = [_(_ROLE_WITH_ARTICLE[r]) for r in roles]
    if len(names) <= 1:
        return "".join(names)
    return _("{first} of {last}").format(first=", ".join(names[:-1]), last=names[-1])


def _may(t: Transition, roles: frozenset[Role]) -> bool:
    return bool(roles.intersection(t.roles))


def next_steps(state: CaseState) -> list[Action]:
    """Every step the reglement allows now, whoever may take it (for 'what is due next')."""
    return [_action(t) for t in transitions_from(route_for(state).key, state.status)]


def action_options(state: CaseState, roles: Iterable[Role]) -> list[ActionOption]:
    """The steps these roles may take now, each with what must be done first (empty: allowed)."""
    mine = frozenset(roles)
    out: list[ActionOption] = []
    for t in transitions_from(route_for(state).key, state.status):
        if not _may(t, mine):
            continue
        problems = tuple(p for p in (check(state) for check in t.requires) if p)
        out.append(ActionOption(_action(t), problems))
    return out


def allowed_actions(state: CaseState, roles: Iterable[Role]) -> list[Action]:
    """The steps these roles may take now."""
    return [o.action for o in action_options(state, roles) if o.allowed]


def is_allowed(action: ActionKind, state: CaseState, roles: Iterable[Role]) -> bool:
    return any(a.kind == action for a in allowed_actions(state, roles))


def _refusal_wrong_step(action: ActionKind, state: CaseState) -> str:
    route = route_for(state)
    possible = next_steps(state)
    text = _("‘{action}’ is niet toegelaten voor ‘{route}’ met status ‘{status}’ ({article}).").format(
        action=action.label(), route=route.key.label(), status=state.status.label(), article=route.article
    )
    if state.status == Status.AWAITING_CONFIRMATION:
        text += " " + _("De mondelinge klacht moet eerst schriftelijk of elektronisch bevestigd worden (Art. 3).")
    elif state.status == Status.CLOSED:
        text += " " + _("Het dossier is afgesloten.")
    elif state.kind != Kind.COMPLAINT:
        text += " " + _("Informatievragen en anonieme meldingen worden niet behandeld als klacht (Art. 3).")
    if possible:
        text += " " + _("Mogelijk nu: {actions}.").format(
            actions="; ".join(f"{a.label} ({roles_text(a.roles)})" for a in possible)
        )
    return text


def _date_problems(t: Transition, state: CaseState, data: StepData, today: dt.date | None) -> list[str]:
    problems: list[str] = []
    entered = state.entered_on(state.status) or state.received_on
    if data.on < state.received_on:
        problems.append(_("De datum van deze stap ligt voor de ontvangst van de klacht."))
    elif t.target is not None and data.on < entered:
        problems.append(
            _("De datum van deze stap ligt voor {date}, de dag waarop het dossier de status ‘{status}’ kreeg.").format(
                date=long_date(entered), status=state.status.label()
            )
        )
    if today is not None and data.on > today:
        problems.append(_("De datum van deze stap ligt in de toekomst."))
    if data.informed_on is not None and today is not None and data.informed_on > today:
        problems.append(_("Deze datum ligt in de toekomst: {field}.").format(field=field_label("informed_on")))
    if data.meeting_on is not None and data.meeting_on < state.received_on:
        problems.append(_("De vergadering kan niet voor de ontvangst van de klacht liggen."))
    return problems


def apply(
    action: ActionKind | Action,
    state: CaseState,
    roles: Iterable[Role],
    data: StepData,
    *,
    today: dt.date | None = None,
) -> CaseState:
    """Take a step. Refused with RuleViolation, naming the article, when the reglement does not
    allow it on this route and status, when none of ``roles`` may take it, when something must be
    done first, or when what was filled in is incomplete. ``today`` refuses dates in the future."""
    kind = action.kind if isinstance(action, Action) else action
    mine = frozenset(roles)
    t = find(route_for(state).key, state.status, kind)
    if t is None:
        raise RuleViolation(_refusal_wrong_step(kind, state))
    if not _may(t, mine):
        raise RuleViolation(
            _("‘{action}’ is voorbehouden aan {roles} ({article}).").format(
                action=kind.label(), roles=roles_text(t.roles), article=t.article
            )
        )
    problems = [p for p in (check(state) for check in t.requires) if p]
    for name in t.required:
        if not data.is_filled(name):
            problems.append(_("Vul ‘{field}’ in ({article}).").format(field=field_label(name), article=t.article))
    problems += _date_problems(t, state, data, today)
    for check in t.inputs:
        problems += check(state, data)
    if problems:
        raise RuleViolation(problems)
    new = t.record(state, data)
    if t.target is not None:
        new = replace(new, status=t.target)
    by_role = next(r for r in t.roles if r in mine)
    step = StepRecord(kind, data.on, state.status, new.status, by_role, (data.reason or data.note).strip())
    return replace(new, steps=new.steps + (step,))


# -- who may write in the handling and closure parts ------------------------------------------


def handling_editors(state: CaseState) -> frozenset[Role]:
    """Who may edit the handling part at this step (Art. 6): the handler on daily operations once
    the case is with them, the director while a working group or board case is with them or on a
    personnel case; corrections stay possible for that role until the case is closed."""
    key = route_for(state).key
    s = state.status
    if key == RouteKey.DAILY_LEVEL_TWO and s in (Status.WITH_HANDLER, Status.HANDLED):
        return frozenset({Role.HANDLER})
    if key == RouteKey.DAILY_LEVEL_THREE:
        if s in (Status.WITH_DIRECTOR, Status.WITH_WORKING_GROUP):
            return frozenset({Role.DIRECTOR})
        if s in (Status.WITH_HANDLER, Status.HANDLED):
            return frozenset({Role.HANDLER})
    if key == RouteKey.PERSONNEL_LEVEL_TWO and s in (Status.WITH_DIRECTOR, Status.HANDLED):
        return frozenset({Role.DIRECTOR})
    if key == RouteKey.PERSONNEL_LEVEL_THREE and s in (Status.WITH_DIRECTOR, Status.WITH_BOARD, Status.HANDLED):
        return frozenset({Role.DIRECTOR})
    return frozenset()


def may_edit_handling(state: CaseState, roles: Iterable[Role]) -> bool:
    return bool(handling_editors(state).intersection(roles))


def closure_editors(state: CaseState) -> frozenset[Role]:
    """Who may write the closure part (Art. 7): whoever may close the case now."""
    t = find(route_for(state).key, state.status, ActionKind.CLOSE)
    return frozenset(t.roles) if t is not None else frozenset()
