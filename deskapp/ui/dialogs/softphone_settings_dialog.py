"""File → Softphone…: this workstation's softphone link (baresip's ctrl_tcp) and the
local call hook. Saved for this computer; applied at once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from deskapp.ui.telephony.settings import TelephonySettings


class SoftphoneSettingsDialog(QDialog):
    def __init__(self, settings: TelephonySettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("softphoneSettingsDialog")
        self.setWindowTitle(self.tr("Softphone"))
        self.enabled = QCheckBox(self.tr("Connect to the softphone (baresip ctrl_tcp)"), self)
        self.enabled.setObjectName("softphoneEnabled")
        self.enabled.setChecked(settings.softphone_enabled)
        self.host = QLineEdit(settings.host, self)
        self.host.setObjectName("softphoneHost")
        self.port = QSpinBox(self)
        self.port.setObjectName("softphonePort")
        self.port.setRange(1, 65535)
        self.port.setValue(settings.port)
        self.pattern = QLineEdit(settings.dial_pattern, self)
        self.pattern.setObjectName("softphoneDialPattern")
        self.hook = QCheckBox(self.tr("Accept `deskapp call …` from other programs"), self)
        self.hook.setObjectName("callHookEnabled")
        self.hook.setChecked(settings.hook_enabled)
        self.error = QLabel(self)
        self.error.setObjectName("softphoneSettingsError")
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.hide()
        help_text = QLabel(
            self.tr("In baresip's config: module_app ctrl_tcp.so and ctrl_tcp_listen "
                    "127.0.0.1:4444. The dial pattern turns a number into what the "
                    "softphone dials: {number}, or sip:{number}@your-pbx."), self)
        help_text.setWordWrap(True)
        help_text.setStyleSheet("color: #616161;")
        form = QFormLayout()
        form.addRow("", self.enabled)
        form.addRow(self.tr("Host:"), self.host)
        form.addRow(self.tr("Control port:"), self.port)
        form.addRow(self.tr("Dial pattern:"), self.pattern)
        form.addRow("", self.hook)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(help_text)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, 0)

    def settings(self) -> TelephonySettings:
        return TelephonySettings(
            softphone_enabled=self.enabled.isChecked(),
            host=self.host.text().strip(),
            port=self.port.value(),
            dial_pattern=self.pattern.text().strip(),
            hook_enabled=self.hook.isChecked(),
        )

    def _on_buttons_accepted(self) -> None:
        chosen = self.settings()
        if chosen.softphone_enabled and not chosen.host:
            self.error.setText(self.tr("Enter the softphone's host (usually 127.0.0.1)."))
        elif "{number}" not in chosen.dial_pattern:
            self.error.setText(self.tr("The dial pattern must contain {number}."))
        else:
            self.accept()
            return
        self.error.show()
