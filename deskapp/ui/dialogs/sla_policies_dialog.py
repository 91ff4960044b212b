"""SLA policies, for managers: the list on one side, the chosen policy's form on the
other. A policy applies to a priority, a customer segment and a channel (each may be
"any"; the most specific match wins), has first-response and resolution targets in
business hours and minutes of a calendar, and warning stages in percent.

The service validates and enforces the permission; its messages appear under the
field they are about, and a stale edit ("changed by X") keeps what was typed."""

from __future__ import annotations

import re
import uuid

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from deskapp.models.enums import Channel, Priority, Segment
from deskapp.services.errors import PermissionDenied, ValidationFailed
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor, Permission
from deskapp.services.sla_admin import CalendarInfo, PolicyDraft, PolicyInfo
from deskapp.ui.dialogs.form_errors import FieldErrors, error_label
from deskapp.ui.labels import label
from deskapp.ui.tasks import TaskRunner

_ID = Qt.ItemDataRole.UserRole
MAX_HOURS = 366 * 24


class DurationEdit(QWidget):
    """Business hours and minutes; ``minutes()`` is the total."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hours = QSpinBox(self)
        self.hours.setRange(0, MAX_HOURS)
        self.hours.setSuffix(self.tr(" h"))
        self.mins = QSpinBox(self)
        self.mins.setRange(0, 59)
        self.mins.setSuffix(self.tr(" min"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hours)
        layout.addWidget(self.mins)
        layout.addStretch(1)

    def minutes(self) -> int:
        return self.hours.value() * 60 + self.mins.value()

    def set_minutes(self, total: int) -> None:
        self.hours.setValue(total // 60)
        self.mins.setValue(total % 60)


def parse_stages(text: str) -> list[int]:
    """ "75, 90" -> [75, 90]; the service checks the range and the order."""
    parts = [p for p in re.split(r"[\s,،;]+", text.strip()) if p]
    try:
        return [int(p.rstrip("%")) for p in parts]
    except ValueError:
        raise ValidationFailed(
            "Warning stages are whole percentages separated by commas, for example 75, 90.",
            "warning_stages",
        ) from None


class SlaPoliciesDialog(QDialog):
    policy_saved = Signal(object)  # PolicyInfo
    loaded = Signal()

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("slaPoliciesDialog")
        self.setWindowTitle(self.tr("SLA policies"))
        self._services = services
        self._actor = actor
        self._runner = runner
        self._policies: list[PolicyInfo] = []
        self._current: PolicyInfo | None = None  # None: a new policy
        self._notice = ""  # shown once the list has reloaded
        self._build()
        self._connect_signals()
        self.resize(820, 560)
        if not actor.can(Permission.MANAGE_SLA):
            self._errors.show(PermissionDenied(self.tr("Only managers edit SLA policies.")))
            self.form_box.setEnabled(False)
            self.new_button.setEnabled(False)
        else:
            self.reload()

    # -- building -----------------------------------------------------------
    def _build(self) -> None:
        self.policy_list = QListWidget(self)
        self.policy_list.setObjectName("policyList")
        self.new_button = QPushButton(self.tr("New policy"), self)
        self.new_button.setObjectName("newPolicyButton")
        left = QVBoxLayout()
        left.addWidget(self.policy_list, 1)
        left.addWidget(self.new_button)

        self.form_box = QWidget(self)
        self.name = QLineEdit(self.form_box)
        self.name.setObjectName("policyName")
        self.name.setMaxLength(80)
        self.priority = self._any_combo("priorityCombo", Priority)
        self.segment = self._any_combo("segmentCombo", Segment)
        self.channel = self._any_combo("channelCombo", Channel)
        self.first_response = DurationEdit(self.form_box)
        self.first_response.setObjectName("firstResponseTarget")
        self.resolution = DurationEdit(self.form_box)
        self.resolution.setObjectName("resolutionTarget")
        self.stages = QLineEdit(self.form_box)
        self.stages.setObjectName("warningStages")
        self.stages.setPlaceholderText(self.tr("for example 75, 90"))
        self.calendar = QComboBox(self.form_box)
        self.calendar.setObjectName("calendarCombo")
        self.is_default = QCheckBox(self.tr("Default policy (when no other matches)"), self.form_box)
        self.is_default.setObjectName("defaultCheck")
        self.active = QCheckBox(self.tr("Active"), self.form_box)
        self.active.setObjectName("activeCheck")

        self.general_error = error_label(self, "errorLabel")
        self._errors = FieldErrors(self.general_error)
        form = QFormLayout(self.form_box)
        rows = [
            ("name", self.tr("Name:"), self.name),
            ("priority", self.tr("Priority:"), self.priority),
            ("segment", self.tr("Customer segment:"), self.segment),
            ("channel", self.tr("Channel:"), self.channel),
            ("first_response_minutes", self.tr("First response within:"), self.first_response),
            ("resolution_minutes", self.tr("Resolution within:"), self.resolution),
            ("warning_stages", self.tr("Warn at (% of target):"), self.stages),
            ("calendar_id", self.tr("Business calendar:"), self.calendar),
            ("is_default", "", self.is_default),
            ("active", "", self.active),
        ]
        for field, text, widget in rows:
            form.addRow(text, widget)
            form.addRow("", self._errors.add(field, error_label(self.form_box, f"{field}Error")))
        hint = QLabel(
            self.tr("Targets count business time of the calendar. Leave a criterion at "
                    "\u201cAny\u201d to match every value; the most specific policy wins."),
            self.form_box,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #616161;")
        form.addRow(hint)

        self.status = QLabel(self)
        self.status.setObjectName("statusLabel")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = self.buttons.addButton(
            self.tr("Save policy"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.save_button.setObjectName("saveButton")

        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addWidget(self.form_box, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _any_combo(self, name: str, enum_cls: type) -> QComboBox:
        combo = QComboBox(self.form_box)
        combo.setObjectName(name)
        combo.addItem(self.tr("Any"), None)
        for member in enum_cls:
            combo.addItem(label(member), member)
        return combo

    def _connect_signals(self) -> None:
        self.policy_list.currentItemChanged.connect(self._on_policy_list_current_item_changed)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.buttons.rejected.connect(self.reject)

    # -- loading ------------------------------------------------------------
    def reload(self, select: uuid.UUID | None = None) -> None:
        admin, actor = self._services.sla_admin, self._actor
        self.status.setText(self.tr("Loading…"))
        self._runner.submit(
            lambda: (admin.list_policies(actor), admin.list_calendars(actor)),
            on_done=lambda result: self._on_loaded(result, select),
            on_error=self._on_failed,
            key=f"sla-policies-{id(self)}",
        )

    def _on_loaded(self, result: tuple[list[PolicyInfo], list[CalendarInfo]], select) -> None:
        self._policies, calendars = result
        self.status.setText(self._notice)
        self._notice = ""
        self.calendar.clear()
        for cal in calendars:
            self.calendar.addItem(cal.name, cal.id)
        self.policy_list.blockSignals(True)
        self.policy_list.clear()
        for policy in self._policies:
            item = QListWidgetItem(self._list_text(policy), self.policy_list)
            item.setData(_ID, policy.id)
            if not policy.active:
                item.setForeground(Qt.GlobalColor.gray)
        self.policy_list.blockSignals(False)
        wanted = select or (self._current.id if self._current else None)
        row = next((i for i, p in enumerate(self._policies) if p.id == wanted), 0)
        if self._policies:
            self.policy_list.setCurrentRow(row)
            self._show(self._policies[row])
        else:
            self._show(None)
        self.loaded.emit()

    def _list_text(self, policy: PolicyInfo) -> str:
        parts = [policy.name]
        if policy.is_default:
            parts.append(self.tr("(default)"))
        if not policy.active:
            parts.append(self.tr("(inactive)"))
        return " ".join(parts)

    def _show(self, policy: PolicyInfo | None) -> None:
        self._current = policy
        self._errors.clear()
        self.name.setText(policy.name if policy else "")
        for combo, value in (
            (self.priority, policy.priority if policy else None),
            (self.segment, policy.segment if policy else None),
            (self.channel, policy.channel if policy else None),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.first_response.set_minutes(policy.first_response_minutes if policy else 60)
        self.resolution.set_minutes(policy.resolution_minutes if policy else 480)
        self.stages.setText(", ".join(str(p) for p in (policy.warning_stages if policy else (75, 90))))
        if policy is not None:
            self.calendar.setCurrentIndex(max(0, self.calendar.findData(policy.calendar_id)))
        self.is_default.setChecked(bool(policy and policy.is_default))
        self.active.setChecked(policy.active if policy else True)

    # -- saving -------------------------------------------------------------
    def draft(self) -> PolicyDraft:
        """What the form says, as the service takes it (may raise ValidationFailed)."""
        return PolicyDraft(
            name=self.name.text(),
            first_response_minutes=self.first_response.minutes(),
            resolution_minutes=self.resolution.minutes(),
            calendar_id=self.calendar.currentData(),
            priority=self.priority.currentData(),
            segment=self.segment.currentData(),
            channel=self.channel.currentData(),
            warning_stages=tuple(parse_stages(self.stages.text())),
            is_default=self.is_default.isChecked(),
            active=self.active.isChecked(),
        )

    @Slot()
    def _on_save_button_clicked(self) -> None:
        try:
            draft = self.draft()
        except ValidationFailed as exc:
            self._errors.show(exc)
            return
        self._errors.clear()
        admin, actor, current = self._services.sla_admin, self._actor, self._current
        if current is None:
            work = lambda: admin.create_policy(actor, draft)  # noqa: E731
        else:
            work = lambda: admin.update_policy(actor, current.id, current.version, draft)  # noqa: E731
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self._runner.submit(work, on_done=self._on_saved, on_error=self._on_failed)

    def _on_saved(self, info: PolicyInfo) -> None:
        self.save_button.setEnabled(True)
        self._notice = self.tr("Saved \u201c%1\u201d.").replace("%1", info.name)
        self._current = info
        self.policy_saved.emit(info)
        self.reload(select=info.id)

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.status.clear()
        self._errors.show(exc)  # the form keeps what was typed

    # -- list ---------------------------------------------------------------
    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_policy_list_current_item_changed(self, item: QListWidgetItem | None, _previous) -> None:
        if item is None:
            return
        policy_id = item.data(_ID)
        policy = next((p for p in self._policies if p.id == policy_id), None)
        if policy is not None:
            self._show(policy)

    @Slot()
    def _on_new_button_clicked(self) -> None:
        self.policy_list.blockSignals(True)
        self.policy_list.clearSelection()
        self.policy_list.setCurrentItem(None)
        self.policy_list.blockSignals(False)
        self._show(None)
        self.name.setFocus()
