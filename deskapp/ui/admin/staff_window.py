"""Staff and teams: the desk's teams (name, tier, supervisor, skills with English and
Persian names, members) and its people (name, role, tier, teams, language; disable,
enable, reset a password).

Who sees what: administrators and managers edit teams; administrators edit people; a
supervisor sees the teams and may change the members of the teams they supervise
(everything else read-only). The services check the same rules again.

Every save sends the version the form was loaded with; a change made meanwhile on
another workstation (or a team removed there) comes back as a clear message and the
list reloads, nothing is written.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from deskapp.models.enums import Role
from deskapp.services.dto import TeamInfo, UserInfo
from deskapp.services.facade import Services
from deskapp.services.permissions import Actor, Permission
from deskapp.services.staff_admin import DisabledUser
from deskapp.ui.admin.messages import describe
from deskapp.ui.dialogs.form_errors import error_label
from deskapp.ui.labels import label
from deskapp.ui.tasks import TaskRunner

_C = "StaffWindow"
LANGUAGES = (("en", "English"), ("fa", "Persian"))


def _language_name(code: str) -> str:
    names = {"en": QCoreApplication.translate("StaffWindow", "English"),
             "fa": QCoreApplication.translate("StaffWindow", "Persian")}
    return names.get(code, code)


def checked_names(widget: QListWidget) -> list[str]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def fill_checklist(widget: QListWidget, items: list[tuple[str, str]], checked: set[str]) -> None:
    widget.clear()
    for key, text in items:
        item = QListWidgetItem(text, widget)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)


class TeamsPage(QWidget):
    changed = Signal()

    def __init__(self, window: StaffWindow) -> None:
        super().__init__(window)
        self.setObjectName("teamsPage")
        self._w = window
        actor = window.actor
        self.may_manage = actor.can(Permission.MANAGE_TEAMS)
        self.team: TeamInfo | None = None  # None: a new team

        self.list = QListWidget(self)
        self.list.setObjectName("teamList")
        self.new_button = QPushButton(self.tr("New team"), self)
        self.new_button.setObjectName("newTeamButton")
        self.name = QLineEdit(self)
        self.name.setObjectName("teamName")
        self.tier = QSpinBox(self)
        self.tier.setObjectName("teamTier")
        self.tier.setRange(1, 3)
        self.supervisor = QComboBox(self)
        self.supervisor.setObjectName("teamSupervisor")
        self.auto_assign = QComboBox(self)
        self.auto_assign.setObjectName("teamAutoAssign")
        for mode, text in (("off", self.tr("Off: supervisors assign")),
                           ("least_loaded", self.tr("To the least-loaded available agent")),
                           ("round_robin", self.tr("In turn (round-robin) among available agents"))):
            self.auto_assign.addItem(text, mode)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("teamDescription")
        self.description.setMaximumHeight(60)
        self.skills = QTableWidget(0, 3, self)
        self.skills.setObjectName("teamSkills")
        self.skills.setHorizontalHeaderLabels(
            [self.tr("Skill code"), self.tr("English name"), self.tr("Persian name")])
        self.skills.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.skills.verticalHeader().hide()
        self.skills.setMaximumHeight(130)
        self.add_skill_button = QPushButton(self.tr("Add skill"), self)
        self.remove_skill_button = QPushButton(self.tr("Remove skill"), self)
        self.members = QListWidget(self)
        self.members.setObjectName("teamMembers")
        self.error = error_label(self, "teamError")
        self.save_button = QPushButton(self.tr("Save team"), self)
        self.save_button.setObjectName("saveTeamButton")
        self.remove_button = QPushButton(self.tr("Remove team"), self)
        self.remove_button.setObjectName("removeTeamButton")

        left = QVBoxLayout()
        left.addWidget(self.list)
        left.addWidget(self.new_button)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Tier:"), self.tier)
        form.addRow(self.tr("&Supervisor:"), self.supervisor)
        form.addRow(self.tr("&Auto-assignment:"), self.auto_assign)
        form.addRow(self.tr("&Description:"), self.description)
        skill_buttons = QHBoxLayout()
        skill_buttons.addWidget(self.add_skill_button)
        skill_buttons.addWidget(self.remove_skill_button)
        skill_buttons.addStretch(1)
        skills_box = QVBoxLayout()
        skills_box.addWidget(self.skills)
        skills_box.addLayout(skill_buttons)
        form.addRow(self.tr("Skills:"), skills_box)
        form.addRow(self.tr("&Members:"), self.members)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.error)
        right.addLayout(buttons)
        left_w, right_w = QWidget(self), QWidget(self)
        left_w.setLayout(left)
        right_w.setLayout(right)
        split = QSplitter(self)
        split.addWidget(left_w)
        split.addWidget(right_w)
        split.setStretchFactor(1, 3)
        outer = QVBoxLayout(self)
        outer.addWidget(split)

        self.new_button.setVisible(self.may_manage)
        self.remove_button.setVisible(self.may_manage)
        self._connect_signals()
        self._set_editable(False)

    def _connect_signals(self) -> None:
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.add_skill_button.clicked.connect(lambda: self.skills.insertRow(self.skills.rowCount()))
        self.remove_skill_button.clicked.connect(
            lambda: self.skills.removeRow(self.skills.currentRow()))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)

    # -- showing -------------------------------------------------------------
    def populate(self, teams: list[TeamInfo], select: uuid.UUID | None = None) -> None:
        current = select or (self.team.id if self.team else None)
        self.list.blockSignals(True)
        self.list.clear()
        for t in teams:
            item = QListWidgetItem(t.name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, t)
        self.list.blockSignals(False)
        row = next((i for i, t in enumerate(teams) if t.id == current), 0 if teams else -1)
        if row >= 0:
            self.list.setCurrentRow(row)
        else:
            self._show(None)

    def _may_edit_members(self, team: TeamInfo | None) -> bool:
        actor = self._w.actor
        if self.may_manage:
            return True
        return team is not None and actor.role is Role.SUPERVISOR and \
            team.supervisor_id == actor.user_id

    def _set_editable(self, editable_members: bool) -> None:
        for widget in (self.name, self.tier, self.supervisor, self.description, self.skills,
                       self.add_skill_button, self.remove_skill_button):
            widget.setEnabled(self.may_manage)
        self.members.setEnabled(editable_members)
        self.auto_assign.setEnabled(editable_members)
        self.save_button.setEnabled(self.may_manage or editable_members)

    def _show(self, team: TeamInfo | None) -> None:
        self.team = team
        self.error.hide()
        users = [u for u in self._w.users if u.active]
        self.name.setText(team.name if team else "")
        self.tier.setValue(team.tier if team else 1)
        self.description.setPlainText(team.description if team else "")
        self.auto_assign.setCurrentIndex(max(0, self.auto_assign.findData(
            team.auto_assign if team else "off")))
        self.supervisor.clear()
        self.supervisor.addItem(self.tr("(none)"), "")
        for u in users:
            if u.role in (Role.SUPERVISOR, Role.MANAGER):
                self.supervisor.addItem(u.display_name, u.username)
        if team and team.supervisor_id:
            sup = next((u for u in self._w.users if u.id == team.supervisor_id), None)
            if sup is not None:
                index = self.supervisor.findData(sup.username)
                if index < 0:
                    self.supervisor.addItem(sup.display_name, sup.username)
                    index = self.supervisor.count() - 1
                self.supervisor.setCurrentIndex(index)
        self.skills.setRowCount(0)
        for skill in (team.skills if team else ()):
            row = self.skills.rowCount()
            self.skills.insertRow(row)
            names = team.skill_labels.get(skill, {}) if team else {}
            for col, text in enumerate((skill, names.get("en", ""), names.get("fa", ""))):
                self.skills.setItem(row, col, QTableWidgetItem(text))
        fill_checklist(
            self.members,
            [(u.username, f"{u.display_name} ({label(u.role)})") for u in users
             if u.role is not Role.ADMIN],
            set(team.member_names) if team else set(),
        )
        self._set_editable(self._may_edit_members(team) or team is None)
        self.remove_button.setEnabled(self.may_manage and team is not None)

    def skill_rows(self) -> tuple[list[str], dict[str, dict[str, str]]]:
        skills: list[str] = []
        labels: dict[str, dict[str, str]] = {}
        for row in range(self.skills.rowCount()):
            items = [self.skills.item(row, c) for c in range(3)]
            cells = [item.text().strip() if item is not None else "" for item in items]
            code = cells[0].lower()
            if not code:
                continue
            skills.append(code)
            names = {k: v for k, v in (("en", cells[1]), ("fa", cells[2])) if v}
            if names:
                labels[code] = names
        return skills, labels

    # -- slots ---------------------------------------------------------------
    @Slot()
    def _on_list_current_item_changed(self) -> None:
        item = self.list.currentItem()
        self._show(item.data(Qt.ItemDataRole.UserRole) if item else None)

    @Slot()
    def _on_new_button_clicked(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self._show(None)
        self.name.setFocus()

    @Slot()
    def _on_save_button_clicked(self) -> None:
        services, actor, team = self._w.services, self._w.actor, self.team
        members = checked_names(self.members)
        mode = self.auto_assign.currentData()
        if team is not None and not self.may_manage:
            def op():
                return services.staff_admin.edit_team(actor, team.id, team.version,
                                                      members=members)
        else:
            name = self.name.text()
            skills, labels = self.skill_rows()
            tier = self.tier.value()
            supervisor = self.supervisor.currentData() or None
            description = self.description.toPlainText()
            if team is None:
                def op():
                    return services.staff_admin.create_team(
                        actor, name, skills=skills, skill_labels=labels, tier=tier,
                        supervisor=supervisor, description=description, members=members)
            else:
                def op():
                    return services.staff_admin.edit_team(
                        actor, team.id, team.version, name=name, skills=skills,
                        skill_labels=labels, tier=tier, supervisor=supervisor,
                        description=description, members=members)
        def save():
            info = op()
            if mode != (team.auto_assign if team else "off"):
                services.auto_assign.set_mode(actor, info.id, mode)  # hands out waiting work
                info = services.staff_admin.get_team(info.id)
            return info

        self.save_button.setEnabled(False)
        self._w.runner.submit(save, on_done=self._on_saved, on_error=self._on_failed,
                              key="staff-team-save", owner=self)

    def _on_saved(self, info: TeamInfo) -> None:
        self.save_button.setEnabled(True)
        self._w.reload(select_team=info.id)
        self._w.set_status(self.tr("Team %1 saved.").replace("%1", info.name))

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(describe(exc))
        self.error.show()

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        team = self.team
        if team is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove team"),
            self.tr("Remove team %1? Its members stay; a team with open tickets cannot be "
                    "removed.").replace("%1", team.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        services, actor = self._w.services, self._w.actor
        self._w.runner.submit(
            lambda: services.staff_admin.remove_team(actor, team.id, team.version),
            on_done=lambda _r: self._removed(team), on_error=self._on_failed,
            key="staff-team-remove", owner=self)

    def _removed(self, team: TeamInfo) -> None:
        self.team = None
        self._w.reload()
        self._w.set_status(self.tr("Team %1 removed.").replace("%1", team.name))


class PeoplePage(QWidget):
    def __init__(self, window: StaffWindow) -> None:
        super().__init__(window)
        self.setObjectName("peoplePage")
        self._w = window
        self.user: UserInfo | None = None
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("peopleTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("User"), self.tr("Name"), self.tr("Role"), self.tr("Teams"),
             self.tr("State")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.new_button = QPushButton(self.tr("New user"), self)
        self.new_button.setObjectName("newUserButton")
        self.username = QLineEdit(self)
        self.username.setObjectName("userUsername")
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("userDisplayName")
        self.email = QLineEdit(self)
        self.email.setObjectName("userEmail")
        self.role = QComboBox(self)
        self.role.setObjectName("userRole")
        for r in Role:
            self.role.addItem(label(r), r.value)
        self.tier = QSpinBox(self)
        self.tier.setObjectName("userTier")
        self.tier.setRange(1, 3)
        self.language = QComboBox(self)
        self.language.setObjectName("userLanguage")
        for code, _name in LANGUAGES:
            self.language.addItem(_language_name(code), code)
        self.password = QLineEdit(self)
        self.password.setObjectName("userPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.teams = QListWidget(self)
        self.teams.setObjectName("userTeams")
        self.teams.setMaximumHeight(120)
        self.error = error_label(self, "userError")
        self.save_button = QPushButton(self.tr("Save user"), self)
        self.save_button.setObjectName("saveUserButton")
        self.disable_button = QPushButton(self.tr("Disable"), self)
        self.disable_button.setObjectName("disableUserButton")
        self.reset_button = QPushButton(self.tr("Reset password…"), self)
        self.reset_button.setObjectName("resetPasswordButton")

        form = QFormLayout()
        form.addRow(self.tr("&Username:"), self.username)
        form.addRow(self.tr("&Display name:"), self.display_name)
        form.addRow(self.tr("&Email:"), self.email)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("&Tier:"), self.tier)
        form.addRow(self.tr("&Language:"), self.language)
        self.password_label = QLabel(self.tr("&Password:"), self)
        self.password_label.setBuddy(self.password)
        form.addRow(self.password_label, self.password)
        form.addRow(self.tr("T&eams:"), self.teams)
        buttons = QHBoxLayout()
        buttons.addWidget(self.disable_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.error)
        right.addLayout(buttons)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.table)
        left.addWidget(self.new_button)
        left_w, right_w = QWidget(self), QWidget(self)
        left_w.setLayout(left)
        right_w.setLayout(right)
        split = QSplitter(self)
        split.addWidget(left_w)
        split.addWidget(right_w)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.addWidget(split)
        self._connect_signals()
        self._show(None)

    def _connect_signals(self) -> None:
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.disable_button.clicked.connect(self._on_disable_button_clicked)
        self.reset_button.clicked.connect(self._on_reset_button_clicked)

    def populate(self, users: list[UserInfo], select: str | None = None) -> None:
        current = select or (self.user.username if self.user else None)
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for u in users:
            row = self.table.rowCount()
            self.table.insertRow(row)
            state = self.tr("active") if u.active else self.tr("disabled")
            for col, text in enumerate((u.username, u.display_name, label(u.role),
                                        ", ".join(u.team_names), state)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, u)
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        row = next((i for i, u in enumerate(users) if u.username == current), -1)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._show(None)

    def _show(self, user: UserInfo | None) -> None:
        self.user = user
        self.error.hide()
        new = user is None
        self.username.setText(user.username if user else "")
        self.username.setReadOnly(not new)
        self.display_name.setText(user.display_name if user else "")
        self.email.setText((user.email or "") if user else "")
        self.role.setCurrentIndex(self.role.findData((user.role if user else Role.AGENT).value))
        self.tier.setValue(user.tier if user else 1)
        self.language.setCurrentIndex(max(0, self.language.findData(
            user.language if user else "fa")))
        self.password.clear()
        self.password.setVisible(new)
        self.password_label.setVisible(new)
        fill_checklist(self.teams, [(t.name, t.name) for t in self._w.teams],
                       set(user.team_names) if user else set())
        self.disable_button.setEnabled(user is not None and user.id != self._w.actor.user_id)
        self.disable_button.setText(self.tr("Enable") if user and not user.active
                                    else self.tr("Disable"))
        self.reset_button.setEnabled(not new)

    @Slot()
    def _on_table_item_selection_changed(self) -> None:
        items = self.table.selectedItems()
        self._show(items[0].data(Qt.ItemDataRole.UserRole) if items else None)

    @Slot()
    def _on_new_button_clicked(self) -> None:
        self.table.clearSelection()
        self._show(None)
        self.username.setFocus()

    @Slot()
    def _on_save_button_clicked(self) -> None:
        services, actor, user = self._w.services, self._w.actor, self.user
        fields = dict(
            display_name=self.display_name.text(), email=self.email.text(),
            role=self.role.currentData(), tier=self.tier.value(),
            language=self.language.currentData(),
        )
        teams = checked_names(self.teams)
        if user is None:
            username, password = self.username.text(), self.password.text()

            def op():
                return services.staff.create_user(
                    actor, username, fields["display_name"] or username, fields["role"],
                    password, tier=fields["tier"], team_names=teams,
                    email=fields["email"] or None, language=fields["language"])
        else:
            def op():
                return services.staff_admin.edit_user(
                    actor, user.username, user.version, team_names=teams, **fields)
        self.save_button.setEnabled(False)
        self._w.runner.submit(op, on_done=self._on_saved, on_error=self._on_failed,
                              key="staff-user-save", owner=self)

    def _on_saved(self, info: UserInfo) -> None:
        self.save_button.setEnabled(True)
        self._w.reload(select_user=info.username)
        self._w.set_status(self.tr("%1 saved.").replace("%1", info.username))

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(describe(exc))
        self.error.show()

    @Slot()
    def _on_disable_button_clicked(self) -> None:
        user = self.user
        if user is None:
            return
        services, actor = self._w.services, self._w.actor
        if user.active:
            self._w.runner.submit(
                lambda: services.staff_admin.disable_user(actor, user.username),
                on_done=self._on_disabled, on_error=self._on_failed, key="staff-user-state",
                owner=self)
        else:
            self._w.runner.submit(
                lambda: services.staff_admin.enable_user(actor, user.username),
                on_done=self._on_saved, on_error=self._on_failed, key="staff-user-state",
                owner=self)

    def _on_disabled(self, result: DisabledUser) -> None:
        self._w.reload(select_user=result.user.username)
        self.disabled_result = result
        if result.open_tickets:
            refs = "\n".join(f"{t.reference}  {t.subject}" for t in result.open_tickets)
            text = self.tr("%1 is disabled. These open tickets are still assigned to them; "
                           "reassign them from the Supervisor view:").replace(
                               "%1", result.user.display_name)
            self._w.set_status(text + "\n" + refs)
        else:
            self._w.set_status(self.tr("%1 is disabled; they had no open tickets.").replace(
                "%1", result.user.display_name))

    @Slot()
    def _on_reset_button_clicked(self) -> None:
        user = self.user
        if user is None:
            return
        password, ok = QInputDialog.getText(
            self, self.tr("Reset password"),
            self.tr("Temporary password for %1 (they must change it at the next login):")
            .replace("%1", user.username), QLineEdit.EchoMode.Password)
        if ok:
            self.reset_password(password)

    def reset_password(self, password: str) -> None:
        user = self.user
        assert user is not None
        services, actor = self._w.services, self._w.actor
        self._w.runner.submit(
            lambda: services.staff_admin.reset_password(actor, user.username, password),
            on_done=lambda _r: self._w.set_status(
                self.tr("Password of %1 reset; they choose a new one at the next login.")
                .replace("%1", user.username)),
            on_error=self._on_failed, key="staff-user-reset", owner=self)


class StaffWindow(QDialog):
    loaded = Signal()

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffWindow")
        self.setWindowTitle(self.tr("Staff and teams"))
        self.services = services
        self.actor = actor
        self.runner = runner
        self.users: list[UserInfo] = []
        self.teams: list[TeamInfo] = []
        self.tabs = QTabWidget(self)
        self.teams_page = TeamsPage(self)
        self.tabs.addTab(self.teams_page, self.tr("Teams"))
        self.people_page: PeoplePage | None = None
        if actor.can(Permission.MANAGE_USERS):
            self.people_page = PeoplePage(self)
            self.tabs.addTab(self.people_page, self.tr("People"))
        self.status = QLabel(self)
        self.status.setObjectName("staffStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        self.resize(980, 620)
        self.reload()

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def reload(self, select_team: uuid.UUID | None = None, select_user: str | None = None
               ) -> None:
        services = self.services

        def load():
            return (services.staff.list_users(active_only=False), services.staff.list_teams())

        self.runner.submit(load, on_done=lambda r: self._on_loaded(r, select_team, select_user),
                           on_error=lambda e: self.set_status(describe(e)),
                           key="staff-load", owner=self)

    def _on_loaded(self, result, select_team, select_user) -> None:
        self.users, self.teams = result
        self.teams_page.populate(self.teams, select_team)
        if self.people_page is not None:
            self.people_page.populate(self.users, select_user)
        self.loaded.emit()
