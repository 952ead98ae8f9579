"""The steps this person may take now, as buttons with the rule of the reglement that allows them.

Only what the workflow service offers is shown (it already knows the person's roles). A step
whose preconditions are not met is a disabled button with what must happen first, in the words
of the domain (each naming its article). Clicking a step calls ``on_step(kind)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from kina_desktop.domain.actions import ActionKind
from kina_desktop.i18n import _

if TYPE_CHECKING:
    from kina_desktop.domain.workflow import ActionOption

# Steps that change what the case is rather than move it on: listed after the others.
CLASSIFYING = (ActionKind.REQUALIFY, ActionKind.RECLASSIFY)
# ActionKind lists the steps in the order of the procedure (Art. 3, 5, 6, 7).
PROCEDURE_ORDER = {kind: index for index, kind in enumerate(ActionKind)}
RULE_STYLE = "color: #555;"
PROBLEM_STYLE = "color: #8c1d18;"


def _groups(options: Iterable[ActionOption]) -> tuple[list[ActionOption], list[ActionOption], list[ActionOption]]:
    """The steps that move the case on and can be taken now; those that cannot be taken yet;
    and re-classifying (rarely needed). Each in the order of the procedure."""
    ordered = sorted(options, key=lambda o: PROCEDURE_ORDER[o.action.kind])
    other = [o for o in ordered if o.action.kind in CLASSIFYING]
    route = [o for o in ordered if o.action.kind not in CLASSIFYING]
    return [o for o in route if o.allowed], [o for o in route if not o.allowed], other


def _subheading(text: str, name: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 6, 0, 0)
    return label


class StepOption(QWidget):
    """One step: the button, the rule under it, and what is missing when it cannot be taken yet."""

    def __init__(
        self,
        option: ActionOption,
        on_step: Callable[[ActionKind], None],
        parent: QWidget | None = None,
        *,
        show_rule: bool = True,
    ) -> None:
        super().__init__(parent)
        action = option.action
        self.setObjectName(f"step_{action.kind.value}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(2)
        self.button = QPushButton(action.label + ("…" if action.required or action.optional else ""), self)
        self.button.setObjectName("step_button")
        self.button.setStyleSheet("text-align: left; padding: 4px 8px;")
        self.button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.button.setAutoDefault(False)
        self.button.setEnabled(option.allowed)
        self.button.setToolTip(action.rule)
        self.setToolTip(action.rule)
        kind = action.kind
        self.button.clicked.connect(lambda _checked=False, kind=kind: on_step(kind))
        layout.addWidget(self.button)
        self.rule = QLabel(action.rule, self)
        self.rule.setObjectName("step_rule")
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet(RULE_STYLE)
        font = self.rule.font()
        font.setPointSizeF(font.pointSizeF() * 0.88)
        self.rule.setFont(font)
        self.rule.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.rule)
        # A step that cannot be taken yet shows what is missing instead of its rule (in its tooltip).
        self.rule.setVisible(show_rule and option.allowed)
        self.problems = QLabel("\n".join(f"• {p}" for p in option.problems), self)
        self.problems.setObjectName("step_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(PROBLEM_STYLE)
        self.problems.setFont(font)
        self.problems.setContentsMargins(8, 0, 0, 0)
        self.problems.setVisible(bool(option.problems))
        layout.addWidget(self.problems)
        self.kind = kind


class StepButtons(QWidget):
    def __init__(self, on_step: Callable[[ActionKind], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_buttons")
        self._on_step = on_step
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.nothing = QLabel(_("U kunt nu geen stap zetten in dit dossier."), self)
        self.nothing.setObjectName("no_steps")
        self.nothing.setWordWrap(True)
        self.nothing.setStyleSheet(RULE_STYLE)
        self._layout.addWidget(self.nothing)
        # Folded by default: what cannot be done yet is there to look up, not to read every time.
        self.not_yet = QToolButton(self)
        self.not_yet.setObjectName("not_yet")
        self.not_yet.setCheckable(True)
        self.not_yet.setAutoRaise(True)
        self.not_yet.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        font = self.not_yet.font()
        font.setBold(True)
        self.not_yet.setFont(font)
        self.not_yet.toggled.connect(self._show_blocked)
        self._blocked: list[StepOption] = []
        self.other = _subheading(_("Andere stappen"), "other_steps", self)
        self.options: list[StepOption] = []

    def set_options(self, options: Iterable[ActionOption]) -> None:
        for widget in self.options:
            self._layout.removeWidget(widget)
            widget.deleteLater()
        self.options = []
        allowed, blocked, other = _groups(options)
        self.not_yet.setText(_("Nog niet mogelijk ({n})").format(n=len(blocked)))
        self._blocked = []
        for heading, group in ((None, allowed), (self.not_yet, blocked), (self.other, other)):
            if heading is not None:
                self._layout.removeWidget(heading)
                heading.setVisible(bool(group))
                if group:
                    self._layout.addWidget(heading)
            for option in group:
                widget = StepOption(option, self._on_step, self, show_rule=heading is not self.other)
                self._layout.addWidget(widget)
                self.options.append(widget)
                if heading is self.not_yet:
                    self._blocked.append(widget)
        self._show_blocked(self.not_yet.isChecked())
        self.nothing.setVisible(not allowed)

    def _show_blocked(self, shown: bool) -> None:
        self.not_yet.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        for widget in self._blocked:
            widget.setVisible(shown)

    def minimum_width_for_labels(self) -> int:
        """Room for the longest step label on a button (the panel never cuts one off)."""
        metrics = self.fontMetrics()
        return max(metrics.horizontalAdvance(kind.label() + "…") for kind in ActionKind) + 40

    def option(self, kind: ActionKind) -> StepOption | None:
        return next((o for o in self.options if o.kind == kind), None)

    def button(self, kind: ActionKind) -> QPushButton | None:
        option = self.option(kind)
        return option.button if option is not None else None
